"""DOCX: explicit line breaks where Word (or LibreOffice) would split a name on the character grid."""

from __future__ import annotations

import io
import random
import re
import shutil
import subprocess
import zipfile
from itertools import accumulate

import pytest

import converter
from converter.exporters.docx import content, gridbreaks
from converter.exporters.docx.gridbreaks import explicit_breaks
from converter.layout.plan import build_plan
from converter.options import ExportOptions
from tests.conftest import require_tool

# An attendance line: label (3) + names hanging after it; the first line holds 26 cells, the rest 23.
# 谢春 fill the first line's last two cells, 黎 would start the second: Word splits 谢春｜黎.
_NAMES = "王春黎、欧阳明、李明、张华、刘强、司马相、谢春黎、吴刚、郑伟"
_MINUTES = ("市政府第十二次常务会议纪要\n\n"
            "会议由市长王春黎主持。会议研究部署了当前经济运行等工作。\n"
            f"出席：{_NAMES}\n")


def _keeps(text: str, *names: str) -> frozenset[int]:
    found = set()
    for name in names:
        start = text.index(name)
        found.update(range(start + 1, start + len(name)))
    return frozenset(found)


def test_a_name_word_would_split_gets_a_break_before_it():
    text = "出席：" + _NAMES
    assert text.index("谢春黎") == 24  # 谢 and 春 fill cells 25 and 26, 黎 is one cell too many
    assert explicit_breaks(text, _keeps(text, "谢春黎"), 26, 23) == [24]


def test_no_break_where_words_own_break_keeps_every_name_whole():
    text = "出席：" + _NAMES
    assert explicit_breaks(text, frozenset(), 26, 23) == []
    assert explicit_breaks(text, _keeps(text, "王春黎", "李明"), 26, 23) == []


def test_a_character_of_unknown_width_ends_what_is_decided():
    # A space or a quotation mark is as wide as the reader's fonts make it: nothing is broken on
    # or after its line. Digits after the line do not stop the count.
    first, rest = gridbreaks._MEASURES["body"]  # 26 characters on the first line, 28 after
    text = "会议" * 12 + "好谢春黎" + "2024年" + "同志" * 20
    assert explicit_breaks(text, _keeps(text, "谢春黎"), first, rest) == [25]
    for mark in (" ", "“"):
        late = "会议" * 12 + "好" + mark + "谢春黎" + "同志" * 20
        assert explicit_breaks(late, _keeps(late, "谢春黎"), first, rest) == []


# A body paragraph whose first line holds a date: Word ends that line after 王春 (the digits are
# 7.75 pt), LibreOffice after 王 (it adds 3.2 pt wherever digits meet Chinese); both split the name.
_DATED = "2024年5月10日上午，会议研究部署当前经济运，市长王春黎主持会议。会议要求各部门紧盯全年目标任务。"


def test_a_name_after_a_date_gets_a_break_before_it():
    first, rest = gridbreaks._MEASURES["body"]
    assert explicit_breaks(_DATED, _keeps(_DATED, "王春黎"), first, rest) == [_DATED.index("王春黎")]


def test_no_break_where_the_two_applications_differ_but_split_nothing():
    # Two characters more before the name: Word ends the line before 王, LibreOffice before 长.
    text = _DATED.replace("经济运", "经济运行和")
    first, rest = gridbreaks._MEASURES["body"]
    assert explicit_breaks(text, _keeps(text, "王春黎"), first, rest) == []


def test_a_last_line_of_one_or_two_characters_takes_one_more():
    text = "会议" * 13 + "好。"  # 26 cells, then 好。 alone
    assert explicit_breaks(text, frozenset(), 26, 28) == [25]


def _document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def test_the_attendance_paragraph_breaks_before_the_name():
    document = converter.parse(_MINUTES)
    xml = _document_xml(converter.export(document, "docx", layout="minutes"))
    assert re.search(r"司马相、</w:t>\s*<w:br/>\s*<w:t>谢春黎、", xml), "no line break before 谢春黎"
    # Every character is still there, once: the break only stands between two text pieces.
    assert "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml)).count(_NAMES) == 1


def _require_fonts() -> None:
    """The widths the breaks count on need a Chinese face (仿宋_GB2312 falls back to it) and a
    face with Times New Roman's widths; without them LibreOffice sets other widths (CI's first
    run installs no Chinese font on purpose)."""
    fc_list, fc_match = shutil.which("fc-list"), shutil.which("fc-match")
    if not (fc_list and fc_match):
        pytest.skip("fontconfig's fc-list and fc-match are not installed")
    chinese = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True).stdout.strip()
    times = subprocess.run([fc_match, "-f", "%{family}", "Times New Roman"], capture_output=True, text=True).stdout
    if not chinese:
        pytest.skip("no Chinese font for LibreOffice to set the text in")
    if not any(twin in times for twin in ("Times New Roman", "Liberation Serif", "Nimbus Roman")):
        pytest.skip(f"Times New Roman falls back to {times!r}, not a face with its widths")


