"""The resource parts: PublicRes.xml (the colour space and the fonts, each with its embedded
subset) and DocumentRes.xml (the drawing parameters the pages' layers start from)."""

from __future__ import annotations

from dataclasses import dataclass

from .xml import child, element, part

RES_FOLDER = "Res"  # Doc_0/Res: the font files


@dataclass(frozen=True)
class FontEntry:
    id: int
    name: str  # the name the typesetting knows it by, and the subset's own name
    family: str
    file: str  # inside RES_FOLDER
    bold: bool
    serif: bool


def public_res(colour_space_id: int, fonts: list[FontEntry]) -> bytes:
    root = element("Res", {"BaseLoc": RES_FOLDER})
    spaces = child(root, "ColorSpaces")
    child(spaces, "ColorSpace", {"ID": str(colour_space_id), "Type": "RGB", "BitsPerComponent": "8"})
    listed = child(root, "Fonts") if fonts else None  # (a page with no text uses no font)
    for font in fonts:
        attributes = {"ID": str(font.id), "FontName": font.name, "FamilyName": font.family}
        if font.bold:
            attributes["Bold"] = "true"
        if font.serif:
            attributes["Serif"] = "true"
        entry = child(listed, "Font", attributes)
        child(entry, "FontFile", text=font.file)
    return part(root)


def document_res(draw_param_id: int) -> bytes:
    """One drawing parameter: black fill and stroke, the rules' default width (0.25 mm, the 版记's
    thin rule), that every page's layer names; objects that differ say so themselves."""
    root = element("Res", {"BaseLoc": RES_FOLDER})
    params = child(root, "DrawParams")
    param = child(params, "DrawParam", {"ID": str(draw_param_id), "LineWidth": "0.25"})
    child(param, "FillColor", {"Value": "0 0 0"})
    child(param, "StrokeColor", {"Value": "0 0 0"})
    return part(root)
