"""What a layout must print of a document's own text: one home for the plan test and the
issue-11 counts script (scripts/plan_counts.py)."""

from __future__ import annotations

import re

from converter import vocabulary as v
from converter.model import body_paragraphs, text_of

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def printable_text(root) -> str:
    """Every paragraph a layout must print (front, meetings, back), less inline chrome."""
    paragraphs = (root.findall(f"{v.q(v.FRONT)}/{v.q(v.PARAGRAPH)}") + body_paragraphs(root)
                  + root.findall(f"{v.q(v.BACK)}/{v.q(v.PARAGRAPH)}"))
    texts = []
    for paragraph in paragraphs:
        chrome = "".join(text_of(c) for c in paragraph.iter(v.q(v.CHROME)))
        text = text_of(paragraph)
        texts.append(text.replace(chrome, "", 1) if chrome else text)
    return "".join(texts)
