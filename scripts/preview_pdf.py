"""Render page 1 of examples/notice.txt as PDF, in both layouts, to PNG pictures for the README;
and page 1 of a 纪要 whose text lists who attended, a 通知 with 主送/署名/日期/抄送 (tests/texts/)
and a traditional-script corpus text (when ../shared/corpus is beside the project); and the last
page of the 通知, its 版记 at the foot (GB/T 9704 7.4).

    python scripts/preview_pdf.py [--system-fonts] [--font ROLE=FILE ...] [--out docs/images] [--dpi 80]

By default the machine's fonts are ignored (NOTICE_CONVERTER_SYSTEM_FONTS=0), so the pictures
show what `pip install` alone gives, the bundled Noto Serif/Sans SC, on any machine. --system-fonts lets
the exporter pick the machine's faces (仿宋, 小标宋 … where installed). Pages are rasterised by
poppler's pdftoppm.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LAYOUTS = ("report", "minutes")
# picture name -> (text, layout)
CASES = {
    "pdf-minutes-attendance": (ROOT / "tests" / "texts" / "minutes-attendance.txt", "minutes"),
    "pdf-circular": (ROOT / "tests" / "texts" / "circular.txt", "report"),
    "pdf-traditional": (ROOT.parent / "shared" / "corpus" / "dev-24.txt", "minutes"),
}
# picture of the last page -> (text, layout)
LAST_PAGES = {"pdf-colophon-foot": (ROOT / "tests" / "texts" / "circular.txt", "report")}


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--system-fonts", action="store_true", help="let the exporter use the machine's fonts")
    parser.add_argument("--font", action="append", default=[], help="ROLE=FILE, as for `convert --font`")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--dpi", type=int, default=80)
    return parser.parse_args()


def _page_one(pdf: Path, target: Path, dpi: int, pdftoppm: str) -> None:
    stem = target.with_suffix("")
    subprocess.run([pdftoppm, "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
                   check=True)


def _last_page(pdf: Path, target: Path, dpi: int, pdftoppm: str) -> None:
    folder = pdf.parent / f"{pdf.stem}-pages"
    folder.mkdir()
    subprocess.run([pdftoppm, "-png", "-r", str(dpi), str(pdf), str(folder / "page")], check=True)
    pages = sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    shutil.copyfile(pages[-1], target)


def main() -> int:
    arguments = _arguments()
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("preview_pdf: pdftoppm (poppler-utils) is required", file=sys.stderr)
        return 2
    fonts = dict(value.split("=", 1) for value in arguments.font)
    with tempfile.TemporaryDirectory() as work:
        work_folder = Path(work)
        if not arguments.system_fonts:
            os.environ["NOTICE_CONVERTER_SYSTEM_FONTS"] = "0"
        import converter

        document = converter.parse((ROOT / "examples" / "notice.txt").read_text(encoding="utf-8"))
        arguments.out.mkdir(parents=True, exist_ok=True)
        for layout in LAYOUTS:
            pdf = work_folder / f"{layout}.pdf"
            pdf.write_bytes(converter.export(document, "pdf", layout=layout, fonts=fonts))
            target = arguments.out / f"pdf-{layout}.png"
            _page_one(pdf, target, arguments.dpi, pdftoppm)
            print(target)
        for name, (text, layout) in CASES.items():
            if not text.exists():
                continue
            pdf = work_folder / f"{name}.pdf"
            case = converter.parse(text.read_text(encoding="utf-8"))
            pdf.write_bytes(converter.export(case, "pdf", layout=layout, fonts=fonts))
            _page_one(pdf, arguments.out / f"{name}.png", arguments.dpi, pdftoppm)
            print(arguments.out / f"{name}.png")
        for name, (text, layout) in LAST_PAGES.items():
            pdf = work_folder / f"{name}.pdf"
            case = converter.parse(text.read_text(encoding="utf-8"))
            pdf.write_bytes(converter.export(case, "pdf", layout=layout, fonts=fonts))
            _last_page(pdf, arguments.out / f"{name}.png", arguments.dpi, pdftoppm)
            print(arguments.out / f"{name}.png")
        for warning in document.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
