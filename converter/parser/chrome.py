"""Page chrome: the clutter of a web page around an article, kept and marked, never dropped.

Two sets of rules. `chrome_kind` knows lines that are page furniture wherever they stand (a
share bar, a copyright line). `edge_kind` adds lines that are furniture only at the front or the
back of a page, before or after the report (a timestamp or a site's name alone on a line): inside
the report the same words can be its text. `is_page_sentence` knows the sentence-like lines of a page
(a widget's prompt "来说两句吧。。。", a disclaimer), which must not extend the report to the end of
the page.
"""

from __future__ import annotations

import re

from .dates import ISSUE_LINE
from .patterns import CJK, CJK_CLASS

# (kind, pattern on the folded line). First match wins; patterns are for whole short lines.
_RULES = [
    ("font-size", r"^[【\[]?(?:字号|字体)\s*[::]?\s*(?:[【\[]?\s*[大中小]\s*[】\]]?\s*){1,3}[】\]]?$|^(?:字号|字体)[::]?\s*(?:[【\[]?\s*[大中小]\s*[】\]]?\s*){0,3}$|^[【\[]?大\s*中\s*小[】\]]?$|^A\+?\s*A-?$"),
    ("share", r"^(?:分享到?|转发|点赞|收藏|微信|微博|朋友圈|QQ(?:空间)?|复制链接)[::\s]*.{0,20}$|^[•·\s]*\+\s*\d+$"),
    ("qr-code", r"扫一扫|二维码|扫码|^(?:用)?手机(?:浏览|阅读|看|访问)|^(?:欢迎)?关注.{0,20}(?:公众号|微信号|视频号|抖音号)$"),
    ("print", r"^[【\[]?打印(?:本页|此页|文章)?[】\]]?(?:\s*[【\[]?关闭(?:窗口)?[】\]]?)?$"),
    ("close", r"^[【\[]?(?:关闭(?:窗口|本页)?|返回(?:顶部|首页|列表)?)[】\]]?$"),
    ("login", r"^(?:登录|注册|登录\s*\|?\s*注册|下载(?:客户端|APP|app))$"),
    ("comment", r"评论|抢沙发|人参与|跟帖|^(?:来说两句|说两句|写留言|留言)(?:吧|[::]|$)"),
    ("copyright", r"版权所有|Copyright|©|ICP备|ICP证|备案号|主办单位|承办单位|技术支持|网站标识码|公网安备"
                  r"|版权声明|转载请注明|未经(?:书面)?(?:授权|许可).{0,6}(?:转载|复制|摘编|镜像|使用本)|All Rights Reserved"),
    ("image", r"\.(?:jpe?g|png|gif|bmp|webp)$|^(?:.{0,10})Logo$|^图片$"),
    ("navigation", r"^(?:首页|当前位置|您的位置|所在位置|您现在的位置|新闻中心|上一篇|下一篇|上一条|下一条|相关(?:阅读|新闻|文章|链接)"
                   r"|本类热点条目|热点(?:新闻|文章)|推荐阅读|延伸阅读|猜你喜欢|更多|阅读原文|原文链接|本文链接)|>.*>|第[A-Z\d]+版|总第\d+期|编印$"),
]
# A list's page numbers ("共3页 1 2 3 下一页 尾页", "上一页 1 2 下一页").
_RULES.append(("navigation", r"^(?:共\d+页|[\d\s]*(?:上一页|下一页|尾页|末页))(?:[\s\d]|上一页|下一页|首页|尾页|末页|共\d+(?:页|条))*$"))
# A site's column name on a line of its own ("工作动态", "图片新闻", "学习园地").
_RULES.append(("navigation", r"^\S{0,6}(?:动态|新闻|要闻|资讯|快讯|公告|专栏|专题|园地|头条|聚焦)$"))
# A periodical's masthead issue line ("松川税务 2021年 第6期"): the page header, not a headline.
_RULES.append(("navigation", ISSUE_LINE.pattern))
_COMPILED = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _RULES]
_MAX_CHROME = 80

