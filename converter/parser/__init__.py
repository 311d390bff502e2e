"""Text in, canonical tree out. The parser is total: every text gives a document.

Stages: fold the text for matching → cut lines → plan each line (headline, metadata, chrome,
paragraph) → split the body into meetings → inline recognisers (date, people, statement blocks,
items) add spans → the tree is built from the original characters and the spans.
"""

from __future__ import annotations

import re
from collections import deque
from typing import Iterable, Iterator

from lxml import etree

from .. import vocabulary as v
from ..markup import Span
from ..model import Document, effective_metadata
from ..provenance import attach
from ..reading import clean
from ..vocabulary import q
from .build import add_aside, finish, new_root
from .dates import issue_year
from .folding import fold
from .inline import Context, MeetingReader
from .lines import split_lines
from .structure import Plan, plan_lines

# 又讯 / 另讯 open a second report in the same article.
_NEXT_MEETING = re.compile(r"^[(【\[]?(?:又讯|另讯)")


def _taken(items: list) -> Iterator:
    """The items of a list in order, each let go by the list as it is handed out."""
    for index in range(len(items)):
        item = items[index]
        items[index] = None
        yield item


def _build_body(body: etree._Element, plans: Iterable[Plan], context: Context) -> None:
    """The meetings of the body, built line by line as each line's spans are final.

    又讯 / 另讯 open a new meeting. A line's plan, line and spans are let go once its element is
    built, so the intermediate data of a report of many short lines is never all held at once.
    """
    meeting = reader = None
    number = 0
    waiting: deque[Plan] = deque()  # plans whose element is not built yet, in input order
    ready: dict[int, list[Span]] = {}  # spans of lines read, by line number

    def build() -> None:
        while waiting and (waiting[0].kind != "p" or waiting[0].line.number in ready):
            plan = waiting.popleft()
            add_aside(meeting, plan, ready.pop(plan.line.number, None) if plan.kind == "p" else None)

    for plan in plans:
        if meeting is None or (plan.kind == "p" and _NEXT_MEETING.match(plan.line.shadow)):
            if meeting is not None:
                ready.update(reader.finish())
                build()
            number += 1
            meeting = etree.SubElement(body, q(v.MEETING), id=f"m{number}")
            reader = MeetingReader(context)
        waiting.append(plan)
        if plan.kind == "p":
            ready.update(reader.read(plan.line))
        build()
    if meeting is not None:
        ready.update(reader.finish())
        build()


def parse(text: str) -> Document:
    """Parse a meeting report given as text into a schema-valid Document.

    Control characters XML cannot hold are dropped (with a warning); every other character of
    the input is kept, in order, in the document's text. Raises InputError for blank text.
    """
    decoded = clean(text)
    text = decoded.text
    guesses: list[str] = []
    plans = plan_lines(split_lines(text, fold(text)), guesses)
    root, front, body, back = new_root()
    for plan in plans:
        if plan.region == "front":
            add_aside(front, plan)
        elif plan.region == "back":
            add_aside(back, plan)
    context = Context(published=effective_metadata(root).get("published"), title=front.find(q(v.TITLE)))
    context.guesses.extend(guesses)
    context.issue_year = next(
        (year for p in plans if p.region != "body" and (year := issue_year(p.line.shadow))), None)
    body_plans = [p for p in plans if p.region == "body"]
    del plans
    _build_body(body, _taken(body_plans), context)
    context.assign_ids(root)
    finish(root)
    attach(root, decoded.warnings, context.guesses)
    return Document(root, warnings=list(decoded.warnings), guesses=list(context.guesses))
