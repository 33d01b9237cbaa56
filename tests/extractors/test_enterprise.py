import pytest

from govkg.extractors import extract
from govkg.extractors.enterprise import _not_tail, extract_enterprises, is_brand_name
from govkg.extractors.park import extract_parks
from govkg.extractors.region import extract_regions
from govkg.model import EntityRef
from govkg.text.document import sentences_of


def found(ctx):
    """Enterprise mentions after the earlier extractors (regions, parks) have run, label -> rule."""
    for extractor in (extract_regions, extract_parks):
        ctx.mentions.extend(x for x in extractor(ctx) if hasattr(x, "ref"))
    return {m.label: m.rule for m in extract_enterprises(ctx)}


def labels(ctx):
    return set(found(ctx))


@pytest.mark.parametrize("sentence, expected", [
    # enterprise.list
    # a group's registered name with a kind of business before it (…开发集团有限公司)
    ("新疆创兴农产品开发集团有限公司参展。", {"新疆创兴农产品开发集团有限公司"}),
    ("江苏国泰、中化蓝天等头部企业纷至沓来。", {"江苏国泰", "中化蓝天"}),
    # a rank glued before a company's province, or an approving verb, is no part of its name
    ("荣昌首家上市公司、第一纳税大户重庆华森制药有限公司由游洪涛投资创办。", {"重庆华森制药有限公司"}),
    ("同意彝良正山旅游开发有限公司开发景区。", {"彝良正山旅游开发有限公司"}),
    ("拓宽国有资产融资渠道，激活黄金台公司投融资平台功能。", {"黄金台公司"}),
    ("西王村股份经济合作社带动村民增收。", {"西王村股份经济合作社"}),  # a village's economic cooperative
    ("成功引入四川现代种业集团、华智生物等龙头企业。", {"四川现代种业集团", "华智生物"}),
    ("推动易品食品等9户企业投产达产。", {"易品食品"}),
    ("支持卓雅、博洋等7家企业进行技改。", {"卓雅", "博洋"}),
    # a count after 共 closes the list; what kind of brand the first item is opens no name
    ("上海曼雅电器、湖北鑫资铜业、深圳瑞科光通信共6个重点企业项目进行了集中签约。",
     {"上海曼雅电器", "湖北鑫资铜业", "深圳瑞科光通信"}),
    ("拥有世界知名品牌科勒卫浴、惠达卫浴等300余家企业。", {"科勒卫浴", "惠达卫浴"}),
    # a place and a trade (河西|制药, 祁连山|水泥) is how a company is called, though both are common words
    ("以河西制药、大弓农化、广泰药业等企业为龙头。", {"河西制药", "大弓农化", "广泰药业"}),
    ("以祁连山水泥、巨龙铁合金等企业为龙头。", {"祁连山水泥", "巨龙铁合金"}),
    # among brands, names made of common words are brands too; a ring road or school is named by its word
    ("丽珠制药、丰华生物、滨泽新能源、神州轮胎、蓝天农业、新龙蓝天等一批优质企业落户。", {"蓝天农业", "神州轮胎"}),
    ("吉元冶金、大地循环、贝利特化学、晟晏实业、滨河碳化硅等龙头企业。", {"大地循环", "贝利特化学"}),
    # the sectors of the companies after 等 (their list is no list of industries)
    ("强化与腾讯、华大基因、北科生物等数字经济、生物经济领军企业深度合作。", {"腾讯", "华大基因", "北科生物"}),
    # brands a title for companies is given to
    ("晋钢智造科技产业园建成运营，晋能华昱、晋钢智造获批省级智能制造试点企业。", {"晋能华昱", "晋钢智造"}),
    ("贵钢集团连续6年入围中国制造业企业500强，爱玛车业入选广西第二批工业龙头企业。", {"爱玛车业"}),
    # the brand a sector is led by
    ("已形成以益大新材料为龙头的针状焦产业集群。", {"益大新材料"}),
    # 发展 ends a name walking left, but before a head it is part of it
    ("西藏天地绿色饮品发展有限公司、西藏娃哈哈食品有限公司两家企业实现工业产值。", {"西藏天地绿色饮品发展有限公司"}),
    ("福绵区与广西威壮投资集团签约，组建恒达建设投资有限公司。", {"广西威壮投资集团", "恒达建设投资有限公司"}),
    ("借势博世、奥托立夫等企业，争取新项目落地。", {"博世", "奥托立夫"}),
    # a list's last brand that makes a word with 等 (方特等); a trade and its suppliers; the world's big makers
    ("中铁、中粮、华润、华强方特等一批知名企业落地宜良。", {"华强方特"}),
    ("现有云泽汽车装备、亿铭精密机械、亿源汽车线束多户生产企业。", {"云泽汽车装备", "亿源汽车线束"}),  # many, uncounted
    ("目前已引进建设龙凤、京粮、嘉丰、鑫玉、源发、兴贸、柏尊等玉米加工及配套企业13户。", {"京粮", "嘉丰", "柏尊"}),
    ("日本半导体设备制造商台湾荏原、IC设计龙头联咏科技、美光、AMD等国际大厂纷纷落脚台南。", {"台湾荏原", "联咏科技", "美光"}),
    ("中国电建、通用技术两家央企集团三级子公司落户。", {"中国电力建设集团有限公司", "通用技术"}),  # a central group whole
    # enterprise.head
    ("加快实施德胜钒钛公司高炉节能技改项目。", {"德胜钒钛公司"}),
    ("通洲集团合成氨项目建成。", {"通洲集团"}),
    ("以雄源集团为先导。", {"雄源集团"}),
    ("加快自贡城投肉兔全产业链项目建设。", {"自贡城投"}),
    ("企业代表东莞市蜀江新能源科技有限公司在会上签约。", {"东莞市蜀江新能源科技有限公司"}),  # 代表 ends the name
    # a cooperative's name goes on past a head (股份) or past where the tagger stops
    ("宜昌高山云雾土地股份专业合作社流转茶园1200亩。", {"宜昌高山云雾土地股份专业合作社"}),
    # two companies joined by 和, each with its head; a winery's head; a list's close with a count is no body
    ("先后引进京康现代农业公司和阳晨集团两大公司为龙头企业。", {"京康现代农业公司", "阳晨集团"}),
    ("建成投产了贺兰神酒庄、保乐力加酒庄等20家酒庄。", {"贺兰神酒庄", "保乐力加酒庄"}),
    # enterprise.placed_list: brands named with their places, item after item, in a deal's sentence
    ("珠海星宇、珠海银通、深圳常锋、广东飞翔达与西华县人民政府举行签约仪式。", {"珠海星宇", "珠海银通", "深圳常锋", "广东飞翔达"}),
    # enterprise.sibling
    ("推动九江钒宇、德胜集团依托特色产业延链。", {"九江钒宇", "德胜集团"}),
    # enterprise.project_owner
    ("信乙化工、华砂新材料等项目加快建设。", {"信乙化工", "华砂新材料"}),
    ("江苏国泰、无锡东恒2个项目提前开工。", {"江苏国泰", "无锡东恒"}),
    ("中昊晨光一期等14个项目提速推进。", {"中昊晨光"}),
    ("推动圣善二期、华智二期尽快建成投产。", {"圣善", "华智"}),
    ("加快推进福瑞建成投产。", {"福瑞"}),
    # the maker before a capacity, a list item or what a clause names
    ("签约项目更有华赛包装年产8亿只绿色无菌瓶盖生产线、华鑫科技年产150万套高档服装等项目。", {"华赛包装", "华鑫科技"}),
    # near-misses of the route, facility and word-boundary tests that must survive
    ("推动华智、圣善等项目建设。", {"华智", "圣善"}),
    ("推动通洲集团研发中心落户。", {"通洲集团"}),
    ("支持东方钛业、安宁股份等企业扩产。", {"东方钛业", "安宁股份"}),
    # brands that are common words (长城, 风帆) do not make the list one of sectors
    ("支持长城、立中、天威、风帆、奥润顺达等企业拓展国际市场。", {"立中", "奥润顺达"}),
    # two companies in one list item, joined by 和 or 与
    ("支持望都蒙牛、定兴喜之郎和西麦、雄县雏鹰等一批领军企业做大做强。", {"定兴喜之郎", "西麦", "雄县雏鹰"}),
    ("国泰君安与海通证券、上海建科与上咨集团等四组企业战略性重组有序推进。", {"上海建科", "上咨集团", "海通证券"}),
    # a list closed by 等一大批; two companies joined by 和 before their count; a verb and 了 before the first item
    ("江西智汇雨、安缔诺、恩铂力新材料等一大批上下游企业相继入驻。", {"江西智汇雨", "安缔诺", "恩铂力新材料"}),
    ("先后引进绿网菌业和鑫瑞隆农业两家龙头企业。", {"绿网菌业", "鑫瑞隆农业"}),
    ("引进、培育了富旺达托牛所、海华腾、福信牧业等一批农业龙头企业。", {"富旺达托牛所", "海华腾", "福信牧业"}),
    # initials joined by points
    ("金塔县与I.E.D国际企业集团签订投资协议。", {"I.E.D国际企业集团"}),
    # the leaders of a sector, listed by name (a list of sectors' leaders names no company: see the industry tests)
    ("基金小镇已集聚华泰证券、南华期货、德邦基金等行业龙头。", {"华泰证券", "南华期货", "德邦基金"}),
    # farmers' cooperatives by their head, with the place they are named with
    ("吉木萨尔县蜂天园养殖专业合作社发展养殖。", {"吉木萨尔县蜂天园养殖专业合作社"}),
    ("奇圣红心猕猴桃种植股份合作社带动农户增收。", {"奇圣红心猕猴桃种植股份合作社"}),
    # … whose trade name is a common word, before the crops it grows
    ("曙光农作物种植专业合作社流转土地3000余亩。", {"曙光农作物种植专业合作社"}),
    # a bank's branch; the government that signs with companies is listed with them but is none
    ("老港镇人民政府与上海张江(集团)有限公司、上海农商银行临港新片区支行等5家重点企业签约。",
     {"上海张江(集团)有限公司", "上海农商银行临港新片区支行"}),
    # a group and its company of a province, written one after the other
    ("黑龙江克山牧原农牧有限公司、中发控股综合集团黑龙江琴洋生物科技有限公司等项目单位负责人出席。",
     {"黑龙江克山牧原农牧有限公司", "中发控股综合集团", "黑龙江琴洋生物科技有限公司"}),
    # what kind of company an item is opens no name
    ("引进世界领军企业鑫联环保科技、世界500强企业吉利控股集团、中国民营企业500强湖南金荣集团等20户企业。",
     {"鑫联环保科技", "吉利控股集团", "湖南金荣集团"}),
    # a day of news prose opens no name
    ("当天贵州锦地农业发展有限公司与县政府签约。", {"贵州锦地农业发展有限公司"}),
    # a verb of attending ends a name
    ("县委副书记在维新镇出席正大集团种猪场项目开工仪式。", {"正大集团"}),
])
def test_enterprises(make_context, sentence, expected):
    assert expected <= labels(make_context(sentence))


