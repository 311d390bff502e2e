"""The print plan as grid-line blocks: each block role mapped to a PDF style, each run role to a
font role.

What prints, in which order, with which blank lines and bookmarks, is the plan's
(converter.layout.plan). Every line sits on the 22-line grid of GB/T 9704; the 纪要标志 stands
35 mm under the top of the type block.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from .. import layout
from ..layout import plan as p
from ..layout.inline import ATTENDANCE_LABEL, ITEM_LABEL, LEVEL_1, LEVEL_2, MARKER, TEXT
from .gridlines import GridLines
from .fontset import FontSet
from .setting import Anchor, Line, Style, set_paragraph

PITCH = layout.LINE_PITCH_PT
CHAR = layout.CHAR_PITCH_PT
# On the grid, a character of 3号 type advances by the grid's pitch, not by its own em.
BODY_STYLE = Style(layout.BODY.size_pt, tracking=CHAR - layout.BODY.size_pt,
                   first_indent=layout.FIRST_LINE_INDENT_CHARS * CHAR)
TITLE_STYLE = Style(layout.TITLE.size_pt, align="centre")
META_STYLE = Style(layout.META_LINE.size_pt, tracking=CHAR - layout.META_LINE.size_pt, align="centre")
HANGING_STYLE = Style(layout.BODY.size_pt, tracking=CHAR - layout.BODY.size_pt,
                      first_indent=layout.ATTENDANCE_INDENT_CHARS * CHAR,
                      rest_indent=(layout.ATTENDANCE_INDENT_CHARS + layout.ATTENDANCE_LABEL_CHARS) * CHAR)
THICK_RULE, THIN_RULE = layout.mm_to_pt(0.35), layout.mm_to_pt(0.25)  # 版记 rules, GB/T 9704 7.4.1
# Stroke width, in em, that gives a regular Song about the colour of 小标宋.
EMBOLDEN_EM = 0.03

# Run role → font role, per layout: a 纪要 sets its statement markers in 黑体, item labels in 楷体.
_LEVELS = {LEVEL_1: "heading", LEVEL_2: "kai", ATTENDANCE_LABEL: "heading"}
_FONT_ROLES = {
    "report": {TEXT: "body", MARKER: "body", ITEM_LABEL: "body", **_LEVELS},
    "minutes": {TEXT: "body", MARKER: "heading", ITEM_LABEL: "kai", **_LEVELS},
}
FLUSH_STYLE = Style(layout.BODY.size_pt, tracking=CHAR - layout.BODY.size_pt)
_COLOPHON_SIZE = layout.SIZE_PT["四号"]
COLOPHON_STYLE = Style(_COLOPHON_SIZE, first_indent=_COLOPHON_SIZE, rest_indent=_COLOPHON_SIZE, align="left")
_BLOCK_STYLES = {p.BODY: BODY_STYLE, p.ITEM: BODY_STYLE, p.META: META_STYLE, p.ATTENDANCE: HANGING_STYLE,
                 p.DECK: META_STYLE, p.ADDRESSEE: FLUSH_STYLE, p.HEADING_1: BODY_STYLE, p.HEADING_2: BODY_STYLE,
                 p.SIGNATURE: FLUSH_STYLE, p.DATE: FLUSH_STYLE, p.COLOPHON: COLOPHON_STYLE}


def _heavy(style: Style, fonts: FontSet) -> Style:
    """The style, emboldened when the title's face is a regular one standing in for 小标宋."""
    if not fonts.choices["title"].synthetic_bold:
        return style
    return replace(style, embolden=style.size * EMBOLDEN_EM)


def balanced_lines(text: str, roles: list[str], anchors: list[Anchor], fonts: FontSet, style: Style,
                   width: float) -> list[Line]:
    """A title of several lines set as evenly as it goes (GB/T 9704: a trapezoid, upper line
    longer): the narrowest measure that needs no extra line, the lines centred on the page.
    Lines the plan already broke (between words) are set as they are."""
    lines = set_paragraph(text, roles, anchors, fonts, style, width)
    if len(lines) < 2 or "\n" in text:
        return lines
    measure = sum(line.width for line in lines) / len(lines)
    while measure < width:
        attempt = set_paragraph(text, roles, anchors, fonts, style, measure)
        if len(attempt) == len(lines):
            for line in attempt:
                line.x += (width - measure) / 2
            return attempt
        measure += style.size / 2
    return lines


def _characters(block: p.Block, font_roles: dict[str, str]) -> tuple[str, list[str]]:
    roles = [font_roles[run.role] for run in block.runs for _ in run.text]
    return block.text, roles


def _title(block: p.Block, fonts: FontSet) -> GridLines:
    text = block.text
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    style = _heavy(TITLE_STYLE, fonts)
    setter = partial(balanced_lines, text, ["title"] * len(text),
                     [replace(a, offset=max(0, a.offset - lead)) for a in block.anchors], fonts, style)
    return GridLines(setter, style, PITCH, space_before=block.blank_before)


def _minutes_mark(block: p.Block, fonts: FontSet) -> GridLines:
    """小初 red, centred, its top 35 mm under the type block's top; what follows starts on the
    next grid line."""
    size = layout.MINUTES_MARK.size_pt
    style = _heavy(Style(size, align="centre", colour=layout.RED), fonts)
    pitch = layout.line_height_pt(layout.MINUTES_MARK)  # as the DOCX sets it: 1.25 × its size
    lead = layout.mm_to_pt(layout.MINUTES_MARK_OFFSET_MM) - (pitch - size) / 2
    text = block.text
    return GridLines(partial(balanced_lines, text, ["title"] * len(text), block.anchors, fonts, style),
                     style, pitch, lead=lead, snap=PITCH)


def story(plan: p.Plan, fonts: FontSet) -> list[GridLines]:
    font_roles = _FONT_ROLES[plan.layout]
    found = []
    for number, block in enumerate(plan.blocks):
        if block.role == p.TITLE:
            found.append(_title(block, fonts))
        elif block.role == p.MINUTES_MARK:
            found.append(_minutes_mark(block, fonts))
        else:
            text, roles = _characters(block, font_roles)
            style = _BLOCK_STYLES[block.role]
            if block.indent is not None:  # a placed line (署名, 成文日期)
                style = replace(style, first_indent=block.indent * CHAR, rest_indent=block.indent * CHAR,
                                align="left")
            setter = partial(set_paragraph, text, roles, block.anchors, fonts, style,
                             keeps=block.no_break_positions())
            found.append(GridLines(setter, style, PITCH, space_before=block.blank_before,
                                   rules=_colophon_rules(plan.blocks, number)))
    return found


def _colophon_rules(blocks: list[p.Block], number: int) -> tuple[float, float]:
    """GB/T 9704 7.4.1: the 版记 between a thick rule above its first line and one below its
    last, thin rules between its lines; the rules as wide as the type block."""
    if blocks[number].role != p.COLOPHON:
        return (0.0, 0.0)
    first = number == 0 or blocks[number - 1].role != p.COLOPHON
    last = number + 1 == len(blocks) or blocks[number + 1].role != p.COLOPHON
    return (THICK_RULE if first else 0.0, THICK_RULE if last else THIN_RULE)
