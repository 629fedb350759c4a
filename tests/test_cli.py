"""The CLI, in-process with capsys, plus one real subprocess run. Real spaCy, tiny inputs."""

from __future__ import annotations

import json
from pathlib import Path
import subprocess
import sys

import pytest

from conftest import child_env
from newsprobe.cli import main
from newsprobe.render.writers import safe_stem

STORY = "Harbour plan paused\n\nThe council paused the harbour plan on Tuesday. Maria Lind said a new study would follow.\n"
OTHER = "Officials said the bridge would reopen in June after repairs to the deck.\n"


@pytest.fixture
def good(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(STORY, encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text(OTHER, encoding="utf-8")
    return a, b


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_json_one_input_prints_one_object(capsys, good):
    code, out, err = run(capsys, "analyze", good[0], "--format", "json")
    assert code == 0, err
    result = json.loads(out)
    assert isinstance(result, dict)
    assert result["schema"] == "newsprobe.article/2"
    assert result["title"] == "Harbour plan paused"
    assert result["text"].startswith("The council paused")
    assert "1 analysed, 0 failed" in err


def test_cli_json_several_inputs_print_a_list_in_order(capsys, good):
    code, out, err = run(capsys, "analyze", good[1], good[0], "--format", "json")
    assert code == 0, err
    result = json.loads(out)
    assert isinstance(result, list) and len(result) == 2
    assert [r["meta"]["origin"] for r in result] == [str(good[1]), str(good[0])]


def test_cli_json_directory_prints_a_list_even_for_one_article(capsys, tmp_path):
    (tmp_path / "only.txt").write_text(OTHER, encoding="utf-8")
    code, out, _ = run(capsys, "analyze", tmp_path, "--format", "json")
    assert code == 0
    assert isinstance(json.loads(out), list)


def test_cli_jsonl_one_object_a_line(capsys, good, tmp_path):
    j = tmp_path / "c.jsonl"
    j.write_text(json.dumps({"id": "wire-1", "text": OTHER, "url": "https://www.example.com/x"})
                 + "\n", encoding="utf-8")
    code, out, err = run(capsys, "analyze", good[0], j, "--format", "jsonl")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first["meta"]["origin"] == str(good[0])
    assert second["id"] == "wire-1" and second["outlet"] == "example.com"
    assert second["meta"]["origin"] == f"{j}:1"


def test_cli_batch_with_bad_inputs_goes_on_and_records_them(capsys, good, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\u00e9 news\n\nThe caf\u00e9 reopened.".encode("latin-1"))
    j = tmp_path / "lines.jsonl"
    j.write_text(json.dumps({"id": "ok-1", "text": OTHER}) + "\n{\"text\": \n", encoding="utf-8")
    out_dir = tmp_path / "out"

    code, out, err = run(capsys, "analyze", good[0], empty, binary, latin, j,
                         "--format", "jsonl", "--out", out_dir)
    assert code == 1
    assert out == ""  # results went to --out
    analysed = [json.loads(line) for line in
                (out_dir / "analyses.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [a["meta"]["origin"] for a in analysed] == [str(good[0]), f"{j}:1"]

    for origin, code_ in [(empty, "E001"), (binary, "E002"), (latin, "E003"), (f"{j}:2", "E004")]:
        assert f"error: {origin}: " in err and f"[{code_}]" in err
    assert "2 analysed, 4 failed" in err.strip().splitlines()[-1]

    errors = [json.loads(line) for line in
              (out_dir / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["input"], e["code"]) for e in errors] == [
        (str(empty), "E001"), (str(binary), "E002"), (str(latin), "E003"), (f"{j}:2", "E004")]
    assert all(e["message"] and e["reason"] for e in errors)


def test_cli_missing_input_fails_that_input_only(capsys, good, tmp_path):
    code, out, err = run(capsys, "analyze", tmp_path / "gone.txt", good[1], "--format", "jsonl")
    assert code == 1
    assert len(out.splitlines()) == 1
    assert f"error: {tmp_path / 'gone.txt'}: " in err and "[E007]" in err


def test_cli_json_out_writes_one_file_per_article(capsys, good, tmp_path):
    out_dir = tmp_path / "json-out"
    code, out, _ = run(capsys, "analyze", *good, "--format", "json", "--out", out_dir)
    assert code == 0 and out == ""
    files = sorted(p.name for p in out_dir.iterdir())
    assert "errors.jsonl" in files and (out_dir / "errors.jsonl").read_text() == ""
    pages = [p for p in out_dir.glob("*.json")]
    assert len(pages) == 2
    for page in pages:  # named after the input file, not the article's hash
        data = json.loads(page.read_text(encoding="utf-8"))
        assert page.stem == Path(data["meta"]["origin"]).stem


def test_cli_text_report(capsys, good):
    code, out, err = run(capsys, "analyze", good[0])
    assert code == 0, err
    assert "Harbour plan paused" in out
    assert not [line for line in out.splitlines() if line != line.rstrip()], "trailing spaces"


def test_cli_html_writes_a_page_per_article(capsys, good, tmp_path):
    out_dir = tmp_path / "pages"
    code, out, err = run(capsys, "analyze", *good, "--format", "html", "--out", out_dir)
    assert code == 0, err
    pages = sorted(p for p in out_dir.glob("*.html") if p.name != "index.html")
    assert len(pages) == 2
    assert sorted(out.split()) == sorted(str(p) for p in [*pages, out_dir / "index.html"])
    index = (out_dir / "index.html").read_text(encoding="utf-8")
    for page, source in zip(pages, sorted(good)):
        assert page.stem == Path(source).stem
        assert "<html" in page.read_text(encoding="utf-8").lower()
        assert f'href="{page.name}"' in index


def test_cli_html_index_lists_failed_inputs_and_escapes_titles(capsys, tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("<script>alert(1)</script> Mayor quits\n\nThe mayor of Tallin Bay resigned "
                       "on Friday, the council said.\n", encoding="utf-8")
    out_dir = tmp_path / "pages"
    code, out, err = run(capsys, "analyze", hostile, tmp_path / "gone.txt", "--format", "html",
                         "--out", out_dir)
    assert code == 1
    index = (out_dir / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in index and "&lt;script&gt;" in index
    assert "1 failed" in index and "E007" in index and "gone.txt" in index


@pytest.mark.parametrize("origin, stem", [
    ("examples/01_rumour_pundit.txt", "01_rumour_pundit"),
    ("in/wires.jsonl:3", "wires-3"),
    ("crawl/x.warc.gz@4096", "x.warc-4096"),
    ("<stdin>", "sha1:abc"),
])
def test_cli_report_files_are_named_after_their_input(origin, stem):
    from newsprobe.render.writers import report_stem
    from newsprobe.model import Analysis
    assert report_stem(Analysis(text="x", id="sha1:abc", meta={"origin": origin})) == stem


def test_cli_missing_model_exits_2(capsys, good):
    code, out, err = run(capsys, "analyze", good[0], "--model", "no_such_pipeline_xyz")
    assert code == 2
    assert "[E010]" in err and "no_such_pipeline_xyz" in err


def test_cli_bad_arguments_exit_2(capsys):
    assert main(["analyze"]) == 2
    assert main(["analyze", "x.txt", "--format", "pdf"]) == 2
    capsys.readouterr()


def test_cli_eval_unknown_set_lists_available(capsys):
    code, _, err = run(capsys, "eval", "no-such-set")
    assert code == 2
    assert "no-such-set" in err and "available:" in err and "polnear" in err


def test_cli_eval_missing_data_dir_is_E011(capsys, tmp_path):
    code, _, err = run(capsys, "eval", "polnear", "--data", tmp_path / "absent")
    assert code == 2
    assert "[E011]" in err and str(tmp_path / "absent") in err


@pytest.mark.parametrize("article_id, stem", [
    ("sha1:0a1b2c", "sha1_0a1b2c"),
    ("https://example.org/a b?c=1", "https_example.org_a_b_c_1"),
    ("../../etc/passwd", "etc_passwd"),
    ("::", "article"),
])
def test_cli_safe_stem(article_id, stem):
    assert safe_stem(article_id) == stem


def test_cli_subprocess_reads_stdin(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "newsprobe", "analyze", "-", "--format", "json"],
        input=STORY.encode("utf-8"), capture_output=True, cwd=tmp_path, env=child_env(), timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    result = json.loads(done.stdout)
    assert result["title"] == "Harbour plan paused"
    assert result["meta"]["origin"] == "<stdin>"
    assert b"1 analysed, 0 failed" in done.stderr


def test_cli_and_library_give_one_text_one_id_whatever_its_line_ends(capsys, tmp_path):
    """The web API passes the text as sent; the CLI reads a file: CRLF or CR line ends and
    surrounding whitespace must not give the same article two ids."""
    from newsprobe.analyze import article_id
    from newsprobe.ingest.text import canonical_text
    from newsprobe.model import Article

    path = tmp_path / "crlf.txt"
    path.write_bytes(OTHER.replace("\n", "\r\n").encode())
    code, out, err = run(capsys, "analyze", path, "--format", "json")
    assert code == 0, err
    cli_id = json.loads(out)["id"]
    for sent in (OTHER, OTHER.replace("\n", "\r\n"), "  " + OTHER.replace("\n", "\r") + "\n\n"):
        assert article_id(Article(text=sent)) == cli_id, repr(sent)
    assert canonical_text(" a\r\nb\rc \n") == "a\nb\nc"
