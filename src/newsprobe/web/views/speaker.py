"""The speaker page: every quote by one speaker (resolved name) across the corpus, oldest
first, with quotes that are wording variants of one statement grouped (a rewritten copy
says "accord" where the original said "agreement")."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from rapidfuzz import fuzz

from ...store import Store
from ..app import read_store
from ..render import page_or_json, split_format

router = APIRouter()

# Quotes shorter than this (in words) are compared whole (edit ratio), not as word sets:
# a token-set score calls "a source" a variant of every quote that contains "a" and "source".
SHORT_QUOTE_WORDS = 4


def similarity(a: str, b: str) -> float:
    a, b = a.lower(), b.lower()
    if min(len(a.split()), len(b.split())) < SHORT_QUOTE_WORDS:
        return fuzz.ratio(a, b)
    return fuzz.token_set_ratio(a, b)


def group_variants(quotes: list[dict], threshold: float) -> list[dict[str, Any]]:
    """Greedy single pass: a quote joins the first group whose first quote it resembles
    (similarity >= threshold), else starts a group. Groups keep first-seen order."""
    groups: list[dict[str, Any]] = []
    for n, q in enumerate(quotes):
        for g in groups:
            if similarity(g["text"], q["content"]) >= threshold:
                g["quotes"].append(n)
                break
        else:
            groups.append({"text": q["content"], "quotes": [n]})
    for g in groups:
        g["articles"] = len({quotes[n]["article_id"] for n in g["quotes"]})
        g["wordings"] = len({quotes[n]["content"].strip().lower() for n in g["quotes"]})
    return groups


def speaker_data(store: Store, name: str, threshold: float) -> dict[str, Any]:
    quotes = store.speaker_quotes(name)
    if not quotes:
        raise HTTPException(404, f"no quotes by a speaker named {name!r} in this store")
    kinds: dict[str, int] = {}
    for q in quotes:
        kinds[q["speaker_kind"]] = kinds.get(q["speaker_kind"], 0) + 1
    return {"speaker": name, "kind": max(kinds, key=kinds.get), "kinds": kinds,
            "quotes": quotes, "articles": len({q["article_id"] for q in quotes}),
            "variants": group_variants(quotes, threshold)}


def _threshold(request: Request) -> float:
    return request.app.state.config.settings.web_variant_similarity


@router.get("/speaker/{name:path}", include_in_schema=False)
def speaker_page(name: str, request: Request, store: Store = Depends(read_store)):
    raw, fmt = split_format(name)
    if fmt == "json" and store.speaker_quotes(name, limit=1):  # a name that ends in .json
        raw, fmt = name, "html"
    return page_or_json(request, fmt, "speaker.html", speaker_data(store, raw, _threshold(request)))


@router.get("/api/speaker/{name:path}", tags=["corpus"],
            summary="Every quote by one speaker, with wording variants grouped")
def speaker_api(name: str, request: Request, store: Store = Depends(read_store)) -> dict[str, Any]:
    """`quotes` oldest article first; `variants` groups them by wording (indexes into
    `quotes`). The name is the resolved speaker name as in a quote's `speaker.name`."""
    return speaker_data(store, name, _threshold(request))
