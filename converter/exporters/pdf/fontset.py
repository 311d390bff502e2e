"""The fonts of one document: for each role and character, the registered font that draws it."""

from __future__ import annotations

import warnings
from functools import lru_cache

from .charset import base_charset, printable
from .discovery import ROLES, FontFile, bundled_face
from .fonts import Choice, MissingGlyphWarning, Piece, check_roles, choose, pieces

# After its own face, a role borrows from the others in this order, then from the bundled faces.
_BORROW_ORDER = ("body", "title", "number", "heading", "kai")


class FontSet:
    """Per role, a chain of fonts; a character is set in the first font of the chain that has it."""

    def __init__(self, choices: dict[str, Choice], chains: dict[str, list[Piece]]):
        self.choices = choices
        self.chains = chains
        self._memo: dict[tuple[str, str], str | None] = {}

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


@lru_cache(maxsize=32)
def _font_set(fonts: tuple[tuple[str, str], ...], extra: frozenset[str]) -> FontSet:
    options = dict(fonts)
    choices = {role: choose(role, options) for role in ROLES}
    own = {role: pieces(choice.face, extra) for role, choice in choices.items()}
    bundled = _bundled_pieces(extra)
    return FontSet(choices, {role: _chain(role, own, bundled) for role in ROLES})


def font_set(fonts: dict[str, str], characters: set[str]) -> FontSet:
    """The fonts for a document whose text uses `characters`; warns about undrawable ones."""
    check_roles(fonts)
    extra = frozenset(c for c in characters if c not in base_charset() and not c.isspace())
    found = _font_set(tuple(sorted(fonts.items())), extra)
    missing = found.missing("body", characters)
    if missing:
        warnings.warn(MissingGlyphWarning(
            f"no available font has {printable(missing)}; they print as empty boxes. "
            "Install a font that has them and pass it with --font body=FILE"), stacklevel=3)
    return found
