"""Where font files come from: the system (fontconfig, the usual folders) and the bundled default.

Each role lists the faces GB/T 9704 asks for first (the ones offices have), then the free faces
of docs FONTS.md, best match first. The bundled default is the OFL Noto Serif/Sans SC that the
`pylopdf-fonts-zh-cn` wheel carries, so `pip install` alone gives every role a font.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# Family names per role, in order of preference (names as fontconfig and the name table give them).
ROLE_FAMILIES = {
    "title": ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "小标宋", "宋体", "SimSun",
              "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", "FandolSong",
              "AR PL SungtiL GB", "AR PL UMing CN"),
    "body": ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "华文仿宋", "FandolFang",
             "宋体", "SimSun", "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", "FandolSong",
             "AR PL SungtiL GB", "AR PL UMing CN"),
    "heading": ("黑体", "SimHei", "STHeiti", "华文黑体", "Noto Sans CJK SC", "Noto Sans SC",
                "Source Han Sans SC", "FandolHei", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei"),
    "kai": ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "华文楷体", "FandolKai", "LXGW WenKai",
            "AR PL KaitiM GB", "AR PL UKai CN"),
    "number": ("宋体", "SimSun", "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", "FandolSong",
               "AR PL SungtiL GB", "AR PL UMing CN"),
}
ROLES = tuple(ROLE_FAMILIES)
# The families that ARE the face GB/T 9704 asks for (or a free face of the same style); any other
# face serving the role is a stand-in, and the first conversion on a terminal says so.
PROPER_FAMILIES = {
    "title": ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "小标宋"),
    "body": ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "华文仿宋", "FandolFang"),
    "heading": ROLE_FAMILIES["heading"] + ("Noto Sans CJK SC", "Noto Sans SC"),
    "kai": ROLE_FAMILIES["kai"],
}
log = logging.getLogger(__name__)
SYSTEM_FONTS_ENV = "NOTICE_CONVERTER_SYSTEM_FONTS"
# fontconfig's weight scale. The title wants a heavy face: 小标宋 is bold-looking, and where a
# family stands in for it, its bold weight is the closer match.
REGULAR, BOLD = 80, 200
ROLE_WEIGHT = {"title": BOLD}
# The bundled default per role: no free 仿宋 or 楷体 ships on PyPI, so Song stands in for them.
BUNDLED_STYLE = {"title": "serif", "body": "serif", "heading": "sans", "kai": "serif", "number": "serif"}

# Windows and macOS keep fonts in folders fontconfig may not know; file names identify the face.
KNOWN_FILES = {
    "simsun.ttc": "SimSun", "simfang.ttf": "FangSong", "simhei.ttf": "SimHei", "simkai.ttf": "KaiTi",
    "fzxbsjw.ttf": "方正小标宋简体", "仿宋_gb2312.ttf": "仿宋_GB2312", "fangsong_gb2312.ttf": "FangSong_GB2312",
    "楷体_gb2312.ttf": "楷体_GB2312", "kaiti_gb2312.ttf": "KaiTi_GB2312", "stfangso.ttf": "STFangsong",
    "stkaiti.ttf": "STKaiti", "stheiti.ttf": "STHeiti", "stheiti light.ttc": "STHeiti",
    "fandolsong-regular.otf": "FandolSong", "fandolsong-bold.otf": ("FandolSong", BOLD),
    "fandolfang-regular.otf": "FandolFang", "fandolkai-regular.otf": "FandolKai",
    "fandolhei-regular.otf": "FandolHei", "fandolhei-bold.otf": ("FandolHei", BOLD),
}
# TeX Live keeps the Fandol fonts (the one free simplified 仿宋) where fontconfig does not look.
_TEX_FOLDERS = ("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol",
                "/usr/share/texmf/fonts/opentype/public/fandol",
                "/usr/local/texlive/texmf-local/fonts/opentype/public/fandol")


@dataclass(frozen=True)
class FontFile:
    """One face in a file: the path, the face's index in a collection, its family, where it came from."""

    path: Path
    index: int
    family: str
    origin: str  # "option", "fontconfig", "folder" or "bundled"
    weight: int = REGULAR


def _font_folders() -> list[Path]:
    home = Path.home()
    windir = Path(os.environ.get("WINDIR", "C:/Windows"))
    return [windir / "Fonts", home / "AppData/Local/Microsoft/Windows/Fonts", Path("/Library/Fonts"),
            Path("/System/Library/Fonts"), home / "Library/Fonts", Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"), home / ".local/share/fonts", home / ".fonts",
            *map(Path, _TEX_FOLDERS)]


# Formats fontconfig reports that fontTools and our converter can read (not Type 1, PCF, BDF…).
_READABLE_FORMATS = {"TrueType", "CFF"}
_READABLE_SUFFIXES = {".ttf", ".otf", ".ttc", ".otc"}


def _readable(path: Path, fontformat: str) -> bool:
    """Only faces we can embed are offered; the others are passed over with a debug note."""
    if fontformat not in _READABLE_FORMATS or path.suffix.lower() not in _READABLE_SUFFIXES:
        log.debug("font %s skipped: %s is not a format we can embed", path, fontformat or "unknown")
        return False
    return True


