"""Inputs and outputs that live on this disk or in object storage (fsspec URLs: s3://, file://, …).

A batch that runs on a cluster names every document twice: as the person wrote it (what the
summary and the errors show, the same as `--jobs 1`) and as a worker reaches it (an absolute path,
since a worker runs in its own folder, or a URL, which the worker opens itself, so no document
passes through the command's process).

fsspec and the store's own library (s3fs …) are imported only when a URL is used; their
credentials come from their usual environment and configuration files, never from our options.
An output on a store is written whole with one put (S3's put and multipart upload both make the
object appear at once, or not at all), so a failed document leaves nothing behind.
"""

from __future__ import annotations

import glob
import os
import posixpath
import re
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import ConverterError, InputError, InputTooLargeError, OutputError
from .sources import STDIN, FOLDER_SUFFIXES, discover as discover_files

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


def is_url(text: str | None) -> bool:
    return text is not None and bool(_URL.match(text))


def names_a_url(inputs: list[str], out: str | None) -> bool:
    return any(is_url(text) for text in inputs) or is_url(out)


@dataclass(frozen=True)
class Item:
    """One document of a batch: names as written (reported), places as a worker reaches them."""

    source: str
    read: str  # an absolute path or a URL
    target: str | None  # None: standard output
    write: str | None


@dataclass(frozen=True)
class Found:
    name: str
    place: str
    relative: PurePosixPath
    found: bool  # from a folder or a pattern: the output location is then a folder


def _filesystem(url: str):
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise InputError("URLs need the dask extra: pip install 'notice-converter[dask]'", source=url) from None
    try:
        return url_to_fs(url)
    except (ImportError, ValueError) as error:  # an unknown protocol, or its library is missing
        raise InputError(f"cannot open this URL: {error}", source=url) from None


def _hidden(relative: str) -> bool:
    return any(part.startswith(".") for part in relative.split("/"))


def _expand_url(text: str) -> list[Found]:
    fs, path = _filesystem(text)
    if glob.has_magic(path):
        root = path.split("*")[0].split("?")[0].split("[")[0].rpartition("/")[0]
        files = sorted(p for p in fs.glob(path) if fs.isfile(p))
        if not files:
            raise InputError("no object matches this pattern", source=text)
        return [Found(fs.unstrip_protocol(p), fs.unstrip_protocol(p), PurePosixPath(p[len(root):].lstrip("/")), True) for p in files]
    if fs.isdir(path):
        base = path.rstrip("/")
        files = sorted(
            p for p in fs.find(base)
            if posixpath.splitext(p)[1].lower() in FOLDER_SUFFIXES and not _hidden(p[len(base):].lstrip("/"))
        )
        if not files:
            raise InputError("the folder holds no .txt report", source=text)
        return [Found(fs.unstrip_protocol(p), fs.unstrip_protocol(p), PurePosixPath(p[len(base):].lstrip("/")), True) for p in files]
    # A single object; one that does not exist is reported when it is read, as for a file.
    return [Found(text, fs.unstrip_protocol(path), PurePosixPath(posixpath.basename(path)), False)]


def discover(inputs: list[str]) -> tuple[list[Found], list[tuple[str, ConverterError]]]:
    """Every document the inputs name (files, folders, patterns, URLs), each once, in order."""
    found: list[Found] = []
    problems: list[tuple[str, ConverterError]] = []
    seen: set[str] = set()
    for text in inputs:
        if is_url(text):
            try:
                expanded = _expand_url(text)
            except ConverterError as error:
                problems.append((text, error))
                continue
        else:
            sources, trouble = discover_files([text])
            problems += trouble
            expanded = [Found(str(s.path), _absolute(s.path), PurePosixPath(s.relative.as_posix()), s.found) for s in sources]
        for item in expanded:
            if item.place not in seen:
                seen.add(item.place)
                found.append(item)
    return found, problems


def _absolute(path: Path) -> str:
    return "-" if path == STDIN else os.path.realpath(path)


