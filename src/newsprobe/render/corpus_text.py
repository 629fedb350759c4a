"""Terminal summary of a `newsprobe.corpus` result (rich): stories, copies with their
changes, each copy family's route from its likely original as an indented tree, claim
links."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape

from .story_view import changed_pairs, flipped


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
        _print_changes(console, changed_pairs(k), k["changes"], "  ", ("A", "B"))
    copies_by_id = {k["id"]: k for k in copies}
    for family in result.get("families", []):
        render_route(family, console, name, {a["id"]: a.get("published") for a in result["articles"]}, copies_by_id)
    for link in links[:20]:
        outlets = ", ".join(link["outlets"]) or "no outlet known"
        console.print(f"\n[bold]{link['id']}[/] claim in {len(link['articles'])} articles ({escape(outlets)}), "
                      f"first in {name(link['earliest']['article'])}: “{escape(link['text'])}”")
    if len(links) > 20:
        console.print(f"[dim]… and {len(links) - 20} more claim links (see --format json)[/]")


def _print_changes(console: Console, rows: list[dict], changes: list[dict], indent: str,
                   labels: tuple[str, str]) -> None:
    """Each changed sentence pair once, its changes above it, the two sentences one above
    the other (labelled A/B for a copy, P/C for a hop of a route) with the changed words
    marked; a change on no aligned pair shows its changed words alone."""
    shown = {id(c) for row in rows for c in row["changes"]}
    for row in rows:
        for c in row["changes"]:
            console.print(f"{indent}[yellow]{c['kind']}[/]: {escape(c['message'])}")
        console.print(f"{indent}  [dim]{labels[0]}[/] {_marked(row['source'])}")
        console.print(f"{indent}  [dim]{labels[1]}[/] {_marked(row['target'])}")
    for c in changes:
        if id(c) not in shown:
            console.print(f"{indent}[yellow]{c['kind']}[/]: “{escape(c['source']['text'])}” → “{escape(c['target']['text'])}”")


def _marked(pieces: list[tuple[str, str | None]]) -> str:
    return "".join(f"[bold yellow]{escape(text)}[/]" if kind else escape(text) for text, kind in pieces)


def render_route(family: dict[str, Any], console: Console, name, published: dict[str, str | None],
                 copies: dict[str, dict] | None = None) -> None:
    """The family's likely original, how sure and why, and its route as an indented tree,
    each copy under the version it was most likely made from, with the hop's changes: each
    with its two sentences, the parent's (P) above the copy's (C), where the hop's copy is
    in `copies` (else the changed words alone)."""
    copies = copies or {}
    margin = f", margin {family['margin']:.2f}" if family.get("margin") is not None else ""
    runner_up = f"; next most likely original: {name(family['runner_up'])}" if family.get("runner_up") else ""
    console.print(f"\n[bold]{family['id']}[/] route of {len(family['articles'])} versions "
                  f"([bold]{family['confidence']}[/] confidence{margin}): {escape('; '.join(family['reasons']))}"
                  f"{runner_up}")
    children: dict[str, list[dict]] = {}
    for hop in family["route"]:
        children.setdefault(hop["parent"], []).append(hop)
    # Each original with its copies under it, the main original first.
    stack: list[tuple[str, int, dict | None]] = [(o, 0, None) for o in reversed(family.get("originals")
                                                                                 or [family["original"]])]
    while stack:  # depth first without recursion: a route can be a long chain
        article, depth, hop = stack.pop()
        when = f" [dim]{escape(published.get(article) or 'undated')}[/]"
        indent = "  " + "   " * depth
        if hop is None:
            console.print(f"{indent}[green]original[/] {name(article)}{when}")
        else:
            n = len(hop["changes"])
            console.print(f"{indent}└ {hop['kind']} copy {name(article)}{when} "
                          f"[dim]({n} change{'s' if n != 1 else ''}; {escape(', '.join(hop['reasons']))})[/]")
            copy = copies.get(hop["copy"])
            rows = changed_pairs({"pairs": flipped(copy["pairs"]) if hop["reversed"] else copy["pairs"],
                                  "changes": hop["changes"]}) if copy is not None else []
            _print_changes(console, rows, hop["changes"], indent + "    ", ("P", "C"))
        for child in sorted(children.get(article, []), key=lambda h: h["child"], reverse=True):
            stack.append((child["child"], depth + 1, child))