def _fc_run(*arguments: str) -> str:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ""
    try:
        return subprocess.run([fc_list, *arguments], capture_output=True, text=True, errors="replace",
                              timeout=20, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return ""


def _fc_list(*arguments: str) -> list[FontFile]:
    """Faces fontconfig lists for a pattern, one entry per family name, in a stable order."""
    listing = _fc_run("-f", "%{file}\t%{index}\t%{weight}\t%{fontformat}\t%{family}\n", *arguments)
    faces = []
    for line in sorted(listing.splitlines()):
        path, index, weight, fontformat, families = (line.split("\t") + ["", "", "", ""])[:5]
        if not path or not _readable(Path(path), fontformat):
            continue
        for family in families.split(","):
            faces.append(FontFile(Path(path), _number(index), family.strip(), "fontconfig", _weight(weight)))
    return faces


def _number(text: str) -> int:
    return int(text) if text.strip().isdigit() else 0


def _ranges(text: str) -> list[tuple[int, int]]:
    found = []
    for part in text.split():
        first, _, last = part.partition("-")
        try:
            found.append((int(first, 16), int(last or first, 16)))
        except ValueError:
            continue
    return found


def system_charsets() -> tuple[tuple[FontFile, tuple[int, ...], tuple[int, ...]], ...]:
    """Every embeddable system face with its character set; none when the machine's fonts are
    switched off (asked on every call: the switch may change within a process)."""
    return _all_system_charsets() if system_fonts_allowed() else ()


@lru_cache(maxsize=1)
def _all_system_charsets() -> tuple[tuple[FontFile, tuple[int, ...], tuple[int, ...]], ...]:
    """From ONE fontconfig call per process (asking fontconfig once per missing character cost a
    process per character)."""
    listing = _fc_run("-f", "%{file}\t%{index}\t%{weight}\t%{slant}\t%{fontformat}\t%{family[0]}\t%{charset}\n")
    faces = []
    for line in listing.splitlines():
        path, index, weight, slant, fontformat, family, charset = (line.split("\t") + [""] * 6)[:7]
        if not path or not _readable(Path(path), fontformat):
            continue
        runs = sorted(_ranges(charset))
        face = FontFile(Path(path), _number(index), family.strip(), "fontconfig", _weight(weight))
        upright = _number(slant) == 0
        faces.append(((not upright, abs(face.weight - REGULAR), path, face.index),
                      (face, tuple(first for first, _ in runs), tuple(last for _, last in runs))))
    # A character borrowed from another face comes from an upright regular one where there is one.
    return tuple(entry for _, entry in sorted(faces, key=lambda pair: pair[0]))


def faces_covering(character: str) -> tuple[FontFile, ...]:
    """System faces that have `character`, by fontconfig's character sets (no process per call)."""
    code = ord(character)
    found = []
    for face, firsts, lasts in system_charsets():
        at = bisect_right(firsts, code) - 1
        if at >= 0 and lasts[at] >= code:
            found.append(face)
    return tuple(found)


def _weight(text: str) -> int:
    """fontconfig's weight; a variable font gives a range "[0 210]": take its regular."""
    return int(text) if text.strip().isdigit() else REGULAR


@lru_cache(maxsize=1)
def fontconfig_faces() -> tuple[FontFile, ...]:
    """Chinese faces fontconfig knows, one entry per family name (names come localised too)."""
    return tuple(_fc_list(":lang=zh"))


@lru_cache(maxsize=1)
def folder_faces() -> tuple[FontFile, ...]:
    """Faces recognised by file name in the usual font folders (for systems without fontconfig)."""
    faces = []
    for folder in _font_folders():
        if not folder.is_dir():
            continue
        for root, _, files in os.walk(folder):
            for name in sorted(files):
                known = KNOWN_FILES.get(name.lower())
                if known:
                    family, weight = known if isinstance(known, tuple) else (known, REGULAR)
                    faces.append(FontFile(Path(root) / name, 0, family, "folder", weight))
    return tuple(faces)


def system_face(family: str, weight: int = REGULAR) -> FontFile | None:
    """The system face of `family` (case-insensitive) whose weight is nearest `weight`."""
    wanted = family.casefold()
    found = [face for face in fontconfig_faces() + folder_faces() if face.family.casefold() == wanted]
    return min(found, key=lambda face: abs(face.weight - weight), default=None)


def bundled_face(role: str) -> FontFile | None:
    """The OFL Noto face the `pylopdf-fonts-zh-cn` wheel installs, or None when it is absent."""
    try:
        import pylopdf_fonts_zh_cn as bundled
    except ImportError:
        return None
    if BUNDLED_STYLE[role] == "sans":
        return FontFile(Path(bundled.sans_path()), 0, "Noto Sans SC", "bundled")
    return FontFile(Path(bundled.serif_path()), 0, "Noto Serif SC", "bundled")


def system_fonts_allowed() -> bool:
    """NOTICE_CONVERTER_SYSTEM_FONTS=0 ignores the machine's fonts: the same PDF on every machine."""
    return os.environ.get(SYSTEM_FONTS_ENV, "1").strip().lower() not in ("0", "no", "false", "off")


def system_face_for(role: str) -> FontFile | None:
    """The best system face for a role, by the role's list of families."""
    if not system_fonts_allowed():
        return None
    for family in ROLE_FAMILIES[role]:
        found = system_face(family, ROLE_WEIGHT.get(role, REGULAR))
        if found is not None:
            return found
    return None


def platform_note() -> str:
    return f"{sys.platform}; fontconfig {'found' if shutil.which('fc-list') else 'absent'}"
