"""Origin and route of copy families (corpus/origin.py).

The end-to-end tests run the corpus stage (real spaCy, MiniLM, SQLite) on a family
written for this test: an original report, a verbatim copy of it that adds a source
line, and a spun copy of that copy with a changed number. The unit tests read copies
given as contract dicts, the corpus stage's own output shape."""

from __future__ import annotations

import json

import pytest

from newsprobe.corpus.contract import check_corpus_spans, upgrade_corpus, validate_corpus
from newsprobe.corpus.origin import copy_families, family_route, readings
from newsprobe.corpus.run import run_corpus
from newsprobe.store import Store

ORIGINAL = (
    "Flood warnings were issued for the Kessel valley on Sunday as the river kept rising. "
    "Around 300 homes near the river were evacuated overnight, the fire service said. "
    "The mayor, Tove Brand, asked residents to stay away from the old bridges. "
    "Schools in the valley will stay closed until Wednesday, the council said. "
    "Engineers are checking the dam above the town of Orsa every two hours. "
    "Forecasters expect more rain on Tuesday, with up to 40 millimetres in the hills. "
    "Emergency shelters have opened in the sports hall and in two churches.")
SOURCE_LINE = "This article first appeared on the Kessel Courier website and is republished with permission."
COPY = ORIGINAL + " " + SOURCE_LINE
SPUN = (
    "Flood alerts were issued for the Kessel valley on Sunday as the river continued rising. "
    "Around 800 homes close to the river were evacuated overnight, the fire service said. "
    "The mayor, Tove Brand, urged residents to keep away from the old bridges. "
    "Schools in the valley will remain closed until Wednesday, the council said. "
    "Engineers are inspecting the dam above the town of Orsa every two hours. "
    "Forecasters predict more rain on Tuesday, with up to 40 millimetres in the hills. "
    "Emergency shelters have opened in the sports hall and in two churches. "
    "This article first appeared on the Kessel Courier site and is republished with permission.")
UNRELATED = ("The city council approved a new budget for public libraries on Monday. "
             "Opening hours will be extended on weekends from March, the council said. "
             "The plan costs 2 million euros over three years.")


def _jsonl(path, rows):
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def dated_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("origin")
    rows = [{"id": "spun", "title": "Flood alerts in the Kessel valley", "text": SPUN, "published": "2026-03-03"},
            {"id": "copy", "title": "Floods in the Kessel valley", "text": COPY, "published": "2026-03-02"},
            {"id": "original", "title": "Floods in the Kessel valley", "text": ORIGINAL, "published": "2026-03-01"},
            {"id": "other", "title": "Library budget", "text": UNRELATED, "published": "2026-03-01"}]
    return folder / "np.db", run_corpus([_jsonl(folder / "in.jsonl", rows)], folder / "np.db")


@pytest.fixture(scope="module")
def undated_run(tmp_path_factory):
    # No dates: the route must come from the text alone (the added source line).
    folder = tmp_path_factory.mktemp("origin-undated")
    rows = [{"id": "spun", "text": SPUN}, {"id": "copy", "text": COPY}, {"id": "original", "text": ORIGINAL}]
    return folder / "np.db", run_corpus([_jsonl(folder / "in.jsonl", rows)], folder / "np.db")


def _family(result):
    (family,) = result["families"]
    return family


def test_origin_names_the_original_and_the_route_a_b_c(dated_run):
    _, run = dated_run
    family = _family(run.result)
    assert family["articles"] == ["copy", "original", "spun"]
    assert family["original"] == "original"
    assert [(h["parent"], h["child"]) for h in family["route"]] == [("original", "copy"), ("copy", "spun")]
    assert family["confidence"] == "high"
    assert any("published first" in r for r in family["reasons"])


