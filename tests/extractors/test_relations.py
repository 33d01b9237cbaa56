import pytest

from govkg.extractors import EXTRACTORS, extract
from govkg.extractors.base import Resources
from govkg.extractors.relations import clause_bounds, is_formula
from govkg.text.document import sentences_of

TITLE = "2023年自贡市沿滩区政府工作报告"


@pytest.fixture(scope="module")
def rules_only():
    """Resources with no learned decision: these tests are of the relation rules, on every candidate."""
    res = Resources()
    res.set("decide.model", None)
    return res


@pytest.fixture
def make_context(make_context, rules_only):
    def _make(text, title=None):
        ctx = make_context(text, title=title)
        ctx.resources = rules_only
        return ctx

    return _make


def relations(make_context, text, title=TITLE):
    ctx = make_context(text, title=title)
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    label = {ref: info.label for ref, info in facts.entities.items()}
    return {(label[r.subject], r.predicate, label[r.object]) for r in facts.relations}, facts


@pytest.mark.parametrize("sentence, expected", [
    # develops: the document's region, or a region named before the industry
    ("大力发展智能家电、装备制造等支柱产业。", ("沿滩区", "develops", "智能家电")),
    # hosts: the park's clause, or after the park in its sentence
    ("川南新材料化工园区重点发展氟化工产业。", ("川南新材料化工园区", "hosts", "氟化工")),
    ("推动永汇食品等16户企业入驻自贡食品产业园。", ("自贡食品产业园", "hosts", "永汇食品")),
    ("川南新材料化工园区获批首批省级化工园区,江苏国泰、无锡东恒2个项目提前开工。",
     ("川南新材料化工园区", "hosts", "江苏国泰")),
    ("围绕预制菜、肉制品等产业主攻方向,完成自贡食品产业园厂房建设。", ("自贡食品产业园", "hosts", "肉制品")),
    # locatedIn: the document's region by default; a region before it in its clause; in its name; settling verbs
    ("川南新材料化工园区重点发展氟化工产业。", ("川南新材料化工园区", "locatedIn", "沿滩区")),
    ("沿滩区永安镇建成卧龙湖大桥。", ("卧龙湖大桥", "locatedIn", "永安镇")),
    ("推动沿滩区花椒现代农业园区晋级省级四星。", ("沿滩区花椒现代农业园区", "locatedIn", "沿滩区")),
    ("确保中化蓝天四川基地年内开工。", ("中化蓝天四川基地", "locatedIn", "沿滩区")),
    ("成自宜高铁邓关段主体完工。", ("成自宜高铁邓关段", "locatedIn", "邓关街道")),
    ("建成投用电商产业基地,推动韵达产业园落户邓关。", ("韵达产业园", "locatedIn", "邓关街道")),
    ("争取市政府加快实施釜溪河治理工程。", ("釜溪河治理工程", "locatedIn", "自贡市")),
    # carriesOut: the project's name holds the enterprise's, or one clause holds both
    ("加快实施德胜钒钛公司1250m³高炉节能技改项目。", ("德胜钒钛公司", "carriesOut", "德胜钒钛公司1250m³高炉节能技改项目")),
    ("江苏国泰、中化蓝天等头部企业纷至沓来。确保中化蓝天四川基地年内开工。",
     ("中化蓝天", "carriesOut", "中化蓝天四川基地")),
    # belongsTo: one clause, or the only industry of the sentence
    ("做强氟化工产业,支持中昊晨光公司扩产。", ("中昊晨光公司", "belongsTo", "氟化工")),
    # hasPart: a numbered formula naming a system has the industries of its sentence
    ("全力打造新型矿业、新材料产业集群,加快构建“3+2”现代工业体系。", ("3+2现代工业体系", "hasPart", "新材料")),
    # slogans: the clause's subject region, the document's government, the region's own strategy
    ("交口乡自强村探索实施“五抓五促”模式。", ("五抓五促模式", "relatedTo", "自强村")),
    ("新一届区人民政府紧紧围绕“两区一城”奋斗目标。", ("两区一城奋斗目标", "relatedTo", "沿滩区")),
    ("坚定实施“工业强区”战略。", ("工业强区战略", "relatedTo", "沿滩区")),
    ("省委以“四化同步、城乡融合、五区共兴”为总抓手。", ("四化同步、城乡融合、五区共兴", "proposedBy", "四川省")),
    ("实施纺织产业“技改提能、数字赋能”三项行动。", ("技改提能、数字赋能三项行动", "relatedTo", "纺织")),
    ("实行“旅游+农业”,推进好梦林水田园综合体建设。", ("旅游+农业", "relatedTo", "好梦林水田园综合体")),
    # a report's slogans: proposed by its region when the text says so, else related to it
    ("区委提出实施“产业强区”战略。", ("产业强区战略", "proposedBy", "沿滩区")),
    ("我区全面推行“畅聊早餐会”制度。", ("畅聊早餐会制度", "proposedBy", "沿滩区")),
    ("持续开展“企业集中服务月”活动。", ("企业集中服务月活动", "relatedTo", "沿滩区")),
    ("增强“四个意识”、坚定“四个自信”。", ("四个意识", "relatedTo", "沿滩区")),
    ("坚定实施“工业强省”战略。", ("工业强省战略", "proposedBy", "四川省")),
    # counted campaigns: the parts listed after them, one to a sentence after them, or right before them
    ("实施“两大工程”：“产业提升工程”、“城市更新工程”。", ("两大工程", "hasPart", "城市更新工程")),
    # … and a campaign of counted years, its unquoted parts listed right before it
    ("大力开展城乡融合发展年、项目建设加速年、能力作风提升年“三个年”活动。", ("三个年活动", "hasPart", "项目建设加速年")),
    # … and a count right after as many quoted names
    ("老港镇提出的“航天始发地”“碳中和试验高地”“中国雪菜之乡”三张名片打造已进入重要阶段。",
     ("三张名片", "hasPart", "碳中和试验高地")),
    ("重点推进“两大工程”建设。实施“基础设施建设工程”,加快校舍建设。开展“师德师风建设工程”,深化队伍建设。",
     ("两大工程", "hasPart", "师德师风建设工程")),
    # enterprises: the region their name holds, a settling verb, the government's work on them
    ("支持沿滩区华森实业有限公司扩大规模。", ("沿滩区华森实业有限公司", "locatedIn", "沿滩区")),
    ("推动区水务集团转型发展。", ("区水务集团", "locatedIn", "沿滩区")),
    ("中昊晨光、中化蓝天等企业落户我区。", ("中昊晨光", "locatedIn", "沿滩区")),
    ("支持中昊晨光、江苏国泰等企业做大做强。", ("江苏国泰", "relatedTo", "沿滩区")),
    # an enterprise no rule links: the report of the document's region names it
    ("中昊晨光公司年产值超过十亿元。", ("中昊晨光公司", "relatedTo", "沿滩区")),
    # develops: a region that opens an earlier clause as its subject
    ("永安镇坚持规划引领,大力发展花椒产业。", ("永安镇", "develops", "花椒")),
    # every region of a list before the industry, a village after its town counted once; the regions a
    # settling verb right after the industry names
    ("在永安镇、邓关街道发展花椒产业。", ("永安镇", "develops", "花椒")),
    ("推动花椒产业落户永安镇和邓关街道。", ("邓关街道", "develops", "花椒")),
])
def test_relation_from_sentence(make_context, sentence, expected):
    found, _ = relations(make_context, sentence)
    assert expected in found


