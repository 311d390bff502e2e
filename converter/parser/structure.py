"""Which line is what: headline, metadata, chrome, or the paragraphs of the report itself.

The report's body runs from its first finished sentence to its last (with unfinished running
text next to them, and a last line cut off mid-sentence); what stands before it is the front
(headline, page metadata, chrome), what follows is the back (footers, widgets, credits). A long
line without sentence punctuation is no sentence: it may be a one-line headline or a breadcrumb,
and it must not move the report above the headline. Where a rule decides on weak evidence
(a long headline, a second headline line, a headline sharing the lead's line, a cut-off last
line) the decision is recorded as a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ..markup import Span
from .chrome import ORIGINAL_TITLE, chrome_kind, edge_kind, is_page_sentence
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
_EXCLAIM = re.compile(r"[!?]")
_CLAUSE_BREAKS = re.compile(r"[,;]")
# A lead's date followed by its clause: "9月21日上午,", "本报讯 3月24日,", "27日下午,".
_LEAD_DATE = re.compile(
    r"(?:^|[\s讯电)】\]])(?:\d{4}年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号]"
    r"[^,。;]{0,8}[,;]|^\d{1,2}[日号][^,。;]{0,6}[,;]"
)
# Words a meeting's headline is made of; 会 and the like alone also end organisation names.
_STRONG_HEADLINE = re.compile(
    r"召开|举行|开幕|闭幕|会议|大会|座谈|研讨|部署|调研|党课|讲座|培训|审议|学习|纪要|讲话"
    # the title of an official document (公文): "关于……的通知/意见/决定…"
    r"|^关于.{2,}的(?:通知|通报|决定|意见|报告|请示|批复|函|方案|办法|规定|公告|通告)$"
)
# Not a headline: a photo caption, an editor's note or summary, a byline, a deck line naming the
# chair, a table cell label.
_NOT_HEADLINE = re.compile(
    r"^(?:图为|编者按|导读|摘要|提要|内容提要)|^[(【\[][^)】\]]*(?:记者|通讯员|编辑|作者|来源|摄)|^[(【\[][^)】\]]*[)】\]]$|摄$"
    r"|记者(?!节|招待|见面|座谈|会)|通讯员|^\S{2,12}(?:主持|出席|讲话)$|^%s{4,6}\s*:" % CJK_CLASS
    # a line ending in a colon introduces what follows: a 主送 line ("各区县人民政府，市政府各部门：")
    + r"|[:：]\s*$"
)
# Not a headline's second line: the name of a site, paper, organisation or column under it.
_NOT_SUBTITLE = re.compile(
    r"(?:网|报|台|客户端|中心|政府|办公室|委员会|融媒体?|发布|新闻|动态|要闻|快讯|局|院|厅|部|办|处|所|馆|站|公司|集团|大学|学校|街道|社区)$"
)
_CRUMB = re.compile(r".*(?:>|»|›|→|/)\s*")
_MAX_SUBTITLE = 50


@dataclass(slots=True)  # one per line of the input, all held while planning
class Plan:
    """What one line becomes."""

    line: Line
    region: str  # front | body | back
    kind: str  # title | metadata | chrome | p
    chrome: str | None = None
    spans: Sequence[Span] = ()  # metadata fields, relative to the line (none: no list per line)
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


def is_sentence(shadow: str) -> bool:
    """Prose beyond doubt: a finished sentence, a 纪要 list line or a block heading.

    A long line without sentence punctuation may be a headline (main and subtitle on one line)
    or a breadcrumb, and a short exclamation ("欢迎来到…!") is a site greeting: neither may
    move the start of the report above the headline.
    """
    if "。" in shadow or LIST_LINE.match(shadow) or _MARKER_HEADING.match(shadow):
        return True
    return bool(_EXCLAIM.search(shadow)) and len(shadow) >= 20 and bool(_CLAUSE_MARKS.search(shadow))


def _reads_as_text(shadow: str) -> bool:
    """Unfinished running text: several clauses, or a lead that opens with the meeting's date.

    Only commas and semicolons count: a headline often lists with 、 ("传达…精神、研究…工作").
    """
    return len(_CLAUSE_BREAKS.findall(shadow)) >= 2 or bool(_LEAD_DATE.search(shadow))


@lru_cache(maxsize=1024)
def _fields(shadow: str) -> tuple[Span, ...] | None:
    """field_spans of a whole line, asked for several times while one document is planned."""
    found = field_spans(shadow)
    return tuple(found) if found is not None else None


@lru_cache(maxsize=1024)
def _edge(shadow: str, region: str) -> str | None:
    """edge_kind of a line, asked for several times while one document is planned."""
    return edge_kind(shadow, region)


def _cjk_count(text: str) -> int:
    return len(re.findall(CJK_CLASS, text))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _classify_aside(line: Line, region: str) -> Plan:
    if ORIGINAL_TITLE.match(line.shadow):
        return Plan(line, region, "chrome", chrome="original-title")
    spans = _fields(line.shadow)
    if spans:
        return Plan(line, region, "metadata", spans=list(spans), origin="footer" if region == "back" else "page")
    kind = _edge(line.shadow, region)
    if kind:
        return Plan(line, region, "chrome", chrome=kind)
    return Plan(line, region, "p")


def _title_candidate(plan: Plan) -> bool:
    text = plan.line.shadow
    return (
        plan.kind == "p"
        and not is_sentence(text)
        and not _reads_as_text(text)
        and _cjk_count(text) >= 4
        and len(text) <= _MAX_TITLE
        and not _NOT_HEADLINE.search(text)
    )


def _headline_score(shadow: str) -> int:
    if _STRONG_HEADLINE.search(shadow):
        return 2
    return 1 if _HEADLINE_WORDS.search(shadow) else 0


def _crumb_headline(plan: Plan) -> int | None:
    """Where the headline begins in a breadcrumb that ends in it ("首页 > 新闻中心 > 某市召开…会议")."""
    if plan.kind != "chrome" or plan.chrome != "navigation":
        return None
    crumb = _CRUMB.match(plan.line.shadow)
    last = plan.line.shadow[crumb.end():] if crumb else ""
    if _cjk_count(last) >= 8 and _STRONG_HEADLINE.search(last) and not is_sentence(last):
        return crumb.end()
    return None


def _headline_from_crumbs(plans: list[Plan], guesses: list[str]) -> list[Plan]:
    """With no headline line in the front, the last crumb of a breadcrumb that ends in one
    becomes a line of its own, so that the headline holds the headline only."""
    front = [p for p in plans if p.region == "front"]
    if any(_title_candidate(p) for p in front):
        return plans
    for plan in reversed(front):
        cut = _crumb_headline(plan)
        if cut is not None:
            crumbs, headline = _split(plan.line, cut, cut)
            guesses.append(f"line {plan.line.number}: the headline read from the end of a breadcrumb")
            index = plans.index(plan)
            return plans[:index] + [Plan(crumbs, "front", "chrome", chrome="navigation"),
                                    Plan(headline, "front", "p")] + plans[index + 1 :]
    return plans


def _choose_title(front: list[Plan]) -> int | None:
    """The headline among the front lines.

    The line that most reads as a meeting's headline wins (召开/会议/学习… over 会 alone, which
    also ends organisation names); among equals the first, since what follows a headline is
    its deck and byline. With no headline word at all, the line nearest the report wins: site
    names and slogans stand above the headline. A breadcrumb ending in the headline is the last
    resort (see _headline_from_crumbs).
    """
    candidates = [i for i, plan in enumerate(front) if _title_candidate(plan)]
    if candidates:
        # A column name ("党建学习") is short; a headline says who met about what.
        rank = {i: (_headline_score(front[i].line.shadow), _cjk_count(front[i].line.shadow) >= 8) for i in candidates}
        best = max(rank.values())
        chosen = [i for i in candidates if rank[i] == best]
        index = chosen[0] if best[0] else chosen[-1]
        # "——XX召开…会议" is the subtitle of the main line just above it.
        if _SUBTITLE_DASH.match(front[index].line.shadow) and index - 1 in candidates and (
            front[index - 1].line.number == front[index].line.number - 1
        ):
            return index - 1
        return index
    return None


def _continues_title(plan: Plan, previous: Plan) -> bool:
    """A subtitle line right under the headline (no blank line between)."""
    return (
        plan.line.number == previous.line.number + 1
        and _title_candidate(plan)
        and len(plan.line.shadow) <= _MAX_SUBTITLE
        and _cjk_count(plan.line.shadow) >= 6
        and not _NOT_SUBTITLE.search(plan.line.shadow)
        and _squash(plan.line.shadow) != _squash(previous.line.shadow)
    )


def _mark_front(front: list[Plan], guesses: list[str]) -> None:
    chosen = _choose_title(front)
    if chosen is None:
        return
    title = front[chosen]
    if not _headline_score(title.line.shadow):
        guesses.append(f"line {title.line.number}: no line names a meeting; the one nearest the report read as the headline")
    elif len(title.line.shadow) >= 40:
        guesses.append(f"line {title.line.number}: a long line without sentence punctuation read as the headline")
    title.kind, title.chrome = "title", None
    for plan in front[:chosen]:
        if plan.kind == "p":  # nothing of the report stands above its headline
            plan.kind, plan.chrome = "chrome", "residue"
    last = title
    for part, plan in enumerate(front[chosen + 1 : chosen + 3], start=1):
        if not _continues_title(plan, last):
            break
        plan.kind, plan.title_part = "title", part
        last = plan
        if not _SUBTITLE_DASH.match(plan.line.shadow):
            guesses.append(f"line {plan.line.number}: read as the second line of the headline")
    seen_repeat = any(p.kind == "metadata" for p in front[:chosen])
    for plan in front[chosen + 1 :]:
        if plan.kind == "p" and _squash(plan.line.shadow) == _squash(title.line.shadow):
            plan.kind, plan.chrome = "chrome", "repeated-title"
            seen_repeat = True
        elif plan.kind == "metadata" and seen_repeat:
            # A republished page repeats the headline above the original article's own line;
            # a page's metadata table stands above the headline, the article's own under it.
            plan.origin = "article"


# The headline again after the report, whole or cut off, or as a page's <title> with the site's
# name after a separator ("…会议召开_福安新闻网"), in a share widget or a link to itself.
_TITLE_TAIL = re.compile(r"^[_|\-—–·]\S{1,20}$")
_MIN_CUT_TITLE = 6
_UNBRACKET = str.maketrans("", "", "【】[]《》\"“”")
# What a page lists under "相关阅读", "上一篇", … : the headlines of other pages.
_LINKS_HEADER = re.compile(r"^(?:相关(?:阅读|新闻|文章|链接|报道)|推荐阅读|延伸阅读|猜你喜欢|热点(?:新闻|文章)|本类热点条目"
                           r"|上一篇|下一篇|上一条|下一条|更多(?:新闻|阅读|文章|报道)?)[::]?$")
_SIGNATURE_MAX = 24
# A date alone on a line, in figures or Chinese numerals ("二〇二五年一月二十日"), no time: under a
# 署名 it is the 成文日期, not a page's date in its footer.
_DATE_LINE = re.compile(r"^[\d〇零一二三四五六七八九十]{2,4}\s*年\s*[\d〇零一二三四五六七八九十]{1,2}\s*月"
                        r"\s*[\d〇零一二三四五六七八九十]{1,3}\s*日$")


# Where a headline goes on after the organ that opens it ("松川县应急管理局|召开…会议", "…人民政府|关于…",
# "…人民政府|第十二次常务会议纪要"): a back line that stops there is the organ's 署名, not a cut-off title.
_TITLE_GOES_ON = re.compile(r"(?:关于|召开|举行|组织|开展|传达|学习|部署|主持|召集|专题|印发|发布|第)")


def _repeats_title(shadow: str, title: str, signed: bool, after_page: bool = False) -> bool:
    """The headline again: whole, with a site's name after a separator, or cut off. A 署名 is
    where its title's "发文机关关于…" or "机关召开…" begins: not a cut-off title, unless the page's
    own lines (share buttons, a footer) stand between it and the report (`after_page`)."""
    text = _squash(shadow).translate(_UNBRACKET)
    if not title or not text:
        return False
    if text == title:
        return True
    if len(text) >= _MIN_CUT_TITLE and title.startswith(text):
        return not signed and (after_page or not _TITLE_GOES_ON.match(title[len(text):]))
    return text.startswith(title) and bool(_TITLE_TAIL.match(text[len(title):]))


def _mark_back(plans: list[Plan]) -> None:
    """Lines after the report that only a page carries, known by what stands around them: the
    headline again, the headlines of other pages under "相关阅读"; and a 署名's 成文日期, which is
    the document's text, not the page's date."""
    title = next((p for p in plans if p.kind == "title"), None)
    title_text = _squash(title.line.shadow).translate(_UNBRACKET) if title is not None else ""
    links = False
    previous: Plan | None = None
    for index, plan in enumerate(plans):
        if plan.region == "back":
            text = plan.line.shadow
            signed = index + 1 < len(plans) and bool(_DATE_LINE.match(plans[index + 1].line.shadow.strip()))
            after_page = previous is not None and previous.kind == "chrome"
            if plan.kind == "p" and _repeats_title(text, title_text, signed, after_page):
                plan.kind, plan.chrome = "chrome", "repeated-title"
            elif plan.kind == "p" and links and not is_sentence(text):
                plan.kind, plan.chrome = "chrome", "navigation"
            elif plan.kind == "chrome" and plan.chrome == "tag" and signed and not _LINKS_HEADER.match(text):
                plan.kind, plan.chrome = "p", None  # a meeting's name over a 成文日期: its 署名
            elif plan.kind == "chrome" and _LINKS_HEADER.match(text.strip()):
                links = True
            elif (plan.kind == "metadata" and _DATE_LINE.match(text.strip()) and previous is not None
                  and _signature(previous)):
                plan.kind, plan.spans, plan.origin = "p", [], "page"
        previous = plan


def _signature(plan: Plan) -> bool:
    """A 发文机关署名: a short paragraph line with no punctuation, an organ's name."""
    text = plan.line.shadow.strip()
    return plan.kind == "p" and len(text) <= _SIGNATURE_MAX and not re.search(r"[,.;:!?。、]", text) \
        and _cjk_count(text) >= 2


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


