import os
import subprocess
import sys

import pytest

from govkg.extractors.project import extract_projects
from govkg.model import Mention, Relation


def found(ctx):
    out = list(extract_projects(ctx))
    return ({m.label for m in out if isinstance(m, Mention) and m.type == "Project"},
            {m.label for m in out if isinstance(m, Mention) and m.type == "Enterprise"},
            {(r.subject.key, r.predicate, r.object.key) for r in out if isinstance(r, Relation)})


@pytest.mark.parametrize("sentence, expected", [
    ("加快推进乾旻玄武岩纤维新材料建设项目。", {"乾旻玄武岩纤维新材料建设项目"}),
    ("加快实施德胜钒钛公司1250m³高炉节能技改项目。", {"德胜钒钛公司1250m³高炉节能技改项目"}),
    ("老蛮桥水库扩建工程主体完工。", {"老蛮桥水库扩建工程"}),
    ("建成卧龙湖大桥。", {"卧龙湖大桥"}),
    ("提速推进中昊晨光一期、江苏国泰锂离子电池电解液等14个项目建设。",
     {"中昊晨光一期", "江苏国泰锂离子电池电解液"}),
    # reference markers, bullets and list ordinals are not part of a name
    ("实施〔16〕老蛮桥水库扩建工程。", {"老蛮桥水库扩建工程"}),
    ("推进新六种猪场〔12〕、硒鸽肉鸽养殖基地〔10〕等项目建设。", {"新六种猪场", "硒鸽肉鸽养殖基地"}),
    ("九是乾旻玄武岩纤维新材料建设项目全面完工。", {"乾旻玄武岩纤维新材料建设项目"}),
    ("③巨力路东延、⑹巨能路东延工程完工。", {"巨能路东延工程"}),
    # a list closed by a count and what the projects cost; a list that an event of starts or signings opens; a quoted
    # formula inside an item
    ("当天，该市新能源机动车检测中心、孚能新能源动力电池等13个总投资62亿元的项目也正式开工。",
     {"新能源机动车检测中心", "孚能新能源动力电池"}),
    ("此次集中开工活动包括宗皇米酒加工生产、明觉镇种养循环经济园等。", {"宗皇米酒加工生产", "明觉镇种养循环经济园"}),
    # … also when an item is too long to read the list back from its counted end
    ("此次集中开工活动包括宗皇米酒加工生产、广旺矿区煤矿棚户区改造项目拣银岩煤矿道路改造工程等11个项目。",
     {"宗皇米酒加工生产", "广旺矿区煤矿棚户区改造项目拣银岩煤矿道路改造工程"}),
    ("此次签约项目包括新马生态社区、株洲信息港、猪八戒网“互联网+”型创新创业综合示范区等。",
     {"新马生态社区", "株洲信息港", "猪八戒网互联网+型创新创业综合示范区"}),
    # a note of what an item includes; the list's last item after ，以及; 快速化 is works, no brand's
    ("清单中包含了沪苏湖铁路松江段（含站本体）、油墩港航道整治、沪松快速化，以及雨水泵站及调蓄池等27个市级工程项目。",
     {"沪苏湖铁路松江段", "油墩港航道整治", "沪松快速化", "雨水泵站及调蓄池"}),
    # a list item that ends in a technical renovation is works
    ("实施工业项目169个，特种纸搬迁技改等58个项目竣工投产。", {"特种纸搬迁技改"}),
    # what kind of project it is, glued before its name
    ("贵州投资最大的产业项目毕节磷煤化工一体化项目启动建设。", {"毕节磷煤化工一体化项目"}),
    # the preposition of 以…为… opens no name
    ("鼓励企业加大技改投入。以金瑞祥、双强、鑫昌锌业等大项目为支撑，谋划建设锌业园。", {"金瑞祥项目", "双强项目"}),
    # the projects that stand for more of them; one item alone may name a kind
    ("以龙源新能源一体化循环利用、瑞东碳化硅为代表的17个亿元以上项目集中开工。", {"龙源新能源一体化循环利用", "瑞东碳化硅"}),
    ("以科技创新为代表的一批项目加快建设。", set()),
    # a short item of a brand and what it makes is the brand's project, named so
    ("屹马毫米波雷达、宏鑫精密钢管等4个项目顺利竣工。", {"屹马毫米波雷达", "宏鑫精密钢管"}),
    ("深入开展中华文明探源工程。", {"中华文明探源工程"}),
    # names that keep their digits and phases
    ("启动省道430沙湾城区绕城线工程建设。", {"省道430沙湾城区绕城线工程"}),
    ("加快老蛮桥水库二期工程建设。", {"老蛮桥水库二期工程"}),
    ("完成514大修工程。", {"514大修工程"}),  # a road's number before 大修 is no count
    # a governing verb or preposition in front is not part of the name
    ("今年整修清溪河堤防，确保安全度汛。", {"清溪河堤防"}),
    ("以万丰商贸综合体项目为支点激活夜间消费。", {"万丰商贸综合体项目"}),
    # a bracketed place inside a list item is part of it, not the end of the list
    ("此前，该市已落地三峡大数据中心、京东（高唐）数字农业产业园等重点项目。", {"三峡大数据中心"}),
    # a count in words before the works is not part of its name
    ("公司投资8000万元新建一座年产2.5万吨密炼生产线项目。", {"年产2.5万吨密炼生产线项目"}),
    # a decimal point is no end of a name; a name too long to reach starts after its company's full name
    ("总投资5.5亿元的苏州超邦涂料年产4.5万吨先进功能多用途涂料项目。", {"苏州超邦涂料年产4.5万吨先进功能多用途涂料项目"}),
    ("↑ 包头中远防务材料有限公司年产1万吨超高分子量聚乙烯薄膜特种材料项目建设中。", {"年产1万吨超高分子量聚乙烯薄膜特种材料项目"}),
    ("义县国大乳业有限公司乳品深加工项目投资5亿余元。", {"义县国大乳业有限公司乳品深加工项目"}),
    # a company's head left at the front where a verb-like word (投资) cut the company's name is no part of it
    ("内蒙古准兴新能源投资有限公司一期五万千瓦风光同场光伏发电项目在四子王旗开工建设。", {"一期五万千瓦风光同场光伏发电项目"}),
    # the name before 及 is read as far as any name reaches
    ("1月30日上午，安徽光势能一期3.6GW异质结叠层电池及组件项目投产仪式举行。", {"安徽光势能一期3.6GW异质结叠层电池及组件项目"}),
    # a list closed by a count and a qualifier of up to six characters
    ("签约项目包括青峰通用机场、十万千瓦光伏发电、茶旅小镇综合开发等8个招商引资签约项目。",
     {"青峰通用机场", "十万千瓦光伏发电", "茶旅小镇综合开发"}),
    # the list is still read after what a place has now (目前已有 opens no name: see the test of that below)
    ("园区目前已有鑫源纸业、南宁蔗渣综合利用及生物质燃料等12个项目落户。", {"南宁蔗渣综合利用及生物质燃料"}),
    # the government that signs with the company is no part of the name
    ("青冈县人民政府与北京京粮龙江生物科技集团有限公司L乳酸生产加工项目签约。", {"L乳酸生产加工项目"}),
    # a size class in front is no part of the name
    ("千亿级宁德时代储能电池项目开工建设。", {"宁德时代储能电池项目"}),
    # a counted list's end with a longer qualifier; 既有…又有… and 又有 are no part of the first item's name
    ("既有精锐恒丰年产300万只汽车传动皮带轮、昊森部件年产40万套汽车内外饰塑料件等一批汽车零部件下游强链壮链项目，"
     "又有橙果桥梁桥梁机械设备制造、创实玻璃年产60万平方米钢化玻璃加工项目等业态融合项目。",
     {"精锐恒丰年产300万只汽车传动皮带轮", "昊森部件年产40万套汽车内外饰塑料件", "橙果桥梁桥梁机械设备制造"}),
    # a company building the work right before it makes a name of generic words its own
    ("中联重科新材料科技有限公司投建智慧装备制造项目，打造建筑新型材料智慧装备产业园。", {"智慧装备制造项目"}),
    ("加快石太铁路客运专线建设，力争京石、津秦铁路客运专线开工。", {"石太铁路客运专线", "津秦铁路客运专线"}),
    # a sluice; a road's stretch by its direction (not a province's stretch: 京沪高速公路河北段)
    ("鹰嘴岩水库建设完成，桥亭水闸开工建设。", {"鹰嘴岩水库", "桥亭水闸"}),
    ("继光大道西段、实验小学地下停车场全面完工，推进京沪高速公路河北段建设。", {"继光大道西段", "京沪高速公路河北段"}),
    # a list closed by its count and total investment (等8个总投资127亿元项目); 规划 a verb before a name
    ("VR智慧屏、腾达智能制造等8个总投资127亿元项目开工建设。", {"VR智慧屏项目", "腾达智能制造项目"}),
    ("规划瑞穗火车站周边环境重塑工程，改造火车站南侧闲置空间。", {"瑞穗火车站周边环境重塑工程"}),
    # an ordinal names one facility of its kind (第二|污水处理厂), not one works (第二|工程)
    ("多年处于谋划阶段的第二污水处理厂，已于12月下旬启动工程建设。", {"第二污水处理厂"}),
])
def test_projects(make_context, sentence, expected):
    projects, _, _ = found(make_context(sentence))
    assert expected <= projects


