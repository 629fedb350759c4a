"""The article view: what a report of one article shows, decided once per `Analysis` for
the terminal report (render/as_text.py), the standalone HTML page (render/as_html.py) and
the web app's article page (web/views/article.py, templates/article.html) alike.

It decides the things a reader compares between those outputs: which quotes form one
speaker and that speaker's colour, whose rhetoric a technique is (the author's or a quoted
speaker's), the order and counts of integrity findings, how a claim's status is explained
and its firmness shown, and which glossary entries the article needs. The renderers only
lay it out: widths, truncation lengths and markup are theirs.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..layers.technique_glossary import EXPLANATIONS as TECHNIQUE_EXPLANATIONS
from ..layers.technique_glossary import label as technique_label
from ..model import (Analysis, ChainLink, Claim, Entity, Hedge, IntegrityFinding, Quote, Speaker,
                     Technique)
from ..outlets import CONTROL_LABELS
from . import one_line, outlet_facts, outlet_role, safe_href, speaker_groups, status_evidence

# Quote backgrounds, one per speaker in order of appearance (cycled), light enough for
# near-black text to keep a contrast ratio above 12:1; the border colour marks the speaker
# in the side panel. Both HTML outputs draw them from the one stylesheet (as_html.marks_css).
PALETTE = [
    ("#dbeafe", "#2563eb"), ("#fde2e1", "#dc2626"), ("#dcfce7", "#16a34a"),
    ("#fef3c7", "#d97706"), ("#ede9fe", "#7c3aed"), ("#cffafe", "#0891b2"),
    ("#fce7f3", "#db2777"), ("#ecfccb", "#65a30d"), ("#ffedd5", "#ea580c"),
    ("#e0e7ff", "#4f46e5"),
]

# Integrity kinds as a reader names them.
INTEGRITY_LABELS = {
    "stray_fragment": "stray fragment", "truncated_sentence": "cut-off sentence",
    "inconsistent_quote": "quote in two wordings", "name_variant": "name spelt two ways",
    "inconsistent_number": "number given two ways",
}

# Below this firmness a claim is put weakly enough for the reports to flag it.
WEAK_FIRMNESS = 0.5


@dataclass(frozen=True)
class QuoteRow:
    """A quote and its index in `Analysis.quotes` (the anchors and hover links use it)."""
    index: int
    quote: Quote

    @property
    def start(self) -> int:
        """Where the quote's cue and content begin and end: its extent in the text."""
        return min((s.start for s in self._spans), default=0)

    @property
    def end(self) -> int:
        return max((s.end for s in self._spans), default=0)

    @property
    def _spans(self) -> list:
        return [*self.quote.content, *([self.quote.cue] if self.quote.cue else [])]


@dataclass(frozen=True)
class SpeakerView:
    """One speaker (name, kind, entity) with its quotes in text order. `chain` is the chain
    all of them share, else None (then each quote shows its own)."""
    speaker: Speaker
    colour: int
    quotes: list[QuoteRow]
    entity: Entity | None
    chain: list[ChainLink] | None
    state_aligned: bool

    @property
    def name(self) -> str:
        return one_line(self.speaker.name)


@dataclass(frozen=True)
class ClaimView:
    claim: Claim
    quote: Quote | None          # the quote it comes from
    why: str                     # the status's evidence in words, "" without evidence
    firmness: str | None         # "0.62", None for analyses made before the field
    weak: bool                   # firmness below WEAK_FIRMNESS
    exact: bool                  # the claim's text is the article's text at its offsets
    hedges_inside: list[Hedge]   # within the claim's span, in text order
    hedges_outside: list[Hedge]  # elsewhere in the sentence ("reportedly" before a quote)

    @property
    def status(self) -> str:
        return str(self.claim.status)

    @property
    def checkworthiness(self) -> float:
        return float(self.claim.checkworthiness or 0.0)

    @property
    def via(self) -> str | None:
        return one_line(self.quote.speaker.name) if self.quote else None


@dataclass(frozen=True)
class TechniqueView:
    technique: Technique
    quote: Quote | None  # the quote whose content holds it: the speaker's rhetoric
    label: str
    explanation: str

    @property
    def name(self) -> str:
        return str(self.technique.technique)

    @property
    def score(self) -> float:
        return float(self.technique.score or 0.0)

    @property
    def is_authors(self) -> bool:
        return self.technique.is_authors

    @property
    def by(self) -> str:
        """Whose rhetoric it is: "the author", "Name (quote q3)", or the speaker's name when
        no quote holds it (a reported reaction: "Moscow expressed dismay")."""
        if self.is_authors:
            return "the author"
        if self.quote is not None:
            return f"{one_line(self.quote.speaker.name)} (quote {self.quote.id})"
        return one_line(self.technique.speaker) if self.technique.speaker else "a speaker"


@dataclass(frozen=True)
class GlossaryEntry:
    name: str
    label: str
    explanation: str


@dataclass(frozen=True)
class IntegrityView:
    finding: IntegrityFinding
    severity: str  # "warning" or "info": anything not marked info is a warning
    label: str

    @property
    def kind(self) -> str:
        return str(self.finding.kind)

    @property
    def message(self) -> str:
        return str(self.finding.message)


