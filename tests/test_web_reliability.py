"""The web app under an operator's and an attacker's probing: DNS rebinding (Host header),
analyses off the event loop (busy queue, time limit, unrelated reads answered meanwhile,
SIGTERM), slow clients (header and body deadlines), HTTP details (HEAD, Allow,
WWW-Authenticate, the OpenAPI schema), search snippets, the speaker page's cache, the
pasted-text limit, and `serve` refusing a bad --db folder or a busy port.

In-process tests use the real app through TestClient; the ones about sockets, signals and
the event loop run `newsprobe serve` as a subprocess. Timing bounds are hang bounds with
wide margins (seconds where the defects took minutes), never performance claims.
"""

from __future__ import annotations

import os
import random
import signal
import socket
import string
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from newsprobe.settings import Settings  # noqa: E402
from newsprobe.web import WebConfig, create_app  # noqa: E402

BASE = "http://127.0.0.1"
SHORT = "The mayor said on Monday that the harbour plan would bring 300 jobs back."


def long_article(paragraphs: int) -> str:
    """Made-up news text whose analysis takes about 0.05-0.1 s a paragraph."""
    lines = ["Harbour plan approved after long night", ""]
    for i in range(paragraphs):
        lines += [f"\"The plan will bring {300 + i} jobs back to the harbour,\" said Mayor Ilse Varn on "
                  f"Monday. Officials said the budget of {40 + i} million pounds was final, while "
                  "critics claimed the council had hidden the true cost.", ""]
    return "\n".join(lines)


def error_of(response) -> dict:
    return response.json()["error"]


@pytest.fixture()
def app_factory(tmp_path):
    """Apps over fresh stores, run with their lifespan, so their workers stop after the test."""
    clients = []

    def make(token: str | None = None, **settings) -> TestClient:
        config = WebConfig(db=tmp_path / f"w{len(clients)}.db", settings=Settings.load(**settings), token=token)
        client = TestClient(create_app(config), base_url=BASE, raise_server_exceptions=False)
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


# --- Host header: DNS rebinding --------------------------------------------------------------

READS = ["/", "/search?q=x", "/api/search", "/static/app.js", "/article/x", "/api/article/x",
         "/speaker/x", "/openapi.json", "/analyse"]


def test_a_foreign_host_header_is_refused_on_every_route(app_factory):
    client = app_factory()
    for host in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example", "attacker.test"):
        for url in READS:
            response = client.get(url, headers={"host": host})
            assert response.status_code == 421, (host, url, response.status_code)
            assert error_of(response)["code"] == "host_not_allowed"
        write = client.post("/api/analyse", json={"text": SHORT}, headers={"host": host})
        assert write.status_code == 421 and error_of(write)["code"] == "host_not_allowed"
    for host in ("localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST."):
        assert client.get("/api/search", headers={"host": host}).status_code == 200, host


def test_allowed_hosts_come_from_the_setting_and_the_bind_address(tmp_path):
    config = WebConfig(db=tmp_path / "h.db", settings=Settings.load(web_allowed_hosts="news.example, desk.lan"),
                       allowed_hosts=("10.0.0.5",))
    client = TestClient(create_app(config), base_url=BASE)
    for host in ("news.example", "desk.lan:8000", "10.0.0.5:8000", "localhost"):
        assert client.get("/api/search", headers={"host": host}).status_code == 200, host
    assert client.get("/api/search", headers={"host": "other.example"}).status_code == 421
    anyone = TestClient(create_app(WebConfig(db=tmp_path / "h.db", settings=Settings.load(web_allowed_hosts="*"))))
    assert anyone.get("/api/search", headers={"host": "other.example"}).status_code == 200


# --- HTTP details ------------------------------------------------------------------------------

def test_head_is_answered_like_get_without_a_body(app_factory):
    client = app_factory()
    for url in ("/static/app.js", "/api/search", "/"):
        head, get = client.head(url), client.get(url)
        assert head.status_code == 200 == get.status_code, url
        assert head.content == b""
        assert head.headers["content-type"] == get.headers["content-type"]


