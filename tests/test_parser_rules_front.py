"""The front matter on cases written for the patterns of UNSEEN.md: headlines, page metadata,
datelines, issue lines, and where the report begins and ends.

Each pattern is tried with other names, organisations, sites, script and punctuation width than
the corpus has, so that a rule proves it is for the pattern and not for one text.
"""

from __future__ import annotations

import pytest

import converter
from tests.test_parser_rules import meeting_date, read

_FULL = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"})


def _both_widths(text: str) -> list[str]:
    return [text, text.translate(_FULL)]


def _guesses(text: str) -> list[str]:
    return converter.parse(text).guesses


# ------------------------------------------- a long line without sentence punctuation (UNSEEN 2)


@pytest.mark.parametrize(
    "headline",
    [
        "云溪镇党委召开理论学习中心组会议专题学习党的建设有关重要论述 研究部署下一阶段党建工作",
        "青禾县人民检察院举行党组理论学习中心组集体学习 深入学习贯彻全国检察长会议精神和有关部署",
        "松川大學黨委召開常委會議傳達學習全國教育大會精神 研究部署學校下半年改革發展穩定工作",
    ],
)
def test_a_long_headline_does_not_pull_the_report_above_it(headline):
    assert len(headline) >= 40
    for text in _both_widths(f"{headline}\n发布时间:2024-05-06 来源:融媒体中心\n5月5日,会议在三楼召开。会议由书记主持。"):
        data = read(text)
        assert data["title"] == headline.translate(_FULL) if "，" in text else headline
        assert data["metadata"] == {"published": "2024-05-06", "source": "融媒体中心"}
        assert data["meetings"][0]["date"]["value"] == "2024-05-05"
        assert any("long line" in g for g in _guesses(text))


def test_a_greeting_and_a_breadcrumb_above_the_headline_stay_page_chrome():
    text = ("欢迎访问北岭区第一中学!\n\n当前位置: 网站首页 >> 学校新闻 >> 正文\n\n"
            "同心协力 再创佳绩——我校召开期初教学工作会议\n\n2月20日下午,我校召开期初教学工作会议。")
    data = read(text)
    assert data["title"] == "同心协力 再创佳绩——我校召开期初教学工作会议"
    assert data["meetings"][0]["date"]["value"] == "--02-20"


def test_a_breadcrumb_ending_in_the_headline_gives_the_headline():
    for crumbs in ("首页 > 新闻中心 > 松川市召开优化营商环境工作会议", "首頁 » 工作動態 » 青禾縣召開安全生產工作會議",
                   "首页/新闻中心/北岭区召开营商环境工作会议"):
        text = f"{crumbs}\n3月8日,会议在市民中心召开。"
        data = read(text)
        assert data["title"] == crumbs.replace("/", " ").rsplit(" ", 1)[1]
        assert [c["kind"] for c in data["chrome"]] == ["navigation"]
        assert any("breadcrumb" in g for g in _guesses(text))
        assert "".join(converter.parse(text).text().split()) == "".join(text.split())


def test_without_any_headline_word_the_line_nearest_the_report_is_the_headline():
    text = "第03版:要闻 PDF版\n\n青禾日报客户端\n\n一网打尽 尽在掌握\n\n凝心聚力 共谋新篇\n\n本报讯 4月9日,县政协召开主席会议。"
    assert read(text)["title"] == "凝心聚力 共谋新篇"


def test_a_lead_without_a_full_stop_is_still_the_report_not_the_headline():
    text = "区人大常委会召开主任会议\n3月5日上午,区人大常委会召开主任会议,主任王立新主持,副主任李伟、张红参加\n会议听取了工作汇报。"
    data = read(text)
    assert data["title"] == "区人大常委会召开主任会议"
    assert data["meetings"][0]["date"]["value"] == "--03-05"


