"""Persuasion and propaganda techniques as character spans (the 14 PTC classes).

Two small linear models trained on the Propaganda Techniques Corpus (scripts/
train_techniques.py; MODELS.md, "Persuasion techniques"):

1. **Span identification**: a logistic token tagger over hashed token features
   (technique_features.token_features), then a second logistic stage over the binned
   probabilities of each token's neighbours and sentence (context_features). Tokens whose probability reaches the tuned
   threshold form runs; runs separated by at most `si_gap` tokens join into one span, and
   the span is trimmed of edge punctuation and space as PTC's gold spans are.
2. **Technique classification**: multinomial logistic regression over the span's hashed
   features, a few numbers (length, how often the span recurs in the article) and, when
   the model was trained with them, the span's MiniLM embedding.

Each finding is `{start, end, text, technique, score, in_quote}`: `score` is the span's
mean token probability times the technique's probability; `in_quote` is the id of the
quote whose content holds most of the span (the technique is then the speaker's, not the
outlet's), else None. Also given: `alternative`, the runner-up technique, since PTC
classes overlap (loaded language vs name calling) and a reader may want the second guess.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from ..errors import NewsprobeError
from ..model import Analysis
from ..settings import Settings
from .technique_features import (CTX_BUCKETS, FEATURES_VERSION, SI_BUCKETS, TC_BUCKETS, TECHNIQUES,
                                 ArticleStats, context_features, hash_features, span_features,
                                 token_features)

NAME = "techniques"
VERSION = "1"
FIELD = "techniques"
REQUIRES: tuple[str, ...] = ("quotes",)

log = logging.getLogger(__name__)

MODEL_FILES = ("techniques.npz", "techniques.json")
# PTC v2 gold spans never start or end with these; ours follow the same convention.
_EDGE_CHARS = " \n\r\t.,:;"


@dataclass(frozen=True)
class TechniqueModel:
    si_w: np.ndarray          # (SI_BUCKETS,)
    si_b: float
    si_threshold: float
    si_gap: int
    ctx_w: np.ndarray | None  # (CTX_BUCKETS,) second stage over binned first-stage probabilities
    ctx_b: float
    tc_w: np.ndarray          # (n_classes, TC_BUCKETS)
    tc_dense: np.ndarray      # (n_classes, n_dense)
    tc_emb: np.ndarray | None  # (n_classes, 384) when trained with span embeddings
    tc_b: np.ndarray          # (n_classes,)
    classes: tuple[str, ...]
    meta: dict

    def save(self, folder) -> None:
        arrays = {"si_w": self.si_w.astype(np.float16), "si_b": np.float32(self.si_b),
                  "tc_w": self.tc_w.astype(np.float16), "tc_dense": self.tc_dense.astype(np.float32),
                  "tc_b": self.tc_b.astype(np.float32)}
        if self.ctx_w is not None:
            arrays["ctx_w"], arrays["ctx_b"] = self.ctx_w.astype(np.float32), np.float32(self.ctx_b)
        if self.tc_emb is not None:
            arrays["tc_emb"] = self.tc_emb.astype(np.float32)
        np.savez_compressed(folder / MODEL_FILES[0], **arrays)
        meta = {**self.meta, "features_version": FEATURES_VERSION, "classes": list(self.classes),
                "si_threshold": self.si_threshold, "si_gap": self.si_gap,
                "embeddings": self.tc_emb is not None}
        (folder / MODEL_FILES[1]).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", "utf-8")


@lru_cache(maxsize=1)
def load_model() -> TechniqueModel:
    """The committed model from newsprobe/models/ (loaded once per process)."""
    folder = resources.files("newsprobe").joinpath("models")
    try:
        meta = json.loads(folder.joinpath(MODEL_FILES[1]).read_text("utf-8"))
        with folder.joinpath(MODEL_FILES[0]).open("rb") as fh:
            arrays = dict(np.load(fh))
    except FileNotFoundError as err:
        raise NewsprobeError("E013", "the technique model is missing; rebuild it with "
                                     "scripts/train_techniques.py") from err
    if meta.get("features_version") != FEATURES_VERSION:
        raise NewsprobeError("E013", f"the technique model was trained with features version "
                                     f"{meta.get('features_version')}, the code has {FEATURES_VERSION}; "
                                     "retrain with scripts/train_techniques.py")
    return TechniqueModel(
        si_w=arrays["si_w"].astype(np.float32), si_b=float(arrays["si_b"]),
        si_threshold=float(meta["si_threshold"]), si_gap=int(meta["si_gap"]),
        ctx_w=arrays.get("ctx_w"), ctx_b=float(arrays.get("ctx_b", 0.0)),
        tc_w=arrays["tc_w"].astype(np.float32), tc_dense=arrays["tc_dense"],
        tc_emb=arrays.get("tc_emb"), tc_b=arrays["tc_b"], classes=tuple(meta["classes"]), meta=meta)


def token_probabilities(doc, stats: ArticleStats, model: TechniqueModel) -> np.ndarray:
    """P(token is inside a technique span) for every token of `doc`."""
    if not len(doc):
        return np.zeros(0, dtype=np.float32)
    X = hash_features(token_features(doc, stats), SI_BUCKETS)
    probs = 1.0 / (1.0 + np.exp(-(X @ model.si_w + model.si_b)))
    if model.ctx_w is not None:
        X = hash_features(context_features(doc, probs), CTX_BUCKETS)
        probs = 1.0 / (1.0 + np.exp(-(X @ model.ctx_w + model.ctx_b)))
    return probs


def decode_spans(doc, probs: np.ndarray, threshold: float, gap: int) -> list[tuple[int, int, float]]:
    """Runs of tokens at or above `threshold`, joined across gaps of at most `gap` tokens,
    as trimmed character spans with their mean token probability."""
    runs: list[list[int]] = []
    for t in doc:
        if t.is_space or probs[t.i] < threshold:
            continue
        if runs and t.i - runs[-1][1] <= gap + 1 and t.sent.start <= runs[-1][1]:
            runs[-1][1] = t.i
        else:
            runs.append([t.i, t.i])
    text = doc.text
    spans = []
    for first, last in runs:
        start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
        while start < end and text[start] in _EDGE_CHARS:
            start += 1
        while end > start and text[end - 1] in _EDGE_CHARS:
            end -= 1
        if end > start:
            spans.append((start, end, float(np.mean(probs[first:last + 1]))))
    return spans


def technique_probabilities(doc, spans: list[tuple[int, int]], stats: ArticleStats,
                            model: TechniqueModel) -> np.ndarray:
    """(len(spans), n_classes) probabilities of each technique for each span."""
    if not spans:
        return np.zeros((0, len(model.classes)), dtype=np.float32)
    rows, dense = zip(*(span_features(doc, s, e, stats) for s, e in spans))
    logits = (hash_features(list(rows), TC_BUCKETS) @ model.tc_w.T
              + np.asarray(dense, dtype=np.float32) @ model.tc_dense.T + model.tc_b)
    if model.tc_emb is not None:
        from ..embeddings import encode
        logits = logits + encode([stats.text[s:e] for s, e in spans]) @ model.tc_emb.T
    logits = np.asarray(logits)
    logits -= logits.max(axis=1, keepdims=True)
    p = np.exp(logits)
    return p / p.sum(axis=1, keepdims=True)


def rank_techniques(doc, spans: list[tuple[int, int]]) -> list[list[str]]:
    """For each span, all techniques from most to least likely (the TC evaluation's input)."""
    model = load_model()
    probs = technique_probabilities(doc, spans, ArticleStats.of(doc), model)
    return [[model.classes[j] for j in np.argsort(-row, kind="stable")] for row in probs]


def _quote_of(start: int, end: int, analysis: Analysis) -> str | None:
    """The quote whose content covers most (over half) of [start, end), if any."""
    best, best_cover = None, 0
    for q in analysis.quotes:
        cover = sum(max(0, min(end, c.end) - max(start, c.start)) for c in q.content)
        if cover > best_cover:
            best, best_cover = q.id, cover
    return best if best_cover * 2 > end - start else None


def run(doc, analysis: Analysis, settings: Settings) -> list[dict]:
    model = load_model()
    stats = ArticleStats.of(doc)
    probs = token_probabilities(doc, stats, model)
    spans = decode_spans(doc, probs, model.si_threshold, model.si_gap)
    tech = technique_probabilities(doc, [(s, e) for s, e, _ in spans], stats, model)
    text = analysis.text
    found = []
    for (start, end, span_p), row in zip(spans, tech):
        order = np.argsort(-row, kind="stable")
        score = span_p * float(row[order[0]])
        if score < settings.techniques_min_score:
            continue
        found.append({
            "start": start, "end": end, "text": text[start:end],
            "technique": model.classes[order[0]], "score": round(score, 3),
            "alternative": model.classes[order[1]],
            "in_quote": _quote_of(start, end, analysis),
        })
    return found


__all__ = ["NAME", "VERSION", "FIELD", "REQUIRES", "run", "load_model", "rank_techniques",
           "TechniqueModel", "token_probabilities", "decode_spans", "technique_probabilities",
           "TECHNIQUES"]
