"""Measure a DOCX from what it declares: section geometry, grid, styles, footers.

A DOCX is not laid out until a word processor opens it, so what is measured is what the file
asks for, resolved the way Word resolves it: document defaults, then the paragraph style and the
styles it is based on, then the character style, then the run's own properties; theme fonts are
looked up in the theme. Page numbers are the footers' text with the PAGE field as the number,
placed by the footer distance. Where the file leaves a value to the application (no page size,
no margins), the rule fails: a file that claims GB/T 9704 must set it.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections import Counter
from typing import Optional

from lxml import etree

from .. import layout
from ..errors import InputError
from .measures import Attendance, Face, Mark, Measurements, PageNumber, is_ideograph

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
TWIPS_PER_MM = layout.mm_to_pt(1) * layout.TWIPS_PER_PT
# Single line spacing as a multiple of the type size when no grid decides it (CJK faces: 1.2–1.45).
SINGLE_SPACING = 1.3
_ATTENDANCE = re.compile(r"(出席|列席|请假)[：:]")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)

# Run properties read here, and paragraph properties: attribute name → (element, attribute).
_PPR = {
    "line": ("spacing", "line"), "lineRule": ("spacing", "lineRule"),
    "before": ("spacing", "before"), "beforeLines": ("spacing", "beforeLines"),
    "after": ("spacing", "after"), "afterLines": ("spacing", "afterLines"),
    "left": ("ind", "left"), "start": ("ind", "start"), "leftChars": ("ind", "leftChars"),
    "right": ("ind", "right"), "end": ("ind", "end"), "rightChars": ("ind", "rightChars"),
    "firstLine": ("ind", "firstLine"), "firstLineChars": ("ind", "firstLineChars"),
    "hanging": ("ind", "hanging"), "hangingChars": ("ind", "hangingChars"),
    "jc": ("jc", "val"), "snapToGrid": ("snapToGrid", "val"),
}


def _int(value) -> Optional[int]:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def _off(value) -> bool:
    return value in ("0", "false", "off")


class _Package:
    """The parts of the DOCX this reader needs, parsed."""

    def __init__(self, data: bytes, name: str):
        self.name = name
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            self.document = self.part("word/document.xml")
        except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as error:
            raise InputError(f"cannot read this DOCX: {error}", source=name) from error
        self.styles = self.optional("word/styles.xml")
        self.settings = self.optional("word/settings.xml")
        self.theme = self.optional("word/theme/theme1.xml")
        rels = self.optional("word/_rels/document.xml.rels")
        self.targets = {} if rels is None else {
            rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{PR}Relationship")}

    def part(self, path: str) -> etree._Element:
        return etree.fromstring(self.zip.read(path), _PARSER)

    def optional(self, path: str) -> Optional[etree._Element]:
        try:
            return self.part(path)
        except (KeyError, etree.XMLSyntaxError):
            return None

    def related(self, rel_id: str) -> Optional[etree._Element]:
        target = self.targets.get(rel_id)
        if not target:
            return None
        return self.optional(target.lstrip("/") if target.startswith("/") else "word/" + target)


class _Styles:
    """Style inheritance as Word resolves it, for the properties the rules need."""

    def __init__(self, package: _Package):
        root = package.styles
        self.theme = package.theme
        self.by_id: dict[str, etree._Element] = {}
        self.default_paragraph = None
        self.default_rpr: dict = {}
        self.default_ppr: dict = {}
        if root is None:
            return
        for style in root.iter(f"{W}style"):
            self.by_id[style.get(f"{W}styleId", "")] = style
            if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true", "on"):
                self.default_paragraph = style.get(f"{W}styleId")
        defaults = root.find(f"{W}docDefaults")
        if defaults is not None:
            self.default_rpr = self.rpr(defaults.find(f"{W}rPrDefault/{W}rPr"))
            self.default_ppr = self.ppr(defaults.find(f"{W}pPrDefault/{W}pPr"))

    def chain(self, style_id: Optional[str]) -> list[etree._Element]:
        """The style and those it is based on, root first."""
        found, seen = [], set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            found.append(style)
            based = style.find(f"{W}basedOn")
            style_id = based.get(f"{W}val") if based is not None else None
        return found[::-1]

    def rpr(self, element: Optional[etree._Element]) -> dict:
        props: dict = {}
        if element is None:
            return props
        fonts = element.find(f"{W}rFonts")
        if fonts is not None:
            for script in ("eastAsia", "ascii"):
                theme = fonts.get(f"{W}{script}Theme")
                named = self.theme_font(theme) if theme else fonts.get(f"{W}{script}")
                if named is not None:
                    props[script] = named
        for key, tag in (("size", "sz"), ("spacing", "spacing"), ("scale", "w")):
            found = element.find(f"{W}{tag}")
            if found is not None and _int(found.get(f"{W}val")) is not None:
                props[key] = _int(found.get(f"{W}val"))
        color = element.find(f"{W}color")
        if color is not None and color.get(f"{W}val"):
            props["color"] = color.get(f"{W}val")
        return props

    def ppr(self, element: Optional[etree._Element]) -> dict:
        props: dict = {}
        if element is None:
            return props
        for key, (tag, attribute) in _PPR.items():
            found = element.find(f"{W}{tag}")
            if found is not None and found.get(f"{W}{attribute}") is not None:
                props[key] = found.get(f"{W}{attribute}")
        if element.find(f"{W}snapToGrid") is not None and "snapToGrid" not in props:
            props["snapToGrid"] = "1"
        return props

    def theme_font(self, theme: str) -> str:
        """minorEastAsia → the theme's East Asian face (its Hans entry when the slot is empty)."""
        if self.theme is None:
            return ""
        kind = "major" if theme.startswith("major") else "minor"
        slot = "ea" if "EastAsia" in theme else ("cs" if "Bidi" in theme else "latin")
        font = self.theme.find(f".//{A}{kind}Font")
        if font is None:
            return ""
        face = font.find(f"{A}{slot}")
        name = face.get("typeface", "") if face is not None else ""
        if not name and slot == "ea":
            hans = font.find(f"{A}font[@script='Hans']")
            name = hans.get("typeface", "") if hans is not None else ""
        return name

    def paragraph(self, p: etree._Element) -> tuple[dict, dict, Optional[str]]:
        """Effective paragraph properties, the run properties its style gives, and its style id."""
        ppr_element = p.find(f"{W}pPr")
        style_element = ppr_element.find(f"{W}pStyle") if ppr_element is not None else None
        style_id = style_element.get(f"{W}val") if style_element is not None else self.default_paragraph
        ppr, rpr = dict(self.default_ppr), dict(self.default_rpr)
        for style in self.chain(style_id):
            ppr.update(self.ppr(style.find(f"{W}pPr")))
            rpr.update(self.rpr(style.find(f"{W}rPr")))
        ppr.update(self.ppr(ppr_element))
        return ppr, rpr, style_id

    def run(self, r: etree._Element, paragraph_rpr: dict) -> dict:
        props = dict(paragraph_rpr)
        rpr_element = r.find(f"{W}rPr")
        if rpr_element is not None:
            char_style = rpr_element.find(f"{W}rStyle")
            if char_style is not None:
                for style in self.chain(char_style.get(f"{W}val")):
                    props.update(self.rpr(style.find(f"{W}rPr")))
            props.update(self.rpr(rpr_element))
        return props


