"""Build mixed content from a text and the spans recognisers found in it.

Recognition is markup over the text, never deletion: every character of `text` lands in exactly
one text node or tail, in order, whatever spans are given. Spans that cross each other cannot both
become elements; the one that starts later (or, at the same start, is shorter) is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from lxml import etree

from .vocabulary import END, START, q


@dataclass(frozen=True, slots=True)  # thousands per long paragraph
class Span:
    """A stretch `text[start:end]` to wrap in element `tag` with `attrs`."""

    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


# Which element goes outside when two spans cover the same characters: a block outside its
# marker and items, those outside mentions. Elements whose content is text only never hold
# another span; one that would land inside them is dropped.
_OUTER_FIRST = {"section": 0, "item": 1, "marker": 2, "byline": 3}
_TEXT_ONLY = {"date", "person", "group", "organiser", "meeting-name", "label", "chrome"}


def nest(spans: Iterable[Span], length: int) -> list[Span]:
    """The spans that can be nested, in document order (outer before inner)."""
    ordered = sorted(
        (s for s in spans if 0 <= s.start <= s.end <= length),
        key=lambda s: (s.start, -s.end, _OUTER_FIRST.get(s.tag, 9)),
    )
    kept: list[Span] = []
    open_spans: list[Span] = []
    for span in ordered:
        while open_spans and open_spans[-1].end <= span.start:
            open_spans.pop()
        if open_spans and (span.end > open_spans[-1].end or open_spans[-1].tag in _TEXT_ONLY):
            continue  # crosses an open span, or would sit inside a text-only element
        kept.append(span)
        open_spans.append(span)
    return kept


def _append_text(element: etree._Element, text: str) -> None:
    if not text:
        return
    # len(element) counts the children in lxml: on a paragraph with thousands of spans that
    # would make building quadratic. The last child is found in constant time.
    try:
        last = element[-1]
    except IndexError:
        element.text = (element.text or "") + text
        return
    last.tail = (last.tail or "") + text


def fill(element: etree._Element, text: str, spans: Iterable[Span], column: int | None = None) -> etree._Element:
    """Write `text` into `element`, wrapping each nestable span in a child element.

    With `column`, each child also records its place, `start` and `end` attributes counted from
    `column` (set after the span's own attributes, as a copy of the span with them would be):
    no copy of every span is made for it.
    """
    stack: list[tuple[etree._Element, int]] = [(element, len(text))]
    cursor = 0
    for span in nest(spans, len(text)):
        while len(stack) > 1 and stack[-1][1] <= span.start:
            open_element, end = stack.pop()
            _append_text(open_element, text[cursor:end])
            cursor = max(cursor, end)
        _append_text(stack[-1][0], text[cursor : span.start])
        cursor = max(cursor, span.start)
        child = etree.SubElement(stack[-1][0], q(span.tag))
        for name, value in span.attrs.items():
            child.set(name, value)
        if column is not None:
            child.set(START, str(column + span.start))
            child.set(END, str(column + span.end))
        stack.append((child, span.end))
    while len(stack) > 1:
        open_element, end = stack.pop()
        _append_text(open_element, text[cursor:end])
        cursor = max(cursor, end)
    _append_text(element, text[cursor:])
    return element
