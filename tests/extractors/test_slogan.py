"""Slogans: quoted formulations, numeral formulas, head nouns, near-misses, proposedBy."""

from __future__ import annotations

import pytest

from govkg.extractors import extract
from govkg.extractors.slogan import clean_content, extract_slogans, slogan_label
from govkg.model import EntityRef, Mention, Relation


def _slogans(ctx) -> dict[str, Mention]:
    return {m.label: m for m in extract_slogans(ctx) if isinstance(m, Mention)}


@pytest.mark.parametrize(
    ("sentence", "label", "alias"),
    [
        # quoted digits, with and without a head noun
        ("坚持“163”党建工作思路，助力县域发展。", "163党建工作思路", "163"),
        ("将重心锁定为“1+5”片区，优化国土空间格局。", "1+5片区", "1+5"),
        ("加快构建“6+5+N”产业体系。", "6+5+N产业体系", "6+5+N"),
        ("坚持“621”偿债机制，严格控制债务。", "621偿债机制", "621"),
        ("创新推出“4012”，办事更便捷。", "4012", None),
        # Chinese-numeral formulas
        ("紧紧围绕“两区一城”，推动各项事业取得新成效。", "两区一城", None),
        ("全面落实“四个一批”，滚动推进项目。", "四个一批", None),
        ("牢牢把握“六个更好统筹”，深化改革。", "六个更好统筹", None),
        ("探索“一会四函一书”改革。", "一会四函一书改革", "一会四函一书"),
        ("我们秉持“十个指头弹钢琴”的工作方法。", "十个指头弹钢琴", None),
        # head noun after the closing quote
        ("营商环境持续优化，实施“六清”行动。", "六清行动", "六清"),
        ("持续深化“放管服”改革，容缺受理。", "放管服改革", "放管服"),
        ("推进“五气”共管，污染防治见实效。", "五气共管", "五气"),  # what the counted things are done together
        # a result noun after the quote is what the formula achieved, not its head
        ("坚持“三年大变样”成效显著。", "三年大变样", None),
        # parallel phrases
        ("坚持“讲政治、抓发展、惠民生、保安全”，逆势前行。", "讲政治、抓发展、惠民生、保安全", None),
        ("确立了‘以交通促繁荣、以教育聚人口’的发展方略。", "以交通促繁荣、以教育聚人口", None),
        # couplets whose halves repeat a word are formulations, not verse
        ("坚持“房子是用来住的，不是用来炒的”定位。", "房子是用来住的,不是用来炒的", None),
        ("推行“数据多跑路，群众少跑腿”。", "数据多跑路,群众少跑腿", None),
        ("坚持“向陋习宣战，树文明新风，建美好家园”。", "向陋习宣战,树文明新风,建美好家园", None),
        ("树立“功成不必在我，功成必定有我”的境界。", "功成不必在我,功成必定有我", None),
        # four-character policy shapes and introducing verbs
        ("“工业强区”不单是一句口号。", "工业强区", None),
        ("大力发展饲草，推进“粮改饲”。", "粮改饲", None),
        # a campaign named after a battle, or a battle of work
        ("凝聚起坚决打赢新时代“辽沈战役”顺城之战的磅礴力量。", "辽沈战役", None),
        ("全面推行“阳光低保”，累计新增保障对象。", "阳光低保", None),
        ("深化“免申即享”，新增事项。", "免申即享", None),
        # chain of adjacent quotes led by one slogan
        ("坚定不移实施“融圈强极”“工业强市”“文旅兴市”四大战略。", "文旅兴市", None),
        # a footnote marker is a signal
        ("面对“三最”[1]叠加局面。", "三最", None),
        # unquoted formulas and strategies
        ("加快建设一区两城三基地，推动发展。", "一区两城三基地", None),
        ("开工一批、在建一批、投产一批、储备一批四个一批项目。", "四个一批", None),
        ("区委深入实施开放兴区和工业强区战略。", "开放兴区", None),
        ("区委深入实施开放兴区和工业强区战略。", "工业强区", None),
        ("实施国土绿化三年攻坚行动，完成造林。", "国土绿化三年攻坚行动", None),
        # 与 joins the parts of one campaign's name; a long name is not cut in the middle of a word
        ("深入开展群众身边不正之风与腐败问题集中整治行动。", "群众身边不正之风与腐败问题集中整治行动", None),
        ("实施洞庭湖总磷污染控制与削减攻坚行动。", "洞庭湖总磷污染控制与削减攻坚行动", None),
        ("坚决打赢三大攻坚战，深入开展创建。", "三大攻坚战", None),
        ("圆满完成全面建设小康社会三大攻坚战各项任务。", "三大攻坚战", None),  # a word of its own after it
        # a place's positioning after the verb that builds it
        ("发挥仓储优势、构筑“天下药仓”，发挥区位优势、成就“西北药市”。", "天下药仓", None),
        ("发挥仓储优势、构筑“天下药仓”，发挥区位优势、成就“西北药市”。", "西北药市", None),
        # an unquoted digit code with its head
        ("我县认真贯彻市委155发展战略，坚持以项目组织经济工作。", "155发展战略", None),
        ("坚持12355战略，做大梅花鹿产业。", "12355战略", None),
        # the state of development a formula names
        ("实现了集体有作为的良好“村社合一”发展局面。", "村社合一发展局面", "村社合一"),
        # an unquoted formula right after the list of parks it counts
        ("开发区形成化工产业园、沿江产业园、城东产业园一区三园的发展格局。", "一区三园", None),
        # prose after the closing quote is not the formula's head
        ("对重点企业落实“一户一案”定计划，逐一销号。", "一户一案", None),
        ("所谓“两强”即抓龙头带动机制。", "两强", None),
        ("推广“一村一品”发展模式。", "一村一品发展模式", "一村一品"),
        ("推进“三网”联动发展，补齐短板。", "三网", None),  # the predicate goes on after a verbal head
        ("强化“三网”联动，补齐短板。", "三网联动", "三网"),  # a verbal head that ends the clause
        # a scope before an unquoted formula, and the title of a programme after it
        ("2019年大坝村被认定为全国一村一品示范村镇。", "一村一品", None),
        # a quoted run counted by what follows as that many things, one character each
        ("“菌果药”三大特色农业稳健发展。", "菌果药", None),
        ("锁定“病学灾房”4类风险。", "病学灾房", None),
        # one counted thing before a formula's head; a count of big things after a list
        ("一年来，我们聚力两园驱动，工业经济克难前行。", "两园驱动", "两园"),
        ("做好六稳工作，落实六保任务。", "六稳", None),
        ("全力抓好防疫情、稳经济、保安全三件大事。", "三件大事", None),
        # a place's brand for its way of working or its standing, quoted
        ("打造防沙、治沙、用沙的“尉犁样板”。", "尉犁样板", None),
        # the links of a chain a place builds, joined by dashes
        ("“煤—电—铝—铝后加工”一体发展产业集群初步构建。", "煤—电—铝—铝后加工", None),
        # what a government takes as its goal or theme (以“…”作为奋斗目标)
        # a goal after the quote (“…”的奋斗目标), its parts of unequal length
        ("全县上下锚定“全力打造六安绿色振兴新高地、赶超发展先行区”的奋斗目标。", "全力打造六安绿色振兴新高地、赶超发展先行区", None),
        ("扬中经开区始终以“争当产业强市排头兵”作为奋斗目标。", "争当产业强市排头兵", None),
        ("正在成为“中国新能源电池名城”的重要力量。", "中国新能源电池名城", None),
    ],
)
def test_finds_slogan(make_context, sentence, label, alias):
    found = _slogans(make_context(sentence))
    assert label in found, sorted(found)
    mention = found[label]
    assert mention.ref == EntityRef("Slogan", label)
    assert mention.rule.startswith("slogan.")
    if alias:
        assert alias in mention.aliases


