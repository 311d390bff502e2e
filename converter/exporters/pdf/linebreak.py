"""Chinese line breaking: fill each line greedily, break only where 禁则 allows, justify.

A break may fall between any two Chinese characters, except before a mark that may not start a
line (，。、；：？！）】》」』”… and the rest of typesetting.NO_LINE_START) or after one that may
not end a line (（【《「『“). A run of Latin letters and digits ("2024", "ISO/IEC", "1,000") is a
word and is never split, except when it alone is longer than a line. When the character that
overflows may not start a line, the character before it moves down with it (push-out).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...layout.punctuation import NO_LINE_END, NO_LINE_START

# Width slack for floating-point sums: 28 characters at the grid pitch fill a line exactly.
_EPSILON = 0.01


@dataclass(frozen=True)
class Span:
    """One line: characters [start, end) of the paragraph, and the extra space after each."""

    start: int
    end: int
    extra: float


def _is_word_character(character: str) -> bool:
    return character.isascii() and not character.isspace()


def can_break(text: str, position: int) -> bool:
    """May a line end before text[position]?"""
    before, after = text[position - 1], text[position]
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    if before.isspace() or after.isspace():
        return not after.isspace()  # break after spaces, never before one
    return not (_is_word_character(before) and _is_word_character(after))


def _break_before(text: str, start: int, overflow: int) -> int:
    """The last legal break in (start, overflow]; `overflow` itself when there is none."""
    for position in range(overflow, start, -1):
        if can_break(text, position):
            return position
    return overflow


def _fill(widths: list[float], start: int, limit: float) -> int:
    """The index of the first character that no longer fits on a line starting at `start`."""
    total = 0.0
    index = start
    count = len(widths)
    while index < count:
        total += widths[index]
        if total > limit + _EPSILON:
            return max(index, start + 1)  # a line holds at least one character
        index += 1
    return count


def _justify(text: str, widths: list[float], start: int, end: int, limit: float) -> float:
    """The space to add after every character but the last so the line ends at `limit`."""
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    gaps = end - start - 1
    if gaps <= 0:
        return 0.0
    return max(0.0, (limit - sum(widths[start:end])) / gaps)


def break_lines(text: str, widths: list[float], first: float, rest: float, justify: bool = True) -> list[Span]:
    """Break `text` (one advance per character in `widths`) into lines `first`, then `rest` wide.

    Lines are justified except the last; spaces at the start of a continued line are dropped.
    """
    spans: list[Span] = []
    start, count = 0, len(text)
    while start < count:
        limit = rest if spans else first
        overflow = _fill(widths, start, limit)
        if overflow >= count:
            spans.append(Span(start, count, 0.0))
            break
        end = _break_before(text, start, overflow)
        spans.append(Span(start, end, _justify(text, widths, start, end, limit) if justify else 0.0))
        start = end
        while start < count and text[start].isspace():
            start += 1
    return spans
