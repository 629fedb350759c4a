"""Integrity checks that compare what the article says in two places: the same speaker
quoted in two wordings, one name spelt two ways, one quantity given two values.

They read the earlier layers' findings (analysis.quotes, analysis.entities) and, for
numbers, the parse; they never re-parse.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter, defaultdict

from rapidfuzz.distance import Levenshtein, OSA

from ..model import Analysis, Span
from ..settings import Settings
from .integrity_findings import finding, quoted

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def nearby_pairs(items: list, window: int):
    """Each item with the next `window` items of its group (in text order), not every
    pair: comparisons and findings then grow linearly with the text, not with its
    square. A variant of a quote or a number is given close to the first (in news, within
    a few paragraphs), and a group larger than the window is a repetitive text or a
    template, where all pairs would only repeat one finding thousands of times."""
    for i, first in enumerate(items):
        for second in items[i + 1:i + 1 + window]:
            yield first, second


# --- quotes -------------------------------------------------------------------------

def _speaker_key(quote) -> str | None:
    """Who said it: a named speaker by the last word of the name ("Mayor Ilse Marnow" and
    "Ilse Marnow" may be filed apart, even with different kinds, by the earlier layers),
    others by entity, else by name."""
    sp = quote.speaker
    words = _WORD.findall(sp.name)
    if sp.kind not in ("unknown", "author", "anonymous", "rumor") and words and words[-1][:1].isupper():
        return "name:" + words[-1].casefold()
    if sp.entity:
        return sp.entity
    if sp.kind in ("unknown", "author") or not sp.name.strip():
        return None  # two unattributed quotes may well be two people
    return sp.name.strip().casefold()


def _words(text: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in _WORD.findall(text)]


def _contains_run(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def quote_similarity(a: list[str], b: list[str]) -> float:
    """Word-level edit similarity, 1.0 for the same words in the same order."""
    return Levenshtein.normalized_similarity(a, b)


def inconsistent_quotes(analysis: Analysis, settings: Settings) -> list[dict]:
    """Two direct quotes of one speaker that are nearly, but not exactly, the same words.

    Only direct quotes: an indirect quote or a paraphrase may reword what a direct quote
    says (that is journalism); a quotation mark promises the exact words. A shorter quote
    that is a verbatim piece of a longer one is a partial re-quote, not a variant."""
    by_speaker: dict[str, list] = defaultdict(list)
    for q in analysis.quotes:
        key = _speaker_key(q)
        if q.type == "direct" and q.content and key:
            by_speaker[key].append(q)
    findings = []
    for quotes in by_speaker.values():
        for qa, qb in nearby_pairs(quotes, settings.integrity_max_pairs_per_item):
            wa = _words(" ".join(c.text for c in qa.content))
            wb = _words(" ".join(c.text for c in qb.content))
            shorter, longer = sorted((wa, wb), key=len)
            if len(shorter) < settings.integrity_min_quote_words or wa == wb \
                    or _contains_run(longer, shorter) or _overlapping(qa, qb):
                continue
            sim = quote_similarity(wa, wb)
            if sim < settings.integrity_quote_similarity:
                continue
            findings.append(finding(
                "inconsistent_quote", [*qa.content, *qb.content],
                f"{qa.speaker.name} is quoted twice in different words "
                f"({round(sim * 100)}% the same): {quoted(qa.content[0].text, 30)} / "
                f"{quoted(qb.content[0].text, 30)}", "warning", sim))
    return findings


def _overlapping(qa, qb) -> bool:
    return any(a.start < b.end and b.start < a.end for a in qa.content for b in qb.content)


# --- names --------------------------------------------------------------------------

# Spelling differences that transliteration produces ("Zelensky"/"Zelenskyy"/"Zelenskiy",
# "Aleksei"/"Alexei", "Mohammed"/"Mohamed"): both spellings map to one key.
_TRANSLIT = [(re.compile(p), r) for p, r in (
    (r"kh", "h"), (r"ph", "f"), (r"ck", "k"), (r"ks", "x"), (r"q", "k"), (r"dh", "d"),
    (r"sch", "sh"), (r"tch", "ch"), (r"ou", "u"), (r"w", "v"),
    (r"(?:yy|iy|ii|ei|ey|y)$", "i"), (r"(.)\1", r"\1"),
)]


def _plain(word: str) -> str:
    """Lower case without accents: "Zelenskyy" -> "zelenskyy", "Erdoğan" -> "erdogan"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def translit_key(word: str) -> str:
    key = _plain(word)
    for pattern, repl in _TRANSLIT:
        key = pattern.sub(repl, key)
    return key


