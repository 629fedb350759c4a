"""`newsprobe batch`: analyse many inputs on one machine into Parquet tables, resumably.

The run streams: files are read one record at a time and analysed in chunks of
`Settings.batch_chunk_articles` records, so memory stays bounded by one chunk whatever the
input size. Each chunk becomes one part file per table (`out/<table>/part-NNNNNN.parquet`)
and one ledger line (see ledger.py); a re-run of the same command skips every record the
ledger names and every file it marks as read to the end.

Every input record ends up in exactly one place: rows in the result tables, or one row in
`errors` naming it (file, WARC offset or JSONL line) and why.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

from ..errors import NewsprobeError
from ..ingest.warc import WarcStats
from ..model import Article
from ..settings import Settings
from .chunk import Record, chunk_rows
from .ledger import PART_SUFFIX, TMP_SUFFIX, Ledger, LedgerState, file_of
from .sources import input_files, read_file
from .tables import TABLES, to_arrow

log = logging.getLogger(__name__)

RUN_NAME = "_run.json"
SUMMARY_NAME = "_summary.json"


@dataclass
class BatchSummary:
    articles: int = 0          # analysed in this run
    errors: int = 0            # error rows written in this run
    parts: int = 0             # chunks committed in this run
    files: int = 0             # files read (partly or wholly) in this run
    skipped_files: int = 0     # files finished by an earlier run, not opened
    skipped_records: int = 0   # records finished by an earlier run, read but not redone
    previous_articles: int = 0
    previous_errors: int = 0
    resumed: bool = False
    warc: WarcStats = field(default_factory=WarcStats)
    seconds: float = 0.0
    # processes that analysed, and each one's peak resident memory (MB)
    workers: int = 1
    worker_peak_rss_mb: list[float] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = {k: getattr(self, k) for k in (
            "articles", "errors", "parts", "files", "skipped_files", "skipped_records",
            "previous_articles", "previous_errors", "resumed", "seconds", "workers",
            "worker_peak_rss_mb")}
        d["warc"] = self.warc.to_dict()
        d["total_articles"] = self.articles + self.previous_articles
        d["total_errors"] = self.errors + self.previous_errors
        return d


class _Chunk:
    """Records of one part file in the order read, the files that end with them, and the
    analyses of its articles as they come back. It is closed once nothing more is read
    into it, and complete once closed with every article's result in."""

    def __init__(self):
        self.records: list[Record] = []
        self.files_done: dict[str, dict] = {}
        self.articles = 0
        self.results: list = []
        self.closed = False

    def __len__(self) -> int:
        return len(self.records)

    @property
    def complete(self) -> bool:
        return self.closed and len(self.results) == self.articles


def run_batch(inputs: list[str], out: Path, settings: Settings | None = None,
              on_record: Callable[[NewsprobeError | None], None] | None = None,
              chunk_size: int | None = None) -> BatchSummary:
    """Analyse `inputs` (files, directories, globs) into Parquet tables under `out`,
    resuming whatever an earlier run over `out` left unfinished."""
    settings = settings or Settings()
    size = chunk_size or settings.batch_chunk_articles
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        (out / table).mkdir(exist_ok=True)
    ledger = Ledger(out)
    state = ledger.recover()
    summary = BatchSummary(previous_articles=state.articles, previous_errors=state.errors,
                           resumed=bool(state.parts or state.done_files or state.done_keys))
    _record_run(out, inputs, settings)

    from ..workers import AnalysisPool

    with AnalysisPool(settings) as pool:
        _run(inputs, out, settings, size, ledger, state, summary, on_record, pool)
        used = pool.memory_report()
        summary.workers, summary.worker_peak_rss_mb = used["workers"], used["worker_peak_rss_mb"]

    summary.seconds = round(time.perf_counter() - started, 3)
    (out / SUMMARY_NAME).write_text(json.dumps(summary.to_dict(), indent=2) + "\n",
                                    encoding="utf-8")
    return summary


