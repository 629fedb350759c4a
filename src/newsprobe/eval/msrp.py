"""MSRP: sentence paraphrase pairs, for the corpus stage's sentence alignment and changes.

`../shared/data/msrp/msr_paraphrase_train.txt` (Microsoft Research Paraphrase Corpus,
training part; 4,076 news sentence pairs, each labelled 1 when two judges found them
semantically equivalent). The corpus stage meets such pairs inside copies: a rewritten
copy's sentences must align with their originals (`align.py`: MiniLM cosine at least
`CopySettings.sentence_similarity`), and a paraphrase should report no meaning change
while a pair that says something else often should (`changes.sentence_changes`).

Two figures, per split:

- **alignment**: precision, recall and F1 of "aligned" (cosine >= the copy threshold) for
  the paraphrase label;
- **changes**: the share of paraphrase pairs and of non-paraphrase pairs on which at least
  one change is reported (every pair compared, as if aligned), with the kinds. MSRP's
  paraphrases may differ in a detail (a figure rounded, a title dropped), so the first
  share is not all false alarms; a change check that fires as often on paraphrases as on
  the rest tells nothing.

There is no official dev split; the pairs are cut by a hash of their two ids: `dev` is
about a tenth (the figures to quote), `train` the rest (for choosing thresholds).
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import NewsprobeError

DATA_SET = "msrp"
SPLITS = ("dev", "train", "all")
FILE = "msr_paraphrase_train.txt"


def read_pairs(data_dir: Path, split: str) -> list[tuple[int, str, str]]:
    """(label, sentence 1, sentence 2) of the split, in file order."""
    if split not in SPLITS:
        raise NewsprobeError("E011", f"split must be one of {', '.join(SPLITS)}, got {split!r}", DATA_SET)
    path = data_dir / FILE
    if not path.is_file():
        raise NewsprobeError("E011", f"{path} not found", DATA_SET)
    pairs = []
    # Sentences hold unbalanced '"': split on tabs, never with a CSV reader.
    for line in path.read_text(encoding="utf-8-sig").splitlines()[1:]:
        fields = line.split("\t")
        if len(fields) != 5 or fields[0] not in ("0", "1"):
            continue
        if split != "all" and (split_of(fields[1], fields[2]) != split):
            continue
        pairs.append((int(fields[0]), fields[3], fields[4]))
    return pairs


def split_of(id1: str, id2: str) -> str:
    return "dev" if hashlib.sha1(f"{id1}-{id2}".encode()).digest()[0] % 10 == 0 else "train"


def evaluate(data_dir: Path, split: str = "dev", limit: int | None = None, progress: bool = False,
             **_: Any) -> dict[str, Any]:
    from ..corpus.changes import SentenceView, sentence_changes
    from ..corpus.copies import CopySettings
    from ..embeddings import encode
    from ..model import Span

    started = time.perf_counter()
    pairs = read_pairs(data_dir, split)
    if limit:
        pairs = pairs[:limit]
    if not pairs:
        raise NewsprobeError("E011", f"no pairs in split {split!r}", DATA_SET)
    labels = np.array([label for label, _, _ in pairs])
    first = encode([a for _, a, _ in pairs])
    second = encode([b for _, _, b in pairs])
    cosine = (first * second).sum(axis=1)
    threshold = CopySettings().sentence_similarity
    aligned = cosine >= threshold
    hits = int((aligned & (labels == 1)).sum())
    precision = hits / aligned.sum() if aligned.sum() else 0.0
    recall = hits / (labels == 1).sum() if (labels == 1).any() else 0.0
    with_change = {0: 0, 1: 0}
    kinds: dict[int, Counter] = {0: Counter(), 1: Counter()}
    for label, a, b in pairs:
        found = sentence_changes(SentenceView(Span.of(a, 0, len(a)), a), SentenceView(Span.of(b, 0, len(b)), b))
        with_change[label] += bool(found)
        kinds[label].update(c.kind for c in found)
    counts = {label: int((labels == label).sum()) for label in (0, 1)}
    return {
        "split": split, "pairs": len(pairs), "paraphrases": counts[1],
        "alignment": {"threshold": threshold, "precision": round(float(precision), 4),
                      "recall": round(float(recall), 4),
                      "f1": round(float(2 * precision * recall / (precision + recall)), 4) if hits else 0.0},
        "changes": {
            "paraphrase_pairs_with_change": round(with_change[1] / counts[1], 4) if counts[1] else None,
            "other_pairs_with_change": round(with_change[0] / counts[0], 4) if counts[0] else None,
            "kinds_on_paraphrases": dict(kinds[1].most_common()),
            "kinds_on_others": dict(kinds[0].most_common())},
        "seconds": round(time.perf_counter() - started, 1),
    }


def format_text(result: dict[str, Any]) -> str:
    al, ch = result["alignment"], result["changes"]
    return "\n".join([
        f"MSRP sentence pairs, split {result['split']} ({result['pairs']} pairs, {result['paraphrases']} paraphrases)",
        f"  alignment (MiniLM cosine >= {al['threshold']}): P {al['precision']:.3f} R {al['recall']:.3f} "
        f"F1 {al['f1']:.3f} for the paraphrase label",
        f"  pairs with a change reported: paraphrases {ch['paraphrase_pairs_with_change']:.1%}, "
        f"others {ch['other_pairs_with_change']:.1%}",
        f"    kinds on paraphrases: {ch['kinds_on_paraphrases']}",
        f"    kinds on others:      {ch['kinds_on_others']}",
        f"  {result['seconds']} s",
    ])
