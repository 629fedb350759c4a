"""The word lists in `layers/lexicons/*.txt`, read from their files.

A list is whitespace-separated words, `#` starting a comment, optionally split into
`[section]`s. Kept outside `newsprobe.layers` so that the corpus stage can read them without
importing the layers package (which loads spaCy: seconds in a fresh process).
"""

from __future__ import annotations

from pathlib import Path

LEXICONS = Path(__file__).resolve().parent / "layers" / "lexicons"


def read_sections(name: str) -> dict[str, set[str]]:
    """The lower-cased words of each [section] of a lexicon file; words before any section
    (all of them, in a file without sections) under ""."""
    sections: dict[str, set[str]] = {"": set()}
    current = sections[""]
    for line in (LEXICONS / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        elif line:
            current.update(line.lower().split())
    return sections
