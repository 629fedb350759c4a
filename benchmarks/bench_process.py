"""Whole-process CPU of `newsprobe analyze` against a parse-only process on the same texts.

What a user pays for a run, imports and model loading included: `newsprobe analyze
texts.jsonl --format jsonl` (one process, `NEWSPROBE_WORKERS=1`) against a fresh process
that loads the same spaCy pipeline and runs `nlp.pipe` over the same texts (twice: as it
starts, and with one BLAS thread, as `analyze --workers 1` runs). Each command
runs `--repeat` times, interleaved; CPU time (user + system) is read from the children's
resource usage, so other jobs on a shared machine inflate it far less than wall time.
`--src` adds the analyze arm of another source tree (say, main before a change) to the
same run; `--variant VARIABLE=VALUE` an analyze arm of this tree with one setting changed
through its environment variable (say, NEWSPROBE_ENCODER_LAYERS=4).

    PYTHONPATH=src .venv/bin/python benchmarks/bench_process.py --n 30 --repeat 3
    PYTHONPATH=src .venv/bin/python benchmarks/bench_process.py --src ../main/src
    PYTHONPATH=src .venv/bin/python benchmarks/bench_process.py --variant NEWSPROBE_ENCODER_LAYERS=4

Prints a markdown table; never writes BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_analyze import load_texts  # noqa: E402

PARSE_ONLY = """
import json, sys
from newsprobe.parse import load_pipeline
from newsprobe.settings import Settings
settings = Settings.load()
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = load_pipeline(settings.model or None, settings.max_sentence_tokens)
for _ in nlp.pipe(texts, batch_size=settings.pipe_batch_size):
    pass
"""


def cpu_seconds(argv: list[str], env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"{argv} failed: {proc.stderr[-2000:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=30, help="first N texts (default 30)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--texts", default=None, help="JSONL or folder (default PolNeAR dev)")
    ap.add_argument("--src", action="append", default=[],
                    help="another source tree whose analyze joins the run (repeatable)")
    ap.add_argument("--variant", action="append", default=[], metavar="VARIABLE=VALUE",
                    help="this tree's analyze with this environment variable set joins the run (repeatable)")
    args = ap.parse_args(argv)
    variants = [v.split("=", 1) for v in args.variant]
    if any(len(v) != 2 or not v[0] for v in variants):
        ap.error("--variant takes VARIABLE=VALUE")

    label, texts = load_texts(args.texts, args.n)
    here = str(Path(os.environ.get("PYTHONPATH", "src")).resolve())
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "texts.jsonl"
        data.write_text("".join(json.dumps({"id": f"t{k}", "text": t}) + "\n"
                                for k, t in enumerate(texts)), encoding="utf-8")
        base_env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        # Every tree analyses in-process (one worker: NEWSPROBE_WORKERS=1; a tree from
        # before the workers setting would refuse it, and needs no such setting).
        # The parse-only process twice: as it starts (numpy's OpenBLAS runs a thread per
        # core, and its waiting threads spin, which counts as CPU) and on one thread, as
        # this tree's `analyze --workers 1` and every worker run (threads.one_thread).
        one_thread = dict.fromkeys(("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"), "1")
        arms = {"parse only (spaCy nlp.pipe)": ([py, "-c", PARSE_ONLY, str(data)], here, {}),
                "parse only, one BLAS thread": ([py, "-c", PARSE_ONLY, str(data)], here, one_thread)}
        arms[f"newsprobe analyze ({here})"] = (
            [py, "-m", "newsprobe", "analyze", str(data), "--format", "jsonl"], here,
            {"NEWSPROBE_WORKERS": "1"})
        for variable, value in variants:
            arms[f"newsprobe analyze ({here}, {variable}={value})"] = (
                [py, "-m", "newsprobe", "analyze", str(data), "--format", "jsonl"], here,
                {"NEWSPROBE_WORKERS": "1", variable: value})
        for src in args.src:
            src = str(Path(src).resolve())
            arms[f"newsprobe analyze ({src})"] = (
                [py, "-m", "newsprobe", "analyze", str(data), "--format", "jsonl"], src,
                {"NEWSPROBE_WORKERS": "1"})
        cpu: dict[str, list[float]] = {name: [] for name in arms}
        for rep in range(args.repeat):
            order = list(arms) if rep % 2 == 0 else list(arms)[::-1]
            for name in order:
                command, src, extra = arms[name]
                cpu[name].append(cpu_seconds(command, dict(base_env, PYTHONPATH=src, **extra)))
                print(f"rep {rep} {name}: {cpu[name][-1]:.1f} s CPU, load "
                      f"{os.getloadavg()[0]:.1f}", flush=True)
    parse = statistics.median(next(iter(cpu.values())))
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs"
    print(f"\n{label}: {len(texts)} texts, {sum(map(len, texts)):,} chars; {args.repeat} runs, medians")
    parse_one = statistics.median(cpu["parse only, one BLAS thread"])
    print("| date | machine | process | CPU s (median) | min-max | ratio to parse only | "
          "ratio to parse only, one thread |")
    print("|---|---|---|---|---|---|---|")
    for name, times in cpu.items():
        print(f"| {dt.date.today()} | {machine} | {name} | {statistics.median(times):.1f} | "
              f"{min(times):.1f}-{max(times):.1f} | {statistics.median(times) / parse:.2f} | "
              f"{statistics.median(times) / parse_one:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
