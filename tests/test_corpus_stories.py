"""Story clustering's cohesion test (corpus/stories.py): a merge must also reach a share of
the cohesion of the less cohesive cluster, so a tight story keeps its tight neighbour out
while a loose story still takes its weak members. Hand-made similarity graphs."""

from __future__ import annotations

from itertools import combinations

from newsprobe.corpus.stories import average_linkage


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
