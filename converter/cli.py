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
from .errors import EXIT_CODES, ConverterError, OutputError
from .terminal import one_line
from .version import __version__

DEFAULT_COMMAND = "to"
CONVERT_USAGE = "INPUT... --to FORMAT [-o OUT] [OPTIONS]"
_GROUP_OPTIONS = {"--help", "-h", "--version", "--install-completion", "--show-completion"}


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


class _ConvertContext(TyperCommand.context_class):
    """The conversion is the command itself: its usage and hints say `convert`, not `convert to`."""

    @property
    def command_path(self) -> str:
        return self.parent.command_path if self.parent is not None else super().command_path


class _ConvertCommand(_PlainCommand):
    context_class = _ConvertContext

    def get_usage(self, ctx) -> str:
        return f"Usage: {ctx.command_path} {CONVERT_USAGE}"

    def format_usage(self, ctx, formatter) -> None:
        formatter.write_usage(ctx.command_path, CONVERT_USAGE)

    def parse_args(self, ctx, args):
        from typer._click.exceptions import NoSuchOption

        try:
            return super().parse_args(ctx, args)
        except NoSuchOption as error:
            # "did you mean --to?", the same words as for a format or a layout.
            if error.possibilities:
                error.message = f"no such option {error.option_name}; did you mean {sorted(error.possibilities)[0]}?"
                error.possibilities = None
            raise


