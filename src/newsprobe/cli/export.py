"""`newsprobe export`: claims as ClaimReview drafts; claims, quotes or stories as CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import NewsprobeError
from .common import error


def add_parser(commands) -> None:
    from ..export import EXPORT_KINDS

    export = commands.add_parser(
        "export", help="claims as ClaimReview drafts; claims, quotes or stories as CSV",
        description="Write what newsprobe found in the form other tools read. claimreview: "
                    "one schema.org ClaimReview draft per claim (claim, claimant, where and "
                    "when it appeared; the rating left empty for the checker), as a JSON list. "
                    "claims, quotes: CSV, one row per claim or quote. stories: CSV, one row per "
                    "article of each story of the store's latest corpus run.")
    export.add_argument("what", choices=EXPORT_KINDS, metavar="WHAT",
                        help=", ".join(EXPORT_KINDS))
    export.add_argument("inputs", nargs="*", metavar="ANALYSIS",
                        help="`analyze --format json|jsonl` output files (instead of --db)")
    export.add_argument("--db", metavar="FILE", help="a newsprobe store (from `corpus`)")
    export.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    export.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from .. import export

    if bool(args.inputs) == bool(args.db):
        error("export: give either analysis files or --db STORE")
        return 2
    out = open(args.out, "w", encoding="utf-8", newline="") if args.out else sys.stdout
    store = None
    try:
        if args.db:
            from ..store import Store
            if not Path(args.db).is_file():
                raise NewsprobeError("E020", "no store at this path", args.db)
            store = Store.open(args.db, readonly=True)
            analyses = store.get_analyses(store.article_ids())
        else:
            analyses = export.read_analyses(args.inputs)
        count = export.write_export(args.what, analyses, out, store, source=", ".join(args.inputs))
    except NewsprobeError as err:
        error(err)
        return 2
    finally:
        if store is not None:
            store.close()
        if out is not sys.stdout:
            out.close()
    print(f"exported {count} {args.what if args.what != 'claimreview' else 'ClaimReview drafts'}",
          file=sys.stderr)
    return 0
