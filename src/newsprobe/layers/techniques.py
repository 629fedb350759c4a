"""Persuasion and propaganda techniques as character spans (the 14 PTC classes).

Models trained on the Propaganda Techniques Corpus (scripts/train_techniques.py;
MODELS.md, "Persuasion techniques"), on top of one MiniLM pass over the article's
sentences that the claims layer shares (embeddings.encode_tokens keeps its results):

1. **Span identification**: a logistic token tagger over hashed token features
   (technique_features.token_features) gives each token a logit; a small bidirectional
   LSTM over each sentence reads [MiniLM contextual token state | that logit] and gives
   P(token is inside a technique span). Tokens whose probability reaches the tuned
   threshold form runs; runs separated by at most `si_gap` tokens join into one span, and
   the span is trimmed of edge punctuation and space as PTC's gold spans are.
2. **Technique classification**: multinomial logistic regression over the span's hashed
   features, a few numbers (length, how often the span recurs in the article), the mean
   MiniLM token state over the span in its sentence, the sentence's vector and, when the
   model was trained with it, the span text's own MiniLM embedding.

Each finding is `{start, end, text, technique, score, alternative, voice, speaker,
in_quote}`: `score` is the span's mean token probability times the technique's
probability; spans scoring below `techniques_min_score` (the display floor, chosen on
dev data: defaults.toml) are not reported, nor spans made of reporting nouns alone
("claim"). `alternative` is the runner-up technique, since PTC classes overlap (loaded
language vs name calling) and a reader may want the second guess. `voice` says whose
rhetoric it is, "author" (the outlet's own words) or "speaker", with the speaker's name in
`speaker` and, when the attribution layer found the quote, its id in `in_quote`
(technique_voice.py has the rules: quotation marks, paraphrase, reported reactions).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from ..embeddings import DIMENSIONS, FULL_DEPTH, head_folder
from ..errors import NewsprobeError
from ..model import Analysis
from ..settings import Settings
from .technique_features import (FEATURES_VERSION, SI_BUCKETS, TC_BUCKETS, TECHNIQUES, ArticleStats,
                                 article_span_features, hash_features, span_tokens, token_feature_matrix)
from .technique_tagger import NumpyTaggers, span_tagger
from .technique_voice import quoted_segments, reported_clause_end, reporting_frame_only, voice_of

NAME = "techniques"
VERSION = "5"
FIELD = "techniques"
REQUIRES: tuple[str, ...] = ("quotes",)

log = logging.getLogger(__name__)

MODEL_FILES = ("techniques.npz", "techniques.json")
# PTC v2 gold spans never start or end with these; ours follow the same convention. The
# invisible characters (an emoji's variation selector, zero-width joiners and spaces) are
# left over from pasted social media and would make a flagged word look different from its
# text.
_EDGE_CHARS = " \n\r\t.,:;\ufe0f\ufe0e\u200b\u200c\u200d\u2060"
# Marks that join the pieces of one written word ("money-grabbing", "over-sensitive").
_WORD_JOINERS = frozenset({"-", "\u2010", "\u2011"})
# A span ending in these parts of speech stopped before what they introduce ("litany of",
# "the upper echelon of"); one starting with a conjunction began mid-list ("and
# unremarkable"). PTC's gold spans do neither.
_TRAILING_POS = frozenset({"ADP", "CCONJ", "SCONJ", "DET"})
_LEADING_POS = frozenset({"CCONJ"})


# A classifier trained with span-text embeddings (`train_techniques.py` without
# --no-embeddings) reads each predicted span's own MiniLM vector: from a pass of its own over
# the span's text (True, as such a model is trained) or stood in for by the span's contextual
# vector from the shared pass over the sentences (False). The shipped classifier has no
# span-text weights (retrained without them: PTC dev TC micro-F1 0.6246 against 0.6228 with
# the pass, MODELS.md), so neither runs and this matters only for a model retrained with them.
SPAN_TEXT_PASS = True

# The hashed tagger's logit enters the LSTM divided by this, to sit in the range of the
# MiniLM states' components.
LOGIT_SCALE = 4.0


@dataclass(frozen=True)
class TechniqueModel:
    si_w: np.ndarray          # (SI_BUCKETS,) hashed token tagger
    si_b: float
    si_threshold: float
    si_gap: int
    si_min_mean: float
    lstm: list[dict] | None   # span_tagger state dicts (name -> array), averaged; None: hashed tagger alone
    lstm_hidden: int
    tc_w: np.ndarray          # (n_classes, TC_BUCKETS)
    tc_dense: np.ndarray      # (n_classes, n_dense)
    tc_ctx: np.ndarray | None  # (n_classes, 384 or 768): span's mean token state [| sentence vector]
    tc_emb: np.ndarray | None  # (n_classes, 384) when trained with span-text embeddings
    tc_b: np.ndarray          # (n_classes,)
    classes: tuple[str, ...]
    meta: dict
    # A one-hidden-layer MLP over the dense inputs [span vector | sentence vector | span-text
    # embedding | numbers] (w1, b1, w2, b2), its probabilities averaged with the linear
    # model's with weight tc_mlp_weight; then each class's probability is multiplied by
    # exp(tc_adjust) (logit adjustment towards the rare classes) and renormalised.
    tc_mlp: tuple[np.ndarray, ...] | None = None
    tc_mlp_weight: float = 0.0
    tc_adjust: np.ndarray | None = None

    def save(self, folder) -> None:
        arrays = {"si_w": self.si_w.astype(np.float16), "si_b": np.float32(self.si_b),
                  "tc_w": self.tc_w.astype(np.float16), "tc_dense": self.tc_dense.astype(np.float32),
                  "tc_b": self.tc_b.astype(np.float32)}
        for k, state in enumerate(self.lstm or []):
            for name, value in state.items():
                arrays[f"lstm{k}.{name}"] = np.asarray(value, dtype=np.float16)
        if self.tc_ctx is not None:
            arrays["tc_ctx"] = self.tc_ctx.astype(np.float32)
        if self.tc_emb is not None:
            arrays["tc_emb"] = self.tc_emb.astype(np.float32)
        for name, value in zip(("w1", "b1", "w2", "b2"), self.tc_mlp or ()):
            arrays[f"tc_mlp_{name}"] = value.astype(np.float16 if name == "w1" else np.float32)
        if self.tc_adjust is not None:
            arrays["tc_adjust"] = self.tc_adjust.astype(np.float32)
        np.savez_compressed(folder / MODEL_FILES[0], **arrays)
        meta = {**self.meta, "features_version": FEATURES_VERSION, "classes": list(self.classes),
                "si_threshold": self.si_threshold, "si_gap": self.si_gap,
                "si_min_mean": self.si_min_mean, "lstm_hidden": self.lstm_hidden if self.lstm else 0,
                "embeddings": self.tc_emb is not None, "tc_mlp_weight": self.tc_mlp_weight}
        (folder / MODEL_FILES[1]).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", "utf-8")


@lru_cache(maxsize=2)
def load_model(depth: int = FULL_DEPTH) -> TechniqueModel:
    """The committed model trained on the MiniLM pass of `depth` layers (the setting
    `encoder.layers`), from `embeddings.head_folder(depth)`, loaded once per process."""
    return load_model_from(resources.files("newsprobe").joinpath(head_folder(depth)), depth=depth)


def encoder_depth(model: TechniqueModel) -> int:
    """How many MiniLM layers the pass this model reads runs (its training pass)."""
    return int(model.meta.get("encoder_layers", FULL_DEPTH))


def load_model_from(folder, check_version: bool = True, depth: int | None = None) -> TechniqueModel:
    """The model saved in `folder`. check_version=False lets the training script reuse an
    older model's span tagger, whose token features have not changed, when it retrains
    only the classifier. With `depth`, a model trained on another encoder depth is refused."""
    try:
        meta = json.loads(folder.joinpath(MODEL_FILES[1]).read_text("utf-8"))
        with folder.joinpath(MODEL_FILES[0]).open("rb") as fh:
            arrays = dict(np.load(fh))
    except FileNotFoundError as err:
        raise NewsprobeError("E013", f"the technique model for {depth or FULL_DEPTH} encoder layers is "
                                     f"missing from {folder}; rebuild it with scripts/train_techniques.py "
                                     f"--encoder-layers {depth or FULL_DEPTH}") from err
    trained_depth = int(meta.get("encoder_layers", FULL_DEPTH))
    if depth is not None and trained_depth != depth:
        raise NewsprobeError("E013", f"the technique model in {folder} was trained on {trained_depth} "
                                     f"encoder layers, not the {depth} asked for")
    if check_version and meta.get("features_version") != FEATURES_VERSION:
        raise NewsprobeError("E013", f"the technique model was trained with features version "
                                     f"{meta.get('features_version')}, the code has {FEATURES_VERSION}; "
                                     "retrain with scripts/train_techniques.py")
    lstm: dict[int, dict] = {}
    for key, value in arrays.items():
        if key.startswith("lstm"):
            head, name = key.split(".", 1)
            lstm.setdefault(int(head.removeprefix("lstm") or 0), {})[name] = value.astype(np.float32)
    return TechniqueModel(
        si_w=arrays["si_w"].astype(np.float32), si_b=float(arrays["si_b"]),
        si_threshold=float(meta["si_threshold"]), si_gap=int(meta["si_gap"]),
        si_min_mean=float(meta.get("si_min_mean", 0.0)), lstm=[lstm[k] for k in sorted(lstm)] or None,
        lstm_hidden=int(meta.get("lstm_hidden", 0)),
        tc_w=arrays["tc_w"].astype(np.float32), tc_dense=arrays["tc_dense"],
        tc_ctx=arrays.get("tc_ctx"), tc_emb=arrays.get("tc_emb"), tc_b=arrays["tc_b"],
        classes=tuple(meta["classes"]), meta=meta,
        tc_mlp=tuple(arrays[f"tc_mlp_{n}"].astype(np.float32) for n in ("w1", "b1", "w2", "b2"))
        if "tc_mlp_w1" in arrays else None,
        tc_mlp_weight=float(meta.get("tc_mlp_weight", 0.0)), tc_adjust=arrays.get("tc_adjust"))


@lru_cache(maxsize=2)
def _loaded_taggers(depth: int = FULL_DEPTH) -> NumpyTaggers:
    """The committed model's span taggers, ready to run in numpy (built once per process)."""
    return NumpyTaggers(load_model(depth).lstm)