def _into_folder(out: str, found: list[Found]) -> bool:
    if len(found) > 1 or any(f.found for f in found) or out.endswith(("/", os.sep)):
        return True
    if is_url(out):
        fs, path = _filesystem(out)
        return fs.isdir(path)
    return Path(out).is_dir()


def _with_suffix(name: str, suffix: str) -> str:
    if is_url(name):
        stem, _ = posixpath.splitext(name)
        return stem + suffix
    return str(Path(name).with_suffix(suffix))


def _join(folder: str, relative: PurePosixPath) -> str:
    if is_url(folder):
        return folder.rstrip("/") + "/" + relative.as_posix()
    return str(Path(folder) / relative)


def _place(name: str) -> str:
    if is_url(name):
        fs, path = _filesystem(name)
        return fs.unstrip_protocol(path)
    return os.path.realpath(name)


def plan(found: list[Found], suffix: str, out: str | None) -> tuple[list[Item], list[tuple[str, ConverterError]]]:
    """An item per document, or why it cannot have one (its output would clash or is an input)."""
    if out == "-" and len(found) > 1:
        error = OutputError("-o - (standard output) takes a single input")
        return [], [(f.name, error) for f in found]
    folder = out is not None and out != "-" and _into_folder(out, found)
    inputs = {f.place for f in found}
    claimed: dict[str, str] = {}
    items: list[Item] = []
    refused: list[tuple[str, ConverterError]] = []
    for source in found:
        if out == "-" or (out is None and source.place == "-"):
            items.append(Item(source.name, source.place, None, None))
            continue
        if out is None:
            target = _with_suffix(source.name, suffix)
        elif folder:
            target = _join(out, source.relative.with_suffix(suffix))
        else:
            target = out
        place = _place(target)
        if place in inputs:
            refused.append((source.name, OutputError(f"the output {target} is an input file; choose another place with -o")))
        elif place in claimed:
            refused.append((source.name, OutputError(f"the output {target} is already the output of {claimed[place]}")))
        else:
            claimed[place] = source.name
            items.append(Item(source.name, source.place, target, place))
    return items, refused


def read_bytes(item: Item, max_bytes: int) -> bytes:
    """The input's bytes, never more than one past `max_bytes`; errors name the input as written."""
    try:
        if item.read == "-":  # only ever in the command's own process: a cluster refuses it
            data = sys.stdin.buffer.read(max_bytes + 1)
        elif is_url(item.read):
            fs, path = _filesystem(item.read)
            with fs.open(path, "rb") as stream:
                data = stream.read(max_bytes + 1)
        else:
            with open(item.read, "rb") as stream:
                data = stream.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError("cannot read: No such file or directory", source=item.source) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", source=item.source) from None
    except ConverterError:
        raise
    except Exception as error:  # a store's own failures (credentials, network) are not OSErrors
        raise InputError(f"cannot read: {type(error).__name__}: {error}", source=item.source) from None
    if len(data) > max_bytes:
        raise InputTooLargeError(f"input is over the limit of {max_bytes:,} bytes (raise it with --max-size)", source=item.source)
    return data


def write_whole(item: Item, data: bytes) -> None:
    """Put the output in place whole or not at all: a local rename, or one put on a store."""
    assert item.write is not None and item.target is not None
    if not is_url(item.write) or item.write.startswith("file://"):
        _write_local(item, data)
        return
    fs, path = _filesystem(item.write)
    try:
        fs.pipe_file(path, data)
    except Exception as error:  # noqa: BLE001 - each store raises its own kinds
        raise OutputError(f"cannot write the output: {type(error).__name__}: {error}", source=item.target) from None


def _write_local(item: Item, data: bytes) -> None:
    from ..output import write_atomically

    local = item.write[len("file://"):] if item.write.startswith("file://") else item.write
    try:
        write_atomically(Path(local), data)
    except OutputError as error:  # named by the place the worker used; report it as written
        raise OutputError(error.message, source=item.target) from None
