"""`newsprobe corpus`: analyse into a store, then stories, copies, changes and claim links."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import NewsprobeError
from ..progress import stage_progress
from ..settings import Settings
from .common import DEFAULT_CORPUS_DB, error

CORPUS_FORMATS = ("text", "json", "html")


def add_parser(commands) -> None:
    corpus = commands.add_parser(
        "corpus", help="stories, copies, changes and claim links across articles",
        description="Analyse the articles the store does not hold yet (by content hash), store "
                    "them, and report stories, copies (verbatim, rewritten, partial) with what "
                    "changed between versions, and claims repeated across articles.")
    corpus.add_argument("paths", nargs="+", metavar="PATH",
                        help="a .txt/.html/.htm/.jsonl file, a directory (recursive), or -")
    corpus.add_argument("--db", metavar="FILE", default=DEFAULT_CORPUS_DB,
                        help=f"SQLite store to read and update (default: {DEFAULT_CORPUS_DB})")
    corpus.add_argument("--format", choices=CORPUS_FORMATS, default="text",
                        help="text: terminal summary (default); json: the newsprobe.corpus/2 "
                             "object; html: the story report page")
    corpus.add_argument("--out", metavar="DIR",
                        help="write corpus.json / corpus.html and errors.jsonl into DIR")
    corpus.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..corpus.run import run_corpus
    from ..render.writers import print_rich, write_errors

    settings = Settings.load()
    show_progress = sys.stderr.isatty()
    try:
        with stage_progress(show_progress) as progress:
            run = run_corpus(args.paths, args.db, settings, progress=progress)
    except NewsprobeError as err:
        error(err)
        return 2
    for failure in run.failures:
        error(failure)
    out = Path(args.out) if args.out else None
    if args.format == "json":
        text = json.dumps(run.result, ensure_ascii=False, indent=2) + "\n"
    elif args.format == "html":
        from ..render.corpus_html import render as render_html
        text = render_html(run.result)
    else:
        text = None
    if out:
        out.mkdir(parents=True, exist_ok=True)
        if text is not None:
            path = out / ("corpus.json" if args.format == "json" else "corpus.html")
            path.write_text(text, encoding="utf-8")
            print(path)
        write_errors(out, run.failures)
    if text is None:
        from ..render.corpus_text import render as render_text
        print_rich(lambda console: render_text(run.result, console))
    elif not out:
        sys.stdout.write(text)
    print(f"{run.analysed} analysed, {run.reused} reused from {args.db}, {len(run.failures)} failed",
          file=sys.stderr)
    if run.run_id is None:
        print(f"no article to group: nothing stored, the latest corpus run in {args.db} is "
              "unchanged", file=sys.stderr)
    return 1 if run.failures else 0
