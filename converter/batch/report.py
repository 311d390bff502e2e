"""What a batch tells the person running it: a progress bar on a terminal, then a summary.

Everything goes to standard error, so standard output stays the converted document (`-o -`).
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterable, Iterator

import typer

from ..terminal import one_line, printable
from .task import Outcome

# Fewer files than this finish before a bar would be worth drawing.
PROGRESS_FROM = 20


@dataclass
class Tally:
    total: int
    started: float = field(default_factory=time.perf_counter)
    converted: int = 0
    failures: list[Outcome] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        if outcome.ok:
            self.converted += 1
        else:
            self.failures.append(outcome)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started


def wants_progress(total: int, quiet: bool) -> bool:
    return not quiet and total >= PROGRESS_FROM and sys.stderr.isatty()


@contextmanager
def progress(outcomes: Iterable[Outcome], total: int, shown: bool) -> Iterator[Iterable[Outcome]]:
    """The outcomes, drawn as a bar on standard error when `shown`."""
    if not shown:
        yield outcomes
        return
    with typer.progressbar(outcomes, length=total, label="converting", file=sys.stderr, show_pos=True) as bar:
        yield bar


def summary_line(tally: Tally) -> str:
    seconds = tally.seconds
    done = tally.converted + len(tally.failures)
    rate = done / seconds if seconds > 0 else 0.0
    return f"converted {tally.converted}, failed {len(tally.failures)}, in {seconds:.2f} s ({rate:.1f} documents/s)"


def print_failure(outcome: Outcome) -> None:
    if outcome.trace:
        typer.echo(printable(outcome.trace.rstrip()), err=True)
    # The message names the file: shown escaped (a line break in a name included), never raw.
    typer.echo(one_line(f"error: {outcome.error}"), err=True)


def print_summary(tally: Tally, quiet: bool) -> None:
    """Each failure with its reason (always), then the counts (unless quiet)."""
    if tally.failures:
        typer.echo(f"{len(tally.failures)} of {tally.total} files failed:", err=True)
        for outcome in tally.failures:
            print_failure(outcome)
    if not quiet:
        typer.echo(summary_line(tally), err=True)
