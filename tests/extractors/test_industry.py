import pytest

from govkg.extractors import extract
from govkg.extractors.industry import extract_industries, industry_key
from govkg.model import EntityRef, Mention


def labels(ctx):
    return {m.label for m in extract_industries(ctx)}


def names(ctx):
    """Every name of every mention (label and aliases)."""
    return {n for m in extract_industries(ctx) for n in (m.label, *m.aliases)}


# rule 1: names ending in 产业 / 行业
@pytest.mark.parametrize("sentence, expected", [
    ("力争钒钛产业产值突破120亿元。", {"钒钛产业"}),
    # a count of parts inside a thing's name is no count of industries (三大产业 is)
    ("壮大电动两轮车产业集群。", {"电动两轮车产业"}),
    # two sectors joined before one head, too long for one name
    ("发展现代高效农业和文创旅游产业具有得天独厚的条件。", {"文创旅游产业", "现代高效农业"}),
    ("打造千亿级新型化工产业集群。", {"新型化工产业"}),
    ("持续抓牢氟化工及新能源材料主导产业。", {"新能源材料产业"}),
    ("壮大纺织产业，培育锂电产业。", {"纺织产业", "锂电产业"}),
    ("推动锂电产业集群化发展。", {"锂电产业"}),
    ("加快推动装配式建筑产业发展。", {"装配式建筑产业"}),
    ("延伸了传统煤焦产业链。", {"传统煤焦产业"}),
    ("引导起重机械行业规范提升。", {"起重机械行业"}),
    ("大力发展钢铁和汽车产业。", {"汽车产业", "钢铁"}),
    ("在农产品深加工和机械加工产业引进上有了新突破。", {"农产品深加工", "机械加工产业"}),  # a sector activity in it
    ("优化现代服务业产业结构。", {"现代服务业"}),
    ("再度入围中国康养产业百强县。", {"康养产业"}),
    ("加快发展绿色有机高端食品产业。", {"绿色有机高端食品产业"}),
])
def test_headed_industries(make_context, sentence, expected):
    assert expected <= labels(make_context(sentence))


@pytest.mark.parametrize("sentence", [
    "做优主导产业。",
    "培育新兴产业和支柱产业。",
    "建设沿滩高新技术产业园区。",
    "推动产业转移和产业升级。",
    "三次产业梯次推进。",
    "构建现代产业体系，承接东部产业转移，优化产业结构。",
    "紧紧扭住产业和就业两个重点。",
    "以人口兴产业，激活产业动能，提高产业市场竞争力。",
    "积极培育3个先导性支撑产业。",
    "培育2个成长型产业。",
    "面对部分行业产能过剩，力争在新一轮产业升级中抢得先机。",
    "健全区域间产业协作机制。",
    "发展“旅游+产业”。",
    "推进农业产业化经营。",
    "加快衔接资金产业类项目建设。",
    # a category of industries (…型) and a rank of the world's (世界级, 一流)
    "因地制宜布局劳动密集型产业，支持多渠道灵活就业。",
    "逐步构建节能环保型产业体系。",
    "联手打造4个世界级产业集群。",
    # verbs and positions the tagger calls nouns (压实, 聚力, 高地)
    "压实产业链链长责任，聚力产业升级。",
    "打造京津产业转移的承接地，深化湘赣产业合作。",  # provinces by their one-character names
    "建立招商产业、项目清单，推动深加工产业发展。",  # a government's task; a process of no sector
    "集中开工项目31个，涉及产业、基础设施、社会发展等多个领域。",  # fields of government work
    "强化与华为、腾讯、华大基因等数字经济、生物经济领军企业深度合作。",  # companies of those sectors
    "聚焦项目园区、改革创新、品质生活、绿色发展四大主攻方向。",  # lines of work, not sectors
    "工业经济产业集中度不高。",
    "村里种植玫瑰香、巨峰等葡萄品种。",  # varieties of one crop, not sectors
    # what is inspected in a key trade, tasks, belts named by their places (a rank only before a chain or cluster)
    "突出抓好校车、消防、危爆物品等重点行业领域安全整治。",
    "确定实施城市化战略、强力推进四项重点经济工作。",
    "支持郑开、郑新、郑焦等重点产业带建设。",
    "农作物种植面积稳定在100万亩。",  # a kind of crop
])
def test_generic_or_verbal_industries_rejected(make_context, sentence):
    assert labels(make_context(sentence)) == set()


