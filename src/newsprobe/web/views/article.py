"""The article page: the text with switchable layers and side panels for speakers,
claims, techniques and integrity warnings. Its JSON twin is the `newsprobe.article/1`
object plus the stories and copies the article is part of."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from markupsafe import Markup

from ...layers.technique_glossary import EXPLANATIONS, label as technique_label
from ...model import Analysis
from ...render import (chain_label, one_line, outlet_facts, outlet_role, quote_content,
                       speaker_groups, truncate)
from ...render.as_html import PALETTE, highlight, safe_href
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


def speaker_colours(a: Analysis) -> dict[int, int]:
    """Quote index -> palette index, one colour per speaker, in order of appearance."""
    order: dict[tuple, int] = {}
    return {qi: order.setdefault((q.speaker.name, q.speaker.kind, q.speaker.entity), len(order) % len(PALETTE))
            for qi, q in enumerate(a.quotes)}


def article_view(a: Analysis) -> dict[str, Any]:
    """What only the page needs: the highlighted text and the side panels' rows. Every
    finding row carries its span (start, end) so that a click can light it up."""
    colour = speaker_colours(a)
    index = {id(q): qi for qi, q in enumerate(a.quotes)}
    speakers = []
    for group in speaker_groups(a):
        sp, first = group.speaker, index[id(group.quotes[0])]
        entity = a.entity(sp.entity)
        quotes = []
        for q in group.quotes:
            spans = [*q.content, *([q.cue] if q.cue else [])]
            quotes.append({"qi": index[id(q)], "id": q.id, "type": q.type,
                           "cue": one_line(q.cue.text) if q.cue else None,
                           "text": quote_content(q, PANEL_CHARS), "confidence": q.confidence,
                           "start": min(s.start for s in spans) if spans else 0,
                           "end": max(s.end for s in spans) if spans else 0,
                           "chain": chain_label(q.speaker, q.chain) if q.chain and not group.chain else None})
        speakers.append({"name": one_line(sp.name), "kind": sp.kind, "colour": colour[first],
                         "entity": f"{entity.name} · {entity.label}" if entity else None,
                         "chain": chain_label(sp, group.chain) if group.chain else None,
                         "qids": " ".join(f"q{x['qi']}" for x in quotes), "quotes": quotes})
    quotes_by_id = {q.id: q for q in a.quotes}
    claims = []
    for c in a.claims:
        q = quotes_by_id.get(c.get("quote") or "")
        claims.append({
            "id": c.get("id", ""), "status": str(c.get("status", "")), "text": truncate(str(c.get("text", "")), 400),
            "start": c.get("start", 0), "end": c.get("end", 0),
            "checkworthiness": float(c.get("checkworthiness", 0.0) or 0.0),
            "via": one_line(q.speaker.name) if q else None,
            "hedges": [one_line(str(h.get("text", ""))) for h in c.get("hedges", [])],
            "factchecks": [{"claim": truncate(str(f.get("claim", "")), PANEL_CHARS), "rating": f.get("rating", ""),
                            "score": float(f.get("score", 0.0) or 0.0), "href": safe_href(f.get("url")),
                            "date": f.get("date"), "reviewer": f.get("reviewer")}
                           for f in c.get("factchecks", [])]})
    techniques = []
    for t in sorted(a.techniques, key=lambda t: (t.get("start", 0), t.get("end", 0))):
        name = str(t.get("technique", ""))
        quote = quotes_by_id.get(t.get("in_quote") or "")
        techniques.append({"name": name, "label": technique_label(name), "explanation": EXPLANATIONS.get(name, ""),
                           "text": truncate(str(t.get("text", "")), PANEL_CHARS), "start": t.get("start", 0),
                           "end": t.get("end", 0), "score": float(t.get("score", 0.0) or 0.0),
                           "by": f"{one_line(quote.speaker.name)} (quoted)" if quote else "the author"})
    warnings = []
    for f in a.integrity:
        spans = [s for s in f.get("spans", []) if isinstance(s.get("start"), int)]
        warnings.append({"kind": str(f.get("kind", "")), "message": str(f.get("message", "")),
                         "spans": spans, "start": spans[0]["start"] if spans else None,
                         "end": spans[0]["end"] if spans else None})
    hedges = sum(len(c.get("hedges", [])) for c in a.claims)
    statuses: dict[str, int] = {}
    for c in claims:
        statuses[c["status"]] = statuses.get(c["status"], 0) + 1
    return {
        "body": Markup(highlight(a, colour)),  # every piece escaped there (render/as_html.py)
        "speakers": speakers, "claims": claims, "techniques": techniques, "warnings": warnings,
        "statuses": statuses,
        "layers": [("quotes", "Quotes by speaker", len(a.quotes)), ("claims", "Claims by status", len(a.claims)),
                   ("hedges", "Hedges", hedges), ("techniques", "Techniques", len(a.techniques)),
                   ("integrity", "Integrity warnings", len(a.integrity)), ("entities", "Entities", len(a.entities))],
        "entities": [{"name": e.name, "label": e.label, "mentions": len(e.mentions),
                      "start": e.mentions[0].start if e.mentions else 0,
                      "end": e.mentions[0].end if e.mentions else 0} for e in a.entities],
        "safe_url": safe_href(a.url),
        "outlets": [{"role": outlet_role(o), "name": one_line(str(o.get("name", ""))),
                     "domain": o.get("domain"), "quotes": o.get("quotes", []),
                     "facts": outlet_facts(o), "control": o.get("control"),
                     "case_href": safe_href((o.get("disinfo_cases") or {}).get("latest_url"))}
                    for o in a.outlets],
    }


def _article(request: Request, store: Store, raw_id: str, fmt: str):
    data = article_data(store, raw_id)
    view = {} if fmt == "json" else article_view(Analysis.from_dict(data["article"]))
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
