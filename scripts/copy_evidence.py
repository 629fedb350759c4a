"""What copy detection measured on the pairs it missed, and whether a model over that
evidence would do better than the rules (corpus/copies.py).

    PYTHONPATH=src python scripts/copy_evidence.py [--split dev] [--cv] [--ecbplus]

1. **Misses** (always): the corpus stage runs on story-dev's `--split` part (analyses
   reused from the eval store, as `newsprobe eval story-dev` keeps them); for every gold
   copy pair it did not report, the evidence it computed, grouped by cause:
   same-language pairs by the rule of `copy_decision` that stopped them (or "not a
   candidate"), cross-language pairs by the translation check (candidate by the
   multilingual encoder or not, sentences aligned, share of the shorter text).
2. **--cv**: a logistic regression over the (standardised) evidence features of every same-language
   candidate pair (`FEATURES`), fitted on the pairs of all gold stories but one and scored
   on the held-out story's pairs (pairs are grouped by story, so the copies of one family
   never sit on both sides), against the shipped rules on the same pairs.
3. **--ecbplus**: the copy links the shipped rules make among ECB+ `dev` documents
   (English reports of similar events, no copy gold: reports that reuse wire text are
   linked, and a change of the rules must not add links between independent reports):
   how many, within one event or across the topic's two events, by kind.

Never run on story-dev's test part while choosing anything (its README).
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

DATA = Path("../shared/data")
FEATURES = ("shorter_share", "longer_share", "close_share", "mean_similarity", "word_share", "word_containment",
            "reused_sentences", "order", "anchor_share", "length_ratio")
# The 16 languages of the multilingual Universal Sentence Encoder v3 (translations.py).
USE_LANGUAGES = {"ar", "zh", "nl", "en", "fr", "de", "it", "ja", "ko", "pl", "pt", "es", "th", "tr", "ru"}


def pair_features(a, b, sentences, settings) -> dict:
    """The evidence of `copy_evidence` on (a, b) as named numbers, with the decision and
    the rule that made it, plus three measures the rules do not read: the share of the
    shorter text in close rewrites, the share of aligned pairs in one order (longest
    increasing run of the other's positions) and the share of shared anchors (numbers,
    names: `anchors.anchor_tokens`)."""
    from newsprobe.corpus.align import covered_share
    from newsprobe.corpus.anchors import anchor_tokens
    from newsprobe.corpus.copies import copy_decision, copy_evidence

    ev = copy_evidence(a, b, sentences, settings)
    kind, rule = copy_decision(ev, settings)
    spans_a, _ = sentences.get(a.id, a.text)
    spans_b, _ = sentences.get(b.id, b.text)
    close = [p for p in ev.pairs if p.similarity >= settings.close_rewrite_similarity]
    close_a = covered_share(spans_a, [p.source for p in close])
    close_b = covered_share(spans_b, [p.target for p in close])
    anchors_a, anchors_b = set(anchor_tokens(a.text)), set(anchor_tokens(b.text))
    position = {id(s): k for k, s in enumerate(spans_b)}
    run: list[int] = []
    for k in (position[id(p.target)] for p in ev.pairs):
        at = bisect.bisect_left(run, k)
        run[at:at + 1] = [k]
    sims = sorted((round(p.similarity, 3) for p in ev.pairs), reverse=True)
    return {"kind": kind, "rule": rule, "aligned": len(ev.pairs), "close_rewrites": ev.close_rewrites,
            "shorter_share": ev.shorter_share, "longer_share": ev.longer_share,
            "close_share": close_a if len(a.text) <= len(b.text) else close_b,
            "mean_similarity": float(np.mean(sims)) if sims else 0.0, "word_share": ev.word_share,
            "word_containment": ev.word_containment, "reused_sentences": ev.reused,
            "order": len(run) / len(ev.pairs) if ev.pairs else 0.0,
            "anchor_share": len(anchors_a & anchors_b) / max(1, min(len(anchors_a), len(anchors_b))),
            "length_ratio": min(len(a.text), len(b.text)) / max(len(a.text), len(b.text), 1), "similarities": sims}


def story_dev_pairs(split: str) -> tuple[list[dict], dict]:
    """Evidence on every pair of the part's docs, with gold kind and story, and what the
    corpus stage reported."""
    from newsprobe.corpus.align import SentenceCache, align, covered_share
    from newsprobe.corpus.copies import CopyDoc, candidate_pairs
    from newsprobe.corpus.neighbours import nearest_neighbours
    from newsprobe.corpus.run import copy_settings, default_encoder, embed_articles, run_corpus
    from newsprobe.corpus.translations import TranslationSettings, multilingual_encoder
    from newsprobe.datelines import day_precise
    from newsprobe.eval.story_dev import _doc_of_article, split_ids, store_path
    from newsprobe.settings import Settings
    from newsprobe.store import Store

    data = DATA / "story-dev"
    ids = split_ids(data, split)
    run = run_corpus([str(data / "docs" / f"{d}.txt") for d in ids], store_path(split))
    article = _doc_of_article(run.result, data, set(ids))
    doc_of = {v: k for k, v in article.items()}
    reported = {frozenset((doc_of[c["source"]], doc_of[c["target"]])) for c in run.result["copies"]}
    with Store.open(store_path(split)) as store:
        analyses = {doc_of[a.id]: a for a in store.get_analyses([article[d] for d in ids])}
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    gold_kind = {frozenset(c[:2]): c[2] for c in gold["copies"]}
    story = {d: label.split("_")[0] for members, label in zip(gold["stories"], gold["story_labels"]) for d in members}
    settings = copy_settings(Settings.load())
    encode = default_encoder()
    docs = [CopyDoc(d, analyses[d].text, day_precise(analyses[d].published), analyses[d].language) for d in ids]
    vectors = embed_articles([analyses[d] for d in ids], encode)
    candidates = candidate_pairs(docs, vectors, settings)
    sentences = SentenceCache(encode)
    multilingual = multilingual_encoder()
    translating = TranslationSettings()
    if multilingual is not None:
        multi_sentences = SentenceCache(multilingual)
        multi_candidates = nearest_neighbours(embed_articles([analyses[d] for d in ids], multilingual),
                                              translating.neighbours, translating.neighbour_min_cosine)
    rows = []
    for i, j in itertools.combinations(range(len(ids)), 2):
        a, b = docs[i], docs[j]
        key = frozenset((a.id, b.id))
        row = {"a": a.id, "b": b.id, "gold": gold_kind.get(key), "reported": key in reported,
               "languages": f"{a.language}-{b.language}", "stories": f"{story[a.id]}-{story[b.id]}",
               "lengths": [len(a.text), len(b.text)]}
        if a.language == b.language:
            row.update(candidate=(i, j) in candidates, **pair_features(a, b, sentences, settings))
        elif multilingual is not None and (row["gold"] or row["reported"]):
            spans_a, vecs_a = multi_sentences.get(a.id, a.text)
            spans_b, vecs_b = multi_sentences.get(b.id, b.text)
            pairs = align(spans_a, spans_b, vecs_a, vecs_b, translating.sentence_similarity,
                          translating.anchored_similarity)
            share = covered_share(*((spans_a, [p.source for p in pairs]) if len(a.text) <= len(b.text)
                                    else (spans_b, [p.target for p in pairs])))
            row.update(candidate=(i, j) in multi_candidates, aligned=len(pairs), shorter_share=share,
                       similarities=sorted((round(p.similarity, 3) for p in pairs), reverse=True))
        rows.append(row)
    return rows, run.result


def print_misses(rows: list[dict]) -> None:
    missed = [r for r in rows if r["gold"] and not r["reported"]]
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in missed:
        first, second = r["languages"].split("-")
        if first != second:
            outside = sorted({first, second} - USE_LANGUAGES)
            cause = "translation: " + (f"{'/'.join(outside)} outside the multilingual encoder's languages; " if outside
                                       else "") + ("not a candidate" if not r.get("candidate") else
                                                   "under 2 sentences aligned" if r["aligned"] < 2 else
                                                   "aligned share under 0.3")
        elif not r["candidate"]:
            cause = "same language: not a candidate"
        else:
            cause = f"same language: stopped by '{r['rule']}'"
        groups[cause].append(r)
    print(f"{len(missed)} gold copy pairs missed of {sum(1 for r in rows if r['gold'])}")
    for cause, members in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"\n{cause}: {len(members)}")
        for r in members:
            shown = {k: (round(v, 3) if isinstance(v, float) else v) for k, v in r.items()
                     if k not in ("a", "b", "gold", "reported", "similarities", "kind", "rule")}
            print(f"  {r['a']}-{r['b']} gold {r['gold']}: {shown}")
            print(f"      aligned similarities {r.get('similarities', [])[:8]}")


def cross_validate(rows: list[dict]) -> None:
    """Logistic regression over FEATURES, fitted on all gold stories but one, scored on the
    held-out story's same-language candidate pairs; the rules on the same pairs beside it."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    pairs = [r for r in rows if "rule" in r and r["candidate"] and r["aligned"]]
    x = np.array([[float(r[f]) for f in FEATURES] for r in pairs])
    y = np.array([int(r["gold"] is not None) for r in pairs])
    group = np.array([r["stories"].split("-")[0] if len(set(r["stories"].split("-"))) == 1 else "across"
                      for r in pairs])
    rules = np.array([int(r["kind"] is not None) for r in pairs])
    print(f"\n{len(pairs)} same-language candidate pairs with an aligned sentence, {y.sum()} gold copies; "
          f"by held-out story: {dict(Counter(group.tolist()))}")
    print(f"  shipped rules: TP {int((rules & y).sum())} FP {int((rules & (1 - y)).sum())} "
          f"FN {int(((1 - rules) & y).sum())}")
    for c in (0.1, 1.0, 10.0):
        proba = np.zeros(len(pairs))
        for held in sorted(set(group)):
            fit = group != held
            if len(set(y[fit])) < 2:
                continue
            model = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=5000)).fit(x[fit], y[fit])
            proba[~fit] = model.predict_proba(x[~fit])[:, 1]
        for cut in (0.3, 0.5, 0.7, 0.9):
            pred = (proba >= cut).astype(int)
            print(f"  logistic C={c:<4} p >= {cut}: TP {int((pred & y).sum())} FP {int((pred & (1 - y)).sum())} "
                  f"FN {int(((1 - pred) & y).sum())}")