# British and American spellings of one word ("Aluminium"/"Aluminum", "Labour"/"Labor",
# "Centre"/"Center", "Organisation"/"Organization", "Defence"/"Defense"): both map to one
# key. A name written the British way in one place and the American way in another is a
# house-style matter, not a typo.
_BRITISH = [(re.compile(p), r) for p, r in (
    (r"inium$", "inum"), (r"our(s?)$", r"or\1"), (r"our(?=[aeiy])", "or"),
    (r"is(e[sd]?|ing|ation)", r"iz\1"), (r"ys(e[sd]?|ing)", r"yz\1"), (r"([tb])re(s?)$", r"\1er\2"),
    (r"ence$", "ense"), (r"ogue$", "og"), (r"ll", "l"),
)]
# Only "ll" is collapsed ("Travelling"/"Traveling", "Modelling"/"Modeling"): collapsing
# every double letter made a misplaced one ("Dorrey" -> "Doreey") a house-style variant.
# The endings are narrow on purpose: a dropped or swapped letter in a surname ("Andre" ->
# "Ander", "Belgium" -> "Belgum") must stay a misspelling.


def american_key(word: str) -> str:
    key = _plain(word)
    for pattern, repl in _BRITISH:
        key = pattern.sub(repl, key)
    return key


# Places whose names differ by one or two letters and are all real: the entities layer
# may file two of them under one entity ("Ireland" and "Iceland"), which is no misspelling.
# Countries and US states that are one or two edits from another one.
DISTINCT_PLACES = frozenset(
    "ireland iceland iran iraq austria australia slovakia slovenia gambia zambia niger nigeria "
    "guinea guyana mali bali malta yalta dominica dominican sweden swedes oman omagh chad chile china "
    "korea kenya samoa sonoma georgia virginia kansas arkansas maine main india indiana".split())


def _brand_suffix(a: str, b: str) -> bool:
    """One word is the other plus a capitalised ending: "SpaceX"/"Space", "PlayStation"/"Play"."""
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter) and longer[len(shorter)].isupper()


def spelling_relation(a: str, b: str) -> str | None:
    """How two spellings of one name word relate: "same", "transliteration" (info),
    "british_american" (info), "misspelling" (warning) or None (two words, or too
    different to be one word misspelt)."""
    if a.casefold() == b.casefold():
        return "same"
    if _plain(a) == _plain(b) or translit_key(a) == translit_key(b):
        return "transliteration"
    if american_key(a) == american_key(b):
        return "british_american"
    if _derived(a.casefold(), b.casefold()):
        return None  # "Russia"/"Russian", "Democrats"/"Democratic": another word
    if _brand_suffix(a, b):
        return None  # "SpaceX"/"Space", "iPhone"/"Phone": a brand built on a word
    if a.casefold() in DISTINCT_PLACES and b.casefold() in DISTINCT_PLACES:
        return None  # "Ireland"/"Iceland": two countries
    # One slip (a swapped, dropped, doubled or wrong letter) in a name; two in a long one.
    allowed = 1 if max(len(a), len(b)) < 8 else 2
    if min(len(a), len(b)) >= 4 and OSA.distance(a.casefold(), b.casefold()) <= allowed:
        return "misspelling"
    return None


# Endings that make another word of a name (a demonym, a plural, an adjective), which the
# entities layer may file under one entity: "India"/"Indian"/"Indians".
DERIVATION_ENDINGS = frozenset(
    "s n ns an ans ian ians ese i is ish ite ites ic ics ism ist ists y ies ed er ers al e es "
    "'s".split()) | {""}


