"""Text fingerprints for finding copies: word shingles, stopword n-grams, MinHash.

Word shingles catch verbatim copies and die under synonym swaps. Stopword n-grams
(Stamatatos, "Plagiarism detection using stopword n-grams", JASIST 2011) keep only the
function words of a text ("the ... of the ... that it would be ...", in order): a spinner
that swaps content words for synonyms leaves them intact, so they survive rewriting that
word shingles do not, and they carry little topic, so two different articles on one
subject share few of them.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash

# Words: letters/digits with inner hyphens or apostrophes ("four-month", "didn't").
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)

# English function words (articles, pronouns, auxiliaries, prepositions, conjunctions,
# common adverbs): the alphabet of stopword n-grams. Written for newsprobe; deliberately
# without content-bearing words ("said", "year") so the n-grams carry style, not topic.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be been before being
below between both but by can could did do does doing down during each either even ever
few for from further had has have having he her here hers herself him himself his how i
if in into is it its itself just least less many may me might more most much must my
myself neither no nor not now of off on once only or other our ours ourselves out over
own same she should since so some such than that the their theirs them themselves then
there these they this those though through thus to too under until up upon us very was
we were what when where whether which while who whom whose why will with within without
would yet you your yours yourself
""".split())

# Default shingle sizes: 3 words is the usual near-duplicate shingle; 6 stopwords
# (Stamatatos used 8 for documents, fewer for paragraphs) keeps enough shared n-grams
# when clauses are reordered inside sentences.
WORD_SHINGLE = 3
STOPWORD_GRAM = 6
NUM_PERM = 128


def words(text: str) -> list[str]:
    return [m.group(0).lower().replace("’", "'") for m in WORD.finditer(text)]


def shingles(tokens: list[str], n: int) -> set[str]:
    if len(tokens) < n:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def word_shingles(text: str, n: int = WORD_SHINGLE) -> set[str]:
    return shingles(words(text), n)


def stopword_ngrams(text: str, n: int = STOPWORD_GRAM) -> set[str]:
    return shingles([w for w in words(text) if w in STOPWORDS], n)


def minhash(features: Iterable[str], num_perm: int = NUM_PERM) -> MinHash:
    # The permutations are the same for every signature (seed 1); datasketch draws them
    # afresh per MinHash unless given, which cost a quarter of the signature time.
    template = _template(num_perm)
    m = MinHash(num_perm=num_perm, permutations=template.permutations, scheme=template.scheme)
    batch = [f.encode("utf-8") for f in features]
    if batch:
        m.update_batch(batch)
    return m


@functools.lru_cache(maxsize=4)
def _template(num_perm: int) -> MinHash:
    return MinHash(num_perm=num_perm)


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the other: a copy of part of a text scores 1."""
    small = min(len(a), len(b))
    return len(a & b) / small if small else 0.0


# --- many signatures at once, as a compact array -----------------------------------------
#
# The corpus stage needs a signature per article and feature family. Kept as datasketch
# MinHash objects (and inserted into a MinHashLSH) they cost ~2 kB and a dozen Python
# objects an article; at 100k articles that was most of a gigabyte. `signatures` computes
# the same values (datasketch's default `affine32` scheme: SHA-1's first four bytes,
# MurmurHash3's 32-bit finaliser, then a * h + b mod 2^32 with datasketch's seed-1
# permutations) into one uint32 row per text, and only for the columns that LSH bands read.

_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))
_EMPTY = np.uint32(0xFFFFFFFF)  # datasketch's value for a signature of no features


def hash32(features: Iterable[str]) -> np.ndarray:
    """SHA-1 based 32-bit hashes of `features`, MurmurHash3-finalised (datasketch's
    `sha1_hash32` then `_fmix(…, 32)`)."""
    digests = b"".join(hashlib.sha1(f.encode("utf-8")).digest()[:4] for f in features)
    hv = np.frombuffer(digests, dtype="<u4").astype(np.uint32)
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    return hv ^ (hv >> s3)


def signatures(feature_sets: Iterable[Iterable[str]], num_perm: int = NUM_PERM,
               columns: int | None = None) -> np.ndarray:
    """MinHash signatures, one uint32 row per feature set, equal to
    `minhash(features, num_perm).hashvalues[:columns]`."""
    a, b = _template(num_perm).permutations
    a, b = a[:columns].astype(np.uint32), b[:columns].astype(np.uint32)
    rows = []
    for features in feature_sets:
        hv = hash32(features)
        if len(hv) == 0:
            rows.append(np.full(len(a), _EMPTY, dtype=np.uint32))
        else:
            rows.append((hv[:, None] * a + b).min(axis=0))
    return np.stack(rows) if rows else np.zeros((0, len(a)), dtype=np.uint32)


@functools.lru_cache(maxsize=8)
def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) that datasketch's MinHashLSH picks for this threshold: the
    same banding, so the same candidates."""
    from datasketch import MinHashLSH
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def lsh_pairs(signature_rows: np.ndarray, bands: int, rows: int, max_bucket: int = 200) -> np.ndarray:
    """Index pairs (i < j), as a sorted (m, 2) int64 array, of the rows that agree on every
    value of at least one band: what querying a MinHashLSH with each signature returns.

    A bucket shared by more than `max_bucket` rows (texts with no features, boilerplate
    that many texts share) would give max_bucket² pairs; there each row is paired with the
    `max_bucket` rows after it only, so the pairs stay linear in the corpus."""
    n = len(signature_rows)
    codes = []
    for band in range(bands):
        block = np.ascontiguousarray(signature_rows[:, band * rows:(band + 1) * rows])
        if block.dtype.itemsize * rows <= 8:  # the band fits one integer exactly
            keys = np.zeros(n, dtype=np.uint64)
            for column in block.T:
                keys = (keys << np.uint64(8 * block.dtype.itemsize)) | column.astype(np.uint64)
        else:
            keys = block.view(np.dtype((np.void, block.dtype.itemsize * rows))).ravel()
        _, bucket = np.unique(keys, return_inverse=True)
        order = np.argsort(bucket, kind="stable")
        sorted_buckets = bucket[order]
        starts = np.flatnonzero(np.r_[True, sorted_buckets[1:] != sorted_buckets[:-1]])
        sizes = np.diff(np.r_[starts, n])
        for start, size in zip(starts[sizes > 1].tolist(), sizes[sizes > 1].tolist()):
            members = np.sort(order[start:start + size]).astype(np.int64)
            codes.append(_bucket_pairs(members, n, max_bucket))
    if not codes:
        return np.zeros((0, 2), dtype=np.int64)
    unique = np.unique(np.concatenate(codes))
    return np.stack([unique // n, unique % n], axis=1)


def _bucket_pairs(members: np.ndarray, n: int, window: int) -> np.ndarray:
    """Pair codes i * n + j (i < j) of the members of one bucket (sorted), each with the
    next `window` members at most."""
    m = len(members)
    first, second = np.triu_indices(m, 1) if m <= window else _windowed(m, window)
    return members[first] * n + members[second]


def _windowed(m: int, window: int) -> tuple[np.ndarray, np.ndarray]:
    offsets = np.arange(1, window + 1)
    first = np.repeat(np.arange(m), window)
    second = first + np.tile(offsets, m)
    keep = second < m
    return first[keep], second[keep]


def text_features(text: str) -> tuple[set[str], set[str]]:
    """(word shingles, stopword n-grams) of `text`, tokenised once."""
    tokens = words(text)
    return shingles(tokens, WORD_SHINGLE), shingles([w for w in tokens if w in STOPWORDS], STOPWORD_GRAM)