def test_405_names_the_allowed_methods_and_401_the_auth_scheme(app_factory):
    client = app_factory()
    response = client.put("/analyse")
    assert response.status_code == 405
    assert set(response.headers["allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "POST"}
    assert client.delete("/api/search").headers["allow"].replace(" ", "") == "GET,HEAD"
    guarded = app_factory(token="s3cret")
    response = guarded.post("/api/analyse", json={"text": SHORT})
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_openapi_schema_documents_error_responses_and_date_patterns(app_factory):
    schema = app_factory().get("/openapi.json").json()
    analyse = schema["paths"]["/api/analyse"]["post"]["responses"]
    assert {"400", "401", "403", "413", "421", "503"} <= set(analyse)
    assert analyse["503"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    for path in ("/api/search", "/api/article/{article_id}", "/api/speaker/{name}", "/api/story/{story_id}"):
        assert {"404", "421"} <= set(schema["paths"][path]["get"]["responses"]), path
    params = {p["name"]: p["schema"] for p in schema["paths"]["/api/search"]["get"]["parameters"]}
    assert params["since"]["pattern"] == params["until"]["pattern"] == r"^\d{4}(-\d{2}(-\d{2})?)?$"


def test_the_form_takes_pasted_text_up_to_the_body_limit(tmp_path):
    """Starlette caps a form field at 1 MiB by default; the documented limit is the body's."""
    client = TestClient(create_app(WebConfig(db=tmp_path / "f.db", max_body_bytes=3_000_000)), base_url=BASE)
    # multipart, as the browser's form sends it (enctype multipart/form-data)
    response = client.post("/analyse", files={"text": (None, " \n" * 800_000)})
    assert response.status_code == 400 and error_of(response)["code"] == "E001", response.text[:300]
    over = client.post("/analyse", files={"text": (None, "x" * 3_100_000)})
    assert over.status_code == 413


# --- search snippets ---------------------------------------------------------------------------

def test_private_use_marker_characters_in_text_never_become_marks(tmp_path):
    from newsprobe.analyze import analyze
    from newsprobe.model import Article
    from newsprobe.store import Store

    text = ("The \ue000harbour\ue001 council met on Monday. \ue000Critics\ue001 said the plan "
            "would cost voters dearly, according to the mayor.")
    analysis = analyze(Article(text=text, origin="t", title="Markers"), Settings.load())
    with Store.open(tmp_path / "m.db") as store:
        store.put_analyses([analysis])
    client = TestClient(create_app(WebConfig(db=tmp_path / "m.db")), base_url=BASE)
    for params in ({"q": "council"}, {"q": ""}):
        rows = client.get("/api/search", params=params).json()["results"]
        snippet = rows[0]["snippet"]
        marked = [snippet[i + 1:snippet.index("\ue001", i)] for i, c in enumerate(snippet) if c == "\ue000"]
        assert marked == (["council"] if params["q"] else []), snippet
        page = client.get("/search", params=params).text
        assert page.count("<mark>") == (1 if params["q"] else 0)
        assert "<mark>harbour" not in page and "<mark>Critics" not in page


# --- speaker page ------------------------------------------------------------------------------

def _pairwise_groups(quotes, threshold):
    """The speaker page's grouping as it was written first, pair by pair (the reference)."""
    from newsprobe.web.views.speaker import similarity

    groups = []
    for n, q in enumerate(quotes):
        for g in groups:
            if similarity(g["text"], q["content"]) >= threshold:
                g["quotes"].append(n)
                break
        else:
            groups.append({"text": q["content"], "quotes": [n]})
    return [g["quotes"] for g in groups]


def test_variant_groups_equal_the_pairwise_reference():
    from newsprobe.web.views.speaker import group_variants

    rng = random.Random(5)
    base = ["The plan will bring jobs back to the harbour", "We will not accept this deal", "No comment",
            "Grain shipments resume on Monday", "very good", "a source"]
    quotes = []
    for i in range(400):
        words = rng.choice(base).split()
        if rng.random() < 0.5:
            words[rng.randrange(len(words))] = rng.choice(["accord", "port", "work", "Tuesday", "bad"])
        if rng.random() < 0.3:
            words = words[:max(1, len(words) - 2)]
        if rng.random() < 0.2:
            words = ["".join(rng.choice(string.ascii_lowercase) for _ in range(6)) for _ in range(rng.randint(1, 9))]
        quotes.append({"content": " ".join(words), "article_id": f"a{i % 9}"})
    assert [g["quotes"] for g in group_variants(quotes, 65.0)] == _pairwise_groups(quotes, 65.0)


def test_speaker_page_is_computed_once_per_store_version(tmp_path):
    from newsprobe.analyze import analyze
    from newsprobe.model import Article
    from newsprobe.store import Store
    from newsprobe.web.views.speaker import speaker_data

    db = tmp_path / "s.db"
    first = analyze(Article(text=f"\"We will rebuild the harbour,\" said Ilse Varn.", origin="a", id="a"))
    with Store.open(db) as store:
        store.put_analyses([first])
    name = first.to_dict()["quotes"][0]["speaker"]["name"]
    cache: dict = {}
    with Store.open(db, readonly=True) as store:
        one = speaker_data(store, name, 65.0, cache)
        assert speaker_data(store, name, 65.0, cache) is one  # the second view is the cached one
    second = analyze(Article(text=f"\"The harbour will be rebuilt,\" said Ilse Varn.", origin="b", id="b"))
    with Store.open(db) as store:
        store.put_analyses([second])
    with Store.open(db, readonly=True) as store:
        again = speaker_data(store, name, 65.0, cache)
    assert again is not one and len(again["quotes"]) == 2  # the store changed: recomputed


# --- the analysis pool ---------------------------------------------------------------------------

def test_a_full_queue_answers_503_busy_with_retry_after(app_factory):
    client = app_factory(web_analysis_workers=1, web_analysis_queue=0)
    results = {}
    first = threading.Thread(target=lambda: results.setdefault(
        "first", client.post("/api/analyse", json={"text": SHORT})))
    first.start()
    pool = client.app.state.pool
    deadline = time.monotonic() + 30
    while pool.admitted < 1:  # the first analysis holds the only worker (it is loading models)
        assert time.monotonic() < deadline
        time.sleep(0.01)
    second = client.post("/api/analyse", json={"text": SHORT + " Again."})
    first.join(300)
    assert second.status_code == 503, second.text[:300]
    assert error_of(second)["code"] == "busy" and int(second.headers["retry-after"]) >= 1
    assert results["first"].status_code == 201
    assert client.post("/api/analyse", json={"text": SHORT + " Later."}).status_code == 201


def test_an_analysis_past_the_time_limit_is_stopped_and_the_next_one_runs(app_factory):
    client = app_factory(web_analysis_time_limit_s=1.0)
    client.app.state.pool.start()
    slow = client.post("/api/analyse", json={"text": long_article(150)})
    assert slow.status_code == 503, slow.text[:300]
    assert error_of(slow)["code"] == "analysis_timeout" and "web_analysis_time_limit_s" in error_of(slow)["message"]
    assert client.post("/api/analyse", json={"text": SHORT}).status_code == 201  # a fresh worker


# --- a real server: event loop, slow clients, SIGTERM, serve's start --------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db: Path, port: int, **settings) -> subprocess.Popen:
    env = {**os.environ, **{f"NEWSPROBE_{k.upper()}": str(v) for k, v in settings.items()}}
    return subprocess.Popen([sys.executable, "-m", "newsprobe", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _wait_ready(proc: subprocess.Popen, port: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read()
        try:
            if httpx.get(f"{BASE}:{port}/api/search?limit=1", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise AssertionError("the server did not start")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    port = _free_port()
    proc = _serve(tmp_path_factory.mktemp("rel") / "r.db", port, web_header_timeout_s=1, web_body_timeout_s=1)
    try:
        _wait_ready(proc, port)
        yield port
    finally:
        _stop(proc)


def test_a_half_sent_request_line_is_cut_off(served):
    with socket.create_connection(("127.0.0.1", served), timeout=15) as s:
        s.sendall(b"GET /api/search HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        started = time.monotonic()
        try:
            closed = s.recv(1024) == b""
        except socket.timeout:
            closed = False
        assert closed and time.monotonic() - started < 10, "the connection was held open"


def test_a_body_that_never_arrives_gets_a_408(served):
    with socket.create_connection(("127.0.0.1", served), timeout=15) as s:
        s.sendall(b"POST /api/analyse HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 100\r\n\r\n{\"text\": ")
        reply = b""
        try:
            while chunk := s.recv(4096):
                reply += chunk
        except socket.timeout:
            pass
    assert reply.startswith(b"HTTP/1.1 408"), reply[:200]
    assert b"request_timeout" in reply


def test_unrelated_reads_are_answered_while_an_upload_is_extracted_and_analysed(served):
    """A page with 90,000 empty elements keeps the HTML extractor busy for seconds (under
    max_html_elements, 100,000, past which it is refused before extraction with E032)."""
    base = f"{BASE}:{served}"
    httpx.post(base + "/api/analyse", json={"text": SHORT}, timeout=300)  # models loaded
    page = ("<html><body><article><p>" + SHORT + "</p>" + "<div></div>" * 90_000 + "</article></body></html>").encode()
    done = threading.Event()

    def upload() -> None:
        httpx.post(base + "/api/analyse/upload", files={"file": ("slow.html", page, "text/html")}, timeout=300)
        done.set()

    threading.Thread(target=upload, daemon=True).start()
    latencies = []
    with httpx.Client(base_url=base, timeout=120) as http:
        time.sleep(0.3)
        while not done.is_set():
            started = time.perf_counter()
            assert http.get("/static/app.js").status_code == 200
            latencies.append(time.perf_counter() - started)
            time.sleep(0.05)
    assert latencies, "the upload ended before any read"
    assert max(latencies) < 2.0, f"an unrelated read waited {max(latencies):.1f} s"


def _alive(pid: str) -> bool:
    """Running, not a zombie (a container's init may not reap orphans at once)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_sigterm_stops_the_server_and_its_workers_during_an_analysis(tmp_path):
    port = _free_port()
    proc = _serve(tmp_path / "t.db", port, web_shutdown_grace_s=1)
    try:
        _wait_ready(proc, port)
        base = f"{BASE}:{port}"
        httpx.post(base + "/api/analyse", json={"text": SHORT}, timeout=300)
        threading.Thread(target=lambda: httpx.post(base + "/api/analyse", json={"text": long_article(600)},
                                                   timeout=600), daemon=True).start()
        time.sleep(1.5)
        workers = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
        assert workers, "no analysis worker process"
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)
        assert proc.returncode in (0, -signal.SIGTERM)  # uvicorn re-raises the signal once stopped
        deadline = time.monotonic() + 15  # the resource tracker leaves once its pipe closes
        while [w for w in workers if _alive(w)] and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [w for w in workers if _alive(w)], "a worker outlived the server"
    finally:
        _stop(proc)


def test_serve_refuses_a_missing_db_folder_and_a_busy_port(tmp_path):
    missing = subprocess.run([sys.executable, "-m", "newsprobe", "serve", "--db", str(tmp_path / "nope" / "x.db"),
                              "--port", str(_free_port())], capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and "E020" in missing.stderr and "serving" not in missing.stderr
    assert not (tmp_path / "nope").exists()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        busy = subprocess.run([sys.executable, "-m", "newsprobe", "serve", "--db", str(tmp_path / "x.db"),
                               "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert busy.returncode == 2 and "E022" in busy.stderr, busy.stderr[-500:]
    assert "serving" not in busy.stderr
