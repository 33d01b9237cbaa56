import pytest

from govkg.extractors.park import extract_parks


def labels(ctx):
    return {m.label for m in extract_parks(ctx)}


@pytest.mark.parametrize("sentence, expected", [
    ("川南新材料化工园区成功创建省级化工园区。", {"川南新材料化工园区"}),
    ("“1”即沿滩高新技术产业园区。", {"沿滩高新技术产业园区"}),
    ("加快建设韵达产业园和机械装备制造园。", {"韵达产业园"}),
    ("积极对接重庆长寿经开区、铜梁高新区。", {"重庆长寿经开区", "铜梁高新区"}),
    ("古月生态农业产业园区项目富了村民。", {"古月生态农业产业园区"}),
])
def test_named_parks(make_context, sentence, expected):
    assert expected <= labels(make_context(sentence))


@pytest.mark.parametrize("sentence", [
    "推动项目向园区集中。",
    "争创省级化工园区。",
    "建设一批现代农业园区。",
    "打造国家级开发区。",
])
def test_generic_parks_rejected(make_context, sentence):
    assert labels(make_context(sentence)) == set()


def test_offsets_and_sentence(make_context):
    ctx = make_context("前言。加快建设韵达产业园。")
    [m] = list(extract_parks(ctx))
    assert ctx.doc.text[m.start:m.end] == "韵达产业园"
    assert ctx.sentences[m.sentence].start <= m.start < ctx.sentences[m.sentence].end
    assert m.ref.type == "Park" and m.rule == "park.head"