@pytest.mark.parametrize(
    "sentence",
    [
        "以最快速度将上级的“规划设计”转化为政府系统的“施工图纸”。",
        "抢抓化工园区认定“窗口期”，争分夺秒站上产业发展“新风口”。",
        "为项目装上“火车头”，把权力关进制度的“笼子”。",
        "重点培育“乐山佛手”优质品种。",
        "策划推出“一日游”“两日游”“周末游”等精品旅游线路。",
        "有效处置了“5·10”“11·3”等多起本地疫情。",
        "重点培育“粮、菜、果、畜、烟、花”6大特色产业。",
        "联合长寿打造“双圈”天然气化工新材料产业合作示范园区。",
        "开工一批、在建一批、投产一批，滚动推进。",
        "一是加强组织领导，二是完善工作机制。",
        "用两个月时间完成一年的任务。",
        "千方百计争取资金，一心一意谋发展。",
        "这一年是非同寻常的一年，我们打通基层治理“最后一米”。",
        "积极开展“云直播”等各类消费促进活动。",
        # quoted verse and sayings
        "“雄关漫道真如铁，而今迈步从头越”，我们信心满怀。",
        "正所谓“黄沙百战穿金甲，不破楼兰终不还”。",
        "游客赞叹“舟行碧波上，人在画中游”。",
        # honours and lists of one year
        "东村入选“2021年中国美丽休闲乡村”。",
        # a year, an amount, a road or a hotline is no code of a strategy
        "编制2035发展战略规划纲要。",
        # a threshold passed is a statistic
        "电子信息首位产业突破“百亿元大关”。",
        # a formula-like run inside a word after a list
        "服务长江经济带、长三角一体化等国家战略。",
        "实施155个重点工程，整治107国道工程沿线。",
        "案例获评“2023年全省营商环境十佳案例”。",
        # a count of things of that name, or of the quotes; a project's name
        "打造“淘宝镇”3个。",
        "继续完善“准入”和“扶优”两个门槛。",
        "深入实施“浑善达克沙地综合治理产业发展项目”。",
        # an amount or a count of the head's things
        "完成三年目标任务，实现四个目标。",
        # an area or a rating is an amount, no formula
        "建设小麦“万亩片”5个、粮食高产田“万亩大方”2处。",
        "创建“五星级”幸福河湖。",
        # a target's figures, an address or an event is no formula
        # the last item of a list that shares its campaign's head is no campaign
        "大力开展占道经营、交通秩序、户外广告和三轮车专项整治行动。",
        "请寄达“斗六邮政第345号信箱”，欢迎各界把握良机。",
        "济南新材料产业园区“项目集中投产、开工、签约仪式”1日举行。",
        "文旅产业加快发展，“世界旅游经济论坛·黑龙江2025”成功举办。",  # an event held in turns, by place and year
        # an award, a batch of honours, a line of landmarks
        "荣获“文华大奖”和“梅花奖”，入选“第六批中国名镇志文化工程”。",
        "打造“鱼丘湖—官道新河—双海湖”生态廊道。",
        "园区围绕实现“建筑面积150万平方米，固定资产投资50亿元”的目标，坚持招商项目促签约。",
    ],
)
def test_rejects_near_misses(make_context, sentence):
    assert _slogans(make_context(sentence)) == {}


