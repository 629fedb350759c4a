"""Event factuality in news on the -3..+3 scale: MEANTIME and UW (Stanovsky et al. 2017).

`../shared/data/factuality-news/{meantime,uw}/{train,dev}.conll`: 7-column CoNLL (index,
word, value or `_`, POS, head, deprel, lemma); a token with a value is an event, its value
how firmly the author presents it as having happened (+3 certainly, -3 certainly not).
Each sentence is parsed by the product's spaCy pipeline from the file's own tokens (so
the event indices stay aligned; the file's automatic parse is not used), and each event
token is scored by the commitment layer as the product scores a predicate:

- `happened` (the decision: a hard cue says no, else the learned head decides) and
- `happened_probability` (its graded score: 0 with a hard cue, else the head's probability).

Neither says where on -3..+3 an event lies, so the score is mapped onto the scale by an
isotonic regression (monotone, `sklearn.isotonic`) of the gold value on the score, fitted
per corpus on that corpus's **train split only** and applied to the evaluated split
(with `--split train` the figures are in-sample and say so). The same fitting maps the
decision alone (`decision`) and the rules alone (`commitment.happened_by_rules`, a
baseline). `--limit N` takes the first N sentences of each corpus, in the train split too.

Metrics per corpus: Pearson r and MAE between the mapped prediction and the gold value,
and the accuracy of the sign (happened: gold > 0, against the product's decision).
Baselines: "all +3" (r is undefined for a constant, given as None) and the rules alone.
Published (Stanovsky et al. 2017, test splits): MEANTIME r about 0.5-0.6, UW r about
0.7-0.8, MAE about 0.3-0.5. The head was trained on UDS-IH2 (web text), nothing of it on
these corpora; only the isotonic maps are fitted here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import NewsprobeError
from .files import check_split

DATA_SET = "factuality-news"
CORPORA = ("meantime", "uw")
SPLITS = ("dev", "train")


def read_conll(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Sentences as {"words": [...], "events": [(index, value), ...]}, in file order."""
    if not path.is_file():
        raise NewsprobeError("E011", f"{path} not found", DATA_SET)
    sentences: list[dict[str, Any]] = []
    words: list[str] = []
    events: list[tuple[int, float]] = []

    def close() -> None:
        if words:
            sentences.append({"words": list(words), "events": list(events)})
        words.clear()
        events.clear()

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            close()
            if limit and len(sentences) >= limit:
                break
            continue
        cols = line.split("\t")
        if len(cols) != 7:
            raise NewsprobeError("E011", f"{path}:{number}: {len(cols)} columns, not 7", DATA_SET)
        if cols[2] != "_":
            events.append((len(words), float(cols[2])))
        words.append(cols[1])
    close()
    return sentences[:limit] if limit else sentences


def event_tokens(sentences: list[dict[str, Any]], nlp) -> tuple[list[Any], list[float]]:
    """The spaCy Token of each event (each sentence parsed from its own words) and its value."""
    from spacy.tokens import Doc

    tokens, gold = [], []
    docs = nlp.pipe(Doc(nlp.vocab, words=s["words"]) for s in sentences)
    for sentence, doc in zip(sentences, docs):
        for index, value in sentence["events"]:
            tokens.append(doc[index])
            gold.append(value)
    return tokens, gold


def scored(tokens: list[Any]) -> dict[str, list[float]]:
    """The commitment layer's score, decision and rules for each event token."""
    from ..layers.commitment import happened_by_rules, happened_probability, load_head
    from ..settings import Settings
    from .factuality import predicate_states

    depth = Settings.load().encoder_layers
    head = load_head(depth)
    states = predicate_states(tokens, depth=depth) if head is not None and head.state_weights is not None else None
    probability = [happened_probability(t, states[i] if states is not None else None, depth)
                   for i, t in enumerate(tokens)]
    threshold = head.threshold if head is not None else 0.5
    return {"score": probability,
            "decision": [float(p >= threshold) for p in probability],
            "rules": [float(happened_by_rules(t)) for t in tokens]}


def fit_scale(x: list[float], y: list[float]):
    """Isotonic map of a score onto -3..+3 (gold values `y`), clipped outside the range seen."""
    from sklearn.isotonic import IsotonicRegression

    return IsotonicRegression(y_min=-3.0, y_max=3.0, increasing=True, out_of_bounds="clip").fit(x, y)


