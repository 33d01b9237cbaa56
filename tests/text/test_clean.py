"""content_spans drops page junk and keeps report lines; title_and_date reads the top of a page."""

from __future__ import annotations

from pathlib import Path

import pytest

from govkg.text.clean import content_spans, title_and_date
from govkg.text.read import read_text
from govkg.text.script import ScriptFolder

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

PARA1 = "现在，我代表区人民政府向大会报告工作，请予审议，并请各位政协委员和列席人员提出意见。"
PARA2 = "2022年，全区地区生产总值增长6.5%，规模以上工业增加值增长8.1%，各项事业取得新成效。"


def _kept(text: str) -> list[str]:
    return [text[a:b] for a, b in content_spans(text)]


def _in_spans(text: str, needle: str) -> bool:
    return any(needle in text[a:b] for a, b in content_spans(text))


@pytest.mark.parametrize(
    "line",
    [
        # forum headers and user panels
        "设为首页收藏本站",
        "查看: 157|回复: 0",
        "[复制链接]",
        "TA的每日心情",
        "签到天数: 742 天",
        "[LV.9]以坛为家II",
        "Rank: 7Rank: 7Rank: 7",
        "发表于 2024-3-14 21:07:39 | 显示全部楼层 |阅读模式",
        "您需要登录后才可以回帖 登录 | 立即注册",
        "本版积分规则",
        # counters, source and editor lines (simplified and traditional script)
        "来源:中国网 时间:2022-03-01 11:56:53 编辑:王卫东 点击:",
        "來源:中國網 時間:2022-03-01 11:56:53 編輯:王衛東 點擊:",
        "2022-10-12 08:52:22 来源: 南方日报",
        "2022年07月26日 10:10:40 来源:山西新闻网 编辑:",
        "时间：2023-03-30\t\t作者：中国县域\t\t来源：政府官网\t\t阅读：",
        "浏览次数：1234",
        "阅读量：5678",
        "责任编辑：张三",
        "来源URL：https://www.example.gov.cn/a.html",
        # navigation
        "吕梁新闻网首页  > 首页  > 奋进新征程 建功新时代  > 乡村振兴 小康圆梦",
        "当前位置：首页 >> 领导之窗",
        "上一篇：米易县干部任免动态",
        "下一篇：",
        "相关阅读",
        "相关文章",
        "分享到：",
        "【字体：大 中 小】",
        "打印本页",
        # footers
        "Powered by quyushuju X3.4 Licensed© 2008-2018 quyushuju Inc.",
        "版权所有：河北省人民政府",
        "冀ICP备06016263号-1",
        "冀公网安备 13010202002246号",
        "快速回复 返回顶部 返回列表",
        "本文地址:/baogao/xn/10043.html",
        "验证码:",
        "免责声明：本文仅代表作者观点，不代表本站立场。 凡注明为中国县域原创作品的，未经许可，不得转载！",
        "联系电话:",
        # a paper's notice of its rights, in two lines
        "凡市场星报、安徽财经网、掌中安徽记者署名文字、图片,版权均属于市场星报所有。任何媒体、网站或者个人,未经授权不得转载、链接、"
        "转帖或以其他方式复制发表;已经授权的媒体、网站,在转载使用时必须注",
        "明“来源:市场星报、安徽财经网或者掌中安徽”,违者本单位将依法追究法律责任。",
        "|",
        ">>",
    ],
)
def test_junk_line_between_paragraphs_is_dropped(line: str) -> None:
    text = f"各位代表：\n{PARA1}\n{line}\n{PARA2}"
    kept = _kept(text)
    assert line.strip() not in kept
    assert kept[-1] == PARA2 and PARA1 in kept  # the paragraphs around it stay


@pytest.mark.parametrize(
    "line",
    [
        "各位代表：",
        "各位代表、同志们：",
        "一、2022年工作回顾",
        "（三）推进数字政府建设",
        "12.两书一函：约谈通知书、提醒告诫书、督办函。",
        "加强版权保护",
        "资金来源：中央预算内投资",
        "主办单位：省交通运输厅，各州、市人民政府",
        "法制",  # a fragment of a sentence split by the page's markup
        "十四五",
        "2023年1月8日",
        "自贡市沿滩区人民政府区长  廖 东",
        "名词解释",
        "打造“冀时办”政务服务平台，开通政务微信",
        "推进主题教育常态化长效化",
        "对破坏生态环境的违法行为，依法追究法律责任。",
    ],
)
def test_report_line_between_paragraphs_is_kept(line: str) -> None:
    text = f"{PARA1}\n{line}\n{PARA2}"
    assert line.strip() in _kept(text)


