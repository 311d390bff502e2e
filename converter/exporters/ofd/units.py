"""OFD's units: millimetres, the origin at the page's top left, Y growing downward (GB/T 33190
§7.2); numbers written short, to the micrometre."""

from __future__ import annotations

from ... import layout

MM_PER_PT = 25.4 / 72
PAGE_HEIGHT_PT = layout.mm_to_pt(layout.PAGE_HEIGHT_MM)


def mm(points: float) -> float:
    return points * MM_PER_PT


def down(y_points: float) -> float:
    """A height above the page's bottom edge (points) as a distance below its top edge (mm)."""
    return (PAGE_HEIGHT_PT - y_points) * MM_PER_PT


def number(value: float, places: int = 3) -> str:
    """`places` decimals at most, no trailing zeros, never "-0"."""
    text = f"{value:.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def numbers(*values: float) -> str:
    return " ".join(number(v) for v in values)


def spaced(values: list[float]) -> str:
    """An ST_Array of distances, runs of one value written "g N value" (GB/T 33190's short form
    for N repeats), so a grid line of 28 characters is one short item. To 0.1 µm: the error
    adds up along a line, and stays under 2 µm over the longest."""
    texts = [number(v, 4) for v in values]
    out: list[str] = []
    index = 0
    while index < len(texts):
        end = index
        while end + 1 < len(texts) and texts[end + 1] == texts[index]:
            end += 1
        count = end - index + 1
        out.append(f"g {count} {texts[index]}" if count > 2 else " ".join(texts[index:end + 1]))
        index = end + 1
    return " ".join(out)


def colour(rgb: tuple[float, float, float]) -> str:
    """A CT_Color Value in the default RGB space, 0–255 per component."""
    return " ".join(str(round(c * 255)) for c in rgb)
