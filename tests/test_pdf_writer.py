"""The PDF file as our writer puts it together (exporters/pdf/pdfsyntax.py, surface.py, pages.py,
fontcodes.py): a cross-reference table that points at every object, strings and names escaped,
codes past one subset's 256, the stand-in font for characters no face has, the outline tree,
and the same bytes in any process."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest

import converter
from converter.exporters.pdf.fontcodes import FontCodes
from converter.exporters.pdf.pdfsyntax import PdfFile, name, number, text_string
from tests.conftest import EXAMPLES, ROOT
from tests.test_pdf import ideographs, pdftotext

pypdf = pytest.importorskip("pypdf")

SEED = (EXAMPLES / "notice.txt").read_text(encoding="utf-8")
_MANY = "".join(chr(code) for code in range(0x4E00, 0x4E00 + 700))  # 700 characters: three subsets


def test_numbers_are_written_without_exponent_or_minus_zero():
    assert [number(v) for v in (0, 1.0, -2.5, 0.1 + 0.2, 1e-9, -1e-9, 1234567.0, 841.8897637795277)] == [
        "0", "1", "-2.5", "0.3", "0", "0", "1234567", "841.89"]


def test_names_and_strings_are_escaped():
    assert name("AB+Noto Serif#1") == "/AB+Noto#20Serif#231"
    assert text_string("a (b) \\c") == "(a \\(b\\) \\\\c)"
    assert text_string("会议") == "<FEFF4F1A8BAE>"
    assert text_string("𠮷") == "<FEFFD842DFB7>"  # a surrogate pair beyond the BMP
    assert text_string("line\nbreak") == "<FEFF006C0069006E0065000A0062007200650061006B>"  # not printable: hex


def test_every_cross_reference_points_at_its_object():
    data = converter.export(converter.parse(SEED), "pdf", layout="minutes")
    start = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", data).group(1))
    table = data[start:].split(b"trailer")[0].split(b"\n")
    assert table[0] == b"xref"
    first, count = map(int, table[1].split())
    entries = table[2:2 + count]
    assert first == 0 and entries[0] == b"0000000000 65535 f "
    for number_, entry in enumerate(entries[1:], start=1):
        offset = int(entry[:10])
        assert data[offset:].startswith(b"%d 0 obj\n" % number_), number_
    assert int(re.search(rb"/Size (\d+)", data).group(1)) == count
    reader = pypdf.PdfReader(io.BytesIO(data), strict=True)  # strict: any repair would raise
    assert len(reader.pages) >= 1


@pytest.mark.parametrize("layout", ["report", "minutes"])
def test_qpdf_finds_nothing_wrong_with_any_corpus_pdf(layout, corpus_available):
    pikepdf = pytest.importorskip("pikepdf")
    from tests.conftest import CORPUS

    for path in [*sorted(CORPUS.glob("*.txt")), EXAMPLES / "notice.txt"]:
        data = converter.export(converter.parse(path.read_text(encoding="utf-8")), "pdf", layout=layout)
        with pikepdf.open(io.BytesIO(data)) as pdf:
            assert pdf.check_pdf_syntax() == [], path.name  # qpdf --check: objects, streams, content


def test_a_reserved_object_never_written_is_an_error_not_a_broken_file():
    pdf = PdfFile()
    pdf.reserve()
    with pytest.raises(AssertionError):
        pdf.write(1, 1)


def test_codes_go_in_first_use_order_and_a_257th_character_opens_a_second_subset():
    codes = FontCodes("F")
    assert codes.encode("会议会") == [(0, b"\x00\x01\x00")]
    text = "".join(chr(0x5000 + k) for k in range(300))  # neither 会 nor 议
    runs = codes.encode("议" + text)
    assert runs[0] == (0, bytes([1]) + bytes(range(2, 256)))  # 议 kept its code
    assert runs[1] == (1, bytes(range(0, 302 - 256)))
    assert [len(s) for s in codes.subsets()] == [256, 46]
    assert codes.subsets()[0][:2] == [ord("会"), ord("议")]


def test_a_text_of_more_than_256_characters_copies_out_whole():
    text = "办公室召开工作会议\n\n2024年3月5日，办公室召开工作会议。张三主持会议。\n" + _MANY + "。\n"
    data = converter.export(converter.parse(text), "pdf")
    assert _MANY in ideographs(pdftotext(data))
    reader = pypdf.PdfReader(io.BytesIO(data))
    subsets = {str(f.get_object()["/BaseFont"]) for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert len(subsets) >= 3
    assert len({s.split("+")[0] for s in subsets}) == len(subsets)  # each subset its own tag


_STAND_IN_CHILD = """
import sys
from converter.typeset import fonts
real = fonts.usable

