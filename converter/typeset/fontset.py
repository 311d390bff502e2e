"""The fonts of one document: for each role and character, the registered font that draws it."""

from __future__ import annotations

from functools import lru_cache

from ..errors import ExportError
from .charset import printable
from .discovery import ROLES, FontFile, bundled_face, faces_covering, system_fonts_allowed
from .facecache import FaceInfo, FontUnusable
from .fontcache import take_notes
from .fonts import Choice, Piece, check_roles, choose, pieces

# After its own face, a role borrows from the others in this order, then from the bundled faces.
_BORROW_ORDER = ("body", "title", "number", "heading", "kai")
# Fallback faces tried per missing character: enough to find one that has it, not the whole system.
_RESCUE_TRIES = 4
# What the lookups found for one set of chains, shared by every document set in the same chains
# (a batch's documents nearly always are): the answers depend on the chains and the character
# only, and finding them again was a tenth of a warm PDF. A memo past _SHARED_ENTRIES entries
# (a batch of very varied characters) starts again, and at most _SHARED_CHAINS sets are kept.
_SHARED_ENTRIES = 60_000
_SHARED_CHAINS = 8
_shared: dict[tuple, tuple[dict, dict, dict]] = {}
_covered: dict[tuple, set[str]] = {}


def _shared_memos(chains: dict[str, list[Piece]]) -> tuple[dict, dict, dict]:
    """(font_for's memo, the placements, the characters each role is known to draw) for
    `chains`, the same dicts for equal chains."""
    key = tuple((role, tuple(chain)) for role, chain in sorted(chains.items()))
    found = _shared.get(key)
    if found is None or len(found[0]) > _SHARED_ENTRIES:  # a placement is made after a font_for
        if found is None and len(_shared) >= _SHARED_CHAINS:
            _shared.clear()
        found = _shared[key] = ({}, {}, {})
    return found


class FontSet:
    """Per role, a chain of fonts; a character is set in the first font of the chain that has it."""

    def __init__(self, choices: dict[str, Choice], chains: dict[str, list[Piece]], notes: list[str] = ()):
        self.choices = choices
        self.chains = chains
        self.notes = list(notes)  # warnings about the fonts themselves (a licence, the cache folder)
        # (role, character) → font name, and role → character → (font name, advance in 1/1000
        # em): the setter's one lookup per character. Shared with the other documents set in the
        # same chains.
        self._memo: dict[tuple[str, str], str | None]
        self.placements: dict[str, dict[str, tuple[str, float]]]
        self._drawable: dict[str, set[str]]
        self._memo, self.placements, self._drawable = _shared_memos(chains)
        self._faces: dict[str, FaceInfo] = {}
        self._advances: dict[tuple[str, str], float] = {}

    def font_for(self, role: str, character: str) -> str | None:
        key = (role, character)
        if key not in self._memo:
            piece = next((p for p in self.chains[role] if character in p.characters), None)
            self._memo[key] = piece.name if piece is not None else None
        return self._memo[key]

    def face(self, name: str) -> FaceInfo | None:
        """The notes of the face set under `name` (None for the unusable faces' stand-in name)."""
        found = self._faces.get(name)
        if found is None:
            for chain in self.chains.values():
                for piece in chain:
                    if piece.loaded and piece.info is not None:
                        self._faces[piece.name] = piece.info
            found = self._faces.get(name)
        return found

    def advance(self, name: str, character: str) -> float:
        """The advance of `character` in the font `name`, in 1/1000 em (the face's default
        advance for a character it lacks; a full em for a face that draws nothing)."""
        key = (name, character)
        found = self._advances.get(key)
        if found is None:
            info = self.face(name)
            if info is None:
                found = 1000.0
            else:
                scale = 1000 / info.units_per_em
                code = ord(character)
                found = (info.advance(code) if info.covers(code) else info.default_width) * scale
            self._advances[key] = found
        return found

    def faces_used(self) -> dict[str, FaceInfo]:
        """Every loaded face of the chains by name, in chain order."""
        found: dict[str, FaceInfo] = {}
        for chain in self.chains.values():
            for piece in chain:
                if piece.loaded and piece.info is not None:
                    found.setdefault(piece.name, piece.info)
        return found

    def primary(self, role: str) -> str:
        return self.chains[role][0].name

    def missing(self, role: str, characters) -> set[str]:
        """The characters no font of the role's chain can draw (spaces do not count)."""
        drawable = self._drawable.setdefault(role, set())
        lacking = set()
        for character in set(characters) - drawable:  # each document's new characters only
            if self.font_for(role, character) is not None:
                drawable.add(character)
            elif not character.isspace():
                lacking.add(character)
        return lacking


