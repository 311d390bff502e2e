"""Peak memory of one conversion as a multiple of its input's size (issue 15's memory budget).

    python benchmarks/memory_budget.py                 # 1 and 2 MB of each kind
    python benchmarks/memory_budget.py --sizes 1 4 20  # up to the default --max-size

Each row converts one generated input in a fresh process (`convert FILE --to FORMAT`) and reads
that process's peak resident memory (ru_maxrss). The inputs are the worst kinds found: many
tiny blocks, where per-block objects outweigh the text they hold.

- `empty-p.xml`: a valid notice whose body is `<p/>` repeated (4 bytes each).
- `short-blocks.txt`: a report whose every line is a statement block (`会议指出，好。`).
- `plain.txt`: a report of ordinary paragraphs, for comparison.

Two sizes of each show whether memory grows in proportion (the budget is per MB of input),
and `bytes/input byte` is (peak − the same command's peak on a tiny input) / input size.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_XML = ROOT / "examples" / "notice.xml"
KINDS = (("empty-p.xml", "json"), ("empty-p.xml", "xml"), ("short-blocks.txt", "json"), ("short-blocks.txt", "xml"), ("plain.txt", "json"))


def make_input(kind: str, size: int, folder: Path) -> Path:
    path = folder / f"{size}-{kind}"
    if kind == "empty-p.xml":
        seed = SEED_XML.read_text(encoding="utf-8")
        start, end = seed.index("<body>") + len("<body>"), seed.index("</body>")
        text = seed[:start] + '<meeting id="m1">' + "<p/>" * (size // 4) + "</meeting>" + seed[end:]
    else:
        line = "会议指出，好。\n" if kind == "short-blocks.txt" else "这是一段普通的文字，说明会议的情况。\n"
        text = "10月24日，国家局召开会议。\n" + line * (size // len(line.encode("utf-8")))
    path.write_text(text, encoding="utf-8")
    return path


_CHILD = """
import resource, sys
from converter.cli import main
sys.argv = ["convert", *sys.argv[1:]]
try:
    main()
finally:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def peak_mb(path: Path, to: str, folder: Path) -> tuple[float, float]:
    """Peak resident MB and seconds of `convert path --to to`, in a process of its own."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), "--to", to, "-o", str(folder / f"out.{to}"), "--max-size", "100"],
        capture_output=True, text=True,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{path.name} --to {to} failed:\n{result.stderr}")
    return int(result.stderr.strip().splitlines()[-1]) / 1024, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2], help="input sizes in MB")
    options = parser.parse_args()
    print("| input | MB | --to | peak MB | bytes/input byte | s |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for kind, to in KINDS:
            base, _ = peak_mb(make_input(kind, 4096, folder), to, folder)
            for size in options.sizes:
                path = make_input(kind, int(size * 1024 * 1024), folder)
                peak, seconds = peak_mb(path, to, folder)
                ratio = (peak - base) * 1024 * 1024 / path.stat().st_size
                print(f"| {kind} | {size:g} | {to} | {peak:.0f} | {ratio:.0f} | {seconds:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_AS, (16 << 30, 16 << 30))  # a runaway row fails, not the machine
    sys.exit(main())
