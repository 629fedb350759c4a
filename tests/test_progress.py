"""Progress bars: drawn with a rate on a terminal, silent in a pipe."""

import os
import pty
import sys

import pytest

from newsprobe.progress import counting_progress, progress_bar, stage_progress


def _run_on_terminal(body) -> str:
    """Run `body()` in a child whose stderr is a pseudo-terminal; return what it drew."""
    pid, fd = pty.fork()
    if pid == 0:  # child: stderr onto the terminal, then exit without pytest's teardown
        os.dup2(1, 2)
        sys.stderr = os.fdopen(2, "w")  # pytest's capture object is not a terminal
        try:
            body()
        finally:
            os._exit(0)
    out = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.waitpid(pid, 0)
    return out.decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_terminal_sees_the_count_and_the_rate_unit():
    def body():
        with progress_bar("analysing", 3, unit="pages") as advance:
            advance()
            advance(2)
    drawn = _run_on_terminal(body)
    assert "analysing" in drawn and "3/3" in drawn and "pages/s" in drawn


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_each_stage_gets_its_own_bar_with_its_count():
    def body():
        with stage_progress() as update:
            update("analyse", 2, 2)
            update("copies", 3, 10)
            update("copies", 7, 10)
    drawn = _run_on_terminal(body)
    assert "analyse" in drawn and "2/2" in drawn and "7/10" in drawn


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_counting_progress_shows_running_outcomes():
    def body():
        with counting_progress(("analysed", "failed")) as count:
            count("analysed")
            count("analysed")
            count("failed")
    drawn = _run_on_terminal(body)
    assert "2 analysed, 1 failed" in drawn


def test_nothing_is_drawn_in_a_pipe(capfd):
    # pytest captures stderr, so it is not a terminal here: the bars are no-ops
    with progress_bar("analysing", 2) as advance:
        advance()
    with stage_progress() as update:
        update("embed", 1, 1)
    with counting_progress(("analysed", "failed")) as count:
        count("failed")
    assert capfd.readouterr().err == ""


def test_disabled_bars_draw_nothing_even_on_a_terminal():
    def body():
        with progress_bar("hidden-label", 1, enabled=False) as advance:
            advance()
    assert "hidden-label" not in _run_on_terminal(body)
