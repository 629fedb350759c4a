"""Cold start: CPU seconds (user + system) of fresh processes, against `import spacy`.

Each command runs `--repeat` times in a new interpreter; the CPU time is read from the
children's resource usage, so other jobs on the machine do not inflate it the way they
inflate wall-clock time. Prints the median and the spread of each command.

    PYTHONPATH=src python benchmarks/bench_startup.py --repeat 5
    python benchmarks/bench_startup.py --src /tmp/older-checkout/src   # another tree
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

SHORT_ARTICLE = ("Harbour plan paused\n\nThe council paused the harbour plan on Tuesday. "
                 "\u201cWe need a new study first,\u201d said Maria Lind, the planning chief.\n")


def cpu_seconds(argv: list[str], env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--src", default=os.environ.get("PYTHONPATH", "src"),
                        help="the source folder to measure (PYTHONPATH of the children)")
    parser.add_argument("--skip-analyze", action="store_true", help="leave out the slow analyze run")
    args = parser.parse_args()

    env = dict(os.environ, PYTHONPATH=str(Path(args.src).resolve()))
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "short.txt"
        article.write_text(SHORT_ARTICLE, encoding="utf-8")
        commands = {
            "python -c 'import spacy'": [py, "-c", "import spacy"],
            "python -c 'import newsprobe'": [py, "-c", "import newsprobe"],
            "newsprobe --version": [py, "-m", "newsprobe", "--version"],
            "newsprobe --help": [py, "-m", "newsprobe", "--help"],
        }
        if not args.skip_analyze:
            commands["newsprobe analyze short.txt --format json"] = [
                py, "-m", "newsprobe", "analyze", str(article), "--format", "json"]
        results: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.repeat):   # interleaved, so a busy spell hits every command
            for name, argv in commands.items():
                results[name].append(cpu_seconds(argv, env))
    print(f"src={args.src} repeat={args.repeat}")
    print("| command | CPU s (median) | min-max |")
    print("|---|---|---|")
    for name, times in results.items():
        print(f"| `{name}` | {statistics.median(times):.2f} | {min(times):.2f}-{max(times):.2f} |")


if __name__ == "__main__":
    main()
