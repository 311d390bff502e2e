"""Blocks of set lines on the page grid: every line takes exactly one line pitch.

Not platypus flowables: importing reportlab.platypus costs more than laying out a whole report
(60–100 ms of a cold run), and one frame on a fixed grid needs only height, split and draw.
"""

from __future__ import annotations

import math
from typing import Callable

from .. import layout
from .setting import Anchor, Line, Style

_WIDTH = layout.mm_to_pt(layout.TYPE_BLOCK_WIDTH_MM)  # the 版记's rules span the type block
# Fraction of the size between the top of the em box and the baseline (ideographic em box).
_SLACK = 1e-6  # 22 lines of the grid pitch fill the type block exactly


class Outline:
    """The bookmarks, in drawing order. A level never skips one (a block under a title that
    printed nothing goes up a level): PDF outlines, and reportlab, require that."""

    def __init__(self):
        self.level = -1

    def add(self, canvas, anchor: Anchor, x: float, y: float) -> None:
        level = min(anchor.level, self.level + 1)
        canvas.bookmarkHorizontal(anchor.key, x, y)
        canvas.addOutlineEntry(anchor.label, anchor.key, level)
        self.level = level


class GridLines:
    """A paragraph's lines, set once per width by `setter(width)`, drawn one per grid line.

    `space_before` blank grid lines stand above it, except at the top of a page (for a `foot`
    block: the least white between it and the text above); `lead` points
    of white stand above it always (the 纪要标志's 35 mm); `snap` rounds its height up to a
    multiple of the grid so that what follows stays on the grid.
    """

    def __init__(self, setter: Callable[[float], list[Line]] | None, style: Style, pitch: float,
                 lines: list[Line] | None = None, space_before: int = 0, lead: float = 0.0,
                 snap: float | None = None, rules: tuple[float, float] = (0.0, 0.0), foot: bool = False):
        self._setter = setter
        self.style = style
        self.pitch = pitch
        self._lines = lines
        self._width: float | None = None
        self.space_before = space_before
        self.lead = lead
        self.snap = snap
        # Rules (stroke widths in pt; 0 for none) above the first line and below the last one,
        # across the whole measure: the 版记's separating lines.
        self.rules = rules
        # Bottom-anchored (the 版记): the page writer sets it on the last grid lines of the last page.
        self.foot = foot

    def lines(self, width: float) -> list[Line]:
        if self._lines is None or (self._setter is not None and self._width not in (None, width)):
            self._lines = self._setter(width)
            self._width = width
        return self._lines

    def _above(self, at_top: bool) -> float:
        return self.lead + (0 if at_top else self.space_before) * self.pitch

    def height(self, width: float, at_top: bool) -> float:
        height = self._above(at_top) + len(self.lines(width)) * self.pitch
        if self.snap:
            height = math.ceil(height / self.snap - _SLACK) * self.snap
        return height

    def split(self, width: float, available: float, at_top: bool) -> tuple["GridLines | None", "GridLines"]:
        """The lines that fit in `available` points, and the rest; (None, self) when none fit."""
        lines = self.lines(width)
        fit = int((available - self._above(at_top) + _SLACK) // self.pitch)
        if self.lead or self.snap or fit <= 0:
            return None, self
        head = GridLines(None, self.style, self.pitch, lines[:fit], self.space_before, rules=(self.rules[0], 0.0))
        return head, GridLines(None, self.style, self.pitch, lines[fit:], rules=(0.0, self.rules[1]))

    def draw(self, canvas, x: float, top: float, at_top: bool, outline: "Outline") -> None:
        size, colour = self.style.size, [c / 255 for c in self.style.colour]
        canvas.saveState()
        canvas.setFillColorRGB(*colour)
        if self.style.embolden:
            canvas.setStrokeColorRGB(*colour)
            canvas.setLineWidth(self.style.embolden)
        top -= self._above(at_top)
        for number, line in enumerate(self._lines or ()):
            line_top = top - number * self.pitch
            for anchor in line.anchors:
                outline.add(canvas, anchor, x + line.x, line_top)
            baseline = line_top - (self.pitch - size) / 2 - size * layout.EM_ASCENT
            self._draw_text(canvas, x + line.x, baseline, line)
            if line.tail is not None:
                self._draw_text(canvas, x + line.tail.x, baseline, line.tail)
        self._draw_rules(canvas, x, top, len(self._lines or ()))
        canvas.restoreState()

    def _draw_text(self, canvas, x: float, baseline: float, line: Line) -> None:
        text = canvas.beginText(x, baseline)
        text.setCharSpace(line.char_space)
        if self.style.embolden:
            text.setTextRenderMode(2)  # fill and stroke: still text, copy-paste unchanged
        for font_name, run in line.runs:
            text.setFont(font_name, self.style.size)
            text.textOut(run)
        canvas.drawText(text)

    def _draw_rules(self, canvas, x: float, top: float, count: int) -> None:
        above, below = self.rules
        if not (above or below):
            return
        canvas.setStrokeColorRGB(0, 0, 0)
        for width, y in ((above, top), (below, top - count * self.pitch)):
            if width:
                canvas.setLineWidth(width)
                canvas.line(x, y, x + _WIDTH, y)
