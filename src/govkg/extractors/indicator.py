"""Indicators: the region's figures a sentence states (地区生产总值183.7亿元、增长3.8%), year by year.

One cheap pass: only sentences holding a written variant of the nine
canonical indicators (``data/indicators.tsv``) are read further. For each
name (or list of names: 一般公共预算收入、固定资产投资分别增长…):

1. **Whose figure.** The words between the start of its clause and the name
   may only be time words, scope words (全区, 全社会, 地方, 县级), the document's own
   region and the verbs of a figure (实现, 完成, 力争): anything else makes it a
   sector's, an enterprise's or another region's figure (工业固定资产投资,
   人均地区生产总值, 保定市地区生产总值, 占生产总值的26.8%). A name must be followed
   by its figure's words (完成, 增长, a number), not by more noun (固定资产投资项目).
2. **Which figures.** The name's clause, and the clauses after it that have
   no subject of their own (…，按可比价计算，同比增长6.0%), up to the next name
   or 其中: the first level sum of money (not 增加3亿元, 由80亿元, 突破100亿元)
   is the value, the first growth rate (not 年均, not 个百分点) the growth. A
   list of names takes a list of figures in order (分别达到33987元和19065元); one
   rate without 分别 goes to every name of the list; a name paired with a figure
   that is no indicator (一般公共预算收入和支出分别…) takes the first of each pair.
3. **When and which kind.** :func:`govkg.extractors.timeframe.resolve`: the
   nearest time word, else the report's section. Figures of part of a year
   (上半年, 1-9月, 今年以来) and cumulative ones (累计, 五年累计) are not the
   year's indicator; in a five-year review only a level reached is kept.

A growth rate without a value is an observation with only its growth.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from govkg.extractors.base import Context, Resources, data_lines
from govkg.extractors.quantity import find_growth, find_money, half_width, is_level
from govkg.extractors.timeframe import FIVE, TARGET_CUE, Timeline, resolve, time_word, timeline_of
from govkg.model import Amount, Observation

INCOME = frozenset({"UrbanDisposableIncome", "RuralDisposableIncome"})


@dataclass(frozen=True, slots=True)
class IndicatorTable:
    """The variant table: code -> canonical label, and one regex of every written variant."""

    labels: dict[str, str]
    variants: dict[str, tuple[str, ...]]  # written form -> codes, in the order the text gives figures
    pattern: re.Pattern[str]


def indicator_table(resources: Resources) -> IndicatorTable:
    return resources.get("indicator.table", _load_table)


@lru_cache(maxsize=1)
def indicator_labels() -> dict[str, str]:
    """Code -> canonical label of the nine indicators, in the table's order (what the graph calls them)."""
    return dict(_load_table().labels)


def _load_table() -> IndicatorTable:
    labels: dict[str, str] = {}
    variants: dict[str, tuple[str, ...]] = {}
    for line in data_lines("indicators.tsv"):
        codes_text, label, forms = line.split("\t")
        codes = tuple(codes_text.split())
        if len(codes) == 1:
            labels[codes[0]] = label
        for form in forms.split("|"):
            variants[form.strip()] = codes
    alternation = "|".join(re.escape(v) for v in sorted(variants, key=lambda v: (-len(v), v)))
    return IndicatorTable(labels, variants, re.compile(alternation))


_TIME = (r"(?:19|20)\d\d年度?|全年|今年|去年|上年|上一年|明年|当年|本年|年内|一年来|过去(?:的)?一年")
_SCOPE = (r"全(?:区|县|市|省|旗|州|盟|乡|镇|自治区|自治州|自治县)|我(?:区|县|市|省|旗|州|盟)|本(?:区|县|市|省|旗)|"
          r"地方|县级|区级|市级|旗级|省级|本级|全社会|外贸|对外贸易|货物|城乡")