# rule 2: lists closed by 等 or a count and an industry word
@pytest.mark.parametrize("sentence, expected", [
    ("大力发展智能家电、装备制造、绿色建材等支柱产业。", {"智能家电", "装备制造", "绿色建材"}),
    ("大豆、高粱、花椒、柑橘、生猪等产业集聚发展。", {"大豆", "高粱", "花椒", "柑橘", "生猪"}),
    ("围绕预制菜、肉制品等产业主攻方向，建设食品产业园。", {"预制菜", "肉制品"}),
    ("完善沉浸式演艺、露营体验等旅游产业。", {"沉浸式演艺", "露营体验"}),  # a suffix makes 沉浸 a modifier
    ("当阳市还将锁定光伏、锂电、煤化、磷化四大主攻方向。", {"光伏", "锂电", "煤化", "磷化"}),  # sectors as lines of attack
    ("华蓥市在电子信息产业集聚上下大力气。", {"电子信息产业"}),  # clustering, not a cluster zone
    ("全力打造新型矿业、钒钛深加工、新材料3个百亿级产业集群。", {"新型矿业", "钒钛深加工", "新材料"}),
    ("提升发展机械装备制造、特色建材2大基础特色产业。", {"机械装备制造", "特色建材"}),
    ("推动有色金属和起重机械等传统行业转型升级。", {"有色金属", "起重机械"}),
    ("重点培育“粮、菜、果、畜、烟、花”6大特色产业。", {"粮", "菜", "果", "畜", "烟", "花"}),
    ("积极培育“现代种业、现代装备、冷链物流”3个先导性支撑产业。", {"现代种业", "现代装备", "冷链物流"}),
    ("大力发展仓储分拣、冷链物流等现代物流产业。", {"仓储分拣", "冷链物流"}),
    ("加快发展草莓种植、电子线束等劳动密集型产业。", {"草莓种植", "电子线束"}),
    ("加快培育文化创意、文旅商贸、生产性服务业等业态。", {"文化创意", "文旅商贸", "生产性服务业"}),
    ("做大做强新能源、智能网联汽车、医药和医疗器械等新兴产业。", {"新能源", "智能网联汽车", "医药", "医疗器械"}),
    ("培育发展线上演播、沉浸式体验等文化新业态。", {"线上演播", "沉浸式体验"}),
    # news of projects: the sectors they span
    ("14个招商引资项目涵盖鞋业、尾毛化妆刷、食品、羊毛衫纺织、新能源等多个领域。", {"鞋业", "食品", "新能源"}),
    ("集中开工建设四项目，涵盖先进制造业、环保材料、装备制造、现代农业等领域。", {"环保材料", "装备制造", "现代农业"}),
    ("该县在谈新能源项目12个，计划总投资74.8亿元，涵盖氢能制造、钙钛矿光伏电池、储能设备等领域。",
     {"氢能制造", "钙钛矿光伏电池", "储能设备"}),
    ("签约项目涵盖铝深加工、环保纸制品、电子信息、先进装备制造等多个重点产业。", {"铝深加工", "电子信息", "先进装备制造"}),
    # crops counted as the main kinds a place grows
    ("定西主要栽种当归、党参、黄芪、黄芩、柴胡六大品种。", {"党参", "黄芪", "黄芩", "柴胡"}),
    # 处理 is an activity of a sector (水处理, 污水处理)
    ("主攻环保领域内的烟气治理、水处理、固废综合利用和新型材料四大产业。", {"水处理", "固废综合利用", "新型材料"}),
    # the sectors of the companies a park hosts, of the projects a county courts, of the projects counted
    ("目前已入驻纺纱、织造、家纺、服装等各类企业20多家。", {"纺纱", "织造", "家纺", "服装"}),
    ("着力引进生物技术、医药研发等项目。", {"生物技术", "医药研发"}),
    ("其中，电子信息项目34个，装备制造项目63个，食品饮料项目39个。", {"电子信息", "装备制造", "食品饮料"}),
    # what a company does, what projects span
    ("该公司主要从事新能源、新材料等领域的研发。", {"新能源", "新材料"}),
    # the parts belong to the sector before them
    ("推动汽车及零部件产业延链、补链、强链。", {"汽车及零部件产业"}),
    # the leaders of sectors listed by their sectors
    ("培育钢铁、化工、建材等行业龙头。", {"钢铁", "化工", "建材"}),
    # crops listed before a farming activity
    ("该镇先后发展了辣椒、毛豆、皂角、烤烟等规模种植。", {"辣椒", "毛豆", "皂角", "烤烟"}),
    # a size class between the count and the head
    ("加快培育马铃薯、中药材和肉牛3个50亿级产业集群。", {"马铃薯", "中药材", "肉牛"}),
    # a noun's activity ends a list item (显示, 出版 are verbs to jieba)
    ("壮大锂电池、光伏组件、光电显示三大产业链。", {"光电显示"}),
    # a count after 等
    ("该县确定硅砂新材料、装配式建筑、新能源装备、现代文旅、绿色食品、港航物流等6条产业链。",
     {"硅砂新材料", "装配式建筑", "新能源装备", "现代文旅", "绿色食品", "港航物流"}),
    # sectors counted by their projects (…项目2项); a list of sectors that the sentence before speaks of as projects
    ("在7个项目中，信息技术项目2项，物流商贸项目2项，先进制造项目1项。", {"信息技术", "物流商贸", "先进制造"}),
    ("本次开工25个重点项目，总投资94亿元。涉及新能源、装备制造、城市建设、社会事业等多个领域。", {"新能源", "装备制造"}),
    # a list of sectors of an innovation cluster, a chain of ranked sectors, sizes in
    # front of sectors (百亿|玻纤), an engineering sector
    ("高端装备制造、新一代信息技术、现代服务业三大产业创新集群招商中心揭牌。", {"高端装备制造", "新一代信息技术"}),
    ("着力打造水产品精深加工、新能源新材料、海洋工程装备等6条县域重点产业链。", {"水产品精深加工", "海洋工程装备"}),
    ("大力培育千亿页岩气、千亿钒钛新材料、百亿氢能、百亿玻纤等七大产业集群。", {"页岩气", "钒钛新材料", "氢能", "玻纤"}),
    ("签约项目涉及智能制造、新一代信息技术等园区重点培育的产业集群。", {"智能制造", "新一代信息技术"}),
    # a crop named before its farming and its size (industry.grown)
    ("全县枸杞种植面积2500余亩。", {"枸杞"}),
    ("引领沙田柚种植向规模化、标准化发展。", {"沙田柚"}),
    # farm products of the vocabulary (粮食, 药材, 烤烟)
    ("巩固提升粮食、烤烟、畜牧、蔬菜、药材、林果优势特色产业。", {"粮食", "烤烟", "药材"}),
    # what the list's own clause says of its items (等当前推动的…, 等前瞻布局的…)
    ("第二个“3”代表宠物用品、合成生物技术、文化出海等前瞻布局的产业。", {"宠物用品", "合成生物技术", "文化出海"}),
    ("第一个“3”代表食品精深加工、医药大健康等当前推动的三大重点产业。", {"食品精深加工", "医药大健康"}),
])
def test_listed_industries(make_context, sentence, expected):
    assert expected <= labels(make_context(sentence))


@pytest.mark.parametrize("sentence", [
    "民生实事涵盖就业、教育、医疗、养老、育幼、安居、出行等领域。",
    "实施10大类60项民生实事项目，涵盖就业、创业、教育、医疗、养老、托幼等领域。",
])
def test_a_list_of_public_services_is_no_list_of_sectors(make_context, sentence):
    assert not labels(make_context(sentence))


@pytest.mark.parametrize("sentence, rejected", [
    ("支持新白马矿业、安宁股份、白马球团等骨干企业提升行业竞争力。", {"新白马矿业", "白马球团"}),
    ("加强非煤矿山、危险化学品、建筑施工等重点行业领域安全监管。", {"非煤矿山", "危险化学品", "建筑施工"}),
    ("加快建设智能训练场、生态适配中心等产业创新平台。", {"智能训练场"}),
    ("积极发展首店、首展、首秀等首发经济。", {"秀"}),
    ("深化与阿里巴巴、顺丰等企业的合作，推动阳光康养产业发展。", {"阿里巴巴", "顺丰"}),
    ("入选农业农村部30个帮扶产业典型案例。", {"农业农村部"}),
    ("市委提出打造全省新兴增长极、建设战略性新兴产业集聚区。", {"新兴增长极"}),
    # counted lists of zones and of companies' models
    ("重点培育曹妃甸循环经济示范区、邯郸冀南装备新城等100个产业聚集区。", {"冀南装备新城", "邯郸冀南装备新城"}),
    ("浪潮海若、卡奥斯天智、潍柴齐天等148个行业大模型规模化应用。", {"浪潮海若", "卡奥斯天智", "潍柴齐天"}),
    # what fields develop into is no clause of the list's (…等领域发展的综合经济形态)
    ("带动低空基础设施、低空飞行器制造和低空运营服务等领域发展的综合经济形态。", {"低空基础设施"}),
    ("推进弘润石化转型升级。", {"弘润石化"}),  # a company
    # what farming needs, a Taiwan preposition, the time of a figure
    ("随后制定了详尽的养殖技术规范。", {"技术规范"}),
    ("此外透過產、學、研共同投入，藉由產業群聚效應，帶來爆發性成長。", {"藉由产业"}),
    ("上半年椰子加工产业产值7.19亿元。", {"上半年椰子加工产业"}),
    # the complement of a verb; what a base is to become
    ("打好汽车产业转型攻坚战，打好产业基础高级化的攻坚战。", {"好汽车产业", "产业基础高级化"}),
    # the rank a cluster is meant to reach is no part of its sector's name
    ("加快建设世界级先进光伏和新型储能产业集群。", {"世界级先进光伏"}),
    ("聚力氢能全产业链攻坚，提升贫困人口产业覆盖率。", {"聚力氢能产业", "贫困人口产业"}),  # a verb; a share of people
    # a region of several provinces, an era, a word cut apart, a university
    ("成立长三角先进制造业集群联盟，抢抓后疫情时代产业链重构，围绕“科技引导型先进制造业基地”发展定位，"
     "培育华北电力大学新能源与电力装备。", {"长三角先进制造业", "后疫情时代产业", "型先进制造业", "华北电力大学新能源"}),
    ("努力实现落地一个企业、形成一个链条、壮大一个产业。", {"形成一个链条"}),  # counted things, not sectors
    ("真正实现“引进一个院士、带来一个团队、带动一个产业”的发展模式。", {"带来一个团队"}),
])
def test_list_near_misses_rejected(make_context, sentence, rejected):
    assert not (rejected & labels(make_context(sentence)))


