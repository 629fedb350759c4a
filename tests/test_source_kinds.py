"""Source kinds decided for the speaker over the whole article: what the text says about a
person once (a party-and-state tag, "X, who chairs ...", a title the tagger swallowed into
an organisation's name) holds for every later "X said". Sentences and names are our own."""

import pytest

from newsprobe import analyze
from newsprobe.settings import Settings

ALL = Settings.load(claim_min_checkworthiness=0.0)


def kinds_of(text, name):
    a = analyze(text, ALL)
    found = [q.speaker.kind for q in a.quotes if name in q.speaker.name]
    assert found, [q.to_dict() for q in a.quotes]
    return found


def quote_with(text, words):
    a = analyze(text, ALL)
    found = [q for q in a.quotes if any(words in c.text for c in q.content)]
    assert found, [q.to_dict() for q in a.quotes]
    return found[0]


def test_a_party_and_state_tag_makes_a_lawmaker_an_official():
    # "Tom Velde, R-Kan.,": a legislator's tag, said once; the later "Velde said" speaks in
    # that office too.
    text = ("Tom Velde, R-Kan., and Ann Orlov, D-Vt., clashed over the farm bill on Tuesday. "
            "Velde said the measure would cost farmers dearly. "
            "Orlov told reporters that the bill was a fair compromise.")
    assert set(kinds_of(text, "Velde")) == {"official"}
    assert set(kinds_of(text, "Orlov")) == {"official"}


def test_a_party_tag_in_brackets_makes_an_official():
    text = ("Rep. Dana Kolbe (D-Ore.) criticised the agency on Monday. "
            "Kolbe said the agency had ignored three warnings.")
    assert set(kinds_of(text, "Kolbe")) == {"official"}


def test_who_heads_a_body_speaks_in_that_office():
    # said once in a relative clause; every later mention inherits it
    text = ("Marta Quell, who heads the Orvand water board, defended the new tariff. "
            "Quell said the tariff would pay for new pipes. "
            "Quell added that bills would rise by four percent.")
    assert set(kinds_of(text, "Quell")) == {"official"}


@pytest.mark.parametrize("verb", ["led", "headed"])
def test_who_held_a_post_in_the_past_is_not_an_office_now(verb):
    # a former post is no office (the newsroom kinds: a former official is a person)
    text = (f"Marta Quell, who {verb} the Orvand water board for a decade, criticised the new tariff. "
            "Quell said the tariff would hurt poor families.")
    assert set(kinds_of(text, "Quell")) == {"person"}


def test_a_title_the_tagger_swallowed_into_an_organisation_makes_the_person_an_official():
    # "Dunmore County Sheriff Paul Tressel" read as one organisation's name: the sheriff is
    # a person in office, and so is "Tressel" later, not the sheriff's office as a body.
    text = ("DUNMORE COUNTY - Dunmore County Sheriff Paul Tressel said deputies found the car "
            "near a lake on Sunday. Officials said the driver fled on foot. "
            "Tressel said the driver was arrested two hours later.")
    assert set(kinds_of(text, "Tressel")) == {"official"}
    assert quote_with(text, "driver fled").speaker.kind == "unnamed_official"


def test_a_name_in_apposition_to_a_title_is_the_office_holder():
    # (the small model takes this name for an organisation)
    text = ("Orvand's ambassador to the union, Ilse Marnow, said the talks were still going on. "
            "Marnow said a deal was close.")
    q = quote_with(text, "still going on")
    assert q.speaker.kind == "official", q.to_dict()


@pytest.mark.parametrize("text, name", [
    ("Ivo Tarrant, vice-president of the Orvand Institute of Regional Studies, said the plan "
     "would fail. Tarrant said the talks had no chance.", "Tarrant"),
    ("Lena Fiske, director of the Centre for Energy Research at Dunmore University, said prices "
     "would fall. Fiske said the winter would be mild.", "Fiske"),
])
def test_an_office_at_a_university_or_institute_speaks_as_an_expert(text, name):
    # the newsroom kinds: experts and analysts speak for themselves (person)
    assert set(kinds_of(text, name)) == {"person"}


