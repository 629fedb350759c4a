"""Chains: the ways news writes relayed speech, one form a test, each in sentences of our
own with outlets that do not exist (so that no list of known outlets can answer for the
parse). A chain lists who passed the words on, from the writer's side inwards; the
writer's own outlet, the speaker itself and "unknown" are never links."""

import pytest

from newsprobe import analyze
from newsprobe.model import Article


def chains(text, outlet=None):
    """{speaker name: [link names]} and the quotes, for `text` (published by `outlet`)."""
    found = analyze(Article(text=text, outlet=outlet) if outlet else text).quotes
    return {q.speaker.name: [c.name for c in q.chain] for q in found}, found


def content(q):
    return " | ".join(c.text for c in q.content)


def dump(found):
    return [(q.cue.text if q.cue else None, q.speaker.name, q.speaker.kind, [c.name for c in q.chain],
             content(q)) for q in found]


def assert_no_bogus_links(found):
    for q in found:
        names = [c.name for c in q.chain]
        assert q.speaker.name not in names and "unknown" not in [n.lower() for n in names], dump(found)


# --- an outlet's report and the source it cites ------------------------------------------

@pytest.mark.parametrize("text", [
    "The envoy was recalled on Friday, the Morning Star said, citing three diplomats.",
    "The envoy was recalled on Friday, according to the Morning Star, which cited three diplomats.",
    "The Morning Star, citing three diplomats, said the envoy was recalled on Friday.",
    "The Morning Star reported, citing three diplomats, that the envoy was recalled on Friday.",
])
def test_an_outlet_citing_a_source_relays_it(text):
    found_chains, found = chains(text)
    assert found_chains.get("three diplomats") == ["Morning Star"], dump(found)
    assert found_chains.get("Morning Star") == [], dump(found)
    assert_no_bogus_links(found)


@pytest.mark.parametrize("text", [
    "The Morning Star, quoting a senior diplomat, said the envoy was recalled on Friday.",
    "The envoy was recalled on Friday, the Morning Star said, quoting a senior diplomat.",
])
def test_an_outlet_quoting_a_source_relays_it(text):
    found_chains, found = chains(text)
    assert found_chains.get("senior diplomat") == ["Morning Star"], dump(found)


@pytest.mark.parametrize("text", [
    "The envoy was recalled on Friday, the report said, citing sources in the ministry.",
    "The Morning Star said on Tuesday that the envoy had been recalled. The report, citing "
    "sources in the ministry, said he would not return.",
])
def test_the_report_citing_sources_chains_the_sources_to_the_report(text):
    found_chains, found = chains(text)
    cited = [q for q in found if "sources" in q.speaker.name]
    assert len(cited) == 1 and len(cited[0].chain) == 1, dump(found)
    assert_no_bogus_links(found)


# --- an outlet that quoted somebody ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Morning Star quoted Peter Holm as saying that the envoy had been recalled.",
    "Peter Holm was quoted by the Morning Star as saying that the envoy had been recalled.",
    "The Morning Star cited Peter Holm as saying that the envoy had been recalled.",
    "The envoy had been recalled, Peter Holm said, according to the Morning Star.",
    "The Morning Star reported that Peter Holm said the envoy had been recalled.",
    "Peter Holm said the envoy had been recalled, the Morning Star reported.",
])
def test_what_an_outlet_reports_a_person_said_reached_the_writer_through_it(text):
    found_chains, found = chains(text)
    assert found_chains.get("Peter Holm") == ["Morning Star"], dump(found)
    assert_no_bogus_links(found)


# --- a source that spoke to an outlet ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Peter Holm told the Morning Star that the envoy was recalled on Friday.",
    "“We recalled him on Friday,” Peter Holm told the Morning Star.",
    "Holm's spokesman told the Kyiv Independent the envoy was recalled.",
    "Peter Holm told local broadcaster NTV that the envoy was recalled.",
    "In an interview with the Morning Star, Peter Holm said the envoy was recalled on Friday.",
    "Peter Holm said in an interview with the Morning Star that the envoy was recalled on Friday.",
    "Speaking to the Morning Star, Peter Holm said the envoy was recalled on Friday.",
    "Peter Holm, speaking to the Morning Star on Tuesday, said the envoy was recalled on Friday.",
    "In comments to the Morning Star, Peter Holm said the envoy was recalled on Friday.",
    "Peter Holm said in a statement to the Morning Star that the envoy was recalled on Friday.",
    "The ministry said in an email to the Morning Star that the envoy was recalled on Friday.",
    "Peter Holm told the Morning Star in an interview that the envoy was recalled.",
])
def test_the_outlet_a_source_spoke_to_is_a_link(text):
    found = analyze(text).quotes
    recalled = [q for q in found if "recalled" in content(q)]
    assert len(recalled) == 1, dump(found)
    assert [c.name for c in recalled[0].chain] in (["Morning Star"], ["Kyiv Independent"], ["NTV"]), dump(found)