@pytest.mark.parametrize("sentence, rejected", [
    # a park named in a list hosts nothing of its list; a project before the park is not hosted
    ("中日循环经济产业示范园、冉庄文旅特色小镇等5个项目顺利推进。", ("中日循环经济产业示范园", "hosts", "冉庄文旅特色小镇")),
    ("加快自贡城投肉兔全产业链项目建设,推动沿滩区花椒现代农业园区晋级省级四星。",
     ("沿滩区花椒现代农业园区", "hosts", "自贡城投肉兔全产业链项目")),
    # a region in another clause, inside another name, or at a route's end does not place a project
    ("永安镇完成改制,加快卧龙湖大桥建设。", ("卧龙湖大桥", "locatedIn", "永安镇")),
    ("确保青皮村至坪山村段、卧龙湖大桥建成投用。", ("卧龙湖大桥", "locatedIn", "坪山村")),
    # a region outside the document's region keeps the project out of it
    ("主动深化与重庆长寿经开区合作。", ("重庆长寿经开区", "locatedIn", "沿滩区")),
    # enterprises and industries in different clauses of a sentence with several industries
    ("深化与阿里巴巴、顺丰等企业的合作,大力发展冷链物流、电子商务等产业。", ("阿里巴巴", "belongsTo", "冷链物流")),
    # an industry that is an enterprise's name is not what the enterprise belongs to
    ("推动易品食品等9户企业投产达产。", ("易品食品", "belongsTo", "易品食品")),
    # a formula that names no system has no industries as parts
    ("按照“一主两辅”发展思路,抢抓氟化工、新能源产业投资窗口期。", ("一主两辅发展思路", "hasPart", "氟化工")),
    # another level's slogan is not the document region's, nor are slogans where its government is no subject
    ("省委以“四化同步、城乡融合、五区共兴”为总抓手,给我区发展带来重大机遇。",
     ("四化同步、城乡融合、五区共兴", "relatedTo", "沿滩区")),
    ("坚定实施“工业强省”战略。", ("工业强省战略", "relatedTo", "沿滩区")),
    # a slogan the text gives no owner is not proposed by the report's region; nor is a national one
    ("持续开展“企业集中服务月”活动。", ("企业集中服务月活动", "proposedBy", "沿滩区")),
    ("县委提出实施“双百工程”。", ("双百工程", "proposedBy", "沿滩区")),
    ("我区坚决做到“两个维护”。", ("两个维护", "proposedBy", "沿滩区")),
    # a count the listed parts do not match links none of them
    ("实施“三大工程”：“产业提升工程”、“城市更新工程”。", ("三大工程", "hasPart", "城市更新工程")),
    # parts must end with the campaign's head noun
    ("实施“两大工程”：“产业提升工程”、“城市更新行动”。", ("两大工程", "hasPart", "城市更新行动")),
    # an enterprise settling elsewhere is not worked on by the report's region
    ("中昊晨光总部落户成都市。", ("中昊晨光", "relatedTo", "沿滩区")),
    # an enterprise of a sentence naming a region outside the document's is not the report's
    ("中昊晨光公司在成都市设立研发中心。", ("中昊晨光公司", "relatedTo", "沿滩区")),
    # a region of an earlier clause that is no subject does not develop the industry
    ("政策延伸到自贡市全域,着力发展花椒产业。", ("自贡市", "develops", "花椒")),
    # a region of a list that another word ends before the nearest one
    ("永安镇领导到邓关街道调研花椒产业。", ("永安镇", "develops", "花椒")),
])
def test_relation_rejected(make_context, sentence, rejected):
    found, facts = relations(make_context, sentence)
    labels = {info.label for info in facts.entities.values()}
    assert {rejected[0], rejected[2]} <= labels  # both ends found, so the rule is what rejects the pair
    assert rejected not in found


