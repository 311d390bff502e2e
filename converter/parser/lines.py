"""Cutting the text into non-blank lines, each with its place in the whole text."""

from __future__ import annotations

from dataclasses import dataclass

_SPACE = " \t\u3000\u00a0\u2002\u2003"


# Slots: a report of short lines holds one Line per line while it is planned (a dict per
# instance would cost more than the line's own characters).
@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank line without its surrounding white space: text[start:end] of the input."""

    number: int  # 1-based line number in the input
    start: int
    end: int
    text: str  # the original characters
    shadow: str  # the folded characters (same length)
    column: int = 0  # where `text` starts in its input line (the white space stripped before it)
    piece: bool = False  # only part of its input line (a headline glued to the lead …)


def split_lines(text: str, shadow: str) -> list[Line]:
    # Found one by one rather than by text.split("\n"): a text of blank lines would otherwise
    # hold a list entry per blank line.
    lines: list[Line] = []
    offset = 0
    number = 0
    length = len(text)
    find = text.find
    while offset <= length:
        number += 1
        stop = find("\n", offset)
        if stop == -1:
            stop = length
        if stop > offset:
            raw = text[offset:stop]
            content = raw.strip(_SPACE)
            if content:
                stripped_left = len(raw) - len(raw.lstrip(_SPACE))
                start = offset + stripped_left
                end = start + len(content)
                lines.append(Line(number, start, end, content, shadow[start:end], stripped_left))
        offset = stop + 1
    return lines
