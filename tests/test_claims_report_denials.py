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


def test_an_outlet_citing_officials_before_its_verb_leaves_the_claim_unconfirmed():
    text = ("The Velmora Courier, citing three current and former officials, reported on Tuesday "
            "that the minister had met the envoy twice.\n")
    claim = claim_with(analyze(text, ALL), "met the envoy twice")
    assert claim["text"].startswith("the minister"), claim
    assert claim["status"] == "unconfirmed", claim


# "X called the claims 'baseless'": a verdict by naming on the claims told before, not a
# claim of its own; the party concerned denies, anyone else disputes.
HARBOUR = ("The Velmora Courier reported on Tuesday that the port authority had agreed to sell the "
           "harbour to a shipping firm.\n\n")


@pytest.mark.parametrize("verdict, status", [
    ("Mayor Ivo Brandt called the claims \"baseless.\"", "disputed"),
    ("The port authority called the report fabricated.", "denied"),
    ("Mayor Ivo Brandt called reports on the harbour sale baseless.", "disputed"),
])
def test_a_verdict_by_naming_is_no_claim_of_its_own(verdict, status):
    analysis = analyze(HARBOUR + verdict + "\n", ALL)
    claim = claim_with(analysis, "agreed to sell the harbour")
    assert claim["status"] == status, claim
    assert not [c for c in analysis.claims if "called" in c["text"] or c["text"].startswith(("the claims", "the report", "reports"))], \
        [(c["text"], c["status"]) for c in analysis.claims]


# "… was not based on any facts": a source's verdict on the report it names, in the lede and
# again in the spokesman's words; the report's claim, told in between through an outlet
# citing officials, is what the party concerned denies. Here the party is the government of
# the country whose officers the claim says the aides were in contact with ("contacts with
# Chinese intelligence officers" concerns Beijing).
NO_FACTS = ("Beijing said on Wednesday a foreign newspaper report, which said aides to the "
            "president had contacts with Chinese intelligence officers, was not based on facts.\n\n"
            "The Velmora Courier, citing four current and former officials, reported on Tuesday that "
            "bank statements and intercepted emails show that aides to the president had repeated "
            "contacts with senior Chinese intelligence officers in the months before the vote.\n\n"
            "\"This account is not based on any facts at all,\" ministry spokesman Ivo Brandt told "
            "reporters.\n")


def test_a_report_called_not_based_on_facts_is_denied_by_the_party_concerned():
    # The rules alone: the acceptance head (quote_head.py) leaves out "bank statements ...
    # show that" (probability ~0.23), and the relayed claim then keeps the evidence words
    # and comes out disputed, not denied (closing note, session 15).
    analysis = analyze(NO_FACTS, Settings.load(claim_min_checkworthiness=0.0, quote_head="off"))
    relayed = claim_with(analysis, "had repeated contacts")
    assert relayed["text"].startswith("aides to the president"), relayed
    assert relayed["status"] == "denied", relayed
    assert relayed["rebutted_by"] is not None, relayed
    for settings in (ALL, Settings.load(claim_min_checkworthiness=0.0, quote_head="off")):
        lede = claim_with(analyze(NO_FACTS, settings), "had contacts with Chinese")
        assert lede["status"] == "denied", lede


# "There was no basis to a report that it had …": a company's verdict on a report about
# itself ("it") denies the report's claim; the later verdict it gives in an interview with
# the same outlet does not make the company the outlet's side ("told the Gazette" is the
# channel of the denial).
NO_BASIS = ("Norvex Chemicals said on Monday that a Harbour Gazette story saying that it had dumped "
            "tonnes of chemical waste in the river near the old mill had no basis.\n\n"
            "The Gazette wrote that Norvex had dumped 40 tonnes of waste near the old mill last spring.\n\n"
            "\"We have found no basis at all for this story,\" spokeswoman Ilse Marten told the "
            "Harbour Gazette.\n")


def test_no_basis_to_a_report_about_itself_is_a_denial_by_the_company():
    analysis = analyze(NO_BASIS, ALL)
    lede = claim_with(analysis, "it had dumped tonnes")
    assert lede["text"].startswith("it had"), lede
    assert lede["status"] == "denied", lede
    told = claim_with(analysis, "40 tonnes")
    assert told["status"] == "denied", told
    # the spokeswoman's own verdict, told to the outlet, is no claim of the outlet's
    own = claim_with(analysis, "no basis at all")
    assert own["status"] == "reported" and own["rebutted_by"] is None, own


# "Mayor X called the claims 'baseless.'" after "the mayor had leaked ...": the verdict is no
# claim of its own, even in a sentence with other verbs ("meant to launch"); the mayor is the
# party the claim is about (its subject is his office), so he denies it.
MAYOR = ("The Valley Times reported on Monday that the mayor had leaked the audit to a rival "
         "campaign.\n\nAt a briefing that was meant to launch new bus routes, Mayor Tom Ardley called "
         "the claims \"baseless.\"\n")


def test_a_mayor_calling_claims_about_the_mayor_baseless_denies_them_and_states_nothing():
    analysis = analyze(MAYOR, ALL)
    leaked = claim_with(analysis, "leaked the audit")
    assert leaked["status"] == "denied", leaked
    assert not [c for c in analysis.claims if c["text"].startswith("the claims")], \
        [(c["text"], c["status"]) for c in analysis.claims]


# A later report that names the same place or person in a relative clause ("the tunnel where
# the engineer was trapped") is not the denied claim told again: what it claims is in its own
# clause (session 16, a real wire page).
def test_a_shared_relative_clause_does_not_make_a_report_the_denied_claim():
    text = ("Harbour police have denied reports that a diver was found in the flooded tunnel where "
            "missing engineer Lio Varga was believed to have been trapped.\n\n"
            "The flooded tunnel where engineer Lio Varga was trapped was sealed off on Monday, the "
            "Orbury Times reported.\n")
    analysis = analyze(text, ALL)
    assert claim_with(analysis, "a diver was found")["status"] == "denied"
    later = claim_with(analysis, "sealed off on Monday")
    assert later["status"] == "reported", later


# A government's voice ("a government spokesman", "the Kremlin") turning down what the head of
# that government is said to have done denies it: the office answers for its head, whom the
# claim names by title only (session 18, real denial pages). Another country's government
# turning down a claim about a foreign president only disputes it.
HEAD_OF_GOVERNMENT = ("Varnia denies premier's call to Brussels\n\n"
                      "A government spokesman on Tuesday rejected rumours that prime minister Tomas "
                      "Adler had threatened to quit the coalition during a call with Brussels.\n\n"
                      "The Varnian government also rejected claims that Karsovia's president had "
                      "secretly visited the border.\n")


def test_a_government_spokesman_denies_what_its_prime_minister_is_said_to_have_done():
    analysis = analyze(HEAD_OF_GOVERNMENT, ALL)
    assert claim_with(analysis, "threatened to quit")["status"] == "denied"
    assert claim_with(analysis, "secretly visited")["status"] == "disputed"
