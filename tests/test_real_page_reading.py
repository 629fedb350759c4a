"""Reading real news as a fact-checker would (issue #14, session 17): general causes found
on wire pages, each shown on a short article of our own with invented names."""

import pytest

from newsprobe import analyze
from newsprobe.settings import Settings

from entities_views import entity_named

ALL = Settings.load(claim_min_checkworthiness=0.0)


def claim_with(text: str, words: str) -> dict:
    found = [c for c in analyze(text, ALL).claims if words in c["text"]]
    assert found, [c["text"] for c in analyze(text, ALL).claims]
    return found[0]


def by_cue(found, cue):
    hits = [q for q in found if q.cue is not None and q.cue.text == cue]
    assert len(hits) == 1, [q.to_dict() for q in found]
    return hits[0]



# A source's verdict on a claim its words only name ("the charges against her firm are
# baseless", "This allegation is untrue"): the verdict is the source's own statement on
# record; it contests the claim it names (told earlier), and rebuts nothing of its own.
@pytest.mark.parametrize("verdict", [
    "Pell said in a statement on Saturday that the accusations against her office were "
    "\"baseless and false.\"",
    "Her spokesman told reporters: \"This allegation is untrue.\"",
])
def test_a_verdict_on_a_named_claim_is_reported_and_rebuts_the_earlier_claim(verdict):
    text = ("The Dunholt Courier reported on Friday that Mayor Wenna Pell hid two million "
            "dollars in a bank in Lisvane. " + verdict)
    said = claim_with(text, "untrue" if "untrue" in verdict else "baseless")
    assert said["status"] == "reported", said
    assert said["rebutted_by"] is None, said
    earlier = claim_with(text, "hid two million")
    assert earlier["status"] in ("denied", "disputed"), earlier
    assert earlier["rebutted_by"] is not None and verdict[:12] in earlier["rebutted_by"]["text"], earlier


def test_a_bare_surname_the_tagger_takes_for_a_plural_noun_joins_the_full_name():
    # "Trevelyes wrote": tagged as a plural common noun and missed by the model, the
    # surname still names the person introduced in full (and so does the source it is)
    a = analyze("Mira Trevelyes, a columnist, wrote in the Belvik Herald that the mayor had shouted "
                "at her during a dinner in 2004. \"He slammed the table and the glasses shook,\" "
                "Trevelyes wrote. Trevelyes said that after the dinner, she spoke to a waiter.")
    person = entity_named(a, "Mira Trevelyes")
    assert [m.text for m in person.mentions] == ["Mira Trevelyes", "Trevelyes", "Trevelyes"]
    assert {q.speaker.entity for q in a.quotes} == {person.id}, a.quotes
    assert {q.speaker.kind for q in a.quotes} == {"media"}, a.quotes


def test_a_reported_clause_after_a_comma_is_no_parenthetical_swallowing_its_reporter():
    # "X said that after the dinner, she confided in a waiter": "confided" is inside what
    # X said; its content is not the sentence around it, X's cue and name included
    found = analyze("Mira Trevelyes, a columnist, wrote in the Belvik Herald that the mayor had "
                    "shouted at her during a dinner in 2004. Trevelyes said that after the dinner, "
                    "she confided in a waiter who had seen the row. The waiter said the mayor had "
                    "also shouted at him, Trevelyes said.").quotes
    for q in found:
        for other in found:
            if other is q or other.cue is None or other.source is None or other.parent == q.id:
                continue
            for s in q.content:
                assert not (s.start <= other.cue.start < s.end and s.start <= other.source.start < s.end), \
                    (q.to_dict(), other.to_dict())
    assert not [q for q in found if q.cue is not None and q.cue.text == "confided"], [q.to_dict() for q in found]


def test_a_relative_clause_on_a_common_noun_in_reported_words_stays_the_sources():
    # "said the guard never left the prisoner, who had a fever": the clause tells more of
    # what the prison says, no background of the writer's (a clause on a name still is:
    # tests/test_claims.py)
    found = analyze("The prison service said that the guard never left the prisoner, who had a "
                    "high fever.", ALL).claims
    assert [(c["text"], c["status"]) for c in found] == [
        ("the guard never left the prisoner, who had a high fever", "reported")], found


def test_a_that_closing_a_quotation_leaves_the_closing_cue_its_sentence():
    # '"..., or someone invented that," the coach added': the parser hangs "that" on
    # "added" as if it opened a clause; the sentence before the cue is still the content
    found = analyze("Belvik fans said the referee was bribed. The rumour “came from a rival "
                    "club,” or “someone in the stands invented that,” the coach added.").quotes
    added = by_cue(found, "added")
    assert added.content[0].text.startswith("The rumour"), added.to_dict()


@pytest.mark.parametrize("text, hedged", [
    ("Asked if there were other suspects, the sheriff said, \"We have no one else in mind.\"", False),
    ("The mayor said the bridge will close if the river rises above four metres.", True),
])
def test_if_after_a_verb_of_asking_is_no_condition(text, hedged):
    (claim,) = analyze(text, ALL).claims
    assert any(h["text"] == "if" for h in claim["hedges"]) == hedged, claim
