"""Organiser and meeting name in the lead sentence ("10月24日,国家知识产权局召开……大会,")."""

from __future__ import annotations

import re

from ..markup import Span

_STOP = r"[^,;。:!?、\s]"
# ORG (在 PLACE)? 召开/举行 NAME — the organiser holds the meeting.
_HOLDS = re.compile(
    r"(?P<org>%s{2,30}?)(?:在%s{1,20}?)?(?<!主持)(?:召开了?|举行了?|组织召开了?)(?P<name>%s{2,50})" % (_STOP, _STOP, _STOP)
)
# NAME (在 PLACE)? 召开/举行/开幕/闭幕 — the meeting is the subject.
_HELD = re.compile(
    r"(?P<name>%s{2,50}?(?:会议|大会|会|学习|座谈|论坛))(?:\d{1,2}日)?(?:在%s{1,12}?)?(?:召开|举行|开幕|闭幕)" % (_STOP, _STOP)
)
# A meeting's name ends with a word for a meeting; anything after it is the next clause.
_NAME_END = re.compile(r".*(?:会议|大会|会|学习|座谈|论坛|研讨|讲座|活动|党课|培训班)")
# A clause that begins with a person's action is not an organiser (主持召开 …).
_NOT_ORGANISER = re.compile(r"主持|出席|书记|局长|主任|院长|校长|县长|市长|省长|部长")


def lead_spans(shadow: str, after: int) -> list[Span]:
    """Spans for the organiser and the meeting name in the clause following the date."""
    clause_start = after
    while clause_start < len(shadow) and shadow[clause_start] in ", \t电":
        clause_start += 1
    clause_end = len(shadow)
    for mark in ",;。!?":
        position = shadow.find(mark, clause_start)
        if position != -1:
            clause_end = min(clause_end, position)
    clause = shadow[clause_start:clause_end]
    spans: list[Span] = []
    holds = _HOLDS.match(clause)
    if holds:
        name = _NAME_END.match(holds.group("name"))
        if not _NOT_ORGANISER.search(holds.group("org")):
            spans.append(Span(clause_start + holds.start("org"), clause_start + holds.end("org"), "organiser"))
        if name:
            start = clause_start + holds.start("name")
            spans.append(Span(start, start + name.end(), "meeting-name"))
        return spans
    held = _HELD.match(clause)
    if held:
        spans.append(Span(clause_start + held.start("name"), clause_start + held.end("name"), "meeting-name"))
    return spans