def test_an_ordinal_and_works_name_no_project(make_context):
    """第二|污水处理厂 is one plant of its kind; 第二|工程 names no works."""
    projects, _, _ = found(make_context("推进第二工程建设，建设第二污水处理厂。"))
    assert projects == {"第二污水处理厂"}


def test_no_project_named_by_a_kind_a_count_or_a_phase_alone(make_context):
    """开建|温福高铁: a verb; 西郭至羊平|等30公里…: a list's count; 污水处理厂三期: a phase of the place's one plant
    (城北污水处理厂三期工程 names one); 种养项目: a kind of farming."""
    projects, _, _ = found(make_context("开建温福高铁。投资1亿元实施范家庄至东石门、西郭至羊平等30公里农村公路改造工程。"
                                        "投资5.2亿元的污水处理厂三期工程加快建设，城北污水处理厂三期工程开工。"
                                        "加快推进种养、沼气三位一体生态村等项目建设。"))
    assert "温福高铁" in projects and "城北污水处理厂三期工程" in projects
    assert not any(p.startswith(("开建", "西郭", "污水处理厂", "种养")) for p in projects), projects


def test_programmes_every_county_runs_are_no_project(make_context):
    """抗震安居项目, 农房抗震加固工程, 小型农田水利建设: kinds of works with no name (29th audit); a named site stays."""
    projects, _, _ = found(make_context("推进抗震安居项目建设，实施农房抗震加固工程，加强小型农田水利建设。"
                                        "南关易地扶贫搬迁安置点项目开工。"))
    assert projects == {"南关易地扶贫搬迁安置点项目"}


def test_what_a_park_boasts_is_no_project(make_context):
    """台知园区坐拥|高铁新竹站地理优势: 坐拥 (to boast) ends a name."""
    projects, _, _ = found(make_context("此外，台知园区（璞玉计划）坐拥高铁新竹站地理优势，汇聚竹北及芎林机能。"))
    assert not projects


def test_the_owner_before_a_daily_gas_capacity(make_context):
    """山西恒浩清洁能源|100万方/日液化气项目: the owner is named before the plant's size, as before 年产…."""
    projects, enterprises, relations = found(make_context("启动山西恒浩清洁能源100万方/日液化气项目。"))
    assert projects == {"山西恒浩清洁能源100万方/日液化气项目"}
    assert enterprises == {"恒浩清洁能源"}


def test_the_owner_is_named_without_the_county_it_builds_in(make_context):
    """华能国风临县100MW智慧风力发电项目: the owner is 华能国风, 临县 the county the page names."""
    from govkg.extractors.region import extract_regions

    ctx = make_context("临县推动华能国风临县100MW智慧风力发电项目落地开工。")
    ctx.mentions.extend(m for m in extract_regions(ctx) if isinstance(m, Mention))
    assert found(ctx)[1] == {"华能国风"}


def test_a_line_of_business_is_no_part_of_a_name(make_context):
    """专业从事|太阳能光伏发电站项目投资: 从事 ends the name walking left."""
    projects, _, _ = found(make_context("宁夏金阳新能源有限公司是专业从事太阳能光伏发电站项目投资、设计和施工的企业。"))
    assert not any("从事" in p for p in projects)


def test_works_named_to_say_where_something_is_are_no_project(make_context):
    """在沙坡头区迎闫公路西侧的…: the road says where the plant is; the plant is the project."""
    projects, _, _ = found(make_context("在沙坡头区迎闫公路西侧的腾格里沙漠边缘，建设了30MWp沙漠太阳能光伏并网发电项目。"))
    assert projects == {"30MWp沙漠太阳能光伏并网发电项目"}


def test_two_works_joined_by_ji_are_two_names(make_context):
    """六小一期及定兴中学体育馆: two works; the first, closed by its phase, is no name alone (a count opens it)."""
    projects, _, _ = found(make_context("完成县直幼儿园一期、六小一期及定兴中学体育馆等项目主体施工。"))
    assert {"县直幼儿园一期", "定兴中学体育馆"} <= projects and not any("及" in p for p in projects)


@pytest.mark.parametrize("sentence", [
    "合理布局重大项目。",
    # what a list after 项目有 counts are companies or classes, not projects; a class of projects is none
    "其中，央企类项目有中国融通、中建市政、中铁置业3家企业。",
    "常规项目包括个人引进、专项引进、团队引进3个类别9个项目。",
    "力争完成46个市区“挂图作战”项目。",
    "实施一批民生工程。",
    "争取政策项目。",
    "完成年度投资超50亿元项目。",
    "完成农村危房改造工程。",
    # what a place is to become
    "努力打造成为大湾区西翼制造中心。",
    "新会还揭牌成立了江门市新会区人民政府驻深圳产业招商服务中心。",  # a body set up
    # what a sum goes to develop is a sector, no works
    "宁夏金阳新能源有限公司投资14.15亿元大力发展光伏产业。",
    # the season or quarter a batch of projects starts in
    "沈阳市法库县秋季项目集中开工。",
    "全县二季度重点项目集中开工。",
    # markers, ordinals and governing verbs leave only generic words
    "实施［1］工程。",
    "一是狠抓项目，二是上项目。",
    "深入开展项目，全面落实项目。",
    # a region's projects, no one project
    "正阳县项目为王产业集群发展突飞猛进。",
    "2012年是黑龙江省产业项目建设三年决战的第二年。",
    # a region and a verb that takes projects on
    "——沁源县抓项目兴产业助推转型发展",
    "坚持大上项目、上大项目。",
    # a verb, adverb or preposition and its object
    "抓早项目谋划，瞄准交通、能源领域。",
    "全力扩大有效投资，按下项目建设和招大引强“快进键”。",
    # how many, and a kind
    "“黄金枢纽”激活产业新动能，越来越多好项目落户湘阴。",
    # socio-economic kinds and policy words
    "12月22日，阿荣旗经济社会重大项目签约仪式在海拉尔举行。",
    "继续实施城市增绿和补短板工程。",
    # a verb of one character, words of keeping on
    "县人民政府抓项目、促投资。",
    "今年以来，吉林市始终保持项目建设力度不减。",
])
def test_generic_projects_rejected(make_context, sentence):
    projects, _, _ = found(make_context(sentence))
    assert projects == set()


def test_a_list_closed_by_work_on_projects_names_none(make_context):
    projects, _, _ = found(make_context("运用好“日汇报、周督办”、县级领导包抓责任制等推进项目建设的工作机制。"))
    assert projects == set()


def test_a_company_is_no_project(make_context):
    projects, _, _ = found(make_context("城郊乡政府与总投资8000万元的商丘联鑫消防科技有限公司、宁陵县开心玩具有限公司的两个项目正式签约。"))
    assert not any(p.endswith("公司") for p in projects)


def test_a_list_of_sectors_closed_by_projects_names_no_project(make_context):
    from govkg.extractors import extract
    from govkg.text.document import sentences_of

    ctx = make_context("重点从新型建材产业、新材料产业、包装印刷产业、物流等项目作了推介。")
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)  # the list's owners are read by the enterprise rules
    projects = {m.label for m in facts.mentions if m.type == "Project"}
    assert projects == set()


def test_a_list_of_kinds_of_work_closed_by_projects_names_no_project(make_context):
    """新绿色有机农业、可循环再利用发展、…等项目: what kinds of projects they are; not a pair with one such item."""
    projects, _, _ = found(make_context("其中新绿色有机农业、可循环再利用发展、生态观光现代农业、全域治理等项目占比较大。"))
    assert projects == set()
    projects, _, _ = found(make_context("加快建设荣达锦翼年产1.8万吨鸭肉制品、唐郡黑玉米产业融合发展等农产品加工项目。"))
    assert "唐郡黑玉米产业融合发展" in projects


def test_what_a_place_has_now_opens_no_name(make_context):
    projects, _, _ = found(make_context("园区位于江南镇，目前已有桂中糖厂、南宁蔗渣综合利用及生物质燃料等12个项目落户。"))
    assert "南宁蔗渣综合利用及生物质燃料" in projects
    assert not any("目前" in p or "已有" in p for p in projects)


