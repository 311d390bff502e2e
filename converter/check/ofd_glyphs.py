"""Every character an OFD package (GB/T 33190-2016) prints: position, size, face and colour.

Read with zipfile and lxml only, into the same `Page`/`Glyph` records as a PDF's glyphs (points,
baselines from the top of the page), so one set of layout inferences (`pdf.measure_pages`) judges
both. What the standard says, and this reader follows:
- OFD.xml → the first DocBody's DocRoot (Document.xml) → CommonData (PageArea, PublicRes,
  DocumentRes, TemplatePage, DefaultCS) and Pages; a page's Content.xml may give its own Area and
  PageRes, and name templates drawn behind (Background) or over (Foreground) its layers.
- A TextObject's TextCodes are placed in the object's own space, which its CTM (a b c d e f) maps
  into its Boundary, whose origin is in the page's space; lengths are millimetres, y runs down.
  Each character of a TextCode follows the previous by DeltaX (with the `g count value`
  shorthand) or, where DeltaX gives nothing, by the glyph's advance in the embedded face (HScale
  applied); a TextCode without X or Y takes the previous TextCode's X or Y (GB/T 33190).
- The face: the Font resource's FontName, or its FamilyName when only that says which family
  the face is; the colour: the object's FillColor, else its DrawParam's (following Relative),
  else the layer's, else black, in the colour space named, the document's DefaultCS, or RGB.
Rotated or mirrored text, vertical writing (ReadDirection/CharDirection) and invisible objects
are no part of a 公文's body and are not recorded, as the PDF reader does not record them.
"""

from __future__ import annotations

import io
import math
import posixpath
import zipfile
from dataclasses import dataclass
from typing import Optional

from lxml import etree

from .. import layout
from ..errors import ConverterError, InputError
from . import faces, sfnt
from .glyphs import Glyph, Page

MM_PER_PT = layout.MM_PER_INCH / layout.PT_PER_INCH
# A part larger than this (uncompressed) is refused: full CJK faces are 10–30 MB.
MAX_PART_BYTES = 128 * 1024 * 1024
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(frozen=True)
class Font:
    """One Font resource, as PublicRes/DocumentRes/PageRes declare it."""

    id: str
    font_name: str
    family_name: str
    file: Optional[str]  # the package entry of the embedded face, None when not embedded
    file_bytes: int = 0

    @property
    def face(self) -> str:
        """The name the rules judge: FontName, or FamilyName when only that names a family."""
        if faces.family(self.font_name) is None and self.family_name and faces.family(self.family_name):
            return self.family_name
        return self.font_name


@dataclass
class Package:
    pages: list[Page]
    fonts: list[Font]


def _local(element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element, name: str):
    return [child for child in element if _local(child) == name] if element is not None else []


def _child(element, name: str):
    found = _children(element, name)
    return found[0] if found else None


def _numbers(value: Optional[str]) -> list[float]:
    """An ST_Array of numbers; a value that is not a finite number ends the list."""
    out = []
    for token in (value or "").replace(",", " ").split():
        try:
            number = float(token)
        except ValueError:
            break
        if not math.isfinite(number):
            break
        out.append(number)
    return out


def _deltas(value: Optional[str], limit: int) -> list[Optional[float]]:
    """DeltaX/DeltaY with `g count value` expanded, at most `limit` entries (a huge count is cut)."""
    tokens = (value or "").split()
    out: list[Optional[float]] = []
    index = 0
    while index < len(tokens) and len(out) < limit:
        token = tokens[index]
        try:
            if token == "g" and index + 2 < len(tokens):
                count, delta = int(float(tokens[index + 1])), float(tokens[index + 2])
                out.extend([delta if math.isfinite(delta) else None] * max(0, min(count, limit - len(out))))
                index += 3
                continue
            number = float(token)
            out.append(number if math.isfinite(number) else None)
        except (ValueError, OverflowError):
            out.append(None)
        index += 1
    return out


def _compose(outer, inner):
    """The transform that applies `inner` first, then `outer` (both a b c d e f)."""
    A, B, C, D, E, F = outer
    a, b, c, d, e, f = inner
    return (A * a + C * b, B * a + D * b, A * c + C * d, B * c + D * d, A * e + C * f + E, B * e + D * f + F)


