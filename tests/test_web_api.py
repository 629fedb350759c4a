"""The HTTP API and pages of `newsprobe serve`, called in-process (FastAPI's TestClient)
against a real store: the demo corpus analysed and run through the corpus stage."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from newsprobe.cli import build_parser  # noqa: E402
from newsprobe.corpus.contract import check_corpus_spans, validate_corpus  # noqa: E402
from newsprobe.schema import check_spans, validate_article  # noqa: E402
from newsprobe.store import Store  # noqa: E402
from newsprobe.web import WebConfig, create_app  # noqa: E402
from newsprobe.web.safety import CSP, is_loopback  # noqa: E402
from web_support import COPY_TITLE, ORIGINAL_TITLE, article_id_by_title, demo_store  # noqa: E402

ARTICLE = ("Harbour plan approved\n\n"
           "The Wrenport council approved a new harbour plan on Monday. \"This will bring jobs back "
           "to the waterfront,\" said Mayor Ida Quell. Critics said the plan was rushed.\n")


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    return demo_store(tmp_path_factory)


@pytest.fixture(scope="module")
def client(demo_db):
    # As served on loopback (the Host allow-list refuses TestClient's "testserver"); run
    # with its lifespan, so that the analysis workers stop with the module.
    with TestClient(create_app(WebConfig(db=demo_db)), base_url="http://127.0.0.1") as client:
        yield client


@pytest.fixture()
def fresh(tmp_path):
    """A client over an empty store of its own, for writes; a 2 kB body limit."""
    with TestClient(create_app(WebConfig(db=tmp_path / "w.db", max_body_bytes=2000)),
                    base_url="http://127.0.0.1") as client:
        yield client


def error_of(response) -> dict:
    body = response.json()
    assert set(body) == {"error"} and body["error"]["message"], body
    assert "Traceback" not in response.text
    return body["error"]


# --- search / corpus ---------------------------------------------------------------

def test_corpus_page_lists_stories_outlets_and_speakers(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Search the corpus" in page.text and "Northern News Service" in page.text
    assert "/speaker/Aleksander%20Pohl" in page.text and "/story/" in page.text


def test_search_api_finds_quotes_and_marks_hits(client):
    data = client.get("/api/search", params={"q": "agreement", "kind": "quotes"}).json()
    assert data["results"], data
    assert all("\ue000" in r["snippet"] for r in data["results"])
    assert {"Aleksander Pohl"} <= {r["speaker_name"] for r in data["results"]}
    assert data["facets"]["articles"] == 15


def test_search_filters_narrow_results(client):
    by_outlet = client.get("/api/search", params={"outlet": "Northern News Service"}).json()["results"]
    assert len(by_outlet) == 2 and {r["outlet"] for r in by_outlet} == {"Northern News Service"}
    dated = client.get("/api/search", params={"since": "2026-03-12"}).json()["results"]
    assert [r["published"] for r in dated] == ["2026-03-12"]
    quotes = client.get("/api/search", params={"kind": "quotes", "speaker": "Sofia Lind"}).json()["results"]
    assert len(quotes) == 4 and {r["speaker_name"] for r in quotes} == {"Sofia Lind"}
    articles = client.get("/api/search", params={"speaker": "Sofia Lind"}).json()["results"]
    assert len(articles) == 2


def test_search_json_twin_is_the_api_answer(client):
    params = {"q": "grain", "kind": "articles"}
    assert client.get("/search.json", params=params).json() == client.get("/api/search", params=params).json()


def test_search_pages_through_results(client):
    first = client.get("/api/search", params={"limit": 10}).json()
    assert len(first["results"]) == 10 and first["next_offset"] == 10
    rest = client.get("/api/search", params={"limit": 10, "offset": 10}).json()
    assert len(rest["results"]) == 5 and rest["next_offset"] is None


def test_search_survives_fts_syntax_and_rejects_bad_input(client):
    assert client.get("/api/search", params={"q": '"Tessa\'s'}).status_code == 200  # made literal
    assert error_of(client.get("/api/search", params={"since": "last week"}))["code"] == "E021"
    bad_kind = client.get("/api/search", params={"kind": "tweets"})
    assert bad_kind.status_code == 422 and "kind" in error_of(bad_kind)["message"]
    assert client.get("/api/search", params={"limit": 0}).status_code == 422


# --- article ----------------------------------------------------------------------

def test_article_api_returns_the_contract_and_its_corpus_context(client):
    article_id = article_id_by_title(client, ORIGINAL_TITLE)
    data = client.get(f"/api/article/{article_id}").json()
    validate_article(data["article"])
    check_spans(data["article"])
    assert data["article"]["id"] == article_id
    assert len(data["stories"]) == 1
    [copy] = data["copies"]
    assert copy["kind"] == "rewritten" and COPY_TITLE in (copy["target"]["title"] + copy["source"]["title"])


def test_article_page_and_its_json_twin(client):
    article_id = article_id_by_title(client, ORIGINAL_TITLE)
    page = client.get(f"/article/{article_id}")
    assert page.status_code == 200
    assert 'data-layer="quotes"' in page.text and 'data-speaker="' in page.text
    assert "Aleksander Pohl" in page.text and "/story/" in page.text
    assert client.get(f"/article/{article_id}.json").json() == client.get(f"/api/article/{article_id}").json()


def test_unknown_article_is_404_as_json_for_tools_and_html_for_browsers(client):
    api = client.get("/api/article/no-such-id")
    assert api.status_code == 404 and error_of(api)["code"] == "not_found"
    page = client.get("/article/no-such-id", headers={"accept": "text/html"})
    assert page.status_code == 404 and "no-such-id" in page.text and "text/html" in page.headers["content-type"]
    assert client.get("/article/no-such-id.json").status_code == 404


# --- story ------------------------------------------------------------------------

def test_story_api_is_a_valid_corpus_object_with_the_swapped_country(client, demo_db):
    article_id = article_id_by_title(client, ORIGINAL_TITLE)
    story_id = client.get(f"/api/article/{article_id}").json()["stories"][0]["id"]
    data = client.get(f"/api/story/{story_id}").json()
    validate_corpus(data)
    with Store.open(demo_db, readonly=True) as store:
        check_corpus_spans(data, lambda i: store.get_analysis(i).text)
    assert article_id in data["stories"][0]["articles"]
    swaps = [(c["source"]["text"], c["target"]["text"]) for k in data["copies"] for c in k["changes"]
             if c["kind"] == "swapped_entity"]
    assert ("Morvania", "Talvia") in swaps
    assert client.get(f"/story/{story_id}.json").json() == data


def test_story_page_shows_the_changed_sentence_pair_and_copy_graph(client):
    article_id = article_id_by_title(client, ORIGINAL_TITLE)
    story_id = client.get(f"/api/article/{article_id}").json()["stories"][0]["id"]
    page = client.get(f"/story/{story_id}").text
    assert '<mark class="chg chg-swapped_entity">Morvania</mark>' in page
    assert '<mark class="chg chg-swapped_entity">Talvia</mark>' in page
    assert "<svg" in page and 'class="edge edge-rewritten"' in page


def test_story_page_shows_the_route_from_the_likely_original(client):
    article_id = article_id_by_title(client, ORIGINAL_TITLE)
    story_id = client.get(f"/api/article/{article_id}").json()["stories"][0]["id"]
    data = client.get(f"/api/story/{story_id}").json()
    (family,) = [f for f in data["families"] if article_id in f["articles"]]
    assert len(family["articles"]) == 2 and family["route"][0]["child"] != family["original"]
    page = client.get(f"/story/{story_id}").text
    routes = page[page.index('<section class="routes">'):page.index("</section>", page.index('<section class="routes">'))]
    assert routes.count('<li class="route-node route-d') == 2
    assert '<span class="route-mark">original</span>' in routes and "└ rewritten copy" in routes
    assert '<td class="side source">' in routes  # the hop's changes, side by side


def test_unknown_story_is_404(client):
    assert error_of(client.get("/api/story/s999"))["status"] == 404


# --- speaker ----------------------------------------------------------------------

def test_speaker_api_groups_the_reworded_quotes(client):
    data = client.get("/api/speaker/Aleksander Pohl").json()
    assert len(data["quotes"]) == 2 and data["articles"] == 2 and data["kind"] == "official"
    # His statement (two quotations in one paragraph, one attribution) appears in the
    # original and, reworded, in the spun copy.
    assert sorted(len(g["quotes"]) for g in data["variants"]) == [2]
    assert all(g["articles"] == 2 and g["wordings"] == 2 for g in data["variants"])
    assert client.get("/speaker/Aleksander%20Pohl.json").json() == data
    assert "One statement, 2 quotes" in client.get("/speaker/Aleksander%20Pohl").text


def test_unknown_speaker_is_404(client):
    assert error_of(client.get("/api/speaker/Nobody%20Atall"))["status"] == 404


# --- schema, headers, static ----------------------------------------------------------

def test_openapi_documents_every_api_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/analyse", "/api/analyse/upload", "/api/article/{article_id}", "/api/search",
            "/api/story/{story_id}", "/api/speaker/{name}"} <= set(paths)


def test_every_response_carries_the_security_headers(client):
    for url in ("/", "/api/search", "/api/article/nope", "/static/app.js"):
        headers = client.get(url).headers
        assert headers["content-security-policy"] == CSP and "'unsafe-inline'" not in CSP
        assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"


def test_static_files_come_from_a_fixed_list(client):
    assert client.get("/static/app.css").status_code == 200
    assert ".qc.sp0{" in client.get("/static/marks.css").text
    for name in ("app.py", "..%2Fapp.py", "%2E%2E%2F%2E%2E%2Fcli.py", "templates"):
        assert client.get(f"/static/{name}").status_code == 404


# --- analyse (writes; each test has its own store) ---------------------------------------

def test_analyse_api_analyses_and_stores_an_article(fresh):
    response = fresh.post("/api/analyse", json={"text": ARTICLE, "url": "https://news.example.org/harbour"})
    assert response.status_code == 201
    [article] = response.json()["articles"]
    validate_article(article)
    assert article["outlet"] == "example.org" and article["quotes"]
    link = response.json()["links"][0]
    assert fresh.get(link).status_code == 200
    assert fresh.get(f"/api/article/{article['id']}").json()["article"] == article


def test_analyse_api_rejects_missing_and_empty_text(fresh):
    assert error_of(fresh.post("/api/analyse"))["code"] == "invalid_request"
    assert fresh.post("/api/analyse", content=b"", headers={"content-type": "application/json"}).status_code == 422
    empty = fresh.post("/api/analyse", json={"text": "  \n "})
    assert empty.status_code == 400 and error_of(empty)["code"] == "E001"


def test_upload_reads_txt_html_and_jsonl(fresh):
    txt = fresh.post("/api/analyse/upload", files={"file": ("harbour.txt", ARTICLE.encode(), "text/plain")})
    assert txt.status_code == 201 and txt.json()["articles"][0]["title"] == "Harbour plan approved"
    page = (b"<html><head><title>Harbour plan</title></head><body><article><p>"
            + ARTICLE.split("\n\n", 1)[1].encode() + b"</p></article></body></html>")
    html = fresh.post("/api/analyse/upload", files={"file": ("harbour.html", page, "text/html")})
    assert html.status_code == 201 and "Ida Quell" in html.json()["articles"][0]["text"]
    lines = (json.dumps({"id": "h-1", "text": ARTICLE, "outlet": "Wrenport Post"}) + "\n{not json}\n").encode()
    jsonl = fresh.post("/api/analyse/upload", files={"file": ("feed.jsonl", lines, "application/jsonl")})
    assert jsonl.status_code == 201
    assert [a["id"] for a in jsonl.json()["articles"]] == ["h-1"]
    assert [f["code"] for f in jsonl.json()["failures"]] == ["E004"]


def test_upload_refuses_binary_empty_and_unknown_files(fresh):
    binary = fresh.post("/api/analyse/upload", files={"file": ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "text/plain")})
    assert binary.status_code == 415 and error_of(binary)["code"] == "E002"
    empty = fresh.post("/api/analyse/upload", files={"file": ("empty.txt", b"", "text/plain")})
    assert empty.status_code == 400 and error_of(empty)["code"] == "E001"
    pdf = fresh.post("/api/analyse/upload", files={"file": ("report.pdf", b"%PDF-1.7", "application/pdf")})
    assert pdf.status_code == 415 and error_of(pdf)["code"] == "E006"
    assert fresh.post("/api/analyse/upload").status_code == 422  # no file at all


def test_oversized_bodies_get_a_clear_413(fresh):
    big = fresh.post("/api/analyse", json={"text": "word " * 1000})
    assert big.status_code == 413
    error = error_of(big)
    assert error["code"] == "payload_too_large" and "2,000 bytes" in error["message"]

    def chunks():  # no Content-Length: the server has to count
        for _ in range(10):
            yield b"x" * 500

    streamed = fresh.post("/api/analyse/upload", content=chunks(),
                          headers={"content-type": "multipart/form-data; boundary=b"})
    assert streamed.status_code == 413 and error_of(streamed)["code"] == "payload_too_large"


def test_the_form_analyses_pasted_text_and_shows_the_article(fresh):
    response = fresh.post("/analyse", data={"text": ARTICLE, "outlet": "Wrenport Post"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/article/")
    page = fresh.get(response.headers["location"])
    assert "Harbour plan approved" in page.text and "Wrenport Post" in page.text


def test_writes_need_the_token_when_the_server_has_one(tmp_path):
    with TestClient(create_app(WebConfig(db=tmp_path / "t.db", token="s3cret-token")),
                    base_url="http://127.0.0.1") as client:
        assert error_of(client.post("/api/analyse", json={"text": ARTICLE}))["status"] == 401
        wrong = client.post("/api/analyse", json={"text": ARTICLE}, headers={"authorization": "Bearer nope"})
        assert wrong.status_code == 401
        ok = client.post("/api/analyse", json={"text": ARTICLE}, headers={"authorization": "Bearer s3cret-token"})
        assert ok.status_code == 201
        assert client.post("/analyse", data={"text": ARTICLE}, follow_redirects=False).status_code == 401
        form = client.post("/analyse", data={"text": ARTICLE, "token": "s3cret-token"}, follow_redirects=False)
        assert form.status_code == 303
        assert 'name="token"' in client.get("/analyse").text
        assert client.get("/api/search").status_code == 200  # reading needs no token


def test_cross_site_writes_are_refused(fresh):
    evil = fresh.post("/api/analyse", json={"text": ARTICLE}, headers={"origin": "https://evil.example"})
    assert evil.status_code == 403 and error_of(evil)["code"] == "forbidden"
    assert fresh.post("/analyse", data={"text": ARTICLE}, headers={"sec-fetch-site": "cross-site"},
                      follow_redirects=False).status_code == 403


def test_unexpected_errors_are_json_without_a_stack_trace(tmp_path):
    app = create_app(WebConfig(db=tmp_path / "e.db"))

    @app.get("/api/boom")
    def boom():
        raise RuntimeError("secret internals")

    response = TestClient(app, raise_server_exceptions=False, base_url="http://127.0.0.1").get("/api/boom")
    assert response.status_code == 500
    assert error_of(response)["code"] == "internal_error" and "secret" not in response.text


# --- serve command ---------------------------------------------------------------------

def test_serve_binds_loopback_by_default():
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.token) == ("127.0.0.1", 8000, None)
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.20")


def test_article_page_shows_outlet_context_with_its_caveat(tmp_path):
    from newsprobe import Article, analyze
    db = tmp_path / "outlets.db"
    text = ("Fleet on alert\n\nMOSCOW, Jan 3 (TASS) - The fleet can sail within hours, the "
            "ministry said. <script>alert(1)</script>\n")
    with Store.open(db) as store:
        analysis = analyze(Article(text=text))
        store.put_analysis(analysis)
    client = TestClient(create_app(WebConfig(db=db)), base_url="http://localhost")
    page = client.get(f"/article/{analysis.id}").text
    assert 'id="p-outlets"' in page and "TASS" in page and "state-controlled media, Russia" in page
    assert "never a verdict" in page and "<script>alert" not in page
    data = client.get(f"/article/{analysis.id}.json").json()
    assert data["article"]["outlets"][0]["name"] == "TASS"


def test_search_filters_by_outlet_control_and_marks_known_outlets(tmp_path):
    from newsprobe import Article, analyze
    db = tmp_path / "control.db"
    with Store.open(db) as store:
        for outlet, text in (("tass.com", "The ministry said the fleet can sail within hours."),
                             ("velmar-post-example.com", "The council said the bridge will reopen.")):
            store.put_analysis(analyze(Article(text=text, outlet=outlet)))
    client = TestClient(create_app(WebConfig(db=db)), base_url="http://localhost")
    data = client.get("/search.json", params={"control": "state-controlled"}).json()
    assert [r["outlet"] for r in data["results"]] == ["tass.com"]
    assert {o["outlet"]: o["control"] for o in data["facets"]["outlets"]} == {
        "tass.com": "state-controlled", "velmar-post-example.com": None}
    assert client.get("/search.json", params={"control": "public-service"}).json()["results"] == []
    assert client.get("/search.json", params={"control": "nonsense"}).status_code in (400, 422)
    assert "Outlet control" in client.get("/search").text


def test_speaker_page_of_a_known_outlet_shows_who_controls_it(tmp_path):
    from newsprobe import Article, analyze
    db = tmp_path / "speaker.db"
    with Store.open(db) as store:
        analysis = analyze(Article(text="Sputnik said the talks had failed on Monday."))
        store.put_analysis(analysis)
    speaker = analysis.quotes[0].speaker.name
    client = TestClient(create_app(WebConfig(db=db)), base_url="http://localhost")
    data = client.get(f"/speaker/{speaker}.json").json()
    assert data["outlet"]["name"] == "Sputnik"
    assert any("state-controlled media, Russia" in f for f in data["outlet"]["facts"])
    assert "state-controlled media" in client.get(f"/speaker/{speaker}").text
