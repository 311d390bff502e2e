"""The OFD exporter: every XML part valid against GB/T 33190's schemas (../shared/ofd-schema,
read from there), the same bytes for the same input, A4 pages, embedded fonts that fontTools
reads and that have every character printed, and the same pages, lines and characters, at the
same places, as the PDF of the same document."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from functools import lru_cache
from pathlib import Path

import pytest
from lxml import etree

import converter
from converter.typeset.discovery import SYSTEM_FONTS_ENV
from tests.conftest import EXAMPLES, ROOT, corpus_names, corpus_text

SCHEMAS = ROOT.parent / "shared" / "ofd-schema"
NS = {"ofd": "http://www.ofdspec.org/2016"}
TEXTS = Path(__file__).parent / "texts"
GOLDEN = Path(__file__).parent / "golden" / "pdf"
LAYOUTS = ("report", "minutes")
MM_PER_PT = 25.4 / 72
# (name, layout) of the PDF goldens: the line dumps the OFD's lines are held against.
GOLDEN_CASES = [("seed", "report"), ("seed", "minutes"), ("minutes-attendance", "minutes"), ("circular", "report"),
                ("dev-24", "report"), ("dev-01", "minutes")]


@lru_cache(maxsize=None)
def _schema(name: str) -> etree.XMLSchema:
    # Each schema includes Definitions.xsd (and Page.xsd) by a relative location: parsed from its
    # path, so lxml finds them beside it.
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def _schema_for(part: str) -> str:
    if part == "OFD.xml":
        return "OFD.xsd"
    if part.endswith("/Document.xml"):
        return "Document.xsd"
    if part.endswith(("PublicRes.xml", "DocumentRes.xml")):
        return "Res.xsd"
    if re.fullmatch(r"Doc_0/Pages/Page_\d+/Content\.xml", part):
        return "Page.xsd"
    raise AssertionError(f"an XML part no schema names: {part}")


@pytest.fixture(scope="session")
def schemas_available() -> None:
    if not (SCHEMAS / "OFD.xsd").is_file():
        pytest.skip("../shared/ofd-schema is not beside the project")


def _text(name: str) -> str:
    own = TEXTS / f"{name}.txt"
    return own.read_text(encoding="utf-8") if own.exists() else corpus_text(name)


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _numbers(text: str) -> list[float]:
    """An ST_Array with GB/T 33190's "g N value" short form expanded."""
    items, values, index = text.split(), [], 0
    while index < len(items):
        if items[index] == "g":
            values += [float(items[index + 2])] * int(items[index + 1])
            index += 3
        else:
            values.append(float(items[index]))
            index += 1
    return values


def _resolve(parts: dict[str, bytes], base: str, location: str) -> str:
    return location if location.startswith("Doc_0/") else f"{base}/{location}"


def _pages(parts: dict[str, bytes]) -> list[etree._Element]:
    document = etree.fromstring(parts["Doc_0/Document.xml"])
    return [etree.fromstring(parts[_resolve(parts, "Doc_0", page.get("BaseLoc"))])
            for page in document.iterfind("ofd:Pages/ofd:Page", NS)]


def _characters(page: etree._Element) -> list[tuple[str, float, float, str]]:
    """Every character of a page's text: (character, x, baseline y, font ID), mm from the top left."""
    found = []
    for text in page.iter("{%s}TextObject" % NS["ofd"]):
        left, top = map(float, text.get("Boundary").split()[:2])
        for code in text.iterfind("ofd:TextCode", NS):
            x, y = left + float(code.get("X")), top + float(code.get("Y"))
            deltas = _numbers(code.get("DeltaX", ""))
            assert len(deltas) in (0, len(code.text) - 1)
            for number, character in enumerate(code.text):
                found.append((character, x, y, text.get("Font")))
                if number < len(deltas):
                    x += deltas[number]
    return found


