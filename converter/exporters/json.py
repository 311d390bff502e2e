"""The document as JSON in the XML's vocabulary (described by schemas/notice.schema.json)."""

from __future__ import annotations

import io
import json
import re

from ..model import LongInteger
from ..summary import region_blocks, summary_head

# A number too long for Python's int goes through the encoder as a string marked by a leading
# NUL, then loses its quotes and marker. No text of a document can look like it: XML cannot hold
# NUL, and JSON writes a backslash of a text as two, so a quote then \u0000 is always the marker.
_MARKED_NUMBER = re.compile(rb'"\\u0000([0-9]+)"')


class JsonExporter:
    name = "json"
    suffix = ".json"
    description = "title, metadata, meetings, people, sections and every block as JSON"

    def export(self, document, options) -> bytes:
        """The text json.dumps(summarise(root)) would give, without ever holding it in pieces.

        Memory is the amplifier here: a 4-byte <p/> is a dict of ~300 bytes as data, and json.dumps
        keeps every piece of its text as a string of its own before joining. So the head of the
        summary is encoded whole (it is small), then each block is made, encoded and dropped in
        turn, straight into one buffer of bytes.
        """
        pretty = options.pretty
        long_numbers = []

        def marked(value):
            if isinstance(value, LongInteger):
                long_numbers.append(value)
                return "\0" + value.digits
            raise TypeError(f"{type(value).__name__} is not JSON serialisable")

        encoder = json.JSONEncoder(ensure_ascii=False, indent=1 if pretty else None, default=marked)
        head = encoder.encode(summary_head(document.root)).encode("utf-8")
        if long_numbers:
            head = _MARKED_NUMBER.sub(rb"\1", head)
        output = io.BytesIO()
        # Reopen the head's object for its last key: '{… "chrome": […]\n}' less its closing.
        output.write(head[:-2] + b',\n "blocks": [' if pretty else head[:-1] + b', "blocks": [')
        count = 0
        for entry in region_blocks(document.root):
            text = encoder.encode(entry)
            if pretty:  # one level deeper than the encoder's own: JSON text holds no raw newline
                text = "\n  " + text.replace("\n", "\n  ")
            output.write(((b"," if pretty else b", ") if count else b"") + text.encode("utf-8"))
            count += 1
        output.write((b"\n ]\n}\n" if count else b"]\n}\n") if pretty else b"]}\n")
        return output.getvalue()


EXPORTER = JsonExporter()
