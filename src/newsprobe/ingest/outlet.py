"""Outlet = the registered domain of an article's url, found offline."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _extractor():
    import tldextract

    # No suffix-list URLs and no cache directory: tldextract uses the public suffix list
    # snapshot shipped inside the package and never touches the network or the disk.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


def outlet_of(url: str | None) -> str | None:
    """'https://www.bbc.co.uk/news/x' -> 'bbc.co.uk'; None when the url has no
    registered domain (an IP address, localhost, no url)."""
    if not url or not isinstance(url, str):
        return None
    parts = _extractor()(url.strip())
    if not parts.domain or not parts.suffix:
        return None
    return f"{parts.domain}.{parts.suffix}".lower()
