"""Which font sets each role, and which font sets each character.

Resolution per role: the explicit option (a file, `file#index` for a collection, or a family
name), then the system's faces in the role's order of preference, then the bundled OFL default.
Every chosen face is registered with reportlab under a name unique to its file (its hash), and a
character the role's face lacks falls back to the other chosen faces, then the bundled ones,
then any system face fontconfig knows to have it (fontset.py). A character no face has is
reported in a warning: the PDF never shows an empty box silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...errors import ExportError
from .charset import base_charset, charset_key
from .discovery import BOLD, REGULAR, ROLE_WEIGHT, ROLES, FontFile, bundled_face, system_face, system_face_for
from .embedding import quick_subsets
from .facecache import open_font
from .fontcache import coverage, file_hash, needs_rebuild, rebuilt


@dataclass(frozen=True)
class Choice:
    """The face that serves a role, and why it was chosen (for `convert fonts`)."""

    role: str
    face: FontFile
    why: str

    @property
    def synthetic_bold(self) -> bool:
        """Drawn heavier than the file is: the title wants 小标宋's weight, the face found is regular.

        Not for a 小标宋 (heavy by design, whatever its weight says) or a font the user chose.
        """
        heavy_by_design = any(name in self.face.family for name in ("小标宋", "XiaoBiaoSong"))
        chosen_by_user = self.why.startswith("--font")
        return (ROLE_WEIGHT.get(self.role, REGULAR) >= BOLD > self.face.weight and not heavy_by_design
                and not chosen_by_user)


@dataclass(frozen=True)
class Piece:
    """One font registered with reportlab: its name there and the characters it draws."""

    name: str
    characters: frozenset[str]
    face: FontFile


def _explicit(role: str, value: str) -> Choice:
    location, _, index = value.partition("#")
    path = Path(location).expanduser()
    if path.is_file():
        face = FontFile(path, int(index) if index.isdigit() else 0, path.stem, "option")
        return Choice(role, face, f"--font {role}={value}")
    found = system_face(value)
    if found is None:
        raise ExportError(f"--font {role}={value}: no such font file, and no installed font of that family")
    return Choice(role, found, f"--font {role}={value}, found by {found.origin}")


def choose(role: str, fonts: dict[str, str]) -> Choice:
    """The face for `role`: the option, else the best system face, else the bundled default."""
    if role in fonts:
        return _explicit(role, fonts[role])
    found = system_face_for(role)
    if found is not None:
        bold = " Bold" if found.weight >= BOLD else ""
        return Choice(role, found, f"system font ({found.origin}): {found.family}{bold}")
    bundled = bundled_face(role)
    if bundled is not None:
        why = "bundled default (pylopdf-fonts-zh-cn, SIL OFL 1.1)"
        if role in ("body", "kai"):
            why += "; Song stands in, as no free 仿宋 or 楷体 ships on PyPI"
        return Choice(role, bundled, why)
    raise ExportError(f"no font for the {role} role: pass --font {role}=FILE or pip install pylopdf-fonts-zh-cn")


def check_roles(fonts: dict[str, str]) -> None:
    unknown = sorted(set(fonts) - set(ROLES))
    if unknown:
        raise ExportError(f"unknown font role(s) {', '.join(unknown)}; roles: {', '.join(ROLES)}")


@lru_cache(maxsize=256)
def _register(path: Path, index: int, unique: str) -> Piece:
    """Register a TrueType file with reportlab under a name that no other file shares."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError

    try:
        font = open_font(unique, path, index)
    except TTFError as error:
        raise ExportError(f"the font {path} cannot be embedded: {error}") from None
    # The PDF's BaseFont is the face's name; poppler mixes up two fonts that share one.
    font.face.name = unique.encode("ascii")
    quick_subsets(font)
    pdfmetrics.registerFont(font)
    characters = frozenset(chr(code) for code, glyph in font.face.charToGlyph.items() if glyph)
    return Piece(unique, characters, FontFile(path, index, unique, "registered"))


def _safe_name(face: FontFile) -> str:
    stem = "".join(c for c in face.path.stem if c.isascii() and c.isalnum())[:24] or "Font"
    return f"{stem}{face.index}"


def pieces(face: FontFile, extra: frozenset[str]) -> list[Piece]:
    """The registered fonts that carry a face: the file itself, or its rebuilt base and extras."""
    unique = f"{_safe_name(face)}-{file_hash(face.path)[:8]}"
    if not needs_rebuild(face.path, face.index):
        return [_register(face.path, face.index, unique)]
    found = [_register(rebuilt(face.path, face.index, base_charset(), unique), 0, unique)]
    wanted = extra & coverage(face.path, face.index) if extra else frozenset()
    if wanted:
        extra_name = f"{unique}x{charset_key(wanted)[:8]}"
        found.append(_register(rebuilt(face.path, face.index, frozenset(wanted), extra_name), 0, extra_name))
    return found


def font_report(fonts: dict[str, str]) -> list[tuple[Choice, str]]:
    """For `convert fonts`: each role's choice, and how it gets into the PDF."""
    check_roles(fonts)
    found = []
    for role in ROLES:
        choice = choose(role, fonts)
        how = ("CFF or variable outlines: rebuilt as TrueType once per character set, cached"
               if needs_rebuild(choice.face.path, choice.face.index) else "TrueType: subset and embedded as it is")
        if choice.synthetic_bold:
            how += "; drawn emboldened (the title wants a heavy face)"
        found.append((choice, how))
    return found


def prepare(fonts: dict[str, str]) -> int:
    """Rebuild and snapshot every chosen face now (the first PDF otherwise waits for it).

    Returns how many distinct faces are ready.
    """
    faces = [choose(role, fonts).face for role in ROLES] + [bundled_face(r) for r in ("body", "heading")]
    ready = {(face.path.resolve(), face.index): face for face in faces if face is not None}
    for face in ready.values():
        pieces(face, frozenset())
    return len(ready)


def rescue_pieces(face: FontFile, wanted: frozenset[str]) -> list[Piece]:
    """A face found only for characters no chosen face has: the file as it is, or, for CFF
    outlines, just those characters rebuilt (not the whole base set)."""
    unique = f"{_safe_name(face)}-{file_hash(face.path)[:8]}"
    if not needs_rebuild(face.path, face.index):
        return [_register(face.path, face.index, unique)]
    name = f"{unique}x{charset_key(wanted)[:8]}"
    return [_register(rebuilt(face.path, face.index, wanted, name), 0, name)]
