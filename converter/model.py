"""The document: an lxml tree in the canonical vocabulary, and read-only views over it.

The tree is the single source of truth. Everything here is computed from it on demand; nothing
is stored beside it except the diagnostics of the run that built it.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import Iterator

from lxml import etree

from . import vocabulary as v
from .vocabulary import q

# Which metadata block wins when a field appears in several: the article's own block (the one
# after a repeated headline on a republished page) first, then the page's, then footers/bylines.
_ORIGIN_PRIORITY = {"article": 0, "page": 1, "footer": 2}


@dataclass
class Document:
    """A parsed or loaded notice: the XML root plus what the run noticed on the way."""

    root: etree._Element
    warnings: list[str] = field(default_factory=list)
    guesses: list[str] = field(default_factory=list)

    @property
    def title(self) -> str | None:
        return title_text(self.root)

    @property
    def metadata(self) -> dict[str, object]:
        return effective_metadata(self.root)

    def text(self) -> str:
        """All the text of the document in order (the input, less blank lines)."""
        return text_of(self.root)

    def __repr__(self) -> str:
        return f"<Document title={self.title!r} meetings={len(meetings(self.root))}>"


def text_of(element: etree._Element) -> str:
    """The concatenated text nodes of `element`, in document order."""
    return "".join(element.itertext())


def children(element: etree._Element, name: str) -> list[etree._Element]:
    return element.findall(q(name))


def local(element: etree._Element) -> str:
    """The local name of an element (its vocabulary name)."""
    return etree.QName(element).localname


def title_text(root: etree._Element) -> str | None:
    """The headline; the lines of a split headline are joined with a space."""
    title = root.find(f"{q(v.FRONT)}/{q(v.TITLE)}")
    if title is None:
        return None
    parts = [title.text or ""] + [(lb.tail or "") for lb in title.findall(q(v.LINE_BREAK))]
    joined = " ".join(p.strip() for p in parts if p.strip())
    # Page furniture around a headline: a "> " breadcrumb before it, " |" separators after it.
    joined = re.sub(r"^(?:.*>\s*)|\s*[|｜]+\s*$", "", joined).strip()
    return joined or None


def meetings(root: etree._Element) -> list[etree._Element]:
    return root.findall(f"{q(v.BODY)}/{q(v.MEETING)}")


class LongInteger:
    """A schema integer too long for a Python int, kept as its digits (no sign, no leading 0).

    Python refuses to convert more than 4,300 digits (sys.get_int_max_str_digits(), a guard
    against quadratic conversion), yet xs:nonNegativeInteger has no bound. str() gives the
    digits, for exporters to show; JSON writes them as a number.
    """

    __slots__ = ("digits",)

    def __init__(self, digits: str):
        self.digits = digits

    def __str__(self) -> str:
        return self.digits

    def __repr__(self) -> str:
        return f"LongInteger({len(self.digits)} digits)"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LongInteger) and other.digits == self.digits

    def __hash__(self) -> int:
        return hash(self.digits)


def whole_number(text: str) -> int | LongInteger:
    """A schema-valid integer attribute (views, an item's number) as an int, or its digits past the limit."""
    digits = text.strip().lstrip("+").lstrip("0") or "0"
    limit = getattr(sys, "get_int_max_str_digits", lambda: 0)()
    return LongInteger(digits) if limit and len(digits) > limit else int(digits)


def _field_value(element: etree._Element) -> object | None:
    name = local(element)
    if name in ("published", "views"):
        value = element.get("value")
        if value is None:
            return None
        return whole_number(value) if name == "views" else value
    label = element.find(q(v.LABEL))
    text = text_of(element)
    if label is not None:
        text = text[len(text_of(label)) :]
    return text.strip() or None


def metadata_fields(root: etree._Element) -> Iterator[tuple[str, str, object]]:
    """Every filled metadata field: (origin, field name, value), in document order."""
    for block in root.iter(q(v.METADATA), q(v.BYLINE)):
        origin = block.get("origin", "footer")
        for element in block.iter(*(q(name) for name in v.METADATA_FIELDS)):
            value = _field_value(element)
            if value is not None:
                yield origin, local(element), value


def effective_metadata(root: etree._Element) -> dict[str, object]:
    """One value per field: the article's own block wins, then the page's, then the footer."""
    best: dict[str, tuple[int, object]] = {}
    for origin, name, value in metadata_fields(root):
        rank = _ORIGIN_PRIORITY.get(origin, 2)
        if name not in best or rank < best[name][0]:
            best[name] = (rank, value)
    return {name: value for name, (_, value) in sorted(best.items())}


def meeting_date(meeting: etree._Element) -> etree._Element | None:
    return meeting.find(f".//{q(v.DATE)}")


@dataclass
class Participant:
    """A person of a meeting, with every action the text gives them."""

    name: str
    role: str
    actions: list[str]
    ids: list[str]


def participants(meeting: etree._Element) -> list[Participant]:
    """The persons of a meeting in order of first mention, one entry per name."""
    by_name: dict[str, Participant] = {}
    for person in meeting.iter(q(v.PERSON)):
        name = person.get("name", "")
        entry = by_name.setdefault(name, Participant(name, person.get("role", ""), [], []))
        if not entry.role and person.get("role"):
            entry.role = person.get("role", "")
        entry.ids.append(person.get("id", ""))
        for action in (person.get("action") or "").split():
            if action not in entry.actions:
                entry.actions.append(action)
    return list(by_name.values())


def groups(meeting: etree._Element) -> list[etree._Element]:
    return list(meeting.iter(q(v.GROUP)))


@dataclass
class Block:
    """A statement block (会议认为, 申长雨强调 …) gathered from its fragments."""

    id: str
    kind: str
    speaker: str
    speaker_ref: str | None
    fragments: list[etree._Element]

    @property
    def text(self) -> str:
        return "".join(text_of(f) for f in self.fragments)

    @property
    def marker(self) -> str:
        found = self.fragments[0].find(q(v.MARKER))
        return text_of(found) if found is not None else ""

    @property
    def items(self) -> list[etree._Element]:
        return [i for f in self.fragments for i in f.findall(q(v.ITEM))]


def blocks(root: etree._Element) -> list[Block]:
    """Statement blocks in document order, each with the fragments that continue it."""
    found: dict[str, Block] = {}
    for section in root.iter(q(v.SECTION)):
        continues = section.get("continues")
        if continues and continues in found:
            found[continues].fragments.append(section)
            continue
        key = section.get("id") or f"_{len(found)}"
        found[key] = Block(
            key,
            section.get("kind", ""),
            section.get("speaker", ""),
            section.get("speaker-ref"),
            [section],
        )
    return list(found.values())


def body_paragraphs(root: etree._Element) -> list[etree._Element]:
    """The paragraphs of the meetings, in order: what a printed report shows as its body."""
    return [p for m in meetings(root) for p in m.iter(q(v.PARAGRAPH))]


def source_place(element: etree._Element) -> dict[str, int | None]:
    """Where an element came from: its block's input line, and for an inline element its
    characters within that line (None where the document does not say, e.g. hand-made XML)."""
    block = element
    while block is not None and block.get(v.SOURCE_LINE) is None:
        block = block.getparent()
    line = block.get(v.SOURCE_LINE) if block is not None else None
    place: dict[str, int | None] = {"line": int(line) if line else None}
    if block is not element or element.get(v.START) is not None:
        start, end = element.get(v.START), element.get(v.END)
        place["start"] = int(start) if start is not None else None
        place["end"] = int(end) if end is not None else None
    return place
