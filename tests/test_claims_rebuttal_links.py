"""Rebuttal links (claims.link_rebuttals): which statement a claim's denial, dispute or
refutation is, and when a link is too weak to make. Articles are our own, names invented."""

import pytest

from newsprobe import analyze
from newsprobe.settings import Settings
from test_claims_rebuttal_meaning import FILLER  # sentences that are no claim's rebuttal

ALL = Settings.load(claim_min_checkworthiness=0.0)



def claim_with(text: str, words: str) -> dict:
    found = [c for c in analyze(text, ALL).claims if words in c["text"]]
    assert found, [c["text"] for c in analyze(text, ALL).claims]
    return found[0]


# A rebuttal in the claim's own frame ("X denied reports that ...", "Reports that ... are
# false, X said") is the claim's rebuttal: the link shows it, as for a later sentence.
@pytest.mark.parametrize("text, words, status, rebuttal", [
    ("Responding to reports that Norland sold the harbour to a bank, the Norland trade "
     "ministry said that no such sale had taken place.", "Norland sold", "denied",
     "the Norland trade ministry said"),
    ("Reports that Mayor Ruiz sold the harbour to a bank are completely false, a city "
     "council spokesman said on Monday.", "sold the harbour", "disputed", "completely false"),
    ("“That is a fabrication,” said port director Ivo Brandt, responding to rumours that "
     "he had sold the harbour to a bank.", "sold the harbour", "denied", "a fabrication"),
])
def test_a_rebuttal_in_the_claims_frame_is_linked(text, words, status, rebuttal):
    claim = claim_with(text, words)
    assert claim["status"] == status, claim
    assert claim["rebutted_by"] is not None, claim
    assert rebuttal in claim["rebutted_by"]["text"], claim["rebutted_by"]
    # the rebuttal is the frame, not the claim's own words again
    assert claim["text"] not in claim["rebutted_by"]["text"], claim["rebutted_by"]


def test_a_noun_phrase_claim_has_nothing_to_contradict():
    # "listed his reasons" states no proposition; the writer saying that two others gave no
    # reasons contradicts nothing it says
    text = ("Councillor Omar Teller listed his reasons for voting in favour of the budget in a "
            "Sunday column in the Belvik Herald. Councillors Ana Oma and Piet Vos did not provide "
            "reasons for their votes during the meeting.")
    claim = claim_with(text, "his reasons")
    assert claim["status"] not in ("refuted", "disputed", "denied"), claim
    assert claim["rebutted_by"] is None, claim


def test_a_third_partys_contrast_about_something_else_disputes_nothing():
    # "This is a study about X, not about Y": a third party's contrast whose subject is a
    # pronoun says what its own study is about; it contests no claim about Y
    text = ("The Norland health agency said that a small number of risks account for a large "
            "share of deaths and diseases in the region. " + FILLER
            + "\"This is a study about risk factors, not about diseases and injuries,\" says Dr. "
              "Ivo Brandt, the physician who directed the survey.")
    claim = claim_with(text, "small number of risks")
    assert claim["status"] == "reported", claim
    assert claim["rebutted_by"] is None, claim


