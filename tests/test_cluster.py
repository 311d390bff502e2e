"""A batch on a Dask cluster (issue 14): the same outputs as --jobs 1, failures reported, a worker
killed mid-batch losing nothing. A real LocalCluster of 2 worker processes on 127.0.0.1.

Skipped when the dask extra is absent, failed when CI requires it (NOTICE_REQUIRE_TOOLS).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import CORPUS, EXAMPLES, require_module
from tests.test_cli_batch import _comparable, _loadable, _outputs, run

require_module("distributed")


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes of one thread each, a nanny each (so a killed worker is replaced)."""
    from distributed import Client, LocalCluster

    local = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
    client = Client(local)
    yield local, client
    client.close()
    local.close()


def _reports(folder: Path, copies: int = 1) -> Path:
    """The seed and 11 corpus texts (copies times, each copy with its own name), in two folders."""
    texts = [EXAMPLES / "notice.txt", *(sorted(CORPUS.glob("*.txt"))[:11] if CORPUS.is_dir() else [])]
    for copy in range(copies):
        for number, text in enumerate(texts):
            place = folder / ("a" if number % 2 else "b") / f"{copy:03d}-{text.name}"
            place.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(text, place)
    return folder


@pytest.mark.parametrize("fmt", ["xml", "json", "docx", "pdf"])
def test_same_outputs_as_one_job_and_a_bad_file_is_reported(tmp_path, cluster, fmt):
    if not _loadable(fmt):
        pytest.skip(f"the {fmt} exporter is not available yet")
    local, _ = cluster
    reports = _reports(tmp_path / "reports")
    (reports / "b" / "broken.txt").write_bytes(b"")  # empty: exit code 3 alone, reported in a batch
    alone = run(str(reports), "--to", fmt, "-o", str(tmp_path / "one"), "--jobs", "1", cwd=tmp_path)
    spread = run(str(reports), "--to", fmt, "-o", str(tmp_path / "many"), "--scheduler", local.scheduler_address, cwd=tmp_path)
    assert alone.returncode == spread.returncode == 1, spread.stderr
    one, many = _outputs(tmp_path / "one"), _outputs(tmp_path / "many")
    assert len(one) == len(list(reports.rglob("*.txt"))) - 1
    assert {name: _comparable(data) for name, data in many.items()} == {name: _comparable(data) for name, data in one.items()}
    # The same summary: the same failure, named the same way, and the same counts.
    failure = [line for line in spread.stderr.splitlines() if line.startswith("error:")]
    assert failure == [line for line in alone.stderr.splitlines() if line.startswith("error:")]
    assert len(failure) == 1 and "broken.txt" in failure[0]
    assert f"converted {len(one)}, failed 1" in spread.stderr


def test_relative_names_reach_workers_that_run_elsewhere(tmp_path, cluster):
    # The workers' own folder is not the command's: inputs and outputs are sent as absolute places.
    local, _ = cluster
    _reports(tmp_path / "reports")
    done = run("reports", "--to", "xml", "-o", "out", "--scheduler", local.scheduler_address, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "out").rglob("*.xml")) == sorted(
        p.with_suffix(".xml").name for p in (tmp_path / "reports").rglob("*.txt"))


def test_python_api_streams_outcomes(tmp_path, cluster):
    from converter.batch import convert_all

    local, _ = cluster
    reports = _reports(tmp_path / "reports")
    outcomes = list(convert_all([reports, tmp_path / "missing.txt"], to="json", out=tmp_path / "out",
                                scheduler=local.scheduler_address))
    failed = [o for o in outcomes if not o.ok]
    assert len(outcomes) == len(list(reports.rglob("*.txt"))) + 1
    assert [o.source for o in failed] == [str(tmp_path / "missing.txt")] and failed[0].exit_code == 3
    assert all(Path(o.target).is_file() for o in outcomes if o.ok)


def test_a_worker_killed_mid_batch_loses_no_document(tmp_path, cluster):
    from converter.batch import convert_all

    local, client = cluster
    reports = _reports(tmp_path / "reports", copies=5)
    total = len(list(reports.rglob("*.txt")))
    pids = list(client.run(os.getpid).values())
    outcomes = []
    killed = threading.Event()
    for outcome in convert_all([reports], to="pdf", out=tmp_path / "out", scheduler=local.scheduler_address):
        outcomes.append(outcome)
        if len(outcomes) == 10 and not killed.is_set():
            os.kill(pids[0], signal.SIGKILL)  # the nanny starts a new worker; its tasks run again
            killed.set()
    assert killed.is_set()
    assert sorted(o.source for o in outcomes) == sorted(str(p) for p in reports.rglob("*.txt"))
    assert len(outcomes) == total
    # Retried, not lost: every document converted (a document is only reported when it kills
    # workers again and again, which these do not).
    assert [o.error for o in outcomes if not o.ok] == []
    assert len(list((tmp_path / "out").rglob("*.pdf"))) == total
    client.wait_for_workers(2, timeout=60)


def test_with_no_retries_left_the_documents_of_a_killed_task_are_retried_one_by_one(tmp_path):
    # allowed-failures 0: the first death of a worker fails its task (KilledWorker) instead of the
    # scheduler rerunning it. The client then retries its documents one per task, and they convert.
    import dask
    from distributed import Client, LocalCluster

    from converter.batch import convert_all

    reports = _reports(tmp_path / "reports", copies=5)
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None) as local:
            with Client(local) as client:
                pids = list(client.run(os.getpid).values())
                outcomes = []
                for outcome in convert_all([reports], to="pdf", out=tmp_path / "out", scheduler=local.scheduler_address):
                    outcomes.append(outcome)
                    if len(outcomes) == 5:
                        os.kill(pids[1], signal.SIGKILL)
    names = sorted(str(p) for p in reports.rglob("*.txt"))
    assert sorted(o.source for o in outcomes) == names
    assert [o.error for o in outcomes if not o.ok] == []
    assert len(list((tmp_path / "out").rglob("*.pdf"))) == len(names)


def test_a_scheduler_nobody_listens_on_is_a_clear_error(tmp_path):
    # Port 9 on loopback: the discard port, closed here; the connection is refused at once.
    done = run(str(EXAMPLES / "notice.txt"), "--to", "xml", "-o", str(tmp_path / "n.xml"),
               "--scheduler", "tcp://127.0.0.1:9", cwd=tmp_path)
    assert done.returncode == 9, done.stderr
    assert "cannot reach the scheduler tcp://127.0.0.1:9" in done.stderr
    assert not (tmp_path / "n.xml").exists()


@pytest.mark.parametrize("address", ["local:0", "local:x"])
def test_a_bad_local_cluster_size_is_a_usage_error(tmp_path, address):
    done = run(str(EXAMPLES / "notice.txt"), "--to", "xml", "--scheduler", address, cwd=tmp_path)
    assert done.returncode == 2 and "local:N" in done.stderr


def test_local_n_starts_its_own_cluster(tmp_path):
    reports = _reports(tmp_path / "reports")
    done = run(str(reports), "--to", "json", "-o", str(tmp_path / "out"), "--scheduler", "local:2", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "out").rglob("*.json"))) == len(list(reports.rglob("*.txt")))
    assert done.stderr.strip().splitlines()[-1].startswith(f"converted {len(list(reports.rglob('*.txt')))}, failed 0")
