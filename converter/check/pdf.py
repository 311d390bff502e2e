"""Measure a PDF from where its glyphs are: the type block, the grid, the faces, the page numbers.

A PDF has no margins or styles, only positioned glyphs, so everything is inferred from the text
(and so for an OFD, whose reader gives the same glyphs: `measure_pages`):
- the body is the size and face most ideographs are set in; its lines give the grid: the line
  pitch is the most common distance between successive body lines, the character pitch the most
  common distance between successive ideographs;
- the type block's left edge is where body lines start, its right edge where most long lines end
  (their last character that is not punctuation, which some typesetters hang outside); its
  top is the top of the first line of a page less half the leading (text sits in the middle of
  its grid line, as Word, WPS and our PDF set it); its bottom the bottom of the last line of a
  page broken inside a paragraph (a page that ends with a paragraph need not be full);
- a page number is a page's lowest line, in its bottom quarter, when it reads as one (a lone
  number with dashes, 第 N 页, Page N of M);
- on page 1, the first lines set larger than the body are the title, or the 纪要 mark when they
  end in 纪要, are larger than 2号 and come first.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from .. import layout
from .measures import Attendance, Face, Mark, Measurements, PageNumber, is_ideograph
from .glyphs import Glyph, Page

PT_TO_MM = layout.MM_PER_INCH / layout.PT_PER_INCH
# A page number as people print it: "— 3 —", "3", "- 3 -", "第 3 页", "第3页 共5页", "Page 3 of 5".
_LONE_NUMBER = re.compile(r"\W*(第|page)?\W*\d+\W*(页|of|/)?\W*(共?\W*\d+\W*页?)?\W*", re.I)
_ATTENDANCE = re.compile(r"(出席|列席|请假)[：:]")
_MARK_SUFFIX = "纪要"


@dataclass
class Line:
    page: int
    glyphs: list[Glyph]

    @property
    def text(self) -> str:
        return "".join(g.char for g in self.glyphs)

    @property
    def baseline(self) -> float:
        return self.glyphs[0].baseline

    @property
    def size(self) -> float:
        return Counter(round(g.size, 1) for g in self.glyphs).most_common(1)[0][0]

    @property
    def left(self) -> float:
        return self.glyphs[0].x

    @property
    def right(self) -> float:
        return self.glyphs[-1].right

    @property
    def top(self) -> float:
        return self.baseline - 0.88 * self.size


def _lines(page: Page) -> list[Line]:
    """Glyphs on one baseline (within 0.5 pt) make a line, left to right; lines top to bottom."""
    rows: dict[float, list[Glyph]] = {}
    for glyph in page.glyphs:
        if not glyph.char.strip():
            continue
        key = next((k for k in rows if abs(k - glyph.baseline) <= 0.5), glyph.baseline)
        rows.setdefault(key, []).append(glyph)
    return [Line(page.number, sorted(glyphs, key=lambda g: g.x)) for _, glyphs in sorted(rows.items())]


def _face(glyphs: list[Glyph], sample: str = "") -> Face:
    """The face and size most of these glyphs' ideographs (else all glyphs) are set in."""
    chosen = [g for g in glyphs if is_ideograph(g.char)] or glyphs
    font, size = Counter((g.font, round(g.size, 1)) for g in chosen).most_common(1)[0][0]
    color = Counter(g.color for g in chosen).most_common(1)[0][0]
    return Face(font, size, sample or "".join(g.char for g in glyphs)[:24], color)


def _mode(values: list[float], step: float) -> float:
    """The mean of the most common values (those within `step` of the commonest rounded value;
    ties: the smaller): positions in PDFs are rounded, to twips or hundredths of a millimetre."""
    counted = Counter(round(v / step) for v in values)
    best = max(counted.values())
    centre = min(v for v, n in counted.items() if n == best) * step
    return statistics.fmean(v for v in values if abs(v - centre) <= step)


def measure(data: bytes, name: str) -> Measurements:
    from .pdf_glyphs import read  # pdfminer.six: loaded for PDFs only

    return measure_pages(read(data, name), "pdf")


