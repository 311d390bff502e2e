"""The long hypothesis campaign over the properties of tests/test_properties.py.

    python benchmarks/fuzz_campaign.py --inputs 1000000 --workers 2

Each worker runs the properties in rounds of --round examples (no example database, so every
round draws fresh inputs) until its share of --inputs is reached or --minutes run out, counting
every input a property actually checked. Exporter properties are costlier and get a tenth of the
parser's share. Prints one line per property: inputs tried, failures, inputs per second; the
first failure of each property is printed in full (hypothesis has already shrunk it). Then each
worker's memory: resident size after each property's first round and after a quarter, half,
three quarters and all of its rounds, and its peak, so growth over a long run (a leak) shows as
a rising series rather than hiding in one total, and bounded caches filling up show as a rise
that levels off.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# (property, generator, share of the inputs)
PROPERTIES = (
    ("parse is total, valid and keeps the text", "check_parse_is_valid_and_keeps_the_text", "any_texts", 0.5),
    ("line endings keep the structure", "check_line_endings_do_not_change_structure", "report_texts", 0.2),
    ("punctuation width keeps the structure", "check_punctuation_width_does_not_change_structure", "report_texts", 0.2),
    ("every exporter renders parsed texts", "check_every_exporter_renders", "parsed_documents", 0.05),
    ("every exporter renders generated trees", "check_every_exporter_renders", "documents", 0.05),
)


def _strategy(module, name: str):
    if name == "parsed_documents":
        valid = lambda d: d is not None and not module.converter.validate(d)  # noqa: E731
        return module.report_texts.map(module.parse_or_input_error).filter(valid)
    if name == "documents":
        return module.documents()
    return getattr(module, name)


def _round(module, check, strategy, size: int, counter: list[int]) -> str | None:
    from hypothesis import HealthCheck, Phase, given, settings

    @settings(max_examples=size, deadline=None, database=None, derandomize=False,
              phases=[Phase.generate, Phase.shrink], suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(value):
        counter[0] += 1
        check(value)

    try:
        run()
    except Exception:  # a property failed: hypothesis re-raises the shrunk example
        return traceback.format_exc()
    return None


def _resident_mb() -> float:
    """This process's resident memory now (Linux /proc; the peak alone would hide a late plateau)."""
    try:
        with open("/proc/self/statm") as stream:
            return int(stream.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return float("nan")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def worker(arguments) -> list[tuple[str, int, int, float, str | None, list[float], float]]:
    budget, seconds, round_size, only = arguments
    sys.path.insert(0, str(ROOT))
    from tests import test_properties as module

    chosen = [row for row in PROPERTIES if only in row[0]]
    scale = 1 / sum(row[3] for row in chosen)  # the shares of the chosen properties, made whole
    results = []
    for title, check_name, strategy_name, base_share in chosen:
        share = base_share * scale
        check, strategy = getattr(module, check_name), _strategy(module, strategy_name)
        counter, failures, first, started, resident = [0], 0, None, time.monotonic(), []
        # Each property has its own slice of the time; exporter rounds are smaller (≈ 30 inputs/s).
        property_deadline = started + seconds * share
        size = round_size if base_share > 0.1 else max(1, round_size // 20)
        while counter[0] < budget * share and time.monotonic() < property_deadline:
            failure = _round(module, check, strategy, size, counter)
            resident.append(_resident_mb())
            if failure:
                failures += 1
                first = first or failure
        # Resident MB after the first round, then at each quarter of the rounds.
        marks = [resident[min(len(resident) - 1, len(resident) * q // 4)] for q in (0, 1, 2, 3)] + [resident[-1]] if resident else []
        results.append((title, counter[0], failures, time.monotonic() - started, first, marks, _peak_mb()))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=1_000_000, help="inputs to try in all (default 1,000,000)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--minutes", type=float, default=120, help="stop after this long in any case")
    parser.add_argument("--round", type=int, default=2000, help="examples per hypothesis run")
    parser.add_argument("--only", default="", help="run only the properties whose title contains this "
                        "(e.g. exporter); the shares of the others go to them")
    options = parser.parse_args()
    if not any(options.only in row[0] for row in PROPERTIES):
        parser.error(f"no property's title contains {options.only!r}")
    started = time.monotonic()
    share = (options.inputs // options.workers, options.minutes * 60, options.round, options.only)
    with multiprocessing.get_context("spawn").Pool(options.workers) as pool:
        per_worker = pool.map(worker, [share] * options.workers)
    total_inputs = total_failures = 0
    for index, (title, *_rest) in enumerate(per_worker[0]):
        rows = [results[index] for results in per_worker]
        inputs, failures = sum(r[1] for r in rows), sum(r[2] for r in rows)
        rate = inputs / max(r[3] for r in rows)
        total_inputs, total_failures = total_inputs + inputs, total_failures + failures
        print(f"{title:<42} {inputs:>10,} inputs {failures:>4} failing rounds {rate:>8,.0f}/s")
        for row in rows:
            if row[4]:
                print(row[4])
                break
    for number, results in enumerate(per_worker, start=1):
        # Per property: resident MB after its first round, at 1/4, 1/2, 3/4 of its rounds, last.
        resident = "; ".join("→".join(f"{mb:.0f}" for mb in row[5]) for row in results)
        print(f"worker {number} memory: resident MB per property (first round, 1/4, 1/2, 3/4, last) {resident}; peak {results[-1][6]:.0f} MB")
    minutes = (time.monotonic() - started) / 60
    print(f"{'total':<42} {total_inputs:>10,} inputs {total_failures:>4} failing rounds in {minutes:.1f} min")
    return 1 if total_failures else 0


if __name__ == "__main__":
    sys.exit(main())
