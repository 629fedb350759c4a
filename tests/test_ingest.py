"""Ingest: every input becomes an Article (with its origin) or a NewsprobeError naming it."""

from __future__ import annotations

import io
import json
import sys

import pytest

from newsprobe.errors import NewsprobeError
from newsprobe.ingest import read_inputs
from newsprobe.ingest.outlet import outlet_of
from newsprobe.model import Article
from newsprobe.settings import Settings

BODY = "The council met on Monday. It approved the new budget after a long debate."

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Bridge repairs delayed | Valley Courier</title>
<meta property="og:title" content="Bridge repairs delayed again">
<meta property="og:url" content="https://news.valleycourier.co.uk/local/bridge-repairs">
<link rel="canonical" href="https://news.valleycourier.co.uk/local/bridge-repairs">
<meta property="article:published_time" content="2024-02-19T07:45:00+00:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/local">Local</a></nav>
<article><h1>Bridge repairs delayed again</h1>
<p>Repairs to the old river bridge will not start before June, the county engineer told
residents at a packed meeting in the village hall on Thursday evening.</p>
<p>The engineer said the steel beams ordered last year had failed an inspection and would
have to be replaced, adding several weeks to a project that was meant to finish in spring.</p>
<p>Shop owners on the high street said the detour was already costing them customers, and
asked the county to publish a firm timetable before the summer season begins.</p>
</article>
<footer>All rights reserved.</footer></body></html>
"""


def read(paths, **settings) -> list:
    return list(read_inputs([str(p) for p in paths], Settings.load(**settings)))


def one(path, **settings):
    [item] = read([path], **settings)
    return item


def error(path, code, **settings) -> NewsprobeError:
    item = one(path, **settings)
    assert isinstance(item, NewsprobeError), item
    assert item.code == code, item
    assert str(path) in str(item)  # the message names the input
    return item


# --- .txt ---------------------------------------------------------------------------

def test_ingest_txt_first_line_is_title_when_blank_line_follows(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(f"Council approves budget\n\n{BODY}\n", encoding="utf-8")
    article = one(f)
    assert isinstance(article, Article)
    assert article.title == "Council approves budget"
    assert article.text == BODY
    assert "Council approves budget" not in article.text
    assert article.origin == str(f)


def test_ingest_txt_without_blank_line_has_no_title(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(f"Council approves budget\n{BODY}\n", encoding="utf-8")
    article = one(f)
    assert article.title is None
    assert article.text == f"Council approves budget\n{BODY}"


def test_ingest_txt_single_paragraph_then_nothing_is_text_not_title(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(f"{BODY}\n\n", encoding="utf-8")
    article = one(f)
    assert article.title is None
    assert article.text == BODY


def test_ingest_txt_strips_bom_and_normalises_crlf(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"\xef\xbb\xbfBudget passed\r\n\r\nFirst line.\r\nSecond line.\rThird.\r\n")
    article = one(f)
    assert article.title == "Budget passed"
    assert article.text == "First line.\nSecond line.\nThird."
    assert "\r" not in article.text and "\ufeff" not in article.text


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n"])
def test_ingest_empty_txt_is_E001(tmp_path, content):
    f = tmp_path / "empty.txt"
    f.write_bytes(content)
    error(f, "E001")


def test_ingest_binary_txt_is_E002(tmp_path):
    f = tmp_path / "picture.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    error(f, "E002")


def test_ingest_control_heavy_txt_is_E002(tmp_path):
    f = tmp_path / "noise.txt"
    f.write_bytes(bytes(range(1, 32)) * 20 + b"some words")
    error(f, "E002")


def test_ingest_invalid_utf8_is_E003_with_offset(tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes("Caf\u00e9 opens\n\nThe caf\u00e9 opened.".encode("latin-1"))
    err = error(f, "E003")
    assert "offset 3" in err.message


def test_ingest_invalid_utf8_offset_counts_the_bom(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbfab\xffc")
    assert "offset 5" in error(f, "E003").message


def test_ingest_too_large_is_E005_naming_the_limit(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(BODY * 10, encoding="utf-8")
    err = error(f, "E005", max_input_bytes=100)
    assert "100" in err.message and "NEWSPROBE_MAX_INPUT_BYTES" in err.message


def test_ingest_missing_file_is_E007(tmp_path):
    error(tmp_path / "nope.txt", "E007")


def test_ingest_unsupported_file_is_E006(tmp_path):
    f = tmp_path / "notes.pdf"
    f.write_bytes(b"%PDF-1.4")
    error(f, "E006")


# --- HTML ---------------------------------------------------------------------------

def test_ingest_html_extracts_text_and_metadata(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(PAGE, encoding="utf-8")
    article = one(f)
    assert isinstance(article, Article), article
    assert article.title == "Bridge repairs delayed again"
    assert article.published == "2024-02-19"
    assert article.url == "https://news.valleycourier.co.uk/local/bridge-repairs"
    assert article.outlet == "valleycourier.co.uk"
    assert "steel beams" in article.text
    assert "All rights reserved" not in article.text and "Home" not in article.text
    assert not article.text.startswith("Bridge repairs delayed again")
    assert article.origin == str(f)


def test_ingest_html_without_text_is_E008(tmp_path):
    f = tmp_path / "blank.htm"
    f.write_text("<html><head><title>Nothing</title><script>var x = 1;</script></head>"
                 "<body><div></div><img src='a.png'></body></html>",
                 encoding="utf-8")
    error(f, "E008")


# --- JSONL --------------------------------------------------------------------------

def test_ingest_jsonl_lines_fail_alone(tmp_path):
    f = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "title": "First", "text": BODY,
                    "url": "https://www.example.com.au/story", "published": "2023-05-01T10:00:00Z"}),
        '{"id": "a2", "text": "broken',
        "",
        json.dumps({"id": "a3", "title": "No text"}),
        json.dumps({"id": "a4", "text": "   "}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": 5, "text": "Line one.\r\nLine two.", "outlet": "Wire Service"}),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read([f])
    assert [(type(i).__name__, getattr(i, "code", None)) for i in items] == [
        ("Article", None), ("NewsprobeError", "E004"), ("NewsprobeError", "E001"),
        ("NewsprobeError", "E001"), ("NewsprobeError", "E004"), ("Article", None)]
    first, broken, missing, blank, array, last = items
    assert first.origin == f"{f}:1" and first.id == "a1" and first.title == "First"
    assert first.outlet == "example.com.au" and first.published == "2023-05-01"
    assert broken.origin == f"{f}:2" and f"{f}:2" in str(broken)
    assert "at at" not in str(broken) and " at column " in str(broken)
    assert missing.origin == f"{f}:4" and blank.origin == f"{f}:5"
    assert last.origin == f"{f}:7" and last.id == "5"
    assert last.text == "Line one.\nLine two." and last.outlet == "Wire Service"


def test_ingest_empty_jsonl_is_E001(tmp_path):
    f = tmp_path / "none.jsonl"
    f.write_text("\n\n", encoding="utf-8")
    error(f, "E001")


# --- directories, stdin, order --------------------------------------------------------

def test_ingest_directory_is_recursive_sorted_and_skips_others(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "z").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for rel in ["b/2.txt", "a/z/3.txt", "a/1.TXT", "c.txt", "b/.secret.txt",
                ".hidden/x.txt", "notes.md", "a/img.png"]:
        (tmp_path / rel).write_text(f"Story {rel}. It is short.", encoding="utf-8")
    items = read([tmp_path])
    assert all(isinstance(i, Article) for i in items), items
    assert [i.origin for i in items] == [
        str(tmp_path / rel) for rel in ["a/1.TXT", "a/z/3.txt", "b/2.txt", "c.txt"]]


def test_ingest_keeps_input_order_across_kinds(tmp_path):
    t = tmp_path / "x.txt"
    t.write_text(BODY, encoding="utf-8")
    j = tmp_path / "y.jsonl"
    j.write_text(json.dumps({"text": BODY}) + "\n", encoding="utf-8")
    items = read([j, tmp_path / "missing.txt", t])
    assert [getattr(i, "origin", None) for i in items] == [
        f"{j}:1", str(tmp_path / "missing.txt"), str(t)]


def test_ingest_stdin_uses_txt_rules(monkeypatch):
    data = "\ufeffHeadline here\r\n\r\nThe body of the story.\r\n".encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    [article] = list(read_inputs(["-"], Settings.load()))
    assert article.origin == "<stdin>"
    assert article.title == "Headline here"
    assert article.text == "The body of the story."


def test_ingest_empty_stdin_is_E001(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8"))
    [err] = list(read_inputs(["-"], Settings.load()))
    assert err.code == "E001" and "<stdin>" in str(err)


# --- outlet -------------------------------------------------------------------------

@pytest.mark.parametrize("url, outlet", [
    ("https://www.bbc.co.uk/news/world-1", "bbc.co.uk"),
    ("http://edition.cnn.com/2024/01/01/x.html", "cnn.com"),
    ("https://WWW.Example.ORG/a", "example.org"),
    ("https://127.0.0.1/x", None),
    (None, None),
])
def test_ingest_outlet_is_registered_domain(url, outlet):
    assert outlet_of(url) == outlet


def test_ingest_outlet_never_touches_network(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    from newsprobe.ingest import outlet
    outlet._extractor.cache_clear()
    assert outlet_of("https://news.example.co.jp/a") == "example.co.jp"
