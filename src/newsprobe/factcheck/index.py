"""A fact-check index: one folder, plain files, hybrid BM25 + MiniLM retrieval.

Folder layout (format version in meta.json):
  meta.json        {"format": "newsprobe.factcheck-index/1", "count", "model", "k1", "b"}
  records.jsonl    the fact-checks, in row order
  bm25.npz         BM25 term weights, documents x terms (scipy sparse, no pickles)
  vocab.json       term -> column
  embeddings.npy   float32 (count x 384), L2-normalised MiniLM vectors of claim + title

Ranking: `hybrid = w * cosine + (1 - w) * bm25 / max_bm25`, where max_bm25 is the best
BM25 score for this query (so the lexical part is in [0, 1] and the top lexical match gets
1). The weight `w` (setting `factcheck_embedding_weight`) was chosen on the CheckThat!
2020 *train* queries. Each match reports `score` (the hybrid) and `similarity` (the cosine,
an absolute figure: a match is shown only above `factcheck_min_similarity`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import NewsprobeError
from .bm25 import B, BM25, K1
from .records import FactCheck, write_jsonl

FORMAT = "newsprobe.factcheck-index/1"
EMBEDDING_MODEL = "all-MiniLM-L6-v2"
DEFAULT_EMBEDDING_WEIGHT = 0.8  # as the setting factcheck_embedding_weight

_URL = re.compile(r"(https?://\S+|pic\.twitter\.com/\S+|www\.\S+)")
# A tweet's closing signature: "— Name (@handle) January 14, 2020".
_SIGNATURE = re.compile(r"[—–-]\s*[^—–\n]{0,80}\(@\w+\)\s*\w+ \d{1,2}, \d{4}\s*$")


def clean_query(text: str) -> str:
    """Text without urls, tweet signatures, @ and # signs (hashtag words are kept)."""
    text = _SIGNATURE.sub(" ", text)
    text = _URL.sub(" ", text)
    text = re.sub(r"[@#](\w)", r"\1", text)
    return " ".join(text.split())


def _document(r: FactCheck) -> str:
    return f"{r.claim} {r.title}".strip()


@dataclass
class Match:
    record: FactCheck
    score: float
    similarity: float
    bm25: float

    def to_dict(self) -> dict:
        d = {"claim": self.record.claim, "rating": self.record.rating or "unrated",
             "score": round(min(max(self.score, 0.0), 1.0), 4),
             "similarity": round(min(max(self.similarity, 0.0), 1.0), 4)}
        for key in ("url", "date", "title", "id"):
            if getattr(self.record, key):
                d[key] = getattr(self.record, key)
        return d


class FactCheckIndex:
    def __init__(self, records: list[FactCheck], bm25: BM25, vectors: np.ndarray):
        self.records, self.bm25, self.vectors = records, bm25, vectors

    @classmethod
    def build(cls, records: Iterable[FactCheck], encode=None) -> "FactCheckIndex":
        from ..embeddings import encode as default_encode

        records = list(records)
        docs = [_document(r) for r in records]
        vectors = (encode or default_encode)(docs)
        return cls(records, BM25.build(docs), np.asarray(vectors, dtype=np.float32))

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        write_jsonl(self.records, folder / "records.jsonl")
        self.bm25.save(folder)
        np.save(folder / "embeddings.npy", self.vectors)
        meta = {"format": FORMAT, "count": len(self.records), "model": EMBEDDING_MODEL,
                "k1": K1, "b": B}
        (folder / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", "utf-8")

    @classmethod
    def load(cls, folder: Path) -> "FactCheckIndex":
        meta_path = folder / "meta.json"
        if not meta_path.is_file():
            raise NewsprobeError("E012", f"{folder} is not a fact-check index (no meta.json); "
                                 "build one with `newsprobe factcheck build`", str(folder))
        meta = json.loads(meta_path.read_text("utf-8"))
        if meta.get("format") != FORMAT:
            raise NewsprobeError("E012", f"unknown index format {meta.get('format')!r}", str(folder))
        records = [FactCheck(**json.loads(line)) for line in
                   (folder / "records.jsonl").read_text("utf-8").splitlines() if line.strip()]
        vectors = np.load(folder / "embeddings.npy")
        return cls(records, BM25.load(folder), vectors)

    def __len__(self) -> int:
        return len(self.records)

    def search(self, text: str, k: int = 5, weight: float = DEFAULT_EMBEDDING_WEIGHT,
               vector: np.ndarray | None = None) -> list[Match]:
        """The k best fact-checks for one claim (pass `vector` when already encoded)."""
        if vector is None:
            from ..embeddings import encode
            vector = encode([clean_query(text)])[0]
        return self._rank(clean_query(text), vector, k, weight)

    def search_many(self, texts: list[str], k: int = 5,
                    weight: float = DEFAULT_EMBEDDING_WEIGHT) -> list[list[Match]]:
        from ..embeddings import encode

        cleaned = [clean_query(t) for t in texts]
        vectors = encode(cleaned)
        return [self._rank(t, v, k, weight) for t, v in zip(cleaned, vectors)]

    def _rank(self, query: str, vector: np.ndarray, k: int, weight: float) -> list[Match]:
        if not self.records:
            return []
        # einsum, not `@`: a matrix-vector product this small is faster on one core than
        # through a multi-threaded BLAS, which stalls for tens of ms on a busy machine.
        cos = np.einsum("ij,j->i", self.vectors, vector.astype(np.float32))
        lexical = self.bm25.scores(query)
        top = float(lexical.max())
        rel = lexical / top if top > 0 else lexical
        hybrid = weight * cos + (1 - weight) * rel
        k = min(k, len(self.records))
        best = np.argpartition(-hybrid, k - 1)[:k]
        best = best[np.argsort(-hybrid[best], kind="stable")]
        return [Match(self.records[i], float(hybrid[i]), float(cos[i]), float(lexical[i]))
                for i in best]


@lru_cache(maxsize=4)
def load_index(folder: str) -> FactCheckIndex:
    """An index loaded once per process (the claims layer calls this for every article)."""
    return FactCheckIndex.load(Path(folder))
