"""Reading the shared data sets' files, with the same coded errors in every evaluation.

Each evaluation reads its set's own layout; what they share is how a missing file, an unknown
split and a malformed line are reported: E011 names the file or split and the set, E004 names
the file and line number (never the line's text, which is the data set's).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import NewsprobeError


def read_jsonl(path: Path, data_set: str, missing: str | None = None,
               limit: int | None = None) -> list[dict[str, Any]]:
    """The JSON objects of a JSON-lines file, skipping blank lines, at most `limit` of them.

    `missing` replaces the default "PATH not found" message, for sets whose layout needs a hint.
    """
    path = Path(path)
    if not path.is_file():
        raise NewsprobeError("E011", missing or f"{path} not found", data_set)
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if limit is not None and len(rows) >= limit:
                break
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise NewsprobeError("E004", f"malformed JSONL line: {err}",
                                     origin=f"{path}:{number}") from err
    return rows


def check_split(split: str, splits: Iterable[str], data_set: str) -> None:
    """Raise E011 unless `split` is one of the set's splits."""
    splits = list(splits)
    if split not in splits:
        raise NewsprobeError("E011", f"split must be one of {', '.join(splits)}, got {split!r}", data_set)
