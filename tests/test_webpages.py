"""Web pages as input: the page's headline, metadata lines and paragraphs read as the text is.

The pages (tests/webpages.py) wrap a text report in the navigation, widgets, scripts and footer
of three page shapes; each must give the reading the text itself gives.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest

import converter
from converter.summary import summarise
from tests.conftest import EXAMPLES, corpus_names, corpus_text
from tests.webpages import PAGES, WIDGET_LINES, gov_page, page_bytes

SEED = (EXAMPLES / "notice.txt").read_text(encoding="utf-8")


def _reading(document) -> dict:
    data = summarise(document.root)
    return {
        "title": data["title"],
        "metadata": data["metadata"],
        "meetings": [
            {
                "date": m["date"]["value"] if m["date"] else None,
                "people": [(p["name"], p["role"], p["action"]) for p in m["persons"]],
                "groups": [g["text"] for g in m["groups"]],
                "sections": [(s["kind"], s["speaker"], s["marker"], s["text"], len(s["items"])) for s in m["sections"]],
            }
            for m in data["meetings"]
        ],
        # Every block but chrome and the page's own widgets, which the text does not have; a
        # page shows runs of spaces as one, as a browser does.
        "blocks": [
            (b["type"], b["region"], re.sub(r"[ \t]+", " ", b["text"]))
            for b in data["blocks"] if b["type"] != "chrome" and b["text"] not in WIDGET_LINES
        ],
    }


@pytest.mark.parametrize("shape", list(PAGES))
def test_a_page_made_from_the_seed_reads_as_the_seed(shape):
    page = converter.parse_bytes(page_bytes(shape, SEED), name=f"notice-{shape}.html")
    assert converter.validate(page) == []
    assert _reading(page) == _reading(converter.parse(SEED))


def test_the_gbk_page_records_how_it_was_read():
    data = page_bytes("gov-gbk", SEED)
    assert b"charset=\"gbk\"" in data and data.decode("gbk")  # it really is GBK
    provenance = summarise(converter.parse_bytes(data, name="notice.html").root)["provenance"]
    assert provenance["media-type"] == "text/html"
    assert provenance["encoding"] == "gbk"
    assert provenance["extractor"].startswith("inscriptis ")
    assert provenance["file"] == "notice.html"
    (note,) = provenance["notes"]
    assert "left out" in note["message"] and "script" in note["message"]


def test_html_is_recognised_by_its_content_whatever_the_name():
    data = page_bytes("html5-utf8", SEED)
    for name in ("saved-page.txt", None):
        document = converter.parse_bytes(data, name=name)
        assert document.title == "国家知识产权局召开传达学习贯彻党的二十大精神大会"
        assert "<p>" not in document.text() and "var _hmt" not in document.text()


def test_a_page_that_lies_about_its_encoding_is_read_with_a_warning():
    data = gov_page(SEED, charset="big5").encode("utf-8")
    document = converter.parse_bytes(data, name="page.html")
    assert document.title == "国家知识产权局召开传达学习贯彻党的二十大精神大会"
    assert any("declares big5" in w for w in document.warnings)


def test_a_page_with_no_text_is_an_input_error():
    with pytest.raises(converter.InputError, match="shows no text"):
        converter.parse_bytes(b"<html><head><script>var a = 1;</script></head><body> </body></html>")


@pytest.mark.parametrize("name", corpus_names())
def test_every_corpus_text_as_a_page_reads_as_the_text(name, corpus_available):
    text = corpus_text(name)
    try:
        data = page_bytes("gov-gbk", text)
    except UnicodeEncodeError:
        data = page_bytes("html5-utf8", text)  # characters GBK cannot hold
    assert _reading(converter.parse_bytes(data, name="page.html")) == _reading(converter.parse(text))


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data, kind",
    [(_docx_bytes(), "DOCX"), (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "PDF"), (b"{\\rtf1\\ansi hello}", "RTF")],
    ids=["docx", "pdf", "rtf"],
)
def test_other_document_formats_are_refused_naming_what_they_are(data, kind):
    with pytest.raises(converter.InputError, match=kind) as caught:
        converter.parse_bytes(data, name="report.html")
    assert caught.value.exit_code == 3
