"""Check-worthiness: how much a sentence states a checkable fact, as a score in [0, 1].

The score is the mean of the probabilities of three small heads, each trained on CheckThat!
2024 English train by `scripts/train_checkworthiness.py` (weights, vocabularies and the
decision threshold in `models/checkworthiness.npz`; see MODELS.md):

- `LinearHead`: logistic regression over [frozen all-MiniLM-L6-v2 sentence input | a
  few cheap lexical features (numbers, percentages, money, years, comparisons, first-person
  opinion, questions) | hashed word uni- and bigrams] (`features()`);
- `NgramHead`: logistic regression over TF-IDF of hashed word 1-2-grams and character
  2-5-grams inside word boundaries (`ngram_features()`), which sees spelling-level cues
  (digits, "%", "-ion" nouns, contractions) that the embedding smooths away;
- `MlpHead`: one hidden layer (ReLU) over [sentence input | lexical features].

The *sentence input* (`embed()`) is MiniLM's sentence vector next to the mean hidden states
after its layers 3, 4 and 5 (of 6), each L2-normalised: the middle layers keep more of the
wording and syntax that check-worthiness turns on than the last one, which is trained for
topical similarity (+0.011 F1 out-of-fold on train, MODELS.md). They come from the same
forward pass as the sentence vector (`embeddings.encode_with_layer_means`), so they cost
no second pass. On a shallower pass of k layers (the setting `encoder.layers`) the
sentence vector is the pooled state after layer k and the means those after the three
layers below it (`layers_for`), and the heads are those trained on it
(`embeddings.head_folder`).

The three make different errors, so their mean ranks better than any one of them (5-fold
cross-validation on train, MODELS.md). The same feature functions are used for training
and inference, so they cannot drift.
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

MODEL_FILE = "checkworthiness.npz"
FORMAT = 3
LAYERS = (3, 4, 5)  # MiniLM hidden states (after layers 3, 4, 5 of 6) averaged into the input
INPUT_DIM = 384 * (1 + len(LAYERS))
FULL_DEPTH = 6


def layers_for(depth: int = FULL_DEPTH) -> tuple[int, ...]:
    """The layer means of the input on a pass of `depth` layers: the three below the last
    (0 is the embeddings), as LAYERS is for the full pass."""
    return tuple(range(depth - len(LAYERS), depth))
TRAIN_THRESHOLD = "train 5-fold out-of-fold"
HASH_BITS = 14  # 16,384 hashed n-gram buckets for the linear head: ~64 KB of float32 weights
# The n-gram head's buckets (sklearn's HashingVectorizer: murmurhash3, stable across
# processes and versions). 2**18 keeps collisions rare among the ~10**5 n-grams seen twice
# in train; only the buckets seen in training are stored, so the file stays small.
NGRAM_BITS = 18

_NUMBER = re.compile(r"\d")
_PERCENT = re.compile(r"%|\bper ?cent\b", re.I)
_MONEY = re.compile(r"[$€£]|\b(dollars?|euros?|pounds|million|billion|trillion)\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_COMPARE = re.compile(r"\b(more|less|fewer|most|least|higher|lower|highest|lowest|increased?|"
                      r"decreased?|doubled?|tripled?|cut|raised?|rose|fell|grew|than|times|"
                      r"largest|biggest|smallest|record|first|only|every|never)\b", re.I)
_OPINION = re.compile(r"\b(i|we) (think|believe|feel|hope|want|will|am going|are going)\b", re.I)
_THANKS = re.compile(r"\b(thank|thanks|congratulat\w*|applause|laughter|good evening)\b", re.I)
_WORD = re.compile(r"[a-z0-9$%']+")

LEXICAL_NAMES = ("has_number", "percent", "money", "year", "comparison", "opinion", "question",
                 "courtesy", "log_words")


def lexical_features(text: str) -> np.ndarray:
    words = _WORD.findall(text.lower())
    return np.array([
        bool(_NUMBER.search(text)), bool(_PERCENT.search(text)), bool(_MONEY.search(text)),
        bool(_YEAR.search(text)), len(_COMPARE.findall(text)) > 0, bool(_OPINION.search(text)),
        text.rstrip().endswith("?"), bool(_THANKS.search(text)),
        math.log1p(len(words)) / 4.0,
    ], dtype=np.float32)


def hashed_ngrams(text: str) -> dict[int, float]:
    """Word unigrams and bigrams hashed into 2**HASH_BITS buckets (crc32: stable across
    processes, unlike Python's salted hash()), L2-normalised counts."""
    words = _WORD.findall(text.lower())
    grams = words + [f"{a} {b}" for a, b in zip(words, words[1:])]
    counts: dict[int, float] = {}
    mask = (1 << HASH_BITS) - 1
    for g in grams:
        h = zlib.crc32(g.encode("utf-8")) & mask
        counts[h] = counts.get(h, 0.0) + 1.0
    norm = math.sqrt(sum(v * v for v in counts.values())) or 1.0
    return {k: v / norm for k, v in counts.items()}


def sentence_inputs(vectors: np.ndarray, layer_means: np.ndarray) -> np.ndarray:
    """[sentence vector | each layer's mean state, L2-normalised]: (n, INPUT_DIM) float32.
    `layer_means` is (n, len(LAYERS), 384), as `encode_with_layer_means` returns it."""
    means = np.asarray(layer_means, dtype=np.float32)
    means = means / np.maximum(np.linalg.norm(means, axis=2, keepdims=True), 1e-9)
    return np.hstack([np.asarray(vectors, dtype=np.float32), means.reshape(len(means), -1)])


def embed(texts: list[str], depth: int = FULL_DEPTH) -> np.ndarray:
    """The sentence inputs of `texts` from one MiniLM pass of `depth` layers (its token
    states stay in the embeddings memo for the techniques layer)."""
    from ..embeddings import encode_with_layer_means

    return sentence_inputs(*encode_with_layer_means(texts, layers_for(depth), depth=depth))


def lexical_matrix(texts: list[str]) -> np.ndarray:
    """`lexical_features` of each text, one row each (the linear and MLP heads both read it:
    `CheckworthinessModel.head_scores` computes it once for both)."""
    return np.vstack([lexical_features(t) for t in texts]) if texts else np.zeros((0, len(LEXICAL_NAMES)))


def features(texts: list[str], vectors: np.ndarray, lex: np.ndarray | None = None):
    """The linear head's input: [sentence input | lexical | hashed n-grams], sparse CSR.
    `lex`: the texts' `lexical_matrix`, computed when not given."""
    from scipy import sparse

    lex = lexical_matrix(texts) if lex is None else lex
    rows, cols, vals = [], [], []
    for i, t in enumerate(texts):
        for k, v in hashed_ngrams(t).items():
            rows.append(i)
            cols.append(k)
            vals.append(v)
    grams = sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), 1 << HASH_BITS), dtype=np.float32)
    return sparse.hstack([sparse.csr_matrix(vectors), sparse.csr_matrix(lex), grams], format="csr")


