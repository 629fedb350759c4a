"""Entities (newsprobe.layers.entities_context): a cluster's label from the evidence around its
mentions."""

from newsprobe import analyze

from entities_views import entity_named, labels_of


def test_country_recognised_by_its_ministry_and_demonym():
    a = analyze("Karsovia’s foreign ministry said the talks were over. A Karsovian diplomat agreed.")
    karsovia = entity_named(a, "Karsovia")
    assert karsovia.label == "GPE"


def test_a_demonym_and_its_country_are_told_apart():
    a = analyze("Iranian officials said Iran would reply. Russia said the talks had failed, and "
                "NATO said it would meet on Friday.")
    labels = {m.text: e.label for e in a.entities for m in e.mentions}
    assert labels.get("Iranian") == "NORP" and labels.get("Iran") == "GPE", labels
    assert labels.get("Russia") == "GPE" and labels.get("NATO") == "ORG", labels


def test_an_apposition_names_what_kind_of_thing_a_name_is():
    a = analyze("According to Zentrobase, the number of posts rose. On Monday Zentrobase, a "
                "not-for-profit search site, counted 400 posts. Zentrobase also found more.")
    labels = {e.label for e in a.entities if e.name == "Zentrobase"}
    assert labels == {"ORG"}, [(e.name, e.label) for e in a.entities]


def test_spacecraft_and_instruments_are_products():
    a = analyze("The comet was studied by the Halcyon orbiter and its small lander, Pebblo. "
                "But neither Halcyon nor Pebblo can look for life, and the Karrow Planet Finder "
                "telescope saw nothing.")
    texts = labels_of(a)
    assert texts.get("Halcyon") == "PRODUCT" and texts.get("Pebblo") == "PRODUCT", texts
    assert texts.get("Karrow Planet Finder") == "PRODUCT", texts


def test_a_team_is_known_by_its_players_and_its_plural_verb():
    a = analyze("Dunmore Rovers were struggling a year ago. Now Dunmore Rovers are ready to pay "
                "£20m for Ashcombe's striker Tomas Rell, and for Real Valdora defender Iker Sanz.")
    texts = labels_of(a)
    for club in ("Dunmore Rovers", "Ashcombe", "Real Valdora"):
        assert texts.get(club) == "ORG", (club, texts)
    assert texts.get("Iker Sanz") == "PERSON", texts


def test_a_place_word_gives_the_place_kind():
    a = analyze("The soldiers were found on the island of Maku. The prosecutor for St. Clair "
                "County said so.")
    texts = labels_of(a)
    assert texts.get("Maku") == "LOC", texts
    assert texts.get("St. Clair County") == "GPE", texts


def test_conjoined_names_share_their_kind():
    a = analyze("Moscow and Kiev rejected the plan on Monday. The court convicted Sharpe Hobbs. "
                "The judge will hear Hobbs and Riley again in August, when Hobbs and Riley return to court.")
    texts = labels_of(a)
    assert texts.get("Kiev") == "GPE", texts
    assert texts.get("Riley") == "PERSON" and texts.get("Hobbs") == "PERSON", texts


def test_a_town_said_to_lie_some_miles_from_another_is_a_town():
    a = analyze("Deputies found him in a Fenmore Lake apartment complex, officials said. Fenmore "
                "Lake is about 40 miles north of Tampa.")
    texts = labels_of(a)
    assert texts.get("Fenmore Lake") == "GPE", texts


def test_a_day_glossed_as_a_holiday_is_an_event():
    a = analyze("Crowds gathered at a Yom Kippurit event in Haifa. Yom Kippurit, or Remembrance "
                "Day, honours the fallen.")
    assert labels_of(a).get("Yom Kippurit") == "EVENT"


def test_a_probe_or_a_makers_aircraft_does_not_make_a_product():
    a = analyze("Special counsel Robert Mueller led the inquiry. The Mueller probe ended in March, "
                "Mueller said. Boeing said the Boeing aircraft was safe. Boeing added that tests "
                "went on.")
    texts = labels_of(a)
    assert texts.get("Mueller") == "PERSON" and texts.get("Robert Mueller") == "PERSON", texts
    assert texts.get("Boeing") == "ORG", texts


