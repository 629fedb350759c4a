"""One self-contained HTML page per article: the text with every finding highlighted.

The text is split at every span boundary; each piece is wrapped in one <span> whose classes
are those of all the findings covering it, so overlapping and nested spans (a cue inside
another quote's content) need no nesting of elements, and the visible text of the article
block is exactly `Analysis.text` (`white-space: pre-wrap` keeps its line breaks).

Article text is untrusted: every string derived from it is escaped with `html.escape`, a
URL becomes a link only when it is http(s), and a Content-Security-Policy forbids every
external resource. The inline script reads the DOM only; it never contains article data.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .. import __version__
from ..model import Analysis, Quote
from ..layers.technique_glossary import EXPLANATIONS as TECHNIQUE_EXPLANATIONS
from ..layers.technique_glossary import label as technique_label
from ..outlets import CONTROL_LABELS
from . import (chain_label, headline, marked, one_line, outlet_facts, outlet_role, quote_content,
               source_label, speaker_groups, status_evidence, truncate)

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"

# Quote backgrounds, one per speaker in order of appearance (cycled), light enough for
# near-black text to keep a contrast ratio above 12:1; the border colour marks the speaker
# in the side panel.
PALETTE = [
    ("#dbeafe", "#2563eb"), ("#fde2e1", "#dc2626"), ("#dcfce7", "#16a34a"),
    ("#fef3c7", "#d97706"), ("#ede9fe", "#7c3aed"), ("#cffafe", "#0891b2"),
    ("#fce7f3", "#db2777"), ("#ecfccb", "#65a30d"), ("#ffedd5", "#ea580c"),
    ("#e0e7ff", "#4f46e5"),
]
# Characters of quote content in the side panel.
PANEL_CHARS = 180


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _text(value: str) -> str:
    """Escaped article text; a carriage return as a character reference, since an HTML
    parser would otherwise fold CR LF into LF and the visible text would differ."""
    return esc(value).replace("\r", "&#13;")


def safe_href(url: str | None) -> str | None:
    """The URL if it is http(s), else None: `javascript:` and friends never become links."""
    if url and url.strip().lower().startswith(("http://", "https://")) and url == url.strip():
        return url
    return None


@dataclass
class _Mark:
    """One finding over [start, end): its CSS classes, its tooltip line and, for quotes,
    the quote's index (hovering one piece of a quote lights up all of it)."""
    start: int
    end: int
    classes: tuple[str, ...]
    tip: str
    quote: int | None = None
    rank: int = 0  # among overlapping quotes the innermost (shortest) one gives the colour


def _quote_tip(q: Quote, a: Analysis) -> str:
    tip = f"{q.type} quote {q.id} · speaker {source_label(q.speaker.name, q.speaker.kind)}"
    entity = a.entity(q.speaker.entity)
    if entity:
        tip += f" = {entity.name} ({entity.label})"
    if q.chain:
        tip += f" · chain {chain_label(q.speaker, q.chain)}"
    if q.cue:
        tip += f" · cue “{one_line(q.cue.text)}”"
    tip += f" · confidence {q.confidence:.2f}"
    if q.parent:
        tip += f" · inside {q.parent}"
    return tip


