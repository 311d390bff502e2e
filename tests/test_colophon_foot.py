"""The 版记 at the foot of the last page (GB/T 9704 7.4): in the plan (bottom-anchored blocks), in
the PDF (its lines on the last grid lines of the last page, its last rule on the type block's
bottom edge, a page of its own when the text leaves no room) and in the DOCX (a table floating at
the bottom margin, whose borders are the rules; where LibreOffice is installed, where it prints)."""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import converter
from converter import layout
from converter.typeset.discovery import SYSTEM_FONTS_ENV
from converter.layout.plan import COLOPHON, build_plan
from converter.options import ExportOptions
from tests.conftest import require_tool

TEXTS = Path(__file__).parent / "texts"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PITCH = layout.LINE_PITCH_PT
PAGE_HEIGHT = layout.mm_to_pt(layout.PAGE_HEIGHT_MM)
TYPE_TOP = PAGE_HEIGHT - layout.mm_to_pt(layout.MARGIN_TOP_MM)  # PDF coordinates, from the bottom
TYPE_BOTTOM = layout.mm_to_pt(layout.MARGIN_BOTTOM_MM)
COLOPHON_SIZE = layout.SIZE_PT["四号"]


def _circular(drop: int = 0, extra: int = 0) -> str:
    """The test 通知 (主送, text, 署名, 日期, 抄送, 印发), its text `drop` lines shorter (the last
    body paragraph, two lines, and the heading above it) or `extra` one-line paragraphs longer."""
    lines = (TEXTS / "circular.txt").read_text(encoding="utf-8").splitlines()
    text, closing = lines[:9], lines[9:]
    text = text[: len(text) - drop] + ["这是补充的一行文字，用来占满版面上的一个网格行。"] * extra
    return "\n".join(text + closing)


LONG_COPY_TO = "抄送：市委办公室，市人大常委会办公室，市政协办公室，市纪委监委，市中级人民法院，市人民检察院，市各人民团体。"


def _wrapped_copy_to() -> str:
    """The circular with a 抄送 line two lines long and a 印发 line with one space in it."""
    text = _circular().replace("抄送：市委办公室，市人大常委会办公室，市政协办公室。", LONG_COPY_TO)
    return text.replace("市人民政府办公室　　　　　　　　　　2025年1月20日印发", "市人民政府办公室 2025年1月20日印发")


# Grid lines the text of the circular leaves free on page 1: none dropped, 1; the two-line
# paragraph dropped, 3 (a blank line and the two 版记 lines: they fit); the heading too, 4.
FREE = {0: 1, 1: 3, 2: 4}


def test_the_plan_anchors_the_closing_colophon_to_the_foot_and_nothing_else():
    plan = build_plan(converter.parse(_circular()).root, ExportOptions())
    assert [b.role for b in plan.blocks if b.foot] == [COLOPHON, COLOPHON]
    assert plan.blocks[-1].foot and not any(b.foot for b in plan.blocks if b.role != COLOPHON)
    dump = plan.dump()
    # 7.4.2/7.4.3: the 抄送 label (wrapped lines align after it) and the 印发日期 (flush right).
    assert "colophon @foot | «copy-to-label:抄送：»市委办公室" in dump
    assert "colophon @foot | 市人民政府办公室\u3000" in dump and "«issue-date:2025年1月20日印发»" in dump
    # A 抄送 line with text after it is not the document's last element: it stays in the flow.
    lines = _circular().splitlines()
    moved = "\n".join(lines[:2] + [lines[-2]] + lines[2:-2] + lines[-1:])
    plan = build_plan(converter.parse(moved).root, ExportOptions())
    colophons = [b for b in plan.blocks if b.role == COLOPHON]
    assert [b.foot for b in colophons] == [False, True]


