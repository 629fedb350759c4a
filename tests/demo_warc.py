"""Test helper: the demo corpus (`examples/`) rendered as simple news pages in a WARC file,
built at run time with warcio's writer, plus a few records a crawl also holds (a 404, a
PDF) that a reader must skip."""

from __future__ import annotations

import html
from pathlib import Path

from newsprobe.ingest import read_inputs
from newsprobe.ingest.warc import WarcPage, write_warc
from newsprobe.model import Article

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def demo_articles() -> list[Article]:
    return [a for a in read_inputs([str(EXAMPLES)]) if isinstance(a, Article)]


def page_of(article: Article) -> bytes:
    """A news page as a CMS would serve it: navigation, headline, paragraphs, footer."""
    title = html.escape(article.title or "Untitled")
    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>\n"
                         for p in article.text.split("\n") if p.strip())
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>\n{paragraphs}</article>"
            f"<footer>Copyright Example Media</footer></body></html>").encode("utf-8")


def demo_pages(articles: list[Article] | None = None, noise: bool = True) -> list[WarcPage]:
    pages = []
    for i, article in enumerate(articles or demo_articles()):
        pages.append(WarcPage(f"https://news.example.org/story/{i:03d}", page_of(article),
                              date=f"2024-05-{1 + i % 28:02d}T08:00:00Z"))
        if noise and i % 5 == 0:
            pages.append(WarcPage(f"https://news.example.org/gone/{i}", b"not here", status=404,
                                  content_type="text/plain"))
            pages.append(WarcPage(f"https://news.example.org/report-{i}.pdf", b"%PDF-1.4 ...",
                                  content_type="application/pdf"))
    return pages


def write_demo_warc(path: Path, articles: list[Article] | None = None, noise: bool = True) -> Path:
    write_warc(str(path), demo_pages(articles, noise))
    return path


def analyze_rows(paths: list[str]) -> dict[str, list[dict]]:
    """The table rows `analyze` gives, article by article, for the records of `paths`: what
    batch and Spark output must equal."""
    from newsprobe import analyze
    from newsprobe.batch.tables import empty_rows, analysis_rows, error_row
    from newsprobe.errors import NewsprobeError

    rows = empty_rows()
    for item in read_inputs(paths):
        if isinstance(item, NewsprobeError):
            rows["errors"].append(error_row(item))
            continue
        for table, new in analysis_rows(analyze(item), item).items():
            rows[table].extend(new)
    return normalised(rows)


def read_tables(out: Path) -> dict[str, list[dict]]:
    """Every table under `out` (batch or Spark layout: `out/<table>/*.parquet`)."""
    import pyarrow.parquet as pq

    from newsprobe.batch.tables import TABLES

    rows = {}
    for table in TABLES:
        files = sorted((out / table).glob("*.parquet"))
        rows[table] = [r for f in files for r in pq.read_table(f).to_pylist()]
    return normalised(rows)


def normalised(rows: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Rows in a fixed order, without the per-run timings (the only field that differs
    between two analyses of the same text)."""
    import json

    out = {}
    for table, table_rows in rows.items():
        cleaned = [{k: v for k, v in r.items() if k != "timings_ms"} for r in table_rows]
        out[table] = sorted(cleaned, key=lambda r: json.dumps(r, sort_keys=True, default=str))
    return out
