"""A learned source-kind head on top of the rules of `sources.py` (issue 14, item 3).

The rules (`speaker_for`, `settle_kinds`) give every quote's speaker a kind. This head
reads general features of the speaker mention and its context (`features`: the rules'
kind, the class and determiner of the head noun, the entity label, whether the name is an
outlet, titles and appositions, the cue, anonymity phrases, the phrase's words hashed into
a small space) and gives a probability for each kind the newsroom annotation uses. Where
it is confident (`Head.min_probability`) and disagrees with the rules, its kind replaces
the rules' one, and the speaker's `kind_evidence` says so ("decided_by": "model", the
rules' kind it replaced and the probability). One kind per speaker per article stays: the
mentions of one speaker (its entity, else its name) are decided together, on the sum of
their probabilities.

Multinomial logistic regression, inference in numpy; the weights are a small JSON
(`models/kind_head.json`, MODELS.md "Source-kind head") written by
`scripts/train_kind_head.py`. Setting `attribution.kind_head`: empty for the packaged
head, "off" for the rules alone, or the path of another weights file (cross-pool folds).
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..model import Speaker
from .sources import (COMPANY_WORDS, EXPERT_WORDS, HONORIFICS, OFFICIALDOM, PERSON_NOUNS, PUBLIC_BODY_WORDS,
                      ROLE_PEOPLE, SERVICE_WORDS, SPOKESPERSONS, UNNAMED_BODIES, UNNAMED_WORDS, VAGUE_QUANTIFIERS,
                      WITHHELD, EntityIndex, is_known_outlet, kind_words, reporting_nouns)

HEAD_FILE = "kind_head.json"
# The kinds of the newsroom annotation (the eval's gold kinds); government and
# organization are institution there.
KINDS = ("institution", "official", "person", "media", "anonymous", "document", "rumor",
         "unnamed_official", "author")
V1_KINDS = {"government": "institution", "organization": "institution"}
HASH_BUCKETS = 64
# scripts/train_kind_head.py sets a list here to receive every article's speakers, their
# rules' kinds and features; None in the product.
COLLECT: list | None = None
_ANONYMITY = re.compile(r"\b(familiar with|close to the|on condition|speaking privately|not authori[sz]ed|"
                        r"anonymity|declined to be (named|identified)|asked not to be (named|identified)|"
                        r"people with knowledge|insider)\b", re.I)
_HEARSAY = re.compile(r"\b(reportedly|rumou?r|allegedly|is said to|are said to|it is claimed|social media)\b", re.I)


def _bucket(word: str) -> int:
    return zlib.crc32(word.encode("utf-8")) % HASH_BUCKETS


@lru_cache(maxsize=None)
def _classes() -> dict[str, frozenset[str]]:
    """Word classes a head noun or a descriptor may fall in, from the rules' own lists."""
    kinds, nouns = kind_words(), reporting_nouns()
    classes = {f"lex_{name}": frozenset(words) for name, words in kinds.items()}
    classes.update({f"noun_{name}": frozenset(words) for name, words in nouns.items()})
    classes.update({
        "officialdom": OFFICIALDOM, "spokesperson": SPOKESPERSONS, "role_person": ROLE_PEOPLE,
        "person_noun": frozenset(PERSON_NOUNS), "expert": EXPERT_WORDS, "unnamed_body": UNNAMED_BODIES,
        "public_body": PUBLIC_BODY_WORDS, "company": COMPANY_WORDS, "service": SERVICE_WORDS,
        "unnamed": UNNAMED_WORDS, "vague": VAGUE_QUANTIFIERS, "honorific": HONORIFICS,
    })
    return classes


def _word_classes(word: str) -> list[str]:
    return [name for name, words in _classes().items() if word in words]


def _head_of(tokens: list):
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return tokens[0]


