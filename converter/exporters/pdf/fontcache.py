"""Make a font embeddable by reportlab, once per font file and character set, cached on disk.

reportlab embeds only TrueType outlines of a static font. A CFF font (Noto CJK, Fandol) or a
variable font is rebuilt with fontTools: the glyphs of the wanted characters are drawn through a
cubic-to-quadratic pen into a new `glyf` font with a name of its own (poppler draws every font that
shares a PostScript name with the first one it met). The result is written atomically to the
user's cache folder under a key made of the source file's hash and the character set, so the cost
(about 4 s for GB 2312 from Noto Serif SC) is paid once per machine, not per document.
"""

from __future__ import annotations

import hashlib
import io
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from .charset import charset_key

CACHE_ENV = "NOTICE_CONVERTER_CACHE"
# Rebuilt files carry this in their name: a new recipe must not reuse files made by an old one.
RECIPE = "1"


def cache_folder() -> Path:
    """$NOTICE_CONVERTER_CACHE, else the user's cache folder: $XDG_CACHE_HOME or ~/.cache
    (%LOCALAPPDATA% on Windows, ~/Library/Caches on macOS), in a notice-converter folder."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    if os.environ.get("XDG_CACHE_HOME"):
        base = Path(os.environ["XDG_CACHE_HOME"])
    elif sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        base = Path(os.environ["LOCALAPPDATA"])
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path.home() / ".cache"
    return base / "notice-converter"


@lru_cache(maxsize=64)
def file_hash(path: Path) -> str:
    """The font file's content hash, remembered in the cache under its path, size and mtime.

    Hashing an 11 MB font takes longer than a whole warm conversion; a stat and a tiny read
    tell whether the remembered hash still belongs to the file.
    """
    status = path.stat()
    identity = f"{path.resolve()}\0{status.st_size}\0{status.st_mtime_ns}"
    note = cache_folder() / "hashes" / (hashlib.sha256(identity.encode("utf-8", "surrogateescape")).hexdigest()[:32])
    try:
        return note.read_text(encoding="ascii").strip()
    except OSError:
        pass
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    found = digest.hexdigest()[:16]
    try:
        write_atomically(note, found.encode("ascii"))
    except OSError:
        pass  # a read-only cache costs time, not correctness
    return found


@lru_cache(maxsize=64)
def _source(path: Path, index: int):
    from fontTools.ttLib import TTFont

    return TTFont(path, fontNumber=index, lazy=True)


@lru_cache(maxsize=64)
def coverage(path: Path, index: int) -> frozenset[str]:
    """Every character the face maps to a glyph."""
    return frozenset(chr(code) for code in _source(path, index).getBestCmap())


@lru_cache(maxsize=64)
def needs_rebuild(path: Path, index: int) -> bool:
    """True for CFF/CFF2 outlines and variable fonts, which reportlab cannot embed as they are.

    Read from the table directory alone: opening the font with fontTools costs more than the
    rest of a warm conversion.
    """
    tags = _table_tags(path, index)
    return b"glyf" not in tags or b"fvar" in tags


def _table_tags(path: Path, index: int) -> set[bytes]:
    with open(path, "rb") as stream:
        header = stream.read(12)
        offset = 0
        if header[:4] == b"ttcf":  # a collection: find the face's own table directory
            stream.seek(12 + 4 * index)
            offset = int.from_bytes(stream.read(4), "big")
            stream.seek(offset)
            header = stream.read(12)
        count = int.from_bytes(header[4:6], "big")
        stream.seek(offset + 12)
        records = stream.read(16 * count)
    return {records[i:i + 4] for i in range(0, len(records), 16)}


def rebuilt(path: Path, index: int, characters: frozenset[str], name: str) -> Path:
    """A cached TrueType file with the glyphs of `characters` from the face, named `name`."""
    key = f"{file_hash(path)}-{index}-{charset_key(characters)}-r{RECIPE}"
    target = cache_folder() / "fonts" / f"{name}-{key}.ttf"
    if not target.exists():
        write_atomically(target, _rebuild(path, index, characters, f"{name}-{key[:8]}"))
    return target


def write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _static_font(path: Path, index: int):
    """The face as a static font: a variable font is pinned at its regular instance."""
    from fontTools.ttLib import TTFont

    font = TTFont(path, fontNumber=index, lazy=False)
    if "fvar" in font:
        from fontTools.varLib import instancer

        axes = {axis.axisTag: (400 if axis.axisTag == "wght" else axis.defaultValue) for axis in font["fvar"].axes}
        axes = {tag: max(min(value, _axis(font, tag).maxValue), _axis(font, tag).minValue) for tag, value in axes.items()}
        font = instancer.instantiateVariableFont(font, axes)
    return font


def _axis(font, tag: str):
    return next(axis for axis in font["fvar"].axes if axis.axisTag == tag)


def _quadratic_glyphs(font, glyph_names: list[str]) -> dict:
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    glyph_set = font.getGlyphSet()
    glyphs = {}
    for glyph_name in glyph_names:
        pen = TTGlyphPen(None)
        # CFF contours run counter-clockwise; TrueType's run clockwise.
        glyph_set[glyph_name].draw(Cu2QuPen(pen, 1.0, reverse_direction="CFF " in font or "CFF2" in font))
        glyphs[glyph_name] = pen.glyph()
    return glyphs


def _rebuild(path: Path, index: int, characters: frozenset[str], font_name: str) -> bytes:
    from fontTools.fontBuilder import FontBuilder

    font = _static_font(path, index)
    cmap = {code: glyph for code, glyph in font.getBestCmap().items() if chr(code) in characters}
    order = [".notdef"] + sorted(set(cmap.values()) - {".notdef"}, key=font.getGlyphID)
    builder = FontBuilder(font["head"].unitsPerEm, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap(cmap)
    builder.setupGlyf(_quadratic_glyphs(font, order))
    metrics = font["hmtx"]
    builder.setupHorizontalMetrics({glyph: metrics[glyph] for glyph in order})
    hhea, os2 = font["hhea"], font["OS/2"]
    builder.setupHorizontalHeader(ascent=hhea.ascent, descent=hhea.descent, lineGap=hhea.lineGap)
    builder.setupNameTable({"familyName": font_name, "styleName": "Regular", "psName": font_name,
                            "copyright": font["name"].getDebugName(0) or "",
                            "licenseDescription": font["name"].getDebugName(13) or ""})
    builder.setupOS2(sTypoAscender=os2.sTypoAscender, sTypoDescender=os2.sTypoDescender,
                     sTypoLineGap=os2.sTypoLineGap, usWinAscent=os2.usWinAscent,
                     usWinDescent=os2.usWinDescent, fsType=os2.fsType, usWeightClass=os2.usWeightClass)
    builder.setupPost(keepGlyphNames=False)
    output = io.BytesIO()
    builder.save(output)
    return output.getvalue()
