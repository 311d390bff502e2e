"""The PDF of a handful of texts as line dumps (page, position, text of every line): goldens
reviewed like the plan's, regenerated deliberately with NOTICE_REGENERATE_GOLDENS=1."""

from __future__ import annotations

from pathlib import Path

import pytest

import converter
from converter.typeset.discovery import SYSTEM_FONTS_ENV
from tests.conftest import corpus_text, require_tool
from tests.pdf_lines import line_dump
from tests.goldens import assert_matches_golden

GOLDEN = Path(__file__).parent / "golden" / "pdf"
TEXTS = Path(__file__).parent / "texts"
# The seed, a 纪要 whose text lists who attended, a 通知 with 主送/署名/日期/抄送 (both written by
# us in the form offices use: the corpus has neither), a traditional-script text, a wrapped 纪要标志.
CASES = [("seed", "report"), ("seed", "minutes"), ("minutes-attendance", "minutes"), ("circular", "report"),
         ("dev-24", "report"), ("dev-01", "minutes")]


def _text(name: str) -> str:
    own = TEXTS / f"{name}.txt"
    return own.read_text(encoding="utf-8") if own.exists() else corpus_text(name)


@pytest.mark.parametrize(("name", "layout"), CASES)
def test_pdf_lines_match_their_golden(corpus_available, monkeypatch, name, layout):
    # Positions depend on the faces' metrics: pinned to the bundled faces, the same on every machine.
    monkeypatch.setenv(SYSTEM_FONTS_ENV, "0")
    data = converter.export(converter.parse(_text(name)), "pdf", layout=layout)
    actual = line_dump(require_tool("pdftotext"), data)
    golden = GOLDEN / f"{name}.{layout}.txt"
    assert_matches_golden(actual, golden, "PDF lines")


def test_the_colophon_stands_between_thick_rules_with_thin_ones_between_its_lines():
    from converter.typeset.story import THICK_RULE, THIN_RULE, _colophon_rules
    from converter.layout.plan import COLOPHON, build_plan
    from converter.options import ExportOptions

    plan = build_plan(converter.parse(_text("circular")).root, ExportOptions())
    rules = [_colophon_rules(plan.blocks, n) for n, b in enumerate(plan.blocks) if b.role == COLOPHON]
    assert rules == [(THICK_RULE, THIN_RULE), (0.0, THICK_RULE)]
    assert _colophon_rules(plan.blocks, 0) == (0.0, 0.0)
