"""Analyse a chunk of input records into table rows, losing none.

Spark runs call `analyse_chunk`, batch runs `chunk_rows` (their analyses stream across
chunks): every record comes out either as the rows of its analysis or as one `errors` row
naming it. `analyze_each` does the per-article
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
    for record in records:
        if isinstance(record, NewsprobeError):
            tick(record)
    results = []
    for result in analyse([r for r in records if isinstance(r, Article)]):
        results.append(result)
        tick(result if isinstance(result, NewsprobeError) else None)
    return chunk_rows(records, results)


def chunk_rows(records: list[Record], results: list) -> Rows:
    """The rows of a chunk whose articles are analysed: `results` holds, for each Article
    among `records` in order, its Analysis or its error. The records' own errors come
    first in `errors`, then the analyses' errors, in order."""
    rows = empty_rows()
    articles = [r for r in records if isinstance(r, Article)]
    if len(results) != len(articles):
        raise ValueError(f"{len(results)} results for {len(articles)} articles")
    rows["errors"] = [error_row(r) for r in records if isinstance(r, NewsprobeError)]
    for article, result in zip(articles, results):
        if isinstance(result, NewsprobeError):
            rows["errors"].append(error_row(result))
        else:
            _extend(rows, analysis_rows(result, article))
    return rows


def _extend(rows: Rows, more: Rows) -> None:
    for table, new in more.items():
        rows[table].extend(new)
