"""Entities (newsprobe.layers.entities_labels): a mention's label from its own form and the words
right around it."""

from newsprobe import analyze

from entities_views import labels_of, names_in


def test_a_dotted_country_acronym_stays_a_place():
    # "U.S." is all capitals like "NATO", but it is a country: the dots must not hide that.
    a = analyze("U.S. officials said the talks had failed. The U.S. envoy left Geneva on Monday.")
    labels = {m.text: e.label for e in a.entities for m in e.mentions}
    assert labels.get("U.S.") == "GPE", labels


def test_common_noun_acronyms_and_platforms():
    a = analyze("The super PAC attacked her in a Twitter post, the filing (large PDF) shows.")
    texts = labels_of(a)
    assert "PAC" not in texts and "PDF" not in texts, texts
    assert texts.get("Twitter") == "ORG", texts


def test_a_city_acronym_is_a_place():
    a = analyze("She once ran a D.C. consulting firm, the flyer says.")
    assert labels_of(a).get("D.C.") == "GPE"


def test_corrected_label_reads_the_name_itself():
    from newsprobe.layers.entities_labels import corrected_label

    def label(text, name, model_label):
        start = text.index(name)
        return corrected_label(text, start, start + len(name), model_label)

    assert label("The probe landed on Comet 41Q.", "Comet 41Q", "ORG") == "LOC"
    assert label("AFP Fact Check traced the video.", "AFP Fact Check", "WORK_OF_ART") == "ORG"
    assert label("The troops left Europe.", "Europe", "GPE") == "LOC"
    assert label("The prosecutor for Hollis County spoke.", "Hollis County", "ORG") == "GPE"
    assert label("They met at the Masters Championship.", "Masters Championship", "LOC") == "EVENT"
    assert label("The super PAC paid.", "PAC", "ORG") is None
    # A company's legal form ends its name: no event or work ("©2024 Wirel L.P.").
    assert label("©2024 Wirel L.P.", "Wirel L.P.", "EVENT") == "ORG"
    assert label("Shares of Brantia Holdings Inc. rose.", "Brantia Holdings Inc.", "PERSON") == "ORG"


def test_a_wire_credit_line_names_people_not_a_writing_person():
    a = analyze("ISTANBUL (Reuters) - Steps will be taken in the coming days regarding the lifting of "
                "sanctions on two ministers, Foreign Minister Mevlut Cavusoglu said on Tuesday. He also "
                "said the agreement should be implemented fully.\n\nReporting by Ece Toksabay and Tuvan "
                "Gumrukcu; Writing by Ali Kucukgocmen; Editing by Daren Butler", layers=("entities",))
    texts = labels_of(a)
    assert texts.get("Ece Toksabay") == "PERSON" and "Writing" not in texts, texts


def test_a_job_title_after_a_name_is_no_name():
    names = names_in("“We are thrilled,” commented Julie Smolyansky, President and Chief Executive "
                     "Officer of Lifeway Foods.")
    assert "Executive Officer" not in names and "Julie Smolyansky" in names


def test_offices_are_bodies_and_named_buildings_no_people():
    a = analyze("AUGUSTA, Ga. - The Richmond County Sheriff’s Office says a deputy was arrested on "
                "Saturday. He was taken to the Charles B. Webster Detention Center.", layers=("entities",))
    texts = labels_of(a)
    assert texts.get("Richmond County Sheriff’s Office") == "ORG", texts
    assert texts.get("Charles B. Webster Detention Center") == "FAC", texts


def test_a_plural_nickname_after_the_is_a_team_but_a_family_stays_people():
    a = analyze("The 26-year-old has been linked with a number of clubs recently but the Gunners "
                "believe he is the missing piece in their squad.", layers=("entities",))
    assert labels_of(a).get("Gunners") == "ORG"
    a = analyze("Barack Obama spoke in Chicago on Monday. Later the Obamas visited friends in Hawaii.",
                layers=("entities",))
    assert labels_of(a).get("Obamas") != "ORG"


