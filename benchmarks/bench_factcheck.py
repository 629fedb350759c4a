"""Fact-check lookup speed: one claim against a ~10k fact-check index, hybrid vs BM25 alone.

Both run in this one process over the same index and the same claims, interleaved, so a
noisy shared machine hits both alike. The hybrid time includes encoding the claim with
MiniLM (what `analyze --factchecks` pays per claim when claims arrive one at a time);
"hybrid, pre-encoded" is the ranking alone (what a batch pays on top of one encode call).
Prints medians and a markdown block for BENCHMARKS.md (it never writes the file).

    .venv/bin/python benchmarks/bench_factcheck.py --index DIR      # an existing index
    .venv/bin/python benchmarks/bench_factcheck.py                   # builds one from the
        CheckThat! 2020 verified claims (10,373) into a temporary folder first (minutes)
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
VERIFIED = ROOT.parent / "shared" / "data" / "claim-retrieval" / "verified_claims.docs.tsv"
# Our own claims, the kind of sentence an article holds.
CLAIMS = [
    "The city spent 40 million dollars on a bridge that was never built.",
    "Vaccines caused a rise in autism cases among children, the post claimed.",
    "The president said unemployment fell to its lowest level in fifty years.",
    "Drinking hot water every hour kills the virus in the throat.",
    "The senator voted against funding for veterans 12 times.",
    "Wind turbines killed every bird in the valley last spring.",
    "A photo shows the prime minister sleeping during the summit.",
    "The company paid no federal income tax on 3 billion dollars of profit.",
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", type=Path, help="index folder (default: build from CT2020)")
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from newsprobe.embeddings import encode
    from newsprobe.factcheck import FactCheckIndex, read_any

    folder = args.index
    if folder is None:
        if not VERIFIED.is_file():
            sys.exit(f"no index given and {VERIFIED} not found")
        folder = Path(tempfile.mkdtemp()) / "ct2020"
        started = time.perf_counter()
        FactCheckIndex.build(read_any(VERIFIED)).save(folder)
        print(f"built index in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    started = time.perf_counter()
    index = FactCheckIndex.load(folder)
    load_s = time.perf_counter() - started
    encode(["warm up"])
    index.search(CLAIMS[0], k=3)

    hybrid, ranked, lexical = [], [], []
    for _ in range(args.repeat):
        for claim in CLAIMS:
            t = time.perf_counter()
            index.search(claim, k=3)
            hybrid.append(time.perf_counter() - t)
            vec = encode([claim])[0]
            t = time.perf_counter()
            index.search(claim, k=3, vector=vec)
            ranked.append(time.perf_counter() - t)
            t = time.perf_counter()
            scores = index.bm25.scores(claim)
            np.argpartition(-scores, 3)[:3]
            lexical.append(time.perf_counter() - t)
    ms = lambda xs: statistics.median(xs) * 1000  # noqa: E731
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    block = "\n".join([
        f"### Fact-check lookup ({dt.date.today()}, {platform.machine()}, {len(index)} fact-checks, "
        f"{len(CLAIMS)} claims x {args.repeat})",
        "",
        "| lookup of one claim | median ms |",
        "|---|---|",
        f"| hybrid, encoding the claim (MiniLM) + BM25 + cosine | {ms(hybrid):.2f} |",
        f"| hybrid, claim already encoded | {ms(ranked):.2f} |",
        f"| BM25 alone (baseline) | {ms(lexical):.2f} |",
        "",
        f"Ratios to BM25 alone: {ms(hybrid) / ms(lexical):.0f}x with encoding, "
        f"{ms(ranked) / ms(lexical):.0f}x pre-encoded. Index load {load_s * 1000:.0f} ms; "
        f"peak RSS {rss:.0f} MB.",
    ])
    print(block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
