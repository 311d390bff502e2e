"""Which characters a converted font carries.

A font with CFF outlines is rebuilt as TrueType once per character set and cached. Rebuilding it
per document would cost a second each time; rebuilding the whole font (30 000 glyphs) would make
a 10 MB file that every process loads. The middle way: one base set that covers nearly every
report (GB 2312: all 6 763 hanzi of everyday simplified text, its punctuation and symbols, plus
ASCII), and for the rare document that needs more, a small extra piece with just those characters.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

# Marks GB 2312 decodes differently from what Chinese text actually uses (U+2015 for the dash,
# curly quotes) and the marks our own pages print (the em dash of "— 1 —").
_EXTRA_MARKS = "\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u00b7\u3000\uff5e\u2e3a"


@lru_cache(maxsize=1)
def base_charset() -> frozenset[str]:
    """GB 2312 (rows 1–9 symbols, rows 16–87 hanzi), printable ASCII and common marks."""
    found = {chr(code) for code in range(0x20, 0x7F)}
    found.update(_EXTRA_MARKS)
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                found.add(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return frozenset(found)


def charset_key(characters: frozenset[str] | set[str]) -> str:
    """A short stable name for a character set (part of a cache key)."""
    digest = hashlib.sha256("".join(sorted(characters)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


def printable(characters) -> str:
    """Characters as a person reads them in a warning: 𠮷 (U+20BB7)."""
    return ", ".join(f"{c} (U+{ord(c):04X})" for c in sorted(characters))
