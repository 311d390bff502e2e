"""word/document.xml of a 纪要 whose text lists who attended, a 通知 with 主送/署名/日期/抄送 and a
traditional-script 纪要 as goldens (the seed's are in test_docx_corpus.py); regenerate deliberately
with NOTICE_REGENERATE_GOLDENS=1."""

from __future__ import annotations

from pathlib import Path

import pytest

import converter
from tests.conftest import CORPUS
from tests.test_docx_corpus import normalised_document_xml
from tests.goldens import assert_matches_golden

GOLDEN = Path(__file__).parent / "golden" / "docx"
TEXTS = Path(__file__).parent / "texts"
CASES = [(TEXTS / "minutes-attendance.txt", "minutes"), (TEXTS / "circular.txt", "report"),
         (CORPUS / "dev-24.txt", "minutes")]


@pytest.mark.parametrize(("path", "layout"), CASES, ids=lambda c: c.stem if isinstance(c, Path) else c)
def test_document_xml_matches_its_golden(path, layout):
    if not path.exists():
        pytest.skip(f"{path} is not beside the project")
    data = converter.export(converter.parse(path.read_text(encoding="utf-8")), "docx", layout=layout)
    actual = normalised_document_xml(data)
    golden = GOLDEN / f"{path.stem}-{layout}.document.xml"
    assert_matches_golden(actual, golden, "document.xml")
