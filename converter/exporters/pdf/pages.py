"""The pages: A4, the GB/T 9704 type block as the one frame, the 版记 at the foot of the last page,
page numbers, document information."""

from __future__ import annotations

import io

from ... import layout
from ...typeset.fontset import FontSet
from ...typeset.gridlines import GridLines
from ...typeset.pagination import PageFiller

PAGE = (layout.mm_to_pt(layout.PAGE_WIDTH_MM), layout.mm_to_pt(layout.PAGE_HEIGHT_MM))
LEFT = layout.mm_to_pt(layout.MARGIN_LEFT_MM)
BOTTOM = layout.mm_to_pt(layout.MARGIN_BOTTOM_MM)
TOP = PAGE[1] - layout.mm_to_pt(layout.MARGIN_TOP_MM)
WIDTH = layout.mm_to_pt(layout.TYPE_BLOCK_WIDTH_MM)
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

    from . import pdfnames

    pdfnames.install()
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


def write_pdf(blocks: list[GridLines], fonts: FontSet, info: dict[str, str], pdf_date: str | None) -> bytes:
    stream = io.BytesIO()
    canvas = _canvas(stream, fonts, info, pdf_date)

    def end_page(canvas, empty: bool) -> None:
        if not empty:  # GB/T 9704: no number on an empty page
            draw_page_number(canvas, fonts)
        canvas.showPage()

    filler = PageFiller(canvas, end_page)  # the OFD's pagination: the same pages
    filler.fill(blocks)
    filler.end_page()
    canvas.save()
    return stream.getvalue()
