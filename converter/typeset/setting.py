"""Set a paragraph: characters → fonts and advances → broken, justified lines of font runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from ..layout.inline import Anchor
from .fontset import FontSet
from .linebreak import break_lines


@dataclass(frozen=True)
class Style:
    """How a paragraph is set: size, extra advance per character (the grid), indents, alignment."""

    size: float
    tracking: float = 0.0
    first_indent: float = 0.0
    rest_indent: float = 0.0
    align: str = "justify"  # justify | centre | left
    colour: tuple[int, int, int] = (0, 0, 0)
    embolden: float = 0.0  # outline stroke (pt) that makes a regular face read as bold


@dataclass
class Line:
    """One set line: where it starts, its runs of (font, text), the space added after each character."""

    x: float
    width: float
    runs: list[tuple[str, str]]
    char_space: float
    anchors: list[Anchor] = field(default_factory=list)
    tail: "Line | None" = None  # a second piece on the same grid line: the 印发日期, flush right


def _assign(text: str, roles: list[str], fonts: FontSet, style: Style) -> tuple[list[str], list[float]]:
    """The font and the advance of every character: looked up a run of one role at a time, in C
    (`map` over the role's table), the characters not placed yet found and placed first."""
    scale, tracking = style.size / 1000.0, style.tracking
    names: list[str] = []
    widths: list[float] = []
    start = 0
    for role, members in groupby(roles):
        end = start + len(list(members))
        run = text[start:end]
        known = fonts.placements.setdefault(role, {})
        placed = list(map(known.get, run))
        if None in placed:
            for index, character in enumerate(run):
                if placed[index] is None:
                    found = known.get(character)
                    if found is None:
                        name = fonts.font_for(role, character) or fonts.primary(role)
                        found = known[character] = (name, fonts.advance(name, character))
                    placed[index] = found
        run_names, advances = zip(*placed)
        names.extend(run_names)
        widths.extend([advance * scale + tracking for advance in advances])
        start = end
    return names, widths


def _runs(text: str, names: list[str], start: int, end: int) -> list[tuple[str, str]]:
    runs: list[tuple[str, str]] = []
    run_start = start
    for index in range(start + 1, end + 1):
        if index == end or names[index] != names[run_start]:
            runs.append((names[run_start], text[run_start:index]))
            run_start = index
    return runs


def _x(style: Style, width: float, natural: float, indent: float) -> float:
    if style.align == "centre":
        return indent + (width - natural) / 2
    return indent


def _set_piece(text: str, names: list[str], widths: list[float], start: int, end: int, style: Style,
               width: float, first_line: bool, keeps: frozenset[int]) -> list[tuple[int, int, Line]]:
    """Lines for text[start:end] (no line break inside), as (start, end, indent, line)."""
    first = width - (style.first_indent if first_line else style.rest_indent)
    local = frozenset(p - start for p in keeps if start < p < end)
    spans = break_lines(text[start:end], widths[start:end], first, width - style.rest_indent,
                        justify=style.align == "justify", keeps=local)
    found = []
    for span in spans:
        begin, stop = start + span.start, start + span.end
        while stop > begin and text[stop - 1].isspace():
            stop -= 1
        indent = style.first_indent if first_line and not found else style.rest_indent
        natural = sum(widths[begin:stop]) - style.tracking
        line = Line(_x(style, width - indent, natural, indent), natural, _runs(text, names, begin, stop),
                    style.tracking + span.extra)
        found.append((start + span.start, start + span.end, line))
    return found


def set_paragraph(text: str, roles: list[str], anchors: list[Anchor], fonts: FontSet, style: Style,
                  width: float, keeps: frozenset[int] = frozenset()) -> list[Line]:
    """Break `text` (one role per character) into lines `width` wide, in the paragraph's style.

    A line break character ends a line; an anchor goes to the line its character is on.
    """
    names, widths = _assign(text, roles, fonts, style)
    placed: list[tuple[int, int, Line]] = []
    start = 0
    for piece in text.split("\n"):
        placed.extend(_set_piece(text, names, widths, start, start + len(piece), style, width, not placed, keeps))
        start += len(piece) + 1
    for anchor in anchors:
        owner = next((line for begin, end, line in placed if anchor.offset < end), placed[-1][2] if placed else None)
        if owner is not None:
            owner.anchors.append(anchor)
    return [line for _, _, line in placed]