class _DefaultToConvert(_PlainParams, TyperGroup):
    """`convert notice.txt --to pdf` runs the conversion without naming a sub-command, and
    `convert --help` shows the conversion first, then the other commands."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in _GROUP_OPTIONS:
            _refuse_near_command(ctx, args[0], list(self.commands))
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)

    def get_usage(self, ctx) -> str:
        return f"Usage: {ctx.command_path} {CONVERT_USAGE}\n       {ctx.command_path} COMMAND [ARGS]..."

    def format_help(self, ctx, formatter) -> None:
        command = self.commands[DEFAULT_COMMAND]
        formatter.write_usage(ctx.command_path, CONVERT_USAGE)
        formatter.write_usage(ctx.command_path, "COMMAND [ARGS]...", prefix="       ")
        self.format_help_text(ctx, formatter)
        inner = command.context_class(command, info_name=DEFAULT_COMMAND, parent=ctx)
        inner.ensure_object(dict)
        arguments, options = [], []
        for param in command.get_params(inner):
            record = param.get_help_record(inner)
            if record is None:
                continue
            if param.param_type_name == "argument":  # its metavar, not typer's "<list[Path]>"
                arguments.append((param.metavar or record[0], record[1].replace("  [required]", "")))
            else:
                options.append(record)
        for heading, rows in (("Arguments", arguments), ("Options", options)):
            with formatter.section(heading):
                formatter.write_dl(rows)
        self.format_commands(ctx, formatter)
        self.format_epilog(ctx, formatter)


def _refuse_near_command(ctx, word: str, commands: list[str]) -> None:
    """`convert valdate x.xml`: a misspelt command, not a file to convert."""
    from pathlib import Path as _Path

    from .cli_usage import did_you_mean

    if word.startswith("-") or _Path(word).exists() or any(ch in word for ch in "./\\*?"):
        return
    hint = did_you_mean(word, [c for c in commands if c != DEFAULT_COMMAND])
    if hint:
        ctx.fail(f"no such file or command {word!r}{hint}")


def _exit_codes_help() -> str:
    return "Exit codes: " + "; ".join(f"{code} {meaning}" for code, meaning in EXIT_CODES.items() if isinstance(code, int))


app = typer.Typer(
    cls=_DefaultToConvert,
    add_completion=False,
    no_args_is_help=True,
    help="Convert Chinese meeting reports (.txt), saved web pages (.html) or canonical documents (.xml) "
    "to xml, json, jsonl, docx, pdf, ofd.\n\n"
    "  convert notice.txt --to pdf\n\n"
    "  convert reports/ --to jsonl -o all.jsonl",
    epilog=_exit_codes_help(),
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


_FORMATS_HELP = "Output format: xml, json, jsonl, docx, pdf, ofd or a plug-in's (`convert formats`); any case."


@app.command(DEFAULT_COMMAND, hidden=True, cls=_ConvertCommand)
def convert_files(
    inputs: List[str] = typer.Argument(..., metavar="INPUT...", show_default=False, help="Reports (.txt), web pages (.html, .htm), canonical documents (.xml), folders (their .txt and .html reports), quoted glob patterns ('reports/**/*.txt'), URLs (s3://bucket/reports/), or - for standard input."),
    to: str = typer.Option("xml", "--to", "-t", metavar="FORMAT", help=_FORMATS_HELP),
    out: Optional[str] = typer.Option(None, "--output", "-o", metavar="OUT", show_default=False, help="Output file, folder (mirrors the input folders), or - for standard output. Default: beside each input. --to jsonl writes all inputs into the one file."),
    layout: str = typer.Option("report", "--layout", "-l", metavar="LAYOUT", help="docx, pdf and ofd: report, or minutes (纪要); any case."),
    keep_punctuation: bool = typer.Option(False, "--keep-punctuation", help="Do not typeset half-width punctuation between Chinese characters as full-width."),
    font: List[str] = typer.Option([], "--font", metavar="ROLE=FACE", show_default=False, help="Face name or font file for a role: title, body, heading, kai, number (repeatable)."),
    strict: bool = typer.Option(False, "--strict", help="Fail when the parser had to guess or recognised nothing."),
    record_time: bool = typer.Option(False, "--record-time", help="Record the time of conversion in the provenance (the output then changes from run to run)."),
    max_size: int = typer.Option(20, "--max-size", metavar="MB", help="Largest input accepted, in MB."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", metavar="N", show_default=False, help="Worker processes for many files. Default: all cores; 1 converts in this process."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No warnings, no progress bar, no 'wrote' lines, no summary counts (failures are still listed)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS", show_default=False, help="Run on a Dask cluster: tcp://HOST:PORT, a scheduler file, or local:N (N local workers). Needs notice-converter[dask]."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Convert each input to --to FORMAT."""
    from .batch import report
    from .batch.api import start
    from .cli_usage import BINARY_FORMATS, choose_format, choose_layout, parse_fonts

    if jobs is not None and jobs < 1:
        raise typer.BadParameter("takes a number of processes, 1 or more", param_hint="'--jobs'")
    _check_max_size(max_size)
    to = choose_format(to)
    settings = _settings(to, choose_layout(layout), keep_punctuation, parse_fonts(font), strict, max_size, record_time)
    try:
        suffix = _exporter_suffix(to)
    except ConverterError as error:
        typer.echo(one_line(f"error: {error}"), err=True)
        raise typer.Exit(error.exit_code)
    if out == "-" and to in BINARY_FORMATS and sys.stdout.isatty():
        raise typer.BadParameter(
            f"{to} is binary and standard output is a terminal; give -o FILE or redirect (> file.{to})",
            param_hint="'-o -'",
        )
    if to == "jsonl":
        from . import batch

        sources, problems = batch.discover(inputs)
        return _convert_to_lines(sources, problems, settings, out, jobs, quiet)
    try:
        planned = start(inputs, settings, suffix, out, jobs, scheduler)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="'--scheduler'")
    if out not in (None, "-") and planned.total > 1 and _looks_like_a_file(out):
        # Checked before anything is converted: outputs are written only as the batch runs.
        raise typer.BadParameter(
            f"{out} does not exist and looks like a file, but there are several inputs: "
            "give a folder (ending in /) or one input",
            param_hint="'-o'",
        )
    tally = report.Tally(planned.total)
    single = tally.total == 1
    for refusal in planned.refused:
        tally.add(refusal)
    if settings.format in ("pdf", "ofd") and planned.converting:
        # Conversion starts only when the outcomes are iterated, so the notes come first.
        _font_notes(settings.options.fonts, quiet, in_process=jobs == 1 or planned.converting <= 1)
    tell = _tells_where(quiet)
    try:
        with report.progress(planned.running, planned.converting, report.wants_progress(tally.total, quiet)) as shown:
            for outcome in shown:
                _deliver(outcome, quiet)
                if tell and outcome.ok and outcome.target:
                    typer.echo(one_line(f"{outcome.source} -> {outcome.target}"), err=True)
                tally.add(outcome)
    except ConverterError as error:  # the cluster cannot be reached, or its extra is missing
        typer.echo(one_line(f"error: {error}"), err=True)
        raise typer.Exit(error.exit_code)
    _finish(tally, single, quiet)


def _finish(tally, single: bool, quiet: bool) -> None:
    from .batch import report

    if single:
        for failure in tally.failures:
            report.print_failure(failure)
    else:
        report.print_summary(tally, quiet)
    if tally.failures:
        raise typer.Exit(tally.failures[0].exit_code if single else 1)


def _font_notes(fonts: dict[str, str], quiet: bool, in_process: bool) -> None:
    """On a terminal: which GB/T 9704 faces stand in (once per machine), and a progress bar for
    one-time font work longer than a second."""
    from .cli_fonts import on_terminal, show_conversion_progress, stand_in_note_once

    if not on_terminal(quiet):
        return
    note = stand_in_note_once(fonts)
    if note:
        _warn("fonts", note)
    if in_process:
        show_conversion_progress()


def _tells_where(quiet: bool) -> bool:
    """Each success says where its output went, to a person at a terminal only."""
    return not quiet and sys.stderr.isatty()


def _looks_like_a_file(out: str) -> bool:
    path = Path(out)
    return not path.exists() and not out.endswith(("/", "\\")) and bool(path.suffix)