def doc_states(doc, depth: int = FULL_DEPTH) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """MiniLM (its first `depth` layers) for every sentence of `doc` in one pass (shared with
    the claims layer through the embeddings memo): each token's contextual state
    (n_tokens, 384), each sentence's vector (n_sents, 384), and each token's sentence
    number (n_tokens,)."""
    from ..embeddings import encode_tokens, token_vectors

    sents = list(doc.sents)
    tok = np.zeros((len(doc), DIMENSIONS), dtype=np.float32)
    vec = np.zeros((len(sents), DIMENSIONS), dtype=np.float32)
    sent_of = np.zeros(len(doc), dtype=np.int32)
    texts = [s.text for s in sents]
    wanted = [k for k, t in enumerate(texts) if t.strip()]
    for k, ts in zip(wanted, encode_tokens([texts[k] for k in wanted], reuse=True, depth=depth)):
        sent = sents[k]
        vec[k] = ts.vector
        tok[sent.start:sent.end] = token_vectors(sent, sent.start_char, ts)
    for k, sent in enumerate(sents):
        sent_of[sent.start:sent.end] = k
    return tok, vec, sent_of


def hashed_logits(doc, stats: ArticleStats, model: TechniqueModel) -> np.ndarray:
    """The hashed token tagger's logit for every token of `doc`."""
    if not len(doc):
        return np.zeros(0, dtype=np.float32)
    return np.asarray(token_feature_matrix(doc, stats, SI_BUCKETS) @ model.si_w + model.si_b, dtype=np.float32)


