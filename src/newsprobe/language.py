"""Language of a text, by lingua (`lingua-language-detector`, models shipped in the wheel,
offline). Returns an ISO 639-1 code ("en", "de", "ru", ...), or "und" when the text holds
too little to tell (no letters, or lingua declines).

The detector is built once per process, with lazy model loading: a text in Latin script
loads only the models of Latin-script languages, the first time they are needed (~1 s and
~130 MB for the 12 languages of a mixed news corpus); each text then takes a few ms.
"""

from __future__ import annotations

from functools import lru_cache

UNDETERMINED = "und"
# Recorded with the layer versions of every analysis: analyses made before detection (all
# marked "en", English layers run on every text) are then not reused.
LANGUAGE_DETECTOR = "lingua-2.1/1"
# Characters read: the opening of a news text decides its language; more only costs time.
MAX_CHARS = 2_000


@lru_cache(maxsize=1)
def _detector():
    from lingua import LanguageDetectorBuilder
    return LanguageDetectorBuilder.from_all_languages().build()


def detect_language(text: str) -> str:
    sample = text[:MAX_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return UNDETERMINED
    found = _detector().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else UNDETERMINED
