"""`newsprobe eval factuality-news`: the CoNLL reader, the scale map and the metrics, an
end-to-end run on CoNLL files written here (real spaCy parses, real commitment layer), and
a run on the first MEANTIME and UW sentences (skipped when the data is absent)."""

from __future__ import annotations

import pytest

from conftest import data_path, needs_data
from newsprobe.errors import NewsprobeError
from newsprobe.eval import factuality_news

DATA = data_path("factuality-news")

# Own sentences, one event each: happened (+3) or not (-3, 0).
SENTENCES = [
    ("The army entered the town on Monday .", 2, 3.0),
    ("The army did not enter the town .", 4, -3.0),
    ("The army may enter the town next week .", 3, 0.0),
    ("Police arrested two men after the match .", 1, 3.0),
    ("Police will arrest the men if they return .", 2, 0.0),
    ("The mayor opened the new bridge .", 2, 3.0),
    ("The mayor never opened the bridge .", 3, -3.0),
    ("The company sold its plant in May .", 2, 3.0),
]


def conll(rows) -> str:
    out = []
    for text, event, value in rows:
        for i, word in enumerate(text.split()):
            out.append(f"{i}\t{word}\t{value if i == event else '_'}\tX\t0\tdep\t{word.lower()}")
        out.append("")
    return "\n".join(out) + "\n"


@pytest.fixture()
def tiny_data(tmp_path):
    for corpus in factuality_news.CORPORA:
        (tmp_path / corpus).mkdir()
        (tmp_path / corpus / "train.conll").write_text(conll(SENTENCES), encoding="utf-8")
        (tmp_path / corpus / "dev.conll").write_text(conll(SENTENCES[::-1]), encoding="utf-8")
    return tmp_path


def test_the_reader_keeps_words_and_event_values(tmp_path):
    path = tmp_path / "x.conll"
    path.write_text(conll(SENTENCES[:2]), encoding="utf-8")
    sentences = factuality_news.read_conll(path)
    assert [s["events"] for s in sentences] == [[(2, 3.0)], [(4, -3.0)]]
    assert sentences[1]["words"][3] == "not"
    assert len(factuality_news.read_conll(path, limit=1)) == 1


def test_bad_files_are_coded_errors(tmp_path):
    with pytest.raises(NewsprobeError) as err:
        factuality_news.read_conll(tmp_path / "none.conll")
    assert err.value.code == "E011"
    (tmp_path / "bad.conll").write_text("0\tword\t3.0\tNN\n", encoding="utf-8")
    with pytest.raises(NewsprobeError, match="columns") as err:
        factuality_news.read_conll(tmp_path / "bad.conll")
    assert err.value.code == "E011"
    with pytest.raises(NewsprobeError) as err:
        factuality_news.evaluate(tmp_path, "dev")
    assert err.value.code == "E011"


def test_the_scale_map_is_monotone_and_bounded():
    scale = factuality_news.fit_scale([0.0, 0.1, 0.8, 0.9, 1.0], [-3.0, 0.0, 2.0, 3.0, 3.0])
    out = scale.predict([-1.0, 0.0, 0.5, 0.95, 2.0]).tolist()
    assert out == sorted(out) and -3.0 <= out[0] and out[-1] <= 3.0


def test_metrics():
    s = factuality_news.regression_scores([3.0, -3.0, 0.0], [3.0, -3.0, 0.0])
    assert s == {"pearson_r": 1.0, "mae": 0.0}
    assert factuality_news.regression_scores([3.0, -3.0], [3.0, 3.0])["pearson_r"] is None
    assert factuality_news.sign_accuracy([3.0, -3.0, 0.0, 1.5], [1.0, 0.0, 1.0, 0.0]) == 0.5


def test_the_product_tells_events_that_happened_from_those_that_did_not(tiny_data):
    r = factuality_news.evaluate(tiny_data, "dev")
    for corpus in factuality_news.CORPORA:
        c = r[corpus]
        assert c["events"] == 8 and c["train_events"] == 8
        # negation, modality, future and condition are hard cues of the commitment layer
        assert c["sign_accuracy"] == 1.0 and c["baseline"]["all_plus_3"]["sign_accuracy"] == 0.5
        assert c["pearson_r"] > 0.8 and c["mae"] < c["baseline"]["all_plus_3"]["mae"]
    assert "MEANTIME" in factuality_news.format_text(r)


@needs_data("factuality-news", "uw", "dev.conll")
def test_eval_on_the_first_sentences_of_each_corpus():
    r = factuality_news.evaluate(DATA, "dev", limit=15)
    assert r["scale_fitted_on"] == "train"
    for corpus in factuality_news.CORPORA:
        c = r[corpus]
        assert c["sentences"] == 15 and c["train_sentences"] == 15 and c["events"] > 15
        assert 0.5 < c["sign_accuracy"] <= 1.0 and 0.0 < c["mae"] < 3.0
        assert c["baseline"]["all_plus_3"]["pearson_r"] is None
