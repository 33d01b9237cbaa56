"""Shared rules for headed names: head-noun regexes and the generic-name test, as data."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from govkg.extractors.base import Context, data_lines


def words(name: str) -> list[str]:
    """The whitespace-separated words of data file ``name``."""
    return [w for line in data_lines(name) for w in line.split()]


def literal_alternation(alternatives: Iterable[str]) -> str:
    """A regex source matching any of ``alternatives`` (literal strings), the longest one where several fit.

    The same matches as ``"|".join`` of the escaped words sorted longest first,
    but written as a trie (共同前缀 shared), so the engine tries a position once
    per character instead of once per word: many times faster for hundreds of words.

    >>> literal_alternation(["产业", "产业园", "行业"])
    '(?:产业(?:园)?|行业)'
    >>> re.findall(literal_alternation(["产业", "产业园", "行业"]), "产业园和产业及行业")
    ['产业园', '产业', '行业']
    """
    trie: dict = {}
    for word in set(alternatives):
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not trie:
        return "(?!)"
    source = _trie_source(trie)
    return source if len(trie) > 1 else f"(?:{source})"  # always one group, safe to embed


def _trie_source(node: dict) -> str:
    """The regex of the words below ``node`` (a ``""`` key marks that a word ends there)."""
    children = sorted(k for k in node if k)
    if not children:
        return ""
    branches = [re.escape(ch) + _trie_source(node[ch]) for ch in children]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here: go on when the text does (greedy), else stop
        return f"(?:{body})?"
    return body


@lru_cache(maxsize=16)
def head_regex(name: str) -> re.Pattern[str]:
    """An alternation of the words in data file ``name``, longest first."""
    return re.compile(literal_alternation(words(name)))


def _generic_regex() -> re.Pattern[str]:
    alts = literal_alternation(words("generic_modifiers.txt"))
    return re.compile(rf"^(?:{alts}|[\d.]+|[一二三四五六七八九十百千万亿两]+|[个家户项批座条所处类的和及与、])*$")


def is_generic(ctx: Context, body: str) -> bool:
    """True when ``body`` is made only of generic words (重大, 省级, 龙头 …), numbers and particles.

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> is_generic(C, "省级重点"), is_generic(C, "川南新材料化工")
    (True, False)
    """
    return bool(ctx.resources.get("names.generic", _generic_regex).match(body))


_RULE_LINE = re.compile(r"^[-‐‑‒–—―─━_=＝*＊#＃~～]{2,}")
_INSTITUTION_END = re.compile(r"(?:研究院|研究所|实验室|学院|大学|医院|学校)$")
_YEAR_IN = re.compile(r"(?:19|20)[0-9]{2}年|第?[一二三四1-4]季度")  # anywhere: 2020年开发区, 株洲市2020年第三季度…; a quarter
# of a year is a batch too (南昌县第二季度重大重点项目)
_MONTH_FIRST = re.compile(r"^[0-9]{1,2}月")
_COUNT_FIRST = re.compile(r"^[0-9]+[余多]?[个项座条处批家所]")
_HEAD_FILES = {"Project": ("project_heads.txt", "project_facility_heads.txt"), "Park": ("park_heads.txt",)}


_HONOUR_AFTER = re.compile(r"[”」』](?:[、，,]?[“「『][^”」』“「『]{1,24}[”」』])*等?(?:多项|一系列|多个)?(?:国家级|省级)?"
                           r"(?:荣誉)?称号")


def honour_title(text: str, end: int) -> bool:
    """Whether the quoted name ending at ``end`` is a title a place was awarded: its quote, perhaps other quoted
    titles, then 称号 (获得“东北瓷都”“东北亚建筑陶瓷产业基地”等荣誉称号): no park or project of its own.

    >>> s = "先后获得“东北瓷都”“东北亚建筑陶瓷产业基地”等荣誉称号，建设“东北亚陶瓷产业基地”。"
    >>> honour_title(s, s.index("”")), honour_title(s, s.index("”等")), honour_title(s, s.rindex("”"))
    (True, True, False)
    """
    return _HONOUR_AFTER.match(text, end) is not None


TITLES = r"书记|[省市州县区旗镇乡村]长|主任|主席|局长|部长|厅长|处长|董事长|总经理|记者|通讯员"
"""The titles a person's name follows (县委书记杨军, 县长陈华), as a regular expression's text."""
_OFFICIAL = re.compile(rf"(?:{TITLES})"
                       r"([\u4e00-\u9fff]{2,3}?)(?=[、，,。；\s]|一同|一行|等|在|到|先后|深入|主持|调研|强调|指出|要求)")


def officials(text: str) -> frozenset[str]:
    """The people the text names after their titles (县委书记杨军、县长陈华一同调研…: 杨军, 陈华): a bare name of
    two or three characters listed elsewhere (杨军、陈华走进…) is a person's, no company's brand.

    >>> sorted(officials("7月18日，县委书记杨军、县长陈华一同调研平利经开区。杨军、陈华走进县经贸局。"))
    ['杨军', '陈华']
    """
    return frozenset(text[a:b] for a, b in official_spans(text))


def official_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names a person after a title (常务副县长|闫晋中|主持: no 晋中 in it).

    >>> official_spans("常务副县长闫晋中主持仪式")
    [(5, 8)]
    """
    return [m.span(1) for m in _OFFICIAL.finditer(text)]


