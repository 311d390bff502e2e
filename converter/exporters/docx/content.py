"""What each layout prints, as styled paragraphs: read from the tree, never from text.

report:  the headline (Title), a line with source and publication date (Subtitle), then every
         paragraph of the meetings in document order (Body Text; List Paragraph when it opens
         with an enumerated item).
minutes: the red 纪要标志 (Title), then per meeting its paragraphs and its 出席/列席/请假 lines.
Front and back matter other than the headline (chrome, page metadata, deck lines, trailing
site names) is not printed in either layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ... import vocabulary as v
from ...model import body_paragraphs, effective_metadata, meetings, text_of
from ...vocabulary import q
from . import styles
from .attendance import attendance_lines
from .runs import Run, runs_of, typeset

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
MINUTES_SUFFIX = "纪要"


@dataclass
class Paragraph:
    style: str
    runs: list[Run]
    blank_line_before: bool = False  # GB/T 9704: one empty grid line before the 出席 block


def chinese_date(iso: str) -> str | None:
    """2023-10-12(T…) as 2023年10月12日: Arabic numerals, full year, no leading zeros."""
    found = _ISO_DATE.match(iso)
    if not found:
        return None
    year, month, day = (int(part) for part in found.groups())
    return f"{year}年{month}月{day}日"


def source_line(root: etree._Element) -> str | None:
    metadata = effective_metadata(root)
    parts = []
    if metadata.get("source"):
        parts.append(f"来源：{metadata['source']}")
    date = chinese_date(str(metadata.get("published", "")))
    if date:
        parts.append(date)
    return "\u3000".join(parts) or None


def _first_text(meeting: etree._Element, name: str) -> str:
    found = meeting.find(f".//{q(name)}")
    return text_of(found).strip() if found is not None else ""


def minutes_mark(root: etree._Element) -> str:
    """organiser + meeting name + 纪要 (国家知识产权局传达学习贯彻党的二十大精神大会纪要).

    Without a meeting name: organiser + 会议纪要, or 会议纪要 alone. The headline is not used:
    it is a sentence about the meeting (…召开…), not the meeting's name.
    """
    found = meetings(root)
    organiser = _first_text(found[0], v.ORGANISER) if found else ""
    name = _first_text(found[0], v.MEETING_NAME) if found else ""
    if not name:
        return f"{organiser}会议{MINUTES_SUFFIX}"
    if organiser and not name.startswith(organiser):
        name = organiser + name
    return name if name.endswith(MINUTES_SUFFIX) else name + MINUTES_SUFFIX


def _body(paragraph: etree._Element, keep_punctuation: bool) -> Paragraph | None:
    runs = runs_of(paragraph, keep_punctuation)
    if not "".join(r.text for r in runs).strip():
        return None
    opens_with_item = runs[0].style == styles.ITEM_LABEL
    return Paragraph(styles.LIST_ITEM if opens_with_item else styles.BODY, runs)


def report(root: etree._Element, keep_punctuation: bool) -> list[Paragraph]:
    found = []
    title = root.find(f"{q(v.FRONT)}/{q(v.TITLE)}")
    if title is not None and text_of(title).strip():
        found.append(Paragraph(styles.TITLE, runs_of(title, keep_punctuation)))
    line = source_line(root)
    if line:
        found.append(Paragraph(styles.SUBTITLE, typeset([Run(line)], keep_punctuation)))
    found += [p for p in (_body(e, keep_punctuation) for e in body_paragraphs(root)) if p]
    return found


def minutes(root: etree._Element, keep_punctuation: bool) -> list[Paragraph]:
    found = [Paragraph(styles.TITLE, typeset([Run(minutes_mark(root))], keep_punctuation))]
    for meeting in meetings(root):
        paragraphs = (_body(e, keep_punctuation) for e in meeting.iter(q(v.PARAGRAPH)))
        found += [p for p in paragraphs if p]
        for number, line in enumerate(attendance_lines(meeting)):
            runs = [Run(f"{line.label}：", styles.ATTENDANCE_LABEL), Run(line.text())]
            found.append(Paragraph(styles.ATTENDANCE, typeset(runs, keep_punctuation), number == 0))
    return found


LAYOUTS = {"report": report, "minutes": minutes}
