"""The command line: thin commands that check arguments, call the library and print.

Exit codes: 0 all inputs analysed; 1 some input failed (each one named on stderr, the rest
analysed); 2 the command could not run (bad arguments, no spaCy pipeline, no data set).
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from .. import __version__
from ..errors import NewsprobeError
from ..progress import progress_bar, stage_progress
from ..model import Analysis, Article
from ..settings import Settings

FORMATS = ("text", "json", "jsonl", "html")
DEFAULT_HTML_DIR = "newsprobe-html"
DEFAULT_DATA_ROOT = Path("..") / "shared" / "data"
# Longest file name stem we derive from an article id (ids can be urls or long hashes).
MAX_STEM_CHARS = 120


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or argparse's own usage error (code 2)
        return exc.code if isinstance(exc.code, int) else 2
    try:
        return args.run(args)
    except NewsprobeError as err:  # one the command does not handle itself: a bad setting (E050, E051)
        _error(err)
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

    analyze = commands.add_parser(
        "analyze", help="analyse articles (.txt, .html, .jsonl files, directories, - for stdin)",
        description="Analyse articles and print (or write) one newsprobe.article/1 result "
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
    analyze.add_argument("--workers", type=int, metavar="N",
                         help="analysing processes (setting workers; 0: one per core, "
                              "1: this process only)")
    analyze.set_defaults(run=cmd_analyze)

    evaluate = commands.add_parser(
        "eval", help="measure quality on a public data set",
        description="Run newsprobe on a data set and print the metric it is known by.")
    evaluate.add_argument("set", metavar="SET", help="data set, e.g. polnear")
    evaluate.add_argument("--data", metavar="DIR",
                          help=f"data set directory (default: {DEFAULT_DATA_ROOT}/SET)")
    evaluate.add_argument("--split", default="dev", help="split to evaluate (default: dev)")
    evaluate.add_argument("--json", action="store_true", help="print the result as JSON")
    evaluate.add_argument("--limit", type=_positive_int, metavar="N",
                          help="evaluate only the first N documents")
    evaluate.add_argument("--task", help="sub-task, for sets that have several (ptc: si or tc)")
    evaluate.set_defaults(run=cmd_eval)
    _add_factcheck_parser(commands)
    _add_export_parser(commands)
    _add_outlets_parser(commands)
    _add_corpus_parser(commands)
    _add_serve_parser(commands)
    _add_scale_parsers(commands)
    return parser


def _add_scale_parsers(commands) -> None:
    """`batch` and `spark`: their commands live with their packages (batch/command.py,
    spark/command.py), which import nothing heavy until they run."""
    from ..batch import command as batch_command
    from ..spark import command as spark_command

    batch_command.add_parser(commands)
    spark_command.add_parser(commands)


def _positive_int(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def _error(message: str | NewsprobeError) -> None:
    print(f"error: {message}", file=sys.stderr)


# --- analyze ------------------------------------------------------------------------

def cmd_analyze(args: argparse.Namespace) -> int:
    from ..batch.command import memory_line
    from ..ingest import count_inputs, read_inputs
    from ..parse import resolve_pipeline_name
    from ..workers import AnalysisPool

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
        _error(err)
        return 2
    except ImportError as exc:
        _error(f"the {args.format} format is not available: {exc}")
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
                    _error(item)
                    tick()
                else:
                    yield item

        try:
            with AnalysisPool(settings) as pool:
                for analysis in pool.analyze_each(articles()):
                    if isinstance(analysis, NewsprobeError):  # this input alone fails
                        failures.append(analysis)
                        _error(analysis)
                    else:
                        writer.add(analysis)
                        analysed += 1
                    tick()
                used = pool.memory_report()
        except NewsprobeError as err:  # E010: the pipeline failed to load
            _error(err)
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


def make_writer(fmt: str, out: Path | None, single: bool) -> "Writer":
    """The writer for a format; imports its renderer now, so a missing one fails early and
    only for that format."""
    if fmt == "json":
        return JsonWriter(out, single)
    if fmt == "jsonl":
        return JsonlWriter(out)
    if fmt == "html":
        return HtmlWriter(out or Path(DEFAULT_HTML_DIR))
    return TextWriter()


class Writer:
    def add(self, analysis: Analysis) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass


def print_rich(draw) -> None:
    """Run `draw(console)` onto stdout. On a terminal rich writes colour directly; into a
    pipe or file the lines lose the padding rich's tables leave at their ends, which shows
    up in every diff and grep."""
    from rich.console import Console
    if sys.stdout.isatty():
        draw(Console(file=sys.stdout))
        return
    import io
    buffer = io.StringIO()
    draw(Console(file=buffer, width=Console(file=sys.stdout).width))
    sys.stdout.write("".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines()))


def _to_json(analysis: Analysis) -> str:
    from ..render.as_json import to_json
    return to_json(analysis)


def _to_jsonl_line(analysis: Analysis) -> str:
    from ..render.as_json import to_jsonl_line
    return to_jsonl_line(analysis)


class JsonWriter(Writer):
    """stdout: one object for a single article, else a list streamed as it grows; with
    --out, one <id>.json file per article."""

    def __init__(self, out: Path | None, single: bool):
        self.out, self.single, self.count = out, single, 0
        self.names = FileNames(out, ".json") if out else None

    def add(self, analysis: Analysis) -> None:
        self.count += 1
        if self.names:
            self.names.next(report_stem(analysis)).write_text(_to_json(analysis) + "\n",
                                                              encoding="utf-8")
        elif self.single:
            sys.stdout.write(_to_json(analysis) + "\n")
        else:
            sys.stdout.write(("[\n" if self.count == 1 else ",\n") + _to_json(analysis))

    def close(self) -> None:
        if not self.names and not self.single:
            sys.stdout.write("\n]\n" if self.count else "[]\n")


class JsonlWriter(Writer):
    """One object a line on stdout, or in --out/analyses.jsonl."""

    def __init__(self, out: Path | None):
        self.file: TextIO = sys.stdout
        if out:
            out.mkdir(parents=True, exist_ok=True)
            self.file = (out / "analyses.jsonl").open("w", encoding="utf-8")

    def add(self, analysis: Analysis) -> None:
        self.file.write(_to_jsonl_line(analysis) + "\n")

    def close(self) -> None:
        if self.file is not sys.stdout:
            self.file.close()


class TextWriter(Writer):
    def __init__(self):
        from ..render import as_text
        self.render = as_text.render
        self.analyses: list[Analysis] = []

    def add(self, analysis: Analysis) -> None:
        self.analyses.append(analysis)

    def close(self) -> None:
        print_rich(lambda console: self.render(self.analyses, console))


class HtmlWriter(Writer):
    """One self-contained page per article in `out`, named after its input, and an
    index.html listing them (and, after `failed()`, the inputs that failed); the paths
    written go to stdout."""

    def __init__(self, out: Path):
        from ..render import as_html
        from ..render.report_index import IndexEntry
        self.render, self.entry = as_html.render, IndexEntry
        self.names = FileNames(out, ".html")
        self.entries: list = []
        self.failures: list[NewsprobeError] = []

    def add(self, analysis: Analysis) -> None:
        path = self.names.next(report_stem(analysis))
        path.write_text(self.render(analysis), encoding="utf-8")
        # The index needs the counts and the headline, not the text: keep it light.
        self.entries.append(self.entry(path.name, _without_text(analysis)))
        sys.stdout.write(f"{path}\n")

    def failed(self, failures: list[NewsprobeError]) -> None:
        self.failures = failures

    def close(self) -> None:
        from ..render.report_index import render_index
        index = self.names.directory / "index.html"
        index.write_text(render_index(self.entries, self.failures), encoding="utf-8")
        sys.stdout.write(f"{index}\n")


def _without_text(analysis: Analysis) -> Analysis:
    from dataclasses import replace
    return replace(analysis, text="", entities=[], meta={"origin": analysis.meta.get("origin")})


def report_stem(analysis: Analysis) -> str:
    """A report file's name: the input's file name without its suffix ("01_rumour"), with
    the line of a JSONL record or the offset of a WARC record ("wires-3"), else the id."""
    origin = str(analysis.meta.get("origin") or "")
    if not origin or origin.startswith("<"):
        return analysis.id
    record = re.search(r"[:@](\d+)$", origin)
    name, line = (origin[:record.start()], record.group(1)) if record else (origin, "")
    stem = Path(name).stem
    if not stem:
        return analysis.id
    return f"{stem}-{line}" if line else stem


class FileNames:
    """Filesystem-safe, unique file names in `directory` derived from article ids."""

    def __init__(self, directory: Path, suffix: str):
        self.directory, self.suffix = directory, suffix
        self.used: set[str] = set()
        directory.mkdir(parents=True, exist_ok=True)

    def next(self, article_id: str) -> Path:
        stem = safe_stem(article_id)
        name, n = stem, 1
        while name.lower() in self.used:
            n += 1
            name = f"{stem}-{n}"
        self.used.add(name.lower())
        return self.directory / f"{name}{self.suffix}"


def safe_stem(article_id: str) -> str:
    """'sha1:0a1b…' -> 'sha1_0a1b…'; 'https://x.org/a?b' -> 'https_x.org_a_b'."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", article_id).strip("._-")[:MAX_STEM_CHARS]
    return stem or "article"


