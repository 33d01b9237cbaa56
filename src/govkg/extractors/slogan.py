"""Slogans: quoted formulations, numbered formulas, strategies and campaigns.

A quoted string is a slogan when some general signal says so: a number or a
Chinese-numeral formula (“163”, “两区一城”), a head noun after the closing
quote (“六清”行动), a parallel structure (“讲政治、抓发展”), a policy shape
(“工业强区”, “粮改饲”), a footnote marker pointing to the glossary, a
glossary entry with the same name, or (for 4+ characters) a verb that
introduces policies (深入实施“…”). Quoted everyday words of 2-3 characters
(“笼子”, “窗口期”) have none of these and are left alone.

Unquoted, the extractor finds numeral formulas (两区一城, 四个一批),
``XX强区``-shaped strategies before 战略 or in a list, and campaigns named
``…三年攻坚行动`` / ``…专项行动``.

Labels: quotes and footnote markers removed; ``content + head`` when a head
noun follows the quote, with the bare content as an alias.

>>> slogan_label("“1+5”", "片区")
('1+5片区', ('1+5',))
>>> slogan_label("四化同步[7]、城乡融合")
('四化同步、城乡融合', ())
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from govkg.extractors.base import CLAUSE_BREAKS, Context, data_lines
from govkg.extractors.gazetteer import short_form
from govkg.extractors.names import literal_alternation
from govkg.extractors.phrase import NUMERAL_VALUE, lexicon as phrase_lexicon
from govkg.graph.iri import normalise_label
from govkg.model import EntityRef, Mention, Relation, Sentence

NUMERALS = "一二两三四五六七八九十百千万双"
_CJK = r"\u4e00-\u9fff"
_QUOTED = re.compile(
    r"“([^“”\n]{1,40})”|‘([^‘’\n]{1,40})’|「([^「」\n]{1,40})」|『([^『』\n]{1,40})』|\"([^\"“”\n]{1,40})\""
)
_MARKER = re.compile(r"\[\d{1,3}\]|【\d{1,3}】|〔\d{1,3}〕")
_FOOTNOTE_AFTER = re.compile(r"(?:\[\d{1,3}\]|【\d{1,3}】|〔\d{1,3}〕|\d{1,2}(?=[，。、；,;和与及“”\s]|$))")
_SPLIT_ITEMS = re.compile(r"[、，,；;•]")  # • (a bullet) between the parts: 共享机遇•共谋发展•共赢未来
_BAD_CONTENT = re.compile(r"[。！？!?《》“”‘’「」]")
_PLUS = re.compile(r"[+＋]")
_LATIN_NUM = re.compile(r"^[0-9A-Za-z·．.\-/&]+$")
_YEAR = re.compile(r"^(19|20)\d\d$")
# an amount of money, area, weight or power (50亿元, 150万平方米, 3万亩; not 15分钟健身圈, 1小时经济圈)
_MEASURE = re.compile(r"\d(?:\.\d+)?[万亿]*(?:元|美元|平方米|平方公里|亩|吨|千瓦|兆瓦|标准箱)")
_NUMBERED = re.compile(r"\d+号")  # a numbered thing: an address, a box, a line
_HONOUR = re.compile(r"奖$|^第[一二三四五六七八九十\d]+批")
_LANDMARKS = re.compile(r"(?:[\u4e00-\u9fff]{2,6}[湖河山江岛]—)+[\u4e00-\u9fff]{2,6}[湖河山江岛]")
_LINKED = re.compile(r"[\u4e00-\u9fff]{1,6}(?:—[\u4e00-\u9fff]{1,6}){2,}")
"""Three links or more of a chain joined by dashes (煤—电—冶—加); a line of landmarks is :data:`_LANDMARKS`."""
_EVENT = re.compile(r"(?:仪式|大会|会议|论坛|峰会|博览会|推介会|洽谈会|说明会)(?:·[\u4e00-\u9fff]{2,8}\d{4})?$")
"""An event (…签约仪式), with the place and year of one held in turns (世界旅游经济论坛·黑龙江2025)."""
_COUNT_AFTER = re.compile(rf"^(?:\d+|[{NUMERALS}]+)[个大项类]")
_KINDS_AFTER = re.compile(r"^等[\u4e00-\u9fff]{0,4}?(?:产业|行业|领域|业态)")
_COUNTED_POINTS = re.compile(rf"^(?:\d+|[{NUMERALS}]+)个(?:关键点|方面|要点|着力点|坚持|原则|导向|维度)")
"""A count of the points a parallel quote makes (“稳增长、促改革、调结构、惠民生”四个方面): a formulation, not things."""
_RUN = re.compile(rf"^[{_CJK}]+")
_QUOTED_PROJECT = re.compile(rf"[{_CJK}]{{4,}}项目")
_ONE_COUNT = re.compile(r"^(?:(\d)|([一二两三四五六七八九]))[大类]")
_BODY = re.compile(r"(党中央|中央|国务院|省委|市委|区委|县委|州委|旗委|盟委|省政府|市政府)")
_PROPOSE = re.compile(r"提出|作出|确定|确立|部署|决定")
_CAMPAIGN = re.compile(
    rf"[{_CJK}]{{2,20}}?(?:(?:[{NUMERALS}\d]+年)?(?:攻坚|专项|提升|整治)行动|[{NUMERALS}\d]+年行动|(?:攻坚|建设|突破)年)"
    rf"(?=[^{_CJK}]|暨|$)"
)
# what every campaign ends in (…治本攻坚三年行动, 工业提速增效三年行动: its years too)
_CAMPAIGN_TAIL = re.compile(rf"(?:攻坚|专项|提升|整治)行动|[{NUMERALS}\d]+年行动|(?:攻坚|建设|突破)年")
# 与 joins the parts of one name (不正之风与腐败问题集中整治行动), and 和谐 is one word (构建和谐劳动关系…五年行动)
_CAMPAIGN_LEAD = re.compile(r"^.*(?:实施|开展|推进|启动|落实|深化|举行|组织|打好|打赢|进行|抓好|持续|深入|扎实|全面|大力|积极"
                            r"|新一轮|首届|参与|参加|完成|聚焦|围绕|聚力|着力|[及、]|和(?![谐美平睦]))")
_NAMED_BY_ADVERB = re.compile(r"(?:实施|开展|推进|启动|落实|深化|组织|抓好|打好|打赢)(全面|深入|持续|扎实|大力|积极)")
"""A campaign's own word after its verb that leads campaigns too when it stands before the verb (深入实施|…, but
实施|全面振兴新突破三年行动)."""
_OWN_HEAD = re.compile(rf"(?:行动|斗争|整治|治理|工程|活动|攻坚战|战役|会战|大讨论|[\d{NUMERALS}]年)$")
"""What a campaign listed before another ends in when it has a head of its own (扫黑除恶专项斗争和|禁毒专项整治行动)."""
_COUNT_HEAD = re.compile(
    rf"(?<![第\d{NUMERALS}.])(?:(?:[两二三四五六七八九十]{{1,2}}[大项个条件]|\d{{1,2}}大)[{_CJK}]{{0,4}}?"
    rf"(?:战略|攻坚战|行动|工程|任务|举措|大事)"
    # 三大高地, 四大支柱产业, 四大新兴产业, 10大硬核产业集群: numbered formulas too, with 大 (两个产业集群 counts them)
    rf"|(?:[两二三四五六七八九十]{{1,2}}|\d{{1,2}})大[{_CJK}]{{0,4}}?(?:高地|定位|支柱产业|主导产业|先导产业|新兴产业|优势产业|产业集群))"
    rf"(?:(?![{_CJK}])|(?=各项|的|和|及|与|等|任务|目标|取得))"  # 三大攻坚战|各项任务: a word of its own after it
)
_STRATEGY = re.compile(rf"(?=((?:[{_CJK}]{{2}}[强兴]|[{_CJK}]{{2}}业立)[区县市州省冀晋鲁豫川黔滇桂粤湘鄂皖苏浙闽赣琼陕甘陇青宁藏蒙辽"
                       r"吉黑沪津渝京])(?=战略|、|和))")
"""A sector or a means that makes a place strong (开放兴区, 工业强县, 制造业立市), read at every start (落实|制造业立市)."""
_STREAK = re.compile(rf"^(?:[{NUMERALS}]+|\d+)(?:连(?:增|涨|升|降|跌|丰|冠|胜|稳|跳|创新高)|个翻番)$"
                     rf"|^(?:[{NUMERALS}]+|[\d.]+)(?:万亿|亿|万)?元?(?:大关|关口)$"  # 百亿元大关: a threshold passed
                     r"|^[十百千万]?(?:万亿|亿)(?:元|级)?$")  # 过“万亿”: a size the economy is to pass; not 千百亿行动
_N_GE_YI_PI = re.compile(r"[二三四五六七八九十两]个一批")


@dataclass(frozen=True)
class SloganLexicon:
    """Word lists and patterns the slogan rules use (loaded once per process)."""

    heads: tuple[str, ...]
    suffixes: tuple[str, ...]
    verbs: tuple[str, ...]
    units: tuple[str, ...]
    idioms: frozenset[str]
    shapes: tuple[re.Pattern[str], ...]
    part_types: tuple[tuple[str, str], ...]
    part_suffixes: tuple[str, ...]  # the suffixes of ``part_types``
    head_re: re.Pattern[str]
    clause_heads: frozenset[str] = frozenset()  # verbal heads that must end the clause (slogan_clause_heads.txt)


def load_lexicon() -> SloganLexicon:
    """Read the ``slogan_*.txt`` data files."""
    heads = tuple(sorted(data_lines("slogan_heads.txt"), key=lambda w: (-len(w), w)))
    head_alt = literal_alternation(heads)
    types = []
    for line in data_lines("slogan_part_types.txt"):
        suffix, typ = line.split()
        types.append((suffix, typ))
    return SloganLexicon(
        heads=heads,
        suffixes=tuple(data_lines("slogan_suffixes.txt")),
        verbs=tuple(sorted(data_lines("slogan_verbs.txt"), key=lambda w: (-len(w), w))),
        units=tuple(sorted(data_lines("slogan_units.txt"), key=lambda w: (-len(w), w))),
        idioms=frozenset(data_lines("slogan_idioms.txt")),
        shapes=tuple(re.compile(p) for p in data_lines("slogan_shapes.txt")),
        part_types=tuple(sorted(types, key=lambda t: len(t[0]), reverse=True)),
        part_suffixes=tuple(suffix for suffix, _ in types),
        head_re=re.compile(rf"^([{_CJK}]{{0,6}}?)({head_alt})"),
        clause_heads=frozenset(data_lines("slogan_clause_heads.txt")),
    )


def lexicon(ctx: Context) -> SloganLexicon:
    return ctx.resources.get("slogan.lexicon", load_lexicon)


# ---------------------------------------------------------------- labels

def clean_content(text: str) -> str:
    """Quotes, footnote markers and white space removed; NFKC (as keys are made).

    >>> clean_content("“四化同步[7]、城乡融合”")
    '四化同步、城乡融合'
    """
    return normalise_label(_MARKER.sub("", text))


def slogan_label(content: str, head: str = "", prefix: str = "") -> tuple[str, tuple[str, ...]]:
    """Label and aliases of a slogan: ``content+head`` (alias ``content``) when a head follows.

    ``prefix`` is a qualifier written before the quote (工业项目“标准地”); it
    only adds an alias.

    >>> slogan_label("六清", "行动")
    ('六清行动', ('六清',))
    >>> slogan_label("标准地", prefix="工业项目")
    ('标准地', ('工业项目标准地',))
    """
    core = clean_content(content)
    head = clean_content(head)
    prefix = clean_content(prefix)
    label = core + head
    aliases = [core] if head else []
    if prefix:
        aliases.append(prefix + label)
    return label, tuple(a for a in dict.fromkeys(aliases) if a and a != label)


def slogan_ref(label: str) -> EntityRef:
    return EntityRef("Slogan", label)


def part_type(label: str, lex: SloganLexicon) -> str | None:
    """The entity type a name's suffix gives it (Park, Enterprise, Project, Region), if any."""
    if not label.endswith(lex.part_suffixes):
        return None
    for suffix, typ in lex.part_types:
        if label.endswith(suffix) and len(label) > len(suffix) + 1:
            return typ
    return None


