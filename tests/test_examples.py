"""examples/ stays in sync with the code: the committed outputs are what the code produces now.

Regenerate them with:  convert examples/notice.txt --to xml && convert examples/notice.txt --to json
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import converter
from tests.conftest import EXAMPLES


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_committed_example_outputs_match_the_code(fmt):
    # The command records the input as it is named: run from the project folder, as documented.
    document = converter.parse_bytes((EXAMPLES / "notice.txt").read_bytes(), name="examples/notice.txt")
    assert converter.export(document, fmt) == (EXAMPLES / f"notice.{fmt}").read_bytes(), (
        f"examples/notice.{fmt} is stale: run convert examples/notice.txt --to {fmt}")


def test_committed_example_xml_is_valid():
    assert converter.validate(EXAMPLES / "notice.xml") == []


def test_api_example_runs():
    done = subprocess.run([sys.executable, str(EXAMPLES / "api_example.py")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "人员: 申长雨 (局党组书记、局长) 主持 讲话" in done.stdout
    assert "会议指出: 5 项" in done.stdout
