"""What a printed notice shows beyond the tree's paragraphs, decided once for every exporter.

The 纪要标志 (mark), the 出席/列席/请假 lines of a 纪要, and the source/date line under a
report's headline. DOCX and PDF both print these; they are computed here from the tree so the
two formats cannot disagree (and the PDF path need not import python-docx to share them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from . import numbers as layout
from .. import vocabulary as v
from ..model import effective_metadata, groups, meetings, participants, text_of

MINUTES_SUFFIX = "纪要"
# Which line wins when a person's actions point to several: someone 请假 did not attend, and
# 列席 (attending without a vote) is more specific than 出席.
_PRECEDENCE = ("请假", "列席", "出席")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class AttendanceLine:
    label: str  # 出席, 列席 or 请假
    entries: tuple[str, ...]  # "name（role）" or a group's text, in order of first mention

    def text(self) -> str:
        return "、".join(self.entries)


def _first_text(meeting: etree._Element, name: str) -> str:
    found = meeting.find(f".//{v.q(name)}")
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


def _line_of(actions: list[str]) -> str | None:
    for label in _PRECEDENCE:
        if any(action in layout.MINUTES_ACTIONS[label] for action in actions):
            return label
    return None


def attendance_lines(meeting: etree._Element) -> list[AttendanceLine]:
    """The non-empty lines, in the order of layout.MINUTES_LABELS; persons before groups."""
    found: dict[str, list[str]] = {label: [] for label, _ in layout.MINUTES_LABELS}
    for person in participants(meeting):
        label = _line_of(person.actions)
        if label:
            found[label].append(f"{person.name}（{person.role}）" if person.role else person.name)
    for group in groups(meeting):
        label = _line_of((group.get("action") or "").split())
        text = text_of(group).strip()
        if label and text and text not in found[label]:
            found[label].append(text)
    return [
        AttendanceLine(printed, tuple(found[label]))
        for label, printed in layout.MINUTES_LABELS
        if found[label]
    ]


def chinese_date(iso: str) -> str | None:
    """2023-10-12(T…) as 2023年10月12日: Arabic numerals, full year, no leading zeros."""
    found = _ISO_DATE.match(iso)
    if not found:
        return None
    year, month, day = (int(part) for part in found.groups())
    return f"{year}年{month}月{day}日"


def source_line(root: etree._Element) -> str:
    """"来源：国家知识产权局　2023年10月12日" under a report's headline, or "" when neither is known."""
    metadata = effective_metadata(root)
    parts = []
    if metadata.get("source"):
        parts.append(f"来源：{metadata['source']}")
    date = chinese_date(str(metadata.get("published", "")))
    if date:
        parts.append(date)
    return "\u3000".join(parts)
