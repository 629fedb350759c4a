"""Propaganda Techniques Corpus v2 (SemEval-2020 Task 11): span identification and
technique classification, scored as the shared task scored them.

Data: `<data_dir>/<split>-articles/article<ID>.txt` (title, blank line, one sentence per
line), `<split>-task-si.labels` (`id start end`, merged spans) and
`<split>-task-flc-tc.labels` (`id technique start end`). Offsets index the file's text
read without newline translation.

**SI** (`--task si`): our technique spans (the layer's output on a fresh parse, technique
labels ignored) against the gold SI spans. The official metric gives partial credit for
overlap: with S the predicted and T the gold spans of all articles, overlapping predicted
spans merged first,

    P = sum over (s, t) in the same article of |s ∩ t| / |s|, divided by |S|
    R = sum over (s, t) in the same article of |s ∩ t| / |t|, divided by |T|

(characters as sets of offsets). Because long spans collect overlap cheaply, every result
also carries the trivial baseline that marks every non-empty line (sentence) as one span,
and `span_precision`: the share of predicted spans that touch any gold span at all.

**TC** (`--task tc`): given the gold spans, predict each one's technique; micro-F1 over the
gold instances. An exact span annotated with k techniques gets our top k labels, and a
label counts when it is among that span's gold labels (the official scorer's "best
match"). Since every instance gets one prediction, micro P = R = F1 = accuracy. The
baseline is the majority class, loaded_language.

The layer is run without the attribution layer's quotes (a technique's voice does not
change what is scored), so the evaluation measures the technique model alone. SI is given
at the display floor (`techniques_min_score`, the spans a user is shown) and, as
`si_without_floor`, for every span the tagger finds.
"""

from __future__ import annotations

import logging
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import NewsprobeError
from ..layers.technique_features import PTC_LABELS
from ..progress import progress_bar

log = logging.getLogger(__name__)

DATA_SET = "ptc"
TASKS = ("si", "tc")

# Published test-set figures from the SemEval-2020 Task 11 overview (Da San Martino et
# al., 2020), as quoted in our issue: the best systems overall and the best on frozen
# features. Test, not dev: a direction, not a like-for-like comparison.
PUBLISHED = {
    "si": {"hitachi": 0.516, "cyberwalle_frozen": 0.439},
    "tc": {"applicaai": 0.621, "cyberwalle_frozen": 0.574},
}
# The bars on PTC dev.
BARS = {"si": 0.40, "tc": 0.62}

# PTC v2 trimmed gold spans so that none starts or ends with these characters.
TRIM_CHARS = " \n.,:;"


@dataclass
class PtcArticle:
    id: str
    text: str
    si: list[tuple[int, int]] = field(default_factory=list)
    tc: list[tuple[str, int, int]] = field(default_factory=list)   # (technique, start, end)


def read_split(data_dir: Path, split: str = "dev", limit: int | None = None) -> list[PtcArticle]:
    """The articles of a split with their gold SI and TC spans, sorted by id."""
    folder = Path(data_dir) / f"{split}-articles"
    if not folder.is_dir():
        raise NewsprobeError("E011", f"PTC {split} articles not found in {folder} "
                                     "(see ../shared/data/DATA.md)", origin=str(folder))
    paths = sorted(folder.glob("article*.txt"))
    if limit:
        paths = paths[:limit]
    articles = {}
    for p in paths:
        with open(p, encoding="utf-8", newline="") as fh:  # offsets count "\r" if any
            articles[p.stem.removeprefix("article")] = PtcArticle(p.stem.removeprefix("article"), fh.read())
    for line in _label_lines(Path(data_dir) / f"{split}-task-si.labels"):
        aid, start, end = line
        if aid in articles:
            articles[aid].si.append((int(start), int(end)))
    for line in _label_lines(Path(data_dir) / f"{split}-task-flc-tc.labels"):
        aid, label, start, end = line
        if aid in articles:
            articles[aid].tc.append((PTC_LABELS[label], int(start), int(end)))
    return list(articles.values())


def _label_lines(path: Path):
    if not path.is_file():
        raise NewsprobeError("E011", f"PTC labels not found: {path}", origin=str(path))
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            yield line.split("\t")


# --- metrics ---------------------------------------------------------------------------

def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans merged into one (sorted)."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


