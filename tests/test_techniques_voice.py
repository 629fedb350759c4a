"""Whose rhetoric a technique span is (technique_voice): the author's or a quoted speaker's,
on hand-written sentences and on invented wire copy (tests/neutral_copy.py)."""

import pytest
from neutral_copy import LOADED, WIRE

from newsprobe import analyze
from newsprobe.layers.technique_voice import (quoted_segments, reported_clause_end, reported_stance, reporting_frame_only,
                                              voice_of)
from newsprobe.model import Analysis, Quote, Span, Speaker
from newsprobe.settings import Settings

# An indirect quote with no quotation marks: a tabloid's paraphrase of its "sources".
PARAPHRASE = ("Sources said the shameless minister would plunge the country into chaos "
              "unless parliament acted at once.")
# The same words, but inside quotation marks: the speaker's own.
QUOTED = ('"The shameless minister will plunge the country into chaos," a source said.')


def _analysis(text: str, content: str, speaker: str, kind: str = "anonymous") -> Analysis:
    at = text.index(content)
    quote = Quote("q1", "indirect", None, [Span(at, at + len(content), content)], None,
                  Speaker(speaker, kind))
    return Analysis(text=text, id="t", quotes=[quote])


def _span(text: str, words: str) -> tuple[int, int]:
    at = text.index(words)
    return at, at + len(words)


def test_loaded_words_in_a_paraphrase_are_the_authors_not_the_sources():
    a = _analysis(PARAPHRASE, "the shameless minister would plunge the country into chaos", "Sources")
    start, end = _span(PARAPHRASE, "shameless minister")
    voice = voice_of(start, end, "loaded_language", a, quoted_segments(PARAPHRASE))
    assert (voice.voice, voice.quote, voice.speaker) == ("author", None, None)


def test_loaded_words_in_a_paraphrase_of_an_on_record_speaker_are_the_speakers():
    text = "Councillor Rowan Pike said the shameless closures would hit the poorest wards hardest."
    a = _analysis(text, "the shameless closures would hit the poorest wards hardest", "Rowan Pike", "official")
    voice = voice_of(*_span(text, "shameless closures"), "loaded_language", a, quoted_segments(text))
    assert (voice.voice, voice.quote, voice.speaker) == ("speaker", "q1", "Rowan Pike")


def test_an_argument_in_a_paraphrase_is_the_speakers():
    a = _analysis(PARAPHRASE, "the shameless minister would plunge the country into chaos", "Sources")
    start, end = _span(PARAPHRASE, "would plunge the country into chaos")
    voice = voice_of(start, end, "appeal_to_fear_prejudice", a, quoted_segments(PARAPHRASE))
    assert (voice.voice, voice.quote, voice.speaker) == ("speaker", "q1", "Sources")


def test_any_technique_inside_quotation_marks_is_the_speakers():
    a = _analysis(QUOTED, '"The shameless minister will plunge the country into chaos,"', "a source")
    start, end = _span(QUOTED, "shameless minister")
    voice = voice_of(start, end, "loaded_language", a, quoted_segments(QUOTED))
    assert (voice.voice, voice.quote, voice.speaker) == ("speaker", "q1", "a source")


def test_quoted_words_no_quote_covers_are_still_not_the_authors():
    text = "The senator called the bill 'a shameless betrayal' and left the chamber."
    start, end = _span(text, "a shameless betrayal")
    voice = voice_of(start, end, "loaded_language", Analysis(text=text, id="t"), quoted_segments(text))
    assert voice.voice == "speaker" and voice.quote is None


def test_a_reported_reaction_is_its_subjects(nlp):
    text = "Moscow expressed dismay at the decision, and the ministry summoned the ambassador."
    doc = nlp(text)
    assert reported_stance(doc, *_span(text, "dismay")) == "Moscow"
    assert reported_stance(doc, *_span(text, "summoned the ambassador")) is None
    voice = voice_of(*_span(text, "dismay"), "loaded_language", Analysis(text=text, id="t"),
                     quoted_segments(text), doc)
    assert (voice.voice, voice.speaker) == ("speaker", "Moscow")


def test_a_name_someone_was_called_is_the_callers(nlp):
    text = "The senator called the plan a shameless betrayal of voters, and the vote was delayed."
    doc = nlp(text)
    assert reported_stance(doc, *_span(text, "a shameless betrayal")) == "senator"
    assert reported_stance(doc, *_span(text, "the vote was delayed")) is None


def test_a_portrayal_is_the_portrayers(nlp):
    text = "The essay portrayed the mayor as petty and reckless, and the council met on Monday."
    doc = nlp(text)
    assert reported_stance(doc, *_span(text, "petty and reckless")) == "essay"


def test_reported_speech_of_a_named_speaker_no_quote_covers_is_the_speakers(nlp):
    # The attribution layer may miss a paraphrase ("Wen told the press conference that ..."); the
    # parse still shows whose statement the words are.
    text = "Wen Hao told the press conference that it was utterly absurd to call the loan a trap."
    doc = nlp(text)
    voice = voice_of(*_span(text, "utterly absurd"), "loaded_language", Analysis(text=text, id="t"),
                     quoted_segments(text), doc)
    assert (voice.voice, voice.quote, voice.speaker) == ("speaker", None, "Wen Hao")


