"""Analyse a chunk of input records into table rows, losing none.

Batch and Spark runs both call `analyse_chunk`: every record comes out either as the rows
of its analysis or as one `errors` row naming it. `analyze_each` does the per-article
isolation: an article over a limit, or one that makes a layer fail (analysed again alone),
becomes its own error (E005, E031, ...) and the rest of the chunk is analysed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator

from ..analyze import analyze_each
from ..errors import NewsprobeError
from ..model import Article
from ..settings import Settings
from .tables import analysis_rows, empty_rows, error_row

log = logging.getLogger(__name__)

Record = Article | NewsprobeError
Rows = dict[str, list[dict]]
# Analyses of articles in order, one item each (analyze_each, or a worker pool's)
Analyse = Callable[[Iterable[Article]], Iterator]


def analyse_chunk(records: list[Record], settings: Settings,
                  on_record: Callable[[NewsprobeError | None], None] | None = None,
                  analyse: Analyse | None = None) -> Rows:
    """Rows for all `records`, in their order. `on_record(error)` is called once per record
    (None for an analysed article, else its error), for progress bars and for naming failed
    inputs as they fail. `analyse` is what analyses the articles
    (`workers.AnalysisPool.analyze_each`; default: in this process). Raises only what
    concerns every record (E010: no spaCy pipeline)."""
    tick = on_record or (lambda error: None)
    analyse = analyse or (lambda articles: analyze_each(articles, settings))
    rows = empty_rows()
    articles = [r for r in records if isinstance(r, Article)]
    for record in records:
        if isinstance(record, NewsprobeError):
            rows["errors"].append(error_row(record))
            tick(record)
    for article, result in zip(articles, analyse(articles)):
        if isinstance(result, NewsprobeError):
            rows["errors"].append(error_row(result))
            tick(result)
            continue
        _extend(rows, analysis_rows(result, article))
        tick(None)
    return rows


def _extend(rows: Rows, more: Rows) -> None:
    for table, new in more.items():
        rows[table].extend(new)