class SIScore:
    """Accumulates the SemEval-2020 Task 11 SI metric over articles."""

    def __init__(self):
        self.p_num = self.r_num = 0.0
        self.n_pred = self.n_gold = 0
        self.pred_touching = 0
        self.pred_chars = self.gold_chars = 0

    def add(self, pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> None:
        pred, gold = merge_spans(pred), merge_spans(gold)
        self.n_pred += len(pred)
        self.n_gold += len(gold)
        self.pred_chars += sum(e - s for s, e in pred)
        self.gold_chars += sum(e - s for s, e in gold)
        for s, e in pred:
            touched = False
            for gs, ge in gold:
                inter = min(e, ge) - max(s, gs)
                if inter > 0:
                    touched = True
                    self.p_num += inter / (e - s)
                    self.r_num += inter / (ge - gs)
            self.pred_touching += touched

    def to_dict(self) -> dict[str, Any]:
        p = self.p_num / self.n_pred if self.n_pred else 0.0
        r = self.r_num / self.n_gold if self.n_gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
            "span_precision": round(self.pred_touching / self.n_pred, 4) if self.n_pred else 0.0,
            "predicted_spans": self.n_pred, "gold_spans": self.n_gold,
            "mean_predicted_chars": round(self.pred_chars / self.n_pred, 1) if self.n_pred else 0.0,
            "mean_gold_chars": round(self.gold_chars / self.n_gold, 1) if self.n_gold else 0.0,
        }


def line_spans(text: str) -> list[tuple[int, int]]:
    """The trivial SI baseline: every non-empty line is one span, trimmed like PTC gold."""
    spans, pos = [], 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        while s < e and text[s] in TRIM_CHARS + "\r":
            s += 1
        while e > s and text[e - 1] in TRIM_CHARS + "\r":
            e -= 1
        if e > s:
            spans.append((s, e))
        pos += len(line) + 1
    return spans


def tc_hits(gold: list[tuple[str, int, int]], ranked: dict[tuple[int, int], list[str]]) -> int:
    """Correct labels when each exact gold span with k labels gets the top k of `ranked`."""
    by_span: dict[tuple[int, int], Counter] = defaultdict(Counter)
    for label, s, e in gold:
        by_span[(s, e)][label] += 1
    hits = 0
    for span, labels in by_span.items():
        k = sum(labels.values())
        predicted = Counter(ranked[span][:k])
        hits += sum((predicted & labels).values())
    return hits


# --- evaluation ------------------------------------------------------------------------

