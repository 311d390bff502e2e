"""Font resolution, the CFF→TrueType cache, per-character fallback and the missing-glyph warning."""

from __future__ import annotations

import io
import re

import pytest
from typer.testing import CliRunner

import converter
from converter.cli import app
from converter.errors import ExportError
from converter.exporters.pdf import fontcache
from converter.exporters.pdf.discovery import ROLES, bundled_face
from converter.exporters.pdf.fonts import choose
from tests.conftest import require_tool
from tests.test_pdf import ideographs, pdftotext

pypdf = pytest.importorskip("pypdf")
fontTools = pytest.importorskip("fontTools.ttLib")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache of its own (only for small character sets: the GB 2312 base takes seconds)."""
    monkeypatch.setenv(fontcache.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


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


def test_the_cache_folder_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv(fontcache.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert fontcache.cache_folder() == tmp_path / "notice-converter"
    monkeypatch.setenv(fontcache.CACHE_ENV, str(tmp_path / "mine"))
    assert fontcache.cache_folder() == tmp_path / "mine"


def test_a_cff_font_is_rebuilt_once_per_character_set_with_a_name_of_its_own(cache, serif):
    assert fontcache.needs_rebuild(serif.path, 0)
    first = fontcache.rebuilt(serif.path, 0, frozenset("会议纪要"), "Probe")
    stamp = first.stat().st_mtime_ns
    assert fontcache.rebuilt(serif.path, 0, frozenset("会议纪要"), "Probe") == first
    assert first.stat().st_mtime_ns == stamp  # reused, not rebuilt
    other = fontcache.rebuilt(serif.path, 0, frozenset("会议"), "Probe")
    assert other != first
    assert not list(cache.rglob("*.part"))  # atomic writes leave no partial file

    font = fontTools.TTFont(first)
    source = fontTools.TTFont(serif.path)
    assert "glyf" in font and "CFF " not in font
    assert set(map(chr, font.getBestCmap())) == set("会议纪要")
    glyph = font.getBestCmap()[ord("会")]
    assert font["glyf"][glyph].numberOfContours > 0
    assert font["hmtx"][glyph] == source["hmtx"][source.getBestCmap()[ord("会")]]
    assert font["name"].getDebugName(6).startswith("Probe-")


def test_an_explicit_font_file_wins_and_an_unknown_one_is_an_error(serif, tmp_path):
    assert choose("body", {"body": str(serif.path)}).why.startswith("--font body=")
    with pytest.raises(ExportError, match="no such font file"):
        choose("body", {"body": "No Such Family 12345"})
    document = converter.parse("测试会议召开\n会议认为，要学习。")
    with pytest.raises(ExportError, match="unknown font role"):
        converter.export(document, "pdf", fonts={"bodi": str(serif.path)})


def test_a_character_the_role_font_lacks_falls_back_to_one_that_has_it(serif):
    tiny = fontcache.rebuilt(serif.path, 0, frozenset("会议"), "Tiny")  # a body font with two characters
    document = converter.parse("会议召开\n会议认为，要坚持学习贯彻。")
    data = converter.export(document, "pdf", fonts={**bundled_only(), "body": str(tiny)})
    assert not document.warnings
    assert ideographs(pdftotext(data)) == ideographs("会议召开会议认为要坚持学习贯彻")
    names = used_fonts(data)
    assert any("Tiny" in name for name in names) and any("NotoSerif" in name for name in names)


def test_rare_characters_outside_gb2312_print_from_a_font_that_has_them():
    rare = "䶮堃瑄喆"
    document = converter.parse(f"会议召开\n会议认为，{rare}同志出席。")
    data = converter.export(document, "pdf", fonts=bundled_only())
    assert not document.warnings
    assert rare in ideographs(pdftotext(data))


def test_characters_no_font_has_are_named_in_a_warning(serif):
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


def test_convert_fonts_lists_every_role_and_why():
    result = CliRunner().invoke(app, ["fonts"])
    assert result.exit_code == 0, result.output
    for role in ROLES:
        assert re.search(rf"^{role}\s", result.output, re.MULTILINE)
    assert result.output.count("why:") == len(ROLES)
    bad = CliRunner().invoke(app, ["fonts", "--font", "body=No Such Family 12345"])
    assert bad.exit_code == ExportError.exit_code


def test_a_face_restored_from_its_snapshot_gives_the_same_pdf(cache, serif):
    from reportlab.pdfbase.ttfonts import TTFont

    from converter.exporters.pdf.facecache import open_font

    small = fontcache.rebuilt(serif.path, 0, frozenset("会议纪要出席"), "Snap")
    parsed = open_font("SnapA", small, 0)  # reads the file, writes the snapshot
    assert list((cache / "faces").glob("*.pickle"))
    restored = open_font("SnapB", small, 0)
    direct = TTFont("SnapC", str(small))
    for font in (parsed, restored):
        assert font.face.charToGlyph == direct.face.charToGlyph
        assert font.face.charWidths == direct.face.charWidths
        assert font.face.makeSubset([0x4F1A, 0x8BAE]) == direct.face.makeSubset([0x4F1A, 0x8BAE])


def test_a_font_file_is_hashed_once_and_the_hash_remembered(cache, serif):
    fontcache.file_hash.cache_clear()
    first = fontcache.file_hash(serif.path)
    notes = list((cache / "hashes").iterdir())
    assert len(notes) == 1 and notes[0].read_text() == first
    fontcache.file_hash.cache_clear()
    assert fontcache.file_hash(serif.path) == first


def test_convert_fonts_prepare_leaves_the_chosen_faces_cached():
    pins = [arg for role, path in bundled_only().items() for arg in ("--font", f"{role}={path}")]
    result = CliRunner().invoke(app, ["fonts", "--prepare", *pins])
    assert result.exit_code == 0, result.output
    assert "(2 faces ready)" in result.output  # Noto Serif SC and Noto Sans SC
    folder = fontcache.cache_folder()
    for face in (bundled_face("body"), bundled_face("heading")):
        assert list((folder / "fonts").glob(f"*-{fontcache.file_hash(face.path)}-0-*.ttf"))


def _font_with_only(character: str, path) -> None:
    """A one-glyph TrueType font (a filled box) that has `character`, and nothing else."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    pen = TTGlyphPen(None)
    for point in ((100, -100), (100, 800), (900, 800), (900, -100)):
        (pen.lineTo if pen.points else pen.moveTo)(point)
    pen.closePath()
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "probe"])
    builder.setupCharacterMap({ord(character): "probe"})
    builder.setupGlyf({".notdef": TTGlyphPen(None).glyph(), "probe": pen.glyph()})
    builder.setupHorizontalMetrics({".notdef": (1000, 0), "probe": (1000, 100)})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": "Probe", "styleName": "Regular", "psName": "Probe-Regular"})
    builder.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
    builder.setupPost()
    builder.save(str(path))


