"""The drawing surface of the PDF: the typesetting's drawing calls written as page content.

The grid-line blocks (converter/typeset/gridlines.py) and the page numbers draw through a small
set of calls (those of a reportlab canvas, which the OFD's recording surface answers too):
colours, line width, saved states, a text object with a font, a size, a character spacing and a
render mode, lines, bookmarks, a new page. This surface writes each as its PDF content operator
(ISO 32000-1 §8–9) into the current page, and gives each font's characters their codes
(fontcodes.py) as they are drawn.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .fontcodes import FontCodes
from .pdfsyntax import number, numbers


@dataclass
class Page:
    content: list[str] = field(default_factory=list)
    fonts: dict[str, tuple[str, int]] = field(default_factory=dict)  # resource name → (font, subset)


@dataclass(frozen=True)
class Mark:
    """A bookmark: its outline label and level, the page (0-based) and place it points to."""

    label: str
    level: int
    page: int
    x: float
    y: float


class _Text:
    """One text object (BT … ET): a line's runs, each after its font and size."""

    __slots__ = ("_surface", "_operators", "_font", "_size", "_current")

    def __init__(self, surface: "PdfSurface", x: float, y: float):
        self._surface = surface
        self._operators = ["BT", f"1 0 0 1 {numbers(x, y)} Tm"]
        self._font, self._size = "", 0.0
        self._current: tuple[str, float] | None = None  # the resource and size the object has set

    def setCharSpace(self, space: float) -> None:  # noqa: N802 - the canvas protocol's names
        # Written every time: the spacing is graphics state and outlives the text object.
        self._operators.append(f"{number(space)} Tc")

    def setTextRenderMode(self, mode: int) -> None:  # noqa: N802
        self._operators.append(f"{mode:d} Tr")  # 2: fill and stroke, a regular face drawn heavy

    def setFont(self, name: str, size: float) -> None:  # noqa: N802
        self._font, self._size = name, size

    def textOut(self, text: str) -> None:  # noqa: N802
        surface, operators = self._surface, self._operators
        for subset, data in surface.codes(self._font).encode(text):
            resource = surface.resource(self._font, subset)
            if self._current != (resource, self._size):
                self._current = (resource, self._size)
                operators.append(f"/{resource} {number(self._size)} Tf")
            operators.append(f"<{data.hex()}> Tj")

    def code(self) -> str:
        return " ".join(self._operators) + " ET"


class PdfSurface:
    def __init__(self):
        self.pages: list[Page] = []
        self.marks: list[Mark] = []
        self.fonts: dict[str, FontCodes] = {}  # font name → its codes in this document
        self._resources: dict[tuple[str, int], str] = {}  # (font, subset) → F1, F2, … in first-use order
        self._page = Page()
        self._places: dict[str, tuple[float, float]] = {}

    def getPageNumber(self) -> int:  # noqa: N802
        return len(self.pages) + 1

    def codes(self, font: str) -> FontCodes:
        found = self.fonts.get(font)
        if found is None:
            found = self.fonts[font] = FontCodes(font)
        return found

    def resource(self, font: str, subset: int) -> str:
        """The page's resource name of a font subset (the same name on every page)."""
        key = (font, subset)
        name = self._resources.get(key)
        if name is None:
            name = self._resources[key] = f"F{len(self._resources) + 1}"
        self._page.fonts[name] = key
        return name

    def resources(self) -> dict[str, tuple[str, int]]:
        return {name: key for key, name in self._resources.items()}

    def saveState(self) -> None:  # noqa: N802
        self._page.content.append("q")

    def restoreState(self) -> None:  # noqa: N802
        self._page.content.append("Q")

    def setFillColorRGB(self, r: float, g: float, b: float) -> None:  # noqa: N802
        self._page.content.append(f"{numbers(r, g, b)} rg")

    def setStrokeColorRGB(self, r: float, g: float, b: float) -> None:  # noqa: N802
        self._page.content.append(f"{numbers(r, g, b)} RG")

    def setLineWidth(self, width: float) -> None:  # noqa: N802
        self._page.content.append(f"{number(width)} w")

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self._page.content.append(f"{numbers(x1, y1)} m {numbers(x2, y2)} l S")

    def beginText(self, x: float, y: float) -> _Text:  # noqa: N802
        return _Text(self, x, y)

    def drawText(self, text: _Text) -> None:  # noqa: N802
        self._page.content.append(text.code())

    def bookmarkHorizontal(self, key: str, x: float, y: float) -> None:  # noqa: N802
        self._places[key] = (x, y)

    def addOutlineEntry(self, label: str, key: str, level: int) -> None:  # noqa: N802
        x, y = self._places[key]
        self.marks.append(Mark(label, level, len(self.pages), x, y))

    def showPage(self) -> None:  # noqa: N802
        """End the page (empty or not: a document has at least one page)."""
        self.pages.append(self._page)
        self._page = Page()
