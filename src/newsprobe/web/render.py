"""HTML rendering: one jinja2 environment (autoescape on for everything), a few filters,
and the static assets, read once from the package into memory so that no request path
ever reaches the file system."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from .. import __version__
from ..render import chain_label, one_line, quote_content, safe_href, truncate

# Markers the store puts around search hits in snippets (private-use characters, which
# never occur in news text and survive HTML escaping untouched).
HIT_OPEN, HIT_CLOSE = "\ue000", "\ue001"
STATIC = {"app.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"}


def hits(snippet: str | None) -> Markup:
    """A search snippet, escaped, with its hit markers turned into <mark>."""
    text = str(escape(snippet or ""))
    return Markup(text.replace(HIT_OPEN, "<mark>").replace(HIT_CLOSE, "</mark>"))


QUOTE_MARKS = "\"'“”‘’«»„"


def quoted(text: str | None) -> str:
    """Text in curly quotes, unless it already starts or ends with a quotation mark."""
    text = text or ""
    if text[:1] in QUOTE_MARKS or text[-1:] in QUOTE_MARKS:
        return text
    return Markup("“") + text + Markup("”") if isinstance(text, Markup) else f"“{text}”"


def path_part(value: Any) -> str:
    """An id or a name as one URL path segment (slashes included)."""
    return quote(str(value), safe="")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("newsprobe.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(hits=hits, path=path_part, quoted=quoted, truncate_text=truncate,
                       one_line=one_line, safe_href=safe_href)
    env.globals.update(chain_label=chain_label, quote_content=quote_content)
    env.globals.update(version=__version__)
    return env


def render_page(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    config = getattr(request.app.state, "config", None)
    page = environment().get_template(template).render(
        request=request, token_required=bool(config and config.token), **context)
    return HTMLResponse(page, status_code=status)


def page_or_json(request: Request, fmt: str, template: str, data: dict[str, Any],
                 view: dict[str, Any] | None = None) -> Response:
    """The JSON twin (`data` as it is) or the page (`data` plus what only the HTML needs)."""
    if fmt == "json":
        return JSONResponse(data)
    return render_page(request, template, {"data": data, **(view or {})})


def split_format(raw: str) -> tuple[str, str]:
    """"x.json" -> ("x", "json"); anything else is a page."""
    return (raw[:-5], "json") if raw.endswith(".json") else (raw, "html")


@lru_cache(maxsize=None)
def static_asset(name: str) -> bytes:
    return resources.files("newsprobe.web").joinpath("static", name).read_bytes()
