"""Batch inputs: command-line paths, directories and globs -> the files to read, and one
file -> its input records (Articles or the errors that stand for them).

Batch and Spark runs read through these two functions, so both see the same records with
the same origins (`file`, `file:LINE`, `file.warc.gz@OFFSET`), which is what resuming a run
and comparing two runs rely on.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Container, Iterator
from pathlib import Path

from ..errors import NewsprobeError
from ..ingest import read_inputs
from ..ingest.paths import STDIN, expand
from ..ingest.warc import WarcStats, read_warc
from ..model import Article
from ..settings import Settings

_GLOB_CHARS = set("*?[")


def input_files(patterns: list[str]) -> list[tuple[str, str] | NewsprobeError]:
    """(kind, path) for every file the inputs name, in order and each once; an error for
    an input that names none. A pattern with glob characters that is not itself a path is
    expanded (recursively with `**`), so quoted globs work where no shell expands them
    (Spark manifests, cron jobs).

    Paths (and the origins of errors about paths) are canonical: absolute, with symlinks
    and `..` resolved. Record origins, and so the ledger that resumes a run, are built
    from them: `in`, `./in` and `/abs/path/in` name the same records."""
    paths: list[str] = []
    for pattern in patterns:
        if pattern == STDIN:
            paths.append(pattern)
        elif _GLOB_CHARS & set(pattern) and not Path(pattern).exists():
            matches = sorted(glob.glob(pattern, recursive=True))
            paths.extend(matches or [pattern])  # no match: expand() reports it as missing
        else:
            paths.append(pattern)
    found: list[tuple[str, str] | NewsprobeError] = []
    seen: set[str] = set()
    for item in expand(paths):
        if isinstance(item, NewsprobeError):
            found.append(canonical_error(item))
        elif item[1] == STDIN:
            found.append(NewsprobeError("E006", "batch and Spark runs read files, not "
                                        "standard input (a resumed run must read the same "
                                        "input again)", STDIN))
        else:
            kind, path = item[0], canonical_path(item[1])
            if path not in seen:
                seen.add(path)
                found.append((kind, path))
    return found


def canonical_path(path: str) -> str:
    return os.path.realpath(path)


def canonical_error(err: NewsprobeError) -> NewsprobeError:
    """The error with its origin made canonical when it names a path (a missing input)."""
    if not err.origin or err.origin == STDIN:
        return err
    return NewsprobeError(err.code, err.message, canonical_path(err.origin))


def read_manifest(path: str) -> list[str]:
    """A manifest: one input path or glob a line; blank lines and # comments ignored."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise NewsprobeError("E007", f"manifest cannot be read: {exc.strerror or exc}",
                             path) from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def read_file(kind: str, path: str, settings: Settings, stats: WarcStats | None = None,
              done: Container[str] = ()) -> Iterator[Article | NewsprobeError]:
    """The records of one file, each an Article or the NewsprobeError that stands for it.
    WARC records whose origin is in `done` are skipped before extraction; other readers
    are cheap, so the caller filters their records itself."""
    if kind == "warc":
        try:
            yield from read_warc(path, settings.max_input_bytes, stats, done, settings)
        except OSError as exc:
            yield NewsprobeError("E007", f"cannot be read: {exc.strerror or exc}", path)
        return
    yield from read_inputs([path], settings)
