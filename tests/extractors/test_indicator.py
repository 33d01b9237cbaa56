"""Indicator observations: whose figure, which figures, which year and kind; the traps included.

Each case is a sentence put in a small 2020 work report of 清苑区 (保定市, 河北省),
in the section given (the review of 2019, the plan of 2020, a five-year review),
and the observations expected of it: (indicator, year, kind, value in yuan or
None, currency, growth or None).
"""

import pytest

from govkg.extractors import extract
from govkg.extractors.indicator import _load_table, indicator_labels
from govkg.text.document import make_document, sentences_of

TITLE = "保定市清苑区2020年政府工作报告"
REVIEW = "一、2019年工作回顾"
PLAN = "二、2020年工作安排"
FIVE = "一、过去五年工作回顾"


@pytest.fixture
def observe(resources, folder):
    def _observe(sentence: str, section: str = REVIEW, title: str = TITLE):
        text = f"{title}\n各位代表：\n{section}\n{sentence}\n"
        doc = make_document(text, path="report.txt", doc_id="report", folder=folder)
        facts = extract(doc, sentences_of(doc), resources)
        return {(o.indicator, o.year, o.kind, o.value.value if o.value else None,
                 o.value.currency if o.value else None, o.growth) for o in facts.observations}, facts

    return _observe