# ---------------------------------------------------------------- signals

def has_formula_numeral(text: str, lex: SloganLexicon) -> bool:
    """True when a Chinese numeral in ``text`` counts things of a formula, not an amount.

    >>> lx = load_lexicon()
    >>> has_formula_numeral("两区一城", lx), has_formula_numeral("两日游", lx), has_formula_numeral("一招鲜", lx)
    (True, False, False)
    """
    yi = 0
    for i, ch in enumerate(text):
        if ch == "多" and i > 0:
            yi += 1
            continue
        if ch not in NUMERALS or (i > 0 and text[i - 1] == "第"):
            continue
        j = i + 1
        while j < len(text) and text[j] in NUMERALS:
            j += 1
        if text.startswith(lex.units, j):
            continue
        if ch == "一":
            yi += 1
            continue
        return True
    return yi >= 2


def numeric_signal(content: str) -> bool:
    """Digit formulas: 1+5, 6+5+N, 163, 621, 15分钟健身圈 (not bare 1, 5, dates or years)."""
    if not re.search(r"\d", content):
        return False
    if "+" in content or "＋" in content:
        return True
    if _LATIN_NUM.match(content):
        return bool(re.fullmatch(r"\d{3,5}", content)) and not _YEAR.match(content)
    return bool(re.search(rf"[{_CJK}]", content))