@pytest.mark.parametrize("text", [
    "Peter Holm told the parliamentary committee the envoy was recalled.",
    "Peter Holm told the Senate Foreign Relations Committee that the envoy was recalled.",
    "Peter Holm told Parliament that the envoy was recalled.",
    "Peter Holm told reporters that the envoy was recalled.",
    "Peter Holm told a news conference that the envoy was recalled.",
    "Peter Holm told the FBI that the envoy was recalled.",
    "Peter Holm told the court that the envoy was recalled.",
    "Peter Holm told Anna Berg that the envoy was recalled.",
])
def test_whom_a_source_told_is_no_link_unless_it_passes_the_words_on(text):
    found_chains, found = chains(text)
    assert found_chains.get("Peter Holm") == [], dump(found)


@pytest.mark.parametrize("text, outlet", [
    ("Peter Holm told the Morning Star that the envoy was recalled.", "Morning Star"),
    ("Peter Holm told The Associated Press that the envoy was recalled.", "Associated Press"),
    ("Peter Holm told Reuters in an interview that the envoy was recalled.", "Reuters"),
    ("Peter Holm said in an email to the Morning Star that the envoy was recalled.", "The Morning Star"),
])
def test_the_writers_own_outlet_is_no_link(text, outlet):
    found_chains, found = chains(text, outlet=outlet)
    assert found_chains.get("Peter Holm") == [], dump(found)
    other_chains, found = chains(text)  # the same words in another outlet's story
    assert len(other_chains.get("Peter Holm", [])) == 1, dump(found)


# --- speech inside what somebody said ----------------------------------------------------

@pytest.mark.parametrize("text, speaker, relay", [
    ("Peter Holm said the company told analysts that sales would fall.", "company", "Peter Holm"),
    ("Peter Holm said the minister had told him the envoy was recalled.", "minister", "Peter Holm"),
    ("Police said the suspect told officers he was at home that night.", "suspect", "Police"),
    ("Former staff said the minister had told them the budget was cut.", "minister", "Former staff"),
])
def test_speech_reported_inside_speech_is_relayed_by_the_outer_speaker(text, speaker, relay):
    found_chains, found = chains(text)
    assert found_chains.get(speaker) == [relay], dump(found)
    assert found_chains.get(relay) == [], dump(found)


@pytest.mark.parametrize("text", [
    "Two aides recalled the minister telling them that the budget was cut.",
    "Two aides recalled the minister saying that the budget was cut.",
])
def test_sources_recalling_what_a_person_said_relay_it(text):
    found_chains, found = chains(text)
    assert found_chains.get("minister") == ["Two aides"], dump(found)


def test_an_outlets_report_of_what_a_source_told_another_outlet_has_both_links():
    found_chains, found = chains("The Morning Star reported that Peter Holm had told the Valley "
                                 "Times the envoy was recalled.")
    assert found_chains.get("Peter Holm") == ["Morning Star", "Valley Times"], dump(found)


# --- continuing quotes -------------------------------------------------------------------

def test_a_continuing_quote_keeps_the_outlet_its_speaker_spoke_to():
    found_chains, found = chains("“We recalled him,” Peter Holm told the Morning Star. "
                                 "“He will not return.”\n\n“It was not an easy choice,” Holm said.")
    holm = [q for q in found if q.speaker.name == "Peter Holm"]
    assert holm and all([c.name for c in q.chain] == ["Morning Star"] for q in holm), dump(found)


def test_the_outlet_that_published_an_interview_is_a_link():
    found_chains, found = chains("Peter Holm said in an interview published on Sunday by El Diario "
                                 "Norte that the envoy was recalled.")
    assert found_chains.get("Peter Holm") == ["El Diario Norte"], dump(found)


