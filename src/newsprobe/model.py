"""The data model: Article in, Analysis out.

`Analysis` is the product. Its `to_dict()` is the public contract `newsprobe.article/2`
(DESIGN.md; JSON Schema in `schema/article.v2.json`, what changed from article/1 in
`schema/CHANGES.md`); every renderer, the store and the
corpus stage read it, never the spaCy Doc. All offsets are Python `str` indices into
`Analysis.text`, end-exclusive, so `text[span.start:span.end] == span.text` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ARTICLE_SCHEMA = "newsprobe.article/2"
# Older contracts that `Analysis.from_dict` still reads (schema/CHANGES.md says how).
READABLE_SCHEMAS = ("newsprobe.article/1", ARTICLE_SCHEMA)

SPEAKER_KINDS = (
    "person", "official", "institution", "unnamed_official", "media",
    "document", "anonymous", "rumor", "author", "unknown",
)
# `newsprobe.article/1` kinds that article/2 merged: both are on-record institutions.
V1_SPEAKER_KINDS = {"government": "institution", "organization": "institution"}
QUOTE_TYPES = ("direct", "indirect", "mixed")


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """The span `text[start:end]`, so that a span can never disagree with its text."""
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Span":
        return cls(d["start"], d["end"], d["text"])


@dataclass
class Article:
    """One input document, before analysis. `origin` names where it came from (a path,
    `path:line` for JSONL, `<stdin>`) so that errors can name the input."""

    text: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str = "en"
    origin: str | None = None


# Invisible format characters (a subset of Unicode category Cf) that never belong in a
# name: bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069), directional
# marks (U+200E, U+200F, U+061C), zero-width space, joiners and word joiner (U+200B-200D,
# U+2060), the BOM used as a zero-width no-break space (U+FEFF), the soft hyphen (U+00AD)
# and the Mongolian vowel separator (U+180E). In a name they spoof what a reader sees
# ("Qu<RLO>ell") or split one speaker in two. ZWJ/ZWNJ also shape some scripts; in a
# name label their loss changes rendering only, never the letters.
_INVISIBLE_IN_NAMES = dict.fromkeys(
    [0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF,
     *range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def clean_name(name: str) -> str:
    """A speaker or entity name without invisible format characters, its whitespace runs
    made one space. Names are labels derived from the text: spans keep the text as
    written, so their offsets are untouched."""
    if name.isascii():
        return name
    return " ".join(name.translate(_INVISIBLE_IN_NAMES).split())


@dataclass
class Entity:
    id: str
    name: str
    label: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.name = clean_name(self.name)
        self.aliases = list(dict.fromkeys(clean_name(a) for a in self.aliases))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "label": self.label,
                "aliases": list(self.aliases), "mentions": [m.to_dict() for m in self.mentions]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Entity":
        return cls(d["id"], d["name"], d["label"], list(d.get("aliases", [])),
                   [Span.from_dict(m) for m in d.get("mentions", [])])


@dataclass
class Speaker:
    name: str
    kind: str = "unknown"
    entity: str | None = None
    # A media speaker described as state-run/state-owned, or a known state outlet.
    state_aligned: bool = False

    def __post_init__(self) -> None:
        self.name = clean_name(self.name)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"name": self.name, "entity": self.entity, "kind": self.kind}
        if self.state_aligned:
            d["state_aligned"] = True
        return d


@dataclass
class ChainLink:
    name: str
    kind: str

    def __post_init__(self) -> None:
        self.name = clean_name(self.name)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind}


@dataclass
class Quote:
    """One attribution: a cue, what was said (possibly in several pieces), who said it.

    `parent` is the id of the quote whose content contains this one's cue ("According to
    X, Y said that ..." gives X's quote and, nested in it, Y's)."""

    id: str
    type: str
    cue: Span | None
    content: list[Span]
    source: Span | None
    speaker: Speaker
    chain: list[ChainLink] = field(default_factory=list)
    confidence: float = 0.5
    parent: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": [c.to_dict() for c in self.content],
            "source": self.source.to_dict() if self.source else None,
            "speaker": self.speaker.to_dict(),
            "chain": [c.to_dict() for c in self.chain],
            "confidence": round(self.confidence, 3),
            "parent": self.parent,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Quote":
        sp = d["speaker"]
        return cls(
            id=d["id"], type=d["type"],
            cue=Span.from_dict(d["cue"]) if d.get("cue") else None,
            content=[Span.from_dict(c) for c in d["content"]],
            source=Span.from_dict(d["source"]) if d.get("source") else None,
            speaker=Speaker(sp["name"], sp["kind"], sp.get("entity"), sp.get("state_aligned", False)),
            chain=[ChainLink(c["name"], c["kind"]) for c in d.get("chain", [])],
            confidence=d.get("confidence", 0.5), parent=d.get("parent"),
        )