# Where the lead begins when something is glued before it on the same line: a dateline or the
# meeting's date ("来源:北岭发布2月1日,…", "某县召开…动员会 9月21日上午,…").
_LEAD_START = re.compile(
    r"本[报刊网]讯|(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号]"
    r"|(?:近日|日前|昨天|昨日|今天|今日|\d{1,2}[日号](?:上午|下午|晚上?)?),"
)


def _split(line: Line, cut: int, resume: int) -> list[Line]:
    """Two pieces of one line: text[:cut] and text[resume:], each keeping its place."""
    head = line.text[:cut].rstrip()
    tail_skip = len(line.text[resume:]) - len(line.text[resume:].lstrip())
    resume += tail_skip
    return [
        Line(line.number, line.start, line.start + len(head), head, line.shadow[: len(head)], line.column, True),
        Line(line.number, line.start + resume, line.end, line.text[resume:], line.shadow[resume:], line.column + resume, True),
    ]


def _glued_lead(line: Line) -> list[Line] | None:
    """Page metadata glued to the lead ("时间:… 来源:北岭发布2月1日,北岭区召开…。").

    The cut is the last place where everything before it reads as metadata (so a date inside
    a timestamp, "时间:2024年2月1日", is not taken for the lead) and no clause has begun.
    """
    cut = None
    for match in _LEAD_START.finditer(line.shadow):
        head = line.shadow[: match.start()]
        if _CLAUSE_BREAKS.search(head) or "。" in head:
            break
        fields = _fields(head) if head.strip() else None
        if fields and any(s.tag not in ("label", "credit") for s in fields):
            cut = match.start()
    if cut is None or not is_sentence(line.shadow[cut:]):
        return None
    return _split(line, cut, cut)


