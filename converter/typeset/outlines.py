"""Glyph outlines as TrueType records, converted from any face we can read, a few at a time.

reportlab embeds TrueType outlines only. Each wanted glyph is drawn through a cubic-to-quadratic
pen (CFF contours are also turned round: they run the other way in TrueType) into a `glyf`
record; TrueType sources pass through the same pen, which resolves composite glyphs. A variable
face is drawn at its regular instance. CFF faces are read a glyph at a time (cffsource.py): a
whole-face parse of a Noto CJK collection costs ~70 MB for the sake of a few name characters.
What comes out depends only on the file and the character, so it is stored (glyphstore.py) and
the PDF's bytes do not depend on when it was made.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

from . import cffsource
from .facecache import FaceInfo, FontUnusable
from .glyphstore import Glyph

# Open source fonts kept per process (TrueType and variable faces; CFF faces go through
# cffsource.py, which keeps nothing open).
_OPEN_LIMIT = 2
_open: OrderedDict[tuple[str, int], tuple] = OrderedDict()
_lock = threading.Lock()


def _source(info: FaceInfo):
    """(font, glyph set, character map) of the face, kept open for the next few requests."""
    from fontTools.ttLib import TTFont

    key = (info.path, info.index)
    with _lock:
        if key in _open:
            _open.move_to_end(key)
            return _open[key]
    font = TTFont(info.path, fontNumber=info.index, lazy=True)
    opened = (font, font.getGlyphSet(location=info.location or None), font.getBestCmap())
    with _lock:
        _open[key] = opened
        while len(_open) > _OPEN_LIMIT:
            _open.popitem(last=False)[1][0].close()
    return opened


def _to_glyph(outline, advance: int, reverse: bool, components) -> Glyph:
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.filterPen import DecomposingFilterPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    pen = TTGlyphPen(None)
    # Composite glyphs (accented letters in DejaVu, …) are drawn out in full: the embedded
    # subset does not carry the glyphs they refer to.
    outline.draw(DecomposingFilterPen(Cu2QuPen(pen, max_err=1.0, reverse_direction=reverse),
                                      components, reverseFlipped=True))
    glyph = pen.glyph()
    data = glyph.compile(None) if glyph.numberOfContours else b""
    lsb = glyph.xMin if glyph.numberOfContours else 0
    return Glyph(data, advance, lsb)


def _convert_cff(info: FaceInfo, codes, progress) -> dict[int, Glyph] | None:
    """Through the CFF reader that loads only the charstrings asked for (None: a layout it does
    not handle). Nothing of the face is kept open afterwards but its offsets."""
    found: dict[int, Glyph] = {}

    def one(code, charstring, advance):
        found[code] = _to_glyph(charstring, advance, True, {})
        if progress is not None and len(found) % 50 == 0:
            progress(len(found))

    try:
        cffsource.draw(info.path, info.index, sorted(codes), one)
    except cffsource.NotReadable:
        return None
    return found


def convert(info: FaceInfo, codes, progress=None) -> dict[int, Glyph]:
    """The TrueType glyphs of `codes` the face has; `progress(done)` is told as they come."""
    try:
        if info.outlines == "cff" and not info.location:
            found = _convert_cff(info, codes, progress)
            if found is not None:
                return found
        font, glyphs, cmap = _source(info)
        reverse = info.outlines != "glyf" and "glyf" not in font
        found = {}
        for done, code in enumerate(sorted(codes), start=1):
            name = cmap.get(code)
            if name is None:
                continue
            found[code] = _to_glyph(glyphs[name], round(glyphs[name].width), reverse, glyphs)
            if progress is not None and done % 50 == 0:
                progress(done)
        return found
    except Exception as error:  # a damaged glyph program: the face cannot serve this document
        raise FontUnusable(f"the font {Path(info.path)} (face {info.index}) cannot be converted: "
                           f"{type(error).__name__}: {error}") from None


def close_all() -> None:
    with _lock:
        while _open:
            _open.popitem()[1][0].close()
