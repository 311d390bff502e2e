"""One JSON Lines file for a whole batch, streamed: each input's line is written as it comes.

The lines go to a hidden temporary file beside the target, renamed into place when the batch is
done, so an interrupted run never leaves a partial file; to standard output they go at once.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO

from ..errors import OutputError


class LinesOutput:
    def __init__(self, target: Path | None):
        self.target = target  # None: standard output
        self.count = 0
        self._stream: BinaryIO | None = None
        self._temporary: str | None = None

    def __enter__(self) -> "LinesOutput":
        if self.target is None:
            self._stream = sys.stdout.buffer
            return self
        folder = self.target.parent if str(self.target.parent) else Path(".")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, self._temporary = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".part", dir=folder)
        except OSError as error:
            raise OutputError(f"cannot write the output: {error.strerror}", source=str(self.target)) from None
        self._stream = os.fdopen(handle, "wb")
        return self

    def write(self, line: bytes) -> None:
        try:
            self._stream.write(line)
            if self.target is None:
                self._stream.flush()
        except OSError as error:
            raise OutputError(f"cannot write the output: {error.strerror}", source=str(self.target or "-")) from None
        self.count += 1

    def __exit__(self, kind, error, trace) -> None:
        if self.target is None:
            return
        try:
            if kind is None:
                self._stream.flush()
                os.fsync(self._stream.fileno())
            self._stream.close()
            if kind is None:
                os.chmod(self._temporary, 0o666 & ~_umask())
                os.replace(self._temporary, self.target)
                self._temporary = None
        finally:
            if self._temporary is not None:
                try:
                    os.unlink(self._temporary)
                except OSError:
                    pass


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
