"""One walker over a block's inline markup: the runs it prints, with a role each, and its anchors.

Every element of the vocabulary that can stand inside a printed block has exactly one handler
here; an element with none is an error (ExportError naming it), never printed as plain text by
accident. Attributes the walker does not know (line numbers, offsets added by other tools) are
ignored: they never change what prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from lxml import etree

from .. import vocabulary as v
from ..errors import ExportError
from ..model import local, text_of

# Run roles: what a stretch of a block is, never how it looks (each format maps roles to faces).
TEXT = "text"
MARKER = "marker"  # 会议认为, 申长雨强调 …: a statement block's opening words
ITEM_LABEL = "item-label"  # 一要, 二是 …: an enumerated item's own number words
ATTENDANCE_LABEL = "attendance-label"  # 出席：
LEVEL_1 = "level-1"  # "一、…" opening a paragraph: the first level of the text's structure (黑体)
LEVEL_2 = "level-2"  # "（一）…": the second level (楷体)
COPY_TO_LABEL = "copy-to-label"  # 抄送： opening a 版记 line; its wrapped lines align after the colon
ISSUE_DATE = "issue-date"  # 2025年1月20日印发: flush right on the 印发 line, the 印发机关 flush left


@dataclass(frozen=True)
class Anchor:
    """A bookmark that starts at a character of its block."""

    offset: int
    key: str
    label: str
    level: int


@dataclass
class Walk:
    """The runs of one block as they are walked: text, one role per character, anchors."""

    section_level: int = 1
    text: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    keeps: list[tuple[int, int]] = field(default_factory=list)  # [start, end) not to break inside
    length: int = 0

    def add(self, text: str | None, role: str) -> None:
        if text:
            self.text.append(text)
            self.roles.extend([role] * len(text))
            self.length += len(text)

    def joined(self) -> str:
        return "".join(self.text)


Handler = Callable[[etree._Element, str, Walk], None]


def walk(element: etree._Element, role: str, out: Walk) -> None:
    """The element's own text, then each child by its handler, then the child's tail."""
    out.add(element.text, role)
    for child in element:
        if not isinstance(child.tag, str):
            out.add(child.tail, role)  # a comment or processing instruction: only its tail prints
            continue
        name = local(child)
        handler = HANDLERS.get(name)
        if handler is None:
            raise ExportError(f"cannot print element <{name}> inside <{local(element)}>: no rule for it")
        handler(child, role, out)
        out.add(child.tail, role)


def _same_role(element: etree._Element, role: str, out: Walk) -> None:
    walk(element, role, out)


# A name or a date longer than this is left to break where it must.
KEEP_MAX = 12


def _kept(element: etree._Element, role: str, out: Walk) -> None:
    """A date, or a person's name with what follows it (赵敏（市政府办公室）), not the office
    before it, is not split across lines."""
    start, pieces = out.length, len(out.text)
    walk(element, role, out)
    text = "".join(out.text[pieces:])  # the element's own pieces: no rejoining the whole block
    name = element.get("name") if local(element) == v.PERSON else None
    if name and name in text:
        at = text.rindex(name)
        start, text = start + at, text[at:] if len(text) - at <= KEEP_MAX else name
    if 1 < len(text) <= KEEP_MAX:
        out.keeps.append((start, start + len(text)))


def _line_break(element: etree._Element, role: str, out: Walk) -> None:
    out.add("\n", role)


def _not_printed(element: etree._Element, role: str, out: Walk) -> None:
    """Web-page residue inside a paragraph (share buttons, font-size links) is not the document's."""


def _marker(element: etree._Element, role: str, out: Walk) -> None:
    walk(element, MARKER, out)


def _section(element: etree._Element, role: str, out: Walk) -> None:
    """A statement block: a bookmark where its first fragment starts, then its content."""
    if element.get("id") and not element.get("continues"):
        marker = element.find(v.q(v.MARKER))
        label = text_of(marker) if marker is not None else element.get("speaker", "") + element.get("kind", "")
        out.anchors.append(Anchor(out.length, f"block-{element.get('id')}", label.strip() or element.get("id", ""),
                                  out.section_level))
    walk(element, role, out)


def _item(element: etree._Element, role: str, out: Walk) -> None:
    """An enumerated item: its label words (一要 …), when it opens with them, get a role of their own."""
    start, pieces = out.length, len(out.text)
    walk(element, role, out)
    label = element.get("label", "")
    if label and "".join(out.text[pieces:])[:len(label)] == label:
        out.roles[start:start + len(label)] = [ITEM_LABEL] * len(label)


HANDLERS: dict[str, Handler] = {
    v.LINE_BREAK: _line_break,
    v.CHROME: _not_printed,
    v.SECTION: _section,
    v.MARKER: _marker,
    v.ITEM: _item,
    # Mentions print as the text they mark; what they mean is the model's, not the page's.
    v.DATE: _kept,
    v.ORGANISER: _same_role,
    v.MEETING_NAME: _same_role,
    v.PERSON: _kept,
    v.GROUP: _same_role,
    v.BYLINE: _same_role,
    v.LABEL: _same_role,
    v.CREDIT: _same_role,
    **{name: _same_role for name in v.METADATA_FIELDS},
}

# Elements that are blocks or containers, never inside a printed block's text: the plan builder
# decides what each of them prints.
STRUCTURAL = frozenset({v.NOTICE, v.FRONT, v.BODY, v.BACK, v.MEETING, v.METADATA, v.LINE, v.TITLE, v.PARAGRAPH})

# The provenance record and its entries say how the document was made, not what it says: a page
# never prints them (they stand outside front, body and back, where the plan builder reads).
RECORDS = frozenset({v.PROVENANCE, v.WARNING, v.GUESS, v.NOTE})
