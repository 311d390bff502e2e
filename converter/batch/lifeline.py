"""Worker processes that die with the command that started them.

Killing `convert` with SIGKILL or SIGTERM (as `subprocess.run(timeout=…)`, a CI timeout or a
supervisor does) runs none of its clean-up: its worker pool would live on, waiting forever for
tasks. Linux can deliver a signal to a process when its parent dies (prctl PR_SET_PDEATHSIG);
each process of the pool asks for SIGKILL, so the deaths cascade: the command dies, then the
forkserver it started, then the workers the forkserver forked. The resource tracker, left with
no process to track, then sees its pipe close and exits on its own.

Elsewhere than on Linux this does nothing: there, a killed command still leaves its pool behind.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None = None) -> None:
    """Have this process killed when its parent dies (Linux); exit now if it has died already.

    `parent`: the process that started this one, when known. A worker killed along with its
    parent before it got here has been adopted by another process already: only the expected
    pid tells that the parent is gone.
    """
    if not sys.platform.startswith("linux"):
        return
    parent = parent or os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            return  # refused (a sandbox): the pool then outlives a killed command, as before
    except (OSError, AttributeError):
        return
    # The parent may have died before the request: then no signal will ever come.
    if os.getppid() != parent:
        os._exit(1)
