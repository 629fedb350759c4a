"""Event words (corpus/events.py) and event-level stories (corpus/stories.py) on short
articles written for this test, in the demo corpus's shape: one day's reports about the same
two governments, the same agency and the same minister, each about a different event, and
a denial of one of them. Real spaCy entities, real MiniLM vectors."""

from __future__ import annotations

import pytest

from newsprobe.corpus.events import event_matrix, event_tokens, event_weekday, stop_words

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
    # The same agency accusing the same country the next day, of something else: a lede
    # built like the claim's, with none of its event words.
    "warships": (
        "Agency accuses Norvik of provocation with warships in Grey Bay",
        "The state-run Arkon News Agency on Wednesday accused Norvik of a deliberate provocation after three "
        "Norvik warships sailed into Grey Bay and ignored radio calls from a coastguard cutter. The agency "
        "quoted fishermen in harbour towns and offered no recordings. Selva's foreign minister Pavel Drenko "
        "called on Norvik to explain the manoeuvre."),
}

# A follow-up of the claim two days on: its lede (the first hundred words) tells of the
# monitors' trip in other words; further down it retells the claim, its battalions and its
# border, and names the same agency, minister and distance.
FOLLOW_UP = (
    "Monitors find only empty fields near Kirsk",
    "A team of international monitors spent two days driving the forest roads east of Kirsk and "
    "photographed quiet farms, closed gates and a single tractor, the head of the Halden Observer Mission, "
    "Ines Varga, said at a briefing on Thursday. Her team had been invited by Selva after a week of "
    "rumours in the capital and visited eleven villages, two railway yards and the old army depot at "
    "Lenno, which has stood empty for years. Farmers there told the monitors they had heard engines at "
    "night but seen nothing. Varga said her team would publish its photographs in full and return next "
    "month. The mission's eight members travelled in four white jeeps marked with its emblem, slept in a "
    "guesthouse in Kirsk and were accompanied by two local guides who knew the logging tracks. They "
    "spoke to a schoolteacher, a priest and the manager of a sawmill, who said his lorries used the "
    "roads every day and had met nobody unusual. On the second day heavy rain washed out a bridge and "
    "the team walked the last stretch to a hilltop chapel, from which the valley can be seen to the "
    "river. Varga said the weather had not stopped the work and thanked the villagers for their "
    "coffee and patience. "
    "The Arkon News Agency had reported on Tuesday that Norvik moved two tank battalions to within "
    "15 kilometres of the Selva border, citing residents of border villages. Norvik's defence ministry "
    "denied that any tank battalions had moved towards the border. Selva's foreign minister Pavel Drenko "
    "said the monitors' findings would be examined before Selva answered the report about the tank "
    "battalions on its border.")
FOLLOW_UP_DAY = "2026-04-16"


def test_event_words_are_the_lede_s_lower_case_content_words_stemmed():
    tokens = event_tokens("Selva seizes Norvik trawler", "Selva seized a Norvik trawler on Tuesday over fishing.", "en")
    assert tokens == ["seizes", "trawle", "seized", "trawle", "fishin"]
    # Names are anchors, stop words say nothing, and sourcing words say how it is known.
    assert event_tokens(None, "The agency reported, and officials denied, that Norvik had closed the bridge.",
                        "en") == ["closed", "bridge"]
    # Past the lede nothing counts; with no lede limit, the whole text does.
    assert event_tokens(None, "one two three " + "tanks " * 10, "en", lead_words=3) == []
    assert event_tokens(None, "one two three " + "tanks " * 10, "en", lead_words=None).count("tanks") == 10


def test_event_weekday_is_the_first_day_the_lede_names():
    assert event_weekday("The agency on Tuesday circulated a report. On Friday it added more.") == 1
    assert event_weekday("El gobierno anunció el martes un acuerdo.") == 1
    assert event_weekday("Власти в среду объявили о сделке.") == 2
    # A day named past the lede is background, and a lede may name none.
    assert event_weekday("word " * 80 + "on Monday") is None
    assert event_weekday("The council approved the budget.") is None


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
    for key, (title, text) in [*ARTICLES.items(), ("follow-up", FOLLOW_UP)]:
        analysis = Analysis(text=text, id=key, title=title, published=FOLLOW_UP_DAY if key == "follow-up" else DAY,
                            language="en")
        analysis.entities = entities_layer.run(nlp(text), analysis, settings)
        analyses.append(analysis)
    groups = group_articles(analyses, embed_articles(analyses, default_encoder()))
    return sorted(sorted(analyses[i].id for i in group) for group in groups)


def test_same_actors_in_different_events_are_different_stories(grouped):
    assert ["expulsion"] in grouped and ["fishing"] in grouped and ["railway"] in grouped


def test_the_same_agency_accusing_the_same_country_on_another_day_is_another_story(grouped):
    # Same agency, minister, countries and bay as the fishing deal, a lede built like the
    # claim's: only what happened and the day its lede names tell it apart.
    assert ["warships"] in grouped


def test_a_denial_joins_the_story_of_the_claim_it_denies(grouped):
    assert any({"claim", "denial"} <= set(group) for group in grouped)


def test_a_follow_up_that_opens_on_other_words_joins_the_story_of_its_event(grouped):
    assert ["claim", "denial", "follow-up"] in grouped
