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

Claim status says how firmly the headline puts *its own* content; stance is toward the
Emergent claim, which the headline may relay, affirm or contradict. So the status is read
together with the headline's polarity (`headline_stance`), in this order:

- disputed, denied, refuted                                -> against
- the headline's claim is negated on its main predicate ("Banksy has not been arrested",
  "Iraq says the woman is not his wife"; `commitment` cues: "not", "never", a negated
  subject) or a verdict word of the claims layer's lexicons is in it (`FALSE_VERDICT`,
  `CONTESTED`: "hoax", "fake", "debunked")                 -> against
- unconfirmed, rumored, hedged, questioned                 -> observing
- reported through a denial cue whose object is no clause ("Lisa Bonet denies slamming
  Cosby": the claim is the headline's report of the denial) -> against
- reported through a cue that commits to the content (a factive verb: "reveals",
  "confirms", "announces", "finds"; or a headline's "Name: ..." line) -> for; through any
  other cue ("says", "claims", "insists")                  -> observing: the headline
  relays what somebody says without taking it up
- asserted                                                 -> for, unless the headline's main
  verb relays ("Isis video claims to show ...", "..., claims analyst") and the attribution
  layer read no cue there                                  -> observing
- no claim found (a fragment with no verb, a headline under four words) -> for, or against
  with a verdict word ("3-Boobed Woman a Fake") (counted apart as `no_claim`; `with_claim`
  scores the headlines that have one).

The polarity and cue rules were chosen on one half of the claims (`half-a`: claims sorted
by id, every other one) and confirmed on the other (`half-b`); both are reported. Nothing
is fitted on Emergent; the word lists are the layers' own.

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
from ..layers.claims import CONTESTED, FALSE_VERDICT, span_predicate
from ..layers.commitment import DENIAL_VERBS, EMBEDDING_CLASSES, is_negated

DATA_SET = "stance"
FILE = Path("emergent") / "url-versions-2015-06-14-clean-train.csv"
SPLITS = ("train", "all", "half-a", "half-b")
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
        raise NewsprobeError("E011", "Emergent has only its train split here: use --split train "
                             f"(or its halves half-a, half-b; got {split!r})", DATA_SET)
    path = data_dir / FILE
    if not path.is_file():
        raise NewsprobeError("E011", f"{path} not found", DATA_SET)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r.get("articleHeadlineStance") in STANCES]
    if not rows:
        raise NewsprobeError("E011", f"{path}: no rows with a stance", DATA_SET)
    if split.startswith("half-"):
        halves = claim_halves(rows)
        rows = [r for r in rows if halves[r["claimId"]] == split]
    return rows[:limit] if limit else rows


def claim_halves(rows: list[dict[str, str]]) -> dict[str, str]:
    """Each claim's half, `half-a` or `half-b`: the claims sorted by id, taken in turn, so
    that no claim is in both halves (one half chooses rules, the other confirms them)."""
    ids = sorted({r["claimId"] for r in rows})
    return {claim_id: ("half-a" if k % 2 == 0 else "half-b") for k, claim_id in enumerate(ids)}


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


# Cues that commit the headline to what the source says ("reveals", "confirms"): the
# factive class of the commitment layer, and a headline's "Name: ..." line.
COMMITTING_CUES = frozenset(EMBEDDING_CLASSES["factive"]) | {"announce", "admit", "unveil", ":"}


# The forms of the verbs that relay without committing, matched by form (a title-case
# headline's "Claims" is often tagged a proper noun and keeps its case as lemma).
RELAYING_VERB_FORMS = frozenset("claim claims claimed claiming allege alleges alleged insist insists "
                                "suggest suggests say says said".split())


def headline_stance(doc, claims: list[dict[str, Any]], quotes: list[Any]) -> str:
    """The headline's stance toward the claim it relays: its strongest status read with
    its polarity and its cue (module docstring)."""
    status = headline_status(claims)
    stance = status_stance(status)
    if stance == "against":
        return stance
    text = doc.text
    for c in claims:
        pred = span_predicate(doc, c["start"], c["end"])
        if pred is not None and is_negated(pred):
            return "against"
    if FALSE_VERDICT.search(text) or CONTESTED.search(text):
        return "against"
    if status == "asserted" and any(t.dep_ == "ROOT" and t.lower_ in RELAYING_VERB_FORMS for t in doc):
        # "New video claims to show ...", "Phone maker to open a store in Lisbon, claims
        # analyst": a relaying verb the attribution layer did not read as a cue
        return "observing"
    if status == "reported":
        by_id = {q.id: q for q in quotes}
        quote = next((by_id.get(c.get("quote")) for c in claims
                      if c["status"] == "reported" and c.get("quote") in by_id), None)
        if quote is not None and quote.cue is not None:
            cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
            lemmas = {t.lemma_.lower() for t in cue} if cue is not None else set()
            if lemmas & DENIAL_VERBS:
                # "Lisa Bonet Denies Slamming Bill Cosby": a denial whose object is no
                # clause, so the claim is the headline's report of it
                return "against"
            if not lemmas & COMMITTING_CUES:
                return "observing"
    return stance


def headline_readings(headlines: list[str], progress: bool = False) -> list[tuple[str | None, str]]:
    """(the status standing for the headline or None: no claim, its stance) for each
    headline, each analysed alone."""
    from ..analyze import analyze_many
    from ..model import Article
    from ..parse import load_pipeline
    from ..progress import progress_bar
    from ..settings import Settings

    settings = Settings.load(claim_min_checkworthiness=0.0)
    nlp = load_pipeline(settings.model or None, settings.max_sentence_tokens)   # the one analyze parses with
    readings: list[tuple[str | None, str]] = []
    articles = (Article(text=h, id=f"headline-{k}") for k, h in enumerate(headlines))
    docs = nlp.pipe(headlines)
    with progress_bar("emergent", len(headlines), progress, unit="headlines") as advance:
        for analysis, doc in zip(analyze_many(articles, settings, layers=("entities", "attribution", "claims")),
                                 docs):
            claims = [c if isinstance(c, dict) else c.to_dict() for c in analysis.claims]
            readings.append((headline_status(claims), headline_stance(doc, claims, analysis.quotes)))
            advance()
    return readings


def headline_statuses(headlines: list[str], progress: bool = False) -> list[str | None]:
    """The status standing for each headline (None: no claim), each analysed alone."""
    return [status for status, _ in headline_readings(headlines, progress)]


def evaluate(data_dir: Path, split: str = "train", limit: int | None = None, progress: bool = False,
             **_: Any) -> dict[str, Any]:
    rows = load(data_dir, split, limit)
    gold = [r["articleHeadlineStance"] for r in rows]
    readings = headline_readings([r["articleHeadline"] for r in rows], progress)
    statuses = [status for status, _ in readings]
    pred = [stance for _, stance in readings]
    cue_words = [cue_word_stance(r["articleHeadline"]) for r in rows]
    majority = Counter(gold).most_common(1)[0][0]
    with_claim = [i for i, s in enumerate(statuses) if s is not None]
    halves = claim_halves(rows)
    by_half = {}
    for half in ("half-a", "half-b"):
        part = [i for i, r in enumerate(rows) if halves[r["claimId"]] == half]
        if part:
            by_half[half] = {**scores([gold[i] for i in part], [pred[i] for i in part]),
                             "cue_words": scores([gold[i] for i in part], [cue_words[i] for i in part])}
    return {
        "set": "emergent", "split": split,
        **scores(gold, pred),
        "statuses": dict(sorted(Counter(s or "no_claim" for s in statuses).items())),
        "no_claim": sum(s is None for s in statuses),
        "with_claim": scores([gold[i] for i in with_claim], [pred[i] for i in with_claim]),
        "status_only": scores(gold, [status_stance(s) for s in statuses]),
        "halves": by_half,
        "baseline": {
            "majority": {"label": majority, **scores(gold, [majority] * len(gold))},
            "cue_words": scores(gold, cue_words),
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
             line("status alone (no polarity, no cue)", result["status_only"]),
             *[line(f"  {half} (n={h['n']})", h) + f"  cue words {h['cue_words']['accuracy']:.3f}/"
               f"{h['cue_words']['macro_f1']:.3f}" for half, h in result["halves"].items()],
             line("cue words", b["cue_words"]),
             line(f"majority class ({b['majority']['label']})", b["majority"]),
             "  confusion, gold -> predicted (newsprobe):"]
    for g in STANCES:
        row = result["confusion"][g]
        lines.append(f"    {g:<10} " + "  ".join(f"{p} {row[p]:>4}" for p in STANCES))
    statuses = ", ".join(f"{s} {n}" for s, n in result["statuses"].items())
    lines += [f"  headline statuses: {statuses}",
              "  (disputed/denied/refuted or a negated or verdict-bearing headline -> against;",
              "   unconfirmed/rumored/hedged/questioned, or reported through a non-committing cue -> observing;",
              "   else for; rules chosen on half-a; nothing fitted on Emergent)"]
    return "\n".join(lines)
