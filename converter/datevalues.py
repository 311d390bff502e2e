"""Dates and times of the tree as plain parts, and in Beijing time.

The tree keeps XSD values (`2022-10-24`, `--10-24`, `---22`, `2023-10-12T09:43:26`): exact, but
few JSON consumers parse gMonthDay. The JSON adds {year, month, day} beside them. Chinese pages
give their times in Beijing time (UTC+8, no daylight saving) without saying so; wherever a time
is written with an offset (JSON parts, DOCX dcterms:created, PDF CreationDate) it is +08:00.
"""

from __future__ import annotations

import datetime as dt
import re

BEIJING = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")
BEIJING_OFFSET = "+08:00"

_DATE = re.compile(r"^(?:(\d{4})|-)-(?:(\d{2})|-)-(\d{2})$")
_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?")


def _number(text: str | None) -> int | None:
    return int(text) if text else None


def date_parts(value: str) -> dict[str, int | None]:
    """{year, month, day} of an xs:date, xs:gMonthDay or xs:gDay value; unknown parts are None."""
    found = _DATE.match(value or "")
    if not found:
        return {"year": None, "month": None, "day": None}
    year, month, day = found.groups()
    return {"year": _number(year), "month": _number(month), "day": _number(day)}


def time_parts(value: str) -> dict[str, object]:
    """{year, month, day, hour, minute, second, utc-offset} of a publication time; a time of
    day is Beijing time, a date alone has no offset."""
    found = _TIME.match(value or "")
    if not found:
        return {"year": None, "month": None, "day": None, "hour": None, "minute": None, "second": None, "utc-offset": None}
    year, month, day, hour, minute, second = found.groups()
    return {
        "year": int(year), "month": int(month), "day": int(day),
        "hour": _number(hour), "minute": _number(minute),
        "second": _number(second) if second else (0 if hour else None),
        "utc-offset": BEIJING_OFFSET if hour else None,
    }


def beijing_time(value: str) -> dt.datetime | None:
    """A publication time (or date, read as midnight) as an aware datetime in Beijing time."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None  # a partial date (--06-20) has no year to give
    return moment.replace(tzinfo=BEIJING) if moment.tzinfo is None else moment
