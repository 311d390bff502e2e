"""Golden files: one comparison for every kind (plan dumps, PDF lines, DOCX document.xml).

A golden is written only on purpose, with NOTICE_REGENERATE_GOLDENS=1, and then reviewed as a diff.
"""

from __future__ import annotations

import os
from pathlib import Path

REGENERATE = "NOTICE_REGENERATE_GOLDENS"


def assert_matches_golden(actual: str | bytes, golden: Path, what: str) -> None:
    """`actual` equals the golden file (text as UTF-8), or is written to it under REGENERATE."""
    data = actual.encode("utf-8") if isinstance(actual, str) else actual
    if os.environ.get(REGENERATE):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(data)
    assert golden.exists(), f"no golden yet: run with {REGENERATE}=1 and review the new file"
    expected = golden.read_bytes()
    if isinstance(actual, str):
        assert actual == expected.decode("utf-8"), f"{what} changed; if intended, rerun with {REGENERATE}=1"
    else:
        assert actual == expected, f"{what} changed; if intended, rerun with {REGENERATE}=1"