@pytest.mark.parametrize(
    ("line", "dropped_among_junk"),
    [("法制", True), ("十四五", True), ("名词解释", True), ("2023年1月8日", False)],  # date lines are never peeled
)
def test_short_line_next_to_junk_near_miss(line: str, dropped_among_junk: bool) -> None:
    """Short report lines stay among paragraphs; a short word between junk lines goes with them."""
    assert line in _kept(f"{PARA1}\n{line}\n{PARA2}")
    assert (line not in _kept(f"{PARA1}\n分享到：\n{line}\nQQ空间\n{PARA2}")) is dropped_among_junk


FORUM = """设为首页收藏本站
查看: 157|回复: 0

[四川] 2023年自贡市沿滩区政府工作报告

[复制链接]
  • TA的每日心情
    奋斗
    昨天 20:58
  • 签到天数: 742 天

    [LV.9]以坛为家II

    1万

    主题

    14万

    积分
    发表于 2024-3-14 21:07:39 | 显示全部楼层 |阅读模式
    2023年自贡市沿滩区政府工作报告

    2023年1月8日在自贡市沿滩区第十九届人民代表大会第三次会议上

各位代表:
  现在,我代表区人民政府向大会报告工作,请予审议,并请各位政协委员和列席人员提出意见。
  一、2022年工作回顾
    20.碳达峰十大行动:能源绿色低碳转型行动、节能降碳增效行动、工业领域碳达峰行动。


    您需要登录后才可以回帖 登录 | 立即注册

    本版积分规则

    客服中心
    关闭
    在线时间:
    周一~周五
    9:00-18:00
    联系电话:
    010-63691786

    Powered by quyushuju X3.4 Licensed© 2008-2018 quyushuju Inc.

    快速回复 返回顶部 返回列表"""


def test_forum_page_keeps_only_the_report() -> None:
    assert _kept(FORUM) == [
        "[四川] 2023年自贡市沿滩区政府工作报告",
        "2023年自贡市沿滩区政府工作报告",
        "2023年1月8日在自贡市沿滩区第十九届人民代表大会第三次会议上",
        "各位代表:",
        "现在,我代表区人民政府向大会报告工作,请予审议,并请各位政协委员和列席人员提出意见。",
        "一、2022年工作回顾",
        "20.碳达峰十大行动:能源绿色低碳转型行动、节能降碳增效行动、工业领域碳达峰行动。",
    ]


PORTAL = """工作报告
保定市清苑区2020年政府工作报告
时间：2023-03-30????						作者：中国县域????						来源：政府官网????						阅读：
250
评论：
0
内容摘要：
政府工作报告2020年1月9日各位代表、同志们：现在，我代表区政府，向大会作工作报告，请予审议，并请区政协委员和列席会议的同志提出意见。一、2019年工作回顾......
政府工作报告
2020年1月9日
各位代表、同志们：
现在，我代表区政府，向大会作工作报告，请予审议，并请区政协委员和列席会议的同志提出意见。
23.[行政执法“三项制度”]即行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。
分享到：
QQ空间
新浪微博
上一篇：
保定市清苑区2021年政府工作报告
下一篇：
保定市清苑区2021年政府工作报告
相关文章
03-30
保定市清苑区2022年政府工作报告
本栏推荐
焦作市解放区2025年政府工作报告
标签云
工作报告
北京市
2025年
政府信息公开"""


def test_portal_page_drops_counters_teaser_and_trailing_link_lists() -> None:
    kept = _kept(PORTAL)
    assert kept == [
        "保定市清苑区2020年政府工作报告",
        "2020年1月9日",
        "各位代表、同志们：",
        "现在，我代表区政府，向大会作工作报告，请予审议，并请区政协委员和列席会议的同志提出意见。",
        "23.[行政执法“三项制度”]即行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。",
    ]