def test_origin_each_hop_lists_what_changed_from_parent_to_child(dated_run):
    _, run = dated_run
    first, second = _family(run.result)["route"]
    assert first["kind"] == "verbatim" and not first["changes"]
    numbers = [(c["source"]["text"], c["target"]["text"]) for c in second["changes"] if c["kind"] == "changed_number"]
    assert ("300", "800") in numbers


def test_origin_output_satisfies_the_contract(dated_run):
    db, run = dated_run
    assert run.result["schema"] == "newsprobe.corpus/2"
    validate_corpus(run.result)
    with Store.open(db) as store:
        check_corpus_spans(run.result, lambda i: store.get_analysis(i).text)


def test_origin_without_dates_comes_from_the_text(undated_run):
    _, run = undated_run
    family = _family(run.result)
    assert family["original"] == "original"
    assert [(h["parent"], h["child"]) for h in family["route"]] == [("original", "copy"), ("copy", "spun")]
    assert family["confidence"] in ("medium", "low")
    # The spun copy's hop runs against the copy's stored direction or with it; either way
    # the changes read parent -> child.
    spun_hop = family["route"][1]
    numbers = [(c["source"]["text"], c["target"]["text"]) for c in spun_hop["changes"] if c["kind"] == "changed_number"]
    assert ("300", "800") in numbers


@pytest.fixture(scope="module")
def dateline_run(tmp_path_factory):
    # Plain text pages whose only dates are their datelines; the later page is a copy
    # that dropped the last two sentences, so the text alone points the wrong way (the
    # longer version looks like the one that added material).
    folder = tmp_path_factory.mktemp("origin-datelines")
    trimmed = ORIGINAL.rsplit(" Forecasters", 1)[0]
    pages = {"courier.txt": f"Floods in the Kessel valley\n\nPublished 1 March 2026\n{ORIGINAL}",
             "aggregator.txt": f"Floods in the Kessel valley\n\nPosted on 4 March 2026\n{trimmed}"}
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    return run_corpus([str(folder / name) for name in pages], folder / "np.db")


def test_origin_reads_the_dates_the_pages_show(dateline_run):
    articles = {a["id"]: a for a in dateline_run.result["articles"]}
    assert sorted(a["published"] for a in articles.values()) == ["2026-03-01", "2026-03-04"]
    family = _family(dateline_run.result)
    assert articles[family["original"]]["published"] == "2026-03-01"
    assert 'published first (2026-03-01, its dateline reads "1 March 2026"; 2 of 2 dated)' in family["reasons"]


# --- units, on copies given as contract dicts ---------------------------------------

def _copy(cid, source, target, kind="rewritten", score=0.9, words=0.3, share_source=0.9, share_target=0.9,
          direction="unknown", evidence=()):
    return {"id": cid, "source": source, "target": target, "kind": kind, "score": score,
            "direction": direction, "evidence": list(evidence), "pairs": [], "changes": [],
            "features": {"word_containment": words, "aligned_share_source": share_source,
                         "aligned_share_target": share_target}}


def test_copy_families_stay_within_one_story():
    copies = [_copy("k1", "a", "b"), _copy("k2", "b", "c"), _copy("k3", "c", "d")]
    assert copy_families(copies, {"a": "s1", "b": "s1", "c": "s1", "d": "s2"}) == [["a", "b", "c"]]


def test_a_later_date_weighs_against_being_the_parent():
    forward, backward = readings(_copy("k1", "a", "b"), {"a": "2026-01-01", "b": "2026-01-05"})
    assert forward.weight - backward.weight == pytest.approx(3.0)
    # Month precision against a day in that month orders nothing.
    forward, backward = readings(_copy("k1", "a", "b"), {"a": "2026-01", "b": "2026-01-05"})
    assert forward.weight == backward.weight


