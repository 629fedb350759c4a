"""Throughput at scale: `newsprobe batch` and `newsprobe spark` (local mode) on one WARC
file, next to bare spaCy `nlp.pipe` over the same extracted texts, in one run.

The input is a WARC file built at run time from the 181 real pages of the extraction
benchmark (`../shared/data/extraction`, each page a response record with its url), or,
without that folder, from the demo corpus repeated. Each mode runs in its own process
(`--mode` below) while this script samples the resident memory of that process and all its
descendants (Spark's JVM and Python workers included) from /proc, so peak memory is the
whole job's. Reported per mode: seconds (analysis only: process start-up and, for Spark,
the session start are shown apart), articles/s, articles/s per core (batch uses one core;
Spark local[N] uses N), peak RSS, and the core-hours a million articles would take at that
rate. spaCy's own rate is the floor: the ratio says what WARC reading, HTML extraction,
the layers and Parquet writing add.

    .venv/bin/python benchmarks/bench_batch.py               # extraction pages, local[2]
    .venv/bin/python benchmarks/bench_batch.py --n 60 --cores 2

The machine is shared: read ratios more than seconds. Prints a markdown row for
BENCHMARKS.md; never writes it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXTRACTION = ROOT.parent / "shared" / "data" / "extraction"


def build_warc(path: Path, n: int | None) -> str:
    from newsprobe.ingest.warc import WarcPage, write_warc

    if (EXTRACTION / "ground-truth.json").exists():
        truth = json.loads((EXTRACTION / "ground-truth.json").read_text(encoding="utf-8"))
        pages = []
        for page_id in sorted(truth)[:n]:
            with gzip.open(EXTRACTION / "html" / f"{page_id}.html.gz", "rb") as f:
                pages.append(WarcPage(truth[page_id].get("url") or f"https://example.org/{page_id}",
                                      f.read()))
        label = f"extraction benchmark pages ({len(pages)})"
    else:
        sys.path.insert(0, str(ROOT / "tests"))
        from demo_warc import demo_pages

        pages = (demo_pages(noise=False) * 10)[:n or 150]
        label = f"demo corpus x10 ({len(pages)})"
    write_warc(str(path), pages)
    return label


# --- the modes, each run in its own process --------------------------------------------

def mode_spacy(warc: str) -> dict:
    from newsprobe.ingest.warc import read_warc
    from newsprobe.model import Article
    from newsprobe.parse import load_pipeline
    from newsprobe.settings import Settings

    settings = Settings.load()
    texts = [a.text for a in read_warc(warc, settings.max_input_bytes) if isinstance(a, Article)]
    nlp = load_pipeline(settings.model or None)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.pipe_batch_size):
        pass
    return {"articles": len(texts), "chars": sum(map(len, texts)),
            "seconds": time.perf_counter() - started}


def mode_batch(warc: str, out: str) -> dict:
    from newsprobe.batch import run_batch

    summary = run_batch([warc], Path(out))
    return {"articles": summary.articles, "errors": summary.errors, "seconds": summary.seconds}


def mode_spark(warc: str, out: str, cores: int) -> dict:
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from newsprobe.spark.job import run_spark, session

    started = time.perf_counter()
    spark = session(f"local[{cores}]", "newsprobe-bench", **{"spark.ui.enabled": "false"})
    spark.sparkContext.setLogLevel("ERROR")
    session_s = time.perf_counter() - started
    # One partition per file: split the WARC's records across `cores` files so that the
    # local cluster has as many partitions as cores (as a real run has many WARC files).
    parts = split_warc(warc, cores)
    started = time.perf_counter()
    counts = run_spark(spark, parts, Path(out))
    seconds = time.perf_counter() - started
    spark.stop()
    return {"articles": counts["rows"]["articles"], "errors": counts["rows"]["errors"],
            "seconds": seconds, "session_seconds": session_s}


def split_warc(warc: str, k: int) -> list[str]:
    """The WARC's records dealt round-robin into k WARC files (gzip members copied as is)."""
    from warcio.archiveiterator import ArchiveIterator

    with open(warc, "rb") as f:
        data = f.read()
    bounds = []
    with open(warc, "rb") as f:
        records = ArchiveIterator(f)
        for _ in records:
            start = records.offset
            records.read_to_end()
            bounds.append((start, records.offset))
    paths = [f"{warc}.part{i}.warc.gz" for i in range(k)]
    outs = [open(p, "wb") for p in paths]
    for n, (start, end) in enumerate(bounds):
        outs[(n // 2) % k].write(data[start:end])  # request + response stay together
    for o in outs:
        o.close()
    return paths


# --- driver ---------------------------------------------------------------------------

def tree_rss_mb(root: int) -> float:
    """Resident memory of `root` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            ppid, pages = int(fields[1]), int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = pages
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total * os.sysconf("SC_PAGE_SIZE") / 2**20


def run_mode(args: list[str]) -> dict:
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_mb(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        sys.exit(f"mode {args[1]} failed with exit code {proc.returncode}")
    result = json.loads(output.strip().splitlines()[-1])
    result["peak_rss_mb"] = round(peak)
    result["process_seconds"] = time.perf_counter() - started
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=None, help="use the first N pages (default all)")
    ap.add_argument("--cores", type=int, default=2, help="Spark local[N] (default 2)")
    ap.add_argument("--mode", choices=["spacy", "batch", "spark"], help=argparse.SUPPRESS)
    ap.add_argument("--warc", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.mode:  # child process
        result = {"spacy": lambda: mode_spacy(args.warc),
                  "batch": lambda: mode_batch(args.warc, args.out),
                  "spark": lambda: mode_spark(args.warc, args.out, args.cores)}[args.mode]()
        print(json.dumps(result))
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        warc = str(Path(tmp) / "bench.warc.gz")
        label = build_warc(Path(warc), args.n)
        spacy = run_mode(["--mode", "spacy", "--warc", warc])
        batch = run_mode(["--mode", "batch", "--warc", warc, "--out", f"{tmp}/batch"])
        spark = run_mode(["--mode", "spark", "--warc", warc, "--out", f"{tmp}/spark",
                          "--cores", str(args.cores)])

    def rate(r: dict, cores: int = 1) -> tuple[float, float, float]:
        per_s = r["articles"] / r["seconds"]
        per_core = per_s / cores
        return per_s, per_core, 1e6 / per_core / 3600

    rows = [("bare spaCy nlp.pipe", spacy, 1), ("newsprobe batch", batch, 1),
            (f"newsprobe spark local[{args.cores}]", spark, args.cores)]
    base_per_core = rate(spacy)[1]
    print(f"input: {label}; {spacy['articles']} articles, {spacy['chars']:,} characters")
    print(f"{'mode':28}{'s':>8}{'art/s':>8}{'art/s/core':>12}{'vs spaCy':>10}"
          f"{'core-h/1M':>11}{'peak MB':>9}")
    for name, r, cores in rows:
        per_s, per_core, core_h = rate(r, cores)
        print(f"{name:28}{r['seconds']:>8.1f}{per_s:>8.2f}{per_core:>12.2f}"
              f"{per_core / base_per_core:>10.2f}{core_h:>11.0f}{r['peak_rss_mb']:>9}")
    print(f"spark session start: {spark['session_seconds']:.1f} s (not in its time above); "
          f"errors: batch {batch['errors']}, spark {spark['errors']}")
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs"
    print("\nmarkdown row (date | machine | input | mode | s | art/s | art/s/core | "
          "ratio to spaCy per core | core-hours per 1M | peak RSS MB):")
    for name, r, cores in rows:
        per_s, per_core, core_h = rate(r, cores)
        print(f"| {dt.date.today()} | {machine} | {label} | {name} | {r['seconds']:.1f} | "
              f"{per_s:.2f} | {per_core:.2f} | {per_core / base_per_core:.2f} | "
              f"{core_h:.0f} | {r['peak_rss_mb']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