def parallel_signal(content: str) -> bool | None:
    """True for a parallel formulation, False for a list of nouns, None if not a list."""
    items = [i for i in _SPLIT_ITEMS.split(content) if i]
    if len(items) < 2:
        return None
    if len(items) > 6 or any(len(i) < 2 or len(i) > 12 for i in items):
        return False
    if all(i.endswith("化") for i in items):
        return False
    return True


def verse_signal(content: str) -> bool:
    """True for a couplet of verse or a saying: two lines of five or seven characters, no character shared.

    A formulation repeats its words across its halves (数据多跑路，群众少跑腿;
    功成不必在我，功成必定有我); a quoted poem (雄关漫道真如铁，而今迈步从头越)
    or saying (舟行碧波上，人在画中游) does not.

    >>> verse_signal("雄关漫道真如铁，而今迈步从头越"), verse_signal("数据多跑路，群众少跑腿")
    (True, False)
    >>> verse_signal("讲政治、抓发展"), verse_signal("企业总部在雄安，研发转化在清苑")
    (False, False)
    """
    lines = [line for line in re.split(r"[，,；;]", content) if line]
    if len(lines) != 2 or "、" in content or len({len(line) for line in lines}) != 1 or len(lines[0]) not in (5, 7):
        return False
    if not all(re.fullmatch(rf"[{_CJK}]+", line) for line in lines):
        return False
    seen: set[str] = set()
    for line in lines:
        if seen & set(line):
            return False
        seen |= set(line)
    return True


def verb_before(before: str, lex: SloganLexicon) -> bool:
    before = before.rstrip("了")
    return before.endswith(lex.verbs)


# a particle or conjunction between the quote and the head makes what follows prose, not the quote's head noun
_MODIFIER_CLAUSE = re.compile(r"[的和与及等是在为]")
# jieba tags of a first word that opens a clause after the quote (a preposition: “X”以才引才…; a conjunction)
_CLAUSE_OPENERS = frozenset({"p", "c"})


def match_head(after: str, lex: SloganLexicon, first_tag: Callable[[str], str] = lambda w: "") -> str:
    """The head noun (with its modifiers) right after a closing quote, or ''.

    The modifiers are prose, and there is no head, when they hold a particle,
    start with 即 (“三重”即抓…) or a word that ``first_tag`` tags as a preposition
    or conjunction, or are one verb (“一企一策”定措施: a formula and what is done with it).
    A verbal head (``slogan_clause_heads.txt``) counts only alone and at the end of its clause.

    >>> lx = load_lexicon()
    >>> match_head("专项行动，", lx), match_head("即抓重大工作机制", lx), match_head("定措施", lx, lambda w: "v")
    ('专项行动', '', '')
    >>> match_head("联动，", lx), match_head("联动发展", lx), match_head("经费限额管理", lx)
    ('联动', '', '')
    """
    m = lex.head_re.match(after)
    if not m or _MODIFIER_CLAUSE.search(m.group(1)) or m.group(1).startswith("即"):
        return ""
    mod = m.group(1)
    if mod and (first_tag(mod) in _CLAUSE_OPENERS or (len(mod) == 1 and first_tag(mod) == "v")):
        return ""
    if m.group(2) in lex.clause_heads and (mod or re.match(rf"[{_CJK}]", after[m.end():m.end() + 1])
                                           and after[m.end()] not in "和与及等"):
        return ""  # a verbal head with more of the predicate around it: “四区”联动发展
    return m.group(0)


@dataclass(frozen=True)
class Verdict:
    rule: str | None  # the rule that accepted, or None
    hard: bool = False  # rejected on a negative signal (no chaining)


def judge_quoted(content: str, head: str, before: str, after: str, lex: SloganLexicon,
                 known: frozenset[str] = frozenset(), parts: frozenset[str] = frozenset()) -> Verdict:
    """Decide whether a quoted string is a slogan; ``after`` starts after the head.

    >>> lx = load_lexicon()
    >>> judge_quoted("两区一城", "", "围绕", "奋斗目标", lx).rule
    'slogan.quoted_numeral'
    >>> judge_quoted("窗口期", "", "认定", "，争分夺秒", lx).rule is None
    True
    >>> judge_quoted("八连增", "", "实现", "。", lx).rule is None
    True
    >>> judge_quoted("建筑面积150万平方米，固定资产投资50亿元", "", "实现", "的目标", lx).rule is None
    True
    """
    c = clean_content(content)
    if len(c) < 2 or _BAD_CONTENT.search(c) or c in lex.idioms:
        return Verdict(None, True)
    if part_type(c, lex) in ("Park", "Enterprise") and not head and not _PLUS.search(c):
        return Verdict(None, True)  # not a model of parts joined by + (联合党委+联合社+公司)
    if len(c) <= 3 and re.match(rf"^[{NUMERALS}半]", c) and not has_formula_numeral(c, lex):
        return Verdict(None, True)  # an amount: 一小时, 两日游
    if _STREAK.match(c):
        return Verdict(None, True)  # a statistic: 八连增, 十九连丰, 四个翻番, 百亿元大关
    if c in known or c + clean_content(head) in known:
        return Verdict("slogan.quoted_glossary")
    if c in parts:
        return Verdict("slogan.quoted_part")  # “强工兴旅”, quoted again alone after “强工兴旅、绿色发展…”战略
    if _LATIN_NUM.match(c) and not numeric_signal(c) and not head:
        return Verdict(None, True)
    goal = len(c) >= 4 and ((before.endswith("以") and _TAKEN_AS.match(after)) or bool(_GOAL_AFTER.match(after)))
    par = parallel_signal(c)
    if (par is False and not goal) or (par and not head and verse_signal(c)):
        return Verdict(None, True)  # (a goal's parts may differ in length: “全力打造…新高地、赶超发展先行区”的奋斗目标)
    if not head:
        run = _RUN.match(after)
        if run and len(run.group()) >= 4 and part_type(run.group(), lex) in ("Park", "Enterprise"):
            return Verdict(None, True)  # the quote is a modifier inside a longer name
        if par and _COUNT_AFTER.match(after) and not _COUNTED_POINTS.match(after):
            return Verdict(None, True)  # “粮、菜、果”6大特色产业: a list of things (not of points: “海南所需、…”四个关键点)
        if par and _KINDS_AFTER.match(after) and not _PLUS.search(c) and not has_formula_numeral(c, lex):
            return Verdict(None, True)  # ‘先进制造、总部经济…’等产业领域: the sectors a place works in, listed (but
            # “旅游+演艺、+研学”等新业态, “三养(养猪、养牛、养羊)”等产业: formulas)
    if not head and not par and _QUOTED_PROJECT.fullmatch(c) and not has_formula_numeral(c, lex) \
            and not numeric_signal(c):
        return Verdict(None, True)  # “…产业发展项目”: a project's name (the project rules read it)
    if _MEASURE.search(c) or _NUMBERED.search(c) or _EVENT.search(c) or _HONOUR.search(c) or _LANDMARKS.fullmatch(c):
        return Verdict(None, True)  # “建筑面积150万平方米，固定资产投资50亿元”: a target's figures; 「斗六邮政第345号信箱」:
        # an address; “项目集中投产、开工、签约仪式”: an event; “梅花奖”, “第六批…”: an award, a batch of honours;
        # “鱼丘湖—官道新河—双海湖”: a line of landmarks; no formula
    if numeric_signal(c):
        return Verdict("slogan.quoted_numeric")
    if _LINKED.fullmatch(c):
        return Verdict("slogan.quoted_parallel")  # “煤—电—铝—铝后加工”: the links of a chain the place builds
    if head:
        return Verdict("slogan.quoted_head")
    if has_formula_numeral(c, lex):
        return Verdict("slogan.quoted_numeral")
    if not par and _abbreviates(c, after):
        return Verdict("slogan.quoted_numeral")  # a numbered formula whose number follows the quote
    if par:
        return Verdict("slogan.quoted_parallel")
    if any(p.search(c) for p in lex.shapes):
        return Verdict("slogan.quoted_shape")
    if any(c.endswith(s) and len(c) > len(s) + 1 for s in lex.suffixes):
        return Verdict("slogan.quoted_suffix")
    if _FOOTNOTE_AFTER.match(after):
        return Verdict("slogan.quoted_footnote")
    if len(c) >= 4 and verb_before(before, lex):
        return Verdict("slogan.quoted_verb")
    if goal:
        return Verdict("slogan.quoted_verb")  # 以“争当产业强市排头兵”作为奋斗目标, “…”的奋斗目标: what a government works by
    return Verdict(None)


