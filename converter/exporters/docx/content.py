"""What each layout prints, as styled paragraphs: read from the tree, never from text.

report:  the headline (Title), a line with source and publication date (Subtitle), then every
         paragraph of the meetings in document order (Body Text; List Paragraph when it opens
         with an enumerated item).
minutes: the red 纪要标志 (Title), then per meeting its paragraphs and its 出席/列席/请假 lines.
Front and back matter other than the headline (chrome, page metadata, deck lines, trailing
site names) is not printed in either layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ... import vocabulary as v
from ...minutes import attendance_lines, minutes_mark, source_line
from ...model import body_paragraphs, meetings, text_of
from ...vocabulary import q
from . import styles
from .runs import Run, runs_of, typeset

@dataclass
class Paragraph:
    style: str
    runs: list[Run]
    blank_line_before: bool = False  # GB/T 9704: one empty grid line before the 出席 block


def _body(paragraph: etree._Element, keep_punctuation: bool) -> Paragraph | None:
    runs = runs_of(paragraph, keep_punctuation)
    if not "".join(r.text for r in runs).strip():
        return None
    opens_with_item = runs[0].style == styles.ITEM_LABEL
    return Paragraph(styles.LIST_ITEM if opens_with_item else styles.BODY, runs)


def report(root: etree._Element, keep_punctuation: bool) -> list[Paragraph]:
    found = []
    title = root.find(f"{q(v.FRONT)}/{q(v.TITLE)}")
    if title is not None and text_of(title).strip():
        found.append(Paragraph(styles.TITLE, runs_of(title, keep_punctuation)))
    line = source_line(root)
    if line:
        found.append(Paragraph(styles.SUBTITLE, typeset([Run(line)], keep_punctuation)))
    found += [p for p in (_body(e, keep_punctuation) for e in body_paragraphs(root)) if p]
    return found


def minutes(root: etree._Element, keep_punctuation: bool) -> list[Paragraph]:
    found = [Paragraph(styles.TITLE, typeset([Run(minutes_mark(root))], keep_punctuation))]
    for meeting in meetings(root):
        paragraphs = (_body(e, keep_punctuation) for e in meeting.iter(q(v.PARAGRAPH)))
        found += [p for p in paragraphs if p]
        for number, line in enumerate(attendance_lines(meeting)):
            runs = [Run(f"{line.label}：", styles.ATTENDANCE_LABEL), Run(line.text())]
            found.append(Paragraph(styles.ATTENDANCE, typeset(runs, keep_punctuation), number == 0))
    return found


LAYOUTS = {"report": report, "minutes": minutes}
