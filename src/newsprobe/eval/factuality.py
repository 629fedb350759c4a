"""Event factuality on UDS-IH2 ("It Happened", White et al. 2016; Rudinger et al. 2018).

Reads `<data_dir>/uds_ih2_<split>.jsonl` (sentence, tokens, predicate index, binary
`happened`; only the dev split is in ../shared/data). Each sentence is parsed with the
product's spaCy pipeline from its own tokens (so the predicate index stays aligned), and
the predicate is scored with `layers.commitment.happened`, the function the product uses:
a predicate with a hard cue of its own (negation, future, modal, condition, imperative;
or a denial above it) did not happen; otherwise a logistic-regression head over the rule
cues and parse features of `commitment.features` decides (the cues are those the claims
layer reads for status and hedges).

What was fitted on what (there is no UDS-IH2 train split here, so dev is split by the
document number in each item id):

- "tune" half (even document numbers): the rules were written while reading it, the
  feature set was chosen by 5-fold document-grouped cross-validation inside it, and the
  committed head (`models/commitment_head.json`) is trained on it alone;
- "held" half (odd document numbers): not read, not fitted; its figures are the honest ones;
- `cross_fitted`: 5-fold document-grouped cross-fitting over all of dev (each fold scored
  by a head with the same features and C trained on the other four folds, in this run).

Metrics: accuracy and macro-F1 of `happened` (both classes), next to the rules alone
(`commitment.happened_by_rules`) and the majority class.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .files import read_jsonl

DATA_SET = "factuality"
CROSS_FIT_FOLDS = 5


def doc_number(item_id: str) -> int:
    m = re.search(r"-(\d+)-", item_id)
    return int(m.group(1)) if m else 0


def is_tune(item_id: str) -> bool:
    """The half of dev the rules and the head were fitted on (even document numbers)."""
    return doc_number(item_id) % 2 == 0


def load(data_dir: Path, split: str, limit: int | None = None) -> list[dict[str, Any]]:
    return read_jsonl(data_dir / f"uds_ih2_{split}.jsonl", "factuality", limit=limit or None)


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


def predicates(rows: list[dict[str, Any]], nlp) -> list[Any]:
    """The predicate Token of each row, each distinct sentence parsed once from its tokens."""
    from spacy.tokens import Doc

    docs: dict[tuple[str, ...], Any] = {}
    unique = list(dict.fromkeys(tuple(r["tokens"]) for r in rows))
    for words, doc in zip(unique, nlp.pipe(Doc(nlp.vocab, words=list(w)) for w in unique)):
        docs[words] = doc
    return [docs[tuple(r["tokens"])][r["pred_index"]] for r in rows]


def fit_head(feats: list[dict[str, float]], states, gold: list[int], c: float, threshold: float,
             state_c: float | None = None, state_mix: float = 0.0):
    """A `commitment.Head` trained on these predicates: the features' logistic regression
    (C `c`) and, when `state_c` is given, the predicate-state one (C `state_c`) mixed in
    with share `state_mix`. The training script and the cross-fitting below share it."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from ..layers.commitment import Head

    vec = DictVectorizer()
    y = np.asarray(gold)
    model = LogisticRegression(C=c, max_iter=5000).fit(vec.fit_transform(feats), y)
    weights = {name: round(float(w), 5) for name, w in zip(vec.feature_names_, model.coef_[0])
               if abs(w) >= 1e-5}
    head = Head(dict(sorted(weights.items())), round(float(model.intercept_[0]), 5), threshold, c)
    if state_c is None:
        return head
    state_model = LogisticRegression(C=state_c, max_iter=5000).fit(np.asarray(states), y)
    return Head(head.weights, head.bias, threshold, c,
                state_model.coef_[0].astype(np.float32).round(5), round(float(state_model.intercept_[0]), 5),
                state_c, state_mix)


