"""A paragraph of the tree as the runs to print: text with a character style, in order.

Read from the tree only: a statement block's marker and an item's label (its `label`
attribute) become runs of their own styles; inline chrome is not printed. Punctuation is
typeset over the whole paragraph, so a comma between two runs sees its neighbours.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from lxml import etree

from ... import vocabulary as v
from ...model import local
from ...typesetting import full_width_punctuation
from . import styles


@dataclass(frozen=True)
class Run:
    text: str
    style: str | None = None  # a character style id


def _pieces(element: etree._Element, style: str | None) -> Iterator[Run]:
    if element.text:
        yield Run(element.text, style)
    for child in element:
        name = local(child)
        if name == v.CHROME:
            pass  # web-page residue inside a paragraph is not part of the document
        elif name == v.LINE_BREAK:
            yield Run("\n", style)
        elif name == v.MARKER:
            yield from _pieces(child, styles.MARKER)
        elif name == v.ITEM:
            yield from _labelled(list(_pieces(child, style)), child.get("label", ""))
        else:
            yield from _pieces(child, style)
        if child.tail:
            yield Run(child.tail, style)


def _labelled(pieces: list[Run], label: str) -> list[Run]:
    """The item's runs with its label (一要, 二是 …) split off into a run of the label style."""
    text = "".join(p.text for p in pieces)
    if not label or not text.startswith(label):
        return pieces
    found: list[Run] = []
    remaining = len(label)
    for piece in pieces:
        take = min(remaining, len(piece.text))
        if take:
            found.append(Run(piece.text[:take], styles.ITEM_LABEL))
        if piece.text[take:]:
            found.append(Run(piece.text[take:], piece.style))
        remaining -= take
    return found


def _merged(pieces: Iterator[Run]) -> list[Run]:
    found: list[Run] = []
    for piece in pieces:
        if found and found[-1].style == piece.style:
            found[-1] = Run(found[-1].text + piece.text, piece.style)
        else:
            found.append(piece)
    return found


def typeset(runs: list[Run], keep_punctuation: bool) -> list[Run]:
    """Runs with half-width , : ; ? ! ( ) next to Chinese made full-width (one char for one)."""
    if keep_punctuation:
        return runs
    text = full_width_punctuation("".join(r.text for r in runs))
    found, start = [], 0
    for run in runs:
        found.append(Run(text[start : start + len(run.text)], run.style))
        start += len(run.text)
    return found


def runs_of(element: etree._Element, keep_punctuation: bool = False) -> list[Run]:
    """The printed runs of a block (p, title) of the tree."""
    return typeset(_merged(_pieces(element, None)), keep_punctuation)


def printed_text(element: etree._Element) -> str:
    """The text a block prints, before punctuation is typeset (the model's own characters)."""
    return "".join(r.text for r in _merged(_pieces(element, None)))
