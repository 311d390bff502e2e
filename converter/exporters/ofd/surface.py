"""A drawing surface that records what the typesetting draws, page by page.

The grid-line blocks (converter/typeset/gridlines.py) draw through a small set of calls (those of
a reportlab canvas: colours, a text object with a font, a size and a character spacing, lines,
bookmarks). This surface answers them by keeping each run of text, rule and bookmark with its
position in points (origin bottom left), which the OFD pages then write in millimetres.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TextRun:
    """Characters in one font, drawn from (x, baseline), each followed by its advance plus `char_space`."""

    x: float
    baseline: float
    font: str
    size: float
    text: str
    char_space: float
    fill: tuple[float, float, float]
    stroke_width: float = 0.0  # > 0: filled and stroked (a regular face drawn heavy)
    stroke: tuple[float, float, float] = (0.0, 0.0, 0.0)


@dataclass(frozen=True)
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    colour: tuple[float, float, float]


@dataclass(frozen=True)
class Mark:
    """A bookmark: its outline label and level, where it points."""

    label: str
    level: int
    x: float
    y: float


@dataclass
class PageRecord:
    number: int
    runs: list[TextRun] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)


@dataclass
class _State:
    fill: tuple[float, float, float] = (0.0, 0.0, 0.0)
    stroke: tuple[float, float, float] = (0.0, 0.0, 0.0)
    line_width: float = 1.0


class _Text:
    """The text object of a canvas: a cursor that advances as runs are shown."""

    def __init__(self, surface: "RecordingSurface", x: float, y: float):
        self.surface, self.x, self.y = surface, x, y
        self.font: str | None = None
        self.size = 0.0
        self.char_space = 0.0
        self.mode = 0
        self.runs: list[TextRun] = []

    def setFont(self, name: str, size: float) -> None:  # noqa: N802 - the canvas protocol's names
        self.font, self.size = name, size

    def setCharSpace(self, space: float) -> None:  # noqa: N802
        self.char_space = space

    def setTextRenderMode(self, mode: int) -> None:  # noqa: N802
        self.mode = mode

    def textOut(self, text: str) -> None:  # noqa: N802
        state = self.surface.state
        stroked = self.mode == 2
        self.runs.append(TextRun(self.x, self.y, self.font, self.size, text, self.char_space, state.fill,
                                 state.line_width if stroked else 0.0, state.stroke))
        advance = self.surface.advance
        self.x += sum(advance(self.font, c) * self.size / 1000 + self.char_space for c in text)


class RecordingSurface:
    """Records pages; `advance(font, character)` gives advances in 1/1000 em (FontSet.advance)."""

    def __init__(self, advance):
        self.advance = advance
        self.pages: list[PageRecord] = [PageRecord(1)]
        self.state = _State()
        self._saved: list[_State] = []
        self._marks: dict[str, tuple[float, float]] = {}

    @property
    def page(self) -> PageRecord:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append(PageRecord(len(self.pages) + 1))

    def saveState(self) -> None:  # noqa: N802
        self._saved.append(_State(self.state.fill, self.state.stroke, self.state.line_width))

    def restoreState(self) -> None:  # noqa: N802
        self.state = self._saved.pop()

    def setFillColorRGB(self, r: float, g: float, b: float) -> None:  # noqa: N802
        self.state.fill = (r, g, b)

    def setStrokeColorRGB(self, r: float, g: float, b: float) -> None:  # noqa: N802
        self.state.stroke = (r, g, b)

    def setLineWidth(self, width: float) -> None:  # noqa: N802
        self.state.line_width = width

    def beginText(self, x: float, y: float) -> _Text:  # noqa: N802
        return _Text(self, x, y)

    def drawText(self, text: _Text) -> None:  # noqa: N802
        self.page.runs.extend(text.runs)

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.page.rules.append(Rule(x1, y1, x2, y2, self.state.line_width, self.state.stroke))

    def bookmarkHorizontal(self, key: str, x: float, y: float) -> None:  # noqa: N802
        self._marks[key] = (x, y)

    def addOutlineEntry(self, label: str, key: str, level: int) -> None:  # noqa: N802
        x, y = self._marks[key]
        self.page.marks.append(Mark(label, level, x, y))
