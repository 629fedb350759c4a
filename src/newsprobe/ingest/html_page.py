"""HTML pages through trafilatura: main text, title, date, url."""

from __future__ import annotations

from ..errors import NewsprobeError
from ..model import Article
from .text import check_binary, normalise_newlines


def read_html(data: bytes, origin: str) -> Article:
    import trafilatura

    check_binary(data, origin)
    # Bytes, not str: trafilatura honours the page's declared charset. Dates only from
    # what the page declares (meta tags, markup), not guessed from the body text.
    doc = trafilatura.bare_extraction(
        data, with_metadata=True, include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = normalise_newlines(doc.text or "").strip() if doc is not None else ""
    if not text:
        raise NewsprobeError("E008", "no article text could be extracted from this HTML page",
                             origin)
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
