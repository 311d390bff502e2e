"""One conversion, file to file, as a worker process or the command itself runs it.

Everything a worker sends back is plain data (an Outcome), never an exception object: a failure
is reported with its message and exit code, and the batch goes on with the next file.
"""

from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import ConverterError, InputError, InputTooLargeError, StrictModeError
from ..options import ExportOptions
from .sources import STDIN, Job

@dataclass(frozen=True)
class Settings:
    """What every job of one command shares."""

    format: str
    options: ExportOptions = field(default_factory=ExportOptions)
    strict: bool = False
    max_bytes: int = 20 * 1024 * 1024
    # Record the time of conversion in the provenance (the output then differs run to run).
    record_time: bool = False


@dataclass(frozen=True)
class Outcome:
    source: str
    target: str | None
    warnings: tuple[str, ...] = ()
    error: str | None = None
    exit_code: int = 0
    # Set when an unexpected exception (a bug) stopped this file: shown in full to be reported.
    trace: str | None = None
    # The output, only when it goes to standard output (the command writes it, not the worker).
    data: bytes | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def prepare(settings: Settings) -> None:
    """Pay the one-time set-up once per worker process: imports, the schema, the exporter's own.

    An exporter may define `prepare(options)` (load fonts, build its template). A failure here is
    ignored on purpose: the same failure is then reported for each document it concerns.
    """
    try:
        from .. import parser  # noqa: F401 - compiles the recogniser patterns
        from ..exporters import get
        from ..schema import _xml_schema

        _xml_schema()
        exporter = get(settings.format)
        if hasattr(exporter, "prepare"):
            exporter.prepare(settings.options)
    except Exception:  # noqa: BLE001
        pass


def _option_values(options: ExportOptions) -> dict:
    return {name: getattr(options, name) for name in options.__dataclass_fields__}


def _read(path: Path, max_bytes: int):
    """The document in `path`: a canonical XML document or a report, never past `max_bytes`."""
    return document_from(_read_bytes(path, max_bytes), path.suffix, max_bytes, None if path == STDIN else str(path))


def document_from(data: bytes, suffix: str, max_bytes: int, name: str | None = None):
    """The document in `data`, read from a file named `name` with `suffix` (also for object storage)."""
    from .. import load, parse_bytes
    from ..webpage import looks_like_html

    if suffix.lower() == ".xml" or (data.lstrip()[:5] == b"<?xml" and not looks_like_html(data, name or "")):
        return load(data, max_bytes=max_bytes)
    return parse_bytes(data, max_bytes=max_bytes, name=name)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    from ..reading import read_file

    if path != STDIN:
        return read_file(path, max_bytes)  # regular files only: a FIFO or /dev/zero is refused
    # Standard input is the user's own pipe: read, but one byte past the limit at most.
    try:
        data = sys.stdin.buffer.read(max_bytes + 1)
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", source=str(path)) from None
    if len(data) > max_bytes:
        raise InputTooLargeError(f"input is over the limit of {max_bytes:,} bytes (raise it with --max-size)", source=str(path))
    return data


def _check_strict(document) -> None:
    from ..model import blocks, meetings, participants

    if document.guesses:
        raise StrictModeError("the parser had to guess: " + "; ".join(document.guesses))
    recognised = blocks(document.root) or any(participants(m) for m in meetings(document.root))
    if not recognised:
        raise StrictModeError("no statement block and no participant was recognised")


def _convert(job: Job, settings: Settings) -> Outcome:
    from .. import export
    from ..output import write_atomically

    document = _read(job.source, settings.max_bytes)
    if settings.strict:
        _check_strict(document)
    if settings.record_time:
        from ..provenance import stamp_time

        stamp_time(document.root)
    data = export(document, settings.format, **_option_values(settings.options))
    target = None if job.target is None else str(job.target)
    if job.target is not None:
        write_atomically(job.target, data)
        data = None
    return Outcome(str(job.source), target, tuple(document.warnings), data=data)


def convert_one(job: Job, settings: Settings) -> Outcome:
    """Convert one file; any failure becomes an Outcome naming the file and the reason."""
    return outcome_of(str(job.source), lambda: _convert(job, settings))


def outcome_of(source: str, conversion: Callable[[], Outcome]) -> Outcome:
    """The conversion's Outcome, or one naming `source` and why it failed (clusters use it too)."""
    try:
        return conversion()
    except ConverterError as error:
        error.located(source)
        return Outcome(source, None, error=str(error), exit_code=error.exit_code)
    except Exception as error:  # a bug in one file must not stop the batch; it is shown in full
        message = f"{source}: internal error ({type(error).__name__}: {error}); please report it"
        return Outcome(source, None, error=message, exit_code=1, trace=traceback.format_exc())