# A row of a page's buttons, bracketed or separated ("【打印本页】 【关闭窗口】 【返回顶部】",
# "收藏 | 分享 | 打印"): every piece is a button; the row is the kind of its first button.
_BUTTONS = {
    **dict.fromkeys(("打印", "打印本页", "打印此页", "打印文章", "打印正文", "我要打印"), "print"),
    **dict.fromkeys(("关闭", "关闭窗口", "关闭本页", "返回", "返回顶部", "返回首页", "返回列表", "回到顶部",
                     "TOP"), "close"),
    **dict.fromkeys(("收藏", "收藏本页", "加入收藏", "分享", "分享到", "转发", "推荐", "推荐给朋友", "点赞", "在看"),
                    "share"),
    **dict.fromkeys(("纠错", "我要纠错", "我要评论", "评论", "留言"), "comment"),
    **dict.fromkeys(("字号", "字体", "字号:", "字体:", "大", "中", "小", "字号:大", "字体:大", "默认", "超大"),
                    "font-size"),
}
_BUTTON_GAPS = re.compile(r"[\s|/·•【】\[\]()]+")

# What pages set alone at their front or back and an article never says on a line of its own.
# A timestamp, whole or cut off ("09.01.2018 21:", "16:20", "2024-03-0"): only digits, date
# separators and time marks, with at least one separator a 成文日期 ("2024年3月1日") never has.
_TIMESTAMP = re.compile(r"^[\d\s:./\-T年月日时分秒]*\d[\d\s:./\-T年月日时分秒]*$")
_STAMP_MARK = re.compile(r"\d\s*[:./\-]|[:./\-]\s*\d|[:./\-]$|^\d{4}$")
_DIGIT = re.compile(r"\d")
# A site's name with its address ("福安新闻网www.fa-today.com", "松川市人民政府 http://…"), or a
# news site's name alone ("松川新闻网", "北岭客户端"). A name that ends in no word for a site,
# or is a label ("网址:"), is information, not the site's own sign.
_DOMAIN = (r"(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*"
           r"\.(?:com|cn|net|org|gov|edu|info|cc|tv|top|xyz|mil|hk|tw|mo)(?:\.[a-z]{2})?(?:[/:?#]\S*)?/?")
_SITE_WORD = r"(?:网|网站|官网|站|台|报|客户端|号|平台|在线|频道|中心|新闻|融媒|发布|App|APP)"
_SITE_NAME = r"(?:[%s·]{1,16}%s|[A-Za-z][A-Za-z ]{0,20})" % (CJK, _SITE_WORD)
_SITE = re.compile(
    r"^(?:%s)?[\s|·_\-—]*%s(?:[\s|·_\-—]*%s)?$" % (_SITE_NAME, _DOMAIN, _SITE_NAME), re.IGNORECASE
)
# A name that asks the reader to go somewhere is information ("详情请登录松川网 www.…").
_SITE_VERB = re.compile(r"见|请|登录|登陆|访问|查询|关注|下载|点击|浏览|咨询|详|可|通过|进入|链接")
_SITE_ALONE = re.compile(
    r"^[%s]{1,12}(?:新闻网|网站|官网|客户端|门户网站?)$|^[%s]{1,3}(?<![电管联铁渔球上])网$" % (CJK, CJK)
)
# A page's tags ("标签: 常务会议 学习"), and at the back a column or tag that names a kind of
# meeting ("县政府常务会议"): no verb, no clause, only a noun phrase ending in 会议.
_TAGS = re.compile(r"^[【\[]?(?:标签|关键词|关键字|tags?)\s*[::]", re.IGNORECASE)
_MEETING_TAG = re.compile(r"^[^\s,。;:!?、()\"“”]{2,12}会议$")
_CLAUSE_VERB = re.compile(r"召开|举行|主持|出席|参加|列席|讲话|部署|[了并由在对就]")
# A page's credits and counters without the colon of a metadata label ("责任编辑 林小溪",
# "(来源 松川日报)", "阅读 1024"). A reporter's credit ("(记者 林小溪)") is the article's.
_BYLINE = re.compile(
    r"^[(【\[]?(?:责任编辑|责编|网络编辑|值班编辑|编辑|审核|审校|校对|终审|初审|复审|监制|来源|文章来源|稿件来源"
    r"|信息来源)\s+[^\s,。;:!?()【】\[\]]{1,16}(?:\s+[^\s,。;:!?()【】\[\]]{1,16}){0,3}[)】\]]?$"
)
_COUNTER = re.compile(r"^[(【\[]?(?:阅读|浏览|点击|访问)(?:次数|量|数|人次)?\s*\d[\d,]*\s*(?:次)?[)】\]]?$")
# Widget prompts that end like sentences ("来说两句吧。。。", "还没有评论,快来抢沙发吧!",
# "加载中……"): the line is the prompt and nothing else.
_WIDGET_PROMPT = re.compile(
    r"^(?:来说两句吧?|说两句吧?|快来抢沙发吧?|还没有评论[,，]?快来抢沙发吧?|暂无评论|发表评论|我要评论|网友评论"
    r"|查看更多(?:精彩)?评论|已有\d+人参与[^。]{0,16}|(?:正在)?加载中|点击加载更多)[\s。.!?…·]*$"
)
# A site's disclaimer or reprint notice, often a whole sentence ("免责声明:本文仅代表作者观点…。",
# "本文转载自…,如有侵权请联系删除。"): words of a page about itself, never of a meeting's report.
_DISCLAIMER = re.compile(
    r"^[【\[(]?(?:免责声明|版权声明|特别声明|郑重声明)[】\])]?\s*[::]|如有侵权[^。]{0,8}(?:联系|告知|删除)|侵删|转载请注明(?:出处|来源)"
    r"|仅代表作者(?:本人)?(?:观点|立场)|^本(?:文|站|网|号)(?:系|为)?转(?:载|自)|^(?:本文)?转载自"
)
_MAX_DISCLAIMER = 200
_LOADING = re.compile(r"^(?:正在)?加载中[\s。.…·]*$|^点击加载更多")


