"""A least-recently-used map whose entries' sizes add up to at most a cap in bytes.

The PDF exporter keeps what one document built for its font subsets (glyph records, whole
subset programs) for the next documents of the same process; a batch of thousands of documents
must not grow the process, so each such memory has a cap and forgets the entry used longest ago.
A lock guards each operation: a library user may export from several threads, and an entry
evicted between a lookup and its move to the end would otherwise raise.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Hashable


class BoundedCache:
    def __init__(self, cap_bytes: int):
        self.cap = cap_bytes
        self.size = 0
        self._entries: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Hashable) -> Any | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            self._entries.move_to_end(key)
            return entry[0]

    def get_many(self, keys: list[Hashable]) -> list[Any | None]:
        """`get` for each key, under one hold of the lock (a subset asks for ~250 glyphs)."""
        with self._lock:
            entries, move = self._entries, self._entries.move_to_end
            found = []
            for key in keys:
                entry = entries.get(key)
                if entry is None:
                    found.append(None)
                else:
                    move(key)
                    found.append(entry[0])
            return found

    def put(self, key: Hashable, value: Any, size: int) -> None:
        """Keep `value` under `key`, counted as `size` bytes; one larger than the cap is not kept."""
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self.size -= old[1]
            if size > self.cap:
                return
            self._entries[key] = (value, size)
            self.size += size
            while self.size > self.cap:
                _, (_, dropped) = self._entries.popitem(last=False)
                self.size -= dropped

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.size = 0
