"""Where outputs go and how they are written: atomically, never over an input."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError


def target_for(source: Path, suffix: str, out: str | None, many: bool) -> Path | None:
    """The output path for `source` (None means standard output).

    out None: beside the input with the format's suffix; "-": standard output; an existing
    folder, a path ending in a separator, or several inputs: that folder; else the file itself.
    """
    if out == "-":
        if many:
            raise OutputError("-o - (standard output) takes a single input")
        return None
    if out is None:
        return source.with_suffix(suffix)
    path = Path(out)
    if path.is_dir() or out.endswith(("/", os.sep)) or many:
        return path / (source.stem + suffix)
    return path


def check_not_input(target: Path, inputs: list[Path]) -> None:
    resolved = target.resolve()
    for source in inputs:
        if source.exists() and source.resolve() == resolved:
            raise OutputError(
                f"the output {target} is the input file itself; choose another name with -o",
                source=str(source),
            )


def write_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary file beside `target`, then rename it into place.

    An interrupted run leaves the old file or the new one, never a partial file.
    """
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise OutputError(f"cannot write in {folder}: {error.strerror}", source=str(target)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as error:
        _discard(temporary)
        raise OutputError(f"cannot write the output: {error.strerror}", source=str(target)) from None
    except BaseException:
        _discard(temporary)
        raise


def _discard(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