@dataclass
class Analysis:
    """Everything newsprobe found in one article. Layers add to it in order; renderers,
    the store and the corpus stage only read it."""

    text: str
    id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str = "en"
    # Where `published` came from: {"from": "input"} (the page's metadata, a JSONL field)
    # or {"from": "text"|"title", "written": the date as written, "span": span in the text
    # or None}, read by `datelines.publication_date`; None when undated.
    published_from: dict[str, Any] | None = None
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    # Filled by later layers (claims, techniques, integrity) with contract-shaped dicts,
    # which the store, the exports and the corpus stage read as they are and `to_dict`
    # writes unchanged; `claim_findings()`, `technique_findings()` and
    # `integrity_findings()` give the same findings typed (`Claim`, `Technique`,
    # `IntegrityFinding`), which is how the renderers read them (render/article_view.py).
    claims: list[dict[str, Any]] = field(default_factory=list)
    techniques: list[dict[str, Any]] = field(default_factory=list)
    integrity: list[dict[str, Any]] = field(default_factory=list)
    # The publisher and the cited media outlets, with what is known of each (layers/outlets.py).
    outlets: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def claim_findings(self) -> list["Claim"]:
        return [Claim.from_dict(c) for c in self.claims]

    def technique_findings(self) -> list["Technique"]:
        return [Technique.from_dict(t) for t in self.techniques]

    def integrity_findings(self) -> list["IntegrityFinding"]:
        return [IntegrityFinding.from_dict(f) for f in self.integrity]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": ARTICLE_SCHEMA,
            "id": self.id, "title": self.title, "url": self.url, "outlet": self.outlet,
            "published": self.published, "language": self.language,
            **({"published_from": dict(self.published_from)} if self.published_from else {}),
            "text": self.text,
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "claims": list(self.claims),
            "techniques": list(self.techniques),
            "integrity": list(self.integrity),
            "outlets": list(self.outlets),
            "meta": dict(self.meta),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Analysis":
        if d.get("schema") not in READABLE_SCHEMAS:
            raise ValueError(f"not a {ARTICLE_SCHEMA} object: schema={d.get('schema')!r}")
        if d["schema"] != ARTICLE_SCHEMA:
            d = upgrade_v1(d)
        return cls(
            text=d["text"], id=d["id"], title=d.get("title"), url=d.get("url"),
            outlet=d.get("outlet"), published=d.get("published"),
            language=d.get("language", "en"), published_from=d.get("published_from"),
            entities=[Entity.from_dict(e) for e in d.get("entities", [])],
            quotes=[Quote.from_dict(q) for q in d.get("quotes", [])],
            claims=list(d.get("claims", [])), techniques=list(d.get("techniques", [])),
            integrity=list(d.get("integrity", [])), outlets=list(d.get("outlets", [])),
            meta=dict(d.get("meta", {})),
        )


# --- Findings of the later layers -----------------------------------------------------
# Typed, read-only twins of the contract's claim, technique and integrity objects. Each
# `from_dict` reads a stored object and `to_dict` writes it back key for key, in the order
# the layers write it; keys this model does not know are kept in `extra` and written last,
# so that a reader of a newer object loses nothing. Keys the contract leaves optional
# (firmness, a hedge's kind, a match's url...) are written only when set.


