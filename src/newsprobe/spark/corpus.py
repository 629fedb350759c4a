"""The corpus stage's copy detection on Spark: Spark ML `MinHashLSH` for candidates, then
the corpus module's own verification (`corpus.copies.verify`) on the executors.

Stage 1 mirrors `corpus.copies.candidate_pairs`: the same two feature families (word
3-shingles for verbatim and lightly edited copies, stopword 6-grams for spun copies, from
`corpus.fingerprints`), each hashed into a sparse binary vector, and Spark's
`approxSimilarityJoin` at the same low Jaccard threshold (`CopySettings.lsh_threshold`).
Stage 2 verifies every candidate pair with `corpus.copies.verify` (sentence alignment by
MiniLM embeddings), the sentence embeddings computed once per article and executor
process (`corpus.align.SentenceCache`).

Written as `OUT/copies/` Parquet: one row per verified copy (source and target article
ids, kind, direction, score, evidence/features/aligned pairs as JSON).

Stage 1 also adds each article's nearest neighbours by article embedding (title and
lead, MiniLM, as `corpus.run.doc_text`), found with `BucketedRandomProjectionLSH`: spun
copies share too few shingles for MinHash alone (the demo corpus's spun pair has word and
stopword Jaccard 0.15, under the 0.2 threshold).

Copy families (the likely original and the route) follow in `spark/families.py`. Not done
on Spark (the local `newsprobe corpus` command does them): the changes between versions
(they need full analyses, not table rows), stories and claim links.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from pathlib import Path

from newsprobe.batch.tables import dumps
from newsprobe.settings import Settings

# Hashed feature space for the LSH vectors: 2^20 buckets keep collisions between distinct
# shingles rare (a long article has a few thousand) at no cost, the vectors being sparse.
FEATURE_BUCKETS = 1 << 20
# Spark's MinHashLSH ORs single-hash tables: with 20 tables, a pair at the candidate
# threshold (Jaccard 0.2) collides in at least one with probability 1 - 0.8^20 = 0.99.
HASH_TABLES = 20

COPY_COLUMNS = ("source", "target", "kind", "direction", "score", "evidence", "features",
                "pairs")


def _features(text: str, family: str):
    from pyspark.ml.linalg import Vectors

    from newsprobe.corpus.fingerprints import stopword_ngrams, word_shingles

    grams = word_shingles(text) if family == "words" else stopword_ngrams(text)
    indices = sorted({zlib.crc32(g.encode("utf-8")) % FEATURE_BUCKETS for g in grams})
    return Vectors.sparse(FEATURE_BUCKETS, indices, [1.0] * len(indices)) if indices else None


def copy_candidates(spark, articles, lsh_threshold: float, neighbours: int = 5,
                    min_cosine: float = 0.6):
    """DataFrame (a, b) of article-id pairs, a < b: those whose word shingles or stopword
    n-grams reach Jaccard `lsh_threshold` by MinHash LSH, and each article's `neighbours`
    nearest articles by embedding with cosine >= `min_cosine` (as
    `corpus.copies.candidate_pairs`). `articles`: (article_id, title, text)."""
    from pyspark.ml.feature import MinHashLSH
    from pyspark.ml.linalg import VectorUDT
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType, StructField, StructType

    schema = StructType([StructField("id", StringType()), StructField("features", VectorUDT())])
    pairs = None
    for family in ("words", "stopwords"):
        rows = (articles.rdd
                .map(lambda r, fam=family: (r["article_id"], _features(r["text"], fam)))
                .filter(lambda r: r[1] is not None))
        frame = spark.createDataFrame(rows, schema).cache()
        model = MinHashLSH(inputCol="features", outputCol="hashes", numHashTables=HASH_TABLES,
                           seed=12345).fit(frame)
        joined = (model.approxSimilarityJoin(frame, frame, 1.0 - lsh_threshold, "distance")
                  .select(F.col("datasetA.id").alias("a"), F.col("datasetB.id").alias("b"))
                  .where(F.col("a") < F.col("b")))
        pairs = joined if pairs is None else pairs.union(joined)
    if neighbours > 0:
        pairs = pairs.union(embedding_neighbours(spark, articles, neighbours, min_cosine))
    return pairs.distinct()


def _embed_partition(rows: Iterator) -> Iterator[tuple]:
    """Executor side: the corpus stage's article vectors (title and lead, MiniLM)."""
    from pyspark.ml.linalg import Vectors

    from newsprobe.corpus.run import default_encoder, doc_text
    from newsprobe.model import Analysis

    encode = default_encoder()
    rows = list(rows)
    for start in range(0, len(rows), 64):
        batch = rows[start:start + 64]
        texts = [doc_text(Analysis(text=r["text"], id=r["article_id"], title=r["title"]))
                 for r in batch]
        for r, vector in zip(batch, encode(texts)):
            yield r["article_id"], Vectors.dense([float(x) for x in vector])