_GOALS = r"(?:奋斗目标|总目标|目标|主题|主线|抓手|总抓手|突破口|切入点|统领|引领|牵引|总纲|指引)"
_TAKEN_AS = re.compile(rf"(?:作)?为{_GOALS}")
"""The part a quote plays where 以 stands before it (以“…”为抓手, 以“…”作为奋斗目标)."""
_GOAL_AFTER = re.compile(r"的(?:奋斗目标|总目标|发展目标|目标定位|发展定位|总体定位)")
"""What a quote is when 的 and a goal follow it (锚定“…新高地、…先行区”的奋斗目标)."""


def _abbreviates(content: str, after: str) -> bool:
    """Whether a quoted run of characters is counted by what follows as that many things, one character each:
    “菌果药”三大特色农业, “病学灾房”4类风险. Not a count of things of that name (打造“淘宝镇”3个), nor two
    characters, which are mostly a word.

    >>> _abbreviates("菌果药", "三大特色农业"), _abbreviates("菌果药", "两大产业"), _abbreviates("淘宝镇", "3个")
    (True, False, False)
    """
    m = _ONE_COUNT.match(after)
    if m is None or not re.fullmatch(rf"[{_CJK}]{{3,6}}", content):
        return False
    return (int(m.group(1)) if m.group(1) else NUMERAL_VALUE[m.group(2)]) == len(content)


# ---------------------------------------------------------------- extraction

@dataclass(frozen=True)
class _Hit:
    content: str
    head: str
    start: int  # offset of the opening quote (or of the unquoted formula)
    end: int
    sentence: int
    rule: str


def _quotes(text: str) -> Iterator[re.Match[str]]:
    """The quotes of ``text``, and the quotes inside a quoted speech (“我们坚持‘项目为王’。”)."""
    for m in _QUOTED.finditer(text):
        yield m
        if _BAD_CONTENT.search(text, m.start() + 1, m.end() - 1):
            yield from _QUOTED.finditer(text, m.start() + 1, m.end() - 1)


_PRODUCT_BRAND = re.compile(r"[\u4e00-\u9fff]{0,4}(?:区域公用|区域公共|公用|农产品|农业|特色|精品|产品|[菌茶米果菜菇酒肉奶乳蜜油药粮])品牌")
"""A brand's head with the product it brands before it (食用菌品牌, 区域公用品牌, 特色品牌), not a service's, a
campaign's or a place's (民生服务品牌, 文旅品牌, 营商品牌) nor a bare 品牌 (“上海制造”品牌)."""
_PROJECTS_AFTER = re.compile(r"等[\u4e00-\u9fff]{0,14}?项目")
_COUNTING = re.compile(r"[一二三四五六七八九十两百千\d]")  # “七个一”“一补三化”等重点工程项目: formulas all the same;
# not NUMERALS, whose 万 and 双 open words (“万众兴盛”等…项目 names a project)


def quoted_hits(sent: Sentence, lex: SloganLexicon, known: frozenset[str] = frozenset(),
                first_tag: Callable[[str], str] = lambda w: "", parts: frozenset[str] = frozenset()) -> list[_Hit]:
    """Slogans quoted in one sentence (chains of adjacent quotes share a verdict); ``parts``: the items of the
    document's quoted parallel formulations, each a slogan when quoted alone."""
    text = sent.text
    found: list[tuple[re.Match[str], str, Verdict]] = []
    for m in _quotes(text):
        content = next(g for g in m.groups() if g is not None)
        head = match_head(text[m.end():], lex, first_tag)
        after = text[m.end() + len(head):]
        found.append((m, head, judge_quoted(content, head, text[max(0, m.start() - 8):m.start()],
                                            after, lex, known, parts)))
    hits: list[_Hit] = []
    chain: list[int] = []
    for i in range(len(found) + 1):
        if i < len(found) and chain and found[i][0].start() >= found[chain[-1]][0].end() \
                and re.fullmatch(r"[、和与及]?", text[found[chain[-1]][0].end():found[i][0].start()]):
            chain.append(i)
            continue
        if chain:
            last = found[chain[-1]]
            tail = text[last[0].end() + len(last[1]):]
            led = any(found[k][2].rule for k in chain) or bool(re.match(r"等", tail) and tail[1:].startswith(lex.heads))
            contents = [next(g for g in found[k][0].groups() if g is not None) for k in chain]
            if _PRODUCT_BRAND.fullmatch(last[1]) and not any(re.search(r"[+＋\d]", c) for c in contents):
                chain = [i]
                continue  # “老乡菇”“小牧耳”食用菌品牌, “阜礼”区域公用品牌: brands of products, no formulation (but
                # a formula's: “1+N”区域公用品牌)
            if len(chain) > 1 and _PROJECTS_AFTER.match(tail) and not any(_COUNTING.search(c) for c in contents):
                chain = [i]
                continue  # “万众兴盛”“兴海”等新型农村集体经济发展项目: the quotes name projects
            for k, content in zip(chain, contents):
                m, head, verdict = found[k]
                if len(chain) > 1 and _COUNT_AFTER.match(head):
                    head = ""  # “工业强市”“文旅兴市”四大战略: the count belongs to the whole chain
                elif len(chain) > 1 and head:
                    alone = judge_quoted(content, "", text[max(0, m.start() - 8):m.start()], text[m.end():], lex, known,
                                         parts)
                    if alone.rule:  # “两重”“两新”重大举措: the head belongs to the whole chain, not to its last quote,
                        head, verdict = "", alone  # when the quote is a slogan without it
                rule = verdict.rule or (None if verdict.hard or not led else "slogan.quoted_chain")
                if rule:
                    hits.append(_Hit(content, head, m.start(), m.end() + len(head), sent.index, rule))
        chain = [i]
    return hits


