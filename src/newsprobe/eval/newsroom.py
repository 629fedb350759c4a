"""newsroom: 30 real news excerpts with hand-written gold for who claims what
(`../shared/data/newsroom/README.md` has the annotation rules).

Split: `dev` is nr01-nr20 (read, debug, tune), `test` is nr21-nr30 (score only); `dev-a`
(nr01-nr10) and `dev-b` (nr11-nr20) are dev's halves, to check that a rule fitted on one
half holds on the other. `all` takes every record of the file whatever its id: it scores
another hand-labelled set written in the same schema (`--data DIR` with its own
`newsroom.jsonl`). The articles are analysed with the entities, attribution and claims layers, with
`claim_min_checkworthiness` 0, so that every candidate sentence carries a status: the
status model is scored apart from the check-worthiness filter (the share of gold claims
the filter would keep is reported as `claims.kept_by_checkworthiness`). Each article is
given its record's `outlet`, as a page gives its site's name, so that "told <own outlet>"
is no chain link.

**Attributions.** A predicted quote *finds* a gold attribution when
  1. its content covers at least half of the gold content tokens (`CONTENT_COVER`); a gold
     attribution with no content (a refusal: "declined to comment") needs only 2., and
  2. when both have a cue, the cues share a token (so "X reported, citing Y" gives two
     gold attributions that one quote cannot both take).
It *resolves* it when, besides, the speaker names agree (`same_speaker`): after lower-casing
and dropping determiners, titles and possessives, the predicted name shares a distinctive
word with the gold speaker or one of its aliases ("Trump" ~ "Donald Trump"); when either
side has only generic words ("officials", "a source"), any shared word counts, so
"officials" ~ "Ukrainian officials" but "Russian officials" !~ "Ukrainian officials".
Matching is one-to-one and greedy (content cover, then cue overlap, then speaker). Gold
attributions marked `optional` count neither way: a quote that matches one leaves the
precision denominator, and a missed one is not in the recall denominator.
`attribution` is P/R/F1 of resolved matches (the headline figure); `found` the same
without the speaker condition.

**Kind and chain** are scored on the found pairs. Kinds of the `newsprobe.article/1`
contract are mapped to the gold's (`government`, `organization` -> `institution`).
A chain is right when it has as many links as the gold's and each link's name agrees
with the gold link's (the same `same_speaker` rule). `chains.accuracy` is over the found
pairs where gold or prediction has a chain (an empty chain on both sides is not evidence
of chain handling); `chains.accuracy_all` over all found pairs; `chains.bogus_links`
counts predicted links to "unknown" or to the speaker itself.

**Claims.** A gold claim takes the predicted claim that covers most of its tokens (at
least `CONTENT_COVER`; several gold claims may share one predicted sentence). Status
accuracy is over the gold claims so covered; `coverage` says how many that is; the
confusion matrix is gold -> predicted (`none` when no predicted claim covers the claim).

**Entities**: mention-level P/R, exact spans (trimmed), unlabelled and labelled (spaCy
labels mapped to the gold's: FAC -> LOC; PRODUCT, LAW, WORK_OF_ART -> other), and
`mistakes_per_article`: predicted mentions that overlap no gold mention, plus mentions
that overlap a gold mention of another label; `entities.errors` lists each by article id,
offsets, predicted label and the labels of the gold mentions it overlaps.

**Baseline** (`baseline`), computed from the same run, on the same quote and claim spans:
each quote's speaker is the entity (PERSON or ORG) mentioned last before its cue (before
its content when it has no cue), kind `person` for a PERSON and `institution` for an ORG,
no chain; a claim inside a quote is `reported`, any other `asserted`. It isolates the
decisions this evaluation is about (speaker, kind, chain, status) from span finding.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import NewsprobeError
from ..progress import progress_bar
from .files import read_jsonl
from .metrics import TokenIndex, prf, trim

# dev-a and dev-b are the two halves of dev, for cross-checking a rule inside dev: fit it
# on one half, keep it only if it does not hurt the other.
# `all` (None) takes every record, for another set in this schema with its own ids.
# `ids:a,b,c` (see `read_split`) takes just those records, to keep part of such a set held out.
SPLITS = {"dev": range(1, 21), "test": range(21, 31), "dev-a": range(1, 11), "dev-b": range(11, 21),
          "all": None}
CONTENT_COVER = 0.5
GOLD_KINDS = ("institution", "official", "person", "media", "anonymous", "document", "rumor",
              "unnamed_official", "author")
GOLD_STATUSES = ("asserted", "reported", "unconfirmed", "rumored", "hedged", "disputed",
                 "denied", "refuted", "questioned")
# Kinds of the article/1 contract, in the gold's terms.
V1_KINDS = {"government": "institution", "organization": "institution"}
ENTITY_LABELS = {"FAC": "LOC", "PRODUCT": "other", "LAW": "other", "WORK_OF_ART": "other"}

_NAME_STOP = frozenset(
    "the a an of for to and in at on by from with mr mrs ms miss dr sir lord 's s "
    "president prime minister secretary senator sen rep gov governor judge".split())
# Words that say what kind of source it is, not which one.
GENERIC = frozenset(
    "official officials source sources people person spokesman spokeswoman spokesperson "
    "spokespeople representative representatives government ministry department agency "
    "police authorities authority company officer officers senior familiar matter report "
    "reports media who close said told according".split())
_WORD = re.compile(r"[^\W_]+", re.U)


def name_words(name: str | None) -> set[str]:
    if not name:
        return set()
    name = name.lower().replace("’", "'").replace("'s ", " ").removesuffix("'s")
    return {w for w in _WORD.findall(name) if w not in _NAME_STOP}


def same_speaker(pred: str | None, gold_names: list[str]) -> bool:
    """Does the predicted speaker name the gold speaker (or one of its aliases)? See the
    module docstring for the rule."""
    p = name_words(pred)
    if not p or (pred or "").strip().lower() == "unknown":
        return False
    for g in (name_words(n) for n in gold_names):
        if not g:
            continue
        pd, gd = p - GENERIC, g - GENERIC
        if pd and gd:
            if pd & gd:
                return True
        elif p & g:
            return True
    return False


def read_split(data_dir: Path, split: str, limit: int | None = None) -> list[dict[str, Any]]:
    data_dir = Path(data_dir)
    if not (data_dir / "newsroom.jsonl").is_file() and (data_dir / "newsroom" / "newsroom.jsonl").is_file():
        data_dir = data_dir / "newsroom"      # given the shared data folder itself
    path = data_dir / "newsroom.jsonl"
    every = read_jsonl(path, "newsroom", missing=f"newsroom data not found: {path} (expected "
                                                  "../shared/data/newsroom/newsroom.jsonl)")
    if split.startswith("ids:"):
        wanted = [i.strip() for i in split[len("ids:"):].split(",") if i.strip()]
        missing = sorted(set(wanted) - {row.get("id") for row in every})
        if not wanted or missing:
            raise NewsprobeError("E011", f"newsroom split {split!r}: no such record ids {missing or '(none given)'} "
                                 f"in {path}", "newsroom")
        rows = [row for row in every if row.get("id") in set(wanted)]
    elif split not in SPLITS:
        raise NewsprobeError("E011", f"unknown newsroom split {split!r}: use dev, dev-a, dev-b, test, all "
                             "or ids:ID,ID,...", "newsroom")
    elif SPLITS[split] is None:
        rows = list(every)
    else:
        wanted = {f"nr{n:02d}" for n in SPLITS[split]}
        rows = [row for row in every if row.get("id") in wanted]
    return rows[:limit] if limit is not None else rows


# --- scoring one article --------------------------------------------------------------

@dataclass
class Tally:
    """Counts over many articles, for one system (ours or the baseline)."""

    gold: int = 0              # non-optional gold attributions
    pred: int = 0              # predicted quotes not matched to an optional gold one
    found: int = 0
    resolved: int = 0
    kind_right: int = 0
    kind_total: int = 0
    kind_confusion: Counter = field(default_factory=Counter)
    chain_right: int = 0
    chain_total: int = 0
    chain_right_all: int = 0
    chain_total_all: int = 0
    bogus_links: int = 0
    claims_gold: int = 0
    claims_covered: int = 0
    status_right: int = 0
    status_confusion: Counter = field(default_factory=Counter)
    claims_kept: int = 0
    # Rebuttal links on covered gold claims: the predicted `rebutted_by` overlaps the gold
    # one (right), or is set where gold has none or another span (wrong), or gold has one
    # the prediction lacks (missed).
    rebuttals_right: int = 0
    rebuttals_wrong: int = 0
    rebuttals_missed: int = 0
    # Per status rule (evidence.rule) on covered gold claims: [right, wrong]; a rule that
    # decides more wrong statuses than right ones on unseen text is a candidate to drop.
    rule_tally: dict = field(default_factory=dict)
    # Where it went wrong, for debugging: ids, labels, rules and offsets only (the texts
    # belong to their publishers and stay in ../shared/data).
    status_errors: list = field(default_factory=list)
    kind_errors: list = field(default_factory=list)
    chain_errors: list = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        confusion: dict[str, dict[str, int]] = {}
        for (g, p), n in sorted(self.status_confusion.items()):
            confusion.setdefault(g, {})[p] = n
        kinds: dict[str, dict[str, int]] = {}
        for (g, p), n in sorted(self.kind_confusion.items()):
            kinds.setdefault(g, {})[p] = n
        return {
            "attribution": prf(self.resolved, self.pred, self.resolved, self.gold).to_dict(),
            "found": prf(self.found, self.pred, self.found, self.gold).to_dict(),
            "kind": {"accuracy": _ratio(self.kind_right, self.kind_total), "n": self.kind_total,
                     "confusion": kinds},
            "chains": {"accuracy": _ratio(self.chain_right, self.chain_total), "n": self.chain_total,
                       "accuracy_all": _ratio(self.chain_right_all, self.chain_total_all),
                       "n_all": self.chain_total_all, "bogus_links": self.bogus_links},
            "claims": {"status_accuracy": _ratio(self.status_right, self.claims_covered),
                       "covered": self.claims_covered, "gold": self.claims_gold,
                       "coverage": _ratio(self.claims_covered, self.claims_gold),
                       "kept_by_checkworthiness": _ratio(self.claims_kept, self.claims_covered),
                       "confusion": confusion,
                       "rebuttal_links": {"right": self.rebuttals_right, "wrong": self.rebuttals_wrong,
                                          "missed": self.rebuttals_missed},
                       "rules": {r: {"right": v[0], "wrong": v[1]}
                                 for r, v in sorted(self.rule_tally.items())}},
            "counts": {"gold_attributions": self.gold, "predicted_quotes": self.pred,
                       "found": self.found, "resolved": self.resolved},
            "errors": {"status": self.status_errors, "kind": self.kind_errors, "chain": self.chain_errors},
        }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _offsets(spans) -> list[tuple[int, int]]:
    return [(s["start"], s["end"]) for s in spans or [] if s]


def score_article(text: str, gold: dict[str, Any], pred: dict[str, Any], tally: Tally) -> None:
    """Add one article to `tally`. `gold` is a newsroom record; `pred` has `quotes` and
    `claims` shaped as in the article contract (claims may carry `kept`, whether the
    check-worthiness filter would keep them). Each wrong status, kind and chain is listed in
    `tally.status_errors` / `tally.kind_errors` / `tally.chain_errors` by article id, offsets and the rule that
    decided it."""
    article = gold.get("id")
    index = TokenIndex(text)
    golds = gold.get("attributions", [])
    quotes = pred.get("quotes", [])
    pairs = match_attributions(index, quotes, golds)
    optional_pred = {pi for gi, pi in pairs.items() if golds[gi].get("optional")}
    tally.gold += sum(1 for g in golds if not g.get("optional"))
    tally.pred += len(quotes) - len(optional_pred)
    for gi, pi in pairs.items():
        g, q = golds[gi], quotes[pi]
        if g.get("optional"):
            continue
        tally.found += 1
        names = [g["speaker"], *g.get("speaker_aliases", [])]
        tally.resolved += same_speaker(q["speaker"]["name"], names)
        kind = V1_KINDS.get(q["speaker"]["kind"], q["speaker"]["kind"])
        tally.kind_total += 1
        tally.kind_right += kind == g["kind"]
        tally.kind_confusion[(g["kind"], kind)] += 1
        if kind != g["kind"]:
            tally.kind_errors.append({"article": article, "gold_id": g.get("id"), "gold": g["kind"],
                                      "predicted": kind, "speaker": q["speaker"]["name"],
                                      "cue": _offsets([q.get("cue")])[:1]})
        p_chain = [c["name"] for c in q.get("chain", [])]
        right = len(p_chain) == len(g["chain"]) and all(
            same_speaker(p, [gname]) for p, gname in zip(p_chain, g["chain"]))
        tally.chain_total_all += 1
        tally.chain_right_all += right
        if p_chain or g["chain"]:
            tally.chain_total += 1
            tally.chain_right += right
            if not right:
                tally.chain_errors.append({"article": article, "gold_id": g.get("id"), "gold": g["chain"],
                                           "predicted": p_chain, "speaker": q["speaker"]["name"],
                                           "cue": _offsets([q.get("cue")])[:1]})
    for q in quotes:
        tally.bogus_links += sum(1 for c in q.get("chain", [])
                                 if c["name"].lower() == "unknown" or c["name"] == q["speaker"]["name"])
    claims = pred.get("claims", [])
    claim_tokens = [index.tokens_of([(c["start"], c["end"])]) for c in claims]
    for g in gold.get("claims", []):
        tally.claims_gold += 1
        g_tok = index.tokens_of([(g["start"], g["end"])])
        best, best_cover = None, 0.0
        for c, toks in zip(claims, claim_tokens):
            cover = len(g_tok & toks) / len(g_tok) if g_tok else 0.0
            if cover > best_cover:
                best, best_cover = c, cover
        if best is None or best_cover < CONTENT_COVER:
            tally.status_confusion[(g["status"], "none")] += 1
            continue
        tally.claims_covered += 1
        tally.claims_kept += bool(best.get("kept", True))
        tally.status_right += best["status"] == g["status"]
        tally.status_confusion[(g["status"], best["status"])] += 1
        evidence = best.get("evidence") or {}
        rule_counts = tally.rule_tally.setdefault(evidence.get("rule") or "none", [0, 0])
        rule_counts[best["status"] != g["status"]] += 1
        linked, gold_link = best.get("rebutted_by"), g.get("rebutted_by")
        if linked and gold_link and linked["start"] < gold_link["end"] and gold_link["start"] < linked["end"]:
            tally.rebuttals_right += 1
        elif linked:
            tally.rebuttals_wrong += 1
        elif gold_link:
            tally.rebuttals_missed += 1
        if best["status"] != g["status"]:
            words = evidence.get("words")
            tally.status_errors.append({
                "article": article, "gold_id": g.get("id"), "gold": g["status"],
                "predicted": best["status"], "rule": evidence.get("rule"),
                "claim": [g["start"], g["end"]], "predicted_claim": [best["start"], best["end"]],
                "words": [words["start"], words["end"]] if words else None,
                "rebutted_by": [g["rebutted_by"]["start"], g["rebutted_by"]["end"]] if g.get("rebutted_by") else None,
                "predicted_rebutted_by": [linked["start"], linked["end"]] if linked else None})


def match_attributions(index: TokenIndex, quotes: list[dict], golds: list[dict]) -> dict[int, int]:
    """Greedy one-to-one matching of predicted quotes to gold attributions (module
    docstring); returns {gold index: quote index}."""
    candidates = []
    for gi, g in enumerate(golds):
        g_content = index.tokens_of(_offsets(g.get("content")))
        g_cue = index.tokens_of(_offsets([g.get("cue")]))
        names = [g["speaker"], *g.get("speaker_aliases", [])]
        for pi, q in enumerate(quotes):
            p_cue = index.tokens_of(_offsets([q.get("cue")]))
            cue_shared = bool(g_cue & p_cue)
            if g_cue and p_cue and not cue_shared:
                continue
            if g_content:
                cover = len(g_content & index.tokens_of(_offsets(q.get("content")))) / len(g_content)
                if cover < CONTENT_COVER:
                    continue
            elif not cue_shared:
                continue
            else:
                cover = 1.0
            candidates.append((cover, cue_shared, same_speaker(q["speaker"]["name"], names), -gi, -pi))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for *_, neg_gi, neg_pi in sorted(candidates, reverse=True):
        gi, pi = -neg_gi, -neg_pi
        if gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    return matched


def baseline_prediction(pred: dict[str, Any]) -> dict[str, Any]:
    """The baseline of the module docstring, built from our own analysis dict."""
    mentions = sorted((m["start"], e) for e in pred.get("entities", [])
                      if e["label"] in ("PERSON", "ORG") for m in e["mentions"])
    quotes = []
    for q in pred.get("quotes", []):
        at = q["cue"]["start"] if q.get("cue") else min((c["start"] for c in q["content"]), default=0)
        before = [e for start, e in mentions if start < at]
        if before:
            e = before[-1]
            speaker = {"name": e["name"], "kind": "person" if e["label"] == "PERSON" else "institution"}
        else:
            speaker = {"name": "unknown", "kind": "unknown"}
        quotes.append({**q, "speaker": speaker, "chain": []})
    claims = [{**c, "status": "reported" if c.get("quote") else "asserted"} for c in pred.get("claims", [])]
    return {"quotes": quotes, "claims": claims, "entities": pred.get("entities", [])}


# --- entities ---------------------------------------------------------------------------

@dataclass
class EntityTally:
    gold: int = 0
    pred: int = 0
    exact: int = 0
    exact_labelled: int = 0
    mistakes: int = 0
    articles: int = 0
    # Each mistake by article id, offsets and labels (no text: it belongs to its publisher).
    errors: list = field(default_factory=list)

    def add(self, text: str, gold: list[dict], pred: list[dict], article: str | None = None) -> None:
        self.articles += 1
        g = {trim(text, m["start"], m["end"]): e["label"] for e in gold for m in e["mentions"]}
        p = {trim(text, m["start"], m["end"]): ENTITY_LABELS.get(e["label"], e["label"])
             for e in pred for m in e["mentions"]}
        self.gold += len(g)
        self.pred += len(p)
        for span, label in p.items():
            if span in g:
                self.exact += 1
                self.exact_labelled += g[span] == label
            overlapping = [gl for gs, gl in g.items() if gs[0] < span[1] and span[0] < gs[1]]
            if not overlapping or label not in overlapping:
                self.mistakes += 1
                self.errors.append({"article": article, "start": span[0], "end": span[1],
                                    "label": label, "gold": sorted(set(overlapping))})

    def to_dict(self) -> dict[str, Any]:
        return {"exact": prf(self.exact, self.pred, self.exact, self.gold).to_dict(),
                "labelled": prf(self.exact_labelled, self.pred, self.exact_labelled, self.gold).to_dict(),
                "mistakes_per_article": round(self.mistakes / self.articles, 2) if self.articles else 0.0,
                "gold_mentions": self.gold, "predicted_mentions": self.pred,
                "errors": self.errors}


# --- the run -----------------------------------------------------------------------------

def evaluate(data_dir: Path, split: str = "dev", limit: int | None = None,
             progress: bool = False) -> dict[str, Any]:
    from ..analyze import analyze_many
    from ..layers.checkworthy import load_model
    from ..model import Article
    from ..settings import Settings

    started = time.perf_counter()
    rows = read_split(data_dir, split, limit)
    settings = Settings.load(claim_min_checkworthiness=0.0)
    threshold = load_model(settings.encoder_layers).threshold
    ours, base, entities = Tally(), Tally(), EntityTally()
    # The outlet is what the page itself says it is: a reader's tool has it from the page,
    # and it tells the writer's own outlet apart from one a source spoke to.
    articles = (Article(text=r["text"], id=r["id"], origin=f"newsroom/{r['id']}", outlet=r.get("outlet"))
                for r in rows)
    per_article = {}
    with progress_bar(f"newsroom {split}", len(rows), progress) as advance:
        for row, analysis in zip(rows, analyze_many(articles, settings,
                                                    layers=("entities", "attribution", "claims"))):
            pred = analysis.to_dict()
            for c in pred["claims"]:
                c["kept"] = c["checkworthiness"] >= threshold
            before = (ours.resolved, ours.status_right, ours.claims_covered, ours.kind_right, ours.kind_total)
            score_article(row["text"], row, pred, ours)
            score_article(row["text"], row, baseline_prediction(pred), base)
            entities.add(row["text"], row.get("entities", []), pred["entities"], row["id"])
            per_article[row["id"]] = {"resolved": ours.resolved - before[0],
                                      "status_right": ours.status_right - before[1],
                                      "claims_covered": ours.claims_covered - before[2],
                                      "kind_right": ours.kind_right - before[3],
                                      "kind_total": ours.kind_total - before[4]}
            advance()
    result = ours.to_dict()
    result["entities"] = entities.to_dict()
    result["baseline"] = {"description": "speaker = last PERSON/ORG entity before the cue; "
                          "status = reported inside a quote, else asserted; no chains",
                          **{k: v for k, v in base.to_dict().items() if k not in ("counts", "errors")}}
    result["split"] = split
    result["articles"] = len(rows)
    # The MiniLM pass the claims' heads read (setting `encoder.layers`): their figures
    # depend on it.
    result["encoder_layers"] = settings.encoder_layers
    result["per_article"] = per_article
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result


def format_text(result: dict[str, Any]) -> str:
    b = result["baseline"]

    def line(name: str, ours: float, base: float | None) -> str:
        return f"{name:<34} {ours:>7.3f}" + (f" {base:>9.3f}" if base is not None else f" {'-':>9}")

    at, bat = result["attribution"], b["attribution"]
    lines = [
        f"newsroom {result['split']}: {result['articles']} articles, {result['seconds']:.1f} s, "
        f"MiniLM pass of {result.get('encoder_layers', 6)} layers",
        "",
        f"{'':<34} {'ours':>7} {'baseline':>9}",
        line("attribution P (speaker resolved)", at["p"], bat["p"]),
        line("attribution R", at["r"], bat["r"]),
        line("attribution F1", at["f1"], bat["f1"]),
        line("found F1 (cue/content, any speaker)", result["found"]["f1"], b["found"]["f1"]),
        line("kind accuracy", result["kind"]["accuracy"], b["kind"]["accuracy"]),
        line("chain accuracy (a chain on a side)", result["chains"]["accuracy"], b["chains"]["accuracy"]),
        line("chain accuracy (all found)", result["chains"]["accuracy_all"], b["chains"]["accuracy_all"]),
        line("status accuracy", result["claims"]["status_accuracy"], b["claims"]["status_accuracy"]),
        line("entity mention P (exact)", result["entities"]["exact"]["p"], None),
        line("entity mention R (exact)", result["entities"]["exact"]["r"], None),
        line("entity mention F1 (labelled)", result["entities"]["labelled"]["f1"], None),
        "",
        f"counts: {result['counts']}; chains: {result['chains']['n']} with a chain, "
        f"{result['chains']['bogus_links']} bogus links; claims covered "
        f"{result['claims']['covered']}/{result['claims']['gold']}, kept by check-worthiness "
        f"{result['claims']['kept_by_checkworthiness']:.2f}; entity mistakes per article "
        f"{result['entities']['mistakes_per_article']}",
        "rebuttal links on covered claims: {right} right, {wrong} wrong, {missed} missed".format(
            **result["claims"]["rebuttal_links"]),
        "",
        "status confusion (gold -> predicted):",
    ]
    for g, row in result["claims"]["confusion"].items():
        lines.append(f"  {g:<12} " + ", ".join(f"{p} {n}" for p, n in sorted(row.items(), key=lambda kv: -kv[1])))
    lines.append("kind confusion (gold -> predicted):")
    for g, row in result["kind"]["confusion"].items():
        lines.append(f"  {g:<16} " + ", ".join(f"{p} {n}" for p, n in sorted(row.items(), key=lambda kv: -kv[1])))
    lines.append("baseline: " + b["description"])
    return "\n".join(lines)


__all__ = ["evaluate", "format_text", "read_split", "score_article", "match_attributions",
           "baseline_prediction", "same_speaker", "name_words", "Tally", "EntityTally", "SPLITS"]
