"""Entities (newsprobe.layers.entities_spans): mention spans: each model mention trimmed to its
name, names cut in pieces put back together."""

from newsprobe import analyze

from entities_views import entity_named, labels_of, mentions_of


def test_title_is_not_part_of_the_name():
    a = analyze("Councillor Rowan Pike argued that the budget was wrong. Pike said so twice.")
    pike = entity_named(a, "Rowan Pike")
    assert pike.label == "PERSON" and len(pike.mentions) == 2


def test_royal_styles_are_people():
    a = analyze("A friend said the Duke of Cambridge was furious and the Prince of Wales was silent.")
    texts = labels_of(a)
    assert texts.get("Prince of Wales") == "PERSON", texts
    assert texts.get("Duke of Cambridge") == "PERSON", texts
    assert "Cambridge" not in texts and "Wales" not in texts, texts


def test_a_quoted_programme_title_is_one_work_not_a_person():
    a = analyze("“We will wait,” he said on the “Weekend Questions with Dana Kell” program.")
    texts = labels_of(a)
    assert "Dana Kell" not in texts, texts
    assert texts.get("Weekend Questions with Dana Kell") == "WORK_OF_ART", texts


def test_two_names_joined_by_and_are_two_entities():
    a = analyze("The jury returned guilty verdicts against Hobbs and Riley. Sharpe Hobbs will appeal.")
    texts = labels_of(a)
    assert texts.get("Riley") == "PERSON" and texts.get("Hobbs") == "PERSON", texts


def test_a_group_named_for_its_cause_is_one_organisation():
    a = analyze("Ohioans for Fair Maps has spent $2 million, and the outreach of Ohioans for Fair "
                "Maps grew.")
    texts = labels_of(a)
    assert texts.get("Ohioans for Fair Maps") == "ORG", texts
    assert "Ohioans" not in texts, texts


def test_a_byline_is_the_writer_and_the_outlet():
    a = analyze("Staff deny they wrote the piece.\n\nBy Dana Kell New York Times\n\nWASHINGTON - "
                "The New York Times ran the essay. The Times said it stood by it.")
    names = mentions_of(a)
    assert names.get("Dana Kell") == ["Dana Kell"], names
    assert names.get("New York Times") == ["New York Times", "New York Times", "Times"], names


def test_club_marks_and_a_countrys_army_are_organisations():
    a = analyze("Sporting CP's Tomas Rell scored twice, the paper says. Mike Dorn, who "
                "speaks for the US Army Garrison Hawaii, said the base was open.")
    texts = labels_of(a)
    assert texts.get("Sporting CP") == "ORG", texts
    assert texts.get("US Army Garrison Hawaii") == "ORG" and "US" not in texts, texts


def test_a_company_named_a_and_b_stays_one_name():
    a = analyze("Procter and Gamble said sales rose. Shares in Procter and Gamble fell.")
    texts = labels_of(a)
    assert texts.get("Procter and Gamble") == "ORG", texts


def test_a_surname_the_model_leaves_out_of_the_full_name_is_put_back():
    a = analyze("Tanzanian President Samia Suluhu Hassan will visit China next week. President Hassan "
                "will meet the premier, and Hassan will attend a banquet.", layers=("entities",))
    hassan = entity_named(a, "Samia Suluhu Hassan")
    assert [m.text for m in hassan.mentions] == ["Samia Suluhu Hassan", "Hassan", "Hassan"]


def test_a_name_glued_to_a_common_word_is_the_name_but_a_demonym_is_not_cut():
    a = analyze("The offer came two weeks after Vantelcomade an unsolicited bid. In rejecting the "
                "Vantelco offer, the board put the company in play. Israelis and Palestinians watched.",
                layers=("entities",))
    texts = labels_of(a)
    assert "Vantelco" in texts and not any(t.startswith("Vantelcomade") for t in texts), texts
    assert "Israel" not in texts


def test_a_prize_is_named_whole_and_the_home_of_a_name_is_a_persons():
    a = analyze("The singer has just been nominated for the Mercury Prize for her debut album. "
                "Deputies responded to a disturbance at the home of Saal on Saturday.",
                layers=("entities",))
    texts = labels_of(a)
    assert texts.get("Mercury Prize") == "EVENT" and "Mercury" not in texts, texts
    assert texts.get("Saal") == "PERSON", texts


