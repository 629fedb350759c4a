"""Language detection of short texts: accuracy and cost of lingua's light detector, its full
detector over all languages, and what `newsprobe.language.detect_language` does (the full
detector among the light one's first `SHORT_TEXT_CANDIDATES` languages and English).

Short texts, read at run time (skipped when absent): story-dev's **dev** pages' lines of
25-199 characters (at most four a page, gold = the page's language) and the opening line
of each non-augmented news-similarity text (at most 199 characters, gold = its language).
`--candidates` also scores other numbers of candidates. CPU: a fresh process detecting the
language of one short English headline, median of `--repeat`.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_language.py --candidates 2 3 4 8

Prints a markdown table; never writes BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"

ONE_HEADLINE = """
import sys
from newsprobe import language
arm = sys.argv[1]
text = "Volcano erupts near island village"
if arm == "full":
    from lingua import LanguageDetectorBuilder
    LanguageDetectorBuilder.from_all_languages().build().detect_language_of(text)
elif arm == "light":
    language._light_detector().detect_language_of(text)
else:
    language.detect_language(text)
"""


def story_dev_lines() -> list[tuple[str, str]]:
    root = DATA / "story-dev"
    manifest = {m["id"]: m for m in json.loads((root / "manifest.json").read_text())}
    out = []
    for doc_id in json.loads((root / "splits.json").read_text())["dev"]:
        lines = [line.strip() for line in (root / "docs" / f"{doc_id}.txt").read_text().splitlines()]
        lines = [line for line in lines if 25 <= len(line) < 200 and sum(c.isalpha() for c in line) > 15]
        out += [(manifest[doc_id]["language"], line) for line in lines[:4]]
    return out


def news_similarity_heads() -> list[tuple[str, str]]:
    out, seen = [], set()
    for row in map(json.loads, open(DATA / "news-similarity" / "pairs.jsonl", encoding="utf-8")):
        if row["augmented"]:   # machine translations: a headline often left in another language
            continue
        for side in "12":
            text = row["text" + side].strip()
            if text in seen:
                continue
            seen.add(text)
            head = re.split(r"  |\n", text)[0].strip()
            if not 25 <= len(head) < 200:
                head = text[:150].rsplit(" ", 1)[0]
            out.append((row["lang" + side], head))
    return out


def code(found) -> str:
    return found.iso_code_639_1.name.lower() if found is not None else "und"


def cpu_seconds(argv: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, check=True, env=dict(os.environ))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, nargs="*", default=[])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sets = {}
    if (DATA / "story-dev").is_dir():
        sets["story-dev dev lines"] = story_dev_lines()
    if (DATA / "news-similarity").is_dir():
        sets["news-similarity heads"] = news_similarity_heads()
    from lingua import LanguageDetectorBuilder
    from newsprobe import language
    full = LanguageDetectorBuilder.from_all_languages().build()
    light = language._light_detector()

    def among(text: str, n: int) -> str:
        ranked = light.compute_language_confidence_values(text)
        return code(language._full_detector_among(frozenset(r.language for r in ranked[:n]))
                    .detect_language_of(text)) if ranked and ranked[0].value else "und"

    arms = {"light detector alone": lambda t: code(light.detect_language_of(t)),
            "full detector, all languages": lambda t: code(full.detect_language_of(t)),
            f"newsprobe (full among light's first {language.SHORT_TEXT_CANDIDATES} and English)": language.detect_language}
    for n in args.candidates:
        arms[f"full among light's first {n}"] = (lambda k: lambda t: among(t, k))(n)
    print("| detector | " + " | ".join(f"{name} ({len(s)}; {dict(Counter(g for g, _ in s).most_common(4))})"
                                     for name, s in sets.items()) + " |")
    print("|---|" + "---:|" * len(sets))
    for arm, detect in arms.items():
        cells = [f"{sum(detect(t) == gold for gold, t in s)}/{len(s)}" for s in sets.values()]
        print(f"| {arm} | " + " | ".join(cells) + " |")

    times: dict[str, list[float]] = {"full": [], "light": [], "newsprobe": []}
    for _ in range(args.repeat):
        for arm in times:
            times[arm].append(cpu_seconds([sys.executable, "-c", ONE_HEADLINE, arm]))
    print("\n| one headline, fresh process | CPU s (median) | min-max |\n|---|---:|---:|")
    for arm, values in times.items():
        print(f"| {arm} | {statistics.median(values):.2f} | {min(values):.2f}-{max(values):.2f} |")


if __name__ == "__main__":
    main()
