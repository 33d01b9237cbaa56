"""Project facts: a project's total investment (lists and counts are not one project's) and its milestones.

The projects are given (as the project rules would find them), so these tests
read only what this extractor reads: the clause around each project.
"""

import pytest

from govkg.extractors.base import Context
from govkg.extractors.project_facts import STAGES, extract_project_facts, stage_concepts
from govkg.model import EntityRef, Investment, Mention, Milestone
from govkg.text.document import make_document, sentences_of

TITLE = "保定市清苑区2020年政府工作报告\n各位代表："
REVIEW = "一、2019年工作回顾"
PLAN = "二、2020年工作安排"


@pytest.fixture
def facts_of(resources, folder):
    """``facts_of(sentence, projects, section, title)``: the investments and milestones read off ``sentence``,
    in a 2020 report of 清苑区 (or under ``title``), where each of ``projects`` is a Project mention."""

    def _facts(sentence: str, projects: list[str], section: str = PLAN, title: str = TITLE):
        text = f"{title}\n{section}\n{sentence}\n"
        doc = make_document(text, path="report.txt", doc_id="report", folder=folder)
        ctx = Context(doc=doc, sentences=sentences_of(doc), resources=resources)
        for name in projects:
            start = doc.norm.index(name, doc.norm.index(sentence))
            s = ctx.sentence_at(start)
            ctx.mentions.append(Mention(EntityRef("Project", name), name, start, start + len(name), s.index,
                                        "project.head"))
        return list(extract_project_facts(ctx))

    return _facts


def investments(facts):
    return {(i.project.key, i.amount.value, i.amount.currency) for i in facts if isinstance(i, Investment)}


def milestones(facts):
    return {(m.project.key, m.stage, m.year, m.planned) for m in facts if isinstance(m, Milestone)}


@pytest.mark.parametrize("sentence, projects, expected", [
    # the sum, 的, the project
    ("启动投资3.3亿元的区人民医院新院区建设。", ["区人民医院新院区"], {("区人民医院新院区", "330000000", "CNY")}),
    # a sum written without 元 after 投资: yuan all the same
    ("签约项目有总投资26亿的年产20万吨高端铝材项目。", ["年产20万吨高端铝材项目"],
     {("年产20万吨高端铝材项目", "2600000000", "CNY")}),
    # what is said of the project after it is no list's next item (落户麻阳、进展顺利)
    ("投资15亿元的麻阳智慧农产品冷链物流园项目落户麻阳、进展顺利。", ["麻阳智慧农产品冷链物流园项目"],
     {("麻阳智慧农产品冷链物流园项目", "1500000000", "CNY")}),
    # the sum, a verb, the project
    ("投资400万元完成老旧供水管网改造。", ["老旧供水管网改造"], {("老旧供水管网改造", "4000000", "CNY")}),
    # the project, then its sum (约, 超 are what the text gives: the sum as written)
    ("园区内阳江万洋众创城项目总投资约100亿元。", ["阳江万洋众创城项目"], {("阳江万洋众创城项目", "10000000000", "CNY")}),
    ("中国中化氟材料项目为全市唯一投资超50亿元项目。", ["中国中化氟材料项目"],
     {("中国中化氟材料项目", "5000000000", "CNY")}),
    ("光伏组件项目总投资1.5亿美元。", ["光伏组件项目"], {("光伏组件项目", "150000000", "USD")}),
    # a sum alone in its clause, then a works verb and the project in the next
    ("⑧投资280万元，完成南邑中学宿舍楼项目建设。", ["南邑中学宿舍楼项目"], {("南邑中学宿舍楼项目", "2800000", "CNY")}),
    ("投资7000万元，建成邸北110千伏变电站。", ["邸北110千伏变电站"], {("邸北110千伏变电站", "70000000", "CNY")}),
    # the project's other measures between its sum and its name
    ("总投资60亿元、占地1500亩、建筑面积100万平米的雄源服装智慧新城项目开工建设。", ["雄源服装智慧新城项目"],
     {("雄源服装智慧新城项目", "6000000000", "CNY")}),
    # each item of a list with its own sum keeps it
    ("重点抓好投资3亿元的桥南轻纺城二期、投资2亿元的华丝顿纺织项目等项目。", ["桥南轻纺城二期", "华丝顿纺织项目"],
     {("桥南轻纺城二期", "300000000", "CNY"), ("华丝顿纺织项目", "200000000", "CNY")}),
    # the sum of what follows it (投资1400万元的6所中小学校) is not the project's before it
    ("投资650万元的县城第三小学综合楼和投资1400万元的6所中小学校新建工程全部竣工。", ["县城第三小学综合楼"],
     {("县城第三小学综合楼", "6500000", "CNY")}),
    # each with its own sum after its owner (由…公司投资…的P、由…公司总投资…的Q)
    ("签约项目有：由吉奥公司投资1.3亿元的宝石玉石精深加工、由豪企公司总投资10.3亿元的集成家居产业园。",
     ["宝石玉石精深加工", "集成家居产业园"],
     {("宝石玉石精深加工", "130000000", "CNY"), ("集成家居产业园", "1030000000", "CNY")}),
    # what is said of the project after it, with a 、 in it, is no list
    ("投资6000万元的世艺淘园工贸项目建成后将从事工艺品、日用品加工。", ["世艺淘园工贸项目"],
     {("世艺淘园工贸项目", "60000000", "CNY")}),
    # a clause of the sum alone after the one project before it
    ("白水县牧原畜果结合产业化项目是市级重点建设项目，总投资14.5亿元，分三大板块。", ["白水县牧原畜果结合产业化项目"],
     {("白水县牧原畜果结合产业化项目", "1450000000", "CNY")}),
    # but not a clause that goes on to what its sum was invested in
    ("投资5.2亿元的污水处理厂三期工程加快建设，投资7.2亿元的集中供热锅炉改造一期工程主体完工。", ["污水处理厂三期工程"],
     {("污水处理厂三期工程", "520000000", "CNY")}),
])
def test_investments(facts_of, sentence, projects, expected):
    assert investments(facts_of(sentence, projects)) == expected