def evaluate(data_dir: Path, split: str = "dev", limit: int | None = None,
             progress: bool = False, task: str | None = None, **_: Any) -> dict[str, Any]:
    """Score the technique layer on a PTC split; `task` is "si" (default) or "tc"."""
    from ..layers import techniques
    from ..model import Analysis
    from ..parse import load_pipeline
    from ..settings import Settings

    task = (task or "si").lower()
    if task not in TASKS:
        raise NewsprobeError("E011", f"unknown PTC task {task!r}; choose one of {', '.join(TASKS)}")
    started = time.perf_counter()
    articles = read_split(data_dir, split, limit)
    settings = Settings.load()
    # The layer runs with no display floor; the floor is applied here, so one run gives
    # both the figure a user sees (spans at or above techniques_min_score) and the tagger's.
    unfloored = replace(settings, techniques_min_score=0.0)
    nlp = load_pipeline(settings.model or None)
    si, si_all, base = SIScore(), SIScore(), SIScore()
    n_gold = hits = majority_hits = 0
    confusion: dict[str, Counter] = defaultdict(Counter)
    with progress_bar(f"PTC {split} {task}", len(articles), progress) as advance:
        for art, doc in zip(articles, nlp.pipe(a.text for a in articles)):
            if task == "si":
                analysis = Analysis(text=art.text, id=art.id)
                found = techniques.run(doc, analysis, unfloored)
                si.add([(t["start"], t["end"]) for t in found
                        if t["score"] >= settings.techniques_min_score], art.si)
                si_all.add([(t["start"], t["end"]) for t in found], art.si)
                base.add(line_spans(art.text), art.si)
            else:
                spans = sorted({(s, e) for _, s, e in art.tc})
                ranked = dict(zip(spans, techniques.rank_techniques(doc, spans, settings.encoder_layers)))
                n_gold += len(art.tc)
                hits += tc_hits(art.tc, ranked)
                majority_hits += sum(1 for label, _, _ in art.tc if label == "loaded_language")
                for label, s, e in art.tc:
                    confusion[label][ranked[(s, e)][0]] += 1
            advance()
    result: dict[str, Any] = {"task": task, "split": split, "articles": len(articles),
                              "encoder_layers": settings.encoder_layers}
    if task == "si":
        result["si"] = si.to_dict()
        result["si"]["display_floor"] = settings.techniques_min_score
        result["si_without_floor"] = si_all.to_dict()
        result["baseline"] = {"every_line": base.to_dict()}
    else:
        acc = hits / n_gold if n_gold else 0.0
        result["tc"] = {"micro_f1": round(acc, 4), "gold_spans": n_gold, "correct": hits,
                        "per_technique_recall": {
                            label: round(c[label] / sum(c.values()), 4)
                            for label, c in sorted(confusion.items())}}
        result["baseline"] = {"majority_class": {
            "micro_f1": round(majority_hits / n_gold, 4) if n_gold else 0.0}}
        from_dev = techniques.load_model(settings.encoder_layers).meta.get("tc_settings_from_dev")
        if from_dev:
            # Settings the training script chose on PTC dev itself: a dev figure is then
            # optimistic, and the cross-fitted one (chosen on 4/5 of dev, scored on the rest)
            # is the figure to quote beside it.
            result["tc"]["settings_from_dev"] = {
                "tc_logit_tau": from_dev["tc_logit_tau"],
                "cross_fitted_micro_f1": from_dev["cross_fitted_micro_f1"],
                "tau_chosen_by_train_cv": from_dev.get("tau_chosen_by_train_cv")}
    result["published"] = dict(PUBLISHED[task])
    result["bar"] = BARS[task]
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result


def format_text(result: dict[str, Any]) -> str:
    task, pub = result["task"], result["published"]
    head = f"PTC {result['split']} {task.upper()}: {result['articles']} articles, {result['seconds']:.1f} s"
    published = ", ".join(f"{k} {v:.3f}" for k, v in pub.items())
    if task == "si":
        ours, base = result["si"], result["baseline"]["every_line"]
        rows = [f"{'':<24} {'P':>6} {'R':>6} {'F1':>6}   {'span P':>6} {'spans':>6} {'mean chars':>10}"]
        for name, r in ((f"newsprobe (floor {ours.get('display_floor', 0):.2f})", ours),
                        ("  without the floor", result.get("si_without_floor", ours)),
                        ("baseline: every line", base)):
            rows.append(f"{name:<24} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f}   "
                        f"{r['span_precision']:>6.3f} {r['predicted_spans']:>6} {r['mean_predicted_chars']:>10.1f}")
        return "\n".join([head, "", *rows, "",
                          f"gold: {ours['gold_spans']} spans, mean {ours['mean_gold_chars']:.1f} chars. "
                          "P/R/F1: SemEval-2020 Task 11 character overlap; span P: share of "
                          "predicted spans touching any gold span.",
                          f"bar F1 >= {result['bar']:.2f}; published (test set): {published}"])
    tc = result["tc"]
    rows = [head, "",
            f"micro-F1 {tc['micro_f1']:.3f}  ({tc['correct']} of {tc['gold_spans']} gold spans)   "
            f"baseline (majority class) {result['baseline']['majority_class']['micro_f1']:.3f}",
            "", "recall per technique:"]
    rows += [f"  {label:<36} {r:.3f}" for label, r in tc["per_technique_recall"].items()]
    if "settings_from_dev" in tc:
        dev = tc["settings_from_dev"]
        rows += ["", f"tuned on dev: logit adjustment tau {dev['tc_logit_tau']} (train CV chose "
                     f"{dev['tau_chosen_by_train_cv']}); cross-fitted micro-F1 {dev['cross_fitted_micro_f1']:.3f}"]
    rows += ["", f"bar micro-F1 >= {result['bar']:.2f}; published (test set): {published}"]
    return "\n".join(rows)


__all__ = ["evaluate", "format_text", "read_split", "merge_spans", "line_spans", "SIScore",
           "tc_hits", "PtcArticle", "DATA_SET", "TASKS"]