def _pdf_pages(data: bytes):
    """Per page: (text line, its baseline) of every line, and (y, width) of every horizontal rule."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTCurve, LTTextContainer, LTTextLine

    pages = []
    for page in extract_pages(io.BytesIO(data)):
        lines, rules = [], []
        for item in page:
            if isinstance(item, LTTextContainer):
                for line in item:
                    if isinstance(line, LTTextLine):
                        chars = [c for c in line if isinstance(c, LTChar)]
                        lines.append((line.get_text().strip(), round(chars[0].matrix[5], 2)))
            elif isinstance(item, LTCurve) and abs(item.y0 - item.y1) < 0.01:
                rules.append((round(item.y0, 2), round(item.linewidth, 2)))
        pages.append((lines, sorted(rules, reverse=True)))
    return pages


def _baseline(grid_line: int, size: float) -> float:
    """The baseline of type of `size` centred on grid line `grid_line` (0 the top one)."""
    top = TYPE_TOP - grid_line * PITCH
    return round(top - (PITCH - size) / 2 - size * 0.88, 2)


def _pdf(text: str, monkeypatch) -> bytes:
    monkeypatch.setenv(SYSTEM_FONTS_ENV, "0")
    return converter.export(converter.parse(text), "pdf", layout="report")


@pytest.mark.parametrize("drop", sorted(FREE))
def test_pdf_sets_the_colophon_on_the_last_grid_lines_of_the_last_page(monkeypatch, drop):
    pages = _pdf_pages(_pdf(_circular(drop), monkeypatch))
    lines, rules = pages[-1]
    copied = [y for text, y in lines if text.startswith("抄送：")]
    issued = [y for text, y in lines if "印发" in text]
    assert copied == [_baseline(20, COLOPHON_SIZE)]
    assert issued and set(issued) == {_baseline(21, COLOPHON_SIZE)}
    # Rules: thick above the 抄送 line, thin between the lines, thick on the type block's bottom edge.
    thick, thin = round(layout.mm_to_pt(0.35), 2), round(layout.mm_to_pt(0.25), 2)
    assert rules == [(round(TYPE_BOTTOM + 2 * PITCH, 2), thick), (round(TYPE_BOTTOM + PITCH, 2), thin),
                     (round(TYPE_BOTTOM, 2), thick)]
    # A page of its own only when the text leaves fewer than a blank line and the 版记's two.
    assert len(pages) == (2 if FREE[drop] < 3 else 1)
    if len(pages) == 2:
        printed = "".join(text for text, _ in lines if not text.startswith("—")).replace("\u3000", "")
        assert printed == "抄送：市委办公室，市人大常委会办公室，市政协办公室。市人民政府办公室2025年1月20日印发"
        assert any(text == "2025年1月20日" for text, _ in pages[0][0])  # the text stays on page 1


def test_pdf_colophon_follows_a_longer_text_to_the_foot_of_its_last_page(monkeypatch):
    pages = _pdf_pages(_pdf(_circular(extra=12), monkeypatch))
    assert len(pages) == 2
    lines, rules = pages[-1]
    assert [y for text, y in lines if text.startswith("抄送：")] == [_baseline(20, COLOPHON_SIZE)]
    assert any(text == "2025年1月20日" for text, _ in lines)
    assert rules[-1][0] == round(TYPE_BOTTOM, 2)


def test_pdf_aligns_copy_to_after_its_colon_and_the_issue_date_flush_right(monkeypatch):
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    data = _pdf(_wrapped_copy_to(), monkeypatch)
    chars = [c for c in _all(list(extract_pages(io.BytesIO(data)))[-1]) if isinstance(c, LTChar)]
    left = layout.mm_to_pt(layout.MARGIN_LEFT_MM)
    right = left + layout.mm_to_pt(layout.TYPE_BLOCK_WIDTH_MM)
    starts: dict[float, float] = {}
    for char in chars:
        starts[round(char.matrix[5], 2)] = min(starts.get(round(char.matrix[5], 2), 1e9), char.x0)
    copy_to = [y for y in sorted(starts, reverse=True) if y > _baseline(21, COLOPHON_SIZE)]
    assert copy_to == [_baseline(19, COLOPHON_SIZE), _baseline(20, COLOPHON_SIZE)]  # two lines above the 印发 line
    assert abs(starts[copy_to[0]] - (left + COLOPHON_SIZE)) < 0.01  # one character in
    assert abs(starts[copy_to[1]] - (left + 4 * COLOPHON_SIZE)) < 0.01  # under the first character after 抄送：
    issued = [c for c in chars if round(c.matrix[5], 2) == _baseline(21, COLOPHON_SIZE)]
    assert abs(issued[0].x0 - (left + COLOPHON_SIZE)) < 0.01
    assert "".join(c.get_text() for c in issued) == "市人民政府办公室2025年1月20日印发"
    assert abs(max(c.x1 for c in issued) - (right - COLOPHON_SIZE)) < 0.01  # one character from the right


def _all(item):
    yield item
    if hasattr(item, "__iter__"):
        for child in item:
            yield from _all(child)


def _document(data: bytes) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))


def test_docx_colophon_is_a_table_floating_at_the_bottom_margin_with_the_rules_as_borders():
    data = converter.export(converter.parse(_circular()), "docx")
    body = _document(data).find(f"{W}body")
    children = [c.tag.removeprefix(W) for c in body]
    assert children[-3:] == ["tbl", "p", "sectPr"]  # the table, its anchor paragraph, the page
    table, anchor = body[-3], body[-2]
    place = table.find(f"{W}tblPr/{W}tblpPr")
    assert place.get(f"{W}vertAnchor") == "margin" and place.get(f"{W}tblpYSpec") == "bottom"
    assert place.get(f"{W}horzAnchor") == "page"
    assert int(place.get(f"{W}tblpX")) == layout.mm_to_twips(layout.MARGIN_LEFT_MM)
    assert int(table.find(f"{W}tblPr/{W}tblW").get(f"{W}w")) == layout.mm_to_twips(layout.TYPE_BLOCK_WIDTH_MM)
    borders = {b.tag.removeprefix(W): (b.get(f"{W}val"), b.get(f"{W}sz")) for b in table.find(f"{W}tblPr/{W}tblBorders")}
    assert borders["top"] == borders["bottom"] == ("single", "8")  # 1 pt ≈ 0.35 mm
    assert borders["insideH"] == ("single", "6")  # 0.75 pt ≈ 0.25 mm
    assert borders["left"][0] == borders["right"][0] == borders["insideV"][0] == "nil"
    rows = ["".join("\t" if n.tag == f"{W}tab" else n.text for n in row.iter(f"{W}t", f"{W}tab"))
            for row in table.iter(f"{W}tr")]
    # The 印发 line: organ, one tab (the style's right tab stop), date.
    assert rows == ["抄送：市委办公室，市人大常委会办公室，市政协办公室。", "市人民政府办公室\t2025年1月20日印发"]
    assert [p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") for p in table.iter(f"{W}p")] == ["ColophonCopyTo", "Colophon"]
    assert anchor.find(f"{W}r") is None  # an empty anchor, one point tall, off the grid
    assert anchor.find(f"{W}pPr/{W}spacing").get(f"{W}lineRule") == "exact"


def test_docx_colophon_amid_the_text_is_an_inline_table():
    lines = _circular().splitlines()
    moved = "\n".join(lines[:2] + [lines[-2]] + lines[2:-2] + lines[-1:])
    body = _document(converter.export(converter.parse(moved), "docx")).find(f"{W}body")
    tables = body.findall(f"{W}tbl")
    assert len(tables) == 2
    assert tables[0].find(f"{W}tblPr/{W}tblpPr") is None and tables[1].find(f"{W}tblPr/{W}tblpPr") is not None


@pytest.fixture(scope="module")
def libreoffice_pages(tmp_path_factory):
    """The DOCX of the circular (text leaving 1, 3 and 4 grid lines free, and a two-page one) as
    LibreOffice prints it: per case, per page, (text, yMin, yMax) of every word, from the top."""
    soffice, pdftotext = require_tool("soffice"), require_tool("pdftotext")
    folder = tmp_path_factory.mktemp("colophon")
    cases = {f"drop{d}": _circular(d) for d in FREE} | {"long": _circular(extra=12), "wrapped": _wrapped_copy_to()}
    for name, text in cases.items():
        (folder / f"{name}.docx").write_bytes(converter.export(converter.parse(text), "docx"))
    subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), *sorted(map(str, folder.glob("*.docx")))],
                   capture_output=True, check=True, timeout=600)
    found = {}
    for name in cases:
        xml = subprocess.run([pdftotext, "-bbox", str(folder / f"{name}.pdf"), "-"], capture_output=True,
                             check=True).stdout
        root = etree.fromstring(xml, etree.XMLParser(recover=True))
        found[name] = [[(w.text or "", float(w.get("yMin")), float(w.get("yMax")), float(w.get("xMin")),
                         float(w.get("xMax")))
                        for w in page.iter("{http://www.w3.org/1999/xhtml}word")]
                       for page in root.iter("{http://www.w3.org/1999/xhtml}page")]
    return found


@pytest.mark.parametrize("name", ["drop0", "drop1", "drop2", "long"])
def test_libreoffice_prints_the_docx_colophon_on_the_last_lines_of_the_last_page(libreoffice_pages, name):
    pages = libreoffice_pages[name]
    bottom = PAGE_HEIGHT - TYPE_BOTTOM  # the type block's bottom edge, from the top of the page
    last = pages[-1]
    copied = [w for w in last if w[0].startswith("抄送")]
    issued = [w for w in last if w[0].endswith("印发")]
    assert copied and issued, last
    assert bottom - PITCH < issued[0][2] <= bottom  # on the last grid line
    assert bottom - 2 * PITCH < copied[0][2] <= bottom - PITCH  # on the one above it
    # On the same page as the text when a blank line and its two lines fit, as in the PDF.
    assert len(pages) == {"drop0": 2, "drop1": 1, "drop2": 1, "long": 2}[name]
    assert not any(w[0].startswith("抄送") for page in pages[:-1] for w in page)


def test_ofd_shares_the_pdf_pagination_and_puts_the_last_rule_on_the_type_block_bottom(monkeypatch):
    monkeypatch.setenv(SYSTEM_FONTS_ENV, "0")
    data = converter.export(converter.parse(_circular()), "ofd")
    package = zipfile.ZipFile(io.BytesIO(data))
    pages = sorted(n for n in package.namelist() if n.endswith("/Content.xml") and "/Pages/" in n)
    assert len(pages) == 2  # as the PDF: the 版记 on a page of its own
    ofd = "{http://www.ofdspec.org/2016}"
    last = etree.fromstring(package.read(pages[-1]))
    rules = [tuple(map(float, p.get("Boundary").split())) for p in last.iter(f"{ofd}PathObject")]
    x, y, width, height = max(rules, key=lambda r: r[1])
    assert abs(y + height / 2 - (layout.PAGE_HEIGHT_MM - layout.MARGIN_BOTTOM_MM)) < 0.01  # mm from the top
    texts = ["".join(t.text or "" for t in o.iter(f"{ofd}TextCode")) for o in last.iter(f"{ofd}TextObject")]
    assert texts[:3] == ["抄送：市委办公室，市人大常委会办公室，市政协办公室。", "市人民政府办公室", "2025年1月20日印发"]


def test_libreoffice_aligns_copy_to_after_its_colon_and_the_issue_date_flush_right(libreoffice_pages):
    last = libreoffice_pages["wrapped"][-1]
    left = layout.mm_to_pt(layout.MARGIN_LEFT_MM)
    right = left + layout.mm_to_pt(layout.TYPE_BLOCK_WIDTH_MM)
    bottom = PAGE_HEIGHT - TYPE_BOTTOM
    words = [w for w in last if w[2] <= bottom + 1]  # not the page number under the type block
    lines: dict[float, list] = {}
    for word in words:
        lines.setdefault(round(word[2]), []).append(word)
    rows = [sorted(lines[y], key=lambda w: w[3]) for y in sorted(lines)]
    assert len(rows) == 3  # 抄送 on two lines, then the 印发 line
    assert rows[0][0][0].startswith("抄送")
    assert abs(rows[0][0][3] - (left + COLOPHON_SIZE)) < 1
    assert abs(rows[1][0][3] - (left + 4 * COLOPHON_SIZE)) < 1  # under the first character after 抄送：
    assert abs(rows[2][0][3] - (left + COLOPHON_SIZE)) < 1 and rows[2][-1][0].endswith("印发")
    assert abs(rows[2][-1][4] - (right - COLOPHON_SIZE)) < 1  # the date one character from the right
    assert bottom - PITCH < rows[2][-1][2] <= bottom


def test_a_minutes_attendance_block_never_splits_the_colophon():
    """A 抄送 line ending in 。 is read as the meeting's last paragraph; in a 纪要 the attendance
    block (generated from the text) comes before the whole 版记, which stays one footed unit."""
    text = ("松川县召开常务会议\n3月1日,松川县人民政府召开常务会议,县长韩立川主持会议,副县长吴桐出席会议。\n"
            "会议要求,要抓好落实。\n抄送:县委办,县人大办。\n松川县人民政府办公室　　2024年3月1日印发\n")
    blocks = build_plan(converter.parse(text).root, ExportOptions(layout="minutes")).blocks
    roles = [block.role for block in blocks]
    first = roles.index(COLOPHON)
    assert roles[first:] == [COLOPHON, COLOPHON] and "attendance" in roles[:first]
    assert all(block.foot for block in blocks[first:])
