"""Which files a command line names, and where each one's output goes.

An input is a file, a folder (its *.txt reports and *.html/*.htm pages, recursively, hidden
entries skipped) or a glob pattern the shell did not expand (`'reports/**/*.txt'`). Each source remembers where it sits
under the folder or pattern that found it, so `-o FOLDER` can mirror the input tree.
Canonical .xml documents are converted when named or matched by a pattern; a folder contributes
only its reports, so converting a folder `--to xml` beside its inputs can be run twice.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConverterError, InputError, OutputError

STDIN = Path("-")
FOLDER_SUFFIXES = (".txt", ".html", ".htm")


@dataclass(frozen=True)
class Source:
    path: Path
    # Where the file sits under the folder or pattern that found it; its name when named alone.
    relative: Path
    # Found in a folder or by a pattern: the output location is then always a folder.
    found: bool = False


@dataclass(frozen=True)
class Job:
    source: Path
    target: Path | None  # None: standard output


def _is_pattern(text: str) -> bool:
    return glob.has_magic(text)


def _pattern_root(pattern: str) -> Path:
    """The folder a pattern starts from: its leading parts without wildcards."""
    parts = Path(pattern).parts
    fixed = []
    for part in parts[:-1]:
        if _is_pattern(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def _folder_files(folder: Path) -> list[Path]:
    found = []
    for directory, subfolders, names in os.walk(folder):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        found.extend(
            Path(directory, name)
            for name in sorted(names)
            if not name.startswith(".") and Path(name).suffix.lower() in FOLDER_SUFFIXES
        )
    return found


def _expand(text: str) -> tuple[list[Source], ConverterError | None]:
    path = Path(text)
    if path == STDIN:
        return [Source(STDIN, Path("stdin"))], None
    if path.is_dir():
        files = _folder_files(path)
        if not files:
            return [], InputError("the folder holds no .txt report", source=text)
        return [Source(f, f.relative_to(path), True) for f in files], None
    if not path.exists() and _is_pattern(text):
        root = _pattern_root(text)
        files = sorted(Path(p) for p in glob.glob(text, recursive=True) if Path(p).is_file())
        if not files:
            return [], InputError("no file matches this pattern", source=text)
        return [Source(f, f.relative_to(root) if f.is_relative_to(root) else Path(f.name), True) for f in files], None
    return [Source(path, Path(path.name))], None


def discover(inputs: list[str]) -> tuple[list[Source], list[tuple[str, ConverterError]]]:
    """Every source the inputs name, in order, each file once; and the inputs that named none."""
    sources: list[Source] = []
    problems: list[tuple[str, ConverterError]] = []
    seen: set[Path] = set()
    for text in inputs:
        expanded, problem = _expand(text)
        if problem is not None:
            problems.append((text, problem))
        for source in expanded:
            key = source.path if source.path == STDIN else source.path.resolve()
            if key not in seen:
                seen.add(key)
                sources.append(source)
    return sources, problems


def _into_folder(out: str, sources: list[Source]) -> bool:
    return Path(out).is_dir() or out.endswith(("/", os.sep)) or len(sources) > 1 or any(s.found for s in sources)


def _target(source: Source, suffix: str, out: str | None, folder: bool) -> Path | None:
    if out == "-":
        return None
    if out is None:
        return source.path.with_suffix(suffix) if source.path != STDIN else None
    if folder:
        return Path(out) / source.relative.with_suffix(suffix)
    return Path(out)


def plan(sources: list[Source], suffix: str, out: str | None) -> tuple[list[Job], list[tuple[str, ConverterError]]]:
    """A job per source, or the reason it cannot have one (its output would clash)."""
    if out == "-" and len(sources) > 1:
        error = OutputError("-o - (standard output) takes a single input")
        return [], [(str(s.path), error) for s in sources]
    folder = out is not None and out != "-" and _into_folder(out, sources)
    inputs = {s.path.resolve(): s.path for s in sources if s.path != STDIN}
    claimed: dict[Path, Path] = {}
    jobs: list[Job] = []
    refused: list[tuple[str, ConverterError]] = []
    for source in sources:
        target = _target(source, suffix, out, folder)
        key = target.resolve() if target is not None else None
        if key in inputs:
            refused.append((str(source.path), OutputError(f"the output {target} is an input file; choose another place with -o")))
        elif key is not None and key in claimed:
            refused.append((str(source.path), OutputError(f"the output {target} is already the output of {claimed[key]}")))
        else:
            if key is not None:
                claimed[key] = source.path
            jobs.append(Job(source.path, target))
    return jobs, refused
