"""`create_app(config)`: the FastAPI app over one SQLite store.

Reads go through one read-only connection per worker thread (FastAPI runs the plain `def`
endpoints in a thread pool; SQLite's WAL mode lets them read while a write is going on).
Analyses (and their writes) run in worker processes (`workers.py`), never on the event loop.
Routes live in `views/`, one module per page kind; they reach the store through
`stores.read_store`, so no view imports this module.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import Response

from .. import __version__
from ..settings import Settings
from ..store import Store
from . import errors
from ..render.as_html import marks_css
from .render import STATIC, static_asset
from .safety import Guard, allowed_host_names
from .stores import StoreAccess
from .workers import AnalysisPool


@dataclass
class WebConfig:
    db: Path
    token: str | None = None           # required on write endpoints when set
    max_body_bytes: int = 5_000_000    # larger request bodies get a 413
    settings: Settings = field(default_factory=Settings.load)
    # Host names answered besides the loopback ones and settings.web_allowed_hosts
    # (`serve` adds the address it binds to); "*" answers any Host (no DNS-rebinding guard).
    allowed_hosts: tuple[str, ...] = ()
    start_workers: bool = False        # start the analysis workers with the app, not on first use


def create_app(config: WebConfig) -> FastAPI:
    Store.open(config.db).close()  # create the file and apply migrations before any reader
    settings = config.settings
    web = settings.section("web")
    pool = AnalysisPool(config.db, settings, web.analysis_workers, web.analysis_queue, web.analysis_time_limit_s)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if config.start_workers:
            pool.start()
        try:
            yield
        finally:
            pool.close()

    app = FastAPI(lifespan=lifespan, 
        title="newsprobe", version=__version__,
        description="Who claims what, how it is sourced, and how stories travel: the articles, "
                    "quotes, claims, stories and speakers of a newsprobe store. Every page has a "
                    "JSON twin (append .json); the /api endpoints below return the same data. "
                    "Articles are `newsprobe.article/1`, stories `newsprobe.corpus/2`.",
        docs_url=None, redoc_url=None)  # the Swagger page loads scripts from a CDN; the CSP forbids it
    app.state.config = config
    app.state.stores = StoreAccess(config.db)
    app.state.cache = {}
    app.state.speaker_cache = {}  # views/speaker.py: grouped quotes per speaker and store version
    app.state.pool = pool
    app.add_middleware(Guard, max_body_bytes=config.max_body_bytes,
                       allowed_hosts=allowed_host_names(web.allowed_hosts, config.allowed_hosts),
                       body_timeout_s=web.body_timeout_s)
    errors.install(app)

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name == "marks.css":   # shared with the standalone HTML report
            return Response(marks_css(), media_type="text/css; charset=utf-8",
                            headers={"cache-control": "max-age=3600"})
        if name not in STATIC:  # a fixed list: the name never becomes a path
            raise HTTPException(404, f"no static file {name!r}")
        return Response(static_asset(name), media_type=STATIC[name], headers={"cache-control": "max-age=3600"})

    from .views import analyse, article, corpus, speaker, story
    for module in (corpus, analyse, article, story, speaker):
        app.include_router(module.router)
    return app


__all__ = ["WebConfig", "create_app"]
