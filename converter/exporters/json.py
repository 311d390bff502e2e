"""The document as JSON in the XML's vocabulary (described by schemas/notice.schema.json)."""

from __future__ import annotations

import json

from ..summary import summarise


class JsonExporter:
    name = "json"
    suffix = ".json"
    description = "title, metadata, meetings, people, sections and every block as JSON"

    def export(self, document, options) -> bytes:
        data = summarise(document.root)
        indent = 1 if options.pretty else None
        return (json.dumps(data, ensure_ascii=False, indent=indent) + "\n").encode("utf-8")


EXPORTER = JsonExporter()
