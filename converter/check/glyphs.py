"""A printed character where a fixed-layout file (PDF, OFD) puts it: the records both readers fill.

Points, from the page's top-left corner; `baseline` runs down the page. Kept apart from the
readers so that checking an OFD does not import pdfminer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..layout import EM_ASCENT  # the ideographic em box's top above the baseline, per unit of size


@dataclass(frozen=True)
class Glyph:
    char: str
    x: float  # left edge, points from the page's left
    baseline: float  # points from the page's top
    advance: float  # the glyph's own width in points (without character spacing)
    size: float  # points
    font: str
    color: Optional[tuple[float, float, float]]

    @property
    def right(self) -> float:
        return self.x + self.advance

    @property
    def top(self) -> float:
        """Top of the em box, points from the page's top."""
        return self.baseline - EM_ASCENT * self.size


@dataclass
class Page:
    number: int
    width: float  # points
    height: float
    glyphs: list[Glyph]
