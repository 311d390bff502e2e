"""The `convert` command: a thin shell over the library that reads files, writes files, exits."""

from __future__ import annotations

import errno
import io
import sys
from pathlib import Path
from typing import List, Optional

import typer
from typer.core import TyperCommand, TyperGroup

from .cli_coercion import use_plain_coercion
from .errors import EXIT_CODES, ConverterError, ExportError, OutputError
from .terminal import one_line
from .version import __version__

DEFAULT_COMMAND = "to"


class _PlainParams:
    """Plain-typed options (ours and typer's --help) are converted without loading pydantic."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_plain_coercion(self.params)

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            use_plain_coercion([option])
        return option


class _PlainCommand(_PlainParams, TyperCommand):
    pass


class _DefaultToConvert(_PlainParams, TyperGroup):
    """`convert notice.txt --to pdf` runs the conversion without naming a sub-command."""

    def parse_args(self, ctx, args):
        group_options = {"--help", "-h", "--version", "--install-completion", "--show-completion"}
        if args and args[0] not in self.commands and args[0] not in group_options:
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)


def _exit_codes_help() -> str:
    return "Exit codes: " + "; ".join(f"{code} {meaning}" for code, meaning in EXIT_CODES.items() if isinstance(code, int))


app = typer.Typer(
    cls=_DefaultToConvert,
    add_completion=False,
    no_args_is_help=True,
    help="Convert Chinese meeting reports (.txt) or canonical documents (.xml) to xml, json, docx, pdf.\n\n"
    "  convert notice.txt --to pdf\n\n" + _exit_codes_help(),
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"notice-converter {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Convert meeting reports to a canonical XML document and on to other formats."""


def _warn(source: str, message: str) -> None:
    typer.echo(one_line(f"{source}: warning: {message}"), err=True)


def _parse_fonts(values: List[str]) -> dict[str, str]:
    fonts: dict[str, str] = {}
    for value in values:
        role, sep, face = value.partition("=")
        if not sep or not role or not face:
            raise ExportError(f"--font takes ROLE=FACE (roles: title, body, heading, kai), not {value!r}")
        fonts[role.strip()] = face.strip()
    return fonts


@app.command(DEFAULT_COMMAND, hidden=True, cls=_PlainCommand)
def convert_files(
    inputs: List[Path] = typer.Argument(..., help="Reports (.txt), canonical documents (.xml), folders (their .txt reports) or quoted glob patterns ('reports/**/*.txt')."),
    to: str = typer.Option("xml", "--to", "-t", help="Output format (see `convert formats`)."),
    out: Optional[str] = typer.Option(None, "--output", "-o", help="Output file, folder (mirrors the input folders), or - for standard output. Default: beside each input."),
    layout: str = typer.Option("report", "--layout", help="report or minutes (纪要) for docx and pdf."),
    keep_punctuation: bool = typer.Option(False, "--keep-punctuation", help="Do not typeset half-width punctuation between Chinese characters as full-width."),
    font: List[str] = typer.Option([], "--font", help="ROLE=FACE-OR-FILE for title, body, heading, kai (repeatable)."),
    strict: bool = typer.Option(False, "--strict", help="Fail when the parser had to guess or recognised nothing."),
    max_size: int = typer.Option(20, "--max-size", help="Largest input accepted, in MB."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Worker processes for many files. Default: all cores; 1 converts in this process."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No warnings, no progress bar and no summary counts (failures are still listed)."),
) -> None:
    """Convert each input to --to FORMAT."""
    from . import batch
    from .batch import report

    if jobs is not None and jobs < 1:
        raise typer.BadParameter("takes a number of processes, 1 or more", param_hint="--jobs")
    _check_max_size(max_size)
    try:
        settings = _settings(to, layout, keep_punctuation, font, strict, max_size)
        suffix = _exporter_suffix(to)
    except ConverterError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(error.exit_code)
    sources, problems = batch.discover([str(path) for path in inputs])
    planned, refused = batch.plan(sources, suffix, out)
    tally = report.Tally(len(planned) + len(problems) + len(refused))
    single = tally.total == 1
    for name, error in problems + refused:
        tally.add(batch.Outcome(name, None, error=str(error.located(name)), exit_code=error.exit_code))
    workers = 1 if any(job.source == batch.STDIN for job in planned) else (jobs or batch.available_cores())
    outcomes = batch.run(planned, settings, workers)
    with report.progress(outcomes, len(planned), report.wants_progress(tally.total, quiet)) as shown:
        for outcome in shown:
            _deliver(outcome, quiet)
            tally.add(outcome)
    if single:
        for failure in tally.failures:
            report.print_failure(failure)
    else:
        report.print_summary(tally, quiet)
    if tally.failures:
        raise typer.Exit(tally.failures[0].exit_code if single else 1)


def _check_max_size(max_size: int) -> None:
    if max_size < 0:
        raise typer.BadParameter("takes a size in MB, 0 or more", param_hint="--max-size")


