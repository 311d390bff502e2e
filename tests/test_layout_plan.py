"""The print plan's rules: every element of the schema has a printing rule, unknown elements are
errors, unknown attributes change nothing, and the layout package reads the model only."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

import converter
from converter import vocabulary as v
from converter.errors import ExportError
from converter.layout import inline
from converter.layout import plan as plan_module
from converter.layout.minutes import minutes_mark
from converter.layout.plan import build_plan
from converter.options import ExportOptions
from tests.conftest import corpus_names, corpus_text
from tests.printable import HAN, printable_text

ROOT = Path(__file__).resolve().parent.parent
XSD = ROOT / "schemas" / "notice.xsd"
PACKAGE = ROOT / "converter"


def _schema_elements() -> set[str]:
    tree = etree.parse(str(XSD))
    return {e.get("name") for e in tree.iter("{http://www.w3.org/2001/XMLSchema}element") if e.get("name")}


def test_every_schema_element_has_a_printing_rule():
    elements = _schema_elements()
    assert elements, "no element found in the XSD"
    ruled = set(inline.HANDLERS) | inline.STRUCTURAL | inline.RECORDS
    assert elements - ruled == set(), "elements with no handler and not structural"
    assert ruled - elements == set(), "rules for elements the schema does not have"


def test_an_unknown_element_is_an_error_naming_it():
    document = converter.parse("办公室召开工作会议\n\n2024年3月5日，办公室召开工作会议。张三主持会议。\n")
    paragraph = document.root.find(f".//{v.q(v.PARAGRAPH)}")
    etree.SubElement(paragraph, v.q("footnote")).text = "注"
    with pytest.raises(ExportError, match="footnote"):
        build_plan(document.root, ExportOptions())


def test_unknown_attributes_change_nothing():
    text = (ROOT / "examples" / "notice.txt").read_text(encoding="utf-8")
    plain, marked = converter.parse(text), converter.parse(text)
    for number, element in enumerate(marked.root.iter()):
        element.set("line", str(number))
        element.set("{urn:example:records}offset", str(number * 7))
    for layout in ("report", "minutes"):
        options = ExportOptions(layout=layout)
        assert build_plan(marked.root, options).dump() == build_plan(plain.root, options).dump()


def _imports(path: Path) -> list[str]:
    """Absolute module names a file imports (relative imports resolved against its package)."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parent = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{parent}.{base}" if base else parent
                if not node.module:  # from .. import vocabulary: the names are modules
                    found += [f"{base}.{alias.name}" for alias in node.names]
                    continue
            found.append(base)
    return found


def test_layout_reads_the_model_only():
    allowed = ("converter.layout", "converter.model", "converter.vocabulary", "converter.errors")
    for path in (PACKAGE / "layout").glob("*.py"):
        for name in _imports(path):
            if name.startswith("converter"):
                assert name.startswith(allowed), f"{path.name} imports {name}"


@pytest.mark.parametrize("exporter", ["docx", "pdf", "ofd", "json", "xml"])
def test_no_exporter_imports_another_exporter_or_the_parser(exporter):
    package = PACKAGE / "exporters"
    paths = list((package / exporter).rglob("*.py")) if (package / exporter).is_dir() else [package / f"{exporter}.py"]
    others = [f"converter.exporters.{o}" for o in ("docx", "pdf", "ofd", "json", "xml") if o != exporter]
    for path in paths:
        for name in _imports(path):
            assert not name.startswith(("converter.parser", *others)), f"{path.name} imports {name}"


def test_the_shared_typesetting_imports_no_exporter_and_no_reportlab():
    # converter/typeset serves the PDF and the OFD: neither's writer may leak into it.
    for path in (PACKAGE / "typeset").glob("*.py"):
        for name in _imports(path):
            assert not name.startswith(("converter.exporters", "converter.parser", "reportlab")), f"{path.name} imports {name}"


def test_the_ofd_exporter_imports_no_reportlab():
    for path in (PACKAGE / "exporters" / "ofd").rglob("*.py"):
        for name in _imports(path):
            assert not name.startswith("reportlab"), f"{path.name} imports {name}"


_HAN = HAN
_printable = printable_text


@pytest.mark.parametrize("name", corpus_names() + ["texts/circular", "texts/minutes-attendance"])
def test_no_character_of_the_text_is_dropped_and_the_report_keeps_its_order(corpus_available, name):
    path = ROOT / "tests" / f"{name}.txt" if name.startswith("texts/") else None
    document = converter.parse(path.read_text(encoding="utf-8") if path else corpus_text(name))
    wanted = _HAN.findall(_printable(document.root))
    generated = {plan_module.TITLE, plan_module.MINUTES_MARK, plan_module.META}
    report = build_plan(document.root, ExportOptions(layout="report"))
    assert _HAN.findall("".join(b.text for b in report.blocks if b.role not in generated)) == wanted
    minutes = build_plan(document.root, ExportOptions(layout="minutes"))
    printed = Counter(_HAN.findall("".join(b.text for b in minutes.blocks if b.role not in generated)))
    assert Counter(wanted) - printed == Counter()


