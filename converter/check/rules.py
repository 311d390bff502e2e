"""The GB/T 9704-2012 rules that can be judged from a file's measurements, one function each.

Every rule returns a `Verdict`: pass, fail, not measurable (the file does not show it) or n/a (it
does not apply: the 纪要 rules on a file with no 纪要 mark). Expected values come from
`converter.layout`, the one place the standard's numbers are written down.

Strict: lengths (±1 mm, the standard's own tolerance for the margins, used for every position),
type sizes (±0.1 pt: a 字号 is an exact size), the grid (exactly 22 × 28), the page number's
dashes. Lenient, and only here: the face *family*. A Song (宋体) face stands in for 仿宋 and for
小标宋 and passes with "stand-in" in the verdict, because 仿宋_GB2312 and 方正小标宋 are not free
and a machine without them (ours included: no free 仿宋 ships on PyPI) prints Song in their
place; `strict_faces` makes a stand-in fail. Any other family (黑体 body, a Latin face) fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Optional

from .. import layout
from . import faces
from .measures import Face, Measurements

PASS, FAIL, UNMEASURABLE, NOT_APPLICABLE = "pass", "fail", "not measurable", "n/a"
MM_TOLERANCE = 1.0
PT_TOLERANCE = 0.1
INDENT_TOLERANCE_CHARS = 0.3
# The page number's dashes: 一字线 (U+2014 em dash; U+2015 is how some Chinese fonts and input
# methods give the same mark).
_PAGE_NUMBER = re.compile(r"[—―]\s*(\d+)\s*[—―]")
_STAND_IN_FOR = {faces.FANGSONG: faces.SONG, faces.XIAOBIAOSONG: faces.SONG}


@dataclass
class Verdict:
    rule: str
    status: str
    measured: str
    expected: str
    notes: list[str] = field(default_factory=list)  # problems, stand-ins
    how: str = ""  # how the value was measured

    def as_dict(self) -> dict:
        return {"rule": self.rule, "status": self.status, "measured": self.measured,
                "expected": self.expected, "notes": self.notes, "how": self.how}


@dataclass
class Options:
    strict_faces: bool = False


Judge = Callable[[Measurements, Options], Verdict]
RULES: list[tuple[str, Judge]] = []


def rule(name: str):
    def register(judge: Judge) -> Judge:
        RULES.append((name, judge))
        return judge
    return register


def judge(measured: Measurements, options: Optional[Options] = None) -> list[Verdict]:
    """Every rule, in the table's order."""
    options = options or Options()
    return [judged(measured, options) for _, judged in RULES]


# --- helpers -------------------------------------------------------------------------------------

def _within(value: float, expected: float, tolerance: float) -> bool:
    return abs(value - expected) <= tolerance + 1e-9


def _unmeasurable(name: str, expected: str, m: Measurements, *fields: str) -> Verdict:
    """Not shown by the file: unmeasurable, or a failure when the file leaves it unset."""
    unset = [m.not_set[f] for f in fields if f in m.not_set]
    if unset:
        return Verdict(name, FAIL, "; ".join(dict.fromkeys(unset)), expected)
    reasons = list(dict.fromkeys(m.why[f] for f in fields if f in m.why))
    return Verdict(name, UNMEASURABLE, "; ".join(reasons) or "not shown by the file", expected)


def _face_verdict(name: str, face: Face, want: str, size_pt: float, options: Options,
                  expected: str) -> Verdict:
    """Family (with the Song stand-in unless strict) and size of one kind of text."""
    found = faces.family(face.name) if face.name else None
    shown = f"{faces.display(face.name)} ({found or 'no Chinese family'}), {face.size_pt:g} pt"
    notes: list[str] = []
    ok_size = _within(face.size_pt, size_pt, PT_TOLERANCE)
    if not ok_size:
        notes.append(f"size {face.size_pt:g} pt, not {size_pt:g} pt")
    if not face.name:
        notes.append("the file names no face for this text: the reader's default applies")
        ok_face = False
    elif found == want:
        ok_face = True
    elif found is not None and _STAND_IN_FOR.get(want) == found and not options.strict_faces:
        ok_face = True
        notes.append(f"stand-in: a {found} face in place of {want} (allowed; --strict-faces fails it)")
    else:
        ok_face = False
        notes.append(f"face is {found or 'not a Chinese face'}, not {want}")
    return Verdict(name, PASS if ok_face and ok_size else FAIL, shown, expected, notes)


