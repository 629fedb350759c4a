"""JSON Lines: one article per line, each line failing or succeeding on its own."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import NewsprobeError
from ..model import Article
from .text import BINARY_SNIFF_BYTES, canonical_text, check_binary, decode_utf8

OPTIONAL_FIELDS = ("id", "title", "url", "outlet", "published")
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$")


def read_jsonl(stream: BinaryIO, path: str, max_bytes: int) -> Iterator[Article | NewsprobeError]:
    """Yield one Article (origin `path:LINE`) or NewsprobeError per non-blank line."""
    head = stream.peek(BINARY_SNIFF_BYTES) if hasattr(stream, "peek") else b""
    try:
        check_binary(head, path)
    except NewsprobeError as err:
        yield err
        return
    records = 0
    for number, (raw, size) in enumerate(_lines(stream, max_bytes), start=1):
        origin = f"{path}:{number}"
        if raw is None:  # over the limit: skipped, never held in memory
            records += 1
            yield _line_too_large(size, max_bytes, origin)
            continue
        if not raw.strip():
            continue
        records += 1
        try:
            yield parse_line(raw, origin, max_bytes)
        except NewsprobeError as err:
            yield err
    if not records:
        yield NewsprobeError("E001", "the JSONL file has no records (empty or blank lines only)",
                             path)


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[bytes | None, int]]:
    """(line, size) for each line; (None, size) for a line over `max_bytes`, which is read
    past in 1 MB pieces, so that one 50 MB line costs no more memory than a short one."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line, len(line)
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = stream.readline(1 << 20)
            if not line:
                break
            size += len(line)
        yield None, size


def _line_too_large(size: int, max_bytes: int, origin: str) -> NewsprobeError:
    return NewsprobeError("E005", f"this line is {size:,} bytes, over the limit of "
                          f"{max_bytes:,} (setting max_input_bytes, environment variable "
                          "NEWSPROBE_MAX_INPUT_BYTES)", origin)


def _check_unicode(value: str | None, name: str, origin: str) -> None:
    """JSON may escape a lone UTF-16 surrogate ("\\ud800"): valid JSON, not valid text.
    spaCy, SQLite and Parquet all fail on it, so the line fails here (E003)."""
    if value is None or value.isascii():
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise NewsprobeError("E003", f"field `{name}` holds a lone surrogate "
                             f"(U+{ord(value[exc.start]):04X}) at character {exc.start}: not "
                             "valid Unicode", origin) from None


def parse_line(raw: bytes, origin: str, max_bytes: int) -> Article:
    if len(raw) > max_bytes:
        raise _line_too_large(len(raw), max_bytes, origin)
    line = decode_utf8(raw, origin, name_line=False)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise NewsprobeError("E004", f"not valid JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}",
                             origin) from None
    if not isinstance(record, dict):
        raise NewsprobeError("E004", f"expected a JSON object, got {type(record).__name__}",
                             origin)
    text = record.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        raise NewsprobeError("E001", "the record has no text (field `text` missing or empty)",
                             origin)
    if not isinstance(text, str):
        raise NewsprobeError("E004", f"field `text` must be a string, got "
                             f"{type(text).__name__}", origin)
    fields: dict[str, str | None] = {}
    for name in OPTIONAL_FIELDS:
        value = record.get(name)
        if value is None or value == "":
            fields[name] = None
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            fields[name] = str(value).strip() or None
        else:
            raise NewsprobeError("E004", f"field `{name}` must be a string, got "
                                 f"{type(value).__name__}", origin)
    for name, value in (("text", text), *fields.items()):
        _check_unicode(value, name, origin)
    if fields["published"] and (m := _ISO_DATE.match(fields["published"])):
        fields["published"] = m.group(1)
    return Article(text=canonical_text(text), origin=origin, **fields)