_ESTIMATED = re.compile(r"预计(?:到|至)?(?:年末|年底|全年)")
_VERB = (r"预计|初步(?:测算|统计|核算)|据(?:初步)?(?:测算|统计|核算)|力争|确保|争取|努力|推动|预期|计划|要|将|使|"
         r"实现|完成|达到|主要经济指标|经济指标|主要指标|其中|同时|此外|另外|[和及与、]")
_PREFIX_BREAK = re.compile(r"[，,；;。！？!?：:、（(）)\[\]【】“”\"]")
_PAREN = re.compile(r"(?:\s*(?:[（(][^（()）]{0,12}[）)]|\[\d{1,2}\]|〔\d{1,2}〕|[①-⑳]))+")  # (同口径), a note mark [1]
_FOLLOW = re.compile(
    r"\s*(?:同口径|可比口径|完成|实现|达到|达|为|是|增长|增速|增幅|增加|同比|比上年|较上年|比去年|较去年|预计|分别|均|下降|减少|降低|"
    r"可比|按可比|年均|保持|总量|总额|首次|跃升|攀升|提高|由|从|约|继续|再|连续|稳定|稳步|实际|名义|预期|力争|要|将|确保|"
    r"争取|有望|突破|"
    r"\d|[，,；;。])")
_PART_END = re.compile(r"[，,；;。！？!?、]")
_GROUP_GAP = re.compile(r"\s*(?:[、和及与]|以及)\s*")
_CONTINUE = re.compile(
    r"\s*(?:按可比价(?:格)?计算|按可比口径(?:计算)?|同口径|可比|同比|比上年|较上年|比去年|较去年|分别|均|增长|下降|增速|增幅|增加|"
    r"减少|提高|年均|名义|实际|预计|约|总量|达到|达|首次|\d)")
_SUB_YEAR = re.compile(r"上半年|下半年|[一二三四1-4]季度|前三季度|\d{1,2}\s*(?:-|—|－|~|～|至|到)\s*\d{1,2}\s*月|"
                       r"[一二三四五六七八九十]+至[一二三四五六七八九十]+月|\d{1,2}月份|今年以来|年初以来|截至\d{1,2}月|截止\d{1,2}月")
_CUMULATIVE = re.compile(r"累计|五年来共|五年共")
_GOAL_AFTER = re.compile(r"[^，,；;。]*?\d\s*(?:%|亿元|万元|元|美元)(?:左右|以上)?\s*(?:的|之)?\s*(?:预期|奋斗|年度)?目标")
_BOTH = re.compile(r"[均都]\s*(?:增长|下降|提高|增加|减少)")
_OTHER_FIGURE = re.compile(r"收入|产值|总值|增加值|投资|销售额|零售额|进出口|税收")
_THRESHOLD = re.compile(r"(?:突破|超过|超)\s*$")
_REACHED = re.compile(r"(?:达到|达|增加到|增长到|提高到|增至|提升到|跃升至|跃升到)\s*(?:(?:19|20)\d\d\s*年(?:底|末)?的?)?\s*$")


def extract_indicators(ctx: Context) -> Iterator[Observation]:
    """The indicator observations of the document's region."""
    if ctx.doc_region is None:
        return
    table = indicator_table(ctx.resources)
    t = timeline_of(ctx)
    own, level = _own_region(ctx)
    fits: bool | None = None  # whether the document's own scope word fits its region; read at its first name
    prefix_ok = ctx.resources.get(f"indicator.prefix:{own}", lambda: _prefix_pattern(own))
    found: dict[tuple[str, int, str], Observation] = {}
    carry = False  # a target cue in the sentences before, in the same paragraph (…目标是：…；…；)
    lead = ""  # the year that opened a run of sentences joined by ； (2016年，实现地区生产总值…；公共财政预算收入…；)
    for sent in ctx.sentences:
        text = sent.text
        if table.pattern.search(text):
            if fits is None:
                fits = _document_scope_fits(ctx.doc.norm, level)
            if not fits:
                return  # the report says 全县 throughout but its region came out a province: whose figures is unclear
            text = half_width(text)
            for obs in _sentence_observations(ctx, t, table, prefix_ok, level, sent.index, text, carry, lead):
                key = (obs.indicator, obs.year, obs.kind)
                if key in found:
                    found[key] = _merged(found[key], obs)
                else:
                    found[key] = obs
        carry = _carries(text, carry)
        opened = _CHAIN_YEAR.search(text)
        lead = ((opened.group(1) + "，") if opened else lead) if text.rstrip().endswith(("；", ";")) else ""
    yield from found.values()


