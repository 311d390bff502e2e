"""`convert check`'s output: one line per rule for people, one JSON document for machines.

Nothing here prints or exits: `run` returns the text and the exit code, the CLI shows them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Iterable

from ..errors import CheckFailedError, ConverterError
from . import Report, check_file
from .rules import FAIL, NOT_APPLICABLE, UNMEASURABLE


@dataclass
class Outcome:
    output: str  # standard output
    errors: list[str] = field(default_factory=list)  # standard error, one line each
    exit_code: int = 0


def text(report: Report) -> str:
    failed = [v.rule for v in report.failed]
    unmeasured = sum(v.status == UNMEASURABLE for v in report.verdicts)
    applying = sum(v.status != NOT_APPLICABLE for v in report.verdicts)
    verdict = f"FAIL ({', '.join(failed)})" if failed else "pass"
    if unmeasured:
        verdict += f"; {unmeasured} of {applying} rules not measurable"
    head = f"{report.name} ({report.format}): {verdict}"
    lines = [head]
    for verdict in report.verdicts:
        shown = "FAIL" if verdict.status == FAIL else verdict.status
        expected = f"  [expected: {verdict.expected}]" if verdict.status == FAIL else ""
        lines.append(f"  {verdict.rule:<21} {shown:<15} {verdict.measured}{expected}")
        lines.extend(f"  {'':<21} {'':<15} - {note}" for note in verdict.notes)
    return "\n".join(lines)


def run(paths: Iterable[str], *, as_json: bool = False, strict_faces: bool = False) -> Outcome:
    """Check every file; the exit code is that of the first file that did not pass (10: a rule
    failed, 3: the file could not be read as DOCX, PDF or OFD), 0 when all passed."""
    outcome = Outcome("")
    shown, documents = [], []
    for path in paths:
        try:
            report = check_file(path, strict_faces=strict_faces)
        except ConverterError as error:
            outcome.errors.append(f"error: {error}")
            documents.append({"file": str(path), "error": error.message, "exit_code": error.exit_code})
            outcome.exit_code = outcome.exit_code or error.exit_code
            continue
        shown.append(text(report))
        documents.append(report.as_dict())
        if report.failed:
            outcome.exit_code = outcome.exit_code or CheckFailedError.exit_code
    if as_json:
        outcome.output = json.dumps({"passed": outcome.exit_code == 0, "files": documents},
                                    ensure_ascii=False, indent=2) + "\n"
    else:
        outcome.output = "".join(block + "\n" for block in shown)
    return outcome
