"""The JSON Schemas of newsprobe's public output, and checks against them.

`article.v2.json` is the contract `newsprobe.article/2` (DESIGN.md; what changed from
`article.v1.json` in CHANGES.md). `validate_article`
checks the shape; `check_spans` checks what a schema cannot: that every span's text is
exactly `text[start:end]` of the analysed text.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

from jsonschema import Draft202012Validator

__all__ = ["SchemaError", "load_schema", "validate_article", "iter_spans", "check_spans"]

# At most this many problems are listed in one error message; the rest are counted.
_MAX_LISTED = 10


class SchemaError(ValueError):
    """An object does not satisfy a newsprobe schema; `problems` lists each failure."""

    def __init__(self, message: str, problems: list[str]):
        super().__init__(message)
        self.problems = problems


@lru_cache(maxsize=None)
def _load(name: str) -> str:
    return resources.files(__package__).joinpath(f"{name}.json").read_text(encoding="utf-8")


def load_schema(name: str = "article.v2") -> dict[str, Any]:
    """The schema `schema/<name>.json` as a fresh dict (callers may modify it)."""
    return json.loads(_load(name))


@lru_cache(maxsize=None)
def _validator(name: str) -> Draft202012Validator:
    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _where(path) -> str:
    return "/" + "/".join(str(p) for p in path) if path else "(top level)"


def _path_key(path) -> list[tuple[int, int, str]]:
    # Array indices sort numerically, keys alphabetically; never compare an int to a str.
    return [(0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in path]


def _raise_if(problems: list[str], what: str, obj: dict[str, Any]) -> None:
    if not problems:
        return
    ident = obj.get("id") if isinstance(obj, dict) else None
    listed = problems[:_MAX_LISTED]
    more = len(problems) - len(listed)
    message = (f"{what} of article {ident!r}: {len(problems)} problem(s):\n  "
               + "\n  ".join(listed) + (f"\n  ... and {more} more" if more else ""))
    raise SchemaError(message, problems)


def validate_article(obj: dict[str, Any]) -> None:
    """Raise SchemaError, listing every failure with its JSON path, unless `obj` is a
    valid article object of its own version: `newsprobe.article/2`, or an older
    `newsprobe.article/1` one (stores written before the change)."""
    version = "article.v1" if isinstance(obj, dict) and obj.get("schema") == "newsprobe.article/1" else "article.v2"
    errors = sorted(_validator(version).iter_errors(obj), key=lambda e: _path_key(e.absolute_path))
    problems = [f"{_where(e.absolute_path)}: {e.message}" for e in errors]
    _raise_if(problems, f"newsprobe.{version.replace('.v', '/')} validation", obj)


def iter_spans(obj: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every span of an article object, as (JSON path, span dict)."""
    for i, ent in enumerate(obj.get("entities", [])):
        for j, m in enumerate(ent.get("mentions", [])):
            yield f"/entities/{i}/mentions/{j}", m
    for i, q in enumerate(obj.get("quotes", [])):
        for key in ("cue", "source"):
            if q.get(key):
                yield f"/quotes/{i}/{key}", q[key]
        for j, c in enumerate(q.get("content", [])):
            yield f"/quotes/{i}/content/{j}", c
    for i, c in enumerate(obj.get("claims", [])):
        yield f"/claims/{i}", c
        for j, h in enumerate(c.get("hedges", [])):
            yield f"/claims/{i}/hedges/{j}", h
    for i, t in enumerate(obj.get("techniques", [])):
        yield f"/techniques/{i}", t
    for i, f in enumerate(obj.get("integrity", [])):
        for j, s in enumerate(f.get("spans", [])):
            yield f"/integrity/{i}/spans/{j}", s


def check_spans(obj: dict[str, Any]) -> None:
    """Raise SchemaError unless every span lies inside the text (0 <= start <= end <=
    len(text)) and its `text` equals `obj["text"][start:end]`."""
    text = obj["text"]
    problems = []
    for path, span in iter_spans(obj):
        start, end, got = span.get("start"), span.get("end"), span.get("text")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            problems.append(f"{path}: offsets {start!r}..{end!r} outside 0..{len(text)}")
        elif text[start:end] != got:
            problems.append(f"{path}: text {got!r} != text[{start}:{end}] {text[start:end]!r}")
    _raise_if(problems, "span check", obj)
