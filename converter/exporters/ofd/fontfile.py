"""A font subset for the OFD: a TrueType file with the glyphs of the characters a document sets
in one face, mapped from Unicode (OFD text is Unicode; the reader finds each glyph by the cmap).

The glyphs are the typesetting's (typeset/glyphs.py: the face's TrueType glyph records, CFF
outlines already converted), so the OFD draws exactly what the PDF draws. The tables come from
the face's notes; the file's dates are the source face's own, so the same input gives the same
bytes whatever the cache holds.
"""

from __future__ import annotations

import struct

from ...errors import ExportError
from ...typeset.facecache import FaceInfo, FontUnusable
from ...typeset.glyphs import glyphs_for
from . import sfnt

_BOLD, _ITALIC = 0x01, 0x02  # head.macStyle bits
_REGULAR, _BOLD_SELECTION, _ITALIC_SELECTION = 0x40, 0x20, 0x01  # OS/2 fsSelection bits


def _points(data: bytes) -> tuple[int, int]:
    """(points, contours) of a simple glyph record (the typesetting's glyphs are all simple)."""
    contours = struct.unpack(">h", data[:2])[0] if len(data) >= 12 else 0
    if contours <= 0:
        return 0, 0
    return struct.unpack(">H", data[8 + 2 * contours:10 + 2 * contours])[0] + 1, contours


def _os2(info: FaceInfo, codes: list[int], advances: list[int]) -> bytes:
    """OS/2 version 4: the weight, the licence bits (fsType, kept from the source face), the
    vertical metrics and the character range."""
    drawn = [a for a in advances if a] or [info.default_width]
    selection = 0
    if info.mac_style & _BOLD:
        selection |= _BOLD_SELECTION
    if info.mac_style & _ITALIC:
        selection |= _ITALIC_SELECTION
    size, offset = info.units_per_em * 2 // 3, info.units_per_em // 5
    return struct.pack(">HhHHH" + "h" * 11 + "10s4L4sHHHhhhHHLLhhHHH",
                       4, round(sum(drawn) / len(drawn)), info.weight_class, 5, info.fs_type,
                       size, size, 0, offset, size, size, 0, offset * 2,
                       info.units_per_em // 20, info.units_per_em // 4, 0,
                       b"\0" * 10, 0, 0, 0, 0, b"NONE", selection or _REGULAR,
                       min(codes[0], 0xFFFF) if codes else 0, min(codes[-1], 0xFFFF) if codes else 0,
                       info.ascent, info.descent, info.line_gap, max(0, info.ascent), max(0, -info.descent),
                       0, 0, 0, info.cap_height, 0, 32, 1)


def subset(info: FaceInfo, name: str, characters: set[str]) -> bytes:
    """The face's glyphs for `characters` (those it has) as a TrueType file named `name`."""
    try:
        stored = glyphs_for(info, sorted(ord(c) for c in characters))
    except FontUnusable as reason:  # the font's fault, not ours: an error naming it
        raise ExportError(str(reason)) from None
    codes = sorted(stored)
    records = [b""] + [stored[code].data for code in codes]  # glyph 0, .notdef: drawn as nothing
    advances = [info.default_width] + [max(0, stored[code].advance) for code in codes]
    bearings = [0] + [stored[code].lsb for code in codes]
    glyf, loca, position = [], [], 0
    for data in records:
        loca.append(position)
        glyf.append(data + b"\0" * (-len(data) % 4))
        position += len(glyf[-1])
    loca.append(position)
    sizes = [_points(data) for data in records]
    x_min, y_min, x_max, y_max = info.bbox
    count = len(records)
    tables = {
        "head": struct.pack(">LLLLHHqqhhhhHHhhh", 0x00010000, 0x00010000, 0, 0x5F0F3CF5, 0x000B,
                            info.units_per_em, info.created, info.modified, x_min, y_min, x_max, y_max,
                            info.mac_style, 8, 2, 1, 0),
        "hhea": struct.pack(">LhhhHhhhhhhhhhhhH", 0x00010000, info.ascent, info.descent, info.line_gap,
                            max(advances), min(0, *bearings), 0, x_max, 1, 0, 0, 0, 0, 0, 0, 0, count),
        "maxp": struct.pack(">LHHHHHHHHHHHHHH", 0x00010000, count, max(p for p, _ in sizes),
                            max(c for _, c in sizes), 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0),
        "OS/2": _os2(info, codes, advances[1:]),
        "hmtx": b"".join(struct.pack(">Hh", advance, bearing) for advance, bearing in zip(advances, bearings)),
        "cmap": sfnt.cmap({code: number for number, code in enumerate(codes, start=1)}),
        "loca": struct.pack(f">{len(loca)}L", *loca),
        "glyf": b"".join(glyf),
        "name": sfnt.name({0: info.copyright, 1: name, 2: "Regular", 3: f"{name};{info.sha[:16]}",
                           4: name, 6: name, 13: info.licence}),
        "post": struct.pack(">LlhhLLLLL", 0x00030000, int(info.italic_angle * 65536), -75, 50, 0, 0, 0, 0, 0),
    }
    return sfnt.font_file(tables)