# ---------------------------------------------------- '|'-separated rows, table rows (UNSEEN 4)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("| 编辑: 唐一凡 | 时间: 2024-04-02 10:12:30 | 来源: 松川日报 |",
         {"editor": "唐一凡", "published": "2024-04-02T10:12:30", "source": "松川日报"}),
        ("｜责任编辑：欧阳晓｜发布时间：2023-11-08｜浏览：88｜",
         {"editor": "欧阳晓", "published": "2023-11-08", "views": 88}),
        ("2021-12-29 16:00:51 编辑: 蓝海 审核人:白云飞 阅读次数:512 |",
         {"published": "2021-12-29T16:00:51", "editor": "蓝海", "reviewer": "白云飞", "views": 512}),
        ("來源:青禾發布 | 作者:陸遠航 | 發布時間:2022-07-01",
         {"source": "青禾發布", "author": "陸遠航", "published": "2022-07-01"}),
    ],
)
def test_separated_metadata_rows(line, expected):
    data = read(f"某局召开会议\n{line}\n3月1日,某局召开会议。")
    assert data["metadata"] == expected


def test_a_page_metadata_table_is_metadata_and_the_article_line_under_the_headline_wins():
    text = ("索引号: abc-2023-0091 发布机构: 青禾县人民政府\n"
            "信息名称: 青禾县召开县政府第12次常务会议 主题分类: 政府常务会议\n"
            "发布日期: 2023-06-02 成文日期: 2023-06-01\n"
            "\n青禾县召开县政府第12次常务会议\n\n"
            "发布时间:2023-06-02 14:40:21 【字体:\n\n6月1日,县长蒋一帆主持召开县政府第12次常务会议。")
    data = read(text)
    assert data["title"] == "青禾县召开县政府第12次常务会议"
    assert data["metadata"] == {"published": "2023-06-02T14:40:21"}
    assert data["meetings"][0]["date"]["value"] == "2023-06-01"
    assert [b["origin"] for b in data["metadata-blocks"]] == ["page", "article"]


def test_one_unknown_label_makes_no_metadata_line():
    # "主题:…" alone is no page metadata: it stays where it is and is no headline either.
    data = read("主题:学习贯彻全会精神\n4月2日,区委召开常委会会议。")
    assert data["metadata"] == {}
    assert data["title"] is None


# ------------------------------------------------- timestamps and bylines glued in (UNSEEN 7)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("责任编辑:林小溪 2024-03-05 16:20:10 来源:青禾日报",
         {"editor": "林小溪", "published": "2024-03-05T16:20:10", "source": "青禾日报"}),
        ("编辑：韩梅 2023/09/14 08:05 来源：北岭新闻网",
         {"editor": "韩梅", "published": "2023-09-14T08:05", "source": "北岭新闻网"}),
        ("2017-11-28 16:01   湖北日报", {"published": "2017-11-28T16:01"}),
        ("2024-05-06 14:22  记者 林溪 吴桐", {"published": "2024-05-06T14:22"}),
    ],
)
def test_timestamps_glued_into_a_metadata_line(line, expected):
    for text in _both_widths(f"某县召开会议\n{line}\n5月4日,某县召开会议。"):
        data = read(text)
        assert {k: str(v).translate(_FULL) for k, v in data["metadata"].items()} == {
            k: str(v).translate(_FULL) for k, v in expected.items()}


# ------------------------------------------------------- pinyin noise inside a label


def test_pinyin_inside_the_labels_of_a_traditional_page():
    data = read("商會(huì)召開會(huì)長(zhǎng)會(huì)議\n發(fā)布時(shí)間:2013-03-01瀏覽:1422次\n2013年2月28日,商會召開會議。")
    assert data["metadata"] == {"published": "2013-03-01", "views": 1422}
    data = read("协会召开理事会议\n来(lái)源(yuán):青禾协会 作(zuò)者:王一\n3月2日,协会召开理事会议。")
    assert data["metadata"] == {"source": "青禾协会", "author": "王一"}
    # Values stay as written, the pinyin of their last character too.
    data = read("协会召开理事会议\n來(lái)源(yuán):青禾協會(huì) 作(zuò)者:王一\n3月2日,协会召开理事会议。")
    assert data["metadata"] == {"source": "青禾協會(huì)", "author": "王一"}