def test_a_character_beyond_the_bmp_prints_from_a_font_that_has_it_and_copies_out_whole(tmp_path):
    probe = tmp_path / "probe.ttf"
    _font_with_only("𠮷", probe)
    document = converter.parse("会议召开\n会议认为，𠮷同志出席。")
    data = converter.export(document, "pdf", fonts={**bundled_only(), "body": str(probe)})
    assert not document.warnings  # the probe font has 𠮷, the bundled fonts the rest
    assert "会议认为𠮷同志出席" in ideographs(pdftotext(data))  # ToUnicode with a surrogate pair


def test_a_character_no_chosen_font_has_is_found_in_another_system_font(tmp_path, monkeypatch):
    require_tool("fc-list")
    from converter.exporters.pdf import discovery, fontset

    _font_with_only("𠮷", tmp_path / "probe.ttf")
    config = tmp_path / "fonts.conf"
    config.write_text(f'<?xml version="1.0"?><fontconfig><dir>{tmp_path}</dir>'
                      f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>", encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))
    monkeypatch.setenv(discovery.SYSTEM_FONTS_ENV, "1")
    for cached in (discovery.faces_covering, discovery.fontconfig_faces, fontset._font_set, fontset._own):
        cached.cache_clear()
    try:
        document = converter.parse("会议召开\n会议认为，𠮷同志出席。")
        data = converter.export(document, "pdf", fonts=bundled_only())  # no chosen font has 𠮷
        assert not document.warnings
        assert "𠮷" in ideographs(pdftotext(data))
        assert any("probe" in name for name in used_fonts(data))
    finally:
        for cached in (discovery.faces_covering, discovery.fontconfig_faces, fontset._font_set, fontset._own):
            cached.cache_clear()