def test_a_verb_of_joining_is_no_part_of_a_name(make_context):
    """結合|虎爺溫泉休閒事業有限公司: 结合 governs the list of partners after it."""
    found = labels(make_context("計畫同時結合虎爺溫泉休閒事業有限公司、羊仔厝生態農場，打造假日市集。"))
    assert "虎爷温泉休闲事业有限公司" in found and not any(f.startswith("结合") for f in found)


@pytest.mark.parametrize("sentence", [
    "重庆首家上市公司由游洪涛投资创办。",  # a rank, not a name
    "壮大龙头企业综合实力。",
    "培育一批专精特新企业。",
    "交通、水利、医保等部门和企业协同。",
    "让符合称号类条件的企业免于申请。",
    "组建国有公司。",
    "强化国有投融资公司日常监管。",
    "成为全市首家县属国有平台公司。",
    "引进央企二、三级子公司28家。",
    "打掉恶势力犯罪集团1个。",
    "坚定不移走集团化发展之路。",
    "组建工贸、外贸两个资产经营公司。",
    "及时向金融机构推送高等级信用企业名单。",
    "全社会固定资产投资增长12.6%。",
    "总结推广金昌、白银、庆阳3个城市医疗集团建设试点经验。",
    # project lists and phases that name works, not companies
    "推进法律咨询、物流代办等35个政策项目。",
    # what stands before a capacity and is no maker
    "中国盐湖集团组建后，一年内就实现年产4万吨基础锂盐项目投产。",
    "新建年产10万吨PVC项目，建设年产10万吨水泥生产线。",
    "加快实施乐凯大街市区段、西三环南延、南三环等项目。",
    "有序推进洞山安置房二期建设。",
    "城区雨污分流一期基本完成。",
    "推进荣乌二期保定段、京雄二期建设。",
    "完成游客服务中心、冰雪运动乐园等项目建设。",
    "确保韵达产业园、鼎一冻库投产达产。",
    # railways and power lines named by their ends, energy works of a company
    "雄商、津潍、济滨、济枣等项目加快建设。",
    "推进京唐、石衡沧港城际等交通项目建设。",
    "建成广湛高铁、广佛东环城际等项目。",
    "签订疆电入渝、蒙电入沪等项目。",
    "推进三澳核电、古贤水利枢纽等项目。",
    "加快汉江航道整治、汉宜高速扩容、川气东送二线等3100个重大项目建设。",
    # a kind of company before "among them" is no name's start (中各有)
    "中国企业500强、民营企业500强中各有20家企业上榜。",
    "清单中包含了油墩港航道整治、沪松快速化，以及雨水泵站及调蓄池等27个市级工程项目。",
    "滕州、兴义等项目加快建设。",
    # not a company: a word glued from before the name, a model, products and fields
    "吸引更多跨国公司设立地区总部。",
    "推行“管委会+公司”等模式。",
    "引进新风系统、养老医疗等企业。",
    "以伊祁山为龙头，以品牌为龙头，以县级医院为龙头。",
    "加快建设公司化运营，推动投资集团化。",
    # a list of the sectors companies work in: half its items are sector terms, so the rest are sectors too
    "推进钢铁、焦化等行业企业实施超低排放改造。",
    "引进动力电池、电动汽车、通用航空等制造业企业。",
    # places in a deal's sentence are no brands
    "推进石家庄、保定、廊坊、唐山与北京合作。",
    # cooperatives of a kind: their body names no one
    "发展农民专业合作社和家庭农场。",
    "全村成立了蔬菜种植专业合作社。",
    "支持党支部领办合作社、农服社发挥作用。",
    # an abbreviated head inside a phrase of production
    "督促已竣工项目投产投用，推动新余电厂二期等项目投产投运。",
    # building in phases names no owner
    "计划在广佛肇(怀集)经济合作区B区分三期建设柠檬全产业链项目。",
    # titles given to places, parks or counted companies name no company
    "全县3家企业入选省级专精特新企业，开发区获批省级示范园区。",
])
def test_generic_enterprises_rejected(make_context, sentence):
    assert labels(make_context(sentence)) == set()


