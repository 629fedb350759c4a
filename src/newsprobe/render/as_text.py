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
from ..layers.technique_glossary import EXPLANATIONS as TECHNIQUE_EXPLANATIONS
from ..layers.technique_glossary import label as technique_label
from . import (chain_label, clean, headline, marked, one_line, outlet_facts, outlet_role,
               quote_content, speaker_groups, status_evidence, truncate)

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
    parts = [Rule(_t(headline(analysis), "bold"), style="bright_blue"), _header(analysis)]
    if analysis.outlets:
        parts.append(_outlets(analysis))
    parts.append(_quotes(analysis))
    if analysis.entities:
        parts.append(_entities(analysis))
    if analysis.claims:
        parts.append(_claims(analysis))
    if analysis.techniques:
        parts.append(_techniques(analysis))
    if analysis.integrity:
        parts.append(_integrity(analysis))
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


def _outlets(a: Analysis) -> Text:
    """The publisher and cited media, each with what is known of it, and the reminder that
    this describes the outlet, not the article."""
    out = Text()
    for record in a.outlets:
        role = outlet_role(record)
        out.append(f"\n{role} ", style="dim")
        out.append(one_line(str(record.get("name", ""))), style="bold")
        if record.get("domain") and record.get("domain") != record.get("name"):
            out.append(f" ({one_line(str(record['domain']))})", style="dim")
        if record.get("quotes"):
            out.append(f" in {', '.join(one_line(str(q)) for q in record['quotes'])}", style="dim")
        facts = outlet_facts(record)
        out.append(": " + "; ".join(facts) if facts else ": no record", style="" if facts else "dim")
    out.append("\n(outlet context describes the outlet, not this article)", style="dim italic")
    return out


def _section(title: str, count: int) -> Text:
    return Text.assemble("\n", (title, "bold underline"), (f" ({count})", "dim"))


def _quotes(a: Analysis) -> Group:
    if not a.quotes:
        return Group(_section("Quotes", 0), Text("  no attributed statements found", style="dim"))
    trees = []
    for group in speaker_groups(a):
        sp = group.speaker
        label = Text.assemble((clean(sp.name), "bold " + KIND_STYLES.get(sp.kind, "")),
                              "  ", (sp.kind, KIND_STYLES.get(sp.kind, "")))
        if any(q.speaker.state_aligned for q in group.quotes):
            label.append("  state-aligned", style="bold red")
        entity = a.entity(sp.entity)
        if entity:
            name = "" if entity.name == sp.name else f" {clean(entity.name)}"
            label.append(f"  → {clean(entity.id)}{name} ({clean(entity.label)})", style="dim")
        shared_chain = group.chain
        if shared_chain:
            label.append("\n")
            label.append("chain ", style="dim")
            label.append(chain_label(sp, shared_chain))
        tree = Tree(label, guide_style="dim")
        for q in group.quotes:
            tree.add(_quote_line(q, show_chain=shared_chain is None))
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


def _claims(a: Analysis) -> Group:
    """One row per claim: status, check-worthiness, the claim with its hedges in italic
    magenta (hedges outside the claim's span are named after it), the quote's speaker,
    and the matching fact-checks with rating and score underneath."""
    quotes = {q.id: q for q in a.quotes}
    table = _table("status", "check", "firm", "claim")
    for c in a.claims:
        status = str(c.get("status", ""))
        cell = _claim_cell(a, c)
        q = quotes.get(c.get("quote") or "")
        if q:
            cell.append(f"  via {one_line(q.speaker.name)} ({q.id})", style="dim")
        why = status_evidence(c)
        if why:
            cell.append(f"\n  why {status}: {why}", style="dim")
        if c.get("rebutted_by"):
            cell.append("\n  rebutted by: ", style="dim")
            cell.append(truncate(one_line(str(c["rebutted_by"].get("text", ""))), 120), style="yellow")
        for f in c.get("factchecks", []):
            # The verdict as the checker wrote it, and who gave it: a tick before FALSE read
            # as "confirmed", which is the opposite of what the line says.
            cell.append("\n  fact-check: ", style="dim")
            cell.append(one_line(str(f.get("rating", ""))).upper(), style="bold red")
            if f.get("reviewer"):
                cell.append(f" by {one_line(str(f['reviewer']))}", style="bold")
            cell.append(" on " + truncate(str(f.get("claim", "")), 100))
            cell.append(f"  {float(f.get('score', 0.0)):.2f}", style="dim")
            if f.get("url"):
                cell.append(f"  {one_line(str(f['url']))}", style="dim underline")
        table.add_row(_t(status, STATUS_STYLES.get(status, "")),
                      Text(f"{float(c.get('checkworthiness', 0.0)):.2f}"), _firmness(c), cell)
    return Group(_section("Claims", len(a.claims)), Padding(table, (0, 0, 0, 2)))


