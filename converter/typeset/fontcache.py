"""Where the font cache lives, and how it is written so that a crash or a bad disk cannot poison it.

The cache holds plain data only (face notes as JSON, converted glyphs in SQLite): nothing in it is
ever executed, and everything read from it is checked against a hash written beside it.

The folder is $NOTICE_CONVERTER_CACHE, else the user's cache folder. When it cannot be used
(read-only, full, missing and not creatable, or no $HOME at all), the converter falls back to a
private temporary folder for the life of the process (or to memory), and says so once: a broken
cache costs time, never a PDF.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

CACHE_ENV = "NOTICE_CONVERTER_CACHE"

# Said once per process by whoever collects warnings (fonts.take_notes): why the cache is elsewhere.
_notes: list[str] = []
_fallback: list[Path] = []
_lock = threading.Lock()


def configured_folder() -> Path | None:
    """$NOTICE_CONVERTER_CACHE, else $XDG_CACHE_HOME or ~/.cache (%LOCALAPPDATA% on Windows,
    ~/Library/Caches on macOS), in a notice-converter folder. None when there is no home at all
    (an empty $HOME must not put the cache in /.cache)."""
    environ = os.environ
    home = environ.get("HOME", "").strip() if os.name == "posix" else None
    return _folder_for(environ.get(CACHE_ENV), environ.get("XDG_CACHE_HOME", ""), environ.get("LOCALAPPDATA"), home)


@lru_cache(maxsize=8)
def _folder_for(explicit: str | None, xdg: str, local: str | None, home: str | None) -> Path | None:
    """The folder for these variables (asked for at every export: remembered per setting)."""
    if explicit:
        return Path(explicit)
    if xdg.strip():
        return Path(xdg) / "notice-converter"
    if sys.platform == "win32" and local:
        return Path(local) / "notice-converter"
    if home is None:  # not POSIX: the platform's own idea of home
        home = str(Path.home())
    if not home or home == "/":
        return None
    base = Path(home) / ("Library/Caches" if sys.platform == "darwin" else ".cache")
    return base / "notice-converter"


def cache_folder() -> Path:
    """The folder the cache is written to now: the configured one when usable, else a private
    temporary one (made once per process, removed by the system's temp cleaning)."""
    configured = configured_folder()
    if configured is not None and _usable(configured):
        return configured
    return _private_folder(configured)


@lru_cache(maxsize=8)
def _usable_cached(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=folder, prefix=".probe.", delete=True)
        with probe:
            probe.write(b"x" * 4096)  # a full disk fails here, not halfway through a font
            probe.flush()
            os.fsync(probe.fileno())
        return True
    except OSError:
        return False


def _usable(folder: Path) -> bool:
    return _usable_cached(folder)


def _private_folder(configured: Path | None) -> Path:
    with _lock:
        if not _fallback:
            _fallback.append(Path(tempfile.mkdtemp(prefix="notice-converter-cache-")))
            reason = f"cannot write to the font cache {configured}" if configured else "no home folder for the font cache"
            _notes.append(f"{reason}; using {_fallback[0]} for this run (fonts are converted again next time; "
                          f"set {CACHE_ENV} to a writable folder)")
        return _fallback[0]


def take_notes() -> list[str]:
    """The cache's warnings not yet handed out (each is given once per process)."""
    with _lock:
        found = list(_notes)
        _notes.clear()
    return found


def note(message: str) -> None:
    with _lock:
        if message not in _notes:
            _notes.append(message)


def write_atomically(target: Path, data: bytes) -> None:
    """Write, fsync, rename: a reader sees the old file or the whole new one, never a torn one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name[:40]}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def exclusive(name: str):
    """Hold a lock file in the cache folder: concurrent first runs convert a face's glyphs once.

    Where locking is impossible (no fcntl, a read-only folder), the work is simply done twice.
    """
    try:
        import fcntl
    except ImportError:  # Windows: SQLite's own locking keeps the store whole
        yield
        return
    try:
        folder = cache_folder() / "locks"
        folder.mkdir(parents=True, exist_ok=True)
        stream = open(folder / f"{name}.lock", "a+b")
    except OSError:
        yield
        return
    with stream:
        fcntl.flock(stream.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(stream.fileno(), fcntl.LOCK_UN)


def content_hash(path: Path) -> str:
    """The font file's content hash (read in 1 MB pieces: a huge file is never held whole)."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()[:16]