# --- the rules -----------------------------------------------------------------------------------

@rule("page-size")
def _page_size(m: Measurements, options: Options) -> Verdict:
    expected = f"A4, {layout.PAGE_WIDTH_MM:g} × {layout.PAGE_HEIGHT_MM:g} mm ± {MM_TOLERANCE:g}"
    if m.page_size_mm is None:
        return _unmeasurable("page-size", expected, m, "page_size_mm")
    width, height = m.page_size_mm
    ok = _within(width, layout.PAGE_WIDTH_MM, MM_TOLERANCE) and _within(height, layout.PAGE_HEIGHT_MM, MM_TOLERANCE)
    return Verdict("page-size", PASS if ok else FAIL, f"{width:.1f} × {height:.1f} mm", expected)


def _margin(name: str, value: Optional[float], field_name: str, want: float, m: Measurements) -> Verdict:
    expected = f"{want:g} mm ± {MM_TOLERANCE:g}"
    if value is None:
        return _unmeasurable(name, expected, m, field_name)
    return Verdict(name, PASS if _within(value, want, MM_TOLERANCE) else FAIL, f"{value:.1f} mm", expected,
                   how=m.how.get(field_name, ""))


@rule("margin-top")
def _margin_top(m: Measurements, options: Options) -> Verdict:
    """天头: from the top of the page to the top of the type block."""
    return _margin("margin-top", m.margin_top_mm, "margin_top_mm", layout.MARGIN_TOP_MM, m)


@rule("margin-left")
def _margin_left(m: Measurements, options: Options) -> Verdict:
    """订口: from the left (binding) edge to the type block."""
    return _margin("margin-left", m.margin_left_mm, "margin_left_mm", layout.MARGIN_LEFT_MM, m)


@rule("type-block")
def _type_block(m: Measurements, options: Options) -> Verdict:
    """版心 156 × 225 mm; a PDF of one page shows its width only (no page is full)."""
    expected = f"{layout.TYPE_BLOCK_WIDTH_MM:g} × {layout.TYPE_BLOCK_HEIGHT_MM:g} mm ± {MM_TOLERANCE:g}"
    parts, ok, notes, how = [], True, [], []
    for value, want, label, field_name in (
        (m.block_width_mm, layout.TYPE_BLOCK_WIDTH_MM, "wide", "block_width_mm"),
        (m.block_height_mm, layout.TYPE_BLOCK_HEIGHT_MM, "high", "block_height_mm"),
    ):
        if value is None:
            parts.append(f"{label}: unmeasurable")
            if field_name in m.why and m.why[field_name] not in notes:
                notes.append(m.why[field_name])
            continue
        parts.append(f"{value:.1f} mm {label}")
        ok = ok and _within(value, want, MM_TOLERANCE)
        if field_name in m.how:
            how.append(m.how[field_name])
    if m.block_width_mm is None and m.block_height_mm is None:
        return _unmeasurable("type-block", expected, m, "block_width_mm", "block_height_mm")
    return Verdict("type-block", PASS if ok else FAIL, ", ".join(parts), expected, notes, "; ".join(how))


@rule("lines-per-page")
def _lines(m: Measurements, options: Options) -> Verdict:
    expected = f"{layout.LINES_PER_PAGE} lines (pitch {layout.LINE_PITCH_PT:.2f} pt)"
    if m.lines_per_page is None:
        return _unmeasurable("lines-per-page", expected, m, "lines_per_page")
    shown = f"{m.lines_per_page} lines (pitch {m.line_pitch_pt:.2f} pt)"
    ok = m.lines_per_page == layout.LINES_PER_PAGE
    if m.most_lines_on_a_page is not None:
        shown += f", at most {m.most_lines_on_a_page} on a page"
        ok = ok and m.most_lines_on_a_page <= layout.LINES_PER_PAGE
    return Verdict("lines-per-page", PASS if ok else FAIL, shown, expected, how=m.how.get("lines_per_page", ""))


@rule("chars-per-line")
def _chars(m: Measurements, options: Options) -> Verdict:
    expected = f"{layout.CHARS_PER_LINE} characters (pitch {layout.CHAR_PITCH_PT:.2f} pt)"
    if m.chars_per_line is None:
        return _unmeasurable("chars-per-line", expected, m, "chars_per_line")
    return Verdict("chars-per-line", PASS if m.chars_per_line == layout.CHARS_PER_LINE else FAIL,
                   f"{m.chars_per_line} characters (pitch {m.char_pitch_pt:.2f} pt)", expected,
                   how=m.how.get("chars_per_line", ""))


