"""Progress bars for every long run (analyse, corpus, batch, evaluations): rate and time
left on a terminal, nothing at all in a pipe or a log file.

Three shapes, one look:
- `progress_bar`: one bar with a known total (or a count-up when the total is unknown);
- `stage_progress`: one bar per named stage of a longer job (the corpus command);
- `counting_progress`: a count-up of records with running outcome counters (batch, where
  WARC files are not counted ahead).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


def _showing(enabled: bool) -> bool:
    return enabled and sys.stderr.isatty()


def _bar(*columns, unit: str, remaining: bool = True):
    """A transient rich Progress on stderr: the given columns, a rate, time left or elapsed."""
    from rich.console import Console
    from rich.progress import Progress, ProgressColumn, TimeElapsedColumn, TimeRemainingColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} {unit}/s" if speed else f"– {unit}/s")

    clock = TimeRemainingColumn() if remaining else TimeElapsedColumn()
    return Progress(*columns, Rate(), clock, console=Console(stderr=True), transient=True)


@contextmanager
def progress_bar(label: str, total: int | None, enabled: bool = True,
                 unit: str = "articles") -> Iterator[Callable[..., None]]:
    """Yield `advance(n=1)`. Draws on stderr only when `enabled` and stderr is a terminal."""
    if not _showing(enabled):
        yield lambda n=1: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn

    with _bar(TextColumn(label), BarColumn(), MofNCompleteColumn(), unit=unit) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n=1: bar.advance(task, n)


@contextmanager
def stage_progress(enabled: bool = True,
                   unit: str = "items") -> Iterator[Callable[[str, int, int], None]]:
    """Yield `update(stage, done, total)`: a bar per stage, created the first time the
    stage reports, showing `done` of `total`."""
    if not _showing(enabled):
        yield lambda stage, done, total: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn

    tasks: dict[str, int] = {}
    with _bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
              unit=unit) as bar:
        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)
        yield update


@contextmanager
def counting_progress(counters: tuple[str, ...], enabled: bool = True,
                      unit: str = "articles") -> Iterator[Callable[[str], None]]:
    """Yield `count(outcome)`, outcome one of `counters`: a spinner with the running counts
    ("12 analysed, 1 failed"), the rate of the first outcome and the time elapsed."""
    if not _showing(enabled):
        yield lambda outcome: None
        return
    from rich.progress import SpinnerColumn, TextColumn

    template = ", ".join(f"{{task.fields[{name}]}} {name}" for name in counters)
    with _bar(SpinnerColumn(), TextColumn(template), unit=unit, remaining=False) as bar:
        counts = dict.fromkeys(counters, 0)
        task = bar.add_task("count", total=None, **counts)

        def count(outcome: str) -> None:
            counts[outcome] += 1
            bar.update(task, advance=1 if outcome == counters[0] else 0, **counts)
        yield count
