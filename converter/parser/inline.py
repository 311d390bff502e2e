"""Inline recognition over the paragraphs of one meeting: date, lead, people, statement blocks."""

from __future__ import annotations

from bisect import bisect_left
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


class MeetingReader:
    """Inline recognition over one meeting's paragraphs, fed one line at a time.

    `read` gives back the lines whose spans are final (positions relative to the line), by
    line number, so that each paragraph's element can be built and its line let go before the
    next lines are read: a report of many short lines then never holds every line's spans at
    once. A line waits only for what may still add to it: the first lines until the meeting's
    date has been looked for in them, and a block's marker standing alone at the end of a line
    until the next line says whether the block goes on.
    """

    def __init__(self, context: Context) -> None:
        self.context = context
        self.published = publication_date(context.published if isinstance(context.published, str) else None)
        self.people = PeopleFinder(context)
        self.sections = SectionFinder(context)
        self.head: list[Line] | None = []  # the first lines, until the date is looked for
        self.waiting: dict[int, tuple[Line, list[Span]]] = {}  # lines read, by line number

    def read(self, line: Line) -> list[tuple[int, list[Span]]]:
        """Read one paragraph; (line number, spans) of every line now final."""
        if self.head is not None:
            self.head.append(line)
            if len(self.head) < _LEAD_SEARCH:
                return []
            self._read_head()
        else:
            self._scan(line)
        return self._release()

    def finish(self) -> list[tuple[int, list[Span]]]:
        """The lines still waiting: nothing more will be read in this meeting."""
        if self.head is not None:
            self._read_head()
        return self._release(everything=True)

    def _read_head(self) -> None:
        head, self.head = self.head, None
        context = self.context
        for line in head:
            series = series_year(line.shadow, _title_shadow(context)) or context.issue_year
            found = find_date(line.shadow, self.published, series)
            if found:
                if found.guessed:
                    context.guesses.append(f"line {line.number}: read the date {line.text[found.start:found.end]!r} as {found.value}")
                if found.year_source == "publication":
                    context.guesses.append(f"line {line.number}: year of the meeting taken from the publication date")
                self.waiting[line.number] = (line, [found.span(), *lead_spans(line.shadow, found.end)])
                break
        for line in head:
            self._scan(line)

    def _scan(self, line: Line) -> None:
        found = self.waiting.setdefault(line.number, (line, []))[1]
        found.extend(trailing_byline(line.shadow))
        # People and blocks are read through pinyin glosses; their spans map back onto the line.
        body = compact(line)
        self.waiting[line.number] = (body, found)
        found.extend(_onto(body, self.sections.scan(body, self.people)))
        for number, deferred in self.sections.flushed:
            held, spans = self.waiting[number]
            spans.extend(_onto(held, deferred))
        self.sections.flushed.clear()

    def _release(self, everything: bool = False) -> list[tuple[int, list[Span]]]:
        # Only a block heading deferred by the section finder can still add to a line read.
        deferred = self.sections.deferred
        keep = None if everything or deferred is None else deferred[0]
        waiting = self.waiting
        if keep is None:
            self.waiting = {}
            return [(number, _without_wrapping_mentions(spans)) for number, (_, spans) in waiting.items()]
        ready = [(number, _without_wrapping_mentions(spans))
                 for number, (_, spans) in waiting.items() if number != keep]
        for number, _ in ready:
            del waiting[number]
        return ready


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
