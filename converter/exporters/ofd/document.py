"""Doc_0/Document.xml: the common data (A4 page area, resources, the largest ID), the pages in
order, and the outline: a bookmark for the title and each statement or level block, nested by
level as the PDF's outline is."""

from __future__ import annotations

from dataclasses import dataclass

from ... import layout
from .units import down, mm, numbers
from .xml import child, element, part

PHYSICAL_BOX = numbers(0, 0, layout.PAGE_WIDTH_MM, layout.PAGE_HEIGHT_MM)  # A4, in mm


@dataclass(frozen=True)
class OutlineEntry:
    label: str
    level: int  # 0 for the top; never more than one below the entry before (typeset Outline)
    page_id: int
    x: float  # points, origin bottom left (as the typesetting draws)
    y: float


def _outlines(parent, entries: list[OutlineEntry]) -> None:
    outlines = child(parent, "Outlines")
    stack = [(-1, outlines)]
    for entry in entries:
        while stack[-1][0] >= entry.level:
            stack.pop()
        node = child(stack[-1][1], "OutlineElem", {"Title": entry.label})
        action = child(child(node, "Actions"), "Action", {"Event": "CLICK"})
        child(child(action, "Goto"), "Dest", {"Type": "XYZ", "PageID": str(entry.page_id),
                                              "Left": numbers(mm(entry.x)), "Top": numbers(down(entry.y))})
        stack.append((entry.level, node))


def document_xml(max_id: int, pages: list[tuple[int, str]], outline: list[OutlineEntry],
                 colour_space_id: int) -> bytes:
    """`pages`: (page ID, location of its Content.xml relative to Doc_0)."""
    root = element("Document")
    common = child(root, "CommonData")
    child(common, "MaxUnitID", text=str(max_id))
    area = child(common, "PageArea")
    child(area, "PhysicalBox", text=PHYSICAL_BOX)
    child(common, "PublicRes", text="PublicRes.xml")
    child(common, "DocumentRes", text="DocumentRes.xml")
    child(common, "DefaultCS", text=str(colour_space_id))
    listed = child(root, "Pages")
    for page_id, location in pages:
        child(listed, "Page", {"ID": str(page_id), "BaseLoc": location})
    if outline:
        _outlines(root, outline)
    return part(root)
