"""The OFD namespace and its XML parts as bytes (UTF-8, declared, no pretty-printing)."""

from __future__ import annotations

from lxml import etree

NS = "http://www.ofdspec.org/2016"
_MAP = {"ofd": NS}


def q(name: str) -> str:
    return f"{{{NS}}}{name}"


def element(name: str, attributes: dict[str, str] | None = None, text: str | None = None) -> etree._Element:
    node = etree.Element(q(name), attributes or {}, nsmap=_MAP)
    if text is not None:
        node.text = text
    return node


def child(parent: etree._Element, name: str, attributes: dict[str, str] | None = None,
          text: str | None = None) -> etree._Element:
    node = etree.SubElement(parent, q(name), attributes or {})
    if text is not None:
        node.text = text
    return node


def part(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