@pytest.mark.parametrize("sentence, joined", [
    ("支持望都蒙牛、定兴喜之郎和西麦、雄县雏鹰等一批领军企业做大做强。", "定兴喜之郎和西麦"),
    ("完成中石化、中石油和铁路系统等中央企业分离中小学任务。", "中石油和铁路系统"),
])
def test_two_companies_in_one_item_are_not_one_name(make_context, sentence, joined):
    assert joined not in labels(make_context(sentence))


@pytest.mark.parametrize("name, expected", [
    ("信乙化工", True), ("德顺地毯", True), ("四通新材", True), ("华智", True),
    ("法律咨询", False), ("新能源储能材料", False), ("五星级酒店", False), ("补充耕地", False),
    ("南三环", False), ("新华世纪中学", False), ("城中村棚户区改造", False), ("米易太阳谷", False),
])
def test_is_brand_name(make_context, name, expected):
    assert is_brand_name(make_context(name), name) is expected


def test_rules_and_offsets(make_context):
    ctx = make_context("前言。支持九江钒宇、德胜集团发展。")
    rules = found(ctx)
    assert rules == {"九江钒宇": "enterprise.sibling", "德胜集团": "enterprise.head"}
    for m in extract_enterprises(ctx):
        assert ctx.doc.norm[m.start:m.end] == m.label and m.ref.type == "Enterprise"


