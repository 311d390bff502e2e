"""The document as plain data (dicts and lists) in the XML's vocabulary: what JSON exports.

Every value is read from the tree; nothing here is parsed again from text.
"""

from __future__ import annotations

from typing import Callable, Iterator

from lxml import etree

from . import vocabulary as v
from .datevalues import date_parts, time_parts
from .model import (
    Block,
    blocks,
    effective_metadata,
    local,
    meeting_date,
    meetings,
    participants,
    source_place,
    text_of,
    title_text,
    whole_number,
)
from .provenance import summary as provenance_summary
from .vocabulary import q


def _actions(element: etree._Element) -> list[str]:
    return (element.get("action") or "").split()


def _date(meeting: etree._Element) -> dict | None:
    found = meeting_date(meeting)
    if found is None:
        return None
    return {
        "value": found.get("value"),
        "year": found.get("year"),
        "daypart": found.get("daypart"),
        "guessed": found.get("guessed") == "true",
        "text": text_of(found),
        "parts": date_parts(found.get("value", "")),
        **source_place(found),
    }


def _first_text(meeting: etree._Element, name: str) -> str | None:
    found = meeting.find(f".//{q(name)}")
    return text_of(found) if found is not None else None


def _section(block) -> dict:
    return {
        "id": block.id,
        "kind": block.kind,
        "speaker": block.speaker,
        "speaker-ref": block.speaker_ref,
        "marker": block.marker,
        "text": block.text,
        "items": [
            {"n": whole_number(item.get("n")), "label": item.get("label"), "text": text_of(item), **source_place(item)}
            for item in block.items
        ],
        **source_place(block.fragments[0]),
    }


def _meeting(meeting: etree._Element, sections: "_SectionIndex") -> dict:
    mentions: dict[str, list] = {}
    for person in meeting.iter(q(v.PERSON)):
        mentions.setdefault(person.get("name", ""), []).append(person)
    return {
        "id": meeting.get("id"),
        "date": _date(meeting),
        "organiser": _first_text(meeting, v.ORGANISER),
        "meeting-name": _first_text(meeting, v.MEETING_NAME),
        "persons": [
            {"name": p.name, "role": p.role, "action": p.actions, "ids": p.ids,
             "mentions": Entries(lambda found=mentions[p.name]: ({"id": m.get("id"), **source_place(m)} for m in found), flat=True)}
            for p in participants(meeting)
        ],
        "groups": Entries(lambda: (
            {"text": text_of(g), "action": _actions(g), **source_place(g)} for g in meeting.iter(q(v.GROUP))
        ), flat=True),
        "sections": Entries(lambda: (_section(b) for b in sections.of(meeting)), flat=True),
    }


class Entries:
    """A list made one entry at a time as it is read, for the lists that grow with the input
    (a document may hold millions of blocks, sections or mentions). `plain` turns it into the
    list itself; the JSON exporter writes it without ever holding it."""

    __slots__ = ("_make", "flat")

    def __init__(self, make: Callable[[], Iterator], flat: bool = False) -> None:
        self._make = make
        self.flat = flat  # its entries hold no Entries themselves

    def __iter__(self) -> Iterator:
        return self._make()


def plain(value):
    """`value` with every Entries in it made a list (the data json.dumps takes)."""
    if isinstance(value, Entries):
        return [plain(entry) for entry in value]
    if isinstance(value, dict):
        return {key: plain(entry) for key, entry in value.items()}
    if isinstance(value, list):
        return [plain(entry) for entry in value]
    return value


