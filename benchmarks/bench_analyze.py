"""Speed of newsprobe against its floor: bare spaCy `nlp.pipe` over the same texts.

Both run in this one process, on the same loaded pipeline and batch size, with their
repeats interleaved (and their order alternated) so that a noisy shared machine hits both
alike. Reports medians, the ratio analyze/parse, each layer's share of newsprobe's time
(from `analysis.meta["timings_ms"]`), articles per second and peak RSS, and prints a
markdown block to paste into BENCHMARKS.md (this script never writes it).

    .venv/bin/python benchmarks/bench_analyze.py            # PolNeAR dev, else examples/
    .venv/bin/python benchmarks/bench_analyze.py --n 20 --repeat 5
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR_DEV = ROOT.parent / "shared" / "data" / "polnear" / "jsonl" / "dev.jsonl"
EXAMPLES = ROOT / "examples"


def load_texts(source: str | None, n: int | None) -> tuple[str, list[str]]:
    """(label, texts): a JSONL file with a "text" field, a folder of .txt files, or by
    default PolNeAR dev when present, else examples/."""
    path = Path(source) if source else (POLNEAR_DEV if POLNEAR_DEV.is_file() else EXAMPLES)
    if path.is_file():
        with path.open(encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] for line in fh if line.strip()]
        label = "PolNeAR dev" if path == POLNEAR_DEV else path.name
    elif path.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(path.rglob("*.txt"))]
        label = f"{path.name}/"
    else:
        sys.exit(f"no texts: {path} does not exist")
    texts = [t for t in texts if t.strip()][:n]
    if not texts:
        sys.exit(f"no texts found in {path}")
    return label, texts


def peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 / 1024 if sys.platform == "darwin" else rss / 1024   # bytes vs KiB


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=None, help="use the first N texts (default all)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of each (default 3)")
    ap.add_argument("--texts", default=None,
                    help="a JSONL file with a 'text' field or a folder of .txt files")
    args = ap.parse_args(argv)

    from newsprobe import analyze_many
    from newsprobe.model import Article
    from newsprobe.parse import load_pipeline, pipeline_label
    from newsprobe.settings import Settings

    label, texts = load_texts(args.texts, args.n)
    settings = Settings.load()
    nlp = load_pipeline(settings.model or None)
    batch = settings.pipe_batch_size
    articles = [Article(text=t, id=f"bench-{i}") for i, t in enumerate(texts)]

    def run_parse() -> float:
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch):
            pass
        return time.perf_counter() - started

    def run_analyze() -> tuple[float, dict[str, float]]:
        started = time.perf_counter()
        layers: dict[str, float] = defaultdict(float)
        for analysis in analyze_many(articles, settings):
            for name, ms in analysis.meta.get("timings_ms", {}).items():
                layers[name] += ms
        return time.perf_counter() - started, layers

    # Warm-up (not timed): first calls pay for lazy loading in spaCy and in the layers.
    warm = texts[: min(4, len(texts))]
    list(nlp.pipe(warm))
    list(analyze_many([Article(text=t) for t in warm], settings))

    parse_s: list[float] = []
    analyze_s: list[float] = []
    layer_runs: list[dict[str, float]] = []
    for r in range(args.repeat):
        order = ("parse", "analyze") if r % 2 == 0 else ("analyze", "parse")
        for which in order:
            if which == "parse":
                parse_s.append(run_parse())
            else:
                seconds, layers = run_analyze()
                analyze_s.append(seconds)
                layer_runs.append(layers)
        print(f"run {r + 1}/{args.repeat}: parse {parse_s[-1]:.2f} s, "
              f"analyze {analyze_s[-1]:.2f} s", file=sys.stderr)

    parse_med = statistics.median(parse_s)
    analyze_med = statistics.median(analyze_s)
    names = sorted({k for run in layer_runs for k in run}, key=lambda k: (k != "parse", k))
    layer_med = {k: statistics.median(run.get(k, 0.0) for run in layer_runs) for k in names}
    layer_total = sum(layer_med.values()) or 1.0
    shares = ", ".join(f"{k} {100 * v / layer_total:.0f}%" for k, v in layer_med.items())
    chars = sum(len(t) for t in texts)
    date = dt.date.today().isoformat()
    machine = (f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
               f"Python {platform.python_version()}")

    print(f"\n<!-- bench_analyze.py --n {args.n or len(texts)} --repeat {args.repeat}; "
          f"model {pipeline_label(nlp)}; batch {batch} -->")
    print("| date | machine | texts | chars | spaCy nlp.pipe (s, median) | "
          "newsprobe analyze_many (s, median) | ratio analyze/parse | articles/s | "
          "time share by layer | peak RSS (MB) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    print(f"| {date} | {machine} | {len(texts)} ({label}) | {chars:,} | {parse_med:.2f} | "
          f"{analyze_med:.2f} | {analyze_med / parse_med:.2f} | {len(texts) / analyze_med:.1f} | "
          f"{shares} | {peak_rss_mb():.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
