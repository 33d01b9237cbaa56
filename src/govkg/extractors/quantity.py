"""The grammar of written figures: sums of money, growth rates and their lists.

Pure functions over one clause of simplified text (offsets stay those of the
text given). Money is normalised to yuan (亿元, 万元, 元; 美元 kept as USD),
growth to percent with its sign (下降3.2% -> -3.2). Values are decimal strings
in canonical form, so the same text always gives the same bytes.

>>> [(m.amount.value, m.amount.currency) for m in find_money("完成81.2亿元，出口1.5亿美元")]
[('8120000000', 'CNY'), ('150000000', 'USD')]
>>> [g.value for g in find_growth("同比分别增长6.5%、9.4%，比上年下降3.2%")]
['6.5', '9.4', '-3.2']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from govkg.model import Amount

_WIDE = "０１２３４５６７８９％．，－＋／：ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
_HALF = str.maketrans(_WIDE + "\u3000", "".join(chr(ord(c) - 0xFEE0) for c in _WIDE) + " ")
_NEEDS_HALF = re.compile("[０-９％．Ａ-Ｚａ-ｚ\u3000]")


def half_width(text: str) -> str:
    """Full-width digits, letters and signs of figures made ASCII; same length, so offsets stay.

    Only a text holding a full-width digit, letter, ％ or ． is translated (most hold none).

    >>> half_width("增长１２．６％，同比")
    '增长12.6%,同比'
    >>> half_width("增长12.6%，同比")
    '增长12.6%，同比'
    """
    return text.translate(_HALF) if _NEEDS_HALF.search(text) else text


_NUM = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?(?![0-9,])"  # ASCII digits: text is half_width() first
_MULTIPLIERS = {"万亿": 10 ** 12, "千亿": 10 ** 11, "百亿": 10 ** 10, "亿": 10 ** 8, "千万": 10 ** 7,
                "百万": 10 ** 6, "十万": 10 ** 5, "万": 10 ** 4, "千": 10 ** 3, "": 1}
_MONEY = re.compile(rf"(?<![0-9.])(?P<num>{_NUM})\s*(?P<mult>万亿|千亿|百亿|亿|千万|百万|十万|万|千)?\s*"
                    r"(?P<cur>美\s?元|元)")  # 1830 万美 元: a space a PDF left inside the unit
# a growth verb, then the rate; 到/至 after the verb make a level (提高到26.8%), not a growth; the rates of a list
# (增长11%、12.6%), also where a PDF lost the mark between them (分别增长 51.6% 144%)
_GROWTH = re.compile(
    r"(?P<verb>增长率|增速|增幅|增长|增加|增|提高|提升|上升|下降|降低|减少|回落|下滑|负增长)"
    r"(?:了)?(?:为|达到|达|是|约|近|超过)?\s*"
    rf"(?P<num>-?{_NUM})\s*(?P<unit>%|倍|个百分点)"
    r"(?P<rest>(?:\s*(?:左右|以上|以内|上下))?(?:(?:\s*(?:[、和及与]|,|，)\s*|\s+)-?[0-9]+(?:\.[0-9]+)?\s*(?:%|倍)"
    r"(?:\s*(?:左右|以上|以内|上下))?)*)")
_MORE = re.compile(r"-?[0-9]+(?:\.[0-9]+)?\s*(%|倍)")
_AVERAGE = re.compile(r"(?:年均|年平均|平均每年)\s*(?:分别|均|都)?\s*$")
_NEGATIVE = frozenset({"下降", "降低", "减少", "回落", "下滑", "负增长"})
# the verbs and words just before a sum that make it a change or a bound rather than the value
_NOT_A_LEVEL = re.compile(r"(?:(?:增加|增长|增|减少|下降|降低|提高|提升|多|新增|净增|增收|减收|突破|超过|超|逾|"
                          r"近|接近|不到|不足|高于|低于)\s*(?:了)?"
                          r"|(?:由|从)\s*(?:(?:19|20)\d\d\s*年(?:底|末)?的?)?)\s*$")
_BROKEN = re.compile(r"[0-9]\s+$")  # 36.5 9亿元: a number broken by a space is no number
_APPROX = re.compile(r"(?:约|近|超过|超|逾|突破|接近|达到|达|为)\s*$")


@dataclass(frozen=True, slots=True)
class Money:
    """A sum found at ``start:end`` of a text; ``before`` is the bound word in front (超, 约) if any."""

    amount: Amount
    start: int
    end: int
    bound: str


@dataclass(frozen=True, slots=True)
class Growth:
    """A growth rate in percent with its sign, found at ``start:end``; ``average`` when it is 年均 (per year),
    ``times`` when written as a multiple (增长1.3倍), which reports seldom use for one year."""

    value: str
    start: int
    end: int
    average: bool
    times: bool = False


def decimal_text(value: Decimal) -> str:
    """``value`` as a canonical decimal string: no exponent, no trailing zeros.

    >>> decimal_text(Decimal("8120000000.00")), decimal_text(Decimal("-3.20")), decimal_text(Decimal("0"))
    ('8120000000', '-3.2', '0')
    """
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def find_money(text: str) -> list[Money]:
    """The sums of money in ``text``, in text order, in yuan (CNY) or dollars (USD).

    >>> [(m.amount.value, m.bound) for m in find_money("总投资约3.3亿元，超50亿元，33,987元，36.5 9亿元")]
    [('330000000', '约'), ('5000000000', '超'), ('33987', '')]
    """
    return [_sum(text, m, n, "USD" if m.group("cur").startswith("美") else "CNY") for m in _MONEY.finditer(text)
            if (n := _number(m.group("num"))) is not None
            and not _BROKEN.search(text, max(0, m.start() - 8), m.start())]


def _sum(text: str, m: re.Match[str], n: Decimal, currency: str) -> Money:
    """The sum of number ``n`` that a match of :data:`_MONEY` or :data:`_BARE` found, with the bound word before it."""
    bound = _APPROX.search(text, max(0, m.start() - 3), m.start())
    value = n * _MULTIPLIERS[m.group("mult") or ""]
    return Money(Amount(decimal_text(value), currency), m.start(), m.end(), bound.group().strip() if bound else "")


_BARE = re.compile(rf"(?<![0-9.])(?P<num>{_NUM})\s*(?P<mult>万亿|亿|万)(?=[的、，,。；;）)\s]|$)")


def find_bare_sums(text: str) -> list[Money]:
    """Sums written without their unit of money (总投资26亿的…项目): a count of 亿 or 万 that nothing measures
    follows; a caller that knows they are money (after 投资) takes them as yuan.

    >>> [m.amount.value for m in find_bare_sums("总投资26亿的年产20万吨高端铝材项目、总投资10亿、5万亩")]
    ['2600000000', '1000000000']
    """
    return [_sum(text, m, n, "CNY") for m in _BARE.finditer(text) if (n := _number(m.group("num"))) is not None]


def is_level(text: str, money: Money) -> bool:
    """Whether ``money`` in ``text`` states a level (达到81.2亿元), not a change (增加3亿元), a start (由80亿元)
    or a bound (突破100亿元).

    >>> t = "由80亿元增加到81.2亿元，比上年增加3亿元，从2015年的2.6万亿元增长到2020年的3.6万亿元"
    >>> [is_level(t, m) for m in find_money(t)]
    [False, True, False, False, True]
    """
    return not _NOT_A_LEVEL.search(text, max(0, money.start - 10), money.start)


def find_growth(text: str) -> list[Growth]:
    """The growth rates of ``text`` in percent, in text order, lists after one verb included.

    Points (个百分点) are a change of a rate, not a growth: left out. ``N倍`` is N×100 %.

    >>> [(g.value, g.average) for g in find_growth("年均增长7.2%，增长1.5倍，提高2个百分点，提高到26.8%")]
    [('7.2', True), ('150', False)]
    """
    out = []
    for m in _GROWTH.finditer(text):
        if m.group("unit") == "个百分点":
            continue
        negative = m.group("verb") in _NEGATIVE
        average = bool(_AVERAGE.search(text, max(0, m.start() - 6), m.start()))
        items = [(m.group("num"), m.group("unit"), m.start("num"), m.end("unit"))]
        base = m.start("rest")
        for extra in _MORE.finditer(m.group("rest")):
            num = extra.group().rstrip("%倍").strip()
            items.append((num, extra.group(1), base + extra.start(), base + extra.end()))
        for num, unit, a, b in items:
            n = _number(num)
            if n is None:
                continue
            if unit == "倍":
                n *= 100
            if negative:
                n = -abs(n)
            out.append(Growth(decimal_text(n), a, b, average, unit == "倍"))
    return out
