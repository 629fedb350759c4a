"""What happened: the event words of an article's headline and lede.

Anchors (`anchors.py`) say who and how much; two reports with the same actors can still be
about different events (an expulsion and a gas deal between the same two governments; a
coach fired in 2008 and the same coach hired in 2005). An editor tells them apart by the
action and its object, which a news text puts in its headline and first sentences. The
event words of an article are the lower-case content words of its title and its first
`LEAD_WORDS` words, read off the raw text with no parse, so every language gets them:

- a word written in lower case (names are the anchors' business), of three letters or more,
  not a stop word of the article's language (spaCy's lists, where spaCy has one);
- lowercased, accents stripped, Cyrillic transliterated (`anchors.latin_key`) and cut to
  its first `STEM` letters, so that inflected forms meet ("shipments", "shipment";
  "expelled", "expels").

`event_matrix` turns them into TF-IDF rows (`anchors.tfidf_rows`), whose dot product is the
event similarity of two articles. Words of two languages rarely meet, so the similarity
says something only for two articles in one language (see `stories.py`).
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache

from .anchors import latin_key, tfidf_rows

# The headline and first sentences: where a news text says what happened. Chosen with
# the story settings (see `stories.EVENT_STORIES`).
LEAD_WORDS = 60
STEM = 6
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=128)
def stop_words(language: str | None) -> frozenset[str]:
    """spaCy's stop words of `language` (an ISO 639-1 code); none when spaCy has no list."""
    if not language or not language.isalpha():
        return frozenset()
    try:
        return frozenset(importlib.import_module(f"spacy.lang.{language}.stop_words").STOP_WORDS)
    except (ImportError, AttributeError):
        return frozenset()


def lead_text(title: str | None, text: str) -> str:
    return f"{title}\n{text}" if title and title not in text[:300] else text


def event_tokens(title: str | None, text: str, language: str | None, lead_words: int = LEAD_WORDS,
                 stem: int = STEM) -> list[str]:
    stops = stop_words(language or "en")
    out = []
    for n, m in enumerate(_WORD.finditer(lead_text(title, text))):
        if n >= lead_words:
            break
        word = m.group(0)
        if word[0].islower() and len(word) >= 3 and word not in stops:
            out.append(latin_key(word)[:stem])
    return out


def event_matrix(analyses, lead_words: int = LEAD_WORDS, stem: int = STEM):
    """L2-normalised TF-IDF rows of each analysis's event words (scipy CSR)."""
    return tfidf_rows((event_tokens(a.title, a.text, a.language, lead_words, stem) for a in analyses),
                      len(analyses))
