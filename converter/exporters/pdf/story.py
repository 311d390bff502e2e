"""The two layouts as a list of grid-line blocks, read from the tree.

report: the headline, a source/date line, a blank line, the body paragraphs.
minutes: the red 纪要标志 35 mm under the top of the type block, the body, a blank line, then
the 出席/列席/请假 lines with their names hanging after the colon. Front and back chrome is
never printed. Every line sits on the 22-line grid of GB/T 9704.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from lxml import etree

from ... import layout
from ... import vocabulary as v
from ...model import body_paragraphs, meetings, title_text
from ...minutes import minutes_mark, source_line as meta_line
from .attendance import attendance_lines
from .content import Printed, Roles, plain, printed
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
# Stroke width, in em, that gives a regular Song about the colour of 小标宋.
EMBOLDEN_EM = 0.03


def _lines(content: Printed, fonts: FontSet, style: Style, space_before: int = 0) -> GridLines:
    setter = partial(set_paragraph, content.text, content.roles, content.anchors, fonts, style)
    return GridLines(setter, style, PITCH, space_before=space_before)


def _heavy(style: Style, fonts: FontSet) -> Style:
    """The style, emboldened when the title's face is a regular one standing in for 小标宋."""
    if not fonts.choices["title"].synthetic_bold:
        return style
    return replace(style, embolden=style.size * EMBOLDEN_EM)


def _title(root: etree._Element, fonts: FontSet, keep: bool) -> list[GridLines]:
    title = root.find(f"{v.q(v.FRONT)}/{v.q(v.TITLE)}")
    if title is None:
        return []
    content = printed(title, Roles(text="title"), keep)
    lead = len(content.text) - len(content.text.lstrip())
    content.text = content.text.strip()
    content.roles = content.roles[lead:lead + len(content.text)]
    if not content.text:
        return []  # an empty headline prints nothing, and heads no outline
    content.anchors.append(Anchor(0, "title", title_text(root) or "", 0))
    style = _heavy(TITLE_STYLE, fonts)
    setter = partial(balanced_lines, content.text, content.roles, content.anchors, fonts, style)
    return [GridLines(setter, style, PITCH)]


def balanced_lines(text: str, roles: list[str], anchors: list[Anchor], fonts: FontSet, style: Style,
                   width: float) -> list[Line]:
    """A title of several lines set as evenly as it goes (GB/T 9704: a trapezoid, upper line
    longer): the narrowest measure that needs no extra line, the lines centred on the page."""
    lines = set_paragraph(text, roles, anchors, fonts, style, width)
    if len(lines) < 2:
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


def _paragraphs(paragraphs, fonts: FontSet, roles: Roles, keep: bool, space_before: int) -> list[GridLines]:
    found = []
    for paragraph in paragraphs:
        content = printed(paragraph, roles, keep)
        if content.text.strip():
            found.append(_lines(content, fonts, BODY_STYLE, space_before if not found else 0))
    return found


def report_story(root: etree._Element, fonts: FontSet, keep: bool) -> list:
    story = _title(root, fonts, keep)
    line = meta_line(root)
    if line:
        story.append(_lines(plain(line, "body", keep), fonts, META_STYLE))
    roles = Roles(block_level=1 if story else 0)
    return story + _paragraphs(body_paragraphs(root), fonts, roles, keep, space_before=1 if story else 0)


def minutes_story(root: etree._Element, fonts: FontSet, keep: bool) -> list:
    """The mark, then per meeting its paragraphs and, after a blank line, its attendance lines."""
    mark = plain(minutes_mark(root), "title", keep)
    mark.anchors.append(Anchor(0, "title", mark.text, 0))
    story: list = [minutes_mark_flowable(mark, fonts)]
    hanging = Style(layout.BODY.size_pt, tracking=CHAR - layout.BODY.size_pt,
                    first_indent=layout.ATTENDANCE_INDENT_CHARS * CHAR,
                    rest_indent=(layout.ATTENDANCE_INDENT_CHARS + layout.ATTENDANCE_LABEL_CHARS) * CHAR)
    roles = Roles(marker="heading", label="kai")
    for meeting in meetings(root):
        story += _paragraphs(meeting.iter(v.q(v.PARAGRAPH)), fonts, roles, keep, space_before=1)
        for number, content in enumerate(attendance_lines(meeting, keep)):
            story.append(_lines(content, fonts, hanging, space_before=1 if number == 0 else 0))
    return story


def minutes_mark_flowable(mark: Printed, fonts: FontSet) -> GridLines:
    """The 纪要标志: 小初 red, centred, its top 35 mm under the type block's top; what follows
    starts on the next grid line."""
    size = layout.MINUTES_MARK.size_pt
    style = _heavy(Style(size, align="centre", colour=layout.RED), fonts)
    pitch = layout.line_height_pt(layout.MINUTES_MARK)  # as the DOCX sets it: 1.25 × its size
    lead = layout.mm_to_pt(layout.MINUTES_MARK_OFFSET_MM) - (pitch - size) / 2
    return GridLines(partial(balanced_lines, mark.text, mark.roles, mark.anchors, fonts, style),
                     style, pitch, lead=lead, snap=PITCH)
