import pytest

from govkg.extractors.park import extract_parks


def labels(ctx):
    return {m.label for m in extract_parks(ctx)}


@pytest.mark.parametrize("sentence, expected", [
    ("川南新材料化工园区成功创建省级化工园区。", {"川南新材料化工园区"}),
    ("六块厝产业园区紧邻屏东科技产业园区、屏东科学园区。", {"六块厝产业园区", "屏东科技产业园区", "屏东科学园区"}),
    ("“1”即沿滩高新技术产业园区。", {"沿滩高新技术产业园区"}),
    ("加快建设韵达产业园和机械装备制造园。", {"韵达产业园", "机械装备制造园"}),
    ("积极对接重庆长寿经开区、铜梁高新区。", {"重庆长寿经开区", "铜梁高新区"}),
    ("中科智能制造产业港项目占地260亩，打造智能制造产业基地。", {"中科智能制造产业港"}),
    ("记者来到义县七里河工业园区，看到企业正在赶工。", {"义县七里河工业园区"}),  # who came there is no part of it
    ("古月生态农业产业园区项目富了村民。", {"古月生态农业产业园区"}),
    ("发挥南王庄园区示范带动作用。", {"南王庄园区"}),
    ("科技部新竹科学园区管理局与宜兰县政府签约。", {"新竹科学园区"}),  # the ministry that runs it
    # an institution named before the park is no part of it; 中心城区 is a word of the park's name
    ("北京市知识产权保护中心怀柔科学城分中心运行，中国技术交易所怀柔科学城科技成果转化服务中心成立。", {"怀柔科学城"}),
    ("对立中百亿工业园、绿色建筑产业园等续建项目提供服务。", {"立中百亿工业园", "绿色建筑产业园"}),
    ("全年盘活机械装备制造园闲置厂房。", {"机械装备制造园"}),
    ("特色林木园区加快建设。", {"特色林木园区"}),
    ("①沿滩高新区〔7〕、②韵达产业园建设。", {"沿滩高新区", "韵达产业园"}),
    ("四是中药工业园区提质扩容。", {"中药工业园区"}),
    ("积极探索高铁东站智慧创新产业园建设。", {"高铁东站智慧创新产业园"}),
    ("建成百亿元级立中工业园。", {"立中工业园"}),
    ("选派优秀干部赴杭州高新区挂职。", {"杭州高新区"}),  # a travel verb ends the name
    ("孙大军宣布吕梁市开发区项目集中开工。", {"吕梁市开发区"}),  # so does a verb of speech
    ("省级5个：民乐工业园区和肃南县祁青工业集中区。", {"民乐工业园区", "肃南县祁青工业集中区"}),
    ("新小镇、世纪旭昊生态农业园加快建设。", {"世纪旭昊生态农业园"}),
    ("建设原平经济开发区。", {"原平经济开发区"}),  # 原平 is a city
    # a logistics city, a fishery base, a park of cooperation across the strait; "that is" and a line drawn as a
    # dash before a name are no part of it
    ("全面提速国家远洋渔业基地、福州现代物流城等6个产业平台。", {"国家远洋渔业基地", "福州现代物流城"}),
    ("加快推进福州马祖产业合作园区建设。", {"福州马祖产业合作园区"}),
    ("我们在南投市开发首座微型工业区─旺来产业园区。", {"旺来产业园区"}),
    ("三个度假区，即大天生桥生态旅游度假区。", {"大天生桥生态旅游度假区"}),
    ("举行首批产业项目集中开工暨远景低碳产业园奠基仪式。", {"远景低碳产业园"}),  # and 暨, which joins two events
    ("支持京东（保定）数字经济产业园扩大规模。", {"京东(保定)数字经济产业园"}),  # a place in brackets inside the name (labels are half-width)
    ("近年来，涌现出清河电子产业园等一批新园区。", {"清河电子产业园"}),  # a verb with its complement is cut
    ("以青禾现代农业产业园为龙头带动全乡。", {"青禾现代农业产业园"}),  # a preposition is cut
    ("计划在广佛肇(怀集)经济合作区建设柠檬全产业链项目。", {"广佛肇(怀集)经济合作区"}),  # a zone of cities' cooperation
    ("上市公司迪马股份选址武汉临空港经济技术开发区。", {"武汉临空港经济技术开发区"}),  # choosing a site ends the name
    # parks by their short names before 等 and their kind, one of them of common words (杉木 is a town)
    ("孔垄纺织、杉木陶瓷、独山页岩等工业集中区逐渐迈向集约化。", {"孔垄纺织工业集中区", "杉木陶瓷工业集中区", "独山页岩工业集中区"}),
    ("视频丨新田德润产业园：双管齐下赶进度", {"新田德润产业园"}),  # a headline's label before a bar
])
def test_named_parks(make_context, sentence, expected):
    assert expected <= labels(make_context(sentence))


