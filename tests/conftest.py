"""Shared test helpers: the spaCy pipeline fixture, the path to the public data sets
(../shared/data, absent on most machines: tests that need it skip with a reason), and the
environment of a child process that must import this source tree.

Test modules import the plain helpers with `from conftest import ...`.

`pytest -m "not slow"` is the inner loop; `make test` (plain pytest) runs everything.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA_ROOT = (ROOT / ".." / "shared" / "data").resolve()


# Modules whose every test is slow: a browser, a Spark session, fuzzing, killed and
# restarted processes, hostile inputs measured in subprocesses, the evaluation gate.
# Single slow tests elsewhere carry @pytest.mark.slow themselves.
SLOW_MODULES = frozenset({
    "test_web_browser.py", "test_spark.py", "test_spark_families.py", "test_fuzz_analyze.py",
    "test_fuzz_atheris.py",
    "test_fuzz_ingest.py", "test_faults.py", "test_hostile_inputs.py", "test_eval_gate.py",
})


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.name in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


def data_path(*parts: str) -> Path:
    """A path under ../shared/data (which may not exist)."""
    return DATA_ROOT.joinpath(*parts)


def needs_data(*parts: str) -> pytest.MarkDecorator:
    """Skip unless ../shared/data/<parts> exists; marks the test `data` too."""
    path = data_path(*parts)
    skip = pytest.mark.skipif(not path.exists(), reason=f"{path} is absent (see ../shared/data/DATA.md)")

    def mark(test):
        return pytest.mark.data(skip(test))

    return mark


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a `python -m newsprobe` child that imports the newsprobe this
    test imported (the working tree's src/, not an installed copy), from any folder."""
    import newsprobe
    return dict(os.environ, PYTHONPATH=str(Path(newsprobe.__file__).resolve().parents[1]), **extra)


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline, loaded once for the whole run (load_pipeline caches it)."""
    from newsprobe.parse import load_pipeline
    return load_pipeline(None)


@pytest.fixture(scope="module")
def spark():
    """A local Spark session for one test module (the Spark modules skip themselves when
    pyspark or Java is missing, before this is asked for)."""
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from newsprobe.spark.job import session

    s = session("local[2]", app_name="newsprobe-tests", **{
        "spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false",
        "spark.sql.shuffle.partitions": "2"})
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()