# ------------------------------------------ headline decoration and split headlines (11, 12)


@pytest.mark.parametrize(
    "front, title",
    [
        ("> 松川市召开优化营商环境工作会议", "松川市召开优化营商环境工作会议"),
        ("青禾县召开防汛工作会议 |", "青禾县召开防汛工作会议"),
        ("北岭區召開營商環境工作會議 ｜", "北岭區召開營商環境工作會議"),
        ("北岭区委常委会召开会议\n传达学习全市经济工作会议精神", "北岭区委常委会召开会议 传达学习全市经济工作会议精神"),
        ("梅林区召开区政府常务会议\n奋力夺取开门红\n全力以赴抓落实", "梅林区召开区政府常务会议 奋力夺取开门红 全力以赴抓落实"),
        ("青禾縣委召開常委會議\n傳達學習省委全會精神", "青禾縣委召開常委會議 傳達學習省委全會精神"),
    ],
)
def test_headline_decoration_and_lines(front, title):
    data = read(f"{front}\n发布时间:2024-12-20\n12月19日,会议在县委召开。")
    assert data["title"] == title


def test_a_deck_line_a_byline_or_a_caption_under_the_headline_is_not_part_of_it():
    for under in ("王建波主持", "本报记者 刘洋", "图为会议现场", "编者按:为深入学习贯彻全会精神", "摘要：会议研究部署下半年工作"):
        data = read(f"市委常委会召开会议\n{under}\n2月1日,市委常委会召开会议。")
        assert data["title"] == "市委常委会召开会议", under


def test_a_subtitle_after_a_blank_line_is_not_joined():
    data = read("县政府召开常务会议\n\n研究部署近期工作\n\n5月2日,县政府召开常务会议。")
    assert data["title"] == "县政府召开常务会议"


# ------------------------------------------------ metadata glued to the lead (UNSEEN 13)


@pytest.mark.parametrize(
    "line, expected, date",
    [
        ("时间:2024-02-01 09:00:00 来源:北岭发布2月1日,北岭区召开农业农村工作会议。",
         {"published": "2024-02-01T09:00:00", "source": "北岭发布"}, "2024-02-01"),
        ("來源:青禾融媒 發布時間:2023-10-09本報訊10月8日,青禾縣召開縣委常委會會議。",
         {"source": "青禾融媒", "published": "2023-10-09"}, "2023-10-08"),
    ],
)
def test_metadata_glued_to_the_lead(line, expected, date):
    for text in _both_widths(f"北岭区召开会议\n{line}\n会议强调,要抓好落实。"):
        data = read(text)
        assert {k: str(v).translate(_FULL) for k, v in data["metadata"].items()} == {
            k: str(v).translate(_FULL) for k, v in expected.items()}
        assert data["meetings"][0]["date"]["value"] == date
        assert "".join(converter.parse(text).text().split()) == "".join(text.split())


def test_a_headline_and_the_lead_on_one_line():
    text = "我县召开2011年三秋工作动员会 9月21日上午,我县召开三秋工作动员会。副县长邓小宇主持会议。"
    data = read(text)
    assert data["title"] == "我县召开2011年三秋工作动员会"
    assert data["meetings"][0]["date"]["value"] == "--09-21"
    assert any("share one line" in g for g in _guesses(text))


# ---------------------------------------------------- a value glued to page chrome (UNSEEN 24)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("2024-03-19 07:00 来源:松川广播网我要评论", {"published": "2024-03-19T07:00", "source": "松川广播网"}),
        ("来源：青禾日报分享到：", {"source": "青禾日报"}),
        ("作者:欧晓峰【打印本页】", {"author": "欧晓峰"}),
    ],
)
def test_a_metadata_value_stops_at_glued_chrome(line, expected):
    assert read(f"某市召开会议\n{line}\n3月18日,某市召开会议。")["metadata"] == expected


