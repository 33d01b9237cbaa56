"""The owner a project's name opens with (rule enterprise.project_name, run after the projects)."""
import pytest

from govkg.extractors import EXTRACTORS, extract, load_extractor
from govkg.extractors.enterprise import extract_named_owners, project_name_owner
from govkg.model import Mention
from govkg.text.document import sentences_of


def candidates(make_context, text):
    """The owner rule's mentions, after the extractors registered before it have run."""
    ctx = make_context(text)
    for name in list(EXTRACTORS)[:list(EXTRACTORS).index("owner")]:
        ctx.mentions.extend(x for x in load_extractor(name)(ctx) if isinstance(x, Mention))
    return {m.label for m in extract_named_owners(ctx)}


@pytest.mark.parametrize("text, expected", [
    ("成功引进投资10亿元的晶澳新能源产业基地。", {"晶澳"}),
    ("现场，华润电力风电光伏项目、中核汇能风电项目等16个重点项目集中签约。", {"华润电力", "中核汇能"}),
    # a sentence that lists projects (项目包括…) is one of investment too
    ("区级项目包括G60卫星互联网、顺丰华东总部暨智慧供应链科技产业基地、迪爱斯智能设备研发生产基地等。", {"顺丰", "迪爱斯"}),
    # a visit to the projects' sites; the town before a brand is where its project is
    ("区领导一行先后来到精武镇正威新材料项目、华润电力风电光伏项目现场进行考察调研。", {"正威", "华润电力"}),
    # a production line is no road (线)
    ("重点项目完成投资41亿元，德迈仕生产线扩建、利欧泵业二期等6个项目竣工投产。", {"德迈仕"}),
])
def test_a_project_names_its_owner_first(make_context, text, expected):
    assert candidates(make_context, text) == expected


def test_an_owner_named_with_its_place_is_the_brand_with_the_placed_name_as_alias(make_context):
    ctx = make_context("莆田秀屿鑫东森纺织系列产品生产项目，总投资80亿元。观摩西华县双汇年加工一亿只肉鸡屠宰熟食项目。")
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    owners = {info.label: set(info.aliases) for ref, info in facts.entities.items() if ref.type == "Enterprise"}
    assert owners == {"鑫东森": {"莆田秀屿鑫东森"}, "双汇": {"西华县双汇"}}


def test_each_owner_carries_out_its_own_project(make_context):
    ctx = make_context("现场，华润电力风电光伏项目、中核汇能风电项目等16个重点项目集中签约。")
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    label = {ref: info.label for ref, info in facts.entities.items()}
    carries = {(label[r.subject], label[r.object]) for r in facts.relations if r.predicate == "carriesOut"}
    assert ("华润电力", "华润电力风电光伏项目") in carries and ("中核汇能", "中核汇能风电项目") in carries
    # not every project of the list: the other project has its owner in its own name
    assert ("华润电力", "中核汇能风电项目") not in carries and ("中核汇能", "华润电力风电光伏项目") not in carries


@pytest.mark.parametrize("text", [
    "投资2亿元的老蛮桥水库扩建工程开工建设。",  # a reservoir named by its place
    "投资5亿元的塔城至乌苏高速公路开工建设。",  # a road by its ends
    "投资3000万元的城区集中供热三期工程竣工。",  # common words
    "夏商文明探源工程投资5000万元。",  # the tagger reads 夏商 as a person's name
    "县城管委投资建设钼尾矿综合利用项目。",
    "投资2亿元建设夏商文明考古研究中心。",  # the tagger reads the whole name as one institution
])
def test_works_named_by_places_or_words_have_no_owner(make_context, text):
    assert not candidates(make_context, text)


def test_no_owner_outside_sentences_of_investment(make_context):
    assert not candidates(make_context, "晶澳新能源产业基地的员工参加培训。")


@pytest.mark.parametrize("name, owner", [
    ("能建数科压缩空气储能", "能建数科"),  # a brand of single characters, as jieba cuts it
    ("晶澳新能源产业基地", "晶澳"),  # the brand ends where a sector term starts, though jieba cut 澳新
    ("隆烨化工技改项目", "隆烨化工"),  # but a sector right before what a company does to its plant is its trade
    ("万鑫顺达100MW光伏", "万鑫顺达"),
    ("村级光伏电站建设项目", ""),  # a common word of the dictionary
    ("投运金上至湖北特高压直流输电工程", ""),
    # a road by its ends or a street's extension, a mine, an area, a sewage works: no company's
    ("塔城至乌苏高速公路", ""),
    ("乐凯大街南延工程", ""),
    ("潘家田铁矿采选项目", ""),
    ("撒莲县域污水管网工程", ""),
    ("鲁岗污水处理厂提标改造", ""),
])
def test_project_name_owner(make_context, name, owner):
    ctx = make_context("空。")
    assert name[:project_name_owner(ctx, name)] == owner


def test_a_short_list_item_of_a_brand_and_its_product_is_the_brands_project(make_context):
    ctx = make_context("屹马毫米波雷达、宏鑫精密钢管等4个项目顺利竣工。")
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    by_type = {(ref.type, info.label) for ref, info in facts.entities.items()}
    assert {("Project", "屹马毫米波雷达"), ("Enterprise", "宏鑫"), ("Project", "宏鑫精密钢管")} <= by_type
    assert not by_type & {("Enterprise", "屹马毫米波雷达"), ("Project", "屹马毫米波雷达项目"), ("Enterprise", "宏鑫精密钢管")}


