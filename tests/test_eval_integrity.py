"""The integrity benchmark: injectors on a hand-written article, and the evaluation on a
small subset of the extraction gold when ../shared/data is there."""

from __future__ import annotations

import random

import pytest

from conftest import data_path, needs_data
from newsprobe import analyze
from newsprobe.errors import NewsprobeError
from newsprobe.eval import integrity as integrity_eval
from newsprobe.eval.integrity_defects import INJECTORS, misspell
from newsprobe.layers.integrity_consistency import translit_key
from newsprobe.parse import load_pipeline

DATA = data_path("extraction")

ARTICLE = (
    "Nordstal will cut 300 jobs at its Velm steelworks, the company said on Monday. The "
    "decision follows months of talks with the unions about the future of the plant.\n\n"
    "“We will not accept the closure of this plant under any circumstances,” said Mayor "
    "Ilse Marnow, who has led the town for six years.\n\n"
    "Marnow met the union leaders on Tuesday. They asked the regional government for help "
    "with the retraining of the workers.\n\n"
    "The union said the plan to cut 300 jobs at the Velm steelworks would empty the valley."
)


@pytest.fixture(scope="module")
def clean():
    analysis = analyze(ARTICLE)
    doc = load_pipeline(None)(ARTICLE)
    return doc, analysis


@pytest.mark.parametrize("kind", list(INJECTORS))
def test_injected_defect_is_found_where_it_was_put(clean, kind):
    doc, analysis = clean
    defect = INJECTORS[kind](ARTICLE, doc, analysis, random.Random(f"test:{kind}"))
    assert defect is not None and defect.kind == kind
    assert defect.text != ARTICLE
    damaged = analyze(defect.text)
    hits = [f for f in damaged.integrity if f["severity"] == "warning" and f["kind"] == kind
            and any(s["start"] < e and b < s["end"] for s in f["spans"] for b, e in defect.spans)]
    assert hits, (kind, defect.text)


def test_misspell_keeps_the_first_letter_and_is_no_transliteration():
    for seed in range(20):
        typo = misspell("Kowalczyk", random.Random(seed))
        assert typo[0] == "K" and typo != "Kowalczyk"
        assert translit_key(typo) != translit_key("Kowalczyk")


def test_unknown_split_is_an_error(tmp_path):
    (tmp_path / "ground-truth.json").write_text('{"a": {"articleBody": "x", "url": null}}')
    with pytest.raises(NewsprobeError) as err:
        integrity_eval.read_bodies(tmp_path, "test")
    assert err.value.code == "E011"


@needs_data("extraction", "ground-truth.json")
def test_eval_integrity_on_a_small_subset():
    result = integrity_eval.evaluate(DATA, "dev", limit=3)
    assert result["articles"] + result["skipped_not_english"] == 3
    assert set(result["kinds"]) == set(INJECTORS)
    for k in result["kinds"].values():
        assert 0.0 <= k["recall"] <= 1.0 and 0.0 <= k["precision"] <= 1.0
    assert "false_alarms_per_article" in result and "recall" in result
    assert "Integrity benchmark" in integrity_eval.format_text(result)
