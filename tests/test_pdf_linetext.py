"""The PDF's own line-text operators (exporters/pdf/linetext.py) write the bytes reportlab's
general text object writes: same operators, same order, same numbers."""

from __future__ import annotations

import pytest
from reportlab.pdfgen.canvas import Canvas

import converter
from converter.exporters.pdf.linetext import LineCanvas
from tests.conftest import EXAMPLES

# The seed; a 纪要; a text with more than 256 distinct characters (several subsets per font).
_MANY = "".join(chr(code) for code in range(0x4E00, 0x4E00 + 700))
CASES = [
    ((EXAMPLES / "notice.txt").read_text(encoding="utf-8"), "report"),
    ((EXAMPLES / "notice.txt").read_text(encoding="utf-8"), "minutes"),
    ("办公室召开工作会议\n\n2024年3月5日，办公室召开工作会议。张三主持会议。\n" + _MANY + "。\n", "report"),
]


@pytest.mark.parametrize(("text", "layout"), CASES)
def test_line_text_writes_the_bytes_reportlab_writes(text, layout, monkeypatch):
    document = converter.parse(text)
    ours = converter.export(document, "pdf", layout=layout)
    monkeypatch.setattr(LineCanvas, "beginText", Canvas.beginText)
    assert converter.export(document, "pdf", layout=layout) == ours