def test_ellipsis_line_is_a_teaser_only_after_a_summary_label() -> None:
    text = ("2022年07月26日 10:10:40 来源:山西新闻网 编辑:\n"
            "年中考核“大检验”,现场述职展风采;乡镇书记擂台“大比武”,赛出乡村振兴“排头兵”……\n" + PARA2)
    assert _in_spans(text, "年中考核")
    assert not _in_spans("内容摘要：\n" + text.split("\n", 1)[1], "年中考核")


def test_a_summary_paragraph_after_its_label_is_the_articles_lead() -> None:
    lead = "摘要:正阳县将加快推进机械装备产业园、花生机械第二产业园等项目落地建设,推动食品产业提档升级,发展战略新兴产业集群。"
    assert _in_spans(f"{lead}\n{PARA2}", "机械装备产业园")
    assert not _in_spans(f"摘要:年中考核“大检验”,现场述职展风采……\n{PARA2}", "年中考核")  # a teaser cut short


def test_link_list_inside_the_page_is_dropped() -> None:
    cities = "\n".join(["省各设区市及省直管县（市）", "石家庄市", "承德市", "张家口市", "秦皇岛市", "唐山市", "廊坊市"])
    text = f"{PARA1}\n{cities}\n关于本站\n|\n网站地图\n{PARA2}"
    assert _kept(text) == [PARA1, PARA2]
    # near-miss: the same short lines between paragraphs, touching no junk, are a list in the report
    assert "石家庄市" in _kept(f"{PARA1}\n{cities}\n{PARA2}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{PARA1}（责任编辑：张三）", [PARA1]),
        (f"{PARA1}  百度搜索马 克 数 据 网", [PARA1]),
        (f"{PARA1}分享到：微信 微博", [PARA1]),
        # near-miss: a marker followed by a long text is not a trailing junk marker
        (f"{PARA1}编辑：" + PARA2 * 2, [f"{PARA1}编辑：" + PARA2 * 2]),
    ],
)
def test_trailing_junk_marker_is_cut(text: str, expected: list[str]) -> None:
    assert _kept(text) == expected


def test_offsets_are_into_the_given_text_and_literal_crlf_breaks_lines() -> None:
    text = "來源:中國網 時間:2022-03-01 編輯:王衛東\\r\\n　　各位代表：\\r\\n" + PARA1 + "  \n"
    spans = content_spans(text)
    assert [text[a:b] for a, b in spans] == ["各位代表：", PARA1]
    assert all(0 <= a < b <= len(text) for a, b in spans)


@pytest.mark.parametrize("text", ["", "\n\n", "设为首页\n版权所有"])
def test_nothing_to_keep(text: str) -> None:
    assert content_spans(text) == ()


# --- the real seeds -------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_texts() -> dict[str, str]:
    return {p.name[:3]: read_text(p) for p in sorted(SEEDS.glob("*.txt"))}


@pytest.mark.parametrize(
    ("seed", "junk", "content"),
    [
        ("000", ["來源:中國網", "點擊"], ["樂山市沙灣區", "新年伊始", "(沙灣區委組織部供稿)"]),
        ("001", ["签到天数", "Powered by", "设为首页", "以坛为家", "Rank:", "发表于", "本版积分规则", "客服中心",
                 "返回顶部", "010-63691786"],
         ["各位代表", "一、2022年工作回顾", "20.碳达峰十大行动", "16.一会四函一书", "自贡市沿滩区人民政府区长"]),
        ("002", ["来源: 南方日报", "关注河南热线"], ["阳江江城锚定", "以高质量党建引领保障高质量发展", "张俊黄林"]),
        ("003", ["导航菜单", "本文仅代表作者观点", "本文地址", "留言与评论", "验证码"],
         ["芦山县人民政府工作报告", "构建全域全季的文旅发展格局"]),
        ("004", ["吕梁新闻网首页", "来源:山西新闻网"], ["【奋进新征程", "年中考核“大检验”", "千帆竞发"]),
    ],
)
def test_seed_pages(seed_texts: dict[str, str], seed: str, junk: list[str], content: list[str]) -> None:
    text = seed_texts[seed]
    for needle in junk:
        assert needle in text and not _in_spans(text, needle), needle
    for needle in content:
        assert _in_spans(text, needle), needle