def test_the_sentence_after_a_project_gives_this_projects_sum(facts_of):
    text = "四川铁骑力士集团投资建设抗菌肽研发及产业化项目。该项目计划投资8亿元，年产微生态制剂1万吨。"
    assert investments(facts_of(text, ["抗菌肽研发及产业化项目"])) == {("抗菌肽研发及产业化项目", "800000000", "CNY")}
    # not when the sentence before names two, nor a sum spent so far
    text = "推进风帆工业园项目和长城汽车项目。该项目计划投资8亿元。"
    assert investments(facts_of(text, ["风帆工业园项目", "长城汽车项目"])) == set()
    text = "推进风帆工业园项目建设。该项目已完成投资8亿元。"
    assert investments(facts_of(text, ["风帆工业园项目"])) == set()
    # a sentence that opens with the sum itself is the project's too, but not the sum of what follows it
    text = "在腾格里沙漠边缘建设了30MWp沙漠太阳能光伏并网发电项目。总投资4.89亿元，项目2010年开工建设。"
    assert investments(facts_of(text, ["30MWp沙漠太阳能光伏并网发电项目"])) == {
        ("30MWp沙漠太阳能光伏并网发电项目", "489000000", "CNY")}
    text = "汕头入选国家骨干冷链物流基地建设项目。总投资200亿元的大湾区交易中心揭牌。"
    assert investments(facts_of(text, ["国家骨干冷链物流基地建设项目"])) == set()


