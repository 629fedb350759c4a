"""The attribution layer's acceptance head (layers/quote_head.py): its numpy inference is the
training library's, switching it off gives the rules' output, and its decisions are visible
(re-scored confidence, left-out candidates in meta.rejected_quotes). Sentences are our own."""

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from newsprobe import analyze
from newsprobe.layers import quote_head
from newsprobe.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
RULES_ALONE = Settings.load(quote_head="off")


def cues(analysis):
    return [q.cue.text if q.cue else None for q in analysis.quotes]


def test_the_packaged_head_loads_with_the_feature_names_it_was_trained_on():
    head = quote_head.load_head()
    assert head.source == "quote_head.json"
    assert len(head.w) == len(quote_head.NAMES) and 0.0 < head.threshold < 1.0


def test_numpy_inference_equals_sklearn_on_the_same_features(tmp_path):
    pytest.importorskip("sklearn")
    spec = importlib.util.spec_from_file_location("train_quote_head", ROOT / "scripts" / "train_quote_head.py")
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(3)
    x = rng.normal(size=(200, len(quote_head.NAMES))) * rng.uniform(0.1, 3.0, size=len(quote_head.NAMES))
    y = (x[:, 0] + 0.5 * x[:, 5] + rng.normal(size=200) > 0).astype(int)
    head = train.fit(x, y, 0.3)
    path = tmp_path / "head.json"
    train.write(path, head, 0.25, ["synthetic"], len(y), {})
    loaded = quote_head.load_head(str(path))
    model = LogisticRegression(C=0.3, solver="liblinear", random_state=train.SEED, max_iter=1000)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    model.fit((x - mean) / scale, y)
    expected = model.predict_proba((x[:20] - mean) / scale)[:, 1]
    got = [loaded.probability(row) for row in x[:20]]
    assert np.allclose(got, expected, atol=1e-5)


# A modal, negated, conditional "confirm" whose subject is a plan and whose content is a
# bare object, and a leaflet "promising" lower fees: the rules take both as attributions,
# the head (trained on what annotators marked) leaves both out.
@pytest.mark.parametrize("text, cue", [
    ("The plan would not confirm any dates unless the board agreed.", "would not confirm"),
    ("A leaflet promising lower fees was handed out at the station.", "promising"),
])
def test_the_head_leaves_out_what_the_rules_took_and_shows_it(text, cue):
    rules = analyze(text, RULES_ALONE)
    assert cues(rules) == [cue]
    judged = analyze(text)
    assert judged.quotes == []
    [rejected] = judged.meta["rejected_quotes"]
    assert rejected["cue"]["text"] == cue and rejected["rule"] == "verb:object"
    assert rejected["rule_confidence"] == rules.quotes[0].confidence
    assert rejected["head_probability"] < quote_head.load_head().threshold
    assert rejected["decided_by"] == "quote_head.json"


def test_switched_off_the_rules_decide_alone():
    text = "A leaflet promising lower fees was handed out at the station. The mayor said the bridge would reopen."
    off = analyze(text, RULES_ALONE)
    assert cues(off) == ["promising", "said"]
    assert "rejected_quotes" not in off.meta


def test_a_kept_quote_carries_the_heads_probability_as_its_confidence():
    text = "The mayor said that the bridge would reopen in May."
    rules, judged = analyze(text, RULES_ALONE), analyze(text)
    assert cues(judged) == ["said"]
    assert judged.quotes[0].confidence != rules.quotes[0].confidence
    assert judged.quotes[0].confidence >= quote_head.load_head().threshold


# An "according to" and a refusal by silence (too few examples to learn from; the newsroom
# gold counts the refusal as an attribution) stay as the rules give them.
@pytest.mark.parametrize("text", [
    "According to the harbour master, the ferry will resume service next week.",
    "The ferry operator did not respond to a request for comment.",
])
def test_rules_the_head_does_not_judge_keep_their_decision_and_confidence(text):
    rules, judged = analyze(text, RULES_ALONE), analyze(text)
    assert rules.quotes
    assert [q.to_dict() for q in judged.quotes] == [q.to_dict() for q in rules.quotes]


def test_another_weights_file_is_used_when_the_setting_names_one(tmp_path):
    d = json.loads((ROOT / "src" / "newsprobe" / "models" / "quote_head.json").read_text("utf-8"))
    d["threshold"] = 0.999   # a head that rejects every verb cue's candidate
    path = tmp_path / "strict.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    judged = analyze("The mayor said that the bridge would reopen in May.", Settings.load(quote_head=str(path)))
    assert judged.quotes == [] and judged.meta["rejected_quotes"][0]["decided_by"] == "strict.json"
