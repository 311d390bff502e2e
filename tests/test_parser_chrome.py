"""Page chrome at the front and back of a page: what a page carries around a report is kept in
the tree as chrome and not printed; what the document itself says there (署名, 成文日期, 版记, a
reporter's credit, a sentence giving an address) is printed. Every case is invented."""

from __future__ import annotations

import pytest

import converter
from converter.layout.plan import build_plan
from converter.options import ExportOptions
from converter.summary import summarise

HEADLINE = "松川市召开优化营商环境工作会议"
LEAD = "5月6日,松川市召开优化营商环境工作会议。市长韩立川主持会议并讲话。"
BODY = "会议强调,要持续优化营商环境,推动各项政策落地见效。"
FULL_WIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"})


def parsed(text: str):
    document = converter.parse(text)
    assert converter.validate(document) == []
    assert "".join(document.text().split()) == "".join(text.split())  # every character kept
    return document


def chrome(text: str) -> list[tuple[str, str]]:
    return [(c["kind"], c["text"]) for c in summarise(parsed(text).root)["chrome"]]


def printed(text: str, layout: str = "report") -> list[str]:
    plan = build_plan(parsed(text).root, ExportOptions(layout=layout))
    return [block.text for block in plan.blocks if block.role not in ("title", "minutes-mark", "meta")]


def page(front: str = "", back: str = "", width: str = "half") -> str:
    text = f"{HEADLINE}\n{front}{LEAD}\n{BODY}\n{back}"
    return text.translate(FULL_WIDTH) if width == "full" else text


def _half(text: str) -> str:
    return "".join(text.split()).translate({ord(b): ord(a) for a, b in zip(",:;()!?", "，：；（）！？")})


def assert_hidden(text: str, line: str, kind: str) -> None:
    assert (kind, line) in chrome(text)
    for layout in ("report", "minutes"):  # a line of the page would be a block of its own
        assert _half(line) not in [_half(block) for block in printed(text, layout)], (layout, line)


def assert_printed(text: str, line: str) -> None:
    for layout in ("report", "minutes"):
        assert any(_half(line) in _half(block) for block in printed(text, layout)), (layout, line)


# ------------------------------------------------------------------------------- timestamps

@pytest.mark.parametrize("stamp", ["09.01.2018 21:", "2024-03-05 16:", "16:20", "2023/11/02 08:3",
                                   "2024年5月6日 14:", "21:30:05", "2024-05-"])
@pytest.mark.parametrize("where", ["front", "back"])
def test_a_timestamp_alone_whole_or_cut_off_is_chrome(stamp, where):
    text = page(front=f"{stamp}\n") if where == "front" else page(back=f"{stamp}\n")
    assert_hidden(text, stamp, "timestamp")


@pytest.mark.parametrize("date", ["2024年3月1日", "二〇二四年三月一日", "2025年10月20日"])
def test_a_signature_and_its_date_closing_a_circular_are_printed_in_place(date):
    text = ("关于做好春季防火工作的通知\n各乡镇人民政府,县直各单位:\n为做好春季防火工作,现将有关事项通知如下。\n"
            f"一、落实责任。各单位要压实防火责任。\n北岭县人民政府办公室\n{date}\n抄送:县委办公室\n"
            f"北岭县人民政府办公室 {date}印发\n")
    plan = build_plan(parsed(text).root, ExportOptions())
    roles = [(b.role, b.text.strip()) for b in plan.blocks]
    assert roles[-4:] == [("signature", "北岭县人民政府办公室"), ("date", date),
                          ("colophon", "抄送：县委办公室"), ("colophon", f"北岭县人民政府办公室 {date}印发")]


def test_a_signature_that_begins_the_title_is_no_cut_off_title():
    # 公文: 发文机关 + 关于 + 事由 + 文种; the 署名 repeats the first part of the title.
    text = ("云溪镇人民政府关于开展汛前检查的通知\n各村(社区):\n为做好防汛工作,现就开展汛前检查通知如下。\n"
            "各村要在5月底前完成排查。\n云溪镇人民政府\n2024年5月6日\n")
    assert_printed(text, "云溪镇人民政府")
    assert not chrome(text)


def test_a_date_line_alone_after_the_report_without_a_signature_is_no_document_date():
    # The page's own date in its footer stays page metadata (not printed, not chrome).
    text = page(back="2024年5月7日\n")
    assert summarise(parsed(text).root)["metadata"].get("published") == "2024-05-07"
    assert not any("2024年5月7日" in block for block in printed(text))