_CHAIN_YEAR = re.compile(r"(?:^|(?<=[，,：:；;]))((?:19|20)\d\d年)(?=[，,])")
"""A year that opens a clause on its own (初步统计，|2016年|，实现…; not 是|2011年|的1.74倍)."""


def _prefix_pattern(own: str) -> re.Pattern[str]:
    """What may stand between the start of a clause and an indicator's name (``own``: the region's names)."""
    return re.compile(rf"(?:{_TIME}|{_SCOPE}|{_VERB}|{own})*" if own else rf"(?:{_TIME}|{_SCOPE}|{_VERB})*")


def _carries(text: str, carry: bool) -> bool:
    """Whether a target cue reaches the next sentence: one ending in ；, or after a colon list, goes on."""
    if not text.rstrip().endswith(("；", ";")):
        return False
    return carry or bool(re.search(r"目标|预期|力争", text))


def _own_region(ctx: Context) -> tuple[str, str | None]:
    """The document region's names as a regex alternation (沿滩区|沿滩|全疆), and its level (county)."""
    from govkg.extractors.gazetteer import gazetteer, short_form

    gaz = gazetteer(ctx.resources)
    if ctx.doc_region is not None and "/" in ctx.doc_region.key:  # a town's report (320481/南渡镇)
        town = ctx.doc_region.key.rsplit("/", 1)[1]
        names = {town, re.sub(r"(?:镇|乡|街道)$", "", town)}
        return "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n))), "town"
    div = gaz.divisions.get(ctx.doc_region.key) if ctx.doc_region else None
    if div is None:
        return "", None
    short = short_form(div.name) or div.name
    names = {div.name, short} | {f"全{c}" for c in short}  # 全疆 for 新疆
    return "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n))), div.level


# the levels of region a scope word can speak of: 全县 is a county's, 全区 a district's or an autonomous region's
_SCOPE_LEVELS = {"省": {"province"}, "县": {"county"}, "旗": {"county"}, "区": {"province", "county"},
                 "市": {"province", "prefecture", "county"}, "州": {"prefecture"}, "盟": {"prefecture"},
                 "乡": {"town"}, "镇": {"town"}}
_SCOPE_WORD = re.compile(r"[全我本]([省县旗区市州盟乡镇])")
# how a report names its own region: 我县 anywhere, 全县 at the start of a clause (not 居全省第一, a comparison)
_CLAUSE_START = frozenset("，,。；;：:\n\r\t 　")


def _document_scope_fits(text: str, level: str | None) -> bool:
    """Whether the scope word a document uses most for itself (我县, 全县…) can speak of a region of ``level``."""
    if level is None:
        return True
    counts: dict[str, int] = {}
    for m in _SCOPE_WORD.finditer(text):
        a = m.start()
        if text[a] == "我" or a == 0 or text[a - 1] in _CLAUSE_START:
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    if not counts:
        return True
    top = max(sorted(counts), key=counts.__getitem__)
    return level in _SCOPE_LEVELS[top]


def _scope_fits(prefix: str, level: str | None) -> bool:
    """Whether the scope words of ``prefix`` (全县, 全省) can speak of a region of ``level``."""
    if level is None:
        return True
    return all(level in _SCOPE_LEVELS[m.group(1)] for m in _SCOPE_WORD.finditer(prefix))


