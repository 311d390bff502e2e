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
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import FF_ITALIC, FF_SYMBOLIC, SUBSETN, TTEncoding, TTFont, TTFontFace, TTFontMaker

from ...errors import ExportError
from ...typeset.facecache import FaceInfo, FontUnusable
from ...typeset.glyphs import glyphs_for
from ...typeset.glyphstore import Glyph, store
from .boundedcache import BoundedCache
from .embedding import BuiltSubset, add_subset, build_subset

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
        self.subsets = BoundedCache(SUBSET_MEMORY_BYTES)  # (face key, name, number, codes) → _BuiltSubset


# One memory per store: a store dropped (glyphstore.forget(), a new cache folder) takes with it
# what was read from it, so a damaged or replaced store is read again, as without the memory.
_memories: "WeakKeyDictionary[object, _Memory]" = WeakKeyDictionary()


def _memory() -> _Memory:
    current = store()
    found = _memories.get(current)
    if found is None:
        found = _memories[current] = _Memory()
    return found


def _records(info: FaceInfo, codes) -> dict[int, _Record]:
    """The face's glyph records for `codes` (those it covers): from memory, else `glyphs_for`."""
    memory = _memory()
    key = info.key
    found: dict[int, _Record] = {}
    missing = []
    for code in {code for code in codes if info.covers(code)}:
        record = memory.glyphs.get((key, code))
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
    """A TrueType file whose byte codes 0..n-1 draw the characters `subset` (reportlab's layout)."""
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


class _Covered(dict):
    """Whether the face has a code, for every code, whatever earlier documents asked."""

    def __init__(self, info: FaceInfo):
        super().__init__()
        self.info = info
        # The answers so far: reportlab asks once per character per document, and the notes'
        # lookup (a search of the face's runs) cost a fifth of drawing the text.
        self._answers: dict[int, bool] = {}

    def __contains__(self, code) -> bool:
        if not isinstance(code, int):
            return False
        answer = self._answers.get(code)
        if answer is None:
            answer = self._answers[code] = self.info.covers(code)
        return answer

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

    def built(self, base_name: str, subset: list[int], compressed: bool) -> BuiltSubset:
        """The objects of one subset, from this process's memory when an earlier document had
        the same subset of this face (the same codes in the same order, under the same name)."""
        memory = _memory().subsets
        key = (self.info.key, base_name, tuple(subset), compressed)
        found = memory.get(key)
        if found is None:
            try:
                records = _records(self.info, [code for code in subset if code])
            except FontUnusable as reason:  # the font's fault, not ours: an error naming it
                raise ExportError(str(reason)) from None
            program = assemble(self.info, self.name.decode("ascii"), subset, records)
            found = build_subset(base_name, subset, program, [self.getCharWidth(code) for code in subset], compressed)
            memory.put(key, found, found.size() + _ENTRY_OVERHEAD)
        return found


class ConvertedFont(TTFont):
    """reportlab's TrueType font over a ConvertedFace, whose subsets are written from the face's
    memory of built subsets instead of being made again for every document."""

    def __init__(self, info: FaceInfo, name: str):  # noqa: D107 - TTFont.__init__ would parse the file
        from weakref import WeakKeyDictionary

        from reportlab import rl_config

        self.fontName = name
        self.face = ConvertedFace(info, name)
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = False

    def addObjects(self, doc):
        """TTFont.addObjects, with each subset's objects from `ConvertedFace.built`."""
        state = self.state.get(doc) or self.state.setdefault(doc, TTFont.State(self._asciiReadable))
        state.frozen = 1
        face = self.face
        for number, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(number, doc)[1:]
            base_name = b"".join((SUBSETN(number), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            built = face.built(base_name, subset, bool(doc.compression))
            add_subset(doc, face, internal_name, base_name, built, f"Font {self.fontName} subset {number}")
        del self.state[doc]


def converted_font(info: FaceInfo, name: str) -> TTFont:
    """A reportlab TTFont named `name` drawing the face of `info`."""
    return ConvertedFont(info, name)