# rule 3: sector terms the clause develops, coordinates or heads
@pytest.mark.parametrize("sentence, expected", [
    ("大力发展现代物流业。", {"现代物流", "现代物流业"}),
    ("台南在半导体领域表现亮眼。", {"半导体"}),  # the field a place does well in
    ("巩固其在全球高科技产业的重要地位。", {"高科技"}),  # the world's industry: 全球 is no part of it
    ("加快打造世界一流鲜切花产业。", {"鲜切花"}),  # nor is a rank after it
    ("依托竹木资源和产业基础，做强竹木加工全链条产业。", {"竹木加工"}),  # the whole chain of a sector
    ("依托合作社经营，全乡山药种植面积稳定在2000亩。", {"山药"}),  # the whole township's crop
    ("优先发展现代旅游业。", {"现代旅游业"}),
    # what the sector is to do or be (推动|林果业提质增效, 以畜牧业为基础)
    ("推动林果业提质增效，标准化率达88%。", {"林果"}),
    ("初步形成了以畜牧业为基础的产业体系。", {"畜牧业"}),
    ("大力发展现代农业。", {"现代农业"}),
    ("持续抓牢氟化工及新能源材料主导产业。", {"氟化工"}),
    ("打造高端新材料和汽车零部件基地。", {"汽车零部件", "高端新材料"}),
    ("带动生产性服务业、生活性服务业全面发展。", {"生产性服务业", "生活性服务业"}),
    ("持续做大建筑业总部经济。", {"建筑业总部经济"}),
    ("因地制宜发展林下经济。", {"林下经济"}),
    ("加快培育发展跨境电商。", {"跨境电商"}),
    ("以新乐配送、捷安物流等企业为龙头的现代服务业。", {"现代服务业"}),  # what companies lead is a sector
])
def test_term_industries(make_context, sentence, expected):
    assert expected <= names(make_context(sentence))


@pytest.mark.parametrize("sentence, rejected", [
    ("加快推动钒氮合金、新能源储能材料项目落地。", {"储能", "新能源"}),
    ("支持九星钒钛、劲丰钒钛等优质中小企业发展壮大。", {"九星钒钛", "劲丰钒钛", "钒钛"}),
    ("推动易品食品等9户企业投产达产。", {"易品食品", "食品"}),
    ("入选全省现代烟草农业发展成效突出县。", {"现代烟草"}),
    ("推动招标投标市场规范健康发展。", {"招标投标市场规范健康"}),
    ("金融风险总体可控，通信基站建设加快。", {"金融", "通信"}),
    ("抢抓四川省文化和旅游发展大会举办机遇。", {"旅游", "文化"}),
    ("繁荣发展文化事业和文化产业。", {"文化事业"}),
])
def test_term_near_misses_rejected(make_context, sentence, rejected):
    assert not (rejected & labels(make_context(sentence)))


@pytest.mark.parametrize("sentence, rejected", [
    ("以项目建设为重点，以改革创新为动力，以发展民营经济为主攻方向。", {"项目建设", "发展民营经济", "民营经济"}),
    ("引进3家龙头企业，培育2家规上企业。", {"龙头", "规上"}),
    ("以科技创新为引领，以先进制造业为骨干。", {"以先进制造业", "科技创新"}),
    ("以政府投资和社会资本为主的投资格局，推进光机电一体化产业。", {"政府投资", "社会资本", "一体化"}),
    ("在转型升级中将无人机产业做大做强。", {"中将无人机"}),
])
def test_structure_and_count_near_misses_rejected(make_context, sentence, rejected):
    assert not rejected & labels(make_context(sentence))


def test_a_belt_named_by_its_product_names_the_industry_a_longer_one_does_not(make_context):
    from govkg.extractors.park import extract_parks
    ctx = make_context("在松山、容西发展苗木盆景产业带，在黎村形成淮山产业带，推动环京津高新技术产业带建设。")
    ctx.mentions.extend(m for m in extract_parks(ctx) if isinstance(m, Mention))
    assert {m.label for m in ctx.mentions if m.type == "Park"} >= {"苗木盆景产业带", "环京津高新技术产业带"}
    found = labels(ctx)
    assert {"苗木盆景产业", "淮山产业"} <= found
    assert not [label for label in found if "高新技术" in label]


def test_industry_inside_an_enterprise_name_is_not_taken(make_context):
    sentence = "成功引入四川现代种业集团等龙头企业。"
    ctx = make_context(sentence)
    start = ctx.doc.text.index("四川现代种业集团")
    sent = ctx.sentence_at(start)
    ctx.mentions.append(Mention(EntityRef("Enterprise", "四川现代种业集团"), "四川现代种业集团",
                                start, start + 8, sent.index, "test"))
    assert "现代种业" not in labels(ctx)


def test_a_word_ending_in_chan_is_read_as_written(make_context):
    aliases = {a for m in extract_industries(make_context("做大做强滨海特色产业体系。")) for a in m.aliases}
    assert "滨海产" not in aliases  # 滨海特色|产业 is no 滨海产|业


def test_jurisdiction_in_front_is_dropped(make_context):
    assert labels(make_context("该项目可完善辖区新能源产业链。")) == {"新能源产业"}


def test_region_in_front_is_dropped(make_context):
    ctx = make_context("建成投用阳光米易电商产业基地，壮大米易电商产业。")
    for i, sent in enumerate(ctx.sentences):
        for pos in (p for p in range(len(sent.text)) if sent.text.startswith("米易", p)):
            ctx.mentions.append(Mention(EntityRef("Region", "510421"), "米易县", sent.start + pos,
                                        sent.start + pos + 2, sent.index, "test"))
    assert "电商产业" in labels(ctx)
    assert not {"米易电商产业", "阳光米易电商产业"} & labels(ctx)


def _with_regions(ctx, names):
    """``ctx`` with a Region mention on every occurrence of each of ``names``."""
    for sent in ctx.sentences:
        for name in names:
            for pos in (p for p in range(len(sent.text)) if sent.text.startswith(name, p)):
                ctx.mentions.append(Mention(EntityRef("Region", name), name, sent.start + pos,
                                            sent.start + pos + len(name), sent.index, "test"))
    return ctx


