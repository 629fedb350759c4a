"""quotes-ggt evaluation: matching and speaker scoring on our own gold, and a two-article
run on the real data (skipped when ../shared/data/quotes-ggt is absent)."""

from pathlib import Path

import pytest

from newsprobe.errors import NewsprobeError
from newsprobe.eval.quotes_ggt import evaluate, format_text, read_articles, score

DATA = (Path(__file__).parents[1] / ".." / "shared" / "data" / "quotes-ggt").resolve()

# Our own sentence: "The bridge will reopen in May," Mayor Ana Perez said.
TEXT = '"The bridge will reopen in May," Mayor Ana Perez said.'
QUOTE = (1, 30)


def gold(reference="Ana Perez"):
    return [{"quote_start": QUOTE[0], "quote_end": QUOTE[1], "reference": reference, "speaker": "Mayor Ana Perez",
             "align": {"quote": "exact"}}]


def pred(name, start=1, end=30):
    return [{"content": [{"start": start, "end": end}], "speaker": {"name": name}}]


def test_a_quote_covering_the_gold_span_with_the_right_speaker_counts():
    assert score(gold(), pred("Perez")) == {"gold": 1, "pred": 1, "matched": 1, "speaker_right": 1}


def test_a_wrong_or_unresolved_speaker_is_matched_but_wrong():
    assert score(gold(), pred("Tom Hale"))["speaker_right"] == 0
    assert score(gold(), pred("she"))["speaker_right"] == 0


def test_a_quote_covering_too_little_does_not_match():
    assert score(gold(), pred("Perez", 1, 6))["matched"] == 0


def test_missing_data_is_a_coded_error(tmp_path):
    with pytest.raises(NewsprobeError) as err:
        read_articles(tmp_path)
    assert err.value.code == "E011"


@pytest.mark.skipif(not (DATA / "quotes.jsonl").is_file(), reason=f"quotes-ggt data not found at {DATA}")
def test_two_articles_run_end_to_end():
    result = evaluate(DATA, limit=2)
    assert result["articles"] == 2 and 0 <= result["ours"]["speaker_accuracy"] <= 1
    assert "speaker accuracy" in format_text(result)
