"""Span metrics on hand-made spans; every expected number is worked out in a comment."""

import pytest

from newsprobe.eval.metrics import (PRF, SpanScore, TokenIndex, exact_prf, overlap_prf, prf,
                                    trim)

# Our own text, tokens by char range:
#   one(0,3) two(4,7) three(8,13) four(15,19) five.(20,25)   (two spaces before "four")
TEXT = "one two three  four five."


def approx(result: PRF, p: float, r: float, f1: float) -> None:
    assert (result.p, result.r, result.f1) == pytest.approx((p, r, f1))


def test_trim_strips_surrounding_whitespace_only():
    assert trim(TEXT, 3, 8) == (4, 7)        # " two " -> "two"
    assert trim(TEXT, 13, 15) == (15, 15)     # all spaces -> empty
    assert trim(TEXT, 0, 7) == (0, 7)


def test_token_index_tokens_and_partial_cover():
    index = TokenIndex(TEXT)
    assert index.tokens == [(0, 3), (4, 7), (8, 13), (15, 19), (20, 25)]
    assert index.tokens_of([(2, 5)]) == {0, 1}      # "e t": one char of each token
    assert index.tokens_of([(13, 15)]) == set()     # whitespace only


def test_exact_matches_after_trimming():
    # gold: "two", "four five."; pred: " two " (== "two" once trimmed), "four", "one"
    result = exact_prf(TEXT, pred=[(3, 8), (15, 19), (0, 3)], gold=[(4, 7), (15, 25)])
    # 1 match; P = 1/3, R = 1/2, F1 = 2*(1/3)*(1/2)/(5/6) = 0.4
    approx(result, 1 / 3, 1 / 2, 0.4)


def test_exact_duplicates_count_once():
    approx(exact_prf(TEXT, [(4, 7), (4, 8)], [(4, 7)]), 1.0, 1.0, 1.0)


def test_overlap_counts_tokens_on_each_side():
    # gold "two three" -> tokens {1, 2}; pred "three  four" (8..19) -> tokens {2, 3}
    # pred tokens overlapping gold: {2} -> P = 1/2; gold tokens overlapping pred: {2} -> R = 1/2
    approx(overlap_prf(TEXT, [(8, 19)], [(4, 13)]), 0.5, 0.5, 0.5)


def test_overlap_partial_token_counts_as_overlap():
    # pred "hre" inside "three" (9..12) -> token {2}; gold "one two three" -> {0, 1, 2}
    # P = 1/1, R = 1/3, F1 = 2*(1/3)/(4/3) = 0.5
    approx(overlap_prf(TEXT, [(9, 12)], [(0, 13)]), 1.0, 1 / 3, 0.5)


def test_overlap_union_of_spans_of_a_role():
    # gold spans "one" and "five." -> {0, 4}; pred spans "one two" and "two three" -> {0, 1, 2}
    # P = |{0}|/3, R = |{0}|/2, F1 = 2*(1/3)*(1/2)/(5/6) = 0.4
    approx(overlap_prf(TEXT, [(0, 7), (4, 13)], [(0, 3), (20, 25)]), 1 / 3, 1 / 2, 0.4)


def test_empty_cases_are_zero_not_errors():
    approx(exact_prf(TEXT, [], []), 0.0, 0.0, 0.0)
    approx(overlap_prf(TEXT, [], []), 0.0, 0.0, 0.0)
    approx(exact_prf(TEXT, [], [(0, 3)]), 0.0, 0.0, 0.0)       # nothing predicted
    approx(overlap_prf(TEXT, [(0, 3)], []), 0.0, 0.0, 0.0)     # nothing to find
    approx(overlap_prf("", [], []), 0.0, 0.0, 0.0)
    assert prf(0, 0, 0, 0) == PRF(0.0, 0.0, 0.0)


def test_span_score_accumulates_over_texts():
    score = SpanScore()
    score.add(TEXT, [(0, 3)], [(0, 3)])                 # exact 1/1/1; tokens 1 pred, 1 gold, hit
    score.add("a b", [(0, 1)], [(2, 3)])                # exact 0; tokens 1 pred, 1 gold, no hit
    # exact: tp 1, pred 2, gold 2 -> 0.5/0.5/0.5; overlap: 1/2, 1/2
    approx(score.exact(), 0.5, 0.5, 0.5)
    approx(score.overlap(), 0.5, 0.5, 0.5)
    assert score.counts()["gold_tokens"] == 2
    assert score.to_dict() == {"exact": {"p": 0.5, "r": 0.5, "f1": 0.5},
                               "overlap": {"p": 0.5, "r": 0.5, "f1": 0.5}}
