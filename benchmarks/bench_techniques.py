"""Cost of the techniques layer: `analyze` with and without it, next to the spaCy parse.

All in this one process on the same texts: the spaCy parse (bare `nlp.pipe`), then the
layers over the parsed Docs with every registered layer, and with every layer but
`techniques`; repeats interleaved so that a noisy shared machine hits both alike. Reports
per-article medians (ms), the ratio analyze-with / analyze-without (parse included; the
issue's bar is 2x), and peak RSS; prints a markdown block for BENCHMARKS.md.

    .venv/bin/python benchmarks/bench_techniques.py            # PTC dev articles
    .venv/bin/python benchmarks/bench_techniques.py --n 20 --repeat 3
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PTC_DEV = ROOT.parent / "shared" / "data" / "ptc" / "dev-articles"


def load_texts(folder: Path, n: int | None) -> list[str]:
    if not folder.is_dir():
        sys.exit(f"no texts: {folder} does not exist (pass --texts DIR of .txt files)")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return [t for t in texts if t.strip()][:n]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=30, help="number of articles (default 30)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of each (default 3)")
    ap.add_argument("--texts", type=Path, default=PTC_DEV, help="folder of .txt articles")
    args = ap.parse_args(argv)

    import importlib

    # The module, not the `newsprobe.analyze` function the package exports under that name.
    analyze_module = importlib.import_module("newsprobe.analyze")
    from newsprobe.layers import LAYERS, techniques
    from newsprobe.model import Article
    from newsprobe.parse import load_pipeline
    from newsprobe.settings import Settings

    if techniques not in LAYERS:
        sys.exit("the techniques layer is not registered in newsprobe.layers.LAYERS")
    texts = load_texts(args.texts, args.n)
    settings = Settings.load()
    nlp = load_pipeline(settings.model or None)
    without = tuple(layer for layer in LAYERS if layer is not techniques)
    articles = [Article(text=t, id=str(i)) for i, t in enumerate(texts)]

    # Warm up: load both models and fill caches before timing.
    docs = list(nlp.pipe(texts[:2]))
    for a, d in zip(articles[:2], docs):
        analyze_module.analyze_doc(a, d, settings)

    parse_runs, with_runs, without_runs, layer_runs = [], [], [], []
    for r in range(args.repeat):
        started = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=settings.pipe_batch_size))
        parse_runs.append((time.perf_counter() - started) * 1000 / len(texts))
        for variant in ((LAYERS, without) if r % 2 == 0 else (without, LAYERS)):
            started = time.perf_counter()
            results = [analyze_module.analyze_doc(a, d, settings, layers=variant) for a, d in zip(articles, docs)]
            ms = (time.perf_counter() - started) * 1000 / len(texts)
            (with_runs if variant is LAYERS else without_runs).append(ms)
            if variant is LAYERS:
                layer_runs.append(statistics.mean(x.meta["timings_ms"]["techniques"] for x in results))
            else:
                assert all("techniques" not in x.meta["timings_ms"] for x in results)

    parse = statistics.median(parse_runs)
    with_t = statistics.median(with_runs) + parse
    without_t = statistics.median(without_runs) + parse
    layer = statistics.median(layer_runs)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    chars = sum(len(t) for t in texts) / len(texts)
    print(f"### Techniques layer ({dt.date.today()}, {platform.machine()}, {os.cpu_count()} cores)\n")
    print(f"{len(texts)} articles from {args.texts.name}/ (mean {chars:.0f} chars), "
          f"{args.repeat} interleaved runs, medians per article:\n")
    print("| step | ms / article |\n|---|---:|")
    print(f"| spaCy parse (nlp.pipe) | {parse:.1f} |")
    print(f"| analyze without techniques (parse + layers) | {without_t:.1f} |")
    print(f"| techniques layer alone | {layer:.1f} |")
    print(f"| analyze with techniques | {with_t:.1f} |")
    print(f"\nratio with/without: **{with_t / without_t:.2f}x** (bar: 2x); "
          f"techniques layer / parse: {layer / parse:.2f}x; peak RSS {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
