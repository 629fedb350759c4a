"""Integrity benchmark: defects injected into clean article bodies, built at run time.

The bodies are the gold `articleBody` texts of the extraction benchmark
(`../shared/data/extraction/ground-truth.json`, `{id: {articleBody, url}}`); nothing of
them is stored in the repository. Split: the ids sorted, the first half is "train" (the
rules' thresholds were chosen on it), the second half "dev" (reported). `--split all`
takes every body.

For every body and every defect kind, one damaged copy is made with a seeded
`random.Random` (seed, id and kind; so a body gets the same defects whatever `--limit`)
by `integrity_defects` (cut sentences, stray fragments, duplicated reworded quotes,
misspelt names, a count restated with another value). A body that offers no place for a kind (no
direct quote of a named speaker, no repeated quantity) gets no copy of that kind; the
counts say how many did.

Scores, per kind:
- recall: injected defects found by a `warning` finding of that kind with a span
  overlapping the damage;
- precision: the kind's warnings on its damaged copies that point at the damage, over all
  the kind's warnings on those copies (a warning elsewhere in the copy is a false one);
- false alarms: every `warning` finding on the untouched bodies, per article (the bar:
  fewer than 1 per 20 articles, i.e. a rate below 0.05). `info` findings (transliteration
  variants) are counted apart: they are not alarms.
"""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import NewsprobeError
from ..layers.integrity import looks_english
from ..model import Analysis
from ..settings import Settings
from ..progress import progress_bar
from .integrity_defects import INJECTORS, Defect

DATA_SET = "extraction"
SEED = 5
KINDS = tuple(INJECTORS)
SPLITS = ("train", "dev", "all")
# The bars.
RECALL_BAR = 0.90
FALSE_ALARM_BAR = 1 / 20
# Examples of false alarms and misses kept in the result, for reading, per list.
EXAMPLES = 25


def read_bodies(data_dir: Path, split: str, limit: int | None = None) -> list[tuple[str, str]]:
    """(id, body) pairs of one split, in id order."""
    path = Path(data_dir) / "ground-truth.json"
    if not path.is_file() and (Path(data_dir) / "extraction" / "ground-truth.json").is_file():
        path = Path(data_dir) / "extraction" / "ground-truth.json"
    if not path.is_file():
        raise NewsprobeError("E011", f"extraction gold not found: {path} (expected "
                             "../shared/data/extraction/ground-truth.json, see ../shared/data/DATA.md)")
    if split not in SPLITS:
        raise NewsprobeError("E011", f"unknown split {split!r} for the integrity benchmark; "
                             f"use one of {', '.join(SPLITS)}")
    gold = json.loads(path.read_text("utf-8"))
    ids = sorted(i for i, row in gold.items() if (row.get("articleBody") or "").strip())
    half = len(ids) // 2
    ids = {"train": ids[:half], "dev": ids[half:], "all": ids}[split]
    if limit is not None:
        ids = ids[:limit]
    return [(i, gold[i]["articleBody"]) for i in ids]


def integrity_layers() -> tuple:
    """The layers the integrity layer needs, in pipeline order, and the integrity layer:
    the benchmark skips the others (claims, techniques) to save time."""
    from ..layers import LAYERS, integrity

    needed = set(integrity.REQUIRES)
    for layer in reversed(LAYERS):
        if layer.FIELD in needed:
            needed |= set(layer.REQUIRES)
    return tuple(layer for layer in LAYERS if layer.FIELD in needed or layer is integrity)


def analyse(nlp, layers, texts: list[str], settings: Settings) -> list[tuple[Any, Analysis]]:
    out = []
    for n, doc in enumerate(nlp.pipe(texts)):
        analysis = Analysis(text=texts[n], id=str(n))
        for layer in layers:
            setattr(analysis, layer.FIELD, layer.run(doc, analysis, settings))
        out.append((doc, analysis))
    return out


def _warnings(analysis: Analysis) -> list[dict]:
    return [f for f in analysis.integrity if f.get("severity", "warning") == "warning"]


def _hits(finding: dict, defect: Defect) -> bool:
    return finding["kind"] == defect.kind and any(
        s["start"] < end and start < s["end"] for s in finding["spans"] for start, end in defect.spans)


