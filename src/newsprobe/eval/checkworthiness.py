"""Check-worthiness on CheckThat! 2024 Task 1 English (`CT24_checkworthy_english_*.tsv`).

Scores the `split` sentences (dev by default) with the committed model
(`layers/checkworthy.py`, trained on train by scripts/train_checkworthiness.py) at the
threshold stored with it (the model file says where that threshold came from:
`threshold_source`).

The baseline is TF-IDF word uni+bigrams with logistic regression, trained on train in this
same run. To be fair it gets its threshold the way our model's train threshold was chosen:
the one that maximises F1 of its pooled 5-fold out-of-fold probabilities on train (seed
13); it is also reported at 0.5, sklearn's default.

`cross_fitted`: what a threshold chosen on the evaluation set itself would give, measured
honestly: 5-fold stratified split of the set, the threshold that maximises F1 on four
folds applied to the fifth, predictions pooled; repeated with 5 seeds (13..17), F1 mean
and range. Reported for our model and for the baseline. The F1 at the threshold that is
best on all of the set is also given (`best_threshold_f1`): it is optimistic, since the
threshold has seen the labels it is scored on.

Metrics: F1, precision and recall of the positive class ("Yes", the task's official
measure is F1 of that class) and average precision (threshold-free).

With `limit`: the first `limit` evaluation sentences, and the baseline trained on the
first 50 x limit train sentences (a quick run for the test suite).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import NewsprobeError

DATA_SET = "checkworthiness"
SEED = 13
FOLDS = 5
CROSS_FIT_SEEDS = (13, 14, 15, 16, 17)


def read(path: Path) -> tuple[list[str], np.ndarray]:
    if not path.is_file():
        raise NewsprobeError("E011", f"{path} not found", "checkworthiness")
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [r["Text"] for r in rows], np.array([r["class_label"].strip() == "Yes" for r in rows], dtype=int)


def scores(y: np.ndarray, prob: np.ndarray, threshold: float) -> dict[str, float]:
    from sklearn.metrics import average_precision_score, precision_recall_fscore_support

    pred = (prob >= threshold).astype(int)
    p, r, f, _ = precision_recall_fscore_support(y, pred, average="binary", zero_division=0)
    ap = average_precision_score(y, prob) if y.any() else 0.0
    return {"f1": round(float(f), 4), "precision": round(float(p), 4), "recall": round(float(r), 4),
            "ap": round(float(ap), 4), "threshold": round(float(threshold), 4)}


def best_threshold(y: np.ndarray, prob: np.ndarray) -> tuple[float, float]:
    """The threshold that maximises F1 of the positive class on (y, prob), and that F1
    (the training script chooses the model's threshold with it too)."""
    from sklearn.metrics import precision_recall_curve

    if not y.any():
        return 0.5, 0.0
    prec, rec, thr = precision_recall_curve(y, prob)
    f1 = 2 * prec * rec / np.maximum(prec + rec, 1e-9)
    i = int(np.argmax(f1[:-1]))
    return float(thr[i]), float(f1[i])


def cross_fitted(y: np.ndarray, prob: np.ndarray, seeds=CROSS_FIT_SEEDS) -> dict[str, Any]:
    """F1 of thresholds chosen on the same set without scoring a sentence with a threshold
    that saw its label: per seed, a stratified k-fold split, each fold thresholded at the
    F1-best threshold of the other folds; the pooled predictions are scored."""
    from sklearn.metrics import precision_recall_fscore_support
    from sklearn.model_selection import StratifiedKFold

    folds = min(FOLDS, int(y.sum()), int(len(y) - y.sum()))
    if folds < 2:
        return {}
    runs, thresholds = [], []
    for seed in seeds:
        pred = np.zeros(len(y), dtype=int)
        for rest, held in StratifiedKFold(folds, shuffle=True, random_state=seed).split(prob, y):
            t = best_threshold(y[rest], prob[rest])[0]
            thresholds.append(t)
            pred[held] = prob[held] >= t
        runs.append(precision_recall_fscore_support(y, pred, average="binary", zero_division=0)[:3])
    p, r, f = np.array(runs).T
    return {"f1": round(float(f.mean()), 4), "precision": round(float(p.mean()), 4),
            "recall": round(float(r.mean()), 4), "f1_min": round(float(f.min()), 4),
            "f1_max": round(float(f.max()), 4), "f1_first_seed": round(float(f[0]), 4),
            "threshold_mean": round(float(np.mean(thresholds)), 4), "folds": folds,
            "seeds": list(seeds)}


def _tfidf_lr(train_texts: list[str], train_y: np.ndarray):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    clf = LogisticRegression(max_iter=2000).fit(vec.fit_transform(train_texts), train_y)
    return lambda texts: clf.predict_proba(vec.transform(texts))[:, 1]


def tfidf_baseline(train_texts: list[str], train_y: np.ndarray, texts: list[str]) -> np.ndarray:
    return _tfidf_lr(train_texts, train_y)(texts)


def tfidf_baseline_threshold(train_texts: list[str], train_y: np.ndarray) -> float:
    """The baseline's threshold chosen as our model's is: F1-best on its pooled 5-fold
    out-of-fold probabilities on train (stratified, seed 13)."""
    from sklearn.model_selection import StratifiedKFold

    oof = np.zeros(len(train_texts))
    for fit_idx, held in StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(train_texts, train_y):
        predict = _tfidf_lr([train_texts[i] for i in fit_idx], train_y[fit_idx])
        oof[held] = predict([train_texts[i] for i in held])
    return best_threshold(train_y, oof)[0]


def evaluate(data_dir: Path, split: str = "dev", limit: int | None = None,
             progress: bool = False, **kw) -> dict[str, Any]:
    from ..layers.checkworthy import load_model
    from ..settings import Settings

    depth = Settings.load().encoder_layers
    texts, y = read(data_dir / f"CT24_checkworthy_english_{split}.tsv")
    train_texts, train_y = read(data_dir / "CT24_checkworthy_english_train.tsv")
    if limit:
        texts, y = texts[:limit], y[:limit]
        train_texts, train_y = train_texts[:50 * limit], train_y[:50 * limit]
    model = load_model(depth)
    ours = model.scores(texts)
    base = tfidf_baseline(train_texts, train_y, texts)
    base_threshold = tfidf_baseline_threshold(train_texts, train_y)
    return {"set": "checkthat-2024-task1-en", "split": split, "n": len(texts), "encoder_layers": depth,
            "positives": int(y.sum()),
            **scores(y, ours, model.threshold),
            "threshold_source": model.threshold_source,
            "best_threshold_f1": scores(y, ours, best_threshold(y, ours)[0])["f1"],
            "cross_fitted": cross_fitted(y, ours),
            "baseline": {
                "tfidf_lr": {**scores(y, base, base_threshold), "threshold_source": "train 5-fold out-of-fold"},
                "tfidf_lr_at_0_5": scores(y, base, 0.5),
                "tfidf_lr_cross_fitted": cross_fitted(y, base),
            }}


def format_text(result: dict[str, Any]) -> str:
    b = result["baseline"]
    row = "  {:<34} F1 {f1:.3f}  P {precision:.3f}  R {recall:.3f}  AP {ap:.3f}  (threshold {threshold:.3f})"
    fit = "  {:<34} F1 {f1:.3f}  P {precision:.3f}  R {recall:.3f}  (F1 range {f1_min:.3f}-{f1_max:.3f})"
    lines = [
        f"CheckThat! 2024 check-worthiness, {result['split']} (n={result['n']}, "
        f"{result['positives']} check-worthy)",
        row.format(f"newsprobe ({result['threshold_source']})",
                   **{k: result[k] for k in ("f1", "precision", "recall", "ap", "threshold")}),
        row.format("TF-IDF + LR, train out-of-fold thr.", **b["tfidf_lr"]),
        row.format("TF-IDF + LR at 0.5", **b["tfidf_lr_at_0_5"]),
    ]
    if result["cross_fitted"]:
        lines += [f"threshold chosen on {result['split']} itself, cross-fitted "
                  f"(5-fold x {len(result['cross_fitted']['seeds'])} seeds):",
                  fit.format("newsprobe", **result["cross_fitted"]),
                  fit.format("TF-IDF + LR", **b["tfidf_lr_cross_fitted"]),
                  f"  (newsprobe at the threshold best on all of {result['split']}: "
                  f"F1 {result['best_threshold_f1']:.3f}, optimistic)"]
    return "\n".join(lines)
