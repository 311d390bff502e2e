"""Line breaks the DOCX is given where the word processor would split a name, a date or a
short 《title》.

Word and LibreOffice break Chinese text between any two characters, so a name at a line's end
comes out split (王｜春黎), and LibreOffice honours no joiner character between a word's
characters (Word was not tried). What both honour is the width of a full-width character: the
styles set 3号 type condensed by 0.25 pt (styles.CONDENSE_TWIPS), so every full-width character
is 15.75 pt wide and 28 fill the 156 mm line. Where a paragraph's lines fall is therefore known
before the word processor sets them, as long as the line holds only full-width characters. For
those lines the paragraph is broken here as the PDF breaks it (converter.typeset.linebreak: 禁则,
names kept whole, no last line of one or two characters), and an explicit line break is written
only where that differs from the break the word processor would make itself. A line that
reaches a half-width character (digits, Latin) is left to the word processor, and so is every
line after it: the width of those characters is the application's own (LibreOffice adds space
between digits and Chinese).

How many characters a line holds is counted on the narrow side: an indent given in characters
(w:firstLineChars, w:leftChars) is taken as whichever is wider, its twips twin or that many 3号
characters (16 pt, which Word may use for the unit). A line counted a character short costs at
most an unneeded break, never a line of one character that a break after the word processor's
own wrap would leave.

The cost: an explicit break stays where it is when the paragraph is edited. It is written only
where a name would otherwise be split or a paragraph end on a line of one or two characters,
and only in body, heading, item and attendance paragraphs.
"""

from __future__ import annotations

import math
import unicodedata

from ... import layout
from ...layout import plan as p
from ...typeset.linebreak import break_before, break_lines
from .styles import ATTENDANCE_LABEL_CHARS, CONDENSE_TWIPS

_LINE_PT = layout.mm_to_pt(layout.TYPE_BLOCK_WIDTH_MM)
_CHARACTER_PT = layout.BODY.size_pt + CONDENSE_TWIPS / layout.TWIPS_PER_PT  # 15.75 pt


def _cells(indent_chars: float) -> int:
    """Full-width characters a line indented by `indent_chars` surely holds."""
    indent = indent_chars * max(layout.CHAR_PITCH_PT, layout.BODY.size_pt)
    return math.floor((_LINE_PT - indent) / _CHARACTER_PT + 1e-9)


# Characters of a paragraph's first line and of the lines after it, as the Word styles set them
# (styles.py): body text, items and headings indent the first line by two characters; an
# attendance line hangs its names after its three-character label.
_MEASURES = {
    role: (_cells(layout.FIRST_LINE_INDENT_CHARS), _cells(0))
    for role in (p.BODY, p.ITEM, p.HEADING_1, p.HEADING_2)
}
_MEASURES[p.ATTENDANCE] = (_cells(layout.ATTENDANCE_INDENT_CHARS),
                           _cells(layout.ATTENDANCE_INDENT_CHARS + ATTENDANCE_LABEL_CHARS))


def _fills_a_cell(character: str) -> bool:
    """Does the character take exactly one grid cell (a full-width or wide character)?"""
    return (unicodedata.east_asian_width(character) in ("W", "F") and not character.isspace()
            and not unicodedata.combining(character))  # a combining mark takes no cell of its own


def explicit_breaks(text: str, keeps: frozenset[int], first: int, rest: int) -> list[int]:
    """Offsets in `text` before which a line break must be written so that Word's lines end
    where the PDF's do, for the lines the grid decides; empty when Word's own breaks agree."""
    count = len(text)
    on_grid = next((index for index, character in enumerate(text) if not _fills_a_cell(character)), count)
    if on_grid == count:  # every line is known: the PDF's breaks, the last-line rule included
        ends = [span.end for span in break_lines(text, [1.0] * count, first, rest, False, keeps)][:-1]
    else:
        ends, start = [], 0
        while start + (rest if ends else first) < on_grid:  # the line's overflow is still on the grid
            ends.append(break_before(text, start, start + (rest if ends else first), keeps))
            start = ends[-1]
    found, start = [], 0
    for number, end in enumerate(ends):
        overflow = start + (first if number == 0 else rest)
        own = break_before(text, start, overflow, frozenset()) if overflow < count else count
        if end != own:  # Word would break elsewhere (or not at all)
            found.append(end)
        start = end
    return found


def with_breaks(block: p.Block) -> list[p.Run]:
    """The block's runs, with a line break character wherever `explicit_breaks` asks for one."""
    measures = _MEASURES.get(block.role)
    text = block.text
    if measures is None or block.indent is not None or "\n" in text:
        return block.runs
    breaks = explicit_breaks(text, block.no_break_positions(), *measures)
    if not breaks:
        return block.runs
    runs, offset, pending = [], 0, list(breaks)
    for run in block.runs:
        pieces, cut = [], 0
        while pending and pending[0] < offset + len(run.text):
            at = pending.pop(0) - offset
            pieces.append(run.text[cut:at])
            cut = at
        pieces.append(run.text[cut:])
        runs.append(p.Run("\n".join(pieces), run.role))
        offset += len(run.text)
    return runs
