"""The story view: what a story page shows, computed once from a `newsprobe.corpus/1`
story, for the web app's story page (web/views/story.py, templates/story.html) and the
standalone corpus report (render/corpus_html.py) alike: the articles in timeline order with
their copy relations, the copy graph as an arc diagram, each changed sentence pair cut
into marked pieces, and each copy family's route from its likely original as an indented
tree whose hops list their changes side by side."""

from __future__ import annotations

from typing import Any


def story_articles(result: dict[str, Any], story: dict[str, Any]) -> dict[str, Any]:
    """One story of a corpus result as the story view's input: its articles oldest first
    (undated last) and the copies among them."""
    arts = {a["id"]: a for a in result["articles"]}
    members = [arts[i] for i in story["articles"] if i in arts]
    members.sort(key=lambda a: (a.get("published") is None, a.get("published") or "", a["id"]))
    ids = {a["id"] for a in members}
    copies = [k for k in result["copies"] if k["source"] in ids and k["target"] in ids]
    families = [f for f in result.get("families", []) if f["story"] == story["id"]]
    return {"articles": members, "stories": [story], "copies": copies, "families": families}


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
    shown = {id(c) for row in rows for c in row["changes"]}
    # A change between two sentences that are not an aligned pair (a name spelt otherwise
    # in a headline) carries its two sentences.
    for c in copy["changes"]:
        if id(c) not in shown and c.get("sentences"):
            src, tgt = c["sentences"]["source"], c["sentences"]["target"]
            rows.append({"similarity": None, "changes": [c],
                         "source": marked(src, [{**c["source"], "kind": c["kind"]}]),
                         "target": marked(tgt, [{**c["target"], "kind": c["kind"]}])})
    return rows


# Route rows deeper than this are indented as this deep (app.css has classes route-d0..8).
ROUTE_MAX_INDENT = 8


def flipped(pairs: list[dict]) -> list[dict]:
    return [{**p, "source": p["target"], "target": p["source"]} for p in pairs]


def route_view(family: dict[str, Any], copies: dict[str, dict], articles: dict[str, dict]) -> dict[str, Any]:
    """One family's route as rows of an indented tree, the original first and each copy
    under its parent (depth first), each row with its hop (None for the original) and the
    hop's changed sentence pairs, parent on the left."""
    children: dict[str, list[dict]] = {}
    for hop in family["route"]:
        children.setdefault(hop["parent"], []).append(hop)
    rows: list[dict[str, Any]] = []
    # Each original with its copies under it, the main original first.
    stack: list[tuple[str, int, dict | None]] = [(o, 0, None) for o in reversed(family.get("originals")
                                                                                 or [family["original"]])]
    while stack:  # depth first without recursion: a route can be a long chain
        article_id, depth, hop = stack.pop()
        article = articles.get(article_id, {})
        pairs = []
        copy = copies.get(hop["copy"]) if hop is not None else None
        if copy is not None:
            pairs = changed_pairs({"pairs": flipped(copy["pairs"]) if hop["reversed"] else copy["pairs"],
                                   "changes": hop["changes"]})
        rows.append({"id": article_id, "depth": depth, "indent": min(depth, ROUTE_MAX_INDENT), "title": article.get("title") or article_id,
                     "date": article.get("published") or "undated", "outlet": article.get("outlet"),
                     "hop": hop, "pairs": pairs})
        for child in sorted(children.get(article_id, []), key=lambda h: h["child"], reverse=True):
            stack.append((child["child"], depth + 1, child))
    return {"family": family, "rows": rows}


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


def outlet_control(outlet: str | None) -> str | None:
    """What newsprobe knows of an outlet's ownership (docs/outlets.md), for a chip beside it."""
    from ..outlets import known_outlet

    known = known_outlet(outlet)
    return known.control or None if known is not None else None


def story_view(data: dict) -> dict[str, Any]:
    titles = {a["id"]: a.get("title") or a["id"] for a in data["articles"]}
    copies_of: dict[str, list[dict]] = {}
    for c in data["copies"]:
        copies_of.setdefault(c["target"], []).append({"other": c["source"], "kind": c["kind"], "role": "copy of"})
        copies_of.setdefault(c["source"], []).append({"other": c["target"], "kind": c["kind"], "role": "copied by"})
    controls = {a["id"]: outlet_control(a.get("outlet")) for a in data["articles"]}
    return {"story": data["stories"][0], "articles": data["articles"], "titles": titles,
            "controls": {k: v for k, v in controls.items() if v},
            "relations": copies_of,
            "graph": copy_graph(data["articles"], data["copies"]),
            "pairs": [{"edge": c, "rows": changed_pairs(c)} for c in data["copies"]],
            "routes": [route_view(f, {c["id"]: c for c in data["copies"]}, {a["id"]: a for a in data["articles"]})
                       for f in data.get("families", [])]}