@pytest.mark.parametrize("text, projects, expected", [
    # 该项目 and a clause of the sum alone further on
    ("县长为华庆石英管深加工项目培土奠基。该项目占地64亩，总投资1.3亿元，将建设6台套石英管生产线。", ["华庆石英管深加工项目"],
     {("华庆石英管深加工项目", "130000000", "CNY")}),
    ("华药医药中间体建设项目是开工项目之一，位于尼葛开发区，项目用地95亩，计划总投资3.6亿元，建设医药中间体。",
     ["华药医药中间体建设项目"], {("华药医药中间体建设项目", "360000000", "CNY")}),
    # 总投资：N万元 of a table of projects (the colon is no clause break); a year's planned sum is no total
    ("福凯五金生产项目总投资：25000万元；年度计划投资：1000万元；顶辉新材料科技项目总投资：36018万元。",
     ["福凯五金生产项目", "顶辉新材料科技项目"],
     {("福凯五金生产项目", "250000000", "CNY"), ("顶辉新材料科技项目", "360180000", "CNY")}),
    ("福凯五金生产项目年度计划投资5000万元。", ["福凯五金生产项目"], set()),
    # a clause of the sum that goes on is no clause of the sum alone
    ("推进风帆工业园项目建设。该项目占地64亩，总投资1.3亿元的厂房已建成。", ["风帆工业园项目"], set()),
    # 该项目 two sentences on (a sentence of its company between), 项目 alone opening a sentence
    ("科希盟高分子复合材料项目举行开工典礼。科希盟公司是一家军工企业。该项目征地208亩，总投资13.25亿元。",
     ["科希盟高分子复合材料项目"], {("科希盟高分子复合材料项目", "1325000000", "CNY")}),
    ("莱檬大健康产业园建设项目是签约项目之一。该项目从事柠檬果胶的生产。项目总投资10亿元，年产值17亿元。",
     ["莱檬大健康产业园建设项目"], {("莱檬大健康产业园建设项目", "1000000000", "CNY")}),
    # a sum a deal names its project by, a cost, a base named inside its project's name
    ("集安边合区与美之旅生物科技签订的1.1亿元清河人参数字平台建设项目。", ["清河人参数字平台建设项目"],
     {("清河人参数字平台建设项目", "110000000", "CNY")}),
    ("开工的海棠湖文旅小镇项目位于高铁新城东侧，占地约366亩，耗资近20亿元，是特色文旅小镇。", ["海棠湖文旅小镇项目"],
     {("海棠湖文旅小镇项目", "2000000000", "CNY")}),
    ("禄丰市宣布方德智能花卉种植基地建设项目计划总投资3.1亿元。", ["方德智能花卉种植基地建设项目", "方德智能花卉种植基地"],
     {("方德智能花卉种植基地建设项目", "310000000", "CNY")}),
    # not across a paragraph, nor past a sentence that names another project
    ("科希盟高分子复合材料项目举行开工典礼。\n该项目征地208亩，总投资13.25亿元。", ["科希盟高分子复合材料项目"], set()),
    # a list whose items each open with their sums (one such item alone is no list)
    ("22亿元乐京智能家电、10亿元传化公路港枢纽等项目建设封顶，推进5亿元圆通物流园。",
     ["乐京智能家电", "传化公路港枢纽", "圆通物流园"],
     {("乐京智能家电", "2200000000", "CNY"), ("传化公路港枢纽", "1000000000", "CNY")}),
])
def test_sums_of_later_clauses_sentences_and_deals(facts_of, text, projects, expected):
    assert investments(facts_of(text, projects)) == expected


def test_this_project_does_not_reach_past_another_project(facts_of):
    text = "科希盟高分子复合材料项目举行开工典礼。华康药业项目已经投产。该项目总投资13.25亿元。"
    assert ("科希盟高分子复合材料项目", "1325000000", "CNY") not in investments(
        facts_of(text, ["科希盟高分子复合材料项目", "华康药业项目"]))


def test_invested_works_take_their_sum(facts_of, resources, folder):
    """The works the rule project.invested found after a sum take that sum, across a measure and a place."""
    sentence = "投资4000万元完成教育园区内3条高压线路迁改。"
    text = f"{TITLE}\n{PLAN}\n{sentence}\n"
    doc = make_document(text, path="report.txt", doc_id="report", folder=folder)
    ctx = Context(doc=doc, sentences=sentences_of(doc), resources=resources)
    start = doc.norm.index("高压线路迁改")
    for rule, expected in (("project.head", set()), ("project.invested", {("高压线路迁改", "40000000", "CNY")})):
        ctx.mentions[:] = [Mention(EntityRef("Project", "高压线路迁改"), "高压线路迁改", start, start + 6,
                                   ctx.sentence_at(start).index, rule)]
        assert investments(extract_project_facts(ctx)) == expected


