"""A fact-check index: one folder, plain files, hybrid BM25 + MiniLM retrieval.

Folder layout (format version in meta.json):
  meta.json              {"format": "newsprobe.factcheck-index/2", "count", "model", "k1", "b"}
  records.jsonl          the fact-checks, in row order
  bm25.npz               BM25 term weights over claim + title, documents x terms (scipy
                         sparse, no pickles)
  vocab.json             term -> column
  embeddings.npy         float32 (count x 384), L2-normalised MiniLM vectors of the claim
  embeddings_title.npy   the same for the title (the claim again where there is no title)

Ranking: `hybrid = w * cosine + (1 - w) * bm25 / max_bm25`, where max_bm25 is the best
BM25 score for this query (so the lexical part is in [0, 1] and the top lexical match gets
1) and `cosine = (1 - TITLE_SHARE) * cos(query, claim) + TITLE_SHARE * cos(query, title)`.
A fact-checker's title ("Did X say Y?") and its claim phrase the same story differently; a
tweet often matches one better than the other, and two vectors beat one vector of both
texts joined. The weight `w` (setting `factcheck_embedding_weight`) and TITLE_SHARE were
chosen on the CheckThat! 2020 *train* queries. Each match reports `score` (the hybrid) and
`similarity` (the blended cosine, an absolute figure: a match is shown only above
`factcheck_min_similarity`).

Format 1 indexes (one vector of claim + title) still load: that vector stands for both.
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

FORMAT = "newsprobe.factcheck-index/2"
OLD_FORMATS = ("newsprobe.factcheck-index/1",)
EMBEDDING_MODEL = "all-MiniLM-L6-v2"
DEFAULT_EMBEDDING_WEIGHT = 0.85  # as the setting factcheck_embedding_weight
# Share of the title's cosine in the embedding part. On the 800 CT2020 train queries
# (w = 0.85, cleaned queries, BM25 k1 0.9 b 0.4) the grid over claim/title/BM25 weights
# peaks at 0.55 / 0.30 / 0.15: MAP@5 0.870 (0.868 once ties keep collection order), against
# 0.841 for one claim + title vector at w 0.8. Picked on either half of train, the best mix scores 0.873 and 0.862 on the other
# half (one vector: 0.848 and 0.834), so the gain is not an artefact of the grid.
TITLE_SHARE = 0.30 / 0.85

_URL = re.compile(r"(https?://\S+|pic\.twitter\.com/\S+|www\.\S+)")
# Tweets glue links to the word before them: "#Iranpic.twitter.com/x", "yeshttps://t.co/x".
_GLUED_LINK = re.compile(r"(pic\.twitter\.com|https?://)")
# A tweet's closing signature: "— Name (@handle) January 14, 2020".
_SIGNATURE = re.compile(r"[—–-]\s*[^—–\n]{0,80}\(@\w+\)\s*\w+ \d{1,2}, \d{4}\s*$")
_RETWEET = re.compile(r"\bRT @\w+:?|^\s*RT\b:?")
# CamelCase and digit runs of a hashtag or handle: "FreeIran2020" -> Free Iran 2020.
_TAG_PART = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


def split_tag(tag: str) -> str:
    """A hashtag or handle as words: "realDonaldTrump" -> "real Donald Trump"."""
    return " ".join(_TAG_PART.findall(tag)) or tag


def clean_query(text: str) -> str:
    """Text without urls, tweet signatures and retweet marks; hashtags and @handles become
    their words (a handle often names the subject: @realDonaldTrump). On CT2020 train this
    lifts BM25 alone from MAP@5 0.752 (signs only stripped, words kept glued) to 0.775."""
    text = _GLUED_LINK.sub(r" \1", text)
    text = _SIGNATURE.sub(" ", text)
    text = _URL.sub(" ", text)
    text = _RETWEET.sub(" ", text)
    text = re.sub(r"[#@](\w+)", lambda m: split_tag(m.group(1)), text)
    return " ".join(text.split())


def _document(r: FactCheck) -> str:
    """What BM25 indexes: claim and title together (one lexical field scored best)."""
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
        for key in ("url", "date", "title", "id", "reviewer", "claimant"):
            if getattr(self.record, key):
                d[key] = getattr(self.record, key)
        return d


class FactCheckIndex:
    def __init__(self, records: list[FactCheck], bm25: BM25, vectors: np.ndarray,
                 title_vectors: np.ndarray | None = None):
        self.records, self.bm25, self.vectors = records, bm25, vectors
        self.title_vectors = vectors if title_vectors is None else title_vectors

    @classmethod
    def build(cls, records: Iterable[FactCheck], encode=None) -> "FactCheckIndex":
        from ..embeddings import encode as default_encode

        encode = encode or default_encode
        records = list(records)
        vectors = np.asarray(encode([r.claim for r in records]), dtype=np.float32)
        titled = [i for i, r in enumerate(records) if r.title]
        title_vectors = vectors.copy()  # no title: the claim stands in for it
        if titled:
            title_vectors[titled] = encode([records[i].title for i in titled])
        return cls(records, BM25.build([_document(r) for r in records]), vectors, title_vectors)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        write_jsonl(self.records, folder / "records.jsonl")
        self.bm25.save(folder)
        np.save(folder / "embeddings.npy", self.vectors)
        np.save(folder / "embeddings_title.npy", self.title_vectors)
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
        if meta.get("format") not in (FORMAT, *OLD_FORMATS):
            raise NewsprobeError("E012", f"unknown index format {meta.get('format')!r}", str(folder))
        records = [FactCheck(**json.loads(line)) for line in
                   (folder / "records.jsonl").read_text("utf-8").splitlines() if line.strip()]
        vectors = np.load(folder / "embeddings.npy")
        title_path = folder / "embeddings_title.npy"
        title_vectors = np.load(title_path) if meta["format"] == FORMAT else None
        return cls(records, BM25.load(folder), vectors, title_vectors)

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
        vector = vector.astype(np.float32)
        cos = ((1 - TITLE_SHARE) * np.einsum("ij,j->i", self.vectors, vector)
               + TITLE_SHARE * np.einsum("ij,j->i", self.title_vectors, vector))
        lexical = self.bm25.scores(query)
        top = float(lexical.max())
        rel = lexical / top if top > 0 else lexical
        hybrid = weight * cos + (1 - weight) * rel
        # A stable sort of all rows (about a millisecond for 10k): equal scores keep the
        # collection's order, as BM25 alone does in the eval. Collections hold exact
        # duplicates (CT2020 has some), which tie; argpartition broke those ties at random.
        best = np.argsort(-hybrid, kind="stable")[:k]
        return [Match(self.records[i], float(hybrid[i]), float(cos[i]), float(lexical[i]))
                for i in best]


@lru_cache(maxsize=4)
def load_index(folder: str) -> FactCheckIndex:
    """An index loaded once per process (the claims layer calls this for every article)."""
    return FactCheckIndex.load(Path(folder))
