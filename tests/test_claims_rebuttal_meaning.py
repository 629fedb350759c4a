"""Rebuttals linked by meaning (layers/rebuttal_meaning.py, claims.link_by_meaning): a
denial, doubt, contrary statement or corrected figure anywhere in the article, in other
words than the claim's, before or after it. Articles are our own; five filler sentences
put the rebuttal beyond the word rules' window of three sentences."""

import sys

import pytest

from newsprobe import analyze, embeddings
from newsprobe.settings import Settings

ALL = Settings.load(claim_min_checkworthiness=0.0)


@pytest.fixture(autouse=True, params=[6, 4], ids=["6 layers", "4 layers"])
def shared_pass_depth(request, monkeypatch):
    # Every case holds whatever the shared MiniLM pass's depth (`encoder.layers`): the
    # linker reads the full pass's states of the sentences it scores either way.
    monkeypatch.setattr(sys.modules[__name__], "ALL",
                        Settings.load(claim_min_checkworthiness=0.0, encoder_layers=request.param))
    return request.param

FILLER = ("The harbour opened in 1871 and was rebuilt after a storm in 1953. "
          "Tourists visit its lighthouse every summer. "
          "The town council meets on the first Monday of each month. "
          "A new ferry line to the islands started in May. "
          "Local schools will reopen on September 2. ")


def claim_with(text: str, words: str) -> dict:
    analysis = analyze(text, ALL)
    found = [c for c in analysis.claims if words in c["text"]]
    assert len(found) == 1, [c["text"] for c in analysis.claims]
    claim = found[0]
    assert text[claim["start"]:claim["end"]] == claim["text"]
    return claim


def test_a_denial_in_the_lede_reaches_a_report_far_below():
    text = ("The Belvik Port Authority said it had not sold any fishing boats to Karsovia. " + FILLER
            + "The Coastal Gazette reported that the Belvik Port Authority sold forty fishing boats "
              "to Karsovia last spring.")
    claim = claim_with(text, "sold forty fishing boats")
    # the party concerned (the port authority the claim is about) denies it
    assert claim["status"] == "denied"
    assert claim["evidence"]["rule"] == "denied_by_meaning"
    assert claim["evidence"]["words"]["text"] == "not"
    assert claim["rebutted_by"]["text"].startswith("The Belvik Port Authority said it had not sold")
    assert text[claim["rebutted_by"]["start"]:claim["rebutted_by"]["end"]] == claim["rebutted_by"]["text"]


def test_doubt_from_another_source_far_on_questions_the_claim():
    text = ("Two researchers at Orsa University said they had found large lithium deposits under "
            "Lake Orsa. " + FILLER
            + "“It is too early to say whether the lake holds any lithium,” a geologist at the "
              "national survey said.")
    claim = claim_with(text, "large lithium deposits")
    assert claim["status"] == "questioned"
    assert claim["evidence"] == {"rule": "doubt_by_meaning", "decided_by": "rule",
                                 "words": claim["evidence"]["words"]}
    assert claim["evidence"]["words"]["text"] == "too early to"
    assert "too early to say" in claim["rebutted_by"]["text"]


def test_a_paraphrased_contrary_statement_by_another_party_disputes():
    # "is not up" shares no predicate with "rose": the copula's subject and the meaning link them
    text = ("Labour minister Anna Berg said employment in the northern region rose by 3 percent "
            "last year. " + FILLER
            + "Employment in the northern region is not up, the regional statistics office said.")
    claim = claim_with(text, "rose by 3 percent")
    assert claim["status"] == "disputed"
    assert claim["evidence"]["rule"] == "disputed_by_meaning"
    assert claim["rebutted_by"]["text"].startswith("Employment in the northern region is not up")


def test_the_writer_correcting_a_figure_refutes_it():
    text = ("The health minister said the government had hired 40,000 nurses since 2022. " + FILLER
            + "In fact, 12,000 nurses were hired in that period.")
    claim = claim_with(text, "40,000 nurses")
    assert claim["status"] == "refuted"
    assert claim["evidence"]["rule"] == "writer_contradicts_by_meaning"
    assert claim["evidence"]["words"]["text"] == "12,000"


def test_a_contrast_that_affirms_the_claim_rebuts_nothing():
    # "shows a crowd ..., not soldiers fleeing": the negation bears on the soldiers, the
    # claim's crowd is affirmed
    text = ("The council said a video showed a crowd running from the stadium in Belvik after a "
            "concert. " + FILLER
            + "The video shows a crowd running from the stadium, not soldiers fleeing a barracks.")
    claim = claim_with(text, "a crowd running from the stadium in Belvik")
    assert claim["status"] == "reported"
    assert claim["rebutted_by"] is None


def test_an_unrelated_negation_rebuts_nothing():
    text = ("The mayor said the new bridge over the Orsa river cost 12 million dollars. " + FILLER
            + "The autumn festival did not take place this year because of the rain.")
    claim = claim_with(text, "12 million dollars")
    assert claim["status"] == "reported"
    assert claim["rebutted_by"] is None


def test_two_figures_for_two_places_are_no_correction():
    # no "in fact", "however", "actually": a second figure is more data, not a rebuttal
    text = ("The statistics office said 65 percent of households in Belvik own their home. " + FILLER
            + "In Orsa, 58 percent of households own their home.")
    claim = claim_with(text, "65 percent")
    assert claim["status"] == "reported"