def _numeral_formulas(sent: Sentence, lex: SloganLexicon) -> Iterator[_Hit]:
    """Unquoted formulas such as 两区一城, 一区两城三基地, 四个一批."""
    text = sent.text
    seg = rf"[{NUMERALS}多](?:[{_CJK}](?<![{NUMERALS}多]))"
    for m in re.finditer(rf"(?<![第统唯万同单逐之进每任专])(?:{seg}){{1,}}", text):
        start = m.start()
        if start > 0 and text[start - 1] in "“‘「『\"":
            continue
        if start > 0 and re.match(rf"[{_CJK}]", text[start - 1]) and text[start - 1] not in "以为是和与及的在把按成" \
                and not verb_before(text[:start], lex) and not _sums_up_list(text, start) \
                and not text.endswith(_SCOPES, 0, start):
            continue  # inside a longer word: 长三角一体化 (a scope before it is no word's start: 全国|一村一品示范村镇)
        parts = re.findall(rf"[{NUMERALS}多][{_CJK}]", m.group())
        if len(parts) < 2:
            continue
        end = m.end()
        if all(p[1] in NUMERALS for p in parts):
            continue
        # the last segment may have two characters (三基地): take it if a boundary follows
        if not _boundary(text, end, lex) and end < len(text) and _boundary(text, end + 1, lex):
            end += 1
        elif not _boundary(text, end, lex):
            continue
        label = text[start:end]
        if any(i in label for i in lex.idioms) or any(label[i + 1:].startswith(u) for i, ch in enumerate(label)
                                      if ch in NUMERALS for u in lex.units):
            continue
        if not has_formula_numeral(label, lex) or text[start] == "多":
            continue
        yield _Hit(label, "", sent.start + start, sent.start + end, sent.index, "slogan.numeral_formula")
    for m in _ONE_FORMULA.finditer(text):  # 做好六稳工作, 聚力两园驱动, 建设两地目标: one counted thing and its head
        start = m.start()
        if text.startswith(lex.units, start + 1) or text[start + 1] in "个项大件条类批种次位名家季":
            continue  # 三年目标, 七项任务, 四个目标: an amount or a count of the head's things
        core, head = m.group(1), m.group(2)
        keep = head not in ("工作", "任务")  # a head of its own (两园驱动); 工作 and 任务 are what is done about it
        yield _Hit(core, head if keep else "", sent.start + start, sent.start + (m.end() if keep else start + 2),
                   sent.index, "slogan.numeral_formula")
    for m in _N_GE_YI_PI.finditer(text):
        if m.start() > 0 and text[m.start() - 1] in "“‘":
            continue
        yield _Hit(m.group(), "", sent.start + m.start(), sent.start + m.end(), sent.index, "slogan.numeral_formula")


_ONE_FORMULA = re.compile(rf"(?<![第\d{NUMERALS}“‘])([两二三四五六七八九十][{_CJK}])"
                          rf"(目标|驱动|战略|工作|任务|格局|布局|思路|并举|联动)(?![{_CJK}])")
"""One counted thing before the head of a formula (六稳工作, 两园驱动, 两地目标), not inside a longer word."""
_SCOPES = ("全国", "全省", "全市", "全县", "全区", "全州", "全旗")
_ITEM_HEAD_ENDS = "园区城镇乡村县市带港地"  # the last characters of a place's or park's name
_CLAUSE_BREAK = re.compile(f"[{re.escape(CLAUSE_BREAKS)}]")


def _sums_up_list(text: str, start: int) -> bool:
    """Whether the formula at ``start`` follows a 、-list of its clause whose last item ends in a place's or park's
    head, the parts it counts (绿色能源化工产业园、沿江产业园、城东产业园|一区三园的发展格局; not 长江经济带、长|三角一体化)."""
    clause = _CLAUSE_BREAK.split(text[:start])[-1]
    return "、" in clause and text[start - 1] in _ITEM_HEAD_ENDS


_CODE = re.compile(r"(?<![\d.．%％A-Za-z])(\d{3,7})(?![\d.．%％])")
_CODE_HEADS = ("战略", "思路", "格局", "布局", "体系", "部署")  # what a code names: 112工程, 12345热线 may be works
_ROAD = re.compile(r"国道|省道|县道|热线|强")
_AMOUNT_AFTER = re.compile(r"[个项家批条座所处万亿千百吨米亩元人户台套辆名位种类多余]")


def _code_formulas(sent: Sentence, lex: SloganLexicon) -> Iterator[_Hit]:
    """Unquoted digit codes of a strategy or line of work, a few modifiers and a head right after them
    (市委155发展战略, 12355战略, 163党建工作思路): three digits or more, no year (2035发展战略) and no amount
    (155个项目工程, 300万吨工程); a strategy, line of work or layout, not works (107国道工程, 12345热线).

    >>> lex = load_lexicon()
    >>> s = "认真贯彻市委155发展战略和2035发展战略，推进163党建工作思路，实施155个重点工程、107国道整治工程"
    >>> [h.content + h.head for h in _code_formulas(Sentence(0, 0, len(s), s), lex)]
    ['155发展战略', '163党建工作思路']
    """
    text = sent.text
    for m in _CODE.finditer(text):
        code = m.group(1)
        if len(code) == 4 and 1900 <= int(code) <= 2100:
            continue
        head = lex.head_re.match(text[m.end():m.end() + 20])
        if head is None or len(head.group(1)) > 4 or head.group(1).startswith(lex.units) \
                or _AMOUNT_AFTER.match(head.group(1)) \
                or not head.group(2).endswith(_CODE_HEADS) or _ROAD.search(head.group(1)):
            continue
        yield _Hit(code, head.group(1) + head.group(2), sent.start + m.start(), sent.start + m.end() + head.end(),
                   sent.index, "slogan.code_formula")


def _boundary(text: str, pos: int, lex: SloganLexicon) -> bool:
    if pos >= len(text):
        return True
    rest = text[pos:]
    return (not re.match(rf"[{_CJK}]", rest)) or rest[0] in "的和与及为等" \
        or rest.startswith(lex.heads) or rest.startswith(("发展", "建设", "引领", "联动", "示范"))


