"""The document as JSON in the XML's vocabulary (described by schemas/notice.schema.json)."""

from __future__ import annotations

import io
import json
import re

from ..model import LongInteger
from ..summary import summarise

# A number too long for Python's int goes through the encoder as a string marked by a leading
# NUL, then loses its quotes and marker. No text of a document can look like it: XML cannot hold
# NUL, and JSON writes a backslash of a text as two, so a quote then \u0000 is always the marker.
_MARKED_NUMBER = re.compile(rb'"\\u0000([0-9]+)"')


class JsonExporter:
    name = "json"
    suffix = ".json"
    description = "title, metadata, meetings, people, sections and every block as JSON"

    def export(self, document, options) -> bytes:
        long_numbers = []

        def marked(value):
            if isinstance(value, LongInteger):
                long_numbers.append(value)
                return "\0" + value.digits
            raise TypeError(f"{type(value).__name__} is not JSON serialisable")

        encoder = json.JSONEncoder(ensure_ascii=False, indent=1 if options.pretty else None, default=marked)
        # Piece by piece into one buffer of bytes: json.dumps would first hold every piece of the
        # text as its own string (tens of bytes each for a 4-byte <p/>), the main amplifier of
        # memory for documents of many small blocks.
        output = io.BytesIO()
        for piece in encoder.iterencode(summarise(document.root)):
            output.write(piece.encode("utf-8"))
        output.write(b"\n")
        data = output.getvalue()
        return _MARKED_NUMBER.sub(rb"\1", data) if long_numbers else data


EXPORTER = JsonExporter()
