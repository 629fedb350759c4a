"""The HTML story report of a `newsprobe.corpus` result: one self-contained page.

It shows each story the way the web app's story page does, from the same story view
(render/story_view.py) and the same stylesheet (web/static/app.css, inlined): a vertical
timeline of the articles with their copy relations, the copy graph as an arc diagram,
each copy family's route from its likely original (an indented tree, each hop with its
changes side by side), and each changed sentence pair side by side with the changes marked. Every piece of input text
is escaped, and the page loads nothing from outside (a Content-Security-Policy says so).
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
from importlib import resources
from typing import Any

from .. import __version__
from .as_html import page_head
from .story_view import story_articles, story_view

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


@lru_cache(maxsize=1)
def _stylesheet() -> str:
    return resources.files("newsprobe.web").joinpath("static/app.css").read_text("utf-8")


def render(result: dict[str, Any], texts: dict[str, str] | None = None) -> str:
    """The page; `texts` (article id -> text) is not needed: spans carry their text."""
    copies, links = result["copies"], result["claim_links"]
    parts = [f"<p class='sub'>{len(result['articles'])} articles · {len(result['stories'])} stories · "
             f"{len(copies)} copies · {sum(len(k['changes']) for k in copies)} changes · "
             f"{len(links)} claim links</p>"]
    shown = [s for s in result["stories"]
             if len(s["articles"]) > 1 or any(k["source"] in s["articles"] for k in copies)]
    if len(shown) > 1:
        parts.append("<nav class='story-index'><ul>" + "".join(
            f"<li><a href='#{escape(s['id'])}'>{escape(s.get('label') or s['id'])}</a> "
            f"<span class='sub'>{len(s['articles'])} articles</span></li>" for s in shown)
            + "</ul></nav>")
    for story in shown:
        parts.append(_story(story_view(story_articles(result, story))))
    if links:
        arts = {a["id"]: a for a in result["articles"]}
        parts.append("<section class='changes'><h2>Claims repeated across articles</h2><ul>")
        for link in links:
            first = arts.get(link["earliest"]["article"], {})
            parts.append(
                f"<li>“{escape(link['text'])}”: first in <b>{escape(first.get('title') or link['earliest']['article'])}</b>"
                f" ({escape(link['earliest'].get('published') or 'undated')}); repeated by "
                f"{escape(', '.join(link['outlets']) or str(len(link['articles'])) + ' articles')}</li>")
        parts.append("</ul></section>")
    version = escape(result.get("meta", {}).get("newsprobe", __version__))
    return (page_head("newsprobe story report", _stylesheet() + _EXTRA_CSS, csp=CSP)
            + _PAGE.format(body="\n".join(parts), version=version))


def _story(view: dict[str, Any]) -> str:
    story, titles = view["story"], view["titles"]
    span = ""
    if story.get("first_published"):
        span = escape(story["first_published"])
        if story.get("last_published") and story["last_published"] != story["first_published"]:
            span += " – " + escape(story["last_published"])
    facts = [f"<span>{len(story['articles'])} articles</span>", f"<span>{len(view['pairs'])} copies</span>"]
    if span:
        facts.append(f"<span>{span}</span>")
    out = [f"<section class='story' id='{escape(story['id'])}'><header class='page-head'>"
           f"<p class='crumb'>Story {escape(story['id'])}</p><h1>{escape(story.get('label') or story['id'])}</h1>"
           f"<div class='facts'>{''.join(facts)}</div>"]
    if story.get("entities"):
        out.append(f"<p class='sub'>{escape(', '.join(story['entities']))}</p>")
    out.append("</header><div class='story-grid'>")
    out.append(_timeline(view))
    out.append(_graph(view["graph"]))
    out.append("</div>")
    out.append(_routes(view["routes"], titles))
    out.append(_changes(view["pairs"], titles))
    out.append("</section>")
    return "".join(out)


def _timeline(view: dict[str, Any]) -> str:
    items = []
    for a in view["articles"]:
        chips = "".join(f"<span class='chip copy-chip'>{escape(r['role'])} "
                        f"{escape(view['titles'][r['other']][:60])} · {escape(r['kind'])}</span>"
                        for r in view["relations"].get(a["id"], []))
        linked = " linked" if view["relations"].get(a["id"]) else ""
        items.append(f"<li class='tl-item'><span class='tl-date'>{escape(a.get('published') or 'undated')}</span>"
                     f"<span class='tl-dot{linked}'></span><div class='tl-body'>"
                     f"<span class='title'>{escape(a.get('title') or a['id'])}</span>"
                     f"<span class='meta'>{escape(a.get('outlet') or 'outlet unknown')}</span>"
                     f"{_control_chip(view['controls'].get(a['id']))}{chips}</div></li>")
    return ("<section class='timeline-col'><h2>Timeline</h2><ol class='timeline'>"
            + "".join(items) + "</ol></section>")


def _control_chip(control: str | None) -> str:
    if not control:
        return ""
    return (f" <span class='chip k-state' title='what newsprobe knows of the outlet&#39;s ownership: "
            f"a prior, not a verdict'>{escape(control)}</span>")


def _graph(graph: dict[str, Any]) -> str:
    out = ["<section class='graph-col'><h2>Copy graph</h2>"]
    if not graph["edges"]:
        out.append("<p class='none'>No copies among these articles: they tell the story independently.</p>")
    width = round(graph["width"])
    out.append(f"<div class='graph-wrap'><svg class='copy-graph' xmlns='http://www.w3.org/2000/svg' "
               f"viewBox='0 0 {width} {graph['height']}' width='{width}' height='{graph['height']}' role='img' "
               f"aria-label='Copy graph: which article copies which'><defs><marker id='arrow' viewBox='0 0 10 10' "
               f"refX='8' refY='5' markerWidth='7' markerHeight='7' orient='auto'>"
               f"<path d='M0,0L10,5L0,10z' fill='#b35900'/></marker></defs>")
    for e in graph["edges"]:
        dash = "" if e["kind"] == "verbatim" else " stroke-dasharray='6 4'"
        arrow = " marker-end='url(#arrow)'" if e["forward"] else ""
        out.append(f"<path class='edge edge-{escape(e['kind'])}' d='{escape(e['d'])}' fill='none' stroke='#b35900' "
                   f"stroke-width='2.5'{dash}{arrow}><title>{escape(e['id'])}: {escape(e['kind'])} copy, "
                   f"score {e['score']:.2f}</title></path>")
    for n in graph["nodes"]:
        fill, ink = ("#1f6feb", "#24292f") if n["linked"] else ("#8c959f", "#57606a")
        out.append(f"<circle cx='{n['x']}' cy='{n['y']}' r='7' fill='{fill}' stroke='#fff' stroke-width='2'>"
                   f"<title>{escape(n['title'])} ({escape(n['date'])})</title></circle>"
                   f"<text x='{n['x'] + 16}' y='{n['y'] + 4}' font-size='12' fill='{ink}'>{escape(n['label'])}</text>")
    out.append("</svg></div>")
    if graph["hidden"]:
        out.append(f"<p class='sub'>and {graph['hidden']} more articles (see the timeline)</p>")
    out.append("<p class='legend-line'>Copy: dashed when rewritten or partial, with an arrow from the "
               "original to the copy when the order is known. Blue: articles that copy or are copied.</p>"
               "</section>")
    return "".join(out)


def _routes(routes: list[dict[str, Any]], titles: dict[str, str]) -> str:
    if not routes:
        return ""
    out = ["<section class='routes'><h2>Origin and route of the copies</h2>"]
    for route in routes:
        f = route["family"]
        margin = f" (margin {f['margin']:.2f})" if f.get("margin") is not None else ""
        out.append(f"<div class='route-block' id='family-{escape(f['id'])}'><h3>Likely original: "
                   f"{escape(titles.get(f['original'], f['original']))} · <span class='kind conf-{escape(f['confidence'])}'>"
                   f"{escape(f['confidence'])} confidence</span>{escape(margin)}</h3>"
                   f"<p class='sub'>{escape('; '.join(f['reasons']))}"
                   + (f"; next most likely original: {escape(titles.get(f['runner_up'], f['runner_up']))}"
                      if f.get("runner_up") else "") + "</p><ol class='route'>")
        for row in route["rows"]:
            hop = row["hop"]
            meta = escape(row["date"] + (f" · {row['outlet']}" if row.get("outlet") else ""))
            if hop is None:
                head = "<span class='route-mark'>original</span>"
            else:
                n = len(hop["changes"])
                head = (f"<span class='route-mark'>└ {escape(hop['kind'])} copy · {n} change{'s' if n != 1 else ''}"
                        f"</span>")
            out.append(f"<li class='route-node route-d{row['indent']}'>{head} <span class='title'>{escape(row['title'])}</span> "
                       f"<span class='meta'>{meta}</span>")
            if hop is not None:
                out.append(f"<span class='sub route-why'>{escape('; '.join(hop['reasons']))}</span>")
                out.append(_hop_table(hop, row["pairs"], titles))
            out.append("</li>")
        out.append("</ol></div>")
    out.append("</section>")
    return "".join(out)


def _hop_table(hop: dict[str, Any], rows: list[dict[str, Any]], titles: dict[str, str]) -> str:
    if not hop["changes"]:
        return ""
    if not rows:  # the copy's sentence pairs are not at hand: the changes by message
        return "<ul class='hop-changes'>" + "".join(f"<li>{_change(c)}</li>" for c in hop["changes"]) + "</ul>"
    return _pair_table(titles.get(hop["parent"], hop["parent"]), "parent",
                       titles.get(hop["child"], hop["child"]), "copy", rows)


def _change(change: dict[str, Any]) -> str:
    """One change: its kind as a chip, then its message."""
    return (f"<span class='kind chg-kind chg-{escape(change['kind'])}'>"
            f"{escape(change['kind'].replace('_', ' '))}</span> {escape(change['message'])}")


def _pair_table(left: str, left_role: str, right: str, right_role: str, rows: list[dict[str, Any]]) -> str:
    """Changed sentence pairs side by side, each under its changes' messages."""
    out = [f"<table class='pairs'><thead><tr><th>{escape(left)}<span class='sub'>{left_role}</span></th>"
           f"<th>{escape(right)}<span class='sub'>{right_role}</span></th></tr></thead><tbody>"]
    for row in rows:
        messages = " · ".join(_change(ch) for ch in row["changes"])
        out.append(f"<tr class='msg'><td colspan='2'>{messages}</td></tr><tr class='pair'>"
                   f"<td class='side source'>{_pieces(row['source'])}</td>"
                   f"<td class='side target'>{_pieces(row['target'])}</td></tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _pieces(pieces: list[tuple[str, str | None]]) -> str:
    return "".join(f"<mark class='chg chg-{escape(kind)}'>{escape(text)}</mark>" if kind else escape(text)
                   for text, kind in pieces)


def _changes(pairs: list[dict[str, Any]], titles: dict[str, str]) -> str:
    out = ["<section class='changes'><h2>What changed between versions</h2>"]
    if not pairs:
        out.append("<p class='none'>No copies, so no changed sentences.</p>")
    for p in pairs:
        c = p["edge"]
        n = len(c["changes"])
        out.append(f"<div class='copy-block' id='copy-{escape(c['id'])}'><h3><span class='kind'>{escape(c['kind'])}"
                   f"</span> copy · score {c['score']:.2f} · {n} change{'s' if n != 1 else ''}</h3>")
        if not p["rows"]:
            out.append("<p class='none'>Aligned, but no change of meaning found.</p></div>")
            continue
        forward = c["direction"] == "forward"
        out.append(_pair_table(titles[c["source"]], "original" if forward else "one version",
                               titles[c["target"]], "copy" if forward else "other version", p["rows"]))
        out.append("</div>")
    out.append("</section>")
    return "".join(out)


# The story blocks are separated on the one page that lists several of them.
_EXTRA_CSS = ".story{margin-bottom:3rem;border-bottom:1px solid var(--line)}\n"

_PAGE = """<body>
<main class="page">
<h1>newsprobe story report</h1>
{body}
</main>
<footer class="sub">newsprobe {version}</footer>
</body>
</html>
"""
