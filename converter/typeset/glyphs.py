"""A face's glyphs for some characters, as TrueType glyph records: from the glyph store, the
ones not stored yet converted now (outlines.py) and stored for later runs.

Every page format that embeds font subsets (PDF, OFD) gets its glyphs here.
"""

from __future__ import annotations

import hashlib

from .facecache import FaceInfo
from .fontcache import exclusive
from .glyphstore import Glyph, store
from .outlines import convert

# Told about conversions that take a while: progress(face family, done, total) (the CLI shows it).
_progress_listeners: list = []


def on_progress(listener) -> None:
    """Register `listener(what, done, total)`; the CLI passes one that draws on a terminal."""
    _progress_listeners.append(listener)


def off_progress(listener) -> None:
    if listener in _progress_listeners:
        _progress_listeners.remove(listener)


def _tell(what: str, done: int, total: int) -> None:
    for listener in _progress_listeners:
        listener(what, done, total)


def glyphs_for(info: FaceInfo, codes) -> dict[int, Glyph]:
    """The face's glyphs for `codes`: stored ones, and the rest converted now and stored.

    Under a lock per face, so that two first runs at once convert each glyph once.
    """
    wanted = {code for code in codes if info.covers(code)}
    found = store().get(info.key, wanted)
    missing = wanted - set(found)
    if not missing:
        return found
    with exclusive(f"face-{hashlib.sha256(info.key.encode()).hexdigest()[:24]}"):
        found.update(store().get(info.key, missing))  # another process may have done it meanwhile
        missing = wanted - set(found)
        if missing:
            what = f"converting {len(missing)} glyphs of {info.family} (kept for later runs)"
            converted = convert(info, missing, lambda done: _tell(what, done, len(missing)))
            _tell(what, len(missing), len(missing))
            store().put(info.key, converted)
            found.update(converted)
    return found
