import pytest

from govkg.extractors.phrase import enumeration_items, is_common_word, left_edge, load_lexicon


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
])
def test_left_edge(lex, sentence, head, expected):
    i = sentence.rindex(head)
    assert sentence[left_edge(sentence, i, lex):i + len(head)] == expected


@pytest.mark.parametrize("sentence, end_word, expected", [
    ("成功引入四川现代种业集团、华智生物等龙头企业", "等", ["四川现代种业集团", "华智生物"]),
    ("大力发展智能家电、装备制造、绿色建材等支柱产业", "等", ["智能家电", "装备制造", "绿色建材"]),
    ("嘉农镇、太平镇、葫芦镇3个中心镇", "3个", ["嘉农镇", "太平镇", "葫芦镇"]),
    ("推动永汇食品等16户企业投产", "等", ["永汇食品"]),
])
def test_enumeration_items(lex, sentence, end_word, expected):
    items = enumeration_items(sentence, sentence.index(end_word), lex)
    assert [sentence[a:b] for a, b in items] == expected


@pytest.mark.parametrize("word, common", [("交通", True), ("政策", True), ("梅塞尔", False), ("江苏国泰", False)])
def test_common_word(lex, word, common):
    assert is_common_word(lex, word) is common
