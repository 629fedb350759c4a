"""`newsprobe spark` in local mode: one partition per input file, and the same rows, in
the same schemas, as `analyze` (and so as `newsprobe batch`)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytest.importorskip("pyspark", reason="pyspark is the optional extra newsprobe[spark]")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)

from demo_warc import analyze_rows, demo_articles, read_tables, write_demo_warc  # noqa: E402
from newsprobe.batch.tables import SCHEMAS, TABLES  # noqa: E402
from newsprobe.settings import Settings  # noqa: E402


@pytest.fixture(scope="module")
def spark_run(spark, tmp_path_factory):
    """Two WARC files (two partitions), a missing input, one Spark run."""
    root = tmp_path_factory.mktemp("spark")
    articles = demo_articles()[:8]
    first = write_demo_warc(root / "first.warc.gz", articles[:5])
    second = write_demo_warc(root / "second.warc.gz", articles[5:])
    inputs = [str(first), str(second), str(root / "missing.warc.gz")]
    from newsprobe.spark.job import run_spark

    counts = run_spark(spark, inputs, root / "out", Settings.load(batch_chunk_articles=3))
    return inputs, root / "out", counts


def test_spark_rows_equal_analyze_on_the_same_articles(spark_run):
    inputs, out, counts = spark_run
    got, expected = read_tables(out), analyze_rows(inputs)
    assert len(got["articles"]) == 8 and got["quotes"]
    for table in TABLES:
        assert got[table] == expected[table], table
    assert counts["partitions"] == 3
    assert counts["rows"]["articles"] == 8 and counts["rows"]["errors"] == 1
    assert counts["warc"]["skipped_status"] == 2 and counts["warc"]["skipped_type"] == 2


def test_spark_tables_have_the_batch_schemas(spark_run):
    import pyarrow.dataset as ds

    _, out, _ = spark_run
    for table in TABLES:
        schema = ds.dataset(out / table, format="parquet").schema.remove_metadata()
        assert schema == SCHEMAS[table], table


def test_spark_manifest_lists_inputs(tmp_path):
    from newsprobe.batch.sources import read_manifest

    manifest = tmp_path / "inputs.txt"
    manifest.write_text("# a month of crawls\ns3-mounted/a.warc.gz\n\n  b/*.warc.gz  \n")
    assert read_manifest(str(manifest)) == ["s3-mounted/a.warc.gz", "b/*.warc.gz"]


def test_spark_copies_are_lsh_candidates_verified_by_the_corpus_module(spark, spark_run):
    """`--copies`: every copy Spark reports is one the corpus module's `verify` accepts when
    run here on every pair, and the demo corpus's spun copy (examples 05 and 06) is found."""
    from itertools import combinations

    from newsprobe.corpus.align import SentenceCache
    from newsprobe.corpus.copies import CopyDoc, verify
    from newsprobe.corpus.run import copy_settings, default_encoder
    from newsprobe.spark.corpus import read_copies, run_copies

    _, out, _ = spark_run
    settings = Settings.load()
    assert run_copies(spark, out, settings) == len(read_copies(out))
    found = {(c["source"], c["target"], c["kind"]) for c in read_copies(out)}

    articles = read_tables(out)["articles"]
    docs = {a["article_id"]: CopyDoc(a["article_id"], a["text"], a["published"]) for a in articles}
    sentences = SentenceCache(default_encoder())
    every_pair = set()
    for a, b in combinations(sorted(docs), 2):
        edge = verify(docs[a], docs[b], sentences, copy_settings(settings))
        if edge is not None:
            every_pair.add((edge.source, edge.target, edge.kind))
    # The copy-family pass (corpus.copies.family_copies): pairs of whole copies of one article.
    from newsprobe.corpus.copies import copy_decision, copy_edge, copy_evidence
    copying, linked = copy_settings(settings), {}
    for s, t, kind in every_pair:
        if kind != "partial":
            linked.setdefault(s, set()).add(t)
            linked.setdefault(t, set()).add(s)
    for a, b in combinations(sorted(docs), 2):
        if linked.get(a, set()) & linked.get(b, set()):
            ev = copy_evidence(docs[a], docs[b], sentences, copying)
            if copy_decision(ev, copying) == (None, "aligned share"):
                kind, _ = copy_decision(ev, copying, family=True)
                if kind is not None:
                    edge = copy_edge(docs[a], docs[b], ev, kind, sentences, copying)
                    every_pair.add((edge.source, edge.target, edge.kind))
    assert found <= every_pair
    titles = {a["article_id"]: a["title"] for a in articles}
    original, spun = demo_articles()[4].title, demo_articles()[5].title
    assert any({titles[s], titles[t]} == {original, spun} for s, t, _ in found)


def test_spark_family_candidates_are_unlinked_pairs_of_whole_copies_of_one_article(spark):
    """The copy-family pass as joins: candidate pairs not linked whose two articles are
    whole copies (not partial) of one third article, named by the lowest such id."""
    from newsprobe.spark.corpus import family_candidates

    copies = spark.createDataFrame([("s", "x", "rewritten"), ("y", "s", "verbatim"), ("s", "z", "partial"),
                                    ("t", "x", "rewritten"), ("t", "y", "rewritten"), ("x", "w", "rewritten")],
                                   ["source", "target", "kind"])
    with_texts = spark.createDataFrame([("x", "y", "tx", "ty"), ("x", "z", "tx", "tz"), ("s", "t", "ts", "tt"),
                                        ("w", "y", "tw", "ty")], ["a", "b", "text_a", "text_b"])
    rows = {(r["a"], r["b"]): r["via"] for r in family_candidates(copies, with_texts).collect()}
    # x and y: whole copies of s and of t (named by s); s and t: both whole copies of x
    # (a copy edge links two articles whichever way it runs); x-z: z is only an excerpt of
    # s; w-y: no whole copy in common (w is a copy of x only).
    assert rows == {("x", "y"): "s", ("s", "t"): "x"}
