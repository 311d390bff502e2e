"""word/styles.xml: real Word styles for every role the layouts print.

Built-in names (Title, Subtitle, Body Text, List Paragraph, heading 1/2, footer) keep Word's
navigation pane and style gallery working; our own roles (statement markers, item labels, the
出席/列席/请假 lines) get styles of their own, so a user restyles all of them at once.
"""

from __future__ import annotations

import math

from lxml import etree

from ... import layout
from .faces import Faces
from .wordml import element, indent, paragraph_properties, run_properties, twips

# Style ids the content refers to.
NORMAL = "Normal"
TITLE = "Title"
SUBTITLE = "Subtitle"
BODY = "BodyText"
LIST_ITEM = "ListParagraph"
HEADING_1 = "Heading1"
HEADING_2 = "Heading2"
ATTENDANCE = "Attendance"
FOOTER = "Footer"
DEFAULT_FONT = "DefaultParagraphFont"
MARKER = "StatementMarker"
ITEM_LABEL = "ItemLabel"
ATTENDANCE_LABEL = "AttendanceLabel"
SALUTATION = "Salutation"  # 主送: flush left
SIGNATURE = "Signature"  # 署名 and 成文日期, each placed by its own indent
COLOPHON = "Colophon"  # 版记 lines: 4号, one character in from either side, in a table
COPY_TO = "ColophonCopyTo"  # the 抄送 line: wrapped lines align after "抄送："
LEVEL_1_LEAD = "Level1Lead"  # "一、…" run into a paragraph: 黑体
LEVEL_2_LEAD = "Level2Lead"  # "（一）…": 楷体

ONE_LINE = {"lines": 100, "twips": layout.line_pitch_twips()}  # one blank grid line
# 3号 type is 16 pt, the grid's character pitch 15.79 pt: each character gives up the difference,
# rounded down to whole twips (-0.25 pt) so that 28 characters fit the 156 mm line.
CONDENSE_TWIPS = math.floor((layout.CHAR_PITCH_PT - layout.BODY.size_pt) * layout.TWIPS_PER_PT)
ATTENDANCE_LABEL_CHARS = 3  # "出席：" — wrapped names align after the full-width colon
COPY_TO_LABEL_CHARS = 3  # "抄送：", in 4号 characters


def _style(root, kind, style_id, name, based_on=None, next_style=None, **flags) -> etree._Element:
    attributes = {"type": kind, "styleId": style_id}
    if flags.get("default"):
        attributes["default"] = 1
    if flags.get("custom"):
        attributes["customStyle"] = 1
    style = element("style", root, **attributes)
    element("name", style, val=name)
    if based_on:
        element("basedOn", style, val=based_on)
    if next_style:
        element("next", style, val=next_style)
    element("qFormat", style)
    return style


def _role_run(style, faces: Faces, role: layout.Role, color=None, latin=layout.LATIN_FACE):
    run_properties(
        style, east_asian=faces.of(role.font_role), latin=latin, bold=role.bold,
        color=color, size_pt=role.size_pt,
    )


