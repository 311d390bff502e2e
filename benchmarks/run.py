"""Speed and memory of `convert` beside pandoc and LibreOffice, measured in one run: one table.

    /tmp/venv/bin/python benchmarks/run.py [--documents 500] [--large 5000] [--repeat 5]

Inputs: ../shared/corpus/*.txt and examples/notice.txt, copied to --documents files. Every
command runs as a user would run it (a new process per cold run). Ratios are ours / theirs:
below 1 means we are faster (time) or smaller (memory, size). A format whose exporter is not
there yet, or a missing tool, gives a row that says so instead of a number.
"""

from __future__ import annotations

import argparse
import re
import os
import shlex
import platform
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import inputs  # noqa: E402
import tools  # noqa: E402
from measure import CommandFailed, Measurement, measure, median_of  # noqa: E402

CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
WARM_DOCUMENTS = 200


@dataclass
class Side:
    """One tool's result for one row: time for `documents` documents, peak memory, output size."""

    name: str
    result: Measurement | None = None
    documents: int = 1
    size_kb: float = 0.0
    missing: str = ""
    failed: int = 0  # documents our batch reported as failed (exit code 1, listed in its summary)

    def rate(self) -> float:
        return (self.documents - self.failed) / self.result.seconds if self.result else 0.0


@dataclass
class Row:
    what: str
    ours: Side
    theirs: Side


def _exporter_ready(fmt: str) -> bool:
    # importlib.util first: the registry uses it without importing it (reported to its owner).
    probe = f"import importlib.util; from converter.exporters import get; get({fmt!r})"
    return subprocess.run([sys.executable, "-c", probe], capture_output=True).returncode == 0


def _attempt(side: Side, command, out: Path | None, suffix: str, times: int = 1) -> Side:
    """Fill `side` by running `command`; a failure is recorded in the row, not raised."""
    if side.missing:
        return side
    try:
        # Exit code 1 from our batch: some documents failed, the rest were converted and count.
        side.result = median_of(command, times) if times > 1 else measure(command, accept=(0, 1) if side.documents > 1 else (0,))
    except CommandFailed as error:
        side.missing = f"failed: {str(error)[:80]}"
        return side
    counts = re.search(r"converted (\d+), failed (\d+)", side.result.stderr)
    if counts:
        side.failed = int(counts.group(2))
    if out is not None:
        side.size_kb = inputs.folder_size_kb(out, suffix) if out.is_dir() else out.stat().st_size / 1024
    return side


def _ours(fmt: str, documents: int = 1) -> Side:
    side = Side(f"convert --to {fmt}", documents=documents)
    if not _exporter_ready(fmt):
        side.missing = f"not available (no {fmt} exporter yet)"
    return side


def _theirs(name: str, tool: str, documents: int = 1) -> Side:
    side = Side(name, documents=documents)
    if not tools.have(tool):
        side.missing = f"not available ({tool} not installed)"
    return side


def _fresh(work: Path, name: str) -> Path:
    folder = work / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def cold_rows(work: Path, seed: Path, repeat: int) -> list[Row]:
    """One document, a new process each time: the office worker's case."""
    out = _fresh(work, "cold")
    rows = []
    for fmt, reference, ref_command, ref_target in [
        ("json", _theirs("pandoc -t json", "pandoc"), tools.pandoc_one(seed, out / "p.json", "json"), out / "p.json"),
        ("docx", _theirs("pandoc → docx", "pandoc"), tools.pandoc_one(seed, out / "p.docx"), out / "p.docx"),
        ("pdf", _theirs("LibreOffice → pdf", "soffice"), tools.libreoffice([seed], out / "lo"), out / "lo" / f"{seed.stem}.pdf"),
        ("pdf", _theirs("pandoc + xelatex", "xelatex"), tools.pandoc_xelatex_one(seed, out / "x.pdf"), out / "x.pdf"),
    ]:
        ours = _attempt(_ours(fmt), tools.ours_one(seed, fmt, out / f"o.{fmt}"), out / f"o.{fmt}", fmt, repeat)
        theirs = _attempt(reference, ref_command, ref_target, "pdf", repeat)
        rows.append(Row(f"cold, 1 document → {fmt}", ours, theirs))
    return rows


_EMPTY_FONTCONFIG = '<?xml version="1.0"?><fontconfig><cachedir>{cache}</cachedir></fontconfig>'
# Name characters outside the GB 2312 base set, as real rosters have them (issue 15).
RARE_NAMES = "赟喆堃珺祎旻彧琇犇垚瑄镕翀芃昇玥琰珏瑀璟奕淼焱燊"