def test_glossary_section_is_left_to_the_glossary(make_context):
    text = "实施“六清”行动。\n名词解释\n1.“六清”行动：“清风”行动破思想障碍。"
    found = _slogans(make_context(text))
    assert set(found) == {"六清行动"}  # 清风行动 comes from the glossary extractor


def test_parallel_formula_items_are_parts(make_context):
    text = "提出“一区一地引领、两轴三圈联动、县域重点突破”区域发展新格局。"
    out = list(extract_slogans(make_context(text)))
    labels = {m.label for m in out if isinstance(m, Mention)}
    assert {"一区一地引领", "两轴三圈联动"} <= labels
    assert "县域重点突破" not in labels
    parts = {r.object.key for r in out if isinstance(r, Relation) and r.predicate == "hasPart"}
    assert parts == {"一区一地引领", "两轴三圈联动"}


def test_the_items_of_a_quoted_list_of_campaigns_are_parts(make_context):
    text = "推进“争先创优行动、 景区镇创建行动、扩中提低行动”三项行动，打造美丽乡村。"
    out = list(extract_slogans(make_context(text)))
    parts = {r.object.key for r in out if isinstance(r, Relation) and r.predicate == "hasPart"}
    assert parts == {"争先创优行动", "景区镇创建行动", "扩中提低行动"}
    # a list of which one item is no campaign has no parts
    out = list(extract_slogans(make_context("推进“争先创优行动、乡村振兴、扩中提低行动”三项工作。")))
    assert not any(isinstance(r, Relation) and r.predicate == "hasPart" for r in out)


def test_same_content_gets_one_key_per_document(make_context):
    text = "紧紧围绕“两区一城”奋斗目标。加快建设“两区一城”。准确把握“两区一城”。"
    keys = {m.ref.key for m in extract_slogans(make_context(text)) if isinstance(m, Mention)}
    assert keys == {"两区一城"}


