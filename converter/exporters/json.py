"""The document as JSON in the XML's vocabulary (described by schemas/notice.schema.json)."""

from __future__ import annotations

import io
import json
import re

from typing import Iterator

from ..model import LongInteger
from ..summary import Entries, region_blocks, streamed_head

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
        keeps every piece of its text as a string of its own before joining. So the summary is
        written a value at a time: its lists that grow with the document (blocks, meetings,
        sections, mentions, chrome …) are made one entry at a time, and each entry is encoded
        and dropped in turn, straight into one buffer of bytes.
        """
        writer = _Writer(options.pretty)
        head = streamed_head(document.root)
        head["blocks"] = Entries(lambda: region_blocks(document.root), flat=True)
        writer.value(head, 0)
        writer.output.write(b"\n")
        return writer.output.getvalue()


class _Writer:
    """json.dumps(value, ensure_ascii=False, indent=1 or None) written piece by piece, with
    Entries written as lists an entry at a time. Containers holding Entries are laid out here
    exactly as the json module lays them out; everything else is encoded by the json module."""

    def __init__(self, pretty: bool) -> None:
        self.pretty = pretty
        self.output = io.BytesIO()
        self.encoder = json.JSONEncoder(ensure_ascii=False, indent=1 if pretty else None, default=_marked)

    def value(self, value, level: int) -> None:
        if isinstance(value, Entries):
            self._sequence(iter(value), level, "[", "]", self._encoded if value.flat else self.value)
        elif isinstance(value, dict) and _streams(value):
            self._sequence(iter(value.items()), level, "{", "}", self._member)
        elif isinstance(value, list) and _streams(value):
            self._sequence(iter(value), level, "[", "]", self.value)
        else:
            self._encoded(value, level)

    def _member(self, member: tuple, level: int) -> None:
        key, value = member
        self.output.write(self.encoder.encode(key).encode("utf-8") + b": ")
        self.value(value, level)

    def _sequence(self, entries: Iterator, level: int, opening: str, closing: str, write) -> None:
        first = next(entries, _END)
        if first is _END:
            self.output.write((opening + closing).encode("utf-8"))
            return
        inner = b"\n" + b" " * (level + 1) if self.pretty else b""
        separator = b"," + inner if self.pretty else b", "
        self.output.write(opening.encode("utf-8") + inner)
        write(first, level + 1)
        for entry in entries:
            self.output.write(separator)
            write(entry, level + 1)
        self.output.write((b"\n" + b" " * level if self.pretty else b"") + closing.encode("utf-8"))

    def _encoded(self, value, level: int) -> None:
        text = self.encoder.encode(value)
        if self.pretty and level:  # deeper than the encoder's own: JSON text holds no raw newline
            text = text.replace("\n", _INDENTS[level] if level < len(_INDENTS) else "\n" + " " * level)
        data = text.encode("utf-8")
        if b"\\u0000" in data:
            data = _MARKED_NUMBER.sub(rb"\1", data)
        self.output.write(data)


_END = object()
_INDENTS = ["\n" + " " * level for level in range(8)]


def _streams(value) -> bool:
    """Whether a value holds Entries anywhere (then it is written a piece at a time)."""
    if isinstance(value, Entries):
        return True
    if isinstance(value, dict):
        return any(_streams(entry) for entry in value.values())
    if isinstance(value, list):
        return any(_streams(entry) for entry in value)
    return False


def _marked(value):
    if isinstance(value, LongInteger):
        return "\0" + value.digits
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


EXPORTER = JsonExporter()
