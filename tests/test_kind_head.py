"""The learned source-kind head (layers/kind_head.py) on top of the kind rules: its numpy
inference is the training library's prediction, switching it off gives the rules' kinds,
and where it decides, the speaker says so. Sentences and names are our own."""

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from newsprobe import analyze
from newsprobe.layers import kind_head
from newsprobe.model import Quote, Speaker
from newsprobe.settings import Settings

ON = Settings.load(claim_min_checkworthiness=0.0)
OFF = Settings.load(claim_min_checkworthiness=0.0, kind_head="off")
# A source noun in no kind list, with no entity: the rules leave its kind unknown.
UNLISTED = "Deckhands denied that the ferry had left the pier early on Friday."
ARTICLE = ("Mayor Ilse Varga said on Monday that the bridge would reopen in May. "
           "Deckhands denied that the ferry had left the pier early on Friday. "
           "A spokesman for Norvik Rail said the trains would run on time.")


def _trainer():
    path = Path(__file__).resolve().parents[1] / "scripts" / "train_kind_head.py"
    spec = importlib.util.spec_from_file_location("train_kind_head", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_numpy_inference_equals_the_training_library():
    pytest.importorskip("sklearn")
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    trainer = _trainer()
    rng = np.random.default_rng(7)
    names = [f"f{i}" for i in range(12)]
    kinds = ["person", "official", "institution"]
    rows = []
    for n in range(90):
        feats = {name: 1.0 for name in names if rng.random() < 0.3}
        rows.append({"article": f"a{n % 9}", "features": feats, "gold": kinds[n % 3]})
    data = trainer.fit(rows, 1.0)
    head = kind_head.read_head(data)
    # the same model fitted directly, on the features the script keeps (all of them here:
    # each occurs in more than MIN_ARTICLES articles)
    vec = DictVectorizer(sparse=True)
    x = vec.fit_transform([r["features"] for r in rows])
    model = LogisticRegression(C=1.0, max_iter=5000).fit(x, [r["gold"] for r in rows])
    for r in rows[:20]:
        expected = model.predict_proba(vec.transform([r["features"]]))[0]
        got = head.probabilities(r["features"])
        assert list(head.classes) == list(model.classes_)
        assert np.allclose(got, expected, atol=1e-3)


def test_switched_off_the_rules_decide():
    off = analyze(ARTICLE, OFF)
    assert all(q.speaker.kind_evidence is None for q in off.quotes)
    staff = next(q for q in off.quotes if q.speaker.name == "Deckhands")
    assert staff.speaker.kind == "unknown"


def test_the_head_fills_a_kind_the_rules_left_unknown_and_says_so():
    a = analyze(ARTICLE, ON)
    staff = next(q for q in a.quotes if q.speaker.name == "Deckhands")
    assert staff.speaker.kind != "unknown"
    evidence = staff.speaker.to_dict()["kind_evidence"]
    assert evidence["decided_by"] == "model" and evidence["rule_kind"] == "unknown"
    assert 0.0 < evidence["probability"] <= 1.0
    # the kinds the rules gave are kept (the committed head overrides no known kind)
    off = {q.speaker.name: q.speaker.kind for q in analyze(ARTICLE, OFF).quotes}
    for q in a.quotes:
        if q.speaker.name != "Deckhands":
            assert q.speaker.kind == off[q.speaker.name] and q.speaker.kind_evidence is None


def test_kind_evidence_survives_the_round_trip():
    q = analyze(UNLISTED, ON).quotes[0]
    again = Quote.from_dict(q.to_dict())
    assert again.speaker.kind_evidence == q.speaker.kind_evidence


def _speaker_features(kind, **extra):
    return {"bias": 1.0, f"rule={kind}": 1.0, **extra}


def test_one_kind_per_speaker_and_no_fill_without_a_mention():
    # a head that always says official, confidently
    head = kind_head.Head(("official", "person"), {"bias": np.array([5.0, 0.0])}, np.zeros(2),
                          min_probability=0.5)
    a, b = Speaker("Ana Ruiz", "person", "e1"), Speaker("Ana Ruiz", "person", "e1")
    nobody = Speaker("unknown", "unknown")
    kind_head.apply([(a, _speaker_features("person")), (b, _speaker_features("person")),
                     (nobody, _speaker_features("unknown", no_source_tokens=1.0))], head)
    assert a.kind == b.kind == "official"
    assert a.kind_evidence["rule_kind"] == "person"
    assert nobody.kind == "unknown" and nobody.kind_evidence is None
    # above 1 the head only fills unknown kinds
    strict = kind_head.Head(head.classes, head.weights, head.bias, min_probability=1.01)
    c, d = Speaker("Ana Ruiz", "person", "e1"), Speaker("staffers", "unknown")
    kind_head.apply([(c, _speaker_features("person")), (d, _speaker_features("unknown"))], strict)
    assert c.kind == "person" and d.kind == "official"


def test_a_weights_file_setting_points_at_another_head(tmp_path):
    path = tmp_path / "head.json"
    path.write_text('{"classes": ["official", "person"], "bias": [0.0, 9.0], "weights": {}, '
                    '"min_probability": 0.0}', encoding="utf-8")
    a = analyze(ARTICLE, Settings.load(claim_min_checkworthiness=0.0, kind_head=str(path)))
    assert {q.speaker.kind for q in a.quotes} <= {"person", "author"}