def evaluate(data_dir: Path, split: str = "dev", limit: int | None = None,
             progress: bool = False, **kw) -> dict[str, Any]:
    from ..parse import load_pipeline

    started = time.perf_counter()
    settings = Settings.load()
    bodies = read_bodies(data_dir, split, limit)
    nlp = load_pipeline(settings.model or None)
    layers = integrity_layers()

    counts = {k: Counter() for k in KINDS}
    clean_alarms: Counter = Counter()
    clean_info = 0
    articles_with_alarm = 0
    skipped = 0
    false_alarms, misses = [], []
    with progress_bar(f"integrity {split}", len(bodies), progress) as advance:
        for body_id, text in bodies:
            [(doc, clean)] = analyse(nlp, layers, [text], settings)
            if not looks_english(doc):
                skipped += 1  # the layer is English-only and reports nothing here
                advance()
                continue
            alarms = _warnings(clean)
            clean_alarms.update(f["kind"] for f in alarms)
            clean_info += len(clean.integrity) - len(alarms)
            articles_with_alarm += bool(alarms)
            false_alarms += [{"id": body_id, "kind": f["kind"], "text": f["spans"][0]["text"][:120],
                              "message": f["message"]} for f in alarms]
            defects = []
            for kind, inject in INJECTORS.items():
                defect = inject(text, doc, clean, random.Random(f"{SEED}:{body_id}:{kind}"))
                if defect is not None:
                    defects.append(defect)
            for defect, (_, damaged) in zip(defects, analyse(nlp, layers, [d.text for d in defects], settings)):
                c = counts[defect.kind]
                c["injected"] += 1
                c[f"injected_{defect.variant}"] += 1
                found = [f for f in _warnings(damaged) if f["kind"] == defect.kind]
                hits = [f for f in found if _hits(f, defect)]
                c["found"] += bool(hits)
                c[f"found_{defect.variant}"] += bool(hits)
                c["true_findings"] += len(hits)
                c["findings"] += len(found)
                if not hits:
                    start, end = defect.spans[0]
                    misses.append({"id": body_id, "kind": defect.kind, "variant": defect.variant,
                                   "text": defect.text[max(0, start - 60):end + 30]})
            advance()

    n = len(bodies) - skipped
    per_kind = {}
    for kind, c in counts.items():
        variants = sorted({k[len("injected_"):] for k in c if k.startswith("injected_")})
        per_kind[kind] = {
            "recall": _ratio(c["found"], c["injected"]),
            "precision": _ratio(c["true_findings"], c["findings"]),
            "injected": c["injected"], "found": c["found"],
            "recall_by_variant": {v: _ratio(c[f"found_{v}"], c[f"injected_{v}"]) for v in variants},
            "clean_false_alarms": clean_alarms[kind],
        }
    injected = sum(c["injected"] for c in counts.values())
    found = sum(c["found"] for c in counts.values())
    total_alarms = sum(clean_alarms.values())
    result: dict[str, Any] = {
        "split": split, "articles": n, "skipped_not_english": skipped, "seed": SEED,
        "recall": _ratio(found, injected),
        "precision": _ratio(sum(c["true_findings"] for c in counts.values()),
                            sum(c["findings"] for c in counts.values())),
        "false_alarms_per_article": _ratio(total_alarms, n),
        "false_alarms": total_alarms,
        "articles_with_false_alarm": articles_with_alarm,
        "clean_info_findings": clean_info,
        "kinds": per_kind,
        "bars": {"recall": RECALL_BAR, "false_alarms_per_article": round(FALSE_ALARM_BAR, 4),
                 "recall_met": _ratio(found, injected) >= RECALL_BAR,
                 "false_alarms_met": n > 0 and total_alarms / n < FALSE_ALARM_BAR},
        "false_alarm_examples": false_alarms[:EXAMPLES],
        "miss_examples": misses[:EXAMPLES],
        "seconds": round(time.perf_counter() - started, 2),
    }
    return result


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def format_text(result: dict[str, Any]) -> str:
    lines = [f"Integrity benchmark (defects injected into extraction gold bodies), split "
             f"{result['split']}: {result['articles']} English articles "
             f"({result['skipped_not_english']} others skipped), seed {result['seed']}, "
             f"{result['seconds']} s",
             "", f"{'kind':<22}{'injected':>9}{'found':>7}{'recall':>8}{'precision':>11}{'clean FA':>10}"]
    for kind, k in result["kinds"].items():
        lines.append(f"{kind:<22}{k['injected']:>9}{k['found']:>7}{k['recall']:>8.3f}"
                     f"{k['precision']:>11.3f}{k['clean_false_alarms']:>10}")
        if len(k["recall_by_variant"]) > 1:
            lines.append("    " + ", ".join(f"{v} {r:.3f}" for v, r in k["recall_by_variant"].items()))
    bars = result["bars"]
    lines += ["", f"recall {result['recall']:.3f} (bar ≥ {bars['recall']:.2f}: "
                  f"{'met' if bars['recall_met'] else 'NOT met'})  ·  precision {result['precision']:.3f}",
              f"false alarms on clean bodies: {result['false_alarms']} in {result['articles']} articles "
              f"= {result['false_alarms_per_article']:.3f} per article (bar < {bars['false_alarms_per_article']:.2f}: "
              f"{'met' if bars['false_alarms_met'] else 'NOT met'}); "
              f"{result['articles_with_false_alarm']} articles with any; "
              f"{result['clean_info_findings']} info findings (not alarms)"]
    if result["false_alarm_examples"]:
        lines += ["", "false alarms:"]
        lines += [f"  {f['kind']}: {f['message']}" for f in result["false_alarm_examples"]]
    return "\n".join(lines)