def _settings(to: str, layout: str, keep_punctuation: bool, font: List[str], strict: bool, max_size: int):
    from .batch import Settings
    from .options import ExportOptions

    if layout not in ExportOptions.LAYOUTS:
        raise ExportError(f"unknown layout {layout!r}; choose report or minutes")
    options = ExportOptions(layout=layout, keep_punctuation=keep_punctuation, fonts=_parse_fonts(font))
    return Settings(to, options, strict, max_size * 1024 * 1024)


def _exporter_suffix(to: str) -> str:
    from .exporters import get

    return get(to).suffix


def _deliver(outcome, quiet: bool) -> None:
    """Warnings as they come, and the document itself when it goes to standard output."""
    if not quiet:
        for warning in outcome.warnings:
            _warn(outcome.source, warning)
    if outcome.data is not None:
        _write_stdout(outcome.data)


def _write_stdout(data: bytes) -> None:
    """The document on standard output; a closed or full one is an output error, not a crash."""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except OSError as error:
        typer.echo(f"error: cannot write to standard output: {error.strerror or error}", err=True)
        raise typer.Exit(OutputError.exit_code)


@app.command("validate", cls=_PlainCommand)
def validate_files(
    files: List[Path] = typer.Argument(..., help="Canonical XML documents to check against the schema."),
    max_size: int = typer.Option(20, "--max-size", help="Largest input accepted, in MB."),
) -> None:
    """Check XML documents against the published schema; list every problem."""
    from . import validate
    from .errors import InvalidDocumentError

    _check_max_size(max_size)
    worst = 0
    for path in files:
        try:
            found = validate(path, max_bytes=max_size * 1024 * 1024)
        except ConverterError as error:
            typer.echo(one_line(f"error: {error.located(str(path))}"), err=True)
            worst = worst or error.exit_code
            continue
        if found:
            for problem in found:
                typer.echo(one_line(f"{path}:{problem.line}: {problem.path}: {problem.message}"))
            worst = worst or InvalidDocumentError.exit_code
        else:
            typer.echo(one_line(f"{path}: valid"))
    raise typer.Exit(worst)


@app.command("formats", cls=_PlainCommand)
def list_formats() -> None:
    """List the output formats, built-in and from plug-ins."""
    from .exporters import formats, shadowed_plugins

    for info in formats():
        typer.echo(f"{info.name:<8} {info.suffix:<7} {info.description}  [{info.origin}]")
    for rejected in shadowed_plugins():
        _warn("formats", f"plug-in {rejected} ignored: the name is taken by a built-in format")


@app.command("schema", cls=_PlainCommand)
def show_schema(
    json_schema: bool = typer.Option(False, "--json", help="The JSON Schema of the json format instead of the XSD."),
    path: bool = typer.Option(False, "--path", help="Print where the file is instead of its content."),
) -> None:
    """Print the published XML schema (or the JSON Schema)."""
    from .schema import schema_path

    location = schema_path("notice.schema.json" if json_schema else "notice.xsd")
    if path:
        typer.echo(str(location))
    else:
        _write_stdout(location.read_bytes())


@app.command("fonts", cls=_PlainCommand)
def list_fonts(
    font: List[str] = typer.Option([], "--font", help="ROLE=FILE-OR-FAMILY, as for conversion (repeatable)."),
    prepare: bool = typer.Option(False, "--prepare", help="Convert and cache the fonts now, not on the first PDF."),
) -> None:
    """Show which font file sets each role of the PDF (title, body, heading, kai, number) and why."""
    from .exporters.pdf.fontcache import cache_folder
    from .exporters.pdf.fonts import font_report, prepare as prepare_fonts

    try:
        report = font_report(_parse_fonts(font))
        ready = prepare_fonts(_parse_fonts(font)) if prepare else None
    except ConverterError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(error.exit_code)
    for choice, how in report:
        face = choice.face
        index = f"#{face.index}" if face.index else ""
        typer.echo(f"{choice.role:<8} {face.family}: {face.path}{index}\n         why: {choice.why}\n         how: {how}")
    typer.echo(f"cache: {cache_folder()}" + (f" ({ready} faces ready)" if ready is not None else ""))


class _ClosedOutput(io.TextIOBase):
    """Standard output of a command started without one (`>&-`): writing to it fails loudly.

    Python leaves sys.stdout None then, and typer's echo would drop a report without a word.
    Commands that write only files never notice.
    """

    def write(self, text):
        raise OSError(errno.EBADF, "standard output is closed")

    @property
    def buffer(self):
        return self


def main() -> None:
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    try:
        app(prog_name="convert")
    except OSError as error:
        # Files' errors become ConverterErrors where they happen; what escapes without a file
        # name is standard output failing under a report line (`>/dev/full`, closed by `>&-`).
        if error.filename is not None:
            raise
        sys.stderr.write(f"error: cannot write to standard output: {error.strerror or error}\n")
        sys.exit(OutputError.exit_code)
