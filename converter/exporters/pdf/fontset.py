"""The fonts of one document: for each role and character, the registered font that draws it."""

from __future__ import annotations

from functools import lru_cache

from ...errors import ExportError
from .charset import base_charset, printable
from .discovery import ROLES, FontFile, bundled_face, faces_covering
from .fonts import Choice, Piece, check_roles, choose, pieces, rescue_pieces

# After its own face, a role borrows from the others in this order, then from the bundled faces.
_BORROW_ORDER = ("body", "title", "number", "heading", "kai")


class FontSet:
    """Per role, a chain of fonts; a character is set in the first font of the chain that has it."""

    def __init__(self, choices: dict[str, Choice], chains: dict[str, list[Piece]]):
        self.choices = choices
        self.chains = chains
        self._memo: dict[tuple[str, str], str | None] = {}
        # (role, character) → (font name, advance in 1/1000 em): the setter's one lookup per character.
        self.placements: dict[tuple[str, str], tuple[str, float]] = {}

    def font_for(self, role: str, character: str) -> str | None:
        key = (role, character)
        if key not in self._memo:
            self._memo[key] = next((p.name for p in self.chains[role] if character in p.characters), None)
        return self._memo[key]

    def primary(self, role: str) -> str:
        return self.chains[role][0].name

    def missing(self, role: str, characters) -> set[str]:
        """The characters no font of the role's chain can draw (spaces do not count)."""
        return {c for c in characters if not c.isspace() and self.font_for(role, c) is None}


def _chain(role: str, own: dict[str, list[Piece]], bundled: list[Piece]) -> list[Piece]:
    chain: list[Piece] = []
    for source in (own[role], *(own[r] for r in _BORROW_ORDER if r != role), bundled):
        chain.extend(p for p in source if p not in chain)
    return chain


def _bundled_pieces(extra: frozenset[str]) -> list[Piece]:
    faces: list[FontFile] = []
    for role in ("body", "heading"):
        face = bundled_face(role)
        if face is not None and face not in faces:
            faces.append(face)
    return [piece for face in faces for piece in pieces(face, extra)]


def _rescued(missing: set[str]) -> list[Piece]:
    """Fonts of the system that have characters no chosen or bundled face has."""
    found: list[Piece] = []
    for character in sorted(missing):
        if any(character in piece.characters for piece in found):
            continue
        for face in faces_covering(character):
            try:
                candidates = rescue_pieces(face, frozenset(missing))
            except ExportError:
                continue  # a face that forbids embedding, or a broken file
            if any(character in piece.characters for piece in candidates):
                found.extend(candidates)
                break
    return found


@lru_cache(maxsize=32)
def _own(fonts: tuple[tuple[str, str], ...], extra: frozenset[str]) -> tuple[dict, dict, frozenset[str]]:
    """The chosen faces' pieces per role, and the characters (base and extra) none of them has."""
    options = dict(fonts)
    choices = {role: choose(role, options) for role in ROLES}
    own = {role: pieces(choice.face, extra) for role, choice in choices.items()}
    covered = set().union(*(piece.characters for found in own.values() for piece in found))
    return choices, own, frozenset((base_charset() | extra) - covered)


@lru_cache(maxsize=32)
def _font_set(fonts: tuple[tuple[str, str], ...], extra: frozenset[str], borrow: bool) -> FontSet:
    """The chains; the bundled faces (and then other system faces) join only when `borrow`
    says the chosen faces lack a character of the document: each face costs load time."""
    choices, own, _ = _own(fonts, extra)
    bundled = _bundled_pieces(extra) if borrow else []
    found = FontSet(choices, {role: _chain(role, own, bundled) for role in ROLES})
    missing = found.missing("body", extra)
    if not missing:
        return found
    rescued = _rescued(missing)
    return FontSet(choices, {role: _chain(role, own, bundled) + rescued for role in ROLES})


def font_set(fonts: dict[str, str], characters: set[str]) -> FontSet:
    """The fonts for a document whose text uses `characters`."""
    check_roles(fonts)
    extra = frozenset(c for c in characters if c not in base_charset() and not c.isspace())
    key = tuple(sorted(fonts.items()))
    lacking = _own(key, extra)[2]
    return _font_set(key, extra, any(c in lacking for c in characters if not c.isspace()))


def missing_glyphs_warning(fonts: FontSet, characters: set[str]) -> str | None:
    """The warning for characters no available font can draw (every chain holds every font)."""
    missing = fonts.missing("body", characters)
    if not missing:
        return None
    return (f"no available font has {printable(missing)}; the PDF shows them as empty boxes. "
            "Pass a font that has them with --font body=FILE (it is tried before the others)")
