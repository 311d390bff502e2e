"""The page: A4, the GB/T 9704 type block as the one frame, page numbers, document information."""

from __future__ import annotations

from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from ... import layout
from .fontset import FontSet

PAGE = (layout.mm_to_pt(layout.PAGE_WIDTH_MM), layout.mm_to_pt(layout.PAGE_HEIGHT_MM))
_ASCENT = 0.88  # top of the em box to the baseline, as a fraction of the size


def _number_runs(fonts: FontSet, text: str) -> list[tuple[str, str]]:
    runs: list[tuple[str, str]] = []
    for character in text:
        name = fonts.font_for("number", character) or fonts.primary("number")
        if runs and runs[-1][0] == name:
            runs[-1] = (name, runs[-1][1] + character)
        else:
            runs.append((name, character))
    return runs


def draw_page_number(canvas, fonts: FontSet) -> None:
    """"— N —" in 4号 Song, its top 7 mm under the type block; odd pages right, even pages left,
    one character in from the type block's edge."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = layout.PAGE_NUMBER.size_pt
    runs = _number_runs(fonts, layout.page_number_text(canvas.getPageNumber()))
    width = sum(stringWidth(text, name, size) for name, text in runs)
    one_character = size
    if canvas.getPageNumber() % 2:
        x = PAGE[0] - layout.mm_to_pt(layout.MARGIN_RIGHT_MM) - one_character - width
    else:
        x = layout.mm_to_pt(layout.MARGIN_LEFT_MM) + one_character
    top = layout.mm_to_pt(layout.MARGIN_BOTTOM_MM - layout.PAGE_NUMBER_GAP_MM)
    text = canvas.beginText(x, top - size * _ASCENT)
    for name, run in runs:
        text.setFont(name, size)
        text.textOut(run)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawText(text)


class NoticeTemplate(BaseDocTemplate):
    """One page template whose frame is exactly the type block; the PDF date comes from the model."""

    def __init__(self, stream, fonts: FontSet, info: dict[str, str], pdf_date: str | None):
        super().__init__(
            stream, pagesize=PAGE, invariant=1, pageCompression=1,
            # reportlab's default Helvetica would be listed as an unembedded font of every page.
            initialFontName=fonts.primary("body"), initialFontSize=layout.BODY.size_pt,
            leftMargin=layout.mm_to_pt(layout.MARGIN_LEFT_MM), rightMargin=layout.mm_to_pt(layout.MARGIN_RIGHT_MM),
            topMargin=layout.mm_to_pt(layout.MARGIN_TOP_MM), bottomMargin=layout.mm_to_pt(layout.MARGIN_BOTTOM_MM),
            **info,
        )
        self._pdf_date = pdf_date
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="type-block",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("page", [frame], onPage=lambda canvas, _: draw_page_number(canvas, fonts))])

    def beforeDocument(self):
        if self._pdf_date:
            self.canv.setDateFormatter(lambda *_: self._pdf_date)
        self.canv.showOutline()