class _SectionIndex:
    """The statement blocks of each meeting as `model.blocks` gathers them, without holding a
    Block for every section of the document: only the fragments that continue a block are held.

    When a document's section ids are not unique (no valid document), blocks are gathered the
    way `model.blocks` does, all at once, so the outcome is the same.
    """

    def __init__(self, root: etree._Element) -> None:
        self._all: list[Block] | None = None
        self.continuing: dict[str, list[etree._Element]] = {}  # block key -> later fragments
        self._continuation: set[int] = set()  # id() of those fragments (held, so ids are stable)
        self._unnamed: dict[int, tuple[etree._Element, str]] = {}  # blocks without an id
        found: set[str] = set()
        for section in root.iter(q(v.SECTION)):
            continues = section.get("continues")
            if continues and continues in found:
                self.continuing.setdefault(continues, []).append(section)
                self._continuation.add(id(section))
                continue
            key = section.get("id")
            if not key:
                key = f"_{len(found)}"
                self._unnamed[id(section)] = (section, key)
            if key in found:
                self._all = blocks(root)
                return
            found.add(key)

    def of(self, meeting: etree._Element) -> Iterator[Block]:
        """The blocks whose first fragment is in `meeting`, in document order."""
        if self._all is not None:
            own = {id(s) for s in meeting.iter(q(v.SECTION))}
            yield from (b for b in self._all if id(b.fragments[0]) in own)
            return
        for section in meeting.iter(q(v.SECTION)):
            if id(section) in self._continuation:
                continue
            unnamed = self._unnamed.get(id(section))
            key = unnamed[1] if unnamed else section.get("id")
            yield Block(key, section.get("kind", ""), section.get("speaker", ""), section.get("speaker-ref"),
                        [section, *self.continuing.get(key, ())])


def _field(element: etree._Element) -> dict:
    label = element.find(q(v.LABEL))
    label_text = text_of(label) if label is not None else ""
    entry = {
        "field": local(element),
        "label": label_text,
        "text": text_of(element)[len(label_text) :].strip(),
    }
    if local(element) == "credit":
        entry["kind"] = element.get("kind")
    value = element.get("value")
    if value is not None:
        entry["value"] = whole_number(value) if local(element) == "views" else value
        if local(element) == "published":
            entry["parts"] = time_parts(value)
    entry.update(source_place(element))
    return entry


def _metadata_blocks(root: etree._Element) -> Iterator[dict]:
    names = [q(n) for n in v.METADATA_FIELDS + ("credit",)]
    for block in root.iter(q(v.METADATA), q(v.BYLINE)):
        yield {
            "origin": block.get("origin", "footer"),
            "byline": local(block) == v.BYLINE,
            "fields": Entries(lambda block=block: (_field(f) for f in block.iter(*names)), flat=True),
            **source_place(block),
        }


def region_blocks(root: etree._Element) -> Iterator[dict]:
    """Every block of the front, body and back, one at a time (a document may hold millions)."""
    for region in (v.FRONT, v.BODY, v.BACK):
        container = root.find(q(region))
        for element in container.iter(q(v.TITLE), q(v.METADATA), q(v.CHROME), q(v.PARAGRAPH)):
            parent = element.getparent()
            if local(parent) not in (v.FRONT, v.BACK, v.MEETING):
                continue  # inline chrome is part of its paragraph
            entry = {"type": local(element), "region": region, "text": text_of(element)}
            if local(parent) == v.MEETING:
                entry["meeting"] = parent.get("id")
            if element.get("kind"):
                entry["kind"] = element.get("kind")
            entry.update(source_place(element))  # start/end too when the block is part of its line
            yield entry


def summarise(root: etree._Element) -> dict:
    """The whole document as data: title, metadata, meetings, chrome and every block's text."""
    return {**summary_head(root), "blocks": list(region_blocks(root))}


def summary_head(root: etree._Element) -> dict:
    """The summary but its last key, "blocks" (see region_blocks)."""
    return plain(streamed_head(root))


def streamed_head(root: etree._Element) -> dict:
    """summary_head with its long lists as Entries, made only as they are read."""
    sections = _SectionIndex(root)
    return {
        "schema-version": root.get("schema-version"),
        "provenance": provenance_summary(root),
        "title": title_text(root),
        "metadata": effective_metadata(root),
        "metadata-blocks": Entries(lambda: _metadata_blocks(root)),
        "meetings": Entries(lambda: (_meeting(m, sections) for m in meetings(root))),
        "chrome": Entries(lambda: (
            {"kind": c.get("kind"), "text": text_of(c), **source_place(c)} for c in root.iter(q(v.CHROME))
        ), flat=True),
    }
