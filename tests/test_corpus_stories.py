"""Story clustering (corpus/stories.py). The cohesion test: a merge must also reach a share
of the cohesion of the less cohesive cluster, so a tight story keeps its tight neighbour out
while a loose story still takes its weak members (hand-made similarity graphs). The array
implementation: the same groups, in the same order, as the dict-based one it replaced, and
the same similarities to the last bit (random graphs, exact ties included)."""

from __future__ import annotations

import random
from itertools import combinations

import numpy as np
import pytest

from newsprobe.corpus.neighbours import NeighbourEdges
from newsprobe.corpus.stories import StorySettings, average_linkage, pair_similarity, story_similarities


def _graph(groups: list[tuple[list[int], float]], across: dict[tuple[int, int], float]) -> dict:
    edges = {}
    for members, inside in groups:
        for i, j in combinations(members, 2):
            edges[(i, j)] = inside
    edges.update(across)
    return edges


def test_two_tight_neighbouring_stories_stay_apart_with_the_cohesion_test():
    # Articles 0-3 alike at 0.7, 4-6 at 0.7, every pair across at 0.45.
    across = {(i, j): 0.45 for i in range(4) for j in range(4, 7)}
    edges = _graph([([0, 1, 2, 3], 0.7), ([4, 5, 6], 0.7)], across)
    assert sorted(average_linkage(7, edges, threshold=0.3, missing=0.2)) == [[0, 1, 2, 3, 4, 5, 6]]
    kept = sorted(average_linkage(7, edges, threshold=0.3, missing=0.2, cohesion_ratio=0.76))
    assert kept == [[0, 1, 2, 3], [4, 5, 6]]


def test_a_loose_story_still_takes_a_weak_member():
    # A loose story (0.4 inside) and an article at 0.35 to each member: 0.35 >= 0.76 x 0.4.
    edges = _graph([([0, 1, 2, 3], 0.4)], {(i, 4): 0.35 for i in range(4)})
    assert sorted(average_linkage(5, edges, threshold=0.3, missing=0.2, cohesion_ratio=0.76)) == [[0, 1, 2, 3, 4]]


def test_the_cohesion_test_off_is_plain_average_linkage():
    edges = {(0, 1): 0.9, (1, 2): 0.5, (0, 2): 0.5, (2, 3): 0.1}
    assert sorted(average_linkage(4, edges, 0.4, 0.0)) == sorted(average_linkage(4, edges, 0.4, 0.0, 0.0))


# --- the array clustering gives what the dict-based one it replaced gave --------------

def _dict_average_linkage(n, edges, threshold, missing, cohesion_ratio=0.0):
    """The per-cluster-dict implementation that `linkage_clusters` replaced (kept here as
    the reference): same merges, same float sums, same groups in the same order."""
    import heapq

    members = {i: [i] for i in range(n)}
    inner, version = [0.0] * n, [0] * n
    links = {i: {} for i in range(n)}
    for (i, j), s in edges.items():
        links[i][j] = links[j][i] = [s, 1]

    def linkage(a, b):
        total, count = links[a][b]
        pairs = len(members[a]) * len(members[b])
        return (total + missing * (pairs - count)) / pairs

    def coherent(a, b, s):
        known = [inner[c] / (len(members[c]) * (len(members[c]) - 1) / 2) for c in (a, b) if len(members[c]) > 1]
        return not cohesion_ratio or not known or s >= cohesion_ratio * min(known)

    heap = [(-s, i, j, 0, 0) for (i, j), s in edges.items() if s >= threshold]
    heapq.heapify(heap)
    while heap:
        neg, a, b, va, vb = heapq.heappop(heap)
        if version[a] != va or version[b] != vb or a not in members or b not in members or not coherent(a, b, -neg):
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        inner[a] += inner[b] + -neg * len(members[a]) * len(members[b])
        members[a].extend(members.pop(b))
        version[a] += 1
        for c, (total, count) in links.pop(b).items():
            if c == a:
                continue
            del links[c][b]
            entry = links[a].setdefault(c, [0.0, 0])
            entry[0] += total
            entry[1] += count
            links[c][a] = entry
        links[a].pop(b, None)
        for c in links[a]:
            if (s := linkage(a, c)) >= threshold:
                heapq.heappush(heap, (-s, a, c, version[a], version[c]))
    return [sorted(m) for m in members.values()]


def test_array_linkage_equals_the_dict_linkage_it_replaced_ties_and_cohesion_included():
    rng = random.Random(7)
    for _ in range(300):
        n = rng.randint(1, 30)
        density, step = rng.random(), rng.choice([None, 0.05, 0.1])  # rounded: many exact ties
        edges = {}
        for i, j in combinations(range(n), 2):
            if rng.random() < density:
                s = rng.uniform(-0.2, 1.0)
                edges[(i, j)] = round(s / step) * step if step else s
        args = (rng.choice([0.2, 0.3, 0.5]), rng.choice([0.0, 0.2, 0.6]), rng.choice([0.0, 0.76]))
        assert average_linkage(n, edges, *args) == _dict_average_linkage(n, edges, *args)


