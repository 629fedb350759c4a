"""story-dev: stories, copies and what changed, on 77 real web pages in 12 languages.

`../shared/data/story-dev`: three viral stories (their copies, synonym-spun rewrites and
translations, their debunks) with distractors about the same people, hand-annotated.
`splits.json` cuts it in two: `dev` (stories A and B and four distractors, 50 docs) is the
one to tune on; `test` (story C and three distractors, 27 docs) is scored once, for the
final figure.

The corpus stage runs on the docs of the requested part as a user would run it
(`run_corpus` on the `.txt` files, analyses kept in a store under the temp folder so that a
re-run only recomputes the corpus stage), and the output is scored by the data set's own
scorer, `score.py`, run at run time on a gold restricted to the part: a gold pair, quote
variant or meaning change counts when both its docs are in the part. The scorer computes
the TF-IDF single-link baseline (cosine >= 0.3, fixed) in the same run.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from ..errors import NewsprobeError

DATA_SET = "story-dev"
SPLITS = ("dev", "test", "all")


def split_ids(data_dir: Path, split: str) -> list[str]:
    if split not in SPLITS:
        raise NewsprobeError("E011", f"split must be one of {', '.join(SPLITS)}, got {split!r}", DATA_SET)
    docs = sorted(p.stem for p in (data_dir / "docs").glob("*.txt"))
    if not docs:
        raise NewsprobeError("E011", f"no docs/*.txt in {data_dir}", DATA_SET)
    if split == "all":
        return docs
    splits = json.loads((data_dir / "splits.json").read_text(encoding="utf-8"))
    return [d for d in splits[split] if d in set(docs)]


def restrict_gold(gold: dict[str, Any], keep: set[str]) -> dict[str, Any]:
    """The gold annotation as if only the docs in `keep` existed: stories lose the other
    members (empty ones go), and a pair or change counts when its two docs are kept (a
    change also when one of its alternative references is)."""
    out = dict(gold)
    stories, labels = [], []
    for members, label in zip(gold["stories"], gold["story_labels"]):
        kept = [d for d in members if d in keep]
        if kept:
            stories.append(kept)
            labels.append(label)
    out["stories"], out["story_labels"] = stories, labels
    out["coarse_merge"] = [g for g in ([lab for lab in group if lab in labels] for group in gold.get("coarse_merge", []))
                           if len(g) > 1]
    both = lambda a, b: a in keep and b in keep  # noqa: E731
    out["copies"] = [c for c in gold["copies"] if both(c[0], c[1])]
    out["copy_details"] = [c for c in gold.get("copy_details", []) if both(c["a"], c["b"])]
    out["quote_variants"] = [q for q in gold.get("quote_variants", []) if both(q[0], q[1])]
    out["quote_variant_details"] = _with_refs(gold.get("quote_variant_details", []), keep)
    out["meaning_changes"] = [m for m in gold.get("meaning_changes", []) if both(m[0], m[1])]
    out["meaning_change_details"] = _with_refs(gold.get("meaning_change_details", []), keep)
    return out


def _with_refs(entries: list[dict], keep: set[str]) -> list[dict]:
    out = []
    for entry in entries:
        refs = [r for r in [entry["a"], *entry.get("alt_a", [])] if r in keep]
        if entry["b"] in keep and refs:
            out.append({**entry, "a": refs[0], "alt_a": refs[1:]})
    return out


def store_path(split: str) -> Path:
    folder = Path(tempfile.gettempdir()) / "newsprobe-eval"
    folder.mkdir(exist_ok=True)
    return folder / f"story-dev-{split}.db"


def evaluate(data_dir: Path, split: str = "dev", limit: int | None = None, progress: bool = False,
             **_: Any) -> dict[str, Any]:
    from ..corpus.run import run_corpus

    started = time.perf_counter()
    ids = split_ids(data_dir, split)
    if limit:
        ids = ids[:limit]
    scorer = data_dir / "score.py"
    if not scorer.is_file():
        raise NewsprobeError("E011", f"{scorer} not found (the data set's scorer)", DATA_SET)
    run = run_corpus([str(data_dir / "docs" / f"{d}.txt") for d in ids], store_path(split))
    if run.failures:
        raise NewsprobeError("E011", f"{len(run.failures)} docs failed: {run.failures[0]}", DATA_SET)
    gold = json.loads((data_dir / "gold.json").read_text(encoding="utf-8"))
    manifest = json.loads((data_dir / "manifest.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "docs").mkdir()
        for d in ids:
            (folder / "docs" / f"{d}.txt").symlink_to((data_dir / "docs" / f"{d}.txt").resolve())
        (folder / "gold.json").write_text(json.dumps(restrict_gold(gold, set(ids))), encoding="utf-8")
        (folder / "manifest.json").write_text(json.dumps([m for m in manifest if m["id"] in set(ids)]),
                                              encoding="utf-8")
        (folder / "out.json").write_text(json.dumps(run.result), encoding="utf-8")
        done = subprocess.run([sys.executable, str(scorer), str(folder / "out.json"), "--gold",
                               str(folder / "gold.json"), "--docs", str(folder / "docs"), "--manifest",
                               str(folder / "manifest.json"), "--json", str(folder / "metrics.json")],
                              capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            raise NewsprobeError("E011", f"score.py failed: {done.stderr.strip()[-300:]}", DATA_SET)
        metrics = json.loads((folder / "metrics.json").read_text(encoding="utf-8"))
    result = summarise(metrics)
    result["origin"] = origin_accuracy(run.result, gold, manifest, set(ids), data_dir)
    return {"split": split, "docs": len(ids), **result, "analysed": run.analysed, "reused": run.reused,
            "scorer_report": done.stdout, "seconds": round(time.perf_counter() - started, 1)}


def gold_origins(gold: dict[str, Any], manifest: list[dict], keep: set[str]) -> dict[str, str]:
    """Family -> its original doc, where the gold says so. gold.json names each family's
    source in words ("PAP fact check, 2 Jul 2024"), not as a doc: a family's original is
    the one kept member whose outlet (its domain's name, "pap" of pap.pl) is a word, or two
    or three adjacent words run together ("Business Insider"), of that source; families
    whose source is "not in the corpus", or where no member or several match, have none."""
    import re

    outlet = {m["id"]: (m.get("outlet") or "").lower() for m in manifest}
    out = {}
    for family, entry in gold.get("copy_families", {}).items():
        if "not in the corpus" in entry["source"]:
            continue
        words = re.findall(r"\w+", entry["source"].lower())
        names = {"".join(words[i:i + n]) for n in (1, 2, 3) for i in range(len(words))}
        members = [d for d in entry["members"] if d in keep]
        hits = [d for d in members
                if re.sub(r"\W", "", re.sub(r"^(www|en|m)\.", "", outlet.get(d, "")).split(".")[0]) in names]
        if len(hits) == 1 and len(members) > 1:
            out[family] = hits[0]
    return out


def origin_accuracy(result: dict[str, Any], gold: dict[str, Any], manifest: list[dict], keep: set[str],
                    data_dir: Path) -> dict[str, Any]:
    """How often the family's original is named the original: for each gold family with a
    known original (`gold_origins`), right when the original is in a tool family and no
    other member of the gold family is its ancestor on the tool's route (a tool family may
    join several gold families). Baselines on the gold family's members: the earliest
    dated (manifest dates, which the tool does not see in .txt input; undated last, then
    the longest) and the longest text. `with_dates`: the tool's routes recomputed with the
    manifest dates given (corpus.origin.family_route on the run's copies)."""
    from ..corpus.origin import family_route

    origins = gold_origins(gold, manifest, keep)

    article_of = _doc_of_article(result, data_dir, keep)
    doc_of = {v: k for k, v in article_of.items()}
    dates = {m["id"]: m.get("published") for m in manifest}
    length = {d: len((data_dir / "docs" / f"{d}.txt").read_text(encoding="utf-8")) for d in keep}

    def right(routes: list[dict], family: str, original: str) -> bool:
        members = set(gold["copy_families"][family]["members"]) & keep
        for f in routes:
            parent = {doc_of.get(h["child"]): doc_of.get(h["parent"]) for h in f["route"]}
            if original not in {doc_of.get(a) for a in f["articles"]}:
                continue
            node = parent.get(original)
            while node is not None:
                if node in members:
                    return False
                node = parent.get(node)
            return True
        return False

    published = {a["id"]: dates.get(doc_of.get(a["id"])) for a in result["articles"]}
    with_dates = []
    for f in result.get("families", []):
        inside = set(f["articles"])
        found = family_route(f["articles"], [k for k in result["copies"]
                                             if k["source"] in inside and k["target"] in inside], published)
        with_dates.append({"articles": f["articles"],
                           "route": [{"parent": h.parent, "child": h.child} for h in found["hops"]]})
    n = len(origins)
    rows = {}
    for family, original in sorted(origins.items()):
        members = sorted(set(gold["copy_families"][family]["members"]) & keep)
        earliest = min(members, key=lambda d: (dates.get(d) is None, (dates.get(d) or "")[:10], -length[d], d))
        rows[family] = {"original": original, "tool": right(result.get("families", []), family, original),
                        "with_dates": right(with_dates, family, original),
                        "earliest_dated": earliest == original,
                        "longest": max(members, key=lambda d: (length[d], d)) == original}

    def share(key: str) -> float | None:
        return round(sum(r[key] for r in rows.values()) / n, 4) if n else None

    return {"families_with_known_original": n, "accuracy": share("tool"), "accuracy_with_dates": share("with_dates"),
            "baseline": {"earliest_dated": share("earliest_dated"), "longest": share("longest")},
            "per_family": rows}


def _doc_of_article(result: dict[str, Any], data_dir: Path, keep: set[str]) -> dict[str, str]:
    """doc id -> the corpus stage's article id, by the text the article was read from."""
    from ..analyze import article_id
    from ..ingest import read_inputs
    from ..settings import Settings

    out = {}
    for d in sorted(keep):
        for item in read_inputs([str(data_dir / "docs" / f"{d}.txt")], Settings()):
            if not isinstance(item, NewsprobeError):
                out[d] = article_id(item)
    return out


def _stories(row: dict[str, Any]) -> dict[str, Any]:
    return {"bcubed_precision": row["P"], "bcubed_recall": row["R"], "bcubed_f": row["F"], "ari": row["ARI"],
            "stories": row["n"]}


def summarise(metrics: dict[str, Any]) -> dict[str, Any]:
    """The scorer's figures under snake_case keys, with the issue's headline shares."""
    copies, changes, meaning = metrics["copies"], metrics["changes"], metrics["meaning_changes"]
    quotes = metrics["quote_variants"]
    return {
        "stories": _stories(metrics["stories"]["tool"]),
        "copies": {"precision": copies["P"], "recall": copies["R"], "f1": copies["F"],
                   "gold_pairs": copies["gold"], "tool_pairs": copies["tool"], "matched": copies["matched"],
                   "same_language": {"precision": copies["same_language"]["P"],
                                     "recall": copies["same_language"]["R"]},
                   "recall_per_gold_kind": copies["recall_per_gold_kind"],
                   "precision_per_tool_kind": copies["precision_per_tool_kind"]},
        "quote_variants": {"total": quotes["n"], "found_strict": quotes["strict"],
                           "found_lenient": quotes["lenient"], "pair_linked": quotes["linked"]},
        "meaning_changes": {"total": meaning["n"], "found_strict": meaning["strict"],
                            "found_lenient": meaning["lenient"], "pair_linked": meaning["linked"],
                            "share_found": round(meaning["strict"] / meaning["n"], 4) if meaning["n"] else None},
        "changes": {"total": changes["total"], "on_gold_pairs": changes["on_gold_pairs"],
                    "on_non_copies": changes["on_non_gold_pairs"],
                    "share_on_non_copies": round(changes["on_non_gold_pairs"] / changes["total"], 4)
                    if changes["total"] else 0.0,
                    "on_gold_verbatim_pairs": changes["on_gold_verbatim_pairs"]},
        "baseline": {"tfidf_single_link": _stories(metrics["stories"]["baseline_tfidf_0.3"])},
    }


def format_text(result: dict[str, Any]) -> str:
    s, b, c = result["stories"], result["baseline"]["tfidf_single_link"], result["copies"]
    m, ch = result["meaning_changes"], result["changes"]
    kinds = ", ".join(f"{k} {v:.2f}" for k, v in c["recall_per_gold_kind"].items())
    return "\n".join([
        result["scorer_report"].rstrip(),
        "",
        f"story-dev, split {result['split']} ({result['docs']} docs; {result['analysed']} analysed, "
        f"{result['reused']} reused)",
        f"  stories   BCubed F {s['bcubed_f']:.3f} (P {s['bcubed_precision']:.3f} R {s['bcubed_recall']:.3f}) "
        f"ARI {s['ari']:.3f}, {s['stories']} stories",
        f"  baseline  BCubed F {b['bcubed_f']:.3f} (P {b['bcubed_precision']:.3f} R {b['bcubed_recall']:.3f}) "
        f"ARI {b['ari']:.3f}, {b['stories']} stories (TF-IDF single link >= 0.3, same run)",
        f"  copies    P {c['precision']:.3f} R {c['recall']:.3f} ({c['matched']} of {c['gold_pairs']} gold, "
        f"{c['tool_pairs']} reported); recall per kind: {kinds}",
        f"  meaning changes found {m['found_strict']}/{m['total']} (lenient {m['found_lenient']}); "
        f"changes on non-copies {ch['on_non_copies']}/{ch['total']} ({ch['share_on_non_copies']:.1%})",
        _origin_line(result.get("origin")),
        f"  {result['seconds']} s",
    ])


def _origin_line(origin: dict[str, Any] | None) -> str:
    if not origin or not origin["families_with_known_original"]:
        return "  origin    no family with a known original in this part"
    b = origin["baseline"]
    return (f"  origin    accuracy {origin['accuracy']:.3f} on {origin['families_with_known_original']} families "
            f"(with the manifest's dates {origin['accuracy_with_dates']:.3f}); baselines earliest-dated "
            f"{b['earliest_dated']:.3f}, longest {b['longest']:.3f}")