def test_an_undated_version_is_less_likely_the_original_of_a_dated_one():
    forward, backward = readings(_copy("k1", "a", "b"), {"a": "2026-01-01", "b": None})
    assert forward.weight - backward.weight == pytest.approx(0.25)
    assert "undated, the copy is dated (against)" in backward.reasons
    assert family_route(["a", "b"], [_copy("k1", "b", "a")], {"a": "2026-01-01", "b": None})["original"] == "a"
    # A tie-breaker only: material the dated version adds still makes it the copy.
    added = _copy("k1", "b", "a", share_source=0.95, share_target=0.6)
    assert family_route(["a", "b"], [added], {"a": "2026-01-01", "b": None})["original"] == "b"


def test_the_version_that_adds_material_is_the_copy():
    # a's sentences are all found in b (share 1.0); b has 30% of its own.
    found = family_route(["a", "b"], [_copy("k1", "b", "a", share_source=0.7, share_target=1.0)], {})
    assert found["original"] == "a" and found["hops"][0].reversed


def test_an_excerpt_is_the_copy_not_the_original():
    # Copy detection orients a partial copy: the excerpt (b) derives from the longer text.
    excerpt = _copy("k1", "a", "b", kind="partial", share_source=0.3, share_target=1.0,
                    direction="forward", evidence=["contained in the longer text"])
    assert family_route(["a", "b"], [excerpt], {})["original"] == "a"


def test_a_copy_hangs_under_its_nearest_version():
    # c is a spin of b (close), farther from a; a -> b is a verbatim copy.
    copies = [_copy("k1", "a", "b", kind="verbatim", words=0.95), _copy("k2", "b", "c", words=0.4),
              _copy("k3", "a", "c", score=0.8, words=0.3)]
    found = family_route(["a", "b", "c"], copies, {"a": "2026-01-01", "b": "2026-01-02"})
    assert found["original"] == "a"
    assert {(h.parent, h.child) for h in found["hops"]} == {("a", "b"), ("b", "c")}


def test_a_family_with_no_evidence_either_way_is_low_confidence():
    found = family_route(["a", "b"], [_copy("k1", "a", "b")], {})
    assert found["confidence"] == "low" and found["margin"] == 0


def test_a_corpus_1_object_is_read_as_corpus_2():
    old = {"schema": "newsprobe.corpus/1", "articles": [], "stories": [], "copies": [], "claim_links": [],
           "meta": {"newsprobe": "0.1"}}
    validate_corpus(old)
    new = upgrade_corpus(old)
    assert new["schema"] == "newsprobe.corpus/2" and new["families"] == []
    validate_corpus(new)


# --- what the reports show -------------------------------------------------------------

def test_the_text_report_draws_the_route_as_an_indented_tree(dated_run):
    from rich.console import Console

    from newsprobe.render.corpus_text import render

    _, run = dated_run
    console = Console(record=True, width=400)
    render(run.result, console)
    lines = console.export_text().splitlines()
    at = next(i for i, line in enumerate(lines) if "route of 3 versions" in line)
    assert "high confidence" in lines[at] and "next most likely original: Floods in the Kessel valley" in lines[at]
    tree = lines[at + 1:at + 3]
    assert tree[0].startswith("  original Floods in the Kessel valley 2026-03-01")
    assert tree[1].startswith("     └ verbatim copy Floods in the Kessel valley 2026-03-02 (0 changes")
    spun = next(i for i, line in enumerate(lines) if "└ rewritten copy Flood alerts" in line)
    assert lines[spun].startswith("        └")  # under the verbatim copy
    # Each change of the hop with its two sentences: the parent's (P) above the copy's (C).
    at = next(i for i in range(spun + 1, len(lines)) if "changed_number: 300 became 800" in lines[i])
    assert lines[at + 1].strip() == "P Around 300 homes near the river were evacuated overnight, the fire service said."
    assert lines[at + 2].strip() == "C Around 800 homes close to the river were evacuated overnight, the fire service said."