def chrome_kind(shadow: str) -> str | None:
    """The kind of page chrome a whole line is, or None if it is not chrome."""
    if len(shadow) > _MAX_CHROME:
        return None
    if _LOADING.match(shadow):
        return "residue"
    for kind, pattern in _COMPILED:
        if pattern.search(shadow):
            return kind
    kind = _button_row(shadow)
    if kind:
        return kind
    if not re.search(CJK_CLASS, shadow) and not re.search(r"\d{4}", shadow):
        # A line with no Chinese at all ("• +1", "|") on a Chinese page is page furniture.
        return "residue"
    return None


def _button_row(shadow: str) -> str | None:
    pieces = [p for p in _BUTTON_GAPS.split(shadow) if p]
    if len(pieces) < 2 or not all(p in _BUTTONS for p in pieces):
        return None
    return _BUTTONS[pieces[0]]


def edge_kind(shadow: str, region: str) -> str | None:
    """The kind of chrome a line is when it stands in the front or the back of a page (outside
    the report): page chrome anywhere, or a line that only a page's edges carry."""
    text = shadow.strip()
    if _TIMESTAMP.match(text) and _STAMP_MARK.search(text) and len(_DIGIT.findall(text)) >= 3:
        return "timestamp"
    kind = chrome_kind(shadow)
    if kind:
        return kind
    if len(shadow) <= _MAX_DISCLAIMER and _may_disclaim(shadow) and _DISCLAIMER.search(shadow):
        return "copyright"
    if len(shadow) > _MAX_CHROME:
        return None
    if (_SITE.match(text) or _SITE_ALONE.match(text)) and not _SITE_VERB.search(text):
        return "site"
    if _BYLINE.match(text):
        return "byline"
    if _COUNTER.match(text):
        return "residue"
    if _TAGS.match(text) or (region == "back" and _MEETING_TAG.match(text) and not _CLAUSE_VERB.search(text)):
        return "tag"
    return None


def is_page_sentence(shadow: str) -> bool:
    """A line that reads like a sentence but is the page's, a widget's prompt or a site's
    disclaimer: it does not end the report."""
    return bool(_WIDGET_PROMPT.match(shadow.strip())) or (
        len(shadow) <= _MAX_DISCLAIMER and _may_disclaim(shadow) and bool(_DISCLAIMER.search(shadow)))


def _may_disclaim(shadow: str) -> bool:
    """A quick look for the words every disclaimer pattern holds (most lines have none)."""
    return "声明" in shadow or "侵" in shadow or "转" in shadow or "作者" in shadow


ORIGINAL_TITLE = re.compile(r"^原标题\s*[::]")
