"""The corpus page: search (SQLite FTS5) or browse articles, quotes and claims, narrowed
by outlet, date, speaker, claim status and technique, beside lists of outlets, speakers
and stories with counts. `/` is this page with no query."""

from __future__ import annotations

import re
import secrets
from urllib.parse import urlencode
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request

from ...errors import NewsprobeError
from ...outlets import CONTROL_LABELS, known_outlet
from ...store import Store
from ...store.db import SEARCH_KINDS
from ..stores import read_store
from ..errors import READ_RESPONSES
from ..render import HIT_CLOSE, HIT_OPEN, page_or_json

router = APIRouter()

Kind = Literal["articles", "quotes", "claims"]
FILTERS = ("outlet", "since", "until", "speaker", "status", "technique", "control")
OutletControl = Literal["state-controlled", "state-funded", "public-service"]
# How many outlets, speakers and stories the side lists show.
FACET_ROWS = 30
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def quoted_terms(query: str) -> str:
    """A query with FTS5 syntax errors made literal: every word a quoted phrase."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in query.split())


def request_marks() -> tuple[str, str]:
    """Hit markers for one search, unguessable, so that no stored text can contain them."""
    nonce = secrets.token_hex(8)
    return f"[[{nonce}", f"{nonce}]]"


def hit_marked(snippet: str | None, marks: tuple[str, str]) -> str | None:
    """The snippet with U+E000 … U+E001 around hits and nowhere else: those characters,
    when the text itself holds them, become U+FFFD."""
    if snippet is None:
        return None
    snippet = snippet.replace(HIT_OPEN, "\ufffd").replace(HIT_CLOSE, "\ufffd")
    return snippet.replace(marks[0], HIT_OPEN).replace(marks[1], HIT_CLOSE)


def search_data(store: Store, cache: dict, q: str = "", kind: str = "articles", limit: int = 20,
                offset: int = 0, **filters: str | None) -> dict[str, Any]:
    filters = {k: (v.strip() if isinstance(v, str) else v) or None for k, v in filters.items() if k in FILTERS}
    for key in ("since", "until"):
        if filters.get(key) and not _DATE.match(filters[key]):
            raise NewsprobeError("E021", f"{key} must be a date like 2026-03-11, got {filters[key]!r}")
    query = q.strip()
    marks = request_marks()
    try:
        rows = store.search_corpus(query, kind, limit=limit + 1, offset=offset, marks=marks, **filters)
    except NewsprobeError:
        # Free text from a search box is not always valid FTS5 ("Tessa's", a lone quote):
        # search for the words instead of failing.
        query = quoted_terms(query)
        rows = store.search_corpus(query, kind, limit=limit + 1, offset=offset, marks=marks, **filters)
    for row in rows:
        row["snippet"] = hit_marked(row.get("snippet"), marks)
    return {
        "query": q, "fts_query": query or None, "kind": kind, "filters": filters,
        "offset": offset, "limit": limit, "results": rows[:limit],
        "next_offset": offset + limit if len(rows) > limit else None,
        "facets": facets(store, cache),
    }


def facets(store: Store, cache: dict) -> dict[str, Any]:
    """Outlets, speakers, stories and filter choices, recomputed only when the store changed."""
    key = ("facets", store.corpus_version())
    if key not in cache:
        cache.clear()
        outlets = store.outlet_counts(FACET_ROWS)
        for row in outlets:  # what newsprobe knows of the outlet's ownership, if anything
            known = known_outlet(row["outlet"])
            row["control"] = known.control if known is not None and known.control else None
        cache[key] = {"outlets": outlets, "speakers": store.speaker_counts(FACET_ROWS),
                      "controls": list(CONTROL_LABELS),
                      "stories": store.list_stories(limit=FACET_ROWS), "articles": store.count_articles(),
                      **store.finding_values()}
    return cache[key]


def _search(request: Request, store: Store, fmt: str, q: str, kind: str, limit: int, offset: int,
            filters: dict[str, str | None]):
    data = search_data(store, request.app.state.cache, q, kind, limit, offset, **filters)
    params = {k: v for k, v in request.query_params.items() if v}
    view = {"kinds": SEARCH_KINDS, "json_url": "/search.json?" + urlencode(params),
            "next_url": None if data["next_offset"] is None
            else "/search?" + urlencode({**params, "offset": data["next_offset"]})}
    return page_or_json(request, fmt, "corpus.html", data, view)


def _params(outlet: str | None = Query(None, max_length=200, description="exact outlet name"),
            since: str | None = Query(None, description="published on or after (YYYY-MM-DD, YYYY-MM or YYYY); "
                                      "another value is a 400 (E021)", json_schema_extra={"pattern": _DATE.pattern}),
            until: str | None = Query(None, description="published on or before (YYYY-MM-DD, YYYY-MM or YYYY)",
                                      json_schema_extra={"pattern": _DATE.pattern}),
            speaker: str | None = Query(None, max_length=300, description="exact resolved speaker name"),
            status: str | None = Query(None, max_length=40, description="claim status, e.g. reported"),
            technique: str | None = Query(None, max_length=80, description="technique name, e.g. loaded_language"),
            control: OutletControl | None = Query(None, description="outlets newsprobe knows to be under this "
                                                   "control (docs/outlets.md); a prior about the outlet, not a verdict"),
            ) -> dict[str, str | None]:
    return {"outlet": outlet, "since": since, "until": until, "speaker": speaker, "status": status,
            "technique": technique, "control": control}


QueryText = Query("", max_length=500, description="words, \"phrases\", OR, prefix* (SQLite FTS5); empty: browse")


@router.get("/", include_in_schema=False)
@router.get("/search", include_in_schema=False)
def search_page(request: Request, q: str = QueryText, kind: Kind = "articles",
                limit: int = Query(20, ge=1, le=100), offset: int = Query(0, ge=0, le=100_000),
                filters: dict = Depends(_params), store: Store = Depends(read_store)):
    return _search(request, store, "html", q, kind, limit, offset, filters)


@router.get("/search.json", include_in_schema=False)
def search_json(request: Request, q: str = QueryText, kind: Kind = "articles",
                limit: int = Query(20, ge=1, le=100), offset: int = Query(0, ge=0, le=100_000),
                filters: dict = Depends(_params), store: Store = Depends(read_store)):
    return _search(request, store, "json", q, kind, limit, offset, filters)


@router.get("/api/search", tags=["corpus"], summary="Search or browse articles, quotes or claims",
            responses=READ_RESPONSES)
def search_api(request: Request, q: str = QueryText, kind: Kind = "articles",
               limit: int = Query(20, ge=1, le=100), offset: int = Query(0, ge=0, le=100_000),
               filters: dict = Depends(_params), store: Store = Depends(read_store)) -> dict[str, Any]:
    """Best matches first (newest first when `q` is empty). Snippets mark hits with
    U+E000 … U+E001 (and only hits: those characters in the text show as U+FFFD). `facets` lists outlets, speakers and stories with counts and the
    statuses and techniques present. `next_offset` is null on the last page."""
    return search_data(store, request.app.state.cache, q, kind, limit, offset, **filters)