def test_offsets_point_into_the_document(make_context):
    ctx = make_context("我们坚持“163”党建工作思路。")
    (m,) = [m for m in extract_slogans(ctx) if isinstance(m, Mention)]
    assert ctx.doc.text[m.start:m.end] == "“163”党建工作思路"
    assert ctx.sentences[m.sentence].start <= m.start < ctx.sentences[m.sentence].end


def test_traditional_script_is_folded(make_context):
    found = _slogans(make_context("堅持“163”黨建工作思路，推動發展。"))
    assert "163党建工作思路" in found


@pytest.mark.parametrize(
    ("content", "head", "prefix", "expected"),
    [
        ("“1+5”", "片区", "", ("1+5片区", ("1+5",))),
        ("六清", "行动", "", ("六清行动", ("六清",))),
        ("两区一城", "", "", ("两区一城", ())),
        ("标准地", "", "工业项目", ("标准地", ("工业项目标准地",))),
        ("四化同步[7]、城乡融合", "", "", ("四化同步、城乡融合", ())),
    ],
)
def test_slogan_label(content, head, prefix, expected):
    assert slogan_label(content, head, prefix) == expected


def test_clean_content_removes_quotes_markers_and_spaces():
    assert clean_content("“乡村振兴 交通先行”[3]") == "乡村振兴交通先行"


def _region(ctx, name: str, key: str) -> Mention:
    start = ctx.doc.norm.index(name)
    sent = ctx.sentence_at(start)
    return Mention(EntityRef("Region", key), name, start, start + len(name), sent.index, "test")


@pytest.mark.parametrize(
    ("text", "region", "doc_region", "expected"),
    [
        # a named committee: the Region mention right before it
        ("自贡市委十三届四次全会提出，要实施“工业强市”“文旅兴市”四大战略。", "自贡市", None, "510300"),
        # 区委 in a district's report: the document's region
        ("区委提出加快建设“两区一城”。", "沿滩区", "510311", "510311"),
        # the committee right before the quote
        ("按照区委“两区一城”部署推进。", "沿滩区", "510311", "510311"),
        # near-misses: no region known, a level that is not the document's, no proposing verb
        ("区委提出加快建设“两区一城”。", None, None, None),
        ("市委提出加快建设“两区一城”。", "沿滩区", "510311", None),
        ("在区委领导下，我们坚持“讲政治、抓发展”。", "沿滩区", "510311", None),
    ],
)
def test_proposed_by(make_context, text, region, doc_region, expected):
    ctx = make_context(text if region is None or region in text else text + region + "。")
    if region:
        ctx.mentions.append(_region(ctx, region, doc_region or "510300"))
    if doc_region:
        ctx.doc_region = EntityRef("Region", doc_region)
    rels = [r for r in extract_slogans(ctx) if isinstance(r, Relation) and r.predicate == "proposedBy"]
    if expected is None:
        assert rels == []
    else:
        assert rels and {r.object for r in rels} == {EntityRef("Region", expected)}


@pytest.mark.parametrize(("sentence", "label"), [
    ("“我们始终坚持‘企业有需求、政府有回应’。”县长介绍说。", "企业有需求、政府有回应"),
    ("“下一步，我们将以‘三提三优’行动为抓手。”他说。", "三提三优行动"),
    ("记者了解到，该县深入推进“千万工程”。", "千万工程"),
    # the year of a campaign, whatever it pushes
    ("以“项目竞进年”为主题，全力拼经济、搞建设。", "项目竞进年"),
])
def test_finds_slogan_in_quoted_speech(make_context, sentence, label):
    assert label in _slogans(make_context(sentence))


@pytest.mark.parametrize("sentence", [
    "全年粮食产量实现“八连增”。",
    "主要指标实现“四个翻番”。",  # a statistic too
    "粮食总产实现“十九连丰”。",
    "“今年游客明显多了，收入也涨了。”村民老李说。",
    "今年又是一个“丰收年”。",
])
def test_statistics_and_plain_speech_are_no_slogans(make_context, sentence):
    assert _slogans(make_context(sentence)) == {}


