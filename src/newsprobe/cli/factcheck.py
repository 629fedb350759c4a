"""`newsprobe factcheck build`: index fact-checks for `analyze --factchecks`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import NewsprobeError
from .common import error


def add_parser(commands) -> None:
    factcheck = commands.add_parser(
        "factcheck", help="build a fact-check index for `analyze --factchecks`",
        description="Fact-check collections: build a hybrid (BM25 + MiniLM) index.")
    actions = factcheck.add_subparsers(dest="action", required=True, metavar="ACTION")
    build = actions.add_parser(
        "build", help="index fact-checks: schema.org ClaimReview (.json/.jsonld/.html), a JSONL "
                      "of fact-checks, or a CheckThat! 2020 verified_claims.docs.tsv",
        description="Build an index folder from INPUT, by its suffix: .json, .jsonld, .html "
                    "or .htm hold schema.org ClaimReview (one object, a list, an @graph, a "
                    "DataFeed or the Fact Check Tools `claims` shape; JSON-LD scripts of a "
                    "page); .tsv is the CheckThat! 2020 verified-claims TSV; anything else is "
                    "JSONL with `claim`, `rating`, `url`, `date` and optional `title`, "
                    "`reviewer`, `claimant` per line.")
    build.add_argument("input", metavar="INPUT")
    build.add_argument("--out", metavar="INDEX", required=True, help="index folder to write")
    build.set_defaults(run=run_build)


def run_build(args: argparse.Namespace) -> int:
    from ..factcheck import FactCheckIndex, read_any

    try:
        records = list(read_any(Path(args.input)))
        if not records:
            raise NewsprobeError("E001", "no fact-checks in the input", args.input)
        index = FactCheckIndex.build(records)
        index.save(Path(args.out))
    except NewsprobeError as err:
        error(err)
        return 2
    print(f"indexed {len(index)} fact-checks into {args.out}", file=sys.stderr)
    return 0