def _rendered_lines(tmp_path, data: bytes, name: str) -> list[str]:
    soffice, pdftotext = require_tool("soffice"), require_tool("pdftotext")
    _require_fonts()
    source = tmp_path / f"{name}.docx"
    source.write_bytes(data)
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   capture_output=True, timeout=300, check=True)
    text = subprocess.run([pdftotext, str(source.with_suffix(".pdf")), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.splitlines()


def test_libreoffice_keeps_the_name_whole(tmp_path, monkeypatch):
    document = converter.parse(_MINUTES)
    lines = _rendered_lines(tmp_path, converter.export(document, "docx", layout="minutes"), "with")
    assert any(line.startswith("谢春黎") for line in lines), lines
    # The control: the same document without the explicit break is split, so the test can fail.
    monkeypatch.setattr(content, "with_breaks", lambda block: block.runs)
    lines = _rendered_lines(tmp_path, converter.export(document, "docx", layout="minutes"), "without")
    assert any(line.endswith("谢春") for line in lines), lines


def test_libreoffice_keeps_a_name_after_a_date_whole(tmp_path, monkeypatch):
    document = converter.parse(f"市政府第十二次常务会议纪要\n\n{_DATED}\n")
    lines = [line.strip() for line in _rendered_lines(tmp_path, converter.export(document, "docx"), "with")]
    assert any(line.startswith("王春黎") for line in lines), lines
    # The control: without the explicit break LibreOffice ends the line after 王.
    monkeypatch.setattr(content, "with_breaks", lambda block: block.runs)
    lines = [line.strip() for line in _rendered_lines(tmp_path, converter.export(document, "docx"), "without")]
    assert any(line.endswith("市长王") for line in lines), lines


def _generated_paragraphs(count: int) -> list[str]:
    """Body text of dates, numbers, Latin words and punctuation at every place in a line."""
    rng = random.Random(11)
    words = ["会议", "研究部署", "当前经济运行", "和", "安全生产", "工作", "要求各部门", "紧盯", "全年目标任务", "狠抓"]
    paragraphs = []
    for _ in range(count):
        pieces = []
        while sum(map(len, pieces)) < rng.randint(50, 110):
            pick = rng.random()
            if pick < 0.5:
                pieces.append(rng.choice(words))
            elif pick < 0.65:
                pieces.append(str(rng.randint(1, 20000)))
            elif pick < 0.75:
                pieces.append(rng.choice(["GDP", "Excel", "ISO", "km", "PPP"]))
            elif pick < 0.88:
                pieces.append(rng.choice("，。、；"))
            else:
                pieces.append(f"{rng.randint(2000, 2030)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日")
        paragraphs.append("".join(pieces).lstrip("，。、；") + "。")
    return paragraphs


def test_libreoffice_ends_lines_where_they_are_computed(tmp_path, monkeypatch):
    # The widths behind the breaks, checked against LibreOffice itself: every line whose end is
    # called certain ends there in LibreOffice's own layout (no breaks written).
    monkeypatch.setattr(content, "with_breaks", lambda block: block.runs)
    document = converter.parse("关于测试排版的报告\n\n" + "\n".join(_generated_paragraphs(24)) + "\n")
    lines = [re.sub(r"\s", "", line) for line in _rendered_lines(tmp_path, converter.export(document, "docx"), "plain")]
    stream, line_ends = "", set()
    for line in lines:
        if line and not re.fullmatch(r"—\d+—", line):  # page numbers stand between a page's lines
            stream += line
            line_ends.add(len(stream))
    first, rest = gridbreaks._MEASURES["body"]
    certain, wrong, cursor = 0, [], 0
    for block in build_plan(document.root, ExportOptions()).blocks:
        if block.role != "body":
            continue
        text = block.text
        setting = gridbreaks._Setting(text, frozenset(accumulate(len(run.text) for run in block.runs[:-1])))
        at = stream.index(text, cursor)
        cursor = at + len(text)
        starts = [0] + [end - at for end in sorted(line_ends) if at < end < cursor]
        for number, start in enumerate(starts):
            actual = starts[number + 1] if number + 1 < len(starts) else len(text)
            computed = gridbreaks._own_end(setting, start, rest if number else first, True)
            if computed is not None:
                certain += 1
                if computed != actual:
                    wrong.append((text[start:actual], computed - start))
    assert not wrong, wrong
    assert certain >= 40, certain  # the check is not emptied by calling every line uncertain
