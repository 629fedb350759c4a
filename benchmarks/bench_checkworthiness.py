"""Check-worthiness inference cost per article: the MiniLM pass the claims layer pays,
before and after it kept the mean states of layers 3-5, and the three heads on top.

Interleaved in one process over the same 40 sentences (our own, the size of an article's
candidate list): `encode_tokens` (the pass the claims layer made until session 4)
against `encode_with_layer_means` (the pass it makes now: the same forward pass, keeping
the hidden states it used to drop), then the heads on the encoded inputs. Prints medians
and a markdown block for BENCHMARKS.md (it never writes the file).

    .venv/bin/python benchmarks/bench_checkworthiness.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprobe.embeddings import encode_tokens, encode_with_layer_means  # noqa: E402
from newsprobe.layers.checkworthy import LAYERS, load_model, sentence_inputs  # noqa: E402

SUBJECTS = ["The council", "The ministry", "Our hospital", "The state utility", "The airline"]
FACTS = ["raised fares by 12 percent in 2023", "hired 340 nurses over two years",
         "cut its budget to 4.1 billion dollars", "closed three of its five depots last spring"]
CHAT = ["Thank you all for coming out tonight.", "I believe we can do better together.",
        "Let me be clear about one thing.", "What a wonderful crowd this is!"]


def sentences(n: int = 40) -> list[str]:
    out = []
    for k in range(n):
        if k % 3 == 2:
            out.append(CHAT[k % len(CHAT)])
        else:
            out.append(f"{SUBJECTS[k % len(SUBJECTS)]} {FACTS[k % len(FACTS)]}, officials said on day {k}.")
    return out


def timed(fn) -> tuple[float, object]:
    started = time.perf_counter()
    out = fn()
    return (time.perf_counter() - started) * 1000, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    texts = sentences()
    model = load_model()
    encode_tokens(texts[:4])  # load the encoder outside the timings
    plain, layered, heads = [], [], []
    for _ in range(args.repeat):
        plain.append(timed(lambda: encode_tokens(texts))[0])
        ms, (vectors, means) = timed(lambda: encode_with_layer_means(texts, LAYERS))
        layered.append(ms)
        inputs = sentence_inputs(vectors, means)
        heads.append(timed(lambda: model.scores(texts, inputs))[0])
    p, q, h = (statistics.median(x) for x in (plain, layered, heads))
    load = os.getloadavg()[0]
    print(f"## {dt.date.today()} check-worthiness inference, {len(texts)} sentences, median of {args.repeat}, "
          f"load average {load:.1f}")
    print("| step | median ms |\n|---|---:|")
    print(f"| MiniLM pass, sentence vectors + token states (before) | {p:.0f} |")
    print(f"| MiniLM pass, + mean states of layers {', '.join(map(str, LAYERS))} (now) | {q:.0f} |")
    print(f"| three heads on the encoded inputs | {h:.1f} |")
    print(f"pass ratio now/before: {q / p:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
