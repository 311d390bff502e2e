"""Which face each font role uses in a DOCX: the GB/T 9704 defaults, or the user's choice.

A DOCX only names its fonts; the reader's machine supplies them. So an option here is a face
name, never a font file (that is what the PDF exporter takes).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from ... import layout
from ...errors import ExportError

_FONT_FILE_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc", ".woff", ".woff2")


@dataclass(frozen=True)
class Faces:
    """One face name per role (title, body, heading, kai, number), hashable for template caching."""

    title: str
    body: str
    heading: str
    kai: str
    number: str

    def of(self, role: str) -> str:
        return getattr(self, role)

    def alternative(self, role: str) -> str | None:
        """The usual substitute for a role's face, declared only while the default face is used."""
        if self.of(role) == layout.DEFAULT_FACES[role]:
            return layout.FALLBACK_FACES.get(role)
        return None


def _checked(role: str, face: str) -> str:
    if role not in layout.DEFAULT_FACES:
        known = ", ".join(layout.DEFAULT_FACES)
        raise ExportError(f"unknown font role {role!r} for docx; roles: {known}")
    if not face:
        raise ExportError(f"--font {role}=: give a face name, such as {layout.DEFAULT_FACES[role]}")
    if face.lower().endswith(_FONT_FILE_SUFFIXES) or len(PurePath(face).parts) > 1:
        raise ExportError(
            f"--font {role}={face}: a DOCX names its fonts and the reader's machine supplies them; "
            f"give a face name such as {layout.DEFAULT_FACES[role]}, not a font file"
        )
    return face


def faces_for(requested: dict[str, str]) -> Faces:
    """The faces of a document: defaults from layout, overridden role by role."""
    chosen = dict(layout.DEFAULT_FACES)
    for role, face in requested.items():
        chosen[role] = _checked(role, face.strip())
    return Faces(**chosen)
