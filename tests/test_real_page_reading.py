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
