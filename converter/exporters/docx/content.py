"""The print plan as styled Word paragraphs: each block role and run role mapped to a style.

What prints, in which order, is the plan's (converter.layout.plan); this module only chooses the
Word style of each role, so the navigation pane and style gallery work.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...layout import plan as p
from ...layout.inline import ATTENDANCE_LABEL, COPY_TO_LABEL, ISSUE_DATE, ITEM_LABEL, LEVEL_1, LEVEL_2, MARKER, TEXT
from . import styles
from .gridbreaks import with_breaks

BLOCK_STYLES = {
    p.TITLE: styles.TITLE,
    p.MINUTES_MARK: styles.TITLE,
    p.META: styles.SUBTITLE,
    p.BODY: styles.BODY,
    p.ITEM: styles.LIST_ITEM,
    p.ATTENDANCE: styles.ATTENDANCE,
    p.DECK: styles.SUBTITLE,
    p.ADDRESSEE: styles.SALUTATION,
    p.HEADING_1: styles.HEADING_1,
    p.HEADING_2: styles.HEADING_2,
    p.SIGNATURE: styles.SIGNATURE,
    p.DATE: styles.SIGNATURE,
    p.COLOPHON: styles.COLOPHON,
}
RUN_STYLES = {MARKER: styles.MARKER, ITEM_LABEL: styles.ITEM_LABEL, ATTENDANCE_LABEL: styles.ATTENDANCE_LABEL,
              LEVEL_1: styles.LEVEL_1_LEAD, LEVEL_2: styles.LEVEL_2_LEAD}
# Styles whose own spacing after already gives the blank grid line the plan asks for below them.
_BLANK_AFTER = {styles.SUBTITLE: "report", styles.TITLE: "minutes"}


@dataclass(frozen=True)
class Run:
    text: str
    style: str | None = None  # a character style id


@dataclass
class Paragraph:
    style: str
    runs: list[Run]
    blank_line_before: bool = False  # one empty grid line above (the 出席 block, the 署名 …)
    indent_chars: float | None = None  # a placed line (署名, 成文日期): grid characters from the left
    foot: bool = False  # a 版记 line at the foot of the last page


def _issued(runs: list[p.Run]) -> list[p.Run]:
    """A 印发 line: the white space before its 印发日期 becomes one tab, which the Colophon
    style's right tab stop sets flush right (GB/T 9704 7.4.3)."""
    at = next(index for index, run in enumerate(runs) if run.role == ISSUE_DATE)
    head = runs[:at]
    if head and head[-1].role == TEXT:
        head[-1] = p.Run(head[-1].text.rstrip(), TEXT)
    return [run for run in head if run.text] + [p.Run("\t", TEXT)] + runs[at:]


def paragraphs(plan: p.Plan) -> list[Paragraph]:
    found: list[Paragraph] = []
    for block in plan.blocks:
        style = BLOCK_STYLES[block.role]
        plan_runs = with_breaks(block)  # explicit breaks where Word would split a name
        if block.role == p.COLOPHON and any(run.role == ISSUE_DATE for run in plan_runs):
            plan_runs = _issued(list(plan_runs))
        elif block.role == p.COLOPHON and plan_runs and plan_runs[0].role == COPY_TO_LABEL:
            style = styles.COPY_TO
        runs = [Run(run.text, RUN_STYLES.get(run.role)) for run in plan_runs]
        blank = block.blank_before > 0
        if blank and found and _BLANK_AFTER.get(found[-1].style) == plan.layout:
            blank = False
        found.append(Paragraph(style, runs, blank, block.indent, block.foot))
    return found
