"""Entities (newsprobe.layers.entities_names): name forms: spelling variants, surnames, given
names and short forms of one referent."""

from newsprobe import analyze

from entities_views import entity_named, labels_of, mentions_of


def test_spelling_variants_and_a_typo_are_one_entity_named_by_the_fullest_form():
    a = analyze("President Volodymyr Zelensky spoke in Kyiv on Monday. Zelenskyy said the talks "
                "would go on. Later, Zelenksy met the mayor.")
    zelensky = entity_named(a, "Volodymyr Zelensky")
    assert {"Zelenskyy", "Zelenksy"} <= set(zelensky.aliases)
    assert len(zelensky.mentions) == 3


def test_bare_surname_joins_the_titled_full_name():
    a = analyze("Defence Minister Sergei Shoigu visited the front. Shoigu said the army was ready.")
    shoigu = entity_named(a, "Sergei Shoigu")
    assert [m.text for m in shoigu.mentions] == ["Sergei Shoigu", "Shoigu"]


def test_a_first_name_or_a_surname_first_name_joins_the_full_name():
    a = analyze("Foreign Ministry spokesperson Lu Kang spoke on Tuesday. Lu said the talks would go on. "
                "Singer Madison Ferrow arrived later. Madison said she was tired.")
    assert len(entity_named(a, "Lu Kang").mentions) == 2
    assert len(entity_named(a, "Madison Ferrow").mentions) == 2


def test_a_place_is_not_merged_into_a_person_with_a_similar_surname():
    a = analyze("Professor Ivo Wallis spoke at the astronomy meeting in Wales on Monday. "
                "Wallis said the data were thin.")
    wallis = entity_named(a, "Ivo Wallis")
    assert "Wales" not in [m.text for m in wallis.mentions]


def test_the_end_of_an_organisations_name_is_that_organisation():
    a = analyze("The Washington Post first reported the talks. The Post said four officials "
                "confirmed them.")
    assert mentions_of(a).get("Washington Post") == ["Washington Post", "Post"]


def test_a_dotted_acronym_joins_the_full_name():
    a = analyze("The United States said the talks had failed. U.S. officials left Geneva on Monday.")
    assert mentions_of(a).get("United States") == ["United States", "U.S."]


def test_title_surname_and_full_name_are_one_person():
    a = analyze("Dr Jane Okafor, a virologist at the hospital, said the results were clear. Dr Okafor "
                "added that more tests would follow. Okafor said the data was published on Monday.",
                layers=("entities",))
    okafor = entity_named(a, "Jane Okafor")
    assert okafor.label == "PERSON" and len(okafor.mentions) == 3
    assert not any(m.text.startswith("Dr") for m in okafor.mentions)


def test_a_first_name_joins_its_person_but_a_shared_surname_does_not_merge_two_people():
    a = analyze("Former prime minister Gordon Brown and his wife Sarah Brown attended the dinner. "
                "Gordon said the evening raised money, and Sarah Brown thanked the guests.",
                layers=("entities",))
    gordon, sarah = entity_named(a, "Gordon Brown"), entity_named(a, "Sarah Brown")
    assert "Gordon" in [m.text for m in gordon.mentions]
    assert gordon is not sarah and not {m.start for m in gordon.mentions} & {m.start for m in sarah.mentions}


def test_a_shared_first_name_does_not_merge_two_people():
    a = analyze("Vice President Mike Pence met Secretary of State Mike Pompeo on Tuesday. Pence said "
                "the talks went well. Pompeo declined to comment.", layers=("entities",))
    assert [m.text for m in entity_named(a, "Mike Pence").mentions] == ["Mike Pence", "Pence"]
    assert [m.text for m in entity_named(a, "Mike Pompeo").mentions] == ["Mike Pompeo", "Pompeo"]


def test_a_surname_first_name_joins_by_its_family_name():
    a = analyze("Foreign Ministry spokesperson Mao Ning told reporters on Monday that China opposed the "
                "move. Mao said the ministry would respond.", layers=("entities",))
    assert [m.text for m in entity_named(a, "Mao Ning").mentions] == ["Mao Ning", "Mao"]


def test_a_hyphenated_surname_the_model_calls_an_organisation_joins_its_person():
    a = analyze("Labour MP Rachel Reeves and Conservative MP Jacob Rees-Mogg clashed on Sunday. Reeves "
                "said the budget was wrong, while Rees-Mogg defended it.", layers=("entities",))
    assert [m.text for m in entity_named(a, "Jacob Rees-Mogg").mentions] == ["Jacob Rees-Mogg", "Rees-Mogg"]


def test_a_given_name_the_model_calls_a_group_joins_its_person_and_a_lowercase_lead_is_dropped():
    a = analyze("Have you heard about the revelations about momager Kris Jenner in her interview? Kris "
                "is furious about it, a source claims, and Kris has been reading the comments.",
                layers=("entities",))
    jenner = entity_named(a, "Kris Jenner")
    assert jenner.label == "PERSON" and all(m.text in ("Kris Jenner", "Kris") for m in jenner.mentions)