def test_a_pronoun_inside_a_speakers_words_is_not_chained_to_that_speaker():
    # "he" is Weaver: an unresolved pronoun is never given its host as a link
    found_chains, found = chains("Weaver told the Valley Times that he believes the fight will go on.")
    assert all("Weaver" not in [c.name for c in q.chain] for q in found), dump(found)
    assert_no_bogus_links(found)


@pytest.mark.parametrize("text", [
    "Peter Holm told state news agency Tanjug that the envoy was recalled.",
    "Peter Holm told broadcaster Tanjug that the envoy was recalled.",
])
def test_an_outlet_named_with_its_description_is_linked_by_its_name(text):
    found_chains, found = chains(text)
    assert found_chains.get("Peter Holm") == ["Tanjug"], dump(found)


@pytest.mark.parametrize("text", [
    "The Morning Star said the envoy was recalled. The newspaper quoted Peter Holm as saying he would not return.",
    "The Morning Star said on Monday the envoy was recalled. Peter Holm told the paper that he would not return.",
])
def test_the_newspaper_is_the_outlet_named_before(text):
    found = analyze(text).quotes
    holm = [q for q in found if q.speaker.name == "Peter Holm"]
    assert holm and [c.name for c in holm[0].chain] == ["Morning Star"], dump(found)


@pytest.mark.parametrize("text", [
    "In an interview broadcast on Valley TV, Peter Holm said the envoy was recalled.",
    "Peter Holm wrote in an op-ed for the Morning Star that the envoy was recalled.",
])
def test_a_venue_where_the_speaker_is_heard_directly_is_no_link(text):
    found_chains, found = chains(text)
    assert found_chains.get("Peter Holm") == [], dump(found)


def test_an_unresolved_it_that_quoted_is_no_place():
    found_chains, found = chains("The country cannot be reformed, it quoted sources in Brussels as saying.")
    assert all("Brussels" not in [c.name for c in q.chain] for q in found), dump(found)
    assert_no_bogus_links(found)


def test_the_edition_of_an_outlet_is_that_outlet():
    found_chains, found = chains("Peter Holm told the online edition of weekly Valley Times that the envoy was recalled.")
    assert found_chains.get("Peter Holm") == ["Valley Times"], dump(found)


def test_an_agency_credited_after_the_speaker_relays_him_and_he_stays_the_speaker():
    text = ("Interior Minister Karl Vos said the wheat was sold abroad, Valley News reports citing IRNA. "
            "“Some of it was bought for industry,” he explained.")
    found_chains, found = chains(text)
    assert found_chains.get("Karl Vos") == ["Valley News", "IRNA"] or \
        [c.name for q in found if q.cue.text == "said" for c in q.chain] == ["Valley News", "IRNA"], dump(found)
    explained = [q for q in found if q.cue.text == "explained"]
    assert explained and explained[0].speaker.name == "Karl Vos", dump(found)


def test_a_name_the_parser_took_for_a_compound_of_reports_is_its_source():
    found_chains, found = chains("“There was a report about wheat,” he said, Trend reports citing IRNA.")
    cited = [q for q in found if q.cue.text == "citing"]
    assert cited and cited[0].speaker.name == "IRNA" and [c.name for c in cited[0].chain] == ["Trend"], dump(found)


@pytest.mark.parametrize("text", [
    "The finance minister said Sunday his government has found “serious evidence” against the six men – state media reported.",
    "The finance minister said Sunday that his office had found new evidence in the case, the Valley Courier reported.",
])
def test_a_report_framed_after_the_sentence_relays_its_speaker(text):
    # The inner report's content may run to the sentence's end and so hold the frame's cue;
    # the frame still holds the inner speaker and cue, so it is the outer one.
    names, found = chains(text)
    minister = next(q for q in found if "minister" in q.speaker.name)
    assert [c.name for c in minister.chain] and "minister" not in minister.chain[0].name, dump(found)
    assert any(w in minister.chain[0].name for w in ("media", "Courier")), dump(found)
    assert_no_bogus_links(found)


# --- what a source denies is not passed on through it ----------------------------------------

