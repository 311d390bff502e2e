"""A whole batch from Python, and the command's way in: here, in a pool, or on a Dask cluster.

    from converter.batch import convert_all
    for outcome in convert_all(["reports/"], to="pdf", out="out/", scheduler="local:2"):
        print(outcome.source, outcome.target if outcome.ok else outcome.error)

Without `scheduler` and without URLs this is `--jobs N` (this process, or a local pool). With
`scheduler` (an address, a scheduler file, or `local:N`) the documents go to a Dask cluster; a
URL among the inputs or as `out` (s3://, file://, …) reads or writes object storage. Only then
are dask and fsspec imported: this module itself is as light as the rest of the command.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterator

from ..errors import ClusterError, ConverterError, ExportError
from ..options import ExportOptions
from .task import Outcome, Settings

LOCAL = "local:"


def local_workers(address: str) -> int | None:
    """N for `local:N`, None for any other address; a bad N is a ValueError (a usage error)."""
    if not address.startswith(LOCAL):
        return None
    count = address[len(LOCAL):]
    if not count.isdigit() or int(count) < 1:
        raise ValueError(f"local:N takes a number of workers, 1 or more, not {count!r}")
    return int(count)


@dataclass
class Batch:
    """A planned batch: the inputs that can have no output, then the conversions, as they finish."""

    refused: list[Outcome]
    running: Iterator[Outcome]
    converting: int  # how many outcomes `running` yields

    @property
    def total(self) -> int:
        return len(self.refused) + self.converting

    def __iter__(self) -> Iterator[Outcome]:
        yield from self.refused
        yield from self.running


def _refusals(named: list[tuple[str, ConverterError]]) -> list[Outcome]:
    return [Outcome(name, None, error=str(error.located(name)), exit_code=error.exit_code) for name, error in named]


def start(inputs: list[str], settings: Settings, suffix: str, out: str | None,
          jobs: int | None = None, scheduler: str | None = None) -> Batch:
    """Find and plan the inputs; converting starts when the batch is iterated.

    ValueError: a usage error (a bad `local:N`, standard input sent to a cluster).
    """
    from . import available_cores, discover, plan, run, storage
    from .sources import STDIN

    if scheduler is not None:
        local_workers(scheduler)
        if "-" in inputs:
            raise ValueError("standard input (-) cannot be sent to a cluster; name files or URLs")
    if scheduler is None and not storage.names_a_url(inputs, out):
        sources, problems = discover(inputs)
        jobs_planned, refused = plan(sources, suffix, out)
        workers = 1 if any(job.source == STDIN for job in jobs_planned) else (jobs or available_cores())
        return Batch(_refusals(problems + refused), run(jobs_planned, settings, workers), len(jobs_planned))
    found, problems = storage.discover(inputs)
    items, refused = storage.plan(found, suffix, out)
    return Batch(_refusals(problems + refused), _placed(items, settings, scheduler), len(items))


def _placed(items, settings: Settings, scheduler: str | None) -> Iterator[Outcome]:
    if scheduler is None:
        # URLs without a cluster: one at a time in this process (`--scheduler local:N` for more).
        from .item_task import convert_item

        yield from (convert_item(item, settings) for item in items)
        return
    try:
        from .cluster import run_on_cluster
    except ImportError as error:
        raise ClusterError(f"--scheduler needs the dask extra: pip install 'notice-converter[dask]' ({error})") from None
    yield from run_on_cluster(items, settings, scheduler)


def convert_all(inputs: list[str | os.PathLike], to: str = "xml", out: str | os.PathLike | None = None, *,
                scheduler: str | None = None, jobs: int | None = None, layout: str = "report",
                keep_punctuation: bool = False, fonts: dict[str, str] | None = None,
                strict: bool = False, max_size_mb: int = 20) -> Iterator[Outcome]:
    """Convert files, folders, glob patterns and URLs to `to`, as `convert` does; yield each Outcome.

    Outcomes stream as documents finish (inputs that cannot be converted come first); one
    failure never stops the rest: check `outcome.ok` and `outcome.error`. `out` is a folder
    (mirroring the input folders), a file for a single input, or a URL; None: beside each input.
    Raises ConverterError for an unknown format or layout, ClusterError when the cluster
    cannot be reached, ValueError for a bad `local:N`.
    """
    from ..exporters import get

    if layout not in ExportOptions.LAYOUTS:
        raise ExportError(f"unknown layout {layout!r}; choose report or minutes")
    options = ExportOptions(layout=layout, keep_punctuation=keep_punctuation, fonts=dict(fonts or {}))
    settings = Settings(to, options, strict, max_size_mb * 1024 * 1024)
    names = [os.fspath(name) for name in inputs]
    batch = start(names, settings, get(to).suffix, None if out is None else os.fspath(out), jobs, scheduler)
    return iter(batch)