def embedding_neighbours(spark, articles, k: int, min_cosine: float):
    """Pairs (a < b) where one is among the other's k nearest by cosine >= min_cosine,
    found with Spark ML's BucketedRandomProjectionLSH: for unit vectors the Euclidean
    distance is sqrt(2 - 2 cos), so the cosine floor is a distance ceiling."""
    import math

    from pyspark.ml.feature import BucketedRandomProjectionLSH
    from pyspark.ml.linalg import VectorUDT
    from pyspark.sql import Window
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType, StructField, StructType

    schema = StructType([StructField("id", StringType()), StructField("vector", VectorUDT())])
    frame = spark.createDataFrame(articles.rdd.mapPartitions(_embed_partition), schema).cache()
    # Bucket width about the distance sought, several tables: near pairs share a bucket in
    # at least one table with high probability; the exact distance filters the rest.
    model = BucketedRandomProjectionLSH(inputCol="vector", outputCol="hashes",
                                        bucketLength=1.0, numHashTables=8, seed=12345).fit(frame)
    ceiling = math.sqrt(max(0.0, 2 - 2 * min_cosine))
    joined = (model.approxSimilarityJoin(frame, frame, ceiling, "distance")
              .select(F.col("datasetA.id").alias("x"), F.col("datasetB.id").alias("y"),
                      "distance")
              .where(F.col("x") != F.col("y")))
    nearest = (joined.withColumn("rank", F.row_number().over(
                   Window.partitionBy("x").orderBy("distance", "y")))
               .where(F.col("rank") <= k))
    return nearest.select(F.least("x", "y").alias("a"), F.greatest("x", "y").alias("b"))


def _copy_docs(pair) -> tuple:
    """The two articles of a candidate pair row as the copy checks read them: day-precise
    dates only, as in the local stage (datelines.day_precise), and the language (the checks
    ask more of two pages in one non-English language)."""
    from newsprobe.corpus.copies import CopyDoc
    from newsprobe.datelines import day_precise

    return tuple(CopyDoc(pair[side], pair[f"text_{side}"], day_precise(pair[f"published_{side}"]),
                         pair[f"language_{side}"]) for side in ("a", "b"))


def _edge_row(edge) -> tuple:
    """A copy edge as a row of the copies table (the schema of `run_copies`)."""
    return (edge.source, edge.target, edge.kind, edge.direction, float(edge.score),
            dumps(edge.evidence), dumps(edge.features), dumps([p.to_dict() for p in edge.pairs]))


def verify_partition(pairs: Iterator, settings_values: dict) -> Iterator[tuple]:
    """Executor side: `corpus.copies.verify` on each candidate pair of the partition."""
    from newsprobe.corpus.align import SentenceCache
    from newsprobe.corpus.copies import verify
    from newsprobe.corpus.run import copy_settings, default_encoder

    settings = copy_settings(Settings(**settings_values))
    sentences = SentenceCache(default_encoder())
    for pair in pairs:
        edge = verify(*_copy_docs(pair), sentences, settings)
        if edge is not None:
            yield _edge_row(edge)


