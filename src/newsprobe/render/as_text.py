"""The terminal report: one section per article, written with rich.

Article text is untrusted: everything taken from it is passed to rich as `Text` (never
parsed as markup) or through `rich.markup.escape`, and control characters that could
drive the terminal are made visible first (`clean`). No markup string is ever built from
article text, so `rich.markup.escape` is not needed.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ..model import Analysis, Quote
from . import chain_label, clean, headline, marked, one_line, quote_content, truncate
from .article_view import ArticleView, ClaimView
from .article_view import build as build_view

# Styles per speaker kind, so that an anonymous or rumoured source stands out.
KIND_STYLES = {
    "person": "cyan", "official": "bright_cyan", "institution": "magenta",
    "unnamed_official": "bright_magenta", "media": "green", "document": "yellow",
    "anonymous": "bold red", "rumor": "bold red", "author": "white", "unknown": "dim",
}
STATUS_STYLES = {
    "asserted": "white", "reported": "cyan", "unconfirmed": "bright_yellow", "rumored": "bold red",
    "hedged": "bright_white", "disputed": "yellow", "denied": "red", "refuted": "bold red",
    "questioned": "magenta",
}
# One colour per persuasion technique (related ones share a hue), for the table and legend.
TECHNIQUE_STYLES = {
    "loaded_language": "red", "name_calling_labeling": "bright_red", "repetition": "yellow",
    "exaggeration_minimisation": "magenta", "doubt": "cyan", "appeal_to_fear_prejudice": "bright_magenta",
    "flag_waving": "blue", "causal_oversimplification": "green", "slogans": "bright_yellow",
    "appeal_to_authority": "bright_blue", "black_and_white_fallacy": "bright_green",
    "thought_terminating_cliches": "bright_cyan", "whataboutism_straw_men_red_herring": "bright_white",
    "bandwagon_reductio_ad_hitlerum": "bright_red",
}
# Characters of a claim, technique or integrity span shown in a table cell.
CELL_CHARS = 160


def _t(text: str, style: str = "") -> Text:
    """Untrusted text as a rich Text: never parsed as markup."""
    return Text(clean(text), style=style)


def render(analyses: list[Analysis], console: Console) -> None:
    """Print a report of each analysis to `console`."""
    for i, analysis in enumerate(analyses):
        if i:
            console.print()
        console.print(render_one(analysis))


def render_one(analysis: Analysis) -> Group:
    """The report of one article as a rich renderable."""
    view = build_view(analysis)
    parts = [Rule(_t(headline(analysis), "bold"), style="bright_blue"), _header(analysis)]
    if view.outlets:
        parts.append(_outlets(view))
    parts.append(_quotes(view))
    if analysis.entities:
        parts.append(_entities(analysis))
    if view.claims:
        parts.append(_claims(view))
    if view.techniques:
        parts.append(_techniques(view))
    if view.integrity:
        parts.append(_integrity(view))
    return Group(*parts)


def _header(a: Analysis) -> Text:
    line = Text()
    fields = [("outlet", a.outlet), ("published", a.published), ("url", a.url)]
    for name, value in fields:
        if value:
            if line:
                line.append("  ·  ", style="dim")
            line.append(f"{name} ", style="dim")
            line.append(one_line(value), style="underline" if name == "url" else "")
    if line:
        line.append("\n")
    line.append(f"id {one_line(a.id)}  ·  {len(a.text)} chars  ·  {len(a.entities)} entities  ·  "
                f"{len(a.quotes)} quotes", style="dim")
    return line


def _outlets(view: ArticleView) -> Text:
    """The publisher and cited media, each with what is known of it, and the reminder that
    this describes the outlet, not the article."""
    out = Text()
    for o in view.outlets:
        out.append(f"\n{o.role} ", style="dim")
        out.append(o.name, style="bold")
        if o.domain and o.domain != o.name:
            out.append(f" ({one_line(str(o.domain))})", style="dim")
        if o.quotes:
            out.append(f" in {', '.join(one_line(q) for q in o.quotes)}", style="dim")
        out.append(": " + "; ".join(o.facts) if o.facts else ": no record", style="" if o.facts else "dim")
    out.append("\n(outlet context describes the outlet, not this article)", style="dim italic")
    return out


def _section(title: str, count: int) -> Text:
    return Text.assemble("\n", (title, "bold underline"), (f" ({count})", "dim"))


def _quotes(view: ArticleView) -> Group:
    a = view.analysis
    if not a.quotes:
        return Group(_section("Quotes", 0), Text("  no attributed statements found", style="dim"))
    trees = []
    for group in view.speakers:
        sp = group.speaker
        label = Text.assemble((clean(sp.name), "bold " + KIND_STYLES.get(sp.kind, "")),
                              "  ", (sp.kind, KIND_STYLES.get(sp.kind, "")))
        if group.state_aligned:
            label.append("  state-aligned", style="bold red")
        entity = group.entity
        if entity:
            name = "" if entity.name == sp.name else f" {clean(entity.name)}"
            label.append(f"  → {clean(entity.id)}{name} ({clean(entity.label)})", style="dim")
        if group.chain:
            label.append("\n")
            label.append("chain ", style="dim")
            label.append(chain_label(sp, group.chain))
        tree = Tree(label, guide_style="dim")
        for row in group.quotes:
            tree.add(_quote_line(row.quote, show_chain=group.chain is None))
        trees.append(Padding(tree, (0, 0, 0, 2)))
    return Group(_section("Quotes", len(a.quotes)), *trees)


def _quote_line(q: Quote, show_chain: bool) -> Text:
    line = Text.assemble((f"{q.type:<8}", "bold"), " ")
    if q.cue:
        line.append(one_line(q.cue.text), style="italic yellow")
        line.append(": ")
    content = quote_content(q)
    line.append(marked(content) if content else "(no content)")
    line.append(f"  {q.confidence:.2f}", style="dim")
    if q.source and q.source.text.strip().casefold() != q.speaker.name.strip().casefold():
        line.append(f"  as “{one_line(q.source.text)}”", style="dim")
    if q.parent:
        line.append(f"  inside {clean(q.parent)}", style="dim")
    if show_chain and q.chain:
        line.append("\n")
        line.append("chain ", style="dim")
        line.append(chain_label(q.speaker, q.chain))
    return line


def _table(*columns: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    return table


def _entities(a: Analysis) -> Group:
    table = _table("entity", "label", "aliases", "mentions")
    for e in a.entities:
        table.add_row(_t(e.name, "bold"), _t(e.label), _t(", ".join(e.aliases), "dim"),
                      Text(str(len(e.mentions))))
    return Group(_section("Entities", len(a.entities)), Padding(table, (0, 0, 0, 2)))


def _claims(view: ArticleView) -> Group:
    """One row per claim: status, check-worthiness, the claim with its hedges in italic
    magenta (hedges outside the claim's span are named after it), the quote's speaker,
    and the matching fact-checks with rating and score underneath."""
    table = _table("status", "check", "firm", "claim")
    for c in view.claims:
        cell = _claim_cell(c)
        if c.quote:
            cell.append(f"  via {c.via} ({c.quote.id})", style="dim")
        if c.why:
            cell.append(f"\n  why {c.status}: {c.why}", style="dim")
        if c.claim.rebutted_by:
            cell.append("\n  rebutted by: ", style="dim")
            cell.append(truncate(one_line(c.claim.rebutted_by.text), 120), style="yellow")
        for f in c.claim.factchecks:
            # The verdict as the checker wrote it, and who gave it: a tick before FALSE read
            # as "confirmed", which is the opposite of what the line says.
            cell.append("\n  fact-check: ", style="dim")
            cell.append(one_line(str(f.rating)).upper(), style="bold red")
            if f.reviewer:
                cell.append(f" by {one_line(str(f.reviewer))}", style="bold")
            cell.append(" on " + truncate(str(f.claim), 100))
            cell.append(f"  {float(f.score or 0.0):.2f}", style="dim")
            if f.url:
                cell.append(f"  {one_line(str(f.url))}", style="dim underline")
        firm = Text("") if c.firmness is None else Text(c.firmness, style="yellow" if c.weak else "")
        table.add_row(_t(c.status, STATUS_STYLES.get(c.status, "")), Text(f"{c.checkworthiness:.2f}"),
                      firm, cell)
    return Group(_section("Claims", len(view.claims)), Padding(table, (0, 0, 0, 2)))


def _claim_cell(c: ClaimView) -> Text:
    """The claim with the hedges inside it in italic magenta; the others named after it."""
    text = str(c.claim.text)
    if (c.claim.end - c.claim.start > CELL_CHARS * 2 or not c.exact
            or len(clean(text)) != len(text)):
        return _t(truncate(text, CELL_CHARS))
    cell = _t(text)
    for h in c.hedges_inside:
        cell.stylize("italic magenta", h.start - c.claim.start, h.end - c.claim.start)
    if c.hedges_outside:
        cell.append("  hedged by " + ", ".join(one_line(str(h.text)) for h in c.hedges_outside),
                    style="italic magenta")
    return cell


def _techniques(view: ArticleView) -> Group:
    """Technique spans in text order. "by" tells whose rhetoric it is: the outlet's own
    words ("author") or a speaker's (inside a quote, or a reaction reported of a named
    speaker). A legend below explains each technique shown, in one line."""
    table = _table("technique", "by", "text", "score")
    for t in view.techniques:
        if t.is_authors:
            by = Text("author", style="bold")
        elif t.quote:
            by = _t(f"{t.quote.speaker.name} ({t.quote.id})", KIND_STYLES.get(t.quote.speaker.kind, ""))
        else:
            by = _t(t.by)
        table.add_row(_t(t.label, "bold " + TECHNIQUE_STYLES.get(t.name, "")), by,
                      _t(truncate(str(t.technique.text), CELL_CHARS)), Text(f"{t.score:.2f}"))
    legend = Text()
    for entry in view.glossary:
        legend.append("\n")
        legend.append(entry.label, style=TECHNIQUE_STYLES.get(entry.name, ""))
        legend.append(f": {entry.explanation or 'technique'}", style="dim")
    summary = Text(f"  {view.by_author} in the author's words, {view.by_speakers} "
                   "in speakers' words", style="dim")
    return Group(_section("Persuasion techniques", len(view.techniques)), summary,
                 Padding(table, (0, 0, 0, 2)), Padding(legend, (0, 0, 0, 2)))


# Integrity severities: a warning is a likely defect, info a normal variant worth knowing.
SEVERITY_STYLES = {"warning": "bold yellow", "info": "dim"}


def _integrity(view: ArticleView) -> Group:
    """Warnings first, then info notes, each in text order, with the spans it is about."""
    table = _table("", "kind", "message", "where")
    for f in view.integrity:
        where = "\n".join(f"@{s.start} “{truncate(str(s.text), 60)}”" for s in f.finding.spans)
        style = SEVERITY_STYLES[f.severity]
        table.add_row(Text("!" if f.severity == "warning" else "i", style=style),
                      _t(f.kind, style), _t(f.message, "" if f.severity == "warning" else "dim"),
                      _t(where, "dim"))
    title = Text.assemble("\n", ("Integrity", "bold underline"), (f" ({view.warnings_label})", "dim"))
    return Group(title, Padding(table, (0, 0, 0, 2)))


__all__ = ["render", "render_one"]
