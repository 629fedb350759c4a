"""Language-independent anchors (corpus/anchors.py): numbers and names read off raw text
in any script, folded so that a name's forms in several languages meet, and the corpus-level
TF-IDF rows whose dot product is the anchor similarity of two articles. Texts written for
these tests."""

from __future__ import annotations

from newsprobe.corpus.anchors import (AnchorIndex, anchor_matrix, anchor_tokens, latin_key, name_token, number_key,
                                      sound_key)


def test_number_formats_meet():
    assert number_key("4,5") == number_key("4.5") == "4.5"
    assert number_key("1,100,000") == number_key("1 100 000") == number_key("1.100.000") == "1100000"


def test_one_digit_numbers_are_not_anchors():
    assert [t for t in anchor_tokens("Rated 5 of 7, in 2024.") if t.startswith("#")] == ["#2024"]


def test_a_name_in_four_languages_meets_in_one_token():
    forms = ["Zelenska", "Selenska", "Zełenska", "Зеленская"]
    assert {sound_key(latin_key(form))[:5] for form in forms} == {"selen"}


def test_spellings_of_one_sound_fold_together():
    assert sound_key(latin_key("Schweden"))[:5] == sound_key(latin_key("Sweden"))[:5]
    assert sound_key(latin_key("Kessel")) == sound_key(latin_key("Kesel"))


def test_a_capitalised_word_the_text_also_writes_in_lower_case_is_not_a_name():
    tokens = anchor_tokens("Reports say the port reopened, but such reports from Velmo vary.")
    assert "repor" not in tokens and "velmo" in tokens


def test_sentence_initial_common_words_are_dropped_by_the_corpus():
    texts = ["According to Marta Olsen, the pipeline at Velmo reopened.",
             "The agency said, according to its own figures, that 300 homes were flooded.",
             "There were no trains in Dravograd on Sunday."]
    matrix = anchor_matrix(texts)
    alone = anchor_tokens(texts[0])
    assert name_token(latin_key("According")) in alone  # one text alone cannot tell it from a name
    with_corpus = anchor_matrix(texts + ["According to Marta Olsen, the pipeline at Velmo reopened."])
    # The first text and its duplicate agree fully; "According" carries no weight between them
    # and an unrelated text.
    assert abs((with_corpus[0] @ with_corpus[3].T).toarray()[0, 0] - 1.0) < 1e-9
    assert (matrix[0] @ matrix[2].T).toarray()[0, 0] == 0.0


def test_a_translation_shares_more_anchors_than_another_event():
    english = "Oksana Zadorna did not buy a Lamborghini Revuelto for 3.2 million euros in Monaco, AFP found."
    german = "Oksana Sadorna hat keinen Lamborghini Revuelto für 3,2 Millionen Euro in Monaco gekauft, so AFP."
    other = "Oksana Zadorna visited a school in Lviv on Monday with 30 pupils."
    matrix = anchor_matrix([english, german, other])
    sims = (matrix @ matrix.T).toarray()
    assert sims[0, 1] > 0.5 and sims[0, 1] > 2 * sims[1, 2]


def test_latin_look_alikes_in_a_cyrillic_word_read_as_cyrillic():
    # A page that writes "Президент" with Latin p and e (to hide it from search) still
    # meets the plain spelling; a Latin word and a Cyrillic word alone are unchanged.
    mixed = "Пpeзидeнт Зeлeнcький"
    assert anchor_tokens(mixed) == anchor_tokens("Президент Зеленський")
    assert latin_key("Пpeзидeнт") == latin_key("Президент") == "prezident"
    assert latin_key("Zelenskyi") == "zelenskyi"


def test_anchor_index_keeps_each_anchor_where_it_stands():
    text = "Tove Brandauer asked for 12 million. Later Brandauer left."
    index = AnchorIndex([text, "tove later asked"])
    tokens = [t for t, _ in index.occurrences[0]]
    # "Tove" and "Later" are written in lower case by the other text: not names.
    assert tokens == ["brand", "#12", "brand"]
    assert [text[at:at + 5] for _, at in index.occurrences[0]] == ["Brand", "12 mi", "Brand"]
    assert index.idf["brand"] > 1.0