def features(speaker: Speaker, source_tokens: list, cue_tokens: list, index: EntityIndex,
             continues: bool = False) -> dict[str, float]:
    """General features of one quote's speaker for the kind head, binary: the rules' kind,
    the head noun (its class, its lemma when a common noun, tag, determiner, number), the
    modifiers' classes, the speaker's entity (label, outlet, described words' classes,
    title before a mention), the cue's lemma, anonymity and hearsay phrases in the
    sentence, and the words of the phrase and the name hashed into `HASH_BUCKETS`."""
    f: dict[str, float] = {"bias": 1.0}
    rule = V1_KINDS.get(speaker.kind, speaker.kind)
    f[f"rule={rule}"] = 1.0
    if speaker.kind != rule:
        f[f"rule_fine={speaker.kind}"] = 1.0
    if continues:
        f["continues"] = 1.0
    name_words = [w.strip(".,'’\"“”").lower() for w in speaker.name.split()]
    name_words = [w for w in name_words if w]
    if speaker.name and speaker.name[:1].isupper():
        f["name_capitalised"] = 1.0
    if len(name_words) == 1:
        f["name_one_word"] = 1.0
    for w in name_words:
        f[f"nw#{_bucket(w)}"] = 1.0
        for cls in _word_classes(w):
            f[f"name_class={cls}"] = 1.0
    entity = next((e for e in index.entities if e.id == speaker.entity), None) if speaker.entity else None
    if entity is None:
        f["no_entity"] = 1.0
    else:
        f[f"label={entity.label}"] = 1.0
        if entity.id in index.outlets or is_known_outlet(entity.name):
            f["outlet"] = 1.0
        f["mentions>2"] = float(len(entity.mentions) > 2)
        own = set(entity.name.lower().split())
        for w in index.descriptors.get(entity.id, set()) - own:
            for cls in _word_classes(w):
                f[f"desc_class={cls}"] = 1.0
            f[f"dw#{_bucket(w)}"] = 1.0
        text = index.text
        for m in entity.mentions[:6]:
            before = text[max(0, m.start - 24):m.start].split()
            if before and before[-1].strip(".").lower() in kind_words()["official"]:
                f["title_before"] = 1.0
            if before and before[-1].strip(".").lower() in HONORIFICS:
                f["honorific_before"] = 1.0
    tokens = [t for t in source_tokens if not t.is_punct]
    if not tokens:
        f["no_source_tokens"] = 1.0
    else:
        head = _head_of(tokens)
        lemma = head.lemma_.lower()
        f[f"head_pos={head.pos_}"] = 1.0
        f[f"head_tag={head.tag_}"] = 1.0
        if head.pos_ == "NOUN":
            f[f"head={lemma}"] = 1.0
        for cls in set(_word_classes(lemma) + _word_classes(head.lower_)):
            f[f"head_class={cls}"] = 1.0
        if head.tag_ in ("NNS", "NNPS"):
            f["plural"] = 1.0
        det = next((c.lower_ for c in head.children if c.dep_ in ("det", "poss")), None)
        f[f"det={det if det in ('a', 'an', 'the', 'some', 'one', 'its', 'their', 'his', 'her') else ('other' if det else 'none')}"] = 1.0
        if any(c.dep_ == "poss" for c in head.children):
            f["possessor"] = 1.0
        for c in head.children:
            if c.dep_ in ("amod", "compound", "nmod"):
                for cls in _word_classes(c.lower_) + _word_classes(c.lemma_.lower()):
                    f[f"mod_class={cls}"] = 1.0
                if c.ent_type_:
                    f[f"mod_ent={c.ent_type_}"] = 1.0
            if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from", "with", "close", "familiar"):
                f[f"prep={c.lower_}"] = 1.0
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if objs and objs[0].ent_type_:
                    f[f"prep_ent={objs[0].ent_type_}"] = 1.0
            if c.dep_ == "appos":
                f["apposition"] = 1.0
                for cls in _word_classes(c.lemma_.lower()):
                    f[f"appos_class={cls}"] = 1.0
            if c.dep_ in ("acl", "relcl"):
                f["clause_on_head"] = 1.0
        if head.ent_type_:
            f[f"head_ent={head.ent_type_}"] = 1.0
        for t in tokens:
            if t.pos_ != "PROPN":
                f[f"pw#{_bucket(t.lemma_.lower())}"] = 1.0
        sent = head.sent.text
        if _ANONYMITY.search(sent):
            f["anonymity_phrase"] = 1.0
        if WITHHELD.search(sent):
            f["withheld"] = 1.0
        if _HEARSAY.search(sent):
            f["hearsay_phrase"] = 1.0
    if cue_tokens:
        cue = cue_tokens[0]
        f[f"cue={cue.lemma_.lower()}"] = 1.0
        f[f"cue_tag={cue.tag_}"] = 1.0
        if not tokens and _HEARSAY.search(cue.sent.text):
            f["hearsay_phrase"] = 1.0
    else:
        f["no_cue"] = 1.0
    return f


