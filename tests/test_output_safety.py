"""Safe output (issue 5, item 4): a run killed mid-write leaves the old file or the new one.

The kill tests watch the writing process's open files in /proc and send SIGKILL only once the
output is open and partly written, so each one proves an interruption in the middle of a write,
not before or after it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from converter.errors import OutputError
from converter.output import write_atomically

from .conftest import CORPUS, EXAMPLES

OLD = b"the previous output, which must survive an interrupted run\n"

_WRITER = """
import sys
from pathlib import Path
from converter.output import write_atomically
write_atomically(Path(sys.argv[1]), b"N" * int(sys.argv[2]))
"""


def _open_output_size(pid: int, folder: Path) -> int | None:
    """The size of the file `pid` has open in `folder` for writing, None while it has none."""
    try:
        entries = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return None
    for entry in entries:
        try:
            link = os.readlink(f"/proc/{pid}/fd/{entry}")
            if link.startswith(str(folder) + "/"):
                return os.stat(f"/proc/{pid}/fd/{entry}").st_size
        except OSError:
            continue
    return None


def kill_while_writing(command: list[str], folder: Path, total: int, cwd: Path) -> int:
    """Run `command`, SIGKILL it once its output in `folder` is partly written; the size then."""
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and process.poll() is None:
            size = _open_output_size(process.pid, folder)
            if size is not None and 0 < size < total:
                process.send_signal(signal.SIGKILL)
                process.wait()
                return size
        pytest.fail(f"never caught the write in progress (exit {process.poll()}): {process.stderr.read()[-2000:]!r}")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stderr.close()


def visible_files(folder: Path) -> set[str]:
    return set(os.listdir(folder))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see the write in progress")
def test_killed_writer_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()
    target.write_bytes(OLD)
    total = 400 * 1024 * 1024
    for _ in range(3):  # three kills, each at whatever point the write had reached
        written = kill_while_writing([sys.executable, "-c", _WRITER, str(target), str(total)], target.parent, total, tmp_path)
        assert 0 < written < total
        assert target.read_bytes() == OLD
        assert visible_files(target.parent) == {"report.pdf"}, "a temporary file was left behind"


def test_completed_write_replaces_the_old_file_whole(tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes(OLD)
    run = subprocess.run([sys.executable, "-c", _WRITER, str(target), str(10 * 1024 * 1024)], timeout=60)
    assert run.returncode == 0
    assert target.read_bytes() == b"N" * (10 * 1024 * 1024)
    assert visible_files(tmp_path) == {"report.pdf"}


def test_output_mode_follows_the_umask_like_any_new_file(tmp_path):
    previous = os.umask(0o022)
    try:
        write_atomically(tmp_path / "a.xml", b"<a/>")
    finally:
        os.umask(previous)
    assert (tmp_path / "a.xml").stat().st_mode & 0o777 == 0o644


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see the write in progress")
def test_command_killed_mid_write_leaves_the_old_output(tmp_path):
    text = (CORPUS / "seed.txt").read_text(encoding="utf-8") if CORPUS.is_dir() else (EXAMPLES / "notice.txt").read_text(encoding="utf-8")
    source = tmp_path / "big.txt"
    source.write_text(text * (6 * 1024 * 1024 // len(text.encode())), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    target = out / "big.xml"
    target.write_bytes(OLD)
    command = [sys.executable, "-m", "converter", str(source), "--to", "xml", "-o", str(target), "--max-size", "50"]
    written = kill_while_writing(command, out, 10**12, tmp_path)
    assert written > 0
    assert target.read_bytes() == OLD
    assert visible_files(out) == {"big.xml"}
    finished = subprocess.run(command, cwd=tmp_path, capture_output=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    assert target.read_bytes().startswith(b"<?xml") and target.read_bytes().rstrip().endswith(b"</notice>")
    assert visible_files(out) == {"big.xml"}


# --------------------------------------------------------------------- never over the input


def run_convert(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "converter", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("spelling", ["notice.txt", "./notice.txt", "sub/../notice.txt", "{abs}", "link.txt"])
def test_output_equal_to_the_input_is_refused_and_the_input_untouched(tmp_path, spelling):
    source = tmp_path / "notice.txt"
    source.write_bytes((EXAMPLES / "notice.txt").read_bytes())
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.txt").symlink_to(source)
    before = source.read_bytes()
    run = run_convert("notice.txt", "--to", "xml", "-o", spelling.replace("{abs}", str(source)), cwd=tmp_path)
    assert run.returncode == OutputError.exit_code, run.stderr
    assert "input" in run.stderr and "Traceback" not in run.stderr
    assert source.read_bytes() == before
    assert (tmp_path / "link.txt").is_symlink()


# --------------------------------------------------------------------- unwritable targets (as root too)


@pytest.mark.parametrize(
    "target, words",
    [
        ("{file}/report.xml", "it is a file, not a folder"),
        ("{file}/deeper/report.xml", "cannot create the folder"),
        ("/proc/report.xml", "cannot write the output"),
        ("{folder}", "cannot write the output"),
    ],
    ids=["parent-is-a-file", "ancestor-is-a-file", "proc", "target-is-a-folder"],
)
def test_unwritable_target_is_a_clear_error(tmp_path, target, words):
    blocker = tmp_path / "blocker"
    blocker.write_text("a regular file")
    folder = tmp_path / "existing-folder"
    (folder / "inside").mkdir(parents=True)
    path = target.replace("{file}", str(blocker)).replace("{folder}", str(folder))
    with pytest.raises(OutputError) as caught:
        write_atomically(Path(path), b"<notice/>")
    assert words in str(caught.value) and path in str(caught.value)
    assert blocker.read_text() == "a regular file"
    assert (folder / "inside").is_dir()


def test_command_reports_an_unwritable_target_with_its_exit_code(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a regular file")
    (tmp_path / "notice.txt").write_bytes((EXAMPLES / "notice.txt").read_bytes())
    run = run_convert("notice.txt", "--to", "json", "-o", str(blocker / "notice.json"), cwd=tmp_path)
    assert run.returncode == OutputError.exit_code, run.stderr
    assert "not a folder" in run.stderr and "Traceback" not in run.stderr
    assert visible_files(tmp_path) == {"blocker", "notice.txt"}
