"""Bytes in, clean text out: encoding detection, line endings, characters XML cannot hold."""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, InputTooLargeError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# XML 1.0 allows TAB, LF, CR and everything from U+0020 up, except surrogates and U+FFFE/U+FFFF.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
# What a report's text is made of: white space, ASCII, CJK punctuation and ideographs, full-width forms.
_PLAUSIBLE = re.compile("[\t\n\r\x20-\x7e\u00b7\u2010-\u206f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
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


def _undecodable(data: bytes, offset: int) -> InputError:
    line = data.count(b"\n", 0, offset) + 1
    return InputError(
        f"not UTF-8, UTF-16, GB18030 or Big5 text (undecodable byte 0x{data[offset]:02x} "
        f"at byte {offset}); save the file as UTF-8",
        place=f"line {line}",
    )


def _utf16_without_bom(data: bytes) -> tuple[str, str, list[str]] | None:
    """UTF-16 saved without a byte-order mark.

    Text in UTF-8, GB18030 or Big5 has no NUL bytes, UTF-16 text has one per ASCII character
    (a newline is enough); the side they fall on gives the byte order. The result must then read
    as text: mostly Chinese, ASCII and punctuation, as random bytes never do.
    """
    if len(data) < 4 or len(data) % 2 or b"\0" not in data:
        return None
    little = data[1::2].count(0) >= data[0::2].count(0)
    try:
        text = data.decode("utf-16-le" if little else "utf-16-be", "surrogatepass")
    except UnicodeDecodeError:
        return None
    if len(_PLAUSIBLE.findall(text)) < 0.9 * len(text):
        return None
    return text, "utf-16", ["read as UTF-16 without a byte-order mark"]


def _legacy(data: bytes) -> tuple[str, str]:
    """A file in one legacy Chinese encoding: GB18030 (also GBK, GB2312), else Big5.

    Big5 bytes often decode as GB18030 too, but land in the private-use area; that tells them apart.
    """
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as error:
        text, failure = None, error.start
    if text is not None and not _PRIVATE_USE.search(text):
        return text, "gb18030"
    try:
        return data.decode("cp950"), "big5"
    except UnicodeDecodeError:
        if text is not None:
            return text, "gb18030"
        raise _undecodable(data, failure) from None


def _mixed(lines: list[bytes], legacy: list[int]) -> tuple[str, str, list[str]]:
    """UTF-8 with some lines in GB18030 (pasted from elsewhere): each line in its own encoding."""
    parts = []
    offset = 0
    for number, line in enumerate(lines, start=1):
        try:
            parts.append(line.decode("gb18030" if number in legacy else "utf-8", "surrogatepass"))
        except UnicodeDecodeError as error:
            raise _undecodable(b"".join(lines), offset + error.start) from None
        offset += len(line)
    shown = ", ".join(str(n) for n in legacy[:10]) + (" …" if len(legacy) > 10 else "")
    warning = f"{len(legacy)} line(s) were not UTF-8 and were read as GB18030 (line {shown})"
    return "".join(parts), "utf-8+gb18030", [warning]


def _not_utf8(data: bytes) -> tuple[str, str, list[str]]:
    lines = data.splitlines(keepends=True)
    legacy, utf8 = [], 0
    for number, line in enumerate(lines, start=1):
        try:
            line.decode("utf-8", "surrogatepass")
            utf8 += not line.isascii()
        except UnicodeDecodeError:
            legacy.append(number)
    if utf8 and legacy:
        return _mixed(lines, legacy)
    text, encoding = _legacy(data)
    return text, encoding, []


def _decode(data: bytes) -> tuple[str, str, list[str]]:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "surrogatepass"), "utf-8-sig", []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            # surrogatepass: a lone surrogate becomes a character clean() drops and counts, as for UTF-8.
            return data.decode("utf-16", "surrogatepass"), "utf-16", []
        except UnicodeDecodeError as error:
            raise InputError(
                f"starts like UTF-16 text but is not (undecodable at byte {error.start}); "
                "save the file as UTF-8"
            ) from None
    try:
        # surrogatepass: an encoded lone surrogate becomes a character clean() drops and counts.
        text = data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError as error:
        if error.end == len(data) and "unexpected end" in error.reason:
            return _truncated(data, error.start)
        return _utf16_without_bom(data) or _not_utf8(data)
    if text.count("\0") * 10 > len(text):  # ASCII saved as UTF-16 is valid UTF-8, full of NULs
        return _utf16_without_bom(data) or (text, "utf-8", [])
    return text, "utf-8", []


def _truncated(data: bytes, start: int) -> tuple[str, str, list[str]]:
    """A page cut off in the middle of its last character: keep everything before it."""
    try:
        text = data[:start].decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return _not_utf8(data)
    return text, "utf-8", [f"the input ends in the middle of a character (cut off?); its last {len(data) - start} byte(s) were dropped"]


# What a path names when it is not a regular file, as a user would call it.
_NOT_REGULAR = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _not_regular(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _NOT_REGULAR if test(mode)), "not a regular file")


def read_file(path: Path, max_bytes: int | None = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of the regular file at `path`, refusing past `max_bytes` without reading further.

    A FIFO, device or socket is refused before it is opened for reading: opening a FIFO waits
    for a writer and /dev/zero never ends. The file is then opened without blocking and checked
    again, so one swapped in between the two looks cannot make the command wait either.
    """
    try:
        kind = _not_regular(os.stat(path).st_mode)
        if kind is None:
            handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
            with open(handle, "rb", closefd=True) as stream:
                kind = _not_regular(os.fstat(handle).st_mode)
                if kind is None:
                    return _read_at_most(stream, max_bytes)
    except InputError as error:
        raise error.located(str(path)) from None
    except FileNotFoundError:
        raise InputError("no such file", source=str(path)) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", source=str(path)) from None
    why = "" if kind == "a folder" else " (refused unopened: reading it could wait or run forever)"
    raise InputError(f"this is {kind}, not a file{why}", source=str(path))


def _read_at_most(stream, max_bytes: int | None) -> bytes:
    # One byte past the limit is enough to refuse: a huge input is never read whole.
    data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
    check_size(data, max_bytes)
    return data


def check_size(data: bytes, max_bytes: int | None = DEFAULT_MAX_BYTES) -> None:
    """Refuse input past the limit before any work is spent on it (text and XML alike)."""
    if max_bytes is None or len(data) <= max_bytes:
        return
    # Data read one byte past the limit (and no further) has no known size: do not invent one.
    size = "" if len(data) == max_bytes + 1 else f"{len(data):,} bytes, "
    raise InputTooLargeError(f"input is {size}over the limit of {max_bytes:,} bytes (raise it with --max-size)")


def decode(data: bytes, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> DecodedText:
    """Decode a report's bytes, or raise InputError saying why they are not a report."""
    check_size(data, max_bytes)
    kind = _binary_kind(data)
    if kind:
        raise InputError(f"this is {kind}, not a text report")
    text, encoding, warnings = _decode(data)
    decoded = clean(text, encoding)
    decoded.warnings[:0] = warnings
    return decoded


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
