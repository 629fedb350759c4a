"""Train the check-worthiness head: logistic regression on frozen MiniLM embeddings, a few
lexical features and hashed n-grams (features in newsprobe.layers.checkworthy).

Data: ../shared/data/checkworthiness/CT24_checkworthy_english_train.tsv (CheckThat! 2024
Task 1 English train). The dev set is NOT used here: the regularisation strength C and the
decision threshold are chosen on a stratified 15% split of train, then the model is refit
on all of train with that C. Writes src/newsprobe/models/checkworthiness.npz.

    .venv/bin/python scripts/train_checkworthiness.py [--data DIR] [--cache DIR]

--cache keeps the train embeddings (a .npy) so that re-runs skip the slow encoding.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve
from sklearn.model_selection import train_test_split

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprobe.layers.checkworthy import CheckworthinessModel, features  # noqa: E402

C_GRID = (0.5, 1.0, 2.0, 4.0, 8.0)
SEED = 13


def read(path: Path) -> tuple[list[str], np.ndarray]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [r["Text"] for r in rows], np.array([r["class_label"].strip() == "Yes" for r in rows], dtype=int)


def embed(texts: list[str], cache: Path | None) -> np.ndarray:
    key = hashlib.sha1("\n".join(texts).encode("utf-8")).hexdigest()[:12]
    path = cache / f"ct24_train_{key}.npy" if cache else None
    if path and path.is_file():
        return np.load(path)
    from newsprobe.embeddings import encode
    started = time.time()
    vectors = encode(texts)
    print(f"encoded {len(texts)} sentences in {time.time() - started:.0f}s", file=sys.stderr)
    if path:
        cache.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
    return vectors


def best_threshold(y: np.ndarray, p: np.ndarray) -> tuple[float, float]:
    prec, rec, thr = precision_recall_curve(y, p)
    f1 = 2 * prec * rec / np.maximum(prec + rec, 1e-9)
    i = int(np.argmax(f1[:-1]))
    return float(thr[i]), float(f1[i])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT / ".." / "shared" / "data" / "checkworthiness")
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "newsprobe" / "models" / "checkworthiness.npz")
    args = ap.parse_args()

    texts, y = read(args.data / "CT24_checkworthy_english_train.tsv")
    vectors = embed(texts, args.cache)
    X = features(texts, vectors)
    idx = np.arange(len(texts))
    fit_idx, tune_idx = train_test_split(idx, test_size=0.15, stratify=y, random_state=SEED)

    results = []
    for c in C_GRID:
        clf = LogisticRegression(C=c, max_iter=2000, solver="liblinear")
        clf.fit(X[fit_idx], y[fit_idx])
        p = clf.predict_proba(X[tune_idx])[:, 1]
        thr, f1 = best_threshold(y[tune_idx], p)
        ap_ = average_precision_score(y[tune_idx], p)
        f1_half = f1_score(y[tune_idx], p >= 0.5)
        results.append((f1, c, thr, ap_, f1_half))
        print(f"C={c:<4} tune-split F1 {f1:.4f} at threshold {thr:.3f} "
              f"(F1 {f1_half:.4f} at 0.5), AP {ap_:.4f}", file=sys.stderr)
    f1, c, thr, ap_, _ = max(results)
    print(f"chosen C={c}, threshold {thr:.3f} (tune-split F1 {f1:.4f}, AP {ap_:.4f})", file=sys.stderr)

    clf = LogisticRegression(C=c, max_iter=2000, solver="liblinear").fit(X, y)
    model = CheckworthinessModel(clf.coef_[0].astype(np.float32), float(clf.intercept_[0]), thr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