@pytest.mark.parametrize("sentence, regions, kept, dropped", [
    # a list with two regions among its items lists places, not sectors
    ("加快石家庄、秦皇岛、衡水等康复辅助器具产业聚集区建设。", ["石家庄", "秦皇岛", "衡水"], set(),
     {"石家庄", "秦皇岛", "衡水"}),
    ("枣阳、枝江、汉川等经济强县实力持续提升。", ["枣阳", "枝江"], set(), {"枣阳", "枝江", "汉川"}),
    ("枣阳、枝江、汉川等经济强县实力持续提升。", [], set(), {"枣阳", "枝江", "汉川"}),
    ("寿光、兰陵等蔬菜产业大县。", [], set(), {"寿光", "兰陵"}),
    # near-misses: a region inside an item, outside the list, or one metal named like a region
    ("大力发展平邑金银花、茶叶等特色产业。", ["平邑"], {"金银花", "茶叶"}, {"平邑"}),
    ("米易大力发展智能家电、装备制造等支柱产业。", ["米易"], {"智能家电", "装备制造"}, {"米易"}),
    ("提升白银、镍铜钴及铂族等金属产业发展水平。", ["白银"], {"镍铜钴", "铂族"}, set()),
])
def test_list_of_places_is_not_a_list_of_industries(make_context, sentence, regions, kept, dropped):
    found = labels(_with_regions(make_context(sentence), regions))
    assert kept <= found
    assert not dropped & found


def test_mentions_carry_offsets_and_rule(make_context):
    ctx = make_context("壮大纺织产业。")
    (m,) = [m for m in extract_industries(ctx) if m.label == "纺织产业"]
    assert ctx.doc.text[m.start:m.end] == "纺织产业"
    assert m.rule == "industry.head" and m.aliases == ("纺织",)
    assert m.ref == EntityRef("Industry", "纺织")


def test_key_joins_with_and_without_suffix():
    assert industry_key("氟化工产业") == industry_key("氟化工") == "氟化工"
    assert industry_key("起重机械行业") == "起重机械"
    assert industry_key("产业") == "产业"


# emerging industries and farm products that a develop-verb governs, alone or in a 、-list (rule 5)
@pytest.mark.parametrize("sentence, expected", [
    ("该区聚焦人工智能、大模型、低空经济等新兴领域，加快培育新质生产力。", {"人工智能", "大模型", "低空经济"}),
    ("园区重点布局3D打印、工业互联网和数字经济，吸引企业入驻。", {"3D打印", "工业互联网", "数字经济"}),
    ("聚焦人工智能、具身智能、商业航天等前沿领域。", {"具身智能", "商业航天"}),
    ("积极发展5G、大数据、云计算等新一代信息技术。", {"5G", "大数据", "云计算"}),
    ("全县大力发展电商，带动农产品上行。", {"电商"}),
    ("该镇发展苹果种植，果农收入稳步增长。", {"苹果种植"}),
    ("大力发展肉牛养殖和中药材种植，带动群众增收。", {"肉牛养殖", "中药材种植"}),
    ("村里发展食用菌、中药材等特色种植，群众增收明显。", {"食用菌", "中药材"}),
    ("该县持续做强猕猴桃、茶叶两大主导产业。", {"猕猴桃", "茶叶"}),
    ("近年来，县里积极培育葡萄产业，种植面积突破两万亩。", {"葡萄产业"}),
    # a verb of seizing a market is no part of the name
    ("抢滩智能装备产业新赛道。", {"智能装备产业"}),
    # a list of what a park is mainly about, closed by 等, its items ending in a sector's activity
    ("积极打造以设施农业、高效制种、标准化养殖等为主的示范园区58个。", {"设施农业", "高效制种", "标准化养殖"}),
    # the verb's aspect particle is no part of the first item
    ("该乡先后培育了中药材、蔬菜、林业等专业合作社。", {"中药材", "蔬菜", "林业"}),
    # a list closed by a count, a scale class and 集群 alone
    ("以特钢、新材料、汽车零部件、中药制药及绿色食品四大百亿级集群为主。",
     {"特钢", "新材料", "汽车零部件", "中药制药", "绿色食品"}),
    # the sectors between a count of companies and its noun
    ("关停了星原、宏源等9家钢铁、焦化企业。", {"钢铁", "焦化"}),
    # the first item of a list whose next two are sectors
    ("襄汾县曾是山西省重要的焦化、冶金、建材基地。", {"焦化", "冶金", "建材"}),
    # jieba's three-character names filed as fixed phrases (无人机) are things, not verbs; 中将 is 中 and 将
    ("在转型升级中将无人机产业做大做强，发展无人机制造、飞机制造等产业。", {"无人机产业", "无人机制造", "飞机制造"}),
    # the mix a sector is made of (以…为主的…农业)
    ("以中药材、有机枸杞、同心圆枣、油用牡丹等为主的特色农业正撑起农民钱袋子。", {"中药材", "有机枸杞", "同心圆枣", "油用牡丹"}),
    # the sectors a structure is built of
    ("正在形成“以高端装备制造为核心,新能源装备、汽车装备、储能装备制造为链条”的产业集群。",
     {"高端装备制造", "新能源装备", "汽车装备", "储能装备制造"}),
])
def test_news_industries(make_context, sentence, expected):
    assert expected <= labels(make_context(sentence))


def test_the_short_form_of_a_region_of_the_page_in_front_is_no_part_of_the_name(make_context):
    from govkg.extractors import extract
    from govkg.text.document import sentences_of

    ctx = make_context("梁平区坚持创新驱动，推动梁平数字产业快速发展。")
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    industries = {m.label for m in facts.mentions if m.type == "Industry"}
    assert "数字产业" in industries and "梁平数字产业" not in industries


def test_crop_with_activity_keeps_the_crop_as_alias(make_context):
    [m] = [m for m in extract_industries(make_context("该镇发展苹果种植，果农增收。")) if m.label == "苹果种植"]
    assert m.aliases == ("苹果",)


@pytest.mark.parametrize("sentence", [
    "优化发展环境，吸引人工智能+应用落地。",
    "打造一流营商环境。",
    "加快发展教育、医疗、养老等社会事业。",
    "围绕群众关切，聚焦就业、教育、医疗等民生领域。",
    "培育家庭农场、农民合作社等新型经营主体。",
    "聚焦产业发展、城市更新和乡村振兴三大任务。",
    "积极推进人工智能+行动，赋能千行百业。",
    "推进苹果园标准化改造，更新老旧果园。",
    # a farm road, not a sector: 产业路 / 产业道路
    "全村硬化水泥产业道路3公里。",
    # a noun and a verb before 产业 that take it as their object are a clause, not a sector
    "坚持人才引领产业发展。",
    # places listed before a product and its farming
    "重点扶持臧村、闫庄、望亭等奶牛养殖。",
    # companies listed as a sector's leaders
    "基金小镇已集聚华泰证券、南华期货、德邦基金等行业龙头。",
])
def test_news_industry_near_misses_rejected(make_context, sentence):
    assert labels(make_context(sentence)) == set()


def test_developed_list_after_two_verbs_drops_the_second_verb(make_context):
    found = labels(make_context("聚焦打造具身智能、商业航天、海洋牧场。"))
    assert {"具身智能", "商业航天"} <= found and not any(f.startswith("打造") for f in found)


