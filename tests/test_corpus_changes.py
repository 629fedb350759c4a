"""Changes between aligned sentences: each kind on hand-written sentence pairs, and
rewording alone (synonyms, reordered clauses) reporting nothing."""

from __future__ import annotations

from newsprobe.corpus.changes import SentenceView, sentence_changes
from newsprobe.model import Span


def changes(a: str, b: str) -> list:
    return sentence_changes(SentenceView(Span.of(a, 0, len(a)), a), SentenceView(Span.of(b, 0, len(b)), b))


def kinds(a: str, b: str) -> list[str]:
    return [c.kind for c in changes(a, b)]


def test_changes_rewording_is_not_a_change():
    a = "The ferry operator raised fares by 5 percent on Monday, the harbour board said."
    b = "On Monday the ferry company increased prices by 5 percent, the harbour board stated."
    assert kinds(a, b) == []


def test_changes_swapped_entity_with_both_spans():
    a = "The truce, brokered by Morvania, holds."
    b = "The ceasefire, mediated by Talvia, holds."
    (change,) = changes(a, b)
    assert change.kind == "swapped_entity"
    assert change.source.text == "Morvania" and change.target.text == "Talvia"
    assert a[change.source.start:change.source.end] == "Morvania"


def test_changes_number_and_date():
    a = "Prices rose by 35 percent in March."
    b = "Prices climbed by 53 percent in May."
    found = {c.kind: (c.source.text, c.target.text) for c in changes(a, b)}
    assert found["changed_number"] == ("35 percent", "53 percent")
    assert found["changed_date"] == ("March", "May")


def test_changes_negation_flip():
    assert kinds("The minister will resign.", "The minister will not resign.") == ["negation_flip"]
    assert kinds("We did not agree.", "We didn't agree, did we not?") == []  # two negations: parity


def test_changes_dropped_and_added_hedge():
    assert kinds("The plant may close next year.", "The plant will close next year.") == ["dropped_hedge"]
    assert kinds("Rebels seized the town.", "Rebels reportedly seized the town.") == ["added_hedge"]


def test_changes_dropped_attribution():
    a = "The bridge is unsafe, the engineers said."
    b = "The bridge is unsafe."
    (change,) = changes(a, b)
    assert change.kind == "dropped_attribution" and change.source.text == "the engineers said"


def test_changes_altered_quote_gives_both_quotations():
    a = "“We will rebuild every school,” the mayor said."
    b = "“We will repair some schools,” the mayor said."
    (change,) = changes(a, b)
    assert change.kind == "altered_quote"
    assert change.source.text == "We will rebuild every school," and change.target.text == "We will repair some schools,"


def test_changes_same_quote_in_other_marks_is_unchanged():
    assert kinds("“It’s over,” she said.", "\"It's over,\" she said.") == []


def test_changes_typography_alone_is_not_a_change():
    a = "The Karsovian minister\u2019s office said the \u201cdeal\u201d \u2014 signed in Port Tessa \u2014 stands."
    b = "The Karsovian minister's office said the \"deal\" - signed in Port Tessa - stands."
    assert kinds(a, b) == []


def test_changes_names_in_differently_worded_sentences_are_not_paired_by_position():
    # Two sentences that share a theme but not their wording: "North" and "Military" sit
    # at the same rank among the capitalised words, and are unrelated.
    a = "Officials in the North said the border crossing at Velmo would reopen next week."
    b = "A Military spokesman denied any plan for reinforcements along the frontier."
    assert "swapped_entity" not in kinds(a, b)


def test_changes_swapped_name_found_in_its_slot_among_other_rewording():
    a = "The grain convoy left Port Tessa on Tuesday under escort, officials said."
    b = "The grain convoy left Port Velmo on Tuesday under escort, officials said."
    (change,) = [c for c in changes(a, b) if c.kind == "swapped_entity"]
    assert (change.source.text, change.target.text) == ("Tessa", "Velmo")


def test_changes_page_furniture_reports_nothing():
    # A blog's date stamp and a byline differ between two copies of one story.
    assert kinds(" date 2024-09-02 The harbour reopened on Monday.",
                 " date 2024-08-30 The harbour reopened on Monday.") == []
    assert kinds("Posted by Mira Holt on 2 September", "Posted by Jan Tove on 30 August") == []
    assert kinds("Share on Facebook Twitter WhatsApp", "Share: Facebook, Twitter, e-mail") == []


def test_changes_independent_wording_of_one_fact_reports_nothing():
    # Two reports of one event, aligned by meaning but worded independently: the missing
    # cue, hedge and figure are differences of wording, not edits of one text.
    a = "Around 300 homes near the Kessel were evacuated overnight, the fire service said."
    b = "Emergency crews may have moved residents of about three hundred houses to safety."
    assert kinds(a, b) == []


def test_changes_possessive_is_not_a_swapped_name():
    a = "Aid to Estmark's northern ports resumed on Friday, officials said."
    b = "Aid to Estmark northern ports resumed on Friday, officials said."
    assert "swapped_entity" not in kinds(a, b)
