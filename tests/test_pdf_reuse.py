"""What one PDF export keeps for the next in the same process (font subsets, glyph records, the
fonts' lookups) changes no byte of any PDF, copies out the same text, and stays under its caps."""

from __future__ import annotations

import pytest

import converter
from converter.exporters.pdf import subsetface
from converter.exporters.pdf.boundedcache import BoundedCache
from converter.typeset import glyphstore
from converter.typeset.discovery import SYSTEM_FONTS_ENV
from tests.test_fonts import box_font, bundled_only
from tests.test_pdf import ideographs, pdftotext

REPORT = "关于做好𠮷祥社区换届工作的通知\n\n2024年3月5日，办公室召开工作会议。张三主持会议，𠮷同志出席。\n"
OTHER = "办公室召开工作会议\n\n2024年3月6日，办公室召开工作会议。李四主持会议。\n"


def test_the_cache_forgets_the_entry_used_longest_ago_past_its_cap():
    cache = BoundedCache(10)
    cache.put("a", 1, 4)
    cache.put("b", 2, 4)
    assert cache.get("a") == 1  # a is now the more recently used
    cache.put("c", 3, 4)
    assert cache.get("b") is None and cache.get("a") == 1 and cache.get("c") == 3
    assert cache.size == 8
    cache.put("huge", 4, 11)  # larger than the whole cap: not kept, nothing else dropped
    assert cache.get("huge") is None and len(cache) == 2
    cache.put("a", 5, 2)  # replaced, counted once
    assert cache.get("a") == 5 and cache.size == 6


@pytest.mark.parametrize("layout", ["report", "minutes"])
def test_a_pdf_made_again_from_the_process_memory_has_the_same_bytes_and_text(tmp_path, monkeypatch, layout):
    monkeypatch.setenv(SYSTEM_FONTS_ENV, "0")
    fonts = {**bundled_only(), "body": str(box_font(tmp_path / "probe.ttf", "𠮷"))}  # a face that has 𠮷
    glyphstore.forget()  # a new store: an empty memory, so the first export builds every subset
    first = converter.export(converter.parse(REPORT), "pdf", layout=layout, fonts=fonts)
    converter.export(converter.parse(OTHER), "pdf", layout=layout, fonts=fonts)
    again = converter.export(converter.parse(REPORT), "pdf", layout=layout, fonts=fonts)
    assert again == first
    assert "𠮷同志出席" in ideographs(pdftotext(again))  # the reused ToUnicode map has the surrogate pair


def test_the_subset_memory_stays_under_its_cap(monkeypatch):
    monkeypatch.setenv(SYSTEM_FONTS_ENV, "0")
    monkeypatch.setattr(subsetface, "SUBSET_MEMORY_BYTES", 64 * 1024)
    monkeypatch.setattr(subsetface, "GLYPH_MEMORY_BYTES", 32 * 1024)
    glyphstore.forget()
    outputs = []
    for number in range(6):
        names = "".join(chr(0x4E00 + 40 * number + k) for k in range(30))  # other characters each time
        outputs.append(converter.export(converter.parse(f"办公室召开工作会议\n\n会议认为，{names}。\n"), "pdf"))
    memory = subsetface._memory()
    assert 0 < memory.subsets.size <= 64 * 1024
    assert 0 < memory.glyphs.size <= 32 * 1024
    glyphstore.forget()  # and without any memory, the same bytes
    for number, expected in enumerate(outputs):
        names = "".join(chr(0x4E00 + 40 * number + k) for k in range(30))
        assert converter.export(converter.parse(f"办公室召开工作会议\n\n会议认为，{names}。\n"), "pdf") == expected


@pytest.mark.parametrize("fmt", ["pdf", "ofd"])
def test_exports_from_several_threads_give_the_bytes_of_one_after_another(monkeypatch, fmt):
    """A library user (a web service) may export from threads: the shared memories and lookups
    must neither raise nor mix documents up."""
    from concurrent.futures import ThreadPoolExecutor

    from tests.conftest import CORPUS

    monkeypatch.setenv(SYSTEM_FONTS_ENV, "0")
    documents = [converter.parse(path.read_text(encoding="utf-8")) for path in sorted(CORPUS.glob("*.txt"))[:8]]
    glyphstore.forget()
    expected = [converter.export(document, fmt) for document in documents]
    glyphstore.forget()  # the threads start from an empty memory: they build the subsets together
    with ThreadPoolExecutor(4) as pool:
        for _ in range(2):
            assert list(pool.map(lambda document: converter.export(document, fmt), documents)) == expected
