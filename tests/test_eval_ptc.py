"""The PTC evaluation: the SemEval-2020 Task 11 metrics on hand-made spans, then a run on a
few dev articles when ../shared/data is present."""


import pytest

from conftest import data_path, needs_data
from newsprobe.eval import ptc

DATA = data_path("ptc")


def test_merge_spans_joins_overlapping_and_touching_spans():
    assert ptc.merge_spans([(10, 20), (0, 5), (15, 30), (30, 32), (40, 40)]) == [(0, 5), (10, 32)]


def test_si_score_gives_partial_credit_for_overlap():
    score = ptc.SIScore()
    # One predicted span of 10 chars overlapping half of a 10-char gold span; a second gold
    # span is missed.
    score.add(pred=[(5, 15)], gold=[(0, 10), (50, 60)])
    r = score.to_dict()
    assert r["precision"] == pytest.approx(0.5)          # 5 of the 10 predicted chars
    assert r["recall"] == pytest.approx((0.5 + 0) / 2)  # half of one gold span, none of the other
    assert r["f1"] == pytest.approx(2 * 0.5 * 0.25 / 0.75, abs=1e-4)
    assert r["span_precision"] == 1.0


def test_si_score_merges_overlapping_predictions_first():
    score = ptc.SIScore()
    score.add(pred=[(0, 10), (5, 10)], gold=[(0, 10)])
    assert score.to_dict()["precision"] == 1.0 and score.to_dict()["predicted_spans"] == 1


def test_line_baseline_marks_each_nonempty_line_trimmed():
    text = "A headline\n\nFirst sentence.\nSecond one, here.\n"
    assert [text[s:e] for s, e in ptc.line_spans(text)] == ["A headline", "First sentence",
                                                             "Second one, here"]


def test_tc_hits_uses_top_k_labels_for_a_span_with_k_techniques():
    gold = [("doubt", 0, 5), ("loaded_language", 0, 5), ("slogans", 9, 12)]
    ranked = {(0, 5): ["loaded_language", "doubt", "slogans"], (9, 12): ["repetition", "slogans"]}
    assert ptc.tc_hits(gold, ranked) == 2


@needs_data("ptc")
@pytest.mark.parametrize("task", ["si", "tc"])
def test_eval_runs_on_a_few_dev_articles(task):
    result = ptc.evaluate(DATA, "dev", limit=3, task=task)
    assert result["articles"] == 3 and result["task"] == task
    if task == "si":
        assert 0.0 <= result["si"]["f1"] <= 1.0
        assert "every_line" in result["baseline"]
        assert result["si"]["predicted_spans"] > 0
        # The display floor only removes spans: the floored figure never has more.
        floor, everything = result["si"], result["si_without_floor"]
        assert floor["display_floor"] >= 0.0 and floor["predicted_spans"] <= everything["predicted_spans"]
    else:
        assert 0.0 <= result["tc"]["micro_f1"] <= 1.0
        assert "majority_class" in result["baseline"]
        # The committed model's logit adjustment was chosen on dev: the result says so and
        # carries the cross-fitted figure to quote beside the plain dev one.
        from_dev = result["tc"]["settings_from_dev"]
        assert 0.0 <= from_dev["cross_fitted_micro_f1"] <= 1.0 and from_dev["tc_logit_tau"] >= 0.0
        assert "tuned on dev" in ptc.format_text(result)
    assert ptc.format_text(result).startswith("PTC dev")
