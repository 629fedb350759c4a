"""Property-based fuzzing of ingest: any bytes in a .txt, .html, .jsonl or .warc file end as
Articles or NewsprobeErrors that name the input, within a time bound; never an exception.

The coverage-guided twin of this file is fuzz/fuzz_ingest.py (atheris); crashers either
finds are kept in tests/regressions/.
"""

from __future__ import annotations

import json
import time

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from newsprobe.errors import CODES, NewsprobeError  # noqa: E402
from newsprobe.ingest import read_inputs  # noqa: E402
from newsprobe.ingest.html_page import read_html  # noqa: E402
from newsprobe.ingest.jsonl import parse_line  # noqa: E402
from newsprobe.ingest.text import read_text  # noqa: E402
from newsprobe.model import Article  # noqa: E402
from newsprobe.settings import Settings  # noqa: E402

# Generous: the machine is shared; a hang is minutes, not seconds.
SECONDS_PER_INPUT = 20.0
LIMIT = 100_000
FUZZ = settings(max_examples=150, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Bytes that exercise the decoders: text, UTF-8 multi-byte sequences (whole and cut), BOMs,
# control bytes, quotation marks and markup.
TEXTY = st.lists(st.sampled_from([
    b"The mayor said ", b"\"", b"\xe2\x80\x9c", b"\xe2\x80\x9d", b"'", b".", b"\n", b"\r\n",
    b"\n\n", b" ", b"\t", b"\x00", b"\x07", b"\x7f", b"\xff", b"\xfe\xff", b"\xef\xbb\xbf",
    b"\xc3", b"\xa9", b"\xe2\x80", b"<p>", b"</p>", b"<script>x</script>", b"{", b"}",
    b"\xf0\x9f\x98\x80", b"Wrenport", b"12%", b"\\u0000",
]), max_size=40).map(b"".join)
ANY_BYTES = st.one_of(st.binary(max_size=2000), TEXTY)


def bounded(call, *args):
    started = time.perf_counter()
    try:
        result = call(*args)
    except NewsprobeError as err:
        result = err
    took = time.perf_counter() - started
    assert took < SECONDS_PER_INPUT, f"{call.__name__} took {took:.1f} s"
    return result


def assert_article_or_error(item, origin_prefix: str) -> None:
    if isinstance(item, NewsprobeError):
        assert item.code in CODES and item.message
        assert item.origin and item.origin.startswith(origin_prefix), item.origin
        return
    assert isinstance(item, Article)
    assert isinstance(item.text, str) and item.text.strip(), "an Article always has text"
    item.text.encode("utf-8")  # valid Unicode: no lone surrogates reach the analysis
    assert "\r" not in item.text, "newlines are normalised"


@FUZZ
@given(ANY_BYTES)
def test_txt_bytes_become_an_article_or_a_coded_error(data):
    assert_article_or_error(bounded(read_text, data, "fuzz.txt"), "fuzz.txt")


@FUZZ
@given(st.one_of(ANY_BYTES, st.builds(
    lambda head, body: b"<html><head><title>" + head + b"</title></head><body><article><p>"
    + body + b"</p></article></body></html>", TEXTY, TEXTY)))
def test_html_bytes_become_an_article_or_a_coded_error(data):
    assert_article_or_error(bounded(read_html, data, "fuzz.html"), "fuzz.html")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8)
RECORDS = st.fixed_dictionaries({}, optional={
    "text": st.one_of(st.text(max_size=200), JSON_VALUES),
    "id": JSON_VALUES, "title": JSON_VALUES, "url": JSON_VALUES, "outlet": JSON_VALUES,
    "published": st.one_of(st.text(max_size=30), JSON_VALUES)})
JSONL_LINES = st.one_of(
    RECORDS.map(lambda r: json.dumps(r).encode()),
    RECORDS.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogatepass")),
    JSON_VALUES.map(lambda v: json.dumps(v).encode()),
    # JSON escapes of lone UTF-16 surrogates: valid JSON, invalid text (an E003 now).
    st.integers(0xD800, 0xDFFF).map(lambda u: b'{"text": "a \\u%04x b"}' % u),
    ANY_BYTES)


@FUZZ
@given(JSONL_LINES)
def test_a_jsonl_line_becomes_an_article_or_a_coded_error(raw):
    assert_article_or_error(bounded(parse_line, raw, "fuzz.jsonl:1", LIMIT), "fuzz.jsonl:1")


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(JSONL_LINES, max_size=6))
def test_a_jsonl_file_yields_one_item_per_line_and_goes_on_after_bad_ones(tmp_path, lines):
    path = tmp_path / "fuzz.jsonl"
    path.write_bytes(b"\n".join(line.replace(b"\n", b" ") for line in lines))
    items = bounded(lambda: list(read_inputs([str(path)], Settings.load(max_input_bytes=LIMIT))))
    for item in items:
        assert_article_or_error(item, str(path))


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.data())
def test_warc_bytes_cut_or_flipped_become_articles_or_E030(tmp_path_factory, data):
    """A valid WARC file, then cut at a random byte or with random bytes overwritten: every
    record is an Article or an error naming the file (E030 with its offset)."""
    from newsprobe.ingest.warc import WarcPage, read_warc, write_warc

    folder = tmp_path_factory.mktemp("warc")
    gz = data.draw(st.booleans(), label="gzip")
    path = folder / ("f.warc.gz" if gz else "f.warc")
    bodies = data.draw(st.lists(TEXTY, min_size=1, max_size=3), label="bodies")
    write_warc(str(path), [WarcPage(f"https://example.com/{i}", b"<html><body><p>" + b + b"</p></body></html>")
                           for i, b in enumerate(bodies)], gzip=gz)
    raw = bytearray(path.read_bytes())
    # Positions as fractions of the length: record ids are random, so the length varies
    # from run to run and hypothesis needs draws that do not depend on it.
    where = st.floats(0, 1, exclude_max=True)
    how = data.draw(st.sampled_from(["cut", "flip", "both"]), label="damage")
    if how in ("flip", "both") and raw:
        for _ in range(data.draw(st.integers(1, 8), label="flips")):
            raw[int(data.draw(where) * len(raw))] = data.draw(st.integers(0, 255))
    if how in ("cut", "both"):
        raw = raw[:int(data.draw(where, label="cut at") * (len(raw) + 1))]
    path.write_bytes(bytes(raw))
    items = bounded(lambda: list(read_warc(str(path), LIMIT)))
    for item in items:
        assert_article_or_error(item, str(path))
