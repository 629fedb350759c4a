"""Article text is untrusted. An article full of <script>, javascript: links and onerror
attributes, in its text, title, outlet, url and quotes, must come out as text on every
page that shows it: no element, attribute or link of its making."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from newsprobe.web import WebConfig, create_app  # noqa: E402

EVIL_TEXT = (
    'Ministers met in Wrenport <script>alert("text")</script> on Monday to discuss the harbour.\n\n'
    '"The plan <img src=x onerror="alert(1)"> will bring jobs," said Mayor Ida Quell. '
    'Details were posted at <a href="javascript:alert(2)">the council site</a> on Tuesday.\n\n'
    'Critics said the plan <svg onload=alert(3)> was rushed and the budget of 40 million pounds '
    'was <iframe src="javascript:alert(4)"></iframe> too high.\n'
)
EVIL_TITLE = '<script>alert("title")</script> Harbour <img src=x onerror=alert(5)> plan'


def evil_records() -> list[dict]:
    first = {"id": "evil-1", "title": EVIL_TITLE, "url": "javascript:alert(6)",
             "outlet": '<img src=x onerror="alert(7)">', "published": "2026-04-01", "text": EVIL_TEXT}
    # A copy with one place swapped, so that the story page shows a changed sentence pair.
    second = dict(first, id="evil-2", published="2026-04-02", text=EVIL_TEXT.replace("Wrenport", "Daleport"))
    return [first, second]


class Elements(HTMLParser):
    """Every start tag with its attributes, and the page's visible text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def assert_inert(html: str, where: str) -> str:
    parser = Elements()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag not in ("img", "iframe", "object", "embed"), f"{where}: <{tag}> from article text"
        if tag == "script":
            assert attrs.get("src") == "/static/app.js", f"{where}: a script that is not ours"
        if tag == "svg":
            assert attrs.get("class") == "copy-graph", f"{where}: an <svg> from article text"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"{where}: event handler {name} on <{tag}>"
            if name in ("href", "src", "action", "formaction"):
                assert not (value or "").strip().lower().startswith("javascript:"), f"{where}: {name}={value}"
    return "".join(parser.text)


@pytest.fixture(scope="module")
def evil(tmp_path_factory):
    from newsprobe.corpus.run import run_corpus

    folder = tmp_path_factory.mktemp("evil")
    feed = folder / "evil.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in evil_records()), encoding="utf-8")
    db = folder / "evil.db"
    run = run_corpus([str(feed)], db)
    assert not run.failures
    return TestClient(create_app(WebConfig(db=db)), base_url="http://127.0.0.1")


def test_the_article_page_shows_the_markup_as_text(evil):
    text = assert_inert(evil.get("/article/evil-1").text, "article page")
    assert '<script>alert("text")</script>' in text
    assert '<img src=x onerror="alert(1)">' in text and EVIL_TITLE in text
    assert "javascript:alert(6)" in text  # the url, shown but not a link


def test_search_results_show_the_markup_as_text(evil):
    for kind, query in (("articles", "script"), ("quotes", "jobs"), ("claims", "budget"), ("articles", "")):
        page = evil.get("/search", params={"q": query, "kind": kind}).text
        assert_inert(page, f"search {kind} {query!r}")
    assert "onerror" in assert_inert(evil.get("/search", params={"q": "onerror"}).text, "search")


def test_the_story_page_shows_the_markup_as_text(evil):
    stories = evil.get("/api/article/evil-1").json()["stories"]
    assert stories, "the two evil articles should form a story"
    page = evil.get(f"/story/{stories[0]['id']}").text
    text = assert_inert(page, "story page")
    assert EVIL_TITLE in text
    assert "Daleport" in page  # the changed sentence pair is there


def test_speaker_and_corpus_pages_show_the_markup_as_text(evil):
    assert_inert(evil.get("/").text, "corpus page")
    speakers = {q["speaker"]["name"] for q in evil.get("/api/article/evil-1").json()["article"]["quotes"]}
    assert speakers
    for name in speakers:
        assert_inert(evil.get(f"/speaker/{name}").text, f"speaker page of {name!r}")


def test_error_pages_escape_what_the_request_said(evil):
    page = evil.get("/article/<script>alert(8)</script>", headers={"accept": "text/html"})
    assert page.status_code == 404
    assert "<script>alert(8)" in assert_inert(page.text, "error page")


def test_json_twins_are_served_as_json_not_html(evil):
    response = evil.get("/article/evil-1.json")
    assert response.headers["content-type"] == "application/json"
    assert response.json()["article"]["title"] == EVIL_TITLE