@pytest.mark.parametrize("sentence, kind, name", [
    # a plant or works with no place, brand, rare word or quantity is a kind; a named one survives
    ("完成水厂、热源厂、污水处理厂、路网、管网等一批市政重点工程新建扩建。", "污水处理厂", None),
    ("加快推进温仁污水处理厂建设。", None, "温仁污水处理厂"),
    ("推进沿滩区乡村道路改造工程。", None, "沿滩区乡村道路改造工程"),
    ("实施仙市古镇提升工程。", None, "仙市古镇提升工程"),
    ("加快推进城区给水管网和老蛮桥水库扩建工程。", None, "老蛮桥水库扩建工程"),
    # a phase is of one project; a kind with a phase after its head is still a kind
    ("智慧城市一期项目进展顺利。", None, "智慧城市一期项目"),
    ("加快民生项目一期建设。", "民生项目", None),
    # a short item of a project list must name one thing; a long one is described enough
    ("加快新索道、立体停车场、景区道路等项目建设。", "景区道路", None),
    ("推进云蒙山小镇、紫荆关养生谷等旅游项目建设。", None, "云蒙山小镇"),
    ("推进中昊晨光一期、华智二期等项目建设。", None, "中昊晨光一期"),
])
def test_kind_or_name(make_context, sentence, kind, name):
    projects, _, _ = found(make_context(sentence))
    assert kind not in projects
    assert name is None or name in projects


def test_phase_names_its_enterprise(make_context):
    projects, enterprises, rels = found(make_context("推动圣善二期、华智二期尽快建成投产。"))
    assert {"圣善二期", "华智二期"} <= projects
    assert {"圣善", "华智"} <= enterprises
    assert ("圣善", "carriesOut", "圣善二期") in rels


def test_yearly_output_names_its_enterprise(make_context):
    projects, enterprises, rels = found(make_context("创实玻璃年产60万平方米钢化玻璃加工项目落户经开区。"))
    assert "创实玻璃年产60万平方米钢化玻璃加工项目" in projects
    assert "创实玻璃" in enterprises
    assert ("创实玻璃", "carriesOut", "创实玻璃年产60万平方米钢化玻璃加工项目") in rels
    # or by its size
    projects, enterprises, _ = found(make_context("推进旭阳焦化20万吨甲醇项目建设。"))
    assert "旭阳焦化" in enterprises
    # a verb, a place or a phase before the output is no enterprise, nor a rate's period and verb
    _, enterprises, _ = found(make_context("新建年产500吨龙虾生产线项目，象州县年产100万套车架项目，阜通一期年产15万立方米装配式建材项目。"
                                           "实施日生产4万吨再生水项目，建设年出栏量不低于10万头生猪养殖项目。"))
    assert not enterprises & {"新建", "象州县", "阜通一期", "日生产", "年出栏量不低于"}
    # a phase between the owner and the size
    projects, enterprises, _ = found(make_context("亿利塑业一期20万吨PVC深加工等项目建成投产。"))
    assert "亿利塑业一期20万吨PVC深加工" in projects and "亿利塑业一期" not in projects
    assert "亿利塑业" in enterprises


def test_list_ends_that_close_no_list_of_projects(make_context):
    """A long qualifier does not run across 于 (the list is of results applied somewhere), nor after a count of
    villages (the items are the villages); a place as an item is where the project is, not its name."""
    projects, _, _ = found(make_context("航天运载火箭煤基燃料、深海油气生产控制阀等一批原创性成果应用于国家重大工程。"
                                        "实施柴各庄、东安阳等4个村安全饮水提升工程。启动蒲上镇等一批养老综合服务中心项目。"))
    assert not projects & {"航天运载火箭煤基燃料", "深海油气生产控制阀", "柴各庄项目", "东安阳项目", "柴各庄",
                           "东安阳", "蒲上镇"}


def test_place_phase_is_not_an_enterprise(make_context):
    _, enterprises, _ = found(make_context("加快清苑新城一期建设。"))
    assert "清苑新城" not in enterprises


def test_short_list_items_are_enterprises_that_carry_out_projects(make_context):
    """"信乙化工、华砂新材料等项目如期竣工": the items are enterprises, each carrying out its project, which
    is the one the stage is said of."""
    from govkg.extractors import extract
    from govkg.text.document import sentences_of

    ctx = make_context("信乙化工、华砂新材料等项目如期竣工。")
    projects, _, relations = found(ctx)
    assert not {"信乙化工", "华砂新材料"} & projects
    assert {"信乙化工项目", "华砂新材料项目"} <= projects
    assert ("信乙化工", "carriesOut", "信乙化工项目") in relations
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    enterprises = {ref.key for ref in facts.entities if ref.type == "Enterprise"}
    assert {"信乙化工", "华砂新材料"} <= enterprises
    kept = {ref.key for ref in facts.entities if ref.type == "Project"} & {"信乙化工项目", "华砂新材料项目"}
    assert kept  # the learned decision keeps at least one; each kept has the stage the sentence says
    assert {(m.project.key, m.stage) for m in facts.milestones} >= {(k, "竣工") for k in kept}


def test_routes_in_lists_are_works_not_enterprises(make_context):
    """"冉庄至大李各庄林场、何桥西至蠡县等道路工程": each item is a road between two places, named with the
    kind of works the list ends in (a kind as generic as 重点项目 is left off); the first item starts at its
    first place, not after 至."""
    projects, enterprises, _ = found(make_context("完成冉庄至大李各庄林场、何桥西至蠡县、滕庄至北白团等道路工程。"))
    assert {"冉庄至大李各庄林场道路工程", "何桥西至蠡县道路工程", "滕庄至北白团道路工程"} <= projects
    assert not {"何桥西至蠡县项目", "大李各庄林场"} & projects and not enterprises
    projects, _, _ = found(make_context("开工镇巴至陕川界高速、万顺场储气库等重点项目。"))
    assert "镇巴至陕川界高速" in projects and "陕川界高速" not in projects


@pytest.mark.parametrize("sentence, expected, joined", [
    # two works, each with its head and a name of its own
    ("推进范家庄中学和晓林中学建设。", {"范家庄中学", "晓林中学"}, "范家庄中学和晓林中学"),
    ("实施徐新公路及西张庄至大河公路改建项目。", {"徐新公路", "西张庄至大河公路改建项目"}, None),
    # two plants, each named by its size
    ("开工建设胜利煤焦240万吨坑口洗煤和昌泰200万吨洗煤厂项目。", {"胜利煤焦240万吨坑口洗煤", "昌泰200万吨洗煤厂项目"},
     "胜利煤焦240万吨坑口洗煤和昌泰200万吨洗煤厂项目"),
    # a bare phase joined to the next item is the item before's (配置一期、二期和黄茅峡水库)
    ("推进环北部湾广东水资源配置一期、二期和黄茅峡水库等工程建设。", {"黄茅峡水库"}, "二期和黄茅峡水库"),
    # one work: it joins the two, or its first part has no head, or one project makes two products
    ("实施马坊桥与旭宁街互通改造工程。", {"马坊桥与旭宁街互通改造工程"}, None),
    ("签约年产3万吨石墨精粉及年产1万吨石墨新材料深加工项目。", {"年产3万吨石墨精粉及年产1万吨石墨新材料深加工项目"}, None),
    ("实施东平湖与小清河联通工程。", {"东平湖与小清河联通工程"}, None),
])
def test_two_joined_works(make_context, sentence, expected, joined):
    projects, _, _ = found(make_context(sentence))
    assert expected <= projects
    assert joined is None or joined not in projects


def test_owner_project_is_the_owner_named_project(make_context):
    """An owner's project is the one project of the document that starts with the owner's name: the report
    speaks of it twice, once by its owner; with two such projects it stays the owner's."""
    ctx = make_context("江苏国泰、无锡东恒2个项目提前开工。提速推进江苏国泰锂离子电池电解液等14个项目建设。")
    projects, _, _ = found(ctx)
    assert "江苏国泰锂离子电池电解液" in projects and "江苏国泰项目" not in projects
    assert "无锡东恒项目" in projects
    projects, _, _ = found(make_context("江苏国泰、无锡东恒2个项目提前开工。推进江苏国泰一期、江苏国泰电解液二期等项目。"))
    assert "江苏国泰项目" in projects


def test_kinds_in_lists_own_no_project(make_context):
    projects, _, _ = found(make_context("景区道路、管网等项目加快建设。"))
    assert not any(p.endswith("项目") for p in projects)


