"""Punctuation as print wants it (GB/T 15834) and the 禁则 of Chinese line breaking.

Used by the DOCX and PDF exporters on the text they set; the model itself is never changed.
"""

from __future__ import annotations

import re

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
# A half-width mark with a Chinese character (or Chinese punctuation) on at least one side:
# 1,000 and 3:30 and f(x) have none, and stay as they are.
_HALF_MARK = re.compile(
    r"(?<=[%s])[,:;?!()]|[,:;?!()](?=[%s])" % (_CJK, _CJK)
)

# No line starts with these …
NO_LINE_START = set("，。、；：？！）】》」』”’…—·%‰）〕〉｝")
# … and none ends with these.
NO_LINE_END = set("（【《「『“‘〔〈｛")


def full_width_punctuation(text: str) -> str:
    """Half-width , : ; ? ! ( ) next to Chinese text become their full-width forms; a bracket
    pair is one or the other, never half: (在外学习） and （2024) become （…）. One character for
    one, always."""
    found = list(_HALF_MARK.sub(lambda m: _FULL[m.group()], text))
    opened: list[int] = []
    for index, character in enumerate(found):
        if character in "(（":
            opened.append(index)
        elif character in ")）" and opened:
            start = opened.pop()
            if (found[start] == "（") != (character == "）"):
                found[start], found[index] = "（", "）"
    return "".join(found)