def test_a_park_renamed_is_both_parks(make_context):
    # each side of 整建制划改为 names a park (原: the first one's former name); a rank after 晋升为 names none
    assert labels(make_context("原嘉祥经济开发区整建制划改为济宁经开区。")) == {"嘉祥经济开发区", "济宁经开区"}
    assert labels(make_context("衡水高新区晋升为国家级高新区。")) == {"衡水高新区"}


def test_a_rank_or_a_route_in_front_is_no_part_of_a_name(make_context):
    assert labels(make_context("创建省级满城草莓现代农业园区。")) == {"满城草莓现代农业园区"}
    assert labels(make_context("地铁南延至轨道交通产业园。")) == {"轨道交通产业园"}
    # a ranked kind stays a kind, and a ranked title a title
    assert "智慧化工园区" not in labels(make_context("建成西北首个国家级智慧化工园区。"))
    assert labels(make_context("创建省级慢性病综合防控示范区。")) == set()
    assert labels(make_context("规划建设5个综合性园区。")) == set()


def test_the_pages_own_zone_by_a_determiner_is_no_name(make_context):
    assert labels(make_context("这五个项目分别入驻该县经开区。")) == set()


def test_a_park_named_in_its_province_is_named_without_it(make_context):
    # 浙江省杭州高新区 is 杭州高新区 (the region rules find 浙江省); a province and a bare zone word name the
    # province's zones, a kind (浙江省经济开发区建设推进会: a meeting on all of them)
    assert labels(make_context("浙江省杭州高新区举行项目集中开工活动，广西壮族自治区钦州港经济技术开发区签约。")) \
        == {"杭州高新区", "钦州港经济技术开发区"}
    assert labels(make_context("浙江省经济开发区建设推进会召开。")) == set()


@pytest.mark.parametrize("sentence", [
    "推动项目向园区集中。",
    "法库先后获得“东北瓷都”“东北亚建筑陶瓷产业基地”等荣誉称号。",  # a title the place was awarded
    "精准赋权开发区,激发活力。",  # an empowering verb or a quality before a bare head leaves nothing named
    "提质建强经济开发区。",
    "建设高水平零碳园区。",
    "支持省部共建国家大学科技园。",
    "争创省级化工园区。",
    "建设一批现代农业园区。",
    "打造国家级开发区。",
    "加快建设一流园区。",
    "建立专业化园区市场监督管理所。",
    "通过省三星级现代农业园区现场考评。",
    "创建市五星级现代农业园区2个。",
    "该园区被评为省级精品园区。",
    "把做强工业园区、做特农业园区作为重点。",
    "完成教育园区内3条高压线路迁改。",
    "进一步提升园区能级。",
    "充分发挥开发区经济发展主战场作用。",
    "抓好零碳园区建设。",
    "镇原、崆峒2个现代农业产业园。",
    "优化调整21个省级开发区。",
    "被评为全省“4Ａ级电子商务园区”。",
    "建设一批中小微企业创业基地和回乡创业园。",
    "探索建立“国别产业园”合作模式。",
    "建成千亿元开发区2个、万亿级产业基地1个。",
    "推动部分产业园区整合。",
    "打造高等级开发区。",
    # markers, ordinals and governing verbs leave only a generic head
    "10．零碳园区建设。",
    "二是建园区，三是狠抓园区。",
    "搞好工业园区管理，建强产业园区。",
    # a verb is no body (the park word modifies what follows), a count before a name makes it a kind,
    # and a state of a park (低效, 闲置) is no name either
    "新改建园区路网、电网33公里。",
    "加快理顺开发区权责关系。",
    "推进四个新型建材产业园区建设，建设23个山海协作产业园。",
    "探索将低效园区和商圈纳入更新范围，盘活闲置园区。",
    "新增市级现代农业园3个，培育新兴产业集中区。",
    "他希望园区所在地的广大干部群众支持。",  # a pronoun and a verb are no name
    "推动山西省开发区改革创新发展，支持河南省经济开发区提档升级。",  # a province's zones are a kind
    "建设综合性现代化产业园区。",  # adjectives of a kind
    "皋兰将荒山建园区作为主战场，引导加工散户走园区。",  # a one-character verb that takes the park
])
def test_generic_parks_rejected(make_context, sentence):
    assert labels(make_context(sentence)) == set()


