"""The published schemas, safe XML reading, and validation against notice.xsd."""

from __future__ import annotations

import re
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


_DTD_REFUSED = (
    "the document declares a DTD or entities, which notice documents never use "
    "(refused: they can read files, reach the network or expand without bound)"
)
# libxml2's own limits (huge_tree off) speak of parser options; say what they mean for a user.
_LIMIT_MESSAGES = (
    ("Excessive depth", "elements are nested deeper than 256 levels (refused: a notice is under 10 deep)"),
    ("Text node too long", "a text node is longer than 10,000,000 characters (refused)"),
    ("Buffer size limit", "a name, attribute or text is longer than 10,000,000 characters (refused)"),
    ("Resource limit", "the document exceeds the XML parser's size limits (refused)"),
    ("amplification", "entity expansion would amplify the document (refused)"),
)


# What may come before the root element: a byte-order mark, white space, comments and processing
# instructions (the XML declaration is one), then the DOCTYPE, if any. One anchored match with
# nothing to backtrack into: linear whatever the bytes.
_PROLOG_BEFORE_DOCTYPE = re.compile(rb"(?:\xef\xbb\xbf)?(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)


def _declares_dtd(data: bytes) -> bool:
    """A cheap look before parsing, so a bomb is refused without building anything.

    Entities can only be declared in a DOCTYPE, and a DOCTYPE only stands in the prolog, before
    the root element: `<!ENTITY` anywhere else (in a comment, a CDATA section) is text, or
    malformed XML the parser refuses. Not the only guard: a UTF-16 document slips past a byte
    search, and _has_dtd looks at what the parser actually saw.
    """
    end = _PROLOG_BEFORE_DOCTYPE.match(data).end()
    return data[end : end + 9].upper() == b"<!DOCTYPE"


def _has_dtd(root: etree._Element) -> bool:
    info = root.getroottree().docinfo
    if info.internalDTD is not None or info.externalDTD is not None:
        return True
    if info.doctype or info.system_url or info.public_id:
        return True
    return next(root.iter(etree.Entity), None) is not None


def _syntax_message(error: etree.XMLSyntaxError) -> str:
    text = error.msg or str(error)
    for needle, message in _LIMIT_MESSAGES:
        if needle in text:
            return message
    return f"not well-formed XML: {text}"


def parse_xml(data: bytes, *, source: str | None = None) -> etree._Element:
    """Parse untrusted XML bytes into an element, refusing DTDs and entities outright.

    The parser never loads a DTD, expands an entity, touches the network or keeps a processing
    instruction; libxml2's limits bound depth (256) and node size (10,000,000 characters).
    """
    if _declares_dtd(data):
        raise InvalidDocumentError(_DTD_REFUSED, source=source)
    try:
        root = etree.fromstring(data, _safe_parser())
    except etree.XMLSyntaxError as error:
        line = getattr(error, "lineno", None) or 0
        raise InvalidDocumentError(_syntax_message(error), source=source, place=f"line {line}") from None
    if root is None:
        raise InvalidDocumentError("the XML document is empty", source=source)
    if _has_dtd(root):
        raise InvalidDocumentError(_DTD_REFUSED, source=source)
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