@pytest.mark.parametrize("sentence, projects", [
    # a count of projects and their total: not one project's investment
    ("新开工项目12个，总投资35亿元。", []),
    ("推动总投资53亿元的英利光伏电池项目、永红铸机项目等10个项目竣工。", ["英利光伏电池项目", "永红铸机项目"]),
    ("投资1.6亿元实施唐河补水工程、清水河左堤治理工程等8个河道综合整治项目。", ["唐河补水工程", "清水河左堤治理工程"]),
    ("中昊晨光一期、江苏国泰锂离子电池电解液等14个项目总投资35亿元。", ["中昊晨光一期", "江苏国泰锂离子电池电解液"]),
    ("中昊晨光一期等14个项目总投资35亿元。", ["中昊晨光一期"]),
    # a sum alone before a list of projects, a sum spent in a year, a sum of a clause that is not alone
    ("投资1.7亿元，完成中科大道、县标广场景观亮化等13个绿化亮化项目。", ["中科大道"]),
    ("全年完成投资7000万元，建成邸北110千伏变电站。", ["邸北110千伏变电站"]),
    ("投资7000万元，邸北110千伏变电站建成投运。", ["邸北110千伏变电站"]),
    ("投资4211万元，完成了新华街东延，迎宾街东、西段建设。", ["新华街东延"]),
    # a sum spent in a year is not the total; a sum that is no investment
    ("风帆工业园项目完成投资10.6亿元。", ["风帆工业园项目"]),
    ("风帆工业园项目实现产值10.6亿元。", ["风帆工业园项目"]),
    # a clause of a sum after two projects, or after a count
    ("风帆工业园项目和长城汽车项目进展顺利，总投资30亿元。", ["风帆工业园项目", "长城汽车项目"]),
    ("推进风帆工业园项目等12个项目，总投资35亿元。", ["风帆工业园项目"]),
    # a clause that opens with a sum and goes on to what it was invested in
    ("西阜高速建成通车，投资33.4亿元新建三级以上公路43条。", ["西阜高速"]),
])
def test_list_or_spent_sums_are_no_projects_investment(facts_of, sentence, projects):
    assert investments(facts_of(sentence, projects)) == set()