@pytest.mark.parametrize("text, inner", [
    ("The harbour master in Dovrin on Monday firmly denied reports by local media that a "
     "tanker had run aground near the pier.", "local media"),
    ("A Velmar Foreign Ministry spokesman denied a report claiming the envoy had met the "
     "rebels.", "report"),
    ("A spokesman for the Velmar Interior Ministry dismissed media reports that the blast "
     "at the depot was caused by stored fuel.", "media reports"),
    ("The Velmar transport minister has disputed claims that the bridge was closed for "
     "three weeks.", "claims"),
])
def test_a_denied_report_is_not_relayed_by_the_denier(text, inner):
    """"X denied reports by Y that …": the reports are what X contests, not words X passed on
    (the newsroom chain rule links relays, and a denier relays nothing)."""
    found_chains, found = chains(text)
    reports = [q for q in found if q.speaker.name != "unknown" and inner in q.speaker.name]
    assert reports, dump(found)
    assert all(not q.chain for q in reports), dump(found)


# "X, citing Y, reported on Tuesday that …": the parser may take "reported" for a reduced
# relative on Y's noun ("officials, reported on Tuesday") and leave the outlet a verbless
# root; the outlet still reports, and the officials it cites are the relayed source.
@pytest.mark.parametrize("text", [
    "The Velmora Courier, citing three current and former officials, reported on Tuesday that "
    "the minister had met the envoy twice.",
    "The Velmora Courier, citing three officials, reported that the minister had met the envoy twice.",
    "The Velmora Courier reported, citing three current and former officials, that the minister "
    "had met the envoy twice.",
    "The minister had met the envoy twice, the Velmora Courier reported, citing three current and "
    "former officials.",
])
def test_an_outlet_citing_officials_before_its_verb_relays_them(text):
    found_chains, found = chains(text)
    officials = [q for q in found if "officials" in q.speaker.name]
    assert officials and officials[0].speaker.kind == "unnamed_official", dump(found)
    assert [c.name for c in officials[0].chain] == ["Velmora Courier"], dump(found)
    assert content(officials[0]).lower().endswith("the minister had met the envoy twice"), dump(found)
    assert "officials" not in content(officials[0]), dump(found)
    courier = [q for q in found if q.speaker.name == "Velmora Courier"]
    assert courier and not courier[0].chain and "officials" not in content(courier[0]), dump(found)
    assert_no_bogus_links(found)


# The same aside before a content clause whose subject is evidence ("that bank records and
# intercepted emails show that …"): the parser may read "intercepted" as a second verb, make
# the outlet the subject of "show" and leave "reported" a reduced relative on the cited noun.
# The outlet still reports the whole clause, and the officials it cites are relayed by it.
@pytest.mark.parametrize("text", [
    "The Velmora Courier, citing four current and former city officials, reported on Tuesday that "
    "bank records and intercepted emails show that aides to the mayor had met the developer "
    "several times.",
    "The Harbour Gazette, citing two city officials, reported on Friday that phone logs and seized "
    "letters show the aides had met the developer twice.",
])
def test_an_outlet_citing_officials_keeps_its_clause_when_evidence_shows_it(text):
    found_chains, found = chains(text)
    officials = [q for q in found if "officials" in q.speaker.name]
    assert officials and [c.name for c in officials[0].chain] in (["Velmora Courier"], ["Harbour Gazette"]), dump(found)
    assert content(officials[0]).startswith("that ") and "developer" in content(officials[0]), dump(found)
    outlet = [q for q in found if q.speaker.name in ("Velmora Courier", "Harbour Gazette")]
    assert outlet and "developer" in content(outlet[0]), dump(found)
    # no content cut off at the evidence's noun, and the outlet speaks for nobody's "show"
    assert not [q for q in found if content(q).rstrip().endswith(("emails", "letters"))], dump(found)
    assert_no_bogus_links(found)


# "The Gazette reported that Brandt had discussed the sale ..., citing people briefed on the
# talks": the parser hangs "citing" on the verb it follows, but the outlet's report around
# that verb is what cites its sources; the person the report is about relays nobody.
def test_citing_after_a_reported_clause_belongs_to_the_outlet():
    text = ("The Harbour Gazette reported on Friday that Brandt had discussed the sale with two "
            "council members last spring, citing several people who were briefed on the talks.")
    found_chains, found = chains(text)
    cited = [q for q in found if q.cue is not None and q.cue.text == "citing"]
    assert cited and [c.name for c in cited[0].chain] == ["Harbour Gazette"], dump(found)
    assert_no_bogus_links(found)
    assert not [q for q in found if "Brandt" in [c.name for c in q.chain]], dump(found)