def test_region_inside_another_name_places_nothing_else(make_context):
    found, facts = relations(make_context, "推动白马湾丘北部功能区和一枝山南部功能区加快发展。",
                             title="米易县2023年人民政府工作报告")
    assert "湾丘彝族乡" in {info.label for info in facts.entities.values()}
    assert ("白马湾丘北部功能区", "locatedIn", "湾丘彝族乡") in found
    assert ("一枝山南部功能区", "locatedIn", "湾丘彝族乡") not in found
    assert ("一枝山南部功能区", "locatedIn", "米易县") in found


def test_relations_keep_their_evidence_sentence(make_context):
    _, facts = relations(make_context, "前言一句。川南新材料化工园区重点发展氟化工产业。")
    hosts = [r for r in facts.relations if r.predicate == "hosts"]
    assert hosts and all("氟化工" in facts.sentences[r.sentence].text for r in hosts)


def test_no_relation_across_sentences(make_context):
    found, _ = relations(make_context, "德胜钒钛公司完成改制。加快卧龙湖大桥建设。")
    assert not any(p == "carriesOut" for _, p, _ in found)


def test_a_park_opening_a_sentence_hosts_what_its_semicolon_parts_name(make_context):
    # the parts after the semicolons say what the park does, up to a part that opens with a name of its own
    found, _ = relations(make_context, "今年以来，川南新材料化工园区开展项目建设提质提效行动；坚持配套跟着主导走，"
                                       "引育电商、物流企业，构建现代农业产业发展体系；卧龙湖大桥项目完成主体建设。")
    assert {("川南新材料化工园区", "hosts", "电商"), ("川南新材料化工园区", "hosts", "现代农业")} <= found
    assert ("川南新材料化工园区", "hosts", "卧龙湖大桥项目") not in found
    # a part opening with a noun is a list of other things (垃圾焚烧发电、…等项目加快建设)
    found, _ = relations(make_context, "自贡食品产业园投产企业5家；垃圾焚烧发电、卧龙湖大桥等项目加快建设。")
    assert ("自贡食品产业园", "hosts", "卧龙湖大桥") not in found


