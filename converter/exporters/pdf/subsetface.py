"""Embedded font subsets made without reading the whole font: outlines on demand, widths from
the face notes.

A document's PDF embeds, for each face it sets, subsets of at most 256 characters. Each subset's
program is a small TrueType file assembled from the stored glyphs of just its characters,
converting the ones not stored yet (glyphstore.py, outlines.py), so a document costs work for the
characters it prints and a cold process never parses a 20 MB font.

The assembled file is made from the source file's own header fields (its timestamps included),
so the same input gives the same PDF bytes whatever the cache's history.
"""

from __future__ import annotations

import struct
import zlib
from array import array
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from reportlab.pdfbase.ttfonts import TTFontMaker

from ...errors import ExportError
from ...typeset.facecache import FaceInfo, FontUnusable
from ...typeset.glyphs import glyphs_for
from ...typeset.glyphstore import Glyph, store
from .boundedcache import BoundedCache
from .embedding import BuiltSubset, build_subset
from .pdfsyntax import number

# What this process read from the glyph store, and the subset programs it built from it, kept for
# later documents: a batch prints the same characters document after document, and reading a
# glyph back (an SQLite row and its hash check) cost more than setting the text. Each memory has
# a cap; 16 MB holds the glyphs of every GB 2312 hanzi of three faces. An entry counts its data
# and about _ENTRY_OVERHEAD bytes of Python objects around it.
GLYPH_MEMORY_BYTES = 16 * 1024 * 1024
SUBSET_MEMORY_BYTES = 16 * 1024 * 1024
_ENTRY_OVERHEAD = 200


@dataclass(frozen=True)
class _Record:
    """A glyph as `assemble` uses it: padded to 4 bytes, its point and contour counts read once."""

    glyph: Glyph
    padded: bytes
    points: int
    contours: int


def _record(glyph: Glyph) -> _Record:
    points, contours = _points(glyph.data)
    return _Record(glyph, glyph.data + b"\0" * (-len(glyph.data) % 4), points, contours)


class _Memory:
    def __init__(self):
        self.glyphs = BoundedCache(GLYPH_MEMORY_BYTES)  # (face key, code) → _Record
        self.subsets = BoundedCache(SUBSET_MEMORY_BYTES)  # (face key, base name, codes, widths rule) → BuiltSubset


# One memory per store: a store dropped (glyphstore.forget(), a new cache folder) takes with it
# what was read from it, so a damaged or replaced store is read again, as without the memory.
_memories: "WeakKeyDictionary[object, _Memory]" = WeakKeyDictionary()


def _memory() -> _Memory:
    current = store()
    found = _memories.get(current)
    if found is None:
        found = _memories[current] = _Memory()
    return found


def _records(info: FaceInfo, codes, memory: _Memory) -> dict[int, _Record]:
    """The face's glyph records for `codes` (those it covers): from memory, else `glyphs_for`."""
    key = info.key
    covered = sorted({code for code in codes if info.covers(code)})
    found: dict[int, _Record] = {}
    missing = []
    for code, record in zip(covered, memory.glyphs.get_many([(key, code) for code in covered])):
        if record is None:
            missing.append(code)
        else:
            found[code] = record
    if missing:
        for code, glyph in glyphs_for(info, missing).items():
            record = found[code] = _record(glyph)
            memory.glyphs.put((key, code), record, len(record.padded) + _ENTRY_OVERHEAD)
    return found


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


