"""The coverage-guided fuzzers (fuzz/fuzz_ingest.py, fuzz/fuzz_analyze.py) run for a few
seconds each, from their seed corpora, in a subprocess: libFuzzer exits non-zero on the
first crash or hang and writes the input under the artifact prefix. The long runs are in
RELIABILITY.md."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris")

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name,seconds,timeout", [("ingest", 3, 20), ("analyze", 5, 60)])
def test_fuzzer_runs_its_budget_without_a_crash(tmp_path, name, seconds, timeout):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "fuzz" / "seeds" / name, corpus)  # libFuzzer adds to the first folder
    proc = subprocess.run(
        [sys.executable, str(ROOT / "fuzz" / f"fuzz_{name}.py"), str(corpus),
         f"-max_total_time={seconds}", f"-timeout={timeout}", "-rss_limit_mb=4096",
         f"-artifact_prefix={tmp_path}/"],
        capture_output=True, text=True, timeout=300)
    crashes = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("crash-", "timeout-", "oom-")))
    assert proc.returncode == 0 and not crashes, (crashes, proc.stderr[-3000:])
    assert "Done" in proc.stderr and " runs in " in proc.stderr