def test_the_owner_of_a_claim_noun_counts_where_the_parser_hangs_it_on_the_verb():
    # "dismissed the report by the Post" with "by the Post" attached to the verb, as the
    # small parser does now and then: the Post still owns the report
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from newsprobe.layers.claims import claim_reference

    words = ["The", "council", "dismissed", "the", "report", "by", "the", "Post", "."]
    heads = [1, 2, 2, 4, 2, 2, 7, 5, 2]
    deps = ["det", "nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "punct"]
    pos = ["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "PROPN", "PUNCT"]
    tags = ["DT", "NN", "VBD", "DT", "NN", "IN", "DT", "NNP", "."]
    lemmas = ["the", "council", "dismiss", "the", "report", "by", "the", "Post", "."]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
              sent_starts=[True] + [False] * 8)
    reference = claim_reference(doc[:])
    assert reference is not None and reference.owner == {"post"}, reference


def test_a_verdict_on_a_report_it_states_reaches_no_earlier_claim():
    # "an official said that reports of X were completely false" judges X, stated right
    # there; an earlier claim that shares a word with X ("peace") is not what it judges
    text = ("According to the Gazette, Norland offered Karsovia a port in exchange for peace. "
            "The ministry did not comment. "
            "An unnamed Norland official said that reports of envoys visiting Karsovia in "
            "January with a plan for a lasting peace deal were completely false.")
    earlier = claim_with(text, "offered Karsovia a port")
    assert earlier["rebutted_by"] is None, earlier
    assert earlier["status"] not in ("denied", "disputed", "refuted"), earlier
    stated = claim_with(text, "envoys visiting Karsovia")
    assert stated["status"] in ("denied", "disputed"), stated
    assert "completely false" in stated["rebutted_by"]["text"] or "official said" in stated["rebutted_by"]["text"]


def test_a_third_partys_verdict_found_by_meaning_alone_disputes_nothing():
    # far from the claim, naming no claim noun: only its meaning ties "nonsense" to the
    # source's doubt, which it agrees with more than it contests
    text = ("A contractor, who asked not to be identified, backed that version to the Courier but "
            "said there were real doubts about whether the Karsovian inspectors were being "
            "honest. " + FILLER
            + "“The idea that unnamed Karsovian inspectors can tell what lies beneath thousands of "
              "tons of collapsed concrete is nonsense,” spokeswoman Lia Moor said.")
    claim = claim_with(text, "real doubts")
    assert claim["status"] not in ("disputed", "denied", "refuted"), claim
    assert claim["rebutted_by"] is None, claim


# "The officials said X, but the chief executive denied those reports": the reports denied
# are the ones its own sentence has just told, not a claim of an earlier sentence.
@pytest.mark.parametrize("text, earlier", [
    ("A ferry sank off the coast of Belvik on Monday, two port officials said. "
     "The two officials said the ferry was run by the state operator Norline, but its chief "
     "executive Ivo Brandt denied those reports.", "A ferry sank"),
    ("The painter Dana Vos and her partner, Omar Teller, ended their marriage in May, and, "
     "since the break-up, the artist has faced gossip about her love life. At first, many "
     "believed she was seeing former tennis player Piet Lund, who split from Ana Oma in 2021 "
     "(their agents denied the rumours, calling them \"totally false\").", "ended their marriage"),
])
def test_a_denial_of_reports_its_own_sentence_tells_reaches_no_earlier_claim(text, earlier):
    claim = claim_with(text, earlier)
    assert claim["rebutted_by"] is None, claim
    assert claim["status"] not in ("denied", "disputed", "refuted"), claim


def test_the_writers_falsely_in_the_frame_outweighs_a_sources_word():
    # "FAKE" is the council's word, "falsely" the writer's: the writer's verdict refutes
    from newsprobe import analyze
    from newsprobe.settings import Settings
    text = ("The Orlan water board has warned about a \u201cFAKE\u201d message spreading in group chats "
            "which falsely says the old water plant will shut in May.\n")
    a = analyze(text, Settings.load(claim_min_checkworthiness=0.0))
    claim = next(c for c in a.claims if "will shut in May" in c["text"])
    assert claim["status"] == "refuted", claim


def test_a_pointing_verdict_after_a_claim_its_frame_refutes_reaches_no_earlier_claim():
    # "This is false" answers the onion claim just told (already "falsely"), not the
    # lemon claim of the paragraph before
    from newsprobe import analyze
    from newsprobe.settings import Settings
    text = ("Some posts say that lemon water can lower blood pressure in a day.\n\n"
            "Other posts falsely say the flu can be cured by eating three raw onions. This is false.\n")
    a = analyze(text, Settings.load(claim_min_checkworthiness=0.0))
    lemon = next(c for c in a.claims if "lemon water" in c["text"])
    assert lemon["rebutted_by"] is None or "is false" not in lemon["rebutted_by"]["text"], lemon
    onion = next(c for c in a.claims if "raw onions" in c["text"])
    assert onion["status"] == "refuted" and onion["rebutted_by"] is not None, onion


# A source's verdict said of "it" or "this" ("There is nothing to it. It is simply not
# true.") holds no words of its own to match a claim by: it judges what was just told, the
# nearest claim of another side, though the two share no word.
def test_a_verdict_said_of_it_rebuts_the_claim_just_told():
    text = ("Two customs officers said that nine crates of rifles had been seized from a Kell "
            "Lines freighter docked at the eastern pier. "
            "\"There is nothing to any of this. It is simply not true,\" said Lena Orsk, a "
            "spokeswoman for Kell Lines.")
    claim = claim_with(text, "nine crates")
    assert claim["status"] == "denied", claim
    assert claim["rebutted_by"] is not None and "simply not true" in claim["rebutted_by"]["text"], claim


def test_a_verdict_said_of_it_agrees_with_a_denial_just_told():
    # the claim nearest the verdict denies something itself ("is neither ... nor ..."): "it
    # is not true" agrees with it, and reaches no other claim
    text = ("The Tessel Courier reported on Monday that the mill at Oska would close in May. "
            "Mill manager Rita Holm said that the man quoted by the paper is neither an employee "
            "nor a spokesman for the mill. "
            "\"The bottom line is that this is not true,\" the owners' spokesman said.")
    claim = claim_with(text, "neither an employee")
    assert claim["rebutted_by"] is None, claim
    assert claim["status"] == "reported", claim
