"""The commands compared: ours (`convert`), pandoc, LibreOffice, pandoc + XeLaTeX.

Each builder returns the command a user would type for the job; nothing is warmed or cached
between runs except LibreOffice's user profile (made once, as on any user's machine).
"""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

PROFILE = Path("/tmp/notice-bench-libreoffice-profile")
# LibreOffice guesses the encoding of a .txt; name it so the comparison converts the same text.
LIBREOFFICE_TEXT = "--infilter=Text (encoded):UTF8,LF,,,"
XELATEX_CJK_FONT = "FandolSong-Regular.otf"


def convert_command() -> list[str]:
    script = Path(sys.executable).parent / "convert"
    return [str(script)] if script.exists() else [sys.executable, "-m", "converter"]


def ours_one(source: Path, fmt: str, target: Path) -> list[str]:
    return [*convert_command(), str(source), "--to", fmt, "-o", str(target)]


def ours_batch(folder: Path, fmt: str, out: Path, jobs: int) -> list[str]:
    return [*convert_command(), str(folder), "--to", fmt, "-o", f"{out}/", "--jobs", str(jobs)]


def have(tool: str) -> bool:
    return shutil.which(tool) is not None


def pandoc_one(source: Path, target: Path, to: str | None = None) -> list[str]:
    return ["pandoc", "-f", "markdown", str(source), *(["-t", to] if to else []), "-o", str(target)]


def pandoc_loop(folder: Path, suffix: str, out: Path, parallel: int, extra: str = "") -> str:
    """pandoc once per file, `parallel` at a time (xargs -P), as a user would script it."""
    each = f'pandoc -f markdown {extra} "$0" -o "{out}/$(basename "$0" .txt){suffix}"'
    return (
        f"mkdir -p {shlex.quote(str(out))} && find {shlex.quote(str(folder))} -name '*.txt' -print0 "
        f"| xargs -0 -P {parallel} -n 1 sh -c {shlex.quote(each)}"
    )


def xelatex_options() -> str:
    return f"--pdf-engine=xelatex -V CJKmainfont={XELATEX_CJK_FONT}"


def pandoc_xelatex_one(source: Path, target: Path) -> list[str]:
    return [*pandoc_one(source, target), *shlex.split(xelatex_options())]


def libreoffice(sources: list[Path], out: Path) -> list[str]:
    """One LibreOffice invocation converting every source to PDF."""
    return [
        "soffice", f"-env:UserInstallation=file://{PROFILE}", "--headless", LIBREOFFICE_TEXT,
        "--convert-to", "pdf", "--outdir", str(out), *map(str, sources),
    ]
