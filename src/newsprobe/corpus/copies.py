"""Copies: which articles derive from which, found in two stages.

1. **Candidates**, near-linear: MinHash LSH over word shingles (verbatim and lightly
   edited copies) and over stopword n-grams (copies whose content words were swapped for
   synonyms), both at a low Jaccard threshold, plus each article's nearest neighbours by
   embedding (`neighbours.py`). All pairs are never compared.
2. **Verification** of each candidate with features that survive synonym swaps and
   reordering: stopword n-gram containment and sentence alignment by embeddings
   (`align.py`). A pair is a copy when enough of the shorter text aligns to the other.

Each copy gets a kind: `verbatim` (the words themselves are shared), `rewritten` (the
sentences align but the words differ: a spun copy), `partial` (only part of the longer
text is covered), the aligned sentence pairs, and a direction where evidence allows it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHashLSH

from .align import AlignedPair, SentenceCache, align, covered_share
from .fingerprints import containment, minhash, stopword_ngrams, word_shingles
from .neighbours import nearest_neighbours, strongest_per_article

log = logging.getLogger(__name__)

COPY_KINDS = ("verbatim", "rewritten", "partial")

# Lines that outlets add around a copied story: a sign that the text carrying them is the copy.
_BOILERPLATE = re.compile(
    r"(read more|subscribe|sign up|newsletter|follow us|copyright|©|all rights reserved|"
    r"click here|share this|related:|advertisement|this article (was|first)|originally "
    r"(appeared|published)|\((reuters|ap|afp)\))", re.I)


@dataclass
class CopyDoc:
    """What copy detection needs of an article."""

    id: str
    text: str
    published: str | None = None


@dataclass(frozen=True)
class CopySettings:
    # Stage 1. LSH thresholds are deliberately low: they only pick candidates to verify.
    lsh_threshold: float = 0.2
    num_perm: int = 128
    neighbours: int = 5               # embedding neighbours per article
    neighbour_min_cosine: float = 0.6
    # Stage 2.
    sentence_similarity: float = 0.7  # cosine for two sentences to align
    anchored_similarity: float = 0.5  # ... next to an aligned pair (see align.align)
    min_aligned_share: float = 0.5    # share of the shorter text's characters aligned
    min_aligned_sentences: int = 2
    # Two different reports of one event can paraphrase each other sentence by sentence;
    # a copy also keeps the other's function-word sequences.
    min_stopword_containment: float = 0.0
    verbatim_containment: float = 0.9  # word 3-shingle containment for `verbatim`
    partial_share: float = 0.5        # longer text covered below this: `partial`


@dataclass
class CopyEdge:
    source: str
    target: str
    kind: str
    score: float
    direction: str                    # "forward": target derives from source; "unknown"
    evidence: list[str]
    features: dict[str, float]
    pairs: list[AlignedPair] = field(default_factory=list)


def candidate_pairs(docs: list[CopyDoc], vectors: np.ndarray | None, settings: CopySettings,
                    progress: Callable[[int], None] | None = None,
                    neighbour_edges: dict[tuple[int, int], float] | None = None) -> set[tuple[int, int]]:
    """Index pairs (i < j) worth verifying. `neighbour_edges`: a wider neighbour search
    already run on `vectors` (the corpus stage searches once for stories and copies)."""
    pairs: set[tuple[int, int]] = set()
    for features in (word_shingles, stopword_ngrams):
        lsh = MinHashLSH(threshold=settings.lsh_threshold, num_perm=settings.num_perm)
        signatures = []
        for i, doc in enumerate(docs):
            m = minhash(features(doc.text), settings.num_perm)
            signatures.append(m)
            for j in lsh.query(m):
                pairs.add((j, i))
            lsh.insert(i, m)
            if progress:
                progress(1)
    if neighbour_edges is not None:
        pairs.update(strongest_per_article(neighbour_edges, settings.neighbours, settings.neighbour_min_cosine))
    elif vectors is not None and len(vectors) > 1:
        pairs.update(nearest_neighbours(vectors, settings.neighbours, settings.neighbour_min_cosine))
    return pairs


def verify(a: CopyDoc, b: CopyDoc, sentences: SentenceCache, settings: CopySettings) -> CopyEdge | None:
    """A copy edge between a and b if they pass verification, else None."""
    spans_a, vecs_a = sentences.get(a.id, a.text)
    spans_b, vecs_b = sentences.get(b.id, b.text)
    pairs = align(spans_a, spans_b, vecs_a, vecs_b, settings.sentence_similarity,
                  settings.anchored_similarity)
    share_a = covered_share(spans_a, [p.source for p in pairs])
    share_b = covered_share(spans_b, [p.target for p in pairs])
    shorter_share = share_a if len(a.text) <= len(b.text) else share_b
    longer_share = share_b if len(a.text) <= len(b.text) else share_a
    needed = min(settings.min_aligned_sentences, len(spans_a), len(spans_b))
    if len(pairs) < needed or shorter_share < settings.min_aligned_share:
        return None
    sw = containment(stopword_ngrams(a.text), stopword_ngrams(b.text))
    if sw < settings.min_stopword_containment:
        return None
    words = containment(word_shingles(a.text), word_shingles(b.text))
    if words >= settings.verbatim_containment and longer_share >= settings.partial_share:
        kind = "verbatim"
    elif longer_share < settings.partial_share:
        kind = "partial"
    else:
        kind = "rewritten"
    features = {"aligned_share_source": round(share_a, 3), "aligned_share_target": round(share_b, 3),
                "stopword_containment": round(sw, 3), "word_containment": round(words, 3),
                "aligned_sentences": len(pairs)}
    edge = CopyEdge(a.id, b.id, kind, round((share_a + share_b) / 2, 3), "unknown", [], features, pairs)
    return orient(edge, a, b, spans_a, spans_b)


def orient(edge: CopyEdge, a: CopyDoc, b: CopyDoc, spans_a, spans_b) -> CopyEdge:
    """Decide which side derives from which, where evidence allows; the edge is flipped so
    that `source` is the original. Evidence, strongest first: publication dates; added
    boilerplate lines in one version only; one text contained in the other (an excerpt)."""
    def flip() -> None:
        edge.source, edge.target = edge.target, edge.source
        edge.pairs = [AlignedPair(p.target, p.source, p.similarity) for p in edge.pairs]
        f = edge.features
        f["aligned_share_source"], f["aligned_share_target"] = f["aligned_share_target"], f["aligned_share_source"]

    if a.published and b.published and a.published[:10] != b.published[:10]:
        edge.direction = "forward"
        edge.evidence.append("published earlier")
        if b.published < a.published:
            flip()
        return edge
    aligned_a = {p.source for p in edge.pairs}
    aligned_b = {p.target for p in edge.pairs}
    extra_a = [s for s in spans_a if s not in aligned_a and _BOILERPLATE.search(s.text)]
    extra_b = [s for s in spans_b if s not in aligned_b and _BOILERPLATE.search(s.text)]
    if bool(extra_a) != bool(extra_b):
        edge.direction = "forward"
        edge.evidence.append("boilerplate added by the copy")
        if extra_a:
            flip()
        return edge
    if edge.kind == "partial":
        edge.direction = "forward"
        edge.evidence.append("contained in the longer text")
        if len(a.text) < len(b.text):  # the excerpt is the copy
            flip()
    return edge


def detect_copies(docs: list[CopyDoc], vectors: np.ndarray | None, sentences: SentenceCache,
                  settings: CopySettings = CopySettings(),
                  progress: Callable[[int], None] | None = None,
                  neighbour_edges: dict[tuple[int, int], float] | None = None) -> list[CopyEdge]:
    """Copy edges among `docs` (`vectors`: their normalised article embeddings, or None to
    use the LSH candidates only; `neighbour_edges`: see `candidate_pairs`)."""
    pairs = sorted(candidate_pairs(docs, vectors, settings, neighbour_edges=neighbour_edges))
    log.info("copies: %d candidate pairs among %d articles", len(pairs), len(docs))
    # Embed the sentences of every article in a candidate pair in large batches.
    involved = sorted({i for pair in pairs for i in pair})
    for start in range(0, len(involved), 256):
        sentences.prefetch([(docs[i].id, docs[i].text) for i in involved[start:start + 256]])
    edges = []
    for i, j in pairs:
        edge = verify(docs[i], docs[j], sentences, settings)
        if edge is not None:
            edges.append(edge)
    return edges