def tagger_inputs(doc, tok_states: np.ndarray, logits: np.ndarray) -> list[np.ndarray]:
    """The LSTM's input, one (tokens, 385) array per sentence of `doc`."""
    x = np.concatenate([tok_states, (logits / LOGIT_SCALE)[:, None]], axis=1).astype(np.float32)
    return [x[s.start:s.end] for s in doc.sents]


def token_probabilities(doc, stats: ArticleStats, model: TechniqueModel,
                        tok_states: np.ndarray | None = None) -> np.ndarray:
    """P(token is inside a technique span) for every token of `doc`."""
    logits = hashed_logits(doc, stats, model)
    if model.lstm is None or not len(doc):
        return 1.0 / (1.0 + np.exp(-logits))
    if tok_states is None:
        tok_states = doc_states(doc, encoder_depth(model))[0]
    sents = tagger_inputs(doc, tok_states, logits)
    out = np.zeros(len(doc), dtype=np.float32)
    # One batch per article (a few dozen sentences), padded with zeros to its longest as
    # the taggers were trained; the taggers' mean probability (computed over the real
    # tokens, with the padding's effect on the backward LSTMs as the padded batch has it).
    x = np.zeros((len(sents), max(len(xs) for xs in sents), sents[0].shape[1]), dtype=np.float32)
    for row, xs in zip(x, sents):
        row[:len(xs)] = xs
    p = _loaded_taggers(encoder_depth(model)).probabilities(x, [len(xs) for xs in sents])
    for sent, row, xs in zip(doc.sents, p, sents):
        out[sent.start:sent.end] = row[:len(xs)]
    return out


