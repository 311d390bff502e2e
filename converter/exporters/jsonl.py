"""JSON Lines: the JSON export of a document on one line. `convert --to jsonl` writes one such
line per input into a single file or stream, a failed input as a line with its error."""

from __future__ import annotations

import json

from ..summary import summarise


class JsonLinesExporter:
    name = "jsonl"
    suffix = ".jsonl"
    description = "one line of JSON per document (many inputs make one file; failures are lines too)"

    def export(self, document, options) -> bytes:
        return (json.dumps(summarise(document.root), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def error_line(source: str, message: str, exit_code: int) -> bytes:
    """The line of an input that failed, so the lines of a batch add up to its inputs."""
    entry = {"provenance": {"file": source}, "error": {"message": message, "exit-code": exit_code}}
    return (json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


EXPORTER = JsonLinesExporter()
