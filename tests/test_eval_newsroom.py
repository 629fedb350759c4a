"""newsroom evaluation: matching and scoring on our own hand-written gold, and a one-article
run on the real data (skipped when ../shared/data/newsroom is absent)."""

import json
from pathlib import Path

import pytest

from newsprobe.errors import NewsprobeError
from newsprobe.settings import Settings
from newsprobe.eval.newsroom import (EntityTally, Tally, baseline_prediction, evaluate, format_text,
                                     read_split, same_speaker, score_article)

DATA = (Path(__file__).parents[1] / ".." / "shared" / "data" / "newsroom").resolve()
needs_newsroom = pytest.mark.skipif(not (DATA / "newsroom.jsonl").is_file(),
                                    reason=f"newsroom data not found at {DATA}")

# Our own sentences, written for these tests.
TEXT = ("Mayor Ana Pérez said the bridge will reopen in May. "
        "The Gazette reported, citing two engineers, that the deck is cracked. "
        "The bridge closed in March.")


def sp(part: str) -> dict:
    start = TEXT.index(part)
    return {"start": start, "end": start + len(part), "text": part}


def gold_attr(speaker, mention, cue, content, kind, chain=(), optional=False, aliases=()):
    return {"speaker": speaker, "speaker_aliases": list(aliases), "mention": sp(mention), "cue": sp(cue),
            "content": [sp(content)], "kind": kind, "chain": list(chain), "optional": optional}


GOLD = {
    "attributions": [
        gold_attr("Ana Pérez", "Mayor Ana Pérez", "said", "the bridge will reopen in May", "official"),
        gold_attr("The Gazette", "The Gazette", "reported", "the deck is cracked", "media"),
        gold_attr("two engineers", "two engineers", "citing", "the deck is cracked", "anonymous",
                  chain=["The Gazette"]),
    ],
    "claims": [
        {**sp("the bridge will reopen in May"), "status": "reported"},
        {**sp("the deck is cracked"), "status": "unconfirmed"},
        {**sp("The bridge closed in March."), "status": "asserted"},
    ],
    "entities": [
        {"name": "Ana Pérez", "label": "PERSON", "mentions": [sp("Ana Pérez")]},
        {"name": "The Gazette", "label": "ORG", "mentions": [sp("The Gazette")]},
    ],
}


def quote(speaker, kind, cue, content, chain=()):
    return {"speaker": {"name": speaker, "kind": kind}, "cue": sp(cue), "content": [sp(content)],
            "chain": [{"name": n, "kind": "media"} for n in chain]}


def test_speaker_names_agree_on_a_distinctive_word_or_else_on_generic_ones():
    assert same_speaker("Pérez", ["Ana Pérez"])
    assert same_speaker("the Gazette's", ["The Gazette"])
    assert same_speaker("officials", ["Ukrainian officials"])
    assert not same_speaker("Russian officials", ["Ukrainian officials"])
    assert not same_speaker("unknown", ["unknown"])
    assert not same_speaker("Mayor", ["Ana Pérez"])  # a title alone names nobody


