"""The demo corpus in examples/ and its golden attributions (tests/golden/expected.json).

The golden file was written by hand from the articles, as a careful fact-checker would read
them: who says what, how (direct, indirect, mixed), resolved to which speaker, of which kind,
through which chain of sources. It is the specification of the attribution layer: do not
edit an expectation to match program output; fix the program, or, if the expectation
itself misreads the text, fix it with a note in the commit saying why.

Each expectation is its own test (id: article::NN-content), so a failure names exactly the
attribution that is missing or wrong, and shows the quotes the program did find.
"""

from __future__ import annotations

import functools
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsprobe import analyze_many
from newsprobe.model import SPEAKER_KINDS, QUOTE_TYPES, Article
from newsprobe.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOLDEN_PATH = ROOT / "tests" / "golden" / "expected.json"
GOLDEN = json.loads(GOLDEN_PATH.read_text(encoding="utf-8"))
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


# ---------------------------------------------------------------------------- reading

def _example_files() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if p.suffix in ARTICLE_SUFFIXES)


class _PageReader(HTMLParser):
    """Fallback HTML reader: <title>, published time, canonical URL, <article> paragraphs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = None
        self.url = None
        self.published = None
        self.paragraphs: list[str] = []
        self._in_title = self._in_article = self._in_p = False
        self._buf: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "title":
            self._in_title, self._buf = True, []
        elif tag == "meta" and a.get("property") == "article:published_time":
            self.published = (a.get("content") or "")[:10] or None
        elif tag == "link" and a.get("rel") == "canonical":
            self.url = a.get("href")
        elif tag == "article":
            self._in_article = True
        elif tag == "p" and self._in_article and "byline" not in (a.get("class") or ""):
            self._in_p, self._buf = True, []

    def handle_endtag(self, tag):
        if tag == "title" and self._in_title:
            self._in_title = False
            self.title = "".join(self._buf).split(" | ")[0].strip()
        elif tag == "article":
            self._in_article = False
        elif tag == "p" and self._in_p:
            self._in_p = False
            self.paragraphs.append(" ".join("".join(self._buf).split()))

    def handle_data(self, data):
        if self._in_title or self._in_p:
            self._buf.append(data)


def _fallback_read(path: Path) -> list[Article]:
    """A small stand-in for newsprobe.ingest.read_inputs, used only while ingest is missing."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        out = []
        for line in raw.splitlines():
            if line.strip():
                d = json.loads(line)
                out.append(Article(text=d["text"], id=d.get("id"), title=d.get("title"),
                                   url=d.get("url"), outlet=d.get("outlet"),
                                   published=d.get("published"), origin=str(path)))
        return out
    if path.suffix in (".html", ".htm"):
        page = _PageReader()
        page.feed(raw)
        return [Article(text="\n\n".join(page.paragraphs), title=page.title, url=page.url,
                        published=page.published, origin=str(path))]
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    first, sep, rest = text.partition("\n\n")
    if sep and "\n" not in first.strip():
        return [Article(text=rest.strip("\n"), title=first.strip(), origin=str(path))]
    return [Article(text=text.strip("\n"), origin=str(path))]


def _read(path: Path) -> list[Article]:
    try:
        from newsprobe.ingest import read_inputs
    except ImportError:
        return _fallback_read(path)
    out = []
    for item in read_inputs([str(path)], Settings.load()):
        if not isinstance(item, Article):
            raise AssertionError(f"{path.name} could not be read: {item}")
        out.append(item)
    return out


def _key(path: Path, article: Article, many: bool) -> str:
    return f"{path.name}#{article.id}" if many else path.name


@functools.lru_cache(maxsize=1)
def _articles() -> dict[str, Article]:
    found: dict[str, Article] = {}
    for path in _example_files():
        articles = _read(path)
        for article in articles:
            found[_key(path, article, len(articles) > 1 or path.suffix == ".jsonl")] = article
    return found


@functools.lru_cache(maxsize=1)
def _analyses() -> dict[str, dict]:
    """Every demo article analysed once (one spaCy load, one nlp.pipe run)."""
    articles = _articles()
    keys = list(articles)
    settings = Settings.load()
    return {k: a.to_dict() for k, a in zip(keys, analyze_many([articles[k] for k in keys], settings))}


# ---------------------------------------------------------------------------- matching

_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'",
                       "\u00a0": " ", "–": "-", "—": "-"})


def _fold(s: str) -> str:
    return " ".join(s.translate(_FOLD).lower().split())


def _name(s: str) -> str:
    return re.sub(r"^(the|a|an) ", "", _fold(s))


def _names(expected) -> set[str]:
    return {_name(n) for n in ([expected] if isinstance(expected, str) else expected)}


def _content(quote: dict) -> str:
    return " ".join(c["text"] for c in quote["content"])


