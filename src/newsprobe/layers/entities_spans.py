"""Mention spans: each model mention trimmed to the name it holds ("the Kremlin's" ->
"Kremlin", "Councillor Rowan Pike" -> "Rowan Pike"), and the names the small model cuts in
pieces or runs together found whole or split apart (royal styles, quoted titles, bylines,
photo credits, "A and B").
"""

from __future__ import annotations

import re

from ..model import Span
from .places import place_kind
from .sources import is_known_outlet
from .entities_words import (
    CLUB_FIRST_WORDS,
    CLUB_MARKS,
    COUNTRY_ACRONYMS,
    DEMONYM_ENDING,
    FACILITY_HEADS,
    NAME_PARTICLES,
    ORG_WORDS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
    written_in_lower_case,
)


_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def clean_mention(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article and a trailing possessive: "the Kremlin's" -> "Kremlin"."""
    piece = text[start:end]
    m = _LEADING.match(piece)
    if m and len(piece) > m.end():
        start += m.end()
    while start < end and text[start] in "\"'“‘”’«•·▪►*":
        start += 1               # '"Southern Charm" star', "• Fugitive arrested": a quote mark or a
        while start < end and text[start] == " ":       # list's bullet is not the name
            start += 1
    while True:          # "momager Kris Jenner", "west Charlotte": a lower-case word before a name
        m = _LOWER_LEAD.match(text, start, end)
        if not m or m.end() >= end or m.group(1) in NAME_PARTICLES:
            break
        start = m.end()
    m = _SMALL_TAIL.search(text, start, end)
    if m and m.start() > start:
        end = m.start()          # "Fact Check Unit of": the model ran on into the next phrase
    m = _PHOTO_SUFFIX.search(text, start, end)
    if m and m.end() == end:
        end = m.start()          # "Presidential Press Service/Handout": a photo credit's tag
    m = _CREDIT_PREFIX.match(text, start, end)
    if m and m.end() < end:
        start = m.end()          # "Copyright Thomson Reuters", "© Getty Images"
    piece = text[start:end]
    m = _POSSESSIVE.search(piece)
    if m and m.start() > 0:
        end = start + m.start()
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".)":
        end -= 1
    return start, end


_LOWER_LEAD = re.compile(r"([a-z][\w'’-]*)\s+(?=[A-Z])")

_SMALL_TAIL = re.compile(r"\s+(?:of|and|the|for|in|on|at|to|with|or)$")

_PHOTO_SUFFIX = re.compile(r"/(?:Handout|File|Pool|Getty Images|AFP|AP|Reuters|REUTERS)$")

_CREDIT_PREFIX = re.compile(r"(?:Copyright|©|\(c\))\s*", re.I)


def after_titles(text: str, start: int, end: int) -> int:
    """"Councillor Rowan Pike" → "Rowan Pike": the title is a descriptor, not the name."""
    while True:
        word_end = text.find(" ", start, end)
        if word_end == -1 or text[start:word_end].lower().rstrip(".") not in TITLE_WORDS | {"defence", "defense", "foreign", "prime", "deputy", "vice"}:
            return start
        start = word_end + 1


# Short common words that scraped text glues to the name before them ("Comcastmade an
# offer", "Reutersreported"); suffixes that make new words ("Parisian", "Trumpism") are
# not among them.
_GLUED_TAILS = {"made", "said", "says", "has", "had", "have", "is", "was", "were", "will",
                "would", "and", "the", "to", "in", "for", "with", "after", "on", "at", "reported",
                "announced", "told", "added", "also", "which", "who", "that", "report", "reports"}


# A common word glued before a name, capital inside the token: "saidDonald Trump".
_GLUED_HEAD = re.compile(r"([a-z]{2,})(?=[A-Z][a-z])")


def without_glued_word(text: str, start: int, end: int) -> tuple[int, int]:
    """"Comcastmade": a one-word span that is a name the text writes on its own elsewhere
    with a short common word glued to it (scraped pages lose the space). In a longer name
    ("Wall Street Journalreported", "saidDonald Trump") only a word of `_GLUED_TAILS` is cut,
    and only where the rest is a name the text writes on its own or ends in a body's word
    ("Journal"): a split that guesses could cut a real name."""
    form = text[start:end]
    head = _GLUED_HEAD.match(form)
    if head and head.group(1) in _GLUED_TAILS and " " in form:
        start += head.end()
        form = text[start:end]
    if " " in form and form[:1].isupper():
        last = form.rsplit(" ", 1)[1]
        for tail in sorted(_GLUED_TAILS, key=len, reverse=True):
            cut = end - len(tail)
            if last.endswith(tail) and len(last) - len(tail) >= 4 and last[:-len(tail)][-1:].islower() \
                    and (last[:-len(tail)].lower() in ORG_WORDS or re.search(
                        r"(?<![\w-])" + re.escape(text[start:cut]) + r"(?![\w-])", text[:start] + " " + text[end:])):
                return start, cut
        return start, end
    if " " in form or not form[:1].isupper() or form.isupper():
        return start, end
    for cut in range(len(form) - 2, 2, -1):
        head, tail = form[:cut], form[cut:]
        if not tail.islower() or len(tail) < 3 or not head[-1:].isalpha():
            continue
        # The tail only from the list: "Labour" is no "Lab" (a party's short form) + "our".
        if tail in _GLUED_TAILS and len(head) >= 4 and \
                re.search(r"(?<![\w-])" + re.escape(head) + r"(?![\w-])", text):
            return start, start + cut
    return start, end


def with_split_surname(doc, text: str, ent, end: int) -> int:
    """"President Samia Suluhu Hassan ... President Hassan": the small model may end a
    person's name a word early; a capitalised proper noun right after it that the text
    also uses on its own is the rest of the name."""
    if ent.end >= len(doc) or end != ent.end_char:
        return end
    nxt = doc[ent.end]
    word = nxt.text
    if nxt.pos_ != "PROPN" or not word[:1].isupper() or word.isupper() or nxt.whitespace_ is None \
            or text[end:nxt.idx] != " " or word.lower() in ORG_WORDS | FACILITY_HEADS | TITLE_WORDS:
        return end
    alone = len(re.findall(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text))
    return nxt.idx + len(word) if alone >= 2 else end


# Nouns a group's or a faith's name ends in: "Muslim Brotherhood", "Catholic Church".
_GROUP_NAME_HEADS = {"church", "brotherhood", "state", "republic", "authority", "spring", "world",
                     "community", "army", "forces", "front", "movement", "caucus", "convention",
                     "revolution", "empire", "orthodox", "diaspora", "council", "congress"}


def surname_after_given_name(doc, text: str, ent, dictionary: frozenset[str]) -> int | None:
    """"Reese Wetherby and Kevin Costain were engaged": the small model may take a given name
    for a group (the NORP "Reese", ending like "Japanese") and leave the surname after it
    out of any entity. The end of the full name, or None: only a one-word "group" that is
    no nationality's form, plural or place, before one capitalised proper noun that is in
    no entity, no plural ("Iraqi Yazidis"), no noun a group's name ends in ("Party",
    "Brotherhood"), title or place, the text never writes in lower case ("the party"), not
    modifying a noun ("the Democratic Latino vote"), and not the start of a longer name.
    (No dictionary test on the surname: many surnames are dictionary words.)"""
    if ent.label_ != "NORP" or len(ent) != 1 or ent.end >= len(doc) or not ent.text.istitle() or \
            DEMONYM_ENDING.search(ent.text) or ent.text.endswith("s") or place_kind(ent.text):
        return None
    nxt = doc[ent.end]
    word = nxt.text
    if nxt.pos_ != "PROPN" or nxt.tag_ != "NNP" or not word.istitle() or not word.isalpha() or \
            nxt.ent_iob_ != "O" or text[ent.end_char:nxt.idx] != " " or text.startswith("-", nxt.idx + len(word)) or \
            nxt.dep_ in ("compound", "amod", "nmod") or \
            word.lower() in ORG_WORDS | TITLE_WORDS | TITLE_MODIFIERS | _GROUP_NAME_HEADS or place_kind(word) or \
            written_in_lower_case(word, text):
        return None
    if ent.end + 1 < len(doc) and doc[ent.end + 1].pos_ == "PROPN" and doc[ent.end + 1].text[:1].isupper():
        return None
    return nxt.idx + len(word)


_GLUED_END = re.compile(r"[a-z]{2}(The|This|That|These|Are|Is|Was|Were|It|He|She|We|They)$")

PRIZE_AFTER = re.compile(r" (?:Prize|Award|Awards|Trophy|Medal)\b")

CLUB_LETTERS_AFTER = re.compile(r" (?:" + "|".join(sorted(CLUB_MARKS)) + r")\b")

# "FC Cincinnati", "Inter Miami": the model keeps only the town, a place.
CLUB_WORD_BEFORE = re.compile(r"(?<![\w.-])(?:" + "|".join(sorted(CLUB_FIRST_WORDS)) + r") $")

# "The Prince of Wales", "Duke of Cambridge": a royal or noble style names a person; the
# model keeps only the place ("Cambridge", a GPE).
ROYAL_STYLE = re.compile(
    r"\b(?:Prince|Princess|Duke|Duchess|Earl|Countess|Marquess|Marchioness|Viscount|Baron|Baroness)"
    r" of (?:[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+)*")

# A quoted title followed by the kind of work it names: 'the “Morning Answers with Dana
# Kell” program', 'the "Harbour Lights" star'. Every word capitalised but the small ones.
_QUOTED_TITLE = re.compile(
    r"[“\"]((?:[A-Z0-9][\w'’&.:-]*)(?: (?:[A-Z0-9][\w'’&.:-]*|with|of|the|and|a|an|in|on|for|to|at))*)[”\"]"
    r"\s+(?:program|programme|show|series|podcast|film|movie|documentary|book|novel|album|song|"
    r"episode|season|star|stars|host|presenter|actor|actress|cast)\b")


def royal_styles(text: str) -> list[tuple[Span, str]]:
    return [(Span.of(text, m.start(), m.end()), "PERSON") for m in ROYAL_STYLE.finditer(text)]


def quoted_titles(text: str) -> list[tuple[Span, str]]:
    return [(Span.of(text, m.start(1), m.end(1)), "WORK_OF_ART") for m in _QUOTED_TITLE.finditer(text)]


# A numbered bill: "Senate Bill 1035", "House Bill 20", "SB 31", "H.R. 1". The small model
# cuts it into a chamber (ORG) and a "Bill 1035" it calls a person.
_BILL_NUMBER = re.compile(
    r"(?<![\w-])(?:(?:Senate|House|Assembly)(?: Joint| Concurrent)? (?:Bill|Resolution)(?: No\.)?"
    r"|[SHA]B|[SH]J?R|H\.R\.|S\.B\.|H\.B\.) ?\d{1,5}(?![\w-])")


def bill_numbers(text: str) -> list[tuple[Span, str]]:
    return [(Span.of(text, m.start(), m.end()), "LAW") for m in _BILL_NUMBER.finditer(text)]


# A state's body named after the country's acronym: "US Army", "UK Border Force".
_STATE_BODY = re.compile(
    r" (?:Army|Navy|Air Force|Marine Corps|Marines|Coast Guard|Space Force|Department|Embassy|"
    r"Treasury|Border|Government|Senate|Congress|Military|Forces|Agency|Ministry|Defense|Defence|"
    r"Justice Department|State Department|Commerce Department)(?: (?:[A-Z][\w'’-]+|of(?= [A-Z])))*")

_BYLINE = re.compile(r"(?:^|\n)[\s•·–-]*By\s+$")

# "James and Riley": two names the model took for one.
_TWO_NAMES = re.compile(r"^([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*) and ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*)$")

# "Millbrook at Kelso Moor": a name and the place it is at, which the model runs together.
_AT_VENUE = re.compile(r"^([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*) at ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*)$")

# A lower-case word of the sentence just before a mention (not a photo credit's "Photo by").
_IN_PROSE_BEFORE = re.compile(r"(?<![Pp]hoto )(?<![Pp]icture )(?<![Ii]mage )\b[a-z]{2,} $")

# "New Yorkers for Equal Rights": a group named for its cause, which the model cuts after
# the people it gathers (a plural NORP; "a bid by United for Atletico Bilbao" is no such
# name). Two capitalised words at least after "for", so "Democrats for Trump" style
# phrases that are no name stay apart.
_FOR_CAUSE = re.compile(r" for (?:[A-Z][\w'’-]+)(?: (?:[A-Z][\w'’-]+|of|and|the))*(?<![a-z] of)(?<! and)(?<! the)")

_CREDIT_SLASH = re.compile(r"([A-Z][\w&.' -]*[\w.])/([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*)")

# "Dara Velick / The Canadian Press", "J. Rhea Talbot / AP": a photo credit written with
# spaces round the slash, the photographer and the agency in either order.
_CREDIT_SPACED = re.compile(r"([A-Z][\w&.'’ -]*[\w.]) / ((?:The )?[A-Z][\w&.'’ -]*[\w.])")

# Words of a picture agency's name: "PA Images", "Getty Images", "Reuters Local".
_AGENCY_WORDS = {"images", "image", "photo", "photos", "pictures", "press", "pool", "handout", "local",
                 "wire", "getty", "afp", "ap", "reuters", "epa", "star"}


def _agency_side(form: str) -> bool:
    words = form.split()
    return is_known_outlet(form) or form.isupper() or any(
        w.lower() in _AGENCY_WORDS | ORG_WORDS for w in words)


_COLON_BETWEEN = re.compile(r"([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*): (?:the )?([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*)")

_OWNER_OF_A_BODY = re.compile(r"([A-Z][\w&.-]*(?: [A-Z][\w&.-]*)+)['’]s ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)+)")

_POSSESSED_NAME = re.compile(r"(.+?)['’′]s ([A-Z][\w'’-]+ [A-Z][\w'’-]+)")


def name_pieces(text: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """The names in one model mention: usually itself; two for "A and B" (each its own
    name, the label left to the evidence); an organisation for "Xs for Some Cause"."""
    form = text[start:end]
    if _BYLINE.search(text, max(0, start - 12), start):
        # "By Dana Kell New York Times": the writer's name, then the outlet.
        words = form.split(" ")
        for k in range(2, len(words)):
            if is_known_outlet(" ".join(words[k:])):
                cut = start + len(" ".join(words[:k]))
                return [(start, cut, "PERSON"), (cut + 1, end, "ORG")]
    credit = _CREDIT_SLASH.fullmatch(form)
    if credit and _IN_PROSE_BEFORE.search(text, max(0, start - 30), start):
        # "estimates compiled by Harlan Data/Kestrel Research": two bodies a sentence names
        # with a slash between, no photo credit (which stands after a caption, in brackets
        # or after "Photo:").
        return [(start, start + credit.end(1), label), (start + credit.start(2), end, label)]
    if credit:
        # "UK Parliament/Jessica Taylor", "REUTERS/Alaa al-Marjani": a photo credit, the
        # agency then the photographer (whose surname the model may leave outside).
        rest = re.match(r"(?: [A-Z][\w'’-]+){1,2}", text[end:end + 40]) if " " not in credit.group(2) else None
        person_end = end + (rest.end() if rest else 0)
        return [(start, start + credit.end(1), "ORG"), (start + credit.start(2), person_end, "PERSON")]
    spaced = _CREDIT_SPACED.fullmatch(form)
    if spaced:
        left, right = spaced.groups()
        person_first = _agency_side(right) or not _agency_side(left)
        first, second = ("PERSON", "ORG") if person_first else ("ORG", "PERSON")
        return [(start, start + spaced.end(1), first), (start + spaced.start(2), end, second)]
    owned = _OWNER_OF_A_BODY.fullmatch(form)
    if owned and label in ("ORG", "FAC") and re.search(
            r"(?<![\w-])" + re.escape(owned.group(1)) + r"(?![\w'’-])", text[:start] + " " + text[end:]):
        # "Brockton Clinic’s Kessler Research Institute": a body named on its own elsewhere
        # (two words at least: "King's College" is one name), then a part of it.
        return [(start, start + owned.end(1), "ORG"), (start + owned.start(2), end, label)]
    owner = _POSSESSED_NAME.fullmatch(form)
    if owner and label in ("ORG", "PERSON") and not any(
            w.lower() in ORG_WORDS | FACILITY_HEADS for w in owner.group(2).split()):
        # "Channel 9′s Glenn Counts": the model ran an owner into the person it owns.
        return [(start, start + owner.end(1), "ORG" if label == "ORG" else "GPE"),
                (start + owner.start(2), end, "PERSON")]
    if label == "GPE" and form.replace(".", "") in COUNTRY_ACRONYMS:
        body = _STATE_BODY.match(text, end)
        if body:
            return [(start, body.end(), "ORG")]   # "US Army Garrison Hawaii", not "US"
    colon = _COLON_BETWEEN.fullmatch(form)
    if colon:
        # "the National Assembly: the Tsarukian Bloc": a name, then what it holds.
        return [(start, start + colon.end(1), label), (start + colon.start(2), end, label)]
    glued = _GLUED_END.search(form)
    if glued and " " in form:
        end = start + glued.start(1)       # "Ander Herrera BilbaoThis report": "Ander Herrera Bilbao"
        form = text[start:end]
    venue = _AT_VENUE.match(form)
    if venue and venue.group(1).split()[-1].lower() not in ORG_WORDS and re.search(
            r"(?<![\w-])" + re.escape(venue.group(1)) + r"(?![\w-])", text.replace(form, " ")):
        # "a draw against Millbrook at Kelso Moor": a side named on its own elsewhere, then
        # where it played ("University at Buffalo" is one name: its first part is no name).
        # (The model's label for the whole, a "title" or an "event", fits neither part: the
        # side is left to the context as a town's name, the ground is a building.)
        side = label if label in ("ORG", "GPE", "LOC", "PERSON") else "GPE"
        ground = label if label in ("ORG", "GPE", "LOC", "FAC") else "FAC"
        return [(start + venue.start(1), start + venue.end(1), side),
                (start + venue.start(2), start + venue.end(2), ground)]
    two = _TWO_NAMES.match(form) if not place_kind(form) else None
    rest = text.replace(form, " ")
    if two and two.group(1) != two.group(2) and any(
            re.search(r"(?<![\w-])" + re.escape(side) + r"(?![\w-])", rest) for side in two.groups()):
        # Only when a side is named on its own elsewhere ("Sharpe James ... James and
        # Riley"): "Marks and Spencer" and "Johnson and Johnson" are one company.
        return [(start + two.start(1), start + two.end(1), label),
                (start + two.start(2), start + two.end(2), label)]
    if label == "NORP" and form.endswith("s"):
        cause = _FOR_CAUSE.match(text, end)
        if cause and sum(w[:1].isupper() for w in cause.group(0).split()) >= 2 \
                and "\n" not in cause.group(0):
            return [(start, cause.end(), "ORG")]
    return [(start, end, label)]


# A dateline opens a story's first paragraph: "ALEXANDRIA, Va. –", "MOSCOW (Sputnik) -",
# "ALBANY—“...": the place in capitals at a line's start, then (within a few words: a
# state, a date, an agency in brackets) a dash or a bracket. The small model reads such a
# capitalised word as anything ("ALEXANDRIA" the subject of "was sentenced": a person) or
# runs it into the quote that follows ("ALBANY—“IBM").
# Wire stories filed from two cities join them with a slash ("BRUSSELS/PARIS March 28
# (Reuters)"), and the date may follow the place with no comma.
_DATELINE_PLACE = r"[A-Z][A-Z'’.-]*[A-Z](?: [A-Z][A-Z'’.-]*[A-Z]){0,3}"
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"(?m)^[ \t]*(" + _DATELINE_PLACE + r"(?:/" + _DATELINE_PLACE + r"){0,3})"
    r"(?=(?:,(?:[ \t]*[A-Z0-9][\w.'’]*,?){1,4}|[ \t]+" + _MONTHS + r"[ \t]+\d{1,2})?[ \t]*(?:\(|—|–|--?[ \t]))")

# Lines of the story's head a dateline may stand on (headline, standfirst, byline, date);
# roundups of wire items start each item with its own "ATLANTA (AP) —".
DATELINE_HEAD_LINES = 6
_WIRE_DATELINE = re.compile(r"[ \t]*\([A-Z][\w .&-]{0,30}\)[ \t]*(?:—|–|--?)")


def dateline_places(text: str) -> list[tuple[Span, str]]:
    """The places of the text's datelines, as GPE: one in the head's first lines, and any
    line later that opens like a wire item ("ATLANTA (AP) —")."""
    head_end, lines = 0, 0
    for line in text.split("\n"):
        head_end += len(line) + 1
        lines += bool(line.strip())
        if lines >= DATELINE_HEAD_LINES:
            break
    places = []
    for m in _DATELINE.finditer(text):
        form = m.group(1)
        if sum(ch.isalpha() for ch in form) < 3 or is_known_outlet(form) or \
                form.replace(".", "") in COUNTRY_ACRONYMS:
            continue             # "AP —", "U.S. —": an agency or a country's letters, no dateline place
        if m.start(1) >= head_end and not _WIRE_DATELINE.match(text, m.end(1)):
            continue
        start = m.start(1)
        for place in form.split("/"):
            places.append((Span.of(text, start, start + len(place)), "GPE"))
            start += len(place) + 1
    return places


def after_dateline(text: str, start: int, end: int, places: list[tuple[Span, str]]) -> int:
    """A mention that runs from a dateline's place into the story ("ALBANY—“IBM") starts
    after it: at the first letter or digit past the place and its dash."""
    for place, _ in places:
        if place.start <= start < place.end < end:
            start = place.end
            while start < end and not text[start].isalnum():
                start += 1
    return start


_CAPITALS_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][A-Z'’-]+) $")


def with_capitalised_given_name(text: str, start: int, end: int) -> int:
    """"LIONEL MESSI" in a line of capitals: the model may keep only the surname. The word
    of capitals before it belongs to the name when the text writes the two together in
    ordinary case ("Lionel Messi") elsewhere."""
    form = text[start:end]
    m = _CAPITALS_BEFORE.search(text, max(0, start - 30), start)
    if not form.isupper() or m is None:
        return start
    pair = re.compile(r"(?<![\w-])" + re.escape(m.group(1)) + r"\s+" + re.escape(form) + r"(?![\w-])", re.I)
    if any(not hit.group(0).isupper() for hit in pair.finditer(text)):
        return m.start(1)
    return start


def ordinary_case_label(doc, text: str, start: int, end: int, label: str) -> str:
    """The small model labels a name in capitals ("LIONEL MESSI SCORES" an ORG) worse than
    the same name in ordinary case: a name in capitals takes the label the model gives
    where the text writes it in ordinary case, when it does."""
    form = text[start:end]
    if not form.isupper() or sum(ch.isalpha() for ch in form) < 3:
        return label
    labels = []
    for hit in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text, re.I):
        if hit.group(0).isupper():
            continue
        labels += [e.label_ for e in doc.ents if e.start_char < hit.end() and hit.start() < e.end_char
                   and e.label_ != label]
    return max(set(labels), key=labels.count) if labels else label


# Degrees and post-nominal letters after a person's name: "Regina Okafor, MD,". The small
# model takes "MD" for Maryland and the name before it for anything.
DEGREE = r"(?:MD|M\.D\.|PhD|Ph\.D\.|DO|RN|MBA|MPH|DDS|JD|QC|KC|FRCP|FRCS|MSc|BSc|CPA)"
_DEGREE_AFTER = re.compile(r",\s*" + DEGREE + r"(?![\w])")


def degree_after(text: str, end: int) -> bool:
    """Is the name ending at `end` followed by a degree (", MD")? Then it is a person's."""
    return _DEGREE_AFTER.match(text, end) is not None


