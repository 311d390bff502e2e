"""The DOCX exporter, read back with python-docx and lxml: page, grid, fonts, styles, footers,
properties, layouts and options."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

import converter
from converter import layout
from converter.errors import ExportError
from tests.conftest import EXAMPLES

W = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}

# A minimal canonical document with every attendance case (列席, 请假, a group that 参加).
ATTENDANCE_XML = """<?xml version="1.0" encoding="UTF-8"?>
<notice xmlns="urn:notice-converter:notice:1" schema-version="1.0">
<front><title>某局召开党组会议</title></front>
<body><meeting id="m1"><p><organiser>某局</organiser>召开<meeting-name>党组会议</meeting-name>,\
<person id="p1" name="张三" role="局长" action="主持">局长张三</person>主持会议。\
<person id="p2" name="李四" role="副局长" action="列席">副局长李四</person>列席,\
<person id="p3" name="王五" role="" action="请假">王五</person>请假,\
<person id="p4" name="赵六" role="处长" action="讲话">处长赵六</person>讲话。\
<group action="参加">各处室负责同志</group>参加会议。</p></meeting></body>
<back/>
</notice>
"""


def _seed():
    return converter.parse((EXAMPLES / "notice.txt").read_text(encoding="utf-8"))


def _part(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


@pytest.fixture(scope="module")
def report() -> bytes:
    return converter.export(_seed(), "docx")


@pytest.fixture(scope="module")
def minutes() -> bytes:
    return converter.export(_seed(), "docx", layout="minutes")


def test_page_is_a4_with_gbt9704_margins(report):
    section = docx.Document(io.BytesIO(report)).sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    assert section.top_margin.twips == layout.mm_to_twips(37)
    assert section.left_margin.twips == layout.mm_to_twips(28)
    assert section.right_margin.twips == layout.mm_to_twips(26)
    assert section.bottom_margin.twips == layout.mm_to_twips(35)


def test_grid_holds_22_lines_and_28_characters(report):
    grid = _part(report, "word/document.xml").find(".//w:sectPr/w:docGrid", W)
    pitch = int(grid.get(qn("w:linePitch")))
    block_height = layout.mm_to_twips(layout.TYPE_BLOCK_HEIGHT_MM)
    assert 22 * pitch <= block_height < 23 * pitch
    styles = _part(report, "word/styles.xml")
    defaults = styles.find("w:docDefaults", W)
    assert defaults.find(".//w:pPrDefault//w:spacing", W).get(qn("w:line")) == str(pitch)
    assert defaults.find(".//w:pPrDefault//w:spacing", W).get(qn("w:lineRule")) == "exact"
    size = int(defaults.find(".//w:rPrDefault//w:sz", W).get(qn("w:val"))) * 10  # twips
    advance = size + int(defaults.find(".//w:rPrDefault//w:spacing", W).get(qn("w:val")))
    block_width = layout.mm_to_twips(layout.TYPE_BLOCK_WIDTH_MM)
    assert 28 * advance <= block_width < 29 * advance


def _style(styles: etree._Element, style_id: str) -> etree._Element:
    found = styles.find(f"w:style[@w:styleId='{style_id}']", W)
    assert found is not None, style_id
    return found


def test_fonts_name_east_asian_and_latin_faces_and_no_theme_font(report):
    styles = _part(report, "word/styles.xml")
    body = styles.find("w:docDefaults//w:rFonts", W)
    assert body.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert body.get(qn("w:ascii")) == body.get(qn("w:hAnsi")) == "Times New Roman"
    title = _style(styles, "Title").find(".//w:rFonts", W)
    assert title.get(qn("w:eastAsia")) == "方正小标宋简体"
    assert _style(styles, "Title").find(".//w:sz", W).get(qn("w:val")) == "44"
    assert _style(styles, "AttendanceLabel").find(".//w:rFonts", W).get(qn("w:eastAsia")) == "黑体"
    for name in ("word/styles.xml", "word/document.xml", "word/footer1.xml", "word/footer2.xml"):
        for fonts in _part(report, name).iter(qn("w:rFonts")):
            assert not [a for a in fonts.attrib if "Theme" in a], (name, fonts.attrib)
    alternatives = {
        f.get(qn("w:name")): f.find("w:altName", W).get(qn("w:val"))
        for f in _part(report, "word/fontTable.xml").findall("w:font", W)
        if f.find("w:altName", W) is not None
    }
    assert alternatives["仿宋_GB2312"] == "仿宋"


def test_report_uses_real_styles_in_document_order(report):
    document = docx.Document(io.BytesIO(report))
    styles = [p.style.name for p in document.paragraphs]
    assert styles[:3] == ["Title", "Subtitle", "Body Text"]
    assert set(styles[2:]) == {"Body Text"}
    # The title breaks between words, as the PDF breaks it: an explicit w:br per line.
    assert document.paragraphs[0].text == "国家知识产权局召开传达学习\n贯彻党的二十大精神大会"
    assert document.paragraphs[1].text == "来源：国家知识产权局\u30002023年10月12日"
    body = _part(report, "word/document.xml")
    assert body.find(".//w:numPr", W) is None  # items keep their own numbering text
    labels = [r.text for p in document.paragraphs for r in p.runs if r.style.style_id == "ItemLabel"]
    assert labels == ["一要", "二要", "三要", "四要", "五要"]
    first_indent = _style(_part(report, "word/styles.xml"), "BodyText").find(".//w:ind", W)
    assert first_indent.get(qn("w:firstLineChars")) == "200"


def test_title_style_is_in_the_navigation_outline(report):
    styles = _part(report, "word/styles.xml")
    assert _style(styles, "Title").find(".//w:outlineLvl", W).get(qn("w:val")) == "0"
    assert _style(styles, "Heading1").find("w:name", W).get(qn("w:val")) == "heading 1"


def test_page_numbers_are_page_fields_with_odd_and_even_footers(report):
    assert _part(report, "word/settings.xml").find("w:evenAndOddHeaders", W) is not None
    section = docx.Document(io.BytesIO(report)).sections[0]
    for footer, alignment, side in ((section.footer, "right", "right"), (section.even_page_footer, "left", "left")):
        paragraph = footer._element.find("w:p", W)
        assert paragraph.find("w:pPr/w:jc", W).get(qn("w:val")) == alignment
        assert paragraph.find("w:pPr/w:ind", W).get(qn(f"w:{side}")) == "280"  # one 4号 character
        assert "PAGE" in "".join(t.text for t in paragraph.iter(qn("w:instrText")))
        texts = "".join(t.text for t in paragraph.iter(qn("w:t")))
        assert texts == "— 1 —"
    footer_style = _style(_part(report, "word/styles.xml"), "Footer")
    assert footer_style.find(".//w:rFonts", W).get(qn("w:eastAsia")) == "宋体"
    assert footer_style.find(".//w:rFonts", W).get(qn("w:ascii")) == "宋体"  # 半角宋体 digits
    assert footer_style.find(".//w:sz", W).get(qn("w:val")) == "28"


def test_properties_come_from_the_metadata(report):
    properties = docx.Document(io.BytesIO(report)).core_properties
    assert properties.title == "国家知识产权局召开传达学习贯彻党的二十大精神大会"
    assert properties.author == "国家知识产权局知识产权检索咨询中心"
    assert properties.subject == "传达学习贯彻党的二十大精神大会"
    # The page's 9:43:26 is Beijing time: written with its offset, read back as the same instant.
    core = zipfile.ZipFile(io.BytesIO(report)).read("docProps/core.xml")
    assert b"2023-10-12T09:43:26+08:00</dcterms:created>" in core
    assert properties.created.isoformat() == "2023-10-12T01:43:26+00:00"


def test_minutes_mark_is_red_and_attendance_lines_hang_after_the_colon(minutes):
    document = docx.Document(io.BytesIO(minutes))
    mark = document.paragraphs[0]
    assert mark.style.name == "Title"
    assert mark.text.replace("\n", "") == "国家知识产权局传达学习贯彻党的二十大精神大会纪要"
    title_style = _style(_part(minutes, "word/styles.xml"), "Title")
    assert title_style.find(".//w:color", W).get(qn("w:val")) == "%02X%02X%02X" % layout.RED
    attendance = [p for p in document.paragraphs if p.style.style_id == "Attendance"]
    assert [p.runs[0].text for p in attendance] == ["出席："]
    assert attendance[0].runs[0].style.style_id == "AttendanceLabel"
    line = attendance[0].text
    assert line.startswith("出席：申长雨（局党组书记、局长）、廖涛（局党组成员、副局长）、何志敏（局党组班子成员）")
    assert "局机关各部门正副司长" in line  # whoever relayed (传达) or spoke attended too
    indent = _style(_part(minutes, "word/styles.xml"), "Attendance").find(".//w:ind", W)
    assert (indent.get(qn("w:leftChars")), indent.get(qn("w:hangingChars"))) == ("500", "300")
    markers = _style(_part(minutes, "word/styles.xml"), "StatementMarker").find(".//w:rFonts", W)
    assert markers.get(qn("w:eastAsia")) == "黑体"


def test_minutes_sort_people_and_groups_onto_their_lines():
    data = converter.export(converter.load(ATTENDANCE_XML), "docx", layout="minutes")
    paragraphs = docx.Document(io.BytesIO(data)).paragraphs
    assert paragraphs[0].text == "某局党组会议纪要"
    lines = [p.text for p in paragraphs if p.style.style_id == "Attendance"]
    assert lines == ["出席：张三（局长）、赵六（处长）、各处室负责同志", "列席：李四（副局长）", "请假：王五"]
    first = [p for p in paragraphs if p.style.style_id == "Attendance"][0]
    assert first._p.pPr.find(qn("w:spacing")).get(qn("w:beforeLines")) == "100"


def test_punctuation_is_typeset_full_width_unless_kept(report):
    document = _seed()
    typeset = docx.Document(io.BytesIO(report)).paragraphs[2].text
    kept = docx.Document(io.BytesIO(converter.export(document, "docx", keep_punctuation=True))).paragraphs[2].text
    assert typeset.startswith("10月24日，国家知识产权局召开")
    assert kept.startswith("10月24日,国家知识产权局召开")
    assert kept.replace(",", "，") == typeset


def test_face_names_are_options(report):
    data = converter.export(_seed(), "docx", fonts={"body": "仿宋", "title": "黑体"})
    styles = _part(data, "word/styles.xml")
    assert styles.find("w:docDefaults//w:rFonts", W).get(qn("w:eastAsia")) == "仿宋"
    assert _style(styles, "Title").find(".//w:rFonts", W).get(qn("w:eastAsia")) == "黑体"
    names = [f.get(qn("w:name")) for f in _part(data, "word/fontTable.xml").findall("w:font", W)]
    assert "仿宋" in names and "仿宋_GB2312" not in names


@pytest.mark.parametrize(
    "fonts", [{"serif": "宋体"}, {"body": "/usr/share/fonts/FandolFang-Regular.otf"}, {"kai": " "}]
)
def test_bad_font_options_are_export_errors(fonts):
    with pytest.raises(ExportError):
        converter.export(_seed(), "docx", fonts=fonts)


def test_same_input_gives_the_same_document(report):
    again = converter.export(_seed(), "docx")
    for name in ("word/document.xml", "word/styles.xml", "docProps/core.xml"):
        assert etree.tostring(_part(again, name)) == etree.tostring(_part(report, name))


def test_the_template_is_small(report):
    # The point of our own template: python-docx's default re-compresses ~800 KB on every save.
    assert sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(report)).infolist()) < 60_000


def test_no_extra_space_between_chinese_and_digits_and_no_punctuation_in_the_margin(report):
    defaults = _part(report, "word/styles.xml").find(".//w:pPrDefault/w:pPr", W)
    for name in ("autoSpaceDE", "autoSpaceDN", "overflowPunct"):
        assert defaults.find(f"w:{name}", W).get(qn("w:val")) == "0", name


def test_levels_are_word_headings_and_a_circular_keeps_its_addressee_signature_and_colophon():
    text = (Path(__file__).parent / "texts" / "circular.txt").read_text(encoding="utf-8")
    data = converter.export(converter.parse(text), "docx")
    found = [(p.style.name, p.text) for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert found[1] == ("Salutation", "各区县人民政府，市政府各部门：")
    assert [t for s, t in found if s == "Heading 1"] == ["一、提高思想认识", "二、强化应急值守"]
    # The 版记 stands in a table at the foot of the page (test_colophon_foot.py), anchored to an
    # empty paragraph.
    assert found[-3:-1] == [("Signature", "市人民政府办公室"), ("Signature", "2025年1月20日")]
    assert found[-1][1] == ""
    cells = [(p.style.name, p.text) for t in docx.Document(io.BytesIO(data)).tables
             for row in t.rows for c in row.cells for p in c.paragraphs]
    assert cells == [("Colophon Copy To", "抄送：市委办公室，市人大常委会办公室，市政协办公室。"),
                     ("Colophon", "市人民政府办公室\t2025年1月20日印发")]
