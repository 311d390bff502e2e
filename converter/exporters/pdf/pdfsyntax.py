"""PDF file syntax (ISO 32000-1 §7): numbers, names, strings, numbered objects, the cross-reference
table and the trailer.

The PDF we write has a fixed, small structure (a catalog, a page tree, pages with one content
stream each, embedded TrueType subsets, an outline, the document information), so the file is
put together here directly as bytes: a general object model (reportlab's) spent more time
formatting dictionaries than the typesetting spent setting the text.
"""

from __future__ import annotations

import hashlib

# libdeflate's deflate: three times zlib's speed at level 1, and smaller files. Its output
# depends on the input and its version only (ISA-L's, tried first and faster still, did not: two
# processes on one machine deflated the same page differently, so one document came out as two
# different files).
from deflate import zlib_compress as _compress

HEADER = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"  # the binary comment line tells transfer tools it is binary


_FORMATTED: dict[float, str] = {}  # a page repeats its numbers: grid lines, sizes, spacings
_FORMATTED_MAX = 8192


def number(value: float) -> str:
    """A real as PDF writes it: at most three decimals (a thousandth of a point), no exponent,
    no trailing zeros, no minus zero."""
    text = _FORMATTED.get(value)
    if text is None:
        text = ("%.3f" % value).rstrip("0").rstrip(".")  # "12.500" → "12.5", "16.000" → "16"
        if text == "-0":
            text = "0"
        if len(_FORMATTED) >= _FORMATTED_MAX:  # bounded: a long-lived process meets many values
            _FORMATTED.clear()
        _FORMATTED[value] = text
    return text


def numbers(*values: float) -> str:
    return " ".join(number(value) for value in values)


_NAME_SAFE = frozenset(range(0x21, 0x7F)) - set(b"#()<>[]{}/%")


def name(text: str) -> str:
    """/Name, with every byte outside the regular characters written as #XX (§7.3.5)."""
    data = text.encode("utf-8")
    return "/" + "".join(chr(byte) if byte in _NAME_SAFE else f"#{byte:02X}" for byte in data)


def text_string(text: str) -> str:
    """A text string (§7.9.2.2): a literal for printable ASCII, else UTF-16BE with its byte order
    mark as a hexadecimal string, so every character of a title or bookmark survives."""
    if text.isascii() and text.isprintable():
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return f"({escaped})"
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def reference(number_: int) -> str:
    return f"{number_} 0 R"


class PdfFile:
    """Objects numbered 1, 2, … in the order they are reserved; written in that order."""

    def __init__(self):
        self._bodies: list[bytes | None] = []
        self._unhashed: set[int] = set()  # objects left out of the file identifier

    def reserve(self) -> int:
        """A number for an object whose contents are set later (it may be referred to first)."""
        self._bodies.append(None)
        return len(self._bodies)

    def set(self, number_: int, body: str | bytes) -> None:
        self._bodies[number_ - 1] = body.encode("latin-1") if isinstance(body, str) else body

    def add(self, body: str | bytes) -> int:
        number_ = self.reserve()
        self.set(number_, body)
        return number_

    def add_stream(self, data: bytes, entries: str = "", identifying: bool = True) -> int:
        """A stream whose `data` is already deflated, with its dictionary's other entries. Not
        `identifying`: left out of the file identifier's hash (a font subset's program and map:
        most of the file's bytes, and named after their characters already)."""
        head = f"<< /Length {len(data)} /Filter /FlateDecode{(' ' + entries) if entries else ''} >>\nstream\n"
        number_ = self.add(b"".join((head.encode("latin-1"), data, b"\nendstream")))
        if not identifying:
            self._unhashed.add(number_)
        return number_

    def write(self, root: int, info: int) -> bytes:
        missing = [index + 1 for index, body in enumerate(self._bodies) if body is None]
        if missing:  # a reserved object never set: a bug here, not a bad input
            raise AssertionError(f"PDF objects {missing} were reserved and never written")
        out = bytearray(HEADER)
        offsets = []
        identity = hashlib.md5(usedforsecurity=False)
        for index, body in enumerate(self._bodies, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % index
            out += body
            out += b"\nendobj\n"
            if index not in self._unhashed:
                identity.update(body)
        xref = len(out)
        count = len(self._bodies) + 1
        out += b"xref\n0 %d\n0000000000 65535 f \n" % count
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
        # The file identifier (§14.4): from the contents, so the same document gives the same bytes.
        identifier = identity.hexdigest().upper()
        out += (f"trailer\n<< /Size {count} /Root {reference(root)} /Info {reference(info)} "
                f"/ID [<{identifier}> <{identifier}>] >>\nstartxref\n{xref}\n%%EOF\n").encode("latin-1")
        return bytes(out)


FLATE_LEVEL = 1


def deflate(data: bytes) -> bytes:
    """zlib-wrapped deflate (the FlateDecode filter's format) at the fastest level that still
    compresses well: a new font subset's program is the largest thing a document deflates."""
    return _compress(data, FLATE_LEVEL)
