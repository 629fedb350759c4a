"""Outlets: who published the article and which media it cites, with what is known of each.

One record for the publisher (from the URL's domain, the `outlet` field, or a dateline such
as "(Reuters) -" when neither is given) and one per cited media outlet (a media speaker or a
media link of a source chain, with the ids of its quotes, or a known outlet the text names). What a record holds and what it
does not mean is in `newsprobe/outlets/__init__.py`: a prior about the outlet, never a verdict
on the article. A cited outlet is listed only when something is known about it; the publisher
always is, so that "no record" is visible too.
"""

from __future__ import annotations

import re

from ..ingest.outlet import outlet_of
from ..model import Analysis
from ..outlets import (OutletRecord, known_by_domain, known_by_name, known_outlet, looks_like_domain,
                       name_key)
from ..settings import Settings

NAME = "outlets"
VERSION = "1"
FIELD = "outlets"
REQUIRES = ("quotes",)

# "MOSCOW, Nov 3 (Reuters) -", "(AP) —", "MOSCOW, December 5./TASS/.": an agency's
# dateline at the start of wire copy.
_DATELINE = re.compile(r"\(([A-Z][A-Za-z&./ -]{1,40}?)\)\s*[-–—:]|/([A-Z][A-Za-z-]{1,20})/\.")
# Entity labels that name places, peoples and times: "MOSCOW (Reuters)" read as a media
# speaker must not pick up the cases of an outlet that happens to be called "Moscow".
_NOT_OUTLET_LABELS = {"GPE", "LOC", "NORP", "DATE", "TIME"}
DATELINE_CHARS = 400


def run(doc, analysis: Analysis, settings: Settings) -> list[dict]:
    index = None
    if settings.outlet_index:
        from ..outlets.index import load_outlet_index
        index = load_outlet_index(settings.outlet_index)
    records = []
    publisher = _publisher(analysis)
    if publisher is not None:
        records.append(_with_context(publisher, index))
    seen: dict[str, OutletRecord] = {}

    def cite(name: str, found_by: str, quote_id: str | None = None) -> None:
        known = known_by_name(name)
        if known is None and not looks_like_domain(name) and found_by == "speaker":
            entity = analysis.entity(speaker_entity.get(quote_id))
            if entity is not None and entity.label in _NOT_OUTLET_LABELS:
                return
        key = known.name if known else name_key(name)
        if key not in seen:
            seen[key] = _with_context(OutletRecord(
                name=known.name if known else name, found_by=found_by,
                domain=_domain_of(name, known), role="source"), index)
        if quote_id and quote_id not in seen[key].quotes:
            seen[key].quotes.append(quote_id)

    speaker_entity = {q.id: q.speaker.entity for q in analysis.quotes}
    # Wire copy on another site ("MOSCOW (Reuters) -" on a portal): the agency is a source.
    agency = _dateline_outlet(analysis.text)
    if agency is not None and publisher is not None and agency.name != publisher.name:
        cite(agency.name, "dateline")
    # Media speakers and media links of source chains; a known outlet's name counts as
    # media whatever kind attribution gave it (the small NER calls "Sputnik" a person).
    for quote in analysis.quotes:
        for name, kind, found_by in [(quote.speaker.name, quote.speaker.kind, "speaker"),
                                     *((link.name, link.kind, "chain") for link in quote.chain)]:
            if kind == "media" or known_by_name(name) is not None:
                cite(name, found_by, quote.id)
    # Known outlets the text names without a quote of theirs ("as first shown on RT").
    for entity in analysis.entities:
        if entity.label in ("ORG", "PERSON", "NORP", "FAC") and known_by_name(entity.name):
            cite(entity.name, "mention")
    publisher_name = records[0].name if records else None
    records += [r for r in seen.values()
                if (r.control or r.quality or r.disinfo_cases) and r.name != publisher_name]
    return [r.to_dict() for r in records]


def _publisher(analysis: Analysis) -> OutletRecord | None:
    domain = outlet_of(analysis.url)
    if domain:
        known = known_by_domain(domain)
        return OutletRecord(name=known.name if known else (analysis.outlet or domain),
                            found_by="url", domain=domain)
    if analysis.outlet:
        return _named(analysis.outlet, analysis.outlet)
    return _dateline_outlet(analysis.text)


def _named(value: str, fallback_name: str) -> OutletRecord:
    """The outlet a domain or a name stands for, found in an `outlet` field or asked for by
    `outlets show`; `fallback_name` names an outlet newsprobe does not know."""
    known = known_outlet(value)
    domain = value.lower() if looks_like_domain(value) else _domain_of(value, known)
    return OutletRecord(name=known.name if known else fallback_name, found_by="outlet field",
                        domain=domain)


def _dateline_outlet(text: str) -> OutletRecord | None:
    for match in _DATELINE.finditer(text[:DATELINE_CHARS]):
        known = known_by_name(match.group(1) or match.group(2))
        if known is not None:
            return OutletRecord(name=known.name, found_by="dateline",
                                domain=_domain_of(known.name, known))
    return None


def resolve_outlet(value: str, index=None) -> OutletRecord:
    """One outlet named by a domain or a name, with its context (`outlets show`)."""
    return _with_context(_named(value, value.lower() if looks_like_domain(value) else value), index)


def _domain_of(name: str, known) -> str | None:
    if looks_like_domain(name):
        return name.lower()
    if known is not None:
        return next((d for d in known.domains if not d.endswith(".")), None)
    return None


def _with_context(record: OutletRecord, index) -> OutletRecord:
    known = known_by_domain(record.domain) or known_by_name(record.name)
    if known is not None:
        record.country = known.country or None
        record.control = known.control or None
        record.basis = known.basis or None
    if index is not None:
        record.quality = index.quality_of(record.domain)
        record.disinfo_cases = index.cases_of(record.name, record.domain)
    return record