def _derived(a: str, b: str) -> bool:
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return len(a) != len(b) and a[k:] in DERIVATION_ENDINGS and b[k:] in DERIVATION_ENDINGS


def _name_words(span: Span) -> list[Span]:
    return [Span(span.start + m.start(), span.start + m.end(), m.group())
            for m in _WORD.finditer(span.text)]


def name_variants(doc, analysis: Analysis, settings: Settings) -> list[dict]:
    """Spelling variants of one word of one entity's name. Persons are compared on the
    surname (the last word; first names differ between people of one family), other
    entities word by word between mentions of the same length."""
    findings = []
    for entity in analysis.entities:
        slots: dict[object, dict[str, list[Span]]] = defaultdict(lambda: defaultdict(list))
        for mention in entity.mentions:
            words = [w for w in _name_words(mention) if w.text[:1].isupper()]
            if not words:
                continue
            if entity.label == "PERSON":
                slots["surname"][words[-1].text].append(words[-1])
            else:
                for i, w in enumerate(words):
                    slots[(len(words), i)][w.text].append(w)
        for spellings in slots.values():
            if len(spellings) < 2:
                continue
            # The usual spelling: the most frequent, then the longest (a typo drops letters
            # more often than it adds them).
            usual = max(spellings, key=lambda s: (len(spellings[s]), len(s)))
            for other, spans in spellings.items():
                if other == usual:
                    continue
                relation = spelling_relation(usual, other)
                if relation == "misspelling" and entity.label != "PERSON" and \
                        OSA.distance(usual.casefold(), other.casefold()) > 1:
                    relation = None  # places and groups: "France"/"French" are two words
                if relation == "misspelling" and len(spans) >= 2 and len(spellings[usual]) >= 2:
                    # Both spellings used more than once: a slip is rarely repeated, so this is
                    # more likely two names (or a house style) than a typo.
                    findings.append(finding(
                        "name_variant", [*spans, spellings[usual][0]],
                        f"{quoted(other)} and {quoted(usual)} are each written more than once "
                        f"({entity.name}): two names, or one spelt two ways", "info", 0.4))
                elif relation == "misspelling" and len(usual) >= settings.integrity_min_name_chars:
                    findings.append(finding(
                        "name_variant", [*spans, spellings[usual][0]],
                        f"{quoted(other)} looks like a misspelling of {quoted(usual)} "
                        f"({entity.name})", "warning", 0.8))
                elif relation == "transliteration":
                    findings.append(finding(
                        "name_variant", [*spans, spellings[usual][0]],
                        f"{quoted(other)} and {quoted(usual)}: two spellings of {entity.name} "
                        "(a normal transliteration variant)", "info", 0.5))
                elif relation == "british_american":
                    findings.append(finding(
                        "name_variant", [*spans, spellings[usual][0]],
                        f"{quoted(other)} and {quoted(usual)}: British and American spellings of "
                        f"{entity.name}", "info", 0.5))
    # One pair of spellings is one finding, whichever check met it first and whichever way.
    seen = {frozenset(sp["text"] for sp in f["spans"]) for f in findings}
    for f in _misspelt_outside_entities(doc, analysis, settings):
        key = frozenset(sp["text"] for sp in f["spans"])
        if key not in seen:
            seen.add(key)
            findings.append(f)
    return findings


def _lone_word(entity) -> bool:
    return len(entity.mentions) == 1 and len(_WORD.findall(entity.mentions[0].text)) == 1


