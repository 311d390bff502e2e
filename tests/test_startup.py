"""Start-up: the commands people run for one document import no DOCX, PDF or pydantic machinery.

Checked in a fresh interpreter, the way `convert` starts: whatever a command imports stays in
sys.modules, so a module listed there was paid for at start-up.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES

HEAVY = ("docx", "reportlab", "fontTools", "pydantic", "rich", "multiprocessing", "concurrent",
         # The dask extra: only for --scheduler and URLs.
         "dask", "distributed", "fsspec", "s3fs", "botocore", "aiobotocore", "tornado",
         # convert check only.
         "pdfminer")

_PROBE = """
import json, sys
watched = set(json.loads(sys.argv[2]))
sys.argv = ["convert", *json.loads(sys.argv[1])]
from converter.cli import main
try:
    main()
except SystemExit:
    pass
heavy = sorted({m.split(".")[0] for m in sys.modules} & watched)
sys.stderr.write("\\nLOADED " + json.dumps(heavy) + "\\n")
"""


def _loaded_after(args: list[str]) -> list[str]:
    ran = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(args), json.dumps(HEAVY)],
        capture_output=True, timeout=120,
    )
    stderr = ran.stderr.decode("utf-8", "replace")
    marker = [line for line in stderr.splitlines() if line.startswith("LOADED ")]
    assert marker, stderr
    return json.loads(marker[-1][len("LOADED "):])


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--version"],
        [str(EXAMPLES / "notice.txt"), "--to", "json", "-o", "-"],
        [str(EXAMPLES / "notice.txt"), "--to", "xml", "-o", "-"],
    ],
    ids=["help", "version", "to-json", "to-xml"],
)
def test_light_commands_import_nothing_heavy(args):
    assert _loaded_after(args) == []


def test_the_probe_sees_heavy_imports(tmp_path):
    # The same probe does report the PDF machinery when a PDF is made (so the test above can fail).
    from converter import ConverterError
    from converter.exporters import get

    try:
        get("pdf")
    except (ConverterError, ImportError, AttributeError):
        pytest.skip("the PDF exporter is not available yet")
    assert "reportlab" in _loaded_after([str(EXAMPLES / "notice.txt"), "--to", "pdf", "-o", str(tmp_path / "n.pdf")])


def test_only_a_cluster_or_a_url_imports_the_dask_extra(tmp_path):
    # The probe sees the extra where it is asked for (so the light commands above can fail).
    from tests.conftest import require_module

    require_module("distributed")
    notice = str(EXAMPLES / "notice.txt")
    # Nobody listens on loopback port 9: refused at once, after dask was imported.
    assert {"dask", "distributed"} <= set(_loaded_after([notice, "--to", "xml", "-o", "-", "--scheduler", "tcp://127.0.0.1:9"]))
    by_url = _loaded_after([(EXAMPLES / "notice.txt").resolve().as_uri(), "--to", "xml", "-o", str(tmp_path / "n.xml")])
    assert "fsspec" in by_url and "distributed" not in by_url
    assert (tmp_path / "n.xml").is_file()
