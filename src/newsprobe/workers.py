"""Analyses in N worker processes, results in input order: what `analyze`, `batch` and
`corpus` use to keep every core busy.

One process runs the MiniLM encoder on one thread (a BLAS thread per core gains nothing on
an article's few dozen sentences, and two threads were 4x slower under load), so a second
core only helps through a second process. `AnalysisPool(settings)` starts
`Settings.workers` processes (0: one per core; 1: none, the caller's process analyses, on one
thread as a worker does); each loads spaCy and MiniLM once, computes on one thread
(`threads.one_thread`, the package's one thread setting), and takes a few
articles at a time over a pipe. `pool.analyze_each(articles)` yields exactly what
`analyze.analyze_each` yields, in the same order: an Analysis, or the coded error naming
the article (an article whose worker dies under it becomes E031; its worker is replaced).

Workers are started only for an input of at least `min_articles` articles (they cost a few
seconds of CPU each to import and load models, which a one-article run should not pay),
and they live as long as the pool, so a batch run loads its models once, not per chunk.
`pool.peak_rss_mb` holds each worker's peak resident memory, for the run's summary.

`WorkerProcess` is the one worker mechanism of the package: a spawned process computing on
one thread, a pipe to it, and `serve_jobs`, the loop on its side. This pool and the
web app's upload pool (`web/workers.py`, one job per request with admission and a time
limit) both run on it; they differ only in how they hand out jobs.
"""

from __future__ import annotations

import gc
import itertools
import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import wait

from . import threads
from .errors import NewsprobeError
from .model import Analysis, Article
from .settings import Settings

log = logging.getLogger(__name__)

# Articles handed to a worker at once: enough for the pipe round trip (a pickled analysis is
# ~50-200 KB) to vanish, few enough that the last jobs of a run (news pages differ tenfold
# in length) leave the other cores idle as little as possible.
JOB_ARTICLES = 2
# Jobs read ahead of the oldest unfinished one, per worker: bounds the results held back to
# keep input order when one article is slow (16 jobs a worker: ~6 MB of analyses each).
# Within this window the longest job is handed out first: news pages differ tenfold in
# length, and a long page handed out last keeps one worker busy alone at the end (the first
# 40 extraction-benchmark pages: one page is 28% of the text and sits in the last job; with
# 4 jobs a worker it entered the window, and was handed out, 11.3 s into a 16 s run).
AHEAD_PER_WORKER = 16
# Memory one worker may reach (spaCy, MiniLM, a job's analyses): 1.2-1.5 GB measured on
# news pages (BENCHMARKS.md, "Speed"); the default number of workers leaves room for each.
WORKER_MEMORY_BYTES = 1_500_000_000


def worker_count(settings: Settings) -> int:
    """`settings.workers`, with 0 meaning the cores this process may run on, but no more
    workers than the available memory holds (a many-core laptop with 8 GB gets fewer)."""
    if settings.workers > 0:
        return settings.workers
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, _available_memory() // WORKER_MEMORY_BYTES))


def _available_memory() -> int:
    """MemAvailable from /proc/meminfo; where there is none (not Linux), no limit."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 1 << 62


def peak_rss_mb() -> float:
    """This process's peak resident memory so far (Linux reports kilobytes)."""
    import resource
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


