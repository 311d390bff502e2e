"""The print plan: what a notice prints, in order, built once from the tree and the options.

A plan is a list of blocks. A block has a role (title, meta, body, item, attendance …), its runs
(text with a run role: plain text, statement marker, item label, attendance label), the blank
grid lines above it, and the bookmarks that start in it. Roles say what a stretch of text is;
each format maps them to its own look. Punctuation is already typeset in the plan (unless the
options keep it), one character for one, so a run's length never changes.

report:  the headline, a line with source and publication date, the front paragraphs (主送 flush
         left), a blank line, the paragraphs of the meetings and of the back in document order.
minutes: the 纪要标志, the front paragraphs, then per meeting a blank line, its paragraphs, a blank
         line and its 出席/列席/请假 block: the lines the text has, kept whole, then generated
         lines only for what the text does not list.
Both:    nothing but page chrome and page metadata is dropped. "一、" and "（一）" open the
         text's levels (bookmarks); a closing 署名 and 成文日期 are placed as GB/T 9704 7.3.5.2
         says; 抄送/印发 lines are the 版记; the ones that end the document stand at the foot of
         the last page (GB/T 9704 7.4: the last rule on the type block's bottom edge), marked
         `foot` for the renderers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import groupby

from lxml import etree

from .. import vocabulary as v
from ..errors import ExportError
from ..model import body_paragraphs, meetings, title_text
from . import inline
from .inline import ATTENDANCE_LABEL, COPY_TO_LABEL, ISSUE_DATE, LEVEL_1, LEVEL_2, TEXT, Anchor, Walk
from .minutes import attendance_label, attendance_lines, is_traditional, line_of_label, minutes_mark, source_line
from .numbers import CHARS_PER_LINE, MINUTES_MARK as MARK_TYPE, TITLE as TITLE_TYPE, TYPE_BLOCK_WIDTH_MM, mm_to_pt
from .titles import break_title
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
DECK = "deck"  # a line between the headline and the text (引题/副题 of a web page), centred
ADDRESSEE = "addressee"  # 主送机关: flush left
HEADING_1 = "heading-1"  # a paragraph that is a first-level heading ("一、总体要求")
HEADING_2 = "heading-2"  # a second-level one ("（一）压实责任")
SIGNATURE = "signature"  # 发文机关署名 at the end of the text
DATE = "date"  # 成文日期 under it
COLOPHON = "colophon"  # 版记: 抄送 and 印发 lines

_LEVEL_1 = re.compile(r"^[一二三四五六七八九十]{1,3}、")
_LEVEL_2 = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")
_HEADING_MAX = 40  # a longer paragraph opening with 一、 is text with a run-in heading
_ADDRESSEE = re.compile(r"^[^。！？!?]{2,80}[：:]$")
_DATE_LINE = re.compile(r"^[0-9〇零一二三四五六七八九十]{4}年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日$")
_COLOPHON = re.compile(r"^(?:抄送|抄報|抄报)[：:]|印发$|印發$")
_COPY_TO = re.compile(r"^\s*(?:抄送|抄報|抄报)[：:]")
# 印发机关, white space, 印发日期: "市人民政府办公室　　2025年1月20日印发".
_ISSUED = re.compile(r"^\s*\S.*?(\s*)([0-9〇零一二三四五六七八九十]{4}年\S*日印[发發])\s*$")
_SIGNATURE_MAX = 24  # 署名: an organ's name, not a sentence

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
    indent: float | None = None  # grid characters from the left edge (署名, 成文日期), when placed
    keeps: list[tuple[int, int]] = field(default_factory=list)  # [start, end) of text not to split
    # Bottom-anchored: the block stands, with the foot blocks after it, on the last grid lines of
    # the last page (the 版记), its blank lines only the least white above it, not its place.
    foot: bool = False

    def no_break_positions(self) -> frozenset[int]:
        """Offsets a line should not end before: inside a name, a date, a short 《quoted title》."""
        found = {p for start, end in self.keeps for p in range(start + 1, end)}
        text = self.text
        for opening, closing in (("《", "》"), ("“", "”")):
            start = text.find(opening)
            while start != -1:
                end = text.find(closing, start)
                if end == -1:
                    break
                if end - start <= 12:
                    found.update(range(start + 1, end + 1))
                start = text.find(opening, end)
        return frozenset(found)

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
            lines.append(f"{block.role}{' @foot' if block.foot else ''} | {runs}")
            lines += [f"  @{a.level} {a.key} | {a.label}" for a in block.anchors]
        return "\n".join(lines) + "\n"


def _runs(text: str, roles: list[str], keep_punctuation: bool) -> list[Run]:
    """Characters with a role each as runs of one role, punctuation typeset over the whole block."""
    if not keep_punctuation:
        text = full_width_punctuation(text)  # one character for one: roles stay aligned
    runs: list[Run] = []
    start = 0
    for role, members in groupby(roles):  # one step per run, not per character
        end = start + len(list(members))
        runs.append(Run(text[start:end], role))
        start = end
    return runs


def _walked(element: etree._Element, keep: bool, section_level: int = 1) -> tuple[list[Run], list[Anchor], list]:
    out = Walk(section_level=section_level)
    inline.walk(element, TEXT, out)
    return _runs(out.joined(), out.roles, keep), out.anchors, out.keeps


def _plain(parts: list[tuple[str, str]], keep: bool) -> list[Run]:
    text = "".join(t for t, _ in parts)
    roles = [role for t, role in parts for _ in t]
    return _runs(text, roles, keep)


def _em(text: str) -> float:
    """Width in grid characters: ASCII (Times New Roman digits) is about half a character."""
    return sum(0.5 if c.isascii() else 1.0 for c in text)


def _with_lead(block: Block, length: int, role: str) -> None:
    """The first `length` characters of a block, where they are plain text, take `role`."""
    _with_role(block, 0, length, role)


def _with_role(block: Block, start: int, end: int, role: str) -> None:
    """Characters [start, end) of a block, where they are plain text, take `role`."""
    runs, taken = [], 0
    for run in block.runs:
        begin, stop = max(start - taken, 0), min(end - taken, len(run.text))
        if run.role == TEXT and begin < stop:
            pieces = [(run.text[:begin], TEXT), (run.text[begin:stop], role), (run.text[stop:], TEXT)]
            runs += [Run(text, piece_role) for text, piece_role in pieces if text]
        else:
            runs.append(run)
        taken += len(run.text)
    block.runs = runs


class _Builder:
    """Classifies paragraphs into blocks and keeps the outline levels consistent."""

    def __init__(self, keep: bool, base_level: int):
        self.keep = keep
        self.base = base_level
        self.depth = 0  # 1 under a 一、 heading, 2 under a （一） heading
        self.headings = 0

    def paragraph(self, element: etree._Element) -> Block | None:
        runs, anchors, keeps = _walked(element, self.keep, self.base + self.depth)
        block = Block(BODY, runs, anchors=anchors, keeps=keeps)
        text = block.text.strip()
        if not text:
            return None
        label = attendance_label(text)
        if label:
            block.role = ATTENDANCE
            _with_lead(block, block.text.index(label) + len(label), ATTENDANCE_LABEL)
        elif _COLOPHON.search(text):
            block.role = COLOPHON
        elif _LEVEL_1.match(text) or _LEVEL_2.match(text):
            self._heading(block, text, 1 if _LEVEL_1.match(text) else 2)
        elif runs[0].role == inline.ITEM_LABEL:
            block.role = ITEM
        return block

    def _heading(self, block: Block, text: str, level: int) -> None:
        whole = len(text) <= _HEADING_MAX and not re.search(r"[。；;！？]", text[:-1])
        lead = len(text) if whole else text.find("。") + 1
        if not whole and not 0 < lead <= _HEADING_MAX:
            lead = (_LEVEL_1 if level == 1 else _LEVEL_2).match(text).end()
        if whole:
            block.role = HEADING_1 if level == 1 else HEADING_2
        _with_lead(block, lead, LEVEL_1 if level == 1 else LEVEL_2)
        self.headings += 1
        self.depth = level
        outline = self.base + level - 1
        block.anchors = [Anchor(0, f"heading-{self.headings}", text[:lead].strip(), outline)] + [
            Anchor(a.offset, a.key, a.label, outline + 1) for a in block.anchors
        ]


def _front(root: etree._Element, builder: _Builder) -> list[Block]:
    """Paragraphs between the headline and the text: 主送 flush left, a deck line centred."""
    found = []
    for element in root.find(v.q(v.FRONT)).findall(v.q(v.PARAGRAPH)):
        block = builder.paragraph(element)
        if block is None:
            continue
        if block.role == BODY:
            block.role = ADDRESSEE if _ADDRESSEE.match(block.text.strip()) else DECK
        if block.role == ADDRESSEE:
            block.blank_before = 1  # GB/T 9704 7.3.3: one blank line under the title
        found.append(block)
    return found


def _closing(blocks: list[Block]) -> None:
    """A text that ends with its 署名 and 成文日期 (before any 版记): placed per GB/T 9704 7.3.5.2,
    the 署名 one blank line under the text and two characters in from the right, the date under
    it starting two characters further right (the 署名 moving left when the date is longer)."""
    end = len(blocks)
    while end and blocks[end - 1].role == COLOPHON:
        end -= 1
    if end and blocks[end - 1].role == COLOPHON:
        return
    if not end or not _DATE_LINE.match(blocks[end - 1].text.strip()):
        return
    date = blocks[end - 1]
    date.role = DATE
    right = CHARS_PER_LINE - 2
    date_width = _em(date.text.strip())
    signature = blocks[end - 2] if end >= 2 else None
    if signature and signature.role == BODY and len(signature.text.strip()) <= _SIGNATURE_MAX \
            and not re.search(r"[，。、；：,.;:！？]", signature.text):
        signature.role = SIGNATURE
        width = _em(signature.text.strip())
        start = right - width if width >= date_width + 2 else right - date_width - 2
        signature.indent, signature.blank_before = start, max(signature.blank_before, 1)
        date.indent = start + 2
    else:
        date.indent, date.blank_before = right - date_width, max(date.blank_before, 1)
    for block in (signature, date):
        if block is not None and block.indent is not None:
            block.runs = _strip_runs(block.runs)


def _strip_runs(runs: list[Run]) -> list[Run]:
    """Runs less the white space around the whole (a placed line is positioned, not padded)."""
    text = "".join(r.text for r in runs)
    lead, tail = len(text) - len(text.lstrip()), len(text.rstrip())
    found, start = [], 0
    for run in runs:
        begin, stop = max(lead - start, 0), min(tail - start, len(run.text))
        if begin < stop:
            found.append(Run(run.text[begin:stop], run.role))
        start += len(run.text)
    return found


def _colophon(blocks: list[Block]) -> None:
    """The 版记 stands apart from the text: one blank line above its first line. The 版记 lines
    that end the document are its last element, at the foot of the last page (GB/T 9704 7.4);
    a 抄送 line amid the text stays where it is. A 抄送 line's label and a 印发 line's date get
    roles of their own (the renderers align by them)."""
    for number, block in enumerate(blocks):
        if block.role == COLOPHON and (number == 0 or blocks[number - 1].role != COLOPHON):
            block.blank_before = max(block.blank_before, 1)
    for block in reversed(blocks):
        if block.role != COLOPHON:
            break
        block.foot = True
    for block in blocks:
        if block.role != COLOPHON:
            continue
        text = block.text
        copy_to, issued = _COPY_TO.match(text), _ISSUED.match(text)
        if copy_to:  # 7.4.2: wrapped lines align with the first character after the colon
            _with_lead(block, copy_to.end(), COPY_TO_LABEL)
        elif issued:  # 7.4.3: 印发机关 one character in from the left, 印发日期 from the right
            _with_role(block, issued.start(2), issued.end(2), ISSUE_DATE)


def _per_line(size_pt: float) -> float:
    """How many ems of a type size one line of the type block holds."""
    return mm_to_pt(TYPE_BLOCK_WIDTH_MM) / size_pt


def _broken(text: str, size_pt: float) -> str:
    """A title's text with its lines broken between words (each line of a split headline on
    its own); a piece no word break can fit is left to the renderer's character breaking."""
    pieces = []
    for piece in text.split("\n"):
        piece = piece.strip()
        pieces.append(break_title(piece, _per_line(size_pt)) or piece)
    return "\n".join(p for p in pieces if p)


