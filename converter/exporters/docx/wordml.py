"""WordprocessingML building blocks: namespaces, element makers, and the font and spacing
properties every style repeats.

Element order inside pPr/rPr/sectPr follows the OOXML schema: Word refuses or "repairs" files
whose children are out of order, even where LibreOffice is lenient.
"""

from __future__ import annotations

from lxml import etree

from ... import layout

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
NSMAP = {"w": W_NS, "r": R_NS}


def w(name: str) -> str:
    """The Clark name of a `w:` element or attribute."""
    return f"{{{W_NS}}}{name}"


def element(tag: str, parent: etree._Element | None = None, /, **attributes: object) -> etree._Element:
    """A `w:` element (a child of `parent` when given) with `w:` attributes."""
    attrib = {w(key): str(value) for key, value in attributes.items()}
    if parent is None:
        return etree.Element(w(tag), attrib, nsmap=NSMAP)
    return etree.SubElement(parent, w(tag), attrib)


def serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def twips(points: float) -> int:
    return round(points * layout.TWIPS_PER_PT)


def half_points(points: float) -> int:
    return round(points * 2)


def fonts(parent: etree._Element, east_asian: str, latin: str = layout.LATIN_FACE) -> etree._Element:
    """rFonts naming every script slot, so no theme font (and no missing-font prompt) applies.

    The hint makes Word set ambiguous characters (“” … —) in the East Asian face, as print does.
    """
    return element(
        "rFonts", parent, ascii=latin, hAnsi=latin, cs=latin, eastAsia=east_asian, hint="eastAsia"
    )


def run_properties(
    parent: etree._Element,
    *,
    east_asian: str | None = None,
    latin: str = layout.LATIN_FACE,
    bold: bool = False,
    color: tuple[int, int, int] | None = None,
    size_pt: float | None = None,
    condense_twips: int = 0,
) -> etree._Element:
    """An rPr with its children in schema order."""
    rpr = element("rPr", parent)
    if east_asian:
        fonts(rpr, east_asian, latin)
    if bold:
        element("b", rpr)
        element("bCs", rpr)
    if color:
        element("color", rpr, val="%02X%02X%02X" % color)
    if condense_twips:
        element("spacing", rpr, val=condense_twips)
    if size_pt:
        element("sz", rpr, val=half_points(size_pt))
        element("szCs", rpr, val=half_points(size_pt))
    return rpr


def char_twips(chars: float) -> int:
    """A width in grid characters (15.79 pt each), for the twips twin of a *Chars attribute."""
    return round(chars * layout.CHAR_PITCH_PT * layout.TWIPS_PER_PT)


def indent(left: float = 0, hanging: float = 0, first_line: float = 0, right_pt: float = 0) -> dict:
    """w:ind attributes for an indent in grid characters: *Chars (which Word and WPS honour,
    so the indent follows the grid) with the twips twin other readers use."""
    found: dict[str, object] = {}
    for name, chars in (("left", left), ("hanging", hanging), ("firstLine", first_line)):
        if chars:
            found[name] = char_twips(chars)
            found[name + "Chars"] = round(chars * 100)
    if right_pt:
        found["right"] = twips(right_pt)
    return found


def paragraph_properties(
    parent: etree._Element,
    *,
    style: str | None = None,
    leading_pt: float | None = None,
    spacing: dict | None = None,
    ind: dict | None = None,
    jc: str | None = None,
    outline: int | None = None,
    snap_to_grid: bool = True,
) -> etree._Element:
    """A pPr with its children in schema order; leading is exact, the only line rule that keeps
    every line on the GB/T 9704 grid."""
    ppr = element("pPr", parent)
    if style:
        element("pStyle", ppr, val=style)
    if not snap_to_grid:
        element("snapToGrid", ppr, val="0")
    if leading_pt is not None or spacing:
        attributes = dict(spacing or {})
        if leading_pt is not None:
            attributes.update(line=twips(leading_pt), lineRule="exact")
        element("spacing", ppr, **attributes)
    if ind:
        element("ind", ppr, **ind)
    if jc:
        element("jc", ppr, val=jc)
    if outline is not None:
        element("outlineLvl", ppr, val=outline)
    return ppr
