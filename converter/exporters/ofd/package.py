"""The OFD package: OFD.xml (the entry, with the document's information) and the parts, zipped
with fixed dates and in sorted order, so the same input gives the same bytes."""

from __future__ import annotations

import hashlib
import io
import zipfile

from ...layout.properties import Properties
from ...version import __version__
from .xml import child, element, part

DOC_ROOT = "Doc_0/Document.xml"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a ZIP can say: no clock in the file


def doc_id(parts: dict[str, bytes]) -> str:
    """32 hex digits from the content of every part: the same document, the same ID; another
    document, another ID (GB/T 33190 asks for a unique DocID, UUID-like by convention)."""
    digest = hashlib.sha256()
    for name in sorted(parts):
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(parts[name]).digest())
    return digest.hexdigest()[:32]


def ofd_xml(info: Properties, identifier: str) -> bytes:
    """The entry part: the document's information (the plan's properties, as the PDF's) and its root."""
    root = element("OFD", {"Version": "1.0", "DocType": "OFD"})
    body = child(root, "DocBody")
    doc_info = child(body, "DocInfo")
    child(doc_info, "DocID", text=identifier)
    for name, value in (("Title", info.title), ("Author", info.author), ("Subject", info.subject)):
        if value:
            child(doc_info, name, text=value)
    if info.created:
        child(doc_info, "CreationDate", text=info.created[:10])  # xs:date
    if info.keywords:
        keywords = child(doc_info, "Keywords")
        for keyword in info.keywords:
            child(keywords, "Keyword", text=keyword)
    child(doc_info, "Creator", text="notice-converter")
    child(doc_info, "CreatorVersion", text=__version__)
    child(body, "DocRoot", text=DOC_ROOT)
    return part(root)


def package(parts: dict[str, bytes], info: Properties) -> bytes:
    """The ZIP of `parts` (name → bytes, Doc_0/…) and OFD.xml."""
    identifier = doc_id({**parts, "OFD.xml": ofd_xml(info, "")})  # the pages and the information
    everything = {**parts, "OFD.xml": ofd_xml(info, identifier)}
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        for name in sorted(everything):
            entry = zipfile.ZipInfo(name, _FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, everything[name], compresslevel=6)
    return stream.getvalue()
