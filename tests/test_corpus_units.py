"""Corpus building blocks without models: sentences, fingerprints, alignment, clustering,
nearest neighbours."""

from __future__ import annotations

import numpy as np

from newsprobe.corpus.align import align, sentence_spans
from newsprobe.corpus.fingerprints import containment, stopword_ngrams, word_shingles
from newsprobe.corpus.neighbours import nearest_neighbours, strongest_per_article
from newsprobe.corpus.stories import StorySettings, average_linkage, cluster_stories


def test_sentence_spans_split_on_lines_and_punctuation_not_abbreviations():
    text = "Port reopens\n\nMr. Lind said it was over. “Ships sail again!” Dr. Holm agreed.\nNext line"
    spans = sentence_spans(text)
    assert [s.text for s in spans] == ["Port reopens", "Mr. Lind said it was over.",
                                       "“Ships sail again!”", "Dr. Holm agreed.", "Next line"]
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_sentence_spans_split_a_missing_space_after_a_full_stop_not_a_name_or_a_domain():
    # Scraped pages lose the space between paragraphs ("euros.Le"); an account name
    # ("sunny.days.marlo") or initials ("U.S.Army") are not sentence ends.
    text = "Il aurait payé 3,2 millions d’euros.Le courtier dément.Das Konto sunny.days.marlo kam aus der U.S.Army."
    assert [s.text for s in sentence_spans(text)] == [
        "Il aurait payé 3,2 millions d’euros.", "Le courtier dément.",
        "Das Konto sunny.days.marlo kam aus der U.S.Army."]


def test_sentence_spans_keep_an_ordinal_date_whole():
    # German and Polish write "am 1. Juli": the full stop marks the ordinal, not an end.
    text = "Der Clip lief seit dem 1. Juli meistens auf TikTok. Am 3. Oktober kam die Antwort."
    assert [s.text for s in sentence_spans(text)] == [
        "Der Clip lief seit dem 1. Juli meistens auf TikTok.", "Am 3. Oktober kam die Antwort."]


def test_sentence_spans_keep_a_time_of_day_before_its_day_whole():
    # "6:15 a.m. Thursday": the clock time's full stop, not an end; "at 9 p.m. The" ends.
    text = "The blast came just after 6:15 a.m. Thursday in Velmora. It was over by 9 p.m. The mayor left."
    assert [s.text for s in sentence_spans(text)] == [
        "The blast came just after 6:15 a.m. Thursday in Velmora.", "It was over by 9 p.m.", "The mayor left."]


def test_stopword_ngrams_survive_synonym_swaps_word_shingles_do_not():
    a = "The council said that it would not raise the tax on the harbour before the vote in May."
    b = "The assembly stated that it would not increase the levy on the port before the ballot in May."
    assert containment(stopword_ngrams(a, 4), stopword_ngrams(b, 4)) == 1.0
    assert containment(word_shingles(a), word_shingles(b)) < 0.3


def test_align_one_to_one_best_first_with_anchors():
    spans = sentence_spans("One. Two. Three.")
    vecs = np.eye(3, dtype=np.float32)
    other = np.array([[1, 0, 0], [0, 0.6, 0.8], [0, 0, 1]], dtype=np.float32)
    assert [p.source.text for p in align(spans, spans, vecs, other, 0.9)] == ["One.", "Three."]
    # The middle pair (cosine 0.6) is aligned only as a neighbour of aligned pairs.
    assert len(align(spans, spans, vecs, other, 0.9, anchored_threshold=0.5)) == 3


def test_with_ledes_adds_the_two_first_sentences_of_known_versions():
    from newsprobe.corpus.align import with_ledes
    # A reworded lede (cosine 0.6) with nothing aligned next to it: the two first sentences
    # stand in the same place; a sentence further down at 0.6 does not.
    spans = sentence_spans("One. Two. Three.")
    vecs = np.eye(3, dtype=np.float32)
    lede = np.array([[0.6, 0, 0], [0, 0, 0], [0, 0, 1]], dtype=np.float32)
    pairs = align(spans, spans, vecs, lede, 0.9, anchored_threshold=0.5)
    assert [p.source.text for p in pairs] == ["Three."]  # the decision never sees the lede
    pairs = with_ledes(pairs, spans, spans, vecs, lede, 0.5)
    assert [(p.source.text, p.target.text) for p in pairs] == [("One.", "One."), ("Three.", "Three.")]
    later = np.array([[0, 0, 0], [0, 0.6, 0], [0, 0, 0]], dtype=np.float32)
    assert with_ledes(align(spans, spans, vecs, later, 0.9, 0.5), spans, spans, vecs, later, 0.5) == []
    assert len(with_ledes(pairs, spans, spans, vecs, lede, 0.5)) == 2  # aligned already: once


