"""Embedded font subsets: deflated for speed, and mapped back to text for every character
(used by subsetface.ConvertedFace).

Deflating the font subsets was the largest single cost of a document (13 of 30 ms for the seed
report at reportlab's default level 6). Level 1 takes a third of that time for files about 10 %
larger, which is the better trade for a batch converter.

reportlab writes each ToUnicode entry as four hex digits, so a character beyond the Basic
Multilingual Plane (𠮷, U+20BB7, and the rest of CJK Extension B and later) would copy out as a
wrong character. For a subset holding one, the map is written with UTF-16 surrogate pairs.

A subset's objects are built once per process (`BuiltSubset`, kept by subsetface.py) and written
into every document that has the same subset: the program and the map already deflated, the
widths already formatted. The bytes are those reportlab itself would write for them.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, makeToUnicodeCMap

FLATE_LEVEL = 1


class _QuickFlate(pdfdoc.PDFStreamFilterZCompress):
    def encode(self, text):
        return zlib.compress(text.encode("utf8") if isinstance(text, str) else text, FLATE_LEVEL)


QUICK_FLATE = _QuickFlate()


def to_unicode_map(font_name: str, codes: list[int]) -> str:
    """A ToUnicode CMap (PDF 32000 §9.10.3): one-byte codes 0..n-1 to the characters `codes`."""
    # UTF-16BE: four hex digits in the BMP, a surrogate pair (eight) beyond it.
    entries = "\n".join(f"<{index:02X}> <{chr(code).encode('utf-16-be').hex().upper()}>"
                        for index, code in enumerate(codes))
    return "\n".join((
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        f"/CIDSystemInfo << /Registry ({font_name}) /Ordering ({font_name}) /Supplement 0 >> def",
        f"/CMapName /{font_name} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(codes) - 1:02X}>", "endcodespacerange",
        f"{len(codes)} beginbfchar", entries, "endbfchar",
        "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ))


@dataclass(frozen=True)
class BuiltSubset:
    """One font subset's file contents, ready to be written into any document that uses it."""

    program: bytes  # the TrueType program, deflated (or plain when the document is not compressed)
    program_length: int  # its length before deflating (/Length1)
    to_unicode: bytes  # the ToUnicode CMap, deflated likewise
    widths: bytes  # the /Widths array, formatted
    count: int  # codes in the subset
    compressed: bool

    def size(self) -> int:
        return len(self.program) + len(self.to_unicode) + len(self.widths)


def build_subset(base_name: str, subset: list[int], program: bytes, widths: list[float], compressed: bool) -> BuiltSubset:
    """The objects of subset `subset` named `base_name` (AAAAAA+Face), from its program and widths."""
    if any(code > 0xFFFF for code in subset):
        cmap = to_unicode_map(base_name, subset)
    else:
        cmap = makeToUnicodeCMap(base_name, subset)
    # Each distinct width formatted once (a CJK subset is mostly one width); reportlab lays out
    # the array of formatted numbers as it would the numbers.
    numbers = {width: pdfdoc.format(width, None) for width in set(widths)}
    formatted = pdfdoc.PDFArray([numbers[width] for width in widths]).format(None)
    if not compressed:
        return BuiltSubset(program, len(program), cmap.encode("utf8"), formatted, len(subset), False)
    # The map at zlib's default level, as reportlab deflates it; the program at FLATE_LEVEL.
    return BuiltSubset(QUICK_FLATE.encode(program), len(program), pdfdoc.PDFZCompress.encode(cmap), formatted,
                       len(subset), True)


def _stream(content: bytes, compressed: bool, **entries) -> pdfdoc.PDFStream:
    """A stream of `content`. Deflated already: reportlab applies no filter to a stream whose
    dictionary names its /Filter (and writes /Length itself)."""
    dictionary = pdfdoc.PDFDictionary(entries)
    if compressed:
        dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName(QUICK_FLATE.pdfname)])
    return pdfdoc.PDFStream(dictionary, content)


def add_subset(doc, face, internal_name: str, base_name: str, built: BuiltSubset, comment: str):
    """Write one subset's Font, ToUnicode, FontFile2 and FontDescriptor objects into `doc`, in
    the order (and so with the object numbers) reportlab's TTFont.addObjects gives them."""
    pdf_font = pdfdoc.PDFTrueTypeFont()
    pdf_font.__Comment__ = comment
    pdf_font.Name = internal_name
    pdf_font.BaseFont = base_name
    pdf_font.FirstChar = 0
    pdf_font.LastChar = built.count - 1
    pdf_font.Widths = built.widths
    pdf_font.ToUnicode = doc.Reference(_stream(built.to_unicode, built.compressed), "toUnicodeCMap:" + base_name)
    program = _stream(built.program, built.compressed, Length1=built.program_length)
    program_reference = doc.Reference(program, f"fontFile:{face.filename}({base_name})")
    flags = (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC
    descriptor = pdfdoc.PDFDictionary({
        "Type": "/FontDescriptor",
        "Ascent": face.ascent,
        "CapHeight": face.capHeight,
        "Descent": face.descent,
        "Flags": flags,
        "FontBBox": pdfdoc.PDFArray(face.bbox),
        "FontName": pdfdoc.PDFName(base_name),
        "ItalicAngle": face.italicAngle,
        "StemV": face.stemV,
        "FontFile2": program_reference,
        "MissingWidth": face.defaultWidth,
    })
    pdf_font.FontDescriptor = doc.Reference(descriptor, "fontDescriptor:" + base_name)
    doc.Reference(pdf_font, internal_name)
    doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