def test_a_word_ending_in_chan_keeps_it(make_context):
    """房地产|业, 特色水产|业: the 产 is the word's, so the key and the alias keep it (not 房地, 特色水); 农畜|产业
    stays as it is."""
    found = {m.label: m for m in extract_industries(make_context("加快发展特色水产业，做强房地产业，壮大绿色有机农畜产业。"))}
    assert found["特色水产业"].ref.key == "特色水产" and "特色水" not in found["特色水产业"].aliases
    assert found["房地产业"].ref.key == "房地产"
    assert found["绿色有机农畜产业"].ref.key == "绿色有机农畜"


def test_the_noun_closing_a_list_is_no_part_of_a_name(make_context):
    """"金融、电信等领域数字产业": 领域 closes the list before it; "6G等领域未来产业" leaves only a generic word."""
    ctx = make_context("在金融、电信等领域数字产业发展，制定6G等领域未来产业发展方案。")
    found = {m.label: ctx.doc.text[m.start:m.end] for m in extract_industries(ctx)}
    assert found.get("数字产业") == "数字产业"
    assert not any(label.startswith("领域") for label in found)


def test_a_noun_of_one_character_before_the_head_is_an_industry(make_context):
    """铝|产业, 羊|产业: a thing a sector makes or farms; not a word of degree, count or reference (大|产业, 三|产业),
    nor 指 (refers to) of a glossary, nor a character that ends the word before it."""
    found = labels(make_context("大力实施铝产业转型。毛井镇是养羊大镇，羊产业成为增收的主导产业。"))
    assert {"铝产业", "羊产业"} <= found
    found = labels(make_context("推进产业转型，做大产业规模，发展三产业和全产业链。九大攻坚突破：指产业跨越发展。"
                                "加快推进两个转型：是指产业转型。"))
    assert not found & {"大产业", "三产业", "全产业", "指产业"}


def test_a_list_governed_inside_an_item_starts_after_its_verb(make_context):
    """各板块、各部门瞄准新能源汽车、…: the items before the verb are who aims, not what is aimed at."""
    found = labels(make_context("今年以来，各板块、各部门瞄准新能源汽车、移动智能终端等三大新兴产业，实施精准招商。"))
    assert "新能源汽车" in found and not any("瞄准" in f or "部门" in f for f in found)


def test_a_list_run_into_the_park_before_it_starts_after_the_park(make_context):
    from govkg.extractors.park import extract_parks
    from govkg.extractors.region import extract_regions

    ctx = make_context("苏州高新区高端装备制造、新一代信息技术、现代服务业三大产业创新集群招商中心揭牌。")
    for extractor in (extract_regions, extract_parks):
        ctx.mentions.extend(x for x in extractor(ctx) if isinstance(x, Mention))
    assert {"高端装备制造", "新一代信息技术", "现代服务业"} <= labels(ctx)


def test_a_rank_before_the_closing_industry_word_lists_sectors(make_context):
    """荔浦芋、马蹄等重点产业: the items are sectors; not those of 等重点产业带 (belts of places)."""
    found = labels(make_context("辐射带动荔浦芋、马蹄等重点产业扩面提质增效。支持郑开、郑新、郑焦等重点产业带建设。"))
    assert {"荔浦芋", "马蹄"} <= found and not found & {"郑开", "郑新", "郑焦"}


def test_the_word_after_a_lists_count_is_no_industry_of_its_own(make_context):
    """轨道交通、通用航空、新能源汽车三大动力产业: 动力 is what the sectors are to the city; 以 opens the list."""
    found = labels(make_context("目前，株洲市正以轨道交通、通用航空、新能源汽车三大动力产业为核心。"))
    assert {"轨道交通", "通用航空", "新能源汽车"} <= found and not any("动力" in f for f in found)


def test_the_whole_place_before_a_crop_is_no_part_of_it(make_context):
    assert "稻虾" in labels(make_context("截至2021年开春，全镇稻虾养殖规模已突破3万亩。"))


def test_a_compound_noun_of_the_dictionary_joined_to_a_sector_is_one(make_context):
    """高端科学仪器装备和传感器产业: 科学仪器 is a rare word of the dictionary, no company's short name."""
    assert {"高端科学仪器装备", "传感器产业"} <= labels(make_context("“1”即打造高端科学仪器装备和传感器产业高地。"))


def test_a_four_character_idiom_of_the_dictionary_ending_in_a_common_noun_is_a_thing(make_context):
    """生命科学, which jieba files with idioms: a sector, not a phrase to trim; not 流光溢彩 (溢彩 is rare)."""
    assert {"新能源新材料", "生命科学"} <= labels(make_context("“2”即培育新能源新材料和生命科学2个支柱产业。"))


def test_a_list_of_sector_terms_closed_by_a_field_names_sectors_whatever_follows(make_context):
    """生物医药、新能源等战略性新兴产业项目, 注重生物医药、新材料、大健康等研发领域: every item is a sector term."""
    found = labels(make_context("本次集中开工的项目也有生物医药、新能源等战略性新兴产业项目。"
                                "该项目将注重生物医药、新材料、大健康等研发领域。"))
    assert {"生物医药", "新能源", "新材料", "大健康"} <= found


def test_a_list_closed_by_a_field_whose_items_are_not_all_sector_terms_names_no_sector(make_context):
    assert not labels(make_context("依法处置宏达、兴业等领域的风险企业。")) & {"宏达", "兴业"}


def test_a_crop_farmed_to_a_size_is_an_industry(make_context):
    """种植烤烟保持8万亩, 发展中药材1.8万亩: the farming, the crop, then how much of it; not 种植总面积."""
    found = labels(make_context("全县每年种植烤烟保持8万亩，种植蔬菜15万余亩，发展中药材1.8万亩，种植总面积达到30万亩。"
                                "全镇已经种植油茶500多亩。"))
    assert {"烤烟", "蔬菜", "中药材", "油茶"} <= found and "总面积" not in found


def test_a_list_counted_as_parks_or_places_before_an_industry_word_names_no_sector(make_context):
    """大埔美一期、二期与马稠后三大工业区及其他嘉义县产业: the three are parks; 新加坡、香港等地区专业服务业: places;
    not 晾马台箱包、八于毛绒玩具等区域特色产业."""
    found = labels(make_context("并强调大埔美一期、二期与马稠后三大工业区及其他嘉义县产业未来将进入新阶段。"
                                "开展新加坡、香港等地区专业服务业招商行动。以晾马台箱包、八于毛绒玩具等区域特色产业为重点。"))
    assert not found & {"二期", "马稠后", "新加坡", "香港"} and "八于毛绒玩具" in found


def test_a_word_of_forecast_opens_no_name(make_context):
    found = labels(make_context("屏东科学园区明年预估台积电产业链进驻。"))
    assert found and not any(f.startswith("预估") for f in found)


def test_sectors_listed_before_their_projects_are_industries(make_context):
    """新材料、新能源、旅游业、农牧业项目: sectors of projects, half of them at least terms and all ending like one."""
    assert {"新材料", "新能源", "旅游业", "农牧业"} <= labels(make_context("新材料、新能源、旅游业、农牧业项目拉动投资份额达到75%。"))
    assert not labels(make_context("道路、桥梁项目加快推进。"))


def test_what_a_place_builds_on_opens_no_name(make_context):
    """东海立足|硅产业: one character before 产业 is a thing made, once 立足 is cut off."""
    assert {"硅产业", "水晶产业"} <= names(make_context("东海立足硅产业、水晶产业、现代农业等本土特色产业，坚持创新引领。"))


