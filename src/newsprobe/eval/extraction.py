"""Article-body extraction quality on the article extraction benchmark (Zyte/Scrapinghub,
181 real news and blog pages; `../shared/data/extraction`, MIT licence).

Reads `html/<id>.html.gz` and `ground-truth.json` `{id: {articleBody, url}}`, extracts the
article text of each page twice, in the same run:

- `newsprobe`: our HTML ingest (`ingest.html_page.read_html`), the text newsprobe analyses;
- `baseline`: plain `trafilatura.extract(html)` with default settings (the figure
  trafilatura publishes for this benchmark is F1 0.958).

The metric is the benchmark's own: word tokens (`\\w+`), all 4-token shingles counted as a
multiset; per page TP/FP/FN from the shingle counts, normalised by their sum so that long
pages weigh no more than short ones; precision is the mean over pages with anything
predicted, recall the mean over pages with anything to find, F1 the harmonic mean of those
two means. A page we cannot extract (E008) counts as an empty prediction.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import statistics
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import NewsprobeError
from ..progress import progress_bar

log = logging.getLogger(__name__)

DATA_SET = "extraction"
SHINGLE = 4
# Published F1 of trafilatura on this benchmark (its own evaluation); ours is measured in
# the same run next to plain trafilatura, which is the comparison to read.
PUBLISHED_TRAFILATURA_F1 = 0.958

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = SHINGLE) -> Counter:
    tokens = _TOKEN.findall(text or "")
    # A text shorter than n tokens is one (short) shingle, as the benchmark counts it.
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))
                   if tokens[i:i + n])


def page_counts(truth: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page."""
    gold, pred = shingles(truth), shingles(predicted)
    tp = sum((gold & pred).values())
    fp = sum((pred - gold).values())
    fn = sum((gold - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def scores(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.mean(precisions) if precisions else 0.0
    r = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}


def ours(html: bytes, origin: str) -> str:
    from ..ingest.html_page import read_html

    try:
        return read_html(html, origin).text
    except NewsprobeError:
        return ""


def plain_trafilatura(html: bytes) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def evaluate(data_dir: Path, split: str = "dev", limit: int | None = None,
             progress: bool = False, **kw) -> dict[str, Any]:
    """`split` is ignored: the benchmark is one set of 181 pages."""
    truth_path = data_dir / "ground-truth.json"
    if not truth_path.exists():
        raise NewsprobeError("E011", f"{truth_path} not found", str(data_dir))
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    ours_counts, base_counts, worst = [], [], []
    with progress_bar("extracting", len(ids), progress, unit="pages") as advance:
        for page_id in ids:
            with gzip.open(data_dir / "html" / f"{page_id}.html.gz", "rb") as f:
                html = f.read()
            gold = truth[page_id].get("articleBody", "")
            mine = page_counts(gold, ours(html, page_id))
            ours_counts.append(mine)
            base_counts.append(page_counts(gold, plain_trafilatura(html)))
            worst.append((_f1(mine), page_id))
            advance()
    worst.sort()
    return {
        "data_set": DATA_SET, "documents": len(ids), "shingle": SHINGLE,
        **scores(ours_counts),
        "baseline": {"name": "trafilatura.extract (defaults)", **scores(base_counts)},
        "published": {"trafilatura_f1": PUBLISHED_TRAFILATURA_F1},
        "worst_pages": [{"id": i, "f1": round(f, 3)} for f, i in worst[:5]],
    }


def _f1(c: tuple[float, float, float]) -> float:
    p, r = _precision(*c), _recall(*c)
    return 2 * p * r / (p + r) if p + r else 0.0


def format_text(result: dict[str, Any]) -> str:
    b = result["baseline"]
    lines = [
        f"Article extraction benchmark: {result['documents']} pages, token "
        f"{result['shingle']}-gram shingles, per-page P/R averaged",
        f"{'':28}{'precision':>10}{'recall':>10}{'F1':>8}",
        f"{'newsprobe HTML ingest':28}{result['precision']:>10.3f}{result['recall']:>10.3f}"
        f"{result['f1']:>8.3f}",
        f"{'trafilatura (defaults)':28}{b['precision']:>10.3f}{b['recall']:>10.3f}{b['f1']:>8.3f}",
        f"trafilatura's published F1 on this benchmark: {result['published']['trafilatura_f1']}",
        "lowest-scoring pages (ours): " + ", ".join(
            f"{w['id'][:12]}… {w['f1']:.2f}" for w in result["worst_pages"]),
    ]
    return "\n".join(lines)