class _Paragraph:
    """One paragraph: its text, its runs with effective properties, its paragraph properties."""

    def __init__(self, p: etree._Element, styles: _Styles, page: int = 1):
        self.element = p
        self.ppr, paragraph_rpr, self.style = styles.paragraph(p)
        self.runs: list[tuple[str, dict]] = []
        field_depth, instruction, in_result, page_field = 0, "", False, False
        for node in p.iter(f"{W}r", f"{W}fldSimple"):
            if node.tag == f"{W}fldSimple":
                if node.get(f"{W}instr", "").split()[:1] == ["PAGE"]:
                    first = node.find(f"{W}r")
                    self.runs.append((str(page), styles.run(first, paragraph_rpr) if first is not None else paragraph_rpr))
                continue
            if _ancestor_is(node, f"{W}fldSimple", p) or _ancestor_is(node, f"{W}txbxContent", p):
                continue  # a field's own runs are read above; a text box's text is not this paragraph's
            char = node.find(f"{W}fldChar")
            if char is not None:
                kind = char.get(f"{W}fldCharType")
                if kind == "begin":
                    field_depth, instruction, in_result = field_depth + 1, "", False
                elif kind == "separate":
                    in_result = True
                    page_field = instruction.split()[:1] == ["PAGE"]
                    if page_field:
                        self.runs.append((str(page), styles.run(node, paragraph_rpr)))
                elif kind == "end":
                    field_depth, in_result, page_field = max(0, field_depth - 1), False, False
                continue
            if field_depth and not in_result:
                instruction += "".join(t.text or "" for t in node.iter(f"{W}instrText"))
                continue
            if in_result and page_field:
                continue
            text = "".join((t.text or "") if t.tag == f"{W}t" else "\t" for t in node.iter(f"{W}t", f"{W}tab"))
            if text:
                self.runs.append((text, styles.run(node, paragraph_rpr)))
        self.text = "".join(text for text, _ in self.runs)

    def face(self, start: int = 0, end: Optional[int] = None, script: str = "eastAsia") -> Optional[Face]:
        """The face and size most ideographs in text[start:end] are set in (else all its characters)."""
        counted: Counter = Counter()
        fallback: Counter = Counter()
        position = 0
        for text, props in self.runs:
            for char in text:
                if position >= start and (end is None or position < end) and not char.isspace():
                    key = (props.get(script, ""), props.get("size", 20) / 2, props.get("color"))
                    fallback[key] += 1
                    if is_ideograph(char):
                        counted[key] += 1
                position += 1
        chosen = counted or fallback
        if not chosen:
            return None
        (name, size, color), _ = chosen.most_common(1)[0]
        return Face(name, size, self.text[start:end][:40], _hex_rgb(color))


