"""quotes-ggt: the Gender Gap Tracker's 98 Canadian news articles with 1,493 hand-marked
quotes, each with the speaker resolved through coreference (`reference`). Evaluation only
(`../shared/data/quotes-ggt/README.md`: research use, never trained on); there is no
split, so `--split` is ignored and every article is scored.

**Matching** follows GGT's own evaluation: a predicted quote matches a gold quote when
its content covers more than `COVER` (0.3) of the gold quote's characters; matching is
one-to-one and greedy by coverage. Gold quotes whose span did not align with the text
(`align.quote` other than exact/normalised) are left out.

**Speaker accuracy** is over the matched pairs: the predicted speaker names the gold
`reference` when they share a distinctive word (`newsroom.same_speaker`: "McCallum" ~
"Doug McCallum"). An unresolved speaker ("unknown", a bare pronoun) is wrong.

**By span** (`by_span`, reported beside the headline figures): GGT's unit is one contiguous
quoted span, so `“A,” she said. “B.”` and `“A,” she said, “B.”` are two gold quotes, while
our quote is an attribution whose content may have several fragments (one quote with both).
Scored one prediction per content fragment, with the quote's speaker, each fragment can
meet its own gold span; the headline figures keep one prediction per quote.

**Baseline** (same quotes, same matching): the speaker is the PERSON or ORG entity
mentioned last before the quote's cue (before its content when it has no cue).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from ..errors import NewsprobeError
from .files import read_jsonl
from ..progress import progress_bar
from .metrics import prf
from .newsroom import baseline_prediction, same_speaker

COVER = 0.3
ALIGNED = ("exact", "normalised")
SPLITS = ("all", "even", "odd")
_PRONOUNS = frozenset("he she they it we i him her them his hers their who".split())


def read_articles(data_dir: Path, limit: int | None = None) -> list[dict[str, Any]]:
    path = Path(data_dir) / "quotes.jsonl"
    return read_jsonl(path, "quotes-ggt", missing=f"quotes-ggt data not found: {path}", limit=limit)


def split_rows(rows: list[dict[str, Any]], split: str) -> list[dict[str, Any]]:
    """The articles of one half by position in the file: `even` (0, 2, ...), `odd` or `all`."""
    if split not in SPLITS:
        raise NewsprobeError("E011", f"unknown quotes-ggt split {split!r}; choose one of {', '.join(SPLITS)}",
                             "quotes-ggt")
    if split == "all":
        return rows
    parity = 0 if split == "even" else 1
    return [row for i, row in enumerate(rows) if i % 2 == parity]


def gold_quotes(row: dict[str, Any]) -> list[dict[str, Any]]:
    return [q for q in row.get("quotes", []) if q.get("quote_start") is not None
            and (q.get("align") or {}).get("quote") in ALIGNED]


def score(gold: list[dict[str, Any]], quotes: list[dict[str, Any]]) -> dict[str, int]:
    """Counts for one article: gold, predicted, matched, speaker right (see module docstring)."""
    candidates = []
    for gi, g in enumerate(gold):
        gs, ge = g["quote_start"], g["quote_end"]
        if ge <= gs:
            continue
        for pi, q in enumerate(quotes):
            covered = sum(max(0, min(ge, c["end"]) - max(gs, c["start"])) for c in q["content"])
            cover = covered / (ge - gs)
            if cover > COVER:
                candidates.append((cover, -gi, -pi))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, neg_gi, neg_pi in sorted(candidates, reverse=True):
        gi, pi = -neg_gi, -neg_pi
        if gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    right = sum(_speaker_right(quotes[pi]["speaker"]["name"], gold[gi]) for gi, pi in matched.items())
    return {"gold": len(gold), "pred": len(quotes), "matched": len(matched), "speaker_right": right}


def by_span(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One prediction per content fragment, each with its quote's speaker (see "By span")."""
    return [{**q, "content": [c]} for q in quotes for c in q["content"]]


def _speaker_right(name: str | None, gold: dict[str, Any]) -> bool:
    if not name or name.strip().lower() in _PRONOUNS:
        return False
    return same_speaker(name, [n for n in (gold.get("reference"), gold.get("speaker")) if n])


def evaluate(data_dir: Path, split: str = "all", limit: int | None = None,
             progress: bool = False) -> dict[str, Any]:
    from ..analyze import analyze_many
    from ..model import Article
    from ..settings import Settings

    started = time.perf_counter()
    rows = split_rows(read_articles(data_dir), split)[:limit]
    totals = {system: dict.fromkeys(("gold", "pred", "matched", "speaker_right"), 0)
              for system in ("ours", "baseline", "ours_by_span")}
    articles = (Article(text=r["text"], id=r["article_id"], origin=f"quotes-ggt/{r['article_id']}") for r in rows)
    with progress_bar("quotes-ggt", len(rows), progress) as advance:
        for row, analysis in zip(rows, analyze_many(articles, Settings.load(),
                                                    layers=("entities", "attribution"))):
            pred = analysis.to_dict()
            gold = gold_quotes(row)
            for system, quotes in (("ours", pred["quotes"]), ("baseline", baseline_prediction(pred)["quotes"]),
                                   ("ours_by_span", by_span(pred["quotes"]))):
                for key, n in score(gold, quotes).items():
                    totals[system][key] += n
            advance()
    result: dict[str, Any] = {}
    for system, t in totals.items():
        result[system] = {
            "quotes": prf(t["matched"], t["pred"], t["matched"], t["gold"]).to_dict(),
            "speaker_accuracy": round(t["speaker_right"] / t["matched"], 4) if t["matched"] else 0.0,
            "counts": t,
        }
    result["ours"]["by_span"] = result.pop("ours_by_span")
    result.update({"articles": len(rows), "split": split, "cover": COVER, "seconds": round(time.perf_counter() - started, 2),
                   "published_ggt_v5_1": {"quote_f1": 0.837, "speaker_accuracy": 0.860,
                                          "note": "GGT's own extractor and gold files, at 0.3 cover"}})
    return result


def format_text(result: dict[str, Any]) -> str:
    ours, base = result["ours"], result["baseline"]
    return "\n".join([
        f"quotes-ggt ({result.get('split', 'all')}): {result['articles']} articles, {result['seconds']:.1f} s (match: cover > {result['cover']})",
        f"{'':<26} {'ours':>7} {'baseline':>9}",
        f"{'quote P':<26} {ours['quotes']['p']:>7.3f} {base['quotes']['p']:>9.3f}",
        f"{'quote R':<26} {ours['quotes']['r']:>7.3f} {base['quotes']['r']:>9.3f}",
        f"{'quote F1':<26} {ours['quotes']['f1']:>7.3f} {base['quotes']['f1']:>9.3f}",
        f"{'speaker accuracy':<26} {ours['speaker_accuracy']:>7.3f} {base['speaker_accuracy']:>9.3f}",
        *([f"by span (one prediction per content fragment): quote F1 {ours['by_span']['quotes']['f1']:.3f}, "
           f"speaker accuracy {ours['by_span']['speaker_accuracy']:.3f}"] if "by_span" in ours else []),
        "baseline: speaker = last PERSON/ORG entity before the cue (same quotes)",
        "published GGT V5.1 (its own extractor): quote F1 0.837, speaker accuracy 0.860",
    ])


__all__ = ["evaluate", "format_text", "read_articles", "gold_quotes", "score", "by_span", "split_rows", "COVER", "SPLITS"]