def test_verbs_of_building_levels_of_importance_and_events_make_no_sector(make_context):
    found = labels(make_context("促进国有资本更多投向重要行业和关键领域。在加快项目建设、构筑现代化产业体系上求突破。"
                                "精准绘制产业图谱。年内举办京津冀装配式建筑产业发展论坛。发展装配式建筑产业。"))
    assert found == {"装配式建筑产业"} or found == {"装配式建筑"}


def test_what_safety_inspections_cover_is_no_sector(make_context):
    """煤矿、尾矿库、油气管网等高危重点行业: sites and facilities a safety campaign inspects."""
    assert not labels(make_context("加强安全生产监管，煤矿、非煤矿山、尾矿库、油气管网等高危重点行业专项整治成效明显。"))
    assert {"生物医药", "新能源"} <= labels(make_context("培育生物医药、新能源等战略性新兴产业。"))


def test_kinds_that_regulation_names_are_no_sectors(make_context):
    """重污染行业, 高耗能行业: what rules restrict, not what a place develops."""
    found = labels(make_context("推动重污染行业超低排放改造，严控高耗能、高排放行业新增产能，推进传统种养产业提质增效。"
                                "建设高素质产业工人队伍。重振新能源产业辉煌。"))
    assert not found & {"重污染", "高耗能", "高排放", "传统种养", "重污染行业", "高耗能行业", "高素质", "重振新能源"}


def test_crops_farmed_in_a_list_or_before_the_clause_ends_are_industries(make_context):
    """种植罗汉果等中药材, 种植生姜，…, 种植花卉1100万株、中药材5000亩: what is farmed; 各种政策 is no farming."""
    found = labels(make_context("引导村民种植罗汉果等中药材。基地农户种植生姜，每年增收。"
                                "改造温室大棚141个，种植花卉1100万株、中药材5000亩、食用菌110万棒。用好各种政策、多种模式。"))
    assert {"罗汉果", "生姜", "花卉", "中药材", "食用菌"} <= found
    assert not found & {"政策", "模式"}


def test_a_list_closed_by_a_count_of_clusters_names_industries(make_context):
    """集成电路、生物医药、智能网联汽车、软件信息服务业4大集群; 人工智能、智能终端两大集群."""
    found = labels(make_context("推动集成电路、生物医药、智能网联汽车、软件信息服务业4大集群迈上5000亿元规模，"
                                "人工智能、智能终端两大集群冲刺2000亿元规模。"))
    assert {"集成电路", "生物医药", "智能网联汽车", "软件信息服务业", "人工智能", "智能终端"} <= found


def test_a_word_cut_apart_or_a_place_within_a_sector_is_no_sector(make_context):
    """就业|性战略产业: 性 ends the word before it; 工业中|战略性新兴产业: within industry, the share of a sector."""
    found = labels(make_context("工业中战略性新兴产业占比30％以上。研究制定就业性战略产业发展规划。"))
    assert not {f for f in found if f.startswith("性") or f.endswith("业中")}


def test_what_projects_draw_on_is_no_sector_they_span(make_context):
    """项目覆盖金融、…、国资、人才等多个关键领域: capital and talent are what projects draw on, not sectors."""
    found = labels(make_context("700亿的项目覆盖金融、科技产业、商贸外资、文体旅游、国资、人才等多个关键领域。"))
    assert "文体旅游" in found and not found & {"商贸外资", "国资", "人才"}


def test_a_count_of_sectors_is_none_of_them(make_context):
    """10大硬核产业集群: the count's 大 opens no sector's name (大硬核); 大健康产业 is one."""
    found = labels(make_context("聚力打造10大硬核产业集群，打造十大硬核产业集群。发展大健康产业。"))
    assert "大健康产业" in found and not {f for f in found if "硬核" in f}


def test_how_an_industry_is_is_no_sector(make_context):
    """发展专业特色产业: specialised and distinctive say how, not which."""
    assert not labels(make_context("开发区致力于发展专业特色产业，延伸产业链条。"))


def test_sectors_that_speed_up_and_sectors_of_key_projects_or_makers_are_industries(make_context):
    """智慧农业、农产品电商加速发展: the sectors as the subject of their growth; 休闲旅游、…等4个重点项目: the projects'
    sectors; 火龙果、兰花、莲雾等种植示范基地 and 出栏生猪85万头: what is farmed."""
    found = labels(make_context("智慧农业、农产品电商加速发展。筹备了休闲旅游、食品加工、装备制造等4个重点项目。"
                                "园内已建有火龙果、兰花、莲雾等种植示范基地。全年出栏生猪85万头、存栏肉牛3万头。"))
    assert {"智慧农业", "农产品电商", "休闲旅游", "食品加工", "装备制造", "火龙果", "兰花", "莲雾", "生猪", "肉牛"} <= found
    assert not any(f.startswith(("建有", "存栏")) for f in found)


def test_the_first_and_leading_sectors_are_industries_and_reach_or_purpose_is_none(make_context):
    """以装备制造(模具)为首位产业,机械制造、…、矿产品精深加工为主导产业: the sectors that lead; 国际产业合作园, 海外产业,
    公益性产业领域 name where or for whom, and 开办 is what is done to 茶产业."""
    found = labels(make_context("形成以装备制造(模具)为首位产业,机械制造、绿色食品、矿产品精深加工为主导产业的格局。"
                                "建设国际产业合作园,拓展海外产业,布局公益性产业领域。共同开办茶产业培训班。"))
    assert {"装备制造", "矿产品精深加工"} <= found
    assert not found & {"国际", "海外", "公益性", "开办茶", "开办茶产业"}


def test_farm_products_ranked_first_in_their_city_are_industries(make_context):
    """生猪、魔芋、核桃、水产位居全市第一: the sectors that rank; 市场环境、创新环境…均居全国前列 ranks no sector."""
    found = labels(make_context("产业发展势头强劲,生猪、魔芋、核桃、水产位居全市第一。市场环境、创新环境、法治环境均居全国前列。"))
    assert {"生猪", "魔芋", "核桃", "水产"} <= found and not any("环境" in f for f in found)


def test_how_many_is_no_part_of_a_sectors_name(make_context):
    """打造一批|中药材、食用菌等…基地: 一批 counts the bases; 等一批特色优势产业 still closes a list of sectors."""
    found = labels(make_context("打造一批中药材、食用菌等特色农业生产基地。加快能源矿产、商贸物流等一批特色优势产业建设。"))
    assert {"中药材", "食用菌", "能源矿产", "商贸物流"} <= found and not any(f.startswith("一批") for f in found)


def test_the_end_of_a_list_before_and_is_no_item_of_the_next(make_context):
    """…煤炭等高耗能行业和制革、印染等高排放行业: 煤炭 closes the first list; 煤炭等高耗能 is no sector."""
    found = labels(make_context("积极推动电力、石化、钢铁、建材、煤炭等高耗能行业和制革、印染等高排放行业的技术改造。"))
    assert {"煤炭", "制革", "印染"} <= found and not any("等" in f for f in found)


