"""Renderers: JSON, terminal report, HTML page. Analyses are built by hand (Quote, Speaker,
Span values), so these tests do not depend on what the attribution layer finds; one smoke
test runs the real pipeline."""

from __future__ import annotations

import html
import json
from html.parser import HTMLParser

import pytest
from rich.console import Console

from newsprobe import analyze
from newsprobe.model import Analysis, ChainLink, Entity, Quote, Span, Speaker
from newsprobe.render import as_html, as_json, as_text
from newsprobe.schema import check_spans, validate_article


def span(text: str, piece: str, after: int = 0) -> Span:
    start = text.index(piece, after)
    return Span.of(text, start, start + len(piece))


RELAY_TEXT = (
    "According to TASS, Russia let it be known through intermediaries that it would not "
    "attend the summit.\n\n"
    "\u201cWe will not give up,\u201d Anna Smith, an analyst at Acme Corp, told reporters. "
    "She said the talks had failed.\n"
    "Critics called the plan a \u201ctotal disaster\u201d."
)


def relay_analysis() -> Analysis:
    """A hand-built analysis: a relayed claim with a chain, a direct and an indirect quote
    by one person ("She" resolved to her), nested and overlapping spans, and one claim,
    technique and integrity finding."""
    t = RELAY_TEXT
    entities = [
        Entity("e1", "TASS", "ORG", [], [span(t, "TASS")]),
        Entity("e2", "Russia", "GPE", [], [span(t, "Russia")]),
        Entity("e3", "Anna Smith", "PERSON", ["Smith"], [span(t, "Anna Smith")]),
        Entity("e4", "Acme Corp", "ORG", [], [span(t, "Acme Corp")]),
    ]
    relayed = span(t, "Russia let it be known through intermediaries that it would not attend the summit")
    quotes = [
        Quote("q1", "indirect", span(t, "According to"), [relayed], span(t, "TASS"),
              Speaker("TASS", "media", "e1"), [], 0.8),
        # Russia's own statement: its cue lies inside TASS's content.
        Quote("q2", "indirect", span(t, "let it be known"),
              [span(t, "it would not attend the summit")], span(t, "Russia"),
              Speaker("Russia", "institution", "e2"),
              [ChainLink("TASS", "media"), ChainLink("intermediaries", "anonymous")],
              0.6, parent="q1"),
        Quote("q3", "direct", span(t, "told"), [span(t, "We will not give up,")],
              span(t, "Anna Smith, an analyst at Acme Corp"), Speaker("Anna Smith", "person", "e3"),
              [], 0.9),
        Quote("q4", "indirect", span(t, "said"), [span(t, "the talks had failed")], span(t, "She"),
              Speaker("Anna Smith", "person", "e3"), [], 0.7),
        Quote("q5", "mixed", span(t, "called"), [span(t, "the plan a \u201ctotal disaster\u201d")],
              span(t, "Critics"), Speaker("critics", "anonymous", None), [], 0.5),
    ]
    claim = span(t, "the talks had failed")
    return Analysis(
        text=t, id="relay-1", title="Russia to skip summit, TASS says", url="https://example.com/a/1",
        outlet="example.com", published="2022-08-05", entities=entities, quotes=quotes,
        claims=[{"id": "c1", **claim.to_dict(), "status": "reported", "checkworthiness": 0.7,
                 "evidence": {"rule": "on_record_source", "decided_by": "rule",
                              "words": span(t, "She").to_dict()},
                 "rebutted_by": None, "quote": "q4", "hedges": [], "factchecks": []}],
        techniques=[{**span(t, "total disaster").to_dict(), "technique": "exaggeration", "score": 0.8}],
        integrity=[{"kind": "name_variant", "spans": [span(t, "Anna Smith").to_dict()],
                    "message": "test finding"}],
        meta={"newsprobe": "0.1.0", "model": "hand-built"},
    )


# --- JSON -----------------------------------------------------------------------------

def test_as_json_round_trips_and_validates():
    a = relay_analysis()
    obj = json.loads(as_json.to_json(a))
    assert obj == a.to_dict()
    validate_article(obj)
    check_spans(obj)


def test_as_json_jsonl_line_is_one_line():
    a = relay_analysis()
    a.text += " odd\u2028breaks\x85here\r\n"
    line = as_json.to_jsonl_line(a)
    assert len(line.splitlines()) == 1 and "\n" not in line
    assert json.loads(line)["text"] == a.text


# --- terminal -------------------------------------------------------------------------