def test_average_linkage_merges_dense_groups_only():
    edges = {(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.8, (2, 3): 0.5, (3, 4): 0.95}
    groups = sorted(average_linkage(5, edges, threshold=0.6, missing=0.0))
    assert groups == [[0, 1, 2], [3, 4]]


def test_cluster_stories_uses_entities_and_time():
    vecs = np.array([[1, 0], [0.6, 0.8], [-1, 0]], dtype=np.float32)
    ents = [frozenset({"tessa"}), frozenset({"tessa"}), frozenset()]
    settings = StorySettings(threshold=0.7, entity_weight=0.3, time_window_days=7, time_penalty=0.3)
    # cosine 0.6 + shared names 0.3 = 0.9: one story ...
    groups = cluster_stories(vecs, ents, ["2026-01-01", "2026-01-02", None], settings)
    assert [0, 1] in groups and [2] in groups
    # ... but not five months apart (0.9 - 0.3 < 0.7).
    far_apart = cluster_stories(vecs, ents, ["2026-01-01", "2026-06-01", None], settings)
    assert [0] in far_apart and [1] in far_apart


def test_nearest_neighbours_inverted_lists_find_the_true_neighbours():
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(40, 16))
    points = np.repeat(centres, 150, axis=0) + 0.05 * rng.normal(size=(6000, 16))
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    edges = nearest_neighbours(points.astype(np.float32), k=3, min_sim=0.9)
    assert len(edges) >= 6000  # every point keeps neighbours, all from its own group
    assert all(i // 150 == j // 150 for i, j in edges)


def test_sparse_average_linkage_matches_the_dense_textbook_one():
    # Full graph: the sparse version with versioned heap entries must give the same groups
    # as plain average linkage that recomputes every cluster pair after each merge.
    rng = np.random.default_rng(3)
    points = np.repeat(rng.normal(size=(6, 8)), 5, axis=0) + 0.6 * rng.normal(size=(30, 8))
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    sims = points @ points.T
    edges = {(i, j): float(sims[i, j]) for i in range(30) for j in range(i + 1, 30)}
    clusters = [[i] for i in range(30)]
    while True:
        best, pair = 0.3, None
        for x in range(len(clusters)):
            for y in range(x + 1, len(clusters)):
                s = sims[np.ix_(clusters[x], clusters[y])].mean()
                if s >= best:
                    best, pair = s, (x, y)
        if pair is None:
            break
        x, y = pair
        clusters[x] = sorted(clusters[x] + clusters.pop(y))
    assert sorted(average_linkage(30, edges, threshold=0.3, missing=0.0)) == sorted(clusters)


def test_strongest_per_article_narrows_a_wider_search_to_the_narrow_one():
    rng = np.random.default_rng(1)
    points = rng.normal(size=(300, 12)).astype(np.float32)
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    wide = nearest_neighbours(points, k=40, min_sim=0.0)
    assert strongest_per_article(wide, 5, 0.3) == nearest_neighbours(points, k=5, min_sim=0.3)


def test_sentence_spans_split_before_any_capital_or_a_caseless_script():
    # A sentence may start with a capital outside A-Z (Cyrillic, Polish, German umlauts),
    # with a letter of a script that has no case (Arabic), or after Spanish ¿ or French «.
    cases = {
        "Корабли вышли в море. Порт снова открыт.": ["Корабли вышли в море.", "Порт снова открыт."],
        "Statki wypłynęły. Żaden nie wrócił.": ["Statki wypłynęły.", "Żaden nie wrócił."],
        "Die Schiffe fahren. Über Nacht kamen sie an.": ["Die Schiffe fahren.", "Über Nacht kamen sie an."],
        "غادرت السفن الميناء. عاد الميناء إلى العمل.": ["غادرت السفن الميناء.", "عاد الميناء إلى العمل."],
        "Los barcos salieron. ¿Volverán pronto?": ["Los barcos salieron.", "¿Volverán pronto?"],
        "Le port rouvre. « Enfin », dit le maire.": ["Le port rouvre.", "« Enfin », dit le maire."],
    }
    for text, sentences in cases.items():
        assert [s.text for s in sentence_spans(text)] == sentences, text
    # A lower-case word after a full stop still continues the sentence (an abbreviation
    # the list does not know, "ca. ten ships").
    assert len(sentence_spans("They sent ca. ten ships to the port.")) == 1


def test_sentence_spans_split_after_reference_markers():
    from newsprobe.corpus.align import sentence_spans
    text = "The ferry company was founded in 1851.[1][2] It runs 12 boats.[note 3] Tickets are cheap.[a] Fine."
    assert [s.text for s in sentence_spans(text)] == [
        "The ferry company was founded in 1851.[1][2]", "It runs 12 boats.[note 3]", "Tickets are cheap.[a]", "Fine."]