def _chain(role: str, own: dict[str, list[Piece]], extra: list[Piece]) -> list[Piece]:
    chain: list[Piece] = []
    for source in (own[role], *(own[r] for r in _BORROW_ORDER if r != role), extra):
        chain.extend(p for p in source if p not in chain)
    return chain


@lru_cache(maxsize=8)
def _own(fonts: tuple[tuple[str, str], ...], system: bool) -> tuple[dict[str, Choice], dict[str, list[Piece]]]:
    """The chosen faces' fonts per role (`system`, whether the machine's fonts may serve, is part
    of the cache key: the choice differs with it)."""
    options = dict(fonts)
    choices = {role: choose(role, options) for role in ROLES}
    return choices, {role: pieces(choice.face) for role, choice in choices.items()}


@lru_cache(maxsize=1)
def _bundled() -> tuple[Piece, ...]:
    faces: list[FontFile] = []
    for role in ("body", "heading"):
        face = bundled_face(role)
        if face is not None and face not in faces:
            faces.append(face)
    return tuple(piece for face in faces for piece in pieces(face))


def _rescued(missing: set[str], have: list[Piece]) -> list[Piece]:
    """System fonts that have characters no chosen or bundled face has (fontconfig's character
    sets, read once per process; a face that cannot serve is passed over)."""
    found: list[Piece] = []
    for character in sorted(missing):
        if any(character in piece.characters for piece in found + have):
            continue
        for face in faces_covering(character)[:_RESCUE_TRIES]:
            try:
                candidates = pieces(face)
            except (ExportError, FontUnusable):
                continue
            if any(character in piece.characters for piece in candidates):
                found.extend(p for p in candidates if p not in found)
                break
    return found


def font_set(fonts: dict[str, str], characters: set[str]) -> FontSet:
    """The fonts for a document whose text uses `characters`.

    The bundled faces join only when the chosen ones lack a character of the document, and other
    system faces only when those lack one too: each face costs its notes' load time.
    """
    check_roles(fonts)
    choices, own = _own(tuple(sorted(fonts.items())), system_fonts_allowed())
    printed = {c for c in characters if not c.isspace()}
    extra: list[Piece] = []
    # In borrowing order, so that the faces further down are read only for what the first lack.
    ordered = [piece for role in _BORROW_ORDER for piece in own[role]]
    covered = _covered.setdefault(tuple(ordered), set())  # characters some face of `ordered` has
    if len(covered) > _SHARED_ENTRIES or len(_covered) > _SHARED_CHAINS:
        _covered.clear()
        covered = _covered[tuple(ordered)] = set()
    lacking = set()
    for c in printed - covered:
        if any(c in piece.characters for piece in ordered):
            covered.add(c)
        else:
            lacking.add(c)
    if lacking:
        extra = list(_bundled())
        lacking = {c for c in lacking if not any(c in piece.characters for piece in extra)}
    if lacking:
        extra += _rescued(lacking, extra)
    return FontSet(choices, {role: _chain(role, own, extra) for role in ROLES}, take_notes())


def missing_glyphs_warning(fonts: FontSet, characters: set[str]) -> str | None:
    """The warning for characters no available font can draw (every chain holds every font)."""
    missing = fonts.missing("body", characters)
    if not missing:
        return None
    return (f"no available font has {printable(missing)}; the PDF or OFD leaves a blank in their place "
            "(copied text keeps them). Pass a font that has them with --font body=FILE (it is tried before the others)")


def font_warnings(fonts: FontSet, characters: set[str]) -> list[str]:
    """Every warning about this document's fonts: the run's font notes (a licence that forbids
    embedding, an unusable cache folder: each said once per process) and the missing glyphs."""
    fonts.notes += take_notes()  # said while the pages were set (a face read for its first character)
    missing = missing_glyphs_warning(fonts, characters)
    return fonts.notes + ([missing] if missing else [])
