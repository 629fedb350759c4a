"""Train the attribution layer's acceptance head (layers/quote_head.py): a logistic
regression over `quote_head.features` that predicts whether the newsroom gold marks a
candidate attribution the rules produce (a found match, `eval.newsroom.match_attributions`;
candidates matched to an `optional` gold attribution are left out of training).

Data: newsroom-schema pools given on the command line at run time as NAME=DIR:SPLIT
(DIR holds newsroom.jsonl; SPLIT as `newsprobe eval newsroom --split`). Their texts and
labels are research-only and are never copied into the repository: only the weights are
written. Validation is cross-pool: for each pool, a head trained on the others (C and
threshold chosen by leave-one-pool-out inside them) is written to --fold-dir as
quote_head.held-NAME.json, to be scored through `newsprobe eval newsroom` with the setting
`attribution.quote_head` set to its path. The shipped head is trained on every pool, its C and
threshold chosen by leave-one-pool-out over all of them. The objective is the found F1 of
the kept candidates against the pool's gold (2 TP / (kept + gold)), pooled over held
pools. Deterministic (liblinear, fixed seed).

    PYTHONPATH=src .venv/bin/python scripts/train_quote_head.py \\
        --pool nr=../shared/data/newsroom:dev --pool tune=/path/tune:all --pool tune2=/path/tune-2:all \\
        [--cache FILE.npz] [--fold-dir DIR] [--out src/newsprobe/models/quote_head.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprobe.analyze import analyze_doc, select_layers  # noqa: E402
from newsprobe.eval.metrics import TokenIndex  # noqa: E402
from newsprobe.eval.newsroom import match_attributions, read_split  # noqa: E402
from newsprobe.layers import attribution  # noqa: E402
from newsprobe.layers.quote_head import NAMES, features, judges  # noqa: E402
from newsprobe.model import Article, Span, Speaker  # noqa: E402
from newsprobe.parse import load_pipeline  # noqa: E402
from newsprobe.settings import Settings  # noqa: E402

C_GRID = (0.01, 0.03, 0.1, 0.3)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.05, 0.61, 0.05))
SEED = 0


def extract(pools: dict[str, tuple[Path, str]]) -> dict:
    """Features, labels, pools and articles of every candidate, and each pool's gold count."""
    settings = Settings.load(quote_head="off")
    nlp = load_pipeline(settings.model or None, settings.max_sentence_tokens)
    layers = select_layers(("entities",))
    xs, ys, pool_of, article_of = [], [], [], []
    gold_counts = {}
    fixed = {}   # per pool: (found, kept) of the candidates the rules decide alone
    for name, (folder, split) in pools.items():
        rows = read_split(folder, split)
        gold_counts[name] = sum(1 for r in rows for g in r.get("attributions", []) if not g.get("optional"))
        fixed[name] = [0, 0]
        for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows)):
            article = Article(text=row["text"], id=row["id"], outlet=row.get("outlet"))
            analysis = analyze_doc(article, doc, settings, layers=layers)
            records = attribution.candidates(doc, analysis, settings)
            text = row["text"]
            quotes = [{"cue": Span.of(text, *r.cue).to_dict() if r.cue else None,
                       "content": [Span.of(text, s, e).to_dict() for s, e in sorted(r.content)],
                       "speaker": (r.speaker or Speaker("unknown")).to_dict()} for r in records]
            golds = row.get("attributions", [])
            pairs = match_attributions(TokenIndex(text), quotes, golds)
            matched = {pi: gi for gi, pi in pairs.items()}
            for pi, record in enumerate(records):
                gi = matched.get(pi)
                if gi is not None and golds[gi].get("optional"):
                    continue
                if not judges(record):   # the rules decide it; the head never sees it
                    fixed[name][0] += gi is not None
                    fixed[name][1] += 1
                    continue
                xs.append(features(record, doc, text, row.get("outlet")))
                ys.append(int(gi is not None))
                pool_of.append(name)
                article_of.append(row["id"])
        print(f"{name}: {sum(p == name for p in pool_of)} candidates, "
              f"{sum(y for y, p in zip(ys, pool_of) if p == name)} found, {gold_counts[name]} gold", file=sys.stderr)
    return {"x": np.array(xs), "y": np.array(ys), "pool": np.array(pool_of), "article": np.array(article_of),
            "gold": gold_counts, "fixed": fixed}


def fit(x: np.ndarray, y: np.ndarray, c: float) -> dict:
    from sklearn.linear_model import LogisticRegression
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    model = LogisticRegression(C=c, solver="liblinear", random_state=SEED, max_iter=1000)
    model.fit((x - mean) / scale, y)
    return {"weights": model.coef_[0].tolist(), "bias": float(model.intercept_[0]),
            "mean": mean.tolist(), "scale": scale.tolist(), "c": c}


def probabilities(head: dict, x: np.ndarray) -> np.ndarray:
    z = ((x - np.array(head["mean"])) / np.array(head["scale"])) @ np.array(head["weights"]) + head["bias"]
    return 1.0 / (1.0 + np.exp(-z))


def found_f1(p: np.ndarray, y: np.ndarray, fixed: list, threshold: float) -> tuple[int, int]:
    """(found, kept) of a pool: its judged candidates kept by the head, plus the rest."""
    kept = p >= threshold
    return int((kept & (y == 1)).sum()) + fixed[0], int(kept.sum()) + fixed[1]