def _unquoted_named(sent: Sentence, lex: SloganLexicon) -> Iterator[_Hit]:
    """Unquoted 开放兴区战略-shaped strategies, …三年攻坚行动 campaigns, 三大攻坚战 counts."""
    text = sent.text
    for m in _STRATEGY.finditer(text):
        before = text[: m.start(1)]
        if re.search(r"[做加更最增变很不]", m.group(1)[:2]):
            continue
        if before and re.match(rf"[{_CJK}]", before[-1]) and not verb_before(before, lex) \
                and before[-1] not in "和与及":
            continue
        yield _Hit(m.group(1), "", sent.start + m.start(1), sent.start + m.end(1), sent.index, "slogan.strategy_shape")
    for m in _CAMPAIGN.finditer(text) if _CAMPAIGN_TAIL.search(text) else ():
        name = m.group()
        lead = _CAMPAIGN_LEAD.match(name[:-4])
        if lead and name[lead.end() - 1] == "和" and "、" not in name[:lead.end()] \
                and not _OWN_HEAD.search(name, 0, lead.end() - 1):
            lead = _CAMPAIGN_LEAD.match(name[:lead.end() - 1]) or lead  # 开展|规范涉企行政检查和行政执法专项行动:
            # one campaign, when a verb opens it (“两新”政策和|提振消费专项行动 stays cut)
        start = m.start() + (lead.end() if lead else 0)
        named = _NAMED_BY_ADVERB.search(text, m.start(), start) if lead else None
        if named and named.end() == start:
            start = named.start(1)  # 实施|全面振兴新突破三年行动: after the verb an adverb's word opens the name
        name = text[start:m.end()]
        if len(name) < 6 or re.search(r"[等的]", name):
            continue
        if lead is None and m.start() > 0 and re.match(rf"[{_CJK}]", text[m.start() - 1]):
            continue  # longer than a name can be here: cut in the middle of a word (展|群众身边…)
        if _shares_head(text, start):
            continue  # 开展占道经营、户外广告和|三轮车专项整治行动: the items share the head, the last is no campaign
        yield _Hit(name, "", sent.start + start, sent.start + m.end(), sent.index, "slogan.campaign")
    for m in _COUNT_HEAD.finditer(text):
        if m.start() > 0 and text[m.start() - 1] in "“‘":
            continue
        yield _Hit(m.group(), "", sent.start + m.start(), sent.start + m.end(), sent.index, "slogan.count_head")


def _shares_head(text: str, start: int) -> bool:
    """Whether the campaign named from ``start`` on is the last item of a list that shares its head: after 、, an
    item with no head of its own (蓝天、碧水、|净土攻坚行动); after 和 or 及, such an item of a few characters (开展产品质量和|
    食品药品安全专项整治行动), not a longer activity (推进景区焕新升级和|旅游服务质量提升行动).

    >>> s = "开展散煤、道路车辆污染整治专项行动，开展产品质量和食品安全整治行动，推进景区焕新升级和旅游服务质量提升行动"
    >>> [_shares_head(s, s.index(w)) for w in ("道路车辆", "食品安全", "旅游服务")]
    [True, True, False]
    >>> s = "开展扫黑除恶专项斗争和禁毒专项整治行动"
    >>> _shares_head(s, s.index("禁毒"))
    False
    """
    if start == 0 or text[start - 1] not in "和及、" or _OWN_HEAD.search(text, 0, start - 1):
        return False
    if text[start - 1] == "、":
        return True
    left = re.search(rf"[{_CJK}]*$", text[:start - 1]).group()
    lead = _CAMPAIGN_LEAD.match(left)
    return len(left) - (lead.end() if lead else 0) <= _SHORT_ITEM


_SHORT_ITEM = 4
"""The longest item before 和 that shares a campaign's head (产品质量和|食品药品安全专项整治行动)."""


_QUALITY_PLACE = re.compile(r"(?:活力|幸福|美丽|平安|法治|数字|智慧|生态|文明|健康|绿色|人文|开放|创新|和谐|宜居|富裕|品质"
                            rf"|实力|魅力|清廉|廉洁|书香|诚信)([{_CJK}]{{2,4}}?)(?=建设|、|和|”|战略|目标|的|[，,；;。])")
"""A quality and a place, the shape of a government's goal (活力壶关、幸福壶关建设, 平安河北, 法治海拉尔)."""


def _region_names(ctx: Context) -> frozenset[str]:
    """The names and short forms of the regions the document names."""
    names = {m.label for m in ctx.mentions if m.ref.type == "Region"}
    return frozenset(names | {s for s in map(short_form, names) if s})


def _quality_places(sent: Sentence, places: frozenset[str]) -> Iterator[_Hit]:
    """Rule ``slogan.quality_place``: a quality and a region the document names, not inside a quote (活力壶关、幸福壶关
    建设): the goal a government sets its place; a word that only looks like a place's name (生态资源) names none."""
    for m in _QUALITY_PLACE.finditer(sent.text):
        if m.group(1) in places and (m.start() == 0 or sent.text[m.start() - 1] not in "“‘"):
            yield _Hit(m.group(), "", sent.start + m.start(), sent.start + m.end(), sent.index, "slogan.quality_place")


_COUNT_FORMULA = re.compile(r"^([两二三四五六七八九十])[个大项]([\u4e00-\u9fff]{1,3})$")
_PARTS_OPEN = re.compile(r"^[”’」]?(?:[\u4e00-\u9fff]{0,4}?)(?:[：:](?:是指|指的是|指|即)?|，?即|，?分别是|，?包括)")
_PARTS_LEAD = re.compile(r"^.*?(?:开展|实施|推进|深化|抓好|启动|打好|打赢|落实|做好|推动|组织|掀起)")


def _counted_parts(sent: Sentence, quoted: list[_Hit],
                   first_tag: Callable[[str], str] = lambda w: "") -> Iterator[_Hit]:
    """The parts a quoted count names, listed right before it in its clause (城乡融合发展年、项目建设加速年、能力作风
    提升年“三个年”活动) or right after it (“三个年”活动，即…): as many items as it counts, each ending in its
    head word and longer than it (rule ``slogan.counted_part``). A list before it whose first item opens with a verb
    (统筹建好|政治生态、自然生态“两个生态”) has no bound the rule can see, and is left; a list after it may open with
    one (“四个一批”：淘汰关停一批、…).

    >>> from govkg.model import Sentence
    >>> text = "大力开展城乡融合发展年、项目建设加速年、能力作风提升年“三个年”活动，抓招商育产业"
    >>> at = text.index("“")
    >>> q = _Hit("三个年", "活动", at, at + 5, 0, "slogan.quoted")
    >>> [h.content for h in _counted_parts(Sentence(0, 0, len(text), text), [q])]
    ['城乡融合发展年', '项目建设加速年', '能力作风提升年']
    >>> text = "开展“三个年”活动，即城乡融合发展年、项目建设加速年、能力作风提升年。"
    >>> q = _Hit("三个年", "活动", 2, 7, 0, "slogan.quoted")
    >>> [h.content for h in _counted_parts(Sentence(0, 0, len(text), text), [q])]
    ['城乡融合发展年', '项目建设加速年', '能力作风提升年']
    >>> text = "“四个一批”：淘汰关停一批、搬迁入园进区一批、就地改造提升一批、做优做强一批。"
    >>> q = _Hit("四个一批", "", 0, 6, 0, "slogan.quoted")
    >>> [h.content for h in _counted_parts(Sentence(0, 0, len(text), text), [q], lambda w: "v")]
    ['淘汰关停一批', '搬迁入园进区一批', '就地改造提升一批', '做优做强一批']
    >>> text = "统筹建好政治生态、自然生态“两个生态”"
    >>> q = _Hit("两个生态", "", 13, 19, 0, "slogan.quoted")
    >>> list(_counted_parts(Sentence(0, 0, len(text), text), [q], lambda w: "v"))
    []
    >>> text = "开展质量年、效益年“三个年”活动"
    >>> q = _Hit("三个年", "活动", 9, 14, 0, "slogan.quoted")
    >>> list(_counted_parts(Sentence(0, 0, len(text), text), [q]))
    []
    """
    text = sent.text
    for h in quoted:
        m = _COUNT_FORMULA.match(clean_content(h.content))
        if m is None:
            continue
        count, head = NUMERAL_VALUE[m.group(1)], m.group(2)
        at, end = h.start - sent.start, h.end - sent.start
        clause = _CLAUSE_BREAK.split(text[:at])[-1]
        lead = _PARTS_LEAD.match(clause)
        before = (clause[lead.end():] if lead else clause, at - len(clause) + (lead.end() if lead else 0))
        tail = text[end:]
        opened = _PARTS_OPEN.match(tail)
        after = (_CLAUSE_BREAK.split(tail[opened.end():])[0], end + opened.end()) if opened else ("", end)
        for body, offset in (before, after):
            items = re.split(r"、|和|及", body)
            if len(items) == count and all(len(head) + 2 <= len(i) <= 12 and i.endswith(head) for i in items) \
                    and (offset > at or first_tag(items[0]) not in ("v", "vn", "d", "p", "ad")):
                for item in items:
                    start = text.index(item, offset)
                    yield _Hit(item, "", sent.start + start, sent.start + start + len(item), sent.index,
                               "slogan.counted_part")
                    offset = start + len(item)
                break