@pytest.mark.parametrize("sentence, expected", [
    # what the sum went into, up to its stage, whatever its head
    ("投资2599万元的海—宝农村公路通车。", "海—宝农村公路"),
    ("完成投资3000万元的土壤污染治理与修复国家试点工程验收。", "土壤污染治理与修复国家试点工程"),
    # a measure or count before the works is not part of its name
    ("投资400万元完成1.6公里老旧供水管网改造。", "老旧供水管网改造"),
    ("投资4000万元完成教育园区内3条高压线路迁改，谋划实施城区第二污水处理厂。", "高压线路迁改"),
    # the name ends where what is said of it begins, or at its last works head
    ("投资1.3亿元的第三水厂具备供水条件。", "第三水厂"),
    ("投资162亿元的长城汽车项目进展顺利。", "长城汽车项目"),
    ("加快推动投资25亿元的大唐350兆瓦光伏发电、投资60亿元的华润热电联产。", "大唐350兆瓦光伏发电"),
])
def test_invested_works(make_context, sentence, expected):
    projects, _, _ = found(make_context(sentence))
    assert expected in projects


@pytest.mark.parametrize("sentence, rejected", [
    ("投资1400万元的6所中小学校全部竣工。", "中小学校"),             # a count of facilities: a kind
    ("投资 9500万元建设保障性住房 1128 套。", "保障性住房"),         # generic
    ("投资800万元购置电动公交车80辆。", "电动公交车80辆"),            # a count at the end
    ("该项目投资40亿元打造西北地区最大，年产5万吨的正极材料生产基地。", "西北地区最大"),  # a superlative
    ("新疆中军盈泰能源有限公司投资2.15亿元建设的生态黑枸杞种植等项目开工。", "的生态黑枸杞"),  # 建设的 before it
])
def test_invested_near_misses(make_context, sentence, rejected):
    projects, _, _ = found(make_context(sentence))
    assert rejected not in projects


def test_projects_above_a_size_are_a_kind(make_context):
    from govkg.extractors.phrase import lexicon
    from govkg.extractors.project import _invested

    ctx = make_context("引进中石化等总投资500亿元以上的精细化工园区配套，投资5亿元的精细化工园区配套")
    text = ctx.sentences[-1].text
    assert [text[a:b] for a, b in _invested(ctx, text, lexicon(ctx))] == ["精细化工园区配套"]
    assert len(list(_invested(ctx, text, lexicon(ctx)))) == 1


def test_a_place_before_within_is_not_part_of_the_name(make_context):
    projects, _, _ = found(make_context("园区内阳江万洋众创城项目总投资约100亿元。"))
    assert "阳江万洋众创城项目" in projects
    assert not any(p.startswith("园区") for p in projects)


@pytest.mark.parametrize("sentence, expected", [
    # road codes need no head; the name runs to the verb
    ("启动国道348锦城跨线桥建设。", "国道348锦城跨线桥"),
    ("确保S465青皮村至坪山村段、西环路建成投用。", "S465青皮村至坪山村段"),
    ("加快米会高速、G227改建改线建设。", "G227改建改线"),
    ("完成省道213仙市段建设。", "省道213仙市段"),
    # A至B roads and A及B works are one name
    ("协同做好自贡至永川高速公路建设。", "自贡至永川高速公路"),
    ("推进草场河水系连通及水美乡村建设项目。", "草场河水系连通及水美乡村建设项目"),
    # facilities count when their clause says they are built
    ("建成投用县疾控检验检测中心。", "县疾控检验检测中心"),
    ("建成高铁沿滩站。", "高铁沿滩站"),
    ("乐凯大街南延清苑段顺利通车。", "乐凯大街南延清苑段"),
    # a leading area measures the works; a capacity is part of the name
    ("完成1.3万亩雄清片林造林。", "雄清片林"),
    ("实施20万吨电池级磷酸铁生产项目。", "20万吨电池级磷酸铁生产项目"),
    # a clause-opening preposition is not part of the name
    ("对立中百亿工业园、绿色建筑产业园等续建项目，提供全方位服务。", "立中百亿工业园"),
    # a phase after the works head, or in brackets before it, is part of the name
    ("釜溪河生态修复工程二期建成开园。", "釜溪河生态修复工程二期"),
    ("海拉尔大数据中心（一期）工程全部封顶。", "海拉尔大数据中心(一期)工程"),
    # jieba's 工程建设 is the head and the work done to it
    ("加快推进安宁河流域水资源配置工程建设。", "安宁河流域水资源配置工程"),
    # a government's own facility: its level, then a kind (区公共图书馆, 区养老综合服务中心)
    ("区公共图书馆建成开放。", "区公共图书馆"),
    ("区养老综合服务中心建成投用。", "区养老综合服务中心"),
    # an ordinal names one facility; jieba's 项|目的 does not break the head
    ("谋划实施城区第二污水处理厂。", "城区第二污水处理厂"),
    ("园区内的酷鼠精酿啤酒（阳江）生产项目的大楼主体封顶。", "酷鼠精酿啤酒(阳江)生产项目"),
    # a head inside the words after the name (开街 ends in 街) does not hide the name before it
    ("迷昜古城特色街区整体开街。", "迷昜古城特色街区"),
    # what a list names beside a project is of its kind (好梦农场 alone reads as a kind of farm)
    ("确保花间宿酒店、宠物乐园、好梦农场尽快完工。", "好梦农场"),
    # a place's facility (保定 is a common word, and a place); a code in Latin letters is specific
    ("配合做好保定南站建设。", "保定南站"),
    ("主汛期前建成投用X波段天气雷达。", "X波段天气雷达"),
    ("重点推进乾旻镇敬老院建设。", "乾旻镇敬老院"),
    # names that share a counted head: as many projects as the count
    ("邓关、富全2所幼儿园完成主体建设。", "富全幼儿园"),
    # the result complement 好 of the verb before is not part of the name; a name's own 好 is
    ("实施好新时代系列艺术创作工程。", "新时代系列艺术创作工程"),
    ("配合好保定高级技工学校扩建。", "保定高级技工学校扩建"),
    ("推进好梦林水田园综合体建设。", "好梦林水田园综合体"),
])
def test_project_rules(make_context, sentence, expected):
    projects, _, _ = found(make_context(sentence))
    assert expected in projects


def test_yiji_joins_two_projects_not_one_name(make_context):
    """以及 opens a list's last item (A、B以及C等项目); it is not the 及 of one name (A及B工程)."""
    projects, _, _ = found(make_context("争取加快实施长城大街、西三环南延以及东三环连接线等项目。"))
    assert {"西三环南延", "东三环连接线"} <= projects
    assert not any("以及" in p for p in projects)


@pytest.mark.parametrize("sentence, rejected", [
    ("形成一切围着项目转的合力。", "一切围着项目"),            # verb + 着 ends a name
    ("完成工业技改项目113个。", "工业技改项目"),              # counted: a kind of project
    ("2个美丽宜居乡村建设项目全部交房入住。", "美丽宜居乡村建设项目"),
    ("富全2所幼儿园完成主体建设。", "富全2所幼儿园"),          # a count inside the name
    ("作为全市唯一文旅项目参加全省旅游大会。", "唯一文旅项目"),  # generic words only
    ("深入实施文化惠民工程。", "文化惠民工程"),
    ("获评乡村运输“金通工程”样板县。", "金通工程"),           # quoted programme = slogan
    ("人居环境提标工程。", "人居环境提标工程"),              # a heading
    ("及时招聘农村中小学教师。", "农村中小学"),              # head inside a word
    ("建成综合能源站。", "综合能源站"),                    # generic facility
    ("县疾控中心开展检测。", "县疾控中心"),                 # facility not being built
    ("确保缅气入攀（米易段）建成。", "米易段"),              # qualifier in brackets
    ("老蛮桥水库扩建工程主体完工。", "老蛮桥"),              # head of a longer name
    ("釜溪河生态修复工程二期建成开园。", "釜溪河生态修复工程"),    # the phase goes on the name
    ("养老综合服务中心建成投用。", "养老综合服务中心"),          # a kind, no government's own
    ("乡镇卫生院建成投用。", "乡镇卫生院"),
    ("确保花间宿酒店、宠物乐园、好梦农场尽快完工。", "确保花间宿酒店"),  # the list's verb is not its first item's
    ("配合做好雄忻高铁11及保定南站建设。", "雄忻高铁11及保定南站"),  # footnote number ends a name
    # news prose: an event, or work under way, is no part of a name
    ("12月8日，筠连县举行2023年12月招商引资项目集中签约仪式。", "筠连县举行2023年12月招商引资项目"),
    ("工人们正在修筑U型渠，确保明年春灌。", "工人们正在修筑U型渠"),
    ("市领导调研潼关县动力电池正极材料生产基地项目。", "调研潼关县动力电池正极材料生产基地项目"),
    ("其中，主会场法麦克斯三期项目总投资5.2亿元。", "主会场法麦克斯三期项目"),
    # a works head inside a company's name
    ("杭州三汇信息工程有限公司投资约2.36亿元建设智能生产基地。", "杭州三汇信息工程"),
    ("与中南土木工程集团签约。", "中南土木工程"),
    # a head that goes on as a place's name; a determiner is no name
    ("加快现代农业发展是安阳县崔家桥镇探索出的一条新路径。", "安阳县崔家桥"),
    ("完成照旺台小学片区征迁工作。", "照旺台小学"),  # an area named after a school
    ("实施市头村等3个土地整理项目。", "市头村"),  # a village the counted projects are in
    ("渝东南迈入高铁时代。", "渝东南迈入高铁"),  # entering an era
    ("烧肉园区已正式营运，而三井Outlet二期预计于2026年第一季开幕。", "而三井Outlet二期"),  # a conjunction
    ("这批项目的集中开工将为我县经济注入活力。", "这批项目"),
    ("建设白沟新城7大物流基地。", "白沟新城7大物流基地"),  # a count of a kind inside
    ("稳妥推进RCEP示范项目集聚区建设。", "RCEP示范项目"),  # the works head of a park's name
    # building in phases is no phase's name; many trucks are no works; a count of projects
    ("计划在广佛肇(怀集)经济合作区B区分三期建设柠檬全产业链项目。", "区B区分三期"),
    ("一辆辆工程车辆往来奔跑。", "一辆辆工程"),
    ("盘活处置农村闲置低效资产项目数量占比98.5%。", "盘活处置农村闲置低效资产项目"),
    # a city's role, a protected area: no works
    ("加快曲靖省域副中心城市建设。", "曲靖省域副中心"),
    ("高质量建设大熊猫国家公园。", "大熊猫国家公园"),
    ("基本消除江海堤防和病险水闸安全隐患。", "病险水闸"),  # the state works are in: a kind
])
def test_project_near_misses(make_context, sentence, rejected):
    projects, _, _ = found(make_context(sentence))
    assert rejected not in projects