def test_a_page_about_a_park_has_it_host_what_its_other_sentences_name(make_context):
    page = ("2月21日上午，川南新材料化工园区举行一季度项目集中开工活动。此次活动涉及29个项目，涵盖电子专业设备、网络通信等产业。"
            "沿滩区推进卧龙湖大桥建设。川南新材料化工园区党工委书记出席。")
    found, _ = relations(make_context, page, title="项目集中开工")
    assert ("川南新材料化工园区", "hosts", "网络通信") in found
    assert ("川南新材料化工园区", "hosts", "卧龙湖大桥") not in found  # a sentence with a subject of its own
    # a park named once, or not in the opening sentence, is not what the page is about
    found, _ = relations(make_context, page.replace("川南新材料化工园区党工委书记出席。", ""), title="项目集中开工")
    assert ("川南新材料化工园区", "hosts", "网络通信") not in found
    found, _ = relations(make_context, "各位代表：\n现在报告工作。\n一、回顾\n" + page, title="项目集中开工")
    assert ("川南新材料化工园区", "hosts", "网络通信") not in found


def test_a_page_opening_with_a_park_it_then_calls_by_its_kind_is_about_it(make_context):
    page = ("湖北老河口经济开发区于2013年经湖北省人民政府批准成立，属省级经济开发区。"
            "近年来开发区大力实施工业强区战略，着力转型升级纺织服装、装备制造及汽车零部件三大传统产业；"
            "大力培育发展循环经济、电子信息、生物医药三大支柱产业。")
    found, _ = relations(make_context, page, title=None)
    assert {("湖北老河口经济开发区", "hosts", "电子信息"), ("湖北老河口经济开发区", "hosts", "纺织服装")} <= found
    # a page that names it once and never again by its kind is not about it
    found, _ = relations(make_context, page.replace("近年来开发区", "近年来全市"), title=None)
    assert ("湖北老河口经济开发区", "hosts", "电子信息") not in found


