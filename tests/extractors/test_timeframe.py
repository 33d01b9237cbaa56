"""The year a document speaks for, its sections, and the year and kind of a figure."""

import pytest

from govkg.extractors.timeframe import AHEAD, FIVE, PLAN, REVIEW, Timeline, resolve, time_word, timeline
from govkg.text.document import make_document, sentences_of


@pytest.fixture
def read(folder):
    def _read(text: str) -> Timeline:
        doc = make_document(text, path="d.txt", doc_id="d", folder=folder)
        return timeline(doc, sentences_of(doc))

    return _read


@pytest.mark.parametrize("text, year, report", [
    # the title's year
    ("保定市清苑区2020年政府工作报告\n各位代表：\n现在，我代表区政府向大会报告工作。", 2020, True),
    # the headings: last year's review, this year's plan; they win over a mislabelled title
    ("政府工作报告\n一、2018年工作回顾\n过去的一年，全区经济平稳。", 2019, True),
    ("米易县2024年政府工作报告\n各位代表：\n一、2021年工作回顾\n二、2022年工作安排", 2022, True),
    ("站在新起点：2012年工作回顾\n2012年是本届政府工作的第一年。", 2013, True),
    ("政府工作报告\n——2026年1月27日在张掖市甘州区人民代表大会上\n2025年政府工作简要回顾\n过去一年，全区经济平稳。", 2026, True),
    # a numbered part of a digest of the report, its title before the heading's colon
    ("目录\n2023“两会”解读政府工作报告要点之一:2022年工作回顾\n2022年,是泽州发展历程中极不平凡的一年。", 2023, True),
    ("政府工作报告\n各位代表：\n二、2020年政府工作目标和主要任务", 2020, True),
    # a long sentence that opens with a year is no heading
    ("高唐县2021年政府工作报告\n各位代表,2020年各项目标任务的完成,标志着“十三五”规划圆满收官,全县经济社会发展迈上新台阶。\n"
     "2021年经济社会发展目标任务和重点工作", 2021, True),
    # the year's main work in a report dated the next year is its review
    ("政府工作报告\n2023年1月17日在浦江县第十五届人民代表大会第二次会议上\n各位代表：\n一、2022年主要工作和成效", 2023, True),
    ("政府工作报告\n2022年1月17日在浦江县第十五届人民代表大会第一次会议上\n各位代表：\n二、2022年主要工作", 2022, True),
    # the meeting's date when nothing else says; a meeting in December reviews its own year and plans the next
    ("(四川省)芦山县人民政府工作报告(2024年1月15日)\n各位代表：", 2024, True),
    ("政府工作报告\n——2018年12月22日在建平县第十八届人民代表大会第二次会议上\n各位代表:\n2018年是本届政府的开局之年。", 2019,
     True),
    # a news article: the year of its date, not of a year it mentions
    ("沁源:党建引领全方位高质量发展\n2022年07月26日 10:10:40 来源:山西新闻网\n2021年以来，全县项目建设提速。", 2022, False),
    ("无日期的新闻\n全县项目建设提速。", None, False),
    # a page without a date: the first year its lead names, not one a span starts from
    ("连江县专场对接会举办\n6月3日，对接会举办。2021年以来连续获评百强县。2025年项目签约14个。", 2025, False),
    ("连江县专场对接会举办\n6月3日，2025中国福州国际招商月连江县专场举办。2021年以来连续获评百强县。", 2025, False),
    ("奉贤新城项目开工\n(相关资料图)\n6月9日，上海市奉贤区举行2023奉贤新城项目集中开工启动仪式。", 2023, False),
    ("项目开工\n6月9日，全区投入2023万元用于项目。", None, False),
    # a page without a date or a year in its title: the first year its lead names
    ("穆棱招商签约\n近日，黑龙江穆棱市2019年秋季招商引资项目集中签约仪式隆重召开。\n2021年以来，全市项目建设提速。", 2019,
     False),
])
def test_document_year(read, text, year, report):
    t = read(text)
    assert (t.year, t.report) == (year, report)


@pytest.mark.parametrize("heading, section", [
    ("一、“十三五”时期经济社会发展回顾", FIVE),
    ("一、“九五”回顾", FIVE),
    ("一、“十三五”时期和2020年主要工作回顾", FIVE),
    ("二、“十四五”时期主要目标任务", AHEAD),
    ("三、2021年主要工作", PLAN),
])
def test_section_headings(read, heading, section):
    t = read(f"涞水县2021年政府工作报告\n各位代表：\n{heading}\n全县经济平稳。")
    assert t.sections[-1] == section


def test_sections(read):
    t = read("保定市清苑区2020年政府工作报告\n各位代表：\n一、2019年工作回顾\n全区经济平稳。\n过去五年，全区经济翻番。"
             "\n二、2020年工作安排\n今年的主要预期目标是：地区生产总值增长7%。")
    assert t.sections[-5:] == (REVIEW, REVIEW, FIVE, PLAN, PLAN)


def test_a_news_paragraph_opening_with_its_year_tells_what_the_year_brought(read):
    """"2014年，…" in a report of 2014 opens its plan; on a page of 2014 it reports what the year brought."""
    t = read("盐城环保科技城\n2014年，盐城环保科技城主攻环保产业，全年实现财政总收入4.17亿元。\n工业邻里中心一期主体竣工。")
    assert (t.year, t.report) == (2014, False)
    assert t.sections[-2:] == (None, None)
    t = read("某区2014年政府工作报告\n各位代表：\n2014年，全区经济社会发展的主要预期目标是：生产总值增长8%。")
    assert t.sections[-1] == PLAN


@pytest.mark.parametrize("before, expected", [
    ("比上年增长", None), ("较2020年增长", None), ("上年同期", None), ("去年以来", None), ("2018年以来", None),
    ("2023年，全县", (0, 2023, "year")), ("2023年度全县", (0, 2023, "year")),
    ("到2025年，全市", (0, 2025, "horizon")), ("2025年底前", (0, 2025, "horizon")),
    ("去年全县", (0, None, "去年")), ("过去一年，", (0, None, "过去一年")), ("今年比上年", (0, None, "今年")),
    ("从2017年的3万亿元增长到2022年的", (13, 2022, "year")),
])
def test_time_word(before, expected):
    assert time_word(before) == expected


@pytest.mark.parametrize("section, before, expected", [
    (REVIEW, "全年实现", (2023, False)),
    (PLAN, "全年", (2024, True)),
    (PLAN, "去年全县", (2023, False)),
    (REVIEW, "今年力争", (2024, True)),
    (REVIEW, "明年", (2025, True)),
    (PLAN, "到2027年，", (2027, True)),
    (REVIEW, "2022年，", (2022, False)),
    (None, "主要预期目标是：", (2024, True)),
    (None, "全年", (2023, False)),
])
def test_resolve_in_a_report(section, before, expected):
    t = Timeline(year=2024, report=True, sections=(section,))
    assert resolve(t, 0, before) == expected


def test_resolve_in_news():
    t = Timeline(year=2022, report=False, sections=(None,))
    assert resolve(t, 0, "全县") == (2022, False)
    assert resolve(t, 0, "去年全县") == (2021, False)
    assert resolve(t, 0, "力争") == (2022, True)
    assert resolve(Timeline(None, False, (None,)), 0, "去年") == (None, False)
