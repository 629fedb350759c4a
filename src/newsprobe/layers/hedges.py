"""Hedges: the words that weaken how firmly a claim is put.

The word list is data (`lexicons/hedges.txt`, one section per kind); this module matches it
against the tokens of an already parsed spaCy Doc. Kinds and what makes a match:

- modal ("may", "could"): the token must be tagged MD, so "May" the month never counts;
- epistemic ("is believed to", "seems", "suggests"): single words match by lemma;
- evidential ("reportedly", "allegedly"), probability ("possibly", "likely"),
  unverified ("unconfirmed", "could not be verified"), intention ("considering",
  "plans to"): lower-cased word forms;
- approximator ("up to", "as many as", "about", "some"): only right before a number or a
  currency sign, so "about the talks" and "some officials" are not hedges.

Phrases win over the single words inside them ("could not be verified" is one unverified
hedge, not a modal plus something).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

LEMMA_KINDS = frozenset({"epistemic"})
CURRENCY = frozenset("$ € £ ¥".split())


@dataclass(frozen=True)
class Hedge:
    start: int  # character offsets into the Doc's text
    end: int
    kind: str


@lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, ...], str]:
    """(lower-cased words of an entry) -> kind. A line with spaces in it is a phrase only
    when it is not a list of single words of a kind that allows lists (see the file)."""
    text = resources.files("newsprobe.layers").joinpath("lexicons/hedges.txt").read_text("utf-8")
    entries: dict[tuple[str, ...], str] = {}
    kind = ""
    for raw in text.splitlines():
        line = raw.strip().lower()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            kind = line[1:-1]
            continue
        words = tuple(line.split())
        if len(words) > 1 and _is_word_list(words, kind):
            for w in words:
                entries.setdefault((w,), kind)
        else:
            entries.setdefault(words, kind)
    return entries


# A multi-word line is a list of single words unless it is a known phrase shape; we tell
# them apart by the function words phrases contain.
_PHRASE_WORDS = frozenset("to is are was it not has up as at an than of be independently "
                          "according reports".split())


def _is_word_list(words: tuple[str, ...], kind: str) -> bool:
    return not any(w in _PHRASE_WORDS for w in words)


@lru_cache(maxsize=1)
def _longest_phrase() -> int:
    return max(len(k) for k in lexicon())


@lru_cache(maxsize=1)
def _phrase_first_words() -> frozenset[str]:
    return frozenset(k[0] for k in lexicon() if len(k) > 1)


def _before_number(doc, i: int) -> bool:
    """True when token i is followed by a number ("40", "forty", "$3m")."""
    if i >= len(doc):
        return False
    tok = doc[i]
    if tok.like_num or tok.pos_ == "NUM":
        return True
    return tok.text in CURRENCY and i + 1 < len(doc) and doc[i + 1].like_num


def _single_word_kind(token) -> str | None:
    entries = lexicon()
    kind = entries.get((token.lower_,))
    if kind is None:
        lemma_kind = entries.get((token.lemma_.lower(),))
        if lemma_kind in LEMMA_KINDS:
            kind = lemma_kind
    if kind == "modal" and token.tag_ != "MD":
        return None
    if kind == "epistemic" and token.pos_ not in ("VERB", "AUX", "ADJ"):
        return None  # "a guess", "the estimate" as nouns are not hedges of the claim
    return kind


def find_hedges(doc, start: int, end: int) -> list[Hedge]:
    """The hedges among the tokens of `doc` inside characters [start, end), left to right,
    longest phrase first at each position."""
    entries = lexicon()
    tokens = list(doc.char_span(start, end, alignment_mode="contract") or ())  # not a scan of the doc per claim
    lowers = [t.lower_ for t in tokens]
    starts = _phrase_first_words()
    found: list[Hedge] = []
    k = 0
    while k < len(tokens):
        first = tokens[k]
        matched = False
        # Only a word that begins some phrase of the lexicon can start a phrase hit.
        for n in range(min(_longest_phrase(), len(tokens) - k) if lowers[k] in starts else 1, 1, -1):
            words = tuple(lowers[k:k + n])
            kind = entries.get(words)
            if kind and (kind != "approximator" or _before_number(doc, tokens[k + n - 1].i + 1)):
                last = tokens[k + n - 1]
                found.append(Hedge(first.idx, last.idx + len(last), kind))
                k += n
                matched = True
                break
        if matched:
            continue
        kind = _single_word_kind(first)
        if kind and (kind != "approximator" or _before_number(doc, first.i + 1)):
            found.append(Hedge(first.idx, first.idx + len(first), kind))
        k += 1
    return found


__all__ = ["Hedge", "lexicon", "find_hedges"]