@pytest.mark.parametrize("sentence, section, expected", [
    # value and growth; 同比 and 比上年 compare with the year before, they do not move the year (上年 trap)
    ("预计全区地区生产总值完成141.9亿元，同比增长7.5%。", REVIEW,
     {("GDP", 2019, "actual", "14190000000", "CNY", "7.5")}),
    ("全区地区生产总值完成141.9亿元，比上年增长7.5%。", REVIEW,
     {("GDP", 2019, "actual", "14190000000", "CNY", "7.5")}),
    ("着力推动县域经济高质量发展，完成gdp113.8亿元，增长6.5%。", REVIEW,  # GDP as a portal lowercases it
     {("GDP", 2019, "actual", "11380000000", "CNY", "6.5")}),
    # 比上年下降: a negative growth
    ("社会消费品零售总额87.5亿元，比上年下降3.2%。", REVIEW,
     {("RetailSales", 2019, "actual", "8750000000", "CNY", "-3.2")}),
    # a growth without a value is an observation with only its growth
    ("规上工业增加值增长4.5%。", REVIEW, {("IndustrialValueAdded", 2019, "actual", None, None, "4.5")}),
    # 万元 and 元 normalised to yuan; 美元 kept as USD
    ("一般公共预算收入完成77800万元，增长7.1%。", REVIEW,
     {("GeneralBudgetRevenue", 2019, "actual", "778000000", "CNY", "7.1")}),
    ("实际利用外资1.2亿美元，增长5%。", REVIEW, {("ForeignInvestment", 2019, "actual", "120000000", "USD", "5")}),
    ("外贸进出口总额8.93亿元，增长18%。", REVIEW, {("TotalTrade", 2019, "actual", "893000000", "CNY", "18")}),
    # a joint name and 分别: figures in the order of the names
    ("城乡居民人均可支配收入分别达到33987元和19065元，同比增长8%和9.5%。", REVIEW,
     {("UrbanDisposableIncome", 2019, "actual", "33987", "CNY", "8"),
      ("RuralDisposableIncome", 2019, "actual", "19065", "CNY", "9.5")}),
    ("城乡居民人均可支配收入分别达到3.4万元、1.7万元，均增长8.5%。", REVIEW,
     {("UrbanDisposableIncome", 2019, "actual", "34000", "CNY", "8.5"),
      ("RuralDisposableIncome", 2019, "actual", "17000", "CNY", "8.5")}),
    ("一般公共预算收入、固定资产投资分别增长6.5%、8%。", REVIEW,
     {("GeneralBudgetRevenue", 2019, "actual", None, None, "6.5"),
      ("FixedAssetInvestment", 2019, "actual", None, None, "8")}),
    # a name paired with a figure that is no indicator takes the first of each pair
    ("一般公共预算收入和支出分别达4.78亿元、20.2亿元，分别增长6.9%、0.8%。", REVIEW,
     {("GeneralBudgetRevenue", 2019, "actual", "478000000", "CNY", "6.9")}),
    # the figures of a name run on over clauses without a subject of their own
    ("全年地区生产总值完成192.3亿元，按可比价计算，同比增长6.0%。", REVIEW,
     {("GDP", 2019, "actual", "19230000000", "CNY", "6")}),
    # a plan section: this year's targets; 左右 and 以上 keep the rate
    ("主要预期目标是：生产总值增长7%左右，固定资产投资增长8%以上。", PLAN,
     {("GDP", 2020, "target", None, None, "7"), ("FixedAssetInvestment", 2020, "target", None, None, "8")}),
    # time words: 去年 in a plan is last year's actual; 明年; an explicit year; 今年 in a review is still this year
    ("去年全区地区生产总值增长7.5%。", PLAN, {("GDP", 2019, "actual", None, None, "7.5")}),
    ("明年地区生产总值力争增长8%。", PLAN, {("GDP", 2021, "target", None, None, "8")}),
    ("2018年，全区地区生产总值完成130亿元。", REVIEW, {("GDP", 2018, "actual", "13000000000", "CNY", None)}),
    ("过去一年，全区地区生产总值增长7.5%。", PLAN, {("GDP", 2019, "actual", None, None, "7.5")}),
    ("今年全区地区生产总值力争增长7%。", REVIEW, {("GDP", 2020, "target", None, None, "7")}),
    ("到2025年，全区地区生产总值达到200亿元。", PLAN, {("GDP", 2025, "target", "20000000000", "CNY", None)}),
    # 年均 is no year's growth; in a five-year review only a level reached is kept (过去五年 trap)
    ("过去五年，全区地区生产总值年均增长7.2%。", FIVE, set()),
    ("全区地区生产总值由100亿元增长到141.9亿元，年均增长7.2%。", FIVE,
     {("GDP", 2019, "actual", "14190000000", "CNY", None)}),
    ("地区生产总值达到141.9亿元，年均增长7.2%。", REVIEW, {("GDP", 2019, "actual", "14190000000", "CNY", None)}),
    # a note mark between the name and its figure; a target verb after the name
    ("2017年，完成地方生产总值[1]202亿元，同比增长9%。", REVIEW, {("GDP", 2017, "actual", "20200000000", "CNY", "9")}),
    ("今年社会消费品零售总额要力争达到96亿元，增长10%。", PLAN, {("RetailSales", 2020, "target", "9600000000", "CNY", "10")}),
    # a change is not a level: 比上年增加3亿元
    ("一般公共预算收入比上年增加3亿元，增长7%。", REVIEW, {("GeneralBudgetRevenue", 2019, "actual", None, None, "7")}),
])
def test_observations(observe, sentence, section, expected):
    found, _ = observe(sentence, section)
    assert found == expected


@pytest.mark.parametrize("sentence", [
    # 五年累计 and 累计: a sum over years, not a year's indicator
    "五年累计完成固定资产投资500亿元。",
    "累计完成固定资产投资86亿元，增长12%。",
    # a sector's or an enterprise's figure is not the region's indicator
    "工业固定资产投资增长12%。",
    "高新技术产业完成产值35.4亿元，占生产总值的26.8%。",
    "人均地区生产总值达到5.2万元，增长6%。",
    "立中集团实现进出口总额3亿元，增长20%。",
    "限额以上社会消费品零售额增长5%。",
    # another region's figure
    "保定市地区生产总值增长6%。",
    # part of a year
    "上半年，全区地区生产总值增长6.5%。",
    "1-9月，规模以上工业增加值增长8%。",
    # a name that goes on as another noun, a rate that is a level, points, multiples
    "固定资产投资项目完成备案120个，增长10%。",
    "社会消费品零售总额占比提高到26.8%。",
    "规上工业增加值增速提高2个百分点。",
    "社会消费品零售总额增长1.2倍。",
    # a joint name with one figure is all residents' figure, neither the urban nor the rural one
    "城乡居民人均可支配收入达到25780元，增长5.8%。",
    # a bound is not a value; no figure at all
    "地区生产总值突破200亿元。",
    "城乡居民人均可支配收入与经济增长同步。",
    "地区生产总值增速高于全市平均水平。",
])
def test_not_the_regions_indicator(observe, sentence):
    found, _ = observe(sentence)
    assert found == set()


