"""`newsprobe batch`: check arguments, run, show progress, print a summary.

`batch.runner.run_batch` is the library function behind it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import NewsprobeError
from ..progress import counting_progress
from ..settings import Settings
from .common import add_workers_argument


def add_parser(commands) -> None:
    batch = commands.add_parser(
        "batch", help="analyse many inputs into Parquet tables, resumably",
        description="Analyse .txt/.html/.jsonl/.warc/.warc.gz files, directories and globs "
                    "into Parquet tables under DIR (articles, quotes, claims, techniques, "
                    "integrity, errors). Interrupted? Run the same command again: it skips "
                    "what is done.")
    batch.add_argument("paths", nargs="+", metavar="INPUT",
                       help="a file, a directory (recursive) or a quoted glob")
    batch.add_argument("--out", metavar="DIR", required=True, help="output directory")
    batch.add_argument("--model", metavar="NAME", help="spaCy pipeline to use")
    batch.add_argument("--chunk-size", type=int, metavar="N",
                       help="records per part file and ledger entry (setting "
                            "batch_chunk_articles)")
    add_workers_argument(batch)
    batch.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..parse import resolve_pipeline_name
    from ..batch.runner import run_batch

    settings = Settings.load(model=args.model, batch_chunk_articles=args.chunk_size,
                             workers=args.workers)
    if settings.batch_chunk_articles < 1:
        print("error: --chunk-size must be at least 1", file=sys.stderr)
        return 2
    try:
        resolve_pipeline_name(settings.model or None)
    except NewsprobeError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    # WARC files are not counted ahead, so the bar counts up instead of toward a total
    with counting_progress(("analysed", "failed"), sys.stderr.isatty()) as count:
        def on_record(error: NewsprobeError | None) -> None:
            if error is not None:  # named as it fails; errors.parquet keeps them all
                print(f"error: {error}", file=sys.stderr)
            count("analysed" if error is None else "failed")

        try:
            summary = run_batch(args.paths, Path(args.out), settings, on_record=on_record)
        except NewsprobeError as err:  # E010 while loading the pipeline
            print(f"error: {err}", file=sys.stderr)
            return 2
    d = summary.to_dict()
    rate = summary.articles / summary.seconds if summary.seconds else 0.0
    print(f"{d['articles']} analysed, {d['errors']} failed in {summary.seconds:.1f} s "
          f"({rate:.1f} articles/s)", file=sys.stderr)
    print(memory_line(d["workers"], d["worker_peak_rss_mb"]), file=sys.stderr)
    if summary.resumed:  # only then do this run's counts and the folder's differ
        print(f"resumed: {summary.skipped_files} files and {summary.skipped_records} records "
              f"were done already; {d['total_articles']} analysed and {d['total_errors']} "
              f"failed in {args.out} overall", file=sys.stderr)
    w = d["warc"]
    if w["responses"]:
        print(f"WARC: {w['responses']} responses, {w['articles']} HTML articles, skipped "
              f"{w['skipped_status']} non-200 and {w['skipped_type']} non-HTML",
              file=sys.stderr)
    return 1 if d["total_errors"] else 0


def memory_line(workers: int, peaks_mb: list[float]) -> str:
    """'2 worker processes, peak memory 1,105 MB, 1,098 MB' for a run's closing lines."""
    what = f"{workers} worker processes" if workers > 1 else "1 process"
    return f"{what}, peak memory " + ", ".join(f"{mb:,.0f} MB" for mb in peaks_mb)
