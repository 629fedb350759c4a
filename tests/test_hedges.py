"""The hedge finder (layers/hedges.py)."""

from newsprobe.layers import hedges


def _hedges_tried_at_every_token(doc, start, end):
    """The finder without its shortcut: every phrase length is tried at every token."""
    entries = hedges.lexicon()
    tokens = list(doc.char_span(start, end, alignment_mode="contract") or ())
    found, k = [], 0
    while k < len(tokens):
        first = tokens[k]
        for n in range(min(hedges._longest_phrase(), len(tokens) - k), 1, -1):
            kind = entries.get(tuple(t.lower_ for t in tokens[k:k + n]))
            if kind and (kind != "approximator" or hedges._before_number(doc, tokens[k + n - 1].i + 1)):
                last = tokens[k + n - 1]
                found.append(hedges.Hedge(first.idx, last.idx + len(last), kind))
                k += n
                break
        else:
            kind = hedges._single_word_kind(first)
            if kind and (kind != "approximator" or hedges._before_number(doc, first.i + 1)):
                found.append(hedges.Hedge(first.idx, first.idx + len(first), kind))
            k += 1
    return found


def test_hedges_equal_those_found_by_trying_every_phrase_at_every_token(nlp):
    text = ("The mayor is believed to have spent more than 40 million on the bridge. It is unclear "
            "whether at least 3 workers were hurt; rumour has it that up to ten may reportedly "
            "leave, and the claim could not be verified. Perhaps it is possible.")
    doc = nlp(text)
    found = hedges.find_hedges(doc, 0, len(text))
    assert found == _hedges_tried_at_every_token(doc, 0, len(text))
    assert {"approximator"} <= {h.kind for h in found} and len(found) >= 6
    assert hedges.find_hedges(doc, 10, 60) == _hedges_tried_at_every_token(doc, 10, 60)