@dataclass(frozen=True, slots=True)
class _Group:
    start: int
    end: int
    codes: tuple[str, ...]


def _groups(table: IndicatorTable, text: str) -> list[_Group]:
    """The indicator names of ``text``, names joined by 、/和/及 taken together (a list)."""
    out: list[_Group] = []
    for m in table.pattern.finditer(text):
        codes = table.variants[m.group()]
        if out and _GROUP_GAP.fullmatch(text, out[-1].end, m.start()):
            last = out[-1]
            out[-1] = _Group(last.start, m.end(), last.codes + codes)
        else:
            out.append(_Group(m.start(), m.end(), codes))
    return out


def _sentence_observations(ctx: Context, t: Timeline, table: IndicatorTable, prefix_ok: re.Pattern[str],
                           level: str | None, index: int, text: str, carry: bool,
                           lead: str = "") -> Iterator[Observation]:
    """The observations of one sentence; ``lead``: the year that opened the run of sentences it goes on."""
    groups = _groups(table, text)
    for n, g in enumerate(groups):
        if len(set(g.codes)) != len(g.codes):
            continue
        clause_start = max((m.end() for m in _PREFIX_BREAK.finditer(text, 0, g.start)), default=0)
        prefix = re.sub(r"\s+", "", text[clause_start:g.start])
        if not prefix_ok.fullmatch(prefix) or not _scope_fits(prefix, level):
            continue
        after = g.end
        paren = _PAREN.match(text, after)
        if paren:
            after = paren.end()
        paired = _PAIRED.match(text, after) if len(g.codes) == 1 else None
        if paired:
            after = paired.end()  # 一般公共预算收入和支出|分别达4.78亿元、20.2亿元: the first of each pair of figures
        if not _FOLLOW.match(text, after):
            continue
        stop = groups[n + 1].start if n + 1 < len(groups) else len(text)
        seg_end = _segment_end(text, after, stop)
        segment = text[after:seg_end]
        cut = segment.find("其中")
        if cut >= 0:
            segment = segment[:cut]
        before = (lead if time_word(text[:g.start]) is None else "") + text[:g.start]
        if _SUB_YEAR.search(before) or _SUB_YEAR.search(segment) or _CUMULATIVE.search(text[clause_start:seg_end]):
            continue
        year, target = resolve(t, index, before, cue=carry)
        if year is None:
            continue
        if target and not carry and _ESTIMATED.search(before) and not TARGET_CUE.search(before + segment):
            target = False  # 预计到年末，全县地区生产总值增长3.3%: the year's outcome, estimated as it ends
        target = target or bool(_GOAL_AFTER.match(segment))  # 增长8%的目标: a target, of whatever year
        word = time_word(before)
        five = (word is None and t.sections[index] == FIVE) or (word is not None and "五年" in word[2])
        values = _values(segment, g.codes, five)
        growths = [] if five else _growths(segment, g.codes)
        listed = text.count("、", max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, g.start)), default=0), g.start)
        if listed and len(g.codes) == 1 and "分别" in segment:
            # 财政总收入、地方一般公共预算收入分别实现156.8亿元、79.3亿元: the last of a list of figures takes the
            # figure at its place in the list, not the first (a sum right after its name, 引进253.1亿元、实际利用外资
            # 1830万美元，分别增长…, stays its own); a rate that is not at its place is none
            at_place, growths = _figures_at(segment, listed + 1, listed, five)
            values = at_place or values
        if paired:
            values, growths = _figures_at(segment, 2, 0, five)
        if len(g.codes) > 1 and not values and _one_level(segment):
            continue  # 城乡居民人均可支配收入达到25780元，增长5.8%: one figure of all residents, neither list item's
        rule = "indicator.list" if len(g.codes) > 1 else "indicator.clause"
        for i, code in enumerate(g.codes):
            value = values[i] if values else None
            growth = growths[i] if growths else None
            if value is not None and not _plausible(code, value):
                value = None
            if value is None and growth is None:
                continue
            yield Observation(ctx.doc_region, code, year, "target" if target else "actual", value, growth,
                              (index,), rule)