def test_an_outlets_short_name_is_the_outlet_unless_a_person_has_that_surname():
    a = analyze("Dr. Phil has incurred the wrath of the host, the National Enquirer reports. A show "
                "source told the Enquirer that the host warned him before.", layers=("entities",))
    assert {e.label for e in a.entities if "Enquirer" in e.name} == {"ORG"}
    assert not [e for e in a.entities if e.name == "Enquirer"]


def test_a_bare_surname_does_not_bridge_two_relatives_into_one_person():
    # "Dawson" belongs to Hugh Dawson; his children share the surname but are other people.
    a = analyze("Hugh Dawson said on Sunday he was happy. Dawson told reporters the film was a "
                "success. Dawson and his former wife share two children, Oscar Maximilian Dawson "
                "and Ava Dawson.", layers=("entities",))
    people = mentions_of(a)
    assert people.get("Hugh Dawson") == ["Hugh Dawson", "Dawson", "Dawson"], people
    assert "Oscar Maximilian Dawson" in people and "Ava Dawson" in people, people


def test_a_given_name_the_model_took_for_a_place_is_the_person():
    a = analyze("The board chose Virginia Halden as its new chief executive. Virginia is also a role "
                "model for young engineers, the chairman said.")
    assert mentions_of(a).get("Virginia Halden") == ["Virginia Halden", "Virginia"], mentions_of(a)
    b = analyze("The board met in Virginia. Virginia Halden was chosen as chief executive there.")
    assert labels_of(b).get("Virginia") == "GPE", labels_of(b)      # written as a place


def test_an_alias_the_text_introduces_is_the_person():
    a = analyze("Prosecutors said Mark Vartan, known as Kolypto, appeared in court on Tuesday. Vartan "
                "faces a fraud charge.")
    assert "Kolypto" in entity_named(a, "Mark Vartan").aliases, mentions_of(a)


def test_surnames_of_a_cluster_equal_the_last_name_tokens_of_its_forms_as_forms_grow():
    from newsprobe.layers.entities_names import Cluster, _SurnamesOf, name_tokens
    from newsprobe.model import Span

    text = "Dr. Mara Quill-Henning met Mara. Then Quill spoke."
    cluster = Cluster("person")
    surnames_of = _SurnamesOf()

    def direct():
        return {name_tokens(f)[-1] for f in cluster.forms if name_tokens(f)}

    cluster.add(Span.of(text, 4, 22), "PERSON")
    assert surnames_of(cluster) == direct() == {"henning"}
    cluster.add(Span.of(text, 27, 31), "PERSON")
    assert surnames_of(cluster) == direct() == {"henning", "mara"}
    cluster.add(Span.of(text, 27, 31), "PERSON")    # a form seen again: the same set
    assert surnames_of(cluster) == direct()


def test_a_surname_of_two_words_joins_the_full_name():
    # "Al Haddad", "Van Doorne", "Marsh-Keller": the last two words of the full name are the
    # surname; its first word is no given name that differs.
    a = analyze("The student Nadia Al Haddad moved to Halifax in 2016. Al Haddad said the winters were long. "
                "Then Adam Van Doorne spoke. Van Doorne said he would stand. "
                "The minister, Jody Marsh-Keller, resigned. Marsh-Keller declined to comment.")
    assert len(entity_named(a, "Nadia Al Haddad").mentions) == 2, mentions_of(a)
    assert len(entity_named(a, "Adam Van Doorne").mentions) == 2, mentions_of(a)
    assert len(entity_named(a, "Jody Marsh-Keller").mentions) == 2, mentions_of(a)


def test_a_company_called_by_its_name_without_its_legal_form_is_the_company():
    # "Varnex Group AG ... Varnex now sees ...": the company's name less its legal form is
    # the company, whatever label the small model gives the short form.
    from newsprobe import analyze
    a = analyze("(Wire) -- Varnex Group AG shares slumped the most in a year after it cut its outlook.\n"
                "Varnex now sees sales falling by as much as a tenth. Varnex shares soared during the "
                "pandemic, with revenue up. Estimates for Varnex’s earnings were cut.")
    labels = {m.text: e.label for e in a.entities for m in e.mentions}
    assert {labels.get(n) for n in ("Varnex", "Varnex Group AG")} == {"ORG"}, labels
    assert len({e.id for e in a.entities for m in e.mentions if m.text.startswith("Varnex")}) == 1


def test_a_bare_surname_joins_a_full_name_the_evidence_made_a_person():
    # The model calls "Ivo Dalmer" a body and "Dalmer" a place; the age makes the full name
    # a person, and the bare surname is then that person too, not a second entity.
    a = analyze("The club fired its coach and hired 48-year-old Ivo Dalmer on Monday. The board "
                "checked with Dalmer to see if the terms suited the club.")
    labels = labels_of(a)
    assert labels.get("Ivo Dalmer") == "PERSON" and labels.get("Dalmer") == "PERSON", labels
    assert mentions_of(a).get("Ivo Dalmer") == ["Ivo Dalmer", "Dalmer"], mentions_of(a)


