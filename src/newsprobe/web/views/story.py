"""The story page: the articles of one story on a timeline, the copy graph between them
(inline SVG), and each changed sentence side by side with the changes marked. Its JSON
twin is a `newsprobe.corpus/1` object holding just this story."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request

from ... import __version__
from ...corpus import CORPUS_SCHEMA
from ...store import Store
from ..app import read_store
from ..errors import READ_RESPONSES
from ..render import page_or_json, split_format

router = APIRouter()

# Fields of newsprobe.corpus/1 the store's tables do not keep; a story response leaves
# them empty and says so in meta.omitted (the full run is in the store as JSON).
OMITTED = ["stories[].entities", "copies[].evidence", "copies[].features", "claim_links"]


def story_data(store: Store, story_id: str) -> dict[str, Any]:
    story = store.story(story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id!r} in the latest corpus run"
                                 if store.latest_run_id() else "this store has no corpus run yet "
                                 "(run `newsprobe corpus PATH --db FILE`)")
    rows = store.article_rows(story["articles"])
    articles = sorted((rows[i] for i in story["articles"] if i in rows),
                      key=lambda r: (r["published"] is None, r["published"] or "", r["id"]))
    copies = store.copies_among([a["id"] for a in articles], story["run_id"])
    return {
        "schema": CORPUS_SCHEMA,
        "articles": [{**a, "story": story_id} for a in articles],
        "stories": [{"id": story_id, "label": story["label"] or "", "articles": [a["id"] for a in articles],
                     "first_published": story["first_published"], "last_published": story["last_published"],
                     "entities": []}],
        "copies": [{"id": c["copy_id"], "source": c["source_id"], "target": c["target_id"], "kind": c["kind"],
                    "direction": c["direction"], "evidence": [], "score": c["score"], "features": {},
                    "pairs": c["pairs"],
                    "changes": [{"id": ch["change_id"], "kind": ch["kind"], "message": ch["message"] or "",
                                 "source": {"start": ch["source_start"], "end": ch["source_end"],
                                            "text": ch["source_text"]},
                                 "target": {"start": ch["target_start"], "end": ch["target_end"],
                                            "text": ch["target_text"]}} for ch in c["changes"]]}
                   for c in copies],
        "claim_links": [],
        "meta": {"newsprobe": __version__, "run": story["run_id"], "omitted": OMITTED},
    }


def marked(sentence: dict, spans: list[dict]) -> list[tuple[str, str | None]]:
    """The sentence cut into (text, change kind or None) pieces at the changes' spans
    (article offsets). Overlapping changes: the first one wins the overlap."""
    text, base = sentence["text"], sentence["start"]
    cuts = sorted((max(0, s["start"] - base), min(len(text), s["end"] - base), s.get("kind"))
                  for s in spans if s["start"] < base + len(text) and s["end"] > base)
    out, at = [], 0
    for lo, hi, kind in cuts:
        lo = max(lo, at)
        if hi <= lo:
            continue
        if lo > at:
            out.append((text[at:lo], None))
        out.append((text[lo:hi], kind))
        at = hi
    if at < len(text):
        out.append((text[at:], None))
    return out


def changed_pairs(copy: dict) -> list[dict]:
    """The aligned sentence pairs of a copy that hold a change, each side as marked pieces."""
    rows = []
    for pair in copy["pairs"]:
        src, tgt = pair["source"], pair["target"]
        found = [c for c in copy["changes"]
                 if src["start"] <= c["source"]["start"] < src["end"] + 1
                 and tgt["start"] <= c["target"]["start"] < tgt["end"] + 1]
        if found:
            rows.append({"similarity": pair.get("similarity"), "changes": found,
                         "source": marked(src, [{**c["source"], "kind": c["kind"]} for c in found]),
                         "target": marked(tgt, [{**c["target"], "kind": c["kind"]} for c in found])})
    return rows


# Copy graph geometry (SVG user units): one row per article, arcs to the left of the nodes.
ROW_GAP, TOP, ARC_SPACE, LABEL_CHARS = 34, 24, 150, 52
# Stories can be big; the graph draws the first this many articles (the timeline lists all).
GRAPH_NODES = 80


def copy_graph(articles: list[dict], copies: list[dict]) -> dict[str, Any]:
    """An arc diagram: articles top to bottom in timeline order, each copy an arc from
    source to target on the left (wider for articles further apart), drawn by the
    template as inline SVG."""
    shown = articles[:GRAPH_NODES]
    x = ARC_SPACE if copies else 16
    row = {a["id"]: k for k, a in enumerate(shown)}
    linked = {i for c in copies for i in (c["source"], c["target"])}
    nodes = []
    for k, a in enumerate(shown):
        title = a.get("title") or a["id"]
        label = title if len(title) <= LABEL_CHARS else title[:LABEL_CHARS - 1].rstrip() + "…"
        nodes.append({"id": a["id"], "x": x, "y": TOP + k * ROW_GAP, "label": label, "title": title,
                      "date": a.get("published") or "undated", "linked": a["id"] in linked})
    edges = []
    for c in copies:
        if c["source"] not in row or c["target"] not in row:
            continue
        y1, y2 = TOP + row[c["source"]] * ROW_GAP, TOP + row[c["target"]] * ROW_GAP
        bow = min(ARC_SPACE - 12, 28 + 0.45 * abs(y2 - y1))
        edges.append({"id": c["id"], "kind": c["kind"], "forward": c["direction"] == "forward",
                      "d": f"M{x - 10},{y1} C{x - bow:.0f},{y1} {x - bow:.0f},{y2} {x - 10},{y2}",
                      "score": c["score"]})
    return {"nodes": nodes, "edges": edges, "width": x + 16 + LABEL_CHARS * 6.6,
            "height": TOP * 2 + max(0, len(shown) - 1) * ROW_GAP, "hidden": len(articles) - len(shown)}


def story_view(data: dict) -> dict[str, Any]:
    titles = {a["id"]: a.get("title") or a["id"] for a in data["articles"]}
    copies_of: dict[str, list[dict]] = {}
    for c in data["copies"]:
        copies_of.setdefault(c["target"], []).append({"other": c["source"], "kind": c["kind"], "role": "copy of"})
        copies_of.setdefault(c["source"], []).append({"other": c["target"], "kind": c["kind"], "role": "copied by"})
    return {"story": data["stories"][0], "titles": titles, "relations": copies_of,
            "graph": copy_graph(data["articles"], data["copies"]),
            "pairs": [{"edge": c, "rows": changed_pairs(c)} for c in data["copies"]]}


@router.get("/story/{story_id}", include_in_schema=False)
def story_page(story_id: str, request: Request, store: Store = Depends(read_store)):
    story_id, fmt = split_format(story_id)
    data = story_data(store, story_id)
    return page_or_json(request, fmt, "story.html", data, None if fmt == "json" else story_view(data))


@router.get("/api/story/{story_id}", tags=["corpus"],
            summary="One story of the latest corpus run, as a newsprobe.corpus/1 object", responses=READ_RESPONSES)
def story_api(story_id: str, store: Store = Depends(read_store)) -> dict[str, Any]:
    """The story's articles (oldest first), the copies among them with aligned sentence
    pairs and changes. 404 for an unknown story or a store without a corpus run."""
    return story_data(store, story_id)
