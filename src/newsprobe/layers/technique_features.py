"""Features for the persuasion-technique models, shared by the layer and the training script.

Two models use them (see MODELS.md, "Persuasion techniques"):

- **span identification** tags each token as inside a technique span or not, from
  `token_features`: the word and its neighbours, spaCy tags and dependencies, casing,
  punctuation of the sentence, hits in a small hand-written cue lexicon, and *repetition*
  (how often the token's lemma and its bigram recur elsewhere in the article);
- **technique classification** labels a span from `span_features`: the span's words and
  edges, its context, cue hits, its length and how often its text recurs in the article
  (Repetition is the class that most needs this). The MiniLM vectors both models also
  read come from the layer (techniques.doc_states), not from here.

Features are strings hashed into a fixed-width vector (`hash_features`), so the committed
model is a weight vector, not a vocabulary. Both models must see exactly the same feature
code at training and at run time: change anything here and retrain (bump FEATURES_VERSION,
which the model file records and the layer checks).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from rapidfuzz import fuzz
from scipy import sparse

from ..hashing import buckets, hash_rows

FEATURES_VERSION = 3  # 2: LSTM tagger over MiniLM token states; 3: span extras and span-set features (TC only)

# The 14 classes of the Propaganda Techniques Corpus v2 (SemEval-2020 Task 11), in our
# snake_case names, mapped from the corpus's own labels.
PTC_LABELS = {
    "Loaded_Language": "loaded_language",
    "Name_Calling,Labeling": "name_calling_labeling",
    "Repetition": "repetition",
    "Exaggeration,Minimisation": "exaggeration_minimisation",
    "Doubt": "doubt",
    "Appeal_to_fear-prejudice": "appeal_to_fear_prejudice",
    "Flag-Waving": "flag_waving",
    "Causal_Oversimplification": "causal_oversimplification",
    "Slogans": "slogans",
    "Appeal_to_Authority": "appeal_to_authority",
    "Black-and-White_Fallacy": "black_and_white_fallacy",
    "Thought-terminating_Cliches": "thought_terminating_cliches",
    "Whataboutism,Straw_Men,Red_Herring": "whataboutism_straw_men_red_herring",
    "Bandwagon,Reductio_ad_hitlerum": "bandwagon_reductio_ad_hitlerum",
}
TECHNIQUES = tuple(PTC_LABELS.values())

# Widths of the hashed feature spaces: 2^18 buckets keep collisions rare for the token
# tagger's ~1M distinct feature strings; the span classifier sees fewer and has 14 weight
# rows, so 2^16 keeps its model file near a megabyte.
SI_BUCKETS = 2 ** 18
TC_BUCKETS = 2 ** 16

_QUOTE_CHARS = set("\"“”«»„")
_WORD = re.compile(r"[a-z0-9']+")
# Two spans of one article whose word sets match at least this well (rapidfuzz
# token_set_ratio, 0-100) count as a fuzzy recurrence ("the deep state" / "this deep state").
_FUZZY_RECURRENCE = 85
_MAX_CUE_WORDS = 5


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[tuple[str, ...], frozenset[str]]:
    """Lower-cased word tuple -> cue categories, from lexicons/technique_cues.txt."""
    table: dict[tuple[str, ...], set[str]] = {}
    text = resources.files("newsprobe.layers").joinpath("lexicons/technique_cues.txt").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        category, phrase = line.split("\t", 1)
        table.setdefault(tuple(phrase.strip().lower().split()), set()).add(category)
    return {k: frozenset(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def _cue_first_words() -> frozenset[str]:
    return frozenset(phrase[0] for phrase in cue_lexicon())


def _norm(token) -> str:
    return token.text.lower().replace("’", "'")


@dataclass
class ArticleStats:
    """What the features need to know about the whole article, computed once per Doc."""

    lemma_counts: Counter
    bigram_counts: Counter
    cues: list[set[str]]          # token index -> cue categories of lexicon hits covering it
    lower_text: str               # for counting repeated phrases
    # doc.text, once: spaCy rebuilds it on every access (O(n)), and a span loop that read
    # it took 38 s of 58 on an article with 500 quotes.
    text: str = ""

    @classmethod
    def of(cls, doc) -> "ArticleStats":
        lemmas = Counter(t.lemma_.lower() for t in doc if t.is_alpha and not t.is_stop)
        words = [_norm(t) for t in doc]
        bigrams = Counter(zip(words, words[1:]))
        cues: list[set[str]] = [set() for _ in doc]
        lexicon = cue_lexicon()
        starts = _cue_first_words()
        lemma_words = [t.lemma_.lower() for t in doc]
        for i in range(len(doc)):
            # Only a token that begins some cue phrase (as a word or a lemma) can start a hit.
            if words[i] not in starts and lemma_words[i] not in starts:
                continue
            for n in range(1, _MAX_CUE_WORDS + 1):
                if i + n > len(doc):
                    break
                for seq in (tuple(words[i:i + n]), tuple(lemma_words[i:i + n])):
                    hit = lexicon.get(seq)
                    if hit:
                        for j in range(i, i + n):
                            cues[j].update(hit)
        text = doc.text
        return cls(lemmas, bigrams, cues, text.lower().replace("’", "'"), text)

    def repeats(self, phrase: str) -> int:
        """Occurrences of `phrase` (case-insensitive) in the article, itself included."""
        phrase = phrase.lower().replace("’", "'").strip()
        if len(phrase) < 3:
            return 1
        return max(1, self.lower_text.count(phrase))


def _bucket(n: int) -> str:
    """A count as a coarse bucket: 1, 2, 3-4, 5+."""
    return "1" if n <= 1 else "2" if n == 2 else "3" if n <= 4 else "5"


def _shape(token) -> str:
    t = token.text
    if t.isupper() and len(t) > 1:
        return "UPPER"
    if t.istitle():
        return "Title"
    if t.islower():
        return "lower"
    if any(c.isdigit() for c in t):
        return "digit"
    return "other"


def _sentence_features(sent, stats: ArticleStats) -> list[str]:
    text = sent.text
    feats = [f"slen={min(len(sent) // 10, 6)}"]
    if "!" in text:
        feats.append("s!")
    if "?" in text:
        feats.append("s?")
    if any(c in _QUOTE_CHARS for c in text):
        feats.append("squote")
    cats = set().union(*(stats.cues[t.i] for t in sent)) if len(sent) else set()
    feats.extend(f"scue={c}" for c in cats)
    # The sentence's content words: a cheap stand-in for a sentence embedding, telling the
    # tagger what the sentence is about (propaganda clusters in some sentences).
    feats.extend(f"sw={t.lemma_.lower()}" for t in sent if t.is_alpha and not t.is_stop)
    return feats


def token_features(doc, stats: ArticleStats | None = None) -> list[list[str]]:
    """One list of feature strings per token of `doc`: its own, then its sentence's."""
    own, sentence_feats, sent_of = token_feature_parts(doc, stats)
    return [f + sentence_feats[k] for f, k in zip(own, sent_of)]


