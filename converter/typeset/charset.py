"""The base character set: what `notice-convert fonts --prepare` converts ahead of the first PDF.

Documents convert only the glyphs they print (subsetface.py); preparing converts those of nearly
every report at once: GB 2312's 6 763 hanzi of everyday simplified text and its marks, Big5's
common traditional hanzi, ASCII and the marks Chinese text uses.
"""

from __future__ import annotations

from functools import lru_cache

# Marks GB 2312 decodes differently from what Chinese text actually uses (U+2015 for the dash,
# curly quotes) and the marks our own pages print (the em dash of "— 1 —").
_EXTRA_MARKS = "\u00a9\u00ae\u2122\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u00b7\u3000\uff5e\u2e3a"


def _decodable(encoding: str, highs: range, lows: tuple[range, ...]) -> set[str]:
    found = set()
    for high in highs:
        for low in (code for part in lows for code in part):
            try:
                found.add(bytes((high, low)).decode(encoding))
            except UnicodeDecodeError:
                continue
    return found


@lru_cache(maxsize=1)
def base_charset() -> frozenset[str]:
    """GB 2312 (its symbols and 6 763 hanzi), Big5's 5 401 common hanzi (reports from Hong Kong,
    Macao and Taiwan, and traditional-script pages), printable ASCII and common marks."""
    found = {chr(code) for code in range(0x20, 0x7F)}
    found.update(_EXTRA_MARKS)
    found |= _decodable("gb2312", range(0xA1, 0xF8), (range(0xA1, 0xFF),))
    found |= _decodable("big5", range(0xA1, 0xC7), (range(0x40, 0x7F), range(0xA1, 0xFF)))
    return frozenset(found)


def printable(characters) -> str:
    """Characters as a person reads them in a warning: 𠮷 (U+20BB7)."""
    return ", ".join(f"{c} (U+{ord(c):04X})" for c in sorted(characters))