def test_a_region_named_only_inside_a_company_is_its_origin(make_context):
    """浙江嘉兴豪企集成家居有限公司 comes from 浙江 and 嘉兴: neither is a place the document speaks of, unless it
    names it on its own too."""
    from govkg.extractors import extract
    from govkg.text.document import sentences_of

    ctx = make_context("由浙江嘉兴豪企集成家居有限公司投资建设的产业园落户广元经济技术开发区。"
                       "温州市贵妹鞋业有限公司与温州市客商一同考察。")
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    regions = {info.label for ref, info in facts.entities.items() if ref.type == "Region"}
    enterprises = {info.label for ref, info in facts.entities.items() if ref.type == "Enterprise"}
    assert {"浙江嘉兴豪企集成家居有限公司", "温州市贵妹鞋业有限公司"} <= enterprises
    assert not regions & {"浙江省", "嘉兴市"}
    assert "温州市" in regions  # named on its own as well


def test_a_photo_caption_opens_no_name(make_context):
    assert "环县庆环肉羊制种有限公司" in labels(make_context("图为环县庆环肉羊制种有限公司羊棚。"))


def test_central_groups_by_their_registered_names(make_context):
    """A central group named by its full or short name is the group under its registered name, with the written
    form as an alias, so two documents' 华电 and 中国华电 are one entity."""
    ctx = make_context("与中国华能、中广核、中国电建等央企合作，推进华电江陵电厂二期，中国能源建设集团签约。")
    for extractor in (extract_regions, extract_parks):
        ctx.mentions.extend(x for x in extractor(ctx) if hasattr(x, "ref"))
    central = {m.label: set(m.aliases) for m in extract_enterprises(ctx) if m.rule == "enterprise.central"}
    assert central == {"中国华能集团有限公司": {"中国华能"}, "中国广核集团有限公司": {"中广核"},
                       "中国电力建设集团有限公司": {"中国电建"}, "中国华电集团有限公司": {"华电"},
                       "中国能源建设集团有限公司": {"中国能源建设集团"}}