def _lines(page: etree._Element) -> list[tuple[float, float, str]]:
    """A page's lines top to bottom: (x of the first character, baseline, text)."""
    rows: dict[float, list[tuple[float, str]]] = {}
    for character, x, y, _ in _characters(page):
        rows.setdefault(round(y, 2), []).append((x, character))
    return [(min(rows[y])[0], y, "".join(c for _, c in sorted(rows[y]))) for y in sorted(rows)]


def _pieces(page: etree._Element) -> list[tuple[float, float, str]]:
    """A page's lines as _lines gives them, a line with a gap wider than two characters in it (the
    版记's 印发 line: 印发机关 flush left, 印发日期 flush right) as two pieces, the second's x None."""
    rows: dict[float, list[tuple[float, str]]] = {}
    for character, x, y, _ in _characters(page):
        rows.setdefault(round(y, 2), []).append((x, character))
    found = []
    for y in sorted(rows):
        row = sorted(rows[y])
        text = row[0][1]
        for (x_before, _), (x, character) in zip(row, row[1:]):
            text += ("  " if x - x_before > 3 * 5.6 else "") + character  # 5.6 mm: one 3号 character
        found.append((row[0][0], y, text))
    return found


@lru_cache(maxsize=None)
def _ofd(name: str, layout: str) -> bytes:
    return converter.export(converter.parse(_text(name)), "ofd", layout=layout)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", corpus_names())
def test_every_part_of_every_corpus_text_is_valid_ofd_with_its_fonts_embedded(
        corpus_available, schemas_available, name, layout):
    from fontTools.ttLib import TTFont

    parts = _parts(_ofd(name, layout))
    assert "OFD.xml" in parts and "Doc_0/Document.xml" in parts
    for part, data in parts.items():
        if part.endswith(".xml"):
            schema = _schema(_schema_for(part))
            assert schema.validate(etree.fromstring(data)), f"{part}: {schema.error_log}"
    entry = etree.fromstring(parts["OFD.xml"])
    assert re.fullmatch(r"[0-9a-f]{32}", entry.findtext("ofd:DocBody/ofd:DocInfo/ofd:DocID", namespaces=NS))
    document = etree.fromstring(parts["Doc_0/Document.xml"])
    assert document.findtext("ofd:CommonData/ofd:PageArea/ofd:PhysicalBox", namespaces=NS) == "0 0 210 297"
    # Every ID is used once, and none is larger than MaxUnitID.
    ids = [int(e.get("ID")) for data in parts.values() if data.startswith(b"<?xml")
           for e in etree.fromstring(data).iter() if e.get("ID") is not None]
    assert len(ids) == len(set(ids))
    assert max(ids) == int(document.findtext("ofd:CommonData/ofd:MaxUnitID", namespaces=NS))
    # The fonts: each a TrueType file fontTools reads, with a glyph for every character set in it.
    public = etree.fromstring(parts["Doc_0/PublicRes.xml"])
    files = {font.get("ID"): f"Doc_0/{public.get('BaseLoc')}/{font.findtext('ofd:FontFile', namespaces=NS)}"
             for font in public.iterfind("ofd:Fonts/ofd:Font", NS)}
    used: dict[str, set[str]] = {}
    for page in _pages(parts):
        for character, _, _, font in _characters(page):
            used.setdefault(font, set()).add(character)
    assert set(used) <= set(files)
    for font, characters in used.items():
        face = TTFont(io.BytesIO(parts[files[font]]))
        assert "glyf" in face and face["head"].unitsPerEm > 0
        cmap = face.getBestCmap()
        missing = {c for c in characters if not c.isspace() and ord(c) not in cmap}
        assert not missing, f"font {font} lacks {sorted(missing)}"
        for character in characters - missing:
            if not character.isspace():
                assert face["glyf"][cmap[ord(character)]].numberOfContours != 0 or character in "　"