def test_a_county_figure_is_not_a_provinces(observe):
    """全县 speaks of a county: in a report whose region is a province it is some county's figure."""
    found, _ = observe("全县地区生产总值完成39.6亿元。", title="河北省2020年政府工作报告")
    assert found == set()
    found, _ = observe("全省地区生产总值完成35104亿元。", title="河北省2020年政府工作报告")
    assert found == {("GDP", 2019, "actual", "3510400000000", "CNY", None)}


def test_a_county_report_whose_region_is_a_province_gives_no_figures(observe):
    """A report that speaks of 全县 throughout: if its region came out a province, its figures are no province's."""
    found, _ = observe("全县财政收入完成22015万元，其中，地方一般预算收入完成9529万元，增长25.6%。全县工业平稳。",
                       title="河北省2005年政府工作报告")
    assert found == set()


def test_a_towns_report_gives_the_towns_figures(observe):
    """A town's report (its title names the town before 政府工作报告) says 全镇: the figures are the town's."""
    found, facts = observe("全镇实现地区生产总值52亿元，增长9.6%。", title="2019年南渡镇政府工作报告\n所属地区:江苏-常州-溧阳市",
                           section="一、2018年工作回顾")
    assert found == {("GDP", 2018, "actual", "5200000000", "CNY", "9.6")}
    assert {o.region.key for o in facts.observations} == {"320481/南渡镇"}


def test_a_county_report_that_compares_with_its_province_keeps_its_figures(observe):
    found, _ = observe("全县地区生产总值增长7%，增速居全省第一、全省第二、全省前列，全省领先，高于全省。")
    assert found == {("GDP", 2019, "actual", None, None, "7")}


def test_a_target_cue_carries_over_semicolons(observe):
    """主要预期目标是：…；…；… : the sentences after the colon list are targets too (a report with no plan heading)."""
    found, _ = observe("经济社会发展的主要预期目标是：地区生产总值增长7%；规上工业增加值增长8%；", section="")
    assert found == {("GDP", 2020, "target", None, None, "7"),
                     ("IndustrialValueAdded", 2020, "target", None, None, "8")}


def test_a_year_opening_a_five_year_review_carries_over_semicolons(observe):
    """初步统计，2018年，实现…；公共财政预算收入…；: the figures after the year's clause are that year's, though a
    five-year review keeps only levels reached; and the levels listed after 达到 are all reached."""
    found, _ = observe("初步统计，2018年，实现地区生产总值189亿元，是2014年的1.74倍；公共财政预算收入10.6亿元，实现五年翻一番；"
                       "固定资产投资207亿元，是2014年的2.7倍。城乡居民人均可支配收入达到32055元、15301元。", section=FIVE)
    assert found == {("GDP", 2018, "actual", "18900000000", "CNY", None),
                     ("GeneralBudgetRevenue", 2018, "actual", "1060000000", "CNY", None),
                     ("FixedAssetInvestment", 2018, "actual", "20700000000", "CNY", None),
                     ("UrbanDisposableIncome", 2019, "actual", "32055", "CNY", None),
                     ("RuralDisposableIncome", 2019, "actual", "15301", "CNY", None)}


