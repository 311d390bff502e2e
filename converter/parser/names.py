"""What a Chinese personal name and a title look like: surnames, title words, group nouns."""

from __future__ import annotations

import re
from functools import lru_cache

from .patterns import alternation

# Common single-character surnames (simplified; traditional text is folded before matching).
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺"
    "顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
    "兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁"
    "蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全"
    "佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐"
    "冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆"
    "巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那"
    "宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡"
    "富尧闭由洪占荀郗鄂衣仇宦"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
                     "宇文", "司徒", "夏侯", "轩辕", "令狐", "钟离", "端木", "西门", "南宫", "澹台")
# Characters that never stand in a name in these texts (function words, verbs of the narrative).
_NOT_IN_NAME = set("的了及与等在是对把被给就该各并于")

# Words a title ends with; the name follows the last one.
TITLE_WORDS = (
    "书记", "副书记", "局长", "主任", "主席", "秘书长", "部长", "厅长", "处长", "科长", "县长",
    "区长", "市长", "省长", "州长", "镇长", "乡长", "村长", "院长", "校长", "所长", "站长", "馆长",
    "台长", "社长", "行长", "董事长", "总经理", "经理", "总监", "总裁", "委员", "常委", "委员长",
    "成员", "组长", "队长", "会长", "理事长", "检察长", "庭长", "总书记", "总理", "国务委员",
    "司长", "巡视员", "调研员", "督学", "专员", "总工程师", "总会计师", "总经济师", "教授",
    "研究员", "政委", "领导", "监事长", "主委", "厂长", "园长", "旗长", "盟长", "署长", "关长",
    "审判长", "审计长", "参事", "秘书", "干事", "主管", "部长助理", "局长助理", "副总", "高管",
    "负责人", "老师", "护士长", "主委", "组织员", "指导员", "辅导员", "团长", "连长", "船长",
)
TITLE_END = re.compile(r"(?:%s)$" % alternation(TITLE_WORDS))
# Words an unnamed group of attendees ends with.
GROUP_END = re.compile(
    r"(?:%s)$"
    % alternation(
        TITLE_WORDS
        + ("负责同志", "负责人", "同志", "干部", "职工", "代表", "人员", "党员", "班子", "学员",
           "师生", "教师", "学生", "员工", "嘉宾", "专家", "群众", "居民", "村民", "团员", "骨干",
           "联络员", "召集人", "委员们", "领导们", "代表们", "老师", "医生", "护士", "工作者",
           # words built on a person suffix: 联络组, 秘书组, 正职, 副职, 网格员, 干警, 社工 …
           "组", "员", "长", "职", "警", "社工", "们", "者", "士", "单位", "部门")
    )
)
# Subjects that are no attendee group: the meeting itself, the room, pronouns.
NOT_A_GROUP = re.compile(r"^(?:大家|与会人员|与会者|与会同志|全体与会人员|与会代表|大会|会议|他们|她们|我们|本次会议)$")


# Everyday two-character words that begin with a surname character. Untitled, they would read as
# a name wherever they open a clause (安排部署…, 安全总监, 高度重视); they are words, not people.
NOT_NAMES = set(
    "安排 安全 高度 全面 全体 全力 严格 明确 常务 方面 时间 文件 程序 任务 于是 和谐 平安 向前 "
    "成员 成果 成绩 成效 成立 管理 管理 党员 党委 党组 国家 国务 金融 经济 文化 文明 宣传 宣讲 "
    "司法 公安 公司 公开 公共 公正 公平 江苏 江西 上海 湖南 湖北 广东 广西 福建 山东 山西 "
    "云南 贵州 四川 海南 河南 河北 安徽 浙江 重庆 天津 北京 吉林 黄河 长江 石油 钢铁 "
    "应急 应当 信息 信访 计划 计生 统筹 统一 统计 华为 万元 万名 时代 时期 强化 要求 "
    "工会 工作 工程 会议 政府 政协 人大 纪委 法院 检察 组织 干部 领导 班子 集团 集体 集中 "
    "常委 常态 花园 新区 新闻 新时 新年 明年 今年 去年 全年 全国 全省 全市 全县 全区 全镇 "
    "各级 各位 各部 各个 双方 多方 多次 多种 卫生 卫健 教育 农业 农村 水利 交通 建设 城市 "
    "商务 商会 商业 商场 服务 财政 审计 税务 海关 边境 边防 司机 师生 师资 车辆 路线 景区".split()
)


