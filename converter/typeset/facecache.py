"""What the PDF needs to know about a face, read once per machine and kept as plain JSON.

Opening a CJK face with fontTools to learn its character map and widths costs up to a second; a
cold `convert` must not pay it for every face. The notes depend only on the file, so they are kept
in the cache folder under the file's path, size, modification time and face index, as JSON with
a SHA-256 of the text in its first line. A note that fails the check, or does not parse, is made
again from the font: nothing read from the cache is ever executed.
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_right
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from .fontcache import cache_folder, content_hash, write_atomically

# A new layout of the notes must not read files written by an old one.
RECIPE = "3"
# Larger font files are refused, not read: the largest CJK collections are about 120 MB.
MAX_FONT_BYTES = 256 * 1024 * 1024
# OS/2 fsType bits (OpenType spec): 0x0002 restricted licence (no embedding at all), 0x0100 no
# subsetting (we always subset), 0x0200 bitmap embedding only (we embed outlines).
FS_RESTRICTED, FS_NO_SUBSETTING, FS_BITMAP_ONLY = 0x0002, 0x0100, 0x0200
_SFNT_MAGIC = (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf")


class FontUnusable(Exception):
    """The file is not a face we can embed (its message says why, naming the file)."""


@dataclass
class FaceInfo:
    """One face's metrics, licence bits, character coverage and widths (in font units)."""

    path: str
    index: int
    sha: str  # content hash of the file: names the embedded font and keys the glyph store
    family: str
    outlines: str  # "glyf", "cff" or "variable"
    units_per_em: int
    ascent: int
    descent: int
    line_gap: int
    cap_height: int
    bbox: list[int]
    italic_angle: float
    weight_class: int
    fs_type: int
    mac_style: int
    created: int
    modified: int
    default_width: int
    # [first, last, advance]: the code points the face maps to a glyph, in runs of one advance
    # (a CJK face has ~2,000 runs where a per-code table would have 40,000 entries to load).
    runs: list[list[int]]
    location: dict[str, float] = field(default_factory=dict)  # a variable font's instance
    copyright: str = ""
    licence: str = ""

    @property
    def key(self) -> str:
        """Names the face in the glyph store: the file's content, the face in a collection, the
        instance of a variable font (the faces of one .ttc draw the same code differently)."""
        where = ",".join(f"{tag}={value:g}" for tag, value in sorted(self.location.items()))
        return f"{self.sha}#{self.index}" + (f"@{where}" if where else "")

    def _run(self, code: int) -> list[int] | None:
        firsts = self.__dict__.get("_firsts")
        if firsts is None:
            firsts = self.__dict__["_firsts"] = [run[0] for run in self.runs]
        at = bisect_right(firsts, code) - 1
        if at >= 0 and self.runs[at][1] >= code:
            return self.runs[at]
        return None

    def covers(self, code: int) -> bool:
        return self._run(code) is not None

    def advance(self, code: int) -> int:
        run = self._run(code)
        return run[2] if run is not None else self.default_width

    def embedding_forbidden(self) -> str | None:
        """Why the licence forbids embedding this face in a PDF, or None when it allows it."""
        if self.fs_type & FS_RESTRICTED and not self.fs_type & 0x000C:
            return "its licence forbids embedding (OS/2 fsType: restricted)"
        if self.fs_type & FS_BITMAP_ONLY:
            return "its licence allows bitmap embedding only (OS/2 fsType)"
        if self.fs_type & FS_NO_SUBSETTING:
            return "its licence forbids subsetting (OS/2 fsType)"
        return None


def check_file(path: Path) -> int:
    """The file's size, after checking it looks like a TrueType/OpenType font we may read."""
    try:
        status = path.stat()
        if not path.is_file():
            raise FontUnusable(f"the font {path} is not a regular file")
        if status.st_size > MAX_FONT_BYTES:
            raise FontUnusable(f"the font {path} is {status.st_size // (1024 * 1024)} MB, larger than the "
                               f"{MAX_FONT_BYTES // (1024 * 1024)} MB a font may be")
        with open(path, "rb") as stream:
            magic = stream.read(4)
    except OSError as error:
        raise FontUnusable(f"the font {path} cannot be read: {error.strerror or error}") from None
    if magic not in _SFNT_MAGIC:
        raise FontUnusable(f"the font {path} is not a TrueType or OpenType font (Type 1, bitmap or another format)")
    return status.st_size


