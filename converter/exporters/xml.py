"""The canonical tree as XML: UTF-8, with an XML declaration, pretty-printed between blocks."""

from __future__ import annotations

from lxml import etree


class XmlExporter:
    name = "xml"
    suffix = ".xml"
    description = "the canonical document (validates against schemas/notice.xsd)"

    def export(self, document, options) -> bytes:
        # libxml2 indents only element-only content, so the text of blocks is never altered.
        return etree.tostring(
            document.root, xml_declaration=True, encoding="UTF-8", pretty_print=options.pretty
        )


EXPORTER = XmlExporter()