@pytest.mark.parametrize("sentence, name", [
    ("中石化宁夏炼油公司的120吨PAT项目正在做可研。", "中石化宁夏炼油公司"),  # the group's company in a place
    # the central builders' engineering bureaus
    ("中铁四局承建的马江河治理工程进展顺利。", "中铁四局"),
    ("中交二航局参建的跨江大桥合龙。", "中交二航局"),
    ("国家电投集团宁夏能源铝业有限责任公司投资建设。", "国家电投集团宁夏能源铝业有限责任公司"),
    ("“华润、龙源、中电建”3大风电项目陆续开工建设。", "中国电力建设集团有限公司"),  # a short name of the group
])
def test_a_central_groups_company_in_a_place_is_named_whole(make_context, sentence, name):
    assert found(make_context(sentence)).get(name) == "enterprise.central"


@pytest.mark.parametrize("sentence", [
    "新华能源公司和中华电力参与投资。",  # 华能 and 华电 inside other words
    "区招商局有关负责人表示，这些项目前景好。",  # a government office
    "中国石油大学与企业合作。",  # a university
    "荣获中国节能减排20佳城市称号。",
    "一汽丰田新能源汽车实现量产。",  # a joint venture's name begins with it
    "坚持在发展中化债、在化债中发展。",  # 发展|中化|债 to jieba
])
def test_central_near_misses(make_context, sentence):
    assert "enterprise.central" not in found(make_context(sentence)).values()


def test_a_government_listed_with_companies_is_none(make_context):
    found = labels(make_context("浦东老港镇人民政府与上海张江(集团)有限公司、上海春秋旅行社有限公司等5家重点企业签约。"))
    assert "上海张江(集团)有限公司" in found and not any(label.endswith("政府") for label in found)


def test_a_list_of_kinds_of_work_closed_by_companies_names_none(make_context):
    """将入驻无人机整机及零部件生产制造、…、测试飞行、无人机培训等相关企业: what the companies do, not who they are."""
    found_ = labels(make_context("该项目将入驻无人机整机及零部件生产制造、低空应用展示交易、高端航空装备技术创新、综合起降场、"
                                 "测试飞行、无人机培训等相关企业。"))
    assert not found_ & {"无人机整机", "高端航空装备技术创新"}
    # brands that are common words are still brands among brands (长城、天威、风帆)
    assert {"立中", "奥润顺达"} <= labels(make_context("支持长城、立中、天威、风帆、奥润顺达等企业拓展国际市场。"))


