"""Write `layers/lexicons/subdivisions.tsv`: the English names of states, provinces and
regions (the first level of ISO 3166-2) from pycountry, for `layers/places.py`.

pycountry ships the ISO 3166-2 data, but importing it and reading its subdivisions takes
80-130 ms and ~10 MB in a fresh process (measured on the build machine), more than a word
list is worth at analysis time; so the analysis reads this derived table and never imports
pycountry. Run again after upgrading pycountry (pinned in requirements-dev.lock):

    PYTHONPATH=src python scripts/build_subdivisions.py

Kept: first-level units of the kinds news calls states, provinces or regions ("Texas",
"Ontario", "Bavaria", "Punjab", "Guangdong"); the English name where pycountry has a
translation, the local name otherwise, with diacritics dropped as English copy writes them
("Maharashtra"), bracketed alternatives as their own names ("Catalunya [Cataluña]"), each
part of a name joined by "and" ("Newfoundland and Labrador") and the Chinese level suffix
("Guangdong Sheng") cut. Left out: municipalities, districts, counties,
parishes and the like (towns, and far too many common words), and names that English news
uses more often for something else (`NOT_PLACES`).
"""

from __future__ import annotations

import gettext
import re
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "newsprobe" / "layers" / "lexicons" / "subdivisions.tsv"

# ISO 3166-2 types of the first level that news names as states, provinces and regions.
KEPT_TYPES = {"State", "Province", "Region", "Territory", "Land", "Autonomous region",
              "Autonomous community", "Union territory", "Oblast", "Republic", "Prefecture",
              "Canton", "Emirate", "Country", "Federal district", "Capital territory",
              "Capital district", "Special administrative region", "Outlying area",
              "Regional state", "Metropolitan region", "Governorate", "Voivodship",
              "Autonomous republic", "Autonomous province", "Federal territory",
              "Administrative region", "Autonomous district", "Overseas collectivity",
              "Overseas departmental collectivity", "Overseas unique territorial collectivity",
              "Metropolitan collectivity with special status", "District"}

# First-level names that news uses mostly for something else: common words and compass
# regions ("Central", "Northern"), people's names ("Victoria", "Montana" stays: a person's
# mention is kept by the text's evidence, see places.py), clubs ("Lazio"), and one-word names
# shared with a city the time zone list already has.
NOT_PLACES = {"Central", "Northern", "Southern", "Eastern", "Western", "North", "South", "East",
              "West", "Capital", "Centre", "Center", "Coast", "Lakes", "Islands", "Upper",
              "Lower", "Coastal", "Interior", "Highlands", "Mountain", "Plateau", "Lagos",
              "Lazio", "Victoria", "Grand", "Oriental", "Occidental", "Littoral",
              "Sud", "Nord", "Est", "Ouest", "Centro", "Norte", "Sur", "Capital District",
              "Federal District", "National Capital", "Western Area", "Greater", "Red Sea",
              "Blue Nile", "White Nile", "Amazonas", "Atlantico", "Atlantique", "Plateaux",
              "Savanes", "Kara", "Maritime", "Tanger", "Unity", "Lakes", "Warrap", "Jonglei",
              "Bay", "Bari", "Nugaal", "Sool", "Sanaag", "Banaadir", "Delta", "Rivers", "Cross River",
              "Ocean", "Sea", "Gulf", "Plains", "Valley", "Hills", "North East", "West Coast",
              "North Western", "Western North",
              # people, works and common words: "Mary", "Batman", "Bono", "Van", "Para"
              "Mary", "Batman", "Bono", "Isabel", "Nelson", "Herrera", "Miranda", "Hidalgo",
              "Bolivar", "Sucre", "Falcon", "Colon", "Granma", "Jura", "Mon", "Van", "Tak",
              "Nan", "Sila", "Para", "Sul", "Chin", "Lac", "Leste", "Mie", "Saga", "Nara", "Uri",
              "Mara", "Lara", "Tov", "Yap", "Yuma", "Ica", "Mus", "Imo", "Edo", "Oti", "Bie",
              "Gao", "Ibb", "Hela", "Enga", "Manus", "Amara", "Somali", "Afar", "Acre", "Loja",
              "Zaire", "Sahel", "Tete", "Sabah", "Kochi", "Mexico", "Panama", "Niger", "Cymru",
              # given names, surnames and brands: "Savannah Guthrie", "Mendoza", "Formosa Plastics"
              "Savannah", "Mendoza", "Guerrero", "Cordoba", "Córdoba", "Loreto", "Formosa",
              "Tabasco"}


def _plain(name: str) -> str:
    """"Mahārāshtra" -> "Maharashtra": the diacritics English copy drops."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def english_forms(name: str, english: str) -> set[str]:
    forms = set()
    for raw in {name, english}:
        # "Catalunya [Cataluña]", "Wales [Cymru GB-CYM]": the name and its alternative.
        parts = [raw.split("[")[0]] + re.findall(r"\[([^\]]+)\]", raw)
        for part in parts:
            part = re.sub(r"\s+GB-\w+$", "", part)
            part = re.sub(r"\s*\(.*?\)", "", part)
            part = part.split(",")[0]                     # "Murcia, Region de"
            part = re.sub(r"\s+(?:Sheng|Shi|Zizhiqu|Huizu|Zhuangzu|Uygur)\b", "", part)
            part = part.strip()
            if len(part) >= 3 and part[:1].isupper():
                forms.update({part, _plain(part)})
                # "Newfoundland and Labrador", "Jammu and Kashmir": news names each part.
                forms.update(p for piece in part.split(" and ") if piece != part and len(piece) >= 4
                             and piece[:1].isupper() for p in (piece, _plain(piece)))
    return forms


def main() -> int:
    from importlib.metadata import version

    import pycountry

    english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"], fallback=True)
    rows = set()
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.type not in KEPT_TYPES:
            continue
        if sub.type == "District" and sub.country_code != "US":
            continue                                      # districts elsewhere are towns; DC is the one kept
        for form in english_forms(sub.name, english.gettext(sub.name)):
            if form not in NOT_PLACES:
                rows.add((form, sub.country_code, sub.type.lower()))
    lines = ["# name\tcountry\ttype  (written by scripts/build_subdivisions.py from pycountry "
             f"{version('pycountry')}; do not edit by hand)"]
    lines += [f"{form}\t{country}\t{kind}" for form, country, kind in sorted(rows)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
