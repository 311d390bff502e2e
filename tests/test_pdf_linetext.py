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


_STANDARD_FONT_CHILD = """
import hashlib, sys
from converter.typeset import fonts
real = fonts.usable

def restricted_serif(face):  # an installed face whose licence forbids embedding
    if "Serif" in str(face.path):
        raise fonts.FontUnusable(f"{face.path}: its licence forbids embedding")
    return real(face)

fonts.usable = restricted_serif
import converter
from converter.exporters.pdf.linetext import LineCanvas
from reportlab.pdfgen.canvas import Canvas
if sys.argv[1] == "reportlab":
    LineCanvas.beginText = Canvas.beginText
data = converter.export(converter.parse("会议召开\\n会议认为，要学习\\ue000。"), "pdf")
print(hashlib.sha256(data).hexdigest(), b"/Helvetica" in data)
"""


def test_a_line_in_a_standard_font_is_written_as_reportlab_writes_it(tmp_path):
    # No usable face covers the character: it falls back to a standard font (not embedded),
    # which our line text hands to reportlab's object, mid-line, with the calls made so far.
    import os
    import subprocess
    import sys

    environment = dict(os.environ, NOTICE_CONVERTER_CACHE=str(tmp_path / "cache"), NOTICE_CONVERTER_SYSTEM_FONTS="0")
    results = [subprocess.run([sys.executable, "-c", _STANDARD_FONT_CHILD, mode], capture_output=True, text=True,
                              env=environment, timeout=300) for mode in ("ours", "reportlab")]
    for result in results:
        assert result.returncode == 0, result.stderr[-2000:]
    ours, theirs = (result.stdout.split() for result in results)
    assert ours == theirs
    assert ours[1] == "True"  # the standard font was used, so the hand-over was exercised