# ------------------------------------------------------------------ datelines (UNSEEN 16)


@pytest.mark.parametrize(
    "lead, expected",
    [
        ("松川网5月10日讯 9日,松川市召开教育工作会议。", "--05-09"),
        ("新华社北京11月16日电 全国政协主席会议16日在京举行。", "--11-16"),
        ("青禾新聞網3月2日訊 昨天,青禾縣召開安全工作會議。", "--03-01"),
        ("松川网5月10日讯（通讯员 林一）9日，松川市召开教育工作会议。", "--05-09"),
        ("北岭台消息 6月1日,北岭区召开会议。", "--06-01"),
        ("人民网北京1月3日电 （记者 林木）12月30日，全国会议在京召开。", "--12-30"),
    ],
)
def test_a_dateline_is_not_the_meeting_date_when_a_later_date_follows(lead, expected):
    assert meeting_date(lead) == expected


def test_a_dateline_date_with_a_publication_year():
    assert meeting_date("松川市召开会议\n发布时间:2024-05-11\n松川网5月10日讯 9日,松川市召开会议。") == "2024-05-09"
    assert meeting_date("松川市召开会议\n发布时间:2024-01-03\n某某网1月2日讯 12月31日,某市召开会议。") == "2023-12-31"


# ----------------------------------------------------- periodical issue line (UNSEEN 22)


@pytest.mark.parametrize(
    "issue, lead, expected",
    [
        ("松川税务 2021年 第6期", "本刊讯5月12日,市税务局党委召开会议。", "2021-05-12"),
        ("青禾教育(2019年第12期)", "11月3日,县教育局召开校长会议。", "2019-11-03"),
        ("北嶺檢察 2020年第3期 總第45期", "3月2日,市檢察院召開黨組會議。", "2020-03-02"),
        ("《松川税务》2021年第6期（总第120期）", "本刊讯 5月12日,市税务局党委召开会议。", "2021-05-12"),
    ],
)
def test_a_periodical_issue_line_gives_the_year(issue, lead, expected):
    data = read(f"{issue}\n\n{lead}")
    assert data["meetings"][0]["date"]["value"] == expected
    assert data["title"] is None
    assert [c["kind"] for c in data["chrome"]] == ["navigation"]


def test_an_issue_number_in_a_headline_is_no_issue_line():
    data = read("局机关召开2021年第6期理论学习会\n5月8日,局机关召开理论学习会。")
    assert data["title"] == "局机关召开2021年第6期理论学习会"


# ------------------------------------------------- year or month from the meeting's name


@pytest.mark.parametrize(
    "lead, expected",
    [
        ("1月22日下午,附属医院召开了2017年科主任座谈会。", "2017-01-22"),
        ("3月9日,青禾县召开2022年安全生产工作会议。", "2022-03-09"),
        # A meeting that looks back on its year is held after it: the name gives no year.
        ("1月8日,某局召开2021年度工作总结大会。", "--01-08"),
        ("1月8日,某局召开2021年工作总结会。", "--01-08"),
    ],
)
def test_year_of_the_meeting_named_for_it(lead, expected):
    assert meeting_date(lead) == expected


def test_month_of_a_meeting_named_for_it():
    assert meeting_date("27日下午,金湖县院召开二月份党组中心组学习会。") == "--02-27"
    assert meeting_date("5日,某局召開11月份局務會議。") == "--11-05"
    # With a publication date, the month comes from there as before.
    assert meeting_date("某局召开会议\n发布时间:2020-03-06\n5日,某局召开二月份工作例会。") == "2020-03-05"


def test_a_lost_month_is_read_from_a_number_no_day_can_be():
    assert meeting_date("座谈会于84日下午召开。") == "--08-04"
    assert meeting_date("会议于1121日召开。") == "--11-21"
    assert meeting_date("会议于22日召开。") == "---22"
    assert meeting_date("会议于31日召开。") == "---31"