def test_a_time_inside_the_report_is_its_text():
    text = f"{HEADLINE}\n{LEAD}\n16:30,会议结束。\n{BODY}\n"
    assert_printed(text, "16:30")
    assert not chrome(text)


# ----------------------------------------------------------------------------------- sites

@pytest.mark.parametrize("line", ["松川新闻网www.songchuan-news.com", "北岭区人民政府网站 http://www.beiling.gov.cn/",
                                  "www.qinghe.cn 青禾在线", "云溪客户端", "松川网", "青禾融媒 | qinghe.com.cn",
                                  "北嶺新聞網 www.beiling-news.cn"])
@pytest.mark.parametrize("where", ["front", "back"])
def test_a_sites_name_and_address_is_chrome(line, where):
    text = page(front=f"{line}\n") if where == "front" else page(back=f"{line}\n")
    assert_hidden(text, line, "site")


@pytest.mark.parametrize("line", ["详情请登录松川市人民政府网站www.songchuan.gov.cn查询。",
                                  "详情见松川新闻网 www.songchuan-news.com",
                                  "网址:www.songchuan.gov.cn 联系电话:0571-12345678",
                                  "国家电网"])
def test_an_address_given_as_information_or_an_organ_is_printed(line):
    text = page(back=f"{line}\n")
    assert_printed(text, line)
    assert not chrome(text)


# ------------------------------------------------------------------- widgets and footers

@pytest.mark.parametrize("line, kind", [
    ("责任编辑 林小溪", "byline"), ("(编辑 唐一凡 审核 吴桐)", "byline"), ("来源 北岭日报", "byline"),
    ("阅读 1024", "residue"), ("浏览次数 356", "residue"),
    ("分享到:微信 微博 QQ空间", "share"), ("扫一扫在手机打开当前页", "qr-code"), ("长按识别二维码关注我们", "qr-code"),
    ("扫码关注“松川发布”", "qr-code"), ("手机看新闻", "qr-code"), ("欢迎关注“北岭发布”微信公众号", "qr-code"),
    ("【打印】 【关闭】", "print"), ("[返回顶部] [打印本页] [关闭窗口]", "close"), ("收藏 | 分享 | 打印", "share"),
    ("【字体:大 中 小】", "font-size"), ("上一篇:北岭区召开防汛工作会议", "navigation"),
    ("下一篇:云溪镇开展安全生产检查", "navigation"), ("阅读原文", "navigation"),
    ("共3页 1 2 3 下一页 尾页", "navigation"), ("上一页 1 2 下一页", "navigation"),
    ("Copyright © 2024 松川市人民政府 版权所有", "copyright"), ("松ICP备12345678号-1", "copyright"),
    ("松公网安备 33010202000123号", "copyright"), ("未经授权禁止转载", "copyright"),
    ("标签:常务会议 营商环境", "tag"), ("关键词: 党建 学习", "tag"),
])
@pytest.mark.parametrize("width", ["half", "full"])
def test_a_widget_or_footer_line_after_the_report_is_chrome(line, kind, width):
    text = page(back=f"{line}\n", width=width)
    assert_hidden(text, line.translate(FULL_WIDTH) if width == "full" else line, kind)


@pytest.mark.parametrize("column", ["区委常委会会议", "理论学习中心组会议", "縣政府常務會議"])
def test_a_column_named_after_a_kind_of_meeting_after_the_report_is_a_tag(column):
    assert_hidden(page(back=f"{column}\n"), column, "tag")


@pytest.mark.parametrize("line", ["县委书记韩立川主持会议", "会议", "(记者 林小溪 通讯员 吴桐)", "(北岭区委办公室 唐一凡)"])
def test_a_clause_a_cut_off_opener_or_a_credit_after_the_report_is_printed(line):
    text = page(back=f"{line}\n")
    assert_printed(text, line)
    assert not chrome(text)


def test_a_source_line_inside_the_report_is_its_text():
    text = f"{HEADLINE}\n{LEAD}\n会议指出,要把好信息来源关。\n来源不明的信息一律不得转发,编辑审核要层层把关。\n{BODY}\n"
    assert_printed(text, "来源不明的信息一律不得转发")
    assert not chrome(text)


def test_widget_prompts_that_end_like_sentences_do_not_stretch_the_report():
    text = page(back="相关阅读\n0 条评论\n来说两句吧。。。\n最新评论\n还没有评论,快来抢沙发吧!\n加载中……\n")
    data = summarise(parsed(text).root)
    assert [k for k, _ in chrome(text)] == ["navigation", "comment", "comment", "comment", "comment", "residue"]
    assert data["meetings"][0]["sections"][-1]["text"].endswith("落地见效。")
    assert printed(text)[-1].endswith("落地见效。")