_QUOTE_CHAIN = re.compile(r"((?:“[^“”]{2,14}”[、，,]?){3,10})([两二三四五六七八九十])(?:张|个|大|项|条|座|块)"
                          r"([\u4e00-\u9fff]{2,3}?)(?=[^\u4e00-\u9fff]|打造|建设|品牌|已|的|是|为|$)")


def _counted_quotes(sent: Sentence) -> Iterator[tuple[_Hit, list[int]]]:
    """A count right after as many quoted names as it counts, three or more (“航天始发地”“碳中和试验高地”…“中国雪菜
    之乡”五张名片; two quoted names and 两个品种 or 两项殊荣 are mostly things named twice): the count is a Slogan (rule
    ``slogan.counted_quotes``) whose parts are the quotes (their offsets).

    >>> from govkg.model import Sentence
    >>> text = "老港镇提出的“航天始发地”“碳中和试验高地”“中国雪菜之乡”三张名片打造已进入重要阶段"
    >>> [(h.content, len(parts)) for h, parts in _counted_quotes(Sentence(0, 0, len(text), text))]
    [('三张名片', 3)]
    >>> text = "打造“航天始发地”“碳中和试验高地”三张名片，培育“富硒茶”“高山茶”两个品种"
    >>> list(_counted_quotes(Sentence(0, 0, len(text), text)))
    []
    """
    for m in _QUOTE_CHAIN.finditer(sent.text):
        quotes = [q.start() for q in re.finditer("“", m.group(1))]
        if len(quotes) != NUMERAL_VALUE[m.group(2)]:
            continue
        whole = sent.text[m.start(2):m.end(3)]
        yield (_Hit(whole, "", sent.start + m.start(2), sent.start + m.end(3), sent.index, "slogan.counted_quotes"),
               [sent.start + m.start(1) + q for q in quotes])


def extract_slogans(ctx: Context) -> Iterator[Mention | Relation]:
    """Slogan mentions of the document body (the glossary is left to :mod:`.glossary`),
    and ``proposedBy`` relations to the region whose party committee proposed them."""
    from govkg.extractors.glossary import glossary_start, parse_glossary  # glossary imports this module

    lex = lexicon(ctx)
    entries = parse_glossary(ctx.doc.norm)
    known_labels: dict[str, str] = {}
    for e in entries:
        label, aliases = e.label_aliases(lex)
        for name in (label, *aliases, clean_content(e.core)):
            known_labels.setdefault(name, label)
    known = frozenset(known_labels)
    stop = glossary_start(ctx.doc.norm)
    name_starts = {m.start for m in ctx.mentions if m.type != "Slogan"}
    words = phrase_lexicon(ctx).tokenizer

    def first_tag(text: str) -> str:
        tags = words.tags(text)
        return tags[0][1] if tags else ""

    places = _region_names(ctx)
    parts = _parallel_parts(ctx)
    hits: list[_Hit] = []
    chains: list[tuple[_Hit, list[int]]] = []
    for sent in ctx.sentences:
        if stop is not None and sent.start >= stop:
            break
        quoted = [_Hit(h.content, h.head, sent.start + h.start, sent.start + h.end, h.sentence, h.rule)
                  for h in quoted_hits(sent, lex, known, first_tag, parts)
                  # not a quote that opens with a place or company name: “九洪西瓜”; but a formula joining two with +
                  # is one (“深圳总部+江门基地”: what each place does), and so is a parallel one whose items do not
                  # all open with names (“海南所需、屯昌所能、产业所趋、民生所盼”)
                  if sent.start + h.start + 1 not in name_starts or h.rule == "slogan.quoted_glossary"
                  or "+" in h.content or not _items_open_with_names(h, sent.start, name_starts)
                  or _names_act(h, sent.start, name_starts, words) or _PLACE_MODEL.search(h.content)]
        hits.extend(quoted)
        for h in (*_numeral_formulas(sent, lex), *_code_formulas(sent, lex), *_unquoted_named(sent, lex),
                  *_quality_places(sent, places)):
            if not any(q.start <= h.start < q.end for q in quoted):
                hits.append(h)
        hits.extend(_counted_parts(sent, quoted, first_tag))
        chains.extend(_counted_quotes(sent))
    hits.extend(whole for whole, _ in chains)
    out = list(_emit(ctx, [h for h in hits if not _DATED.match(clean_content(h.content))], known_labels, lex))
    yield from out
    at = {m.start: m.ref for m in out if isinstance(m, Mention)}
    for whole, parts in chains:  # “A”“B”“C”三张名片: the whole has the quoted names as its parts
        for part in parts:
            if whole.start in at and part in at:
                yield Relation(at[whole.start], "hasPart", at[part], whole.sentence, "slogan.counted_quotes")


_PLACE_MODEL = re.compile(r"(?:模式|经验|样板|样本|路径|做法|方案|速度|精神|嘱托)$")
"""What a place is the model of, or pledged to (“依安模式”, “晋江经验”, “深圳速度”, “庆元嘱托”): a formulation named after
the place."""


