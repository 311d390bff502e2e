"""Flowables that keep text on the page grid: every line takes exactly one line pitch."""

from __future__ import annotations

import math
from typing import Callable

from reportlab.platypus import Flowable

from .setting import Line, Style

# Fraction of the size between the top of the em box and the baseline (ideographic em box).
_ASCENT = 0.88


class GridLines(Flowable):
    """Set lines drawn one per grid line; splits between lines at a page break.

    `setter(width)` sets the paragraph for the frame's width; it runs once per width.
    """

    def __init__(self, setter: Callable[[float], list[Line]], style: Style, pitch: float,
                 lines: list[Line] | None = None, space_before: int = 0, lead: float = 0.0,
                 snap: float | None = None):
        super().__init__()
        self._setter = setter
        self._style = style
        self._pitch = pitch
        self._lines = lines
        self._set_width: float | None = None if lines is None else -1.0
        self._space_before = space_before  # whole blank grid lines above the text
        self._lead = lead  # blank points above the text (the 纪要标志's 35 mm)
        self._snap = snap  # round the height up to a multiple of this (keeps what follows on the grid)

    def _lines_for(self, width: float) -> list[Line]:
        if self._lines is None or (self._set_width not in (width, -1.0)):
            self._lines = self._setter(width)
            self._set_width = width
        return self._lines

    def wrap(self, available_width, available_height):
        lines = self._lines_for(available_width)
        self.width = available_width
        self.height = self._lead + (len(lines) + self._space_before) * self._pitch
        if self._snap:
            self.height = math.ceil(self.height / self._snap - 1e-6) * self._snap
        return self.width, self.height

    def split(self, available_width, available_height):
        lines = self._lines_for(available_width)
        fit = int((available_height - self._lead + 1e-6) // self._pitch) - self._space_before
        if self._lead or self._snap or fit <= 0 or fit >= len(lines):
            return []
        head = GridLines(self._setter, self._style, self._pitch, lines[:fit], self._space_before)
        tail = GridLines(self._setter, self._style, self._pitch, lines[fit:])
        return [head, tail]

    def draw(self):
        canvas = self.canv
        size = self._style.size
        canvas.saveState()
        canvas.setFillColorRGB(*(c / 255 for c in self._style.colour))
        if self._style.embolden:
            canvas.setStrokeColorRGB(*(c / 255 for c in self._style.colour))
            canvas.setLineWidth(self._style.embolden)
        top = self.height - self._lead - self._space_before * self._pitch
        for number, line in enumerate(self._lines or ()):
            line_top = top - number * self._pitch
            baseline = line_top - (self._pitch - size) / 2 - size * _ASCENT
            for anchor in line.anchors:
                canvas.bookmarkHorizontal(anchor.key, line.x, line_top)
                canvas.addOutlineEntry(anchor.label, anchor.key, anchor.level)
            text = canvas.beginText(line.x, baseline)
            text.setCharSpace(line.char_space)
            if self._style.embolden:
                text.setTextRenderMode(2)  # fill and stroke: still text, copy-paste unchanged
            for font_name, run in line.runs:
                text.setFont(font_name, size)
                text.textOut(run)
            canvas.drawText(text)
        canvas.restoreState()
