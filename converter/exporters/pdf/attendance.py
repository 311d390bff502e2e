"""The 纪要 parts that are not paragraphs of the tree: the mark, and the 出席/列席/请假 lines.

Read-only helpers over the tree (model.participants, the groups of a meeting) with the action
mapping of layout.MINUTES_ACTIONS: 主持 and 参加 count as 出席, 缺席 as 请假.
"""

from __future__ import annotations

from lxml import etree

from ... import layout
from ... import vocabulary as v
from ...model import participants, text_of, title_text
from .content import Printed, plain


def minutes_mark(root: etree._Element) -> str:
    """"××××会议纪要" from the first organiser of the body, else "{headline}纪要", else "会议纪要"."""
    organiser = root.find(f"{v.q(v.BODY)}//{v.q(v.ORGANISER)}")
    if organiser is not None and text_of(organiser).strip():
        return f"{text_of(organiser).strip()}会议纪要"
    title = title_text(root)
    return f"{title}纪要" if title and not title.endswith("纪要") else (title or "会议纪要")


def _attendees(meetings: list[etree._Element], actions: tuple[str, ...]) -> list[str]:
    """Persons (by name) then groups (by their text) whose actions fall under `actions`."""
    names: list[str] = []
    for meeting in meetings:
        for person in participants(meeting):
            if any(action in actions for action in person.actions) and person.name not in names:
                names.append(person.name)
    for meeting in meetings:
        for group in meeting.iter(v.q(v.GROUP)):
            text = text_of(group).strip()
            if set((group.get("action") or "").split()) & set(actions) and text and text not in names:
                names.append(text)
    return names


def attendance_lines(meetings: list[etree._Element], keep_punctuation: bool) -> list[Printed]:
    """"出席：name、name" (label in 黑体, names in 仿宋), one per label that has anyone."""
    lines = []
    for label, _ in layout.MINUTES_LABELS:
        names = _attendees(meetings, layout.MINUTES_ACTIONS[label])
        if names:
            line = plain(f"{label}：", "heading", keep_punctuation)
            line.add("、".join(names), "body")
            lines.append(line)
    return lines