@pytest.mark.parametrize("sentence, projects, section, expected", [
    # a review reports the stage of last year; a plan plans this year's
    ("建成卧龙湖大桥。", ["卧龙湖大桥"], REVIEW, {("卧龙湖大桥", "竣工", 2019, False)}),
    ("老蛮桥水库扩建工程开工建设。", ["老蛮桥水库扩建工程"], PLAN, {("老蛮桥水库扩建工程", "开工", 2020, True)}),
    # a strong cue after the name wins over a weak one before it
    ("推进米会高速前期工作。", ["米会高速"], PLAN, {("米会高速", "规划", 2020, True)}),
    ("启动区人民医院新院区建设。", ["区人民医院新院区"], PLAN, {("区人民医院新院区", "开工", 2020, True)}),
    ("加快推进老蛮桥水库扩建工程建设。", ["老蛮桥水库扩建工程"], REVIEW, {("老蛮桥水库扩建工程", "在建", 2019, False)}),
    ("加快第三中学东山分校、建设学校等项目的前期准备工作。", ["第三中学东山分校"], PLAN,
     {("第三中学东山分校", "规划", 2020, True)}),
    # a part done is the work going on
    ("清苑新城一期主体完工。", ["清苑新城一期"], REVIEW, {("清苑新城一期", "在建", 2019, False)}),
    ("疾控中心基础设施项目主体封顶。", ["疾控中心基础设施项目"], REVIEW, {("疾控中心基础设施项目", "在建", 2019, False)}),
    # one verb for a whole list, before or after it
    ("建成卧龙湖大桥、安宁河一桥。", ["卧龙湖大桥", "安宁河一桥"], REVIEW,
     {("卧龙湖大桥", "竣工", 2019, False), ("安宁河一桥", "竣工", 2019, False)}),
    ("圣善二期、华智二期建成投产。", ["圣善二期", "华智二期"], PLAN,
     {("圣善二期", "投产", 2020, True), ("华智二期", "投产", 2020, True)}),
    # each clause its own verb
    ("泽龙国际教育城开工建设，区人民医院新院区主体完工。", ["泽龙国际教育城", "区人民医院新院区"], REVIEW,
     {("泽龙国际教育城", "开工", 2019, False), ("区人民医院新院区", "在建", 2019, False)}),
    ("龙肘山风电一期并网发电。", ["龙肘山风电一期"], REVIEW, {("龙肘山风电一期", "投产", 2019, False)}),
    ("梅塞尔工业气体项目成功签约。", ["梅塞尔工业气体项目"], REVIEW, {("梅塞尔工业气体项目", "签约", 2019, False)}),
    # a later clause that aims the list at a stage: signed, and to start
    ("对中南高科清苑新经济产业园等签约项目，抓紧完善手续，确保尽快开工。", ["中南高科清苑新经济产业园"], PLAN,
     {("中南高科清苑新经济产业园", "签约", 2020, True), ("中南高科清苑新经济产业园", "开工", 2020, True)}),
    # an expected stage is aimed at too, in the year its clause names (else the project's own)
    ("酷鼠精酿啤酒生产项目的大楼主体结构已经封顶，预计10月投产。", ["酷鼠精酿啤酒生产项目"], REVIEW,
     {("酷鼠精酿啤酒生产项目", "在建", 2019, False), ("酷鼠精酿啤酒生产项目", "投产", 2019, True)}),
    ("卧龙湖大桥2017年10月开工建设，预计2021年7月竣工通车。", ["卧龙湖大桥"], REVIEW,
     {("卧龙湖大桥", "开工", 2017, False), ("卧龙湖大桥", "竣工", 2021, True)}),
    # ... but not across another project, nor past a semicolon
    ("泽龙国际教育城签约落地，区人民医院新院区加快建设，确保年内竣工。", ["泽龙国际教育城", "区人民医院新院区"], REVIEW,
     {("泽龙国际教育城", "签约", 2019, False), ("区人民医院新院区", "在建", 2019, False),
      ("区人民医院新院区", "竣工", 2019, True)}),
    ("泽龙国际教育城签约落地；确保年内竣工。", ["泽龙国际教育城"], REVIEW, {("泽龙国际教育城", "签约", 2019, False)}),
    # a facility opened is completed
    ("迷昜古城特色街区整体开街。", ["迷昜古城特色街区"], REVIEW, {("迷昜古城特色街区", "竣工", 2019, False)}),
    ("鹰嘴岩水库建设完成，形成亲水廊道。", ["鹰嘴岩水库"], REVIEW, {("鹰嘴岩水库", "竣工", 2019, False)}),  # building done
    # on schedule is under way
    ("立中车轮、绿生环保等9个项目达到时序进度。", ["立中车轮", "绿生环保"], REVIEW,
     {("立中车轮", "在建", 2019, False), ("绿生环保", "在建", 2019, False)}),
    # an explicit year; a stage still to come in a review is planned
    ("2018年，老蛮桥水库扩建工程开工。", ["老蛮桥水库扩建工程"], REVIEW, {("老蛮桥水库扩建工程", "开工", 2018, False)}),
    ("西二环北延即将通车。", ["西二环北延"], REVIEW, {("西二环北延", "竣工", 2019, True)}),
    ("保津城际铁路将于今年10月份正式通车。", ["保津城际铁路"], REVIEW, {("保津城际铁路", "竣工", 2020, True)}),
    # a word that holds a cue is no cue (联动工作 holds 动工, 建成区 建成); 完成投资 is no completion
    ("建立上下联动工作机制推进老蛮桥水库扩建工程。", ["老蛮桥水库扩建工程"], PLAN,
     {("老蛮桥水库扩建工程", "在建", 2020, True)}),
    ("城市建成区内的卧龙湖大桥加快推进。", ["卧龙湖大桥"], PLAN, {("卧龙湖大桥", "在建", 2020, True)}),
    ("风帆工业园项目完成投资10.6亿元。", ["风帆工业园项目"], REVIEW, set()),
    # the steps before building are planning, even when done (完成实地勘测, 获市级核准); 获批开工 is a start
    ("苇子峪抽水蓄能电站项目完成实地勘测，风力发电项目已获市级核准。", ["苇子峪抽水蓄能电站项目", "风力发电项目"], REVIEW,
     {("苇子峪抽水蓄能电站项目", "规划", 2019, False), ("风力发电项目", "规划", 2019, False)}),
    ("王家湾冰上运动中心获批开工。", ["王家湾冰上运动中心"], REVIEW, {("王家湾冰上运动中心", "开工", 2019, False)}),
])
def test_milestones(facts_of, sentence, projects, section, expected):
    assert milestones(facts_of(sentence, projects, section)) == expected


