"""The attribution cue words: the hand-written verbs of saying (`lexicons/cue_verbs.txt`)
and the verbs learned from PolNeAR train (`lexicons/cue_lemmas.tsv`). A module of their own
because both the attribution rules and the acceptance head (`quote_head.py`), which the
rules call, read them."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..lexicon_files import read_sections


@lru_cache(maxsize=None)
def hand_cues() -> frozenset[str]:
    return frozenset(read_sections("cue_verbs.txt")[""])


# A verb learned from data joins the cues when annotators marked it as one at least this
# often and at least LEARNED_MIN_COUNT times, so that a rate rests on enough cases. 0.3 was
# chosen on the first 100 PolNeAR *train* articles (0.25/0.3/0.4 gave source F1
# 0.660/0.654/0.648 and content F1 0.466/0.464/0.464; 0.3 keeps precision above 0.7),
# never on dev: "seem" 0.50 and "support" 0.26 show the range.
LEARNED_MIN_RATE = 0.3
LEARNED_MIN_COUNT = 10


@lru_cache(maxsize=None)
def learned_cue_rates() -> dict[str, float]:
    path = resources.files("newsprobe.layers").joinpath("lexicons", "cue_lemmas.tsv")
    rates = {}
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("#"):
            continue
        lemma, pos, cue, _seen, rate = line.split("\t")
        if pos == "VERB" and float(rate) >= LEARNED_MIN_RATE and int(cue) >= LEARNED_MIN_COUNT:
            rates[lemma] = float(rate)
    return rates