# ------------------------------------------------ a truncated last paragraph (UNSEEN 18)


@pytest.mark.parametrize(
    "last",
    [
        "卓一鸣指出,今年是全面深化改革的关键",
        "會議重申了加強分會管",
        "会议强调，要进一步压实各级责任，确保",
    ],
)
def test_a_truncated_last_paragraph_stays_in_the_report(last):
    text = f"3月18日,松川市召开会议。市长卓一鸣主持会议。\n{last}"
    paragraphs = "".join(converter.parse(text).root.find(".//{*}meeting").itertext())
    assert last in paragraphs


@pytest.mark.parametrize("furniture", ["版权所有:松川市人民政府", "分享到:", "【打印本页】【关闭窗口】\n主办单位:松川市政府办公室"])
def test_a_truncated_last_paragraph_before_page_furniture_stays_in_the_report(furniture):
    # A saved web page puts its footer after the cut-off line; the cut is still the report's end.
    last = "會議重申了加強分會管"
    text = f"3月18日,松川市召开会议。市长卓一鸣主持会议。\n{last}\n{furniture}"
    paragraphs = "".join(converter.parse(text).root.find(".//{*}meeting").itertext())
    assert last in paragraphs


def test_a_line_cut_off_is_recorded_as_a_guess():
    assert any("cut off" in g for g in _guesses("3月18日,某市召开会议。\n會議重申了加強分會管"))


def test_a_footer_after_the_report_stays_back_matter():
    for footer in ("县政府常务会议", "(通讯员 林夕)", "还没有评论,快来抢沙发吧!"):
        text = f"3月18日,松川市召开会议。市长卓一鸣主持会议。\n{footer}"
        meeting = "".join(converter.parse(text).root.find(".//{*}meeting").itertext())
        assert footer not in meeting, footer


# ------------------------------------------------------------- where the rules must not reach


def test_a_bracketed_column_name_before_a_headline_keeps_it_a_headline():
    data = read("【两会进行时】市政协召开十届三次会议预备会议\n1月5日,市政协召开预备会议。")
    assert data["title"] == "【两会进行时】市政协召开十届三次会议预备会议"
    data = read("县委召开常委会会议\n【全媒体记者 吴刚】\n4月7日,县委召开常委会会议。")
    assert data["title"] == "县委召开常委会会议"


def test_a_site_name_under_the_headline_is_not_its_second_line():
    for under in ("青禾县人民政府", "北岭新闻网", "松川日报客户端"):
        data = read(f"青禾县召开防汛工作会议\n{under}\n6月1日,青禾县召开防汛工作会议。")
        assert data["title"] == "青禾县召开防汛工作会议", under


def test_a_date_before_a_teleconference_is_no_dateline():
    assert meeting_date("5月10日电视电话会议召开后,12日,某县召开落实会议。") == "--05-10"
    assert meeting_date("为落实5月10日讯息,12日,某县召开会议。") is not None


def test_a_meeting_on_last_years_work_gives_no_year():
    assert meeting_date("1月15日,某局召开2023年度民主生活会。") == "--01-15"
    assert meeting_date("1月15日,某局召开2023年民主生活会。") == "--01-15"


def test_a_minutes_head_with_two_attendance_cells_stays_in_the_report():
    text = "县财政局局长办公会议纪要\n出席:张三、李四 列席:王五\n会议研究了预算执行情况。"
    data = read(text)
    assert data["metadata"] == {}
    assert data["title"] == "县财政局局长办公会议纪要"


def test_a_timestamp_glued_to_a_name_without_a_space():
    data = read("某局召开会议\n编辑:林晓2024-03-05 16:20 来源:某报\n3月4日,某局召开会议。")
    assert data["metadata"] == {"editor": "林晓", "published": "2024-03-05T16:20", "source": "某报"}