def _ancestor_is(node: etree._Element, tag: str, stop: etree._Element) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def _hex_rgb(value: Optional[str]) -> Optional[tuple[float, float, float]]:
    if not value or value == "auto":
        return (0.0, 0.0, 0.0)
    try:
        return tuple(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]
    except ValueError:
        return None


def measure(data: bytes, name: str) -> Measurements:
    package = _Package(data, name)
    styles = _Styles(package)
    m = Measurements("docx")
    body = package.document.find(f"{W}body")
    if body is None:
        raise InputError("cannot read this DOCX: word/document.xml has no body", source=name)
    section = body.find(f"{W}sectPr")
    if section is None:
        found = body.findall(f".//{W}sectPr")
        section = found[-1] if found else etree.Element(f"{W}sectPr")
    paragraphs = [_Paragraph(p, styles) for p in body.iter(f"{W}p") if not _in_footnote_or_box(p, body)]
    footer_twips = _geometry(m, section)
    grid = section.find(f"{W}docGrid")
    mark, title, heads = _heads(paragraphs)
    body_paragraphs = [p for p in paragraphs if id(p) not in heads]
    m.body = _body_face(body_paragraphs)
    if m.body is None:
        m.unmeasured("body", "no body text")
    pitch_twips, char_pitch_pt = _grid(m, styles, body_paragraphs, grid)
    if title is not None:
        m.title = title[0].face()
        m.title.sample = "".join(p.text for p in title)[:40]
    else:
        m.unmeasured("title", "no paragraph set larger than the body opens the document")
    if mark is not None:
        m.mark = _mark(m, paragraphs, mark, pitch_twips)
    m.page_numbers = _page_numbers(m, package, styles, section, footer_twips)
    if char_pitch_pt:
        m.attendance = _attendance(m, body_paragraphs, char_pitch_pt)
    return m


def _in_footnote_or_box(p: etree._Element, body: etree._Element) -> bool:
    """Paragraphs inside text boxes and tables are not the body's flow."""
    parent = p.getparent()
    while parent is not None and parent is not body:
        if parent.tag in (f"{W}txbxContent", f"{W}tbl"):
            return True
        parent = parent.getparent()
    return False


