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


# What OpenCC said of each character met so far, kept in a bounded form: one bit per code point
# for "already asked" (139 KB, fixed) and a dict of the characters that do change, which cannot
# outgrow OpenCC's own table. A dict of every character met grew without bound in a long-lived
# process fed arbitrary text (the fuzz campaign: ~1 entry per input, ~100 bytes each).
_asked = bytearray(0x110000 // 8)
_simpler: dict[int, int] = {}


def _simplified_table(text: str) -> dict[int, int]:
    """Map each traditional character of `text` to its simplified form (one to one only)."""
    present = set(text)
    asked = _asked  # the bit test inline: this runs for every distinct character of every text
    pending = [ch for ch in present if (code := ord(ch)) >= 0x3400 and not asked[code >> 3] >> (code & 7) & 1]
    if pending:
        converter = _converter()
        # One call for all new characters, newline-separated, keeps the cost per document small.
        converted = converter.convert("\n".join(pending)).split("\n")
        if len(converted) != len(pending):  # never expected; fall back to one call each
            converted = [converter.convert(ch) for ch in pending]
        for original, simple in zip(pending, converted):
            code = ord(original)
            if len(simple) == 1 and simple != original:
                _simpler[code] = ord(simple)
            _asked[code >> 3] |= 1 << (code & 7)
    simpler = _simpler
    return {code: simpler[code] for code in map(ord, present) if code in simpler}


def fold(text: str) -> str:
    """The shadow of `text` used for matching; `len(fold(t)) == len(t)` always."""
    table = dict(_WIDTH)
    table.update(_PUNCT)
    table.update(_simplified_table(text))
    folded = text.translate(table)
    assert len(folded) == len(text)
    return folded