def _extra(d: dict[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if k not in known}


def _optional(d: dict[str, Any], **values: Any) -> dict[str, Any]:
    """`d` with each of `values` that is not None added, in order."""
    d.update((k, v) for k, v in values.items() if v is not None)
    return d


def _span_or_none(d: dict[str, Any] | None) -> Span | None:
    return Span.from_dict(d) if d else None


@dataclass(frozen=True)
class Hedge:
    """A word or phrase that softens a claim ("reportedly", "may"); `kind` names the
    hedge family when the hedges layer knows it."""

    start: int
    end: int
    text: str
    kind: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    _KEYS = ("start", "end", "text", "kind")

    def to_dict(self) -> dict[str, Any]:
        return {**_optional({"start": self.start, "end": self.end, "text": self.text}, kind=self.kind),
                **self.extra}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Hedge":
        return cls(d.get("start", 0), d.get("end", 0), d.get("text", ""), d.get("kind"),
                   _extra(d, cls._KEYS))


@dataclass(frozen=True)
class FactCheckMatch:
    """A published fact-check whose claim matches ours: its claim and verdict as the
    checker wrote them, our match score, and what else the index knows of it."""

    claim: str
    rating: str
    score: float
    similarity: float | None = None
    url: str | None = None
    date: str | None = None
    title: str | None = None
    id: str | None = None
    reviewer: str | None = None  # who published the verdict
    claimant: str | None = None  # who made the claim
    extra: dict[str, Any] = field(default_factory=dict)

    _KEYS = ("claim", "rating", "score", "similarity", "url", "date", "title", "id", "reviewer",
             "claimant")

    def to_dict(self) -> dict[str, Any]:
        d = _optional({"claim": self.claim, "rating": self.rating, "score": self.score},
                      similarity=self.similarity, url=self.url, date=self.date, title=self.title,
                      id=self.id, reviewer=self.reviewer, claimant=self.claimant)
        return {**d, **self.extra}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "FactCheckMatch":
        return cls(d.get("claim", ""), d.get("rating", ""), d.get("score", 0.0),
                   *(d.get(k) for k in cls._KEYS[3:]), extra=_extra(d, cls._KEYS))


@dataclass(frozen=True)
class StatusEvidence:
    """What decided a claim's status: the rule's name (docs/claims.md), whether a rule or
    the model decided, and the words it fired on (None when the status is the absence of
    any cue, e.g. asserted)."""

    rule: str
    decided_by: str = "rule"
    words: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "decided_by": self.decided_by,
                "words": self.words.to_dict() if self.words else None}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "StatusEvidence":
        return cls(d.get("rule", ""), d.get("decided_by", "rule"), _span_or_none(d.get("words")))