def test_a_modal_have_is_no_plural_verb():
    a = analyze("Coach Martin Feld needs a new liver. Feld, 44, will soon have to stop working. "
                "It is unclear what Feld may have done next.")
    assert {e.label for e in a.entities if e.name == "Martin Feld"} == {"PERSON"}


def test_a_club_named_in_full_makes_its_short_name_a_club():
    a = analyze("United made a bid on Monday. Athletic said they turned down an offer from "
                "Manchester United for the midfielder. United declined to comment.")
    assert {e.label for e in a.entities if e.name == "Manchester United"} == {"ORG"}


def test_a_known_country_is_a_place_though_the_model_calls_it_a_product():
    a = analyze("The minister said the talks had failed. And because we are being watched by the "
                "people of Cyprus, who want a result, I would invite the minister to speak publicly.",
                layers=("entities",))
    assert labels_of(a).get("Cyprus") == "GPE"


def test_a_known_city_is_a_place_though_the_model_calls_it_a_person():
    a = analyze("The offer was made in return for a ceasefire, but Moscow and Kiev both turned it down. "
                "The minister also withdrew claims by Kiev that drones had crossed the border.",
                layers=("entities",))
    kiev = entity_named(a, "Kiev")
    assert kiev.label == "GPE" and len(kiev.mentions) == 2


def test_a_country_name_that_is_a_persons_surname_stays_the_person():
    a = analyze("Michael Jordan scored forty points. Jordan said he was tired after the game.",
                layers=("entities",))
    jordan = entity_named(a, "Michael Jordan")
    assert jordan.label == "PERSON" and [m.text for m in jordan.mentions] == ["Michael Jordan", "Jordan"]


def test_a_name_said_of_with_she_is_a_person():
    a = analyze("The singer ended her relationship with Sonny Hall. Reps for both Celeste and Sonny "
                "declined to comment. It is a shame, because Celeste previously said she had "
                "experienced real love.", layers=("entities",))
    assert entity_named(a, "Celeste").label == "PERSON"


def test_towns_are_clubs_in_a_sports_report_but_places_elsewhere():
    a = analyze("According to a Portuguese outlet, Arsenal are about to sign the striker from Sporting "
                "CP. He only signed for Sporting last summer and scored 43 goals in the league. West "
                "Ham’s Edson Álvarez is also a target, while the club hope to topple Manchester City. "
                "The manager was asked about the game against Liverpool.", layers=("entities",))
    texts = labels_of(a)
    for club in ("Sporting CP", "Sporting", "West Ham", "Manchester City", "Liverpool"):
        assert texts.get(club) == "ORG", (club, texts)
    assert [m.text for m in entity_named(a, "Sporting CP").mentions] == ["Sporting CP", "Sporting"]
    assert texts.get("Edson Álvarez") == "PERSON"
    a = analyze("The mayor of Mexico City said the new metro line would open in May, and officials in "
                "Liverpool agreed to study it.", layers=("entities",))
    texts = labels_of(a)
    assert texts.get("Mexico City") == "GPE" and texts.get("Liverpool") == "GPE", texts


def test_a_one_word_person_named_as_where_things_happen_is_a_place():
    a = analyze("Officials in Lindholm did not confirm the report. “If Lindholm is serious, it knows "
                "where to find us,” the minister added.", layers=("entities",))
    assert labels_of(a).get("Lindholm") == "GPE"


def test_a_name_whose_data_is_cited_is_a_firm():
    a = analyze("Bloggers wrote about the releases 5,000 times, citing Quarkolo data, and the agency "
                "compared it with Quarkolo data on blog postings from last year.", layers=("entities",))
    assert labels_of(a).get("Quarkolo") == "ORG"


def test_a_pronoun_before_said_is_someone_else_and_an_acronym_is_no_person():
    a = analyze("When officers tried to take the man into custody, he refused to come out of his home, "
                "CMPD said. A SWAT team was called in. The CMPD chief said the standoff ended on Sunday.",
                layers=("entities",))
    texts = labels_of(a)
    assert texts.get("CMPD") == "ORG", texts
    assert texts.get("SWAT") in (None, "ORG"), texts