def _geometry(m: Measurements, section: etree._Element) -> Optional[int]:
    """Page size and margins; returns the footer distance (twips) when the file sets it."""
    size = section.find(f"{W}pgSz")
    margins = section.find(f"{W}pgMar")
    width = _int(size.get(f"{W}w")) if size is not None else None
    height = _int(size.get(f"{W}h")) if size is not None else None
    if width and height:
        m.page_size_mm = (width / TWIPS_PER_MM, height / TWIPS_PER_MM)
    else:
        m.missing("page_size_mm", "no page size in the file: the reader's application decides")
    values = {}
    if margins is not None:
        for side in ("top", "bottom", "left", "right", "gutter", "footer"):
            value = _int(margins.get(f"{W}{side}"))
            if value is not None:
                values[side] = abs(value)
    if not all(side in values for side in ("top", "bottom", "left", "right")):
        for field_name in ("margin_top_mm", "margin_left_mm", "block_width_mm", "block_height_mm"):
            m.missing(field_name, "no page margins in the file: the reader's application decides")
        return None
    gutter = values.get("gutter", 0)
    m.margin_top_mm = values["top"] / TWIPS_PER_MM
    m.margin_left_mm = (values["left"] + gutter) / TWIPS_PER_MM
    if width and height:
        m.block_width_mm = (width - values["left"] - values["right"] - gutter) / TWIPS_PER_MM
        m.block_height_mm = (height - values["top"] - values["bottom"]) / TWIPS_PER_MM
    m.how["margin_top_mm"] = "the section's page margins"
    return values.get("footer")


def _size_of(paragraph: _Paragraph) -> Optional[float]:
    face = paragraph.face()
    return face.size_pt if face is not None else None


def _heads(paragraphs: list[_Paragraph]):
    """The 纪要 mark, the title (runs of paragraphs larger than the body before it) and their ids."""
    body_size = _body_face(paragraphs)
    body_pt = body_size.size_pt if body_size else layout.BODY.size_pt
    runs: list[list[_Paragraph]] = []
    body_seen, after_large = 0, False
    for paragraph in paragraphs:
        if not paragraph.text.strip():
            continue
        size = _size_of(paragraph) or 0
        if size > body_pt + 1:
            if after_large and abs((_size_of(runs[-1][-1]) or 0) - size) <= 0.5:
                runs[-1].append(paragraph)
            elif body_seen < 5:
                runs.append([paragraph])
            after_large = bool(runs) and runs[-1][-1] is paragraph
        else:
            after_large = False
            body_seen += abs(size - body_pt) <= 0.5
        if body_seen >= 5:
            break
    mark = None
    if runs:
        text = "".join(p.text for p in runs[0]).strip()
        if text.endswith("纪要") and (_size_of(runs[0][0]) or 0) > layout.TITLE.size_pt + 0.5:
            mark = runs.pop(0)
    title = next((run for run in runs if not _is_red(run[0].face())), None)
    heads = {id(p) for run in ([mark] if mark else []) + ([title] if title else []) for p in run}
    return mark, title, heads


def _is_red(face: Optional[Face]) -> bool:
    return bool(face and face.color and face.color[0] >= 0.6 and face.color[1] <= 0.35 and face.color[2] <= 0.35)


def _body_face(paragraphs: list[_Paragraph]) -> Optional[Face]:
    counted: Counter = Counter()
    for paragraph in paragraphs:
        for text, props in paragraph.runs:
            ideographs = sum(1 for char in text if is_ideograph(char))
            if ideographs:
                counted[(props.get("eastAsia", ""), props.get("size", 20) / 2)] += ideographs
    if not counted:
        return None
    (name, size), _ = counted.most_common(1)[0]
    return Face(name, size)


def _dominant_ppr(paragraphs: list[_Paragraph]) -> dict:
    """The paragraph properties that set the most ideographs of the body."""
    counted: Counter = Counter()
    keep = {}
    for paragraph in paragraphs:
        key = tuple(sorted(paragraph.ppr.items()))
        keep[key] = paragraph.ppr
        counted[key] += sum(1 for char in paragraph.text if is_ideograph(char))
    return keep[counted.most_common(1)[0][0]] if counted else {}


