"""Line breaks the DOCX is given where the word processor would split a name, a date or a
short 《title》.

Word and LibreOffice break Chinese text between any two characters, so a name at a line's end
comes out split (王｜春黎), and LibreOffice honours no joiner character between a word's
characters (Word was not tried). What both honour is width. The styles set 3号 type condensed
by 0.25 pt (styles.CONDENSE_TWIPS), so a full-width character is 15.75 pt wide and 28 fill the
156 mm line; a digit or Latin letter is its Times New Roman advance (Liberation Serif or Nimbus
Roman in LibreOffice: the same widths) less the same 0.25 pt, a digit 7.75 pt. LibreOffice adds
3.2 pt (a fifth of the font size) wherever a letter or digit meets a Chinese character, since
its DOCX import ignores w:autoSpaceDE/DN; it leaves the last character of each run, and of each
stretch of Latin or Chinese text, uncondensed (0.25 to 0.45 pt more); and it hangs ，。、； in the
margin, since it reads w:overflowPunct="0" the other way round (with "1" it does not hang
them). Word, with those settings, does none of this. So where each application ends a line is
computed here, for each of the two.

A paragraph of full-width characters only is broken as the PDF breaks it
(converter.typeset.linebreak: 禁则, names kept whole, no last line of one or two characters),
and an explicit line break is written only where that differs from Word's own break. Where
LibreOffice hangs a mark it ends the line later than Word, so its next lines start later and a
break written for Word still falls inside them; its run ends are not counted there (a line of
28 characters has 1.25 pt to spare, a first line of 26 1.15 pt).

A paragraph with digits or Latin letters is followed line by line. Each line ends at the last
break the PDF's rules allow that neither application passes by itself; a break is written
there when either application's own end would split a span or leave a last line of one or two
characters, and where the two end the line differently (so that both start the next line at the
same character), the latter only when a later line needs a break. A line whose end is not
certain stops the count, and the rest of the paragraph is left to the applications: a character
of another width (a space, “”, pinyin), a break to be decided where a letter or digit meets
punctuation, an end that moves when the widths are taken 0.05 pt wider or narrower and
LibreOffice's additions at their least or most, or a mark that LibreOffice might hang or not.
Measured with LibreOffice 7.4 on the corpus and on 18 generated documents of dates, numbers and
Latin words, it ended each of the 2,823 lines whose end is called certain here where computed.

How many characters a line holds in Word is counted on the narrow side: an indent given in
characters (w:firstLineChars, w:leftChars) is taken as whichever is wider, its twips twin or that
many 3号 characters (16 pt, which Word may use for the unit); LibreOffice takes the twips. A line
counted a character short costs at most an unneeded break, never a line of one character that
a break after the word processor's own wrap would leave. Word is taken to set each character at
its font's advance less the condense, with nothing between scripts (autoSpaceDE/DN off) and no
mark hung (overflowPunct off), as ECMA-376 specifies; Word itself was not available to check.

The cost: an explicit break stays where it is when the paragraph is edited. It is written only
where a span would otherwise be split or a paragraph end on a line of one or two characters (or
to bring both applications to the same line before such a place), and only in body, heading,
item and attendance paragraphs.
"""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache
from itertools import accumulate
from dataclasses import dataclass

from ... import layout
from ...layout import plan as p
from ...layout.punctuation import NO_LINE_END, NO_LINE_START
from ...typeset.linebreak import break_before, break_lines, can_break
from .styles import ATTENDANCE_LABEL_CHARS, CONDENSE_TWIPS
from .wordml import char_twips

_LINE_PT = layout.mm_to_pt(layout.TYPE_BLOCK_WIDTH_MM)
_TYPE_BLOCK_TWIPS = (layout.mm_to_twips(layout.PAGE_WIDTH_MM) - layout.mm_to_twips(layout.MARGIN_LEFT_MM)
                     - layout.mm_to_twips(layout.MARGIN_RIGHT_MM))  # the page's w:pgSz less its w:pgMar
_CHARACTER_PT = layout.BODY.size_pt + CONDENSE_TWIPS / layout.TWIPS_PER_PT  # 15.75 pt


