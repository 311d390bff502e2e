"""Which font sets each role, and which font sets each character.

Resolution per role: the explicit option (a file, `file#index` for a collection, or a family
name), then the system's faces in the role's order of preference, then the bundled OFL default.
A face we cannot read (Type 1, bitmap, damaged) is passed over; one whose licence forbids
embedding is passed over with a warning. Every face is set from its notes (facecache.py), its
outlines converted per character as documents need them (glyphs.py); each page format embeds
subsets of it.
A character the role's face lacks falls back to the other chosen faces, then the bundled ones,
then any system face fontconfig knows to have it (fontset.py). A character no face has is
reported in a warning: the PDF and OFD never leave its blank silently.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from ..errors import ExportError
from .charset import base_charset
from .discovery import (BOLD, PROPER_FAMILIES, REGULAR, ROLE_FAMILIES, ROLE_WEIGHT, ROLES, FontFile,
                        bundled_face, system_face, system_fonts_allowed)
from .facecache import FaceInfo, FontUnusable, face_info
from .fontcache import note


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

    @property
    def stand_in(self) -> bool:
        """Served by a face of another style than GB/T 9704 asks for (Song for 仿宋, …)."""
        proper = PROPER_FAMILIES.get(self.role)
        if proper is None or self.why.startswith("--font"):
            return False
        return self.face.family.casefold() not in {family.casefold() for family in proper}


class Coverage:
    """The characters a face has: `character in coverage` without a 40 000-entry set."""

    def __init__(self, info: FaceInfo | None):
        self.info = info

    def __contains__(self, character) -> bool:
        return self.info is not None and self.info.covers(ord(character))


_NOTHING = Coverage(None)


class Piece:
    """One face under a name of its own, loaded when first asked for.

    A chain lists every chosen face, but a document that prints no heading never needs the
    heading face: its notes are read (and, the first time, made) only when a character asks.
    A face that turns out unusable (damaged, or its licence forbids embedding) draws nothing,
    so the chain passes to the next font; the licence case is said in a warning.
    """

    def __init__(self, face: FontFile):
        self.face = face
        self.info: FaceInfo | None = None
        self._name: str | None = None
        self._characters: Coverage | None = None
        # Threads that ask for the same face at once load it once (reading its notes is the
        # costly part of a first document), and see its name only once it is fully loaded.
        self._guard = threading.Lock()

    def _ensure_loaded(self) -> None:
        if self._name is None:
            with self._guard:
                if self._name is None:
                    self._load()

    def _load(self) -> None:
        try:
            info = usable(self.face)
        except FontUnusable as reason:
            if "licence" in str(reason):
                note(f"{reason}; another font serves instead")
            # The stand-in name: a role whose every face failed still has a font to name; it
            # covers nothing, so no character is set in it by choice. The PDF and the OFD keep
            # its characters in the text and draw them as nothing.
            self._characters = _NOTHING
            self._name = UNUSABLE
            return
        self.info = info
        self._characters = Coverage(info)
        self._name = f"{_safe_name(self.face)}-{info.sha[:8]}"  # last: a thread that sees it sees the notes

    @property
    def loaded(self) -> bool:
        return self._name is not None

    @property
    def name(self) -> str:
        self._ensure_loaded()
        return self._name

    @property
    def characters(self) -> Coverage:
        self._ensure_loaded()
        return self._characters


UNUSABLE = "NoUsableFace"


def usable(face: FontFile) -> FaceInfo:
    """The face's notes; FontUnusable when it cannot be read or its licence forbids embedding."""
    info = face_info(face.path, face.index)
    forbidden = info.embedding_forbidden()
    if forbidden:
        raise FontUnusable(f"the font {face.path} is not embedded: {forbidden}")
    return info


def _explicit(role: str, value: str) -> Choice | None:
    location, _, index = value.partition("#")
    path = Path(location).expanduser()
    if path.exists():
        face = FontFile(path, int(index) if index.isdigit() else 0, path.stem, "option")
        try:
            info = usable(face)
        except FontUnusable as reason:
            if "licence" in str(reason):
                note(f"--font {role}={value}: {reason}; another font serves instead")
                return None
            raise ExportError(f"--font {role}={value}: {reason}") from None
        face = FontFile(path, face.index, info.family, "option", BOLD if info.weight_class >= 600 else REGULAR)
        return Choice(role, face, f"--font {role}={value}")
    found = system_face(value)
    if found is None:
        raise ExportError(f"--font {role}={value}: no such font file, and no installed font of that family")
    return Choice(role, found, f"--font {role}={value}, found by {found.origin}")


