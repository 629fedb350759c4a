"""Spans that are no names whatever the model says: page furniture (the words of
lexicons/page_furniture.txt, language menus, link labels run together), the capitalised
common words of a title-case headline, and a stub cut off by the excerpt's end.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .places import place_kind
from .sources import is_known_outlet
from .entities_words import COUNTRY_ACRONYMS, ORG_WORDS, SMALL_WORDS


@lru_cache(maxsize=1)
def furniture_words() -> frozenset[str]:
    """lexicons/page_furniture.txt: the words of menus, buttons and section heads."""
    text = resources.files("newsprobe.layers").joinpath("lexicons", "page_furniture.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def language_names() -> frozenset[str]:
    """Languages as a language menu names them, in English and in themselves ("Español",
    "Русский", "Français"): lexicons/language_names.txt, which scripts/build_language_names.py
    derives from CLDR (Babel); reading Babel's 22 locales here cost ~0.14 s a process."""
    text = resources.files("newsprobe.layers").joinpath("lexicons", "language_names.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


# "FinancialGovernment", "SolutionsLegalReuters": a menu's link labels run together when a
# page is scraped; a lower-case letter run straight into a capital. One such word is often
# a name ("QuoteMedia", "GlobeNewswire"); two in one span, or two joins in one word, are not.
_CAMEL_JOIN = re.compile(r"[a-z]{2}[A-Z][a-z]")


# A breadcrumb's separators: "Home / World / Asia", "Home > News".
_CRUMB = re.compile(r"\s+[/>|»›]\s+")


def _glued_furniture(word: str, furniture: frozenset[str]) -> bool:
    """A word made of two or more furniture words run together when a page is scraped
    ("ADVERTISEMENTREMOVE": "advertisement" + "remove")."""
    word = word.lower()
    ends = {0: 0}                  # position -> fewest words that reach it
    for i in range(len(word)):
        if i not in ends:
            continue
        for j in range(i + 3, len(word) + 1):   # pieces of three letters or more
            if word[i:j] in furniture and ends.get(j, 99) > ends[i] + 1:
                ends[j] = ends[i] + 1
    return ends.get(len(word), 0) >= 2


def is_page_furniture(text: str, start: int, end: int) -> bool:
    """A span of menu, button or heading words (also run together: "ADVERTISEMENTREMOVE
    AD"), a breadcrumb that starts with one ("Home / Karsovia / National affairs"), a
    language menu, or link labels run together: page furniture, not a name."""
    form = text[start:end]
    words = re.findall(r"[^\W\d_]+", form)
    if not words or is_known_outlet(form) or place_kind(form) or \
            form.replace(".", "") in COUNTRY_ACRONYMS:
        return False
    furniture = furniture_words()
    if all(w.lower() in furniture or _glued_furniture(w, furniture) for w in words) and \
            not (len(words) == 1 and words[0].lower() in ORG_WORDS):
        return True              # "NEWS - Press Releases", "Breaking News", "FREE"
    crumbs = _CRUMB.split(form)
    if len(crumbs) >= 2 and all(w.lower() in furniture for w in re.findall(r"[^\W\d_]+", crumbs[0])):
        return True              # "Home / Karsovia / National"
    if len(form.split()) >= 2 and all(w in language_names() for w in form.split()):
        return True              # "Español Русский Français"
    joins = [len(_CAMEL_JOIN.findall(w)) for w in form.split()]
    return sum(1 for j in joins if j) >= 2 or any(j >= 2 for j in joins)


_SMALL_WORD_AT_END = re.compile(r"\s+(?:and|of|the|for|&|de|in)\s*")


def cut_off_at_end(text: str, start: int, end: int) -> bool:
    """An excerpt cut mid-word leaves a stub ("coverage of Shar" after "Sharpe James"): a
    last word that begins a longer word found earlier in the text is no name."""
    rest = text[end:]
    if (rest.strip() and not _SMALL_WORD_AT_END.fullmatch(rest)) or end - start < 2:
        return False
    stub = text[start:end]
    if " " not in stub and re.search(r"(?<!\w)" + re.escape(stub) + r"\w", text[:start]) is not None:
        return True
    # A prose line the excerpt cuts mid-sentence ("... papers filed with the United States
    # Securities and", "... since the visit by President Fra"): its last name, never written
    # elsewhere, may be cut short. A short last line (a credit, a byline) keeps its name.
    last_line = text.rstrip()[text.rstrip().rfind("\n") + 1:]
    return len(last_line) >= 80 and last_line[-1:].isalnum() and text.count(stub) == 1


def headline_common_words(text: str) -> tuple[list[tuple[int, int]], set[str]]:
    """The title-case lines of a text ("Alex Rodriguez Not Reaching Out After Split") and
    the words the text writes in lower case elsewhere: in a headline the model runs
    a name on into the capitalised common words after it."""
    lines, offset = [], 0
    for line in text.split("\n"):
        words = re.findall(r"(?<![\w'’-])[^\W\d_][\w'’-]*", line)   # ("£20m" is no lower-case word)
        big = [w for w in words if w.lower() not in SMALL_WORDS]
        if len(big) >= 4 and sum(w[:1].isupper() for w in big) >= 0.9 * len(big):
            lines.append((offset, offset + len(line)))
        offset += len(line) + 1
    lower = set(re.findall(r"(?<![\w'’-])[a-z][\w'’-]*", text)) if lines else set()
    lower |= {part for word in lower if "-" in word for part in word.split("-")}   # "record-breaking"
    return lines, lower


def _is_common_word(word: str, lower: set[str]) -> bool:
    """Does the text write this word, or its stem, in lower case elsewhere ("Suggests" /
    "suggested", "Record" / "record-breaking")?"""
    w = word.lower()
    if w in lower:
        return True
    stems = {w[:-suffix_len] for suffix, suffix_len in (("s", 1), ("es", 2), ("ed", 2), ("ing", 3))
             if w.endswith(suffix)}
    return any(len(stem) >= 4 and any(other.startswith(stem) for other in lower) for stem in stems)


def headline_trimmed(text: str, start: int, end: int, headline_words,
                      label: str = "") -> tuple[int, int]:
    """A name in a title-case line without the capitalised common words the model ran on
    into: "Jennifer Lopez Split" -> "Jennifer Lopez" when the text says "split" elsewhere.
    A "title" of common words only ("'False Stories'" quoted in a headline) is no name:
    the span comes back empty."""
    lines, lower = headline_words
    form = text[start:end]
    if not any(a <= start and end <= b for a, b in lines) or is_known_outlet(form) or \
            text.count(form) > 1:
        return start, end        # "New York Times" stays whole though the text says "times"
    while True:
        cut = text.rfind(" ", start, end)
        if cut == -1:
            if _is_common_word(text[start:end], lower) and not text[start:end].isupper():
                return start, start      # "Record (Results)", "Suggests": a headline's common word
            return start, end
        if not _is_common_word(text[cut + 1:end], lower):
            return start, end    # ("Spacek Jokes" with "joked" in the text: the stem counts)
        end = cut


def without_headlines(text: str, lines: list[tuple[int, int]]) -> str:
    """The text with its title-case lines blanked out (offsets kept): the story's body."""
    chars = list(text)
    for a, b in lines:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _in_body(form: str, body: str) -> bool:
    """Does the body name `form` (in any case when the headline is in capitals)?"""
    flags = re.I if form.isupper() else 0
    return re.search(r"(?<![\w.-])" + re.escape(form) + r"(?![\w-])", body, flags) is not None


# Title-case lines that are no headlines: a byline ("By Dana Kell New York Times"), a
# credit ("(Reporting by A; Editing by B)"), a photo credit ("Dana Kell/AFP/Getty Images").
_NOT_A_HEADLINE = re.compile(r"(?m)(?:^|[\s(])[Bb]y\s|[/;|@]")


def headline_recurring(text: str, start: int, end: int, lines: list[tuple[int, int]], body: str,
                       label: str = "") -> tuple[int, int]:
    """A name in a title-case headline is kept when the story names it again, when it is
    a known place or outlet, or cut to its words that the story names again: a title-case
    line capitalises every word, so "Pat Toomey Send", "Veterans Verdict", "Brentford
    Marksman" or a coined word look like names to the model. A person's full name counts
    as named again when each of its words is ("Jennifer Aniston" over "Jennifer ... Aniston").
    An empty span comes back when no part recurs."""
    line = next(((a, b) for a, b in lines if a <= start and end <= b), None)
    if line is None or _NOT_A_HEADLINE.search(text, *line) or not text[line[0]:start].strip() and \
            not text[end:line[1]].strip():
        return start, end        # (a line that is one name: a masthead, "Santa Fe New Mexican")
    form = text[start:end]
    if _in_body(form, body) or is_known_outlet(form) or place_kind(form):
        return start, end
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", form)]

    def recurs(i: int, j: int) -> bool:
        run = form[words[i][0]:words[j - 1][1]]
        if _in_body(run, body) or place_kind(run) or is_known_outlet(run):
            return True
        return label == "PERSON" and j - i > 1 and all(_in_body(form[a:b], body) for a, b in words[i:j])
    # The longest run of words that recurs, the earliest among equally long ones.
    for size in range(len(words) - 1, 0, -1):
        for i in range(0, len(words) - size + 1):
            if recurs(i, i + size) and form[words[i][0]:words[i][1]][:1].isupper():
                return start + words[i][0], start + words[i + size - 1][1]
    return start, start
