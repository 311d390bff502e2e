"""The meeting's date in its lead paragraph, with the year inferred when the text omits it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..markup import Span
from .patterns import cn_number

_NUM = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
_YEAR = r"(\d{4}|[〇零一二三四五六七八九]{4})"
_DAYPART = r"(?:\s*(上午|下午|中午|晚上|晚间|晚|夜间|凌晨|早上|傍晚))?"
_FULL = re.compile(_YEAR + r"\s*年\s*" + _NUM + r"\s*月\s*" + _NUM + r"\s*[日号]" + _DAYPART)
_MONTH_DAY = re.compile(r"(?<![\d年])" + _NUM + r"\s*月\s*" + _NUM + r"\s*[日号]" + _DAYPART)
# "221日", "84日": the 月 was lost in copying; a number no day can be is read as month and day
# (2-21, 8-4), marked as a guess. "12日" and "31日" are days.
_LOST_MONTH = re.compile(r"(?<![\d月年.:])(?:([1-9]|1[0-2])([0-3]\d)|(3)([2-9])|([4-9])([1-9]))日" + _DAYPART)
_DAY = re.compile(r"(?<![\d月年.:一二三四五六七八九十])" + _NUM + r"\s*[日号]" + _DAYPART)
_RELATIVE = re.compile(r"(前天|昨天|昨日|今天|今日|当天|当日)" + _DAYPART)
_RELATIVE_DAYS = {"前天": 2, "昨天": 1, "昨日": 1, "今天": 0, "今日": 0, "当天": 0, "当日": 0}
_DAYPARTS = {"上午": "morning", "早上": "morning", "凌晨": "morning", "中午": "noon",
             "下午": "afternoon", "傍晚": "evening", "晚上": "evening", "晚间": "evening",
             "晚": "evening", "夜间": "night"}
# "2025年度第十次", "2026年第2次", "2023年党组理论学习中心组第7次": the year of a session series.
_SERIES_YEAR = re.compile(r"(\d{4})\s*年度?[^,。;:!?]{0,15}?第[\d一二三四五六七八九十百]+[次期届]")
# A periodical's issue line in the page header: "松川税务 2021年 第6期" (a stated year).
ISSUE_LINE = re.compile(r"^(?:[^\s,。:]{2,16}\s*)?[(（]?(\d{4})\s*年\s*第\s*[\d一二三四五六七八九十]+\s*期[)）]?(?:\s*[(（]?总第\s*\d+\s*期[)）]?)?$")
# A year naming the meeting itself: "召开了2017年科主任座谈会". A 总结/述职/表彰 meeting looks
# back on its year and is held after it, so it names no year of its own date.
_NAME_YEAR = re.compile(
    r"(?:召开了?|举行了?|组织召开了?)\s*(\d{4})\s*年(?!度|[\d一二三四五六七八九十]{0,3}月)"
    r"(?P<name>[^,。;:!?年]{1,24}?(?:会议|大会|会|学习))"
)
_LOOKS_BACK = re.compile(r"总结|述职|表彰|考核|年终|回顾|民主生活会|组织生活会")
# The month of a meeting named for it: "召开二月份党组中心组学习会".
_NAME_MONTH = re.compile(r"(?:召开了?|举行了?)[^,。;]{0,10}?(\d{1,2}|[一二三四五六七八九十]{1,3})月份")
# A dateline: "松川网5月10日讯", "新华社北京11月16日电" — the day the report was filed. The
# meeting's own date, when given after it ("9日,…", "昨天"), is the meeting date.
_DATELINE_END = re.compile(r"\s*(?:讯|电(?![视话报力网影台子信讯商气站厂池脑])|消息)")
# A date that qualifies a noun ("3月1日召开的全国会议精神", "3月1日重要讲话精神") dates another event.
_ATTRIBUTIVE = re.compile(r"[^,。;:!?]{0,20}?(?:的|精神)")
_DATELINE_REACH = 25  # a dateline opens the paragraph: its date stands in its first characters


@dataclass
class FoundDate:
    start: int
    end: int
    value: str
    year_source: str
    daypart: str | None
    guessed: bool = False

    def span(self) -> Span:
        attrs = {"value": self.value, "year": self.year_source}
        if self.daypart:
            attrs["daypart"] = self.daypart
        if self.guessed:
            attrs["guessed"] = "true"
        return Span(self.start, self.end, "date", attrs)


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _latest_not_after(month: int, day: int, limit: date) -> date | None:
    """The latest date with this month and day that is not after `limit`."""
    for year in range(limit.year, limit.year - 8, -1):
        found = _valid(year, month, day)
        if found and found <= limit:
            return found
    return None


def _day_in_month_of(day: int, limit: date) -> date | None:
    """The latest date with this day of the month that is not after `limit`."""
    year, month = limit.year, limit.month
    for _ in range(3):
        found = _valid(year, month, day)
        if found and found <= limit:
            return found
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None


def _complete(month: int | None, day: int, known_year: int | None, year_source: str,
              published: date | None) -> tuple[str, str] | None:
    if month is not None and known_year is not None and _valid(known_year, month, day):
        return date(known_year, month, day).isoformat(), year_source
    if published is not None:
        found = _latest_not_after(month, day, published) if month else _day_in_month_of(day, published)
        if found:
            return found.isoformat(), "publication"
    if month is not None and _valid(2000, month, day):  # 2000 is a leap year: 02-29 passes
        return f"--{month:02d}-{day:02d}", "none"
    if month is None and 1 <= day <= 31:
        return f"---{day:02d}", "none"
    return None


def series_year(*shadows: str) -> int | None:
    for shadow in shadows:
        match = _SERIES_YEAR.search(shadow)
        if match:
            return int(match.group(1))
    return None


def _first_match(shadow: str, start: int = 0, end: int | None = None):
    best = None
    end = len(shadow) if end is None else end
    for kind, pattern in (("full", _FULL), ("md", _MONTH_DAY), ("lost", _LOST_MONTH),
                          ("day", _DAY), ("relative", _RELATIVE)):
        match = pattern.search(shadow, start, end)
        if match and (best is None or match.start() < best[1].start()):
            best = (kind, match)
    return best


def issue_year(shadow: str) -> int | None:
    """The year of a periodical's issue line ("松川税务 2021年 第6期"), if `shadow` is one."""
    match = ISSUE_LINE.match(shadow.strip())
    return int(match.group(1)) if match else None