def _grid(m: Measurements, styles: _Styles, body: list[_Paragraph], grid: Optional[etree._Element]):
    """Lines per page from the body's line spacing and the grid; characters per line from its
    size, character spacing and scaling (or the character grid). Returns the line pitch in twips
    and the character pitch in points."""
    if m.body is None:
        m.unmeasured("lines_per_page", "no body text")
        m.unmeasured("chars_per_line", "no body text")
        return None, None
    ppr = _dominant_ppr(body)
    size = m.body.size_pt
    grid_type = grid.get(f"{W}type") if grid is not None else None
    grid_pitch = _int(grid.get(f"{W}linePitch")) if grid is not None else None
    on_grid = grid_type in ("lines", "linesAndChars", "snapToChars") and grid_pitch and not _off(ppr.get("snapToGrid"))
    line, rule = _int(ppr.get("line")) or 240, ppr.get("lineRule", "auto")
    natural = size * SINGLE_SPACING * 20 * (line / 240 if rule == "auto" else 1)
    estimated = False
    if rule == "exact":
        pitch, how = line, "exact line spacing"
    elif on_grid:
        wanted = max(natural, line) if rule == "atLeast" else natural
        pitch, how = grid_pitch * max(1, math.ceil(wanted / grid_pitch - 0.01)), "the document grid's line pitch"
    elif rule == "atLeast":
        pitch, how, estimated = max(line, natural), "at-least line spacing", line < natural
    else:
        pitch, how, estimated = natural, f"single spacing of {size:g} pt type, about {SINGLE_SPACING}×", True
    height_twips = (m.block_height_mm or layout.TYPE_BLOCK_HEIGHT_MM) * TWIPS_PER_MM
    lines = int(height_twips / pitch + 0.02)
    m.line_pitch_pt = pitch / layout.TWIPS_PER_PT
    if estimated and abs(lines - layout.LINES_PER_PAGE) <= 1:
        m.unmeasured("lines_per_page", f"about {lines} lines: the spacing is left to the face's own line height")
    else:
        m.lines_per_page = lines
        m.how["lines_per_page"] = how + (" (estimated)" if estimated else "")
    # Characters: the character grid when the section has one, else the type's own advance.
    char_space = _int(grid.get(f"{W}charSpace")) if grid is not None else None
    if grid_type in ("linesAndChars", "snapToChars") and char_space is not None:
        base = styles.default_rpr.get("size", 20) / 2
        normal = styles.chain(styles.default_paragraph)
        for style in normal:
            base = styles.rpr(style.find(f"{W}rPr")).get("size", base * 2) / 2
        char_pitch = base + char_space / 4096
        m.how["chars_per_line"] = "the document grid's character pitch"
    else:
        spacing, scale = _body_run_spacing(body)
        char_pitch = size * scale / 100 + spacing / 20
        m.how["chars_per_line"] = "the body's type size, character spacing and scaling"
    width = m.block_width_mm or layout.TYPE_BLOCK_WIDTH_MM
    m.char_pitch_pt = char_pitch
    m.chars_per_line = int(layout.mm_to_pt(width) / char_pitch + 0.02) if char_pitch > 0 else None
    if m.chars_per_line is None:
        m.unmeasured("chars_per_line", "a character pitch of zero or less")
    return pitch, char_pitch


def _body_run_spacing(body: list[_Paragraph]) -> tuple[int, int]:
    counted: Counter = Counter()
    for paragraph in body:
        for text, props in paragraph.runs:
            counted[(props.get("spacing", 0), props.get("scale", 100))] += sum(1 for c in text if is_ideograph(c))
    return counted.most_common(1)[0][0] if counted else (0, 100)


def _line_height(paragraph: _Paragraph, grid_pitch: Optional[int]) -> float:
    """Twips one line of this paragraph takes (exact spacing, else one grid line or its type)."""
    line, rule = _int(paragraph.ppr.get("line")), paragraph.ppr.get("lineRule", "auto")
    if rule == "exact" and line:
        return line
    if grid_pitch:
        return grid_pitch
    return (_size_of(paragraph) or layout.BODY.size_pt) * SINGLE_SPACING * 20


def _space(paragraph: _Paragraph, which: str, grid_pitch: Optional[int]) -> float:
    lines = _int(paragraph.ppr.get(f"{which}Lines"))
    if lines is not None:
        return lines / 100 * (grid_pitch or 240)
    return _int(paragraph.ppr.get(which)) or 0


def _mark(m: Measurements, paragraphs: list[_Paragraph], mark: list[_Paragraph], grid_pitch) -> Mark:
    """The mark's top is the top of its line: the space above it (blank paragraphs, its own space
    before) from the top of the type block; where the glyphs sit in the line is the application's."""
    first = mark[0]
    above = 0.0
    for paragraph in paragraphs:
        if paragraph is first:
            break
        if paragraph.text.strip():
            above = None  # text above the mark: its height is the application's to decide
            break
        above += _space(paragraph, "before", grid_pitch) + _line_height(paragraph, grid_pitch) + \
            _space(paragraph, "after", grid_pitch)
    face = first.face() or Face("", 0)
    centre = None
    if first.ppr.get("jc") == "center":
        left = _int(first.ppr.get("left", first.ppr.get("start"))) or 0
        right = _int(first.ppr.get("right", first.ppr.get("end"))) or 0
        centre = (left - right) / 2 / TWIPS_PER_MM
    top = None if above is None else (above + _space(first, "before", grid_pitch)) / TWIPS_PER_MM
    if top is None:
        m.unmeasured("mark_top", "text stands above the mark")
    return Mark("".join(p.text for p in mark), face, top, centre, how="top edge: top of its line")


