"""The JSON Schema of newsprobe.article/2: real output validates, broken objects do not,
the model round-trips through its dict form, and article/1 objects still read."""

from __future__ import annotations

import copy

import pytest

from newsprobe import analyze
from newsprobe.model import Analysis, ChainLink, Entity, Quote, Span, Speaker
from newsprobe.schema import SchemaError, check_spans, load_schema, validate_article

TEXT = ("According to the state agency, officials said on Monday that the bridge would reopen. "
        "\u201cIt is safe,\u201d Maria Lopez told reporters in Lisbon.")


@pytest.fixture(scope="module")
def real() -> dict:
    return analyze(TEXT).to_dict()


def hand_built() -> Analysis:
    t = TEXT

    def sp(piece: str) -> Span:
        start = t.index(piece)
        return Span.of(t, start, start + len(piece))

    return Analysis(
        text=t, id="a1", title="Bridge", url="https://example.com/b", outlet="example.com",
        published="2024-01-02",
        entities=[Entity("e1", "Maria Lopez", "PERSON", ["Lopez"], [sp("Maria Lopez")]),
                  Entity("e2", "Lisbon", "GPE", [], [sp("Lisbon")])],
        quotes=[Quote("q1", "indirect", sp("According to"), [sp("officials said on Monday that the bridge would reopen")],
                      sp("the state agency"), Speaker("state agency", "media"),
                      [ChainLink("officials", "unnamed_official")], 0.75),
                Quote("q2", "direct", sp("told"), [sp("It is safe,")], sp("Maria Lopez"),
                      Speaker("Maria Lopez", "person", "e1"), [], 0.9, parent=None)],
        claims=[{"id": "c1", **sp("the bridge would reopen").to_dict(), "status": "reported",
                 "evidence": {"rule": "on_record_source", "decided_by": "rule",
                              "words": sp("the state agency").to_dict()},
                 "rebutted_by": None, "checkworthiness": 0.6, "quote": "q1", "hedges": [sp("would").to_dict()],
                 "factchecks": [{"claim": "The bridge reopened", "rating": "true", "score": 0.8}]}],
        techniques=[{**sp("safe").to_dict(), "technique": "loaded_language", "score": 0.3}],
        integrity=[{"kind": "name_variant", "spans": [sp("Lopez").to_dict()], "message": "m"}],
        meta={"newsprobe": "0.1.0", "model": "test", "layers": {"entities": "1"},
              "timings_ms": {"parse": 1.5}, "origin": "<test>"},
    )


def test_schema_loads_and_is_draft_2020_12():
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema"]["const"] == "newsprobe.article/2"


def test_schema_real_analysis_validates(real):
    validate_article(real)
    check_spans(real)
    assert set(real["meta"]) >= {"newsprobe", "model", "layers", "timings_ms"}


def test_schema_hand_built_analysis_with_every_section_validates():
    obj = hand_built().to_dict()
    validate_article(obj)
    check_spans(obj)


def test_schema_extra_fields_are_allowed(real):
    obj = copy.deepcopy(real)
    obj["new_field"] = {"anything": 1}
    obj["meta"]["extra"] = True
    for e in obj["entities"]:
        e["wikidata"] = None
    validate_article(obj)


def broken(real, change) -> dict:
    obj = copy.deepcopy(real)
    change(obj)
    return obj


def _bad_kind(o):
    o["quotes"] = hand_built().to_dict()["quotes"]
    o["quotes"][0]["speaker"]["kind"] = "alien"


def _bad_chain_kind(o):
    o["quotes"] = hand_built().to_dict()["quotes"]
    o["quotes"][0]["chain"][0]["kind"] = "somebody"


def _bad_quote_type(o):
    o["quotes"] = hand_built().to_dict()["quotes"]
    o["quotes"][1]["type"] = "paraphrase"


def _bad_status(o):
    o["claims"] = hand_built().to_dict()["claims"]
    o["claims"][0]["status"] = "true"


@pytest.mark.parametrize("change, where", [
    (lambda o: o.update(schema="newsprobe.article/3"), "/schema"),
    (lambda o: o.pop("text"), "'text' is a required property"),
    (lambda o: o.update(text=None), "/text"),
    (_bad_kind, "/quotes/0/speaker/kind"),
    (_bad_chain_kind, "/quotes/0/chain/0/kind"),
    (_bad_quote_type, "/quotes/1/type"),
    (_bad_status, "/claims/0/status"),
    (lambda o: o["entities"][0]["mentions"][0].update(start=-1), "/entities/0/mentions/0/start"),
    (lambda o: o["entities"][0]["mentions"][0].update(end="7"), "/entities/0/mentions/0/end"),
    (lambda o: o["meta"].pop("newsprobe"), "/meta"),
    (lambda o: o["techniques"].insert(0, {"start": 0, "end": 1, "text": "A"}), "/techniques/0"),
])
def test_schema_broken_objects_fail(real, change, where):
    with pytest.raises(SchemaError) as err:
        validate_article(broken(real, change))
    assert where in str(err.value)
    assert err.value.problems


def test_schema_check_spans_names_the_bad_span(real):
    obj = broken(real, lambda o: o["entities"][0]["mentions"][0].update(text="nope"))
    with pytest.raises(SchemaError, match=r"/entities/0/mentions/0: text 'nope'"):
        check_spans(obj)
    obj = hand_built().to_dict()
    obj["integrity"][0]["spans"] = [{"start": 5, "end": len(TEXT) + 3, "text": "x"}]
    with pytest.raises(SchemaError, match=r"/integrity/0/spans/0: offsets"):
        check_spans(obj)


def test_schema_model_round_trip(real):
    for d in (real, hand_built().to_dict()):
        a = Analysis.from_dict(d)
        assert Analysis.from_dict(a.to_dict()).to_dict() == a.to_dict()
    assert Analysis.from_dict(real).to_dict() == real


def test_an_article_v1_object_still_reads_in_v2_terms():
    """A store written before article/2: kinds merged, claims given evidence, the chain
    moved from the outer speaker to the quote nested in it."""
    old = hand_built().to_dict()
    old["schema"] = "newsprobe.article/1"
    old["quotes"][0]["chain"] = [{"name": "officials", "kind": "anonymous"}]
    old["quotes"][0]["speaker"]["kind"] = "media"
    old["quotes"][1]["speaker"]["kind"] = "organization"
    old["quotes"][1]["parent"] = "q1"
    for c in old["claims"]:
        c.pop("evidence"), c.pop("rebutted_by")
    validate_article(old)                     # valid against its own version's schema
    upgraded = Analysis.from_dict(old)
    assert upgraded.quotes[1].speaker.kind == "institution"
    assert [(c.name, c.kind) for c in upgraded.quotes[1].chain] == [("state agency", "media")]
    assert upgraded.quotes[0].chain == []     # its chain came from the nested quote
    assert upgraded.claims[0]["evidence"]["rule"] == "article/1"
    validate_article(upgraded.to_dict())
