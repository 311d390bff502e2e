"""The glyph programs of a CFF face, read from the file a few bytes at a time.

fontTools parses a whole CFF table before it draws one glyph: for a Noto CJK collection that is
the 20 MB table, 65,000 glyph names and a 44,000-entry character map, about 70 MB in each worker
that meets a character no run has converted. This reader seeks to what one glyph needs instead:
the character map's entry for the code, the glyph's charstring and hmtx advance, its font DICT's
private values and the subroutines the charstring calls, each read when it is called. What stays
in memory between documents is the face's layout (offsets, a few hundred bytes per font DICT).

It hands fontTools' own charstring interpreter the same bytes fontTools would, so the outlines,
and the PDF bytes, are the same as those of a whole-face parse.
"""

from __future__ import annotations

import struct
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

# The order in which fontTools' getBestCmap picks a character map (kept the same, so that a code
# draws the glyph it drew before this reader).
_CMAP_PREFERENCES = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))


class NotReadable(Exception):
    """This face's layout is one the reader does not handle: the caller parses it whole instead."""


class _Strings:
    """The DICT decompiler looks strings up by SID; only offsets are wanted here."""

    def __getitem__(self, index):
        return str(index)


class _Index:
    """A CFF INDEX whose items are read from the file when asked for."""

    def __init__(self, stream, offset: int):
        stream.seek(offset)
        (self.count,) = struct.unpack(">H", stream.read(2))
        self.stream = stream
        if self.count:
            self.off_size = stream.read(1)[0]
            self.offsets_at = offset + 3
            self.data_at = offset + 3 + (self.count + 1) * self.off_size - 1
            stream.seek(self.offsets_at + self.count * self.off_size)
            self.end = self.data_at + int.from_bytes(stream.read(self.off_size), "big")
        else:
            self.end = offset + 2

    def __len__(self) -> int:
        return self.count

    def item(self, number: int) -> bytes:
        if not 0 <= number < self.count:
            raise IndexError(number)
        self.stream.seek(self.offsets_at + number * self.off_size)
        raw = self.stream.read(2 * self.off_size)
        start = int.from_bytes(raw[:self.off_size], "big")
        end = int.from_bytes(raw[self.off_size:], "big")
        self.stream.seek(self.data_at + start)
        return self.stream.read(end - start)


class _Subrs:
    """Subroutines as fontTools' interpreter wants them: indexable, sized, decoded when called."""

    def __init__(self, index: _Index | None, private, global_subrs):
        self.index, self.private, self.global_subrs = index, private, global_subrs
        self.decoded: dict[int, object] = {}

    def __len__(self) -> int:
        return len(self.index) if self.index is not None else 0

    def __getitem__(self, number: int):
        from fontTools.misc.psCharStrings import T2CharString

        if self.index is None:
            raise IndexError(number)
        found = self.decoded.get(number)
        if found is None:
            found = self.decoded[number] = T2CharString(self.index.item(number), private=self.private,
                                                        globalSubrs=self.global_subrs)
        return found


class _Private:
    """What the interpreter reads of a Private DICT."""

    def __init__(self, values: dict):
        self.nominalWidthX = values.get("nominalWidthX", 0)
        self.defaultWidthX = values.get("defaultWidthX", 0)
        self.Subrs: _Subrs | list = []


@dataclass
class _Layout:
    """Where things are in the file: enough to find any glyph without reading the others."""

    cmap_at: int
    cmap_format: int
    hmtx_at: int
    metrics: int  # hhea numberOfHMetrics
    glyph_count: int
    cff_at: int
    charstrings_at: int
    global_subrs_at: int
    privates: list[tuple[int, int]]  # (size, offset in the CFF table) per font DICT
    fd_select: tuple  # ("one",) | ("bytes", offset) | ("ranges", firsts, fds, sentinel)


