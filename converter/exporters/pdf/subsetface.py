"""A reportlab face that never reads the whole font: widths from the face notes, outlines on demand.

reportlab asks a face for widths while it lays out, and for a font program only when it writes
each subset (at most 256 characters) into the PDF. This face answers the first from the notes
(facecache.py) and the second by assembling a small TrueType file from the stored glyphs of just
that subset's characters, converting the ones not stored yet (glyphstore.py, outlines.py). So a
document costs work for the characters it prints, and a cold process never parses a 20 MB font.

The assembled file is made from the source file's own header fields (its timestamps included),
so the same input gives the same PDF bytes whatever the cache's history.
"""

from __future__ import annotations

import struct

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import FF_ITALIC, FF_SYMBOLIC, TTEncoding, TTFont, TTFontFace, TTFontMaker

from ...errors import ExportError
from .embedding import QUICK_FLATE, to_unicode_map
from ...typeset.facecache import FaceInfo, FontUnusable
from ...typeset.glyphs import glyphs_for, off_progress, on_progress  # noqa: F401 - their old home
from ...typeset.glyphstore import Glyph


def _name_table(info: FaceInfo, name: str) -> bytes:
    """Format 0, Windows Unicode records: copyright, family, style, full and PostScript name, licence."""
    records = [(0, info.copyright), (1, name), (2, "Regular"), (4, name), (6, name), (13, info.licence)]
    records = [(number, text.encode("utf-16-be")) for number, text in records if text]
    header = struct.pack(">HHH", 0, len(records), 6 + 12 * len(records))
    entries, strings = [], b""
    for number, text in records:
        entries.append(struct.pack(">HHHHHH", 3, 1, 0x409, number, len(text), len(strings)))
        strings += text
    return header + b"".join(entries) + strings


def _points(data: bytes) -> tuple[int, int]:
    """(points, contours) of a simple glyph record."""
    if len(data) < 12:
        return 0, 0
    contours = struct.unpack(">h", data[:2])[0]
    if contours <= 0:
        return 0, 0
    last = struct.unpack(">H", data[10 + 2 * (contours - 1):12 + 2 * (contours - 1)])[0]
    return last + 1, contours


def assemble(info: FaceInfo, name: str, subset: list[int], glyphs: dict[int, Glyph]) -> bytes:
    """A TrueType file whose byte codes 0..n-1 draw the characters `subset` (reportlab's layout)."""
    order: list[Glyph] = [Glyph(b"", info.default_width, 0)]  # .notdef: drawn as nothing
    slot = {0: 0}
    codes_to_glyph = []
    for code in subset:
        if code not in slot:
            glyph = glyphs.get(code)
            slot[code] = len(order) if glyph is not None else 0
            if glyph is not None:
                order.append(glyph)
        codes_to_glyph.append(slot[code])
    glyf, loca = [], []
    position = 0
    max_points = max_contours = 0
    for glyph in order:
        loca.append(position)
        data = glyph.data + b"\0" * (-len(glyph.data) % 4)
        glyf.append(data)
        position += len(data)
        points, contours = _points(glyph.data)
        max_points, max_contours = max(max_points, points), max(max_contours, contours)
    loca.append(position)
    count = len(order)
    advance_max = max(glyph.advance for glyph in order)
    x_min, y_min, x_max, y_max = info.bbox
    output = TTFontMaker()
    output.add("head", struct.pack(">LLLLHHqqhhhhHHhhh", 0x00010000, 0x00010000, 0, 0x5F0F3CF5, 0x000B,
                                   info.units_per_em, info.created, info.modified, x_min, y_min, x_max, y_max,
                                   info.mac_style, 8, 2, 1, 0))
    output.add("hhea", struct.pack(">LhhhHhhhhhhhhhhhH", 0x00010000, info.ascent, info.descent, info.line_gap,
                                   advance_max, min(0, x_min), 0, x_max, 1, 0, 0, 0, 0, 0, 0, 0, count))
    output.add("maxp", struct.pack(">LHHHHHHHHHHHHHH", 0x00010000, count, max_points, max_contours,
                                   0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0))
    output.add("post", struct.pack(">LlhhLLLLL", 0x00030000, int(info.italic_angle * 65536), -75, 50, 0, 0, 0, 0, 0))
    cmap = struct.pack(f">HHHHLHHHHH{len(codes_to_glyph)}H", 0, 1, 1, 0, 12, 6, 10 + 2 * len(codes_to_glyph), 0,
                       0, len(codes_to_glyph), *codes_to_glyph)
    output.add("cmap", cmap)
    output.add("hmtx", b"".join(struct.pack(">Hh", max(0, glyph.advance), glyph.lsb) for glyph in order))
    output.add("loca", struct.pack(f">{len(loca)}L", *loca))
    output.add("glyf", b"".join(glyf))
    output.add("name", _name_table(info, name))
    return output.makeStream()


