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
from . import (chain_label, headline, marked, one_line, quote_content, safe_href, source_label,
               truncate)
from .article_view import PALETTE, ArticleView, ClaimView
from .article_view import build as build_view

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"

# Characters of quote content in the side panel.
PANEL_CHARS = 180


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _text(value: str) -> str:
    """Escaped article text; a carriage return as a character reference, since an HTML
    parser would otherwise fold CR LF into LF and the visible text would differ."""
    return esc(value).replace("\r", "&#13;")


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


def _marks(view: ArticleView) -> list[_Mark]:
    a, colour = view.analysis, view.colour
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
    for c in view.claims:
        claim = c.claim
        marks.append(_Mark(claim.start, claim.end, ("claim",),
                           f"claim {claim.id}: {c.status}, check-worthiness {c.checkworthiness:.2f}"))
        for h in claim.hedges:
            kind = f" ({h.kind})" if h.kind else ""
            marks.append(_Mark(h.start, h.end, ("hedge",), f"hedge{kind} of claim {claim.id}"))
    for t in view.techniques:
        classes = ("tech",) if t.is_authors else ("tech", "tech-q")
        marks.append(_Mark(t.technique.start, t.technique.end, classes,
                           f"technique: {t.label} ({t.score:.2f}), by {t.by}: {t.explanation}"))
    for f in view.integrity:
        for s in f.finding.spans:
            marks.append(_Mark(s.start, s.end, ("integ",) if f.severity == "warning" else ("integ-info",),
                               f"integrity {f.finding.severity}: {f.label}: {f.message}"))
    n = len(a.text)
    return [m for m in marks
            if isinstance(m.start, int) and isinstance(m.end, int) and 0 <= m.start < m.end <= n]


def _techniques_panel(view: ArticleView) -> str:
    """Technique spans in text order, each with whose it is, then one line per technique
    found saying what it is."""
    items = []
    for t in view.techniques:
        cls = "by-a" if t.is_authors else "by-q"
        items.append(f'<li><span class="kind t-kind" title="{esc(t.explanation)}">'
                     f'{esc(t.label)}</span> {esc(truncate(str(t.technique.text), PANEL_CHARS))} '
                     f'<span class="{cls}">by {esc(t.by)}</span> '
                     f'<span class="conf">{t.score:.2f}</span></li>')
    glossary = "".join(f"<dt>{esc(g.label)}</dt><dd>{esc(g.explanation)}</dd>" for g in view.glossary)
    return (f'<h2>Techniques <span class="count">{len(view.techniques)}</span></h2>'
            f'<ul class="findings">{"".join(items)}</ul>'
            f'<details class="glossary" open><summary>What these techniques are</summary>'
            f'<dl>{glossary}</dl></details>')


def highlight(view: ArticleView) -> str:
    """The article text as HTML, split at every span boundary, each piece wrapped in a
    <span> carrying the classes and tooltips of all the findings that cover it."""
    text = view.analysis.text
    marks = _marks(view)
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


def _outlets_panel(view: ArticleView) -> str:
    """The publisher and cited media with what is known of each; "no record" is shown too."""
    if not view.outlets:
        return ""
    parts = [f'<h2>Outlets <span class="count">{len(view.outlets)}</span></h2><ul class="outlets">']
    for o in view.outlets:
        quotes = f' <span class="sub">in {esc(", ".join(o.quotes))}</span>' if o.quotes else ""
        body = ("".join(f"<li>{esc(f)}</li>" for f in o.facts) if o.facts
                else '<li class="none">no record</li>')
        link = (f'<li><a href="{esc(o.case_url)}" rel="noopener noreferrer nofollow">latest '
                f'EUvsDisinfo case</a></li>') if o.case_url else ""
        parts.append(f'<li><span class="sub">{o.role}</span> <b>{esc(o.name)}'
                     f'</b>{quotes}<ul>{body}{link}</ul></li>')
    parts.append('</ul><p class="sub">Outlet context describes the outlet, not this article: a '
                 'prior to weigh, never a verdict.</p>')
    return "".join(parts)


def _panel(view: ArticleView) -> str:
    a = view.analysis
    parts = [_outlets_panel(view),
             f'<h2>Speakers <span class="count">{len(view.speakers)}</span></h2>']
    if not a.quotes:
        parts.append('<p class="none">No attributed statements found.</p>')
    for group in view.speakers:
        sp, entity = group.speaker, group.entity
        state = (' <span class="kind k-state" title="described as state-run or a known state outlet">'
                 'state-aligned</span>' if group.state_aligned else "")
        parts.append(f'<section class="speaker sp{group.colour}">'
                     f'<h3>{esc(group.name)} <span class="kind k-{esc(sp.kind)}">{esc(sp.kind)}</span>{state}</h3>')
        if entity:
            name = "" if entity.name == sp.name else f"{esc(entity.name)} · "
            parts.append(f'<p class="sub">{name}{esc(entity.label)}</p>')
        if group.chain:
            parts.append(f'<p class="chain">{esc(chain_label(sp, group.chain))}</p>')
        parts.append("<ol>")
        for row in group.quotes:
            q, qi = row.quote, row.index
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
    if view.claims:
        parts.append(_claims_panel(view))
    if view.techniques:
        parts.append(_techniques_panel(view))
    if view.integrity:
        parts.append(_integrity_panel(view))
    return "\n".join(parts)