def test_company_evidence_and_two_names_joined_by_and():
    a = analyze("Holmes was convicted of defrauding investors. The Theranos founder made an attempt to "
                "flee, prosecutors said, and Defendant Holmes booked a flight to Mexico.",
                layers=("entities",))
    texts = labels_of(a)
    assert texts.get("Theranos") in (None, "ORG"), texts
    assert "Defendant Holmes" not in texts, texts
    a = analyze("Hedge fund manager Bill Ackman bet against the company. It is spending money to fight "
                "Ackman and Federal Trade Commission inquiry, Ackman said.", layers=("entities",))
    texts = labels_of(a)
    assert "Ackman and Federal Trade Commission" not in texts, texts
    assert texts.get("Federal Trade Commission") == "ORG", texts


def test_an_unknown_name_in_business_news_is_the_company_but_a_town_there_stays_a_place():
    a = analyze("Shares dive after Herbalife misses earnings. Hedge fund manager Bill Ackman's short bet "
                "against Herbalife may not have delivered the death blow he'd hoped for. But shares of "
                "the marketer were pummeled 11% after a quarterly earnings report. Herbalife, which uses "
                "a multilevel marketing business model, has been a punching bag for Ackman. Herbalife "
                "said it expects full-year earnings in the $6.17 to $6.32 per-share range, and the stock "
                "fell. The company will also open a plant in Kelbury, where investors met on Monday.",
                layers=("entities",))
    texts = labels_of(a)
    assert texts.get("Herbalife") == "ORG" and texts.get("Kelbury") == "GPE", texts


def test_a_role_before_a_full_name_or_a_coordinated_person_makes_a_person():
    sport = labels_of(analyze("Wolves fell behind when the visitors' defender Willy Boly fouled "
                              "Michail Antonio in midfield.", layers=("entities",)))
    assert sport.get("Willy Boly") == "PERSON", sport
    couples = labels_of(analyze("Niecy Nash and Jessica Betts were among the first couples to "
                                "arrive at the gala on Sunday.", layers=("entities",)))
    assert couples.get("Niecy Nash") == "PERSON", couples


def test_an_age_before_a_full_stop_makes_a_person():
    labels = labels_of(analyze("Niamh Roscoe and Jessica Pettifer were among the first couples to "
                               "arrive. The pair share daughters Hazel, 9, and Violet, 7.",
                               layers=("entities",)))
    assert labels.get("Violet") == "PERSON", labels


def test_a_name_before_premiere_or_a_role_on_it_is_a_work():
    labels = labels_of(analyze("The couple arrived at the Silver Lanes Tide premiere together. She "
                               "celebrated her nomination for her role on Harrowgate.",
                               layers=("entities",)))
    assert labels.get("Silver Lanes Tide") == "WORK_OF_ART", labels
    assert labels.get("Harrowgate") == "WORK_OF_ART", labels


def test_a_result_line_names_two_clubs():
    labels = labels_of(analyze(
        "Some of the weekend's results you might have missed.\n\nChelsea 0 – 1 Manchester City\n\n"
        "The visitors' midfielder scored the only goal of the "
        "match, and the league leaders kept their fifth clean sheet of the season. The home "
        "side's manager said the squad would respond.", layers=("entities",)))
    assert labels.get("Chelsea") == "ORG", labels


def test_states_and_provinces_are_places_whatever_the_model_says():
    a = analyze("Montana said it would appeal the ruling. Saskatchewan Premier Scott Moe said the "
                "province would wait, and Nunavut and Yukon voted against it.")
    texts = labels_of(a)
    for place in ("Montana", "Saskatchewan", "Nunavut", "Yukon"):
        assert texts.get(place) == "GPE", (place, texts)
    assert texts.get("Scott Moe") == "PERSON", texts



def test_a_name_the_model_calls_an_organisation_is_a_person_by_what_he_says():
    a = analyze("Ruben Amorim said his side had been unlucky. Amorim added that he would not resign.")
    texts = labels_of(a)
    assert texts.get("Ruben Amorim") == "PERSON" and texts.get("Amorim") == "PERSON", texts


def test_a_title_before_a_name_and_the_subjunctive_were_keep_a_person():
    a = analyze("Ford said Ontario was contemplating restricting electricity exports to the U.S. "
                "states of Michigan, New York, and Minnesota if President-elect Donald Trump were "
                "to impose tariffs. Trump has threatened to implement 25 percent tariffs.")
    texts = labels_of(a)
    assert texts.get("Donald Trump") == "PERSON" and texts.get("Trump") == "PERSON", texts


