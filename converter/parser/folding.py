"""A matching shadow of the text: same length, simplified script, half-width punctuation.

Recognisers match patterns on the shadow and cut spans from the original, so a traditional or
full-width report is recognised by the same rules and still kept exactly as written.
"""

from __future__ import annotations

from functools import lru_cache

# Full-width forms that carry the same meaning as their ASCII twins for matching purposes.
_WIDTH = {0xFF01 + i: 0x21 + i for i in range(0x5E)}  # ！..～ -> !..~
_WIDTH.update({0x3000: 0x20, 0x3001: 0x3001})  # ideographic space; keep 、 (it is no comma)
_PUNCT = {ord("﹐"): ord(","), ord("﹕"): ord(":"), ord("﹔"): ord(";"), ord("︰"): ord(":")}


@lru_cache(maxsize=1)
def _converter():
    import opencc  # deferred: only reports that contain non-ASCII text need it

    return opencc.OpenCC("t2s")


_char_cache: dict[int, int] = {}


def _simplified_table(text: str) -> dict[int, int]:
    """Map each traditional character of `text` to its simplified form (one to one only)."""
    table: dict[int, int] = {}
    pending = [ch for ch in set(text) if ord(ch) >= 0x3400 and ord(ch) not in _char_cache]
    if pending:
        converter = _converter()
        # One call for all new characters, newline-separated, keeps the cost per document small.
        converted = converter.convert("\n".join(pending)).split("\n")
        if len(converted) != len(pending):  # never expected; fall back to one call each
            converted = [converter.convert(ch) for ch in pending]
        for original, simple in zip(pending, converted):
            _char_cache[ord(original)] = ord(simple) if len(simple) == 1 else ord(original)
    for ch in set(text):
        code = ord(ch)
        if code in _char_cache and _char_cache[code] != code:
            table[code] = _char_cache[code]
    return table


def fold(text: str) -> str:
    """The shadow of `text` used for matching; `len(fold(t)) == len(t)` always."""
    table = dict(_WIDTH)
    table.update(_PUNCT)
    table.update(_simplified_table(text))
    folded = text.translate(table)
    assert len(folded) == len(text)
    return folded