def token_feature_parts(doc, stats: ArticleStats | None = None) -> tuple[list[list[str]], list[list[str]], list[int]]:
    """`token_features` in two parts: each token's own feature strings, each sentence's
    (every token of the sentence carries them), and each token's sentence number."""
    stats = stats or ArticleStats.of(doc)
    n_tokens = len(doc)
    # Each token's attributes read once (a neighbour's or head's would build a Token).
    words = [_norm(t) for t in doc]
    lemmas = [t.lemma_.lower() for t in doc]
    pos = [t.pos_ for t in doc]
    heads = [t.head.i for t in doc]
    own: list[list[str]] = [[] for _ in doc]
    sentence_feats: list[list[str]] = []
    sent_of = [0] * n_tokens
    for k, sent in enumerate(doc.sents):
        sentence_feats.append(_sentence_features(sent, stats))
        start, end = sent.start, sent.end
        quote_open = False
        for t in sent:
            i = t.i
            sent_of[i] = k
            w, p, head = words[i], pos[i], heads[i]
            f = [f"w={w}", f"l={lemmas[i]}", f"p={p}", f"t={t.tag_}", f"d={t.dep_}",
                 f"sh={_shape(t)}", f"suf={w[-3:]}", f"hd={lemmas[head]}",
                 f"dp={t.dep_}>{pos[head]}", "bias",
                 f"w-2={words[i - 2] if i - 2 >= start else '<s>'}"]
            if i - 1 >= start:
                f += [f"w-1={words[i - 1]}", f"p-1={pos[i - 1]}|{p}"]
            else:
                f.append("w-1=<s>")
            if i + 1 < end:
                f += [f"w1={words[i + 1]}", f"p1={pos[i + 1]}|{p}"]
            else:
                f.append("w1=<s>")
            f.append(f"w2={words[i + 2] if i + 2 < end else '<s>'}")
            if i == start:
                f.append("first")
            if i == end - 1:
                f.append("last")
            if t.is_title and i != start and not t.ent_type_:
                f.append("midtitle")
            if t.text in _QUOTE_CHARS or (t.text in ("'", "''", "``") and t.is_punct):
                quote_open = not quote_open
            elif quote_open:
                f.append("inquote")
            f.extend(f"cue={c}" for c in stats.cues[i])
            if t.is_alpha and not t.is_stop:
                n = stats.lemma_counts[lemmas[i]]
                f.append(f"rep={_bucket(n)}")
                if n > 1:
                    f.append(f"rep|p={p}")
            if i + 1 < n_tokens:
                f.append(f"rep2={_bucket(stats.bigram_counts[(w, words[i + 1])])}")
            own[i] = f
    return own, sentence_feats, sent_of