def _title(root: etree._Element, keep: bool) -> Block | None:
    title = root.find(f"{v.q(v.FRONT)}/{v.q(v.TITLE)}")
    if title is None:
        return None
    runs, _, _ = _walked(title, keep)
    text = "".join(r.text for r in runs).strip()
    if not text:
        return None  # an empty headline prints nothing, and heads no outline
    return Block(TITLE, [Run(_broken(text, TITLE_TYPE.size_pt))],
                 anchors=[Anchor(0, "title", title_text(root) or "", 0)])


def _back(root: etree._Element, builder: _Builder) -> list[Block]:
    return [b for b in map(builder.paragraph, root.find(v.q(v.BACK)).findall(v.q(v.PARAGRAPH))) if b]


def _report(root: etree._Element, keep: bool) -> list[Block]:
    blocks = []
    title = _title(root, keep)
    if title:
        blocks.append(title)
    line = source_line(root)
    if line:
        blocks.append(Block(META, _plain([(line, TEXT)], keep)))
    builder = _Builder(keep, 1 if blocks else 0)  # levels below a printed headline start at 1
    blocks += _front(root, builder)
    text = [b for b in map(builder.paragraph, body_paragraphs(root)) if b] + _back(root, builder)
    if text and blocks and blocks[-1].role != ADDRESSEE:  # the text follows 主送 directly
        text[0].blank_before = max(text[0].blank_before, 1)
    _closing(text)
    _colophon(text)
    return blocks + text