def test_the_html_report_shows_the_route_with_changes_side_by_side(dated_run):
    from newsprobe.render.corpus_html import render

    _, run = dated_run
    page = render(run.result)
    routes = page[page.index("<section class='routes'>"):page.index("</section>", page.index("<section class='routes'>"))]
    assert routes.count("class='route-node route-d") == 3
    assert "route-d2'><span class='route-mark'>└ rewritten copy · " in routes
    # parent on the left, the copy on the right, the number marked in each
    assert "<td class='side source'>Around <mark class='chg chg-changed_number'>300</mark>" in routes
    assert "<td class='side target'>Around <mark class='chg chg-changed_number'>800</mark>" in routes


def test_the_html_report_escapes_route_text():
    from newsprobe.render.corpus_html import render

    evil = "<script>alert(1)</script>"
    span = {"start": 0, "end": len(evil), "text": evil}
    change = {"id": "f1.h1.1", "kind": "changed_number", "source": span, "target": span, "message": evil}
    result = {"schema": "newsprobe.corpus/2", "meta": {"newsprobe": "t"}, "claim_links": [],
              "articles": [{"id": i, "title": evil, "url": None, "outlet": evil, "published": evil, "story": "s1"}
                           for i in ("a", "b")],
              "stories": [{"id": "s1", "label": evil, "articles": ["a", "b"], "first_published": None,
                           "last_published": None, "entities": []}],
              "copies": [{"id": "k1", "source": "a", "target": "b", "kind": "verbatim", "direction": "unknown",
                          "evidence": [evil], "score": 1.0, "features": {},
                          "pairs": [{"source": span, "target": span, "similarity": 1.0}], "changes": [change]}],
              "families": [{"id": "f1", "story": "s1", "articles": ["a", "b"], "original": "b",
                            "confidence": "low", "margin": 0.0, "runner_up": "a", "reasons": [evil],
                            "route": [{"id": "f1.h1", "parent": "b", "child": "a", "copy": "k1", "kind": "verbatim",
                                       "reversed": True, "weight": 1.0, "reasons": [evil], "changes": [change]}]}]}
    validate_corpus(result)
    page = render(result)
    assert "<section class='routes'>" in page and "<script>" not in page


def test_a_page_compiling_excerpts_of_two_sources_joins_two_originals():
    # b copies a (a dated first); c is a short page made of an excerpt of b and one of w.
    # One root would put w under c, its own excerpt, against copy detection's direction.
    excerpt = dict(kind="partial", score=0.35, words=0.3, share_source=0.3, share_target=0.45,
                   direction="forward", evidence=["contained in the longer text"])
    copies = [_copy("k1", "a", "b"), _copy("k2", "b", "c", **excerpt), _copy("k3", "w", "c", **excerpt)]
    found = family_route(["a", "b", "c", "w"], copies, {"a": "2026-01-01", "b": "2026-01-02"})
    assert found["original"] == "a" and found["originals"] == ["a", "w"]
    assert {(h.parent, h.child) for h in found["hops"]} == {("a", "b"), ("b", "c")}
    assert any("more original" in r for r in found["reasons"])


def test_an_undated_parent_alone_does_not_contradict_a_reading():
    # A loose copy (closeness 0.2): the undated tie-breaker takes the reading from the
    # undated version below zero, but it is no evidence against it; a later date is.
    loose = _copy("k1", "a", "b", score=0.2, words=0.2, share_source=0.5, share_target=0.5)
    undated, _ = readings(loose, {"a": None, "b": "2026-01-01"})
    assert undated.weight < 0 and not undated.contradicted
    later, _ = readings(loose, {"a": "2026-01-02", "b": "2026-01-01"})
    assert later.contradicted


