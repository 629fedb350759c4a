"""The embedded SQLite store (schema: docs/store.md). `Store.open(path)` is the way in."""

from .db import Store, content_hash

__all__ = ["Store", "content_hash"]
