"""Font resolution, glyph conversion and its cache, per-character fallback, and the font attacks:
bad, huge, Type 1 and licence-restricted fonts, a tampered or broken cache, an unusable cache
folder, rare characters that must not make documents rebuild fonts."""

from __future__ import annotations

import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

import converter
from converter.cli import app
from converter.errors import ExportError
from converter.typeset import discovery, facecache, fontcache, fonts, fontset, glyphstore, outlines
from converter.typeset.discovery import ROLES, bundled_face
from converter.typeset.fonts import choose
from tests.conftest import ROOT, require_tool
from tests.test_pdf import ideographs, pdftotext

pypdf = pytest.importorskip("pypdf")
fontTools = pytest.importorskip("fontTools.ttLib")


def forget_everything() -> None:
    """What the process remembers about fonts and the cache, dropped (a new cache folder)."""
    facecache.forget()
    glyphstore.forget()
    outlines.close_all()
    fontcache._usable_cached.cache_clear()
    fontcache._fallback.clear()
    fontcache.take_notes()
    fontset._own.cache_clear()
    fontset._bundled.cache_clear()
    discovery._all_system_charsets.cache_clear()
    discovery.fontconfig_faces.cache_clear()
    discovery.folder_faces.cache_clear()
    fonts._pieces.clear()


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache of its own, and a process that remembers nothing about fonts."""
    monkeypatch.setenv(fontcache.CACHE_ENV, str(tmp_path / "cache"))
    forget_everything()
    yield tmp_path / "cache"
    forget_everything()


@pytest.fixture
def no_system_fonts(monkeypatch):
    """Only the bundled faces exist (tests that assume a machine without fonts say so here)."""
    monkeypatch.setenv(discovery.SYSTEM_FONTS_ENV, "0")
    forget_everything()
    yield
    forget_everything()


@pytest.fixture(scope="module")
def serif():
    face = bundled_face("body")
    if face is None:
        pytest.skip("pylopdf-fonts-zh-cn is not installed")
    return face


def bundled_only() -> dict[str, str]:
    """Every role pinned to the bundled files: the result does not depend on this machine's fonts."""
    return {role: str(bundled_face(role).path) for role in ROLES}