def _marks(a: Analysis, colour: dict[int, int]) -> list[_Mark]:
    marks: list[_Mark] = []
    for e in a.entities:
        for m in e.mentions:
            marks.append(_Mark(m.start, m.end, ("ent",), f"entity {e.id}: {e.name} ({e.label})"))
    for qi, q in enumerate(a.quotes):
        tip = _quote_tip(q, a)
        for c in q.content:
            marks.append(_Mark(c.start, c.end, ("qc", f"sp{colour[qi]}"), tip, qi, c.end - c.start))
        if q.cue:
            marks.append(_Mark(q.cue.start, q.cue.end, ("cue",), f"cue of {q.id}: {tip}", qi))
        if q.source:
            marks.append(_Mark(q.source.start, q.source.end, ("src",),
                               f"source of {q.id} as written → {source_label(q.speaker.name, q.speaker.kind)}",
                               qi))
    for c in a.claims:
        marks.append(_Mark(c.get("start", 0), c.get("end", 0), ("claim",),
                           f"claim {c.get('id', '')}: {c.get('status', '')}, "
                           f"check-worthiness {float(c.get('checkworthiness', 0.0)):.2f}"))
        for h in c.get("hedges", []):
            kind = f" ({h['kind']})" if h.get("kind") else ""
            marks.append(_Mark(h.get("start", 0), h.get("end", 0), ("hedge",),
                               f"hedge{kind} of claim {c.get('id', '')}"))
    for t in a.techniques:
        name = str(t.get("technique", ""))
        classes = ("tech", "tech-q") if t.get("in_quote") else ("tech",)
        marks.append(_Mark(t.get("start", 0), t.get("end", 0), classes,
                           f"technique: {technique_label(name)} ({float(t.get('score', 0.0)):.2f}), "
                           f"{_technique_by(a, t)}: {TECHNIQUE_EXPLANATIONS.get(name, '')}"))
    for f in a.integrity:
        info = f.get("severity") == "info"
        for s in f.get("spans", []):
            marks.append(_Mark(s.get("start", 0), s.get("end", 0), ("integ-info",) if info else ("integ",),
                               f"integrity {f.get('severity', 'warning')}: "
                               f"{INTEGRITY_LABELS.get(str(f.get('kind', '')), f.get('kind', ''))}: "
                               f"{f.get('message', '')}"))
    n = len(a.text)
    return [m for m in marks
            if isinstance(m.start, int) and isinstance(m.end, int) and 0 <= m.start < m.end <= n]


def _technique_by(a: Analysis, t: dict) -> str:
    """Whose rhetoric a technique is: the author's, or the speaker of the quote it is in."""
    quote = next((q for q in a.quotes if q.id == t.get("in_quote")), None)
    return f"by {one_line(quote.speaker.name)} (quote {quote.id})" if quote else "by the author"


def _techniques_panel(a: Analysis) -> str:
    """Technique spans in text order, each with whose it is, then one line per technique
    found saying what it is."""
    items = []
    for t in sorted(a.techniques, key=lambda t: (t.get("start", 0), t.get("end", 0))):
        name = str(t.get("technique", ""))
        cls = "by-q" if t.get("in_quote") else "by-a"
        items.append(f'<li><span class="kind t-kind" title="{esc(TECHNIQUE_EXPLANATIONS.get(name, ""))}">'
                     f'{esc(technique_label(name))}</span> {esc(truncate(str(t.get("text", "")), PANEL_CHARS))} '
                     f'<span class="{cls}">{esc(_technique_by(a, t))}</span> '
                     f'<span class="conf">{float(t.get("score", 0.0)):.2f}</span></li>')
    names = list(dict.fromkeys(str(t.get("technique", "")) for t in a.techniques))
    glossary = "".join(f"<dt>{esc(technique_label(n))}</dt><dd>{esc(TECHNIQUE_EXPLANATIONS.get(n, ''))}</dd>"
                       for n in names)
    return (f'<h2>Techniques <span class="count">{len(a.techniques)}</span></h2>'
            f'<ul class="findings">{"".join(items)}</ul>'
            f'<details class="glossary" open><summary>What these techniques are</summary>'
            f'<dl>{glossary}</dl></details>')