def token_feature_matrix(doc, stats: ArticleStats, n_features: int) -> sparse.csr_matrix:
    """`hash_features(token_features(doc, stats), n_features)`, the same matrix, built with
    each sentence's feature strings hashed once instead of once per token (they are about
    half of all the strings)."""
    own, sentence_feats, sent_of = token_feature_parts(doc, stats)
    n_tokens = len(own)
    own_cols = buckets([f for fs in own for f in fs], n_features)
    sent_cols = buckets([f for fs in sentence_feats for f in fs], n_features)
    own_len = np.fromiter(map(len, own), dtype=np.int64, count=n_tokens)
    sent_len = np.fromiter(map(len, sentence_feats), dtype=np.int64, count=len(sentence_feats))
    sent_start = np.concatenate([[0], np.cumsum(sent_len)[:-1]]).astype(np.int64)
    of = np.asarray(sent_of, dtype=np.int64)
    # Each token's sentence columns: its sentence's run of sent_cols.
    tok_sent_len = sent_len[of] if n_tokens else np.zeros(0, dtype=np.int64)
    run_start = np.repeat(np.cumsum(tok_sent_len) - tok_sent_len, tok_sent_len)
    at = np.repeat(sent_start[of], tok_sent_len) + (np.arange(int(tok_sent_len.sum())) - run_start)
    rows = np.concatenate([np.repeat(np.arange(n_tokens), own_len), np.repeat(np.arange(n_tokens), tok_sent_len)])
    cols = np.concatenate([own_cols, sent_cols[at]])
    X = sparse.csr_matrix((np.ones(len(cols), dtype=np.float32), (rows, cols)), shape=(n_tokens, n_features))
    X.sum_duplicates()
    X.data[:] = 1.0  # a feature counts once per row
    return X


def span_tokens(doc, start: int, end: int):
    """The doc's tokens overlapping [start, end)."""
    return list(doc.char_span(start, end, alignment_mode="expand") or ())  # not a scan of the doc per span


def span_features(doc, start: int, end: int, stats: ArticleStats) -> tuple[list[str], list[float]]:
    """Hashed-feature strings and dense numbers describing the span [start, end)."""
    toks = span_tokens(doc, start, end)
    text = stats.text[start:end]
    words = [_norm(t) for t in toks] or ["<empty>"]
    f = [f"u={w}" for w in words]
    f += [f"lm={t.lemma_.lower()}" for t in toks if t.is_alpha]
    f += [f"b={a}_{b}" for a, b in zip(words, words[1:])]
    f += [f"first={words[0]}", f"last={words[-1]}", f"n={min(len(words), 12)}", "bias"]
    f += [f"pos={t.pos_}" for t in toks]
    if toks:
        before = doc[max(0, toks[0].i - 3):toks[0].i]
        after = doc[toks[-1].i + 1:toks[-1].i + 4]
        f += [f"L={_norm(t)}" for t in before] + [f"R={_norm(t)}" for t in after]
        sent = toks[0].sent
        f += [f"s={t.lemma_.lower()}" for t in sent if t.is_alpha and not t.is_stop]
        if "?" in sent.text:
            f.append("s?")
        if "!" in sent.text:
            f.append("s!")
        if len(toks) >= 0.8 * len(sent):
            f.append("wholesent")
        f.append(f"root={toks[0].sent.root.lemma_.lower()}")
        for t in toks:
            f.extend(f"cue={c}" for c in stats.cues[t.i])
    repeats = stats.repeats(text)
    f.append(f"rep={_bucket(repeats)}")
    if repeats > 1 and len(words) <= 4:
        f.append("rep_short")
    lemma_rep = max((stats.lemma_counts[t.lemma_.lower()] for t in toks
                     if t.is_alpha and not t.is_stop), default=0)
    f.append(f"lrep={_bucket(lemma_rep)}")
    if any(c.isupper() for c in text) and text.upper() == text and len(text) > 3:
        f.append("allcaps")
    if any(c in _QUOTE_CHARS for c in text):
        f.append("quote")
    f += _span_shape_features(toks, start, end, stats)
    dense = [math.log1p(len(words)), math.log1p(repeats - 1), math.log1p(lemma_rep),
             float("?" in text), float("!" in text)]
    return f, dense


