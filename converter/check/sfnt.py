"""Advance widths of characters from an embedded TrueType/OpenType face, read with `struct` only.

OFD places each character by its own X or by the previous one's DeltaX; where a TextCode gives no
DeltaX (and for the last character of every TextCode) the reader moves on by the glyph's advance
width, which only the face knows. `convert check` keeps its imports light (fontTools takes
longer to import than checking a page), and it needs four tables of the face: `head`
(units per em), `hhea` and `hmtx` (advances) and `cmap` (character → glyph). A face that cannot be
read gives `None`, and the caller falls back to the usual CJK estimate (see `estimate`).
"""

from __future__ import annotations

import bisect
import struct
import unicodedata
from typing import Optional


class Widths:
    """Advance widths in em of one face, by character or by glyph id."""

    def __init__(self, units_per_em: int, advances: list[int], cmap):
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


class _Cmap:
    """Character → glyph id, looked up in the subtable's own ranges (bisect), never expanded: a
    few bytes of a hostile face can declare ranges over all of Unicode, and expanding them would
    cost seconds to minutes; a lookup costs a logarithm, and only printed characters are asked."""

    def __init__(self, fmt: int, data: bytes, table: int):
        self._fmt, self._data, self._table = fmt, data, table
        if fmt == 12:
            (groups,) = struct.unpack_from(">I", data, table + 12)
            groups = min(groups, max(0, (len(data) - table - 16) // 12))  # no more than the bytes hold
            self._groups = [struct.unpack_from(">III", data, table + 16 + 12 * i) for i in range(groups)]
            self._groups.sort()
            self._firsts = [group[0] for group in self._groups]
        else:
            (segments,) = struct.unpack_from(">H", data, table + 6)
            self._segments = segments // 2
            self._ends_at = table + 14
            self._ends = list(struct.unpack_from(f">{self._segments}H", data, self._ends_at))

    def get(self, code: int) -> Optional[int]:
        try:
            gid = self._group_gid(code) if self._fmt == 12 else self._segment_gid(code)
        except struct.error:  # a range offset pointing outside the table: no glyph
            return None
        return gid or None

    def _group_gid(self, code: int) -> int:
        index = bisect.bisect_right(self._firsts, code) - 1
        if index < 0:
            return 0
        first, last, gid = self._groups[index]
        return gid + code - first if code <= last else 0

    def _segment_gid(self, code: int) -> int:
        # Format 4: the first segment whose end is at or past the code, if it starts at or before it.
        index = bisect.bisect_left(self._ends, code)
        if index >= self._segments or code > 0xFFFF:
            return 0
        segments, data = self._segments, self._data
        starts = self._ends_at + 2 * segments + 2
        deltas, ranges = starts + 2 * segments, starts + 4 * segments
        (first,) = struct.unpack_from(">H", data, starts + 2 * index)
        if first > code or first == 0xFFFF:
            return 0
        (delta,) = struct.unpack_from(">h", data, deltas + 2 * index)
        (range_offset,) = struct.unpack_from(">H", data, ranges + 2 * index)
        if range_offset == 0:
            return (code + delta) & 0xFFFF
        (gid,) = struct.unpack_from(">H", data, ranges + 2 * index + range_offset + 2 * (code - first))
        return (gid + delta) & 0xFFFF if gid else 0


def _cmap(data: bytes, start: int, length: int) -> dict[int, int] | _Cmap:
    """Unicode → glyph id from the best Unicode subtable: format 12 (all planes), else format 4."""
    _, count = struct.unpack_from(">HH", data, start)
    best = {}
    for index in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, start + 4 + 8 * index)
        if (platform, encoding) in ((3, 10), (3, 1), (0, 3), (0, 4), (0, 6), (0, 1), (0, 0)):
            (fmt,) = struct.unpack_from(">H", data, start + offset)
            best.setdefault(fmt, start + offset)
    for fmt in (12, 4):
        if fmt in best:
            return _Cmap(fmt, data, best[fmt])
    return {}
