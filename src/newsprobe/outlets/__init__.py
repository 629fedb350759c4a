"""Outlet context: who an outlet is, for the reader of a claim that came through it.

An outlet is resolved from a domain (the article's URL, its `outlet` field) or a name (the
`outlet` field, a dateline such as "(Reuters) -", a media speaker or a link of a source chain)
to a record with what is known about it:

- **control**: who owns or directs it (state-controlled, state-funded, public-service), from
  `known_outlets.toml`, which we wrote by hand from public facts about ownership;
- **quality**: a 0..1 domain quality score with its source and date, from an outlet index
  (`newsprobe outlets build`, from the Lin et al. 2023 ratings when you have them);
- **disinformation cases**: how many EUvsDisinfo cases name the outlet, the latest one's date
  and link, from the same index.

All three describe the outlet, never the article: a prior a fact-checker weighs, not a verdict.
Every record says so in `note`, and every renderer shows that note.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

NOTE = ("describes the outlet, not this article: a prior to weigh, never a verdict on what "
        "the article says")
CONTROL_LABELS = {
    "state-controlled": "state-controlled media",
    "state-funded": "state-funded media",
    "public-service": "public-service media",
}


@dataclass(frozen=True)
class KnownOutlet:
    name: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...]
    country: str = ""
    control: str = ""
    basis: str = ""

    def owns_domain(self, domain: str) -> bool:
        """'tass.com' is TASS's; 'sputniknews.lt' is Sputnik's by its 'sputniknews.' key."""
        domain = domain.lower()
        for d in self.domains:
            if d.endswith(".") and domain.startswith(d):
                return True
            if domain == d or domain.endswith("." + d):
                return True
        return False


@dataclass
class OutletRecord:
    """What is known of one outlet, and how it was found (`found_by`: url, outlet field,
    dateline, speaker, chain)."""

    name: str
    found_by: str
    domain: str | None = None
    country: str | None = None
    control: str | None = None
    basis: str | None = None
    quality: dict[str, Any] | None = None
    disinfo_cases: dict[str, Any] | None = None
    role: str = "publisher"
    quotes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"name": self.name, "role": self.role, "found_by": self.found_by,
                             "domain": self.domain}
        for key in ("country", "control", "basis", "quality", "disinfo_cases"):
            value = getattr(self, key)
            if value:
                d[key] = value
        if self.quotes:
            d["quotes"] = list(self.quotes)
        d["note"] = NOTE
        return d

    @property
    def state_aligned(self) -> bool:
        return self.control in ("state-controlled", "state-funded")


@lru_cache(maxsize=1)
def known_outlets() -> tuple[KnownOutlet, ...]:
    data = tomllib.loads(resources.files("newsprobe.outlets").joinpath("known_outlets.toml")
                         .read_text("utf-8"))
    return tuple(KnownOutlet(o["name"], tuple(o.get("domains", ())), tuple(o.get("aliases", ())),
                             o.get("country", ""), o.get("control", ""), o.get("basis", ""))
                 for o in data["outlet"])


def name_key(name: str) -> str:
    """How names are compared: lower case, single spaces, no leading "the", no trailing
    " - Language" or " - YouTube" (EUvsDisinfo writes "News Front - Spanish")."""
    key = " ".join(name.lower().replace("’", "'").split())
    key = re.sub(r"\s+-\s+.*$", "", key)
    return re.sub(r"^the\s+", "", key)


@lru_cache(maxsize=1)
def _alias_table() -> dict[str, KnownOutlet]:
    return {name_key(alias): o for o in known_outlets() for alias in (o.name, *o.aliases)}


def known_by_domain(domain: str | None) -> KnownOutlet | None:
    if not domain:
        return None
    return next((o for o in known_outlets() if o.owns_domain(domain)), None)


def known_by_name(name: str | None) -> KnownOutlet | None:
    """An alias, exactly or as the first words of a longer name ("Sputnik Poland",
    "RT Arabic"); never a word inside a name ("Art Monthly" is not RT)."""
    if not name:
        return None
    key = name_key(name)
    table = _alias_table()
    if key in table:
        return table[key]
    words = key.split()
    for n in range(len(words) - 1, 0, -1):
        found = table.get(" ".join(words[:n]))
        if found is not None:
            return found
    return None


def looks_like_domain(value: str) -> bool:
    return bool(re.fullmatch(r"(?:[a-z0-9-]+\.)+[a-z]{2,}", value.strip().lower()))


def known_outlet(value: str | None) -> KnownOutlet | None:
    """A known outlet named by a domain ("tass.com") or a name ("TASS"), as stores, outlet
    fields and EUvsDisinfo write them."""
    if not value:
        return None
    return known_by_domain(value) if looks_like_domain(value) else known_by_name(value)


__all__ = ["NOTE", "CONTROL_LABELS", "KnownOutlet", "OutletRecord", "known_outlets",
           "known_by_domain", "known_by_name", "known_outlet", "name_key", "looks_like_domain"]
