"""What each corpus text prints, in both layouts, as a reviewable `role | text` golden.

These goldens were first written from the exporters as they were before the print plan existed
(the DOCX paragraph list, with the PDF's blank lines and bookmarks), so that moving the decisions
into one plan could be checked to change nothing. Regenerate deliberately, after review, with
NOTICE_REGENERATE_GOLDENS=1.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import converter
from converter.options import ExportOptions
from tests.conftest import corpus_names, corpus_text

LAYOUTS = ("report", "minutes")
GOLDEN = Path(__file__).parent / "golden" / "plan"
REGENERATE = "NOTICE_REGENERATE_GOLDENS"

_BLOCK_ROLES = {"Title": "title", "Subtitle": "meta", "BodyText": "body", "ListParagraph": "item",
                "Attendance": "attendance"}
_RUN_ROLES = {None: "text", "StatementMarker": "marker", "ItemLabel": "item-label",
              "AttendanceLabel": "attendance-label"}


def _runs_text(runs) -> str:
    """Runs as text, a run of another role than plain text written «role:text»."""
    out = []
    for role, text in runs:
        text = text.replace("\n", "⏎")
        out.append(text if role == "text" else f"«{role}:{text}»")
    return "".join(out)


def dump_today(document, layout: str) -> str:
    """The dump of what the exporters of before the plan print (kept until the plan replaces it)."""
    from converter.exporters.docx.content import LAYOUTS as DOCX_LAYOUTS
    from converter.exporters.pdf.fontset import font_set
    from converter.exporters.pdf.pages import WIDTH
    from converter.exporters.pdf.render import printed_characters
    from converter.exporters.pdf.story import minutes_story, report_story

    options = ExportOptions(layout=layout)
    root = document.root
    paragraphs = DOCX_LAYOUTS[layout](root, False)
    fonts = font_set({}, printed_characters(root, options))
    story = (minutes_story if layout == "minutes" else report_story)(root, fonts, False)
    assert len(story) == len(paragraphs)
    lines = [f"# layout: {layout}"]
    for paragraph, grid in zip(paragraphs, story):
        lines += ["blank"] * grid.space_before
        role = _BLOCK_ROLES[paragraph.style]
        if role == "title" and layout == "minutes":
            role = "minutes-mark"
        runs = [(_RUN_ROLES[r.style], r.text) for r in paragraph.runs]
        lines.append(f"{role} | {_runs_text(runs)}")
        for line in grid.lines(WIDTH):
            for anchor in line.anchors:
                lines.append(f"  @{anchor.level} {anchor.key} | {anchor.label}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", corpus_names())
def test_plan_matches_its_golden(corpus_available, name, layout):
    document = converter.parse(corpus_text(name))
    actual = dump_today(document, layout)
    golden = GOLDEN / f"{name}.{layout}.txt"
    if os.environ.get(REGENERATE):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden yet: run with {REGENERATE}=1 and review the new file"
    assert actual == golden.read_text(encoding="utf-8"), f"plan changed; if intended, rerun with {REGENERATE}=1"