def test_loaded_words_in_reported_speech_of_unnamed_sources_stay_the_authors(nlp):
    text = "Sources told the paper that the shameless minister would resign within days."
    doc = nlp(text)
    voice = voice_of(*_span(text, "shameless minister"), "loaded_language", Analysis(text=text, id="t"),
                     quoted_segments(text), doc)
    assert voice.voice == "author"


def test_loaded_words_of_a_paraphrase_that_take_in_a_quoted_word_are_the_speakers():
    text = 'The judge said he found the motion "outrageous" and lacking any support in law.'
    a = _analysis(text, 'he found the motion "outrageous" and lacking any support in law', "The judge")
    start, end = _span(text, 'outrageous" and lacking')
    voice = voice_of(start, end, "loaded_language", a, quoted_segments(text))
    assert (voice.voice, voice.quote) == ("speaker", "q1")


# Both shipped encoder depths (`encoder.layers`): each has its own taggers and decoding.
DEPTHS = (6, 4)


@pytest.mark.parametrize("depth", DEPTHS)
@pytest.mark.parametrize("name", sorted(WIRE))
def test_straight_wire_copy_has_no_author_techniques(name, depth):
    a = analyze(WIRE[name], settings=Settings(encoder_layers=depth))
    author = [(t["text"], t["technique"], t["score"]) for t in a.techniques if t["voice"] == "author"]
    assert author == [], name
    for t in a.techniques:
        assert t["voice"] == "speaker" and t["in_quote"] in {q.id for q in a.quotes} | {None}


@pytest.mark.parametrize("depth", DEPTHS)
@pytest.mark.parametrize("text,words,whose", LOADED, ids=[w for _, w, _ in LOADED])
def test_loaded_paragraphs_are_found_and_credited_to_the_right_voice(text, words, whose, depth):
    # At 4 layers with the decoding chosen on train (threshold 0.3) "corrupt traitors" scored
    # 0.077, under the display floor: the decoding chosen on dev (0.4) keeps it.
    a = analyze(text, settings=Settings(encoder_layers=depth))
    at = text.index(words)
    hits = [t for t in a.techniques if t["start"] <= at < t["end"]]
    assert hits, (words, a.techniques)
    for t in hits:
        if whose == "author":
            assert (t["voice"], t["speaker"], t["in_quote"]) == ("author", None, None), t
        else:
            assert t["voice"] == "speaker" and t["speaker"] == whose and t["in_quote"], t


# A tagged span that runs on past the end of a reported clause or naming phrase: the
# reported words are the speaker's, what follows the clause is the writer's again.
NAMING_RUN_ON = ("A day after the senator described the mayor as petty, reckless and vain in a "
                 "long column, the protests from the town hall began.")
STANCE_RUN_ON = "Moscow expressed bitter dismay at the decision in a statement on Friday."
SPEECH_RUN_ON = "Wen Hao told reporters the charges were a malicious smear, and the ministry later issued a statement."


@pytest.mark.parametrize("text,span,inside", [
    (NAMING_RUN_ON, "petty, reckless and vain in a long column, the protests", "petty, reckless and vain in a long column"),
    (STANCE_RUN_ON, "bitter dismay at the decision", "bitter dismay"),
    (SPEECH_RUN_ON, "a malicious smear, and the ministry", "the charges were a malicious smear"),
])
def test_a_span_running_past_a_reported_clause_is_cut_at_its_end(nlp, text, span, inside):
    doc = nlp(text)
    assert reported_clause_end(doc, *_span(text, span)) == text.index(inside) + len(inside)


def test_a_span_inside_a_reported_clause_or_outside_any_is_not_cut(nlp):
    doc = nlp(NAMING_RUN_ON)
    assert reported_clause_end(doc, *_span(NAMING_RUN_ON, "petty, reckless and vain")) is None
    assert reported_clause_end(doc, *_span(NAMING_RUN_ON, "the protests from the town hall")) is None
    # Starting before the reported words is not running past them.
    assert reported_clause_end(doc, *_span(NAMING_RUN_ON, "described the mayor as petty")) is None


# What a quotation runs on into: the words that say who said it, where and when.
FRAMED = ("“The plan is a shameless betrayal of every family in the valley,” Councillor Rowan Pike said "
          "in a statement on Friday.")
FRAMED_AND_MORE = ("“The plan is a shameless betrayal of every family in the valley,” Councillor Rowan Pike said, "
                   "pointing to the greedy developers behind it.")


def test_who_said_it_where_and_when_is_a_reporting_frame(nlp):
    doc = nlp(FRAMED)
    assert reporting_frame_only(doc, *_span(FRAMED, "Councillor Rowan Pike said in a statement on Friday"))
    assert not reporting_frame_only(doc, *_span(FRAMED, "a shameless betrayal of every family"))
    doc = nlp(FRAMED_AND_MORE)
    assert not reporting_frame_only(doc, *_span(FRAMED_AND_MORE,
                                                "Councillor Rowan Pike said, pointing to the greedy developers"))
