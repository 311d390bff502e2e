"""The parts of our template besides styles: the page (sectPr), footers, settings, font table.

Everything is built from converter.layout, so the DOCX and the PDF share one set of numbers.
"""

from __future__ import annotations

from lxml import etree

from ... import layout
from ...layout.punctuation import NO_LINE_END, NO_LINE_START
from .faces import Faces
from .styles import FOOTER
from .wordml import R_NS, element, paragraph_properties, twips

ODD_FOOTER_ID = "rIdFooterOdd"
EVEN_FOOTER_ID = "rIdFooterEven"
CHINESE_CHARSET = "86"  # GB2312: tells Word and WPS the face is a Chinese one


def _page(body: etree._Element) -> None:
    """A4, GB/T 9704 margins, a 22 × 28 grid, and different odd and even footers."""
    section = element("sectPr", body)
    for kind, rel_id in (("default", ODD_FOOTER_ID), ("even", EVEN_FOOTER_ID)):
        reference = element("footerReference", section, type=kind)
        reference.set(f"{{{R_NS}}}id", rel_id)
    element("pgSz", section, w=layout.mm_to_twips(layout.PAGE_WIDTH_MM), h=layout.mm_to_twips(layout.PAGE_HEIGHT_MM))
    element(
        "pgMar", section,
        top=layout.mm_to_twips(layout.MARGIN_TOP_MM),
        right=layout.mm_to_twips(layout.MARGIN_RIGHT_MM),
        bottom=layout.mm_to_twips(layout.MARGIN_BOTTOM_MM),
        left=layout.mm_to_twips(layout.MARGIN_LEFT_MM),
        header=layout.mm_to_twips(layout.page_number_distance_mm()),
        footer=layout.mm_to_twips(layout.page_number_distance_mm()),
        gutter=0,
    )
    element("cols", section, space=0)
    # A line grid only. Word honours a linesAndChars grid (charSpace -848), but LibreOffice gives
    # each 16 pt character two 15.79 pt cells of such a grid: 15 characters a line, not 28. The
    # 28 characters come from condensed character spacing instead (styles.CONDENSE_TWIPS),
    # which Word, WPS and LibreOffice all honour.
    element("docGrid", section, type="lines", linePitch=layout.line_pitch_twips())


def document_xml() -> etree._Element:
    root = element("document")
    _page(element("body", root))
    return root


def _field_run(paragraph, kind: str | None = None, text: str | None = None, instruction: str | None = None):
    run = element("r", paragraph)
    if kind:
        element("fldChar", run, fldCharType=kind)
    if instruction:
        code = element("instrText", run)
        code.text = instruction
        code.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    if text:
        written = element("t", run)
        written.text = text
        written.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def footer_xml(odd: bool) -> etree._Element:
    """"— N —" as a PAGE field: odd pages flush right, even pages flush left, one character in."""
    root = element("ftr")
    paragraph = element("p", root)
    # One character of the page number's own type (4号), not of the body grid.
    space = twips(layout.PAGE_NUMBER_INDENT_CHARS * layout.PAGE_NUMBER.size_pt)
    ind = {"right": space} if odd else {"left": space}
    paragraph_properties(paragraph, style=FOOTER, ind=ind, jc="right" if odd else "left")
    before, _, after = layout.page_number_text(0).partition("0")
    _field_run(paragraph, text=before)
    _field_run(paragraph, kind="begin")
    _field_run(paragraph, instruction=" PAGE ")
    _field_run(paragraph, kind="separate")
    _field_run(paragraph, text="1")  # the cached result a reader shows until it updates fields
    _field_run(paragraph, kind="end")
    _field_run(paragraph, text=after)
    return root


def settings_xml() -> etree._Element:
    root = element("settings")
    element("defaultTabStop", root, val=layout.line_pitch_twips())
    element("evenAndOddHeaders", root)
    # Full-width punctuation keeps its full width: the grid counts every character as one.
    element("characterSpacingControl", root, val="doNotCompress")
    element("noLineBreaksAfter", root, lang="zh-CN", val="".join(sorted(NO_LINE_END)))
    element("noLineBreaksBefore", root, lang="zh-CN", val="".join(sorted(NO_LINE_START)))
    compat = element("compat", root)
    # Word 2013+ mode: otherwise Word opens the file in compatibility mode.
    element("compatSetting", compat, name="compatibilityMode", uri="http://schemas.microsoft.com/office/word", val=15)
    element("themeFontLang", root, val="en-US", eastAsia="zh-CN")
    return root


def font_table_xml(faces: Faces) -> etree._Element:
    """Every face we name, with its usual alternative, so readers substitute instead of guessing."""
    root = element("fonts")
    seen: set[str] = set()
    for role in layout.DEFAULT_FACES:
        face = faces.of(role)
        if face in seen:
            continue
        seen.add(face)
        font = element("font", root, name=face)
        alternative = faces.alternative(role)
        if alternative:
            element("altName", font, val=alternative)
        element("charset", font, val=CHINESE_CHARSET)
        element("family", font, val="auto")
        element("pitch", font, val="variable")
    latin = element("font", root, name=layout.LATIN_FACE)
    element("family", latin, val="roman")
    element("pitch", latin, val="variable")
    return root