@dataclass(frozen=True)
class OutletView:
    """An outlet record as every report shows it: how the article relates to it, what is
    known of it ("no record" when nothing), its state-control label, a safe link to the
    latest disinformation case."""
    role: str
    name: str
    domain: str | None
    quotes: list[str]
    facts: list[str]
    control: str | None          # the control label, for the publisher's chip
    case_url: str | None         # http(s) only

    @property
    def is_publisher(self) -> bool:
        return self.role == "published by"


@dataclass
class ArticleView:
    analysis: Analysis
    speakers: list[SpeakerView]
    colour: dict[int, int]  # quote index -> palette index
    claims: list[ClaimView]
    statuses: dict[str, int]
    techniques: list[TechniqueView]  # in text order
    glossary: list[GlossaryEntry]    # the techniques found, in order of first appearance
    integrity: list[IntegrityView]   # warnings first, then info notes, each in text order
    outlets: list[OutletView]
    hedge_count: int = 0
    by_author: int = 0
    warnings: int = 0
    infos: int = 0

    @property
    def by_speakers(self) -> int:
        return len(self.techniques) - self.by_author

    @property
    def warnings_label(self) -> str:
        """"2 warnings, 1 info"."""
        return f"{self.warnings} warning{'s' if self.warnings != 1 else ''}, {self.infos} info"

    @property
    def publisher(self) -> OutletView | None:
        return next((o for o in self.outlets if o.is_publisher), None)


def speaker_colours(a: Analysis) -> dict[int, int]:
    """Quote index -> palette index, one colour per speaker (name, kind, entity), in the
    order the speakers first appear in `Analysis.quotes`."""
    order: dict[tuple, int] = {}
    return {qi: order.setdefault((q.speaker.name, q.speaker.kind, q.speaker.entity), len(order) % len(PALETTE))
            for qi, q in enumerate(a.quotes)}


def build(a: Analysis) -> ArticleView:
    """The view of one analysis; build it once and hand it to whichever renderer."""
    colour = speaker_colours(a)
    index = {id(q): qi for qi, q in enumerate(a.quotes)}
    speakers = [SpeakerView(g.speaker, colour[index[id(g.quotes[0])]],
                            [QuoteRow(index[id(q)], q) for q in g.quotes], a.entity(g.speaker.entity),
                            g.chain, any(q.speaker.state_aligned for q in g.quotes))
                for g in speaker_groups(a)]
    quotes = {q.id: q for q in a.quotes}

    claims = [_claim_view(a, c, quotes.get(c.quote or "")) for c in a.claim_findings()]
    statuses: dict[str, int] = {}
    for c in claims:
        statuses[c.status] = statuses.get(c.status, 0) + 1

    techniques = [TechniqueView(t, quotes.get(t.in_quote or ""), technique_label(str(t.technique)),
                                TECHNIQUE_EXPLANATIONS.get(str(t.technique), ""))
                  for t in sorted(a.technique_findings(), key=lambda t: (t.start, t.end))]
    first_of: dict[str, TechniqueView] = {}
    for t in techniques:
        first_of.setdefault(t.name, t)
    glossary = [GlossaryEntry(t.name, t.label, t.explanation) for t in first_of.values()]

    integrity = [IntegrityView(f, "warning" if f.is_warning else "info",
                               INTEGRITY_LABELS.get(str(f.kind), str(f.kind)))
                 for f in sorted(a.integrity_findings(),
                                 key=lambda f: (not f.is_warning, f.spans[0].start if f.spans else 0))]
    warnings = sum(f.severity == "warning" for f in integrity)
    return ArticleView(
        analysis=a, speakers=speakers, colour=colour, claims=claims, statuses=statuses,
        techniques=techniques, glossary=glossary, integrity=integrity,
        outlets=[_outlet_view(o) for o in a.outlets],
        hedge_count=sum(len(c.claim.hedges) for c in claims),
        by_author=sum(t.is_authors for t in techniques),
        warnings=warnings, infos=len(integrity) - warnings)


def _claim_view(a: Analysis, c: Claim, quote: Quote | None) -> ClaimView:
    start, end = int(c.start or 0), int(c.end or 0)
    inside = sorted((h for h in c.hedges if start <= int(h.start or 0) and int(h.end or 0) <= end),
                    key=lambda h: h.start)
    firm = None if c.firmness is None else float(c.firmness)
    return ClaimView(
        claim=c, quote=quote, why=status_evidence(c, quote),
        firmness=None if firm is None else f"{firm:.2f}", weak=firm is not None and firm < WEAK_FIRMNESS,
        exact=a.text[start:end] == c.text,
        hedges_inside=inside, hedges_outside=[h for h in c.hedges if h not in inside])


def _outlet_view(record: dict) -> OutletView:
    quotes = record.get("quotes") or []
    return OutletView(
        role=outlet_role(record), name=one_line(str(record.get("name", ""))),
        domain=record.get("domain"), quotes=[str(q) for q in quotes], facts=outlet_facts(record),
        control=CONTROL_LABELS.get(str(record.get("control") or "")) or None,
        case_url=safe_href((record.get("disinfo_cases") or {}).get("latest_url")))


__all__ = ["PALETTE", "INTEGRITY_LABELS", "WEAK_FIRMNESS", "ArticleView", "SpeakerView", "QuoteRow",
           "ClaimView", "TechniqueView", "GlossaryEntry", "IntegrityView", "OutletView", "build",
           "speaker_colours"]
