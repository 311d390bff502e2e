"""The PDF exporter on every corpus text and both layouts, read back by poppler and pypdf."""

from __future__ import annotations

import copy
import io
import re
import subprocess
import sys

import pytest

import converter
from converter import layout
from converter import vocabulary as v
from converter.model import body_paragraphs, blocks, meetings, participants, text_of, title_text
from tests.conftest import EXAMPLES, ROOT, corpus_names, corpus_text, require_tool

pypdf = pytest.importorskip("pypdf")

_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
A4_PT = (round(layout.mm_to_pt(210), 1), round(layout.mm_to_pt(297), 1))


def ideographs(text: str) -> str:
    return "".join(_IDEOGRAPH.findall(text))


def pdftotext(data: bytes) -> str:
    tool = require_tool("pdftotext")
    return subprocess.run([tool, "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


def printed_paragraphs(root, with_back: bool = True) -> list:
    """Every paragraph a layout prints: front (主送, deck lines), meetings, back, in order."""
    front = root.findall(f"{v.q(v.FRONT)}/{v.q(v.PARAGRAPH)}")
    back = root.findall(f"{v.q(v.BACK)}/{v.q(v.PARAGRAPH)}") if with_back else []
    return front + body_paragraphs(root) + back


def printed_body(root, with_back: bool = True) -> str:
    """The printed paragraphs as the model has them, less inline chrome (which no layout prints)."""
    texts = []
    for paragraph in printed_paragraphs(root, with_back):
        paragraph = copy.deepcopy(paragraph)
        for chrome in list(paragraph.iter(v.q(v.CHROME))):
            parent, previous = chrome.getparent(), chrome.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + (chrome.tail or "")
            else:
                parent.text = (parent.text or "") + (chrome.tail or "")
            parent.remove(chrome)
        texts.append(text_of(paragraph))
    return "".join(texts)


def font_dictionaries(reader) -> list:
    found = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            found[font["/BaseFont"]] = font
    return list(found.values())


def assert_fonts_embedded_subsets(reader) -> None:
    fonts = font_dictionaries(reader)
    assert fonts
    for font in fonts:
        name = str(font["/BaseFont"])
        assert re.match(r"^/[A-Z]{6}\+", name), f"{name} is not a subset"
        descriptor = font["/FontDescriptor"].get_object()
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), f"{name} not embedded"
        assert "/ToUnicode" in font, f"{name} has no ToUnicode map: copy-paste would fail"


@pytest.fixture(scope="module")
def corpus_documents(corpus_available):
    return {name: converter.parse(corpus_text(name)) for name in corpus_names()}


@pytest.mark.parametrize("name", corpus_names())
def test_report_prints_every_chinese_character_in_order(name, corpus_documents):
    document = corpus_documents[name]
    data = converter.export(document, "pdf")
    from converter.layout.minutes import source_line as meta_line

    expected = ideographs((title_text(document.root) or "") + meta_line(document.root) + printed_body(document.root))
    assert ideographs(pdftotext(data)) == expected


@pytest.mark.parametrize("name", corpus_names())
def test_minutes_print_the_body_then_everyone_present(name, corpus_documents):
    document = corpus_documents[name]
    text = ideographs(pdftotext(converter.export(document, "pdf", layout="minutes")))
    # A 纪要 prints its text, then who attended, then what stands after the report (back matter).
    body = ideographs(printed_body(document.root, with_back=False))
    assert body in text
    after = text[text.index(body) + len(body):]
    back = ideographs(printed_body(document.root)[len(printed_body(document.root, with_back=False)):])
    assert after.endswith(back)
    present = [p.name for m in meetings(document.root) for p in participants(m)
               if set(p.actions) & set(sum(layout.MINUTES_ACTIONS.values(), ()))]
    for person in present:
        assert ideographs(person) in after


@pytest.mark.parametrize("name", corpus_names())
@pytest.mark.parametrize("layout_name", ["report", "minutes"])
def test_page_size_metadata_outline_and_fonts(name, layout_name, corpus_documents):
    document = corpus_documents[name]
    reader = pypdf.PdfReader(io.BytesIO(converter.export(document, "pdf", layout=layout_name)))
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) == A4_PT
    info = reader.metadata
    assert info.title and "notice-converter" in info["/Producer"]
    if title_text(document.root) and layout_name == "report":
        assert info.title == title_text(document.root)
    outline = reader.outline
    headed = layout_name == "minutes" or title_text(document.root)
    assert outline or not (headed or blocks(document.root)), "no bookmarks"
    if headed:  # the title (or 纪要标志), the statement blocks under it
        assert not isinstance(outline[0], list)
        children = outline[1] if len(outline) > 1 else []
    else:
        children = outline
    assert len(children) == len(blocks(document.root))
    assert_fonts_embedded_subsets(reader)


