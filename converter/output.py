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
    """Write the whole output beside `target`, then rename it into place.

    An interrupted run leaves the old file or the new one, never a partial file. Where Linux
    allows it, the output is first an unnamed file (O_TMPFILE), so a run killed while writing
    leaves nothing at all behind; elsewhere a hidden `.NAME.*.part` file is used and removed.
    """
    folder = target.parent if str(target.parent) else Path(".")
    try:
        _make_folders(folder)
    except FileExistsError:
        raise OutputError(f"cannot write in {folder}: it is a file, not a folder", source=str(target)) from None
    except OSError as error:
        raise OutputError(f"cannot create the folder {folder}: {error.strerror}", source=str(target)) from None
    try:
        _write_then_rename(folder, target, data)
    except OSError as error:
        raise OutputError(f"cannot write the output: {error.strerror}", source=str(target)) from None


def _make_folders(folder: Path) -> None:
    """mkdir -p without recursion (Path.mkdir and os.makedirs recurse: a tree 1,000 deep overflows)."""
    missing = []
    while not os.path.lexists(folder):
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    if not missing and not folder.is_dir():
        raise FileExistsError(folder)
    for path in reversed(missing):
        try:
            path.mkdir()
        except FileExistsError:
            if not path.is_dir():
                raise


def _write_then_rename(folder: Path, target: Path, data: bytes) -> None:
    handle, temporary = _unnamed_file(folder)
    if handle is None:
        handle, temporary = tempfile.mkstemp(prefix=_hidden_prefix(target), suffix=".part", dir=folder)
        os.fchmod(handle, 0o666 & ~_umask())  # mkstemp's 0600 would hide the output from others
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
            if temporary is None:
                temporary = _name_unnamed(stream.fileno(), folder, target)
        os.replace(temporary, target)
        temporary = None
        _sync_folder(folder)
    finally:
        if temporary is not None:
            _discard(temporary)


def _unnamed_file(folder: Path) -> tuple[int | None, None]:
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag:
        return None, None
    try:
        return os.open(folder, flag | os.O_WRONLY | os.O_CLOEXEC, 0o666), None
    except OSError:
        return None, None  # the file system does not support it: fall back to a named file


def _name_unnamed(handle: int, folder: Path, target: Path) -> str:
    """Give the finished unnamed file a hidden name in the target folder (link, not copy)."""
    name = tempfile.mktemp(prefix=_hidden_prefix(target), suffix=".part", dir=folder)
    folder_handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        # Directory handles make Python call linkat(…, AT_SYMLINK_FOLLOW): plain link() would try
        # to link the /proc symlink itself. Both paths are absolute, so the handles only select it.
        os.link(f"/proc/self/fd/{handle}", os.path.abspath(name), src_dir_fd=folder_handle,
                dst_dir_fd=folder_handle, follow_symlinks=True)
    finally:
        os.close(folder_handle)
    return name


# File names are at most 255 bytes: the temporary name keeps the start of the target's name (to
# tell whose it is) but leaves room for the dot, the random part and ".part".
_NAME_KEPT_BYTES = 200


def _hidden_prefix(target: Path) -> str:
    # Cut in bytes; a character cut in two is kept as its bytes (the name is hidden and brief).
    return "." + os.fsdecode(os.fsencode(target.name)[:_NAME_KEPT_BYTES]) + "."


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _sync_folder(folder: Path) -> None:
    # The rename itself is durable only once the folder is on disk too.
    try:
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _discard(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