def _note_path(path: Path, index: int) -> Path:
    status = path.stat()
    identity = f"{path.resolve()}\0{status.st_size}\0{status.st_mtime_ns}\0{index}\0r{RECIPE}"
    key = hashlib.sha256(identity.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return cache_folder() / "faces" / f"{key}.json"


def _stored(note: Path) -> FaceInfo | None:
    """The face notes from the cache, or None when absent, tampered with or malformed."""
    try:
        raw = note.read_bytes()
    except OSError:
        return None
    check, _, text = raw.partition(b"\n")
    if hashlib.sha256(text).hexdigest().encode("ascii") != check:
        return None
    try:
        return FaceInfo(**json.loads(text))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def _store(note: Path, info: FaceInfo) -> None:
    fields = {key: value for key, value in asdict(info).items() if not key.startswith("_")}
    text = json.dumps(fields, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    try:
        write_atomically(note, hashlib.sha256(text).hexdigest().encode("ascii") + b"\n" + text)
    except OSError:
        pass  # the notes are made again next time; fontcache has said why the folder fails


@lru_cache(maxsize=16)
def face_info(path: Path, index: int) -> FaceInfo:
    """The face's notes: from the cache when a checked copy is there, else read from the font."""
    check_file(path)
    note = _note_path(path, index)
    found = _stored(note)
    if found is None or found.index != index:
        found = read_face(path, index)
        _store(note, found)
    return found


def _runs(advance: dict[int, int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for code in sorted(advance):
        if runs and runs[-1][1] == code - 1 and runs[-1][2] == advance[code]:
            runs[-1][1] = code
        else:
            runs.append([code, code, advance[code]])
    return runs


def instance_location(font) -> dict[str, float]:
    """Where a variable font is drawn: regular weight, every other axis at its default."""
    if "fvar" not in font:
        return {}
    location = {}
    for axis in font["fvar"].axes:
        wanted = 400.0 if axis.axisTag == "wght" else axis.defaultValue
        location[axis.axisTag] = max(min(wanted, axis.maxValue), axis.minValue)
    return location


def read_face(path: Path, index: int) -> FaceInfo:
    """Read the notes from the font file itself (fontTools, lazily: only the tables named)."""
    check_file(path)
    try:
        return _read_face(path, index)
    except FontUnusable:
        raise
    except Exception as error:  # fontTools raises anything on a damaged file: it is one more bad font
        raise FontUnusable(f"the font {path} (face {index}) cannot be read: {type(error).__name__}: {error}") from None


def _read_face(path: Path, index: int) -> FaceInfo:
    from fontTools.ttLib import TTFont

    with TTFont(path, fontNumber=index, lazy=True) as font:
        if "glyf" not in font and "CFF " not in font and "CFF2" not in font:
            raise FontUnusable(f"the font {path} has no outlines we can embed (bitmap or colour glyphs only)")
        cmap = {code: glyph for code, glyph in (font.getBestCmap() or {}).items() if glyph != ".notdef"}
        if not cmap:
            raise FontUnusable(f"the font {path} maps no character to a glyph")
        location = instance_location(font)
        if location:
            glyphs = font.getGlyphSet(location=location)
            advance = {code: round(glyphs[glyph].width) for code, glyph in cmap.items()}
        else:
            metrics = font["hmtx"].metrics
            advance = {code: metrics[glyph][0] for code, glyph in cmap.items() if glyph in metrics}
        default = Counter(advance.values()).most_common(1)[0][0]
        head, hhea = font["head"], font["hhea"]
        os2 = font["OS/2"] if "OS/2" in font else None
        name = font["name"]
        family = name.getBestFamilyName() or path.stem
        outlines = "variable" if location else ("glyf" if "glyf" in font else "cff")
        return FaceInfo(
            path=str(path), index=index, sha=content_hash(path), family=family, outlines=outlines,
            units_per_em=head.unitsPerEm, ascent=hhea.ascent, descent=hhea.descent, line_gap=hhea.lineGap,
            cap_height=getattr(os2, "sCapHeight", 0) or hhea.ascent,
            bbox=[head.xMin, head.yMin, head.xMax, head.yMax],
            italic_angle=float(font["post"].italicAngle) if "post" in font else 0.0,
            weight_class=getattr(os2, "usWeightClass", 400), fs_type=getattr(os2, "fsType", 0),
            mac_style=head.macStyle, created=head.created, modified=head.modified, default_width=default,
            runs=_runs(advance), location=location,
            copyright=(name.getDebugName(0) or "")[:500], licence=(name.getDebugName(13) or "")[:2000],
        )


def forget() -> None:
    """Drop what this process remembers (tests that change the cache underneath)."""
    face_info.cache_clear()
