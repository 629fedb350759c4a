"""Learn which words act as attribution cues, from PolNeAR's training split.

For every lemma (with its coarse part of speech) the script counts how often it occurs in
the training articles and how often an annotator marked it as (part of) a cue. The table
it writes, `src/newsprobe/layers/lexicons/cue_lemmas.tsv`, holds word statistics only (no
text of the corpus) and is read by the attribution layer: a lemma is a cue candidate when
its cue rate is high enough, and the rate becomes the attribution's prior confidence.

PolNeAR is research-only data; MODELS.md says so for this table.

    .venv/bin/python scripts/learn_cue_lexicon.py [--data ../shared/data/polnear]
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

from newsprobe.parse import load_pipeline

OUT = Path(__file__).resolve().parents[1] / "src/newsprobe/layers/lexicons/cue_lemmas.tsv"
MIN_OCCURRENCES = 8  # below this a rate is noise


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[1] / "../shared/data/polnear"))
    args = parser.parse_args()
    rows = [json.loads(line) for line in open(Path(args.data) / "jsonl" / "train.jsonl", encoding="utf-8")]
    nlp = load_pipeline()
    seen: collections.Counter[tuple[str, str]] = collections.Counter()
    cue: collections.Counter[tuple[str, str]] = collections.Counter()
    for row, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=16)):
        cue_chars = set()
        for quote in row["quotes"]:
            for frag in quote["cue_frags"]:
                cue_chars.update(range(frag["start"], frag["end"]))
        for token in doc:
            if token.pos_ not in ("VERB", "NOUN", "AUX", "ADP", "ADJ"):
                continue
            key = (token.lemma_.lower(), token.pos_)
            seen[key] += 1
            if token.idx in cue_chars:
                cue[key] += 1
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# lemma\tpos\tcue\tseen\trate  (PolNeAR train; scripts/learn_cue_lexicon.py)\n")
        for key, n in sorted(seen.items(), key=lambda kv: -cue[kv[0]]):
            if n >= MIN_OCCURRENCES and cue[key] > 0:
                out.write(f"{key[0]}\t{key[1]}\t{cue[key]}\t{n}\t{cue[key] / n:.3f}\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