def test_apps_and_magazines_are_organisations_not_places():
    a = analyze("Selena Gomez has created a Threads account. Katy Perry is trying the app as well, "
                "and she later told Vanity Fair magazine that she liked it.")
    texts = labels_of(a)
    assert texts.get("Threads") == "ORG" and texts.get("Vanity Fair") == "ORG", texts


def test_an_outlet_that_reports_is_no_building():
    a = analyze("(The Center Square) – The plan passed on Friday, The Center Square reported.")
    assert set(labels_of(a).values()) == {"ORG"}, labels_of(a)


def test_a_noun_for_a_work_or_an_outlet_before_a_name_says_what_it_is():
    a = analyze("She starred in the film Oppenheimer last year. Later she told the magazine Vogue "
                "that she was happy. He discussed the book Trump wrote.")
    texts = labels_of(a)
    assert texts.get("Oppenheimer") == "WORK_OF_ART" and texts.get("Vogue") == "ORG", texts
    assert texts.get("Trump") != "WORK_OF_ART", texts    # the subject of its own clause


def test_a_work_noun_with_its_own_modifier_before_a_name_makes_it_a_work():
    # "disaster movie X", "the network's show X": the noun has a modifier or an owner, not
    # an article, before it; a title the model calls an event is a work there too.
    a = analyze("The channel aired a clip from disaster movie World War Omega during its report. "
                "Viewers compared it with the World War Omega trailer, which shows the same street.")
    assert labels_of(a).get("World War Omega") == "WORK_OF_ART", labels_of(a)
    b = analyze("It was reported live on the network’s show Dana Pell Tonight that the attackers had fled.")
    assert "PERSON" not in labels_of(b).values(), labels_of(b)
    c = analyze("Critics praised a new Cold War movie about two spies in a divided city.")
    assert labels_of(c).get("Cold War") == "EVENT", labels_of(c)     # a film about the event


def test_a_one_word_name_before_a_device_noun_is_a_product():
    # "Vantix smartphone", "Brelto computers": a product line, whatever the model says; a
    # body's name before the noun is the owner ("Talvane Party computers"), and so is a
    # person named in full elsewhere.
    a = analyze("Sales of the Vantix smartphone rose, Quorvex said. The company also sold more "
                "Brelto computers than a year ago.")
    texts = labels_of(a)
    for name in ("Vantix", "Brelto"):
        assert texts.get(name) == "PRODUCT", (name, texts)
    assert texts.get("Quorvex") != "PRODUCT", texts
    b = analyze("Hackers broke into Talvane Party computers last year, the Talvane Party said. "
                "Police seized the Hallow laptop after Jonas Hallow was charged.")
    assert "PRODUCT" not in labels_of(b).values(), labels_of(b)


def test_a_body_noun_right_before_a_name_makes_it_an_organisation():
    a = analyze("The claim was checked by the fact-checking charity Full Fact, which said it was false.")
    assert labels_of(a).get("Full Fact") == "ORG", labels_of(a)
    b = analyze("The company Tom Smith founded in 2009 said it would raise prices.")
    assert labels_of(b).get("Tom Smith") == "PERSON", labels_of(b)


def test_a_town_the_model_calls_a_person_is_a_place():
    labels = labels_of(analyze("Lena Wakely met Norwich residents on Friday."))
    assert labels.get("Norwich") == "GPE", labels


def test_a_towns_club_and_a_person_named_like_a_town_keep_their_labels():
    labels = labels_of(analyze("Swindon were beaten 2-1 by Exeter on Saturday. The striker scored "
                               "twice in the match, the manager said after the game."))
    assert labels.get("Swindon") == "ORG", labels
    labels = labels_of(analyze("The coach praised Madison Torvik. Fans cheered for Madison as the "
                               "final ended."))
    assert labels.get("Madison") == "PERSON", labels