def test_an_indefinite_spokesman_for_a_body_after_a_named_spokeswoman_is_the_body():
    # "a spokesman for X" introduces somebody new: not the spokeswoman named before
    text = ("\"Our ferries run as planned,\" spokeswoman Vera Lask told the Courier on Monday. "
            "A spokesman for Tessa Maritime said on Tuesday that the strike was over.")
    q = quote_with(text, "strike was over")
    assert q.speaker.kind == "institution", q.to_dict()


def test_the_report_of_an_outlet_is_the_outlet_speaking():
    # "a Courier report ... The report claimed": the outlet speaks through its report
    text = ("Tessa Maritime rejected on Monday a Daily Courier report on its ferries. "
            "The report said the ships had been sold for 3 million dollars.")
    q = quote_with(text, "ships had been sold")
    assert q.speaker.kind == "media", q.to_dict()


def test_a_report_a_body_published_stays_a_document():
    text = ("The Orvand ministry published a report on Monday. The report said exports fell by "
            "a third in 2023.")
    q = quote_with(text, "exports fell")
    assert q.speaker.kind == "document", q.to_dict()


@pytest.mark.parametrize("text", [
    # the body's own report came between: "the report" is that one, no outlet's
    ("A Daily Courier report said on Monday that the ferries had been sold. The ministry published its "
     "own report on Tuesday. The report said the ferries were still in service."),
    ("A Daily Courier report said on Monday that the ferries had been sold. On Tuesday the ministry "
     "released a report of its own. The report said the ferries were still in service."),
])
def test_the_report_after_a_bodys_own_report_is_not_the_earlier_outlets(text):
    q = quote_with(text, "still in service")
    assert q.speaker.kind == "document" and q.speaker.name != "Daily Courier", q.to_dict()


@pytest.mark.parametrize("text", [
    # an acronym is a watchdog's or an inspector's as often as an outlet's
    ("The watchdog criticised the port authority in a KRA report on Tuesday. The report said the "
     "ferries were still in service."),
    ("KRA report: the port authority broke the rules.\n\nThe port authority signed contracts without "
     "bids, auditors found. The report said the ferries were still in service."),
])
def test_the_report_of_an_acronym_not_known_as_an_outlet_stays_a_document(text):
    q = quote_with(text, "still in service")
    assert q.speaker.kind == "document", q.to_dict()


@pytest.mark.parametrize("text", [
    # news names an outlet's report again with another noun
    ("Tessa Maritime rejected on Monday a Daily Courier report on its ferries. The article said the "
     "ships had been sold for 3 million dollars."),
    # "the story of an offer to join X" names what the report was about, not who wrote it
    ("On Friday a report by the Daily Courier said that Ivo Marek had invented the story of an offer "
     "to join Velmora Navy. Marek called that report a lie.\n\nThe story said that the ships had been sold."),
])
def test_the_article_or_story_after_an_outlets_report_is_the_outlet(text):
    q = quote_with(text, "ships had been sold")
    assert q.speaker.kind == "media" and q.speaker.name == "Daily Courier", q.to_dict()


@pytest.mark.parametrize("source", ["the Karsovian maker of pumps", "the retailer", "the carmaker"])
def test_a_company_described_by_its_trade_is_an_institution(source):
    q = quote_with(f"Sales fell by a tenth in the first half, {source} said on Tuesday.", "Sales fell")
    assert q.speaker.kind == "institution", q.to_dict()


@pytest.mark.parametrize("text, name", [
    # an expert, a private person, a lawyer speaking as an expert stay persons
    ("Ana Ruiz, who lives by the river, said the water came in fast. Ruiz said she lost her car.", "Ruiz"),
    ("Dunmore analyst Odile Brant said the shares were cheap. Brant said the results were weak.", "Brant"),
    ("Tomas Egger, a lawyer who studies privacy law, said the rule was unclear. "
     "Egger said courts would decide.", "Egger"),
    ("Tomas Egger, a Dunmore lawyer who represents landlords, said the rule was unclear. "
     "Egger said courts would decide.", "Egger"),
    ("Pia Lund, who runs a small bakery in Dunmore, said the flour price doubled. "
     "Lund said she would close in May.", "Lund"),
])
def test_private_people_and_experts_stay_persons(text, name):
    assert set(kinds_of(text, name)) == {"person"}


