"""`convert check`: does a DOCX, PDF or OFD (ours or anyone's) meet GB/T 9704-2012?

One reader per format measures the file into the format-neutral `Measurements`
(`converter.check.docx`, `converter.check.pdf`, `converter.check.ofd`); one rule table
(`converter.check.rules`) judges them. A new format plugs in as a reader: a module with
`measure(data, name) -> Measurements` named in `READERS`, and `sniff` taught its signature.

    >>> from converter.check import check_file
    >>> report = check_file("notice.pdf")
    >>> report.failed            # the rules that failed, [] when the file passes
"""

from __future__ import annotations

import importlib
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..errors import CheckFailedError, InputError
from .measures import Measurements
from .rules import FAIL, Options, Verdict, judge

# Format → module whose measure(data, name) reads it. Imported on use: pdfminer only for PDFs.
READERS = {
    "docx": "converter.check.docx",
    "pdf": "converter.check.pdf",
    "ofd": "converter.check.ofd",
}


@dataclass
class Report:
    name: str
    format: str
    verdicts: list[Verdict] = field(default_factory=list)
    measurements: Optional[Measurements] = None

    @property
    def failed(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.status == FAIL]

    def as_dict(self) -> dict:
        return {"file": self.name, "format": self.format, "passed": not self.failed,
                "rules": [v.as_dict() for v in self.verdicts]}


def sniff(data: bytes, name: str) -> str:
    """The format by content, not by suffix: %PDF, or a ZIP with Word's or OFD's main part."""
    if data[:1024].lstrip(b"\x00\t\r\n ").startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile as error:
            raise InputError(f"a damaged ZIP package: {error}", source=name) from error
        if "word/document.xml" in names:
            return "docx"
        if "OFD.xml" in names:
            return "ofd"
    raise InputError("not a DOCX, PDF or OFD file", source=name)


def check_bytes(data: bytes, name: str, *, strict_faces: bool = False) -> Report:
    """Measure and judge one file's bytes; InputError when it cannot be read as DOCX, PDF or OFD."""
    kind = sniff(data, name)
    if kind not in READERS:
        raise InputError(f"{kind.upper()} files cannot be checked yet (no reader for them)", source=name)
    reader = importlib.import_module(READERS[kind])
    measured = reader.measure(data, name)
    return Report(name, kind, judge(measured, Options(strict_faces=strict_faces)), measured)


def check_file(path, *, strict_faces: bool = False) -> Report:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise InputError("no such file", source=str(path)) from error
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", source=str(path)) from error
    return check_bytes(data, str(path), strict_faces=strict_faces)
