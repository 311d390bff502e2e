"""One page's Content.xml: its text runs as TextObjects (one per run of a font), its rules as
PathObjects, in one body layer.

Each TextObject's Boundary is the em box of its run with a small margin; its TextCode gives the
first character's origin inside that box, and DeltaX the distance from each character to the next (the grid's
pitch, or a justified line's stretched one), so every character stands where the PDF puts it.
"""

from __future__ import annotations

from ...layout import EM_ASCENT
from .ids import Ids
from .surface import PageRecord, Rule, TextRun
from .units import colour, down, mm, number, numbers, spaced
from .xml import child, element, part

_MARGIN = 0.1  # around the em box, as a fraction of the size


def _text_object(layer, run: TextRun, font_id: int, ids: Ids, advance) -> None:
    deltas = [advance(run.font, c) * run.size / 1000 + run.char_space for c in run.text[:-1]]
    last = advance(run.font, run.text[-1]) * run.size / 1000 if run.text else 0.0
    # The em box, with a margin for what a glyph or the emboldening stroke draws outside it
    # (readers may clip an object to its Boundary).
    pad = run.size * _MARGIN + run.stroke_width
    x, baseline = mm(run.x), down(run.baseline)
    left, top = float(number(x - mm(pad))), float(number(down(run.baseline + run.size * EM_ASCENT + pad)))
    attributes = {"ID": str(ids.next()),
                  "Boundary": numbers(left, top, mm(sum(deltas) + last + 2 * pad), mm(run.size + 2 * pad)),
                  "Font": str(font_id), "Size": number(mm(run.size))}
    if run.stroke_width:  # a regular face drawn heavy: filled and outlined, as the PDF does
        attributes.update(Stroke="true", LineWidth=number(mm(run.stroke_width)))
    text = child(layer, "TextObject", attributes)
    child(text, "FillColor", {"Value": colour(run.fill)})
    if run.stroke_width:
        child(text, "StrokeColor", {"Value": colour(run.stroke)})
    code = {"X": number(x - left), "Y": number(baseline - top)}
    if deltas:
        code["DeltaX"] = spaced([mm(d) for d in deltas])
    child(text, "TextCode", code, run.text)


def _path_object(layer, rule: Rule, ids: Ids) -> None:
    x1, x2 = sorted((mm(rule.x1), mm(rule.x2)))
    y1, y2 = sorted((down(rule.y1), down(rule.y2)))
    half = mm(rule.width) / 2
    left, top = x1 - half, y1 - half
    path = child(layer, "PathObject", {"ID": str(ids.next()),
                                       "Boundary": numbers(left, top, x2 - x1 + 2 * half, y2 - y1 + 2 * half),
                                       "LineWidth": number(mm(rule.width))})
    child(path, "StrokeColor", {"Value": colour(rule.colour)})
    child(path, "AbbreviatedData", text="M " + numbers(x1 - left, y1 - top) + " L " + numbers(x2 - left, y2 - top))


def page_content(page: PageRecord, font_ids: dict[str, int], ids: Ids, advance, draw_param: int) -> bytes:
    root = element("Page")
    content = child(root, "Content")
    layer = child(content, "Layer", {"ID": str(ids.next()), "Type": "Body", "DrawParam": str(draw_param)})
    for run in page.runs:
        if run.text:
            _text_object(layer, run, font_ids[run.font], ids, advance)
    for rule in page.rules:
        _path_object(layer, rule, ids)
    return part(root)
