"""Participants: who presided, attended, relayed, spoke … and the groups that attended.

A sentence of the narrative is a series of comma-separated subjects closed by an action
("局党组书记、局长申长雨主持会议并讲话", "A,B,C参加会议"); the action applies to every subject
since the last one. A subject is a list of persons joined by 、 (each a title and a name, or a
bare name sharing the title before it) or an unnamed group ("局机关各部门正副司长").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..markup import Span
from .annotations import written
from .lines import Line
from .patterns import CJK, alternation
from .names import (COMPOUND_SURNAMES, SURNAMES, GROUP_END, NOT_A_GROUP, NOT_NAMES, ORGANISATION_CHARS, TITLE_AFTER_NAME, TITLE_END, TITLE_WORDS,
                    is_name, split_name_title, split_role_name)

_VERB = (r"主持召开|主持|出席|列席|参加|参会|传达|讲话|讲道|汇报|通报|发言|领学|宣读|介绍|点评|总结|"
         r"说明|解读|部署|布置|培训|就座|上党课|讲党课|请假|缺席")
# 作/做 as a light verb, not as the end of a word (工作报告, 合作, 所作的报告: content).
_LIGHT = r"(?<![所工合创写操协运制动])(?:作|做|进行)了?(?!的)"
# An action phrase, longest readings first; group names tell which action it is. A bare verb
# right after 的/重要 or before 精神/的/、 is a noun or a modifier (…时的讲话精神, 重要讲话,
# 汇报的好): no action.
_ACTION_READINGS = (
    r"在[^,;。]{0,8}?(?P<within>讲话|发言|点评|总结)(?:中|时)"
    r"|(?:总结|动员)(?P<summed>讲话)(?!精神)"
    r"|%s(?:[^,;。并]{0,6}?)(?P<made>讲话|报告|发言)"
    r"|%s(?:[^,;。并]{0,4}?)(?P<did>说明|总结|点评|解读|部署|汇报|通报|培训|介绍|宣读|传达)"
    r"|发表了?[^,;。]{0,4}?(?P<speech>讲话)"
    r"|(?P<exchange>作研讨交流|作交流|(?:作|开展|进行)了?[^,;。并]{0,4}?研讨(?:交流)?|谈了?[^,;。]{0,6}?(?:看法|体会|认识|感受))"
    r"|(?P<led>带领[^,;。]{0,10}?学习|带大家[^,;。]{0,6}?学习)"
    r"|(?<!的)(?<!重要)(?P<verb>%s)(?!精神|的)" % (_LIGHT, _LIGHT, _VERB)
)
# The characters every reading starts with. re finds no such set itself (the lookbehinds before
# 作/做 and the bare verbs hide it), so it tried every reading at every position of a clause;
# this lookahead makes a search about five times faster and changes no match
# (tests/test_parser_rules.py derives the set from the readings).
ACTION_FIRST = "上主介传作做出列动参发在培宣就布带开总汇点缺解讲说请谈进通部领"
ACTION = re.compile(f"(?=[{ACTION_FIRST}])(?:{_ACTION_READINGS})")
_CANONICAL = {"主持召开": "主持", "参会": "参加", "讲党课": "上党课", "报告": "作报告", "讲道": "讲话"}
# What may stand between a subject and its action: adverbs, time words, short prepositional and
# locative phrases (在主席台), 受…委托, 一行, a coordinated verb (重温、领学), a qualifier of 发言
# (表态发言, 剖析发言). 以及 and 代表和 are no gap: they join a group's tail (…成员以及…成员).
_GAP = re.compile(
    r"(?:等?共?\d+余?(?:名|位)?(?:人|同志)?|等|也|还|均|亦|又|分别|先后|一同|共同|一起|首先|随后|最后|接着|然后|现场|专门|亲自|详细|认真|"
    r"重点|逐条|逐一|依次|逐个|集中|同时|特别|简要|全面|深入|通过视频(?:连线)?(?:方式)?|以视频方式|视频|应邀|受邀|常务|一行|"
    r"昨天|今天|昨日|今日|当天|近日|日前|上午|下午|晚上|会上|会后|会前|随即|并|于[^,;。]{1,10}?(?:后|前|上|中|时)|"
    r"受[^,;。]{1,20}?委托|在[^,;。]{1,40}?(?:上|中|时|后|前|室|厅|堂|馆|楼|场|内|处|台)|"
    r"(?:给|向|对|为|就|围绕|结合|以(?!及)|从|代表(?![和及、们]))[^,;。]{1,40}?|"
    r"[%s]{2}、)*" % CJK
)
# Before some actions the gap may end in a word of their own: a qualifier of 发言 (表态发言,
# 剖析发言) or any place before 就座 (在前排就座).
_GAP_BEFORE = (("发言", re.compile(r"[%s]{2}" % CJK)), ("就座", re.compile(r"在[^,;。]{1,12}")))


def gap_between(shadow: str, start: int, end: int) -> bool:
    """Whether shadow[start:end] can stand between a subject and the action at `end`."""
    if _GAP.fullmatch(shadow, start, end):
        return True
    for action, tail in _GAP_BEFORE:
        if shadow.startswith(action, end):
            for cut in range(start, end):
                if tail.fullmatch(shadow, cut, end) and _GAP.fullmatch(shadow, start, cut):
                    return True
    return False
_AND_GROUP = re.compile(r"以及|及|和|等(?![,;。])")
# What opens a clause before its subject: a time, or a sequencing adverb (最后沈涛校长作总结).
_LEADING_TIME = re.compile(
    r"(?:\s|\d{1,4}\s*[年月日号时]|[〇零一二三四五六七八九十]{1,4}\s*[年月日号]|上午|下午|中午|晚上?|今天|昨天|近日|日前|"
    r"最后|随后|首先|然后|接着|其次|同时|此外|另外|会上|会中|会后|会议(?=[^,;。由]{2,30}?主持))*由?"
)
_MAX_SUBJECT = 80
# A noun-phrase report: 听取了[title]NAME作的…汇报 / 围绕NAME所作(的)报告.
_NOMINAL_REPORT = re.compile(
    r"(?:听取了?|围绕|审议了?)(?P<who>[^,;。的]{2,30}?)所?作的?(?:[^,;。]{0,40}?)(?P<act>汇报|报告|说明|讲话|发言)"
)
_BARE_REPORT = re.compile(r"(?P<who>[^,;。的]{2,30}?)所?作的(?:[^,;。]{0,40}?)(?P<act>汇报|报告|说明|讲话|发言)")
# What makes an action part of relayed content: …出席…会议时的讲话 / …上的讲话精神.
# 会议由…主持 / 集中学习由…主持, at the start of a clause.
_PASSIVE = re.compile(r"(?:[^,;。由]{0,12}?(?:会议|会|学习|活动|座谈|研讨|仪式|培训))?由(.{2,80}?)主持")
_CONTENT_TAIL = re.compile(r"(?:(?!了|传达|学习)[^,;。]){0,30}?(?:时|上|中)的(?:重要)?(?:讲话|致辞|指示|批示|精神)")
_TOPIC = re.compile(r"就|围绕|关于|对")
_IN_TOPIC = re.compile(r"、|(?:工作)?(?:提出|强调|作出|做出)")
# Bodies that report or speak at a meeting as one (各乡镇, 某区司法局, 各街道).
_REPORTING_BODY = re.compile(r"(?:局|部|办|院|委|处|厅|所|中心|公司|集团|政府|乡镇|镇|乡|村|街道|社区|单位|部门|科室|支部)$")
# What a group does together that is no attendance action, and what marks a phrase as plural.
_ACTIVITY = re.compile(r"(?:开展|进行)了?[^,;。]{0,6}?(?:学习|研讨)|集中学习|述职|述责|述廉|研讨通过")
_PLURAL_GROUP = re.compile(r"全体|各|成员|们|班子|干部|党员|代表|人员|职工")


_LIST_ROLE_JUNK = re.compile(r"了|传达|学习|听取|审议|召开|举行|讲话|精神|并|出席|参加|主持|列席|会议|[在对就把被将向给是]")


def _listed_person(shadow: str, start: int, end: int) -> tuple[int, list[Mention]] | None:
    """A clause of a subject list that ends in a name after a role no rule reads as a title."""
    for size in (3, 2):
        role, name = shadow[start : end - size], shadow[end - size : end]
        titled = TITLE_END.search(role) or GROUP_END.search(role) or _ORGANISATION_END.search(role)
        if 2 <= len(role) <= 20 and titled and is_name(name) and name[:2] not in NOT_NAMES and not _LIST_ROLE_JUNK.search(role):
            if not any(ch in ORGANISATION_CHARS for ch in name[1:]):
                return start, [Mention(0, end - start, name, 0, len(role), guessed=True)]
    return None


_STOP = re.compile(r"[。!?;]")


def _sentence_end(shadow: str, start: int, end: int) -> int:
    stop = _STOP.search(shadow, start, end)
    return stop.start() if stop else end


def _without_affiliation(shadow: str, pending: list[tuple[int, list[Mention]]], subjects) -> list[tuple[int, list[Mention]]]:
    """"集团公司副总经理,青禾科技公司党委书记、董事长陆远航主持": a lone office title right
    before a titled person is that person's other affiliation, no group."""
    first = subjects[0][1][0] if subjects and subjects[0][1] else None
    if not pending or first is None or not first.name or first.role_end <= first.role_start:
        return pending
    offset, mentions = pending[-1]
    if len(mentions) != 1 or mentions[0].name is not None:
        return pending
    text = shadow[offset + mentions[0].start : offset + mentions[0].end]
    lone = TITLE_END.search(text) and not _PLURAL_GROUP.search(text) and not re.search(r"[、和及等]|部分|有关|相关", text)
    return pending[:-1] if lone else pending


