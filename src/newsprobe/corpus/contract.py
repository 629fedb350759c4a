"""Checks of a `newsprobe.corpus/1` object: its shape (schema/corpus.v1.json) and what a
schema cannot say, that every span's text is its article's text[start:end]."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from jsonschema import Draft202012Validator

from ..schema import SchemaError, load_schema


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    schema = load_schema("corpus.v1")
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate_corpus(obj: dict[str, Any]) -> None:
    """Raise SchemaError listing every failure unless `obj` is a valid corpus object."""
    problems = [f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator().iter_errors(obj)]
    if problems:
        raise SchemaError(f"newsprobe.corpus/1 validation: {len(problems)} problem(s):\n  "
                          + "\n  ".join(problems[:10]), problems)


def check_corpus_spans(obj: dict[str, Any], text_of: Callable[[str], str]) -> None:
    """Raise SchemaError unless every span matches `text_of(article id)[start:end]`."""
    problems = []

    def check(path: str, article: str, span: dict) -> None:
        text = text_of(article)
        if text[span["start"]:span["end"]] != span["text"]:
            problems.append(f"{path}: {span['text']!r} is not text[{span['start']}:{span['end']}] of {article}")

    for i, k in enumerate(obj["copies"]):
        for j, p in enumerate(k["pairs"]):
            check(f"/copies/{i}/pairs/{j}/source", k["source"], p["source"])
            check(f"/copies/{i}/pairs/{j}/target", k["target"], p["target"])
        for j, c in enumerate(k["changes"]):
            check(f"/copies/{i}/changes/{j}/source", k["source"], c["source"])
            check(f"/copies/{i}/changes/{j}/target", k["target"], c["target"])
    for i, link in enumerate(obj["claim_links"]):
        for j, m in enumerate(link["mentions"]):
            check(f"/claim_links/{i}/mentions/{j}", m["article"], m)
    if problems:
        raise SchemaError(f"corpus span check: {len(problems)} problem(s):\n  " + "\n  ".join(problems[:10]),
                          problems)