def test_a_person_named_in_full_stays_a_person_after_at_or_in():
    # "lashing out at Varnholt", "anger in Varnholt": a person is also what "at" and "in" take.
    a = analyze("Prime Minister Alec Varnholt spoke in Lindholm. Brisk is lashing out at Varnholt over "
                "the tax. The decision provoked anger in Varnholt. Golf fans are angry at Hollis, "
                "and Mike Hollis has announced he will step down.", layers=("entities",))
    texts = labels_of(a)
    assert texts.get("Varnholt") == "PERSON" and texts.get("Alec Varnholt") == "PERSON", texts
    assert texts.get("Hollis") == "PERSON", texts


def test_what_a_person_works_at_is_no_person():
    # A job noun before "at", "with" or "of" takes the body the person works for.
    a = analyze("Mira Talvik, principal researcher at Corran Hall, says the project began in May. "
                "Robert Wessel, a lawyer with Halden Pryce in Lindholm, said disputes were common. "
                "Ross Kettle, founder and president of Brookside Brewery, said sales fell.",
                layers=("entities",))
    texts = labels_of(a)
    assert texts.get("Corran Hall") == "ORG" and texts.get("Halden Pryce") == "ORG", texts
    assert texts.get("Brookside Brewery") == "ORG", texts
    assert texts.get("Mira Talvik") == "PERSON" and texts.get("Ross Kettle") == "PERSON", texts


def test_a_name_with_the_or_which_is_no_person():
    a = analyze("The Rovers signed Teo Marrick from the Orlando Magic in 2017. The ads came from "
                "the conservative Lindholm Forward, which drew heavy traffic on Facebook.", layers=("entities",))
    texts = labels_of(a)
    assert texts.get("Orlando Magic") == "ORG" and texts.get("Lindholm Forward") == "ORG", texts
    assert texts.get("Teo Marrick") == "PERSON", texts


def test_a_person_after_the_and_a_role_stays_a_person():
    a = analyze("The programme recovered after bad notices for the satirist Jonas Stenberg in 2006.",
                layers=("entities",))
    assert labels_of(a).get("Jonas Stenberg") == "PERSON", labels_of(a)


def test_a_town_the_model_calls_an_organisation_is_a_place_where_written_as_one():
    a = analyze("From the city police: A man was charged after he was arrested yesterday in Dartmouth. "
                "The 19-year-old Dartmouth man is accused of carrying a knife. He is due to appear "
                "in Dartmouth Provincial Court this week.", layers=("entities",))
    assert labels_of(a).get("Dartmouth") == "GPE", labels_of(a)


def test_a_headline_in_colon_name_is_no_place():
    a = analyze("The Verdict Is In: Obama To Nominate Regina Okafor\n\nObama will name the "
                "surgeon general on Monday, officials said. Obama praised her work.", layers=("entities",))
    assert labels_of(a).get("Obama") == "PERSON", labels_of(a)


def test_names_listed_under_a_kind_take_that_kind():
    a = analyze("The park houses the offices of foreign companies including Brantia Holt, "
                "Pernod Ricard, Velmora Tessin, Dow Chemical and SAP. Players such as Tomas Brekke "
                "and Caleb Varn were traded.", layers=("entities",))
    texts = labels_of(a)
    assert all(texts.get(n) == "ORG" for n in ("Velmora Tessin", "Brantia Holt", "Pernod Ricard")), texts
    assert texts.get("Tomas Brekke") == "PERSON" and texts.get("Caleb Varn") == "PERSON", texts


def test_a_full_name_called_by_its_surname_with_a_personal_pronoun_is_a_person():
    # The small model calls both full names ORG; the surname alone followed by "herself" or
    # "she" says who they are.
    a = analyze("For Morgan Brackley in Regina, the news came a month before her birthday. "
                "After the diagnosis, Brackley found herself without work.")
    assert labels_of(a).get("Morgan Brackley") == "PERSON", labels_of(a)
    b = analyze("Amanda Velloso pulled off a surprising win on Saturday. Afterwards Velloso "
                "thanked her coach and her family.")
    assert labels_of(b).get("Amanda Velloso") == "PERSON", labels_of(b)


def test_a_company_called_by_one_word_of_its_name_stays_a_company():
    a = analyze("Halvorsen Kray shares fell 3% on Monday. Kray said the company would cut its "
                "dividend, and Kray said it would sell a plant.")
    assert labels_of(a).get("Halvorsen Kray") == "ORG", labels_of(a)


