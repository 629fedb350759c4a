"""Synthetic meaning changes, end to end: are known changes found between a text and its copy?

A generalisation check for the changes between copies (corpus/changes.py), the copy
direction (copies.py `orient`, origin.py) and the alignment, on articles written for this
script (no data set): each original gets copies that are verbatim, lightly spun or spun
and reordered with a source line added, and each copy carries exactly one known meaning
change (a hedge dropped or added, a number, a negation, a speaker or a place swapped,
"will" made "has", "may" made "will", an attribution dropped or added, a day changed, a
figure written with a scale or in words, a source replaced by one of another kind; and
five where the copy merges two sentences into one (next to each other, or with one
between them), or cuts one in two, with the change in the part that the sentence
alignment leaves out).
The whole corpus stage runs on them (`run_corpus`: real spaCy, MiniLM, copy detection,
alignment, direction, changes), with two independent write-ups of the first story that
are not copies.

Scored, for each (original, copy) pair: linked as a copy or not; the injected change
found (its kind, with a cue word in a span or the message, in the copy's changed
sentence), found but told the wrong way round (a "dropped" or "added" kind on a copy
stored copy -> original: the reader is told the copy is the original), or missed; every other change reported on the pair (all false: the copy changes nothing
else); and any change reported on a pair with an independent write-up (all false).

    PYTHONPATH=src python scripts/synthetic_changes.py [--dated] [--originals-last] [--json out.json]

`--dated` gives the originals an earlier publication date than their copies; without it
nothing is dated and the direction comes from the texts alone, as on most scraped pages.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

# Each original: seven sentences, each a hook for some of the changes below.
ORIGINALS = {
    "flood": [
        "Heavy rain flooded the lower town of Orsa on Sunday night, and the river reportedly rose by two metres.",
        "About 300 homes near the river were evacuated, the fire service said.",
        "The mayor, Tove Brand, said the town will offer temporary housing to every family.",
        "The main bridge may close for repairs later this month.",
        "Schools will reopen on Tuesday once the water has gone down.",
        "The damage to farmland in the valley is severe.",
        "The storm damaged the roof of the old railway station.",
    ],
    "shipyard": [
        "Shares in the shipping firm Norlake fell sharply on Monday after the company reportedly lost its largest customer.",
        "The firm employs 1,200 people at its yard in Tamsby, according to its annual report.",
        "Chief executive Mira Holm said the board will present a rescue plan to investors.",
        "The plan may include the sale of two older vessels.",
        "Trading in the shares will resume on Wednesday morning.",
        "The chances of a quick recovery are small.",
        "The firm paid a dividend to its shareholders last year.",
    ],
    "clinic": [
        "A new clinic for children opened in the port city of Halvik on Friday, and it reportedly treated dozens of patients on its first day.",
        "The clinic cost 12 million euros, the health ministry said.",
        "Its director, Jonas Berg, said the clinic will hire more nurses next year.",
        "Waiting times for treatment may fall by half in the region.",
        "The old hospital wing will close on Monday for renovation.",
        "Parents had campaigned for the clinic for more than ten years.",
        "The building uses solar panels on its roof.",
    ],
}

# (name, expected kind read from original to copy, sentence index, pattern, replacement,
#  cue word expected in the copy's span or the message), per story. A merge or a split:
# (first, last) sentence indexes and no pattern; the replacement, with one change in it,
# takes the place of the first and the last is removed (two sentences joined into one,
# next to each other or with one between them), or of the one sentence cut in two.
CHANGES = {
    "flood": [
        ("hedge dropped", "dropped_hedge", 0, r"reportedly ", "", "reportedly"),
        ("number", "changed_number", 1, r"300", "3,000", "3,000"),
        ("attribution dropped", "dropped_attribution", 1, r", the fire service said", "", "fire"),
        ("speaker swapped", "swapped_entity", 2, r"Tove Brand", "Erik Salo", "Salo"),
        ("will -> has", "dropped_hedge", 2, r"will offer", "has offered", "offered"),
        ("may -> will", "dropped_hedge", 3, r"may close", "will close", "will"),
        ("negated", "negation_flip", 4, r"will reopen", "will not reopen", "not"),
        ("day changed", "changed_date", 4, r"Tuesday", "Thursday", "Thursday"),
        ("place swapped", "swapped_entity", 0, r"Orsa", "Varna", "Varna"),
        ("attribution added", "added_attribution", 5, r"severe\.", "severe, a regional farmers' group said.", "said"),
        ("hedge added", "added_hedge", 6, r"The storm damaged", "The storm allegedly damaged", "allegedly"),
        ("number with a scale", "changed_number", 1, r"300", "3k", "3k"),
        ("merged, may -> will", "dropped_hedge", (2, 3), None,
         "The mayor, Tove Brand, said the town will offer temporary housing to every family, and the main "
         "bridge will close for repairs later this month.", "will"),
        ("merged over a gap", "dropped_hedge", (1, 3), None,
         "About 300 homes near the river were evacuated, the fire service said, and the main bridge will "
         "close for repairs later this month.", "will"),
    ],
    "shipyard": [
        ("hedge dropped", "dropped_hedge", 0, r"reportedly ", "", "reportedly"),
        ("number", "changed_number", 1, r"1,200", "2,100", "2,100"),
        ("attribution dropped", "dropped_attribution", 1, r", according to its annual report", "", "according"),
        ("speaker swapped", "swapped_entity", 2, r"Mira Holm", "Lena Dahl", "Dahl"),
        ("will -> has", "dropped_hedge", 2, r"will present", "has presented", "presented"),
        ("may -> will", "dropped_hedge", 3, r"may include", "will include", "will"),
        ("negated", "negation_flip", 4, r"will resume", "will not resume", "not"),
        ("day changed", "changed_date", 4, r"Wednesday", "Friday", "Friday"),
        ("place swapped", "swapped_entity", 1, r"Tamsby", "Varby", "Varby"),
        ("attribution added", "added_attribution", 5, r"small\.", "small, a banker told reporters.", "told"),
        ("hedge added", "added_hedge", 6, r"The firm paid", "The firm reportedly paid", "reportedly"),
        ("number in words", "changed_number", 1, r"1,200", "two thousand", "thousand"),
        ("merged, hedge added", "added_hedge", (3, 4), None,
         "The plan may include the sale of two older vessels, while trading in the shares will reportedly "
         "resume on Wednesday morning.", "reportedly"),
        ("merged over a gap", "added_hedge", (2, 4), None,
         "Chief executive Mira Holm said the board will present a rescue plan to investors, and trading in "
         "the shares will reportedly resume on Wednesday morning.", "reportedly"),
    ],
    "clinic": [
        ("hedge dropped", "dropped_hedge", 0, r"reportedly ", "", "reportedly"),
        ("number", "changed_number", 1, r"12 million", "21 million", "21"),
        ("attribution dropped", "dropped_attribution", 1, r", the health ministry said", "", "ministry"),
        ("speaker swapped", "swapped_entity", 2, r"Jonas Berg", "Omar Lind", "Lind"),
        ("will -> has", "dropped_hedge", 2, r"will hire", "has hired", "hired"),
        ("may -> will", "dropped_hedge", 3, r"may fall", "will fall", "will"),
        ("negated", "negation_flip", 4, r"will close", "will not close", "not"),
        ("day changed", "changed_date", 4, r"Monday", "Sunday", "Sunday"),
        ("place swapped", "swapped_entity", 0, r"Halvik", "Brevik", "Brevik"),
        ("attribution added", "added_attribution", 5, r"years\.", "years, local campaigners said.", "said"),
        ("hedge added", "added_hedge", 6, r"The building uses", "The building apparently uses", "apparently"),
        ("source replaced", "dropped_attribution", 1, r"the health ministry said", "a local newspaper said",
         "newspaper"),
        ("split, hedge dropped", "dropped_hedge", (0, 0), None,
         "A new clinic for children opened in the port city of Halvik on Friday. It treated dozens of "
         "patients on its first day.", "reportedly"),
    ],
}

# A spinner's synonyms: never a hook word (names, figures, hedges, modals, cues, days).
SYNONYMS = {
    "heavy": "strong", "flooded": "inundated", "lower": "low-lying", "homes": "houses", "near": "close to",
    "evacuated": "cleared", "temporary": "short-term", "housing": "accommodation", "every": "each",
    "repairs": "maintenance", "later": "afterwards", "once": "when", "gone down": "receded",
    "damage": "harm", "farmland": "fields", "roof": "rooftop", "old": "former", "sharply": "steeply",
    "largest": "biggest", "customer": "client", "employs": "has", "people": "workers",
    "rescue": "recovery", "investors": "shareholders", "sale": "selling", "older": "ageing",
    "vessels": "ships", "morning": "forenoon", "chances": "odds", "quick": "rapid", "small": "slim",
    "opened": "started", "port": "harbour", "treated": "saw", "first": "opening",
    "cost": "came to", "nurses": "carers", "waiting": "queuing", "treatment": "care",
    "renovation": "refurbishment", "campaigned": "lobbied", "building": "facility", "uses": "has",
}
SOURCE_LINE = "This report first appeared on a partner website and is republished with permission."

# Two write-ups of the flood in their own words: the same facts, not copies.
INDEPENDENT = [
    "Hundreds of families in Orsa left their houses after a night of torrential rain. Firefighters moved "
    "about 300 households to higher ground as the river burst its banks. Tove Brand, who leads the town "
    "council, promised shelter for all of them. Engineers could shut the main bridge this month to fix it. "
    "Pupils are expected back in class on Tuesday if the water recedes.",
    "Torrential rain left the riverside district of Orsa under water on Monday. Rescue crews said roughly "
    "300 houses had been emptied overnight. The council leader, Tove Brand, told residents that nobody "
    "would be left without a roof. Farmers in the valley reported heavy losses, and the old station lost "
    "part of its roof in the storm.",
]


def spin(sentence: str, strength: int) -> str:
    """Replace the first `strength` x 3 synonym-map words found (0: verbatim)."""
    out, n = sentence, 0
    for word, synonym in SYNONYMS.items():
        if n >= strength * 3:
            break
        pattern = re.compile(rf"\b{re.escape(word)}\b")
        if pattern.search(out):
            out, n = pattern.sub(synonym, out, count=1), n + 1
    return out


def make_copy(story: str, change: tuple, variant: int) -> tuple[str, str]:
    """(copy text, changed sentence of the copy): variant 0 verbatim, 1 lightly spun, 2
    spun everywhere with the last two sentences swapped and a source line added."""
    _, _, index, pattern, replacement, _ = change
    sentences = list(ORIGINALS[story])
    if isinstance(index, tuple):
        first, last = index
        sentences[first] = replacement
        if last != first:
            del sentences[last]
        index = first
    else:
        changed, n = re.subn(pattern, replacement, sentences[index], count=1)
        if n != 1:
            raise ValueError(f"{story}: {pattern!r} not in sentence {index}")
        sentences[index] = changed
    if variant:
        sentences = [spin(s, variant) for s in sentences]
    changed_sentence = sentences[index]
    if variant == 2:
        sentences[-2], sentences[-1] = sentences[-1], sentences[-2]
        sentences.append(SOURCE_LINE)
    return " ".join(sentences), changed_sentence


FLIP = {"dropped_hedge": "added_hedge", "added_hedge": "dropped_hedge",
        "dropped_attribution": "added_attribution", "added_attribution": "dropped_attribution"}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dated", action="store_true", help="originals dated before their copies")
    parser.add_argument("--originals-last", action="store_true",
                        help="give each original after its copies (input order must not decide the direction)")
    parser.add_argument("--json", help="write the per-copy results here")
    args = parser.parse_args(argv)

    from newsprobe.corpus.run import run_corpus

    rows, expected = [], {}
    for story, text in ORIGINALS.items():
        original = {"id": f"{story}-original", "text": " ".join(text),
                    **({"published": "2026-02-01"} if args.dated else {})}
        if not args.originals_last:
            rows.append(original)
        for k, change in enumerate(CHANGES[story]):
            copy_id = f"{story}-copy{k:02d}"
            copy_text, sentence = make_copy(story, change, k % 3)
            rows.append({"id": copy_id, "text": copy_text, **({"published": "2026-02-03"} if args.dated else {})})
            expected[copy_id] = (f"{story}-original", change, sentence, k % 3)
        if args.originals_last:
            rows.append(original)
    for k, text in enumerate(INDEPENDENT):
        rows.append({"id": f"independent-{k}", "text": text})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.jsonl"
        path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
        result = run_corpus([str(path)], Path(tmp) / "np.db").result

    copies = {frozenset((c["source"], c["target"])): c for c in result["copies"]}
    outcome, false_changes, per_kind = Counter(), [], {}
    details = []
    for copy_id, (original, change, sentence, variant) in expected.items():
        name, kind, _, _, _, cue = change
        copy = copies.get(frozenset((original, copy_id)))
        stats = per_kind.setdefault(name, Counter())
        stats["n"] += 1
        if copy is None:
            outcome["not linked"] += 1
            details.append({"copy": copy_id, "change": name, "variant": variant, "result": "not linked"})
            continue
        forward = copy["source"] == original
        found, reversed_found, others = False, False, []
        for c in copy["changes"]:
            # Read from original to copy. A directed kind ("dropped", "added") on a copy
            # stored the other way round says the copy is the original: the change is
            # there, but told the wrong way ("direction reversed"), as a reader sees it.
            read_kind = c["kind"] if forward else FLIP.get(c["kind"], c["kind"])
            copy_side = c["target" if forward else "source"]["text"]
            original_side = c["source" if forward else "target"]["text"]
            # The change names the cue (a dropped word on the original's side) and sits in
            # the changed sentence of the copy (a span there, or the whole of it).
            at_place = cue.lower() in " ".join((original_side, copy_side, c["message"])).lower() and \
                (copy_side.strip() in sentence or sentence in copy_side)
            if at_place and read_kind == kind and (forward or kind not in FLIP):
                found = True
            elif at_place and kind in {read_kind, FLIP.get(read_kind)}:
                reversed_found = True
            else:
                others.append(f"{c['kind']}: {c['message']}")
        result_word = "found" if found else "direction reversed" if reversed_found else "missed"
        outcome[result_word] += 1
        stats[result_word] += 1
        false_changes += [(copy_id, o) for o in others]
        details.append({"copy": copy_id, "change": name, "variant": variant, "result": result_word,
                        "direction": copy["direction"], "stored_forward": forward, "other_changes": others})
    independent = [c for c in result["copies"]
                   if any(x.startswith("independent") for x in (c["source"], c["target"]))]
    on_independent = sum(len(c["changes"]) for c in independent)

    n = len(expected)
    print(f"synthetic meaning changes ({'dated' if args.dated else 'undated'}"
          f"{', originals last' if args.originals_last else ''}): {n} copies, each one change")
    print(f"  found {outcome['found']}/{n}, direction reversed {outcome['direction reversed']}, "
          f"missed {outcome['missed']}, copy not linked {outcome['not linked']}")
    for name, stats in per_kind.items():
        print(f"  {name:20s} found {stats['found']}/{stats['n']}"
              + (f", reversed {stats['direction reversed']}" if stats["direction reversed"] else "")
              + (f", missed {stats['missed']}" if stats["missed"] else ""))
    print(f"  other changes reported on original-copy pairs (all false): {len(false_changes)}")
    for copy_id, text in false_changes:
        print(f"    {copy_id}: {text[:100]}")
    print(f"  independent write-ups linked as copies: {len(independent)}, changes reported on them: {on_independent}")
    for d in details:
        if d["result"] != "found":
            print(f"    {d['copy']} ({d['change']}, variant {d['variant']}): {d['result']}"
                  + (f", stored {'forward' if d.get('stored_forward') else 'reversed'} ({d.get('direction')})"
                     if "direction" in d else ""))
    if args.json:
        Path(args.json).write_text(json.dumps({"outcome": outcome, "details": details,
                                               "false_changes": false_changes,
                                               "independent_changes": on_independent}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
