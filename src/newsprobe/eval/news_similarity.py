"""Article similarity across languages on the SemEval-2022 Task 8 sample (HFL).

`../shared/data/news-similarity/pairs.jsonl`: 1,243 article pairs in 10 languages (375
cross-lingual), each rated `overall` from 1 (very similar) to 4 (very dissimilar). The data
set's README asks that it be used for smoke tests, not as a benchmark (a convenience sample,
many pairs machine-translated, texts cut); nothing is tuned on it.

For each pair the eval computes what the corpus stage computes between two articles:

- `story`: the story pair similarity (`corpus.stories.story_similarities` with the shipped
  `EVENT_STORIES`: anchors over all the texts of the run, MiniLM above 0.4, no dates), the
  score that average linkage compares with the story threshold;
- `multilingual`: the cosine of the multilingual article vectors (`corpus.translations`),
  when the encoder is installed;
- `translated by anchors`: which cross-lingual pairs the corpus stage's route for languages
  the encoder does not read (`corpus.translations.verify_by_anchors`: names and figures
  in order) would link as a translated copy, applied here to every cross-lingual pair
  (all ten languages are read by the encoder, so this is a check of that route, not of
  what a run links), with their ratings: a pair rated above 1.5 is an independent report.

Reported: Pearson r of each with `overall` (negative is right: higher similarity, lower
rating), overall and for cross-lingual pairs; and same-story precision/recall of
`story >= EVENT_STORIES.threshold` against "very similar" pairs (`overall` <= 1.5), again
overall and cross-lingual.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import NewsprobeError
from .files import read_jsonl

DATA_SET = "news-similarity"
SAME_STORY_MAX_OVERALL = 1.5


def read_pairs(data_dir: Path) -> list[dict[str, Any]]:
    return read_jsonl(data_dir / "pairs.jsonl", DATA_SET)


def pair_scores(texts: list[str], first: np.ndarray, second: np.ndarray, vectors: np.ndarray) -> np.ndarray:
    """The story similarity of each pair (first[k], second[k]) of `texts`, as the corpus
    stage computes it (undated articles, no named-entity term: the shipped weight is 0)."""
    from ..corpus.anchors import anchor_matrix
    from ..corpus.neighbours import NeighbourEdges
    from ..corpus.stories import EVENT_STORIES, story_similarities

    low, high = np.minimum(first, second), np.maximum(first, second)
    cosines = np.einsum("ij,ij->i", vectors[low], vectors[high]).astype(np.float32)
    edges = NeighbourEdges(low.astype(np.int32), high.astype(np.int32), cosines)
    return story_similarities(edges, [frozenset()] * len(texts), [None] * len(texts), EVENT_STORIES,
                              anchor_matrix(texts))


def pearson(x: np.ndarray, y: np.ndarray) -> float | None:
    if len(x) < 3 or np.std(x) == 0 or np.std(y) == 0:
        return None
    return round(float(np.corrcoef(x, y)[0, 1]), 4)


def same_story(predicted: np.ndarray, gold: np.ndarray) -> dict[str, Any]:
    hit = int((predicted & gold).sum())
    p = hit / predicted.sum() if predicted.sum() else 0.0
    r = hit / gold.sum() if gold.sum() else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "gold": int(gold.sum()), "predicted": int(predicted.sum())}


def evaluate(data_dir: Path, split: str = "all", limit: int | None = None, progress: bool = False,
             **_: Any) -> dict[str, Any]:
    from ..corpus.stories import EVENT_STORIES
    from ..corpus.translations import MULTILINGUAL_MODEL, multilingual_encoder
    from ..embeddings import encode

    started = time.perf_counter()
    pairs = read_pairs(data_dir)
    if limit:
        pairs = pairs[:limit]
    if not pairs:
        raise NewsprobeError("E011", f"no pairs in {data_dir}", DATA_SET)
    index: dict[str, int] = {}
    for p in pairs:
        for key in ("text1", "text2"):
            index.setdefault(p[key], len(index))
    texts = list(index)
    first = np.array([index[p["text1"]] for p in pairs])
    second = np.array([index[p["text2"]] for p in pairs])
    overall = np.array([p["overall"] for p in pairs], dtype=np.float64)
    cross = np.array([p["lang1"] != p["lang2"] for p in pairs])
    gold = overall <= SAME_STORY_MAX_OVERALL

    story = pair_scores(texts, first, second, encode(texts))
    predicted = story >= EVENT_STORIES.threshold
    result: dict[str, Any] = {
        "split": "all (the sample has one part; nothing is tuned on it)", "pairs": len(pairs),
        "cross_lingual_pairs": int(cross.sum()),
        "pearson_overall": {"story": pearson(story, overall),
                            "story_cross_lingual": pearson(story[cross], overall[cross])},
        "same_story": {"threshold": EVENT_STORIES.threshold, "gold_max_overall": SAME_STORY_MAX_OVERALL,
                       "all": same_story(predicted, gold), "cross_lingual": same_story(predicted[cross], gold[cross]),
                       "same_language": same_story(predicted[~cross], gold[~cross])},
    }
    result["translated_by_anchors"] = anchor_route_links(texts, first, second, overall, cross)
    multilingual = multilingual_encoder()
    if multilingual is not None:
        vectors = multilingual(texts)
        cosine = np.einsum("ij,ij->i", vectors[first], vectors[second])
        result["pearson_overall"]["multilingual"] = pearson(cosine, overall)
        result["pearson_overall"]["multilingual_cross_lingual"] = pearson(cosine[cross], overall[cross])
        result["multilingual_model"] = MULTILINGUAL_MODEL
    else:
        result["multilingual_model"] = None
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def anchor_route_links(texts: list[str], first: np.ndarray, second: np.ndarray, overall: np.ndarray,
                       cross: np.ndarray) -> dict[str, Any]:
    """The cross-lingual pairs that `verify_by_anchors` links, by their `overall` rating."""
    from ..corpus.anchors import AnchorIndex
    from ..corpus.copies import CopyDoc
    from ..corpus.translations import AnchorRouteSettings, verify_by_anchors

    index, settings = AnchorIndex(texts), AnchorRouteSettings()
    linked = []
    for k in np.flatnonzero(cross):
        i, j = int(first[k]), int(second[k])
        if i != j and verify_by_anchors(CopyDoc("a", texts[i]), CopyDoc("b", texts[j]), "?", "?",
                                        index.occurrences[i], index.occurrences[j], index.idf, settings):
            linked.append(float(overall[k]))
    return {"pairs": int(cross.sum()), "linked": len(linked),
            "linked_same_story": sum(o <= SAME_STORY_MAX_OVERALL for o in linked),
            "linked_ratings": sorted(round(o, 2) for o in linked)}


def format_text(result: dict[str, Any]) -> str:
    r, s = result["pearson_overall"], result["same_story"]

    def fmt(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.3f}"

    def pr(row: dict[str, Any]) -> str:
        return f"P {row['precision']:.3f} R {row['recall']:.3f} ({row['gold']} gold, {row['predicted']} predicted)"

    lines = [f"news-similarity ({result['pairs']} pairs, {result['cross_lingual_pairs']} cross-lingual)",
             f"  Pearson r with overall (1 = very similar, so negative is right): story similarity "
             f"{fmt(r['story'])} (cross-lingual {fmt(r['story_cross_lingual'])})"]
    if result["multilingual_model"]:
        lines.append(f"  multilingual article cosine ({result['multilingual_model']}): {fmt(r['multilingual'])} "
                     f"(cross-lingual {fmt(r['multilingual_cross_lingual'])})")
    lines += [f"  same story (similarity >= {s['threshold']} vs overall <= {s['gold_max_overall']}): "
              f"all {pr(s['all'])}",
              f"    cross-lingual {pr(s['cross_lingual'])}; same language {pr(s['same_language'])}",
              _anchor_line(result.get("translated_by_anchors")),
              f"  {result['seconds']} s"]
    return "\n".join(lines)


def _anchor_line(row: dict[str, Any] | None) -> str:
    if not row:
        return "  translated by anchors: not computed"
    return (f"  translated by anchors (names and figures in order), on the {row['pairs']} cross-lingual pairs: "
            f"{row['linked']} linked, {row['linked_same_story']} of them rated <= {SAME_STORY_MAX_OVERALL} "
            f"(ratings {row['linked_ratings']})")