def test_a_line_opening_with_a_park_and_a_colon_is_about_that_park(make_context):
    page = ("张掖市已建成工业园区6个。\n"
            "张掖经济技术开发区：2006年升级为国家级经济技术开发区。形成以正大集团、奥林贝尔等企业为龙头的农副产品加工产业。\n"
            "民乐工业园区：2006年批准为省级开发区，分为生物制药产业园、现代物流产业园，园区形成了建材产业等主导产业。\n"
            "沿滩区推进卧龙湖大桥建设。")
    found, _ = relations(make_context, page, title="工业园区基本情况")
    assert {("张掖经济技术开发区", "hosts", "正大集团"), ("张掖经济技术开发区", "hosts", "奥林贝尔"),
            ("民乐工业园区", "hosts", "建材"), ("民乐工业园区", "hosts", "生物制药产业园")} <= found
    assert ("民乐工业园区", "hosts", "正大集团") not in found  # each to the end of its own line
    assert not {("张掖经济技术开发区", "hosts", "卧龙湖大桥"), ("民乐工业园区", "hosts", "卧龙湖大桥")} & found


def test_on_a_page_of_one_park_its_common_word_as_subject_stands_for_it(make_context):
    page = ("平罗县经过20多年的发展，宁夏平罗工业园区实现了蝶变。近年来，平罗工业园区抢抓机遇。"
            "自成立以来，园区聚焦新材料等主导产业，神州轮胎、丰华生物等一批企业落户。"
            "全县推进卧龙湖大桥建设，完成丰泽食品技改。")
    found, _ = relations(make_context, page, title="平罗新闻")
    assert {("宁夏平罗工业园区", "hosts", "神州轮胎"), ("宁夏平罗工业园区", "hosts", "新材料")} <= found or \
        {("平罗工业园区", "hosts", "神州轮胎"), ("平罗工业园区", "hosts", "新材料")} <= found
    assert not any(r[2] in ("卧龙湖大桥", "丰泽食品") and r[1] == "hosts" for r in found), [r for r in found if r[1] == "hosts"]  # 园区 is not its subject
    # a report that names a park once, far from its start, is not about it; nor does 开发区 stand for a 高新区
    report = ("全县经济平稳增长。财政收入增长5%。与杭州市高新区开展对口协作。"
              "开发区基础配套进一步完善，丰泽食品等项目加快实施。")
    found, _ = relations(make_context, report, title="政府工作报告")
    assert not any(r[1] == "hosts" and r[2] == "丰泽食品" for r in found)
    # a page naming two parks does not say which 园区 is
    found, _ = relations(make_context, page.replace("近年来，平罗工业园区", "近年来，石嘴山经济技术开发区"), title="园区")
    assert not any(r[2] == "神州轮胎" and r[1] == "hosts" for r in found)


def test_a_page_that_names_one_park_far_more_often_is_about_it(make_context):
    """广德(英德)产业园, 广德产业园 (one park, its place in brackets) five times, two others once in a list: 目前园区…
    stands for it."""
    page = ("合作区正式更名为“广清经济特别合作区广德(英德)产业园”。广德产业园作为“三园一城”(即广清产业园、广佛冈产业园、"
            "广德产业园)的重要组成部分。目前广德(英德)产业园总体规划已全面启动。"
            "目前园区工业项目共计60个，主要覆盖机械装备、新型建材、新材料等行业。下一步，广德产业园将尽快成立管委会。")
    found, _ = relations(make_context, page, title="首页 / 产经 / 经济合作区更名")
    hosts = {b for a, p, b in found if p == "hosts" and a.startswith("广德")}
    assert {"机械装备", "新型建材", "新材料"} <= hosts
    # the same page naming its parks as often as each other does not say which 园区 is
    found, _ = relations(make_context, page.replace("下一步，广德产业园", "下一步，广清产业园")
                         .replace("目前广德(英德)产业园", "目前广佛冈产业园"), title="产业布局")
    assert not {b for a, p, b in found if p == "hosts"} & {"机械装备", "新型建材"}


