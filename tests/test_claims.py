"""Claims: status (asserted, reported, unconfirmed, rumored, hedged, disputed, denied,
refuted, questioned) with its evidence, rebuttals in later sentences, hedges of
every kind, the link to quotes, and check-worthiness. Sentences are our own.

The status and hedge tests analyse with `claim_min_checkworthiness = 0`, so that every
sentence becomes a claim and the rules are tested apart from the model."""

import pytest

from newsprobe import analyze
from newsprobe.layers.commitment import event_cues, happened_by_rules
from newsprobe.settings import Settings

ALL = Settings.load(claim_min_checkworthiness=0.0)


def claims(text, settings=ALL):
    return analyze(text, settings).claims


def one_claim(text):
    found = claims(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("sentence, status", [
    ("Unemployment in Belvik fell to 4.1 percent in the second quarter.", "asserted"),
    ("The mayor said that the new bridge cost 12 million dollars.", "reported"),
    ("“The plant will close in June,” the company said.", "reported"),
    ("There are rumours that the minister sold 300 tonnes of grain abroad.", "rumored"),
    ("The general reportedly fled the country in March with his family.", "unconfirmed"),
    ("Sources familiar with the talks said the company cut 500 jobs.", "unconfirmed"),
    ("The bridge may close in March because of the cracks in its deck.", "hedged"),
    ("The senator falsely claimed that the factory closed in 2019.", "refuted"),
    ("He said, without evidence, that the vote was rigged in three districts.", "disputed"),
    ("Closing the library in 2027 is a false saving, the mayor said.", "reported"),
    ("The ministry denied that it had paid 2 million dollars to the contractor.", "denied"),
    ("Did the government really spend 5 billion dollars on the stadium?", "questioned"),
    ("The reporter asked whether the army had entered the town of Belvik.", "questioned"),
    # a request is not a question
    ("Prosecutors asked the court to sentence the former mayor to nine years in prison.", "reported"),
    # a fact-checker's finding about a false claim is the fact-checker's claim
    ("A fact-checker found that the minister made a false claim about hospital waiting lists.",
     "reported"),
    # conceding nothing is not a denial
    ("At least he didn't deny that the council lost 3 million dollars on the deal.", "asserted"),
])
def test_status_of_each_kind(sentence, status):
    assert one_claim(sentence)["status"] == status


def test_claim_inside_a_quote_links_to_it_and_drops_that():
    a = analyze("The mayor said that the new bridge cost 12 million dollars.", ALL)
    (claim,) = a.claims
    assert claim["quote"] == a.quotes[0].id
    assert claim["text"] == "the new bridge cost 12 million dollars"


def test_a_document_a_source_is_said_to_cite_is_not_a_claim_the_sentence_is():
    # Citing a document is sourcing, not speech (attribution.py): no quote, the writer's claim.
    sentence = "The newspaper cited a leaked letter from the harbour office, which it did not print."
    a = analyze(sentence, ALL)
    (claim,) = a.claims
    assert claim["text"] == sentence and claim["quote"] is None and a.quotes == []


def test_indirect_content_cut_by_its_attribution_is_one_claim():
    text = "The letter, according to the newspaper, was signed by two harbour officials in May."
    (claim,) = claims(text)
    assert claim["text"] == "The letter, according to the newspaper, was signed by two harbour officials in May"
    assert claim["status"] == "reported"


@pytest.mark.parametrize("sentence", [
    "The ministry did not say when the shipment of 40 missiles had left the port.",
    "The agency did not name its sources or say how many troops had crossed the river.",
    "Officials never confirmed that 300 soldiers had crossed the border in May.",
])
def test_what_a_source_did_not_say_is_not_its_claim(sentence):
    # the sentence is the author's report of a silence, not the source's claim
    c = one_claim(sentence)
    assert c["text"] == sentence.rstrip(".") + "." or c["text"] == sentence
    assert c["quote"] is None and c["status"] == "asserted"


@pytest.mark.parametrize("sentence", [
    "Shares of Belvik Foods fell 9 percent on Monday after the dairy maker lowered its profit forecast, citing weaker demand in the north.",
    "Thousands of farmers marched through Belvik on Sunday with banners demanding lower fuel prices for tractors.",
    "The fund, set up in 1990, protects river wildlife by defending the right of anglers to fish without a licence.",
])
def test_a_side_attribution_leaves_the_sentence_the_writers_claim(sentence):
    # the quote's content is no clause and its cue is no frame of the sentence ("citing",
    # "demanding", "by defending"): the sentence states the writer's own claim
    c = one_claim(sentence)
    assert c["text"] == sentence and c["quote"] is None and c["status"] == "asserted", c


def test_a_source_whose_cue_frames_the_sentence_still_reports_it():
    # the cue is the sentence's main verb: the sentence relays what the ministry said
    c = one_claim("The ministry confirmed the deaths of three soldiers near the border town of Ostrava.")
    assert c["quote"] is not None and c["status"] == "reported", c


@pytest.mark.parametrize("sentence, expected", [
    ("President Alvar Kess has said the floods destroyed 300 homes in the valley, but regional "
     "officials say only 40 houses were damaged.",
     [("the floods destroyed 300 homes in the valley", "reported"),
      ("only 40 houses were damaged", "unconfirmed")]),
    ("“The harbour was closed for a week,” Mira Tolle said, adding that the ferry company lost "
     "2 million dollars in May.",
     [("The harbour was closed for a week", "reported"),
      ("the ferry company lost 2 million dollars in May", "reported")]),
])
def test_each_source_in_a_sentence_has_its_own_claim(sentence, expected):
    # two quotes whose contents are clauses of their own: two claims, each with its source
    found = claims(sentence)
    got = [(c["text"], c["status"]) for c in found]
    for text, status in expected:
        assert any(t == text and st in (status, "disputed", "denied") for t, st in got), got
    assert len({c["quote"] for c in found}) == len(found) == len(expected), got


@pytest.mark.parametrize("sentence, expected", [
    ("The club said it would sign the striker Tomas Vell, who scored 30 goals for Ostrava last season.",
     [("it would sign the striker Tomas Vell", "reported"),
      ("who scored 30 goals for Ostrava last season", "asserted")]),
    ("The company denied it would sell the plant in Ostrava, which employs 300 people in the valley.",
     [("it would sell the plant in Ostrava", "denied"),
      ("which employs 300 people in the valley", "asserted")]),
    # an apostrophe is no quotation mark
    ("The club said it would sign the striker Tomas Vell, who was last season's top scorer in Ostrava.",
     [("it would sign the striker Tomas Vell", "reported"),
      ("who was last season's top scorer in Ostrava", "asserted")]),
])
def test_a_trailing_relative_clause_in_reported_words_is_the_writers_aside(sentence, expected):
    # ", who scored 30 goals last season" after a source's paraphrase is the writer's
    # background, a claim of its own; the source's claim ends before it
    got = [(c["text"], c["status"]) for c in claims(sentence)]
    assert got == expected, got


def test_a_relative_clause_with_a_subject_of_its_own_is_not_split_off():
    # "which Ostrava considers too high": somebody's view, not the writer's background
    (c,) = claims("Sources familiar with the talks said the main obstacle was the fee Belvik "
                  "would charge for transit, which Ostrava considers too high.")
    assert c["text"].endswith("which Ostrava considers too high") and c["status"] == "unconfirmed"


def test_a_relative_clause_inside_quotation_marks_stays_the_speakers():
    (c,) = claims("“We will sign Tomas Vell, who scored 30 goals for Ostrava last season,” the coach said.")
    assert c["text"] == "We will sign Tomas Vell, who scored 30 goals for Ostrava last season"
    assert c["status"] == "reported"


@pytest.mark.parametrize("sentence, status", [
    ("The striker is expected to return in three weeks after his knee surgery.", "hedged"),
    # a comparison of odds is a finding, not the writer's hedge
    ("Smokers in the survey were three times as likely to develop the disease as other adults.", "asserted"),
    ("Children who walked to school were less likely to miss lessons in the winter.", "asserted"),
])
def test_a_comparison_of_odds_is_no_writer_hedge(sentence, status):
    assert one_claim(sentence)["status"] == status


@pytest.mark.parametrize("sentence", [
    "According to a person who attended the meeting, Mayor Ilse Varga said the harbour would be sold to a bank in May.",
    "Mayor Ilse Varga told colleagues that the harbour would be sold to a bank in May, two people familiar with the talks said.",
])
def test_a_named_speaker_known_only_through_anonymous_sources_is_unconfirmed(sentence):
    # the claim is the mayor's, but only unnamed people vouch that she said it
    (c,) = claims(sentence)
    assert c["text"] == "the harbour would be sold to a bank in May"
    assert c["status"] == "unconfirmed" and c["evidence"]["rule"] == "anonymous_relay", c


def test_a_named_outlet_relaying_a_named_speaker_is_reported():
    (c,) = claims("Mayor Ilse Varga told the Belvik Courier that the harbour would be sold to a bank in May.")
    assert c["status"] == "reported", c


def test_unquoted_claim_is_its_sentence_and_links_nowhere():
    claim = one_claim("Unemployment fell to 4.1 percent in the second quarter.")
    assert claim["quote"] is None
    assert claim["text"] == "Unemployment fell to 4.1 percent in the second quarter."


def hedges(sentence):
    return [(h["text"], h["kind"]) for h in one_claim(sentence)["hedges"]]


@pytest.mark.parametrize("sentence, hedge", [
    ("The ministry may raise the fuel tax by 3 percent next year.", ("may", "modal")),
    ("The rebels are believed to hold 200 prisoners in the valley.", ("are believed to", "epistemic")),
    ("The general reportedly fled the country in March with his family.", ("reportedly", "evidential")),
    ("The drought will possibly cut the harvest by a third this year.", ("possibly", "probability")),
    ("The storm destroyed up to 40 houses in the northern district.", ("up to", "approximator")),
    ("Unconfirmed accounts put the death toll at 70 people on Sunday.", ("Unconfirmed", "unverified")),
    ("The bank is considering a cut of its interest rate to 2 percent.", ("considering", "intention")),
    ("The company will pay 3 million dollars if the court rules against it.", ("if", "conditional")),
])
def test_hedge_of_each_kind(sentence, hedge):
    assert hedge in hedges(sentence)


def test_hedge_spans_index_the_text():
    a = analyze("The storm destroyed up to 40 houses and may have killed 12 people.", ALL)
    for claim in a.claims:
        assert a.text[claim["start"]:claim["end"]] == claim["text"]
        for h in claim["hedges"]:
            assert a.text[h["start"]:h["end"]] == h["text"]


@pytest.mark.parametrize("sentence", [
    "The festival opened in May with 30 bands from six countries.",  # May the month
    "The minister talked about the talks with 30 reporters on Friday.",  # about, not a number
    "The city opened 12 new schools in 2021 for 5,000 pupils.",
])
def test_no_hedges_in_firm_statements(sentence):
    assert hedges(sentence) == []


def test_firmness_separates_what_happened_from_what_may_happen():
    firm = one_claim("The city council closed the old harbour bridge in March 2021.")
    modal = one_claim("The city council may close the old harbour bridge in March 2027.")
    negated = one_claim("The city council did not close the old harbour bridge in March 2021.")
    assert firm["firmness"] >= 0.5
    assert modal["firmness"] == 0.0 and negated["firmness"] == 0.0


def test_checkworthiness_ranks_a_numeric_claim_above_small_talk():
    a = analyze("Thank you all for coming tonight. The city spent 40 million dollars on roads in 2022.", ALL)
    by_text = {c["text"]: c["checkworthiness"] for c in a.claims}
    assert by_text["The city spent 40 million dollars on roads in 2022."] > by_text["Thank you all for coming tonight."]
    assert all(0.0 <= s <= 1.0 for s in by_text.values())


def test_default_threshold_keeps_the_factual_sentence_only():
    found = claims("Thank you all for coming tonight. The city spent 40 million dollars on roads in 2022.",
                   Settings.load())
    assert [c["text"] for c in found] == ["The city spent 40 million dollars on roads in 2022."]


def test_rumours_and_disputed_claims_are_kept_whatever_their_score():
    # the model, trained on debates, scores the social-media rumour low; a fact-checker
    # wants it listed all the same, and the small talk still goes
    text = ("Thank you all for coming tonight. There are claims on social media that the "
            "Hollen dam is cracked. The senator falsely claimed that the mill had closed.")
    model_threshold = Settings.load()
    every = {c["text"]: c for c in claims(text)}
    kept = {c["text"]: c["status"] for c in claims(text, model_threshold)}
    rumour = next(t for t in every if "dam is cracked" in t)
    assert every[rumour]["status"] == "rumored" and kept[rumour] == "rumored"
    assert "refuted" in kept.values()
    assert "Thank you all for coming tonight." not in kept


def parse(sentence):
    from newsprobe.parse import load_pipeline
    return load_pipeline(None)(sentence)


def verb(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("sentence, word, did", [
    ("The army entered the town on Monday.", "entered", True),
    ("The army did not enter the town.", "enter", False),
    ("The army may enter the town.", "enter", False),
    ("The army will enter the town tomorrow.", "enter", False),
    ("The army plans to enter the town.", "enter", False),
    ("If the army enters the town, people will flee.", "enters", False),
    ("Call your doctor today.", "Call", False),
    ("Officials believe the rebels fired the shells.", "fired", False),
    ("He denied that he took the money.", "took", False),
    ("Who won the election in the end?", "won", True),
])
def test_commitment_rules(sentence, word, did):
    doc = parse(sentence)
    assert happened_by_rules(verb(doc, word)) is did, [(c.kind, c.token.text) for c in event_cues(verb(doc, word))]


@pytest.mark.parametrize("text, status, rule", [
    ("The minister said that 40,000 nurses were hired in 2023. However, this was also untrue.",
     "refuted", "false_verdict_later"),
    ("The mayor said that the river was cleaned in 2022. There is no evidence to support this.",
     "disputed", "contested_later"),
    ("Posts claimed that the dam in Belvik had cracked. The water board denied the report.",
     "denied", "denial_by_source"),
    ("Two chemists said that the lake held 40 tonnes of lithium. But this is highly unlikely.",
     "disputed", "contested_later"),
])
def test_a_rebuttal_in_a_later_sentence_links_to_the_claim(text, status, rule):
    rebutted = [c for c in claims(text) if c["rebutted_by"]]
    assert len(rebutted) == 1, claims(text)
    claim = rebutted[0]
    assert claim["status"] == status and claim["evidence"]["rule"] == rule
    second = text.index(". ") + 2
    assert claim["rebutted_by"]["start"] == second
    assert claim["end"] <= second


def test_every_status_carries_its_rule_and_words():
    claim = one_claim("Sources familiar with the talks said the company cut 500 jobs.")
    assert claim["evidence"]["rule"] == "anonymous_source"
    assert claim["evidence"]["words"]["text"] == "Sources familiar with the talks"
    plain = one_claim("Unemployment in Belvik fell to 4.1 percent in the second quarter.")
    assert plain["evidence"] == {"rule": "author_states", "decided_by": "rule", "words": None}


def test_officials_a_country_only_qualifies_are_unnamed_not_rumour():
    # "Ukrainian officials said" names no official and gives no statement of a body: an
    # unnamed official source (the newsroom kind rules), so unconfirmed, never rumored.
    claim = one_claim("The strike hit a power plant in Kharkiv, Ukrainian officials said.")
    assert claim["status"] == "unconfirmed"


def test_officials_speaking_for_a_named_body_are_on_record():
    claim = one_claim("The strike hit a power plant in Kharkiv, officials at the regional police said.")
    assert claim["status"] == "reported"


@pytest.mark.parametrize("text", [
    "MOSCOW, December 5./TASS/. The Russian foreign ministry said the talks had failed in Vienna on Monday.",
    "MOSCOW (Reuters) - The Russian foreign ministry said the talks had failed in Vienna on Monday.",
])
def test_a_dateline_is_never_a_speaker(text):
    a = analyze(text)
    assert [q.speaker.name.upper() for q in a.quotes if "MOSCOW" in q.speaker.name.upper()] == []
    assert any("ministry" in q.speaker.name for q in a.quotes), [q.to_dict() for q in a.quotes]


@pytest.mark.parametrize("text", [
    "MOSCOW, December 5. /TASS/. The grain deal collapsed on Monday after the talks failed in Vienna.",
    "MOSCOW (Reuters) - The grain deal collapsed on Monday after the talks failed in Vienna.",
    "(Reuters) - The grain deal collapsed on Monday after the talks failed in Vienna, the agency said.",
    "(Reuters) - The grain deal collapsed on Monday after the talks failed in Vienna.",
])
def test_a_dateline_is_never_part_of_a_claim(text):
    claims = analyze(text).to_dict()["claims"]
    assert claims and all("MOSCOW" not in c["text"] and "TASS" not in c["text"]
                          and "Reuters" not in c["text"] for c in claims), claims


def test_an_allegation_in_a_report_is_unconfirmed():
    text = "The ministry published a report on Monday. It allegedly lists 40 companies that broke the sanctions."
    claims = [c for c in analyze(text).to_dict()["claims"] if "40 companies" in c["text"]]
    assert claims and claims[0]["status"] == "unconfirmed", claims
    assert claims[0]["evidence"]["words"]["text"] == "allegedly"


def test_a_side_does_not_deny_its_own_claim():
    text = ("Karsovia's defence ministry said its troops had left the town of Dolna on Monday. "
            "Karsovian officials denied that the army had shelled the town.")
    claims = [c for c in analyze(text).to_dict()["claims"] if "left the town" in c["text"]]
    assert claims and claims[0]["status"] == "reported" and claims[0]["rebutted_by"] is None, claims


FILLER = ("The town has 9,000 residents. Its harbour was built in 1880. Tourism grew by 4 percent "
          "last year. The ferry runs twice a day. ")


def test_a_rebuttal_naming_the_report_reaches_it_far_back():
    # "the report by the Gazette" says which claim it rebuts, however far back it is.
    text = ("The Belvik Gazette reported that the harbour master sold 40 boats to a smuggler. " + FILLER +
            "The port authority dismissed the report by the Gazette.")
    claim = next(c for c in claims(text) if "40 boats" in c["text"])
    assert claim["status"] == "disputed" and claim["rebutted_by"] is not None, claim
    assert text[claim["rebutted_by"]["start"]:].startswith("The port authority dismissed")


def test_these_claims_rebut_every_claim_of_their_source():
    text = ("Two chemists said that the lake held 40 tonnes of lithium. They also said that the "
            "water had warmed by 3 degrees since 2010. " + FILLER +
            "“These claims are pure speculation,” a geologist at the university said.")
    found = [c for c in claims(text) if "lithium" in c["text"] or "3 degrees" in c["text"]]
    assert len(found) == 2 and all(c["status"] == "disputed" and c["rebutted_by"] for c in found), found


def test_quoted_words_are_not_the_writers_verdict():
    # The verdict lies inside quotation marks: somebody's words, not the writer's finding,
    # even where no attribution is found for them.
    text = ("The Belvik Gazette reported that the harbour master sold 40 boats to a smuggler.\n\n"
            "\"These allegations are baseless and unfounded, and the port has nothing to hide.\"")
    claim = next(c for c in claims(text) if "40 boats" in c["text"])
    assert claim["evidence"]["rule"] != "contested_later", claim


# --- rebuttals a fact-checker recognises ------------------------------------------------

def claim_with(text, words):
    found = [c for c in claims(text) if words in c["text"]]
    assert found, claims(text)
    return found[0]


@pytest.mark.parametrize("text, status, rule", [
    # a typographic apostrophe is the same negation
    ("The minister said that 40,000 nurses were hired in 2023. That doesn’t seem to be the case, "
     "however.", "refuted", "false_verdict_later"),
    # "not accurate" is a verdict of falsehood as much as "inaccurate"; the port authority
    # is the party the claim is about: it denies
    ("The Gazette reported that the Belvik port authority sold 40 boats to a smuggler. The "
     "Belvik port authority said the report was not accurate.", "denied", "source_calls_it_false"),
    # a source casting doubt, without a contrary claim: questioned
    ("Two chemists said that the lake held 40 tonnes of lithium. It is too early to say whether "
     "the lake holds any lithium at all, a geologist said.", "questioned", "source_doubts"),
])
def test_a_later_sentence_rebuts_or_questions_the_claim(text, status, rule):
    claim = claim_with(text, "40")
    assert (claim["status"], claim["evidence"]["rule"]) == (status, rule), claim
    assert claim["rebutted_by"] is not None


@pytest.mark.parametrize("text, words, status", [
    # the source calls a reported claim false in the same breath: the reported claim is
    # contested by that source (denied when it is the party the claim is about)
    ("Reports that the mayor sold 40 boats to a smuggler are completely false, the port "
     "authority said.", "40 boats", "disputed"),
    ("Reports that the port authority sold 40 boats to a smuggler are completely false, the "
     "port authority said.", "40 boats", "denied"),
    # a denial verb over a claim noun: the judge is no party to it (disputed); the minister
    # of the country the claim is about is (denied)
    ("The judge dismissed an argument by prosecutors that the fraud cost 3 million dollars.",
     "3 million", "disputed"),
    ("The Karsovian defence minister retracted claims by Dolna that Karsovian jets had crossed "
     "the border seven times.", "seven times", "denied"),
])
def test_a_verdict_on_a_reported_claim_in_the_same_sentence(text, words, status):
    claim = claim_with(text, words)
    assert claim["status"] == status, claim
    assert claim["evidence"]["words"] is not None


def test_a_capital_stands_for_its_government_when_it_denies():
    # "the White House" is the party concerned when the claim is about "Washington"
    text = ("According to the Gazette, Washington offered Karsovia 40 jets in exchange for the "
            "port. The White House called the story groundless.")
    claim = claim_with(text, "40 jets")
    assert claim["status"] == "denied", claim
    assert text[claim["rebutted_by"]["start"]:].startswith("The White House")


def test_one_sentence_can_rebut_claims_of_two_sources():
    text = ("Two chemists said that the lake held 40 tonnes of lithium. A farmer said that the "
            "water had warmed by 3 degrees since 2010. The town has 9,000 residents. "
            "A geologist said that the lithium figure was baseless, while a hydrologist said the "
            "warming was highly unlikely.")
    found = [claim_with(text, w) for w in ("lithium", "3 degrees")]
    assert [c["status"] for c in found] == ["disputed", "disputed"], found


def test_a_thing_that_can_confirm_is_no_source():
    # "instruments that can confirm the theory": a capability, not a speech act
    text = ("Two chemists said that the lake held 40 tonnes of lithium. But the probe carries no "
            "instruments that can confirm the theory of the chemists. "
            "A geologist said that these claims are pure speculation.")
    a = analyze(text, ALL)
    assert not any(q.cue and q.cue.text.endswith("confirm") for q in a.quotes), [q.to_dict() for q in a.quotes]
    claim = claim_with(text, "lithium")
    assert claim["status"] == "disputed", claim


@pytest.mark.parametrize("text, status", [
    # the party the claim is about says the opposite, without calling it false: denied
    ("The Gazette reported that the mayor sold the harbour to a Karsovian bank. "
     "The mayor said he never sold the harbour to anyone.", "denied"),
    # somebody else says the opposite: disputed
    ("The Gazette reported that the mayor sold the harbour to a Karsovian bank. "
     "A lawyer for the city council said the harbour was not sold to any bank.", "disputed"),
])
def test_a_contrary_statement_later_contests_the_claim(text, status):
    claim = claim_with(text, "Karsovian bank")
    assert claim["status"] == status, claim
    assert claim["evidence"]["rule"] == "contrary_claim_later"
    assert text[claim["rebutted_by"]["start"]:].startswith(text.split(". ")[1][:10])


def test_an_unrelated_negation_later_contests_nothing():
    text = ("The Gazette reported that the mayor sold the harbour to a Karsovian bank. "
            "The ferry captain said the weather did not improve on Monday.")
    assert claim_with(text, "Karsovian bank")["status"] == "reported"


def test_a_source_said_to_be_something_is_no_source():
    # "with the minister said to be furious": an evidential, not the minister speaking
    claim = claim_with("With the minister said to be furious over the leak of the budget, the "
                       "cabinet met on Monday.", "furious")
    assert claim["status"] == "unconfirmed", claim


def test_a_person_calling_a_rumour_about_himself_false_denies_it():
    text = ("“Patently false,” said the mayor, Jon Berg, responding to rumours that he or his "
            "deputy sold the harbour.")
    claim = claim_with(text, "sold the harbour")
    assert claim["status"] == "denied", claim


def test_dismissing_a_report_named_earlier_is_no_dispute_of_the_sentence_itself():
    # the noun carries no claim of its own: the sentence reports the dismissal
    text = ("The Gazette reported that the mayor sold the harbour to a Karsovian bank. "
            "The mayor's office, in a statement, dismissed the report as mischievous.")
    claim = claim_with(text, "in a statement")
    assert claim["evidence"]["rule"] != "denial_of_claim_noun", claim


def test_a_negation_about_something_else_is_no_contrary_statement():
    # "did not reflect" negates a verb the claim does not have
    text = ("The Gazette reported that the Belvik bank made a bid of 40 million euros for the "
            "harbour. Harbour master Jon Berg said the bid did not reflect the value of the harbour.")
    assert claim_with(text, "40 million")["status"] == "reported"



def test_every_status_rule_has_a_readers_label():
    # The reports show "why <status>: <label>"; a rule name without a label would show the
    # code's name. The rules are the string literals the claims layer gives Status.
    import inspect
    import re

    from newsprobe.layers import claims
    from newsprobe.render import RULE_LABELS

    source = inspect.getsource(claims)
    rules = set(re.findall(r'Status\([^,]+,\s*"([a-z_]+)"', source))
    rules |= set(re.findall(r'\(\w+, "[a-z]+", "([a-z_]+)"\)', source))
    rules |= set(re.findall(r'rule = "[a-z]+", "([a-z_]+)"', source))
    rules |= {f"{kind}_source" for kind in claims.UNCONFIRMED_KINDS}
    assert "verdict_on_reported_claim" in rules and "source_doubts" in rules
    assert rules - set(RULE_LABELS) == set()


def test_reports_nobody_is_named_as_publishing_are_unconfirmed():
    text = ("Reports earlier said the minister plans to visit the capital on Sunday. "
            "The ministry did not comment on the visit.")
    a = analyze(text, Settings.load(claim_min_checkworthiness=0.0))
    claim = next(c for c in a.claims if "plans to visit" in c["text"])
    assert claim["status"] == "unconfirmed", claim


# --- contrary statements in either order, and the writer's own -------------------------

@pytest.mark.parametrize("text, status, rule", [
    # a denial in the lede, before the claim it denies: the party concerned denies it
    ("The mayor of Belvik said he never sold the harbour to anyone. The Gazette reported on "
     "Monday that the mayor sold the harbour to a Karsovian bank.", "denied", "contrary_claim_earlier"),
    # the writer says the opposite of a source's claim: the article establishes it is false
    ("A post on social media claimed that the army closed the Belvik bridge in May. The army "
     "did not close the Belvik bridge; the city closed it for repairs.", "refuted", "contrary_statement_by_writer"),
    # a fact-check's headline says the opposite before the claim
    ("Belvik bridge was not closed by the army\n\nA post on social media claimed that the army "
     "closed the Belvik bridge in May.", "refuted", "contrary_statement_by_writer"),
])
def test_a_contrary_statement_before_or_by_the_writer_contests_the_claim(text, status, rule):
    claim = claim_with(text, "Karsovian bank" if "bank" in text else "in May")
    assert (claim["status"], claim["evidence"]["rule"]) == (status, rule), claim
    assert claim["rebutted_by"] is not None


def test_the_negation_scope_reaches_the_verbs_complements():
    # "was not ordered after the resignation" negates the resignation as the cause, though
    # the verb differs from the claim's ("was caused by the resignation")
    text = ("The presenter said that the Belvik recount was caused by the resignation of the "
            "clerk from the election board. The Belvik recount was not ordered after any "
            "resignation of the clerk.")
    claim = claim_with(text, "caused by")
    assert claim["status"] == "refuted", claim


@pytest.mark.parametrize("text", [
    # a negated speech verb says nobody spoke, not that the claim is false
    "The Gazette reported that the Belvik council would respond to the ban with a lawsuit. "
    "The Belvik council did not respond to a request for comment.",
    # the writer's negation about another matter
    "The Gazette reported that the mayor sold the harbour to a Karsovian bank. "
    "The harbour was not open to visitors on Monday.",
])
def test_a_negation_that_contradicts_nothing_leaves_the_claim_reported(text):
    claim = claim_with(text, "lawsuit" if "lawsuit" in text else "Karsovian bank")
    assert claim["status"] == "reported", claim


def test_a_headline_dash_names_who_says_the_opposite():
    # "… - Moscow": the headline's words are Moscow's, not the writer's; Moscow stands for
    # the party the claim is about, so it denies the claim rather than the article refuting it
    text = ("Russian jets have not crossed the Belvik border - Moscow\n"
            "Officials in Belvik said on Monday that Russian jets crossed the Belvik border seven times.")
    claim = claim_with(text, "seven times")
    assert claim["status"] == "denied", claim


def test_a_refusal_is_no_claim_a_later_denial_rebuts():
    # "declined to be named" reports a refusal; the spokesperson's denial is about a meeting
    text = ("The harbour master said the ferry carried 40 passengers on Monday. "
            "The sources declined to be named because of the inquiry. "
            "A company spokesperson denied there was a meeting scheduled with the mayor.")
    refusal = claim_with(text, "declined to be named")
    assert refusal["rebutted_by"] is None and refusal["status"] != "denied", refusal


def test_a_claim_relayed_from_an_anonymous_source_follows_the_innermost_source():
    # the newspaper relays it, but the one who stands behind it is the unnamed person
    text = ("The Belvik Gazette said the port would close. The mayor had also met the bank's "
            "owner twice in May, according to a person familiar with the talks, the newspaper said.")
    claim = claim_with(text, "twice in May")
    assert claim["status"] == "unconfirmed", claim
    assert "according to" not in claim["text"]


@pytest.mark.parametrize("text, words, status", [
    # "allegedly" in a relative clause bears on that clause, not on what the source says
    ("In the lawsuit, the trader contends that the mayor played a secret role in the harbour "
     "sale, which allegedly involved only two bidders.", "secret role", "reported"),
    # the writer's hearsay marker in a relative clause leaves the main clause the writer's
    ("The council sold the old harbour in 2019 to a bank that was reportedly owned by the "
     "mayor's brother.", "old harbour", "asserted"),
    # in the main clause it still bears on the claim
    ("The council reportedly sold the old harbour in 2019 to a bank.", "old harbour", "unconfirmed"),
])
def test_a_hearsay_marker_bears_on_its_own_clause(text, words, status):
    claim = claim_with(text, words)
    assert claim["status"] == status, claim


def test_quoted_words_with_no_attribution_found_can_be_refuted_by_the_writer():
    # a caption quoted by a fact-check is somebody's words even where no attribution is
    # found for "reads the caption"; the writer's contrary statement refutes it
    text = ("'Tourists flee the beach in Selmouth as the wave arrives,' reads the caption of a video "
            "posted on Facebook. However, the video does not show tourists fleeing the beach in Selmouth.")
    claim = claim_with(text, "wave arrives")
    assert claim["status"] == "refuted", claim
    assert claim["evidence"]["rule"] == "contrary_statement_by_writer"


def test_a_refusal_with_a_reason_is_no_claim_a_later_denial_rebuts():
    # "citing the inquiry" gives a reason, and the parser may take it for a source
    text = ("The harbour master said the ferry carried 40 passengers on Monday. "
            "The sources declined to be named citing the sensitivity of the inquiry. "
            "A company spokesperson denied there was a meeting scheduled with the mayor.")
    refusal = claim_with(text, "declined to be named")
    assert refusal["rebutted_by"] is None and refusal["status"] != "denied", refusal


def test_a_denial_that_says_what_it_denies_does_not_rebut_an_unrelated_claim():
    text = ("The harbour board had agreed to close the pier, according to two people familiar with "
            "the talks. One of the people described the mayor as being caught \u201cflat footed\u201d by "
            "the vote. Council press secretary Rita Olsen denied that Treasurer Paul Dunn had acted "
            "without consulting the council.")
    described = next(c for c in claims(text) if "flat footed" in c["text"])
    assert described["status"] != "denied" and described["rebutted_by"] is None, described


def test_the_false_claim_that_is_about_its_own_clause_not_an_earlier_claim():
    text = ("Posts claimed the school replaced its library with a casino. "
            "But other posts make the false claim that pupils can vote at twelve.")
    library = next(c for c in claims(text) if "library" in c["text"])
    assert library["rebutted_by"] is None and library["status"] != "refuted", library


def test_a_denied_report_denies_the_claim_it_relays():
    # the claim is the report's; the spokesman denies the report and so the claim
    found = claims("A spokesman for the mayor of Belvik denied a Gazette report that the mayor "
                   "will sell the harbour to a Karsovian bank.")
    (claim,) = [c for c in found if "sell the harbour" in c["text"]]
    assert claim["status"] == "denied"
    assert claim["evidence"]["rule"] == "denial_of_relayed_claim"
    assert claim["evidence"]["words"]["text"] == "denied"


def test_somebody_elses_rejection_of_a_relayed_argument_disputes_it():
    found = claims("The magistrate rejected an argument by the defence that the fraud cost the city "
                   "3 million dollars.")
    (claim,) = [c for c in found if "3 million" in c["text"]]
    assert claim["status"] == "disputed"


def test_a_speaker_named_by_a_government_body_answers_for_that_government():
    # the speaker resolves to the person; the words that name him where he speaks ("the
    # Kremlin spokesman") make him the party concerned by a claim about Moscow
    text = ('Kremlin spokesman Dmitry Peskov spoke to reporters on Friday. "That is nonsense," '
            'the Kremlin spokesman said when asked about media reports that the CIA director '
            'secretly flew to Moscow in January.')
    claim = next(c for c in claims(text) if c["text"].startswith("the CIA director"))
    assert claim["status"] == "denied", claim


def test_a_descriptions_incidental_words_do_not_make_a_party():
    # "Halcyon project head" shares "Halcyon" with the claim's sentence, but names no
    # government: somebody else's verdict disputes
    text = ("Two chemists said that microbes live under the ice of the comet the Halcyon probe "
            "visited. Halcyon project head Ivo Brandt said that these claims were pure speculation.")
    claim = next(c for c in claims(text) if c["text"].startswith("microbes"))
    assert claim["status"] == "disputed", claim


@pytest.mark.parametrize("text, status", [
    ("Responding to reports that Norland sold the harbour to a bank, the Norland trade ministry "
     "said that no such sale had taken place.", "denied"),
    ("In response to claims that Norland sold the harbour to a bank, Belvik mayor Ana Ruiz "
     "said that no bank had bought it.", "disputed"),
    # an answer that contests nothing leaves the claim as its source left it
    ("Asked about claims that Norland sold the harbour to a bank, the Norland trade ministry "
     "said that it would look into the matter.", "unconfirmed"),
])
def test_a_speaker_answering_a_claim_in_the_frame_contests_it(text, status):
    claim = next(c for c in claims(text) if c["text"].startswith("Norland sold"))
    assert claim["status"] == status, claim


@pytest.mark.parametrize("headline, status, rule", [
    ("Norland port authority to sell 40 tugboats next year: report", "unconfirmed", "unowned_reports"),
    ("Report: Norland port authority will sell 40 tugboats", "unconfirmed", "unowned_reports"),
    ("Sources: the Belvik club sacked its coach on Monday night", "unconfirmed", "anonymous_source"),
    ("A hoax report claimed that 300 turkeys in Belvik carried the virus.", "refuted", "false_verdict_in_frame"),
])
def test_a_headline_credit_line_and_a_hoax_verdict(headline, status, rule):
    c = one_claim(headline)
    assert (c["status"], c["evidence"]["rule"]) == (status, rule)


@pytest.mark.parametrize("sentence, status, rule", [
    # the writer's own finding on what the senator said: the article establishes it is false
    ("The senator falsely said that the mill in Belvik had closed in 2019.", "refuted", "false_verdict_in_frame"),
    ("The senator wrongly claimed that the mill in Belvik had closed in 2019.", "refuted", "false_verdict_in_frame"),
    # misleading is no verdict of falsehood: contested
    ("The senator misleadingly claimed that the mill in Belvik had closed in 2019.", "disputed",
     "contested_in_frame"),
])
def test_the_writers_verdict_on_what_a_source_claimed(sentence, status, rule):
    c = one_claim(sentence)
    assert c["text"].startswith("the mill")
    assert (c["status"], c["evidence"]["rule"]) == (status, rule)


def _status_of(text, start_words):
    c = next(c for c in claims(text) if c["text"].startswith(start_words))
    return c["status"], c["evidence"]["rule"]


@pytest.mark.parametrize("text, claim_start", [
    # "no point in a meeting" denies the point, not the willingness to meet
    ("The president of Norland will chair a summit meeting next week and has expressed his willingness "
     "to meet the Belvik president in that meeting. Belvik, however, has declared there will be no "
     "point in a meeting between the two presidents after the vote.", "The president of Norland"),
    # a sentence that reports a denial is not contradicted by the denial's own words
    ("A Norland government spokesman has denied the Belvik media reports of a 'secret meeting' "
     "between the two prime ministers in Kathmandu in 2019.\n\nAccording to a statement issued here, "
     "the spokesman termed the reports of a secret meeting between the two prime ministers baseless, "
     "saying no such meeting was held in Kathmandu.", "A Norland government spokesman"),
])
def test_a_negation_of_another_matter_or_a_denial_agreeing_rebuts_nothing(text, claim_start):
    status, rule = _status_of(text, claim_start)
    assert status not in ("disputed", "denied", "refuted"), rule


def test_a_negation_on_the_claims_verb_still_rebuts_it():
    text = ("The Gazette reported that the mayor met the chairman of the Belvik bank in March. "
            "The chairman of the Belvik bank said he never met the mayor.")
    assert _status_of(text, "the mayor met")[0] in ("disputed", "denied")


def test_a_headline_ending_in_a_colon_and_a_name_is_that_names():
    text = ("No meeting with the Belvik bank: Ministry\n\n"
            "The Gazette reported that ministry officials met the chairman of the Belvik bank in March.")
    status, rule = _status_of(text, "ministry officials met")
    assert status == "denied", rule


def test_a_headline_credit_outside_the_claims_sentence_and_a_reduced_evidential():
    c = one_claim("Belvik mayor had heart surgery in March: sources")
    assert (c["status"], c["evidence"]["rule"]) == ("unconfirmed", "anonymous_source")
    c = one_claim("Norland port authority reported to be near selling its tugboats")
    assert (c["status"], c["evidence"]["rule"]) == ("unconfirmed", "agentless_evidential")
    # an instruction, not hearsay
    assert one_claim("The mayor said to be careful with the budget of the city.")["status"] == "asserted"


def test_a_later_verdict_does_not_rebut_a_denial_it_agrees_with():
    text = ("The Gazette reported that the mayor of Belvik sold the harbour to a bank. "
            "“I did not sell the harbour to anybody,” the mayor said on Monday. "
            "“Patently false,” said his spokesman, Ivo Marek.")
    status, rule = _status_of(text, "I did not sell")
    assert status == "reported", rule


def test_these_claims_reach_only_the_sources_claims_on_the_rebuttals_matter():
    text = ("Professor Anna Wick said there are microbes living under the icy crust of the comet. "
            "The dark dust on its surface is replenished every day by the heat of the sun, Wick said. "
            "The project head, Olaf Berg, said these claims about microbes in the comet were pure speculation.")
    assert _status_of(text, "there are microbes")[0] == "disputed"
    assert _status_of(text, "The dark dust")[0] == "reported"


# -- the writer's own words and the token at an offset, against their per-token definitions

def test_writers_words_are_the_tokens_outside_every_voice_and_quotation_mark():
    from newsprobe.layers.claims import _inside_quotation_marks, _voice_at, _writers_words
    from newsprobe.model import Analysis

    text = ("The mayor said the harbour was “never sold” to the bank. The bank, the minister "
            "claimed, \"owns it now\" and will not say so. Officials have not commented on "
            "the sale, which \"was legal\" according to the court. Residents call the plan "
            "a “quiet giveaway” of public land.")
    analysis = analyze(text, ALL)
    assert any(q.speaker.kind != "author" for q in analysis.quotes)
    unattributed = Analysis(text=text, id="t")   # quotation marks alone
    doc = parse(text)
    for sent in doc.sents:
        for a in (analysis, unattributed):
            expected = [t for t in sent if _voice_at(a, t.idx) is None
                        and not _inside_quotation_marks(text, sent.start_char, t.idx)]
            assert _writers_words(sent, a, text) == expected
    quoted = {t.text for sent in doc.sents for t in sent} - {
        t.text for sent in doc.sents for t in _writers_words(sent, unattributed, text)}
    assert {"sold", "owns", "legal", "giveaway"} <= quoted


def test_token_at_an_offset_is_the_token_holding_it():
    from newsprobe.layers.claims import _token_at

    doc = parse("The  report was false , officials said.")
    for offset in range(len(doc.text) + 1):
        expected = next((t for t in doc if t.idx <= offset < t.idx + len(t.text)), None)
        got = _token_at(doc, offset)
        assert (got.i if got is not None else None) == (expected.i if expected is not None else None)


def _status_of_claim_with(text, words):
    found = [c for c in claims(text) if words in c["text"]]
    assert found, claims(text)
    return found[0]


@pytest.mark.parametrize("verdict", ["Verdict: False", "Our ruling: The claim is false.",
                                     "Rating: Fake"])
def test_a_fact_check_verdict_line_refutes_the_claim_under_review(verdict):
    text = ("Posts shared on Facebook claim that the mayor of Brindlewood banned bicycles "
            "from the town centre last week.\n\nThe town council said it had discussed parking "
            f"fees at its last meeting.\n\n{verdict}\n")
    claim = _status_of_claim_with(text, "banned bicycles")
    assert claim["status"] == "refuted", claim
    assert claim["rebutted_by"]["text"].startswith(verdict.split(":")[0])


def test_a_fact_checks_finding_on_the_image_refutes_the_claim_under_review():
    text = ("An image purporting to show a shark swimming on a flooded street in Selmouth "
            "has been shared thousands of times.\n\nThe image has been edited. The original "
            "photo, taken in 2015, shows an empty street.\n")
    claim = _status_of_claim_with(text, "shark")
    assert claim["status"] == "refuted", claim
    assert claim["rebutted_by"]["text"] == "The image has been edited."


def test_a_verdict_line_without_a_claim_under_review_links_nothing():
    text = ("The mayor of Brindlewood said the town had banned bicycles from its centre.\n\n"
            "Our ruling: The council will vote again in May.\n")
    claim = _status_of_claim_with(text, "banned bicycles")
    assert claim["status"] == "reported", claim


def test_the_writers_verdict_backed_by_an_authority_refutes():
    text = ("The minister said that violent crime had halved since 2010. That is untrue, "
            "as the statistics office has pointed out.")
    claim = _status_of_claim_with(text, "halved")
    assert claim["status"] == "refuted", claim


def test_a_sources_verdict_still_disputes():
    text = ("The minister said that violent crime had halved since 2010. That is untrue, "
            "the statistics office said.")
    claim = _status_of_claim_with(text, "halved")
    assert claim["status"] == "disputed", claim


def test_a_fact_check_finding_that_the_video_does_not_show_it_refutes_the_caption():
    text = ("'Crowds flee the flooded stadium in Selmouth,' reads the caption of a video "
            "posted on Facebook on May 2. The storm hit the coast on May 1. The stadium was "
            "closed that week. Its roof was repaired in 2020. The club plays away on Sunday. "
            "The video does not show Selmouth.")
    claim = _status_of_claim_with(text, "Crowds flee")
    assert claim["status"] == "refuted", claim


def test_a_finding_on_the_material_by_pronoun_refutes_the_claim_under_review():
    text = ("A viral photo of a crowd cheering the new mayor of Selmouth has been shared "
            "widely this week. The photo is real. But it does not show Selmouth.")
    claim = _status_of_claim_with(text, "viral photo")
    assert claim["status"] == "refuted", claim
    assert claim["rebutted_by"]["text"] == "But it does not show Selmouth."


def test_a_verdict_before_a_colon_refutes_the_claim_told_before_not_the_evidence_after_it():
    # "The claim is false: the council said ..." (session 18, real fact-check roundups): the
    # council's words are the evidence; "falsely claimed:" still frames its quotation
    text = ("Posts on social media claim the Harlow bridge was closed by the army in May. The claim "
            "is false: the city council said the bridge stayed open all month.\n\n"
            "The health minister falsely claimed: \u201cWe have built forty new hospitals since 2019.\u201d")
    assert _status_of_claim_with(text, "closed by the army")["status"] == "refuted"
    evidence = _status_of_claim_with(text, "stayed open all month")
    assert evidence["status"] == "reported" and evidence["rebutted_by"] is None, evidence
    assert _status_of_claim_with(text, "forty new hospitals")["status"] == "refuted"
    # a headline's label with no verb before the colon frames its whole line
    headline = _status_of_claim_with("Harlow Bridge Hoax: Army Chief Announces Bridge Will Close For A Year",
                                     "Close For A Year")
    assert headline["status"] == "refuted", headline


def test_posts_named_again_without_social_media_are_still_rumour():
    # one rumour source, named twice: "Other posts" no longer says "social media", but what
    # is passed around online is rumour either time (session 18, a real fact-check page)
    text = ("Many posts on social media make the claim that the Harlow bridge was closed by the "
            "army in May. Other posts also make a claim that the ferry to Selmouth stopped running "
            "that week.")
    assert _status_of_claim_with(text, "closed by the army")["status"] == "rumored"
    ferry = _status_of_claim_with(text, "ferry to Selmouth")
    assert ferry["status"] == "rumored", ferry


def test_claims_that_the_material_shows_something_are_the_claim_not_what_it_shows():
    # an attribution nested on "shows" takes no clause ("soldiers stopping cars ..."): the
    # claims' own clause is the claim, and the verdict after it refutes that, not the
    # sentence that tells the video was shared (session 18, real fact-check roundups)
    text = ("A video has been shared thousands of times alongside claims that it shows soldiers "
            "stopping cars near the Harlow bridge. This is false.")
    claim = _status_of_claim_with(text, "soldiers stopping cars")
    assert claim["text"].startswith("it shows"), claim
    assert claim["status"] == "refuted", claim


def test_a_sources_finding_on_the_material_is_no_fact_check_verdict():
    text = ("A video purporting to show a flood in the harbour of Selmouth was shared on Facebook. "
            "The harbour master said the harbour was dry all week. The town has 4,000 people. "
            "Its ferry runs twice a day. Tourists arrive in June. "
            "\u201cThe video is fake,\u201d the mayor said.")
    claim = _status_of_claim_with(text, "purporting")
    assert claim["status"] != "refuted", claim


def test_denying_the_allegations_links_to_the_accusation_not_another_claim_of_the_accuser():
    found = claims("The council said the harbour master is confident that the new quay will open in June. "
                   "Last week, the harbour master accused the port authority of hiding the dredging costs. "
                   "The port authority has denied the allegations.")
    accusation = next(c for c in found if "accused" in c["text"])
    assert accusation["status"] == "denied" and accusation["rebutted_by"] is not None
    assert all(c["status"] != "denied" for c in found if "quay" in c["text"])


def test_the_accused_countering_paragraphs_later_denies_the_accusation():
    text = ("The fishermen of Dorn accused Pell Mill on Monday of poisoning the river with blue dye. "
            "The river runs through three villages. "
            "Trout numbers fell by half this spring, the fisheries board said. "
            "The board wants samples taken every week. "
            "Pell Mill's owners countered that the dye came from a tannery upstream.")
    accusation = next(c for c in claims(text) if "poisoning" in c["text"])
    assert accusation["status"] == "denied", accusation
    assert "countered" in accusation["rebutted_by"]["text"]


@pytest.mark.parametrize("sentence, status", [
    # newsroom's status table: hearsay with no source at all is rumored, agentless
    # "reportedly" is unconfirmed
    ("The speculations of a merger between the two breweries grew after the summer.", "rumored"),
    ("The goalkeeper is reportedly unhappy in Lisbon after the cup defeat.", "unconfirmed"),
])
def test_hearsay_status(sentence, status):
    found = [c for c in claims(sentence) if c["status"] == status]
    assert found, claims(sentence)


@pytest.mark.parametrize("text", [
    "The harbour police remained tight-lipped about the arrest of the two divers on Monday.",
    "The orchard's owner could not be reached for comment on the sale of the eastern field.",
    "The ferry operator did not name the inspectors or say when the hull had been checked.",
])
def test_a_refusal_is_the_writers_statement_not_the_sources_claim(text):
    found = claims(text)
    assert found and all(c["quote"] is None and c["status"] == "asserted" for c in found), found


def claim_with(text, words):
    return next(c for c in claims(text) if words in c["text"])


def test_a_speaker_the_parser_could_not_resolve_is_no_agentless_source():
    # "stressing" has a speaker (the judge) even where no name is found for it: the claim
    # rests on somebody on record, not on nobody; a passive cue ("is claimed") has no agent
    text = ("Judge Ana Ruiz gave the builder four years in prison. In a long ruling, stressing "
            "that the builder \"is not before the court on anything to do with the collapse of "
            "the school.\"")
    claim = claim_with(text, "is not before the court")
    assert claim["status"] == "reported"
    assert claim["evidence"]["rule"] == "unresolved_speaker"
    assert claim["evidence"]["words"]["text"] == "stressing"
    passive = claim_with("The striker is claimed to have signed a five-year deal with Belvik United.",
                         "signed a five-year deal")
    assert passive["status"] == "unconfirmed"


def test_a_denial_of_rumours_about_the_denier_is_a_denial():
    # "rejected rumours of being ...": the gerund's unspoken subject is the one who rejects
    claim = claim_with("The singer Mara Velk has rejected rumours of being engaged to the "
                       "footballer Tomas Brun.", "being engaged")
    assert claim["status"] == "denied"
    assert claim["evidence"]["rule"] == "denial_of_claim_noun"


def test_a_verdict_word_inside_a_named_title_is_no_rebuttal():
    # the study's title holds "false"; nobody calls the finding false
    text = ("Researchers at Belvik University said that coffee drinkers sleep 20 minutes less "
            "than others. The study, titled \"Why Common Sleep Advice Is False\", was published "
            "in a journal on Monday.")
    claim = claim_with(text, "coffee drinkers sleep")
    assert claim["status"] == "reported", claim
    assert claim["rebutted_by"] is None


def test_a_disclosure_that_an_analyst_owns_no_shares_is_no_rebuttal():
    text = ("Lena Hart, an analyst at Corvin Securities, said shares of the software maker would "
            "fall after it owned up to weak sales. Hart does not own shares of the software maker. "
            "\"Shares of the software maker look too expensive to own,\" Hart said.")
    for words in ("would fall", "too expensive"):
        claim = claim_with(text, words)
        assert claim["status"] == "reported", claim
        assert claim["rebutted_by"] is None


def test_a_spokesman_for_the_party_concerned_denies_for_it():
    # the spokesman is no word of the claim, the one he speaks for is
    text = ("\"Senator Ola Brandt sold his farm to a wind company last year,\" the Belvik "
            "Gazette reported on Friday. But Karl Imre, a spokesman for Brandt, said the report "
            "was totally false.")
    claim = claim_with(text, "sold his farm")
    assert claim["status"] == "denied", claim


def test_this_story_is_false_rebuts_the_story_not_the_nearest_claim():
    # "This story" points at what the report said, not at the next claim before it
    text = ("A report in the Gazette said the mayor had taken 200,000 dollars from a builder. "
            "Councillor Rita Moss said that the council would consider legal action against "
            "the newspaper. Omar Lund, the builder, told the radio station: \"This story is "
            "completely false.\"")
    action = claim_with(text, "would consider legal action")
    assert action["status"] == "reported" and action["rebutted_by"] is None, action
    story = claim_with(text, "had taken 200,000 dollars")
    assert story["rebutted_by"] is not None and "This story" in story["rebutted_by"]["text"]


def test_a_verdict_on_another_thing_does_not_rebut_the_claim():
    # "the senator's post was fake" judges the post; the vote the Gazette reported is
    # another matter, though both name the senator
    text = ("Senator Ola Brandt voted against the school bill on Tuesday, the Belvik Gazette "
            "reported. Lea Moor, a spokeswoman for Senator Brandt, said the senator's post "
            "about teachers was fake.")
    claim = claim_with(text, "voted against the school bill")
    assert claim["status"] == "reported" and claim["rebutted_by"] is None, claim
    # "The report was fake" judges what the report said
    text = ("Senator Ola Brandt voted against the school bill on Tuesday, the Belvik Gazette "
            "reported. Lea Moor, a spokeswoman for Senator Brandt, said the report was fake.")
    assert claim_with(text, "voted against the school bill")["status"] == "denied"
    # a demonstrative points back too: "But that figure is inaccurate"
    text = ("The mayor said the city had planted 9,000 trees in 2024. But that figure is "
            "inaccurate.")
    assert claim_with(text, "planted 9,000 trees")["status"] == "refuted"


def test_a_verdict_on_a_claim_reported_in_the_same_words_rebuts_no_earlier_claim():
    # "paid to falsely claim ... that ..." judges the claim it introduces, not the
    # spokeswoman's earlier words
    text = ("A spokeswoman for Mayor Ana Ruiz said the mayor hopes the police will find who "
            "paid for the posters. A police spokesman said on Monday that two men were paid to "
            "falsely claim in interviews that the mayor had bought votes.")
    claim = claim_with(text, "hopes the police will find")
    assert claim["status"] == "reported" and claim["rebutted_by"] is None, claim


# --- rebuttal links that must not be made ----------------------------------------------------
# A wrong link turns an on-record claim into "disputed/denied/refuted" (worse than a missing
# link): a rebuttal must be on the claim's proposition and aimed at it.

def test_a_writers_contrast_about_another_subject_refutes_nothing():
    # "The suit targets X, not Y" states what the suit is about; it says nothing about
    # whether the dairy misled investors, though both sentences talk of its business.
    text = ("Norbury Dairy is Belvik's largest employer. The suit in question targets only milk "
            "production by the company, not the cheese or butter branches of the business with "
            "local plants. The complaint alleges that Norbury made misleading statements and "
            "failed to disclose facts about the company's business and operations.")
    claim = next(c for c in claims(text) if "misleading statements" in c["text"])
    assert claim["status"] == "reported" and claim["rebutted_by"] is None, claim


def test_a_sources_negated_statement_about_another_subject_contradicts_nothing():
    # The councillor's "not" is about the ferry's timetable; the union's claim is about the
    # ferry's crew. Sharing the ferry is not saying the opposite.
    text = ("The dockers' union said the Belvik ferry sailed without a second engineer in "
            "March. A councillor said the ferry timetable had not changed since March.")
    claim = next(c for c in claims(text) if "second engineer" in c["text"])
    assert claim["status"] == "reported" and claim["rebutted_by"] is None, claim


def test_the_accusation_does_not_rebut_the_accused_partys_defence():
    # The lawsuit's "not natural" is what the company answers; the company's defence in its
    # own denying sentence is its answer, not a claim the lawsuit rebuts.
    text = ("A lawsuit claims that Clearbrook juices are not natural and contain synthetic "
            "sweeteners. Clearbrook Beverages denied the allegations, saying that its juices "
            "are made only from the natural sugars of the named fruit.")
    claim = next(c for c in claims(text) if "natural sugars" in c["text"])
    assert claim["status"] == "reported" and claim["rebutted_by"] is None, claim


def test_a_bare_verdict_after_claims_of_two_sources_links_to_neither():
    # "Completely false" names nothing and shares no word with either claim: it may answer
    # the Gazette or the union. A wrong link would dispute an on-record claim; no link does not.
    text = ("The Gazette reported that the mayor sold the harbour to a Karsovian bank. The dockers' "
            "union said 300 jobs were lost at the port in May. “Completely false,” said Jon Berg, "
            "the head of the port authority.")
    found = [c for c in claims(text) if "Karsovian" in c["text"] or "300 jobs" in c["text"]]
    assert len(found) == 2 and all(c["status"] == "reported" and c["rebutted_by"] is None for c in found), found


def test_a_verdict_pointing_back_takes_the_claim_just_before_it():
    # "This" points at what was just said, whoever else spoke before.
    text = ("The Gazette reported that the mayor sold the harbour to a Karsovian bank. The dockers' "
            "union said 300 jobs were lost at the port in May. “This is completely false,” said "
            "Jon Berg, the head of the port authority.")
    jobs = next(c for c in claims(text) if "300 jobs" in c["text"])
    assert jobs["status"] == "disputed" and jobs["rebutted_by"] is not None, jobs


# --- verdicts in other words: fiction, fabrication, lies ---------------------------------------

def test_calling_a_named_account_fiction_rebuts_its_claims():
    # A third party calls the ministry's account fiction: the ministry's claim is contested,
    # not an on-record fact.
    text = ("The Harwick energy ministry said on Monday that the Dunmore plant had been shut for "
            "routine repairs. Union leader Aldo Venn described the ministry's account as "
            "“fiction from start to finish”.")
    claim = next(c for c in claims(text) if "routine repairs" in c["text"])
    assert claim["status"] in ("disputed", "denied") and claim["rebutted_by"] is not None, claim


def test_the_accused_calling_a_report_a_pack_of_lies_denies_it():
    text = ("A local newspaper reported that Mayor Lena Brandt had awarded the contract to her "
            "brother's firm. Brandt called the report “a pack of lies”.")
    claim = next(c for c in claims(text) if "brother's firm" in c["text"])
    assert claim["status"] == "denied" and claim["rebutted_by"] is not None, claim


def test_fiction_as_a_genre_is_no_verdict():
    text = ("The Harwick library said its science fiction collection had doubled since 2020. "
            "Librarian Ona Kell said crime fiction was now the most borrowed section.")
    claim = next(c for c in claims(text) if "doubled" in c["text"])
    assert claim["status"] == "reported" and claim["rebutted_by"] is None, claim


def test_a_speakers_verdict_does_not_contest_her_own_answer_beside_it():
    text = ("A local newspaper reported that Mayor Lena Brandt had awarded the contract to her "
            "brother's firm. Brandt called the report “false” and said the contract went to the "
            "lowest bidder.")
    found = claims(text)
    answer = next(c for c in found if "lowest bidder" in c["text"])
    report = next(c for c in found if "brother's firm" in c["text"])
    assert answer["status"] == "reported", answer
    assert report["status"] == "denied" and report["rebutted_by"] is not None, report


@pytest.mark.parametrize("sentence", [
    # a verdict word under "whether/if" judges nothing: the writer leaves the question open
    "'That account is not accurate,' spokesman Tomas Brel said, without specifying if the account was false.",
    "'That account is not accurate,' spokesman Tomas Brel said. It was not clear whether the account was false.",
])
def test_a_verdict_word_under_whether_or_if_is_no_verdict(sentence):
    for c in claims(sentence):
        assert c["evidence"]["rule"] != "false_verdict_in_frame", c


@pytest.mark.parametrize("sentence, status", [
    # "branded/called reports that X (as) inaccurate": the speaker's verdict on X; the
    # party concerned (he) denies it
    ("Deputy minister Tomas Brel branded reports that he offered the Belvik contract to his "
     "cousin as inaccurate and factually incorrect.", "denied"),
    ("Deputy minister Tomas Brel called reports that he offered the Belvik contract to his "
     "cousin false.", "denied"),
    # the same with no "that": the claim noun's clause is still what the reports say
    ("Deputy minister Tomas Brel has branded reports he offered the Belvik contract to his "
     "cousin as inaccurate.", "denied"),
    ("Deputy minister Tomas Brel branded reports he floated the idea of selling the harbour to a "
     "private buyer as inaccurate.", "denied"),
])
def test_branding_reports_as_false_is_a_verdict_on_what_they_say(sentence, status):
    found = claims(sentence)
    c = next((c for c in found if c["text"].startswith("he ")), None)
    assert c is not None, [(c["text"], c["status"]) for c in found]
    assert c["status"] == status, c
    assert "inaccurate" not in c["text"] and "false" not in c["text"], c
