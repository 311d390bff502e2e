"""What a file shows of its layout, in one format-neutral shape.

Each format's reader (`docx`, `pdf`, and any later one) fills `Measurements` from the file alone;
the rule table (`rules`) judges them. Lengths are millimetres from the page's top-left corner,
type sizes points. A field left `None` was not measurable; `why` says why, by field name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Face:
    """How a kind of text is set: the face as the file names it, its size, a sample of the text."""

    name: str  # "" when the file names no face for these characters
    size_pt: float
    sample: str = ""
    color: Optional[tuple[float, float, float]] = None  # RGB 0..1, None when unknown


@dataclass
class PageNumber:
    page: int  # physical page, from 1
    text: str  # as printed ("— 3 —"); DOCX: the footer's text with the PAGE field as the number
    face: Face
    top_mm: Optional[float]  # top edge of its type, from the top of the page
    align: Optional[str]  # "left", "right" or "center"
    inset_mm: Optional[float]  # from the type block's edge on the side it is aligned to


@dataclass
class Mark:
    """The 纪要标志 (a large title ending in 纪要 that opens a 纪要)."""

    text: str
    face: Face
    top_below_block_mm: Optional[float]  # its top edge under the top of the type block
    centre_offset_mm: Optional[float]  # its centre minus the type block's centre
    how: str = ""  # what "top edge" meant for this format


@dataclass
class Attendance:
    """One 出席/列席/请假 paragraph."""

    label: str
    label_face: Face
    text_face: Optional[Face]
    first_indent_chars: Optional[float]  # where the label starts, from the type block's left edge
    wrap_indent_chars: Optional[float]  # where wrapped lines start; None when it fits one line


@dataclass
class Measurements:
    format: str  # "docx", "pdf", ...
    pages: Optional[int] = None
    page_size_mm: Optional[tuple[float, float]] = None
    margin_top_mm: Optional[float] = None
    margin_left_mm: Optional[float] = None
    block_width_mm: Optional[float] = None
    block_height_mm: Optional[float] = None
    line_pitch_pt: Optional[float] = None
    lines_per_page: Optional[int] = None  # how many lines of the body fit the type block
    most_lines_on_a_page: Optional[int] = None  # PDF: counted; DOCX: not known without layout
    char_pitch_pt: Optional[float] = None
    chars_per_line: Optional[int] = None
    body: Optional[Face] = None
    title: Optional[Face] = None
    mark: Optional[Mark] = None
    page_numbers: Optional[list[PageNumber]] = None
    attendance: list[Attendance] = field(default_factory=list)
    how: dict[str, str] = field(default_factory=dict)  # field → how it was measured
    why: dict[str, str] = field(default_factory=dict)  # field → why it was not measurable

    not_set: dict[str, str] = field(default_factory=dict)  # field → what the file leaves unset

    def unmeasured(self, name: str, reason: str) -> None:
        self.why[name] = reason

    def missing(self, name: str, reason: str) -> None:
        """The file leaves this to the application that opens it: the rule fails."""
        self.not_set[name] = reason


def is_ideograph(char: str) -> bool:
    """CJK unified ideographs (with extension A, compatibility, and the supplementary planes)."""
    code = ord(char) if len(char) == 1 else 0
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF
