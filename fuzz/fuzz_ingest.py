"""Coverage-guided fuzzing of ingest with atheris (libFuzzer).

The first byte picks the reader (txt, html, jsonl, warc, warc.gz); the rest is the file.
Every input must end as Articles or NewsprobeErrors naming it: any other exception is a
crash, and an input running longer than -timeout seconds is a hang.

    python fuzz/fuzz_ingest.py -max_total_time=60                       # a minute
    python fuzz/fuzz_ingest.py /tmp/ingest-corpus fuzz/seeds/ingest \\
        -max_total_time=1800 -timeout=20 -artifact_prefix=/tmp/ingest-   # RELIABILITY.md

A crash writes the input to `<artifact_prefix>crash-<sha1>`; turn it into a bytes literal
in tests/regressions/test_regression_crashers.py before fixing it.
"""

from __future__ import annotations

import os
import sys
import tempfile

import atheris

with atheris.instrument_imports(include=["newsprobe"]):
    from newsprobe.errors import NewsprobeError
    from newsprobe.ingest.html_page import read_html
    from newsprobe.ingest.jsonl import read_jsonl
    from newsprobe.ingest.text import read_text
    from newsprobe.ingest.warc import read_warc
    from newsprobe.model import Article

LIMIT = 100_000
KINDS = ("txt", "html", "jsonl", "warc", "warc.gz")
_SCRATCH = tempfile.mkdtemp(prefix="newsprobe-fuzz-")


def read(kind: str, data: bytes) -> list:
    """What ingest makes of `data` as a file of `kind` (the same calls read_inputs makes)."""
    if kind == "txt":
        return [_call(read_text, data, "f.txt")]
    if kind == "html":
        return [_call(read_html, data, "f.html")]
    path = os.path.join(_SCRATCH, f"f.{kind}")
    with open(path, "wb") as f:
        f.write(data)
    if kind == "jsonl":
        with open(path, "rb") as stream:
            return list(read_jsonl(stream, path, LIMIT))
    return list(read_warc(path, LIMIT))


def _call(reader, data, origin):
    try:
        return reader(data, origin)
    except NewsprobeError as err:
        return err


def check(items: list) -> None:
    for item in items:
        if isinstance(item, NewsprobeError):
            assert item.origin, f"an error that names no input: {item}"
        else:
            assert isinstance(item, Article) and item.text.strip(), item
            item.text.encode("utf-8")  # valid Unicode: no lone surrogates reach spaCy


def test_one(data: bytes) -> None:
    if not data:
        return
    check(read(KINDS[data[0] % len(KINDS)], data[1:]))


def main() -> None:
    atheris.Setup(sys.argv, test_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