def _name_year(shadow: str) -> int | None:
    match = _NAME_YEAR.search(shadow)
    if match and not _LOOKS_BACK.search(match.group("name")):
        return int(match.group(1))
    return None


def _after_dateline(shadow: str, found):
    """The meeting's date given after a dateline in the same sentence, or None."""
    kind, match = found
    if kind not in ("md", "full") or not _DATELINE_END.match(shadow, match.end()):
        return None
    if match.start() > _DATELINE_REACH or re.search(r"[,。;]", shadow[: match.start()]):
        return None
    sentence_end = shadow.find("。", match.end())
    later = _first_match(shadow, _DATELINE_END.match(shadow, match.end()).end(),
                         sentence_end if sentence_end != -1 else None)
    if later is None or later[0] not in ("day", "relative", "md", "full"):
        return None
    return later


def _filed(kind: str, match, published: date | None, series: int | None) -> tuple[date, str] | None:
    """The dateline's day as a date, and where its year came from ("none": a leap year stands in)."""
    if kind == "full":
        year, month, day = (cn_number(g) for g in match.group(1, 2, 3))
        found = _valid(year, month, day) if year and month and day else None
        return (found, "stated") if found else None
    month, day = cn_number(match.group(1)), cn_number(match.group(2))
    if month is None or day is None:
        return None
    if series and _valid(series, month, day):
        return date(series, month, day), "series"
    if published is not None:
        found = _latest_not_after(month, day, published)
        return (found, "publication") if found else None
    found = _valid(2000, month, day)
    return (found, "none") if found else None


def find_date(shadow: str, published: date | None, series: int | None) -> FoundDate | None:
    """The first date expression of a lead paragraph, completed to the fullest form knowable.

    After a dateline ("松川网5月10日讯 9日,…") the meeting's own date is the later one, read
    against the dateline's day.
    """
    found = _first_match(shadow)
    while found is not None and _ATTRIBUTIVE.match(shadow, found[1].end()):
        # "为贯彻落实3月1日全国会议精神,5日,…": that date names another event; the next one,
        # if any, is the meeting's.
        later = _first_match(shadow, found[1].end())
        if later is None:
            break
        found = later
    if not found:
        return None
    later = _after_dateline(shadow, found)
    if later is not None:
        filed = _filed(found[0], found[1], published, series)
        if filed is not None:
            return _from_dateline(later, *filed)
    kind, match = found
    daypart = _DAYPARTS.get(match.group(match.lastindex) or "") if match.lastindex else None
    if kind == "relative":
        if published is None:
            return None
        day = published - timedelta(days=_RELATIVE_DAYS[match.group(1)])
        return FoundDate(match.start(), match.end(), day.isoformat(), "publication", daypart)
    guessed = kind == "lost"
    if kind == "full":
        year, month, day = (cn_number(g) for g in match.group(1, 2, 3))
        result = _complete(month, day, year, "stated", published) if year and month and day else None
    else:
        if kind == "lost":
            first = next(i for i in (1, 3, 5) if match.group(i))
            month, day = cn_number(match.group(first)), cn_number(match.group(first + 1))
        else:
            month = cn_number(match.group(1)) if kind == "md" else None
            day = cn_number(match.group(2) if kind == "md" else match.group(1))
        if day is None or (kind != "day" and month is None):
            return None
        if kind == "day" and published is None:
            # "27日,…召开二月份…学习会": the month the meeting is named for.
            named = _NAME_MONTH.search(shadow)
            if named and cn_number(named.group(1)) and _valid(2000, cn_number(named.group(1)), day):
                month, kind, guessed = cn_number(named.group(1)), "md", True
        year = series
        if year is None and published is None and month is not None:
            year = _name_year(shadow)  # "召开了2017年科主任座谈会"
            guessed = guessed or year is not None
        result = _complete(month, day, year, "series", published)
    if result is None:
        return None
    value, year_source = result
    return FoundDate(match.start(), match.end(), value, year_source, daypart, guessed=guessed)


def _from_dateline(found, filed: date, year_source: str) -> FoundDate | None:
    """The meeting's date given after a dateline, read against the dateline's day."""
    kind, match = found
    daypart = _DAYPARTS.get(match.group(match.lastindex) or "") if match.lastindex else None
    if kind == "relative":
        day = filed - timedelta(days=_RELATIVE_DAYS[match.group(1)])
    elif kind == "day":
        day = _day_in_month_of(cn_number(match.group(1)) or 0, filed)
    elif kind == "md":
        day = _latest_not_after(cn_number(match.group(1)) or 0, cn_number(match.group(2)) or 0, filed)
    else:  # a full date says it all
        year, month, number = (cn_number(g) for g in match.group(1, 2, 3))
        day = _valid(year, month, number) if year and month and number else None
        year_source = "stated"
    if day is None:
        return None
    value = f"--{day.month:02d}-{day.day:02d}" if year_source == "none" else day.isoformat()
    return FoundDate(match.start(), match.end(), value, year_source, daypart)


def publication_date(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
