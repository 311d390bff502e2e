"""`converter.batch.convert_all`: the command's batch from Python, without the printing (issue 14)."""

from __future__ import annotations

import shutil

import pytest

from converter import ExportError
from converter.batch import convert_all
from tests.conftest import EXAMPLES
from tests.test_cli_batch import without_input_name


def test_outcomes_for_a_folder_and_a_missing_file(tmp_path):
    reports = tmp_path / "reports"
    (reports / "sub").mkdir(parents=True)
    shutil.copy(EXAMPLES / "notice.txt", reports / "notice.txt")
    shutil.copy(EXAMPLES / "notice.txt", reports / "sub" / "again.txt")
    outcomes = list(convert_all([reports, tmp_path / "missing.txt"], to="json", out=tmp_path / "out", jobs=1))
    assert [(o.source, o.ok) for o in outcomes] == [
        (str(reports / "notice.txt"), True), (str(reports / "sub" / "again.txt"), True), (str(tmp_path / "missing.txt"), False)]
    assert outcomes[2].exit_code == 3 and "missing.txt" in outcomes[2].error
    again, first = ((tmp_path / "out" / name).read_bytes() for name in ("sub/again.json", "notice.json"))
    assert without_input_name(again) == without_input_name(first)


def test_a_bad_format_or_layout_fails_before_anything_is_converted(tmp_path):
    with pytest.raises(ExportError):
        convert_all([EXAMPLES / "notice.txt"], to="nonsense", out=tmp_path)
    with pytest.raises(ExportError):
        convert_all([EXAMPLES / "notice.txt"], to="pdf", out=tmp_path, layout="poster")
    assert list(tmp_path.iterdir()) == []


def test_a_bad_local_cluster_size_is_refused_before_dask_is_needed(tmp_path):
    with pytest.raises(ValueError, match="local:N"):
        convert_all([EXAMPLES / "notice.txt"], to="xml", out=tmp_path, scheduler="local:0")
