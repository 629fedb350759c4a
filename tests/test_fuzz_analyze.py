"""Property-based fuzzing of `analyze` and of the JSON contract round trip.

For arbitrary unicode (quotation marks of every kind, newlines, control characters,
combining marks, astral characters, text that looks like news): `analyze` finishes within
a time bound, its output validates against `newsprobe.article/1`, every span indexes
inside `text`, and `Analysis.from_dict(a.to_dict())` gives the same object back.

The coverage-guided twin of this file is fuzz/fuzz_analyze.py (atheris).
"""

from __future__ import annotations

import json
import time

import pytest

pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from newsprobe import analyze  # noqa: E402
from newsprobe.model import Analysis, Article  # noqa: E402
from newsprobe.schema import check_spans, validate_article  # noqa: E402

# Generous: the machine is shared (and the first call loads spaCy and MiniLM); a hang in
# a rule or a quadratic loop on these sizes is minutes.
SECONDS_PER_INPUT = 30.0

# Pieces of news-like text, so that generated inputs reach the attribution, claim,
# technique and integrity rules and not only the tokenizer.
PIECES = [
    "The minister said", " said ", "according to", " told reporters", "Mayor Ida Quell",
    "the agency", "Wrenport", " 40 million pounds", " 12%", " on Monday", "she added",
    "\"", "\u201c", "\u201d", "\u2018", "\u2019", "'", "\u00ab", "\u00bb", "\u201e", "\u300c",
    ".", ",", ":", ";", "?", "!", "\u2026", " - ", "\u2014", "(", ")", "[", "]",
    "\n", "\n\n", "\r\n", "\t", "\x00", "\x0b", "\x0c", "\x1b", "\u2028", "\u2029", "\u200b",
    "\u0301", "\ufeff", "\U0001f600", "\ud7ff", " ", "  ", "Mr.", "U.S.", "e.g.",
    "it is a disaster", "They never", "allegedly", "denied", "sources say",
]
NEWSY = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
UNICODE = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
TEXTS = st.one_of(NEWSY, UNICODE, st.lists(st.one_of(NEWSY, UNICODE), max_size=4).map("".join))

FUZZ = settings(max_examples=30, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])


def analysed(text: str) -> Analysis:
    started = time.perf_counter()
    analysis = analyze(Article(text=text, title="t", id="fuzz"))
    took = time.perf_counter() - started
    assert took < SECONDS_PER_INPUT, f"analyze took {took:.1f} s on {len(text)} chars"
    return analysis


def assert_contract(d: dict) -> None:
    validate_article(d)
    check_spans(d)
    json.dumps(d, ensure_ascii=False)  # serialisable, no surrogates or NaN
    assert json.loads(json.dumps(d, allow_nan=False)) == d


@pytest.fixture(scope="module", autouse=True)
def warm():
    analyze("Warm up: the pipeline and the models load once.")


@FUZZ
@given(TEXTS)
def test_analyze_any_text_validates_round_trips_and_spans_index_the_text(text):
    analysis = analysed(text)
    assert analysis.text == text, "the analysed text is exactly the input"
    d = analysis.to_dict()
    assert_contract(d)
    again = Analysis.from_dict(json.loads(json.dumps(d))).to_dict()
    assert again == d, "the contract round trip is lossless"


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(max_size=200), st.data())
def test_check_spans_rejects_every_span_that_disagrees_with_the_text(text, data):
    """The checker itself: a span outside the text, or whose text is not text[start:end],
    is always reported; one that agrees never is."""
    from newsprobe.schema import SchemaError

    start = data.draw(st.integers(-3, len(text) + 3))
    end = data.draw(st.integers(-3, len(text) + 3))
    claimed = data.draw(st.one_of(st.just(text[max(start, 0):max(end, 0)]), st.text(max_size=5)))
    d = {"text": text, "techniques": [{"start": start, "end": end, "text": claimed}]}
    good = 0 <= start <= end <= len(text) and text[start:end] == claimed
    if good:
        check_spans(d)
    else:
        with pytest.raises(SchemaError):
            check_spans(d)