def test_a_negated_claim_is_a_denial_itself_not_a_claim_another_denial_rebuts():
    # the spokesman's "has not decided" agrees with the denial in the lede
    text = ("A spokesman for the mayor of Belvik denied a Gazette report that the mayor will sell "
            "the harbour to a Karsovian bank. " + FILLER
            + "“He has not decided anything about the harbour,” the spokesman said.")
    claim = claim_with(text, "has not decided anything")
    assert claim["status"] == "reported"
    assert claim["rebutted_by"] is None


def test_another_source_in_the_same_sentence_can_deny_it():
    text = ("A campaign advertisement claims that Mayor Lena Holt would vote to sell the Belvik "
            "harbour, but Holt has said she does not support selling the harbour.")
    claim = claim_with(text, "would vote to sell")
    assert claim["status"] == "denied"
    assert claim["evidence"]["rule"] == "denied_by_meaning"


def test_after_a_shallow_shared_pass_only_the_scored_sentences_are_deepened(shared_pass_depth, monkeypatch):
    if shared_pass_depth == 6:
        pytest.skip("the full shared pass leaves nothing to deepen")
    encoder = embeddings.load_encoder()
    real_deepen, calls = encoder.deepen, []

    def recording_deepen(states, first, depth=None, **rest):
        calls.append((len(states), first, depth))
        return real_deepen(states, first, depth, **rest)

    monkeypatch.setattr(encoder, "deepen", recording_deepen)
    # Sentences no other test encodes (the memo would otherwise hold their full pass).
    text = ("Two researchers at Vessby College said they had found large copper deposits under "
            "Lake Vessby. " + FILLER
            + "“It is too early to say whether the lake holds any copper,” a geologist at the "
              "regional survey said.")
    claim = claim_with(text, "large copper deposits")
    assert claim["status"] == "questioned" and claim["evidence"]["rule"] == "doubt_by_meaning"
    # layers 5 and 6 over the claim's sentence and the doubt's, nothing else
    assert calls == [(2, 4, 6)]


def test_a_denial_does_not_rebut_its_own_restatement():
    # the friend relays what the singer said: her denial in the lede agrees with it
    text = ("Singer Mara Lind has rejected rumours that she is engaged to the footballer Tom Brask. "
            + FILLER
            + "Mara clarified that she “hardly knows Brask, let alone plans to marry him,” said a "
              "friend of the singer.")
    claim = claim_with(text, "hardly knows Brask")
    assert claim["status"] not in ("denied", "disputed")
    assert claim["rebutted_by"] is None


def test_a_claim_about_the_denier_by_someone_else_is_still_rebutted():
    # the ad's words name the mayor but are not hers: her later statement denies them
    text = ("An ad attacking Mayor Lena Holt claims that she would vote to sell the Belvik harbour. "
            + FILLER + "Holt has said she does not support selling the harbour.")
    claim = claim_with(text, "would vote to sell")
    assert claim["status"] == "denied"


def test_a_denial_rebuts_what_it_denies_not_what_its_speaker_says_beside_it():
    # "denies X and says Y": Y is the club's own account; the chairman who repeats it is
    # not denied by it
    text = ("The club denies the two players were paid by agents and says the inquiry is "
            "\"an attempt to smear the club\". " + FILLER +
            "The club's chairman, Anna Berg, said the inquiry is part of \"a long campaign to smear the club\".")
    claim = claim_with(text, "a long campaign to smear")
    assert not claim["status"].startswith("denied") and "by_meaning" not in (claim.get("evidence") or {}).get("rule", "")


def test_a_governments_minister_is_not_denied_by_that_government():
    # the minister speaks for the government that issued the denial: one side
    text = ("France has denied a report that it is planning to buy 300 tanks from Poland. " + FILLER +
            "French Defence Minister Claire Dubois told reporters on Tuesday that France would be "
            "willing to buy 200 used tanks, swap its old tanks for new ones or build them itself.")
    claim = claim_with(text, "willing to buy 200")
    assert claim["status"] not in ("denied", "disputed"), claim


def test_a_denial_of_a_report_is_scored_on_what_the_report_says_not_on_the_report():
    # "denied the news report": the denial's words name the report, not what it says; a
    # remark about the report ("I only heard about the news report") is no claim it answers
    text = ("The trade minister, Ana Ruiz, denied the news report during a session of parliament on Wednesday. "
            + FILLER + "\"I only heard about the news report this morning,\" Prime Minister Ken Ota said.")
    claim = claim_with(text, "I only heard about the news report")
    assert "by_meaning" not in (claim.get("evidence") or {}).get("rule", ""), claim


def test_the_writers_background_negation_refutes_nothing():
    # "are confident they will not lose him": the writer telling the story, not setting a
    # correction against the rumour (only "In fact, ...", "However, ..." or the writer's own
    # check, "did not find the post", refutes)
    text = ("Rival clubs Norden and Vastra have also been linked with the winger Ivo Brandt, a "
            "Belvik newspaper said. " + FILLER
            + "Belvik are confident they will not lose Brandt to Norden, who are only watching.")
    claim = claim_with(text, "linked with the winger")
    assert claim["status"] != "refuted", claim
    assert claim["rebutted_by"] is None, claim
