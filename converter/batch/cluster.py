"""A batch on a Dask cluster: `--scheduler tcp://host:8786`, a scheduler file, or `local:N`.

Each worker process pays the set-up once (a worker plugin: schema, recogniser, the exporter's
fonts or template), then runs tasks of a few documents each. The client keeps at most a few
tasks per worker thread in flight and takes the outcomes back in the order of the inputs as they
finish, so its memory does not grow with the number of inputs; the documents themselves never
pass through it (workers read and write them, see `storage`).

A worker that dies has its tasks rerun by the scheduler on another worker. A task that killed
`distributed.scheduler.allowed-failures` workers comes back as KilledWorker: its documents are
then retried one per task, and a document that still kills its worker is reported as failed.
Whatever else goes wrong with a task (the scheduler lost, a cancelled future) is reported for
each of its documents: none is ever silently lost. A finished task whose result died with its
worker is run again by the scheduler: its outputs are then written twice, whole each time and
with the same bytes.

Only this module imports dask, and only the batch that asked for a cluster imports this module.
"""

from __future__ import annotations

import os
from collections import deque
from contextlib import contextmanager
from typing import Iterable, Iterator

import distributed

from ..errors import ClusterError
from .item_task import convert_group
from .storage import Item
from .task import Outcome, Settings, prepare
from .api import local_workers

# Tasks in flight per worker thread: every worker stays busy while the client waits for the
# oldest task, and the client holds only this many futures whatever the batch's size.
AHEAD_PER_THREAD = 4
# Documents per task, from benchmarks/cluster.py (README there): a task costs the scheduler and
# the client ~8 ms of CPU, more than a JSON or XML document costs a worker (~5 ms), so small
# batches are cut into tasks that just fill every thread's window, and large ones into tasks of
# up to 64 documents, where 32 workers converting JSON still outpace the scheduler.
GROUP_LIMIT = 64
PLUGIN_NAME = "notice-converter-prepare"
WAIT_FOR_WORKERS = 60  # seconds


class PrepareConverter(distributed.WorkerPlugin):
    """Run on every worker as it joins (and on one that replaces a dead one): `task.prepare`."""

    def __init__(self, settings: Settings):
        self.settings = settings

    def setup(self, worker) -> None:
        prepare(self.settings)


@contextmanager
def connect(address: str) -> Iterator[object]:
    """A connected dask Client: a new LocalCluster for `local:N`, a scheduler file, or an address."""
    workers = local_workers(address)
    cluster = None
    try:
        if workers is not None:
            # Processes with one thread each: the conversion is pure Python and holds the GIL.
            cluster = distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True,
                host="127.0.0.1", dashboard_address=None,
            )
            client = distributed.Client(cluster)
        elif os.path.isfile(address):
            client = distributed.Client(scheduler_file=address, timeout="30s")
        else:
            client = distributed.Client(address, timeout="30s")
    except (OSError, TimeoutError) as error:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the scheduler {address}: {error}") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _threads(client) -> int:
    try:
        client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
    except TimeoutError:
        raise ClusterError(f"the scheduler has had no worker for {WAIT_FOR_WORKERS} s; start some with `dask worker ADDRESS`") from None
    return max(1, sum(w["nthreads"] for w in client.scheduler_info()["workers"].values()))


def group_size(documents: int, threads: int) -> int:
    """Documents per task: enough tasks to fill every thread's window, at most GROUP_LIMIT."""
    return max(1, min(GROUP_LIMIT, documents // (threads * AHEAD_PER_THREAD)))


def _groups(items: list[Item], size: int) -> Iterator[list[Item]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def run_on_cluster(items: list[Item], settings: Settings, address: str, group: int | None = None) -> Iterator[Outcome]:
    """The outcome of every item, in order (documents retried after a worker died come last)."""
    if not items:
        return
    with connect(address) as client:
        client.register_plugin(PrepareConverter(settings), name=PLUGIN_NAME)
        threads = _threads(client)
        size = group or group_size(len(items), threads)
        suspects: list[Item] = []
        yield from _stream(client, _groups(items, size), settings, threads * AHEAD_PER_THREAD, suspects)
        if suspects:
            # One document per task: a document that kills its worker takes no other down with it.
            yield from _stream(client, ([item] for item in suspects), settings, threads, None)


def _stream(client, groups: Iterable[list[Item]], settings: Settings, window: int, suspects: list[Item] | None):
    pending: deque = deque()
    groups = iter(groups)
    while True:
        while len(pending) < window:
            group = next(groups, None)
            if group is None:
                break
            pending.append((group, client.submit(convert_group, group, settings, pure=False)))
        if not pending:
            return
        group, future = pending.popleft()
        try:
            yield from future.result()
        except distributed.KilledWorker:
            if suspects is None:
                yield from (_died(item) for item in group)
            else:
                suspects.extend(group)
        except Exception as error:  # noqa: BLE001 - the scheduler lost, a cancelled task …
            yield from (_lost(item, error) for item in group)
        finally:
            future.release()


def _died(item: Item) -> Outcome:
    message = f"{item.source}: the worker process converting this file died (a crash or out of memory)"
    return Outcome(item.source, None, error=message, exit_code=1)


def _lost(item: Item, error: Exception) -> Outcome:
    message = f"{item.source}: the cluster did not return this file's result ({type(error).__name__}: {error})"
    return Outcome(item.source, None, error=message, exit_code=1)
