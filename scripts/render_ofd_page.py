"""Render page 1 of an OFD with easyofd (a renderer that is not ours) for the README's picture.

    pip install easyofd          # not a project dependency: see the README's OFD section for why
    python scripts/render_ofd_page.py [examples/notice.txt] [docs/images/ofd-notice.png]

easyofd turns the OFD into a PDF by its own reading of the pages (TextCode positions, DeltaX,
Boundary, colours), and poppler's `pdftoppm` rasterises page 1 of that PDF. One adjustment, said
here because it shapes the picture: easyofd 20260427 draws every character in a face registered
under the name 宋体 and looks for it among the machine's fonts (Windows' SimSun); a Debian machine
has none, and reportlab then searches its AFM files for every character and prints nothing
Chinese. So the OFD's own embedded regular face is registered under that name first: the glyphs
are the OFD's, the places easyofd's, and the title shows in the regular face (easyofd uses one face
for all text), not in the bold one the OFD names for it.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import converter  # noqa: E402
from converter.schema import parse_xml  # noqa: E402


def regular_face(package: zipfile.ZipFile) -> bytes:
    """The largest embedded face the PublicRes does not mark bold: the body's face."""
    import posixpath

    res = "Doc_0/PublicRes.xml"
    root = parse_xml(package.read(res))
    base = posixpath.join(posixpath.dirname(res), root.get("BaseLoc") or "")
    files = []
    for font in root.iter("{*}Font"):
        location = next((f.text for f in font.iter("{*}FontFile")), None)
        if location and font.get("Bold") not in ("true", "1"):
            files.append(posixpath.normpath(posixpath.join(base, location)))
    return max((package.read(f) for f in files), key=len)


def main() -> int:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "examples" / "notice.txt"
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "docs" / "images" / "ofd-notice.png"
    data = converter.export(converter.parse(source.read_text(encoding="utf-8")), "ofd")

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("宋体", io.BytesIO(regular_face(zipfile.ZipFile(io.BytesIO(data))))))
    from easyofd import OFD

    with tempfile.TemporaryDirectory() as folder:
        # easyofd writes each embedded face to the current folder while it registers them.
        here = Path.cwd()
        try:
            import os

            os.chdir(folder)
            reader = OFD()
            reader.read(data, fmt="binary")
            pdf = reader.to_pdf()
        finally:
            os.chdir(here)
        rendered = Path(folder) / "page.pdf"
        rendered.write_bytes(pdf)
        subprocess.run([shutil.which("pdftoppm") or "pdftoppm", "-f", "1", "-l", "1", "-singlefile", "-png",
                        "-scale-to-x", "900", "-scale-to-y", "-1", str(rendered), str(Path(folder) / "page")],
                       check=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(folder) / "page.png", target)
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
