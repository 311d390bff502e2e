"""Write styled paragraphs and document properties into a python-docx Document.

Paragraphs refer to styles by id: resolving style names through python-docx's high-level API
would cost a styles lookup for every paragraph and run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from itertools import groupby

from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from lxml import etree

from ...layout.properties import Properties
from .colophon import anchor_paragraph, colophon_table
from .content import Paragraph
from .styles import COLOPHON, COPY_TO, ONE_LINE
from .wordml import char_twips

_P, _PPR, _PSTYLE, _SPACING, _R, _RPR, _RSTYLE, _T, _BR, _TAB, _SECTPR = (
    qn(f"w:{name}") for name in ("p", "pPr", "pStyle", "spacing", "r", "rPr", "rStyle", "t", "br", "tab", "sectPr")
)
_VAL, _BEFORE, _BEFORE_LINES = qn("w:val"), qn("w:before"), qn("w:beforeLines")
_IND, _LEFT, _LEFT_CHARS, _FIRST_LINE = qn("w:ind"), qn("w:left"), qn("w:leftChars"), qn("w:firstLine")
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# python-docx refuses core properties longer than this (a meeting name may run to a whole line).
_LIMIT = 255


def _paragraph(paragraph: Paragraph) -> etree._Element:
    p = etree.Element(_P)
    properties = etree.SubElement(p, _PPR)
    etree.SubElement(properties, _PSTYLE, {_VAL: paragraph.style})
    if paragraph.blank_line_before:
        etree.SubElement(properties, _SPACING, {_BEFORE: str(ONE_LINE["twips"]), _BEFORE_LINES: str(ONE_LINE["lines"])})
    if paragraph.indent_chars is not None:
        etree.SubElement(properties, _IND, {_LEFT: str(char_twips(paragraph.indent_chars)),
                                            _LEFT_CHARS: str(round(paragraph.indent_chars * 100)), _FIRST_LINE: "0"})
    for run in paragraph.runs:
        r = etree.SubElement(p, _R)
        if run.style:
            etree.SubElement(etree.SubElement(r, _RPR), _RSTYLE, {_VAL: run.style})
        for number, line in enumerate(run.text.split("\n")):  # a split headline: w:br between lines
            if number:
                etree.SubElement(r, _BR)
            for piece_number, piece in enumerate(line.split("\t")):  # the 印发 line's tab
                if piece_number:
                    etree.SubElement(r, _TAB)
                if piece:
                    text = etree.SubElement(r, _T)
                    text.text = piece
                    if piece != piece.strip():
                        text.set(_SPACE, "preserve")
    return p


def write_paragraphs(word: WordDocument, paragraphs: list[Paragraph]) -> None:
    """Paragraphs before the body's final sectPr, built with plain lxml (python-docx's element
    API searches for each child's place in schema order, a third of the export time). 版记
    lines go into a table of their own, whose borders are its rules; the one that ends the
    document floats at the foot of the last page, anchored to the paragraph after it."""
    section = word.element.body.find(_SECTPR)
    for (in_table, foot), group in groupby(paragraphs, key=lambda p: (p.style in (COLOPHON, COPY_TO), p.foot)):
        if not in_table:
            for paragraph in group:
                section.addprevious(_paragraph(paragraph))
            continue
        # Inside the table the rule above, not a blank line, sets the 版记 off (the floating one
        # keeps a blank line's distance from the text: colophon.py).
        lines = [_paragraph(replace(paragraph, blank_line_before=False)) for paragraph in group]
        section.addprevious(colophon_table(lines, floating=foot))
        if foot:
            section.addprevious(anchor_paragraph())


def _created(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


def _mark_beijing(properties, created: dt.datetime) -> None:
    """python-docx writes every time as UTC ("…Z"); a page's time is Beijing time (+08:00)."""
    from ...datevalues import beijing_time

    element = properties._element.find(qn("dcterms:created"))
    moment = beijing_time(created.isoformat())
    if element is not None and moment is not None:
        element.text = moment.isoformat()


def write_properties(word: WordDocument, found: Properties) -> None:
    """The plan's document properties; nothing invented."""
    properties = word.core_properties
    properties.title = found.title[:_LIMIT]
    properties.author = found.author[:_LIMIT]
    properties.subject = found.subject[:_LIMIT]
    properties.keywords = ", ".join(found.keywords)[:_LIMIT]
    properties.language = found.language
    created = _created(found.created)
    if created is not None:
        properties.created = created
        _mark_beijing(properties, created)
