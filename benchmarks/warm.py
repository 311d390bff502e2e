"""Per-document time inside one process, after the first document: run as a subprocess by run.py.

    python benchmarks/warm.py FORMAT FILE...   prints: ms-per-converted-document peak-MB failures
                                               CPU-ms-per-converted-document

A document the exporter fails on is counted and left out of the time (the row says how many).
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

import converter

_SETUP_TEXT = "办公室召开工作会议\n\n2024年3月5日，办公室召开工作会议。张三主持会议。\n"


def main(fmt: str, paths: list[Path]) -> None:
    texts = [p.read_bytes() for p in paths]
    converter.export(converter.parse(_SETUP_TEXT), fmt)  # the one-time set-up is not "warm"
    failures = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for data in texts:
        try:
            converter.export(converter.parse_bytes(data), fmt)
        except Exception:  # noqa: BLE001 - counted and reported, as the batch command does
            failures += 1
    converted = max(len(texts) - failures, 1)
    per_document = (time.perf_counter() - started) / converted
    cpu_per_document = (time.process_time() - cpu_started) / converted
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{per_document * 1000:.3f} {peak_mb:.1f} {failures} {cpu_per_document * 1000:.3f}")


if __name__ == "__main__":
    main(sys.argv[1], [Path(p) for p in sys.argv[2:]])
