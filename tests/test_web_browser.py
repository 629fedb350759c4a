"""The web app in a real browser: Playwright driving Debian's Chromium (never a downloaded
browser) against uvicorn serving the demo corpus store. Screenshots land in
test-artifacts/web/ (gitignored) for people to look at."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (install Debian's: apt-get install -y chromium)",
                allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
uvicorn = pytest.importorskip("uvicorn")

from newsprobe.web import WebConfig, create_app  # noqa: E402
from web_support import ARTIFACTS, COPY_TITLE, ORIGINAL_TITLE, demo_store  # noqa: E402

# No network, no updates, no GPU: the flags a sandboxed CI container needs.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    return demo_store(tmp_path_factory)


@pytest.fixture(scope="module")
def server(demo_db, tmp_path_factory):
    # A copy: the browser tests must not see writes made by other tests, nor make any.
    db = tmp_path_factory.mktemp("browser") / "demo.db"
    shutil.copy(demo_db, db)
    port = free_port()
    app = create_app(WebConfig(db=db))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(server):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with playwright_api.sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        except playwright_api.Error as exc:
            pytest.skip(f"Chromium at {CHROMIUM} does not start: {exc}")
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        tab.errors = []
        tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
        tab.on("console", lambda msg: msg.type == "error" and tab.errors.append(msg.text))
        yield tab
        browser.close()


def shot(page, name: str, full: bool = True) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full)


def test_search_finds_the_original_and_its_copy(page, server):
    page.goto(server + "/")
    shot(page, "01-corpus")
    page.fill(".searchbar input[name=q]", "grain OR agreement")
    page.press(".searchbar input[name=q]", "Enter")
    page.wait_for_url("**/search?*")
    titles = page.locator("#results .title").all_inner_texts()
    assert any(ORIGINAL_TITLE in t for t in titles) and any(COPY_TITLE in t for t in titles)
    assert page.locator("#results mark").count() > 0
    page.click("label.kind-tab:has-text('quotes')")
    page.wait_for_url("**kind=quotes**")
    assert "Aleksander Pohl" in page.locator("#results .who").all_inner_texts()
    assert "outlet=" not in page.url  # empty filters stay out of the address
    shot(page, "02-search-quotes")
    assert not page.errors, page.errors


def test_article_layers_switch_and_a_speaker_lights_up_their_quotes(page, server):
    page.goto(server + "/search?q=" + "%22" + ORIGINAL_TITLE.replace(" ", "+") + "%22")
    page.click(f"#results .title:has-text('{ORIGINAL_TITLE}')")
    page.wait_for_url("**/article/**")
    quote = page.locator("#text .qc").first
    coloured = quote.evaluate("el => getComputedStyle(el).backgroundColor")
    assert coloured not in ("rgba(0, 0, 0, 0)", "transparent")

    page.uncheck("input[data-layer=quotes]")
    assert "hide-quotes" in page.get_attribute("#text", "class")
    assert quote.evaluate("el => getComputedStyle(el).backgroundColor") == "rgba(0, 0, 0, 0)"
    shot(page, "03-article-quotes-off", full=False)
    page.check("input[data-layer=quotes]")
    page.check("input[data-layer=entities]")
    assert "hide-" not in (page.get_attribute("#text", "class") or "").replace("hide-claims", "")

    page.click(".speaker-name:has-text('Aleksander Pohl')")
    lit = page.locator("#text .lit")
    assert lit.count() > 0
    lit_text = "".join(lit.all_inner_texts())
    assert "This agreement means that ships will be moving again" in lit_text
    assert "good day for farmers" in lit_text
    assert "inspection regime" not in lit_text  # Sofia Lind's, not his
    assert page.locator(".speaker.active .speaker-name").inner_text() == "Aleksander Pohl"
    shot(page, "04-article-speaker-highlighted", full=False)

    # One quote from the side panel: only its own pieces light up.
    page.click(".speaker:has-text('Sofia Lind') a.finding >> nth=0")
    assert "inspection regime" in "".join(page.locator("#text .lit").all_inner_texts())

    # Claims (when the claims layer ran): underlined by status; a click lights one up.
    claims = page.locator("#p-claims a.finding")
    if claims.count():
        status = claims.first.get_attribute("data-status")
        assert page.locator(f"#text .claim.cs-{status}").count() > 0
        claims.first.click()
        lit = "".join(page.locator("#text .lit").all_inner_texts())
        assert lit and lit.split()[0] in claims.first.locator(".ctext").inner_text()
    assert not page.errors, page.errors


def test_story_shows_the_changed_sentence_pair(page, server):
    page.goto(server + "/search?q=" + "%22" + ORIGINAL_TITLE.replace(" ", "+") + "%22")
    page.click(f"#results .title:has-text('{ORIGINAL_TITLE}')")
    page.click("a.story-chip")
    page.wait_for_url("**/story/**")
    # The copies section lists the pair once; the route section shows the same hop again.
    pair = page.locator("section.changes tr.pair:has(mark.chg-swapped_entity)")
    assert pair.count() == 1
    assert page.locator("section.routes tr.pair:has(mark.chg-swapped_entity)").count() == 1
    assert pair.locator("td.source mark.chg-swapped_entity").inner_text() == "Morvania"
    assert pair.locator("td.target mark.chg-swapped_entity").inner_text() == "Talvia"
    assert page.locator("svg.copy-graph path.edge").count() >= 1
    shot(page, "05-story")
    assert not page.errors, page.errors


def test_speaker_page_groups_the_reworded_quotes(page, server):
    page.goto(server + "/speaker/Aleksander%20Pohl")
    groups = page.locator(".variant:not(.single)")
    assert groups.count() == 1  # one statement, in the original and the spun copy
    assert "2 wordings" in groups.first.inner_text()
    shot(page, "06-speaker")
    page.goto(server + "/analyse")
    shot(page, "07-analyse")
    assert not page.errors, page.errors


def test_a_span_after_emoji_lights_the_right_words(page, tmp_path_factory):
    """Offsets count code points (Python); JavaScript strings count UTF-16 units, so every
    emoji before a span shifted its highlight one character left before app.js converted."""
    from newsprobe.analyze import analyze
    from newsprobe.model import Article
    from newsprobe.store import Store

    # 200 emoji: 200 UTF-16 units more than code points, longer than the quote itself
    text = ("Harbour news " + "😀" * 200 + "\n\nThe mayor 🙂 said on Monday that the harbour plan would bring "
            "300 jobs back, and officials said the budget was final.")
    db = tmp_path_factory.mktemp("emoji") / "e.db"
    analysis = analyze(Article(text=text, origin="emoji", id="emoji"))
    with Store.open(db) as store:
        store.put_analyses([analysis])
    quote = analysis.to_dict()["quotes"][0]
    start, end = quote["content"][0]["start"], quote["content"][0]["end"]
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(WebConfig(db=db)), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    try:
        while not srv.started:
            time.sleep(0.05)
        page.goto(f"http://127.0.0.1:{port}/article/emoji#span={start}-{end}")
        lit = "".join(page.locator("#text .lit").all_inner_texts())
        assert lit.strip() in text[start:end], (lit, text[start:end])
        assert len(lit.strip()) > (end - start) // 2, (lit, text[start:end])
        assert page.evaluate("window.newsprobeCodePointLength('a😀b')") == 3
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
