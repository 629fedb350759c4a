"""places: country, region and city names from CLDR (Babel) and the time zone database."""

from newsprobe.layers.places import place_kind


def test_countries_regions_and_cities_are_told_apart():
    assert place_kind("Cyprus") == "country"
    assert place_kind("Turkey") == "country"           # CLDR writes "Türkiye"
    assert place_kind("Bosnia and Herzegovina") == "country"   # CLDR writes "&"
    assert place_kind("Western Europe") == "region"
    assert place_kind("Kiev") == place_kind("Tel Aviv") == "city"


def test_bodies_and_names_that_are_mostly_people_are_no_places():
    assert place_kind("European Union") is None         # a body, not a place
    assert place_kind("United Nations") is None
    assert place_kind("Stanley") is None and place_kind("Sydney") is None
    assert place_kind("Easter") is None
    assert place_kind("cyprus") is None                 # as written: a name is capitalised
