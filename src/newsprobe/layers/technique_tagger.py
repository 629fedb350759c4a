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


# Rows of each recurrence's step product kept at least this many: OpenBLAS gives a row of
# h @ w_hh the same bits for any 5 rows or more, not for fewer (another kernel, whose bits
# also depend on the row's place), so a step over the few sentences still running is
# computed with finished ones beside it, and a batch of fewer sentences runs padded, as
# before.
MIN_STEP_ROWS = 8
# Steps of the padding trajectory computed at first (more when a batch's padding is longer).
TRAJECTORY_STEPS = 128


def _ifog_step(gates: np.ndarray, c: np.ndarray, hidden: int, out: np.ndarray | None = None) -> np.ndarray:
    """One LSTM step from its pre-activation gates in the order i, f, o, g (activated in
    place): the cell state `c` is updated in place, the new hidden state returned (written
    into `out` when given)."""
    three = 3 * hidden
    _sigmoid(gates[..., :three])
    np.tanh(gates[..., three:], out=gates[..., three:])
    i, f, o, g = (gates[..., q * hidden:(q + 1) * hidden] for q in range(4))
    c *= f
    c += i * g
    return np.multiply(o, np.tanh(c), out=out)


class NumpyTaggers:
    """The taggers of one model (`TechniqueModel.lstm`: torch state dicts as arrays), stacked
    so that one matrix product serves every tagger and both directions at each step."""

    def __init__(self, states: list[dict]):
        f32 = np.float32
        self.count = len(states)
        self.hidden = hidden = states[0]["lstm.weight_hh_l0"].shape[1]
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
        # The same weights for `probabilities` with lengths: the projections of all taggers
        # side by side (one product), and the gates in the order i, f, o, g (torch's is
        # i, f, g, o), so that the three sigmoid gates are one slice. Moving whole columns
        # changes no product's bits.
        self.proj_all_w = np.ascontiguousarray(np.concatenate(list(self.proj_w), axis=1))  # (d_in, K * 128)
        self.proj_all_b = np.concatenate(list(self.proj_b))                                # (K * 128,)
        gate_order = np.concatenate([np.arange(0, 2 * hidden), np.arange(3 * hidden, 4 * hidden),
                                     np.arange(2 * hidden, 3 * hidden)])
        self.w_ih_ifog = np.ascontiguousarray(self.w_ih[..., gate_order])
        self.w_hh_ifog = np.ascontiguousarray(self.w_hh[..., gate_order])
        self.bias_ifog = np.ascontiguousarray(self.bias[..., gate_order])
        self._trajectory: tuple[bytes, np.ndarray, np.ndarray] | None = None

    def probabilities(self, x: np.ndarray, lengths: np.ndarray | list[int] | None = None) -> np.ndarray:
        """The taggers' mean probability for each token: x (batch, tokens, d_in), sentences
        padded with zeros at the end -> (batch, tokens). Without `lengths` every row is read
        whole, padding included, as in training. With `lengths` (each row's real tokens) the
        result for the real tokens is the same, at a fraction of the cost: the padded batch
        runs each LSTM over the padding too (a backward one reads it first), and here the
        padding's part is computed once (see `_by_lengths`); the entries past a row's length
        are then 0. (A batch of fewer than MIN_STEP_ROWS sentences runs padded either way.)"""
        if lengths is not None and len(x) >= MIN_STEP_ROWS:
            return self._by_lengths(x, np.asarray(lengths, dtype=np.int64))
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
        probs = self._output(x, states)
        if lengths is not None:
            probs[np.arange(steps)[None, :] >= np.asarray(lengths)[:, None]] = 0
        return probs

    def _output(self, x: np.ndarray, states: np.ndarray) -> np.ndarray:
        """The mean probability from the recurrences' states (2K, B, T, H), in time order."""
        hidden = self.hidden
        forward, backward = states[0::2], states[1::2]                    # (K, B, T, H)
        w = self.out_w
        logits = (forward @ w[:, None, :hidden, None])[..., 0] + (backward @ w[:, None, hidden:2 * hidden, None])[..., 0]
        logits += x[None, :, :, DIMENSIONS] * w[:, None, None, 2 * hidden] + self.out_b[:, None, None]
        return _sigmoid(logits).mean(axis=0)

    def _by_lengths(self, x: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """`probabilities` over the real tokens only. In the padded batch a forward LSTM's
        steps past a sentence's end change nothing that is read, and a backward LSTM reads
        the padding (zeros: one constant input) before the sentence, so its state when the
        sentence begins is the padding trajectory's after (longest - length) steps, the same
        for every sentence. So: the input products over the real tokens packed (and one zero
        row, the padding's input); the trajectory once; then every direction steps through
        each sentence from its own start (a backward one from the trajectory's state),
        longest sentences first, each step over the sentences still running."""
        k, hidden = self.count, self.hidden
        recurrences = 2 * k
        batch, steps, _ = x.shape
        if batch == 0 or steps == 0:
            return np.zeros((batch, steps), dtype=np.float32)
        lengths = np.clip(lengths, 1, steps)
        order = np.argsort(-lengths, kind="stable")
        n = lengths[order]                                                    # longest first
        begins = np.concatenate([[0], np.cumsum(n)[:-1]])
        tokens = int(n.sum())
        real = np.arange(steps)[None, :] < n[:, None]                         # (B, T), sorted rows
        packed = np.concatenate([x[order][real], np.zeros((1, x.shape[2]), dtype=np.float32)])  # (N + 1, d)
        projected = np.maximum(packed @ self.proj_all_w + self.proj_all_b, 0)     # (N + 1, K * 128)
        width = projected.shape[1] // k
        gates_in = np.empty((recurrences, tokens + 1, 4 * hidden), dtype=np.float32)
        for r in range(recurrences):
            tagger = projected[:, (r // 2) * width:(r // 2 + 1) * width]
            np.matmul(tagger, self.w_ih_ifog[r], out=gates_in[r])
            gates_in[r] += self.bias_ifog[r]
        # Where each step reads and writes, per recurrence and sentence: a forward one
        # position t, a backward one position length - 1 - t; a finished sentence the zero
        # row (its numbers are computed and not read).
        t = np.arange(int(n[0]))[:, None]
        running = t < n[None, :]                                              # (T', B)
        at_forward = np.where(running, begins + t, tokens)
        at_backward = np.where(running, begins + n - 1 - t, tokens)
        where = np.stack([at_backward if r % 2 else at_forward for r in range(recurrences)], axis=1)
        where += (np.arange(recurrences) * (tokens + 1))[None, :, None]       # rows of the flat arrays
        flat_in = gates_in.reshape(-1, 4 * hidden)
        # Each step's rows: the sentences still running, at least MIN_STEP_ROWS.
        active = running.sum(axis=1)
        rows = np.maximum(active, MIN_STEP_ROWS)
        h = np.zeros((recurrences, batch, hidden), dtype=np.float32)
        c = np.zeros_like(h)
        pad_h, pad_c = self._padding_trajectory(gates_in[:, tokens], steps - int(n[-1]))
        h[1::2] = pad_h[1::2][:, steps - n]
        c[1::2] = pad_c[1::2][:, steps - n]
        out = np.zeros((recurrences * (tokens + 1), hidden), dtype=np.float32)
        for step in range(len(t)):
            m, a = int(rows[step]), int(active[step])
            gates = flat_in[where[step, :, :m]]                               # (2K, m, 4H): i, f, o, g
            gates += h[:, :m] @ self.w_hh_ifog
            _ifog_step(gates, c[:, :m], hidden, out=h[:, :m])
            out[where[step, :, :a]] = h[:, :a]
        # Back into the padded layout (zeros past each sentence), in time order.
        states = np.zeros((recurrences, batch, steps, hidden), dtype=np.float32)
        sentence = np.repeat(order, n)
        position = np.arange(tokens) - np.repeat(begins, n)
        states[:, sentence, position] = out.reshape(recurrences, tokens + 1, hidden)[:, :tokens]
        probs = self._output(x, states)
        probs[~(np.arange(steps)[None, :] < lengths[:, None])] = 0
        return probs

    def _padding_trajectory(self, constant: np.ndarray, steps: int) -> tuple[np.ndarray, np.ndarray]:
        """Each recurrence's (h, c) after 0..steps (at least) steps over the padding's constant
        input (2K, 4H), from zeros: ((2K, >= steps + 1, H), the same for c). The input is the
        same for every batch (the zero row's products), so the trajectory is kept and only
        lengthened when a batch needs more steps."""
        kept = self._trajectory
        key = constant.tobytes()
        if kept is not None and kept[0] == key and kept[1].shape[1] > steps:
            return kept[1], kept[2]
        hs, cs = self._trajectory_steps(constant, max(steps, TRAJECTORY_STEPS), MIN_STEP_ROWS)
        self._trajectory = (key, hs, cs)
        return hs, cs

    def _trajectory_steps(self, constant: np.ndarray, steps: int, rows: int) -> tuple[np.ndarray, np.ndarray]:
        """The trajectory of `_padding_trajectory` over `steps` steps, computed on `rows`
        equal rows (a product size at which a row gets the padded batch's bits)."""
        recurrences, hidden = constant.shape[0], self.hidden
        hs = np.zeros((recurrences, steps + 1, hidden), dtype=np.float32)
        cs = np.zeros_like(hs)
        h = np.zeros((recurrences, rows, hidden), dtype=np.float32)
        c = np.zeros_like(h)
        for step in range(1, steps + 1):
            gates = h @ self.w_hh_ifog
            gates += constant[:, None]
            h = _ifog_step(gates, c, hidden)
            hs[:, step], cs[:, step] = h[:, 0], c[:, 0]
        return hs, cs
