"""The `convert` command: a thin shell over the library that reads files, writes files, exits."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer
from typer.core import TyperGroup

from .errors import EXIT_CODES, ConverterError, ExportError, StrictModeError
from .version import __version__

DEFAULT_COMMAND = "to"


class _DefaultToConvert(TyperGroup):
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
    typer.echo(f"{source}: warning: {message}", err=True)


def _read_document(path: Path, max_bytes: int):
    from . import load, parse_bytes
    from .errors import InputError

    try:
        data = path.read_bytes() if str(path) != "-" else sys.stdin.buffer.read()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", source=str(path)) from None
    if path.suffix.lower() == ".xml" or data.lstrip()[:5] == b"<?xml":
        return load(data)
    return parse_bytes(data, max_bytes=max_bytes)


def _check_strict(document) -> None:
    from .model import blocks, meetings, participants

    if document.guesses:
        raise StrictModeError("the parser had to guess: " + "; ".join(document.guesses))
    recognised = blocks(document.root) or any(participants(m) for m in meetings(document.root))
    if not recognised:
        raise StrictModeError("no statement block and no participant was recognised")


def _parse_fonts(values: List[str]) -> dict[str, str]:
    fonts: dict[str, str] = {}
    for value in values:
        role, sep, face = value.partition("=")
        if not sep or not role or not face:
            raise ExportError(f"--font takes ROLE=FACE (roles: title, body, heading, kai), not {value!r}")
        fonts[role.strip()] = face.strip()
    return fonts


@app.command(DEFAULT_COMMAND, hidden=True)
def convert_files(
    inputs: List[Path] = typer.Argument(..., help="Reports (.txt) or canonical documents (.xml)."),
    to: str = typer.Option("xml", "--to", "-t", help="Output format (see `convert formats`)."),
    out: Optional[str] = typer.Option(None, "--output", "-o", help="Output file, folder, or - for standard output. Default: beside each input."),
    layout: str = typer.Option("report", "--layout", help="report or minutes (纪要) for docx and pdf."),
    keep_punctuation: bool = typer.Option(False, "--keep-punctuation", help="Do not typeset half-width punctuation between Chinese characters as full-width."),
    font: List[str] = typer.Option([], "--font", help="ROLE=FACE-OR-FILE for title, body, heading, kai (repeatable)."),
    strict: bool = typer.Option(False, "--strict", help="Fail when the parser had to guess or recognised nothing."),
    max_size: int = typer.Option(20, "--max-size", help="Largest input accepted, in MB."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No warnings and no summary."),
) -> None:
    """Convert each input to --to FORMAT."""
    from . import export
    from .exporters import get
    from .output import check_not_input, target_for, write_atomically

    try:
        exporter = get(to)
        fonts = _parse_fonts(font)
    except ConverterError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(error.exit_code)
    failures: list[tuple[Path, ConverterError]] = []
    for path in inputs:
        try:
            document = _read_document(path, max_size * 1024 * 1024)
            if not quiet:
                for warning in document.warnings:
                    _warn(str(path), warning)
            if strict:
                _check_strict(document)
            target = target_for(path, exporter.suffix, out, len(inputs) > 1)
            if target is not None:
                check_not_input(target, inputs)
            data = export(document, to, layout=layout, keep_punctuation=keep_punctuation, fonts=fonts)
            if target is None:
                sys.stdout.buffer.write(data)
                sys.stdout.buffer.flush()
            else:
                write_atomically(target, data)
        except ConverterError as error:
            error.located(str(path))
            failures.append((path, error))
            typer.echo(f"error: {error}", err=True)
    if failures:
        raise typer.Exit(failures[0][1].exit_code if len(inputs) == 1 else 1)


@app.command("validate")
def validate_files(
    files: List[Path] = typer.Argument(..., help="Canonical XML documents to check against the schema."),
) -> None:
    """Check XML documents against the published schema; list every problem."""
    from . import validate
    from .errors import InvalidDocumentError

    worst = 0
    for path in files:
        try:
            found = validate(path)
        except FileNotFoundError:
            typer.echo(f"{path}: error: no such file", err=True)
            worst = worst or 3
            continue
        except ConverterError as error:
            typer.echo(f"error: {error.located(str(path))}", err=True)
            worst = worst or error.exit_code
            continue
        if found:
            for problem in found:
                typer.echo(f"{path}:{problem.line}: {problem.path}: {problem.message}")
            worst = worst or InvalidDocumentError.exit_code
        else:
            typer.echo(f"{path}: valid")
    raise typer.Exit(worst)


@app.command("formats")
def list_formats() -> None:
    """List the output formats, built-in and from plug-ins."""
    from .exporters import formats, shadowed_plugins

    for info in formats():
        typer.echo(f"{info.name:<8} {info.suffix:<7} {info.description}  [{info.origin}]")
    for rejected in shadowed_plugins():
        _warn("formats", f"plug-in {rejected} ignored: the name is taken by a built-in format")


@app.command("schema")
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
        sys.stdout.buffer.write(location.read_bytes())


def main() -> None:
    app(prog_name="convert")