def test_a_company_named_with_its_news_agency_is_no_person():
    a = analyze("FILE PHOTO: A view of the newsroom in London. Copyright Thomson Reuters. The agency "
                "said in a statement (Reuters) that it would expand.", layers=("entities",))
    texts = labels_of(a)
    assert texts.get("Thomson Reuters") == "ORG" and texts.get("Reuters") == "ORG", texts


def test_an_offence_charged_is_no_organisation():
    a = analyze("AUGUSTA, Ga. - A deputy was arrested on Saturday. Saal was charged with one count of "
                "Criminal Trespass and taken to the county jail.", layers=("entities",))
    assert labels_of(a).get("Criminal Trespass") == "LAW"


def test_a_name_with_a_year_is_an_event():
    a = analyze("The group stage of Euro 2024 is approaching the final game-days, and domestic clubs "
                "are getting stuck into the summer transfer window.", layers=("entities",))
    assert labels_of(a).get("Euro 2024") == "EVENT"


def test_a_clause_is_no_title_and_a_brand_verb_no_name():
    names = names_in("A music industry insider said: “Celeste and Sonny fell head over heels for each "
                     "other at a time when everything else was so uncertain.”")
    assert "Celeste and Sonny fell" not in names
    names = names_in("She said she FaceTimed her sister every night from the hotel in Paris while the "
                     "tour went on.")
    assert "FaceTimed" not in names and "Paris" in names


def test_a_press_releases_defined_short_name_and_dateline():
    a = analyze("MORTON GROVE, Ill., May 14, 2024 /PRNewswire/ — Lifeway Foods, Inc. (Nasdaq: LWAY) "
                "(“Lifeway” or “the Company”), a leading supplier of kefir, today reported results for "
                "the first quarter.", layers=("entities",))
    texts = labels_of(a)
    assert texts.get("Lifeway") == "ORG" and texts.get("MORTON GROVE") == "GPE", texts


def test_a_title_word_a_trailing_of_and_an_online_outlet():
    a = analyze("The message was signed by a Principal Secretary. The Fact Check Unit of Press "
                "Information Bureau said it was fake. Radar Online reports Kris is furious.",
                layers=("entities",))
    texts = labels_of(a)
    assert "Principal" not in texts and not any(t.endswith(" of") for t in texts), texts
    assert texts.get("Radar Online") in (None, "ORG"), texts


def test_streets_are_places_but_a_street_named_for_a_government_is_not_relabelled():
    a = analyze("Police said they were called to Griers Fork Drive around 6:45 a.m. Saturday. The man "
                "was seen weaving along Memorial Rd. last Thursday, and Downing Street said nothing.",
                layers=("entities",))
    texts = labels_of(a)
    assert texts.get("Griers Fork Drive") == "FAC", texts
    assert texts.get("Downing Street") != "FAC", texts


def test_a_named_exercise_with_its_year_is_an_event_and_a_section_menu_no_name():
    a = analyze("Moscow hopes the decision is not final\nPolitics & Diplomacy October 06, 16:03\nMOSCOW, "
                "October 6. Fears about the Zapad-2017 exercises did not come true, Russian Defense "
                "Minister Sergey Shoigu said on Friday.", layers=("entities",))
    texts = labels_of(a)
    assert texts.get("Zapad-2017") in (None, "EVENT") and "Politics & Diplomacy" not in texts, texts
    from newsprobe.layers.entities_labels import corrected_label
    text = "the Zapad-2017 exercises and Euro 2024, under the Clean Air Act 1990"
    assert corrected_label(text, 4, 14, "ORG") == "EVENT"
    assert corrected_label(text, 29, 38, "LAW") == "EVENT"
    assert corrected_label(text, 50, 68, "LAW") == "LAW"