def test_a_headline_listing_with_dun_is_still_a_headline():
    for headline in ("凝心聚力、真抓实干、奋勇争先——青禾县召开全县干部大会",
                     "区委常委会召开会议 传达学习省委全会精神、研究部署全区重点工作、审议有关文件"):
        data = read(f"{headline}\n来源:区委办\n3月5日,会议在区委召开。")
        assert data["title"] == headline
        assert data["metadata"] == {"source": "区委办"}


def test_a_short_column_name_above_the_headline_is_not_the_headline():
    for column in ("党建学习", "學習園地", "会议动态"):
        data = read(f"{column}\n\n青禾县委召开常委会会议\n3月5日,县委召开常委会会议。")
        assert data["title"] == "青禾县委召开常委会会议", column


def test_a_lead_opening_with_a_day_glued_to_metadata():
    text = "北岭区召开会议\n发布时间:2024-02-02 来源:北岭发布1日上午,北岭区召开农业农村工作会议。"
    data = read(text)
    assert data["metadata"] == {"published": "2024-02-02", "source": "北岭发布"}
    assert data["meetings"][0]["date"]["value"] == "2024-02-01"


def test_a_timestamp_after_a_separator_and_a_bare_issue_line():
    data = read("青禾县召开会议\n来源：青禾日报 | 2024-03-06\n3月5日，县委召开常委会会议。")
    assert data["metadata"] == {"source": "青禾日报", "published": "2024-03-06"}
    assert meeting_date("2024年第3期\n青禾县委召开常委会\n3月5日,县委召开常委会会议。") == "2024-03-05"
    # A table cell we do not read keeps its date to itself: 成文日期 is no publication date.
    assert read("青禾县召开会议\n成文日期: 2022-06-02 来源:青禾日报\n3月5日,县委召开会议。")["metadata"] == {
        "source": "青禾日报"}


@pytest.mark.parametrize(
    "lead, expected",
    [
        ("为贯彻落实3月1日全省安全生产工作会议精神,3月5日,青禾县召开安全生产工作会议。", "--03-05"),
        ("為學習貫徹10月16日開幕的黨的二十大精神,10月24日,某局召開大會。", "--10-24"),
        ("3月5日,县委召开常委会会议,传达学习3月1日全省会议精神。", "--03-05"),
        ("经过精心筹备,座谈会于8月4日下午召开。", "--08-04"),
    ],
)
def test_a_date_that_qualifies_another_event_is_not_the_meeting_date(lead, expected):
    for text in _both_widths(lead):
        assert meeting_date(text) == expected


def test_a_column_name_alone_is_page_chrome_and_no_headline():
    for column in ("图片新闻", "工作动态", "學習園地"):
        data = read(f"{column}\n3月5日,县委召开常委会会议。")
        assert data["title"] is None
        assert [c["kind"] for c in data["chrome"]] == ["navigation"]


def test_more_labels_and_a_publishing_label_with_a_time():
    data = read("青禾县召开会议\n发布：2024-03-06 10:00 点击次数：35\n3月5日，县委召开常委会会议。")
    assert data["metadata"] == {"published": "2024-03-06T10:00", "views": 35}
    data = read("青禾县召开会议\n发布人:王五 更新日期:2024-03-06 访问次数:7\n3月5日,县委召开常委会会议。")
    assert data["metadata"] == {"publisher": "王五", "published": "2024-03-06", "views": 7}


def test_a_headline_without_a_meeting_word_is_recorded_as_a_guess():
    text = "青禾日报客户端\n\n凝心聚力 共谋新篇\n\n本报讯 4月9日,县政协召开主席会议。"
    assert any("nearest the report" in g for g in _guesses(text))
    assert not any("nearest the report" in g for g in _guesses("县政协召开主席会议\n4月9日,县政协召开主席会议。"))


def test_a_glued_lead_is_cut_after_the_whole_metadata_not_inside_its_date():
    text = "北岭区召开会议\n时间:2024年2月1日 来源:北岭发布2月1日,北岭区召开农业农村工作会议。会议指出,要抓好落实。"
    data = read(text)
    assert data["metadata"] == {"published": "2024-02-01", "source": "北岭发布"}
    assert data["meetings"][0]["date"]["text"] == "2月1日"


