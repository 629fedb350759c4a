"""Analyses run in worker processes, never on the server's event loop or in its threads.

Reading an upload (HTML extraction), spaCy and MiniLM are CPU work; spaCy's tokenizer and
parser hold the GIL for long stretches, so even in a thread they stall every other request
of the process. A worker is a process of its own (`newsprobe.workers.WorkerProcess`, the
mechanism batch and analyze use too: `spawn`, since the server has threads, which `fork`
does not copy safely; one thread: `threads.one_thread`), loads the models once, and takes one job at
a time over a pipe. The pool keeps the server answering:

- admission: at most `workers + queue` analyses are admitted at once; one more is refused
  at once with a 503, `Retry-After` and code `busy`;
- a time limit per request: a job that runs past it has its worker killed (and replaced),
  and the request gets a 503 with code `analysis_timeout`;
- `close()` (on shutdown) stops every worker, busy or not.

A job is a plain tuple the worker understands (`views/analyse.py: run_job`); it answers
with the result dict, or with a NewsprobeError's code and message, which the request raises
again as the same coded error.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from pathlib import Path
from typing import Any

import anyio

from ..errors import NewsprobeError
from ..settings import Settings
from ..workers import WorkerProcess, serve_jobs
from .errors import WebError

log = logging.getLogger(__name__)

# Seconds a new worker may take to import and load its models before the pool gives up on it.
STARTUP_LIMIT_S = 600.0


def _worker_main(conn, db: str, settings: Settings) -> None:
    """The worker process: load the models, say "ready", then answer jobs until told to stop."""
    from .views.analyse import run_job, warm_up

    try:
        warm_up(settings)
    except Exception as exc:  # no pipeline installed, say: each job will report it
        log.warning("analysis worker could not load its models: %s", exc)
    conn.send(("ready",))

    def handle(job):
        try:
            return ("ok", run_job(job, Path(db), settings))
        except NewsprobeError as err:
            return ("error", err.code, err.message, err.origin)
        except Exception as exc:
            log.exception("analysis job failed")
            return ("failed", f"{type(exc).__name__}: {exc}")

    serve_jobs(conn, handle)


class Worker(WorkerProcess):
    """One upload-analysis worker process and the parent's end of its pipe."""

    def __init__(self, db: Path, settings: Settings):
        super().__init__(_worker_main, (str(db), settings), "newsprobe-analysis")
        self.ready = False

    def wait_ready(self) -> None:
        if self.ready:
            return
        if not self.conn.poll(STARTUP_LIMIT_S):
            raise WebError(503, "worker_unavailable", f"the analysis worker did not start in {STARTUP_LIMIT_S:.0f} s")
        message = self.conn.recv()  # EOFError when it died while starting: handled by the caller
        self.ready = message == ("ready",)

    def call(self, job: tuple, time_limit: float) -> tuple:
        """Send a job and wait for its answer; TimeoutError when it runs past `time_limit`."""
        self.wait_ready()
        self.conn.send(job)
        if not self.conn.poll(time_limit):
            raise TimeoutError
        return self.conn.recv()


class AnalysisPool:
    def __init__(self, db: Path, settings: Settings, workers: int, queue_size: int, time_limit_s: float):
        self.db, self.settings = db, settings
        self.size, self.time_limit = max(1, workers), time_limit_s
        self.capacity = self.size + max(0, queue_size)
        self.admitted = 0
        self.lock = threading.Lock()
        self.idle: queue.Queue[Worker | None] = queue.Queue()
        self.started = 0           # worker slots filled (lazily, on first use or start())
        self.busy: set[Worker] = set()
        self.closed = False

    def start(self) -> None:
        """Start every worker now (they load their models in the background)."""
        with self.lock:
            while self.started < self.size and not self.closed:
                self.started += 1
                self.idle.put(Worker(self.db, self.settings))

    async def run(self, job: tuple) -> dict[str, Any]:
        """Run one job in a worker, admitted only when a worker or a queue place is free."""
        with self.lock:
            if self.closed:
                raise WebError(503, "shutting_down", "the server is shutting down", {"Retry-After": "10"})
            if self.admitted >= self.capacity:
                retry = max(1, int(self.time_limit // 4))
                raise WebError(503, "busy", f"{self.admitted} analyses are running or waiting, the most this "
                               "server takes (settings web_analysis_workers, web_analysis_queue); try again later",
                               {"Retry-After": str(retry)})
            self.admitted += 1
        try:
            answer = await anyio.to_thread.run_sync(self._run_blocking, job, abandon_on_cancel=True)
        finally:
            with self.lock:
                self.admitted -= 1
        if answer[0] == "ok":
            return answer[1]
        if answer[0] == "error":
            raise NewsprobeError(answer[1], answer[2], answer[3])
        raise WebError(500, "analysis_failed", "the analysis failed; the details are in the server's log")

    def _take(self) -> Worker:
        with self.lock:
            if self.started < self.size and self.idle.empty():
                self.started += 1
                return Worker(self.db, self.settings)
        waited = time.monotonic()
        worker = self.idle.get()
        if worker is None:  # closed while waiting
            self.idle.put(None)
            raise WebError(503, "shutting_down", "the server is shutting down", {"Retry-After": "10"})
        log.debug("waited %.1f s for a worker", time.monotonic() - waited)
        return worker

    def _run_blocking(self, job: tuple) -> tuple:
        worker = self._take()
        with self.lock:
            self.busy.add(worker)
        replace = False
        try:
            return worker.call(job, self.time_limit)
        except TimeoutError:
            replace = True
            origin = job[1]
            raise WebError(503, "analysis_timeout", f"the analysis of {origin} ran past the limit of "
                           f"{self.time_limit:g} s (setting web_analysis_time_limit_s) and was stopped")
        except (EOFError, OSError, BrokenPipeError):
            replace = True
            if self.closed:
                raise WebError(503, "shutting_down", "the server is shutting down", {"Retry-After": "10"})
            raise WebError(500, "worker_died", "the analysis worker stopped unexpectedly (out of memory?); "
                                               "it has been restarted")
        finally:
            with self.lock:
                self.busy.discard(worker)
            if replace:
                worker.kill()
                self._give_back(Worker(self.db, self.settings) if not self.closed else None)
            else:
                self._give_back(worker)

    def _give_back(self, worker: Worker | None) -> None:
        if self.closed:
            if worker is not None:
                worker.stop()
            return
        self.idle.put(worker)

    def close(self) -> None:
        """Stop every worker: idle ones are asked to stop, busy ones are killed."""
        with self.lock:
            self.closed = True
            busy = list(self.busy)
        for worker in busy:
            worker.kill()
        while True:
            try:
                worker = self.idle.get_nowait()
            except queue.Empty:
                break
            if worker is not None:
                worker.stop()
        self.idle.put(None)  # wakes any request still waiting for a worker
