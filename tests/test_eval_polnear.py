"""PolNeAR evaluation: matching and source types on our own hand-made text, and a small
run on the real data (skipped when ../shared/data/polnear is absent)."""

import json

import pytest

from conftest import data_path, needs_data
from newsprobe.errors import NewsprobeError
from newsprobe.eval.metrics import TokenIndex
from newsprobe.eval.polnear import (BASELINES, ROLES, SOURCE_TYPES, evaluate, format_text,
                                    match_quotes, read_split, source_type)

POLNEAR = data_path("polnear")
needs_polnear = needs_data("polnear", "jsonl", "dev.jsonl")


def sp(text: str, part: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return {"start": start, "end": start + len(part), "text": part}


# Our own sentences, written for these tests.
TEXT = ("Mayor Ana Pérez said the bridge will reopen in May. "
        "Officials said repairs cost more than planned. "
        "He added that the budget was fine. officials agree.")


def roles(source=None, content=()):
    return {"cue": [], "source": [source] if source else [], "content": list(content)}


def test_source_type_rules():
    assert source_type(TEXT, []) == "none"
    assert source_type(TEXT, [sp(TEXT, "Mayor Ana Pérez")]) == "named"
    assert source_type(TEXT, [sp(TEXT, "He")]) == "pronoun"
    # sentence-initial "Officials", and "officials" occurs lower-case elsewhere: no name
    assert source_type(TEXT, [sp(TEXT, "Officials")]) == "unnamed_group"
    assert source_type(TEXT, [sp(TEXT, "the budget")]) == "unnamed_group"


def test_match_requires_half_the_content_and_an_overlapping_source():
    index = TokenIndex(TEXT)
    content = sp(TEXT, "the bridge will reopen in May.")
    mayor = sp(TEXT, "Mayor Ana Pérez")
    src = sp(TEXT, "Ana Pérez")
    bridge = sp(TEXT, "the bridge will")   # 3 of 6 gold content tokens: exactly half
    bridge_two = sp(TEXT, "the bridge")     # 2 of 6: too little
    gold = [roles((mayor["start"], mayor["end"]), [(content["start"], content["end"])])]
    ok = roles((src["start"], src["end"]), [(bridge["start"], bridge["end"])])
    short = roles((src["start"], src["end"]), [(bridge_two["start"], bridge_two["end"])])
    no_source = roles(None, [(content["start"], content["end"])])
    assert match_quotes(index, [ok], gold) == {0: 0}
    assert match_quotes(index, [short], gold) == {}
    assert match_quotes(index, [no_source], gold) == {}


def test_match_gold_without_source_wants_no_predicted_source():
    index = TokenIndex(TEXT)
    c = sp(TEXT, "repairs cost more than planned.")
    he = sp(TEXT, "He")
    gold = [roles(None, [(c["start"], c["end"])])]
    assert match_quotes(index, [roles(None, [(c["start"], c["end"])])], gold) == {0: 0}
    assert match_quotes(index, [roles((he["start"], he["end"]), [(c["start"], c["end"])])],
                        gold) == {}


def test_match_is_one_to_one_best_first():
    index = TokenIndex(TEXT)
    whole = sp(TEXT, "repairs cost more than planned.")
    part = sp(TEXT, "repairs cost more")
    o = sp(TEXT, "Officials")
    src = (o["start"], o["end"])
    gold = [roles(src, [(whole["start"], whole["end"])])]
    pred = [roles(src, [(part["start"], part["end"])]), roles(src, [(whole["start"], whole["end"])])]
    assert match_quotes(index, pred, gold) == {0: 1}     # full cover beats 3/5
    assert match_quotes(index, pred, gold + gold) == {0: 1, 1: 0}


def test_missing_folder_and_missing_jsonl(tmp_path):
    with pytest.raises(NewsprobeError) as err:
        read_split(tmp_path / "nope", "dev")
    assert err.value.code == "E011"
    (tmp_path / "dev" / "attributions").mkdir(parents=True)
    with pytest.raises(NewsprobeError, match="BRAT") as err:
        read_split(tmp_path, "dev")
    assert err.value.code == "E011"


def test_format_text_labels_baselines_as_published(tmp_path):
    # A one-article split of our own text with no quotes at all, analysed for real.
    (tmp_path / "jsonl").mkdir()
    (tmp_path / "jsonl" / "dev.jsonl").write_text(
        json.dumps({"id": "t1", "text": "The sky was grey all day.", "quotes": []}) + "\n")
    result = evaluate(tmp_path, "dev")
    assert result["articles"] == 1 and result["counts"]["gold_quotes"] == 0
    text = format_text(result)
    assert "published" in text and all(name in text for name in BASELINES)


@needs_polnear
def test_evaluate_dev_subset_shape_and_ranges():
    result = evaluate(POLNEAR, "dev", limit=3)
    assert result["split"] == "dev" and result["articles"] == 3
    assert result["counts"]["gold_quotes"] > 0
    for role in ROLES:
        for kind in ("exact", "overlap"):
            assert set(result[role][kind]) == {"p", "r", "f1"}
            assert all(0.0 <= v <= 1.0 for v in result[role][kind].values())
    assert set(result["attribution"]) == {"p", "r", "f1"}
    assert all(0.0 <= v <= 1.0 for v in result["attribution"].values())
    assert set(result["recall_by_source_type"]) == set(SOURCE_TYPES)
    assert all(0.0 <= v["r"] <= 1.0 for v in result["recall_by_source_type"].values())
    assert sum(v["gold"] for v in result["recall_by_source_type"].values()) \
        == result["counts"]["gold_quotes"]
    assert result["baseline"] == BASELINES
    assert result["seconds"] >= 0
    json.dumps(result)
    assert "PolNeAR dev" in format_text(result)
