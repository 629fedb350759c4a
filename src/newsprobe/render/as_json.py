"""The contract as JSON: `to_json` for one article (pretty), `to_jsonl_line` for streams."""

from __future__ import annotations

import json

from ..model import Analysis

# Characters that JSON leaves unescaped but that Python's str.splitlines() (and some
# JavaScript tools) treat as line breaks; they can only occur inside JSON strings, where
# the \u escape means the same character.
_LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _escape_line_breaks(s: str) -> str:
    for char, escape in _LINE_BREAKS.items():
        s = s.replace(char, escape)
    return s


def to_json(analysis: Analysis, indent: int = 2) -> str:
    """One `newsprobe.article/1` object, pretty-printed, non-ASCII kept as is."""
    return _escape_line_breaks(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=indent))


def to_jsonl_line(analysis: Analysis) -> str:
    """One `newsprobe.article/1` object on one line, without the trailing newline: every
    line break inside the text is escaped, so any line splitter keeps the object whole."""
    return _escape_line_breaks(
        json.dumps(analysis.to_dict(), ensure_ascii=False, separators=(",", ":")))