def test_no_stage_no_milestone(facts_of):
    assert milestones(facts_of("依托老蛮桥水库扩建工程发展乡村旅游。", ["老蛮桥水库扩建工程"])) == set()


def test_news_plans_with_future_words(facts_of):
    """A news article speaks for the year of its date; 计划, 年内 make a stage planned."""
    title = "沁源:党建引领全方位高质量发展\n2022年07月26日 10:10:40 来源:山西新闻网"
    facts = facts_of("沁源县计划年内开工建设沁河水库扩建工程。", ["沁河水库扩建工程"], section="", title=title)
    assert milestones(facts) == {("沁河水库扩建工程", "开工", 2022, True)}
    facts = facts_of("沁河水库扩建工程建成通车。", ["沁河水库扩建工程"], section="", title=title)
    assert milestones(facts) == {("沁河水库扩建工程", "竣工", 2022, False)}


NEWS = "项目建设综述\n2023年05月10日 10:10:40 来源:某某新闻网"


@pytest.mark.parametrize("sentence, projects, expected", [
    # the project is the subject of a later clause that states its stage
    ("某某新材料项目总投资5亿元，已开工建设。", ["某某新材料项目"], {("某某新材料项目", "开工", 2023, False)}),
    ("欣奕华高新材料项目正进行设备组装，计划年内投产，技术国际领先。", ["欣奕华高新材料项目"],
     {("欣奕华高新材料项目", "投产", 2023, True)}),
    # a stage in its own clause, then a later one of a year to come
    ("某公司投资20亿元建设东风皮卡生产项目，2025年4月建成投产，年产5万辆。", ["东风皮卡生产项目"],
     {("东风皮卡生产项目", "在建", 2023, False), ("东风皮卡生产项目", "投产", 2025, True)}),
    # not when the project is not its clause's subject, nor a later clause's stage of another work
    ("依托某某新材料项目，已开工建设。", ["某某新材料项目"], set()),
    ("加快某某机场二期前期工作，建成乐山机场。", ["某某机场二期"], {("某某机场二期", "规划", 2023, False)}),
    ("某某新材料项目总投资5亿元，厂房已开工建设。", ["某某新材料项目"], set()),
    ("某某新材料项目总投资5亿元，华康药业项目已开工建设。", ["某某新材料项目", "华康药业项目"],
     {("华康药业项目", "开工", 2023, False)}),
])
def test_a_later_clause_gives_the_stage(facts_of, sentence, projects, expected):
    assert milestones(facts_of(sentence, projects, section="", title=NEWS)) == expected


def test_an_event_takes_the_time_of_its_own_clause(facts_of):
    """An earlier event's time in the sentence (继去年底集中开工…后) is not this event's; a sentence's opening date is."""
    text = ("据了解，我县继去年底集中开工10个重大项目后，再次掀起开工热潮，本次集中开工的22个重大项目，"
            "包括：顺蓬营一级公路蓬安段建设项目。")
    assert milestones(facts_of(text, ["顺蓬营一级公路蓬安段建设项目"], section="", title=NEWS)) == {
        ("顺蓬营一级公路蓬安段建设项目", "开工", 2023, False)}
    # a project only said to be under way in the event's paragraph takes the event's stage too
    text = "3月9日举行的荣昌区重点工业项目集中开工活动，12个项目总投资62.9亿元。其中最大的是铁骑力士集团投资建设抗菌肽项目。"
    assert milestones(facts_of(text, ["抗菌肽项目"], section="", title=NEWS)) == {
        ("抗菌肽项目", "在建", 2023, False), ("抗菌肽项目", "开工", 2023, False)}
    text = "2021年4月15日，永济举行重大项目集中开工仪式。分别是牧原生猪养殖项目。"
    assert milestones(facts_of(text, ["牧原生猪养殖项目"], section="", title=NEWS)) == {
        ("牧原生猪养殖项目", "开工", 2021, False)}


def test_a_report_plans_what_a_later_clause_says(facts_of):
    text = "全速推进国电投光伏制氢项目建设，年底建成并网。"
    assert milestones(facts_of(text, ["国电投光伏制氢项目"])) == {
        ("国电投光伏制氢项目", "在建", 2020, True), ("国电投光伏制氢项目", "竣工", 2020, True)}


