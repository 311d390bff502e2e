"""Killing `convert` kills its whole pool: nothing is left behind after SIGKILL or SIGTERM (issue 15).

The command converts a folder with two workers; once its forkserver, resource tracker and
workers are all running, the command alone is killed (as `subprocess.run(timeout=…)` or a CI
timeout does), and every process it had started must be gone a few seconds later.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the lifeline is Linux's prctl")


def _children() -> dict[int, list[int]]:
    """Every process's children, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stream:
                stat = stream.read()
        except OSError:
            continue
        # The name (field 2) is in parentheses and may hold spaces: the parent follows the last ')'.
        parent = int(stat[stat.rindex(b")") + 2 :].split()[1])
        children.setdefault(parent, []).append(int(entry))
    return children


def _descendants(pid: int) -> set[int]:
    children, found, todo = _children(), set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stream:
            return stream.read().split(b")")[-1].split()[0] != b"Z"  # a zombie is dead, not yet reaped
    except OSError:
        return False


def _command_line(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as stream:
            return f"{pid}: " + stream.read().replace(b"\0", b" ").decode(errors="replace")[:120]
    except OSError:
        return f"{pid}: (gone)"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for number in range(2000):  # a batch that outlasts the pool's start on a fast machine
        shutil.copy(EXAMPLES / "notice.txt", inputs / f"n{number:04}.txt")
    return inputs


@pytest.mark.parametrize("kill", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_killing_the_command_leaves_no_process(folder: Path, tmp_path: Path, kill: signal.Signals):
    command = subprocess.Popen(
        [sys.executable, "-m", "converter", str(folder), "--to", "pdf", "-o", str(tmp_path / "out"), "--jobs", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    started: set[int] = set()
    try:
        # The command, its forkserver and resource tracker, and two workers under the forkserver.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(started) < 4:
            time.sleep(0.2)
            started = _descendants(command.pid)
        assert len(started) >= 4, f"the pool did not start: {started}"
        assert command.poll() is None, "the batch ended before it could be killed: give it more files"
        command.send_signal(kill)
        command.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(pid) for pid in started):
            time.sleep(0.1)
        left = [_command_line(pid) for pid in sorted(started) if _alive(pid)]
        assert not left, f"left running after {kill.name} to the command: {left}"
    finally:
        for pid in [command.pid, *started]:  # never leave a failing run's processes behind
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        command.wait(timeout=10)
