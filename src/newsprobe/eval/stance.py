"""Emergent: headline stance toward a rumoured claim (for / observing / against).

Emergent (Ferreira & Vlachos 2016), train split (`../shared/data/stance/emergent`, 2,071
headlines on 240 claims; there is no dev split, and the test split is kept elsewhere):
`url-versions-2015-06-14-clean-train.csv` gives each headline's stance toward its claim.
Rows are read in the CSV's order, so `--limit N` takes its first N headlines.

Each headline is analysed alone, as a short text, by the library (`analyze_many` with
the entities, attribution and claims layers, default settings but for
`claim_min_checkworthiness` 0, as `eval newsroom` does: the status is scored apart from
the check-worthiness filter, which would otherwise drop about half of the headlines before
they get a status), and its claims' status is mapped onto stance. When the headline holds
several claims, the strongest status in the claims layer's own order
(`claims.PRECEDENCE`: refuted, denied, disputed, ..., asserted) stands for the headline.
The mapping:

- asserted, reported                                   -> for
- unconfirmed, rumored, hedged, questioned             -> observing
- disputed, denied, refuted                            -> against
- no claim found (a fragment with no verb, a headline under four words) -> for: nothing
  in it hedges or rejects what it says (counted apart as `no_claim`; `with_claim` scores
  the headlines that have one).

This is a proxy, not a stance classifier: claim status says how firmly the headline puts
*its own* content, not whether that content agrees with the claim ("X says Y did not
happen" is a reported claim, so `for`, though it is against the claim that Y happened).
Nothing is fitted on Emergent.

Metrics: accuracy and macro-F1 over the three classes, the confusion matrix (gold ->
predicted), next to the majority class and a cue-word baseline (`cue_word_stance`).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import NewsprobeError

DATA_SET = "stance"
FILE = Path("emergent") / "url-versions-2015-06-14-clean-train.csv"
SPLITS = ("train", "all")
STANCES = ("for", "observing", "against")
STATUS_STANCE = {
    "asserted": "for", "reported": "for",
    "unconfirmed": "observing", "rumored": "observing", "hedged": "observing", "questioned": "observing",
    "disputed": "against", "denied": "against", "refuted": "against",
}
NO_CLAIM_STANCE = "for"
# The cue-word baseline (the words written down before any score was seen, not fitted):
# a rejection word makes a headline `against`, else a claim, rumour or hedge word (or a
# question mark) makes it `observing`, else `for`.
AGAINST_CUES = re.compile(r"\b(not|\w+n't|false|hoax|den(y|ies|ied))\b", re.I)
OBSERVING_CUES = re.compile(r"\b(claims?|claimed|reportedly|allegedly|rumou?rs?|rumou?red|may|might|could)\b|\?",
                            re.I)


def load(data_dir: Path, split: str = "train", limit: int | None = None) -> list[dict[str, str]]:
    if split not in SPLITS:
        raise NewsprobeError("E011", f"Emergent has only its train split here: use --split train (got {split!r})",
                             DATA_SET)
    path = data_dir / FILE
    if not path.is_file():
        raise NewsprobeError("E011", f"{path} not found", DATA_SET)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r.get("articleHeadlineStance") in STANCES]
    if not rows:
        raise NewsprobeError("E011", f"{path}: no rows with a stance", DATA_SET)
    return rows[:limit] if limit else rows


def headline_status(claims: list[dict[str, Any]]) -> str | None:
    """The strongest status among a headline's claims (claims.PRECEDENCE), None if none."""
    from ..layers.claims import PRECEDENCE

    statuses = {c["status"] for c in claims}
    return next((s for s in PRECEDENCE if s in statuses), None)


def status_stance(status: str | None) -> str:
    return STATUS_STANCE.get(status, NO_CLAIM_STANCE) if status else NO_CLAIM_STANCE