def test_an_offices_field_a_lone_company_suffix_and_an_adjective_are_no_names():
    names = names_in("\"We are disappointed,\" Chief Financial Officer Anthony Brisk said on the call. "
                     "Velora Inc's shares fell 9 percent. State Agriculture Commissioner Tyler Harmon "
                     "backed the plan. Sen. Ossler is a Senatorial incumbent facing a tough race.")
    assert not names & {"Financial", "State Agriculture", "Inc", "Senatorial"}, names
    assert {"Anthony Brisk", "Tyler Harmon"} <= names, names


def test_a_jail_named_for_its_county_is_a_building_and_co_is_the_county():
    a = analyze("Former Dunmore Co. sheriff Chuck Ormond was booked into the Dunmore County Jail on "
                "Tuesday. Dunmore County officials declined to comment.", layers=("entities",))
    labels = labels_of(a)
    assert labels.get("Dunmore County Jail") == "FAC", labels
    assert labels.get("Dunmore Co.") == "GPE", labels
    county = next(e for e in a.entities if e.name.startswith("Dunmore Co"))
    assert {m.text for m in county.mentions} == {"Dunmore Co.", "Dunmore County"}, county


def test_a_datelines_province_abbreviation_is_a_place():
    labels = labels_of(analyze(
        "KINGSTON, Ont. — Shares of Velora Corp fell on Friday after its quarterly revenue "
        "missed estimates, and investors sold the stock as earnings disappointed analysts.",
        layers=("entities",)))
    assert labels.get("Ont") == "GPE", labels


def test_a_party_letter_is_no_person():
    a = analyze("Rep. Charlie Geren, R-Fort Worth, said the measure would pass.")
    assert labels_of(a) == {"Charlie Geren": "PERSON"}, labels_of(a)


def test_a_code_or_an_act_is_a_law():
    a = analyze("The change adds a section to the Texas Penal Code to protect officers.")
    assert labels_of(a).get("Texas Penal Code") == "LAW", labels_of(a)


def test_a_capitalised_body_noun_alone_is_no_name():
    a = analyze("The official said: “The Department is reviewing the case and the Agency will respond.” "
                "The Justice Department declined to comment.")
    texts = labels_of(a)
    assert "Agency" not in texts and "Department" not in texts, texts
    assert texts.get("Justice Department") == "ORG", texts


def test_a_town_before_based_is_a_place():
    a = analyze("After the loss at Pandit Ravi Menon Stadium, the head coach said the Kolhapur-based club "
                "had one target in the box.")
    texts = labels_of(a)
    assert texts.get("Kolhapur") == "GPE", texts
    assert texts.get("Pandit Ravi Menon Stadium") == "FAC", texts


def test_a_journal_named_after_its_noun_is_an_organisation_and_a_regulation_a_law():
    a = analyze("The study, published in the journal Nature on Wednesday, found that 61% of the samples "
                "were warm. The firm said the call did not breach Regulation FD, which bars selective "
                "disclosure.")
    texts = labels_of(a)
    assert texts.get("Nature") == "ORG", texts
    assert texts.get("Regulation FD") == "LAW", texts


def test_a_political_grouping_is_an_organisation():
    a = analyze("The changes were opposed by the Marvan Bloc and the Ardzan alliance.\nArdzan responded by "
                "interrupting the sitting ten times.")
    texts = labels_of(a)
    assert texts.get("Marvan Bloc") == "ORG", texts
    assert texts.get("Ardzan") == "ORG", texts


def test_a_ticker_symbol_is_no_entity_but_its_exchange_and_company_are():
    names = names_in("Shares of Brindle Outfitters Inc (NYSE: BRDL) fell 5% on Tuesday. Velmont Group "
                     "(Nasdaq: VLMT) and Orrin Holdings (TSX: ORH) agreed to merge. Pellar Bank "
                     "(LSE: PLB) was flat, and Kestrel Mining, which trades under the ticker KSTM, rose.")
    assert not names & {"BRDL", "VLMT", "ORH", "PLB", "KSTM"}, names
    assert {"Brindle Outfitters Inc", "Orrin Holdings"} <= names, names


