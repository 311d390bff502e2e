"""Reading through pinyin glosses: "會(huì)長(zhǎng)" is read as 會長, and kept as written.

Some pages gloss characters with their pinyin in brackets right after them. The glosses break
every word they sit in (會(huì)議 is no 會議 to a pattern), so the body recognisers read a compact
copy of the line without them, and their spans are mapped back onto the line as written: a span
that ends on a glossed character takes its gloss along, so a role cut from the text is
"會(huì)長(zhǎng)", exactly as the page has it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..markup import Span
from .lines import Line
from .patterns import CJK

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A gloss: one pinyin syllable in brackets right after a Chinese character. Tone marks make it
# certain; an unmarked (neutral-tone) syllable must at least have a pinyin shape (initial + final).
_GLOSS = re.compile(
    r"(?<=[%s])\((?:[a-zü]{0,5}[%s][a-zü]{0,4}|(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])[aeiouü][a-z]{0,3})\)"
    % (CJK, _TONED)
)


@dataclass(frozen=True, slots=True)
class CompactLine(Line):
    """A line with its glosses left out; `positions[i]` is where character i stands in `source`."""

    # Keyword-only: Line's own fields end with defaulted ones.
    source: Line = field(kw_only=True)
    positions: tuple[int, ...] = field(kw_only=True)

    def written(self, start: int, end: int) -> str:
        return self.source.text[self._start(start) : self._end(end)]

    def _start(self, index: int) -> int:
        return self.positions[index] if index < len(self.positions) else len(self.source.text)

    def _end(self, index: int) -> int:
        if index <= 0:
            return 0
        after = self.positions[index - 1] + 1
        gloss = _GLOSS.match(self.source.shadow, after)
        return gloss.end() if gloss else after

    def map_span(self, span: Span) -> Span:
        start = self._start(span.start)
        end = max(start, self._end(span.end)) if span.end > span.start else start
        return Span(start, end, span.tag, span.attrs)


def written(line: Line, start: int, end: int) -> str:
    """The original characters behind line positions start:end."""
    if isinstance(line, CompactLine):
        return line.written(start, end)
    return line.text[start:end]


def compact(line: Line) -> Line:
    """The line without pinyin glosses, or the line itself when it has none."""
    if "(" not in line.shadow or not _GLOSS.search(line.shadow):
        return line
    keep = [True] * len(line.shadow)
    for gloss in _GLOSS.finditer(line.shadow):
        for index in range(gloss.start(), gloss.end()):
            keep[index] = False
    positions = tuple(i for i, kept in enumerate(keep) if kept)
    text = "".join(line.text[i] for i in positions)
    shadow = "".join(line.shadow[i] for i in positions)
    return CompactLine(line.number, line.start, line.end, text, shadow, line.column, source=line, positions=positions)