def family_candidates(copies, with_texts):
    """The candidate pairs (with their texts) not linked as copies whose two articles are
    whole copies (not `partial`) of one third article, with that article as `via` (the
    lowest id, as `corpus.copies.family_copies` names it): the local stage's copy-family
    pass, as joins."""
    from pyspark.sql import functions as F

    whole = copies.where(F.col("kind") != "partial").select("source", "target")
    links = (whole.select(F.col("source").alias("x"), F.col("target").alias("n"))
             .union(whole.select(F.col("target").alias("x"), F.col("source").alias("n"))))
    pairs = (links.withColumnRenamed("x", "a").join(links.withColumnRenamed("x", "b"), "n")
             .where(F.col("a") < F.col("b")).groupBy("a", "b").agg(F.min("n").alias("via")))
    linked = copies.select(F.least("source", "target").alias("a"), F.greatest("source", "target").alias("b"))
    return with_texts.join(pairs.join(linked, ["a", "b"], "left_anti"), ["a", "b"])


def verify_family_partition(pairs: Iterator, settings_values: dict) -> Iterator[tuple]:
    """Executor side: the copy-family check of `corpus.copies.family_copies` on each pair of
    `family_candidates`: stopped by the aligned share alone, a copy under `family`."""
    from newsprobe.corpus.align import SentenceCache
    from newsprobe.corpus.copies import copy_decision, copy_edge, copy_evidence
    from newsprobe.corpus.run import copy_settings, default_encoder

    settings = copy_settings(Settings(**settings_values))
    sentences = SentenceCache(default_encoder())
    for pair in pairs:
        a, b = _copy_docs(pair)
        ev = copy_evidence(a, b, sentences, settings)
        if copy_decision(ev, settings) != (None, "aligned share"):
            continue
        kind, _ = copy_decision(ev, settings, family=True)
        if kind is None:
            continue
        yield _edge_row(copy_edge(a, b, ev, kind, sentences, settings,
                                  [f"copy family (both copies of {pair['via']})"]))


def run_copies(spark, out: Path, settings: Settings | None = None) -> int:
    """Copies among the articles of a finished run under `out` -> `out/copies/`. Returns the
    number of copies found."""
    from dataclasses import asdict

    from pyspark.sql import functions as F
    from pyspark.sql.types import DoubleType, StringType, StructField, StructType

    from newsprobe.corpus.run import copy_settings

    settings = settings or Settings()
    values = asdict(settings)
    # One row per distinct text: two inputs with the same text are one article (same id).
    articles = (spark.read.parquet(str(out / "articles"))
                .select("article_id", "title", "text", "published", "language")
                .dropDuplicates(["article_id"]))
    copy = copy_settings(settings)
    candidates = copy_candidates(spark, articles, copy.lsh_threshold, copy.neighbours,
                                 copy.neighbour_min_cosine)
    side = {name: articles.select(F.col("article_id").alias(name),
                                  F.col("text").alias(f"text_{name}"),
                                  F.col("published").alias(f"published_{name}"),
                                  F.col("language").alias(f"language_{name}"))
            for name in ("a", "b")}
    with_texts = candidates.join(side["a"], "a").join(side["b"], "b")
    edges = with_texts.rdd.mapPartitions(lambda part: verify_partition(part, values))
    schema = StructType([StructField(c, DoubleType() if c == "score" else StringType())
                         for c in COPY_COLUMNS])
    frame = spark.createDataFrame(edges, schema).cache()
    family = spark.createDataFrame(family_candidates(frame, with_texts).rdd.mapPartitions(
        lambda part: verify_family_partition(part, values)), schema)
    frame.unionByName(family).write.mode("overwrite").parquet(str(out / "copies"))
    return spark.read.parquet(str(out / "copies")).count()


def read_copies(out: Path) -> list[dict]:
    """The copies table as dicts, JSON columns decoded (for tests and small reports)."""
    import pyarrow.dataset as ds

    rows = ds.dataset(out / "copies", format="parquet").to_table().to_pylist()
    for row in rows:
        for column in ("evidence", "features", "pairs"):
            row[column] = json.loads(row[column])
    return rows
