"""`newsprobe eval factuality`: the halves it reports and the document-grouped
cross-fitting, on hand-made features and on a small subset of UDS-IH2 (skipped when
../shared/data is absent)."""

from pathlib import Path

import pytest

from newsprobe.eval import factuality

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"


def test_the_halves_are_cut_by_document_number():
    assert factuality.doc_number("ewt-dev-1698-semantics-pred-3") == 1698
    assert factuality.is_tune("ewt-dev-1698-semantics-pred-3")
    assert not factuality.is_tune("ewt-dev-1699-semantics-pred-3")


def test_cross_fitting_learns_a_plain_signal_and_applies_the_overrides():
    feats = [{"cue=modal": float(i % 2)} for i in range(40)]
    gold = [1 - i % 2 for i in range(40)]
    groups = list(range(40))
    hard = [i == 0 for i in range(40)]  # item 0 is happened=1 but overridden
    out = factuality.cross_fitted(feats, gold, groups, hard, c=1.0, threshold=0.5)
    assert out[0] == 0 and out[1:] == gold[1:]


def test_cross_fitting_needs_enough_documents():
    assert factuality.cross_fitted([{}] * 4, [0, 1, 0, 1], [1, 1, 2, 2], [False] * 4, 1.0, 0.5) is None


@pytest.mark.skipif(not (DATA / "factuality").is_dir(), reason="../shared/data/factuality not present")
def test_eval_reports_held_half_cross_fitted_and_rules():
    r = factuality.evaluate(DATA / "factuality", limit=120)
    assert r["predictor"] == "head" and r["n"] == 120
    assert r["held_half"]["n"] + r["tune_half"]["n"] == 120
    assert set(r["baseline"]) == {"rules", "majority"} and "held_half" in r["baseline"]["rules"]
    assert 0 <= r["cross_fitted"]["accuracy"] <= 1
    assert "held half" in factuality.format_text(r)