def leave_one_pool_out(data: dict, pools: list[str]) -> dict:
    """{(C, threshold): (tp, kept, gold)} pooled over each pool of `pools` held out in turn."""
    out = {}
    for c in C_GRID:
        heldp = {}
        for held in pools:
            train = np.isin(data["pool"], [p for p in pools if p != held])
            test = data["pool"] == held
            heldp[held] = probabilities(fit(data["x"][train], data["y"][train], c), data["x"][test])
        for t in (0.0, *THRESHOLDS):
            tp = kept = gold = 0
            for held in pools:
                a, k = found_f1(heldp[held], data["y"][data["pool"] == held], data["fixed"][held], t)
                tp, kept, gold = tp + a, kept + k, gold + data["gold"][held]
            out[(c, t)] = (tp, kept, gold)
    return out


def choose(scores: dict) -> tuple[float, float]:
    def f1(v):
        tp, kept, gold = v
        return 2 * tp / (kept + gold) if kept + gold else 0.0
    best = max(scores, key=lambda k: (round(f1(scores[k]), 4), -k[1], -k[0]))
    return best


def write(path: Path, head: dict, threshold: float, trained_on: list[str], n: int, note: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({
        "model": "logistic regression over newsprobe.layers.quote_head.features (standardised)",
        "trained_on": "newsroom-schema pools (research-only labels): " + ", ".join(trained_on),
        "n_train": n, "c": head["c"], "threshold": threshold, "features": NAMES,
        "weights": [round(w, 6) for w in head["weights"]], "bias": round(head["bias"], 6),
        "mean": [round(m, 6) for m in head["mean"]], "scale": [round(s, 6) for s in head["scale"]],
        "selection": note,
    }, indent=0) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pool", action="append", required=True, help="NAME=DIR:SPLIT")
    ap.add_argument("--cache", type=Path, help="features cache (.npz): read when it exists, else written")
    ap.add_argument("--fold-dir", type=Path, help="write one held-out-pool head per pool here")
    ap.add_argument("--c", type=float, help="fix C (the fold heads then use it too) instead of choosing it")
    ap.add_argument("--threshold", type=float, help="fix the threshold likewise")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "newsprobe" / "models" / "quote_head.json")
    args = ap.parse_args()
    pools = {}
    for spec in args.pool:
        name, _, rest = spec.partition("=")
        folder, _, split = rest.rpartition(":")
        pools[name] = (Path(folder), split)
    if args.cache and args.cache.exists():
        z = np.load(args.cache, allow_pickle=False)
        data = {"x": z["x"], "y": z["y"], "pool": z["pool"], "article": z["article"],
                "gold": dict(zip(z["gold_names"].tolist(), z["gold_counts"].tolist())),
                "fixed": dict(zip(z["gold_names"].tolist(), z["fixed"].tolist()))}
        if z["names"].tolist() != NAMES:
            raise SystemExit("the cache's features are not quote_head.NAMES: delete it")
    else:
        data = extract(pools)
        if args.cache:
            np.savez(args.cache, x=data["x"], y=data["y"], pool=data["pool"], article=data["article"],
                     gold_names=np.array(list(data["gold"])), gold_counts=np.array(list(data["gold"].values())),
                     fixed=np.array([data["fixed"][n] for n in data["gold"]]),
                     names=np.array(NAMES))
    names = list(pools)
    if args.fold_dir:
        for held in names:
            train_pools = [p for p in names if p != held]
            c, t = (args.c, args.threshold) if args.c is not None and args.threshold is not None \
                else choose(leave_one_pool_out(data, train_pools))
            train = np.isin(data["pool"], train_pools)
            head = fit(data["x"][train], data["y"][train], c)
            p = probabilities(head, data["x"][data["pool"] == held])
            y = data["y"][data["pool"] == held]
            tp, kept = found_f1(p, y, data["fixed"][held], t)
            base = found_f1(p, y, data["fixed"][held], 0.0)
            gold = data["gold"][held]
            print(f"held {held}: C={c} threshold={t}; found (offline) rules {base[0]}/{base[1]} "
                  f"F1 {2 * base[0] / (base[1] + gold):.3f} -> head {tp}/{kept} F1 {2 * tp / (kept + gold):.3f} "
                  f"(gold {gold})", file=sys.stderr)
            write(args.fold_dir / f"quote_head.held-{held}.json", head, t, train_pools, int(train.sum()),
                  {"held_out": held, "c_grid": list(C_GRID), "thresholds": list(THRESHOLDS)})
    scores = leave_one_pool_out(data, names)
    c, t = choose(scores)
    if args.c is not None and args.threshold is not None:
        c, t = args.c, args.threshold
    tp, kept, gold = scores[(c, t)]
    base = scores[(c, 0.0)]
    print(f"all pools, leave-one-pool-out: C={c} threshold={t}: found F1 {2 * base[0] / (base[1] + base[2]):.3f} "
          f"(rules) -> {2 * tp / (kept + gold):.3f}", file=sys.stderr)
    head = fit(data["x"], data["y"], c)
    write(args.out, head, t, names, len(data["y"]),
          {"leave_one_pool_out": {"c": c, "threshold": t, "found_tp": tp, "kept": kept, "gold": gold,
                                  "rules_tp": base[0], "rules_kept": base[1]}})
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