def _misspelt_outside_entities(doc, analysis: Analysis, settings: Settings) -> list[dict]:
    """A misspelt surname the entity recogniser did not take for a name ("Abrms was a
    producer" after "J.J. Abrams"): a capitalised word outside every mention, one edit
    (two for long names) from a person's surname, with the same first letter."""
    # A misspelt surname the recogniser took for a name of its own ("Hitelr" as an
    # organisation) is one entity with one one-word mention: it stays open to the check.
    # So is a word inside a name mentioned once ("Visit Karsovai" filed as a title): a slip
    # seldom repeats, so the misspelt mention is often an entity of its own.
    covered = {i for e in analysis.entities if len(e.mentions) > 1
               for m in e.mentions for i in range(m.start, m.end)}
    surnames: dict[str, tuple] = {}
    for entity in analysis.entities:
        if entity.label != "PERSON" or _lone_word(entity):
            continue  # two people named once each ("Jonas", "Jones") are no slip of one
        for mention in entity.mentions:
            words = _name_words(mention)
            if words and len(words[-1].text) >= settings.integrity_min_name_chars + 1:
                surnames.setdefault(words[-1].text, (entity, words[-1]))
    findings = []
    for tok in doc:
        word = tok.text
        if not tok.is_alpha or not word[:1].isupper() or tok.idx in covered or word.isupper() \
                or tok.pos_ not in ("PROPN", "NOUN") or len(word) < settings.integrity_min_name_chars:
            continue
        for surname, (entity, first) in surnames.items():
            allowed = 1 if len(surname) < 8 else 2
            if surname[0] == word[0] and spelling_relation(surname, word) == "misspelling" and \
                    OSA.distance(surname.casefold(), word.casefold()) <= allowed:
                span = Span.of(analysis.text, tok.idx, tok.idx + len(word))
                findings.append(finding(
                    "name_variant", [span, first],
                    f"{quoted(word)} looks like a misspelling of {quoted(surname)} ({entity.name})",
                    "warning", 0.7))
                break
    return findings


# --- numbers ------------------------------------------------------------------------

MULTIPLIERS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
               "m": 1e6, "bn": 1e9, "k": 1e3}
WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                     "eighty": 80, "ninety": 90, "dozen": 12})
CURRENCY = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
# Units that count time or order, not a quantity a story states twice ("two years ago",
# "three times"): different values are normal.
TIME_UNITS = frozenset("year month week day hour minute second decade century time night "
                       "morning season quarter round game point inning lap".split())
_CONTEXT_POS = {"NOUN", "VERB", "ADJ", "PROPN"}


class Quantity:
    """A number with its unit, as written: "300 jobs", "$4.5 million", "12 percent"."""

    def __init__(self, span: Span, value: float, unit: str, head: str, context: set[str], sent: int,
                 before: str = "", people: frozenset[str] = frozenset(),
                 names: frozenset[str] = frozenset()):
        self.span, self.value, self.unit, self.head, self.context = span, value, unit, head, context
        self.sent = sent  # start of its sentence, in characters
        self.before = before  # the word right before the number ("cut" in "cut 300 jobs")
        self.people = people  # ids of the people its sentence names
        self.names = names  # ids of the other entities it names: organisations, places


def _number_value(tokens) -> float | None:
    value = None
    for tok in tokens:
        low = tok.lower_.replace(",", "")
        if low in MULTIPLIERS and value is not None:
            value *= MULTIPLIERS[low]
            continue
        try:
            number = float(low)
        except ValueError:
            number = WORD_NUMBERS.get(low)
        if number is None or value is not None:
            return None  # "3 1/2", "five-six": not one plain value
        value = float(number)
    return value


def _names_in(entities, start: int, end: int) -> tuple[frozenset[str], frozenset[str]]:
    """The entities (the entities layer's, one label per entity: the parser's own labels
    change from sentence to sentence) mentioned between start and end: people, others."""
    people, others = set(), set()
    for e in entities:
        if any(start <= m.start < end for m in e.mentions):
            (people if e.label == "PERSON" else others).add(e.id)
    return frozenset(people), frozenset(others)