def test_a_verb_of_joining_hands_opens_no_name(make_context):
    assert "同福集团" in labels(make_context("38天成功牵手同福集团，跑出了招商引资的加速度。"))


def test_a_place_and_its_trade_among_brands_given_a_title_is_a_company(make_context):
    """永宁科技 (永宁镇 is a town of the county) among 尚朋电子 and 正宏包装, all named 示范企业."""
    ctx = make_context("铜鼓县永宁镇加快发展。尚朋电子、永宁科技、正宏包装被评为省级两化融合示范企业。")
    assert {"尚朋电子", "永宁科技", "正宏包装"} <= labels(ctx)
    assert "永宁科技" not in labels(make_context("铜鼓县永宁镇加快发展。永宁科技、永宁文化被评为示范企业。"))


def test_a_list_closed_by_the_kind_of_registered_company_names_companies(make_context):
    found_ = labels(make_context("整合11个村蓝莓基地成立安山、云丰和福泉等三个乡村生态发展有限公司，面积1600多亩。"))
    assert {"云丰", "福泉"} <= found_


def test_a_quoted_trade_name_before_its_company_head_is_the_company(make_context):
    """山东“山里红”农业发展有限公司: the quotes mark the brand, a common word (a shrub); the label drops them."""
    found_ = labels(make_context("在薛城区的一座大棚内，山东“山里红”农业发展有限公司董事长正在直播。党支部领办的“山里红”生态农业专业合作社"
                                 "流转土地501亩。推动“走出去”平台公司建设。"))
    assert {"山东山里红农业发展有限公司", "山里红生态农业专业合作社"} <= found_
    assert not any("走出去" in label for label in found_)


def test_bureaus_listed_beside_a_state_company_are_none(make_context):
    """A county's bureaus present projects beside its city-investment group; a state builder's numbered 局 is a
    company."""
    found_ = labels(make_context("会上，中方县商科工信局、县产业开发区、县农业农村局、县文旅广体局、县城发集团分别作了项目推介。"))
    assert "县城发集团" in found_ and not any(label.endswith("局") for label in found_)
    assert "中冶二十二局" in labels(make_context("加强与中冶二十二局、中洁环境等项目深入对接，取得实质性进展。"))


def test_brands_on_a_ranking_of_companies_are_companies(make_context):
    found_ = labels(make_context("晶科能源、金瑞投资入选全省民营企业营收百强，中普石油荣登全省民营企业制造业综合百强名单。"))
    assert {"晶科能源", "金瑞投资", "中普石油"} <= found_


def test_lists_closed_by_the_leaders_of_one_sector_or_a_count_of_carmakers(make_context):
    found_ = labels(make_context("围绕北京奔驰、小米等10家整车厂，围绕中环、晶澳等半导体龙头企业，已签约落地多个项目。"))
    assert {"北京奔驰", "中环", "晶澳"} <= found_
    # a field before the leaders is no sector of companies
    assert not labels(make_context("在景区管理、演艺经纪、票务营销等领域引育一批领军企业。")) & {"演艺经纪", "票务营销"}


def test_a_list_of_places_or_levels_names_no_company(make_context):
    """武安、丰南、迁安等地企业: the places the companies are in; 市、区两级709个政策项目: levels of government."""
    assert not labels(make_context("支持武安、丰南、迁安等地企业整合重组。"))
    assert not labels(make_context("市、区两级709个政策项目实现免申即享。"))
    assert "德龙" in labels(make_context("支持德龙、鑫达等企业整合重组。"))


def test_a_trade_name_that_is_a_common_word_with_a_legal_form_or_a_known_brand_is_a_company(make_context):
    """远洋 (ocean-going) before 实业有限公司; 伊利 and 华为, brands jieba knows, before 集团; not a verb's body
    before the legal form (担保有限公司)."""
    found_ = labels(make_context("远洋实业有限公司年产2000吨菊芋粉加工生产线建设完成投资300万元。伊利集团追加投资30亿元。"
                                 "全县引进华为集团。成立担保有限公司。"))
    assert {"远洋实业有限公司", "伊利集团", "华为集团"} <= found_ and "担保有限公司" not in found_


