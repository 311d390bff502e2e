"""Chinese line breaking: fill each line greedily, break only where 禁则 allows, justify.

A break may fall between any two Chinese characters, except before a mark that may not start a
line (，。、；：？！）】》」』”… and the rest of typesetting.NO_LINE_START) or after one that may
not end a line (（【《「『“). A run of Latin letters and digits ("2024", "ISO/IEC", "1,000") is a
word and is never split, except when it alone is longer than a line. When the character that
overflows may not start a line, the character before it moves down with it (push-out).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..layout.punctuation import NO_LINE_END, NO_LINE_START

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


# A gap wider than this share of a character's advance is not justified: the line is set ragged.
_MAX_STRETCH = 0.5
_WIDOW = 2  # a last line of this many characters or fewer borrows one from the line above


def can_break(text: str, position: int, keeps: frozenset[int] = frozenset()) -> bool:
    """May a line end before text[position]?"""
    before, after = text[position - 1], text[position]
    if after in NO_LINE_START or before in NO_LINE_END or position in keeps:
        return False
    if before.isspace() or after.isspace():
        return not after.isspace()  # break after spaces, never before one
    if before == "/" and _is_word_character(after):
        return True  # ISO/｜IEC: a long Latin run breaks after its slashes
    if before.isdigit() and before.isascii() and not after.isascii():
        return False  # 24｜日, 5｜月, 3｜%: a number keeps its unit
    return not (_is_word_character(before) and _is_word_character(after))


def break_before(text: str, start: int, overflow: int, keeps: frozenset[int]) -> int:
    """The last legal break in (start, overflow]: first one that honours `keeps`, then any;
    `overflow` itself when there is none."""
    for rules in (keeps, frozenset()):
        for position in range(overflow, start, -1):
            if can_break(text, position, rules):
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
    extra = max(0.0, (limit - sum(widths[start:end])) / gaps)
    widest = max(widths[start:end])
    return 0.0 if extra > widest * _MAX_STRETCH else extra


def _no_widow(text: str, widths: list[float], spans: list[Span], first: float, rest: float,
              justify: bool, keeps: frozenset[int]) -> list[Span]:
    """Move the break above a last line of one or two characters back by one legal position,
    when what then ends the paragraph still fits one line."""
    last, previous = spans[-1], spans[-2]
    if len(text[last.start:last.end].strip()) > _WIDOW:
        return spans
    count = len(text)
    limit = rest if len(spans) > 2 else first
    for position in range(last.start - 1, previous.start + 1, -1):
        if not can_break(text, position, keeps):
            continue
        if sum(widths[position:count]) > rest + _EPSILON:
            break
        extra = _justify(text, widths, previous.start, position, limit) if justify else 0.0
        return spans[:-2] + [Span(previous.start, position, extra), Span(position, count, 0.0)]
    return spans


def break_lines(text: str, widths: list[float], first: float, rest: float, justify: bool = True,
                keeps: frozenset[int] = frozenset()) -> list[Span]:
    """Break `text` (one advance per character in `widths`) into lines `first`, then `rest` wide.

    Lines are justified except the last; spaces at the start of a continued line are dropped.
    `keeps`: positions a line should not end before (names, dates), unless nothing else fits.
    """
    spans: list[Span] = []
    start, count = 0, len(text)
    while start < count:
        limit = rest if spans else first
        overflow = _fill(widths, start, limit)
        if overflow >= count:
            spans.append(Span(start, count, 0.0))
            break
        end = break_before(text, start, overflow, keeps)
        spans.append(Span(start, end, _justify(text, widths, start, end, limit) if justify else 0.0))
        start = end
        while start < count and text[start].isspace():
            start += 1
    if len(spans) >= 2:
        spans = _no_widow(text, widths, spans, first, rest, justify, keeps)
    return spans
