"""One embedded font subset as PDF objects: the TrueType program and the ToUnicode map deflated,
the widths formatted; built once per process (subsetface.py keeps them) and written into every
document that has the same subset.

Deflating a new subset's program is the largest single cost of writing it (pdfsyntax.deflate).

A subset has at most 256 one-byte codes. Its ToUnicode map gives each code its character as
UTF-16BE: four hex digits in the Basic Multilingual Plane, a surrogate pair beyond it (𠮷,
U+20BB7, and the rest of CJK Extension B and later), so copied text is the text printed.
"""

from __future__ import annotations

from dataclasses import dataclass

from .pdfsyntax import deflate, number

_BFCHAR_BLOCK = 100  # the CMap format allows at most 100 entries in one beginbfchar block


def _utf16(code: int) -> str:
    if code <= 0xFFFF:
        return f"{code:04X}"
    return chr(code).encode("utf-16-be").hex().upper()  # a surrogate pair


def to_unicode_map(font_name: str, codes: list[int]) -> str:
    """A ToUnicode CMap (ISO 32000-1 §9.10.3): one-byte codes 0..n-1 to the characters `codes`."""
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        f"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        f"/CMapName /{font_name}-UCS def", "/CMapType 2 def",
        "1 begincodespacerange", "<00> <FF>", "endcodespacerange",
    ]
    for start in range(0, len(codes), _BFCHAR_BLOCK):
        block = codes[start:start + _BFCHAR_BLOCK]
        lines.append(f"{len(block)} beginbfchar")
        lines.extend(f"<{start + index:02X}> <{_utf16(code)}>" for index, code in enumerate(block))
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


@dataclass(frozen=True)
class BuiltSubset:
    """One font subset's file contents, ready to be written into any document that uses it."""

    program: bytes  # the TrueType program, deflated
    program_length: int  # its length before deflating (/Length1)
    to_unicode: bytes  # the ToUnicode CMap, deflated
    widths: str  # the /Widths array, formatted
    count: int  # codes in the subset

    def size(self) -> int:
        return len(self.program) + len(self.to_unicode) + len(self.widths)


def build_subset(base_name: str, codes: list[int], program: bytes, widths: list[float]) -> BuiltSubset:
    """The objects of the subset named `base_name` (ABCDEF+Face) whose byte codes 0..n-1 are the
    characters `codes`, from its program and its widths (1/1000 em)."""
    # Each distinct width formatted once: a CJK subset is mostly one width.
    formatted = {width: number(width) for width in set(widths)}
    widths_array = "[" + " ".join(formatted[width] for width in widths) + "]"
    cmap = to_unicode_map(base_name, codes).encode("ascii")
    return BuiltSubset(deflate(program), len(program), deflate(cmap), widths_array,
                       len(codes))