def test_creation_date_comes_from_the_report():
    document = converter.parse((EXAMPLES / "notice.txt").read_text(encoding="utf-8"))
    reader = pypdf.PdfReader(io.BytesIO(converter.export(document, "pdf")))
    assert reader.metadata["/CreationDate"] == "D:20231012094326+08'00'"  # Beijing time
    assert reader.metadata.author == "国家知识产权局知识产权检索咨询中心"


def test_same_input_gives_the_same_bytes_in_this_process_and_a_fresh_one():
    document = converter.parse((EXAMPLES / "notice.txt").read_text(encoding="utf-8"))
    first = converter.export(document, "pdf", layout="minutes")
    assert converter.export(document, "pdf", layout="minutes") == first
    script = (
        "import sys, converter; d = converter.parse(open(sys.argv[1], encoding='utf-8').read());"
        "sys.stdout.buffer.write(converter.export(d, 'pdf', layout='minutes'))"
    )
    fresh = subprocess.run([sys.executable, "-c", script, str(EXAMPLES / "notice.txt")],
                           capture_output=True, check=True, cwd=ROOT).stdout
    assert fresh == first


def test_half_width_punctuation_is_typeset_full_width_unless_kept():
    document = converter.parse("测试会议召开\n会议认为,要坚持(一)学习;二要落实!")
    default = pdftotext(converter.export(document, "pdf"))
    kept = pdftotext(converter.export(document, "pdf", keep_punctuation=True))
    assert "会议认为，要坚持（一）学习；二要落实！" in re.sub(r"\s", "", default)
    assert "会议认为,要坚持(一)学习;二要落实!" in re.sub(r"\s", "", kept)


def test_body_lines_hold_28_characters_and_start_with_no_closing_mark():
    document = converter.parse((EXAMPLES / "notice.txt").read_text(encoding="utf-8"))
    lines = [line.strip() for line in pdftotext(converter.export(document, "pdf")).splitlines()]
    body = [line for line in lines if len(line) >= 20 and not line.startswith("—")]
    assert body
    # Digits and Latin letters are half as wide as a Chinese character.
    widths = [sum(0.5 if c.isascii() else 1 for c in line) for line in body]
    assert max(widths) <= layout.CHARS_PER_LINE
    assert sum(w > layout.CHARS_PER_LINE - 1 for w in widths) > len(body) / 2  # the grid is filled
    from converter.layout.punctuation import NO_LINE_END, NO_LINE_START

    for line in body:
        assert line[0] not in NO_LINE_START and line[-1] not in NO_LINE_END, line


def test_page_one_is_not_blank(tmp_path):
    tool = require_tool("pdftoppm")
    document = converter.parse((EXAMPLES / "notice.txt").read_text(encoding="utf-8"))
    (tmp_path / "notice.pdf").write_bytes(converter.export(document, "pdf", layout="minutes"))
    subprocess.run([tool, "-r", "30", "-f", "1", "-l", "1", "-singlefile", "-gray", str(tmp_path / "notice.pdf"),
                    str(tmp_path / "page")], check=True)
    image = (tmp_path / "page.pgm").read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", image)
    pixels = image[header.end():]
    inked = sum(1 for value in pixels if value < 250)
    assert inked > len(pixels) * 0.05, "page 1 is (nearly) blank"  # a full page of text inks ~15 %


