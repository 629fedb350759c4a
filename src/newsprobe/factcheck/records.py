"""Fact-check records: what an index is built from.

Three input formats:
- our JSONL, one fact-check a line: `claim` (the rated statement, required), `rating`
  ("false", "misleading", ...), `url`, `date`, and optional `title`, `reviewer`, `claimant`;
- schema.org `ClaimReview`, the shape fact-checkers publish their verdicts in (`claimreview.py`):
  a JSON or JSON-LD file, or an HTML page carrying it in `<script type="application/ld+json">`;
- the CheckThat! 2020 Task 2 verified-claims TSV (`vclaim_id`, `vclaim`, `title`; no ratings or
  urls), read by `read_ct2020_tsv`, keeping its id in `id` and an empty rating.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from ..errors import NewsprobeError


@dataclass
class FactCheck:
    claim: str
    rating: str = ""
    url: str = ""
    date: str = ""
    title: str = ""
    id: str = ""
    # Who published the verdict (a fact-checking organisation) and who made the claim; both
    # come from ClaimReview and are empty for sources that do not say.
    reviewer: str = ""
    claimant: str = ""

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def read_jsonl(path: Path) -> Iterator[FactCheck]:
    """Fact-checks from a JSONL file; a line without a `claim` is an error naming the line."""
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            origin = f"{path}:{n}"
            try:
                d = json.loads(line)
            except json.JSONDecodeError as exc:
                raise NewsprobeError("E004", f"not JSON: {exc.msg}", origin) from None
            if not isinstance(d, dict) or not str(d.get("claim") or "").strip():
                raise NewsprobeError("E004", "a fact-check needs a non-empty `claim`", origin)
            yield FactCheck(claim=str(d["claim"]).strip(), rating=str(d.get("rating") or ""),
                            url=str(d.get("url") or ""), date=str(d.get("date") or ""),
                            title=str(d.get("title") or ""), id=str(d.get("id") or n),
                            reviewer=str(d.get("reviewer") or ""),
                            claimant=str(d.get("claimant") or ""))


def read_ct2020_tsv(path: Path) -> Iterator[FactCheck]:
    """CheckThat! 2020 `verified_claims.docs.tsv`: a header, then id, claim, title."""
    with path.open(encoding="utf-8", newline="") as f:
        # Standard quoting: some claims are quoted fields with line breaks inside.
        reader = csv.reader(f, delimiter="\t")
        next(reader, None)
        for row in reader:
            if len(row) >= 2 and row[1].strip():
                yield FactCheck(claim=row[1].strip(), title=(row[2].strip() if len(row) > 2 else ""),
                                id=row[0].strip())


def write_jsonl(records: list[FactCheck], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