def _tables(stream, index: int) -> dict[bytes, tuple[int, int]]:
    stream.seek(0)
    at = 0
    if stream.read(4) == b"ttcf":
        stream.seek(8)
        (count,) = struct.unpack(">L", stream.read(4))
        if not 0 <= index < count:
            raise NotReadable(f"no face {index}")
        stream.seek(12 + 4 * index)
        (at,) = struct.unpack(">L", stream.read(4))
    stream.seek(at + 4)
    (count,) = struct.unpack(">H", stream.read(2))
    stream.seek(at + 12)
    records = stream.read(16 * count)
    return {records[16 * n:16 * n + 4]: struct.unpack(">LL", records[16 * n + 8:16 * n + 16]) for n in range(count)}


def _dict(stream, offset: int, size: int, kind) -> dict:
    stream.seek(offset)
    decompiler = kind(_Strings())
    decompiler.decompile(stream.read(size))
    return decompiler.getDict()


def _cmap_subtable(stream, at: int) -> tuple[int, int]:
    stream.seek(at + 2)
    (count,) = struct.unpack(">H", stream.read(2))
    records = stream.read(8 * count)
    entries = [struct.unpack(">HHL", records[8 * n:8 * n + 8]) for n in range(count)]
    for platform, encoding in _CMAP_PREFERENCES:
        for found_platform, found_encoding, offset in entries:  # the first match, as getcmap takes it
            if (found_platform, found_encoding) == (platform, encoding):
                stream.seek(at + offset)
                (form,) = struct.unpack(">H", stream.read(2))
                if form not in (4, 12):
                    raise NotReadable(f"character map format {form}")
                return at + offset, form
    raise NotReadable("no Unicode character map")


def _layout(stream, index: int) -> _Layout:
    from fontTools.cffLib import TopDictDecompiler

    tables = _tables(stream, index)
    if b"CFF " not in tables or b"cmap" not in tables or b"hmtx" not in tables or b"hhea" not in tables:
        raise NotReadable("not a CFF face")
    cmap_at, cmap_format = _cmap_subtable(stream, tables[b"cmap"][0])
    stream.seek(tables[b"hhea"][0] + 34)
    (metrics,) = struct.unpack(">H", stream.read(2))
    cff_at = tables[b"CFF "][0]
    stream.seek(cff_at + 2)
    header_size = stream.read(1)[0]
    names = _Index(stream, cff_at + header_size)
    if len(names) != 1:
        raise NotReadable("a CFF table of several fonts")
    top_dicts = _Index(stream, names.end)
    strings = _Index(stream, top_dicts.end)
    global_subrs_at = strings.end
    top_data = top_dicts.item(0)
    top = TopDictDecompiler(_Strings())
    top.decompile(top_data)
    top = top.getDict()
    if top.get("CharstringType", 2) != 2 or "CharStrings" not in top:
        raise NotReadable("not Type 2 charstrings")
    charstrings_at = cff_at + top["CharStrings"]
    glyph_count = len(_Index(stream, charstrings_at))
    if "FDArray" in top:
        font_dicts = _Index(stream, cff_at + top["FDArray"])
        privates = []
        for number in range(len(font_dicts)):
            font_dict = TopDictDecompiler(_Strings())
            font_dict.decompile(font_dicts.item(number))
            privates.append(tuple(font_dict.getDict().get("Private", (0, 0))))
        select_at = cff_at + top["FDSelect"]
        stream.seek(select_at)
        form = stream.read(1)[0]
        if form == 0:
            fd_select = ("bytes", select_at + 1)
        elif form == 3:
            (ranges,) = struct.unpack(">H", stream.read(2))
            raw = stream.read(3 * ranges + 2)
            firsts = [struct.unpack(">H", raw[3 * n:3 * n + 2])[0] for n in range(ranges)]
            fds = [raw[3 * n + 2] for n in range(ranges)]
            fd_select = ("ranges", firsts, fds, struct.unpack(">H", raw[-2:])[0])
        else:
            raise NotReadable(f"FDSelect format {form}")
    else:
        privates = [tuple(top.get("Private", (0, 0)))]
        fd_select = ("one",)
    return _Layout(cmap_at, cmap_format, tables[b"hmtx"][0], metrics, glyph_count, cff_at, charstrings_at,
                   global_subrs_at, privates, fd_select)


@lru_cache(maxsize=8)
def _cached_layout(path: str, index: int, size: int, mtime: int) -> _Layout:
    with open(path, "rb") as stream:
        return _layout(stream, index)