def _page_numbers(m: Measurements, package: _Package, styles: _Styles, section: etree._Element,
                  footer_twips: Optional[int]) -> list[PageNumber]:
    """Pages 1 and 2 as the footers would print them (odd and even)."""
    footers = {ref.get(f"{W}type", "default"): ref.get(f"{R}id") for ref in section.iter(f"{W}footerReference")}
    even_odd = package.settings is not None and package.settings.find(f"{W}evenAndOddHeaders") is not None \
        and not _off(package.settings.find(f"{W}evenAndOddHeaders").get(f"{W}val"))
    title_page = section.find(f"{W}titlePg") is not None and not _off(section.find(f"{W}titlePg").get(f"{W}val"))
    found = []
    for page in (1, 2):
        kind = "first" if page == 1 and title_page else ("even" if page == 2 and even_odd else "default")
        part = package.related(footers[kind]) if footers.get(kind) else None
        if part is None:
            continue
        number = _footer_number(m, part, styles, page, footer_twips)
        if number is not None:
            found.append(number)
    if not found:
        m.unmeasured("page_numbers", "no footer with a page number")
    return found


def _footer_number(m: Measurements, footer: etree._Element, styles: _Styles, page: int,
                   footer_twips: Optional[int]) -> Optional[PageNumber]:
    paragraphs = [_Paragraph(p, styles, page) for p in footer.iter(f"{W}p")]
    with_number = [p for p in paragraphs if str(page) in p.text] or [p for p in paragraphs if p.text.strip()]
    if not with_number:
        return None
    paragraph = with_number[0]
    digit_at = paragraph.text.find(str(page))
    face = paragraph.face(digit_at, digit_at + 1, script="ascii") if digit_at >= 0 else paragraph.face()
    face = face or Face("", 0)
    top = None
    if footer_twips is not None and m.page_size_mm is not None:
        line = _int(paragraph.ppr.get("line"))
        height = line if paragraph.ppr.get("lineRule") == "exact" and line else face.size_pt * 20
        top = m.page_size_mm[1] - (footer_twips + height) / TWIPS_PER_MM
    jc = paragraph.ppr.get("jc", "left")
    align = {"right": "right", "end": "right", "center": "center"}.get(jc, "left")
    inset = None
    if align == "right":
        inset = (_int(paragraph.ppr.get("right", paragraph.ppr.get("end"))) or 0) / TWIPS_PER_MM
    elif align == "left":
        inset = (_int(paragraph.ppr.get("left", paragraph.ppr.get("start"))) or 0) / TWIPS_PER_MM
    return PageNumber(page, paragraph.text, face, top, align, inset)


def _attendance(m: Measurements, paragraphs: list[_Paragraph], char_pitch_pt: float) -> list[Attendance]:
    unit = char_pitch_pt * layout.TWIPS_PER_PT
    width_chars = layout.mm_to_pt(m.block_width_mm or layout.TYPE_BLOCK_WIDTH_MM) / char_pitch_pt
    found = []
    for paragraph in paragraphs:
        opened = _ATTENDANCE.match(paragraph.text)
        if not opened:
            continue

        def chars(name: str) -> float:
            in_chars = _int(paragraph.ppr.get(f"{name}Chars"))
            if in_chars is not None:
                return in_chars / 100
            return (_int(paragraph.ppr.get(name)) or 0) / unit

        left = chars("left") if ("leftChars" in paragraph.ppr or "left" in paragraph.ppr) else chars("start")
        first = left - chars("hanging") + chars("firstLine")
        right = chars("right")
        fits = first + len(paragraph.text) <= width_chars - right
        found.append(Attendance(
            opened.group(1), paragraph.face(0, 2) or Face("", 0), paragraph.face(3),
            first, None if fits else left,
        ))
    return found
