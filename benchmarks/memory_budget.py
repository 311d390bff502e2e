"""Peak memory of one conversion as a multiple of its input's size (issue 15's memory budget).

    python benchmarks/memory_budget.py                       # 1 MB of every shape, xml and json
    python benchmarks/memory_budget.py --sizes 1 5 20        # up to the default --max-size
    python benchmarks/memory_budget.py --shapes short-blocks --to json --tree

Each row converts one generated input in a fresh process (`convert FILE --to FORMAT`, as a user
runs it) and reads that process's peak resident memory (ru_maxrss). `bytes/input byte` is
(peak − the same command's peak on a 4 kB input of the same shape) / input size. With --tree,
a row also gives what the finished lxml tree alone costs (measured in a process of its own by
parsing the XML output: libxml2 keeps an element, each attribute and each text node as nodes
of their own), the floor under any conversion of that input.

The shapes are the inputs that amplify most, found by measuring:
- `short-blocks.txt`: a report whose every line is a statement block (`会议指出，好。`): a
  paragraph, section and marker element with 8 attributes per 22-byte line;
- `headings.txt`: short headings and 名单 lines (`出席：张三、李四、王五`): three person elements
  per line;
- `long-line.txt`: one line of dense report text (sections and people) with no line break;
- `empty-lines.txt`: a lead, a million blank lines per MB, one block;
- `plain.txt`: ordinary paragraphs, for comparison;
- `empty-p.xml`: a valid notice whose body is `<p/>` repeated (4 bytes each).
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
SHAPES = ("short-blocks.txt", "headings.txt", "long-line.txt", "empty-lines.txt", "plain.txt", "empty-p.xml")
_LEAD = "10月24日，国家局召开会议。\n"


def make_text(shape: str, size: int) -> str:
    """An input of about `size` bytes (UTF-8) of the given shape."""
    def repeated(unit: str, head: str = _LEAD) -> str:
        return head + unit * max(1, size // len(unit.encode("utf-8")))

    if shape == "short-blocks.txt":
        return repeated("会议指出，好。\n")
    if shape == "headings.txt":
        return repeated("（一）总体要求\n出席：张三、李四、王五\n工作部署\n")
    if shape == "long-line.txt":
        return repeated("会议指出，要加强学习，张三局长强调，要落实责任。", head=_LEAD.strip())
    if shape == "empty-lines.txt":
        return _LEAD + "\n" * size + "会议指出，好。\n"
    if shape == "plain.txt":
        return repeated("这是一段普通的文字，说明会议的情况。\n")
    if shape == "empty-p.xml":
        seed = SEED_XML.read_text(encoding="utf-8")
        start, end = seed.index("<body>") + len("<body>"), seed.index("</body>")
        return seed[:start] + '<meeting id="m1">' + "<p/>" * (size // 4) + "</meeting>" + seed[end:]
    raise ValueError(f"unknown shape {shape}")


def make_input(shape: str, size: int, folder: Path) -> Path:
    path = folder / f"{size}-{shape}"
    path.write_text(make_text(shape, size), encoding="utf-8")
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

_TREE = """
import resource, sys
from lxml import etree
data = open(sys.argv[1], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
root = etree.fromstring(data, etree.XMLParser(remove_blank_text=True, huge_tree=True))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


def peak_mb(path: Path, to: str, folder: Path) -> tuple[float, float]:
    """Peak resident MB and CPU seconds of `convert path --to to`, in a process of its own."""
    started = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), "--to", to, "-o", str(folder / f"out.{to}"),
         "--max-size", "100", "--quiet"],
        capture_output=True, text=True,
    )
    ended = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{path.name} --to {to} failed:\n{result.stderr}")
    seconds = ended.ru_utime - started.ru_utime + ended.ru_stime - started.ru_stime
    return int(result.stderr.strip().splitlines()[-1]) / 1024, seconds


def tree_mb(path: Path, folder: Path) -> float:
    """What the lxml tree of `path`'s document costs alone (its XML output parsed back)."""
    if path.suffix == ".xml":
        xml = path
    else:
        xml = folder / "tree.xml"
        peak_mb(path, "xml", folder)
        (folder / "out.xml").replace(xml)
    result = subprocess.run([sys.executable, "-c", _TREE, str(xml)], capture_output=True, text=True, check=True)
    return int(result.stdout) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=float, nargs="+", default=[1], help="input sizes in MB")
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES), help="shapes (file names above, suffix optional)")
    parser.add_argument("--to", nargs="+", default=["xml", "json"], help="output formats")
    parser.add_argument("--tree", action="store_true", help="also measure the lxml tree alone")
    options = parser.parse_args()
    shapes = [next(s for s in SHAPES if s == name or s.split(".")[0] == name) for name in options.shapes]
    print("| input | MB | --to | peak MB | bytes/input byte | tree alone, bytes/input byte | CPU s |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for shape in shapes:
            for to in options.to:
                base, _ = peak_mb(make_input(shape, 4096, folder), to, folder)
                for size in options.sizes:
                    path = make_input(shape, int(size * 1024 * 1024), folder)
                    peak, seconds = peak_mb(path, to, folder)
                    length = path.stat().st_size
                    ratio = (peak - base) * 1024 * 1024 / length
                    tree = f"{tree_mb(path, folder) * 1024 * 1024 / length:.0f}" if options.tree else ""
                    print(f"| {shape} | {size:g} | {to} | {peak:.0f} | {ratio:.0f} | {tree} | {seconds:.1f} |", flush=True)
                    path.unlink()
    return 0


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_AS, (16 << 30, 16 << 30))  # a runaway row fails, not the machine
    sys.exit(main())
