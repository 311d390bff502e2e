"""GB/T 9704-2012 page layout: the numbers every page format shares.

Lengths are in millimetres or points as the standard states them; converters to each format's
units are at the bottom. Face names are defaults that options may override.
"""

from __future__ import annotations

from dataclasses import dataclass

MM_PER_INCH = 25.4
PT_PER_INCH = 72.0
TWIPS_PER_PT = 20

# Page (A4) and white space around the type block (版心 156 × 225 mm).
PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
MARGIN_TOP_MM = 37.0
MARGIN_LEFT_MM = 28.0
MARGIN_RIGHT_MM = 26.0
MARGIN_BOTTOM_MM = 35.0
TYPE_BLOCK_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM  # 156
TYPE_BLOCK_HEIGHT_MM = PAGE_HEIGHT_MM - MARGIN_TOP_MM - MARGIN_BOTTOM_MM  # 225

# The grid: 22 lines of 28 characters fill the type block.
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
# Page number: its top edge 7 mm under the type block.
PAGE_NUMBER_GAP_MM = 7.0
# 纪要标志: its top edge 35 mm under the top of the type block.
MINUTES_MARK_OFFSET_MM = 35.0

# 字号 → points.
SIZE_PT = {
    "初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18,
    "三号": 16, "小三": 15, "四号": 14, "小四": 12, "五号": 10.5, "小五": 9,
}

RED = (0xE6, 0x00, 0x12)  # the red of 发文机关标志 and 纪要标志 as offices print it
BLACK = (0, 0, 0)


def mm_to_pt(mm: float) -> float:
    return mm / MM_PER_INCH * PT_PER_INCH


def mm_to_twips(mm: float) -> int:
    return round(mm_to_pt(mm) * TWIPS_PER_PT)


LINE_PITCH_PT = mm_to_pt(TYPE_BLOCK_HEIGHT_MM) / LINES_PER_PAGE  # 28.99 pt
CHAR_PITCH_PT = mm_to_pt(TYPE_BLOCK_WIDTH_MM) / CHARS_PER_LINE  # 15.79 pt
# The top of a CJK face's em box above the baseline, as a fraction of the type size (the
# ideographic em box of Noto CJK and the 方正/中易 faces: 880 of 1000 units). The page formats place
# baselines with it so that a line's em box sits centred on its grid line; `check` reads it back.
EM_ASCENT = 0.88


@dataclass(frozen=True)
class Role:
    """How one kind of text is set: face (by role), size, and the Latin face beside it."""

    font_role: str  # title | body | heading | kai | number
    size_pt: float
    bold: bool = False


# Font roles and their default faces. A DOCX names the face; the PDF exporter resolves a file.
DEFAULT_FACES = {
    "title": "方正小标宋简体",
    "body": "仿宋_GB2312",
    "heading": "黑体",
    "kai": "楷体_GB2312",
    "number": "宋体",  # page numbers: 4号 半角宋体
}
# The usual alternative when the first face is missing (offices without the GB2312 fonts).
FALLBACK_FACES = {"body": "仿宋", "kai": "楷体", "title": "小标宋", "heading": "SimHei", "number": "SimSun"}
LATIN_FACE = "Times New Roman"

TITLE = Role("title", SIZE_PT["二号"])
BODY = Role("body", SIZE_PT["三号"])
HEADING_1 = Role("heading", SIZE_PT["三号"])  # "一、" headings and the 出席/列席/请假 labels
HEADING_2 = Role("kai", SIZE_PT["三号"])  # "（一）" headings
META_LINE = Role("body", SIZE_PT["三号"])  # source and date line under the title
MINUTES_MARK = Role("title", SIZE_PT["小初"])
PAGE_NUMBER = Role("number", SIZE_PT["四号"])

FIRST_LINE_INDENT_CHARS = 2
MINUTES_LABELS = (("出席", "出席"), ("列席", "列席"), ("请假", "请假"))
# Who goes on which line of a 纪要: anyone who took part in the meeting is 出席 (a chair, a
# speaker, whoever relayed or reported was there), 列席 and 请假 as the text says.
MINUTES_ACTIONS = {
    "出席": ("出席", "参加", "主持", "传达", "讲话", "作报告", "汇报", "通报", "发言", "领学", "宣读",
             "介绍", "点评", "总结", "说明", "解读", "部署", "布置", "培训", "就座", "上党课"),
    "列席": ("列席",),
    "请假": ("请假", "缺席"),
}


def page_number_text(number: int) -> str:
    """"— 1 —": an em dash, a space, the Arabic number, a space, an em dash."""
    return f"— {number} —"


# --- Derived numbers the DOCX exporter needs (any format may use them) ---------------------------

PAGE_NUMBER_INDENT_CHARS = 1  # odd pages: one character in from the right; even: from the left
ATTENDANCE_INDENT_CHARS = FIRST_LINE_INDENT_CHARS  # 出席/列席/请假 lines start 2 characters in
# Type too large for one grid line (the 纪要标志) is set on its own, wider leading.
LARGE_TYPE_LEADING = 1.25


def line_pitch_twips() -> int:
    """The grid's line pitch, rounded down: rounding up (580) would leave room for 21 lines only."""
    return int(LINE_PITCH_PT * TWIPS_PER_PT)


def line_height_pt(role: Role) -> float:
    """Exact leading for a role: one grid line, unless its type does not fit in one."""
    grid_pt = line_pitch_twips() / TWIPS_PER_PT
    return max(grid_pt, role.size_pt * LARGE_TYPE_LEADING)


def page_number_distance_mm() -> float:
    """Page bottom to the baseline box of the page number: its top sits 7 mm under the type block,
    and its line is exactly as tall as its type."""
    return MARGIN_BOTTOM_MM - PAGE_NUMBER_GAP_MM - PAGE_NUMBER.size_pt / PT_PER_INCH * MM_PER_INCH


# --- Numbers the PDF exporter adds (any format may use them) ------------------------------------

ATTENDANCE_LABEL_CHARS = 3  # "出席：": wrapped names align after the full-width colon
