"""From line plans and inline spans to the canonical tree.

Every block element records the input line it came from (`line`, 1-based) and every inline
element its characters within that line (`start`/`end`, 0-based, end exclusive, counted in
characters of the line as decoded, leading white space included), so a reader can go from any
element back to the text: input_lines[line - 1][start:end] is the element's text.
"""

from __future__ import annotations

from lxml import etree

from .. import vocabulary as v
from ..markup import Span, fill
from ..vocabulary import q
from .structure import Plan


def new_root() -> tuple[etree._Element, etree._Element, etree._Element, etree._Element]:
    root = etree.Element(q(v.NOTICE), nsmap={None: v.NAMESPACE})
    root.set("schema-version", v.SCHEMA_VERSION)
    front = etree.SubElement(root, q(v.FRONT))
    body = etree.SubElement(root, q(v.BODY))
    back = etree.SubElement(root, q(v.BACK))
    return root, front, body, back


def _block(parent: etree._Element, name: str, plan: Plan, **attrs: str) -> etree._Element:
    line = plan.line
    place = {v.SOURCE_LINE: str(line.number)}
    if line.piece and name != v.METADATA:  # a metadata block spans lines: its `line`s say
        # Only part of its input line: the block's own characters in it, as for inline elements.
        place.update({v.START: str(line.column), v.END: str(line.column + len(line.text))})
    return etree.SubElement(parent, q(name), {**attrs, **place})


def _add_title(parent: etree._Element, plan: Plan) -> None:
    title = parent.find(q(v.TITLE)) if plan.title_part else None
    if title is None:
        title = _block(parent, v.TITLE, plan)
        title.text = plan.line.text
        return
    _block(title, v.LINE_BREAK, plan).tail = plan.line.text


def add_aside(parent: etree._Element, plan: Plan, spans: list[Span] | None = None) -> None:
    """Append the block for a line that is not a body paragraph (or a paragraph with `spans`)."""
    text = plan.line.text
    column = plan.line.column
    if plan.kind == "title":
        _add_title(parent, plan)
    elif plan.kind == "metadata":
        previous = parent[-1] if len(parent) else None
        block = previous
        if (
            previous is None
            or previous.tag != q(v.METADATA)
            or previous.get("origin") != plan.origin
            or previous.get("data-last-line") != str(plan.line.number - 1)
        ):
            block = _block(parent, v.METADATA, plan, origin=plan.origin)
        fill(_block(block, v.LINE, plan), text, plan.spans, column)
        block.set("data-last-line", str(plan.line.number))
    elif plan.kind == "chrome":
        _block(parent, v.CHROME, plan, kind=plan.chrome or "residue").text = text
    else:
        fill(_block(parent, v.PARAGRAPH, plan), text, spans or (), column)


def finish(root: etree._Element) -> None:
    """Drop the bookkeeping attributes used while building."""
    for block in root.iter(q(v.METADATA)):
        block.attrib.pop("data-last-line", None)
