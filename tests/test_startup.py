"""Cold start, in fresh processes: the package imports without spaCy or torch, and an
analysis prints no third-party progress bar."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import child_env

HEAVY = ("spacy", "torch", "sklearn", "sentence_transformers", "transformers", "thinc", "scipy",
         "lingua")


def test_import_newsprobe_loads_no_heavy_library():
    code = ("import json, sys, newsprobe; newsprobe.__version__; "
            f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", code], env=child_env(),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_version_and_help_load_no_heavy_library():
    code = ("import json, sys\nfrom newsprobe.cli import main\n"
            "for argv in (['--version'], ['--help'], ['analyze', '--help']):\n"
            "    assert main(argv) == 0\n"
            f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", code], env=child_env(),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == []


def test_public_names_still_import_from_the_package():
    from newsprobe import Analysis, Article, analyze, analyze_many
    assert callable(analyze) and callable(analyze_many)
    assert Analysis.__name__ == "Analysis" and Article.__name__ == "Article"


def test_analyze_prints_no_third_party_progress_bar(tmp_path):
    article = tmp_path / "short.txt"
    article.write_text("Unemployment rose to 7.4 percent in March, up from 6.1 percent a year "
                       "earlier, the statistics office said on Friday.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "newsprobe", "analyze", str(article), "--format", "json"],
                          env=child_env(), cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["claims"], "the claims layer (which loads MiniLM) found nothing"
    # What remains on stderr is newsprobe's own summary line; a tqdm bar would show its
    # "Loading weights", a percentage or a carriage return.
    assert "Loading" not in done.stderr
    assert "%|" not in done.stderr and "\r" not in done.stderr
    assert done.stderr.strip().splitlines() == ["1 analysed, 0 failed"]