@pytest.mark.parametrize("sentence, glued", [
    ("对重点企业落实“一户一案”定计划，逐一销号。", "一户一案定计划"),  # one verb after the quote
    ("所谓“两强”即抓龙头带动机制。", "两强即抓龙头带动机制"),  # a copula opens a clause
    ("推进“三网”联动发展，补齐短板。", "三网联动"),  # a verbal head inside a longer predicate
    ("严控“两费”支出限额管理。", "两费支出限额管理"),  # a verbal head after modifiers
])
def test_prose_after_the_quote_is_not_a_head(make_context, sentence, glued):
    assert glued not in _slogans(make_context(sentence))


def test_a_model_of_parts_joined_by_plus_is_a_slogan_even_when_its_last_part_is_a_company():
    from govkg.extractors.slogan import judge_quoted, load_lexicon
    lx = load_lexicon()
    assert judge_quoted("联合党委+联合社+公司", "", "探索出一套", "的生产经营模式", lx).rule == "slogan.quoted_shape"
    assert judge_quoted("茶岭生态发展有限公司", "", "成立", "。", lx).rule is None


def test_the_sessions_of_the_congresses_are_no_formula(make_context):
    """省“两会”: the people's congress and the CPPCC in session, a national body's name."""
    found = _slogans(make_context("认真贯彻省委十一届三次全会、省“两会”、州委九届三次全会精神，加快“两区一城”建设。"))
    assert "两区一城" in found and "两会" not in found


def test_a_quoted_revival_is_a_slogan(make_context):
    assert "奶业振兴" in _slogans(make_context("“奶酪小镇”一期工程主体完工，“奶业振兴”取得重大成效。"))


def test_a_size_the_economy_is_to_pass_is_no_formula(make_context):
    found = _slogans(make_context("沈阳、大连两市经济规模要尽快过“万亿”，实施“千百亿”行动。"))
    assert "万亿" not in found


def test_a_chain_of_quotes_closed_by_projects_names_projects_unless_they_count(make_context):
    """“万众兴盛”“兴海”…等…发展项目: the quotes are projects' names; “七个一”“一补三化”等…项目 are formulas still."""
    found = _slogans(make_context("“万众兴盛”“兴海”“惠民兴龙”等新型农村集体经济发展项目全面投产。"
                                  "实施“七个一”“一补三化”等重点工程项目1079个。"))
    assert {m.label for m in found.values()} >= {"七个一", "一补三化"}
    assert not {m.label for m in found.values()} & {"万众兴盛", "兴海", "惠民兴龙"}


def test_a_products_brand_is_no_slogan_but_a_services_or_a_formulas_is(make_context):
    """“老乡菇”“小牧耳”食用菌品牌, “渝伴礼”特色品牌: products' brands; “政策保姆”服务品牌 and “1+N”区域公用品牌 stay."""
    found = {m.label for m in _slogans(make_context(
        "做精做优“老乡菇”“小牧耳”食用菌品牌，打响“渝伴礼”特色品牌。打造“政策保姆”服务品牌，构建“1+N”区域公用品牌体系。")).values()}
    assert not found & {"老乡菇", "小牧耳", "渝伴礼", "小牧耳食用菌品牌", "渝伴礼特色品牌"}
    assert any(label.startswith("政策保姆") for label in found) and any(label.startswith("1+N") for label in found)


def test_a_counted_kind_of_high_ground_pillar_or_cluster_is_a_numbered_formula(make_context):
    """四大支柱产业, 四大新兴产业, 三大优势产业, 三大高地, 10大硬核产业集群 are numbered formulas like 五大战略;
    三大产业结构, 5.10大关 and 两个产业集群 (a count) are not."""
    found = set(_slogans(make_context("做强四大支柱产业，建设三大高地，聚力打造10大硬核产业集群。优化三大产业结构，"
                                      "增速达5.10大关。培育两个产业集群。重点培育健康医药、新材料四大新兴产业，"
                                      "发展蔬菜、畜牧、林果三大优势产业。")))
    assert {"四大支柱产业", "三大高地", "10大硬核产业集群", "四大新兴产业", "三大优势产业"} <= found
    assert not any("结构" in f or "大关" in f or "个" in f for f in found)