def test_a_stock_code_after_a_company_is_one_more_mention_of_the_company():
    a = analyze("Shares of Orrin Holdings (TSX:ORH) slid 11 per cent. Velmont Corp (VLM.N) fell, and "
                "Brindle Outfitters Inc (NYSE: BRDL) rose.")
    mentions = {m.text: e.name for e in a.entities for m in e.mentions}
    assert mentions.get("TSX:ORH") == "Orrin Holdings", mentions
    assert mentions.get("VLM.N") == "Velmont Corp", mentions
    assert mentions.get("NYSE: BRDL") == "Brindle Outfitters Inc", mentions
    assert not {"TSX", "NYSE", "ORH", "BRDL"} & set(mentions), mentions


def test_the_first_word_of_a_sentence_case_heading_is_no_name():
    names = names_in("We have asked the council for comment.\nCandour in local politics matters\n"
                     "You can send us claims to check.")
    assert "Candour" not in names, names
    names = names_in("Honesty in council budgets matters\nThe Trellick Trust said it would respond.")
    assert names == {"Trellick Trust"}, names


def test_a_text_of_one_line_is_no_heading_and_keeps_its_first_name():
    # A headline analysed alone (the stance eval reads each headline as a text): nothing
    # else in the text can say that its first word is no name.
    names = names_in("Belvik mayor denies selling the harbour to a bank")
    assert "Belvik" in names, names


def test_a_party_member_is_no_place_but_a_country_the_model_calls_norp_is():
    a = analyze("The nominee was confirmed on Tuesday, a senior Democrat said. Russia said the talks "
                "would go on.", layers=("entities",))
    texts = labels_of(a)
    assert texts.get("Democrat") == "NORP", texts
    assert texts.get("Russia") == "GPE", texts


def test_the_european_union_is_a_body_not_a_country():
    # "EU" is a union of states with its own institutions: an organisation, as the model
    # says; only a country's letters ("U.S.", "UK") make a place.
    a = analyze("The EU could decide to impose extra measures on Karsovia. European Union ministers "
                "meet next month, and EU diplomats said the list was ready. UK officials agreed.")
    labels = labels_of(a)
    assert labels.get("EU") == "ORG" and labels.get("European Union") == "ORG", labels
    assert labels.get("UK") == "GPE", labels


def test_a_lone_legal_form_of_a_partnership_names_nothing():
    # "Harlan Voss LLP's lawyers": the model's "LLP" on its own, like "Inc" on its own
    from newsprobe.layers.entities_labels import corrected_label
    text = "The firm Harlan Voss LLP's lawyers filed the appeal."
    start = text.index("LLP")
    assert corrected_label(text, start, start + 3, "ORG") is None


def test_a_co_owner_of_a_company_named_with_co_stays_a_person():
    # "Co" is a legal form only at the end of a company's name: the "co" of "co-owner" does
    # not make the owner a company (it did when ORG_WORDS took every legal form)
    labels = labels_of(analyze(
        "The new taproom in Dunmore Beach will open in June, Tomas Brell said. \u201cThe permit should "
        "have come months ago,\u201d said Brell, co-owner of TeMo Brewing Co. in Dunmore, Maine. "
        "\u201cRent on an empty building adds up,\u201d Brell said."))
    assert labels.get("Tomas Brell") == "PERSON", labels

def test_a_police_unit_and_time_zones_are_common_noun_acronyms():
    # "a SWAT team", "(0840 GMT)": a kind of unit and a clock, no organisation.
    names = names_in("The ferry docked late, at 4:25 p.m. on the island (1155 GMT), the port said. "
                     "Officers from a SWAT team boarded it.")
    assert "SWAT" not in names and "GMT" not in names, names


