"""Feature hashing as scikit-learn does it, without importing scikit-learn (~1.3 s of CPU).

The technique and check-worthiness models were trained on scikit-learn's `FeatureHasher`
and `HashingVectorizer` (murmurhash3, 32-bit, seed 0; bucket = |signed hash| mod width).
At run time they need only the bucket numbers, which `murmurhash3_32` computes for a whole
list of strings at once in numpy, and the same n-grams, which `word_ngrams` and
`char_wb_ngrams` cut as scikit-learn's analyzers cut them. `hash_rows` then builds the
same CSR matrix (duplicates summed, indices sorted), so a model's output is unchanged to
the bit (tests/test_hashing.py compares both with scikit-learn where it is installed).
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

_C1 = np.uint32(0xCC9E2D51)
_C2 = np.uint32(0x1B873593)
_TAIL_MASK = np.array([0, 0xFF, 0xFFFF, 0xFFFFFF], dtype=np.uint32)


def _rotl(x: np.ndarray, r: int) -> np.ndarray:
    return (x << np.uint32(r)) | (x >> np.uint32(32 - r))


def _words_at(flat: np.ndarray, at: np.ndarray) -> np.ndarray:
    """The little-endian uint32 starting at each byte offset `at` of `flat`."""
    return (flat[at].astype(np.uint32) | (flat[at + 1].astype(np.uint32) << np.uint32(8))
            | (flat[at + 2].astype(np.uint32) << np.uint32(16)) | (flat[at + 3].astype(np.uint32) << np.uint32(24)))


def murmurhash3_32(strings: list[str], seed: int = 0) -> np.ndarray:
    """MurmurHash3 (x86, 32-bit) of each string's UTF-8 bytes, as signed int32: what
    `sklearn.utils.murmurhash3_32(s, seed)` returns for each."""
    data = [s.encode("utf-8") for s in strings]
    n = len(data)
    if not n:
        return np.zeros(0, dtype=np.int32)
    lengths = np.fromiter(map(len, data), dtype=np.int64, count=n)
    starts = np.zeros(n, dtype=np.int64)
    np.cumsum(lengths[:-1], out=starts[1:])
    flat = np.frombuffer(b"".join(data) + b"\0\0\0\0", dtype=np.uint8)
    blocks = lengths // 4
    # Longest first, so that the strings still hashing block j are a prefix of the order.
    order = np.argsort(-blocks, kind="stable")
    sorted_blocks = blocks[order]
    h = np.full(n, np.uint32(seed & 0xFFFFFFFF), dtype=np.uint32)
    with np.errstate(over="ignore"):
        for j in range(int(sorted_blocks[0]) if n else 0):
            m = int(np.searchsorted(-sorted_blocks, -j, side="left"))   # rows with more than j blocks
            rows = order[:m]
            k = _words_at(flat, starts[rows] + 4 * j) * _C1
            k = _rotl(k, 15) * _C2
            x = _rotl(h[rows] ^ k, 13)
            h[rows] = x * np.uint32(5) + np.uint32(0xE6546B64)
        tail = (lengths & 3).astype(np.int64)
        has_tail = tail > 0
        k = _words_at(flat, starts + 4 * blocks) & _TAIL_MASK[tail]
        k = _rotl(k * _C1, 15) * _C2
        h = np.where(has_tail, h ^ k, h)
        h ^= lengths.astype(np.uint32)
        h ^= h >> np.uint32(16)
        h *= np.uint32(0x85EBCA6B)
        h ^= h >> np.uint32(13)
        h *= np.uint32(0xC2B2AE35)
        h ^= h >> np.uint32(16)
    return h.view(np.int32)


def buckets(strings: list[str], n_features: int) -> np.ndarray:
    """scikit-learn's bucket of each string: |signed murmurhash3| mod n_features."""
    # Each distinct string is hashed once (features repeat: an article's character n-grams
    # are ~85% repeats), its bucket handed to every place it occurs.
    # (dict and map iterate in C, with no generator frame per string)
    first_of = {f: k for k, f in enumerate(dict.fromkeys(strings))}
    where = np.fromiter(map(first_of.__getitem__, strings), dtype=np.int64, count=len(strings))
    distinct = (np.abs(murmurhash3_32(list(first_of)).astype(np.int64)) % n_features).astype(np.int32)
    return distinct[where]


def hash_rows(rows: list[list[str]], n_features: int, dtype=np.float64):
    """`FeatureHasher(n_features, input_type="string", alternate_sign=False).transform(rows)`:
    a CSR matrix of feature counts per row, duplicates summed and indices sorted."""
    from scipy import sparse

    rows = [list(r) for r in rows]
    lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    strings = [f for r in rows for f in r]
    if indptr[-1] <= np.iinfo(np.int32).max:
        indptr = indptr.astype(np.int32)
    X = sparse.csr_matrix((np.ones(len(strings), dtype=dtype), buckets(strings, n_features), indptr),
                          shape=(len(rows), n_features), dtype=dtype)
    X.sum_duplicates()
    return X


# scikit-learn's text analyzers (CountVectorizer/HashingVectorizer defaults: lowercase, no
# accent stripping, no stop words).
_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_WHITE_SPACES = re.compile(r"\s\s+")


def word_ngrams(text: str, low: int, high: int) -> list[str]:
    """analyzer="word", ngram_range=(low, high), lowercase."""
    tokens = _TOKEN.findall(text.lower())
    out = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high + 1, len(tokens) + 1)):
        out += [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
    return out


def char_wb_ngrams(text: str, low: int, high: int) -> list[str]:
    """analyzer="char_wb", ngram_range=(low, high), lowercase: n-grams inside each
    white-space-separated word padded with one space each side; a word shorter than n
    counts once, whole."""
    out = []
    for w in _WHITE_SPACES.sub(" ", text.lower()).split():
        out += _word_char_ngrams(w, low, high)
    return out


# Words recur across sentences and articles ("the", "said"): a word's n-grams are cut once
# while it stays among the last few thousand words asked for (~25 short strings a word).
@lru_cache(maxsize=8192)
def _word_char_ngrams(word: str, low: int, high: int) -> tuple[str, ...]:
    w = f" {word} "
    out = []
    for n in range(low, high + 1):
        if len(w) <= n:
            out.append(w)
            break
        out += [w[i:i + n] for i in range(len(w) - n + 1)]
    return tuple(out)
