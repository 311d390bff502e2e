"""The print plan: what a notice prints, in order, built once from the tree and the options.

A plan is a list of blocks. A block has a role (title, meta, body, item, attendance …), its runs
(text with a run role: plain text, statement marker, item label, attendance label), the blank
grid lines above it, and the bookmarks that start in it. Roles say what a stretch of text is;
each format maps them to its own look. Punctuation is already typeset in the plan (unless the
options keep it), one character for one, so a run's length never changes.

report:  the headline, a line with source and publication date, a blank line, the paragraphs of
         the meetings in document order.
minutes: the 纪要标志, then per meeting a blank line, its paragraphs, a blank line and its
         出席/列席/请假 lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .. import vocabulary as v
from ..errors import ExportError
from ..model import body_paragraphs, meetings, title_text
from . import inline
from .inline import ATTENDANCE_LABEL, TEXT, Anchor, Walk
from .minutes import attendance_lines, minutes_mark, source_line
from .properties import Properties, properties
from .punctuation import full_width_punctuation

LAYOUTS = ("report", "minutes")

# Block roles.
TITLE = "title"  # the headline of a report
MINUTES_MARK = "minutes-mark"  # the red 纪要标志
META = "meta"  # source and date under a report's headline
BODY = "body"
ITEM = "item"  # a paragraph that opens with an enumerated item's label
ATTENDANCE = "attendance"  # 出席/列席/请假 lines of a 纪要

# What may print besides the document's text: the page numbers.
PAGE_NUMBER_CHARACTERS = "— 0123456789"


@dataclass(frozen=True)
class Run:
    text: str
    role: str = TEXT


@dataclass
class Block:
    role: str
    runs: list[Run]
    blank_before: int = 0
    anchors: list[Anchor] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass
class Plan:
    layout: str
    blocks: list[Block]
    properties: Properties

    def characters(self) -> set[str]:
        """Every character the pages print, page numbers included (line breaks are not printed)."""
        found = set(PAGE_NUMBER_CHARACTERS)
        for block in self.blocks:
            found.update(block.text)
        found.discard("\n")
        return found

    def dump(self) -> str:
        """The plan as `role | text` lines (a run of another role than text as «role:text»),
        "blank" for a blank grid line, "  @level key | label" for a bookmark: for goldens."""
        lines = [f"# layout: {self.layout}"]
        for block in self.blocks:
            lines += ["blank"] * block.blank_before
            runs = "".join(
                r.text.replace("\n", "⏎") if r.role == TEXT else f"«{r.role}:{r.text.replace(chr(10), '⏎')}»"
                for r in block.runs
            )
            lines.append(f"{block.role} | {runs}")
            lines += [f"  @{a.level} {a.key} | {a.label}" for a in block.anchors]
        return "\n".join(lines) + "\n"


def _runs(text: str, roles: list[str], keep_punctuation: bool) -> list[Run]:
    """Characters with a role each as runs of one role, punctuation typeset over the whole block."""
    if not keep_punctuation:
        text = full_width_punctuation(text)  # one character for one: roles stay aligned
    runs: list[Run] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or roles[index] != roles[start]:
            runs.append(Run(text[start:index], roles[start]))
            start = index
    return runs


def _walked(element: etree._Element, keep: bool, section_level: int = 1) -> tuple[list[Run], list[Anchor]]:
    out = Walk(section_level=section_level)
    inline.walk(element, TEXT, out)
    return _runs(out.joined(), out.roles, keep), out.anchors


def _plain(parts: list[tuple[str, str]], keep: bool) -> list[Run]:
    text = "".join(t for t, _ in parts)
    roles = [role for t, role in parts for _ in t]
    return _runs(text, roles, keep)


def _paragraph(element: etree._Element, keep: bool, section_level: int) -> Block | None:
    runs, anchors = _walked(element, keep, section_level)
    block = Block(BODY, runs, anchors=anchors)
    if not block.text.strip():
        return None
    if runs[0].role == inline.ITEM_LABEL:
        block.role = ITEM
    return block


def _title(root: etree._Element, keep: bool) -> Block | None:
    title = root.find(f"{v.q(v.FRONT)}/{v.q(v.TITLE)}")
    if title is None:
        return None
    runs, _ = _walked(title, keep)
    text = "".join(r.text for r in runs)
    if not text.strip():
        return None  # an empty headline prints nothing, and heads no outline
    return Block(TITLE, runs, anchors=[Anchor(0, "title", title_text(root) or "", 0)])


def _report(root: etree._Element, keep: bool) -> list[Block]:
    blocks = []
    title = _title(root, keep)
    if title:
        blocks.append(title)
    line = source_line(root)
    if line:
        blocks.append(Block(META, _plain([(line, TEXT)], keep)))
    level = 1 if blocks else 0  # statement blocks are outline level 1 under a printed headline
    first = True
    for element in body_paragraphs(root):
        block = _paragraph(element, keep, level)
        if block:
            block.blank_before = 1 if first and blocks else 0
            blocks.append(block)
            first = False
    return blocks


def _minutes(root: etree._Element, keep: bool) -> list[Block]:
    mark = Block(MINUTES_MARK, _plain([(minutes_mark(root), TEXT)], keep))
    mark.anchors.append(Anchor(0, "title", mark.text, 0))
    blocks = [mark]
    for meeting in meetings(root):
        first = True
        for element in meeting.iter(v.q(v.PARAGRAPH)):
            block = _paragraph(element, keep, 1)
            if block:
                block.blank_before = 1 if first else 0
                blocks.append(block)
                first = False
        for number, line in enumerate(attendance_lines(meeting)):
            runs = _plain([(f"{line.label}：", ATTENDANCE_LABEL), (line.text(), TEXT)], keep)
            blocks.append(Block(ATTENDANCE, runs, blank_before=1 if number == 0 else 0))
    return blocks


def build_plan(root: etree._Element, options) -> Plan:
    """The plan of a document for `options.layout`, punctuation typeset unless kept."""
    if options.layout not in LAYOUTS:
        raise ExportError(f"unknown layout {options.layout!r}; choose {' or '.join(LAYOUTS)}")
    keep = options.keep_punctuation
    blocks = _minutes(root, keep) if options.layout == "minutes" else _report(root, keep)
    heading = blocks[0].text.replace("\n", " ").strip() if blocks else ""
    return Plan(options.layout, blocks, properties(root, heading))
