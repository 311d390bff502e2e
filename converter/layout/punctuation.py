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


_BRACKET = re.compile(r"[()（）]")


def full_width_punctuation(text: str) -> str:
    """Half-width , : ; ? ! ( ) next to Chinese text become their full-width forms; a bracket
    pair is one or the other, never half: (在外学习） and （2024) become （…）. One character for
    one, always."""
    text = _HALF_MARK.sub(lambda m: _FULL[m.group()], text)
    opened: list[tuple[int, str]] = []
    mixed: list[int] = []  # both ends of each pair that mixes the two widths
    for bracket in _BRACKET.finditer(text):  # only the brackets are looked at one by one
        character, index = bracket.group(), bracket.start()
        if character in "(（":
            opened.append((index, character))
        elif opened:
            start, opening = opened.pop()
            if (opening == "（") != (character == "）"):
                mixed += (start, index)
    if not mixed:
        return text
    found = list(text)
    for start, end in zip(mixed[::2], mixed[1::2]):
        found[start], found[end] = "（", "）"
    return "".join(found)