def assemble(info: FaceInfo, name: str, subset: list[int], records: dict[int, _Record]) -> bytes:
    """A TrueType file whose byte codes 0..n-1 draw the characters `subset`; a character the
    face lacks draws its empty .notdef. The file is written by reportlab's TrueType maker."""
    order: list[_Record] = [_record(Glyph(b"", info.default_width, 0))]  # .notdef: drawn as nothing
    slot = {0: 0}
    codes_to_glyph = []
    for code in subset:
        if code not in slot:
            record = records.get(code)
            slot[code] = len(order) if record is not None else 0
            if record is not None:
                order.append(record)
        codes_to_glyph.append(slot[code])
    loca = []
    position = 0
    for record in order:
        loca.append(position)
        position += len(record.padded)
    loca.append(position)
    glyf = b"".join(record.padded for record in order)
    max_points = max(record.points for record in order)
    max_contours = max(record.contours for record in order)
    count = len(order)
    advance_max = max(record.glyph.advance for record in order)
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
    output.add("hmtx", b"".join(struct.pack(">Hh", max(0, record.glyph.advance), record.glyph.lsb) for record in order))
    output.add("loca", struct.pack(f">{len(loca)}L", *loca))
    output.add("glyf", glyf)
    output.add("name", _name_table(info, name))
    return output.makeStream()


_SYMBOLIC, _ITALIC = 1 << 2, 1 << 6  # font descriptor flags (ISO 32000-1 §9.8.2)


_descriptors: dict[str, str] = {}  # face key → its entries (one per face read: bounded as the faces are)


def descriptor_entries(info: FaceInfo) -> str:
    """The FontDescriptor's metrics for a face, in 1/1000 em (all but its name and program)."""
    found = _descriptors.get(info.key)
    if found is None:
        found = _descriptors[info.key] = _descriptor_entries(info)
    return found


def _descriptor_entries(info: FaceInfo) -> str:
    scale = 1000 / info.units_per_em
    flags = _SYMBOLIC | (_ITALIC if info.italic_angle else 0)  # symbolic: the codes are our own
    stem = 50 + int((info.weight_class / 65.0) ** 2)  # estimated from the weight, as is usual
    bbox = " ".join(str(round(value * scale)) for value in info.bbox)
    return (f"/Ascent {round(info.ascent * scale)} /CapHeight {round(info.cap_height * scale)} "
            f"/Descent {round(info.descent * scale)} /Flags {flags} /FontBBox [{bbox}] "
            f"/ItalicAngle {number(info.italic_angle)} /StemV {stem} "
            f"/MissingWidth {number(info.default_width * scale)}")


def subset_tag(face_name: str, codes: list[int]) -> str:
    """Six capital letters from a checksum of the subset's characters (ISO 32000-1 §9.6.4): two
    subsets of a face get different names but for a chance of one in 300 million, so a viewer
    does not mix up their programs, and the same subset gets the same name in every document."""
    value = zlib.crc32(array("I", codes).tobytes(), zlib.crc32(face_name.encode("ascii")))
    letters = []
    for _ in range(6):
        value, digit = divmod(value, 26)
        letters.append(chr(65 + digit))
    return "".join(letters)


def widths(info: FaceInfo, codes: list[int], stand_in: bool) -> list[float]:
    """Advances in 1/1000 em, as the typesetting counted them (FontSet.advance): the face's own,
    its default for a character it lacks, a full em for the characters of a stand-in subset."""
    if stand_in:
        return [1000.0] * len(codes)
    scale = 1000 / info.units_per_em
    return [info.advance(code) * scale for code in codes]  # the default for a code it lacks


def memory() -> _Memory:
    """The memory a document's subsets are looked up in (found once per document: finding the
    store asks for the cache folder)."""
    return _memory()


def built(info: FaceInfo, face_name: str, base_name: str, codes: list[int], stand_in: bool = False,
          kept: _Memory | None = None) -> BuiltSubset:
    """The objects of one subset, from this process's memory (`kept`, else the current store's)
    when an earlier document had the same subset of this face (the same characters in the same order)."""
    kept = kept or _memory()
    key = (info.key, base_name, tuple(codes), stand_in)
    found = kept.subsets.get(key)
    if found is None:
        try:
            records = _records(info, codes, kept)
        except FontUnusable as reason:  # the font's fault, not ours: an error naming it
            raise ExportError(str(reason)) from None
        program = assemble(info, face_name, codes, records)
        found = build_subset(base_name, codes, program, widths(info, codes, stand_in))
        kept.subsets.put(key, found, found.size() + _ENTRY_OVERHEAD)
    return found