def write_errors(out: Path, failures: list[NewsprobeError]) -> None:
    """--out/errors.jsonl: one line per failed input (written, empty, when none failed)."""
    out.mkdir(parents=True, exist_ok=True)
    with (out / "errors.jsonl").open("w", encoding="utf-8") as f:
        for err in failures:
            f.write(json.dumps(err.to_dict(), ensure_ascii=False) + "\n")


# --- factcheck ----------------------------------------------------------------------

def _add_factcheck_parser(commands) -> None:
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
    build.set_defaults(run=cmd_factcheck_build)


def cmd_factcheck_build(args: argparse.Namespace) -> int:
    from ..factcheck import FactCheckIndex, read_any

    try:
        records = list(read_any(Path(args.input)))
        if not records:
            raise NewsprobeError("E001", "no fact-checks in the input", args.input)
        index = FactCheckIndex.build(records)
        index.save(Path(args.out))
    except NewsprobeError as err:
        _error(err)
        return 2
    print(f"indexed {len(index)} fact-checks into {args.out}", file=sys.stderr)
    return 0


# --- outlets ------------------------------------------------------------------------

def _add_outlets_parser(commands) -> None:
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
    build.set_defaults(run=cmd_outlets_build)
    show = actions.add_parser("show", help="what is known of an outlet (a domain or a name)")
    show.add_argument("outlet", metavar="OUTLET", help="a domain (tass.com) or a name (TASS)")
    show.add_argument("--index", metavar="FILE", help="outlet index (default: setting outlet_index)")
    show.set_defaults(run=cmd_outlets_show)