@rule("body-face")
def _body(m: Measurements, options: Options) -> Verdict:
    expected = f"3号 ({layout.BODY.size_pt:g} pt) {faces.FANGSONG}"
    if m.body is None:
        return _unmeasurable("body-face", expected, m, "body")
    return _face_verdict("body-face", m.body, faces.FANGSONG, layout.BODY.size_pt, options, expected)


@rule("title-face")
def _title(m: Measurements, options: Options) -> Verdict:
    expected = f"2号 ({layout.TITLE.size_pt:g} pt) {faces.XIAOBIAOSONG}"
    if m.title is None:
        if m.mark is not None:
            return Verdict("title-face", NOT_APPLICABLE, "the 纪要 mark stands in the title's place", expected)
        return _unmeasurable("title-face", expected, m, "title")
    return _face_verdict("title-face", m.title, faces.XIAOBIAOSONG, layout.TITLE.size_pt, options, expected)


@rule("page-number-format")
def _page_number_format(m: Measurements, options: Options) -> Verdict:
    expected = f"\"{layout.page_number_text(1)}\": the page's number between two 一字线 dashes"
    if m.page_numbers is None:
        return _unmeasurable("page-number-format", expected, m, "page_numbers")
    if not m.page_numbers:
        return Verdict("page-number-format", FAIL, "no page numbers", expected)
    bad, numbers = [], []
    for number in m.page_numbers:
        found = _PAGE_NUMBER.fullmatch(number.text.strip())
        if found is None:
            bad.append(f"page {number.page}: {number.text.strip()!r}")
        else:
            numbers.append(int(found.group(1)))
    if not bad and any(b != a + 1 for a, b in zip(numbers, numbers[1:])):
        bad.append(f"numbers {numbers} do not count up by one")
    shown = ", ".join(repr(n.text.strip()) for n in m.page_numbers[:3]) + (" …" if len(m.page_numbers) > 3 else "")
    return Verdict("page-number-format", FAIL if bad else PASS, shown, expected, bad)


@rule("page-number-face")
def _page_number_face(m: Measurements, options: Options) -> Verdict:
    expected = f"4号 ({layout.PAGE_NUMBER.size_pt:g} pt) {faces.SONG}"
    if not m.page_numbers:
        return _unmeasurable("page-number-face", expected, m, "page_numbers")
    verdicts = [_face_verdict("page-number-face", n.face, faces.SONG, layout.PAGE_NUMBER.size_pt, options, expected)
                for n in m.page_numbers]
    failed = [v for v in verdicts if v.status == FAIL]
    return failed[0] if failed else verdicts[0]


@rule("page-number-position")
def _page_number_position(m: Measurements, options: Options) -> Verdict:
    inset = layout.PAGE_NUMBER.size_pt / layout.PT_PER_INCH * layout.MM_PER_INCH
    expected = (f"top {layout.PAGE_NUMBER_GAP_MM:g} mm under the type block; odd pages right, even pages "
                f"left, one character ({inset:.1f} mm) in; ± {MM_TOLERANCE:g} mm")
    if not m.page_numbers:
        return _unmeasurable("page-number-position", expected, m, "page_numbers")
    block_bottom = (m.margin_top_mm if m.margin_top_mm is not None else layout.MARGIN_TOP_MM) + \
        (m.block_height_mm if m.block_height_mm is not None else layout.TYPE_BLOCK_HEIGHT_MM)
    problems, shown = [], []
    for number in m.page_numbers:
        side = "right" if number.page % 2 else "left"
        where = f"page {number.page}"
        if number.top_mm is None:
            problems.append(f"{where}: its height on the page is not shown")
        else:
            gap = number.top_mm - block_bottom
            if not shown:
                shown.append(f"{gap:.1f} mm under the type block")
            if not _within(gap, layout.PAGE_NUMBER_GAP_MM, MM_TOLERANCE):
                problems.append(f"{where}: {gap:.1f} mm under the type block")
        if number.align != side:
            problems.append(f"{where}: aligned {number.align or 'unknown'}, not {side}")
        elif number.inset_mm is None or not _within(number.inset_mm, inset, MM_TOLERANCE):
            got = "unknown" if number.inset_mm is None else f"{number.inset_mm:.1f} mm"
            problems.append(f"{where}: {got} in from the {side} edge of the type block")
    sides = sorted({n.align or "unknown" for n in m.page_numbers})
    shown.append("aligned " + "/".join(sides))
    return Verdict("page-number-position", FAIL if problems else PASS, ", ".join(shown), expected, problems[:6])