def quantities(doc, text: str, entities=()) -> list[Quantity]:
    found = []
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if not tok.like_num or tok.ent_type_ in ("DATE", "TIME", "ORDINAL") or "-" in tok.text:
            i += 1
            continue
        j = i + 1
        while j < n and doc[j].lower_ in MULTIPLIERS:
            j += 1
        value = _number_value(doc[i:j])
        start = i
        unit = None
        if i > 0 and doc[i - 1].text in CURRENCY:
            start, unit = i - 1, CURRENCY[doc[i - 1].text]
        unit_tok = None
        # Percentages are a unit of their own, held to a stricter test (RATE_CONTEXT): an
        # article compares rates ("rose 1.8 percent", "3.5 percent a year earlier") far
        # more often than it misstates one.
        if j < n and doc[j].lower_ == "per":
            i = j
            continue
        if j < n and doc[j].lower_ in ("%", "percent"):
            unit_tok, unit = doc[j], "percent"
        elif j < n:
            k = j
            while k < n and k < j + 3 and doc[k].pos_ == "ADJ":
                k += 1
            if k < n and doc[k].pos_ == "NOUN" and doc[k].text.isalpha():
                unit_tok = doc[k]
                unit = f"{unit} {unit_tok.lemma_.lower()}" if unit else unit_tok.lemma_.lower()
        if value is None or unit_tok is None or unit != "percent" and unit_tok.lemma_.lower() in TIME_UNITS \
                or tok.text.isdigit() and len(tok.text) == 4 and 1800 <= int(tok.text) <= 2100:
            i = j
            continue
        if in_table_row(doc, text, tok):
            i = j
            continue
        end_tok = unit_tok if unit_tok is not None else doc[j - 1]
        span = Span.of(text, doc[start].idx, end_tok.idx + len(end_tok.text))
        anchor = unit_tok if unit_tok is not None else tok
        sent = anchor.sent
        context = {t.lemma_.lower() for t in sent if t.pos_ in _CONTEXT_POS and not t.is_stop
                   and not t.like_num and t.i != anchor.i and t.is_alpha}
        before = doc[start - 1].lemma_.lower() if start > 0 else ""
        people, names = _names_in(entities, sent.start_char, sent.end_char)
        found.append(Quantity(span, value, unit, anchor.head.lemma_.lower(), context, sent.start_char,
                              before, people, names))
        i = j
    return found


# A line where this share of the words are numbers is a table row or a spec list
# ("CB Ward 74 100% 4 tackles"): its values differ by design.
TABLE_NUMBER_SHARE = 0.2


def in_table_row(doc, text: str, tok) -> bool:
    start = text.rfind("\n", 0, tok.idx) + 1
    end = text.find("\n", tok.idx)
    line = doc.char_span(start, len(text) if end == -1 else end, alignment_mode="expand")
    if line is None:
        return False
    words = [t for t in line if not t.is_punct and not t.is_space]
    return bool(words) and sum(t.like_num for t in words) / len(words) >= TABLE_NUMBER_SHARE


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


# Two values of one quantity that a slip or an edit gives: within a factor of 2.5. Values
# further apart ("$1 billion" and "$6.5 billion") are nearly always two quantities.
MAX_VALUE_RATIO = 2.5


# Content-word overlap two sentences need before two percentages in them are one rate
# given two values: in effect the same sentence twice ("... uncertain whether a 15 percent
# tariff ..." restated with 12). Chosen on the train half: clean articles' pairs of rates
# in similar sentences ("sales rose 3.5 percent", "like-for-like sales rose 3.6 percent")
# stay below it.
RATE_CONTEXT = 0.6


def _close_values(a: float, b: float) -> bool:
    return a > 0 and b > 0 and max(a, b) / min(a, b) <= MAX_VALUE_RATIO


def _same_phrase(qa: Quantity, qb: Quantity) -> bool:
    """Both written in one phrase about one subject: the same word before the number ("cut
    300 jobs" / "cut 350 jobs"), the same people named in both sentences, and no two
    disjoint sets of other names. Bail set at "$5,000" for one defendant and "$7,500" for
    another, in sentences with their names, is two quantities. (The recogniser labels a
    place in one sentence and misses it in the next, so other names only count when both
    sentences have some.)"""
    if not qa.before or qa.before != qb.before or qa.people != qb.people:
        return False
    return not (qa.names and qb.names and not qa.names & qb.names)


# A restated sentence needs this many words before its repetition means anything: short
# lines ("Price: $20", "Battery: 12 hours") repeat by design in spec lists and deals.
MIN_RESTATED_WORDS = 8
# At most this many numbers may differ between the two: more is a template filled twice
# ("Team A beat Team B 3-1 ..." for two games), not one statement given two values.
MAX_RESTATED_CHANGES = 2
_DIGIT = re.compile(r"\d")


