"""Claims: the checkable statements of an article, how firmly each is put, and earlier
fact-checks of it. The rules are documented with examples in docs/claims.md.

1. **Candidates.** Every sentence of the Doc with a verb and at least `MIN_WORDS` words.
   When a quote's content lies in the sentence, the claim is that content (without its
   quotation marks) and links to the quote (`quote`); otherwise it is the sentence. Each
   other quote in the sentence whose content is a clause of its own is one more claim.
2. **Check-worthiness.** The sentence is scored by the model of `checkworthy.py`; claims
   below `settings.claim_min_checkworthiness` (negative: the model's own threshold, chosen
   by cross-validation on the training data) are dropped, except rumored and disputed
   ones (`ALWAYS_KEPT`): those are what a fact-checker looks for.
3. **Status**: every rule that fires on the claim's sentence, the strongest in
   `PRECEDENCE` wins (`status_of`); then rebuttals elsewhere in the article
   (`link_rebuttals`): verdicts and denials a few sentences on or pointing at the claim by
   a noun, contrary statements sharing its words, and last the rebuttals found by meaning
   anywhere in the article (`link_by_meaning`, rebuttal_meaning.py).
4. **Hedges**: lexicon hedges (`hedges.py`) anywhere in the sentence, plus conditional
   marks ("if", "unless") on the claim's main verb (`commitment.py`).
5. **Fact-checks**: with `settings.factcheck_index`, the best matches from that index whose
   cosine similarity reaches `settings.factcheck_min_similarity`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from ..model import Analysis, Quote
from ..settings import Settings
from .attribution import EVIDENTIAL_ADVERBS, dateline_end, refuses_to_speak
from .checkworthy import load_model
from .commitment import DENIAL_VERBS, event_cues, happened_probability, is_negated
from .cue_words import hand_cues
from .hedges import find_hedges
from . import rebuttal_meaning
from .rebuttal_meaning import ( MeaningLink, Signal, different_figure, figures, meaning_states,
                               passage_lemmas, score_pair, span_vector)
from .sources import kind_words

NAME = "claims"
VERSION = "14"
FIELD = "claims"
REQUIRES = ("quotes",)

MIN_WORDS = 4  # "He said so." and datelines are not claims
STATUSES = ("asserted", "reported", "unconfirmed", "rumored", "hedged", "disputed", "denied",
            "refuted", "questioned")
_QUOTE_MARKS = "\"'“”‘’«»„"


@dataclass
class Candidate:
    sent: Any  # spaCy Span
    start: int
    end: int
    quote: Quote | None = None
    facts: list[dict] = field(default_factory=list)
    # the writer's aside inside a source's words (", who scored 30 goals last season"):
    # its status reads its own words only, not the sentence around it
    aside: bool = False


ALWAYS_KEPT = frozenset({"rumored", "disputed", "denied", "refuted"})  # kept below the check-worthiness threshold


def run(doc, analysis: Analysis, settings: Settings) -> list[dict[str, Any]]:
    candidates = candidates_of(doc, analysis)
    if not candidates:
        return []
    depth = settings.encoder_layers
    model = load_model(depth)
    sentences = [c.sent.text for c in candidates]
    scores = model.scores(sentences)  # one MiniLM pass; its token states stay for techniques
    threshold = settings.claim_min_checkworthiness
    if threshold < 0:
        threshold = model.threshold
    statuses = [status_of(doc, c, analysis) for c in candidates]
    link_rebuttals(doc, candidates, statuses, analysis, depth)
    # A rumour, or a claim the text itself contradicts, is what a fact-checker looks for
    # whatever its wording; the model, trained on debate transcripts, often scores such
    # sentences low ("There are claims on social media that the dam is cracked").
    kept = [(c, float(s), st) for c, s, st in zip(candidates, scores, statuses)
            if st.status in ALWAYS_KEPT or s >= threshold]
    if settings.factcheck_index and kept:
        _match_factchecks([c for c, _, _ in kept], analysis.text, settings)
    claims = []
    text = analysis.text
    for n, (c, score, st) in enumerate(kept, 1):
        claims.append({
            "id": f"c{n}", "start": c.start, "end": c.end, "text": text[c.start:c.end],
            "status": st.status,
            "evidence": st.evidence(text),
            "rebutted_by": _span(text, *st.rebutted_by) if st.rebutted_by else None,
            "checkworthiness": round(score, 4),
            # the same function `eval factuality` scores: does the text present the event
            # as real? It says nothing about the status.
            "firmness": round(happened_probability(_main_verb(doc, c), depth=depth), 4),
            "quote": c.quote.id if c.quote else None,
            "hedges": [{"start": h.start, "end": h.end, "text": text[h.start:h.end], "kind": h.kind}
                       for h in claim_hedges(doc, c)],
            "factchecks": c.facts,
        })
    return claims


def candidates_of(doc, analysis: Analysis) -> list[Candidate]:
    """One candidate per sentence, and one more for each other source in it whose words
    are a clause of their own (see the module docstring)."""
    text = analysis.text
    out = []
    # "The agency did not say when the message was sent", "Police remained tight-lipped":
    # the content is not the source's claim; the sentence is the author's, unless another
    # source in it says something ("…, but a neighbour said she saw him").
    # "The ore, which reportedly would cost $450 million, is needed …": hearsay on a
    # relative clause leaves the sentence the writer's claim (its status reads the marker).
    spoken = [q for q in analysis.quotes if not _cue_negated(doc, q) and not _relative_clause_hearsay(doc, q)]
    for sent in doc.sents:
        words = [t for t in sent if not t.is_punct and not t.is_space]
        if len(words) < MIN_WORDS or not any(t.pos_ in ("VERB", "AUX") for t in sent):
            continue
        start, end = _trim(text, sent.start_char, sent.end_char)
        dateline = dateline_end(text, start, end)
        if dateline is not None:
            start = dateline  # "(Reuters) - ", "MOSCOW, December 5./TASS/. " is no claim's text
        if _only_a_verdict_by_naming(text, sent, start, end):
            continue
        quote, piece = _quote_in(spoken, sent.start_char, sent.end_char,
                                 lambda piece: _claim_piece(doc, text, piece) is not None)
        if quote is not None and piece and _names_a_claim_false_only(doc, text, quote, piece):
            continue   # "..., Mayor Brandt called the claims 'baseless.'": a verdict, no claim
        found = []
        if piece:
            claim = _claim_piece(doc, text, piece)
            if claim is not None:
                start, end = claim
                found = [Candidate(sent, start, end, quote)]
                # "Kess said the floods destroyed 300 homes, but officials say only 40
                # were damaged", "'...,' Tolle said, adding that the company lost ...":
                # every other source's clause in the sentence is a claim of its own
                found += _other_claims(doc, text, sent, spoken, quote, claim)
            elif not _cue_frames(doc, sent, quote, spoken):
                # "Shares fell after the firm cut its forecast, citing weak demand": the
                # sentence is the claim, and a cue off its main verb ("citing", "banners
                # demanding", "by defending") relays none of it; the writer states it
                quote = None
        if not found and start < end:
            found = [Candidate(sent, start, end, quote)]
        out += sorted((part for c in found for part in _split_aside(doc, text, c)), key=lambda c: c.start)
    return out


def _split_aside(doc, text: str, c: Candidate) -> list[Candidate]:
    """A source's paraphrase that ends in a non-restrictive relative clause ("The club said
    it would sign Tomas Vell, who scored 30 goals last season"): the source's claim ends
    before the comma, and the clause is the writer's background, a claim of its own. Only
    a clause on a name: one on a common noun ("never left his wife, who had lost the
    child") tells more of what the source says (in the first 400 PolNeAR train articles
    and the dev set, such a clause lies outside a paraphrase's content 54 times in 88
    after a name, 53 in 113 after a common noun). Words inside quotation marks stay the
    speaker's."""
    if c.quote is None or c.quote.type == "direct":
        return [c]
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return [c]
    for t in span:
        if t.dep_ != "relcl" or not (c.start <= t.head.idx < t.idx):
            continue
        sub = list(t.subtree)
        first, last = sub[0], sub[-1]
        comma = doc[first.i - 1] if first.i > 0 else None
        # what follows the clause to the claim's end hangs on the same noun ("Vell, who
        # scored 30 goals - putting him third"), or the clause is not the claim's tail
        noun = {x.i for x in t.head.subtree}
        tail = [x for x in span if x.i > last.i and not x.is_punct and not x.is_space]
        # the relative pronoun is the clause's subject: "which Ostrava considers too high"
        # has a subject of its own and is somebody's view, not the writer's background
        if first.lower_ not in ("who", "which") or first.dep_ not in ("nsubj", "nsubjpass") \
                or t.head.pos_ != "PROPN" \
                or comma is None or comma.text != "," \
                or comma.idx <= c.start or any(x.i not in noun for x in tail) \
                or any(ch in text[comma.idx:c.end] for ch in '"“”«»„') \
                or _inside_quotation_marks(text, c.sent.start_char, comma.idx):
            continue
        aside = _trim(text, first.idx, c.end, marks=True)
        main = _trim(text, c.start, comma.idx)
        if len(text[aside[0]:aside[1]].split()) < MIN_WORDS or len(text[main[0]:main[1]].split()) < MIN_WORDS - 1:
            continue
        return [Candidate(c.sent, *main, c.quote), Candidate(c.sent, *aside, None, aside=True)]
    return [c]


def _claim_piece(doc, text: str, piece: tuple[int, int]) -> tuple[int, int] | None:
    """A quote's content in a sentence as a claim: trimmed of quotation marks and a leading
    "that" ("said that the bridge ..."); None unless it is a clause or a whole quoted
    sentence ("cited residents of border villages", "denied the report" report sourcing)."""
    p_start, p_end = _trim(text, *piece, marks=True)
    if text[p_start:p_start + 5].lower() == "that ":
        p_start = _trim(text, p_start + 5, p_end)[0]
    if p_start < p_end and len(text[p_start:p_end].split()) >= MIN_WORDS - 1 and (
            text[p_end - 1] in ".!?" or _is_clause(doc, p_start, p_end)):
        return p_start, p_end
    return None


def _other_claims(doc, text: str, sent, quotes: list[Quote], main: Quote,
                  claim: tuple[int, int]) -> list[Candidate]:
    """The contents of the sentence's other quotes that are claims and overlap no claim
    taken before (a host's content holds its nested quote's: one claim), longest first."""
    taken = [claim]
    pieces = []
    for q in quotes:
        if q is main or q.cue is None:
            continue
        for c in q.content:
            a, b = max(c.start, sent.start_char), min(c.end, sent.end_char)
            if a < b:
                pieces.append((b - a, a, b, q))
    out = []
    for _, a, b, q in sorted(pieces, key=lambda p: (-p[0], p[1])):
        if any(a < y and x < b for x, y in taken):
            continue
        piece = _claim_piece(doc, text, (a, b))
        if piece is None or len(text[piece[0]:piece[1]].split()) < MIN_WORDS:
            continue   # "That is a fairy tale", "(confirmed that) account to the Courier": no claim beside the sentence's
        taken.append(piece)
        out.append(Candidate(sent, *piece, q))
    return out


def _cue_frames(doc, sent, quote: Quote, quotes: list[Quote]) -> bool:
    """Does the quote's cue, or the cue of a quote that relays it ("The firm reported 400
    orders, citing its own data": the report relays the data), frame the whole sentence:
    the sentence's main verb ("The ministry confirmed the deaths of three soldiers"), a
    verb conjoined with it, or a phrase on it ("According to the police, ...")? A quote
    with no cue (a quote paragraph) is its own frame, and so is a headline's colon."""
    by_id = {q.id: q for q in quotes}
    root = sent.root
    steps = 0
    while quote is not None and steps < 4:
        if quote.cue is None:
            return True
        span = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
        if span is None or all(t.is_punct for t in span) or any(
                t.i == root.i or (t.head.i == root.i and t.dep_ in ("conj", "prep", "agent")) for t in span):
            # a headline's colon or dash ("Mayor: the bridge is safe") frames its line
            return True
        quote, steps = by_id.get(quote.parent) if quote.parent else None, steps + 1
    return False


def _relative_clause_hearsay(doc, quote: Quote) -> bool:
    """Is the quote an agentless hearsay adverb ("reportedly") on a relative clause?"""
    if quote.cue is None or quote.cue.text.lower() not in EVIDENTIAL_ADVERBS:
        return False
    cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    return cue is not None and len(cue) == 1 and cue[0].head.dep_ == "relcl"


def _quote_in(quotes: list[Quote], start: int, end: int,
              is_claim=lambda piece: True) -> tuple[Quote | None, tuple[int, int] | None]:
    """The quote with the most content inside [start, end), and that content's part in it.
    A nested quote (one whose cue is inside another's content) wins over its parent when
    both cover the same words, because it names who said it last, and when its words make
    a claim (`is_claim`): "alongside claims that it shows a ferry sinking off the pier" keeps
    the claims' clause, not what "shows" takes ("a ferry sinking off the pier")."""
    best, best_piece, best_len = None, None, 0
    for q in quotes:
        for c in q.content:
            a, b = max(c.start, start), min(c.end, end)
            if b - a > best_len or (b - a == best_len and best and q.parent == best.id and b > a):
                best, best_piece, best_len = q, (a, b), b - a
    # The innermost source stands behind the claim: "X met Y, according to a person
    # familiar with the talks, the newspaper said" is the person's claim, which the
    # newspaper relays; a quote nested in the winner whose content lies inside the
    # winner's and is most of it is that claim without the frame ("calling it 'a
    # provocation'", a second cue of the same report, is a small part and no relay).
    while best is not None:
        inner = next(((q, (a, b)) for q in quotes if q.parent == best.id for c in q.content
                      if (a := max(c.start, start)) < (b := min(c.end, end))
                      and best_piece[0] <= a and b <= best_piece[1]
                      and 2 * (b - a) >= best_piece[1] - best_piece[0]
                      and len(c.text.split()) >= MIN_WORDS - 1
                      and (is_claim((a, b)) or not is_claim(best_piece))), None)
        if inner is None:
            break
        best, best_piece = inner
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


# "declined to say whether ...", "refused to confirm ...": the source said nothing.
REFUSALS = frozenset({"decline", "refuse"})


def _cue_negated(doc, quote: Quote) -> bool:
    """Is the quote's reporting verb negated or a refusal ("did not say", "never confirmed",
    "declined to say", "did not name X or say Y")? A negation on the verb a conjoined cue hangs on counts too."""
    if quote.cue is None:
        return False
    span = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if span is None:
        return False
    for t in span:
        if t.dep_ == "neg" or t.lower_ in ("not", "n't", "never") or t.lemma_.lower() in REFUSALS:
            return True
    for v in (t for t in span if t.pos_ in ("VERB", "AUX")):
        if refuses_to_speak(v):
            return True  # "remained tight-lipped about …", "has yet to respond"
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
    """The claim's main verb: the sentence root, or for a quoted claim its predicate."""
    if c.quote is None and not c.aside:
        return c.sent.root
    predicate = span_predicate(c.sent, c.start, c.end)
    return c.sent.root if predicate is None else predicate


def span_predicate(tokens, start: int, end: int):
    """The main predicate of the text at [start, end) among `tokens`: the token inside it
    whose head lies outside it (or that is its own head), a verb first; None when no token
    lies inside."""
    inside = [t for t in tokens if start <= t.idx < end]
    heads = [t for t in inside if not (start <= t.head.idx < end) or t.head.i == t.i]
    verbs = [t for t in heads if t.pos_ in ("VERB", "AUX")]
    return (verbs or heads or [None])[0]


# Strongest first: a claim takes the strongest status the article gives it (the order of
# the newsroom annotation rules).
PRECEDENCE = ("refuted", "denied", "disputed", "questioned", "rumored", "unconfirmed",
              "reported", "hedged", "asserted")
# The writer (or a fact-check) says the claim is false: refuted. Said of a source's claim in
# the frame ("falsely claimed") or in a later sentence ("However, this was also untrue.").
FALSE_VERDICT = re.compile(
    r"\b(falsely|wrongly|erroneously|inaccurately|untrue|not (true|accurate|correct)|incorrect|"
    r"inaccurate|not the case|does(n['’]t| not) (seem to )?(be the case|show)|"
    r"did(n['’]t| not) (happen|show)|never happened|fabricated|fake|false|hoax(es)?|"
    # falsehood in other words: "fiction from start to finish", "a fabrication", "a pack of
    # lies", "made up"; never a genre ("science fiction", "crime fiction writer") or "made
    # up of"
    r"(?<!science )(?<!crime )(?<!literary )(?<!historical )(?<!short )(?<!fan )"
    r"fiction(?! (writer|writers|novel|novels|books?|prize|authors?|section|collection)\b)|"
    r"fabrications?|(completely |entirely |totally )?made[- ]up(?! (of|for|with|by|to|from|her|his|their|its|my|our|your)\b)|"
    r"(an? (outright |blatant |barefaced |bald-faced |big |total |complete |pure )?|pack of |(outright|blatant|total|complete|pure) )lies?)\b", re.I)
# Contested without a verdict of falsehood: disputed.
CONTESTED = re.compile(
    r"\b(misleading(ly)?|baseless(ly)?|unfounded|groundless|bogus|mistakenly|canard|"
    r"without (any |providing |offering )?(evidence|proof)|no (evidence|proof)|"
    r"(pure|mere) speculation|debunked|discredited|contradict(s|ed)?|exaggerated|"
    # "not based on any facts", "has no basis in fact", "without foundation"
    r"not based (on|in) (any )?(facts?|evidence|reality)|no (factual )?basis( in (fact|reality))?|"
    r"without (any )?foundation|"
    r"(highly|very|extremely) unlikely|far-?fetched|nonsense)\b", re.I)