@pytest.mark.parametrize("text, owner, not_owner", [
    # the brand before where the works are: a phase's owner, a project named by its owner and output
    ("总投资138亿元的深能西北郊二期、雨森新型材料等25个项目开工。", "深能", "深能西北郊"),
    ("建成榆能西南70万千瓦热电项目。", "榆能", "榆能西南"),
    # a trade word that repeats what the brand names is the project's material
    ("陕煤煤炭分质利用、国能聚乙醇酸等重大项目开工建设。", "陕煤", "陕煤煤炭"),
])
def test_the_owner_is_the_brand_without_the_site_or_material(make_context, text, owner, not_owner):
    ctx = make_context(text)
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    owners = {info.label for ref, info in facts.entities.items() if ref.type == "Enterprise"}
    assert owner in owners and not_owner not in owners


def test_a_brand_that_opens_two_projects_names_their_owner_whatever_the_tagger_reads(make_context):
    """军正泰, which LAC reads as a person's name: it opens two signed projects' names."""
    text = "邕宁区军正泰特种装备生产项目、邕宁区军正泰新能源专用车生产项目在会上签约。邕宁区军正泰特种装备生产项目在会上签约。"
    assert "军正泰" in candidates(make_context, text)
    assert not candidates(make_context, text.split("。")[1] + "。")


def test_a_makers_place_before_its_capacity_is_no_part_of_its_name(make_context):
    """横州市|潮力年产50万吨再生铝加工生产项目: the brand, also called with its place."""
    ctx = make_context("如邕宁区新型环保装备制造基地项目、横州市潮力年产50万吨再生铝加工生产项目将带来新机遇。")
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    owners = {info.label: set(info.aliases) for ref, info in facts.entities.items() if ref.type == "Enterprise"}
    assert owners == {"潮力": {"横州市潮力"}}


def test_a_company_named_with_its_legal_form_at_a_projects_start_is_its_owner_whole(make_context):
    """天祥肉类加工有限公司|肉类屠宰及深加工项目: the company is named in full; no short brand beside it."""
    ctx = make_context("天祥肉类加工有限公司肉类屠宰及深加工项目正在加紧建设，总投资2亿元。")
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    assert {info.label for ref, info in facts.entities.items() if ref.type == "Enterprise"} == {"天祥肉类加工有限公司"}


def test_a_companys_phase_names_the_company_whole_and_a_school_no_builder(make_context):
    """中亦食品二期 is the second phase of 中亦食品, not 中亦's 食品 works; 梁洁华希望中学 and 宏利佳九年一贯制学校 are
    schools named after donors, built by no company."""
    found = candidates(make_context, "完成中亦食品二期、华智家纺等项目土地征迁。启动投资0.63亿元的梁洁华希望中学改扩建工程，"
                                     "建成宏利佳九年一贯制学校。")
    assert not found & {"中亦", "梁洁华", "宏利佳"}
    assert project_name_owner(make_context("。"), "中利乳业奶粉加工项目") == 4


def test_brands_in_a_run_of_branded_projects_name_their_owners_whatever_the_tagger_reads(make_context):
    """…浙江正华高档生活用纸生产项目，投资…的温州泳兵LED绿色照明生产项目，投资…的好口福休闲食品加工项目: three projects
    of one sentence open with a brand, so each is a company's though LAC reads 好口福 as no organisation; one such
    project alone names none."""
    text = ("分别是计划总投资7.18亿元的浙江正华高档生活用纸生产项目，投资2亿元的温州泳兵LED绿色照明生产项目，"
            "投资1亿元的好口福休闲食品加工项目。投资1亿元的好口福休闲食品加工项目开工。")
    assert "好口福" in candidates(make_context, text)
    assert not candidates(make_context, text.split("。")[1] + "。")


def test_a_kind_of_ware_before_its_sector_is_no_part_of_the_brand(make_context):
    """福建谷风|古典家具物流园: 古典 (classical) says what furniture, not whose; 古雷炼化|一体化项目 likewise."""
    ctx = make_context("。")
    assert [n[:project_name_owner(ctx, n)] for n in ("福建谷风古典家具物流园", "古雷炼化一体化项目")] == ["福建谷风", "古雷炼化"]


def test_a_park_named_after_its_town_has_no_owner(make_context):
    """云南嵩明|杨林|工业园区: 杨林 is the town the park is in, no company; 晶澳|新能源产业基地 stays the brand's."""
    assert not candidates(make_context, "记者从云南嵩明杨林工业园区建园20周年座谈会上获悉，云南嵩明把杨林工业园区打造成为"
                                        "主营业收入超500亿元的开发区，进入全省10个销售收入超千亿元的产业园区行列。")
    assert "晶澳" in candidates(make_context, "成功引进投资10亿元的晶澳新能源产业基地。")


def test_a_sector_in_ye_is_no_brands_trade(make_context):
    """西芹|产业采购项目: the celery sector's purchases, no brand's (西芹产业 and 西芹 are no owners); 中利|乳业 stays
    a dairy's name."""
    ctx = make_context("。")
    assert [n[:project_name_owner(ctx, n)] for n in ("西芹产业采购项目", "中利乳业奶粉加工项目")] == ["", "中利乳业"]


def test_a_direction_and_a_count_own_nothing(make_context):
    """东二|跑道项目: the second east runway, no company 东二."""
    assert not candidates(make_context, "哈尔滨机场被列入全国十大国际航空枢纽、东二跑道项目竣工，总投资30亿元。")
