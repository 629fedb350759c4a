"""The built wheel: it carries every data file of the source tree, and once installed (not
editable) it analyses an article from a folder outside the source tree."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "newsprobe"


def source_data_files() -> set[str]:
    """Every file of the package that is not Python source or bytecode, as a wheel names it."""
    found = set()
    for path in PACKAGE.rglob("*"):
        if not path.is_file() or path.suffix in {".py", ".pyc"} or "__pycache__" in path.parts:
            continue
        found.add(path.relative_to(PACKAGE.parent).as_posix())
    return found


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel built from a copy of the project, so that the build leaves no build/ or
    egg-info folder in the working tree."""
    work = tmp_path_factory.mktemp("wheel")
    project = work / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "src", project / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    out = work / "dist"
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                           "--quiet", "--wheel-dir", str(out), str(project)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    (built,) = out.glob("newsprobe-*.whl")
    return built


def test_wheel_carries_every_data_file_of_the_source_tree(wheel):
    with zipfile.ZipFile(wheel) as zf:
        shipped = {n for n in zf.namelist() if n.startswith("newsprobe/") and not n.endswith(".py")}
    assert source_data_files(), "found no data files: the source tree moved?"
    assert source_data_files() - shipped == set(), "data files missing from the wheel (pyproject package-data)"


def test_wheel_carries_the_learned_cue_table(wheel):
    with zipfile.ZipFile(wheel) as zf:
        assert "newsprobe/layers/lexicons/cue_lemmas.tsv" in zf.namelist()


@pytest.mark.slow
def test_installed_wheel_analyses_an_article_outside_the_source_tree(wheel, tmp_path):
    # A fresh venv whose only newsprobe is the wheel. The dependencies (spaCy, torch, the
    # models: gigabytes) are taken from the running interpreter's site-packages through a
    # .pth line; a folder named in a .pth is put on sys.path after the venv's own
    # site-packages and its own .pth files are not read, so the editable install of the
    # source tree that may live there is not seen.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "shared_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    installed = subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--quiet", str(wheel)],
                               capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, installed.stderr

    away = tmp_path / "elsewhere"
    away.mkdir()
    (away / "story.txt").write_text(
        "Harbour plan paused\n\nThe council paused the harbour plan on Tuesday. "
        "\u201cWe need a new study first,\u201d said Maria Lind, the council's planning chief.\n",
        encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith("NEWSPROBE_")}
    where = subprocess.run([str(python), "-c", "import newsprobe; print(newsprobe.__file__)"],
                           cwd=away, env=env, capture_output=True, text=True, timeout=120)
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(site), where.stdout

    done = subprocess.run([str(venv / "bin" / "newsprobe"), "analyze", "story.txt", "--format", "json"],
                          cwd=away, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["schema"].startswith("newsprobe.article/")
    quotes = result["quotes"]
    assert any(q["type"] == "direct" and q["speaker"]["name"] == "Maria Lind" for q in quotes), quotes