def _spec_character_spacing(monkeypatch) -> None:
    """pdfminer.six adds the character spacing (Tc) between the characters of a string but not
    after its last one, where PDF 32000 §9.4.4 adds it after every glyph: a line set in two fonts
    (or two 256-character subsets) would read shifted by Tc at each change. The one missing Tc
    per shown string is added back here."""
    from pdfminer.pdfdevice import PDFTextDevice

    original = PDFTextDevice.render_string_horizontal

    def spec(self, seq, matrix, pos, font, fontsize, scaling, charspace, *rest):
        x, y = original(self, seq, matrix, pos, font, fontsize, scaling, charspace, *rest)
        shown = any(isinstance(item, bytes) and font.decode(item) for item in seq)
        return (x + charspace, y) if shown else (x, y)

    monkeypatch.setattr(PDFTextDevice, "render_string_horizontal", spec)


def _pdf_characters(data: bytes) -> list[list[tuple[str, float, float]]]:
    """Per page, the PDF's characters with their origin (x, baseline), mm from the top left."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    def walk(item):
        if isinstance(item, LTChar):
            yield item
        elif hasattr(item, "__iter__"):
            for inner in item:
                yield from walk(inner)

    pages = []
    for page in extract_pages(io.BytesIO(data)):
        pages.append([(c.get_text(), c.matrix[4] * MM_PER_PT, (page.height - c.matrix[5]) * MM_PER_PT)
                      for c in walk(page)])
    return pages


def _reading_order(characters):
    """Top to bottom, left to right (pdfminer groups a page's characters in boxes of its own)."""
    return sorted((c for c in characters if not c[0].isspace()), key=lambda c: (round(c[2], 1), c[1]))


# The goldens' cases (two texts of our own among them) and every corpus text in both layouts.
_PLACED_CASES = GOLDEN_CASES + [(name, layout) for name in corpus_names() for layout in LAYOUTS
                                if (name, layout) not in GOLDEN_CASES]


@pytest.mark.parametrize(("name", "layout"), _PLACED_CASES)
def test_the_ofd_prints_the_pdfs_characters_at_the_pdfs_places(corpus_available, monkeypatch, name, layout):
    monkeypatch.setenv(SYSTEM_FONTS_ENV, "0")
    _spec_character_spacing(monkeypatch)
    document = converter.parse(_text(name))
    pdf = _pdf_characters(converter.export(document, "pdf", layout=layout))
    ofd = [[(c, x, y) for c, x, y, _ in _characters(page)] for page in _pages(_parts(
        converter.export(converter.parse(_text(name)), "ofd", layout=layout)))]
    assert len(ofd) == len(pdf)
    for number, (ours, theirs) in enumerate(zip(ofd, pdf), start=1):
        ours, theirs = _reading_order(ours), _reading_order(theirs)
        assert "".join(c for c, _, _ in ours) == "".join(c for c, _, _ in theirs), f"page {number}"
        for (character, x, y), (_, x_pdf, y_pdf) in zip(ours, theirs):
            assert abs(x - x_pdf) < 0.01 and abs(y - y_pdf) < 0.01, f"page {number}: {character} at {x, y}, PDF {x_pdf, y_pdf}"


@pytest.mark.parametrize(("name", "layout"), GOLDEN_CASES)
def test_the_ofd_lines_are_the_pdf_goldens_lines(corpus_available, monkeypatch, name, layout):
    # The reviewed line dumps of the PDF (tests/golden/pdf: page, x, top, text), bundled faces.
    monkeypatch.setenv(SYSTEM_FONTS_ENV, "0")
    golden = []
    for row in (GOLDEN / f"{name}.{layout}.txt").read_text(encoding="utf-8").splitlines():
        head, _, text = row.partition(" | ")
        page, x, _ = head.split()
        golden.append((int(page[1:]), float(x), text.replace(" ", "")))
    pages = _pages(_parts(converter.export(converter.parse(_text(name)), "ofd", layout=layout)))
    ours = []
    for number, page in enumerate(pages, start=1):
        for x, _, text in _pieces(page):
            # pdftotext ends a line at a gap (the 版记's before its 印发日期, flush right): the
            # pieces after the first are compared by their text only.
            for order, piece in enumerate(re.split(r"\s{2,}", text)):
                ours.append((number, x / MM_PER_PT if order == 0 else None, re.sub(r"\s", "", piece)))
    # pdftotext lists a page's lines in an order of its own: compared as each page's set of lines.
    assert sorted((p, t) for p, _, t in ours) == sorted((p, t.replace("\u3000", "")) for p, _, t in golden)
    starts = {(p, t): x for p, x, t in golden}
    for number, x, text in ours:
        if x is not None:
            # pdftotext gives a line's left as its first glyph's box, ours is the character's origin.
            assert abs(x - starts[(number, text)]) < 1.5, text


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", corpus_names())
def test_the_ofd_has_the_pdfs_pages(corpus_available, name, layout):
    import pypdf

    pdf = converter.export(converter.parse(_text(name)), "pdf", layout=layout)
    assert len(_pages(_parts(_ofd(name, layout)))) == len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_the_same_input_gives_the_same_bytes_and_another_another_docid():
    text = (EXAMPLES / "notice.txt").read_text(encoding="utf-8")
    first = converter.export(converter.parse(text), "ofd")
    assert converter.export(converter.parse(text), "ofd") == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    other = converter.export(converter.parse(text.replace("会议", "大会", 1)), "ofd")
    docid = lambda data: etree.fromstring(_parts(data)["OFD.xml"]).findtext(".//ofd:DocID", namespaces=NS)  # noqa: E731
    assert docid(other) != docid(first)


def test_doc_info_and_outline_follow_the_plan():
    document = converter.parse((EXAMPLES / "notice.txt").read_text(encoding="utf-8"))
    parts = _parts(converter.export(document, "ofd"))
    info = etree.fromstring(parts["OFD.xml"]).find(".//ofd:DocInfo", NS)
    from converter.layout.plan import build_plan
    from converter.options import ExportOptions

    plan = build_plan(document.root, ExportOptions())
    assert info.findtext("ofd:Title", namespaces=NS) == plan.properties.title
    assert info.findtext("ofd:Author", namespaces=NS) == (plan.properties.author or None)
    if plan.properties.created:
        assert info.findtext("ofd:CreationDate", namespaces=NS) == plan.properties.created[:10]
    outline = etree.fromstring(parts["Doc_0/Document.xml"]).find("ofd:Outlines", NS)
    titles = [e.get("Title") for e in outline.iter("{%s}OutlineElem" % NS["ofd"])]
    anchors = [a.label for block in plan.blocks for a in block.anchors]
    assert titles == anchors and titles[0] == plan.properties.title
    page_ids = {p.get("ID") for p in etree.fromstring(parts["Doc_0/Document.xml"]).iterfind("ofd:Pages/ofd:Page", NS)}
    assert {d.get("PageID") for d in outline.iter("{%s}Dest" % NS["ofd"])} <= page_ids


def test_the_colophon_rules_are_paths_and_the_minutes_mark_is_red(corpus_available):
    circular = _parts(converter.export(converter.parse(_text("circular")), "ofd"))
    pages = _pages(circular)
    paths = [p for page in pages for p in page.iter("{%s}PathObject" % NS["ofd"])]
    assert [p.get("LineWidth") for p in paths] == ["0.35", "0.25", "0.35"]
    minutes = _pages(_parts(converter.export(converter.parse(_text("seed")), "ofd", layout="minutes")))
    first = minutes[0].find(".//ofd:TextObject", NS)
    assert first.find("ofd:FillColor", NS).get("Value") == "230 0 18"


def test_page_numbers_stand_as_in_the_pdf(corpus_available):
    pages = _pages(_parts(_ofd("seed", "report")))
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        x, _, text = _lines(page)[-1]
        assert text == f"—{number}—" or text == f"— {number} —"
        # Odd pages right, even pages left, one 4号 character in from the type block's edge.
        assert (x > 105) == (number % 2 == 1)


def test_the_ofd_export_loads_no_reportlab():
    probe = ("import sys, converter\n"
             f"data = converter.export(converter.parse(open({str(EXAMPLES / 'notice.txt')!r}, encoding='utf-8').read()), 'ofd')\n"
             "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'docx', 'pdfminer'})))")
    ran = subprocess.run([sys.executable, "-c", "import json\n" + probe], capture_output=True, text=True, timeout=300)
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout.strip().splitlines()[-1]) == []