def cmd_outlets_build(args: argparse.Namespace) -> int:
    from ..outlets.index import OutletIndex

    try:
        index = OutletIndex.build(Path(args.folder))
        index.save(Path(args.out))
    except NewsprobeError as err:
        _error(err)
        return 2
    print(f"indexed {len(index.quality)} domain scores and cases naming {len(index.disinfo)} "
          f"outlets into {args.out}", file=sys.stderr)
    return 0


def cmd_outlets_show(args: argparse.Namespace) -> int:
    from ..layers.outlets import resolve_outlet
    from ..outlets.index import load_outlet_index

    settings = Settings.load(outlet_index=args.index)
    try:
        index = load_outlet_index(settings.outlet_index) if settings.outlet_index else None
    except NewsprobeError as err:
        _error(err)
        return 2
    record = resolve_outlet(args.outlet, index).to_dict()
    for key in ("role", "found_by"):  # about an article's outlets, not a lookup
        record.pop(key)
    print(json.dumps(record, ensure_ascii=False, indent=2))
    return 0


# --- export -------------------------------------------------------------------------

def _add_export_parser(commands) -> None:
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
    export.set_defaults(run=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from .. import export

    if bool(args.inputs) == bool(args.db):
        _error("export: give either analysis files or --db STORE")
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
        if args.what == "claimreview":
            drafts = list(export.claimreview_drafts(analyses))
            json.dump(drafts, out, ensure_ascii=False, indent=2)
            out.write("\n")
            count = len(drafts)
        elif args.what == "stories":
            if store is None:
                raise NewsprobeError("E041", "stories come from a corpus run: use --db STORE",
                                     ", ".join(args.inputs))
            count = export.write_csv(export.story_rows(store), export.STORY_COLUMNS, out)
        elif args.what == "claims":
            count = export.write_csv(export.claim_rows(analyses), export.CLAIM_COLUMNS, out)
        else:
            count = export.write_csv(export.quote_rows(analyses), export.QUOTE_COLUMNS, out)
    except NewsprobeError as err:
        _error(err)
        return 2
    finally:
        if store is not None:
            store.close()
        if out is not sys.stdout:
            out.close()
    print(f"exported {count} {args.what if args.what != 'claimreview' else 'ClaimReview drafts'}",
          file=sys.stderr)
    return 0


# --- corpus -------------------------------------------------------------------------

CORPUS_FORMATS = ("text", "json", "html")
DEFAULT_CORPUS_DB = "newsprobe.db"


def _add_corpus_parser(commands) -> None:
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
                        help="text: terminal summary (default); json: the newsprobe.corpus/1 "
                             "object; html: the story report page")
    corpus.add_argument("--out", metavar="DIR",
                        help="write corpus.json / corpus.html and errors.jsonl into DIR")
    corpus.set_defaults(run=cmd_corpus)


