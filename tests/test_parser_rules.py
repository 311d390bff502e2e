"""One recogniser at a time, on cases written for patterns the corpus does not show."""

from __future__ import annotations

import pytest

import converter
from converter.summary import summarise


def read(text: str) -> dict:
    document = converter.parse(text)
    assert converter.validate(document) == []
    return summarise(document.root)


def persons(text: str) -> dict[str, tuple[str, list[str]]]:
    data = read(text)
    return {p["name"]: (p["role"], p["action"]) for m in data["meetings"] for p in m["persons"]}


def sections(text: str) -> list[tuple[str, str, int]]:
    data = read(text)
    return [(s["kind"], s["speaker"], len(s["items"])) for m in data["meetings"] for s in m["sections"]]


def groups(text: str) -> list[str]:
    return [g["text"] for m in read(text)["meetings"] for g in m["groups"]]


def meeting_date(text: str) -> str | None:
    date = read(text)["meetings"][0]["date"]
    return date and date["value"]


# ---------------------------------------------------------------- headline and metadata


def test_repeated_headline_is_not_a_second_title():
    data = read("某局召开全体干部大会\n来源:某局\n某局召开全体干部大会\n3月1日,某局召开全体干部大会。")
    assert data["title"] == "某局召开全体干部大会"
    assert [c["kind"] for c in data["chrome"]] == ["repeated-title"]


def test_headline_split_over_two_lines_with_a_dash_subtitle():
    data = read("凝心聚力谋发展 砥砺奋进新征程\n——市总工会召开十五届三次全委会议\n12月27日,市总工会召开全委会议。")
    assert data["title"] == "凝心聚力谋发展 砥砺奋进新征程 ——市总工会召开十五届三次全委会议"


def test_chrome_above_the_headline_is_chrome_not_title():
    data = read("新闻中心\n分享到\n市政府召开常务会议\n1月3日,市政府召开常务会议。")
    assert data["title"] == "市政府召开常务会议"
    assert {c["kind"] for c in data["chrome"]} == {"navigation", "share"}


@pytest.mark.parametrize(
    "line, expected",
    [
        ("发布时间：2023-10-12　来源：市委办公室　浏览次数：356", {"published": "2023-10-12", "source": "市委办公室", "views": 356}),
        ("来源:国家知识产权局作者:发布时间:2023/10/12 9:43:26", {"source": "国家知识产权局", "published": "2023-10-12T09:43:26"}),
        ("作者:张明 责任编辑:李华 审核:王强 拟稿:赵一 校对:钱二 发布人:孙三",
         {"author": "张明", "editor": "李华", "reviewer": "王强", "drafter": "赵一", "proofreader": "钱二", "publisher": "孙三"}),
        ("09.01.2018 21:30", {"published": "2018-01-09T21:30"}),
        ("点击率:10609次", {"views": 10609}),
    ],
)
def test_metadata_lines(line, expected):
    data = read(f"某局召开会议\n{line}\n3月1日,某局召开会议。")
    assert data["metadata"] == expected


def test_republished_page_keeps_both_blocks_and_prefers_the_article():
    text = ("某局召开大会\n阅读:10\n来源:转载网\n某局召开大会\n来源:某局 发布时间:2023-05-06\n"
            "5月4日,某局召开大会。")
    data = read(text)
    assert [b["origin"] for b in data["metadata-blocks"]] == ["page", "article"]
    assert data["metadata"] == {"source": "某局", "published": "2023-05-06", "views": 10}


def test_bracketed_byline_at_the_end_is_marked_and_its_fields_read():
    data = read("3月1日,某局召开会议。会议强调,要抓落实。(文字:张三 审核:李四)")
    assert data["metadata"] == {"reviewer": "李四"}
    assert data["metadata-blocks"][0]["byline"] is True