def _run(inputs: list[str], out: Path, settings: Settings, size: int, ledger: Ledger,
         state: LedgerState, summary: BatchSummary, on_record, pool) -> None:
    """Read, analyse and commit chunk after chunk, as one stream: the pool pulls articles
    from the reader as it needs them (reading and HTML extraction happen in this process
    while the workers analyse the articles before), and a chunk is written as soon as its
    last analysis is back, while the workers go on with the next chunk's articles. Chunks
    are committed in input order."""
    tick = on_record or (lambda error: None)
    chunks: deque[_Chunk] = deque([_Chunk()])

    def read() -> Iterator[Article]:
        def close() -> None:
            chunks[-1].closed = True
            chunks.append(_Chunk())

        for item in input_files(inputs):
            if isinstance(item, NewsprobeError):  # a missing input: its own error record
                if item.origin not in state.done_keys and item.origin not in state.done_files:
                    chunks[-1].records.append(item)
                    tick(item)
                continue
            kind, path = item
            if path in state.done_files:
                summary.skipped_files += 1
                continue
            summary.files += 1
            stats = WarcStats()
            for record in read_file(kind, path, settings, stats, done=state.done_keys):
                if record.origin in state.done_keys:
                    summary.skipped_records += 1
                    continue
                chunk = chunks[-1]
                chunk.records.append(record)
                if len(chunk) >= size:
                    close()
                if isinstance(record, NewsprobeError):
                    tick(record)
                    continue
                chunk.articles += 1
                yield record
            summary.skipped_records += stats.skipped_done
            summary.warc.add(stats)
            chunks[-1].files_done[path] = stats.to_dict() if kind == "warc" else {}
        chunks[-1].closed = True

    def commit_complete() -> None:
        while chunks and chunks[0].complete:
            chunk = chunks.popleft()
            if chunk.records or chunk.files_done:
                _commit(chunk, out, ledger, state, summary)

    for result in pool.analyze_each(read()):
        next(c for c in chunks if len(c.results) < c.articles).results.append(result)
        tick(result if isinstance(result, NewsprobeError) else None)
        commit_complete()
    commit_complete()
    if chunks:
        raise RuntimeError(f"{len(chunks)} batch chunks left uncommitted")


def _commit(chunk: _Chunk, out: Path, ledger: Ledger, state: LedgerState,
            summary: BatchSummary) -> None:
    part = None
    articles = errors = 0
    if chunk.records:
        rows = chunk_rows(chunk.records, chunk.results)
        part = state.next_part()
        _write_part(out, part, rows)
        state.parts.add(part)
        articles, errors = len(rows["articles"]), len(rows["errors"])
        summary.parts += 1
    keys = [r.origin for r in chunk.records]
    ledger.commit(part, keys, chunk.files_done, articles, errors)
    state.done_keys.update(keys)
    if chunk.files_done:
        # Keys of files now finished are never asked about again: memory holds the keys of
        # the files in progress only.
        state.done_files.update(chunk.files_done)
        state.done_keys = {k for k in state.done_keys if file_of(k) not in chunk.files_done}
    summary.articles += articles
    summary.errors += errors


def _write_part(out: Path, part: str, rows: dict[str, list[dict]]) -> None:
    """All tables' part files under temporary names, then renamed into place; the ledger
    line that follows is what makes them count."""
    written = []
    for table in TABLES:
        final = out / table / f"{part}{PART_SUFFIX}"
        tmp = final.with_name(final.name + TMP_SUFFIX)
        pq.write_table(to_arrow(table, rows[table]), tmp)
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        written.append((tmp, final))
    for tmp, final in written:
        os.replace(tmp, final)
    _fsync_dir(out)


def _fsync_dir(path: Path) -> None:
    for table in TABLES:
        try:
            fd = os.open(path / table, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _record_run(out: Path, inputs: list[str], settings: Settings) -> None:
    """`_run.json`: what the first run over `out` was asked to do; a re-run with other
    inputs is allowed (it adds them) but logged, since it is usually a mistake. So is a
    re-run with other settings (meta.settings_hash): its rows would sit beside rows
    analysed differently."""
    from ..provenance import settings_hash

    path = out / RUN_NAME
    current = {"inputs": list(inputs), "model": settings.model, "settings_hash": settings_hash(settings)}
    if path.exists():
        try:
            previous = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            previous = None
        if previous and previous.get("inputs") != current["inputs"]:
            log.warning("%s was started with inputs %s; now %s", out, previous.get("inputs"),
                        current["inputs"])
        if previous and previous.get("settings_hash", current["settings_hash"]) != current["settings_hash"]:
            log.warning("%s was started with other settings (settings_hash %s, now %s): the rows "
                        "analysed from now on differ in how they were made", out,
                        previous.get("settings_hash"), current["settings_hash"])
        return
    path.write_text(json.dumps(current, indent=2) + "\n", encoding="utf-8")