def cross_fitted(feats: list[dict[str, float]], states, gold: list[int], groups: list[int],
                 hard: list[bool], c: float, threshold: float, state_c: float | None = None,
                 state_mix: float = 0.0, folds: int = CROSS_FIT_FOLDS) -> list[int] | None:
    """Out-of-fold predictions of heads fitted like the committed one (`fit_head` with the
    same Cs, share and threshold; the hard-cue overrides `hard` applied), `folds`-fold
    grouped by document. None when there are too few documents."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    if len(set(groups)) < folds or len(set(gold)) < 2:
        return None
    y, g = np.array(gold), np.array(groups)
    out = np.zeros(len(y), dtype=int)
    for train, test in GroupKFold(folds).split(np.zeros(len(y)), y, g):
        if len(set(y[train])) < 2:
            return None
        head = fit_head([feats[i] for i in train], None if state_c is None else states[train],
                        y[train].tolist(), c, threshold, state_c, state_mix)
        for i in test:
            out[i] = head.probability(feats[i], None if state_c is None else states[i]) >= threshold
    out[np.array(hard, dtype=bool)] = 0
    return out.tolist()


def predicate_states(tokens: list[Any], chunk: int = 256, depth: int | None = None):
    """`commitment.predicate_state` of each predicate (from the MiniLM pass of `depth`
    layers; None: the setting `encoder.layers`), the sentences encoded in batches first (a
    few hundred at a time, within the encoder's memo) rather than one by one."""
    import numpy as np

    from ..embeddings import encode_tokens
    from ..layers.commitment import predicate_state
    from ..settings import Settings

    depth = depth or Settings.load().encoder_layers
    out = []
    for k in range(0, len(tokens), chunk):
        part = tokens[k:k + chunk]
        encode_tokens(list(dict.fromkeys(t.sent.text for t in part)), reuse=True, depth=depth)
        out.extend(predicate_state(t, depth) for t in part)
    return np.array(out, dtype=np.float32).reshape(len(tokens), -1)


def evaluate(data_dir: Path, split: str = "dev", limit: int | None = None,
             progress: bool = False, **kw) -> dict[str, Any]:
    from ..layers.commitment import features, happened, happened_by_rules, has_hard_cue, load_head
    from ..parse import load_pipeline
    from ..settings import Settings

    depth = Settings.load().encoder_layers
    rows = load(data_dir, split, limit)
    nlp = load_pipeline(None)
    tokens = predicates(rows, nlp)
    head = load_head(depth)
    states = predicate_states(tokens, depth=depth) if head is not None and head.state_weights is not None else None
    pred = [int(happened(t, states[i] if states is not None else None, depth)) for i, t in enumerate(tokens)]
    rules = [int(happened_by_rules(t)) for t in tokens]
    gold = [int(r["happened"]) for r in rows]
    majority = int(sum(gold) * 2 >= len(gold))
    tune = [i for i, r in enumerate(rows) if is_tune(r["id"])]
    held = [i for i, r in enumerate(rows) if not is_tune(r["id"])]

    def part(idx: list[int], p: list[int]) -> dict[str, float]:
        return scores([gold[i] for i in idx], [p[i] for i in idx])

    result: dict[str, Any] = {
        "set": "uds-ih2", "split": split, "encoder_layers": depth,
        "predictor": "head" if head else "rules",
        **scores(gold, pred),
        "tune_half": part(tune, pred), "held_half": part(held, pred),
        "baseline": {
            "rules": {**scores(gold, rules), "tune_half": part(tune, rules), "held_half": part(held, rules)},
            "majority": scores(gold, [majority] * len(gold)),
        },
    }
    if head is not None:
        with_state = head.state_weights is not None
        folded = cross_fitted([features(t) for t in tokens], states, gold, [doc_number(r["id"]) for r in rows],
                              [has_hard_cue(t) for t in tokens], head.c, head.threshold,
                              head.state_c if with_state else None, head.state_mix)
        if folded is not None:
            result["cross_fitted"] = {**scores(gold, folded), "folds": CROSS_FIT_FOLDS}
    return result


def format_text(result: dict[str, Any]) -> str:
    def line(label: str, s: dict[str, float]) -> str:
        return f"  {label:<30}accuracy {s['accuracy']:.3f}  macro-F1 {s['macro_f1']:.3f}  (n={s['n']})"

    name = "newsprobe head" if result["predictor"] == "head" else "newsprobe rules"
    rules = result["baseline"]["rules"]
    lines = [f"UDS-IH2 {result['split']}: did the event happen? (MiniLM pass of "
             f"{result.get('encoder_layers', 6)} layers)",
             line(f"{name}, held half", result["held_half"]),
             line(f"{name}, tune half", result["tune_half"]),
             line(f"{name}, all", result)]
    if "cross_fitted" in result:
        lines.append(line(f"head, {result['cross_fitted']['folds']}-fold cross-fitted", result["cross_fitted"]))
    lines += [line("rules alone, held half", rules["held_half"]),
              line("rules alone, all", rules),
              line("majority class", result["baseline"]["majority"])]
    if result["predictor"] == "head":
        lines.append("  (the head is trained on the tune half only; the held half is the honest figure)")
    else:
        lines.append("  (rules written reading the tune half; the held half is the honest figure)")
    return "\n".join(lines)
