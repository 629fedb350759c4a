"""The typed findings of the model: each reads a contract object and writes it back key
for key (order included, so the JSON is byte for byte the same), keeps keys it does not
know, and leaves out optional keys that were absent."""

from __future__ import annotations

import json

import pytest

from newsprobe.model import (Analysis, Claim, FactCheckMatch, Hedge, IntegrityFinding, Span,
                             StatusEvidence, Technique)

TEXT = "Officials reportedly said the bridge may close. Critics called it a disaster."


def span(s: str) -> dict:
    start = TEXT.index(s)
    return {"start": start, "end": start + len(s), "text": s}


HEDGE = {**span("reportedly"), "kind": "evidential"}
MATCH = {"claim": "The bridge will close", "rating": "False", "score": 0.8123, "similarity": 0.71,
         "url": "https://checker.example/1", "date": "2024-03-01", "title": "Bridge", "id": "fc1",
         "reviewer": "Checker", "claimant": "a blog"}
CLAIM = {"id": "c1", **span("the bridge may close"), "status": "hedged",
         "evidence": {"rule": "writer_modal", "decided_by": "rule", "words": span("may")},
         "rebutted_by": span("Critics called it a disaster."), "checkworthiness": 0.62,
         "firmness": 0.0, "quote": "q1", "hedges": [HEDGE, span("may")], "factchecks": [MATCH]}
TECHNIQUE = {**span("a disaster"), "technique": "loaded_language", "score": 0.41,
             "alternative": "doubt", "in_quote": None}
FINDING = {"kind": "name_variant", "spans": [span("Officials"), span("Critics")],
           "message": "two names", "severity": "info", "score": 0.4}


@pytest.mark.parametrize("cls, obj", [
    (Hedge, HEDGE), (Hedge, span("may")), (FactCheckMatch, MATCH),
    (FactCheckMatch, {"claim": "x", "rating": "unrated", "score": 0.1}),
    (StatusEvidence, CLAIM["evidence"]), (StatusEvidence, {"rule": "author_states", "decided_by": "rule", "words": None}),
    (Claim, CLAIM), (Claim, {**CLAIM, "evidence": {"rule": "author_states", "decided_by": "model", "words": None},
                             "rebutted_by": None, "quote": None, "hedges": [], "factchecks": []}),
    (Technique, TECHNIQUE), (Technique, {**TECHNIQUE, "in_quote": "q2"}),
    (Technique, {**span("a disaster"), "technique": "doubt", "score": 0.3, "alternative": "fear",
                 "voice": "speaker", "speaker": "Critics", "in_quote": None}),
    (IntegrityFinding, FINDING), (IntegrityFinding, {**FINDING, "severity": "warning", "spans": []}),
])
def test_each_finding_round_trips_byte_for_byte(cls, obj):
    typed = cls.from_dict(obj)
    assert json.dumps(typed.to_dict()) == json.dumps(obj)
    assert cls.from_dict(typed.to_dict()) == typed


def test_optional_keys_absent_stay_absent():
    old = {k: v for k, v in CLAIM.items() if k != "firmness"}  # made before the field
    claim = Claim.from_dict(old)
    assert claim.firmness is None and "firmness" not in claim.to_dict()
    assert list(claim.to_dict()) == list(old)
    plain = {k: v for k, v in TECHNIQUE.items() if k != "alternative"}
    assert Technique.from_dict(plain).to_dict() == plain


def test_unknown_keys_are_kept_and_written_last():
    newer = {**CLAIM, "novelty": {"score": 0.3}}
    assert json.dumps(Claim.from_dict(newer).to_dict()) == json.dumps(newer)
    assert Claim.from_dict(newer).extra == {"novelty": {"score": 0.3}}
    hedge = {**HEDGE, "source": "lexicon"}
    assert Hedge.from_dict(hedge).to_dict() == hedge


def test_typed_fields_are_typed():
    claim = Claim.from_dict(CLAIM)
    assert claim.evidence == StatusEvidence("writer_modal", "rule", Span(**span("may")))
    assert claim.rebutted_by == Span(**span("Critics called it a disaster."))
    assert claim.hedges[0].kind == "evidential" and claim.hedges[1].kind is None
    assert claim.factchecks[0].reviewer == "Checker"
    finding = IntegrityFinding.from_dict(FINDING)
    assert finding.spans[0] == Span(**span("Officials")) and not finding.is_warning
    assert IntegrityFinding.from_dict({k: v for k, v in FINDING.items() if k != "severity"}).is_warning


def test_findings_are_read_only():
    with pytest.raises(AttributeError):
        Claim.from_dict(CLAIM).status = "asserted"  # type: ignore[misc]


def test_analysis_gives_its_findings_typed_and_writes_the_dicts_unchanged():
    a = Analysis(text=TEXT, id="a1", claims=[CLAIM], techniques=[TECHNIQUE], integrity=[FINDING])
    assert a.claim_findings() == [Claim.from_dict(CLAIM)]
    assert a.technique_findings()[0].technique == "loaded_language"
    assert a.integrity_findings()[0].kind == "name_variant"
    d = a.to_dict()
    assert d["claims"] == [CLAIM] and d["techniques"] == [TECHNIQUE] and d["integrity"] == [FINDING]
    assert [c.to_dict() for c in a.claim_findings()] == d["claims"]
