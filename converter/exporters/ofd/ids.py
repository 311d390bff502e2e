"""Object IDs: one sequence for the whole document (GB/T 33190: IDs are unique within a
document, and Document.xml gives the largest as MaxUnitID)."""

from __future__ import annotations


class Ids:
    def __init__(self):
        self.last = 0

    def next(self) -> int:
        self.last += 1
        return self.last
