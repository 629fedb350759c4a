"""Claims: the checkable statements of an article, how firmly each is put, and earlier
fact-checks of it. The rules are documented with examples in docs/claims.md.

1. **Candidates.** Every sentence of the Doc with a verb and at least `MIN_WORDS` words.
   When a quote's content lies in the sentence, the claim is that content (without its
   quotation marks) and links to the quote (`quote`); otherwise it is the sentence.
2. **Check-worthiness.** The sentence is scored by the model of `checkworthy.py`; claims
   below `settings.claim_min_checkworthiness` (negative: the model's own threshold, chosen
   by cross-validation on the training data) are dropped, except rumored and disputed
   ones (`ALWAYS_KEPT`): those are what a fact-checker looks for.
3. **Status**, first rule that fires wins (`claim_status`):
   questioned > denied > disputed > rumored > reported > asserted.
4. **Hedges**: lexicon hedges (`hedges.py`) anywhere in the sentence, plus conditional
   marks ("if", "unless") on the claim's main verb (`commitment.py`).
5. **Fact-checks**: with `settings.factcheck_index`, the best matches from that index whose
   cosine similarity reaches `settings.factcheck_min_similarity`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Analysis, Quote
from ..settings import Settings
from .checkworthy import load_model
from .commitment import DENIAL_VERBS, event_cues, happened_probability
from .hedges import find_hedges

NAME = "claims"
VERSION = "1"
FIELD = "claims"
REQUIRES = ("quotes",)

MIN_WORDS = 4  # "He said so." and datelines are not claims
STATUSES = ("asserted", "reported", "rumored", "disputed", "denied", "questioned")
QUESTION_CUES = frozenset("ask question wonder query".split())
RUMOR_KINDS = frozenset({"rumor", "anonymous"})
# The author or another source says the claim is false or unsupported.
DISPUTE = re.compile(
    r"\b(falsely|wrongly|erroneously|baselessly|mistakenly|inaccurately|misleadingly)\b|"
    r"\bwithout (any |providing |offering )?(evidence|proof)\b|\bno (evidence|proof)\b|"
    # A verdict on a claim, not any use of the adjective ("a false saving", "bogus charm"):
    # before a word for a claim, or said of one ("was false", "dismissed as baseless").
    r"\b(unfounded|baseless|false|untrue|bogus|misleading)\s+(claims?|allegations?|accusations?|"
    r"reports?|rumou?rs?|stor(y|ies)|statements?|assertions?|information|narratives?)\b|"
    r"\b(is|was|are|were|be|been|proved|proven|called(\s+\w+){0,3}|as)\s+(completely\s+|entirely\s+|"
    r"totally\s+|simply\s+)?(unfounded|baseless|false|untrue|bogus|misleading)\b|"
    r"\b(debunked|discredited)\b|"
    # Not "disputed": "the disputed region" is a place, not a dispute of the claim.
    r"\bnot true\b|\bcontradict(s|ed)?\b", re.I)
# Rumour framings outside the attribution layer's own rumour speakers.
RUMOR = re.compile(r"\b(reportedly|allegedly|purportedly|supposedly|rumou?r(s|ed)?|"
                   r"unconfirmed reports?|it is (said|rumou?red|claimed) that|"
                   r"there (are|were|have been) (claims|reports|suggestions|rumou?rs))\b", re.I)
_QUOTE_MARKS = "\"'“”‘’«»„"


@dataclass
class Candidate:
    sent: Any  # spaCy Span
    start: int
    end: int
    quote: Quote | None = None
    facts: list[dict] = field(default_factory=list)


ALWAYS_KEPT = frozenset({"rumored", "disputed"})  # kept below the check-worthiness threshold


def run(doc, analysis: Analysis, settings: Settings) -> list[dict[str, Any]]:
    candidates = candidates_of(doc, analysis)
    if not candidates:
        return []
    model = load_model()
    sentences = [c.sent.text for c in candidates]
    scores = model.scores(sentences)  # one MiniLM pass; its token states stay for techniques
    threshold = settings.claim_min_checkworthiness
    if threshold < 0:
        threshold = model.threshold
    # A rumour, or a claim the text itself contradicts, is what a fact-checker looks for
    # whatever its wording; the model, trained on debate transcripts, often scores such
    # sentences low ("There are claims on social media that the dam is cracked").
    kept = [(c, float(s), status) for c, s in zip(candidates, scores)
            if (status := claim_status(doc, c, analysis)) in ALWAYS_KEPT or s >= threshold]
    if settings.factcheck_index and kept:
        _match_factchecks([c for c, _, _ in kept], analysis.text, settings)
    claims = []
    for n, (c, score, status) in enumerate(kept, 1):
        text = analysis.text
        claims.append({
            "id": f"c{n}", "start": c.start, "end": c.end, "text": text[c.start:c.end],
            "status": status,
            "checkworthiness": round(score, 4),
            # the same function `eval factuality` scores: does the text present it as real?
            "firmness": round(happened_probability(_main_verb(doc, c)), 4),
            "quote": c.quote.id if c.quote else None,
            "hedges": [{"start": h.start, "end": h.end, "text": text[h.start:h.end], "kind": h.kind}
                       for h in claim_hedges(doc, c)],
            "factchecks": c.facts,
        })
    return claims


def candidates_of(doc, analysis: Analysis) -> list[Candidate]:
    """One candidate per sentence (see the module docstring)."""
    text = analysis.text
    out = []
    for sent in doc.sents:
        words = [t for t in sent if not t.is_punct and not t.is_space]
        if len(words) < MIN_WORDS or not any(t.pos_ in ("VERB", "AUX") for t in sent):
            continue
        start, end = _trim(text, sent.start_char, sent.end_char)
        quote, piece = _quote_in(analysis.quotes, sent.start_char, sent.end_char)
        if quote is not None and _cue_negated(doc, quote):
            # "The agency did not say when the message was sent": the content is not the
            # source's claim; the sentence is the author's.
            quote, piece = None, None
        if piece:
            p_start, p_end = _trim(text, *piece, marks=True)
            # "said that the bridge ...": the claim starts after the complementiser.
            if text[p_start:p_start + 5].lower() == "that ":
                p_start = _trim(text, p_start + 5, p_end)[0]
            # Only a clause (or a whole quoted sentence) is a claim: "cited residents of
            # border villages", "denied the report" report sourcing; the sentence is the claim.
            if len(text[p_start:p_end].split()) >= MIN_WORDS - 1 and (
                    text[p_end - 1] in ".!?" or _is_clause(doc, p_start, p_end)):
                start, end = p_start, p_end
        if start < end:
            out.append(Candidate(sent, start, end, quote))
    return out


def _quote_in(quotes: list[Quote], start: int, end: int) -> tuple[Quote | None, tuple[int, int] | None]:
    """The quote with the most content inside [start, end), and that content's part in it.
    A nested quote (one whose cue is inside another's content) wins over its parent when
    both cover the same words, because it names who said it last."""
    best, best_piece, best_len = None, None, 0
    for q in quotes:
        for c in q.content:
            a, b = max(c.start, start), min(c.end, end)
            if b - a > best_len or (b - a == best_len and best and q.parent == best.id and b > a):
                best, best_piece, best_len = q, (a, b), b - a
    if best is not None:
        best_piece = _joined_with_aside(best, best_piece, start, end)
    return best, best_piece


def _joined_with_aside(quote: Quote, piece: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """Indirect content cut by its attribution ("The memo, according to the Gazette, was
    signed by a deputy minister"): the pieces in the sentence, subject included, as one
    span. A direct quotation interrupted by its cue keeps its longest piece."""
    if quote.type != "indirect":
        return piece
    pieces = sorted((max(c.start, start), min(c.end, end)) for c in quote.content
                    if min(c.end, end) > max(c.start, start))
    return (pieces[0][0], pieces[-1][1]) if len(pieces) > 1 else piece


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _is_clause(doc, start: int, end: int) -> bool:
    """Does the text state something: a finite verb outside any relative clause? Not a
    noun phrase ("a leaked memo, which it did not publish"). Tags, not the head's part of
    speech: the small parser tags "had overspent" as a noun now and then."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False

    def in_relative_clause(token) -> bool:
        # up to the span's own head, whose link to the sentence ("claims that ...") is not
        # the span's business
        while span.start <= token.head.i < span.end and token.head.i != token.i:
            if token.dep_ in ("relcl", "acl"):
                return True
            token = token.head
        return False

    return any(t.tag_ in FINITE_TAGS and not in_relative_clause(t) for t in span)


def _cue_negated(doc, quote: Quote) -> bool:
    """Is the quote's reporting verb negated ("did not say", "never confirmed", "did not
    name X or say Y")? A negation on the verb a conjoined cue hangs on counts too."""
    if quote.cue is None:
        return False
    span = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if span is None:
        return False
    for t in span:
        if t.dep_ == "neg" or t.lower_ in ("not", "n't", "never"):
            return True
    for v in (t for t in span if t.pos_ in ("VERB", "AUX")):
        heads = [v, v.head] if v.dep_ == "conj" else [v]
        if any(c.dep_ == "neg" for h in heads for c in h.children):
            return True
    return False


def _trim(text: str, start: int, end: int, marks: bool = False) -> tuple[int, int]:
    strip = " \t\r\n" + (_QUOTE_MARKS + ",;:" if marks else "")
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


def _main_verb(doc, c: Candidate):
    """The claim's main verb: the sentence root, or for a quoted claim the token of the
    content whose head lies outside it."""
    if c.quote is None:
        return c.sent.root
    inside = [t for t in c.sent if c.start <= t.idx < c.end]
    heads = [t for t in inside if not (c.start <= t.head.idx < c.end) or t.head is t]
    verbs = [t for t in heads if t.pos_ in ("VERB", "AUX")]
    return (verbs or heads or [c.sent.root])[0]


def claim_status(doc, c: Candidate, analysis: Analysis) -> str:
    """questioned > denied > disputed > rumored > reported > asserted; examples in
    docs/claims.md."""
    sent_text = c.sent.text
    verb = _main_verb(doc, c)
    cues = event_cues(verb)
    cue_lemma = _cue_lemma(doc, c.quote)
    claim_text = analysis.text[c.start:c.end]
    if (claim_text.rstrip().endswith("?") or sent_text.rstrip().endswith("?")
            or cue_lemma in QUESTION_CUES or c.sent.root.lemma_.lower() in QUESTION_CUES
            or any(k.kind == "question" for k in cues)):
        return "questioned"
    if cue_lemma in DENIAL_VERBS or any(k.kind == "denied" for k in cues) \
            or c.sent.root.lemma_.lower() in DENIAL_VERBS:
        return "denied"
    if DISPUTE.search(sent_text):
        return "disputed"
    kinds = {c.quote.speaker.kind} if c.quote else set()
    kinds |= {k.kind for k in (c.quote.chain if c.quote else [])}
    if kinds & RUMOR_KINDS or RUMOR.search(sent_text):
        return "rumored"
    if c.quote and c.quote.speaker.kind != "author":
        return "reported"
    return "asserted"


def _cue_lemma(doc, quote: Quote | None) -> str:
    if quote is None or quote.cue is None:
        return ""
    span = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if span is None:
        return ""
    verbs = [t for t in span if t.pos_ in ("VERB", "NOUN")] or list(span)
    return verbs[-1].lemma_.lower() if verbs else ""


def claim_hedges(doc, c: Candidate):
    """Lexicon hedges in the sentence, and conditional marks on the main verb."""
    from .hedges import Hedge

    found = find_hedges(doc, c.sent.start_char, c.sent.end_char)
    taken = {(h.start, h.end) for h in found}
    conditions = [k.token for k in event_cues(_main_verb(doc, c))
                  if k.kind == "conditional" and k.token.lower_ in ("if", "unless")]
    # "will pay ... if the court rules": the mark sits in the condition clause.
    conditions += [t for t in c.sent if t.dep_ == "mark" and t.lower_ in ("if", "unless")
                   and t.head.dep_ == "advcl"]
    for t in conditions:
        if (t.idx, t.idx + len(t)) not in taken:
            taken.add((t.idx, t.idx + len(t)))
            found.append(Hedge(t.idx, t.idx + len(t), "conditional"))
    return sorted(found, key=lambda h: h.start)


def _match_factchecks(candidates: list[Candidate], text: str, settings: Settings) -> None:
    from ..factcheck import load_index

    index = load_index(str(settings.factcheck_index))
    results = index.search_many([text[c.start:c.end] for c in candidates],
                                k=settings.factcheck_top_k,
                                weight=settings.factcheck_embedding_weight)
    for c, matches in zip(candidates, results):
        c.facts = [m.to_dict() for m in matches if m.similarity >= settings.factcheck_min_similarity]


__all__ = ["NAME", "VERSION", "FIELD", "REQUIRES", "run", "candidates_of", "claim_status",
           "claim_hedges", "STATUSES"]