@contextmanager
def loaded_objects_frozen() -> Iterator[None]:
    """While entered, the objects alive at entry (imported libraries, the loaded spaCy
    pipeline and models) sit in the collector's permanent generation (`gc.freeze`): its
    full passes over the heap, a few per run, no longer walk them again. They are never
    garbage during an analysis. On the 30 bench texts in one process: collections 0.34 ->
    0.20 s of CPU. Left as found at exit (`gc.unfreeze`), unless the program had frozen
    objects of its own before, in which case nothing is done."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


# --- one worker process, shared with the web app's pool --------------------------------------

def serve_jobs(conn, handle) -> None:
    """A worker's loop: answer each message from the parent with `handle(message)` until
    the pipe closes or a None arrives."""
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        conn.send(handle(message))


def _in_one_thread(target, conn, *args) -> None:
    """A worker's whole life inside `threads.one_thread()` (its libraries load with one
    thread already, from the environment it inherited; the scope makes the encoder's own
    scope around each pass free)."""
    with threads.one_thread():
        target(conn, *args)


class WorkerProcess:
    """A worker process started with `spawn` (the parent may hold threads, a progress bar's or
    a server's, and loaded libraries that fork does not copy safely), running
    `target(conn, *args)` computing on one thread, and the parent's end of its pipe."""

    def __init__(self, target, args: tuple, name: str):
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        one = threads.one_thread_environment()
        saved = {key: os.environ.get(key) for key in one}
        os.environ.update(one)  # inherited before any import
        try:
            self.process = context.Process(target=_in_one_thread, args=(target, child, *args), name=name,
                                           daemon=True)
            self.process.start()
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
        child.close()

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the worker to stop; kill it when it has not within `timeout` seconds."""
        if self.process.is_alive():
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                pass
            self.process.join(timeout)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        self.conn.close()

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


# --- the analysis worker ----------------------------------------------------------------------

def _worker_main(conn, settings: Settings, layers: tuple[str, ...] | None) -> None:
    """Load the models, then answer ("job", id, articles) with ("done", id, results, peak
    MB) until the pipe closes. Errors travel as (code, message, origin): NewsprobeError
    does not pickle (its args are the formatted message)."""
    from .analyze import analyze_each

    def load() -> None:
        from .parse import load_pipeline
        load_pipeline(settings.model or None, settings.max_sentence_tokens)
        from .embeddings import load_encoder
        load_encoder()

    try:
        load()
    except NewsprobeError as err:  # E010: answer every job with it; the parent raises it
        fatal = (err.code, err.message, err.origin)
    else:
        fatal = None
    # The worker's libraries and models live as long as it does: out of the collector's way.
    gc.freeze()

    def handle(message):
        _, job_id, articles = message
        if fatal:
            return ("fatal", job_id, fatal, peak_rss_mb())
        try:
            results = [r if isinstance(r, Analysis) else ("error", r.code, r.message, r.origin)
                       for r in analyze_each(articles, settings, layers)]
        except NewsprobeError as err:
            return ("fatal", job_id, (err.code, err.message, err.origin), peak_rss_mb())
        return ("done", job_id, results, peak_rss_mb())

    serve_jobs(conn, handle)


class _Worker(WorkerProcess):
    """An analysis worker, the slot it fills and the job it holds."""

    def __init__(self, slot: int, settings: Settings, layers):
        super().__init__(_worker_main, (settings, layers), f"newsprobe-worker-{slot}")
        self.slot = slot
        self.job: tuple[int, list[Article]] | None = None

    def send(self, job_id: int, articles: list[Article]) -> None:
        self.job = (job_id, articles)
        self.conn.send(("job", job_id, articles))


class AnalysisPool:
    """Worker processes for analyses; a context manager (leaving it stops them)."""

    def __init__(self, settings: Settings | None = None, layers: Iterable[str] | None = None,
                 workers: int | None = None, min_articles: int | None = None):
        self.settings = settings or Settings()
        self.layers = tuple(layers) if layers is not None else None
        self.workers = workers if workers is not None else worker_count(self.settings)
        self.min_articles = (self.settings.workers_min_articles if min_articles is None
                             else min_articles)
        self._running: list[_Worker] = []
        self.peak_rss_mb: dict[int, float] = {}   # worker slot -> its peak resident MB
        self.restarts = 0

    def __enter__(self) -> "AnalysisPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for worker in self._running:
            worker.stop()
        self._running = []

    def memory_report(self) -> dict:
        """For a run's summary: the processes that analysed and each one's peak resident
        memory in MB (this process's own when no worker was started)."""
        if not self.peak_rss_mb:
            return {"workers": 1, "worker_peak_rss_mb": [peak_rss_mb()], "worker_restarts": 0}
        return {"workers": len(self.peak_rss_mb),
                "worker_peak_rss_mb": [self.peak_rss_mb[k] for k in sorted(self.peak_rss_mb)],
                "worker_restarts": self.restarts}

    def analyze_each(self, articles: Iterable[Article]) -> Iterator[Analysis | NewsprobeError]:
        """What `analyze.analyze_each` yields for `articles`, in their order, analysed by
        the workers (in this process when there is one worker, or the input is short)."""
        articles = iter(articles)
        if self.workers <= 1:
            yield from self._here(articles)
            return
        head = list(itertools.islice(articles, self.min_articles))
        if not self._running and len(head) < self.min_articles:
            yield from self._here(head)
            return
        yield from self._parallel(itertools.chain(head, articles))

    def _here(self, articles: Iterable[Article]) -> Iterator[Analysis | NewsprobeError]:
        """The analyses made in this process, on one thread as in a worker. spaCy (and
        torch with it) is loaded before the limits are set, so that they reach it."""
        from .analyze import analyze_each
        from .parse import load_pipeline

        load_pipeline(self.settings.model or None, self.settings.max_sentence_tokens)
        with threads.one_thread(), loaded_objects_frozen():
            yield from analyze_each(articles, self.settings, self.layers)

    # -- dispatch --------------------------------------------------------------------------

    def warm_up(self) -> None:
        """Start the workers now (they import and load their models meanwhile), for a caller
        that knows its input is long before it has read it all, as batch does."""
        if self.workers > 1:
            self._start()

    def _start(self) -> None:
        while len(self._running) < self.workers:
            self._running.append(_Worker(len(self._running), self.settings, self.layers))

    def _parallel(self, articles: Iterator[Article]) -> Iterator[Analysis | NewsprobeError]:
        self._start()
        try:
            yield from self._dispatch(articles)
        finally:
            # Left early (the caller stopped reading, or an error): answers still on their
            # way would be taken for the next call's, so these workers go.
            if any(w.job is not None for w in self._running):
                self.close()

    def _dispatch(self, articles: Iterator[Article]) -> Iterator[Analysis | NewsprobeError]:
        jobs = _jobs(articles)
        retry: deque[tuple[int, list[Article]]] = deque()  # jobs to hand out before new ones
        pending: list[tuple[int, list[Article]]] = []       # read ahead, not handed out yet
        done: dict[int, list] = {}         # finished job id -> results, awaiting their turn
        order: deque[int] = deque()        # job ids in input order, not yet yielded
        parts: dict[int, list[int]] = {}   # a split job -> the ids of its one-article jobs
        next_id = itertools.count()
        exhausted = False
        while True:
            # read ahead, within the look-ahead bound
            while not exhausted and len(order) < AHEAD_PER_WORKER * self.workers:
                batch = next(jobs, None)
                if batch is None:
                    exhausted = True
                    break
                pending.append((next(next_id), batch))
                order.append(pending[-1][0])
            if exhausted:
                # the input's end is read: one article a job from here on, so that no worker
                # waits out the others' last jobs while a job of several articles runs
                _split_pending(pending, parts, next_id)
            # hand out work to idle workers: retries first, then the longest job read ahead
            for slot, worker in enumerate(self._running):
                if worker.job is not None:
                    continue
                if retry:
                    job = retry.popleft()
                elif pending:
                    job = pending.pop(_longest(pending))
                else:
                    continue
                self._send(slot, job)
            # yield what is ready, in order
            while order and _ready(order[0], done, parts):
                yield from _collect(order.popleft(), done, parts)
            busy = [w for w in self._running if w.job is not None]
            if not busy:
                if exhausted and not order and not retry:
                    return
                continue
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
            for worker in busy:
                if worker.conn in ready:
                    try:
                        message = worker.conn.recv()
                    except (EOFError, OSError):
                        message = None
                    if message is not None:
                        self._receive(worker, message, done)
                        continue
                elif worker.process.sentinel not in ready:
                    continue
                self._lost(worker, done, parts, retry, next_id)

    def _send(self, slot: int, job: tuple[int, list[Article]]) -> None:
        """Hand `job` to the worker in `slot`; one that died while idle is replaced first."""
        worker = self._running[slot]
        if worker.process.is_alive():
            try:
                worker.send(*job)
                return
            except OSError:  # it died just now: the pipe is broken
                worker.job = None
        log.error("analysis worker %d stopped while idle (exit code %s); starting another",
                  slot, worker.process.exitcode)
        worker.stop(timeout=1.0)
        worker = self._running[slot] = _Worker(slot, self.settings, self.layers)
        self.restarts += 1
        worker.send(*job)

    def _receive(self, worker: _Worker, message: tuple, done: dict[int, list]) -> None:
        kind, job_id, payload, peak = message
        self.peak_rss_mb[worker.slot] = max(peak, self.peak_rss_mb.get(worker.slot, 0.0))
        worker.job = None
        if kind == "fatal":
            raise NewsprobeError(*payload)
        done[job_id] = [NewsprobeError(*r[1:]) if isinstance(r, tuple) else r for r in payload]

    def _lost(self, worker: _Worker, done, parts, retry, next_id) -> None:
        """A worker died mid-job (killed for memory, a crash in native code): its articles
        are analysed again one per job by a fresh worker; an article that was alone in its
        job when its worker died becomes its own E031 error."""
        job_id, articles = worker.job
        code = worker.process.exitcode
        log.error("analysis worker %d stopped (exit code %s) during a job of %d articles",
                  worker.slot, code, len(articles))
        worker.job = None
        worker.stop(timeout=1.0)
        self._running[self._running.index(worker)] = _Worker(worker.slot, self.settings, self.layers)
        self.restarts += 1
        if len(articles) == 1:
            from .analyze import article_id
            article = articles[0]
            done[job_id] = [NewsprobeError(
                "E031", f"analysis failed: the worker process stopped (exit code {code})",
                article.origin or article_id(article))]
            return
        ids = []
        for article in articles:
            one = next(next_id)
            ids.append(one)
            retry.append((one, [article]))
        parts[job_id] = ids


def _jobs(articles: Iterator[Article]) -> Iterator[list[Article]]:
    while True:
        batch = list(itertools.islice(articles, JOB_ARTICLES))
        if not batch:
            return
        yield batch


def _split_pending(pending: list[tuple[int, list[Article]]], parts: dict[int, list[int]],
                   next_id: Iterator[int]) -> None:
    """Replace each job of several articles in `pending` by one job per article, in place;
    `parts` maps the job's id to theirs, so its results are still collected in input
    order (`_collect`)."""
    for k in range(len(pending) - 1, -1, -1):
        job_id, articles = pending[k]
        if len(articles) > 1:
            ones = [(next(next_id), [article]) for article in articles]
            parts[job_id] = [one for one, _ in ones]
            pending[k:k + 1] = ones


def _longest(jobs: list[tuple[int, list[Article]]]) -> int:
    """The index of the job with the most characters (the earliest among equals)."""
    sizes = [sum(len(a.text) for a in articles) for _, articles in jobs]
    return sizes.index(max(sizes))


def _ready(job_id: int, done: dict, parts: dict) -> bool:
    if job_id in parts:
        return all(_ready(one, done, parts) for one in parts[job_id])
    return job_id in done


def _collect(job_id: int, done: dict, parts: dict) -> list:
    if job_id in parts:
        return [r for one in parts.pop(job_id) for r in _collect(one, done, parts)]
    return done.pop(job_id)
