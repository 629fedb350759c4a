"""docs/api.md: every `python` block runs, in order, in one namespace, in an empty folder."""

import re
from pathlib import Path

API_PAGE = Path(__file__).resolve().parents[1] / "docs" / "api.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def test_api_page_examples_run(tmp_path, monkeypatch, capsys):
    blocks = BLOCK.findall(API_PAGE.read_text("utf-8"))
    assert len(blocks) >= 5
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    for n, block in enumerate(blocks, 1):
        try:
            exec(compile(block, f"{API_PAGE.name} block {n}", "exec"), namespace)
        except Exception as exc:  # name the block, so the doc is easy to fix
            raise AssertionError(f"docs/api.md block {n} failed: {exc!r}") from exc
    assert "articles" in capsys.readouterr().out
