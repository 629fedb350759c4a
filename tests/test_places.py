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


def test_states_and_provinces_are_subdivisions():
    assert place_kind("Texas") == place_kind("Ontario") == place_kind("Bavaria") == "subdivision"
    assert place_kind("Maharashtra") == "subdivision"      # ISO writes "Mahārāshtra"
    assert place_kind("Guangdong") == "subdivision"        # ISO writes "Guangdong Sheng"
    assert place_kind("New South Wales") == "subdivision"
    assert place_kind("New York") == "city"                 # the city and the state: one name, city first
    assert place_kind("Georgia") == "country"               # a country's kind wins


def test_subdivision_names_that_news_uses_for_people_or_works_are_left_out():
    assert place_kind("Mary") is None                       # a region of Turkmenistan
    assert place_kind("Batman") is None                     # a Turkish province
    assert place_kind("Victoria") is None
    assert place_kind("Central") is None


def test_towns_come_from_the_geonames_table():
    assert place_kind("Leicester") == place_kind("Wolverhampton") == "town"
    assert place_kind("Kiev") == "city"                     # the time zone list's kind wins
    assert place_kind("Jackson") is None                    # mostly a person's name in news
    assert place_kind("Reading") is None                    # a common word
