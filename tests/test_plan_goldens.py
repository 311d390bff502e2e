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
from converter.layout.plan import build_plan
from converter.options import ExportOptions
from tests.conftest import corpus_names, corpus_text

LAYOUTS = ("report", "minutes")
GOLDEN = Path(__file__).parent / "golden" / "plan"
REGENERATE = "NOTICE_REGENERATE_GOLDENS"

@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", corpus_names())
def test_plan_matches_its_golden(corpus_available, name, layout):
    document = converter.parse(corpus_text(name))
    actual = build_plan(document.root, ExportOptions(layout=layout)).dump()
    golden = GOLDEN / f"{name}.{layout}.txt"
    if os.environ.get(REGENERATE):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden yet: run with {REGENERATE}=1 and review the new file"
    assert actual == golden.read_text(encoding="utf-8"), f"plan changed; if intended, rerun with {REGENERATE}=1"