def test_a_news_event_gives_its_stage_to_the_projects_it_then_lists(facts_of):
    """A page about a signing or starting event names its projects without the verb again: they take the event's
    stage in its year; a project whose own clause states a stage keeps that; a report is left to its clauses."""
    title = "永济2020年第三批重大项目集中开工"
    text = ("2020年4月15日，永济举行2020年第三批重大项目集中开工仪式。其中，产业类6项。"
            "分别是总投资5.5亿元的牧原生猪养殖项目，总投资0.6亿元的瑞富亨机电配件项目。华康药业项目已经投产。")
    facts = facts_of(text, ["牧原生猪养殖项目", "瑞富亨机电配件项目", "华康药业项目"], section="", title=title)
    assert milestones(facts) == {("牧原生猪养殖项目", "开工", 2020, False), ("瑞富亨机电配件项目", "开工", 2020, False),
                                 ("华康药业项目", "投产", 2020, False)}
    # another paragraph that does not speak of the event's projects
    text = ("2020年4月15日，永济举行2020年第三批重大项目集中开工仪式。\n"
            "永济还有牧原生猪养殖项目。")
    assert milestones(facts_of(text, ["牧原生猪养殖项目"], section="", title=title)) == set()
    # in a paragraph of the signed projects, after the event's paragraph
    text = ("昨日上午，广西2022年一季度重点项目集中签约活动南宁市分会场共签约18个项目。\n"
            "据悉，签约项目中，工业项目数量占比超过一半，如横州市潮力再生铝加工项目。")
    assert milestones(facts_of(text, ["横州市潮力再生铝加工项目"], section="", title="南宁签约18个项目")) == \
        {("横州市潮力再生铝加工项目", "签约", 2022, False)}
    # a list of projects further down a page whose lead reports the event, in a paragraph that does not name it
    text = ("发布时间：2025-03-21\n前几天，吉林市举行春季项目集中开工仪式。\n"
            "除了吉化80万吨二氧化碳气体回收、吉化北方20万吨硫酸再生等23个重点项目外，还有其他项目。")
    assert milestones(facts_of(text, ["吉化80万吨二氧化碳气体回收", "吉化北方20万吨硫酸再生"], section="",
                               title="吉林市重大项目引领产业提质升级")) == \
        {("吉化80万吨二氧化碳气体回收", "开工", 2025, False), ("吉化北方20万吨硫酸再生", "开工", 2025, False)}
    # an event still to come is a plan
    text = "2022年，榆中县将谋划集中开工重点项目135个，其中有榆中县基层医疗机构发热诊室建设项目。"
    assert milestones(facts_of(text, ["榆中县基层医疗机构发热诊室建设项目"], section="", title="榆中县项目")) == \
        {("榆中县基层医疗机构发热诊室建设项目", "开工", 2022, True)}
    # a report's event sentence gives nothing beyond the clauses
    text = "全年举行重大项目集中开工仪式4次，牧原生猪养殖项目落户。"
    assert ("牧原生猪养殖项目", "开工") not in {(p, s) for p, s, _, _ in milestones(facts_of(text, ["牧原生猪养殖项目"], REVIEW))}


def test_stage_table():
    assert list(stage_concepts()) == list(STAGES)
    assert stage_concepts()["开工"] == "Started"


def test_a_glossary_definition_gives_its_project_investment(resources, folder):
    """〔14〕大正食品：项目总投资1.23亿元 — the sum the definition opens with is the defined project's."""
    from govkg.extractors.glossary import extract_glossary

    text = f"{TITLE}\n{PLAN}\n推进大正食品〔14〕等项目投产。\n名词解释\n〔14〕大正食品：项目总投资1.23亿元，年产3万吨。\n"
    doc = make_document(text, path="report.txt", doc_id="report", folder=folder)
    ctx = Context(doc=doc, sentences=sentences_of(doc), resources=resources)
    ctx.mentions.extend(m for m in extract_glossary(ctx) if isinstance(m, Mention))
    facts = [f for f in extract_project_facts(ctx) if isinstance(f, Investment)]
    assert [(f.project, f.amount.value, f.rule) for f in facts] == [
        (EntityRef("Project", "大正食品"), "123000000", "project.defined_investment")]