def test_a_title_and_name_taken_for_an_organisation_is_an_official():
    # The small NER model sometimes reads "Dunmore County Sheriff Paul Tressel" as one
    # organisation and "Tressel" later as a person: both are the sheriff in office.
    from newsprobe.layers.sources import EntityIndex, kind_of_entity
    from newsprobe.model import Entity

    titled = Entity("e1", "Dunmore County Sheriff Paul Tressel", "ORG")
    surname = Entity("e2", "Tressel", "PERSON")
    office = Entity("e3", "Dunmore County Sheriff's Office", "ORG")
    index = EntityIndex("", [titled, surname, office], {"e1": {"sheriff"}, "e2": {"tressel"},
                                                       "e3": {"sheriff", "office"}}, {})
    assert kind_of_entity(titled, index) == "official"
    assert kind_of_entity(surname, index) == "official"
    assert kind_of_entity(office, index) == "institution"


def test_a_name_taken_for_an_organisation_in_apposition_to_a_title_is_an_official():
    from types import SimpleNamespace

    from newsprobe.layers.sources import EntityIndex, kind_of_entity
    from newsprobe.model import Entity, Span
    from newsprobe.parse import load_pipeline

    text = "Asked about it, Orvand's ambassador to the union, Ivo Tamsin, said the talks went well."
    start = text.index("Ivo Tamsin")
    name = Entity("e1", "Ivo Tamsin", "ORG", mentions=[Span.of(text, start, start + 10)])
    index = EntityIndex.build(load_pipeline()(text), SimpleNamespace(text=text, entities=[name]))
    assert kind_of_entity(name, index) == "official"


@pytest.mark.parametrize("text, name, kind", [
    # a private attorney speaks for himself or a client: a person (the newsroom kinds)
    ("\"The deal is unlawful,\" Dunmore attorney Petr Halas said. Halas said he would sue.", "Halas", "person"),
    # a public attorney holds an office
    ("Attorney General Petr Halas said the deal was unlawful. Halas said he would sue.", "Halas", "official"),
    # a justice of a high court is a judge in office
    ("Justice Mira Olund asked whether the law applied to ferries. Olund said the record was thin.",
     "Olund", "official"),
])
def test_attorneys_and_justices(text, name, kind):
    assert set(kinds_of(text, name)) == {kind}


def test_a_secretary_of_state_in_apposition_to_a_name_taken_for_a_body_is_an_official():
    # (a capitalised title in apposition is a proper noun to the parser)
    from types import SimpleNamespace

    from newsprobe.layers.sources import EntityIndex, kind_of_entity
    from newsprobe.model import Entity, Span
    from newsprobe.parse import load_pipeline

    text = "Jon Harker, Orvand Secretary of State, criticised the ruling on Tuesday."
    name = Entity("e1", "Jon Harker", "ORG", mentions=[Span.of(text, 0, 10)])
    index = EntityIndex.build(load_pipeline()(text), SimpleNamespace(text=text, entities=[name]))
    assert kind_of_entity(name, index) == "official"


@pytest.mark.parametrize("title, kind", [("managing editor", "official"), ("reporter", "media"),
                                         ("editor", "official")])
def test_a_managing_editor_speaks_in_office_a_reporter_for_the_outlet(title, kind):
    from newsprobe.layers.sources import EntityIndex, kind_of_entity
    from newsprobe.model import Entity

    person = Entity("e1", "Sara Venn", "PERSON")
    index = EntityIndex("", [person], {"e1": {"sara", "venn", "gazette", *title.split()}}, {})
    assert kind_of_entity(person, index) == kind


# --- what the article says about a source (session 14, unseen-news kinds) -------------------
# Each shape below was seen in two or more real articles the rules were not written on,
# or on a larger proxy set (PolNeAR sources); the sentences are our own.


def quote_from(text, words):
    a = analyze(text, ALL)
    found = [q for q in a.quotes if q.source is not None and words in q.source.text]
    assert found, [q.to_dict() for q in a.quotes]
    return found[0]


def test_media_reports_are_media():
    # the nominal "media reports that ..." with no other source named
    text = ("Velmora Foods on Monday rejected media reports that it had hidden losses from its "
            "shareholders. The company said its accounts were sound.")
    assert set(kinds_of(text, "media reports")) == {"media"}