def regression_scores(gold: list[float], pred: list[float]) -> dict[str, Any]:
    import numpy as np

    g, p = np.asarray(gold, dtype=float), np.asarray(pred, dtype=float)
    r = None
    if len(g) > 1 and g.std() > 0 and p.std() > 0:
        r = round(float(np.corrcoef(g, p)[0, 1]), 4)
    return {"pearson_r": r, "mae": round(float(np.abs(g - p).mean()), 4) if len(g) else None}


def sign_accuracy(gold: list[float], happened: list[float]) -> float:
    return round(sum((g > 0) == (h >= 0.5) for g, h in zip(gold, happened)) / len(gold), 4) if gold else 0.0


def evaluate_corpus(data_dir: Path, corpus: str, split: str, limit: int | None, nlp) -> dict[str, Any]:
    evaluated = read_conll(data_dir / corpus / f"{split}.conll", limit)
    train = evaluated if split == "train" else read_conll(data_dir / corpus / "train.conll", limit)
    tokens, gold = event_tokens(evaluated, nlp)
    if not tokens:
        raise NewsprobeError("E011", f"no events in {data_dir / corpus / f'{split}.conll'}", DATA_SET)
    ours = scored(tokens)
    if split == "train":
        train_gold, train_ours = gold, ours
    else:
        train_tokens, train_gold = event_tokens(train, nlp)
        train_ours = scored(train_tokens)

    def mapped(kind: str) -> list[float]:
        return fit_scale(train_ours[kind], train_gold).predict(ours[kind]).tolist()

    return {
        "sentences": len(evaluated), "events": len(gold), "train_sentences": len(train),
        "train_events": len(train_gold),
        **regression_scores(gold, mapped("score")),
        "sign_accuracy": sign_accuracy(gold, ours["decision"]),
        "decision": regression_scores(gold, mapped("decision")),
        "gold_share_happened": round(sum(g > 0 for g in gold) / len(gold), 4),
        "baseline": {
            "all_plus_3": {**regression_scores(gold, [3.0] * len(gold)),
                           "sign_accuracy": sign_accuracy(gold, [1.0] * len(gold))},
            "rules": {**regression_scores(gold, mapped("rules")), "sign_accuracy": sign_accuracy(gold, ours["rules"])},
        },
    }


def evaluate(data_dir: Path, split: str = "dev", limit: int | None = None, progress: bool = False,
             **_: Any) -> dict[str, Any]:
    from ..parse import load_pipeline
    from ..progress import progress_bar

    check_split(split, SPLITS, DATA_SET)
    for corpus in CORPORA:
        for part in {split, "train"}:
            if not (data_dir / corpus / f"{part}.conll").is_file():
                raise NewsprobeError("E011", f"{data_dir / corpus / f'{part}.conll'} not found", DATA_SET)
    nlp = load_pipeline(None)
    result: dict[str, Any] = {"set": "factuality-news", "split": split,
                              "scale_fitted_on": "train (in-sample)" if split == "train" else "train"}
    with progress_bar("factuality-news", len(CORPORA), progress, unit="corpora") as advance:
        for corpus in CORPORA:
            result[corpus] = evaluate_corpus(data_dir, corpus, split, limit, nlp)
            advance()
    return result


def format_text(result: dict[str, Any]) -> str:
    def num(value: float | None) -> str:
        return "  n/a" if value is None else f"{value:.3f}"

    def line(label: str, s: dict[str, Any], sign: float | None) -> str:
        return (f"    {label:<36}r {num(s['pearson_r'])}  MAE {num(s['mae'])}"
                + (f"  sign accuracy {sign:.3f}" if sign is not None else ""))

    lines = [f"Event factuality in news ({result['split']}), -3..+3; the scale map is fitted on "
             f"{result['scale_fitted_on']}"]
    for corpus in CORPORA:
        c = result[corpus]
        b = c["baseline"]
        lines += [f"  {corpus.upper()}: {c['events']} events in {c['sentences']} sentences "
                  f"(map fitted on {c['train_events']} train events)",
                  line("newsprobe score (head probability)", c, c["sign_accuracy"]),
                  line("newsprobe decision alone", c["decision"], None),
                  line("rules alone", b["rules"], b["rules"]["sign_accuracy"]),
                  line("all +3", b["all_plus_3"], b["all_plus_3"]["sign_accuracy"])]
    lines.append("  (published, Stanovsky et al. 2017 on test: MEANTIME r 0.5-0.6, UW r 0.7-0.8, MAE 0.3-0.5)")
    return "\n".join(lines)
