"""The no-root default: `pip install .` alone, no system Chinese font, and the PDF embeds its fonts.

Slow (a fresh venv, then the first rebuild of the bundled fonts), so it runs in CI
(NOTICE_REQUIRE_TOOLS) or when NOTICE_FRESH_VENV=1 asks for it. The machine's fonts are hidden
from fontconfig with an empty configuration and from the folder search by
NOTICE_CONVERTER_SYSTEM_FONTS=0, so the result cannot lean on them.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import venv

import pytest

from tests.conftest import EXAMPLES, ROOT, require_tool
from tests.test_pdf import assert_fonts_embedded_subsets, ideographs, pdftotext

pypdf = pytest.importorskip("pypdf")

pytestmark = pytest.mark.skipif(
    not (os.environ.get("NOTICE_REQUIRE_TOOLS") or os.environ.get("NOTICE_FRESH_VENV")),
    reason="builds a fresh venv: set NOTICE_FRESH_VENV=1 (CI runs it)",
)

_EMPTY_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def _bare_environment(tmp_path) -> dict[str, str]:
    config = tmp_path / "fonts.conf"
    config.write_text(_EMPTY_FONTCONFIG.format(cache=tmp_path / "fc-cache"), encoding="utf-8")
    environment = {k: val for k, val in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    # Fonts outside fontconfig's view (TeX Live's Fandol, found by folder) are switched off too.
    environment.update(FONTCONFIG_FILE=str(config), NOTICE_CONVERTER_CACHE=str(tmp_path / "font-cache"),
                       NOTICE_CONVERTER_SYSTEM_FONTS="0", PIP_DISABLE_PIP_VERSION_CHECK="1")
    return environment


def test_pip_install_alone_makes_a_pdf_whose_fonts_are_all_embedded(tmp_path):
    environment = _bare_environment(tmp_path)
    fc_list = shutil.which("fc-list")
    if fc_list:  # fontconfig, if there is one, sees no Chinese font at all
        listing = subprocess.run([fc_list, ":lang=zh"], env=environment, capture_output=True, text=True).stdout
        assert listing.strip() == ""
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv" / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(ROOT)], env=environment, check=True)
    convert = tmp_path / "venv" / "bin" / "notice-convert"  # the name no other tool takes
    version = subprocess.run([str(convert), "--version"], env=environment, capture_output=True, text=True, check=True)
    assert version.stdout.startswith("notice-converter ")
    assert (tmp_path / "venv" / "bin" / "convert").exists()  # the design's name stays
    for layout in ("report", "minutes"):
        target = tmp_path / f"notice-{layout}.pdf"
        subprocess.run([str(convert), str(EXAMPLES / "notice.txt"), "--to", "pdf", "--layout", layout,
                        "-o", str(target)], env=environment, check=True, cwd=tmp_path)
        data = target.read_bytes()
        reader = pypdf.PdfReader(io.BytesIO(data))
        assert_fonts_embedded_subsets(reader)
        names = {str(f.get_object()["/BaseFont"]) for p in reader.pages for f in p["/Resources"]["/Font"].values()}
        assert all("NotoSerifSC" in n or "NotoSansSC" in n for n in names), names
        if require_tool("pdftotext"):
            text = ideographs(pdftotext(data))
            assert "国家知识产权局" in text and "会议认为" in text