def layout(path: str, index: int) -> _Layout:
    """The face's layout (kept per process: a few hundred bytes, keyed by the file's identity)."""
    import os

    status = os.stat(path)
    try:
        return _cached_layout(path, index, status.st_size, status.st_mtime_ns)
    except (struct.error, IndexError, KeyError, TypeError, ValueError) as error:
        raise NotReadable(f"{type(error).__name__}: {error}") from None


def _glyph_id(stream, found: _Layout, code: int) -> int:
    at = found.cmap_at
    if found.cmap_format == 12:
        stream.seek(at + 12)
        (groups,) = struct.unpack(">L", stream.read(4))
        low, high = 0, groups - 1
        while low <= high:  # groups are sorted by start code: a binary search, a few reads
            middle = (low + high) // 2
            stream.seek(at + 16 + 12 * middle)
            start, end, first = struct.unpack(">LLL", stream.read(12))
            if code < start:
                high = middle - 1
            elif code > end:
                low = middle + 1
            else:
                return first + code - start
        return 0
    if code > 0xFFFF:
        return 0
    stream.seek(at + 6)
    (doubled,) = struct.unpack(">H", stream.read(2))
    segments = doubled // 2
    stream.seek(at + 14)
    ends = struct.unpack(f">{segments}H", stream.read(doubled))
    segment = bisect_right(ends, code - 1)
    if segment >= segments:
        return 0
    starts_at = at + 16 + doubled
    stream.seek(starts_at + 2 * segment)
    (start,) = struct.unpack(">H", stream.read(2))
    if code < start:
        return 0
    stream.seek(starts_at + doubled + 2 * segment)
    (delta,) = struct.unpack(">h", stream.read(2))
    range_at = starts_at + 2 * doubled + 2 * segment
    stream.seek(range_at)
    (offset,) = struct.unpack(">H", stream.read(2))
    if offset == 0:
        return (code + delta) & 0xFFFF
    stream.seek(range_at + offset + 2 * (code - start))
    (glyph,) = struct.unpack(">H", stream.read(2))
    return (glyph + delta) & 0xFFFF if glyph else 0


def _font_dict(stream, found: _Layout, glyph: int) -> int:
    kind = found.fd_select[0]
    if kind == "one":
        return 0
    if kind == "bytes":
        stream.seek(found.fd_select[1] + glyph)
        return stream.read(1)[0]
    _, firsts, fds, _sentinel = found.fd_select
    return fds[max(0, bisect_right(firsts, glyph) - 1)]


def _advance(stream, found: _Layout, glyph: int) -> int:
    entry = min(glyph, found.metrics - 1)
    stream.seek(found.hmtx_at + 4 * entry)
    return struct.unpack(">H", stream.read(2))[0]


def draw(path: str, index: int, codes, draw_one) -> None:
    """For each code the face maps, call `draw_one(code, charstring, advance)` with a fontTools
    T2CharString ready to draw. Everything read is let go when this returns."""
    from fontTools.cffLib import PrivateDictDecompiler
    from fontTools.misc.psCharStrings import T2CharString

    found = layout(path, index)
    with open(path, "rb") as stream:
        charstrings = _Index(stream, found.charstrings_at)
        global_subrs = _Subrs(_Index(stream, found.global_subrs_at), None, None)
        global_subrs.global_subrs = global_subrs
        privates: dict[int, _Private] = {}
        for code in codes:
            glyph = _glyph_id(stream, found, code)
            if not 0 < glyph < found.glyph_count:  # unmapped (fontTools' map leaves those out)
                continue
            number = _font_dict(stream, found, glyph)
            private = privates.get(number)
            if private is None:
                size, offset = found.privates[number]
                values = _dict(stream, found.cff_at + offset, size, PrivateDictDecompiler)
                private = privates[number] = _Private(values)
                if "Subrs" in values:
                    private.Subrs = _Subrs(_Index(stream, found.cff_at + offset + values["Subrs"]), private, global_subrs)
            charstring = T2CharString(charstrings.item(glyph), private=private, globalSubrs=global_subrs)
            draw_one(code, charstring, _advance(stream, found, glyph))
