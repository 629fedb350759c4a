"""`newsprobe batch`: Parquet tables equal to `analyze`, every input analysed or in
`errors`, and a run killed part-way finishes on re-run with every input exactly once."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from demo_warc import analyze_rows, demo_articles, read_tables, write_demo_warc
from newsprobe.batch import run_batch
from newsprobe.batch.ledger import LEDGER_NAME
from newsprobe.batch.tables import SCHEMAS, TABLES, split_origin
from newsprobe.settings import Settings

SETTINGS = Settings.load()


@pytest.fixture(scope="module")
def demo_warc(tmp_path_factory) -> Path:
    return write_demo_warc(tmp_path_factory.mktemp("warc") / "demo.warc.gz")


@pytest.fixture(scope="module")
def batch_out(demo_warc, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("batch") / "out"
    run_batch([str(demo_warc)], out, SETTINGS, chunk_size=4)
    return out


def test_batch_rows_equal_analyze_on_the_same_articles(demo_warc, batch_out):
    got, expected = read_tables(batch_out), analyze_rows([str(demo_warc)])
    assert len(got["articles"]) == len(demo_articles()) == 15
    assert got["quotes"], "the demo corpus has quotes"
    for table in TABLES:
        assert got[table] == expected[table], table


def test_batch_tables_have_the_declared_schemas(batch_out):
    import pyarrow.parquet as pq

    for table in TABLES:
        for part in (batch_out / table).glob("*.parquet"):
            assert pq.read_schema(part).remove_metadata() == SCHEMAS[table], (table, part)


def test_batch_quote_rows_keep_spans_consistent_with_the_text(batch_out):
    tables = read_tables(batch_out)
    texts = {a["origin"]: a["text"] for a in tables["articles"]}
    for q in tables["quotes"]:
        text = texts[q["origin"]]
        for span in json.loads(q["content"]):
            assert text[span["start"]:span["end"]] == span["text"]
        if q["cue_start"] is not None:
            assert text[q["cue_start"]:q["cue_end"]] == q["cue_text"]
        assert isinstance(json.loads(q["chain"]), list)


def test_batch_every_record_is_analysed_or_an_error_naming_its_source(tmp_path, demo_warc):
    cut = tmp_path / "cut.warc.gz"
    data = demo_warc.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    lines = tmp_path / "wire.jsonl"
    lines.write_text('{"text": "The mayor said the bridge would open in May."}\n'
                     "{not json\n"
                     '{"title": "no text"}\n', encoding="utf-8")
    out = tmp_path / "out"
    summary = run_batch([str(cut), str(lines), str(tmp_path / "missing.txt")], out, SETTINGS,
                        chunk_size=3)
    tables = read_tables(out)
    errors = {e["origin"]: e for e in tables["errors"]}
    assert errors[f"{lines}:2"]["code"] == "E004" and errors[f"{lines}:2"]["line"] == 2
    assert errors[f"{lines}:3"]["code"] == "E001"
    assert errors[str(tmp_path / "missing.txt")]["code"] == "E007"
    (broken,) = [e for e in tables["errors"] if e["code"] == "E030"]
    assert broken["file"] == str(cut) and broken["offset"] > 0
    analysed = [a["origin"] for a in tables["articles"]]
    assert f"{lines}:1" in analysed
    assert all(split_origin(o)[1] < broken["offset"] for o in analysed if o.startswith(str(cut)))
    assert summary.articles == len(analysed) and summary.errors == len(errors)


def test_batch_an_article_whose_analysis_fails_becomes_an_E031_error(tmp_path, monkeypatch):
    from newsprobe.layers import attribution

    real_run = attribution.run

    def failing_run(doc, analysis, settings):
        if "EXPLODE" in analysis.text:
            raise RuntimeError("injected failure")
        return real_run(doc, analysis, settings)

    monkeypatch.setattr(attribution, "run", failing_run)
    lines = tmp_path / "in.jsonl"
    lines.write_text("\n".join(json.dumps({"text": t}) for t in (
        "The minister said taxes would fall.", "This one will EXPLODE, the engineer said.",
        "Officials said the road was closed.")) + "\n", encoding="utf-8")
    run_batch([str(lines)], tmp_path / "out", SETTINGS, chunk_size=10)
    tables = read_tables(tmp_path / "out")
    assert sorted(a["origin"] for a in tables["articles"]) == [f"{lines}:1", f"{lines}:3"]
    (err,) = tables["errors"]
    assert err["origin"] == f"{lines}:2" and err["code"] == "E031"
    assert "injected failure" in err["message"]


def test_batch_reads_and_analyses_the_next_chunk_before_writing_this_one(tmp_path, monkeypatch):
    """Chunks stream: reading (HTML extraction, in the parent) and analysis go on across
    chunk boundaries, and each part file is written when its chunk's analyses are in, with
    the same rows, in input order, as a chunk-at-a-time run."""
    import pyarrow.parquet as pq

    from newsprobe.batch import runner

    lines = tmp_path / "in.jsonl"
    lines.write_text("\n".join(json.dumps({"text": f"Officials said road {i} was closed."})
                               for i in range(6)) + "\n", encoding="utf-8")
    read, read_when_written = [], []
    real_read_file, real_write_part = runner.read_file, runner._write_part

    def counting_read_file(*args, **kwargs):
        for record in real_read_file(*args, **kwargs):
            read.append(record.origin)
            yield record

    def noting_write_part(out, part, rows):
        read_when_written.append(len(read))
        real_write_part(out, part, rows)

    monkeypatch.setattr(runner, "read_file", counting_read_file)
    monkeypatch.setattr(runner, "_write_part", noting_write_part)
    summary = run_batch([str(lines)], tmp_path / "out", SETTINGS, chunk_size=2)
    assert summary.parts == 3 and summary.articles == 6
    assert read_when_written[0] > 2, "the first part was written before the next chunk was read"
    parts = sorted((tmp_path / "out" / "articles").glob("*.parquet"))
    assert [[r["origin"] for r in pq.read_table(f).to_pylist()] for f in parts] == \
        [[f"{lines}:{i}", f"{lines}:{i + 1}"] for i in (1, 3, 5)]


def test_batch_rerun_after_completion_adds_nothing(tmp_path):
    lines = tmp_path / "in.jsonl"
    lines.write_text("\n".join(json.dumps({"text": f"Officials said road {i} was closed."})
                               for i in range(5)) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    first = run_batch([str(lines)], out, SETTINGS, chunk_size=2)
    again = run_batch([str(lines)], out, SETTINGS, chunk_size=2)
    assert (first.articles, again.articles, again.skipped_files) == (5, 0, 1)
    assert len(read_tables(out)["articles"]) == 5


def test_batch_recovery_removes_orphan_parts_and_torn_ledger_lines(tmp_path):
    """A crash after a part was renamed into place but before its ledger line, or while the
    ledger line was being written: the re-run redoes that chunk and writes it once."""
    lines = tmp_path / "in.jsonl"
    lines.write_text("\n".join(json.dumps({"text": f"Police said car {i} was found."})
                               for i in range(4)) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    run_batch([str(lines)], out, SETTINGS, chunk_size=2)
    ledger = out / LEDGER_NAME
    entries = ledger.read_text().splitlines()
    # Undo the last commit the way a crash would leave it: part on disk, ledger line torn.
    ledger.write_text(entries[0] + "\n" + entries[1][:25])
    (out / "articles" / "part-000009.parquet.tmp").write_bytes(b"half written")
    summary = run_batch([str(lines)], out, SETTINGS, chunk_size=2)
    assert summary.articles == 2
    assert not list(out.glob("*/*.tmp"))
    origins = [a["origin"] for a in read_tables(out)["articles"]]
    assert sorted(origins) == [f"{lines}:{i}" for i in range(1, 5)]


def test_batch_reads_quoted_globs(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"Report {name}\n\nThe council said bins go out "
                                              "on Monday.\n", encoding="utf-8")
    run_batch([str(tmp_path / "*.txt")], tmp_path / "out", SETTINGS)
    assert len(read_tables(tmp_path / "out")["articles"]) == 2


def _batch_command(inputs: list[str], out: Path) -> list[str]:
    return [sys.executable, "-m", "newsprobe", "batch", *inputs, "--out", str(out),
            "--chunk-size", "1"]


def test_batch_killed_part_way_then_rerun_has_every_input_exactly_once(tmp_path):
    warc = write_demo_warc(tmp_path / "demo.warc.gz", demo_articles()[:6])
    jsonl = tmp_path / "extra.jsonl"
    jsonl.write_text("\n".join(json.dumps({"text": f"The coach said match {i} was moved."})
                               for i in range(4)) + "\n{broken\n", encoding="utf-8")
    inputs, out = [str(warc), str(jsonl)], tmp_path / "out"
    proc = subprocess.Popen(_batch_command(inputs, out), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    # Kill it once the first part file is in place and committed to the ledger (a kill
    # before the commit is covered too: that part is an orphan, removed and redone).
    ledger = out / LEDGER_NAME
    deadline = time.monotonic() + 120
    while not (ledger.exists() and ledger.read_text().count("\n") >= 1):
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline, "no part committed within 120 s"
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    committed = ledger.read_text().count("\n")
    assert committed < 6 + 4 + 1, "the run finished before it could be killed"

    rerun = subprocess.run(_batch_command(inputs, out), capture_output=True, text=True,
                           timeout=300)
    assert rerun.returncode == 1, rerun.stderr  # 1: the broken JSONL line failed
    assert "resumed" in rerun.stderr
    (redone,) = re.findall(r"^(\d+) analysed, ", rerun.stderr, re.M)
    assert int(redone) < 6 + 4, "the re-run redid everything"
    tables = read_tables(out)
    seen = [a["origin"] for a in tables["articles"]] + [e["origin"] for e in tables["errors"]]
    assert len(seen) == len(set(seen)), "an input was written twice"
    expected = analyze_rows(inputs)
    assert sorted(seen) == sorted([a["origin"] for a in expected["articles"]]
                                  + [e["origin"] for e in expected["errors"]])
    assert tables["quotes"] == expected["quotes"]


def _bomb_and_good(tmp_path) -> tuple[Path, Path]:
    """A gzip page that passes the size check on its compressed bytes (see hostile_pages)
    beside an ordinary article."""
    from hostile_pages import gzip_past_the_sniff_window, numbered_page

    bomb = tmp_path / "in" / "bomb.html"
    bomb.parent.mkdir()
    bomb.write_bytes(gzip_past_the_sniff_window(numbered_page(10_000)))
    good = tmp_path / "in" / "good.txt"
    good.write_text("The minister said taxes would fall next year.\n", encoding="utf-8")
    return bomb, good


def test_batch_a_compressed_page_fails_alone_and_a_rerun_finishes(tmp_path):
    bomb, good = _bomb_and_good(tmp_path)
    small = Settings.load(max_input_bytes=300_000)
    out = tmp_path / "out"
    first = run_batch([str(bomb.parent)], out, small)
    again = run_batch([str(bomb.parent)], out, small)
    tables = read_tables(out)
    assert [a["origin"] for a in tables["articles"]] == [str(good)]
    assert [(e["origin"], e["code"]) for e in tables["errors"]] == [(str(bomb), "E009")]
    assert (first.articles, first.errors) == (1, 1)
    assert (again.articles, again.errors, again.skipped_files) == (0, 0, 2)


def test_spark_partition_turns_a_compressed_page_into_an_error_row(tmp_path):
    """The executor side of `newsprobe spark` (a plain function, no Spark needed): a page
    that fails is an error row of its partition, not a failed task."""
    from dataclasses import asdict

    from newsprobe.spark.job import analyse_partition

    bomb, good = _bomb_and_good(tmp_path)
    values = asdict(Settings.load(max_input_bytes=300_000))
    rows = list(analyse_partition(iter([("html", str(bomb)), ("text", str(good))]), values))
    assert [(r["origin"], r["code"]) for t, r in rows if t == "errors"] == [(str(bomb), "E009")]
    assert [r["origin"] for t, r in rows if t == "articles"] == [str(good)]


def test_batch_resumed_with_the_same_inputs_spelt_otherwise_adds_nothing(tmp_path, monkeypatch):
    """`in` then `/abs/path/in` (and a missing file named both ways): the ledger knows
    inputs by their resolved path, so the second run redoes nothing and counts no error twice."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(f"The mayor said bins in district {name} go out "
                                            "on Monday.\n", encoding="utf-8")
    (folder / "wire.jsonl").write_text('{"text": "Officials said the road was closed."}\n',
                                       encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    first = run_batch(["in", "in/missing.txt"], out, SETTINGS, chunk_size=1)
    again = run_batch([str(folder), str(folder / "missing.txt")], out, SETTINGS, chunk_size=1)
    tables = read_tables(out)
    origins = [a["origin"] for a in tables["articles"]]
    assert len(origins) == len(set(origins)) == 3
    assert len(tables["errors"]) == 1 and tables["errors"][0]["code"] == "E007"
    assert (first.articles, first.errors) == (3, 1)
    assert (again.articles, again.errors) == (0, 0)
    assert again.to_dict()["total_errors"] == 1


def test_batch_names_each_failed_input_on_stderr_and_counts_once(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Port reopens\n\nThe port of Velmar reopened on Friday, officials said.\n",
                    encoding="utf-8")
    broken = tmp_path / "wires.jsonl"
    broken.write_text('{"text": "A fine wire story about the harbour."}\n{"text": \n', encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    done = subprocess.run(_batch_command([str(good), str(broken), str(empty)], tmp_path / "out"),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    assert any(f"{broken}:2" in line and "[E004]" in line for line in errors), done.stderr
    assert any(str(empty) in line and "[E001]" in line for line in errors), done.stderr
    assert re.findall(r"^2 analysed, 2 failed", done.stderr, re.M), done.stderr
    assert "overall" not in done.stderr  # a first run's totals are its own: said once
