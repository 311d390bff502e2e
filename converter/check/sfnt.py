"""Advance widths of characters from an embedded TrueType/OpenType face, read with `struct` only.

OFD places each character by its own X or by the previous one's DeltaX; where a TextCode gives no
DeltaX (and for the last character of every TextCode) the reader moves on by the glyph's advance
width, which only the face knows. `convert check` keeps its imports light (fontTools takes
longer to import than checking a page), and it needs four tables of the face: `head`
(units per em), `hhea` and `hmtx` (advances) and `cmap` (character → glyph). A face that cannot be
read gives `None`, and the caller falls back to the usual CJK estimate (see `estimate`).
"""

from __future__ import annotations

import struct
import unicodedata
from typing import Optional


class Widths:
    """Advance widths in em of one face, by character or by glyph id."""

    def __init__(self, units_per_em: int, advances: list[int], cmap: dict[int, int]):
        self.units_per_em = units_per_em
        self._advances = advances
        self._cmap = cmap

    def glyph(self, gid: int) -> Optional[float]:
        if not self._advances or gid < 0:
            return None
        # Glyphs past numberOfHMetrics share the last advance (the monospaced tail).
        return self._advances[min(gid, len(self._advances) - 1)] / self.units_per_em

    def char(self, char: str) -> Optional[float]:
        gid = self._cmap.get(ord(char))
        return None if gid is None else self.glyph(gid)


def estimate(char: str, chinese_face: bool) -> float:
    """Without the face: wide and full-width characters are one em, the rest half an em; in a
    Chinese face the ambiguous ones (— “ ” · …) are full width too, as CJK faces draw them."""
    wide = ("W", "F", "A") if chinese_face else ("W", "F")
    return 1.0 if unicodedata.east_asian_width(char) in wide else 0.5


def read(data: bytes) -> Optional[Widths]:
    """The widths of a TrueType/OpenType face (the first one of a collection), or None."""
    try:
        return _read(data)
    except (struct.error, ValueError, IndexError, ZeroDivisionError):
        return None


def _read(data: bytes) -> Optional[Widths]:
    offset = 0
    if data[:4] == b"ttcf":
        (offset,) = struct.unpack_from(">I", data, 12)
    if data[offset:offset + 4] not in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
        return None
    (count,) = struct.unpack_from(">H", data, offset + 4)
    tables = {}
    for index in range(count):
        tag, _, start, length = struct.unpack_from(">4sIII", data, offset + 12 + 16 * index)
        tables[tag] = (start, length)
    if not {b"head", b"hhea", b"hmtx"} <= tables.keys():
        return None
    (units,) = struct.unpack_from(">H", data, tables[b"head"][0] + 18)
    if units == 0:
        return None
    (metrics,) = struct.unpack_from(">H", data, tables[b"hhea"][0] + 34)
    start = tables[b"hmtx"][0]
    advances = [struct.unpack_from(">H", data, start + 4 * i)[0] for i in range(metrics)]
    cmap = _cmap(data, *tables[b"cmap"]) if b"cmap" in tables else {}
    return Widths(units, advances, cmap)


def _cmap(data: bytes, start: int, length: int) -> dict[int, int]:
    """Unicode → glyph id from the best Unicode subtable: format 12 (all planes), else format 4."""
    _, count = struct.unpack_from(">HH", data, start)
    found: dict[int, int] = {}
    best = {}
    for index in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, start + 4 + 8 * index)
        if (platform, encoding) in ((3, 10), (3, 1), (0, 3), (0, 4), (0, 6), (0, 1), (0, 0)):
            (fmt,) = struct.unpack_from(">H", data, start + offset)
            best.setdefault(fmt, start + offset)
    if 12 in best:
        table = best[12]
        (groups,) = struct.unpack_from(">I", data, table + 12)
        for index in range(groups):
            first, last, gid = struct.unpack_from(">III", data, table + 16 + 12 * index)
            if last - first > 0x10FFFF:
                break
            for code in range(first, last + 1):
                found[code] = gid + code - first
    elif 4 in best:
        table = best[4]
        (segments,) = struct.unpack_from(">H", data, table + 6)
        segments //= 2
        ends = table + 14
        starts = ends + 2 * segments + 2
        deltas = starts + 2 * segments
        ranges = deltas + 2 * segments
        for index in range(segments):
            (end,) = struct.unpack_from(">H", data, ends + 2 * index)
            (first,) = struct.unpack_from(">H", data, starts + 2 * index)
            (delta,) = struct.unpack_from(">h", data, deltas + 2 * index)
            (range_offset,) = struct.unpack_from(">H", data, ranges + 2 * index)
            if first == 0xFFFF:
                continue
            for code in range(first, end + 1):
                if range_offset == 0:
                    gid = (code + delta) & 0xFFFF
                else:
                    where = ranges + 2 * index + range_offset + 2 * (code - first)
                    (gid,) = struct.unpack_from(">H", data, where)
                    gid = (gid + delta) & 0xFFFF if gid else 0
                if gid:
                    found[code] = gid
    return found
