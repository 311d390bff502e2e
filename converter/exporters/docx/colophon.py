"""The 版记 as a one-column table: its rules are the table's borders, as wide as the type block
(GB/T 9704 7.4.1), whatever indents its lines take inside.

The 版记 that ends the document floats, anchored to the bottom margin (w:tblpPr vertAnchor
"margin", tblpYSpec "bottom"; horizontally at the left margin): Word and LibreOffice set it on the last lines of the page its
anchor paragraph is on, its last rule on the type block's bottom edge, and move it to the next
page with its anchor when the text leaves no room. The anchor is a paragraph one point tall, off
the grid, so it adds no line to the text.
"""

from __future__ import annotations

from lxml import etree

from ... import layout
from .wordml import element, twips, w

_WIDTH = layout.mm_to_twips(layout.TYPE_BLOCK_WIDTH_MM)
# Border widths in eighths of a point: 0.35 mm ≈ 1 pt (8), 0.25 mm ≈ 0.75 pt (6), GB/T 9704 7.4.1.
THICK_EIGHTHS, THIN_EIGHTHS = 8, 6
_ANCHOR_PT = 1


def _properties(table: etree._Element, floating: bool) -> None:
    """tblPr in schema order: position, width, borders, fixed layout, no cell margins."""
    properties = element("tblPr", table)
    if floating:
        # A blank grid line at least between the text and the first rule, as in the PDF. Text
        # lines come in whole grid lines, so the gap above the table is a whole number of lines
        # less its rules' width: half a line asks for one and leaves room for the rules and
        # rounding (LibreOffice moves the table on at a whole line's distance when one is free).
        # Placed from the page's left edge at the left margin, not at 0 from the margin: the same
        # place, but LibreOffice (7.4) imports a floating table as wide as the text area as an
        # inline one, unless its horizontal place is relative to the page.
        element("tblpPr", properties, leftFromText=0, rightFromText=0, topFromText=layout.line_pitch_twips() // 2,
                bottomFromText=0, vertAnchor="margin", horzAnchor="page", tblpX=layout.mm_to_twips(layout.MARGIN_LEFT_MM),
                tblpYSpec="bottom")
        element("tblOverlap", properties, val="never")
    element("tblW", properties, w=_WIDTH, type="dxa")
    borders = element("tblBorders", properties)
    for side, size in (("top", THICK_EIGHTHS), ("left", 0), ("bottom", THICK_EIGHTHS), ("right", 0),
                       ("insideH", THIN_EIGHTHS), ("insideV", 0)):
        if size:
            element(side, borders, val="single", sz=size, space=0, color="000000")
        else:
            element(side, borders, val="nil")
    element("tblLayout", properties, type="fixed")
    margins = element("tblCellMar", properties)
    for side in ("top", "left", "bottom", "right"):
        element(side, margins, w=0, type="dxa")


def colophon_table(paragraphs: list[etree._Element], floating: bool) -> etree._Element:
    """The 版记 lines (w:p elements), one row each, between thick rules with thin ones between."""
    table = etree.Element(w("tbl"))  # no namespace declarations of its own: it joins the body
    _properties(table, floating)
    element("gridCol", element("tblGrid", table), w=_WIDTH)
    for paragraph in paragraphs:
        row = element("tr", table)
        element("cantSplit", element("trPr", row))
        cell = element("tc", row)
        element("tcW", element("tcPr", cell), w=_WIDTH, type="dxa")
        cell.append(paragraph)
    return table


def anchor_paragraph() -> etree._Element:
    """The paragraph a floating 版记 is anchored to: empty, one point tall, off the grid."""
    paragraph = etree.Element(w("p"))
    properties = element("pPr", paragraph)
    element("snapToGrid", properties, val="0")
    element("spacing", properties, before=0, after=0, line=twips(_ANCHOR_PT), lineRule="exact")
    size = element("rPr", properties)
    element("sz", size, val=2 * _ANCHOR_PT)
    element("szCs", size, val=2 * _ANCHOR_PT)
    return paragraph
