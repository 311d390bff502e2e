"""The pages: A4, the GB/T 9704 type block as the one frame, page numbers, document information."""

from __future__ import annotations

import io

from ... import layout
from ...errors import ExportError
from ...typeset.gridlines import GridLines, Outline
from ...typeset.fontset import FontSet

PAGE = (layout.mm_to_pt(layout.PAGE_WIDTH_MM), layout.mm_to_pt(layout.PAGE_HEIGHT_MM))
LEFT = layout.mm_to_pt(layout.MARGIN_LEFT_MM)
BOTTOM = layout.mm_to_pt(layout.MARGIN_BOTTOM_MM)
TOP = PAGE[1] - layout.mm_to_pt(layout.MARGIN_TOP_MM)
WIDTH = layout.mm_to_pt(layout.TYPE_BLOCK_WIDTH_MM)
_ASCENT = 0.88  # top of the em box to the baseline, as a fraction of the size
_SLACK = 1e-6


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
    one_character = size * layout.PAGE_NUMBER_INDENT_CHARS
    if canvas.getPageNumber() % 2:
        x = LEFT + WIDTH - one_character - width
    else:
        x = LEFT + one_character
    top = BOTTOM - layout.mm_to_pt(layout.PAGE_NUMBER_GAP_MM)
    text = canvas.beginText(x, top - size * _ASCENT)
    for name, run in runs:
        text.setFont(name, size)
        text.textOut(run)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawText(text)


def _canvas(stream, fonts: FontSet, info: dict[str, str], pdf_date: str | None):
    from reportlab.pdfgen.canvas import Canvas

    # Invariant: no clock and no random ids, so the same input gives the same bytes. The initial
    # font is ours: reportlab's default Helvetica would be listed, unembedded, on every page.
    canvas = Canvas(stream, pagesize=PAGE, invariant=1, pageCompression=1,
                    initialFontName=fonts.primary("body"), initialFontSize=layout.BODY.size_pt)
    canvas.setTitle(info["title"])
    canvas.setAuthor(info["author"])
    canvas.setSubject(info["subject"])
    canvas.setKeywords(info["keywords"])
    canvas.setCreator(info["creator"])
    canvas.setProducer(info["producer"])
    if pdf_date:
        canvas.setDateFormatter(lambda *_: pdf_date)
    canvas.showOutline()
    return canvas


class PageWriter:
    """Fills the type block with blocks top to bottom, page after page."""

    def __init__(self, canvas, fonts: FontSet):
        self.canvas, self.fonts = canvas, fonts
        self.y, self.at_top = TOP, True
        self.outline = Outline()

    def add(self, block: GridLines) -> None:
        while True:
            available = self.y - BOTTOM + _SLACK
            if block.height(WIDTH, self.at_top) <= available:
                block.draw(self.canvas, LEFT, self.y, self.at_top, self.outline)
                self.y -= block.height(WIDTH, self.at_top)
                self.at_top = False
                return
            head, block = block.split(WIDTH, available, self.at_top)
            if head is not None:
                head.draw(self.canvas, LEFT, self.y, self.at_top, self.outline)
                self.at_top = False
            elif self.at_top:
                raise ExportError("a block of the document is taller than a page")
            self.end_page()

    def end_page(self) -> None:
        if not self.at_top:  # GB/T 9704: no number on an empty page
            draw_page_number(self.canvas, self.fonts)
        self.canvas.showPage()
        self.y, self.at_top = TOP, True


def write_pdf(blocks: list[GridLines], fonts: FontSet, info: dict[str, str], pdf_date: str | None) -> bytes:
    stream = io.BytesIO()
    canvas = _canvas(stream, fonts, info, pdf_date)
    writer = PageWriter(canvas, fonts)
    for block in blocks:
        writer.add(block)
    writer.end_page()
    canvas.save()
    return stream.getvalue()
