"""Inputs and outputs in object storage (issue 14): an S3 round trip against a real S3-compatible
server that the tests start on 127.0.0.1 (moto's server mode: it speaks S3's HTTP API, so s3fs and
botocore run exactly as against a real store; only the store behind the API is in memory).

The command finds its credentials and endpoint the way s3fs always does, from the environment
(AWS_ACCESS_KEY_ID …, AWS_ENDPOINT_URL_S3): the tests set nothing else.
"""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

from tests.conftest import CORPUS, EXAMPLES, require_module
from tests.test_cli_batch import _loadable, _outputs, run, without_input_name

require_module("s3fs")
require_module("moto")


def _free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    from moto.server import ThreadedMotoServer

    port = _free_loopback_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3(s3_server, monkeypatch):
    """An s3fs file system on the local server, with the environment the command inherits."""
    import s3fs

    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1", "AWS_ENDPOINT_URL_S3": s3_server,
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    fs = s3fs.S3FileSystem(skip_instance_cache=True)
    for bucket in fs.ls("/"):
        fs.rm(bucket, recursive=True)
    fs.mkdir("reports")
    fs.mkdir("converted")
    return fs


def _local_reports(folder: Path) -> Path:
    texts = [EXAMPLES / "notice.txt", *(sorted(CORPUS.glob("dev-*.txt"))[:6] if CORPUS.is_dir() else [])]
    for number, text in enumerate(texts):
        place = folder / ("2023" if number % 2 else "2024") / text.name
        place.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(text, place)
    (folder / "2024" / "broken.txt").write_bytes(b"")  # empty: unreadable
    return folder


def _stored(fs, prefix: str) -> dict[str, bytes]:
    return {path[len(prefix) + 1:]: fs.cat_file(path) for path in sorted(fs.find(prefix))}


@pytest.mark.parametrize(("fmt", "scheduler"), [("pdf", "local:2"), ("json", None), ("docx", None)])
def test_round_trip_bucket_to_bucket(tmp_path, s3, fmt, scheduler):
    if not _loadable(fmt):
        pytest.skip(f"the {fmt} exporter is not available yet")
    reports = _local_reports(tmp_path / "reports")
    s3.put(str(reports) + "/", "reports/in/", recursive=True)
    alone = run(str(reports), "--to", fmt, "-o", str(tmp_path / "local"), "--jobs", "1", cwd=tmp_path)
    extra = ["--scheduler", scheduler] if scheduler else []
    stored = run("s3://reports/in/", "--to", fmt, "-o", "s3://converted/out/", *extra, cwd=tmp_path)
    assert alone.returncode == stored.returncode == 1, stored.stderr
    # The broken input is reported, by its URL, and leaves no object behind.
    errors = [line for line in stored.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith("error: s3://reports/in/2024/broken.txt:"), stored.stderr
    local = _outputs(tmp_path / "local")
    remote = _stored(s3, "converted/out")
    assert sorted(remote) == sorted(local) and len(remote) == len(list(reports.rglob("*.txt"))) - 1
    assert {k: without_input_name(v) for k, v in remote.items()} == {k: without_input_name(v) for k, v in local.items()}


def test_local_files_to_a_bucket_and_a_bucket_to_local_files(tmp_path, s3):
    reports = _local_reports(tmp_path / "reports")
    (reports / "2024" / "broken.txt").unlink()
    up = run(str(reports), "--to", "xml", "-o", "s3://converted/xml/", cwd=tmp_path)
    assert up.returncode == 0, up.stderr
    assert sorted(_stored(s3, "converted/xml")) == sorted(str(p.relative_to(reports).with_suffix(".xml")) for p in reports.rglob("*.txt"))
    down = run("s3://converted/xml/**/*.xml", "--to", "json", "-o", str(tmp_path / "json"), cwd=tmp_path)
    assert down.returncode == 0, down.stderr
    assert len(list((tmp_path / "json").rglob("*.json"))) == len(list(reports.rglob("*.txt")))


def test_a_store_that_refuses_the_write_leaves_nothing_and_names_each_output(tmp_path, s3):
    reports = _local_reports(tmp_path / "reports")
    (reports / "2024" / "broken.txt").unlink()
    done = run(str(reports), "--to", "xml", "-o", "s3://no-such-bucket/xml/", cwd=tmp_path)
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == len(list(reports.rglob("*.txt")))
    assert all("s3://no-such-bucket/xml/" in line and "cannot write the output" in line for line in errors), errors
    assert "no-such-bucket" not in [b.rstrip("/") for b in s3.ls("/", refresh=True)]


def test_a_missing_object_is_an_unreadable_input(tmp_path, s3):
    done = run("s3://reports/nothing-here.txt", "--to", "xml", "-o", str(tmp_path / "n.xml"), cwd=tmp_path)
    assert done.returncode == 3, done.stderr
    assert "s3://reports/nothing-here.txt: cannot read" in done.stderr
    assert not (tmp_path / "n.xml").exists()
