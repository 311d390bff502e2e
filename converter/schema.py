"""The published schemas, safe XML reading, and validation against notice.xsd."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from .errors import InvalidDocumentError
from .vocabulary import NAMESPACE, NOTICE, SCHEMA_VERSION, q

_PACKAGE_DIR = Path(__file__).resolve().parent


def schema_path(name: str = "notice.xsd") -> Path:
    """Where a published schema file is: inside the installed package, or at the source root."""
    for folder in (_PACKAGE_DIR / "schemas", _PACKAGE_DIR.parent / "schemas"):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"schema file {name} is missing from the installation")


@lru_cache(maxsize=1)
def _xml_schema() -> etree.XMLSchema:
    # The XSD itself is ours, but it is read with the same locked-down parser as any input.
    return etree.XMLSchema(etree.parse(str(schema_path()), _safe_parser()))


def _safe_parser() -> etree.XMLParser:
    # No DTD loading, no entity expansion, no network, libxml2's default depth and size limits
    # (huge_tree off): a hostile document can make the parser refuse, never make it fetch or grow.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_pis=True,
        remove_comments=True,
    )


@dataclass(frozen=True)
class Problem:
    """One way a document breaks the schema."""

    line: int
    path: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.path}: {self.message}"


def parse_xml(data: bytes, *, source: str | None = None) -> etree._Element:
    """Parse untrusted XML bytes into an element, refusing DTDs and entities outright."""
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
        raise InvalidDocumentError(
            "the document declares a DTD or entities, which notice documents never use "
            "(refused: they can read files, reach the network or expand without bound)",
            source=source,
        )
    try:
        root = etree.fromstring(data, _safe_parser())
    except etree.XMLSyntaxError as error:
        line = getattr(error, "lineno", None) or 0
        raise InvalidDocumentError(
            f"not well-formed XML: {error.msg}", source=source, place=f"line {line}"
        ) from None
    if root is None:
        raise InvalidDocumentError("the XML document is empty", source=source)
    return root


def problems(root: etree._Element) -> list[Problem]:
    """Every schema problem of a tree, with line and path; empty when the tree is valid."""
    found: list[Problem] = []
    if root.tag != q(NOTICE):
        found.append(
            Problem(
                root.sourceline or 0,
                "/",
                f"the root element is {root.tag!r}, expected {{{NAMESPACE}}}{NOTICE}",
            )
        )
        return found
    schema = _xml_schema()
    if not schema.validate(root):
        for entry in schema.error_log:
            found.append(Problem(entry.line, entry.path or "/", entry.message))
    version = root.get("schema-version", "")
    if version and version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        found.append(Problem(root.sourceline or 0, "/", f"schema-version {version} is not 1.x"))
    return found
