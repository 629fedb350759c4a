"""Language-independent evidence that two texts report the same event: the names and
numbers they share.

A translation keeps what an editor would check first, who and how much: the names (in
whatever script, transliterated) and the figures. `anchor_tokens` reads both off the raw
text, with no language model, so it works the same for every language:

- **numbers** of two or more digits, thousands separators dropped and a decimal comma read
  as a point ("4,5" and "4.5" are one token; "1,100,000" and "1 100 000" too);
- **names**: capitalised words of three letters or more, Cyrillic transliterated and
  accents stripped, lowercased, the spellings of one sound folded (`sound_key`) and cut
  to their first `NAME_PREFIX` letters, so that the forms of a name in several languages
  meet ("Zelenskiej", "Зеленская", "Selenska", "Zełenska" -> "selen"). A capitalised word
  that the same text, or most of the corpus, also writes in lower case is taken for a
  common word at a sentence start and left out; tokens in too many articles of a large
  corpus are dropped altogether (`anchor_matrix`).

`anchor_matrix` turns the tokens into TF-IDF rows (sublinear tf, smoothed idf over the
corpus at hand, L2-normalised), whose dot product is the anchor similarity of two
articles. `AnchorIndex` also keeps where each anchor stands, for the translation route
that aligns two texts' sentences by their anchors (`translations.py`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np

NAME_PREFIX = 5
# In a corpus larger than MIN_DOCS_FOR_CAP, a token in more than this share of articles is
# dropped: it says nothing about an event, and it would make the sparse products dense.
MAX_DOC_SHARE = 0.05
MIN_DOCS_FOR_CAP = 200

_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?")
_THOUSANDS = re.compile(r"[.,\u00a0\u202f ](?=\d{3}(?!\d))")
# Letters that carry no combining mark to strip.
_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"})
_SOUNDS = (("sch", "s"), ("sh", "s"), ("ph", "f"), ("th", "t"), ("w", "v"), ("z", "s"), ("c", "k"), ("q", "k"),
           ("j", "i"), ("y", "i"))
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґ",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t",
     "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "ye", "i", "yi", "g"]))


# Latin letters that look like Cyrillic ones. Some pages write Cyrillic words with Latin
# look-alikes mixed in ("Пpeзидeнт", "Aмepики": Latin p, e, A), which hides them from
# search; in a word that mixes the two scripts they are read as the Cyrillic letter.
_LOOKALIKES = dict(zip("aceiopxyk", "асеіорхук"))


@lru_cache(maxsize=1 << 18)
def latin_key(word: str) -> str:
    """`word` lowercased, Cyrillic transliterated (Latin look-alikes in a word that mixes
    the two scripts read as Cyrillic), accents and other marks stripped."""
    word = word.lower()
    if any(ch in _CYRILLIC for ch in word) and any("a" <= ch <= "z" for ch in word):
        word = "".join(_LOOKALIKES.get(ch, ch) for ch in word)
    word = "".join(_CYRILLIC.get(ch, ch) for ch in word)
    word = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
    return word.translate(_LETTERS)


def sound_key(key: str) -> str:
    """A latin key with the spellings that languages give one sound folded together
    ("Selenska", "Zelenska"; "Schweden", "Sweden"; "Tschechien", "Czechia" stay apart):
    sch/sh -> s, ph -> f, th -> t, w -> v, z -> s, c/q -> k, j/y -> i, doubled letters once."""
    for old, new in _SOUNDS:
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", key)


def number_key(number: str) -> str:
    return _THOUSANDS.sub("", number).replace(",", ".")


def anchor_tokens(text: str) -> list[str]:
    """The text's anchors on its own (`anchor_matrix` also drops the capitalised words
    that the rest of the corpus writes in lower case)."""
    numbers, names, _ = _candidates(text)
    return numbers + [name_token(key) for key in names]


def name_token(key: str) -> str:
    return sound_key(key)[:NAME_PREFIX]


def _candidates(text: str) -> tuple[list[str], list[str], set[str]]:
    """(number tokens, latin keys of the capitalised words that the text never writes in
    lower case, latin keys of its lower-case words)."""
    numbers, names, lowercase = _occurrences(text)
    return [t for t, _ in numbers], [key for key, _ in names], lowercase


def anchor_matrix(texts: list[str]):
    """Rows of L2-normalised TF-IDF weights of each text's anchor tokens (scipy CSR).

    A capitalised word is also left out when the corpus writes it in lower case in at
    least as many articles as it capitalises it: a common word at a sentence start
    ("According", "There", "Minister"), in any language, that a single short text cannot
    tell from a name. Memory: each text's lower-case words are counted and dropped at once;
    only its numbers and name keys (with their offsets) are kept until the matrix is built."""
    parts = _corpus_anchors(texts)
    return tfidf_rows(([t for t, _ in numbers] + [t for t, _ in names] for numbers, names in parts), len(texts))


def _corpus_anchors(texts: list[str]) -> list[tuple[list[tuple[str, int]], list[tuple[str, int]]]]:
    """Each text's (number tokens, name tokens), each with its offset, less the capitalised
    words the corpus writes in lower case in at least as many articles as it capitalises
    them. Memory: each text's lower-case words are counted and dropped at once."""
    from collections import Counter

    lower_df: Counter[str] = Counter()
    upper_df: Counter[str] = Counter()
    found = []
    for text in texts:
        numbers, names, lowercase = _occurrences(text)
        lower_df.update(lowercase)
        upper_df.update({key for key, _ in names})
        found.append((numbers, names))
    return [(numbers, [(name_token(key), at) for key, at in names if lower_df[key] < upper_df[key]])
            for numbers, names in found]


