"""Reading data-set files: the coded errors every evaluation shares."""

import pytest

from newsprobe.errors import NewsprobeError
from newsprobe.eval.files import check_split, read_jsonl


def test_read_jsonl_skips_blank_lines_and_stops_at_the_limit(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text('{"id": 1}\n\n{"id": 2}\n{"id": 3}\n', encoding="utf-8")
    assert [row["id"] for row in read_jsonl(path, "demo")] == [1, 2, 3]
    assert [row["id"] for row in read_jsonl(path, "demo", limit=2)] == [1, 2]


def test_a_missing_file_is_e011_naming_it(tmp_path):
    with pytest.raises(NewsprobeError) as caught:
        read_jsonl(tmp_path / "absent.jsonl", "demo")
    assert caught.value.code == "E011" and "absent.jsonl" in str(caught.value)


def test_a_malformed_line_is_e004_naming_file_and_line_not_its_text(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text('{"id": 1}\n{"secret text\n', encoding="utf-8")
    with pytest.raises(NewsprobeError) as caught:
        read_jsonl(path, "demo")
    assert caught.value.code == "E004"
    assert caught.value.origin == f"{path}:2"
    assert "secret text" not in str(caught.value)


def test_an_unknown_split_is_e011_listing_the_splits():
    check_split("dev", ("train", "dev"), "demo")
    with pytest.raises(NewsprobeError) as caught:
        check_split("test", ("train", "dev"), "demo")
    assert caught.value.code == "E011" and "train, dev" in str(caught.value)
