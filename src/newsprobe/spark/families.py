"""Copy families on Spark: which version of each family is the likely original, and the
route of copies (A -> B -> C), from the `copies/` table that `spark.corpus.run_copies`
writes.

A family is a connected group of copies. The local corpus stage also keeps a family
within one story; stories are not computed on Spark, so here a family is a connected
component of the whole copy graph. Components are found with min-label propagation on
DataFrames (each article takes the smallest id among itself and its neighbours until none
changes: as many rounds as the widest family's diameter, a handful for copy families),
then each family's copies and its members' publication dates go to one executor, where
`corpus.origin.family_route` (the very function the local stage uses) names the original
and the route.

Written as `OUT/families/` Parquet: one row per family, with `family_id` (the family's
smallest article id, stable across runs), `original`, `confidence`, `margin`,
`runner_up`, `size`, and JSON `articles`, `reasons` and `route` (hops `{parent, child,
kind, reversed, weight, reasons}`). What changed at each hop is not computed on Spark, as
for copies: it needs the full analyses, not table rows.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsprobe.batch.tables import dumps

log = logging.getLogger(__name__)

FAMILY_COLUMNS = ("family_id", "size", "original", "confidence", "margin", "runner_up",
                  "articles", "reasons", "route", "originals")
# Rounds of label propagation before giving up: a family wider than this (a chain of 50
# copies of copies) would be cut in two, which the log says.
MAX_ROUNDS = 50


def family_labels(spark, edges):
    """DataFrame (id, family) for every article in `edges` (columns a, b): its family is
    the smallest article id connected to it."""
    from pyspark.sql import functions as F

    both = edges.select("a", "b").union(edges.select(F.col("b").alias("a"), F.col("a").alias("b")))
    labels = both.groupBy("a").agg(F.least(F.min("b"), F.first("a")).alias("family")) \
        .withColumnRenamed("a", "id").localCheckpoint()
    for _ in range(MAX_ROUNDS):
        # Each article takes the smallest label among its neighbours' and its own.
        spread = (both.join(labels.withColumnRenamed("id", "b"), "b")
                  .groupBy("a").agg(F.min("family").alias("seen")))
        updated = (labels.join(spread.withColumnRenamed("a", "id"), "id")
                   .select("id", F.least("family", "seen").alias("family"))
                   .localCheckpoint())
        changed = updated.join(labels.withColumnRenamed("family", "before"), "id") \
            .where(F.col("family") != F.col("before")).limit(1).count()
        labels = updated
        if not changed:
            return labels
    log.warning("copy families: label propagation stopped after %d rounds; a family wider "
                "than that is split", MAX_ROUNDS)
    return labels


def copy_dict(row: dict[str, Any]) -> dict[str, Any]:
    """A copies-table row (its JSON columns as stored or decoded, as `read_copies` gives
    them) as the contract's copy dict that `corpus.origin` reads."""
    def decoded(value: Any) -> Any:
        return json.loads(value) if isinstance(value, str) else value

    return {"id": f"{row['source']}>{row['target']}", "source": row["source"], "target": row["target"],
            "kind": row["kind"], "direction": row["direction"], "score": row["score"],
            "evidence": decoded(row["evidence"]), "features": decoded(row["features"])}


def route_family(family: str, copies: Iterable[dict[str, Any]], published: dict[str, str | None]) -> tuple:
    """Executor side: one family's row (FAMILY_COLUMNS) from its copies (table rows) and
    its members' publication dates."""
    from newsprobe.corpus.origin import family_route

    among = [copy_dict(c) for c in copies]
    members = sorted({c["source"] for c in among} | {c["target"] for c in among})
    found = family_route(members, among, published)
    hops = [{"parent": r.parent, "child": r.child, "copy": r.copy["id"], "kind": r.copy["kind"],
             "reversed": r.reversed, "weight": r.weight, "reasons": r.reasons} for r in found["hops"]]
    return (family, len(members), found["original"], found["confidence"], found["margin"],
            found["runner_up"], dumps(members), dumps(found["reasons"]), dumps(hops), dumps(found["originals"]))


def run_families(spark, out: Path) -> int:
    """Copy families of a run whose copies are under `out/copies/` -> `out/families/`.
    Returns the number of families."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import DoubleType, LongType, StringType, StructField, StructType

    copies = spark.read.parquet(str(out / "copies"))
    labels = family_labels(spark, copies.select(F.col("source").alias("a"), F.col("target").alias("b")))
    dates = (spark.read.parquet(str(out / "articles")).select(F.col("article_id").alias("id"), "published")
             .dropDuplicates(["id"]))
    members = (labels.join(dates, "id", "left").rdd
               .map(lambda r: (r["family"], (r["id"], r["published"]))).groupByKey())
    by_family = (copies.join(labels.withColumnRenamed("id", "source"), "source").rdd
                 .map(lambda r: (r["family"], r.asDict())).groupByKey())
    rows = by_family.join(members).map(
        lambda kv: route_family(kv[0], kv[1][0], dict(kv[1][1])))
    schema = StructType([StructField(c, LongType() if c == "size" else DoubleType() if c == "margin"
                                     else StringType()) for c in FAMILY_COLUMNS])
    spark.createDataFrame(rows, schema).write.mode("overwrite").parquet(str(out / "families"))
    return spark.read.parquet(str(out / "families")).count()


def read_families(out: Path) -> list[dict]:
    """The families table as dicts, JSON columns decoded (for tests and small reports)."""
    import pyarrow.dataset as ds

    rows = ds.dataset(out / "families", format="parquet").to_table().to_pylist()
    for row in rows:
        for column in ("articles", "reasons", "route", "originals"):
            row[column] = json.loads(row[column])
    return rows
