"""Hostile XML (issue 5, item 1): every payload is refused or neutralised with a clear error.

"No file read" is proven with a named pipe: opening a FIFO for reading wakes the writer waiting
on it, so a parser that as much as opened the path is caught (and a parser that tried to read it
would hang, which the deadline catches). "No network" is proven with a listening socket on the
loopback address: any connection attempt is queued there and found afterwards. "Bounded memory"
is proven by running the bombs in a child process under an address-space limit.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import converter
from converter.errors import InvalidDocumentError
from converter.schema import parse_xml

NAMESPACE = "urn:notice-converter:notice:1"
SECRET = "SECRET-3f9c2a-do-not-leak"


def valid_notice() -> str:
    document = converter.parse("10月24日，局长张三主持会议。会议认为,要学习。")
    return converter.export(document, "xml").decode("utf-8")


def notice_root(inner: str = "") -> str:
    return f'<notice xmlns="{NAMESPACE}" schema-version="1.0"><front/><body>{inner}</body><back/></notice>'


class Fifo:
    """A named pipe whose opening by anyone else is noticed."""

    def __init__(self, folder: Path):
        self.path = folder / "watched.fifo"
        os.mkfifo(self.path)
        self.opened = threading.Event()
        self._thread = threading.Thread(target=self._wait_for_reader, daemon=True)
        self._thread.start()

    def _wait_for_reader(self) -> None:
        descriptor = os.open(self.path, os.O_WRONLY)  # blocks until a reader opens the pipe
        self.opened.set()
        os.close(descriptor)

    def close(self) -> None:
        if not self.opened.is_set():
            # Open the reading end ourselves, only to release the waiting thread.
            descriptor = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
            self._thread.join(timeout=5)
            os.close(descriptor)


class Listener:
    """A TCP socket on the loopback address that records whether anything connected."""

    def __init__(self):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(8)
        self.url = "http://127.0.0.1:%d" % self.socket.getsockname()[1]

    def was_contacted(self) -> bool:
        self.socket.settimeout(0.3)
        try:
            connection, _ = self.socket.accept()
        except socket.timeout:
            return False
        connection.close()
        return True

    def close(self) -> None:
        self.socket.close()


@pytest.fixture
def fifo(tmp_path):
    watched = Fifo(tmp_path)
    yield watched
    watched.close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


@pytest.fixture
def secret_file(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def within(seconds: float, action):
    """Run `action` in a thread; fail (rather than hang the suite) when it takes too long."""
    outcome: dict = {}

    def run():
        try:
            outcome["value"] = action()
        except BaseException as error:  # handed back to the test below
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        pytest.fail(f"still running after {seconds} s (a file or network read would block here)")
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def refused(data: bytes) -> InvalidDocumentError:
    with pytest.raises(InvalidDocumentError) as caught:
        within(10, lambda: parse_xml(data, source="payload.xml"))
    assert "payload.xml" in str(caught.value)
    return caught.value


# --------------------------------------------------------------------- external entities


def test_external_file_entity_is_refused_and_the_file_never_opened(fifo, secret_file):
    for target in (fifo.path, secret_file):
        payload = f'<?xml version="1.0"?><!DOCTYPE notice [<!ENTITY x SYSTEM "file://{target}">]>' + notice_root("&x;")
        error = refused(payload.encode())
        assert "DTD or entities" in str(error) and SECRET not in str(error)
    assert not fifo.opened.is_set()


def test_external_entity_in_utf16_slips_past_the_byte_search_and_is_still_refused(fifo, secret_file):
    payload = (
        f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE notice [<!ENTITY x SYSTEM "file://{fifo.path}">'
        f'<!ENTITY y SYSTEM "file://{secret_file}">]>' + notice_root("&x;&y;")
    ).encode("utf-16")
    assert b"<!DOCTYPE" not in payload.upper()  # the pre-scan cannot see it
    error = refused(payload)
    assert "DTD or entities" in str(error) and SECRET not in str(error)
    assert not fifo.opened.is_set()


def test_network_entity_is_refused_without_a_connection(listener):
    payload = f'<!DOCTYPE notice [<!ENTITY x SYSTEM "{listener.url}/x">]>' + notice_root("&x;")
    refused(payload.encode())
    assert not listener.was_contacted()


def test_parameter_entity_is_refused_without_a_connection(listener, fifo):
    payload = (
        f'<!DOCTYPE notice [<!ENTITY % remote SYSTEM "{listener.url}/evil.dtd"> %remote;'
        f'<!ENTITY % local SYSTEM "file://{fifo.path}"> %local;]>' + notice_root()
    ).encode("utf-16")
    refused(payload)
    assert not listener.was_contacted()
    assert not fifo.opened.is_set()


# --------------------------------------------------------------------- external DTDs, schemas


def test_external_dtd_is_refused_without_a_connection(listener):
    payload = f'<!DOCTYPE notice SYSTEM "{listener.url}/notice.dtd">' + notice_root()
    refused(payload.encode())
    assert not listener.was_contacted()


def test_doctype_hidden_behind_a_long_comment_is_still_refused(listener, fifo):
    padding = "<!--" + "x" * 10_000 + "-->"
    for target in (f"{listener.url}/x.dtd", f"file://{fifo.path}"):
        payload = f'<?xml version="1.0"?>{padding}<!DOCTYPE notice SYSTEM "{target}">' + notice_root()
        refused(payload.encode())
    assert not listener.was_contacted()
    assert not fifo.opened.is_set()


def test_schema_location_is_ignored_and_never_fetched(listener, fifo):
    hint = (
        f' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        f' xsi:schemaLocation="{NAMESPACE} {listener.url}/evil.xsd"'
        f' xsi:noNamespaceSchemaLocation="file://{fifo.path}"'
    )
    text = valid_notice().replace('schema-version="1.0"', 'schema-version="1.0"' + hint, 1)
    assert within(10, lambda: converter.validate(text.encode())) == []
    assert not listener.was_contacted()
    assert not fifo.opened.is_set()


def test_xinclude_is_never_processed(fifo, secret_file):
    include = (
        f'<p><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{secret_file}" parse="text"/>'
        f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{fifo.path}" parse="text"/></p>'
    )
    data = notice_root(f'<meeting id="m1">{include}</meeting>').encode()
    found = within(10, lambda: converter.validate(data))
    assert found and "include" in str(found[0])
    with pytest.raises(InvalidDocumentError) as caught:
        converter.load(data)
    assert SECRET not in str(caught.value)
    assert not fifo.opened.is_set()


# --------------------------------------------------------------------- expansion bombs

LAUGHS = (
    '<!DOCTYPE notice [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
    + "]>" + notice_root("&lol9;")
)
QUADRATIC = '<!DOCTYPE notice [<!ENTITY a "' + "a" * 50_000 + '">]>' + notice_root("&a;" * 50_000)

# Parsed in a child process limited to 1 GiB of address space: an expanding bomb would die there.
_CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from converter.schema import parse_xml
from converter.errors import InvalidDocumentError
try:
    parse_xml(sys.stdin.buffer.read(), source="bomb.xml")
    print("PARSED")
except InvalidDocumentError as error:
    print("REFUSED", error)
"""


