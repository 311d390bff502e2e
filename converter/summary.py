"""The document as plain data (dicts and lists) in the XML's vocabulary: what JSON exports.

Every value is read from the tree; nothing here is parsed again from text.
"""

from __future__ import annotations

from typing import Iterator

from lxml import etree

from . import vocabulary as v
from .datevalues import date_parts, time_parts
from .model import (
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


def _meeting(meeting: etree._Element, all_blocks) -> dict:
    own = {id(s) for s in meeting.iter(q(v.SECTION))}
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
             "mentions": [{"id": m.get("id"), **source_place(m)} for m in mentions[p.name]]}
            for p in participants(meeting)
        ],
        "groups": [
            {"text": text_of(g), "action": _actions(g), **source_place(g)} for g in meeting.iter(q(v.GROUP))
        ],
        "sections": [_section(b) for b in all_blocks if id(b.fragments[0]) in own],
    }


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


def _metadata_blocks(root: etree._Element) -> list[dict]:
    names = [q(n) for n in v.METADATA_FIELDS + ("credit",)]
    found = []
    for block in root.iter(q(v.METADATA), q(v.BYLINE)):
        found.append(
            {
                "origin": block.get("origin", "footer"),
                "byline": local(block) == v.BYLINE,
                "fields": [_field(f) for f in block.iter(*names)],
                **source_place(block),
            }
        )
    return found


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
    all_blocks = blocks(root)
    return {
        "schema-version": root.get("schema-version"),
        "provenance": provenance_summary(root),
        "title": title_text(root),
        "metadata": effective_metadata(root),
        "metadata-blocks": _metadata_blocks(root),
        "meetings": [_meeting(m, all_blocks) for m in meetings(root)],
        "chrome": [
            {"kind": c.get("kind"), "text": text_of(c), **source_place(c)} for c in root.iter(q(v.CHROME))
        ],
    }