def test_the_reports_draw_every_original_of_a_family():
    from rich.console import Console

    from newsprobe.render.corpus_html import render as render_html
    from newsprobe.render.corpus_text import render as render_text

    span = {"start": 0, "end": 4, "text": "Text"}
    result = {"schema": "newsprobe.corpus/2", "meta": {"newsprobe": "t"}, "claim_links": [],
              "articles": [{"id": i, "title": f"Title {i}", "url": None, "outlet": None, "published": None,
                            "story": "s1"} for i in ("a", "b", "c")],
              "stories": [{"id": "s1", "label": "Title a", "articles": ["a", "b", "c"], "first_published": None,
                           "last_published": None, "entities": []}],
              "copies": [{"id": f"k{n}", "source": s, "target": t, "kind": "partial", "direction": "forward",
                          "evidence": ["contained in the longer text"], "score": 0.4, "features": {},
                          "pairs": [{"source": span, "target": span, "similarity": 1.0}], "changes": []}
                         for n, (s, t) in enumerate((("a", "b"), ("c", "b")), 1)],
              "families": [{"id": "f1", "story": "s1", "articles": ["a", "b", "c"], "original": "a",
                            "originals": ["a", "c"], "confidence": "low", "margin": 0.0, "runner_up": "c",
                            "reasons": ["1 more original(s) in the family"],
                            "route": [{"id": "f1.h1", "parent": "a", "child": "b", "copy": "k1", "kind": "partial",
                                       "reversed": False, "weight": 0.4, "reasons": [], "changes": []}]}]}
    validate_corpus(result)
    page = render_html(result)
    routes = page[page.index("<section class='routes'>"):page.index("</section>", page.index("<section class='routes'>"))]
    assert routes.count("class='route-node route-d") == 3 and routes.count(">original<") == 2
    console = Console(record=True, width=200)
    render_text(result, console)
    lines = console.export_text().splitlines()
    assert [line.strip().split(" undated")[0] for line in lines if line.strip().startswith("original")] == \
        ["original Title a", "original Title c"]


def test_a_hop_against_its_copy_gets_the_copy_checks_read_the_other_way():
    from newsprobe.corpus.origin import Reading, hop_changes
    from newsprobe.model import Analysis
    # The copy runs de -> en, the route reads it en -> de: the English text is the parent.
    de = "Der Clip wurde seit dem 3. Mai wohl vor allem auf TikTok verbreitet."
    en = "The clip has been spread since May 3, mostly on TikTok."
    pair = {"source": {"start": 0, "end": len(de), "text": de}, "target": {"start": 0, "end": len(en), "text": en},
            "similarity": 0.7}
    translated = {**_copy("k1", "de", "en"), "evidence": ["translated (de -> en)"], "pairs": [pair], "changes": []}
    by_id = {"de": Analysis(id="de", text=de, language="de"), "en": Analysis(id="en", text=en, language="en")}
    (change,) = hop_changes(Reading("en", "de", translated, 0.5), by_id)
    assert change["kind"] == "added_hedge" and change["target"]["text"] == "wohl"
    # Same language: a name the parent spells otherwise outside the aligned pairs.
    # (two sentences in common: a copy by the reader's rule, changes._versions_of_each_other)
    b = "Marta Lindqvist opened the ferry terminal on Monday. Cyclists will travel free of charge on every crossing."
    a = b + " Marta Lindkvist thanked the crews."
    pairs = [{"source": {"start": s, "end": e, "text": b[s:e]}, "target": {"start": s, "end": e, "text": a[s:e]},
              "similarity": 0.99} for s, e in ((0, 51), (52, len(b)))]
    same = {**_copy("k2", "b", "a"), "pairs": pairs, "changes": []}
    by_id = {"a": Analysis(id="a", text=a, language="en"), "b": Analysis(id="b", text=b, language="en")}
    (change,) = hop_changes(Reading("a", "b", same, 0.5), by_id)
    assert change["kind"] == "swapped_entity" and change["source"]["text"] == "Lindkvist"


