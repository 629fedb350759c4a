"""Event words (corpus/events.py) and event-level stories (corpus/stories.py) on short
articles written for this test, in the demo corpus's shape: one day's reports about the same
two governments, the same agency and the same minister, each about a different event, and
a denial of one of them. Real spaCy entities, real MiniLM vectors."""

from __future__ import annotations

import pytest

from newsprobe.corpus.events import event_matrix, event_tokens, stop_words

DAY = "2026-04-14"

ARTICLES = {
    "claim": (
        "Agency claims Norvik moved tank battalions to the Selva border",
        "The state-run Arkon News Agency reported on Tuesday that Norvik had moved two tank battalions to "
        "within 15 kilometres of the Selva border. The agency cited residents of border villages and offered "
        "no photographs. Selva's foreign minister Pavel Drenko called on Norvik to explain the deployment."),
    "denial": (
        "Norvik denies moving tanks to the border",
        "Norvik's defence ministry on Tuesday denied a report by the Arkon News Agency that two tank battalions "
        "had been moved close to the Selva border. \"No unit has left its barracks,\" a spokesman said. "
        "Selva's foreign minister Pavel Drenko said the report would be examined."),
    "fishing": (
        "Selva and Norvik sign fishing agreement for Grey Bay",
        "Selva and Norvik signed an agreement on Tuesday that lets the fishing fleets of both countries return "
        "to Grey Bay after a season of quarrels over quotas, the Arkon News Agency reported. Selva's foreign "
        "minister Pavel Drenko said the catch limits would be reviewed every spring."),
    "expulsion": (
        "Selva expels Norvik diplomat",
        "Selva expelled a Norvik diplomat on Tuesday for activities incompatible with his status, the Arkon "
        "News Agency reported, the third expulsion between the two neighbours this year. Foreign minister "
        "Pavel Drenko said the attache must leave the country within 72 hours."),
    "railway": (
        "Rail link between Selva and Norvik to reopen",
        "Passenger trains between Selva and Norvik will run again from next month, the Arkon News Agency "
        "reported on Tuesday, after engineers finished repairing the bridge that floods had closed. Selva's "
        "foreign minister Pavel Drenko said timetables would be published within a week."),
}


def test_event_words_are_the_lede_s_lower_case_content_words_stemmed():
    tokens = event_tokens("Selva seizes Norvik trawler", "Selva seized a Norvik trawler on Tuesday over fishing.", "en")
    assert tokens == ["seizes", "trawle", "seized", "trawle", "fishin"]
    # Names are anchors, stop words say nothing, and sourcing words say how it is known.
    assert event_tokens(None, "The agency reported, and officials denied, that Norvik had closed the bridge.",
                        "en") == ["closed", "bridge"]
    # Past the lede nothing counts.
    assert event_tokens(None, "one two three " + "tanks " * 10, "en", lead_words=3) == []


def test_stop_words_follow_the_article_s_language():
    assert "the" in stop_words("en") and "der" in stop_words("de")
    # (German nouns are capitalised, so only its verbs and adjectives are event words.)
    assert event_tokens(None, "sie haben die alte Brücke gestern geschlossen", "de") == ["alte", "gester", "geschl"]
    assert stop_words("xx-unknown") == frozenset() and stop_words(None) == frozenset()


def test_event_rows_are_close_for_a_claim_and_its_denial_and_far_for_another_event():
    from newsprobe.model import Analysis

    analyses = [Analysis(text=text, id=key, title=title, language="en") for key, (title, text) in ARTICLES.items()]

    rows = event_matrix(analyses)
    sim = (rows @ rows.T).toarray()
    keys = list(ARTICLES)
    claim, denial, fishing = keys.index("claim"), keys.index("denial"), keys.index("fishing")
    assert sim[claim, denial] > 2 * sim[claim, fishing]


@pytest.fixture(scope="module")
def grouped(nlp):
    from newsprobe.corpus.run import default_encoder, embed_articles
    from newsprobe.corpus.stories import group_articles
    from newsprobe.layers import entities as entities_layer
    from newsprobe.model import Analysis
    from newsprobe.settings import Settings

    settings = Settings.load()
    analyses = []
    for key, (title, text) in ARTICLES.items():
        analysis = Analysis(text=text, id=key, title=title, published=DAY, language="en")
        analysis.entities = entities_layer.run(nlp(text), analysis, settings)
        analyses.append(analysis)
    groups = group_articles(analyses, embed_articles(analyses, default_encoder()))
    return sorted(sorted(analyses[i].id for i in group) for group in groups)


def test_same_actors_in_different_events_are_different_stories(grouped):
    assert ["expulsion"] in grouped and ["fishing"] in grouped and ["railway"] in grouped


def test_a_denial_joins_the_story_of_the_claim_it_denies(grouped):
    assert ["claim", "denial"] in grouped
