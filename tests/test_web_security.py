"""The web app under attack: markup in every field that shows article text, oversized and
malformed requests, path traversal, the write token on non-loopback binds, and a bounded
load run against a real uvicorn on 127.0.0.1 (no errors; p95 latency recorded in
test-artifacts/reliability/load.json and RELIABILITY.md, never asserted).

tests/test_web_xss.py and tests/test_web_api.py cover the main XSS and API cases; this
file adds the attacks they do not.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from newsprobe.web import WebConfig, create_app  # noqa: E402
from test_web_xss import assert_inert  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "reliability"

# Payloads that break out of text, attributes, and URLs, in the fields a page shows.
BREAKOUT = "\"'><svg onload=alert(11)></textarea></title></script><script>alert(12)</script>"
SPEAKER = "Dr <img src=x onerror=alert(13)> Quell"
TEXT = (f"The Wrenport council approved the harbour plan {BREAKOUT} on Monday.\n\n"
        f"\"This <b onmouseover=alert(14)>plan</b> will bring 300 jobs back,\" said {SPEAKER}, "
        "the mayor. Officials said the budget of 40 million pounds was <a href=\"javascript:alert(15)\">final</a>.\n\n"
        "Critics claimed, without evidence, that the council had <iframe srcdoc='<script>alert(16)</script>'>"
        " hidden the true cost from voters.\n")
RECORDS = [
    {"id": "sec-1", "title": f"Harbour {BREAKOUT}", "url": "https://example.com/a?<script>=1",
     "outlet": "\"><script>alert(17)</script>", "published": "2026-04-01", "text": TEXT},
    {"id": "sec-2\"><script>alert(18)</script>", "title": "Copy", "url": "data:text/html,<script>alert(19)</script>",
     "outlet": "copies.example", "published": "2026-04-02", "text": TEXT.replace("Wrenport", "Daleport")},
]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    from newsprobe.corpus.run import run_corpus

    folder = tmp_path_factory.mktemp("sec")
    feed = folder / "sec.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    db = folder / "sec.db"
    run = run_corpus([str(feed)], db)
    assert not run.failures, run.failures
    return db


@pytest.fixture(scope="module")
def client(store) -> TestClient:
    return TestClient(create_app(WebConfig(db=store, max_body_bytes=20_000)), base_url="http://127.0.0.1")


# --- XSS ---------------------------------------------------------------------------------

def test_breakout_payloads_stay_text_on_every_page_that_shows_article_text(client):
    article = client.get("/api/article/sec-1").json()["article"]
    speakers = {q["speaker"]["name"] for q in article["quotes"]}
    pages = ["/article/sec-1", "/", "/search?q=harbour", "/search?q=jobs&kind=quotes",
             "/search?q=budget&kind=claims", "/search?q=evidence&kind=claims",
             f"/search?q={BREAKOUT}", "/search?q=harbour&outlet=%22%3E%3Cscript%3Ealert(17)%3C/script%3E"]
    pages += [f"/speaker/{name}" for name in speakers]
    stories = client.get("/api/article/sec-1").json()["stories"]
    pages += [f"/story/{s['id']}" for s in stories]
    for url in pages:
        response = client.get(url, headers={"accept": "text/html"})
        assert response.status_code in (200, 404), (url, response.status_code)
        assert_inert(response.text, url)
    assert BREAKOUT in assert_inert(client.get("/article/sec-1").text, "article")


def test_an_article_id_full_of_markup_is_escaped_in_links_and_pages(client):
    rows = client.get("/api/search", params={"q": "Daleport"}).json()["results"]
    evil_id = RECORDS[1]["id"]
    assert any(r["article_id"] == evil_id for r in rows)
    page = client.get("/search", params={"q": "Daleport"}).text
    assert_inert(page, "search with an evil id")
    response = client.get(f"/article/{evil_id}")
    assert response.status_code == 200 and "alert(18)" in assert_inert(response.text, "evil id page")


def test_search_query_and_filters_are_reflected_as_text(client):
    for q in (BREAKOUT, "javascript:alert(1)", "\u202e\u0000<x>", "\" OR 1=1 --", "a" * 500):
        response = client.get("/search", params={"q": q})
        assert response.status_code in (200, 400), response.status_code
        assert_inert(response.text, f"search {q[:20]!r}")


# --- malformed and oversized requests ----------------------------------------------------

@pytest.fixture()
def writer(tmp_path) -> TestClient:
    with TestClient(create_app(WebConfig(db=tmp_path / "w.db", max_body_bytes=20_000)),
                    raise_server_exceptions=False, base_url="http://127.0.0.1") as client:
        yield client  # the lifespan stops the analysis worker after the test


@pytest.mark.parametrize("body,content_type", [
    (b"{not json", "application/json"),
    (b"[]", "application/json"),
    (b'{"text": 42}', "application/json"),
    (b'{"text": ["a"]}', "application/json"),
    (b'{"text": "x", "title": {"a": 1}}', "application/json"),
    (b"\xff\xfe\xfd", "application/json"),
    (b'{"text": "' + b"\xc3" + b'"}', "application/json"),
    (b"text=hello", "application/x-www-form-urlencoded"),
    (b"", "application/json"),
    (b"null", "application/json"),
    (b'{"text": "a"}' * 100, "application/json"),
    (b'{"text": "\\ud800 lone surrogate"}', "application/json"),
    (b'{"text": "The council met.", "title": "\\udfff", "outlet": "\\ud800"}', "application/json"),
])
def test_malformed_api_bodies_are_4xx_json_never_500(writer, body, content_type):
    response = writer.post("/api/analyse", content=body, headers={"content-type": content_type})
    assert 400 <= response.status_code < 500 or response.status_code == 201, response.status_code
    assert "Traceback" not in response.text
    if response.status_code != 201:
        assert set(response.json()) == {"error"}


@pytest.mark.parametrize("body,content_type", [
    (b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nno end", "multipart/form-data; boundary=b"),
    (b"garbage", "multipart/form-data"),
    (b"garbage", "multipart/form-data; boundary="),
    (b"--b--\r\n", "multipart/form-data; boundary=b"),
    (b"x" * 1000, "text/plain"),
])
def test_malformed_uploads_are_4xx_never_500(writer, body, content_type):
    response = writer.post("/api/analyse/upload", content=body, headers={"content-type": content_type})
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:200])
    assert "Traceback" not in response.text


def test_upload_file_names_with_traversal_and_markup_are_only_names(writer, tmp_path):
    for name in ("../../etc/passwd.txt", "..\\..\\evil.txt", "<script>alert(1)</script>.txt", "/abs/path.txt"):
        response = writer.post("/api/analyse/upload",
                               files={"file": (name, b"The council met on Monday and approved the plan.", "text/plain")})
        assert response.status_code in (201, 400, 415), response.status_code
    assert not (tmp_path.parent / "etc").exists()
    page = writer.post("/analyse", files={"file": ("<script>alert(1)</script>.jsonl", b'{"text": "a b c"}\n{bad\n', "x")})
    assert_inert(page.text, "upload result")


def test_oversized_query_strings_headers_and_bodies_are_refused(writer):
    assert writer.get("/api/search", params={"q": "a" * 10_000}).status_code == 422
    assert writer.get("/api/search", params={"limit": 10**9}).status_code == 422
    assert writer.get("/api/search", params={"offset": -1}).status_code == 422
    assert writer.post("/api/analyse", content=b"x" * 30_000,
                       headers={"content-type": "application/json"}).status_code == 413
    lying = writer.post("/api/analyse", content=b'{"text": "hello"}',
                        headers={"content-type": "application/json", "content-length": "abc"})
    assert lying.status_code in (400, 413)


def test_a_slow_or_chunked_body_over_the_limit_is_cut_off(writer):
    def chunks():
        for _ in range(100):
            yield b"y" * 1000

    response = writer.post("/api/analyse", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


# --- path traversal --------------------------------------------------------------------------

TRAVERSALS = [
    "/static/../../etc/passwd", "/static/..%2f..%2fetc%2fpasswd", "/static/%2e%2e/%2e%2e/etc/passwd",
    "/static/%252e%252e%252fetc%252fpasswd", "/static/..\\..\\etc\\passwd", "/static/....//....//etc/passwd",
    "/static/%c0%ae%c0%ae/etc/passwd", "/static//etc/passwd", "/static/%2fetc%2fpasswd",
    "/static/app.js/../../../etc/passwd", "/static/app.js%00.png", "/article/../../etc/passwd",
    "/article/..%2f..%2fetc%2fpasswd", "/speaker/..%2f..%2f..%2fetc%2fpasswd", "/story/..%2fpasswd",
    "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_never_reads_a_file(client, path):
    response = client.get(path)
    assert "root:" not in response.text and "/bin/" not in response.text
    assert response.status_code in (200, 400, 404, 405, 422), response.status_code
    if path.startswith("/static/"):
        assert response.status_code in (404, 400, 405)


def test_raw_traversal_over_a_socket_is_refused(served):
    """httpx normalises `..` away; a raw request line does not."""
    port = served["port"]
    for target in ("/static/../../etc/passwd", "/static/..%2F..%2Fetc%2Fpasswd", "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd"):
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
            reply = b""
            while chunk := s.recv(65536):
                reply += chunk
        status = int(reply.split(b" ", 2)[1])
        assert status in (400, 404), (target, reply[:200])
        assert b"root:" not in reply


# --- real server: token on non-loopback binds, load run ------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db: Path, host: str, port: int, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "newsprobe", "serve", "--db", str(db), "--host", host,
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, **(env or {})})


def _wait_ready(proc: subprocess.Popen, port: int, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read()
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/search?limit=1", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise AssertionError("the server did not start")


def _stop(proc: subprocess.Popen) -> str:
    proc.terminate()
    try:
        _, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    return err


@pytest.fixture(scope="module")
def served(store):
    port = _free_port()
    proc = _serve(store, "127.0.0.1", port)
    try:
        _wait_ready(proc, port)
        yield {"port": port, "proc": proc}
    finally:
        _stop(proc)


def test_a_non_loopback_bind_gets_a_token_and_writes_need_it(tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "NEWSPROBE_TOKEN"}
    proc = subprocess.Popen([sys.executable, "-m", "newsprobe", "serve", "--db", str(tmp_path / "t.db"),
                             "--host", "0.0.0.0", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        _wait_ready(proc, port)
        body = {"text": "The council met on Monday and approved the harbour plan."}
        url = f"http://127.0.0.1:{port}/api/analyse"
        assert httpx.post(url, json=body, timeout=60).status_code == 401
        assert httpx.post(url, json=body, headers={"authorization": "Bearer wrong"}, timeout=60).status_code == 401
        assert httpx.get(f"http://127.0.0.1:{port}/api/search", timeout=10).status_code == 200  # reads are open
    finally:
        err = _stop(proc)
    token_lines = [line for line in err.splitlines() if line.startswith("write token")]
    assert token_lines, err
    token = token_lines[0].rsplit(" ", 1)[1]
    assert len(token) >= 24  # a generated secret, printed once for the operator


def test_loopback_load_run_has_no_errors_and_records_p95(served, client):
    """8 threads x 50 requests over the pages and APIs a reader uses, on a real uvicorn."""
    port = served["port"]
    base = f"http://127.0.0.1:{port}"
    story = (client.get("/api/article/sec-1").json()["stories"] or [{"id": "s1"}])[0]["id"]
    urls = ["/", "/api/search?q=harbour", "/search?q=jobs&kind=quotes", "/article/sec-1",
            "/api/article/sec-1", f"/story/{story}", "/static/app.js", "/api/search?q=budget&kind=claims",
            "/article/missing-id"]
    threads, per_thread = 8, 50
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()

    def worker(k: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as http:
            for i in range(per_thread):
                url = urls[(k + i) % len(urls)]
                started = time.perf_counter()
                try:
                    status = http.get(url).status_code
                except httpx.HTTPError as exc:
                    status = repr(exc)
                took = time.perf_counter() - started
                with lock:
                    latencies.append(took)
                    if status != (404 if "missing" in url else 200):
                        failures.append(f"{url}: {status}")

    started = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(k,)) for k in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join(timeout=300)
    wall = time.perf_counter() - started
    assert not any(t.is_alive() for t in pool), "requests did not finish in 300 s"
    assert not failures, failures[:10]
    assert len(latencies) == threads * per_thread
    ordered = sorted(latencies)
    result = {"requests": len(ordered), "threads": threads, "wall_s": round(wall, 2),
              "p50_ms": round(ordered[len(ordered) // 2] * 1000, 1),
              "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 1),
              "max_ms": round(ordered[-1] * 1000, 1), "errors": 0}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "load.json").write_text(json.dumps(result, indent=2) + "\n")
    print("load run:", result)
    assert served["proc"].poll() is None, "the server is still up"