# --- title_and_date ---------------------------------------------------------------


@pytest.fixture(scope="module")
def folder() -> ScriptFolder:
    return ScriptFolder()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FORUM, ("2023年自贡市沿滩区政府工作报告", "2023-01-08")),
        # the meeting date is garbled: fall back to the forum's post date
        (FORUM.replace("2023年1月8日在", "202318日在"), ("2023年自贡市沿滩区政府工作报告", "2024-03-14")),
        (PORTAL, ("保定市清苑区2020年政府工作报告", "2020-01-09")),
        ("樂山市沙灣區:“163”黨建工作思路助力縣域發展開年就“開跑”\n\n來源:中國網 時間:2022-03-01 11:56:53 編輯:王衛東 點擊:\n"
         + PARA1, ("乐山市沙湾区:“163”党建工作思路助力县域发展开年就“开跑”", "2022-03-01")),
        ("导航菜单\n\n(四川省)芦山县人民政府工作报告(2024年1月10日)\n\n" + PARA1,
         ("(四川省)芦山县人民政府工作报告", "2024-01-10")),
        ("政府工作报告\n（2024年1月10日）\n各位代表：\n" + PARA1, ("政府工作报告", "2024-01-10")),
        ("政 府 工 作 报 告\n——在河北省第十届人民代表大会第二次会议上（二〇〇四年一月八日）\n各位代表：\n" + PARA1,
         ("政府工作报告", "2004-01-08")),
        ("标题：保定市2000年政府工作报告\n发文单位：保定市人民政府\n发文时间：2000-01\n\n正文：\n" + PARA1,
         ("保定市2000年政府工作报告", "2000-01")),
        ("2025年上海市政府工作报告\n来源：解放日报\n各位代表：\n" + PARA1, ("2025年上海市政府工作报告", "2025")),
        # the rest of a page's markup is no title, nor a line of links to other portals
        ("中国政府网 山西省政府 忻州市政府\n\n某县2023年政府工作报告\n" + PARA1, ("某县2023年政府工作报告", "2023")),
        ("某某网图片 \">\n\n辽宁西丰经济开发区“十四五”发展规划\n\n" + PARA1, ("辽宁西丰经济开发区“十四五”发展规划", None)),
        # near-misses: dates in the body are not the document's date; no title line at all
        ("各位代表：\n" + PARA1 + "\n2021年3月5日，全区召开大会。", (None, None)),
        ("一、2018年工作回顾\n" + PARA2, (None, None)),
        # an impossible date is not a date
        ("某县政府工作报告\n时间：2023-13-45\n" + PARA1, ("某县政府工作报告", None)),
        # a byline: a short line of a source with a full date; a report's title year outranks it (the day a
        # library took the file in), and a date inside a sentence is no byline
        ("襄汾重点项目集中投产\n西西新闻 @2024-08-17\n字号\n" + PARA1, ("襄汾重点项目集中投产", "2024-08-17")),
        ("平湖镇2023年政府工作报告\n2024-05-18\n各位代表：\n" + PARA1, ("平湖镇2023年政府工作报告", "2023")),
        ("襄汾重点项目集中投产\n2024-08-17，全县召开大会，部署项目建设。\n" + PARA1, ("襄汾重点项目集中投产", None)),
        # a labelled date of a two-digit year
        ("风光发电项目开工\n时间:17-04-19来源:中国电力化工网 点击: 次\n" + PARA1, ("风光发电项目开工", "2017-04-19")),
    ],
)
def test_title_and_date(folder: ScriptFolder, text: str, expected: tuple[str | None, str | None]) -> None:
    spans = content_spans(text)
    assert title_and_date(folder.fold(text), spans) == expected


def test_title_and_date_of_seed_001(seed_texts: dict[str, str], folder: ScriptFolder) -> None:
    text = seed_texts["001"]
    assert title_and_date(folder.fold(text), content_spans(text)) == ("2023年自贡市沿滩区政府工作报告", "2024-03-14")
