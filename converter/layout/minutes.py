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
from .inline import KEEP_MAX
from .. import vocabulary as v
from ..model import effective_metadata, groups, meetings, participants, text_of, title_text

MINUTES_SUFFIX = "纪要"
# Which line wins when a person's actions point to several: someone 请假 did not attend, and
# 列席 (attending without a vote) is more specific than 出席.
_PRECEDENCE = ("请假", "列席", "出席")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class AttendanceLine:
    label: str  # 出席, 列席 or 请假
    entries: tuple[str, ...]  # "name（role）" or a group's text, in order of first mention
    names: tuple[str, ...] = ()  # each entry's person name, "" for a group

    def text(self) -> str:
        return "、".join(self.entries)

    def keeps(self) -> list[tuple[int, int]]:
        """[start, end) of text() not to split across lines: each person's name (王春黎). Only
        the name: a line of names and roles kept whole entry by entry would end far short of the
        measure, and a role breaks as any text does."""
        found, at = [], 0
        for entry, name in zip(self.entries, self.names):
            if 1 < len(name) <= KEEP_MAX and entry.startswith(name):
                found.append((at, at + len(name)))
            at += len(entry) + 1  # and the 、
        return found


def _first_text(meeting: etree._Element, name: str) -> str:
    found = meeting.find(f".//{v.q(name)}")
    return text_of(found).strip() if found is not None else ""


# Characters common in traditional-script text whose simplified forms differ (會/会, 議/议 …):
# a text is traditional when it uses more of these than of their simplified twins.
_TRADITIONAL = "會議們國與為這個說對時學關開發經動實現點進區長書務設體後從當黨屆縣記辦衛總鄉產習團"
_SIMPLIFIED = "会议们国与为这个说对时学关开发经动实现点进区长书务设体后从当党届县记办卫总乡产习团"
_TO_TRADITIONAL = str.maketrans("纪会议请", "紀會議請")
# A headline about a meeting: "县政府召开第七次常务会议", "…主任会议召开", "全国检察长会议闭幕".
_MEETING = r"[^，。,；;：:！!？?\s]{2,40}?(?:会议|会|會議|會)"
_HOLDS = re.compile(r"^(?P<who>.{0,30}?)(?:组织|組織)?(?:召开|召開|举行|舉行)(?P<name>%s)$" % _MEETING)
_HELD = re.compile(r"^(?P<name>%s)(?:召开|召開|举行|舉行|闭幕|閉幕|开幕|開幕)$" % _MEETING)
_IN_TEXT = re.compile(r"(?:召开|召開|举行|舉行)(?:了)?(?P<name>%s)[，。,；;]" % _MEETING)


def is_traditional(root: etree._Element) -> bool:
    text = text_of(root)
    traditional = sum(text.count(c) for c in _TRADITIONAL)
    return traditional > sum(text.count(c) for c in _SIMPLIFIED)


def in_script(text: str, traditional: bool) -> str:
    """Words this package adds (纪要, 会议, 请假) in the text's own script."""
    return text.translate(_TO_TRADITIONAL) if traditional else text


def _from_headline(headline: str) -> str | None:
    """The meeting a headline names, or the headline itself when it already is a 纪要's name."""
    if headline.endswith(("纪要", "紀要")):
        return headline
    found = _HOLDS.match(headline) or _HELD.match(headline)
    if not found:
        return None
    who = found.groupdict().get("who") or ""
    return who + found.group("name")


def minutes_mark(root: etree._Element) -> str:
    """The 纪要标志, in the text's script: the headline when it names the meeting (…会议纪要 kept;
    "县政府召开第七次常务会议" → 县政府第七次常务会议纪要); else organiser + meeting name + 纪要
    from the model; else the meeting the first paragraph says was held; else (organiser +) 会议纪要.
    """
    traditional = is_traditional(root)
    suffix = in_script(MINUTES_SUFFIX, traditional)
    name = _from_headline(title_text(root) or "")
    found = meetings(root)
    organiser = _first_text(found[0], v.ORGANISER) if found else ""
    if not name:
        name = _first_text(found[0], v.MEETING_NAME) if found else ""
        if name and organiser and not name.startswith(organiser):
            name = organiser + name
    if not name and found:
        paragraph = found[0].find(f".//{v.q(v.PARAGRAPH)}")
        said = _IN_TEXT.search(text_of(paragraph)) if paragraph is not None else None
        if said:
            name = said.group("name")
            if organiser and organiser not in name:
                name = organiser + name
    if not name:
        return organiser + in_script("会议", traditional) + suffix
    return name if name.endswith(("纪要", "紀要")) else name + suffix


def _line_of(actions: list[str]) -> str | None:
    for label in _PRECEDENCE:
        if any(action in layout.MINUTES_ACTIONS[label] for action in actions):
            return label
    return None


# An attendance line as offices write it: "出席：…", "列席人员：…", "請假：…".
ATTENDANCE_IN_TEXT = re.compile(r"^\s*(?P<label>(?:出席|列席|请假|請假|缺席)(?:人员|人員|领导|領導|同志|名单|名單)?[：:])")
# Which generated line a label of the text stands for.
_LABEL_LINE = {"出席": "出席", "列席": "列席", "请假": "请假", "請假": "请假", "缺席": "请假"}


def attendance_label(text: str) -> str | None:
    """The label ("出席：") when a paragraph is an attendance line, else None."""
    found = ATTENDANCE_IN_TEXT.match(text)
    return found.group("label") if found else None


def attendance_lines(meeting: etree._Element, listed: dict[str, str] | None = None,
                     traditional: bool = False) -> list[AttendanceLine]:
    """The generated lines, in the order of layout.MINUTES_LABELS; persons before groups.

    `listed` maps the lines the text already has (出席, 列席, 请假) to their text: no line is
    generated for those, and nobody named in them is listed again on another line.
    """
    listed = listed or {}
    written = "".join(listed.values())
    found: dict[str, list[str]] = {label: [] for label, _ in layout.MINUTES_LABELS}
    names: dict[str, list[str]] = {label: [] for label, _ in layout.MINUTES_LABELS}
    for person in participants(meeting):
        label = _line_of(person.actions)
        if label and person.name not in written:
            found[label].append(f"{person.name}（{person.role}）" if person.role else person.name)
            names[label].append(person.name)
    for group in groups(meeting):
        label = _line_of((group.get("action") or "").split())
        text = text_of(group).strip()
        if label and text and text not in found[label] and text not in written:
            found[label].append(text)
            names[label].append("")
    return [
        AttendanceLine(in_script(printed, traditional), tuple(found[label]), tuple(names[label]))
        for label, printed in layout.MINUTES_LABELS
        if found[label] and label not in listed
    ]


def line_of_label(label: str) -> str:
    """The generated line ("出席", "列席", "请假") an attendance label of the text stands for."""
    return _LABEL_LINE[label[:2]]


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
