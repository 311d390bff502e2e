"""A font subset for the OFD: a TrueType file with the glyphs of the characters a document sets
in one face, mapped from Unicode (OFD text is Unicode; the reader finds each glyph by the cmap).

The glyphs are the typesetting's (typeset/glyphs.py: the face's TrueType glyph records, CFF
outlines already converted), so the OFD draws exactly what the PDF draws. The tables come from
the face's notes and fontTools' FontBuilder; the file's dates are the source face's own, so the
same input gives the same bytes.
"""

from __future__ import annotations

import io
import struct

from ...errors import ExportError
from ...typeset.facecache import FaceInfo, FontUnusable
from ...typeset.glyphs import glyphs_for


def _points(data: bytes) -> tuple[int, int]:
    """(points, contours) of a simple glyph record (the typesetting's glyphs are all simple)."""
    contours = struct.unpack(">h", data[:2])[0] if len(data) >= 12 else 0
    if contours <= 0:
        return 0, 0
    return struct.unpack(">H", data[8 + 2 * contours:10 + 2 * contours])[0] + 1, contours


def _name(code: int) -> str:
    return f"uni{code:04X}" if code <= 0xFFFF else f"u{code:05X}"


def subset(info: FaceInfo, name: str, characters: set[str]) -> bytes:
    """The face's glyphs for `characters` (those it has) as a TrueType file named `name`."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.ttLib import TTFont, newTable
    from fontTools.ttLib.tables._g_l_y_f import Glyph as TTGlyph

    try:
        stored = glyphs_for(info, sorted(ord(c) for c in characters))
    except FontUnusable as reason:  # the font's fault, not ours: an error naming it
        raise ExportError(str(reason)) from None
    codes = sorted(stored)
    order = [".notdef"] + [_name(code) for code in codes]
    glyphs = {".notdef": TTGlyph()}  # drawn as nothing
    metrics = {".notdef": (info.default_width, 0)}
    for code, glyph_name in zip(codes, order[1:]):
        glyphs[glyph_name] = TTGlyph(stored[code].data) if stored[code].data else TTGlyph()
        metrics[glyph_name] = (max(0, stored[code].advance), stored[code].lsb)
    # The glyph records are kept as they are (not decoded and encoded again): so the bounds and
    # maxima are not recalculated on saving but set here, from the records and the face's notes;
    # the dates are the source face's, not the clock (same input, same bytes).
    builder = FontBuilder(font=TTFont(recalcBBoxes=False, recalcTimestamp=False))
    builder.isTTF = True  # what FontBuilder(unitsPerEm, isTTF=True) would say: glyf outlines, maxp 1.0
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap({code: glyph_name for code, glyph_name in zip(codes, order[1:])})
    builder.font["loca"] = newTable("loca")
    glyf = builder.font["glyf"] = newTable("glyf")
    glyf.glyphs, glyf.glyphOrder = glyphs, order
    builder.setupHorizontalMetrics(metrics)
    x_min, y_min, x_max, y_max = info.bbox
    lsbs = [lsb for _, lsb in metrics.values()]
    builder.setupHorizontalHeader(ascent=info.ascent, descent=info.descent, lineGap=info.line_gap,
                                  advanceWidthMax=max(advance for advance, _ in metrics.values()),
                                  minLeftSideBearing=min(lsbs), minRightSideBearing=0, xMaxExtent=x_max)
    builder.setupNameTable({"familyName": name, "styleName": "Regular", "fullName": name, "psName": name,
                            "uniqueFontIdentifier": f"{name};{info.key}", "copyright": info.copyright,
                            "licenseDescription": info.licence}, mac=False)
    builder.setupOS2(usWeightClass=info.weight_class, fsType=info.fs_type, sTypoAscender=info.ascent,
                     sTypoDescender=info.descent, sTypoLineGap=info.line_gap, usWinAscent=max(0, info.ascent),
                     usWinDescent=max(0, -info.descent), sCapHeight=info.cap_height,
                     ulUnicodeRange1=0, ulCodePageRange1=0)
    builder.setupPost(keepGlyphNames=False, italicAngle=info.italic_angle)
    builder.setupHead(unitsPerEm=info.units_per_em, created=info.created, modified=info.modified,
                      macStyle=info.mac_style, xMin=x_min, yMin=y_min, xMax=x_max, yMax=y_max)
    builder.setupMaxp()
    sizes = [_points(stored[code].data) for code in codes]
    maxp = builder.font["maxp"]
    maxp.numGlyphs = len(order)
    maxp.maxPoints = max((points for points, _ in sizes), default=0)
    maxp.maxContours = max((contours for _, contours in sizes), default=0)
    stream = io.BytesIO()
    builder.font.save(stream)
    return stream.getvalue()
