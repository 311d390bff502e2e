"""Document → PDF bytes: gather the printed characters, choose fonts, lay out the story, build."""

from __future__ import annotations

import re

from lxml import etree

from ... import vocabulary as v
from ...model import Document, body_paragraphs, effective_metadata, meetings, participants, text_of, title_text
from ...version import __version__
from ...minutes import minutes_mark
from .attendance import attendance_lines
from .content import Roles, printed
from .fontset import font_set, font_warnings
from .pages import write_pdf
from .story import meta_line, minutes_story, report_story

# Characters every document may print besides its text: page numbers, the source line, labels.
_FIXED = "— 0123456789来源：年月日会议纪要出席列席请假、"


def printed_characters(root: etree._Element, options) -> set[str]:
    """Every character the layout prints (a superset is harmless: it only widens the font check)."""
    keep = options.keep_punctuation
    texts = [meta_line(root), minutes_mark(root), _FIXED]
    title = root.find(f"{v.q(v.FRONT)}/{v.q(v.TITLE)}")
    blocks = ([title] if title is not None else []) + body_paragraphs(root)
    texts += [printed(block, Roles(), keep).text for block in blocks]
    texts += [line.text for meeting in meetings(root) for line in attendance_lines(meeting, keep)]
    return set("".join(texts)) - {"\n"}


def _pdf_date(metadata: dict, root: etree._Element) -> str | None:
    """D:YYYYMMDDHHmmSS+08'00' from the published time, else the first meeting's date."""
    value = str(metadata.get("published") or "")
    if not value:
        date = root.find(f"{v.q(v.BODY)}//{v.q(v.DATE)}[@value]")
        value = date.get("value", "") if date is not None else ""
    digits = re.sub(r"\D", "", value)
    if len(digits) < 8:
        return None
    return "D:" + (digits + "000000")[:14] + "+08'00'"  # pages give Beijing time


def document_info(root: etree._Element, layout_name: str) -> dict[str, str]:
    metadata = effective_metadata(root)
    names = [p.name for m in meetings(root) for p in participants(m)]
    meeting_names = [text_of(e).strip() for e in root.iter(v.q(v.MEETING_NAME))]
    organisers = [text_of(e).strip() for e in root.iter(v.q(v.ORGANISER))]
    keywords = list(dict.fromkeys(k for k in organisers + meeting_names + names if k))
    return {
        "title": title_text(root) or minutes_mark(root),
        "author": str(metadata.get("author") or metadata.get("source") or ""),
        "subject": "、".join(dict.fromkeys(meeting_names)) or ("会议纪要" if layout_name == "minutes" else "会议报道"),
        "keywords": ", ".join(keywords),
        "creator": f"notice-converter {__version__}",
        "producer": f"notice-converter {__version__} (reportlab)",
    }


def render(document: Document, options) -> bytes:
    root = document.root
    characters = printed_characters(root, options)
    fonts = font_set(dict(options.fonts), characters)
    keep = options.keep_punctuation
    story = minutes_story(root, fonts, keep) if options.layout == "minutes" else report_story(root, fonts, keep)
    data = write_pdf(story, fonts, document_info(root, options.layout), _pdf_date(effective_metadata(root), root))
    # After the layout: a face is read when a character first needs it, and may have a word to say.
    for warning in font_warnings(fonts, characters):
        if warning not in document.warnings:  # the run's diagnostics, which the CLI prints
            document.warnings.append(warning)
    return data
