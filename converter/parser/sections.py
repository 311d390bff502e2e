"""Statement blocks (会议认为 / 会议指出 / 申长雨强调 / 他要求 …) and the numbered points in them.

A block opens where a sentence opens with its marker: 会议 (or a person, or 他/她 for the person
just named), an optional adverb and a statement verb. It runs to the next marker or the end of
the paragraph, and on into the next paragraphs when its marker stood alone as a heading, when it
ended with a colon, or when the next paragraph carries on its numbering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..markup import Span
from .annotations import written
from .lines import Line
from .names import ORGANISATION_CHARS, is_alias, is_name, is_short_reference
from .patterns import CJK, cn_number
from .people import PeopleFinder, parse_persons

# 决定 states something only when its content follows a mark (会议决定:… / 决定,成立…); with a
# noun right after it (会议决定人事任免事项) it is an agenda act, no block.
_STATEMENT = "认为|指出|强调|要求|提出|决定(?=[,:])|号召|明确"
_STATEMENT_WORDS = ("认为", "指出", "强调", "要求", "提出", "决定", "号召", "明确")
# Agenda verbs combine (传达学习, 审议通过, 讨论研究 …); at least one of them must be a listed one.
_AGENDA = r"(?:传达|学习|贯彻|落实|审议|讨论|研究|听取|通过|表决|部署){1,4}"
_LISTED_AGENDA = re.compile(r"传达|学习|审议|研究|听取|通过|部署")
_ADVERB = (r"(?:一致|还|同时|进一步|再次|首先|主要|深入|集中|书面|认真|重点|充分|原则|专题|全面|系统|"
           r"最后|随后|另外|也|又|逐项|分别|先后|一并|专门|共同|随即|原则上)")
_NOT_AGENDA_OBJECT = r"(?!视频|电视|网络|线上|远程|现场|会议|大会)"
# An adverbial opening a sentence before its subject: 在听取发言后, / 会上, / 就下一步工作,
_LEAD = (r"(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.、](?!\d)|\([一二三四五六七八九十\d]{1,3}\))?"
         r"(?:(?:在[^,。;!?]{1,40}?(?:后|时|中|上|前)|会上|随后|最后|同时|此外|另外|其间|会议期间|下一步|就[^,。;!?]{1,30}?),)?")
# Garbled characters (锟斤拷, U+FFFD) where a word of the marker was: what is legible still reads.
_GARBLE = r"(?:锟斤拷|\ufffd)+"
# Any two-character adverb (原文, 集体, 逐项 …) before an agenda verb whose object opens right after
# it (了, 《, “, :): the verb and its object make the position certain, so the adverb need not be listed.
_FREE_ADVERB = r"(?!%s)[%s]{2}(?=(?:%s)(?:了|[《“\":]))" % (_AGENDA, CJK, _AGENDA)
_MEETING_MARKER = re.compile(
    _LEAD + r"(?P<subject>(?:本次|这次|此次)?会议)(?:%s|%s)*(?:%s)?(?P<verb>%s|%s)%s(?:并(?:原则)?(?:同意|批准))?(?P<le>了)?"
    % (_ADVERB, _GARBLE, _FREE_ADVERB, _STATEMENT, _AGENDA, _NOT_AGENDA_OBJECT)
)
# What may stand between a person and the statement verb: adverbs, a locative or temporal phrase
# (在会上 / 在听取…后), a topic or stance phrase (就… / 对… / 结合…, / 从…等方面), 代表…, and the
# light verb 进行 (对…进行再次强调). Topic phrases may close with a comma (结合工作实际,就…提出).
_PERSON_GAP = (r"(?:在[^,。;!?]{0,30}?(?:中|上|时|后|前|期间)|会上|还|也|又|进一步|再次|同时|首先|最后|特别|"
               r"重点|深刻|专门|明确|充分|郑重|随后|着重|(?:总结|动员|重要)?(?:讲话|发言|点评)(?:中|时)|"
               r"(?:就|对|围绕|结合|针对|从|根据|立足|代表|面向|按照|联系)[^。;!?:]{1,50}?,?|进行了?|作了?|做了?|"
               r"同志)*")
_PERSON_GAP_RE = re.compile(_PERSON_GAP)
# A person opens a block with a statement verb, or by hearing or examining (苏蓉副校长听取了…).
_PERSON_STATEMENT = _STATEMENT + "|听取|审议"
_PERSON_STATEMENT_RE = re.compile(_PERSON_STATEMENT)
_PERSON_VERB = re.compile(_PERSON_GAP + r"(?P<verb>%s)(?P<le>了)?" % _PERSON_STATEMENT)
_FOLLOWED_BY_STATEMENT = re.compile(r"(?:提出|强调|指出|认为)")
_PERSON_LEAD = re.compile(_LEAD)
# A statement joined to an action sentence: ,并(对…)提出 or a further ,对…提出 clause.
_AND_STATEMENT = re.compile(
    r"(?:,?并(?:(?:对|就|围绕|结合)[^,。;!?]{1,40}?)?|,(?:对|就|围绕|结合)[^,。;!?]{1,40}?)(?P<verb>%s)(?P<le>了)?"
    % _STATEMENT
)
_CLAUSE_COMMA = re.compile(r",")
_RELAYING = re.compile(r"传达|学习|精神|转达")


_STOP = re.compile(r"[。!?;]")
_CLAUSE_END = re.compile(r"[,。;!?:]")


def _sentence_end(shadow: str, start: int) -> int:
    stop = _STOP.search(shadow, start)
    return stop.start() if stop else len(shadow)


_SENTENCE_START = re.compile(r"(?:^|(?<=[。!?;])|(?<=[。!?][”’\"]))\s*")
_AFTER_MARKER = re.compile(r"[\s,:]*[“\"]?")

_CN = r"[一二三四五六七八九十]{1,3}"
_ITEM_STYLES = (
    ("yao", re.compile(r"(%s)要" % _CN)),
    ("shi", re.compile(r"(%s)是" % _CN)),
    ("paren-cn", re.compile(r"\((%s)\)" % _CN)),
    ("dun-cn", re.compile(r"(%s)、" % _CN)),
    ("paren-num", re.compile(r"\((\d{1,2})\)")),
    ("num", re.compile(r"(\d{1,2})[.、](?!\d)")),
    ("di", re.compile(r"第(%s)(?=[,、:是])" % _CN)),
)
_ITEM_OPENS = "。;:,!?"


@dataclass
class Marker:
    sentence_start: int  # where the block begins (its leading adverbial included)
    subject_start: int
    subject_end: int
    end: int  # end of the marker (verb, and 了)
    kind: str
    speaker: str | None  # "会议", or None while a person speaker is still to be resolved
    pronoun: bool = False
    follows_action: bool = False


@dataclass
class OpenBlock:
    id: str
    kind: str
    speaker: str
    speaker_ref: str | None
    style: str | None
    last_item: int
    wants_more: bool


# What a statement's object is called when only the object is named: 提出了具体要求。
_NAMED_STATEMENT = re.compile(r"[^,。;!?:]{0,30}?(?:要求|意见|建议|希望|目标|任务)$")
_ENUMERATION_START = re.compile(r"\s*(?:[一二三四五六七八九十]是|[一二三四五六七八九十]要|第一|首先|1[.、]|\(一\)|一、)")


def _names_only(shadow: str, body_start: int, end: int, people: PeopleFinder) -> bool:
    """A 提出 block needs content: "提出具体要求" followed by the next actor ("…,镇长方明远作总结")
    or by another block names the statement without saying it."""
    stop = _CLAUSE_END.search(shadow, body_start, end)
    close = stop.start() if stop else end
    if not _NAMED_STATEMENT.fullmatch(shadow, body_start, close):
        return False
    mark = shadow[close] if close < end else ""
    rest = close + 1
    if mark == ":":
        return False
    if rest >= end:
        # another block follows at once: nothing was said; at the end of the paragraph the
        # statement may still come in the next one
        return end < len(shadow)
    if _ENUMERATION_START.match(shadow, rest, end):
        return False
    next_stop = _CLAUSE_END.search(shadow, rest, end)
    next_end = next_stop.start() if next_stop else end
    subjects, actions = people.clause_at(shadow, rest, next_end)
    return bool(subjects and actions)


def _group_acted(spans: list[Span], shadow: str, position: int) -> bool:
    """Whether the last participant of the sentence before `position` is an unnamed group."""
    sentence = max(shadow.rfind(mark, 0, position) for mark in "。!?;") + 1
    for span in reversed(spans):  # spans come in text order: the sentence's are the last ones
        if span.start < sentence:
            return False
        if span.tag in ("person", "group") and span.start < position:
            return span.tag == "group"
    return False


class SectionFinder:
    """Finds statement blocks line by line, carrying an open block over to the next line."""

    def __init__(self, context) -> None:
        self.context = context
        self.open: OpenBlock | None = None
        # A marker standing alone at the end of a line ("会议指出") is a block only if the next
        # line carries its text; its spans wait here until then.
        self.deferred: tuple[int, list[Span]] | None = None
        self.flushed: list[tuple[int, list[Span]]] = []

    # ---- markers -------------------------------------------------------------------------

    def _person_marker(self, shadow: str, start: int, people: PeopleFinder, strict: bool = False) -> Marker | None:
        """A person (or 他/她) + gap + statement verb at `start`; `strict`: the person must carry a
        title or have been named before (inside a sentence, 严格/鲜明 + 要求 are no names)."""
        lead = _PERSON_LEAD.match(shadow, start)
        subject_start = lead.end() if lead else start
        if shadow.startswith(("他", "她"), subject_start):
            verb = _PERSON_VERB.match(shadow, subject_start + 1)
            if verb:  # resolved when the block is built, after the narrative before it is read
                return Marker(start, subject_start, subject_start + 1, verb.end(),
                              verb.group("verb"), None, pronoun=True)
            return None
        stop = re.search(r"[。;!?:]", shadow[subject_start : subject_start + 90])
        window = shadow[subject_start : subject_start + (stop.start() if stop else 90)]
        # The marker is the first statement verb that only a gap separates from the person: the
        # verbs of a topic phrase (就落实会议要求提出…) are skipped because the gap runs on past
        # them to a verb of its own. Heads are checked last, and once each: they cost the most.
        heads: dict[int, bool] = {}
        for found in _PERSON_STATEMENT_RE.finditer(window):
            if _FOLLOWED_BY_STATEMENT.match(window, found.end()) or window.startswith("的", found.end()):
                continue  # 要求提出: the object of a topic phrase; 审议通过的: a modifier
            for cut in range(2, min(found.start(), 24) + 1):
                if not _PERSON_GAP_RE.fullmatch(window, cut, found.start()):
                    continue
                if cut not in heads:
                    heads[cut] = self._speaker_head(window[:cut], people, strict)
                if heads[cut]:
                    verb_end = subject_start + found.end()
                    verb_end += shadow.startswith("了", verb_end)
                    return Marker(start, subject_start, subject_start + cut, verb_end, found.group(), None)
        return None

    @staticmethod
    def _speaker_head(head: str, people: PeopleFinder, strict: bool = False) -> bool:
        """Whether `head` names one person: titled, already known, or 陈主席 for a known 陈."""
        persons = parse_persons(head)
        if persons and len(persons) == 1 and persons[0].start == 0:
            # an untitled name never named before must look like one: 全会 / 党委 are bodies
            titled = persons[0].role_end > persons[0].role_start or head in people.known
            return titled or not (strict or any(ch in ORGANISATION_CHARS for ch in head[1:]))
        return (
            is_name(head) and head in people.known
        ) or is_short_reference(head)

    def markers(self, shadow: str, people: PeopleFinder, begin: int = 0) -> list[Marker]:
        found: list[Marker] = []
        for sentence in _SENTENCE_START.finditer(shadow, begin):
            start = sentence.end()
            if start >= len(shadow) or (found and start < found[-1].end):
                continue
            meeting = _MEETING_MARKER.match(shadow, start)
            if meeting:
                verb = meeting.group("verb")
                if _LISTED_AGENDA.search(verb) or verb in _STATEMENT_WORDS:
                    found.append(Marker(start, meeting.start("subject"), meeting.end("subject"),
                                        meeting.end(), verb, "会议"))
                    continue
            person = self._person_marker(shadow, start, people)
            if person:
                found.append(person)
                found.extend(self._heard_then_stated(shadow, person))
                continue
            person = self._clause_marker(shadow, start, people)
            inside = self._and_marker(shadow, start)
            if person and not (inside and inside.sentence_start < person.sentence_start):
                found.append(person)
                found.extend(self._heard_then_stated(shadow, person))
            elif inside:
                found.append(inside)
        return found

    def _clause_marker(self, shadow: str, start: int, people: PeopleFinder) -> Marker | None:
        """A person-led block opening a clause inside a narrative sentence:
        "…进行了部署,苏蓉副校长听取了…" / "…主持会议,他要求:…". Not after relayed content
        (会上传达了…精神,某某强调…: that speaker belongs to another meeting)."""
        end = _sentence_end(shadow, start)
        relaying = _RELAYING.search(shadow, start, end)
        for comma in _CLAUSE_COMMA.finditer(shadow, start, end):
            if relaying and relaying.start() < comma.start():
                return None
            marker = self._person_marker(shadow, comma.end(), people, strict=True)
            if marker:
                return marker
        return None

    def _heard_then_stated(self, shadow: str, marker: Marker) -> list[Marker]:
        """"苏蓉听取了…,并对下一步工作提出要求:" — a second block by the same person."""
        if marker.kind in _STATEMENT_WORDS:
            return []
        found = _AND_STATEMENT.search(shadow, marker.end, _sentence_end(shadow, marker.end))
        if not found:
            return []
        return [Marker(found.start(), found.start(), found.start(), found.end(), found.group("verb"),
                       None, follows_action=True)]

    def _and_marker(self, shadow: str, start: int) -> Marker | None:
        """"…主持会议,并对…提出了要求。" — a block opened inside a person's action sentence."""
        end = _sentence_end(shadow, start)
        found = _AND_STATEMENT.search(shadow, start, end)
        if not found or found.start() == start:
            return None
        if not PeopleFinder.has_action(shadow[start : found.start()]):
            return None
        return Marker(found.start(), found.start(), found.start(), found.end(),
                      found.group("verb"), None, follows_action=True)

    # ---- items ---------------------------------------------------------------------------

    def _items(self, shadow: str, start: int, end: int, style: str | None, after: int) -> tuple[list[Span], str | None, int]:
        """Item spans in shadow[start:end], numbered on from `after` in `style` (None: any)."""
        candidates = []
        for name, pattern in _ITEM_STYLES:
            if style and name != style:
                continue
            for match in pattern.finditer(shadow, start, end):
                position = match.start()
                opens = position == start or shadow[position - 1] in _ITEM_OPENS
                if name == "num" and position > start and shadow[position - 1] == ",":
                    opens = False
                number = cn_number(match.group(1))
                if opens or (after == 0 and number == 1 and name in ("yao", "shi")):
                    candidates.append((position, name, number, match, opens))
        candidates.sort(key=lambda c: c[0])
        # "全镇干部一要…;二要…": a first 一要/一是 right after the subject counts when the second
        # label of its style opens a clause of its own.
        candidates = [c for c in candidates if c[4] or any(
            d[1] == c[1] and d[2] == 2 and d[4] and d[0] > c[0] for d in candidates)]
        candidates = [c[:4] for c in candidates]
        chosen: list[tuple[int, re.Match]] = []
        expected = after + 1
        for position, name, number, match in candidates:
            if chosen and number == 1 and name == style:
                break  # a new enumeration starts: the block's own points are over
            if number != expected or (style and name != style):
                continue
            style = name
            chosen.append((number, match))
            expected += 1
        # A lone label counts when it opens the fragment (one point per paragraph); inside running
        # text a sequence needs two points, so "一是" alone in a sentence is not an enumeration.
        if after + len(chosen) < 2 and not (chosen and chosen[0][1].start() == start):
            return [], None, 0
        spans = []
        for index, (number, match) in enumerate(chosen):
            item_end = chosen[index + 1][1].start() if index + 1 < len(chosen) else end
            spans.append(Span(match.start(), item_end, "item", {"n": str(number), "label": match.group(0).rstrip("、.")}))
        return spans, style, after + len(chosen)

    # ---- lines ---------------------------------------------------------------------------

    def _continuation(self, line: Line, end: int) -> list[Span]:
        block = self.open
        spans, style, last = self._items(line.shadow, 0, end, block.style, block.last_item)
        if not (block.wants_more or spans):
            self.open = None
            return []
        if self.deferred:
            self.flushed.append(self.deferred)
            self.deferred = None
        attrs = {"continues": block.id, "kind": block.kind, "speaker": block.speaker}
        if block.speaker_ref:
            attrs["speaker-ref"] = block.speaker_ref
        block.style, block.last_item = style or block.style, last or block.last_item
        block.wants_more = line.shadow[:end].rstrip().endswith(":")
        return [Span(0, end, "section", attrs)] + spans

    def scan(self, line: Line, people: PeopleFinder) -> list[Span]:
        """Section, marker, item and participant spans of one body line."""
        shadow = line.shadow
        markers = self.markers(shadow, people)
        first = markers[0].sentence_start if markers else len(shadow)
        spans: list[Span] = []
        if self.open and first > 0:
            spans += self._continuation(line, first)
            if spans:
                return spans + self._blocks(line, markers, people)
        self.open = None
        self.deferred = None
        return spans + self._blocks(line, markers, people)

    def _blocks(self, line: Line, markers: list[Marker], people: PeopleFinder) -> list[Span]:
        """Blocks of the line's markers, and the participants of all its text, in text order.

        The narrative before a marker is read first, so 他/她 and 并…提出 find the person
        named just before them.
        """
        shadow = line.shadow
        spans: list[Span] = []
        cursor = 0
        for index, marker in enumerate(markers):
            spans += people.scan(line, cursor, marker.sentence_start)
            in_marker = people.scan(line, marker.sentence_start, marker.end)
            spans += in_marker
            end = markers[index + 1].sentence_start if index + 1 < len(markers) else len(shadow)
            at_subject = [s for s in in_marker if s.tag == "person" and s.start == marker.subject_start]
            if not (marker.follows_action and _group_acted(spans, shadow, marker.sentence_start)):
                spans += self._block(line, marker, end, people, speaker=at_subject[0] if at_subject else None)
            spans += people.scan(line, marker.end, end, in_block=True)
            cursor = end
        spans += people.scan(line, cursor, len(shadow))
        return spans

    def _block(self, line: Line, marker: Marker, end: int, people: PeopleFinder | None, speaker: Span | None = None) -> list[Span]:
        shadow = line.shadow
        body_start = _AFTER_MARKER.match(shadow, marker.end).end()
        if marker.kind == "提出" and people is not None and _names_only(shadow, body_start, end, people):
            return []
        heading = not shadow[body_start:end].strip(" ,:;。")
        if marker.speaker == "会议":
            name, ref, extra = "会议", None, []
        elif speaker is not None:
            name, ref, extra = speaker.attrs["name"], speaker.attrs["id"], []
        elif marker.pronoun or marker.follows_action:
            if not people.last_person:
                return []  # nobody named before the pronoun: not a block we can attribute
            name, ref = people.last_person
            extra = []
        else:
            found = self._speaker(line, marker, people)
            if found is None:
                return []
            name, ref, extra = found
        section_id = self.context.next_section_id()
        attrs = {"id": section_id, "kind": marker.kind, "speaker": name}
        if ref:
            attrs["speaker-ref"] = ref
        items, style, last = self._items(shadow, body_start, end, None, 0)
        self.open = OpenBlock(section_id, marker.kind, name, ref, style, last,
                              wants_more=heading or shadow[:end].rstrip().endswith(":"))
        block = [Span(marker.sentence_start, end, "section", attrs),
                 Span(marker.subject_start, marker.end, "marker")]
        if heading:
            if end == len(shadow):
                self.deferred = (line.number, block)
            return extra
        return block + extra + items

    def _speaker(self, line: Line, marker: Marker, people: PeopleFinder) -> tuple[str, str, list[Span]] | None:
        """The speaker's name and id: an existing mention at the subject, or a new one."""
        subject = line.shadow[marker.subject_start : marker.subject_end]
        if is_short_reference(subject) or is_alias(subject, people.known):
            # "陈主席", or "姚检" for 姚文武 检察长: the one person of that surname named before.
            short = people.by_surname_and_title(subject)
            if short:
                people.last_person = short
                return short[0], short[1], []
            if not is_name(subject):
                return None
        persons = parse_persons(subject)
        if persons:
            span = people.person_span(line, persons[0], marker.subject_start, [])
            return span.attrs["name"], span.attrs["id"], [span]
        name = written(line, marker.subject_start, marker.subject_end)
        span = Span(marker.subject_start, marker.subject_end, "person",
                    {"id": self.context.next_person_id(), "name": name})
        people.last_person = (name, span.attrs["id"])
        return name, span.attrs["id"], [span]