def test_a_known_place_is_no_misspelling_of_a_persons_surname():
    # "Herat" is one letter from "Herar", but the place lists know it: a province, not a
    # typo of the president's name.
    a = analyze("President Tomas Herar visited troops in Herat on Sunday. Herar said the army "
                "would stay. Fighting near Herat continued.")
    assert mentions_of(a).get("Tomas Herar") == ["Tomas Herar", "Herar"], mentions_of(a)
    assert labels_of(a).get("Herat") == "GPE", labels_of(a)


def test_a_country_abbreviation_is_no_acronym_of_a_body_named_with_it():
    # "U.S." is the first word of "U.S. Senate", not its initials: two entities.
    a = analyze("Ottawa criticised U.S. Senate passing the tariff bill, the minister said. She asked "
                "the U.S. delegation to think again.")
    labels = labels_of(a)
    assert labels.get("U.S. Senate") == "ORG" and labels.get("U.S.") == "GPE", labels
    assert "U.S." not in mentions_of(a).get("U.S. Senate", []), mentions_of(a)


def test_a_clubs_short_name_the_model_calls_a_place_is_the_club():
    # "Dortmund" after "Borussia Dortmund", "Sporting" after "Sporting Lisbon": the club
    # named in full, by its first or last word; not "Marbury" of "Marbury Police
    # Department", whose other words only say what kind of body it is.
    labels = labels_of(analyze("Talks between Everton and Borussia Dortmund over the defender dragged on. "
                               "An opening offer was turned down by Dortmund in June."))
    assert labels.get("Dortmund") == "ORG", labels
    labels = labels_of(analyze("Arsenal are close to a deal with Sporting for the striker, and the "
                               "Sporting Lisbon board meets on Friday."))
    assert labels.get("Sporting") == "ORG", labels
    labels = labels_of(analyze("Officers from the Marbury Police Department arrived. A man in Marbury "
                               "was hurt, police said."))
    assert labels.get("Marbury") == "GPE", labels


def test_a_title_before_a_surname_the_model_named_alone_joins_the_given_name():
    from newsprobe.layers import entities as E
    from newsprobe.layers.entities_names import Cluster
    from newsprobe.model import Span

    text = "Mayor Jarl Velder spoke."
    cluster = Cluster("person")
    cluster.add(Span.of(text, 11, 17), "PERSON")
    seen = {(11, 17)}

    class Tok:
        def __init__(self, i):
            self.idx = text.index(["Jarl", "Velder"][i])
    assert E._joined_to_surname(text, [cluster], [Tok(0)], Tok(1), seen)
    assert [m.text for m in cluster.mentions] == ["Jarl Velder"] and (6, 17) in seen


def test_a_given_name_the_model_reads_as_a_nationality_is_the_person_named_in_full():
    # The small model takes "Reese" (ending like "Japanese") for a group and leaves the
    # surname after it out of any entity; the bare given name later is the same person.
    a = analyze("Posts online last week made people believe that Reese Wetherby and Kevin Costain were "
                "engaged. Both Reese and Kevin ignored them. Reese's agent said the posts were false.",
                layers=("entities",))
    labels = labels_of(a)
    assert labels.get("Reese Wetherby") == "PERSON"
    assert "NORP" not in labels.values()
    assert len(entity_named(a, "Reese Wetherby").mentions) == 3


def test_a_nationality_before_a_proper_noun_stays_a_nationality():
    a = analyze("Israeli Prime Minister Dov Kessel met Japanese officials in Tokyo. The Chinese Foreign "
                "Ministry said the talks were useful.", layers=("entities",))
    labels = labels_of(a)
    assert labels.get("Israeli") == "NORP" and labels.get("Japanese") == "NORP"


def test_a_bare_surname_after_a_list_of_places_is_the_person_not_a_place():
    # "..., Guangxi, Wang said": the comma before the name is the list's, not a town's before its
    # state. (Surname first: the model calls the bare "Wang" an organisation.)
    a = analyze("Trade ministry spokesman Wang Lirong spoke on Friday. The tariffs will hurt growers in "
                "Yunnan, Sichuan, Hunan and Guangxi, Wang said. Wang said the talks would go on.",
                layers=("entities",))
    assert labels_of(a).get("Wang") == "PERSON"
    assert len(entity_named(a, "Wang Lirong").mentions) == 3


def test_a_company_named_without_its_legal_form_or_trade_is_the_company():
    a = analyze("Shares of Orla Airlines fell 10 percent on Thursday. Orla said its fares would stay "
                "low all year, and analysts cut their estimates for the carrier.", layers=("entities",))
    mentions = mentions_of(a)
    assert mentions.get("Orla Airlines") == ["Orla Airlines", "Orla"], mentions


def test_each_half_of_a_merged_company_named_alone_is_no_short_form_of_it():
    a = analyze("Kraft Heinz Co. reported a drop in quarterly profit on Wednesday, and Kraft Heinz stock "
                "slid 4 percent. The results are the weakest since Kraft and Heinz combined in 2015.",
                layers=("entities",))
    mentions = mentions_of(a)
    assert mentions.get("Kraft Heinz Co.") == ["Kraft Heinz Co.", "Kraft Heinz"], mentions
    assert mentions.get("Heinz") == ["Heinz"], mentions