def test_offsets_and_sentence(make_context):
    ctx = make_context("前言。发挥南王庄园区示范作用。")
    [m] = list(extract_parks(ctx))
    assert ctx.doc.text[m.start:m.end] == "南王庄园区"
    assert ctx.sentences[m.sentence].start <= m.start < ctx.sentences[m.sentence].end
    assert m.ref.type == "Park" and m.rule == "park.head"


# heads of news prose: zones, incubators, farm bases, fruit orchards, belts, science cities
@pytest.mark.parametrize("sentence, expected", [
    ("北湖科学城东区创新区今天正式揭牌。", {"北湖科学城东区创新区"}),
    ("宽窄巷子特色街区入选省级示范步行街。", {"宽窄巷子特色街区"}),
    ("清溪跨境电子商务示范区已入驻企业60家。", {"清溪跨境电子商务示范区"}),
    ("记者走进云岭科技企业孵化器，看到一派繁忙景象。", {"云岭科技企业孵化器"}),
    ("黄土坡村葡萄种植基地今年挂果面积达600亩。", {"黄土坡村葡萄种植基地"}),
    ("其中石门塬标准果园亩产苹果4吨。", {"石门塬标准果园"}),
    ("沿川百里葡萄产业带初具规模。", {"沿川百里葡萄产业带"}),
    ("东岭科技城建设全面提速。", {"东岭科技城"}),
    ("鹭栖湾双创基地新增孵化企业15家。", {"鹭栖湾双创基地"}),
    # a sector term jieba tags as a set phrase (无人机: l) ends no clause
    ("正式落户西华县航空无人机产业园。", {"西华县航空无人机产业园"}),
    # parks listed by their short names before their count and kind; sectors' parks are kinds, not names
    ("提升下营、柳疃、龙池三个工业园配套水平。", {"下营工业园", "柳疃工业园", "龙池工业园"}),
    ("规划休闲食品、生物医药两个产业园。", set()),
    # a determiner, the Party, an adverb glued to a verb in front are no part of a name; nor is 属 after it
    ("该县临淮关镇园区建设加快。", {"临淮关镇园区"}),
    ("中共红寺堡开发区工委召开会议。", {"红寺堡开发区"}),
    ("充分利用人参高新技术产业园区的优势。", {"人参高新技术产业园区"}),
    ("吉水工业园区属省级重点工业园区。", {"吉水工业园区"}),
    # a predicate after the first head is cut off
    ("支持东阳高新区晋升国家级高新区。", {"东阳高新区"}),
    ("支持宁川开发区争列国家级开发区。", {"宁川开发区"}),
    # a park named in its county is named without the city the county lies in
    ("广东省汕尾市海丰县产业转移工业园中心启动区开工。", {"海丰县产业转移工业园"}),
    # a zone and the park inside it, named one after the other; a bare zone names none
    ("客商参观了红岭经济开发区东坡新材料产业基地。", {"红岭经济开发区", "东坡新材料产业基地"}),
    ("经济开发区五金产业园已有30家企业投产。", {"五金产业园"}),
    # two parks joined by 和; a clause after a park is no second park
    ("建设中国船舶风帆动力电池产业园和京车轨道装备产业园。", {"中国船舶风帆动力电池产业园", "京车轨道装备产业园"}),
    ("岳阳绿色化工高新区综合竞争力居中部化工园区前列。", {"岳阳绿色化工高新区"}),
    # a visit's verb and the province and city of a county are no part of the name
    ("踏入云南省临沧市双江拉祜族佤族布朗族傣族自治县产业园区，道路纵横交错。", {"双江拉祜族佤族布朗族傣族自治县产业园区"}),
    # a border zone by its short form
    ("集安边合区与天津美之旅生物科技签订合作协议。", {"集安边合区"}),
    # a free trade zone, a district of industry, a resort
    ("中国（河北）自由贸易试验区挂牌运行。", {"中国(河北)自由贸易试验区"}),
    ("推进南港工业区建设。", {"南港工业区"}),
    ("易水湖旅游度假区创建成功。", {"易水湖旅游度假区"}),
    # a photo's caption, what a place is to welcome and a park's area open no name
    ("航拍宁德邦普新材料产业园。王婷婷 摄", {"宁德邦普新材料产业园"}),
    ("规划建设4.15平方公里新能源汽车产业园，其中一期项目已投入使用。", {"新能源汽车产业园"}),
    ("“3”即打造前岐—双岳锂电新能源产业园、龙安—店下省级化工园。", {"前岐—双岳锂电新能源产业园", "龙安—店下省级化工园"}),
    # a bonded logistics centre is a zone; applying for one is no part of its name
    ("中蒙二连浩特—扎门乌德经济合作区、通辽保税物流中心获批。", {"中蒙二连浩特—扎门乌德经济合作区", "通辽保税物流中心"}),
    ("积极申建芜湖空港保税物流中心。", {"芜湖空港保税物流中心"}),
    # what a park was named or renamed: the verb opens no name; a 创业园区 is named whole
    ("2006年3月被省政府正式命名为甘肃永昌工业园区。", {"甘肃永昌工业园区"}),
    ("英德华侨工业园区更名广德产业园。", {"英德华侨工业园区", "广德产业园"}),
    ("2013年6月被金昌市全民创业行动协调推进领导小组命名金昌市创业园区。", {"金昌市创业园区"}),
])
def test_news_parks(make_context, sentence, expected):
    assert labels(make_context(sentence)) == expected


