"""Our own small template package, built by code from the layout numbers, once per process.

python-docx's default template carries ~800 KB of styles that every save re-compresses; ours
holds only what the layouts use (a few KB), so opening and saving it costs little.
"""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache

from lxml import etree

from .faces import Faces
from .parts import EVEN_FOOTER_ID, ODD_FOOTER_ID, document_xml, font_table_xml, footer_xml, settings_xml
from .styles import styles_xml
from .wordml import CT_NS, REL_NS, serialise

_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_RELATIONSHIP = _OFFICE + "/{}"

# part name -> (content type, relationship kind from word/document.xml, fixed relationship id)
_WORD_PARTS = {
    "word/styles.xml": (f"{_WML}.styles+xml", "styles", None),
    "word/settings.xml": (f"{_WML}.settings+xml", "settings", None),
    "word/fontTable.xml": (f"{_WML}.fontTable+xml", "fontTable", None),
    "word/footer1.xml": (f"{_WML}.footer+xml", "footer", ODD_FOOTER_ID),
    "word/footer2.xml": (f"{_WML}.footer+xml", "footer", EVEN_FOOTER_ID),
}
_CORE = "docProps/core.xml"
_CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
_CORE_RELATIONSHIP = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"


def _content_types() -> etree._Element:
    root = etree.Element(f"{{{CT_NS}}}Types", nsmap={None: CT_NS})
    defaults = {"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml"}
    for extension, content_type in defaults.items():
        etree.SubElement(root, f"{{{CT_NS}}}Default", Extension=extension, ContentType=content_type)
    overrides = {"word/document.xml": f"{_WML}.document.main+xml", _CORE: _CORE_TYPE}
    overrides.update({name: spec[0] for name, spec in _WORD_PARTS.items()})
    for name, content_type in overrides.items():
        etree.SubElement(root, f"{{{CT_NS}}}Override", PartName="/" + name, ContentType=content_type)
    return root


def _relationships(entries: list[tuple[str, str, str]]) -> etree._Element:
    root = etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
    for rel_id, rel_type, target in entries:
        etree.SubElement(root, f"{{{REL_NS}}}Relationship", Id=rel_id, Type=rel_type, Target=target)
    return root


def _document_relationships() -> etree._Element:
    entries = []
    for number, (name, (_, kind, rel_id)) in enumerate(_WORD_PARTS.items(), start=1):
        entries.append((rel_id or f"rId{number}", _RELATIONSHIP.format(kind), name.removeprefix("word/")))
    return _relationships(entries)


def _core_properties() -> etree._Element:
    """Empty properties: python-docx would otherwise invent an author and stamp the time."""
    cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    return etree.Element(
        f"{{{cp}}}coreProperties",
        nsmap={"cp": cp, "dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/",
               "xsi": "http://www.w3.org/2001/XMLSchema-instance"},
    )


def _parts(faces: Faces, minutes: bool) -> dict[str, etree._Element]:
    return {
        "[Content_Types].xml": _content_types(),
        "_rels/.rels": _relationships([
            ("rId1", _RELATIONSHIP.format("officeDocument"), "word/document.xml"),
            ("rId2", _CORE_RELATIONSHIP, _CORE),
        ]),
        "word/document.xml": document_xml(),
        "word/_rels/document.xml.rels": _document_relationships(),
        "word/styles.xml": styles_xml(faces, minutes),
        "word/settings.xml": settings_xml(),
        "word/fontTable.xml": font_table_xml(faces),
        "word/footer1.xml": footer_xml(odd=True),
        "word/footer2.xml": footer_xml(odd=False),
        _CORE: _core_properties(),
    }


@lru_cache(maxsize=16)
def template(faces: Faces, minutes: bool) -> bytes:
    """The template package for one set of faces and one layout, built on first use."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, root in _parts(faces, minutes).items():
            package.writestr(name, serialise(root))
    return buffer.getvalue()
