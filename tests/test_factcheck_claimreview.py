"""ClaimReview in (every published shape) and out (drafts). The reviews are our own inventions."""

import json

import pytest

from newsprobe.cli import main
from newsprobe.errors import NewsprobeError
from newsprobe.factcheck import read_any
from newsprobe.factcheck.claimreview import draft_claimreview, verdict

REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://checkers.example/harbour-tax",
    "datePublished": "2025-02-11",
    "claimReviewed": "The Velmar harbour tax tripled the price of bread in one month.",
    "author": {"@type": "Organization", "name": "Velmar Fact Desk"},
    "itemReviewed": {"@type": "Claim", "datePublished": "2025-02-03",
                     "author": {"@type": "Person", "name": "Ostrid Kalm"}},
    "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
                     "alternateName": "False"},
}


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_one_claimreview_keeps_claim_verdict_reviewer_claimant_and_dates(tmp_path):
    [record] = read_any(_write(tmp_path, "one.json", REVIEW))
    assert record.claim == REVIEW["claimReviewed"]
    assert record.rating == "False"
    assert record.reviewer == "Velmar Fact Desk"
    assert record.claimant == "Ostrid Kalm"
    assert record.date == "2025-02-11"
    assert record.url == "https://checkers.example/harbour-tax"


def test_lists_graphs_feeds_and_fact_check_tools_shapes_are_all_read(tmp_path):
    second = {**REVIEW, "claimReviewed": "Bread prices fell after the tax.",
              "reviewRating": {"ratingValue": "4", "bestRating": "5", "worstRating": "1"}}
    shapes = {
        "list.json": [REVIEW, second],
        "graph.jsonld": {"@context": "https://schema.org",
                         "@graph": [{"@type": "WebPage", "name": "x"}, REVIEW, second]},
        "feed.json": {"@type": "DataFeed",
                      "dataFeedElement": [{"@type": "DataFeedItem", "item": [REVIEW]},
                                          {"@type": "DataFeedItem", "item": second}]},
        "tools.json": {"claims": [
            {"text": REVIEW["claimReviewed"], "claimant": "Ostrid Kalm", "claimDate": "2025-02-03",
             "claimReview": [{"publisher": {"name": "Velmar Fact Desk", "site": "checkers.example"},
                              "url": REVIEW["url"], "title": "Did the tax triple bread prices?",
                              "reviewDate": "2025-02-11", "textualRating": "False"}]},
            {"text": "Bread prices fell after the tax.", "claimReview": [
                {"publisher": {"name": "Other Desk"}, "textualRating": "Mostly true"}]}]},
    }
    for name, data in shapes.items():
        records = list(read_any(_write(tmp_path, name, data)))
        assert [r.claim for r in records] == [REVIEW["claimReviewed"], "Bread prices fell after the tax."], name
        assert records[0].rating == "False" and records[0].reviewer == "Velmar Fact Desk", name
    # A rating given only as a number keeps its scale, so 4 of 1-5 is not read as a verdict word.
    assert list(read_any(_write(tmp_path, "n.json", second)))[0].rating == "4 of 1-5"


def test_claimreview_in_a_fact_checkers_page_is_read_from_its_json_ld(tmp_path):
    page = ("<html><head><script type='application/ld+json'>{not json</script>"
            f'<script type="application/ld+json">{json.dumps(REVIEW)}</script></head>'
            "<body><p>Our verdict.</p></body></html>")
    [record] = read_any(_write(tmp_path, "page.html", page))
    assert record.reviewer == "Velmar Fact Desk"


def test_a_file_without_claimreview_is_a_coded_error_naming_it(tmp_path):
    path = _write(tmp_path, "empty.json", {"@type": "NewsArticle", "headline": "x"})
    with pytest.raises(NewsprobeError) as err:
        list(read_any(path))
    assert err.value.code == "E040" and str(path) in str(err.value)
    broken = _write(tmp_path, "broken.json", "{")
    with pytest.raises(NewsprobeError) as err:
        list(read_any(broken))
    assert err.value.code == "E040"


def test_verdict_prefers_words_then_a_number_on_its_scale():
    assert verdict({"alternateName": "Missing context", "ratingValue": 2}) == "Missing context"
    assert verdict({"ratingValue": 2, "worstRating": 1, "bestRating": 5}) == "2 of 1-5"
    assert verdict(None) == ""


def test_a_draft_leaves_the_rating_to_the_checker():
    draft = draft_claimreview({"text": "Bread costs three times more."}, claimant="Ostrid Kalm",
                              claimant_type="Person", url="https://news.example/a", date="2025-02-03")
    assert draft["@type"] == "ClaimReview" and draft["claimReviewed"] == "Bread costs three times more."
    assert draft["itemReviewed"]["author"] == {"@type": "Person", "name": "Ostrid Kalm"}
    assert draft["itemReviewed"]["firstAppearance"]["url"] == "https://news.example/a"
    assert draft["reviewRating"]["alternateName"] == "" and draft["reviewRating"]["ratingValue"] == ""


def test_round_trip_build_from_claimreview_match_a_claim_and_show_the_reviewer(tmp_path, capsys):
    index = tmp_path / "idx"
    assert main(["factcheck", "build", str(_write(tmp_path, "r.json", [REVIEW])),
                 "--out", str(index)]) == 0
    article = _write(tmp_path, "a.txt",
                     "Velmar bakers are angry.\n\nThe new harbour tax tripled the price of bread "
                     "in a single month, Ostrid Kalm said on Tuesday.\n")
    capsys.readouterr()
    assert main(["analyze", str(article), "--factchecks", str(index), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    matches = [f for c in result["claims"] for f in c["factchecks"]]
    assert matches and matches[0]["reviewer"] == "Velmar Fact Desk" and matches[0]["rating"] == "False"
    assert main(["analyze", str(article), "--factchecks", str(index)]) == 0
    text = capsys.readouterr().out
    assert "FALSE by Velmar Fact Desk" in " ".join(text.split())
    assert "✓" not in text