def test_story_similarities_are_pair_similarity_to_the_last_bit():
    rng = random.Random(3)
    n = 40
    names = ["ana", "bo", "cyr", "dee", "eli"]
    entities = [frozenset(rng.sample(names, rng.randint(0, 4))) for _ in range(n)]
    days = [None if rng.random() < 0.3 else 739000 + rng.randint(0, 30) for _ in range(n)]
    pairs = [(i, j) for i, j in combinations(range(n), 2) if rng.random() < 0.4]
    edges = NeighbourEdges(np.array([p[0] for p in pairs], np.int32), np.array([p[1] for p in pairs], np.int32),
                           np.array([rng.uniform(-0.5, 1) for _ in pairs], np.float32))
    settings = StorySettings()
    expected = [pair_similarity(cos, entities[i], entities[j], days[i], days[j], settings)
                for (i, j), cos in edges.items()]
    assert story_similarities(edges, entities, days, settings).tolist() == expected


def test_a_copy_link_puts_two_otherwise_distant_articles_in_one_story():
    # Two articles with unrelated vectors (a translation read by an English encoder) and a
    # third far from both: only the copy link joins the first two.
    from newsprobe.corpus.stories import cluster_stories

    vectors = np.eye(3, dtype=np.float32)
    settings = StorySettings(threshold=0.15, entity_weight=0.0, neighbour_min_cosine=0.0, missing_similarity=0.0,
                             copy_weight=0.2)
    no_dates = [None, None, None]
    assert cluster_stories(vectors, [frozenset()] * 3, no_dates, settings) == [[0], [1], [2]]
    assert cluster_stories(vectors, [frozenset()] * 3, no_dates, settings, copy_pairs=[(1, 0)]) == [[0, 1], [2]]


def _event_rows(rows: list[list[float]]):
    from scipy.sparse import csr_matrix
    matrix = np.array(rows, dtype=np.float64)
    return csr_matrix(matrix / np.linalg.norm(matrix, axis=1, keepdims=True))


def test_event_words_split_same_actors_only_within_one_language_and_never_a_copy():
    # Three pairs, each at MiniLM cosine 0.5 and with no shared event words: in one
    # language (0-1) the score goes to 0; across languages (2-3, words cannot meet) and for
    # a copy-linked pair (4-5) it stays.
    from newsprobe.corpus.stories import with_events

    settings = StorySettings(event_weight=1.0, event_floor=0.3, event_penalty=0.3, event_scale=0.0,
                             event_cosine_floor=0.55)
    edges = NeighbourEdges.from_arrays(np.array([0, 2, 4], dtype=np.int32), np.array([1, 3, 5], dtype=np.int32),
                                       np.array([0.5, 0.5, 0.5], dtype=np.float32))
    events = _event_rows([[1, 0], [0, 1]] * 3)
    languages = ["en", "en", "en", "de", "en", "en"]
    out = with_events(np.array([0.6, 0.6, 0.6]), edges, events, languages, np.array([False, False, True]), settings)
    assert out.tolist() == [0.0, 0.6, 0.6]
    # Close in meaning (cosine >= 0.55), the same pair only loses the penalty; sharing the
    # event words, it gains their similarity.
    close = NeighbourEdges.from_arrays(edges.first, edges.second, np.array([0.7, 0.7, 0.7], dtype=np.float32))
    assert with_events(np.array([0.6, 0.6, 0.6]), close, events, languages, None, settings)[0] == pytest.approx(0.3)
    same = _event_rows([[1, 0]] * 6)
    assert with_events(np.array([0.6, 0.6, 0.6]), edges, same, languages, None, settings)[0] == pytest.approx(1.6)


def test_a_follow_up_is_spared_the_lede_test_and_a_pair_naming_two_days_loses_the_cosine_exception():
    # Three same-language pairs whose ledes share no event words. 0-1: the same specific
    # names and the same event in the whole texts, two days apart: a follow-up, its score
    # kept. 2-3: the same names, but their whole texts tell of other things: set apart.
    # 4-5: close in meaning (cosine 0.7), which alone keeps the score less the penalty,
    # unless their ledes name two different weekdays.
    from newsprobe.corpus.stories import follow_ups, with_events

    settings = StorySettings(event_weight=1.0, event_floor=0.3, event_penalty=0.3, event_scale=0.0,
                             event_cosine_floor=0.55, followup_anchor=0.2, followup_words=0.15,
                             lede_day_conflict=True)
    edges = NeighbourEdges.from_arrays(np.array([0, 2, 4], dtype=np.int32), np.array([1, 3, 5], dtype=np.int32),
                                       np.array([0.45, 0.45, 0.7], dtype=np.float32))
    anchor_sims = np.array([0.4, 0.4, 0.1])
    text_event_sims = np.array([0.3, 0.05, 0.05])
    days = [100, 102, 100, 102, None, None]
    followup = follow_ups(edges, anchor_sims, text_event_sims, days, settings)
    assert followup.tolist() == [True, False, False]
    events = _event_rows([[1, 0], [0, 1]] * 3)
    languages = ["en"] * 6
    out = with_events(np.array([0.6, 0.6, 0.6]), edges, events, languages, None, settings, followup=followup)
    assert out.tolist() == [0.6, 0.0, pytest.approx(0.3)]
    out = with_events(np.array([0.6, 0.6, 0.6]), edges, events, languages, None, settings, followup=followup,
                      weekdays=[None, None, None, None, 1, 2])
    assert out.tolist() == [0.6, 0.0, 0.0]
    # A follow-up is near in time: dated further apart than the window, it is not one.
    assert follow_ups(edges, anchor_sims, text_event_sims, [100, 130, 100, 102, None, None],
                      settings).tolist() == [False, False, False]