def ecbplus_links() -> None:
    from newsprobe.corpus.align import SentenceCache
    from newsprobe.corpus.copies import CopyDoc, detect_copies
    from newsprobe.corpus.run import copy_settings, default_encoder
    from newsprobe.settings import Settings

    documents = [json.loads(line) for line in (DATA / "ecbplus" / "documents.jsonl").open(encoding="utf-8")]
    dev = [d for d in documents if d["split"] == "dev"]
    encode = default_encoder()
    docs = [CopyDoc(d["id"], d["text"], None, "en") for d in dev]
    edges = detect_copies(docs, encode([d["text"] for d in dev]), SentenceCache(encode),
                          copy_settings(Settings.load()))
    event = {d["id"]: d["event_cluster"] for d in dev}
    kinds = Counter((e.kind, "one event" if event[e.source] == event[e.target] else "two events") for e in edges)
    print(f"\nECB+ dev: {len(edges)} copy links among {len(dev)} documents: "
          + ", ".join(f"{k} {w} {n}" for (k, w), n in sorted(kinds.items())))
    for e in edges:
        if event[e.source] != event[e.target]:
            print(f"  across events: {e.source} {e.target} {e.kind} {e.features}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="dev", choices=("dev",),
                        help="story-dev part (dev only: never tune on test)")
    parser.add_argument("--cv", action="store_true", help="logistic regression over the evidence, CV by story")
    parser.add_argument("--ecbplus", action="store_true", help="count the copy links among ECB+ dev documents")
    parser.add_argument("--json", type=Path, help="also write every pair's evidence here")
    args = parser.parse_args()
    rows, _ = story_dev_pairs(args.split)
    if args.json:
        args.json.write_text(json.dumps(rows), encoding="utf-8")
    print_misses(rows)
    if args.cv:
        cross_validate(rows)
    if args.ecbplus:
        ecbplus_links()


if __name__ == "__main__":
    sys.exit(main())
