"""`newsprobe eval SET`: run newsprobe on a public data set and print its metric."""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import pkgutil
import sys
from pathlib import Path
from typing import Any

from ..errors import NewsprobeError
from .common import error, positive_int

DEFAULT_DATA_ROOT = Path("..") / "shared" / "data"


def add_parser(commands) -> None:
    evaluate = commands.add_parser(
        "eval", help="measure quality on a public data set",
        description="Run newsprobe on a data set and print the metric it is known by.")
    evaluate.add_argument("set", metavar="SET", help="data set, e.g. polnear")
    evaluate.add_argument("--data", metavar="DIR",
                          help=f"data set directory (default: {DEFAULT_DATA_ROOT}/SET)")
    evaluate.add_argument("--split", help="split to evaluate (default: the set's own default, "
                          "dev where the set has one; quotes-ggt: all, or even/odd for its "
                          "tune and check halves by file position)")
    evaluate.add_argument("--json", action="store_true", help="print the result as JSON")
    evaluate.add_argument("--limit", type=positive_int, metavar="N",
                          help="evaluate only the first N documents")
    evaluate.add_argument("--task", help="sub-task, for sets that have several (ptc: si or tc)")
    evaluate.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    module = eval_module(args.set)
    if module is None:
        sets = ", ".join(available_eval_sets()) or "none"
        error(f"unknown data set {args.set!r}; available: {sets}")
        return 2
    # A module may read another set's folder (`rewrites` builds its benchmark from
    # `extraction`): it says so with DATA_SET.
    data_dir = Path(args.data) if args.data else DEFAULT_DATA_ROOT / getattr(module, "DATA_SET", args.set)
    try:
        if not data_dir.is_dir():
            raise NewsprobeError("E011", f"data set directory {data_dir} not found; pass "
                                 "--data DIR", args.set)
        extra = {"task": args.task} if args.task else {}
        # Sets without a dev part (msrp, stance: train only) default to the split their
        # evaluate() names, so `newsprobe eval msrp` runs without --split.
        split = args.split or inspect.signature(module.evaluate).parameters["split"].default
        result = module.evaluate(data_dir, split, limit=args.limit,
                                 progress=sys.stderr.isatty(), **extra)
    except NewsprobeError as err:
        error(err)
        return 2
    print(json.dumps(result) if args.json else module.format_text(result))
    return 0


def eval_module(name: str) -> Any | None:
    module_name = name.replace("-", "_")
    if not module_name.isidentifier():
        return None
    try:
        module = importlib.import_module(f"newsprobe.eval.{module_name}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("newsprobe.eval"):
            return None
        raise
    return module if callable(getattr(module, "evaluate", None)) else None


def available_eval_sets() -> list[str]:
    """Modules in newsprobe/eval/ that provide `evaluate`, named as the CLI takes them."""
    from .. import eval as eval_package

    names = []
    for info in pkgutil.iter_modules(eval_package.__path__):
        if not info.name.startswith("_") and eval_module(info.name) is not None:
            names.append(info.name.replace("_", "-"))
    return sorted(names)