def highlight(a: Analysis, colour: dict[int, int]) -> str:
    """The article text as HTML, split at every span boundary, each piece wrapped in a
    <span> carrying the classes and tooltips of all the findings that cover it."""
    text = a.text
    marks = _marks(a, colour)
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starts: dict[int, list[_Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    active: list[_Mark] = []
    anchored: set[int] = set()
    out: list[str] = []
    for lo, hi in zip(bounds, bounds[1:]):
        active = [m for m in active if m.end > lo] + starts.get(lo, [])
        piece = _text(text[lo:hi])
        if not active:
            out.append(piece)
            continue
        classes: list[str] = []
        quote_marks = [m for m in active if "qc" in m.classes]
        inner = min(quote_marks, key=lambda m: m.rank) if quote_marks else None
        for m in active:
            if m is inner or "qc" not in m.classes:
                classes.extend(c for c in m.classes if c not in classes)
            if "src" in m.classes:
                classes.extend(c for c, edge in (("src-s", m.start == lo), ("src-e", m.end == hi)) if edge)
        if len(quote_marks) > 1:
            classes.append("nested")
        quotes = sorted({m.quote for m in active if m.quote is not None})
        # An empty anchor where each quote begins, for the side panel's links.
        out.extend(f'<span id="np-q{i}"></span>' for i in quotes if i not in anchored)
        anchored.update(quotes)
        attrs = f' class="{esc(" ".join(classes))}"'
        if quotes:
            attrs += f' data-q="{" ".join(f"q{i}" for i in quotes)}"'
        tips = list(dict.fromkeys(m.tip for m in sorted(active, key=lambda m: (m.rank == 0, m.start))))
        attrs += f' title="{esc(chr(10).join(tips))}"'
        out.append(f"<span{attrs}>{piece}</span>")
    return "".join(out)


def _speaker_colours(a: Analysis) -> dict[int, int]:
    """Quote index -> palette index, one colour per speaker (name, kind, entity)."""
    order: dict[tuple, int] = {}
    colour: dict[int, int] = {}
    for qi, q in enumerate(a.quotes):
        key = (q.speaker.name, q.speaker.kind, q.speaker.entity)
        order.setdefault(key, len(order) % len(PALETTE))
        colour[qi] = order[key]
    return colour


def _outlets_panel(a: Analysis) -> str:
    """The publisher and cited media with what is known of each; "no record" is shown too."""
    if not a.outlets:
        return ""
    parts = [f'<h2>Outlets <span class="count">{len(a.outlets)}</span></h2><ul class="outlets">']
    for record in a.outlets:
        role = outlet_role(record)
        quotes = (f' <span class="sub">in {esc(", ".join(map(str, record["quotes"])))}</span>'
                  if record.get("quotes") else "")
        facts = outlet_facts(record)
        body = ("".join(f"<li>{esc(f)}</li>" for f in facts) if facts
                else '<li class="none">no record</li>')
        link = ""
        cases = record.get("disinfo_cases") or {}
        href = safe_href(cases.get("latest_url"))
        if href:
            link = (f'<li><a href="{esc(href)}" rel="noopener noreferrer nofollow">latest '
                    f'EUvsDisinfo case</a></li>')
        parts.append(f'<li><span class="sub">{role}</span> <b>{esc(one_line(str(record.get("name", ""))))}'
                     f'</b>{quotes}<ul>{body}{link}</ul></li>')
    parts.append('</ul><p class="sub">Outlet context describes the outlet, not this article: a '
                 'prior to weigh, never a verdict.</p>')
    return "".join(parts)


def _panel(a: Analysis, colour: dict[int, int]) -> str:
    index = {id(q): qi for qi, q in enumerate(a.quotes)}
    parts = [_outlets_panel(a),
             f'<h2>Speakers <span class="count">{len(speaker_groups(a))}</span></h2>']
    if not a.quotes:
        parts.append('<p class="none">No attributed statements found.</p>')
    for group in speaker_groups(a):
        sp = group.speaker
        qi0 = index[id(group.quotes[0])]
        entity = a.entity(sp.entity)
        state = (' <span class="kind k-state" title="described as state-run or a known state outlet">'
                 'state-aligned</span>' if any(q.speaker.state_aligned for q in group.quotes) else "")
        parts.append(f'<section class="speaker sp{colour[qi0]}">'
                     f'<h3>{esc(one_line(sp.name))} <span class="kind k-{esc(sp.kind)}">{esc(sp.kind)}</span>{state}</h3>')
        if entity:
            name = "" if entity.name == sp.name else f"{esc(entity.name)} · "
            parts.append(f'<p class="sub">{name}{esc(entity.label)}</p>')
        if group.chain:
            parts.append(f'<p class="chain">{esc(chain_label(sp, group.chain))}</p>')
        parts.append("<ol>")
        for q in group.quotes:
            qi = index[id(q)]
            cue = f'<span class="pcue">{esc(one_line(q.cue.text))}</span> ' if q.cue else ""
            chain = (f'<span class="chain">{esc(chain_label(q.speaker, q.chain))}</span>'
                     if q.chain and not group.chain else "")
            parts.append(f'<li><a href="#np-q{qi}" data-q="q{qi}"><span class="qtype">{esc(q.type)}</span> '
                         f'{cue}{esc(marked(quote_content(q, PANEL_CHARS)))}</a> '
                         f'<span class="conf">{q.confidence:.2f}</span>{chain}</li>')
        parts.append("</ol></section>")
    if a.entities:
        parts.append(f'<details><summary>Entities <span class="count">{len(a.entities)}</span></summary><ul class="ents">')
        for e in a.entities:
            aliases = f' <span class="sub">({esc(", ".join(e.aliases))})</span>' if e.aliases else ""
            parts.append(f'<li>{esc(e.name)} <span class="kind">{esc(e.label)}</span>{aliases} '
                         f'<span class="conf">×{len(e.mentions)}</span></li>')
        parts.append("</ul></details>")
    if a.claims:
        parts.append(_claims_panel(a))
    if a.techniques:
        parts.append(_techniques_panel(a))
    if a.integrity:
        parts.append(_integrity_panel(a))
    return "\n".join(parts)


# Integrity kinds as a reader names them.
INTEGRITY_LABELS = {
    "stray_fragment": "stray fragment", "truncated_sentence": "cut-off sentence",
    "inconsistent_quote": "quote in two wordings", "name_variant": "name spelt two ways",
    "inconsistent_number": "number given two ways",
}


def _integrity_panel(a: Analysis) -> str:
    """Warnings first, then info notes; each with its kind, message and the text it is
    about (each span, shortened)."""
    findings = sorted(a.integrity, key=lambda f: (f.get("severity") == "info",
                                                   f.get("spans", [{}])[0].get("start", 0)))
    warnings = sum(f.get("severity", "warning") == "warning" for f in findings)
    items = []
    for f in findings:
        severity = "info" if f.get("severity") == "info" else "warning"
        kind = str(f.get("kind", ""))
        where = " / ".join(f'<q>{esc(truncate(str(s.get("text", "")), 80))}</q>' for s in f.get("spans", []))
        items.append(f'<li class="i-{severity}"><span class="kind i-kind-{severity}">'
                     f'{esc(INTEGRITY_LABELS.get(kind, kind))}</span> {esc(f.get("message", ""))}'
                     f'<span class="sub i-where">{where}</span></li>')
    return (f'<h2>Integrity <span class="count">{warnings} warning{"s" if warnings != 1 else ""}, '
            f'{len(findings) - warnings} info</span></h2><ul class="findings">{"".join(items)}</ul>')


# Characters of a claim shown in the side panel (claims are sentences, rarely longer).
CLAIM_CHARS = 400


def _claim_text(a: Analysis, c: dict) -> str:
    """The claim as HTML with its hedges inside it marked; hedges elsewhere in the
    sentence ("reportedly" before a quote) are listed after it."""
    start, end = int(c.get("start", 0)), int(c.get("end", 0))
    if end - start > CLAIM_CHARS or a.text[start:end] != c.get("text"):
        return esc(truncate(str(c.get("text", "")), CLAIM_CHARS))
    out, pos, outside = [], start, []
    for h in sorted(c.get("hedges", []), key=lambda h: h.get("start", 0)):
        hs, he = int(h.get("start", 0)), int(h.get("end", 0))
        if start <= hs and he <= end and hs >= pos:
            out.append(esc(a.text[pos:hs]))
            out.append(f'<mark class="hedge" title="{esc(h.get("kind", "hedge"))}">{esc(a.text[hs:he])}</mark>')
            pos = he
        elif not (start <= hs < end):
            outside.append(f'<mark class="hedge" title="{esc(h.get("kind", "hedge"))}">{esc(h.get("text", ""))}</mark>')
    out.append(esc(a.text[pos:end]))
    if outside:
        out.append(f' <span class="sub">hedged by {", ".join(outside)}</span>')
    return "".join(out)


def _firmness(c: dict) -> str:
    """How firmly the claim is put (0..1); nothing for analyses made before the field."""
    if "firmness" not in c:
        return ""
    return (f' <span class="conf" title="how firmly the text presents it as real (0..1)">'
            f'firm {float(c["firmness"]):.2f}</span>')


def _claims_panel(a: Analysis) -> str:
    """Claims in text order: status, check-worthiness, the quote it comes from, the claim
    with its hedges marked, and matching fact-checks with their ratings."""
    quotes = {q.id: q for q in a.quotes}
    parts = [f'<h2>Claims <span class="count">{len(a.claims)}</span></h2><ol class="claims">']
    for c in a.claims:
        status = str(c.get("status", ""))
        cw = float(c.get("checkworthiness", 0.0))
        q = quotes.get(c.get("quote") or "")
        who = f' <span class="sub">via {esc(one_line(q.speaker.name))}</span>' if q else ""
        parts.append(f'<li class="claim-item"><span class="kind st-{esc(status)}">{esc(status)}</span> '
                     f'<span class="conf" title="check-worthiness">check {cw:.2f}</span>'
                     f'{_firmness(c)}{who}'
                     f'<div class="ctext">{_claim_text(a, c)}</div>')
        why = status_evidence(c)
        if why:
            parts.append(f'<div class="sub why">why {esc(status)}: {esc(why)}</div>')
        if c.get("rebutted_by"):
            rebuttal = esc(truncate(one_line(str(c["rebutted_by"].get("text", ""))), PANEL_CHARS))
            parts.append(f'<div class="sub rebutted">rebutted by: {rebuttal}</div>')
        checks = c.get("factchecks", [])
        if checks:
            parts.append('<ul class="fc">')
            for f in checks:
                href = safe_href(f.get("url"))
                claim = esc(truncate(str(f.get("claim", "")), PANEL_CHARS))
                claim = f'<a href="{esc(href)}" rel="noopener noreferrer">{claim}</a>' if href else claim
                date = f' <span class="sub">{esc(f.get("date"))}</span>' if f.get("date") else ""
                reviewer = (f' <span class="sub">by {esc(f.get("reviewer"))}</span>'
                            if f.get("reviewer") else "")
                parts.append(f'<li><span class="rating">{esc(f.get("rating", ""))}</span>{reviewer} {claim}{date} '
                             f'<span class="conf">{float(f.get("score", 0.0)):.2f}</span></li>')
            parts.append("</ul>")
        parts.append("</li>")
    parts.append("</ol>")
    return "\n".join(parts)


def _legend(a: Analysis) -> str:
    items = [('<span class="qc sp0">quoted</span>', "quote content, coloured per speaker"),
             ('<span class="cue">said</span>', "cue"),
             ('<span class="src src-s src-e">she</span>', "source as written"),
             ('<span class="ent">Name</span>', "entity mention")]
    if a.claims:
        items += [('<span class="claim">claim</span>', "claim"), ('<span class="hedge">may</span>', "hedge")]
    if a.techniques:
        items.append(('<span class="tech">loaded</span>', "persuasion technique, author's words"))
        if any(t.get("in_quote") for t in a.techniques):
            items.append(('<span class="tech tech-q">loaded</span>', "persuasion technique inside a quote (the speaker's)"))
    if any(f.get("severity", "warning") == "warning" for f in a.integrity):
        items.append(('<span class="integ">fragm</span>', "integrity warning"))
    if any(f.get("severity") == "info" for f in a.integrity):
        items.append(('<span class="integ-info">Zelenskyy</span>', "integrity note"))
    return "".join(f"<li>{sample} {label}</li>" for sample, label in items)


def render(analysis: Analysis) -> str:
    """The whole page for one article."""
    a = analysis
    colour = _speaker_colours(a)
    facts = []
    if a.outlet:
        facts.append(f'<span class="outlet">{esc(a.outlet)}</span>')
    publisher = next((o for o in a.outlets if o.get("role") == "publisher"), None)
    if publisher and publisher.get("control"):
        facts.append(f'<span class="kind k-state">{esc(CONTROL_LABELS.get(publisher["control"], ""))}</span>')
    if a.published:
        facts.append(f"<time>{esc(a.published)}</time>")
    if a.url:
        href = safe_href(a.url)
        facts.append(f'<a class="url" href="{esc(href)}" rel="noopener noreferrer nofollow">{esc(a.url)}</a>'
                     if href else f'<span class="url">{esc(a.url)}</span>')
    meta = a.meta or {}
    footer = (f"newsprobe {esc(meta.get('newsprobe', __version__))}"
              + (f" · {esc(meta['model'])}" if meta.get("model") else "")
              + f" · {esc(a.id)} · {len(a.quotes)} quotes · {len(a.entities)} entities")
    return _PAGE.format(
        head=page_head(headline(a), _CSS + marks_css(), lang=a.language or "en"), title=esc(headline(a)),
        facts=' <span class="sep">·</span> '.join(facts), legend=_legend(a),
        body=highlight(a, colour), panel=_panel(a, colour), footer=footer, js=_JS)


# How the marks on the article text look (quotes in their speaker's colour, cues, sources,
# entities, hedges): the standalone page inlines these rules and the web app serves them as
# /static/marks.css, so both draw an article the same way.
_MARKS_CSS = """.qc{border-radius:2px;padding:.1em 0;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.qc.nested{box-shadow:inset 0 -2px 0 rgba(0,0,0,.35)}
.cue{text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:3px;font-weight:600}
.src{border-top:1.5px solid var(--ink);border-bottom:1.5px solid var(--ink)}
.src-s{border-left:1.5px solid var(--ink);border-radius:3px 0 0 3px;padding-left:.08em}
.src-e{border-right:1.5px solid var(--ink);padding-right:.08em;border-top-right-radius:3px;border-bottom-right-radius:3px}
.src-s.src-e{border-radius:3px}
.ent{border-bottom:1px dotted #6e7781}
.hedge{font-style:italic;color:#8250df}
"""


def marks_css() -> str:
    """The rules of the marks, and one background per speaker colour for quotes with the
    matching border and swatch for the speaker panels."""
    return _MARKS_CSS + "".join(
        f".qc.sp{i}{{background-color:{bg}}}.speaker.sp{i}{{border-left-color:{fg}}}.sw.sp{i}{{background:{fg}}}\n"
        for i, (bg, fg) in enumerate(PALETTE))


_CSS = """
:root{--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--paper:#fff;--panel:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;background:var(--paper);color:var(--ink);font:17px/1.65 Georgia,"Iowan Old Style","Times New Roman",serif}
header,footer,.legend,aside{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header{border-bottom:1px solid var(--line);padding:1.4rem 2rem 1rem;max-width:76rem;margin:0 auto}
h1{font-size:1.7rem;line-height:1.25;margin:0 0 .4rem}
.facts{color:var(--muted);font-size:.9rem;overflow-wrap:anywhere}
.facts .outlet{font-weight:600;color:var(--ink)}
.facts a{color:#0550ae}
.legend{list-style:none;padding:0;margin:.8rem 0 0;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;font-size:.8rem;color:var(--muted)}
.legend span{font-family:Georgia,serif;font-size:.95rem;color:var(--ink)}
.layout{display:grid;grid-template-columns:minmax(0,42rem) minmax(16rem,24rem);gap:2.5rem;max-width:76rem;margin:0 auto;padding:1.5rem 2rem 3rem}
@media (max-width:900px){.layout{grid-template-columns:minmax(0,1fr)}}
article{white-space:pre-wrap;overflow-wrap:break-word}
.src.ent{border-bottom:1.5px solid var(--ink)}
.claim{text-decoration:underline dotted #0969da;text-underline-offset:4px}
mark.hedge{background:#f3e8ff;border-radius:2px;padding:0 .1em}
.claims{padding-left:1.2rem}
.claims>li{margin:.2rem 0 .7rem}
.ctext{margin:.15rem 0 0}
.st-rumored,.st-denied{background:#ffebe9;color:#a40e26}
.st-disputed{background:#fff8c5;color:#7d4e00}
.st-questioned{background:#fbefff;color:#6e40c9}
.st-reported{background:#ddf4ff;color:#0550ae}
.fc{list-style:none;padding:0;margin:.3rem 0 0;font-size:.82rem}
.fc li{border-left:3px solid #d0d7de;padding-left:.5rem;margin:.2rem 0}
.outlets,.outlets ul{padding-left:1.1rem;margin:.3rem 0}
.rating{font-weight:700;text-transform:uppercase;font-size:.72rem;color:#a40e26}
.tech{background-image:linear-gradient(transparent 82%,rgba(207,34,46,.35) 82%)}
.tech.tech-q{background-image:linear-gradient(transparent 82%,rgba(130,80,223,.45) 82%)}
.by-a,.by-q{font-size:.75rem;color:var(--muted)}
.by-q{color:#6e40c9}
.t-kind{background:#ffebe9;color:#a40e26}
.glossary dl{margin:.4rem 0;font-size:.8rem}
.glossary dt{font-weight:600}
.glossary dd{margin:0 0 .3rem .8rem;color:var(--muted)}
.integ{text-decoration:underline wavy #cf222e;text-underline-offset:3px}
.integ-info{text-decoration:underline dotted #6e7781;text-underline-offset:3px}
.i-kind-warning{background:#fff1e5;color:#953800}
.i-kind-info{background:#eaeef2;color:#57606a}
.i-where{display:block;overflow-wrap:anywhere}
li.i-info{color:var(--muted)}
span[data-q]{cursor:help}
span.lit{outline:2px solid rgba(27,31,36,.55);outline-offset:0}
aside{font-size:.88rem;line-height:1.45}
aside .panel{position:sticky;top:1rem;max-height:calc(100vh - 2rem);overflow:auto;background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:.4rem 1rem 1rem}
aside h2{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:1rem 0 .5rem}
.count{font-weight:400;color:var(--muted)}
.speaker{border-left:4px solid #999;background:var(--paper);border-radius:0 6px 6px 0;padding:.4rem .7rem;margin:0 0 .7rem}
.speaker h3{font-size:.95rem;margin:0}
.speaker ol{margin:.3rem 0 0;padding-left:1.2rem}
.speaker li{margin:.25rem 0}
.speaker a{color:var(--ink);text-decoration:none}
.speaker a:hover{text-decoration:underline}
.kind{display:inline-block;font-size:.72rem;font-weight:600;padding:0 .4em;border-radius:999px;background:#eaeef2;color:#24292f;vertical-align:1px}
.k-anonymous,.k-rumor{background:#ffebe9;color:#a40e26}
.k-government,.k-official{background:#fbefff;color:#6e40c9}
.k-media{background:#dafbe1;color:#116329}.k-state{background:#ffebe9;color:#a40e26}
.sub,.conf{color:var(--muted);font-size:.8rem}
.sub{margin:.1rem 0 0}
.chain{display:block;color:var(--muted);font-size:.8rem;margin:.15rem 0 0}
.qtype{font-size:.7rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.pcue{font-weight:600;text-decoration:underline}
.none{color:var(--muted)}
details{margin-top:1rem}
summary{cursor:pointer;font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);font-weight:700}
.ents,.findings{padding-left:1.1rem;margin:.4rem 0}
footer{max-width:76rem;margin:0 auto;padding:1rem 2rem 2rem;color:var(--muted);font-size:.8rem;border-top:1px solid var(--line);overflow-wrap:anywhere}
"""

# Hovering any piece of a quote (in the text or the panel) outlines all of its pieces.
_JS = """
document.addEventListener('mouseover',function(e){
  var t=e.target.closest&&e.target.closest('[data-q]');
  document.querySelectorAll('.lit').forEach(function(n){n.classList.remove('lit')});
  if(!t)return;
  t.getAttribute('data-q').split(' ').forEach(function(q){
    document.querySelectorAll('article [data-q~="'+q+'"]').forEach(function(n){n.classList.add('lit')});
  });
});
"""

def page_head(title: str, css: str, csp: str = CSP, lang: str = "en") -> str:
    """The start of every standalone page newsprobe writes (article, index, corpus report):
    its own CSP (nothing loads from outside), no referrer, the inlined stylesheet. `title`
    and `lang` are escaped here; `css` and `csp` are ours."""
    return (f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="referrer" content="no-referrer">\n'
            f"<title>{esc(title)}</title>\n<style>{css}</style>\n</head>\n")


_PAGE = """{head}<body>
<header>
<h1>{title}</h1>
<div class="facts">{facts}</div>
<ul class="legend">{legend}</ul>
</header>
<div class="layout">
<article id="text">{body}</article>
<aside><div class="panel">
{panel}
</div></aside>
</div>
<footer>{footer}</footer>
<script>{js}</script>
</body>
</html>
"""

__all__ = ["render", "highlight", "safe_href", "page_head", "CSP"]