def test_a_document_that_prints_nothing_is_one_valid_empty_page(schemas_available):
    # As the PDF: one page, no number on it; no font embedded, as none is used.
    parts = _parts(converter.export(converter.parse("来源："), "ofd"))
    for part, data in parts.items():
        if part.endswith(".xml"):
            schema = _schema(_schema_for(part))
            assert schema.validate(etree.fromstring(data)), f"{part}: {schema.error_log}"
    assert len(_pages(parts)) == 1 and not _characters(_pages(parts)[0])
    assert not [name for name in parts if name.endswith(".ttf")]


def test_convert_writes_an_ofd_from_the_command_line(tmp_path):
    target = tmp_path / "notice.ofd"
    ran = subprocess.run([sys.executable, "-m", "converter", str(EXAMPLES / "notice.txt"), "--to", "ofd", "-o", str(target)],
                         capture_output=True, text=True, timeout=300)
    assert ran.returncode == 0, ran.stderr
    assert zipfile.is_zipfile(target) and "OFD.xml" in zipfile.ZipFile(target).namelist()


def test_the_subsets_character_map_reaches_beyond_the_bmp():
    # 𠮷 (U+20BB7) and the rest of CJK Extension B and later: a format 12 table beside format 4.
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.tables._c_m_a_p import table__c_m_a_p

    from converter.exporters.ofd import sfnt

    mapping = {0x20: 1, 0x4E00: 2, 0x4E01: 3, 0x4E03: 4, 0x20BB7: 5, 0x20BB8: 6}
    font = TTFont()
    font.setGlyphOrder([".notdef"] + [f"g{n}" for n in range(1, 7)])
    table = table__c_m_a_p()
    table.decompile(sfnt.cmap(mapping), font)
    found = {(t.platformID, t.platEncID, t.format): t.cmap for t in table.tables}
    assert found[(3, 10, 12)] == {code: f"g{glyph}" for code, glyph in mapping.items()}
    assert found[(3, 1, 4)] == {code: f"g{glyph}" for code, glyph in mapping.items() if code <= 0xFFFF}


