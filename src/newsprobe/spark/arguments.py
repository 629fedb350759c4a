"""The arguments of a Spark run, shared by `newsprobe spark` (cli/spark.py) and this
package's own entry point for spark-submit (job.py); light to import."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="INPUT",
                        help="files, directories or quoted globs (.txt .html .jsonl .warc "
                             ".warc.gz)")
    parser.add_argument("--manifest", metavar="FILE",
                        help="a text file listing inputs (paths or globs), one a line")
    parser.add_argument("--out", metavar="DIR", required=True,
                        help="output directory (its tables are overwritten)")
    parser.add_argument("--master", metavar="URL",
                        help="Spark master (default: spark-submit's, else local[*])")
    parser.add_argument("--model", metavar="NAME", help="spaCy pipeline to use")
    parser.add_argument("--copies", action="store_true",
                        help="also find copies among the articles (MinHash LSH candidates, "
                             "then the corpus module's verification) into DIR/copies/, and "
                             "their families (likely original, route) into DIR/families/")
    parser.add_argument("--chunk-size", type=int, metavar="N",
                        help="records analysed together in a task (setting "
                             "batch_chunk_articles)")