def tfidf_rows(token_lists, n: int):
    """L2-normalised TF-IDF rows (sublinear tf, smoothed idf; in a corpus of more than
    MIN_DOCS_FOR_CAP articles, tokens in more than MAX_DOC_SHARE of them get weight 0)."""
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    rows, cols, counts = [], [], []
    for r, tokens in enumerate(token_lists):
        seen: dict[int, int] = {}
        for token in tokens:
            c = vocabulary.setdefault(token, len(vocabulary))
            seen[c] = seen.get(c, 0) + 1
        rows.extend([r] * len(seen))
        cols.extend(seen)
        counts.extend(seen.values())
    shape = (n, max(len(vocabulary), 1))
    matrix = csr_matrix((np.array(counts, dtype=np.float64), (np.array(rows, dtype=np.int64),
                                                              np.array(cols, dtype=np.int64))), shape=shape)
    df = np.bincount(matrix.indices, minlength=shape[1]).astype(np.float64)
    idf = np.log((1 + n) / (1 + df)) + 1.0
    if n > MIN_DOCS_FOR_CAP:
        idf[df > MAX_DOC_SHARE * n] = 0.0
    matrix.data = 1.0 + np.log(matrix.data)
    matrix = matrix.multiply(idf[np.newaxis, :]).tocsr()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    matrix = csr_matrix(matrix.multiply(1.0 / np.maximum(norms, 1e-12)[:, np.newaxis]))
    matrix.eliminate_zeros()
    return matrix


class AnchorIndex:
    """Each text's anchors in reading order, with where they stand, and the idf of each
    token over the texts at hand: what an order-preserving alignment of two texts' anchors
    reads (`translations.anchor_alignment`).

    The same tokens as `anchor_matrix` (a capitalised word the corpus writes at least as
    often in lower case is left out), the same smoothed idf; `rows` are `anchor_matrix`'s
    rows, for the candidate search."""

    def __init__(self, texts: list[str]):
        from collections import Counter

        self.occurrences: list[list[tuple[str, int]]] = [
            sorted(numbers + names, key=lambda item: item[1]) for numbers, names in _corpus_anchors(texts)]
        n = len(texts)
        df = Counter(token for occurrences in self.occurrences for token in {t for t, _ in occurrences})
        self.idf = {token: 0.0 if n > MIN_DOCS_FOR_CAP and count > MAX_DOC_SHARE * n
                    else float(np.log((1 + n) / (1 + count)) + 1.0) for token, count in df.items()}
        self.rows = tfidf_rows(([t for t, _ in occurrences] for occurrences in self.occurrences), n)


def _occurrences(text: str) -> tuple[list[tuple[str, int]], list[tuple[str, int]], set[str]]:
    """`_candidates` with each token's start offset: (number tokens, latin keys of
    capitalised words the text never writes in lower case, the lower-case keys)."""
    numbers = []
    for m in _NUMBER.finditer(text):
        key = number_key(m.group(0))
        if sum(ch.isdigit() for ch in key) >= 2:
            numbers.append(("#" + key, m.start()))
    names, lowercase = [], set()
    for m in _WORD.finditer(text):
        word = m.group(0)
        if word[0].islower():
            lowercase.add(latin_key(word))
        elif len(word) >= 3 and word[0].isupper():
            names.append((latin_key(word), m.start()))
    return numbers, [(key, at) for key, at in names if key not in lowercase], lowercase
