"""WARC and WARC.gz files (the Common Crawl news layout): one Article per HTML response.

Each `response` record with HTTP status 200 and an HTML content type goes through the HTML
reader (trafilatura), with the url and fetch date taken from the WARC headers. Other
responses (redirects, errors, PDFs, images) are skipped and counted in `WarcStats`, and so
are request, metadata and warcinfo records. An Article's origin is `file.warc.gz@OFFSET`,
the byte offset of its record in the file (of its gzip member, for .warc.gz), which is what
`warcio extract`, Common Crawl's index and the batch ledger all use to name a record.

A record that cannot be read (truncated gzip, broken headers) becomes a NewsprobeError that
names the file and offset; reading stops there, because after a broken record the reader
has lost its place in the stream.
"""

from __future__ import annotations

import logging
import os
import zlib
from collections.abc import Container, Iterator
from dataclasses import dataclass, field

from ..errors import NewsprobeError
from ..model import Article
from ..settings import Settings
from .html_page import read_html
from .outlet import outlet_of

log = logging.getLogger(__name__)

# Content types read as HTML pages; everything else is counted as skipped.
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class WarcArticle(Article):
    """An Article read from a WARC record: the crawler's fetch time travels with it."""

    fetched: str | None = None  # WARC-Date, ISO 8601 (e.g. 2024-05-01T12:00:00Z)
    record_id: str | None = None  # WARC-Record-ID


