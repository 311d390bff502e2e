"""Small shared pieces of pattern text, matched on the folded shadow (simplified, half-width)."""

from __future__ import annotations

import re

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CLASS = f"[{CJK}]"
# Chinese numerals as written in dates and enumerations.
CN_DIGITS = "〇零一二三四五六七八九十两"
SENTENCE_END = "。!?！？"
# Where a clause can begin inside a paragraph (folded: full-width , ; : are ASCII here).
CLAUSE_BREAK = "。!?;:,"


def alternation(words) -> str:
    """A regex alternation that tries longer words first (so 责任编辑 wins over 编辑)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_CN_VALUE = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(text: str) -> int | None:
    """The value of a small number in Arabic or Chinese numerals (一 … 九十九); None if not one."""
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _CN_VALUE and ch != "十" for ch in text):
        return None
    if "十" not in text:
        if len(text) == 4 or len(text) == 1:  # a year like 二〇二三, or a single digit
            return int("".join(str(_CN_VALUE[ch]) for ch in text))
        return None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (_CN_VALUE[tens] if tens else 1) * 10 + (_CN_VALUE[ones] if ones else 0)
