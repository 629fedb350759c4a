"""Language detection and the English-only layers: a German article gets its true language
and no English analyses; an English one runs every layer."""

from __future__ import annotations

from newsprobe.analyze import ENGLISH_ONLY_LAYERS, analyze
from newsprobe import language
from newsprobe.language import LOW_ACCURACY_FROM_CHARS, UNDETERMINED, _code, detect_language

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


def test_longer_texts_take_the_light_detectors_answer():
    # An article's opening is past the cut: no full detector is built for it.
    language._full_detector_among.cache_clear()
    article = ENGLISH + " Until then, drivers will be sent over the ferry at the harbour."
    assert len(article) >= LOW_ACCURACY_FROM_CHARS
    assert detect_language(article) == "en"
    assert language._full_detector_among.cache_info().currsize == 0


def test_short_texts_get_the_full_detector_among_the_light_ones_first_languages():
    # Headlines the light (trigram) detector alone reads as another language: the full
    # detector, restricted to the light one's first few languages, gets them right without
    # loading every Latin-script language's 1- to 5-gram models.
    language._full_detector_among.cache_clear()
    assert _code(language._light_detector().detect_language_of("Volcano erupts near island village")) != "en"
    assert detect_language("Volcano erupts near island village") == "en"
    assert detect_language("Senator tests positive") == "en"
    assert detect_language("Brücke bleibt bis zum Frühjahr gesperrt") == "de"
    assert detect_language("Bridge to stay closed until spring") == "en"
    built = language._full_detector_among.cache_info().currsize
    assert 1 <= built <= 4


def test_english_is_always_a_candidate_for_a_short_text():
    # English is not among the light detector's first three for these headlines; the layers
    # are English and most inputs are, so English is always weighed.
    for headline in ("Local team wins cup final", "Pilot lands jet on motorway"):
        ranked = language._light_detector().compute_language_confidence_values(headline)
        assert "en" not in {_code(r.language) for r in ranked[:language.SHORT_TEXT_CANDIDATES]}
        assert detect_language(headline) == "en"


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


ENGLISH_ARTICLE = (
    "The harbour board of Castlemere said on Monday that it would close the north pier for two "
    "weeks after divers found cracks in its oldest pillars. Board chair Wendolyn Farraday told "
    "reporters that the repairs had been planned for years, but that the winter storms made them "
    "urgent. Fishing crews who use the pier will moor at the south basin until the work is done, "
    "and the ferry to the islands will run from there as well.")
GERMAN_ARTICLE = (
    "Die Hafenverwaltung von Kastelmeer hat am Montag mitgeteilt, dass der Nordpier für zwei "
    "Wochen gesperrt wird, nachdem Taucher Risse in den ältesten Pfeilern gefunden haben. Die "
    "Vorsitzende Wendolyn Farraday sagte, die Reparatur sei seit Jahren geplant gewesen, die "
    "Winterstürme hätten sie aber dringend gemacht.")


def test_plainly_english_text_is_answered_without_lingua():
    language._light_detector.cache_clear()
    assert language.english_for_certain(ENGLISH_ARTICLE)
    assert detect_language(ENGLISH_ARTICLE) == "en"
    assert language._light_detector.cache_info().currsize == 0   # lingua not built


def test_english_shortcut_defers_on_other_languages_and_mixed_or_short_texts():
    assert not language.english_for_certain(GERMAN_ARTICLE)
    assert detect_language(GERMAN_ARTICLE) == "de"
    # An English opening with a German passage after it: lingua reads the whole, so it decides.
    assert not language.english_for_certain(ENGLISH_ARTICLE + " " + GERMAN_ARTICLE)
    # Short texts (headlines) always go to lingua.
    assert not language.english_for_certain(ENGLISH_ARTICLE[:150])
