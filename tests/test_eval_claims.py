"""The claims evaluations (checkworthiness, factuality, claim-retrieval) on small subsets
of ../shared/data; skipped with a reason when the data is absent. The metric helpers are
tested on hand-made rankings."""


import pytest

from conftest import data_path, needs_data
from newsprobe.cli import main
from newsprobe.eval import checkworthiness, claim_retrieval, factuality

DATA = data_path()
needs = needs_data


def test_map_at_5_and_mrr_on_hand_made_rankings():
    ranked = ["a", "b", "c", "d", "e", "f"]
    assert claim_retrieval.average_precision_at(ranked, {"a"}) == 1.0
    assert claim_retrieval.average_precision_at(ranked, {"b"}) == 0.5
    assert claim_retrieval.average_precision_at(ranked, {"f"}) == 0.0
    assert claim_retrieval.average_precision_at(ranked, {"a", "c"}) == pytest.approx((1 + 2 / 3) / 2)
    assert claim_retrieval.reciprocal_rank(ranked, {"f"}) == pytest.approx(1 / 6)


def test_factuality_scores_count_both_classes():
    s = factuality.scores([1, 1, 0, 0], [1, 0, 0, 0])
    assert s["accuracy"] == 0.75
    assert s["macro_f1"] == pytest.approx(round((2 / 3 + 0.8) / 2, 4))


@needs("checkworthiness")
def test_checkworthiness_eval_on_a_subset():
    r = checkworthiness.evaluate(DATA / "checkworthiness", limit=60)
    assert r["n"] == 60 and 0 <= r["f1"] <= 1 and 0 <= r["ap"] <= 1
    assert set(r["baseline"]["tfidf_lr"]) >= {"f1", "precision", "recall", "ap"}
    assert "F1" in checkworthiness.format_text(r)


@needs("factuality")
def test_factuality_eval_on_a_subset():
    r = factuality.evaluate(DATA / "factuality", limit=80)
    assert r["n"] == 80 and r["accuracy"] > 0.5
    assert "majority" in r["baseline"]


@needs("claim-retrieval")
def test_claim_retrieval_eval_on_a_subset():
    r = claim_retrieval.evaluate(DATA / "claim-retrieval", limit=8)
    assert r["queries"] == 8 and r["map_at_5"] >= r["baseline"]["bm25"]["map_at_5"] - 0.2
    assert "MAP@5" in claim_retrieval.format_text(r)


@needs("factuality")
def test_cli_eval_factuality_json(capsys):
    assert main(["eval", "factuality", "--data", str(DATA / "factuality"), "--limit", "20", "--json"]) == 0
    assert '"macro_f1"' in capsys.readouterr().out
