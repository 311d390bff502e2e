"""The 出席 / 列席 / 请假 lines of a 纪要, from the participants and groups of a meeting.

Which actions put a person or a group on which line is layout.MINUTES_ACTIONS. A person with
actions for several lines goes on one: absence beats attendance (someone 请假 did not attend),
and 列席 (attending without a vote) is more specific than 出席.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ... import layout
from ...model import groups, participants, text_of

# Which line wins when a person's actions point to several.
_PRECEDENCE = ("请假", "列席", "出席")


@dataclass(frozen=True)
class AttendanceLine:
    label: str  # 出席, 列席 or 请假
    entries: tuple[str, ...]  # "name（role）" or a group's text, in order of first mention

    def text(self) -> str:
        return "、".join(self.entries)


def _line_of(actions: list[str]) -> str | None:
    for label in _PRECEDENCE:
        if any(action in layout.MINUTES_ACTIONS[label] for action in actions):
            return label
    return None


def _person_entry(name: str, role: str) -> str:
    return f"{name}（{role}）" if role else name


def attendance_lines(meeting: etree._Element) -> list[AttendanceLine]:
    """The non-empty lines, in the order of layout.MINUTES_LABELS; persons before groups."""
    found: dict[str, list[str]] = {label: [] for label, _ in layout.MINUTES_LABELS}
    for person in participants(meeting):
        label = _line_of(person.actions)
        if label:
            found[label].append(_person_entry(person.name, person.role))
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
