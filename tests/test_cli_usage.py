"""The command explains itself: help, names in any case, usage mistakes with suggestions,
terminals, where outputs went, and JSON Lines for many inputs."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS, EXAMPLES, corpus_names
from tests.webpages import page_bytes

SEED = (EXAMPLES / "notice.txt").read_bytes()


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "converter", *args], capture_output=True, cwd=cwd)


def run_on_terminal(*args: str, cwd: Path, stream: str) -> tuple[int, bytes]:
    """Run with standard output or standard error on a pseudo-terminal; what it printed there."""
    main, side = pty.openpty()
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, stream: side}
    process = subprocess.Popen([sys.executable, "-m", "converter", *args], cwd=cwd, **streams)
    os.close(side)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    process.communicate()
    os.close(main)
    return process.returncode, shown


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "notice.txt").write_bytes(SEED)
    (tmp_path / "second.txt").write_bytes(SEED)
    return tmp_path


def test_help_shows_the_conversion_first_with_its_choices(work):
    done = run("--help", cwd=work)
    assert done.returncode == 0
    text = done.stdout.decode()
    assert text.startswith("Usage: convert INPUT... --to FORMAT [-o OUT] [OPTIONS]")
    assert text.index("--to FORMAT") < text.index("Commands:") < text.index("validate")
    assert "xml, json, jsonl, docx, pdf" in text and "minutes (纪要)" in text
    assert "<" not in text.split("Commands:")[0]  # no "<list[Path]>" type names


@pytest.mark.parametrize("args", [["--to", "DOCX", "--layout", "Minutes"], ["--to", "Docx", "--layout", "纪要"]])
def test_format_and_layout_names_ignore_case_and_take_纪要(work, args):
    done = run("notice.txt", *args, "-o", "out.docx", cwd=work)
    assert done.returncode == 0, done.stderr
    assert (work / "out.docx").read_bytes().startswith(b"PK")


@pytest.mark.parametrize(
    "args, says",
    [
        (["notice.txt", "--to", "pfd"], "did you mean pdf?"),
        (["notice.txt", "--to", "docx", "--layout", "minuts"], "did you mean minutes?"),
        (["notice.txt", "--too", "pdf"], "did you mean --to?"),
        (["valdate", "notice.xml"], "did you mean validate?"),
        (["notice.txt", "--font", "nonsense"], "ROLE=FACE"),
        (["notice.txt", "--jobs", "0"], "1 or more"),
    ],
    ids=["format", "layout", "option", "command", "font", "jobs"],
)
def test_every_usage_mistake_exits_2_and_says_what_was_meant(work, args, says):
    done = run(*args, cwd=work)
    assert done.returncode == 2, done.stderr
    assert says in done.stderr.decode()
    assert "Usage: convert INPUT..." in done.stderr.decode() and "convert to" not in done.stderr.decode()


def test_several_inputs_and_an_output_that_looks_like_a_file_is_an_error(work):
    done = run("notice.txt", "second.txt", "--to", "json", "-o", "one.json", cwd=work)
    assert done.returncode == 2 and b"one.json" in done.stderr
    assert not (work / "one.json").exists()
    assert run("notice.txt", "second.txt", "--to", "json", "-o", "outputs/", cwd=work).returncode == 0
    assert sorted(p.name for p in (work / "outputs").iterdir()) == ["notice.json", "second.json"]


def test_a_binary_format_is_not_written_to_a_terminal(work):
    code, shown = run_on_terminal("notice.txt", "--to", "pdf", "-o", "-", cwd=work, stream="stdout")
    assert code == 2
    assert b"%PDF" not in shown


def test_on_a_terminal_each_success_says_where_it_went_unless_quiet(work):
    code, shown = run_on_terminal("notice.txt", "second.txt", "--to", "json", "-o", "out/", "--jobs", "1", cwd=work, stream="stderr")
    assert code == 0
    assert "notice.txt -> out/notice.json" in shown.decode() and "second.txt -> out/second.json" in shown.decode()
    code, shown = run_on_terminal("notice.txt", "--to", "json", "-o", "quiet.json", "--quiet", cwd=work, stream="stderr")
    assert code == 0 and shown == b""
    assert b" -> " not in run("notice.txt", "--to", "json", cwd=work).stderr  # not a terminal


def test_json_lines_has_one_line_per_input_in_order_with_failures_as_lines(work):
    (work / "page.html").write_bytes(page_bytes("gov-gbk", SEED.decode("utf-8")))
    (work / "empty.txt").write_bytes(b"")
    done = run("notice.txt", "empty.txt", "page.html", "missing.txt", "--to", "jsonl", "-o", "all.jsonl", cwd=work)
    assert done.returncode == 1
    lines = [json.loads(line) for line in (work / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [line["provenance"]["file"] for line in lines] == ["notice.txt", "empty.txt", "page.html", "missing.txt"]
    assert lines[0]["title"] == lines[2]["title"] == "国家知识产权局召开传达学习贯彻党的二十大精神大会"
    assert lines[2]["provenance"]["media-type"] == "text/html"
    assert lines[1]["error"]["exit-code"] == 3 and "empty" in lines[1]["error"]["message"]
    assert lines[3]["error"]["exit-code"] == 3
    streamed = run("notice.txt", "page.html", "--to", "jsonl", "-o", "-", cwd=work)
    assert streamed.returncode == 0
    assert [json.loads(line)["provenance"]["file"] for line in streamed.stdout.splitlines()] == ["notice.txt", "page.html"]


def test_json_lines_of_the_corpus_folder_is_one_line_per_text_in_order(tmp_path, corpus_available):
    done = run(str(CORPUS), "--to", "jsonl", "-o", "all.jsonl", "--jobs", "2", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    files = [json.loads(line)["provenance"]["file"] for line in (tmp_path / "all.jsonl").open(encoding="utf-8")]
    assert [Path(f).stem for f in files] == corpus_names()


def test_json_lines_of_several_inputs_needs_an_output(work):
    done = run("notice.txt", "second.txt", "--to", "jsonl", cwd=work)
    assert done.returncode == 2 and b"-o FILE.jsonl" in done.stderr


def test_the_time_of_conversion_only_on_request(work):
    plain = [run("notice.txt", "--to", "json", "-o", "-", cwd=work).stdout for _ in range(2)]
    assert plain[0] == plain[1] and json.loads(plain[0])["provenance"]["converted"] is None
    stamped = json.loads(run("notice.txt", "--to", "json", "-o", "-", "--record-time", cwd=work).stdout)
    assert stamped["provenance"]["converted"].endswith("Z")