def decode_spans(doc, probs: np.ndarray, threshold: float, gap: int,
                 min_mean: float = 0.0) -> list[tuple[int, int, float]]:
    """Runs of tokens at or above `threshold`, joined across gaps of at most `gap` tokens,
    as trimmed character spans with their mean token probability; spans whose mean is
    below `min_mean` are dropped (a precision knob: a long join of weak tokens)."""
    runs: list[list[int]] = []
    for t in doc:
        if t.is_space or probs[t.i] < threshold:
            continue
        if runs and t.i - runs[-1][1] <= gap + 1 and t.sent.start <= runs[-1][1]:
            runs[-1][1] = t.i
        else:
            runs.append([t.i, t.i])
    text = doc.text
    spans = []
    for run_first, run_last in runs:
        first, last = _word_edges(doc, run_first, run_last)
        if first > last or not any(_carries_meaning(t) for t in doc[first:last + 1]):
            continue
        start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
        while start < end and text[start] in _EDGE_CHARS:
            start += 1
        while end > start and text[end - 1] in _EDGE_CHARS:
            end -= 1
        mean = float(np.mean(probs[run_first:run_last + 1]))
        if end > start and mean >= min_mean:
            spans.append((start, end, mean))
    return spans


def split_at_reported_clauses(doc, spans: list[tuple[int, int, float]], probs: np.ndarray,
                              min_mean: float = 0.0) -> list[tuple[int, int, float]]:
    """Spans that start in a reported clause or naming phrase and run on past its end
    (technique_voice.reported_clause_end) cut there: "described the mayor as [petty and
    vain, the denials from the town hall]" is the caller's name for the mayor, then the
    writer's words, and a fact-checker reads them as two voices. Each part is trimmed like
    a decoded span and kept when it carries a content word and its tokens' mean
    probability reaches `min_mean` (as decode_spans keeps a span); a part after the cut
    that is only the report's frame ("..., Pike said in a statement") is not shown."""
    out = []
    for start, end, mean in spans:
        cut = reported_clause_end(doc, start, end)
        if cut is None:
            out.append((start, end, mean))
            continue
        for lo, hi in ((start, cut), (cut, end)):
            piece = _trimmed_piece(doc, lo, hi, probs)
            if piece is None or piece[2] < min_mean or (lo == cut and reporting_frame_only(doc, *piece[:2])):
                continue
            out.append(piece)
    return out


def _trimmed_piece(doc, start: int, end: int, probs: np.ndarray) -> tuple[int, int, float] | None:
    tokens = [t for t in doc if start <= t.idx and t.idx + len(t.text) <= end and not t.is_space]
    if not tokens:
        return None
    first, last = _word_edges(doc, tokens[0].i, tokens[-1].i)
    while first <= last and doc[first].is_punct:
        first += 1
    while last >= first and doc[last].is_punct:
        last -= 1
    if first > last or not any(_carries_meaning(t) for t in doc[first:last + 1]):
        return None
    text = doc.text
    lo, hi = doc[first].idx, doc[last].idx + len(doc[last].text)
    while lo < hi and text[lo] in _EDGE_CHARS:
        lo += 1
    while hi > lo and text[hi - 1] in _EDGE_CHARS:
        hi -= 1
    if hi <= lo:
        return None
    return lo, hi, float(np.mean(probs[first:last + 1]))