def _headline_before_lead(line: Line) -> list[Line] | None:
    """A headline and the lead on one line, a space between ("某县召开…动员会 9月21日上午,…")."""
    for gap in re.finditer(r"\s+", line.shadow[: _MAX_TITLE + 1]):
        head, rest = line.shadow[: gap.start()], line.shadow[gap.end() :]
        if _LEAD_START.match(rest) and is_sentence(rest):
            if (_cjk_count(head) >= 8 and _STRONG_HEADLINE.search(head) and not is_sentence(head)
                    and not _reads_as_text(head) and not _fields(head)):
                return _split(line, gap.start(), gap.end())
            return None
    return None


def _opens_report(index: int, line: Line, facts: set[int]) -> bool:
    shadow = line.shadow
    return index in facts or (is_sentence(shadow) and not _fields(shadow) and not is_page_sentence(shadow))


def _body_start(lines: list[Line], facts: set[int]) -> int | None:
    """The first line of the report: its first finished sentence, and any unfinished running
    text right above it. None when no line is a sentence."""
    first = next((i for i, line in enumerate(lines) if _opens_report(i, line, facts)), None)
    if first is None:
        return None
    while first > 0 and _reads_as_text(lines[first - 1].shadow) and is_prose(lines[first - 1].shadow) and (
        not _fields(lines[first - 1].shadow)
    ):
        first -= 1
    return first


