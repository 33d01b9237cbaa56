import pytest

from govkg.extractors.industry import extract_industries, industry_key


def labels(ctx):
    return {m.label for m in extract_industries(ctx)}


@pytest.mark.parametrize("sentence, expected", [
    ("力争钒钛产业产值突破120亿元。", {"钒钛产业"}),
    ("大力发展智能家电、装备制造、绿色建材等支柱产业。", {"智能家电", "装备制造", "绿色建材"}),
    ("打造千亿级新型化工产业集群。", {"新型化工产业"}),
    ("持续抓牢氟化工及新能源材料主导产业。", {"新能源材料产业"}),
    ("壮大纺织产业，培育锂电产业。", {"纺织产业", "锂电产业"}),
])
def test_industries(make_context, sentence, expected):
    assert expected <= labels(make_context(sentence))


@pytest.mark.parametrize("sentence", [
    "做优主导产业。",
    "培育新兴产业和支柱产业。",
    "建设沿滩高新技术产业园区。",
    "推动产业转移和产业升级。",
])
def test_generic_industries_rejected(make_context, sentence):
    assert labels(make_context(sentence)) == set()


def test_key_joins_with_and_without_suffix():
    assert industry_key("氟化工产业") == industry_key("氟化工") == "氟化工"
