"""Exports: ClaimReview drafts and CSV tables from analyses and from a store. Articles are ours."""

import csv
import io
import json

import pytest

from newsprobe import analyze
from newsprobe.cli import main
from newsprobe.errors import NewsprobeError
from newsprobe.export import (
    CLAIM_COLUMNS, claim_rows, claimreview_drafts, quote_rows, read_analyses, spreadsheet_safe,
    write_csv,
)
from newsprobe.model import Article

TEXT = ("Harbour workers in Velmar walked out on Monday.\n\n"
        "\"The port lost 12 million euros in a week,\" said Anna Berg, the harbour director.\n\n"
        "The council has approved a new tax of 4 percent on every container.\n")


@pytest.fixture(scope="module")
def analysis():
    return analyze(Article(text=TEXT, url="https://news.example/velmar", outlet="Velmar Post",
                           published="2025-02-03"))


def test_drafts_name_the_claimant_where_and_when_and_leave_the_rating_empty(analysis):
    drafts = list(claimreview_drafts([analysis]))
    assert len(drafts) == len(analysis.claims) > 0
    by_text = {d["claimReviewed"]: d for d in drafts}
    quoted = next(d for t, d in by_text.items() if "12 million" in t)
    assert quoted["itemReviewed"]["author"] == {"@type": "Person", "name": "Anna Berg"}
    stated = next(d for t, d in by_text.items() if "4 percent" in t)
    assert stated["itemReviewed"]["author"] == {"@type": "Organization", "name": "Velmar Post"}
    for d in drafts:
        assert d["itemReviewed"]["firstAppearance"]["url"] == "https://news.example/velmar"
        assert d["itemReviewed"]["datePublished"] == "2025-02-03"
        assert d["reviewRating"]["alternateName"] == ""
        assert d["identifier"].startswith(analysis.id + "#")


def test_claim_and_quote_rows_carry_the_article_and_the_evidence(analysis):
    claims = list(claim_rows([analysis]))
    assert {r["text"] for r in claims} == {c["text"] for c in analysis.claims}
    quotes = list(quote_rows([analysis]))
    assert any(r["speaker"] == "Anna Berg" and "12 million" in r["content"] for r in quotes)
    assert all(r["article"] == analysis.id and r["outlet"] == "Velmar Post" for r in quotes)


def test_csv_cells_that_a_spreadsheet_would_run_are_escaped():
    out = io.StringIO()
    write_csv([{"article": "a", "text": "=HYPERLINK(\"http://evil.example\")", "status": "-1+2"}],
              CLAIM_COLUMNS, out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["text"].startswith("'=") and row["status"] == "'-1+2"
    assert spreadsheet_safe(3) == 3 and spreadsheet_safe("plain") == "plain"


def test_export_cli_from_analysis_files_and_from_a_store(tmp_path, capsys):
    article = tmp_path / "velmar.txt"
    article.write_text(TEXT, encoding="utf-8")
    as_json = tmp_path / "a.json"
    assert main(["analyze", str(article), "--format", "json", "--out", str(tmp_path / "out")]) == 0
    [written] = (tmp_path / "out").glob("*.json")
    as_json.write_text(written.read_text("utf-8"), encoding="utf-8")
    capsys.readouterr()
    assert main(["export", "claimreview", str(as_json)]) == 0
    drafts = json.loads(capsys.readouterr().out)
    assert drafts and all(d["@type"] == "ClaimReview" for d in drafts)

    db = tmp_path / "store.db"
    assert main(["corpus", str(article), "--db", str(db), "--format", "json",
                 "--out", str(tmp_path / "c")]) == 0
    for what, column in (("claims", "claim_id"), ("quotes", "speaker"), ("stories", "story_id")):
        target = tmp_path / f"{what}.csv"
        assert main(["export", what, "--db", str(db), "--out", str(target)]) == 0
        rows = list(csv.DictReader(target.open(encoding="utf-8")))
        assert rows and column in rows[0], what


def test_export_refuses_a_missing_store_and_non_analysis_files(tmp_path, capsys):
    assert main(["export", "claims", "--db", str(tmp_path / "none.db")]) == 2
    assert "E020" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "something/else"}', encoding="utf-8")
    with pytest.raises(NewsprobeError) as err:
        list(read_analyses([str(bad)]))
    assert err.value.code == "E041" and str(bad) in str(err.value)