def ngram_counts(texts: list[str]):
    """Raw hashed counts: (word 1-2-grams, char_wb 2-5-grams), two CSR matrices, as
    scikit-learn's HashingVectorizer(n_features=2**NGRAM_BITS, alternate_sign=False,
    norm=None) gives them (newsprobe.hashing, which does not import scikit-learn)."""
    from ..hashing import char_wb_ngrams, hash_rows, word_ngrams

    width = 1 << NGRAM_BITS
    return (hash_rows([word_ngrams(t, 1, 2) for t in texts], width),
            hash_rows([char_wb_ngrams(t, 2, 5) for t in texts], width))


def idf_of(counts, min_df: int = 2) -> np.ndarray:
    """Smoothed idf per bucket as sklearn's TfidfVectorizer computes it; 0 for buckets in
    fewer than `min_df` texts, which drops them (the hashed form of min_df)."""
    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    return np.where(df >= min_df, np.log((1 + n) / (1 + df)) + 1.0, 0.0).astype(np.float32)


def _tfidf(counts, idf: np.ndarray):
    from scipy import sparse

    z = counts.astype(np.float32)
    z.data = 1.0 + np.log(z.data)  # sublinear tf
    z = sparse.csr_matrix(z.multiply(idf[None, :]))
    norms = np.sqrt(np.asarray(z.multiply(z).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ z


def ngram_features(counts, word_idf: np.ndarray, char_idf: np.ndarray):
    """The n-gram head's input: [TF-IDF word 1-2-grams | TF-IDF char_wb 2-5-grams], each
    block L2-normalised. `counts` is what `ngram_counts()` returns."""
    from scipy import sparse

    word, char = counts
    return sparse.hstack([_tfidf(word, word_idf), _tfidf(char, char_idf)], format="csr")


def mlp_input(texts: list[str], vectors: np.ndarray, lex: np.ndarray | None = None) -> np.ndarray:
    """The MLP head's input: [sentence input | lexical features], dense. `lex`: the texts'
    `lexical_matrix`, computed when not given."""
    lex = lexical_matrix(texts) if lex is None else lex
    return np.hstack([np.asarray(vectors, dtype=np.float32), lex.astype(np.float32)])


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))