def test_one_observation_per_indicator_year_and_kind(observe):
    """The value of one sentence and the growth of another complete one observation, with both sentences."""
    found, facts = observe("地区生产总值完成141.9亿元。全区地区生产总值增长7.5%。")
    assert found == {("GDP", 2019, "actual", "14190000000", "CNY", "7.5")}
    (obs,) = facts.observations
    assert len(obs.sentences) == 2 and obs.region.key == "130608"


def test_a_figure_past_a_mark_and_a_title_that_dates_the_review(observe):
    """突破300亿元达到301.5亿元: the figure, not the mark it passed; "2022年政府主要工作" in a report its title
    dates 2023 is the review of 2022, not a plan."""
    found, _ = observe("全年地区生产总值突破300亿元达到301.5亿元，增长5.2%；固定资产投资增长20%。",
                       section="一、2022年政府主要工作", title="保定市清苑区2023年政府工作报告")
    assert found == {("GDP", 2022, "actual", "30150000000", "CNY", "5.2"),
                     ("FixedAssetInvestment", 2022, "actual", None, None, "20")}
    # after the growth, a sum under another name is not this one's (a page that lost its commas)
    found, _ = observe("全区社会消费品零售总额增长 11.5% 财政总收入 7.5 亿元、增长 34.8%。地区生产总值增长6%，达到300亿元。")
    assert found == {("RetailSales", 2019, "actual", None, None, "11.5"),
                     ("GDP", 2019, "actual", "30000000000", "CNY", "6")}
    # the last of a list of figures, with 分别: the figures at its place
    found, _ = observe("财政总收入、地方一般公共预算收入分别实现156.8亿元、79.3亿元，同比增长11%、12.6%。")
    assert found == {("GeneralBudgetRevenue", 2019, "actual", "7930000000", "CNY", "12.6")}
    found, _ = observe("引进253.1亿元、实际利用外资1830万美元，分别增长51.6% 144%，总量居全市第一。")  # a lost mark
    assert found == {("ForeignInvestment", 2019, "actual", "18300000", "USD", "144")}
    found, _ = observe("全区地区生产总值增长6%。", section="二、2020年政府主要工作")  # the plan of the 2020 report
    assert found == {("GDP", 2020, "target", None, None, "6")}


def test_news_speaks_for_the_year_of_its_date(observe):
    found, _ = observe("去年，全县地区生产总值增长6.2%。", section="2022-07-26 10:10 来源：山西新闻网",
                       title="沁源县:党建引领全方位高质量发展")
    assert found == {("GDP", 2021, "actual", None, None, "6.2")}


def test_variant_table():
    table = _load_table()
    assert list(indicator_labels().values()) == ["地区生产总值", "一般公共预算收入", "固定资产投资", "规模以上工业增加值",
                                                 "社会消费品零售总额", "城镇居民人均可支配收入", "农村居民人均可支配收入",
                                                 "进出口总额", "实际利用外资"]
    assert table.variants["规上工业增加值"] == ("IndustrialValueAdded",)
    assert table.variants["城乡居民人均可支配收入"] == ("UrbanDisposableIncome", "RuralDisposableIncome")
    assert all(code in indicator_labels() for codes in table.variants.values() for code in codes)


def test_a_figure_estimated_as_the_year_ends_is_its_outcome(observe):
    """预计到年末 in a section that opens with the report's own year (a report given as its year ends): the
    year's outcome, not a target; a target cue still makes one."""
    found, _ = observe("2020年，是我区极不平凡的一年。预计到年末，全区地区生产总值增长3.3%。", section="一、过去一年工作成效显著")
    assert found == {("GDP", 2020, "actual", None, None, "3.3")}
    found, _ = observe("2020年，是关键一年。预计到年末，全区地区生产总值力争增长6%。", section="")
    assert found == {("GDP", 2020, "target", None, None, "6")}
