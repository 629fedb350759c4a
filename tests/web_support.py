"""Shared by the web tests: the demo corpus (examples/) run through the real corpus stage
into a real store, once per test session (it takes a while: spaCy, MiniLM, copy detection)."""

from __future__ import annotations

from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "web"
_built: dict[str, Path] = {}


def demo_store(tmp_path_factory) -> Path:
    """The path of a store holding the analysed demo corpus and one corpus run over it."""
    if "demo" not in _built:
        from newsprobe.corpus.run import run_corpus

        db = tmp_path_factory.mktemp("web-demo") / "demo.db"
        run = run_corpus([str(EXAMPLES)], db)
        assert not run.failures, run.failures
        _built["demo"] = db
    return _built["demo"]


def article_id_by_title(client, words: str) -> str:
    """The id of the demo article whose title contains `words` (via the search API)."""
    rows = client.get("/api/search", params={"q": f'"{words}"', "limit": 5}).json()["results"]
    matches = [r["article_id"] for r in rows if words.lower() in (r["title"] or "").lower()]
    assert matches, f"no demo article titled like {words!r}"
    return matches[0]


# The original and its spun copy in examples/ (05 and 06).
ORIGINAL_TITLE = "agree to resume grain shipments"
COPY_TITLE = "Grain consignments via Port Tessa"