def measure_pages(pages: list[Page], fmt: str) -> Measurements:
    """The measurements of positioned glyphs, whichever fixed-layout format they came from."""
    m = Measurements(fmt, pages=len(pages))
    if not pages:
        m.unmeasured("page_size_mm", f"the {fmt.upper()} has no pages")
        return m
    first = pages[0]
    m.page_size_mm = (first.width * PT_TO_MM, first.height * PT_TO_MM)
    lines = {page.number: _lines(page) for page in pages}
    every = [line for page_lines in lines.values() for line in page_lines]
    ideographs = [g for page in pages for g in page.glyphs if is_ideograph(g.char)]
    if not ideographs:
        for field_name in ("margin_top_mm", "margin_left_mm", "block_width_mm", "block_height_mm",
                           "lines_per_page", "chars_per_line", "body", "title", "page_numbers"):
            m.unmeasured(field_name, f"no Chinese text in the {fmt.upper()} (scanned pages, or not a Chinese document)")
        return m
    body_size = _mode([g.size for g in ideographs], 0.1)

    numbers = _page_numbers(pages, lines)
    number_lines = {id(line) for line, _ in numbers}
    body_lines = [line for line in every if id(line) not in number_lines and abs(line.size - body_size) <= 0.5
                  and any(is_ideograph(g.char) for g in line.glyphs)]
    m.body = _face([g for line in body_lines for g in line.glyphs if abs(g.size - body_size) <= 0.5])

    heads = _heads(lines.get(1, []), body_size)
    mark_lines, title_lines = heads
    line_pitch = _line_pitch(body_lines)
    mark_page = {mark_lines[0].page} if mark_lines else set()
    _block(m, pages, lines, body_lines, mark_page, number_lines, line_pitch)
    right = None if m.block_width_mm is None else m.margin_left_mm + m.block_width_mm
    char_pitch = _char_pitch(body_lines, right)
    _grid(m, lines, number_lines, line_pitch, char_pitch)
    if title_lines:
        m.title = _face([g for line in title_lines for g in line.glyphs])
        m.title.sample = "".join(line.text for line in title_lines)[:40]
    else:
        m.unmeasured("title", "no lines set larger than the body open page 1")
    if mark_lines:
        m.mark = _mark(m, mark_lines)
    m.page_numbers = [_page_number(m, page, line) for line, page in numbers]
    if not numbers:
        m.unmeasured("page_numbers", "no page numbers found at the foot of any page")
    m.attendance = _attendance(m, body_lines, char_pitch)
    return m


def _page_numbers(pages: list[Page], lines: dict[int, list[Line]]) -> list[tuple[Line, Page]]:
    """Per page, its lowest line, when that is in the bottom quarter and reads as a page number."""
    found = []
    for page in pages:
        lowest = lines[page.number][-1] if lines[page.number] else None
        if lowest is not None and lowest.baseline > page.height * 0.75 and _LONE_NUMBER.fullmatch(lowest.text):
            found.append((lowest, page))
    return found


def _heads(page_one: list[Line], body_size: float) -> tuple[list[Line], list[Line]]:
    """The 纪要 mark's lines and the title's lines: runs of larger type before the body starts."""
    runs: list[list[Line]] = []
    body_seen, after_large = 0, False
    for line in page_one:
        if line.size > body_size + 1:
            if after_large and _consecutive(runs[-1][-1], line):
                runs[-1].append(line)
            elif body_seen < 5:
                runs.append([line])
            after_large = bool(runs) and runs[-1][-1] is line
        else:
            after_large = False
            body_seen += abs(line.size - body_size) <= 0.5
    mark: list[Line] = []
    if runs:
        text = "".join(line.text for line in runs[0]).strip()
        if text.endswith(_MARK_SUFFIX) and runs[0][0].size > layout.TITLE.size_pt + 0.5:
            mark = runs.pop(0)
    title = next((run for run in runs if not _red(run)), [])
    return mark, title


def _consecutive(above: Line, below: Line) -> bool:
    return abs(above.size - below.size) <= 0.5 and below.baseline - above.baseline <= 2 * above.size


def _red(run: list[Line]) -> bool:
    color = _face([g for line in run for g in line.glyphs]).color
    return color is not None and color[0] >= 0.6 and color[1] <= 0.35 and color[2] <= 0.35