# Doubt cast without a contrary claim: questioned.
DOUBT = re.compile(
    r"\b(too early to|far from (definitive|certain|clear|proven|conclusive)|"
    r"(has|have|had) never been confirmed|never (been )?confirmed|"
    r"extraordinary claims require|remains? (unclear|unproven|unconfirmed))\b", re.I)
# Hearsay with no source at all.
RUMOUR_WORDS = re.compile(r"\b(rumou?r(s|ed)?|linked with|speculations?|gossip|social media|"
                          r"posts? (on|shared)|went viral)\b", re.I)
# Agentless evidentials: the claim rests on nobody named.
EVIDENTIAL = re.compile(r"\b(reportedly|allegedly|purportedly|supposedly|unconfirmed reports?|"
                        r"(is|are|was|were) (said|reported|understood|believed|thought|alleged|"
                        r"claimed|rumou?red) to|it is (said|claimed|alleged|understood|believed) that|"
                        r"there (are|were|have been) (claims|reports|suggestions))\b", re.I)
# A reduced passive evidential on a cue ("the duke said to be feeling slighted").
REDUCED_EVIDENTIAL = re.compile(r"\b(said|reported|rumou?red|believed|thought|understood|alleged)\s+"
                                r"to\s+(be|have)\b", re.I)
# The same with no copula, as headlines write it ("Nordstal reported to be near buying Velmo");
# not "said": "The mayor said to be careful" is an instruction.
HEADLINE_EVIDENTIAL = re.compile(r"\b(reported|rumou?red|believed|understood|alleged)\s+to\s+(be|have)\b", re.I)
# The writer's own hedging on the claim's main verb or in its words.
# A comparison of odds ("three times as likely to", "less likely to") is a finding, not a hedge.
WRITER_HEDGE = re.compile(r"\b(apparently|appears? to|seems? to|(is|are) expected to|"
                          r"(?<!\bmore )(?<!\bless )(?<!\bas )likely to|"
                          r"possibly|probably|perhaps)\b", re.I)
UNCONFIRMED_KINDS = frozenset({"anonymous", "unnamed_official"})
# "Reports said …", "media reports say …": reports nobody is named as publishing are no
# on-record source.
UNOWNED_REPORTS = re.compile(r"(?:(?:some|several|many|other|earlier|recent|previous|local|"
                             r"foreign|media|press|news|online)\s+)*reports", re.I)
# A headline's credit line to a report or source nobody names: "Nordstal to buy Velmo: report",
# "Report: the mayor will resign", "Sources: the club sacked its coach".
HEADLINE_CREDIT = re.compile(r"^\W*(?P<lead>reports?|sources?)\s*:|"
                             r"[:|\-–—]\s*(?P<tail>(?:(?:media|news|press)\s+)?(?:reports?|sources?))\W*$", re.I)
# A line of at most this many words can be a headline and carry a credit line (headlines
# rarely run past 30 words; a body paragraph ending "...: report" is no credit).
HEADLINE_MAX_WORDS = 30
# A rebuttal is looked for this many sentences after the claim.
REBUTTAL_WINDOW = 3
_CONTRAST_OPENING = re.compile(r"^\W*(however|but|yet|in fact|actually|this|that|these|it|"
                               r"there (is|was) no)\b", re.I)


@dataclass
class Status:
    """A claim's status with what decided it: `rule` names the rule (docs/claims.md),
    `words` the span of text it fired on (None when it is the absence of any cue)."""

    status: str
    rule: str
    words: tuple[int, int] | None = None
    rebutted_by: tuple[int, int] | None = None

    def stronger_than(self, other: "Status") -> bool:
        return PRECEDENCE.index(self.status) < PRECEDENCE.index(other.status)

    def evidence(self, text: str) -> dict[str, Any]:
        return {"rule": self.rule, "decided_by": "rule",
                "words": _span(text, *self.words) if self.words else None}


def _span(text: str, start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text[start:end]}


def claim_status(doc, c: Candidate, analysis: Analysis) -> str:
    """The status of one candidate from its own sentence (without later rebuttals)."""
    return status_of(doc, c, analysis).status


def status_of(doc, c: Candidate, analysis: Analysis) -> Status:
    """Every rule that fires on the claim's own sentence; the strongest wins (PRECEDENCE).
    Examples in docs/claims.md."""
    found = [source_status(doc, c, analysis)]
    text = analysis.text
    sent_start, sent_end = c.sent.start_char, c.sent.end_char
    claim_text = text[c.start:c.end]
    cue_lemma = _cue_lemma(doc, c.quote)
    verb = _main_verb(doc, c)
    cues = event_cues(verb)
    # questioned: a question, or a question put by the source
    if claim_text.rstrip().endswith("?") or (c.quote is None and not c.aside and c.sent.text.rstrip().endswith("?")):
        q = claim_text.rstrip() if claim_text.rstrip().endswith("?") else c.sent.text.rstrip()
        at = text.find(q[-1], c.start if q is claim_text.rstrip() else sent_start)
        found.append(Status("questioned", "question_mark", (at, at + 1) if at >= 0 else None))
    elif c.quote is not None and c.quote.cue is not None and _asks_a_question(doc, c.quote):
        found.append(Status("questioned", "question_cue", (c.quote.cue.start, c.quote.cue.end)))
    elif any(k.kind == "question" for k in cues):
        found.append(Status("questioned", "yes_no_question", (verb.idx, verb.idx + len(verb))))
    # denied: the claim is what its source denies
    in_content = c.quote is not None and any(s.start <= c.start and c.end <= s.end for s in c.quote.content)
    denier = _denying_relay(doc, c, analysis) if in_content else None
    if in_content and _denies(doc, c.quote):
        found.append(Status("denied", "denial_cue", (c.quote.cue.start, c.quote.cue.end)))
    elif denier is not None:
        # "A spokesman for Bush is denying a Times article that alleges that Bush will not
        # vote for Trump": the article's claim is what the spokesman denies
        # ("The magistrate rejected an argument by the defence that ...": somebody else's
        # rejection disputes it; the party rule as for any rebuttal)
        concerned = _cue_lemma(doc, denier) == "deny" or _party_concerned(
            denier.speaker.name, claim_text, _subject_of_claim(doc, c), _mention_of(denier))
        found.append(Status("denied" if concerned else "disputed", "denial_of_relayed_claim",
                            (denier.cue.start, denier.cue.end)))
    elif c.quote is None and not c.aside and c.sent.root.lemma_.lower() in DENIAL_VERBS \
            and not any(t.dep_ == "neg" for t in c.sent.root.children):
        root = c.sent.root
        found.append(Status("denied", "denial_verb", (root.idx, root.idx + len(root))))
    # a verdict in the frame around the claim ("falsely claimed", "said without evidence"):
    # words inside the claim are the claim's own ("a minister made a false claim" is the
    # fact-checker's finding, not a dispute of it)
    for pattern, status, rule in ((FALSE_VERDICT, "refuted", "false_verdict_in_frame"),
                                  (CONTESTED, "disputed", "contested_in_frame"),
                                  (DOUBT, "questioned", "doubt_in_frame")):
        matches = [m for m in pattern.finditer(text, sent_start, sent_end)
                   if not (c.start <= m.start() < c.end or c.quote is None or _in_named_title(text, m.start())
                           or _under_whether(doc, m.start()) or _clause_apart(doc, text, m.start(), c))]
        # the writer's own verdict in the frame first ("The council warned of a 'FAKE'
        # rumour that falsely claims ...": "falsely" is the writer's, whatever the
        # council's word)
        writers = [m for m in matches if _voice_at(analysis, m.start(), exclude=c.quote) is None
                   and not _naming_subject(doc, text, m.start())]
        for m in writers[:1] or matches:
            voice = _voice_at(analysis, m.start(), exclude=c.quote)
            if voice is not None and _same_speaker(c.quote, voice) \
                    and not any(s.start <= c.start < s.end for s in voice.content):
                # "Brandt called the report false and said the contract went to the lowest
                # bidder": her verdict is on the report, not on her own answer beside it
                continue
            who = _naming_subject(doc, text, m.start()) if voice is None and status != "questioned" else ""
            if who:
                # "The government branded as inaccurate reports that its navy fired ...":
                # the verdict of the verb's subject, not the writer's; not on the subject's
                # own answer beside it (", saying the boat had left")
                if _shares_stem(_distinctive_words(who), _distinctive_words(c.quote.speaker.name)):
                    continue
                subject = _subject_of_claim(doc, c)
                concerned = bool(set(subject.lower().split()[:1]) & _PRONOUNS) or _party_concerned(
                    who, claim_text, subject)
                found.append(Status("denied" if concerned else "disputed", "verdict_by_naming",
                                    (m.start(), m.end())))
            elif voice is None:   # the writer's own verdict
                found.append(Status(status, rule, (m.start(), m.end())))
            elif status != "questioned":
                # "'That's pure fiction,' the Kremlin spokesman said of reports that X passed a
                # proposal to Moscow": the party concerned denies; anyone else disputes
                subject = _subject_of_claim(doc, c)
                # "'Patently false,' said Coats, responding to rumours that he wrote it":
                # a claim about "he" answered by the person who speaks is about that person
                # (an organisation's "it": "Dow said there was no basis to a report that it
                # had accepted responsibility")
                about_speaker = (voice.speaker.kind in ("person", "official") and bool(
                    set(subject.lower().split()) & {"he", "she", "his", "her", "him"})) or (
                    voice.speaker.kind in ("institution", "organization", "government")
                    and subject.lower() in ("it", "its"))
                concerned = about_speaker or _party_concerned(voice.speaker.name, claim_text, subject, _mention_of(voice))
                found.append(Status("denied" if concerned else "disputed", "source_contests_in_frame",
                                    (m.start(), m.end())))
            break
    answer = _answer_to_claim_in_frame(doc, c, analysis)
    if answer is not None:
        found.append(answer)
    verdict = _verdict_on_reported_claim(doc, c, text)
    if verdict is not None:
        found.append(verdict)
    denial = None if c.aside else _denial_of_claim_noun(doc, c, text)
    if denial is not None:
        found.append(denial)
    named = None if c.aside else _verdict_by_naming(doc, c, text)
    if named is not None:
        found.append(named)
    return min(found, key=lambda s: PRECEDENCE.index(s.status))


def _clause_apart(doc, text: str, offset: int, c: Candidate) -> bool:
    """Is the word at `offset` in a clause of its own, a colon or a semicolon between it and
    the claim's cue? "That is untrue; the harbour board says the pier never closed" judges
    the claim told before, and the board's words are the evidence, not what is false
    (session 18, real fact-check roundups). In "X falsely claimed: '...'" the verdict is on
    the cue's side and frames the quotation, and a headline's label with no verb ("Movie
    Hoax: Director Announces Film") frames its line."""
    if c.quote is None or c.quote.cue is None:
        return False
    cue = c.quote.cue
    between = text[offset:cue.start] if offset < cue.start else text[cue.end:offset]
    if ":" not in between and ";" not in between:
        return False
    sent = c.sent
    marks = [sent.start_char + m.end() for m in re.finditer(r"[:;]", text[sent.start_char:offset])]
    left = marks[-1] if marks else sent.start_char
    after = re.search(r"[:;]", text[offset:sent.end_char])
    right = offset + after.start() if after else sent.end_char
    return any(t.pos_ in ("VERB", "AUX") for t in sent if left <= t.idx < right)


def _denying_relay(doc, c: Candidate, analysis: Analysis) -> Quote | None:
    """The quote around the claim's own quote (its parent, or the parent's parent) whose
    cue denies what it holds and whose content holds the claim: "X denied a report that
    Y" denies Y, which the report relays."""
    by_id = {q.id: q for q in analysis.quotes}
    outer, steps = by_id.get(c.quote.parent) if c.quote.parent else None, 0
    while outer is not None and steps < 3:
        if any(s.start <= c.start and c.end <= s.end for s in outer.content) and _denies(doc, outer):
            return outer
        outer, steps = (by_id.get(outer.parent) if outer.parent else None), steps + 1
    return None


# "In response to the claim that ...", "Responding to reports that ...", "Asked about
# allegations that ...": the frame before a claim noun that makes the sentence's speaker
# answer the claim under the noun.
_RESPONSE_FRAME = re.compile(
    r"\b(?:in (?:response|reply|answer) to|respond(?:ing|ed|s)? to|repl(?:ying|ied|ies) to|"
    r"react(?:ing|ed|s)? to|(?:when |after being |after )?asked (?:to comment )?(?:about|on|of))"
    r"\s+(?:(?:the|these|those|such|media|news|recent|earlier|western|foreign)\s+)*\W?$", re.I)


def _answer_to_claim_in_frame(doc, c: Candidate, analysis: Analysis) -> Status | None:
    """"In response to the claim that the broadcaster meddled in the election, the
    ministry said the purchase broke no law": the claim under the noun is what the
    sentence's speaker answers. An answer that contests it (a denial, a negation, a verdict
    in the speaker's words) denies it when the speaker is the party concerned, else
    disputes it; an answer that contests nothing ("said it would look into it") leaves it."""
    q = c.quote
    if q is None or q.cue is None or _cue_lemma(doc, q) not in CLAIM_NOUNS:
        return None
    text = analysis.text
    sent_start, sent_end = c.sent.start_char, c.sent.end_char
    if not _RESPONSE_FRAME.search(text[sent_start:q.cue.start]):
        return None
    for answer in analysis.quotes:
        if answer is q or answer.cue is None or not answer.content \
                or not (q.cue.end <= answer.cue.start < sent_end) \
                or answer.speaker.kind in ("author", "unknown"):
            continue
        said = [t for s in answer.content
                for t in (doc.char_span(s.start, s.end, alignment_mode="expand") or [])]
        verdict = next((m for s in answer.content for pattern in (FALSE_VERDICT, CONTESTED)
                        if (m := pattern.search(text, s.start, s.end))), None)
        negation = _first_negation(said)
        if _denies(doc, answer):
            words = (answer.cue.start, answer.cue.end)
        elif verdict is not None:
            words = (verdict.start(), verdict.end())
        elif negation is not None:
            words = (negation.idx, negation.idx + len(negation))
        else:
            continue
        claim_text = text[c.start:c.end]
        concerned = _cue_lemma(doc, answer) == "deny" or _party_concerned(
            answer.speaker.name, claim_text, _subject_of_claim(doc, c), _mention_of(answer))
        return Status("denied" if concerned else "disputed", "answer_to_claim_in_frame", words)
    return None


# "Reports that X are completely false", "the reports of X were baseless", "it was a
# 'stretch' that X": a verdict on a claim the same words report. The noun phrase first.
_REPORTED_CLAIM = re.compile(
    r"^\W*(?:(?:the|these|those|such|all|media|news|recent|earlier)\s+)*(?:reports?|claims?|"
    r"allegations?|accusations?|suggestions?|rumou?rs?|stor(?:y|ies)|information|news)\b", re.I)
_EXTRAPOSED_VERDICT = re.compile(
    r"^\W*it\s+(?:is|was|['’]s)\s+(?:(?:just|simply|plainly|completely|a)\s+)*\W?"
    r"(?:stretch|false|untrue|baseless|groundless|nonsense|misleading|wrong)\b", re.I)
_COPULA = re.compile(r"\b(is|are|was|were)\b", re.I)


def _verdict_on_reported_claim(doc, c: Candidate, text: str) -> Status | None:
    """The claim reports a claim and calls it false in the same words ("Reports that the
    port sold 40 boats are completely false, the port authority said"): the reported claim
    is what a fact-checker checks, and its source's verdict contests it (denied when the
    source is the party concerned, refuted when it is the writer's own)."""
    claim = text[c.start:c.end]
    m = _EXTRAPOSED_VERDICT.match(claim)
    if m is None:
        noun = _REPORTED_CLAIM.match(claim)
        copula = _COPULA.search(claim, noun.end()) if noun else None
        # the noun must carry the claim ("reports that ...", "reports of ..."): "the report
        # was not accurate" is a verdict on a report named earlier (link_rebuttals)
        if copula is None or len(claim[noun.end():copula.start()].split()) < 3 \
                or not _carries_a_clause(doc, c.start + noun.end(), c.start + copula.start()):
            return None
        m = FALSE_VERDICT.search(claim, copula.end()) or CONTESTED.search(claim, copula.end())
        if m is None or m.start() - copula.end() > 40:
            return None
    words = (c.start + m.start(), c.start + m.end())
    if c.quote is None or c.quote.speaker.kind == "author":
        false = FALSE_VERDICT.search(claim, m.start(), m.end()) is not None
        return Status("refuted" if false else "disputed", "verdict_on_reported_claim", words)
    concerned = _party_concerned(c.quote.speaker.name, claim, _subject_of_claim(doc, c), _mention_of(c.quote))
    return Status("denied" if concerned else "disputed", "verdict_on_reported_claim", words)


