"""WARC ingest: HTML 200 responses become Articles named file@offset; other records are
skipped and counted; broken files become errors naming file and offset, never a crash."""

from __future__ import annotations

import gzip

import pytest

from demo_warc import page_of
from newsprobe.errors import NewsprobeError
from newsprobe.ingest import read_inputs
from newsprobe.ingest.warc import WarcArticle, WarcPage, WarcStats, read_warc, write_warc
from newsprobe.model import Article

BODY = ("The harbour board said on Tuesday that the north pier would reopen in June after "
        "repairs to its pilings. Fishing crews had asked for the work for three years.")


def _page(title: str, body: str = BODY) -> bytes:
    return page_of(Article(text=body + "\n" + body.replace("north", "south"), title=title))


def _pages() -> list[WarcPage]:
    return [
        WarcPage("https://port.example.com/pier", _page("Pier to reopen"),
                 date="2024-03-05T06:07:08Z"),
        WarcPage("https://port.example.com/old", b"gone", status=404, content_type="text/plain"),
        WarcPage("https://port.example.com/moved", b"", status=301, content_type="text/html"),
        WarcPage("https://port.example.com/map.pdf", b"%PDF-1.7 fake", content_type="application/pdf"),
        WarcPage("https://port.example.com/dredging", _page("Dredging starts"),
                 content_type="application/xhtml+xml"),
    ]


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_warc_reads_html_200_responses_with_url_date_and_offset(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    offsets = write_warc(str(path), _pages(), gzip=gz)
    stats = WarcStats()
    items = list(read_warc(str(path), 1_000_000, stats))
    assert all(isinstance(i, WarcArticle) for i in items)
    assert [a.origin for a in items] == [f"{path}@{offsets[0]}", f"{path}@{offsets[4]}"]
    first = items[0]
    assert first.url == "https://port.example.com/pier"
    assert first.outlet == "example.com"
    assert first.fetched == "2024-03-05T06:07:08Z"
    assert first.title == "Pier to reopen"
    assert first.text.startswith("The harbour board said")  # headline not repeated
    assert "Home" not in first.text and "Copyright" not in first.text  # boilerplate gone
    assert stats.responses == 5 and stats.articles == 2
    assert stats.skipped_status == 2 and stats.skipped_type == 1
    assert stats.statuses == {"200": 3, "404": 1, "301": 1}


def test_warc_offsets_are_where_the_records_start(tmp_path):
    """An origin's offset is what a reader needs to seek straight to the record."""
    from warcio.archiveiterator import ArchiveIterator

    path = tmp_path / "crawl.warc.gz"
    write_warc(str(path), _pages())
    article = next(read_warc(str(path), 1_000_000))
    offset = int(article.origin.rsplit("@", 1)[1])
    with open(path, "rb") as f:
        f.seek(offset)
        record = next(iter(ArchiveIterator(f)))
        assert record.rec_type == "response"
        assert record.rec_headers.get_header("WARC-Target-URI") == article.url


def test_warc_truncated_gzip_is_an_error_naming_file_and_offset(tmp_path):
    path = tmp_path / "cut.warc.gz"
    offsets = write_warc(str(path), _pages())
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 150])  # the last response loses its end
    items = list(read_warc(str(path), 1_000_000))
    assert isinstance(items[0], Article)
    err = items[-1]
    assert isinstance(err, NewsprobeError) and err.code == "E030"
    assert err.origin == f"{path}@{offsets[4]}"
    assert str(offsets[4]) in err.message


def test_warc_truncated_plain_record_is_an_error_not_a_short_article(tmp_path):
    path = tmp_path / "cut.warc"
    offsets = write_warc(str(path), _pages(), gzip=False)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 100])
    items = list(read_warc(str(path), 1_000_000))
    assert [type(i).__name__ for i in items] == ["WarcArticle", "NewsprobeError"]
    assert items[-1].origin == f"{path}@{offsets[4]}" and items[-1].code == "E030"


def test_warc_garbage_between_records_stops_the_file_with_an_error(tmp_path):
    path = tmp_path / "bad.warc.gz"
    offsets = write_warc(str(path), _pages())
    data = path.read_bytes()
    path.write_bytes(data[: offsets[1]] + gzip.compress(b"this is not a WARC record\r\n\r\n")
                     + data[offsets[1]:])
    items = list(read_warc(str(path), 1_000_000))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], NewsprobeError) and items[1].origin == f"{path}@{offsets[1]}"
    assert len(items) == 2


def test_warc_not_a_warc_and_empty_files(tmp_path):
    junk = tmp_path / "junk.warc"
    junk.write_text("hello\nworld\n")
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(b"")
    (err,) = read_warc(str(junk), 1000)
    assert err.code == "E030" and err.origin == f"{junk}@0"
    (err,) = read_warc(str(empty), 1000)
    assert err.code == "E001"


def test_warc_payload_over_the_size_limit_is_E005(tmp_path):
    path = tmp_path / "big.warc.gz"
    write_warc(str(path), _pages()[:1])
    (err,) = read_warc(str(path), 100)
    assert err.code == "E005" and "@" in err.origin


def test_warc_done_records_are_skipped_before_extraction(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    offsets = write_warc(str(path), _pages())
    stats = WarcStats()
    items = list(read_warc(str(path), 1_000_000, stats, done={f"{path}@{offsets[0]}"}))
    assert [a.origin for a in items] == [f"{path}@{offsets[4]}"]
    assert stats.skipped_done == 1


def test_read_inputs_takes_warc_files_and_directories_of_them(tmp_path):
    write_warc(str(tmp_path / "a.warc.gz"), _pages())
    write_warc(str(tmp_path / "b.warc"), _pages()[:1], gzip=False)
    items = list(read_inputs([str(tmp_path)]))
    assert [i.origin.split("@")[0].rsplit("/", 1)[1] for i in items] == ["a.warc.gz", "a.warc.gz", "b.warc"]