def _fresh_machine(work: Path, run: int, noto: bool) -> list[str]:
    """`env` arguments for a first run on a new machine: a new HOME (so an empty font cache), and
    without Noto CJK a fontconfig that sees no font at all (only the bundled faces serve)."""
    home = _fresh(work, f"home-{'noto' if noto else 'bare'}-{run}")
    setting = ["env", "-u", "NOTICE_CONVERTER_CACHE", "-u", "XDG_CACHE_HOME", f"HOME={home}"]
    if not noto:
        config = home / "fonts.conf"
        config.write_text(_EMPTY_FONTCONFIG.format(cache=home / "fc-cache"), encoding="utf-8")
        setting += [f"FONTCONFIG_FILE={config}", "NOTICE_CONVERTER_SYSTEM_FONTS=0"]
    return setting


def _noto_installed() -> bool:
    found = subprocess.run(["fc-list", ":family=Noto Serif CJK SC"], capture_output=True, text=True) if tools.have("fc-list") else None
    return bool(found and found.stdout.strip())


def fresh_machine_rows(work: Path, seed: Path, repeat: int) -> list[Row]:
    """The very first PDF (issue 10): empty font cache, new HOME, with and without Noto CJK, beside
    LibreOffice's first run with a new user profile (its own first-start cost) and its cold run."""
    out = _fresh(work, "fresh")
    rows = []
    fresh_profiles = [f"-env:UserInstallation=file://{_fresh(work, f'lo-profile-{n}')}" for n in range(repeat)]
    runs = iter(fresh_profiles)
    first_lo = _theirs("LibreOffice → pdf, new profile", "soffice")
    command = tools.libreoffice([seed], out / "lo")
    lo_fresh = "; ".join(" ".join(shlex.quote(part) for part in [command[0], next(runs), *command[2:]])
                         for _ in range(repeat))
    first_lo = _attempt(first_lo, lo_fresh, None, "pdf")
    if first_lo.result is not None:
        first_lo.result = Measurement(first_lo.result.seconds / repeat, first_lo.result.peak_mb)
    for noto in (True, False):
        label = "with Noto CJK" if noto else "without system fonts (bundled faces)"
        if noto and not _noto_installed():
            rows.append(Row(f"first PDF on a fresh machine, {label}", Side("convert --to pdf", missing="fonts-noto-cjk not installed"), first_lo))
            continue
        ours = _ours("pdf")
        if not ours.missing:
            timings = []
            for run in range(repeat):
                target = out / f"first-{noto}-{run}.pdf"
                done = _attempt(_ours("pdf"), [*_fresh_machine(work, run, noto), *tools.ours_one(seed, "pdf", target)], target, "pdf")
                if done.result is None:
                    ours = done
                    break
                timings.append(done)
            if timings:
                ours = timings[len(timings) // 2]
                ours.result = Measurement(sorted(t.result.seconds for t in timings)[len(timings) // 2],
                                          max(t.result.peak_mb for t in timings))
        ours.name = "convert --to pdf, empty cache"
        rows.append(Row(f"first PDF on a fresh machine, {label}", ours, first_lo))
    return rows


def rare_name_rows(work: Path, documents: int) -> list[Row]:
    """Memory bounded for uncommon characters (issue 15): reports whose names are outside the
    base set, each document with other ones, beside the same number of plain reports."""
    plain = work / f"plain-{documents}"
    rare = work / f"rare-{documents}"
    sources = inputs.make_batch(plain, documents)
    rare.mkdir(parents=True, exist_ok=True)
    for number, source in enumerate(sources):
        names = "".join(RARE_NAMES[(number + k) % len(RARE_NAMES)] for k in range(3))
        text = source.read_text(encoding="utf-8")
        (rare / source.name).write_text(text + f"\n出席：张{names[0]}、李{names[1:]}、王{chr(0x3400 + number % 6000)}\n", encoding="utf-8")
    jobs = min(2, CORES)
    rows = []
    # A cache of its own: the plain reports' glyphs stored first (as on a machine in use), so
    # that the rare batch meets characters no run has converted, and the plain one none.
    home = ["env", "-u", "NOTICE_CONVERTER_CACHE", "-u", "XDG_CACHE_HOME", f"HOME={_fresh(work, 'home-rare')}"]
    subprocess.run([*home, *tools.ours_batch(plain, "pdf", work / "plain-warm-up", jobs)], capture_output=True)
    plain_side = _attempt(_ours("pdf", documents), [*home, *tools.ours_batch(plain, "pdf", work / "plain-out", jobs)], work / "plain-out", ".pdf")
    plain_side.name = f"plain reports, --jobs {jobs}"
    rare_side = _attempt(_ours("pdf", documents), [*home, *tools.ours_batch(rare, "pdf", work / "rare-out", jobs)], work / "rare-out", ".pdf")
    rare_side.name = f"rare name characters, --jobs {jobs}"
    rows.append(Row(f"batch {documents} → pdf, rare name characters vs plain (memory)", rare_side, plain_side))
    return rows


def _warm(fmt: str, sources: list[Path]) -> Side:
    side = _ours(fmt, len(sources))
    if side.missing:
        return side
    command = [sys.executable, str(Path(__file__).parent / "warm.py"), fmt, *map(str, sources)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        side.missing = f"failed: {done.stderr.strip()[-80:]}"
        return side
    per_document_ms, peak_mb, failed = done.stdout.split()[:3]  # CPU ms per document (warm.py)
    side.failed = int(failed)
    side.result = Measurement(float(per_document_ms) / 1000 * (len(sources) - side.failed), float(peak_mb))
    side.name = f"in process, after the first ({fmt})"
    return side


def batch_rows(work: Path, folder: Path, sources: list[Path]) -> list[Row]:
    """Many documents: the records office's case. Both sides get every core where they can."""
    n = len(sources)
    rows = []
    for jobs, parallel in [(1, 1), (CORES, CORES)]:
        out = work / f"docx-{jobs}"
        ours = _attempt(_ours("docx", n), tools.ours_batch(folder, "docx", out, jobs), out, ".docx")
        theirs_out = work / f"pandoc-{parallel}"
        theirs = _attempt(_theirs(f"pandoc loop, xargs -P {parallel}", "pandoc", n), tools.pandoc_loop(folder, ".docx", theirs_out, parallel), theirs_out, ".docx")
        rows.append(Row(f"batch {n} → docx, --jobs {jobs}", ours, theirs))
    lo_out = work / "libreoffice"
    libreoffice = _attempt(_theirs("LibreOffice, one invocation", "soffice", n), tools.libreoffice(sources, lo_out), lo_out, ".pdf")
    for jobs in (1, CORES):
        out = work / f"pdf-{jobs}"
        ours = _attempt(_ours("pdf", n), tools.ours_batch(folder, "pdf", out, jobs), out, ".pdf")
        rows.append(Row(f"batch {n} → pdf, --jobs {jobs}", ours, libreoffice))
    rows += warm_rows(sources[:WARM_DOCUMENTS], rows)
    return rows


def warm_rows(sources: list[Path], batch: list[Row]) -> list[Row]:
    """Per document inside one process (issues 3 and 4), beside the others' per-document cost."""
    pandoc_loop = batch[0].theirs
    libreoffice = batch[2].theirs
    return [
        Row(f"warm, {len(sources)} documents → docx", _warm("docx", sources), pandoc_loop),
        Row(f"warm, {len(sources)} documents → pdf", _warm("pdf", sources), libreoffice),
    ]


def _by_cpu(side: Side, label: str) -> Side:
    """The side with its CPU time as its time: on a machine others load, wall time says more
    about them than about us."""
    if side.result is not None:
        side.result = Measurement(side.result.cpu_seconds, side.result.peak_mb, side.result.stderr,
                                  side.result.cpu_seconds)
    side.name = f"{side.name}, CPU {label}"
    return side


def ofd_rows(work: Path, seed: Path, sources: list[Path], repeat: int) -> list[Row]:
    """OFD beside our own PDF of the same documents (no other tool writes OFD from text): cold,
    one document, a new process each run; warm, per document in one process. CPU time."""
    out = _fresh(work, "ofd")
    rows = []
    sides = {}
    for fmt in ("ofd", "pdf"):
        target = out / f"o.{fmt}"
        sides[fmt] = _by_cpu(_attempt(_ours(fmt), tools.ours_one(seed, fmt, target), target, fmt, repeat), "time")
    rows.append(Row("cold, 1 document → ofd (CPU time)", sides["ofd"], sides["pdf"]))
    few = sources[:WARM_DOCUMENTS]
    warm = {fmt: _warm(fmt, few) for fmt in ("ofd", "pdf")}  # warm.py times CPU already
    for side in warm.values():
        side.name += ", CPU time"
    rows.append(Row(f"warm, {len(few)} documents → ofd (CPU time)", warm["ofd"], warm["pdf"]))
    return rows


def xelatex_row(work: Path, folder: Path, sources: list[Path], ours_pdf: Side) -> Row:
    """pandoc + XeLaTeX takes seconds per file: a 20-file loop on every core gives its rate."""
    few = _fresh(work, "xelatex-inputs")
    for source in sources[:20]:
        (few / source.name).write_bytes(source.read_bytes())
    out = work / "xelatex"
    loop = tools.pandoc_loop(few, ".pdf", out, CORES, tools.xelatex_options())
    theirs = _attempt(_theirs(f"pandoc + xelatex, xargs -P {CORES}, 20 files", "xelatex", 20), loop, out, ".pdf")
    return Row("batch → pdf, all cores (rate) vs XeLaTeX", ours_pdf, theirs)


def large_rows(work: Path, documents: int) -> list[Row]:
    """Memory flat in the number of documents: the same batch to PDF, ten times longer."""
    folder = work / f"large-{documents}"
    inputs.make_batch(folder, documents)
    rows = []
    for jobs in (1, CORES):
        out = work / f"large-pdf-{jobs}"
        ours = _attempt(_ours("pdf", documents), tools.ours_batch(folder, "pdf", out, jobs), out, ".pdf")
        rows.append(Row(f"batch {documents} → pdf, --jobs {jobs} (memory check)", ours, Side("(ours only)", missing="—")))
    return rows


def _cell(side: Side) -> list[str]:
    if side.result is None:
        return [side.missing or "—", "", "", ""]
    seconds = side.result.seconds
    shown = f"{seconds * 1000:.0f} ms" if seconds < 2 else f"{seconds:.1f} s"
    rate = f"{side.rate():.1f}" if side.documents > 1 else ""
    if side.failed:
        rate += f" ({side.failed} failed)"
    size = f"{side.size_kb:.0f}" if side.size_kb else ""
    return [shown, rate, f"{side.result.peak_mb:.0f}", size]


def _ratio(ours: Side, theirs: Side, per_document: bool) -> tuple[str, str]:
    if ours.result is None or theirs.result is None:
        return "", ""
    if per_document:
        time_ratio = theirs.rate() / ours.rate()
    else:
        time_ratio = ours.result.seconds / theirs.result.seconds
    return f"{time_ratio:.2f}×", f"{ours.result.peak_mb / theirs.result.peak_mb:.2f}×"


def print_table(rows: list[Row]) -> None:
    head = ["measure", "ours", "docs/s", "peak MB", "KB/doc", "reference", "time", "docs/s", "peak MB", "KB/doc",
            "time ours/ref", "memory ours/ref"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for row in rows:
        per_document = row.ours.documents != row.theirs.documents or row.ours.documents > 1
        cells = [row.what, *_cell(row.ours), row.theirs.name, *_cell(row.theirs), *_ratio(row.ours, row.theirs, per_document)]
        print("| " + " | ".join(cells) + " |")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        model = cpu
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{model}, {CORES} cores, {memory:.1f} GB, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def _warm_libreoffice(work: Path, seed: Path) -> None:
    """LibreOffice makes its user profile on first start (seconds): a user's machine has one."""
    if tools.have("soffice"):
        subprocess.run(tools.libreoffice([seed], work / "profile-warm-up"), capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--large", type=int, default=0, help="also convert this many documents to PDF (memory check)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per cold measurement (median)")
    parser.add_argument("--rare", type=int, default=300, help="reports with rare name characters (memory row); 0 skips")
    parser.add_argument("--only-ofd", action="store_true", help="only the OFD rows: cold and warm, beside our PDF")
    parser.add_argument("--only-fonts", action="store_true", help="only the font rows: first PDF, cold PDF, rare names")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="notice-bench-") as temporary:
        work = Path(temporary)
        folder = work / "inputs"
        sources = inputs.make_batch(folder, arguments.documents)
        if arguments.only_ofd:
            print(f"machine: {machine()}")
            print_table(ofd_rows(work, inputs.SEED, sources, arguments.repeat))
            return
        seed = inputs.SEED
        _warm_libreoffice(work, seed)
        rows = fresh_machine_rows(work, seed, arguments.repeat)
        rows += [row for row in cold_rows(work, seed, arguments.repeat)
                 if not arguments.only_fonts or row.what.endswith("pdf") and "LibreOffice" in row.theirs.name]
        if arguments.rare:
            rows += rare_name_rows(work, arguments.rare)
        if arguments.only_fonts:
            print(f"machine: {machine()}")
            print_table(rows)
            return
        rows += batch_rows(work, folder, sources)
        rows += ofd_rows(work, seed, sources, arguments.repeat)
        ours_pdf = next(r.ours for r in rows if r.what == f"batch {len(sources)} → pdf, --jobs {CORES}")
        rows.append(xelatex_row(work, folder, sources, ours_pdf))
        if arguments.large:
            rows += large_rows(work, arguments.large)
    print(f"machine: {machine()}; inputs: {len(inputs.texts())} texts repeated to {arguments.documents} documents")
    print()
    print_table(rows)


if __name__ == "__main__":
    main()
