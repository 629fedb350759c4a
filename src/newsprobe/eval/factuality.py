"""Event factuality on UDS-IH2 ("It Happened", White et al. 2016; Rudinger et al. 2018).

Reads `<data_dir>/uds_ih2_<split>.jsonl` (sentence, tokens, predicate index, binary
`happened`; only the dev split is in ../shared/data). Each sentence is parsed with the
product's spaCy pipeline from its own tokens (so the predicate index stays aligned), and
the predicate is scored with `layers.commitment.happened`, the same rules the claims layer
uses for status and hedges. Nothing is trained.

Metrics: accuracy and macro-F1 of `happened` (both classes), with the majority-class
baseline. The rules were written while reading the "tune" half of dev (sentences whose
document number is even); the "held" half (odd) was not looked at, and both halves are
reported next to the whole, so the reader can see how much the rules fit what they were
written on.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..errors import NewsprobeError

DATA_SET = "factuality"


def _doc_number(item_id: str) -> int:
    m = re.search(r"-(\d+)-", item_id)
    return int(m.group(1)) if m else 0


def load(data_dir: Path, split: str, limit: int | None = None) -> list[dict[str, Any]]:
    path = data_dir / f"uds_ih2_{split}.jsonl"
    if not path.is_file():
        raise NewsprobeError("E011", f"{path} not found", "factuality")
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def scores(gold: list[int], pred: list[int]) -> dict[str, float]:
    n = len(gold) or 1
    acc = sum(g == p for g, p in zip(gold, pred)) / n
    f1s = []
    for cls in (0, 1):
        tp = sum(g == cls and p == cls for g, p in zip(gold, pred))
        n_pred = sum(p == cls for p in pred)
        n_gold = sum(g == cls for g in gold)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return {"accuracy": round(acc, 4), "macro_f1": round(sum(f1s) / 2, 4),
            "f1_happened": round(f1s[1], 4), "f1_not_happened": round(f1s[0], 4), "n": len(gold)}


def predict(rows: list[dict[str, Any]], nlp) -> list[int]:
    from spacy.tokens import Doc

    from ..layers.commitment import happened

    docs: dict[tuple[str, ...], Any] = {}
    unique = list(dict.fromkeys(tuple(r["tokens"]) for r in rows))
    for words, doc in zip(unique, nlp.pipe(Doc(nlp.vocab, words=list(w)) for w in unique)):
        docs[words] = doc
    return [int(happened(docs[tuple(r["tokens"])][r["pred_index"]])) for r in rows]


def evaluate(data_dir: Path, split: str = "dev", limit: int | None = None,
             progress: bool = False, **kw) -> dict[str, Any]:
    from ..parse import load_pipeline

    rows = load(data_dir, split, limit)
    nlp = load_pipeline(None)
    pred = predict(rows, nlp)
    gold = [int(r["happened"]) for r in rows]
    majority = int(sum(gold) * 2 >= len(gold))
    tune = [i for i, r in enumerate(rows) if _doc_number(r["id"]) % 2 == 0]
    held = [i for i, r in enumerate(rows) if _doc_number(r["id"]) % 2 == 1]
    part = lambda idx: scores([gold[i] for i in idx], [pred[i] for i in idx])  # noqa: E731
    return {
        "set": "uds-ih2", "split": split,
        **scores(gold, pred),
        "tune_half": part(tune), "held_half": part(held),
        "baseline": {"majority": scores(gold, [majority] * len(gold))},
    }


def format_text(result: dict[str, Any]) -> str:
    lines = [f"UDS-IH2 {result['split']} (n={result['n']}): did the event happen?",
             f"  newsprobe rules   accuracy {result['accuracy']:.3f}  macro-F1 {result['macro_f1']:.3f}",
             f"    tune half       accuracy {result['tune_half']['accuracy']:.3f}  macro-F1 {result['tune_half']['macro_f1']:.3f}",
             f"    held half       accuracy {result['held_half']['accuracy']:.3f}  macro-F1 {result['held_half']['macro_f1']:.3f}",
             f"  majority class    accuracy {result['baseline']['majority']['accuracy']:.3f}  macro-F1 {result['baseline']['majority']['macro_f1']:.3f}"]
    return "\n".join(lines)