def test_an_official_named_after_a_title_is_no_brand_in_a_list(make_context):
    """县委书记杨军、县长陈华…杨军、陈华走进…发投集团: the two are people, listed beside a company later."""
    found_ = labels(make_context("县委书记杨军、县长陈华一同调研平利经开区。杨军、陈华走进县经贸局、招商服务中心、发投集团等单位。"))
    assert "发投集团" in found_ and not found_ & {"杨军", "陈华"}


def test_works_listed_before_a_public_works_field_or_a_laboratory_are_no_companies(make_context):
    """帕孜等水利项目: a water works named by its place; 崖州湾国家实验室二期: a state laboratory's works."""
    assert not labels(make_context("加快帕孜、粤藏直流等水利项目建设。"))
    ctx = make_context("支持崖州湾国家实验室二期开工，总投资10亿元。")
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    assert not [info.label for ref, info in facts.entities.items() if ref.type == "Enterprise"]


def test_a_topic_marker_opens_no_companys_name(make_context):
    """至于|台湾积体电路制造股份有限公司…: as for the company, not a word of its name."""
    found_ = labels(make_context("至于台湾积体电路制造股份有限公司3000亿余元竹南先进封测厂建厂案，依期程办理说明会。"))
    assert "台湾积体电路制造股份有限公司" in found_ and not any(f.startswith("至于") for f in found_)


def test_a_list_of_people_by_their_titles_names_no_company(make_context):
    """工程院院士张伯礼、…相关领导、市委书记焦文民…以及国内数十家相关企业负责人: the people at a meeting."""
    found_ = labels(make_context("工程院院士张伯礼、通化市、白山市、延边州相关领导、我市市委书记焦文民、边合区党工委书记、"
                                 "管委会主任李焕刚,以及国内数十家相关企业负责人,共计98人参加会议。"))
    assert not found_


def test_a_brand_and_its_trade_given_a_title_is_a_company(make_context):
    """天心种业获评…, 捷泰科技获评…, 金邦医药分获…: a brand and its trade opening a clause, honoured; 现代煤化工入选… and
    数字科技获评… name a sector and a field, no company."""
    found_ = labels(make_context("出栏生猪85万头,天心种业获评国家级非洲猪瘟无疫小区。前三季度,捷泰科技获评全省数字化转型典型示范。"
                                 "金禾实业、金邦医药分获省科技进步奖。现代煤化工入选重点产业。数字科技获评优秀案例。"))
    assert {"天心种业", "捷泰科技", "金邦医药"} <= found_
    assert not found_ & {"现代煤化工", "数字科技"}


def test_a_sector_given_a_place_on_a_list_and_a_companys_origin_name_no_company(make_context):
    """魔芋产业跻身全国10大重点县区: a sector ranked, not a brand and its trade; 台商|柏群电子科技有限公司: where the
    company's capital is from, not its name."""
    found_ = labels(make_context("魔芋产业跻身全国10大重点县区。先后走访台商柏群电子科技有限公司等多家企业。"))
    assert "柏群电子科技有限公司" in found_ and not found_ & {"魔芋产业", "台商柏群电子科技有限公司"}


def test_a_makers_electric_bikes_end_its_name_and_a_bullet_train_none(make_context):
    """长城汽车、雅迪电动车、东鹏陶瓷等一批龙头企业: 雅迪电动车 is the maker; 复兴号动车 is a train."""
    ctx = make_context("长城汽车、雅迪电动车、东鹏陶瓷等一批龙头企业相继落户。")
    assert "雅迪电动车" in labels(ctx)
    assert _not_tail(ctx).search("复兴号动车") and not _not_tail(ctx).search("雅迪电动车")


def test_a_brand_and_its_trade_starting_to_produce_is_a_company(make_context):
    """成新科技则于今年4月取得工厂登记, 元山科技也于…: a brand and its trade opening a clause and starting to produce;
    数字科技于今年落户… names a field, no company."""
    found_ = labels(make_context("成新科技则于今年4月取得工厂登记，正式投产，元山科技也于今年8月取得工厂登记。数字科技于今年落户园区。"))
    assert {"成新科技", "元山科技"} <= found_ and "数字科技" not in found_


