import pytest

from govkg.extractors.enterprise import extract_enterprises


def labels(ctx):
    return {m.label for m in extract_enterprises(ctx)}


@pytest.mark.parametrize("sentence, expected", [
    ("江苏国泰、中化蓝天等头部企业纷至沓来。", {"江苏国泰", "中化蓝天"}),
    ("成功引入四川现代种业集团、华智生物等龙头企业。", {"四川现代种业集团", "华智生物"}),
    ("推动易品食品等9户企业投产达产。", {"易品食品"}),
    ("支持卓雅、博洋等7家企业进行技改。", {"卓雅", "博洋"}),
    ("加快实施德胜钒钛公司高炉节能技改项目。", {"德胜钒钛公司"}),
    ("通洲集团合成氨项目建成。", {"通洲集团"}),
])
def test_enterprises(make_context, sentence, expected):
    assert expected <= labels(make_context(sentence))


@pytest.mark.parametrize("sentence", [
    "壮大龙头企业综合实力。",
    "培育一批专精特新企业。",
    "交通、水利、医保等部门和企业协同。",
    "让符合称号类条件的企业免于申请。",
    "组建国有公司。",
])
def test_generic_enterprises_rejected(make_context, sentence):
    assert labels(make_context(sentence)) == set()