_CLAUSE_BREAK = re.compile(r"[，,；;。！？!?：:]")
# a name paired with another figure that is no indicator, both taken together (一般公共预算收入和支出分别…)
_PAIRED = re.compile(r"(?:和|及|与)[\u4e00-\u9fff]{1,6}?(?=分别)")


def _at(items: list, index: int) -> list:
    return items[index:index + 1]


def _figures_at(segment: str, count: int, index: int, five: bool) -> tuple[list[Amount], list[str]]:
    """The value and growth rate at place ``index`` of ``segment``'s lists of ``count`` figures (分别达A、B，分别增长
    C、D), each an empty list where the list has no such place; no rate in a five-year review."""
    every = ("",) * count
    return _at(_values(segment, every, five), index), [] if five else _at(_growths(segment, every), index)


def _segment_end(text: str, start: int, stop: int) -> int:
    """Where the figures of a name end: its clause, and the clauses after it without a subject of their own."""
    pos = start
    while pos < stop:
        m = _PART_END.search(text, pos, stop)
        if m is None:
            return stop
        if m.group() in "；;。！？!?" or not _CONTINUE.match(text, m.end(), stop):
            return m.start()
        pos = m.end()
    return stop


def _values(segment: str, codes: tuple[str, ...], five: bool) -> list[Amount]:
    money = [m for m in find_money(segment) if is_level(segment, m)]
    if five:  # a level reached, and the levels listed right after it (达到32055元、15301元)
        reached = []
        for m in money:
            if _REACHED.search(segment, max(0, m.start - 12), m.start) \
                    or (reached and segment[reached[-1].end:m.start] in ("、", "和")):
                reached.append(m)
        money = reached
    exact = [m for m in money if not _THRESHOLD.search(segment, max(0, m.start - 4), m.start)]
    money = exact or money  # 突破300亿元达到301.5亿元: the figure, not the mark it passed
    if len(codes) == 1:
        # after the name's growth, a sum under another figure's name is that one's (零售总额增长11.5% 财政总收入7.5
        # 亿元: a page that lost its commas); not 增长5.8%、增速全国第3，总量达到60013亿元
        first = next((g for g in find_growth(segment)), None)
        if first is not None:
            money = [m for m in money if m.start < first.start or not _OTHER_FIGURE.search(segment, first.end, m.start)]
        return [money[0].amount] if money else []
    return [m.amount for m in money] if len(money) == len(codes) else []


def _one_level(segment: str) -> bool:
    return sum(is_level(segment, m) for m in find_money(segment)) == 1


def _growths(segment: str, codes: tuple[str, ...]) -> list[str]:
    rates = [g.value for g in find_growth(segment) if not g.average and not g.times]
    if len(codes) == 1:
        return rates[:1]
    if len(rates) == len(codes):
        return rates
    if len(rates) == 1 and ("分别" not in segment or _BOTH.search(segment)):
        return rates * len(codes)
    return []


def _plausible(code: str, value: Amount) -> bool:
    """Whether a value can be the indicator's: incomes are yuan per person, the others sums of a region."""
    v = Decimal(value.value)
    if code in INCOME:
        return value.currency == "CNY" and 1000 <= v <= 1_000_000
    return v >= 1_000_000


def _merged(first: Observation, later: Observation) -> Observation:
    """One observation per indicator, year and kind in a document: the first, completed by a later one."""
    value, growth, sentences = first.value, first.growth, first.sentences
    if value is None and later.value is not None:
        value, sentences = later.value, sentences + later.sentences
    if growth is None and later.growth is not None:
        growth = later.growth
        if later.sentences[0] not in sentences:
            sentences = sentences + later.sentences
    return Observation(first.region, first.indicator, first.year, first.kind, value, growth,
                       tuple(sorted(set(sentences))), first.rule)