def test_an_enterprise_trade_name_makes_a_project_specific(make_context):
    """A kind of project (氟材料项目) with the trade name of an enterprise the document names (中化 of 中化蓝天) in
    front is that enterprise group's one; without such an enterprise the same words stay a kind."""
    from govkg.model import EntityRef

    text = "引进中化蓝天等企业。中国中化氟材料项目为全市唯一投资超50亿元项目。"
    ctx = make_context(text)
    start = ctx.doc.norm.index("中化蓝天")
    ctx.mentions.append(Mention(EntityRef("Enterprise", "中化蓝天"), "中化蓝天", start, start + 4,
                                ctx.sentence_at(start).index, "enterprise.list"))
    assert "中国中化氟材料项目" in found(ctx)[0]
    assert "中国中化氟材料项目" not in found(make_context(text))[0]


def after_names(make_context, sentence):
    """A context over ``sentence`` holding the mentions of the extractors that run before the projects' (regions,
    parks, enterprises)."""
    from govkg.extractors.enterprise import extract_enterprises
    from govkg.extractors.park import extract_parks
    from govkg.extractors.region import extract_regions

    ctx = make_context(sentence)
    for extractor in (extract_regions, extract_parks, extract_enterprises):
        ctx.mentions.extend(x for x in extractor(ctx) if isinstance(x, Mention))
    return ctx


def the_project(ctx):
    (project,) = [m for m in extract_projects(ctx) if isinstance(m, Mention) and m.type == "Project"]
    return project.label, project.aliases


def test_a_park_before_a_companys_project_is_where_it_lies(make_context):
    def after_parks(sentence):
        return found(after_names(make_context, sentence))[0]

    assert "京阳公司新型线缆项目" in after_parks("推进庞佐电器电料产业园区京阳公司新型线缆项目建设。")
    # a name too long to reach is named with its company, past the park, and without it as an alias
    ctx = after_names(make_context, "为交城经济开发区华庆新材料科技有限公司年产6000吨高纯石英管深加工项目培土奠基。")
    assert the_project(ctx) == ("华庆新材料科技有限公司年产6000吨高纯石英管深加工项目", ("年产6000吨高纯石英管深加工项目",))
    # the park's own works keep it
    assert "通天河产业园路网二期工程" in after_parks("完成通天河产业园路网二期工程。")


def test_building_in_phases_names_no_owner(make_context):
    _, enterprises, _ = found(make_context("计划在广佛肇(怀集)经济合作区B区分三期建设柠檬全产业链项目。"))
    assert not [e for e in enterprises if "区分" in e]


def test_a_whole_quote_ending_in_xiangmu_is_a_project(make_context):
    projects, _, _ = found(make_context("深入实施“浑善达克沙地综合治理产业发展项目”“增牛减羊示范旗项目”。"))
    assert {"浑善达克沙地综合治理产业发展项目", "增牛减羊示范旗项目"} <= projects


def test_money_for_a_list_of_sources_is_no_list_of_projects(make_context):
    projects, enterprises, _ = found(make_context("争取中省预算内投资、政府专项债券等项目资金12.5亿元。"))
    assert not projects and not enterprises


def test_a_counted_list_end_or_a_change_of_kind_is_no_part_of_a_name(make_context):
    """沙久等11条国省干线公路 (jieba reads 久等), 仓头幼儿园转为|公办学校."""
    projects, _, _ = found(make_context("扩能改造全面完成，加西、沙久等11条国省干线公路建成通车。"))
    assert not any("等11条" in p for p in projects)
    projects, _, _ = found(make_context("回购双语学校和正村、仓头幼儿园转为公办学校。"))
    assert "仓头幼儿园" in projects and not any("转为" in p for p in projects)


def test_a_project_named_with_its_registered_company_is_also_called_without_it(make_context):
    """与深圳万利加集团|300万吨…项目: a group's name, its size after it; 超 before a word is a prefix (超|细微粉)."""
    ctx = after_names(make_context, "其中，与深圳万利加集团300万吨重质碳酸钙超细微粉项目在大会上签约。")
    assert the_project(ctx) == ("深圳万利加集团300万吨重质碳酸钙超细微粉项目", ("300万吨重质碳酸钙超细微粉项目",))


def test_a_phase_in_brackets_before_building_works_is_part_of_the_name(make_context):
    projects, _, _ = found(make_context("此次开工的项目主要有新疆天佑猪业有限公司60万头生猪养殖(二期)建设项目等。"))
    assert any(p.endswith("60万头生猪养殖(二期)建设项目") for p in projects)


def test_a_facility_put_into_production_is_a_project(make_context):
    projects, _, _ = found(make_context("百汇园黑莓深加工基地2018年10月全面投产，目前可实现年加工产能约8万吨。"))
    assert "百汇园黑莓深加工基地" in projects


def test_a_car_park_or_gallery_being_built_is_a_project_and_one_in_use_is_not(make_context):
    projects, _, _ = found(make_context("博海污水处理厂、高新区南区公共停车场基本建成。黄河遗产博物馆、宁夏美术馆建成投用。"))
    assert {"高新区南区公共停车场", "宁夏美术馆"} <= projects
    projects, _, _ = found(make_context("市民在宁夏美术馆参观展览。"))
    assert "宁夏美术馆" not in projects


def test_a_long_list_of_projects_keeps_its_items_whole(make_context):
    """13个项目分别是A、B…: thirteen items, some with a company's name, a bracketed abbreviation or two products
    under one head; each item is one project, not its end."""
    items = ["贵州修文金豪建筑设备电商物流园项目", "北京外国语大学附属高端学校项目", "大石布依族乡高丰村沙坝组道路建设项目",
             "修文县久长高中压调压站至二官坝工业小区中压干线燃气管道工程", "修文县久长液化天然气(LNG)生产及加气站建设项目",
             "六广镇广城村存栏2000头生猪养殖基地建设项目", "修文县年产100万立方高性能混凝土和40万吨砂浆绿色新型环保建材生产建设项目",
             "洒坪镇东庄村宏群养猪场建设项目", "黔轮胎全钢子午巨型工程胎智能制造项目", "修文县国家现代产业园农业信息化建设项目",
             "贵州久余晟商贸有限责任公司桃源加油二站", "贵阳富之源农业科技有限公司育肥猪场项目", "贵州邦源农牧科技有限公司年产24万吨饲料厂建设项目"]
    projects, _, _ = found(make_context("13个项目分别是" + "、".join(items) + "。"))
    assert set(items) <= projects
    assert not projects & {"生产及加气站建设项目", "40万吨砂浆绿色新型环保建材生产建设项目", "修文县久长高中压调压站"}


def test_a_list_closed_by_a_size_class_of_projects_names_them(make_context):
    projects, _, _ = found(make_context("引进水发全竹产业园、禾川科技产业园等10亿元以上重大产业项目8个。"))
    assert {"水发全竹产业园", "禾川科技产业园"} <= projects


