"""Bytes to text: encodings, line endings, characters XML cannot hold, non-text input."""

from __future__ import annotations

import codecs

import pytest

import converter
from converter.reading import decode

REPORT = "某局召开会议\r\n3月1日,某局召开会议。会议强调,要抓落实。\r\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (REPORT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + REPORT.encode("utf-8"), "utf-8-sig"),
        (REPORT.encode("gbk"), "gb18030"),
        (REPORT.encode("gb18030"), "gb18030"),
        (REPORT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"), "utf-16"),
    ],
)
def test_encodings_decode_to_the_same_text(data, encoding):
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert decoded.text == REPORT.replace("\r\n", "\n")


def test_lone_cr_line_endings_become_lf():
    assert decode("甲\r乙\r\n丙".encode()).text == "甲\n乙\n丙"


def test_control_characters_are_dropped_and_counted():
    decoded = decode("某局\x00召开\x07会议。\x1b".encode())
    assert decoded.text == "某局召开会议。"
    assert decoded.warnings == ["dropped 3 control character(s) that XML 1.0 cannot hold"]
    document = converter.parse_bytes("某局\x00召开会议。".encode())
    assert document.warnings and converter.validate(document) == []


@pytest.mark.parametrize(
    "data, words",
    [
        (b"", "empty"),
        (b"  \n\t\r\n ", "empty"),
        (b"%PDF-1.7\n...", "PDF"),
        (b"\x89PNG\r\n\x1a\n....", "PNG"),
        (b"PK\x03\x04....", "ZIP"),
        (bytes(range(256)) * 4, "not UTF-8"),
        (b"\x00\x01\x02\x03" * 100, "control characters"),
    ],
)
def test_not_a_report_is_a_clear_input_error(data, words):
    with pytest.raises(converter.InputError) as caught:
        decode(data)
    assert words in str(caught.value)
    assert caught.value.exit_code == 3


def test_undecodable_error_names_the_line():
    with pytest.raises(converter.InputError) as caught:
        decode("第一行\n".encode("utf-8") + b"\xff\xfe\xfd\x80\x81 bad")
    assert "line 2" in str(caught.value)


def test_size_limit_is_a_distinct_error():
    with pytest.raises(converter.InputTooLargeError) as caught:
        decode(b"a" * 101, max_bytes=100)
    assert caught.value.exit_code == 4 and "--max-size" in str(caught.value)
