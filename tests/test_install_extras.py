"""The slim install: the analysis needs none of the web app, Spark or the test tools, each
extra has its own lock file, and a command whose extra is missing says which one to install."""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY_EXTRAS = {"pyspark": "spark", "py4j": "spark", "duckdb": "spark", "fastapi": "web",
                "uvicorn": "web", "starlette": "web", "playwright": "dev", "pytest": "dev",
                "hypothesis": "dev", "atheris": "dev",
                # the analysis runs MiniLM itself (newsprobe.minilm); the tests compare it with these
                "sentence-transformers": "dev", "transformers": "dev"}


def _locked(name: str) -> dict[str, str]:
    lines = (ROOT / name).read_text("utf-8").splitlines()
    return {re.split(r"==", line)[0].lower(): line for line in lines
            if line.strip() and not line.startswith("#")}


def test_core_lock_and_dependencies_hold_no_extra():
    core = _locked("requirements.lock")
    for package, extra in HEAVY_EXTRAS.items():
        assert package not in core, f"{package} belongs to requirements-{extra}.lock"
        assert package in _locked(f"requirements-{extra}.lock"), package
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    declared = {re.split(r"[<>=\[ ]", d)[0].lower() for d in project["dependencies"]}
    assert not declared & set(HEAVY_EXTRAS)
    assert {"web", "spark", "dev"} <= set(project["optional-dependencies"])


def test_lock_files_pin_each_package_once():
    seen: dict[str, str] = {}
    for name in ("requirements.lock", "requirements-web.lock", "requirements-spark.lock",
                 "requirements-dev.lock"):
        for package, line in _locked(name).items():
            assert "==" in line, f"{name}: {line} is not pinned"
            assert package not in seen, f"{package} pinned in {seen.get(package)} and {name}"
            seen[package] = name


def test_serve_without_the_web_extra_names_it(tmp_path):
    # A slim install has no fastapi: make its import fail the way a missing package does.
    code = ("import sys; sys.modules['fastapi'] = None; from newsprobe.cli import main; "
            f"sys.exit(main(['serve', '--db', {str(tmp_path / 'x.db')!r}]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "newsprobe[web]" in done.stderr and "requirements-web.lock" in done.stderr
