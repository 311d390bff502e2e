"""Page chrome: the clutter of a web page around an article, kept and marked, never dropped."""

from __future__ import annotations

import re

from .dates import ISSUE_LINE
from .patterns import CJK_CLASS

# (kind, pattern on the folded line). First match wins; patterns are for whole short lines.
_RULES = [
    ("font-size", r"^[【\[]?(?:字号|字体)\s*[::]?\s*(?:[【\[]?\s*[大中小]\s*[】\]]?\s*){1,3}[】\]]?$|^(?:字号|字体)[::]?\s*(?:[【\[]?\s*[大中小]\s*[】\]]?\s*){0,3}$|^[【\[]?大\s*中\s*小[】\]]?$|^A\+?\s*A-?$"),
    ("share", r"^(?:分享到?|转发|点赞|收藏|微信|微博|朋友圈|QQ(?:空间)?|复制链接)[::\s]*.{0,20}$|^[•·\s]*\+\s*\d+$"),
    ("qr-code", r"扫一扫|二维码|扫码"),
    ("print", r"^[【\[]?打印(?:本页|此页|文章)?[】\]]?(?:\s*[【\[]?关闭(?:窗口)?[】\]]?)?$"),
    ("close", r"^[【\[]?(?:关闭(?:窗口|本页)?|返回(?:顶部|首页|列表)?)[】\]]?$"),
    ("login", r"^(?:登录|注册|登录\s*\|?\s*注册|下载(?:客户端|APP|app))$"),
    ("comment", r"评论|抢沙发|人参与|跟帖"),
    ("copyright", r"版权所有|Copyright|©|ICP备|备案号|主办单位|承办单位|技术支持|网站标识码|公网安备"),
    ("image", r"\.(?:jpe?g|png|gif|bmp|webp)$|^(?:.{0,10})Logo$|^图片$"),
    ("navigation", r"^(?:首页|当前位置|您的位置|所在位置|您现在的位置|新闻中心|上一篇|下一篇|相关(?:阅读|新闻|文章)|本类热点条目|热点(?:新闻|文章)|推荐阅读|更多)|>.*>|第[A-Z\d]+版|总第\d+期|编印$"),
]
# A site's column name on a line of its own ("工作动态", "图片新闻", "学习园地").
_RULES.append(("navigation", r"^\S{0,6}(?:动态|新闻|要闻|资讯|快讯|公告|专栏|专题|园地|头条|聚焦)$"))
# A periodical's masthead issue line ("松川税务 2021年 第6期"): the page header, not a headline.
_RULES.append(("navigation", ISSUE_LINE.pattern))
_COMPILED = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _RULES]
_MAX_CHROME = 80


def chrome_kind(shadow: str) -> str | None:
    """The kind of page chrome a whole line is, or None if it is not chrome."""
    if len(shadow) > _MAX_CHROME:
        return None
    for kind, pattern in _COMPILED:
        if pattern.search(shadow):
            return kind
    if not re.search(CJK_CLASS, shadow) and not re.search(r"\d{4}", shadow):
        # A line with no Chinese at all ("• +1", "|") on a Chinese page is page furniture.
        return "residue"
    return None


ORIGINAL_TITLE = re.compile(r"^原标题\s*[::]")