@pytest.mark.parametrize("sentence", [
    "扎实推进示范区建设。",
    # the common noun after a clause's verb
    "转移贫困人口入住园区从事肉牛养殖。",
    "一排排温室仿佛驻守园区的卫士。",
    "成功创建国家全域旅游示范区。",
    "获评省级慢性病综合防控示范区。",
    "建成高标准苹果标准果园3个。",
    "新创建国家级零碳园区3家。",
    "建设更多国家级零碳园区。",
    "建立适应2.0版零碳园区的标准。",
    "完成新华西路和中心西路开发区段改建。",
    "对标苏州等地先进园区，补齐短板。",
    "坚定不移地走园区之路。",
    "不断提高园区承载力。",
    "更高标准建设园区。",
    "研究制定开发区产业链条图谱。",
    "实地调研园区企业。",
    "健全开发区资产管理。",
    "二是建立健全园区管理运行机制。",
])
def test_news_near_misses_rejected(make_context, sentence):
    assert labels(make_context(sentence)) == set()


@pytest.mark.parametrize("sentence", [
    "创新特色民宿、文旅街区等业态。",
    "推进老旧街区更新改造。",
    "建设科创孵化器、标准化厂房。",
    "打造开放式文化商业街区。",
    "建设南部康养旅游区、滨水旅游区。",  # a direction (南部 is also a county's short form) names nothing
    "建设城市历史文化街区。",  # jieba tags 城市 a place, but counts it far too often for a name
    "与北京市共同编制临空经济区总体规划。",
])
def test_kind_of_district_or_incubator_rejected(make_context, sentence):
    assert labels(make_context(sentence)) == set()


