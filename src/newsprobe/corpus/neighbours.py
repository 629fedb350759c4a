"""Nearest neighbours among article embeddings without comparing all pairs.

Up to `EXACT_LIMIT` articles the search is exact, in row blocks (a 5,000 x 5,000 product
is quick and small). Beyond, an inverted-file index: k-means puts the vectors in lists of
about `LIST_SIZE`, each vector joins its two nearest lists (so neighbours near a border
are not lost), and neighbours are searched inside each list only. The work grows with
n x LIST_SIZE, linearly in the number of articles.
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
    if n <= EXACT_LIMIT:
        return _exact(vectors, np.arange(n), k, min_sim)
    from sklearn.cluster import MiniBatchKMeans

    lists = max(2, n // LIST_SIZE)
    km = MiniBatchKMeans(n_clusters=lists, random_state=seed, batch_size=4096, n_init=1,
                         max_iter=20).fit(vectors)
    nearest = np.argsort(-(vectors @ km.cluster_centers_.T), axis=1)[:, :2]
    edges: dict[tuple[int, int], float] = {}
    for c in range(lists):
        members = np.nonzero((nearest == c).any(axis=1))[0]
        if len(members) > 1:
            edges.update(_exact(vectors[members], members, k, min_sim))
    return edges


def _exact(vectors: np.ndarray, ids: np.ndarray, k: int, min_sim: float) -> dict[tuple[int, int], float]:
    n = len(vectors)
    kk = min(k, n - 1)
    edges: dict[tuple[int, int], float] = {}
    for start in range(0, n, BLOCK_ROWS):
        sims = vectors[start:start + BLOCK_ROWS] @ vectors.T
        for r in range(len(sims)):
            sims[r, start + r] = -1.0  # not its own neighbour
        top = np.argpartition(-sims, kk - 1, axis=1)[:, :kk] if kk < n else np.tile(np.arange(n), (len(sims), 1))
        for r, row in enumerate(top):
            i = int(ids[start + r])
            for c in row:
                s = float(sims[r, c])
                if s >= min_sim and c != start + r:
                    j = int(ids[c])
                    edges[(i, j) if i < j else (j, i)] = s
    return edges