def cue_word_stance(headline: str) -> str:
    if AGAINST_CUES.search(headline):
        return "against"
    if OBSERVING_CUES.search(headline):
        return "observing"
    return "for"


def scores(gold: list[str], pred: list[str]) -> dict[str, Any]:
    n = len(gold)
    f1 = {}
    for cls in STANCES:
        tp = sum(g == cls and p == cls for g, p in zip(gold, pred))
        n_pred, n_gold = pred.count(cls), gold.count(cls)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1[cls] = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
    confusion = Counter(zip(gold, pred))
    return {"accuracy": round(sum(g == p for g, p in zip(gold, pred)) / n, 4) if n else 0.0,
            "macro_f1": round(sum(f1.values()) / len(STANCES), 4), "f1": f1, "n": n,
            "confusion": {g: {p: confusion[(g, p)] for p in STANCES} for g in STANCES}}


def headline_statuses(headlines: list[str], progress: bool = False) -> list[str | None]:
    """The status standing for each headline (None: no claim), each analysed alone."""
    from ..analyze import analyze_many
    from ..model import Article
    from ..progress import progress_bar
    from ..settings import Settings

    settings = Settings.load(claim_min_checkworthiness=0.0)
    statuses: list[str | None] = []
    articles = (Article(text=h, id=f"headline-{k}") for k, h in enumerate(headlines))
    with progress_bar("emergent", len(headlines), progress, unit="headlines") as advance:
        for analysis in analyze_many(articles, settings, layers=("entities", "attribution", "claims")):
            statuses.append(headline_status(analysis.claims))
            advance()
    return statuses


def evaluate(data_dir: Path, split: str = "train", limit: int | None = None, progress: bool = False,
             **_: Any) -> dict[str, Any]:
    rows = load(data_dir, split, limit)
    gold = [r["articleHeadlineStance"] for r in rows]
    statuses = headline_statuses([r["articleHeadline"] for r in rows], progress)
    pred = [status_stance(s) for s in statuses]
    majority = Counter(gold).most_common(1)[0][0]
    with_claim = [i for i, s in enumerate(statuses) if s is not None]
    return {
        "set": "emergent", "split": "train",
        **scores(gold, pred),
        "statuses": dict(sorted(Counter(s or "no_claim" for s in statuses).items())),
        "no_claim": sum(s is None for s in statuses),
        "with_claim": scores([gold[i] for i in with_claim], [pred[i] for i in with_claim]),
        "baseline": {
            "majority": {"label": majority, **scores(gold, [majority] * len(gold))},
            "cue_words": scores(gold, [cue_word_stance(r["articleHeadline"]) for r in rows]),
        },
    }


def format_text(result: dict[str, Any]) -> str:
    def line(label: str, s: dict[str, Any]) -> str:
        per_class = "  ".join(f"{c} {s['f1'][c]:.3f}" for c in STANCES)
        return f"  {label:<34}accuracy {s['accuracy']:.3f}  macro-F1 {s['macro_f1']:.3f}  (F1 {per_class})"

    b = result["baseline"]
    lines = [f"Emergent {result['split']}: headline stance toward the claim (n={result['n']})",
             line("newsprobe claim status", result),
             line(f"  headlines with a claim (n={result['with_claim']['n']})", result["with_claim"]),
             line("cue words", b["cue_words"]),
             line(f"majority class ({b['majority']['label']})", b["majority"]),
             "  confusion, gold -> predicted (newsprobe):"]
    for g in STANCES:
        row = result["confusion"][g]
        lines.append(f"    {g:<10} " + "  ".join(f"{p} {row[p]:>4}" for p in STANCES))
    statuses = ", ".join(f"{s} {n}" for s, n in result["statuses"].items())
    lines += [f"  headline statuses: {statuses}",
              "  (asserted/reported -> for; unconfirmed/rumored/hedged/questioned -> observing;",
              "   disputed/denied/refuted -> against; no claim -> for; nothing fitted on Emergent)"]
    return "\n".join(lines)