def test_a_subset_too_scattered_for_format_4_is_mapped_by_format_12_alone():
    """Format 4 counts its length in 16 bits: ~8,190 codes that are not neighbours overflow it."""
    from converter.check.sfnt import _cmap
    from converter.exporters.ofd import sfnt

    mapping = {0x4E00 + 2 * i: i + 1 for i in range(9000)}
    data = sfnt.cmap(mapping)
    lookup = _cmap(data, 0, len(data))
    assert all(lookup.get(code) == glyph for code, glyph in list(mapping.items())[::97])
    small = sfnt.cmap({0x4E00: 1, 0x4E02: 2})
    assert _cmap(small, 0, len(small)).get(0x4E02) == 2


def test_fonts_say_serif_by_their_family():
    from converter.exporters.ofd.render import _serif

    assert _serif("Noto Serif CJK SC") and _serif("FandolFang") and _serif("AR PL UKai CN")
    assert not _serif("Noto Sans CJK SC") and not _serif("FandolHei") and not _serif("SimHei")


def test_the_doc_id_changes_with_the_document_information_alone():
    from converter.exporters.ofd.package import doc_id, ofd_xml
    from converter.layout.properties import Properties

    parts = {"Doc_0/Document.xml": b"<same/>"}
    one, other = (Properties(title, "", "", (), None) for title in ("甲", "乙"))
    assert doc_id({**parts, "OFD.xml": ofd_xml(one, "")}) != doc_id({**parts, "OFD.xml": ofd_xml(other, "")})
