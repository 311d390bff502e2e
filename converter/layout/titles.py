"""Titles and 纪要标志 that wrap: broken between words, into lines that stand symmetric.

GB/T 9704 7.3.1 asks that a title's lines keep words whole ("词意完整") and form a trapezoid or
a diamond ("梯形或菱形"). Breaking by character count gives 传达学｜习 and 人大常委｜会. So the
break positions are word boundaries from jieba's dictionary (rjieba, the maintained Rust port:
its import costs about 0.1 s, paid only when a title does wrap, never by --to json/xml), kept
out of quotations and brackets and off the 禁则 marks, and among them the set of breaks that
needs the fewest lines and makes them most even is chosen, an upper line a little longer than
the one below it preferred (an inverted trapezoid), or a longer middle line (a diamond).
"""

from __future__ import annotations

from functools import lru_cache

from .punctuation import NO_LINE_END, NO_LINE_START

_OPEN, _CLOSE = "《“‘（(「『〔【", "》”’）)」』〕】"
# Words a line should not start with: a particle left at a line's head reads as a fragment.
_WEAK_START = set("的之和与及并或等")


def em_width(text: str) -> float:
    """Width in ems of the title's own type: ASCII letters and digits are a little over half an
    em in the Song faces (0.6 errs on the side of a break the page does not strictly need)."""
    return sum(0.6 if c.isascii() else 1.0 for c in text)


_NUMERALS = set("0123456789〇零一二三四五六七八九十百千两")
_MEASURES = set("次届屆年月日号號个個名项項批期位轮輪季度")


# Word classes (jieba's tags) a line should not start with: a localiser (春节｜期间), a particle
# (党｜的), a measure word (二十七｜次), a modal particle; and one it should not end with: a
# preposition (关于｜做好 leaves 关于 hanging).
_NO_START_TAGS = ("f", "u", "q", "y")
_NO_END_TAGS = ("p",)


def _words(text: str) -> tuple[str, ...]:
    return tuple(word for word, _ in _tagged(text))


@lru_cache(maxsize=512)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    """jieba's words of `text` with their word class. jieba's dictionary is simplified: a
    traditional title is cut on its simplified shadow (same length, character for character), so
    國家知識產權局 stays whole."""
    import rjieba  # loaded on the first title that wraps: keeps the dictionary off cold starts

    shadow = _simplified(text)
    words, start = [], 0
    for word, tag in rjieba.tag(shadow):
        words.append((text[start:start + len(word)], tag))
        start += len(word)
    return tuple(words)


def _simplified(text: str) -> str:
    shadow = _converter().convert(text)
    return shadow if len(shadow) == len(text) else text


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def _boundaries(text: str) -> list[int]:
    """Positions a line may end before: between words, outside any quotation or bracket, and
    where neither 禁则 mark nor a weak particle would stand at a line's edge."""
    found, position, depth = [], 0, 0
    tagged = _tagged(text)
    inside: set[int] = set()
    for index, character in enumerate(text):
        if character in _OPEN:
            depth += 1
        elif character in _CLOSE:
            depth = max(depth - 1, 0)
        elif depth:
            inside.add(index + 1)
        if depth:
            inside.add(index + 1)
    for (word, tag), (_, following) in zip(tagged, tagged[1:]):
        position += len(word)
        if tag.startswith(_NO_END_TAGS) or following.startswith(_NO_START_TAGS):
            continue
        if position in inside or text[position].isspace() or text[position] in NO_LINE_START or text[position - 1] in NO_LINE_END:
            continue
        if text[position] in _WEAK_START:
            continue
        if text[position] in _MEASURES and text[position - 1] in _NUMERALS:
            continue  # 二十七｜次: a number stays with its measure word
        found.append(position)
    return found


def _cost(widths: list[float], limit: float) -> float:
    if any(w > limit + 1e-9 for w in widths):
        return float("inf")
    mean = sum(widths) / len(widths)
    cost = sum((w - mean) ** 2 for w in widths)
    if len(widths) == 2 and widths[0] < widths[1]:
        cost += 0.5  # an upper line shorter than the lower: allowed, not preferred
    if len(widths) >= 3:
        middle = widths[1:-1]
        diamond = all(m >= max(widths[0], widths[-1]) for m in middle)
        falling = all(a >= b for a, b in zip(widths, widths[1:]))
        if not (diamond or falling):
            cost += 1.0
    return cost


_MAX_LINES = 4  # beyond this a "title" is a paragraph: the renderer breaks it as one
_EXHAUSTIVE = 2000  # choices of breaks tried one by one; more are chosen by dynamic programming


def _even(text: str, breaks: list[int], lines: int, limit: float) -> tuple[float, tuple[int, ...]] | None:
    """The breaks that make the lines most even (least squared deviation from the mean width),
    by dynamic programming over the break positions: for long titles, where trying every choice
    would take too long."""
    edges = [0, *breaks, len(text)]
    mean = em_width(text) / lines
    # best[k][j]: cost and previous edge of the cheapest k lines ending at edges[j]
    best: list[dict[int, tuple[float, int]]] = [{0: (0.0, -1)}]
    for k in range(1, lines + 1):
        row: dict[int, tuple[float, int]] = {}
        for j in range(1, len(edges)):
            for i, (cost, _) in best[k - 1].items():
                if i >= j:
                    continue
                width = em_width(text[edges[i]:edges[j]])
                if width > limit + 1e-9:
                    continue
                total = cost + (width - mean) ** 2
                if j not in row or total < row[j][0]:
                    row[j] = (total, i)
        best.append(row)
    last = len(edges) - 1
    if last not in best[lines]:
        return None
    chosen, j = [], last
    for k in range(lines, 0, -1):
        j = best[k][j][1]
        if k > 1:
            chosen.append(edges[j])
    return best[lines][last][0], tuple(reversed(chosen))


def _best(text: str, breaks: list[int], lines: int, limit: float) -> tuple[float, tuple[int, ...]] | None:
    """The cheapest choice of lines - 1 breaks among `breaks`: every choice, with the shape
    preferences, when there are few; the most even lines otherwise."""
    from itertools import combinations
    from math import comb

    if comb(len(breaks), lines - 1) > _EXHAUSTIVE:
        return _even(text, breaks, lines, limit)
    best = None
    for chosen in combinations(breaks, lines - 1):
        edges = (0, *chosen, len(text))
        widths = [em_width(text[a:b]) for a, b in zip(edges, edges[1:])]
        cost = _cost(widths, limit)
        if cost != float("inf") and (best is None or cost < best[0]):
            best = (cost, chosen)
    return best


def break_title(text: str, per_line: float) -> str | None:
    """`text` with a line feed at each chosen break, or None when no word break can make it fit
    (the renderer then falls back to its own character breaking). Unchanged when it fits."""
    if em_width(text) <= per_line:
        return text
    fewest = int(-(-em_width(text) // per_line))
    if fewest > _MAX_LINES:
        return None
    breaks = _boundaries(text)
    for lines in range(fewest, fewest + 2):
        if lines - 1 > len(breaks):
            return None
        found = _best(text, breaks, lines, per_line)
        if found:
            edges = (0, *found[1], len(text))
            return "\n".join(text[a:b].strip() for a, b in zip(edges, edges[1:]))
    return None
