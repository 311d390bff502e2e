"""`convert check`: our DOCX, PDF and OFD pass GB/T 9704; pandoc's DOCX and LibreOffice's PDF fail it.

Our files are made in this process (no CLI start-up per file) and checked from their bytes, the
way the command checks a file: only the bytes are read, never the exporter's internals.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile

import pytest

import converter
from converter.check import check_bytes
from converter.check.rules import FAIL, NOT_APPLICABLE, PASS
from converter.cli import app
from tests.conftest import EXAMPLES, corpus_names, corpus_text, require_tool

LAYOUTS = ("report", "minutes")
GEOMETRY = ("page-size", "margin-top", "margin-left", "type-block", "lines-per-page", "chars-per-line")
PAGE_NUMBER = ("page-number-format", "page-number-face", "page-number-position")


def statuses(report) -> dict[str, str]:
    return {verdict.rule: verdict.status for verdict in report.verdicts}


def failures(report) -> str:
    return "\n".join(f"{v.rule}: {v.measured} {v.notes}" for v in report.failed)


@pytest.fixture(scope="module")
def seed():
    return converter.parse((EXAMPLES / "notice.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus_documents(corpus_available):
    return {name: converter.parse(corpus_text(name)) for name in corpus_names()}


@pytest.mark.parametrize("name", corpus_names())
def test_every_corpus_text_passes_in_every_format_and_layout(name, corpus_documents):
    for layout in LAYOUTS:
        for fmt in ("docx", "pdf", "ofd"):
            report = check_bytes(converter.export(corpus_documents[name], fmt, layout=layout), f"{name}-{layout}.{fmt}")
            assert not report.failed, f"{report.name}:\n{failures(report)}"
            # Passing is not just "nothing measurable": the page and the body are always measured.
            assert statuses(report)["page-size"] == PASS and statuses(report)["body-face"] == PASS
            assert statuses(report)["chars-per-line"] == PASS and statuses(report)["lines-per-page"] == PASS


@pytest.mark.parametrize("fmt", ["docx", "pdf", "ofd"])
def test_the_seed_passes_every_rule_that_applies(seed, fmt):
    report = statuses(check_bytes(converter.export(seed, fmt), f"notice.{fmt}"))
    for rule in GEOMETRY + PAGE_NUMBER + ("body-face", "title-face"):
        assert report[rule] == PASS, (rule, report)
    assert report["minutes-mark"] == NOT_APPLICABLE and report["attendance"] == NOT_APPLICABLE
    minutes = statuses(check_bytes(converter.export(seed, fmt, layout="minutes"), f"notice.{fmt}"))
    assert minutes["minutes-mark"] == PASS and minutes["attendance"] == PASS
    assert minutes["title-face"] == NOT_APPLICABLE  # the mark is the 纪要's heading


# --- DOCX files that break one rule each (our DOCX, edited) -----------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def edited_docx(seed, edit, layout: str = "report") -> bytes:
    """Our DOCX with `edit(parts)` applied to its parsed XML parts (name → root element).

    Edits set direct formatting or section properties, which override whatever the styles say,
    so they do not depend on how the exporter spells its styles."""
    from lxml import etree

    source = zipfile.ZipFile(io.BytesIO(converter.export(seed, "docx", layout=layout)))
    parts = {name: etree.fromstring(source.read(name)) for name in source.namelist() if name.endswith(".xml")}
    edit(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = etree.tostring(parts[item.filename], xml_declaration=True, encoding="UTF-8", standalone=True) \
                if item.filename in parts else source.read(item.filename)
            target.writestr(item, data)
    return out.getvalue()


def section(parts):
    return parts["word/document.xml"].find(f"{W}body/{W}sectPr")


def paragraphs(parts):
    return list(parts["word/document.xml"].iter(f"{W}p"))


def set_property(element, path: str, **attributes):
    """Direct property on a paragraph (pPr/...) or a run (rPr/...), created where missing."""
    from lxml import etree

    holder_tag, tag = path.split("/")
    holder = element.find(f"{W}{holder_tag}")
    if holder is None:
        holder = etree.Element(f"{W}{holder_tag}")
        element.insert(0, holder)
    child = holder.find(f"{W}{tag}")
    if child is None:
        child = etree.SubElement(holder, f"{W}{tag}")
    for name, value in attributes.items():
        child.set(f"{W}{name}", value)


def margins(**values):
    return lambda parts: [section(parts).find(f"{W}pgMar").set(f"{W}{k}", v) for k, v in values.items()]


def body_runs(**attributes):
    """Every run after the title paragraph gets these run properties (path=..., attributes)."""
    path = attributes.pop("path")
    return lambda parts: [set_property(run, path, **attributes)
                          for p in paragraphs(parts)[1:] for run in p.iter(f"{W}r")]


def body_paragraphs(**attributes):
    path = attributes.pop("path")
    return lambda parts: [set_property(p, path, **attributes) for p in paragraphs(parts)[1:]]


def footers(edit):
    return lambda parts: [edit(root) for name, root in parts.items() if name.startswith("word/footer")]


def dashes_to_hyphens(footer):
    for text in footer.iter(f"{W}t"):
        text.text = (text.text or "").replace("—", "-")


def even_footer_right(footer):
    for jc in footer.iter(f"{W}jc"):
        if jc.get(f"{W}val") == "left":
            jc.set(f"{W}val", "right")


@pytest.mark.parametrize("edit,rules", [
    (margins(top="1440"), {"margin-top", "type-block", "lines-per-page"}),
    (margins(left="1800"), {"margin-left", "type-block", "chars-per-line"}),
    (lambda parts: section(parts).find(f"{W}pgSz").attrib.update({f"{W}w": "12240", f"{W}h": "15840"}),
     {"page-size", "type-block", "lines-per-page", "chars-per-line"}),
    (body_paragraphs(path="pPr/spacing", line="520", lineRule="exact"), {"lines-per-page"}),
    (body_runs(path="rPr/spacing", val="20"), {"chars-per-line"}),
    (body_runs(path="rPr/rFonts", eastAsia="黑体"), {"body-face"}),
    (body_runs(path="rPr/sz", val="30"), {"body-face", "chars-per-line"}),
    (footers(dashes_to_hyphens), {"page-number-format"}),
    (footers(even_footer_right), {"page-number-position"}),
    (margins(footer="851"), {"page-number-position"}),
])
def test_a_docx_that_breaks_a_rule_fails_that_rule(seed, edit, rules):
    report = check_bytes(edited_docx(seed, edit), "edited.docx")
    assert {v.rule for v in report.failed} == rules, failures(report)


def test_a_misplaced_minutes_mark_and_flat_attendance_fail(seed):
    mark_higher = lambda parts: set_property(paragraphs(parts)[0], "pPr/spacing", before="1134")  # noqa: E731
    data = edited_docx(seed, mark_higher, layout="minutes")
    assert {v.rule for v in check_bytes(data, "m.docx").failed} == {"minutes-mark"}

    def flat_attendance(parts):
        for p in paragraphs(parts):
            if "".join(t.text or "" for t in p.iter(f"{W}t")).startswith("出席："):
                set_property(p, "pPr/ind", left="0", leftChars="0", hanging="0", hangingChars="0",
                             firstLine="632", firstLineChars="200")

    report = check_bytes(edited_docx(seed, flat_attendance, layout="minutes"), "m.docx")
    assert {v.rule for v in report.failed} == {"attendance"}
    assert "wrapped lines 0.0 characters in, not 5" in failures(report)


def test_a_song_face_stands_in_for_fangsong_unless_strict(seed):
    data = edited_docx(seed, body_runs(path="rPr/rFonts", eastAsia="宋体"))
    lenient = check_bytes(data, "song.docx")
    body = next(v for v in lenient.verdicts if v.rule == "body-face")
    assert body.status == PASS and any("stand-in" in note for note in body.notes)
    strict = check_bytes(data, "song.docx", strict_faces=True)
    assert "body-face" in {v.rule for v in strict.failed}


# --- PDF files that break a rule (our PDF, its pages' content moved) --------------------------------

def moved_pdf(data: bytes, right_pt: float, up_pt: float) -> bytes:
    from pypdf import PdfReader, PdfWriter, Transformation

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for page in writer.pages:
        page.add_transformation(Transformation().translate(tx=right_pt, ty=up_pt))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("right,up,rule,shown", [
    (20, 0, "margin-left", "35.1 mm"),  # 20 pt = 7.1 mm to the right
    (0, -28.35, "margin-top", "47.0 mm"),  # 10 mm down
    (2, 0, None, None),  # 0.7 mm: within the standard's 1 mm
])
def test_a_pdf_whose_text_is_moved_fails_the_margin(seed, right, up, rule, shown):
    for layout in LAYOUTS:
        report = check_bytes(moved_pdf(converter.export(seed, "pdf", layout=layout), right, up), "moved.pdf")
        assert [(v.rule, v.measured) for v in report.failed] == ([(rule, shown)] if rule else []), failures(report)


# --- other tools' files ---------------------------------------------------------------------------

def test_pandoc_docx_fails_naming_the_margins_and_the_grid(tmp_path):
    pandoc = require_tool("pandoc")
    out = tmp_path / "notice.docx"
    subprocess.run([pandoc, str(EXAMPLES / "notice.txt"), "-f", "markdown", "-o", str(out)], check=True, timeout=120)
    failed = {v.rule for v in check_bytes(out.read_bytes(), out.name).failed}
    assert {"margin-top", "margin-left", "type-block", "lines-per-page", "chars-per-line", "body-face"} <= failed


def test_libreoffice_text_to_pdf_fails_naming_the_margins_grid_and_faces(tmp_path):
    soffice = require_tool("soffice")
    source = tmp_path / "notice.txt"
    source.write_bytes((EXAMPLES / "notice.txt").read_bytes())
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   capture_output=True, timeout=300, check=True)
    report = check_bytes((tmp_path / "notice.pdf").read_bytes(), "notice.pdf")
    failed = {v.rule for v in report.failed}
    assert {"margin-top", "margin-left", "type-block", "lines-per-page", "chars-per-line", "body-face",
            "page-number-format"} <= failed, failures(report)


# --- the command ----------------------------------------------------------------------------------

def invoke(*args):
    from typer.testing import CliRunner

    return CliRunner().invoke(app, ["check", *map(str, args)])


def test_the_command_passes_our_files_and_exits_10_naming_failed_rules(seed, tmp_path):
    ours = tmp_path / "ours.pdf"
    ours.write_bytes(converter.export(seed, "pdf"))
    bad = tmp_path / "bad.docx"
    bad.write_bytes(edited_docx(seed, margins(top="1440")))
    passed = invoke(ours)
    assert passed.exit_code == 0, passed.output
    assert passed.output.startswith(f"{ours} (pdf): pass")
    assert re.search(r"^  margin-top +pass +37\.0 mm$", passed.output, re.M)
    failed = invoke(ours, bad)
    assert failed.exit_code == 10
    assert f"{bad} (docx): FAIL (margin-top, type-block, lines-per-page)" in failed.output
    assert re.search(r"^  margin-top +FAIL +25\.4 mm  \[expected: 37 mm ± 1\]$", failed.output, re.M)


def test_json_lists_every_rule_of_every_file(seed, tmp_path):
    ours = tmp_path / "ours.docx"
    ours.write_bytes(converter.export(seed, "docx", layout="minutes"))
    result = invoke(ours, "--json")
    assert result.exit_code == 0
    document = json.loads(result.output)
    assert document["passed"] is True
    rules = document["files"][0]["rules"]
    assert {rule["rule"] for rule in rules} >= {"margin-top", "minutes-mark", "attendance"}
    assert all(rule["status"] in (PASS, NOT_APPLICABLE, "not measurable") for rule in rules)


def test_unreadable_files_exit_3_with_the_file_named(tmp_path):
    text = tmp_path / "notice.txt"
    text.write_text("not a document", encoding="utf-8")
    result = invoke(text, tmp_path / "missing.pdf")
    assert result.exit_code == 3
    assert f"{text}: not a DOCX, PDF or OFD file" in result.output
    assert f"{tmp_path / 'missing.pdf'}: no such file" in result.output
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n garbage")
    assert invoke(broken).exit_code == 3


def test_checking_a_docx_does_not_load_the_pdf_reader(seed, tmp_path):
    ours = tmp_path / "ours.docx"
    ours.write_bytes(converter.export(seed, "docx"))
    probe = ("import sys; from converter.cli import main; sys.argv = ['convert', 'check', sys.argv[1]]\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "sys.stderr.write('PDFMINER ' + str('pdfminer' in sys.modules))")
    ran = subprocess.run([sys.executable, "-c", probe, str(ours)], capture_output=True, text=True, timeout=120)
    assert "PDFMINER False" in ran.stderr, ran.stderr


@pytest.mark.parametrize("name,family", [
    ("仿宋_GB2312", "仿宋"), ("FangSong_GB2312", "仿宋"), ("ABCDEF+STFangsong", "仿宋"), ("FZFSK--GBK1-0", "仿宋"),
    ("方正小标宋简体", "小标宋"), ("FZXBSJW--GB1-0", "小标宋"),
    ("宋体", "宋体"), ("SimSun", "宋体"), ("AAAAAA+NotoSerifCJKRegular2-a04178ec", "宋体"), ("STZhongsong", "宋体"),
    ("黑体", "黑体"), ("SimHei", "黑体"), ("NotoSansCJKjp-Regular-VKana", "黑体"),
    ("楷体_GB2312", "楷体"), ("KaiTi", "楷体"),
    ("Times New Roman", None), ("Cambria", None), ("DejaVuSans", None), ("", None),
])
def test_faces_are_judged_by_family(name, family):
    from converter.check.faces import family as family_of

    assert family_of(name) == family
