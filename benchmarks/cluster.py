"""The same batch on this machine's cores and on a Dask cluster (issue 14): documents per second.

    pip install -e '.[dask,bench]'
    python benchmarks/cluster.py                  # --documents 400 --formats xml json docx pdf

For each format: `convert FOLDER --to FORMAT -o OUT` with `--jobs 1`, `--jobs 2`, and
`--scheduler tcp://…` against a LocalCluster of 1 and of 2 worker processes (one thread each)
that is already running, as a real cluster would be. Each is a whole command in a new process,
its start-up included; the rate is documents / wall seconds.

Then the CPU time per document of one warm worker (what the projection is computed from, since
CPU time hardly depends on the load of a shared machine), and the cost of a task: the same documents through `run_on_cluster` in tasks of 1, 4, 8 and
16 documents (2 workers), and empty tasks (nothing to convert) that measure the scheduler's round
trip alone. The projection in benchmarks/README.md is computed from these numbers.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.inputs import make_batch  # noqa: E402


def _timed_command(args: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "converter", *args], cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"convert {' '.join(args)} exited with {done.returncode}: {done.stderr[-2000:]}")
    return seconds


def _cluster(workers: int):
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
    return cluster, Client(cluster)


def rates(folder: Path, documents: int, formats: list[str], work: Path) -> dict[str, dict[str, float]]:
    runs = [("--jobs 1", ["--jobs", "1"], None), ("--jobs 2", ["--jobs", "2"], None),
            ("cluster 1 worker", None, 1), ("cluster 2 workers", None, 2)]
    table: dict[str, dict[str, float]] = {fmt: {} for fmt in formats}
    for label, extra, workers in runs:
        cluster = client = None
        if workers:
            cluster, client = _cluster(workers)
            extra = ["--scheduler", cluster.scheduler_address]
        try:
            for fmt in formats:
                out = work / f"{fmt}-{label.replace(' ', '_')}"
                seconds = _timed_command([str(folder), "--to", fmt, "-o", str(out), "--quiet", *extra], work)
                table[fmt][label] = documents / seconds
                print(f"{fmt:5} {label:18} {documents / seconds:7.1f} documents/s ({seconds:.1f} s)", flush=True)
        finally:
            if client is not None:
                client.close()
                cluster.close()
    return table


def cpu_costs(folder: Path, work: Path, formats: list[str]) -> None:
    """CPU seconds per document of one worker, warm, file to file: what a core of any cluster pays.

    CPU time, unlike wall time, hardly depends on what else the (shared) machine runs, so the
    projection is computed from it.
    """
    from converter.batch.item_task import convert_item
    from converter.batch.storage import discover, plan
    from converter.batch.task import Settings, prepare

    found, _ = discover([str(folder)])
    for fmt in formats:
        settings = Settings(fmt)
        prepare(settings)
        items, _ = plan(found, "." + fmt, str(work / f"cpu-{fmt}"))
        convert_item(items[0], settings)  # the first document's one-time costs are not "warm"
        started = time.process_time()
        outcomes = [convert_item(item, settings) for item in items]
        seconds = time.process_time() - started
        assert all(o.ok for o in outcomes)
        print(f"{fmt:5} CPU per document, warm: {1000 * seconds / len(items):.1f} ms", flush=True)


def task_costs(folder: Path, work: Path, fmt: str) -> None:
    """Wall time per document by task size, and the round trip of an empty task."""
    from converter.batch.cluster import run_on_cluster
    from converter.batch.storage import discover, plan
    from converter.batch.task import Settings

    cluster, client = _cluster(2)
    try:
        settings = Settings(fmt)
        found, _ = discover([str(folder)])
        for size in (1, 4, 8, 16):
            items, _ = plan(found, "." + fmt, str(work / f"group-{size}"))
            started = time.perf_counter()
            outcomes = list(run_on_cluster(items, settings, cluster.scheduler_address, group=size))
            seconds = time.perf_counter() - started
            assert all(o.ok for o in outcomes)
            print(f"{fmt} in tasks of {size:2}: {len(items) / seconds:7.1f} documents/s, {1000 * seconds / len(items):.2f} ms/document", flush=True)
        empty = [[] for _ in range(2000)]
        from converter.batch.cluster import AHEAD_PER_THREAD, _stream

        rounds, cpu = [], []
        for _ in range(3):
            started, used = time.perf_counter(), time.process_time()
            list(_stream(client, iter(empty), settings, 2 * AHEAD_PER_THREAD, []))
            rounds.append((time.perf_counter() - started) / len(empty))
            cpu.append((time.process_time() - used) / len(empty))
        # The LocalCluster's scheduler runs in this process: its CPU time is in process_time.
        print(f"empty task, 2 workers, window {2 * AHEAD_PER_THREAD}: {1000 * statistics.median(rounds):.2f} ms/task wall, "
              f"{1000 * statistics.median(cpu):.2f} ms/task CPU of scheduler and client", flush=True)
    finally:
        client.close()
        cluster.close()


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    arguments.add_argument("--documents", type=int, default=400)
    arguments.add_argument("--formats", nargs="+", default=["xml", "json", "docx", "pdf"])
    arguments.add_argument("--task-format", default="json", help="format of the task-size sweep")
    arguments.add_argument("--phases", nargs="+", default=["rates", "cpu", "tasks"], choices=["rates", "cpu", "tasks"])
    options = arguments.parse_args()
    with tempfile.TemporaryDirectory(prefix="notice-cluster-bench-") as name:
        work = Path(name)
        folder = work / "reports"
        make_batch(folder, options.documents)
        print(f"{options.documents} documents; cores: 2 (shared); Python {sys.version.split()[0]}", flush=True)
        if "rates" in options.phases:
            rates(folder, options.documents, options.formats, work)
        if "cpu" in options.phases:
            cpu_costs(folder, work, options.formats)
        if "tasks" in options.phases:
            task_costs(folder, work, options.task_format)


if __name__ == "__main__":
    main()