def test_page_chrome_after_the_body_is_kept_and_marked():
    data = read("3月1日,某局召开会议。\n评论 0人参与\n版权所有:某局\n打印本页 关闭窗口")
    assert [c["kind"] for c in data["chrome"]] == ["comment", "copyright", "print"]


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2022年12月9日下午,公司召开会议。", "2022-12-09"),
        ("二〇二三年十月二十四日,某局召开会议。", "2023-10-24"),
        ("10月24日,某局召开会议。", "--10-24"),
        ("22日下午,某院召开会议。", "---22"),
        ("10月27日,学院党委理论学习中心组召开2025年度第十次集体学习会。", "2025-10-27"),
    ],
)
def test_meeting_dates(text, expected):
    assert meeting_date(text) == expected


def test_year_inferred_from_publication_is_the_latest_not_after_it():
    assert meeting_date("某局召开会议\n发布时间:2023-01-05\n12月30日,某局召开会议。") == "2022-12-30"
    assert meeting_date("某局召开会议\n发布时间:2023-01-05\n1月4日,某局召开会议。") == "2023-01-04"
    assert meeting_date("某局召开会议\n发布时间:2020-03-31\n17日,全省检察长会议召开。") == "2020-03-17"
    assert meeting_date("某局召开会议\n发布时间:2020-03-31\n昨天,某局召开会议。") == "2020-03-30"


def test_daypart_and_lead_organiser_and_name():
    meeting = read("6月20日晚,县政府召开第七次常务会议,研究工作。")["meetings"][0]
    assert meeting["date"]["daypart"] == "evening"
    assert meeting["organiser"] == "县政府"
    assert meeting["meeting-name"] == "第七次常务会议"


def test_several_meetings_in_one_article():
    text = ("5月7日下午,市委召开学习会。市委书记王建国主持会议。\n"
            "又讯 5月7日上午,市政府召开常务会议,市长刘志强主持会议。他指出,要坚持规划引领。")
    data = read(text)
    assert [m["id"] for m in data["meetings"]] == ["m1", "m2"]
    assert data["meetings"][1]["sections"][0]["speaker"] == "刘志强"


# ---------------------------------------------------------------- participants


def test_roles_joined_by_dun_and_names_sharing_a_title():
    found = persons("局党组成员、副局长廖涛传达文件精神,局党组班子成员何志敏、胡文辉出席会议。")
    assert found == {
        "廖涛": ("局党组成员、副局长", ["传达"]),
        "何志敏": ("局党组班子成员", ["出席"]),
        "胡文辉": ("局党组班子成员", ["出席"]),
    }


def test_chair_who_also_speaks_and_passive_chair():
    assert persons("局长申长雨主持会议并讲话。")["申长雨"] == ("局长", ["主持", "讲话"])
    assert persons("会议由党组书记、局长彭军主持。")["彭军"] == ("党组书记、局长", ["主持"])


def test_title_segmentation_trap():
    assert "江磊" in persons("副区长江磊参加会议。")


def test_groups_are_kept_as_groups_split_on_commas_only():
    assert groups("局专利局负责同志,专利局各部门、商标局主要负责同志参加会议。") == [
        "局专利局负责同志", "专利局各部门、商标局主要负责同志"]


def test_person_joined_to_a_group_by_ji():
    text = "副局长林卫江及各处室全体人员参加会议。"
    assert persons(text) == {"林卫江": ("副局长", ["参加"])}
    assert groups(text) == ["各处室全体人员"]


def test_organisation_before_name_and_tongzhi_after():
    assert persons("省直机关工委王春黎同志现场列席会议。") == {"王春黎": ("省直机关工委", ["列席"])}


def test_a_person_keeps_the_role_first_given():
    found = persons("纪委书记郝曼寅领学文件。党委副书记李国华、郝曼寅作研讨交流。")
    assert found["郝曼寅"] == ("纪委书记", ["领学", "发言"])
    assert found["李国华"] == ("党委副书记", ["发言"])


