"""Web-page metadata: labelled fields (来源:… 作者:… 发布时间:…), bare timestamps, bylines."""

from __future__ import annotations

import re
from datetime import date, datetime

from ..markup import Span
from .patterns import CJK_CLASS, alternation

FIELD_LABELS = {
    "source": ("来源", "本文来源", "文章来源", "信息来源", "稿件来源", "新闻来源"),
    "author": ("作者",),
    "published": ("发布时间", "发布日期", "刊发日期", "发表时间", "发表日期", "更新时间",
                  "内容更新时间", "时间", "日期", "发稿时间", "上传时间", "更新日期", "录入时间",
                  "添加时间", "发文时间", "发文日期"),
    "views": ("阅读", "阅读次数", "阅读量", "阅读数", "浏览", "浏览量", "浏览次数", "点击",
              "点击率", "点击数", "点击量", "点击次数", "访问量", "访问次数", "阅读人次",
              "浏览人次"),
    "editor": ("编辑", "责任编辑", "责编", "网络编辑", "编辑人"),
    "reviewer": ("审核", "审核人"),
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
    elif name == "publisher" and _YMD.match(value.strip()):
        # "发布:2024-03-06 10:00" gives the time of publishing, not who published.
        return _field_span("published", start, label_end, end, value)
    elif name not in FIELD_LABELS:
        tag, attrs = "credit", {"kind": name}
    spans = [Span(start, end, tag, attrs)]
    if label_end > start:
        spans.append(Span(start, label_end, "label"))
    return spans


# A cell label of a page's metadata table ("索引号:", "发布机构:", "成文日期:"): a short word and a
# colon after a separator. Labels we do not read still end the value before them.
# A 纪要's head ("出席:… 列席:…", "时间:… 地点:…") is the meeting's, not the page's.
_CELL_LABEL = re.compile(
    r"(?:(?<=[\s|])|^)(?!(?:会议)?(?:出席|列席|请假|缺席|主持|参会|参加|地点|议题|主题|记录))(%s{2,6})[ \t]*:"
    % CJK_CLASS
)
# Where a value ends: a gap of several spaces, a bracketed widget ("【字体:大 中 小】"), a '|'
# separator, or page chrome glued to it ("来源:松川广播网我要评论").
_VALUE_END = re.compile(r"\s{2,}|\s*[【\[|]|我要(?:评论|纠错|打印|分享)|打印本页|关闭窗口|分享到|收藏本页")
# A timestamp inside another field's value ("责任编辑:林小溪 2024-03-05 16:20:10 来源:…").
_INNER_TIMESTAMP = re.compile(r"(?<![\d:./-])[\s|]*(" + _BARE_TIMESTAMP.pattern + r")")
# What may follow a bare timestamp without a label: a short unlabelled source or byline
# ("2017-11-28 16:01   湖北日报", "2024-05-06 14:22  记者 林溪 吴桐").
_UNLABELLED_TAIL = re.compile(r"[^。!?,;:]{1,24}")
_SEPARATORS = " \t|"
# Pinyin in parentheses after a character ("發(fā)布時(shí)間"): noise inside the words.
_PINYIN = re.compile(r"\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}\)")


def _without_pinyin(shadow: str) -> tuple[str, list[int]] | None:
    """The line without pinyin groups, and where each kept character stands in the line."""
    if "(" not in shadow or not _PINYIN.search(shadow):
        return None
    kept: list[int] = []
    cursor = 0
    for match in _PINYIN.finditer(shadow):
        kept.extend(range(cursor, match.start()))
        cursor = match.end()
    kept.extend(range(cursor, len(shadow)))
    return "".join(shadow[i] for i in kept), kept


def _labels(shadow: str, start: int, end: int) -> list[tuple[int, int, str | None]]:
    """(start, end, field) of each label; field None for a table label we do not read.

    At one colon the longest label wins, so "成文日期:" is a label of its own, not 日期.
    """
    by_colon: dict[int, tuple[int, int, str | None]] = {}
    for match in _LABEL.finditer(shadow, start, end):
        by_colon[match.end()] = (match.start(), match.end(), _FIELD_OF.get(match.group(1), match.group(1)))
    for match in _CELL_LABEL.finditer(shadow, start, end):
        known = by_colon.get(match.end())
        if known is None or match.start() < known[0]:
            by_colon[match.end()] = (match.start(), match.end(), _FIELD_OF.get(match.group(1)) or (
                match.group(1) if match.group(1) in CREDIT_LABELS else None))
    return sorted(by_colon.values())


def field_spans(shadow: str, offset: int = 0) -> list[Span] | None:
    """Spans of the fields of a metadata line (positions + offset); None if it is not one.

    A metadata line is an optional bare timestamp followed by labelled fields and nothing else
    (a row of a page's metadata table, '|'-separated or not, counts); values run to the next
    label, so fields glued together on one line come apart. Pinyin noise inside a label
    ("發(fā)布時(shí)間") is read through.
    """
    clean = _without_pinyin(shadow)
    if clean is None:
        return _field_spans(shadow, offset)
    text, where = clean
    spans = _field_spans(text, 0)
    if spans is None:
        return None
    where = where + [len(shadow)]
    # A span ends where the next kept character begins: the pinyin of its last character
    # ("協會(huì)") stays inside it.
    return [Span(offset + where[s.start], offset + where[s.end], s.tag, s.attrs) for s in spans]


def _field_spans(shadow: str, offset: int) -> list[Span] | None:
    stripped = shadow.strip(_SEPARATORS)
    lead = len(shadow) - len(shadow.lstrip(_SEPARATORS))
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
        while cursor < body_end and shadow[cursor] in _SEPARATORS:
            cursor += 1
    if not stamp and not (_LABEL.match(shadow, cursor, body_end) or _CELL_LABEL.match(shadow, cursor, body_end)):
        return None  # a line that opens with no label and no timestamp: most lines, rejected early
    labels = _labels(shadow, cursor, body_end)
    if stamp and cursor < body_end and (not labels or labels[0][0] != cursor):
        # Unlabelled text after the timestamp: a short source or byline, up to the first label.
        tail_end = labels[0][0] if labels else body_end
        if cursor == stamp.end() or not _UNLABELLED_TAIL.fullmatch(shadow[cursor:tail_end].strip()):
            return None
        cursor = tail_end
    if labels and labels[0][0] != cursor:
        return None
    if not labels and not (stamp and cursor >= body_end):
        return None
    if not any(name for _, _, name in labels) and len(labels) < 2 and not stamp:
        return None  # one label we do not read ("主题:…") is no metadata line
    for index, (label_start, label_end, name) in enumerate(labels):
        value_end = labels[index + 1][0] if index + 1 < len(labels) else body_end
        value = shadow[label_end:value_end]
        # A timestamp after another field's value, glued or after a separator, is the
        # publication time ("编辑:林小溪 2024-03-05 16:20:10", "来源:青禾日报 | 2024-03-06").
        inner = _INNER_TIMESTAMP.search(value) if name not in (None, "published") else None
        # Single spaces belong to values (申 菲); what follows the value's end stays plain text.
        lead_space = len(value) - len(value.lstrip())
        tail = _VALUE_END.search(value, lead_space)
        cut = min(tail.start() if tail else len(value), inner.start() if inner else len(value))
        value = value[:cut]
        if len(value.strip()) > _MAX_VALUE or "。" in value:
            return None
        if name is None:
            continue
        if inner:
            stamp_start, stamp_end = label_end + inner.start(1), label_end + inner.end(1)
            spans += _field_span("published", offset + stamp_start, offset + stamp_start,
                                 offset + stamp_end, inner.group(1))
        end = label_end + len(value.rstrip())
        spans += _field_span(name, offset + label_start, offset + label_end, offset + end, value)
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
