"""The WikiRef220 story evaluation: metrics on hand-made labels, and a small real run
(skipped without ../shared/data)."""

from __future__ import annotations



from conftest import data_path, needs_data
from newsprobe.eval.stories import bcubed, evaluate, format_text, gold_label

DATA = data_path("stories")


def test_gold_label_strips_the_trailing_number():
    assert gold_label("ParisAttacks2015 (12)") == "ParisAttacks2015"
    assert gold_label("greek.elections.113") == "greek.elections"
    assert gold_label("NBA.draft.2") == "NBA.draft"


def test_bcubed_perfect_and_lumped():
    gold = ["a", "a", "b", "b"]
    assert bcubed([0, 0, 1, 1], gold)["bcubed_f"] == 1.0
    lumped = bcubed([0, 0, 0, 0], gold)
    assert lumped["recall"] == 1.0 and lumped["precision"] == 0.5


@needs_data("stories", "wikiref220")
def test_eval_stories_small_subset_runs_with_baseline():
    result = evaluate(DATA, "all", limit=24)
    assert 0.0 <= result["bcubed_f"] <= 1.0 and -1.0 <= result["ari"] <= 1.0
    assert "tfidf" in result["baseline"] and result["clusters"] >= 1
    assert 0.0 <= result["event_level"]["bcubed_f"] <= 1.0  # the shipped grouping, same split
    assert "BCubed F" in format_text(result) and "event-level" in format_text(result)


def test_threshold_is_the_middle_of_the_widest_tied_run_not_its_edge():
    from newsprobe.eval.stories import plateau_choice
    grid = {0.2: 0.90, 0.25: 0.95, 0.3: 0.95, 0.35: 0.95, 0.4: 0.80, 0.45: 0.95}
    assert plateau_choice(grid) == (0.3, 3)