def restricted_serif(face):  # an installed face whose licence forbids embedding
    if "Serif" in str(face.path):
        raise fonts.FontUnusable(f"{face.path}: its licence forbids embedding")
    return real(face)

fonts.usable = restricted_serif
import converter
sys.stdout.buffer.write(converter.export(converter.parse("会议召开\\n会议认为，要学习\\ue000和。"), "pdf"))
"""


def test_a_character_no_face_has_is_kept_in_the_text_and_no_unembedded_font_is_named(tmp_path):
    environment = dict(os.environ, NOTICE_CONVERTER_CACHE=str(tmp_path / "cache"), NOTICE_CONVERTER_SYSTEM_FONTS="0")
    result = subprocess.run([sys.executable, "-c", _STAND_IN_CHILD], capture_output=True, env=environment, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    data = result.stdout
    text = pdftotext(data)
    assert "要学习\ue000和" in text.replace("\n", "")  # copied out as the text has it
    reader = pypdf.PdfReader(io.BytesIO(data))
    maps = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
            maps.append((font["/ToUnicode"].get_object().get_data(), list(font["/Widths"])))
    stand_in = [widths for cmap, widths in maps if b"<E000>" in cmap]
    assert stand_in == [[1000]]  # its own subset, a full em wide as the line was set
    assert b"/Helvetica" not in data


def test_the_outline_is_a_tree_of_the_levels_drawn():
    data = converter.export(converter.parse(SEED), "pdf")
    reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
    top = reader.outline
    assert len(top) == 2 and isinstance(top[1], list)  # the title, then its items one level down
    assert top[0].title.startswith("国家知识产权局召开")
    assert [item.title for item in top[1]][:3] == ["会议认为", "会议指出", "会议强调"]
    root = reader.trailer["/Root"]["/Outlines"]
    assert root["/Count"] == 1 + len(top[1])
    assert top[0]["/Count"] == len(top[1])
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_the_same_document_gives_the_same_bytes_in_processes_with_other_hash_seeds(tmp_path):
    script = "import sys, converter; sys.stdout.buffer.write(converter.export(converter.parse(open(sys.argv[1]).read()), 'pdf'))"
    outputs = []
    for seed in ("1", "2"):
        environment = dict(os.environ, PYTHONHASHSEED=seed)
        outputs.append(subprocess.run([sys.executable, "-c", script, str(EXAMPLES / "notice.txt")], capture_output=True,
                                      env=environment, cwd=ROOT, check=True, timeout=300).stdout)
    assert outputs[0] == outputs[1] and outputs[0].startswith(b"%PDF-1.4")



_STAND_IN_AFTER = """
import sys
import converter
stand_in = "2024年3月5日，办公室召开会议。会议认为，要学习\\ue000和。"  # no headline: no title face
if sys.argv[1] == "after":  # faces of other roles loaded first by another document
    converter.export(converter.parse("市政府召开常务会议\\n\\n一、关于安全生产\\n（一）加强检查。\\n会议要求：落实。"), "pdf", layout="minutes")
sys.stdout.buffer.write(converter.export(converter.parse(stand_in), "pdf"))
"""


def test_the_stand_in_subset_does_not_depend_on_what_the_process_loaded_before(tmp_path):
    # The machine's own faces: a role's chain then starts with a face of its own (the title's
    # bold), which the second document loads and the first does not.
    environment = dict(os.environ, NOTICE_CONVERTER_CACHE=str(tmp_path / "cache"))
    outputs = []
    for mode in ("alone", "after"):
        result = subprocess.run([sys.executable, "-c", _STAND_IN_AFTER, mode], capture_output=True, env=environment,
                                cwd=ROOT, timeout=300)
        assert result.returncode == 0, result.stderr[-2000:]
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