@dataclass(frozen=True)
class Line:
    """How wide a line is, in points, to each application."""

    word: float  # the narrow side: the indent's characters at 16 pt (3号), which Word may use
    office: float  # LibreOffice: the twips twin of the indent (wordml.char_twips)

    @classmethod
    def cells(cls, count: int) -> "Line":
        return cls(count * _CHARACTER_PT, count * _CHARACTER_PT)

    def full_width_characters(self) -> int:
        """Full-width characters the line surely holds in Word: counted on the narrow side."""
        return math.floor(self.word / _CHARACTER_PT + 1e-9)


def _line(indent_chars: float) -> Line:
    office = (_TYPE_BLOCK_TWIPS - char_twips(indent_chars)) / layout.TWIPS_PER_PT
    return Line(_LINE_PT - indent_chars * max(layout.CHAR_PITCH_PT, layout.BODY.size_pt), office)


# A paragraph's first line and the lines after it, as the Word styles set them (styles.py): body
# text, items and headings indent the first line by two characters; an attendance line hangs its
# names after its three-character label.
_MEASURES = {
    role: (_line(layout.FIRST_LINE_INDENT_CHARS), _line(0))
    for role in (p.BODY, p.ITEM, p.HEADING_1, p.HEADING_2)
}
_MEASURES[p.ATTENDANCE] = (_line(layout.ATTENDANCE_INDENT_CHARS),
                           _line(layout.ATTENDANCE_INDENT_CHARS + ATTENDANCE_LABEL_CHARS))


@lru_cache(maxsize=4096)
def _fills_a_cell(character: str) -> bool:
    """Does the character take exactly one grid cell (a full-width or wide character)?"""
    return (unicodedata.east_asian_width(character) in ("W", "F") and not character.isspace()
            and not unicodedata.combining(character))  # a combining mark takes no cell of its own


# Advance widths (1/1000 em) of the digits and unaccented Latin letters in Times New Roman, the
# Latin face the styles name, and in its metric twins (Nimbus Roman, Liberation Serif), which
# LibreOffice sets in its place. No other half-width character is counted.
_TIMES = dict(zip("0123456789", [500] * 10))
_TIMES.update(zip("abcdefghijklmnopqrstuvwxyz",
                  [444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389,
                   278, 500, 500, 722, 500, 500, 444]))
_TIMES.update(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                  [722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556,
                   611, 722, 722, 944, 722, 722, 611]))
_CONDENSE_PT = CONDENSE_TWIPS / layout.TWIPS_PER_PT  # -0.25 pt after every character, Latin too
_HALF_WIDTH_SLACK_PT = 0.05  # rounding to twips, and Times New Roman's 2048 units against these
# LibreOffice sets a paragraph in portions (a run, or a stretch of one script) and does not
# condense the last character of each: measured 0.25 to 0.45 pt more at every run end and
# wherever Latin meets Chinese text. Where a letter or digit meets a Chinese letter (neither
# being punctuation) it also puts a fifth of the font size, 3.2 pt, whatever w:autoSpaceDE/DN
# say: its DOCX import ignores both. Word, with both off, puts nothing there.
_PORTION_END_PT = (0.25, 0.45)
_SCRIPT_SPACE_PT = layout.BODY.size_pt / 5
# LibreOffice reads w:overflowPunct="0" as "hang punctuation": one of these that overflows a line
# stays on it, in the margin (measured for these four; the other marks that may not start a line
# were not seen at a line's end, and stop the count). Word keeps it inside, pushing the
# character before it down.
_HANGING = frozenset("、。，；")


def _is_latin(character: str) -> bool:
    return character in _TIMES


def _width(character: str, wide: bool) -> float | None:
    """The advance of a character in points, on its narrow or wide side; None when unknown."""
    if _fills_a_cell(character):
        return _CHARACTER_PT
    if character in _TIMES:
        slack = _HALF_WIDTH_SLACK_PT if wide else -_HALF_WIDTH_SLACK_PT
        return _TIMES[character] * layout.BODY.size_pt / 1000 + _CONDENSE_PT + slack
    return None