def used_fonts(data: bytes) -> set[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return {str(f.get_object()["/BaseFont"]) for p in reader.pages for f in p["/Resources"]["/Font"].values()}


def embedded_programs(data: bytes) -> list[bytes]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    found = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/FontDescriptor"].get_object()
            found.append(descriptor["/FontFile2"].get_object().get_data())
    return found


def box_font(path: Path, characters: str, fs_type: int = 0) -> Path:
    """A TrueType font whose glyphs (filled boxes) draw exactly `characters`."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    names = [f"g{n}" for n in range(len(characters))]
    glyphs = {".notdef": TTGlyphPen(None).glyph()}
    for name in names:
        pen = TTGlyphPen(None)
        for point in ((100, -100), (100, 800), (900, 800), (900, -100)):
            (pen.lineTo if pen.points else pen.moveTo)(point)
        pen.closePath()
        glyphs[name] = pen.glyph()
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", *names])
    builder.setupCharacterMap({ord(c): name for c, name in zip(characters, names)})
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (1000, 100) for name in names} | {".notdef": (1000, 0)})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": "Probe", "styleName": "Regular", "psName": "Probe-Regular"})
    builder.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120, fsType=fs_type)
    builder.setupPost()
    builder.save(str(path))
    return path


def only_fonts_in(folder: Path, tmp_path: Path, monkeypatch) -> None:
    """fontconfig sees the fonts of `folder` and nothing else."""
    config = tmp_path / "fonts.conf"
    config.write_text(f'<?xml version="1.0"?><fontconfig><dir>{folder}</dir>'
                      f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>", encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))
    monkeypatch.setenv(discovery.SYSTEM_FONTS_ENV, "1")
    forget_everything()


# --- where the cache lives, and what happens when it cannot be used ---------------------------

def test_the_cache_folder_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv(fontcache.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert fontcache.configured_folder() == tmp_path / "notice-converter"
    monkeypatch.setenv(fontcache.CACHE_ENV, str(tmp_path / "mine"))
    assert fontcache.configured_folder() == tmp_path / "mine"


@pytest.mark.parametrize("home", ["", "/"])
def test_an_empty_home_never_puts_the_cache_at_the_root(home, monkeypatch):
    monkeypatch.delenv(fontcache.CACHE_ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", home)
    assert fontcache.configured_folder() is None


def unwritable_cache(tmp_path: Path) -> Path:
    """A cache folder no one can create, root included: its parent is a regular file."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    return blocker / "cache"


def test_an_unusable_cache_folder_costs_one_warning_not_the_pdf(tmp_path, monkeypatch, no_system_fonts):
    monkeypatch.setenv(fontcache.CACHE_ENV, str(unwritable_cache(tmp_path)))
    forget_everything()
    document = converter.parse("会议召开\n会议认为，要学习。")
    data = converter.export(document, "pdf", fonts=bundled_only())
    assert "会议认为要学习" in ideographs(pdftotext(data))
    said = [w for w in document.warnings if "font cache" in w]
    assert len(said) == 1 and "not-a-folder" in said[0]
    again = converter.parse("会议召开\n会议指出，要落实。")
    converter.export(again, "pdf", fonts=bundled_only())
    assert not [w for w in again.warnings if "font cache" in w]  # said once per process


def test_a_read_only_cache_folder_falls_back_with_one_warning(tmp_path, monkeypatch, no_system_fonts):
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders; the unwritable-folder test covers this path")
    folder = tmp_path / "cache"
    folder.mkdir()
    folder.chmod(0o500)
    monkeypatch.setenv(fontcache.CACHE_ENV, str(folder))
    forget_everything()
    try:
        document = converter.parse("会议召开\n会议认为，要学习。")
        converter.export(document, "pdf", fonts=bundled_only())
        assert len([w for w in document.warnings if "font cache" in w]) == 1
    finally:
        folder.chmod(0o700)


def test_an_empty_home_converts_with_a_private_cache(tmp_path, serif):
    environment = {**os.environ, "HOME": "", "NOTICE_CONVERTER_SYSTEM_FONTS": "0"}
    for name in (fontcache.CACHE_ENV, "XDG_CACHE_HOME"):
        environment.pop(name, None)
    result = subprocess.run([sys.executable, "-m", "converter", "-", "--to", "pdf", "-o", str(tmp_path / "out.pdf")],
                            input="会议召开\n会议认为，要学习。".encode(), env=environment, capture_output=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr.decode()
    said = result.stderr.decode()
    assert said.count("font cache") == 1 and "no home folder" in said and "notice-converter-cache-" in said
    assert (tmp_path / "out.pdf").stat().st_size > 1000


# --- glyph conversion and the store ------------------------------------------------------------

def test_cff_glyphs_are_converted_to_truetype_once_and_stored(cache, serif):
    from converter.typeset.glyphs import glyphs_for

    info = fonts.usable(serif)
    assert info.outlines == "cff"
    first = glyphs_for(info, map(ord, "会议纪要"))
    assert set(first) == set(map(ord, "会议纪要"))
    rows, _ = glyphstore.store().size()
    assert rows == 4
    calls = []
    monkey = outlines.convert
    try:
        import converter.typeset.glyphs as glyph_source

        glyph_source.convert = lambda *a, **k: calls.append(a) or monkey(*a, **k)
        again = glyphs_for(info, map(ord, "会议纪要"))
    finally:
        glyph_source.convert = monkey
    assert again == first and not calls  # read back, not converted again
    source = fontTools.TTFont(serif.path)
    assert first[ord("会")].advance == source["hmtx"][source.getBestCmap()[ord("会")]][0]


def test_the_embedded_program_is_truetype_with_the_source_timestamps(cache, serif):
    document = converter.parse("会议召开\n会议认为，要学习。")
    data = converter.export(document, "pdf", fonts=bundled_only())
    source = fontTools.TTFont(serif.path)
    for program in embedded_programs(data):
        font = fontTools.TTFont(io.BytesIO(program))
        assert "glyf" in font and "CFF " not in font
        assert any(font["glyf"][name].numberOfContours > 0 for name in font.getGlyphOrder()[1:])
        assert font["head"].created == source["head"].created  # not the build time
        assert font["head"].modified == source["head"].modified


def test_same_pdf_bytes_whatever_the_cache_history(tmp_path, monkeypatch, no_system_fonts):
    text = "会议召开\n会议认为，要学习堃喆赟。"
    outputs = []
    for folder in ("a", "a", "b"):  # empty cache, warm cache, another empty cache
        monkeypatch.setenv(fontcache.CACHE_ENV, str(tmp_path / folder))
        forget_everything()
        outputs.append(converter.export(converter.parse(text), "pdf", fonts=bundled_only()))
    assert outputs[0] == outputs[1] == outputs[2]


def test_a_tampered_face_note_is_made_again_not_executed(cache, serif, tmp_path):
    info = fonts.usable(serif)
    notes = list((cache / "faces").glob("*.json"))
    assert len(notes) == 1
    assert json.loads(notes[0].read_bytes().partition(b"\n")[2])["sha"] == info.sha
    marker = tmp_path / "executed"
    import pickle

    class Trap:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    for payload in (pickle.dumps(Trap()), b"", notes[0].read_bytes().replace(b'"units_per_em":1000', b'"units_per_em":7')):
        notes[0].write_bytes(payload)
        facecache.forget()
        again = fonts.usable(serif)
        assert again == info and not marker.exists()
        assert json.loads(notes[0].read_bytes().partition(b"\n")[2])["units_per_em"] == 1000  # rewritten whole


@pytest.mark.parametrize("damage", ["zero", "truncated", "garbage"])
def test_a_broken_glyph_store_is_replaced_and_the_pdf_unchanged(damage, tmp_path, monkeypatch, no_system_fonts):
    monkeypatch.setenv(fontcache.CACHE_ENV, str(tmp_path / "cache"))
    forget_everything()
    text = "会议召开\n会议认为，要学习。"
    first = converter.export(converter.parse(text), "pdf", fonts=bundled_only())
    location = glyphstore.store_path()
    forget_everything()
    data = location.read_bytes()
    location.write_bytes({"zero": b"", "truncated": data[:len(data) // 3], "garbage": os.urandom(len(data))}[damage])
    assert converter.export(converter.parse(text), "pdf", fonts=bundled_only()) == first
    forget_everything()
    assert converter.export(converter.parse(text), "pdf", fonts=bundled_only()) == first


def test_a_tampered_glyph_row_is_converted_again(cache, serif):
    from converter.typeset.glyphs import glyphs_for

    info = fonts.usable(serif)
    good = glyphs_for(info, [ord("会")])[ord("会")]
    glyphstore.forget()
    with sqlite3.connect(glyphstore.store_path()) as connection:
        connection.execute("UPDATE glyphs SET data = ? WHERE code = ?", (b"\x00\x01junk", ord("会")))
    again = glyphs_for(info, [ord("会")])[ord("会")]
    assert again == good


def test_the_glyph_store_stays_under_its_cap(cache, serif, monkeypatch):
    from converter.typeset.glyphs import glyphs_for

    monkeypatch.setenv("NOTICE_CONVERTER_CACHE_MB", "1")
    info = fonts.usable(serif)
    codes = sorted(map(ord, "".join(chr(c) for c in range(0x4E00, 0x4E00 + 4000))))
    for start in range(0, len(codes), 1000):
        glyphs_for(info, codes[start:start + 1000])
    rows, size = glyphstore.store().size()
    assert size <= 1024 * 1024 and rows < 4000


def test_rare_characters_convert_only_themselves_and_add_no_files(cache, no_system_fonts):
    pins = bundled_only()
    converter.export(converter.parse("会议召开\n会议认为，要学习。"), "pdf", fonts=pins)
    files = sorted(p.name for p in cache.rglob("*") if p.is_file())
    before, _ = glyphstore.store().size()
    rare = "赟喆堃珺祎旻彧琇犇垚"
    for character in rare:  # ten documents, each with one name character outside GB 2312
        converter.export(converter.parse(f"会议召开\n会议认为，{character}同志要学习。"), "pdf", fonts=pins)
    after, _ = glyphstore.store().size()
    assert after - before <= len(rare) + len("同志") + 2  # the new characters, nothing like a face
    assert sorted(p.name for p in cache.rglob("*") if p.is_file()) == files


def test_concurrent_first_runs_convert_each_glyph_once(cache, serif):
    script = textwrap.dedent("""
        import sys
        from converter.typeset import glyphs as glyph_source
        from converter.typeset import fonts
        from converter.typeset.discovery import bundled_face
        done = []
        real = glyph_source.convert
        glyph_source.convert = lambda info, codes, progress=None: done.append(len(codes)) or real(info, codes, progress)
        glyph_source.glyphs_for(fonts.usable(bundled_face("body")), range(0x4E00, 0x4E00 + 300))
        print(sum(done))
    """)
    fonts.usable(serif)  # the face notes are ready: the race is over the glyphs
    environment = {**os.environ, fontcache.CACHE_ENV: str(cache)}
    runs = [subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, env=environment, cwd=ROOT)
            for _ in range(2)]
    counts = [int(run.communicate()[0]) for run in runs]
    covered = sum(1 for code in range(0x4E00, 0x4E00 + 300) if chr(code) in fonts.Coverage(fonts.usable(serif)))
    assert sum(counts) == covered  # one converted them all, the other found them stored


# --- choosing faces ------------------------------------------------------------------------------

def test_an_explicit_font_file_wins_and_an_unknown_one_is_an_error(serif, tmp_path):
    assert choose("body", {"body": str(serif.path)}).why.startswith("--font body=")
    with pytest.raises(ExportError, match="no such font file"):
        choose("body", {"body": "No Such Family 12345"})
    document = converter.parse("测试会议召开\n会议认为，要学习。")
    with pytest.raises(ExportError, match="unknown font role"):
        converter.export(document, "pdf", fonts={"bodi": str(serif.path)})


@pytest.mark.parametrize("content", [b"", b"not a font at all", b"%!PS-AdobeFont-1.0: Fake\n", b"OTTO" + b"\0" * 60])
def test_a_bad_font_file_is_an_export_error_naming_it(content, tmp_path, cache):
    bad = tmp_path / "broken.ttf"
    bad.write_bytes(content)
    result = CliRunner().invoke(app, ["-", "--to", "pdf", "-o", str(tmp_path / "out.pdf"), "--font", f"body={bad}"],
                                input="会议召开\n会议认为，要学习。")
    assert result.exit_code == ExportError.exit_code, result.output
    assert "broken.ttf" in result.output and "internal error" not in result.output
    assert not (tmp_path / "out.pdf").exists()


def test_a_huge_font_file_is_refused_without_being_read(tmp_path, cache):
    huge = tmp_path / "huge.ttf"
    with open(huge, "wb") as stream:
        stream.write(b"\x00\x01\x00\x00")
        stream.truncate(facecache.MAX_FONT_BYTES + 1)  # sparse: nothing is really written
    with pytest.raises(ExportError, match="larger than"):
        converter.export(converter.parse("会议召开\n会议认为，要学习。"), "pdf", fonts={"body": str(huge)})


def test_a_font_whose_licence_forbids_embedding_is_not_embedded(tmp_path, cache, no_system_fonts):
    restricted = box_font(tmp_path / "restricted.ttf", "会议认为学习", fs_type=0x0002)
    document = converter.parse("会议召开\n会议认为，要学习。")
    data = converter.export(document, "pdf", fonts={**bundled_only(), "body": str(restricted)})
    assert not any("restricted" in name or "Probe" in name for name in used_fonts(data))
    assert any("restricted.ttf" in w and "licence" in w for w in document.warnings)
    assert "会议认为要学习" in ideographs(pdftotext(data))  # set in the next font instead


def test_type1_and_bitmap_faces_are_never_offered(tmp_path, monkeypatch):
    assert not discovery._readable(Path("/x/NimbusSans-Regular.t1"), "Type 1")
    assert not discovery._readable(Path("/x/a.pfb"), "Type 1")
    assert not discovery._readable(Path("/x/a.pcf.gz"), "PCF")
    assert discovery._readable(Path("/x/a.ttc"), "CFF") and discovery._readable(Path("/x/a.ttf"), "TrueType")
    type1 = sorted(Path("/usr/share/fonts").rglob("*.t1")) + sorted(Path("/usr/share/fonts").rglob("*.pfb"))
    if not type1 or not require_tool("fc-list"):
        return
    folder = tmp_path / "fonts"
    folder.mkdir()
    (folder / type1[0].name).write_bytes(type1[0].read_bytes())
    box_font(folder / "probe.ttf", "✔")
    only_fonts_in(folder, tmp_path, monkeypatch)
    offered = [face.path.name for face, *_ in discovery.system_charsets()]
    assert offered == ["probe.ttf"]
    forget_everything()


def test_fontconfig_is_asked_once_for_many_missing_characters(tmp_path, monkeypatch, cache):
    require_tool("fc-list")
    calls = []
    real = discovery._fc_run
    monkeypatch.setattr(discovery, "_fc_run", lambda *a: calls.append(a) or real(*a))
    monkeypatch.setenv(discovery.SYSTEM_FONTS_ENV, "1")
    private = "".join(chr(0xE000 + n) for n in range(300))  # no face has these
    document = converter.parse(f"会议召开\n会议认为，{private}。")
    converter.export(document, "pdf", fonts=bundled_only())
    charset_calls = [c for c in calls if any("charset" in part for part in c)]
    assert len(charset_calls) <= 1


# --- fallback and the missing-glyph warning ------------------------------------------------------

def test_a_character_the_role_font_lacks_falls_back_to_one_that_has_it(tmp_path, cache):
    tiny = box_font(tmp_path / "tiny.ttf", "会议")  # a body font with two characters
    document = converter.parse("会议召开\n会议认为，要坚持学习贯彻。")
    data = converter.export(document, "pdf", fonts={**bundled_only(), "body": str(tiny)})
    assert not document.warnings
    assert ideographs(pdftotext(data)) == ideographs("会议召开会议认为要坚持学习贯彻")
    names = used_fonts(data)
    assert any("tiny" in name for name in names) and any("NotoSerif" in name for name in names)


def test_rare_characters_outside_gb2312_print_from_a_font_that_has_them():
    rare = "䶮堃瑄喆"
    document = converter.parse(f"会议召开\n会议认为，{rare}同志出席。")
    data = converter.export(document, "pdf", fonts=bundled_only())
    assert not document.warnings
    assert rare in ideographs(pdftotext(data))


def test_characters_no_font_has_are_named_in_a_warning(serif, no_system_fonts):
    covered = set()
    for role in ("body", "heading"):
        covered |= set(map(chr, fontTools.TTFont(bundled_face(role).path).getBestCmap()))
    probes = "𠮷\u0378"  # 𠮷 (U+20BB7) and an unassigned code point
    document = converter.parse(f"会议召开\n会议认为，{probes}要学习。")
    converter.export(document, "pdf", fonts=bundled_only())
    lacking = [c for c in probes if c not in covered]
    assert "\u0378" in lacking
    warning = " ".join(document.warnings)
    for character in lacking:
        assert f"U+{ord(character):04X}" in warning
    for character in set(probes) - set(lacking):
        assert f"U+{ord(character):04X}" not in warning


SYMBOLS = "✔✉❤➤✈℘⁰ſ"


def test_a_report_full_of_symbols_converts_drawn_or_named(tmp_path):
    """On this machine as it is (whatever fonts it has): each symbol is drawn from a face that
    has it, or named in the warning; never a crash."""
    document = converter.parse(f"会议召开\n会议认为，{SYMBOLS}要学习。\n参会人员表示：✔✔✉。")
    data = converter.export(document, "pdf")
    text = pdftotext(data)
    warning = " ".join(document.warnings)
    for symbol in SYMBOLS:
        assert symbol in text or f"U+{ord(symbol):04X}" in warning, symbol


def test_symbols_are_drawn_from_a_system_face_that_has_them(tmp_path, monkeypatch, cache):
    require_tool("fc-list")
    folder = tmp_path / "fonts"
    folder.mkdir()
    box_font(folder / "symbols.ttf", SYMBOLS)
    only_fonts_in(folder, tmp_path, monkeypatch)
    document = converter.parse(f"会议召开\n会议认为，{SYMBOLS}要学习。")
    data = converter.export(document, "pdf", fonts=bundled_only())
    assert not document.warnings
    assert all(symbol in pdftotext(data) for symbol in SYMBOLS)
    assert any("symbols" in name for name in used_fonts(data))


def test_a_character_beyond_the_bmp_prints_from_a_font_that_has_it_and_copies_out_whole(tmp_path, cache):
    probe = box_font(tmp_path / "probe.ttf", "𠮷")
    document = converter.parse("会议召开\n会议认为，𠮷同志出席。")
    data = converter.export(document, "pdf", fonts={**bundled_only(), "body": str(probe)})
    assert not document.warnings  # the probe font has 𠮷, the bundled fonts the rest
    assert "会议认为𠮷同志出席" in ideographs(pdftotext(data))  # ToUnicode with a surrogate pair


def test_a_character_no_chosen_font_has_is_found_in_another_system_font(tmp_path, monkeypatch, cache):
    require_tool("fc-list")
    folder = tmp_path / "fonts"
    folder.mkdir()
    box_font(folder / "probe.ttf", "𠮷")
    only_fonts_in(folder, tmp_path, monkeypatch)
    document = converter.parse("会议召开\n会议认为，𠮷同志出席。")
    data = converter.export(document, "pdf", fonts=bundled_only())  # no chosen font has 𠮷
    assert not document.warnings
    assert "𠮷" in ideographs(pdftotext(data))
    assert any("probe" in name for name in used_fonts(data))


# --- the commands --------------------------------------------------------------------------------

def test_convert_fonts_lists_every_role_and_why():
    result = CliRunner().invoke(app, ["fonts"])
    assert result.exit_code == 0, result.output
    for role in ROLES:
        assert re.search(rf"^{role}\s", result.output, re.MULTILINE)
    assert result.output.count("why:") == len(ROLES)
    bad = CliRunner().invoke(app, ["fonts", "--font", "body=No Such Family 12345"])
    assert bad.exit_code == ExportError.exit_code


def test_stand_in_faces_are_named(no_system_fonts):
    note = fonts.stand_in_note({})
    assert note is not None and "仿宋 (body)" in note and "--font" in note
    assert fonts.stand_in_note({role: str(bundled_face("body").path) for role in ("title", "body", "heading", "kai")}) is None


def test_convert_fonts_prepare_stores_the_base_glyphs(cache, tmp_path, monkeypatch):
    probe = box_font(tmp_path / "probe.ttf", "会议认为")
    pins = [arg for role in ROLES for arg in ("--font", f"{role}={probe}")]
    monkeypatch.setattr(fonts, "bundled_face", lambda role: None)  # the probe face alone: quick
    result = CliRunner().invoke(app, ["fonts", "--prepare", *pins])
    assert result.exit_code == 0, result.output
    assert "(1 faces ready)" in result.output
    assert glyphstore.store().size()[0] == 4


def test_the_stand_in_note_is_said_once_per_machine(cache, no_system_fonts):
    from converter.cli_fonts import stand_in_note_once

    first = stand_in_note_once({})
    assert first is not None and "仿宋" in first
    assert stand_in_note_once({}) is None


def test_one_time_work_over_a_second_shows_a_progress_bar(monkeypatch):
    import converter.cli_fonts as cli_fonts

    shown = io.StringIO()
    progress = cli_fonts.TerminalProgress(shown)
    progress("quick", 10, 10)
    assert shown.getvalue() == ""  # done within the second: nothing said
    clock = iter([100.0, 101.5, 102.0])
    monkeypatch.setattr(cli_fonts.time, "monotonic", lambda: next(clock))
    progress("converting 300 glyphs of Noto Serif CJK SC", 0, 300)
    progress("converting 300 glyphs of Noto Serif CJK SC", 150, 300)
    progress("converting 300 glyphs of Noto Serif CJK SC", 300, 300)
    assert "150/300" in shown.getvalue() and shown.getvalue().endswith("300/300\n")


def test_a_font_that_fails_while_converting_is_an_export_error(tmp_path, cache, monkeypatch):
    from converter.typeset import glyphs as glyph_source

    probe = box_font(tmp_path / "probe.ttf", "会议认为要学习召开")

    def broken(info, codes, progress=None):
        raise facecache.FontUnusable(f"the font {info.path} (face 0) cannot be converted: boom")

    monkeypatch.setattr(glyph_source, "convert", broken)
    with pytest.raises(ExportError, match="cannot be converted: boom"):
        converter.export(converter.parse("会议召开\n会议认为，要学习。"), "pdf", fonts={**bundled_only(), "body": str(probe)})


def test_memory_stays_flat_over_documents_with_rare_characters(tmp_path):
    """Issue 15: each document with other characters outside the base set must not grow the
    process (was: fonts rebuilt and kept per document, 4 GB after 100 documents)."""
    script = textwrap.dedent("""
        import resource, converter
        names = [chr(c) for c in range(0x3400, 0x3400 + 400)]  # CJK Extension A: outside GB 2312
        def one(n):
            rare = "".join(names[(7 * n + k) % len(names)] for k in range(5))
            converter.export(converter.parse(f"会议召开\\n会议认为，{rare}同志要学习。\\n出席：张{rare[0]}、李{rare[1]}"), "pdf")
        for n in range(5):
            one(n)
        early = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        for n in range(5, 45):
            one(n)
        print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - early) // 1024)
    """)
    environment = {**os.environ, fontcache.CACHE_ENV: str(tmp_path / "cache"), discovery.SYSTEM_FONTS_ENV: "0"}
    grown_mb = int(subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True,
                                  text=True, check=True, cwd=ROOT).stdout)
    assert grown_mb < 40, f"grew {grown_mb} MB over 40 documents"


def test_a_glyph_store_damaged_while_in_use_is_replaced(cache, serif):
    from converter.typeset.glyphs import glyphs_for

    info = fonts.usable(serif)
    good = glyphs_for(info, map(ord, "会议"))
    store = glyphstore.store()
    location = Path(store.location)
    size = location.stat().st_size
    with open(location, "r+b") as stream:  # the pages after the header, overwritten under the open connection
        stream.seek(100)
        stream.write(os.urandom(size - 100))
    assert glyphs_for(info, map(ord, "会议")) == good
    assert glyphs_for(info, map(ord, "纪要"))


def test_a_system_face_whose_licence_forbids_embedding_is_passed_over_with_a_warning(tmp_path, monkeypatch, cache):
    require_tool("fc-list")
    folder = tmp_path / "fonts"
    folder.mkdir()
    box_font(folder / "locked.ttf", "✔✉", fs_type=0x0002)
    only_fonts_in(folder, tmp_path, monkeypatch)
    document = converter.parse("会议召开\n会议认为，✔✉要学习。")
    data = converter.export(document, "pdf", fonts=bundled_only())  # only locked.ttf has ✔ and ✉
    assert not any("locked" in name for name in used_fonts(data))
    warning = " ".join(document.warnings)
    assert "locked.ttf" in warning and "licence" in warning and "U+2714" in warning


def test_composite_glyphs_are_drawn_out_in_full(tmp_path, cache):
    """DejaVu's accented letters are composites: the subset has no glyph for them to refer to."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    box = TTGlyphPen(None)
    for point in ((100, 0), (100, 500), (500, 500), (500, 0)):
        (box.lineTo if box.points else box.moveTo)(point)
    box.closePath()
    box_glyph = box.glyph()
    composite = TTGlyphPen({"box": box_glyph})
    composite.addComponent("box", (1, 0, 0, 1, 0, 0))
    composite.addComponent("box", (-1, 0, 0, 1, 900, 200))  # flipped: drawn the other way round
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "box", "pair"])
    builder.setupCharacterMap({ord("会"): "box", ord("议"): "pair"})
    builder.setupGlyf({".notdef": TTGlyphPen(None).glyph(), "box": box_glyph, "pair": composite.glyph()})
    builder.setupHorizontalMetrics({".notdef": (1000, 0), "box": (1000, 100), "pair": (1000, 100)})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": "Pair", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.save(str(tmp_path / "pair.ttf"))
    found = outlines.convert(facecache.face_info(tmp_path / "pair.ttf", 0), [ord("议")])
    contours = int.from_bytes(found[ord("议")].data[:2], "big", signed=True)
    assert contours == 2  # both boxes, as outlines of its own
    document = converter.parse("会议召开\n会议认为。")
    data = converter.export(document, "pdf", fonts={**bundled_only(), "body": str(tmp_path / "pair.ttf")})
    assert "会议认为" in ideographs(pdftotext(data))


def test_the_faces_of_one_collection_are_stored_apart(cache):
    """The faces of a .ttc share a file (and its hash) but draw a character each their own way."""
    from converter.typeset.glyphs import glyphs_for

    collection = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
    if not collection.exists():
        pytest.skip("fonts-noto-cjk is not installed (CI's second run has it)")
    japanese, chinese = facecache.face_info(collection, 0), facecache.face_info(collection, 2)
    assert japanese.sha == chinese.sha and japanese.key != chinese.key
    straight = ord("直")  # drawn differently in Japanese and simplified Chinese
    assert glyphs_for(japanese, [straight])[straight] != glyphs_for(chinese, [straight])[straight]
    glyphstore.forget()
    assert glyphs_for(japanese, [straight])[straight] != glyphs_for(chinese, [straight])[straight]


_RARE_DOCUMENTS_SCRIPT = textwrap.dedent("""
    import resource, sys, converter
    def one(extra=""):
        converter.export(converter.parse(f"会议召开\\n会议认为，{extra}同志要学习。\\n出席：张三、李四"), "pdf")
    one()  # every glyph of it stored by the warm-up run: no face is opened
    if sys.argv[1] == "warm-up":
        raise SystemExit
    early = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for n in range(20):  # each document with characters no run has converted
        one("".join(chr(0x3400 + 5 * n + k) for k in range(5)) + "赟喆堃珺祎旻彧琇犇垚"[n % 10])
    print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - early) // 1024)
""")


@pytest.mark.parametrize("system_fonts", ["0", "1"])
def test_characters_never_converted_cost_little_memory(tmp_path, system_fonts):
    """Issue 15: the first use of a glyph converts that glyph, reading only it from the face
    (was: the whole CFF face parsed and kept, ~70 MB per process for Noto CJK; 8.2 GB for a batch
    before the glyph store). Peak memory, so a face opened and closed again counts too. Measured:
    0 MB now; 28 MB (bundled faces) and 63 MB (Noto CJK) with the whole-face parse."""
    if system_fonts == "1" and not any(Path("/usr/share/fonts/opentype/noto").glob("NotoSerifCJK*")):
        pytest.skip("fonts-noto-cjk is not installed")
    environment = {**os.environ, fontcache.CACHE_ENV: str(tmp_path / "cache"), discovery.SYSTEM_FONTS_ENV: system_fonts}
    run = [sys.executable, "-c", _RARE_DOCUMENTS_SCRIPT]
    subprocess.run([*run, "warm-up"], env=environment, capture_output=True, text=True, check=True, cwd=ROOT)
    grown_mb = int(subprocess.run([*run, "measure"], env=environment, capture_output=True, text=True,
                                  check=True, cwd=ROOT).stdout)
    assert grown_mb < 15, f"peak grew {grown_mb} MB over 20 documents with new characters"


@pytest.mark.parametrize("face", ["bundled", "noto-cjk"])
def test_the_cff_reader_gives_the_glyphs_of_a_whole_face_parse(face, cache):
    """Glyphs stored by the whole-face parse and glyphs read a few at a time must be the same
    bytes, or a PDF would depend on which version filled the cache."""
    if face == "bundled":
        found = bundled_face("body")
        if found is None:
            pytest.skip("pylopdf-fonts-zh-cn is not installed")
        path, index = found.path, 0
    else:
        path, index = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"), 2
        if not path.exists():
            pytest.skip("fonts-noto-cjk is not installed")
    info = facecache.face_info(Path(path), index)
    codes = [code for code in map(ord, "Aa1,（会议认为要学习赟喆堃珺祎旻彧犇垚㐀㐁䶮𠮷") if info.covers(code)]
    read = outlines._convert_cff(info, codes, None)
    font, glyphs, cmap = outlines._source(info)
    parsed = {code: outlines._to_glyph(glyphs[cmap[code]], round(glyphs[cmap[code]].width), True, glyphs)
              for code in codes}
    outlines.close_all()
    assert read is not None and len(read) >= 20
    assert read == parsed


def test_a_face_asked_for_by_many_threads_at_once_is_loaded_once(monkeypatch):
    # A batch in threads asks for the same face at once: it must be read once, and no thread may
    # see its name before its notes.
    import threading
    import time

    face = bundled_face("title")
    loads = []
    real_usable = fonts.usable

    def slow_usable(candidate):  # widens the window in which a second thread could load it too
        loads.append(candidate)
        time.sleep(0.05)
        return real_usable(candidate)

    monkeypatch.setattr(fonts, "usable", slow_usable)
    piece = fonts.Piece(face)
    monkeypatch.setitem(fonts._pieces, (face.path, face.index), piece)
    start = threading.Barrier(8)
    seen = []

    def ask():
        start.wait()
        seen.append((piece.name, piece.info is not None and "一" in piece.characters))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(loads) == 1
    assert seen == [(piece.name, True)] * 8 and piece.name.endswith(piece.info.sha[:8])