def parse_in_bounded_child(data: bytes) -> str:
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-c", _CHILD], input=data, capture_output=True, timeout=60
    )
    assert run.returncode == 0, run.stderr.decode(errors="replace")[-2000:]
    assert time.monotonic() - started < 30
    return run.stdout.decode()


@pytest.mark.parametrize("name,payload", [("billion-laughs", LAUGHS), ("quadratic", QUADRATIC)])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_entity_bombs_are_refused_in_bounded_memory(name, payload, encoding):
    header = f'<?xml version="1.0" encoding="{encoding.upper()}"?>'
    output = parse_in_bounded_child((header + payload).encode(encoding))
    assert output.startswith("REFUSED"), output
    # Refused by our DTD check, or earlier by libxml2's own amplification guard: both say why.
    assert "DTD or entities" in output or "entity expansion would amplify" in output, output


# --------------------------------------------------------------------- instructions, size, depth


def test_processing_instructions_are_dropped():
    text = valid_notice().replace("<front/>", "<front/><?php system('rm -rf /'); ?>", 1)
    text = text.replace("?>\n", "?>\n<?xml-stylesheet href='http://127.0.0.1:9/x.xsl'?>\n", 1)
    document = converter.load(text.encode())
    output = converter.export(document, "xml")
    assert b"<?php" not in output and b"xml-stylesheet" not in output
    assert converter.validate(document) == []


