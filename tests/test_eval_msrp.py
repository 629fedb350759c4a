"""`newsprobe eval msrp`: the corpus stage's same-content decision on sentences written
here, the reading of the file's layout, the baselines' threshold, and a run on the first
MSRP pairs (skipped when ../shared/data/msrp is absent)."""

from __future__ import annotations

import pytest

from conftest import data_path, needs_data
from newsprobe.errors import NewsprobeError
from newsprobe.eval import msrp

DATA = data_path("msrp")
ALIGN = 0.7  # the product's corpus_sentence_similarity


def test_a_reworded_sentence_with_the_same_facts_is_the_same_content():
    same, kinds = msrp.same_content("The council approved 40 new homes on Tuesday.",
                                    "On Tuesday the council gave its approval to 40 new homes.", 0.9, ALIGN)
    assert same and kinds == []


def test_a_changed_figure_or_a_dropped_hedge_is_a_change_of_content():
    same, kinds = msrp.same_content("The council approved 40 new homes on Tuesday.",
                                    "The council approved 400 new homes on Tuesday.", 0.95, ALIGN)
    assert not same and "changed_number" in kinds
    same, kinds = msrp.same_content("The mayor reportedly resigned after the vote.",
                                    "The mayor resigned after the vote.", 0.9, ALIGN)
    assert not same and "dropped_hedge" in kinds


def test_sentences_that_do_not_align_are_not_the_same_content():
    assert msrp.same_content("The council approved 40 new homes.", "The council approved 40 new homes.",
                             0.69, ALIGN) == (False, [])


def test_scores_are_those_of_the_paraphrase_class():
    s = msrp.scores([1, 1, 0, 0], [1, 0, 1, 0])
    assert (s["accuracy"], s["precision"], s["recall"], s["f1"]) == (0.5, 0.5, 0.5, 0.5)
    assert msrp.scores([1, 0], [0, 0])["precision"] == 0.0


def test_the_threshold_separates_a_plain_signal():
    cut = msrp.best_threshold([0.1, 0.2, 0.3, 0.6, 0.7, 0.9], [0, 0, 0, 1, 1, 1])
    assert 0.3 < cut <= 0.6
    assert msrp.word_overlap("A b c", "a B d") == 0.5


def test_the_close_rewrite_line_is_scored_beside_the_best_cut_of_the_even_rows():
    # Even rows (0, 2, 4, 6) put the best cut between 0.5 and 0.72; on the odd rows the
    # line 0.8 keeps one of the two paraphrases, the cut both.
    cosines = [0.3, 0.2, 0.5, 0.75, 0.72, 0.85, 0.9, 0.4]
    gold = [0, 0, 0, 1, 1, 1, 1, 0]
    r = msrp.close_rewrite_check(cosines, gold, [0, 2, 4, 6], [1, 3, 5, 7], 0.8)
    assert 0.5 < r["best_cut_even_rows"] <= 0.72
    assert r["at_close"]["recall"] == 0.5 and r["at_best_cut"]["recall"] == 1.0
    assert r["at_close"]["precision"] == r["at_best_cut"]["precision"] == 1.0


def test_only_a_train_split_and_a_missing_file_are_coded_errors(tmp_path):
    with pytest.raises(NewsprobeError) as err:
        msrp.load(tmp_path, "train")
    assert err.value.code == "E011"
    with pytest.raises(NewsprobeError, match="only a train split") as err:
        msrp.load(tmp_path, "dev")
    assert err.value.code == "E011"


def test_the_file_is_read_with_its_bom_and_stray_quote_marks(tmp_path):
    (tmp_path / msrp.FILE).write_text(
        "\ufeffQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\n"
        '1\t1\t2\tShe said "no.\tShe answered "no.\n'
        "0\t3\t4\tPrices rose 5%.\tPrices fell.\n", encoding="utf-8")
    assert msrp.load(tmp_path, "all") == [(1, 'She said "no.', 'She answered "no.'),
                                          (0, "Prices rose 5%.", "Prices fell.")]


@needs_data("msrp", "msr_paraphrase_train.txt")
def test_eval_on_the_first_pairs_scores_the_product_and_the_baselines():
    r = msrp.evaluate(DATA, "train", limit=60)
    assert r["n"] == 60 and r["odd_rows"]["n"] == 30
    assert r["settings"]["sentence_similarity"] == ALIGN
    # every pair judged "same" is aligned, and pairs with a change are aligned ones
    assert r["aligned"] >= r["pairs_with_change"] and r["aligned"] <= 60
    assert r["alignment_only"]["recall"] >= r["recall"]
    assert 0.3 < r["accuracy"] < 1.0 and r["precision"] > 0.6
    assert r["baseline"]["majority"]["label"] == 1
    assert r["baseline"]["word_overlap"]["chosen_on"] == "even rows"
    assert 0.0 < r["baseline"]["tfidf_cosine"]["threshold"] < 1.0
    assert "odd rows" in msrp.format_text(r)
    assert r["close_rewrite"]["close_rewrite_similarity"] == 0.8 and r["close_rewrite"]["at_close"]["n"] == 30
