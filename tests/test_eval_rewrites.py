"""The synthetic rewrites benchmark: its building blocks on our own sentences (WordNet
needed, skipped without it), and a small real run (skipped without ../shared/data)."""

from __future__ import annotations

import random

import pytest

from conftest import data_path, needs_data
from newsprobe.eval import rewrites

DATA = data_path("extraction")
needs_wordnet = pytest.mark.skipif(not (rewrites.WORDNET / "data.noun").exists(),
                                   reason="WordNet (apt-get install wordnet-base) not installed")

TEXT = ("The harbour board raised the ferry fares on Monday, after a long and difficult winter. "
        "“We have no choice but to raise the fares this spring,” the chairman told the local paper. "
        "Passengers may face further increases of 12 percent next year, the board said.")


@needs_wordnet
def test_rewrite_words_replaces_the_asked_share_and_keeps_names_and_figures():
    new, share = rewrites.rewrite_words(TEXT, 0.3, random.Random(1))
    assert new != TEXT and 0.1 <= share <= 0.3
    for kept in ("Monday", "12", "told", "said", "may", "not" if "not" in TEXT else "The"):
        assert kept in new


def test_reorder_clause_moves_the_clause_after_the_comma():
    assert rewrites.reorder_clause("The board raised the fares on Monday, after a long and hard winter.") == \
        "After a long and hard winter, the board raised the fares on Monday."
    assert rewrites.reorder_clause("Short, too short.") == "Short, too short."


@needs_wordnet
def test_inject_changes_marks_each_changed_sentence():
    names = ["Talvia", "Morvania", "Serrat"]
    new, gold = rewrites.inject_changes(TEXT, random.Random(3), names)
    # One change per sentence at most: three sentences, three changes of distinct kinds.
    assert len(gold) == 3 and len({k for k, _, _ in gold}) == 3
    assert len({(s, e) for _, s, e in gold}) == 3
    for _, start, end in gold:
        assert new[start:end] not in TEXT


@needs_wordnet
@needs_data("extraction", "ground-truth.json")
def test_eval_rewrites_small_subset():
    result = rewrites.evaluate(DATA, "train", limit=4)
    assert set(result["levels"]) == {"10%", "20%", "30%"}
    assert "minhash_jaccard_0.5" in result["levels"]["30%"]["baseline"]
    assert 0.0 <= result["changes"]["precision"] <= 1.0
    assert "rewriting" in rewrites.format_text(result)