def test_a_quality_and_a_region_of_the_document_is_a_slogan(make_context):
    """活力壶关、幸福壶关建设, 平安海拉尔、法治海拉尔: the goals a government sets its place; 生态资源 only looks like
    one (资源 is no region the document names)."""
    from govkg.extractors.region import extract_regions

    ctx = make_context("壶关县聚焦活力壶关、幸福壶关建设。海拉尔区加快建设平安海拉尔、法治海拉尔，保护生态资源。")
    ctx.mentions.extend(m for m in extract_regions(ctx) if isinstance(m, Mention))
    found = set(_slogans(ctx))
    assert {"活力壶关", "幸福壶关", "平安海拉尔", "法治海拉尔"} <= found and "生态资源" not in found


def test_a_statistical_class_of_units_is_no_formula(make_context):
    """“四上”企业: units above scale or quota, counted by statistics; “两区一城” beside it stays."""
    found = set(_slogans(make_context("新增市场主体8348户、“四上”企业163家；坚持“两区一城”。")))
    assert "两区一城" in found and not any(f.startswith("四上") for f in found)


def test_a_campaign_of_so_many_years_is_a_slogan_without_its_verb(make_context):
    """工业提速增效三年行动, 安全生产治本攻坚三年行动: campaigns named by their years; 完成 before one is the government's
    verb, and 和谐 opens a name (构建和谐劳动关系…五年行动: 和 joins nothing there)."""
    found = set(_slogans(make_context("启动工业提速增效三年行动，深入开展安全生产治本攻坚三年行动。圆满完成制度集成创新三年行动。"
                                      "实施新时代和谐劳动关系创建示范五年行动。")))
    assert {"工业提速增效三年行动", "安全生产治本攻坚三年行动", "制度集成创新三年行动",
            "新时代和谐劳动关系创建示范五年行动"} <= found
    assert not any(f.startswith(("完成", "圆满", "谐")) for f in found)


def test_an_item_of_a_parallel_formulation_quoted_alone_is_a_slogan(make_context):
    """“强工兴旅”, quoted alone after “强工兴旅、绿色发展、城乡一体、幸福宜居”战略部署; “最强音” alone is no slogan."""
    found = set(_slogans(make_context("按照县委“强工兴旅、绿色发展、城乡一体、幸福宜居”战略部署。奏响了“强工兴旅”最强音。"
                                      "唱响了“最强音”。")))
    assert "强工兴旅" in found and "最强音" not in found


def test_parts_split_by_bullets_are_a_parallel_formulation(make_context):
    """“共享机遇•共谋发展•共赢未来”: three parts between bullets; “红·领·带行动” keeps its middle dots."""
    found = set(_slogans(make_context("岫岩县举行“共享机遇•共谋发展•共赢未来”招商引资项目集中签约仪式。实施“红·领·带行动”。")))
    assert {"共享机遇•共谋发展•共赢未来", "红·领·带行动"} <= found


def test_a_quote_opening_with_a_place_is_a_formula_only_with_plus(make_context):
    """A quote that opens with a region the document names is a place's product or brand (“江门陈皮”), unless a +
    joins what each place does (“深圳总部+江门基地”)."""
    from govkg.extractors.region import extract_regions

    ctx = make_context("江门市新会区政府驻深圳招商中心成立，探索“深圳总部+江门基地”等模式，做强“江门陈皮”。")
    ctx.mentions.extend(m for m in extract_regions(ctx) if isinstance(m, Mention))
    assert set(_slogans(ctx)) == {"深圳总部+江门基地"}


def test_a_parallel_quote_whose_items_do_not_all_open_with_places_is_a_formula(make_context):
    """“海南所需、屯昌所能、产业所趋、民生所盼”四个关键点: places open some items only, and the count is of the points
    the formula makes, not of things; “屯昌黑猪、屯昌香鸡” (every item a place's product) is none."""
    from govkg.extractors.region import extract_regions

    ctx = make_context("屯昌县将聚焦“海南所需、屯昌所能、产业所趋、民生所盼”四个关键点，打造“屯昌黑猪、屯昌香鸡”。")
    ctx.mentions.extend(m for m in extract_regions(ctx) if isinstance(m, Mention))
    assert set(_slogans(ctx)) == {"海南所需、屯昌所能、产业所趋、民生所盼"}



def test_a_parallel_quote_of_what_places_do_is_a_formula(make_context):
    """Every item opens with a place and says what it does: a formulation; speech after a place is none."""
    from govkg.extractors.region import extract_regions

    ctx = make_context("保定市博野县。推动形成“北京研发、保定转化，雄安创新、保定先行”新格局，“博野虽小，但充满无限遐想”。")
    ctx.mentions.extend(m for m in extract_regions(ctx) if isinstance(m, Mention))
    assert set(_slogans(ctx)) == {"北京研发、保定转化,雄安创新、保定先行新格局"}


