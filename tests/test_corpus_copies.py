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
