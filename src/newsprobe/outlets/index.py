"""The outlet index: domain quality scores and disinformation cases, built from files you have.

`newsprobe outlets build DIR --out FILE` reads, from DIR:
- `domain_pc1.csv` (`domain,pc1`): the domain quality scores of Lin et al., "High level of
  correspondence across different news domain quality rating sets", PNAS Nexus 2023: the
  first principal component of six expert rating sets, 0 (low) .. 1 (high), 11,520 domains;
- `euvsdisinfo_posts_2021.csv` (`date,id,title,...,outlets`): EUvsDisinfo database cases with
  the outlets that carried them, `+`-separated.
and writes one JSON file (format `newsprobe.outlet-index/1`). Either file may be missing; the
index then holds the other part only. The data stays on your disk: nothing is shipped with
newsprobe or fetched at run time.

Caveat kept with every score: some regional variants of state outlets carry imputed scores
higher than the outlet's main domain (sputniknews.lt above sputniknews.com); a record of a
known outlet family therefore also gives the family's lowest score.
"""

from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import NewsprobeError
from . import known_by_domain, known_by_name, known_outlet, known_outlets, name_key

FORMAT = "newsprobe.outlet-index/1"
QUALITY_FILE = "domain_pc1.csv"
DISINFO_FILE = "euvsdisinfo_posts_2021.csv"
QUALITY_SOURCE = ("Lin et al. 2023, PNAS Nexus: domain quality (first principal component of "
                  "six rating sets), 0 low .. 1 high")
QUALITY_DATE = "2023"
DISINFO_SOURCE = "EUvsDisinfo database: disinformation cases naming the outlet"


class OutletIndex:
    def __init__(self, data: dict[str, Any]):
        self.data = data
        self.quality: dict[str, float] = data.get("quality", {})
        # outlet name or domain (name_key) -> numbers of the cases naming it; cases[n] is
        # [date, link]. Numbers, not counts, so that a case naming two outlets of one family
        # ("Sputnik Poland" + "Sputnik Belarus") counts once for the family.
        self.disinfo: dict[str, list[int]] = data.get("disinfo", {})
        self.cases: list[list[str]] = data.get("cases", [])

    @classmethod
    def build(cls, folder: Path) -> "OutletIndex":
        folder = Path(folder)
        if not folder.is_dir():
            raise NewsprobeError("E007", "not a folder", str(folder))
        quality, disinfo = {}, {}
        disinfo_latest = ""
        if (folder / QUALITY_FILE).is_file():
            with (folder / QUALITY_FILE).open(encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    try:
                        quality[row["domain"].strip().lower()] = round(float(row["pc1"]), 4)
                    except (KeyError, ValueError):
                        continue
        cases: list[list[str]] = []  # [date, link], numbered by position
        if (folder / DISINFO_FILE).is_file():
            with (folder / DISINFO_FILE).open(encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    date, link = (row.get("date") or "").strip(), (row.get("id") or "").strip()
                    disinfo_latest = max(disinfo_latest, date)
                    number = len(cases)
                    cases.append([date, link])
                    for outlet in (row.get("outlets") or "").split("+"):
                        key = name_key(outlet)
                        if not key or key == "show more":  # the scrape's button label
                            continue
                        numbers = disinfo.setdefault(key, [])
                        if not numbers or numbers[-1] != number:
                            numbers.append(number)
        if not quality and not disinfo:
            raise NewsprobeError(
                "E042", f"neither {QUALITY_FILE} nor {DISINFO_FILE} holds any rows", str(folder))
        return cls({"format": FORMAT, "quality_source": QUALITY_SOURCE,
                    "quality_date": QUALITY_DATE, "disinfo_source": DISINFO_SOURCE,
                    "disinfo_until": disinfo_latest, "quality": quality, "disinfo": disinfo,
                    "cases": cases})

    def save(self, path: Path) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(json.dumps(self.data, ensure_ascii=False, sort_keys=True), "utf-8")

    @classmethod
    def load(cls, path: str | Path) -> "OutletIndex":
        try:
            data = json.loads(Path(path).read_text("utf-8"))
        except FileNotFoundError:
            raise NewsprobeError("E007", "outlet index not found", str(path)) from None
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise NewsprobeError("E042", f"not an outlet index: {exc}", str(path)) from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise NewsprobeError("E042", f"not a {FORMAT} file", str(path))
        return cls(data)

    def quality_of(self, domain: str | None) -> dict[str, Any] | None:
        """The domain's score (or its parent domain's), with source and date; for a known
        outlet family, also the lowest score of its domains (see the caveat above)."""
        if not domain:
            return None
        domain = domain.lower()
        scored = domain
        score = self.quality.get(domain)
        if score is None and domain.count(".") > 1:
            scored = domain.split(".", 1)[1]
            score = self.quality.get(scored)
        family = known_by_domain(domain)
        if score is None and family is not None:  # tass.ru unrated, tass.com rated
            scored = next((d for d in family.domains if d in self.quality), "")
            score = self.quality.get(scored)
        if score is None:
            return None
        record = {"score": score, "source": self.data.get("quality_source", QUALITY_SOURCE),
                  "date": self.data.get("quality_date", QUALITY_DATE)}
        if scored != domain:
            record["domain"] = scored
        if family is not None and family.control in ("state-controlled", "state-funded"):
            scores = [s for d, s in self.quality.items() if family.owns_domain(d)]
            if scores and min(scores) < score:
                record["family_lowest"] = min(scores)
        return record

    def cases_of(self, name: str | None, domain: str | None) -> dict[str, Any] | None:
        """EUvsDisinfo cases naming the outlet: by its domain, by its name, and, for a known
        outlet, by every name of its family ("Sputnik Poland", "Sputnik Arabic")."""
        family = known_by_domain(domain) or known_by_name(name)
        keys = {k for k in ((domain or "").lower(), name_key(name or "")) if k}
        numbers = {n for k in keys for n in self.disinfo.get(k, ())}
        if family is not None:
            numbers.update(n for k in self._family_keys().get(family.name, ())
                           for n in self.disinfo[k])
        if not numbers:
            return None
        latest_date, latest_url = max(self.cases[n] for n in numbers)
        return {"count": len(numbers), "latest": latest_date, "latest_url": latest_url,
                "source": self.data.get("disinfo_source", DISINFO_SOURCE),
                "until": self.data.get("disinfo_until", "")}

    def _family_keys(self) -> dict[str, list[str]]:
        """Known outlet family -> the outlet names and domains of the cases that are its own
        ("sputnik poland", "sputnik arabic"); computed once per index."""
        if not hasattr(self, "_families"):
            families: dict[str, list[str]] = {}
            for key in self.disinfo:
                family = known_outlet(key)
                if family is not None:
                    families.setdefault(family.name, []).append(key)
            self._families = families
        return self._families


@lru_cache(maxsize=4)
def load_outlet_index(path: str) -> OutletIndex:
    return OutletIndex.load(path)


__all__ = ["OutletIndex", "load_outlet_index", "FORMAT", "known_outlets"]
