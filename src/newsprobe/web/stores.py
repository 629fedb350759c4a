"""The store as the views read it: one read-only connection per worker thread (FastAPI runs
the plain `def` endpoints in a thread pool; SQLite's WAL mode lets them read while a write
is going on). `create_app` puts a `StoreAccess` on the app's state; a view takes
`Depends(read_store)`."""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi import Request

from ..store import Store


class StoreAccess:
    """Read-only store connections, one per thread, opened on first use."""

    def __init__(self, path: Path):
        self.path = path
        self.local = threading.local()

    def reader(self) -> Store:
        store = getattr(self.local, "store", None)
        if store is None:
            store = self.local.store = Store.open(self.path, readonly=True)
        return store


def read_store(request: Request) -> Store:
    return request.app.state.stores.reader()
