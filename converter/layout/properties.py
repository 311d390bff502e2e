"""The document properties every format writes (DOCX core properties, PDF document information).

One set of rules, so a file's title, subject and date do not depend on the format chosen. Nothing
is invented: a property the tree does not give stays empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from .. import vocabulary as v
from ..model import effective_metadata, meetings, participants, text_of, title_text

_ISO_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?$")


@dataclass(frozen=True)
class Properties:
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    created: str | None  # ISO 8601 date or date-time, with a year; None when the tree has none
    language: str = "zh-CN"


def _created(root: etree._Element, metadata: dict) -> str | None:
    """The publication time, else the first meeting's date; only a full ISO date counts."""
    value = str(metadata.get("published") or "")
    if not value:
        date = root.find(f"{v.q(v.BODY)}//{v.q(v.DATE)}[@value]")
        value = date.get("value", "") if date is not None else ""
    return value if _ISO_DATE_TIME.match(value) else None


def properties(root: etree._Element, heading: str) -> Properties:
    """`heading` is the plan's first printed line (the headline or the 纪要标志): the title when
    the tree has no headline of its own."""
    metadata = effective_metadata(root)
    meeting_names = [text_of(e).strip() for e in root.iter(v.q(v.MEETING_NAME))]
    organisers = [text_of(e).strip() for e in root.iter(v.q(v.ORGANISER))]
    names = [p.name for m in meetings(root) for p in participants(m)]
    return Properties(
        title=title_text(root) or heading,
        author=str(metadata.get("author") or metadata.get("source") or ""),
        subject="、".join(dict.fromkeys(n for n in meeting_names if n)),
        keywords=tuple(dict.fromkeys(k for k in organisers + meeting_names + names if k)),
        created=_created(root, metadata),
    )