def _system_choice(role: str) -> Choice | None:
    if not system_fonts_allowed():
        return None
    for family in ROLE_FAMILIES[role]:
        found = system_face(family, ROLE_WEIGHT.get(role, REGULAR))
        if found is not None:  # its notes are read when a character first needs it (Piece)
            bold = " Bold" if found.weight >= BOLD else ""
            return Choice(role, found, f"system font ({found.origin}): {found.family}{bold}")
    return None


def choose(role: str, fonts: dict[str, str]) -> Choice:
    """The face for `role`: the option, else the best system face, else the bundled default."""
    found = _explicit(role, fonts[role]) if role in fonts else None
    found = found or _system_choice(role)
    if found is not None:
        return found
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


_pieces: dict[tuple[Path, int], Piece] = {}
_lock = threading.Lock()


def _safe_name(face: FontFile) -> str:
    stem = "".join(c for c in face.path.stem if c.isascii() and c.isalnum())[:24] or "Font"
    return f"{stem}{face.index}"


def pieces(face: FontFile) -> list[Piece]:
    """The registered font that carries a face (one per face and process, whatever the documents).

    Registered under a name made of the file's name and content hash: poppler mixes up two
    embedded fonts that share a name, and the same file must give the same name everywhere.
    """
    key = (face.path, face.index)
    with _lock:
        if key not in _pieces:
            _pieces[key] = Piece(face)
        return [_pieces[key]]


def font_report(fonts: dict[str, str]) -> list[tuple[Choice, str]]:
    """For `convert fonts`: each role's choice, and how it gets into the PDF."""
    check_roles(fonts)
    found = []
    for role in ROLES:
        choice = choose(role, fonts)
        try:
            outlines = face_info(choice.face.path, choice.face.index).outlines
        except FontUnusable as reason:
            raise ExportError(str(reason)) from None
        how = {"glyf": "TrueType outlines", "cff": "CFF outlines, converted to TrueType",
               "variable": "variable font, drawn at its regular instance"}[outlines]
        how += "; only the characters a document prints are embedded (converted glyphs are cached)"
        if choice.synthetic_bold:
            how += "; drawn emboldened (the title wants a heavy face)"
        if choice.stand_in:
            how += f"; a stand-in: pass --font {role}=FILE for the real face"
        found.append((choice, how))
    return found


def stand_in_note(fonts: dict[str, str]) -> str | None:
    """One sentence naming the GB/T 9704 roles served by a face of another style, or None."""
    wanted = {"title": "小标宋", "body": "仿宋", "heading": "黑体", "kai": "楷体"}
    standing = [choose(role, fonts) for role in wanted]
    standing = [choice for choice in standing if choice.stand_in]
    if not standing:
        return None
    parts = "; ".join(f"{wanted[c.role]} ({c.role}) is set in {c.face.family}" for c in standing)
    return (f"the PDF uses stand-in faces: {parts}. Point --font ROLE=FILE at the real face "
            "(e.g. --font body=/path/to/simfang.ttf); `notice-convert fonts` lists every role")


def prepare(fonts: dict[str, str], progress=None) -> int:
    """Convert and store every chosen face's glyphs for the base character set now (GB 2312,
    Big5's common hanzi, ASCII), so that later first PDFs find them ready.

    Returns how many distinct faces are ready. `progress(what, done, total)` is told as it goes.
    """
    from .glyphs import glyphs_for

    faces = [choose(role, fonts).face for role in ROLES] + [bundled_face(r) for r in ("body", "heading")]
    ready = {(face.path.resolve(), face.index): face for face in faces if face is not None}
    codes = sorted(map(ord, base_charset()))
    for face in ready.values():
        try:
            info = usable(face)
        except FontUnusable as reason:
            raise ExportError(str(reason)) from None
        for start in range(0, len(codes), 500):
            glyphs_for(info, codes[start:start + 500])
            if progress is not None:
                progress(f"converting the glyphs of {info.family}", min(start + 500, len(codes)), len(codes))
    return len(ready)