class _Zip:
    """The package's entries, read bounded, XML parsed with the project's locked-down parser."""

    def __init__(self, data: bytes, name: str):
        self.name = name
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            self.entries = {info.filename.lstrip("/"): info for info in self.zip.infolist() if not info.is_dir()}
        except (zipfile.BadZipFile, ValueError) as error:
            raise InputError(f"cannot read this OFD: {error}", source=name) from error

    def resolve(self, base_dir: str, location: Optional[str]) -> Optional[str]:
        """A location as the standard writes it: absolute from the package root, else relative."""
        location = (location or "").strip().replace("\\", "/")
        if not location:
            return None
        path = posixpath.normpath(location.lstrip("/") if location.startswith("/") else
                                  posixpath.join(base_dir, location))
        return None if path.startswith("..") else path

    def read(self, path: str) -> bytes:
        info = self.entries.get(path)
        if info is None:
            raise InputError(f"cannot read this OFD: the part {path} is missing", source=self.name)
        if info.file_size > MAX_PART_BYTES:
            raise InputError(f"cannot read this OFD: the part {path} is larger than "
                             f"{MAX_PART_BYTES // 2**20} MB", source=self.name)
        try:
            with self.zip.open(info) as stream:
                data = stream.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError) as error:
            raise InputError(f"cannot read this OFD: the part {path}: {error}", source=self.name) from error
        if len(data) > MAX_PART_BYTES:
            raise InputError(f"cannot read this OFD: the part {path} inflates past "
                             f"{MAX_PART_BYTES // 2**20} MB", source=self.name)
        return data

    def xml(self, path: str):
        from ..schema import parse_xml

        try:
            return parse_xml(self.read(path), source=self.name)
        except InputError:
            raise
        except ConverterError as error:  # not well-formed, a DTD or entities: refused, unread
            raise InputError(f"cannot read this OFD: the part {path}: {error.message}", source=self.name) from error


class _Resources:
    """Fonts, colour spaces and draw parameters by ID, from every resource file in scope."""

    def __init__(self, package: _Zip, default_space: Optional[str] = None):
        self.package = package
        self.fonts: dict[str, Font] = {}
        self.spaces: dict[str, tuple[str, int]] = {}
        self.params: dict[str, object] = {}
        self.widths: dict[str, Optional[sfnt.Widths]] = {}
        self.default_space = default_space

    def add(self, path: str) -> None:
        root = self.package.xml(path)
        base = self.package.resolve(posixpath.dirname(path), root.get("BaseLoc") or ".") or ""
        for font in (f for group in _children(root, "Fonts") for f in _children(group, "Font")):
            location = _child(font, "FontFile")
            file = self.package.resolve(base, location.text if location is not None else None)
            info = self.package.entries.get(file) if file else None
            self.fonts.setdefault(font.get("ID", "").strip(), Font(
                font.get("ID", "").strip(), font.get("FontName", ""), font.get("FamilyName", ""),
                file if info is not None else None, info.file_size if info is not None else 0))
        for space in (s for group in _children(root, "ColorSpaces") for s in _children(group, "ColorSpace")):
            # The standard allows 1, 2, 4, 8 and 16 bits; anything else is read as the default 8
            # (2 ** a huge number would take the check down with it).
            bits = (_numbers(space.get("BitsPerComponent")) or [8.0])[0]
            bits = int(bits) if bits in (1, 2, 4, 8, 16) else 8
            self.spaces[space.get("ID", "").strip()] = (space.get("Type", "RGB"), bits)
        for param in (p for group in _children(root, "DrawParams") for p in _children(group, "DrawParam")):
            self.params[param.get("ID", "").strip()] = param

    def width(self, font_id: str) -> Optional[sfnt.Widths]:
        if font_id not in self.widths:
            font = self.fonts.get(font_id)
            self.widths[font_id] = sfnt.read(self.package.read(font.file)) if font and font.file else None
        return self.widths[font_id]

    def fill(self, param_id: Optional[str], depth: int = 0):
        """A DrawParam's FillColor, following Relative (at most 16 steps: a loop ends)."""
        param = self.params.get((param_id or "").strip())
        if param is None or depth > 16:
            return None
        own = _child(param, "FillColor")
        return own if own is not None else self.fill(param.get("Relative"), depth + 1)

    def rgb(self, color) -> Optional[tuple[float, float, float]]:
        if color is None:
            return (0.0, 0.0, 0.0)
        kind, bits = self.spaces.get((color.get("ColorSpace") or self.default_space or "").strip(), ("RGB", 8))
        top = float(2 ** bits - 1)
        values = []
        for token in (color.get("Value") or "").split():
            try:
                values.append((int(token[1:], 16) if token.startswith("#") else float(token)) / top)
            except ValueError:
                return None
        if kind == "GRAY" and len(values) == 1:
            return (values[0],) * 3
        if kind == "RGB" and len(values) == 3:
            return tuple(values)  # type: ignore[return-value]
        if kind == "CMYK" and len(values) == 4:
            c, m, y, k = values
            return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
        return None


