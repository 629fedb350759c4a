"""The corpus command end to end on the demo corpus's copied story (examples 05 and 06):
real ingest, spaCy, MiniLM and SQLite. 06 is a spun copy of 05 with one swapped fact
(the deal's broker Morvania became Talvia)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprobe.cli import main
from newsprobe.corpus.contract import check_corpus_spans, validate_corpus
from newsprobe.corpus.run import run_corpus
from newsprobe.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PAIR = [str(EXAMPLES / "05_grain_deal_original.txt"), str(EXAMPLES / "06_grain_deal_spun.txt")]


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    db = tmp_path_factory.mktemp("corpus") / "np.db"
    return db, run_corpus(PAIR, db)


def _copy(result):
    (copy,) = result["copies"]
    titles = {a["id"]: a["title"] for a in result["articles"]}
    return copy, titles


def test_corpus_finds_the_spun_copy(first_run):
    _, run = first_run
    copy, titles = _copy(run.result)
    assert copy["kind"] == "rewritten"
    assert {titles[copy["source"]], titles[copy["target"]]} == {
        "Karsovia and Estmark agree to resume grain shipments through Port Tessa",
        "Grain consignments via Port Tessa to restart after Karsovia-Estmark accord"}
    assert len(copy["pairs"]) >= 10


def test_corpus_reports_the_swapped_fact_with_both_spans(first_run):
    _, run = first_run
    copy, titles = _copy(run.result)
    swaps = [c for c in copy["changes"] if c["kind"] == "swapped_entity"]
    original_is_source = titles[copy["source"]].startswith("Karsovia and Estmark agree")
    got = {(c["source"]["text"], c["target"]["text"]) for c in swaps}
    assert (("Morvania", "Talvia") if original_is_source else ("Talvia", "Morvania")) in got
    # Reworded quotations are reported as altered quotes (a quotation should be verbatim).
    assert any(c["kind"] == "altered_quote" and "strict but fair" in (c["source"]["text"] + c["target"]["text"])
               for c in copy["changes"])


def test_corpus_output_satisfies_the_contract(first_run):
    db, run = first_run
    validate_corpus(run.result)
    with Store.open(db) as store:
        check_corpus_spans(run.result, lambda i: store.get_analysis(i).text)
        assert store.latest_corpus() == run.result
    assert run.result["stories"][0]["articles"] and len(run.result["stories"]) == 1


def test_corpus_rerun_does_no_new_analysis(first_run):
    db, run = first_run
    assert (run.analysed, run.reused) == (2, 0)
    again = run_corpus(PAIR, db)
    assert (again.analysed, again.reused) == (0, 2)
    assert [k["changes"] for k in again.result["copies"]] == [k["changes"] for k in run.result["copies"]]


def test_corpus_cli_json_and_html(first_run, tmp_path, capsys):
    db, _ = first_run
    assert main(["corpus", *PAIR, "--db", str(db), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["schema"] == "newsprobe.corpus/2"
    assert "0 analysed, 2 reused" in err
    assert main(["corpus", *PAIR, "--db", str(db), "--format", "html", "--out", str(tmp_path)]) == 0
    page = (tmp_path / "corpus.html").read_text(encoding="utf-8")
    assert "<svg" in page and "'>Morvania</mark>" in page and "'>Talvia</mark>" in page
    assert "class='timeline'" in page and "class='pairs'" in page  # laid out as the web story page
    assert "<script" not in page


def test_corpus_html_escapes_text():
    from newsprobe.render.corpus_html import render
    evil = "<script>alert(1)</script>"
    span = {"start": 0, "end": len(evil), "text": evil}
    result = {"schema": "newsprobe.corpus/1", "meta": {"newsprobe": "t"}, "claim_links": [],
              "articles": [{"id": i, "title": evil, "url": None, "outlet": evil, "published": None, "story": "s1"}
                           for i in ("a", "b")],
              "stories": [{"id": "s1", "label": evil, "articles": ["a", "b"], "first_published": None,
                           "last_published": None, "entities": [evil]}],
              "copies": [{"id": "k1", "source": "a", "target": "b", "kind": "verbatim", "direction": "unknown",
                          "evidence": [], "score": 1.0, "features": {}, "pairs": [
                              {"source": span, "target": span, "similarity": 1.0}],
                          "changes": [{"id": "k1.1", "kind": "negation_flip", "source": span, "target": span,
                                       "message": evil}]}]}
    validate_corpus(result)
    assert "<script>" not in render(result)


def test_corpus_a_compressed_page_fails_alone(tmp_path):
    from hostile_pages import gzip_past_the_sniff_window, numbered_page
    from newsprobe.settings import Settings

    bomb = tmp_path / "bomb.html"
    bomb.write_bytes(gzip_past_the_sniff_window(numbered_page(10_000)))
    run = run_corpus([str(bomb), PAIR[0]], tmp_path / "np.db",
                     Settings.load(max_input_bytes=300_000))
    assert [(f.origin, f.code) for f in run.failures] == [(str(bomb), "E009")]
    assert run.analysed == 1 and len(run.result["articles"]) == 1


def test_corpus_a_run_that_analyses_nothing_keeps_the_latest_good_run(first_run, tmp_path):
    db, good = first_run
    with Store.open(db) as store:
        latest = store.latest_run_id()
    empty = run_corpus([str(tmp_path / "missing.txt")], db)
    assert empty.run_id is None and [f.code for f in empty.failures] == ["E007"]
    with Store.open(db) as store:
        assert store.latest_run_id() == latest
        assert len(store.latest_corpus()["articles"]) == 2


def test_corpus_html_marks_a_state_outlet_in_the_timeline():
    from newsprobe.render.corpus_html import render
    result = {"schema": "newsprobe.corpus/1", "meta": {"newsprobe": "t"}, "claim_links": [], "copies": [],
              "articles": [{"id": i, "title": i, "url": None, "outlet": outlet, "published": None, "story": "s1"}
                           for i, outlet in (("a", "tass.com"), ("b", "velmar-post-example.com"))],
              "stories": [{"id": "s1", "label": "x", "articles": ["a", "b"], "first_published": None,
                           "last_published": None, "entities": []}]}
    page = render(result)
    assert page.count(">state-controlled</span>") == 1 and "a prior, not a verdict" in page
