"""Coverage-guided fuzzing of `analyze` and the contract round trip with atheris.

Each input is decoded as unicode (atheris picks ASCII, UTF-16 or UTF-32 code points, so
quotation marks, control characters and astral characters all occur), analysed, and
checked: the output validates against `newsprobe.article/1`, every span indexes inside
`text`, and `Analysis.from_dict(to_dict())` round-trips. Anything else is a crash.

    python fuzz/fuzz_analyze.py -max_total_time=60
    python fuzz/fuzz_analyze.py /tmp/analyze-corpus fuzz/seeds/analyze \\
        -max_total_time=1800 -timeout=60 -artifact_prefix=/tmp/analyze-   # RELIABILITY.md

Analysing is slow next to ingest (tens of ms an input), so a run sees far fewer inputs;
the loading of spaCy and MiniLM happens before the clock starts.
"""

from __future__ import annotations

import json
import sys

import atheris

with atheris.instrument_imports(include=["newsprobe"]):
    from newsprobe import analyze
    from newsprobe.model import Analysis, Article
    from newsprobe.schema import check_spans, validate_article

# Longer inputs only slow the fuzzer down; the hostile-input tests cover long texts.
MAX_CHARS = 2_000


def test_one(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    text = provider.ConsumeUnicodeNoSurrogates(MAX_CHARS)
    d = analyze(Article(text=text, id="fuzz")).to_dict()
    assert d["text"] == text
    validate_article(d)
    check_spans(d)
    again = Analysis.from_dict(json.loads(json.dumps(d, allow_nan=False))).to_dict()
    assert again == d, "round trip changed the analysis"


def main() -> None:
    analyze("Warm up: spaCy and MiniLM load before fuzzing starts.")
    atheris.Setup(sys.argv, test_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