def _joined(left, right) -> bool:
    """Whether two neighbouring tokens are pieces of one written word: nothing between them
    and neither is punctuation, except a hyphen ("money" "-" "grabbing", "It" "'s")."""
    def piece(t) -> bool:
        return not t.is_space and (t.text in _WORD_JOINERS or not t.is_punct)
    return not left.whitespace_ and piece(left) and piece(right)


def _carries_meaning(token) -> bool:
    """A word that can carry a technique: not a function word alone ("a", "the", "and")."""
    return (token.like_num or not token.is_stop) and any(c.isalnum() for c in token.text)


def _word_edges(doc, first: int, last: int) -> tuple[int, int]:
    """The token run [first, last] widened to whole written words (the tagger may stop
    inside "money-grabbing" or start at the "'s" of "It's"), then narrowed off a leading
    conjunction and trailing function words (a verb particle, "kick it over", and a
    negation, "could do no", stay)."""
    while first > 0 and _joined(doc[first - 1], doc[first]):
        first -= 1
    while last + 1 < len(doc) and _joined(doc[last], doc[last + 1]):
        last += 1
    while first <= last and doc[first].pos_ in _LEADING_POS:
        first += 1
    while (last >= first and doc[last].pos_ in _TRAILING_POS and doc[last].dep_ not in ("prt", "neg")
           and doc[last].lower_ not in ("no", "not", "never")):
        last -= 1
    return first, last


def context_vectors(doc, spans: list[tuple[int, int]], tok_states: np.ndarray, sent_vecs: np.ndarray,
                    sent_of: np.ndarray, with_sentence: bool) -> np.ndarray:
    """Each span's mean MiniLM token state (L2-normalised) [| its first sentence's vector]."""
    width = DIMENSIONS * (2 if with_sentence else 1)
    out = np.zeros((len(spans), width), dtype=np.float32)
    for k, (s, e) in enumerate(spans):
        toks = span_tokens(doc, s, e)
        if not toks:
            continue
        first, last = toks[0].i, toks[-1].i + 1
        v = tok_states[first:last].mean(axis=0)
        out[k, :DIMENSIONS] = v / (np.linalg.norm(v) or 1.0)
        if with_sentence:
            out[k, DIMENSIONS:] = sent_vecs[sent_of[first]]
    return out


def technique_probabilities(doc, spans: list[tuple[int, int]], stats: ArticleStats,
                            model: TechniqueModel, states=None) -> np.ndarray:
    """(len(spans), n_classes) probabilities of each technique for each span. `states` is
    doc_states(doc) when the caller has it already."""
    if not spans:
        return np.zeros((0, len(model.classes)), dtype=np.float32)
    rows, dense = article_span_features(doc, spans, stats)
    logits = hash_features(rows, TC_BUCKETS) @ model.tc_w.T + dense @ model.tc_dense.T + model.tc_b
    vectors = [dense]
    ctx = None
    if model.tc_ctx is not None or (model.tc_emb is not None and not SPAN_TEXT_PASS):
        states = states if states is not None else doc_states(doc, encoder_depth(model))
        with_sentence = model.tc_ctx is not None and model.tc_ctx.shape[1] == 2 * DIMENSIONS
        ctx = context_vectors(doc, spans, *states, with_sentence)
    if model.tc_ctx is not None:
        logits = logits + ctx @ model.tc_ctx.T
        vectors.insert(0, ctx)
    if model.tc_emb is not None:
        if SPAN_TEXT_PASS:
            from ..embeddings import encode
            emb = encode([stats.text[s:e] for s, e in spans])
        else:  # the span's contextual vector from the shared pass stands in for it
            emb = ctx[:, :DIMENSIONS]
        logits = logits + emb @ model.tc_emb.T
        vectors.insert(-1, emb)
    p = _softmax(np.asarray(logits))
    if model.tc_mlp is not None:
        w1, b1, w2, b2 = model.tc_mlp
        hidden = np.maximum(np.hstack(vectors) @ w1 + b1, 0.0)
        p = (1.0 - model.tc_mlp_weight) * p + model.tc_mlp_weight * _softmax(hidden @ w2 + b2)
    if model.tc_adjust is not None:
        p = p * np.exp(model.tc_adjust)
        p /= p.sum(axis=1, keepdims=True)
    return p


