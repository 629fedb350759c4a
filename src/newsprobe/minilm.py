"""all-MiniLM-L6-v2 without sentence-transformers: its tokenizer and a 6-layer BERT in torch.

sentence-transformers and transformers together cost ~4 s of CPU to import (more than a
short article's analysis); what they do for this model is small. The model folder says it
(`modules.json`: Transformer, Pooling, Normalize; `1_Pooling/config.json`: mean over the
pieces; `sentence_bert_config.json`: at most 256 pieces), and `MiniLM.run` does the same
with `tokenizers` (Rust, imported in milliseconds), `safetensors` and plain torch ops:

- texts are sorted longest first (by characters) and cut into batches, each padded to its
  longest text, as sentence-transformers batches them;
- BERT as transformers' `BertModel` computes it with its default "sdpa" attention: the
  same ops in the same order (so the same bits), with no padding mask when a batch has no
  padding;
- the sentence vector is the mean of the last hidden states over the attention mask,
  L2-normalised (the Normalize module).

`folder_problems` says what in a model folder this runtime does not handle, so that a
different model put in its place fails loudly instead of giving other vectors.
"""

from __future__ import annotations

import json
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


class MiniLM:
    """The encoder, loaded once: `run` turns texts into per-text outputs."""

    def __init__(self, folder: Path):
        import torch
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        problems = folder_problems(folder)
        if problems:
            raise ValueError(f"{folder} is not a model this runtime computes: " + "; ".join(problems))
        config = _read(folder, "config.json")
        self.max_seq_length = int(_read(folder, "sentence_bert_config.json")["max_seq_length"])
        self.layers = int(config["num_hidden_layers"])
        self.heads = int(config["num_attention_heads"])
        self.head_size = int(config["hidden_size"]) // self.heads
        self.eps = float(config["layer_norm_eps"])
        self.pad_id = int(config.get("pad_token_id", 0))
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.max_seq_length)
        self.w = {k: v.float() for k, v in load_file(str(folder / "model.safetensors")).items()}
        self._torch = torch

    def pieces(self, texts: list[str]):
        """The tokenizer's encodings ([CLS] ... [SEP], cut at max_seq_length pieces)."""
        return self.tokenizer.encode_batch(list(texts), add_special_tokens=True)

    def forward(self, ids, mask, keep_hidden_states: bool = False):
        """BERT over one padded batch: (last hidden states (B, T, H), the hidden states after
        the embeddings and each layer, or None). Positions past a text's end hold zeros.

        The dense layers (nine tenths of the work) run over the texts' real pieces only,
        packed one after another: batches of sentences sorted by characters are padded to
        about twice their pieces. Each position's result is the one the padded batch gives,
        bit for bit (a row of a matrix product does not depend on the other rows; padded
        keys are masked out of the attention either way; tests/test_minilm.py)."""
        torch = self._torch
        F = torch.nn.functional
        w = self.w
        batch, length = ids.shape
        h = F.embedding(ids, w["embeddings.word_embeddings.weight"]) \
            + F.embedding(torch.zeros_like(ids), w["embeddings.token_type_embeddings.weight"])
        h = h + w["embeddings.position_embeddings.weight"][:length].unsqueeze(0)
        h = F.layer_norm(h, h.shape[-1:], w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        width = h.shape[-1]
        real = mask.reshape(-1).bool()
        padded = not bool(real.all())
        # transformers passes sdpa no mask when nothing is padded (a different kernel path,
        # hence different last bits); a boolean (B, 1, T, T) mask otherwise.
        attn_mask = mask.bool()[:, None, None, :].expand(batch, 1, length, length) if padded else None

        def unpack(x):   # (pieces, C) -> (B, T, C), zeros past each text's end
            if not padded:
                return x.view(batch, length, -1)
            out = x.new_zeros(batch * length, x.shape[-1])
            out[real] = x
            return out.view(batch, length, -1)

        h = h.reshape(-1, width)[real] if padded else h.reshape(-1, width)
        hidden = [unpack(h)] if keep_hidden_states else None
        scale = self.head_size ** -0.5
        for i in range(self.layers):
            p = f"encoder.layer.{i}."

            def split(name):
                x = unpack(F.linear(h, w[p + name + ".weight"], w[p + name + ".bias"]))
                return x.view(batch, length, -1, self.head_size).transpose(1, 2)

            a = F.scaled_dot_product_attention(split("attention.self.query"), split("attention.self.key"),
                                               split("attention.self.value"), attn_mask=attn_mask,
                                               dropout_p=0.0, scale=scale, is_causal=False)
            a = a.reshape(batch, -1, length, self.head_size).transpose(1, 2).contiguous()
            a = a.reshape(batch * length, -1)
            a = a[real] if padded else a
            a = F.linear(a, w[p + "attention.output.dense.weight"], w[p + "attention.output.dense.bias"])
            a = F.layer_norm(a + h, a.shape[-1:], w[p + "attention.output.LayerNorm.weight"],
                             w[p + "attention.output.LayerNorm.bias"], self.eps)
            x = F.gelu(F.linear(a, w[p + "intermediate.dense.weight"], w[p + "intermediate.dense.bias"]))
            x = F.linear(x, w[p + "output.dense.weight"], w[p + "output.dense.bias"])
            h = F.layer_norm(x + a, x.shape[-1:], w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"],
                             self.eps)
            if hidden is not None:
                hidden.append(unpack(h))
        return unpack(h), hidden

    def run(self, texts: list[str], batch_size: int = 64, keep_hidden_states: bool = False) -> list[dict]:
        """Per text, in the order given: `sentence_embedding` (H,), `token_embeddings` (T, H)
        and `attention_mask` (T,) padded to its batch's longest text, and with
        `keep_hidden_states` `hidden_states`, a list of (T, H) after the embeddings and each
        layer. Batched as sentence-transformers batches (longest texts first)."""
        torch = self._torch
        F = torch.nn.functional
        # sentence-transformers strips each text before tokenising; the pieces are the same
        # either way (BERT's pre-tokeniser drops white space), the call is kept as it was.
        order = np.argsort([-len(t) for t in texts])
        rows: list[dict] = []
        with torch.inference_mode():
            for start in range(0, len(texts), batch_size):
                chunk = [texts[k].strip() for k in order[start:start + batch_size]]
                enc = self.pieces(chunk)
                length = max(len(e.ids) for e in enc)
                ids = torch.full((len(enc), length), self.pad_id, dtype=torch.long)
                mask = torch.zeros((len(enc), length), dtype=torch.long)
                for j, e in enumerate(enc):
                    ids[j, :len(e.ids)] = torch.tensor(e.ids, dtype=torch.long)
                    mask[j, :len(e.ids)] = 1
                last, hidden = self.forward(ids, mask, keep_hidden_states)
                weights = mask.unsqueeze(-1).to(last.dtype)
                total = (last * weights).sum(dim=1, dtype=last.dtype)
                count = torch.clamp(weights.sum(dim=1, dtype=last.dtype), min=1e-9)
                vectors = F.normalize(total / count, p=2, dim=-1)
                for j in range(len(enc)):
                    row = {"sentence_embedding": vectors[j], "token_embeddings": last[j], "attention_mask": mask[j]}
                    if hidden is not None:
                        row["hidden_states"] = [layer[j] for layer in hidden]
                    rows.append(row)
        out: list[dict] = [{}] * len(texts)
        for row, k in zip(rows, order):
            out[k] = row
        return out
