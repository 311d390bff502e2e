"""The `convert` command end to end, in a subprocess, as a user runs it (issue 2's CLI)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

SEED = (EXAMPLES / "notice.txt").read_bytes()


def run(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "converter", *args], capture_output=True, cwd=cwd, input=stdin)


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "notice.txt").write_bytes(SEED)
    return tmp_path


def test_json_to_standard_output(work):
    done = run("notice.txt", "--to", "json", "-o", "-", cwd=work)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["meetings"][0]["date"]["value"] == "2022-10-24"
    assert not list(work.glob("*.json"))


def test_default_output_is_beside_the_input_and_xml_input_is_re_exported(work):
    assert run("notice.txt", "--to", "xml", cwd=work).returncode == 0
    assert (work / "notice.xml").read_bytes().startswith(b"<?xml")
    assert run("notice.xml", "--to", "json", cwd=work).returncode == 0
    assert json.loads((work / "notice.json").read_text(encoding="utf-8"))["title"]
    refused = run("notice.xml", "--to", "xml", cwd=work)
    assert refused.returncode == 8 and b"input file" in refused.stderr


def test_validate_lists_problems_with_line_and_path(work):
    assert run("notice.txt", "--to", "xml", cwd=work).returncode == 0
    good = run("validate", "notice.xml", cwd=work)
    assert good.returncode == 0 and b"valid" in good.stdout
    text = (work / "notice.xml").read_text(encoding="utf-8")
    (work / "bad.xml").write_text(text.replace('action="主持 讲话"', 'action="跳舞"'), encoding="utf-8")
    bad = run("validate", "bad.xml", "notice.xml", cwd=work)
    assert bad.returncode == 5
    first = bad.stdout.decode().splitlines()[0]
    assert first.startswith("bad.xml:") and "/" in first and "跳舞" in first


@pytest.mark.parametrize(
    "content, code",
    [(b"", 3), (b"\x89PNG\r\n\x1a\n" + bytes(100), 3), (b"\xff\xfe\xfd" * 10 + b"\x81", 3)],
)
def test_bad_input_is_a_clear_error_with_its_code_and_no_output(work, content, code):
    (work / "bad.txt").write_bytes(content)
    done = run("bad.txt", "--to", "json", cwd=work)
    assert done.returncode == code
    assert done.stderr.decode().startswith("error: bad.txt")
    assert b"Traceback" not in done.stderr
    assert not (work / "bad.json").exists()


def test_control_characters_warn_on_stderr(work):
    (work / "ctl.txt").write_bytes(SEED.replace("。".encode(), "。\x07".encode(), 1))
    done = run("ctl.txt", "--to", "json", cwd=work)
    assert done.returncode == 0
    assert b"warning: dropped 1 control character" in done.stderr


def test_strict_fails_when_the_parser_guessed(work):
    # The seed's meeting year comes from its publication date: a guess.
    assert run("notice.txt", "--to", "json", "--strict", cwd=work).returncode == 6
    (work / "plain.txt").write_text("这是一段与会议无关的文字。", encoding="utf-8")
    assert run("plain.txt", "--to", "json", "--strict", cwd=work).returncode == 6
    (work / "sure.txt").write_text("2024年3月5日,局长张三主持会议。会议强调,要抓落实。", encoding="utf-8")
    assert run("sure.txt", "--to", "json", "--strict", cwd=work).returncode == 0


def test_formats_schema_version(work):
    assert b"json" in run("formats", cwd=work).stdout
    assert run("schema", cwd=work).stdout.startswith(b"<?xml")
    assert json.loads(run("schema", "--json", cwd=work).stdout)["$schema"].startswith("https://json-schema.org/")
    assert run("--version", cwd=work).stdout.startswith(b"notice-converter ")
    assert b"Exit codes" in run("--help", cwd=work).stdout


def test_unknown_format_is_a_usage_error_with_a_suggestion(work):
    done = run("notice.txt", "--to", "nope", cwd=work)
    assert done.returncode == 2 and b"unknown format" in done.stderr
    done = run("notice.txt", "--to", "pfd", cwd=work)
    assert done.returncode == 2 and b"did you mean pdf?" in done.stderr
