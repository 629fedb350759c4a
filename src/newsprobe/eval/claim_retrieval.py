"""Claim retrieval on CheckThat! 2020 Task 2 (English tweets -> verified claims).

Reads `<data_dir>/verified_claims.docs.tsv` and `<data_dir>/<split>/tweets.queries.tsv` +
`tweet-vclaim-pairs.qrels`. Builds the product's own fact-check index
(`newsprobe.factcheck`, the same code as `newsprobe factcheck build`) over all verified
claims and ranks them for every query tweet, with the hybrid (BM25 + MiniLM) ranking and
the weight from the settings, next to the BM25 half alone.

Metrics as the task defines them: MAP@5 (average precision over the top 5, one or more
relevant claims per query) and MRR (reciprocal rank of the first relevant claim, over the
whole ranking cut at 100).

With `limit`, only the first `limit` queries are used and the collection is cut to their
relevant claims plus the first 20 x limit others (so the test suite can run it quickly).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import NewsprobeError

DATA_SET = "claim-retrieval"
DEPTH = 100


def read_queries(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t")
        next(reader, None)
        return {row[0]: row[1] for row in reader if len(row) >= 2}


def read_qrels(path: Path) -> dict[str, set[str]]:
    qrels: dict[str, set[str]] = {}
    for line in path.read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[3] != "0":
            qrels.setdefault(parts[0], set()).add(parts[2])
    return qrels


def average_precision_at(ranked: list[str], relevant: set[str], k: int = 5) -> float:
    hits, total = 0, 0.0
    for i, doc in enumerate(ranked[:k], 1):
        if doc in relevant:
            hits += 1
            total += hits / i
    return total / min(len(relevant), k) if relevant else 0.0


def reciprocal_rank(ranked: list[str], relevant: set[str]) -> float:
    return next((1.0 / i for i, doc in enumerate(ranked, 1) if doc in relevant), 0.0)


def score_runs(runs: dict[str, list[str]], qrels: dict[str, set[str]]) -> dict[str, float]:
    qids = [q for q in qrels if q in runs]
    n = len(qids) or 1
    return {"map_at_5": round(sum(average_precision_at(runs[q], qrels[q]) for q in qids) / n, 4),
            "mrr": round(sum(reciprocal_rank(runs[q], qrels[q]) for q in qids) / n, 4),
            "queries": len(qids)}


def load(data_dir: Path, split: str, limit: int | None):
    from ..factcheck import read_ct2020_tsv

    claims_path = data_dir / "verified_claims.docs.tsv"
    split_dir = data_dir / split
    if not claims_path.is_file() or not split_dir.is_dir():
        raise NewsprobeError("E011", f"{claims_path} or {split_dir} not found", "claim-retrieval")
    records = list(read_ct2020_tsv(claims_path))
    queries = read_queries(split_dir / "tweets.queries.tsv")
    qrels = read_qrels(split_dir / "tweet-vclaim-pairs.qrels")
    qrels = {q: r for q, r in qrels.items() if q in queries}
    if limit:
        keep_q = list(qrels)[:limit]
        qrels = {q: qrels[q] for q in keep_q}
        wanted = set().union(*qrels.values()) if qrels else set()
        records = [r for i, r in enumerate(records) if r.id in wanted or i < 20 * limit]
    return records, {q: queries[q] for q in qrels}, qrels


def rankings(index, queries: dict[str, str], weight: float) -> tuple[dict, dict]:
    """Hybrid and BM25-only rankings (claim ids, best first) for every query."""
    from ..embeddings import encode
    from ..factcheck import clean_query

    qids = list(queries)
    cleaned = [clean_query(queries[q]) for q in qids]
    vectors = encode(cleaned)
    hybrid, lexical = {}, {}
    depth = min(DEPTH, len(index))
    for q, text, vec in zip(qids, cleaned, vectors):
        hybrid[q] = [m.record.id for m in index._rank(text, vec, depth, weight)]
        bm = index.bm25.scores(text)
        order = np.argsort(-bm, kind="stable")[:depth]
        lexical[q] = [index.records[i].id for i in order]
    return hybrid, lexical


def evaluate(data_dir: Path, split: str = "dev", limit: int | None = None,
             progress: bool = False, **kw) -> dict[str, Any]:
    from ..factcheck import FactCheckIndex
    from ..settings import Settings

    weight = kw.get("weight")
    if weight is None:
        weight = Settings.load().factcheck_embedding_weight
    records, queries, qrels = load(data_dir, split, limit)
    # `index`: a folder built by `newsprobe factcheck build` from the same verified claims,
    # to skip re-encoding 10k claims and titles (minutes on two cores).
    if kw.get("index"):
        index = FactCheckIndex.load(Path(kw["index"]))
        if [r.id for r in index.records] != [r.id for r in records]:
            raise NewsprobeError("E011", f"{kw['index']} does not hold the verified claims of "
                                 f"{data_dir} (limit cuts the collection)", "claim-retrieval")
    else:
        index = FactCheckIndex.build(records)
    hybrid, lexical = rankings(index, queries, weight)
    return {"set": "checkthat-2020-task2", "split": split, "claims": len(records),
            "embedding_weight": weight,
            **score_runs(hybrid, qrels),
            "baseline": {"bm25": score_runs(lexical, qrels)}}


def format_text(result: dict[str, Any]) -> str:
    b = result["baseline"]["bm25"]
    return "\n".join([
        f"CheckThat! 2020 claim retrieval, {result['split']}: {result['queries']} queries "
        f"against {result['claims']} verified claims",
        f"  hybrid (BM25 + MiniLM claim/title, w={result['embedding_weight']})  MAP@5 {result['map_at_5']:.3f}  MRR {result['mrr']:.3f}",
        f"  BM25 alone                                    MAP@5 {b['map_at_5']:.3f}  MRR {b['mrr']:.3f}",
    ])
