"""The command line: one module per command, each a thin shell that checks arguments, calls
the library and prints. A command module has `add_parser(commands)` and imports nothing
heavy until its command runs, so `--version` and `--help` stay cheap.

Exit codes: 0 all inputs analysed; 1 some input failed (each one named on stderr, the rest
analysed); 2 the command could not run (bad arguments, no spaCy pipeline, no data set).
"""

from __future__ import annotations

import argparse
import sys

from .. import __version__
from ..errors import NewsprobeError
from . import analyze, batch, corpus, eval, export, factcheck, outlets, serve, spark
from .common import error

# In the order `newsprobe --help` lists them.
COMMANDS = (analyze, eval, factcheck, export, outlets, corpus, serve, batch, spark)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or argparse's own usage error (code 2)
        return exc.code if isinstance(exc.code, int) else 2
    try:
        return args.run(args)
    except NewsprobeError as err:  # one the command does not handle itself: a bad setting (E050, E051)
        error(err)
        return 2
    except BrokenPipeError:  # `newsprobe analyze ... | head`
        sys.stderr.close()
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsprobe",
        description="Read news the way a fact-checker does: who claims what, how it is "
                    "sourced, and how stories travel.")
    parser.add_argument("--version", action="version", version=f"newsprobe {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(commands)
    return parser