def _integrity_panel(view: ArticleView) -> str:
    """Warnings first, then info notes; each with its kind, message and the text it is
    about (each span, shortened)."""
    items = []
    for f in view.integrity:
        where = " / ".join(f'<q>{esc(truncate(str(s.text), 80))}</q>' for s in f.finding.spans)
        items.append(f'<li class="i-{f.severity}"><span class="kind i-kind-{f.severity}">'
                     f'{esc(f.label)}</span> {esc(f.message)}'
                     f'<span class="sub i-where">{where}</span></li>')
    return (f'<h2>Integrity <span class="count">{view.warnings_label}</span></h2>'
            f'<ul class="findings">{"".join(items)}</ul>')


# Characters of a claim shown in the side panel (claims are sentences, rarely longer).
CLAIM_CHARS = 400


def _claim_text(c: ClaimView, text: str) -> str:
    """The claim as HTML with its hedges inside it marked; hedges elsewhere in the
    sentence ("reportedly" before a quote) are listed after it."""
    claim = c.claim
    if claim.end - claim.start > CLAIM_CHARS or not c.exact:
        return esc(truncate(str(claim.text), CLAIM_CHARS))
    out, pos = [], claim.start
    for h in c.hedges_inside:
        if h.start >= pos:  # an overlapping hedge stays inside the one marked before it
            out.append(esc(text[pos:h.start]))
            out.append(f'<mark class="hedge" title="{esc(h.kind or "hedge")}">{esc(text[h.start:h.end])}</mark>')
            pos = h.end
    out.append(esc(text[pos:claim.end]))
    if c.hedges_outside:
        outside = ", ".join(f'<mark class="hedge" title="{esc(h.kind or "hedge")}">{esc(h.text)}</mark>'
                            for h in c.hedges_outside)
        out.append(f' <span class="sub">hedged by {outside}</span>')
    return "".join(out)


def _firmness(c: ClaimView) -> str:
    """How firmly the claim is put (0..1); nothing for analyses made before the field."""
    if c.firmness is None:
        return ""
    return (f' <span class="conf" title="how firmly the text presents it as real (0..1)">'
            f'firm {c.firmness}</span>')


def _claims_panel(view: ArticleView) -> str:
    """Claims in text order: status, check-worthiness, the quote it comes from, the claim
    with its hedges marked, and matching fact-checks with their ratings."""
    parts = [f'<h2>Claims <span class="count">{len(view.claims)}</span></h2><ol class="claims">']
    for c in view.claims:
        who = f' <span class="sub">via {esc(c.via)}</span>' if c.via else ""
        parts.append(f'<li class="claim-item"><span class="kind st-{esc(c.status)}">{esc(c.status)}</span> '
                     f'<span class="conf" title="check-worthiness">check {c.checkworthiness:.2f}</span>'
                     f'{_firmness(c)}{who}'
                     f'<div class="ctext">{_claim_text(c, view.analysis.text)}</div>')
        if c.why:
            parts.append(f'<div class="sub why">why {esc(c.status)}: {esc(c.why)}</div>')
        if c.claim.rebutted_by:
            rebuttal = esc(truncate(one_line(c.claim.rebutted_by.text), PANEL_CHARS))
            parts.append(f'<div class="sub rebutted">rebutted by: {rebuttal}</div>')
        if c.claim.factchecks:
            parts.append('<ul class="fc">')
            for f in c.claim.factchecks:
                href = safe_href(f.url)
                claim = esc(truncate(str(f.claim), PANEL_CHARS))
                claim = f'<a href="{esc(href)}" rel="noopener noreferrer">{claim}</a>' if href else claim
                date = f' <span class="sub">{esc(f.date)}</span>' if f.date else ""
                reviewer = f' <span class="sub">by {esc(f.reviewer)}</span>' if f.reviewer else ""
                parts.append(f'<li><span class="rating">{esc(f.rating)}</span>{reviewer} {claim}{date} '
                             f'<span class="conf">{float(f.score or 0.0):.2f}</span></li>')
            parts.append("</ul>")
        parts.append("</li>")
    parts.append("</ol>")
    return "\n".join(parts)


