"""quotes-ggt evaluation: matching and speaker scoring on our own gold, and a two-article
run on the real data (skipped when ../shared/data/quotes-ggt is absent)."""

from pathlib import Path

import pytest

from newsprobe.errors import NewsprobeError
from newsprobe.eval.quotes_ggt import by_span, evaluate, format_text, read_articles, score, split_rows

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


def test_by_span_lets_each_fragment_of_one_quote_meet_its_own_gold_span():
    # Our own text: "We will reopen," Ana Perez said. "The repairs are done."
    two_gold = [{"quote_start": 1, "quote_end": 15, "reference": "Ana Perez", "align": {"quote": "exact"}},
                {"quote_start": 34, "quote_end": 55, "reference": "Ana Perez", "align": {"quote": "exact"}}]
    one_quote = [{"content": [{"start": 1, "end": 15}, {"start": 34, "end": 55}], "speaker": {"name": "Ana Perez"}}]
    assert score(two_gold, one_quote)["matched"] == 1
    assert score(two_gold, by_span(one_quote)) == {"gold": 2, "pred": 2, "matched": 2, "speaker_right": 2}


def test_the_even_and_odd_halves_split_the_articles_by_position_without_overlap():
    rows = [{"article_id": f"a{i}"} for i in range(5)]
    even, odd = split_rows(rows, "even"), split_rows(rows, "odd")
    assert [r["article_id"] for r in even] == ["a0", "a2", "a4"]
    assert [r["article_id"] for r in odd] == ["a1", "a3"]
    assert split_rows(rows, "all") == rows
    with pytest.raises(NewsprobeError):
        split_rows(rows, "dev")
