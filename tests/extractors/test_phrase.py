import pytest

from govkg.extractors.phrase import (before_marker, enumeration_items, governing_lead, is_common_word, leading_clutter,
                                     left_edge, load_lexicon)


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


@pytest.mark.parametrize("sentence, head, expected", [
    ("加快推进乾旻玄武岩纤维新材料建设项目", "项目", "乾旻玄武岩纤维新材料建设项目"),
    ("加快实施德胜钒钛公司1250m³高炉节能技改项目", "项目", "德胜钒钛公司1250m³高炉节能技改项目"),
    ("持续推进老蛮桥水库扩建工程", "工程", "老蛮桥水库扩建工程"),
    ("积极争创国家级经开区", "经开区", "国家级经开区"),
    ("“1”即沿滩高新技术产业园区", "园区", "沿滩高新技术产业园区"),
    ("确保46个项目", "项目", "46个项目"),  # the count is cut later by headed_names
    ("形成一切围着项目转的合力", "项目", "项目"),  # verb + aspect particle 着 ends a name
    ("处处涌动着项目建设热潮", "项目", "项目"),
    ("一切扭住项目干", "项目", "项目"),
    # reference markers, bullets and list ordinals end a name or are cut from its front
    ("实施〔25〕十百千工程", "工程", "十百千工程"),
    ("推进［1］工程", "工程", "工程"),
    ("完成道路[12]改造提升工程", "工程", "改造提升工程"),
    ("③巨力路东延工程", "工程", "巨力路东延工程"),
    ("⑵县医院改扩建工程", "工程", "县医院改扩建工程"),
    ("10．零碳园区", "园区", "零碳园区"),
    ("二是建园区", "园区", "园区"),
    ("九是黄河宁夏段河道治理工程", "工程", "黄河宁夏段河道治理工程"),
    ("其三唐河三期治理工程", "工程", "唐河三期治理工程"),
    # governing verbs before a name
    ("搞好工业园区", "园区", "工业园区"),
    ("提高公办幼儿园", "幼儿园", "公办幼儿园"),
    ("退出京唐钢铁集团", "集团", "京唐钢铁集团"),
    ("全面落实省级开发区", "开发区", "省级开发区"),
    ("建强县级龙头医院", "医院", "县级龙头医院"),
    ("全力以赴建园区", "园区", "园区"),
    # near-misses: digits, ordinal-like words and verb-like characters inside real names
    ("加快5G产业", "产业", "5G产业"),
    ("推进省道430沙湾城区绕城线工程", "工程", "省道430沙湾城区绕城线工程"),
    ("推进唐河二期工程", "工程", "唐河二期工程"),
    ("建成第一中学教学楼工程", "工程", "第一中学教学楼工程"),
    ("推进保定建强制动软管有限公司", "公司", "保定建强制动软管有限公司"),
    ("支持中铁建预制构件公司", "公司", "中铁建预制构件公司"),
    ("打通建新大街南延工程", "工程", "建新大街南延工程"),
    # a name longer than the reach starts at a word, not inside one (集团 is not cut into 集|团)
    ("出席正大集团石门100万头生猪产业链乌木溪6000头种猪场项目", "项目", "石门100万头生猪产业链乌木溪6000头种猪场项目"),
])
def test_left_edge(lex, sentence, head, expected):
    i = sentence.rindex(head)
    assert sentence[left_edge(sentence, i, lex):i + len(head)] == expected


@pytest.mark.parametrize("sentence, end_word, expected", [
    ("成功引入四川现代种业集团、华智生物等龙头企业", "等", ["四川现代种业集团", "华智生物"]),
    ("大力发展智能家电、装备制造、绿色建材等支柱产业", "等", ["智能家电", "装备制造", "绿色建材"]),
    ("嘉农镇、太平镇、葫芦镇3个中心镇", "3个", ["嘉农镇", "太平镇", "葫芦镇"]),
    ("推动永汇食品等16户企业投产", "等", ["永汇食品"]),
    ("新六种猪场〔12〕、大正食品〔14〕等项目", "等", ["新六种猪场", "大正食品"]),
    ("硒鸽肉鸽养殖基地[10]、一臣饲料[17]等项目", "等", ["硒鸽肉鸽养殖基地", "一臣饲料"]),
    ("二是招引华为、比亚迪等企业", "等", ["华为", "比亚迪"]),
])
def test_enumeration_items(lex, sentence, end_word, expected):
    items = enumeration_items(sentence, sentence.index(end_word), lex)
    assert [sentence[a:b] for a, b in items] == expected


@pytest.mark.parametrize("word, common", [("交通", True), ("政策", True), ("梅塞尔", False), ("江苏国泰", False)])
def test_common_word(lex, word, common):
    assert is_common_word(lex, word) is common


@pytest.mark.parametrize("name, cut", [
    ("一是唐河", 2), ("十二是", 3), ("其一", 2), ("第三是", 3), ("3．", 2), ("12、", 3), ("（四）", 3),
    ("建园区", 1), ("抓城市", 1), ("建强县级", 2),
    # near-misses that stay whole
    ("二期", 0), ("5G", 0), ("1+5", 0), ("3.5", 0), ("第一中学", 0), ("其中", 0), ("建新大街", 0),
    ("建昌", 0), ("建始", 0), ("创业", 0), ("招商", 0), ("163", 0),
])
def test_leading_clutter(lex, name, cut):
    assert leading_clutter(lex, name) == cut


@pytest.mark.parametrize("text, expected", [
    ("大正食品〔14〕", "大正食品"), ("大正食品［14］", "大正食品"), ("大正食品[14]", "大正食品"),
    ("县医院①", "县医院"), ("项目(3)", "项目"),
    ("1+5片区", "1+5片区"), ("G227", "G227"), ("〔14〕", "〔14〕"), ("（2023）", "（2023）"),
])
def test_before_marker(text, expected):
    assert text[:before_marker(text, len(text))] == expected


@pytest.mark.parametrize("name, head, cut", [
    ("整修清溪河堤防", "堤防", 2),  # an everyday verb governs the works
    ("以万丰商贸综合体", "综合体", 1),  # a preposition opens the clause
    ("涌现出清河电子产业园", "产业园", 3),  # verb with its complement, one jieba word
    ("打好青禾项目园区", "园区", 2),  # verb + complement, two words
    ("维护好清溪片林", "片林", 3),
    ("密切跟进华宇集团", "集团", 4),  # adverb + verb
    ("搭建保定职教园区", "园区", 2),  # the object starts with a place jieba tags as a verb
    # near misses: nothing is cut
    ("追觅机器人", "机器人", 0),  # a brand jieba does not count as a verb
    ("实验小学新建教学楼", "教学楼", 0),  # a verbal noun used as a modifier
    ("安置区二期项目", "二期项目", 0),  # the next character binds to what follows
    ("保定高新区", "高新区", 0),  # a place tagged as a verb
    ("搭建园区", "园区", 0),  # no body would be left
    ("同福集团", "集团", 0),  # 同 is no clause-opening preposition
])
def test_governing_lead(lex, name, head, cut):
    from govkg.extractors.base import Resources
    from govkg.extractors.gazetteer import gazetteer
    assert governing_lead(lex, name, name.rindex(head), gazetteer(Resources()).names_place) == cut