def test_action_phrases_normalised():
    found = persons("最后,院长周静做了动员讲话。党委副书记陶连洲就思想建设谈了看法。黎娅给全体党员上党课。")
    assert found["周静"][1] == ["讲话"]
    assert found["陶连洲"][1] == ["发言"]
    assert found["黎娅"][1] == ["上党课"]


def test_minutes_attendance_lines_with_leave():
    text = ("3月5日,县财政局召开局长办公会议。\n出席：局长张三、副局长李四\n列席：赵六（办公室主任）\n"
            "请假：钱七（因公出差）")
    found = persons(text)
    assert found["张三"] == ("局长", ["出席"])
    assert found["赵六"] == ("办公室主任", ["列席"])
    assert found["钱七"] == ("", ["请假"])


def test_names_inside_statement_content_are_not_participants():
    # "全面总结" is content, not a person called 全面.
    assert persons("3月1日,某局召开会议。会议认为,报告全面总结了过去五年的工作。") == {}


# ---------------------------------------------------------------- statement blocks


def test_meeting_blocks_in_order_with_repeats_and_compounds():
    text = ("会议认为,形势很好。\n会议传达学习了文件精神。\n会议审议通过了报告。\n会议指出,要抓落实。\n"
            "会议还强调,要守纪律。\n会议一致决定,成立小组。\n会议号召全体党员行动起来。\n会议指出,要再接再厉。")
    assert [s[0] for s in sections(text)] == ["认为", "传达学习", "审议通过", "指出", "强调", "决定", "号召", "指出"]


def test_person_and_pronoun_blocks():
    text = "县委书记张三主持会议。张三强调,要抓落实。他要求,各部门要压实责任。"
    assert sections(text) == [("强调", "张三", 0), ("要求", "张三", 0)]


def test_not_blocks():
    text = ("6月2日,某区召开会议,会议通过视频形式召开。大会强调,要抓好落实。与会人员一致认为,会议很成功。"
            "会议充分肯定了成绩。强调,要继续努力。会议强调")
    assert sections(text) == []


def test_traditional_script_blocks_keep_text_as_written():
    data = read("3月8日，縣政府召開常務會議。縣長黃志明主持會議。\n會議強調，要做好防汛準備。黃志明指出，要壓實責任。")
    blocks = data["meetings"][0]["sections"]
    assert [(b["kind"], b["speaker"]) for b in blocks] == [("强调", "会议"), ("指出", "黃志明")]
    assert blocks[0]["text"] == "會議強調，要做好防汛準備。"


@pytest.mark.parametrize(
    "body, labels",
    [
        ("会议要求,一要学习;二要落实;三要总结。", ["一要", "二要", "三要"]),
        ("会议要求,一是学习;二是落实。", ["一是", "二是"]),
        ("会议要求：（一）学习；（二）落实。", ["(一)", "(二)"]),
        ("会议要求,第一,要学习;第二,要落实。", ["第一", "第二"]),
        ("会议要求:1.学习;2.落实。", ["1", "2"]),
    ],
)
def test_enumerated_items(body, labels):
    data = read(body)
    items = data["meetings"][0]["sections"][0]["items"]
    assert [i["label"].replace("（", "(").replace("）", ")") for i in items] == labels


def test_block_with_heading_marker_continues_over_paragraphs():
    text = "会议决定：\n（一）成立领导小组。\n（二）各股室完成清理。\n局长张三主持会议。"
    data = read(text)
    block = data["meetings"][0]["sections"][0]
    assert (block["kind"], len(block["items"])) == ("决定", 2)
    assert "局长张三" not in block["text"]


def test_a_lone_marker_at_the_end_is_not_a_block():
    assert sections("3月1日,某局召开会议。\n会议指出,要抓落实。\n会议要求") == [("指出", "会议", 0)]


def test_every_character_is_kept_with_markup_over_text():
    text = "３月１日，某局召开会议。会议强调，要（一）学习；（二）落实。\n\n版权所有"
    document = converter.parse(text)
    assert "".join(document.text().split()) == "".join(text.split())


