"""Every element points back at the input: blocks by line, inline elements by their characters.

Checked on every corpus text through the same reading as the command (bytes decoded, then
parsed), and repeated in the JSON.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given

import converter
from converter import vocabulary as v
from converter.model import local, text_of
from converter.reading import clean, decode
from tests.conftest import CORPUS, EXAMPLES, corpus_names
from tests.test_properties import report_texts

_BLOCKS = {v.TITLE, v.METADATA, v.LINE, v.CHROME, v.PARAGRAPH, v.LINE_BREAK}
_SPACE = " \t\u3000\u00a0\u2002\u2003"


def _all_inputs() -> list[str]:
    return [f"corpus/{name}" for name in corpus_names()] + ["examples/notice"]


def _read(name: str) -> bytes:
    folder, stem = name.split("/")
    return ((CORPUS if folder == "corpus" else EXAMPLES) / f"{stem}.txt").read_bytes()


def _own_text(block) -> str:
    """The text of a block's own line (a title's first part, without the parts after its lb)."""
    if local(block) == v.TITLE:
        return block.text or ""
    if local(block) == v.LINE_BREAK:
        return block.tail or ""
    return text_of(block)


def _check_places(data: bytes) -> int:
    return _check_document(converter.parse_bytes(data, name="input.txt"), decode(data).text.split("\n"))


def _check_document(document, lines: list[str]) -> int:
    checked = 0
    for region in (v.FRONT, v.BODY, v.BACK):
        for element in document.root.find(v.q(region)).iter():
            name = local(element)
            parent_name = local(element.getparent())
            is_block = name in _BLOCKS and not (name == v.CHROME and parent_name == v.PARAGRAPH)
            if name in (v.FRONT, v.BODY, v.BACK, v.MEETING):
                continue
            if is_block:
                line = element.get("line")
                assert line is not None, f"{name} has no line"
                if name != v.METADATA:
                    source = lines[int(line) - 1]
                    if element.get("start") is not None:  # only part of its line
                        source = source[int(element.get("start")) : int(element.get("end"))]
                    assert _own_text(element) == source.strip(_SPACE), (name, line)
            else:
                block = element.getparent()
                while block.get("line") is None:
                    block = block.getparent()
                source = lines[int(block.get("line")) - 1]
                start, end = int(element.get("start")), int(element.get("end"))
                assert source[start:end] == text_of(element), (name, block.get("line"), start, end)
            checked += 1
    return checked


@pytest.mark.parametrize("name", _all_inputs())
def test_every_element_points_at_its_text_in_the_input(name, corpus_available):
    assert _check_places(_read(name)) > 0


def test_offsets_count_from_the_start_of_the_input_line_with_its_indent():
    data = "标题:某局召开专题会议\n\n\u3000\u30003月5日,某局召开专题会议。局长张三主持会议。\n".encode("utf-8")
    assert _check_places(data) >= 3
    document = converter.parse_bytes(data)
    date = document.root.find(f".//{v.q(v.DATE)}")
    assert (date.get("start"), date.get("end")) == ("2", "6")
    assert date.getparent().get("line") == "3"


def test_the_seed_meeting_statement_is_line_9_and_the_json_repeats_the_places():
    data = (EXAMPLES / "notice.txt").read_bytes()
    lines = data.decode("utf-8").split("\n")
    document = converter.parse_bytes(data, name="examples/notice.txt")
    first = document.root.find(f".//{v.q(v.SECTION)}")
    assert first.getparent().get("line") == "9"
    summary = json.loads(converter.export(document, "json"))
    meeting = summary["meetings"][0]
    for person in meeting["persons"]:
        for mention in person["mentions"]:
            assert person["name"] in lines[mention["line"] - 1][mention["start"] : mention["end"]]
    for section in meeting["sections"]:
        assert lines[section["line"] - 1][section["start"] :].startswith(section["marker"])
        for item in section["items"]:
            assert lines[item["line"] - 1][item["start"] : item["end"]] == item["text"]
    date = meeting["date"]
    assert lines[date["line"] - 1][date["start"] : date["end"]] == date["text"]
    assert all(lines[b["line"] - 1].strip() == b["text"] for b in summary["blocks"] if b["type"] != "metadata")


@given(report_texts.filter(lambda t: t.strip()))
def test_places_hold_for_generated_reports(text):
    try:
        document = converter.parse(text)
    except converter.InputError:
        return  # nothing but characters XML cannot hold
    _check_document(document, clean(text).text.split("\n"))


def test_a_headline_glued_to_the_lead_points_at_its_own_characters():
    # One input line holding the headline and the lead: each block says which part is its own.
    data = "某县召开春耕生产动员会 3月2日上午,某县召开春耕生产动员会。县长李四主持会议。\n".encode("utf-8")
    document = converter.parse_bytes(data)
    line = data.decode("utf-8").split("\n")[0]
    title = document.root.find(f".//{v.q(v.TITLE)}")
    assert (title.get("line"), title.get("start"), title.get("end")) == ("1", "0", str(len("某县召开春耕生产动员会")))
    assert _check_places(data) >= 3
    assert line[int(title.get("start")) : int(title.get("end"))] == title.text
