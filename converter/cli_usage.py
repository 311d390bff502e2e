"""What the command accepts, said once: format and layout names (any case, 纪要 for minutes),
and a suggestion for a near miss. Every mistake here is a usage error (exit 2)."""

from __future__ import annotations

import difflib
from typing import Iterable

from typer import BadParameter

# Formats whose bytes are not text: refused on a terminal (as pandoc refuses), fine in a pipe.
BINARY_FORMATS = ("docx", "pdf", "ofd")
LAYOUT_NAMES = {"report": "report", "报道": "report", "minutes": "minutes", "纪要": "minutes", "会议纪要": "minutes"}


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """"; did you mean pdf?" for a near miss, else ""."""
    close = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.5)
    return f"; did you mean {close[0]}?" if close else ""


def format_names() -> list[str]:
    from .exporters import BUILTIN, _entry_points

    return list(BUILTIN) + [entry.name for entry in _entry_points()]


def choose_format(value: str) -> str:
    from .exporters import BUILTIN

    if value.strip().lower() in BUILTIN:  # without scanning the installed plug-ins
        return value.strip().lower()
    names = format_names()
    for name in names:
        if name.lower() == value.strip().lower():
            return name
    raise BadParameter(
        f"unknown format {value!r}; choose one of {', '.join(names)}{did_you_mean(value, names)}",
        param_hint="'--to'",
    )


def choose_layout(value: str) -> str:
    found = LAYOUT_NAMES.get(value.strip().lower())
    if found is None:
        raise BadParameter(
            f"unknown layout {value!r}; choose report or minutes (纪要){did_you_mean(value, LAYOUT_NAMES)}",
            param_hint="'--layout'",
        )
    return found


def parse_fonts(values: list[str]) -> dict[str, str]:
    fonts: dict[str, str] = {}
    for value in values:
        role, sep, face = value.partition("=")
        if not sep or not role.strip() or not face.strip():
            raise BadParameter(
                f"takes ROLE=FACE (roles: title, body, heading, kai, number), not {value!r}", param_hint="'--font'"
            )
        fonts[role.strip()] = face.strip()
    return fonts