def _softmax(logits: np.ndarray) -> np.ndarray:
    z = np.exp(logits - logits.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


def rank_techniques(doc, spans: list[tuple[int, int]], depth: int = FULL_DEPTH) -> list[list[str]]:
    """For each span, all techniques from most to least likely (the TC evaluation's input),
    by the model for the encoder pass of `depth` layers."""
    model = load_model(depth)
    probs = technique_probabilities(doc, spans, ArticleStats.of(doc), model)
    return [[model.classes[j] for j in np.argsort(-row, kind="stable")] for row in probs]


@lru_cache(maxsize=1)
def _reporting_nouns() -> frozenset[str]:
    from .sources import reporting_nouns
    return frozenset(w for words in reporting_nouns().values() for w in words)


def _only_reporting_nouns(span_text: str) -> bool:
    """A span made of reporting nouns alone ("claim", "the allegations") names what was said,
    not how: the tagger marks it in wire copy ("It was not possible to verify this claim")
    where it carries no rhetoric."""
    words = [w.strip(".,;:!?\"'“”‘’()").lower() for w in span_text.split()]
    words = [w for w in words if w and w not in ("the", "this", "that", "these", "those", "a", "an")]
    return bool(words) and all(w in _reporting_nouns() for w in words)


def scored_spans(doc, probs: np.ndarray, stats: ArticleStats, model: TechniqueModel, states,
                 threshold: float | None = None, min_mean: float | None = None):
    """(start, end, score, technique probabilities) of every span decoded from the token
    probabilities `probs` (at the model's threshold and min_mean unless given: the dev step
    of train_techniques.py tries others), cut at reported clauses; `score` is the span's mean
    token probability times its most likely technique's probability, before any floor."""
    threshold = model.si_threshold if threshold is None else threshold
    min_mean = model.si_min_mean if min_mean is None else min_mean
    spans = decode_spans(doc, probs, threshold, model.si_gap, min_mean)
    spans = split_at_reported_clauses(doc, spans, probs, min_mean)
    tech = technique_probabilities(doc, [(s, e) for s, e, _ in spans], stats, model, states)
    return [(start, end, span_p * float(row.max()), row) for (start, end, span_p), row in zip(spans, tech)]


def run(doc, analysis: Analysis, settings: Settings) -> list[dict]:
    model = load_model(settings.encoder_layers)
    stats = ArticleStats.of(doc)
    states = (doc_states(doc, settings.encoder_layers) if model.lstm is not None or model.tc_ctx is not None
              else None)
    probs = token_probabilities(doc, stats, model, states[0] if states else None)
    text = analysis.text
    segments = quoted_segments(text)
    found = []
    for start, end, score, row in scored_spans(doc, probs, stats, model, states):
        order = np.argsort(-row, kind="stable")
        if score < settings.techniques_min_score:
            continue
        technique = model.classes[order[0]]
        if _only_reporting_nouns(text[start:end]):
            continue
        voice = voice_of(start, end, technique, analysis, segments, doc)
        found.append({
            "start": start, "end": end, "text": text[start:end],
            "technique": technique, "score": round(score, 3),
            "alternative": model.classes[order[1]],
            "voice": voice.voice, "speaker": voice.speaker, "in_quote": voice.quote,
        })
    return found


__all__ = ["NAME", "VERSION", "FIELD", "REQUIRES", "run", "load_model", "rank_techniques",
           "TechniqueModel", "load_model_from", "token_probabilities", "decode_spans", "split_at_reported_clauses", "scored_spans",
           "technique_probabilities",
           "doc_states", "span_tagger", "tagger_inputs", "hashed_logits", "context_vectors",
           "TECHNIQUES"]
