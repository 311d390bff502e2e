"""Which files a command line names, and where each one's output goes.

An input is a file, a folder (its *.txt reports and *.html/*.htm pages, recursively, hidden
entries skipped) or a glob pattern the shell did not expand (`'reports/**/*.txt'`). Each source remembers where it sits
under the folder or pattern that found it, so `-o FOLDER` can mirror the input tree.
Canonical .xml documents are converted when named or matched by a pattern; a folder contributes
only its reports, so converting a folder `--to xml` beside its inputs can be run twice.

Folders and `**` are searched without following symbolic links to folders (as pathlib's `**`
does; glob's follows them into loops that never end), one folder at a time with no recursion,
so any depth is fine. What cannot be searched or read (a folder that cannot be listed, a link
that loops, a FIFO) is reported on its own and the batch goes on.
"""

from __future__ import annotations

import fnmatch
import glob
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Hashable

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


# A folder search: for a folder's state and an entry name, the state inside that sub-folder
# (None: do not enter it), and whether a non-folder entry is wanted.
Enter = Callable[[Hashable, str], Hashable]
Wanted = Callable[[Hashable, str], bool]


def _search(root: Path, start: Hashable, enter: Enter, wanted: Wanted) -> tuple[list[Path], list[tuple[str, ConverterError]]]:
    """The wanted entries under `root` in os.walk's order (a folder's files, then its sorted sub-folders).

    Iterative, never following a link to a folder: deep trees and link loops cannot exhaust it.
    """
    found: list[Path] = []
    problems: list[tuple[str, ConverterError]] = []
    stack = [(root, start)]
    while stack:
        folder, state = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            problems.append((str(folder), InputError(f"cannot search this folder: {error.strerror or error}")))
            continue
        inner = []
        for entry in entries:
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False
            if is_folder:
                inside = enter(state, entry.name)
                if inside is not None:
                    inner.append((Path(entry.path), inside))
            elif wanted(state, entry.name) and not _links_to_folder(entry):
                found.append(Path(entry.path))
        stack.extend(reversed(inner))
    return found, problems


def _links_to_folder(entry: os.DirEntry) -> bool:
    # Not searched, not converted (os.walk lists them as folders). A link that loops or leads
    # nowhere is kept: reading it then reports why.
    try:
        return entry.is_dir()
    except OSError:
        return False


def _folder_files(folder: Path) -> tuple[list[Path], list[tuple[str, ConverterError]]]:
    def enter(state, name: str):
        return None if name.startswith(".") else True

    def wanted(state, name: str) -> bool:
        return not name.startswith(".") and Path(name).suffix.lower() in FOLDER_SUFFIXES

    return _search(folder, True, enter, wanted)


def _component_matches(name: str, pattern: str) -> bool:
    # As glob: a wildcard does not match a hidden name unless the pattern itself starts with a dot.
    if name.startswith(".") and not pattern.startswith("."):
        return False
    return fnmatch.fnmatchcase(name, pattern)


def _pattern_files(root: Path, parts: tuple[str, ...]) -> tuple[list[Path], list[tuple[str, ConverterError]]]:
    """Entries under `root` matching the pattern's remaining parts (`**`: any folders, or none).

    The state of a folder is the set of positions in `parts` still reachable there, so a branch
    that cannot match is never entered and several `**` cost no more than one.
    """

    def closure(positions) -> frozenset[int]:
        reached = set(positions)
        for position in sorted(reached):
            while position < len(parts) and parts[position] == "**":
                position += 1
                reached.add(position)
        return frozenset(reached)

    def step(state: frozenset[int], name: str) -> frozenset[int]:
        after = set()
        for position in state:
            if position == len(parts):
                continue
            if parts[position] == "**":
                if not name.startswith("."):
                    after.add(position)
            elif _component_matches(name, parts[position]):
                after.add(position + 1)
        return closure(after)

    def enter(state, name: str):
        inside = step(state, name)
        return inside if any(position < len(parts) for position in inside) else None

    def wanted(state, name: str) -> bool:
        return len(parts) in step(state, name)

    found, problems = _search(root, closure({0}), enter, wanted)
    return sorted(found), problems


def _pattern_parts(pattern: str, root: Path) -> tuple[str, ...]:
    parts = Path(pattern).parts
    return tuple(parts[len(root.parts) if root != Path(".") else 0 :])


def _expand(text: str) -> tuple[list[Source], list[tuple[str, ConverterError]]]:
    path = Path(text)
    if path == STDIN:
        return [Source(STDIN, Path("stdin"))], []
    if path.is_dir():
        files, problems = _folder_files(path)
        if not files and not problems:
            return [], [(text, InputError("the folder holds no .txt report", source=text))]
        return [Source(f, f.relative_to(path), True) for f in files], problems
    if not path.exists() and _is_pattern(text):
        root = _pattern_root(text)
        files, problems = _pattern_files(root, _pattern_parts(text, root)) if root.is_dir() else ([], [])
        if not files and not problems:
            return [], [(text, InputError("no file matches this pattern", source=text))]
        return [Source(f, f.relative_to(root) if f.is_relative_to(root) else Path(f.name), True) for f in files], problems
    return [Source(path, Path(path.name))], []


def _identity(path: Path) -> Path:
    """The file a path names, links followed as far as they go: a link that loops does not raise."""
    return Path(os.path.realpath(path))


def discover(inputs: list[str]) -> tuple[list[Source], list[tuple[str, ConverterError]]]:
    """Every source the inputs name, in order, each file once; and the inputs that named none."""
    sources: list[Source] = []
    problems: list[tuple[str, ConverterError]] = []
    seen: set[Path] = set()
    for text in inputs:
        expanded, found_problems = _expand(text)
        problems.extend(found_problems)
        for source in expanded:
            key = source.path if source.path == STDIN else _identity(source.path)
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
    inputs = {_identity(s.path): s.path for s in sources if s.path != STDIN}
    claimed: dict[Path, Path] = {}
    jobs: list[Job] = []
    refused: list[tuple[str, ConverterError]] = []
    for source in sources:
        target = _target(source, suffix, out, folder)
        key = _identity(target) if target is not None else None
        if key in inputs:
            refused.append((str(source.path), OutputError(f"the output {target} is an input file; choose another place with -o")))
        elif key is not None and key in claimed:
            refused.append((str(source.path), OutputError(f"the output {target} is already the output of {claimed[key]}")))
        else:
            if key is not None:
                claimed[key] = source.path
            jobs.append(Job(source.path, target))
    return jobs, refused
