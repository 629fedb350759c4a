"""Publication dates read from the page text (datelines.py), and where analyze records them.

Every page below is a few lines written for this test. `today` is fixed so that the
not-in-the-future rule does not depend on the day the suite runs."""

from __future__ import annotations

from datetime import date

import pytest

from newsprobe.datelines import publication_date
from newsprobe.model import Analysis

TODAY = date(2026, 12, 1)
BODY = "The harbour authority closed the north pier after a crane collapsed."


def read(text: str, language: str = "en", title: str | None = None):
    return publication_date(text, language, title, today=TODAY)


@pytest.mark.parametrize("page, language, expected", [
    (f"HARBOUR NEWS 14/03/2022\n{BODY}", "en", "2022-03-14"),          # day > 12: day first
    (f"Pier closed\n14/03/2022\n{BODY}", "en", "2022-03-14"),
    (f"Published 3 March 2022 | Updated 4 March 2022\n{BODY}", "en", "2022-03-03"),
    (f"Updated: March 5, 2022 Published: March 3, 2022\n{BODY}", "en", "2022-03-03"),
    (f"Posted on 2022-03-03T10:00:00Z by the desk\n{BODY}", "en", "2022-03-03"),
    (f"date 2023-06-04 {BODY}", "en", "2023-06-04"),                     # a crawler's stamp
    (f"Hafen\n9. Juni 2023, 14:02 Uhr\n{BODY}", "de", "2023-06-09"),
    (f"Puerto\n9 de junio de 2023\n{BODY}", "es", "2023-06-09"),
    (f"Publié le 3 mars 2022 à 10h\n{BODY}", "fr", "2022-03-03"),
    (f"Port\n2024-07-02 09:15 aktualizacja: 2024-07-03, 08:30\n{BODY}", "pl", "2024-07-02"),
    (f"Новости / 2 Июля, 2024 г. автор: Иван Петров\n{BODY}", "ru", "2024-07-02"),
    (f"Kikötő\n2023. június 9.\n{BODY}", "hu", "2023-06-09"),
    (f"Port\n04/03/2022\n{BODY}", "fr", "2022-03-04"),                   # day first outside English
    (f"Pier\n04/03/2022\n{BODY}", "en", "2022"),                         # US or UK: only the year is sure
    (f"Opinion\nMarch 2021\n{BODY}", "en", "2021-03"),
    (f"2025-06-03 14:02\n{BODY}", "en", "2025-06-03"),                   # a post's time stamp
])
def test_a_dateline_in_the_head_gives_the_publication_date(page, language, expected):
    found = read(page, language)
    assert found is not None and found.value == expected
    assert page[found.span.start:found.span.end] == found.span.text == found.written


@pytest.mark.parametrize("page", [
    f"The council will vote on June 8, 2023 on the budget.\n{BODY}",     # an event date in a sentence
    f"Pier closes on June 8, 2023\n{BODY}",                              # a headline leading into a date
    f"On June 8, 2023, the harbour authority closed the north pier after a crane fell.\n{BODY}",
    f"The pier, built in 1998 and rebuilt in March 2021, closed.\n{BODY}",
    f"date 2030-01-01 {BODY}",                                           # in the future
    f"{BODY}\nIt reopened in 2022 and again in the 1990s.",
    "\n".join([BODY] * 13 + ["14 March 2022"]),                          # past the page's head
    f"Friday, September 20, 2024\nPier closed\n{BODY}",                 # the site's today's-date
    f"14/03/2022\n{BODY}",
])
def test_dates_outside_a_dateline_are_not_publication_dates(page):
    assert read(page) is None


def test_a_date_in_the_title_has_no_span():
    found = read(BODY, title="date 2023-06-06 PIER CLOSED AFTER CRANE COLLAPSE")
    assert (found.value, found.span, found.written) == ("2023-06-06", None, "2023-06-06")


def test_a_title_that_is_only_a_date_is_the_sites_header():
    assert read(BODY, title="08.09.2024") is None
    assert read(f"Pier closed\nPublished 14 March 2022\n{BODY}", title="08.09.2024").value == "2022-03-14"


def test_an_impossible_date_is_not_read():
    assert read(f"Port\n31/02/2022\n{BODY}", "fr") is None
    assert read(f"Port\n2022-13-01\n{BODY}") is None


def _analysis(text: str, title: str | None = None, published: str | None = None) -> Analysis:
    from newsprobe.analyze import read_publication_date

    analysis = Analysis(text=text, id="a", title=title, published=published, language="en")
    read_publication_date(analysis)
    return analysis


def test_analyze_records_a_date_read_from_the_text_with_its_span():
    analysis = _analysis(f"Harbour\nPublished 3 March 2022\n{BODY}")
    assert analysis.published == "2022-03-03"
    span = analysis.published_from["span"]
    assert analysis.published_from["from"] == "text"
    assert analysis.text[span["start"]:span["end"]] == span["text"] == "3 March 2022"


def test_a_date_given_with_the_input_wins_over_the_text():
    analysis = _analysis(f"Published 3 March 2022\n{BODY}", published="2022-03-05")
    assert analysis.published == "2022-03-05"
    assert analysis.published_from == {"from": "input"}


def test_analyze_reads_the_date_and_the_contract_round_trips_it():
    from newsprobe import analyze
    from newsprobe.model import Article
    from newsprobe.schema import validate_article

    analysis = analyze(Article(text=f"Harbour\nPublished 3 March 2022\n{BODY}"), layers=["entities"])
    assert analysis.published == "2022-03-03"
    d = analysis.to_dict()
    validate_article(d)
    assert Analysis.from_dict(d).published_from == analysis.published_from
    undated = analyze(Article(text=BODY), layers=["entities"]).to_dict()
    assert undated["published"] is None and "published_from" not in undated
    validate_article(undated)
