"""Source kinds over a whole article (`sources.settle_kinds`): "officials" who are the voice
of a body named earlier, and one kind per speaker. Sentences are our own."""

from newsprobe import analyze
from newsprobe.settings import Settings

ALL = Settings.load(claim_min_checkworthiness=0.0)


def quote_with(analysis, words):
    found = [q for q in analysis.quotes if any(words in c.text for c in q.content)]
    assert found, [q.to_dict() for q in analysis.quotes]
    return found[0]


def test_officials_after_a_named_body_spoke_are_its_voice_on_record():
    text = ("The Belvik County Sheriff's Office said the fire started at 5 p.m. on Monday. "
            "A man was arrested at a bar near the scene, officials said.")
    a = analyze(text, ALL)
    q = quote_with(a, "arrested at a bar")
    assert q.speaker.kind == "institution", q.to_dict()
    assert "Sheriff" in q.speaker.name
    claim = next(c for c in a.claims if "arrested at a bar" in c["text"])
    assert claim["status"] == "reported", claim


def test_officials_with_no_body_named_are_unnamed():
    a = analyze("A man was arrested at a bar near the scene, officials said.", ALL)
    q = quote_with(a, "arrested at a bar")
    assert q.speaker.kind == "unnamed_official", q.to_dict()
    assert a.claims[0]["status"] == "unconfirmed"


def test_officials_after_a_company_spoke_are_not_its_voice():
    # a company is not the body whose officials speak for a public case
    text = ("Tessa Maritime said its ferry was repaired in May. "
            "The harbour was closed for two days, officials said.")
    q = quote_with(analyze(text, ALL), "harbour was closed")
    assert q.speaker.kind == "unnamed_official", q.to_dict()


def test_an_unnamed_official_of_a_named_body_is_still_unnamed():
    q = quote_with(analyze("An unnamed CIA official said that the director had visited Moscow in "
                           "January.", ALL), "visited Moscow")
    assert q.speaker.kind == "unnamed_official", q.to_dict()


def test_one_kind_per_speaker_in_an_article():
    text = ("Ana Berg, a former minister, said the port was sold in 2019. "
            "Berg said the buyer was a Karsovian bank. "
            "Minister Berg said the price was 4 million dollars.")
    a = analyze(text, ALL)
    kinds = {q.speaker.kind for q in a.quotes if "Berg" in q.speaker.name}
    assert len(kinds) == 1, [q.to_dict() for q in a.quotes]


def test_a_name_the_text_calls_a_site_or_company_is_an_institution():
    # The small NER model takes some company names for people; what the text calls them
    # ("a data analysis site") decides the kind.
    from newsprobe.layers.sources import EntityIndex, kind_of_entity
    from newsprobe.model import Entity

    entity = Entity("e1", "Veltrix", "PERSON")
    index = EntityIndex("", [entity], {"e1": {"veltrix", "data", "analysis", "site"}}, {})
    assert kind_of_entity(entity, index) == "institution"
    index.descriptors["e1"] = {"veltrix", "chief", "executive", "company"}
    assert kind_of_entity(entity, index) == "official"   # the company's chief speaks for it
    index.descriptors["e1"] = {"veltrix"}
    assert kind_of_entity(entity, index) == "person"


def test_only_person_and_official_are_made_one_kind():
    # an institution that one quote calls "the newspaper" is a resolution slip, not a
    # change of kind: left for the reader to see
    from newsprobe.layers.sources import settle_kinds
    from newsprobe.model import Speaker

    speakers = [Speaker("Tessa Maritime", "institution", "e1"), Speaker("Tessa Maritime", "media", "e1"),
                Speaker("Ana Berg", "official", "e2"), Speaker("Ana Berg", "person", "e2"),
                Speaker("Ana Berg", "person", "e2")]
    settle_kinds(speakers)
    assert [s.kind for s in speakers] == ["institution", "media", "person", "person", "person"]


def test_officials_after_the_police_spoke_are_the_police():
    text = ("A suspect was in custody on Thursday after a standoff, state police said. "
            "The officer was shot during a traffic stop, officials said.")
    q = quote_with(analyze(text, ALL), "traffic stop")
    assert q.speaker.kind == "institution", q.to_dict()