@pytest.mark.parametrize("text, words", [
    # a report the text credits to the media, by a media word or an outlet it names
    ("The minister rejected the story. Reports on the Harbour Daily, citing officials, said that "
     "a dozen clerks were questioned.", "Reports"),
    ("Tessa Maritime rejected the story. An inquiry by a consortium of local newspapers found "
     "that the firm paid bribes to port clerks.", "inquiry"),
    # reports nobody is said to have written: the news's, not a document's
    ("Orvand City want a new goalkeeper before Friday, according to reports. The club has not commented.",
     "reports"),
])
def test_reports_the_text_credits_to_the_media_are_media(text, words):
    assert quote_from(text, words).speaker.kind == "media"


@pytest.mark.parametrize("text, words", [
    # a report whose author the text names stays that author's document
    ("The ministry published a report on Monday. The report said that exports fell by a third.",
     "exports fell"),
    # hearsay stays hearsay
    ("The striker is unhappy in Orvand, according to unconfirmed reports.", "The striker"),
])
def test_other_reports_are_not_media(text, words):
    assert quote_with(text, words).speaker.kind != "media"


def test_a_surname_the_tagger_took_for_a_body_takes_the_persons_kind():
    # "Lin Wenbo, a spokesperson ..." a person; a later lone "Lin" tagged an organisation
    from newsprobe.layers.sources import EntityIndex, kind_of_entity
    from newsprobe.model import Entity

    person = Entity("e1", "Lin Wenbo", "PERSON")
    surname = Entity("e2", "Lin", "ORG")
    index = EntityIndex("", [person, surname], {"e1": {"lin", "wenbo", "spokesperson", "ministry"},
                                                "e2": {"lin"}}, {})
    assert kind_of_entity(surname, index) == "official"


def test_a_body_is_not_a_person_for_sharing_a_surname():
    from newsprobe.layers.sources import EntityIndex, kind_of_entity
    from newsprobe.model import Entity

    people = [Entity("e1", "Ana Berg", "PERSON"), Entity("e2", "Ivo Berg", "PERSON")]
    body = Entity("e3", "Berg", "ORG")
    index = EntityIndex("", [*people, body], {"e1": {"minister"}, "e2": set(), "e3": {"berg"}}, {})
    assert kind_of_entity(body, index) == "institution"   # two Bergs: nothing to tell


def test_a_spokesman_whose_title_ends_in_his_name_is_an_official():
    # the title and the name read as one phrase (the tagger took the name for a body): he is
    # named, so an official, not the ministry's unnamed voice
    text = ("On Monday the spokesman of Karsovia's Defence Ministry General Ivo Tamsan rejected "
            "the story. \"The depot held only grain,\" he said.")
    assert set(kinds_of(text, "Tamsan")) == {"official"}


def test_an_unnamed_spokesman_for_a_body_stays_its_voice():
    text = "A spokesman for the Karsovian Defence Ministry denied the reports on Sunday."
    assert quote_with(text, "the reports").speaker.kind == "institution"


@pytest.mark.parametrize("title", ["Council Member", "Board Member", "Councilwoman", "Alderman"])
def test_a_member_of_an_elected_body_is_an_official(title):
    text = (f"\"The bridge needs new cables,\" {title} Tam Brisk said. "
            "\"We will vote on it in June,\" Brisk said after the session.")
    assert set(kinds_of(text, "Brisk")) == {"official"}


def test_a_member_of_the_public_is_a_person():
    text = "Tam Brisk, a member of the public, said the plan was rushed. Brisk said nobody asked him."
    assert set(kinds_of(text, "Brisk")) == {"person"}


def test_a_police_rank_abbreviation_keeps_the_name_with_its_title():
    # "Sgt." cut into "Sgt" and "." ended the sentence before the name
    text = ("The van was found empty, according to Dunmore Police spokesman Sgt. Mark Oxley. "
            "The driver had fled on foot, Oxley said on Tuesday.")
    kinds = {q.speaker.name: q.speaker.kind for q in analyze(text, ALL).quotes}
    assert kinds.get("Mark Oxley") == "official", kinds


@pytest.mark.parametrize("source", ["Karsovian intelligence sources", "Security sources",
                                    "Two government sources"])
def test_sources_in_a_government_service_are_unnamed_officials(source):
    text = f"{source} said that the convoy had left the border post before dawn."
    assert quote_with(text, "the convoy").speaker.kind == "unnamed_official"