@dataclass(frozen=True)
class LinearHead:
    coef: np.ndarray
    intercept: float

    def proba(self, texts: list[str], vectors: np.ndarray, lex: np.ndarray | None = None) -> np.ndarray:
        return _sigmoid(features(texts, vectors, lex) @ self.coef + self.intercept)


@dataclass(frozen=True)
class NgramHead:
    word_idf: np.ndarray  # 2**NGRAM_BITS
    char_idf: np.ndarray  # 2**NGRAM_BITS
    coef: np.ndarray      # 2 * 2**NGRAM_BITS: word block, then char block
    intercept: float

    def proba(self, texts: list[str]) -> np.ndarray:
        x = ngram_features(ngram_counts(texts), self.word_idf, self.char_idf)
        return _sigmoid(x @ self.coef + self.intercept)


@dataclass(frozen=True)
class MlpHead:
    w1: np.ndarray  # (inputs, hidden)
    b1: np.ndarray
    w2: np.ndarray  # (hidden,)
    b2: float

    def proba(self, texts: list[str], vectors: np.ndarray, lex: np.ndarray | None = None) -> np.ndarray:
        hidden = np.maximum(mlp_input(texts, vectors, lex) @ self.w1 + self.b1, 0.0)
        return _sigmoid(hidden @ self.w2 + self.b2)


@dataclass(frozen=True)
class CheckworthinessModel:
    linear: LinearHead
    ngram: NgramHead
    mlp: MlpHead
    threshold: float
    # Where the threshold was chosen: the eval reports it next to the figures.
    threshold_source: str = TRAIN_THRESHOLD
    # The MiniLM pass the heads were trained on (`embed(texts, depth)` gives their input).
    depth: int = FULL_DEPTH

    def head_scores(self, texts: list[str], vectors: np.ndarray) -> dict[str, np.ndarray]:
        """Each head's probabilities (for the training report and the eval)."""
        lex = lexical_matrix(texts)   # the linear and MLP heads both read it
        return {"linear": self.linear.proba(texts, vectors, lex), "ngram": self.ngram.proba(texts),
                "mlp": self.mlp.proba(texts, vectors, lex)}

    def scores(self, texts: list[str], vectors: np.ndarray | None = None) -> np.ndarray:
        """Probabilities that each text is check-worthy: the mean of the three heads.
        `vectors`: the texts' sentence inputs (`embed(texts, self.depth)`), computed when
        not given."""
        if not texts:
            return np.zeros(0, dtype=np.float32)
        if vectors is None:
            vectors = embed(texts, self.depth)
        if vectors.shape[1] != INPUT_DIM:
            raise ValueError(f"check-worthiness needs sentence inputs of {INPUT_DIM} values (embed()), "
                             f"not {vectors.shape[1]}")
        heads = self.head_scores(texts, vectors)
        return np.mean(list(heads.values()), axis=0).astype(np.float32)

    def save(self, path) -> None:
        """Compressed .npz; the n-gram head keeps only the buckets seen in training
        (index + idf + weight), not its two dense 2**18 arrays."""
        word_seen = np.flatnonzero(self.ngram.word_idf).astype(np.int32)
        char_seen = np.flatnonzero(self.ngram.char_idf).astype(np.int32)
        size = 1 << NGRAM_BITS
        np.savez_compressed(
            path, format=np.int32(FORMAT), hash_bits=np.int32(HASH_BITS), ngram_bits=np.int32(NGRAM_BITS),
            layers=np.array(layers_for(self.depth), dtype=np.int32), encoder_layers=np.int32(self.depth),
            lexical=np.array(LEXICAL_NAMES), threshold=np.float32(self.threshold),
            threshold_source=np.array(self.threshold_source),
            linear_coef=self.linear.coef.astype(np.float32), linear_intercept=np.float32(self.linear.intercept),
            word_seen=word_seen, word_idf=self.ngram.word_idf[word_seen].astype(np.float32),
            word_coef=self.ngram.coef[:size][word_seen].astype(np.float32),
            char_seen=char_seen, char_idf=self.ngram.char_idf[char_seen].astype(np.float32),
            char_coef=self.ngram.coef[size:][char_seen].astype(np.float32),
            ngram_intercept=np.float32(self.ngram.intercept),
            mlp_w1=self.mlp.w1.astype(np.float32), mlp_b1=self.mlp.b1.astype(np.float32),
            mlp_w2=self.mlp.w2.astype(np.float32), mlp_b2=np.float32(self.mlp.b2))