def test_a_body_noun_before_an_office_is_no_name():
    # "Council Member Tova Rinn", "The Cabinet minister": the office's words, no body's name.
    names = names_in("“We cannot approve this,” Council Member Tova Rinn said before the vote. "
                     "The Cabinet minister told reporters the plan was sound.")
    assert "Council" not in names and "Cabinet" not in names, names
    assert "Tova Rinn" in names


def test_public_programmes_are_measures_not_bodies():
    # Medicare and National Insurance are a programme and a tax ("other" in the newsroom
    # gold), not organisations.
    labels = labels_of(analyze("The bill would cut Medicare spending, the Hollis Institute said. "
                               "The rise in National Insurance will cost workers £300 a year, "
                               "Ms Peller said.", layers=("entities",)))
    assert labels.get("Medicare") == "LAW" and labels.get("National Insurance") == "LAW", labels
    assert labels.get("Hollis Institute") == "ORG", labels


def test_a_state_abbreviation_written_with_its_dot_is_a_place_in_business_news():
    labels = labels_of(analyze("Halvex Inc said quarterly revenue rose and its shares gained 4% as "
                               "investors cheered. Headquartered in Orley, Mass., Halvex makes sensors.",
                               layers=("entities",)))
    assert labels.get("Mass.") == "GPE", labels


def test_a_name_before_a_participle_is_an_adjective():
    # "a US-led push", "an Earth-centered view": adjectives, as "pro-Blair" is (the newsroom
    # gold's convention); "a Japan-based firm" still names where the firm is.
    names = names_in("Estmark has resisted a US-led push for sanctions, the minister said, calling "
                     "the plan an Earth-centered view of trade.")
    assert "US" not in names and "Earth" not in names, names


def test_an_embassy_is_a_body_not_a_building():
    from newsprobe.layers.entities_labels import corrected_label
    text = "Reporters reached out to the Ruritanian Embassy in Oslo."
    start = text.index("Ruritanian Embassy")
    assert corrected_label(text, start, start + len("Ruritanian Embassy"), "FAC") == "ORG"


def test_a_report_or_a_show_named_as_such_is_a_work():
    # "the Global Water Report", "the Dana Kell Show": a publication and a programme (the
    # newsroom gold's "other"), not a body nor an event, even with its year.
    from newsprobe.layers.entities_labels import corrected_label

    def label(text, name, model_label):
        start = text.index(name)
        return corrected_label(text, start, start + len(name), model_label)

    assert label("He directed the Global Water Report.", "Global Water Report", "ORG") == "WORK_OF_ART"
    assert label("Its Global Water Report 2002 looks abroad.", "Global Water Report 2002", "ORG") == "WORK_OF_ART"
    assert label("A quote from the Dana Kell Show of July 16.", "Dana Kell Show", "ORG") == "WORK_OF_ART"
    assert label("Tickets for the Harbour Flower Show sold out.", "Harbour Flower Show", "EVENT") == "EVENT"


def test_downing_street_and_no_10_are_the_government():
    # The newsroom gold's convention: "No 10" and "Downing Street" are coreferent metonyms
    # of the British government (ORG), not a street or an event.
    from newsprobe.layers.entities_labels import corrected_label
    labels = labels_of(analyze("The plan was shelved after a long evening at Downing Street, an aide recalled.",
                               layers=("entities",)))
    assert labels.get("Downing Street") == "ORG", labels
    text = "She kept papers from her time in No 10."
    assert corrected_label(text, text.index("No 10"), text.index("No 10") + 5, "EVENT") == "ORG"



def test_a_named_storm_is_an_event():
    # "Typhoon X", "Hurricane X": the storm, not a person or a place, whatever the model says.
    a = analyze("Storm chasers tracked Hurricane Orlenna as it neared the coast, and Typhoon Kessi hit the islands.")
    labels = labels_of(a)
    assert labels.get("Hurricane Orlenna") == "EVENT" and labels.get("Typhoon Kessi") == "EVENT", labels