class _Covered(dict):
    """Whether the face has a code, for every code, whatever earlier documents asked."""

    def __init__(self, info: FaceInfo):
        super().__init__()
        self.info = info

    def __contains__(self, code) -> bool:
        return isinstance(code, int) and self.info.covers(code)

    def __missing__(self, code):
        if code in self:
            return 1
        raise KeyError(code)

    def get(self, code, default=None):
        return 1 if code in self else default


class _Widths(dict):
    """Advances in 1/1000 em, filled from the notes as codes are asked for."""

    def __init__(self, info: FaceInfo, scale: float):
        super().__init__()
        self.info, self.scale = info, scale

    def __missing__(self, code):
        if not (isinstance(code, int) and self.info.covers(code)):
            raise KeyError(code)
        width = self[code] = self.info.advance(code) * self.scale
        return width

    def get(self, code, default=None):
        try:
            return self[code]
        except KeyError:
            return default


class ConvertedFace(TTFontFace):
    """reportlab's face, filled from the face notes instead of parsing the file."""

    def __init__(self, info: FaceInfo, name: str):  # noqa: D107 - TTFontFace.__init__ would parse the file
        pdfmetrics.TypeFace.__init__(self, name)
        self.info = info
        self.name = name.encode("ascii")
        self.familyName = name
        self.subfontNameX = b""
        self.filename = f"{info.path}#{info.index}"
        scale = 1000 / info.units_per_em
        self.unitsPerEm = info.units_per_em
        self._pdfScale = lambda value: value * scale
        self.ascent = round(info.ascent * scale)
        self.descent = round(info.descent * scale)
        self.capHeight = round(info.cap_height * scale)
        self.bbox = [round(value * scale) for value in info.bbox]
        self.italicAngle = info.italic_angle
        self.stemV = 50 + int((info.weight_class / 65.0) ** 2)
        self.flags = FF_SYMBOLIC | (FF_ITALIC if info.italic_angle else 0)
        self.defaultWidth = info.default_width * scale
        # reportlab asks whether a code is there and its width: answered from the notes, as a
        # dict for a whole CJK face would cost more than the document.
        self.charToGlyph = _Covered(info)
        self.charWidths = _Widths(info, scale)

    def admit(self, code: int) -> None:
        """Put the width in the dict itself (reportlab's C width sum reads the dict directly)."""
        if code in self.charToGlyph:
            self.charWidths[code]  # noqa: B018 - fills the entry through __missing__

    def makeSubset(self, subset):
        try:
            glyphs = glyphs_for(self.info, [code for code in subset if code])
        except FontUnusable as reason:  # the font's fault, not ours: an error naming it
            raise ExportError(str(reason)) from None
        return assemble(self.info, self.name.decode("ascii"), list(subset), glyphs)

    def addSubsetObjects(self, doc, fontname, subset):
        # reportlab writes each ToUnicode entry as four hex digits: a character beyond the BMP
        # (𠮷, U+20BB7) would copy out wrong, so such a subset's map is rewritten (embedding.py).
        if any(code > 0xFFFF for code in subset):
            to_unicode = doc.idToObject.get("toUnicodeCMap:" + fontname)
            if to_unicode is not None:
                to_unicode.content = to_unicode_map(fontname, list(subset))
        reference = super().addSubsetObjects(doc, fontname, subset)
        stream = doc.idToObject.get(f"fontFile:{self.filename}({fontname})")
        if stream is not None and getattr(stream, "filters", None):
            stream.filters = [QUICK_FLATE]
        return reference


def converted_font(info: FaceInfo, name: str) -> TTFont:
    """A reportlab TTFont named `name` drawing the face of `info`."""
    from weakref import WeakKeyDictionary

    from reportlab import rl_config

    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = ConvertedFace(info, name)
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font._shapable = False
    return font
