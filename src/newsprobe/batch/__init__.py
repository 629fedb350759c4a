"""Batch runs: many inputs -> Parquet tables (articles, quotes, claims, techniques,
integrity, errors), streamed in chunks and resumable after a crash.

- `tables`: the contract flattened into table rows; the Parquet (and Spark) schemas;
- `sources`: inputs, directories, globs and manifests -> files -> records;
- `chunk`: a chunk of records -> rows, every record analysed or an error row;
- `ledger`: which records are done, in which part files; recovery after a crash;
- `runner`: `run_batch`, the loop that ties them together;
- `command`: the `newsprobe batch` command line (progress bar, summary).
"""

from importlib import import_module

# Imported on first use: `newsprobe --help` and the argument parser load `command` only,
# not spaCy and pyarrow.
_LAZY = {"run_batch": "runner", "BatchSummary": "runner", "TABLES": "tables",
         "SCHEMAS": "tables", "analysis_rows": "tables"}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = list(_LAZY)