# A title word near the start of a clause: only then can the clause open with a titled person.
TITLE_HEAD = re.compile(r".{0,14}?(?:%s)" % "|".join(sorted(TITLE_WORDS, key=len, reverse=True)))
# Verbs that may follow a subject; a name never ends in their first character.
_VERB_AT = re.compile(r"认为|指出|强调|要求|提出|决定|号召|明确|听取|审议|表示|充分|肯定|希望|介绍|主持|出席|参加|"
                      r"代表|结合|就|对|在|向|为|到|以|从|于")
# How a clause without a subject of its own opens: a joining word, an adverb, or straight into a
# prepositional phrase or the light verb (…,并在…中作了发言 / …,对…做出安排部署).
_SUBJECTLESS = re.compile(r"(?:并且?|还|又|也|随后|然后|同时|接着|再|后)?(?=[对就向给为在从围绕结合针对作做进带发主讲])|并且?|还|又|随后|然后|同时|接着")
LIST_LINE = re.compile(r"^(?:会议)?(出席|列席|请假|缺席|主持|参会|参加)(?:人员|领导|人)?\s*:")
# Items that end like a group are never a title + name (院领导班子 is not 院领导 + 班子).
_GROUP_WORD_END = re.compile(r"(?:班子|同志|干部|成员|代表|人员|党员|职工|群众|学生|员工|领导)$")
# A group is a noun phrase: it does not open with a verb or an adverb, nor hold 了 or a book title.
_NOT_GROUP_TEXT = re.compile(
    r"^(?:组织|认真|深入|学习(?!小组|组|班)|传达|贯彻|召开|举行|听取|审议|研究(?![院所会室中生])|会议|切实|积极|进一步|结合|围绕|针对|关于|按照|根据|通过|为了|在)"
    r"|了|《|(?<!主)要|[将把被是]|进行|开展|针对|围绕|关于|传达|动员$|^[他她我你]|向|结合|带领"
)
_OPEN, _CLOSE = "(《“‘[【「", ")》”’]】」"
_CLAUSE_CHARS = re.compile("[%s]" % re.escape(_OPEN + _CLOSE + ",;。!?:"))