def test_on_a_page_of_one_park_the_companies_of_sentences_without_a_subject_are_its(make_context):
    page = ("宁夏平罗工业园区位于平罗县城西。近年来，平罗工业园区抢抓机遇，加快发展。"
            "在培植优势产业方面，宁夏神州轮胎有限公司实现产值30亿元。宁夏丰华生物科技有限公司新上生产线两条。")
    found, _ = relations(make_context, page, title="平罗新闻")
    hosts = {(a, b) for a, p, b in found if p == "hosts"}
    assert {b for a, b in hosts if a.endswith("平罗工业园区")} >= {"宁夏神州轮胎有限公司", "宁夏丰华生物科技有限公司"}
    # a sentence that names a region, or opens with one's common word, says where the company is
    for other in ("宁夏丰华生物科技有限公司在银川市新上", "全县支持宁夏丰华生物科技有限公司新上"):
        found, _ = relations(make_context, page.replace("宁夏丰华生物科技有限公司新上", other), title="平罗新闻")
        assert not any(p == "hosts" and b.endswith("丰华生物科技有限公司") for a, p, b in found)


def test_an_enterprise_belongs_to_the_industry_its_name_holds(make_context):
    found, _ = relations(make_context, "县里大力发展猕猴桃产业。陕西太白山猕猴桃发展有限公司带动农户增收。")
    assert ("陕西太白山猕猴桃发展有限公司", "belongsTo", "猕猴桃") in found


def test_a_zones_short_and_long_names_are_one_park(make_context):
    page = ("吉林经开区全力推进重大项目建设。\n近日，吉林市经济技术开发区以项目建设为中心，多个项目取得重大进展。"
            "据了解，吉林普瑞特生物科技有限公司年产2650吨医药中间体项目正在进行设备安装。")
    found, facts = relations(make_context, page, title="项目建设")
    parks = {info.label for ref, info in facts.entities.items() if ref.type == "Park"}
    assert parks == {"吉林市经济技术开发区"}  # the longer name wins, the other is its alias
    assert ("吉林市经济技术开发区", "hosts", "吉林普瑞特生物科技有限公司") in found  # the page is about it


def test_town_project_also_lies_in_the_county(make_context):
    found, _ = relations(make_context, "加快瓦市镇养老服务中心建设。")
    assert {("瓦市镇养老服务中心", "locatedIn", "瓦市镇"), ("瓦市镇养老服务中心", "locatedIn", "沿滩区")} <= found


@pytest.mark.parametrize("text, expected", [
    ("实行“旅游+农业”，推进好梦林水田园综合体建设。", [(0, 9), (10, 23)]),
    ("A,B;C。", [(0, 1), (2, 3), (4, 5)]),
])
def test_clause_bounds(text, expected):
    assert clause_bounds(text) == expected


@pytest.mark.parametrize("label, expected", [("3+2+1", True), ("6+3现代农业产业体系", True), ("两区一城", False),
                                             ("1+", False)])
def test_is_formula(label, expected):
    assert is_formula(label) is expected


def test_every_registered_extractor_has_tests():
    from pathlib import Path
    here = Path(__file__).parent
    for name in EXTRACTORS:
        assert (here / f"test_{name}.py").is_file(), name


def test_an_industry_has_one_label_whatever_form_the_text_uses(make_context):
    """氟化工产业 and 氟化工 are one entity; its label is the same in every document (the bare sector)."""
    _, facts = relations(make_context, "做强氟化工产业。壮大氟化工。")
    labels = {info.label: info.aliases for ref, info in facts.entities.items() if ref.type == "Industry"}
    assert set(labels) == {"氟化工"} and "氟化工产业" in labels["氟化工"]


