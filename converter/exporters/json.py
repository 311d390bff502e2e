"""The document as JSON in the XML's vocabulary (described by schemas/notice.schema.json)."""

from __future__ import annotations

import json
import re

from ..model import LongInteger
from ..summary import summarise

# A number too long for Python's int goes through json.dumps as a string marked by a leading NUL.
# No text of a document can produce this: XML cannot hold NUL, and JSON escapes a backslash in
# text as two, so a quote followed by \u0000 is always the marker.
_MARKED_NUMBER = re.compile(r'"\\u0000([0-9]+)"')


class JsonExporter:
    name = "json"
    suffix = ".json"
    description = "title, metadata, meetings, people, sections and every block as JSON"

    def export(self, document, options) -> bytes:
        data, marked = _mark_long_numbers(summarise(document.root))
        indent = 1 if options.pretty else None
        text = json.dumps(data, ensure_ascii=False, indent=indent)
        if marked:
            text = _MARKED_NUMBER.sub(r"\1", text)
        return (text + "\n").encode("utf-8")


def _mark_long_numbers(value) -> tuple[object, bool]:
    """`value` with each LongInteger as a marked string; and whether there was one."""
    if isinstance(value, LongInteger):
        return "\0" + value, True
    if isinstance(value, dict):
        pairs = [(key, _mark_long_numbers(item)) for key, item in value.items()]
        return {key: item for key, (item, _) in pairs}, any(found for _, (_, found) in pairs)
    if isinstance(value, list):
        items = [_mark_long_numbers(item) for item in value]
        return [item for item, _ in items], any(found for _, found in items)
    return value, False


EXPORTER = JsonExporter()