def _line_pitch(body_lines: list[Line]) -> Optional[float]:
    steps = [b.baseline - a.baseline for a, b in zip(body_lines, body_lines[1:])
             if a.page == b.page and 0 < b.baseline - a.baseline < 3 * a.size]
    return _mode(steps, 0.05) if steps else None


def _char_pitch(body_lines: list[Line], right_mm: Optional[float]) -> Optional[float]:
    """The most common step between successive ideographs in the lines that end short of the
    type block's right edge: justification stretches full lines (much, in text mixed with Latin),
    while a paragraph's last line keeps the natural pitch. Without such lines, the least
    stretched full line's median step."""
    def steps(line: Line) -> list[float]:
        return [b.x - a.x for a, b in zip(line.glyphs, line.glyphs[1:])
                if is_ideograph(a.char) and is_ideograph(b.char) and b.x > a.x]

    if right_mm is not None:
        short = [step for line in body_lines if line.right * PT_TO_MM < right_mm - 2 * line.size * PT_TO_MM
                 for step in steps(line)]
        if len(short) >= 3:
            return _mode(short, 0.01)
    medians = [statistics.median(found) for found in map(steps, body_lines) if len(found) >= 5]
    return min(medians) if medians else None


def _block(m: Measurements, pages: list[Page], lines: dict[int, list[Line]], body_lines: list[Line],
           mark_page: set[int], number_lines: set[int], pitch: Optional[float]) -> None:
    """Type block edges from the body lines (see the module's docstring)."""
    if not body_lines:
        m.unmeasured("margin_left_mm", "no body text")
        return
    left = min(round(line.left, 1) for line in body_lines)
    m.margin_left_mm = left * PT_TO_MM
    m.how["margin_left_mm"] = "where body lines start"
    ends = sorted(_end(line) for line in body_lines if len(line.glyphs) >= 10)
    if ends:
        right = ends[(len(ends) * 3) // 4]  # most lines of a paragraph are full
        m.block_width_mm = (right - left) * PT_TO_MM
        m.how["block_width_mm"] = "width from where body lines start to where most long lines end"
    else:
        m.unmeasured("block_width_mm", "no body line of 10 characters or more")
    if pitch is None:
        m.unmeasured("margin_top_mm", "too few body lines to find the line pitch")
        return
    tops = []
    for page in pages:
        if page.number in mark_page:
            continue  # the mark sits 35 mm down the type block: the page shows not where it starts
        first = next((line for line in lines[page.number] if id(line) not in number_lines), None)
        if first is not None:
            tops.append(first.top - (pitch - first.size) / 2)
    if not tops:
        m.unmeasured("margin_top_mm", "one page, opened by the 纪要 mark: no page shows where the type block starts")
        return
    top = min(tops)
    m.margin_top_mm = top * PT_TO_MM
    m.how["margin_top_mm"] = "top of the first line less half its leading"
    bottoms = []
    for page in pages[:-1]:
        here = [line for line in body_lines if line.page == page.number]
        after = [line for line in body_lines if line.page == page.number + 1]
        # A page broken inside a paragraph is full: the next page goes on at the left edge.
        if here and after and abs(after[0].left - left) <= 0.3 * after[0].size and not _ATTENDANCE.match(after[0].text):
            bottoms.append(here[-1].top + here[-1].size + (pitch - here[-1].size) / 2)
    if bottoms:
        m.block_height_mm = (max(bottoms) - top) * PT_TO_MM
        m.how["block_height_mm"] = "height to the bottom of the last line of a page broken inside a paragraph"
    else:
        m.unmeasured("block_height_mm", "no page is broken inside a paragraph, so none shows where the type block ends")


def _end(line: Line) -> float:
    """Where a line's last character that is not punctuation ends: some typesetters (LibreOffice)
    hang a closing mark past the type block's edge."""
    kept = [g for g in line.glyphs if not unicodedata.category(g.char[:1] or " ").startswith("P")]
    return (kept or line.glyphs)[-1].right


def _grid(m: Measurements, lines: dict[int, list[Line]], number_lines: set[int],
          line_pitch: Optional[float], char_pitch: Optional[float]) -> None:
    height = (m.block_height_mm or layout.TYPE_BLOCK_HEIGHT_MM) / PT_TO_MM
    if line_pitch is None:
        m.unmeasured("lines_per_page", "too few body lines to find the line pitch")
    else:
        m.line_pitch_pt = line_pitch
        m.lines_per_page = int(height / line_pitch + 0.05)
        used = []
        for page_lines in lines.values():
            text = [line for line in page_lines if id(line) not in number_lines]
            if len(text) >= 2:
                used.append(round((text[-1].baseline - text[0].baseline) / line_pitch) + 1)
        m.most_lines_on_a_page = max(used) if used else None
        basis = "measured" if m.block_height_mm else "225 mm"
        m.how["lines_per_page"] = f"lines of the body's pitch that fill the type block ({basis}); lines counted on each page"
    width = m.block_width_mm
    if char_pitch is None or width is None:
        m.unmeasured("chars_per_line", "too little body text to find the character pitch")
    else:
        m.char_pitch_pt = char_pitch
        m.chars_per_line = int(width / PT_TO_MM / char_pitch + 0.02)
        m.how["chars_per_line"] = "ideographs of the body's pitch that fill the type block's width"


def _block_edges(m: Measurements) -> tuple[float, float, float]:
    """Left, right and top of the type block in mm: measured where the file shows them."""
    left = m.margin_left_mm if m.margin_left_mm is not None else layout.MARGIN_LEFT_MM
    width = m.block_width_mm if m.block_width_mm is not None else layout.TYPE_BLOCK_WIDTH_MM
    top = m.margin_top_mm if m.margin_top_mm is not None else layout.MARGIN_TOP_MM
    return left, left + width, top


def _page_number(m: Measurements, page: Page, line: Line) -> PageNumber:
    left, right, _ = _block_edges(m)
    x0, x1 = line.left * PT_TO_MM, line.right * PT_TO_MM
    centre = (left + right) / 2
    if abs((x0 + x1) / 2 - centre) <= 2:
        align, inset = "center", None
    elif (x0 + x1) / 2 > centre:
        align, inset = "right", right - x1
    else:
        align, inset = "left", x0 - left
    text = ""
    for a, b in zip([None, *line.glyphs], line.glyphs):
        if a is not None and b.x - a.right > 0.2 * b.size:
            text += " "
        text += b.char
    return PageNumber(page.number, text, _face(line.glyphs), line.top * PT_TO_MM, align, inset)


def _mark(m: Measurements, mark_lines: list[Line]) -> Mark:
    left, right, top = _block_edges(m)
    centre = (left + right) / 2
    offsets = [((line.left + line.right) / 2) * PT_TO_MM - centre for line in mark_lines]
    face = _face([g for line in mark_lines for g in line.glyphs])
    basis = "" if m.margin_top_mm is not None else " (type block assumed 37 mm down: no other page shows it)"
    return Mark("".join(line.text for line in mark_lines), face, mark_lines[0].top * PT_TO_MM - top,
                max(offsets, key=abs), how="top edge: top of the em box of its first line" + basis)


def _attendance(m: Measurements, body_lines: list[Line], char_pitch: Optional[float]) -> list[Attendance]:
    if char_pitch is None or m.margin_left_mm is None:
        return []
    left, right, _ = _block_edges(m)
    unit = char_pitch * PT_TO_MM
    found = []
    for index, line in enumerate(body_lines):
        opened = _ATTENDANCE.match(line.text)
        if not opened:
            continue
        label_glyphs = line.glyphs[:2]
        rest = [g for g in line.glyphs[3:]]
        wrap = None
        follower = body_lines[index + 1] if index + 1 < len(body_lines) else None
        if follower is not None and line.right * PT_TO_MM >= right - unit and not _ATTENDANCE.match(follower.text):
            wrap = (follower.left * PT_TO_MM - left) / unit
        found.append(Attendance(
            opened.group(1), _face(label_glyphs), _face(rest) if rest else None,
            (line.left * PT_TO_MM - left) / unit, wrap,
        ))
    return found