def read(data: bytes, name: str) -> Package:
    """Every page's glyphs and the fonts declared; InputError (naming the part) when unreadable."""
    package = _Zip(data, name)
    entry = package.xml("OFD.xml")
    body = _child(entry, "DocBody")
    document_path = package.resolve("", _child(body, "DocRoot").text if _child(body, "DocRoot") is not None else "")
    if _local(entry) != "OFD" or document_path is None:
        raise InputError("cannot read this OFD: OFD.xml names no document (DocBody/DocRoot)", source=name)
    document = package.xml(document_path)
    folder = posixpath.dirname(document_path)
    common = _child(document, "CommonData")
    default_cs = _child(common, "DefaultCS")
    resources = _Resources(package, default_cs.text if default_cs is not None else None)
    for kind in ("PublicRes", "DocumentRes"):
        for element in _children(common, kind):
            path = package.resolve(folder, element.text)
            if path:
                resources.add(path)
    default_box = _box(_child(_child(common, "PageArea"), "PhysicalBox")) or (0.0, 0.0, 210.0, 297.0)
    templates = {t.get("ID", "").strip(): package.resolve(folder, t.get("BaseLoc"))
                 for t in _children(common, "TemplatePage")}
    pages = []
    for number, page in enumerate(_children(_child(document, "Pages"), "Page"), start=1):
        path = package.resolve(folder, page.get("BaseLoc"))
        if path is None:
            raise InputError(f"cannot read this OFD: page {number} names no content (BaseLoc)", source=name)
        pages.append(_page(package, resources, templates, path, number, default_box))
    fonts = sorted(resources.fonts.values(), key=lambda f: f.id)
    return Package(pages, fonts)


def _box(element) -> Optional[tuple[float, float, float, float]]:
    numbers = _numbers(element.text if element is not None else None)
    return tuple(numbers[:4]) if len(numbers) >= 4 else None  # type: ignore[return-value]


def _page(package: _Zip, resources: _Resources, templates: dict, path: str, number: int, default_box) -> Page:
    root = package.xml(path)
    for extra in _children(root, "PageRes"):
        found = package.resolve(posixpath.dirname(path), extra.text)
        if found:
            resources.add(found)
    x0, y0, width, height = _box(_child(_child(root, "Area"), "PhysicalBox")) or default_box
    page = Page(number, width / MM_PER_PT, height / MM_PER_PT, [])
    walker = _Walker(resources, page, (x0, y0))
    references = _children(root, "Template")
    behind = [r for r in references if r.get("ZOrder", "Background") != "Foreground"]
    over = [r for r in references if r.get("ZOrder", "Background") == "Foreground"]
    for reference in behind:
        walker.template(package, templates.get(reference.get("TemplateID", "").strip()))
    walker.layers(root)
    for reference in over:
        walker.template(package, templates.get(reference.get("TemplateID", "").strip()))
    return page


