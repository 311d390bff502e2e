"""The 纪要 parts that are not paragraphs of the tree: the mark, and the 出席/列席/请假 lines.

The same choices as the DOCX exporter (converter/exporters/docx/attendance.py, content.py), kept
here because importing that package loads python-docx: a person goes on one line, absence
beating attendance and 列席 beating 出席 (layout.MINUTES_ACTIONS says which actions count);
persons print as name（role）, then the groups; the mark is organiser + meeting name + 纪要.
"""

from __future__ import annotations

from lxml import etree

from ... import layout
from ... import vocabulary as v
from ...model import groups, meetings, participants, text_of
from .content import Printed, plain

# Which line wins when a person's actions point to several.
_PRECEDENCE = ("请假", "列席", "出席")
MINUTES_SUFFIX = "纪要"


def _first_text(meeting: etree._Element, name: str) -> str:
    found = meeting.find(f".//{v.q(name)}")
    return text_of(found).strip() if found is not None else ""


def minutes_mark(root: etree._Element) -> str:
    """国家知识产权局传达学习贯彻党的二十大精神大会纪要: organiser + meeting name + 纪要.

    Without a meeting name: organiser + 会议纪要. The headline is a sentence about the meeting
    (…召开…), not its name, so it is not used.
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


def attendance_entries(meeting: etree._Element) -> list[tuple[str, list[str]]]:
    """(label, entries) for each non-empty line, in the order of layout.MINUTES_LABELS."""
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
    return [(printed, found[label]) for label, printed in layout.MINUTES_LABELS if found[label]]


def attendance_lines(meeting: etree._Element, keep_punctuation: bool) -> list[Printed]:
    """"出席：name（role）、…" with the label in 黑体 and the names in 仿宋."""
    lines = []
    for label, entries in attendance_entries(meeting):
        line = plain(f"{label}：", "heading", keep_punctuation)
        line.add("、".join(entries), "body")
        lines.append(line)
    return lines
