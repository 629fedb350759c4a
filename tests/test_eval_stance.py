"""`newsprobe eval stance`: the status-to-stance mapping, the cue-word baseline and the
confusion matrix on headlines written here, and a run on the first Emergent headlines
(skipped when ../shared/data/stance is absent)."""

from __future__ import annotations

import pytest

from conftest import data_path, needs_data
from newsprobe.errors import NewsprobeError
from newsprobe.eval import stance
from newsprobe.layers.claims import STATUSES

DATA = data_path("stance")


def test_every_claim_status_has_a_stance():
    assert set(stance.STATUS_STANCE) == set(STATUSES)
    assert stance.status_stance("reported") == "for"
    assert stance.status_stance("unconfirmed") == "observing"
    assert stance.status_stance("refuted") == "against"
    assert stance.status_stance(None) == "for"


def test_the_strongest_status_of_a_headline_stands_for_it():
    claims = [{"status": "asserted"}, {"status": "denied"}, {"status": "rumored"}]
    assert stance.headline_status(claims) == "denied"
    assert stance.headline_status([]) is None


def test_cue_words():
    assert stance.cue_word_stance("Minister denies the bridge was sold") == "against"
    assert stance.cue_word_stance("Singer reportedly bought an island") == "observing"
    assert stance.cue_word_stance("Did a cat really ride the tram?") == "observing"
    assert stance.cue_word_stance("Cat rides the tram to work") == "for"


def test_scores_and_confusion():
    s = stance.scores(["for", "for", "against", "observing"], ["for", "observing", "against", "for"])
    assert s["accuracy"] == 0.5 and s["f1"]["against"] == 1.0
    assert s["confusion"]["for"] == {"for": 1, "observing": 1, "against": 0}


def test_a_missing_file_or_another_split_is_a_coded_error(tmp_path):
    with pytest.raises(NewsprobeError) as err:
        stance.load(tmp_path, "train")
    assert err.value.code == "E011"
    with pytest.raises(NewsprobeError) as err:
        stance.load(tmp_path, "test")
    assert err.value.code == "E011"


def test_the_product_reads_a_denial_and_a_rumour_in_headlines_written_here():
    headlines = ["The ministry denied that the minister had resigned over the scandal.",
                 "Rumours say the minister has resigned over the scandal."]
    got = [stance.status_stance(s) for s in stance.headline_statuses(headlines)]
    assert got == ["against", "observing"]


def test_a_headline_that_negates_or_calls_it_false_is_against_and_a_relayed_claim_observes():
    headlines = ["Banksy has not been arrested in London, police say",     # reported, negated
                 "The mayor never sold the harbour to a bank",               # the writer negates it
                 "Mayor's harbour sale story is a hoax",                      # a verdict word
                 "Singer says she bought an island near Malta",               # relayed: observing
                 "Singer reveals she bought an island near Malta",            # a factive cue: for
                 "The mayor sold the harbour to a bank in March",             # asserted: for
                 "Belvik video claims to show the mayor selling the harbour",  # a relaying verb: observing
                 "Belvik mayor denies selling the harbour to a bank"]          # a denial: against
    got = [stance_ for _, stance_ in stance.headline_readings(headlines)]
    assert got == ["against", "against", "against", "observing", "for", "for", "observing", "against"]


def test_the_halves_split_claims_not_headlines():
    rows = [{"claimId": c} for c in ["b", "a", "c", "a", "b"]]
    halves = stance.claim_halves(rows)
    assert halves == {"a": "half-a", "b": "half-b", "c": "half-a"}


@needs_data("stance", "emergent", "url-versions-2015-06-14-clean-train.csv")
def test_eval_on_the_first_headlines():
    r = stance.evaluate(DATA, "train", limit=40)
    assert r["n"] == 40 and sum(sum(row.values()) for row in r["confusion"].values()) == 40
    assert sum(r["statuses"].values()) == 40 and r["statuses"].get("no_claim", 0) == r["no_claim"]
    assert 0.2 < r["accuracy"] < 1.0
    assert set(r["baseline"]) == {"majority", "cue_words"}
    assert "confusion" in stance.format_text(r)
