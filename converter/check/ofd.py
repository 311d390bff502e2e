"""Measure an OFD (GB/T 33190) from where its characters are, by the same rules as a PDF.

An OFD, like a PDF, is positioned text: no margins, no styles, no grid. `ofd_glyphs` reads every
TextCode's characters into the glyph records the PDF reader fills, and `pdf.measure_pages`
infers the type block, the grid, the faces, the page numbers, the 纪要 mark and the attendance
lines from them, so an OFD and a PDF of the same layout measure alike. What only an OFD says is
added to `how`: the page box it declares and which faces it embeds.
"""

from __future__ import annotations

from .measures import Measurements
from .ofd_glyphs import read
from .pdf import measure_pages


def measure(data: bytes, name: str) -> Measurements:
    package = read(data, name)
    m = measure_pages(package.pages, "ofd")
    m.how["page_size_mm"] = "the PhysicalBox of page 1 (the page's own Area, else the document's PageArea)"
    embedded = list(dict.fromkeys(f.face for f in package.fonts if f.file))
    named = list(dict.fromkeys(f.face for f in package.fonts if not f.file))
    m.how["fonts"] = "; ".join(filter(None, [
        "embedded: " + ", ".join(embedded) if embedded else "",
        "named only (the reader's own face is used; widths estimated): " + ", ".join(named) if named else ""]))
    return m
