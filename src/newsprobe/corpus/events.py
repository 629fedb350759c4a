"""What happened: the event words of an article's headline and lede.

Anchors (`anchors.py`) say who and how much; two reports with the same actors can still be
about different events (an expulsion and a gas deal between the same two governments; a
coach fired in 2008 and the same coach hired in 2005). An editor tells them apart by the
action and its object, which a news text puts in its headline and first sentences. The
event words of an article are the lower-case content words of its title and its first
`LEAD_WORDS` words, read off the raw text with no parse, so every language gets them:

- a word written in lower case (names are the anchors' business), of three letters or more,
  not a stop word of the article's language (spaCy's lists, where spaCy has one);
- not a sourcing word: how a report is sourced is not what happened. The cue verbs,
  reporting nouns and source-kind words of the attribution lexicons (`layers/lexicons`:
  "claimed", "denies", "report", "agency", "officials", "ministry") and their inflections
  are left out, so a denial of a claim shares the claim's event words (the tanks, the
  border) and not its sourcing, and two unrelated reports by one agency share nothing;
- lowercased, accents stripped, Cyrillic transliterated (`anchors.latin_key`) and cut to
  its first `STEM` letters, so that inflected forms meet ("shipments", "shipment";
  "expelled", "expels").

`event_matrix` turns them into TF-IDF rows (`anchors.tfidf_rows`), whose dot product is the
event similarity of two articles. Words of two languages rarely meet, so the similarity
says something only for two articles in one language (see `stories.py`).

The same words over the whole text (`event_matrix(..., lead_words=None)`) tell a follow-up
from another event: a report that the death toll rose opens on other words than the first
report, but further down it tells of the same attack, its gunmen and its victims; a report
of the same agency accusing the same country of something else does not.

`event_weekday` reads the weekday that a lede names ("on Tuesday circulated a report"):
the day of what it reports, which two reports of two events on two days do not share.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

from ..lexicon_files import read_sections
from .anchors import latin_key, tfidf_rows

# The headline and first sentences: where a news text says what happened. Chosen with
# the story settings (see `stories.EVENT_STORIES`).
LEAD_WORDS = 100
STEM = 6
# How many times a headline's words count (2 tried with earlier story settings: the same
# on ECB+, which has no titles, the demo one pair better or the same; not re-tried).
TITLE_REPEAT = 1
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=128)
def stop_words(language: str | None) -> frozenset[str]:
    """spaCy's stop words of `language` (an ISO 639-1 code); none when spaCy has no list.

    The list's module is run from its file, not imported as `spacy.lang.xx.stop_words`:
    that import loads spaCy itself (thinc, torch: seconds in a fresh process), which the
    corpus stage over stored analyses does not otherwise need."""
    if not language or not language.isalpha():
        return frozenset()
    found = importlib.util.find_spec("spacy")
    if found is None or not found.submodule_search_locations:
        return frozenset()
    path = Path(found.submodule_search_locations[0]) / "lang" / language / "stop_words.py"
    if not path.is_file():
        return frozenset()
    namespace: dict = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)  # noqa: S102 (spaCy's own list)
    return frozenset(namespace.get("STOP_WORDS", ()))


# Cue lemmas are matched with their inflections ("claim" -> "claims", "claimed",
# "claiming"; "deny" -> "denied"); these forms are not prefixed by their lemma.
IRREGULAR_SOURCING = frozenset("said told thought found shown wrote written spoke spoken".split())
# Sections of the lexicons that name how a report is sourced, not the actors of an event
# (`organization` is left in: "hospital", "court", "council" often are the event).
SOURCING_KINDS = ("anonymous", "official", "government", "media", "state_aligned")


@lru_cache(maxsize=1)
def sourcing_lemmas() -> frozenset[str]:
    words = set(IRREGULAR_SOURCING) | read_sections("cue_verbs.txt")[""]
    nouns = read_sections("reporting_nouns.txt")
    for section in ("rumor", "claim", "document"):
        words.update(nouns.get(section, ()))
    kinds = read_sections("source_kinds.txt")
    for section in SOURCING_KINDS:
        words.update(kinds.get(section, ()))
    return frozenset(w for w in words if w.isalpha())


@lru_cache(maxsize=1 << 16)
def is_sourcing(word: str) -> bool:
    """`word` (lower case) is a sourcing lemma or one of its inflections: the lemma with up
    to three more letters, a final y read as i ("denied")."""
    lemmas = sourcing_lemmas()
    if word in lemmas:
        return True
    for cut in range(max(3, len(word) - 3), len(word)):
        stem = word[:cut]
        if stem in lemmas or (stem.endswith("i") and stem[:-1] + "y" in lemmas):
            return True
    return False


def lead_text(title: str | None, text: str) -> str:
    return f"{title}\n{text}" if title and title not in text[:300] else text


def event_tokens(title: str | None, text: str, language: str | None, lead_words: int | None = LEAD_WORDS,
                 stem: int = STEM, title_repeat: int = TITLE_REPEAT) -> list[str]:
    """The event words of the lede (the title and the first `lead_words` words; the whole
    text when `lead_words` is None), the title's counted `title_repeat` times."""
    stops = stop_words(language or "en")
    out = []
    lead = lead_text(title, text)
    title_end = len(title) + 1 if title and lead.startswith(title) else 0
    for n, m in enumerate(_WORD.finditer(lead)):
        if lead_words is not None and n >= lead_words:
            break
        word = m.group(0)
        if word[0].islower() and len(word) >= 3 and word not in stops and not is_sourcing(word):
            out.extend([latin_key(word)[:stem]] * (title_repeat if m.start() < title_end else 1))
    return out


