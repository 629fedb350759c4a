"""The ledger of a batch run: which input records are done, in which part files.

A batch run writes each chunk's rows as one Parquet part file per table, each written to a
temporary name and renamed into place (a rename is atomic on one filesystem), and only
then appends one line to `_ledger.jsonl` naming the part and the input keys (origins) it
holds. The line is flushed and fsynced: a record counts as done exactly when its ledger
line is on disk.

On restart, `Ledger.recover()` reads the ledger (a torn last line, from a crash while
writing it, is ignored: that chunk is not done), deletes temporary files and any part file
the ledger does not name (renamed, but the crash came before the ledger line), and returns
the done keys. Re-running the same command therefore redoes exactly the unfinished
records, and no record is written twice.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from .tables import TABLES

log = logging.getLogger(__name__)

LEDGER_NAME = "_ledger.jsonl"
PART_SUFFIX = ".parquet"
TMP_SUFFIX = ".tmp"


@dataclass
class LedgerState:
    parts: set[str] = field(default_factory=set)
    # Files read to their end: skipped whole on restart (their record keys are not kept).
    done_files: dict[str, dict] = field(default_factory=dict)
    # Keys of records done in files not yet read to their end.
    done_keys: set[str] = field(default_factory=set)
    articles: int = 0
    errors: int = 0

    def next_part(self) -> str:
        return f"part-{len(self.parts) + 1:06d}"


class Ledger:
    def __init__(self, out: Path):
        self.out = out
        self.path = out / LEDGER_NAME

    def recover(self) -> LedgerState:
        """Read what earlier runs finished and clear what they left half done."""
        state = LedgerState()
        if self.path.exists():
            self._rewrite_if_torn()
            # Two passes, so that only the keys of unfinished files are held in memory (a
            # finished file's keys are never looked at again).
            for entry in self._entries():
                if entry.get("part"):
                    state.parts.add(entry["part"])
                state.done_files.update(entry.get("files_done", {}))
                state.articles += entry.get("articles", 0)
                state.errors += entry.get("errors", 0)
            for entry in self._entries():
                state.done_keys.update(k for k in entry.get("keys", [])
                                       if file_of(k) not in state.done_files)
        self._remove_orphans(state.parts)
        return state

    def _entries(self):
        with self.path.open("r", encoding="utf-8") as f:
            for number, line in enumerate(f, start=1):
                try:
                    yield json.loads(line)
                except json.JSONDecodeError:
                    log.warning("%s:%d: unreadable ledger line ignored (its chunk is redone)",
                                self.path, number)

    def commit(self, part: str | None, keys: list[str], files_done: dict[str, dict],
               articles: int, errors: int) -> None:
        entry = {"part": part, "keys": keys, "files_done": files_done,
                 "articles": articles, "errors": errors}
        with self.path.open("a", encoding="utf-8") as f:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())

    def _rewrite_if_torn(self) -> None:
        """A torn last line would glue itself to the next entry: cut it off."""
        data = self.path.read_bytes()
        if data and not data.endswith(b"\n"):
            keep = data[: data.rfind(b"\n") + 1]
            tmp = self.path.with_name(self.path.name + TMP_SUFFIX)
            tmp.write_bytes(keep)
            os.replace(tmp, self.path)

    def _remove_orphans(self, parts: set[str]) -> None:
        for table in TABLES:
            directory = self.out / table
            if not directory.is_dir():
                continue
            for file in directory.iterdir():
                name = file.name
                orphan = name.endswith(TMP_SUFFIX) or (
                    name.endswith(PART_SUFFIX) and name[: -len(PART_SUFFIX)] not in parts)
                if orphan:
                    log.info("removing %s, left by an interrupted run", file)
                    file.unlink()


def file_of(key: str) -> str:
    """The file an input key belongs to: the origin without its @offset or :line."""
    from .tables import split_origin

    return split_origin(key)[0] or key