def test_a_full_name_whose_surname_takes_who_is_a_person():
    a = analyze("Logan Pereault and Melker Stam each had two goals. Pereault, who signed in July, "
                "scored first.")
    assert labels_of(a).get("Logan Pereault") == "PERSON", labels_of(a)


def test_a_company_named_like_a_person_with_its_legal_form_is_a_company():
    a = analyze("The drivetrain comes from Robert Halvard GmbH, and the lights from Harriet Lund Corp.")
    assert labels_of(a).get("Robert Halvard GmbH") == "ORG", labels_of(a)


def test_a_single_name_taken_up_by_he_more_than_once_is_a_person():
    a = analyze("Taviska joined the team in July. Taviska made his debut on Friday, and Taviska "
                "scored his first goal.")
    assert labels_of(a).get("Taviska") == "PERSON", labels_of(a)


def test_a_full_name_in_apposition_to_a_persons_role_is_a_person():
    # "the ambassador to X, Ivo Dalmer," and "his chief of staff Morgan McSwain": the name is
    # the role's holder, a person, whatever label the small model gives it.
    a = analyze("Karsovia's ambassador to NATO, Ivo Dalmer, would only say: \"We are ready.\" "
                "The move shows the prime minister's reliance on his chief of staff Morgan McSwain.")
    labels = labels_of(a)
    assert labels.get("Ivo Dalmer") == "PERSON" and labels.get("Morgan McSwain") == "PERSON", labels


def test_an_age_before_a_name_makes_it_a_person():
    a = analyze("The gunman shot 63-year-old Morgan McTavish in the hallway, police said.")
    assert labels_of(a).get("Morgan McTavish") == "PERSON", labels_of(a)


def test_a_titled_person_with_which_after_stays_a_person():
    # "which" belongs to the government, not to the titled president named before it.
    a = analyze("Ministers discussed sanctions against the government of Karsovian President "
                "Bashir al-Varan, which is also subject to sanctions.")
    assert labels_of(a).get("Bashir al-Varan") == "PERSON", labels_of(a)


def test_a_full_name_written_twice_as_a_place_joins_the_person_called_by_the_given_name():
    # "Madison Kerrow" (the model's FAC, twice) and "Madison" said three times as a person.
    a = analyze("Alex Rane Denies Calling Madison Kerrow After Break-Up: 'Made Up'\n\n"
                "Alex Rane insisted that he never tried to call Madison Kerrow after the "
                "break-up.\n\nMadison dismissed the rumours as well. Talking to reporters, "
                "she said little. A magazine claimed that Alex had called Madison. Madison "
                "later denied it.")
    labels = labels_of(a)
    assert labels.get("Madison Kerrow") == "PERSON" and labels.get("Madison") == "PERSON", labels


def test_a_name_before_area_or_subdivision_is_a_place_not_a_town():
    # "the Verdan Place subdivision", "the Marko Khel area": a non-political place (LOC),
    # not a body nor a town.
    labels = labels_of(analyze("Deputies found the stolen van in the Verdan Place subdivision near "
                               "the river. A bus crashed in the Marko Khel area of Dasht "
                               "district on Monday.", layers=("entities",)))
    assert labels.get("Verdan Place") == "LOC" and labels.get("Marko Khel") == "LOC", labels


def test_a_name_placed_in_a_state_or_country_is_a_town():
    # "in Cedar Glen, Texas,": the text says where the name lies, so it is a town, not a
    # building (the model's FAC).
    labels = labels_of(analyze("The tests were run by Dorin Halvic of Lexatox Inc., in Cedar Glen, Texas, "
                               "and Miro Stanek of the University of Varnholt.", layers=("entities",)))
    assert labels.get("Cedar Glen") == "GPE", labels
    assert labels.get("Dorin Halvic") == "PERSON" and labels.get("Lexatox Inc.") == "ORG", labels


def test_a_hyphenated_surname_coordinated_with_a_person_is_a_person():
    # One word in the text, two name tokens: the model's ORG "Ebbing-Lowe" beside "Tara Vell".
    a = analyze("Tara Vell and Ebbing-Lowe gave no reason for opposing the harbour plan at the council session.",
                layers=("entities",))
    assert labels_of(a).get("Ebbing-Lowe") == "PERSON"


