"""Train the source-kind head (layers/kind_head.py): a multinomial logistic regression over
`kind_head.features` of each quote's speaker, its target the gold kind of the newsroom
attribution the quote matches (`eval.newsroom.match_attributions`, the eval's own pairs).

The label pools are read from paths given at run time, never copied into the repository:
each `--pool NAME=DIR[:SPLIT]` is a folder with a newsroom.jsonl in the newsroom schema
(SPLIT as `newsprobe eval newsroom --split`, default all), e.g.

    .venv/bin/python scripts/train_kind_head.py \\
        --pool dev=../shared/data/newsroom:dev --pool tune=/work/labels/tune \\
        --pool tune2=/work/labels/tune-2 --folds --out src/newsprobe/models/kind_head.json

`--folds` scores every leave-one-pool-out fold (train on the others, score the held pool's
kind accuracy exactly as the eval counts it: non-optional matched pairs, the head applied
per speaker as in the product) over the grid of C, confidence floor and grouping, and
picks the cell with the best mean held-fold accuracy; `--fold-out DIR` also writes each
fold's weights (DIR/fold-NAME.json, trained without pool NAME) so that the real eval can
score the fold: NEWSPROBE_ATTRIBUTION_KIND_HEAD=DIR/fold-NAME.json newsprobe eval
newsroom .... `--out` writes the head trained on every pool. Deterministic: lbfgs, no
sampling. `--cache FILE` keeps the collected features between runs (outside the repo).
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprobe.analyze import analyze_many  # noqa: E402
from newsprobe.eval.metrics import TokenIndex  # noqa: E402
from newsprobe.eval.newsroom import match_attributions, read_split  # noqa: E402
from newsprobe.layers import kind_head  # noqa: E402
from newsprobe.model import Article, Speaker  # noqa: E402
from newsprobe.settings import Settings  # noqa: E402

C_GRID = (0.1, 0.3, 1.0, 3.0)
FLOORS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # 1.01: the head only fills the rules' unknowns
GROUPS = (True, False)
# A feature must occur in this many training articles: no head lemma or hashed word that
# only one article has (what one article's wording would teach is memory, not a rule).
MIN_ARTICLES = 2


def collect(pools: dict[str, tuple[Path, str]]) -> list[dict]:
    """Every quote of every article of the pools: its pool, article, speaker (name, entity,
    the rules' kind), features, and the gold kind when it matches a gold attribution
    (with whether that one is optional)."""
    settings = Settings.load(kind_head="off")
    rows_out = []
    for pool, (path, split) in pools.items():
        rows = read_split(path, split)
        kind_head.COLLECT = []
        articles = (Article(text=r["text"], id=r["id"], origin=f"newsroom/{r['id']}", outlet=r.get("outlet"))
                    for r in rows)
        for row, analysis in zip(rows, analyze_many(articles, settings, layers=("entities", "attribution"))):
            collected = kind_head.COLLECT.pop(0)
            quotes = [q.to_dict() for q in analysis.quotes]
            assert len(collected) == len(quotes), (row["id"], len(collected), len(quotes))
            golds = row.get("attributions", [])
            pairs = {pi: gi for gi, pi in match_attributions(TokenIndex(row["text"]), quotes, golds).items()}
            for pi, (q, item) in enumerate(zip(quotes, collected)):
                if item is None:
                    continue
                rule_kind, feats = item
                g = golds[pairs[pi]] if pi in pairs else None
                rows_out.append({"pool": pool, "article": row["id"], "name": q["speaker"]["name"],
                                 "entity": q["speaker"]["entity"], "rule": rule_kind, "features": feats,
                                 "gold": g["kind"] if g else None, "optional": bool(g and g.get("optional"))})
        kind_head.COLLECT = None
        print(f"{pool}: {len(rows)} articles, {sum(1 for r in rows_out if r['pool'] == pool)} speakers, "
              f"{sum(1 for r in rows_out if r['pool'] == pool and r['gold'])} matched", file=sys.stderr)
    return rows_out


def fit(rows: list[dict], c: float) -> dict:
    """The head's JSON fields, trained on the matched speakers of `rows`."""
    train = [r for r in rows if r["gold"]]
    seen: dict[str, set[str]] = {}
    for r in train:
        for k in r["features"]:
            seen.setdefault(k, set()).add(r["article"])
    keep = {k for k, arts in seen.items() if len(arts) >= MIN_ARTICLES}
    vec = DictVectorizer(sparse=True)
    x = vec.fit_transform([{k: v for k, v in r["features"].items() if k in keep} for r in train])
    y = [r["gold"] for r in train]
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(x, y)
    names = vec.get_feature_names_out()
    weights = {str(n): [round(float(w), 5) for w in model.coef_[:, j]] for j, n in enumerate(names)
               if np.any(np.abs(model.coef_[:, j]) > 1e-6)}
    coef, intercept = model.coef_, model.intercept_
    if len(model.classes_) == 2:  # binary sklearn keeps one row; spell out both classes
        coef, intercept = np.vstack([-coef / 2, coef / 2]), np.array([-intercept[0] / 2, intercept[0] / 2])
        weights = {str(n): [round(float(w), 5) for w in coef[:, j]] for j, n in enumerate(names)}
    return {"classes": [str(k) for k in model.classes_], "bias": [round(float(b), 5) for b in intercept],
            "weights": weights, "c": c, "n_train": len(y)}


def score(rows: list[dict], head: kind_head.Head) -> tuple[int, int]:
    """Kind accuracy over the non-optional matched speakers, the head applied per article
    as the product applies it (`kind_head.apply`)."""
    right = total = 0
    by_article: dict[str, list[dict]] = {}
    for r in rows:
        by_article.setdefault(r["article"], []).append(r)
    for items in by_article.values():
        speakers = [Speaker(r["name"], r["rule"], r["entity"]) for r in items]
        if head is not None:
            kind_head.apply([(s, r["features"]) for s, r in zip(speakers, items)], head)
        for s, r in zip(speakers, items):
            if r["gold"] and not r["optional"]:
                total += 1
                right += kind_head.V1_KINDS.get(s.kind, s.kind) == r["gold"]
    return right, total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pool", action="append", required=True, help="NAME=DIR[:SPLIT]")
    ap.add_argument("--cache", type=Path, help="pickle of the collected features (outside the repo)")
    ap.add_argument("--folds", action="store_true", help="leave-one-pool-out grid; picks C/floor/grouping")
    ap.add_argument("--fold-out", type=Path, help="folder for each fold's weights (fold-NAME.json)")
    ap.add_argument("--c", type=float, default=None)
    ap.add_argument("--floor", type=float, default=None)
    ap.add_argument("--no-group", action="store_true")
    ap.add_argument("--drop", default="", help="comma-separated feature prefixes to leave out (ablation)")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    pools = {}
    for spec in args.pool:
        name, _, where = spec.partition("=")
        path, _, split = where.partition(":")
        pools[name] = (Path(path), split or "all")
    if args.cache and args.cache.is_file():
        rows = pickle.loads(args.cache.read_bytes())
    else:
        rows = collect(pools)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(rows))
    if args.drop:
        prefixes = tuple(p for p in args.drop.split(",") if p)
        for r in rows:
            r["features"] = {k: v for k, v in r["features"].items() if not k.startswith(prefixes)}

    names = list(pools)
    rules = {p: score([r for r in rows if r["pool"] == p], None) for p in names}
    print("rules alone: " + "  ".join(f"{p} {a / b:.3f} ({a}/{b})" for p, (a, b) in rules.items()), file=sys.stderr)
    c, floor, group = args.c or 1.0, args.floor if args.floor is not None else 0.0, not args.no_group
    folds = {}
    if args.folds:
        fits = {(p, cc): fit([r for r in rows if r["pool"] != p], cc) for p in names for cc in C_GRID}
        results = {}
        for cc, fl, gr in itertools.product(C_GRID, FLOORS, GROUPS):
            per = {}
            for p in names:
                head = kind_head.read_head({**fits[(p, cc)], "min_probability": fl, "group": gr})
                per[p] = score([r for r in rows if r["pool"] == p], head)
            results[(cc, fl, gr)] = per
            mean = np.mean([a / b for a, b in per.values()])
            print(f"C={cc:<4} floor={fl:<4} group={gr!s:<5} " + "  ".join(
                f"{p} {a / b:.3f}" for p, (a, b) in per.items()) + f"  mean {mean:.3f}", file=sys.stderr)
        if args.c is None or args.floor is None:
            # ties: the higher floor (closer to the rules), then the smaller C
            c, floor, group = max(results, key=lambda k: (round(float(np.mean([a / b for a, b in results[k].values()])), 6),
                                                          k[1], -k[0], k[2]))
        folds = {p: {"held_accuracy": round(results[(c, floor, group)][p][0] / results[(c, floor, group)][p][1], 4),
                     "rules_accuracy": round(rules[p][0] / rules[p][1], 4), "n": rules[p][1]} for p in names}
        print(f"chosen: C={c} floor={floor} group={group}: {folds}", file=sys.stderr)
        if args.fold_out:
            args.fold_out.mkdir(parents=True, exist_ok=True)
            for p in names:
                data = {**fit([r for r in rows if r["pool"] != p], c), "min_probability": floor, "group": group}
                (args.fold_out / f"fold-{p}.json").write_text(json.dumps(data) + "\n", encoding="utf-8")
    if args.out:
        data = fit(rows, c)
        args.out.write_text(json.dumps({
            "model": "multinomial logistic regression over newsprobe.layers.kind_head.features",
            "trained_on": "matched speakers of the pools " + ", ".join(names) + " (research-only labels; MODELS.md)",
            **data, "min_probability": floor, "group": group, "min_articles": MIN_ARTICLES,
            "folds": folds,
        }, indent=0) + "\n", encoding="utf-8")
        print(f"wrote {args.out}: {len(data['weights'])} features x {len(data['classes'])} kinds", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
