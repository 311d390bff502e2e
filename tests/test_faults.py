"""Faults an operator meets (issue 15): inputs that are not files, limits, odd names, closed streams.

Each test drives the command or the library the way the fault was met, with a deadline, so a
hang fails the test instead of stalling the suite.
"""

from __future__ import annotations

import itertools
import json
import os
import resource
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import converter
from converter.errors import InputError, InputTooLargeError, InvalidDocumentError
from converter.output import write_atomically
from tests.conftest import EXAMPLES

SEED = EXAMPLES / "notice.xml"
DEADLINE = 30


def run(*args: str, cwd: Path, **options) -> subprocess.CompletedProcess:
    options.setdefault("capture_output", True)
    return subprocess.run([sys.executable, "-m", "converter", *args], cwd=cwd, timeout=DEADLINE, **options)


# --- inputs that are not regular files: refused unopened, never waited on -------------------------


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


def test_a_fifo_is_refused_by_convert_without_waiting(fifo: Path, tmp_path: Path):
    result = run(str(fifo), "--to", "json", cwd=tmp_path)
    assert result.returncode == InputError.exit_code
    assert b"named pipe (FIFO), not a file" in result.stderr and b"pipe.txt" in result.stderr


def test_a_fifo_is_refused_by_validate_without_waiting(fifo: Path, tmp_path: Path):
    result = run("validate", str(fifo), cwd=tmp_path)
    assert result.returncode == InputError.exit_code
    assert b"named pipe (FIFO)" in result.stderr