def _edge(source, target, texts, direction="unknown"):
    """A same-language copy between two of `texts`, its sentences aligned in order."""
    from newsprobe.corpus.align import AlignedPair, sentence_spans
    from newsprobe.corpus.copies import CopyEdge

    pairs = [AlignedPair(s, t, 0.9) for s, t in zip(sentence_spans(texts[source]), sentence_spans(texts[target]))]
    return CopyEdge(source, target, "rewritten", 0.8, direction, [], {}, pairs)


HEDGED = "The minister reportedly signed the harbour contract on Friday. Work on the new pier starts in May."
PLAIN = "The minister signed the harbour contract on Friday. Work on the new pier starts in May."
HEDGED_SPUN = "The minister reportedly signed the harbour deal on Friday. Work on the new pier begins in May."
PLAIN_SPUN = "The minister signed the harbour deal on Friday. Work on the new pier begins in May."


def _family_changes(texts, edges):
    from newsprobe.corpus.changes import copy_changes
    from newsprobe.corpus.origin import orient_by_family
    from newsprobe.model import Analysis

    by_id = {k: Analysis(id=k, text=t, language="en") for k, t in texts.items()}
    orient_by_family(edges, by_id)
    return [(e.source, e.target, e.direction, [c.kind for c in copy_changes(e.pairs, by_id[e.source], by_id[e.target])])
            for e in edges]


def test_the_family_majority_orients_a_hedge_change_of_unknown_direction():
    # a and c say "reportedly", b does not: the hedge was dropped by b, so the copy
    # stored as b -> a (read: a added it) is turned round to a -> b.
    texts = {"a": HEDGED, "b": PLAIN, "c": HEDGED_SPUN}
    edges = [_edge("b", "a", texts), _edge("a", "c", texts), _edge("b", "c", texts)]
    first, *_ = _family_changes(texts, edges)
    assert first == ("a", "b", "forward", ["dropped_hedge"])
    assert "wording most of the copy family shares" in edges[0].evidence


def test_the_family_majority_can_say_the_hedge_was_added():
    # Two witnesses without the hedge: the version with it added it.
    texts = {"a": HEDGED, "b": PLAIN, "c": PLAIN_SPUN}
    edges = [_edge("a", "b", texts), _edge("a", "c", texts), _edge("b", "c", texts)]
    first, *_ = _family_changes(texts, edges)
    assert first == ("b", "a", "forward", ["added_hedge"])


def test_a_two_member_family_or_a_known_direction_is_left_as_it_is():
    texts = {"a": HEDGED, "b": PLAIN}
    assert _family_changes(texts, [_edge("b", "a", texts)]) == [("b", "a", "unknown", ["added_hedge"])]
    texts = {"a": HEDGED, "b": PLAIN, "c": HEDGED_SPUN}
    edges = [_edge("b", "a", texts, direction="forward"), _edge("a", "c", texts), _edge("b", "c", texts)]
    assert _family_changes(texts, edges)[0] == ("b", "a", "forward", ["added_hedge"])


def test_the_family_majority_outweighs_boilerplate_between_two_copies():
    # o is the original; r is a rewrite that adds "the council said"; p republishes o with
    # a "Read more" line. Between the two copies, p's boilerplate read p as r's copy (so r's
    # added attribution as dropped by p); o, the third version, words it as p does, so the
    # attribution was added by r: p -> r. A publication date still decides on its own.
    texts = {"o": PLAIN, "r": "The minister signed the harbour contract on Friday, the council said. "
                              "Work on the new pier starts in May.", "p": PLAIN}
    edges = [_edge("r", "p", texts, direction="forward"), _edge("o", "r", texts), _edge("o", "p", texts)]
    edges[0].evidence.append("boilerplate added by the copy")
    assert _family_changes(texts, edges)[0] == ("p", "r", "forward", ["added_attribution"])
    assert edges[0].evidence == ["wording most of the copy family shares"]
    dated = [_edge("r", "p", texts, direction="forward"), _edge("o", "r", texts), _edge("o", "p", texts)]
    dated[0].evidence.append("published earlier")
    assert _family_changes(texts, dated)[0] == ("r", "p", "forward", ["dropped_attribution"])