def test_a_parks_tally_of_projects_hosts_the_projects_listed_after_it(make_context):
    """其中：A园区开工建设项目117项…。P、Q正在加紧建设；B园区开工建设项目65项…。R…: each park hosts the projects
    after its tally, up to the next park's."""
    text = ("上半年两个工业园区共开工建设各类项目182项，总投资44.27亿元。其中：武威工业园区开工建设项目117项，总投资32.84亿元。"
            "甘肃中大铝型材有限公司年产1万吨铝合金型材生产线、天祥肉类加工有限公司肉类屠宰及深加工项目等正在加紧建设；"
            "黄羊工业园区开工建设项目65项，总投资11.43亿元。远洋实业有限公司年产2000吨菊芋粉加工生产线建设已完成投资300万元。")
    found, _ = relations(make_context, text)
    assert {("武威工业园区", "hosts", "甘肃中大铝型材有限公司年产1万吨铝合金型材生产线"),
            ("武威工业园区", "hosts", "天祥肉类加工有限公司肉类屠宰及深加工项目"),
            ("黄羊工业园区", "hosts", "远洋实业有限公司年产2000吨菊芋粉加工生产线"),
            ("黄羊工业园区", "hosts", "远洋实业有限公司")} <= found
    assert ("武威工业园区", "hosts", "远洋实业有限公司年产2000吨菊芋粉加工生产线") not in found


def test_a_park_that_ends_a_list_before_its_kind_hosts_none_of_its_peers(make_context):
    """…投资100亿元的云图控股循环利用产业园、投资50亿元的葛洲坝建材产业园等一批重大项目: the last park, before 等, is
    one item of the list like the others, not the place the others are in."""
    text = "成功引进投资101亿元的东方化工硝基产业园、投资100亿元的云图控股循环利用产业园、投资50亿元的葛洲坝建材产业园等一批重大项目。"
    found, _ = relations(make_context, text)
    assert not {f for f in found if f[0] == "葛洲坝建材产业园" and f[1] == "hosts"}
    assert ("云图控股循环利用产业园", "hosts", "东方化工硝基产业园") not in found


def test_this_town_is_the_town_named_before_not_the_documents_county(make_context):
    """官亭镇是传统的水稻种植区。该镇大力发展稻虾共养产业: 该镇 is 官亭镇, who develops the industry; the county's report
    (肥西县) does not."""
    found, _ = relations(make_context, "肥西县官亭镇是传统的水稻种植区。该镇大力发展稻虾共养产业。", "肥西县2024年政府工作报告")
    assert ("官亭镇", "develops", "稻虾共养") in found
    assert ("肥西县", "develops", "稻虾共养") not in found


def test_on_a_page_of_one_park_companies_moving_in_move_into_it(make_context):
    """…沈机集团、昆明机床等企业纷纷入驻: on a page about 杨林工业园区 that opens with something else, the companies that
    move in without a place named move into it; those of a sentence that names a region do not."""
    page = ("云南嵩明打造年销售收入超千亿元园区。记者从座谈会上获悉。到“十二五”末，嵩明县把杨林工业园区打造成为主营业收入"
            "超500亿元的开发区。杨林工业园区是1992年成立的省级工业园区。杨林工业园区入园企业达171个。"
            "目前，已引进国内著名企业。沈机集团、昆明机床等企业纷纷入驻。")
    found, _ = relations(make_context, page, title="嵩明新闻")
    assert {("杨林工业园区", "hosts", "沈机集团"), ("杨林工业园区", "hosts", "昆明机床")} <= found
    found, _ = relations(make_context, page.replace("沈机集团、昆明", "沈机集团在昆明市入驻，昆明"), title="嵩明新闻")
    assert ("杨林工业园区", "hosts", "沈机集团") not in found


def test_a_park_whose_tally_its_sentence_gives_hosts_the_companies_of_the_next(make_context):
    """完成紫城工业园首期…建设，引进落户项目31个。引进金盛兰优特钢、佛塑新能源…: the park's tally, then what it counts."""
    rels, _ = relations(make_context, "临江工业园区完成扩区。累计投入超10亿元，完成紫城工业园首期2.7平方公里基础设施建设，引进落户"
                                      "项目31个、建成投产项目10个。引进金盛兰优特钢、佛塑新能源、大统营电子集团等企业。",
                        title="2020年紫金县政府工作报告")
    assert {("紫城工业园", "hosts", "金盛兰优特钢"), ("紫城工业园", "hosts", "佛塑新能源")} <= rels