@pytest.mark.parametrize("sentence, expected", [
    ("蕲春县建设了李时珍国际健康文化旅游区。", {"李时珍国际健康文化旅游区"}),  # a person's name jieba knows
    ("推进大张家界国际旅游区建设。", {"大张家界国际旅游区"}),  # a city's name
    ("对接中关村科学城、光明科学城。", {"中关村科学城", "光明科学城"}),
    ("支持涿州融入大兴临空经济区。", {"大兴临空经济区"}),  # an airport's zone; joining is no part of it
    ("湛江临港经济区招商引资。", {"湛江临港经济区"}),
])
def test_named_district_city_or_zone(make_context, sentence, expected):
    assert labels(make_context(sentence)) == expected


def test_belt_head_inside_daidong_is_no_park(make_context):
    assert labels(make_context("青山拉面产业带动力不断增强。")) == set()


@pytest.mark.parametrize("sentence, outside", [
    ("重点任务（五）光谷文旅产业园。", "（五）"),  # an ordinal in brackets is no place
    ("建设乡镇（街道）光谷养老产业园。", "（街道）"),  # nor is a kind of division
])
def test_brackets_that_hold_no_place_stay_outside_names(make_context, sentence, outside):
    found = labels(make_context(sentence))
    assert "光谷文旅产业园" in found or "光谷养老产业园" in found
    assert not any(outside in label for label in found)


def test_a_new_town_of_industry_and_a_small_industrial_district_are_parks(make_context):
    found = labels(make_context("合巢产业新城建设提速。修文县久长高中压调压站至二官坝工业小区中压干线燃气管道工程开工。"))
    assert {"合巢产业新城", "二官坝工业小区"} <= found


def test_light_industry_sightseeing_and_cooperation_parks_by_their_short_heads(make_context):
    found = labels(make_context("推进贵港电动车轻工园建设。建成塞上渔乡观光园。新滩经合区加快发展。"))
    assert {"贵港电动车轻工园", "塞上渔乡观光园", "新滩经合区"} <= found


def test_a_park_inside_a_zone_whose_town_is_bracketed_is_a_name_of_its_own(make_context):
    """高新园区(三界镇)临杭产业园: the zone, its town in brackets, then a park within it."""
    assert "临杭产业园" in labels(make_context("近日，位于高新园区(三界镇)临杭产业园的浙江恒其科技有限公司厂房内一派忙碌。"))


def test_words_that_set_one_thing_beside_another_open_no_name(make_context):
    found = labels(make_context("另有清远高新区的企业参加。恒其科技只是黄泽产业园区招商的一个缩影。"))
    assert "清远高新区" in found and not any(label.startswith(("另有", "恒其科技只是")) for label in found)


def test_what_a_thing_belongs_to_and_all_the_strength_of_open_no_name(make_context):
    found = labels(make_context("正在举全区之力建强京津中关村科技城。荣光鞋业、宏运鞋业属上蔡县产业集聚区内的企业。"))
    assert {"京津中关村科技城", "上蔡县产业集聚区"} <= found and not any("属" in f or "之力" in f for f in found)


def test_a_shared_farm_is_a_park(make_context):
    assert "嘉禾共享农庄" in labels(make_context("记者走进位于儋州市南丰镇油文村的嘉禾共享农庄。"))


def test_an_innovation_park_is_a_park(make_context):
    assert "柏屹自主创新园" in labels(make_context("天易创新城建设加快推进，柏屹自主创新园实现亩均产值273万元。"))


def test_a_business_district_is_a_park_but_not_the_kind(make_context):
    """虹桥国际中央商务区, 解放碑中央商务区: named business districts; 中央商务区, 城市中心商务区 are kinds; 当选 ends the
    district before what it was chosen as (北京商务中心区当选|全球商务区创新联合会…)."""
    found = labels(make_context("支持虹桥国际中央商务区建设，解放碑中央商务区社会消费品零售总额突破千亿。抓好城市中心商务区、中央商务区建设。"
                                "北京商务中心区当选全球商务区创新联合会主席机构。"))
    assert {"虹桥国际中央商务区", "解放碑中央商务区"} <= found
    assert not found & {"中央商务区", "城市中心商务区", "全球商务区"} and not any("当选" in f for f in found)


