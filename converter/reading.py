"""Bytes in, clean text out: encoding detection, line endings, characters XML cannot hold."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from .errors import InputError, InputTooLargeError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# XML 1.0 allows TAB, LF, CR and everything from U+0020 up, except surrogates and U+FFFE/U+FFFF.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Signatures of files that are certainly not text reports.
_BINARY_SIGNATURES = (
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"PK\x03\x04", "a ZIP archive (DOCX, XLSX and ODT are ZIP archives too)"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (DOC, XLS)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)


@dataclass
class DecodedText:
    """The text of an input and what happened on the way."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def _binary_kind(data: bytes) -> str | None:
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return kind
    return None


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            # GB18030 is a superset of GBK and GB2312: one decoder serves all three.
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            offset = utf8_error.start
            line = data.count(b"\n", 0, offset) + 1
            raise InputError(
                f"not UTF-8, UTF-16 or GB18030 text (undecodable byte 0x{data[offset]:02x} "
                f"at byte {offset}); save the file as UTF-8",
                place=f"line {line}",
            ) from None


def decode(data: bytes, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> DecodedText:
    """Decode a report's bytes, or raise InputError saying why they are not a report."""
    if max_bytes is not None and len(data) > max_bytes:
        raise InputTooLargeError(
            f"input is {len(data):,} bytes, over the limit of {max_bytes:,} "
            "(raise it with --max-size)"
        )
    kind = _binary_kind(data)
    if kind:
        raise InputError(f"this is {kind}, not a text report")
    text, encoding = _decode(data)
    return clean(text, encoding)


def clean(text: str, encoding: str = "str") -> DecodedText:
    """Normalise line endings and drop what XML 1.0 cannot hold, counting it."""
    warnings: list[str] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    dropped = _XML_FORBIDDEN.findall(text)
    if dropped:
        # A few stray controls are noise in a text; a tenth of the characters is a binary file.
        if len(dropped) >= 32 and len(dropped) * 10 > len(text):
            raise InputError(
                f"{len(dropped)} of {len(text)} characters are control characters: "
                "this looks like a binary file, not a text report"
            )
        text = _XML_FORBIDDEN.sub("", text)
        warnings.append(f"dropped {len(dropped)} control character(s) that XML 1.0 cannot hold")
    if not text.strip():
        raise InputError("the input is empty (nothing but white space)")
    return DecodedText(text, encoding, warnings)
