"""The exporter registry: format name → exporter. Built-ins first, then entry points.

An exporter is any object with `name`, `suffix`, `description` and `export(document, options)
-> bytes`. Built-ins are imported only when used, so `--to json` never loads DOCX or PDF code.
Third-party exporters register in the entry-point group `converter.exporters`; a name already
taken by a built-in is rejected (with a warning), never silently replaced.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from typing import Protocol

from ..errors import ExportError

ENTRY_POINT_GROUP = "converter.exporters"

# name -> "module:attribute"; a format is one line here plus its module.
BUILTIN = {
    "xml": "converter.exporters.xml:EXPORTER",
    "json": "converter.exporters.json:EXPORTER",
    "jsonl": "converter.exporters.jsonl:EXPORTER",
    "docx": "converter.exporters.docx:EXPORTER",
    "pdf": "converter.exporters.pdf:EXPORTER",
    "ofd": "converter.exporters.ofd:EXPORTER",
}


class Exporter(Protocol):
    name: str
    suffix: str
    description: str

    def export(self, document, options) -> bytes: ...


@dataclass(frozen=True)
class FormatInfo:
    name: str
    suffix: str
    description: str
    origin: str  # "built-in" or the distribution that provides it


def _load(target: str):
    module_name, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


def _builtin_available(name: str) -> bool:
    module_name = BUILTIN[name].partition(":")[0]
    return importlib.util.find_spec(module_name) is not None


def _entry_points():
    from importlib.metadata import entry_points

    return [ep for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.name not in BUILTIN]


def get(name: str) -> Exporter:
    """The exporter registered under `name`, or ExportError listing the known formats."""
    if name in BUILTIN and _builtin_available(name):
        return _load(BUILTIN[name])
    for entry in _entry_points():
        if entry.name == name:
            try:
                return entry.load()
            except Exception as error:  # a broken plug-in must not look like a missing one
                raise ExportError(f"the exporter {name!r} ({entry.value}) failed to load: {error}") from error
    known = ", ".join(info.name for info in formats())
    raise ExportError(f"unknown format {name!r}; known formats: {known}")


def formats() -> list[FormatInfo]:
    """Every format that can be exported, built-ins first."""
    found = []
    for name in BUILTIN:
        if _builtin_available(name):
            try:
                exporter = _load(BUILTIN[name])
            except (ImportError, AttributeError) as error:  # e.g. a missing optional library
                found.append(FormatInfo(name, "", f"(fails to load: {error})", "built-in"))
                continue
            found.append(FormatInfo(name, exporter.suffix, exporter.description, "built-in"))
    for entry in _entry_points():
        dist = entry.dist.name if entry.dist else "unknown distribution"
        try:
            exporter = entry.load()
            found.append(FormatInfo(entry.name, exporter.suffix, exporter.description, dist))
        except Exception as error:
            found.append(FormatInfo(entry.name, "", f"(fails to load: {error})", dist))
    return found


def shadowed_plugins() -> list[str]:
    """Entry points that try to take a built-in name (reported by `convert formats`)."""
    from importlib.metadata import entry_points

    return [f"{ep.name} ({ep.value})" for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.name in BUILTIN]
