"""Command-line inputs -> the files to read, in order."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import NewsprobeError

STDIN = "-"
# suffix -> reader kind
SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
            ".warc": "warc"}


def kind_of(path: str | Path) -> str | None:
    # .warc.gz is the one double suffix: Common Crawl ships WARC files gzipped per record.
    if str(path).lower().endswith(".warc.gz"):
        return "warc"
    return SUFFIXES.get(Path(path).suffix.lower())


def walk(directory: Path) -> list[Path]:
    """Supported files under `directory`, recursively, in sorted path order; hidden files
    and directories are skipped, and so are symlinked directories (no loops)."""
    found: list[Path] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and kind_of(name):
                found.append(Path(root, name))
    return sorted(found, key=lambda p: p.relative_to(directory).parts)


def expand(paths: list[str]) -> Iterator[tuple[str, str] | NewsprobeError]:
    """(kind, path) for each file to read, or the error for an input that cannot be."""
    for given in paths:
        if given == STDIN:
            yield "text", STDIN
            continue
        path = Path(given)
        if path.is_dir():
            files = walk(path)
            if not files:
                yield NewsprobeError("E001", "the directory holds no .txt, .html, .htm, "
                                     ".jsonl, .warc or .warc.gz files", given)
            for file in files:
                yield kind_of(file), str(file)
        elif path.exists():
            kind = kind_of(path)
            if kind is None:
                yield NewsprobeError("E006", f"unsupported file type {path.suffix or '(none)'!r}; "
                                     "newsprobe reads .txt, .html, .htm, .jsonl, .warc and "
                                     ".warc.gz files, "
                                     "directories, and - for standard input", given)
            else:
                yield kind, given
        else:
            yield NewsprobeError("E007", "no such file or directory", given)