def _minutes(root: etree._Element, keep: bool) -> list[Block]:
    traditional = is_traditional(root)
    text = "".join(r.text for r in _plain([(minutes_mark(root), TEXT)], keep))
    mark = Block(MINUTES_MARK, [Run(_broken(text, MARK_TYPE.size_pt))])
    mark.anchors.append(Anchor(0, "title", text, 0))
    blocks = [mark]
    builder = _Builder(keep, 1)
    blocks += _front(root, builder)
    text: list[Block] = []
    for meeting in meetings(root):
        paragraphs = [b for b in map(builder.paragraph, meeting.iter(v.q(v.PARAGRAPH))) if b]
        listed = [b for b in paragraphs if b.role == ATTENDANCE]
        paragraphs = [b for b in paragraphs if b.role != ATTENDANCE]
        if paragraphs and blocks[-1].role != ADDRESSEE:
            paragraphs[0].blank_before = 1
        by_line = {line_of_label(b.runs[0].text.strip()): b.text for b in listed}
        for line in attendance_lines(meeting, by_line, traditional):
            label = f"{line.label}："
            runs = _plain([(label, ATTENDANCE_LABEL), (line.text(), TEXT)], keep)
            keeps = [(start + len(label), end + len(label)) for start, end in line.keeps()]
            listed.append(Block(ATTENDANCE, runs, keeps=keeps))
        if listed:
            listed[0].blank_before = 1
        # A 版记 line the meeting's text ends with (a 抄送 line ending in 。 is read as its paragraph)
        # stays with the 版记 after the attendance block, never split from it.
        colophon: list[Block] = []
        while paragraphs and paragraphs[-1].role == COLOPHON:
            colophon.insert(0, paragraphs.pop())
        text += paragraphs + listed + colophon
    text += _back(root, builder)
    _closing(text)
    _colophon(text)
    return blocks + text


def build_plan(root: etree._Element, options) -> Plan:
    """The plan of a document for `options.layout`, punctuation typeset unless kept."""
    if options.layout not in LAYOUTS:
        raise ExportError(f"unknown layout {options.layout!r}; choose {' or '.join(LAYOUTS)}")
    keep = options.keep_punctuation
    blocks = _minutes(root, keep) if options.layout == "minutes" else _report(root, keep)
    heading = blocks[0].text.replace("\n", " ").strip() if blocks else ""
    return Plan(options.layout, blocks, properties(root, heading))
