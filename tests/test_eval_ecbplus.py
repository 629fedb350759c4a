"""The ECB+ eval: the TF-IDF single-link baseline on hand-written texts (its threshold
chosen on the train part only), and a one-topic real run (skipped without
../shared/data/ecbplus)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsprobe.errors import NewsprobeError
from newsprobe.eval.ecbplus import baseline, single_link

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "ecbplus"


def test_single_link_joins_through_a_chain():
    rows = np.array([[1.0, 0.0], [0.8, 0.6], [0.0, 1.0]], dtype=np.float32)
    # 0-1 at 0.8 and 1-2 at 0.6: a chain at 0.6 joins all three, at 0.7 only the first two.
    assert single_link(rows, 0.6) == [0, 0, 0]
    labels = single_link(rows, 0.7)
    assert labels[0] == labels[1] != labels[2]


def test_baseline_threshold_comes_from_the_train_part():
    texts = ["quake hits coastal town of Velmo", "Velmo quake toll rises in coastal town",
             "singer enters rehab clinic in Lindholm", "Lindholm rehab clinic admits singer",
             "quake strikes Tessa port at dawn", "Tessa port quake at dawn kills two"]
    gold = ["q1", "q1", "r1", "r1", "q2", "q2"]
    result = baseline(texts, gold, train=[0, 1, 2, 3], scored=[4, 5])
    assert 0.1 <= result["threshold"] <= 0.9 and result["train_bcubed_f"] == 1.0
    assert result["bcubed_f"] == 1.0


@pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data/ecbplus not present")
def test_one_topic_real_run_and_a_bad_split():
    from newsprobe.eval.ecbplus import evaluate, format_text

    with pytest.raises(NewsprobeError):
        evaluate(DATA, split="test")
    result = evaluate(DATA, split="dev", limit=25)
    assert result["documents"] > 0 and 0.0 <= result["bcubed_f"] <= 1.0
    assert "baseline" in format_text(result)
