"""Every export option in one record with its default; the CLI builds it in one place."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ExportOptions:
    """Options an exporter may read. An exporter ignores the ones that do not concern it."""

    # report: headline, source line, body. minutes: 纪要 layout with 出席/列席/请假 lines.
    layout: str = "report"
    # Half-width , : ; ? ! ( ) between Chinese characters are typeset full-width unless this is set.
    keep_punctuation: bool = False
    # Font face names (DOCX) or files (PDF) per role: title, body, heading, kai.
    fonts: dict[str, str] = field(default_factory=dict)
    # Pretty-print text formats (XML, JSON).
    pretty: bool = True

    LAYOUTS = ("report", "minutes")
