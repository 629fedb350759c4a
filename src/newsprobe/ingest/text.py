"""Plain text: bytes -> checked, decoded, normalised str; the title rule for .txt and stdin."""

from __future__ import annotations

from ..errors import NewsprobeError
from ..model import Article

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# How much of the input the binary check looks at: enough to see past a text header,
# cheap even on a 5 MB input.
BINARY_SNIFF_BYTES = 65_536
# Share of C0 control bytes (other than tab, newline, form feed, carriage return) above
# which an input is called binary. Real text, UTF-8 included, has practically none
# (multi-byte UTF-8 sequences use bytes >= 0x80); images, archives and office files have
# many. 10% leaves room for a few stray escape codes in scraped text.
BINARY_CONTROL_SHARE = 0.10
_TEXT_CONTROLS = {0x09, 0x0A, 0x0B, 0x0C, 0x0D}

# A first line longer than this is a paragraph, not a headline, even when a blank line
# follows it: taking it as the title would drop it from the analysed text.
MAX_TITLE_CHARS = 200


def check_binary(data: bytes, origin: str) -> None:
    """Raise E002 when `data` looks like a binary file rather than text: a NUL byte
    anywhere, or too many control bytes in the first BINARY_SNIFF_BYTES."""
    if data.startswith(UTF16_BOMS):
        raise NewsprobeError("E003", "the input is UTF-16 encoded; newsprobe reads UTF-8 "
                             "(convert it, e.g. `iconv -f UTF-16 -t UTF-8`)", origin)
    head = data[:BINARY_SNIFF_BYTES]
    # A NUL anywhere, not only in the sniffed head: text never holds one, and one past
    # the head would enter the analysed text (and cut an HTML page short in libxml2).
    # find() is one pass in C, about a millisecond for 5 MB.
    nul = data.find(b"\x00")
    if nul >= 0:
        raise NewsprobeError("E002", f"this looks like a binary file, not text (NUL byte at "
                             f"offset {nul})", origin)
    if head:
        controls = sum(1 for b in head if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
        if controls / len(head) > BINARY_CONTROL_SHARE:
            raise NewsprobeError("E002", f"this looks like a binary file, not text "
                                 f"({controls} control bytes in the first {len(head)})", origin)


def decode_utf8(data: bytes, origin: str, name_line: bool = True) -> str:
    """Decode UTF-8, dropping a BOM; E003 names the byte offset (and, with `name_line`,
    the line) of the first invalid byte."""
    skip = len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = skip + exc.start
        line = data.count(b"\n", 0, offset) + 1
        where = f"line {line}, " if name_line else ""
        raise NewsprobeError(
            "E003", f"invalid UTF-8 at byte offset {offset} ({where}byte "
            f"0x{data[offset]:02x}); newsprobe reads UTF-8 text (convert it, e.g. "
            "`iconv -f WINDOWS-1252 -t UTF-8`)", origin) from None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def canonical_text(text: str) -> str:
    """The text an article is known by: CRLF and CR line ends made LF, surrounding
    whitespace stripped. Every reader (text, HTML, JSONL, WARC) hands this on as the
    article's text, and `analyze.article_id` hashes it, so one text sent through the CLI,
    the web API or the library gets one id whatever its line ends."""
    return normalise_newlines(text).strip()


def split_title(text: str) -> tuple[str | None, str]:
    """The first line is the title when a blank line follows it; the text is the rest."""
    stripped = text.lstrip("\n")
    first, sep, rest = stripped.partition("\n")
    if sep and first.strip() and len(first.strip()) <= MAX_TITLE_CHARS:
        second, _, after = rest.partition("\n")
        if not second.strip() and after.strip():
            return first.strip(), after.strip()
    return None, text.strip()


def require_text(text: str, origin: str) -> None:
    if not text.strip():
        raise NewsprobeError("E001", "the input has no text (empty or whitespace only)", origin)


def read_text(data: bytes, origin: str) -> Article:
    """A .txt file or standard input as an Article."""
    check_binary(data, origin)
    text = normalise_newlines(decode_utf8(data, origin))
    require_text(text, origin)
    title, body = split_title(text)
    return Article(text=body, title=title, origin=origin)
