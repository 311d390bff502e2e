"""Open a TrueType file for reportlab, reusing what an earlier process read from it.

reportlab reads every glyph's width and every cmap entry when it opens a font: 40 ms for a
10 000-glyph face, paid by every cold `convert` for every face. What it reads depends only on
the file, so it is kept in the cache folder, keyed by the file's hash, the face index and the
reportlab version (the state is reportlab's own), and restored in a few milliseconds.
A snapshot that fails to load is ignored and the file is read again.
"""

from __future__ import annotations

import pickle
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

# Attributes rebuilt on load rather than stored: the file's bytes and a closure.
_NOT_STORED = ("_ttf_data", "_pdfScale")
RECIPE = "1"


def _snapshot_path(path: Path, index: int) -> Path:
    import reportlab

    from .fontcache import cache_folder, file_hash

    return cache_folder() / "faces" / f"{file_hash(path)}-{index}-rl{reportlab.Version}-r{RECIPE}.pickle"


def _scale(units_per_em: int):
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _restored(name: str, path: Path, state: dict):
    """A TTFont as reportlab's constructor would leave it, from a stored face state."""
    from reportlab import rl_config
    from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(state)
    face._ttf_data = path.read_bytes()
    face._pdfScale = _scale(face.unitsPerEm)
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, pattern) for pattern in rl_config.unShapedFontGlob)
    return font


def open_font(name: str, path: Path, index: int):
    """reportlab's TTFont for the face, from a snapshot when one exists (written when not)."""
    from reportlab.pdfbase.ttfonts import TTFont

    from .fontcache import write_atomically

    snapshot = _snapshot_path(path, index)
    try:
        return _restored(name, path, pickle.loads(snapshot.read_bytes()))
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError, ValueError, KeyError):
        pass
    font = TTFont(name, str(path), subfontIndex=index)
    state = {key: value for key, value in font.face.__dict__.items() if key not in _NOT_STORED}
    try:
        write_atomically(snapshot, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a read-only cache costs time, not correctness
    return font
