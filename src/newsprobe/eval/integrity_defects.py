"""Defect injectors for the integrity benchmark: each takes a clean article (its text, the
spaCy Doc and the Analysis of it) and a seeded `random.Random`, and returns a `Defect`:
the damaged text and where the damage is, or None when the article offers no place for
that defect (no direct quote to reword, no name mentioned twice, no repeated quantity).

The damage imitates what scraping and spinning do, following the issue's list:
- stray_fragment: two (sometimes one or three) lower-case words of the article inserted
  before a sentence: at the text start, a paragraph start or inside a paragraph;
- truncated_sentence: a sentence cut after a word that needs a continuation (an article,
  preposition, conjunction, "to", or an adjective after a determiner): either the rest of
  its paragraph is lost, or the cut sentence runs into the next one;
- inconsistent_quote: a direct quote of a named speaker repeated later in a new
  paragraph, reworded (one or two word swaps, a function word changed, a word dropped);
- name_variant: one later mention of a person's surname misspelt (a swap of two
  letters, a letter dropped or typed with its keyboard neighbour);
- inconsistent_number: a prose sentence with a count ("cut 300 jobs") given again in a
  later paragraph with another value (see `inconsistent_number` for why not in place).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from ..layers.integrity_consistency import in_table_row, translit_key


@dataclass
class Defect:
    kind: str
    text: str
    spans: list[tuple[int, int]]   # where the damage is, in `text`
    variant: str = ""


def _insert(text: str, at: int, piece: str) -> str:
    return text[:at] + piece + text[at:]


def _paragraph_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end == -1 else end


# --- stray fragments ---------------------------------------------------------------

def stray_fragment(text: str, doc, analysis, rng: random.Random) -> Defect | None:
    words = [t.text for t in doc if t.is_alpha and t.text.islower() and len(t.text) > 2]
    starts = [s for s in doc.sents if s[0].is_alpha and s[0].text[:1].isupper() and len(s) > 4]
    if len(words) < 10 or not starts:
        return None
    n_words = rng.choice((1, 2, 2, 2, 3))
    i = rng.randrange(len(words) - n_words)
    piece = " ".join(words[i:i + n_words])
    variant = rng.choice(("text_start", "paragraph_start", "inside_paragraph"))
    if variant == "text_start":
        at = starts[0].start_char
    else:
        para = [s for s in starts if s.start_char == 0 or text[s.start_char - 1] == "\n"]
        inner = [s for s in starts if s not in para and text[s.start_char - 2:s.start_char] in (". ", "! ", "? ")]
        pool = para if variant == "paragraph_start" else inner
        if not pool:
            return None
        at = rng.choice(pool).start_char
    return Defect("stray_fragment", _insert(text, at, piece + " "), [(at, at + len(piece))], variant)


# --- truncated sentences -------------------------------------------------------------

_QUOTES = set("“”\"")


def _cut_points(sent) -> list:
    """Tokens after which the sentence can be cut mid-clause."""
    words = [t for t in sent if t.is_alpha]
    points = []
    for k, tok in enumerate(words[3:-2], start=3):
        if tok.pos_ in ("DET", "ADP", "CCONJ") or tok.tag_ in ("TO", "PRP$") or (
                tok.pos_ == "ADJ" and tok.i > 0 and tok.doc[tok.i - 1].tag_ in ("DT", "PRP$")):
            points.append(tok)
    return points


def truncated_sentence(text: str, doc, analysis, rng: random.Random) -> Defect | None:
    candidates = []
    for sent in doc.sents:
        body = sent.text.rstrip()
        if not body.endswith(".") or _QUOTES & set(body) or "\n" in body or \
                sum(t.is_alpha for t in sent) < 8:
            continue
        if _cut_points(sent):
            candidates.append(sent)
    if not candidates:
        return None
    sent = rng.choice(candidates)
    cut_after = rng.choice(_cut_points(sent))
    cut = cut_after.idx + len(cut_after.text)
    para_end = _paragraph_end(text, sent.start_char)
    following = text[sent.end_char:para_end].strip()
    variant = "run_in" if following[:1].isupper() and rng.random() < 0.5 else "paragraph_end"
    if variant == "paragraph_end":
        damaged = text[:cut] + text[para_end:]
    else:
        rest = text[sent.end_char:]
        damaged = text[:cut] + " " + rest.lstrip(" ")
    return Defect("truncated_sentence", damaged, [(sent.start_char, cut)], variant)


# --- reworded quotes -----------------------------------------------------------------

# Small rewordings a spinner or a careless copy makes; each keeps the quote near-identical.
SWAPS = {"the": "a", "a": "the", "will": "would", "would": "will", "is": "was", "was": "is",
         "are": "were", "were": "are", "not": "never", "can": "could", "could": "can",
         "very": "really", "really": "very", "this": "that", "that": "this", "our": "the",
         "we": "we all", "big": "large", "large": "big", "said": "stated", "think": "believe",
         "believe": "think", "have": "had", "has": "had", "must": "should", "should": "must",
         "but": "yet", "so": "therefore", "all": "every", "many": "numerous"}


def reword(words: list[str], rng: random.Random) -> list[str]:
    out = list(words)
    for _ in range(rng.choice((1, 2))):
        swappable = [i for i, w in enumerate(out) if w.lower() in SWAPS]
        op = rng.choice(("swap", "drop", "transpose"))
        if op == "swap" and swappable:
            i = rng.choice(swappable)
            new = SWAPS[out[i].lower()]
            out[i] = new.capitalize() if out[i][:1].isupper() else new
        elif op == "drop" and len(out) > 6:
            del out[rng.randrange(1, len(out) - 1)]
        else:
            i = rng.randrange(1, len(out) - 2)
            out[i], out[i + 1] = out[i + 1], out[i]
    return out


def inconsistent_quote(text: str, doc, analysis, rng: random.Random) -> Defect | None:
    quotes = [q for q in analysis.quotes
              if q.type == "direct" and len(q.content) == 1 and q.speaker.kind in ("person", "official")
              and q.speaker.entity and q.content[0].text[:1] in "“\""]
    quotes = [q for q in quotes if 6 <= len(q.content[0].text.split()) <= 60]
    if not quotes:
        return None
    q = rng.choice(quotes)
    inner = q.content[0].text.strip("“”\" ").rstrip(",.;:!? ")
    words = reword(inner.split(), rng)
    if words == inner.split():
        return None
    new_quote = " ".join(words)
    name = analysis.entity(q.speaker.entity).name if analysis.entity(q.speaker.entity) else q.speaker.name
    # A later paragraph: the quote given again, as a copy that merged two versions would.
    breaks = [m.start() for m in re.finditer(r"\n", text) if m.start() >= q.content[0].end]
    at = rng.choice(breaks) if breaks else len(text)
    paragraph = f"\n\n“{new_quote},” {name} said.\n"
    damaged = text[:at] + paragraph + text[at:]
    start = at + 3
    return Defect("inconsistent_quote", damaged, [(start, start + len(new_quote))], "reworded")


# --- misspelt names -----------------------------------------------------------------

def _keyboard_neighbours() -> dict[str, str]:
    neighbours = {}
    for row in ("qwertyuiop", "asdfghjkl", "zxcvbnm"):
        for i, c in enumerate(row):
            neighbours[c] = row[i - 1:i] + row[i + 1:i + 2] if i else row[1]
    return neighbours


KEYBOARD = _keyboard_neighbours()


def misspell(word: str, rng: random.Random) -> str:
    """A typo that is not a transliteration variant: two inner letters swapped, an inner
    letter dropped or typed with its keyboard neighbour. The first letter stays."""
    for _ in range(20):
        op = rng.choice(("transpose", "drop", "neighbour"))
        i = rng.randrange(1, len(word) - 1)
        if op == "transpose" and word[i] != word[i + 1]:
            typo = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        elif op == "drop":
            typo = word[:i] + word[i + 1:]
        elif word[i].lower() in KEYBOARD:
            typo = word[:i] + rng.choice(KEYBOARD[word[i].lower()]) + word[i + 1:]
        else:
            continue
        if typo != word and translit_key(typo) != translit_key(word):
            return typo
    return word


def name_variant(text: str, doc, analysis, rng: random.Random) -> Defect | None:
    candidates = []
    for e in analysis.entities:
        if e.label != "PERSON" or len(e.mentions) < 2:
            continue
        surname = e.name.split()[-1]
        if len(surname) < 6 or not surname.isalpha():
            continue
        later = [m for m in e.mentions[1:] if m.text.split()[-1] == surname]
        if later:
            candidates.append((surname, later))
    if not candidates:
        return None
    surname, mentions = rng.choice(candidates)
    mention = rng.choice(mentions)
    typo = misspell(surname, rng)
    if typo == surname:
        return None
    at = mention.end - len(surname)
    damaged = text[:at] + typo + text[mention.end:]
    return Defect("name_variant", damaged, [(at, at + len(typo))], "misspelt")


# --- changed numbers -----------------------------------------------------------------

def changed_value(number: str, rng: random.Random) -> str:
    value = int(number.replace(",", ""))
    factor = rng.choice((0.5, 0.8, 1.2, 1.5, 2.0))
    new = max(1, round(value * factor))
    if new == value:
        new = value + rng.choice((1, 2, 5))
    return f"{new:,}" if "," in number else str(new)


def _counts(doc) -> list:
    """Whole numbers counting a noun right after them ("300 jobs", "12 people", "15
    percent"), outside dates, times and years."""
    found = []
    for tok in doc[:-1]:
        noun = doc[tok.i + 1]
        if re.fullmatch(r"\d{1,3}(?:,\d{3})*|\d+", tok.text) and tok.dep_ == "nummod" \
                and tok.head.i == noun.i and noun.pos_ == "NOUN" and noun.text.isalpha() \
                and tok.ent_type_ not in ("DATE", "TIME") and int(tok.text.replace(",", "")) >= 2 \
                and not (len(tok.text) == 4 and 1800 <= int(tok.text) <= 2100):  # "2001 attacks": a year
            found.append((tok, noun))
    return found


def inconsistent_number(text: str, doc, analysis, rng: random.Random) -> Defect | None:
    """A sentence stating a count ("the plant will cut 300 jobs") given again in a later
    paragraph with another value, as a copy that merged two versions of a story would.

    Until 2026-11-26 (session 2) this changed one of two equal mentions ("300 jobs" ...
    "300 jobs") in place. Read on the train half, most of those pairs were two quantities
    that happen to share a value (0-60 mph times of two cars, rows of a stats table, the
    same amount in two recipes), so the changed copy was nothing a reader could call
    inconsistent, and a rule flagging them flagged the clean articles' real differences
    ("215 miles" for one model, "277 miles" for another) just as well. A restated sentence
    is one quantity by construction."""
    candidates = []
    for tok, noun in _counts(doc):
        sent = tok.sent
        body = sent.text.rstrip()
        if not body.endswith(".") or "\n" in body or _QUOTES & set(body) or \
                sum(t.is_alpha for t in sent) < 8 or in_table_row(doc, text, tok):
            continue
        candidates.append((tok, sent))
    if not candidates:
        return None
    tok, sent = rng.choice(candidates)
    new = changed_value(tok.text, rng)
    restated = text[sent.start_char:tok.idx] + new + text[tok.idx + len(tok.text):sent.end_char].rstrip()
    breaks = [m.start() for m in re.finditer(r"\n", text) if m.start() >= sent.end_char]
    at = rng.choice(breaks) if breaks else len(text)
    damaged = text[:at] + "\n\n" + restated + "\n" + text[at:]
    start = at + 2 + (tok.idx - sent.start_char)
    return Defect("inconsistent_number", damaged, [(start, start + len(new))], "restated")


INJECTORS = {
    "stray_fragment": stray_fragment,
    "truncated_sentence": truncated_sentence,
    "inconsistent_quote": inconsistent_quote,
    "name_variant": name_variant,
    "inconsistent_number": inconsistent_number,
}
