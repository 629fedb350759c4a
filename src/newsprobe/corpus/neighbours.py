"""Nearest neighbours among article embeddings without comparing all pairs.

Up to `EXACT_LIMIT` articles the search is exact, in row blocks (a 5,000 x 5,000 product
is quick and small). Beyond, an inverted-file index: k-means puts the vectors in lists of
about `LIST_SIZE`, each vector joins its two nearest lists (so neighbours near a border
are not lost), and neighbours are searched inside each list only. The work grows with
n x LIST_SIZE, linearly in the number of articles.

The corpus stage searches once (`compute_corpus`) with the widest setting any consumer
needs and hands the edges to stories and copies; `strongest_per_article` narrows them.
"""

from __future__ import annotations

import numpy as np

EXACT_LIMIT = 5_000
LIST_SIZE = 500
BLOCK_ROWS = 1_024


def nearest_neighbours(vectors: np.ndarray, k: int, min_sim: float,
                       seed: int = 0) -> dict[tuple[int, int], float]:
    """{(i, j): cosine} for i < j where j is among i's k most similar (or i among j's)
    with cosine >= min_sim. `vectors` must be L2-normalised."""
    n = len(vectors)
    if n < 2:
        return {}
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if n <= EXACT_LIMIT:
        return _as_dict(*_exact(vectors, np.arange(n), k, min_sim))
    from sklearn.cluster import MiniBatchKMeans

    lists = max(2, n // LIST_SIZE)
    # Random initial centres: k-means++ seeding costs lists x n and only sharpens lists
    # that are searched two at a time anyway.
    km = MiniBatchKMeans(n_clusters=lists, init="random", random_state=seed, batch_size=4096,
                         n_init=1, max_iter=20).fit(vectors)
    nearest = np.argsort(-(vectors @ km.cluster_centers_.T), axis=1)[:, :2]
    parts = []
    for c in range(lists):
        members = np.nonzero((nearest == c).any(axis=1))[0]
        if len(members) > 1:
            parts.append(_exact(vectors[members], members, k, min_sim))
    if not parts:
        return {}
    return _as_dict(*(np.concatenate(column) for column in zip(*parts)))


def strongest_per_article(edges: dict[tuple[int, int], float], k: int,
                          min_sim: float) -> dict[tuple[int, int], float]:
    """The edges where j is among i's k strongest (or i among j's) at cosine >= min_sim:
    what `nearest_neighbours(vectors, k, min_sim)` gives when `edges` came from a wider
    search (a larger k, a lower floor)."""
    by_article: dict[int, list[tuple[float, int]]] = {}
    for (i, j), s in edges.items():
        if s >= min_sim:
            by_article.setdefault(i, []).append((s, j))
            by_article.setdefault(j, []).append((s, i))
    out: dict[tuple[int, int], float] = {}
    for i, row in by_article.items():
        row.sort(reverse=True)
        for s, j in row[:k]:
            out[(i, j) if i < j else (j, i)] = s
    return out


def _exact(vectors: np.ndarray, ids: np.ndarray, k: int,
           min_sim: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, cosine) arrays, i < j, in the ids' numbering; vectorised per block."""
    n = len(vectors)
    kk = min(k, n - 1)
    firsts, seconds, sims_out = [], [], []
    for start in range(0, n, BLOCK_ROWS):
        sims = vectors[start:start + BLOCK_ROWS] @ vectors.T
        rows = np.arange(len(sims))
        sims[rows, start + rows] = -np.inf  # not its own neighbour
        top = np.argpartition(-sims, kk - 1, axis=1)[:, :kk]
        values = np.take_along_axis(sims, top, axis=1)
        keep = values >= min_sim
        i = np.broadcast_to(ids[start + rows][:, None], top.shape)[keep]
        j = ids[top][keep]
        firsts.append(np.minimum(i, j))
        seconds.append(np.maximum(i, j))
        sims_out.append(values[keep])
    return np.concatenate(firsts), np.concatenate(seconds), np.concatenate(sims_out)


def _as_dict(first: np.ndarray, second: np.ndarray, sims: np.ndarray) -> dict[tuple[int, int], float]:
    return dict(zip(zip(first.tolist(), second.tolist()), sims.astype(float).tolist()))
