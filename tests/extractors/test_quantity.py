"""The grammar of figures: money to yuan (or dollars), growth to signed percent."""

import pytest

from govkg.extractors.quantity import decimal_text, find_growth, find_money, half_width, is_level


@pytest.mark.parametrize("text, expected", [
    ("完成141.9亿元", [("14190000000", "CNY")]),
    ("33987元", [("33987", "CNY")]),
    ("33,987元", [("33987", "CNY")]),
    ("7800万元", [("78000000", "CNY")]),
    ("2.15万亿元", [("2150000000000", "CNY")]),
    ("1.2亿美元", [("120000000", "USD")]),
    ("1500万美元", [("15000000", "USD")]),
    ("实际利用外资 1830 万美 元", [("18300000", "USD")]),  # a space a PDF left inside the unit
    ("３．３亿元", []),  # full width: half_width first
    ("2023年", []),
    ("36.5 9亿元", []),  # a number broken by a space
])
def test_money(text, expected):
    assert [(m.amount.value, m.amount.currency) for m in find_money(text)] == expected


def test_full_width_figures():
    assert [m.amount.value for m in find_money(half_width("３．３亿元"))] == ["330000000"]
    assert [g.value for g in find_growth(half_width("增长１２．６％"))] == ["12.6"]


@pytest.mark.parametrize("text, expected", [
    ("同比增长7.5%", ["7.5"]), ("增长6.0%", ["6"]), ("下降3.2%", ["-3.2"]), ("比上年下降3.2%", ["-3.2"]),
    ("增长-1.5%", ["-1.5"]), ("减少2%", ["-2"]), ("增速达到11.1%", ["11.1"]), ("增幅为5%", ["5"]),
    ("增长7%左右", ["7"]), ("增长8.5%以上", ["8.5"]),
    ("分别增长8%和9.5%", ["8", "9.5"]), ("分别增长7.5%、8.5%以上", ["7.5", "8.5"]),
    ("提高2个百分点", []), ("提高到26.8%", []), ("占比26.8%", []),
    ("增长1.5倍", ["150"]),
])
def test_growth(text, expected):
    assert [g.value for g in find_growth(text)] == expected


def test_average_and_multiples_are_marked():
    found = find_growth("年均增长7.2%，年均分别增长9%和11%，增长1.3倍，增长5%")
    assert [(g.value, g.average, g.times) for g in found] == [
        ("7.2", True, False), ("9", True, False), ("11", True, False), ("130", False, True), ("5", False, False)]


@pytest.mark.parametrize("text, levels", [
    ("达到81.2亿元", [True]),
    ("比上年增加3亿元", [False]),
    ("由80亿元增加到81.2亿元", [False, True]),
    ("从2015年的2.6万亿元增长到2020年的3.6万亿元", [False, True]),
    ("突破100亿元", [False]),
    ("约100亿元", [True]),
])
def test_level(text, levels):
    assert [is_level(text, m) for m in find_money(text)] == levels


def test_decimal_text():
    from decimal import Decimal
    assert decimal_text(Decimal("81.2") * 10 ** 8) == "8120000000"
    assert decimal_text(Decimal("-3.20")) == "-3.2"
