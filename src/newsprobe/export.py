"""Exports for the tools fact-checkers already use: ClaimReview drafts and CSV tables.

Reads analyses (from a store or from `analyze --format json|jsonl` output) and a store's latest
corpus run; writes plain JSON and CSV. Every cell is article text, so untrusted: a CSV cell
that a spreadsheet would run as a formula (=, +, -, @, tab, CR at its start) is written with a
leading apostrophe, the escape spreadsheets themselves use.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .errors import NewsprobeError
from .model import Analysis

EXPORT_KINDS = ("claimreview", "claims", "quotes", "stories")

CLAIM_COLUMNS = ("article", "title", "outlet", "url", "published", "claim_id", "status",
                 "checkworthiness", "claimant", "start", "end", "text", "factcheck_verdicts")
QUOTE_COLUMNS = ("article", "title", "outlet", "url", "published", "quote_id", "type",
                 "speaker", "speaker_kind", "chain", "cue", "content", "start", "end")
STORY_COLUMNS = ("run", "story_id", "label", "size", "first_published", "last_published",
                 "article", "title", "outlet", "url", "published")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# Speaker kinds that name someone a checker can attribute a claim to, with their schema.org
# type. Anonymous sources, rumour and unresolved speakers name nobody: no claimant is better
# than "sources" or "rumour" in a field a checker publishes.
CLAIMANT_TYPES = {"person": "Person", "official": "Person", "government": "Organization",
                  "organization": "Organization", "media": "Organization",
                  "document": "Organization"}


def claimant_of(analysis: Analysis, claim: dict[str, Any]) -> tuple[str, str]:
    """Who makes the claim, with its schema.org type: its quote's speaker when the speaker
    names someone, else, for a claim the author states, the article's outlet."""
    quote = next((q for q in analysis.quotes if q.id == claim.get("quote")), None)
    if quote is not None:
        kind = CLAIMANT_TYPES.get(quote.speaker.kind)
        return (quote.speaker.name, kind) if kind else ("", "")
    return (analysis.outlet, "Organization") if analysis.outlet else ("", "")


def claimreview_drafts(analyses: Iterable[Analysis]) -> Iterator[dict[str, Any]]:
    """One ClaimReview draft per claim, in article and claim order."""
    # Imported here: the factcheck package loads numpy and scipy, and `newsprobe --help`
    # reads this module for the export command's choices.
    from .factcheck.claimreview import draft_claimreview

    for a in analyses:
        for claim in a.claims:
            claimant, claimant_type = claimant_of(a, claim)
            draft = draft_claimreview(claim, claimant=claimant, claimant_type=claimant_type,
                                      url=a.url or "", date=a.published or "",
                                      outlet=a.outlet or "")
            # Where in our analysis the claim came from, so a checker can go back to it.
            draft["identifier"] = f"{a.id}#{claim.get('id', '')}"
            yield draft


def claim_rows(analyses: Iterable[Analysis]) -> Iterator[dict[str, Any]]:
    for a in analyses:
        for c in a.claims:
            verdicts = "; ".join(
                " by ".join(x for x in (str(f.get("rating", "")), str(f.get("reviewer", ""))) if x)
                for f in c.get("factchecks", []))
            yield {**_article_cells(a), "claim_id": c.get("id", ""), "status": c.get("status", ""),
                   "checkworthiness": c.get("checkworthiness", ""),
                   "claimant": claimant_of(a, c)[0], "start": c.get("start", ""),
                   "end": c.get("end", ""), "text": c.get("text", ""),
                   "factcheck_verdicts": verdicts}


def quote_rows(analyses: Iterable[Analysis]) -> Iterator[dict[str, Any]]:
    for a in analyses:
        for q in a.quotes:
            yield {**_article_cells(a), "quote_id": q.id, "type": q.type,
                   "speaker": q.speaker.name, "speaker_kind": q.speaker.kind,
                   "chain": " <- ".join(link.name for link in q.chain),
                   "cue": q.cue.text if q.cue else "",
                   "content": " … ".join(c.text for c in q.content),
                   "start": min((c.start for c in q.content), default=""),
                   "end": max((c.end for c in q.content), default="")}


def story_rows(store) -> Iterator[dict[str, Any]]:
    """One row per article of every story in the store's latest corpus run (stories of one
    article included: a spreadsheet user filters, we do not)."""
    run_id = store.latest_run_id()
    if run_id is None:
        raise NewsprobeError("E041", "the store holds no corpus run: run `newsprobe corpus` first",
                             store.path)
    for s in store.list_stories(run_id, min_size=1, limit=1_000_000):
        story = store.story(s["story_id"], run_id) or {"articles": []}
        rows = store.article_rows(story["articles"])
        for article_id in story["articles"]:
            row = rows.get(article_id, {})
            yield {"run": run_id, "story_id": s["story_id"], "label": s.get("label") or "",
                   "size": s["size"], "first_published": s.get("first_published") or "",
                   "last_published": s.get("last_published") or "", "article": article_id,
                   "title": row.get("title") or "", "outlet": row.get("outlet") or "",
                   "url": row.get("url") or "", "published": row.get("published") or ""}


def write_export(what: str, analyses: Iterable[Analysis], out: IO[str], store=None,
                 source: str = "") -> int:
    """Write one kind of EXPORT_KINDS to `out`: ClaimReview drafts as a JSON list, the others
    as CSV. Returns the number of drafts or rows. Stories come from `store`'s latest corpus
    run; without a store they are E041, naming `source` (the inputs given instead)."""
    if what == "claimreview":
        drafts = list(claimreview_drafts(analyses))
        json.dump(drafts, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return len(drafts)
    if what == "stories":
        if store is None:
            raise NewsprobeError("E041", "stories come from a corpus run: use --db STORE", source)
        return write_csv(story_rows(store), STORY_COLUMNS, out)
    if what == "claims":
        return write_csv(claim_rows(analyses), CLAIM_COLUMNS, out)
    return write_csv(quote_rows(analyses), QUOTE_COLUMNS, out)


def write_csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: IO[str]) -> int:
    """Rows as CSV with a header; returns the number of rows written."""
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()})
        n += 1
    return n


def spreadsheet_safe(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def read_analyses(paths: Iterable[str]) -> Iterator[Analysis]:
    """Analyses from `analyze --format json` files (one object, or a list) and `--format
    jsonl` files (one a line). A file that is not an analysis is E041 naming it."""
    for name in paths:
        path = Path(name)
        if not path.is_file():
            raise NewsprobeError("E007", f"{path} not found", str(path))
        text = path.read_text("utf-8")
        try:
            try:
                whole = json.loads(text)
                objects = whole if isinstance(whole, list) else [whole]
            except json.JSONDecodeError:  # JSONL: one analysis a line
                objects = [json.loads(line) for line in text.splitlines() if line.strip()]
            for obj in objects:
                yield Analysis.from_dict(obj)
        except (json.JSONDecodeError, ValueError, KeyError, TypeError) as exc:
            raise NewsprobeError("E041", f"not newsprobe analysis JSON: {exc}", str(path)) from None


def _article_cells(a: Analysis) -> dict[str, Any]:
    return {"article": a.id, "title": a.title or "", "outlet": a.outlet or "",
            "url": a.url or "", "published": a.published or ""}
