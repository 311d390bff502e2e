"""Broken text input (issue 5, item 2): each ends in a valid document or a clear error, in time.

Every input is parsed in a child process with a deadline and a 2 GiB address-space limit, so a
regular expression that backtracks, or a loop that grows quadratically, fails this test instead
of hanging the suite; the timeout is around the parser, not around the machine.
"""

from __future__ import annotations

import codecs
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from converter.errors import InputError, InputTooLargeError
from converter.reading import DEFAULT_MAX_BYTES

from .conftest import CORPUS

REPORT = "3月1日，某局召开会议。局长张三主持会议并讲话。\n会议强调，要抓落实。\n"

_CHILD = """
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
import converter
data = sys.stdin.buffer.read()
limit = int(sys.argv[1])
started = time.perf_counter()
try:
    document = converter.parse_bytes(data, max_bytes=limit if limit > 0 else None)
except converter.InputError as error:
    result = {"outcome": "error", "class": type(error).__name__, "message": str(error),
              "exit": error.exit_code}
else:
    result = {"outcome": "document", "problems": [str(p) for p in converter.validate(document)],
              "warnings": document.warnings, "text": document.text()[:200]}
result["seconds"] = time.perf_counter() - started
print(json.dumps(result))
"""


def parse_in_child(data: bytes, *, seconds: float = 60, max_bytes: int = DEFAULT_MAX_BYTES) -> dict:
    """The outcome of parse_bytes(data) in a bounded child: a document (with its problems) or an error."""
    try:
        run = subprocess.run(
            [sys.executable, "-c", _CHILD, str(max_bytes)], input=data, capture_output=True, timeout=seconds
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"parsing did not finish within {seconds} s (backtracking or quadratic growth?)")
    assert run.returncode == 0, run.stderr.decode(errors="replace")[-3000:]
    return json.loads(run.stdout)


def assert_valid_document(result: dict) -> dict:
    assert result["outcome"] == "document", result
    assert result["problems"] == [], result["problems"][:3]
    return result


def assert_clear_error(result: dict, words: str, error=InputError) -> dict:
    assert result["outcome"] == "error", result
    assert result["exit"] == error.exit_code
    assert words in result["message"], result["message"]
    return result


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


# --------------------------------------------------------------------- not a report at all


