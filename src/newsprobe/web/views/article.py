"""The article page: the text with switchable layers and side panels for speakers,
claims, techniques and integrity warnings. Its JSON twin is the `newsprobe.article/1`
object plus the stories and copies the article is part of."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from markupsafe import Markup

from ...model import Analysis
from ...render import safe_href
from ...render.article_view import build as build_view
from ...render.as_html import highlight
from ...store import Store
from ..stores import read_store
from ..errors import READ_RESPONSES
from ..render import page_or_json, split_format

router = APIRouter()

# Characters of a quote or claim shown in a side panel; the text itself is on the left.
PANEL_CHARS = 240


def article_data(store: Store, article_id: str) -> dict[str, Any]:
    analysis = store.get_analysis(article_id)
    if analysis is None:
        raise HTTPException(404, f"no article with id {article_id!r} in this store")
    return {"article": analysis.to_dict(), **corpus_context(store, article_id)}


def corpus_context(store: Store, article_id: str) -> dict[str, Any]:
    """The stories and copy edges of the latest corpus run that include the article."""
    stories = [s for s in (store.story(sid) for sid in store.stories_of(article_id)) if s]
    copies = store.copies_of(article_id)
    rows = store.article_rows([i for c in copies for i in (c["source_id"], c["target_id"])])
    return {
        "stories": [{"id": s["story_id"], "label": s["label"], "size": s["size"]} for s in stories],
        "copies": [{"id": c["copy_id"], "kind": c["kind"], "direction": c["direction"],
                    "score": c["score"],
                    "source": {"id": c["source_id"], "title": rows.get(c["source_id"], {}).get("title")},
                    "target": {"id": c["target_id"], "title": rows.get(c["target_id"], {}).get("title")}}
                   for c in copies],
    }


def page_context(a: Analysis) -> dict[str, Any]:
    """What only the page needs: the article view (render/article_view.py, shared with the
    terminal and HTML reports), the highlighted text, and the layer switches with their
    counts. The template reads each finding's span from the view, so a click can light it up."""
    view = build_view(a)
    return {
        "view": view,
        "body": Markup(highlight(view)),  # every piece escaped there (render/as_html.py)
        "layers": [("quotes", "Quotes by speaker", len(a.quotes)),
                   ("claims", "Claims by status", len(view.claims)),
                   ("hedges", "Hedges", view.hedge_count), ("techniques", "Techniques", len(view.techniques)),
                   ("integrity", "Integrity warnings", len(view.integrity)),
                   ("entities", "Entities", len(a.entities))],
        "safe_url": safe_href(a.url),
        "panel_chars": PANEL_CHARS,
    }


def _article(request: Request, store: Store, raw_id: str, fmt: str):
    data = article_data(store, raw_id)
    view = {} if fmt == "json" else page_context(Analysis.from_dict(data["article"]))
    return page_or_json(request, fmt, "article.html", data, view)


@router.get("/article/{article_id:path}", include_in_schema=False)
def article_page(article_id: str, request: Request, store: Store = Depends(read_store)):
    raw_id, fmt = split_format(article_id)
    if fmt == "json" and store.get_analysis(article_id) is not None:  # an id that ends in .json
        raw_id, fmt = article_id, "html"
    return _article(request, store, raw_id, fmt)


@router.get("/api/article/{article_id:path}", tags=["articles"],
            summary="One stored article: its newsprobe.article/1 analysis, stories and copies", responses=READ_RESPONSES)
def article_api(article_id: str, request: Request, store: Store = Depends(read_store)) -> dict[str, Any]:
    """`article` is the `newsprobe.article/1` object; `stories` and `copies` come from the
    latest corpus run (empty when the article was not part of one). 404 for an unknown id."""
    return article_data(store, article_id)
