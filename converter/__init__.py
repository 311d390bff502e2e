"""notice-converter: Chinese meeting reports to a canonical XML document, and on to other formats.

    >>> import converter
    >>> doc = converter.parse(open("notice.txt", encoding="utf-8").read())
    >>> converter.validate(doc)            # [] when valid
    >>> pdf = converter.export(doc, "pdf", layout="minutes")

The library never prints, exits or writes files; the `convert` command does.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Union

from .errors import (
    ConverterError,
    ExportError,
    InputError,
    InputTooLargeError,
    InvalidDocumentError,
    OutputError,
    StrictModeError,
)
from .version import __version__

if TYPE_CHECKING:
    from .exporters import FormatInfo
    from .model import Document
    from .schema import Problem

__all__ = [
    "parse", "parse_bytes", "load", "validate", "export", "formats", "Document",
    "ConverterError", "InputError", "InputTooLargeError", "InvalidDocumentError",
    "StrictModeError", "ExportError", "OutputError", "__version__",
]


def parse(text: str) -> "Document":
    """Parse the text of a meeting report into a Document (always schema-valid).

    Raises InputError if the text is blank.
    """
    from .parser import parse as _parse

    return _parse(text)


def parse_bytes(data: bytes, *, max_bytes: int | None = None, name: str | None = None) -> "Document":
    """Decode a report's bytes (UTF-8, GB18030/GBK, UTF-16 with BOM) and parse it.

    A web page (HTML, by its `name`'s suffix or its content) is read as the text a browser shows.
    The document's provenance records `name` (the input as the caller names it), the SHA-256 of
    `data` and the encoding it was read in.
    Raises InputError for empty, binary or undecodable input, InputTooLargeError past max_bytes.
    """
    from .provenance import attach, sha256
    from .inputs import read_input
    from .reading import DEFAULT_MAX_BYTES

    found = read_input(data, name=name, max_bytes=DEFAULT_MAX_BYTES if max_bytes is None else max_bytes)
    document = parse(found.text)
    document.warnings[:0] = found.warnings
    attach(
        document.root, document.warnings, document.guesses, found.notes,
        file=name, sha256=sha256(data), encoding=found.encoding,
        media_type=found.media_type, extractor=found.extractor,
    )
    return document


def _xml_bytes(xml: Union[bytes, str, Path], max_bytes: int | None) -> tuple[bytes, str | None]:
    """The bytes of an XML input and the file it came from, refused past `max_bytes`."""
    from .reading import DEFAULT_MAX_BYTES, check_size, read_file

    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    if isinstance(xml, Path):
        return read_file(xml, limit), str(xml)  # regular files only, never read past the limit
    data = xml.encode("utf-8") if isinstance(xml, str) else bytes(xml)
    check_size(data, limit)
    return data, None


def load(xml: Union[bytes, str, Path], *, max_bytes: int | None = None) -> "Document":
    """Load a canonical XML document (bytes, a string of XML, or a path) and validate it.

    Raises InvalidDocumentError (with `.problems`) when it is hostile, malformed or invalid;
    InputTooLargeError past `max_bytes` (default 20 MB, as for parse_bytes; a file is read no
    further); InputError for a path that is missing or not a regular file (a FIFO, a device).
    """
    from .model import Document
    from .schema import parse_xml, problems

    data, source = _xml_bytes(xml, max_bytes)
    root = parse_xml(data, source=source)
    found = problems(root)
    if found:
        raise InvalidDocumentError(
            f"{len(found)} schema problem(s); first: {found[0]}", problems=found, source=source
        )
    return Document(root)


def validate(document: Union["Document", bytes, str, Path], *, max_bytes: int | None = None) -> list["Problem"]:
    """Every schema problem of a document (empty list when valid).

    Accepts a Document, XML bytes or string, or a path to an XML file. Malformed or hostile XML
    raises InvalidDocumentError rather than returning problems; input past `max_bytes` (default
    20 MB) raises InputTooLargeError, a path that is not a regular file InputError.
    """
    from .model import Document
    from .schema import parse_xml, problems

    if isinstance(document, Document):
        return problems(document.root)
    data, source = _xml_bytes(document, max_bytes)
    return problems(parse_xml(data, source=source))


def export(document: "Document", format: str, **options) -> bytes:
    """Render a document in `format` ("xml", "json", "docx", "pdf", "ofd", or a plug-in's name).

    Keyword options are those of ExportOptions (layout, keep_punctuation, fonts, pretty).
    Raises ExportError for an unknown format or option, or when the exporter fails.
    """
    from dataclasses import fields

    from .exporters import get
    from .options import ExportOptions

    known = {f.name for f in fields(ExportOptions)}
    unknown = sorted(set(options) - known)
    if unknown:
        raise ExportError(f"unknown export option(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    settings = ExportOptions(**options)
    if settings.layout not in ExportOptions.LAYOUTS:
        raise ExportError(f"unknown layout {settings.layout!r}; choose report or minutes")
    return get(format).export(document, settings)


def formats() -> list["FormatInfo"]:
    """The formats available for export (built-in and installed plug-ins)."""
    from .exporters import formats as _formats

    return _formats()


def __getattr__(name: str):
    if name == "Document":
        from .model import Document

        return Document
    raise AttributeError(name)