def _legend(view: ArticleView) -> str:
    items = [('<span class="qc sp0">quoted</span>', "quote content, coloured per speaker"),
             ('<span class="cue">said</span>', "cue"),
             ('<span class="src src-s src-e">she</span>', "source as written"),
             ('<span class="ent">Name</span>', "entity mention")]
    if view.claims:
        items += [('<span class="claim">claim</span>', "claim"), ('<span class="hedge">may</span>', "hedge")]
    if view.techniques:
        items.append(('<span class="tech">loaded</span>', "persuasion technique, author's words"))
        if view.by_speakers:
            items.append(('<span class="tech tech-q">loaded</span>', "persuasion technique in a speaker's words"))
    if view.warnings:
        items.append(('<span class="integ">fragm</span>', "integrity warning"))
    if view.infos:
        items.append(('<span class="integ-info">Zelenskyy</span>', "integrity note"))
    return "".join(f"<li>{sample} {label}</li>" for sample, label in items)


def render(analysis: Analysis) -> str:
    """The whole page for one article."""
    a, view = analysis, build_view(analysis)
    facts = []
    if a.outlet:
        facts.append(f'<span class="outlet">{esc(a.outlet)}</span>')
    publisher = view.publisher
    if publisher and publisher.control:
        facts.append(f'<span class="kind k-state">{esc(publisher.control)}</span>')
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
        facts=' <span class="sep">·</span> '.join(facts), legend=_legend(view),
        body=highlight(view), panel=_panel(view), footer=footer, js=_JS)


# How the marks on the article text look (quotes in their speaker's colour, cues, sources,
# entities, hedges, techniques, integrity findings) and the chips of the side panels
# (speaker kinds, claim statuses, technique and integrity kinds, fact-check ratings): the
# standalone page inlines these rules and the web app serves them as /static/marks.css, so
# both draw an article and its findings the same way.
_MARKS_CSS = """.qc{border-radius:2px;padding:.1em 0;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.qc.nested{box-shadow:inset 0 -2px 0 rgba(0,0,0,.35)}
.cue{text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:3px;font-weight:600}
.src{border-top:1.5px solid var(--ink);border-bottom:1.5px solid var(--ink)}
.src-s{border-left:1.5px solid var(--ink);border-radius:3px 0 0 3px;padding-left:.08em}
.src-e{border-right:1.5px solid var(--ink);padding-right:.08em;border-top-right-radius:3px;border-bottom-right-radius:3px}
.src-s.src-e{border-radius:3px}
.ent{border-bottom:1px dotted #6e7781}
.hedge{font-style:italic;color:#8250df}
.kind{display:inline-block;font-size:.72rem;font-weight:600;padding:0 .45em;border-radius:999px;background:#eaeef2;color:#24292f;vertical-align:1px;white-space:nowrap}
.k-anonymous,.k-rumor,.k-state{background:#ffebe9;color:#a40e26}
.k-government,.k-official{background:#fbefff;color:#6e40c9}
.k-media{background:#dafbe1;color:#116329}
.k-person{background:#ddf4ff;color:#0550ae}
.k-document{background:#fff8c5;color:#7d4e00}
.k-institution,.k-organization{background:#eef1f4;color:#424a53}
.k-unnamed_official{background:#fff1e5;color:#953800}
.st-rumored,.st-denied,.st-refuted{background:#ffebe9;color:#a40e26}
.st-refuted{font-weight:600}
.st-disputed{background:#fff8c5;color:#7d4e00}
.st-questioned{background:#fbefff;color:#6e40c9}
.st-unconfirmed{background:#fff1e5;color:#953800}
.st-hedged{background:#eef1f4;color:#424a53}
.st-reported{background:#ddf4ff;color:#0550ae}
.st-asserted{background:#dafbe1;color:#116329}
.t-kind{background:#ffebe9;color:#a40e26}
.integ-kind,.i-kind-warning{background:#fff1e5;color:#953800}
.i-kind-info{background:#eaeef2;color:#57606a}
.rating{font-weight:700;text-transform:uppercase;font-size:.72rem;color:#a40e26}
.fc{list-style:none;padding:0;margin:.3rem 0 0;font-size:.82rem}
.fc li{border-left:3px solid #d0d7de;padding-left:.5rem;margin:.2rem 0}
.tech{background-image:linear-gradient(transparent 80%,rgba(207,34,46,.4) 80%)}
.tech.tech-q{background-image:linear-gradient(transparent 80%,rgba(130,80,223,.45) 80%)}
.integ{text-decoration:underline wavy #cf222e;text-underline-offset:3px}
.integ-info{text-decoration:underline dotted #6e7781;text-underline-offset:3px}
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
.outlets,.outlets ul{padding-left:1.1rem;margin:.3rem 0}
.by-a,.by-q{font-size:.75rem;color:var(--muted)}
.by-q{color:#6e40c9}
.glossary dl{margin:.4rem 0;font-size:.8rem}
.glossary dt{font-weight:600}
.glossary dd{margin:0 0 .3rem .8rem;color:var(--muted)}
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
