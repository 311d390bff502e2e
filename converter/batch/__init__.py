"""The `convert` command's driver for many files: find them, convert them on every core, report.

sources: which files the command line names and where each output goes (mirroring folders);
task: one conversion, as a worker runs it; pool: worker processes; report: progress and summary.
api: `convert_all` and the command's way in; on a Dask cluster and object storage: cluster,
item_task, storage (dask and fsspec are imported only there, only when asked for).
Like the command itself, this package reads and writes files; the library underneath does not.
"""

from __future__ import annotations

import os
from typing import Iterator

from .api import convert_all
from .sources import STDIN, Job, Source, discover, plan
from .task import Outcome, Settings, convert_one

__all__ = ["STDIN", "Job", "Outcome", "Settings", "Source", "available_cores", "convert_all", "discover", "plan", "run"]


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run(jobs: list[Job], settings: Settings, workers: int) -> Iterator[Outcome]:
    """The outcome of every job: in this process for one worker or one file, else in a pool."""
    if workers <= 1 or len(jobs) <= 1:
        # The pool module (multiprocessing, concurrent.futures) is not even imported here.
        return (convert_one(job, settings) for job in jobs)
    from .pool import run_in_workers

    return run_in_workers(jobs, settings, workers)
