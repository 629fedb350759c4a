"""Event-level stories on ECB+ (Cybulska & Vossen 2014): BCubed P/R/F and ARI.

`../shared/data/ecbplus/documents.jsonl`: English news in topics that each hold two
similar events (two celebrity rehab stays, two earthquakes); the gold story of a document
is its `event_cluster` (topic x event), so the two events of one topic are the hard
negatives. The split is the usual one (train topics 1-33 less the dev ones, dev 2, 5, 12,
18, 21, 23, 34, 35); the test topics are not in the shared folder.

The corpus stage's story grouping (`corpus.stories.group_articles`) runs as shipped: its
settings are not re-chosen here. The baseline, in the same run, is TF-IDF (whole text,
cosine) with single link, its threshold chosen on the train split (best BCubed F over a
fixed grid) and applied unchanged to the requested split.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import NewsprobeError
from .files import check_split, read_jsonl
from .stories import _entity_analyses, _score, bcubed

DATA_SET = "ecbplus"
SPLITS = ("train", "dev")
BASELINE_THRESHOLDS = [round(x, 2) for x in np.arange(0.1, 0.91, 0.05)]


def read_documents(data_dir: Path) -> list[dict[str, Any]]:
    return read_jsonl(data_dir / "documents.jsonl", DATA_SET)


def single_link(matrix: np.ndarray, threshold: float) -> list[int]:
    """Connected components of the graph of pairs with cosine >= threshold (rows are
    L2-normalised), as one label per row."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    sims = matrix @ matrix.T
    _, labels = connected_components(csr_matrix(sims >= threshold), directed=False)
    return labels.tolist()


def tfidf_matrix(texts: list[str]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    tfidf = TfidfVectorizer(sublinear_tf=True, min_df=1)
    matrix = tfidf.fit_transform(texts).toarray().astype(np.float32)
    return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)


def baseline(texts: list[str], gold: list[str], train: list[int], scored: list[int]) -> dict[str, Any]:
    """TF-IDF single link, threshold chosen on `train`, scored on `scored`."""
    matrix = tfidf_matrix(texts)
    train_matrix = matrix[train]
    grid = {t: bcubed(single_link(train_matrix, t), [gold[i] for i in train])["bcubed_f"]
            for t in BASELINE_THRESHOLDS}
    threshold = max(grid, key=lambda t: (grid[t], -t))
    return {"threshold": threshold, "train_bcubed_f": grid[threshold],
            **_score(single_link(matrix[scored], threshold), [gold[i] for i in scored])}


def evaluate(data_dir: Path, split: str = "dev", limit: int | None = None, progress: bool = False,
             **_: Any) -> dict[str, Any]:
    from ..corpus.run import default_encoder, embed_articles
    from ..corpus.stories import group_articles

    check_split(split, SPLITS, DATA_SET)
    started = time.perf_counter()
    docs = read_documents(data_dir)
    if limit:
        # Whole topics, so that each still has its two events.
        topics = sorted({d["topic"] for d in docs if d["split"] == split})
        keep = set(topics[:max(1, limit // 25)])
        docs = [d for d in docs if d["topic"] in keep or d["split"] != split]
    chosen = [d for d in docs if d["split"] == split]
    if not chosen:
        raise NewsprobeError("E011", f"no documents of split {split!r} in {data_dir}", DATA_SET)
    gold = [d["event_cluster"] for d in chosen]
    analyses = _entity_analyses([d["id"] for d in chosen], [d["text"] for d in chosen])
    vectors = embed_articles(analyses, default_encoder())
    groups = group_articles(analyses, vectors)
    labels = [0] * len(chosen)
    for k, group in enumerate(groups):
        for i in group:
            labels[i] = k
    ours = _score(labels, gold)
    texts = [d["text"] for d in docs]
    all_gold = [d["event_cluster"] for d in docs]
    train = [i for i, d in enumerate(docs) if d["split"] == "train"]
    scored = [i for i, d in enumerate(docs) if d["split"] == split]
    topic_level = _score(labels, [str(d["topic"]) for d in chosen])
    return {"split": split, "documents": len(chosen), **ours,
            "topic_level": {"ari": topic_level["ari"], "bcubed_f": topic_level["bcubed_f"]},
            "baseline": {"tfidf_single_link": baseline(texts, all_gold, train, scored)},
            "seconds": round(time.perf_counter() - started, 1)}


def format_text(result: dict[str, Any]) -> str:
    b = result["baseline"]["tfidf_single_link"]
    return "\n".join([
        f"ECB+ event-level stories, split {result['split']} ({result['documents']} documents, "
        f"{result['gold_clusters']} events)",
        f"  newsprobe: BCubed F {result['bcubed_f']:.3f} (P {result['precision']:.3f} R {result['recall']:.3f})  "
        f"ARI {result['ari']:.3f}  stories {result['clusters']}  (against topics: BCubed F "
        f"{result['topic_level']['bcubed_f']:.3f})",
        f"  baseline:  BCubed F {b['bcubed_f']:.3f} (P {b['precision']:.3f} R {b['recall']:.3f})  ARI {b['ari']:.3f}  "
        f"stories {b['clusters']}  (TF-IDF single link >= {b['threshold']}, chosen on train, same run)",
        f"  {result['seconds']} s",
    ])
