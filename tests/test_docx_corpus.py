"""The DOCX exporter on every corpus text, both layouts: text fidelity, a normalised golden of the
seed, and a real consumer (LibreOffice) opening every file."""

from __future__ import annotations

import io
import os
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

import converter
from converter import vocabulary as v
from converter.layout.minutes import source_line
from converter.model import body_paragraphs, text_of, title_text
from tests.conftest import corpus_names, corpus_text, require_tool
from tests.goldens import REGENERATE, assert_matches_golden

LAYOUTS = ("report", "minutes")
GOLDEN = Path(__file__).parent / "golden" / "docx"
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _han(text: str) -> str:
    return "".join(_HAN.findall(text))


def _printed_paragraphs(root: etree._Element) -> list[etree._Element]:
    """Every paragraph a layout prints: front (主送, deck lines), meetings, back, in order."""
    front = root.findall(f"{v.NS}{v.FRONT}/{v.NS}{v.PARAGRAPH}")
    back = root.findall(f"{v.NS}{v.BACK}/{v.NS}{v.PARAGRAPH}")
    return front + body_paragraphs(root) + back


def _model_body_of(paragraph: etree._Element) -> str:
    chrome = "".join(text_of(c) for c in paragraph.iter(v.NS + v.CHROME))
    return text_of(paragraph).replace(chrome, "", 1) if chrome else text_of(paragraph)


def _model_body(root: etree._Element) -> str:
    """The printed paragraphs' text as the model holds it, less inline web-page chrome."""
    parts = []
    for paragraph in _printed_paragraphs(root):
        chrome = "".join(text_of(c) for c in paragraph.iter(v.NS + v.CHROME))
        parts.append(text_of(paragraph).replace(chrome, "", 1) if chrome else text_of(paragraph))
    return "".join(parts)


@pytest.fixture(scope="module")
def exported(corpus_available) -> dict[tuple[str, str], tuple[converter.Document, bytes]]:
    found = {}
    for name in corpus_names():
        document = converter.parse(corpus_text(name))
        for layout in LAYOUTS:
            found[name, layout] = (document, converter.export(document, "docx", layout=layout))
    return found


def _text_paragraphs(document, paragraphs) -> list:
    """The report's paragraphs less what the layout adds: the headline and the source line."""
    skip = 1 if title_text(document.root) else 0
    if source_line(document.root):
        skip += 1
    return paragraphs[skip:]


@pytest.mark.parametrize("name", corpus_names())
def test_every_chinese_character_of_the_text_is_printed_in_order(exported, name):
    document, data = exported[name, "report"]
    paragraphs = docx.Document(io.BytesIO(data)).paragraphs
    body = "".join(p.text for p in _text_paragraphs(document, paragraphs))
    assert _han(body) == _han(_model_body(document.root))
    if title_text(document.root):
        assert _han(paragraphs[0].text) == _han(title_text(document.root))


@pytest.mark.parametrize("name", corpus_names())
def test_kept_punctuation_prints_the_model_text_exactly(corpus_available, name):
    document = converter.parse(corpus_text(name))
    data = converter.export(document, "docx", keep_punctuation=True)
    # A w:br (python-docx reads it as "\n") is a line break the layout chose, not a character.
    printed = [p.text.replace("\n", "").strip()
               for p in _text_paragraphs(document, docx.Document(io.BytesIO(data)).paragraphs)]
    expected = [_model_body_of(p).strip() for p in _printed_paragraphs(document.root) if _model_body_of(p).strip()]
    assert printed == expected


def normalised_document_xml(data: bytes) -> bytes:
    """word/document.xml re-serialised one element a line, so a golden diff reads as a review."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_seed_document_xml_matches_its_golden(exported, layout):
    _, data = exported["seed", layout]
    actual = normalised_document_xml(data)
    golden = GOLDEN / f"seed-{layout}.document.xml"
    assert_matches_golden(actual, golden, "document.xml")


def test_goldens_are_never_regenerated_in_ci():
    if os.environ.get("NOTICE_REQUIRE_TOOLS") or os.environ.get("CI"):
        assert not os.environ.get(REGENERATE), f"{REGENERATE} must not be set in CI"


def test_libreoffice_converts_every_corpus_docx(exported, tmp_path):
    soffice = require_tool("soffice")
    sources = []
    for (name, layout), (_, data) in sorted(exported.items()):
        path = tmp_path / f"{name}-{layout}.docx"
        path.write_bytes(data)
        sources.append(path)
    # One soffice run for all files: starting LibreOffice costs seconds, converting one file little.
    profile = (tmp_path / "profile").as_uri()
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), *map(str, sources)],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    for source in sources:
        pdf = source.with_suffix(".pdf").read_bytes() if source.with_suffix(".pdf").exists() else b""
        assert pdf.startswith(b"%PDF") and re.search(rb"/Type\s*/Page\b", pdf), f"{source.name}: {result.stderr}"