def test_deep_nesting_is_refused_with_a_clear_message():
    error = refused(b"<a>" * 100_000 + b"</a>" * 100_000)
    assert "nested deeper than 256" in str(error) and "XML_PARSE_HUGE" not in str(error)


def test_moderate_nesting_is_a_schema_problem_not_a_crash():
    data = notice_root('<meeting id="m1"><p>' + "<x>" * 200 + "</x>" * 200 + "</p></meeting>").encode()
    assert converter.validate(data)


def test_huge_text_node_is_refused_with_a_clear_message():
    error = refused(notice_root('<meeting id="m1"><p>' + "字" * 10_500_000 + "</p></meeting>").encode())
    assert "text node is longer than 10,000,000" in str(error)


def test_huge_attribute_is_refused_with_a_clear_message():
    error = refused(f'<notice xmlns="{NAMESPACE}" schema-version="{"1" * 10_500_000}"/>'.encode())
    assert "longer than 10,000,000" in str(error)


def test_many_small_text_nodes_below_the_limits_load_as_a_valid_document():
    paragraphs = "".join(f"<p>第{i}段。</p>" for i in range(20_000))
    document = within(30, lambda: converter.load(notice_root(f'<meeting id="m1">{paragraphs}</meeting>').encode()))
    assert len(document.root.findall(f".//{{{NAMESPACE}}}p")) == 20_000


@pytest.mark.parametrize("data", [b"", b"   ", b"<", b"<notice", b"\x00\x01\x02", "<a>\udcff</a>".encode("utf-8", "surrogatepass")])
def test_malformed_bytes_are_a_clear_error(data):
    error = refused(data)
    assert error.exit_code == InvalidDocumentError.exit_code


# --------------------------------------------------------------------- through the command


def run_convert(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "converter", *args], cwd=cwd, capture_output=True, timeout=60, text=True
    )


@pytest.mark.parametrize(
    "payload",
    [
        '<!DOCTYPE notice [<!ENTITY x SYSTEM "file://{secret}">]>' + notice_root("&x;"),
        '<!DOCTYPE notice SYSTEM "{url}/x.dtd">' + notice_root(),
        LAUGHS,
    ],
    ids=["xxe", "external-dtd", "billion-laughs"],
)
def test_command_refuses_hostile_xml_without_traceback_or_output(payload, tmp_path, listener, secret_file):
    hostile = tmp_path / "hostile.xml"
    hostile.write_text(payload.replace("{secret}", str(secret_file)).replace("{url}", listener.url), encoding="utf-8")
    checked = run_convert("validate", str(hostile), cwd=tmp_path)
    converted = run_convert(str(hostile), "--to", "json", cwd=tmp_path)
    for run in (checked, converted):
        assert run.returncode == InvalidDocumentError.exit_code, run.stderr
        assert "hostile.xml" in run.stderr and "Traceback" not in run.stderr
        assert SECRET not in run.stdout + run.stderr
    assert not (tmp_path / "hostile.json").exists()
    assert not listener.was_contacted()
