"""Which files a command line names, and where their outputs go (converter.batch.sources)."""

from __future__ import annotations

from pathlib import Path

import pytest

from converter.batch.sources import discover, plan
from converter.errors import InputError, OutputError


@pytest.fixture
def tree(tmp_path: Path, monkeypatch) -> Path:
    for name in ["reports/a.txt", "reports/2024/b.txt", "reports/2024/c.xml", "reports/.drafts/d.txt",
                 "reports/notes.md", "reports/.e.txt", "other/a.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_folder_gives_its_reports_recursively_without_hidden_entries(tree):
    sources, problems = discover(["reports"])
    assert problems == []
    assert [(str(s.path), str(s.relative)) for s in sources] == [
        ("reports/a.txt", "a.txt"),
        ("reports/2024/b.txt", "2024/b.txt"),
    ]


def test_a_pattern_is_expanded_relative_to_its_fixed_folder(tree):
    sources, _ = discover(["reports/**/*.xml", "reports/*/b.txt"])
    assert [(str(s.path), str(s.relative)) for s in sources] == [
        ("reports/2024/c.xml", "2024/c.xml"),
        ("reports/2024/b.txt", "2024/b.txt"),
    ]


def test_a_file_found_twice_is_converted_once(tree):
    sources, _ = discover(["reports/a.txt", "reports", "./reports/a.txt"])
    assert [str(s.path) for s in sources] == ["reports/a.txt", "reports/2024/b.txt"]


def test_inputs_that_name_nothing_are_reported(tree):
    (tree / "empty").mkdir()
    sources, problems = discover(["nothing/*.txt", "empty", "missing.txt"])
    assert [str(s.path) for s in sources] == ["missing.txt"]  # its reading fails later, naming it
    assert [(name, type(error)) for name, error in problems] == [("nothing/*.txt", InputError), ("empty", InputError)]


def test_an_output_folder_mirrors_the_input_tree(tree):
    sources, _ = discover(["reports", "other/a.txt"])
    jobs, refused = plan(sources, ".docx", "out")
    assert [str(j.target) for j in jobs] == ["out/a.docx", "out/2024/b.docx"]
    # other/a.txt would land on out/a.docx as well: refused, not overwritten.
    assert [(name, type(error)) for name, error in refused] == [("other/a.txt", OutputError)]
    assert "reports/a.txt" in str(refused[0][1])


def test_without_output_each_goes_beside_its_input_and_never_over_it(tree):
    sources, _ = discover(["reports/2024/c.xml", "reports/a.txt"])
    jobs, refused = plan(sources, ".xml", None)
    assert [str(j.target) for j in jobs] == ["reports/a.xml"]
    assert [name for name, _ in refused] == ["reports/2024/c.xml"]


def test_one_file_to_a_named_file_or_to_standard_output(tree):
    sources, _ = discover(["reports/a.txt"])
    assert [str(j.target) for j in plan(sources, ".pdf", "final.pdf")[0]] == ["final.pdf"]
    assert [j.target for j in plan(sources, ".pdf", "-")[0]] == [None]
    many, _ = discover(["reports"])
    jobs, refused = plan(many, ".pdf", "-")
    assert jobs == [] and len(refused) == 2


def test_a_folder_input_makes_the_output_a_folder_even_for_one_file(tree):
    sources, _ = discover(["other"])
    assert [str(j.target) for j in plan(sources, ".json", "out")[0]] == ["out/a.json"]