def test_a_province_and_rank_words_name_no_sector(make_context):
    """北京高端|产业外迁基地 (a base for high-end industries leaving Beijing): 北京高端 is a place and a rank."""
    found = labels(make_context("推动新材料、工业电气、智能制造、绿色食品5大产业成链发展，北京高端产业外迁基地、航空航天等特色主题产业园"
                                "形成规模。"))
    assert "智能制造" in found and not any(f.startswith("北京") for f in found)


def test_a_sectors_name_inside_an_institutes_is_no_sector_developed(make_context):
    """武汉大学来凤产业研究院, 洛阳市高性能铝基材料产业研究院, 新疆航空产业(低空经济)研究院: institutes' names."""
    found = labels(make_context("武汉大学来凤产业研究院挂牌。加强洛阳市高性能铝基材料产业研究院建设。"
                                "成立新疆航空产业(低空经济)研究院。"))
    assert not found


def test_the_sector_that_closes_a_list_of_companies_is_an_industry(make_context):
    """华泰创新、信达期货上海分公司等金融服务业重点企业: the companies' sector; …等一批重点企业 names none."""
    found = labels(make_context("引进华泰创新、信达期货上海分公司等金融服务业重点企业。引进华泰创新、信达期货等一批重点企业。"))
    assert found == {"金融服务业"}


def test_an_industrial_space_is_no_sector_and_positioning_no_part_of_one(make_context):
    """官井头低成本产业|空间 (a block of factory space), 标准化产业载体; 定位|新一代信息技术产业: what it is aimed at."""
    found = labels(make_context("除官井头村低成本产业空间项目外，本次同步动工。项目定位新一代信息技术产业、高端智能装备制造、电子信息等"
                                "产业需求。建设标准化产业载体。"))
    assert "新一代信息技术产业" in found
    assert not any(f.startswith(("官井头", "定位", "标准化")) for f in found)


def test_a_list_of_what_people_buy_names_only_economies(make_context):
    """培育住宅、汽车、旅游等消费热点: what people buy, no sectors; 赛事经济、路衍经济等消费新增长点: named economies."""
    assert not labels(make_context("培育住宅、汽车、旅游、文化和社区服务等消费热点。"))
    assert labels(make_context("积极培育赛事经济、路衍经济、银发经济等消费新增长点。")) == {"赛事经济", "路衍经济", "银发经济"}


def test_a_verb_of_improving_is_no_part_of_a_sector(make_context):
    """提质|文旅产业: 提质 improves the sector, as 提高 does."""
    assert labels(make_context("推动文旅体融合发展。提质文旅产业。")) == {"文旅产业"}


def test_a_word_before_an_industry_is_read_before_the_words_jieba_joins_to_it(make_context):
    """节水产业 is 节水|产业 though jieba cuts 节|水产业; 特色水产业 stays 特色水产|业."""
    found = labels(make_context("积极发展节水产业，壮大特色水产业。"))
    assert {industry_key(label) for label in found} == {"节水", "特色水产"}



def test_a_rank_in_front_goes_whole_in_a_whole_document(make_context):
    """世界级 before a sector goes as a whole, not 世界 alone (which left 级优质白酒 once regions were read)."""
    ctx = make_context("推动川南经济区打造先进制造业基地，共建世界级优质白酒产业集群，与重庆协同。")
    facts = extract(ctx.doc, ctx.sentences, ctx.resources)
    found = {info.label for ref, info in facts.entities.items() if ref.type == "Industry"}
    assert "优质白酒" in found and "级优质白酒" not in found


def test_sectors_by_their_farming_capacity_and_leading_item(make_context):
    """种植甘蔗|面积近400亩, 青稞|种植大县, 清洁能源|总装机规模, 以农牧专用机械为主的…; indicators listed are none."""
    assert labels(make_context("红庄村通过订单模式种植甘蔗面积近400亩。")) == {"甘蔗"}
    assert labels(make_context("洛隆县是青稞种植大县。")) == {"青稞"}
    assert labels(make_context("清洁能源总装机规模突破180万千瓦。")) == {"清洁能源"}
    assert "农牧专用机械" in labels(make_context("目前，以农牧专用机械为主的装备制造产业链加快形成。"))
    assert not labels(make_context("地区生产总值、固定资产投资、规上工业增加值等经济指标位居全市前列。"))


def test_a_sector_grown_in_clusters_and_a_count_of_events(make_context):
    """天麻、茯苓等中药材|集聚式发展: a way of growing; 举办|百场|产业链…对接大会: a count of meetings, no sector."""
    assert "中药材" in labels(make_context("推动天麻、茯苓等中药材集聚式发展，奋力打造优质农林产品供应区。"))
    assert not labels(make_context("龙头企业突出辐射带动，举办百场产业链供应链对接大会，促进资源共享。"))

def test_parts_of_a_sector_named_economies_and_local_kinds(make_context):
    """…等细分领域: its items whole (触控显示 though the tagger reads verbs); a list of …经济 with one of the vocabulary
    (网红经济 beside 夜间经济); 乡土产业 and a list closed by 等产业巨头 name no sector."""
    found = labels(make_context("该县瞄准半导体照明、触控显示、数字视听、智能穿戴等细分领域招大引强。"))
    assert {"半导体照明", "触控显示", "数字视听", "智能穿戴"} <= found
    assert labels(make_context("夜间经济、网红经济蜚声全国。")) == {"夜间经济", "网红经济"}
    assert not labels(make_context("形成了一批特色鲜明的小宗类、多样化乡土产业。"))
    assert not labels(make_context("将对应配套京东方、华星光电等产业巨头，建成后填补空白。"))
    assert "电信业务" not in labels(make_context("在增值电信业务、生物技术等细分领域争取突破。"))  # 在 goes, 增值 stays


def test_a_ranking_and_a_chain_of_verbs_are_no_part_of_a_sector(make_context):
    """县域旅游|发展潜力百强县: a ranking's title; 做精做深|飞机维修: verbs (29th audit)."""
    assert not labels(make_context("成功入选中国县域旅游发展潜力百强县。"))
    assert labels(make_context("做精做深飞机维修、航空物流等产业。")) == {"飞机维修", "航空物流"}

def test_a_sector_with_its_kind_in_brackets(make_context):
    """中药材(菊花)产业实现综合产值…: the sector is 中药材."""
    found = labels(make_context("中药材(菊花)产业实现综合产值5.38亿元，水产品(泉水鱼)产业实现综合产值6.9亿元。"))
    assert {"中药材", "水产品"} <= found

def test_a_sector_whose_output_is_stated(make_context):
    """畜牧业|总产值达到28.6亿元: a sector term is an industry where its output or added value is given."""
    assert labels(make_context("畜牧业总产值达到28.6亿元，是2016年的1.2倍。")) == {"畜牧业"}


def test_a_zone_and_a_province_before_a_sector_go_in_any_order(make_context):
    """共谋|海南|自贸港|旅游业: a verb of planning together, the province and the free-trade port are no part of it."""
    ctx = make_context("海南省临高县召开论坛。共谋海南自贸港旅游业、现代服务业等领域产业合作。")
    facts = extract(ctx.doc, ctx.sentences, ctx.resources)
    found = {info.label for ref, info in facts.entities.items() if ref.type == "Industry"}
    assert {"旅游业", "现代服务业"} <= found and not any("自贸港" in f for f in found)


