"""`newsprobe serve`: the web app and JSON API over a store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import NewsprobeError
from ..settings import Settings
from .common import DEFAULT_CORPUS_DB, error, positive_int


def add_parser(commands) -> None:
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
    serve.add_argument("--max-body-bytes", type=positive_int, metavar="N",
                       help="largest request body accepted (default: setting web_max_body_bytes)")
    serve.add_argument("--allow-host", action="append", metavar="NAME", default=[],
                       help="a host name the server answers besides loopback names and the bound "
                            "address (repeatable; setting web_allowed_hosts); any other Host header "
                            "gets a 421, which stops DNS-rebinding pages")
    serve.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import os
    import secrets

    try:
        from ..web import WebConfig, create_app
        from ..web.safety import is_loopback
        from ..web.server import bind, serve
    except ImportError as exc:  # a slim install: the web app is the [web] extra
        error(f"the web app needs the web extra ({exc}): pip install 'newsprobe[web]', or "
               "pip install -r requirements-web.lock in a clone")
        return 2

    settings = Settings.load()
    db = Path(args.db)
    if not db.parent.is_dir():  # a typo must not serve a new, empty store somewhere else
        error(NewsprobeError("E020", f"the folder {str(db.parent)!r} does not exist (serve creates a missing "
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
        error(err)
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
