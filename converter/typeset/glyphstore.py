"""Converted glyphs, one row per face and character, in an SQLite file in the cache folder.

A document asks for the glyphs of the characters it prints; only those not stored yet are
converted (outlines.py), so the work per document is proportional to its new characters, never
to a whole face. Each row carries a hash of its data: a row that fails it is dropped and the glyph
converted again. A file SQLite cannot read is moved aside and a new one started.

Bounded: the rows' data is kept under MAX_BYTES (NOTICE_CONVERTER_CACHE_MB, default 64 MB; the
6 763 GB 2312 hanzi of four faces take about 15 MB). Each row remembers the day it was last
used; past the cap, the rows unused the longest go first, down to 3/4 of the cap.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .fontcache import cache_folder, note

RECIPE = "1"
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS glyphs (face TEXT NOT NULL, code INTEGER NOT NULL, advance INTEGER NOT NULL,"
    " lsb INTEGER NOT NULL, data BLOB NOT NULL, digest TEXT NOT NULL, day INTEGER NOT NULL,"
    " PRIMARY KEY (face, code)) WITHOUT ROWID"
)
_BATCH = 500  # SQLite's limit on bound parameters is 999 in old builds


def max_bytes() -> int:
    try:
        return max(1, int(os.environ.get("NOTICE_CONVERTER_CACHE_MB", "64"))) * 1024 * 1024
    except ValueError:
        return 64 * 1024 * 1024


@dataclass(frozen=True)
class Glyph:
    """One TrueType glyph (the `glyf` record as bytes) and its horizontal metrics, in font units."""

    data: bytes
    advance: int
    lsb: int


def _digest(face: str, code: int, glyph: Glyph) -> str:
    hashed = hashlib.sha256(f"{face}\0{code}\0{glyph.advance}\0{glyph.lsb}\0".encode("ascii"))
    hashed.update(glyph.data)
    return hashed.hexdigest()[:24]


def _today() -> int:
    return int(time.time() // 86400)


class GlyphStore:
    def __init__(self, location: str):
        self.location = location
        self._connection: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            self._connection = self._open()
        return self._connection

    def _open(self) -> sqlite3.Connection:
        if self.location != ":memory:":
            try:
                return self._opened(self.location)
            except sqlite3.DatabaseError:
                # Not a database, or damaged: start again beside it (a reader elsewhere keeps its handle).
                try:
                    os.replace(self.location, f"{self.location}.bad")
                    return self._opened(self.location)
                except (OSError, sqlite3.DatabaseError) as error:
                    self._to_memory(f"the glyph cache {self.location} cannot be used ({error})")
        return self._opened(":memory:")

    @staticmethod
    def _opened(location: str) -> sqlite3.Connection:
        connection = sqlite3.connect(location, timeout=60, isolation_level=None, check_same_thread=False)
        try:
            connection.execute("PRAGMA synchronous=FULL")  # fsync on every commit
            connection.execute(_SCHEMA)
            connection.execute("SELECT count(*) FROM glyphs WHERE face = ''").fetchone()
        except sqlite3.DatabaseError:
            connection.close()
            raise
        return connection

    def _run(self, action):
        """Run `action(connection)`. A store that breaks underneath (damaged while in use, or
        locked for a minute by another process) is set aside for a fresh one, then for memory."""
        try:
            return action(self._connect())
        except sqlite3.DatabaseError as error:
            if self.location == ":memory:":
                raise
            self.close()
            if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
                self._to_memory(f"the glyph cache {self.location} stayed locked")
            else:
                self._set_aside()
        try:
            return action(self._connect())
        except sqlite3.DatabaseError as error:
            self.close()
            self._to_memory(f"the glyph cache {self.location} cannot be used ({error})")
            return action(self._connect())

    def _set_aside(self) -> None:
        try:
            os.replace(self.location, f"{self.location}.bad")
        except OSError:
            self._to_memory(f"the glyph cache {self.location} is damaged and cannot be replaced")

    def _to_memory(self, why: str) -> None:
        note(f"{why}; converted glyphs are kept in memory for this run")
        self.location = ":memory:"

    def get(self, face: str, codes) -> dict[int, Glyph]:
        """The stored glyphs of `codes` that pass their check (bad rows are deleted)."""
        codes = sorted(set(codes))

        def read(connection):
            found, bad, stale = {}, [], []
            today = _today()
            for start in range(0, len(codes), _BATCH):
                part = codes[start:start + _BATCH]
                rows = connection.execute(
                    f"SELECT code, advance, lsb, data, digest, day FROM glyphs WHERE face = ? AND code IN "
                    f"({','.join('?' * len(part))})", (face, *part)).fetchall()
                for code, advance, lsb, data, digest, day in rows:
                    glyph = Glyph(bytes(data), int(advance), int(lsb))
                    if _digest(face, code, glyph) != digest:
                        bad.append(code)
                        continue
                    found[code] = glyph
                    if day < today:
                        stale.append(code)
            if bad or stale:
                self._write(connection, lambda c: (
                    c.executemany("DELETE FROM glyphs WHERE face = ? AND code = ?", [(face, b) for b in bad]),
                    c.executemany("UPDATE glyphs SET day = ? WHERE face = ? AND code = ?",
                                  [(today, face, s) for s in stale])))
            return found

        return self._run(read)

    def put(self, face: str, glyphs: dict[int, Glyph]) -> None:
        if not glyphs:
            return
        today = _today()
        rows = [(face, code, g.advance, g.lsb, g.data, _digest(face, code, g), today) for code, g in glyphs.items()]

        def write(connection):
            self._write(connection, lambda c: c.executemany(
                "INSERT OR REPLACE INTO glyphs (face, code, advance, lsb, data, digest, day) VALUES (?,?,?,?,?,?,?)", rows))
            self._evict(connection)

        self._run(write)

    @staticmethod
    def _write(connection: sqlite3.Connection, change) -> None:
        try:
            connection.execute("BEGIN IMMEDIATE")
            change(connection)
            connection.execute("COMMIT")
        except sqlite3.OperationalError as error:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            if "readonly" in str(error) or "disk" in str(error) or "full" in str(error):
                return  # a read-only or full disk: the glyphs are converted again next time
            raise

    def _evict(self, connection: sqlite3.Connection) -> None:
        """Past the cap, drop the rows used longest ago until 3/4 of the cap remains."""
        limit = max_bytes()
        total = connection.execute("SELECT coalesce(sum(length(data)), 0) FROM glyphs").fetchone()[0]
        if total <= limit:
            return
        keep = limit * 3 // 4
        doomed, freed = [], 0
        for face, code, size in connection.execute("SELECT face, code, length(data) FROM glyphs ORDER BY day, face, code"):
            if total - freed <= keep:
                break
            doomed.append((face, code))
            freed += size
        self._write(connection, lambda c: c.executemany("DELETE FROM glyphs WHERE face = ? AND code = ?", doomed))

    def size(self) -> tuple[int, int]:
        """(rows, bytes of glyph data): for tests and `convert fonts`."""
        return self._run(lambda c: tuple(c.execute("SELECT count(*), coalesce(sum(length(data)), 0) FROM glyphs").fetchone()))

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


_stores: dict[tuple[Path, int], GlyphStore] = {}  # (cache folder, process) → its store
_lock = threading.Lock()


def store() -> GlyphStore:
    """This process's store, in the current cache folder (one connection per folder)."""
    # Keyed by process too: an SQLite connection must not cross a fork.
    key = (cache_folder(), os.getpid())
    found = _stores.get(key)  # asked for at every export: the common case takes no lock
    if found is not None:
        return found
    with _lock:
        if key not in _stores:
            _remove_legacy(key[0])
            _stores[key] = GlyphStore(str(key[0] / f"glyphs-r{RECIPE}.sqlite3"))
        return _stores[key]


def _remove_legacy(folder: Path) -> None:
    """Earlier versions kept whole rebuilt fonts (7 MB each), pickled faces and hash notes here:
    they are never read again, so they go (once; nothing else of ours lives in those folders)."""
    import shutil

    for name in ("fonts", "hashes"):
        shutil.rmtree(folder / name, ignore_errors=True)
    for pickled in (folder / "faces").glob("*.pickle") if (folder / "faces").is_dir() else ():
        pickled.unlink(missing_ok=True)


def forget() -> None:
    with _lock:
        for (_, pid), found in _stores.items():
            if pid == os.getpid():
                found.close()
        _stores.clear()


def store_path() -> Path:
    return Path(store().location)
