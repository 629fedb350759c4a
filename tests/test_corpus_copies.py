"""Copy verification (corpus/copies.py) on articles written for this test, with the real
MiniLM sentence encoder: a page of one sentence needs the evidence a long page needs."""

from __future__ import annotations

import pytest

from newsprobe.corpus.align import SentenceCache
from newsprobe.corpus.copies import CopyDoc, CopySettings, verify

LONG = ("Flood warnings were issued for the Kessel valley on Sunday as the river kept rising. "
        "Around 300 homes near the river were evacuated overnight, the fire service said. "
        "The mayor, Tove Brand, asked residents to stay away from the old bridges. "
        "Schools in the valley will stay closed until Wednesday, the council said. "
        "Forecasters expect more rain on Tuesday.")


@pytest.fixture(scope="module")
def sentences():
    from newsprobe.embeddings import encode
    return SentenceCache(encode)


def test_a_one_sentence_report_of_the_same_fact_is_not_a_copy(sentences):
    # The same fact in other words: it aligns with one sentence by meaning (cosine 0.93),
    # and that sentence is most of the other page; one sentence is all the evidence.
    brief = CopyDoc("brief", "Around 300 homes near the river were evacuated overnight, the fire service said. "
                             "More rain is due.")
    short = CopyDoc("short", "About 300 houses close to the river were evacuated during the night, firefighters said.")
    assert verify(brief, short, sentences, CopySettings()) is None


def test_a_one_sentence_excerpt_in_the_same_words_is_a_copy(sentences):
    short = CopyDoc("excerpt", "Around 300 homes near the river were evacuated overnight, the fire service said.")
    edge = verify(CopyDoc("long2", LONG), short, sentences, CopySettings())
    assert edge is not None and edge.kind == "partial"


SOURCE = LONG.replace("Forecasters expect more rain on Tuesday.",
                      "Forecasters expect more rain on Tuesday, and the river could peak on Thursday. "
                      "The regional railway suspended trains between Velmo and Tessa after water covered the tracks.")
# Four sentences of each page below are its own; three render three of SOURCE's.
OWN_FOUR = ("Farmers across the region have complained for years about the state of the dykes. {} "
            "A local cooperative has offered its barns to shelter cattle from the lower fields. "
            "Volunteers from three villages filled sandbags in the market square until late in the evening. "
            "Insurance brokers say claims from the last flood are still being settled.")


def test_a_loose_rewrite_that_keeps_some_wording_is_a_copy(sentences):
    # Three sentences of the source, lightly reworded, in a page of seven: under half of
    # either text aligns, and the kept wording shows it was taken from the source.
    loose = OWN_FOUR.format(
        "Flood warnings were issued for the whole Kessel valley on Sunday as the river kept on rising. "
        "Nearly 300 homes close to the river were evacuated overnight, the fire service said. "
        "The mayor, Tove Brand, told residents to stay away from the old bridges.")
    edge = verify(CopyDoc("source", SOURCE), CopyDoc("loose", loose), sentences, CopySettings())
    assert edge is not None and edge.kind == "partial"


def test_the_same_facts_in_own_words_under_half_aligned_are_not_a_copy(sentences):
    own = OWN_FOUR.format(
        "Sunday brought flood alerts to the Kessel valley, where water levels continued to climb. "
        "Firefighters evacuated roughly three hundred riverside houses during the night. "
        "Mayor Tove Brand urged locals to keep clear of the ageing bridges.")
    assert verify(CopyDoc("source", SOURCE), CopyDoc("own", own), sentences, CopySettings()) is None
