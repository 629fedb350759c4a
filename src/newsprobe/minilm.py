"""all-MiniLM-L6-v2 without sentence-transformers or torch: its tokenizer and a 6-layer
BERT in numpy.

sentence-transformers and transformers together cost ~4 s of CPU to import, torch alone
~1.5 s (more than a short article's analysis); what they do for this model is small. The
model folder says it (`modules.json`: Transformer, Pooling, Normalize;
`1_Pooling/config.json`: mean over the pieces; `sentence_bert_config.json`: at most 256
pieces), and `MiniLM.run` does the same with `tokenizers` (Rust, imported in
milliseconds), `safetensors`' numpy loader and numpy's BLAS:

- the embeddings (word + position + token type 0), layer norm; per layer self-attention
  (12 heads, softmax over the text's own pieces), the output dense layer, layer norm, the
  feed-forward layer with exact (erf) GELU, layer norm: transformers' `BertModel`;
- the sentence vector is the mean of the last hidden states over the text's pieces,
  L2-normalised (the Pooling and Normalize modules).

Each text is computed on its own pieces only: the dense layers (nine tenths of the work)
run over the pieces of a batch's texts packed one after another, and the attention over
each text's pieces, so no text's numbers depend on which texts share its batch (the same
results whatever the batch size, up to the last bits of the matrix products). The
numbers equal the torch runtime's (and sentence-transformers') within float32 rounding:
largest difference measured 2.5e-7 on the normalised vectors, 4.5e-6 on token states, at
the same CPU on one thread (tests/test_embeddings.py, MODELS.md).

`MiniLM.deepen` carries the states after layer k of some texts through the remaining layers
(a shallow pass deepened for the few sentences a reader needs at full depth).

`folder_problems` says what in a model folder this runtime does not handle, so that a
different model put in its place fails loudly instead of giving other vectors.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

# What this runtime implements; a folder asking for anything else is refused.
_MODULES = ["sentence_transformers.models.Transformer", "sentence_transformers.models.Pooling",
            "sentence_transformers.models.Normalize"]
_CONFIG = {"model_type": "bert", "hidden_act": "gelu", "position_embedding_type": "absolute"}


def _read(folder: Path, name: str) -> dict | list:
    return json.loads((folder / name).read_text("utf-8"))


def folder_problems(folder: Path) -> list[str]:
    """What in `folder` differs from the all-MiniLM-L6-v2 layout this runtime computes."""
    problems = []
    modules = _read(folder, "modules.json")
    if [m["type"] for m in modules] != _MODULES:
        problems.append(f"modules {[m['type'] for m in modules]}, expected {_MODULES}")
    pooling_path = next((m["path"] for m in modules if m["type"].endswith("Pooling")), "1_Pooling")
    pooling = _read(folder / pooling_path, "config.json")
    modes = sorted(k for k, v in pooling.items() if k.startswith("pooling_mode") and v)
    if modes != ["pooling_mode_mean_tokens"]:
        problems.append(f"pooling {modes}, expected mean tokens only")
    if _read(folder, "sentence_bert_config.json").get("do_lower_case"):
        problems.append("sentence_bert_config do_lower_case is set")
    config = _read(folder, "config.json")
    for key, value in _CONFIG.items():
        if config.get(key, value) != value:
            problems.append(f"config {key}={config.get(key)!r}, expected {value!r}")
    return problems


# GELU's erfc: the Chebyshev fit of Numerical Recipes (`erfcc`, fractional error under 1.2e-7
# everywhere), highest power first; the last term carries log(1/2), so that the fit gives
# erfc / 2 = Phi(-|x|) directly.
_ERFC_HALF = (0.17087277, -0.82215223, 1.48851587, -1.13520398, 0.27886807, -0.18628806, 0.09678418,
              0.37409196, 1.00002368, -1.26551223 - math.log(2))
# Rows of the feed-forward layer's (rows, 1536) activations per GELU call: 64 rows of
# temporaries stay in the CPU's cache (0.055 s against 0.11 s for 5,000 rows at once).
GELU_ROWS = 64


def gelu(x: np.ndarray) -> np.ndarray:
    """Exact GELU, x * Phi(x) with Phi the normal distribution function, in place on a
    float32 array. numpy has no erf; the erfc fit above puts GELU within 4e-6 relative
    (4e-7 absolute) of the exact value, about float32's own rounding."""
    a = np.abs(x)
    t = a * np.float32(0.5 / math.sqrt(2))
    t += np.float32(1)
    np.reciprocal(t, out=t)
    phi = t * np.float32(_ERFC_HALF[0])
    for c in _ERFC_HALF[1:-1]:
        phi += np.float32(c)
        phi *= t
    phi += np.float32(_ERFC_HALF[-1])
    a *= a
    a *= np.float32(0.5)
    phi -= a
    np.exp(phi, out=phi)
    phi *= t                                    # Phi(-|x|)
    # Phi(x) is 1 - Phi(-|x|) for x > 0, else Phi(-|x|): written as |Phi(-|x|) - [x > 0]|,
    # the same bits (phi - 1 rounds as -(1 - phi) does), at half the cost of np.where.
    phi -= x > 0
    np.abs(phi, out=phi)
    x *= phi
    return x


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    """Layer norm over the last axis (biased variance, as torch computes it), in place."""
    x -= x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x)[:, None] / np.float32(x.shape[-1])
    x *= 1 / np.sqrt(var + np.float32(eps))
    x *= weight
    x += bias
    return x


