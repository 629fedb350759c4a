"""Corpus stage at scale: time and peak memory of `compute_corpus` on 1k, 10k (and, with
--sizes, 100k) synthetic articles, each size in its own process (peak RSS per size).

Synthetic corpus: stories of 1-8 articles written from a random vocabulary with shared
names; 15% of the articles are spun copies of another (synonym swaps from a fixed table,
clauses reordered, one number changed). Articles carry names (as entities) and dates.

Embeddings: MiniLM on two shared CPU cores embeds on the order of a hundred sentences a
second, so 10k articles (~100k sentences) would measure the encoder, not the corpus
algorithms. The scaling runs therefore use a stand-in encoder (hashed bag of words, random
projection to 384 dimensions, normalised), and the MiniLM cost, linear by construction
(one pass per article, one per sentence of a candidate pair, cached in the store), is
measured separately on a sample and reported as a rate. The baseline in the same run is
the all-pairs comparison (exact word-shingle Jaccard of every pair) at 1k articles.

`timings_ms` splits the stage: `neighbours` (one embedding neighbour search, shared by
stories and copies), `stories` (similarities and average linkage), `copies` (MinHash LSH
candidates, sentence embedding, verification), `changes`, `claim_links`, `origin` (copy
families: the likely original and the route).

    .venv/bin/python benchmarks/bench_corpus.py [--sizes 1000 10000 100000] [--repeat 3]

Run it single-threaded and niced on a shared machine:
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 nice -n 5 .venv/bin/python benchmarks/bench_corpus.py ...
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
import zlib

import numpy as np

VOCAB_SIZE = 3000
SYNONYMS = {"said": "stated", "big": "large", "rise": "increase", "plan": "scheme", "talks": "negotiations",
            "city": "town", "fast": "quick", "help": "aid", "buy": "purchase", "start": "begin"}
FUNCTION = "the of and to in a that is was for on with as by at from it would not has have".split()


def hashed_encoder(texts: list[str]) -> np.ndarray:
    rng = np.random.default_rng(0)
    projection = rng.standard_normal((4096, 384)).astype(np.float32)
    out = np.zeros((len(texts), 384), dtype=np.float32)
    for i, t in enumerate(texts):
        for w in t.lower().split():
            out[i] += projection[zlib.crc32(w.encode()) % 4096]
    out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)
    return out


def synthetic(n: int, seed: int = 0):
    from newsprobe.model import Analysis, Entity, Span
    rng = random.Random(seed)
    vocab = [f"w{k}" for k in range(VOCAB_SIZE)] + list(SYNONYMS)
    analyses, k = [], 0
    while len(analyses) < n:
        story_words = rng.sample(vocab, 60)
        names = [f"Name{rng.randrange(10**6)}" for _ in range(3)]
        day = rng.randrange(1, 365)
        for _ in range(rng.randint(1, 8)):
            if len(analyses) >= n:
                break
            if analyses and rng.random() < 0.15 and analyses[-1].id.startswith(f"a{k - 1}"):
                text = _spin(analyses[-1].text, rng)
            else:
                text = _article(story_words, names, rng)
            a = Analysis(text=text, id=f"a{k}", title=None, published=f"2025-{1 + day // 31 % 12:02d}-{1 + day % 28:02d}")
            a.entities = [Entity(f"e{j}", nm, "PERSON", [], [Span.of(text, text.index(nm), text.index(nm) + len(nm))])
                          for j, nm in enumerate(names) if nm in text]
            analyses.append(a)
            k += 1
    return analyses


def _article(words, names, rng) -> str:
    sentences = []
    for _ in range(rng.randint(6, 14)):
        body = [rng.choice(words) if rng.random() < 0.6 else rng.choice(FUNCTION) for _ in range(rng.randint(10, 22))]
        body.insert(rng.randrange(len(body)), rng.choice(names))
        body.insert(rng.randrange(len(body)), str(rng.randint(2, 999)))
        sentences.append(" ".join(body).capitalize() + ", " + " ".join(rng.choice(FUNCTION + words) for _ in range(6)) + ".")
    return " ".join(sentences)


def _spin(text: str, rng) -> str:
    out = [SYNONYMS.get(w, w) for w in text.split()]
    text = " ".join(out)
    parts = text.split(". ")
    parts = [(p.split(", ", 1)[1].capitalize() + ", " + p.split(", ", 1)[0].lower()) if ", " in p and rng.random() < 0.5 else p
             for p in parts]
    return ". ".join(parts).replace(" 7 ", " 8 ", 1)


def one_size(n: int) -> dict:
    from newsprobe.corpus.run import compute_corpus
    from newsprobe.settings import Settings
    analyses = synthetic(n)
    vectors = hashed_encoder([a.text for a in analyses])
    started, cpu_started = time.perf_counter(), time.process_time()
    result = compute_corpus(analyses, Settings.load(), vectors=vectors, encode=hashed_encoder)
    seconds = time.perf_counter() - started
    # CPU seconds (all threads) move less than wall time when other jobs share the cores.
    row = {"articles": n, "seconds": round(seconds, 2), "cpu_seconds": round(time.process_time() - cpu_started, 2),
           "stories": len(result["stories"]),
           "copies": len(result["copies"]), "changes": sum(len(c["changes"]) for c in result["copies"]),
           "families": len(result["families"]),
           "timings_ms": result["meta"]["timings_ms"],
           "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    if n <= 1000:  # the all-pairs baseline, same articles
        from newsprobe.corpus.fingerprints import jaccard, word_shingles
        sets = [word_shingles(a.text) for a in analyses]
        t = time.perf_counter()
        pairs = sum(1 for i in range(n) for j in range(i + 1, n) if jaccard(sets[i], sets[j]) >= 0.5)
        row["baseline_all_pairs_seconds"] = round(time.perf_counter() - t, 2)
        row["baseline_all_pairs_found"] = pairs
    return row


def minilm_rate(samples: int = 200) -> dict:
    from newsprobe.embeddings import encode
    from newsprobe.corpus.align import sentence_spans
    analyses = synthetic(samples, seed=1)
    encode(["warm up"])
    t = time.perf_counter()
    encode([a.text for a in analyses])
    per_article = (time.perf_counter() - t) / samples
    sentences = [s.text for a in analyses[:50] for s in sentence_spans(a.text)]
    t = time.perf_counter()
    encode(sentences)
    per_sentence = (time.perf_counter() - t) / len(sentences)
    return {"articles_per_s": round(1 / per_article, 1), "sentences_per_s": round(1 / per_sentence, 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=1, help="processes per size; the median is reported")
    parser.add_argument("--once-above", type=int, default=50_000,
                        help="sizes above this run once whatever --repeat says (100k takes minutes)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_size(args.one)))
        return
    rows = []
    for n in args.sizes:
        runs = []
        for _ in range(args.repeat if n <= args.once_above else 1):
            out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(json.dumps(runs[-1]), flush=True)
        rows.append(sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2])  # the median run
    for a, b in zip(rows, rows[1:]):
        print(f"{a['articles']} -> {b['articles']}: time x{b['seconds'] / a['seconds']:.1f} "
              f"(CPU x{b['cpu_seconds'] / a['cpu_seconds']:.1f}) for "
              f"articles x{b['articles'] / a['articles']:.0f}; peak RSS {a['peak_rss_mb']} -> {b['peak_rss_mb']} MB")
    if len(rows) > 2:
        first, last = rows[0], rows[-1]
        print(f"{first['articles']} -> {last['articles']}: time x{last['seconds'] / first['seconds']:.1f} "
              f"(CPU x{last['cpu_seconds'] / first['cpu_seconds']:.1f}) for "
              f"articles x{last['articles'] / first['articles']:.0f}")
    print("load average after:", " ".join(f"{x:.1f}" for x in os.getloadavg()))
    print("MiniLM on this machine:", json.dumps(minilm_rate()))


if __name__ == "__main__":
    main()
