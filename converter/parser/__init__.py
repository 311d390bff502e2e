"""Text in, canonical tree out. The parser is total: every text gives a document.

Stages: fold the text for matching → cut lines → plan each line (headline, metadata, chrome,
paragraph) → split the body into meetings → inline recognisers (date, people, statement blocks,
items) add spans → the tree is built from the original characters and the spans.
"""

from __future__ import annotations

import re

from lxml import etree

from .. import vocabulary as v
from ..model import Document, effective_metadata
from ..provenance import attach
from ..reading import clean
from ..vocabulary import q
from .build import add_aside, finish, new_root
from .dates import issue_year
from .folding import fold
from .inline import Context, recognise_meeting
from .lines import split_lines
from .structure import Plan, plan_lines

# 又讯 / 另讯 open a second report in the same article.
_NEXT_MEETING = re.compile(r"^[(【\[]?(?:又讯|另讯)")


def _split_meetings(body: list[Plan]) -> list[list[Plan]]:
    meetings: list[list[Plan]] = []
    for plan in body:
        if not meetings or (plan.kind == "p" and _NEXT_MEETING.match(plan.line.shadow)):
            meetings.append([])
        meetings[-1].append(plan)
    return meetings


def parse(text: str) -> Document:
    """Parse a meeting report given as text into a schema-valid Document.

    Control characters XML cannot hold are dropped (with a warning); every other character of
    the input is kept, in order, in the document's text. Raises InputError for blank text.
    """
    decoded = clean(text)
    text = decoded.text
    shadow = fold(text)
    guesses: list[str] = []
    plans = plan_lines(split_lines(text, shadow), guesses)
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
    for number, meeting_plans in enumerate(_split_meetings(body_plans), start=1):
        meeting = etree.SubElement(body, q(v.MEETING), id=f"m{number}")
        spans = recognise_meeting([p.line for p in meeting_plans if p.kind == "p"], context)
        for plan in meeting_plans:
            add_aside(meeting, plan, spans.get(plan.line.number))
    context.assign_ids(root)
    finish(root)
    attach(root, decoded.warnings, context.guesses)
    return Document(root, warnings=list(decoded.warnings), guesses=list(context.guesses))
