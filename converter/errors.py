"""One exception root, one subclass and exit code per kind of failure.

Messages name the file and the place where one is known, and say what to do. The CLI maps each
class to its exit code; anything else that escapes is a bug and shows a traceback.
"""

from __future__ import annotations


class ConverterError(Exception):
    """Root of every error the library raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None, place: str | None = None):
        self.message = message
        self.source = source
        self.place = place
        super().__init__(self.render())

    def render(self) -> str:
        where = ":".join(p for p in (self.source, self.place) if p)
        return f"{where}: {self.message}" if where else self.message

    def located(self, source: str) -> "ConverterError":
        """The same error, naming `source` (the CLI knows the file name; the library may not)."""
        if self.source is None:
            self.source = source
            self.args = (self.render(),)
        return self


class InputError(ConverterError):
    """The input cannot be read as a report: empty, binary, undecodable."""

    exit_code = 3


class InputTooLargeError(InputError):
    """The input is larger than the configured limit."""

    exit_code = 4


class InvalidDocumentError(ConverterError):
    """An XML document is not well-formed, is hostile, or breaks the schema."""

    exit_code = 5

    def __init__(self, message: str, *, problems=(), source=None, place=None):
        self.problems = list(problems)
        super().__init__(message, source=source, place=place)


class StrictModeError(ConverterError):
    """--strict: a heuristic had to guess, or nothing was recognised."""

    exit_code = 6


class ExportError(ConverterError):
    """An exporter is unknown or could not render the document."""

    exit_code = 7


class OutputError(ConverterError):
    """The output cannot be written where asked (or would overwrite the input)."""

    exit_code = 8


class ClusterError(ConverterError):
    """The cluster named by --scheduler cannot be reached or started, or its extra is missing."""

    exit_code = 9


class CheckFailedError(ConverterError):
    """`convert check`: a file was read and at least one GB/T 9704 rule failed."""

    exit_code = 10


EXIT_CODES = {
    0: "success",
    1: "some inputs of a batch failed (each is listed in the summary)",
    2: "usage error (unknown option, format or layout, missing argument, binary output to a terminal)",
    InputError.exit_code: "input unreadable: empty, binary, undecodable, or another document format (DOCX, PDF …)",
    InputTooLargeError.exit_code: "input larger than --max-size",
    InvalidDocumentError.exit_code: "XML not well-formed, hostile, or invalid against the schema",
    StrictModeError.exit_code: "--strict and the parser had to guess or recognised nothing",
    ExportError.exit_code: "the exporter failed (or a plug-in could not be loaded)",
    OutputError.exit_code: "output cannot be written (or would overwrite the input)",
    ClusterError.exit_code: "the cluster (--scheduler) cannot be reached or started",
    CheckFailedError.exit_code: "convert check: a GB/T 9704 rule failed",
}