def test_a_photo_credit_is_the_agency_then_the_photographer():
    a = analyze("Angela Rayner used a speech in parliament today.\n\n© UK Parliament/Jessica Taylor\n\n"
                "Labour’s deputy leader was granted an urgent question.", layers=("entities",))
    texts = labels_of(a)
    assert texts.get("UK Parliament") == "ORG" and texts.get("Jessica Taylor") == "PERSON", texts


def test_an_owner_run_into_the_person_it_owns_is_split():
    a = analyze("Neighbors told Channel 9′s Glenn Counts that they were frustrated with the situation.",
                layers=("entities",))
    texts = labels_of(a)
    assert texts.get("Glenn Counts") == "PERSON" and not any("′s" in t for t in texts), texts


def test_a_name_ending_in_a_word_is_not_cut_when_the_word_is_no_glued_function_word():
    a = analyze("Lab and Con candidates met in Rochdale, our reporter says. The MP was expelled from "
                "Labour in January, and Labour withdrew its support.", layers=("entities",))
    assert "Labour" in labels_of(a) and "Lab" not in [m.text for e in a.entities for m in e.mentions
                                                      if m.start > 20]


def test_numbered_bills_are_found_whole_as_laws():
    a = analyze("Gov. Greg Abbott signed Senate Bill 31 and House Bill 20, and vetoed SB 18 on Saturday.")
    texts = labels_of(a)
    for bill in ("Senate Bill 31", "House Bill 20", "SB 18"):
        assert texts.get(bill) == "LAW", (bill, texts)
    assert "Senate" not in texts and "Bill 31" not in texts, texts


def test_a_word_glued_to_the_end_of_a_longer_name_is_cut_off():
    a = analyze("The Wall Street Journalreported the deal on Monday. Analysts at the bank were surprised.")
    assert "Wall Street Journal" in labels_of(a), labels_of(a)


def test_a_capitalised_dateline_is_a_place_not_the_subject_it_opens():
    # The model took the dateline for the subject of "was sentenced" (a person) or for a body.
    a = analyze("ALDERTON, Va. – Tom Rask, a former aide, was sentenced on Thursday. He wore a shirt "
                "marked \"Alderton inmate.\" Rask said little.")
    texts = labels_of(a)
    assert texts.get("ALDERTON") == "GPE" and texts.get("Alderton") == "GPE", texts
    b = analyze("WELLSBURY, Del. (CBS) – Police in Newark are expected to release details on Monday.")
    assert labels_of(b).get("WELLSBURY") == "GPE", labels_of(b)


def test_a_dateline_glued_to_the_opening_quote_is_cut_from_the_name_after_it():
    a = analyze("Council Hails New Chief\n\nALBANY—“Vexo has chosen well,” said Mara Quill, head of the "
                "council.")
    texts = labels_of(a)
    assert texts.get("ALBANY") == "GPE", texts
    assert not any("—" in t for t in texts), texts


def test_a_wire_item_dateline_later_in_a_roundup_is_a_place():
    a = analyze("First item\n\nWASHINGTON (AP) — The senator spoke.\n\nMore words here.\n\nAnd more.\n\n"
                "Still more.\n\nAnd the last.\n\nSecond item\n\nDELMONT (AP) — Prosecutors in the city say "
                "a man appeared in court.")
    assert labels_of(a).get("DELMONT") == "GPE", labels_of(a)


def test_a_club_named_by_its_club_word_and_town_is_one_organisation():
    a = analyze("FC Cincinnati beat the visitors 2-1 on Saturday. Cincinnati coach Pat Noonan said his "
                "side played well. Inter Miami signed the striker last week.")
    texts = labels_of(a)
    assert texts.get("FC Cincinnati") == "ORG" and texts.get("Inter Miami") == "ORG", texts
    assert texts.get("Cincinnati") == "ORG", texts      # the club's short form, not the city


def test_a_name_in_a_headline_of_capitals_is_the_person_the_story_names():
    a = analyze("LIONEL MESSI SCORES AGAIN\n\nLionel Messi scored twice on Sunday, the club said.")
    texts = labels_of(a)
    assert texts.get("LIONEL MESSI") == "PERSON" and texts.get("Messi") == "PERSON", texts
    assert "LIONEL MESSI SCORES" not in texts, texts


def test_two_names_the_model_runs_across_a_colon_are_two():
    a = analyze("The reform was rejected by the two opposition groups represented in the National Assembly: "
                "the Tsarvan Bloc and the Yelt alliance.\nDeputies from the Tsarvan Bloc walked out in protest.")
    texts = labels_of(a)
    assert "National Assembly" in texts and "Tsarvan Bloc" in texts, texts
    assert not any(":" in t for t in texts), texts