def test_the_family_majority_orients_an_attribution_or_a_modal_change():
    # The original credits the fire service and says "will offer"; one copy drops the
    # attribution, another makes the offer done. Each is stored copy -> original (as an
    # input order would give it) and the third member's wording turns it round.
    original = ("About 300 homes near the river were evacuated, the fire service said. "
                "The mayor said the town will offer housing to every family.")
    dropped = ("About 300 homes near the river were evacuated. "
               "The mayor said the town will offer housing to every family.")
    firmer = ("About 300 homes near the river were evacuated, the fire service said. "
              "The mayor said the town has offered housing to every family.")
    texts = {"o": original, "d": dropped, "f": firmer}
    edges = [_edge("d", "o", texts), _edge("f", "o", texts), _edge("d", "f", texts)]
    found = _family_changes(texts, edges)
    assert found[0] == ("o", "d", "forward", ["dropped_attribution"])
    assert found[1] == ("o", "f", "forward", ["dropped_hedge"])  # claim made stronger


def test_a_witness_in_another_language_does_not_vote_on_wording():
    from newsprobe.corpus.origin import orient_by_family
    from newsprobe.model import Analysis

    original = "About 300 homes were evacuated, the fire service said. The bridge is closed."
    dropped = "About 300 homes were evacuated. The bridge is closed."
    german = "Etwa 300 Häuser wurden geräumt, teilte die Feuerwehr mit. Die Brücke ist gesperrt."
    texts = {"o": original, "d": dropped, "g": german}
    by_id = {"o": Analysis(id="o", text=original, language="en"), "d": Analysis(id="d", text=dropped, language="en"),
             "g": Analysis(id="g", text=german, language="de")}
    edges = [_edge("d", "o", texts), _edge("g", "o", texts), _edge("g", "d", texts)]
    orient_by_family(edges, by_id)
    assert (edges[0].source, edges[0].direction) == ("d", "unknown")


def test_a_month_only_stamp_does_not_root_an_undated_family():
    # o (dated to the day) is the original; c, an undated copy, drops o's dateline; t is
    # c rendered in another language, found by names and figures in order (shares are a
    # floor there, so not `aligned_share_*`), on a page stamped with a month only. The
    # month says nothing of whether t came before or after the undated c.
    same_language = _copy("k1", "o", "c", score=0.35, words=0.35, share_source=0.8, share_target=0.8)
    translated = {"id": "k2", "source": "t", "target": "c", "kind": "rewritten", "score": 0.18,
                  "direction": "unknown", "evidence": ["translated (hu -> en), by names and figures in order"],
                  "pairs": [], "changes": [],
                  "features": {"word_containment": 0.18, "anchor_share_source": 0.4, "anchor_share_target": 0.3}}
    published = {"o": "2026-03-09", "c": None, "t": "2026-03"}
    to_month = [r for r in readings(translated, published) if r.parent == "c"][0]
    assert "undated, the copy shows a month or year (weakly against)" in to_month.reasons
    found = family_route(["c", "o", "t"], [same_language, translated], published)
    assert found["original"] == "o" and found["margin"] >= 0.1
    # Still a tie-breaker: with nothing else to go on, the month-stamped version is the
    # likelier original of an undated one.
    alone = dict(translated, id="k3", source="c", target="t")
    assert family_route(["c", "t"], [alone], published)["original"] == "t"
    # A child dated to the day still counts against an undated parent.
    to_day = [r for r in readings(translated, {**published, "t": "2026-03-10"}) if r.parent == "c"][0]
    assert "undated, the copy is dated (against)" in to_day.reasons


# --- scars of a rewrite, and saying when the evidence is balanced -----------------------

COLUMN = ("Readers asked about the Telegraph Herald's link to the wire service. "
          "Although it's a hefty monthly expense, it's the best option for statehouse news. "
          "About 33,000 machinists went on strike in September.")