def test_a_line_of_places_heads_a_section_about_the_most_local(make_context):
    """红光镇光明村 on its own line, then prose: the village develops the section's industries, not the next
    section's."""
    text = ("兰西县乡村振兴\n兰西县\n红光镇光明村\n链条延伸:引进玉米深加工企业,开发胚芽油。\n榆林镇林城村\n"
            "生态变现:发展林下菌菇、中药材种植,林间蜂箱密布。")
    found, _ = relations(make_context, text, title="兰西县乡村振兴")
    assert ("光明村", "develops", "玉米深加工") in found and ("林城村", "develops", "中药材种植") in found
    assert ("光明村", "develops", "中药材种植") not in found


_PARK_PAGE = (
    '山东鱼台经济开发区创建于2002年6月,下辖新城区、张黄工业园、湖西工业园,“一区两园”总规划面积6'
    '2平方公里。形成机械制造、农副产品深加工、纺织服装、精细化工等四大主导产业体系。2009年1-9月份'
    ',开发区固定资产投资28.34亿元,业务总收入72.51亿元,完成税收2.56亿元,目前入园企业65'
    '个,园区从业人员11022人。\n区内已形成农副产品加工、机械、纺织服装、化工、盐煤化工、水运陆运六大'
    '主导产业和现代物流、文化旅游等新兴产业。目前,开发区新城区重点发展高新技术、机电制造、轻工纺织及劳动'
    '密集型、环保节能型产业,建设了矿用机械、农副产品深加工、轻纺、精细化工四大工业园和民营经济创业园;张'
    '黄工业园和湖西工业园,以矿区为依托,利用煤、盐等资源优势,重点发展煤电化工产业。形成了功能分区、产业'
    '集聚、互相促进、集群发展的格局。\n区内基础设施配套齐全、功能完善,实行“封闭式管理”、“一站式”服务'
    '。开发区管委会精心打造和谐开发区。围绕工业立区战略,大力实施“工业发展年、项目建设年、招商引资年和路'
    '网建设年”等活动,注重节能、降耗、减排,已建成为新型工业示范区。\n截止2010年10月,落实合同项目'
    '38个,新入区建设项目26个,总投资额达30多亿元,合同利用外资达7.46亿元,到位资金2.74亿元'
    ',其中过亿元项目4个,完成固定资产投资6.32亿元。总投资10亿元的淮海国际商贸城已完成投资4.5亿'
    '元,其中的装饰建材城、家俱城已隆重开业,汽车城即将投入运营;中经建材、宏建商品混凝土、科能自动化设备'
    '、大洋矿用设备有限公司二期扩能隔爆型阀门电动装置及控制系统、顺发米业等项目投产运行;华润天然气入户工'
    '程点火启用,路灯亮化工程接火运行,CNG汽车加气站项目投入使用。投资'
)


def test_a_park_page_goes_on_without_a_subject_and_within_the_zone():
    """A page on one park (山东鱼台经济开发区创建于…。形成机械制造…四大主导产业体系。…区内已形成…现代物流…): the park
    hosts what it names, read by the model as a build reads it."""
    from govkg.text.document import make_document
    from govkg.text.script import ScriptFolder

    doc = make_document(_PARK_PAGE, path="yutai.txt", doc_id="yutai", folder=ScriptFolder())
    facts = extract(doc, sentences_of(doc), Resources())
    label = {ref: info.label for ref, info in facts.entities.items()}
    hosted = {label[r.object] for r in facts.relations if r.predicate == "hosts" and "鱼台经济开发区" in label[r.subject]}
    assert {"机械制造", "现代物流"} <= hosted
