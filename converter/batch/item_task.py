"""One conversion between places (a path or an object-store URL), as a Dask worker runs it.

The same steps as `task.convert_one` (read, parse, check, export, write whole), through
`storage` so a worker reads its input and writes its output itself; the names in every message
are the ones the person wrote, so the summary is the same as with `--jobs 1`.
"""

from __future__ import annotations

import threading
from pathlib import PurePosixPath

from .storage import Item, read_bytes, write_whole
from .task import Outcome, Settings, _check_strict, _option_values, document_from, outcome_of

# A Dask worker may run tasks in several threads; the parser and exporters keep per-process
# caches (fonts, templates) written for one conversion at a time. The lock keeps a worker with
# several threads correct; reading and writing stay outside it, so on object storage a second
# thread (`dask worker --nthreads 2`) waits for the store while the first one converts.
_ONE_AT_A_TIME = threading.Lock()


def convert_item(item: Item, settings: Settings) -> Outcome:
    """Convert one document; any failure becomes an Outcome naming it and the reason."""
    return outcome_of(item.source, lambda: _convert(item, settings))


def convert_group(items: list[Item], settings: Settings) -> list[Outcome]:
    """A task's worth of documents, converted in turn: one bad document never stops the others."""
    return [convert_item(item, settings) for item in items]


def _convert(item: Item, settings: Settings) -> Outcome:
    from .. import export

    data = read_bytes(item, settings.max_bytes)
    with _ONE_AT_A_TIME:
        document = document_from(data, PurePosixPath(item.source).suffix, settings.max_bytes, item.source)
        if settings.strict:
            _check_strict(document)
        data = export(document, settings.format, **_option_values(settings.options))
    if item.write is None:
        return Outcome(item.source, None, tuple(document.warnings), data=data)
    write_whole(item, data)
    return Outcome(item.source, item.target, tuple(document.warnings))