COLUMN_SPUN = ("Readers asked about the Telegraph Heralds link to the wireless service. "
               "Although it is a heavy monthly expense, its the best option for state news. "
               "Boeing employs 33,000 machinists. going on strike in September.")


def test_text_scars_are_the_marks_a_spinner_or_scraper_leaves():
    from newsprobe.corpus.origin import text_scars

    of_column, of_spun = text_scars(COLUMN, COLUMN_SPUN)
    assert of_column == []
    # "Herald's" -> "Heralds", "it's" -> "its" (the apostrophe lost), a sentence cut to
    # start in lower case.
    assert sorted(of_spun) == ["apostrophe lost: Heralds", "apostrophe lost: its", "sentence cut: going"]
    # Apostrophes a version uses elsewhere too are no scar ("its workforce" in both).
    assert text_scars("It's cutting 10% of its workforce.", "It will cut 10% of its workforce.") == ([], [])
    # An abbreviation before a lower-case word is no cut sentence.
    assert text_scars("He joined Boeing in August.",
                      "He joined Boeing Co. in August, approx. two years ago.") == ([], [])


def test_scars_outweigh_a_lone_date_stamp_on_the_rewrite():
    # b, the spun copy, carries the only date stamp (the undated tie-breaker points to it)
    # and the scars; a is the clean, undated original. Unsure, but a is the better guess.
    copies = [_copy("k1", "a", "b", score=0.9, words=0.5, share_source=1.0, share_target=1.0)]
    published = {"a": None, "b": "2021-05-04"}
    assert family_route(["a", "b"], copies, published)["original"] == "b"
    found = family_route(["a", "b"], copies, published, scars={"k1": {"b": ["apostrophe lost: Heralds"]}})
    assert found["original"] == "a" and found["confidence"] == "low"
    assert any("scars" in r for r in found["hops"][0].reasons)
    assert any("show scars of a rewrite (apostrophe lost: Heralds)" in r for r in found["reasons"])


def test_scars_on_both_sides_cancel_out():
    copies = [_copy("k1", "a", "b")]
    both = {"k1": {"a": ["sentence cut: going"], "b": ["apostrophe lost: its"]}}
    forward, backward = readings(copies[0], {}, scars=both["k1"])
    assert forward.weight == backward.weight


def test_a_balanced_family_says_unsure():
    found = family_route(["a", "b"], [_copy("k1", "a", "b")], {})
    assert found["confidence"] == "low"
    assert found["reasons"][0].startswith("unsure:")
    # Decided families do not say it.
    added = _copy("k1", "b", "a", share_source=0.7, share_target=1.0)
    assert not any(r.startswith("unsure") for r in family_route(["a", "b"], [added], {})["reasons"])


def test_a_wire_credit_marks_the_wire_original():
    from newsprobe.corpus.origin import wire_credit

    assert wire_credit("BURLINGTON, Wash. (Reuters) - Boeing said on Friday it would cut jobs.") == "Reuters"
    assert wire_credit("date 2016-10-25 MOUNTAIN VIEW (dpa-AFX) - Twitter Inc. plans cuts.") == "dpa-AFX"
    assert wire_credit("(AP) — Flood warnings were issued on Sunday.") == "AP"
    # A ticker in brackets is no credit, nor an agency named further down.
    assert wire_credit("Twitter Inc (TWTR.N) may cut 8 percent of its workforce, Reuters said.") is None
    # The credited version is the likelier original of a rewrite that dropped the credit;
    # where both carry one, the credit says nothing.
    copy = _copy("k1", "a", "b")
    credited = family_route(["a", "b"], [copy], {}, credits={"b": "AP"})
    assert credited["original"] == "b"
    assert any("wire credit" in r for r in credited["reasons"])
    assert family_route(["a", "b"], [copy], {}, credits={"a": "AP", "b": "AP"})["margin"] == 0