@rule("minutes-mark")
def _mark(m: Measurements, options: Options) -> Verdict:
    expected = (f"centred, red, {faces.XIAOBIAOSONG}, top {layout.MINUTES_MARK_OFFSET_MM:g} mm under the top of "
                f"the type block ± {MM_TOLERANCE:g}")
    mark = m.mark
    if mark is None:
        return Verdict("minutes-mark", NOT_APPLICABLE, "no 纪要 mark (a large first title ending in 纪要)", expected)
    problems, notes = [], []
    if mark.top_below_block_mm is None:
        problems.append(m.why.get("mark_top", "its height on the page is not shown"))
    elif not _within(mark.top_below_block_mm, layout.MINUTES_MARK_OFFSET_MM, MM_TOLERANCE):
        problems.append(f"top {mark.top_below_block_mm:.1f} mm under the type block")
    if mark.centre_offset_mm is None or abs(mark.centre_offset_mm) > MM_TOLERANCE:
        problems.append("not centred" if mark.centre_offset_mm is None else
                        f"{mark.centre_offset_mm:+.1f} mm off the centre of the type block")
    if mark.face.color is None or not _is_red(mark.face.color):
        problems.append("not red")
    family = _face_verdict("minutes-mark", mark.face, faces.XIAOBIAOSONG, mark.face.size_pt, options, expected)
    if family.status == FAIL:
        problems.extend(family.notes)
    else:
        notes.extend(family.notes)
    top = "?" if mark.top_below_block_mm is None else f"{mark.top_below_block_mm:.1f} mm"
    shown = f"{mark.text!r}: top {top} under the type block, {faces.display(mark.face.name)}"
    return Verdict("minutes-mark", FAIL if problems else PASS, shown, expected, problems + notes, mark.how)


def _is_red(color: tuple[float, float, float]) -> bool:
    red, green, blue = color
    return red >= 0.6 and green <= 0.35 and blue <= 0.35


@rule("attendance")
def _attendance(m: Measurements, options: Options) -> Verdict:
    first = layout.ATTENDANCE_INDENT_CHARS
    wrap = first + layout.ATTENDANCE_LABEL_CHARS
    expected = (f"出席/列席/请假 {first} characters in, label in {faces.HEI} and names in {faces.FANGSONG}, "
                f"wrapped lines {wrap} characters in (after the colon)")
    if not m.attendance:
        if m.mark is None:
            return Verdict("attendance", NOT_APPLICABLE, "no 纪要 mark and no 出席/列席/请假 lines", expected)
        return Verdict("attendance", UNMEASURABLE, "no 出席/列席/请假 lines found", expected)
    problems, notes = [], []
    for line in m.attendance:
        label = line.label
        if faces.family(line.label_face.name) != faces.HEI:
            problems.append(f"{label}: label in {faces.display(line.label_face.name)}, not {faces.HEI}")
        if line.text_face is not None:
            verdict = _face_verdict("attendance", line.text_face, faces.FANGSONG, layout.BODY.size_pt, options, expected)
            (problems if verdict.status == FAIL else notes).extend(f"{label}: {note}" for note in verdict.notes)
        if line.first_indent_chars is None:
            problems.append(f"{label}: its indent is not shown")
        elif not _within(line.first_indent_chars, first, INDENT_TOLERANCE_CHARS):
            problems.append(f"{label}: starts {line.first_indent_chars:.1f} characters in, not {first}")
        if line.wrap_indent_chars is not None and not _within(line.wrap_indent_chars, wrap, INDENT_TOLERANCE_CHARS):
            problems.append(f"{label}: wrapped lines {line.wrap_indent_chars:.1f} characters in, not {wrap}")
    shown = ", ".join(
        f"{line.label} {_chars_text(line.first_indent_chars)}/{_chars_text(line.wrap_indent_chars)}"
        for line in m.attendance) + " characters in (first/wrapped)"
    return Verdict("attendance", FAIL if problems else PASS, shown, expected, problems + sorted(set(notes)))


def _chars_text(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:.1f}"
