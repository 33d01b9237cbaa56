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
])
def test_projects(make_context, sentence, expected):
    projects, _, _ = found(make_context(sentence))
    assert expected <= projects


@pytest.mark.parametrize("sentence", [
    "合理布局重大项目。",
    "力争完成46个市区“挂图作战”项目。",
    "实施一批民生工程。",
    "争取政策项目。",
    "完成年度投资超50亿元项目。",
])
def test_generic_projects_rejected(make_context, sentence):
    projects, _, _ = found(make_context(sentence))
    assert projects == set()


def test_phase_names_its_enterprise(make_context):
    projects, enterprises, rels = found(make_context("推动圣善二期、华智二期尽快建成投产。"))
    assert {"圣善二期", "华智二期"} <= projects
    assert {"圣善", "华智"} <= enterprises
    assert ("圣善", "carriesOut", "圣善二期") in rels


def test_place_phase_is_not_an_enterprise(make_context):
    _, enterprises, _ = found(make_context("加快清苑新城一期建设。"))
    assert "清苑新城" not in enterprises


def test_short_list_items_are_enterprises(make_context):
    projects, enterprises, _ = found(make_context("信乙化工、华砂新材料等项目如期竣工。"))
    assert {"信乙化工", "华砂新材料"} <= enterprises
    assert not {"信乙化工", "华砂新材料"} & projects
