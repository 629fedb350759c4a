"""Commitment: is an event presented as having happened? The rule cues on hand-written
sentences, the features the learned head reads, and the head itself (the function the
claims layer and `eval factuality` share)."""

import pytest

from newsprobe.errors import NewsprobeError
from newsprobe.layers import commitment
from newsprobe.layers.commitment import event_cues, features, happened, happened_by_rules, load_head


def word(doc, text):
    return next(t for t in doc if t.text == text)


def kinds(nlp, sentence, text):
    return {c.kind for c in event_cues(word(nlp(sentence), text))}


@pytest.mark.parametrize("sentence, text, kind", [
    ("The army did not enter the town.", "enter", "negated"),
    ("I do nt want to leave the party.", "want", "negated"),
    ("The ministry may raise taxes next year.", "raise", "modal"),
    ("The talks will resume next week.", "resume", "future"),
    ("The council plans to build a bridge.", "build", "irrealis"),
    ("If the deal fails, prices will rise.", "fails", "conditional"),
    ("Call your doctor today.", "Call", "imperative"),
    ("Did the minister resign last night?", "resign", "question"),
    ("Officials believe the rebels fired the shells.", "fired", "nonfactive"),
    ("He denied that he took the money.", "took", "denied"),
    ("The guards reportedly fired at the crowd.", "fired", "hedge"),
])
def test_each_cue_kind_on_a_hand_written_sentence(nlp, sentence, text, kind):
    assert kind in kinds(nlp, sentence, text)


@pytest.mark.parametrize("sentence, text", [
    # Gerunds that are prepositions, and gerunds after "for", name what happened.
    ("Ten people were hurt, including two children.", "including"),
    ("Thanks for fixing the roof before the storm.", "fixing"),
    ("The bridge opened in May and carried cars from the first day.", "opened"),
])
def test_no_cue_where_the_event_is_plainly_real(nlp, sentence, text):
    assert kinds(nlp, sentence, text) == set()
    assert happened_by_rules(word(nlp(sentence), text))


def test_features_name_the_rule_cues_and_the_parse(nlp):
    f = features(word(nlp("The council plans to build a bridge."), "build"))
    assert f["cue=irrealis"] == 1.0 and f["embedded_under=plan"] == 1.0
    assert f["tag=VB"] == 1.0 and f["bias_rules_happened"] == 0.0
    assert all(0.0 <= v <= 1.0 for v in f.values())


def test_the_committed_head_loads_and_gives_probabilities(nlp):
    head = load_head()
    assert head is not None and 0 < head.threshold < 1 and head.weights
    doc = nlp("The army entered the town on Monday.")
    p = commitment.happened_probability(word(doc, "entered"))
    assert 0.0 <= p <= 1.0


def test_the_head_reads_the_predicates_contextual_state(nlp):
    # the committed head mixes in a regression over MiniLM's state of the verb in its
    # sentence; the state is that of this word in this sentence, normalised
    import numpy as np

    head = load_head()
    assert head.state_weights is not None and head.state_weights.shape == (384,) and 0 < head.state_mix < 1
    doc = nlp("The army entered the town on Monday. The army hoped to enter the town.")
    entered, enter = word(doc, "entered"), word(doc, "enter")
    a, b = commitment.predicate_state(entered), commitment.predicate_state(enter)
    assert np.isclose(np.linalg.norm(a), 1.0) and np.isclose(np.linalg.norm(b), 1.0)
    assert float(a @ b) < 0.99
    # the state changes the probability: the same features with another verb's state
    assert commitment.happened_probability(entered, b) != commitment.happened_probability(entered, a)
    assert commitment.happened_probability(entered) == commitment.happened_probability(entered, a)


@pytest.mark.parametrize("sentence, text, did", [
    ("The army entered the town on Monday.", "entered", True),
    ("The army did not enter the town.", "enter", False),
    ("The army may enter the town.", "enter", False),
    ("The army will enter the town tomorrow.", "enter", False),
    ("The army plans to enter the town.", "enter", False),
    ("Call your doctor today.", "Call", False),
    ("We visited the museum and bought two books.", "bought", True),
])
def test_happened_on_clear_cases(nlp, sentence, text, did):
    assert happened(word(nlp(sentence), text)) is did


def test_without_a_head_happened_is_the_rules(nlp, monkeypatch):
    monkeypatch.setattr(commitment, "load_head", lambda depth=6: None)
    doc = nlp("Officials believe the rebels fired the shells.")
    assert happened(word(doc, "fired")) is happened_by_rules(word(doc, "fired")) is False


def test_please_marks_only_the_verb_it_modifies(nlp):
    doc = nlp("Please sign the enclosed form today.")
    assert "imperative" in {c.kind for c in event_cues(word(doc, "sign"))}
    assert "imperative" not in {c.kind for c in event_cues(word(doc, "enclosed"))}


def test_praise_without_a_subject_is_not_a_command(nlp):
    assert "imperative" not in kinds(nlp, "Highly recommend this little bakery!", "recommend")
    assert "imperative" in kinds(nlp, "Recommend this little bakery to your friends!", "Recommend")


@pytest.mark.parametrize("sentence, text, hard", [
    ("The army did not enter the town.", "enter", True),
    ("The talks will resume next week.", "resume", True),
    ("He denied that he took the money.", "took", True),
    ("The council plans to build a bridge.", "build", False),  # left to the head
    ("The army entered the town on Monday.", "entered", False),
    ("Not a single missile has left our depots.", "left", True),  # negated subject
    ("No lorry crossed the bridge that night.", "crossed", True),
    ("Not one ballot was counted twice.", "counted", True),
    ("Not only the mayor but also the council voted for it.", "voted", False),
    ("There has been no movement of troops towards the border.", "been", True),  # existential
    ("There were no casualties in the storm.", "were", True),
    ("There were casualties in the storm.", "were", False),
    ("No doubt the mayor was right.", "was", False),  # "no" not on the subject
])
def test_hard_cues_settle_it_whatever_the_head_says(nlp, sentence, text, hard):
    pred = word(nlp(sentence), text)
    assert commitment.has_hard_cue(pred) is hard
    if hard:
        assert happened(pred) is False and commitment.happened_probability(pred) == 0.0


def test_a_depth_without_its_own_head_is_a_coded_error_not_the_rules():
    # A shallower pass's states would go into a state head trained on the full pass's.
    with pytest.raises(NewsprobeError) as err:
        commitment.load_head(5)
    assert err.value.code == "E013" and "--encoder-layers 5" in str(err.value)


def test_a_sentence_ends_with_a_question_mark_as_its_joined_text_says(nlp):
    doc = nlp("Will the council approve the plan? \n\nIt said so. \"Is it true?\"  Maybe not?!\n\n"
              "Nobody knows ? ")
    sents = list(doc.sents)
    assert len(sents) >= 4
    for sent in sents:
        assert commitment._ends_with_question_mark(sent) == sent.text.rstrip().endswith("?")
    assert commitment._ends_with_question_mark(sents[0])
