"""Claim links: the same claim in several articles, with its earliest appearance.

The units are each article's claims (the claims layer) and, for articles without claims,
its quotations (what sources are reported to have said). Two units are the same claim when

- their word shingles overlap (MinHash LSH, verified with exact Jaccard) — outlets that
  repeat a claim usually repeat its words; or
- they sit in sentences aligned by a copy edge (`copies.py`) — a spun copy repeats the
  claim in other words.

Linked units are grouped (union-find); a group spanning two or more articles is a claim
link, with the earliest article by publication date and the outlets that repeat it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Analysis, Span
from .copies import CopyEdge
from .fingerprints import jaccard, lsh_bands, lsh_pairs, signatures, word_shingles

MIN_UNIT_WORDS = 5


@dataclass(frozen=True)
class ClaimUnit:
    article: str
    span: Span
    kind: str  # "claim" or "quote"


@dataclass(frozen=True)
class ClaimLinkSettings:
    min_jaccard: float = 0.5
    num_perm: int = 64


def claim_units(analysis: Analysis) -> list[ClaimUnit]:
    units = [ClaimUnit(analysis.id, Span.of(analysis.text, c["start"], c["end"]), "claim")
             for c in analysis.claims if "start" in c and "end" in c]
    if not units:
        units = [ClaimUnit(analysis.id, span, "quote") for q in analysis.quotes for span in q.content[:1]]
    return [u for u in units if len(u.span.text.split()) >= MIN_UNIT_WORDS]


def link_claims(analyses: list[Analysis], copies: list[CopyEdge],
                settings: ClaimLinkSettings = ClaimLinkSettings()) -> list[dict]:
    """Claim links as `newsprobe.corpus/1` dicts (without ids), earliest first."""
    units = [u for a in analyses for u in claim_units(a)]
    parent = list(range(len(units)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    # MinHashLSH's candidates from a compact signature matrix (see fingerprints.lsh_pairs),
    # verified with exact Jaccard; shingles are rebuilt for the candidates only, so a corpus
    # with a million claims holds no million sets.
    bands, rows = lsh_bands(settings.min_jaccard, settings.num_perm)
    sig = signatures((word_shingles(u.span.text) for u in units), settings.num_perm, bands * rows)
    for i, j in lsh_pairs(sig, bands, rows).tolist():
        if units[i].article != units[j].article and \
                jaccard(word_shingles(units[i].span.text), word_shingles(units[j].span.text)) >= settings.min_jaccard:
            union(j, i)
    del sig

    by_article: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        by_article.setdefault(u.article, []).append(i)
    for edge in copies:
        for pair in edge.pairs:
            inside_s = [i for i in by_article.get(edge.source, []) if _inside(units[i].span, pair.source)]
            inside_t = [i for i in by_article.get(edge.target, []) if _inside(units[i].span, pair.target)]
            for i in inside_s:
                for j in inside_t:
                    union(i, j)

    meta = {a.id: a for a in analyses}
    groups: dict[int, list[int]] = {}
    for i in range(len(units)):
        groups.setdefault(find(i), []).append(i)
    links = []
    for members in groups.values():
        articles = {units[i].article for i in members}
        if len(articles) < 2:
            continue
        ordered = sorted(members, key=lambda i: (meta[units[i].article].published or "9999",
                                                 units[i].article, units[i].span.start))
        first = units[ordered[0]]
        outlets = sorted({meta[units[i].article].outlet for i in members if meta[units[i].article].outlet})
        links.append({
            "text": first.span.text,
            "kind": first.kind,
            "earliest": {"article": first.article, "published": meta[first.article].published,
                         "outlet": meta[first.article].outlet},
            "articles": sorted(articles),
            "outlets": outlets,
            "mentions": [{"article": units[i].article, **units[i].span.to_dict()} for i in ordered],
        })
    links.sort(key=lambda link: (-len(link["articles"]), link["earliest"]["published"] or "9999", link["text"]))
    return links


def _inside(unit: Span, sentence: Span) -> bool:
    """A unit belongs to a sentence when most of it lies inside the sentence."""
    overlap = min(unit.end, sentence.end) - max(unit.start, sentence.start)
    return overlap > 0.5 * (unit.end - unit.start)