@dataclass
class WarcStats:
    """What one pass over WARC files saw; the batch run reports these counts."""

    records: int = 0
    responses: int = 0
    articles: int = 0
    skipped_status: int = 0
    skipped_type: int = 0
    skipped_done: int = 0
    errors: int = 0
    statuses: dict[str, int] = field(default_factory=dict)

    def add(self, other: "WarcStats") -> None:
        for name in ("records", "responses", "articles", "skipped_status", "skipped_type",
                     "skipped_done", "errors"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for status, n in other.statuses.items():
            self.statuses[status] = self.statuses.get(status, 0) + n

    def to_dict(self) -> dict:
        return {"records": self.records, "responses": self.responses,
                "articles": self.articles, "skipped_status": self.skipped_status,
                "skipped_type": self.skipped_type, "skipped_done": self.skipped_done,
                "errors": self.errors, "statuses": dict(self.statuses)}


def record_origin(path: str, offset: int) -> str:
    return f"{path}@{offset}"


def read_warc(path: str, max_bytes: int, stats: WarcStats | None = None,
              done: Container[str] = (), settings: Settings | None = None
              ) -> Iterator[Article | NewsprobeError]:
    """Yield an Article or a NewsprobeError for each HTML 200 response in the WARC file at
    `path`, in file order. Records whose origin is in `done` (a resumed batch run) are
    skipped before their HTML is extracted, which is the expensive part. `settings` holds
    the extraction limits (ingest/html_page.py); `max_bytes` bounds the raw payload."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    stats = stats if stats is not None else WarcStats()
    settings = settings or Settings()
    with open(path, "rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        records = ArchiveIterator(stream)
        offset = records.offset
        try:
            for record in records:
                # While a record is being read, the iterator's offset is still its start.
                offset = records.offset
                stats.records += 1
                # warcio hands out a member cut short as a record with no type or no
                # Content-Length, and garbage as an ARC record: all broken records, not
                # skipped ones (RELIABILITY.md).
                if record.rec_type is None or record.format != "warc" or record.length is None:
                    raise ValueError(f"not a whole WARC record ({record.format or 'no'} format, type {record.rec_type})")
                item = _read_record(record, path, offset, max_bytes, stats, done, settings)
                records.read_to_end()
                # warcio hands out a record cut short by the end of the file as if it were
                # whole; the block's reader still expects bytes.
                if getattr(record.raw_stream, "limit", 0) > 0:
                    raise EOFError(f"{record.raw_stream.limit} bytes of the record missing")
                if isinstance(item, Article):
                    stats.articles += 1
                if item is not None:
                    yield item
                offset = records.offset
        # AttributeError: warcio reads a response record with no WARC-Target-URI as
        # None.startswith(...) (found by fuzz/fuzz_ingest.py).
        except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, OSError,
                AttributeError) as exc:
            stats.errors += 1
            yield _broken(path, offset, f"{type(exc).__name__}: {_short(exc)}")
        else:
            # A truncated last gzip member ends warcio's iteration silently: bytes left
            # over after the last whole record are a broken record.
            if records.offset < size:
                stats.errors += 1
                yield _broken(path, records.offset, f"{size - records.offset} bytes at the "
                              "end of the file are not a whole record (truncated file?)")
            elif not stats.records:
                yield NewsprobeError("E001", "the WARC file holds no records", path)
    log.info("%s: %s", path, stats.to_dict())


def _broken(path: str, offset: int, why: str) -> NewsprobeError:
    return NewsprobeError("E030", f"broken WARC record at byte offset {offset} ({why}); "
                          "the rest of the file is not read", record_origin(path, offset))


def _read_record(record, path: str, offset: int, max_bytes: int, stats: WarcStats,
                 done: Container[str], settings: Settings) -> Article | NewsprobeError | None:
    if record.rec_type != "response":
        return None
    stats.responses += 1
    http = record.http_headers
    status = http.get_statuscode() if http is not None else None
    stats.statuses[str(status)] = stats.statuses.get(str(status), 0) + 1
    if status != "200":
        stats.skipped_status += 1
        return None
    content_type = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in HTML_TYPES:
        stats.skipped_type += 1
        return None
    origin = record_origin(path, offset)
    if origin in done:
        stats.skipped_done += 1
        return None
    # Read the payload even when it is too large, so that a broken record still raises
    # here (inside the caller's try) rather than at the next one.
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        stats.errors += 1
        return NewsprobeError("E005", f"the HTML payload is over the limit of {max_bytes:,} "
                              "bytes (setting max_input_bytes)", origin)
    try:
        page = read_html(data, origin, settings)
    except NewsprobeError as err:
        stats.errors += 1
        return err
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI") or page.url
    return WarcArticle(
        text=page.text, title=page.title, url=url, outlet=outlet_of(url),
        published=page.published, origin=origin,
        fetched=headers.get_header("WARC-Date"),
        record_id=headers.get_header("WARC-Record-ID"))


def _short(exc: BaseException, limit: int = 160) -> str:
    text = str(exc) or exc.__class__.__name__
    # warcio quotes the bytes it could not parse: keep the message one printable line.
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= limit else text[:limit] + "…"


@dataclass
class WarcPage:
    """One HTTP response to write into a WARC file (`write_warc`)."""

    url: str
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    date: str = "2024-05-01T12:00:00Z"


def write_warc(path: str, pages: list[WarcPage], gzip: bool = True) -> list[int]:
    """Write `pages` as WARC response records (each preceded by its request record, as
    crawlers write them); return each response record's byte offset. Tests and benchmarks
    build their WARC fixtures with this, and it turns a folder of saved pages into input
    for `newsprobe spark`."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    offsets = []
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        for page in pages:
            request = writer.create_warc_record(
                page.url, "request", payload=BytesIO(b""),
                http_headers=StatusAndHeaders(f"GET {page.url} HTTP/1.1", [], is_http_request=True),
                warc_headers_dict={"WARC-Date": page.date})
            writer.write_record(request)
            http = StatusAndHeaders(f"{page.status} {_REASONS.get(page.status, 'Status')}",
                                    [("Content-Type", page.content_type)], protocol="HTTP/1.1")
            response = writer.create_warc_record(
                page.url, "response", payload=BytesIO(page.body), http_headers=http,
                warc_headers_dict={"WARC-Date": page.date})
            offsets.append(stream.tell())
            writer.write_record(response)
    return offsets


_REASONS = {200: "OK", 301: "Moved Permanently", 404: "Not Found", 500: "Internal Server Error"}
