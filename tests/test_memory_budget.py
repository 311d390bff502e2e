"""Peak memory of a conversion per byte of input, for the input shapes that amplify most.

Each case converts a generated input with the `convert` command in a process of its own and
reads that process's peak resident memory, after a first conversion of a tiny input of the
same shape (imports, schema, exporter: the process's own cost). Resident memory is not noisy
the way time is, so the bounds are set a little above what is measured now and far below what
the same inputs took before (`benchmarks/memory_budget.py` gives the figures; the lxml tree of
the finished document is most of what is left: about 120 bytes per input byte for short blocks).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import converter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from memory_budget import make_text  # noqa: E402

_CHILD = """
import resource, sys
from converter.cli import main

def convert(path, to):
    sys.argv = ["convert", path, "--to", to, "-o", path + "." + to, "--quiet", "--max-size", "100"]
    try:
        main()
    except SystemExit as stop:
        if stop.code:
            raise

tiny, big, to = sys.argv[1:4]
convert(tiny, to)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
convert(big, to)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""

# (shape, MB, format, bound in bytes per input byte, before the parser and exporters streamed)
CASES = [
    ("short-blocks.txt", 0.3, "xml", 175),  # was 202; now ~143
    ("short-blocks.txt", 0.3, "json", 175),  # was 275; now ~154
    ("headings.txt", 0.3, "json", 140),  # was 171 (xml 166); now ~119
    ("long-line.txt", 0.5, "json", 65),  # was 82; now ~50
    ("empty-lines.txt", 2, "xml", 10),  # was 15 (a list entry per blank line); now ~6
]


@pytest.mark.parametrize("shape, megabytes, to, bound", CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_peak_memory_per_input_byte(tmp_path: Path, shape: str, megabytes: float, to: str, bound: int):
    tiny = tmp_path / f"tiny-{shape}"
    tiny.write_text(make_text(shape, 4096), encoding="utf-8")
    big = tmp_path / f"big-{shape}"
    big.write_text(make_text(shape, int(megabytes * (1 << 20))), encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", _CHILD, str(tiny), str(big), to],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    grown = int(result.stdout.split()[-1]) * 1024
    assert grown < bound * big.stat().st_size, f"{grown / big.stat().st_size:.0f} bytes per input byte"


# --- the streamed outputs are the bytes the plain ones were --------------------------------------------


def _documents_with_many_blocks():
    """Parsed reports with blocks continued over paragraphs, people and chrome, and the same
    trees with section ids left out or repeated (no valid document: gathered the old way)."""
    from copy import deepcopy

    from converter.vocabulary import q

    text = make_text("headings.txt", 3000) + make_text("short-blocks.txt", 3000) + (
        "会议指出：\n一是加强学习。\n二是落实责任。\n张三局长强调，要落实。\n分享到微信\n")
    document = converter.parse(text)
    yield document
    for change in ("drop", "repeat"):
        root = deepcopy(document.root)
        sections = list(root.iter(q("section")))
        for index, section in enumerate(sections):
            if change == "drop" and index % 2 and not section.get("continues"):
                section.attrib.pop("id")
            if change == "repeat" and index % 3 == 0:
                section.set("id", sections[0].get("id"))
        yield converter.model.Document(root)


@pytest.mark.parametrize("pretty", [True, False])
def test_streamed_json_of_many_blocks_is_what_json_dumps_gives(pretty: bool):
    from converter.model import blocks
    from converter.summary import summarise

    for document in _documents_with_many_blocks():
        summary = summarise(document.root)
        sections = [s for m in summary["meetings"] for s in m["sections"]]
        assert [s["id"] for s in sections] == [b.id for b in blocks(document.root)]
        expected = json.dumps(summary, ensure_ascii=False, indent=1 if pretty else None) + "\n"
        assert converter.export(document, "json", pretty=pretty) == expected.encode("utf-8")


@pytest.mark.parametrize("pretty", [True, False])
def test_streamed_xml_is_what_tostring_gives(pretty: bool):
    from lxml import etree

    for document in _documents_with_many_blocks():
        expected = etree.tostring(document.root, xml_declaration=True, encoding="UTF-8", pretty_print=pretty)
        assert converter.export(document, "xml", pretty=pretty) == expected


def test_long_lived_parser_memory_does_not_grow_with_characters_met():
    # The matching shadow asks OpenCC once per character and remembers the answer. Remembered
    # as a dict of every character met, a long-lived process fed arbitrary text (the fuzz
    # campaign, a records system) grew by ~100 bytes per distinct character, without bound.
    import tracemalloc

    from converter.parser.folding import fold

    # Supplementary ideographs and private-use characters: almost none has a simpler form.
    texts = ["".join(chr(code) for code in range(start, start + 5000))
             for start in range(0x20000, 0x2A000, 5000)] + \
            ["".join(chr(code) for code in range(start, start + 5000)) for start in range(0xF0000, 0xFA000, 5000)]
    fold(texts[0][:10])  # the converter itself is loaded once
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for text in texts:
            assert len(fold(text)) == len(text)
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < 500_000, f"{grown:,} bytes kept after folding 90,000 distinct characters"
    assert fold("會議討論") == "会议讨论"  # and the traditional characters still fold
