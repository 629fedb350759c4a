"""Writers of analyses for the command line: one object or a list of JSON, JSON lines, the
terminal report, or one HTML page per article with an index; file names derived from each
article's input; the errors.jsonl of failed inputs. They write to standard output or to a
folder and import their renderer when made, so a missing one fails early and only for its
format."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import TextIO

from ..errors import NewsprobeError
from ..model import Analysis

DEFAULT_HTML_DIR = "newsprobe-html"
# Longest file name stem we derive from an article id (ids can be urls or long hashes).
MAX_STEM_CHARS = 120


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
    from .as_json import to_json
    return to_json(analysis)


def _to_jsonl_line(analysis: Analysis) -> str:
    from .as_json import to_jsonl_line
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
        from . import as_text
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
        from . import as_html
        from .report_index import IndexEntry
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
        from .report_index import render_index
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
