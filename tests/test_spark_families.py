"""Copy families on Spark (spark/families.py), in local mode: a family written for this
test (an original report, a verbatim copy that adds a source line, a spun copy of that
copy, each dated only by the dateline on its page) plus an unrelated page. Spark must
find the one family, name the original the page dates say, draw the route original ->
copy -> spun, and agree with the local stage's `corpus.origin.family_route` on the same
copies."""

from __future__ import annotations

import json
import os
import shutil

import pytest

pytest.importorskip("pyspark", reason="pyspark is the optional extra newsprobe[spark]")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)

from newsprobe.settings import Settings  # noqa: E402
from test_corpus_origin import COPY, ORIGINAL, SPUN, UNRELATED  # noqa: E402

PAGES = {"original": f"Kessel Courier\nPublished 1 March 2026\n{ORIGINAL}",
         "copy": f"Valley Digest\nPublished 2 March 2026\n{COPY}",
         "spun": f"News Wire\nPublished 3 March 2026\n{SPUN}",
         "other": f"City Desk\nPublished 1 March 2026\n{UNRELATED}"}


@pytest.fixture(scope="module")
def families_run(spark, tmp_path_factory):
    from newsprobe.spark.corpus import read_copies, run_copies
    from newsprobe.spark.families import read_families, run_families
    from newsprobe.spark.job import run_spark

    root = tmp_path_factory.mktemp("spark-families")
    rows = [{"id": name, "text": text} for name, text in PAGES.items()]
    (root / "in.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = root / "out"
    settings = Settings.load()
    run_spark(spark, [str(root / "in.jsonl")], out, settings)
    run_copies(spark, out, settings)
    count = run_families(spark, out)
    return count, read_families(out), read_copies(out), out


def test_spark_family_names_the_original_by_the_page_dates(families_run):
    count, families, _, _ = families_run
    assert count == len(families) == 1
    (family,) = families
    assert family["family_id"] == "copy" and family["size"] == 3
    assert family["articles"] == ["copy", "original", "spun"]
    assert family["original"] == "original"
    assert [(h["parent"], h["child"]) for h in family["route"]] == [("original", "copy"), ("copy", "spun")]
    assert any("published first (2026-03-01" in r for r in family["reasons"])


def test_spark_family_equals_the_local_route_on_the_same_copies(families_run):
    from newsprobe.corpus.origin import family_route
    from newsprobe.spark.families import copy_dict
    from demo_warc import read_tables

    _, (family,), copies, out = families_run
    published = {a["article_id"]: a["published"] for a in read_tables(out)["articles"]}
    assert published["original"] == "2026-03-01"  # read from the page's dateline on Spark too
    local = family_route(family["articles"], [copy_dict(c) for c in copies], published)
    assert local["original"] == family["original"]
    assert local["confidence"] == family["confidence"] and local["originals"] == family["originals"] == ["original"]
    assert [(h.parent, h.child, h.weight) for h in local["hops"]] == \
        [(h["parent"], h["child"], h["weight"]) for h in family["route"]]


def test_family_labels_join_chains_and_keep_components_apart(spark):
    from newsprobe.spark.families import family_labels

    # a-b-c-d is a chain three hops wide; x-y stands apart.
    edges = spark.createDataFrame([("c", "d"), ("b", "c"), ("a", "b"), ("x", "y")], ["a", "b"])
    labels = {r["id"]: r["family"] for r in family_labels(spark, edges).collect()}
    assert labels == {"a": "a", "b": "a", "c": "a", "d": "a", "x": "x", "y": "x"}