def test_a_fifo_inside_a_folder_fails_alone_and_the_batch_goes_on(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notice.txt").write_bytes((EXAMPLES / "notice.txt").read_bytes())
    os.mkfifo(folder / "pipe.txt")
    result = run(str(folder), "--to", "xml", "-o", str(tmp_path / "out"), "--jobs", "1", cwd=tmp_path)
    assert result.returncode == 1
    assert b"pipe.txt: this is a named pipe (FIFO)" in result.stderr
    assert (tmp_path / "out" / "notice.xml").is_file()
    assert not (tmp_path / "out" / "pipe.xml").exists()


def _timed_out(signum, frame):
    raise TimeoutError("waited on the FIFO")


def test_a_fifo_is_never_opened_for_reading(fifo: Path):
    # A writer opening the FIFO without blocking fails (ENXIO) exactly when no reader has it open.
    previous = signal.signal(signal.SIGALRM, _timed_out)
    signal.alarm(10)  # opening it for reading would wait for a writer: fail, do not hang
    try:
        with pytest.raises(InputError, match="named pipe"):
            converter.load(fifo)
        with pytest.raises(InputError, match="named pipe"):
            converter.validate(fifo)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    with pytest.raises(OSError) as no_reader:
        os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    assert no_reader.value.errno == 6  # ENXIO


@pytest.mark.parametrize("command", [(), ("validate",)])
def test_dev_zero_is_refused_not_read_forever(command: tuple[str, ...], tmp_path: Path):
    result = run(*command, "/dev/zero", cwd=tmp_path)
    assert result.returncode == InputError.exit_code
    assert b"/dev/zero: this is a character device" in result.stderr


def test_load_and_validate_refuse_a_device_and_a_folder(tmp_path: Path):
    for call in (converter.load, converter.validate):
        with pytest.raises(InputError, match="character device"):
            call(Path("/dev/zero"))
        with pytest.raises(InputError, match="a folder"):
            call(tmp_path)
        with pytest.raises(InputError, match="no such file"):
            call(tmp_path / "missing.xml")


# --- size limits that bound what is read ------------------------------------------------------------


@pytest.fixture
def huge_sparse(tmp_path: Path) -> Path:
    """A 2 GiB file that takes no disk: reading it whole would show in the peak memory."""
    path = tmp_path / "huge.xml"
    with path.open("wb") as stream:
        stream.write(b"<?xml version='1.0'?>")
        stream.truncate(2 * 1024**3)
    return path


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_load_and_validate_read_no_further_than_the_limit(huge_sparse: Path):
    before = _peak_mb()
    for call in (converter.load, converter.validate):
        with pytest.raises(InputTooLargeError, match="over the limit of 1,000,000 bytes"):
            call(huge_sparse, max_bytes=1_000_000)
        with pytest.raises(InputTooLargeError, match="over the limit of 20,971,520 bytes"):
            call(huge_sparse)  # the default limit, as for parse_bytes
    assert _peak_mb() - before < 200


def test_load_honours_the_limit_for_bytes_too():
    data = SEED.read_bytes()
    assert converter.load(data, max_bytes=len(data)).root is not None
    with pytest.raises(InputTooLargeError):
        converter.load(data, max_bytes=len(data) - 1)
    with pytest.raises(InputTooLargeError):
        converter.validate(data, max_bytes=len(data) - 1)


def test_validate_command_has_a_size_limit(huge_sparse: Path, tmp_path: Path):
    result = run("validate", str(huge_sparse), cwd=tmp_path)
    assert result.returncode == InputTooLargeError.exit_code
    assert b"over the limit of 20,971,520 bytes" in result.stderr
    small = run("validate", "--max-size", "0", str(SEED), cwd=tmp_path)
    assert small.returncode == InputTooLargeError.exit_code
    assert run("validate", "--max-size", "1", str(SEED), cwd=tmp_path).returncode == 0


@pytest.mark.parametrize("command", [(str(EXAMPLES / "notice.txt"),), ("validate", str(SEED))])
def test_a_negative_max_size_is_a_usage_error(command: tuple[str, ...], tmp_path: Path):
    result = run(*command, "--max-size", "-1", cwd=tmp_path)
    assert result.returncode == 2
    assert b"--max-size" in result.stderr and b"Traceback" not in result.stderr


# --- numbers past Python's int-string limit --------------------------------------------------------


def _with_long_numbers(digits: int) -> bytes:
    text = SEED.read_text(encoding="utf-8")
    assert 'value="1121"' in text and '<item n="1" ' in text
    number = "9" * digits
    return text.replace('value="1121"', f'value="{number}"').replace('<item n="1" ', f'<item n="0{number}" ').encode()


@pytest.mark.parametrize("format", ["json", "xml", "docx", "pdf"])
def test_numbers_of_5000_digits_export(format: str):
    document = converter.load(_with_long_numbers(5000))
    data = converter.export(document, format)
    assert data
    if format == "json":
        parsed = json.loads(data, parse_int=str)  # a JSON number, whatever its length
        assert parsed["metadata"]["views"] == "9" * 5000
        numbers = [item["n"] for m in parsed["meetings"] for s in m["sections"] for item in s["items"]]
        assert "9" * 5000 in numbers  # canonical: the leading zero is gone, as for a short number
        assert b'"\\u0000' not in data


def test_short_numbers_stay_ints():
    document = converter.load(SEED.read_bytes())
    parsed = json.loads(converter.export(document, "json"))
    numbers = [item["n"] for m in parsed["meetings"] for s in m["sections"] for item in s["items"]]
    assert numbers and all(isinstance(n, int) for n in numbers)


# --- a lone surrogate in UTF-16 ---------------------------------------------------------------------


@pytest.mark.parametrize("bom, codec", [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"), (b"", "utf-16-le")])
def test_a_lone_surrogate_in_utf16_is_dropped_with_a_warning(bom: bytes, codec: str):
    before, after = "会议由张三主持。\n", "会议指出，要加强学习。\n"
    data = bom + before.encode(codec) + "\ud800".encode(codec, "surrogatepass") + after.encode(codec)
    document = converter.parse_bytes(data)
    assert not converter.validate(document)
    assert any("dropped 1" in warning for warning in document.warnings)
    text = "".join(document.root.itertext())
    assert "张三" in text and "加强学习" in text


# --- long output names -------------------------------------------------------------------------------


@pytest.mark.parametrize("named_temporary", [False, True])
def test_an_output_name_of_250_bytes_is_written(tmp_path: Path, monkeypatch, named_temporary: bool):
    if named_temporary:  # the fallback where O_TMPFILE is missing: a hidden named file
        monkeypatch.setattr("converter.output._unnamed_file", lambda folder: (None, None))
    target = tmp_path / ("会" * 82 + ".pdf")  # 250 bytes in UTF-8
    assert len(os.fsencode(target.name)) == 250
    write_atomically(target, b"data")
    assert target.read_bytes() == b"data"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_converting_a_file_with_a_long_name_beside_itself(tmp_path: Path):
    source = tmp_path / ("会" * 81 + ".txt")  # 247 bytes; the output's name 248
    source.write_bytes((EXAMPLES / "notice.txt").read_bytes())
    result = run(str(source), "--to", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert source.with_suffix(".json").is_file()


# --- standard output closed or full -----------------------------------------------------------------


def _stdout_closed():
    os.close(1)


@pytest.mark.parametrize("command", [("--to", "json", "-o", "-"), ("schema",), ("validate",)])
def test_a_closed_standard_output_is_an_output_error(command: tuple[str, ...], tmp_path: Path):
    arguments = [*command, str(SEED if "validate" in command else EXAMPLES / "notice.txt")]
    if command == ("schema",):
        arguments = ["schema"]
    result = subprocess.run([sys.executable, "-m", "converter", *arguments], cwd=tmp_path, timeout=DEADLINE,
                            stderr=subprocess.PIPE, preexec_fn=_stdout_closed)
    assert result.returncode == 8, result.stderr
    assert b"cannot write to standard output" in result.stderr and b"Traceback" not in result.stderr


@pytest.mark.parametrize("command", [("--to", "json", "-o", "-"), ("validate",)])
def test_a_full_standard_output_is_an_output_error(command: tuple[str, ...], tmp_path: Path):
    arguments = [*command, str(SEED if "validate" in command else EXAMPLES / "notice.txt")]
    with open("/dev/full", "wb") as full:
        result = run(*arguments, cwd=tmp_path, stdout=full, stderr=subprocess.PIPE, capture_output=False)
    assert result.returncode == 8, result.stderr
    assert b"No space left on device" in result.stderr and b"Traceback" not in result.stderr


def test_converting_to_a_file_needs_no_standard_output(tmp_path: Path):
    result = subprocess.run([sys.executable, "-m", "converter", str(EXAMPLES / "notice.txt"), "--to", "json",
                             "-o", str(tmp_path / "out.json")], timeout=DEADLINE, stderr=subprocess.PIPE,
                            preexec_fn=_stdout_closed)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.json").is_file()


# --- <!ENTITY as text -------------------------------------------------------------------------------


def test_entity_written_in_a_comment_is_not_refused():
    text = SEED.read_text(encoding="utf-8")
    for hidden in ('<!-- <!ENTITY x SYSTEM "file:///etc/passwd"> -->', '<!-- <!DOCTYPE notice> -->'):
        document = converter.load(text.replace("?>", "?>\n" + hidden, 1).encode())
        assert converter.validate(document) == []
        after_root = text.replace("</notice>", hidden + "</notice>")
        assert converter.validate(after_root.encode()) == []


def test_a_doctype_after_comments_and_instructions_is_still_refused():
    for prolog in ("<!-- a -->\n<?pi <!-- ?>", "\n \t<!-- <!ENTITY -->", "<?xml version='1.0'?><!--x-->"):
        with pytest.raises(InvalidDocumentError, match="declares a DTD"):
            converter.load(f'{prolog}<!DOCTYPE n [<!ENTITY e "x">]><n>&e;</n>'.encode())


# --- file names shown to a terminal ----------------------------------------------------------------


def test_control_characters_in_file_names_are_escaped(tmp_path: Path):
    name = "a\x1b[2Jb\nc\u202e.txt"
    (tmp_path / name).write_bytes(b"\0" * 100)  # a binary file: an error that names it
    result = run(name, "--to", "json", cwd=tmp_path)
    assert result.returncode == InputError.exit_code
    assert b"\x1b" not in result.stderr and "\u202e".encode() not in result.stderr
    assert b"a\\x1b[2Jb\\x0ac\\u202e.txt" in result.stderr
    assert result.stderr.count(b"\n") == 1
    validated = run("validate", name, cwd=tmp_path)
    assert b"\x1b" not in validated.stderr + validated.stdout
    assert b"a\\x1b[2Jb\\x0ac\\u202e.txt" in validated.stderr


def test_a_name_that_is_not_utf8_is_shown_as_its_bytes(tmp_path: Path):
    name = os.fsdecode(b"bad\xff.xml")
    (tmp_path / name).write_bytes(SEED.read_bytes())
    result = run("validate", name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == b"bad\\xff.xml: valid\n"


# --- discovery: link loops, deep trees ---------------------------------------------------------------


@pytest.fixture
def tangled(tmp_path: Path) -> Path:
    """Reports beside a link that loops on itself, links back up the tree, and a FIFO."""
    root = tmp_path / "tangled"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "one.txt").write_bytes((EXAMPLES / "notice.txt").read_bytes())
    (root / "two.txt").write_bytes((EXAMPLES / "notice.txt").read_bytes())
    (root / "loop.txt").symlink_to("loop.txt")
    for name, up in (("up", ".."), ("top", "../.."), ("root", str(root))):
        (root / "a" / "b" / name).symlink_to(up)
    (root / "a" / "again").symlink_to("b")
    return root


@pytest.mark.parametrize("named", ["folder", "pattern"])
def test_link_loops_are_reported_and_the_batch_goes_on(tangled: Path, named: str):
    source = "tangled" if named == "folder" else "tangled/**/*.txt"
    result = run(source, "--to", "xml", "-o", "out", "--jobs", "1", cwd=tangled.parent)
    assert result.returncode == 1, result.stderr
    assert b"tangled/loop.txt: cannot read: Too many levels of symbolic links" in result.stderr
    assert b"converted 2, failed 1" in result.stderr
    out = tangled.parent / "out"
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.xml")) == ["a/b/one.xml", "two.xml"]


def test_a_pattern_over_loops_matches_as_glob_would_without_them(tangled: Path):
    from converter.batch import discover

    os.unlink(tangled / "loop.txt")
    os.chdir(tangled.parent)
    for pattern, expected in (
        ("tangled/**/*.txt", ["tangled/a/b/one.txt", "tangled/two.txt"]),
        ("tangled/*.txt", ["tangled/two.txt"]),
        ("tangled/*/*/*.txt", ["tangled/a/b/one.txt"]),
        ("tangled/**/b/**/o*.txt", ["tangled/a/b/one.txt"]),
        ("tangled/**", ["tangled/a/b/one.txt", "tangled/two.txt"]),
    ):
        sources, problems = discover([pattern])
        assert [str(s.path) for s in sources] == expected, pattern
        assert not problems


@pytest.fixture
def deep(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "deep"
    folder.mkdir()
    at = os.open(folder, os.O_RDONLY)
    try:
        for _ in range(1000):  # by handle: the full path is longer than the shell would like
            os.mkdir("d", dir_fd=at)
            inner = os.open("d", os.O_RDONLY, dir_fd=at)
            os.close(at)
            at = inner
        report = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=at)
        os.write(report, (EXAMPLES / "notice.txt").read_bytes())
        os.close(report)
    finally:
        os.close(at)
    yield folder
    # pytest deletes old temporary folders with a recursive rmtree, which a 1,000-deep tree
    # overflows (RecursionError at the end of a later session): take both trees down here.
    for tree in (folder, tmp_path / "out"):
        if tree.exists():
            _remove_flattening(tree)


def _remove_flattening(folder: Path) -> None:
    """Delete a tree of any depth without recursion or deep paths: lift each sub-folder's entries
    up into `folder`, then remove the emptied sub-folder, until nothing is left."""
    fresh = (f"lifted-{n}" for n in itertools.count())
    while entries := os.listdir(folder):
        for entry in entries:
            path = folder / entry
            if path.is_dir() and not path.is_symlink():
                for inner in os.listdir(path):
                    target = next(name for name in fresh if not (folder / name).exists())
                    os.rename(path / inner, folder / target)
                path.rmdir()
            else:
                path.unlink()
    folder.rmdir()


@pytest.mark.parametrize("named", ["deep", "deep/**/*.txt"])
def test_a_tree_1000_folders_deep_is_searched_and_mirrored(deep: Path, named: str):
    result = run(named, "--to", "xml", "-o", "out", "--jobs", "1", cwd=deep.parent)
    assert result.returncode == 0, result.stderr[-2000:]
    assert _files_under(deep.parent / "out") == ["deep.xml"]


def _files_under(folder: Path) -> list[str]:
    """Names of the files under `folder`, at any depth (os.walk recurses: not 1,000 deep)."""
    names, todo = [], [os.open(folder, os.O_RDONLY)]
    while todo:
        at = todo.pop()
        for entry in os.listdir(at):
            if stat.S_ISDIR(os.stat(entry, dir_fd=at, follow_symlinks=False).st_mode):
                todo.append(os.open(entry, os.O_RDONLY, dir_fd=at))
            else:
                names.append(entry)
        os.close(at)
    return names


# --- memory: the JSON exporter streams, byte for byte what json.dumps would give ---------------------


def _json_documents():
    from copy import deepcopy

    from converter.vocabulary import q

    seed = converter.load(SEED.read_bytes())
    yield seed
    yield converter.parse((EXAMPLES / "notice.txt").read_text(encoding="utf-8"))
    bare = deepcopy(seed.root)  # no block at all: an empty "blocks" list
    for element in list(bare.iter(q("title"), q("metadata"), q("chrome"), q("p"))):
        if element.getparent() is not None and element.tag != q("title"):
            element.getparent().remove(element)
    yield converter.model.Document(bare)


@pytest.mark.parametrize("pretty", [True, False])
def test_streamed_json_is_what_json_dumps_gives(pretty: bool):
    from converter.summary import summarise

    for document in _json_documents():
        expected = json.dumps(summarise(document.root), ensure_ascii=False, indent=1 if pretty else None) + "\n"
        assert converter.export(document, "json", pretty=pretty) == expected.encode("utf-8")


def test_json_of_many_empty_paragraphs_stays_within_its_budget(tmp_path: Path):
    """1 MB of <p/> (262,144 blocks): ~370 bytes per input byte before, ~55 now; the budget 100."""
    text = SEED.read_text(encoding="utf-8")
    start, end = text.index("<body>") + len("<body>"), text.index("</body>")
    data = (text[:start] + '<meeting id="m1">' + "<p/>" * 262_144 + "</meeting>" + text[end:]).encode()
    (tmp_path / "p.xml").write_bytes(data)
    child = (
        "import resource, sys, converter\n"
        "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "document = converter.load(open(sys.argv[1], 'rb').read())\n"
        "out = converter.export(document, 'json')\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base)\n"
    )
    result = subprocess.run([sys.executable, "-c", child, str(tmp_path / "p.xml")], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    grown = int(result.stdout) * 1024
    assert grown < 100 * len(data), f"{grown / len(data):.0f} bytes per input byte"