def _carries_a_clause(doc, start: int, end: int) -> bool:
    """Do the words after a claim noun tell the claim ("reports that the port sold 40 boats",
    "reports of envoys visiting Moscow")? Words that only name it ("the accusations against
    the ministry", "the allegations mentioned in the reports") leave a verdict that is the
    source's own statement, which contests the claim told earlier (link_rebuttals)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for t in span:
        if t.lower_ == "that" and t.dep_ == "mark":
            return True
        if t.tag_ == "VBG" or (t.pos_ in ("VERB", "AUX") and any(
                ch.dep_ in ("nsubj", "nsubjpass") for ch in t.children)):
            return True
    return False


# Verbs that take back or turn down a claim named by a noun ("retracted claims that ...",
# "rejected an argument by the defence that ...").
CLAIM_NOUN_DENIALS = DENIAL_VERBS | {"retract", "disavow", "dispute", "withdraw"}


def _denial_of_claim_noun(doc, c: Candidate, text: str) -> Status | None:
    """"The magistrate dismissed an argument by the defence that the fraud cost 3 million
    dollars": the claim under the claim noun is turned down by the verb's subject, a denial
    when that subject is the party concerned ("Karsovia's minister retracted claims that
    Karsovian jets crossed the border"), else a dispute."""
    for verb in c.sent:
        if verb.lemma_.lower() not in CLAIM_NOUN_DENIALS or verb.pos_ != "VERB" \
                or any(ch.dep_ == "neg" for ch in verb.children):
            continue
        for noun in verb.children:
            if noun.dep_ not in ("dobj", "nsubjpass") or noun.lemma_.lower() not in CLAIM_NOUNS:
                continue
            subtree = list(noun.subtree)
            if not any(t.i > noun.i and t.pos_ in ("VERB", "AUX") for t in subtree):
                continue   # "dismissed the report": a report named earlier (link_rebuttals)
            start, end = subtree[0].idx, subtree[-1].idx + len(subtree[-1])
            # the claim lies under the noun, or is the sentence that holds the verb
            if not (start <= c.start < end or c.start <= verb.idx < c.end):
                continue
            who = _subject_text(verb)
            claim = text[max(c.start, noun.idx):c.end]
            lemma = verb.lemma_.lower()
            # a source that takes its own claim back ("retracted") denies it; so does one
            # that rejects a claim about itself ("rejected rumours of being engaged to
            # him": the gerund's unspoken subject is the one who rejects)
            denied = lemma in ("deny", "retract", "withdraw", "disavow") or (
                lemma != "dispute" and who and (_subjectless_clause_of(noun) or _party_concerned(
                    who, claim, _subject_of_claim(doc, c, noun))))
            return Status("denied" if denied else "disputed", "denial_of_claim_noun",
                          (verb.idx, verb.idx + len(verb)))
    return None


VERDICT_NAMING_VERBS = frozenset("brand call label dub term describe".split())


def _is_naming_verb(token) -> bool:
    """A verb that names a verdict ("branded", "called"), not negated."""
    return token.pos_ == "VERB" and token.lemma_.lower() in VERDICT_NAMING_VERBS \
        and not any(ch.dep_ == "neg" for ch in token.children)


def _subject_text(verb) -> str:
    """The words of a verb's nominal subject, "" when it has none."""
    return " ".join(t.text for ch in verb.children if ch.dep_ == "nsubj" for t in ch.subtree)


def _verdict_by_naming(doc, c: Candidate, text: str) -> Status | None:
    """"Brel branded reports that he offered the contract to his cousin as inaccurate" /
    "called reports that ... false": the speaker's verdict on what the reports say. The
    verdict word closes the sentence (after "as" or bare); the party concerned denies,
    anyone else disputes."""
    for verb in c.sent:
        if not _is_naming_verb(verb):
            continue
        for noun in verb.children:
            if noun.dep_ != "dobj" or noun.lemma_.lower() not in CLAIM_NOUNS:
                continue
            after = [t for t in noun.subtree if t.i > noun.i]
            if not any(t.pos_ in ("VERB", "AUX") for t in after):
                continue
            start = noun.idx
            end = _trim(text, c.sent.start_char, c.sent.end_char)[1]
            if not (start <= c.start < end):
                continue
            verdict = None
            for pattern, status in ((FALSE_VERDICT, "refuted"), (CONTESTED, "disputed")):
                for m in pattern.finditer(text, start, end):
                    # the verdict closes the sentence: "... as inaccurate and incorrect."
                    before = text[start:m.start()]
                    if re.search(r"\bas\s+['\u2018\u201c\"]?$", before) or (
                            verb.lemma_.lower() == "call" and re.search(r"\s['\u2018\u201c\"]?$", before)
                            and re.fullmatch(r"[\s'\u2019\u201d\".,]*(?:and\s.*)?", text[m.end():end])):
                        verdict = (status, m)
                        break
                if verdict:
                    break
            if verdict is None:
                return None
            status, m = verdict
            who = _subject_text(verb)
            subject = _subject_of_claim(doc, c, noun)
            concerned = bool(who) and _party_concerned(who, text[c.start:c.end], subject)
            if not concerned and who and subject.lower().split()[:1] in (["he"], ["she"]):
                concerned = True   # "reports that he ...": the pronoun is the one who brands them
            return Status("denied" if concerned else "disputed", "verdict_by_naming",
                          (verb.idx, m.end()))
    return None


# Pronouns by which a claim in a source's frame is about that source ("branded as false
# reports that its navy fired": its = the government that brands them).
_PRONOUNS = frozenset("he she his her him it its they their them".split())
# Between a naming verb and its verdict: nothing, "as", or the claim noun it names ("labelled
# the report inaccurate", "branded as inaccurate", "called these claims false").
# The words by which a naming verb's object names a claim ("labelled the report ...").
_CLAIM_NOUN_FORMS = r"(?:reports?|claims?|allegations?|accusations?|stor(?:y|ies)|rumou?rs?|articles?|account)"
_NAMING_GAP = re.compile(
    r"\s+(?:(?:[\w’'-]+\s+){0,3}?" + _CLAIM_NOUN_FORMS + r"\s+)?(?:as\s+)?(?:(?:completely|entirely|totally|utterly|"
    r"simply|wholly)\s+)?[\"“‘']?(?:[\w-]+,?\s+(?:and|or)\s+)?$", re.I)


def _naming_subject(doc, text: str, offset: int) -> str:
    """The subject of a naming verb whose verdict is the word at `offset` ("The ministry
    labelled the report inaccurate", "X branded as false reports that ..."): its words, or
    "" when no such verb stands right before the verdict."""
    word = _token_at(doc, offset)
    if word is None:
        return ""
    for verb in word.sent:
        if verb.i >= word.i or not _is_naming_verb(verb):
            continue
        if not _NAMING_GAP.fullmatch(text, verb.idx + len(verb), offset) and not _verdict_closes_named_claim(
                text, verb, word, offset):
            continue
        return _subject_text(verb)
    return ""


def _verdict_closes_named_claim(text: str, verb, word, offset: int) -> bool:
    """"branded reports he floated the idea of selling the harbour as inaccurate": the
    verdict after "as" closes the claim noun the naming verb takes as object (the parser
    hangs it inside the noun's clause)."""
    closing = word.i == word.sent.end - 1 or all(t.is_punct for t in word.doc[word.i + 1:word.sent.end])
    if not re.search(r"\bas\s+['\u2018\u201c\"]?$", text[verb.idx:offset]) and not closing:
        return False   # (without "as" only the word that closes the sentence: "called reports that ... false")
    return any(ch.dep_ == "dobj" and ch.lemma_.lower() in CLAIM_NOUNS and ch.left_edge.i <= word.i <= ch.right_edge.i
               for ch in verb.children)


def _names_a_claim_false(doc, text: str, start: int, end: int) -> bool:
    """Does the sentence name a claim false by a naming verb ("The coast guard labelled the
    report inaccurate", where the parser may take "report" for a modifier of the verdict)?"""
    for pattern in (FALSE_VERDICT, CONTESTED):
        for m in pattern.finditer(text, start, end):
            if _naming_subject(doc, text, m.start()) and _CLAIM_NOUN_WORD.search(text, start, m.start()):
                return True
    return False


def _only_a_verdict_by_naming(text: str, sent, start: int, end: int) -> bool:
    """"Mayor X called the claims 'baseless'", "The ministry called the report fabricated",
    "X described reports on the sale as false": a sentence whose only verbs are naming verbs
    that give a verdict on claims (the verdict word after the claim noun) says nothing of
    its own; it rebuts what was told before (_verdict_by_naming, _later_rebuttals), and is
    no claim."""
    # the verdict may be parsed as a verb of its own ("called the report fabricated")
    verbs = [t for t in sent if t.pos_ in ("VERB", "AUX")
             and not (FALSE_VERDICT.fullmatch(t.text) or CONTESTED.fullmatch(t.text))]
    if not verbs or not all(_is_naming_verb(v) for v in verbs):
        return False
    for verb in verbs:
        after = max(start, verb.idx + len(verb))
        for pattern in (FALSE_VERDICT, CONTESTED):
            for m in pattern.finditer(text, after, end):
                if _CLAIM_NOUN_WORD.search(text, after, m.start()):
                    return True
    return False


_CLAIM_NOUN_WORD = re.compile(r"\b" + _CLAIM_NOUN_FORMS + r"\b", re.I)
# A naming verb's words that hold nothing but a claim noun and its verdict ("the claims
# 'baseless'", "the report fabricated", "these allegations as false").
_NOUN_AND_VERDICT = re.compile(r"\W*(?:the|these|those|such|this|that|his|her|their|its)?\s*(?:[\w’'-]+\s+){0,2}?"
                               + _CLAIM_NOUN_FORMS + r"\W*(?:as\W+)?(?:[\w-]+\W+){0,2}?$", re.I)


def _names_a_claim_false_only(doc, text: str, quote: Quote, piece: tuple[int, int]) -> bool:
    """Is the quote a naming verb's verdict on claims and nothing more ("called the claims
    'baseless'")? Its words are no claim of the speaker's; the verdict rebuts what was told
    before (link_rebuttals)."""
    if quote.cue is None or _cue_lemma(doc, quote) not in VERDICT_NAMING_VERBS:
        return False
    words = text[piece[0]:piece[1]]
    verdict = FALSE_VERDICT.search(words) or CONTESTED.search(words)
    return verdict is not None and _NOUN_AND_VERDICT.fullmatch(words[:verdict.start()] + " ") is not None \
        and not words[verdict.end():].strip(" \t\n\"'”’.,!")


def _subjectless_clause_of(noun) -> bool:
    """"rumours of being engaged", "claims of having lied": the claim noun's clause is a
    gerund with no subject of its own (nor a possessive: "rumours of his being ...")."""
    for prep in (ch for ch in noun.children if ch.dep_ == "prep" and ch.lower_ in ("of", "about")):
        for verb in prep.children:
            gerund = verb.tag_ == "VBG" or any(  # "of being engaged": the auxiliary is
                ch.dep_ in ("aux", "auxpass") and ch.tag_ == "VBG" for ch in verb.children)
            if verb.dep_ == "pcomp" and gerund and not any(
                    ch.dep_ in ("nsubj", "nsubjpass", "poss") for ch in verb.children):
                return True
    return False


def source_status(doc, c: Candidate, analysis: Analysis) -> Status:
    """What the claim rests on: an on-record source, an unnamed one, hearsay, or the writer
    (hedged or not)."""
    text = analysis.text
    sent_start, sent_end = c.sent.start_char, c.sent.end_char
    q = c.quote
    if q is not None and q.speaker.kind != "author":
        where = (q.source.start, q.source.end) if q.source else \
            ((q.cue.start, q.cue.end) if q.cue else None)
        kind = q.speaker.kind
        if q.cue is not None and REDUCED_EVIDENTIAL.match(text, q.cue.start):
            # "with the duke said to be feeling slighted": nobody speaks; the duke is
            # what the hearsay is about
            return Status("unconfirmed", "agentless_evidential", (q.cue.start, q.cue.end))
        if kind == "unknown" and q.source is None and _active_cue(doc, q):
            # "In a long ruling, stressing that ...", "..., mentioned a source": the text has
            # a speaker the parser could not name; the claim rests on somebody on record
            # as far as the words show, and a guess of hearsay would be the stronger error
            return Status("reported", "unresolved_speaker", where)
        if kind == "rumor" or (kind == "unknown" and q.source is None):
            m = RUMOUR_WORDS.search(text, sent_start, sent_end)
            if m and kind == "rumor":
                return Status("rumored", "rumour_source", (m.start(), m.end()))
            if kind == "rumor" and q.source is not None and q.cue is not None \
                    and not (q.source.start <= q.cue.start < q.source.end) \
                    and not re.search(r"\b(?:its|their|his|her)\b|['’]s?\b", q.source.text):
                # "Other posts go further and claim ...": what is passed around online
                # (sources gave the named source the kind rumor) is rumour whether or not the
                # sentence says "social media" again (session 18, a real fact-check page
                # had the posts rumored where it named social media and unconfirmed where not);
                # an agentless cue ("is said to") stays unconfirmed, and so does material
                # with an owner ("its caption": whose words they are is told; newsroom dev
                # gold has one such caption as reported, chosen on dev)
                return Status("rumored", "rumour_source", where)
            return Status("unconfirmed", "agentless_source", where)
        if kind in UNCONFIRMED_KINDS:
            return Status("unconfirmed", f"{kind}_source", where)
        if any(link.kind in UNCONFIRMED_KINDS for link in q.chain):
            # "According to a person who attended, the mayor said ...": the mayor's words
            # reach the writer only through somebody unnamed (the annotation rule: a claim
            # known only through anonymous sources is unconfirmed)
            return Status("unconfirmed", "anonymous_relay", _anonymous_relay(q, analysis) or where)
        if kind in ("document", "media") and q.speaker.entity is None \
                and UNOWNED_REPORTS.fullmatch((q.source.text if q.source is not None else q.speaker.name).strip()):
            # (kind `media` since sources v5: "media reports", "according to reports"; the
            # claim still rests on nobody the text names)
            return Status("unconfirmed", "unowned_reports", where)
        m = _in_main_clause(doc, EVIDENTIAL, text, c.start, c.end)
        if m:
            # "The report says it allegedly lists ...", "the duke said to be feeling
            # slighted": the source itself passes on an allegation nobody stands behind.
            return Status("unconfirmed", "agentless_evidential", (m.start(), m.end()))
        return Status("reported", "on_record_source", where)
    if c.aside:   # the writer's aside reads its own words only
        sent_start, sent_end = c.start, c.end
    m = _in_main_clause(doc, RUMOUR_WORDS, text, sent_start, sent_end)
    if m:
        return Status("rumored", "rumour_words", (m.start(), m.end()))
    # the credit may stand on the claim's line outside its sentence ("... in March: sources")
    line_start = text.rfind("\n", 0, c.start) + 1
    line_end = text.find("\n", c.start)
    line = text[line_start:line_end if line_end >= 0 else len(text)].rstrip()
    m = HEADLINE_CREDIT.search(line) if len(line.split()) <= HEADLINE_MAX_WORDS and not c.aside else None
    if m:
        group = "lead" if m.group("lead") else "tail"
        where = (line_start + m.start(group), line_start + m.end(group))
        rule = "anonymous_source" if m.group(group).lower().startswith("source") else "unowned_reports"
        return Status("unconfirmed", rule, where)
    m = _in_main_clause(doc, EVIDENTIAL, text, sent_start, sent_end) \
        or _in_main_clause(doc, HEADLINE_EVIDENTIAL, text, sent_start, sent_end)
    if m:
        # "The general is reported to have fled", a headline's "Nordstal reported to be near
        # buying Velmo"
        return Status("unconfirmed", "agentless_evidential", (m.start(), m.end()))
    verb = _main_verb(doc, c)
    modal = next((k.token for k in event_cues(verb) if k.kind == "modal"), None)
    if modal is not None and modal.tag_ == "MD" and modal.lower_ in ("may", "might", "could") \
            and not (modal.lower_ == "could" and any(c.dep_ == "neg" for c in verb.children)):
        # "could not be reached", "could not confirm": what was not possible, no hedge
        return Status("hedged", "writer_modal", (modal.idx, modal.idx + len(modal)))
    m = _in_main_clause(doc, WRITER_HEDGE, text, c.start, c.end)
    if m:
        return Status("hedged", "writer_hedge", (m.start(), m.end()))
    return Status("asserted", "author_states")


def _anonymous_relay(quote: Quote, analysis: Analysis) -> tuple[int, int] | None:
    """The mention (or cue) of the quote relaying `quote` whose speaker is an anonymous
    source or an unnamed official; None when no such quote is found."""
    by_id = {q.id: q for q in analysis.quotes}
    outer, steps = by_id.get(quote.parent) if quote.parent else None, 0
    while outer is not None and steps < 4:
        if outer.speaker.kind in UNCONFIRMED_KINDS:
            span = outer.source or outer.cue
            if span is not None:
                return span.start, span.end
        outer, steps = (by_id.get(outer.parent) if outer.parent else None), steps + 1
    return None


def _active_cue(doc, quote: Quote) -> bool:
    """Is the quote's cue an active verb of saying ("stressing", "mentioned")? A passive one
    ("is claimed", "was accused", "are reported to") or an adverb ("reportedly") names no
    agent: the claim rests on nobody."""
    if quote.cue is None:
        return False
    span = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if span is None:
        return False
    verbs = [t for t in span if t.pos_ == "VERB"]
    if not verbs or any(t.lower_ in ("be", "is", "are", "was", "were", "been", "being") for t in span):
        return False
    verb = verbs[-1]
    return not any(ch.dep_ in ("auxpass", "nsubjpass") for ch in verb.children) \
        and not (verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"))


def _under_whether(doc, offset: int) -> bool:
    """The word at `offset` sits in a "whether/if" clause ("without specifying if the report
    was false", "asked whether it was false", "not clear whether ..."): an open question, so
    a verdict word there judges nothing."""
    token, steps = _token_at(doc, offset), 0
    while token is not None and steps < 50:
        if any(ch.dep_ == "mark" and ch.lower_ in ("whether", "if") for ch in token.children):
            return True
        if token.head.i == token.i:
            break
        token, steps = token.head, steps + 1
    return False


def _in_main_clause(doc, pattern: re.Pattern, text: str, start: int, end: int):
    """The first match of `pattern` in [start, end) that bears on the main clause: not
    inside a relative clause ("sold the harbour to a bank that was reportedly owned by his
    brother": the hearsay is about the bank's owner, the sale is stated). Only relative
    clauses inside [start, end) count: a claim may itself sit in one."""
    for m in pattern.finditer(text, start, end):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        token = span[0] if span is not None and len(span) else None
        steps = 0
        while token is not None and token.head.i != token.i and steps < 50 \
                and start <= token.head.idx < end:
            if token.dep_ == "relcl":
                break
            token, steps = token.head, steps + 1
        else:
            return m
    return None


def _voice_at(analysis: Analysis, offset: int, exclude: Quote | None = None) -> Quote | None:
    """The quote whose content holds `offset` (the source speaking there), or None: the
    writer's own words."""
    for q in analysis.quotes:
        if q is exclude or q.speaker.kind == "author":
            continue
        if any(s.start <= offset < s.end for s in q.content):
            return q
    return None


def _writers_words(sent, analysis: Analysis, text: str) -> list:
    """The tokens of `sent` in the writer's own voice: in no source's quoted words
    (`_voice_at` finds no quote there) and not inside quotation marks opened in the sentence
    (`_inside_quotation_marks`). One pass over the sentence: asking both per token scanned
    every quote and the sentence's text up to the token, for every token."""
    start, end = sent.start_char, sent.end_char
    voiced = [(s.start, s.end) for q in analysis.quotes if q.speaker.kind != "author"
              for s in q.content if s.start < end and start < s.end]
    own = []
    inside = False
    read_to = start   # quotation marks before this offset are counted in `inside`
    for t in sent:
        inside = _after_quotation_marks(text[read_to:t.idx], inside)
        read_to = t.idx
        if not inside and not any(a <= t.idx < b for a, b in voiced):
            own.append(t)
    return own


QUESTION_WORDS = frozenset("whether if why how what when where who which".split())


def _asks_a_question(doc, quote: Quote) -> bool:
    """"asked whether the plant was safe", "wondered why ...": a question put by the
    source. "asked the court to sentence him" is a request, not a question."""
    span = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if span is None:
        return False
    for v in span:
        lemma = v.lemma_.lower()
        if lemma in ("wonder", "question", "query"):
            return True
        if lemma == "ask":
            for child in v.children:
                if child.dep_ in ("ccomp", "advcl") and any(
                        t.lower_ in QUESTION_WORDS for t in list(child.subtree)[:2]):
                    return True
            return any(s.text.rstrip().endswith("?") for s in quote.content)
    return False


def link_rebuttals(doc, candidates: list[Candidate], statuses: list[Status],
                   analysis: Analysis, depth: int = rebuttal_meaning.FULL_DEPTH) -> None:
    """A later sentence that rebuts, denies or casts doubt on an attributed claim links to
    it (`rebutted_by`), and the claim takes the stronger status. The rebuttal goes to the
    nearest earlier attributed claim within REBUTTAL_WINDOW sentences, never one of the
    rebutting source's own. A rebuttal that refers to the claim by a noun ("the report by
    the Gazette", "these claims") reaches back to any earlier sentence: "the report by the
    Gazette" goes to the Gazette's claims, and "these claims" to every claim of the
    source whose claim it takes."""
    text = analysis.text
    sents = list(doc.sents)
    sent_index = {s.start_char: n for n, s in enumerate(sents)}
    rebuttals = [_rebuttals_in(doc, sent, analysis) for sent in sents]
    judging = _judging_here(candidates, statuses, analysis)
    for n, sent in enumerate(sents):
        reference = claim_reference(sent) if rebuttals[n] else None
        for rebuttal in rebuttals[n]:
            if rebuttal.by is not None and rebuttal.by.id in judging:
                continue   # it judges the claim it states ("said reports of X were false")
            _link_one(doc, candidates, statuses, analysis, sent, rebuttal, reference,
                      REBUTTAL_WINDOW if reference is None else len(sents),
                      lambda c: n - sent_index.get(c.sent.start_char, -99),
                      lambda c: bool(rebuttals[sent_index.get(c.sent.start_char, -1)])
                      if c.sent.start_char in sent_index else False)
            _link_forward(doc, candidates, statuses, analysis, sent, rebuttal, reference,
                          lambda c: sent_index.get(c.sent.start_char, len(sents)) - n)

    _link_counters_of_accused(doc, sents, candidates, statuses, analysis)
    _link_contrary_claims(doc, sents, sent_index, candidates, statuses, analysis)
    _link_fact_check_verdicts(doc, sents, candidates, statuses, analysis)
    link_by_meaning(doc, sents, sent_index, candidates, statuses, analysis, depth=depth, judging=judging)
    _link_frames(candidates, statuses, analysis)
    _link_restatements(candidates, statuses, analysis)


def _judging_here(candidates: list[Candidate], statuses: list[Status], analysis: Analysis) -> set[str]:
    """The ids of the quotes whose words hold a claim their own frame rebuts ("an official
    said that reports of X were completely false": X, verdict_on_reported_claim). Such a
    rebuttal has its claim in its sentence; an earlier claim that shares a word with X
    ("peace") is not what it judges."""
    found = set()
    for c, st in zip(candidates, statuses):
        if st.rule not in FRAME_REBUTTALS:
            continue
        reference = claim_reference(c.sent)
        if reference is not None and any(d.dep_ in ("det", "predet") and d.lower_ in _ANAPHORIC_DETERMINERS
                                         for d in reference.noun.children):
            continue   # "said these claims about microbes were speculation" points back
        for q in analysis.quotes:
            # "the official said that reports of X were false": the claim is the
            # rebutter's own words; otherwise its own quote is the report it relays
            own = q is c.quote and st.rule == "verdict_on_reported_claim"
            if (own or q is not c.quote) and q.cue is not None and c.sent.start_char <= q.cue.start < c.sent.end_char \
                    and any(s.start <= c.start and c.end <= s.end for s in q.content):
                found.add(q.id)
    return found


# Rules of the claim's own sentence whose words are a source's rebuttal in the frame around
# the claim: "'That's a fairy tale,' the spokesman said of reports that X", "The magistrate
# rejected an argument by the defence that X", "In response to claims that X, Lu said ...", "Reports
# that X are false, the ministry said". (Not a writer's verdict word in the frame: "misleading
# claims X" names the verdict, and its grounds come in a later sentence.)
FRAME_REBUTTALS = frozenset({"source_contests_in_frame", "denial_of_relayed_claim",
                             "answer_to_claim_in_frame", "verdict_on_reported_claim"})


# Rules by which a claim is what a denial (or a verdict) in its own sentence turns down.
_DENIED_HERE = FRAME_REBUTTALS | {"denial_cue", "denial_of_claim_noun", "verdict_by_naming"}
# Content words (by their first five letters) a report's claim shares with a claim denied
# earlier to be told as the same claim again.
RESTATED_MIN_SHARED = 3
# ... and that share of the shorter claim's words: three words in common between two long
# claims is chance ("apartment"/"apart", "already", "time" in a tabloid's details), not the
# same claim (rg115 in the tuning pool).
RESTATED_MIN_SHARE = 0.4


def _link_restatements(candidates: list[Candidate], statuses: list[Status], analysis: Analysis) -> None:
    """A lede often denies "a report that X" before the body tells what the report said in
    other words ("The Gazette reported on Sunday that the authority sold the harbour to
    Velmora Shipping"): a report's claim (an outlet's or a document's, or relayed by one)
    that shares RESTATED_MIN_SHARED content words, and RESTATED_MIN_SHARE of the shorter
    one's, with a claim denied in an earlier
    sentence's own frame is that claim again, with its status and its rebuttal when that
    status is the stronger."""
    text = analysis.text
    denied = [(c, st) for c, st in zip(candidates, statuses)
              if st.rule in _DENIED_HERE and st.status in ("refuted", "denied", "disputed")]
    if not denied:
        return
    def stems(c: Candidate) -> set[str]:
        # the words of the claim's own clauses: a relative clause describes a place or a
        # person both claims may name ("the cabin where the fugitive was believed to hide"),
        # not what is claimed (session 16, a real wire page: a later gunshot report was read
        # as the body-found report an officer had denied)
        described = {t.i for t in c.sent if t.dep_ == "relcl" and c.start <= t.idx < c.end
                     for t in t.subtree}
        words = " ".join(t.text for t in c.sent if c.start <= t.idx < c.end and t.i not in described)
        return {w[:5] for w in _content_words(words)}
    for i, c in enumerate(candidates):
        if c.quote is None or not _from_a_report(c.quote):
            continue
        for d, dst in denied:
            shared = len(stems(c) & stems(d))
            if d.sent.end_char > c.start or shared < RESTATED_MIN_SHARED \
                    or shared < RESTATED_MIN_SHARE * min(len(stems(c)), len(stems(d))):
                continue
            rebuttal = dst.rebutted_by or _trim(text, d.sent.start_char, d.sent.end_char)
            new = Status(dst.status, "restates_denied_claim", dst.words, rebuttal)
            if new.stronger_than(statuses[i]):   # the stronger status wins, as for any rebuttal
                statuses[i] = new
            break


def _link_frames(candidates: list[Candidate], statuses: list[Status], analysis: Analysis) -> None:
    """A claim whose status a rebuttal in its own frame decided (FRAME_REBUTTALS) and that
    no later sentence was linked to is rebutted by that frame: the part of its sentence
    before or after the claim where the rebutting source speaks (a cue of another quote
    than the claim's: "'Patently false,' said Coats, responding to rumours that X"; "In
    response to claims that X, Lu said ..."), else the part that holds the rule's words,
    else the part before the claim."""
    text = analysis.text
    for c, st in zip(candidates, statuses):
        if st.rebutted_by is not None or st.rule not in FRAME_REBUTTALS:
            continue
        before = _trim(text, c.sent.start_char, c.start, marks=True)
        after = _trim(text, c.end, c.sent.end_char, marks=True)
        parts = [p for p in (before, after) if p[1] > p[0]]
        if not parts:
            continue
        others = [q for q in analysis.quotes if q.cue is not None and q is not c.quote
                  and q.speaker.kind != "author" and c.sent.start_char <= q.cue.start < c.sent.end_char]
        inside = [q for q in others if c.start <= q.cue.start < c.end]
        if inside:
            # the claim's span ran on into the answer ("In response to the claim that X,
            # Lu said that ..."): the answering quote is the rebuttal
            q = inside[0]
            ends = [s.end for s in q.content] + [q.cue.end]
            st.rebutted_by = _trim(text, q.source.start if q.source is not None else q.cue.start, max(ends))
            continue
        cues = [q.cue.start for q in others]
        at = st.words[0] if st.words else -1
        speaking = [p for p in parts if any(p[0] <= k < p[1] for k in cues)]
        holding = [p for p in parts if p[0] <= at < p[1]]
        st.rebutted_by = (speaking or holding or parts)[0]


# A contrary statement shares this many content lemmas with the claim it contradicts.
CONTRARY_MIN_SHARED = 2
_NEGATIONS = frozenset("not n't never no".split())
# What a negated predicate governs: "was not called after the expulsion" denies the
# expulsion as much as the calling; "never did any lobbying" the lobbying.
_NEGATION_SCOPE_DEPS = frozenset("dobj attr acomp oprd xcomp dative".split())
# A negated verb of saying ("did not respond", "would not comment") or refusing reports that
# somebody kept silent, not that a claim is false.
_SILENCE_VERBS = frozenset("decline refuse".split())
_EVIDENCE_VERBS = frozenset("find show conclude".split())


@dataclass
class Contrary:
    """A negated statement that may contradict an attributed claim: in sentence `n`, by
    `quote`'s source (None: the writer), with its negation and the lemmas it is about."""

    n: int
    quote: Quote | None
    negation: Any               # spaCy Token
    scope: set[str]             # lemmas the negation bears on
    lemmas: set[str]            # content lemmas of what the voice says
    headline_source: str | None = None  # the name after a headline's dash, for the writer's lines


def _negation_scope(negation) -> set[str]:
    """The lemmas a negation bears on: the predicate it negates and the heads of that
    predicate's complements ("no" negates its noun and the verb the noun depends on)."""
    head = negation.head
    scope = {head}
    negated_noun = negation.lower_ == "no" and head.pos_ in ("NOUN", "PROPN")
    if negated_noun:
        scope.add(head.head)
    for word in list(scope):
        if negated_noun and word.i == head.i:
            continue   # "no point in a meeting" denies the point, not the meeting
        for child in word.children:
            if child.dep_ in _NEGATION_SCOPE_DEPS:
                scope.add(child)
            elif child.dep_ in ("prep", "agent"):
                scope.update(o for o in child.children if o.dep_ == "pobj")
    return {t.lemma_.lower() for t in scope if t.is_alpha}


# "The analyst does not own shares of the company", "holds no position in the stock": a
# disclosure of the writer's or an analyst's interests, no statement about any claim.
_HOLDING_VERBS = frozenset("own hold have".split())
_HOLDINGS = frozenset("share stock stake position interest investment security bond option".split())


def _discloses_no_holding(negation) -> bool:
    """Is the negation that of a disclosure ("does not own shares of", "has no stake in")?"""
    head = negation.head
    if negation.lower_ == "no" and head.lemma_.lower() in _HOLDINGS:
        return head.head.lemma_.lower() in _HOLDING_VERBS
    return head.lemma_.lower() in _HOLDING_VERBS and any(
        ch.dep_ == "dobj" and ch.lemma_.lower() in _HOLDINGS for ch in head.children)


def _kept_silent(verb, speech: frozenset[str]) -> bool:
    """"did not respond", "would not comment", "refused to confirm": an active verb of
    saying or refusing under the negation. A passive one ("the election was not called")
    states a fact."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    return verb.lemma_.lower() in speech and not passive


def _first_negation(tokens):
    return next((t for t in tokens if t.lower_ in _NEGATIONS or t.dep_ == "neg"), None)


def _subject_words(predicate) -> tuple[set[str], set[str]] | None:
    """What a predicate is said of: (head lemmas of its subject and direct object, the words
    of names in them), None where that cannot be told (no subject, or a pronoun: "he did
    not reach out" may be about anyone the article names). The object counts because a
    passive turns it into the subject ("the harbour was not sold" / "the mayor sold the
    harbour"). A predicate without a subject of its own ("was seen and then left", "wants
    to sell") takes the subject of the verb it hangs on."""
    verb, steps = predicate, 0
    objects = [t for t in predicate.children if t.dep_ == "dobj"]
    while verb is not None and steps < 3:
        subjects = [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass", "expl")]
        if subjects:
            if any(t.pos_ == "PRON" or t.dep_ == "expl" for t in subjects):
                return None
            about = subjects + [t for t in objects if t.pos_ != "PRON"]
            heads = {t.lemma_.lower() for t in about}
            names = {w.lower_ for t in about for w in t.subtree
                     if w.pos_ == "PROPN" or (w.ent_type_ and w.is_alpha and w.pos_ != "DET")}
            return heads, names
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head.i == verb.i:
            return None
        verb, steps = verb.head, steps + 1
    return None


def _subject_names(predicate) -> set[str]:
    """The words of the proper names in a predicate's own subject (climbing as
    `_subject_words` does), empty when the subject names nobody or cannot be told."""
    verb, steps = predicate, 0
    while verb is not None and steps < 3:
        subjects = [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return {w.lower_ for t in subjects for w in t.subtree if w.pos_ == "PROPN" and w.is_alpha}
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head.i == verb.i:
            return set()
        verb, steps = verb.head, steps + 1
    return set()


def _same_subject(negation, claim_predicate, source: str = "", strict: bool = False) -> bool:
    """Is a negated statement about what the claim is about? "The ferry timetable had not
    changed" says nothing of "the ferry sailed without an engineer", though both name the
    ferry; "Russian planes have not entered" is about "Russian fighter jets flew". The
    subjects share a head word's stem or a word of a name, or the negated statement is
    about the claim's source ("the voting system did not count his vote" answers what the
    voting system showed; `source`: the claim's source's name). A negated noun ("no
    violations were recorded") is its own subject. Where either subject cannot be told (a
    pronoun, none), the statement is not ruled out, unless `strict` (a third party's
    negation, which contests a claim only when it is plainly about the same thing). Two
    subjects that name different people or bodies ("Ervin and Blake did not give reasons" /
    "Wukela listed his reasons") are not the same, whatever objects they share."""
    negated_noun = negation.lower_ == "no" and negation.head.pos_ in ("NOUN", "PROPN")
    if negated_noun:
        noun = negation.head
        said_of = ({noun.lemma_.lower()},
                   {w.lower_ for w in noun.subtree if w.pos_ == "PROPN" or (w.ent_type_ and w.is_alpha)})
    else:
        # "targets only milk production, not the cheese branches": a contrast negates a
        # noun; what is said, and of what, is the verb the noun belongs to
        predicate = negation.head
        while predicate.pos_ not in ("VERB", "AUX") and predicate.head.i != predicate.i:
            predicate = predicate.head
        if predicate.pos_ in ("VERB", "AUX"):
            said_of = _subject_words(predicate)
        else:
            # no verb above it (the parser took "targets" for a noun): the phrase at the
            # top is what the sentence is about
            said_of = ({predicate.lemma_.lower()},
                       {w.lower_ for w in [predicate, *predicate.children]
                        if w.dep_ in ("compound", "flat", "ROOT") and w.pos_ == "PROPN"})
    if said_of is None:
        return not strict
    if said_of[0] & _distinctive_words(source):
        return True
    claim_of = _subject_words(claim_predicate)
    if claim_of is None:
        return not strict
    if not negated_noun and predicate.pos_ in ("VERB", "AUX"):
        said_names, claim_names = _subject_names(predicate), _subject_names(claim_predicate)
        if said_names and claim_names and not said_names & (claim_names | claim_of[1]) \
                and not claim_names & said_of[1]:
            return False
    if (said_of[0] | said_of[1]) & (claim_of[0] | claim_of[1]) or _bears_on(said_of[0], claim_of[0]):
        return True
    # "no violations of the border by Russian aircraft" / "Russian jets violated the border"
    return negated_noun and _bears_on(said_of[0], {claim_predicate.lemma_.lower()})


def _in_a_denial(doc, c: Candidate, analysis: Analysis) -> bool:
    """Is the claim part of a denial made in its own sentence, by its own side ("Clearbrook
    denied the allegations, saying that its juices are natural")? Then it is the denier's
    answer (or what the denier denies), and a contrary statement elsewhere, such as the
    accusation it answers, agrees with or provoked it rather than rebutting it."""
    if _reports_a_denial(doc, c):
        return True
    start, end = c.sent.start_char, c.sent.end_char
    return any(q.cue is not None and start <= q.cue.start < end and _denies(doc, q)
               and (c.quote is None or q is c.quote or same_side(c.quote, q))
               for q in analysis.quotes)


def _contrary_statements(doc, sents, analysis: Analysis) -> list[Contrary]:
    """The negated statements of the article: what a source says with a negation, and the
    writer's own negated sentences (outside any quote and quotation marks, not a question,
    and not a negated verb of saying: "did not respond to a request for comment")."""
    text = analysis.text
    found = []
    for q in analysis.quotes:
        if q.speaker.kind in ("author", "unknown") or not q.content or _is_title(doc, q):
            continue
        at = q.cue.start if q.cue is not None else q.content[0].start
        n = next((k for k, s in enumerate(sents) if s.start_char <= at < s.end_char), None)
        if n is None:
            continue
        said = [t for s in q.content for t in (doc.char_span(s.start, s.end, alignment_mode="expand") or [])]
        negation = _first_negation(said)
        if negation is not None and not _in_named_title(text, negation.idx) \
                and not _discloses_no_holding(negation):
            found.append(Contrary(n, q, negation, _negation_scope(negation), _content_lemmas(said)))
    # the hand-picked verbs of saying; not those of concluding from evidence: "the video
    # does not show ...", "investigators did not find ..." state contrary evidence
    speech = (hand_cues() - _EVIDENCE_VERBS) | _SILENCE_VERBS
    for n, sent in enumerate(sents):
        if sent.text.rstrip().endswith("?"):
            continue
        own = _writers_words(sent, analysis, text)
        negation = _first_negation(own)
        if negation is None or _kept_silent(negation.head, speech) \
                or _in_named_title(text, negation.idx) or _discloses_no_holding(negation) \
                or any(q.cue is not None and sent.start_char <= q.cue.start < sent.end_char
                       and q.speaker.kind != "author" for q in analysis.quotes):
            continue   # a sentence that reports somebody is that somebody's, not the writer's
        line_start = text.rfind("\n", 0, negation.idx) + 1
        line_end = text.find("\n", negation.idx)
        dash = _HEADLINE_SOURCE.search(text[line_start:line_end if line_end >= 0 else len(text)])
        found.append(Contrary(n, None, negation, _negation_scope(negation), _content_lemmas(own),
                              dash.group(1) if dash else None))
    return found


# "Karsovian jets have not entered Estmark's airspace - Dravograd", "No meeting at the
# conference: Ministry": a headline line that ends in a dash or a colon and a name gives its
# words to that name, as wire and state-media headlines do.
_HEADLINE_SOURCE = re.compile(r"(?:\s[-–—]|:)\s*((?:[A-Z][\w.'’&-]*\s*){1,4})$")


# A quotation of a few words or more: an opening mark at a word's start, a closing one
# before a space or punctuation (not the apostrophe of "don't").
_QUOTED_WORDS = re.compile(r"(?:^|(?<=[\s(\[]))[“\"‘']([^“”\"\n]{15,}?)[”\"’'](?=[\s,.;:!?)]|$)")


def _link_contrary_claims(doc, sents, sent_index, candidates, statuses, analysis) -> None:
    """A source or the writer who says the opposite of an attributed claim, without calling
    it false ("The Gazette reported that the mayor sold the harbour. The mayor said he never
    sold the harbour."), contests it, before or after it (a denial in the lede comes before
    the claim it denies): a source that is the party concerned denies it, anyone else
    disputes it, and the writer's own contrary statement refutes it (the article
    establishes it is false). The opposite is a negated statement on the same matter: a
    negation in the voice's words and none in the claim, a word in the negation's scope
    among the claim's, and CONTRARY_MIN_SHARED content lemmas shared. Within
    REBUTTAL_WINDOW sentences either way; only claims that a source makes."""
    text = analysis.text
    for contrary in _contrary_statements(doc, sents, analysis):
        q, n, sent = contrary.quote, contrary.n, sents[contrary.n]
        for i, c in enumerate(candidates):
            m = sent_index.get(c.sent.start_char, -99)
            if m == n or abs(n - m) > REBUTTAL_WINDOW or (q is not None and c.quote is q):
                continue
            if c.quote is None:
                # quoted words are somebody's even where no attribution was found for them
                # ("'...,' reads the caption of a video"); the writer's own sentence is not
                if q is not None or not _QUOTED_WORDS.search(text, c.start, c.end):
                    continue
            elif c.quote.speaker.kind == "author" or (q is not None and same_side(c.quote, q)):
                continue
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if span is None or _first_negation(span) is not None:
                continue
            if _in_a_denial(doc, c, analysis):
                continue   # "The spokesman denied reports of a meeting": the denial agrees
            if q is None and contrary.headline_source is None:
                status, rule = "refuted", "contrary_statement_by_writer"
            else:
                source = q.speaker.name if q is not None else contrary.headline_source
                concerned = _party_concerned(source, c.sent.text, _subject_of_claim(doc, c),
                                             _mention_of(q) if q is not None else "")
                status = "denied" if concerned else "disputed"
                rule = "contrary_claim_later" if n > m else "contrary_claim_earlier"
            # a third party's bare negation contests a claim only when it is plainly said of
            # what the claim is about (a pronoun subject may be anything the article names)
            if not _same_subject(contrary.negation, _main_verb(doc, c), c.quote.speaker.name if c.quote else "",
                                 strict=status == "disputed"):
                continue   # the statement is about something else the claim also names
            claim_lemmas = _content_lemmas(span)
            # a word the negation bears on is the claim's ("never sold" / "sold"; "no
            # attack" / "were attacked"; "no meeting" / "met"), and the two share enough
            # words to be on one matter
            if not _bears_on(contrary.scope, claim_lemmas) or len(contrary.lemmas & claim_lemmas) < CONTRARY_MIN_SHARED:
                continue
            negation = contrary.negation
            new = Status(status, rule, (negation.idx, negation.idx + len(negation)),
                         (sent.start_char, _trim(text, sent.start_char, sent.end_char)[1]))
            if new.stronger_than(statuses[i]):
                statuses[i] = new
            elif statuses[i].rebutted_by is None and statuses[i].status == status:
                statuses[i].rebutted_by = new.rebutted_by


# --- rebuttals by meaning (rebuttal_meaning.py) -------------------------------------------

# Statuses a rebuttal found by meaning may replace: a claim the word rules already found
# rebutted keeps what they found.
_OPEN_STATUSES = frozenset({"asserted", "hedged", "reported", "unconfirmed", "rumored"})


def contrary_signals(doc, sents, analysis: Analysis) -> list[Signal]:
    """The contrary signals of the article (rebuttal_meaning.py), one per voice per
    sentence: the strongest of verdict, denial, negation and different figure."""
    text = analysis.text
    speech = (hand_cues() - _EVIDENCE_VERBS) | _SILENCE_VERBS
    found = []
    for q in analysis.quotes:
        if q.speaker.kind in ("author",) or not q.content or _is_title(doc, q):
            continue
        at = q.cue.start if q.cue is not None else q.content[0].start
        n = next((k for k, s in enumerate(sents) if s.start_char <= at < s.end_char), None)
        if n is None:
            continue
        passage = [(c.start, c.end) for c in q.content]
        tokens = [t for a, b in passage for t in (doc.char_span(a, b, alignment_mode="expand") or [])]
        signal = _signal_of(doc, q, n, passage, tokens, text, speech)
        if signal is not None:
            found.append(signal)
    for n, sent in enumerate(sents):
        if sent.text.rstrip().endswith("?") or any(
                q.cue is not None and sent.start_char <= q.cue.start < sent.end_char
                and q.speaker.kind != "author" for q in analysis.quotes):
            continue   # a sentence that reports somebody is that somebody's
        own = _writers_words(sent, analysis, text)
        if not own:
            continue
        passage = [(own[0].idx, own[-1].idx + len(own[-1]))]
        signal = _signal_of(doc, None, n, passage, own, text, speech)
        if signal is not None:
            line_start = text.rfind("\n", 0, signal.words[0]) + 1
            line_end = text.find("\n", signal.words[0])
            dash = _HEADLINE_SOURCE.search(text[line_start:line_end if line_end >= 0 else len(text)])
            signal.headline_source = dash.group(1).strip() if dash else None
            found.append(signal)
    return found


def _signal_of(doc, voice: Quote | None, n: int, passage, tokens, text: str, speech) -> Signal | None:
    """The contrary signal of one voice's words in sentence `n`, or None."""
    if voice is not None and _denies(doc, voice):
        passage, tokens = _denied_part(passage, tokens, speech)
        if not passage:
            return None   # "denied the news report": nothing said to compare by meaning
        return Signal(n, "denial", (voice.cue.start, voice.cue.end), voice, passage,
                      passage_lemmas(tokens), figures(tokens))
    lemmas, numbers = passage_lemmas(tokens), figures(tokens)
    own = {t.idx for t in tokens}
    for pattern, kind in ((FALSE_VERDICT, "false"), (CONTESTED, "contested"), (DOUBT, "doubt")):
        for a, b in passage:
            m = next((m for m in pattern.finditer(text, a, b) if m.start() in own
                      and not _verdict_on_claim_stated_here(doc, m.start())
                      and not _in_named_title(text, m.start())), None)
            if m:
                return Signal(n, kind, (m.start(), m.end()), voice, passage, lemmas, numbers,
                              target=_verdict_target(doc, m.start()))
    negation = _first_negation(tokens)
    if negation is not None and not _kept_silent(negation.head, speech) \
            and not _in_named_title(text, negation.idx) and not _discloses_no_holding(negation):
        words = (negation.idx, negation.idx + len(negation))
        return Signal(n, "negation", words, voice, passage, lemmas, numbers, scope=_contrast_scope(negation))
    # a figure contradicts only where the voice sets it against another ("In fact, 12,000
    # nurses were hired"): two figures for two places or years are no rebuttal
    if numbers and _CORRECTION_OPENING.match(text, passage[0][0]):
        first = next(t for t in tokens if t.dep_ == "nummod")
        return Signal(n, "figure", (first.idx, first.idx + len(first)), voice, passage, lemmas, numbers)
    return None


def _denied_part(passage, tokens, speech) -> tuple[list[tuple[int, int]], list]:
    """What a denial denies: its words up to a verb of saying joined to it ("denies the
    six worked for it and says the arrests were meant to put pressure on it"). What
    follows is the voice's own account, which a claim may well repeat; scored with the
    denial, it would link the denial to the claims that agree with it."""
    cut = next((t for t in tokens if t.dep_ == "conj" and t.pos_ == "VERB"
                and t.lemma_.lower() in speech), None)
    if cut is not None:
        kept = [t for t in tokens if t.i < cut.i]
        while kept and (kept[-1].dep_ == "cc" or kept[-1].is_punct):
            kept.pop()
        if kept:
            end = kept[-1].idx + len(kept[-1])
            passage, tokens = [(a, min(b, end)) for a, b in passage if a < end], kept
    # "denied the news report": a denial of a report or claim named by its noun alone
    # holds none of what the report says; its words would match any remark about the
    # report. (A report with its clause, "a report that ...", keeps its words.)
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    if len(heads) == 1 and heads[0].lemma_.lower() in CLAIM_NOUNS | REPORT_NOUNS \
            and not any(t.dep_ in ("acl", "relcl", "ccomp", "prep") for t in heads[0].children):
        return [], []
    return passage, tokens


def _contrast_scope(negation) -> set[str]:
    """The lemmas a negation bears on; in a contrast ("shows a stampede, not Israelis
    fleeing to bunkers") what follows "not", not the verb it hangs on, which is affirmed."""
    prev = negation.doc[negation.i - 1] if negation.i > 0 else None
    if negation.i > negation.head.i and prev is not None and prev.text in (",", "—", "–", "-"):
        after = []
        for t in negation.doc[negation.i + 1:negation.sent.end]:
            if t.is_punct:
                break
            after.append(t)
        return {t.lemma_.lower() for t in after if t.is_alpha}
    scope = _negation_scope(negation)
    if negation.head.lemma_.lower() == "be":
        # "Employment is not up": a copula says little; what is denied is its subject's
        # state, so the subject is what the claim must be about
        scope |= {c.lemma_.lower() for c in negation.head.children if c.dep_ in ("nsubj", "nsubjpass")}
    return scope


_CORRECTION_OPENING = re.compile(r"\W*(however|but|yet|in fact|actually|in reality|in truth)\b", re.I)


def _verdict_target(doc, offset: int) -> str | None:
    """The noun a verdict word qualifies ("the false Facebook post" -> "post"), None for a
    predicate ("the claim is false"; `_judged_thing` reads those)."""
    word = _token_at(doc, offset)
    if word is not None and word.dep_ == "amod" and word.head.pos_ in ("NOUN", "PROPN"):
        return word.head.lemma_.lower()
    return None


def link_by_meaning(doc, sents, sent_index, candidates, statuses, analysis: Analysis,
                    min_score: float | None = None, depth: int = rebuttal_meaning.FULL_DEPTH,
                    judging: set[str] = frozenset()) -> list[MeaningLink]:
    """Each claim a source makes (or quoted words nobody was found for) that no word rule
    found rebutted takes the contrary signal anywhere in the article, before or after it,
    that is nearest in meaning (rebuttal_meaning.py), when its score reaches `min_score`.
    The status follows the voice: the writer's verdict or contrary statement refutes it
    (a writer's "no evidence" disputes, doubt questions), a source that is the party
    concerned denies it, anyone else disputes it; doubt questions it. Returns the links
    made. The passages' vectors are the full MiniLM pass's token states of the sentences
    the allowed pairs read: those of the check-worthiness pass when it ran all layers, else
    (a shared pass of `depth` < 6 layers) that pass's states of those sentences alone
    carried through the remaining layers (`rebuttal_meaning.meaning_states`). `min_score`
    defaults to MIN_SCORE. `judging`: ids of quotes whose signal judges a claim stated in
    their own words (`_judging_here`), which reach no other claim."""
    text = analysis.text
    signals = [s for s in contrary_signals(doc, sents, analysis) if s.voice is None or s.voice.id not in judging]
    if not signals:
        return []
    doc_text = doc.text
    # First the (claim, signal) pairs the rules allow, then the passages' vectors of only
    # the sentences those pairs read (`meaning_states`: after a shallow shared pass these
    # sentences alone are carried through the remaining layers).
    pairs = []
    for i, c in enumerate(candidates):
        if statuses[i].status not in _OPEN_STATUSES or _reports_silence(c):
            continue
        if c.quote is None and statuses[i].status not in ("unconfirmed", "rumored") \
                and not _QUOTED_WORDS.search(text, c.start, c.end):
            continue   # the writer's own statement: nobody's claim to rebut
        if c.quote is not None and c.quote.speaker.kind == "author":
            continue
        m = sent_index.get(c.sent.start_char, -99)
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None:
            continue
        # the claim's own sentence carries a signal of the claim's voice: it is a
        # rebuttal itself ("X denied that ..."), not what is rebutted
        if any(s.n == m and s.voice is c.quote and s.kind != "figure" for s in signals) \
                or _in_a_denial(doc, c, analysis):
            continue
        if _first_negation(span) is not None or FALSE_VERDICT.search(text, c.start, c.end) \
                or CONTESTED.search(text, c.start, c.end):
            # "He has not indicated how he will vote", "the report was wrong": a negated
            # claim or a verdict is itself a denial; another denial agrees with it rather
            # than rebuts it
            continue
        claim_lemmas, claim_figures = passage_lemmas(span), figures(span)
        claim_verb = _main_verb(doc, c)
        sentence_lemmas = {t.lemma_.lower() for t in c.sent}
        allowed = []
        for j, signal in enumerate(signals):
            # in the claim's own sentence only another source's words outside the claim
            # ("An ad claims she would vote for the bill, but she has said she does not
            # support it")
            same_sentence = signal.n == m and (signal.voice is None or signal.voice is c.quote or any(
                a < c.end and c.start < b for a, b in signal.passage))
            if same_sentence or (signal.voice is not None and c.quote is not None
                                 and (signal.voice is c.quote or same_side(c.quote, signal.voice))):
                continue
            if c.quote is not None and signal.headline_source is not None \
                    and _one_side(c.quote.speaker.name, signal.headline_source):
                continue
            if c.quote is not None and signal.voice is not None \
                    and _government_of(c.quote) & _government_of(signal.voice):
                continue   # a minister and the government that denies: one side
            if signal.kind == "negation" and signal.voice is None and signal.headline_source is None \
                    and not _writer_corrects(doc, doc_text, signal, sents):
                continue   # the writer's background ("has never directed a musical but ...",
                           # "are confident they will not lose him"), not a correction
            if signal.kind == "negation" and not _bears_on(signal.scope, claim_lemmas):
                continue   # the negated predicate must be the claim's: "not Israelis fleeing"
                           # contradicts no claim about a stampede
            if signal.voice is not None and signal.kind in ("false", "contested") \
                    and _status_by_meaning(doc, c, signal)[0] == "disputed":
                continue   # a third party's verdict word that no word rule tied to the claim
                           # (no claim noun, beyond the window): its meaning alone links
                           # agreeing doubts as readily as claims it contests
            if signal.kind == "negation" and not _same_subject(
                    _token_at(doc, signal.words[0]), claim_verb, c.quote.speaker.name if c.quote else "",
                    strict=_status_by_meaning(doc, c, signal)[0] == "disputed"):
                continue   # and said of what the claim is about (plainly, by a third party)
            if signal.target is not None and signal.target not in sentence_lemmas:
                continue   # "the false Facebook post" rebuts what the post says
            judged = _judged_thing(doc, signal.words[0]) if signal.kind in ("false", "contested", "doubt") else None
            if judged is not None and not _names_judged(judged, c.sent):
                continue   # "the senator's post was fake" judges the post, not his vote
            if signal.voice is not None and _reports_words_of(doc, c, signal.voice.speaker.name):
                continue   # "Mara clarified that she hardly knows him, said a friend": the
                           # claim restates what the denier said; her denial agrees with it

            if signal.kind == "figure" and different_figure(claim_figures, signal) is None:
                continue
            allowed.append(j)
        if allowed:
            pairs.append((i, claim_lemmas, allowed))
    if not pairs:
        return []
    candidate_texts = {c.sent.text for c in candidates}
    read = {candidates[i].sent.text for i, _, _ in pairs}
    for j in {j for _, _, allowed in pairs for j in allowed}:
        read.update(_passage_sentences(doc, signals[j].passage))
    states_of = meaning_states(sorted(read & candidate_texts), depth)
    signal_vecs: dict = {}   # signal index -> its passage's vector (None: not encoded)
    links = []
    for i, claim_lemmas, allowed in pairs:
        c = candidates[i]
        claim_vec = span_vector(doc, [(c.start, c.end)], states_of)
        best = None
        for j in allowed:
            signal = signals[j]
            if j not in signal_vecs:
                signal_vecs[j] = span_vector(doc, signal.passage, states_of)
            score, similarity, shared = score_pair(claim_vec, claim_lemmas, signal, signal_vecs[j])
            if best is None or score > best.score:
                best = MeaningLink(i, signal, score, similarity, shared)
        if best is None or best.score < (rebuttal_meaning.MIN_SCORE if min_score is None else min_score):
            continue
        links.append(best)
        status, rule = _status_by_meaning(doc, c, best.signal)
        # the sentence that holds the contrary words (a quote may run over several)
        rebut = next((s for s in sents if s.start_char <= best.signal.words[0] < s.end_char), sents[best.signal.n])
        new = Status(status, rule, best.signal.words,
                     (rebut.start_char, _trim(text, rebut.start_char, rebut.end_char)[1]))
        if new.stronger_than(statuses[i]):
            statuses[i] = new
    return links


def _writer_corrects(doc, doc_text: str, signal: Signal, sents) -> bool:
    """Is the writer's negation a correction, which refutes what it bears on? Set against
    what was said ("In fact, the mill did not close"; "However, ...") or the writer's own
    check ("looked through his account but did not find the post"). A plain negation in
    the writer's voice is the story's background: on unseen news (tune-2, and a by-eye
    sample of ECB+ stories) it refuted the wrong claim 8 times in 9. `doc_text` is
    `doc.text`, read once by the caller: spaCy rebuilds it on every access."""
    if _CORRECTION_OPENING.match(doc_text, sents[signal.n].start_char):
        return True
    negation = _token_at(doc, signal.words[0])
    return negation is not None and negation.head.lemma_.lower() in _EVIDENCE_VERBS


def _passage_sentences(doc, spans: list[tuple[int, int]]) -> set[str]:
    """The texts of the sentences that hold `spans` (as `span_vector` finds them)."""
    out = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            out.add(span[0].sent.text)
    return out


def _reports_words_of(doc, c: Candidate, name: str) -> bool:
    """Does the claim relay what `name` said or holds: a verb in the claim's sentence that
    governs the claim by a clause ("Mara clarified that ...", "Mara told friends that
    ...") and whose subject names that source (a distinctive word of its name)?"""
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return False
    words = _distinctive_words(name)
    for verb in c.sent:
        # a clause complement only: in "Holt would vote to sell" Holt is what the claim is
        # about, not who said it
        clause_tokens = {t.i for ch in verb.children if ch.dep_ == "ccomp" for t in ch.subtree}
        if not clause_tokens & set(range(span.start, span.end)):
            continue
        for subject in (ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")):
            # the subject's name only: "an ad attacking Spanberger claims that she ..." is
            # the ad's claim about Spanberger, not her words
            named = [subject, *(t for t in subject.children if t.dep_ in ("compound", "flat", "appos"))]
            if words & {t.lower_ for t in named}:
                return True
    return False


def _one_side(name: str, other: str) -> bool:
    """A headline's dash name and a claim's source on one side: a shared distinctive
    word, or the same government ("Moscow", "the Russian Defence Ministry")."""
    words = _distinctive_words(name)
    if words & {w for w in re.findall(r"[^\W\d_]+", other.lower())}:
        return True
    return bool(governments_named(name) & governments_named(other))


def _government_of(quote: Quote) -> set[str]:
    """The government an on-record source speaks for: the countries its name or the words
    that name it where it speaks name ("Karsovia", "the Kremlin", "Karsovian Foreign
    Minister Yuri Danek"), when it is an institution or a named official. Unnamed people
    "familiar with intelligence within the U.S. government" speak for no government, and
    their leak may well be what the White House denies."""
    if quote.speaker.kind not in ("institution", "official"):
        return set()
    return governments_named(f"{quote.speaker.name} {_mention_of(quote)}")


def _bears_on(scope: set[str], lemmas: set[str]) -> bool:
    """Does the negation bear on one of the claim's words (a lemma, or one of four letters or
    more the prefix of the other, "meeting" / "meet", or five first letters shared,
    "reaching" / "reached")?"""
    return _shares_stem(scope, lemmas) or any(
        min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)) for a in scope for b in lemmas)


def _status_by_meaning(doc, c: Candidate, signal: Signal) -> tuple[str, str]:
    if signal.kind == "doubt":
        return "questioned", "doubt_by_meaning"
    if signal.voice is None and signal.headline_source is not None:
        concerned = _party_concerned(signal.headline_source, c.sent.text, _subject_of_claim(doc, c))
        return ("denied", "denied_by_meaning") if concerned else ("disputed", "disputed_by_meaning")
    if signal.voice is None:
        if signal.kind == "contested":
            return "disputed", "contested_by_meaning"
        return "refuted", "writer_contradicts_by_meaning"
    concerned = signal.kind == "denial" and _cue_lemma(doc, signal.voice) == "deny" or _party_concerned(
        signal.voice.speaker.name, c.sent.text, _subject_of_claim(doc, c), _mention_of(signal.voice))
    return ("denied", "denied_by_meaning") if concerned else ("disputed", "disputed_by_meaning")


def _content_lemmas(tokens) -> set[str]:
    return {t.lemma_.lower() for t in tokens if t.is_alpha and not t.is_stop and len(t) > 2
            and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")}


ACCUSATION_NOUNS = frozenset("allegation accusation charge".split())
REPORT_NOUNS = frozenset("report story article piece".split())
ACCUSING_CUES = frozenset("accuse allege charge".split())


# Verbs by which a source answers back ("The mill's owners countered that ..."): said by the
# party an earlier accusation names, the answer denies that accusation.
COUNTER_CUES = frozenset("counter retort".split())


def _link_counters_of_accused(doc, sents, candidates: list[Candidate], statuses: list[Status],
                              analysis: Analysis) -> None:
    """A source that counters ("Pell Mill's owners countered that the dye came from
    upstream") after somebody accused it ("The fishermen accused Pell Mill of poisoning the
    river") denies every earlier accusation that names it, however many sentences back: an
    accusation and the accused's answer are often a paragraph apart. The accused is named
    between the accusing cue and the end of the claim; a word of the counterer's name (not a
    generic one: "officials", "ministry") must be among those words."""
    text = analysis.text
    for q in analysis.quotes:
        if q.cue is None or q.speaker.kind == "author" or _cue_lemma(doc, q) not in COUNTER_CUES:
            continue
        names = _distinctive_words(q.speaker.name)
        sent = next((s for s in sents if s.start_char <= q.cue.start < s.end_char), None)
        if not names or sent is None:
            continue
        span = (sent.start_char, _trim(text, sent.start_char, sent.end_char)[1])
        for i, c in enumerate(candidates):
            if c.quote is None or c.quote is q or c.quote.cue is None or c.end > sent.start_char \
                    or _cue_lemma(doc, c.quote) not in ACCUSING_CUES or same_side(c.quote, q):
                continue
            accused = set(re.findall(r"[^\W\d_]+", text[c.quote.cue.end:c.end].lower()))
            if not names & accused:
                continue
            _take_rebuttal(statuses, i, Status("denied", "counter_by_accused", (q.cue.start, q.cue.end), span))


def _link_one(doc, candidates, statuses, analysis, sent, rebuttal: Rebuttal, reference,
              window: int, distance, rebuts_itself) -> None:
    """Link one rebuttal of `sent` to the claim(s) it rebuts (see link_rebuttals)."""
    text = analysis.text
    rebutter = rebuttal.by
    if reference is not None and _tells_what_it_rebuts(candidates, statuses, analysis, sent, rebuttal):
        return
    if reference is None and rebutter is None:
        # "Posts falsely claim X. That's not true; ...": the writer's verdict on the claim
        # just told, which its own frame already calls false; it reaches no claim before it
        before = [(i, c) for i, c in enumerate(candidates) if c.end <= sent.start_char and c.quote is not None]
        if before and distance(before[-1][1]) <= 1 and statuses[before[-1][0]].rule == "false_verdict_in_frame" \
                and statuses[before[-1][0]].rebutted_by is None and _points_back(doc, rebuttal.words[0]):
            statuses[before[-1][0]].rebutted_by = (sent.start_char, _trim(text, sent.start_char, sent.end_char)[1])
            return
    targets = [(i, c) for i, c in enumerate(candidates)
               if c.end <= sent.start_char and distance(c) <= window and not _reports_silence(c)
               and (c.quote is not None or statuses[i].status in ("unconfirmed", "rumored"))
               and not (rebutter is not None and c.quote is not None and same_side(c.quote, rebutter))
               and _not_own_claim(rebuttal, c)
               and statuses[i].rule not in ("false_verdict_in_frame",)]
    # not a claim of a sentence that itself rebuts something, unless the claim is the one
    # its own sentence rebuts ("Reports that X are false, the ministry said": X)
    targets = [(i, c) for i, c in targets
               if not rebuts_itself(c) or statuses[i].rule == "verdict_on_reported_claim"]
    if reference is not None and reference.owner:
        # "the report by the Gazette": only what the Gazette (or a source it relays) said
        targets = [(i, c) for i, c in targets if c.quote is not None and _names_source(c.quote, reference.owner)]
    if reference is not None and reference.noun.lemma_.lower() in ACCUSATION_NOUNS:
        # "X has denied the allegations": what was alleged, where the text has an accusation
        # ("accused X of …"), before another claim of the accuser's
        accusations = [(i, c) for i, c in targets if _cue_lemma(doc, c.quote) in ACCUSING_CUES]
        targets = accusations or targets
    main_first = False
    if reference is not None and reference.noun.lemma_.lower() in REPORT_NOUNS:
        # "This story is false": what a report or an outlet said, before the claims of
        # others who spoke about it since
        reports = [(i, c) for i, c in targets if c.quote is not None and _from_a_report(c.quote)]
        # "The ministry denied the report": what the report says first (its lede, its main
        # claim), not the last detail told of it
        main_first = bool(reports) and reference.noun.tag_ == "NN"
        targets = reports or targets
    if reference is not None and reference.plural:
        # "these claims": somebody made them; a thing the parser took for a source ("the
        # probe's instruments") did not
        named = [(i, c) for i, c in targets if c.quote is not None and c.quote.speaker.kind != "unknown"]
        targets = named or targets
    judged = _judged_thing(doc, rebuttal.words[0]) if rebuttal.rule in _VERDICT_RULES else None
    if judged is not None:
        # "the senator's post was fake" judges the post: only a claim whose sentence names
        # it, not the senator's vote reported before it
        targets = [(i, c) for i, c in targets if _names_judged(judged, c.sent)]
    if not targets:
        return
    # the claim the rebuttal shares most words with ("denied that any weapons had been
    # sent to Solvary" -> "had delivered missiles to fighters in Solvary"), else the
    # nearest; a source's rebuttal is compared by what that source said
    said = set()
    if rebutter is not None:
        said = set().union(*(_content_words(text[s.start:s.end]) for s in rebutter.content))
    says_what = len(said) >= 3
    if not says_what:   # "dismissed the report": the sentence says which
        words = text[sent.start_char:sent.end_char]
        if rebutter is not None and rebutter.source is not None:
            # not the words that name the rebutter ("the head of the port authority"
            # shares "port" with any claim about the port)
            a = max(rebutter.source.start - sent.start_char, 0)
            b = max(rebutter.source.end - sent.start_char, a)
            words = words[:a] + " " + words[b:]
        said = _content_words(words)
    def overlap(ic) -> int:
        return len(said & _content_words(text[ic[1].start:ic[1].end]))

    pointing = rebutter is not None and reference is None and _points_back(doc, rebuttal.words[0])
    if rebutter is not None and reference is None and says_what and not pointing:
        # "Wilson denied that Hegseth had acted alone" denies what it says; it reaches an
        # earlier claim only one that shares a word stem with it ("warming" / "warmed";
        # "described Trump as caught flat-footed" shares none). A verdict said of "it" or
        # "this" ("There is nothing in this. It is simply untrue.") says nothing but the
        # verdict: its words are no matter to share, and it judges what was just told.
        stems = {w[:4] for w in said}
        targets = [ic for ic in targets
                   if stems & {w[:4] for w in _content_words(text[ic[1].start:ic[1].end])}]
        if not targets:
            return
    if main_first:
        # a claim that is a denial itself ("They had not met since May") is no report's
        # main claim
        targets = [ic for ic in targets if not is_negated(_main_verb(doc, ic[1]))] or targets
    best = max(targets, key=lambda ic: (overlap(ic), -ic[0] if main_first else ic[0]))
    if reference is None and overlap(best) == 0 and not _points_back(doc, rebuttal.words[0]) \
            and len({_source_mention(c) for _, c in targets}) > 1:
        # "'Completely false,' said the port's director" after claims of two sources: it
        # names nothing and shares no word with either, so which it answers is a guess; a
        # wrong link would show an on-record claim as contested (a missing one does not)
        return
    if (reference is None or not reference.plural) and is_negated(_main_verb(doc, best[1])):
        # "It is not mine" / "'Patently false,' said Coats": the claim nearest the rebuttal
        # is a denial itself, which the rebuttal agrees with; nor does it move on to
        # another claim
        return
    if pointing and any(t.lower_ in _NEGATIONS | {"neither", "nor"}
                        for t in doc.char_span(best[1].start, best[1].end, alignment_mode="expand") or []):
        # "It is not true" after "X is neither an employee nor a spokesman": a verdict that
        # says nothing of its own agrees with a denial just told ("it" is the rumour the
        # denial answers); it reaches no claim then
        return
    chosen = [best]
    if reference is not None and reference.plural:
        # "these claims": every claim of one source, the source whose claims share most
        # words with the rebuttal, then the one with most claims (what the article is
        # about), then the nearest
        groups: dict[str, list] = {}
        for i, c in targets:
            if c.quote is not None:
                groups.setdefault(c.quote.speaker.entity or c.quote.speaker.name, []).append((i, c))
        if groups:
            chosen = max(groups.values(), key=lambda g: (sum(overlap(ic) for ic in g), len(g), g[-1][0]))
            # where the rebuttal's sentence names its matter, only that source's claims on
            # it: sharing a word ("these claims are pure speculation ... alien life in the
            # comet" reaches the microbes under the comet's surface, not the dust it sheds);
            # a bare "These claims are pure speculation" reaches them all
            sentence_words = _content_words(text[sent.start_char:sent.end_char])
            on_matter = [ic for ic in chosen
                         if _shares_stem(sentence_words, _content_words(text[ic[1].start:ic[1].end]))]
            chosen = on_matter or chosen
    span = (sent.start_char, _trim(text, sent.start_char, sent.end_char)[1])
    for i, target in chosen:
        _take_rebuttal(statuses, i, Status(_status_for(doc, rebuttal, target), rebuttal.rule, rebuttal.words, span))


def _take_rebuttal(statuses: list[Status], i: int, new: Status) -> None:
    """A rebuttal found for claim `i`: its status when stronger than the claim's, else only
    its link where the claim has none yet."""
    if new.stronger_than(statuses[i]):
        statuses[i] = new
    elif statuses[i].rebutted_by is None:
        statuses[i].rebutted_by = new.rebutted_by


def _from_a_report(quote: Quote) -> bool:
    """Is the claim what a report says: an outlet's or a document's, or a source's that
    one relays ("..., the Gazette reported, citing officials familiar with the plan")?"""
    return quote.speaker.kind in ("media", "document") or any(
        link.kind in ("media", "document") for link in quote.chain)


FORWARD_WINDOW = 2 * REBUTTAL_WINDOW
# Nouns by which a source names an outlet's telling of events ("the Gazette's account",
# "a Meridian report", "the Post's reporting").
ACCOUNT_NOUNS = frozenset("report story article piece account description reporting coverage "
                          "version characterization characterisation claim allegation".split())


def _outlet_named(sent, reference: "ClaimReference | None") -> set[str]:
    """The words of the outlet whose report a rebuttal's sentence names: the owner of its
    claim noun ("the report by the Gazette"), or a name before a noun of telling ("the
    Harbour Gazette's account", "a Meridian report")."""
    owner = set(reference.owner) if reference is not None else set()
    for noun in sent:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ACCOUNT_NOUNS:
            continue
        for ch in noun.children:
            if ch.dep_ in ("poss", "compound") and ch.pos_ == "PROPN":
                owner |= {t.lower_ for t in ch.subtree if t.pos_ == "PROPN" and t.lower_ not in _SIDE_GENERIC}
    return owner


def _told_by(quote: Quote, owner: set[str], doc=None) -> bool:
    """Is the quote the outlet's own telling: its speaker, or a source it relays, named by
    the outlet's words and nothing more ("the Gazette", "Harbour Gazette"; not "Gazette
    editor Ann Lind", who speaks for herself)? A source that "told the Gazette" (with
    `doc`, the cue is read) speaks to the outlet: its words are no telling of the outlet's."""
    told = doc is not None and _cue_lemma(doc, quote) == "tell"
    names = [quote.speaker.name, *(link.name for link in quote.chain
                                   if link.kind in ("media", "document") and not told)]
    return any((words := _distinctive_words(name) - _OUTLET_GENERIC) and words <= owner for name in names)


# Words of outlets' names that a source may leave out ("a Meridian report" for Meridian News).
_OUTLET_GENERIC = frozenset("news daily newspaper magazine online website agency".split())


def _link_forward(doc, candidates, statuses, analysis, sent, rebuttal: Rebuttal, reference, ahead) -> None:
    """A rebuttal that names an outlet's report ("The ministry denied a report by the
    Gazette", "'The Gazette's account is not accurate,' the spokeswoman said") before the
    article tells what the report says ("The Gazette reported on Sunday that ...") rebuts
    that telling too: every claim the outlet makes or relays in the next FORWARD_WINDOW
    sentences (`ahead`: how many sentences after the rebuttal's a claim stands); what the
    outlet adds further on is background more often than the account denied. The stronger
    status wins, as for a rebuttal after the claim."""
    owner = _outlet_named(sent, reference)
    rebutter = rebuttal.by
    if not owner or (rebutter is not None and _told_by(rebutter, owner)):
        return
    text = analysis.text
    span = (sent.start_char, _trim(text, sent.start_char, sent.end_char)[1])
    for i, c in enumerate(candidates):
        if c.start < sent.end_char or ahead(c) > FORWARD_WINDOW or c.quote is None or not _told_by(c.quote, owner, doc) \
                or (rebutter is not None and same_side(c.quote, rebutter)) or not _not_own_claim(rebuttal, c):
            continue
        # the stronger status wins: a denial after a lede's dispute
        _take_rebuttal(statuses, i, Status(_status_for(doc, rebuttal, c), rebuttal.rule, rebuttal.words, span))


def _status_for(doc, rebuttal: Rebuttal, target: Candidate) -> str:
    """A denial rebuts as "denied" when its source is the party the claim is about (or
    says "deny"), else as "disputed"; other rebuttals keep their status."""
    if rebuttal.status != "denied":
        return rebuttal.status
    subject = _subject_of_claim(doc, target)
    if rebuttal.by is not None:
        if _cue_lemma(doc, rebuttal.by) == "deny" or _party_concerned(
                rebuttal.by.speaker.name, target.sent.text, subject, _mention_of(rebuttal.by)):
            return "denied"
        return "disputed"
    if rebuttal.who and not _party_concerned(rebuttal.who, target.sent.text, subject):
        return "disputed"
    return "denied"


def _not_own_claim(rebuttal: Rebuttal, c: Candidate) -> bool:
    """A source named only as the subject of a verdict ("The ministry labelled the report
    false") does not rebut its own claims."""
    if not rebuttal.who or c.quote is None:
        return True
    return not _shares_stem(_distinctive_words(rebuttal.who), _distinctive_words(c.quote.speaker.name))

def _tells_what_it_rebuts(candidates, statuses, analysis: Analysis, sent, rebuttal: Rebuttal) -> bool:
    """Does the rebuttal's own sentence tell, before the rebuttal, the claim its noun points
    at? "The officials said the plane was Norline's, but its chief executive denied those
    reports"; "Fans were convinced she was dating a footballer (their agents denied the
    rumors)": those reports are the ones just told, not a claim of an earlier sentence. A
    claim told there ends before the rebuttal and is a source's other than the rebutter's
    side, or hearsay with no source."""
    rebutter = rebuttal.by
    # the rebutter's words told before its own cue: "(their agents denied the rumours)"
    # with what many believed parsed as what the agents denied (not its other claims:
    # "the minister urged the paper to apologise and said the report was baseless")
    own = [s for q in analysis.quotes if rebutter is not None and _same_speaker(q, rebutter)
           and q.cue is not None for s in q.content if s.end <= q.cue.start]
    for c, st in zip(candidates, statuses):
        if not (sent.start_char <= c.start and c.end <= rebuttal.words[0]):
            continue
        if c.quote is None:
            if st.status in ("unconfirmed", "rumored"):
                return True
        elif rebutter is None or not same_side(c.quote, rebutter) \
                or any(s.start <= c.start and c.end <= s.end for s in own):
            return True
    return False


# Rebuttals that are a verdict word ("fake", "baseless", "too early to") on something.
_VERDICT_RULES = frozenset({"source_calls_it_false", "source_doubts", "false_verdict_later",
                            "contested_later", "doubt_later", "source_contests_later"})
# Subjects of a verdict that name no particular thing: they point back at what was said.
# (with CLAIM_NOUNS, defined further down)
_GENERIC_JUDGED = frozenset("information news statement article piece thing everything anything "
                            "nothing part".split())


def _judged_thing(doc, offset: int) -> set[str] | None:
    """The words of the noun a predicate verdict judges ("the senator's post ... was fake"
    -> {"post"}; "the lithium figure was baseless" -> {"figure", "lithium"}), or None: a
    pronoun, a claim noun or a demonstrative ("It is fake", "This story is false", "that
    figure is inaccurate") points back at what was said, and a verdict with no subject
    judges nothing in particular."""
    word = _token_at(doc, offset)
    if word is None or word.dep_ not in ("acomp", "attr", "neg", "advmod"):
        return None
    subject = next((ch for ch in word.head.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = subject.lemma_.lower()
    generic = _GENERIC_JUDGED | CLAIM_NOUNS
    if lemma in generic or subject.lower_ in generic or any(
            ch.dep_ == "det" and ch.lower_ in ("this", "that", "these", "those", "such") for ch in subject.children):
        return None   # "But that figure is inaccurate": a demonstrative points back
    return {lemma} | {ch.lemma_.lower() for ch in subject.children
                      if ch.dep_ in ("compound", "amod") and ch.is_alpha}


def _source_mention(c: Candidate) -> tuple[str, str]:
    """Who a claim is by, as resolved and as the text names it there (two sources the
    resolver merged still count as two where the text names them apart)."""
    if c.quote is None:
        return ("", "")
    return (c.quote.speaker.name, _mention_of(c.quote).lower())


_POINTERS = frozenset("this that these those it".split())


def _points_back(doc, offset: int) -> bool:
    """Does the verdict at `offset` point back at what was just said: a pronoun or
    demonstrative subject ("This is false", "But that figure is inaccurate", "It is a
    lie")? An "it" with a clause of its own ("it is too early to say that ...") judges that
    clause instead."""
    word = _token_at(doc, offset)
    if word is None:
        return False
    head = word if word.pos_ in ("VERB", "AUX") else word.head
    for subject in (ch for ch in head.children if ch.dep_ in ("nsubj", "nsubjpass")):
        if subject.lower_ == "it" and any(ch.dep_ in ("xcomp", "ccomp") for ch in head.children):
            continue
        if subject.lower_ in _POINTERS or any(ch.dep_ == "det" and ch.lower_ in _POINTERS
                                              for ch in subject.children):
            return True
    return False


def _names_judged(judged: set[str], sent) -> bool:
    """Does the claim's sentence name the thing a verdict judges (a word or its stem:
    "the warming" / "had warmed")?"""
    return _bears_on(judged, {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent})


def _shares_stem(a: set[str], b: set[str]) -> bool:
    """Two word sets share a word or its first five letters ("chemistry" / "chemical")."""
    return bool(a & b) or bool({w[:5] for w in a if len(w) >= 5} & {w[:5] for w in b if len(w) >= 5})


def _reports_a_denial(doc, c: Candidate) -> bool:
    """The claim's sentence reports a denial ("The spokesman has denied the reports of a
    meeting"; "X denied that ..."): a contrary statement agrees with it."""
    if c.quote is not None and _denies(doc, c.quote):
        return True
    root = c.sent.root
    return root.lemma_.lower() in DENIAL_VERBS and c.start <= root.idx < c.end \
        and not any(t.dep_ == "neg" for t in root.children)


def _reports_silence(c: Candidate) -> bool:
    """"The sources declined to be named ...", "The ministry refused to comment": the
    sentence reports a refusal, no claim anybody could rebut."""
    root = c.sent.root
    return root.lemma_.lower() in REFUSALS and c.start <= root.idx < c.end


@dataclass
class ClaimReference:
    """A noun by which a rebuttal points at an earlier claim: "these claims" (plural, no
    owner), "the report by the Gazette" (owner: the words naming the Gazette)."""

    noun: Any       # spaCy Token
    plural: bool
    owner: set[str]


# Determiners that point back at something already said ("a report" points at nothing).
_ANAPHORIC_DETERMINERS = frozenset("the this that these those such".split())


def claim_reference(sent) -> ClaimReference | None:
    """The first claim noun of the sentence that refers back: "these allegations", "such
    claims", "the report by the Post", "the Post's report"."""
    for token in sent:
        if token.lemma_.lower() not in CLAIM_NOUNS and token.lower_ not in CLAIM_NOUNS:
            continue
        if token.pos_ != "NOUN" or _states_its_claim(token):
            continue
        dets = [c for c in token.children if c.dep_ in ("det", "predet", "amod") and c.lower_ in _ANAPHORIC_DETERMINERS]
        owners = [c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        # "the report by the Courier"; also where the parser hangs "by the Courier" on the verb
        # ("rejected [the story] [by the Courier]"): the phrase right after the noun
        preps = [p for p in token.children if p.dep_ == "prep"]
        preps += [p for p in token.head.children if p.dep_ == "prep" and p.i == token.right_edge.i + 1
                  and token.dep_ in ("dobj", "nsubjpass")]
        owners += [o for p in preps if p.lower_ in ("by", "from", "of", "in")
                   for o in p.children if o.dep_ == "pobj" and any(t.pos_ == "PROPN" for t in o.subtree)]
        # "the ministry's account", "the agency's claims": a definite common-noun possessor
        # points back like "the" and names the body whose claim it is
        bodies = [c for c in token.children if c.dep_ == "poss" and c.pos_ == "NOUN"
                  and any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in c.children)]
        if not dets and not owners and not bodies:
            continue
        owner = {t.lower_ for o in owners for t in o.subtree
                 if t.pos_ == "PROPN" and t.lower_ not in _SIDE_GENERIC} | {b.lower_ for b in bodies}
        plural = token.tag_ == "NNS" and any(d.lower_ in ("these", "those", "such") for d in dets)
        return ClaimReference(token, plural, owner)
    return None


def _states_its_claim(noun) -> bool:
    """"the false claim that migrants can vote": the noun carries its claim in a clause of
    its own, so it points at that clause, not back at an earlier sentence."""
    return any(c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX") for c in noun.children)


def _names_source(quote: Quote, owner: set[str]) -> bool:
    """Does the owner of "the report by the Gazette" name the quote's speaker or a link of
    its chain?"""
    names = [quote.speaker.name, *(link.name for link in quote.chain)]
    return any(owner & {w.lower() for w in re.findall(r"[^\W\d_]+", name)} for name in names)


# What "reject"/"dismiss" must have as object to deny a claim ("rejected the report", not
# "rejected the offer").
CLAIM_NOUNS = frozenset("report reports claim claims allegation allegations accusation accusations "
                        "suggestion suggestions story stories argument arguments assertion rumour "
                        "rumor rumours rumors speculation charge charges idea notion account".split())


def _denies(doc, quote: Quote) -> bool:
    """Does the quote's cue deny its content? "deny" always (unless negated: "didn't deny"
    concedes nothing); "reject", "dismiss" and the like only a claim ("dismissed the
    report", not "rejected the offer")."""
    if quote.cue is None or _cue_negated(doc, quote):
        return False
    lemma = _cue_lemma(doc, quote)
    if lemma not in DENIAL_VERBS:
        return False
    if lemma == "deny":
        return True
    span = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    verbs = [t for t in span if t.lemma_.lower() == lemma] if span is not None else []
    return any(o.dep_ in ("dobj", "nsubjpass") and o.lemma_.lower() in CLAIM_NOUNS
               for v in verbs for o in list(v.children) + ([v.head] if v.dep_ == "relcl" else []))


def _disputes_a_claim(doc, quote: Quote) -> bool:
    """"disputed the report", "disputes the allegations": a cue "dispute" whose object is a
    claim noun (not "disputed the bill", "disputed the result of the vote")."""
    if quote.cue is None or _cue_negated(doc, quote) or _cue_lemma(doc, quote) != "dispute":
        return False
    span = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    verbs = [t for t in span if t.lemma_.lower() == "dispute"] if span is not None else []
    return any(o.dep_ in ("dobj", "nsubjpass") and o.lemma_.lower() in CLAIM_NOUNS
               for v in verbs for o in v.children)


_STOPWORDS = frozenset("the a an and or of to in on at for by with from that this these those it its "
                       "is was are were be been has have had not no said says say will would".split())


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]{3,}", text.lower()) if w not in _STOPWORDS}


@dataclass
class Rebuttal:
    """One rebuttal in a sentence: the status it gives, its rule and words, and the quote
    that makes it (None: the writer's own words)."""

    status: str
    rule: str
    words: tuple[int, int]
    by: Quote | None = None
    # the subject of a verdict by naming when no quote carries it ("The ministry labelled
    # the report false": "The ministry")
    who: str = ""


def _rebuttals_in(doc, sent, analysis: Analysis) -> list[Rebuttal]:
    """Every rebuttal of an earlier claim the sentence makes: one per source that denies,
    contests or doubts something ("A geologist said the figure was baseless, while a
    hydrologist said the warming was highly unlikely" makes two), and the writer's own
    verdict."""
    text = analysis.text
    start, end = sent.start_char, sent.end_char
    found = []
    for q in analysis.quotes:
        # a quote paragraph without a cue ("“It is too early to ...”") speaks where it stands
        at = q.cue.start if q.cue is not None else (q.content[0].start if q.content else -1)
        if not (start <= at < end) or q.speaker.kind == "author" or _is_title(doc, q):
            continue
        if _denies(doc, q):
            found.append(Rebuttal("denied", "denial_by_source", (q.cue.start, q.cue.end), q))
            continue
        if _disputes_a_claim(doc, q):
            # "The minister disputed the report": the report's claim is contested
            found.append(Rebuttal("disputed", "dispute_by_source", (q.cue.start, q.cue.end), q))
            continue
        if _writer_endorses(doc, q):
            # "That is untrue, as the statistics office has pointed out": the writer's own
            # verdict, backed by the source
            for pattern, status in ((FALSE_VERDICT, "refuted"), (CONTESTED, "disputed"), (DOUBT, "questioned")):
                m = next((m for s in q.content if (m := pattern.search(text, s.start, s.end))), None)
                if m:
                    found.append(Rebuttal(status, "writer_verdict_backed_by_source", (m.start(), m.end())))
                    break
            continue
        for pattern, status, rule in ((FALSE_VERDICT, "denied", "source_calls_it_false"),
                                      (CONTESTED, "denied", "source_calls_it_false"),
                                      (DOUBT, "questioned", "source_doubts")):
            m = next((m for s in q.content for m in pattern.finditer(text, s.start, s.end)
                      if not _verdict_on_claim_stated_here(doc, m.start())), None)
            if m:
                found.append(Rebuttal(status, rule, (m.start(), m.end()), q))
                break
    if found:
        return found
    reference = None
    if not _CONTRAST_OPENING.search(text[start:end]):
        reference = claim_reference(sent)
        if reference is None and not _names_a_claim_false(doc, text, start, end):
            return []
    for pattern, status, rule in ((FALSE_VERDICT, "refuted", "false_verdict_later"),
                                  (CONTESTED, "disputed", "contested_later"),
                                  (DOUBT, "questioned", "doubt_later")):
        m = pattern.search(text, start, end)
        if m and (_verdict_on_claim_stated_here(doc, m.start()) or _in_named_title(text, m.start())):
            continue
        if m and _voice_at(analysis, m.start()) is None and not _inside_quotation_marks(text, start, m.start()):
            who = _naming_subject(doc, text, m.start()) if status != "questioned" else ""
            if who:
                # "The ministry labelled the report inaccurate": the ministry's verdict
                return [Rebuttal("denied", "verdict_by_naming_later", (m.start(), m.end()), who=who)]
            if reference is not None and reference.noun.dep_ not in ("nsubj", "nsubjpass") \
                    and status == "refuted":
                # "The ministry called these claims false": a source's verdict, not the
                # writer's ("These claims are false" is the writer's).
                status, rule = "disputed", "source_contests_later"
            return [Rebuttal(status, rule, (m.start(), m.end()))]
    return []


# A fact-check's claim under review: what posts, a video or an image are said to claim or
# show ("Posts claim that ...", "A video purporting to show ...", "An image shared on
# Facebook appears to show ...").
UNDER_REVIEW = re.compile(
    r"\b(purport(s|ed|ing|edly)?|(posts?|tweets?|users|messages?|videos?|images?|photos?|pictures?|"
    r"screenshots?|memes?)\b[^.!?]{0,60}?\b(claims?|claiming|claimed|says?|said|saying|shows?|showing|"
    r"appears? to show|suggests?|suggesting|(?:was |were |being )?(?:shared|posted|circulat(?:ed|ing)) on)|"
    r"claims? that|viral (post|video|image|claim|photo)|reads? (part of )?(the|a) (caption|post|tweet|message))\b",
    re.I)
# A fact-check's verdict line: a label, a colon, then the rating ("Verdict: False",
# "Our ruling: The video does not show ...", "Rating: Fake").
VERDICT_LINE = re.compile(r"\W*(?:our |the |fact[- ]check )?(verdict|ruling|rating|conclusion|"
                          r"bottom line)\s*:\s*", re.I)
# What a fact-check finds of the material it checks ("The image has been edited", "The video
# is old"): said of that material by the writer, it refutes what the material was said to show.
MEDIA_NOUNS = frozenset("video image photo photograph picture screenshot tweet post clip footage "
                        "meme quote letter document".split())
MATERIAL_FINDING = re.compile(
    r"\b(old|outdated|edited|doctored|altered|manipulated|photoshopped|fabricated|fake|"
    r"false|staged|satire|satirical|miscaptioned|misattributed)\b", re.I)
# "The photo is not authentic": a negated predicate that finds the material fake.
_NOT_GENUINE = frozenset("authentic genuine real new recent".split())


def _link_fact_check_verdicts(doc, sents, candidates, statuses, analysis: Analysis) -> None:
    """A fact-check's verdict line ("Verdict: False") or its finding on the checked material
    ("The image has been edited"), in the writer's voice, judges the article's claims under
    review (UNDER_REVIEW) that come before it, however far back: refuted for a verdict of
    falsehood, disputed for "misleading" and the like. An article with no claim under review
    links nothing, so a "Ruling:" in a court story judges no claim."""
    text = analysis.text
    reviewed = [i for i, c in enumerate(candidates)
                if UNDER_REVIEW.search(text, c.sent.start_char, c.sent.end_char)]
    if not reviewed:
        return
    for sent in sents:
        verdict = _fact_check_verdict(doc, sent, analysis)
        if verdict is None:
            continue
        status, rule, words = verdict
        span = (sent.start_char, _trim(text, sent.start_char, sent.end_char)[1])
        for i in reviewed:
            if candidates[i].end > sent.start_char:
                continue
            new = Status(status, rule, words, span)
            if new.stronger_than(statuses[i]):
                statuses[i] = new


def _fact_check_verdict(doc, sent, analysis: Analysis):
    """(status, rule, words) of a writer's verdict line or finding on the checked material in
    `sent`, or None."""
    text = analysis.text
    start, end = sent.start_char, sent.end_char
    label = VERDICT_LINE.match(text, start, end)
    if label is not None:
        for pattern, status in ((FALSE_VERDICT, "refuted"), (CONTESTED, "disputed")):
            m = pattern.search(text, label.end(), end)
            if m and _voice_at(analysis, m.start()) is None and not _inside_quotation_marks(text, start, m.start()):
                return status, "fact_check_verdict_line", (start, m.end())
        return None
    # "The image has been edited" / "The video is old": the writer's finding on the material
    subject = next((t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not (_names_the_material(subject) or (
            subject.lower_ in ("it", "they") and sent.start > 0
            and _names_the_material(next((t for t in doc[sent.start - 1].sent.root.children
                                          if t.dep_ in ("nsubj", "nsubjpass")), None)))):
        # "But it does not depict the war" after "The photo is real": "it" is the photo
        return None
    predicate = [sent.root, *(t for t in sent.root.children if t.dep_ in ("acomp", "attr", "oprd"))]
    negated = is_negated(sent.root)
    for word in predicate:
        # "The video does not show Israelis fleeing": it does not show what it was said to
        finding = (not negated and MATERIAL_FINDING.fullmatch(word.lower_)) or (
            negated and (word.lower_ in _NOT_GENUINE or word.lemma_.lower() in ("show", "depict")))
        if finding and _voice_at(analysis, word.idx) is None \
                and not _inside_quotation_marks(text, start, word.idx):
            return "refuted", "fact_check_finding", (start, _trim(text, start, end)[1])
    return None


def _writer_endorses(doc, quote: Quote) -> bool:
    """"…, as the statistics office has pointed out" / "As the minister admitted, …": the cue
    sits in an "as" clause, so the writer states the content and cites the source for it."""
    if quote.cue is None:
        return False
    span = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    return span is not None and any(c.dep_ == "mark" and c.lower_ == "as"
                                    for t in span if t.pos_ in ("VERB", "AUX") for c in t.children)


def _names_the_material(subject) -> bool:
    """"the video", "this image": a media noun with a determiner that points back."""
    return subject is not None and subject.lemma_.lower() in MEDIA_NOUNS and any(
        d.lower_ in _ANAPHORIC_DETERMINERS for d in subject.children if d.dep_ == "det")


def _verdict_on_claim_stated_here(doc, offset: int) -> bool:
    """"posts make the false claim that …": the verdict qualifies a claim noun whose own
    clause says what is false; it rebuts that clause, not an earlier sentence."""
    word = _token_at(doc, offset)
    if word is not None and word.dep_ == "advmod" and word.head.pos_ == "VERB" \
            and word.head.lemma_.lower() in hand_cues() and any(
                t.lower_ == "that" and t.i > word.head.i for t in word.head.subtree):
        return True   # "were paid to falsely claim in interviews that ...": that clause
    return word is not None and word.dep_ == "amod" and (
        word.head.lemma_.lower() in CLAIM_NOUNS or word.head.lower_ in CLAIM_NOUNS) \
        and _states_its_claim(word.head)


# A name given to a work: "a study titled 'Why X Is False'", "a column headlined ...". The
# words of a title are nobody's statement, so a verdict or negation in them rebuts nothing.
_TITLE_CUE = re.compile(r"\b(?:titled|entitled|headlined|subtitled)\b[:,]?\s*", re.I)
TITLE_CUES = frozenset("title entitle headline subtitle".split())
# Words a Title Case title may hold in lower case.
_TITLE_SMALL_WORDS = frozenset("a an the of in on at to for and or but nor is are was be by "
                               "with from as vs".split())


def _in_named_title(text: str, offset: int) -> bool:
    """Does `offset` lie in the title after "titled" / "entitled" / "headlined" on its line:
    the quoted span, or else the run of capitalised words (and small words) that follows?"""
    line_start = text.rfind("\n", 0, offset) + 1
    for m in _TITLE_CUE.finditer(text, max(line_start, offset - 300), offset + 1):
        at = m.end()
        if at < len(text) and text[at] in _QUOTE_MARKS:
            close = next((i for i in range(at + 1, min(len(text), at + 300))
                          if text[i] in _QUOTE_MARKS and text[i] not in "'’"
                          or text[i] in "'’" and text[at] in "'‘" and (i + 1 == len(text) or not text[i + 1].isalpha())),
                         None)
            if close is not None and at < offset < close:
                return True
            continue
        end = at
        for w in re.finditer(r"[^\s]+", text[at:at + 300]):
            word = w.group().strip(_QUOTE_MARKS + ",;:.!?()")
            if not word or not (word[0].isupper() or word[0].isdigit() or word.lower() in _TITLE_SMALL_WORDS):
                break
            end = at + w.end()
            if w.group()[-1] in ",;.!?":
                break
        if at <= offset < end:
            return True
    return False


def _is_title(doc, quote: Quote) -> bool:
    """A 'quote' whose cue names a work ("a paper titled ..."): its words are a title."""
    return _cue_lemma(doc, quote) in TITLE_CUES


def _token_at(doc, offset: int):
    """The token whose characters hold `offset`, or None (white space between tokens): a
    binary search over the tokens' starts, not a walk over the Doc."""
    from spacy.attrs import IDX

    starts = doc.to_array(IDX)
    i = int(starts.searchsorted(offset, side="right")) - 1
    if i < 0:
        return None
    token = doc[i]
    return token if offset < token.idx + len(token.text) else None


def _inside_quotation_marks(text: str, start: int, offset: int) -> bool:
    """Does `offset` lie inside quotation marks opened since `start` (the sentence's
    start)? Quoted words are somebody's, even when no attribution was found for them."""
    return _after_quotation_marks(text[start:offset], False)


def _after_quotation_marks(chars: str, inside: bool) -> bool:
    """Inside quotation marks after reading `chars`, from `inside` before them."""
    for ch in chars:
        if ch in "“«„":
            inside = True
        elif ch in "”»":
            inside = False
        elif ch == '"':
            inside = not inside
    return inside


_SIDE_GENERIC = frozenset("the a an of for s said official officials spokesman spokeswoman "
                          "spokesperson ministry department government office source sources "
                          "state foreign defence defense senior".split())


def _distinctive_words(name: str) -> set[str]:
    """The words of a source's name that tell one side from another: letters only, longer
    than two, none of the words every side's names share ("ministry", "officials")."""
    return {w for w in re.findall(r"[^\W\d_]+", name.lower()) if w not in _SIDE_GENERIC and len(w) > 2}


def _same_speaker(a: Quote, b: Quote) -> bool:
    return a.speaker.name == b.speaker.name or bool(a.speaker.entity and a.speaker.entity == b.speaker.entity)


def same_side(claim_quote: Quote, rebutter: Quote) -> bool:
    """Are the claim's source and the rebutting source one side? The same speaker, one in
    the other's chain, or names sharing a distinctive word or its stem ("Karsovia's defence
    ministry" and "Karsovian officials"). A side does not deny what it said itself."""
    a, b = claim_quote.speaker, rebutter.speaker
    if _same_speaker(claim_quote, rebutter):
        return True
    if any(link.name == b.name for link in claim_quote.chain):
        return True
    if a.kind != "media" and any(link.name == a.name for link in rebutter.chain):
        # (an outlet the rebutter told, "… for this report," she told the Gazette, is the
        # channel of the denial, not its side)
        return True
    words_a = _distinctive_words(a.name)
    words_b = _distinctive_words(b.name)
    return _shares_stem(words_a, words_b)


def _mention_of(quote: Quote) -> str:
    """The words that name a source where it speaks ("the Kremlin spokesman" for a speaker
    resolved to "Dmitry Peskov")."""
    return quote.source.text if quote.source is not None else ""


# Who a source speaks for: "a spokesman for Brandt", "lawyer for the mayor", "Brandt's
# spokeswoman", "a representative of the club".
_SPEAKS_FOR = re.compile(
    r"\b(?:spokes(?:man|woman|person)|representative|lawyer|attorney|press (?:office|secretary)|"
    r"aide|publicist)\s+(?:for|of|to)\s+(?P<party>(?:[\w.'’-]+\s*){1,5})|"
    r"(?P<owner>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})['’]s?\s+(?:spokes(?:man|woman|person)|"
    r"representative|lawyer|attorney|press (?:office|secretary)|publicist)\b")


# A government's own voice, by the words that name it ("the government spokesman", "a
# cabinet statement", "Downing Street", "the Kremlin", "the prime minister's office").
_GOVERNMENT_VOICE = re.compile(
    r"\b(?:government|cabinet|presidency|presidential|kremlin|downing street|whitehall|"
    r"white house|(?:prime minister|president|premier|chancellor)['’]s? (?:press )?office)\b", re.I)
# The head of a government named by title ("prime minister Elias Dravos", "the president").
_HEAD_OF_GOVERNMENT = re.compile(r"\b(?:prime minister|president|premier|chancellor|head of government)\b",
                                 re.I)


def _government_answers_for_its_head(source: str, subject: str) -> bool:
    """"The government spokesman rejected rumours that prime minister Dravos had made the
    statement": a government's voice answers for its head, whom the claim's subject names by
    title (session 18, real wire and local denial pages: Downing Street for the prime
    minister, a government spokesman for the premier). A head of another country's
    government ("the Varnian government denied that Karsovia's president ...") is no
    party of it."""
    head = _HEAD_OF_GOVERNMENT.search(subject)
    if not (_GOVERNMENT_VOICE.search(source) and head):
        return False
    # the country a capitalised word before the title names ("Karsovia's president",
    # "Greek Prime Minister") must be the source's own ("Greece's government spokesman")
    before = re.findall(r"[^\W\d_]+(?:['’]s)?", subject[:head.start()])[-2:]
    qualifiers = {re.sub(r"['’]s$", "", w).lower() for w in before if w[:1].isupper()} \
        - {"the", "a", "an", "then", "former", "acting"}
    if qualifiers and not _shares_stem(qualifiers, _distinctive_words(source)):
        return False
    theirs, ours = governments_named(subject), governments_named(source)
    return not (theirs and ours and not theirs & ours)


def _party_concerned(source: str, sentence: str, claim: str, described_as: str = "") -> bool:
    """Is the source (a rebutting speaker's name, or the subject of "retracted claims
    that ...") the party the claim is about (then it denies; anyone else disputes)? Its name
    shares a word with the claim's sentence, or it names the same government as the claim
    by a stand-in ("the White House" for a claim about "Washington", "the Kremlin" for
    "Moscow"; lexicons/stand_ins.txt). `described_as`: the words that name the source where
    it speaks; they count by the government they name ("Dmitry Peskov" as "the Kremlin
    spokesman" answers for Moscow), not by any word ("Rosetta's project head" is no party
    to a claim about the Rosetta probe's comet)."""
    words = {w for w in re.findall(r"[^\W_]+", source.lower())
             if w not in ("the", "a", "an", "of", "for", "s")}
    # "Karl Imre, a spokesman for Brandt": the spokesman answers for Brandt
    for m in _SPEAKS_FOR.finditer(f"{source} {described_as}"):
        words |= _distinctive_words(m.group("party") or m.group("owner"))
    if words & set(re.findall(r"[^\W_]+", sentence.lower())):
        return True
    # "Mayor Tom Ardley called the claims baseless" after "the mayor had leaked the audit":
    # the office the claim's subject names is the one the rebutter holds
    titles = set(re.findall(r"[^\W_]+", described_as.lower())) & kind_words()["official"]
    if titles & set(re.findall(r"[^\W_]+", claim.lower())):
        return True
    if _government_answers_for_its_head(f"{source} {described_as}", claim):
        return True
    return bool(governments_named(f"{source} {described_as}") & governments_named(claim))


def _subject_of_claim(doc, c: Candidate, within=None) -> str:
    """The words naming who the claim is about, for a stand-in name: the subject, "by"
    agent and "to" recipient of its main verb ("Washington offered ...", "passed a
    proposal to Moscow"). A country named deeper in the claim ("damage caused by U.S.
    strikes" in a claim about intercepted communications) does not make its government the
    party concerned. `within`: the claim noun whose clause holds the claim ("claims that
    ...")."""
    verb = _main_verb(doc, c)
    if within is not None:
        clauses = [t for t in within.subtree if t.pos_ in ("VERB", "AUX") and t.dep_ in ("acl", "ccomp", "relcl")]
        verb = clauses[0] if clauses else verb
    parts = [ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass", "csubj", "dative")]
    parts += [o for ch in verb.children if ch.dep_ == "agent" or (ch.dep_ == "prep" and ch.lower_ == "to")
              for o in ch.children if o.dep_ == "pobj"]
    # the other party of a meeting or a deal: "had contacts with Russian officials", "met
    # with the envoy", "talks with Karsovia" (on the verb or on its object)
    holders = [verb] + [ch for ch in verb.children if ch.dep_ == "dobj"]
    parts += [o for h in holders for ch in h.children if ch.dep_ == "prep" and ch.lower_ == "with"
              for o in ch.children if o.dep_ == "pobj"]
    # only the claim's own words: never its source ("..., the Washington Post reported")
    source = (c.quote.source.start, c.quote.source.end) if c.quote is not None and c.quote.source else (0, 0)
    return " ".join(w.text for p in parts for w in p.subtree
                    if c.start <= w.idx < c.end and not source[0] <= w.idx < source[1])


@lru_cache(maxsize=None)
def _stand_ins() -> tuple[tuple[str, re.Pattern], ...]:
    """(country, pattern of the names that stand for its government), from
    lexicons/stand_ins.txt."""
    groups: dict[str, list[str]] = {}
    current = None
    lines = resources.files("newsprobe.layers").joinpath("lexicons", "stand_ins.txt").read_text("utf-8")
    for line in lines.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line.startswith("[") and line.endswith("]"):
            current = groups.setdefault(line[1:-1], [])
        elif line and current is not None:
            current.append(line)
    # Names are matched as news writes them, capitalised ("US" the country, not "us";
    # "White House"), acronyms in capitals.
    def written(name: str) -> str:
        if len(name.replace(".", "")) <= 3:
            return name.upper()
        return " ".join(w[:1].upper() + w[1:] for w in name.split())

    return tuple((country, re.compile(r"(?<![\w.])(" + "|".join(
        re.escape(written(n)) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)"))
        for country, names in groups.items())


def governments_named(text: str) -> set[str]:
    """The countries whose government `text` names, by name, adjective, capital or seat
    ("Washington", "the Kremlin", "Ukrainian")."""
    return {country for country, pattern in _stand_ins() if pattern.search(text)}


def _cue_lemma(doc, quote: Quote | None) -> str:
    if quote is None or quote.cue is None:
        return ""
    span = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if span is None:
        return ""
    verbs = [t for t in span if t.pos_ in ("VERB", "NOUN")] or list(span)
    return verbs[-1].lemma_.lower() if verbs else ""


_ASKING_VERBS = frozenset("ask wonder question inquire enquire check".split())


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
    # "Asked if there were other suspects, ...", "wonder if ...": "if" as "whether" opens
    # the question asked, no condition on the claim
    conditions = [t for t in conditions if not (t.lower_ == "if" and t.head.head.i < t.i
                                                and t.head.head.lemma_.lower() in _ASKING_VERBS)]
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
