"""Grid-line blocks onto pages, the 版记 at the foot of the last page, and where each page's
number stands, for any page format.

The OFD and the PDF (exporters/pdf/pages.py) draw through this, so they break their pages at the
same lines and put each page number at the same place; tests/test_ofd.py holds the two to the
same pages and character places.

Coordinates are points with the origin at the page's bottom left (as the blocks draw), whatever
the format does with them.
"""

from __future__ import annotations

from typing import Callable

from .. import layout
from ..errors import ExportError
from .fontset import FontSet
from .gridlines import GridLines, Outline

PAGE = (layout.mm_to_pt(layout.PAGE_WIDTH_MM), layout.mm_to_pt(layout.PAGE_HEIGHT_MM))
LEFT = layout.mm_to_pt(layout.MARGIN_LEFT_MM)
BOTTOM = layout.mm_to_pt(layout.MARGIN_BOTTOM_MM)
TOP = PAGE[1] - layout.mm_to_pt(layout.MARGIN_TOP_MM)
WIDTH = layout.mm_to_pt(layout.TYPE_BLOCK_WIDTH_MM)
_SLACK = 1e-6


class PageFiller:
    """Fills the type block with blocks top to bottom, page after page, drawing on `surface`
    (the drawing calls of gridlines.GridLines.draw); `end_page(surface)` closes each page that
    has something on it and `surface` must start the next."""

    def __init__(self, surface, end_page: Callable[[object, bool], None]):
        self.surface, self._end_page = surface, end_page
        self.y, self.at_top = TOP, True
        self.outline = Outline()

    def add(self, block: GridLines) -> None:
        while True:
            available = self.y - BOTTOM + _SLACK
            if block.height(WIDTH, self.at_top) <= available:
                block.draw(self.surface, LEFT, self.y, self.at_top, self.outline)
                self.y -= block.height(WIDTH, self.at_top)
                self.at_top = False
                return
            head, block = block.split(WIDTH, available, self.at_top)
            if head is not None:
                head.draw(self.surface, LEFT, self.y, self.at_top, self.outline)
                self.at_top = False
            elif self.at_top:
                raise ExportError("a block of the document is taller than a page")
            self.end_page()

    def fill(self, blocks: list[GridLines]) -> None:
        """All the blocks, in order; the foot blocks that end the document (the 版记) at the foot
        of the last page."""
        flowing = len(blocks)
        while flowing and blocks[flowing - 1].foot:
            flowing -= 1
        for block in blocks[:flowing]:
            self.add(block)
        if flowing < len(blocks):
            self.add_foot(blocks[flowing:])

    def add_foot(self, blocks: list[GridLines]) -> None:
        """GB/T 9704 7.4: the 版记 is the last element of the last page, its last rule on the
        type block's bottom edge; so its lines take the page's last grid lines. When the page has
        no room for them below the text (with the first one's blank lines between), they stand at
        the foot of a page of their own, which keeps its number: the standard leaves the number
        off only a 版记 page with a blank page before it (the 版记 on an even page, for printing on
        both sides), and no blank page is inserted here."""
        height = sum(block.height(WIDTH, True) for block in blocks)
        if height > TOP - BOTTOM + _SLACK:  # taller than a page (no real 版记 is): it flows as text
            for block in blocks:
                self.add(block)
            return
        gap = 0.0 if self.at_top else blocks[0].space_before * blocks[0].pitch
        if height + gap > self.y - BOTTOM + _SLACK:
            self.end_page()
        y = BOTTOM + height
        for block in blocks:
            block.draw(self.surface, LEFT, y, True, self.outline)
            y -= block.height(WIDTH, True)
        self.y, self.at_top = BOTTOM, False

    def end_page(self) -> None:
        """Close the page; `end_page(surface, empty)` is told whether nothing was drawn on it."""
        self._end_page(self.surface, self.at_top)
        self.y, self.at_top = TOP, True


def number_runs(fonts: FontSet, text: str) -> list[tuple[str, str]]:
    """The page number's text as runs of (font, text): 4号 Song, from the number role's chain."""
    runs: list[tuple[str, str]] = []
    for character in text:
        name = fonts.font_for("number", character) or fonts.primary("number")
        if runs and runs[-1][0] == name:
            runs[-1] = (name, runs[-1][1] + character)
        else:
            runs.append((name, character))
    return runs


def page_number_place(fonts: FontSet, number: int) -> tuple[list[tuple[str, str]], float, float]:
    """"— N —" in 4号 Song, its top 7 mm under the type block; odd pages right, even pages left,
    one character in from the type block's edge: (runs, x, baseline)."""
    size = layout.PAGE_NUMBER.size_pt
    runs = number_runs(fonts, layout.page_number_text(number))
    width = sum(fonts.advance(name, c) * size / 1000 for name, text in runs for c in text)
    one_character = size * layout.PAGE_NUMBER_INDENT_CHARS
    x = LEFT + WIDTH - one_character - width if number % 2 else LEFT + one_character
    top = BOTTOM - layout.mm_to_pt(layout.PAGE_NUMBER_GAP_MM)
    return runs, x, top - size * layout.EM_ASCENT
