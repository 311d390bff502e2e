"""Many conversions on every core: worker processes that pay their set-up once and are recycled.

`--jobs 1` (or a single file) runs in the command's own process. Otherwise a process pool runs
one job per task, at most a few tasks ahead of the results, so memory stays bounded whatever
the number of files. Workers are replaced after RECYCLE_AFTER documents: reportlab's process
grows by ~18 MB per 800 documents, and a new worker gives that memory back.

A worker that dies (a crash, the kernel's out-of-memory killer) breaks the whole pool and every
task in flight with it. Those tasks are retried one by one in a pool of their own; a file that
kills its worker alone is reported as failed, and the batch goes on.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterator

from ..exporters import BUILTIN
from .sources import Job
from .task import Outcome, Settings, convert_one, prepare

RECYCLE_AFTER = 400
# Tasks submitted ahead of the oldest unfinished one, per worker: keeps every core busy when one
# document is slow, without queueing the whole batch.
AHEAD_PER_WORKER = 4


def run_in_workers(jobs: list[Job], settings: Settings, workers: int) -> Iterator[Outcome]:
    """The outcome of every job, in the order of `jobs` (except jobs retried after a crash)."""
    yield from _in_workers(jobs, settings, min(workers, len(jobs)))


def _context(settings: Settings):
    """forkserver: workers fork from a server that imported our modules once (fast to replace)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # The lifeline first: the forkserver dies with the command even while importing the rest.
    modules = ["converter.batch.forkserver_lifeline", "converter.parser", "converter.batch.task", "lxml.etree"]
    if settings.format in BUILTIN:
        modules.append(BUILTIN[settings.format].partition(":")[0])
    context.set_forkserver_preload(modules)
    return context


def _executor(settings: Settings, workers: int) -> ProcessPoolExecutor:
    recycling = {"max_tasks_per_child": RECYCLE_AFTER} if sys.version_info >= (3, 11) else {}
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=_context(settings), initializer=_start_worker,
        initargs=(settings, os.getpid()), **recycling
    )


def _start_worker(settings: Settings, command: int) -> None:
    """A worker dies with its parent: the forkserver (which dies with the command), or the command."""
    from .lifeline import die_with_parent

    forkserver = sys.modules.get("converter.batch.forkserver_lifeline")
    die_with_parent(forkserver.FORKSERVER if forkserver else command)
    prepare(settings)


def _in_workers(jobs: list[Job], settings: Settings, workers: int) -> Iterator[Outcome]:
    queue = deque(jobs)
    suspects: list[Job] = []
    while queue:
        with _executor(settings, workers) as executor:
            suspects += yield from _drain(executor, queue, settings, workers * AHEAD_PER_WORKER)
    for suspect in suspects:
        with _executor(settings, 1) as executor:
            killed = yield from _drain(executor, deque([suspect]), settings, 1)
        for job in killed:
            yield _worker_died(job)


def _drain(executor, queue: deque, settings: Settings, window: int):
    """Run queued jobs, yielding outcomes in order; on a broken pool, return the jobs in flight."""
    in_flight: deque = deque()
    while queue or in_flight:
        while queue and len(in_flight) < window:
            job = queue.popleft()
            try:
                in_flight.append((job, executor.submit(convert_one, job, settings)))
            except BrokenProcessPool:
                queue.appendleft(job)
                break
        if not in_flight:
            return []
        job, future = in_flight.popleft()
        try:
            yield future.result()
        except BrokenProcessPool:
            return (yield from _salvage(job, in_flight))
    return []


def _salvage(first: Job, in_flight: deque):
    """Yield what finished before the pool broke; return the jobs that were lost with it."""
    lost = [first]
    for job, future in in_flight:
        try:
            yield future.result()
        except BrokenProcessPool:
            lost.append(job)
    return lost


def _worker_died(job: Job) -> Outcome:
    message = f"{job.source}: the worker process converting this file died (a crash or out of memory)"
    return Outcome(str(job.source), None, error=message, exit_code=1)
