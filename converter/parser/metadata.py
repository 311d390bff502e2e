"""Web-page metadata: labelled fields (来源:… 作者:… 发布时间:…), bare timestamps, bylines."""

from __future__ import annotations

import re
from datetime import date, datetime

from ..markup import Span
from .patterns import alternation

FIELD_LABELS = {
    "source": ("来源", "本文来源", "文章来源", "信息来源", "稿件来源", "新闻来源"),
    "author": ("作者",),
    "published": ("发布时间", "发布日期", "刊发日期", "发表时间", "发表日期", "更新时间",
                  "内容更新时间", "时间", "日期", "发稿时间", "上传时间"),
    "views": ("阅读", "阅读次数", "阅读量", "阅读数", "浏览", "浏览量", "浏览次数", "点击",
              "点击率", "点击数", "点击量", "访问量"),
    "editor": ("编辑", "责任编辑", "责编", "网络编辑"),
    "reviewer": ("审核",),
    "drafter": ("拟稿", "拟稿人"),
    "proofreader": ("校对",),
    "publisher": ("发布", "发布人", "发布者"),
}
# Labels that are recognised (so a glued line parses) but stand for no field of ours.
CREDIT_LABELS = ("文", "文字", "文图", "图文", "核稿", "终审", "初审", "复审", "记者", "供稿",
                 "转载", "通讯员", "摄影", "摄", "图", "图片", "语音阅读", "撰稿", "编审", "美编")

_FIELD_OF = {label: name for name, labels in FIELD_LABELS.items() for label in labels}
_LABEL = re.compile(
    r"(%s)[ \t]*[:]" % alternation(list(_FIELD_OF) + list(CREDIT_LABELS))
)
_TIME = r"(?:[ \tT]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
_YMD = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})日?" + _TIME)
_DMY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})" + _TIME)
_BARE_TIMESTAMP = re.compile(
    r"(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?|\d{1,2}\.\d{1,2}\.\d{4})"
    r"(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?"
)
_MAX_VALUE = 60


def iso_timestamp(text: str) -> str | None:
    """ISO form of a publication date or time as pages print it; None if it is not one."""
    match = _YMD.search(text)
    if match:
        year, month, day = (int(g) for g in match.group(1, 2, 3))
    else:
        match = _DMY.search(text)
        if not match:
            return None
        day, month, year = (int(g) for g in match.group(1, 2, 3))
    hour, minute, second = match.group(4, 5, 6)
    try:
        if hour is None:
            return date(year, month, day).isoformat()
        moment = datetime(year, month, day, int(hour), int(minute), int(second or 0))
    except ValueError:
        return None
    return moment.isoformat() if second is not None else moment.isoformat(timespec="minutes")


def _field_span(name: str, start: int, label_end: int, end: int, value: str) -> list[Span]:
    attrs: dict[str, str] = {}
    tag = name
    if name == "published":
        iso = iso_timestamp(value)
        if iso:
            attrs["value"] = iso
    elif name == "views":
        digits = re.search(r"\d[\d,]*", value)  # "1,234" is one thousand two hundred …
        if digits:
            attrs["value"] = str(int(digits.group().replace(",", "")))
    elif name not in FIELD_LABELS:
        tag, attrs = "credit", {"kind": name}
    spans = [Span(start, end, tag, attrs)]
    if label_end > start:
        spans.append(Span(start, label_end, "label"))
    return spans


def field_spans(shadow: str, offset: int = 0) -> list[Span] | None:
    """Spans of the fields of a metadata line (positions + offset); None if it is not one.

    A metadata line is an optional bare timestamp followed by labelled fields and nothing else;
    values run to the next label, so fields glued together on one line come apart.
    """
    stripped = shadow.strip()
    lead = len(shadow) - len(shadow.lstrip())
    opening = 1 if stripped[:1] in "([【" and stripped[-1:] in ")]】" else 0
    body_start, body_end = lead + opening, lead + len(stripped) - opening
    spans: list[Span] = []
    cursor = body_start
    stamp = _BARE_TIMESTAMP.match(shadow, cursor)
    if stamp:
        stamp_end = stamp.end()
        spans += _field_span("published", offset + stamp.start(), offset + stamp.start(),
                             offset + stamp_end, stamp.group())
        cursor = stamp_end
        while cursor < body_end and shadow[cursor] in " \t":
            cursor += 1
    labels = [m for m in _LABEL.finditer(shadow, cursor, body_end)]
    if labels and labels[0].start() != cursor:
        return None
    if not labels and not (stamp and cursor >= body_end):
        return None
    for index, match in enumerate(labels):
        value_end = labels[index + 1].start() if index + 1 < len(labels) else body_end
        value = shadow[match.end() : value_end]
        # A value ends before a gap of several spaces or a bracketed widget ("【字体:大 中 小】"):
        # what follows stays in the line as plain text. Single spaces belong to values (申 菲).
        lead = len(value) - len(value.lstrip())
        tail = re.search(r"\s{2,}|\s*[【\[]", value[lead:])
        if tail:
            value = value[: lead + tail.start()]
        if len(value.strip()) > _MAX_VALUE or "。" in value:
            return None
        end = match.end() + len(value.rstrip())
        name = _FIELD_OF.get(match.group(1), match.group(1))
        spans += _field_span(name, offset + match.start(), offset + match.end(), offset + end, value)
    return spans


# A bracketed credit closing a paragraph: "…。(办公室)", "…。(文字:刘贵雪 审核:王资生)".
_TRAILING_BYLINE = re.compile(r"(?<=[。!?”\"])\s*([(【\[][^()【】\[\]]{1,60}[)】\]])\s*$")


def trailing_byline(shadow: str) -> list[Span]:
    """Spans for a bracketed byline at the end of a paragraph (with its fields, if labelled)."""
    match = _TRAILING_BYLINE.search(shadow)
    if not match:
        return []
    start, end = match.span(1)
    spans = [Span(start, end, "byline")]
    inner = field_spans(shadow[start:end], start)
    if inner:
        spans += inner
    return spans