@dataclass(frozen=True)
class Claim:
    """A check-worthy statement: where it is, how the text presents it (`status`, and the
    `evidence` that decided it), how firmly (`firmness`, None in analyses made before the
    field), whose quote it comes from (`quote`, an id in `Analysis.quotes`), its hedges
    and the fact-checks that match it."""

    id: str
    start: int
    end: int
    text: str
    status: str
    evidence: StatusEvidence | None = None
    rebutted_by: Span | None = None
    checkworthiness: float = 0.0
    firmness: float | None = None
    quote: str | None = None
    hedges: tuple[Hedge, ...] = ()
    factchecks: tuple[FactCheckMatch, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    _KEYS = ("id", "start", "end", "text", "status", "evidence", "rebutted_by", "checkworthiness",
             "firmness", "quote", "hedges", "factchecks")

    def to_dict(self) -> dict[str, Any]:
        d = {"id": self.id, "start": self.start, "end": self.end, "text": self.text,
             "status": self.status, "evidence": self.evidence.to_dict() if self.evidence else None,
             "rebutted_by": self.rebutted_by.to_dict() if self.rebutted_by else None,
             "checkworthiness": self.checkworthiness}
        _optional(d, firmness=self.firmness)
        d.update(quote=self.quote, hedges=[h.to_dict() for h in self.hedges],
                 factchecks=[f.to_dict() for f in self.factchecks])
        return {**d, **self.extra}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Claim":
        return cls(
            id=d.get("id", ""), start=d.get("start", 0), end=d.get("end", 0), text=d.get("text", ""),
            status=d.get("status", ""),
            evidence=StatusEvidence.from_dict(d["evidence"]) if d.get("evidence") else None,
            rebutted_by=_span_or_none(d.get("rebutted_by")),
            checkworthiness=d.get("checkworthiness", 0.0), firmness=d.get("firmness"),
            quote=d.get("quote"),
            hedges=tuple(Hedge.from_dict(h) for h in d.get("hedges", [])),
            factchecks=tuple(FactCheckMatch.from_dict(f) for f in d.get("factchecks", [])),
            extra=_extra(d, cls._KEYS))


@dataclass(frozen=True)
class Technique:
    """A persuasion technique over a span and whose rhetoric it is: `voice` "author" (the
    outlet's own words) or "speaker" (`speaker` the name when known; `in_quote` the quote
    whose speaker it belongs to). Analyses written before `voice` existed tell it by
    `in_quote` alone (set: the speaker's; None: the author's)."""

    start: int
    end: int
    text: str
    technique: str
    score: float
    alternative: str | None = None  # the runner-up technique
    in_quote: str | None = None
    voice: str | None = None    # absent in analyses older than the voice rules
    speaker: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    _KEYS = ("start", "end", "text", "technique", "score", "alternative", "voice", "speaker", "in_quote")

    @property
    def is_authors(self) -> bool:
        if self.voice is not None:
            return self.voice == "author"
        return self.in_quote is None

    def to_dict(self) -> dict[str, Any]:
        d = _optional({"start": self.start, "end": self.end, "text": self.text,
                       "technique": self.technique, "score": self.score}, alternative=self.alternative)
        if self.voice is not None:
            d.update(voice=self.voice, speaker=self.speaker)
        return {**d, "in_quote": self.in_quote, **self.extra}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Technique":
        return cls(d.get("start", 0), d.get("end", 0), d.get("text", ""), d.get("technique", ""),
                   d.get("score", 0.0), d.get("alternative"), d.get("in_quote"),
                   d.get("voice"), d.get("speaker"), _extra(d, cls._KEYS))


INTEGRITY_SEVERITIES = ("warning", "info")


@dataclass(frozen=True)
class IntegrityFinding:
    """A scar of copying or rewriting (`severity` "warning": a likely defect) or a normal
    variant worth knowing ("info"), over the spans it is about (sorted, earliest first)."""

    kind: str
    spans: tuple[Span, ...]
    message: str
    severity: str = "warning"
    score: float = 0.5
    extra: dict[str, Any] = field(default_factory=dict)

    _KEYS = ("kind", "spans", "message", "severity", "score")

    @property
    def is_warning(self) -> bool:
        """Anything not marked info is a warning, as the contract's default says."""
        return self.severity != "info"

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "spans": [s.to_dict() for s in self.spans],
                "message": self.message, "severity": self.severity, "score": self.score,
                **self.extra}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "IntegrityFinding":
        return cls(d.get("kind", ""), tuple(Span.from_dict(s) for s in d.get("spans", [])),
                   d.get("message", ""), d.get("severity", "warning"), d.get("score", 0.5),
                   _extra(d, cls._KEYS))


def upgrade_v1(d: dict[str, Any]) -> dict[str, Any]:
    """An article/1 object in article/2 terms (schema/CHANGES.md): kinds merged, claims
    given an evidence that says where they come from, chains moved to the inner speaker."""
    d = dict(d, schema=ARTICLE_SCHEMA)

    def kind(k: str) -> str:
        return V1_SPEAKER_KINDS.get(k, k)

    quotes = [dict(q, speaker=dict(q["speaker"], kind=kind(q["speaker"]["kind"])),
                   chain=[dict(c, kind=kind(c["kind"])) for c in q.get("chain", [])])
              for q in d.get("quotes", [])]
    by_id = {q["id"]: q for q in quotes}
    has_children = {q.get("parent") for q in quotes}
    for q in quotes:
        ancestors, parent, seen = [], by_id.get(q.get("parent")), set()
        while parent is not None and parent["id"] not in seen:
            seen.add(parent["id"])
            ancestors.insert(0, {"name": parent["speaker"]["name"], "kind": parent["speaker"]["kind"]})
            parent = by_id.get(parent.get("parent"))
        own = q["chain"] if q["id"] not in has_children else []
        q["chain"] = [c for c in ancestors + own if c["name"] != q["speaker"]["name"]]
    d["quotes"] = quotes
    d["claims"] = [{**c, "evidence": c.get("evidence") or {"rule": "article/1", "decided_by": "rule",
                                                            "words": None},
                    "rebutted_by": c.get("rebutted_by")} for c in d.get("claims", [])]
    return d


__all__ = ["ARTICLE_SCHEMA", "READABLE_SCHEMAS", "upgrade_v1", "SPEAKER_KINDS", "QUOTE_TYPES", "Span", "Article", "Entity",
           "Speaker", "ChainLink", "Quote", "Analysis", "Hedge", "FactCheckMatch", "StatusEvidence",
           "Claim", "Technique", "IntegrityFinding", "INTEGRITY_SEVERITIES"]
