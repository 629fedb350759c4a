"""The check-worthiness eval's threshold helpers on made-up scores: the F1-best threshold,
and the cross-fitted figure (a threshold chosen on the evaluation set itself, but never
applied to a sentence whose label it saw). The data-backed subset run is in
test_eval_claims.py."""

import numpy as np
import pytest

from newsprobe.eval import checkworthiness as ev


def noisy_scores(n=400, seed=0):
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.25).astype(int)
    return y, np.clip(0.3 * y + rng.normal(0.35, 0.15, n), 0, 1)


def test_best_threshold_separates_perfectly_separable_scores():
    y = np.array([0, 0, 0, 1, 1])
    t, f1 = ev.best_threshold(y, np.array([0.1, 0.2, 0.3, 0.7, 0.9]))
    assert f1 == 1.0
    assert 0.3 < t <= 0.7
    assert ev.scores(y, np.array([0.1, 0.2, 0.3, 0.7, 0.9]), t)["f1"] == 1.0


def test_cross_fitted_f1_is_no_better_than_the_threshold_chosen_on_all_of_the_set():
    y, p = noisy_scores()
    best_on_all = ev.scores(y, p, ev.best_threshold(y, p)[0])["f1"]
    fit = ev.cross_fitted(y, p)
    assert fit["f1_min"] <= fit["f1"] <= fit["f1_max"]
    assert fit["f1"] <= best_on_all + 1e-9
    assert fit["folds"] == 5 and fit["seeds"] == list(ev.CROSS_FIT_SEEDS)


def test_cross_fitted_is_reproducible_and_empty_without_both_classes():
    y, p = noisy_scores(seed=3)
    assert ev.cross_fitted(y, p) == ev.cross_fitted(y, p)
    assert ev.cross_fitted(np.zeros(10, int), np.linspace(0, 1, 10)) == {}


def test_the_baseline_threshold_comes_from_train_out_of_fold_probabilities():
    texts = [f"the budget rose by {k} percent last year" for k in range(30)] + \
            [f"thank you all, good evening number {k}" for k in range(30)]
    y = np.array([1] * 30 + [0] * 30)
    t = ev.tfidf_baseline_threshold(texts, y)
    assert 0.0 < t < 1.0
    # on this easy set the out-of-fold threshold keeps every small-talk sentence out
    assert ev.scores(y, ev.tfidf_baseline(texts, y, texts), t)["precision"] == pytest.approx(1.0)
