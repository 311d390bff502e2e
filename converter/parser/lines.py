"""Cutting the text into non-blank lines, each with its place in the whole text."""

from __future__ import annotations

from dataclasses import dataclass

_SPACE = " \t\u3000\u00a0\u2002\u2003"


@dataclass(frozen=True)
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
    lines: list[Line] = []
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped_left = len(raw) - len(raw.lstrip(_SPACE))
        content = raw.strip(_SPACE)
        if content:
            start = offset + stripped_left
            end = start + len(content)
            lines.append(Line(number, start, end, content, shadow[start:end], stripped_left))
        offset += len(raw) + 1
    return lines
