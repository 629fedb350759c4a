"""Language detection and the English-only layers: a German article gets its true language
and no English analyses; an English one runs every layer."""

from __future__ import annotations

from newsprobe.analyze import ENGLISH_ONLY_LAYERS, analyze
from newsprobe import language
from newsprobe.language import LOW_ACCURACY_FROM_CHARS, UNDETERMINED, detect_language

GERMAN = ("Die Stadtverwaltung hat am Dienstag mitgeteilt, dass die alte Brücke über den Fluss "
          "wegen schwerer Schäden bis zum Frühjahr gesperrt bleibt. Der Bürgermeister sagte, "
          "die Reparatur werde mindestens drei Millionen Euro kosten.")
ENGLISH = ("The city council said on Tuesday that the old bridge over the river will stay closed "
           "until spring because of severe damage. The mayor said the repairs would cost at least "
           "three million euros.")


def test_detects_the_language_of_news_text():
    assert detect_language(GERMAN) == "de"
    assert detect_language(ENGLISH) == "en"
    assert detect_language("Мэр города заявил во вторник, что старый мост останется закрытым.") == "ru"


def test_short_texts_get_the_full_detector_and_longer_ones_the_light_one():
    # Which detector each length uses (the light one spares loading every Latin-script
    # language's 1- to 5-gram models): an article's opening is past the cut, a headline not.
    language._detector.cache_clear()
    article = ENGLISH + " Until then, drivers will be sent over the ferry at the harbour."
    assert len(article) >= LOW_ACCURACY_FROM_CHARS
    assert detect_language(article) == "en"
    assert language._detector.cache_info().currsize == 1
    assert detect_language("Brücke bleibt bis zum Frühjahr gesperrt") == "de"
    assert detect_language("Bridge to stay closed until spring") == "en"
    assert language._detector.cache_info().currsize == 2


def test_text_without_letters_is_undetermined():
    assert detect_language("12 345 — 2024-06-01") == UNDETERMINED
    assert detect_language("") == UNDETERMINED


def test_english_only_layers_do_not_run_on_german_text():
    a = analyze(GERMAN)
    assert a.language == "de"
    assert not a.entities and not a.quotes and not a.claims and not a.techniques
    assert set(a.meta["layers_skipped"]) == ENGLISH_ONLY_LAYERS
    # meta["layers"] also names the language detector and the date reader (not layers).
    assert a.meta["layers_run"] == [name for name in a.meta["layers"] if name not in ENGLISH_ONLY_LAYERS
                                    and name not in ("language", "dates")]


def test_english_text_runs_every_layer():
    a = analyze(ENGLISH)
    assert a.language == "en"
    assert "layers_skipped" not in a.meta
    assert set(a.meta["layers_run"]) >= ENGLISH_ONLY_LAYERS
    assert a.quotes  # "The mayor said ..." is a reported claim the attribution layer finds