def test_in_a_sports_report_the_town_a_player_comes_from_is_his_club():
    # The parser hangs the second "from Lorient" on the player, not on "signed".
    a = analyze("The Blues have already signed Tom Vessey from Ipswich and Ade Bamba from Lorient, having "
                "agreed a deal for the defender. The squad needs a goalkeeper before the season.",
                layers=("entities",))
    labels = labels_of(a)
    assert labels.get("Ipswich") == "ORG" and labels.get("Lorient") == "ORG"
    assert labels.get("Ade Bamba") == "PERSON"


def test_in_a_sports_report_a_town_with_its_manager_or_beaten_in_a_match_is_its_club():
    a = analyze("Millbrook were delighted with a 3-1 win over Preston in the league on Saturday. Preston "
                "manager Paul Danvers said his squad had played well. Last season Millbrook failed to "
                "beat Oldham or Rochdale, and the club's fans noticed.", layers=("entities",))
    labels = labels_of(a)
    assert labels.get("Preston") == "ORG", labels
    assert labels.get("Rochdale") == "ORG", labels            # coordinated with the beaten side
    assert labels.get("Paul Danvers") == "PERSON", labels


def test_a_two_word_name_opening_with_a_given_name_a_person_bears_is_a_person():
    a = analyze("Late in the match Kieran Walsh had a header saved, and a shot from Kieran Hale went wide "
                "of the post.", layers=("entities",))
    labels = labels_of(a)
    assert labels.get("Kieran Hale") == "PERSON" and labels.get("Kieran Walsh") == "PERSON", labels


def test_a_town_placed_in_a_state_before_based_is_no_company_in_business_news():
    a = analyze("Shares of Kestrel Oil rose after quarterly profit beat analysts' forecasts. Sales at the "
                "Addison, Texas-based company rose 12 percent, and earnings per share climbed, the "
                "company said.", layers=("entities",))
    assert labels_of(a).get("Addison") == "GPE", labels_of(a)


def test_a_country_the_model_calls_a_region_is_a_state():
    from newsprobe.layers.entities_context import mark_known_places
    from newsprobe.layers.entities_names import Cluster
    from newsprobe.model import Span
    text = "Envoys from Burkina Faso arrived on Friday."
    cluster = Cluster("place")
    cluster.add(Span.of(text, 12, 24), "LOC")
    mark_known_places(None, [cluster])
    assert cluster.label == "GPE"


def _listed_labels(text, labels):
    """relabel_by_context over hand-made clusters, one per name in `labels`."""
    from newsprobe.layers.entities_context import relabel_by_context
    from newsprobe.layers.entities_names import Cluster
    from newsprobe.layers.entities_words import LABEL_GROUPS
    from newsprobe.model import Span
    from newsprobe.parse import load_pipeline
    doc = load_pipeline()(text)
    clusters = []
    for name, label in labels.items():
        cluster = Cluster(LABEL_GROUPS.get(label, label.lower()))
        start = text.index(name)
        cluster.add(Span.of(text, start, start + len(name)), label)
        clusters.append(cluster)
    relabel_by_context(doc, text, clusters)
    return {c.name: c.label for c in clusters}


def test_names_listed_before_a_plural_kind_of_firm_beside_a_firm_are_firms():
    labels = _listed_labels("Shares of Orla, Skyreach and Westbound airlines slid on Monday.",
                            {"Orla": "NORP", "Skyreach": "ORG", "Westbound": "LOC"})
    assert labels == {"Orla": "ORG", "Skyreach": "ORG", "Westbound": "ORG"}, labels


def test_nationalities_before_a_plural_kind_of_firm_stay_nationalities():
    labels = _listed_labels("Japanese and Korean carmakers sold more cars last year.",
                            {"Japanese": "NORP", "Korean": "NORP"})
    assert labels == {"Japanese": "NORP", "Korean": "NORP"}, labels


def test_a_name_written_once_beside_a_street_is_a_place_not_a_person():
    a = analyze("Officers were sent to Fenwick Meadows and Bridge Street in Ludlow shortly after midnight.",
                layers=("entities",))
    labels = labels_of(a)
    assert labels.get("Fenwick Meadows") == "FAC" and labels.get("Bridge Street") == "FAC", labels
