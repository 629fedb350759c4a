"""schema.org ClaimReview in and out: the shape fact-checkers publish their verdicts in.

In: a fact-checker's page carries one ClaimReview (or several) as JSON-LD; aggregators
publish lists of them. `read_claimreview` accepts every shape seen in the wild:
- one ClaimReview object, a list of them, or an `@graph` holding them among other nodes;
- a DataFeed (`dataFeedElement: [{item: [ClaimReview, ...]}]`), the shape of the
  schema.org ClaimReview feeds;
- the Fact Check Tools shape (`claims: [{text, claimant, claimDate, claimReview: [{publisher,
  url, title, reviewDate, textualRating}]}]`), which aggregates one claim's reviews;
- an HTML page, from which every `<script type="application/ld+json">` block is read.
What is kept of each review: the claim (`claimReviewed`), the verdict text
(`reviewRating.alternateName`, else its `ratingValue` on its scale), the reviewer (`author`,
the fact-checker), the claimant (`itemReviewed.author`), dates and the review's URL.

Out: `draft_claimreview` turns one of our claims into a ClaimReview draft for a fact-checker
to complete: claim, claimant, where and when it first appeared; the rating is left empty on
purpose, because a verdict is the checker's to give, never ours.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import NewsprobeError
from .records import FactCheck

_LD_SCRIPT = re.compile(
    r"<script[^>]*type\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>",
    re.IGNORECASE | re.DOTALL)


def read_claimreview(path: Path) -> Iterator[FactCheck]:
    """The ClaimReviews in a .json/.jsonld file or an HTML page, as fact-check records. A
    file that holds no ClaimReview, or JSON that does not parse, is E040 naming the file."""
    raw = path.read_text("utf-8", errors="replace")
    if path.suffix.lower() in (".html", ".htm"):
        blocks = [html.unescape(b) if "&quot;" in b else b for b in _LD_SCRIPT.findall(raw)]
    else:
        blocks = [raw]
    found = 0
    for n, block in enumerate(blocks, 1):
        try:
            data = json.loads(block)
        except json.JSONDecodeError as exc:
            if len(blocks) > 1:  # a page's other JSON-LD blocks may be broken; skip them
                continue
            raise NewsprobeError("E040", f"not JSON: {exc.msg} at line {exc.lineno}",
                                 str(path)) from None
        for review in claimreviews_in(data):
            record = record_from_claimreview(review, default_id=f"{path.name}#{found + 1}")
            if record is not None:
                found += 1
                yield record
    if not found:
        raise NewsprobeError("E040", "no ClaimReview with a claimReviewed in the file", str(path))


def claimreviews_in(data: Any) -> Iterator[dict[str, Any]]:
    """Every ClaimReview object in a JSON-LD document, whatever its nesting."""
    if isinstance(data, list):
        for item in data:
            yield from claimreviews_in(item)
        return
    if not isinstance(data, dict):
        return
    if _is_type(data, "ClaimReview"):
        yield data
        return
    if "@graph" in data:
        yield from claimreviews_in(data["@graph"])
    for element in _as_list(data.get("dataFeedElement")):
        if isinstance(element, dict):
            yield from claimreviews_in(element.get("item", element))
    for claim in _as_list(data.get("claims")):
        yield from _fact_check_tools_reviews(claim)


def _fact_check_tools_reviews(claim: Any) -> Iterator[dict[str, Any]]:
    """The Fact Check Tools shape, rewritten as plain ClaimReviews so one reader serves both."""
    if not isinstance(claim, dict):
        return
    for review in _as_list(claim.get("claimReview")):
        if not isinstance(review, dict):
            continue
        publisher = review.get("publisher") or {}
        yield {
            "@type": "ClaimReview",
            "claimReviewed": claim.get("text", ""),
            "url": review.get("url", ""),
            "headline": review.get("title", ""),
            "datePublished": review.get("reviewDate", ""),
            "author": publisher,
            "reviewRating": {"alternateName": review.get("textualRating", "")},
            "itemReviewed": {"author": {"name": claim.get("claimant", "")},
                             "datePublished": claim.get("claimDate", "")},
        }


def record_from_claimreview(review: dict[str, Any], default_id: str = "") -> FactCheck | None:
    """One ClaimReview as a record; None when it names no claim (nothing to match against)."""
    claim = _text(review.get("claimReviewed"))
    if not claim:
        return None
    item = _first_dict(review.get("itemReviewed"))
    return FactCheck(
        claim=claim,
        rating=verdict(review.get("reviewRating")),
        url=_text(review.get("url")),
        date=_text(review.get("datePublished")) or _text(item.get("datePublished")),
        title=_text(review.get("headline")) or _text(review.get("name")),
        id=_text(review.get("@id")) or default_id,
        reviewer=_name(review.get("author")) or _name(review.get("publisher")),
        claimant=_name(item.get("author")),
    )


def verdict(rating: Any) -> str:
    """The verdict as the fact-checker wrote it ("False", "Missing context"); a bare number
    becomes "2 of 1-5" so that a scale without words is still read the right way round."""
    rating = _first_dict(rating)
    words = _text(rating.get("alternateName")) or _text(rating.get("name"))
    if words:
        return words
    value = _text(rating.get("ratingValue"))
    if not value:
        return ""
    worst, best = _text(rating.get("worstRating")), _text(rating.get("bestRating"))
    return f"{value} of {worst}-{best}" if worst and best else value


def draft_claimreview(claim: dict[str, Any], *, claimant: str = "",
                      claimant_type: str = "Organization", url: str = "", date: str = "",
                      outlet: str = "") -> dict[str, Any]:
    """A ClaimReview draft for one claim: what was claimed, by whom, where and when it
    appeared. `reviewRating` is present but empty: the verdict is the checker's to fill."""
    item: dict[str, Any] = {"@type": "Claim"}
    if claimant:
        item["author"] = {"@type": claimant_type, "name": claimant}
    if date:
        item["datePublished"] = date
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    if url:
        appearance["url"] = url
    if outlet:
        appearance["publisher"] = {"@type": "Organization", "name": outlet}
    if len(appearance) > 1:
        item["firstAppearance"] = appearance
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim.get("text", ""),
        "itemReviewed": item,
        "reviewRating": {"@type": "Rating", "alternateName": "", "ratingValue": "",
                         "bestRating": "", "worstRating": ""},
        "url": "",
        "author": {"@type": "Organization", "name": ""},
    }


def _is_type(node: dict[str, Any], name: str) -> bool:
    kinds = _as_list(node.get("@type"))
    return any(isinstance(k, str) and k.rsplit("/", 1)[-1].rsplit(":", 1)[-1] == name
               for k in kinds)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _first_dict(value: Any) -> dict[str, Any]:
    return next((v for v in _as_list(value) if isinstance(v, dict)), {})


def _name(value: Any) -> str:
    """A person or organisation's name, whether given as an object, a list or a string."""
    for v in _as_list(value):
        if isinstance(v, str) and v.strip():
            return v.strip()
        if isinstance(v, dict):
            name = _text(v.get("name")) or _text(v.get("alternateName")) or _text(v.get("url"))
            if name:
                return name
    return ""


def _text(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, dict):
        return _text(value.get("@value") or value.get("@id"))
    if isinstance(value, list) and value:
        return _text(value[0])
    return ""