def cmd_corpus(args: argparse.Namespace) -> int:
    from ..corpus.run import run_corpus

    settings = Settings.load()
    show_progress = sys.stderr.isatty()
    try:
        with stage_progress(show_progress) as progress:
            run = run_corpus(args.paths, args.db, settings, progress=progress)
    except NewsprobeError as err:
        _error(err)
        return 2
    for failure in run.failures:
        _error(failure)
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


# --- serve ------------------------------------------------------------------------

def _add_serve_parser(commands) -> None:
    serve = commands.add_parser(
        "serve", help="web app and JSON API over a store",
        description="Serve the articles, quotes, claims, stories and speakers of a store as web "
                    "pages and a JSON API (docs/web.md). Binds to 127.0.0.1 unless told otherwise; "
                    "on any other address, writing (analysing new articles) needs a token.")
    serve.add_argument("--db", metavar="FILE", default=DEFAULT_CORPUS_DB,
                       help=f"SQLite store (default: {DEFAULT_CORPUS_DB}; created when missing, in a "
                            "folder that must exist)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--token", help="token that write requests must send (default: "
                                       "NEWSPROBE_TOKEN; generated and printed when the address "
                                       "is not a loopback one)")
    serve.add_argument("--max-body-bytes", type=_positive_int, metavar="N",
                       help="largest request body accepted (default: setting web_max_body_bytes)")
    serve.add_argument("--allow-host", action="append", metavar="NAME", default=[],
                       help="a host name the server answers besides loopback names and the bound "
                            "address (repeatable; setting web_allowed_hosts); any other Host header "
                            "gets a 421, which stops DNS-rebinding pages")
    serve.set_defaults(run=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    import os
    import secrets

    try:
        from ..web import WebConfig, create_app
        from ..web.safety import is_loopback
        from ..web.server import bind, serve
    except ImportError as exc:  # a slim install: the web app is the [web] extra
        _error(f"the web app needs the web extra ({exc}): pip install 'newsprobe[web]', or "
               "pip install -r requirements-web.lock in a clone")
        return 2

    settings = Settings.load()
    db = Path(args.db)
    if not db.parent.is_dir():  # a typo must not serve a new, empty store somewhere else
        _error(NewsprobeError("E020", f"the folder {str(db.parent)!r} does not exist (serve creates a missing "
                                      "store file, never folders)", str(db)))
        return 2
    token = args.token or os.environ.get("NEWSPROBE_TOKEN") or None
    try:
        sock = bind(args.host, args.port)  # before any "serving" line: a busy port is an error
        new = not db.exists()
        app = create_app(WebConfig(db=db, token=token, settings=settings, start_workers=True,
                                   max_body_bytes=args.max_body_bytes or settings.web_max_body_bytes,
                                   allowed_hosts=(args.host, *args.allow_host)))
    except NewsprobeError as err:
        _error(err)
        return 2
    if token is None and not is_loopback(args.host):
        token = app.state.config.token = secrets.token_urlsafe(24)
        print(f"write token (send as `Authorization: Bearer TOKEN`): {token}", file=sys.stderr)
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    print(f"newsprobe serving {args.db}{' (a new, empty store)' if new else ''} on http://{shown}:{port}/",
          file=sys.stderr)
    serve(app, sock, settings)
    return 0


# --- eval ---------------------------------------------------------------------------

def cmd_eval(args: argparse.Namespace) -> int:
    module = _eval_module(args.set)
    if module is None:
        sets = ", ".join(available_eval_sets()) or "none"
        _error(f"unknown data set {args.set!r}; available: {sets}")
        return 2
    # A module may read another set's folder (`rewrites` builds its benchmark from
    # `extraction`): it says so with DATA_SET.
    data_dir = Path(args.data) if args.data else DEFAULT_DATA_ROOT / getattr(module, "DATA_SET", args.set)
    try:
        if not data_dir.is_dir():
            raise NewsprobeError("E011", f"data set directory {data_dir} not found; pass "
                                 "--data DIR", args.set)
        extra = {"task": args.task} if args.task else {}
        result = module.evaluate(data_dir, args.split, limit=args.limit,
                                 progress=sys.stderr.isatty(), **extra)
    except NewsprobeError as err:
        _error(err)
        return 2
    print(json.dumps(result) if args.json else module.format_text(result))
    return 0


def _eval_module(name: str) -> Any | None:
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
        if not info.name.startswith("_") and _eval_module(info.name) is not None:
            names.append(info.name.replace("_", "-"))
    return sorted(names)


if __name__ == "__main__":
    sys.exit(main())
