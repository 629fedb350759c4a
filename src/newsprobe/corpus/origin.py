"""Origin and route of each copy family: which version is the likely original, and from
which version each copy was most likely made (A -> B -> C), with what changed at each hop.

A family is a connected group of copies within one story (copies whose two articles fall
in different stories do not join families). Each copy between two members can be read in
either direction; each reading, parent -> child, gets a weight from what an editor would
look at:

- **closeness**: how much of the two texts align and how many of their words are shared
  (`copies[].score`, `features.word_containment`); a copy is most likely made from the
  version nearest to it, so a spun copy of a copy hangs under that copy, not under the
  original it never saw;
- **publication dates**: a parent published after its child weighs strongly against the
  reading (not forbidden: a wrong date stamp should not cut a route). The date is the
  input's (page metadata, a JSONL field) or, where it gave none, the dateline the page
  shows (`datelines.py`, read at analysis); dates compare at the precision both give; an
  undated parent of a dated child weighs a little against the reading (copies often drop
  the original's dateline; a tie-breaker, under the next item's weight; half as much
  where the child shows only a month or year);
- **copy detection's own direction** (`corpus/copies.py` `orient`: boilerplate the copy
  added, an excerpt contained in a longer text);
- **added material**: the original's sentences are contained in its copies; a version with
  sentences of its own that the other lacks (a paragraph, a source line) is the later one.
  Not used for `partial` copies, where the short excerpt is the copy.
- **scars of a rewrite** (`text_scars`): marks a spinner or a scraper leaves and no
  editor would add: an apostrophe lost ("Herald's" became "Heralds", "it's" became
  "its") and a sentence cut to start in lower case ("machinists. going on strike").
  The version that shows more of them than the other is less likely the parent. Spun
  copies often carry the only date stamp (a scraper's), so scars outweigh the undated
  tie-breaker; they weigh like copy detection's direction. Not read across languages.
- **a wire credit** (`wire_credit`): a version that opens with an agency's dateline
  ("BURLINGTON, Wash. (Reuters) - ", "(AP) — ") is the wire's text or a verbatim
  republication of it; a version without one, copied from it, dropped the credit (a
  rewrite or a scrape). A parent without a credit whose child carries one weighs less;
  where both carry one it says nothing. It offsets copy detection's reading of
  "(Reuters)" as boilerplate the copy added.

When the best route and the best under another root weigh the same (margin under
UNSURE_MARGIN) the reasons open with "unsure:"; `runner_up` names the other candidate.

The route is the maximum spanning arborescence of these readings (Edmonds' algorithm,
networkx), with one root: the likely original. How sure: the margin between the best
route and the best route under any other root, and the reasons that decided it. A hop
of that route that the evidence contradicts (the evidence against the reading, not
counting the undated tie-breaker, outweighs its closeness) is cut: its child is an
original of its own (`originals`, after the main one).

What changed at each hop comes from `changes.copy_changes`, read from parent to child:
a hop that runs the way its copy does reuses the copy's changes; one that runs against it
compares the copy's aligned sentences the other way round, with the same checks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from ..model import Analysis, Span
from .align import AlignedPair
from .changes import copy_changes

# Reading weights: closeness (in [0, 1]) less what the evidence says against the reading.
AGAINST_DATE = 3.0        # parent published on a later day: strong, not absolute
AGAINST_DETECTED = 0.5    # copy detection oriented the copy the other way (boilerplate, excerpt)
# The parent shows no date where the child does: scraped and spun copies often drop the
# original's dateline. A tie-breaker only (under AGAINST_DETECTED), set before measuring.
AGAINST_UNDATED = 0.25
AGAINST_SCARS = 0.5       # the parent shows more scars of a rewrite than the child
AGAINST_UNCREDITED = 0.5  # the child opens with a wire credit the parent lacks
AGAINST_ADDED = 1.0       # times the share of the parent's text the child lacks
# Share differences below this are noise of sentence splitting, not added material.
MIN_ADDED_SHARE = 0.05
# Confidence labels from the margin between the best route and the best under another root:
# a date difference gives "high", copy detection's boilerplate or excerpt evidence
# "medium", added material of a paragraph in a ten-sentence text (0.1-0.2) alone "low".
HIGH_MARGIN, MEDIUM_MARGIN = 1.0, 0.3
# Below this margin the evidence is balanced: under the smallest single piece of evidence
# (half the undated tie-breaker, 0.125), so only routes that weigh the same say "unsure".
UNSURE_MARGIN = 0.1
# Families bigger than this get one arborescence without the runner-up root (the margin
# needs a second run; each costs O(edges x members)).
MAX_MARGIN_MEMBERS = 200
_ROOT = "\x00root"        # the virtual root that picks the original
_ONE_ROOT = 1_000.0       # each arc from the virtual root costs this: one original only


@dataclass
class Reading:
    """A copy read as parent -> child, with its weight and why."""

    parent: str
    child: str
    copy: dict[str, Any]
    weight: float
    reasons: list[str] = field(default_factory=list)
    # The evidence against the reading (a later date, copy detection's direction, added
    # material; not the undated tie-breaker) outweighs its closeness.
    contradicted: bool = False

    @property
    def reversed(self) -> bool:
        return self.copy["source"] != self.parent


def copy_families(copies: list[dict[str, Any]], story_of: Mapping[str, str]) -> list[list[str]]:
    """Connected groups (two members or more) of copies within one story, each sorted,
    in order of their first member."""
    graph = nx.Graph()
    for k in copies:
        if story_of.get(k["source"]) is not None and story_of.get(k["source"]) == story_of.get(k["target"]):
            graph.add_edge(k["source"], k["target"])
    return sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda m: m[0])


def _day(published: str | None) -> str | None:
    return published[:10] if published else None


def _date_order(a: str | None, b: str | None) -> int:
    """-1 when date a is on an earlier day than b, 1 when later, 0 when unknown or equal
    at the precision both give ("2023-06" and "2023-06-04" are not ordered)."""
    if not a or not b:
        return 0
    n = min(len(a), len(b), 10)
    return (a[:n] > b[:n]) - (a[:n] < b[:n])


def _undated_penalty(child_published: str | None) -> float:
    """The undated tie-breaker for a child dated so precisely. It reads a dateline the copy
    kept and its parent lost; a month or year alone ("2023-06", a page or archive stamp)
    is weaker evidence of one, and orders nothing against the days around it
    (`_date_order`), so it counts half. Not nothing: between two versions with no other
    evidence, the one that shows a month is still more likely the original than the one
    that shows none (on story-dev dev, DW's Bugatti check stamped "2024-07" over its
    undated German rendering). Not the whole: on story-dev dev a Hungarian rendering
    stamped "2023-06" tied with DW's check, dated to the day, for the root of an undated
    English family, each route paying the full tie-breaker once, and took it."""
    if not child_published:
        return 0.0
    return AGAINST_UNDATED if len(child_published) >= 10 else AGAINST_UNDATED / 2


def readings(copy: dict[str, Any], published: Mapping[str, str | None],
             scars: Mapping[str, list[str]] | None = None,
             credits: Mapping[str, str | None] | None = None) -> list[Reading]:
    """Both readings of one copy, weighted (see the module doc). Evidence of direction
    only ever lowers the reading it contradicts: were it to raise the other, an article's
    distant descendants would gain as much as its own copies, and a copy of a copy would
    hang under the original instead of under the version it was made from. `scars`: per
    article id, the scars of a rewrite it shows against the other (`text_scars`);
    `credits`: per article id, the wire agency its opening credits (`wire_credit`)."""
    scars, credits = scars or {}, credits or {}
    features = copy.get("features") or {}
    closeness = (copy["score"] + features.get("word_containment", 0.0)) / 2
    detected = [e for e in copy.get("evidence", []) if e != "published earlier"]
    out = []
    for parent, child in ((copy["source"], copy["target"]), (copy["target"], copy["source"])):
        weight, reasons = closeness, [f"closeness {closeness:.2f}"]
        tie_breaker = 0.0             # the undated penalty: no evidence against the reading
        order = _date_order(_day(published.get(parent)), _day(published.get(child)))
        if order < 0:
            reasons.append("published earlier")
        elif order > 0:
            weight -= AGAINST_DATE
            reasons.append("published later (against)")
        elif not published.get(parent) and published.get(child):
            tie_breaker = _undated_penalty(published.get(child))
            weight -= tie_breaker
            reasons.append("undated, the copy is dated (against)" if tie_breaker == AGAINST_UNDATED
                           else "undated, the copy shows a month or year (weakly against)")
        if copy.get("direction") == "forward" and detected:
            if parent == copy["source"]:
                reasons.append(detected[0])
            else:
                weight -= AGAINST_DETECTED
                reasons.append(f"{detected[0]} (against)")
        parent_scars, child_scars = scars.get(parent, []), scars.get(child, [])
        if len(parent_scars) > len(child_scars):
            weight -= AGAINST_SCARS
            reasons.append(f"shows scars of a rewrite: {', '.join(parent_scars[:3])} (against)")
        elif len(child_scars) > len(parent_scars):
            reasons.append(f"the copy shows scars of a rewrite: {', '.join(child_scars[:3])}")
        if credits.get(child) and not credits.get(parent):
            weight -= AGAINST_UNCREDITED
            reasons.append(f"the copy opens with the wire credit ({credits[child]}) this version lacks (against)")
        elif credits.get(parent) and not credits.get(child):
            reasons.append(f"wire credit ({credits[parent]}) the copy dropped")
        if copy["kind"] != "partial" and "aligned_share_source" in features:
            own = features["aligned_share_source" if parent == copy["source"] else "aligned_share_target"]
            other = features["aligned_share_target" if parent == copy["source"] else "aligned_share_source"]
            if own - other >= MIN_ADDED_SHARE:
                reasons.append("the copy adds material")
            elif other - own >= MIN_ADDED_SHARE:
                weight -= AGAINST_ADDED * (other - own)
                reasons.append("adds material of its own (against)")
        out.append(Reading(parent, child, copy, round(weight, 4), reasons, contradicted=weight + tie_breaker < 0))
    return out


def _best_route(members: list[str], arcs: list[Reading], banned_root: str | None = None) -> tuple[float, str, list[Reading]]:
    """(total weight, root, chosen readings) of the maximum spanning arborescence with
    one root (a virtual root's arc to each member costs _ONE_ROOT, so one is used)."""
    graph = nx.DiGraph()
    for m in members:
        if m != banned_root:
            graph.add_edge(_ROOT, m, weight=-_ONE_ROOT)
    for arc in arcs:
        # Two copies between the same two articles cannot happen; keep the stronger anyway.
        if not graph.has_edge(arc.parent, arc.child) or graph[arc.parent][arc.child]["weight"] < arc.weight:
            graph.add_edge(arc.parent, arc.child, weight=arc.weight, reading=arc)
    tree = nx.maximum_spanning_arborescence(graph, attr="weight", preserve_attrs=True)
    roots = [v for u, v in tree.out_edges(_ROOT)]
    chosen = [graph[u][v]["reading"] for u, v in tree.edges() if u != _ROOT]
    total = sum(r.weight for r in chosen) - _ONE_ROOT * (len(roots) - 1)
    return total, roots[0], chosen


def family_route(members: list[str], copies: list[dict[str, Any]],
                 published: Mapping[str, str | None], written: Mapping[str, str] | None = None,
                 scars: Mapping[str, Mapping[str, list[str]]] | None = None,
                 credits: Mapping[str, str | None] | None = None) -> dict[str, Any]:
    """The likely original of one family, how sure (the margin over the best route from
    another original, `runner_up`), why, and its route (hops parent -> child in
    breadth-first order from the original). Hop changes are filled in later. `scars`: per
    copy id, `readings`' scars of its two articles; `credits`: per article id, its wire
    credit."""
    scars = scars or {}
    arcs = [r for k in copies for r in readings(k, published, scars.get(k["id"]), credits)]
    total, root, chosen = _best_route(members, arcs)
    runner_up = None
    if len(members) <= MAX_MARGIN_MEMBERS:
        runner_up = _best_route(members, arcs, banned_root=root)
    margin = total - runner_up[0] if runner_up else None
    confidence = ("high" if margin >= HIGH_MARGIN else "medium" if margin >= MEDIUM_MARGIN else "low") \
        if margin is not None else "low"
    # A hop the evidence contradicts (a later date, boilerplate or an excerpt pointing the
    # other way outweigh the closeness) is not drawn: one root forces every member under
    # the original, but an article that the route reaches only against the evidence
    # derives from none of them. It is an original of its own part of the family (a page
    # that compiles excerpts of two sources joins two originals).
    kept = [r for r in chosen if not r.contradicted]
    others = sorted(r.child for r in chosen if r.contradicted)
    children: dict[str, list[Reading]] = {}
    for r in kept:
        children.setdefault(r.parent, []).append(r)
    hops, queue = [], [root, *others]
    while queue:
        node = queue.pop(0)
        for r in sorted(children.get(node, []), key=lambda r: r.child):
            hops.append(r)
            queue.append(r.child)
    # Balanced evidence is said in words: "low confidence" alone reads as a weak lean.
    unsure = (["unsure: the evidence weighs the next most likely original the same"]
              if margin is not None and margin < UNSURE_MARGIN else [])
    return {"original": root, "originals": [root, *others], "confidence": confidence,
            # + 0.0: a tie's float rounding reads "-0.0" otherwise.
            "margin": round(margin, 3) + 0.0 if margin is not None else None,
            "runner_up": runner_up[1] if runner_up else None,
            "reasons": unsure + _root_reasons(root, members, kept, published, written)
            + ([f"{len(others)} more original(s) in the family: the route reaches them only against the evidence"]
               if others else []),
            "hops": hops}


def _root_reasons(root: str, members: list[str], chosen: list[Reading],
                  published: Mapping[str, str | None], written: Mapping[str, str] | None = None) -> list[str]:
    """Why `root` is named the original, in words a reader can check. `written`: for a
    date read from the page's dateline, the date as the page writes it."""
    reasons = []
    dated = [m for m in members if published.get(m)]
    if published.get(root) and all(_date_order(_day(published[root]), _day(published[m])) < 0
                                   for m in dated if m != root):
        when = _day(published[root])
        if written and written.get(root):
            when += f", its dateline reads \"{written[root]}\""
        reasons.append(f"published first ({when}; {len(dated)} of {len(members)} dated)"
                       if len(dated) > 1 else f"the only dated version ({when})")
    elif len(dated) > 1:
        reasons.append(f"not the earliest dated ({len(dated)} of {len(members)} dated)")
    else:
        reasons.append("no publication dates to compare" if not dated else "one version dated")
    own = [r for r in chosen if r.parent == root]
    for why in ("the copy adds material", "boilerplate added by the copy", "contained in the longer text"):
        n = sum(1 for r in own if why in r.reasons)
        if n:
            reasons.append(f"{why}: {n} of its {len(own)} direct copies" if why != "the copy adds material"
                           else f"its sentences are contained in {n} of its {len(own)} direct copies, which add material")
    dropped = [r for r in own if any(why.startswith("wire credit") for why in r.reasons)]
    if dropped:
        credit = next(why for why in dropped[0].reasons if why.startswith("wire credit"))
        reasons.append(f"opens with a {credit.split(' the copy')[0]}: {len(dropped)} of its {len(own)} "
                       "direct copies dropped it")
    scarred = [r for r in own if any(why.startswith("the copy shows scars") for why in r.reasons)]
    if scarred:
        example = next(why for why in scarred[0].reasons if why.startswith("the copy shows scars"))
        reasons.append(f"{len(scarred)} of its {len(own)} direct copies show scars of a rewrite"
                       f" ({example.split(': ', 1)[1]})")
    return reasons


def routes(analyses: list[Analysis], copies: list[dict[str, Any]], story_of: Mapping[str, str]) -> list[dict[str, Any]]:
    """`families` of a corpus result: for each copy family within a story, its members,
    likely original and route, each hop with the changes from parent to child."""
    by_id = {a.id: a for a in analyses}
    published = {a.id: a.published for a in analyses}
    # Dates read from the page text, as written there: the reasons quote them.
    written = {a.id: a.published_from["written"] for a in analyses
               if a.published_from and a.published_from.get("written")}
    out = []
    families = copy_families(copies, story_of)
    # Each copy to its family at once: scanning every copy per family was quadratic
    # (115 s of a 100k-article corpus stage, 12,620 families x 17,642 copies).
    family_of = {m: n for n, members in enumerate(families) for m in members}
    among_family: list[list[dict[str, Any]]] = [[] for _ in families]
    for k in copies:
        n = family_of.get(k["source"])
        if n is not None and family_of.get(k["target"]) == n:
            among_family[n].append(k)
    for n, members in enumerate(families, 1):
        family_id = f"f{n}"
        among = among_family[n - 1]
        text_of = {m: by_id[m].text for m in members}
        # Scars compare two versions' wording: none across a translation.
        scars = {k["id"]: dict(zip((k["source"], k["target"]),
                                   text_scars(text_of[k["source"]], text_of[k["target"]])))
                 for k in among if not any(e.startswith("translated") for e in k.get("evidence", []))}
        credits = {m: wire_credit(text_of[m]) for m in members}
        found = family_route(members, among, published, written, scars, credits)
        hops = []
        for h, reading in enumerate(found["hops"], 1):
            hop_id = f"{family_id}.h{h}"
            changes = hop_changes(reading, by_id)
            hops.append({"id": hop_id, "parent": reading.parent, "child": reading.child,
                         "copy": reading.copy["id"], "kind": reading.copy["kind"],
                         "reversed": reading.reversed, "weight": reading.weight, "reasons": reading.reasons,
                         "changes": [{**c, "id": f"{hop_id}.{i}"} for i, c in enumerate(changes, 1)]})
        out.append({"id": family_id, "story": story_of[members[0]], "articles": members,
                    "original": found["original"], "originals": found["originals"], "confidence": found["confidence"],
                    "margin": found["margin"], "runner_up": found["runner_up"], "reasons": found["reasons"],
                    "route": hops})
    return out


# A word with an apostrophe ("Herald's", "it's", "don't"); curly apostrophes fold to straight.
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# A sentence cut to start in lower case: a lower-case word of two letters or more, a full
# stop, a lower-case word ("machinists. going on strike"). A capitalised word before the
# stop is most often an abbreviation ("Boeing Co. in August", "Inc."), and lower-case
# abbreviations that a lower-case word may follow are left out.
_CUT_SENTENCE = re.compile(r"\b([^\W\d_]{2,})\. ([a-z]+)")
_ABBREVIATIONS = frozenset("approx etc vs incl esp cf al ca no nos pp vol ed eds ft lb lbs oz mi km "
                           "min max sq est".split())


def _scars_against(text: str, other: str) -> list[str]:
    """The scars of a rewrite `text` shows where `other` does not (see `text_scars`)."""
    words = _WORD.findall(text.replace("\u2019", "'"))
    other_words = _WORD.findall(other.replace("\u2019", "'"))
    lower, other_lower = {w.lower() for w in words}, {w.lower() for w in other_words}
    found = []
    # An apostrophe lost: the other version writes "Herald's" where this one writes
    # "Heralds", and neither writes the other's form anywhere (an "its" both use is no
    # trace of an "it's").
    for word in sorted({w for w in other_words if "'" in w}, key=str.lower):
        bare = word.replace("'", "").lower()
        if bare in lower and word.lower() not in lower and bare not in other_lower:
            shown = next(w for w in words if w.lower() == bare)
            if f"apostrophe lost: {shown}" not in found:
                found.append(f"apostrophe lost: {shown}")
    other_cuts = set(_CUT_SENTENCE.findall(other))
    for before, after in _CUT_SENTENCE.findall(text):
        if before.islower() and before not in _ABBREVIATIONS and (before, after) not in other_cuts:
            found.append(f"sentence cut: {after}")
    return found


# An agency's dateline opening the text, after a date stamp the page may show first:
# the place in capitals (a state's abbreviation after a comma), the agency in brackets,
# a dash ("BURLINGTON, Wash. (Reuters) - ", "MOUNTAIN VIEW (dpa-AFX) - ", "(AP) — ").
# A ticker in brackets is followed by a verb, not a dash.
_WIRE_CREDIT = re.compile(
    r"\s*(?:[Dd]ate\s+)?(?:\d{4}-\d\d(?:-\d\d)?\s+)?"
    r"(?:[A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+)*(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s*)?"
    r"\(([A-Za-z][\w&.-]{1,20})\)\s*[-–—]{1,2}\s*(?=\S)")


def wire_credit(text: str) -> str | None:
    """The agency whose dateline opens `text` ("Reuters", "AP", "dpa-AFX"), or None."""
    m = _WIRE_CREDIT.match(text)
    return m.group(1) if m else None


def text_scars(a: str, b: str) -> tuple[list[str], list[str]]:
    """(scars a shows, scars b shows): the marks a spinner or scraper leaves in a copy and
    no editor adds, each where the other version lacks it: an apostrophe lost ("Herald's"
    became "Heralds") and a sentence cut to start in lower case. Odd synonyms ("wireless
    service" for "wire service") are not read: no offline lexicon tells an odd synonym
    from an editor's choice."""
    return _scars_against(a, b), _scars_against(b, a)


def hop_changes(reading: Reading, by_id: Mapping[str, Analysis]) -> list[dict[str, Any]]:
    """What changed from parent to child: the copy's own changes when the hop runs the way
    the copy does; else `changes.copy_changes` on its aligned pairs read the other way
    round, so that a reversed hop gets every check the copy got (names spelt otherwise,
    figures in unaligned sentences, the checks across languages of a translation, the
    rules that silence loosely worded pairs), only read from the other side."""
    copy = reading.copy
    if not reading.reversed:
        return [dict(c) for c in copy["changes"]]
    parent, child = by_id[reading.parent], by_id[reading.child]
    # The copy's target side is this hop's parent.
    pairs = [AlignedPair(Span.of(parent.text, p["target"]["start"], p["target"]["end"]),
                         Span.of(child.text, p["source"]["start"], p["source"]["end"]), p.get("similarity", 0.0))
             for p in copy["pairs"]]
    translated = any(e.startswith("translated") for e in copy.get("evidence", []))
    return [c.to_dict("") for c in copy_changes(pairs, parent, child, translated=translated)]


# --- direction by what the rest of the family says ------------------------------------

FAMILY_EVIDENCE = "wording most of the copy family shares"


def orient_by_family(edges: list, by_id: Mapping[str, Analysis]) -> None:
    """Orient, in place, each copy of unknown direction whose directed changes (a hedge
    or an attribution dropped or added, a modal made firmer or weaker: DIRECTED_KINDS)
    the rest of its copy family can settle. Such a change reads as "added" or "dropped"
    only once the original is known; where other members render the same sentence
    (aligned to it by their own copies), the wording most members share is taken for the
    original's, so the version that differs changed it: a hedge the witnesses carry was
    dropped by the version without it (counted by the hedge lists, `_hedge_majority`),
    an attribution they lack was added by the version with it, "will offer" where they
    say "will offer" was made "has offered" by the other (their words, `_wording_majority`).
    Only where at least one third member has the sentence aligned (three versions of it,
    so there is a majority); a two-member family stays as it is. A copy oriented by
    boilerplate alone (WEAK_EVIDENCE) is read again the same way; one oriented by dates
    or as an excerpt is left as it is. The copy is turned round
    when more of its directed changes say it runs the other way than say it runs as it
    is, and marked "forward" with this evidence when they decide either way."""
    from .changes import Change
    from .copies import flip_edge

    # Each copy by its two articles, with its place in `edges` (witnesses are looked up
    # in that order): a scan of every copy per witness was quadratic in a family's size.
    by_pair = {frozenset((e.source, e.target)): (k, e) for k, e in enumerate(edges)}
    members: dict[str, set[str]] = {}
    for e in edges:
        members.setdefault(e.source, set()).add(e.target)
        members.setdefault(e.target, set()).add(e.source)
    for edge in edges:
        # Between two languages the hedge lists differ in reach ("falsely purports" is
        # one hedge in English, its German rendering "angebliche" another): a translated
        # copy is left as it is.
        if edge.translated or (edge.direction != "unknown" and not _weakly_oriented(edge)):
            continue
        source, target = by_id[edge.source], by_id[edge.target]
        witnesses = (members[edge.source] | members[edge.target]) - {edge.source, edge.target}
        if not witnesses:
            continue
        forward = backward = 0
        for change in copy_changes(edge.pairs, source, target, translated=edge.translated):
            change: Change
            if change.kind not in DIRECTED_KINDS:
                continue
            original = None
            if change.kind in ("dropped_hedge", "added_hedge"):
                dropped = change.kind == "dropped_hedge"
                has, lacks = (source, target) if dropped else (target, source)
                has_at = (change.source if dropped else change.target).start
                lacks_span = change.target if dropped else change.source
                verdict = _hedge_majority(by_pair, edge, has, lacks, has_at, lacks_span, witnesses, by_id)
                if verdict is not None:
                    # The version the witnesses side with holds the original wording.
                    original = (has if verdict == "has" else lacks).id
            if original is None:
                original = _wording_majority(by_pair, edge, change, witnesses, by_id)
            if original is None:
                continue
            if original == edge.source:
                forward += 1
            else:
                backward += 1
        if forward == backward:
            continue
        if backward > forward:
            flip_edge(edge)
            edge.evidence = []  # what oriented it the other way is outweighed
        edge.direction = "forward"
        edge.evidence.append(FAMILY_EVIDENCE)


# Copy detection's weakest reading of a copy (`copies.orient`): a boilerplate line one
# version adds. Between two copies of one original (siblings) it does not say which
# copied which: the sibling that carries a "Read more" line took it from its own site,
# not from the other sibling (on story-dev dev a republication of a report, stored as the
# copy of a rewrite of that report, its attributions "dropped"). The family's wording at
# the changes says more, and outweighs it. An excerpt (one text contained in the other) is
# kept: on story-dev dev a witness whose attribution the page splits over two lines
# ("... spokesperson\n\nsaid in a statement to DW") outvoted it wrongly. Dates are kept.
WEAK_EVIDENCE = frozenset({"boilerplate added by the copy"})


def _weakly_oriented(edge) -> bool:
    return bool(edge.evidence) and all(e in WEAK_EVIDENCE for e in edge.evidence)


# Changes whose kind names a direction ("dropped" reads from the original to the copy):
# an attribution or a hedge dropped or added, a modal made firmer or weaker.
DIRECTED_KINDS = ("dropped_hedge", "added_hedge", "dropped_attribution", "added_attribution")
# A witness sentence holds one version's own words when it has at least this share of them.
MIN_WITNESS_SHARE = 0.5


def _wording_majority(by_pair: Mapping, edge, change, witnesses: set[str], by_id: Mapping[str, Analysis]) -> str | None:
    """The id of the version (the edge's source or target) whose wording at `change` most
    other members of the family share, or None. Each version's own words at the change
    are the words of its span the other version's sentence lacks ("fire service said",
    "will offer" / "has offered"); a span that is the whole sentence marks an absence
    (the attribution is not there), with no words of its own. A witness, a member in the
    same language with the sentence aligned to either version's, votes for the version
    whose own words it holds (at least MIN_WITNESS_SHARE of them) while lacking the
    other's; where one version has no words of its own, for it when the witness lacks the
    other's words too."""
    from .changes import _norm_fold

    source, target = by_id[edge.source], by_id[edge.target]
    sentences = _aligned(edge, edge.source, lambda s: s.start <= change.source.start < s.end)
    if sentences is None:
        return None
    s_sentence, t_sentence = sentences
    if not (t_sentence.start <= change.target.start < t_sentence.end):
        return None

    def own(span: Span, sentence: Span, other: Span) -> set[str]:
        if (span.start, span.end) == (sentence.start, sentence.end):
            return set()
        return set(_norm_fold(span.text)) - set(_norm_fold(other.text))

    words_s, words_t = own(change.source, s_sentence, t_sentence), own(change.target, t_sentence, s_sentence)
    if not words_s and not words_t:
        return None
    language = source.language
    votes = {edge.source: 0, edge.target: 0}
    for w in witnesses:
        if by_id[w].language != language:
            continue  # another language's words never match: its sentence says nothing here
        found = _witness_sentence(by_pair, w, {
            edge.source: lambda s: s.start < s_sentence.end and s_sentence.start < s.end,
            edge.target: lambda s: s.start < t_sentence.end and t_sentence.start < s.end})
        if found is None:
            continue
        held = set(_norm_fold(found[1].text))
        has_s = bool(words_s) and len(words_s & held) >= MIN_WITNESS_SHARE * len(words_s)
        has_t = bool(words_t) and len(words_t & held) >= MIN_WITNESS_SHARE * len(words_t)
        if has_s == has_t and words_s and words_t:
            continue
        if (has_s and not has_t) or (not words_s and not has_t):
            votes[edge.source] += 1
        elif (has_t and not has_s) or (not words_t and not has_s):
            votes[edge.target] += 1
    if votes[edge.source] == votes[edge.target]:
        return None
    return max(votes, key=votes.get)


def _hedge_majority(by_pair: Mapping, edge, has: Analysis, lacks: Analysis, has_at: int, lacks_span: Span,
                    witnesses: set[str], by_id: Mapping[str, Analysis]) -> str | None:
    """"has" when most other members render the sentence with as many hedges as the
    version that has the hedge, "lacks" when most render it as the version without,
    None when no other member has it aligned or they split evenly."""
    has_sentence = _aligned(edge, has.id, lambda s: s.start <= has_at < s.end)
    if has_sentence is None:
        return None
    n_has, n_lacks = _hedge_count(has_sentence[0], has), _hedge_count(lacks_span, lacks)
    if n_has is None or n_lacks is None or n_has == n_lacks:
        return None
    votes = {"has": 0, "lacks": 0}
    for w in witnesses:
        found = _witness_sentence(by_pair, w, {
            has.id: lambda s: s.start <= has_at < s.end,
            lacks.id: lambda s: s.start < lacks_span.end and lacks_span.start < s.end})
        if found is None:
            continue
        n = _hedge_count(found[1], by_id[w])
        if n == n_has:
            votes["has"] += 1
        elif n == n_lacks:
            votes["lacks"] += 1
    if votes["has"] == votes["lacks"]:
        return None
    return "has" if votes["has"] > votes["lacks"] else "lacks"


def _copies_of(by_pair: Mapping, witness: str, sides: tuple[str, str]) -> list:
    """The copies between `witness` and either of `sides`, in their order in the run."""
    found = [by_pair[k] for k in (frozenset((witness, side)) for side in sides) if k in by_pair]
    return [e for _, e in sorted(found, key=lambda x: x[0])]


def _witness_sentence(by_pair: Mapping, witness: str, holds_by_side: Mapping) -> tuple[Span, Span] | None:
    """The (version's, witness's) aligned sentences through the first copy in the run
    between the witness and either version; `holds_by_side` picks, per version id, the
    version's sentence in question."""
    for e in _copies_of(by_pair, witness, tuple(holds_by_side)):
        side = next(s for s in holds_by_side if {e.source, e.target} == {witness, s})
        found = _aligned(e, side, holds_by_side[side])
        if found is not None:
            return found
    return None


def _aligned(edge, side: str, holds) -> tuple[Span, Span] | None:
    """(the sentence of `side`, the other article's sentence aligned to it) for the first
    aligned pair of `edge` whose `side` sentence satisfies `holds`."""
    for p in edge.pairs:
        mine, other = (p.source, p.target) if edge.source == side else (p.target, p.source)
        if holds(mine):
            return mine, other
    return None


def _hedge_count(span: Span, version: Analysis) -> int | None:
    """Hedges in one sentence of `version`, by the lists used across languages (the same
    count for every member, whatever its language); None for a language without a list."""
    from .changes import SentenceView, TRANSLATION_HEDGES, _translation_hedges

    language = version.language or "en"
    if language not in TRANSLATION_HEDGES:
        return None
    return len(_translation_hedges(SentenceView(span, version.text, version).tokens(), language))