def test_a_road_works_name_ends_at_its_head_before_what_is_said_of_it(make_context):
    """210国道与包茂高速出口连接线项目|进展顺利, G112线涞水段绕城项目|前期工作; a phase in Roman numerals is a head."""
    projects, _, _ = found(make_context("210国道与包茂高速出口连接线项目进展顺利。推进G112线涞水段绕城项目前期工作。"))
    assert {"210国道与包茂高速出口连接线项目", "G112线涞水段绕城项目"} <= projects
    assert not any(p.endswith(("进展", "前期工作")) for p in projects)
    projects, _, _ = found(make_context("一亿条重包装袋Ⅱ期加快推进。"))
    assert "一亿条重包装袋Ⅱ期" in projects


def test_a_middle_dot_joins_a_brand_and_its_place_in_one_name(make_context):
    projects, _, _ = found(make_context("投资15亿元的中国供销·麻阳智慧农产品冷链物流园项目落户麻阳、进展顺利。"))
    assert "中国供销·麻阳智慧农产品冷链物流园项目" in projects


def test_a_project_written_after_its_park_is_also_called_by_its_own_name(make_context):
    out = [m for m in extract_projects(make_context("今年以来，中捷水晶文化产业园咖萨克水晶项目正式投产。"))
           if isinstance(m, Mention) and m.type == "Project"]
    assert [(m.label, m.aliases) for m in out] == [("中捷水晶文化产业园咖萨克水晶项目", ("咖萨克水晶项目",))]


def test_a_facility_in_a_list_of_projects_is_a_project(make_context):
    projects, _, _ = found(make_context("先后建成投用了浙江商贸城、陇东南汽配城、七天阳光酒店、聚苯乙烯挤塑板生产线等项目7个。"))
    assert "七天阳光酒店" in projects


def test_an_institution_whose_head_speaks_is_no_works(make_context):
    """燕崖镇农业农村综合服务中心主任刘斌介绍: the centre someone heads; 建成…服务中心 is works."""
    projects, _, _ = found(make_context("燕崖镇农业农村综合服务中心主任刘斌介绍，全镇大樱桃交易额13.16亿元。"))
    assert not projects
    projects, _, _ = found(make_context("今年建成燕崖镇农业农村综合服务中心。"))
    assert projects == {"燕崖镇农业农村综合服务中心"}


def test_a_project_funded_by_a_listing_is_a_kind(make_context):
    """上市募投项目: a project funded by shares a company sold, said of one named before it."""
    projects, _, _ = found(make_context("开发区的优全护理新型医疗卫生材料和用品项目为上市募投项目，占地157亩。"))
    assert "上市募投项目" not in projects


def test_a_production_line_being_built_is_a_project_but_not_the_first_of_a_kind_or_a_count(make_context):
    projects, _, _ = found(make_context("甘肃赫原生物制品有限公司年产5000吨木糖生产线、万吨小食品生产线正在加紧建设。"
                                        "建成投产我国首条规模化民用航空轮胎生产线。宝迪养猪基地5条生产线全部投用。"))
    assert {"甘肃赫原生物制品有限公司年产5000吨木糖生产线", "万吨小食品生产线"} <= projects
    assert not any("首条" in p or "5条" in p for p in projects)
    assert "首座抽水蓄能电站" not in found(make_context("建成全省首座抽水蓄能电站。"))[0]


def test_buildings_counted_or_a_kind_joined_to_another_thing_name_no_project(make_context):
    """6条主干路和110栋楼宇亮化工程: counted buildings; 培养引进人才与重大项目建设: a kind of project joined to a
    task."""
    projects, _, _ = found(make_context("中山路、玉川路等6条主干路和110栋楼宇亮化工程扮靓城市夜景。"
                                        "把培养引进人才与重大项目建设紧密结合起来。"))
    assert not projects


def test_a_common_words_phase_beside_named_works_is_no_name(make_context):
    """推动机场三期、京滨城际南段…: some airport's third phase; the named works beside it stay."""
    projects, _, _ = found(make_context("推动机场三期、京滨城际南段、津潍高铁等工程。"))
    assert "机场三期" not in projects and {"京滨城际南段", "津潍高铁"} <= projects


def test_a_list_closed_by_a_count_without_deng_names_projects(make_context):
    """翰诺威智能装备、佳安金属新材料、东之晟金属新材料三个亿元项目: the count says the items are projects, as 等…项目
    does; a count after one item is no list."""
    projects, _, _ = found(make_context("许河镇举行翰诺威智能装备、佳安金属新材料、东之晟金属新材料三个亿元项目集中开工仪式。"))
    assert {"翰诺威智能装备", "东之晟金属新材料"} <= projects
    assert any(p.startswith("佳安金属新材料") for p in projects)
    assert not found(make_context("全镇新实施智能装备两个项目。"))[0]


def test_works_named_as_a_project_of_works_end_in_gongcheng_xiangmu(make_context):
    """兴隆太阳河综合整治工程项目: 工程项目 is one head, not works (…工程) that another head (项目) goes on from."""
    projects, _, _ = found(make_context("这8个项目包括万宁壹号项目、兴隆太阳河综合整治工程项目(不含示范段)。"))
    assert "兴隆太阳河综合整治工程项目" in projects
    assert not found(make_context("加快重点工程项目建设。"))[0]


def test_a_counts_sum_a_determiner_and_a_joining_word_name_no_project(make_context):
    """共计537个、总投资8864亿元的浙江省重大项目: what a count of projects cost together; 这一项目: the project spoken
    of; (即保庄圩工程)和|行蓄洪区居民迁建工程: 和 joins the works to the one before."""
    projects, _, _ = found(make_context("共计537个、总投资8864亿元的浙江省重大项目在嘉善县举行集中开工仪式。这一项目是重点工程。"
                                        "加快推进行蓄洪区建设工程霍邱段(即保庄圩工程)和行蓄洪区居民迁建工程。"))
    assert "行蓄洪区居民迁建工程" in projects
    assert not projects & {"浙江省重大项目", "这一项目", "和行蓄洪区居民迁建工程"}


def test_a_capacity_a_year_opening_a_list_keeps_its_year(make_context):
    """年产30万平方米…项目、银港产业园二期等项目: 年 opens the first item's capacity, no time before the list."""
    projects, _, _ = found(make_context("区举行集中签约活动。年产30万平方米绿色装配式建筑配套装备项目、银港产业园二期等项目签约。"))
    assert not any(p.startswith("产") for p in projects)


def test_a_head_inside_a_companys_name_a_time_word_of_a_name_and_batches_name_no_project(make_context):
    """沈阳华樱铁路|装备自动化有限公司: 铁路 is a word of the company's trade; 现代 in 齐河东盟现代生态旅游城 is part of
    the name, no date; 补链、强链项目, 第二季度重大重点项目 and 海陵项目 (a district's short name) are batches."""
    from govkg.extractors.enterprise import extract_enterprises

    ctx = make_context("先后落实了马来西亚发林集团投资150亿元的中国齐河东盟现代生态旅游城、沈阳华樱铁路装备自动化有限公司投资"
                       "20亿元的铁路装备制造等4大重点项目。这些项目都是该镇产业链补链、强链项目。江西南昌县第二季度重大重点项目"
                       "集中开工。海陵区为海陵项目招引建设开了个好头。")
    ctx.mentions.extend(extract_enterprises(ctx))  # the companies are found before the projects
    projects, _, _ = found(ctx)
    assert "中国齐河东盟现代生态旅游城" in projects
    assert not projects & {"沈阳华樱铁路", "强链项目", "江西南昌县第二季度重大重点项目", "海陵项目"}


def test_taiwan_wording_of_works_ends_a_projects_name(make_context):
    """东彰快速道路 (an expressway), 彰化铁路高架化 (a railway raised); 都更 is no head (…时候都更有信心: two adverbs)."""
    projects, _, _ = found(make_context("东彰快速道路通车后，有效分流车流。推动彰化铁路高架化。我们比以往任何时候都更有信心。"))
    assert {"东彰快速道路", "彰化铁路高架化"} <= projects and not any(p.endswith("都更") for p in projects)


def test_a_hall_or_museum_being_built_is_a_project_and_its_list_neighbours_too(make_context):
    """科学会堂 (a hall) listed beside a project found by its head, and 科学公园 beside it; a hall only named is none."""
    projects, _, _ = found(make_context("科学城将加快推进科学公园、科学会堂、中国电子重庆信创产业示范基地、平安大健康产业园等项目"
                                        "落地建设。市民走进人民会堂参观。"))
    assert {"科学公园", "科学会堂"} <= projects and "人民会堂" not in projects


