"""The HTML story report of a `newsprobe.corpus/1` result: one self-contained page.

Per story: its articles on a timeline, its copy edges as an SVG graph, and each changed
sentence pair side by side with the changed spans highlighted. Every piece of input text
is escaped (html.escape), and the page loads nothing from outside.
"""

from __future__ import annotations

import math
from datetime import date
from html import escape
from typing import Any

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
.meta{color:#666}.timeline{position:relative;height:3.2em;margin:1em 0 2em;border-bottom:2px solid #999}
.tick{position:absolute;bottom:-.45em;width:.8em;height:.8em;border-radius:50%;background:#36c}
.tick span{position:absolute;top:1.2em;left:0;white-space:nowrap;font-size:.75em;color:#444;transform:rotate(20deg);transform-origin:left}
table.pair{width:100%;border-collapse:collapse;margin:.5em 0}table.pair td{width:50%;vertical-align:top;border:1px solid #ddd;padding:.5em}
mark{background:#fd6}.kind{font-weight:600;color:#a50}ul.articles li{margin:.2em 0}
svg text{font-size:11px}
"""


def render(result: dict[str, Any], texts: dict[str, str] | None = None) -> str:
    """The page; `texts` (article id -> text) is not needed: spans carry their text."""
    arts = {a["id"]: a for a in result["articles"]}
    copies_by_story: dict[str, list[dict]] = {}
    for k in result["copies"]:
        copies_by_story.setdefault(arts[k["source"]]["story"], []).append(k)
    parts = [f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
             f"<title>newsprobe story report</title><style>{_CSS}</style></head><body>",
             "<h1>newsprobe story report</h1>",
             f"<p class='meta'>{len(result['articles'])} articles · {len(result['stories'])} stories · "
             f"{len(result['copies'])} copies · {len(result['claim_links'])} claim links</p>"]
    for story in result["stories"]:
        copies = copies_by_story.get(story["id"], [])
        if len(story["articles"]) < 2 and not copies:
            continue
        parts.append(f"<section id='{escape(story['id'])}'><h2>{escape(story['id'])}: {escape(story['label'])}</h2>")
        if story["entities"]:
            parts.append(f"<p class='meta'>{escape(', '.join(story['entities']))}</p>")
        parts.append(_timeline([arts[i] for i in story["articles"]]))
        parts.append("<ul class='articles'>" + "".join(
            f"<li>{escape(arts[i].get('published') or 'undated')} · {escape(arts[i].get('outlet') or '')} "
            f"<b>{escape(arts[i].get('title') or i)}</b> <span class='meta'>{escape(i)}</span></li>"
            for i in story["articles"]) + "</ul>")
        if copies:
            parts.append(_graph(story["articles"], copies, arts))
            for k in copies:
                parts.append(_copy(k, arts))
        parts.append("</section>")
    if result["claim_links"]:
        parts.append("<h2>Claims repeated across articles</h2><ul>")
        for link in result["claim_links"]:
            parts.append(f"<li>“{escape(link['text'])}” — first in <b>{escape(_title(arts, link['earliest']['article']))}</b>"
                         f" ({escape(link['earliest'].get('published') or 'undated')}); repeated by "
                         f"{escape(', '.join(link['outlets']) or str(len(link['articles'])) + ' articles')}</li>")
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _title(arts: dict, article_id: str) -> str:
    return arts.get(article_id, {}).get("title") or article_id


def _timeline(articles: list[dict]) -> str:
    days = []
    for a in articles:
        try:
            days.append(date.fromisoformat((a.get("published") or "")[:10]).toordinal())
        except ValueError:
            days.append(None)
    known = [d for d in days if d is not None]
    lo, hi = (min(known), max(known)) if known else (0, 0)
    ticks = []
    for k, (a, d) in enumerate(zip(articles, days)):
        # Undated articles keep their order, spread evenly when nothing is dated.
        x = 2 + 94 * ((d - lo) / (hi - lo) if d is not None and hi > lo else (k / max(1, len(articles) - 1)
                                                                              if not known else 0))
        label = f"{a.get('published') or 'undated'} {a.get('outlet') or ''}".strip()
        ticks.append(f"<div class='tick' style='left:{x:.1f}%' title='{escape(_title({a['id']: a}, a['id']))}'>"
                     f"<span>{escape(label)}</span></div>")
    return "<div class='timeline'>" + "".join(ticks) + "</div>"


def _graph(article_ids: list[str], copies: list[dict], arts: dict) -> str:
    nodes = list(dict.fromkeys(article_ids + [i for k in copies for i in (k["source"], k["target"])]))
    n, size, r = len(nodes), 360, 130
    pos = {a: (size / 2 + r * math.cos(2 * math.pi * k / n - math.pi / 2),
               size / 2 + r * math.sin(2 * math.pi * k / n - math.pi / 2)) for k, a in enumerate(nodes)}
    out = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{size + 240}' height='{size}' role='img' "
           f"aria-label='copy graph'><defs><marker id='arrow' viewBox='0 0 10 10' refX='18' refY='5' "
           f"markerWidth='6' markerHeight='6' orient='auto'><path d='M0,0L10,5L0,10z' fill='#a50'/></marker></defs>"]
    for k in copies:
        (x1, y1), (x2, y2) = pos[k["source"]], pos[k["target"]]
        marker = " marker-end='url(#arrow)'" if k["direction"] == "forward" else ""
        out.append(f"<line x1='{x1:.0f}' y1='{y1:.0f}' x2='{x2:.0f}' y2='{y2:.0f}' stroke='#a50' "
                   f"stroke-width='2'{marker}><title>{escape(k['id'])} {escape(k['kind'])}</title></line>")
    for a, (x, y) in pos.items():
        label = _title(arts, a)
        out.append(f"<circle cx='{x:.0f}' cy='{y:.0f}' r='7' fill='#36c'/>"
                   f"<text x='{x + 10:.0f}' y='{y + 4:.0f}'>{escape(label[:40])}</text>")
    out.append("</svg>")
    return "".join(out)


def _highlight(sentence: dict, spans: list[dict]) -> str:
    """The sentence with the given spans (article offsets) in <mark>, all text escaped."""
    text, base = sentence["text"], sentence["start"]
    cuts = sorted({(max(0, s["start"] - base), min(len(text), s["end"] - base)) for s in spans
                   if s["start"] >= base and s["end"] <= base + len(text) and (s["end"] - s["start"]) < len(text)})
    out, at = [], 0
    for s, e in cuts:
        if s < at:
            continue
        out.append(escape(text[at:s]) + "<mark>" + escape(text[s:e]) + "</mark>")
        at = e
    return "".join(out) + escape(text[at:])


def _copy(k: dict, arts: dict) -> str:
    arrow = "→" if k["direction"] == "forward" else "↔"
    head = (f"<h3>{escape(k['id'])}: {escape(k['kind'])} copy — {escape(_title(arts, k['source']))} {arrow} "
            f"{escape(_title(arts, k['target']))}</h3><p class='meta'>score {k['score']:.2f}"
            f"{'; ' + escape(', '.join(k['evidence'])) if k['evidence'] else ''}; "
            f"{len(k['pairs'])} aligned sentences</p>")
    rows = []
    for pair in k["pairs"]:
        src, tgt = pair["source"], pair["target"]
        found = [c for c in k["changes"] if src["start"] <= c["source"]["start"] < src["end"] + 1
                 and tgt["start"] <= c["target"]["start"] < tgt["end"] + 1]
        if not found:
            continue
        kinds = ", ".join(f"<span class='kind'>{escape(c['kind'])}</span>: {escape(c['message'])}" for c in found)
        rows.append(f"<p>{kinds}</p><table class='pair'><tr><td>{_highlight(src, [c['source'] for c in found])}</td>"
                    f"<td>{_highlight(tgt, [c['target'] for c in found])}</td></tr></table>")
    return head + ("".join(rows) if rows else "<p class='meta'>no changes of meaning found</p>")
