"""Faults: a batch run and a corpus run killed with SIGKILL at random points, then run again,
lose nothing and duplicate nothing; the SQLite store is never left corrupt (PRAGMA
integrity_check after every kill); the web app keeps serving while a corpus run writes.

The kill loops run in a worker process (this file run as a script): it loads spaCy and
the models once, then forks a child per run, so that a kill costs a fork, not a
10-second start. Each child is a real process, really killed with SIGKILL at a random
moment between 2% and 90% of the length of an uninterrupted run.

    NEWSPROBE_LONG_TESTS=1 pytest tests/test_faults.py     # 20 kills of each kind
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

LONG = os.environ.get("NEWSPROBE_LONG_TESTS") == "1"
ITERATIONS = 20 if LONG else 3
HERE = Path(__file__).resolve()

WORDS = "council harbour plan budget bridge river market school road hospital".split()


def write_inputs(folder: Path, n: int = 5) -> list[str]:
    """A JSONL file of `n` short articles and one broken line, and two .txt files."""
    rng = random.Random(7)
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for i in range(n):
        place, thing = rng.choice(["Wrenport", "Daleport", "Ashford"]), rng.choice(WORDS)
        lines.append(json.dumps({
            "id": f"f{i}", "title": f"Story {i}", "published": f"2026-03-{i + 1:02d}",
            "text": f"The {place} council voted on the {thing} on day {i}. \"We will finish the "
                    f"{thing} by June,\" said Mayor Ida Quell. Critics said the {thing} would "
                    f"cost {10 + i} million pounds."}))
    lines.insert(n // 2, "{broken line")
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "a.txt").write_text("Bridge closed\n\nThe river bridge closed on Monday. \"It is not "
                                  "safe,\" the engineer said.\n", encoding="utf-8")
    (folder / "b.txt").write_text("The market reopened after repairs, officials said on Friday.\n",
                                  encoding="utf-8")
    return [str(folder / "feed.jsonl"), str(folder / "a.txt"), str(folder / "b.txt")]


# --- the worker (this file run as a script) -------------------------------------------------

def _fork_run(target, *args) -> int:
    pid = os.fork()
    if pid == 0:  # the child: run, then leave without running the parent's cleanup
        code = 0
        try:
            target(*args)
        except BaseException:  # noqa: BLE001 - reported through the exit status
            import traceback
            traceback.print_exc()
            code = 1
        os._exit(code)
    return pid


def _run_killed(target, args, kill_after: float) -> bool:
    """Run target(*args) in a child; SIGKILL it after `kill_after` s. True if killed."""
    pid = _fork_run(target, *args)
    deadline = time.monotonic() + kill_after
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            assert os.waitstatus_to_exitcode(status) == 0, "the run failed on its own"
            return False
        time.sleep(0.005)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return True


def _run_whole(target, args) -> float:
    started = time.monotonic()
    pid = _fork_run(target, *args)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "the re-run failed"
    return time.monotonic() - started


def _batch(inputs, out):
    from newsprobe.batch import run_batch
    from newsprobe.settings import Settings
    run_batch(inputs, Path(out), Settings.load(), chunk_size=1)


def _corpus(inputs, db):
    from newsprobe.corpus.run import run_corpus
    run_corpus(inputs, db)


def _batch_outcome(out: Path) -> dict:
    import pyarrow.parquet as pq

    from newsprobe.batch.tables import TABLES
    rows = {t: [r for f in sorted((out / t).glob("*.parquet")) for r in pq.read_table(f).to_pylist()]
            for t in TABLES}
    origins = [r["origin"] for r in rows["articles"]] + [r["origin"] for r in rows["errors"]]
    quotes = sorted(json.dumps({k: v for k, v in r.items() if k != "timings_ms"}, sort_keys=True, default=str)
                    for r in rows["quotes"])
    leftovers = sorted(str(p.relative_to(out)) for p in out.rglob("*.tmp*"))
    return {"origins": sorted(origins), "duplicates": len(origins) - len(set(origins)),
            "quotes": quotes, "leftovers": leftovers}


def _store_outcome(db: Path) -> dict:
    conn = sqlite3.connect(db)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
        hashes = [r[0] for r in conn.execute("SELECT content_hash FROM articles")]
        runs = conn.execute("SELECT COUNT(*) FROM corpus_runs").fetchone()[0] \
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'corpus_runs'").fetchone() else 0
        orphans = conn.execute("SELECT COUNT(*) FROM quotes WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0]
    finally:
        conn.close()
    return {"integrity": check, "ids": sorted(ids), "hash_duplicates": len(hashes) - len(set(hashes)),
            "runs": runs, "orphan_quotes": orphans}


def worker(kind: str, folder: str, iterations: int, seed: int) -> None:
    """Print one JSON line per iteration: where the kill landed and what was left."""
    from newsprobe.embeddings import load_encoder
    from newsprobe.layers import checkworthy, techniques
    from newsprobe.parse import load_pipeline
    # Loaded once here and inherited by every forked child. Nothing is run: a parent that
    # had run torch or BLAS would hand its children thread pools that do not survive fork.
    load_pipeline(None)
    load_encoder()
    checkworthy.load_model()
    techniques.load_model()

    root = Path(folder)
    inputs = write_inputs(root / "in")
    rng = random.Random(seed)
    target = _batch if kind == "batch" else _corpus
    outcome = _batch_outcome if kind == "batch" else _store_outcome
    where = (lambda k: root / f"out{k}") if kind == "batch" else (lambda k: root / f"store{k}.db")

    # The reference: one uninterrupted run, and how long it takes.
    full = _run_whole(target, (inputs, str(where("ref"))))
    print(json.dumps({"reference": outcome(where("ref")), "seconds": round(full, 2)}), flush=True)
    for k in range(iterations):
        kill_after = rng.uniform(0.02, 0.9) * full  # inside the run (its length varies a little)
        killed = _run_killed(target, (inputs, str(where(k))), kill_after)
        after_kill = outcome(where(k)) if kind == "corpus" and where(k).exists() else None
        rerun = _run_whole(target, (inputs, str(where(k))))
        print(json.dumps({"iteration": k, "kill_after": round(kill_after, 3), "killed": killed,
                          "after_kill": after_kill, "result": outcome(where(k)),
                          "rerun_seconds": round(rerun, 2)}), flush=True)


def run_worker(kind: str, tmp_path: Path, iterations: int = ITERATIONS) -> tuple[dict, list[dict]]:
    seed = int(os.environ.get("NEWSPROBE_FAULT_SEED", random.randrange(10**6)))
    proc = subprocess.run([sys.executable, str(HERE), kind, str(tmp_path), str(iterations), str(seed)],
                          capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    print(f"{kind} kill loop (seed {seed}):", [(r["kill_after"], r["killed"]) for r in lines[1:]])
    return lines[0], lines[1:]


# --- the tests -------------------------------------------------------------------------------

def test_batch_killed_at_random_points_then_rerun_loses_and_duplicates_nothing(tmp_path):
    reference, runs = run_worker("batch", tmp_path)
    ref = reference["reference"]
    assert len(ref["origins"]) == 5 + 1 + 2 and ref["duplicates"] == 0
    assert len(runs) == ITERATIONS
    assert sum(r["killed"] for r in runs) >= ITERATIONS // 2, "most kills should land mid-run"
    for run in runs:
        got = run["result"]
        assert got["duplicates"] == 0, run
        assert got["origins"] == ref["origins"], run
        assert got["quotes"] == ref["quotes"], run
        assert got["leftovers"] == [], run


def test_corpus_killed_at_random_points_leaves_a_sound_store_and_reruns_to_the_same(tmp_path):
    reference, runs = run_worker("corpus", tmp_path)
    ref = reference["reference"]
    assert ref["integrity"] == "ok" and len(ref["ids"]) == 5 + 2 and ref["runs"] == 1
    for run in runs:
        if run["after_kill"] is not None:  # killed before the file existed: nothing to check
            assert run["after_kill"]["integrity"] == "ok", run
            assert run["after_kill"]["hash_duplicates"] == 0 and run["after_kill"]["orphan_quotes"] == 0, run
        got = run["result"]
        assert got["integrity"] == "ok" and got["ids"] == ref["ids"], run
        assert got["hash_duplicates"] == 0 and got["orphan_quotes"] == 0, run
        assert got["runs"] >= 1, run


def test_the_web_app_keeps_serving_while_a_corpus_run_writes(tmp_path):
    httpx = pytest.importorskip("httpx")
    import socket

    db = tmp_path / "live.db"
    first = write_inputs(tmp_path / "first", n=3)
    from newsprobe.corpus.run import run_corpus
    run_corpus(first[:1], db)

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "newsprobe", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    writer = None
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, server.stderr.read()
            try:
                if httpx.get(f"{base}/api/search", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
        more = tmp_path / "more.jsonl"
        more.write_text("".join(json.dumps({"id": f"m{i}", "text": f"The {w} council met on day {i}. \"We agree,\" "
                                            f"said Mayor Ida Quell. The {w} will cost {i} million pounds."}) + "\n"
                                for i, w in enumerate(WORDS)), encoding="utf-8")
        writer = subprocess.Popen([sys.executable, "-m", "newsprobe", "corpus", str(more), "--db", str(db)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        statuses, counts = [], set()
        with httpx.Client(base_url=base, timeout=30) as http:
            while writer.poll() is None:
                for url in ("/api/search?limit=100", "/", "/api/article/f0", "/search?q=council"):
                    response = http.get(url)
                    statuses.append(response.status_code)
                    if url.startswith("/api/search"):
                        counts.add(response.json()["total"] if "total" in response.json()
                                   else len(response.json()["results"]))
                time.sleep(0.05)
            final = http.get("/api/search", params={"limit": 100, "q": "council"}).json()
        assert writer.returncode == 0, writer.stderr.read()
        assert statuses and set(statuses) == {200}, sorted(set(statuses))
        assert len(statuses) >= 20, "the write finished before the server was asked much"
        assert len(final["results"]) >= len(WORDS), "the server sees the new articles"
    finally:
        if writer is not None and writer.poll() is None:
            writer.kill()
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    worker(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
