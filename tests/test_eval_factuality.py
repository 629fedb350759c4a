"""`newsprobe eval factuality`: the halves it reports and the document-grouped
cross-fitting, on hand-made features and on a small subset of UDS-IH2 (skipped when
../shared/data is absent)."""



from conftest import data_path, needs_data
from newsprobe.eval import factuality
from newsprobe.settings import Settings

DATA = data_path()


def test_the_halves_are_cut_by_document_number():
    assert factuality.doc_number("ewt-dev-1698-semantics-pred-3") == 1698
    assert factuality.is_tune("ewt-dev-1698-semantics-pred-3")
    assert not factuality.is_tune("ewt-dev-1699-semantics-pred-3")


def test_cross_fitting_learns_a_plain_signal_and_applies_the_overrides():
    feats = [{"cue=modal": float(i % 2)} for i in range(40)]
    gold = [1 - i % 2 for i in range(40)]
    groups = list(range(40))
    hard = [i == 0 for i in range(40)]  # item 0 is happened=1 but overridden
    out = factuality.cross_fitted(feats, None, gold, groups, hard, c=1.0, threshold=0.5)
    assert out[0] == 0 and out[1:] == gold[1:]


def test_cross_fitting_mixes_in_the_state_head():
    # the features say nothing; the "states" carry the label: only the state head can learn
    # it, and with a share of 0.9 its vote decides
    import numpy as np

    gold = [i % 2 for i in range(40)]
    states = np.array([[1.0, 0.0] if g else [0.0, 1.0] for g in gold], dtype=np.float32)
    feats = [{"bias_only": 1.0} for _ in gold]
    args = (feats, states, gold, list(range(40)), [False] * 40)
    assert factuality.cross_fitted(*args, c=1.0, threshold=0.5, state_c=10.0, state_mix=0.9) == gold
    assert factuality.cross_fitted(*args, c=1.0, threshold=0.5) != gold


def test_a_fitted_head_round_trips_its_state_part():
    import numpy as np

    gold = [i % 2 for i in range(20)]
    states = np.array([[g, 1 - g] for g in gold], dtype=np.float32)
    head = factuality.fit_head([{"x": 1.0}] * 20, states, gold, c=1.0, threshold=0.5, state_c=3.0, state_mix=0.5)
    assert head.state_weights.shape == (2,) and head.state_mix == 0.5
    assert head.probability({"x": 1.0}, states[1]) > 0.5 > head.probability({"x": 1.0}, states[0])
    assert head.probability({"x": 1.0}) == head.probability({"x": 1.0}, None)  # features alone


def test_cross_fitting_needs_enough_documents():
    assert factuality.cross_fitted([{}] * 4, None, [0, 1, 0, 1], [1, 1, 2, 2], [False] * 4, 1.0, 0.5) is None


@needs_data("factuality")
def test_eval_reports_held_half_cross_fitted_and_rules():
    r = factuality.evaluate(DATA / "factuality", limit=120)
    assert r["predictor"] == "head" and r["n"] == 120
    assert r["held_half"]["n"] + r["tune_half"]["n"] == 120
    assert set(r["baseline"]) == {"rules", "majority"} and "held_half" in r["baseline"]["rules"]
    assert 0 <= r["cross_fitted"]["accuracy"] <= 1
    assert "held half" in factuality.format_text(r)
    depth = Settings.load().encoder_layers
    assert r["encoder_layers"] == depth and f"MiniLM pass of {depth} layers" in factuality.format_text(r)
