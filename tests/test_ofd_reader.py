"""A reader that is not ours opens our OFD: ofdkit (PyPI, Apache-2.0) reads every corpus text's OFD
in both layouts back with every character the print plan prints, in order, on A4 pages, with the
faces embedded.

Why ofdkit and not easyofd: see the README's OFD section. ofdkit places each TextCode by its X/Y,
the object's Boundary and CTM, and orders the lines itself (baselines, then left to right), so a
character drawn in the wrong place comes back in the wrong order; it refuses DTDs; and its
`describe` lists each part of the package and keeps the faces' names and FontFile locations.
"""

from __future__ import annotations

import pytest

import converter
from converter.layout.plan import build_plan
from converter.options import ExportOptions
from tests.conftest import EXAMPLES, corpus_names, corpus_text, require_module
from tests.printable import HAN, printable_text

require_module("ofdkit", extra="test")

import ofdkit  # noqa: E402
from ofdkit.describe import describe  # noqa: E402

LAYOUTS = ("report", "minutes")
A4 = (210.0, 297.0)


def printed(document, layout: str) -> list[str]:
    """The ideographs the plan prints, in print order (title, mark and meta line included)."""
    plan = build_plan(document.root, ExportOptions(layout=layout))
    return HAN.findall("".join(block.text for block in plan.blocks))


def is_subsequence(wanted: list[str], found: list[str]) -> bool:
    remaining = iter(found)
    return all(char in remaining for char in wanted)


def embedded_fonts(data: bytes) -> list[tuple[str, str, int]]:
    """(FontName, FontFile entry, its size) of every Font in the package's resource parts, as
    ofdkit's `describe` lists them (FontFile as written: relative to the Res part's BaseLoc)."""
    import posixpath

    description = describe(data)
    sizes = {entry["name"]: entry["size"] for entry in description["entries"]}
    found = []
    for part, parsed in description["xml"].items():
        root = parsed.get("root") or {}
        if root.get("tag") != "Res":
            continue
        base = posixpath.join(posixpath.dirname(part), root.get("attrs", {}).get("BaseLoc", ""))
        for group in root.get("children", []):
            for font in group.get("children", []) if group["tag"] == "Fonts" else []:
                files = [c.get("text", "") for c in font.get("children", []) if c["tag"] == "FontFile"]
                location = files[0] if files else ""
                entry = location.lstrip("/") if location.startswith("/") else posixpath.normpath(
                    posixpath.join(base, location))
                found.append((font["attrs"].get("FontName", ""), entry if files else "", sizes.get(entry, 0)))
    return found


def read_back(data: bytes) -> tuple[list[tuple[float, float]], str, list[str]]:
    with ofdkit.open(data) as document:
        return [(page.width, page.height) for page in document.pages], document.text(), document.warnings


def assert_read_back(document, layout: str, data: bytes, label: str) -> None:
    sizes, text, warnings = read_back(data)
    assert warnings == [], (label, warnings)
    assert sizes and all(abs(w - A4[0]) <= 0.01 and abs(h - A4[1]) <= 0.01 for w, h in sizes), (label, sizes)
    found = HAN.findall(text)
    wanted = printed(document, layout)
    assert found == wanted, f"{label}: read {len(found)} ideographs, the plan prints {len(wanted)}; " \
        f"first difference at {next((i for i, (a, b) in enumerate(zip(found, wanted)) if a != b), min(len(found), len(wanted)))}"
    if layout == "report":  # the report keeps the text's own order
        assert is_subsequence(HAN.findall(printable_text(document.root)), found), label
    fonts = embedded_fonts(data)
    assert fonts, f"{label}: no Font resource"
    assert all(name and entry and size > 0 for name, entry, size in fonts), (label, fonts)


@pytest.mark.parametrize("name", corpus_names())
def test_every_corpus_text_reads_back_in_order_on_a4_with_embedded_faces(corpus_available, name):
    document = converter.parse(corpus_text(name))
    for layout in LAYOUTS:
        assert_read_back(document, layout, converter.export(document, "ofd", layout=layout), f"{name} {layout}")


def test_the_seed_reads_back_and_its_faces_are_truetype():
    import io
    import zipfile

    document = converter.parse((EXAMPLES / "notice.txt").read_text(encoding="utf-8"))
    for layout in LAYOUTS:
        data = converter.export(document, "ofd", layout=layout)
        assert_read_back(document, layout, data, f"seed {layout}")
        package = zipfile.ZipFile(io.BytesIO(data))
        for name, entry, _ in embedded_fonts(data):
            head = package.read(entry)[:4]
            assert head in (b"\x00\x01\x00\x00", b"true", b"OTTO"), (name, entry, head)


def test_the_read_back_fails_on_lines_out_of_place_or_a_dropped_character():
    """The comparison can fail: two lines' Boundaries swapped, or one character gone."""
    import io
    import re
    import zipfile

    document = converter.parse((EXAMPLES / "notice.txt").read_text(encoding="utf-8"))
    data = converter.export(document, "ofd")
    source = zipfile.ZipFile(io.BytesIO(data))
    page = "Doc_0/Pages/Page_1/Content.xml"
    xml = source.read(page).decode("utf-8")

    def with_page(text: str) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for name in source.namelist():
                target.writestr(name, text if name == page else source.read(name))
        return out.getvalue()

    first, second = re.findall(r'Boundary="([^"]+)"', xml)[:2]
    swapped = xml.replace(first, "\0", 1).replace(second, first, 1).replace("\0", second, 1)
    code = re.search(r"<ofd:TextCode[^>]*>(.)", xml)
    dropped = xml[:code.start(1)] + xml[code.end(1):]
    for label, text in (("swapped", swapped), ("dropped", dropped)):
        with pytest.raises(AssertionError, match="first difference"):
            assert_read_back(document, "report", with_page(text), label)