_FRONTS = [
    "云溪镇党委召开理论学习中心组会议专题学习党的建设有关重要论述 研究部署下一阶段党建工作\n发布时间:2024-05-06 来源:云溪镇融媒体中心\n5月5日,云溪镇党委召开会议。",
    "松川市召开营商环境会议\n| 编辑: 唐一凡 | 时间: 2024-04-02 10:12:30 | 来源: 松川日报 |\n4月2日,松川市召开营商环境会议。",
    "北岭区委常委会召开会议\n传达学习全市经济工作会议精神\n发布时间:2024-12-20\n12月19日,北岭区委常委会召开会议。",
    "北岭区召开会议\n时间:2024-02-01 09:00:00 来源:北岭发布2月1日,北岭区召开农业农村工作会议。",
    "松川税务 2021年 第6期\n本刊讯5月12日,市税务局党委召开会议。",
    "我县召开2011年三秋工作动员会 9月21日上午,我县召开三秋工作动员会。副县长邓小宇主持会议。 |",
    "3月18日,松川市召开会议。\n卓一鸣指出,今年是全面深化改革的关键",
    "發(fā)布時(shí)間:2013-03-01瀏覽:1422次\n2013年2月28日,商會召開會議。",
]


def _front_structure(text: str) -> tuple:
    data = read(text)
    squash = lambda s: "".join(str(s or "").split()).translate(_FULL)  # noqa: E731
    meeting = data["meetings"][0] if data["meetings"] else {"date": None}
    return (squash(data["title"]), {k: squash(v) for k, v in data["metadata"].items()},
            meeting["date"] and meeting["date"]["value"], [c["kind"] for c in data["chrome"]])


@pytest.mark.parametrize("text", _FRONTS)
def test_front_rules_keep_every_character_and_ignore_width_and_line_ends(text):
    for variant in (text, text.translate(_FULL), text.replace("\n", "\r\n")):
        document = converter.parse(variant)
        assert converter.validate(document) == []
        assert "".join(document.text().split()) == "".join(variant.split())
        assert _front_structure(variant) == _front_structure(text)


def test_the_date_after_a_dateline_says_where_its_year_came_from():
    def date_of(text):
        return read(text)["meetings"][0]["date"]

    found = date_of("松川网5月10日讯 2024年5月9日,松川市召开会议。")
    assert (found["value"], found["year"], found["text"]) == ("2024-05-09", "stated", "2024年5月9日")
    found = date_of("某市召开会议\n发布时间:2024-05-11\n松川网5月10日讯 9日,松川市召开会议。")
    assert (found["value"], found["year"], found["text"]) == ("2024-05-09", "publication", "9日")
    found = date_of("2024年第3期\n松川网5月10日讯 9日,松川市召开会议。")
    assert (found["value"], found["year"]) == ("2024-05-09", "series")


# ------------------------------------------------ official documents (公文) beside meeting reports


@pytest.mark.parametrize(
    "headline, addressee",
    [
        ("关于做好2025年春节期间安全生产工作的通知", "各区县人民政府，市政府各部门："),
        ("关于开展防汛检查的通知", "各乡镇人民政府,县直各单位:"),
        ("關於做好秋季防火工作的通知", "各區縣人民政府："),
    ],
)
def test_a_circular_keeps_its_headline_and_no_addressee_becomes_the_title(headline, addressee):
    text = f"{headline}\n{addressee}\n为做好有关工作，现将有关事项通知如下。\n一、提高认识\n各级领导干部要带头深入一线检查指导。\n市人民政府办公室\n2025年1月20日\n"
    document = converter.parse(text)
    assert read(text)["title"] == headline
    names = [p.get("name") for p in document.root.iter("{*}person")]
    assert names == []  # 领导干部 is no titled person
    assert not any("cut off" in g for g in document.guesses)
