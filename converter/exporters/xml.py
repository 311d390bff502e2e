"""The canonical tree as XML: UTF-8, with an XML declaration, pretty-printed between blocks."""

from __future__ import annotations

import io

from lxml import etree


class XmlExporter:
    name = "xml"
    suffix = ".xml"
    description = "the canonical document (validates against schemas/notice.xsd)"

    def export(self, document, options) -> bytes:
        """The bytes etree.tostring(root, xml_declaration=True, encoding="UTF-8") gives.

        Written through an incremental writer into one buffer: tostring would first build the
        whole text in libxml2's own buffer (grown by doubling) and then copy it into the bytes
        returned, three times the output's size at its peak.
        """
        output = io.BytesIO()
        with etree.xmlfile(output, encoding="UTF-8") as writer:
            writer.write_declaration()
            # libxml2 indents only element-only content, so the text of blocks is never altered.
            writer.write(document.root, pretty_print=options.pretty)
        return output.getvalue()


EXPORTER = XmlExporter()
