"""Copy detection under machine rewriting, and the meaning changes reported between
versions: a synthetic benchmark built at run time from the gold article bodies of the
extraction set (`../shared/data/extraction/ground-truth.json`; nothing is written to disk).

**Copies.** For each body of the split, a "spun" copy: 10%, 20% or 30% of its content
words replaced by a WordNet synonym (most frequent sense; read from Debian's
`wordnet-base` files in /usr/share/wordnet), and about half of the sentences with a
comma reordered around it ("A, B." -> "B, a."). Each level is a pool of the originals
(unrelated to each other) and their copies; newsprobe's copy detection runs on the pool and
is scored by precision and recall of the (original, copy) pairs. Plain MinHash (word
3-shingles, Jaccard >= 0.5, datasketch LSH then the exact Jaccard) runs on the same pools.

**Changes.** Copies reworded at 10% (outside quotations, never touching names, figures,
negations, hedges or reporting verbs) and reordered, with up to one injected meaning change
of each kind in distinct sentences: an entity swap (a name from another body), a number
change, a negation, a quotation reworded (two words of a quotation replaced by synonyms), a
dropped hedge. A reported change counts as correct when its kind matches and its span in
the copy lies in the changed sentence; precision is over all changes reported between the
(original, copy) pairs found.

Splits: the bodies are cut in two halves by a hash of their id; thresholds were set on
`train` (`--split train`), the figures to quote are on `dev`.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import NewsprobeError

DATA_SET = "extraction"
LEVELS = (0.1, 0.2, 0.3)
WORDNET = Path("/usr/share/wordnet")
CHANGE_KINDS = ("swapped_entity", "changed_number", "negation_flip", "altered_quote", "dropped_hedge")
MIN_BODY_CHARS = 400   # shorter "articles" (captions, stubs) make no copy worth the name
SEED = 13

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


# --- WordNet --------------------------------------------------------------------------

@lru_cache(maxsize=1)
def wordnet_synonyms() -> dict[str, list[str]]:
    """lemma -> the single-word synonyms of its most frequent sense (first POS that has any)."""
    if not (WORDNET / "index.noun").exists():
        raise NewsprobeError("E011", f"WordNet not found in {WORDNET}: apt-get install wordnet-base", "rewrites")
    synonyms: dict[str, list[str]] = {}
    for pos in ("noun", "verb", "adj", "adv"):
        synsets: dict[str, list[str]] = {}
        with open(WORDNET / f"data.{pos}", encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                parts = line.split()
                count = int(parts[3], 16)
                synsets[parts[0]] = [parts[4 + 2 * k].split("(")[0].lower() for k in range(count)]
        with open(WORDNET / f"index.{pos}", encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                parts = line.split()
                lemma, p_cnt = parts[0], int(parts[3])
                first = parts[4 + p_cnt + 2]  # synset offsets follow sense_cnt and tagsense_cnt
                if lemma in synonyms or "_" in lemma:
                    continue
                others = [w for w in synsets.get(first, []) if w != lemma and w.isalpha()]
                if others:
                    synonyms[lemma] = others
    return synonyms


def synonym(word: str) -> str | None:
    """A synonym of `word` keeping a plural -s or past -ed, else None."""
    table, protected = wordnet_synonyms(), _protected()
    # A synonym that is itself a reporting verb, hedge or negation would add meaning.
    if word in table:
        return next((w for w in table[word] if w not in protected), None)
    for suffix, strip in (("s", 1), ("es", 2), ("ed", 2), ("ed", 1)):
        stem = word[:-strip]
        if word.endswith(suffix) and stem in table and len(stem) > 2:
            found = next((w for w in table[stem] if w not in protected), None)
            return found + suffix if found and found + suffix not in protected else None
    return None


@lru_cache(maxsize=1)
def _protected() -> frozenset[str]:
    from ..corpus.changes import CUE_WORDS, HEDGES, _MONTHS, _NEGATIONS, _NUMBER_WORDS
    from ..corpus.fingerprints import STOPWORDS
    return frozenset(STOPWORDS | CUE_WORDS | HEDGES | _NEGATIONS | _NUMBER_WORDS | set(_MONTHS))


def rewrite_words(text: str, share: float, rng: random.Random, skip_quotes: bool = False) -> tuple[str, float]:
    """Replace `share` of the content words (lowercase, not protected) by synonyms.
    Returns the new text and the share of content words actually replaced."""
    protected = _protected()
    quoted = _quoted_ranges(text) if skip_quotes else []
    words = [m for m in _WORD.finditer(text) if m.group(0).islower() and m.group(0) not in protected
             and len(m.group(0)) > 2 and not any(s <= m.start() < e for s, e in quoted)]
    replaceable = [m for m in words if synonym(m.group(0))]
    target = round(share * len(words))
    chosen = sorted(rng.sample(replaceable, min(target, len(replaceable))), key=lambda m: m.start())
    out, at = [], 0
    for m in chosen:
        out.append(text[at:m.start()] + synonym(m.group(0)))
        at = m.end()
    out.append(text[at:])
    return "".join(out), (len(chosen) / len(words) if words else 0.0)


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[“\"][^”\"]{3,}[”\"]", text)]


def reorder_clause(sentence: str) -> str:
    """'A, B.' -> 'B, a.' when both parts have four words or more and no quotation."""
    if '"' in sentence or "“" in sentence or ", " not in sentence:
        return sentence
    head, tail = sentence.split(", ", 1)
    end = tail[-1] if tail[-1] in ".!?" else ""
    tail = tail[:-1] if end else tail
    if len(head.split()) < 4 or len(tail.split()) < 4:
        return sentence
    first = head.split(" ", 1)[0]
    head = (head[0].lower() + head[1:]) if first.istitle() and first.lower() in _protected() else head
    return tail[0].upper() + tail[1:] + ", " + head + end


# --- building the benchmark -----------------------------------------------------------

def read_bodies(data_dir: Path, split: str, limit: int | None) -> list[tuple[str, str]]:
    path = data_dir / "ground-truth.json"
    if not path.exists():
        raise NewsprobeError("E011", f"{path} not found", "rewrites")
    gold = json.loads(path.read_text(encoding="utf-8"))
    rows = [(k, v["articleBody"]) for k, v in sorted(gold.items())
            if len(v.get("articleBody") or "") >= MIN_BODY_CHARS]
    if split in ("train", "dev"):
        rows = [r for r in rows if ("train" if hashlib.sha1(r[0].encode()).digest()[0] % 2 == 0 else "dev") == split]
    return rows[:limit] if limit else rows


def spin(text: str, share: float, rng: random.Random, skip_quotes: bool = False) -> tuple[str, float]:
    """Rewrite words, then reorder clauses in about half of the sentences."""
    from ..corpus.align import sentence_spans
    text, achieved = rewrite_words(text, share, rng, skip_quotes)
    out, at = [], 0
    for s in sentence_spans(text):
        out.append(text[at:s.start] + (reorder_clause(s.text) if rng.random() < 0.5 else s.text))
        at = s.end
    out.append(text[at:])
    return "".join(out), achieved


def inject_changes(text: str, rng: random.Random, names: list[str]) -> tuple[str, list[tuple[str, int, int]]]:
    """Up to one change of each kind, in distinct sentences. Returns the text and the gold
    (kind, sentence start, sentence end) in the new text."""
    from ..corpus.align import sentence_spans
    from ..corpus.changes import HEDGES
    spans = sentence_spans(text)
    order = list(range(len(spans)))
    rng.shuffle(order)
    edits: dict[int, tuple[str, str]] = {}
    present = set(_WORD.findall(text))
    for kind in CHANGE_KINDS:
        for i in order:
            if i in edits:
                continue
            new = _edit(kind, spans[i].text, rng, names, present, HEDGES)
            if new and new != spans[i].text:
                edits[i] = (kind, new)
                break
    out, gold, at, shift = [], [], 0, 0
    for i, s in enumerate(spans):
        out.append(text[at:s.start])
        sentence = edits[i][1] if i in edits else s.text
        start = s.start + shift
        if i in edits:
            gold.append((edits[i][0], start, start + len(sentence)))
        shift += len(sentence) - len(s.text)
        out.append(sentence)
        at = s.end
    out.append(text[at:])
    return "".join(out), gold


_AUX = re.compile(r"\b(is|was|are|were|will|would|can|could|should|has|have|had|does|did)\b(?! not)")
_DIGITS = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})*|\d+)(?![\w.,]\d)")


def _edit(kind: str, sentence: str, rng: random.Random, names: list[str], present: set[str], hedges) -> str | None:
    words = sentence.split()
    if len(words) < 6:
        return None
    if kind == "swapped_entity":
        for m in re.finditer(r"(?<=\w )([A-Z][a-z]{3,})\b", sentence):
            if m.group(1).lower() not in _protected():
                new = next((n for n in rng.sample(names, min(50, len(names))) if n not in present), None)
                if new:
                    return sentence[:m.start(1)] + new + sentence[m.end(1):]
        return None
    if kind == "changed_number":
        for m in _DIGITS.finditer(sentence):
            value = m.group(1).replace(",", "")
            if re.fullmatch(r"(19|20)\d\d", value):
                continue
            return sentence[:m.start(1)] + str(int(value) + rng.randint(2, 9)) + sentence[m.end(1):]
        return None
    if kind == "negation_flip":
        if re.search(r"\b(not|never|no|n't)\b", sentence) or '"' in sentence or "“" in sentence:
            return None
        m = _AUX.search(sentence)
        return sentence[:m.end()] + " not" + sentence[m.end():] if m else None
    if kind == "altered_quote":
        for start, end in _quoted_ranges(sentence):
            inner = sentence[start:end]
            if len(inner.split()) < 5:
                continue
            candidates = [m for m in _WORD.finditer(inner) if m.group(0).islower()
                          and m.group(0) not in _protected() and synonym(m.group(0))]
            if len(candidates) < 2:
                continue
            for m in sorted(rng.sample(candidates, 2), key=lambda m: -m.start()):
                inner = inner[:m.start()] + synonym(m.group(0)) + inner[m.end():]
            return sentence[:start] + inner + sentence[end:]
        return None
    if kind == "dropped_hedge":
        for m in re.finditer(r"\b([a-z]+)\b ?", sentence):
            w = m.group(1)
            if w in hedges:
                replacement = "will " if w in ("may", "might", "could") else ""
                return sentence[:m.start()] + replacement + sentence[m.end():]
        return None
    return None


# --- scoring --------------------------------------------------------------------------

def _prf(tp: int, predicted: int, gold: int) -> dict[str, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "tp": tp, "predicted": predicted, "gold": gold}


def minhash_pairs(texts: list[str], threshold: float = 0.5) -> set[tuple[int, int]]:
    """Plain MinHash: word 3-shingles, LSH at `threshold`, kept when the exact Jaccard is."""
    from datasketch import MinHashLSH

    from ..corpus.fingerprints import jaccard, minhash, word_shingles
    sets = [word_shingles(t) for t in texts]
    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    found = set()
    for i, s in enumerate(sets):
        m = minhash(s)
        for j in lsh.query(m):
            if jaccard(s, sets[j]) >= threshold:
                found.add((min(i, j), max(i, j)))
        lsh.insert(i, m)
    return found


def evaluate(data_dir: Path, split: str = "dev", limit: int | None = None, progress: bool = False,
             **_: Any) -> dict[str, Any]:
    from ..corpus.align import SentenceCache
    from ..corpus.copies import CopyDoc, detect_copies
    from ..corpus.run import copy_settings, default_encoder
    from ..settings import Settings

    started = time.perf_counter()
    bodies = read_bodies(data_dir, split, limit)
    if len(bodies) < 2:
        raise NewsprobeError("E011", f"too few bodies in split {split!r}", "rewrites")
    encode = default_encoder()
    settings = copy_settings(Settings.load())
    sentences = SentenceCache(encode)
    originals = [CopyDoc(f"o:{k}", text) for k, text in bodies]
    n = len(originals)
    result: dict[str, Any] = {"split": split, "bodies": n, "levels": {}}

    for level in LEVELS:
        rng = random.Random(f"{SEED}:{level}")
        spun = [spin(d.text, level, rng) for d in originals]
        copies = [CopyDoc(f"c{level}:{k}", text) for (k, _), (text, _) in zip(bodies, spun)]
        docs = originals + copies
        vectors = encode([d.text for d in docs])
        edges = detect_copies(docs, vectors, sentences, settings)
        index = {d.id: i for i, d in enumerate(docs)}
        found = {(min(index[e.source], index[e.target]), max(index[e.source], index[e.target])) for e in edges}
        gold = {(i, i + n) for i in range(n)}
        base = minhash_pairs([d.text for d in docs])
        result["levels"][f"{int(level * 100)}%"] = {
            "achieved_share": round(sum(a for _, a in spun) / n, 3),
            **_prf(len(found & gold), len(found), len(gold)),
            "kinds": {k: sum(1 for e in edges if e.kind == k) for k in ("verbatim", "rewritten", "partial")},
            "baseline": {"minhash_jaccard_0.5": _prf(len(base & gold), len(base), len(gold))},
        }
    result["changes"] = _evaluate_changes(bodies, originals, encode, sentences, settings)
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def _evaluate_changes(bodies, originals, encode, sentences, settings) -> dict[str, Any]:
    from ..corpus.changes import SentenceView, sentence_changes
    from ..corpus.copies import CopyDoc, detect_copies

    rng = random.Random(f"{SEED}:changes")
    names = sorted({w for _, t in bodies for w in re.findall(r"(?<=\w )([A-Z][a-z]{3,})\b", t)})
    copies, gold = [], {}
    for (k, text) in bodies:
        spun, _ = spin(text, 0.1, rng, skip_quotes=True)
        changed, injected = inject_changes(spun, rng, names)
        copies.append(CopyDoc(f"m:{k}", changed))
        gold[f"m:{k}"] = injected
    docs = originals + copies
    edges = detect_copies(docs, encode([d.text for d in docs]), sentences, settings)
    by_kind = {kind: [0, 0, 0] for kind in CHANGE_KINDS}  # tp, predicted, gold
    for injected in gold.values():
        for kind, _, _ in injected:
            by_kind[kind][2] += 1
    other_predicted: dict[str, int] = {}
    found_pairs = 0
    texts = {d.id: d.text for d in docs}
    for e in edges:
        pair = {e.source, e.target}
        copy_id = next((i for i in pair if i.startswith("m:")), None)
        if copy_id is None or "o:" + copy_id[2:] not in pair:
            continue
        found_pairs += 1
        flipped = e.source == copy_id
        matched: set[int] = set()
        for p in e.pairs:
            orig, copy = (p.target, p.source) if flipped else (p.source, p.target)
            for ch in sentence_changes(SentenceView(orig, texts["o:" + copy_id[2:]]), SentenceView(copy, texts[copy_id])):
                kind = {"changed_date": "changed_number"}.get(ch.kind, ch.kind)
                if kind not in by_kind:
                    other_predicted[kind] = other_predicted.get(kind, 0) + 1
                    continue
                by_kind[kind][1] += 1
                hit = next((g for g, (gk, s, t) in enumerate(gold[copy_id]) if gk == kind and g not in matched
                            and s <= ch.target.start and ch.target.end <= t), None)
                if hit is not None:
                    matched.add(hit)
                    by_kind[kind][0] += 1
    tp = sum(v[0] for v in by_kind.values())
    predicted = sum(v[1] for v in by_kind.values()) + sum(other_predicted.values())
    total_gold = sum(v[2] for v in by_kind.values())
    return {**_prf(tp, predicted, total_gold), "copies_found": found_pairs, "copies": len(copies),
            "by_kind": {k: _prf(*v) for k, v in by_kind.items()}, "other_kinds_reported": other_predicted}


def format_text(result: dict[str, Any]) -> str:
    lines = [f"Rewrites benchmark (extraction gold bodies, split {result['split']}, {result['bodies']} bodies)",
             "  rewriting  copies P / R            plain MinHash J>=0.5 P / R"]
    for level, r in result["levels"].items():
        b = r["baseline"]["minhash_jaccard_0.5"]
        lines.append(f"  {level:>4} ({r['achieved_share']:.2f})  {r['precision']:.3f} / {r['recall']:.3f}"
                     f"          {b['precision']:.3f} / {b['recall']:.3f}")
    c = result["changes"]
    lines.append(f"  meaning changes: P {c['precision']:.3f} R {c['recall']:.3f} "
                 f"({c['tp']} of {c['gold']} injected; {c['predicted']} reported; copies found {c['copies_found']}/{c['copies']})")
    for kind, r in c["by_kind"].items():
        lines.append(f"    {kind:<16} P {r['precision']:.3f} R {r['recall']:.3f} ({r['gold']} injected)")
    if c["other_kinds_reported"]:
        lines.append(f"    other kinds reported (false alarms): {c['other_kinds_reported']}")
    lines.append(f"  {result['seconds']} s")
    return "\n".join(lines)
