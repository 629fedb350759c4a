"""Batch throughput with N worker processes against one, both arms in one run.

`newsprobe batch` over one WARC file (the extraction benchmark's real pages, or the demo
corpus repeated; see bench_batch.py), once with `workers=1` (the command's own process
analyses) and once with `workers=N`, alternating which arm goes first, `--repeat` times.
Each run is its own process; its CPU time is that of the process and its workers (all
waited for, so counted in RUSAGE_CHILDREN). Reported: median seconds and articles/s per
arm, the throughput ratio, CPU seconds an article, core-hours per million articles (CPU
based, so a shared machine's waiting does not count), and each worker's peak memory.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_workers.py --n 60 --workers 2 --repeat 3

The machine is shared: read the ratio, and say what else ran. Prints; never writes
BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_batch import build_warc  # noqa: E402


def mode_batch(warc: str, out: str, workers: int) -> dict:
    from newsprobe.batch import run_batch
    from newsprobe.settings import Settings

    summary = run_batch([warc], Path(out), Settings.load(workers=workers))
    return {"articles": summary.articles, "errors": summary.errors, "seconds": summary.seconds,
            "workers": summary.workers, "peak_mb": summary.worker_peak_rss_mb}


def run_arm(warc: str, out: str, workers: int) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, __file__, "--mode", "batch", "--warc", warc,
                           "--out", out, "--workers", str(workers)],
                          capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"batch with {workers} workers failed: {proc.stderr[-2000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["process_seconds"] = wall
    result["cpu_seconds"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=60, help="first N pages (default 60)")
    ap.add_argument("--workers", type=int, default=2, help="the parallel arm's workers")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--mode", choices=["batch"], help=argparse.SUPPRESS)
    ap.add_argument("--warc", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.mode:
        print(json.dumps(mode_batch(args.warc, args.out, args.workers)))
        return 0

    arms = (1, args.workers)
    runs: dict[int, list[dict]] = {k: [] for k in arms}
    with tempfile.TemporaryDirectory() as tmp:
        warc = str(Path(tmp) / "bench.warc.gz")
        label = build_warc(Path(warc), args.n)
        for rep in range(args.repeat):
            for k in (arms if rep % 2 == 0 else arms[::-1]):
                r = run_arm(warc, f"{tmp}/out-{k}-{rep}", k)
                runs[k].append(r)
                print(f"rep {rep} workers={k}: {r['articles']} articles in {r['seconds']:.1f} s, "
                      f"CPU {r['cpu_seconds']:.1f} s, processes {r['workers']}, peak MB "
                      f"{r['peak_mb']}, load {os.getloadavg()[0]:.1f}", flush=True)

    def med(k: int, key: str) -> float:
        return statistics.median(r[key] for r in runs[k])

    n = runs[1][0]["articles"]
    one, many = med(1, "seconds"), med(args.workers, "seconds")
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs"
    print(f"\ninput: {label}; {n} articles; {args.repeat} runs per arm, medians")
    print("| date | machine | input | workers | s (median) | articles/s | CPU s/article | "
          "core-hours per 1M articles (CPU) | peak MB per analysing process |")
    print("|---|---|---|---|---|---|---|---|---|")
    for k in arms:
        cpu_per_article = med(k, "cpu_seconds") / n
        peaks = max((r["peak_mb"] for r in runs[k]), key=max)
        print(f"| {dt.date.today()} | {machine} | {label} | {k} | {med(k, 'seconds'):.1f} | "
              f"{n / med(k, 'seconds'):.2f} | {cpu_per_article:.2f} | "
              f"{cpu_per_article * 1e6 / 3600:.0f} | {', '.join(f'{mb:.0f}' for mb in peaks)} |")
    print(f"\nthroughput ratio {args.workers} workers / 1: {one / many:.2f}x "
          f"(per run: {[round(a['seconds'] / b['seconds'], 2) for a, b in zip(runs[1], runs[args.workers])]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