def test_metadata_value_stops_before_a_widget_and_keeps_single_spaces():
    data = read("某局召开会议\n2023-04-13 08:30　来源：某某日报　作者：记者 刘佳　【字体：大 中 小】\n4月12日，某局召开会议。")
    assert data["metadata"] == {"published": "2023-04-13T08:30", "source": "某某日报", "author": "记者 刘佳"}
    assert read("某局召开会议\n作者:申 菲 编辑:李 沛 陈 雍\n3月1日,某局召开会议。")["metadata"] == {
        "author": "申 菲", "editor": "李 沛 陈 雍"}


def test_name_with_tongzhi_opens_a_block():
    assert sections("市委书记李明主持会议。李明同志指出,要抓落实。") == [("指出", "李明", 0)]


def test_lead_with_etc_and_speech_within():
    text = ("9月3日下午,县委理论学习中心组举行2024年第8次集中学习。县委书记周建华主持并讲话,"
            "县委副书记、县长吴海峰领学有关篇目,市政协主席赵军等出席会议。周建华在讲话中指出,要学思用贯通。")
    found = persons(text)
    assert found["周建华"] == ("县委书记", ["主持", "讲话"])
    assert found["吴海峰"] == ("县委副书记、县长", ["领学"])
    assert found["赵军"] == ("市政协主席", ["出席"])
    date = read(text)["meetings"][0]["date"]
    assert {key: date[key] for key in ("value", "year", "daypart", "guessed", "text")} == {
        "value": "2024-09-03", "year": "series", "daypart": "afternoon", "guessed": False, "text": "9月3日下午"}


def test_minutes_head_lines_are_meeting_facts_not_page_metadata():
    text = ("县财政局局长办公会议纪要\n时间：2024年3月5日上午\n地点：局三楼会议室\n主持：局长张三\n"
            "参会人员：李四、王五\n会议研究了预算执行情况。")
    data = read(text)
    assert data["metadata"] == {}
    assert data["meetings"][0]["date"]["value"] == "2024-03-05"
    assert persons(text) == {"张三": ("局长", ["主持"]), "李四": ("", ["参加"]), "王五": ("", ["参加"])}


def test_title_written_after_the_name_and_organisation_words_are_no_names():
    assert persons("吕伟涛副所长出席会议。") == {"吕伟涛": ("副所长", ["出席"])}
    assert sections("王华书记主持会议。王华书记强调,要抓落实。") == [("强调", "王华", 0)]
    assert persons("党委书记、县委书记参加会议。") == {}


def test_transcribed_names_with_a_middle_dot():
    assert persons("自治区主席艾尔肯·吐尼亚孜出席会议。") == {"艾尔肯·吐尼亚孜": ("自治区主席", ["出席"])}


def test_group_loses_a_leading_yiji_and_a_trailing_count():
    assert groups("局长张三主持会议,以及各乡镇负责同志参加会议。") == ["各乡镇负责同志"]
    assert groups("各部门负责人等30余人参加会议。") == ["各部门负责人"]


def test_headline_separators_views_with_thousands_and_a_font_size_widget():
    data = read("某局召开会议 |\n浏览量：1,234\n【字体：大 中 小】\n3月1日,某局召开会议。")
    assert data["title"] == "某局召开会议"
    assert data["metadata"] == {"views": 1234}
    assert [c["kind"] for c in data["chrome"]] == ["font-size"]


def test_surname_and_title_resolve_to_the_person_named_before():
    assert sections("市政协主席陈立新主持会议。陈主席强调,要抓落实。") == [("强调", "陈立新", 0)]


def test_a_continued_block_and_a_date_on_the_same_characters_nest_validly():
    # Found by the property campaign: the date once wrapped the section continuing the block.
    document = converter.parse("会议认为\n1日\n会议认为")
    assert converter.validate(document) == []
    assert "".join(document.text().split()) == "会议认为1日会议认为"
