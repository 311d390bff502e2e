"""`convert check` reads OFD: positions of every TextCode (X/Y/DeltaX, Boundary, CTM, Size), the
faces from the resources, the page boxes; then the rules that judge a PDF.

The OFDs here are written by tests/ofd_packages.py from the standard, printing the glyphs of our
PDF (as pdfminer reads them) in several encodings: each must measure exactly as the PDF does.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pytest

import converter
from converter.check import check_bytes
from converter.check.pdf_glyphs import read as pdf_glyphs
from converter.check.rules import PASS
from converter.cli import app
from tests.conftest import EXAMPLES
from tests.ofd_packages import ENCODINGS, from_glyphs

LAYOUTS = ("report", "minutes")


@pytest.fixture(scope="module")
def seed_glyphs():
    document = converter.parse((EXAMPLES / "notice.txt").read_text(encoding="utf-8"))
    out = {}
    for layout in LAYOUTS:
        pdf = converter.export(document, "pdf", layout=layout)
        out[layout] = (check_bytes(pdf, "seed.pdf"), pdf_glyphs(pdf, "seed.pdf"))
    return out


def shown(report) -> list[tuple[str, str, str]]:
    return [(v.rule, v.status, v.measured) for v in report.verdicts]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_an_ofd_of_the_same_glyphs_measures_as_the_pdf(seed_glyphs, layout, encoding):
    pdf_report, pages = seed_glyphs[layout]
    report = check_bytes(from_glyphs(pages, encoding), f"seed-{encoding}.ofd")
    assert report.format == "ofd"
    assert shown(report) == shown(pdf_report)
    assert not report.failed and {v.rule: v.status for v in report.verdicts}["margin-top"] == PASS
    assert "embedded: " in report.measurements.how["fonts"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_faces_named_but_not_embedded_are_measured_with_estimated_widths(seed_glyphs, layout):
    pdf_report, pages = seed_glyphs[layout]
    report = check_bytes(from_glyphs(pages, embed=False), "named.ofd")
    assert [v.status for v in report.verdicts] == [v.status for v in pdf_report.verdicts]
    assert report.measurements.how["fonts"].startswith("named only")


@pytest.mark.parametrize("move,rule,measured", [
    ((7.1, 0.0), "margin-left", "35.1 mm"),
    ((0.0, 10.0), "margin-top", "47.0 mm"),
    ((0.7, 0.0), None, None),  # within the standard's 1 mm
])
def test_an_ofd_whose_text_is_moved_fails_the_margin(seed_glyphs, move, rule, measured):
    for layout in LAYOUTS:
        report = check_bytes(from_glyphs(seed_glyphs[layout][1], "ctm", move_mm=move), "moved.ofd")
        assert [(v.rule, v.measured) for v in report.failed] == ([(rule, measured)] if rule else [])


def test_the_face_widths_agree_with_fonttools():
    from pathlib import Path

    import pylopdf_fonts_zh_cn
    from fontTools.ttLib import TTFont

    from converter.check import sfnt

    path = Path(pylopdf_fonts_zh_cn.__file__).parent / "NotoSerifSC-Regular.otf"
    widths = sfnt.read(path.read_bytes())
    font = TTFont(path)
    units, metrics = font["head"].unitsPerEm, font["hmtx"].metrics
    cmap = font.getBestCmap()
    assert len(cmap) > 30000
    assert all(widths.char(chr(code)) == metrics[glyph][0] / units for code, glyph in cmap.items())
    assert sfnt.read(b"not a face") is None


def invoke(*args):
    from typer.testing import CliRunner

    return CliRunner().invoke(app, ["check", *map(str, args)])


def rewritten(data: bytes, part: str, edit) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            if item.filename == part:
                body = edit(source.read(part))
                if body is not None:
                    target.writestr(item, body)
            else:
                target.writestr(item, source.read(item.filename))
    return out.getvalue()


def test_an_unreadable_ofd_exits_3_naming_the_file_and_the_part(seed_glyphs, tmp_path):
    good = from_glyphs(seed_glyphs["report"][1], embed=False)
    page = "Doc_0/Pages/Page_1/Content.xml"
    bomb = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'
    cases = {
        "dtd.ofd": (rewritten(good, page, lambda b: b.replace(b"?>", b"?>" + bomb, 1)), page),
        "missing.ofd": (rewritten(good, page, lambda b: None), f"the part {page} is missing"),
        "broken.ofd": (rewritten(good, "Doc_0/Document.xml", lambda b: b[:-20]), "Doc_0/Document.xml"),
        "noroot.ofd": (rewritten(good, "OFD.xml", lambda b: b.replace(b"DocRoot", b"DocRooT")), "DocRoot"),
    }
    for name, (data, named) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = invoke(path)
        assert result.exit_code == 3, (name, result.output)
        assert f"{path}: cannot read this OFD" in result.output and named in result.output, result.output
    assert invoke(tmp_path / "dtd.ofd", "--json").exit_code == 3


def test_checking_an_ofd_loads_neither_pdfminer_nor_fonttools(seed_glyphs, tmp_path):
    ours = tmp_path / "ours.ofd"
    ours.write_bytes(from_glyphs(seed_glyphs["minutes"][1]))
    probe = ("import sys; from converter.cli import main; sys.argv = ['convert', 'check', sys.argv[1]]\n"
             "try:\n    main()\nexcept SystemExit as stop:\n    sys.stderr.write('EXIT %s ' % stop.code)\n"
             "sys.stderr.write(' '.join(m for m in ('pdfminer', 'fontTools') if m in sys.modules) or 'light')")
    ran = subprocess.run([sys.executable, "-c", probe, str(ours)], capture_output=True, text=True, timeout=120)
    assert ran.stderr.strip().endswith("EXIT 0 light"), ran.stderr
    assert f"{ours} (ofd): pass" in ran.stdout


@pytest.mark.parametrize("attribute", ["X", "Y", "DeltaX", "Boundary", "CTM", "Size", "Value", "BitsPerComponent"])
@pytest.mark.parametrize("value", ["1e400", "nan", "-1e308 1e308", "g 1e400 1", "g 3 inf", "0", "", "x", "100000000"])
def test_absurd_numbers_give_a_report_or_exit_3_never_a_traceback(seed_glyphs, attribute, value):
    """Every attribute the reader computes with, set to what no writer means: the check still
    ends in a report (those characters are not measured) or a clear unreadable-file error."""
    from converter.errors import InputError

    data = from_glyphs(seed_glyphs["minutes"][1], "ctm", embed=False)
    part = "Doc_0/PublicRes.xml" if attribute == "BitsPerComponent" else "Doc_0/Pages/Page_0/Content.xml"
    if attribute == "BitsPerComponent":  # a colour space for the mark's colour, with absurd bits
        data = rewritten(data, part, lambda body: body.replace(
            b"<ofd:Fonts>", b'<ofd:ColorSpaces><ofd:ColorSpace ID="90" Type="RGB" BitsPerComponent="8"/>'
                            b"</ofd:ColorSpaces><ofd:Fonts>"))
        data = rewritten(data, "Doc_0/Pages/Page_0/Content.xml",
                         lambda body: body.replace(b"<ofd:FillColor ", b'<ofd:FillColor ColorSpace="90" '))
    edited = rewritten(data, part, lambda body: body.replace(f' {attribute}="'.encode(),
                                                            f' {attribute}="{value} '.encode()))
    try:
        report = check_bytes(edited, "absurd.ofd")
    except InputError as error:
        assert error.exit_code == 3
    else:
        assert report.format == "ofd"


def _face(cmap_subtable: bytes, platform_encoding=(3, 10)) -> bytes:
    """A minimal sfnt: head (1000 units per em), hhea (2 metrics), hmtx, and one cmap subtable."""
    import struct

    head = bytearray(54)
    struct.pack_into(">H", head, 18, 1000)
    hhea = bytearray(36)
    struct.pack_into(">H", hhea, 34, 2)
    hmtx = struct.pack(">HhHh", 500, 0, 1000, 0)
    cmap = struct.pack(">HHHHI", 0, 1, *platform_encoding, 12) + cmap_subtable
    tables = {b"cmap": cmap, b"head": bytes(head), b"hhea": bytes(hhea), b"hmtx": hmtx}
    directory, body = b"", b""
    offset = 12 + 16 * len(tables)
    for tag, data in tables.items():
        directory += struct.pack(">4sIII", tag, 0, offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    return struct.pack(">IHHHH", 0x00010000, len(tables), 0, 0, 0) + directory + body


@pytest.mark.parametrize("fmt", [12, 4])
def test_a_face_whose_cmap_spans_all_of_unicode_is_read_at_once(fmt):
    """A few kilobytes of a hostile face can declare ranges over all of Unicode, again and again:
    read by looking characters up in the ranges (it took minutes when they were expanded). Run in a
    child with a deadline, so a regression fails instead of hanging the suite."""
    import struct

    if fmt == 12:  # 1,000 groups of U+0000..U+10FFFE, each to glyph 1 onwards
        groups = b"".join(struct.pack(">III", 0, 0x10FFFE, 1) for _ in range(1000))
        subtable = struct.pack(">HHIII", 12, 0, 16 + len(groups), 0, 1000) + groups
    else:  # 8,000 overlapping segments U+0000..U+FFFE with delta 1, then the closing segment
        count = 8001
        ends = struct.pack(f">{count}H", *([0xFFFE] * 8000 + [0xFFFF]))
        starts = struct.pack(f">{count}H", *([0] * 8000 + [0xFFFF]))
        deltas = struct.pack(f">{count}h", *([1] * 8000 + [1]))
        ranges = struct.pack(f">{count}H", *([0] * count))
        body = ends + b"\0\0" + starts + deltas + ranges
        subtable = struct.pack(">HHHHHHH", 4, 14 + len(body), 0, 2 * count, 0, 0, 0) + body
    code = (
        "import sys; from converter.check import sfnt\n"
        "widths = sfnt.read(sys.stdin.buffer.read())\n"
        "print(widths.char('A'), widths.char('一'), widths.char('\\U00020BB7'))\n"
    )
    face = _face(subtable, (3, 10) if fmt == 12 else (3, 1))
    done = subprocess.run([sys.executable, "-c", code], input=face, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    # Glyph 0x42 ('A' + 1) and beyond are past the 2 metrics: the last advance (1.0 em); 𠮷 is
    # mapped only by the format 12 face.
    assert done.stdout.split() == ([b"1.0", b"1.0", b"1.0"] if fmt == 12 else [b"1.0", b"1.0", b"None"])
