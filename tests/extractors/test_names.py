"""Names no rule should let through, whatever extractor proposed them (govkg.extractors.names.never_a_name)."""

from __future__ import annotations

import pytest

from govkg.extractors import extract
from govkg.text.document import sentences_of


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        ("----项目建设成果丰硕，----园区提档升级。", {"----项目", "----园区"}),  # a rule line of page furniture
        ("2020年开发区建设取得新进展。", {"2020年开发区"}),  # a year glued on in front
        ("株洲市2020年第三季度重大招商项目集中签约仪式举行。", {"株洲市2020年第三季度重大招商项目"}),  # a batch of a year
        ("今年11月份一期HS140和HS106两条滑道正式建成投训。", {"11月份一期"}),  # a month
        ("开工建设白龙核电一期以及6座抽水蓄能电站等项目。", {"6座抽水蓄能电站"}),  # a count: a kind, many of them
        # an institute is no industry, whatever its field
        ("增强重庆信息与智慧医学研究院、重庆通用人工智能研究院等新型研发机构产业支撑力。",
         {"智慧医学研究院", "通用人工智能研究院"}),
        ("推进文化保护传承利用工程，40余个文艺项目获国家重大奖项。", {"40余个文艺项目"}),
    ],
)
def test_furniture_times_and_counts_never_name_an_entity(make_context, text, junk):
    ctx = make_context(text)
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    labels = {m.label for m in facts.mentions}
    assert not junk & labels


def test_a_dash_between_two_places_stays(make_context):
    ctx = make_context("实施徐大路--西公村公路南延至纬一路工程。")
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    assert ("Project", "徐大路--西公村公路南延至纬一路工程") in {(m.ref.type, m.label) for m in facts.mentions}
