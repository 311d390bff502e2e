"""One set line's text operators, written without reportlab's general text object.

The shared typesetting (converter.typeset) draws each line through the canvas's text-object
calls: beginText, setCharSpace, setTextRenderMode, setFont, textOut, drawText. reportlab's
PDFTextObject answers them with machinery a set line never needs (bidi and shaping checks, the
text cursor's width sum on every textOut, a font lookup by name on every call), which made
drawing a fifth of a warm PDF's time. `LineText` answers the same calls for our TrueType fonts
with the same operators, in the same order and the same number formatting, so the PDF's bytes do
not change; it asks each font, as reportlab does, to split the text into its subsets (which
assigns the codes) and to name the subset. A line that meets a standard (non-embedded) font,
which is what a character no usable face covers falls back to, is handed to reportlab's own
object with the calls made so far replayed, so that rare case is written as before too.
"""

from __future__ import annotations

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject


class LineText:
    """The operators of one BT … ET block (reportlab's PDFTextObject for dynamic fonts)."""

    __slots__ = ("_code", "_doc", "_names", "_font", "_tf", "_subset", "_render_mode", "_canvas", "_origin",
                 "_calls", "_general")

    def __init__(self, canvas: "LineCanvas", x: float, y: float):
        self._code = ["BT", f"1 0 0 1 {fp_str(x, y)} Tm"]  # reportlab's canvases here are bottom-up
        self._doc = canvas._doc
        self._names = canvas.subset_names
        self._canvas, self._origin = canvas, (x, y)
        self._calls: list[tuple[str, tuple]] = []  # replayed if the line needs reportlab's object
        self._general: PDFTextObject | None = None
        self._font = None
        self._tf = ""
        self._subset = -1
        self._render_mode = 0

    def setCharSpace(self, char_space: float) -> None:  # noqa: N802 - reportlab's protocol
        if self._general is not None:
            return self._general.setCharSpace(char_space)
        self._calls.append(("setCharSpace", (char_space,)))
        self._code.append(f"{fp_str(char_space)} Tc")

    def setTextRenderMode(self, mode: int) -> None:  # noqa: N802
        if self._general is not None:
            return self._general.setTextRenderMode(mode)
        self._calls.append(("setTextRenderMode", (mode,)))
        if mode != self._render_mode:  # no clipping modes are used (reportlab's would add them)
            self._render_mode = mode
            self._code.append(f"{mode:d} Tr")

    def setFont(self, name: str, size: float) -> None:  # noqa: N802
        if self._general is not None:
            return self._general.setFont(name, size)
        font = getFont(name)
        if not font._dynamicFont:  # a standard font: reportlab's own object takes the line over
            self._general = PDFTextObject(self._canvas, *self._origin)
            for method, arguments in self._calls:
                getattr(self._general, method)(*arguments)
            return self._general.setFont(name, size)
        self._calls.append(("setFont", (name, size)))
        self._font = font
        self._tf = f"{fp_str(size)} Tf {fp_str(size * 1.2)} TL"  # reportlab's default leading
        self._subset = -1

    def textOut(self, text: str) -> None:  # noqa: N802
        if self._general is not None:
            return self._general.textOut(text)
        self._calls.append(("textOut", (text,)))
        font, doc, pieces = self._font, self._doc, []
        for subset, codes in font.splitString(text, doc):
            if subset != self._subset:
                name = self._names.get((font, subset))
                if name is None:  # the first use registers the font with the document
                    name = self._names[font, subset] = font.getSubsetInternalName(subset, doc)
                pieces.append(f"{name} {self._tf}")
                self._subset = subset
            pieces.append(f"({escapePDF(codes)}) Tj")
        self._code.append(" ".join(pieces))

    def getCode(self) -> str:  # noqa: N802
        if self._general is not None:
            return self._general.getCode()
        return " ".join(self._code) + " ET"


class LineCanvas(Canvas):
    """reportlab's canvas, whose text objects are `LineText`s."""

    def __init__(self, *arguments, **options):
        super().__init__(*arguments, **options)
        # (font, subset) -> the subset's resource name in this document: a line switches subsets
        # four times on average, and reportlab's lookup checks the subset and the document each time.
        self.subset_names: dict = {}

    def beginText(self, x: float = 0, y: float = 0, direction=None) -> LineText:  # noqa: N802
        return LineText(self, x, y)