@dataclass(frozen=True)
class Head:
    """Multinomial logistic regression: a weight row per feature name (one weight per
    class), a bias per class; `min_probability`: the head's kind replaces the rules' one
    only when its probability reaches this."""
    classes: tuple[str, ...]
    weights: dict[str, np.ndarray]
    bias: np.ndarray
    min_probability: float = 0.0
    group: bool = True

    def probabilities(self, feats: dict[str, float]) -> np.ndarray:
        z = self.bias.astype(np.float64).copy()
        for name, value in feats.items():
            row = self.weights.get(name)
            if row is not None:
                z += value * row
        z -= z.max()
        p = np.exp(z)
        return p / p.sum()


def read_head(data: dict) -> Head:
    classes = tuple(data["classes"])
    weights = {k: np.asarray(v, dtype=np.float64) for k, v in data["weights"].items()}
    return Head(classes, weights, np.asarray(data["bias"], dtype=np.float64),
                float(data.get("min_probability", 0.0)), bool(data.get("group", True)))


@lru_cache(maxsize=4)
def load_head(path: str = "") -> Head | None:
    """The head in `path`, or the packaged `models/kind_head.json` for "" (None when the
    package has none: the rules decide)."""
    if path:
        return read_head(json.loads(Path(path).read_text("utf-8")))
    try:
        text = resources.files("newsprobe").joinpath("models", HEAD_FILE).read_text("utf-8")
    except (FileNotFoundError, OSError):
        return None
    return read_head(json.loads(text))


def _key(speaker: Speaker) -> str:
    return speaker.entity or speaker.name.lower()


def apply(items: list[tuple[Speaker, dict[str, float]]], head: Head) -> None:
    """Decide the kinds of one article's speakers, in place: `items` holds each quote's
    speaker with its `features`. The mentions of one speaker (entity, else name) are
    decided together on their summed probabilities. A speaker the rules left `unknown`
    takes the head's kind whatever its probability (unknown is never the right kind),
    unless the text has no mention of it or the mention is a pronoun nothing resolved;
    the writer (`author`) stays the rules' call."""
    groups: dict[str, list[tuple[Speaker, np.ndarray]]] = {}
    for n, (speaker, feats) in enumerate(items):
        if speaker.kind == "author" or (speaker.kind == "unknown" and (
                "no_source_tokens" in feats or "head_pos=PRON" in feats)):
            # the writer is the rules' call; so is a speaker the text never mentions
            # ("it is claimed", a paragraph that continues a quote), where the head has
            # only the cue to go on and the claims layer's agentless rules read the
            # unknown kind, and a pronoun nothing resolved ("he", "they"): who it is is
            # open, so its kind is too (nesting reads that unknown as unresolved)
            continue
        # an unresolved mention ("he", "unknown") is nobody else's: decided alone
        alone = not head.group or (speaker.kind == "unknown" and speaker.entity is None)
        key = str(n) if alone else _key(speaker)
        groups.setdefault(key, []).append((speaker, head.probabilities(feats)))
    for members in groups.values():
        p = sum(prob for _, prob in members) / len(members)
        best = int(np.argmax(p))
        kind = head.classes[best]
        for speaker, _ in members:
            if p[best] < head.min_probability and speaker.kind != "unknown":
                continue  # an unknown kind is never right: the head's best guess replaces it
            rule = V1_KINDS.get(speaker.kind, speaker.kind)
            if rule == kind:
                continue
            speaker.kind_evidence = {"decided_by": "model", "rule_kind": rule,
                                     "probability": round(float(p[best]), 3)}
            speaker.kind = kind


__all__ = ["KINDS", "Head", "apply", "features", "load_head", "read_head"]