def never_a_name(type_: str, label: str) -> bool:
    """True for a candidate name that no rule should have let through, whatever its type: one opening with a
    rule line of page furniture (----项目); and, but for a slogan (which may be a whole quoted sentence or
    name its year: 房子是用来住的…), one ending in the particle 的 (超亿元的), holding a year (2020年开发区; a
    batch, 株洲市2020年第三季度重大招商项目), opening with a month (11月份一期) or with a count (40余个文艺项目,
    6座抽水蓄能电站: a kind, many of them), or a project or park named by its head alone (变电站, 湿地公园); an
    industry named by an institute (通用人工智能研究院).
    A region is the gazetteer's name, never cut from the text.

    >>> never_a_name("Project", "----项目"), never_a_name("Park", "2020年开发区"), never_a_name("Enterprise", "超亿元的")
    (True, True, True)
    >>> never_a_name("Project", "11月份一期"), never_a_name("Project", "40余个文艺项目"), never_a_name("Project", "变电站")
    (True, True, True)
    >>> never_a_name("Project", "徐大路--西公村公路南延至纬一路工程"), never_a_name("Slogan", "2022年企业集中服务月活动")
    (False, False)
    >>> never_a_name("Project", "107国道改线"), never_a_name("Industry", "5G"), never_a_name("Project", "城北湿地公园")
    (False, False, False)
    >>> never_a_name("Industry", "通用人工智能研究院"), never_a_name("Industry", "数据中心")
    (True, False)
    >>> never_a_name("Project", "株洲市2020年第三季度重大招商项目"), never_a_name("Project", "G4京港澳高速")
    (True, False)
    >>> never_a_name("Project", "江西南昌县第二季度重大重点项目"), never_a_name("Enterprise", "中国人寿保险(集团")
    (True, True)
    >>> never_a_name("Park", "西部(重庆)科学城")
    False
    """
    if type_ == "Region":
        return False
    if _RULE_LINE.match(label):
        return True
    if type_ == "Slogan":
        return False
    if label.endswith("的") or _YEAR_IN.search(label) or _MONTH_FIRST.match(label) or _COUNT_FIRST.match(label):
        return True
    if label.count("(") + label.count("（") != label.count(")") + label.count("）"):
        return True  # 中国人寿保险(集团: a bracket opened and not closed, a name cut inside
    if type_ == "Industry" and _INSTITUTION_END.search(label):
        return True  # 通用人工智能研究院 is an institute, whatever field it works in
    return any(head_regex(name).fullmatch(label) for name in _HEAD_FILES.get(type_, ()))
