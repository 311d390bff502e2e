"""From line plans and inline spans to the canonical tree."""

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


def _add_title(parent: etree._Element, plan: Plan) -> None:
    title = parent.find(q(v.TITLE)) if plan.title_part else None
    if title is None:
        title = etree.SubElement(parent, q(v.TITLE))
        title.text = plan.line.text
        return
    etree.SubElement(title, q(v.LINE_BREAK)).tail = plan.line.text


def add_aside(parent: etree._Element, plan: Plan, spans: list[Span] | None = None) -> None:
    """Append the block for a line that is not a body paragraph (or a paragraph with `spans`)."""
    text = plan.line.text
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
            block = etree.SubElement(parent, q(v.METADATA), origin=plan.origin)
        fill(etree.SubElement(block, q(v.LINE)), text, plan.spans)
        block.set("data-last-line", str(plan.line.number))
    elif plan.kind == "chrome":
        etree.SubElement(parent, q(v.CHROME), kind=plan.chrome or "residue").text = text
    else:
        fill(etree.SubElement(parent, q(v.PARAGRAPH)), text, spans or [])


def finish(root: etree._Element) -> None:
    """Drop the bookkeeping attributes used while building."""
    for block in root.iter(q(v.METADATA)):
        block.attrib.pop("data-last-line", None)
