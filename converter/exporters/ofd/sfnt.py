"""A TrueType file from its parts, written directly (OpenType spec, "The OpenType font file"):
the table directory with checksums, and the few tables a subset of simple glyphs needs.

Written here rather than through fontTools' FontBuilder: importing that (and the table modules
it pulls in) costs more than a whole document's pages, and a subset needs nothing it offers.
"""

from __future__ import annotations

import struct
from math import floor, log2


def _checksum(data: bytes) -> int:
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}L", data)) & 0xFFFFFFFF


def _search(count: int, size: int) -> tuple[int, int, int]:
    """searchRange, entrySelector, rangeShift for `count` entries of `size` bytes."""
    selector = floor(log2(count)) if count else 0
    search_range = (2 ** selector) * size
    return search_range, selector, count * size - search_range


def font_file(tables: dict[str, bytes]) -> bytes:
    """The sfnt: offset table, directory (tags sorted), tables padded to 4 bytes; then head's
    checkSumAdjustment, so that the whole file sums to 0xB1B0AFBA."""
    tags = sorted(tables)
    header = struct.pack(">LHHHH", 0x00010000, len(tags), *_search(len(tags), 16))
    offset = 12 + 16 * len(tags)
    directory, body, head_at = [], [], 0
    for tag in tags:
        data = tables[tag]
        if tag == "head":
            head_at = offset
        directory.append(struct.pack(">4sLLL", tag.encode("ascii"), _checksum(data), offset, len(data)))
        body.append(data + b"\0" * (-len(data) % 4))
        offset += len(body[-1])
    whole = header + b"".join(directory) + b"".join(body)
    adjustment = (0xB1B0AFBA - _checksum(whole)) & 0xFFFFFFFF
    return whole[:head_at + 8] + struct.pack(">L", adjustment) + whole[head_at + 12:]


def cmap(mapping: dict[int, int]) -> bytes:
    """Unicode → glyph: format 4 (Windows, BMP) and, when a code lies beyond U+FFFF or the BMP
    codes are too scattered for format 4's 16-bit length, format 12 (Windows, full repertoire).
    Codes in a row with glyphs in a row share one segment."""
    codes = sorted(mapping)
    groups: list[list[int]] = []  # [first code, last code, first glyph]
    for code in codes:
        if groups and code == groups[-1][1] + 1 and mapping[code] == mapping[groups[-1][1]] + 1:
            groups[-1][1] = code
        else:
            groups.append([code, code, mapping[code]])
    segments = [(first, last, glyph) for first, last, glyph in groups if first <= 0xFFFF]
    segments = [(first, min(last, 0xFFFE), glyph) for first, last, glyph in segments if first <= 0xFFFE]
    segments.append((0xFFFF, 0xFFFF, 0))  # the end segment: maps to glyph 0
    count = len(segments)
    ends = struct.pack(f">{count}H", *(last for _, last, _ in segments))
    starts = struct.pack(f">{count}H", *(first for first, _, _ in segments))
    deltas = struct.pack(f">{count}H", *(((glyph - first) & 0xFFFF) if glyph else 1 for first, _, glyph in segments))
    body = ends + b"\0\0" + starts + deltas + b"\0\0" * count
    search_range, selector, shift = _search(count, 2)
    subtables = []
    if 14 + len(body) <= 0xFFFF:  # format 4 counts its length in 16 bits: ~8,000 scattered codes at most
        format_4 = struct.pack(">HHHHHHH", 4, 14 + len(body), 0, 2 * count, search_range, selector, shift) + body
        subtables.append((1, format_4))
    if (codes and codes[-1] > 0xFFFF) or not subtables:
        entries = b"".join(struct.pack(">LLL", *group) for group in groups)
        subtables.append((10, struct.pack(">HHLLL", 12, 0, 16 + len(entries), 0, len(groups)) + entries))
    header = struct.pack(">HH", 0, len(subtables))
    offset = 4 + 8 * len(subtables)
    records, data = b"", b""
    for encoding, table in subtables:
        records += struct.pack(">HHL", 3, encoding, offset + len(data))
        data += table
    return header + records + data


def name(records: dict[int, str]) -> bytes:
    """Format 0, Windows Unicode (English, US) records, by name ID."""
    encoded = [(number, text.encode("utf-16-be")) for number, text in sorted(records.items()) if text]
    header = struct.pack(">HHH", 0, len(encoded), 6 + 12 * len(encoded))
    entries, strings = b"", b""
    for number, text in encoded:
        entries += struct.pack(">HHHHHH", 3, 1, 0x409, number, len(text), len(strings))
        strings += text
    return header + entries + strings
