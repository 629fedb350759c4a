"""Latency of the web app over a store of 10,000 articles: p50 and p95 of the article page,
a search and a story page, served by uvicorn over loopback, next to the bare store calls
behind each page (the baseline: what the page costs beyond its SQL).

The store: the demo corpus (examples/) analysed once for real, then replicated to N
articles with new ids, outlets (40) and dates (a year), each text given a tail of eight
random made-up words (appended, so every finding's offsets stay right) so that search
sees a large vocabulary; the corpus result over the 15 demo articles (one 8-article story
with a rewritten copy and its changes) is computed once and replicated per group of 15
replicas. Texts repeat, so a common word hits ~N/15 times more articles than in a real
corpus: search is measured on the pessimistic side.

    .venv/bin/python benchmarks/bench_web.py                      # 10,000 articles, 200 requests each
    .venv/bin/python benchmarks/bench_web.py --articles 2000 --requests 50 --db /tmp/bench-web.db
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import random
import resource
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTLETS = [f"outlet{k:02d}.example" for k in range(40)]
QUERIES = ["grain", "minister", "\"border talks\"", "flood OR river", "deal", "council budget",
           "Estmark", "said", "ship*", "report"]


def build_store(db: Path, n_articles: int, seed: int = 7) -> None:
    from newsprobe.analyze import analyze_many
    from newsprobe.corpus.run import compute_corpus
    from newsprobe.ingest import read_inputs
    from newsprobe.model import Analysis
    from newsprobe.store import Store

    rng = random.Random(seed)
    started = time.perf_counter()
    base = list(analyze_many(a for a in read_inputs([str(ROOT / "examples")]) if not isinstance(a, Exception)))
    corpus = compute_corpus(base)
    print(f"analysed {len(base)} demo articles and their corpus in {time.perf_counter() - started:.0f} s",
          file=sys.stderr)
    vocabulary = ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))
                  for _ in range(5000)]
    day0 = dt.date(2026, 1, 1)
    groups = (n_articles + len(base) - 1) // len(base)
    started = time.perf_counter()
    with Store.open(db) as store:
        for g in range(groups):
            batch, ids = [], {}
            for a in base:
                if len(ids) + g * len(base) >= n_articles:
                    break
                d = a.to_dict()
                d["id"] = ids[a.id] = f"{a.id}~{g}"
                d["outlet"] = rng.choice(OUTLETS)
                d["published"] = (day0 + dt.timedelta(days=rng.randrange(365))).isoformat()
                d["text"] = a.text + "\n\n" + " ".join(rng.choice(vocabulary) for _ in range(8)) + "."
                batch.append(Analysis.from_dict(d))
            store.put_analyses(batch)
            store.put_corpus(_renamed(corpus, ids, g))
    print(f"stored {n_articles} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _renamed(corpus: dict, ids: dict[str, str], g: int) -> dict:
    """The corpus result with article ids replaced by replica ids and story/copy ids
    made unique per group (only the stories table's rows matter to the app)."""
    text = json.dumps(corpus)
    for old, new in ids.items():
        text = text.replace(json.dumps(old), json.dumps(new))
    result = json.loads(text)
    for s in result["stories"]:
        s["id"] = f"g{g}.{s['id']}"
    for k in result["copies"]:
        k["id"] = f"g{g}.{k['id']}"
        for change in k["changes"]:
            change["id"] = f"g{g}.{change['id']}"
    for link in result["claim_links"]:
        link["id"] = f"g{g}.{link['id']}"
    return result


def merge_runs(db: Path) -> None:
    """One corpus run holding every group's stories and copies (the app reads the latest
    run): move all rows to the last run id."""
    import sqlite3
    conn = sqlite3.connect(db)
    last = conn.execute("SELECT max(id) FROM corpus_runs").fetchone()[0]
    for table in ("stories", "story_members", "copies", "changes", "claim_links"):
        conn.execute(f"UPDATE {table} SET run_id = ? WHERE run_id != ?", (last, last))
    conn.execute("DELETE FROM corpus_runs WHERE id != ?", (last,))
    conn.commit()
    conn.close()


def percentiles(ms: list[float]) -> tuple[float, float]:
    ms = sorted(ms)
    return statistics.median(ms), ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]


def serve(db: Path):
    import uvicorn

    from newsprobe.web import WebConfig, create_app
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(WebConfig(db=db)), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200, help="requests per page kind")
    parser.add_argument("--db", type=Path, default=Path("/tmp/newsprobe-bench-web.db"),
                        help="store to build (reused when it exists)")
    args = parser.parse_args()

    import httpx

    from newsprobe.store import Store
    if not args.db.exists():
        build_store(args.db, args.articles)
        merge_runs(args.db)
    with Store.open(args.db, readonly=True) as store:
        ids = store.article_ids()
        stories = [s["story_id"] for s in store.list_stories(limit=100_000)]
        n_quotes = store.conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
    size_mb = args.db.stat().st_size / 1e6
    rng = random.Random(11)
    plan = {"article": [f"/article/{rng.choice(ids)}" for _ in range(args.requests)],
            "search": [f"/search?q={rng.choice(QUERIES)}&kind={rng.choice(['articles', 'quotes', 'claims'])}"
                       for _ in range(args.requests)],
            "story": [f"/story/{rng.choice(stories)}" for _ in range(args.requests)]}

    server, base = serve(args.db)
    store = Store.open(args.db, readonly=True)
    from newsprobe.web.views.article import article_data
    from newsprobe.web.views.corpus import search_data
    from newsprobe.web.views.story import story_data
    baseline = {"article": lambda u: article_data(store, u.split("/article/", 1)[1]),
                "search": lambda u: store.search_corpus(u.split("q=")[1].split("&")[0],
                                                        u.split("kind=")[1], limit=21),
                "story": lambda u: story_data(store, u.split("/story/", 1)[1])}
    timings: dict[str, list[float]] = {k: [] for k in plan}
    bare: dict[str, list[float]] = {k: [] for k in plan}
    with httpx.Client(base_url=base, timeout=30) as client:
        t = time.perf_counter()
        first = client.get("/search?q=grain")
        cold_ms = (time.perf_counter() - t) * 1000
        assert first.status_code == 200
        for i in range(args.requests):  # interleaved, so machine noise hits all alike
            for kind, urls in plan.items():
                t = time.perf_counter()
                r = client.get(urls[i])
                timings[kind].append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200, (urls[i], r.status_code, r.text[:200])
                t = time.perf_counter()
                baseline[kind](urls[i])
                bare[kind].append((time.perf_counter() - t) * 1000)
    server.should_exit = True
    _ = search_data  # the search page also reads the cached facets; see the cold figure

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n<!-- bench_web.py --articles {args.articles} --requests {args.requests}; "
          f"{len(ids)} articles, {n_quotes} quotes, {len(stories)} stories, store {size_mb:.0f} MB -->")
    print("| date | machine | page | p50 (ms) | p95 (ms) | store calls alone p50 / p95 (ms) | ratio p50 page/store |")
    print("|---|---|---|---|---|---|---|")
    machine = f"{platform.system()} {platform.machine()}, 2 CPUs, Python {platform.python_version()}"
    for kind in plan:
        p50, p95 = percentiles(timings[kind])
        b50, b95 = percentiles(bare[kind])
        print(f"| {dt.date.today()} | {machine} | {kind} | {p50:.1f} | {p95:.1f} | {b50:.1f} / {b95:.1f} | "
              f"{p50 / b50 if b50 else float('nan'):.1f} |")
    print(f"\nfirst search after start (facets computed, then cached): {cold_ms:.0f} ms; peak RSS {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
