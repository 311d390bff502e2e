"""One document's characters in one font, as the byte codes its embedded subsets draw them by.

An embedded TrueType subset is a simple font (ISO 32000-1 §9.6.6): one byte a character, so at
most 256 characters a subset. Codes are given in the order the characters are first set, and a
font's 257th character opens its second subset. A set line is then encoded by one `str.translate`
and one `encode`, which is why the codes live here and not in a general font object.
"""

from __future__ import annotations

from itertools import filterfalse, groupby

SUBSET_SIZE = 256


class FontCodes:
    """The codes of one font's characters in one document: subset = code // 256, byte = code % 256."""

    __slots__ = ("font", "characters", "_known", "_bytes", "_subsets")

    def __init__(self, font: str):
        self.font = font
        self.characters: list[int] = []  # code points, in the order of their codes
        self._known: set[str] = set()
        self._bytes: dict[int, str] = {}  # code point → the character whose ordinal is its byte
        self._subsets: dict[int, str] = {}  # code point → the character whose ordinal is its subset

    def encode(self, text: str) -> list[tuple[int, bytes]]:
        """`text` as (subset, bytes) runs, giving codes to the characters not seen before."""
        known = self._known
        if not known.issuperset(text):
            # First-use order (the same input, the same codes), given in bulk: a document's first
            # lines are almost all new characters.
            new = list(filterfalse(known.__contains__, dict.fromkeys(text)))
            start = len(self.characters)
            points = list(map(ord, new))
            known.update(new)
            codes = range(start, start + len(new))
            self._bytes.update(zip(points, (chr(code % SUBSET_SIZE) for code in codes)))
            self._subsets.update(zip(points, (chr(code // SUBSET_SIZE) for code in codes)))
            self.characters += points
        coded = text.translate(self._bytes).encode("latin-1")
        if len(self.characters) <= SUBSET_SIZE:  # one subset: the common case, a line in one go
            return [(0, coded)]
        runs, at = [], 0
        for subset, members in groupby(text.translate(self._subsets)):
            count = len(list(members))
            runs.append((ord(subset), coded[at:at + count]))
            at += count
        return runs

    def subsets(self) -> list[list[int]]:
        """The characters of each subset, in code order."""
        return [self.characters[start:start + SUBSET_SIZE] for start in range(0, len(self.characters), SUBSET_SIZE)]
