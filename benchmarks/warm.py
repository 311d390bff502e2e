"""Per-document time inside one process, after the first document: run as a subprocess by run.py.

    python benchmarks/warm.py FORMAT FILE...   prints: ms-per-converted-document peak-MB failures [wall-ms]

Each document is parsed and exported (parse included). The time is the process's CPU time
(user + system), so "documents per second" is per core and holds on a shared machine, where
wall time measures the other processes' load; the wall time per document follows as a fourth
field. A document the exporter fails on is counted and left out of the time (the row says how many).
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

import converter

# The one-time set-up: fonts loaded, and a headline long enough to wrap, so that the title
# segmenter (rjieba and opencc, imported on the first title that wraps) is loaded here and not
# counted in the first report whose title wraps.
_SETUP_TEXT = ("市人民政府办公室召开全市安全生产工作暨第二季度防汛抗旱工作推进部署会议\n\n"
               "2024年3月5日，办公室召开工作会议。张三主持会议。\n")


def main(fmt: str, paths: list[Path]) -> None:
    texts = [p.read_bytes() for p in paths]
    converter.export(converter.parse(_SETUP_TEXT), fmt)  # the one-time set-up is not "warm"
    failures = 0
    started, started_cpu = time.perf_counter(), time.process_time()
    for data in texts:
        try:
            converter.export(converter.parse_bytes(data), fmt)
        except Exception:  # noqa: BLE001 - counted and reported, as the batch command does
            failures += 1
    converted = max(len(texts) - failures, 1)
    per_document = (time.process_time() - started_cpu) / converted
    wall = (time.perf_counter() - started) / converted
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{per_document * 1000:.3f} {peak_mb:.1f} {failures} {wall * 1000:.3f}")


if __name__ == "__main__":
    main(sys.argv[1], [Path(p) for p in sys.argv[2:]])
