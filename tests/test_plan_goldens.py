"""What each corpus text prints, in both layouts, as a reviewable `role | text` golden.

These goldens were first written from the exporters as they were before the print plan existed
(the DOCX paragraph list, with the PDF's blank lines and bookmarks), so that moving the decisions
into one plan could be checked to change nothing. Regenerate deliberately, after review, with
NOTICE_REGENERATE_GOLDENS=1.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import converter
from converter.layout.plan import build_plan
from converter.options import ExportOptions
from tests.conftest import corpus_names, corpus_text
from tests.goldens import assert_matches_golden

LAYOUTS = ("report", "minutes")
GOLDEN = Path(__file__).parent / "golden" / "plan"

@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", corpus_names())
def test_plan_matches_its_golden(corpus_available, name, layout):
    document = converter.parse(corpus_text(name))
    actual = build_plan(document.root, ExportOptions(layout=layout)).dump()
    golden = GOLDEN / f"{name}.{layout}.txt"
    assert_matches_golden(actual, golden, "plan")
