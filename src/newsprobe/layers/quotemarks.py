"""Quotation marks: find the quoted passages of a text, before any parsing.

Handles curly and straight, double and single marks, and the ASCII convention of plain-text
news archives (two apostrophes '' for a double mark, also two backticks `` opening); apostrophes ("don’t", "the
students' union") are not quotes; a quotation that runs over a paragraph break follows the
news convention (the paragraph ends without a closing mark, the next one opens again) and
becomes one quotation with one fragment per paragraph; in copy hard-wrapped at a fixed width,
a line that breaks mid-sentence inside a quotation closed on the next line is one fragment
over the line break. Single marks inside double ones are
nested quotations and stay part of the outer one.

One pass over the characters, no backtracking: safe on text with thousands of unbalanced
marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”«»"
OPEN_SINGLE = "‘‹"
CLOSE_SINGLE = "’›"
# A straight or curly mark opens a quotation when it follows a space, a paragraph start or
# an opening bracket/dash, and is followed by a non-space.
_OPENING_CONTEXT = set(" \t\n([{—–-/") | {""}
# Two ASCII apostrophes (or two backticks opening) stand for one double mark in text kept
# in plain ASCII: ''We need Chapter 9,'' she said. Read as a pair of single marks, the
# second apostrophe of each pair looked like an apostrophe inside a word and the
# quotation never closed where it should.
DOUBLED_MARKS = ("''", "``")


def doubled_mark(text: str, i: int) -> bool:
    return text[i:i + 2] in DOUBLED_MARKS


@dataclass
class Quotation:
    """One quoted passage: fragments are (start, end) offsets, each including its marks."""

    fragments: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = True  # False when the last fragment ran to a paragraph end unclosed
    used: bool = False  # set by attribution once the quotation belongs to an attribution

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]

    def contains(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.fragments)


_PARAGRAPH = re.compile(r"[^\n]+")
# Every character the scan below acts on (the marks, straight and curly, and the backtick
# of a doubled mark); the characters between them change nothing.
_ANY_MARK = re.compile("[" + re.escape(OPEN_DOUBLE + CLOSE_DOUBLE + OPEN_SINGLE + CLOSE_SINGLE + "\"'`") + "]")


def _is_opening(text: str, i: int, width: int = 1) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + width] if i + width < len(text) else " "
    return before in _OPENING_CONTEXT and not after.isspace()


def _is_closing(text: str, i: int, single: bool) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace():
        return False
    # A single closing mark followed by a letter is an apostrophe ("don’t").
    return not (single and after.isalnum())


def _hard_wrapped(text: str, fragment: tuple[int, int], line_start: int, kind: str) -> bool:
    """Did an open quotation run over a line break that is only a wrap? Each line before
    the closing mark ends mid-sentence (a letter, digit or comma, not a full stop) and is
    followed by a single newline, and a mark of the same kind closes the quotation within
    a few lines before any other opens."""
    end = fragment[1]
    closers = (CLOSE_DOUBLE + '"') if kind == "double" else (CLOSE_SINGLE + "'")
    openers = (OPEN_DOUBLE + '"') if kind == "double" else (OPEN_SINGLE + "'")
    for _ in range(MAX_WRAPPED_LINES):
        if text[end:line_start] != "\n" or end == 0 or not (text[end - 1].isalnum() or text[end - 1] == ","):
            return False
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end == -1 else line_end
        for at in range(line_start, line_end):
            ch = text[at]
            if ch in closers and _is_closing(text, at, kind == "single"):
                return True
            if ch in openers and _is_opening(text, at):
                return False
        end, line_start = line_end, line_end + 1
    return False


# How many wrapped lines a quotation may run over before its closing mark.
MAX_WRAPPED_LINES = 8


def find_quotations(text: str) -> list[Quotation]:
    quotations: list[Quotation] = []
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    current: Quotation | None = None
    kind = ""  # "double" or "single" while a quotation is open
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        frag_start = None
        if current is not None:
            # Continuing a quotation from the previous paragraph: this paragraph must open
            # with a mark of the same kind, or the quotation ended unclosed.
            first = text[p_start]
            if kind == "double" and doubled_mark(text, p_start):
                frag_start = p_start
            elif (kind == "double" and (first in OPEN_DOUBLE or first == '"')) or \
               (kind == "single" and (first in OPEN_SINGLE or first == "'")):
                frag_start = p_start
            elif _hard_wrapped(text, current.fragments[-1], p_start, kind):
                # Copy wrapped at a fixed width: the previous line broke mid-sentence and
                # this one closes the quotation; one fragment runs over the line break.
                frag_start = current.fragments.pop()[0]
            else:
                current.closed = False
                quotations.append(current)
                current = None
        i = p_start + ((2 if doubled_mark(text, p_start) else 1) if frag_start is not None else 0)
        while i < p_end:
            # Only a mark can open or close a quotation: jump to the paragraph's next one.
            mark = _ANY_MARK.search(text, i, p_end)
            if mark is None:
                break
            i = mark.start()
            ch = text[i]
            if doubled_mark(text, i):
                if current is None and _is_opening(text, i, 2):
                    current, kind, frag_start = Quotation(), "double", i
                    i += 2
                    continue
                if current is not None and kind == "double" and text[i - 1] not in " \t" and ch == "'":
                    # "''… 'a special case,''' he said": a nested single mark closes first,
                    # and the last two apostrophes close the quotation.
                    width = 3 if text[i + 2:i + 3] == "'" else 2
                    current.fragments.append((frag_start, i + width))
                    quotations.append(current)
                    current, frag_start = None, None
                    i += width
                    continue
            if current is None:
                if (ch in OPEN_DOUBLE or ch == '"') and _is_opening(text, i):
                    current, kind, frag_start = Quotation(), "double", i
                elif (ch in OPEN_SINGLE or ch == "'") and _is_opening(text, i):
                    current, kind, frag_start = Quotation(), "single", i
            elif kind == "double" and (ch in CLOSE_DOUBLE or ch == '"') and _is_closing(text, i, False):
                current.fragments.append((frag_start, i + 1))
                quotations.append(current)
                current, frag_start = None, None
            elif kind == "single" and (ch in CLOSE_SINGLE or ch == "'") and _is_closing(text, i, True):
                current.fragments.append((frag_start, i + 1))
                quotations.append(current)
                current, frag_start = None, None
            i += 1
        if current is not None:
            # Open at paragraph end: keep this paragraph as a fragment and see whether the
            # next paragraph continues it.
            current.fragments.append((frag_start, p_end))
            if p_index == len(paragraphs) - 1:
                current.closed = False
                quotations.append(current)
                current = None
    # Drop empty or mark-only fragments (a stray pair of marks).
    return [q for q in quotations if q.fragments and q.end - q.start > 2]
