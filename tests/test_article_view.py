"""The article view (render/article_view.py): what the terminal report, the HTML report
and the web article page show of one analysis, decided once. A hand-built analysis with
two speakers (one quoted twice), techniques in the author's words and inside a quote,
integrity warnings and notes out of order, and claims with and without firmness."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from newsprobe.model import Analysis, Quote, Span, Speaker
from newsprobe.render import article_view, as_html, as_text

TEXT = ("The mayor said the bridge may close. \u201cIt is a disaster,\u201d said Ida Quell. "
        "Quell added that repairs would reportedly cost millions. Critics called it a scandal.")


def span(s: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(s, start + 1)
    return Span.of(TEXT, start, start + len(s))


def analysis() -> Analysis:
    quell = Speaker("Ida Quell", "person")
    quotes = [
        # Listed out of text order: the view groups and colours by speaker regardless.
        Quote("q2", "direct", span("said", 1), [span("It is a disaster,")], span("Ida Quell"), quell, [], 0.9),
        Quote("q1", "indirect", span("said"), [span("the bridge may close")], span("The mayor"),
              Speaker("the mayor", "official"), [], 0.8),
        Quote("q3", "indirect", span("added"), [span("repairs would reportedly cost millions")],
              span("Quell", 1), quell, [], 0.7),
    ]

    def claim(cid: str, text: str, status: str, quote: str | None, hedges: list, **more) -> dict:
        s = span(text)
        return {"id": cid, **s.to_dict(), "status": status,
                "evidence": {"rule": "on_record_source", "decided_by": "rule", "words": span("The mayor").to_dict()},
                "rebutted_by": None, "checkworthiness": 0.5, **more, "quote": quote,
                "hedges": hedges, "factchecks": []}

    claims = [
        claim("c1", "the bridge may close", "hedged", "q1", firmness=0.3,
              hedges=[{**span("may", 1).to_dict(), "kind": "modal"}]),
        claim("c2", "repairs would reportedly cost millions", "reported", "q3",
              hedges=[span("reportedly").to_dict(), span("said").to_dict()]),  # made before firmness
    ]
    techniques = [
        {**span("a scandal").to_dict(), "technique": "loaded_language", "score": 0.6, "in_quote": None},
        {**span("a disaster").to_dict(), "technique": "loaded_language", "score": 0.7, "in_quote": "q2"},
        {**span("Critics called").to_dict(), "technique": "doubt", "score": 0.4, "in_quote": None},
    ]

    def finding(kind: str, where: str, severity: str) -> dict:
        return {"kind": kind, "spans": [span(where).to_dict()], "message": f"{kind} here",
                "severity": severity, "score": 0.5}

    integrity = [finding("name_variant", "Quell", "info"), finding("stray_fragment", "Critics", "warning"),
                 finding("truncated_sentence", "The mayor", "warning")]
    return Analysis(text=TEXT, id="view-1", title="Bridge", quotes=quotes, claims=claims,
                    techniques=techniques, integrity=integrity)


def test_quotes_group_by_speaker_in_text_order_with_one_colour_each():
    view = article_view.build(analysis())
    assert [(s.name, [r.quote.id for r in s.quotes]) for s in view.speakers] == [
        ("the mayor", ["q1"]), ("Ida Quell", ["q2", "q3"])]
    quell = view.speakers[1]
    # The colour follows the speaker, and is the one the highlighted text uses.
    assert {view.colour[r.index] for r in quell.quotes} == {quell.colour}
    assert quell.colour != view.speakers[0].colour
    body = as_html.highlight(view)
    assert f'class="qc sp{quell.colour}"' in body
    assert (quell.quotes[0].start, quell.quotes[0].end) == (TEXT.index("It is"), TEXT.index("said", 20) + 4)


def test_whose_technique_and_the_glossary_in_order_of_first_appearance():
    view = article_view.build(analysis())
    assert [(t.name, t.by) for t in view.techniques] == [
        ("loaded_language", "Ida Quell (quote q2)"), ("doubt", "the author"), ("loaded_language", "the author")]
    assert (view.by_author, view.by_speakers) == (2, 1)
    assert [g.name for g in view.glossary] == ["loaded_language", "doubt"]


def test_the_layers_voice_decides_whose_technique_not_the_quote_alone():
    # The techniques layer tells the voice: "Critics called" is the critics' doubt although
    # no quote holds it; a technique inside a quote's paraphrase can be the author's.
    a = analysis()
    a.techniques[2].update(voice="speaker", speaker="Critics")
    a.techniques[1].update(voice="speaker", speaker="Ida Quell")
    a.techniques[0].update(voice="author", speaker=None)
    view = article_view.build(a)
    assert [(t.name, t.by) for t in view.techniques] == [
        ("loaded_language", "Ida Quell (quote q2)"), ("doubt", "Critics"), ("loaded_language", "the author")]
    assert (view.by_author, view.by_speakers) == (1, 2)
    assert 'class="tech tech-q"' in as_html.highlight(view)


def test_integrity_warnings_first_then_notes_each_in_text_order_with_counts():
    view = article_view.build(analysis())
    assert [(f.severity, f.kind) for f in view.integrity] == [
        ("warning", "truncated_sentence"), ("warning", "stray_fragment"), ("info", "name_variant")]
    assert view.warnings_label == "2 warnings, 1 info"
    assert view.integrity[0].label == "cut-off sentence"


def test_claims_carry_firmness_evidence_speaker_and_hedges():
    c1, c2 = article_view.build(analysis()).claims
    assert (c1.firmness, c1.weak, c1.via, c1.exact) == ("0.30", True, "the mayor", True)
    assert c1.why == "an on-record source: \u201cThe mayor\u201d"
    assert [h.text for h in c1.hedges_inside] == ["may"] and not c1.hedges_outside
    assert c2.firmness is None and not c2.weak  # an analysis made before the field
    assert [h.text for h in c2.hedges_inside] == ["reportedly"]
    assert [h.text for h in c2.hedges_outside] == ["said"]
    assert article_view.build(analysis()).statuses == {"hedged": 1, "reported": 1}


def test_a_source_mention_that_does_not_name_the_speaker_shows_whom_it_resolves_to():
    a = analysis()
    quell = next(q for q in a.quotes if q.id == "q3")
    quell.source = span("The mayor")  # a mention that does not name her, as "which" or "he"
    c1, c2 = article_view.build(a).claims
    assert c1.why == "an on-record source: \u201cThe mayor\u201d"  # names its speaker
    assert c2.why == "an on-record source: \u201cThe mayor\u201d (Ida Quell)"
    # evidence words that are not the quote's source mention (a later denial's verb) get
    # no name: it would read as the speaker's own denial
    quell.source = span("Quell", 1)
    assert article_view.build(a).claims[1].why == "an on-record source: \u201cThe mayor\u201d"


def test_the_terminal_and_html_reports_show_what_the_view_decided():
    a = analysis()
    buf = io.StringIO()
    as_text.render([a], Console(file=buf, width=160, color_system=None))
    text, page = buf.getvalue(), as_html.render(a)
    assert "(2 warnings, 1 info)" in text and "2 warnings, 1 info" in page
    assert "2 in the author's words, 1 in speakers' words" in text
    assert "by Ida Quell (quote q2)" in page and "by the author" in page
    assert "cut-off sentence" in page and "firm 0.30" in page and "0.30" in text
    assert text.index("loaded language:") < text.index("doubt:")
    assert page.index("<dt>loaded language</dt>") < page.index("<dt>doubt</dt>")


def test_the_web_article_page_shows_what_the_view_decided(tmp_path):
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from newsprobe.store import Store
    from newsprobe.web import WebConfig, create_app

    db = tmp_path / "v.db"
    with Store.open(db) as store:
        store.put_analysis(analysis())
    with TestClient(create_app(WebConfig(db=db)), base_url="http://127.0.0.1") as client:
        page = client.get("/article/view-1", headers={"accept": "text/html"}).text
    assert "2 warnings, 1 info" in page and "cut-off sentence" in page
    assert "by Ida Quell (quote q2)" in page and "2 in the author's words, 1 in speakers' words" in page
    assert "firm 0.30" in page and "why hedged: an on-record source" in page
    panel = page[page.index('id="p-warnings"'):]
    assert panel.index("cut-off sentence") < panel.index("stray fragment") < panel.index("name spelt two ways")