@lru_cache(maxsize=8192)
def is_name(text: str) -> bool:
    """A plausible personal name: surname + 1–2 characters (compound surname + 1–2), or a
    transcribed name with a middle dot (艾尔肯·吐尼亚孜)."""
    if "·" in text:
        parts = text.split("·")
        return 3 <= len(text) <= 16 and all(2 <= len(p) <= 8 and _all_cjk(p) for p in parts)
    if any(ch in _NOT_IN_NAME for ch in text) or not all("\u3400" <= ch <= "\u9fff" for ch in text):
        return False
    if text in NOT_NAMES:
        return False
    if text[:2] in COMPOUND_SURNAMES:
        return 3 <= len(text) <= 4
    return 2 <= len(text) <= 3 and text[0] in SURNAMES and not TITLE_AFTER_NAME.fullmatch(text[1:])


def is_short_reference(text: str) -> bool:
    """"陈主席", "高院长": a surname and a title, standing for a person named before."""
    return len(text) >= 2 and text[0] in SURNAMES and TITLE_AFTER_NAME.fullmatch(text[1:]) is not None


_TITLE_INITIALS = {word[0] for word in TITLE_WORDS} - {"副", "常", "总", "成", "领", "干", "委", "专"}


def is_alias(text: str, known) -> bool:
    """"姚检" (姚 + the first character of 检察长): a surname and a clipped title, standing for the
    person of that surname named before — only when nobody of that exact name was named."""
    return (len(text) == 2 and text not in known and text[0] in SURNAMES and text[1] in _TITLE_INITIALS
            and any(name[:1] == text[0] and len(name) > 2 for name in known))


def _all_cjk(text: str) -> bool:
    return all("\u3400" <= ch <= "\u9fff" for ch in text)


# Characters of organisation words: a "name" holding one (党委, 县委, 市局) is no name when a
# title follows it, which is how 党委书记 differs from 王华书记.
ORGANISATION_CHARS = set("委局部厅处院校会组司办室队所站市县区省镇乡村党团政府厂公协联社中心")
TITLE_AFTER_NAME = re.compile(r"(?:副|常务副)?(?:%s)$" % alternation(TITLE_WORDS))


def split_name_title(text: str) -> tuple[str, str] | None:
    """("吕伟涛", "副所长") from "吕伟涛副所长": a title written after the name."""
    found = TITLE_AFTER_NAME.search(text)
    if not found or found.start() == 0:
        return None
    name = text[: found.start()]
    if is_name(name) and not any(ch in ORGANISATION_CHARS for ch in name[1:]):
        return name, found.group()
    return None


def split_role_name(text: str) -> tuple[str, str] | None:
    """("局党组书记、局长", "申长雨") from "局党组书记、局长申长雨"; None if no name ends it.

    The name is the last 2–4 characters; what stands before it must be empty or end with a
    title word, which settles segmentation traps such as 副区长江磊 (区长 + 江磊, not 长江).
    """
    if "·" in text:  # a transcribed name: it runs from the end of the last title word
        ends = [0] + [m.end() for m in re.finditer(alternation(TITLE_WORDS), text)]
        for end in reversed(ends):
            if is_name(text[end:]):
                return text[:end], text[end:]
        return None
    for size in (3, 2, 4):
        if len(text) < size:
            continue
        role, name = text[:-size], text[-size:]
        if is_name(name) and (not role or TITLE_END.search(role)):
            return role, name
    return None