def action_of(match: re.Match) -> str:
    if match.group("made"):
        word = match.group("made")
        return "作报告" if word == "报告" else word
    if match.group("did"):
        return match.group("did")
    if match.group("within"):
        return match.group("within")
    if match.group("speech") or match.group("summed"):
        return "讲话"
    if match.group("exchange"):
        return "发言"
    if match.group("led"):
        return "领学"
    word = match.group("verb")
    return _CANONICAL.get(word, word)


@dataclass(frozen=True)
class Mention:
    """A person or group inside a subject; positions are relative to the subject's start."""

    start: int
    end: int
    name: str | None  # None for a group (folded form; the original is cut from the line)
    role_start: int = 0
    role_end: int = 0  # role_start == role_end: no title
    guessed: bool = False  # a name only the list around it makes one


def clauses(shadow: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, mark) of each clause in shadow[start:end]; mark is the punctuation closing it."""
    found: list[tuple[int, int, str]] = []
    depth, clause_start = 0, start
    quote = False
    for mark in _CLAUSE_CHARS.finditer(shadow, start, end):
        index, ch = mark.start(), mark.group()
        if ch == "“" and quote:  # “…“: a mistyped closing mark, else the bracket never closes
            depth, quote = max(0, depth - 1), False
        elif ch in _OPEN:
            depth += 1
            quote = ch == "“" or quote
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
            quote = quote and ch != "”"
        elif depth == 0 and ch in ",;。!?:":
            found.append((clause_start, index, ch))
            clause_start = index + 1
    if clause_start < end:
        found.append((clause_start, end, ""))
    return found


def _items(text: str) -> list[tuple[int, int]]:
    """Positions of the 、-separated items of a subject, brackets respected."""
    if "、" not in text:
        return [(0, len(text))]
    spans, depth, start = [], 0, 0
    for index, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch == "、" and depth == 0:
            spans.append((start, index))
            start = index + 1
    spans.append((start, len(text)))
    return spans


# A role is a title or an organisation: it holds no verb of the narrative and no particle.
_ROLE_JUNK = re.compile(r"了|的|[和及]|传达|学习(?!中心组|小组|组|班|会)|听取|审议|召开|举行|讲话|精神|并|出席|参加|主持|会议(?!室)")
# An organisation standing for the role before a name (镇党委罗青山, 省直机关工委王春黎同志).
_ORGANISATION_END = re.compile(r"(?:委|党委|党组|局|部|办|院|会|组|处|厅|所|司|队|科|室|中心|公司|集团|政府|支部|总支|协会|学会|商会)$")


# Words of a group, not of one person's organisation.
_PLURAL = re.compile(r"各|和|及|有关|部分|全体|所有|其他")


def _role_ok(role: str) -> bool:
    return not role or not _ROLE_JUNK.search(role)


def _person_item(item: str) -> tuple[int, int, str, int] | None:
    """(role_start, role_end, name, end) of one item, positions within the item.

    "局长申长雨", "申长雨", "王春黎同志", "陈延涛等", a title after the name ("吕伟涛副所长"), an
    organisation before it ("镇党委罗青山", "外科刘爱武主任": the organisation is the role).
    """
    core = re.sub(r"(?:等|[两二三四五六七八九十\d]+位)(?:领导|同志|人)?$", "", item)
    if core.endswith("同志"):
        if _GROUP_WORD_END.search(core[:-2]):
            return None
        # 妇联主席严梦同志: the split whose role ends like a title wins over 席严梦
        fallback = None
        for size in (3, 2, 4):
            name = core[-2 - size : -2]
            role = core[: -2 - size]
            if len(role) in (0,) + tuple(range(2, 41)) and is_name(name) and _role_ok(role) and not _PLURAL.search(role):
                if not role or TITLE_END.search(role) or _ORGANISATION_END.search(role):
                    return 0, len(role), name, len(core) - 2
                fallback = fallback or (0, len(role), name, len(core) - 2)
        return fallback
    if _GROUP_WORD_END.search(core):
        return None
    found = split_role_name(core)
    if found and _role_ok(found[0]):
        return 0, len(found[0]), found[1], len(core)
    after = split_name_title(core)
    if after:
        name, title = after
        return len(name), len(core), name, len(core)
    return _organisation_person(core)


def _organisation_person(core: str) -> tuple[int, int, str, int] | None:
    """"镇党委罗青山" / "外科刘爱武主任": an organisation, a name, perhaps a title after it."""
    title = TITLE_AFTER_NAME.search(core)
    body = core[: title.start()] if title and title.start() > 0 else core
    for size in (3, 2):
        if len(body) - size < 2:
            continue
        role, name = body[:-size], body[-size:]
        if (is_name(name) and name[:2] not in NOT_NAMES and not any(ch in ORGANISATION_CHARS for ch in name[1:]) and _role_ok(role)
                and len(role) <= 16 and _ORGANISATION_END.search(role) and not _PLURAL.search(role)):
            return 0, len(role), name, len(core)
    return None


def _guessed_name(item: str) -> bool:
    """An item of a titled list that no rule reads as a name, but may be one the surname table
    does not know (次仁旺堆, 买买提江): 2–4 Chinese characters and nothing that no name holds."""
    return (2 <= len(item) <= 6 and all("\u3400" <= ch <= "\u9fff" for ch in item)
            and not any(ch in "的了及与等在是对把被给就该各并和为向将" for ch in item)
            and not GROUP_END.search(item) and not TITLE_END.search(item) and item not in NOT_NAMES
            and not _ORGANISATION_END.search(item))


_ANY_TITLE = re.compile(alternation(TITLE_WORDS))


def _titled_guess(item: str, following: str) -> int:
    """Where the title ends in "县政协副主席扎西顿珠" when the next item of the list is a name
    (扎西顿珠、李晓红): the unknown rest is a name, as the list shows. 0 if not."""
    ends = [m.end() for m in _ANY_TITLE.finditer(item)]
    if not ends or not _guessed_name(item[ends[-1]:]) or _person_item(following) is None:
        return 0
    return ends[-1]


def parse_persons(text: str) -> list[Mention] | None:
    """The persons of a subject, or None if it is not a list of named persons (see _persons)."""
    found = _persons(text)
    return list(found) if found is not None else None


@lru_cache(maxsize=4096)
def _persons(text: str) -> tuple[Mention, ...] | None:
    """The persons of a subject, or None if it is not a list of named persons.

    The list decides an item it cannot read alone: after a titled name, an unknown 2–4
    character item is taken as a name sharing that title (marked as a guess); an organisation
    item before a title shares it (监事会、工会主席蓝天佑 chairs both).
    """
    items = _items(text)
    mentions: list[Mention] = []
    role_start: int | None = None
    shared = (0, 0)
    for index, (start, end) in enumerate(items):
        item = text[start:end]
        person = _person_item(item)
        if person:
            own_role_start, own_role_end, name, item_end = person
            own_start = role_start if role_start is not None and own_role_start == 0 else start
            if own_role_end > own_role_start:
                first = own_start if own_role_start == 0 else start + own_role_start
                shared = (first, start + own_role_end)
            elif role_start is not None:
                return None  # a bare title then a bare name: not one of our patterns
            mentions.append(Mention(own_start, start + item_end, name, *shared))
            role_start = None
        elif TITLE_END.search(item) or (
            _ORGANISATION_END.search(item) and index + 1 < len(items) and len(item) <= 12 and _role_ok(item)
        ):  # a title (or an organisation) joined by 、 to the next one: 县委常委、副县长…
            role_start = start if role_start is None else role_start
        elif mentions and shared != (0, 0) and role_start is None and _guessed_name(item):
            mentions.append(Mention(start, end, item, *shared, guessed=True))
        elif not mentions and role_start is None and len(items) > 1 and _titled_guess(item, text[items[1][0]:items[1][1]]):
            cut = _titled_guess(item, text[items[1][0]:items[1][1]])
            shared = (start, start + cut)
            mentions.append(Mention(start, end, item[cut:], *shared, guessed=True))
        else:
            return None
    return tuple(mentions) if mentions and role_start is None else None


def _could_be_subject(text: str) -> bool:
    """A cheap test before parse_subject: a subject ends in a name, a group noun, a title after
    a name, 同志/等, or is a 、-list. Most of the candidate cuts of a clause end in none."""
    size = len(text)
    if (size >= 2 and text[-2] in SURNAMES) or (size >= 3 and text[-3] in SURNAMES) or (
            size >= 4 and (text[-4] in SURNAMES or text[-4:-2] in COMPOUND_SURNAMES)):
        return True
    if "、" in text or "·" in text or text.endswith(("同志", "等", "领导", "人")):
        return True
    return GROUP_END.search(text) is not None or TITLE_AFTER_NAME.search(text) is not None


def parse_subject(text: str) -> list[Mention] | None:
    """Persons, a group, or persons joined to a group by 及/和 — or None."""
    found = _subject_of(text)
    return list(found) if found is not None else None


@lru_cache(maxsize=4096)
def _subject_of(text: str) -> tuple[Mention, ...] | None:
    if not text or len(text) > _MAX_SUBJECT:
        return None
    persons = parse_persons(text)
    if persons:
        return tuple(persons)
    for joint in _AND_GROUP.finditer(text):
        right = text[joint.end() :]
        if joint.group() in "和及" and (right_persons := parse_persons(right)) and right_persons[0].role_end > 0:
            # 副主席王琳和秘书长黄涛: two titled persons joined by 和
            left = parse_persons(text[: joint.start()])
            if left:
                shift = joint.end()
                return tuple(left) + tuple(
                    Mention(m.start + shift, m.end + shift, m.name, m.role_start + shift, m.role_end + shift, m.guessed)
                    for m in right_persons)
        if not GROUP_END.search(right) or NOT_A_GROUP.match(right) or _NOT_GROUP_TEXT.search(right):
            continue
        left = parse_persons(text[: joint.start()])
        if left:
            return tuple(left) + (Mention(joint.end(), len(text), None),)
    if GROUP_END.search(text) and not NOT_A_GROUP.match(text) and len(text) >= 3:
        if not _NOT_GROUP_TEXT.search(text):
            # "以及各乡镇负责同志": the joining word is not part of the group.
            lead = len(text) - len(re.sub(r"^(?:以及|及|和|还有)", "", text))
            return (Mention(lead, len(text), None),)
    return None


class PeopleFinder:
    """Finds participants clause by clause, and remembers who was named last (for 他/她)."""

    def __init__(self, context) -> None:
        self.context = context
        self.last_person: tuple[str, str] | None = None  # (name, id)
        self.known: dict[str, str] = {}  # name (folded) -> id of first mention
        self.written: dict[str, str] = {}  # name (folded) -> the name as written

    def by_surname_and_title(self, head: str) -> tuple[str, str] | None:
        """"陈主席" → (written name, id) of the one person named before whose surname is 陈."""
        found = [name for name in self.known if name[:1] == head[0]]
        if len(found) != 1:
            return None
        return self.written[found[0]], self.known[found[0]]

    @staticmethod
    def has_action(text: str) -> bool:
        """Whether a stretch of text holds an attendance action (主持, 出席 …)."""
        return ACTION.search(text) is not None

    def person_span(self, line: Line, mention: Mention, offset: int, actions: list[str]) -> Span:
        """A person span; name and role are cut from the original text, as written."""
        person_id = self.context.next_person_id()
        name_start = line.shadow.find(mention.name or "", offset + mention.start, offset + mention.end)
        name = written(line, name_start, name_start + len(mention.name or ""))
        attrs = {"id": person_id, "name": name}
        role = written(line, offset + mention.role_start, offset + mention.role_end)
        if role:
            attrs["role"] = role
        if actions:
            attrs["action"] = " ".join(dict.fromkeys(actions))
        if mention.guessed:
            self.context.guesses.append(f"line {line.number}: {name!r} read as a name from the list around it")
        self.last_person = (name, person_id)
        self.known.setdefault(mention.name or "", person_id)
        self.written.setdefault(mention.name or "", name)
        return Span(offset + mention.start, offset + mention.end, "person", attrs)

    def _spans(self, line: Line, subjects: list[tuple[int, list[Mention]]], actions: list[str]) -> list[Span]:
        spans: list[Span] = []
        for offset, mentions in subjects:
            for mention in mentions:
                if mention.name is None:
                    attrs = {"action": " ".join(dict.fromkeys(actions))} if actions else {}
                    spans.append(Span(offset + mention.start, offset + mention.end, "group", attrs))
                else:
                    spans.append(self.person_span(line, mention, offset, actions))
        return spans

    def _actions_from(self, shadow: str, start: int, end: int) -> list[str]:
        """The first action at `start` and those chained after it with 并 in the clause."""
        first = ACTION.match(shadow, start, end)
        actions = [action_of(first)] if first else []
        for chained in re.finditer(r"并|和", shadow[start:end]):
            follow = ACTION.match(shadow, start + chained.end(), end)
            if follow:
                actions.append(action_of(follow))
        return actions

    def _subject(self, text: str, in_block: bool) -> list[Mention] | None:
        """parse_subject, but inside a statement block an untitled name must be known already:
        there, "全面总结…" is content, not a person called 全面."""
        if not _could_be_subject(text):
            return None
        mentions = parse_subject(text)
        if mentions and in_block and any(
            m.name and m.role_start == m.role_end and m.name not in self.known for m in mentions
        ):
            return None
        return mentions

    @staticmethod
    def _reporting_body(shadow: str, start: int, split: int, action: re.Match) -> list[Mention] | None:
        """"朝阳区司法局、高新区司法局作交流发言": bodies that speak or report act as a group."""
        if action_of(action) not in ("发言", "汇报", "作报告"):
            return None
        text = shadow[start:split]
        if len(text) >= 3 and _REPORTING_BODY.search(text) and not NOT_A_GROUP.match(text) and not _NOT_GROUP_TEXT.search(text):
            return [Mention(0, len(text), None)]
        return None

    def clause_at(self, shadow: str, start: int, end: int):
        """(subjects, actions) of the clause shadow[start:end] read as narrative."""
        start = _LEADING_TIME.match(shadow, start, end).end()
        return self._clause(shadow, start, end, False)

    def _clause(self, shadow: str, start: int, end: int, in_block: bool):
        """(subjects, actions) if the clause is subject + action, (subjects, []) if only a subject."""
        # 会议由…主持 / 集中学习由…主持: what is chaired may be named before 由, and is no role.
        clause = shadow[start:end]
        # The literal words each pattern needs are looked for first: most clauses have neither,
        # and the patterns' lazy gaps cost a search at every position of every clause.
        passive = _PASSIVE.match(clause) if "主持" in clause and "由" in clause else None
        if passive:
            mentions = self._subject(passive.group(1), in_block)
            if mentions:
                return [(start + passive.start(1), mentions)], ["主持"]
        # A subject is at most _MAX_SUBJECT characters and a gap at most ~45: actions further into
        # a long clause cannot close a subject that starts the clause (and would cost O(n²)).
        report = (_NOMINAL_REPORT.search(shadow, start, end) or _BARE_REPORT.match(shadow, start, end)) if "作" in clause else None
        if report:  # 听取了秘书长韩立川作的…汇报: the reporter acts, though in a noun phrase
            mentions = parse_persons(report.group("who"))
            if mentions and all(m.name for m in mentions):
                return [(report.start("who"), mentions)], [_CANONICAL.get(report.group("act"), report.group("act"))]
        for action in ACTION.finditer(shadow, start, min(end, start + _MAX_SUBJECT + 60)):
            for split in range(start + 2, min(action.start(), start + _MAX_SUBJECT) + 1):
                if not gap_between(shadow, split, action.start()):
                    continue
                if _TOPIC.match(shadow, split) and _IN_TOPIC.match(shadow, action.end(), end):
                    continue  # 就贯彻落实会议部署、做好…提出要求: the verb names the topic
                mentions = self._subject(shadow[start:split], in_block) or self._reporting_body(shadow, start, split, action)
                if mentions:
                    if _CONTENT_TAIL.match(shadow, action.end(), end):
                        break  # 出席…时的讲话精神: the action of a relayed speech, content
                    return [(start, mentions)], self._actions_from(shadow, action.start(), end)
        mentions = self._subject(shadow[start:end], in_block)
        return ([(start, mentions)], []) if mentions else (None, [])

    def scan(self, line: Line, start: int, end: int, in_block: bool = False) -> list[Span]:
        """Participant spans in line.shadow[start:end] (positions relative to the line).

        `in_block`: the text is the body of a statement block, where names need a title.

        Within a sentence, a clause without a subject of its own (并在…作了发言, 对…做出安排部署)
        continues the subjects before it; 他/她 opening a clause is the person just named.
        """
        shadow = line.shadow
        listing = LIST_LINE.match(shadow) if start == 0 else None
        if listing:
            return self._listing(line, listing)
        spans: list[Span] = []
        pending: list[tuple[int, list[Mention]]] = []
        actor: list[Span] = []  # who acted last in this sentence
        skip_to = -1
        for clause_start, clause_end, mark in self._split_joined(shadow, clauses(shadow, start, end), in_block):
            if clause_start < skip_to:
                continue
            # "1日局长张三主持…": a time opening the clause is no part of the subject.
            clause_start = _LEADING_TIME.match(shadow, clause_start, clause_end).end()
            subjects, actions = self._clause(shadow, clause_start, clause_end, in_block)
            if mark == ":" and not actions:
                # 对文件的主要内容:服务、业务…等方面作了介绍 — a colon inside a prepositional
                # object: the clause runs on to the end of the sentence
                sentence_end = _sentence_end(shadow, clause_end, end)
                whole = self._clause(shadow, clause_start, sentence_end, in_block)
                if whole[0] and whole[1]:
                    subjects, actions, mark, skip_to = whole[0], whole[1], shadow[sentence_end:sentence_end + 1], sentence_end
            if subjects and actions:
                actor = self._spans(line, _without_affiliation(shadow, pending, subjects) + subjects, actions)
                spans += actor
                pending = []
            elif subjects is None and (group := self._activity(shadow, clause_start, clause_end)):
                # 学院党委理论学习中心组全体成员在…开展集中学习: a group acting, no listed action
                actor = self._spans(line, pending + [group], [])
                spans += actor
                pending = []
            elif subjects and mark in (",", ";", ""):
                pending += subjects
            elif not subjects:
                pronoun = self._pronoun_clause(line, clause_start, clause_end)
                carried = self._predicate(shadow, clause_start, clause_end) if pronoun is None else []
                if pronoun is not None:
                    spans.append(pronoun)
                    actor, pending = [pronoun], []
                elif carried and pending:
                    actor = self._spans(line, pending, carried)
                    spans += actor
                    pending = []
                elif carried and actor:
                    for span in actor:
                        span.attrs["action"] = " ".join(dict.fromkeys(span.attrs.get("action", "").split() + carried))
                        if span.tag == "person":
                            self.last_person = (span.attrs["name"], span.attrs["id"])
                elif not _SUBJECTLESS.match(shadow, clause_start, clause_end):
                    named = None if in_block else self._named_subject(shadow, clause_start, clause_end)
                    listed = _listed_person(shadow, clause_start, clause_end) if pending and mark == "," else None
                    if listed:
                        # "…,副会长冯焕培的代表郭家懋,…列席": inside a list of subjects, a clause
                        # that ends in a name is one more subject (a guess, recorded as such)
                        pending.append(listed)
                        continue
                    if named:
                        # a titled person doing something unlisted (充分肯定了…, 到会指导): no
                        # action, but the mention keeps the role and is whom a later 他 means;
                        # a later clause of the sentence may still give them one (…,对…做出部署)
                        actor = self._spans(line, pending + [named], [])
                        spans += actor
                    pending = []
            else:
                pending = []
            if mark in "。!?;":
                pending, actor = [], []
        return spans

    def _named_subject(self, shadow: str, start: int, end: int) -> tuple[int, list[Mention]] | None:
        """A titled person opening a clause whose verb is not an attendance action."""
        if end - start < 4 or not TITLE_HEAD.match(shadow, start, min(end, start + 20)):
            return None
        # a titled name ends 2–4 characters after a title word (+2 for 同志)
        title_ends = [m.end() for m in _ANY_TITLE.finditer(shadow, start, min(end, start + 20))]
        cuts = sorted({e + k for e in title_ends for k in (2, 3, 4, 5, 6) if e + k <= min(end, start + 24)}, reverse=True)
        for cut in cuts:
            if _VERB_AT.match(shadow, cut - 1):
                continue  # the name would take the first character of the verb after it (王华指出)
            persons = parse_persons(shadow[start:cut])
            if persons and len(persons) == 1 and persons[0].role_end > persons[0].role_start:
                # "各级领导干部要…": a word that starts like a name (干部, 党员) is no person
                if persons[0].name[:2] in NOT_NAMES:
                    continue
                if persons[0].end >= cut - start - 2:
                    return start, persons
        return None

    def _split_joined(self, shadow: str, found: list[tuple[int, int, str]], in_block: bool) -> list[tuple[int, int, str]]:
        """"甲出席会议并讲话、区政协副主席乙通报…": clauses about different people joined by 、
        are two clauses when a titled person and an action follow the 、 after an action."""
        result = []
        for clause_start, clause_end, mark in found:
            cut = None
            if "、" not in shadow[clause_start:clause_end]:
                result.append((clause_start, clause_end, mark))
                continue
            # only a 、 just after an action phrase (…出席会议并讲话、) can join two clauses
            for number, action in enumerate(ACTION.finditer(shadow, clause_start, clause_end)):
                if number >= 8:
                    break
                at = shadow.find("、", action.end(), min(clause_end, action.end() + 6))
                if at == -1 or not all(self._clause(shadow, clause_start, at, in_block)):
                    continue
                subjects, actions = self._clause(shadow, at + 1, clause_end, in_block)
                if subjects and actions and all(m.name and m.role_end > m.role_start for _, ms in subjects for m in ms):
                    cut = at
                    break
            if cut is None:
                result.append((clause_start, clause_end, mark))
            else:
                result += [(clause_start, cut, ","), (cut + 1, clause_end, mark)]
        return result

    def _activity(self, shadow: str, start: int, end: int) -> tuple[int, list[Mention]] | None:
        """An unnamed group + gap + a group activity that is no listed action (开展学习, 述职)."""
        if not _PLURAL_GROUP.search(shadow, start, end):
            return None
        for activity in _ACTIVITY.finditer(shadow, start, min(end, start + _MAX_SUBJECT + 40)):
            for split in range(start + 3, min(activity.start(), start + _MAX_SUBJECT) + 1):
                if not _GAP.fullmatch(shadow, split, activity.start()):
                    continue
                mentions = parse_subject(shadow[start:split])
                if mentions and len(mentions) == 1 and mentions[0].name is None and _PLURAL_GROUP.search(shadow, start, split):
                    return start, mentions
        return None

    def _predicate(self, shadow: str, start: int, end: int) -> list[str]:
        """The actions of a clause that has no subject: 并/还/随后 … gap … action."""
        opening = _SUBJECTLESS.match(shadow, start, end)
        if not opening:
            return []
        for action in ACTION.finditer(shadow, opening.end(), min(end, opening.end() + 60)):
            if gap_between(shadow, opening.end(), action.start()):
                return self._actions_from(shadow, action.start(), end)
        return []

    def _pronoun_clause(self, line: Line, start: int, end: int) -> Span | None:
        """"会上,她向代表们介绍了…": 他/她 + gap + action is the person named just before."""
        shadow = line.shadow
        if not self.last_person or not shadow.startswith(("他", "她"), start) or shadow.startswith(("他们", "她们"), start):
            return None
        for action in ACTION.finditer(shadow, start + 1, min(end, start + 61)):
            if gap_between(shadow, start + 1, action.start()):
                name, _ = self.last_person
                actions = self._actions_from(shadow, action.start(), end)
                self.context.guesses.append(f"line {line.number}: {line.text[start]!r} read as {name}")
                return Span(start, start + 1, "person", {"id": self.context.next_person_id(), "name": name,
                                                         "action": " ".join(dict.fromkeys(actions))})
            break
        return None

    def _listing(self, line: Line, listing: re.Match) -> list[Span]:
        """"出席:张三、李四" lines of a 纪要: every item is a person (or group) with that action."""
        action = {"参会": "参加"}.get(listing.group(1), listing.group(1))
        spans: list[Span] = []
        for item in re.finditer(r"[^、,;\s]+", line.shadow[listing.end() :]):
            offset = listing.end() + item.start()
            mentions = _name_with_note(item.group()) or parse_subject(item.group()) or [
                Mention(0, len(item.group()), None)
            ]
            spans += self._spans(line, [(offset, mentions)], [action])
        return spans


def _name_with_note(item: str) -> list[Mention] | None:
    """"赵六(办公室主任)" (role in brackets) or "钱七(因公出差)" (a reason)."""
    bracketed = re.fullmatch(r"(.{2,4}?)\((.{1,30})\)", item)
    if bracketed and is_name(bracketed.group(1)):
        note_start, note_end = bracketed.span(2)
        titled = TITLE_END.search(bracketed.group(2)) is not None
        return [Mention(0, len(item), bracketed.group(1), *((note_start, note_end) if titled else (0, 0)))]
    return None