def test_a_parallel_quote_of_what_places_are_to_become_is_a_formula(make_context):
    """Every item opens with a place, but says at length what it is to become: a goal, not places' products."""
    from govkg.extractors.region import extract_regions

    ctx = make_context("广西玉林市福绵区将全力打造“玉林工业发展新增长极、广西纺织服装产业领头羊”，推广“福绵黑猪、福绵香鸡”。")
    ctx.mentions.extend(m for m in extract_regions(ctx) if isinstance(m, Mention))
    assert set(_slogans(ctx)) == {"玉林工业发展新增长极、广西纺织服装产业领头羊"}


@pytest.mark.parametrize("sentence, name", [
    # what the verb opens is one campaign across 和 when its first part has no head of its own
    ("开展规范涉企行政检查和行政执法专项行动。", "规范涉企行政检查和行政执法专项行动"),
    ("开展产品质量和食品药品安全专项整治行动。", "产品质量和食品药品安全专项整治行动"),
    # a verb of focus opens no campaign's name
    ("我们将聚焦服务企业效能提升突破年，想企业之所想。", "服务企业效能提升突破年"),
    # a first part with its own head is a campaign of its own
    ("开展解放思想大讨论和服务能力大提升行动。", "服务能力大提升行动"),
    # after the verb, a word that also leads campaigns opens this one's name (实施|全面振兴…, not 全面|实施…)
    ("全省深入实施全面振兴新突破三年行动。", "全面振兴新突破三年行动"),
    ("全面实施乡村建设三年行动。", "乡村建设三年行动"),
])
def test_a_campaign_is_named_from_the_verb_that_opens_it(make_context, sentence, name):
    assert set(_slogans(make_context(sentence))) == {name}



def test_what_a_place_is_the_model_of_is_a_slogan(make_context):
    """“依安模式” opens with the county's short form, yet is its formulation, not a place's product (“依安大豆”)."""
    ctx = make_context("依安县打造生态有机转换的“依安模式”，推广“依安大豆”，始终牢记“依安嘱托”。")
    facts = extract(ctx.doc, ctx.sentences, ctx.resources)
    assert {info.label for ref, info in facts.entities.items() if ref.type == "Slogan"} == {"依安模式", "依安嘱托"}


def test_a_head_after_a_chain_of_quotes_is_the_whole_chains(make_context):
    """“两重”“两新”重大举措: the head belongs to both quotes, so to neither's label."""
    assert set(_slogans(make_context("提早对接“两重”“两新”重大举措，用好用活存量增量系列政策。"))) == {"两重", "两新"}


@pytest.mark.parametrize("text, expected", [
    ("宝坻区政府工作报告。落实制造业立市战略，提升科技城能级。", "制造业立市"),  # a sector makes the city stand
    ("东洲区政府工作报告。坚持蓄力聚能，实力东洲的发展引擎更加强劲。", "实力东洲"),  # a quality and the place, before 的
])
def test_a_sectors_strategy_and_a_quality_of_the_place(make_context, text, expected):
    from govkg.text.document import sentences_of

    ctx = make_context(text)
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    assert EntityRef("Slogan", expected) in facts.entities


def test_a_sector_that_founds_a_place_quoted(make_context):
    """传承“工业立县”之基: XX立县 is the shape of XX强县, a strategy."""
    assert "工业立县" in _slogans(make_context("传承“工业立县”之基,大力培育现代产业体系。"))


def test_a_quoted_list_of_sectors_is_no_slogan(make_context):
    """‘先进制造、总部经济、文化旅游、现代服务’等产业领域: the sectors a place works in, listed in a speaker's quotes."""
    assert not _slogans(make_context("围绕‘先进制造、总部经济、文化旅游、现代服务’等产业领域,突出重点。"))
    # a numbered formula listing its parts stays one (“三养(养猪、养牛、养羊)”等产业)
    assert "三养(养猪、养牛、养羊)" in _slogans(make_context("围绕“两叶(茶叶、烟叶)”、“三养(养猪、养牛、养羊)”等产业,动员企业。"))