@pytest.mark.parametrize("sentence", ["全年规上战略性新兴产业产值增长12%。", "规上制造业增加值增长8%。",
                                      "一要创新驱动。二要开放带动。三要产业引领。"])
def test_a_statistical_class_or_a_speechs_ordinal_is_no_sector(make_context, sentence):
    """规上 (firms above the size line) classes a sector's firms; 三要 numbers a speech's points."""
    assert not names(make_context(sentence)) & {"规上", "规上制造业", "三要"}


def test_a_lists_first_item_starts_after_the_preposition_behind_the_verb(make_context):
    """产业发展规划为精细化工和化工新材料: 精细化工, not 规划为精细化工."""
    assert {"精细化工", "化工新材料"} <= names(make_context("产业发展规划为精细化工和化工新材料,重点围绕新能源汽车等产业做配套。"))


def test_a_prefix_that_opens_a_term_of_the_vocabulary_is_kept(make_context):
    """国际物流 is a sector of its own, not 物流 behind a rank word."""
    found = names(make_context("引进航空辅助、智慧车辆、国际物流、绿能、生物科技及云端产业等重点产业。"))
    assert "国际物流" in found and "物流" not in found


def test_the_sectors_of_bases_counted_in_quotes(make_context):
    """建设自治区清洁能源、农畜产品加工、林草业“三大产业基地”: three bases, one per sector; 自治区 is a scope."""
    assert {"清洁能源", "农畜产品加工", "林草业"} <= names(make_context("建设自治区清洁能源、农畜产品加工、林草业“三大产业基地”。"))


@pytest.mark.parametrize("sentence, wrong", [
    ("填补省内2个空白行业。", "空白"),  # a gap to fill
    ("建设国家骨干冷链物流基地。", "骨干冷链物流"),  # a rank of the designation
    ("做大做强做美文化旅游产业。", "美文化旅游"),  # the verb's complement
])
def test_a_gap_a_rank_or_a_verbs_complement_is_no_part_of_a_sector(make_context, sentence, wrong):
    assert wrong not in names(make_context(sentence))


def test_the_sector_of_companies_listed_before_it(make_context):
    """引进络鑫科技、华派光电、桢田科技等电子信息企业100多家: the companies' sector."""
    assert "电子信息" in names(make_context("该县集群引进络鑫科技、华派光电、桢田科技等电子信息企业100多家。"))


@pytest.mark.parametrize("sentence", ["积极培育壮大富民强县特色产业。", "发展工业强省产业。"])
def test_a_strategys_shape_before_a_sector_word_is_no_sector(make_context, sentence):
    """富民强县, 工业强省: what makes the place strong, a slogan's shape."""
    assert not {n for n in names(make_context(sentence)) if n.endswith(("强县", "强省"))}


def test_the_sectors_of_a_class_of_companies(make_context):
    """入驻电子信息、大数据、云计算类企业达到1200家: the sectors the companies are of."""
    assert {"电子信息", "大数据", "云计算"} <= names(make_context("八大产业园区入驻电子信息、大数据、云计算类企业达到1200家。"))


def test_the_whole_island_is_a_scope(make_context):
    """金门县…集结金门全岛特色产业: 全岛 is the island's scope, like 全县, no sector."""
    from govkg.text.document import sentences_of

    ctx = make_context("金门县推动产业发展。预计集结金门全岛特色产业进驻。")
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    assert EntityRef("Industry", "全岛") not in facts.entities


@pytest.mark.parametrize(("sentence", "expected", "absent"), [
    ("开展塑料制品等传统产业发展规划研究。", {"塑料制品"}, set()),  # one item closed by 等 and a kind of sectors
    ("辽东绿色经济区中药材等特色产业快速发展。", set(), {"辽东绿色经济区中药材"}),  # a zone's, not the zone
    ("加快焦化、冶炼、铸造产业一体循环。", {"焦化", "冶炼", "铸造"}, set()),  # items sharing the head
    ("推进城乡、区域、文化产业协调发展。", {"文化"}, {"城乡", "区域"}),  # no sector shares it
    ("以旺庄、天鹏等生铁铸造骨干企业为发力点。", {"生铁铸造"}, set()),  # the listed firms' activity
    ("链条延伸:引进玉米深加工企业,开发胚芽油。", {"玉米深加工"}, set()),  # the firms that process a product
    ("重点发展钢铁冶金、汽车及零部件、新材料、农产品深加工为主导产业。",  # closed by what they are, parts kept
     {"钢铁冶金", "汽车及零部件", "新材料", "农产品深加工"}, {"汽车"}),
])
def test_sectors_named_by_their_kind_their_firms_or_a_shared_head(make_context, sentence, expected, absent):
    found = names(make_context(sentence))
    assert expected <= found and not absent & found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("榆林镇林城村\n绿富同兴激活“林下经济”\n生态变现:依托千亩生态林。", {"林下经济"}, set()),  # a term alone in quotes
    ("设施农业:千栋日光温室联动物联网,实现番茄四季错峰上市。", {"设施农业"}, set()),  # the topic a line opens with
    ("生态变现:依托千亩生态林,发展林下菌菇、中药材种植,林间蜂箱密布。", {"中药材种植"}, set()),  # a term and its farming
    ("深入推进“互联网”行动计划,植入“智能制造”模式。", set(), {"互联网", "智能制造"}),  # a slogan's words
])
def test_a_sector_term_named_for_itself(make_context, text, expected, absent):
    found = names(make_context(text))
    assert expected <= found and not absent & found


def test_sectors_in_single_quotes_or_alone_before_their_kind(make_context):
    """‘先进制造、总部经济、文化旅游、现代服务’等产业领域 (a speaker's words, single quotes, commas too); …,乡村旅游等产业
    开发: one sector, and the kind."""
    found = names(make_context("围绕‘先进制造、总部经济、文化旅游’等产业领域,突出‘智能制造,新能源、新材料,大健康’等产业重点。"))
    assert {"先进制造", "智能制造", "大健康"} <= found
    assert "乡村旅游" in names(make_context("进行农产品种植、加工、包装、销售,乡村旅游等产业开发。"))


def test_inside_a_place_is_no_part_of_a_sector(make_context):
    """与安定镇内苹果、葡萄等7类农产品种植户: 苹果, not 内苹果."""
    from govkg.text.document import sentences_of

    ctx = make_context("子长市联村农业发展有限公司还与安定镇内苹果、葡萄等7类农产品种植户签订收购合同。")
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    found = {ref.key for ref in facts.entities if ref.type == "Industry"}
    assert "内苹果" not in found and "苹果" in found


def test_a_sector_taken_as_the_breakthrough(make_context):
    """以生物制药为突破口: the sector the place breaks through with."""
    assert "生物制药" in names(make_context("榆社县以生物制药为突破口,以山西广生胶囊为重点。"))


def test_a_sector_term_to_be_raised(make_context):
    """深入推进现代种业提升，: the sector; 包装提升城区出入口 (dressing up the town's entrances): a verb, no sector."""
    assert "现代种业" in names(make_context("深入推进现代种业提升,以国家级制种大县带动。"))
    assert "包装" not in names(make_context("开展标志提升行动，包装提升城区出入口4个。"))
