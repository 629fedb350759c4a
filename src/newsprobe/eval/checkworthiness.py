"""Check-worthiness on CheckThat! 2024 Task 1 English (`CT24_checkworthy_english_*.tsv`).

Scores the `split` sentences (dev by default) with the committed model
(`layers/checkworthy.py`, trained on train by scripts/train_checkworthiness.py) at its own
threshold, which was chosen on a split of train, never on dev. The baseline is TF-IDF word
uni+bigrams with logistic regression, trained on train in this same run and thresholded at
0.5 (sklearn's default).

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


def tfidf_baseline(train_texts: list[str], train_y: np.ndarray, texts: list[str]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    clf = LogisticRegression(max_iter=2000).fit(vec.fit_transform(train_texts), train_y)
    return clf.predict_proba(vec.transform(texts))[:, 1]


def evaluate(data_dir: Path, split: str = "dev", limit: int | None = None,
             progress: bool = False, **kw) -> dict[str, Any]:
    from ..layers.checkworthy import load_model

    texts, y = read(data_dir / f"CT24_checkworthy_english_{split}.tsv")
    train_texts, train_y = read(data_dir / "CT24_checkworthy_english_train.tsv")
    if limit:
        texts, y = texts[:limit], y[:limit]
        train_texts, train_y = train_texts[:50 * limit], train_y[:50 * limit]
    model = load_model()
    ours = model.scores(texts)
    base = tfidf_baseline(train_texts, train_y, texts)
    return {"set": "checkthat-2024-task1-en", "split": split, "n": len(texts),
            "positives": int(y.sum()),
            **scores(y, ours, model.threshold),
            "baseline": {"tfidf_lr": scores(y, base, 0.5)}}


def format_text(result: dict[str, Any]) -> str:
    b = result["baseline"]["tfidf_lr"]
    row = "  {:<28} F1 {f1:.3f}  P {precision:.3f}  R {recall:.3f}  AP {ap:.3f}  (threshold {threshold:.2f})"
    return "\n".join([
        f"CheckThat! 2024 check-worthiness, {result['split']} (n={result['n']}, "
        f"{result['positives']} check-worthy)",
        row.format("newsprobe (3-head mean)", **{k: result[k] for k in ("f1", "precision", "recall", "ap", "threshold")}),
        row.format("TF-IDF + LR (same run)", **b),
    ])