def _firmness(c: dict) -> Text:
    """How firmly the claim is put (0..1); blank for analyses made before the field."""
    if "firmness" not in c:
        return Text("")
    value = float(c["firmness"])
    return Text(f"{value:.2f}", style="" if value >= 0.5 else "yellow")


def _claim_cell(a: Analysis, c: dict) -> Text:
    start, end = int(c.get("start", 0)), int(c.get("end", 0))
    text = str(c.get("text", ""))
    if end - start > CELL_CHARS * 2 or a.text[start:end] != text or len(clean(text)) != len(text):
        return _t(truncate(text, CELL_CHARS))
    cell = _t(text)
    outside = []
    for h in c.get("hedges", []):
        hs, he = int(h.get("start", 0)), int(h.get("end", 0))
        if start <= hs and he <= end:
            cell.stylize("italic magenta", hs - start, he - start)
        else:
            outside.append(one_line(str(h.get("text", ""))))
    if outside:
        cell.append("  hedged by " + ", ".join(outside), style="italic magenta")
    return cell


def _techniques(a: Analysis) -> Group:
    """Technique spans in text order. "by" tells whose rhetoric it is: the outlet's own
    words ("author") or a quoted speaker's (the technique lies inside that quote's
    content). A legend below explains each technique shown, in one line."""
    quotes = {q.id: q for q in a.quotes}
    table = _table("technique", "by", "text", "score")
    shown: list[str] = []
    by_author = 0
    for t in sorted(a.techniques, key=lambda t: (t.get("start", 0), t.get("end", 0))):
        name = str(t.get("technique", ""))
        if name not in shown:
            shown.append(name)
        quote = quotes.get(t.get("in_quote"))
        if quote:
            by = _t(f"{quote.speaker.name} ({quote.id})", KIND_STYLES.get(quote.speaker.kind, ""))
        else:
            by_author += 1
            by = Text("author", style="bold")
        table.add_row(_t(technique_label(name), "bold " + TECHNIQUE_STYLES.get(name, "")), by,
                      _t(truncate(str(t.get("text", "")), CELL_CHARS)),
                      Text(f"{float(t.get('score', 0.0)):.2f}"))
    legend = Text()
    for name in shown:
        legend.append("\n")
        legend.append(technique_label(name), style=TECHNIQUE_STYLES.get(name, ""))
        legend.append(f": {TECHNIQUE_EXPLANATIONS.get(name, 'technique')}", style="dim")
    summary = Text(f"  {by_author} in the author's words, {len(a.techniques) - by_author} "
                   "inside quotes (the speaker's)", style="dim")
    return Group(_section("Persuasion techniques", len(a.techniques)), summary,
                 Padding(table, (0, 0, 0, 2)), Padding(legend, (0, 0, 0, 2)))


# Integrity severities: a warning is a likely defect, info a normal variant worth knowing.
SEVERITY_STYLES = {"warning": "bold yellow", "info": "dim"}


def _integrity(a: Analysis) -> Group:
    """Warnings first, then info notes, each in text order, with the spans it is about."""
    table = _table("", "kind", "message", "where")
    findings = sorted(a.integrity, key=lambda f: (f.get("severity") == "info",
                                                   f.get("spans", [{}])[0].get("start", 0)))
    for f in findings:
        severity = "info" if f.get("severity") == "info" else "warning"
        where = "\n".join(f"@{s.get('start')} “{truncate(str(s.get('text', '')), 60)}”"
                          for s in f.get("spans", []))
        table.add_row(Text("!" if severity == "warning" else "i", style=SEVERITY_STYLES[severity]),
                      _t(str(f.get("kind", "")), SEVERITY_STYLES[severity]),
                      _t(str(f.get("message", "")), "" if severity == "warning" else "dim"),
                      _t(where, "dim"))
    warnings = sum(f.get("severity", "warning") == "warning" for f in findings)
    title = Text.assemble("\n", ("Integrity", "bold underline"),
                          (f" ({warnings} warning{'s' if warnings != 1 else ''}, "
                           f"{len(findings) - warnings} info)", "dim"))
    return Group(title, Padding(table, (0, 0, 0, 2)))


__all__ = ["render", "render_one"]
