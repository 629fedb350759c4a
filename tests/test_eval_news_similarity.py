"""The news-similarity eval: its metrics on hand-made numbers, the story pair score on
texts written for this test, and a small real run (skipped without
../shared/data/news-similarity)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsprobe.eval.news_similarity import pair_scores, pearson, same_story

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news-similarity"


def test_pearson_and_same_story_on_known_numbers():
    assert pearson(np.array([1.0, 2.0, 3.0]), np.array([3.0, 2.0, 1.0])) == -1.0
    assert pearson(np.array([1.0, 1.0, 1.0]), np.array([3.0, 2.0, 1.0])) is None
    row = same_story(np.array([True, True, False, False]), np.array([True, False, True, False]))
    assert (row["precision"], row["recall"], row["gold"], row["predicted"]) == (0.5, 0.5, 2, 2)


def test_pair_scores_rank_a_report_of_the_same_event_above_another_event():
    texts = ["Oksana Zadorna did not buy a Lamborghini Revuelto for 3.2 million euros in Monaco.",
             "Oksana Sadorna hat keinen Lamborghini Revuelto für 3,2 Millionen Euro in Monaco gekauft.",
             "Heavy rain flooded the Kessel valley on Sunday; 300 homes were evacuated.",
             "The Nordstal steel group doubled its profit in the third quarter."]
    # Orthogonal vectors: only the anchors (names, numbers) can tell the pairs apart.
    scores = pair_scores(texts, np.array([0, 0, 2]), np.array([1, 2, 3]), np.eye(4, dtype=np.float32))
    assert scores[0] > 0.5 and scores[0] > scores[1] and scores[0] > scores[2]


@pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data/news-similarity not present")
def test_small_real_run():
    from newsprobe.eval.news_similarity import evaluate, format_text

    result = evaluate(DATA, limit=30)
    assert result["pairs"] == 30
    assert result["pearson_overall"]["story"] is not None
    assert "Pearson" in format_text(result)
