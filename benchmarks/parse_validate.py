"""Warm parse + schema validation per document, inside one process (issue 2's measure).

    python benchmarks/parse_validate.py [--rounds 20]

Inputs: ../shared/corpus/*.txt and examples/notice.txt. The first round is not timed (imports,
compiled patterns, the script-folding tables); the next rounds are, and the table gives the
median per document, for the seed alone and over all texts. The cold command beside
`pandoc -t json` is in run.py's table.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import converter

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def _per_document(texts: list[str], rounds: int) -> tuple[float, float]:
    """Median milliseconds per document for parse, and for validate."""
    parse_times, validate_times = [], []
    for _ in range(rounds):
        started = time.perf_counter()
        documents = [converter.parse(text) for text in texts]
        parsed = time.perf_counter()
        problems = [converter.validate(document) for document in documents]
        validated = time.perf_counter()
        assert not any(problems), "a parsed document broke the schema"
        parse_times.append((parsed - started) * 1000 / len(texts))
        validate_times.append((validated - parsed) * 1000 / len(texts))
    return statistics.median(parse_times), statistics.median(validate_times)


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--rounds", type=int, default=20)
    rounds = arguments.parse_args().rounds
    seed = (ROOT / "examples" / "notice.txt").read_text(encoding="utf-8")
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))] + [seed]
    _per_document(texts, 1)  # warm-up
    print("| inputs | characters/doc | parse ms/doc | validate ms/doc | documents/s |")
    print("|---|---|---|---|---|")
    for label, batch in (("seed", [seed]), (f"{len(texts)} texts", texts)):
        parse_ms, validate_ms = _per_document(batch, rounds)
        size = sum(len(t) for t in batch) // len(batch)
        rate = 1000 / (parse_ms + validate_ms)
        print(f"| {label} | {size} | {parse_ms:.2f} | {validate_ms:.3f} | {rate:.0f} |")


if __name__ == "__main__":
    main()
