"""Nearest neighbours among article embeddings without comparing all pairs.

Up to `EXACT_LIMIT` articles the search is exact, in row blocks (a 5,000 x 5,000 product
is quick and small). Beyond, an inverted-file index: k-means puts the vectors in lists of
about `LIST_SIZE`, each vector joins its two nearest lists (so neighbours near a border
are not lost), and neighbours are searched inside each list only. The work grows with
n x LIST_SIZE, linearly in the number of articles.

The corpus stage searches once (`compute_corpus`) with the widest setting any consumer
needs and hands the edges to stories and copies; `strongest_per_article` narrows them.

Edges are `NeighbourEdges`: a read-only mapping {(i, j): cosine} kept as three arrays
(12 bytes an edge). As a dict of tuples and floats the 50-per-article graph cost ~100
bytes an edge, and with the narrowing's intermediate lists ~1.5 GB at 100k articles.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from collections.abc import ItemsView as _ItemsView

import numpy as np

EXACT_LIMIT = 5_000
LIST_SIZE = 500
BLOCK_ROWS = 1_024


class NeighbourEdges(Mapping):
    """{(i, j): cosine} with i < j, held as arrays `first`, `second` (int32) and `sims`
    (float32), sorted by (i, j), each pair once. Reads like the dict it replaces."""

    def __init__(self, first: np.ndarray, second: np.ndarray, sims: np.ndarray):
        self.first, self.second, self.sims = first, second, sims

    @classmethod
    def from_arrays(cls, first: np.ndarray, second: np.ndarray, sims: np.ndarray) -> NeighbourEdges:
        """Edges from (i, j, cosine) arrays with i < j, possibly repeating a pair (found from
        both ends, or in two lists): the last value found is kept, as a dict would."""
        if len(first) == 0:
            return _no_edges()
        codes = first.astype(np.int64) * (int(second.max()) + 1) + second.astype(np.int64)
        _, last = np.unique(codes[::-1], return_index=True)  # first in reverse = last found
        keep = len(codes) - 1 - last
        del codes
        return cls(first[keep].astype(np.int32), second[keep].astype(np.int32), sims[keep].astype(np.float32))

    @classmethod
    def from_mapping(cls, edges: Mapping[tuple[int, int], float]) -> NeighbourEdges:
        if isinstance(edges, NeighbourEdges):
            return edges
        pairs = np.array(list(edges.keys()), dtype=np.int32).reshape(-1, 2)
        return cls.from_arrays(pairs[:, 0], pairs[:, 1], np.array(list(edges.values()), dtype=np.float32))

    def __len__(self) -> int:
        return len(self.first)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.first.tolist(), self.second.tolist())

    def __getitem__(self, pair: tuple[int, int]) -> float:
        i, j = pair
        start, end = np.searchsorted(self.first, [i, i + 1])
        k = start + np.searchsorted(self.second[start:end], j)
        if k < end and self.second[k] == j:
            return float(self.sims[k])
        raise KeyError(pair)

    def items(self) -> _ItemsView:
        return _Items(self)


class _Items(_ItemsView):
    def __iter__(self):
        edges = self._mapping
        return zip(zip(edges.first.tolist(), edges.second.tolist()), edges.sims.astype(float).tolist())


def nearest_neighbours(vectors: np.ndarray, k: int, min_sim: float,
                       seed: int = 0) -> NeighbourEdges:
    """{(i, j): cosine} for i < j where j is among i's k most similar (or i among j's)
    with cosine >= min_sim. `vectors` must be L2-normalised."""
    n = len(vectors)
    if n < 2:
        return _no_edges()
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if n <= EXACT_LIMIT:
        return NeighbourEdges.from_arrays(*_exact(vectors, np.arange(n), k, min_sim))
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
        return _no_edges()
    return NeighbourEdges.from_arrays(*(np.concatenate(column) for column in zip(*parts)))


def strongest_per_article(edges: Mapping[tuple[int, int], float], k: int,
                          min_sim: float) -> NeighbourEdges:
    """The edges where j is among i's k strongest (or i among j's) at cosine >= min_sim:
    what `nearest_neighbours(vectors, k, min_sim)` gives when `edges` came from a wider
    search (a larger k, a lower floor). Ties in cosine go to the higher index."""
    edges = NeighbourEdges.from_mapping(edges)
    keep = edges.sims >= min_sim
    first, second, sims = edges.first[keep], edges.second[keep], edges.sims[keep]
    # Each edge seen from both ends; per article strongest first (then the higher index).
    article = np.concatenate([first, second])
    other = np.concatenate([second, first])
    both = np.concatenate([sims, sims])
    order = np.lexsort((-other, -both, article))
    article, other, both = article[order], other[order], both[order]
    starts = np.flatnonzero(np.r_[True, article[1:] != article[:-1]]) if len(article) else np.zeros(0, int)
    rank = np.arange(len(article)) - np.repeat(starts, np.diff(np.r_[starts, len(article)]))
    top = rank < k
    article, other, both = article[top], other[top], both[top]
    return NeighbourEdges.from_arrays(np.minimum(article, other), np.maximum(article, other), both)


def _no_edges() -> NeighbourEdges:
    return NeighbourEdges(np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.float32))


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
        i = np.broadcast_to(ids[start + rows][:, None], top.shape)[keep].astype(np.int32)
        j = ids[top][keep].astype(np.int32)
        firsts.append(np.minimum(i, j))
        seconds.append(np.maximum(i, j))
        sims_out.append(values[keep])
    return np.concatenate(firsts), np.concatenate(seconds), np.concatenate(sims_out)

