"""`newsprobe analyze`: analyse articles and print or write one result per article."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from ..errors import NewsprobeError
from ..model import Article
from ..progress import progress_bar
from ..render.writers import DEFAULT_HTML_DIR
from ..settings import Settings
from .common import add_workers_argument, error

FORMATS = ("text", "json", "jsonl", "html")


def add_parser(commands) -> None:
    analyze = commands.add_parser(
        "analyze", help="analyse articles (.txt, .html, .jsonl files, directories, - for stdin)",
        description="Analyse articles and print (or write) one newsprobe.article/2 result "
                    "per article. Failed inputs are named on stderr; the rest go on.")
    analyze.add_argument("paths", nargs="+", metavar="PATH",
                         help="a .txt/.html/.htm/.jsonl file, a directory (recursive), or -")
    analyze.add_argument("--format", choices=FORMATS, default="text",
                         help="text: terminal report (default); json: one object, or a list "
                              "for several articles; jsonl: one object a line; html: one page "
                              "per article")
    analyze.add_argument("--out", metavar="DIR",
                         help="write results (json, jsonl, html) and errors.jsonl into DIR "
                              f"(html defaults to {DEFAULT_HTML_DIR}/)")
    analyze.add_argument("--model", metavar="NAME",
                         help="spaCy pipeline to use (default: setting `model`, NEWSPROBE_MODEL)")
    analyze.add_argument("--factchecks", metavar="INDEX",
                         help="fact-check index folder (from `newsprobe factcheck build`): "
                              "fill claims[].factchecks with the best matches")
    analyze.add_argument("--outlets", metavar="FILE",
                         help="outlet index (from `newsprobe outlets build`): quality scores and "
                              "disinformation cases for the publisher and cited media")
    add_workers_argument(analyze)
    analyze.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..render.writers import HtmlWriter, make_writer, write_errors
    from ..ingest import count_inputs, read_inputs
    from ..parse import resolve_pipeline_name
    from ..workers import AnalysisPool
    from .batch import memory_line

    settings = Settings.load(model=args.model, factcheck_index=args.factchecks,
                             outlet_index=args.outlets, workers=args.workers)
    try:
        resolve_pipeline_name(settings.model or None)
        if settings.outlet_index:  # a bad index fails now, not after the first article
            from ..outlets.index import load_outlet_index
            load_outlet_index(settings.outlet_index)
        if settings.factcheck_index:  # a bad index fails now, not after the first article
            from ..factcheck import load_index
            load_index(settings.factcheck_index)
        writer = make_writer(args.format, Path(args.out) if args.out else None,
                             single=_single_article(args.paths))
    except NewsprobeError as err:
        error(err)
        return 2
    except ImportError as exc:
        error(f"the {args.format} format is not available: {exc}")
        return 2

    failures: list[NewsprobeError] = []
    analysed = 0
    show_progress = sys.stderr.isatty()
    total = count_inputs(args.paths) if show_progress else 0
    with progress_bar("analysing", total, show_progress and total > 1) as tick:
        def articles() -> Iterator[Article]:
            for item in read_inputs(args.paths, settings):
                if isinstance(item, NewsprobeError):
                    failures.append(item)
                    error(item)
                    tick()
                else:
                    yield item

        try:
            with AnalysisPool(settings) as pool:
                for analysis in pool.analyze_each(articles()):
                    if isinstance(analysis, NewsprobeError):  # this input alone fails
                        failures.append(analysis)
                        error(analysis)
                    else:
                        writer.add(analysis)
                        analysed += 1
                    tick()
                used = pool.memory_report()
        except NewsprobeError as err:  # E010: the pipeline failed to load
            error(err)
            return 2
    if isinstance(writer, HtmlWriter):
        writer.failed(failures)
    writer.close()
    if args.out:
        write_errors(Path(args.out), failures)
    print(f"{analysed} analysed, {len(failures)} failed", file=sys.stderr)
    if used["workers"] > 1:
        print(memory_line(used["workers"], used["worker_peak_rss_mb"]), file=sys.stderr)
    return 1 if failures else 0


def _single_article(paths: list[str]) -> bool:
    """One input that can only hold one article: `--format json` then prints an object,
    not a list, whether or not it is analysed."""
    if len(paths) != 1:
        return False
    path = Path(paths[0])
    return paths[0] == "-" or (path.is_file() and path.suffix.lower() in (".txt", ".html", ".htm"))
