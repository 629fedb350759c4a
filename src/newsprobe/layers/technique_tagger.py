"""The techniques layer's contextual span tagger: its torch definition, which the training
script (scripts/train_techniques.py) builds and trains, and its forward pass in numpy, which
the layer runs, so that an analysis never imports torch (~1.5 s of CPU per process).

The tagger reads, for each token of a sentence, [MiniLM contextual token state | the hashed
tagger's logit / 4] (385 numbers): a linear projection to 128 numbers with ReLU, a
bidirectional LSTM over the sentence, and one logit per token from the LSTM's two states and,
directly, the hashed tagger's logit (so the LSTM only has to learn the correction). The model
averages the probabilities of a few such taggers trained from different seeds.

`NumpyTaggers.probabilities` computes what the torch modules compute in eval mode on the same
padded batch (dropout off; the sentences padded with zeros to the batch's longest and the LSTM
run over the padding, as in training): equal within float32 rounding
(tests/test_techniques_states.py compares them).
"""

from __future__ import annotations

import numpy as np

from ..embeddings import DIMENSIONS


def span_tagger(d_in: int, hidden: int):
    """The tagger as a torch module (training only; its state dict is what the model saves)."""
    import torch
    from torch import nn

    class SpanTagger(nn.Module):
        def __init__(self):
            super().__init__()
            self.proj = nn.Sequential(nn.Dropout(0.2), nn.Linear(d_in, 128), nn.ReLU(), nn.Dropout(0.2))
            self.lstm = nn.LSTM(128, hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * hidden + 1, 1)

        def forward(self, x):                      # x: (batch, tokens, d_in)
            h, _ = self.lstm(self.proj(x))
            return self.out(torch.cat([h, x[..., DIMENSIONS:DIMENSIONS + 1]], -1)).squeeze(-1)

    return SpanTagger()


def _sigmoid(x: np.ndarray) -> np.ndarray:
    """1 / (1 + exp(-x)), in place, without overflow warnings for large negative x."""
    np.negative(x, out=x)
    np.exp(np.minimum(x, np.float32(80), out=x), out=x)
    x += np.float32(1)
    return np.reciprocal(x, out=x)


class NumpyTaggers:
    """The taggers of one model (`TechniqueModel.lstm`: torch state dicts as arrays), stacked
    so that one matrix product serves every tagger and both directions at each step."""

    def __init__(self, states: list[dict]):
        f32 = np.float32
        self.count = len(states)
        self.hidden = states[0]["lstm.weight_hh_l0"].shape[1]
        self.proj_w = np.stack([s["proj.1.weight"].T for s in states]).astype(f32)      # (K, d_in, 128)
        self.proj_b = np.stack([s["proj.1.bias"] for s in states]).astype(f32)          # (K, 128)
        # Recurrences in the order (tagger 0 forward, tagger 0 backward, tagger 1 forward, ...).
        directions = [(s, suffix) for s in states for suffix in ("", "_reverse")]
        self.w_ih = np.stack([s[f"lstm.weight_ih_l0{d}"].T for s, d in directions]).astype(f32)   # (2K, 128, 4H)
        self.w_hh = np.stack([s[f"lstm.weight_hh_l0{d}"].T for s, d in directions]).astype(f32)   # (2K, H, 4H)
        self.bias = np.stack([s[f"lstm.bias_ih_l0{d}"] + s[f"lstm.bias_hh_l0{d}"]
                              for s, d in directions]).astype(f32)                              # (2K, 4H)
        self.out_w = np.stack([s["out.weight"][0] for s in states]).astype(f32)          # (K, 2H + 1)
        self.out_b = np.array([s["out.bias"][0] for s in states], dtype=f32)             # (K,)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """The taggers' mean probability for each token: x (batch, tokens, d_in), sentences
        padded with zeros at the end -> (batch, tokens)."""
        k, hidden = self.count, self.hidden
        batch, steps, _ = x.shape
        projected = np.maximum(x[None] @ self.proj_w[:, None] + self.proj_b[:, None, None], 0)  # (K, B, T, 128)
        # Each recurrence's input part for every step at once; a backward one reads time reversed.
        inputs = np.repeat(projected, 2, axis=0) @ self.w_ih[:, None] + self.bias[:, None, None]  # (2K, B, T, 4H)
        inputs[1::2] = inputs[1::2, :, ::-1]
        h = np.zeros((2 * k, batch, hidden), dtype=np.float32)
        c = np.zeros_like(h)
        states = np.empty((2 * k, batch, steps, hidden), dtype=np.float32)
        for t in range(steps):
            gates = inputs[:, :, t] + h @ self.w_hh                      # (2K, B, 4H): i, f, g, o
            i, f, g, o = (gates[..., n * hidden:(n + 1) * hidden] for n in range(4))
            _sigmoid(i), _sigmoid(f), np.tanh(g, out=g), _sigmoid(o)
            c *= f
            c += i * g
            h = o * np.tanh(c)
            states[:, :, t] = h
        states[1::2] = states[1::2, :, ::-1]
        forward, backward = states[0::2], states[1::2]                    # (K, B, T, H)
        w = self.out_w
        logits = (forward @ w[:, None, :hidden, None])[..., 0] + (backward @ w[:, None, hidden:2 * hidden, None])[..., 0]
        logits += x[None, :, :, DIMENSIONS] * w[:, None, None, 2 * hidden] + self.out_b[:, None, None]
        return _sigmoid(logits).mean(axis=0)
