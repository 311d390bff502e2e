"""The 纪要's 出席/列席/请假 lines as the PDF prints them: label in 黑体, names in 仿宋.

Who goes on which line is decided in converter/minutes.py, shared with the DOCX exporter.
"""

from __future__ import annotations

from lxml import etree

from ...minutes import attendance_lines as lines_of
from .content import Printed, plain


def attendance_lines(meeting: etree._Element, keep_punctuation: bool) -> list[Printed]:
    printed_lines = []
    for line in lines_of(meeting):
        printed = plain(f"{line.label}：", "heading", keep_punctuation)
        printed.add(line.text(), "body")
        printed_lines.append(printed)
    return printed_lines