def test_attendance_lines_of_the_text_print_once_whole_and_only_what_they_miss_is_generated():
    document = converter.parse((ROOT / "tests" / "texts" / "minutes-attendance.txt").read_text(encoding="utf-8"))
    blocks = build_plan(document.root, ExportOptions(layout="minutes")).blocks
    assert blocks[0].text.replace("\n", "") == "市政府第十二次常务会议纪要"
    attendance = [b.text for b in blocks if b.role == plan_module.ATTENDANCE]
    assert attendance == ["出席：王春黎　李明　张华　刘强　陈静",
                          "列席：赵敏（市政府办公室）、孙伟（市财政局）、吴刚（市应急管理局）",
                          "请假：周涛（在外学习）"]
    assert blocks[-len(attendance) - 1].role != plan_module.ATTENDANCE  # one block, after the text


@pytest.mark.parametrize(("headline", "mark"), [
    ("县政府召开第七次常务会议", "县政府第七次常务会议纪要"),
    ("市政府第十二次常务会议纪要", "市政府第十二次常务会议纪要"),
    ("全国检察长会议闭幕", "全国检察长会议纪要"),
    ("縣政協召開十屆二次主席會議", "縣政協十屆二次主席會議紀要"),
])
def test_the_mark_names_the_meeting_from_the_headline_in_the_texts_script(headline, mark):
    document = converter.parse(f"{headline}\n\n3月5日，会上传达了有关精神。\n")
    assert minutes_mark(document.root) == mark


def test_a_circular_prints_its_addressee_signature_date_and_colophon():
    document = converter.parse((ROOT / "tests" / "texts" / "circular.txt").read_text(encoding="utf-8"))
    blocks = build_plan(document.root, ExportOptions()).blocks
    roles = [(b.role, b.text) for b in blocks]
    assert roles[1] == (plan_module.ADDRESSEE, "各区县人民政府，市政府各部门：")
    signature, date = blocks[-4], blocks[-3]
    assert (signature.role, date.role) == (plan_module.SIGNATURE, plan_module.DATE)
    # GB/T 9704 7.3.5.2: the date (6.5 characters: Arabic digits are half-width) ends two characters
    # in from the right edge, its first character two right of the 署名's first.
    assert date.indent + 6.5 == 26 and date.indent == signature.indent + 2
    assert [b.role for b in blocks[-2:]] == [plan_module.COLOPHON] * 2
    headings = [(b.role, b.anchors[0].level) for b in blocks if b.role.startswith("heading")]
    assert headings == [(plan_module.HEADING_1, 1), (plan_module.HEADING_1, 1)]
    run_in = [r for b in blocks for r in b.runs if r.role == "level-2"]
    assert [r.text for r in run_in] == ["（一）压实工作责任。", "（二）加强隐患排查。"]


def test_a_bracket_pair_is_full_width_or_half_width_never_mixed():
    from converter.layout.punctuation import full_width_punctuation

    assert full_width_punctuation("请假:周涛(在外学习）") == "请假：周涛（在外学习）"
    assert full_width_punctuation("(1)要求") == "（1）要求"
    assert full_width_punctuation("f(x) = 1") == "f(x) = 1"


def test_every_name_of_a_generated_attendance_line_is_kept_whole_in_the_pdf():
    # Names of two, three and four characters joined by 、 reach the line's end at every offset
    # somewhere in the list: without the plan's keeps some name would be cut (王｜春黎).
    names = ["李明", "欧阳振华", "张华", "刘强", "陈静", "司马光明", "赵敏", "孙伟", "吴刚", "周涛", "郑晓燕",
             "冯博", "褚卫国", "卫青", "蒋文", "沈一鸣", "韩梅", "杨帆", "朱丽叶"]
    text = ("市政府召开第十二次常务会议\n\n3月5日，市长王春黎主持召开市政府第十二次常务会议。"
            f"副市长{'、'.join(names)}出席会议。\n")
    names.append("王春黎")
    document = converter.parse(text)
    plan = build_plan(document.root, ExportOptions(layout="minutes"))
    line = next(b for b in plan.blocks if b.role == plan_module.ATTENDANCE)
    kept = {line.text[start:end] for start, end in line.keeps}
    assert kept == set(names)
    from tests.pdf_lines import line_dump
    from tests.conftest import require_tool

    printed = line_dump(require_tool("pdftotext"), converter.export(document, "pdf", layout="minutes"))
    rows = [row.split("| ", 1)[1] for row in printed.splitlines()]
    ends = [row for row in rows[next(i for i, row in enumerate(rows) if row.startswith("出席：")):] if "—" not in row]
    assert len(ends) >= 4  # the list wraps, so line ends fall inside it
    for name in set(names):
        assert any(name in end for end in ends), f"{name} is split across lines"