def _mismatches(quote: dict, exp: dict) -> list[str]:
    """What is wrong with `quote` as the attribution `exp` describes (empty: it matches)."""
    problems = []
    speaker = quote["speaker"]
    if _name(speaker["name"]) not in _names(exp["speaker"]):
        problems.append(f"speaker {speaker['name']!r}, expected {exp['speaker']!r}")
    if speaker["kind"] != exp["kind"]:
        problems.append(f"kind {speaker['kind']!r}, expected {exp['kind']!r}")
    if quote["type"] != exp["type"]:
        problems.append(f"type {quote['type']!r}, expected {exp['type']!r}")
    if "chain" in exp:
        got = [(c["name"], c["kind"]) for c in quote.get("chain", [])]
        ok = len(got) == len(exp["chain"]) and all(
            _name(g_name) in _names(e_name) and g_kind == e_kind
            for (g_name, g_kind), (e_name, e_kind) in zip(got, exp["chain"]))
        if not ok:
            problems.append(f"chain {got}, expected {exp['chain']}")
    if exp.get("cue"):
        cue = _fold(quote["cue"]["text"]) if quote.get("cue") else ""
        want = _fold(exp["cue"])
        if not cue or not (want in cue or cue in want):
            problems.append(f"cue {cue or None!r}, expected {exp['cue']!r}")
    return problems


def _describe(quote: dict) -> str:
    chain = [(c["name"], c["kind"]) for c in quote.get("chain", [])]
    cue = quote["cue"]["text"] if quote.get("cue") else None
    return (f"  {quote['id']} {quote['type']} cue={cue!r} speaker={quote['speaker']['name']!r}"
            f"/{quote['speaker']['kind']} chain={chain}\n    content={_content(quote)!r}")


# ---------------------------------------------------------------------------- the corpus

def _golden_cases():
    for key, items in GOLDEN["articles"].items():
        for i, exp in enumerate(items, 1):
            label = re.sub(r"\W+", "_", exp["content_contains"].translate(_FOLD))[:40].strip("_")
            yield pytest.param(key, exp, id=f"{key}::{i:02d}-{label}")


def test_corpus_has_enough_articles_of_the_right_length():
    articles = _articles()
    assert len(articles) >= 14, sorted(articles)
    for key, article in articles.items():
        words = len(article.text.split())
        assert 150 <= words <= 400, f"{key}: {words} words"
        assert article.title, f"{key}: no title"


def test_corpus_formats():
    suffixes = {p.suffix for p in _example_files()}
    assert {".txt", ".html", ".jsonl"} <= suffixes
    articles = _articles()
    page = next(a for k, a in articles.items() if k.endswith(".html"))
    assert page.url and page.url.startswith("https://")
    assert page.published and page.published.startswith("2026-")
    assert "Privacy" not in page.text and "Subscribe" not in page.text, "boilerplate leaked in"
    wire = [a for k, a in articles.items() if ".jsonl#" in k]
    assert len(wire) == 2 and all(a.id and a.url and a.outlet and a.published for a in wire)


def test_readme_lists_every_example():
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for path in _example_files():
        assert path.name in readme, f"examples/README.md does not mention {path.name}"


def test_golden_covers_every_article_and_is_well_formed():
    assert set(GOLDEN["articles"]) == set(_articles())
    for key, items in GOLDEN["articles"].items():
        assert items, key
        text = _fold(_articles()[key].text)
        for exp in items:
            assert exp["type"] in QUOTE_TYPES, (key, exp)
            assert exp["kind"] in SPEAKER_KINDS, (key, exp)
            assert all(kind in SPEAKER_KINDS for _, kind in exp.get("chain", [])), (key, exp)
            # A typo in the golden file must not pass as a program failure.
            assert _fold(exp["content_contains"]) in text, (key, exp["content_contains"])
            if exp.get("cue"):
                assert _fold(exp["cue"]) in text, (key, exp["cue"])


@pytest.mark.parametrize("key", sorted(GOLDEN["articles"]))
def test_output_is_valid_against_schema(key):
    schema = pytest.importorskip("newsprobe.schema")
    if not hasattr(schema, "validate_article") or not hasattr(schema, "check_spans"):
        pytest.skip("newsprobe.schema has no validate_article/check_spans yet")
    obj = _analyses()[key]
    for check in (schema.validate_article, schema.check_spans):
        problems = check(obj)  # raises on a problem; a returned list must be empty
        assert not problems, problems


@pytest.mark.parametrize(("key", "exp"), list(_golden_cases()))
def test_golden_attribution(key, exp):
    analysis = _analyses()[key]
    want = _fold(exp["content_contains"])
    candidates = [q for q in analysis["quotes"] if want in _fold(_content(q))]
    if not candidates:
        pytest.fail(f"no quote's content contains {exp['content_contains']!r} "
                    f"({len(analysis['quotes'])} quotes in {key})")
    reports = [(q, _mismatches(q, exp)) for q in candidates]
    if any(not problems for _, problems in reports):
        return
    lines = [f"no quote containing {exp['content_contains']!r} matches {exp}:"]
    for quote, problems in reports:
        lines.append(_describe(quote))
        lines.append("    -> " + "; ".join(problems))
    pytest.fail("\n".join(lines))
