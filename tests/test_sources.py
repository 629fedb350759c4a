"""Speakers: a source mention ("she", "the newspaper", "it") resolved to who spoke.

Sentences are our own; each test is one rule of layers/sources.py."""

import pytest

from newsprobe import analyze


def said(text, words, source=None):
    """The attribution whose content holds `words` (and whose source is `source`)."""
    found = [q for q in analyze(text).quotes if words in " ".join(c.text for c in q.content)
             and (source is None or (q.source and q.source.text == source))]
    assert len(found) == 1, [q.to_dict() for q in analyze(text).quotes]
    return found[0]


def test_the_newspaper_is_unresolved_when_no_outlet_is_named():
    text = ("Norvik Steel rejected the bid on Monday. Norvik Steel will meet the bidder again, "
            "and Norvik Steel shares rose. The newspaper said the talks would resume in March.")
    q = said(text, "resume in March")
    assert q.speaker.name != "Norvik Steel" and q.speaker.entity is None, q.to_dict()
    assert q.speaker.kind == "media"


def test_a_pronoun_skips_a_name_given_in_parentheses():
    text = ("Rovers are best placed to sign Tomas Brenner (a report by Ana Lisowska says so), "
            "after he admitted that he wants to leave the club.")
    q = said(text, "wants to leave")
    assert q.speaker.name == "Tomas Brenner", q.to_dict()


def test_it_continues_the_organisation_that_was_the_subject():
    text = ("Dunmore Harbour Authority described the man as tall, wearing Orvell sneakers. "
            "He had a shaved head and carried a red bag, it added.")
    q = said(text, "shaved head")
    assert q.speaker.name == "Dunmore Harbour Authority", q.to_dict()


def test_they_in_a_clause_goes_to_the_subject_of_the_sentence():
    text = ("The Kestrel Institute doubts the finding. The institute said that it will check "
            "the data, and that it respects the authors behind the bold claim, which they said "
            "is not yet convincing.")
    q = said(text, "not yet convincing", source="they")
    assert q.speaker.name == "Kestrel Institute", q.to_dict()


def test_a_pronoun_agrees_with_a_gender_given_by_a_title():
    text = ("Mrs Alma Kerrigan met Mr Tomas Brenner at the port. Mr Brenner spoke first. "
            "She said the plan was fair to the fishermen.")
    q = said(text, "plan was fair")
    assert q.speaker.name == "Alma Kerrigan", q.to_dict()


def test_a_pronoun_agrees_with_a_gender_given_by_an_earlier_pronoun():
    text = ("Alma Kerrigan said her office would reply. Tomas Brenner said his office would not. "
            "She said the plan was fair to the fishermen.")
    q = said(text, "plan was fair")
    assert q.speaker.name == "Alma Kerrigan", q.to_dict()


def test_a_pronoun_after_an_unnamed_person_as_subject_is_that_person():
    text = ("Deputies arrived in Fernvale at five. The suspect told detectives that he had "
            "been drinking, officials said. During the interview, he noted that the car was "
            "chosen at random, officials said.")
    q = said(text, "chosen at random", source="he")
    assert q.speaker.name != "Fernvale" and "suspect" in q.speaker.name, q.to_dict()


def test_a_person_quoted_as_saying_is_the_speaker():
    q = said("The Courier quoted Alma Kerrigan as saying that the port would close.", "port would close")
    assert q.speaker.name == "Alma Kerrigan", q.to_dict()


def test_a_person_who_was_quoted_as_saying_is_the_speaker():
    q = said("Alma Kerrigan was quoted as saying that the port would close.", "port would close")
    assert q.speaker.name == "Alma Kerrigan", q.to_dict()


def test_rumours_are_named_as_the_text_names_them():
    q = said("There are rumors that the striker will leave in January.", "striker will leave")
    assert q.speaker.kind == "rumor" and q.speaker.name == "rumors", q.to_dict()


def test_it_continues_a_named_body_the_tagger_did_not_know():
    text = ("The Harbour Watch described the man as tall, wearing Orvell sneakers. "
            "He had a shaved head and carried a red bag, it added.")
    q = said(text, "shaved head")
    assert q.speaker.name == "Harbour Watch" and q.speaker.kind != "unknown", q.to_dict()


@pytest.mark.parametrize("body", ["Tidewater Action", "Coastwatch"])
def test_the_group_continues_the_body_that_was_the_subject_before(body):
    # Named most: the Daily Courier. The subject of the sentence before: the group.
    text = ("The Daily Courier wrote about the campaign, and the Daily Courier said more. "
            f"{body} has spent half a million dollars on ads, according to the Daily Courier. "
            "In one ad, the group claims the port will close.")
    q = said(text, "port will close")
    assert q.speaker.name == body, q.to_dict()


def test_she_after_a_described_star_as_subject_is_that_star():
    text = ("Rumours followed the split of Jenna Morel and Alex Dorn. In February, the reality "
            "star admitted to having called the athlete. \"We never met,\" she told the Courier.")
    q = said(text, "We never met")
    assert q.speaker.name == "reality star", q.to_dict()
