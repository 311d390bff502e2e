"""Render page 1 of examples/notice.txt as DOCX, in both layouts, to PNG pictures for the README.

    python scripts/preview_docx.py [--font-dir DIR ...] [--out docs/images] [--dpi 80]

The DOCX is converted by LibreOffice (headless) to PDF and the first page rasterised by poppler's
pdftoppm, so the picture shows what a real consumer makes of the file. A DOCX names fonts the
reader's machine supplies; where 仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312 and 宋体 are
missing, free stand-ins (the Fandol fonts from Debian's texlive-lang-chinese) are mapped to those
names through a private fontconfig file, without installing anything. Pass the folder holding
them with --font-dir (e.g. /usr/share/texlive/texmf-dist/fonts/opentype/public/fandol).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import converter  # noqa: E402
from converter import layout  # noqa: E402

# Default face -> (free stand-in family, bold?). Only used for the picture, never in the DOCX.
STAND_INS = {
    layout.DEFAULT_FACES["title"]: ("FandolSong", True),
    layout.DEFAULT_FACES["body"]: ("FandolFang", False),
    layout.DEFAULT_FACES["heading"]: ("FandolHei", False),
    layout.DEFAULT_FACES["kai"]: ("FandolKai", False),
    layout.DEFAULT_FACES["number"]: ("FandolSong", False),
}
LAYOUTS = ("report", "minutes")


def fontconfig_file(folder: Path, font_dirs: list[Path]) -> Path:
    """A fontconfig file: the system's setup, our font folders, and the stand-in names."""
    rules = [f"<dir>{escape(str(d.resolve()))}</dir>" for d in font_dirs]
    for face, (family, bold) in STAND_INS.items():
        weight = '<edit name="weight" mode="assign"><const>bold</const></edit>' if bold else ""
        rules.append(
            f'<match target="pattern"><test name="family"><string>{escape(face)}</string></test>'
            f'<edit name="family" mode="assign" binding="strong"><string>{family}</string></edit>'
            f"{weight}</match>"
        )
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        "<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n"
        + "\n".join(rules)
        + f"\n<cachedir>{escape(str(folder / 'fc-cache'))}</cachedir>\n</fontconfig>\n"
    )
    path = folder / "fonts.conf"
    path.write_text(text, encoding="utf-8")
    return path


def render(docx_files: list[Path], folder: Path, environment: dict) -> None:
    """All files in one soffice run, with a private profile (a running office is not disturbed)."""
    profile = (folder / "profile").as_uri()
    command = [
        shutil.which("soffice") or "soffice", f"-env:UserInstallation={profile}", "--headless",
        "--convert-to", "pdf", "--outdir", str(folder), *map(str, docx_files),
    ]
    subprocess.run(command, check=True, env=environment, capture_output=True, timeout=300)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--font-dir", type=Path, action="append", default=[], help="folder of stand-in fonts")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--dpi", type=int, default=80)
    arguments = parser.parse_args()
    for tool in ("soffice", "pdftoppm"):
        if not shutil.which(tool):
            print(f"preview_docx: {tool} is needed (Debian: libreoffice-writer-nogui, poppler-utils)", file=sys.stderr)
            return 2
    document = converter.parse((ROOT / "examples" / "notice.txt").read_text(encoding="utf-8"))
    arguments.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="preview-docx-") as temporary:
        folder = Path(temporary)
        environment = dict(os.environ, FONTCONFIG_FILE=str(fontconfig_file(folder, arguments.font_dir)))
        files = []
        for name in LAYOUTS:
            path = folder / f"docx-{name}.docx"
            path.write_bytes(converter.export(document, "docx", layout=name))
            files.append(path)
        render(files, folder, environment)
        for path in files:
            target = arguments.out / f"{path.stem}.png"
            subprocess.run(
                ["pdftoppm", "-png", "-r", str(arguments.dpi), "-f", "1", "-l", "1", "-singlefile",
                 str(path.with_suffix(".pdf")), str(target.with_suffix(""))],
                check=True,
            )
            print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
