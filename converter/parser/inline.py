"""Inline recognition over the paragraphs of one meeting: date, lead, people, statement blocks."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import count

from lxml import etree

from .. import vocabulary as v
from ..markup import Span
from ..model import local, text_of
from ..vocabulary import q
from .annotations import CompactLine, compact
from .dates import find_date, publication_date, series_year
from .lead import lead_spans
from .lines import Line
from .metadata import trailing_byline
from .people import PeopleFinder
from .sections import SectionFinder

_LEAD_SEARCH = 3  # the meeting's date is looked for in its first paragraphs only


@dataclass
class Context:
    """What the recognisers of one document share: publication date, ids, guesses."""

    published: object = None
    title: etree._Element | None = None
    guesses: list[str] = field(default_factory=list)
    issue_year: int | None = None  # from a periodical's issue line in the page header
    person_ids: count = field(default_factory=lambda: count(1))
    section_ids: count = field(default_factory=lambda: count(1))

    def next_person_id(self) -> str:
        return f"p{next(self.person_ids)}"

    def next_section_id(self) -> str:
        return f"s{next(self.section_ids)}"

    def assign_ids(self, root: etree._Element) -> None:
        """Give every mention of a person the role of its first titled mention in the meeting,
        and drop a speaker reference whose mention did not make it into the tree."""
        present = {person.get("id") for person in root.iter(q(v.PERSON))}
        for section in root.iter(q(v.SECTION)):
            if section.get("speaker-ref") not in present:
                section.attrib.pop("speaker-ref", None)
        for meeting in root.iter(q(v.MEETING)):
            roles: dict[str, str] = {}
            persons = list(meeting.iter(q(v.PERSON)))
            for person in persons:
                if person.get("role"):
                    roles.setdefault(person.get("name", ""), person.get("role", ""))
            for person in persons:
                role = roles.get(person.get("name", ""))
                if role:
                    person.set("role", role)
                elif "role" in person.attrib:
                    del person.attrib["role"]


def _title_shadow(context: Context) -> str:
    if context.title is None:
        return ""
    from .folding import fold

    return fold(text_of(context.title))


def recognise_meeting(lines: list[Line], context: Context) -> dict[int, list[Span]]:
    """Spans per line number (positions relative to the line) for one meeting's paragraphs."""
    spans: dict[int, list[Span]] = defaultdict(list)
    published = publication_date(context.published if isinstance(context.published, str) else None)
    for line in lines[:_LEAD_SEARCH]:
        series = series_year(line.shadow, _title_shadow(context)) or context.issue_year
        found = find_date(line.shadow, published, series)
        if found:
            if found.guessed:
                context.guesses.append(f"line {line.number}: read the date {line.text[found.start:found.end]!r} as {found.value}")
            if found.year_source == "publication":
                context.guesses.append(f"line {line.number}: year of the meeting taken from the publication date")
            spans[line.number].append(found.span())
            spans[line.number].extend(lead_spans(line.shadow, found.end))
            break
    people = PeopleFinder(context)
    sections = SectionFinder(context)
    read: dict[int, Line] = {}
    for line in lines:
        spans[line.number].extend(trailing_byline(line.shadow))
        # People and blocks are read through pinyin glosses; their spans map back onto the line.
        body = read[line.number] = compact(line)
        spans[line.number].extend(_onto(body, sections.scan(body, people)))
        for number, deferred in sections.flushed:
            spans[number].extend(_onto(read[number], deferred))
        sections.flushed.clear()
    return {number: _without_wrapping_mentions(found) for number, found in spans.items()}


def _onto(line: Line, found: list[Span]) -> list[Span]:
    """Spans of a compact reading, placed on the line as written."""
    if isinstance(line, CompactLine):
        return [line.map_span(span) for span in found]
    return found


def _without_wrapping_mentions(spans: list[Span]) -> list[Span]:
    """A person or group holds text only: one that would wrap another span is dropped.

    No rule should produce one; this keeps the document valid if a rule ever does.
    """
    ranges = sorted((s.start, s.end) for s in spans if s.end > s.start)
    starts = [r[0] for r in ranges]

    def wraps(outer: Span) -> bool:
        first = bisect_left(starts, outer.start)
        last = bisect_left(starts, outer.end)
        return any(
            end <= outer.end and (start, end) != (outer.start, outer.end)
            for start, end in ranges[first:last]
        )

    return [s for s in spans if s.tag not in ("person", "group") or not wraps(s)]