def _after_latin(text: str, start: int, index: int) -> bool:
    """Does the punctuation at `index` follow a letter or digit (marks between them aside)?
    LibreOffice then breaks it as Latin text: "2446。" does not hang, it moves down whole."""
    while index > start and not text[index - 1].isalnum():
        index -= 1
    return index > start and _is_latin(text[index - 1])


@lru_cache(maxsize=4096)
def _character(character: str) -> tuple[float | None, float | None, bool, bool]:
    """A character's advance on the narrow and the wide side, whether it is one of the Latin
    letters and digits counted, and whether it is a letter or digit at all."""
    return _width(character, False), _width(character, True), _is_latin(character), character.isalnum()


class _Setting:
    """A paragraph's characters as Word and LibreOffice set them; the lines tried are kept."""

    def __init__(self, text: str, run_ends: frozenset[int] = frozenset()):
        self.text = text
        self.run_ends = run_ends
        self._overflows: dict[tuple, tuple[int | None, int | None]] = {}

    def overflow(self, start: int, limit: float, libreoffice: bool, wide: bool) -> int | None:
        """The first character that no longer fits a line of `limit` points starting at
        `start`; None when a character on the line has no known width."""
        key = (start, limit, libreoffice)
        if key not in self._overflows:
            self._overflows[key] = self._fill(start, limit, libreoffice)
        return self._overflows[key][wide]

    def _fill(self, start: int, limit: float, libreoffice: bool) -> tuple[int | None, int | None]:
        """overflow() on the narrow and on the wide side, in one pass."""
        text, run_ends, count = self.text, self.run_ends, len(self.text)
        limit += 1e-6
        narrow, wide = 0.0, (_PORTION_END_PT[0] if libreoffice else 0.0)  # the line's last character
        found: list[int | None] = [None, None]  # narrow, wide
        previous = _character(text[start - 1]) if start else None
        for index in range(start, count):
            current = _character(text[index])
            if current[0] is None:
                return (found[0], found[1])  # unknown from here: None where not yet decided
            if libreoffice and index > start:
                if index in run_ends or previous[2] != current[2]:  # a run or a script ends
                    narrow += _PORTION_END_PT[0]
                    wide += _PORTION_END_PT[1]
                if previous[3] and current[3] and previous[2] != current[2]:
                    narrow += _SCRIPT_SPACE_PT  # a letter or digit beside a Chinese letter
                    wide += _SCRIPT_SPACE_PT
            narrow += current[0]
            wide += current[1]
            if found[1] is None and wide > limit:
                found[1] = max(index, start + 1)
            if narrow > limit:
                found[0] = max(index, start + 1)
                return (found[0], found[1])
            previous = current
        return (count if found[0] is None else found[0], count if found[1] is None else found[1])


def _own_can_break(text: str, position: int) -> bool | None:
    """May the word processor end a line before text[position] (its 禁则 being ours, set in the
    DOCX settings)? Unlike the PDF, it breaks between a number and its unit (24｜日). None where
    a letter or digit meets punctuation: LibreOffice keeps "ABC。123" together, and what either
    application does there was not measured."""
    before, after = text[position - 1], text[position]
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    if _is_latin(before) or _is_latin(after):
        if _is_latin(before) and _is_latin(after):
            return False  # a Latin word or a number is not split
        if not (before.isalnum() and after.isalnum()):
            return None
    return True


def _own_end(setting: _Setting, start: int, line: Line, libreoffice: bool) -> int | None:
    """Where Word or LibreOffice ends the line starting at `start` (len(text) if the rest fits);
    None when that is not certain: a character of unknown width, an end that moves within the
    tolerance of the widths, or a break decided where letters or digits meet punctuation."""
    text, limit = setting.text, (line.office if libreoffice else line.word)
    found = set()
    for wide in (True, False):
        overflow = setting.overflow(start, limit, libreoffice, wide)
        if overflow is None:
            return None
        if overflow >= len(text):
            found.add(len(text))
            continue
        end = overflow
        if libreoffice and text[overflow] in NO_LINE_START:
            if text[overflow] not in _HANGING or _after_latin(text, start, overflow):
                return None  # whether LibreOffice hangs it is not known
            end = overflow + 1  # hangs in the margin; the 禁则 then apply after it
        while end > start and end < len(text):
            allowed = _own_can_break(text, end)
            if allowed is None:
                return None
            if allowed:
                break
            end -= 1
        found.add(end if end > start else None)
    return found.pop() if len(found) == 1 else None


