"""Language-independent evidence that two texts report the same event: the names and
numbers they share.

A translation keeps what an editor would check first, who and how much: the names (in
whatever script, transliterated) and the figures. `anchor_tokens` reads both off the raw
text, with no language model, so it works the same for every language:

- **numbers** of two or more digits, thousands separators dropped and a decimal comma read
  as a point ("4,5" and "4.5" are one token; "1,100,000" and "1 100 000" too);
- **names**: capitalised words of three letters or more, Cyrillic transliterated and
  accents stripped, lowercased and cut to their first `NAME_PREFIX` letters, so that the
  inflected forms of a name in Polish or Russian meet the English one ("Zelenskiej",
  "Зеленская", "Zelenska" -> "zelen"). A capitalised word that the same text also writes in lower
  case is taken for a common word at a sentence start and left out; words too common in
  a large corpus are dropped altogether (`anchor_matrix`).

`anchor_matrix` turns the tokens into TF-IDF rows (sublinear tf, smoothed idf over the
corpus at hand, L2-normalised), whose dot product is the anchor similarity of two
articles.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np

NAME_PREFIX = 5
# In a corpus larger than MIN_DOCS_FOR_CAP, a token in more than this share of articles is
# dropped: it says nothing about an event, and it would make the sparse products dense.
MAX_DOC_SHARE = 0.05
MIN_DOCS_FOR_CAP = 200

_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?")
_THOUSANDS = re.compile(r"[.,\u00a0\u202f ](?=\d{3}(?!\d))")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґ",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t",
     "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "ye", "i", "yi", "g"]))


def latin_key(word: str) -> str:
    """`word` lowercased, Cyrillic transliterated, accents and other marks stripped."""
    word = "".join(_CYRILLIC.get(ch, ch) for ch in word.lower())
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def number_key(number: str) -> str:
    return _THOUSANDS.sub("", number).replace(",", ".")


def anchor_tokens(text: str) -> list[str]:
    tokens = []
    for m in _NUMBER.finditer(text):
        key = number_key(m.group(0))
        if sum(ch.isdigit() for ch in key) >= 2:
            tokens.append("#" + key)
    lowercase = {m.group(0) for m in _WORD.finditer(text) if m.group(0)[0].islower()}
    for m in _WORD.finditer(text):
        word = m.group(0)
        # A capitalised word that the text also writes in lower case is a common word at
        # the start of a sentence or heading ("The", "Der", "Breaking"), not a name.
        if len(word) >= 3 and word[0].isupper() and word.lower() not in lowercase:
            tokens.append(latin_key(word)[:NAME_PREFIX])
    return tokens


def anchor_matrix(texts: list[str]):
    """Rows of L2-normalised TF-IDF weights of each text's anchor tokens (scipy CSR)."""
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    rows, cols, counts = [], [], []
    for r, text in enumerate(texts):
        seen: dict[int, int] = {}
        for token in anchor_tokens(text):
            c = vocabulary.setdefault(token, len(vocabulary))
            seen[c] = seen.get(c, 0) + 1
        rows.extend([r] * len(seen))
        cols.extend(seen)
        counts.extend(seen.values())
    n = len(texts)
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
