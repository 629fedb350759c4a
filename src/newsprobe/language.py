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
"""

from __future__ import annotations

from functools import lru_cache

UNDETERMINED = "und"
# Recorded with the layer versions of every analysis: analyses made before detection (all
# marked "en", English layers run on every text) are then not reused.
# /2: trigram-only detector for texts of 200+ characters; /3: shorter texts' full detector
# restricted to the light one's first three languages and English.
LANGUAGE_DETECTOR = "lingua-2.1/3"
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
