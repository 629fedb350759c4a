"""Feature hashing without scikit-learn: the same hashes, n-grams and matrices as
scikit-learn's FeatureHasher and HashingVectorizer (compared where it is installed)."""

from __future__ import annotations

import numpy as np
import pytest

from newsprobe.hashing import buckets, char_wb_ngrams, hash_rows, murmurhash3_32, word_ngrams

TEXTS = [
    "The council paused the harbour plan on Tuesday.",
    "\u201cWe need a new study first,\u201d said Maria Lind of Malm\u00f6\u2019s caf\u00e9 quarter.",
    "Unemployment rose to 7.4 percent in March, up from 6.1 percent a year earlier!!",
    "  Tabs\tand   spaces\n\nand a very-long-hyphenated-compound-word-that-goes-on  ",
    "A I x y",   # one-letter words: no word tokens, short char n-grams
    "",
    "\u65e5\u672c\u8a9e \u0645\u0631\u062d\u0628\u0627 \U0001F600 emoji",
]
STRINGS = ["", "a", "ab", "abc", "abcd", "abcde", "w=the", "suffix=ing|pos=NOUN", "\u00e9t\u00e9", "x" * 257,
           "\U0001F600", "prev2=according to"] + [str(i) * (i % 9) for i in range(40)]


@pytest.fixture(scope="module")
def sklearn_text():
    return pytest.importorskip("sklearn.feature_extraction.text")


def test_murmurhash_equals_sklearns():
    murmur = pytest.importorskip("sklearn.utils").murmurhash3_32
    assert murmurhash3_32(STRINGS).tolist() == [murmur(s, seed=0) for s in STRINGS]
    assert murmurhash3_32(STRINGS, seed=42).tolist() == [murmur(s, seed=42) for s in STRINGS]
    assert murmurhash3_32([]).shape == (0,)


def test_hash_rows_equal_feature_hasher():
    from sklearn.feature_extraction import FeatureHasher

    rows = [STRINGS[:5], [], STRINGS[5:] + STRINGS[5:8], ["only"]]
    for width in (2 ** 10, 2 ** 18):
        expected = FeatureHasher(n_features=width, input_type="string", alternate_sign=False).transform(rows)
        ours = hash_rows(rows, width)
        for name in ("indptr", "indices", "data"):
            assert np.array_equal(getattr(ours, name), getattr(expected.tocsr(), name)), name
        assert ours.shape == expected.shape
    assert buckets(["a"], 8).tolist() == [abs(murmurhash3_32(["a"])[0]) % 8]


def test_ngrams_equal_sklearns_analyzers(sklearn_text):
    for analyzer, ours in (("word", word_ngrams), ("char_wb", char_wb_ngrams)):
        for low, high in ((1, 2), (2, 5), (1, 1)):
            analyse = sklearn_text.HashingVectorizer(analyzer=analyzer, ngram_range=(low, high)).build_analyzer()
            for text in TEXTS:
                assert sorted(ours(text, low, high)) == sorted(analyse(text)), (analyzer, low, high, text)


def test_checkworthiness_counts_equal_hashing_vectorizer(sklearn_text):
    from newsprobe.layers.checkworthy import NGRAM_BITS, ngram_counts

    common = dict(n_features=1 << NGRAM_BITS, alternate_sign=False, norm=None, lowercase=True)
    expected = (sklearn_text.HashingVectorizer(analyzer="word", ngram_range=(1, 2), **common),
                sklearn_text.HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5), **common))
    for ours, vectorizer in zip(ngram_counts(TEXTS), expected):
        theirs = vectorizer.transform(TEXTS).tocsr()
        for name in ("indptr", "indices", "data"):
            assert np.array_equal(getattr(ours, name), getattr(theirs, name)), name


def test_hash_rows_of_repeated_strings_equal_each_string_hashed_in_place():
    rows = [["ab", "cd", "ab", "ab"], [], ["cd", "ef", "ab"], ["zz"]]
    X = hash_rows(rows, 1 << 10)
    expected = np.zeros((len(rows), 1 << 10))
    for i, row in enumerate(rows):
        for s, col in zip(row, buckets(row, 1 << 10)):
            expected[i, col] += 1
    assert np.array_equal(X.toarray(), expected)
    assert X.has_sorted_indices and X.indices.dtype == buckets(["ab"], 4).dtype


def test_char_ngrams_of_a_word_seen_before_equal_a_fresh_cut():
    def direct(text, low, high):
        out = []
        for w in " ".join(text.lower().split()).split():
            w = f" {w} "
            for n in range(low, high + 1):
                if len(w) <= n:
                    out.append(w)
                    break
                out += [w[i:i + n] for i in range(len(w) - n + 1)]
        return out

    text = "The  mayor said the mayor's plan is a plan, a Plan."
    for low, high in ((2, 5), (1, 3), (2, 5)):
        assert char_wb_ngrams(text, low, high) == direct(text, low, high)