def _grid_breaks(text: str, keeps: frozenset[int], first: int, rest: int) -> list[int]:
    """A paragraph of full-width characters only: every line is known, and Word's own breaks
    are found by the same rules as the PDF's."""
    count = len(text)
    ends = [span.end for span in break_lines(text, [1.0] * count, first, rest, False, keeps)][:-1]
    found, start = [], 0
    for number, end in enumerate(ends):
        overflow = start + (first if number == 0 else rest)
        own = break_before(text, start, overflow, frozenset()) if overflow < count else count
        if end != own:  # Word would break elsewhere (or not at all)
            found.append(end)
        start = end
    return found


def _splits(text: str, end: int, keeps: frozenset[int]) -> bool:
    """Does a line ending before text[end] split a kept span, or leave a last line of one or
    two characters?"""
    return end < len(text) and (not can_break(text, end, keeps) or len(text[end:].strip()) <= 2)


def _fits(setting: _Setting, start: int, line: Line) -> bool:
    return all(_own_end(setting, start, line, libreoffice) == len(setting.text) for libreoffice in (False, True))


def _mixed_breaks(text: str, keeps: frozenset[int], first: Line, rest: Line,
                  run_ends: frozenset[int]) -> list[int]:
    """A paragraph with digits or Latin letters, line by line while both applications' line
    ends are known. A line's break is the PDF's rules' last one that neither application passes
    by itself; it is written where either application would split a span (or leave a last line
    of one or two characters) there, and where the two end the line differently, so that both
    start the next line at the same character. Those last are written only when a later line
    needs a break: otherwise the paragraph is left as the applications set it."""
    found, pending, start, count = [], [], 0, len(text)
    setting = _Setting(text, run_ends)
    while start < count:
        line = rest if start else first
        word, office = _own_end(setting, start, line, False), _own_end(setting, start, line, True)
        if word is None or office is None or word == office == count:
            break  # not known, or the rest fits: nothing more to decide
        overflow = min(setting.overflow(start, line.word, False, True),
                       setting.overflow(start, line.office, True, True))
        end = break_before(text, start, overflow, keeps)
        if len(text[end:].strip()) <= 2:  # a last line of one or two characters takes one more
            for position in range(end - 1, start + 1, -1):
                if can_break(text, position, keeps):
                    if _fits(setting, position, rest):
                        end = position
                    break
        if not start < end <= min(word, office):
            break  # no break before both applications' own ends
        if end != word or end != office:
            pending.append(end)
            if _splits(text, word, keeps) or _splits(text, office, keeps):
                found += pending
                pending = []
        start = end
    return found


def explicit_breaks(text: str, keeps: frozenset[int], first: Line | int, rest: Line | int,
                    run_ends: frozenset[int] = frozenset()) -> list[int]:
    """Offsets in `text` before which a line break must be written so that Word's and
    LibreOffice's lines keep every span whole, for the lines whose ends are known; empty when
    their own breaks already do. `first` and `rest`: the lines' widths, as a Line or in
    full-width characters; `run_ends`: offsets where one of the paragraph's runs ends."""
    first, rest = (Line.cells(m) if isinstance(m, int) else m for m in (first, rest))
    if all(_fills_a_cell(character) for character in text):
        return _grid_breaks(text, keeps, first.full_width_characters(), rest.full_width_characters())
    return _mixed_breaks(text, keeps, first, rest, run_ends)


def with_breaks(block: p.Block) -> list[p.Run]:
    """The block's runs, with a line break character wherever `explicit_breaks` asks for one."""
    measures = _MEASURES.get(block.role)
    text = block.text
    if measures is None or block.indent is not None or "\n" in text:
        return block.runs
    run_ends = frozenset(accumulate(len(run.text) for run in block.runs[:-1]))
    breaks = explicit_breaks(text, block.no_break_positions(), *measures, run_ends)
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
