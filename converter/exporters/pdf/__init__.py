"""The PDF exporter: GB/T 9704 pages with embedded Chinese font subsets.

The module is light to import (`convert formats` lists it); the fonts load on the first export.
"""

from __future__ import annotations


class PdfExporter:
    name = "pdf"
    suffix = ".pdf"
    description = "print-ready GB/T 9704 pages (report or 纪要 layout) with embedded Chinese fonts"

    def export(self, document, options) -> bytes:
        from .render import render

        return render(document, options)


EXPORTER = PdfExporter()
