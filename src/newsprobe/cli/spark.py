"""`newsprobe spark`: the batch analysis as a Spark job; light to import (pyspark and spaCy
load only when the command runs)."""

from __future__ import annotations

import argparse

from ..spark.arguments import add_arguments


def add_parser(commands) -> None:
    spark = commands.add_parser(
        "spark", help="analyse many inputs on Apache Spark into Parquet tables",
        description="Run the batch analysis as a Spark job (local mode by default; see "
                    "docs/spark.md to submit it to a cluster). Tables as `newsprobe batch`.")
    add_arguments(spark)
    spark.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..spark.job import run_command

    return run_command(args)