class MiniLM:
    """The encoder, loaded once: `run` turns texts into per-text outputs."""

    def __init__(self, folder: Path):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        problems = folder_problems(folder)
        if problems:
            raise ValueError(f"{folder} is not a model this runtime computes: " + "; ".join(problems))
        config = _read(folder, "config.json")
        self.max_seq_length = int(_read(folder, "sentence_bert_config.json")["max_seq_length"])
        self.layers = int(config["num_hidden_layers"])
        self.heads = int(config["num_attention_heads"])
        self.width = int(config["hidden_size"])
        self.head_size = self.width // self.heads
        self.eps = float(config["layer_norm_eps"])
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.max_seq_length)
        w = {k: v.astype(np.float32, copy=False) for k, v in load_file(str(folder / "model.safetensors")).items()
             if not k.endswith("position_ids")}
        self.word = w["embeddings.word_embeddings.weight"]
        # Every piece has token type 0, so its embedding is one row added to all.
        self.position = w["embeddings.position_embeddings.weight"] + w["embeddings.token_type_embeddings.weight"][0]
        self.embed_norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.blocks = []
        for i in range(self.layers):
            p = f"encoder.layer.{i}."

            def dense(*names):
                # torch stores (out, in); `x @ weight.T` reads it as it is (BLAS transposes).
                # Several names: one matrix whose column blocks are theirs (one product).
                return (np.concatenate([w[p + n + ".weight"] for n in names]).T,
                        np.concatenate([w[p + n + ".bias"] for n in names]))

            self.blocks.append({
                "qkv": dense("attention.self.query", "attention.self.key", "attention.self.value"),
                "attn_out": dense("attention.output.dense"),
                "attn_norm": (w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]),
                "ff_in": dense("intermediate.dense"),
                "ff_out": dense("output.dense"),
                "ff_norm": (w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
            })

    def pieces(self, texts: list[str]):
        """The tokenizer's encodings ([CLS] ... [SEP], cut at max_seq_length pieces)."""
        return self.tokenizer.encode_batch(list(texts), add_special_tokens=True)

    def forward(self, ids: list[list[int]], keep_hidden_states: bool = False, depth: int | None = None):
        """BERT over a batch of texts' piece ids, packed: (last hidden states (pieces, H), the
        hidden states after the embeddings and each layer or None, each text's [start, end)
        rows in them). With `depth`, only the first `depth` layers run (a shallower, cheaper
        pass: the "last" hidden states are then those after layer `depth`)."""
        lengths = np.array([len(x) for x in ids])
        pieces = int(lengths.sum())
        flat = np.fromiter((i for x in ids for i in x), dtype=np.int64, count=pieces)
        positions = np.concatenate([np.arange(n) for n in lengths])
        h = self.word[flat] + self.position[positions]
        h = layer_norm(h, *self.embed_norm, self.eps)
        return self._layers(h, lengths, 0, self._depth(depth), keep_hidden_states)

    def _layers(self, h: np.ndarray, lengths: np.ndarray, first: int, last: int,
                keep_hidden_states: bool = False):
        """Layers `first`+1 to `last` (1-based, as `depth` counts them) over the packed hidden
        states `h` (pieces, H) after layer `first` of texts of `lengths` pieces: as `forward`
        returns, the hidden states listed from layer `first` on."""
        ends = np.cumsum(lengths)
        bounds = list(zip((ends - lengths).tolist(), ends.tolist()))
        pieces, width = int(ends[-1]), self.width
        hidden = [h.copy()] if keep_hidden_states else None
        # One set of buffers for the six layers: a fresh array of this size (tens of MB for
        # a batch of long sentences) per product would pay its pages' first touch each time.
        qkv = np.empty((pieces, 3 * width), dtype=np.float32)
        context = np.empty((pieces, width), dtype=np.float32)
        a = np.empty((pieces, width), dtype=np.float32)
        x = np.empty((pieces, self.blocks[0]["ff_in"][0].shape[1]), dtype=np.float32)
        spare = np.empty((pieces, width), dtype=np.float32)
        for block in self.blocks[first:last]:
            np.matmul(h, block["qkv"][0], out=qkv)
            qkv += block["qkv"][1]
            self._attention(qkv, lengths, bounds, out=context)
            np.matmul(context, block["attn_out"][0], out=a)
            a += block["attn_out"][1]
            a += h
            layer_norm(a, *block["attn_norm"], self.eps)
            np.matmul(a, block["ff_in"][0], out=x)
            for r in range(0, pieces, GELU_ROWS):
                rows = x[r:r + GELU_ROWS]
                rows += block["ff_in"][1]
                gelu(rows)
            h, spare = spare, h
            np.matmul(x, block["ff_out"][0], out=h)
            h += block["ff_out"][1]
            h += a
            layer_norm(h, *block["ff_norm"], self.eps)
            if hidden is not None:
                hidden.append(h.copy())
        return h, hidden, bounds

    def _depth(self, depth: int | None) -> int:
        if depth is None:
            return self.layers
        if not 1 <= depth <= self.layers:
            raise ValueError(f"encoder depth {depth}: this model has layers 1 to {self.layers}")
        return depth

    def _attention(self, qkv: np.ndarray, lengths: np.ndarray, bounds: list[tuple[int, int]],
                   out: np.ndarray) -> np.ndarray:
        """Each text's self-attention over its own pieces, into `out` (pieces, H), from the
        packed query|key|value rows. The texts of one length are stacked for one product
        (a batch of 64 sentences holds 16-44 lengths), with no padding: a text's
        numbers are those of its own pieces alone, whatever texts share its batch."""
        heads, size = self.heads, self.head_size
        pieces = qkv.shape[0]
        x = qkv.reshape(pieces, 3, heads, size)
        per_head = out.reshape(pieces, heads, size)
        starts = np.array([b[0] for b in bounds])
        scale = np.float32(size ** -0.5)
        for n in np.unique(lengths).tolist():
            rows = starts[lengths == n][:, None] + np.arange(n)[None, :]   # (G, n)
            q, k, v = x[rows].transpose(2, 0, 3, 1, 4)                      # each (G, heads, n, size)
            scores = q @ k.transpose(0, 1, 3, 2)                            # (G, heads, n, n)
            scores *= scale
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            per_head[rows] = (scores @ v).transpose(0, 2, 1, 3)
        return out

    def run(self, texts: list[str], batch_size: int = 64, keep_hidden_states: bool = False,
            depth: int | None = None, encodings: list | None = None) -> list[dict]:
        """Per text, in the order given: `sentence_embedding` (H,) L2-normalised,
        `token_embeddings` (pieces, H) and with `keep_hidden_states` `hidden_states`, a list
        of (pieces, H) after the embeddings and each layer (all float32, the text's own pieces
        only, [CLS] and [SEP] included). Batched longest texts first, as sentence-transformers
        batches (a batch's texts pack into one set of matrix products). With `depth` (1 to
        the model's layers), the pass stops after that layer: the token states and the
        sentence vector (their pooled mean) are then those of layer `depth`, which only heads
        trained on that depth can read (sentence-transformers has no such mode). `encodings`:
        the texts' `pieces` when the caller has them already (tokenised once)."""
        depth = self._depth(depth)
        # sentence-transformers strips each text before tokenising; the pieces are the same
        # either way (BERT's pre-tokeniser drops white space).
        order = np.argsort([-len(t) for t in texts], kind="stable")
        out: list[dict] = [{}] * len(texts)
        for start in range(0, len(texts), batch_size):
            chunk = order[start:start + batch_size]
            enc = (self.pieces([texts[k].strip() for k in chunk]) if encodings is None
                   else [encodings[k] for k in chunk])
            last, hidden, bounds = self.forward([e.ids for e in enc], keep_hidden_states, depth)
            for k, (s, e) in zip(chunk, bounds):
                row = _pooled(last[s:e])
                if hidden is not None:
                    row["hidden_states"] = [layer[s:e] for layer in hidden]
                out[k] = row
        return out

    def deepen(self, states: list[np.ndarray], first: int, depth: int | None = None,
               batch_size: int = 64) -> list[dict]:
        """`run`'s `sentence_embedding` and `token_embeddings` of a pass of `depth` layers (None:
        all), for texts whose hidden states after layer `first` are given (each (pieces, H),
        [CLS] and [SEP] included, as `run` returns `token_embeddings` of a pass of `first`
        layers): only layers `first`+1 to `depth` run, so a shallow pass's sentences are
        deepened for a third of the cost of a full pass after 4 layers, with the full
        pass's numbers (up to the last bits of the matrix products)."""
        depth = self._depth(depth)
        if not 0 <= first <= depth:
            raise ValueError(f"deepening from layer {first} to {depth}")
        order = np.argsort([-len(x) for x in states], kind="stable")
        out: list[dict] = [{}] * len(states)
        for start in range(0, len(states), batch_size):
            chunk = order[start:start + batch_size]
            lengths = np.array([len(states[k]) for k in chunk])
            h = np.concatenate([states[k] for k in chunk]).astype(np.float32, copy=True)
            last, _, bounds = self._layers(h, lengths, first, depth)
            for k, (s, e) in zip(chunk, bounds):
                out[k] = _pooled(last[s:e])
        return out


def _pooled(states: np.ndarray) -> dict:
    """One text's row of `run`: its last token states and their mean, L2-normalised (the
    sentence vector, as sentence-transformers pools)."""
    mean = states.sum(axis=0) / np.float32(len(states))
    return {"sentence_embedding": mean / max(float(np.linalg.norm(mean)), 1e-12), "token_embeddings": states}
