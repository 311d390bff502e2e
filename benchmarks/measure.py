"""Run a command and measure it: wall time, CPU time (user + system of the command and its
waited-for children) and the peak memory of its whole process tree.

Memory is the sum of the resident sizes of the command and all its descendants, sampled every
few milliseconds: a worker pool or LibreOffice's soffice.bin count in full, not just the parent.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

SAMPLE_EVERY = 0.005  # seconds


@dataclass(frozen=True)
class Measurement:
    seconds: float
    peak_mb: float
    stderr: str = ""
    cpu_seconds: float = 0.0  # user + system: what a loaded machine changes least


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


class CommandFailed(RuntimeError):
    pass


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    for member in members:
        try:
            total += member.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def measure(command: list[str] | str, cwd: Path | None = None, accept: tuple[int, ...] = (0,)) -> Measurement:
    """Run `command` (a list, or a string for the shell) once; fail loudly on an exit code not in `accept`."""
    started, cpu_before = time.perf_counter(), _children_cpu()
    process = psutil.Popen(
        command, cwd=cwd, shell=isinstance(command, str),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process))
        time.sleep(SAMPLE_EVERY)
    seconds = time.perf_counter() - started
    process.wait()  # reaped: its CPU time is now in RUSAGE_CHILDREN
    cpu = _children_cpu() - cpu_before
    errors = process.stderr.read().decode("utf-8", "replace")
    if process.returncode not in accept:
        raise CommandFailed(f"{command!r} exited with {process.returncode}: {errors[-2000:]}")
    return Measurement(seconds, peak / 2**20, errors, cpu)


def median_of(command: list[str] | str, times: int, cwd: Path | None = None) -> Measurement:
    """The median time and the largest peak over `times` runs (cold: a new process each run)."""
    runs = [measure(command, cwd) for _ in range(times)]
    return Measurement(statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs),
                       cpu_seconds=statistics.median(r.cpu_seconds for r in runs))
