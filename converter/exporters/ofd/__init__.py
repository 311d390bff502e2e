"""The OFD exporter: GB/T 33190 fixed-layout documents, the same pages as the PDF.

    surface    records what the typesetting draws (converter/typeset), page by page
    content    each page's Content.xml: TextObjects with TextCode and DeltaX, PathObjects
    fontfile   the TrueType subset of each face, from the typesetting's glyphs
    resources  PublicRes.xml (fonts), DocumentRes.xml (drawing parameters)
    document   Document.xml: A4 page area, pages, outline
    package    OFD.xml with the document information, the ZIP with fixed dates
    render     the order of it all

The module is light to import (`convert formats` lists it); lxml's writer, fontTools and the
fonts load on the first export. It imports no other exporter and no reportlab.
"""

from __future__ import annotations


class OfdExporter:
    name = "ofd"
    suffix = ".ofd"
    description = "GB/T 33190 OFD (版式文档): the PDF's pages, searchable text, embedded Chinese fonts"

    def export(self, document, options) -> bytes:
        from .render import render

        return render(document, options)


EXPORTER = OfdExporter()
