"""Whose rhetoric a technique span is: the author's (the outlet's own words) or a quoted
speaker's.

A fact-checker reads "crucial American weapons" in a wire story's own sentence as the
agency's wording, and "vile traitors" inside quotation marks as the speaker's. Three rules
decide, in this order, reading the text, its parse and the attribution layer's quotes:

- **Quotation marks.** Words between quotation marks are the speaker's, whatever the
  technique (quotemarks.find_quotations finds them: curly and straight, double and single,
  a quote running over paragraphs in the convention of news copy).
- **A reported reaction or name** ("Moscow expressed dismay", "the senator called the
  plan a shameless betrayal", "described him as petty"): the words are the object of a
  verb that reports a stance, or what a naming verb says someone was called; they are the
  subject's, not the writer's rhetoric.
- **Reported speech without quotation marks** is the speaker's statement, in the writer's
  words. Its substance (appeal to fear, doubt, a black-and-white choice) is the speaker's.
  Its word choice is the speaker's too when the speaker is on record (a named person, an
  official, an institution, a document: what they said can be checked, and a paraphrase of
  them is held to it), but the writer's when the speaker is anonymous or rumour ("Sources
  said the shameless star ..."): loaded language and name calling there stay with the
  author, so a tabloid's own loaded words are not credited to "sources". A speaker the
  attribution layer could not resolve (kind unknown) is not taken for an anonymous one.
  Where the attribution layer found no quote, the parse still shows a named speaker's
  reported statement (the clause a speech verb with a proper-noun subject introduces).

A span these rules read is one part of the tagger's run: where a run starts inside a
reported clause or naming phrase and goes on past its end, techniques.split_at_reported_clauses
cuts it there (reported_clause_end), so each part is judged on its own.

Plain functions over text and quotes; no model.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Analysis, Quote
from .quotemarks import find_quotations

# Techniques that live in the choice of words: in a paraphrase of an anonymous source the
# writer chose them. Repetition is the writer's arrangement of the text.
WORD_CHOICE_TECHNIQUES = frozenset({"loaded_language", "name_calling_labeling", "repetition"})


# Speakers whose paraphrase is in the writer's words: no one on record could be held to them.
# ("unknown" is a speaker the attribution layer did not resolve, not an anonymous one.)
UNACCOUNTABLE_KINDS = frozenset({"anonymous", "rumor", "author"})

# Verbs whose object reports someone's stance or feeling ("expressed dismay", "voiced
# concern", "registered its anger"): the object is that subject's reaction, told by the writer.
STANCE_VERBS = frozenset({"express", "voice", "register", "convey", "signal", "declare"})
# Verbs that report what someone called someone ("branded her a liar", "described him as
# petty"): the name given is the subject's words.
# "portrayed him as amoral", "depicted the mayor as reckless" too.
NAMING_VERBS = frozenset({"call", "brand", "label", "dub", "describe", "term", "denounce", "decry",
                          "portray", "depict", "characterise", "characterize"})
# Verbs that report what someone said in a clause of their own ("Lu told the briefing that
# it is utterly absurd ..."): the attribution layer may miss such a paraphrase, the parse
# still shows whose statement it is.
SPEECH_VERBS = frozenset({"say", "tell", "add", "state", "claim", "argue", "insist", "assert",
                          "stress", "warn", "note", "announce", "declare", "write", "maintain",
                          "contend", "allege", "explain", "reiterate", "emphasize", "emphasise"})
_NAMING_SLOTS = ("oprd", "npadvmod", "attr", "xcomp")


@dataclass(frozen=True)
class Voice:
    """`voice` is "author" or "speaker"; `quote` the attribution layer's quote whose speaker
    it is (None for quoted words no quote covers, e.g. scare quotes); `speaker` its name."""
    voice: str
    quote: str | None
    speaker: str | None


def quoted_segments(text: str) -> list[tuple[int, int]]:
    """Character ranges between quotation marks (marks included), in text order, as the
    quotation finder the attribution layer uses sees them: apostrophes are not quotes, and
    a quote running over paragraph breaks counts in every paragraph it covers."""
    return sorted(f for q in find_quotations(text) for f in q.fragments)


def _overlap(start: int, end: int, ranges) -> int:
    return sum(max(0, min(end, e) - max(start, s)) for s, e in ranges)


def covering_quote(start: int, end: int, quotes: list[Quote]) -> Quote | None:
    """The quote whose content covers most (over half) of [start, end), if any."""
    best, best_cover = None, 0
    for q in quotes:
        cover = _overlap(start, end, [(c.start, c.end) for c in q.content])
        if cover > best_cover:
            best, best_cover = q, cover
    return best if best_cover * 2 > end - start else None


def reported_stance(doc, start: int, end: int) -> str | None:
    """The subject whose reaction or words the span reports, when most of the span lies in
    the object of a stance verb ("Moscow expressed [dismay]") or in what a naming verb
    calls someone ("the senator called the plan [a shameless betrayal]", "described him as
    [petty]"); else None."""
    tokens = [t for t in doc.char_span(start, end, alignment_mode="expand") or [] if not t.is_punct]
    if not tokens:
        return None
    verbs = {a for t in tokens for a in t.ancestors
             if a.pos_ in ("VERB", "AUX") and a.lemma_.lower() in STANCE_VERBS | NAMING_VERBS}
    for verb in sorted(verbs, key=lambda v: v.i):
        slots = [c for c in verb.children
                 if c.dep_ in (("dobj", "obj") if verb.lemma_.lower() in STANCE_VERBS else _NAMING_SLOTS)
                 or (c.dep_ == "prep" and c.lower_ == "as" and verb.lemma_.lower() in NAMING_VERBS)]
        inside = {x.i for c in slots for x in c.subtree}
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and sum(t.i in inside for t in tokens) * 2 > len(tokens):
            return _subject_name(subject)
    return None


def _subject_name(subject) -> str:
    return " ".join(x.text for x in subject.subtree if x.i == subject.i or
                    (x.dep_ in ("compound", "amod", "poss") and x.head.i == subject.i))


def reported_speaker(doc, start: int, end: int) -> str | None:
    """The named speaker (a proper noun subject: someone on record) whose reported statement
    holds most of the span, as the clausal complement of a speech verb ("Wen Hao told the
    briefing that [it is utterly absurd]"); else None. Unnamed subjects ("sources", "a
    source", "he") give None: whose words an anonymous paraphrase is, the writer decides."""
    tokens = [t for t in doc.char_span(start, end, alignment_mode="expand") or [] if not t.is_punct]
    if not tokens:
        return None
    verbs = {a for t in tokens for a in t.ancestors if a.pos_ == "VERB" and a.lemma_.lower() in SPEECH_VERBS}
    for verb in sorted(verbs, key=lambda v: v.i):
        clauses, subject = _speech_parts(verb)
        inside = {x.i for c in clauses for x in c.subtree}
        if subject is not None and sum(t.i in inside for t in tokens) * 2 > len(tokens):
            return _subject_name(subject)
    return None


def _reported_parts(verb):
    """The subject of a reporting verb and the tokens whose subtrees hold what it reports:
    the object of a stance verb, what a naming verb calls someone, the clausal complement
    of a speech verb with a proper-noun subject (someone on record). ([], None) when the
    verb reports nothing the voice rules credit."""
    lemma = verb.lemma_.lower()
    if lemma in STANCE_VERBS | NAMING_VERBS:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        slots = [c for c in verb.children
                 if c.dep_ in (("dobj", "obj") if lemma in STANCE_VERBS else _NAMING_SLOTS)
                 or (c.dep_ == "prep" and c.lower_ == "as" and lemma in NAMING_VERBS)]
        if subject is not None and slots:
            return slots, subject
    return _speech_parts(verb)


def _speech_parts(verb):
    """(the clausal complements, the proper-noun subject) of a speech verb whose subject is
    someone on record ("Wen Hao told the briefing that ..."); ([], None) otherwise."""
    if verb.lemma_.lower() in SPEECH_VERBS and verb.pos_ == "VERB":
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        slots = [c for c in verb.children if c.dep_ == "ccomp"]
        if subject is not None and subject.pos_ == "PROPN" and slots:
            return slots, subject
    return [], None


def reported_clause_end(doc, start: int, end: int) -> int | None:
    """Where the reported clause or naming phrase the span starts in ends (a character
    offset: its last token's end, by the parse), when the span runs on past it ("described
    him as [petty and vain, the denials from] ..."); else None. A tagged span joins tokens
    across short gaps and can take in the writer's next words; cut there, each part is
    judged on its own (the reported part the speaker's, the rest by the usual rules)."""
    tokens = [t for t in doc.char_span(start, end, alignment_mode="expand") or [] if not t.is_punct]
    if not tokens:
        return None
    first, last = tokens[0], tokens[-1]
    ends = []
    for verb in (a for a in first.ancestors if a.pos_ in ("VERB", "AUX")):
        slots, _ = _reported_parts(verb)
        ends += [c.right_edge.i for c in slots if c.left_edge.i <= first.i <= c.right_edge.i]
    if not ends or max(ends) >= last.i:
        return None
    edge = doc[max(ends)]
    return edge.idx + len(edge.text)


# What a speech verb's frame holds besides the verb: who spoke, to whom, where and when
# ("Pike said in a statement on Friday", "told RT", "according to the Guardian").
_FRAME_DEPS = ("nsubj", "nsubjpass", "dobj", "dative", "prep", "npadvmod", "advmod", "agent")


def reporting_frame_only(doc, start: int, end: int) -> bool:
    """Whether the span is only the frame of a report: a speech verb with its speaker,
    addressee and the phrases saying where, when or through whom ("Councillor Pike said
    in a statement on Friday"), no clause of its own. It says who spoke, not how: a tagged
    run that crosses from a quotation into its attribution leaves such a frame behind."""
    tokens = [t for t in doc.char_span(start, end, alignment_mode="expand") or [] if not t.is_punct]
    verbs = [t for t in tokens if t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS]
    if not verbs:
        return False
    frame = set()
    for verb in verbs:
        frame.add(verb.i)
        for child in verb.children:
            subtree = list(child.subtree)
            if child.dep_ in _FRAME_DEPS and not any(x.pos_ in ("VERB", "AUX") for x in subtree if x is not child):
                frame.update(x.i for x in subtree)
    return all(t.i in frame for t in tokens)


def voice_of(start: int, end: int, technique: str, analysis: Analysis,
             segments: list[tuple[int, int]], doc=None) -> Voice:
    """Whose technique the span [start, end) is; `segments` is quoted_segments(text) and
    `doc` the article's parse (for reported reactions; without it they stay the author's)."""
    length = max(1, end - start)
    in_marks = _overlap(start, end, segments) * 2 > length
    quote = covering_quote(start, end, analysis.quotes)
    if in_marks:
        if quote is None:
            # Quoted words the attribution layer's quotes do not cover: still not the
            # author's. A quote whose content shares the quotation names the speaker.
            around = [(s, e) for s, e in segments if s < end and start < e]
            quote = next((q for q in analysis.quotes
                          if _overlap(min(s for s, _ in around), max(e for _, e in around),
                                      [(c.start, c.end) for c in q.content]) > 0), None)
        return Voice("speaker", quote.id if quote else None, quote.speaker.name if quote else None)
    stance = reported_stance(doc, start, end) if doc is not None else None
    if stance is not None:
        return Voice("speaker", None, stance)
    # In a paraphrase the argument is the speaker's; the words are too when the speaker is
    # on record or the span takes in a quoted word (found it "shocking" and lacking).
    if quote is not None and (technique not in WORD_CHOICE_TECHNIQUES
                              or quote.speaker.kind not in UNACCOUNTABLE_KINDS
                              or _overlap(start, end, segments)):
        return Voice("speaker", quote.id, quote.speaker.name)
    named = reported_speaker(doc, start, end) if quote is None and doc is not None else None
    if named is not None:
        return Voice("speaker", None, named)
    return Voice("author", None, None)


__all__ = ["Voice", "voice_of", "quoted_segments", "reported_stance", "reported_speaker", "covering_quote",
           "reported_clause_end", "reporting_frame_only",
           "WORD_CHOICE_TECHNIQUES", "STANCE_VERBS", "NAMING_VERBS", "SPEECH_VERBS", "UNACCOUNTABLE_KINDS"]