def test_a_counted_list_of_projects_names_each_item(make_context):
    """签约项目4个，包括A、B等: the count between 项目 and 包括 does not hide the list; 项目14个，有色金属… opens no list."""
    projects, _, _ = found(make_context("该区今年1月签约项目4个，包括汽配零件模型材料、宏展电子产品研发生产等，总投资5.37亿元。"
                                        "全年开工项目14个，有色金属产业产值增长16.9%、装备产值增长5%。"))
    assert "宏展电子产品研发生产" in projects
    assert not any(p.startswith("色") or "产值" in p for p in projects)


def test_a_list_said_to_be_the_counted_class_of_projects_names_each_item(make_context):
    """产业转型类项目12项，具体为：A、B…; 民生和社会事业类7项，具体为：…: the items are the projects counted."""
    projects, _, _ = found(make_context("今天集中开工项目共22项，其中：产业转型类项目12项，具体为：晶英纳米钙、和美固废、"
                                        "唐通物流园等。民生和社会事业类7项，具体为：合创金裕苑小区、湛家城中村改造。"))
    assert {"和美固废", "晶英纳米钙", "唐通物流园", "合创金裕苑小区", "湛家城中村改造"} <= projects


def test_works_named_after_their_builder_start_at_their_county(make_context):
    """中铁四局|浦北县马江河…一期工程|项目经理: the builder opens the name, the project's manager follows it."""
    projects, _, _ = found(after_names(make_context, "中铁四局浦北县马江河县城段水环境治理一期工程项目经理羊羊介绍。"))
    assert projects == {"浦北县马江河县城段水环境治理一期工程"}


def test_a_pipeline_between_two_places_is_one_works(make_context):
    """虎林—长春天然气管道 (a list item across its dash), 乌兰察布至燕山石化输氢管道; 新建天然气管道 names none."""
    projects, _, _ = found(make_context("加快建设粮食产能提升灌溉工程、虎林—长春天然气管道等项目。建设乌兰察布至燕山石化输氢管道。"
                                        "新建天然气管道。"))
    assert {"虎林—长春天然气管道", "乌兰察布至燕山石化输氢管道"} <= projects
    assert not any(p.endswith("管道") and not p.startswith(("虎林", "乌兰察布")) for p in projects)


def test_a_sum_opening_a_list_item_is_no_part_of_its_name(make_context):
    """22亿元|乐京智能家电、10亿元|传化公路港枢纽等项目: each item opens with what it costs."""
    projects, _, _ = found(make_context("一批重大项目相继落地，22亿元乐京智能家电、10亿元传化公路港枢纽等项目建设封顶。"))
    assert {"传化公路港枢纽"} <= projects and not any("亿元" in p for p in projects)


def test_what_works_are_said_to_be_is_no_part_of_their_name(make_context):
    """总投资83亿元的炎陵历史上最大单体项目|抽水蓄能电站: the works' name follows what they are said to be."""
    projects, _, _ = found(make_context("总投资83亿元的炎陵历史上最大单体项目抽水蓄能电站开工建设。"))
    assert projects == {"抽水蓄能电站"}


def test_a_phase_in_brackets_after_a_name_is_a_works(make_context):
    """均健佳新型材料科技开发产业园(二期)、…: the phase of a park's building; 职教中心迁建项目（一期） names no 项目（一期）."""
    projects, _, _ = found(make_context("包括均健佳新型材料科技开发产业园(二期)、商洛尧柏水泥扩能技改项目等。"
                                        "完成职教中心迁建项目（一期）、滨河北路（一期）等建设。"))
    assert "均健佳新型材料科技开发产业园(二期)" in projects and "项目(一期)" not in projects


def test_an_adverb_of_order_is_no_part_of_a_projects_name(make_context):
    projects, _, _ = found(make_context("先是长电微电子晶圆级微系统集成高端制造项目迎来通线时刻。"))
    assert projects == {"长电微电子晶圆级微系统集成高端制造项目"}


def test_a_visit_or_an_invitation_is_no_part_of_a_projects_name(make_context):
    """邀请中铁十八局竹缠绕项目…的负责人: 邀请 is the government's verb, not the project's name."""
    projects, _, _ = found(make_context("邀请中铁十八局竹缠绕项目、大禹新材料项目等33个项目的负责人赴安化经开区考察洽谈。"))
    assert "中铁十八局竹缠绕项目" in projects and not any(p.startswith("邀请") for p in projects)


def test_a_section_of_a_river_in_brackets_is_part_of_the_works_name(make_context):
    """唐河（清苑段）治理工程, 鹳河流域(丁河段)水环境综合治理工程: the stretch the works cover, inside their name."""
    projects, _, _ = found(make_context("谋划启动唐河（清苑段）治理工程。以鹳河流域(丁河段)水环境综合治理工程为代表的5个水利项目开工。"))
    assert {"唐河(清苑段)治理工程", "鹳河流域(丁河段)水环境综合治理工程"} <= projects


def test_a_modal_and_a_verb_before_a_phase_name_no_project(make_context):
    """将会延续一期: the second phase will carry on the first, no project named 将会延续一期; 延续 ends a name walking
    left, and so do 将会, 将要, 即将."""
    projects, _, _ = found(make_context("仁武产业园区二期预计今年底前开始招商，将会延续一期，聚焦在航太及高科技产业。"))
    assert not any(p.startswith(("将会", "延续")) for p in projects)


def test_a_city_and_its_districts_batch_is_no_project(make_context):
    """天津市东丽区招商引资项目: the district's projects of investment promotion, no one project."""
    projects, _, _ = found(make_context("日前，天津市东丽区招商引资项目集中签约活动暨招商大使聘任仪式举行。"))
    assert not projects


def test_how_many_opens_no_projects_name(make_context):
    """签署一系列经贸合作项目, 实施G331及一批道路工程: how many projects, none named."""
    projects, _, _ = found(make_context("两国签署一系列经贸合作项目。实施G331及一批道路工程。"))
    assert not any("一系列" in p or "一批" in p for p in projects)


def test_a_conjunction_opens_no_works_name(make_context):
    """…污水管网泵站建设及纬三路两侧亮化工程: 及 (which jieba joins to 纬) joins two works; it opens no name."""
    projects, _, _ = found(make_context("南区完成经一路北段路床及管网铺设、污水管网泵站建设及纬三路两侧亮化工程。"))
    assert projects and not any(p.startswith("及") for p in projects)


def test_resolving_or_dealing_carefully_is_no_part_of_a_projects_name(make_context):
    """稳妥化解|中医院…迁建项目遗留问题, 稳妥处置|天水麦积区褐石培心幼儿园…: what the government does about them."""
    projects, _, _ = found(make_context("稳妥化解中医院、妇幼保健院迁建项目遗留问题。稳妥处置天水麦积区褐石培心幼儿园问题。"))
    assert not any(p.startswith(("稳妥", "化解")) for p in projects)


def test_a_works_word_before_a_sectors_word_names_the_sector(make_context):
    """江宁区轨道交通|产业链: the rail-transit sector's chain, no works; 宁句城际轨道交通 stays a works."""
    projects, _, _ = found(make_context("为江宁区轨道交通产业链的发展增添新的增长极。加快宁句城际轨道交通建设。"))
    assert "宁句城际轨道交通" in projects and not any(p.startswith("江宁区") for p in projects)


def test_besides_and_a_count_of_projects_name_no_project(make_context):
    """除|官井头村低成本产业空间项目外: besides it (除 is no part of its name); 东莞凤岗四个重点项目: four of them."""
    projects, _, _ = found(make_context("总投资22.5亿 东莞凤岗四个重点项目集中动工。除官井头村低成本产业空间项目外，本次同步动工的还有"
                                        "凤德岭产业园1期项目。"))
    assert "官井头村低成本产业空间项目" in projects
    assert not any(p.startswith("除") or "四个" in p for p in projects)


_ANY_SEED = """
from govkg.extractors import extract
from govkg.extractors.base import Resources
from govkg.text.document import make_document, sentences_of
from govkg.text.script import ScriptFolder
text = {text!r}
doc = make_document(text, path="inline.txt", doc_id="inline", folder=ScriptFolder())
facts = extract(doc, sentences_of(doc), Resources())
print(sorted(ref.key for ref in facts.entities if ref.type == "Project"))
"""


def test_the_projects_found_do_not_hang_on_the_hash_seed():
    """The siblings of a list are read in order: which one is taken first once decided what else was taken (with
    seeds 3 and 5 实验小学地下停车场 went missing)."""
    text = ("继光大道西段、实验小学地下停车场、老城区排水防涝整治工程全面完工,87个老旧小区改造完成;安置房项目宏图家园主体建成,"
            "前丰家园、南滨佳苑加快推进;猫儿嘴污水处理厂和城区第二污水处理厂配套管网开工建设,新(改)建城区公厕7座。")
    runs = {subprocess.run([sys.executable, "-c", _ANY_SEED.format(text=text)], capture_output=True, text=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}, check=True, timeout=120).stdout
            for seed in ("1", "3", "5")}
    assert len(runs) == 1 and "实验小学地下停车场" in runs.pop()


