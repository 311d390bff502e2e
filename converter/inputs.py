"""Any input's bytes to the text the parser reads: a text report as is, a web page as the text a
reader sees; other document formats are refused with what they are."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from .errors import InputError
from .reading import DEFAULT_MAX_BYTES, check_size, decode




@dataclass
class InputText:
    """The text of an input, what it was and how it was read."""

    text: str
    encoding: str
    media_type: str = "text/plain"
    extractor: str | None = None
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# Inside a ZIP archive, the member that tells which office format it is.
_ZIP_KINDS = (
    ("word/document.xml", "a DOCX (Word) document"),
    ("xl/workbook.xml", "an XLSX (Excel) workbook"),
    ("ppt/presentation.xml", "a PPTX (PowerPoint) presentation"),
    ("OFD.xml", "an OFD document"),
    ("META-INF/container.xml", "an EPUB book"),
)
_ODF_KINDS = {
    b"application/vnd.oasis.opendocument.text": "an ODT (OpenDocument) document",
    b"application/vnd.oasis.opendocument.spreadsheet": "an ODS (OpenDocument) spreadsheet",
    b"application/vnd.oasis.opendocument.presentation": "an ODP (OpenDocument) presentation",
}


def document_kind(data: bytes) -> str | None:
    """What kind of non-text document `data` is, when an office or e-book format says so."""
    if data.startswith(b"{\\rtf"):
        return "an RTF document"
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                kind = _ODF_KINDS.get(archive.read("mimetype").strip())
                if kind:
                    return kind
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError):
        return None
    for member, kind in _ZIP_KINDS:
        if member in names:
            return kind
    return None


def read_input(data: bytes, *, name: str | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES) -> InputText:
    """The text of a report or web page, or InputError saying what the input is instead."""
    check_size(data, max_bytes)
    kind = document_kind(data)
    if kind:
        raise InputError(f"this is {kind}, not a text report or web page; save it as text (.txt) first")
    from . import webpage

    if webpage.looks_like_html(data, name):
        return webpage.read(data)
    decoded = decode(data, max_bytes=max_bytes)
    return InputText(decoded.text, decoded.encoding, warnings=list(decoded.warnings))
