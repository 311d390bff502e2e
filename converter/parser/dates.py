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
# "221日": the 月 was lost in copying; read as month 2, day 21 (marked as a guess).
_LOST_MONTH = re.compile(r"(?<![\d月年.:])([1-9]|1[0-2])([0-3]\d)日" + _DAYPART)
_DAY = re.compile(r"(?<![\d月年.:一二三四五六七八九十])" + _NUM + r"\s*[日号]" + _DAYPART)
_RELATIVE = re.compile(r"(前天|昨天|昨日|今天|今日|当天|当日)" + _DAYPART)
_RELATIVE_DAYS = {"前天": 2, "昨天": 1, "昨日": 1, "今天": 0, "今日": 0, "当天": 0, "当日": 0}
_DAYPARTS = {"上午": "morning", "早上": "morning", "凌晨": "morning", "中午": "noon",
             "下午": "afternoon", "傍晚": "evening", "晚上": "evening", "晚间": "evening",
             "晚": "evening", "夜间": "night"}
# "2025年度第十次", "2026年第2次", "2023年党组理论学习中心组第7次": the year of a session series.
_SERIES_YEAR = re.compile(r"(\d{4})\s*年度?[^,。;:!?]{0,15}?第[\d一二三四五六七八九十百]+[次期届]")


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


def _first_match(shadow: str):
    best = None
    for kind, pattern in (("full", _FULL), ("md", _MONTH_DAY), ("lost", _LOST_MONTH),
                          ("day", _DAY), ("relative", _RELATIVE)):
        match = pattern.search(shadow)
        if match and (best is None or match.start() < best[1].start()):
            best = (kind, match)
    return best


def find_date(shadow: str, published: date | None, series: int | None) -> FoundDate | None:
    """The first date expression of a lead paragraph, completed to the fullest form knowable."""
    found = _first_match(shadow)
    if not found:
        return None
    kind, match = found
    daypart = _DAYPARTS.get(match.group(match.lastindex) or "") if match.lastindex else None
    if kind == "relative":
        if published is None:
            return None
        day = published - timedelta(days=_RELATIVE_DAYS[match.group(1)])
        return FoundDate(match.start(), match.end(), day.isoformat(), "publication", daypart)
    if kind == "full":
        year, month, day = (cn_number(g) for g in match.group(1, 2, 3))
        result = _complete(month, day, year, "stated", published) if year and month and day else None
    else:
        month = cn_number(match.group(1)) if kind in ("md", "lost") else None
        day = cn_number(match.group(2) if kind in ("md", "lost") else match.group(1))
        if day is None or (kind != "day" and month is None):
            return None
        result = _complete(month, day, series, "series", published)
    if result is None:
        return None
    value, year_source = result
    return FoundDate(match.start(), match.end(), value, year_source, daypart, guessed=kind == "lost")


def publication_date(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