def read_model(f, depth: int | None = None) -> CheckworthinessModel:
    """The model in file `f`; with `depth`, one trained on another MiniLM depth is refused."""
    data = np.load(f)
    if int(data.get("format", 1)) != FORMAT:
        raise ValueError("checkworthiness model file is of an older format: rebuild it")
    if int(data["hash_bits"]) != HASH_BITS or int(data["ngram_bits"]) != NGRAM_BITS:
        raise ValueError("checkworthiness model was trained with another hash size")
    trained_depth = int(data["encoder_layers"]) if "encoder_layers" in data else FULL_DEPTH
    if depth is not None and trained_depth != depth:
        raise ValueError(f"checkworthiness model was trained on {trained_depth} MiniLM layers, not {depth}")
    if tuple(int(n) for n in data["layers"]) != layers_for(trained_depth):
        raise ValueError("checkworthiness model was trained on other MiniLM layers")
    size = 1 << NGRAM_BITS

    def dense(seen, values):
        out = np.zeros(size, dtype=np.float32)
        out[data[seen]] = data[values]
        return out

    ngram = NgramHead(dense("word_seen", "word_idf"), dense("char_seen", "char_idf"),
                      np.concatenate([dense("word_seen", "word_coef"), dense("char_seen", "char_coef")]),
                      float(data["ngram_intercept"]))
    return CheckworthinessModel(
        LinearHead(data["linear_coef"].astype(np.float32), float(data["linear_intercept"])),
        ngram,
        MlpHead(data["mlp_w1"], data["mlp_b1"], data["mlp_w2"], float(data["mlp_b2"])),
        float(data["threshold"]),
        str(data["threshold_source"]) if "threshold_source" in data else TRAIN_THRESHOLD, trained_depth)


@lru_cache(maxsize=2)
def load_model(depth: int = FULL_DEPTH) -> CheckworthinessModel:
    """The committed model for the MiniLM pass of `depth` layers (`embeddings.head_folder`)."""
    from ..embeddings import head_folder
    from ..errors import NewsprobeError

    try:
        with resources.files("newsprobe").joinpath(head_folder(depth), MODEL_FILE).open("rb") as f:
            return read_model(f, depth)
    except FileNotFoundError as err:
        raise NewsprobeError("E013", f"no check-worthiness model for {depth} encoder layers in "
                                     f"newsprobe/{head_folder(depth)}; train one with "
                                     f"scripts/train_checkworthiness.py --encoder-layers {depth}") from err


__all__ = ["CheckworthinessModel", "LinearHead", "MlpHead", "NgramHead", "embed", "features", "idf_of",
           "lexical_features", "layers_for", "load_model", "mlp_input", "ngram_counts", "ngram_features", "read_model",
           "sentence_inputs"]
