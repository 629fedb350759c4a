"""The corpus stage's compact structures give what the plain ones gave: signatures as
arrays equal datasketch's MinHash values, banded LSH on them returns MinHashLSH's
candidates, neighbour edges as arrays read like the dict they replace, and copy detection
frees the sentence embeddings it made."""

from __future__ import annotations

import numpy as np
from datasketch import MinHashLSH

from newsprobe.corpus.align import SentenceCache
from newsprobe.corpus.copies import CopyDoc, CopySettings, capped, detect_copies
from newsprobe.corpus.fingerprints import (lsh_bands, lsh_pairs, minhash, signatures, stopword_ngrams,
                                           text_features, word_shingles)
from newsprobe.corpus.neighbours import NeighbourEdges, strongest_per_article

TEXTS = [
    "The harbour board said on Monday that the ferry to Lindholm would not sail before the storm passed.",
    "The harbour board stated on Monday that the ferry to Lindholm would not sail before the gale passed.",
    "A bakery in Osterby won the regional prize for its rye bread, the jury announced in the town hall.",
    "The harbour board said on Monday that the ferry to Lindholm would not sail before the storm passed. Read more.",
    "",
    "of the",
]


def test_text_features_tokenise_once_and_match_the_separate_functions():
    for text in TEXTS:
        assert text_features(text) == (word_shingles(text), stopword_ngrams(text))


def test_signature_rows_equal_datasketch_minhash_values():
    sets = [word_shingles(t) for t in TEXTS]
    rows = signatures(sets, 128, 56)
    assert rows.dtype == np.uint32 and rows.shape == (len(TEXTS), 56)
    for row, features in zip(rows, sets):
        assert (row == minhash(features, 128).hashvalues[:56]).all()


def test_banded_pairs_equal_minhashlsh_candidates():
    rng = np.random.default_rng(0)
    vocab = [f"w{k}" for k in range(300)]
    texts = [" ".join(rng.choice(vocab, 40)) for _ in range(60)]
    texts += [t.replace("w1 ", "w2 ") for t in texts[:20]]  # near copies
    sets = [word_shingles(t) for t in texts] + [set(), set()]
    lsh, expected = MinHashLSH(threshold=0.2, num_perm=128), set()
    for i, features in enumerate(sets):
        m = minhash(features, 128)
        expected.update((j, i) for j in lsh.query(m))
        lsh.insert(i, m)
    bands, rows = lsh_bands(0.2, 128)
    found = lsh_pairs(signatures(sets, 128, bands * rows), bands, rows)
    assert set(map(tuple, found.tolist())) == expected and len(expected) >= 20


def test_a_crowded_bucket_pairs_each_row_with_a_window_only():
    same = np.zeros((50, 4), dtype=np.uint32)  # 50 identical signatures: one bucket per band
    assert len(lsh_pairs(same, 2, 2)) == 50 * 49 // 2
    windowed = lsh_pairs(same, 2, 2, max_bucket=5)
    assert len(windowed) == sum(min(5, 49 - i) for i in range(50))
    assert (windowed[:, 1] - windowed[:, 0] <= 5).all()


def test_per_article_cap_keeps_each_articles_most_similar_partners():
    sig = np.array([[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 2], [1, 1, 2, 2], [1, 2, 2, 2]], dtype=np.uint32)
    pairs = np.array([[0, 1], [0, 2], [0, 3], [0, 4]])
    assert len(capped(pairs, sig, 4)) == 4  # under the cap: unchanged
    # Article 0 keeps its two closest; 3 and 4 keep theirs since each has only one partner.
    assert capped(pairs, sig, 2).tolist() == [[0, 1], [0, 2], [0, 3], [0, 4]]
    assert capped(pairs, sig, 1).tolist() == [[0, 1], [0, 2], [0, 3], [0, 4]]
    crowded = np.array([[0, 1], [0, 2], [1, 2], [0, 3], [1, 3], [2, 3]])
    assert capped(crowded, sig, 1).tolist() == [[0, 1], [0, 2], [2, 3]]


def test_neighbour_edges_read_like_a_dict_and_keep_the_last_value_of_a_repeated_pair():
    edges = NeighbourEdges.from_arrays(np.array([2, 0, 0, 1]), np.array([3, 1, 2, 3]),
                                       np.array([0.5, 0.875, 0.25, 0.75], dtype=np.float32))
    again = NeighbourEdges.from_arrays(np.array([0, 0]), np.array([1, 1]), np.array([0.5, 0.25], dtype=np.float32))
    assert dict(again.items()) == {(0, 1): 0.25}
    plain = {(0, 1): 0.875, (0, 2): 0.25, (1, 3): 0.75, (2, 3): 0.5}
    assert edges == plain and len(edges) == 4 and list(edges) == sorted(plain)
    assert edges[(1, 3)] == 0.75 and (1, 2) not in edges
    assert strongest_per_article(edges, 1, 0.3) == {(0, 1): 0.875, (1, 3): 0.75, (2, 3): 0.5}
    assert strongest_per_article(plain, 1, 0.3) == strongest_per_article(edges, 1, 0.3)


def _encode(texts: list[str]) -> np.ndarray:
    # A stand-in encoder: bag of words hashed into 64 dimensions, normalised.
    out = np.zeros((len(texts), 64), dtype=np.float32)
    for k, text in enumerate(texts):
        for word in text.lower().split():
            out[k, sum(word.encode()) % 64] += 1
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def test_copy_detection_frees_the_sentence_embeddings_it_made_but_not_the_callers():
    original = ("The harbour board said on Monday that the ferry would not sail. Storm warnings stay in "
                "force until Wednesday. Fishing boats were told to remain in port.")
    copy = original.replace("said", "stated").replace("remain", "stay")
    other = "A bakery won the regional prize for its rye bread. The jury met in the town hall on Friday."
    docs = [CopyDoc("a", original), CopyDoc("b", copy), CopyDoc("c", other)]
    sentences = SentenceCache(_encode)
    sentences.get("c", other)
    edges = detect_copies(docs, _encode([d.text for d in docs]), sentences, CopySettings(), release=True)
    assert [(e.source, e.target) for e in edges] == [("a", "b")]
    assert not sentences.has("a") and not sentences.has("b") and sentences.has("c")
    # Without `release` (the rewrites eval reuses the originals' sentences) all stay.
    kept = SentenceCache(_encode)
    detect_copies(docs, _encode([d.text for d in docs]), kept, CopySettings())
    assert kept.has("a") and kept.has("b")


def test_claim_links_join_a_repeated_claim_across_articles_only():
    from newsprobe.corpus.claimlinks import link_claims
    from newsprobe.model import Analysis

    claim = "The ferry company will cut the winter timetable to two crossings a day"
    texts = {"a": f"{claim}, its director said.", "b": f"Islanders learnt that {claim.lower()} from March.",
             "c": "The bakery in Osterby will open a second shop on the harbour front next spring."}
    analyses = []
    for article, text in texts.items():
        start = text.lower().index(claim.lower()) if article != "c" else 0
        end = start + len(claim) if article != "c" else len(text) - 1
        analyses.append(Analysis(text=text, id=article, published=f"2026-03-0{len(analyses) + 1}",
                                 claims=[{"start": start, "end": end}, {"start": start, "end": end}]))
    links = link_claims(analyses, [])
    assert [link["articles"] for link in links] == [["a", "b"]]
    assert links[0]["earliest"]["article"] == "a" and len(links[0]["mentions"]) == 4
