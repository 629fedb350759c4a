"""Inputs -> Articles. Text files, HTML pages, JSON Lines, WARC files, directories of
them, stdin.

`read_inputs` yields, in input order, an Article for each readable input and a
NewsprobeError for each one that is not, so a batch goes on with the rest and can report
every input as analysed or failed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from ..errors import NewsprobeError
from ..model import Article
from ..settings import Settings
from .html_page import read_html
from .jsonl import read_jsonl
from .outlet import outlet_of
from .paths import STDIN, SUFFIXES, expand
from .text import read_text
from .warc import read_warc

STDIN_ORIGIN = "<stdin>"


def read_inputs(paths: list[str], settings: Settings | None = None) -> Iterator[Article | NewsprobeError]:
    settings = settings or Settings()
    for item in expand(paths):
        if isinstance(item, NewsprobeError):
            yield item
            continue
        kind, path = item
        try:
            if kind == "jsonl":
                with open(path, "rb") as stream:
                    for result in read_jsonl(stream, path, settings.max_input_bytes):
                        yield _with_outlet(result)
                continue
            if kind == "warc":
                for result in read_warc(path, settings.max_input_bytes, settings=settings):
                    yield _with_outlet(result)
                continue
            if path == STDIN:
                origin, data = STDIN_ORIGIN, _read_stdin(settings.max_input_bytes)
            else:
                origin, data = path, _read_file(path, settings.max_input_bytes)
            article = read_html(data, origin, settings) if kind == "html" else read_text(data, origin)
            yield _with_outlet(article)
        except NewsprobeError as err:
            yield err
        except OSError as exc:
            yield NewsprobeError("E007", f"cannot be read: {exc.strerror or exc}", path)


def count_inputs(paths: list[str]) -> int:
    """How many items read_inputs will yield, give or take (JSONL lines are counted, not
    parsed): cheap enough to size a progress bar."""
    total = 0
    for item in expand(paths):
        if isinstance(item, tuple) and item[0] == "jsonl":
            try:
                with open(item[1], "rb") as stream:
                    total += sum(1 for line in stream if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def _too_large(size: int, limit: int, origin: str) -> NewsprobeError:
    return NewsprobeError(
        "E005", f"the input is {size:,} bytes, over the limit of {limit:,} (raise it with the "
        "setting max_input_bytes or the environment variable NEWSPROBE_MAX_INPUT_BYTES)", origin)


def _read_file(path: str, limit: int) -> bytes:
    size = Path(path).stat().st_size
    if size > limit:
        raise _too_large(size, limit, path)
    with open(path, "rb") as f:
        return f.read()


def _read_stdin(limit: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read(limit + 1) if stream is not None else sys.stdin.read(limit + 1).encode("utf-8")
    if len(data) > limit:
        raise _too_large(len(data), limit, STDIN_ORIGIN)
    return data


def _with_outlet(item: Article | NewsprobeError) -> Article | NewsprobeError:
    if isinstance(item, Article) and not item.outlet:
        item.outlet = outlet_of(item.url)
    return item


__all__ = ["read_inputs", "count_inputs", "SUFFIXES", "STDIN_ORIGIN"]
