"""Pages built to get past the ingest checks, shared by the hostile-input, batch and corpus
tests. Every word here is ours."""

from __future__ import annotations

import struct
import zlib


def numbered_page(paragraphs: int) -> bytes:
    """An HTML page of distinct short paragraphs (trafilatura drops repeated ones)."""
    body = "".join(f"<p>Paragraph {i}: the harbour council met again and approved plan {i}.</p>"
                   for i in range(paragraphs))
    return f"<html><head><meta charset=\"utf-8\"></head><body><article>{body}</article></body></html>".encode()


def gzip_past_the_sniff_window(page: bytes) -> bytes:
    """Gzip bytes that the binary check (NUL bytes in the first 64 KB) does not catch: the
    header's FEXTRA field holds 65,535 printable bytes, so the NUL bytes of the header and
    of the deflate stream all come after the first 64 KB. zlib and trafilatura inflate it."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = deflate.compress(page) + deflate.flush()
    header = (b"\x1f\x8b\x08\x04"       # magic, deflate, FLG = FEXTRA
              b"\x01\x02\x03\x04"       # mtime, no zero byte
              b"\x02\x03"               # XFL, OS
              b"\xff\xff" + b"a" * 0xFFFF)  # XLEN and the extra field
    return header + body + struct.pack("<II", zlib.crc32(page), len(page) & 0xFFFFFFFF)