def _span_shape_features(toks, start: int, end: int, stats: ArticleStats) -> list[str]:
    """Length in characters (bucketed), quoted, ending in '!' or '?', and the span's head
    word (the token whose head lies outside the span): its lemma, POS and dependency."""
    text, n = stats.text[start:end], end - start
    f = [f"clen={0 if n < 10 else 1 if n < 20 else 2 if n < 40 else 3 if n < 80 else 4 if n < 160 else 5}"]
    before, after = stats.text[max(0, start - 2):start], stats.text[end:end + 2]
    if any(c in _QUOTE_CHARS or c == "'" for c in before) and any(c in _QUOTE_CHARS or c == "'" for c in after):
        f.append("quoted")
    if text.endswith("!") or after.startswith("!"):
        f.append("end!")
    if text.endswith("?") or after.startswith("?"):
        f.append("end?")
    if toks:
        heads = [t for t in toks if not toks[0].i <= t.head.i <= toks[-1].i or t.head.i == t.i]
        h = heads[0] if heads else toks[0]
        f += [f"hl={h.lemma_.lower()}", f"hp={h.pos_}", f"hd={h.dep_}"]
    return f


def _span_key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower().replace("’", "'")))


def span_set_features(stats: ArticleStats, spans: list[tuple[int, int]]) -> list[tuple[list[str], list[float]]]:
    """Features of each span relative to the article's *other* spans (the gold spans in the
    TC evaluation, the predicted ones in the layer): how many have the same words
    (exactly, or fuzzily), whether this is the first or a later one, and how often and how
    recently the span's text occurred earlier in the article. Repetition, PTC's third most
    frequent class, is defined by such recurrence."""
    keys = [_span_key(stats.text[s:e]) for s, e in spans]
    out = []
    for k, (s, e) in enumerate(spans):
        key = keys[k]
        same = [j for j, other in enumerate(keys) if j != k and key and other == key]
        fuzzy = [j for j, other in enumerate(keys) if j != k and key and other and other != key
                 and fuzz.token_set_ratio(key, other) >= _FUZZY_RECURRENCE]
        earlier = any(spans[j][0] < s for j in same)
        f = [f"ss={_bucket(len(same) + 1)}", f"sf={_bucket(len(fuzzy) + 1)}"]
        if same:
            f.append("ss_later" if earlier else "ss_first")
        if fuzzy:
            f.append("sf_later" if any(spans[j][0] < s for j in fuzzy) else "sf_first")
        phrase = stats.text[s:e].lower().replace("’", "'").strip()
        before = stats.lower_text.count(phrase, 0, s) if len(phrase) >= 3 else 0
        f.append(f"prevtxt={_bucket(before + 1)}")
        if before:
            f.append(f"pdist={min(int(math.log1p(s - stats.lower_text.rfind(phrase, 0, s))), 10)}")
        out.append((f, [math.log1p(len(same)), math.log1p(len(fuzzy)), math.log1p(before), float(earlier)]))
    return out


def article_span_features(doc, spans: list[tuple[int, int]],
                          stats: ArticleStats) -> tuple[list[list[str]], np.ndarray]:
    """The classifier's hashed-feature rows and dense numbers for all spans of one article
    (span_features plus span_set_features, which needs the spans together)."""
    rows, dense = [], []
    if not spans:
        return rows, np.zeros((0, 9), dtype=np.float32)  # 5 span numbers + 4 span-set numbers
    for (s, e), (set_f, set_x) in zip(spans, span_set_features(stats, spans)):
        f, x = span_features(doc, s, e, stats)
        rows.append(f + set_f)
        dense.append(x + set_x)
    return rows, np.asarray(dense, dtype=np.float32)


def hash_features(rows: list[list[str]], n_features: int) -> sparse.csr_matrix:
    """Feature-string rows as a sparse 0/1 matrix (murmurhash3, deterministic)."""
    X = hash_rows(rows, n_features)  # scikit-learn's FeatureHasher, without importing it
    X.data[:] = 1.0  # a feature counts once per row
    return X.tocsr().astype(np.float32)


__all__ = ["FEATURES_VERSION", "PTC_LABELS", "TECHNIQUES", "SI_BUCKETS", "TC_BUCKETS",
           "ArticleStats", "token_features", "token_feature_parts", "token_feature_matrix", "span_features", "span_set_features",
           "article_span_features", "span_tokens", "hash_features",
           "cue_lexicon"]