def test_a_company_of_common_words_registered_among_others_is_a_company(make_context):
    """国家电投贵州金元股份有限公司、远景能源有限公司、天津津通铁塔股份有限公司等…企业: 远景能源 is two common words, but
    its legal form among companies' says it is one; 能源有限公司 alone is no name."""
    found_ = labels(make_context("洽谈会上，国家电投贵州金元股份有限公司、远景能源有限公司、天津津通铁塔股份有限公司等来自北京的企业"
                                 "与海原县签约。"))
    assert "远景能源有限公司" in found_


def test_makers_counted_by_da_and_companies_of_renown_close_a_list(make_context):
    """北京现代、北汽有限两大整车厂: two car makers; …巴西航空、德国汉莎等国际知名的航空公司: airlines; …等特点的新经济
    企业 lists the features of a kind, no companies."""
    found_ = labels(make_context("顺义拥有北京现代、北汽有限两大整车厂。已引进新华航、巴西航空、德国汉莎等国际知名的航空公司的项目。"
                                 "指具备成立时间短、成长起点高、赛道领域新等特点的新经济企业。"))
    assert {"北京现代", "北汽有限", "巴西航空", "德国汉莎"} <= found_
    assert not found_ & {"时间短", "赛道领域新"}


def test_a_verb_of_binding_is_no_part_of_a_cooperatives_name(make_context):
    found = labels(make_context("建立由陕西巨兴农业发展有限公司绑定西王村股份经济合作社的保底收益。"))
    assert "西王村股份经济合作社" in found



def test_a_list_of_industry_giants_and_a_towns_place_among_companies(make_context):
    """对应配套|京东方、华星光电等产业巨头: companies, after a verb; 西洛镇段廷村潇河岸边 beside a company is a place."""
    assert labels(make_context("将对应配套京东方、华星光电等产业巨头，建成后填补空白。")) == {"京东方", "华星光电"}
    found = labels(make_context("寿阳县。记者深入平头融合发展区、西洛镇段廷村潇河岸边、山西晋荞米业股份有限公司等地。"))
    assert found == {"山西晋荞米业股份有限公司"}


def test_brands_listed_with_two_companies_the_page_names_elsewhere_are_companies(make_context):
    """成功引进中科蓝海、德屹智能… then 来到…中科蓝海、星通北斗、德屹智能、昊冠机械等处: the list's other brands are
    companies too; an institution among them (区大数据局) is not."""
    ctx = make_context("近年来，我区成功引进中科蓝海、德屹智能等一批带动性强、支撑作用明显的优质项目。张彤一行先后来到"
                       "扬州人工智能研究院、区大数据局、中科蓝海、星通北斗、德屹智能、昊冠机械、天健机械等处，听取介绍。")
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    enterprises = {info.label for ref, info in facts.entities.items() if ref.type == "Enterprise"}
    assert {"星通北斗", "昊冠机械", "天健机械"} <= enterprises
    assert "区大数据局" not in enterprises


def test_companies_closed_by_their_trade_and_rank_or_a_count_of_leaders(make_context):
    """旺庄、天鹏等生铁铸造骨干企业; 中铝、山东信发两大国内行业龙头企业: companies, the central group by its full name,
    no sector."""
    assert {"旺庄", "天鹏"} <= labels(make_context("以旺庄、天鹏等生铁铸造骨干企业为发力点。"))
    ctx = make_context("中铝、山东信发两大国内行业龙头企业,延伸拓展铝系加工产业链。")
    assert {"中国铝业集团有限公司", "山东信发"} <= labels(ctx)
    ctx = make_context("中铝、山东信发两大国内行业龙头企业,延伸拓展铝系加工产业链。")
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    assert EntityRef("Industry", "山东信发") not in facts.entities


def test_the_source_and_the_role_before_a_company_are_no_part_of_its_name(make_context):
    """据项目投资方中投发展有限责任公司副总经理…介绍: the company alone."""
    found_ = labels(make_context("据项目投资方中投发展有限责任公司副总经理陆军介绍,该项目将重点建设现代农业。"))
    assert "中投发展有限责任公司" in found_ and not {n for n in found_ if n.startswith(("据", "项目"))}
    found_ = labels(make_context("七都开工项目苏州宝嘉新能源科技有限公司主要从事研发、生产及销售太阳能发电产品。"))
    assert "苏州宝嘉新能源科技有限公司" in found_ and not {n for n in found_ if n.startswith("项目")}