def restated_numbers(doc, text: str, window: int = 50) -> list[dict]:
    """The same sentence written twice, word for word, but with another number ("The
    plant will cut 300 jobs by June." ... "The plant will cut 350 jobs by June."): what a
    copy that merged two versions of a story leaves. Any number counts here (games,
    points, "5km", "$600M", a four-digit count), since the identical words around it make
    it one statement; the looser quantity rule below has to guess that from context."""
    by_words: dict[tuple, list] = defaultdict(list)
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        numbers = [t for t in tokens if _DIGIT.search(t.text)]
        if not numbers or sum(t.is_alpha for t in tokens) < MIN_RESTATED_WORDS:
            continue
        words = tuple("#" if _DIGIT.search(t.text) else t.lower_ for t in tokens)
        by_words[words].append(numbers)
    findings = []
    for versions in by_words.values():
        for na, nb in nearby_pairs(versions, window):
            changed = [(a, b) for a, b in zip(na, nb) if a.text != b.text]
            if not changed or len(changed) > MAX_RESTATED_CHANGES:
                continue
            a, b = changed[0]
            spans = [Span.of(text, t.idx, t.idx + len(t.text)) for pair in changed for t in pair]
            findings.append(finding(
                "inconsistent_number", spans,
                f"the same sentence is written twice with {quoted(a.text)} and {quoted(b.text)}",
                "warning", 0.9))
    return findings


def inconsistent_numbers(doc, text: str, settings: Settings, entities=()) -> list[dict]:
    """One unit, two values, said of the same thing: the words around both (the sentence's
    nouns, verbs, adjectives and names) overlap at least `integrity_number_context`, and
    the unit hangs on the same word ("cut 300 jobs" / "cut 350 jobs").

    A warning only when both are written in the same phrase about the same named subjects
    (`_same_phrase`); else `info`. The looser rule alone found none of the benchmark's
    changed numbers, and the warnings it raised on clean articles were two quantities
    (bail amounts of two defendants), so it may not raise an alarm by itself."""
    findings = restated_numbers(doc, text, settings.integrity_max_pairs_per_item)
    # Numbers a restated sentence already reported are not reported again as a quantity pair.
    restated = sorted({sp["start"] for f in findings for sp in f["spans"]})
    by_unit: dict[str, list[Quantity]] = defaultdict(list)
    for q in quantities(doc, text, entities):
        by_unit[q.unit].append(q)
    reported: set[tuple[int, int]] = set()
    for unit, qs in by_unit.items():
        for qa, qb in nearby_pairs(qs, settings.integrity_max_pairs_per_item):
            if qa.value == qb.value or not _close_values(qa.value, qb.value) or qa.sent == qb.sent:
                continue  # one sentence giving two values compares them ("from 230 to 300 miles")
            overlap = _jaccard(qa.context, qb.context)
            if qa.head != qb.head or overlap < settings.integrity_number_context:
                continue
            if unit == "percent" and (overlap < RATE_CONTEXT or not _same_phrase(qa, qb)):
                continue  # rates are compared, not restated: no note either
            key = (qa.span.start, qb.span.start)
            if key in reported or _covers(qa.span, restated) and _covers(qb.span, restated):
                continue
            reported.add(key)
            if _same_phrase(qa, qb):
                findings.append(finding(
                    "inconsistent_number", [qa.span, qb.span],
                    f"the same quantity is given as {quoted(qa.span.text)} and {quoted(qb.span.text)}",
                    "warning", min(1.0, 0.5 + overlap / 2)))
            else:
                findings.append(finding(
                    "inconsistent_number", [qa.span, qb.span],
                    f"{quoted(qa.span.text)} and {quoted(qb.span.text)} in similar sentences: "
                    "perhaps one quantity given two values", "info", min(1.0, 0.25 + overlap / 4)))
    return findings


def _covers(span: Span, starts: list[int]) -> bool:
    """Whether one of the sorted offsets `starts` falls inside `span` (a binary search:
    a linear scan per pair made this quadratic in the number of restated sentences)."""
    i = bisect_left(starts, span.start)
    return i < len(starts) and starts[i] < span.end