def test_a_places_centre_opens_a_zones_name(make_context):
    """红山中心商贸集聚区: 中心 after a place's name is its centre, no institution before the zone (保护中心|…)."""
    assert "红山中心商贸集聚区" in labels(make_context("红山中心商贸集聚区红十字医养结合体等重点项目加快建设。"))


def test_a_rank_among_parks_is_no_part_of_a_name(make_context):
    """全省唯一|国家现代农业产业园, 全国首个|零碳产业园: the rank in front is cut off, and what is left is a kind."""
    found = labels(make_context("成功获批本年度全省唯一国家现代农业产业园。建成全国首个零碳产业园。建成全国首个大田零碳产业园。"))
    assert not any(f.startswith(("唯一", "首个")) for f in found) and "大田零碳产业园" in found


def test_a_time_word_of_news_opens_no_parks_name(make_context):
    """如今|示范园内…: the time of the sentence, before the park's kind (no name is left)."""
    assert not any(f.startswith("如今") for f in labels(make_context("近年来，园区焕发出新的活力。如今示范园内已建有火龙果、"
                                                                   "兰花等种植示范基地。")))


def test_a_zone_of_a_kind_named_by_its_manner_is_no_name(make_context):
    """多功能、开放式现代化开发区: what kind of zone 杨林工业园区 is to become, no park of its own."""
    found = labels(make_context("云南嵩明把杨林工业园区打造成为增加值超100亿元的多功能、开放式现代化开发区。"))
    assert "杨林工业园区" in found and not any("开放式" in f for f in found)


def test_two_parks_sharing_a_head_or_joined_after_a_phase_are_each_a_park(make_context):
    """和发及楠梓产业园区: 楠梓产业园区 (the head is both parks'); 仁武产业园区二期及白埔产业园区: two parks, the first's
    phase with it; …5大产业园区 counts the parks listed, no park; 涿州义和庄空港产业基地 stays whole (义和庄 is a place)."""
    found = labels(make_context("在和发及楠梓产业园区进驻率均达100%后，推动仁武产业园区二期及白埔产业园区招商。"
                                "市府主导的和发、楠梓、仁武一期、仁武二期及白埔5大产业园区总面积逾328公顷。建设涿州义和庄空港产业基地。"))
    assert {"楠梓产业园区", "仁武产业园区二期", "白埔产业园区", "涿州义和庄空港产业基地"} <= found
    assert not any("及" in f or "大产业园区" in f for f in found)


def test_a_theme_is_a_kind_of_park(make_context):
    """特色主题产业园, 中心城区主题园区: parks of a theme, none named."""
    found = labels(make_context("北京高端产业外迁基地、航空航天等特色主题产业园形成规模。建设中心城区主题园区。"))
    assert not any("主题" in f for f in found)


def test_a_science_and_innovation_park_is_a_park(make_context):
    """麒麟科创园, 天开高教科创园: parks of science and innovation; 标准化科创园 is a kind."""
    found = labels(make_context("华能清洁能源智链科技产业园项目落户麒麟科创园。建设天开高教科创园。建成投资2亿元的标准化科创园。"))
    assert {"麒麟科创园", "天开高教科创园"} <= found and "标准化科创园" not in found


def test_a_district_of_industry_is_a_park(make_context):
    """林木精深加工产业区: a zone of one industry is a park (产业区)."""
    found = labels(make_context("“三区”即“绿色低碳循环经济产业区、新型石材建材产业区、林木精深加工产业区”。"))
    assert {"绿色低碳循环经济产业区", "新型石材建材产业区", "林木精深加工产业区"} <= found


def test_an_approval_is_no_part_of_a_parks_name(make_context):
    """省政府批复同意|修水工业园区调区扩区: the province approved the park's change."""
    found = labels(make_context("省政府批复同意修水工业园区调区扩区。"))
    assert found == {"修水工业园区"}


def test_the_common_word_of_a_park_after_its_name_is_no_part_of_it(make_context):
    """形成了轮台工业园区园区产业聚集优势: 园区 again is the park's common word, then its industries."""
    assert labels(make_context("这些企业的相继开工建设为进一步形成了轮台工业园区园区产业聚集优势。")) == {"轮台工业园区"}


