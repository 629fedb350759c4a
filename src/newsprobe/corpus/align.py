"""Sentences and sentence alignment by embeddings.

The corpus stage reads analyses, not spaCy Docs, so it splits sentences itself, with
rules that are cheap enough for a million articles, in any language: a line break ends a
sentence (titles, paragraphs), and so does . ! ? or ؟ (with closing quotes or brackets)
before a capital of any script, a digit, a letter of a caseless script (Arabic) or an
opening quote, unless the word before is a known abbreviation or an initial.

Two versions of a story are aligned sentence by sentence: each sentence is embedded with
MiniLM (`newsprobe.embeddings`), and pairs are taken best first, one to one, while their
cosine similarity reaches the threshold. Synonym swaps and reordered clauses keep the
meaning, so they keep the embedding close; a different sentence on the same topic does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..model import Span

# A full stop (! ? and Arabic ؟ too) and closing marks, then the next sentence's first word
# character (after an opening quote, ¿ ¡ or « ): `sentence_spans` splits there when that
# character is a digit, a capital in any script (Ж, Ż, Ü) or a letter of a script without
# case (Arabic, Hebrew). The lookbehind keeps it linear on "....", not quadratic.
# Reference markers after the full stop ("founded in 1851.[1][2] It runs ...", "[note 3]",
# "[a]") belong to the sentence they close.
_BOUNDARY = re.compile(r"(?<![.!?؟])[.!?؟]+[\"”’'»)\]]*(?:\[(?:\w{1,3}|note \w{1,3}|citation needed)\])*\s+"
                       r"(?=(?:[\"“‘«„(\[¿¡]\s?)?(\w))")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr gen col lt sgt capt gov sen rep rev no vs etc inc ltd co corp "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k e.g i.e".split())

Encoder = Callable[[list[str]], np.ndarray]


# A full stop with no space after it ends a sentence only between a lowercase word and a
# capitalised one ("euros.Le": scraped pages lose the space between paragraphs); not in
# an account name ("bb.jeanette") or initials ("U.S.Army").
_GLUED_BOUNDARY = re.compile(r"(?<=[^\W\d_]{2})[.!?](?=[^\W\d_]{2})")
# "am 1. Juli": a day number's full stop before a month is an ordinal, not an end.
_MONTHS = frozenset("januar jänner februar märz april mai juni juli august september oktober november dezember "
                    "january february march may june july october december".split())


# Chinese and Japanese full stops (。！？, with closing brackets or quotes) end a sentence
# with no space after them. Without this a Chinese page was one sentence per paragraph,
# and a translation of it aligned with nothing (news-similarity: 4 of 18 en-zh
# translations linked). Not after a closing quote: the speaker usually follows it
# ("……！”他说。").
_CJK_BOUNDARY = re.compile(r"[。！？]+[）)]*(?![。！？）)」』”’])")


# "6:15 a.m. Thursday": a clock time's full stop before the day it falls on.
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def sentence_spans(text: str, min_chars: int = 2) -> list[Span]:
    """Sentences of `text` as spans (stripped of surrounding whitespace)."""
    spans: list[Span] = []
    for line in re.finditer(r"[^\n]+", text):
        start, body = line.start(), line.group(0)
        ends = [m.end() for m in _BOUNDARY.finditer(body)
                if _starts_sentence(m.group(1)) and not _false_end(body, m.start(), m.end())]
        ends += [m.end() for m in _GLUED_BOUNDARY.finditer(body)
                 if body[m.start() - 2:m.start()].islower() and body[m.end()].isupper() and body[m.end() + 1].islower()
                 and body[:m.start()].rsplit(None, 1)[-1].lower().rstrip(".") not in _ABBREVIATIONS]
        ends += [m.end() for m in _CJK_BOUNDARY.finditer(body) if m.end() < len(body)]
        for end in sorted(set(ends)):
            _add(spans, text, start, line.start() + end, min_chars)
            start = line.start() + end
        _add(spans, text, start, line.end(), min_chars)
    return spans


def _starts_sentence(first: str) -> bool:
    """Whether a word beginning with `first` can open a sentence: a digit, a capital, or a
    letter of a caseless script; a lower-case letter continues the sentence."""
    return first.isdigit() or first.isupper() or (first.isalpha() and not first.islower())


def _false_end(body: str, stop: int, after: int) -> bool:
    """An abbreviation, an initial or an ordinal date ("1. Juli") before the full stop."""
    before = body[:stop].rsplit(None, 1)
    last_word = before[-1].lower().rstrip(".") if before else ""
    if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
        return True
    next_word = body[after:].split(None, 1)
    following = next_word[0].lower().strip(".,") if next_word else ""
    if last_word in ("a.m", "p.m") and following in _WEEKDAYS:
        return True  # "just after 6:15 a.m. Thursday in South ..."
    return last_word.isdigit() and len(last_word) <= 2 and following in _MONTHS


def _add(spans: list[Span], text: str, start: int, end: int, min_chars: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start >= min_chars:
        spans.append(Span.of(text, start, end))


@dataclass(frozen=True)
class AlignedPair:
    source: Span
    target: Span
    similarity: float

    def to_dict(self) -> dict:
        return {"source": self.source.to_dict(), "target": self.target.to_dict(),
                "similarity": round(self.similarity, 3)}


def align(source: list[Span], target: list[Span], source_vecs: np.ndarray, target_vecs: np.ndarray,
          threshold: float, anchored_threshold: float | None = None) -> list[AlignedPair]:
    """One-to-one alignment, best pairs first, of sentences whose embeddings' cosine
    similarity is at least `threshold`. Returned in source order.

    With `anchored_threshold`, a second pass also aligns two still unaligned sentences at
    that lower similarity when a neighbour pair (the sentences just before, or just after,
    both) is aligned: a sentence whose facts were changed (a swapped name, a negation)
    drifts further in embedding space than a reworded one, but it stays in its place."""
    if not source or not target:
        return []
    sims = source_vecs @ target_vecs.T
    matched: dict[int, int] = {}
    _greedy(sims, threshold, matched, lambda i, j: True)
    if anchored_threshold is not None and anchored_threshold < threshold:
        def anchored(i: int, j: int) -> bool:
            return matched.get(i - 1) == j - 1 or (i + 1 in matched and matched[i + 1] == j + 1)
        _greedy(sims, anchored_threshold, matched, anchored)
    pairs = [AlignedPair(source[i], target[j], float(sims[i, j])) for i, j in matched.items()]
    return sorted(pairs, key=lambda p: p.source.start)


def with_ledes(pairs: list[AlignedPair], source: list[Span], target: list[Span], source_vecs: np.ndarray,
               target_vecs: np.ndarray, threshold: float) -> list[AlignedPair]:
    """`pairs` of two texts already known to be versions of each other, with their two
    first sentences (the ledes) aligned too when neither is aligned yet and their cosine
    reaches `threshold` (the second pass's): the ledes stand in the same place, as two
    sentences next to an aligned pair do, and a reworded lede carries the changes a
    fact-checker looks for first ("may cut" / "is planning to cut"). Not used to decide
    whether two texts are copies: two reports of one event have alike ledes too."""
    if not source or not target or any(p.source == source[0] or p.target == target[0] for p in pairs):
        return pairs
    similarity = float(source_vecs[0] @ target_vecs[0])
    if similarity < threshold:
        return pairs
    return [AlignedPair(source[0], target[0], similarity)] + pairs


def _greedy(sims: np.ndarray, threshold: float, matched: dict[int, int], allowed) -> None:
    rows, cols = np.nonzero(sims >= threshold)
    order = np.argsort(-sims[rows, cols], kind="stable")
    used_t = set(matched.values())
    for k in order:
        i, j = int(rows[k]), int(cols[k])
        if i in matched or j in used_t or not allowed(i, j):
            continue
        matched[i] = j
        used_t.add(j)


def covered_share(spans: list[Span], aligned: list[Span]) -> float:
    """Share of the characters of `spans` that lie in the aligned sentences."""
    total = sum(s.end - s.start for s in spans)
    return sum(s.end - s.start for s in aligned) / total if total else 0.0


class SentenceCache:
    """Sentence spans and embeddings per article, computed on first use and kept for the
    run (bounded: oldest entries are dropped past `max_articles`)."""

    def __init__(self, encode: Encoder, max_articles: int = 20_000):
        self.encode, self.max_articles = encode, max_articles
        self._cache: dict[str, tuple[list[Span], np.ndarray]] = {}

    def get(self, article_id: str, text: str) -> tuple[list[Span], np.ndarray]:
        hit = self._cache.get(article_id)
        if hit is None:
            spans = sentence_spans(text)
            hit = (spans, self.encode([s.text for s in spans]))
            if len(self._cache) >= self.max_articles:
                self._cache.pop(next(iter(self._cache)))
            self._cache[article_id] = hit
        return hit

    def has(self, article_id: str) -> bool:
        return article_id in self._cache

    def drop(self, article_ids: list[str]) -> None:
        """Forget these articles (their pairs are done): keeps a long run's memory flat."""
        for article_id in article_ids:
            self._cache.pop(article_id, None)

    def prefetch(self, items: list[tuple[str, str]]) -> None:
        """Embed the sentences of many articles in one batch (much faster than one by one)."""
        todo = [(i, t) for i, t in items if i not in self._cache]
        if not todo:
            return
        all_spans = [sentence_spans(t) for _, t in todo]
        flat = [s.text for spans in all_spans for s in spans]
        vecs = self.encode(flat)
        k = 0
        for (article_id, _), spans in zip(todo, all_spans):
            if len(self._cache) >= self.max_articles:
                self._cache.pop(next(iter(self._cache)))
            # A copy, not a view: a view would keep the whole batch's array alive for as
            # long as any one of its articles stays cached.
            self._cache[article_id] = (spans, np.array(vecs[k:k + len(spans)]))
            k += len(spans)