def _convert_to_lines(sources, problems, settings, out: Optional[str], jobs: Optional[int], quiet: bool) -> None:
    """--to jsonl: one line per input in input order, into one file (or standard output),
    streamed as the conversions finish; a failed input is a line with its error."""
    from . import batch
    from .batch import report
    from .batch.lines import LinesOutput
    from .exporters.jsonl import error_line

    total = len(sources) + len(problems)
    if out is None:
        if total != 1 or sources[0].path == batch.STDIN:
            raise typer.BadParameter("--to jsonl writes one file for all inputs: give -o FILE.jsonl or -o -", param_hint="'-o'")
        target: Optional[Path] = sources[0].path.with_suffix(".jsonl")
    else:
        target = None if out == "-" else (Path(out) / "all.jsonl" if Path(out).is_dir() else Path(out))
    if target is not None:
        resolved = target.resolve()
        clash = next((s.path for s in sources if s.path != batch.STDIN and s.path.resolve() == resolved), None)
        if clash is not None:
            typer.echo(one_line(f"error: {clash}: the output {target} is an input file; choose another place with -o"), err=True)
            raise typer.Exit(8)
    jobs_list = [batch.Job(source.path, None) for source in sources]
    tally = report.Tally(total)
    workers = 1 if any(job.source == batch.STDIN for job in jobs_list) else (jobs or batch.available_cores())
    try:
        with LinesOutput(target) as lines:
            for name, error in problems:
                message = str(error.located(name))
                lines.write(error_line(name, message, error.exit_code))
                tally.add(batch.Outcome(name, None, error=message, exit_code=error.exit_code))
            outcomes = batch.run(jobs_list, settings, workers)
            with report.progress(outcomes, len(jobs_list), report.wants_progress(total, quiet)) as shown:
                for outcome in shown:
                    if not quiet:
                        for warning in outcome.warnings:
                            _warn(outcome.source, warning)
                    if outcome.ok:
                        lines.write(outcome.data)
                    else:
                        lines.write(error_line(outcome.source, outcome.error, outcome.exit_code))
                    tally.add(outcome)
    except ConverterError as error:
        typer.echo(one_line(f"error: {error}"), err=True)
        raise typer.Exit(error.exit_code)
    if target is not None and _tells_where(quiet):
        typer.echo(one_line(f"{lines.count} line(s) -> {target}"), err=True)
    _finish(tally, total == 1, quiet)


def _check_max_size(max_size: int) -> None:
    if max_size < 0:
        raise typer.BadParameter("takes a size in MB, 0 or more", param_hint="'--max-size'")


def _settings(to: str, layout: str, keep_punctuation: bool, fonts: dict, strict: bool, max_size: int, record_time: bool):
    from .batch import Settings
    from .options import ExportOptions

    options = ExportOptions(layout=layout, keep_punctuation=keep_punctuation, fonts=fonts)
    return Settings(to, options, strict, max_size * 1024 * 1024, record_time)


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


@app.command("check", cls=_PlainCommand)
def check_files(
    files: List[Path] = typer.Argument(..., help="DOCX, PDF or OFD files, ours or anyone's."),
    as_json: bool = typer.Option(False, "--json", help="One JSON document with every rule of every file."),
    strict_faces: bool = typer.Option(False, "--strict-faces", help="Fail a Song face standing in for 仿宋 or 小标宋."),
) -> None:
    """Check files against the GB/T 9704-2012 rules measurable from them; one line per rule."""
    from .check.report import run

    outcome = run([str(path) for path in files], as_json=as_json, strict_faces=strict_faces)
    sys.stdout.write(outcome.output)
    for line in outcome.errors:
        typer.echo(line, err=True)
    raise typer.Exit(outcome.exit_code)


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
    from .cli_fonts import TerminalProgress, on_terminal
    from .cli_usage import parse_fonts
    from .typeset.fontcache import cache_folder
    from .typeset.fonts import font_report, prepare as prepare_fonts

    try:
        report = font_report(parse_fonts(font))
        progress = TerminalProgress() if on_terminal(False) else None
        ready = prepare_fonts(parse_fonts(font), progress) if prepare else None
    except ConverterError as error:
        typer.echo(one_line(f"error: {error}"), err=True)
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
    # Installed as `convert` and as `notice-convert` (ImageMagick's `convert` takes the first name
    # on many machines): messages use the name the user typed.
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "convert"
    try:
        app(prog_name="notice-convert" if name.startswith("notice-convert") else "convert")
    except OSError as error:
        # Files' errors become ConverterErrors where they happen; what escapes without a file
        # name is standard output failing under a report line (`>/dev/full`, closed by `>&-`).
        if error.filename is not None:
            raise
        sys.stderr.write(f"error: cannot write to standard output: {error.strerror or error}\n")
        sys.exit(OutputError.exit_code)