def test_the_count_of_a_list_of_parks_after_its_last_item_keeps_the_item(make_context):
    """电子信息产业园、智能装备制造产业园、龙门工业新区三个产业承接平台: the count is the list's (three parks);
    标准果园3个 is a kind counted."""
    found = labels(make_context("全南县打造电子信息产业园、智能装备制造产业园、龙门工业新区三个产业承接平台。建设标准果园3个。"))
    assert any(label.endswith("龙门工业新区") for label in found)
    assert not any(label.endswith("标准果园") for label in found)


@pytest.mark.parametrize("sentence, expected", [
    ("成都龙泉驿区大面街道在梵木圣山文创园举行项目签约活动。", "梵木圣山文创园"),
    ("黄希然与望城县人民政府招商代表签定铜官陶瓷产业园项目合作框架协议。", "铜官陶瓷产业园"),
])
def test_a_cultural_park_and_a_park_after_a_verb_of_signing(make_context, sentence, expected):
    """文创园 heads a park; 签定 (a written form of 签订) is no part of the name after it."""
    assert any(label.split(":")[-1] == expected for label in labels(make_context(sentence)))


def test_every_item_of_a_list_closed_by_its_count_of_parks_is_a_park(make_context):
    """…、金马现代物流中心、福山咖啡文化风情小镇和琼台全面战略合作示范基地等5大园区: the count says all five are parks."""
    found = labels(make_context("澄迈出台决定，明确海南老城经济开发区、海南生态科技新城、金马现代物流中心、福山咖啡文化风情小镇和"
                                "琼台全面战略合作示范基地等5大园区的产业定位。"))
    assert {"海南生态科技新城", "金马现代物流中心", "福山咖啡文化风情小镇", "琼台全面战略合作示范基地"} <= found


def test_a_count_of_what_a_park_holds_keeps_the_park(make_context):
    """金川科技园6家企业: the firms counted, the park named; 规模养殖园区20个以上 is a kind counted."""
    found = labels(make_context("金川科技园6家企业累计拉动规上工业增长。新增规模养殖园区20个以上。"))
    assert any(label.endswith("金川科技园") for label in found)
    assert not any(label.endswith("规模养殖园区") for label in found)


def test_an_airport_city_is_a_park(make_context):
    """桃园航空城, like a 科技城 or a 物流城, is a zone of industry (its 计画 is the plan for it)."""
    assert any(label.endswith("桃园航空城") for label in labels(make_context("市府积极推动桃园航空城计画，规划9处优先产专区。")))


@pytest.mark.parametrize(("sentence", "expected", "absent"), [
    ("总投资180亿元的省重大项目吴江纺织循环经济产业园初具雏形。", "吴江纺织循环经济产业园", "省重大项目吴江纺织循环经济产业园"),
    ("据朝阳开发区相关负责人介绍,开发区总体定位为先进制造业。", None, "据朝阳开发区"),
])
def test_what_the_park_is_or_who_speaks_is_no_part_of_its_name(make_context, sentence, expected, absent):
    """省重大项目|吴江…产业园: the kind of project it is; 据|朝阳开发区…介绍: the source of what is reported."""
    found = labels(make_context(sentence))
    assert absent not in found and (expected is None or expected in found)


def test_where_a_park_lies_is_no_part_of_its_name(make_context):
    """毗邻|大飞机产业园; 六块厝产业园区毗邻屏东科技产业园区: both parks."""
    found = labels(make_context("镇域内有两大重要枢纽项目,毗邻大飞机产业园。"))
    assert "大飞机产业园" in found and not {n for n in found if n.startswith("毗邻")}
    assert labels(make_context("六块厝产业园区毗邻屏东科技产业园区。")) == {"六块厝产业园区", "屏东科技产业园区"}


def test_a_free_trade_zones_new_area(make_context):
    """临港新片区: the new area of a free trade zone, a park."""
    assert "临港新片区" in labels(make_context("是浦东引领区、临港新片区和长三角一体化等多个国家战略叠加区域。"))