class _Walker:
    def __init__(self, resources: _Resources, page: Page, origin: tuple[float, float]):
        self.resources = resources
        self.page = page
        self.origin = origin

    def template(self, package: _Zip, path: Optional[str]) -> None:
        if path:
            self.layers(package.xml(path))

    def layers(self, root) -> None:
        for layer in _children(_child(root, "Content"), "Layer"):
            self.block(layer, layer.get("DrawParam"))

    def block(self, block, param: Optional[str]) -> None:
        for element in block:
            kind = _local(element)
            if kind == "PageBlock":
                self.block(element, param)
            elif kind == "TextObject" and element.get("Visible", "true") not in ("false", "0"):
                self.text(element, element.get("DrawParam") or param)

    def text(self, element, param: Optional[str]) -> None:
        if element.get("ReadDirection", "0") not in ("0", "") or element.get("CharDirection", "0") not in ("0", ""):
            return
        boundary = _numbers(element.get("Boundary"))
        ctm = _numbers(element.get("CTM"))
        a, b, c, d, e, f = _compose((1, 0, 0, 1, (boundary or [0, 0])[0] - self.origin[0],
                                     (boundary or [0, 0, 0])[1] - self.origin[1]),
                                    tuple(ctm[:6]) if len(ctm) >= 6 else _IDENTITY)
        if abs(b) > 1e-6 or abs(c) > 1e-6 or a <= 0 or d <= 0:
            return
        size = (_numbers(element.get("Size")) or [0.0])[0]
        hscale = (_numbers(element.get("HScale")) or [1.0])[0]
        font_id = element.get("Font", "").strip()
        font = self.resources.fonts.get(font_id)
        widths = self.resources.width(font_id)
        fill = _child(element, "FillColor")
        color = self.resources.rgb(fill if fill is not None else self.resources.fill(param))
        face = font.face if font is not None else ""
        chinese = faces.family(face) is not None
        code_x = code_y = 0.0
        glyph_ids: dict[int, int] = {}
        for part in element:
            kind = _local(part)
            if kind == "CGTransform":
                glyph_ids.update(_glyph_ids(part))
                continue
            if kind != "TextCode":
                continue
            text = part.text or ""
            # A TextCode without X (or Y) takes the previous TextCode's, not where its text ended.
            x = code_x = (_numbers(part.get("X")) or [code_x])[0]
            y = code_y = (_numbers(part.get("Y")) or [code_y])[0]
            dx = _deltas(part.get("DeltaX"), max(len(text) - 1, 0))
            dy = _deltas(part.get("DeltaY"), max(len(text) - 1, 0))
            for index, char in enumerate(text):
                em = None
                if widths is not None:
                    em = widths.glyph(glyph_ids[index]) if index in glyph_ids else widths.char(char)
                advance = (em if em is not None else sfnt.estimate(char, chinese)) * size * hscale
                glyph = Glyph(char, (a * x + e) / MM_PER_PT, (d * y + f) / MM_PER_PT, a * advance / MM_PER_PT,
                              d * size / MM_PER_PT, face, color)
                if char.strip() and _plausible(glyph):
                    self.page.glyphs.append(glyph)
                step = dx[index] if index < len(dx) and dx[index] is not None else advance
                x += step
                y += dy[index] if index < len(dy) and dy[index] is not None else 0.0
            glyph_ids = {}


def _plausible(glyph: Glyph) -> bool:
    """A glyph that can be measured: a visible size, and within a kilometre of the page (numbers
    that overflow or are absurd are no body text, and would break the arithmetic after them)."""
    return (0 < glyph.size < 10_000 and 0 <= glyph.advance < 100_000
            and abs(glyph.x) < 100_000 and abs(glyph.baseline) < 100_000)


def _glyph_ids(transform) -> dict[int, int]:
    """Character index → glyph id, where a CGTransform maps characters to glyphs one to one."""
    numbers = _numbers(transform.get("CodePosition"))
    count = _numbers(transform.get("CodeCount")) or [1.0]
    glyphs = _numbers(transform.get("GlyphCount")) or [1.0]
    listed = _child(transform, "Glyphs")
    ids = [int(g) for g in _numbers(listed.text if listed is not None else "")]
    if not numbers or count[0] != glyphs[0] or len(ids) < int(count[0]):
        return {}
    return {int(numbers[0]) + i: ids[i] for i in range(int(count[0]))}
