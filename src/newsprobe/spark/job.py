"""`newsprobe spark`: the batch analysis as an Apache Spark job, over the same functions.

Inputs (paths, directories, globs, or a manifest listing them) are expanded on the driver
into files; each file becomes one partition (`sc.parallelize(files, len(files))`), so a
Common Crawl segment of WARC files spreads over the cluster file by file. An executor reads
its file with `batch.sources.read_file`, analyses it in chunks with
`batch.chunk.analyse_chunk` (the same code `newsprobe batch` runs; every record becomes
rows or an error row), and returns rows tagged with their table. The spaCy pipeline is
loaded once per Python worker process: `parse.load_pipeline` caches it at module level and
Spark reuses its Python workers between tasks (`spark.python.worker.reuse`, on by default).

The rows are written as Parquet under `OUT/<table>/` with the schemas of `batch.tables`,
so a DuckDB or Spark query reads batch and Spark output alike.

Run it locally (`newsprobe spark INPUT --out DIR`, `--master local[4]`) or submit this file
to a cluster: see docs/spark.md. Inputs must be readable at the same path on every executor
(a shared or mounted filesystem); executors need newsprobe and its spaCy pipeline installed.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

from newsprobe.batch.sources import input_files, read_file, read_manifest
from newsprobe.batch.tables import SCHEMAS, TABLES, error_row, spark_schema
from newsprobe.errors import NewsprobeError
from newsprobe.settings import Settings
from newsprobe.spark.arguments import add_arguments

log = logging.getLogger(__name__)

STATS = "_stats"  # tag of the per-file WARC counts an executor sends back with its rows


def run_spark(spark, inputs: list[str], out: Path, settings: Settings | None = None) -> dict:
    """Analyse `inputs` on the cluster behind `spark` into Parquet tables under `out`
    (overwritten). Returns counts: rows per table, and the WARC record counts."""
    from pyspark import StorageLevel

    settings = settings or Settings()
    tasks = []
    for item in input_files(inputs):
        if isinstance(item, NewsprobeError):
            tasks.append(("error", json.dumps(error_row(item))))
        else:
            kind, path = item
            tasks.append((kind, os.path.abspath(path)))
    if not tasks:
        raise NewsprobeError("E001", "no inputs to analyse", " ".join(inputs))
    values = asdict(settings)
    rows = (spark.sparkContext
            .parallelize(tasks, numSlices=len(tasks))
            .mapPartitions(lambda part: analyse_partition(part, values))
            .persist(StorageLevel.MEMORY_AND_DISK))
    try:
        for table in TABLES:
            columns = SCHEMAS[table].names
            table_rows = (rows.filter(lambda tagged, t=table: tagged[0] == t)
                          .map(lambda tagged, c=columns: tuple(tagged[1].get(k) for k in c)))
            frame = spark.createDataFrame(table_rows, schema=spark_schema(table))
            frame.write.mode("overwrite").parquet(str(out / table))
        stats = [s for tag, s in rows.filter(lambda tagged: tagged[0] == STATS).collect()]
    finally:
        rows.unpersist()
    counts = _sum_stats(stats)
    counts["partitions"] = len(tasks)
    return counts


def analyse_partition(tasks: Iterator[tuple[str, str]], settings_values: dict) -> Iterator[tuple[str, dict]]:
    """Executor side: (table, row) for every record of the partition's files."""
    from newsprobe.batch.chunk import analyse_chunk
    from newsprobe.ingest.warc import WarcStats

    settings = Settings(**settings_values)
    for kind, path in tasks:
        rows_per_table = dict.fromkeys(TABLES, 0)
        if kind == "error":
            yield "errors", json.loads(path)
            rows_per_table["errors"] += 1
            yield STATS, {"rows": rows_per_table}
            continue
        stats = WarcStats()
        chunk: list = []
        for record in read_file(kind, path, settings, stats):
            chunk.append(record)
            if len(chunk) >= settings.batch_chunk_articles:
                yield from _tagged(analyse_chunk(chunk, settings), rows_per_table)
                chunk = []
        if chunk:
            yield from _tagged(analyse_chunk(chunk, settings), rows_per_table)
        # Counts travel with the rows, so the driver needs no extra pass to report them.
        yield STATS, {"rows": rows_per_table, **({"warc": stats.to_dict()} if kind == "warc" else {})}


def _tagged(rows: dict[str, list[dict]], counts: dict[str, int]) -> Iterator[tuple[str, dict]]:
    for table, table_rows in rows.items():
        counts[table] += len(table_rows)
        for row in table_rows:
            yield table, row


def _sum_stats(stats: list[dict]) -> dict:
    """{"rows": {table: n}, "warc": {...}} summed over files, nested dicts included."""
    def add(total: dict, part: dict) -> None:
        for key, value in part.items():
            if isinstance(value, dict):
                add(total.setdefault(key, {}), value)
            else:
                total[key] = total.get(key, 0) + value

    total: dict = {"rows": dict.fromkeys(TABLES, 0), "warc": {}}
    for s in stats:
        add(total, s)
    return total


def session(master: str | None = None, app_name: str = "newsprobe", **conf: str):
    """A SparkSession: the cluster's when launched by spark-submit, else local mode
    (`master`, default local[*]) for a laptop run. `conf`: extra Spark settings."""
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    for key, value in conf.items():
        builder = builder.config(key, value)
    if master or not SparkConf().contains("spark.master"):
        builder = builder.master(master or "local[*]")
        if (master or "local").startswith("local"):
            # Local workers must run this interpreter (the one newsprobe is installed in),
            # not whichever `python3` is first on PATH.
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return builder.getOrCreate()


# --- command line (also the entry point for spark-submit) ---------------------------------

def run_command(args: argparse.Namespace) -> int:
    """`newsprobe spark ...` and `spark-submit job.py ...`: prints, unlike run_spark."""
    inputs = list(args.paths)
    try:
        if args.manifest:
            inputs += read_manifest(args.manifest)
        if not inputs:
            print("error: give INPUT paths or --manifest FILE", file=sys.stderr)
            return 2
        settings = Settings.load(model=args.model, batch_chunk_articles=args.chunk_size)
        spark = session(args.master)
        spark.sparkContext.setLogLevel("ERROR")
        try:
            counts = run_spark(spark, inputs, Path(args.out), settings)
            if getattr(args, "copies", False):
                from newsprobe.spark.corpus import run_copies

                from newsprobe.spark.families import run_families

                counts["copies"] = run_copies(spark, Path(args.out), settings)
                counts["families"] = run_families(spark, Path(args.out))
        finally:
            spark.stop()
    except NewsprobeError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except ImportError as exc:
        print(f"error: pyspark is not installed ({exc}); install newsprobe[spark]",
              file=sys.stderr)
        return 2
    rows = counts["rows"]
    print(f"{rows['articles']} analysed, {rows['errors']} failed, "
          f"{counts['partitions']} input partitions; tables in {args.out}", file=sys.stderr)
    if "copies" in counts:
        print(f"{counts['copies']} copies found (DIR/copies/), in {counts['families']} families "
              "(DIR/families/)", file=sys.stderr)
    return 1 if rows["errors"] else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newsprobe-spark", description=__doc__.split("\n")[0])
    add_arguments(parser)
    logging.basicConfig(level=logging.WARNING)
    return run_command(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