def report(analyses, width=120) -> str:
    console = Console(record=True, width=width, color_system=None, file=open("/dev/null", "w"))
    as_text.render(analyses, console)
    return console.export_text()


def test_as_text_groups_quotes_by_speaker():
    out = report([relay_analysis()])
    assert "Russia to skip summit, TASS says" in out
    assert "example.com" in out and "2022-08-05" in out and "https://example.com/a/1" in out
    assert "TASS (media) ← intermediaries (anonymous) ← Russia (institution)" in out
    assert "why reported: an on-record source: “She”" in out
    # Both of Anna Smith's quotes under one heading.
    assert out.count("Anna Smith  person") == 1
    assert "We will not give up" in out and "the talks had failed" in out
    assert "as “She”" in out
    for section in ("Entities", "Claims", "Persuasion techniques", "Integrity"):
        assert section in out
    assert "exaggeration" in out and "name_variant" in out


def test_as_text_sections_only_when_non_empty():
    a = relay_analysis()
    a.claims, a.techniques, a.integrity = [], [], []
    out = report([a])
    assert "Claims" not in out and "Persuasion" not in out and "Integrity" not in out


def test_as_text_article_text_is_not_markup():
    t = "[bold red]Alarm[/] said [link=https://evil.example]click[/link] \x1b[2J the source."
    a = Analysis(text=t, id="m1", title="[blink]x[/blink]",
                 quotes=[Quote("q1", "indirect", span(t, "said"), [span(t, "[link=https://evil.example]click[/link]")],
                               None, Speaker("[i]Who[/i]", "unknown"))])
    out = report([a])
    assert "[blink]x[/blink]" in out and "[i]Who[/i]" in out
    assert "[link=https://evil.example]click[/link]" in out
    assert "\x1b" not in out


def test_as_text_truncates_long_content_and_uses_first_words_as_headline():
    t = "Officials said " + "word " * 200 + "end."
    a = Analysis(text=t, id="long", quotes=[
        Quote("q1", "indirect", span(t, "said"), [Span.of(t, 15, len(t) - 1)], None,
              Speaker("officials", "official"))])
    out = report([a], width=400)
    assert "Officials said word word" in out
    assert "…" in out and "end." not in out


# --- HTML -----------------------------------------------------------------------------

