"""The Python API, the xml/json exporters, the JSON Schema, plug-ins and the installed wheel."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import jsonschema
import pytest

import converter
from converter import vocabulary as v
from converter.schema import schema_path
from tests.conftest import EXAMPLES, ROOT, corpus_names, corpus_text

SEED = (EXAMPLES / "notice.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def json_validator():
    schema = json.loads(schema_path("notice.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_parse_validate_export_round_trip():
    document = converter.parse(SEED)
    assert converter.validate(document) == []
    xml = converter.export(document, "xml")
    assert xml.startswith(b"<?xml")
    again = converter.load(xml)
    assert converter.export(again, "xml") == xml
    assert converter.validate(xml) == []


def test_seed_reading_matches_the_done_criteria():
    data = json.loads(converter.export(converter.parse(SEED), "json"))
    assert data["title"] == "国家知识产权局召开传达学习贯彻党的二十大精神大会"
    assert [b["origin"] for b in data["metadata-blocks"]] == ["page", "article"]
    meeting = data["meetings"][0]
    assert meeting["date"]["value"] == "2022-10-24"
    people = {p["name"]: (p["role"], p["action"]) for p in meeting["persons"]}
    assert people == {
        "申长雨": ("局党组书记、局长", ["主持", "讲话"]),
        "廖涛": ("局党组成员、副局长", ["传达"]),
        "何志敏": ("局党组班子成员", ["出席"]),
        "胡文辉": ("局党组班子成员", ["出席"]),
        "李眈陆": ("局党组班子成员", ["出席"]),
    }
    assert [(s["kind"], len(s["items"])) for s in meeting["sections"]] == [
        ("认为", 0), ("指出", 0), ("强调", 0), ("指出", 5), ("要求", 0)]
    assert [i["label"] for i in meeting["sections"][3]["items"]] == ["一要", "二要", "三要", "四要", "五要"]
    assert [(g["text"], g["action"]) for g in meeting["groups"]] == [
        ("局专利局负责同志", ["参加"]), ("局机关各部门正副司长", ["参加"]),
        ("专利局各部门、商标局、局其他直属单位主要负责同志", ["参加"])]


@pytest.mark.parametrize("name", corpus_names())
def test_json_output_validates_against_the_json_schema(name, json_validator, corpus_available):
    data = json.loads(converter.export(converter.parse(corpus_text(name)), "json"))
    errors = [f"{list(e.path)}: {e.message}" for e in json_validator.iter_errors(data)]
    assert errors == []


def test_invalid_documents_report_every_problem_with_line_and_path():
    xml = converter.export(converter.parse(SEED), "xml").decode()
    broken = xml.replace(f'schema-version="{v.SCHEMA_VERSION}"', 'schema-version="9.9"').replace('kind="认为"', 'kind="x"')
    problems = converter.validate(broken.encode())
    assert len(problems) >= 2
    assert all(p.line > 0 and p.path.startswith("/") for p in problems)
    with pytest.raises(converter.InvalidDocumentError) as caught:
        converter.load(broken)
    assert caught.value.exit_code == 5 and len(caught.value.problems) == len(problems)


def test_references_must_point_at_persons():
    xml = converter.export(converter.parse("王华主持会议。王华指出,要抓落实。"), "xml").decode()
    assert 'speaker-ref="p' in xml
    broken = xml.replace('speaker-ref="p', 'speaker-ref="nobody')
    assert any("speaker-is-a-person" in p.message or "keyref" in p.message.lower() for p in converter.validate(broken.encode()))


def test_unknown_format_and_option_are_export_errors():
    document = converter.parse(SEED)
    with pytest.raises(converter.ExportError, match="unknown format 'nope'"):
        converter.export(document, "nope")
    with pytest.raises(converter.ExportError, match="unknown export option"):
        converter.export(document, "json", colour="red")
    with pytest.raises(converter.ExportError, match="layout"):
        converter.export(document, "json", layout="poster")


def test_formats_lists_the_built_ins():
    names = [f.name for f in converter.formats()]
    assert names[:2] == ["xml", "json"]


def test_blank_text_is_an_input_error():
    with pytest.raises(converter.InputError):
        converter.parse(" \n\t ")


def _write_plugin(folder: Path) -> None:
    (folder / "upper_exporter.py").write_text(textwrap.dedent('''
        class Upper:
            name = "upper"
            suffix = ".upper.txt"
            description = "the title in capitals (test plug-in)"
            def export(self, document, options):
                return ("TITLE:" + (document.title or "")).encode("utf-8")
        EXPORTER = Upper()
        class Thief(Upper):
            name = "json"
        THIEF = Thief()
    '''), encoding="utf-8")
    info = folder / "upper_exporter-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: upper-exporter\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(
        "[converter.exporters]\nupper = upper_exporter:EXPORTER\njson = upper_exporter:THIEF\n", encoding="utf-8")


def test_third_party_exporter_through_entry_points(tmp_path):
    _write_plugin(tmp_path)
    env = {"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"}
    run = lambda *args: subprocess.run([sys.executable, "-m", "converter", *args], capture_output=True, text=True, env=env, cwd=tmp_path)  # noqa: E731
    listed = run("formats")
    assert "upper" in listed.stdout and "upper-exporter" in listed.stdout
    assert "ignored" in listed.stderr  # the plug-in that tried to take "json"
    (tmp_path / "n.txt").write_text(SEED, encoding="utf-8")
    done = run("n.txt", "--to", "upper", "-o", "-")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "TITLE:国家知识产权局召开传达学习贯彻党的二十大精神大会"
    real_json = run("n.txt", "--to", "json", "-o", "-")
    assert json.loads(real_json.stdout)["schema-version"] == v.SCHEMA_VERSION


def test_schemas_ship_inside_the_wheel_and_work_when_installed(tmp_path):
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(ROOT)],
        capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("notice_converter-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert {"converter/schemas/notice.xsd", "converter/schemas/notice.schema.json", "converter/py.typed"} <= set(names)
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)], check=True)
    probe = subprocess.run(
        [sys.executable, "-c", "import converter, converter.schema as s; d = converter.parse('王华主持会议。');"
         "print(s.schema_path()); print(converter.validate(d))"],
        capture_output=True, text=True, env={"PYTHONPATH": str(target)}, cwd=tmp_path)
    assert probe.returncode == 0, probe.stderr
    where, problems = probe.stdout.splitlines()
    assert where.startswith(str(target)) and problems == "[]"


def test_vocabulary_closed_sets_match_the_schema_enumerations():
    from lxml import etree

    from converter import vocabulary as v

    xsd = etree.parse(str(schema_path()))
    ns = {"xs": "http://www.w3.org/2001/XMLSchema"}

    def enumeration(type_name: str) -> tuple[str, ...]:
        return tuple(xsd.xpath(f"//xs:simpleType[@name='{type_name}']//xs:enumeration/@value", namespaces=ns))

    assert enumeration("MetadataOrigin") == v.METADATA_ORIGINS
    assert enumeration("ChromeKind") == v.CHROME_KINDS
    assert enumeration("Daypart") == v.DAYPARTS
    assert enumeration("YearSource") == v.YEAR_SOURCES
    assert enumeration("Action") == v.PERSON_ACTIONS
    fields = set(xsd.xpath("//xs:group[@name='FieldElement']//xs:element/@ref", namespaces=ns))
    assert fields == {f"n:{name}" for name in v.METADATA_FIELDS + (v.CREDIT,)}