def test_headlines_listed_under_related_links_are_navigation():
    text = page(back="相关新闻\n北岭区召开防汛工作会议\n云溪镇开展安全生产大检查\n上一篇\n青禾县召开春耕备耕推进会\n")
    assert [k for k, _ in chrome(text)] == ["navigation"] * 5
    assert printed(text)[-1].endswith("落地见效。")


@pytest.mark.parametrize("line", [HEADLINE, "松川市召开优化营商", f"【{HEADLINE}】", f"{HEADLINE}_松川新闻网",
                                  f"{HEADLINE} - 松川市人民政府"])
def test_the_headline_again_after_the_report_whole_or_cut_off_is_chrome(line):
    assert_hidden(page(back=f"{line}\n"), line, "repeated-title")


def test_a_cut_off_last_line_before_page_furniture_is_still_the_report():
    text = page(back="市长韩立川指出,今年是全面深化改革的关键\n松川新闻网 www.songchuan-news.com\n09.01.2024 21:\n")
    document = parsed(text)
    assert [k for k, _ in chrome(text)] == ["site", "timestamp"]
    assert any("全面深化改革的关键" in b.text for b in build_plan(document.root, ExportOptions()).blocks)
    assert any("cut off" in guess for guess in document.guesses)


def test_a_deck_under_the_headline_is_printed():
    text = page(front="\n韩立川出席 欧晓峰主持会议\n\n")
    assert_printed(text, "韩立川出席 欧晓峰主持会议")
    assert not chrome(text)


@pytest.mark.parametrize("line", [
    "免责声明:本文仅代表作者观点,不代表本站立场。",
    "本文转载自松川日报,如有侵权请联系删除。",
    "【版权声明】凡本网注明“来源:北岭新闻网”的作品,转载请注明出处。",
    "本網轉載自青禾在線,如有侵權請聯繫刪除。",
])
def test_a_sites_disclaimer_that_ends_like_a_sentence_is_chrome(line):
    text = page(back=f"{line}\n相关新闻\n")
    assert_hidden(text, line, "copyright")
    assert printed(text)[-1].endswith("落地见效。")


def test_a_last_sentence_about_infringement_is_the_reports_text():
    last = "会议要求,如有侵权假冒行为,要依法从严查处,转载他人作品须经授权。"
    text = page(back=f"{last}\n")
    assert_printed(text, last)
    assert not chrome(text)


# ------------------------------------------------------------ look-alikes found in review

_REPORT = ("松川县应急管理局召开安全生产工作会议\n"
           "3月1日,松川县应急管理局召开安全生产工作会议,局长韩立川主持会议并讲话。\n会议强调,要压实责任。\n")


@pytest.mark.parametrize("after", ["", "2024-03-01\n", "2024年3月1日\n"])
def test_an_organs_signature_that_opens_a_news_headline_is_printed(after):
    # The headline begins with the organ ("松川县应急管理局|召开…"): a back line naming only the organ
    # is its 署名, not the headline cut off.
    text = _REPORT + "松川县应急管理局\n" + after
    assert_printed(text, "松川县应急管理局")
    assert not [kind for kind, _ in chrome(text) if kind == "repeated-title"]


def test_a_signature_over_an_iso_date_stays_after_the_report():
    text = _REPORT + "松川县人民政府办公室\n2024-03-01\n"
    assert_printed(text, "松川县人民政府办公室")
    assert not any("被截断" in guess or "cut off" in guess for guess in parsed(text).guesses)


@pytest.mark.parametrize("line", ["严禁未经许可擅自开工建设", "留言办理工作", "未经许可不得占用耕地",
                                  "声明:本次会议材料不得外传。", "留言板"])
def test_a_reports_own_words_about_permission_messages_or_statements_are_printed(line):
    text = _REPORT + line + "\n"
    assert_printed(text, line)
    assert not chrome(text)


def test_a_meetings_name_over_a_date_is_a_signature_not_a_tag():
    text = _REPORT + "松川县人民政府常务会议\n2024年3月1日\n"
    assert_printed(text, "松川县人民政府常务会议")
    assert_printed(text, "2024年3月1日")
    assert not chrome(text)


def test_the_headline_cut_off_after_the_pages_own_lines_is_chrome():
    # After share buttons or a footer, the organ that opens the headline is the page's residue.
    text = _REPORT + "扫一扫 手机端浏览\n松川县应急管理局\n"
    assert_hidden(text, "松川县应急管理局", "repeated-title")