@pytest.mark.parametrize("source", ["Sources close to the singer", "Club sources"])
def test_other_sources_stay_anonymous(source):
    text = f"{source} said that the contract had been signed."
    assert quote_with(text, "the contract").speaker.kind == "anonymous"


@pytest.mark.parametrize("text, words", [
    ("The manuscript, submitted in March, reported that the river water held traces of tin.",
     "traces of tin"),
    ("The editorial concluded that the question stays open.", "the question"),
    ("The regulator fined the lender. The company's website says that fees were never hidden.",
     "fees were"),
])
def test_written_texts_speak_as_documents(text, words):
    assert quote_with(text, words).speaker.kind == "document"


def test_the_website_after_an_outlet_is_the_outlet():
    text = ("The Orvand Ledger reported that the mayor had been questioned. "
            "The website later added that the mayor had hired a lawyer.")
    assert quote_with(text, "hired a lawyer").speaker.kind == "media"


@pytest.mark.parametrize("text, words", [
    # editors answer for their journal's or outlet's decisions, in office
    ("Editors of the journal Soil Matters said on Monday that a study they printed in April must be "
     "corrected.", "must be"),
    ("The Orvand Ledger stood by its story, with Ledger editor in chief Tam Ostrow saying that three "
     "people had checked it.", "three"),
])
def test_editors_speak_in_office(text, words):
    assert quote_with(text, words).speaker.kind == "official"


@pytest.mark.parametrize("text, words", [
    # a court report's prosecuting counsel speaks for the prosecution, in office: "X,
    # prosecuting," and "prosecuting barrister X" (session 16, two real court pages)
    ("Orla Denne, prosecuting, said the van had been seen near the depot twice.", "the van"),
    ("Prosecuting barrister Hal Ruddock told the court the gate had been forced.", "the gate"),
])
def test_prosecuting_counsel_speaks_in_office(text, words):
    assert quote_with(text, words).speaker.kind == "official"


@pytest.mark.parametrize("text, words", [
    # a public service by its head noun, with no name given before (session 17, issue #14)
    ("Crews were sent to a barn near Tolvey at dawn. The fire service said the roof had "
     "collapsed before they arrived.", "roof had"),
    ("Officers were called to Marrow Lane on Friday night. The force said a man of 40 had been "
     "arrested on suspicion of theft.", "arrested"),
    ("The ambulance service said four people were treated at the scene.", "treated"),
])
def test_a_public_service_named_by_its_head_noun_is_an_institution(text, words):
    assert quote_with(text, words).speaker.kind == "institution"


def test_a_news_service_stays_an_outlet():
    text = "The news service said the minister had resigned on Tuesday night."
    assert quote_with(text, "resigned").speaker.kind == "media"


def test_a_journalist_reports_for_the_media():
    text = ("The Corran Herald cited sports journalist Eli Vantosk as saying the club had agreed terms "
            "with the striker. Vantosk said the deal would be signed next week.")
    assert quote_with(text, "agreed terms").speaker.kind == "media"
    assert quote_with(text, "signed next week").speaker.kind == "media"


@pytest.mark.parametrize("text, words", [
    ("Videos shared widely on social media falsely claim that the dam at Orsk has burst.", "dam at"),
    ("Screenshots posted on social media say that the Orvand mint will stop making coins.", "stop making"),
])
def test_clips_and_screenshots_shared_online_are_hearsay(text, words):
    assert quote_with(text, words).speaker.kind == "rumor"


def test_a_white_house_named_after_its_president_is_an_institution():
    text = "The Harold Brenner White House said in a statement that the treaty would hold."
    assert quote_with(text, "treaty would").speaker.kind == "institution"


@pytest.mark.parametrize("name, kind", [
    ("Harold Brenner White House", "institution"),   # the tagger's PERSON for a body
    ("Velde administration", "institution"),
    ("Harold Brenner", "person"),
    ("Anton Downing", "person"),                      # a surname, no body
])
def test_a_person_label_on_a_body_named_after_a_person(name, kind):
    from newsprobe.layers.sources import EntityIndex, kind_of_entity
    from newsprobe.model import Entity
    entity = Entity("e1", name, "PERSON")
    index = EntityIndex(name + " said so.", [entity], {}, {})
    assert kind_of_entity(entity, index) == kind