def _names_act(h: _Hit, offset: int, name_starts: set[int], words) -> bool:
    """Whether a quote ``h`` of parallel items that each open with a name (``name_starts``: document offsets;
    ``offset``: the sentence's) says what they do (“北京看病―保定康复”, “北京研发、保定转化，雄安创新、保定先行”): a verb
    or adverb after the first word of half the items or more (not “屯昌黑猪、屯昌香鸡”, places' products, nor one item,
    “保定制造品牌”, nor speech, “博野虽小，但充满无限遐想”). ``words``: a tokenizer with tags."""
    items = list(_items_at(h, offset, _ACT_ITEMS))
    if any(at not in name_starts for at, _ in items):
        return False
    acting = sum(any(tag[:1] in ("v", "d") for _, tag in words.tags(item)[1:]) for _, item in items)
    return len(items) >= 2 and 2 * acting >= len(items)  # half the items at least: the tagger reads 研发, 先行 as nouns


def _items_at(h: _Hit, offset: int, separators: re.Pattern[str]) -> Iterator[tuple[int, str]]:
    """The items of the quote ``h`` longer than one character, split at ``separators`` (a pattern that captures
    them), with the document offset of each (``offset``: the sentence's)."""
    start = offset + h.start + 1
    for item in separators.split(h.content):
        if len(item) > 1:
            yield start, item
        start += len(item)


_ACT_ITEMS = re.compile(r"([、，,―—-])")


_SPLIT_KEPT = re.compile(f"({_SPLIT_ITEMS.pattern})")
_GOAL_ITEM = 8
"""How long every item of a parallel quote opening with places is when it says what they are to become."""


def _items_open_with_names(h: _Hit, offset: int, name_starts: set[int]) -> bool:
    """Whether every item of the quoted parallel formulation ``h`` (sentence offsets; ``offset``: the sentence's)
    opens with a place's or company's name (``name_starts``: document offsets); True for a quote of one item."""
    if parallel_signal(h.content) is not True or re.search("[，,]", h.content):
        return True  # (“博野虽小,但充满无限遐想”: speech)
    items = _SPLIT_ITEMS.split(h.content)
    if min(len(item) for item in items) >= _GOAL_ITEM:
        return False  # what places are to become (“玉林工业发展新增长极、广西纺织服装产业领头羊”), not their products
    return all(at in name_starts for at, _ in _items_at(h, offset, _SPLIT_KEPT))


def _parallel_parts(ctx: Context) -> frozenset[str]:
    """The items of the document's quoted parallel formulations (强工兴旅 of “强工兴旅、绿色发展、城乡一体、幸福宜居”),
    of four characters or more."""
    out: set[str] = set()
    for sent in ctx.sentences:
        for m in _quotes(sent.text):
            content = clean_content(next(g for g in m.groups() if g is not None))
            if parallel_signal(content) and not verse_signal(content):
                out.update(item for item in _SPLIT_ITEMS.split(content) if len(item) >= 4)
    return frozenset(out)


_DATED = re.compile(r"(?:19|20)\d{2}年")
"""A quote that opens with its year is an honour or a list of one year ("2019年中国美丽休闲乡村",
"2023年省级美丽河湖优秀案例"), not a formulation a government stands by."""


def _emit(ctx: Context, hits: list[_Hit], known_labels: dict[str, str],
          lex: SloganLexicon) -> Iterator[Mention | Relation]:
    heads: dict[str, Counter[str]] = {}
    for h in hits:
        heads.setdefault(clean_content(h.content), Counter())[clean_content(h.head)] += 1
    for h in hits:
        core = clean_content(h.content)
        glossary_label = known_labels.get(core + clean_content(h.head)) or known_labels.get(core)
        if glossary_label:
            label = glossary_label
            aliases = tuple(a for a in dict.fromkeys((core, core + clean_content(h.head))) if a != label)
        else:
            counts = heads[core]
            best = max(counts, key=lambda k: (counts[k], bool(k), k))
            label, aliases = slogan_label(core, best)
            extra = core + clean_content(h.head)
            if extra != label and extra not in aliases:
                aliases += (extra,)
        ref = slogan_ref(label)
        yield Mention(ref, label, h.start, h.end, h.sentence, h.rule, aliases=aliases)
        rel = proposed_by(ctx, ctx.sentences[h.sentence], h.start, ref, "slogan.proposed_by")
        if rel:
            yield rel
        yield from _formula_items(ctx, h, ref, lex)


def _formula_items(ctx: Context, h: _Hit, ref: EntityRef, lex: SloganLexicon) -> Iterator[Mention | Relation]:
    """Items of a parallel formulation that are numeral formulas themselves (“一区一地引领、两轴三圈联动”), and the
    items of a quoted list of campaigns, each ending in a campaign's head (“扛旗聚力先锋行动、扩中提低行动”四项行动)."""
    listed = _SPLIT_ITEMS.split(clean_content(h.content))
    if len(listed) >= 2 and all(len(i) >= 4 and i.endswith(_CAMPAIGN_HEADS) for i in listed):
        items = listed
    else:
        items = [i for i in listed
                 if len(i) >= 5 and has_formula_numeral(i, lex) and len(re.findall(rf"[{NUMERALS}多]+", i)) >= 2]
    if len(items) < 2:
        return
    text = ctx.doc.norm
    for item in items:
        at = text.find(item, h.start, h.end)
        if at < 0:
            continue
        part = slogan_ref(item)
        yield Mention(part, item, at, at + len(item), h.sentence, "slogan.formula_item")
        yield Relation(ref, "hasPart", part, h.sentence, "slogan.formula_item")


_CAMPAIGN_HEADS = ("行动", "工程", "计划", "战略", "攻坚战")


def proposed_by(ctx: Context, sent: Sentence, at: int, subject: EntityRef, rule: str) -> Relation | None:
    """``subject proposedBy region`` when the sentence names a party committee proposing it.

    The committee is right before the slogan (省委“三六八九”) or proposes it
    earlier in the sentence (市委…全会提出，要…“…”). The region is the Region
    mention right before the committee (自贡市委), else the document's region
    when the committee's level matches it (区委 in a district's report).
    """
    rel_at = at - sent.start
    text = sent.text
    chosen = None
    for m in _BODY.finditer(text, 0, rel_at):
        gap = text[m.end():rel_at]
        if len(gap) <= 2 or (_PROPOSE.search(gap) and not re.search(r"[。；;]", gap)):
            chosen = m
    if chosen is None:
        return None
    region = _region_before(ctx, sent.start + chosen.start())
    if region is None and ctx.doc_region is not None:
        level = chosen.group(1)[0]
        label = next((m.label for m in ctx.mentions if m.ref == ctx.doc_region), "")
        if label.endswith(level):
            region = ctx.doc_region
    if region is None:
        return None
    return Relation(subject, "proposedBy", region, sent.index, rule)


def _region_before(ctx: Context, offset: int) -> EntityRef | None:
    for m in ctx.mentions:
        if m.type == "Region" and offset - 1 <= m.end <= offset + 1 and m.start < offset:  # 自贡市|市委 share 市
            return m.ref
    return None
