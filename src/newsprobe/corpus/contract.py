"""Checks of a `newsprobe.corpus` object: its shape (schema/corpus.v2.json, or
corpus.v1.json for an older `newsprobe.corpus/1` object) and what a schema cannot say,
that every span's text is its article's text[start:end]; and `upgrade_corpus`, which
reads a /1 object as /2 (schema/CHANGES.md)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from jsonschema import Draft202012Validator

from ..schema import SchemaError, load_schema
from . import CORPUS_SCHEMA

# Contract name -> its schema file.
_SCHEMAS = {"newsprobe.corpus/1": "corpus.v1", "newsprobe.corpus/2": "corpus.v2"}


@lru_cache(maxsize=None)
def _validator(name: str) -> Draft202012Validator:
    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate_corpus(obj: dict[str, Any]) -> None:
    """Raise SchemaError listing every failure unless `obj` is a valid corpus object of
    the version it names (/2, or an older /1)."""
    version = obj.get("schema") if isinstance(obj, dict) else None
    name = _SCHEMAS.get(version, _SCHEMAS[CORPUS_SCHEMA])
    problems = [f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator(name).iter_errors(obj)]
    if problems:
        raise SchemaError(f"{version or CORPUS_SCHEMA} validation: {len(problems)} problem(s):\n  "
                          + "\n  ".join(problems[:10]), problems)


def upgrade_corpus(obj: dict[str, Any]) -> dict[str, Any]:
    """A corpus object as `newsprobe.corpus/2`: a /1 object (an older store, a saved JSON
    file) gets `families: []` and `meta.families` saying they were not computed; a /2
    object is returned as it is."""
    if obj.get("schema") != "newsprobe.corpus/1":
        return obj
    meta = {**obj.get("meta", {}), "families": "not computed (read from newsprobe.corpus/1)"}
    return {**obj, "schema": CORPUS_SCHEMA, "families": [], "meta": meta}


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
    for i, family in enumerate(obj.get("families", [])):
        for h, hop in enumerate(family["route"]):
            for j, c in enumerate(hop["changes"]):
                check(f"/families/{i}/route/{h}/changes/{j}/source", hop["parent"], c["source"])
                check(f"/families/{i}/route/{h}/changes/{j}/target", hop["child"], c["target"])
    for i, link in enumerate(obj["claim_links"]):
        for j, m in enumerate(link["mentions"]):
            check(f"/claim_links/{i}/mentions/{j}", m["article"], m)
    if problems:
        raise SchemaError(f"corpus span check: {len(problems)} problem(s):\n  " + "\n  ".join(problems[:10]),
                          problems)
