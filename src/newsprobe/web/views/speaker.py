"""The speaker page: every quote by one speaker (resolved name) across the corpus, oldest
first, with quotes that are wording variants of one statement grouped (a rewritten copy
says "accord" where the original said "agreement")."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
import numpy as np
from rapidfuzz import fuzz, process

from ...store import Store
from ..stores import read_store
from ..errors import READ_RESPONSES
from ..render import page_or_json, split_format

router = APIRouter()

# Quotes shorter than this (in words) are compared whole (edit ratio), not as word sets:
# a token-set score calls "a source" a variant of every quote that contains "a" and "source".
SHORT_QUOTE_WORDS = 4


# Speakers whose grouped quotes are kept (per store version): grouping a speaker with
# thousands of quotes takes seconds, and their page is the one people come back to.
CACHED_SPEAKERS = 64


def similarity(a: str, b: str) -> float:
    a, b = a.lower(), b.lower()
    if min(len(a.split()), len(b.split())) < SHORT_QUOTE_WORDS:
        return fuzz.ratio(a, b)
    return fuzz.token_set_ratio(a, b)


def group_variants(quotes: list[dict], threshold: float) -> list[dict[str, Any]]:
    """Greedy single pass: a quote joins the first group whose first quote it resembles
    (`similarity` >= threshold), else starts a group. Groups keep first-seen order.

    Each quote is scored against every group's first quote in one rapidfuzz call (C, no
    Python per pair), quotes lowered and measured once: the same groups as calling
    `similarity` pair by pair, about twice as fast. Still quotes x groups comparisons,
    hence the cache in `speaker_data`."""
    lowered = [q["content"].lower() for q in quotes]
    short = [len(text.split()) < SHORT_QUOTE_WORDS for text in lowered]
    # First quotes of the groups so far, apart by length (a short one is compared whole).
    heads = {True: ([], []), False: ([], [])}   # short? -> (texts, group numbers)
    groups: list[dict[str, Any]] = []
    for n, text in enumerate(lowered):
        found = None
        for head_short, (texts, numbers) in heads.items():
            if not texts:
                continue
            scorer = fuzz.ratio if head_short or short[n] else fuzz.token_set_ratio
            scores = process.cdist([text], texts, scorer=scorer, score_cutoff=threshold, dtype=np.float64)[0]
            passing = np.flatnonzero(scores >= threshold)
            if passing.size and (found is None or numbers[passing[0]] < found):
                found = numbers[passing[0]]
        if found is None:
            heads[short[n]][0].append(text)
            heads[short[n]][1].append(len(groups))
            groups.append({"text": quotes[n]["content"], "quotes": [n]})
        else:
            groups[found]["quotes"].append(n)
    for g in groups:
        g["articles"] = len({quotes[n]["article_id"] for n in g["quotes"]})
        g["wordings"] = len({quotes[n]["content"].strip().lower() for n in g["quotes"]})
    return groups


def outlet_context(name: str) -> dict[str, Any] | None:
    """A speaker that is a known outlet ("TASS", "Sputnik Poland") with what newsprobe knows
    of its ownership (docs/outlets.md); None for everyone else."""
    from ...layers.outlets import resolve_outlet
    from ...outlets import known_by_name
    from ...render import outlet_facts

    if known_by_name(name) is None:
        return None
    record = resolve_outlet(name).to_dict()
    return {"name": record["name"], "facts": outlet_facts(record), "note": record["note"]}


def speaker_data(store: Store, name: str, threshold: float, cache: dict | None = None) -> dict[str, Any]:
    """The speaker's quotes and variants; kept in `cache` until the store changes."""
    key = ("speaker", store.corpus_version(), name, threshold)
    if cache is not None and key in cache:
        return cache[key]
    quotes = store.speaker_quotes(name)
    if not quotes:
        raise HTTPException(404, f"no quotes by a speaker named {name!r} in this store")
    kinds: dict[str, int] = {}
    for q in quotes:
        kinds[q["speaker_kind"]] = kinds.get(q["speaker_kind"], 0) + 1
    data = {"speaker": name, "kind": max(kinds, key=kinds.get), "kinds": kinds,
            "quotes": quotes, "articles": len({q["article_id"] for q in quotes}),
            "variants": group_variants(quotes, threshold), "outlet": outlet_context(name)}
    if cache is not None:
        if len(cache) >= CACHED_SPEAKERS or any(k[1] != key[1] for k in list(cache)):
            cache.clear()  # full, or the store changed: every entry is stale or may be
        cache[key] = data
    return data


def _threshold(request: Request) -> float:
    return request.app.state.config.settings.web_variant_similarity


@router.get("/speaker/{name:path}", include_in_schema=False)
def speaker_page(name: str, request: Request, store: Store = Depends(read_store)):
    raw, fmt = split_format(name)
    if fmt == "json" and store.speaker_quotes(name, limit=1):  # a name that ends in .json
        raw, fmt = name, "html"
    return page_or_json(request, fmt, "speaker.html",
                        speaker_data(store, raw, _threshold(request), request.app.state.speaker_cache))


@router.get("/api/speaker/{name:path}", tags=["corpus"],
            summary="Every quote by one speaker, with wording variants grouped", responses=READ_RESPONSES)
def speaker_api(name: str, request: Request, store: Store = Depends(read_store)) -> dict[str, Any]:
    """`quotes` oldest article first; `variants` groups them by wording (indexes into
    `quotes`). The name is the resolved speaker name as in a quote's `speaker.name`."""
    return speaker_data(store, name, _threshold(request), request.app.state.speaker_cache)
