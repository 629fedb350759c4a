"""What the commands share: how an error is printed, a positive-number argument, the
`--workers` option, the default store."""

from __future__ import annotations

import argparse
import sys

from ..errors import NewsprobeError

DEFAULT_CORPUS_DB = "newsprobe.db"


def positive_int(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def add_workers_argument(parser: argparse.ArgumentParser) -> None:
    """`--workers N` of the commands that analyse (analyze, batch): the `workers` setting."""
    parser.add_argument("--workers", type=int, metavar="N",
                        help="analysing processes (setting workers; 0: one per core, "
                             "1: this process only)")


def error(message: str | NewsprobeError) -> None:
    print(f"error: {message}", file=sys.stderr)
