"""The story-dev evaluation: restricting the gold to one part, and a real run on a small
part (skipped without ../shared/data/story-dev)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprobe.errors import NewsprobeError
from newsprobe.eval.story_dev import restrict_gold, split_ids

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "story-dev"

GOLD = {
    "stories": [["a1", "a2", "b1"], ["c1"]],
    "story_labels": ["A_one", "C_other"],
    "coarse_merge": [["A_one", "C_other"]],
    "copies": [["a1", "a2", "rewritten"], ["a1", "b1", "translated"]],
    "copy_details": [{"a": "a1", "b": "a2"}, {"a": "a1", "b": "b1"}],
    "quote_variants": [["a1", "a2", "x", "y"]],
    "quote_variant_details": [{"a": "a1", "b": "a2", "alt_a": []}],
    "meaning_changes": [["a1", "a2", "changed_number", "d"], ["b1", "a2", "hedge_dropped", "d"]],
    "meaning_change_details": [{"a": "a1", "b": "a2", "alt_a": []},
                               {"a": "b1", "b": "a2", "alt_a": ["a1"]}],
}


def test_restrict_gold_keeps_pairs_with_both_docs_and_falls_back_to_alternatives():
    part = restrict_gold(GOLD, {"a1", "a2"})
    assert part["stories"] == [["a1", "a2"]] and part["story_labels"] == ["A_one"]
    assert part["coarse_merge"] == []
    assert part["copies"] == [["a1", "a2", "rewritten"]]
    assert [c["b"] for c in part["copy_details"]] == ["a2"]
    # b1 is gone, so the second change is counted against its alternative reference a1
    assert [(m["a"], m["b"]) for m in part["meaning_change_details"]] == [("a1", "a2"), ("a1", "a2")]
    assert len(part["quote_variant_details"]) == 1


def test_restrict_gold_drops_a_change_whose_references_are_all_outside():
    part = restrict_gold(GOLD, {"b1", "c1"})
    assert part["copies"] == [] and part["meaning_change_details"] == []
    assert part["stories"] == [["b1"], ["c1"]]


def test_unknown_split_is_a_coded_error(tmp_path):
    with pytest.raises(NewsprobeError) as err:
        split_ids(tmp_path, "validation")
    assert err.value.code == "E011"


@pytest.mark.data
@pytest.mark.skipif(not (DATA / "score.py").is_file(), reason="../shared/data/story-dev not present")
def test_eval_story_dev_small_part_runs_the_scorer():
    from newsprobe.eval.story_dev import evaluate, format_text
    result = evaluate(DATA, "dev", limit=6)
    assert result["docs"] == 6
    assert 0.0 <= result["stories"]["bcubed_f"] <= 1.0
    assert "tfidf_single_link" in result["baseline"]
    assert 0.0 <= result["changes"]["share_on_non_copies"] <= 1.0
    assert "story-dev" in format_text(result)


def test_gold_origins_come_from_the_outlet_the_family_source_names():
    from newsprobe.eval.story_dev import gold_origins

    gold = {"copy_families": {
        "A": {"source": "Kessel Courier report, 3 Mar", "members": ["1", "2", "3"]},
        "B": {"source": "Orsa Daily fact check (original not in the corpus)", "members": ["4", "5"]},
        "C": {"source": "Wire agency text", "members": ["6", "7"]},
        "D": {"source": "Valley News", "members": ["8", "9"]}}}
    manifest = [{"id": "1", "outlet": "copysite.example"}, {"id": "2", "outlet": "www.kesselcourier.example"},
                {"id": "3", "outlet": "blog.example"}, {"id": "4", "outlet": "orsadaily.example"},
                {"id": "5", "outlet": "x.example"}, {"id": "6", "outlet": "y.example"},
                {"id": "7", "outlet": "z.example"}, {"id": "8", "outlet": "valleynews.example"},
                {"id": "9", "outlet": "valleynews.example"}]
    keep = {str(i) for i in range(1, 10)}
    # A: the one member named; B: said to be absent; C: none named; D: two named.
    assert gold_origins(gold, manifest, keep) == {"A": "2"}
    assert gold_origins(gold, manifest, keep - {"1", "3"}) == {}  # one member left: no family
