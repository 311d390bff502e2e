"""Write styled paragraphs and document properties into a python-docx Document.

Paragraphs go straight onto python-docx's oxml elements with style ids: resolving style names
through the high-level API would cost a styles lookup for every paragraph and run.
"""

from __future__ import annotations

import datetime as dt

from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from lxml import etree

from ... import vocabulary as v
from ...model import effective_metadata, meetings, text_of, title_text
from ...vocabulary import q
from .content import Paragraph
from .styles import ONE_LINE


def write_paragraphs(word: WordDocument, paragraphs: list[Paragraph]) -> None:
    body = word.element.body
    for paragraph in paragraphs:
        p = body.add_p()
        p.style = paragraph.style
        if paragraph.blank_line_before:
            spacing = p.get_or_add_pPr().get_or_add_spacing()
            spacing.set(qn("w:before"), str(ONE_LINE["twips"]))
            spacing.set(qn("w:beforeLines"), str(ONE_LINE["lines"]))
        for run in paragraph.runs:
            r = p.add_r()
            if run.style:
                r.style = run.style
            r.text = run.text  # "\n" (a split headline) becomes w:br


def _created(metadata: dict) -> dt.datetime | None:
    value = metadata.get("published")
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None  # a partial date (--06-20) has no year to give


def write_properties(word: WordDocument, root: etree._Element, heading: str | None) -> None:
    """title, author, subject, created and language from the model; nothing invented."""
    metadata = effective_metadata(root)
    properties = word.core_properties
    properties.title = title_text(root) or heading or ""
    properties.author = str(metadata.get("author") or metadata.get("source") or "")
    found = meetings(root)
    name = found[0].find(f".//{q(v.MEETING_NAME)}") if found else None
    properties.subject = text_of(name).strip() if name is not None else ""
    properties.language = "zh-CN"
    created = _created(metadata)
    if created is not None:
        properties.created = created