def is_degree(text: str, start: int, end: int) -> bool:
    """Is the span a degree written after a name (", MD"), not a place or a body?"""
    return re.fullmatch(DEGREE, text[start:end]) is not None and \
        re.search(r"[\w.]\s*,\s*$", text[max(0, start - 4):start]) is not None


# Endings of nouns for what a person is: "Comedian", "Olympian", "Refugee", "Organizer".
_ROLE_ENDINGS = ("ian", "ist", "ee", "er", "or", "ant", "ent", "man", "woman")


def opens_sentence(doc, ent) -> bool:
    """Is the mention the first word of its sentence (quotation marks, bullets and dashes aside)?"""
    return all(t.is_punct or t.is_space or not any(ch.isalnum() for ch in t.text)
               for t in doc[ent.sent.start:ent.start])


def in_dictionary(word: str, dictionary: frozenset[str]) -> bool:
    """Is the word a dictionary word, as written or in a regular inflection ("Bifurcated")?"""
    w = word.lower()
    return w in dictionary or any(w.endswith(end) and w[:-len(end)] + add in dictionary
                                  for end, add in (("ed", ""), ("ed", "e"), ("d", ""), ("s", ""), ("es", ""),
                                                   ("ing", ""), ("ing", "e"), ("ly", "")))


def after_opening_role(doc, text: str, ent, start: int, end: int, dictionary: frozenset[str]) -> int:
    """"Comedian Ellen Vorster said": a role noun capitalised only by the sentence's start,
    before a name of two words, is no part of the name. Only a dictionary noun with a
    person-noun ending that the text never capitalises mid-sentence: a given name that is
    also a word ("Mark", "Rose") has no such ending, or comes back capitalised."""
    words = text[start:end].split()
    if start != ent.start_char or len(words) < 3 or not opens_sentence(doc, ent):
        return start
    first = words[0]
    if not first[1:].islower() or not first.lower().endswith(_ROLE_ENDINGS) or \
            not in_dictionary(first, dictionary) or \
            re.search(r"[a-z,;]\s+" + re.escape(first) + r"(?![\w-])", text):
        return start
    return start + len(first) + 1
