"""Web pages made from a text report, in the shapes scraped reports come in.

Used by the tests of HTML input and by benchmarks/html_extractors.py, which measured the
extraction libraries on them. Every page holds the report's headline, its metadata lines and its
paragraphs, inside the navigation, widgets, scripts and footer that real pages carry.
"""

from __future__ import annotations

from html import escape

NAV = ["首页", "机构概况", "新闻中心", "工作动态", "通知公告", "政策法规", "党建活动", "学习园地",
       "专题专栏", "政务公开", "办事服务", "互动交流", "理论学习", "会议活动", "数据发布", "联系我们"]
RELATED = ["关于召开全市知识产权工作会议的通知", "局党组召开理论学习中心组学习会议",
           "省局召开2023年度工作总结会议", "市政府召开专利保护座谈会"]
SCRIPT = "var _hmt = _hmt || []; (function(){ var hm = document.createElement('script'); })(); if (a < b && c > d) {}"
# Lines of widgets a page adds inside its article (the parser may read them as paragraphs).
WIDGET_LINES = ("字号：大 中 小", "分享到：微信 微博", "【打印本页】 【关闭窗口】")
STYLE = "body{font-size:14px} .nav li{float:left} p{text-indent:2em}"


def split_report(text: str) -> tuple[str, list[str], list[str]]:
    """(headline, metadata lines, paragraphs) of a report: the paragraphs start at the first line
    with a 。, the headline is the first line before them ("" when there is none)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first_prose = next(i for i, line in enumerate(lines) if "。" in line)
    if first_prose == 0:
        return "", [], lines
    return lines[0], lines[1:first_prose], lines[first_prose:]


def _nav_list(items: list[str]) -> str:
    return "<ul>" + "".join(f'<li><a href="/{i}.html">{escape(t)}</a></li>' for i, t in enumerate(items)) + "</ul>"


def _head(title: str, charset_meta: str) -> str:
    return (f"<head>{charset_meta}<title>{escape(title)}_国家知识产权局</title>"
            f"<style>{STYLE}</style><script>{SCRIPT}</script></head>")


def gov_page(text: str, charset: str = "gbk") -> str:
    """A government portal page: div-based navigation, breadcrumb, info line, share widget,
    related links and a footer; `<meta charset>` naming the page's encoding."""
    title, meta, paragraphs = split_report(text)
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    info = "".join(f"<span>{escape(m)}</span><br/>" for m in meta)
    return (
        "<!DOCTYPE html><html>" + _head(title, f'<meta charset="{charset}">') + "<body>"
        '<div class="top"><a href="/">网站首页</a> | <a href="/en">English</a> | <a href="#">无障碍</a></div>'
        f'<div class="nav">{_nav_list(NAV)}</div>'
        '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xw">新闻中心</a> &gt; 工作动态</div>'
        f'<div class="article"><h1>{escape(title)}</h1><div class="info">{info}</div>'
        '<div class="fontsize">字号：<a>大</a> <a>中</a> <a>小</a></div>'
        f'<div class="content" id="zoom">{body}</div>'
        '<div class="share">分享到：<a>微信</a> <a>微博</a></div>'
        '<div class="print"><a>【打印本页】</a> <a>【关闭窗口】</a></div></div>'
        f'<div class="related"><h3>相关新闻</h3>{_nav_list(RELATED)}</div>'
        '<div class="footer"><p>版权所有：国家知识产权局 京ICP备06012345号</p>'
        '<p>地址：北京市海淀区蓟门桥西土城路6号 邮编：100088</p><p>网站标识码：bm24000001</p></div>'
        f"<script>{SCRIPT}</script></body></html>"
    )


def table_page(text: str, charset: str = "gb2312") -> str:
    """An older page: table layout, http-equiv charset, paragraphs separated by <br> with
    &nbsp; indents inside one cell, the headline in a <td class="title">."""
    title, meta, paragraphs = split_report(text)
    body = "<br>".join("&nbsp;&nbsp;&nbsp;&nbsp;" + escape(p) for p in paragraphs)
    head = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    return (
        "<html>" + _head(title, head) + "<body><table width=\"100%\"><tr>"
        + "".join(f'<td><a href="/{i}">{escape(t)}</a></td>' for i, t in enumerate(NAV[:10]))
        + f'</tr></table><table><tr><td class="title"><b>{escape(title)}</b></td></tr>'
        + "".join(f"<tr><td>{escape(m)}</td></tr>" for m in meta)
        + f"<tr><td>{body}</td></tr></table>"
        + '<table><tr><td>主办单位：国家知识产权局 版权所有 技术支持：某某网络公司</td></tr></table>'
        + "</body></html>"
    )


def html5_page(text: str) -> str:
    """A modern UTF-8 page: <header>/<nav>/<article>/<aside>/<footer>, a long menu, a
    headline in <h1>, metadata in <p class="meta"> with <span>s, inline markup in paragraphs."""
    title, meta, paragraphs = split_report(text)
    menu = "".join(f'<nav class="sub">{_nav_list(NAV)}</nav>' for _ in range(3))
    body = "".join(
        f"<p>{escape(p[:6])}<strong>{escape(p[6:12])}</strong>{escape(p[12:])}</p>" for p in paragraphs
    )
    info = "".join(f'<p class="meta"><span>{escape(m)}</span></p>' for m in meta)
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>'
        f"{escape(title)}</title><script>{SCRIPT}</script></head><body>"
        f'<header><div class="logo">国家知识产权局</div><nav>{_nav_list(NAV)}</nav></header>{menu}'
        f"<main><article><h1>{escape(title)}</h1>{info}{body}</article>"
        f'<aside><h3>热点文章</h3>{_nav_list(RELATED)}</aside></main>'
        "<footer><p>Copyright © 2023 国家知识产权局 版权所有</p><p>京公网安备 11010802012345号</p></footer>"
        "<noscript>请启用JavaScript</noscript></body></html>"
    )


PAGES = {"gov-gbk": gov_page, "table-gb2312": table_page, "html5-utf8": html5_page}
ENCODINGS = {"gov-gbk": "gbk", "table-gb2312": "gb18030", "html5-utf8": "utf-8"}


def page_bytes(shape: str, text: str) -> bytes:
    """The page of `shape` for `text`, encoded as that page says it is."""
    return PAGES[shape](text).encode(ENCODINGS[shape])
