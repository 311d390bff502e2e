"""The print plan's rules: every element of the schema has a printing rule, unknown elements are
errors, unknown attributes change nothing, and the layout package reads the model only."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from lxml import etree

import converter
from converter import vocabulary as v
from converter.errors import ExportError
from converter.layout import inline
from converter.layout.plan import build_plan
from converter.options import ExportOptions

ROOT = Path(__file__).resolve().parent.parent
XSD = ROOT / "schemas" / "notice.xsd"
PACKAGE = ROOT / "converter"


def _schema_elements() -> set[str]:
    tree = etree.parse(str(XSD))
    return {e.get("name") for e in tree.iter("{http://www.w3.org/2001/XMLSchema}element") if e.get("name")}


def test_every_schema_element_has_a_printing_rule():
    elements = _schema_elements()
    assert elements, "no element found in the XSD"
    ruled = set(inline.HANDLERS) | inline.STRUCTURAL
    assert elements - ruled == set(), "elements with no handler and not structural"
    assert ruled - elements == set(), "rules for elements the schema does not have"


def test_an_unknown_element_is_an_error_naming_it():
    document = converter.parse("办公室召开工作会议\n\n2024年3月5日，办公室召开工作会议。张三主持会议。\n")
    paragraph = document.root.find(f".//{v.q(v.PARAGRAPH)}")
    etree.SubElement(paragraph, v.q("footnote")).text = "注"
    with pytest.raises(ExportError, match="footnote"):
        build_plan(document.root, ExportOptions())


def test_unknown_attributes_change_nothing():
    text = (ROOT / "examples" / "notice.txt").read_text(encoding="utf-8")
    plain, marked = converter.parse(text), converter.parse(text)
    for number, element in enumerate(marked.root.iter()):
        element.set("line", str(number))
        element.set("{urn:example:records}offset", str(number * 7))
    for layout in ("report", "minutes"):
        options = ExportOptions(layout=layout)
        assert build_plan(marked.root, options).dump() == build_plan(plain.root, options).dump()


def _imports(path: Path) -> list[str]:
    """Absolute module names a file imports (relative imports resolved against its package)."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parent = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{parent}.{base}" if base else parent
                if not node.module:  # from .. import vocabulary: the names are modules
                    found += [f"{base}.{alias.name}" for alias in node.names]
                    continue
            found.append(base)
    return found


def test_layout_reads_the_model_only():
    allowed = ("converter.layout", "converter.model", "converter.vocabulary", "converter.errors")
    for path in (PACKAGE / "layout").glob("*.py"):
        for name in _imports(path):
            if name.startswith("converter"):
                assert name.startswith(allowed), f"{path.name} imports {name}"


@pytest.mark.parametrize("exporter", ["docx", "pdf", "json", "xml"])
def test_no_exporter_imports_another_exporter_or_the_parser(exporter):
    package = PACKAGE / "exporters"
    paths = list((package / exporter).rglob("*.py")) if (package / exporter).is_dir() else [package / f"{exporter}.py"]
    others = [f"converter.exporters.{o}" for o in ("docx", "pdf", "json", "xml") if o != exporter]
    for path in paths:
        for name in _imports(path):
            assert not name.startswith(("converter.parser", *others)), f"{path.name} imports {name}"
