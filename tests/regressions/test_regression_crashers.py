"""Inputs that once crashed or hung newsprobe, found by the fuzzers (fuzz/, tests/test_fuzz_*)
and the regular-expression audit (RELIABILITY.md). Each is rebuilt here as a bytes or str
literal, minimised by hand, with the commit that fixed it named in its comment.
"""

from __future__ import annotations

import time

import pytest

from newsprobe.errors import NewsprobeError
from newsprobe.ingest.warc import read_warc

# A generous bound: the quadratic versions took minutes on these sizes, the fixed ones
# take milliseconds; the machine is shared, so a test never asserts a tight timing.
SECONDS = 5.0


def _warc_record(headers: bytes, body: bytes) -> bytes:
    return (b"WARC/1.0\r\n" + headers + b"Content-Length: %d\r\n\r\n" % len(body) + body
            + b"\r\n\r\n")


# fuzz/fuzz_ingest.py, 2026-11-26: a response record without WARC-Target-URI made warcio
# call None.startswith() -> AttributeError escaped read_warc and would end a batch run.
# Fixed in ingest/warc.py: the record is a broken record (E030) like any other.
WARC_CRASHERS = {
    "response without target uri": _warc_record(
        b"WARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\n",
        b"abcd"),
    "request without target uri": _warc_record(
        b"WARC-Type: request\r\nContent-Type: application/http; msgtype=request\r\n",
        b"GET / HTTP/1.1\r\n\r\n"),
}


@pytest.mark.parametrize("name", sorted(WARC_CRASHERS))
def test_warc_crashers_become_broken_record_errors(tmp_path, name):
    path = tmp_path / "crash.warc"
    path.write_bytes(WARC_CRASHERS[name])
    items = list(read_warc(str(path), 100_000))
    assert items and all(isinstance(i, NewsprobeError) for i in items), items
    assert items[0].code == "E030" and items[0].origin == f"{path}@0"


# Regular-expression audit, 2026-11-26: three patterns backtracked quadratically. Each
# case is (module, attribute, method, adversarial input): at 10,000 characters they took
# 1-2 s, at 200,000 about 10 minutes; fixed, 200,000 characters take milliseconds.
def _regex_cases():
    from newsprobe.corpus import align, changes
    from newsprobe.layers import attribution

    n = 200_000
    return {
        # corpus/align.py: sentence boundaries in a line of 200k full stops.
        "align._BOUNDARY": (align._BOUNDARY.finditer, "." * n),
        # corpus/changes.py: quoted spans in a sentence of 200k opening quotation marks.
        "changes._QUOTED": (changes._QUOTED.finditer, "\u201c" * n),
        # layers/attribution.py: a dateline before a source of spaces with no dash.
        "attribution._DATELINE": (attribution._DATELINE.match, "A" + " " * n + "x"),
    }


@pytest.mark.parametrize("name", ["align._BOUNDARY", "changes._QUOTED", "attribution._DATELINE"])
def test_regex_that_backtracked_quadratically_is_now_linear(name):
    call, text = _regex_cases()[name]
    started = time.perf_counter()
    result = call(text)
    if hasattr(result, "__next__"):
        list(result)
    assert time.perf_counter() - started < SECONDS


def test_fixed_regexes_still_find_what_they_were_written_for():
    from newsprobe.corpus import align, changes
    from newsprobe.layers import attribution

    assert [m.group(0) for m in align._BOUNDARY.finditer('It rained... "Then it stopped." Next day')] \
        == ["... ", '." ']
    assert [m.group(1) for m in changes._QUOTED.finditer('He said \u201cwe will win\u201d and "so what".')] \
        == ["we will win", "so what"]
    assert attribution._DATELINE.match("WASHINGTON -- President").group(0) == "WASHINGTON -- "


# tests/test_web_security.py, 2026-11-26: JSON may escape a lone UTF-16 surrogate. The
# string it decodes to is not valid Unicode: spaCy's tokenizer raised UnicodeEncodeError
# (a 500 from POST /api/analyse; in a batch run, an analysis failure), and SQLite and
# Parquet fail on it too. Fixed in ingest/jsonl.py (E003 per line) and analyze.py (E003).
SURROGATE_LINES = [
    b'{"text": "\\ud800 lone high surrogate"}',
    b'{"text": "lone low \\udfff"}',
    b'{"text": "The council met.", "title": "\\udc00"}',
    b'{"text": "reversed pair \\ude00\\ud83d"}',
]


@pytest.mark.parametrize("raw", SURROGATE_LINES)
def test_jsonl_lines_with_lone_surrogates_are_E003(raw):
    from newsprobe.ingest.jsonl import parse_line

    with pytest.raises(NewsprobeError) as info:
        parse_line(raw, "f.jsonl:1", 100_000)
    assert info.value.code == "E003" and "surrogate" in info.value.message


def test_a_surrogate_pair_escape_is_one_valid_character():
    from newsprobe.ingest.jsonl import parse_line

    assert parse_line(b'{"text": "smile \\ud83d\\ude00"}', "f.jsonl:1", 100_000).text == "smile \U0001f600"


def test_analyze_refuses_a_lone_surrogate_with_E003():
    from newsprobe import analyze

    with pytest.raises(NewsprobeError) as info:
        analyze("The council \ud800 met.")
    assert info.value.code == "E003"


# tests/test_hostile_inputs.py, 2026-11-26: a WARC cut inside a record's headers was read
# as a record with no type, or with a type but no Content-Length, and skipped: the file
# ended without an error and its remaining pages were lost silently. The same for garbage
# after a gzip magic number, read as an ARC record. Fixed in ingest/warc.py: E030.
CUT_RECORDS = {
    "cut after the type": b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.com/a\r\n",
    "cut inside the version line": b"WARC/1.",
    "gzip magic then garbage": b"\x1f\x8b\x08\x00garbage after a gzip magic number",
}


@pytest.mark.parametrize("name", sorted(CUT_RECORDS))
def test_a_record_cut_inside_its_headers_is_E030_not_silence(tmp_path, name):
    path = tmp_path / "cut.warc"
    path.write_bytes(CUT_RECORDS[name])
    items = list(read_warc(str(path), 100_000))
    assert [i.code for i in items] == ["E030"], items
