"""Entities: spaCy's mentions merged into one canonical entity per referent."""

from newsprobe import analyze


def entity_named(analysis, name):
    return next(e for e in analysis.entities if e.name == name)


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


def test_title_is_not_part_of_the_name():
    a = analyze("Councillor Rowan Pike argued that the budget was wrong. Pike said so twice.")
    pike = entity_named(a, "Rowan Pike")
    assert pike.label == "PERSON" and len(pike.mentions) == 2


def test_mentions_index_the_text():
    a = analyze("The Vostok Press Agency reported that Estmark's navy left port.")
    for entity in a.entities:
        for m in entity.mentions:
            assert a.text[m.start:m.end] == m.text


def test_country_recognised_by_its_ministry_and_demonym():
    a = analyze("Karsovia’s foreign ministry said the talks were over. A Karsovian diplomat agreed.")
    karsovia = entity_named(a, "Karsovia")
    assert karsovia.label == "GPE"


def test_a_name_explained_by_an_apposition_never_gets_a_backwards_span():
    # Regression: the apposition's own proper nouns ("Federal Trade Board") were taken as
    # the start of the name, giving a span that ends before it starts.
    a = analyze("They turned the firm down. Minow, a former Federal Trade Board chairman, agreed.")
    for entity in a.entities:
        for m in entity.mentions:
            assert m.start < m.end and a.text[m.start:m.end] == m.text


def test_a_first_name_or_a_surname_first_name_joins_the_full_name():
    a = analyze("Foreign Ministry spokesperson Lu Kang spoke on Tuesday. Lu said the talks would go on. "
                "Singer Madison Ferrow arrived later. Madison said she was tired.")
    assert len(entity_named(a, "Lu Kang").mentions) == 2
    assert len(entity_named(a, "Madison Ferrow").mentions) == 2


def test_a_demonym_and_its_country_are_told_apart():
    a = analyze("Iranian officials said Iran would reply. Russia said the talks had failed, and "
                "NATO said it would meet on Friday.")
    labels = {m.text: e.label for e in a.entities for m in e.mentions}
    assert labels.get("Iranian") == "NORP" and labels.get("Iran") == "GPE", labels
    assert labels.get("Russia") == "GPE" and labels.get("NATO") == "ORG", labels


def test_no_junk_mentions():
    a = analyze("The pro-Blair campaigners met Dr in the hall. Politico reported that the "
                "council had spent 2 million dollars.")
    texts = {m.text: e.label for e in a.entities for m in e.mentions}
    assert "Blair" not in texts and "Dr" not in texts, texts
    assert texts.get("Politico") == "ORG", texts


def test_a_dotted_country_acronym_stays_a_place():
    # "U.S." is all capitals like "NATO", but it is a country: the dots must not hide that.
    a = analyze("U.S. officials said the talks had failed. The U.S. envoy left Geneva on Monday.")
    labels = {m.text: e.label for e in a.entities for m in e.mentions}
    assert labels.get("U.S.") == "GPE", labels
