"""`newsprobe outlets build|show`: build an outlet index, look an outlet up."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import NewsprobeError
from ..settings import Settings
from .common import error


def add_parser(commands) -> None:
    outlets = commands.add_parser(
        "outlets", help="outlet context: build an outlet index, look an outlet up",
        description="Outlet context is a prior about an outlet (ownership, a domain quality "
                    "score, disinformation cases naming it), never a verdict on an article.")
    actions = outlets.add_subparsers(dest="action", required=True, metavar="ACTION")
    build = actions.add_parser(
        "build", help="index domain_pc1.csv and euvsdisinfo_posts_2021.csv from a folder",
        description="Build an outlet index file from DIR: domain_pc1.csv (Lin et al. 2023 "
                    "domain quality) and/or euvsdisinfo_posts_2021.csv (EUvsDisinfo cases).")
    build.add_argument("folder", metavar="DIR")
    build.add_argument("--out", metavar="FILE", required=True, help="index file to write")
    build.set_defaults(run=run_build)
    show = actions.add_parser("show", help="what is known of an outlet (a domain or a name)")
    show.add_argument("outlet", metavar="OUTLET", help="a domain (tass.com) or a name (TASS)")
    show.add_argument("--index", metavar="FILE", help="outlet index (default: setting outlet_index)")
    show.set_defaults(run=run_show)


def run_build(args: argparse.Namespace) -> int:
    from ..outlets.index import OutletIndex

    try:
        index = OutletIndex.build(Path(args.folder))
        index.save(Path(args.out))
    except NewsprobeError as err:
        error(err)
        return 2
    print(f"indexed {len(index.quality)} domain scores and cases naming {len(index.disinfo)} "
          f"outlets into {args.out}", file=sys.stderr)
    return 0


def run_show(args: argparse.Namespace) -> int:
    from ..layers.outlets import resolve_outlet
    from ..outlets.index import load_outlet_index

    settings = Settings.load(outlet_index=args.index)
    try:
        index = load_outlet_index(settings.outlet_index) if settings.outlet_index else None
    except NewsprobeError as err:
        error(err)
        return 2
    record = resolve_outlet(args.outlet, index).to_dict()
    for key in ("role", "found_by"):  # about an article's outlets, not a lookup
        record.pop(key)
    print(json.dumps(record, ensure_ascii=False, indent=2))
    return 0
