"""Terminal summary of a `newsprobe.corpus/1` result (rich)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape


def render(result: dict[str, Any], console: Console, titles: dict[str, str] | None = None) -> None:
    titles = titles or {a["id"]: a.get("title") or a["id"] for a in result["articles"]}

    def name(article_id: str) -> str:
        return escape(titles.get(article_id) or article_id)

    copies, links = result["copies"], result["claim_links"]
    changes = sum(len(k["changes"]) for k in copies)
    console.print(f"[bold]{len(result['articles'])} articles[/] · {len(result['stories'])} stories · "
                  f"{len(copies)} copies · {changes} changes · {len(links)} claim links")
    meta = result.get("meta", {})
    if "analysed" in meta:
        console.print(f"[dim]analysed now: {meta['analysed']}, reused from the store: {meta['reused']}[/]")
    for story in result["stories"]:
        if len(story["articles"]) < 2:
            continue
        when = f" [dim]{story['first_published']} – {story['last_published']}[/]" if story["first_published"] else ""
        console.print(f"\n[bold]{story['id']}[/] {escape(story['label'])}{when} "
                      f"[dim]({len(story['articles'])} articles)[/]")
        for article_id in story["articles"]:
            console.print(f"  · {name(article_id)}")
    singles = sum(1 for s in result["stories"] if len(s["articles"]) == 1)
    if singles:
        console.print(f"\n[dim]{singles} stories with a single article not listed[/]")
    for k in copies:
        arrow = "→" if k["direction"] == "forward" else "↔"
        console.print(f"\n[bold]{k['id']}[/] {k['kind']} copy: {name(k['source'])} {arrow} {name(k['target'])} "
                      f"[dim](score {k['score']:.2f}{'; ' + ', '.join(k['evidence']) if k['evidence'] else ''})[/]")
        for c in k["changes"]:
            console.print(f"  [yellow]{c['kind']}[/]: “{escape(c['source']['text'])}” → “{escape(c['target']['text'])}”")
    for link in links[:20]:
        outlets = ", ".join(link["outlets"]) or "no outlet known"
        console.print(f"\n[bold]{link['id']}[/] claim in {len(link['articles'])} articles ({escape(outlets)}), "
                      f"first in {name(link['earliest']['article'])}: “{escape(link['text'])}”")
    if len(links) > 20:
        console.print(f"[dim]… and {len(links) - 20} more claim links (see --format json)[/]")
