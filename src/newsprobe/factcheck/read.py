"""Which reader handles a fact-check file, by its suffix. It sits above both readers
(records.py for our JSONL and the CheckThat! TSV, claimreview.py for schema.org
ClaimReview), which import nothing from each other but the record class."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import NewsprobeError
from .claimreview import read_claimreview
from .records import FactCheck, read_ct2020_tsv, read_jsonl


CLAIMREVIEW_SUFFIXES = (".json", ".jsonld", ".html", ".htm")


def read_any(path: Path) -> Iterator[FactCheck]:
    """By suffix: .tsv is the CheckThat! 2020 format; .json, .jsonld, .html and .htm hold
    ClaimReview; anything else is our JSONL."""
    if not path.is_file():
        raise NewsprobeError("E007", f"{path} not found", str(path))
    suffix = path.suffix.lower()
    if suffix == ".tsv":
        return read_ct2020_tsv(path)
    if suffix in CLAIMREVIEW_SUFFIXES:
        return read_claimreview(path)
    return read_jsonl(path)
