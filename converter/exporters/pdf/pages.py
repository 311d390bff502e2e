"""The pages: A4, the GB/T 9704 type block as the one frame, the 版记 at the foot of the last page,
page numbers, document information."""

from __future__ import annotations

import io

from ... import layout
from ...typeset.fontset import FontSet
from ...typeset.gridlines import GridLines
from ...typeset.pagination import PageFiller, page_number_place

PAGE = (layout.mm_to_pt(layout.PAGE_WIDTH_MM), layout.mm_to_pt(layout.PAGE_HEIGHT_MM))


def draw_page_number(canvas, fonts: FontSet) -> None:
    """"— N —" where the shared pagination places it (the OFD draws it at the same place)."""
    runs, x, baseline = page_number_place(fonts, canvas.getPageNumber())
    text = canvas.beginText(x, baseline)
    for name, run in runs:
        text.setFont(name, layout.PAGE_NUMBER.size_pt)
        text.textOut(run)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawText(text)


def _canvas(stream, fonts: FontSet, info: dict[str, str], pdf_date: str | None):
    from . import pdfnames
    from .linetext import LineCanvas

    pdfnames.install()
    # Invariant: no clock and no random ids, so the same input gives the same bytes. The initial
    # font is ours: reportlab's default Helvetica would be listed, unembedded, on every page.
    canvas = LineCanvas(stream, pagesize=PAGE, invariant=1, pageCompression=1,
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
