"""Language of a text, by lingua (`lingua-language-detector`, models shipped in the wheel,
offline). Returns an ISO 639-1 code ("en", "de", "ru", ...), or "und" when the text holds
too little to tell (no letters, or lingua declines).

Two detectors, built once per process with lazy model loading. lingua's light
(trigram-only) detector reads every text first: its first call on a Latin-script text loads
~0.3 s of models, then each text takes a few ms. Texts of `LOW_ACCURACY_FROM_CHARS` or more
take its answer. Shorter ones (headlines, one-line briefs) go on to lingua's full detector
(1- to 5-grams) restricted to the light one's first `SHORT_TEXT_CANDIDATES` languages and
English: the full detector over all languages would load the 1- to 5-gram models of every
Latin-script language, 6-9 s of CPU in a fresh process, most of a one-article run; four
languages' models cost ~0.5 s, loaded once per process.

Before either, `english_for_certain` answers "en" without lingua for a text of
`LOW_ACCURACY_FROM_CHARS` or more that is plainly English: ASCII letters, and English
function words that no other language writes as common words ("the", "which", "said")
thick in every third of it. Most English news pages are; lingua's models (~0.3-0.5 s of
CPU a process) then load only for a text that is not. It answers only where lingua's light
detector says "en" too (checked on every set named at `ENGLISH_MARKERS`); otherwise it
defers to lingua.
"""

from __future__ import annotations

import re
from functools import lru_cache

UNDETERMINED = "und"
# Recorded with the layer versions of every analysis: analyses made before detection (all
# marked "en", English layers run on every text) are then not reused.
# /2: trigram-only detector for texts of 200+ characters; /3: shorter texts' full detector
# restricted to the light one's first three languages and English; /4: plainly English texts
# of 200+ characters answered without lingua (the same answers on every set checked).
LANGUAGE_DETECTOR = "lingua-2.1/4"
# Characters read: the opening of a news text decides its language; more only costs time.
MAX_CHARS = 2_000


# Texts at least this long take the light detector's answer alone. On story-dev's dev pages
# (50, 11 languages) cut to their first N characters: light 48-49/50 at 100-120 characters,
# 50/50 at 150 and on the whole opening; the full detector 50/50 at 100. 200 keeps a margin
# above 150 (chosen on dev).
LOW_ACCURACY_FROM_CHARS = 200
# Shorter texts: the full detector among the light one's first N languages, and English
# always (the layers are English, and most inputs are). Chosen on short texts (story-dev dev
# lines of 25-199 characters, 152; news-similarity opening lines, 1,495, non-augmented, 8
# languages; `benchmarks/bench_language.py`): the light detector alone gets 137/152 and
# 1,440/1,495 right (it is often sure and wrong on a headline), the full detector over all
# languages 142 and 1,487; among the light one's first 3 languages 140/1,481, first 4
# 141/1,482, first 3 and English 141/1,485. Each language more costs ~0.13 s of CPU once per
# process. Checked afterwards on Emergent's English headlines (train; nothing chosen on it):
# 239/240 claim and 1,998/2,023 article headlines read as English (full detector 236, 1,986).
SHORT_TEXT_CANDIDATES = 3


# Words of English that are not common words of another language lingua knows: no "to" (in
# Polish and Czech, "it"), "of" (Dutch "or"), "for" (Scandinavian), "was" and "will"
# (German), "want" and "even" (Dutch), "just" and "under" (Swedish), "any" (Catalan
# "year"), "state" (Italian), "see" (Estonian "this"), nor "in", "is", "an", "a", "he",
# "her", "at", "by", "are", "also", "over", "we", "on", "so", "do", "my", "me", "can".
ENGLISH_MARKERS = frozenset("""
    the and that with from have has been were which their they this would said who it its not
    but there about than when what into she you these could should them his him after more
    out up new one two three because against between while where those such only other some
    many very each both made first how why our your like says told year years people since
    until before during however through then here now did does get got make being if off
    down too well back way think know say take might must around among without within across
    another every few same own whether although though already never always again ago week
    day time us may according percent officials""".split())
# A plainly English text: at least this share of its words are markers, and at least half
# of it in each third of its words; no run of more than `MAX_WORDS_WITHOUT_MARKER` words
# without one; at most this share of its letters outside ASCII. Texts of 200+ characters
# of these sets, as lingua reads them: 2,342 English ones have a median share of 0.25; of
# the others, the Latin-script texts in another language have 0.046 at most (German and
# Italian pages quoting English names and titles), and two English texts lingua reads as
# another language 0.132 (an English page citing two German book titles: "de") and 0.097.
# lingua reads a text as a whole and may name the language of its last quarter: on 9,000
# texts spliced from an English news text and another language's (a foreign opening, ending
# or passage of 100-700 characters), share and thirds alone answered "en" for 14 that
# lingua does not; with the run limit (30 words: 2 such), for none (1,111 answered). No
# answer differs from lingua's (answered here / texts) on story-dev dev pages (30/50) and
# their lines, news-similarity texts (machine translations included) and opening lines,
# Emergent headlines (too short: 2 answered), newsroom dev and the tuning pools, PolNeAR
# train and dev, the extraction pages and PTC articles (2,161 of the 2,342 English texts).
ENGLISH_MARKER_SHARE = 0.15
MAX_WORDS_WITHOUT_MARKER = 25
MAX_NON_ASCII_LETTERS = 0.005
_WORD = re.compile(r"[^\W\d_]+")


def english_for_certain(sample: str) -> bool:
    """True when `sample` (a text's opening, `LOW_ACCURACY_FROM_CHARS` or more characters)
    is plainly English: lingua would say so, and need not be loaded to say it."""
    if len(sample) < LOW_ACCURACY_FROM_CHARS:
        return False
    if not sample.isascii():
        letters = [ch for ch in sample if ch.isalpha()]
        if sum(not ch.isascii() for ch in letters) > MAX_NON_ASCII_LETTERS * len(letters):
            return False
    words = _WORD.findall(sample.lower())
    if len(words) < 30:
        return False
    markers = [w in ENGLISH_MARKERS for w in words]
    if sum(markers) < ENGLISH_MARKER_SHARE * len(words):
        return False
    run = 0
    for is_marker in markers:
        run = 0 if is_marker else run + 1
        if run > MAX_WORDS_WITHOUT_MARKER:
            return False
    third = len(words) // 3
    return all(sum(markers[k * third:(k + 1) * third]) >= ENGLISH_MARKER_SHARE / 2 * third
               for k in range(3))


@lru_cache(maxsize=1)
def _light_detector():
    from lingua import LanguageDetectorBuilder
    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


@lru_cache(maxsize=256)
def _full_detector_among(languages: frozenset):
    # lingua keeps each language's models loaded process-wide, so many small detectors
    # share them; building one is cheap.
    from lingua import LanguageDetectorBuilder
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect_language(text: str) -> str:
    sample = text[:MAX_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return UNDETERMINED
    if english_for_certain(sample):
        return "en"
    light = _light_detector()
    if len(sample) >= LOW_ACCURACY_FROM_CHARS:
        return _code(light.detect_language_of(sample))
    ranked = light.compute_language_confidence_values(sample)
    if not ranked or ranked[0].value == 0:
        return UNDETERMINED
    candidates = frozenset([*(item.language for item in ranked[:SHORT_TEXT_CANDIDATES]), _english()])
    return _code(_full_detector_among(candidates).detect_language_of(sample))


def _english():
    from lingua import Language
    return Language.ENGLISH


def _code(found) -> str:
    return found.iso_code_639_1.name.lower() if found is not None else UNDETERMINED
