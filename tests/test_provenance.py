"""Provenance: where a document came from, in the XML and the JSON, byte-stable unless the time
is asked for."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import converter
from converter import vocabulary as v
from converter.provenance import stamp_time
from converter.version import __version__
from tests.conftest import EXAMPLES

SEED = (EXAMPLES / "notice.txt").read_bytes()


def test_the_seed_json_names_its_input_hash_converter_and_diagnostics():
    document = converter.parse_bytes(SEED, name="examples/notice.txt")
    provenance = json.loads(converter.export(document, "json"))["provenance"]
    assert provenance["file"] == "examples/notice.txt"
    assert provenance["sha256"] == hashlib.sha256(SEED).hexdigest()
    assert provenance["encoding"] == "utf-8"
    assert (provenance["converter"], provenance["version"]) == ("notice-converter", __version__)
    assert provenance["warnings"] == []
    assert provenance["guesses"] == [{"line": 8, "message": "year of the meeting taken from the publication date"}]
    assert provenance["converted"] is None


def test_warnings_and_the_encoding_read_are_recorded():
    data = SEED.decode("utf-8").replace("。", "。\x07", 1).encode("gb18030")
    document = converter.parse_bytes(data, name="gbk.txt")
    record = document.root.find(v.q(v.PROVENANCE))
    assert record.get("encoding") == "gb18030"
    assert [w.get("message") for w in record.iter(v.q(v.WARNING))] == document.warnings
    assert any("control character" in w for w in document.warnings)


def test_provenance_holds_no_text_so_the_document_text_is_the_input():
    document = converter.parse_bytes(SEED, name="n.txt")
    record = document.root.find(v.q(v.PROVENANCE))
    assert "".join(record.itertext()) == ""
    assert document.root[0] is record and converter.validate(document) == []


def test_the_same_input_gives_the_same_bytes_unless_the_time_is_recorded():
    first = converter.export(converter.parse_bytes(SEED, name="n.txt"), "xml")
    assert converter.export(converter.parse_bytes(SEED, name="n.txt"), "xml") == first
    document = converter.parse_bytes(SEED, name="n.txt")
    stamp_time(document.root, dt.datetime(2026, 1, 2, 11, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    stamped = converter.export(document, "xml")
    assert b'converted="2026-01-02T03:04:05Z"' in stamped and converter.validate(stamped) == []


def test_provenance_survives_a_round_trip_through_the_xml():
    document = converter.parse_bytes(SEED, name="n.txt")
    again = converter.load(converter.export(document, "xml"))
    assert json.loads(converter.export(again, "json"))["provenance"] == json.loads(converter.export(document, "json"))["provenance"]


def test_a_document_parsed_from_a_string_records_the_converter_but_no_file():
    provenance = json.loads(converter.export(converter.parse(SEED.decode("utf-8")), "json"))["provenance"]
    assert provenance["version"] == __version__
    assert provenance["file"] is None and provenance["sha256"] is None
