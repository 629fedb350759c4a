"""Span metrics shared by the evaluations: exact-span and token-overlap P/R/F1.

Spans are `(start, end)` character offsets (end-exclusive) into one text. Scores are
accumulated over many texts with `SpanScore.add` and read with `SpanScore.exact()` and
`SpanScore.overlap()`.

- **Exact**: a predicted span equals a gold span when their `(start, end)` agree after
  surrounding whitespace is trimmed from both. Spans are compared as sets, so a span
  given twice counts once on each side.
- **Token overlap**: tokens are the whitespace-separated words of the text, identified by
  their character ranges. A predicted token is a token with any character inside a
  predicted span; a gold token likewise. A token "overlaps" the other side when any of
  its characters is covered by a span of that side, so
  precision = |predicted tokens that overlap gold| / |predicted tokens| and
  recall = |gold tokens that overlap a prediction| / |gold tokens|, over all spans of a role
  in a text (tokens covered by several spans count once).

A zero denominator gives 0.0 (nothing predicted: precision 0; nothing to find: recall 0);
the counts are kept so that a reader can tell "0 of 0" from "0 of 40".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"\S+")

Offsets = tuple[int, int]


@dataclass(frozen=True)
class PRF:
    p: float
    r: float
    f1: float

    def to_dict(self, digits: int = 4) -> dict[str, float]:
        return {"p": round(self.p, digits), "r": round(self.r, digits), "f1": round(self.f1, digits)}


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> PRF:
    """Precision from the predicted side's hits, recall from the gold side's: for exact
    spans the two hit counts are equal, for token overlap they need not be."""
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def trim(text: str, start: int, end: int) -> Offsets:
    """`(start, end)` without the whitespace around the span (an all-space span becomes
    empty at its end)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def covered_chars(spans: Iterable[Offsets]) -> set[int]:
    chars: set[int] = set()
    for start, end in spans:
        chars.update(range(start, end))
    return chars


class TokenIndex:
    """Which whitespace token each character of a text belongs to (None for whitespace)."""

    def __init__(self, text: str):
        self.text = text
        self._token_of: list[int | None] = [None] * len(text)
        self.tokens: list[Offsets] = []
        for i, m in enumerate(_TOKEN.finditer(text)):
            self.tokens.append((m.start(), m.end()))
            for c in range(m.start(), m.end()):
                self._token_of[c] = i

    def tokens_of(self, spans: Iterable[Offsets]) -> set[int]:
        """Indices of the tokens with at least one character inside one of `spans`."""
        n = len(self._token_of)
        return {t for c in covered_chars(spans) if 0 <= c < n
                and (t := self._token_of[c]) is not None}


def exact_set(text: str, spans: Iterable[Offsets]) -> set[Offsets]:
    """Trimmed, non-empty spans as a set."""
    return {s for s in (trim(text, a, b) for a, b in spans) if s[0] < s[1]}


@dataclass
class SpanScore:
    """Running counts for one role (e.g. cue) over many texts."""

    exact_tp: int = 0
    exact_pred: int = 0
    exact_gold: int = 0
    tok_pred_hit: int = 0
    tok_pred: int = 0
    tok_gold_hit: int = 0
    tok_gold: int = 0

    def add(self, text: str, pred: Iterable[Offsets], gold: Iterable[Offsets],
            index: TokenIndex | None = None) -> None:
        """Count one text's predicted and gold spans of this role. Pass a `TokenIndex`
        when scoring several roles over the same text, to tokenise it once."""
        pred, gold = list(pred), list(gold)
        p_set, g_set = exact_set(text, pred), exact_set(text, gold)
        self.exact_tp += len(p_set & g_set)
        self.exact_pred += len(p_set)
        self.exact_gold += len(g_set)
        index = index or TokenIndex(text)
        p_tok, g_tok = index.tokens_of(pred), index.tokens_of(gold)
        # A token overlaps the other side iff one of its characters is covered there, i.e.
        # iff it is itself a token of the other side.
        both = len(p_tok & g_tok)
        self.tok_pred_hit += both
        self.tok_pred += len(p_tok)
        self.tok_gold_hit += both
        self.tok_gold += len(g_tok)

    def exact(self) -> PRF:
        return prf(self.exact_tp, self.exact_pred, self.exact_tp, self.exact_gold)

    def overlap(self) -> PRF:
        return prf(self.tok_pred_hit, self.tok_pred, self.tok_gold_hit, self.tok_gold)

    def to_dict(self) -> dict[str, dict[str, float]]:
        return {"exact": self.exact().to_dict(), "overlap": self.overlap().to_dict()}

    def counts(self) -> dict[str, int]:
        return {"pred_spans": self.exact_pred, "gold_spans": self.exact_gold,
                "exact_matches": self.exact_tp,
                "pred_tokens": self.tok_pred, "gold_tokens": self.tok_gold,
                "overlapping_tokens": self.tok_gold_hit}


def exact_prf(text: str, pred: Iterable[Offsets], gold: Iterable[Offsets]) -> PRF:
    """Exact-span P/R/F1 for one text."""
    score = SpanScore()
    score.add(text, pred, gold)
    return score.exact()


def overlap_prf(text: str, pred: Iterable[Offsets], gold: Iterable[Offsets]) -> PRF:
    """Token-overlap P/R/F1 for one text."""
    score = SpanScore()
    score.add(text, pred, gold)
    return score.overlap()


__all__ = ["PRF", "prf", "trim", "covered_chars", "TokenIndex", "exact_set", "SpanScore",
           "exact_prf", "overlap_prf"]
