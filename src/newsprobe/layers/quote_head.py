"""The attribution layer's acceptance head: would a careful annotator mark this candidate?

The attribution rules (layers/attribution.py) find candidate attributions, each with the
rule that found it and a prior confidence. This head reads `features(record, doc, text,
outlet)`, general facts about the candidate (which rule and content route, the rules'
confidence, the cue's class, hashed lemma, tag and grammatical role, negation, modals,
conditionals and questions around the cue, what kind of mention the source is, the
speaker's kind, the content's length, whether it is a finite clause and whether it is
quoted, where in the article it stands) and gives the probability that the newsroom gold
would mark it (a found match, `eval.newsroom.match_attributions`). A logistic regression,
weights in `models/quote_head.json`, inference in numpy; trained by
`scripts/train_quote_head.py` on research-only labels (MODELS.md, "Quote acceptance head").

The layer re-scores each candidate's `confidence` with the head's probability and leaves out
those below the head's threshold; what it leaves out stays inspectable in the analysis's
`meta.rejected_quotes` (cue, content, speaker, the rule and its confidence, the head's
probability). Setting `attribution.quote_head`: "" the packaged head, "off" the rules
alone, a path another weights file (a cross-pool fold's).
"""

from __future__ import annotations

import json
import math
import zlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from .cue_words import hand_cues, learned_cue_rates

HEAD_FILE = "quote_head.json"
# The head judges the candidates of verb cues only (84% of the candidates of the three
# tuning pools, 56 of their 62 unmarked ones), and of those only the content routes with
# at least five examples there; the rarer rules ("according to", colon transcripts,
# silences, headline dashes, ...) and routes (an unanswered request for comment, which the
# newsroom gold counts as a refusal, had none; an inverted cue, a hearsay infinitive, ...)
# have too few examples to learn from, and keep the rules' decision and confidence.
JUDGED_RULES = ("verb",)
JUDGED_ROUTES = ("", "clause", "final", "object", "parenthetical", "to_complement", "appeal")
LEMMA_BUCKETS = 16

# Coarse rule names (the part before ":"), and the verb cue's content routes.
RULES = ("verb", "according_to", "via", "relay", "per", "as_clause", "known", "speech_object",
         "silence", "evidential", "noun", "colon", "headline_dash", "continuation", "citing",
         "quoting_host")
VERB_ROUTES = ("clause", "final", "inverted", "misparsed_clause", "appeal", "hearsay_infinitive",
               "to_complement", "object", "parenthetical", "closing_split", "unanswered", "")
TYPES = ("direct", "indirect", "mixed")
TAGS = ("VBD", "VBZ", "VBP", "VBN", "VBG", "VB", "NN", "other")
DEPS = ("ROOT", "ccomp", "xcomp", "parataxis", "advcl", "conj", "relcl", "acl", "other")
SOURCE_FORMS = ("none", "pronoun", "first_person", "named", "descriptive")
KINDS = ("person", "official", "government", "organization", "institution", "media", "document",
         "anonymous", "unnamed_official", "rumor", "author", "unknown")
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
MODAL_WORDS = frozenset("may might could would should can must ca 'd".split())
FUTURE_WORDS = frozenset("will 'll wo shall".split())
CONDITIONAL_MARKS = frozenset("if unless whether".split())
QUOTE_MARKS = "“”\"«»„"


def judges(record) -> bool:
    """Whether the head decides this candidate (JUDGED_RULES)."""
    rule, _, route = (record.rule or "").partition(":")
    return rule in JUDGED_RULES and route in JUDGED_ROUTES


def _lemma_bucket(lemma: str) -> int:
    return zlib.crc32(lemma.encode("utf-8")) % LEMMA_BUCKETS


def feature_names() -> list[str]:
    names = [f"rule={r}" for r in RULES] + [f"route={r or 'none'}" for r in VERB_ROUTES]
    names += [f"type={t}" for t in TYPES]
    names += ["confidence", "cue_hand", "cue_learned", "cue_other", "no_cue"]
    names += [f"lemma#{k}" for k in range(LEMMA_BUCKETS)]
    names += [f"tag={t}" for t in TAGS] + [f"dep={d}" for d in DEPS]
    names += ["to_infinitive", "negated", "modal", "future", "conditional", "question"]
    names += [f"source={s}" for s in SOURCE_FORMS] + [f"kind={k}" for k in KINDS]
    names += ["speaker_entity", "speaker_is_outlet", "chain", "nested", "continues", "contests",
              "clause_only", "not_speech", "rumor_forced"]
    names += ["log_content_tokens", "content_pieces", "finite_clause", "quoted_share",
              "cue_after_content", "article_position", "first_sentence", "paragraph_start"]
    return names


NAMES = feature_names()
INDEX = {n: i for i, n in enumerate(NAMES)}


def _cue_root(doc, cue):
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand") if cue else None
    if span is None or not len(span):
        return None
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")]
    return verbs[-1] if verbs else span.root


