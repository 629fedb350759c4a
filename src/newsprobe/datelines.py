"""Publication dates read from the page text: the dateline or date stamp near the top.

A page saved as text, or an HTML page whose markup declares no date, still shows its date
where a reader sees it: "INTERNATIONAL 09/06/2023", "Published 3 March 2022", "9 de junio
de 2023" on a line of its own under the headline, "2024-07-02 09:15 aktualizacja:
2024-07-03", a crawler's "date 2023-06-04" stamp before the first sentence. A date inside
a sentence of the body ("the championship begins on June 8, 2023") is an event date, not
the page's, and is not read. Which dates count:

- in the page's head only: the first HEAD_LINES non-empty lines within the first
  HEAD_CHARS characters (menus and section names come first on scraped pages);
- on a *dateline*: a line that holds little besides dates (at most DATELINE_OTHER_WORDS
  other words: a section name, a byline, a time, "Published", "aktualizacja"), or a line
  that begins with the date, at most after a publication cue ("date", "Published",
  "Posted", "Veröffentlicht", "Publié le"...);
- of a day, a month or a year that is not in the future;
- not a bare date (a weekday at most beside it) on the page's first line, nor a title that
  is nothing but such a date: that is the site's header showing the day the page was
  fetched ("Friday, September 20, 2024" above a 2023 article), not the article's date.

On one dateline the earliest date is taken: a page is published no later than it is
updated. Formats: ISO (2023-06-04, 2023-06, with a time or not), 2023/06/04, day-first
dotted (04.06.2023), slashed (04/06/2023: day first, but when both readings are possible
in an English text, where US pages write month first, only the year is kept), and month
names in the languages the corpus stage meets (day-month-year, month-day-year,
year-month-day, month-year).

Not read: relative dates ("yesterday", "3 hours ago"), which need the moment the page
was fetched; two-digit years; dates in the page's last lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .model import Span

DATE_READER = "datelines/1"

HEAD_LINES = 12          # headline, menus, section, byline, date: the date comes early
HEAD_CHARS = 1_200
DATELINE_OTHER_WORDS = 8  # "Новости в регионе / 2 Июля, 2024 г. автор: Иван Петров": 6
DATELINE_LOWER_WORDS = 3  # of them lower-case (not cues): a dateline is no sentence
EARLIEST_YEAR = 1990      # older "dates" in a page's head are archive numbers, not dates

# Words that may stand before a date that begins its line (lower case, no punctuation).
_CUES = {
    "date", "dated", "published", "posted", "updated", "last", "modified",
    "publié", "publiée", "mis", "à", "jour", "publicado", "publicada", "actualizado", "pubblicato",
    "aggiornato", "veröffentlicht", "aktualisiert", "opublikowano",
    "aktualizacja", "publikacja", "опубликовано", "обновлено", "опубліковано", "оновлено", "publicerad",
    "uppdaterad", "gepubliceerd", "bijgewerkt", "publikováno", "közzétéve", "frissítve", "yayınlanma",
    "г", "р", "roku", "r",  # "2 Июля, 2024 г.": year abbreviations
}

# Words that join a cue to its date ("Posted on", "Publié le", "Veröffentlicht am"): a
# date that one of them leads into is a dateline only when a cue stands before it.
_LINKS = {"on", "le", "am", "el", "il", "vom", "du", "den", "от", "від", "dne"}

# Month names (lower case) and their numbers: full forms, genitive and locative forms
# (Slavic, Hungarian), and abbreviations with or without a full stop.
_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro",
        "januari", "janeiro", "styczeń", "stycznia", "январь", "января", "янв", "січень", "січня", "január",
        "ocak", "ianuarie", "leden", "ledna"),
    2: ("february", "feb", "februar", "février", "févr", "fév", "febrero", "febbraio", "fevereiro", "fev",
        "februari", "luty", "lutego", "февраль", "февраля", "фев", "лютий", "лютого", "február", "şubat",
        "februarie", "únor", "února"),
    3: ("march", "mar", "märz", "mars", "marzo", "março", "maart", "marts", "mars", "marzec", "marca",
        "март", "марта", "березень", "березня", "március", "mart", "martie", "březen", "března"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwiecień", "kwietnia", "апрель", "апреля",
        "апр", "квітень", "квітня", "április", "nisan", "aprilie", "duben", "dubna"),
    5: ("may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "maja", "май", "мая", "травень",
        "травня", "május", "mayıs", "květen", "května"),
    6: ("june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwiec", "czerwca", "июнь",
        "июня", "червень", "червня", "június", "haziran", "iunie", "červen", "června"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipiec", "lipca",
        "июль", "июля", "липень", "липня", "július", "temmuz", "iulie", "červenec", "července"),
    8: ("august", "aug", "août", "agosto", "ago", "augustus", "augusti", "sierpień", "sierpnia", "август",
        "августа", "авг", "серпень", "серпня", "augusztus", "ağustos", "srpen", "srpna"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro",
        "wrzesień", "września", "сентябрь", "сентября", "сен", "сент", "вересень", "вересня", "szeptember",
        "eylül", "septembrie", "září"),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out",
         "październik", "października", "октябрь", "октября", "окт", "жовтень", "жовтня", "október",
         "ekim", "octombrie", "říjen", "října"),
    11: ("november", "nov", "novembre", "noviembre", "novembro", "listopad", "listopada", "ноябрь",
         "ноября", "ноя", "листопад", "листопада", "kasım", "noiembrie", "listopadu"),
    12: ("december", "dec", "dezember", "dez", "décembre", "déc", "diciembre", "dic", "dicembre", "dezembro",
         "grudzień", "grudnia", "декабрь", "декабря", "дек", "грудень", "грудня", "aralık", "decembrie",
         "prosinec", "prosince"),
}
_MONTH = {name: number for number, names in _MONTH_NAMES.items() for name in names}
# Longest first, so that "june" is tried before "jun".
_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTH), key=len, reverse=True))

_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_MON = rf"(?P<month>{_MONTH_RE})\.?"
# Words allowed between the parts of a written date: "9 de junio de 2023", "2 Июля, 2024".
_OF = r"(?:\s+(?:de|del|di|of)\s+|,?\s+)"
_PATTERNS = [
    ("iso", re.compile(rf"(?<!\d){_YEAR}-(?P<month>[01]\d)(?:-(?P<day>[0-3]\d))?(?![\d-])")),
    ("ymd", re.compile(rf"(?<!\d){_YEAR}[/.](?P<month>[01]?\d)[/.](?P<day>[0-3]?\d)(?![\d/.]\d)")),
    ("dotted", re.compile(rf"(?<![\d.])(?P<day>[0-3]?\d)\.\s?(?P<month>[01]?\d)\.\s?{_YEAR}(?!\d)")),
    ("slashed", re.compile(r"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[01]?\d|[0-3]?\d)/" + _YEAR + r"(?![\d/])")),
    ("dmy", re.compile(rf"(?<![\w.]){_DAY}{_OF}{_MON}{_OF}{_YEAR}(?!\d)", re.I)),
    ("mdy", re.compile(rf"(?<![\w]){_MON}\s+{_DAY},?\s+{_YEAR}(?!\d)", re.I)),
    ("ymd_words", re.compile(rf"(?<!\d){_YEAR}\.?\s+{_MON}\s+{_DAY}(?!\d)", re.I)),
    ("my", re.compile(rf"(?<![\w]){_MON}{_OF}{_YEAR}(?!\d)", re.I)),
]
_WORD = re.compile(r"[^\W\d_]+")
_WEEKDAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed",
    "thu", "fri", "sat", "sun", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
    "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes",
    "miércoles", "jueves", "viernes", "sábado", "domingo", "lunedì", "martedì", "mercoledì", "giovedì",
    "venerdì", "sabato", "segunda", "terça", "quarta", "quinta", "sexta", "feira", "poniedziałek", "wtorek",
    "środa", "czwartek", "piątek", "sobota", "niedziela", "понедельник", "вторник", "среда", "четверг",
    "пятница", "суббота", "воскресенье",
}


def _bare_date(line: str, dates: list[tuple[int, int, str]]) -> bool:
    """A line that is one date and at most a weekday: the look of a site's today's-date
    (a time to the minute beside it makes it a post's time stamp instead)."""
    if len(dates) != 1:
        return False
    rest = line[:dates[0][0]] + " " + line[dates[0][1]:]
    return not re.search(r"\d{1,2}:\d\d", rest) and all(w.lower() in _WEEKDAYS for w in _WORD.findall(rest))


@dataclass(frozen=True)
class PageDate:
    """A date read from the text: ISO at the precision the page gives ("2023-06-04",
    "2023-06", "2023"), and where it was read."""

    value: str
    span: Span | None   # None when read in the title
    written: str        # the date as the page writes it


def day_precise(published: str | None) -> str | None:
    """`published` when it names a day, else None: copy orientation compares dates as
    strings, where a month read from a dateline ("2024-07") would sort before every day
    of that month."""
    return published if published and len(published) >= 10 else None


def _valid(year: int, month: int | None, day: int | None, today: date) -> str | None:
    if year < EARLIEST_YEAR:
        return None
    try:
        if day is not None and month is not None:
            found = date(year, month, day)
            return found.isoformat() if found <= today else None
        if month is not None:
            return f"{year:04d}-{month:02d}" if 1 <= month <= 12 and (year, month) <= (today.year, today.month) \
                else None
    except ValueError:
        return None
    return f"{year:04d}" if year <= today.year else None


def _read(kind: str, m: re.Match, language: str, today: date) -> str | None:
    """The ISO date of one match, None when it is no valid date."""
    year = int(m["year"])
    if kind == "slashed":
        a, b = int(m["a"]), int(m["b"])
        day_first = _valid(year, b, a, today) if b <= 12 else None
        month_first = _valid(year, a, b, today) if a <= 12 else None
        if day_first and month_first and day_first != month_first:
            # Both readings are dates: day first everywhere but in US English.
            return day_first if language != "en" else _valid(year, None, None, today)
        return day_first or month_first
    if kind in ("dmy", "mdy", "ymd_words", "my"):
        month = _MONTH.get(m["month"].lower())
    else:
        month = int(m["month"])
    day = int(m["day"]) if "day" in m.groupdict() and m["day"] else None
    if month is None:
        return None
    return _valid(year, month, day, today)


def dates_in(line: str, language: str, today: date) -> list[tuple[int, int, str]]:
    """(start, end, ISO date) of every date in `line`, none overlapping (a pattern
    listed earlier wins a tie; a longer match wins an overlap)."""
    found: list[tuple[int, int, str]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(line):
            value = _read(kind, m, language, today)
            if value is None:
                continue
            start, end = m.span()
            if any(s < end and start < e for s, e, _ in found):
                continue
            found.append((start, end, value))
    return sorted(found)


def dateline_date(line: str, dates: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The date a dateline gives: on a line of dates with little else the earliest (a
    page is published no later than it is updated); on a line that begins with a date
    (after cues) that date. None for a line that is no dateline, and for a date that
    running text leads into ("begins on June 8, 2023", "в мае 2023")."""
    before = line[:dates[0][0]]
    words_before = [w.lower() for w in _WORD.findall(before)]
    lead = re.search(r"([^\W\d_]+)\s+$", before)
    if lead and lead[1].islower() and lead[1] not in _CUES and not (
            lead[1] in _LINKS and len(words_before) > 1 and words_before[-2] in _CUES):
        return None
    rest, last = [], 0
    for start, end, _ in dates:
        rest.append(line[last:start])
        last = end
    rest.append(line[last:])
    other = _WORD.findall(" ".join(rest))
    running = [w for w in other if w.islower() and w not in _CUES]
    if len(other) <= DATELINE_OTHER_WORDS and len(running) <= DATELINE_LOWER_WORDS:
        # Earliest first; a year alone ("2023") after the dates within it.
        return min(dates, key=lambda d: (d[2].ljust(10, "~"), d[0]))
    if len(words_before) <= 3 and all(w in _CUES or w in _LINKS for w in words_before) and (
            not words_before or words_before[0] in _CUES):
        return dates[0]
    return None


def publication_date(text: str, language: str = "en", title: str | None = None,
                     today: date | None = None) -> PageDate | None:
    """The page's publication date as its head shows it (see the module doc), or None.
    The title is read first (a text's first line becomes its title when a blank line
    follows it, and a crawler's date stamp may stand there); a date read there has no
    span, as spans index the text."""
    today = today or date.today()
    first = True
    if title:
        first = False
        found = dates_in(title, language, today)
        if found and _bare_date(title, found):
            found = []
        chosen = dateline_date(title, found) if found else None
        if chosen:
            return PageDate(chosen[2], None, title[chosen[0]:chosen[1]])
    offset = 0
    lines = 0
    for raw in text[:HEAD_CHARS].split("\n"):
        line_start, offset = offset, offset + len(raw) + 1
        if not raw.strip():
            continue
        lines += 1
        if lines > HEAD_LINES:
            break
        found = dates_in(raw, language, today)
        if first and found and _bare_date(raw, found):
            found = []
        first = False
        chosen = dateline_date(raw, found) if found else None
        if chosen:
            span = Span.of(text, line_start + chosen[0], line_start + chosen[1])
            return PageDate(chosen[2], span, span.text)
    return None