def event_matrix(analyses, lead_words: int | None = LEAD_WORDS, stem: int = STEM, title_repeat: int = TITLE_REPEAT):
    """L2-normalised TF-IDF rows of each analysis's event words (scipy CSR); of its whole
    text when `lead_words` is None."""
    return tfidf_rows((event_tokens(a.title, a.text, a.language, lead_words, stem, title_repeat)
                       for a in analyses), len(analyses))


# Where a lede names the day of what it reports: its first sentence or two.
LEDE_DAY_WORDS = 60
# Weekday names (lower case) of the languages the corpus stage meets most, Monday = 0.
# Portuguese is left out: its "segunda", "terça", "quarta", "quinta", "sexta" are also
# ordinals; so is the Russian nominative "среда" ("environment"), "в среду" is kept.
_WEEKDAY_NAMES = (
    ("monday", "montag", "lundi", "lunes", "lunedì", "poniedziałek", "понедельник", "måndag",
     "maandag"),
    ("tuesday", "dienstag", "mardi", "martes", "martedì", "wtorek", "вторник", "tisdag", "dinsdag"),
    ("wednesday", "mittwoch", "mercredi", "miércoles", "mercoledì", "środa", "среду", "onsdag",
     "woensdag"),
    ("thursday", "donnerstag", "jeudi", "jueves", "giovedì", "czwartek", "четверг", "torsdag",
     "donderdag"),
    ("friday", "freitag", "vendredi", "viernes", "venerdì", "piątek", "пятница", "пятницу", "fredag",
     "vrijdag"),
    ("saturday", "samstag", "samedi", "sábado", "sabato", "sobota", "суббота", "субботу", "lördag",
     "zaterdag"),
    ("sunday", "sonntag", "dimanche", "domingo", "domenica", "niedziela", "воскресенье", "söndag",
     "zondag"),
)
_WEEKDAY = {name: number for number, names in enumerate(_WEEKDAY_NAMES) for name in names}


def event_weekday(text: str, words: int = LEDE_DAY_WORDS) -> int | None:
    """The weekday (Monday 0 ... Sunday 6) first named in the first `words` words of `text`,
    None when they name none. A news lede says when what it reports happened ("The agency on
    Tuesday circulated a report ..."); a weekday further down is background. The names of
    the languages listed do not collide, so no language is needed."""
    for n, m in enumerate(_WORD.finditer(text)):
        if n >= words:
            break
        day = _WEEKDAY.get(m.group(0).lower())
        if day is not None:
            return day
    return None
