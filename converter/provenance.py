"""Where a document came from: the `provenance` record, first child of the root.

It names the input as given, its SHA-256, the encoding it was read in, what extracted the text
(for a web page), the converter and its version, and every warning and guess of the run with
the input line it concerns. It holds attributes only, never text, so the document's text stays
exactly the input's. The time of conversion is recorded only when asked for
(`stamp_time`): without it, the same input and version always give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from lxml import etree

from . import vocabulary as v
from .version import __version__
from .vocabulary import q

# Diagnostics written "line 9: …" (the parser's guesses) carry their line as an attribute.
_LINE_PREFIX = re.compile(r"^line (\d+): ")
# Facts in the order they are written, so the same facts always give the same bytes.
_FACTS = ("file", "sha256", "encoding", "media-type", "extractor", "converted")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _diagnostic(parent: etree._Element, name: str, message: str) -> None:
    found = _LINE_PREFIX.match(message)
    attrs = {"line": found.group(1)} if found else {}
    attrs["message"] = message[found.end():] if found else message
    etree.SubElement(parent, q(name), attrs)


def attach(root: etree._Element, warnings: list[str], guesses: list[str],
           notes: list[str] = (), **facts: str | None) -> etree._Element:
    """(Re)write the provenance record of `root`; facts already recorded are kept unless given."""
    old = root.find(q(v.PROVENANCE))
    known = {name: old.get(name) for name in _FACTS} if old is not None else {}
    kept_notes = [n.get("message") for n in old.iter(q(v.NOTE))] if old is not None else []
    if old is not None:
        root.remove(old)
    known.update({name.replace("_", "-"): value for name, value in facts.items()})
    record = etree.Element(q(v.PROVENANCE), converter=v.CONVERTER_NAME, version=__version__)
    for name in _FACTS:
        if known.get(name):
            record.set(name, known[name])
    for message in warnings:
        _diagnostic(record, v.WARNING, message)
    for message in guesses:
        _diagnostic(record, v.GUESS, message)
    for message in [*kept_notes, *notes]:
        _diagnostic(record, v.NOTE, message)
    root.insert(0, record)
    return record


def stamp_time(root: etree._Element, now: dt.datetime | None = None) -> None:
    """Record when the conversion ran (UTC, to the second). Only on request: it changes the bytes."""
    record = root.find(q(v.PROVENANCE))
    if record is None:
        record = attach(root, [], [])
    moment = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).replace(microsecond=0)
    record.set("converted", moment.isoformat().replace("+00:00", "Z"))


def _entries(record: etree._Element, name: str) -> list[dict]:
    return [
        {"line": int(e.get("line")) if e.get("line") else None, "message": e.get("message")}
        for e in record.iter(q(name))
    ]


def summary(root: etree._Element) -> dict | None:
    """The record as plain data (what the JSON export gives), or None when there is none."""
    record = root.find(q(v.PROVENANCE))
    if record is None:
        return None
    data: dict = {"converter": record.get("converter"), "version": record.get("version")}
    for name in _FACTS:
        data[name] = record.get(name)
    data["warnings"] = _entries(record, v.WARNING)
    data["guesses"] = _entries(record, v.GUESS)
    data["notes"] = _entries(record, v.NOTE)
    return data
