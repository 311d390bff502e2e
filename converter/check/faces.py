"""Which family of Chinese type a face name belongs to.

GB/T 9704 names families (仿宋, 小标宋, 宋体, 黑体, 楷体), not files: 仿宋_GB2312, 仿宋, FangSong,
STFangsong and 方正仿宋 are all 仿宋. Files name faces in Chinese (DOCX, GBK-encoded PDF names),
in PostScript form (FZXBSJW--GB1-0, SimSun) or as renamed subsets (AAAAAA+NotoSerifCJK...), so
the name is normalised and matched against the words each family goes by.
"""

from __future__ import annotations

import re

FANGSONG = "仿宋"
XIAOBIAOSONG = "小标宋"
SONG = "宋体"
HEI = "黑体"
KAI = "楷体"

# Looked up in this order: 小标宋 and 仿宋 are Song-like names, so they come before 宋体.
_FAMILY_WORDS = (
    (XIAOBIAOSONG, ("小标宋", "xiaobiaosong", "xbsong", "fzxbs")),
    (FANGSONG, ("仿宋", "fangsong", "fzfs", "fandolfang", "stfangsong")),
    (KAI, ("楷", "kaiti", "kai", "fzkt", "fandolkai")),
    (HEI, ("黑", "simhei", "heiti", "hei", "fzht", "sanscjk", "sanssc", "sanstc", "sourcehansans",
           "yahei", "dengxian", "等线", "fandolhei", "wqy")),
    (SONG, ("宋", "simsun", "nsimsun", "songti", "stsong", "song", "serifcjk", "serifsc", "seriftc",
            "sourcehanserif", "mincho", "ming", "fzsy", "fandolsong", "arplumi", "arplsung")),
)
_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")


def normalise(name: str) -> str:
    """Lower case, no subset tag, no spaces, hyphens or underscores."""
    return re.sub(r"[\s\-_]", "", _SUBSET_TAG.sub("", name)).lower()


def family(name: str) -> str | None:
    """The GB/T 9704 family of a face name, or None (a Latin face, or an unknown one)."""
    plain = normalise(name)
    for found, words in _FAMILY_WORDS:
        if any(word in plain for word in words):
            return found
    return None


def display(name: str) -> str:
    """The name without the subset tag, as a person would say it."""
    return _SUBSET_TAG.sub("", name) or "(none)"