def _defaults(root, faces: Faces) -> None:
    defaults = element("docDefaults", root)
    rpr = run_properties(
        element("rPrDefault", defaults), east_asian=faces.body, size_pt=layout.BODY.size_pt,
        condense_twips=CONDENSE_TWIPS,
    )
    element("lang", rpr, val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    ppr = paragraph_properties(element("pPrDefault", defaults), leading_pt=layout.line_height_pt(layout.BODY), jc="both")
    # Widow control would push lines to the next page and leave grid lines empty.
    ppr.insert(0, element("widowControl", ppr, val="0"))
    # Full-width punctuation stays inside the measure (no comma hanging into the margin), and no
    # extra space is put between Chinese and digits or Latin ("10 月 24 日"): the grid counts
    # every character as one, and GB/T 9704 sets 10月24日 tight.
    for position, name in enumerate(("overflowPunct", "autoSpaceDE", "autoSpaceDN"), start=1):
        ppr.insert(position, element(name, ppr, val="0"))


def _title(root, faces: Faces, minutes: bool) -> None:
    """The headline (report) or the red 纪要标志 35 mm under the top of the type block (minutes)."""
    style = _style(root, "paragraph", TITLE, "Title", NORMAL, BODY)
    role = layout.MINUTES_MARK if minutes else layout.TITLE
    spacing = {"after": ONE_LINE["twips"], "afterLines": ONE_LINE["lines"]} if minutes else None
    if minutes:
        spacing["before"] = layout.mm_to_twips(layout.MINUTES_MARK_OFFSET_MM)
    # Off the character grid: LibreOffice gives a 二号 line snapped to a line grid two grid lines
    # (20 mm between the lines of a two-line title); the exact leading keeps it on the grid.
    paragraph_properties(style, leading_pt=layout.line_height_pt(role), spacing=spacing, jc="center", outline=0,
                         snap_to_grid=False)
    _role_run(style, faces, role, color=layout.RED if minutes else None)


def _paragraph_styles(root, faces: Faces) -> None:
    style = _style(root, "paragraph", SUBTITLE, "Subtitle", NORMAL, BODY)
    spacing = {"after": ONE_LINE["twips"], "afterLines": ONE_LINE["lines"]}
    paragraph_properties(style, spacing=spacing, jc="center")
    _role_run(style, faces, layout.META_LINE)

    first_line = indent(first_line=layout.FIRST_LINE_INDENT_CHARS)
    paragraph_properties(_style(root, "paragraph", BODY, "Body Text", NORMAL), ind=first_line)
    # Items keep the numbering text they were written with: no w:numPr, ever.
    _style(root, "paragraph", LIST_ITEM, "List Paragraph", BODY)
    for style_id, name, role, level in (
        (HEADING_1, "heading 1", layout.HEADING_1, 1),
        (HEADING_2, "heading 2", layout.HEADING_2, 2),
    ):
        style = _style(root, "paragraph", style_id, name, NORMAL, BODY)
        paragraph_properties(style, ind=first_line, outline=level)
        _role_run(style, faces, role)

    paragraph_properties(_style(root, "paragraph", SALUTATION, "Salutation", NORMAL, BODY), jc="left")
    paragraph_properties(_style(root, "paragraph", SIGNATURE, "Signature", NORMAL, BODY), jc="left")
    colophon = _style(root, "paragraph", COLOPHON, "Colophon", NORMAL, custom=True)
    one = twips(layout.SIZE_PT["四号"])
    # The rules (GB/T 9704 7.4.1) are the borders of the table the lines stand in (colophon.py):
    # paragraph borders would stop at these indents, the standard's rules span the type block.
    ppr = paragraph_properties(colophon, ind={"left": one, "right": one}, jc="left")
    # The 印发 line: 印发机关, a tab, 印发日期 flush right at the right indent (GB/T 9704 7.4.3).
    # Tab stops count from the margin, so the table's cell margins being 0 keeps them true.
    tabs = element("tabs")
    element("tab", tabs, val="right", pos=layout.mm_to_twips(layout.TYPE_BLOCK_WIDTH_MM) - one)
    ppr.insert(0, tabs)  # schema order: tabs before spacing and ind
    run_properties(colophon, east_asian=faces.body, size_pt=layout.SIZE_PT["四号"])
    copy_to = _style(root, "paragraph", COPY_TO, "Colophon Copy To", COLOPHON, custom=True)
    # GB/T 9704 7.4.2: wrapped 抄送 lines align with the first character after the colon.
    label = one * COPY_TO_LABEL_CHARS
    paragraph_properties(copy_to, ind={"left": one + label, "hanging": label, "right": one})

    style = _style(root, "paragraph", ATTENDANCE, "Attendance", NORMAL, custom=True)
    hanging = indent(
        left=layout.ATTENDANCE_INDENT_CHARS + ATTENDANCE_LABEL_CHARS, hanging=ATTENDANCE_LABEL_CHARS
    )
    paragraph_properties(style, ind=hanging)


def _footer_style(root, faces: Faces) -> None:
    style = _style(root, "paragraph", FOOTER, "footer", NORMAL)
    role = layout.PAGE_NUMBER
    # Off the body grid, one line exactly as tall as the type: the footer distance counts on it.
    paragraph_properties(style, leading_pt=role.size_pt, snap_to_grid=False)
    _role_run(style, faces, role, latin=faces.of(role.font_role))  # 半角宋体 digits


def _character_styles(root, faces: Faces, minutes: bool) -> None:
    _style(root, "character", DEFAULT_FONT, "Default Paragraph Font", default=True)
    marker = _style(root, "character", MARKER, "Statement Marker", DEFAULT_FONT, custom=True)
    label = _style(root, "character", ITEM_LABEL, "Item Label", DEFAULT_FONT, custom=True)
    if minutes:
        # 纪要 practice: each statement block (会议认为 …) stands out in 黑体, its items in 楷体.
        run_properties(marker, east_asian=faces.of(layout.HEADING_1.font_role))
        run_properties(label, east_asian=faces.of(layout.HEADING_2.font_role))
    lead = _style(root, "character", LEVEL_1_LEAD, "Level 1 Lead", DEFAULT_FONT, custom=True)
    run_properties(lead, east_asian=faces.of(layout.HEADING_1.font_role))
    lead = _style(root, "character", LEVEL_2_LEAD, "Level 2 Lead", DEFAULT_FONT, custom=True)
    run_properties(lead, east_asian=faces.of(layout.HEADING_2.font_role))
    attendance = _style(root, "character", ATTENDANCE_LABEL, "Attendance Label", DEFAULT_FONT, custom=True)
    run_properties(attendance, east_asian=faces.of(layout.HEADING_1.font_role))


def styles_xml(faces: Faces, minutes: bool) -> etree._Element:
    root = element("styles")
    _defaults(root, faces)
    _style(root, "paragraph", NORMAL, "Normal", default=True)
    _title(root, faces, minutes)
    _paragraph_styles(root, faces)
    _footer_style(root, faces)
    _character_styles(root, faces, minutes)
    return root

