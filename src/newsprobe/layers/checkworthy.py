"""Check-worthiness: how much a sentence states a checkable fact, as a score in [0, 1].

A logistic regression over frozen all-MiniLM-L6-v2 sentence embeddings, a few cheap lexical
features (numbers, percentages, money, years, comparisons, first-person opinion, questions)
and hashed word uni- and bigrams. Trained by `scripts/train_checkworthiness.py` on CheckThat!
2024 English train; the weights and the decision threshold (chosen on a held-out part of
train) are in `models/checkworthiness.npz` (see MODELS.md).

The same `features()` function is used for training and inference, so they cannot drift.
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

MODEL_FILE = "checkworthiness.npz"
HASH_BITS = 14  # 16,384 hashed n-gram buckets: ~64 KB of float32 weights

_NUMBER = re.compile(r"\d")
_PERCENT = re.compile(r"%|\bper ?cent\b", re.I)
_MONEY = re.compile(r"[$€£]|\b(dollars?|euros?|pounds|million|billion|trillion)\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_COMPARE = re.compile(r"\b(more|less|fewer|most|least|higher|lower|highest|lowest|increased?|"
                      r"decreased?|doubled?|tripled?|cut|raised?|rose|fell|grew|than|times|"
                      r"largest|biggest|smallest|record|first|only|every|never)\b", re.I)
_OPINION = re.compile(r"\b(i|we) (think|believe|feel|hope|want|will|am going|are going)\b", re.I)
_THANKS = re.compile(r"\b(thank|thanks|congratulat\w*|applause|laughter|good evening)\b", re.I)
_WORD = re.compile(r"[a-z0-9$%']+")

LEXICAL_NAMES = ("has_number", "percent", "money", "year", "comparison", "opinion", "question",
                 "courtesy", "log_words")


def lexical_features(text: str) -> np.ndarray:
    words = _WORD.findall(text.lower())
    return np.array([
        bool(_NUMBER.search(text)), bool(_PERCENT.search(text)), bool(_MONEY.search(text)),
        bool(_YEAR.search(text)), len(_COMPARE.findall(text)) > 0, bool(_OPINION.search(text)),
        text.rstrip().endswith("?"), bool(_THANKS.search(text)),
        math.log1p(len(words)) / 4.0,
    ], dtype=np.float32)


def hashed_ngrams(text: str) -> dict[int, float]:
    """Word unigrams and bigrams hashed into 2**HASH_BITS buckets (crc32: stable across
    processes, unlike Python's salted hash()), L2-normalised counts."""
    words = _WORD.findall(text.lower())
    grams = words + [f"{a} {b}" for a, b in zip(words, words[1:])]
    counts: dict[int, float] = {}
    mask = (1 << HASH_BITS) - 1
    for g in grams:
        h = zlib.crc32(g.encode("utf-8")) & mask
        counts[h] = counts.get(h, 0.0) + 1.0
    norm = math.sqrt(sum(v * v for v in counts.values())) or 1.0
    return {k: v / norm for k, v in counts.items()}


def features(texts: list[str], vectors: np.ndarray):
    """The model's input: [embedding | lexical | hashed n-grams] as a sparse CSR matrix."""
    from scipy import sparse

    lex = np.vstack([lexical_features(t) for t in texts]) if texts else np.zeros((0, len(LEXICAL_NAMES)))
    rows, cols, vals = [], [], []
    for i, t in enumerate(texts):
        for k, v in hashed_ngrams(t).items():
            rows.append(i)
            cols.append(k)
            vals.append(v)
    grams = sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), 1 << HASH_BITS), dtype=np.float32)
    return sparse.hstack([sparse.csr_matrix(vectors), sparse.csr_matrix(lex), grams], format="csr")


@dataclass(frozen=True)
class CheckworthinessModel:
    coef: np.ndarray
    intercept: float
    threshold: float

    def scores(self, texts: list[str], vectors: np.ndarray | None = None) -> np.ndarray:
        """Probabilities that each text is check-worthy."""
        if not texts:
            return np.zeros(0, dtype=np.float32)
        if vectors is None:
            from ..embeddings import encode
            vectors = encode(texts)
        z = features(texts, vectors) @ self.coef + self.intercept
        return (1.0 / (1.0 + np.exp(-z))).astype(np.float32)

    def save(self, path) -> None:
        np.savez_compressed(path, coef=self.coef.astype(np.float32),
                            intercept=np.float32(self.intercept), threshold=np.float32(self.threshold),
                            hash_bits=np.int32(HASH_BITS), lexical=np.array(LEXICAL_NAMES))


@lru_cache(maxsize=1)
def load_model() -> CheckworthinessModel:
    with resources.files("newsprobe.models").joinpath(MODEL_FILE).open("rb") as f:
        data = np.load(f)
        if int(data["hash_bits"]) != HASH_BITS:
            raise ValueError("checkworthiness model was trained with another hash size")
        return CheckworthinessModel(data["coef"].astype(np.float32), float(data["intercept"]),
                                    float(data["threshold"]))


__all__ = ["CheckworthinessModel", "features", "lexical_features", "load_model"]