def test_attribution_prf_counts_resolved_speakers_and_kinds_and_chains():
    pred = {"quotes": [
        quote("Ana Pérez", "official", "said", "the bridge will reopen in May"),
        # right cue and content, wrong speaker: found, not resolved
        quote("May", "person", "reported", "the deck is cracked"),
        quote("two engineers", "anonymous", "citing", "the deck is cracked", chain=["Gazette"]),
    ], "claims": [
        {**sp("the bridge will reopen in May"), "status": "reported"},
        {**sp("the deck is cracked"), "status": "reported"},
    ]}
    tally = Tally()
    score_article(TEXT, GOLD, pred, tally)
    out = tally.to_dict()
    assert out["found"] == {"p": 1.0, "r": 1.0, "f1": 1.0}
    assert out["attribution"]["p"] == pytest.approx(2 / 3, abs=1e-4)
    assert out["kind"]["accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    # one gold chain, predicted right; the two empty-on-both-sides pairs do not count
    assert out["chains"]["accuracy"] == 1.0 and out["chains"]["n"] == 1
    claims = out["claims"]
    assert claims["covered"] == 2 and claims["gold"] == 3
    assert claims["status_accuracy"] == 0.5
    assert claims["confusion"]["unconfirmed"] == {"reported": 1}
    assert claims["confusion"]["asserted"] == {"none": 1}


def test_optional_gold_counts_neither_way():
    gold = {**GOLD, "attributions": [{**a, "optional": i == 1} for i, a in enumerate(GOLD["attributions"])]}
    pred = {"quotes": [quote("Ana Pérez", "official", "said", "the bridge will reopen in May"),
                       quote("Gazette", "media", "reported", "the deck is cracked")]}
    tally = Tally()
    score_article(TEXT, gold, pred, tally)
    assert (tally.gold, tally.pred, tally.resolved) == (2, 1, 1)


def test_a_chain_to_the_speaker_itself_is_a_bogus_link():
    pred = {"quotes": [quote("Gazette", "media", "reported", "the deck is cracked", chain=["Gazette"])]}
    tally = Tally()
    score_article(TEXT, GOLD, pred, tally)
    assert tally.bogus_links == 1


def test_baseline_takes_the_last_entity_before_the_cue():
    pred = {"quotes": [quote("x", "unknown", "reported", "the deck is cracked")],
            "claims": [{**sp("the deck is cracked"), "status": "denied", "quote": "q1"}],
            "entities": [{"name": "Ana Pérez", "label": "PERSON", "mentions": [sp("Ana Pérez")]},
                         {"name": "The Gazette", "label": "ORG", "mentions": [sp("The Gazette")]}]}
    base = baseline_prediction(pred)
    assert base["quotes"][0]["speaker"] == {"name": "The Gazette", "kind": "institution"}
    assert base["claims"][0]["status"] == "reported"


def test_entity_mentions_exact_and_labelled():
    tally = EntityTally()
    pred = [{"label": "PERSON", "mentions": [sp("Ana Pérez")]},
            {"label": "PERSON", "mentions": [sp("The Gazette")]},   # wrong label
            {"label": "GPE", "mentions": [sp("March")]}]            # junk
    tally.add(TEXT, GOLD["entities"], pred, "a1")
    out = tally.to_dict()
    assert out["exact"]["r"] == 1.0 and out["labelled"]["r"] == 0.5
    assert out["mistakes_per_article"] == 2
    # Each mistake listed by article, offsets and labels (no text).
    gazette, march = sp("The Gazette"), sp("March")
    assert sorted((e["start"], e["label"], tuple(e["gold"])) for e in out["errors"]) == \
        sorted([(gazette["start"], "PERSON", ("ORG",)), (march["start"], "GPE", ())])
    assert {e["article"] for e in out["errors"]} == {"a1"} and not any("text" in e for e in out["errors"])


def test_unknown_split_is_a_coded_error(tmp_path):
    (tmp_path / "newsroom.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(NewsprobeError) as err:
        read_split(tmp_path, "train")
    assert err.value.code == "E011"


@needs_newsroom
def test_one_dev_article_runs_end_to_end():
    result = evaluate(DATA, "dev", limit=1)
    assert result["articles"] == 1 and result["split"] == "dev"
    assert 0.0 <= result["attribution"]["f1"] <= 1.0
    assert "status accuracy" in format_text(result)
    depth = Settings.load().encoder_layers
    assert result["encoder_layers"] == depth and f"MiniLM pass of {depth} layers" in format_text(result)


@needs_newsroom
def test_the_result_records_the_encoder_depth_it_was_made_with(monkeypatch):
    for depth in (4, 6):
        monkeypatch.setenv("NEWSPROBE_ENCODER_LAYERS", str(depth))
        result = evaluate(DATA, "dev", limit=1)
        assert result["encoder_layers"] == depth and f"MiniLM pass of {depth} layers" in format_text(result)


def test_wrong_statuses_and_kinds_are_listed_by_offsets_and_rule():
    pred = {"quotes": [quote("Ana Pérez", "person", "said", "the bridge will reopen in May")],
            "claims": [{**sp("the bridge will reopen in May"), "status": "asserted",
                        "evidence": {"rule": "author_states", "words": None}}]}
    tally = Tally()
    score_article(TEXT, {**GOLD, "id": "x1"}, pred, tally)
    errors = tally.to_dict()["errors"]
    claim = sp("the bridge will reopen in May")
    assert errors["status"] == [{"article": "x1", "gold_id": None, "gold": "reported",
                                 "predicted": "asserted", "rule": "author_states",
                                 "claim": [claim["start"], claim["end"]],
                                 "predicted_claim": [claim["start"], claim["end"]],
                                 "words": None, "rebutted_by": None, "predicted_rebutted_by": None}]
    assert [(e["gold"], e["predicted"]) for e in errors["kind"]] == [("official", "person")]


def test_wrong_chains_are_listed_with_both_chains():
    pred = {"quotes": [quote("two engineers", "anonymous", "citing", "the deck is cracked")]}
    tally = Tally()
    score_article(TEXT, {**GOLD, "id": "x1"}, pred, tally)
    errors = tally.to_dict()["errors"]["chain"]
    assert [(e["article"], e["gold"], e["predicted"], e["speaker"]) for e in errors] == [
        ("x1", ["The Gazette"], [], "two engineers")]


def test_rebuttal_links_and_rules_are_counted_right_and_wrong():
    # A link to the gold rebuttal is right; a link where gold has none is wrong; each rule
    # is tallied by whether the status it decided is the gold one.
    pred = {"quotes": [quote("Ana Pérez", "person", "said", "the bridge will reopen in May")],
            "claims": [{**sp("the bridge will reopen in May"), "status": "disputed",
                        "rebutted_by": sp("The Gazette"),
                        "evidence": {"rule": "contrary_statement", "words": None}}]}
    tally = Tally()
    score_article(TEXT, {**GOLD, "id": "x1"}, pred, tally)
    claims = tally.to_dict()["claims"]
    assert claims["rebuttal_links"] == {"right": 0, "wrong": 1, "missed": 0}
    assert claims["rules"] == {"contrary_statement": {"right": 0, "wrong": 1}}


def test_dev_halves_split_dev_in_two(tmp_path):
    rows = [{"id": f"nr{n:02d}"} for n in range(1, 31)]
    (tmp_path / "newsroom.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    a = [r["id"] for r in read_split(tmp_path, "dev-a")]
    b = [r["id"] for r in read_split(tmp_path, "dev-b")]
    assert a == [f"nr{n:02d}" for n in range(1, 11)] and b == [f"nr{n:02d}" for n in range(11, 21)]
    assert sorted(a + b) == [r["id"] for r in read_split(tmp_path, "dev")]


def test_all_split_takes_every_record_whatever_its_id(tmp_path):
    # A second hand-labelled set in the same schema has its own ids (not nr01-nr30): `all`
    # scores every record of the file, in file order.
    rows = [{"id": "xy02"}, {"id": "nr05"}, {"id": "xy01"}]
    (tmp_path / "newsroom.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    assert [r["id"] for r in read_split(tmp_path, "all")] == ["xy02", "nr05", "xy01"]
    assert [r["id"] for r in read_split(tmp_path, "all", limit=2)] == ["xy02", "nr05"]
    assert [r["id"] for r in read_split(tmp_path, "dev")] == ["nr05"]


def test_ids_split_takes_only_the_named_records(tmp_path):
    # A second set can be split by id: rules chosen on some records, the rest scored held out.
    rows = [{"id": "xy01"}, {"id": "xy02"}, {"id": "xy03"}]
    (tmp_path / "newsroom.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    assert [r["id"] for r in read_split(tmp_path, "ids:xy03,xy01")] == ["xy01", "xy03"]
    for bad in ("ids:xy01,xy09", "ids:"):
        with pytest.raises(NewsprobeError) as err:
            read_split(tmp_path, bad)
        assert err.value.code == "E011"


def test_all_split_scores_a_self_written_record_file_end_to_end(tmp_path):
    record = {"id": "own1", "text": TEXT, **GOLD}
    (tmp_path / "newsroom.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = evaluate(tmp_path, "all")
    assert result["articles"] == 1 and result["split"] == "all"
    assert list(result["per_article"]) == ["own1"]
    assert result["counts"]["gold_attributions"] == 3
    assert result["claims"]["gold"] == 3
    assert "newsroom all: 1 articles" in format_text(result)


def test_the_pages_outlet_reaches_the_analysis_so_its_own_station_is_no_link(tmp_path):
    text = "A neighbour tells Channel Nine News she knows the suspect and is stunned."
    part = lambda words: {"start": text.index(words), "end": text.index(words) + len(words), "text": words}
    record = {"id": "own2", "outlet": "KNXV Channel Nine News", "text": text,
              "attributions": [{"speaker": "A neighbour", "speaker_aliases": [], "mention": part("A neighbour"),
                                "cue": part("tells"), "content": [part("she knows the suspect and is stunned")],
                                "kind": "person", "chain": [], "optional": False}],
              "claims": [], "entities": []}
    (tmp_path / "newsroom.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = evaluate(tmp_path, "all")
    assert result["chains"]["n_all"] == 1 and result["chains"]["accuracy_all"] == 1.0, result["chains"]
