"""HTML pages through trafilatura: main text, title, date, url.

Limits apply to what is extracted and analysed, not to the bytes on disk: a page saved
compressed (gzip or zlib bytes in a `.html` file, or a WARC response body without its
Content-Encoding) is inflated here, at most to `max_input_bytes` (E009 past that, and for
compression inside compression), and the extractor is given at most `max_html_elements`
start tags (E032), because its time grows with the element count, not the byte count.
The extracted text is held to `max_input_bytes` too (E005), as that is what is analysed.
"""

from __future__ import annotations

import zlib

from ..errors import NewsprobeError
from ..model import Article
from ..settings import Settings
from .text import canonical_text, check_binary

GZIP_MAGIC = b"\x1f\x8b\x08"
# Gzip members in one file (concatenated gzip is valid gzip); more is not a saved page.
MAX_GZIP_MEMBERS = 16


class _Oversize(Exception):
    pass


def read_html(data: bytes, origin: str, settings: Settings | None = None) -> Article:
    import trafilatura

    settings = settings or Settings()
    # Inflated first (bounded), so the binary check sees the page trafilatura would read.
    page = inflate_page(data, origin, settings.max_input_bytes)
    check_binary(page, origin)
    check_element_count(page, origin, settings.max_html_elements)
    # Bytes, not str: trafilatura honours the page's declared charset. Dates only from
    # what the page declares (meta tags, markup), not guessed from the body text.
    doc = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = canonical_text(doc.text or "") if doc is not None else ""
    if not text:
        raise NewsprobeError("E008", "no article text could be extracted from this HTML page",
                             origin)
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > settings.max_input_bytes:
        raise NewsprobeError(
            "E005", f"the extracted text is {size:,} bytes, over the limit of "
            f"{settings.max_input_bytes:,} (setting max_input_bytes, environment variable "
            "NEWSPROBE_MAX_INPUT_BYTES)", origin)
    title = (doc.title or "").strip() or None
    # trafilatura keeps the headline as the first line of the text; drop it there, as the
    # .txt rule does, so that the title is not analysed twice.
    if title:
        first, sep, rest = text.partition("\n")
        if sep and first.strip() == title and rest.strip():
            text = rest.strip()
    published = (doc.date or None) if isinstance(doc.date, str) else None
    url = (doc.url or "").strip() or None
    return Article(text=text, title=title, url=url, published=published, origin=origin)


def inflate_page(data: bytes, origin: str, limit: int) -> bytes:
    """The page inside gzip or zlib bytes (trafilatura would inflate both itself, up to its
    own 20 MB); `data` itself when it is not compressed. E009 when the page inflates past
    `limit` bytes, or is compressed again inside (each layer could multiply the size)."""
    try:
        inner = _inflate_once(data, limit)
        if inner is None:
            return data
        if _inflate_once(inner, limit) is not None:
            raise NewsprobeError("E009", "the page is compressed twice (compressed data inside "
                                 "compressed data); save it uncompressed", origin)
        return inner
    except _Oversize:
        raise NewsprobeError(
            "E009", f"the page is {len(data):,} compressed bytes that inflate past the limit of "
            f"{limit:,} (setting max_input_bytes, environment variable "
            "NEWSPROBE_MAX_INPUT_BYTES)", origin) from None


def _inflate_once(data: bytes, limit: int) -> bytes | None:
    """Inflated bytes, None when `data` is not a whole gzip or zlib stream (as trafilatura
    then reads it as it is), _Oversize past `limit`. Output is capped while inflating, so
    memory never holds more than `limit` + 1 bytes of it."""
    if data.startswith(GZIP_MAGIC):
        out = bytearray()
        rest = data
        for _ in range(MAX_GZIP_MEMBERS):
            inflater = zlib.decompressobj(31)
            try:
                out += inflater.decompress(rest, limit + 1 - len(out))
            except zlib.error:
                return None
            if len(out) > limit or (not inflater.eof and inflater.unconsumed_tail):
                raise _Oversize
            if not inflater.eof:
                return None  # cut short: not a whole stream
            rest = inflater.unused_data.lstrip(b"\0")
            if not rest:
                return bytes(out)
        return None
    # zlib: a two-byte header whose check bits hold; trafilatura tries any input this way.
    if len(data) < 2 or data[0] & 0x0F != 8 or (data[0] << 8 | data[1]) % 31:
        return None
    inflater = zlib.decompressobj(zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error:
        return None
    if len(out) > limit or (not inflater.eof and inflater.unconsumed_tail):
        raise _Oversize
    return out if inflater.eof else None


def check_element_count(page: bytes, origin: str, limit: int) -> None:
    """E032 for a page with more than `limit` start tags: trafilatura's time grows with the
    element count (about 75 µs an element here), so 250,000 one-letter paragraphs, 1 MB
    of markup, would hold it for many seconds and the analysis of their text for minutes.
    Counted as `<` minus `</`, an upper bound on start tags that costs two passes in C."""
    tags = page.count(b"<") - page.count(b"</")
    if tags > limit:
        raise NewsprobeError(
            "E032", f"the page has about {tags:,} HTML elements, over the limit of {limit:,} "
            "(setting max_html_elements, environment variable NEWSPROBE_MAX_HTML_ELEMENTS)",
            origin)