@pytest.mark.parametrize(
    "data, words",
    [
        (b"", "empty"),
        (" \t\r\n\u3000 ".encode() * 1000, "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "PNG"),
        (zip_bytes(), "DOCX"),
        (bytes(range(256)) * 64, "not UTF-8"),
        (b"\x01\x02\x03\x04\x05" * 2000, "control characters"),
    ],
    ids=["empty", "white-space", "pdf", "png", "zip", "all-bytes", "controls"],
)
def test_not_a_report_is_a_clear_error(data, words):
    assert_clear_error(parse_in_child(data), words)


def test_undecodable_error_names_the_line():
    data = ("第一行\n第二行\n").encode() + "Café".encode("latin-1") + b"\n"
    result = assert_clear_error(parse_in_child(data), "undecodable byte 0xe9")
    assert "line 3" in result["message"]


# --------------------------------------------------------------------- encodings, mixed and wrong


@pytest.mark.parametrize(
    "data, warning",
    [
        (REPORT.encode("gbk"), None),
        (REPORT.encode("gb18030"), None),
        (REPORT.encode("utf-16-le"), "UTF-16 without a byte-order mark"),
        (REPORT.encode("utf-16-be"), "UTF-16 without a byte-order mark"),
        (codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"), None),
        (REPORT.encode() + "局长李四出席会议。\n".encode("gbk") + REPORT.encode(), "read as GB18030 (line 3)"),
        (REPORT.encode()[:-3], "ends in the middle of a character"),
    ],
    ids=["gbk", "gb18030", "utf16le-no-bom", "utf16be-no-bom", "utf16-bom", "utf8-with-a-gbk-line", "truncated"],
)
def test_other_and_mixed_encodings_give_the_text_back(data, warning):
    result = assert_valid_document(parse_in_child(data))
    assert result["text"].startswith("3月1日，某局召开会议。局长张三主持会议并讲话。")
    if warning:
        assert any(warning in w for w in result["warnings"]), result["warnings"]


def test_big5_is_told_apart_from_gb18030():
    traditional = "3月1日，某局召開會議。局長張三主持會議並講話。\n"
    result = assert_valid_document(parse_in_child(traditional.encode("big5")))
    assert result["text"].startswith(traditional.strip())


# --------------------------------------------------------------------- characters XML cannot hold


def test_lone_surrogate_in_a_string_is_dropped_with_a_warning():
    import converter

    document = converter.parse(REPORT + "\ud800" + REPORT)
    assert converter.validate(document) == []
    assert "\ud800" not in document.text()
    assert any("dropped 1" in w for w in document.warnings)


def test_encoded_lone_surrogate_in_bytes_is_dropped_with_a_warning():
    result = assert_valid_document(parse_in_child(REPORT.encode() + b"\xed\xa0\x80" + REPORT.encode()))
    assert any("dropped 1" in w for w in result["warnings"])


def test_xml_forbidden_controls_are_dropped_and_counted():
    noisy = REPORT.replace("，", "\x00，\x0b").replace("。", "\x1f。\ufffe")
    result = assert_valid_document(parse_in_child(noisy.encode()))
    assert any("dropped 10" in w for w in result["warnings"]), result["warnings"]
    assert "\x00" not in result["text"]


# --------------------------------------------------------------------- size


def test_a_50_mb_file_is_refused_by_the_default_limit_with_a_clear_message():
    line = (CORPUS / "seed.txt").read_bytes() if CORPUS.is_dir() else REPORT.encode()
    data = line * (50 * 1024 * 1024 // len(line) + 1)
    result = assert_clear_error(parse_in_child(data, seconds=30), "over the limit", InputTooLargeError)
    assert "--max-size" in result["message"] and f"{DEFAULT_MAX_BYTES:,}" in result["message"]
    assert result["seconds"] < 1


def test_the_limit_is_configurable():
    data = REPORT.encode() * 1000
    assert_clear_error(parse_in_child(data, max_bytes=len(data) - 1), "over the limit", InputTooLargeError)
    assert_valid_document(parse_in_child(data, max_bytes=len(data)))


def run_convert(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "converter", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_command_max_size_names_the_file_and_the_option(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(REPORT.encode() * (2 * 1024 * 1024 // len(REPORT.encode()) + 1))
    run = run_convert(str(big), "--to", "json", "--max-size", "1", cwd=tmp_path)
    assert run.returncode == InputTooLargeError.exit_code, run.stderr
    assert "big.txt" in run.stderr and "--max-size" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "big.json").exists()
    assert run_convert(str(big), "--to", "json", "--max-size", "3", cwd=tmp_path).returncode == 0


def test_command_max_size_applies_to_xml_input_too(tmp_path):
    paragraphs = "".join(f"<p>第{i}段。</p>" for i in range(60_000))
    big = tmp_path / "big.xml"
    big.write_text(
        f'<notice xmlns="urn:notice-converter:notice:1" schema-version="1.0"><front/><body>'
        f'<meeting id="m1">{paragraphs}</meeting></body><back/></notice>',
        encoding="utf-8",
    )
    assert big.stat().st_size > 1024 * 1024
    run = run_convert(str(big), "--to", "json", "--max-size", "1", cwd=tmp_path)
    assert run.returncode == InputTooLargeError.exit_code, run.stderr


# --------------------------------------------------------------------- time on pathological text

REPETITIONS = {
    "single-5-MB-line": "会议认为，要加强学习。局长张三主持会议并讲话，" * (5 * 1024 * 1024 // 66),
    "会议会议×100000": "会议会议" * 100_000,
    "、×100000": "、" * 100_000,
    "主持×50000": "主持" * 50_000,
    "主持人×30000": "主持人" * 30_000,
    "张三、×50000": "张三、" * 50_000,
    "由…主持×20000": "由张三" * 20_000 + "主持",
    "（一）×50000": "（一）" * 50_000,
    "10月24日×30000": "10月24日" * 30_000,
    "会议指出，×30000": "会议指出，" * 30_000,
    "同志×100000": "同志" * 100_000,
    "来源：×50000": "来源：" * 50_000,
    "lines-of-一是×50000": "一是\n" * 50_000,
    "spaces-between×100000": "会 " * 100_000,
}


@pytest.mark.parametrize("name", list(REPETITIONS))
def test_pathological_repetition_ends_in_a_valid_document_in_time(name):
    result = assert_valid_document(parse_in_child(REPETITIONS[name].encode(), seconds=90))
    assert result["seconds"] < 60, result["seconds"]