def features(record, doc, text: str, outlet: str | None = None) -> np.ndarray:
    """The candidate's feature vector (NAMES), read after speakers are resolved."""
    x = np.zeros(len(NAMES), dtype=np.float64)

    def on(name: str, value: float = 1.0) -> None:
        x[INDEX[name]] = value

    rule, _, route = (record.rule or "verb").partition(":")
    on(f"rule={rule}" if rule in RULES else "rule=verb")
    if rule == "verb":
        on(f"route={route or 'none'}" if route in VERB_ROUTES else "route=none")
    on(f"type={record.type}" if record.type in TYPES else "type=indirect")
    on("confidence", float(record.confidence))
    root = _cue_root(doc, record.cue)
    if root is None:
        on("no_cue")
    else:
        lemma = root.lemma_.lower()
        if lemma in hand_cues():
            on("cue_hand")
        elif lemma in learned_cue_rates():
            on("cue_learned")
        else:
            on("cue_other")
        on(f"lemma#{_lemma_bucket(lemma)}")
        tag = root.tag_
        on(f"tag={tag}" if tag in TAGS else ("tag=NN" if tag.startswith("NN") else "tag=other"))
        on(f"dep={root.dep_}" if root.dep_ in DEPS else "dep=other")
        kids = list(root.children)
        on("to_infinitive", float(any(c.dep_ == "aux" and c.tag_ == "TO" for c in kids)))
        on("negated", float(any(c.dep_ == "neg" or c.lower_ in ("not", "n't", "never") for c in kids)))
        on("modal", float(any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODAL_WORDS for c in kids)))
        on("future", float(any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_WORDS for c in kids)))
        heads = [root, *root.ancestors]
        on("conditional", float(any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS
                                    for h in heads for c in h.children)))
        on("question", float(root.sent.text.rstrip().rstrip("”\"’'").endswith("?")))
    tokens = [t for t in record.source_tokens if not t.is_punct]
    if not tokens:
        form = "none"
    elif all(t.pos_ == "PRON" for t in tokens):
        form = "first_person" if any(t.lower_ in FIRST_PERSON for t in tokens) else "pronoun"
    elif any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in tokens):
        form = "named"
    else:
        form = "descriptive"
    on(f"source={form}")
    speaker = record.speaker
    kind = speaker.kind if speaker is not None else "unknown"
    on(f"kind={kind}" if kind in KINDS else "kind=unknown")
    if speaker is not None:
        on("speaker_entity", float(speaker.entity is not None))
        name = (speaker.name or "").lower()
        on("speaker_is_outlet", float(kind == "author" or bool(outlet and name and (
            name in outlet.lower() or outlet.lower().split(".")[0] in name))))
    on("chain", float(bool(record.chain)))
    on("nested", float(record.parent is not None))
    on("continues", float(record.continues))
    on("contests", float(record.contests))
    on("clause_only", float(record.clause_only))
    on("not_speech", float(not record.speech))
    on("rumor_forced", float(record.forced_kind == "rumor"))
    pieces = sorted(record.content)
    words = [t for s, e in pieces for t in (doc.char_span(s, e, alignment_mode="expand") or []) if not t.is_punct]
    on("log_content_tokens", math.log1p(len(words)))
    on("content_pieces", float(min(len(pieces), 3)))
    on("finite_clause", float(any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in words)))
    chars = sum(e - s for s, e in pieces) or 1
    quoted = 0
    for s, e in pieces:
        piece = text[max(0, s - 1):min(len(text), e + 1)]
        if piece[:1] in QUOTE_MARKS or piece[-1:] in QUOTE_MARKS or any(m in piece for m in "“”"):
            quoted += e - s
    on("quoted_share", min(1.0, quoted / chars))
    if record.cue and pieces:
        on("cue_after_content", float(record.cue[0] >= pieces[0][1]))
    at = record.cue[0] if record.cue else (pieces[0][0] if pieces else 0)
    on("article_position", at / max(1, len(text)))
    first = next(iter(doc.sents), None)
    on("first_sentence", float(first is not None and at < first.end_char))
    line_start = text.rfind("\n", 0, at) + 1
    sent_start = next((s.start_char for s in doc.sents if s.start_char <= at < s.end_char), at)
    on("paragraph_start", float(not text[line_start:sent_start].strip()))
    return x


class Head:
    def __init__(self, weights: dict, bias: float, threshold: float, mean: list, scale: list, source: str):
        self.w = np.array([weights.get(n, 0.0) for n in NAMES], dtype=np.float64)
        self.bias = float(bias)
        self.threshold = float(threshold)
        self.mean = np.array(mean, dtype=np.float64)
        self.scale = np.array(scale, dtype=np.float64)
        self.source = source

    def probability(self, x: np.ndarray) -> float:
        z = float(((x - self.mean) / self.scale) @ self.w + self.bias)
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=8)
def load_head(path: str = "") -> Head:
    """The packaged head, or the weights file at `path` (a fold's, `attribution.quote_head`)."""
    if path:
        raw = Path(path).read_text("utf-8")
        source = Path(path).name
    else:
        raw = resources.files("newsprobe.models").joinpath(HEAD_FILE).read_text("utf-8")
        source = HEAD_FILE
    d = json.loads(raw)
    if d.get("features") != NAMES:
        raise ValueError(f"{source}: its feature names differ from quote_head.NAMES (retrain it)")
    return Head(dict(zip(d["features"], d["weights"])), d["bias"], d["threshold"],
                d["mean"], d["scale"], source)
