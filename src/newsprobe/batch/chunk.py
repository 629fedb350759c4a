"""Analyse a chunk of input records into table rows, losing none.

Batch and Spark runs both call `analyse_chunk`: every record comes out either as the rows
of its analysis or as one `errors` row naming it. An exception while analysing a chunk
(a layer failing on one odd page) does not lose the chunk: the chunk is analysed again
one article at a time and only the article that fails becomes an E031 error.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from ..analyze import analyze_many
from ..errors import NewsprobeError
from ..model import Article
from ..settings import Settings
from .tables import analysis_rows, empty_rows, error_row

log = logging.getLogger(__name__)

Record = Article | NewsprobeError
Rows = dict[str, list[dict]]


def analyse_chunk(records: list[Record], settings: Settings,
                  on_record: Callable[[bool], None] | None = None) -> Rows:
    """Rows for all `records`, in their order. `on_record(ok)` is called once per record
    (True for an analysed article), for progress bars."""
    tick = on_record or (lambda ok: None)
    rows = empty_rows()
    articles = [r for r in records if isinstance(r, Article)]
    for record in records:
        if isinstance(record, NewsprobeError):
            rows["errors"].append(error_row(record))
            tick(False)
    try:
        analysed = []
        for article, analysis in zip(articles, analyze_many(articles, settings)):
            analysed.append((article, analysis))
            tick(True)
    except NewsprobeError:
        raise  # E010: no pipeline; nothing in this run can be analysed
    except Exception:  # noqa: BLE001 - one bad article must not sink the chunk
        log.exception("a chunk of %d articles failed; analysing them one by one", len(articles))
        return _one_by_one(records, settings, rows, skip=len(analysed), tick=tick,
                           done=analysed)
    for article, analysis in analysed:
        _extend(rows, analysis_rows(analysis, article))
    return rows


def _one_by_one(records: list[Record], settings: Settings, rows: Rows, skip: int, tick,
                done: list) -> Rows:
    for article, analysis in done:
        _extend(rows, analysis_rows(analysis, article))
    articles = [r for r in records if isinstance(r, Article)][skip:]
    for article in articles:
        try:
            analysis = next(analyze_many([article], settings))
        except NewsprobeError:
            raise
        except Exception as exc:  # noqa: BLE001
            log.exception("analysis failed for %s", article.origin)
            err = NewsprobeError("E031", f"analysis failed: {type(exc).__name__}: {exc}",
                                 article.origin)
            rows["errors"].append(error_row(err))
            tick(False)
            continue
        _extend(rows, analysis_rows(analysis, article))
        tick(True)
    return rows


def _extend(rows: Rows, more: Rows) -> None:
    for table, new in more.items():
        rows[table].extend(new)
