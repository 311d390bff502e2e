"""A PDF as the lines it shows: page, baseline box and text of every line, read back by poppler's
pdftotext (-bbox-layout), so a golden checks what a reader sees, whatever wrote the file."""

from __future__ import annotations

import subprocess

from lxml import etree

_XHTML = "{http://www.w3.org/1999/xhtml}"


def _joined(words: list[str]) -> str:
    """Words of a line: a space only between two Latin words (pdftotext splits CJK lines too)."""
    out = ""
    for word in words:
        if out and out[-1].isascii() and word[0].isascii():
            out += " "
        out += word
    return out


def line_dump(pdftotext: str, data: bytes) -> str:
    xml = subprocess.run([pdftotext, "-bbox-layout", "-", "-"], input=data, capture_output=True,
                         check=True).stdout
    root = etree.fromstring(xml, etree.XMLParser(recover=True))
    lines = []
    for number, page in enumerate(root.iter(f"{_XHTML}page"), start=1):
        for line in page.iter(f"{_XHTML}line"):
            words = [w.text or "" for w in line.iter(f"{_XHTML}word")]
            x, y = float(line.get("xMin")), float(line.get("yMin"))
            lines.append(f"p{number} {x:6.1f} {y:6.1f} | {_joined(words)}")
    return "\n".join(lines) + "\n"
