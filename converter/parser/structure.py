"""Which line is what: headline, metadata, chrome, or the paragraphs of the report itself.

The report's body runs from its first to its last line of prose; what stands before it is the
front (headline, page metadata, chrome), what follows is the back (footers, widgets, credits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..markup import Span
from .chrome import ORIGINAL_TITLE, chrome_kind
from .lines import Line
from .metadata import field_spans
from .patterns import CJK_CLASS
from .people import LIST_LINE

_PROSE_END = re.compile(r"[。!?]")
_CLAUSE_MARKS = re.compile(r"[,;、]")
_HEADLINE_WORDS = re.compile(r"会|召开|举行|学习|座谈|研讨|部署|调研|党课|讲座|培训|审议|纪要|论坛|活动|讲话")
_SUBTITLE_DASH = re.compile(r"^[—\-－]{1,2}")
# "会议指出" / "会议决定:" alone on a line: a block heading, so part of the body.
_MARKER_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、)?会议[^\s,。]{0,6}?"
    r"(?:认为|指出|强调|要求|提出|决定|号召|明确|审议|听取|传达|学习|研究|部署|通过)[::]?$"
)
_MAX_TITLE = 80


@dataclass
class Plan:
    """What one line becomes."""

    line: Line
    region: str  # front | body | back
    kind: str  # title | metadata | chrome | p
    chrome: str | None = None
    spans: list[Span] = field(default_factory=list)  # metadata fields, relative to the line
    title_part: int = 0  # 0 for the headline's first line, 1.. for its continuation lines
    origin: str = "page"  # for metadata lines


def is_prose(shadow: str) -> bool:
    """Running text, as opposed to a headline, a label line or a widget.

    A 纪要's attendance line ("出席:张三、李四") and a block heading ("会议指出") belong to
    the body too.
    """
    if _PROSE_END.search(shadow) or LIST_LINE.match(shadow) or _MARKER_HEADING.match(shadow):
        return True
    return len(_CLAUSE_MARKS.findall(shadow)) >= 2 or len(shadow) >= 40


def _cjk_count(text: str) -> int:
    return len(re.findall(CJK_CLASS, text))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _classify_aside(line: Line, region: str) -> Plan:
    if ORIGINAL_TITLE.match(line.shadow):
        return Plan(line, region, "chrome", chrome="original-title")
    spans = field_spans(line.shadow)
    if spans:
        return Plan(line, region, "metadata", spans=spans, origin="footer" if region == "back" else "page")
    kind = chrome_kind(line.shadow)
    if kind:
        return Plan(line, region, "chrome", chrome=kind)
    return Plan(line, region, "p")


def _title_candidate(plan: Plan) -> bool:
    text = plan.line.shadow
    return (
        plan.kind == "p"
        and not is_prose(text)
        and _cjk_count(text) >= 4
        and len(text) <= _MAX_TITLE
    )


def _choose_title(front: list[Plan]) -> int | None:
    candidates = [i for i, plan in enumerate(front) if _title_candidate(plan)]
    for index in candidates:
        if _HEADLINE_WORDS.search(front[index].line.shadow):
            # "——XX召开…会议" is the subtitle of the main line just above it.
            if _SUBTITLE_DASH.match(front[index].line.shadow) and index - 1 in candidates and (
                front[index - 1].line.number == front[index].line.number - 1
            ):
                return index - 1
            return index
    return candidates[0] if candidates else None


def _mark_front(front: list[Plan]) -> None:
    chosen = _choose_title(front)
    if chosen is None:
        return
    title = front[chosen]
    title.kind = "title"
    for plan in front[:chosen]:
        if plan.kind == "p":  # nothing of the report stands above its headline
            plan.kind, plan.chrome = "chrome", "residue"
    following = front[chosen + 1 : chosen + 2]
    if following and following[0].line.number == title.line.number + 1 and _SUBTITLE_DASH.match(
        following[0].line.shadow
    ) and following[0].kind == "p":
        following[0].kind, following[0].title_part = "title", 1
    seen_repeat = False
    for plan in front[chosen + 1 :]:
        if plan.kind == "p" and _squash(plan.line.shadow) == _squash(title.line.shadow):
            plan.kind, plan.chrome = "chrome", "repeated-title"
            seen_repeat = True
        elif plan.kind == "metadata" and seen_repeat:
            # A republished page repeats the headline above the original article's own line.
            plan.origin = "article"


# The head of a 纪要: "时间:… / 地点:… / 主持:… / 参会人员:…" — the meeting's facts, not page
# metadata. 时间 is read so only when another such line follows it.
_MEETING_FACT = re.compile(r"^(?:会议)?(?:地点|主持人?|议题|主题|记录人?|参会人员|出席人员|列席人员)\s*:")
_MEETING_TIME = re.compile(r"^(?:会议)?时间\s*:")


def _meeting_facts(lines: list[Line]) -> set[int]:
    facts = {i for i, line in enumerate(lines) if _MEETING_FACT.match(line.shadow)}
    for index, line in enumerate(lines):
        if _MEETING_TIME.match(line.shadow) and index + 1 in facts:
            facts.add(index)
    return facts


def plan_lines(lines: list[Line]) -> list[Plan]:
    """A plan for every line: its region and what it becomes."""
    facts = _meeting_facts(lines)
    prose = [
        i for i, line in enumerate(lines)
        if i in facts or (is_prose(line.shadow) and not field_spans(line.shadow))
    ]
    first, last = (prose[0], prose[-1]) if prose else (len(lines), len(lines) - 1)
    plans: list[Plan] = []
    for index, line in enumerate(lines):
        if index < first:
            plans.append(_classify_aside(line, "front"))
        elif index > last:
            plans.append(_classify_aside(line, "back"))
        else:
            kind = chrome_kind(line.shadow) if not is_prose(line.shadow) else None
            if kind in ("image", "share", "qr-code", "print", "close", "copyright", "comment"):
                plans.append(Plan(line, "body", "chrome", chrome=kind))
            else:
                plans.append(Plan(line, "body", "p"))
    _mark_front([p for p in plans if p.region == "front"])
    return plans
