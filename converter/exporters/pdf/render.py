"""Document → PDF bytes: build the print plan, choose fonts for its characters, set, write."""

from __future__ import annotations

import re

from ...layout.plan import Plan, build_plan
from ...model import Document
from ...version import __version__
from ...typeset.fontset import font_set, font_warnings
from .pages import write_pdf
from ...typeset.story import story


def _pdf_date(created: str | None) -> str | None:
    """D:YYYYMMDDHHmmSS+08'00' from the plan's creation date (pages give Beijing time)."""
    digits = re.sub(r"\D", "", created or "")
    if len(digits) < 8:
        return None
    return "D:" + (digits + "000000")[:14] + "+08'00'"  # pages give Beijing time


def document_info(plan: Plan) -> dict[str, str]:
    found = plan.properties
    return {
        "title": found.title,
        "author": found.author,
        "subject": found.subject,
        "keywords": ", ".join(found.keywords),
        "creator": f"notice-converter {__version__}",
        "producer": f"notice-converter {__version__}",
    }


def render(document: Document, options) -> bytes:
    plan = build_plan(document.root, options)
    characters = plan.characters()
    fonts = font_set(dict(options.fonts), characters)
    data = write_pdf(story(plan, fonts), fonts, document_info(plan), _pdf_date(plan.properties.created))
    # After the layout: a face is read when a character first needs it, and may have a word to say.
    for warning in font_warnings(fonts, characters):
        if warning not in document.warnings:  # the run's diagnostics, which the CLI prints
            document.warnings.append(warning)
    return data