def test_a_long_title_is_set_in_even_lines_the_upper_one_no_shorter():
    title = "关于进一步加强和改进新时代知识产权保护工作推动高质量发展的若干意见学习会议"
    document = converter.parse(f"{title}\n会议认为，要学习。")
    lines = [line.strip() for line in pdftotext(converter.export(document, "pdf")).splitlines() if line.strip()]
    title_lines = []
    for line in lines:
        if "".join(title_lines) == title:
            break
        title_lines.append(line)
    assert "".join(title_lines) == title and len(title_lines) == 2
    upper, lower = map(len, title_lines)
    assert 0 <= upper - lower <= 2, title_lines


def test_a_regular_face_standing_in_for_the_title_is_drawn_heavier(monkeypatch):
    from converter.typeset.discovery import bundled_face

    if bundled_face("title") is None:
        pytest.skip("pylopdf-fonts-zh-cn is not installed")
    fonts = {role: str(bundled_face(role).path) for role in ("body", "heading", "kai", "number")}
    document = converter.parse("测试会议召开\n会议认为，要学习。")
    # The title role left to resolution falls to the bundled regular Song only without system
    # fonts; an explicit file is the user's choice and is never emboldened.
    explicit = converter.export(document, "pdf", fonts={**fonts, "title": str(bundled_face("title").path)})
    page = pypdf.PdfReader(io.BytesIO(explicit)).pages[0].get_contents().get_data()
    assert b" Tr" not in page
    # Left to resolution on a machine without Chinese fonts, the title is the bundled regular Song.
    from converter.typeset import fontset

    monkeypatch.setattr("converter.typeset.fonts._system_choice", lambda role: None)
    fontset._own.cache_clear()
    stood_in = converter.export(document, "pdf", fonts=fonts)
    page = pypdf.PdfReader(io.BytesIO(stood_in)).pages[0].get_contents().get_data()
    assert b"2 Tr" in page
    from converter.typeset.fonts import Choice
    from converter.typeset.discovery import FontFile

    stand_in = Choice("title", FontFile(bundled_face("title").path, 0, "Noto Serif SC", "bundled"), "")
    assert stand_in.synthetic_bold
    assert not Choice("title", FontFile(stand_in.face.path, 0, "方正小标宋简体", "fontconfig"), "").synthetic_bold
    named = Choice("title", FontFile(stand_in.face.path, 0, "Noto Serif SC", "fontconfig"), "--font title=Noto Serif SC")
    assert not named.synthetic_bold  # the user's choice, by family name too


def _placed_runs(page) -> list[tuple[str, float, float]]:
    """Every text run of a page with its start on the page (x, y), however pypdf groups runs."""
    runs = []

    def visit(text, cm, tm, *_):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((text, x, y))

    page.extract_text(visitor_text=visit)
    return runs


def test_every_page_with_text_is_numbered_odd_right_even_left():
    document = converter.parse((EXAMPLES / "notice.txt").read_text(encoding="utf-8"))
    reader = pypdf.PdfReader(io.BytesIO(converter.export(document, "pdf")))
    assert len(reader.pages) > 2
    for number, page in enumerate(reader.pages, start=1):
        runs = _placed_runs(page)
        assert runs, f"page {number} has no text"
        # The footer is the lowest line of the page: every run on it, left to right (a stable
        # sort: runs of one text object share their start, and keep the order they are drawn in).
        bottom = min(y for _, _, y in runs)
        footer = sorted(((x, text) for text, x, y in runs if abs(y - bottom) < 1), key=lambda run: run[0])
        text = "".join(text for _, text in footer).replace(" ", "").replace("\u3000", "")
        assert text == f"—{number}—", f"page {number}: footer reads {text!r}"
        middle = float(page.mediabox.width) / 2
        left, right = footer[0][0], footer[-1][0]
        assert (left > middle) if number % 2 else (right < middle), f"page {number}: number at x={left}..{right}"
