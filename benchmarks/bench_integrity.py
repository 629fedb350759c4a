"""How much of `analyze` time the integrity layer takes, next to the spaCy parse.

Analyses the articles of a folder (default: examples/) with `analyze_many`, several
rounds, and reads the per-layer timings every Analysis records in meta["timings_ms"].
Prints per-article medians (ms) of the parse and each layer, and the integrity layer's
share of the total, in one run.

    .venv/bin/python benchmarks/bench_integrity.py [FOLDER] [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from newsprobe.analyze import analyze_many
from newsprobe.ingest import read_inputs
from newsprobe.settings import Settings


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default="examples")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    settings = Settings.load()
    articles = [a for a in read_inputs([args.folder], settings) if not isinstance(a, Exception)]
    timings: dict[str, list[float]] = {}
    totals: list[float] = []
    integrity_share: list[float] = []
    for _ in range(args.rounds):
        for analysis in analyze_many(articles, settings):
            t = analysis.meta["timings_ms"]
            for name, ms in t.items():
                timings.setdefault(name, []).append(ms)
            total = sum(t.values())
            totals.append(total)
            integrity_share.append(t.get("integrity", 0.0) / total if total else 0.0)
    print(f"{len(articles)} articles from {args.folder}, {args.rounds} rounds "
          f"(first round includes model loading in no layer; parse is nlp.pipe's share)")
    print(f"{'step':<14}{'median ms':>10}{'share of total':>16}")
    total_median = statistics.median(totals)
    for name, values in timings.items():
        med = statistics.median(values)
        print(f"{name:<14}{med:>10.2f}{med / total_median:>16.1%}")
    print(f"{'total':<14}{total_median:>10.2f}")
    print(f"integrity layer: median {statistics.median(timings.get('integrity', [0])):.2f} ms per article, "
          f"median share {statistics.median(integrity_share):.1%} of analyse time, "
          f"{statistics.median(timings.get('integrity', [0])) / statistics.median(timings['parse']):.2f}x the parse")
    return 0


if __name__ == "__main__":
    sys.exit(main())