@pytest.mark.parametrize("sentence, expected", [
    ("全面实施六大融湾工程，统筹做好六稳工作。", set()),  # a campaign of six works, no work named
    ("该公司投资2500万元建成了我省首家出口蘑菇罐头生产项目。", {"出口蘑菇罐头生产项目"}),  # a sum's works, first of its kind
    ("陶瓷产业园地处铜官循环经济工业基地一期建设范围内。", {"铜官循环经济工业基地一期"}),  # 地处 opens no name
])
def test_a_campaigns_count_a_first_of_a_kind_and_a_verb_of_lying(make_context, sentence, expected):
    assert found(make_context(sentence))[0] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("新兴华小学主体完工，582套棚改项目开工建设。", {"新兴华小学"}),  # how many units of a kind
    ("加快大型水电站和690万千瓦火电项目建设。", set()),  # a capacity of a kind
    ("建设5000吨黄金梨冷链仓储项目。", {"5000吨黄金梨冷链仓储项目"}),  # a capacity and a works described at length
    ("实施高技术产业化示范、创新百强培育等6大工程，大力发展信息技术。", set()),  # a numbered campaign's parts
    ("推进三一集团氢能重卡、中伟新能源钠离子电池等十大技术攻关项目。", {"三一集团氢能重卡", "中伟新能源钠离子电池"}),
])
def test_an_amount_of_a_kind_and_a_campaigns_parts_name_no_works(make_context, sentence, expected):
    assert found(make_context(sentence))[0] == expected


@pytest.mark.parametrize("sentence", ["聚焦违法违规占用土地、违规违建项目、资源能源项目、房地产开发项目、矿山综合治理等6个方面。",
                                      "科学布局交通设施、风电核电、临港工业、滨海旅游等项目。"])
def test_kinds_of_facilities_and_building_name_no_works(make_context, sentence):
    assert not found(make_context(sentence))[0] & {"房地产开发项目", "交通设施"}


def test_a_verb_of_promoting_opens_no_works(make_context):
    """重点推介|晋国博物馆群、…"""
    assert "晋国博物馆群" in found(make_context("重点推介晋国博物馆群、智慧果蔬示范区流通集散中心等项目。"))[0]


def test_a_counted_lists_last_item_joined_by_and_is_two(make_context):
    """…高端装备制造产业园和年产2万吨碳纤维生产基地等4个项目: four projects, the last two joined by 和."""
    found_ = found(make_context("重点推介晋国博物馆群、智慧果蔬示范区流通集散中心、高端装备制造产业园和年产2万吨碳纤维生产基地等4个项目。"))[0]
    assert {"晋国博物馆群", "智慧果蔬示范区流通集散中心", "高端装备制造产业园", "年产2万吨碳纤维生产基地"} <= found_


def test_a_list_closed_by_its_count_of_new_projects_without_deng(make_context):
    """…、东城清洁智慧热源、年产300套风电塔筒3个新建项目: the count closes the list as 等 would."""
    assert {"东城清洁智慧热源", "年产300套风电塔筒"} <= found(make_context(
        "持续做好冶金灰尘综合利用、东城清洁智慧热源、年产300套风电塔筒3个新建项目的跟踪培育。"))[0]


_BY_KIND = ("这次集中开工的15个重点项目。包括,凤县林麝农村产业融合发展示范园1个农业产业项目、陕西本草康源生物医药中间体基地等3个"
            "工业产业项目、凤县5A级县城建设—凤县双石铺中学整体迁建1个社会民生项目、宏福关门沟矿区生态环境综合治理项目等3个生态环保类项目。")


def test_a_list_of_projects_by_kind_and_count_names_the_one_of_a_kind(make_context):
    """…示范园1个农业产业项目、…等3个工业产业项目: the one of its kind named before its count; a dash after a
    programme's name opens the name, no part of it (县城建设—|凤县双石铺中学整体迁建)."""
    names = found(make_context(_BY_KIND))[0]
    assert {"凤县林麝农村产业融合发展示范园", "凤县双石铺中学整体迁建"} <= names
    assert not {n for n in names if n.startswith("—")}
    assert not found(make_context("我们要有序推进城市更新1个项目落地。"))[0]  # no list of kinds: a clause


def test_a_led_lists_first_item_is_whole(make_context):
    """工业类项目3个,分别为:凤县整县推进分布式光伏、…: the list says where its first item opens; not past a measure
    (分别是投资30亿元的|云鹰马铃薯全产业链项目)."""
    names = found(make_context("其中包括工业类项目3个,分别为:凤县整县推进分布式光伏、尾矿废渣综合利用循环木生产、"
                               "年产7000吨工业集装袋;文化旅游类项目2个。"))[0]
    assert {"凤县整县推进分布式光伏", "尾矿废渣综合利用循环木生产", "年产7000吨工业集装袋"} <= names
    names = found(make_context("黑龙江省百大项目2个,分别是投资30亿元的云鹰马铃薯全产业链项目、投资25亿元的牧原生猪养殖加工项目。"))[0]
    assert "云鹰马铃薯全产业链项目" in names and not {n for n in names if n.startswith("投资")}


def test_a_list_closed_by_a_count_and_a_size_class(make_context):
    """…等5个7亿元以上重大制造业项目: the size class between the count and the kind."""
    assert {"诚得智能制造", "融嘉新能源汽车"} <= found(make_context(
        "招引亿元以上产业项目26个,其中中科未来城、诚得智能制造、融嘉新能源汽车等5个7亿元以上重大制造业项目落地。"))[0]


def test_the_towns_centre_names_no_project(make_context):
    """城区公共地下停车场项目: 城区 is a district's whole name too (阳泉市城区), here the town's centre, a kind."""
    assert not found(make_context("依托人防工程建设，谋划城区公共地下停车场项目，加快解决交通堵。"))[0]


def test_a_count_closed_list_joined_by_a_dot_and_split_at_its_and(make_context):
    """涉及A、B、C和D4个项目: four, the dot inside 美瑞斯医械·智谷 joins, 涉及 opens no name."""
    assert found(make_context("此次集中奠基,涉及钛时代复合钛锂电池、曜灵时代异质结太阳能电池、纬景储能锌铁液流电池和美瑞斯医械·智谷"
                              "4个项目,呈现出产业集聚态势。"))[0] == {
        "钛时代复合钛锂电池", "曜灵时代异质结太阳能电池", "纬景储能锌铁液流电池", "美瑞斯医械·智谷"}
    # a decimal point joins no list item to what is before it
    assert not {n for n in found(make_context("力争全社会固定资产投资增长5％、省重点项目完成投资253.5亿元、京张高速公路等45个"
                                              "项目竣工投产。"))[0] if "253" in n}


def test_a_quoted_name_then_its_works(make_context):
    """实施“一河两路”改造提升工程: the project, named by both; not a quote then a verb (“云视讯”报告了项目)."""
    assert "一河两路改造提升工程" in found(make_context("实施“一河两路”改造提升工程,串联方山、首阳山。"))[0]
    assert not found(make_context("各项目单位负责人通过移动公司“云视讯”报告了项目准备情况。"))[0]


def test_a_phase_after_the_head_is_an_alias_without_it(make_context):
    """比亚迪动力电池项目一期投产: the project is also named 比亚迪动力电池项目."""
    from govkg.extractors.project import extract_projects as run

    ctx = make_context("尤其是百亿级比亚迪动力电池项目一期投产、二期开工,实现历史性突破。")
    mention = next(m for m in run(ctx) if isinstance(m, Mention) and m.label == "比亚迪动力电池项目一期")
    assert "比亚迪动力电池项目" in mention.aliases


def test_one_of_a_places_projects_is_named_after_it(make_context):
    """吴江开发区项目之一博洛尼家居用品(苏州)有限公司项目: the named project, not 吴江开发区项目 nor 项目之一…."""
    names = found(make_context("吴江开发区项目之一博洛尼家居用品(苏州)有限公司项目,总投资3.8亿元。"))[0]
    assert names == {"博洛尼家居用品(苏州)有限公司项目"}


def test_the_parts_a_project_counts_after_its_name(make_context):
    """乐甲风电项目29个机位: the turbines it counts, not a count of projects (重点项目29个)."""
    assert "乐甲风电项目" in found(make_context("总投资9亿元的乐甲风电项目29个机位全部并网发电。"))[0]
