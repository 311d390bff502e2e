"""Embedded font subsets: deflated for speed, and mapped back to text for every character
(used by subsetface.ConvertedFace).

Deflating the font subsets was the largest single cost of a document (13 of 30 ms for the seed
report at reportlab's default level 6). Level 1 takes a third of that time for files about 10 %
larger, which is the better trade for a batch converter.

reportlab writes each ToUnicode entry as four hex digits, so a character beyond the Basic
Multilingual Plane (𠮷, U+20BB7, and the rest of CJK Extension B and later) would copy out as a
wrong character. For a subset holding one, the map is rewritten with UTF-16 surrogate pairs.
"""

from __future__ import annotations

import zlib

from reportlab.pdfbase import pdfdoc

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