def test_a_photo_credit_with_spaces_is_the_photographer_then_the_agency():
    a = analyze("The mayor opened the bridge on Friday.\n\n(Dara Velick / The Canadian Press)\n\n"
                "Crowds lined the banks. Ilse Marnow / AP\n\nThe bridge cost 40 million dollars.",
                layers=("entities",))
    texts = labels_of(a)
    assert texts.get("Dara Velick") == "PERSON" and texts.get("Ilse Marnow") == "PERSON", texts
    assert texts.get("AP") == "ORG", texts
    assert not any("/" in t for t in texts), texts


def test_a_role_noun_opening_the_sentence_is_not_part_of_the_name():
    a = analyze("The shelter opened in May.\nOlympian Adam Van Doorne came to Halifax in 2016. "
                "Comedian Ellen Vorster said she was glad to help.", layers=("entities",))
    texts = labels_of(a)
    assert texts.get("Adam Van Doorne") == "PERSON" and texts.get("Ellen Vorster") == "PERSON", texts


def test_a_degree_after_a_persons_name_is_no_place():
    a = analyze("Regina Okafor, MD, said the plan would work. Tomas Brenner, PhD, agreed.",
                layers=("entities",))
    texts = labels_of(a)
    assert "MD" not in texts and "PhD" not in texts, texts


def test_a_wire_dateline_of_two_cities_and_a_date_gives_two_places():
    a = analyze("Ministers weigh new sanctions\nBRUSSELS/PARIS March 28 (Reuters)\n\nEuropean Union "
                "ambassadors discussed possible sanctions in Brussels on Wednesday, diplomats said.")
    labels = labels_of(a)
    assert labels.get("BRUSSELS") == "GPE" and labels.get("PARIS") == "GPE", labels
    assert labels.get("Brussels") == "GPE", labels
    assert not any("March" in name for name in labels), labels


def test_a_side_and_the_ground_it_plays_at_are_two_names():
    a = analyze("Millbrook drew 1-1 with Bolton in the league, their third draw of the season. The "
                "visitors almost won against Millbrook at Kelso Moor, where Millbrook last lost in 2009.",
                layers=("entities",))
    labels = labels_of(a)
    assert "Millbrook at Kelso Moor" not in labels, labels
    assert labels.get("Kelso Moor") == "FAC" and labels.get("Millbrook") != "WORK_OF_ART", labels


def test_two_bodies_joined_by_a_slash_in_a_sentence_are_no_photo_credit():
    a = analyze("Estimates compiled by Harlan Capital/Kestrel Financial had pointed to a small loss for "
                "the group.", layers=("entities",))
    labels = labels_of(a)
    assert labels.get("Kestrel Financial") == "ORG" and labels.get("Harlan Capital") == "ORG", labels


def test_an_acronym_after_a_clock_time_is_a_time_zone():
    a = analyze("The truce was due to take effect at 0930 IST on Friday, Egypt said. It was confirmed at "
                "2145 IST.", layers=("entities",))
    texts = set(labels_of(a))
    assert "IST" not in texts and "Egypt" in texts, texts


def test_a_body_named_on_its_own_before_a_possessive_owns_the_institute_after_it():
    from newsprobe.layers.entities_spans import name_pieces
    text = ("Trials ran at Brockton Clinic. The lead author works at Brockton Clinic’s Kessler "
            "Research Institute.")
    start = text.index("Brockton Clinic’s")
    end = text.index(" Institute") + len(" Institute")
    pieces = [(text[a:b], label) for a, b, label in name_pieces(text, start, end, "ORG")]
    assert pieces == [("Brockton Clinic", "ORG"), ("Kessler Research Institute", "ORG")], pieces
    lone = "She trained at King’s College Hospital in London."
    a, b = lone.index("King"), lone.index(" in London")
    assert [(lone[x:y]) for x, y, _ in name_pieces(lone, a, b, "ORG")] == ["King’s College Hospital"]


def test_an_office_and_its_field_in_an_apposition_is_no_body():
    a = analyze("“The result surprised us,” says lead author Dr. Ana Ruiz, Head of Cardiology at Brockton "
                "Clinic, in a statement.", layers=("entities",))
    texts = set(labels_of(a))
    assert "Head" not in texts and "Ana Ruiz" in texts, texts
