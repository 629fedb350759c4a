"""What an analysis was made with, as two short hashes recorded in `meta`.

- `settings_hash`: the settings that change an analysis's findings, by their place in
  defaults.toml. The sections of other stages (corpus, batch, web), of how the work is done
  (workers, and parse.pipe_batch_size) and of whether an input is taken at all (ingest) are
  left out, so that changing them does not make every stored analysis stale. `parse.model`
  is left out too: the pipeline it resolves to is in the models hash.
- `models_hash`: the spaCy pipeline (name and version), MiniLM's files, the model heads and
  lexicons shipped in the package, and the fact-check index when one is set (its files'
  names, sizes and modification times).

With the layer versions they make the store's reuse key: an analysis is reused only when
all three match, so changing a setting, a model or the index means re-analysis.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .settings import Settings

# Settings whose value cannot change an analysis's findings (see the module docstring), by
# their place in defaults.toml, and the sections left out whole.
NOT_IN_SETTINGS_HASH = frozenset({"parse.model", "parse.pipe_batch_size"})
SECTIONS_NOT_IN_SETTINGS_HASH = frozenset({"ingest", "corpus", "batch", "web", "workers"})
# Files above this size are identified by name and size instead of their bytes: hashing
# MiniLM's 90 MB of weights would add a few tenths of a second to every process start.
LARGE_FILE_BYTES = 1_000_000
HASH_CHARS = 16


def analysis_settings(settings: Settings) -> dict:
    """The settings that change an analysis, by their place in defaults.toml."""
    return {path: value for path, value in sorted(settings.by_path().items())
            if path not in NOT_IN_SETTINGS_HASH
            and path.split(".")[0] not in SECTIONS_NOT_IN_SETTINGS_HASH}


def settings_hash(settings: Settings) -> str:
    return _digest(analysis_settings(settings))


def models_hash(settings: Settings, pipeline: str) -> str:
    """`pipeline`: the spaCy pipeline's label (`parse.pipeline_label`, as in meta["model"])."""
    index = _folder_signature(Path(settings.factcheck_index)) if settings.factcheck_index else None
    outlets = _file_signature(Path(settings.outlet_index)) if settings.outlet_index else None
    return _digest({"pipeline": pipeline, "packaged": _packaged_models(), "minilm": _minilm(),
                    "factcheck_index": index, "outlet_index": outlets})


def _digest(value) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_CHARS]


@lru_cache(maxsize=1)
def _packaged_models() -> str:
    """The model heads and lexicons that ship in the package (a few MB), by their bytes,
    those of every encoder depth included (`models/layers{k}/`, named by their path in it)."""
    root = resources.files("newsprobe")
    h = hashlib.sha256()
    for folder in (root / "models", root / "layers" / "lexicons"):
        for name, item in _files_under(folder):
            if not name.endswith((".py", ".pyc")):
                h.update(name.encode("utf-8") + b"\0" + item.read_bytes())
    return h.hexdigest()[:HASH_CHARS]


def _files_under(folder, prefix: str = "") -> list:
    """(path relative to `folder`, file) of every file below it, sorted by path."""
    out = []
    for item in folder.iterdir():
        if item.is_file():
            out.append((prefix + item.name, item))
        elif item.is_dir() and item.name != "__pycache__":
            out += _files_under(item, f"{prefix}{item.name}/")
    return sorted(out, key=lambda pair: pair[0])


@lru_cache(maxsize=1)
def _minilm() -> str:
    from .embeddings import model_dir
    from .errors import NewsprobeError
    try:
        return _file_digest(model_dir())
    except NewsprobeError:   # not installed: the layers that need it fail on their own
        return "not installed"


def _file_digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        size = path.stat().st_size
        h.update(f"{path.relative_to(folder).as_posix()}\0{size}\0".encode("utf-8"))
        if size <= LARGE_FILE_BYTES:
            h.update(path.read_bytes())
    return h.hexdigest()[:HASH_CHARS]


def _file_signature(path: Path) -> list:
    """An outlet index is one file, rebuilt in place: its size and time tell versions apart."""
    if not path.is_file():
        return [str(path), None]
    return [str(path.resolve()), path.stat().st_size, path.stat().st_mtime_ns]


def _folder_signature(folder: Path) -> list:
    """A fact-check index is rebuilt in place: its files' sizes and times tell versions apart
    without reading them (an index can be hundreds of MB)."""
    if not folder.is_dir():
        return [str(folder), None]
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return [str(folder.resolve()),
            [[p.relative_to(folder).as_posix(), p.stat().st_size, p.stat().st_mtime_ns] for p in files]]