def _body_end(lines: list[Line], facts: set[int], first: int, prose: list[int]) -> int:
    """The last line of the report: its last finished sentence, and any running text right
    below it. A widget's short prompt ("还没有评论,快来抢沙发吧!") is not the report."""
    sentences = [i for i in range(first, len(lines)) if _opens_report(i, lines[i], facts)]
    if not sentences:
        return max([i for i in prose if i >= first], default=first - 1)
    last = sentences[-1]
    while last + 1 < len(lines) and _continues_report(lines[last + 1].shadow):
        last += 1
    return last


def _continues_report(shadow: str) -> bool:
    """Unfinished running text after the last sentence, not a widget's prompt or a footer."""
    return is_prose(shadow) and _edge(shadow, "back") is None and not _fields(shadow) and (
        _reads_as_text(shadow) or len(shadow) >= 40
    )


def _truncated_end(line: Line) -> bool:
    """A last line cut off mid-sentence ("会议重申了加强分会管"), not a footer or widget."""
    text = line.shadow
    return (
        _cjk_count(text) >= 8
        and not _fields(text)
        and _edge(text, "back") is None
        and not _NOT_HEADLINE.search(text)
        and not re.search(r"会议?$", text)
        # a 版记 line or a date line (署名/成文日期) ends a document, it is not cut off
        and not re.search(r"印[发發]$|[0-9〇零一二三四五六七八九十]日$", text)
    )


