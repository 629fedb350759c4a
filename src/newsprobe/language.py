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
LANGUAGE_DETECTOR = "lingua-2.1/2"  # /2: trigram-only detector for texts of 200+ characters
# Characters read: the opening of a news text decides its language; more only costs time.
MAX_CHARS = 2_000


# Texts at least this long go to lingua's low-accuracy (trigram-only) detector. Its first
# call on a Latin-script text loads ~0.3 s of models; the full detector loads the 1- to
# 5-gram models of every Latin-script language, 6.7 s of CPU for one short English article
# (most of a one-article run). On story-dev's dev pages (50, 11 languages) cut to their
# first N characters: low accuracy 48-49/50 at 100-120 characters, 50/50 at 150 and on the
# whole opening; the full detector 50/50 at 100. 200 keeps a margin above 150 (chosen on
# dev). Shorter texts (headlines, one-line briefs) keep the full detector.
LOW_ACCURACY_FROM_CHARS = 200


@lru_cache(maxsize=2)
def _detector(low_accuracy: bool):
    from lingua import LanguageDetectorBuilder
    builder = LanguageDetectorBuilder.from_all_languages()
    return (builder.with_low_accuracy_mode() if low_accuracy else builder).build()


def detect_language(text: str) -> str:
    sample = text[:MAX_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return UNDETERMINED
    found = _detector(len(sample) >= LOW_ACCURACY_FROM_CHARS).detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else UNDETERMINED