class Page(HTMLParser):
    """Collects elements, attributes, and the text inside <article> (tags stripped)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.article: list[str] = []
        self.depth = 0  # inside <article> when > 0
        self.spans: list[tuple[dict, list[str]]] = []  # highlighted spans in <article>, with text
        self._open_spans: list[list[str]] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")
        if tag == "article":
            self.depth += 1
        elif self.depth and tag == "span":
            buf: list[str] = []
            self.spans.append((attrs, buf))
            self._open_spans.append(buf)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False
        if tag == "article":
            self.depth -= 1
        elif self.depth and tag == "span":
            self._open_spans.pop()

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        if self.depth:
            self.article.append(data)
            for buf in self._open_spans:
                buf.append(data)


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    p.close()
    return p


def test_as_html_visible_text_equals_article_text_with_overlapping_spans():
    a = relay_analysis()
    check_spans(a.to_dict())
    page = as_html.render(a)
    p = parse(page)
    assert "".join(p.article) == a.text
    # Overlap: the cue "let it be known" lies inside TASS's quote content.
    cue_spans = [attrs for attrs, buf in p.spans if "cue" in (attrs.get("class") or "").split()]
    assert any("qc" in attrs["class"].split() for attrs in cue_spans)
    # Each highlighted piece's text is a segment of the source text.
    pos = 0
    for attrs, buf in p.spans:
        piece = "".join(buf)
        if piece:
            found = a.text.find(piece, pos)
            assert found >= 0, piece
            pos = found


def test_as_html_segments_follow_span_boundaries():
    t = "abcdefghij"
    a = Analysis(text=t, id="seg", entities=[Entity("e1", "cde", "ORG", [], [Span.of(t, 2, 5)])],
                 quotes=[Quote("q1", "direct", Span.of(t, 4, 6), [Span.of(t, 0, 8)], None,
                               Speaker("x", "person"))])
    p = parse(as_html.render(a))
    pieces = [("".join(buf), attrs.get("class", "").split()) for attrs, buf in p.spans if buf]
    assert [piece for piece, _ in pieces] == ["ab", "cd", "e", "f", "gh"]
    assert "ent" in pieces[2][1] and "cue" in pieces[2][1] and "qc" in pieces[2][1]
    assert "ent" not in pieces[3][1] and "cue" in pieces[3][1]
    assert "".join(p.article) == t


HOSTILE = ('Officials said <script>alert(1)</script> and <img src=x onerror=alert(1)> '
           'then "quoted" & \'single\' </article><script>alert(2)</script>.\r\nEnd.')


def hostile_analysis(url: str) -> Analysis:
    t = HOSTILE
    return Analysis(
        text=t, id='<b id="x">', title='<script>alert("t")</script> javascript:alert(1)',
        url=url, outlet='<img src=x onerror=alert(3)>', published="<i>today</i>",
        entities=[Entity("e1", "<svg onload=alert(4)>", "ORG", ["<b>"], [span(t, "<img src=x onerror=alert(1)>")])],
        quotes=[Quote("q1", "indirect", span(t, "said"),
                      [span(t, "<script>alert(1)</script> and <img src=x onerror=alert(1)>")],
                      span(t, "Officials"),
                      Speaker('"><script>alert(5)</script>', "official", "e1"),
                      [ChainLink("<a href='javascript:alert(6)'>x</a>", "anonymous")], 0.5)],
        meta={"newsprobe": "<x>", "model": "<script>"},
    )


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:alert(1)",
                                 "data:text/html,<script>alert(1)</script>",
                                 "https://example.com/?q=<script>&x=\"y\""])
def test_as_html_escapes_article_text(url):
    a = hostile_analysis(url)
    page = as_html.render(a)
    p = parse(page)
    scripts = [attrs for tag, attrs in p.elements if tag == "script"]
    assert len(scripts) == 1 and "alert" not in p.scripts[0]
    assert not any(tag in ("img", "svg", "b", "i") for tag, _ in p.elements)
    for tag, attrs in p.elements:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        href = (attrs.get("href") or "").strip().lower()
        assert not href.startswith(("javascript:", "data:")), (tag, attrs)
    hrefs = [attrs["href"] for tag, attrs in p.elements if tag == "a" and not attrs["href"].startswith("#")]
    assert hrefs == ([url] if url.startswith("https://") else [])
    assert "".join(p.article) == a.text
    assert page.count("<article") == 1 and page.count("</article>") == 1
    # The URL is still shown, as text.
    assert html.escape(url.strip()) in page or html.escape(url) in page


def test_as_html_has_restrictive_csp_and_no_external_resources():
    page = as_html.render(relay_analysis())
    p = parse(page)
    csp = [attrs for tag, attrs in p.elements
           if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy"]
    assert csp and csp[0]["content"].startswith("default-src 'none'")
    for tag, attrs in p.elements:
        assert "src" not in attrs
        assert tag != "link"
    assert "url(" not in page.replace("url(#", "")


def test_as_html_panel_lists_speakers_with_quotes():
    page = as_html.render(relay_analysis())
    p = parse(page)
    h3 = [i for i, (tag, _) in enumerate(p.elements) if tag == "h3"]
    assert len(h3) == 4  # TASS, Russia, Anna Smith (two quotes), critics
    assert "TASS (media) ← intermediaries (anonymous) ← Russia (institution)" in html.unescape(page)
    assert "why reported: an on-record source: “She”" in html.unescape(page)
    anchors = {attrs["id"] for tag, attrs in p.elements if attrs.get("id", "").startswith("np-q")}
    links = {attrs["href"][1:] for tag, attrs in p.elements if tag == "a" and attrs.get("href", "").startswith("#")}
    assert links == anchors == {f"np-q{i}" for i in range(5)}


# --- the real pipeline ----------------------------------------------------------------

def test_render_real_analysis_smoke():
    a = analyze("\u201cWe will not wait,\u201d she said. Moscow said on Monday that the talks failed, "
                "according to Reuters.")
    obj = json.loads(as_json.to_json(a))
    validate_article(obj)
    check_spans(obj)
    assert a.id in report([a])
    p = parse(as_html.render(a))
    assert "".join(p.article) == a.text


def test_the_shared_stylesheet_has_a_class_for_every_kind_and_status():
    """The finding chips are styled once, in the sheet both HTML outputs use (inlined in
    the standalone page, /static/marks.css in the web app)."""
    from newsprobe.layers.claims import STATUSES
    from newsprobe.model import SPEAKER_KINDS

    css = as_html.marks_css()
    missing = [f".k-{k}" for k in SPEAKER_KINDS if k not in ("unknown", "author") and f".k-{k}" not in css]
    missing += [f".st-{s}" for s in STATUSES if f".st-{s}" not in css]
    assert not missing, missing