def _repeats_front(line: Line, front: list[Line]) -> bool:
    """The headline (or another front line) again after the report, not a cut-off sentence."""
    return any(_repeats_title(line.shadow, _squash(above.shadow).translate(_UNBRACKET), False) for above in front)


def _page_furniture(lines: list[Line]) -> bool:
    """Only page furniture (a footer, share buttons, a site name) after the report: a cut-off
    last line of the text is still the last line of the report on a saved web page."""
    # A date a metadata field reads ("2024-03-01") is a 署名's 成文日期 or the page's date, not furniture.
    return all(_edge(line.shadow, "back") is not None and not _fields(line.shadow) for line in lines)


def plan_lines(lines: list[Line], guesses: list[str] | None = None) -> list[Plan]:
    """A plan for every line: its region and what it becomes. Guesses are added to `guesses`."""
    guesses = guesses if guesses is not None else []
    _fields.cache_clear()  # per document: a benchmark repeating texts must not hit the cache
    _edge.cache_clear()
    facts = _meeting_facts(lines)
    first = _body_start(lines, facts)
    if first is not None and first not in facts:
        above = [_classify_aside(line, "front") for line in lines[:first]]
        pieces = _glued_lead(lines[first])
        if pieces is None and not any(_title_candidate(plan) for plan in above):
            pieces = _headline_before_lead(lines[first])
            if pieces:
                guesses.append(f"line {lines[first].number}: the headline and the lead share one line")
        if pieces:
            lines = lines[:first] + pieces + lines[first + 1 :]
            facts = {i + 1 if i > first else i for i in facts}
            first += 1
    prose = [
        i for i, line in enumerate(lines)
        if i in facts or (is_prose(line.shadow) and not _fields(line.shadow))
    ]
    if first is None:
        first = prose[0] if prose else len(lines)
    last = _body_end(lines, facts, first, prose)
    if first <= last < len(lines) - 1 and _truncated_end(lines[last + 1]) and _page_furniture(lines[last + 2 :]) and (
        not _repeats_front(lines[last + 1], lines[:first])
    ):
        last += 1
        guesses.append(f"line {lines[last].number}: the last line, cut off, read as part of the report")
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
    plans = _headline_from_crumbs(plans, guesses)
    _mark_front([p for p in plans if p.region == "front"], guesses)
    _mark_back(plans)
    return plans
