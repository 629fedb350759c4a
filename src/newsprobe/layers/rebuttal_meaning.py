"""Rebuttals found by meaning: a sentence anywhere in the article that says the opposite of
a claim, in other words than the claim's.

The claims layer's word rules link a rebuttal that repeats the claim's words or sits
within a few sentences of it. A denial often does neither: "employment is not up" answers
a minister's figure, a denial in the lede answers a report eight sentences on. Here each
sentence's *contrary signals* are found (`signals_in`):

- a verdict in a voice's words: false (`FALSE_VERDICT`), contested (`CONTESTED`), doubt
  (`DOUBT`), as the claims layer defines them;
- a denial: a quote whose cue denies its content (*deny*; *reject, dismiss* a claim noun);
- a negated statement: a negation in a source's words, or in the writer's own words
  outside any quote (not a negated verb of saying: "did not respond" is silence);
- a different figure: the voice gives a number where the claim gives another, for a
  quantity named by the same noun ("40,000 nurses" against "12,000 nurses").

Each (claim, signal) pair in different sentences, either order, is scored by meaning:
the cosine of the two passages' MiniLM vectors, each the mean of the token states of the
passage's word pieces (the claim's own words, the voice's own words) after MiniLM's six
layers: the encoder pass the check-worthiness model already ran on every candidate
sentence when it ran all six (no new pass), else that shallow pass's states of the
sentences the pairs read, carried through the remaining layers (`meaning_states`); plus
`SHARED_WEIGHT` for each content lemma, entity
word or number the two share (at most `SHARED_CAP`). A claim takes its best-scoring
signal when the score reaches `MIN_SCORE` (chosen on newsroom dev and checked on both of
its halves, docs/claims.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
import numpy as np

from ..model import Analysis, Quote

# A passage pair links when cosine + SHARED_WEIGHT * min(shared, SHARED_CAP) >= MIN_SCORE.
# Chosen on newsroom dev (nr01-nr20), kept only where neither half fell (docs/claims.md).
MIN_SCORE = 0.55
FULL_DEPTH = 6
SHARED_WEIGHT = 0.05
SHARED_CAP = 4

_NUMBER = re.compile(r"\d[\d,.]*")


@dataclass
class Signal:
    """A contrary signal in sentence `n`: its kind, the words that carry it, the voice
    (None: the writer) and the voice's words in the sentence, which are compared."""

    n: int
    kind: str                       # false | contested | doubt | denial | negation | figure
    words: tuple[int, int]
    voice: Quote | None
    passage: list[tuple[int, int]]
    lemmas: set[str] = field(default_factory=set)
    numbers: dict[str, set[str]] = field(default_factory=dict)
    # the writer's line that ends in a dash and a name ("... airspace - Moscow"): its words
    # are that name's
    headline_source: str | None = None
    scope: set[str] = field(default_factory=set)   # a negation: the lemmas it bears on
    target: str | None = None                      # a verdict word's noun ("false post")


@dataclass
class MeaningLink:
    """A claim (candidate index) and the signal that rebuts it, with its score."""

    claim: int
    signal: Signal
    score: float
    similarity: float
    shared: set[str]


def passage_lemmas(tokens) -> set[str]:
    """Content lemmas, entity words and numbers: what two passages on one matter share."""
    out = set()
    for t in tokens:
        if t.like_num or _NUMBER.fullmatch(t.text):
            out.add(t.text.replace(",", ""))
        elif t.is_alpha and not t.is_stop and len(t) > 2 and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ"):
            out.add(t.lemma_.lower())
    return out


def figures(tokens) -> dict[str, set[str]]:
    """The numbers of a passage by the noun they count ("40,000 nurses" -> {"nurse":
    {"40000"}}, "2 million dollars" -> {"dollar": {"2million"}})."""
    out: dict[str, set[str]] = {}
    for t in tokens:
        if t.pos_ != "NUM" or t.dep_ != "nummod":
            continue
        noun = t.head
        words = [x for x in t.head.children if x.dep_ in ("nummod", "compound") and x.pos_ == "NUM"] or [t]
        value = "".join(x.text.replace(",", "").lower() for x in sorted(words, key=lambda x: x.i))
        if noun.pos_ == "NUM":   # "2 million" under a quantity noun
            noun = noun.head
        if noun.pos_ in ("NOUN", "PROPN"):
            out.setdefault(noun.lemma_.lower(), set()).add(value)
    return out


def span_vector(doc, spans: list[tuple[int, int]], states_of) -> np.ndarray | None:
    """The normalised mean of the token states of the word pieces inside `spans`, read
    from the encoder's memo for the sentence that holds them (`states_of(sentence)` gives
    its TokenStates or None). None when the sentence was not encoded."""
    rows = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        sent = span[0].sent
        ts = states_of(sent)
        if ts is None or not len(ts.offsets):
            return None
        a, b = start - sent.start_char, end - sent.start_char
        inside = (ts.offsets[:, 0] >= a) & (ts.offsets[:, 1] <= b)
        if inside.any():
            rows.append(ts.states[inside])
    if not rows:
        return None
    mean = np.concatenate(rows).mean(axis=0)
    return mean / max(float(np.linalg.norm(mean)), 1e-12)


def memo_lookup(texts: list[str], depth: int = FULL_DEPTH):
    """A `states_of` over the encoder memo: the TokenStates of a sentence encoded by this
    article's check-worthiness pass (of `depth` layers), or None (nothing is encoded here)."""
    from ..embeddings import memo_states

    found = dict(zip(texts, memo_states(texts, depth)))
    return lambda sent: found.get(sent.text)


def meaning_states(texts: list[str], shared_depth: int = FULL_DEPTH):
    """A `states_of` giving the full pass's TokenStates of each of `texts` (the sentences
    the linker's pairs read). After a full shared pass they are in the memo; after a
    shallower one (`encoder.layers` < 6) these sentences alone are carried through the
    remaining layers from the shallow pass's states (`embeddings.deep_states`: after 4
    layers only layers 5 and 6 run; about a fifth of an article's candidate sentences).
    The linker's score is a raw cosine with no trained head, and the cosines of a
    shallower layer sit higher for unrelated passages (MODELS.md, "Encoder depth"), so it
    reads the states it was tuned on whatever the shared pass's depth."""
    if shared_depth == FULL_DEPTH:
        return memo_lookup(texts, FULL_DEPTH)
    from ..embeddings import deep_states

    found = dict(zip(texts, deep_states(texts))) if texts else {}
    return lambda sent: found.get(sent.text)


def score_pair(claim_vec, claim_lemmas: set[str], signal: Signal, signal_vec) -> tuple[float, float, set[str]]:
    """(score, cosine, shared words) of one claim against one signal's passage."""
    shared = claim_lemmas & signal.lemmas
    similarity = float(claim_vec @ signal_vec) if claim_vec is not None and signal_vec is not None else 0.0
    return similarity + SHARED_WEIGHT * min(len(shared), SHARED_CAP), similarity, shared


def different_figure(claim_figures: dict[str, set[str]], signal: Signal) -> tuple[str, set[str]] | None:
    """A quantity both passages count, with numbers that do not overlap: (noun, numbers)."""
    for noun, values in claim_figures.items():
        other = signal.numbers.get(noun)
        if other and not (other & values):
            return noun, other
    return None


__all__ = ["Signal", "MeaningLink", "MIN_SCORE", "SHARED_WEIGHT",
           "SHARED_CAP", "passage_lemmas",
           "figures", "span_vector", "memo_lookup", "meaning_states", "score_pair", "different_figure"]
