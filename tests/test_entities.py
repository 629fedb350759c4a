"""Entities: spaCy's mentions merged into one canonical entity per referent."""

from newsprobe import analyze

from entities_views import labels_of, names_in


def test_mentions_index_the_text():
    a = analyze("The Vostok Press Agency reported that Estmark's navy left port.")
    for entity in a.entities:
        for m in entity.mentions:
            assert a.text[m.start:m.end] == m.text


def test_a_name_explained_by_an_apposition_never_gets_a_backwards_span():
    # Regression: the apposition's own proper nouns ("Federal Trade Board") were taken as
    # the start of the name, giving a span that ends before it starts.
    a = analyze("They turned the offer down. Lindqvist, a former Federal Trade Board chairman, agreed.")
    for entity in a.entities:
        for m in entity.mentions:
            assert m.start < m.end and a.text[m.start:m.end] == m.text


def test_no_junk_mentions():
    a = analyze("The pro-Blair campaigners met Dr in the hall. Politico reported that the "
                "council had spent 2 million dollars.")
    texts = {m.text: e.label for e in a.entities for m in e.mentions}
    assert "Blair" not in texts and "Dr" not in texts, texts
    assert texts.get("Politico") == "ORG", texts


def test_a_title_before_an_apposed_name_is_not_an_entity():
    a = analyze("Velmora's chief operating officer, Mr Tobin Harrow, is representing the firm, "
                "the newspaper said.")
    texts = labels_of(a)
    assert "Mr" not in texts, texts
    assert texts.get("Tobin Harrow") == "PERSON", texts


def test_a_common_noun_capitalised_by_the_sentence_start_is_no_name():
    names = names_in("The pipeline has been shut since last winter. Households in the north of the "
                     "country have relied on coal, the ministry said.")
    assert "Households" not in names


def test_counted_common_nouns_diseases_and_photo_tags_are_no_names():
    names = names_in("The minister drew the anger of the two Chambers of the National Assembly on "
                     "Tuesday. The COVID-19 restrictions keep changing. Members of the delegation "
                     "attend the talks. Ukrainian Presidential Press Service/Handout via REUTERS")
    assert "Chambers" not in names and "COVID-19" not in names
    assert "Ukrainian Presidential Press Service" in names


def test_an_office_without_its_holders_name_is_no_person():
    names = names_in("The minister responding at the despatch box, Paymaster General Michael Ellis, "
                     "said the police were investigating.")
    assert "Michael Ellis" in names and not any(n.startswith("Paymaster") for n in names)


def test_the_words_of_an_office_before_its_holders_full_name_are_no_person():
    # "Chief of the General Staff Pavel Dronov": "General" is a title word, "Staff" the rest
    # of the office, and the model already has the holder's full name.
    a = analyze("The army's Chief of the General Staff Pavel Dronov, who runs the war, was absent.",
                layers=("entities",))
    assert labels_of(a) == {"Pavel Dronov": "PERSON"}


def test_the_pages_own_outlet_named_in_its_text_is_an_organisation():
    # The outlet a page says it is from (Article.outlet, a note in brackets after its name
    # allowed) is an organisation wherever the text names it, whatever the model says.
    from newsprobe.model import Article
    text = ("Rumour Patrol can exclusively debunk the story. The tabloid claimed the couple had "
            "split. Rumour Patrol has checked with a source close to the pair, who said they are fine.")
    a = analyze(Article(text=text, outlet="Rumour Patrol"), layers=("entities",))
    assert {e.label for e in a.entities if e.name == "Rumour Patrol"} == {"ORG"}, \
        [(e.name, e.label) for e in a.entities]
    b = analyze(Article(text="Marla Voss wrote in a guest column in the Evening Ledger. The council "
                             "voted on Monday.", outlet="Evening Ledger (Harbin Falls)"), layers=("entities",))
    assert {e.label for e in b.entities if e.name == "Evening Ledger"} == {"ORG"}, \
        [(e.name, e.label) for e in b.entities]
    assert {e.label for e in b.entities if e.name == "Marla Voss"} == {"PERSON"}
