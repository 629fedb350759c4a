"""Denials of a report as a whole ("The ministry denied the report", "X branded as inaccurate
reports that ..."): which of the report's claims they reach, and whether the one who denies
is the party concerned (denied) or somebody else (disputed). Articles are our own, names
invented."""

import pytest

from newsprobe import analyze
from newsprobe.settings import Settings

ALL = Settings.load(claim_min_checkworthiness=0.0)


def claim_with(analysis, words: str) -> dict:
    found = [c for c in analysis.claims if words in c["text"]]
    assert found, [c["text"] for c in analysis.claims]
    return found[0]


# The outlet's main claim stands in the lede, relayed from people it does not name; details
# follow; the party concerned then denies "the report".
SPY_POST = ("Karsovia plans to build a listening post on the island of Vell, the Daily Meridian "
            "reported on Tuesday, citing officials familiar with the plan.\n\n"
            "The post would let Karsovian engineers monitor shipping in the strait, the newspaper "
            "said.\n\n"
            "Karsovia's foreign ministry denied the report on Wednesday.\n\n"
            "\"There are no such plans,\" ministry spokeswoman Ilse Marten said.\n")


def test_a_denial_of_the_report_reaches_its_main_claim():
    analysis = analyze(SPY_POST, ALL)
    main = claim_with(analysis, "plans to build a listening post")
    assert main["status"] == "denied", main
    assert main["rebutted_by"] is not None and "denied the report" in main["rebutted_by"]["text"], main
    # a detail the report adds is not what "the report" names first
    detail = claim_with(analysis, "monitor shipping")
    assert detail["rebutted_by"] is None or "denied the report" not in detail["rebutted_by"]["text"], detail


# The denial comes first and names the outlet; the outlet's own account follows.
PORT_SALE = ("The Norland transport ministry on Monday denied a report by the Harbour Gazette "
             "about the sale of the port.\n\n"
             "\"We have held no talks with any buyer,\" ministry spokeswoman Ilse Marten said.\n\n"
             "The Gazette reported on Sunday that the ministry had agreed to sell the port to a "
             "shipping firm for 40 million euros.\n\n"
             "Dock workers held a meeting on Tuesday to discuss the future of the harbour.\n")


def test_a_denial_naming_the_outlet_reaches_its_account_told_later():
    analysis = analyze(PORT_SALE, ALL)
    told = claim_with(analysis, "agreed to sell the port")
    assert told["status"] == "denied", told   # the ministry answers for the ministry
    assert told["rebutted_by"] is not None, told
    assert told["rebutted_by"]["start"] < told["start"], told
    # the writer's own later sentence is no part of the outlet's account
    meeting = claim_with(analysis, "held a meeting")
    assert meeting["status"] == "asserted", meeting


# The same, where the outlet is named by a possessive in a source's verdict.
def test_a_verdict_on_the_outlets_account_reaches_its_account_told_later():
    text = ("\"The Harbour Gazette's account of our talks is not accurate,\" said Ilse Marten, a "
            "spokeswoman for the Norland port authority.\n\n"
            "Citing two dock managers, the Gazette reported on Sunday that the port authority had "
            "agreed to sell the harbour to a shipping firm.\n")
    told = claim_with(analyze(text, ALL), "agreed to sell the harbour")
    assert told["status"] == "denied", told
    assert told["rebutted_by"] is not None and "not accurate" in told["rebutted_by"]["text"], told


# A verdict by naming ("branded as inaccurate reports that ...", "labelled the report
# misleading") is the verdict of the verb's subject, not the writer's: the party concerned
# denies, anybody else disputes.
def test_a_verdict_named_before_the_claim_noun_is_the_subjects_denial():
    text = ("The Orlan government has branded as inaccurate reports that its navy fired on a "
            "fishing boat near the island of Kell last week.")
    claim = claim_with(analyze(text, ALL), "fired on a fishing boat")
    assert claim["status"] == "denied", claim


def test_a_verdict_named_in_the_frame_leaves_the_sources_own_answer_alone():
    text = ("Orlan's defence ministry labelled as \"inaccurate and misleading\" reports that its "
            "navy fired on a fishing boat near Kell, saying the boat had left the area before the "
            "exercise began.")
    analysis = analyze(text, ALL)
    assert claim_with(analysis, "fired on a fishing boat")["status"] == "denied"
    answer = claim_with(analysis, "had left the area")
    assert answer["status"] not in ("refuted", "disputed", "denied"), answer


def test_a_later_verdict_by_naming_is_the_subjects_denial():
    text = ("The Daily Meridian reported on Sunday that the Orlan navy fired on a fishing boat near "
            "the island of Kell last week.\n\n"
            "The Orlan defence ministry on Monday labelled the report inaccurate and misleading.\n")
    claim = claim_with(analyze(text, ALL), "fired on a fishing boat")
    assert claim["status"] == "denied", claim
    assert claim["rebutted_by"] is not None and "labelled the report" in claim["rebutted_by"]["text"], claim


def test_a_later_verdict_by_naming_by_a_third_party_disputes():
    text = ("The Daily Meridian reported on Sunday that the Orlan navy fired on a fishing boat near "
            "the island of Kell last week.\n\n"
            "Velmora's coast guard on Monday labelled the report inaccurate.\n")
    claim = claim_with(analyze(text, ALL), "fired on a fishing boat")
    assert claim["status"] == "disputed", claim


# "X disputed the report": a dispute of the report's claim (never a denial: "dispute" says
# the account is contested, not that its subject says it is false), before or after it.
@pytest.mark.parametrize("text", [
    "The Harbour Gazette reported on Sunday that the port authority had agreed to sell the "
    "harbour to a shipping firm.\n\nVelmora's transport minister Ana Oma disputed the report on "
    "Monday.\n",
    "Velmora's transport minister Ana Oma on Monday disputed a Harbour Gazette report about the "
    "harbour.\n\nThe Gazette reported on Sunday that the port authority had agreed to sell the "
    "harbour to a shipping firm.\n",
])
def test_a_dispute_of_the_report_disputes_its_claim(text):
    claim = claim_with(analyze(text, ALL), "agreed to sell the harbour")
    assert claim["status"] == "disputed", claim
    assert claim["rebutted_by"] is not None and "disputed" in claim["rebutted_by"]["text"], claim


# The lede denies "a report that X" without naming the outlet; the body then tells what the
# report said, in other words: the same claim, denied.
def test_a_report_told_after_a_lede_that_denies_it_is_denied():
    text = ("Norland's port authority on Monday denied a report that it had sold the harbour to a "
            "shipping firm.\n\n"
            "The Harbour Gazette reported on Sunday that the authority sold the harbour to Velmora "
            "Shipping, a shipping firm from Orlan, for 40 million euros.\n\n"
            "The Gazette also reported that dock workers held a meeting on Tuesday.\n")
    analysis = analyze(text, ALL)
    told = claim_with(analysis, "sold the harbour to Velmora")
    assert told["status"] == "denied", told
    assert told["rebutted_by"] is not None and "denied a report" in told["rebutted_by"]["text"], told
    # another claim of the same report, on something else, is not what the lede denies
    other = claim_with(analysis, "dock workers held a meeting")
    assert other["status"] == "reported", other
