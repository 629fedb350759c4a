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


def signature_matrix(items: list[set[str]], num_perm: int = NUM_PERM) -> np.ndarray:
    """MinHash signatures as one (n, num_perm) array, for callers that keep many."""
    return np.stack([minhash(s, num_perm).hashvalues for s in items]) if items else \
        np.zeros((0, num_perm), dtype=np.uint64)
