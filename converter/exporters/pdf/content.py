"""What a block of the tree prints: its characters, the font role of each, and outline anchors.

Read from the tree only, with the DOCX exporter's choices: inline chrome is not printed, a line
break inside a block stays a line break, and in 纪要 the statement markers (会议认为 …) are set
in 黑体 and item labels (一要 …) in 楷体. Punctuation is typeset over the whole block, one
character for one, so a comma between two elements sees its neighbours.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ... import vocabulary as v
from ...model import local, text_of
from ...typesetting import full_width_punctuation
from .setting import Anchor


@dataclass(frozen=True)
class Roles:
    """The font role of plain text, statement markers and item labels."""

    text: str = "body"
    marker: str = "body"
    label: str = "body"
    block_level: int = 1  # outline level of statement blocks: 0 when there is no title above them


@dataclass
class Printed:
    text: str = ""
    roles: list[str] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)

    def add(self, text: str | None, role: str) -> None:
        if text:
            self.text += text
            self.roles.extend([role] * len(text))


def _anchor(section: etree._Element, offset: int, level: int) -> Anchor | None:
    if section.get("continues") or not section.get("id"):
        return None
    marker = section.find(v.q(v.MARKER))
    label = text_of(marker) if marker is not None else section.get("speaker", "") + section.get("kind", "")
    return Anchor(offset, f"block-{section.get('id')}", label.strip() or section.get("id", ""), level)


def _walk(element: etree._Element, role: str, roles: Roles, out: Printed) -> None:
    out.add(element.text, role)
    for child in element:
        name = local(child)
        if name == v.LINE_BREAK:
            out.add("\n", role)
        elif name == v.SECTION:
            anchor = _anchor(child, len(out.text), roles.block_level)
            if anchor:
                out.anchors.append(anchor)
            _walk(child, role, roles, out)
        elif name == v.ITEM:
            _item(child, role, roles, out)
        elif name != v.CHROME:
            _walk(child, roles.marker if name == v.MARKER else role, roles, out)
        out.add(child.tail, role)


def _item(item: etree._Element, role: str, roles: Roles, out: Printed) -> None:
    start = len(out.text)
    _walk(item, role, roles, out)
    label = item.get("label", "")
    if label and out.text[start:].startswith(label):
        out.roles[start:start + len(label)] = [roles.label] * len(label)


def printed(element: etree._Element, roles: Roles, keep_punctuation: bool) -> Printed:
    """The printed characters of a block (p, title), with a role per character."""
    out = Printed()
    _walk(element, roles.text, roles, out)
    if not keep_punctuation:
        out.text = full_width_punctuation(out.text)  # one character for one: roles stay aligned
    return out


def plain(text: str, role: str, keep_punctuation: bool = False) -> Printed:
    out = Printed()
    out.add(text if keep_punctuation else full_width_punctuation(text), role)
    return out
