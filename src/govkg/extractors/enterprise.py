"""Enterprises: what makes a name a company, in one place.

An Enterprise mention comes from one of these rules:

``enterprise.head``
    a name ending in a legal or group head (公司, 集团, 股份, 城投 …; data file
    ``enterprise_heads.txt``) whose body names someone: 德胜钒钛公司, 自贡城投.
    A body made only of generic words (央企二三级子公司, 县属国有平台公司, data
    ``enterprise_generic.txt``) or only of common words with no place in front
    (资产经营公司, 大型物流集团) is a kind of company, not a name; a cooperative's
    trade name may be a common word before what it grows (曙光|农作物种植专业合作社).
``enterprise.list``
    the items of a list that ends in 等…企业 / 等16户企业 / A、B两家企业
    ("江苏国泰、中化蓝天等头部企业"); in a 等-list an item made only of common
    words (新风系统, 养老医疗) is a kind of business, not a name, unless
    :data:`BRANDS_PER_TRADE` brands stand beside it for each such item
    (神州轮胎、蓝天农业、新龙蓝天: a brand too). A place's name and a trade
    (河西制药) is a company's name.
``enterprise.sibling``
    a bare brand listed next to a headed company ("九江钒宇、德胜集团").
``enterprise.lead``
    a bare brand that leads a sector ("以益大新材料为龙头的针状焦产业集群"), when
    :func:`is_brand_name` holds (以品牌为龙头, 以伊祁山为龙头 name none).
``enterprise.project_owner``
    a bare brand that carries out projects: the items of a 等…项目 or
    "A、B 2个项目" list ("信乙化工、华砂新材料等项目"), the owner of a phase
    ("中昊晨光一期") and the maker before a capacity ("更有华赛包装年产8亿只…"), when
    :func:`is_brand_name` holds and the name is not a route named by the places at
    its ends (京唐, 济滨, 疆电入渝: :func:`names_route`).
``enterprise.honoured``
    the brands a title for companies is given to (晋能华昱、晋钢智造获批省级智能制造试点企业).
``enterprise.project_name``
    the brand a project's name opens with in a sentence of investment (华润电力|风电光伏项目), when LAC opens the
    name with an organisation, and the company whose headquarters a project is (云学堂|总部): the place in front
    is an alias (西华县|双汇): :func:`extract_named_owners`, registered as the extractor ``owner``, after the
    projects.

Leading verbs and prepositions that the shared boundary words miss (借势, 发挥,
以; data ``enterprise_lead_words.txt``) are trimmed from every name.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from govkg.extractors.base import CLAUSE, Context, data_lines
from govkg.extractors.gazetteer import PREFECTURE, PROVINCE, TOWN_WORDS, Gazetteer, gazetteer, province_forms
from govkg.extractors.industry import lists_sectors
from govkg.extractors.names import TITLES, head_regex, is_generic, literal_alternation, officials, words
from govkg.extractors.phrase import (COMMON_WORD_FREQ, NOT_FUNDS, STOP_CHARS, Lexicon, enumeration_items, headed_names,
                                    cut_at_both, is_common_word, joined_before, left_edge, lexicon)
from govkg.graph.iri import normalise_label
from govkg.model import EntityRef, Mention

# "…等头部企业", "…等16户企业", "…等7家企业"; without 等 a count with its measure word: "A、B两家企业"; after 等 the
# sectors of leading companies ("…等数字经济、生物经济领军企业")
_LIST_END = re.compile(r"(?:等(?!级|次|同|于|待|候)(?:一大批|一批|大批|\d+|[一二三四五六七八九十两几多]+)?[家户个]?|"
                       r"共?(?:\d+|[两三四五六七八九十多])[家户个])"
                       r"(?:(?:(?![的和与及])[\u4e00-\u9fff]){0,4}|(?:[\u4e00-\u9fff]{2,6}、){1,3}[\u4e00-\u9fff]{2,6}?"
                       r"(?:领军|龙头|头部|骨干)|[\u4e00-\u9fff]{2,4}?(?:领军|龙头|头部|骨干)"
                       r"|(?:(?![的和与及])[\u4e00-\u9fff]){2,8}?有限(?:责任)?"
                       r"|(?:(?![的和与及])[\u4e00-\u9fff]){2,6}[及和与](?:配套|相关|上下游|关联))(?:企业|公司|集团)"
                       r"|等?(?:\d+|[两三四五六七八九十])[家大](?:整车厂|车企|药企|房企|整车企业)"
                       r"|(?:\d+|[两三四五六七八九十])大[\u4e00-\u9fff]{0,6}?(?:领军|龙头|头部|骨干)(?:企业|公司|集团)"
                       r"|等(?:国内外|国际|国内|全国|全球|业内)?(?:知名|著名|一流|优质)的?[\u4e00-\u9fff]{0,4}(?:企业|公司|集团)"
                       r"|等(?:国内外|国际|国内|全球)(?:大厂|厂商|巨头)"
                       r"|等(?:行业|产业)(?:领军|龙头|头部|巨头)(?!企业|公司|集团)")  # 等行业龙头: the leaders are companies;
# 安山、云丰和福泉等三个乡村生态发展有限公司: what kind of registered company they are; 中环、晶澳等半导体龙头企业: the
# leaders of one sector (等生铁铸造骨干企业; 中铝、山东信发两大国内行业龙头企业, counted); 北京奔驰、小米等10家整车厂,
# 北京现代、北汽有限两大整车厂: the makers of a trade, counted;
# 国航、南航…等国际知名的航空公司: companies of renown (not …等特点的新经济企业: the features of a kind); 龙凤、京粮…等
# 玉米加工及配套企业: the companies of a trade and its suppliers; 美光、AMD等国际大厂: the world's big makers
# "…等项目", "…等14个项目", "A、B 2个项目"
_PLACES_KIND = re.compile(r"等(?:\d+|[一二三四五六七八九十两几多]+)?[个]?(?:地|地区|省市|省份|城市|市县|县市|县区)")
"""A list's close that says its items are places (武安、丰南、迁安等地企业)."""
_PROJECT_LIST_END = re.compile(r"(?:等(?:\d+|[一二三四五六七八九十两几多]+)?[个项批]?|(?:\d+|[两三四五六七八九十])[个项])"
                               r"(?:(?![的和与及])[\u4e00-\u9fff]){0,4}项目" + NOT_FUNDS)
_PHASE = re.compile(r"(?<!分)(?<!分为)[一二三四五六七八九十]期")  # not 分三期: in three phases
_PHASE_END = re.compile(r"[一二三四五六七八九十]期$")
# verbs that only a producing enterprise (or its plant) takes: "推进福瑞建成投产", "支持瑞鞍降本增效"
_MAKER_VERB = re.compile(r"(?:[一二三四五六七八九十]期)?(?:(?:尽快|全面|顺利)?建成投产|投产达效|投产|达产|扩产|满产|降本增效|技改扩能)")
_COUNTED = re.compile(r"\d|[一二三四五六七八九十两几多]+[个家户项批类级]")
_NUMERAL = re.compile(r"[\d一二三四五六七八九十百千两]+")
_NOT_NAME = re.compile(r"[\d%％+＋]|等$|^(?:[\u4e00-\u9fff]{0,2}(?:企业|公司|集团))$|[两三四五各]级$")  # 市、区两级: levels
# a power line or pipeline named by its ends: 疆电入渝, 蒙电入沪, 西气东输
_ROAD_WORKS = re.compile(r"高速|铁路|公路|航道|快速路|快速化")  # works on a road or waterway: 汉宜高速扩容, 沪松快速化
_TRANSMISSION = re.compile(r"^[\u4e00-\u9fff]{1,2}[电气水煤][入送输][\u4e00-\u9fff]{1,2}$")
_SYMBOL = re.compile(r"[+＋]")  # "管委会+公司": a model of management, not a name
COOPERATIVE = r"(?:专业)?合作社|联合社"
"""What ends a cooperative's name (金穗种植专业合作社, 土地股份专业合作社)."""
_COOPERATIVE = re.compile(COOPERATIVE)
_AFTER_HEAD = re.compile(r"^[化债式]")  # 集团化, 城投债: the head is part of another word


def extract_enterprises(ctx: Context) -> Iterator[Mention]:
    """Every enterprise named in ``ctx``'s sentences (see the module docstring for the rules)."""
    headed = list(_headed(ctx))
    found = [*headed, *_quoted(ctx), *_listed(ctx), *_siblings(ctx, headed), *_leaders(ctx), *_project_owners(ctx),
             *_placed_list(ctx), *_honoured(ctx), *_honoured_brands(ctx)]
    people = officials(ctx.doc.norm)
    found = _group_branches(ctx, [m for m in found if m.label not in people])
    yield from (_as_central(ctx, m) for m in found)
    yield from _central(ctx, [(m.start, m.end) for m in found])


def _as_central(ctx: Context, m: Mention) -> Mention:
    """``m`` as the central group it names whole by a name of ``enterprise_central.tsv`` (中铝 of 中铝、山东信发两大…龙头企业,
    a list's item: 中国铝业集团有限公司, the written form an alias), else ``m``."""
    full = _central_names(ctx).get(m.label)
    if full is None or normalise_label(full) == m.label:
        return m
    label = normalise_label(full)
    aliases = tuple(dict.fromkeys((m.label, *m.aliases)))
    return replace(m, ref=EntityRef("Enterprise", label), label=label, aliases=aliases)


def _group_branches(ctx: Context, found: list[Mention]) -> list[Mention]:
    """``found`` with a central group's name and the company in a place right after it joined as one company
    (国家电投集团|宁夏能源铝业有限责任公司: the group's company in 宁夏, a name of its own)."""
    names, gaz = _central_names(ctx), gazetteer(ctx.resources)
    at = {m.start: m for m in found}
    joined, out = set(), []
    for m in sorted(found, key=lambda m: m.start):
        if m.start in joined:
            continue
        nxt = at.get(m.end)
        group = m.label[:-2] if m.label.endswith("集团") else m.label
        if nxt is not None and group in names and _place_at(gaz, nxt.label, 0) \
                and _REGISTERED_FORM.search(nxt.label):
            joined.add(nxt.start)
            m = _mention(ctx.doc.norm[m.start:nxt.end], m.start, nxt.end, m.sentence, CENTRAL_RULE)
        out.append(m)
    return out


_PERSON = re.compile(TITLES + r"|院士|领导|教授|负责人")
"""A title that makes a list's item a person (工程院院士张伯礼, 延边州相关领导, 管委会主任李焕刚)."""


CENTRAL_RULE = "enterprise.central"


def _central(ctx: Context, taken: list[tuple[int, int]]) -> Iterator[Mention]:
    """Rule ``enterprise.central``: the central state-owned groups (``enterprise_central.tsv``, SASAC's list) by
    their full or short names (华电, 中国能建, 中石化), each as its registered full name with the written form as
    an alias, so that one group named differently in two documents is one entity. Not inside a name found by
    another rule (中广核新能源安徽有限公司), nor where the short form is no word of its own (新华能源 holds 华能,
    中华电力 holds 华电), nor at the front of a university's or a site's name (中国石油大学)."""
    names = _central_names(ctx)
    pattern = ctx.resources.get("enterprise.central.regex", lambda: re.compile(literal_alternation(names)))
    for sent in ctx.sentences:
        for m in _BUREAU.finditer(sent.text):  # 中铁四局, 中交二航局: a group's numbered engineering bureau
            a, b = sent.start + m.start(), sent.start + m.end()
            if not any(s < b and a < e for s, e in taken):
                taken.append((a, b))
                yield Mention(EntityRef("Enterprise", m.group()), m.group(), a, b, sent.index, CENTRAL_RULE)
        for m in pattern.finditer(sent.text):
            a, b = sent.start + m.start(), sent.start + m.end()
            if any(s < b and a < e for s, e in taken) or _NOT_CENTRAL_AFTER.match(sent.text, m.end()) \
                    or not cut_at_both(ctx.resources, sent.text, m.start(), m.end()):
                continue
            branch = _branch_end(ctx, sent.text, m.end())
            if branch:  # 中石化|宁夏|炼油公司: the group's company in a place, a name of its own
                label = normalise_label(sent.text[m.start():branch])
                yield Mention(EntityRef("Enterprise", label), label, a, sent.start + branch, sent.index, CENTRAL_RULE)
                continue
            label, written = normalise_label(names[m.group()]), normalise_label(m.group())
            yield Mention(EntityRef("Enterprise", label), label, a, b, sent.index, CENTRAL_RULE,
                          aliases=(written,) if written != label else ())


def _branch_end(ctx: Context, text: str, at: int) -> int | None:
    """Where the name of a group's company in a place ends, when a province's, city's or county's name follows the
    group's at ``at`` and a company head closes the name within a few words (中石化|宁夏|炼油公司, 国网|河北|
    电力有限公司); else None."""
    gaz = gazetteer(ctx.resources)
    place = _place_at(gaz, text, at)
    branch = _BRANCH.match(text, at + place) if place else None
    return branch.end() if branch else None


def _place_at(gaz: Gazetteer, text: str, at: int) -> int:
    """Length of the division's full name or short form of two to four characters at ``at`` in ``text``, else 0."""
    return next((n for n in (4, 3, 2) if at + n <= len(text) and gaz.names_division(text[at:at + n])), 0)


_BUREAU = re.compile(r"中(?:铁建|铁|建|交|冶|电建|能建|水电|化)(?:[一二三四五六七八九十]{1,3}[公航]?|大桥|隧道|电气化)局"
                     r"(?:集团(?:有限公司)?|有限公司)?")
"""The engineering bureaus of the central builders (中铁四局, 中建八局, 中交二航局, 中铁大桥局), companies of their own."""
_BRANCH = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:分公司|有限责任公司|有限公司|公司)")
LEGAL_FORM = r"(?:股份)?有限(?:责任)?公司"
"""A registered legal form (…股份有限公司, …有限责任公司, …有限公司), as a regular expression's text."""
_REGISTERED_FORM = re.compile(r"(?:（集团）)?(?:控股)?有限(?:责任)?公司$")
_NOT_CENTRAL_AFTER = re.compile(r"大学|学院|职业|技术学院|网(?![络联])|报")


def _central_names(ctx: Context) -> dict[str, str]:
    """Every full and short name of ``enterprise_central.tsv`` -> the group's full name."""
    def build() -> dict[str, str]:
        out = {}
        for line in data_lines("enterprise_central.tsv"):
            full, _, shorts = line.partition("\t")
            bare = _REGISTERED_FORM.sub("", full)  # 中国能源建设集团(有限公司)
            for name in (full, *([bare] if len(bare) >= 4 else []), *shorts.split()):
                out[name] = full
        return out
    return ctx.resources.get("enterprise.central", build)


_LIST_LAST_END = re.compile(r"与|和|同|等|共同|签|落户|入驻|在")
_DEAL = re.compile(r"签约|签订|落户|入驻|合作|投资|引进|招引|开工|投产")


def _placed_list(ctx: Context) -> Iterator[Mention]:
    """Rule ``enterprise.placed_list``: a list of three brands or more, each named with its province or city,
    in a sentence of a deal (珠海星宇、珠海银通、深圳常锋、广东飞翔达与西华县人民政府举行签约仪式): a place and a
    brand, item after item, is how news names the companies that sign."""
    prefixes = _gazetteer_prefixes(ctx)
    longest = max(map(len, prefixes))
    for sent in ctx.sentences:
        if not _DEAL.search(sent.text):
            continue
        for clause in CLAUSE.finditer(sent.text):
            items = clause.group().split("、")
            if len(items) < 3:
                continue
            cut = _LIST_LAST_END.search(items[-1], 3)
            if cut and _PROJECT_LIST_END.match(items[-1], cut.start()):
                continue  # 株洲中车IGBT、永州紫金锂业…等重大项目: projects, named by their owners (_project_owners)
            items[-1] = items[-1][:cut.start()] if cut else items[-1]
            first = next((i for i in range(len(items[0]) - 3, -1, -1)
                          if any(items[0][i:i + k] in prefixes for k in range(2, longest + 1))), None)
            if first is None:
                continue
            offset = clause.start() + first
            items[0] = items[0][first:]
            placed = [_strip_place(frozenset(), item, prefixes) for item in items]
            if not all(4 <= len(item) <= 8 and 2 <= len(rest) < len(item) and not _is_common(ctx, rest)
                       for item, rest in zip(items, placed)) or sum(not is_brand_name(ctx, i) for i in items) > 1:
                continue  # one brand of common words (广东飞翔|达) among the others is a brand too
            for item in items:
                yield _mention(item, sent.start + offset, sent.start + offset + len(item), sent.index,
                               "enterprise.placed_list")
                offset += len(item) + 1


# a company's title: 晋能华昱、晋钢智造获批省级智能制造试点企业; 爱玛车业入选广西第二批工业龙头企业; 贵钢集团连续6年
# 入围中国制造业企业500强
_HONOUR = re.compile(r"(?:连续\d+年|[均再又]次?|先后|首次|成功|分别)?(?:入选|入围|获批|获评|被评为|被认定为|认定为|荣获|跻身|荣登)"
                     r"[^，。；：！？、,;:!?]{0,20}?(?:企业|公司)(?:[^，。；：！？、,;:!?]{0,8}?(?:[\d百千]+强)(?:名单|榜单?)?)?"
                     r"(?=[，。；：！？、和,;:!?]|$)")
"""A title for companies, or a ranking of them (入选全省民营企业营收百强, 荣登…民营企业制造业综合百强名单)."""


def _honoured(ctx: Context) -> Iterator[Mention]:
    """Rule ``enterprise.honoured``: the brands that a title for companies is given to (A、B获批省级智能制造试点企业),
    when each passes :func:`is_brand_name` (no place, park or common word: 全县3家企业, 园区获批…)."""
    lex = lexicon(ctx)
    heads = head_regex("enterprise_heads.txt")
    for sent in ctx.sentences:
        for m in _HONOUR.finditer(sent.text):
            items = enumeration_items(sent.text, m.start(), lex)
            names = [(a + trim_lead(lex, _lead_words(ctx), sent.text[a:b]), b) for a, b in items]
            brands = [is_brand_name(ctx, sent.text[a:b]) for a, b in names]
            if names and all(2 <= b - a <= 7 and not heads.search(sent.text, a, b) for a, b in names) and all(
                    brand or (any(brands) and _placed_trade(ctx, sent.text[a:b]))
                    for brand, (a, b) in zip(brands, names)):
                for a, b in names:
                    yield _mention(sent.text[a:b], sent.start + a, sent.start + b, sent.index, "enterprise.honoured")


_SECTORS_IN_YE = "产农工行企林牧渔商事专就创作职学"
"""The first characters of words in 业 that name a sector or a kind of work, no company's trade (产业, 农业, 就业)."""
_SECTOR_WORDS = frozenset({"产业", "行业"})
"""Words after a product that make a project the sector's, no brand's (西芹|产业采购项目)."""
_BRAND_TRADE = (r"(?:^|(?<=[，。；：、,;:]))([\u4e00-\u9fff]{2,4}?)"
                r"(科技|机械|电子|电气|电器|化工|钢铁|食品|医药|生物|新能源|能源|新材料|半导体|光电|汽车|控股|重工|模具|包装|纺织|轮胎"
                rf"|(?![{_SECTORS_IN_YE}])[\u4e00-\u9fff]业)")
_HONOURED_BRAND = re.compile(_BRAND_TRADE + r"(?:分别|均|先后|成功|再次|又|还)?"
                             r"(?:获评|获批|分获|入选|入围|荣获|被评为|被认定为|荣登|跻身)")
"""A brand and its trade opening a clause, given a title or a place on a list (天心种业获评…, 捷泰科技获评…); a sector
(魔芋产业跻身…, 特色农业入选…) is no trade."""
_PRODUCING_BRAND = re.compile(_BRAND_TRADE + r"(?:则|也|已|已经|均|先后)?(?:于[^，。；]{2,10}?)?"
                              r"(?:取得工厂登记|正式投产|建成投产|量产|达产|开工建设|落户|入驻|签约落地)")
"""A brand and its trade opening a clause and starting to produce or settling (成新科技则于今年4月取得工厂登记)."""


def _honoured_brands(ctx: Context) -> Iterator[Mention]:
    """Rule ``enterprise.honoured_brand``: a brand and the word of its trade that open a clause and are given a
    title or a place on a list, whatever it is for (天心种业获评国家级非洲猪瘟无疫小区, 捷泰科技获评全省数字化转型典型
    示范); rule ``enterprise.producing_brand``: the same opening a clause and starting to produce or settling
    (成新科技则于今年4月取得工厂登记). The brand passes :func:`is_brand_name` (现代煤化工入选…, 数字科技获评… are no
    company's)."""
    for sent in ctx.sentences:
        for pattern, rule in ((_HONOURED_BRAND, "enterprise.honoured_brand"),
                              (_PRODUCING_BRAND, "enterprise.producing_brand")):
            for m in pattern.finditer(sent.text):
                name = m.group(1) + m.group(2)
                if is_brand_name(ctx, name) and not is_generic(ctx, m.group(1)) and not _is_common(ctx, name):
                    yield _mention(name, sent.start + m.start(1), sent.start + m.end(2), sent.index, rule)


def _placed_trade(ctx: Context, name: str) -> bool:
    """Whether ``name`` is a place and a word of trade after it (永宁|科技, a town's name and its trade): a company
    among brands given the same title (尚朋电子、永宁科技、正宏包装被评为…示范企业)."""
    rest = _strip_place(_place_names(ctx), name, _gazetteer_prefixes(ctx))
    return rest != name and 2 <= len(rest) <= 4 and not is_generic(ctx, rest)


OWNER_RULE = "enterprise.project_name"
_INVESTED = re.compile(r"投资|总投资|亿元|万元|签约|签订|落户|落地|引进|招引|开工|投产|竣工|建成|项目[，,]?(?:主要)?(?:包括|分别是|分别为)"
                       r"|(?:建设|施工|项目)现场")


def _invested(ctx: Context, index: int) -> bool:
    """Sentence ``index`` speaks of investment or building (or visits the sites: …项目现场进行考察调研), or continues
    one that does after a semicolon (…重点项目签约，包括A、B等；总部项目，包括C总部、D总部等。)."""
    while index >= 0:
        sent = ctx.sentences[index]
        if _INVESTED.search(sent.text):
            return True
        if not ctx.after_semicolon(sent):
            return False
        index -= 1
    return False


def extract_named_owners(ctx: Context) -> Iterator[Mention]:
    """Rule ``enterprise.project_name``, run after the projects are found: the brand a project's name opens with,
    in a sentence of investment or building (投资24亿元的能建数科|压缩空气储能, 华润电力|风电光伏项目): news and
    reports name an investor's project by the company and what it builds (a base, too: 晶澳|新能源产业基地). See
    :func:`project_name_owner`; the LAC tagger, reading the name alone, must open it with an organisation.
    Then rule ``enterprise.sibling`` over every company found so far, the tagger's too (:func:`_known_siblings`)."""
    from govkg.extractors.ner import tagger

    taken = [(m.start, m.end) for m in ctx.mentions if m.ref.type in ("Enterprise", "Region", "Park")]
    # a company named with its legal form at the project's start is its owner (天祥肉类加工有限公司|肉类屠宰及深加工项目)
    companies = {(m.start, m.end) for m in ctx.mentions
                 if m.ref.type == "Enterprise" and _REGISTERED_FORM.search(m.label)}
    found, starts = [], set()
    for m in ctx.mentions:
        if m.ref.type not in ("Project", "Park") or m.start < 0 or not _invested(ctx, m.sentence):
            continue
        name = ctx.doc.norm[m.start:m.end]
        n = project_name_owner(ctx, name)
        if n and m.ref.type == "Park" and gazetteer(ctx.resources).names_place(name[place_length(ctx, name):n]):
            continue  # a park named after its town (云南嵩明|杨林|工业园区), no company's
        # not inside a name that starts before it; a group's short name (华润|电力风电光伏项目) or the project's own
        # name as a park (晶澳新能源产业基地) opening it leaves the owner its own
        if n and not any(a < m.start < b for a, b in taken) and m.start not in starts:
            found.append((m, n))
            starts.add(m.start)
    names = [ctx.doc.norm[m.start:m.end] for m, _ in found]
    places = [place_length(ctx, name[:n]) for name, (_, n) in zip(names, found)]
    # how many different project names each brand opens
    brands = Counter({name: name[place:n] for name, place, (_, n) in zip(names, places, found)}.values())
    # how many projects of each sentence open with a brand: 投资1.5亿元的大妹子休闲食品加工项目，投资1亿元的好口福…
    per_sentence = Counter(m.sentence for m, _ in found)
    owners: list[Mention] = []
    for i, ((m, n), spans) in enumerate(zip(found, tagger(ctx).spans(names) if found else ())):
        # the tagger, reading the project's name alone, must open it with an organisation's name (or a proper
        # noun) that reaches past the place: 晶澳|新能源产业基地 is, 夏商(a person)|文明探源工程 and 钼尾矿… are not
        place = places[i]
        org = next((b for a, b, label in spans if a <= place < b and label in ("ORG", "nz")), None)
        if (org is None or org - place < 2 or org == m.end - m.start) and not headquarters_owner(ctx, names[i]) \
                and brands[names[i][place:n]] < 2 and per_sentence[m.sentence] < _BRANDED_LIST:
            continue  # an organisation that is the whole name is an institution (夏商文明考古研究中心), no owner's
            # works; a headquarters' name says whose it is whatever the tagger reads, and so does a brand that
            # opens two projects' names (横州市军正泰|再生资源…产业园项目, 横州市军正泰|新型环保装备…项目), and so do
            # brands listed in a run of projects that open with one (投资1亿元的好口福休闲食品加工项目，投资1亿元的日都…)
        # the brand as the rules bound it: the tagger cuts brands of single characters short (清峰|城士, 隆基绿|能);
        # the place in front is where it is, not its name (西华县|双汇…项目 → 双汇, also called 西华县双汇)
        if (m.start, m.start + n) not in taken and not any(a == m.start and b > m.start + n for a, b in companies):
            owners.append(_mention(ctx.doc.norm[m.start + place:m.start + n], m.start + place, m.start + n,
                                   m.sentence, OWNER_RULE, placed=ctx.doc.norm[m.start:m.start + n] if place else ""))
    yield from owners
    yield from _known_siblings(ctx, [m for m in ctx.mentions if m.ref.type == "Enterprise"] + owners)


_BRANDED_LIST = 3
"""How many projects of one sentence opening with a brand make each brand a company, whatever the tagger reads."""


def project_name_owner(ctx: Context, name: str) -> int:
    """How many characters of the project name ``name`` name its owner (0: none): a place (optional), a brand of
    two to four characters that jieba cannot cut into common words, then at most one common word of two characters
    for its trade (瑞禾|农业, 华润|电力), unless that word opens a sector term (晶澳|新能源) or a works word
    (a brand and 水库 is a reservoir's name); at least four characters of the project must be left.

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources(); mentions = ()
    >>> names = ("能建数科压缩空气储能", "瑞禾农业番茄全产业链", "晶澳新能源产业基地", "华润电力风电光伏项目", "老蛮桥水库扩建工程",
    ...          "城区集中供热三期工程", "万鑫顺达100MW光伏", "中利乳业奶粉加工项目", "华电西大峪抽水蓄能电站", "中亦食品二期",
    ...          "爱旭项目一期", "德迈仕生产线扩建", "旬河梯级电站项目")
    >>> [n[:project_name_owner(C, n)] for n in names]
    ['能建数科', '瑞禾农业', '晶澳', '华润电力', '', '', '万鑫顺达', '中利乳业', '华电', '', '爱旭', '德迈仕', '']

    A headquarters is its company's (云学堂|总部, 速腾电子|研发生产总部, 瑞幸咖啡|全国总部项目):

    >>> [n[:project_name_owner(C, n)] for n in ("云学堂总部", "速腾电子研发生产总部", "瑞幸咖啡全国总部项目", "企业总部")]
    ['云学堂', '速腾电子', '瑞幸咖啡', '']
    """
    from govkg.extractors.industry import is_sector_term

    lex = lexicon(ctx)
    if _PUBLIC_WORKS.search(name):
        return 0  # 塔城至乌苏…, 曲阳东互通, 乐凯大街南延, 梁洁华希望中学: a road's ends or place, a school, no builder
    place = place_length(ctx, name)
    hq = headquarters_owner(ctx, name, place)
    if hq:
        return hq

    def sector_at(i: int) -> bool:
        return i - place >= 2 and any(is_sector_term(ctx, name[i:i + k]) for k in range(2, 5))

    brand, snap, traded = place, True, False
    for tok in lex.tokenizer.cut(name[place:], HMM=False):
        inside = next((k for k in range(len(tok)) if sector_at(brand + k)), None)
        if inside is not None:  # 晶|澳新|能源: the brand ends where a sector term starts, whatever jieba cut
            brand, snap = brand + inside, False
            break
        if len(tok) == 2 and tok.endswith("业") and brand - place >= 2 and tok[0] not in _SECTORS_IN_YE:
            brand, snap, traded = brand + 2, False, True  # 中利|乳业|奶粉: a trade in 业 ends the name
            break
        if tok in _SECTOR_WORDS:
            return 0  # 西芹|产业|采购项目: the project of a product's sector, no brand's
        if brand - place + len(tok) > 4 or not (len(tok) == 1 or lex.tokenizer.FREQ.get(tok, 0) < COMMON_WORD_FREQ) \
                or not "\u4e00" <= tok[0] <= "\u9fff":
            break
        brand += len(tok)
    if snap:  # 红狮|硅基…: not into the word after the brand
        ends = set(itertools.accumulate(len(t) for t in lex.tokenizer.cut(name, HMM=False)))
        brand = max((e for e in ends if e <= brand), default=0)
    if brand - place > 3 and _NOT_TRADE.fullmatch(name, brand - 2, brand):
        brand -= 2  # 谷风|古典家具: a kind of what it makes, before a sector term inside jieba's word
    if brand - place > 2 and name[brand - 1] in "东西南北":
        brand -= 1  # 华电|西大峪抽水蓄能电站: a direction opens the place after the brand
    if brand - place < 2 or (_WORD_AND_PHASE.fullmatch(name, brand) and not name.startswith("项目", brand)):
        return 0  # …, or 中亦|食品二期: the phase of 中亦食品, the company the phase rule reads whole (爱旭|项目一期:
        # the brand's project)
    trade = next(iter(lex.tokenizer.cut(name[brand:], HMM=False)), "")
    if not traded and len(trade) == 2 and trade != "项目" and lex.tokenizer.FREQ.get(trade, 0) >= COMMON_WORD_FREQ \
            and not _NOT_TRADE.fullmatch(trade) and trade[0] != name[brand - 1] \
            and lex.tokenizer.tags(trade, HMM=False)[0][1] == "n" and not any(
                is_sector_term(ctx, name[brand:brand + k]) for k in range(2, 5)):
        brand += 2  # a trade is a noun and no modifier (华电|高端装备, 雄源|智慧…), nor what the brand names already
        # (陕煤|煤炭分质利用: the project's material)
    elif not traded and len(trade) == 2 and _COMPANY_WORKS.match(name, brand + 2) and is_sector_term(ctx, trade):
        brand += 2  # a sector right before what a company does to its plant is its trade (隆烨|化工|技改项目)
    owner, own = name[:brand], name[place:brand]
    if len(name) - brand < 4 or _NOT_NAME.search(owner) or _not_tail(ctx).search(owner) or _NOT_OWNER.search(own) \
            or (len(own) == 2 and own.startswith("中") and _PAIR_PARK.search(name, brand)) \
            or not is_brand_name(ctx, owner) or names_route(ctx, owner) \
            or all(c in place_initials(ctx) for c in own[:2]) \
            or any(own.startswith(w) for w in lex.boundary if len(w) >= 2) or (
                lex.tokenizer.FREQ.get(own[:2], 0) and lex.tokenizer.tags(own[:2], HMM=False)[0][1] not in _PROPER):
        return 0  # …, places by their initials (京津|电子), a verb (投运|金上), a common word of the dictionary (村级,
    # 乳业; a proper noun such as 华润 is a brand)
    return brand


_COMPANY_WORKS = re.compile(r"技改|技术改造|扩建|改扩建|扩能|搬迁|迁建|提质改造|升级改造|智能化改造")
"""What a company does to its own plant (…|技改项目)."""
_WORD_AND_PHASE = re.compile(r"[\u4e00-\u9fff]{2}[一二三四五六七八九十]期")


def headquarters_owner(ctx: Context, name: str, place: int | None = None) -> int:
    """How many characters of ``name`` name the company whose headquarters it is (云学堂|总部, 速腾电子|研发生产总部,
    瑞幸咖啡|全国总部项目; 0: none): a brand that is no common word, before what the headquarters runs. ``place``:
    :func:`place_length` of ``name``, when the caller has it."""
    hq = _HEADQUARTERS.fullmatch(name, place_length(ctx, name) if place is None else place)
    ok = hq is not None and is_brand_name(ctx, hq.group(1)) and not is_common_word(lexicon(ctx), hq.group(1))
    return hq.end(1) if ok else 0


def place_length(ctx: Context, name: str) -> int:
    """How many characters of ``name`` a division's name (or a province's or prefecture's short form) opens it with,
    and the short form of a division below it that follows (莆田|秀屿|鑫东森…: a city, its district, the brand).

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> [place_length(C, n) for n in ("莆田秀屿鑫东森", "西华县双汇", "莆田鑫东森", "晶澳新能源", "西青区精武镇正威新材料")]
    [4, 3, 2, 0, 6]

    A town named with its level word comes after them (西青区|精武镇|正威…: where the project is).
    """
    gaz = gazetteer(ctx.resources)
    n = len(name) - len(_strip_place(frozenset(), name, _gazetteer_prefixes(ctx)))
    upper = gaz.by_name.get(name[:n], ()) + gaz.by_short.get(name[:n], ())
    for k in (3, 2):
        if any(gaz.is_ancestor(u, c) for u in upper for c in gaz.by_short.get(name[n:n + k], ())):
            return n + k
    town = next((k for k in range(6, 2, -1) if name.endswith(TOWN_WORDS, n, n + k) and gaz.names_place(name[n:n + k])),
                0)
    return n + town


# a company's headquarters: the brand, where the headquarters is for, what it runs (速腾电子|研发生产|总部)
_HEADQUARTERS = re.compile(r"([\u4e00-\u9fff]{2,6}?)(?:全国|全球|中国|区域|地区|华东|华南|华北|华中|西南|西北|东北|南方|北方|亚太)?"
                           r"(?:研发|生产|运营|结算|销售|供应链|采购|制造|营销)*总部(?:项目|基地|大楼)?")
# words of kind or rank that open what a project makes, not a company's trade (华电|高端装备, 怀柔|国家实验室)
_NOT_TRADE = re.compile(r"高端|高档|古典|传统|精品|智慧|国家|希望|文明|特种|核心|家庭|全球|生态|高新|绿色|现代|新型|一体|综合|未来|数字|智能")
_PAIR_PARK = re.compile(r"园|合作区")  # 中柬|…产业园: China and another country's park, named by both
_PUBLIC_WORKS = re.compile(r"[至到—–-]|互通|[南北东西]延|高速|铁路|公路|大道|大街|[路段桥]|(?<!生产)线"
                          r"|学校|中学|小学|幼儿园|卫生院|一贯制")  # …, or a school named after its donor (梁洁华希望中学)
_PROPER = frozenset({"nz", "nr", "nrt", "nt"})  # jieba's tags of proper nouns
# joined words (储能及其), an office of a county (县疾控), an area, a mine, a wetland or a sewage works (撒莲县域,
# 潘家田铁矿, 鲁岗污水): not a company
_NOT_OWNER = re.compile(r"[及和与其]|^[县市区省镇乡村]|^[东西南北][一二三四五六七八九十]|(?:[县镇]域|[镇乡村]|矿|湿地|污水|梯级|流域)$")


_LEADS = re.compile(r"以([^，。；：、以为]{2,12})为龙头")


def _leaders(ctx: Context) -> Iterator[Mention]:
    """Rule ``enterprise.lead``: the brand a sector is led by (以益大新材料为龙头). A brand of two common words
    (以阳光电源为龙头) is missed: nothing tells it from a phrase (以品牌建设为龙头). A name with a company's head
    is the head rule's; a place or park is named by its own rules."""
    for sent in ctx.sentences:
        for m in _LEADS.finditer(sent.text):
            name = m.group(1)
            if _HAN_PAIR.search(name) and is_brand_name(ctx, name):  # is_brand_name: no place or park either
                yield _mention(name, sent.start + m.start(1), sent.start + m.end(1), sent.index, "enterprise.lead")


_HAN_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")


# --- the shared tests -------------------------------------------------------------------------

def trim_lead(lex: Lexicon, lead: frozenset[str], text: str) -> int:
    """How many characters of leading verbs/prepositions (words of ``lead``) start ``text``.

    >>> from govkg.extractors.phrase import load_lexicon
    >>> trim_lead(load_lexicon(), frozenset({"借势", "发挥"}), "借势博世")
    2

    A lead word of more than one of jieba's words goes whole (项目|投资方 of 据项目投资方中投发展有限责任公司):

    >>> trim_lead(load_lexicon(), frozenset({"据", "项目投资方"}), "据项目投资方中投发展有限责任公司")
    6
    """
    cut = 0
    while True:
        tok = next(iter(lex.tokenizer.cut(text[cut:], HMM=False)), "")
        whole = max((w for w in lead if len(w) > len(tok) and text.startswith(w, cut)), key=len, default="")
        tok = whole or tok
        if tok not in lead or len(text) - cut - len(tok) < 2:
            return cut
        cut += len(tok)


def _lead_words(ctx: Context) -> frozenset[str]:
    return ctx.resources.get("enterprise.lead", lambda: frozenset(words("enterprise_lead_words.txt")))


def _generic_words(ctx: Context) -> frozenset[str]:
    return ctx.resources.get("enterprise.generic", lambda: frozenset(
        words("enterprise_generic.txt") + words("generic_modifiers.txt")))


def _not_tail(ctx: Context) -> re.Pattern[str]:
    return ctx.resources.get("enterprise.not_tail", lambda: re.compile(
        "(?:" + literal_alternation(words("enterprise_not_tails.txt"))
        + r"|(?<![一二三四五六七八九十\d])局|(?<!电)动车)$"))  # a bureau, not a state builder's numbered one (中冶二十二局);
    # a bullet train (复兴号动车), not a maker's electric bikes (雅迪电动车)


def _place_names(ctx: Context) -> frozenset[str]:
    """Surfaces of the Region and Park mentions found so far in the document."""
    return frozenset(ctx.doc.norm[m.start:m.end] for m in ctx.mentions
                     if m.ref.type in ("Region", "Park") and m.start >= 0)


_RANKING = re.compile(r"第[一二三四五六七八九十\d]|首[家个批]|唯一|最大|龙头")
"""Words of a rank a report gives a company (第一纳税大户, 首家上市公司), not part of its name."""


def _province_inside(ctx: Context, name: str) -> int:
    """Where a registered name starts that a province opens after a rank glued before it (第一纳税大户|重庆华森制药有限公司),
    0 when none does. A brand before its province is the name (中广核新能源安徽有限公司, 台玻(福建)光伏玻璃有限公司).

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> [_province_inside(C, n) for n in ("第一纳税大户重庆华森制药有限公司", "重庆华森制药有限公司", "中广核新能源安徽有限公司")]
    [6, 0, 0]
    """
    provinces = _province_names(ctx)
    for at in range(2, len(name) - 5):
        if name.startswith(provinces, at) and _RANKING.search(name, 0, at):
            return at
    return 0


def _province_names(ctx: Context) -> tuple[str, ...]:
    """The provinces' full and short names (黑龙江省, 黑龙江)."""
    return province_forms(ctx.resources)


def _gazetteer_prefixes(ctx: Context) -> frozenset[str]:
    """Full names of all divisions, and short forms of provinces and prefectures (九江, 江苏)."""
    def load() -> frozenset[str]:
        gaz = gazetteer(ctx.resources)
        shorts = {s for s, codes in gaz.by_short.items()
                  if any(gaz.get(c).level in (PROVINCE, PREFECTURE) for c in codes)}
        return frozenset(gaz.by_name) | frozenset(s for s in shorts if len(s) >= 2)
    return ctx.resources.get("enterprise.gazetteer_prefixes", load)


def place_initials(ctx: Context) -> frozenset[str]:
    """First characters of province and prefecture short forms, and the provinces' one-character abbreviations."""
    def load() -> frozenset[str]:
        gaz = gazetteer(ctx.resources)
        firsts = {s[0] for s, codes in gaz.by_short.items()
                  if any(gaz.get(c).level in (PROVINCE, PREFECTURE) for c in codes)}
        return frozenset(firsts | set(words("province_abbreviations.txt")))
    return ctx.resources.get("enterprise.place_initials", load)


def names_route(ctx: Context, name: str) -> bool:
    """True when ``name`` is a railway or power line named by the places it joins, or works on a road or waterway,
    not a company.

    Every character is the first of a province's or prefecture's name (济滨 = 济南-滨州,
    盐泰锡常宜), the name reads "X电入Y" (疆电入渝), or it holds a word of a road or waterway (汉宜高速扩容,
    沪松快速化).

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> [names_route(C, n) for n in ("济滨", "京唐", "疆电入渝", "汉宜高速扩容", "华智", "圣善", "信乙化工")]
    [True, True, True, True, False, False, False]
    """
    if _TRANSMISSION.match(name) or _ROAD_WORKS.search(name):
        return True
    initials = place_initials(ctx)
    return 2 <= len(name) <= 5 and all(ch in initials for ch in name)


def _crossed_start(lex: Lexicon, text: str, start: int, end: int) -> int:
    """1 when the first character of ``text[start:end]`` stands alone and makes a dictionary word with the
    character before it, itself alone (更多|跨国公司: the 多 of 更多; not 组建|恒达…, where 建 is 组建's), else 0.

    >>> from govkg.extractors.phrase import load_lexicon
    >>> [_crossed_start(load_lexicon(), s, s.index(w), len(s)) for s, w in [("引进更多跨国公司", "多"),
    ...                                                                     ("组建恒达建设投资有限公司", "恒")]]
    [1, 0]
    """
    if start == 0 or end - start < 3:
        return 0
    first = next(iter(lex.tokenizer.cut(text[start:end], HMM=False)))
    if len(first) != 1 or not lex.tokenizer.FREQ.get(text[start - 1:start + 1], 0):
        return 0
    before = lex.tokenizer.cut(text[max(0, start - 4):start], HMM=False)
    return 1 if before and len(before[-1]) == 1 else 0


def _only_common_words(lex: Lexicon, name: str) -> bool:
    """True when ``name`` is made of common words of two or more characters (新风系统, 养老医疗), the first no
    place's name (河西制药, 祁连山水泥: a place and a trade, as companies are called).

    >>> from govkg.extractors.phrase import load_lexicon
    >>> [_only_common_words(load_lexicon(), n) for n in ("养老医疗", "河西制药", "钢铁水泥")]
    [True, False, True]
    """
    toks = lex.tokenizer.tags(name, HMM=False)
    return len(toks) >= 2 and toks[0][1] != "ns" and all(
        len(t) >= 2 and lex.tokenizer.FREQ.get(t, 0) >= COMMON_WORD_FREQ for t, _ in toks)


def _strip_place(places: frozenset[str], name: str, known: frozenset[str] = frozenset()) -> str:
    """``name`` without the longest region name (in ``places`` or ``known``) it starts with: 江苏国泰 -> 国泰."""
    for n in range(len(name) - 1, 1, -1):
        if name[:n] in places or name[:n] in known:
            return name[n:]
    return name


def is_brand_name(ctx: Context, name: str) -> bool:
    """True when a bare name (no 公司/集团) reads as a company's brand: an optional place,
    then a trade name that is not a common word, and no place or works word at the end.

    The trade name is the first word after the place: one character jieba cannot
    join into a word (信乙, 华砂) or a rare two-character word (德顺, 四通).

    >>> from govkg.extractors.base import Context, Resources
    >>> from govkg.text.document import make_document, sentences_of
    >>> from govkg.text.script import ScriptFolder
    >>> doc = make_document("信乙化工", path="x", doc_id="x", folder=ScriptFolder())
    >>> ctx = Context(doc=doc, sentences=sentences_of(doc), resources=Resources())
    >>> [is_brand_name(ctx, n) for n in ("信乙化工", "德顺地毯", "法律咨询", "南三环", "洞山安置房")]
    [True, True, False, False, False]
    """
    if not 2 <= len(name) <= 10 or _NOT_NAME.search(name) or _not_tail(ctx).search(name):
        return False
    places = _place_names(ctx)
    if name in places or name in _gazetteer_prefixes(ctx) or name in gazetteer(ctx.resources).by_short:
        return False
    rest = _strip_place(places, name, _gazetteer_prefixes(ctx))
    if len(rest) < 2 or is_generic(ctx, rest):
        return False
    lex = lexicon(ctx)
    first = next(iter(lex.tokenizer.cut(rest, HMM=False)))
    if first in _generic_words(ctx) and len(first) > 1:
        return False
    return len(first) == 1 or (len(first) == 2 and lex.tokenizer.FREQ.get(first, 0) < COMMON_WORD_FREQ)


def names_someone(ctx: Context, body: str, placed: bool) -> bool:
    """True when the body of a headed name (the part before 公司/集团) names a company.

    ``placed`` tells that the body starts with a region name (四川现代种业集团).
    A body of generic words only is never a name; with no place in front it also
    needs one word that is not a common one (a single character or a rare word).

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> [names_someone(C, b, False) for b in ("德胜钒钛", "央企二三级子", "资产经营", "飞球")]
    [True, False, False, True]
    """
    lex = lexicon(ctx)
    generic = _generic_words(ctx)
    never = ctx.resources.get("enterprise.never", lambda: tuple(words("enterprise_never.txt")))
    if any(w in body for w in never):
        return False
    rest = ctx.resources.get("enterprise.generic_re", lambda: re.compile(
        literal_alternation(generic))).sub("", body)
    toks = [t for t in lex.tokenizer.cut(rest, HMM=False)
            if not _COUNTED.fullmatch(t) and not _NUMERAL.fullmatch(t)]
    if not toks or is_generic(ctx, body):
        return False
    return placed or any(len(t) == 1 or lex.tokenizer.FREQ.get(t, 0) < COMMON_WORD_FREQ for t in toks)


def _known_brand(lex: Lexicon, name: str, body: str) -> bool:
    """True when a company's trade name may be a common word jieba knows as a proper noun or a place's name: it
    opens a name that ends in a registered legal form (远洋|实业有限公司), or it is the whole body before the head
    (伊利|集团, 华为|公司), a famous brand.

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> [_known_brand(lexicon(C), n, b) for n, b in (("远洋实业有限公司", "远洋实业"), ("伊利集团", "伊利"),
    ...                                              ("远洋集团", "远洋"), ("光明公司", "光明"))]
    [True, True, False, False]
    """
    tags = [tag for _, tag in lex.tokenizer.tags(body, HMM=False)]
    if _REGISTERED_FORM.search(name):
        return tags[0] in _PROPER or tags[0] == "ns"
    return len(tags) == 1 and tags[0] in _PROPER


def _named_cooperative(ctx: Context, body: str) -> bool:
    """True when the body of a cooperative's name is a trade name of common words before what it grows or does
    (曙光|农作物种植专业合作社, 红星|蔬菜种植…): a cooperative's trade name is often a common word, and the
    words of farming after it show that it is one; 蔬菜种植专业合作社 (all farming) or 土地股份专业合作社 is a kind.

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> [_named_cooperative(C, b) for b in ("曙光农作物种植", "红星蔬菜", "蔬菜种植", "土地股份", "农民")]
    [True, True, False, False, False]
    """
    from govkg.extractors.industry import is_farming_word

    toks = list(lexicon(ctx).tokenizer.cut(body, HMM=False))
    first = next((i for i, t in enumerate(toks) if is_farming_word(ctx, t)), 0)
    trade = "".join(toks[:first])
    return 2 <= len(trade) <= 4 and not any(w in trade for w in _generic_words(ctx)) \
        and not is_farming_word(ctx, trade) and all(is_farming_word(ctx, t) for t in toks[first:])


# --- the rules --------------------------------------------------------------------------------

def _headed(ctx: Context) -> Iterator[Mention]:
    heads = head_regex("enterprise_heads.txt")
    lex = lexicon(ctx)
    lead = _lead_words(ctx)
    places = _place_names(ctx)
    text = ctx.doc.norm
    for span in headed_names(ctx, heads, bracketed=True, governed=True):
        if _AFTER_HEAD.match(text[span.end:span.end + 1]) or (
                span.text.endswith("投") and text[span.end:span.end + 1] in "资入放产用运"):
            continue  # 集团化, 城投债, 固定资产投资, 投产投用 (产投 is no head there)
        cut = trim_lead(lex, lead, span.text)
        cut += _crossed_start(lex, text, span.start + cut, span.end)
        cut += _province_inside(ctx, span.text[cut:])
        name = span.text[cut:]
        head = heads.search(name)
        body = name[: head.start()] if head else name
        if len(body) < 2 or len(body) > 14 or _COUNTED.search(body) or _SYMBOL.search(body):
            continue
        rest = _strip_place(places, body, _gazetteer_prefixes(ctx)) if body not in places else ""
        # a brand jieba knows is placed enough: its tags are read only for a body that fails as it stands
        if not (names_someone(ctx, rest or body, placed=rest != body)
                or (rest == body and _known_brand(lex, name, body) and names_someone(ctx, body, placed=True))
                or (head and _COOPERATIVE.fullmatch(head.group()) and _named_cooperative(ctx, rest or body))) \
                or _RANKING.match(rest or body):
            continue  # …, or a rank: 荣昌|首家上市公司
        coop = _COOPERATIVE.match(text, span.end)  # 宜昌高山云雾土地股份|专业合作社: a cooperative's shares
        end = coop.end() if coop else span.end
        for pair in _headed_pair(lex, heads, text, span.start + cut, end):
            for a, b in _group_then_company(ctx, heads, text, *pair):
                yield _mention(text[a:b], a, b, span.sentence, "enterprise.head")


_QUOTED_BRAND = re.compile(r"“([\u4e00-\u9fff]{2,6})”")
_QUOTED_REACH = 10
"""How far after its quoted brand a company's head may end (“山里红”生态农业专业合作社)."""


def _quoted(ctx: Context) -> Iterator[Mention]:
    """Rule ``enterprise.head`` again: a company whose trade name the text quotes (山东“山里红”农业发展有限公司,
    “山里红”生态农业专业合作社), the quoted brand and the words of its trade up to the head, with the province or
    city in front; the label drops the quotes. The words between the quote and the head are the trade's
    (农业发展, 生态农业专业), no verb: 把“放管服”改革推向公司 names none. The quotes say the brand is a name,
    though it may be a common word (山里红 is a shrub), unless it opens with a verb (“走出去”平台公司: a slogan).

    >>> from govkg.extractors.base import Resources
    >>> from govkg.text.document import make_document, sentences_of
    >>> from govkg.text.script import ScriptFolder
    >>> def labels(text):
    ...     doc = make_document(text, path="x", doc_id="x", folder=ScriptFolder())
    ...     return [m.label for m in _quoted(Context(doc=doc, sentences=sentences_of(doc), resources=Resources()))]
    >>> labels("山东“山里红”农业发展有限公司董事长张裕朋，成立“山里红”生态农业专业合作社，推动“放管服”改革公司化")
    ['山东山里红农业发展有限公司', '山里红生态农业专业合作社']
    """
    heads = head_regex("enterprise_heads.txt")
    lex = lexicon(ctx)
    gaz = gazetteer(ctx.resources)
    for sent in ctx.sentences:
        text = sent.text
        for m in _QUOTED_BRAND.finditer(text):
            head = heads.search(text, m.end(), m.end() + _QUOTED_REACH)
            if head is None or _AFTER_HEAD.match(text, head.end()) or is_generic(ctx, m.group(1)) \
                    or lex.tokenizer.tags(m.group(1), HMM=False)[0][1].startswith("v") \
                    or left_edge(text, head.start(), lex) > m.end():
                continue  # a slogan's verb: “走出去”平台公司 (the left edge, the dearest check, is read last)
            trade = text[m.end():head.start()]
            if any(lex.tokenizer.tags(w, HMM=False)[0][1].startswith("v") and w not in TRADE_VERBS
                   for w in lex.tokenizer.cut(trade, HMM=False)):
                continue
            start = next((m.start() - k for k in (4, 3, 2) if m.start() >= k
                          and gaz.names_place(text[m.start() - k:m.start()])), m.start())
            name = text[start:m.start()] + m.group(1) + text[m.end():head.end()]
            yield Mention(EntityRef("Enterprise", normalise_label(name)), normalise_label(name), sent.start + start,
                          sent.start + head.end(), sent.index, "enterprise.head")


TRADE_VERBS = frozenset("发展 开发 投资 建设 种植 养殖 加工 制造 经营 管理 服务 贸易 销售 生产 运营 种养".split())
"""Words jieba tags as verbs that a company's trade is written with (农业发展有限公司, 蔬菜种植专业合作社)."""


def _group_then_company(ctx: Context, heads: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A group and a company of a province written one after the other, as its parent and itself (中发控股综合集团|
    黑龙江琴洋生物科技有限公司): two names; one whose province is followed by its head alone is one registered name
    (中国移动通信集团河北有限公司).

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> heads = head_regex("enterprise_heads.txt")
    >>> for t in ("中发控股综合集团黑龙江琴洋生物科技有限公司", "中国移动通信集团河北有限公司"):
    ...     print([t[a:b] for a, b in _group_then_company(C, heads, t, 0, len(t))])
    ['中发控股综合集团', '黑龙江琴洋生物科技有限公司']
    ['中国移动通信集团河北有限公司']
    """
    provinces = _province_names(ctx)
    last = next((m for m in heads.finditer(text, start, end) if m.end() == end), None)
    for m in heads.finditer(text, start, end):
        if m.end() - start < 4 or last is None or m.end() >= last.start():
            continue
        province = max((p for p in provinces if text.startswith(p, m.end())), key=len, default="")
        if province and last.start() - m.end() - len(province) >= 2:
            return [(start, m.end()), (m.end(), end)]
    return [(start, end)]


def _headed_pair(lex: Lexicon, heads: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Two companies joined by 和 / 与 / 及 when the first ends in a company's head too (京康现代农业公司和阳晨集团);
    else the name itself (人和集团, 中粮与华润合资公司: a head only at the end).

    >>> from govkg.extractors.phrase import load_lexicon
    >>> heads = head_regex("enterprise_heads.txt")
    >>> t = "京康现代农业公司和阳晨集团"
    >>> [t[a:b] for a, b in _headed_pair(load_lexicon(), heads, t, 0, len(t))]
    ['京康现代农业公司', '阳晨集团']
    >>> t = "中粮与华润合资公司"
    >>> [t[a:b] for a, b in _headed_pair(load_lexicon(), heads, t, 0, len(t))]
    ['中粮与华润合资公司']
    """
    parts = _pair_split(lex, text, start, end)
    if len(parts) > 1 and all(any(m.end() == b for m in heads.finditer(text, a, b)) for a, b in parts):
        return parts
    return [(start, end)]


def _listed(ctx: Context) -> Iterator[Mention]:
    lex = lexicon(ctx)
    heads = head_regex("enterprise_heads.txt")
    places = _place_names(ctx)
    for sent in ctx.sentences:
        for m in _LIST_END.finditer(sent.text):
            if m.group().startswith("等") and lex.tokenizer.FREQ.get(sent.text[m.start() - 1:m.start() + 1], 0) \
                    >= COMMON_WORD_FREQ and "、" not in sent.text[max(0, m.start() - 12):m.start()]:
                continue  # 高等, 平等: 等 is part of a word (not after a list: 华润、华强方特|等一批知名企业)
            if _PLACES_KIND.match(m.group()):
                continue  # 支持武安、丰南、迁安等地企业: the places the companies are in
            items = _joined_first(lex, sent.text, enumeration_items(sent.text, m.start(), lex))
            by_etc = sent.text.startswith("等", m.start())
            names = [(_item_start(ctx, lex, sent.text, a, b), b)
                     for a0, b0 in items for a, b in _pair_split(lex, sent.text, a0, b0)]
            if not by_etc and len(names) < 2:
                continue  # without 等 only a list counts ("A、B两家企业", "A和B两家龙头企业")
            if lists_sectors(ctx, [sent.text[a:b] for a, b in names]):
                continue
            if 2 * sum(bool(_PERSON.search(sent.text, a, b)) for a, b in names) >= len(names):
                continue  # 工程院院士张伯礼、…相关领导、市委书记焦文民…以及国内数十家相关企业负责人: people, by their titles
            kept, trades = [], []  # trades: names made of common words only (新风系统, 蓝天农业)
            for a, b in names:
                name = sent.text[a:b]
                if (2 <= len(name) <= 12 and not _NOT_NAME.search(name) and not is_generic(ctx, name)
                        and name not in places and name not in _gazetteer_prefixes(ctx)
                        and not _is_common(ctx, name) and not _not_tail(ctx).search(name)):
                    trade = by_etc and not heads.search(name) and _only_common_words(lex, name)
                    (trades if trade else kept).append((a, b))
            if 2 * sum(_names_work(lex, sent.text[a:b]) for a, b in trades) >= len(names):
                continue  # half the items are kinds of work (无人机培训、测试飞行、低空应用展示交易等相关企业)
            if len(kept) >= BRANDS_PER_TRADE * max(1, len(trades)):
                kept += trades  # among brands they are brands too (神州轮胎、蓝天农业、新龙蓝天); else trades (新风系统、养老医疗)
            for a, b in sorted(kept):
                yield _mention(sent.text[a:b], sent.start + a, sent.start + b, sent.index, "enterprise.list")


_WORK_TAGS = frozenset({"v", "vn"})


def _names_work(lex: Lexicon, item: str) -> bool:
    """Whether a list item of common words names a kind of work: it holds a verb (测试飞行, 无人机培训; not 风帆)."""
    return any(tag in _WORK_TAGS for _, tag in lex.tokenizer.tags(item))


def _joined_first(lex: Lexicon, text: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``items`` with the name joined by 和 / 与 / 及 in front of the first (引进A和|B两家龙头企业: A), when there is one."""
    return joined_before(text, items[0][0], lex) + items if items else items


def _item_start(ctx: Context, lex: Lexicon, text: str, a: int, b: int) -> int:
    """Where the name of the list item ``text[a:b]`` starts: past a verb and its 了, past what kind of company it is
    (世界领军企业|鑫联环保科技, 世界知名品牌|科勒卫浴, 中国民营企业500强|湖南金荣集团, 半导体设备制造商|台湾荏原,
    IC设计龙头|联咏科技), then past a lead word."""
    a += _verb_done(lex, text[a:b])
    kind = _KIND_BEFORE.match(text, a, b)
    if kind and b - kind.end() >= 2 and text[kind.end()] not in "中里内之":
        a = kind.end()  # not 民营企业500强|中各有20家: "among them"
    return a + trim_lead(lex, _lead_words(ctx), text[a:b])


_KIND_BEFORE = re.compile(r"[^、，]*(?:企业|品牌|制造商|供应商|\d+强|百强|千强)(?:\d+强|百强|千强)?|[^、，]{2,}龙头")


def _verb_done(lex: Lexicon, item: str) -> int:
    """Length of a verb and its 了 at the front of a list item (培育了|富旺达托牛所: 引进、培育了A、B等企业), else 0."""
    words = list(lex.tokenizer.cut(item[:6]))
    return len(words[0]) + 1 if len(words) > 1 and words[0] in lex.boundary and words[1] == "了" else 0


BRANDS_PER_TRADE = 3
"""How many brands a list item of common words needs beside it to be read as a brand too."""

_JOINERS = frozenset("和与及")


def _pair_split(lex: Lexicon, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A list item ``text[start:end]`` cut at 和, 与 and 及 where jieba reads them as words of their own and
    each part keeps two characters or more: two companies in one item (定兴喜之郎和西麦, 上海建科与上咨集团),
    not 人和集团.

    >>> from govkg.extractors.phrase import load_lexicon
    >>> t = "定兴喜之郎和西麦"
    >>> [t[a:b] for a, b in _pair_split(load_lexicon(), t, 0, len(t))]
    ['定兴喜之郎', '西麦']
    >>> t = "人和集团"
    >>> [t[a:b] for a, b in _pair_split(load_lexicon(), t, 0, len(t))]
    ['人和集团']
    """
    if not any(ch in _JOINERS for ch in text[start:end]):
        return [(start, end)]
    out, pos = [], start
    for word in lex.tokenizer.cut(text[start:end], HMM=False):
        if word in _JOINERS:
            out.append((start, pos))
            start = pos + 1
        pos += len(word)
    out.append((start, end))
    return out if all(b - a >= 2 for a, b in out) else [(out[0][0], end)]  # 人|和|集团 is one name


def _siblings(ctx: Context, headed: list[Mention]) -> Iterator[Mention]:
    """Bare brands in a 、-list with a headed company: "九江钒宇、德胜集团"; and a company of common words
    registered by its legal form among them (国家电投贵州金元股份有限公司、远景能源有限公司、…)."""
    lex = lexicon(ctx)
    spans = {(m.start, m.end) for m in headed}
    by_sentence: dict[int, list[Mention]] = {}
    for m in headed:
        by_sentence.setdefault(m.sentence, []).append(m)
    for index, found in by_sentence.items():
        sent = ctx.sentences[index]
        for m in found:
            end = m.end - sent.start
            items = enumeration_items(sent.text, end, lex)
            items.extend(_items_after(sent.text, end))
            if len(items) < 2:
                continue
            for a, b in items:
                a += trim_lead(lex, _lead_words(ctx), sent.text[a:b])
                trade = head_regex(TRADES).search(sent.text, a, b)
                if trade and trade.end() < b and trade_then_verb(lex, sent.text[trade.end():b]):
                    b = trade.end()  # 兴宏铜业|破产重组、业胜公司破产重整: the company and what befalls it
                name = sent.text[a:b]
                if any(r.type == "Region" and "/" in r.ref.key and sent.start + a <= r.start < sent.start + b
                       for r in ctx.mentions_in(index)):
                    continue  # 西洛镇段廷村潇河岸边: a town's place among the companies a visit went to, no brand
                if is_brand_name(ctx, name) and not head_regex("enterprise_heads.txt").search(name):
                    yield _mention(name, sent.start + a, sent.start + b, index, "enterprise.sibling")
                elif (form := _SIBLING_FORM.fullmatch(name)) and not is_generic(ctx, name[:form.start(1)]) \
                        and (sent.start + a, sent.start + b) not in spans:
                    # a company registered by its legal form, its body common words (远景能源|有限公司), among others
                    yield _mention(name, sent.start + a, sent.start + b, index, "enterprise.sibling")


def _known_siblings(ctx: Context, found: list[Mention]) -> list[Mention]:
    """Bare brands in a 、-list with two companies the document names elsewhere (成功引进中科蓝海、德屹智能… then
    来到…中科蓝海、星通北斗、德屹智能、昊冠机械等处): the list's other items that read as brands are companies too.
    Not in a list of projects (…盛义信煤焦化、裕能铜冶炼…等一批重大项目: the companies' works)."""
    names = {ctx.doc.norm[m.start:m.end] for m in found if m.start >= 0 and m.end - m.start >= 2}
    if not names:
        return []
    taken = {(m.start, m.end) for m in found}
    pattern = re.compile(literal_alternation(names))
    again: list[Mention] = []
    for sent in ctx.sentences:
        for clause in CLAUSE.finditer(sent.text):
            named = [_mention(m.group(), sent.start + m.start(), sent.start + m.end(), sent.index, "enterprise.sibling")
                     for m in pattern.finditer(sent.text, clause.start(), clause.end())
                     if sent.text[m.start() - 1:m.start()] == "、" or sent.text.startswith("、", m.end())]
            if len(named) >= 2 and any((m.start, m.end) not in taken for m in named) \
                    and "项目" not in sent.text[named[-1].end - sent.start:clause.end()]:
                again.extend(named)
    return [m for m in _siblings(ctx, again) if (m.start, m.end) not in taken]


_SIBLING_FORM = re.compile(rf"[\u4e00-\u9fff]{{4,10}}?({LEGAL_FORM})")
"""A company's name with its registered legal form (group 1) after a body of four to ten characters."""

_SITE_AFTER = re.compile(r"([\u4e00-\u9fff]{2,4}?)[东西南北]{1,2}[郊区部片]?")


def brand_before_site(ctx: Context, name: str) -> str:
    """The brand of an owner's name that goes on with where the works are (深能|西北郊二期, 榆能|西南70万千瓦热电);
    else ``name``.

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources(); mentions = ()
    >>> [brand_before_site(C, n) for n in ("深能西北郊", "榆能西南", "华北制药", "雨森新型材料", "湛江徐闻东")]
    ['深能', '榆能', '华北制药', '雨森新型材料', '湛江徐闻东']
    """
    site = _SITE_AFTER.fullmatch(name)
    if site is None or place_length(ctx, name) or not is_brand_name(ctx, site.group(1)):
        return name  # 湛江徐闻东: places, no brand
    return site.group(1)


TRADES = "enterprise_trades.txt"
"""The data file of the trades that end a company's short name (兴宏铜业, 天香乳业, 全乐制药): ``head_regex(TRADES)``."""


def trade_then_verb(lex: Lexicon, phrase: str) -> bool:
    """``phrase``, after a company's trade, opens with a verb (破产|重组, 扩能|改造): what the company does."""
    return lex.tokenizer.tags(phrase, HMM=False)[0][1] in ("v", "vn", "vd")


def _items_after(text: str, pos: int, max_len: int = 8) -> list[tuple[int, int]]:
    """The 、-separated items that follow ``text[:pos]``, up to a stop mark or 等."""
    items = []
    while pos < len(text) and text[pos] == "、":
        nxt = pos + 1
        while nxt < len(text) and text[nxt] not in STOP_CHARS and text[nxt] != "等":
            nxt += 1
        if nxt - pos - 1 > max_len:  # a clause goes on after the last item ("一汽吉林战略性重组")
            break
        items.append((pos + 1, nxt))
        pos = nxt
    return items


WORKS_FIELD = re.compile(r"水利|交通|道路|公路|水运|电网|市政|基础设施|防洪|灌区")
"""A project list's end that says its items are public works (帕孜等水利项目), named by their places, not owners."""


def _project_owners(ctx: Context) -> Iterator[Mention]:
    """Brands that carry out projects: items of project lists, owners of a project's phase."""
    lex = lexicon(ctx)
    heads = head_regex("enterprise_heads.txt")
    for sent in ctx.sentences:
        spans: list[tuple[int, int]] = []
        for m in _PROJECT_LIST_END.finditer(sent.text):
            items = enumeration_items(sent.text, m.start(), lex)
            if lists_sectors(ctx, [sent.text[a:b] for a, b in items]) or WORKS_FIELD.search(m.group()):
                continue  # 分布式光伏发电、新能源汽车、储能电池等多个项目: the projects' sectors; 帕孜等水利项目: works'
                # names
            if sent.text.startswith("等", m.start()) or len(items) >= 2:
                spans.extend(items)
        listed = set(spans)
        for m in _PHASE.finditer(sent.text):
            a = left_edge(sent.text, m.start(), lex, max_len=12)
            # a bare two-character owner is mostly a road or site (京雄二期), unless it starts producing
            if m.start() - a >= 4 or _MAKER_VERB.match(sent.text, m.start()) or \
                    _MAKER_VERB.match(sent.text, _list_end(sent.text, m.end())):
                spans.append((a, m.start()))
        for m in _MAKER_VERB.finditer(sent.text):
            if not _PHASE.match(sent.text, m.start()):
                spans.append((left_edge(sent.text, m.start(), lex, max_len=12), m.start()))
        for m in _CAPACITY.finditer(sent.text):  # 更有华赛包装年产8亿只…生产线: the maker before its capacity
            window = max(0, m.start() - 12)
            a = max((b.end() for b in _ITEM_BEFORE.finditer(sent.text, window, m.start())), default=window)
            if _names_a_thing(lex, sent.text[a:m.start()]):
                spans.append((a, m.start()))
        for a, b in spans:
            item = (a, b) in listed
            a += trim_lead(lex, _lead_words(ctx), sent.text[a:b])
            phase = _PHASE_END.search(sent.text, a, b)
            if phase:
                b = phase.start()
            name = sent.text[a:b]
            if item and 0 < project_name_owner(ctx, name) < len(name):
                continue  # 屹马|毫米波雷达: the item is the brand's project, named by what it makes; its owner is the
                # project's (rule enterprise.project_name)
            name = brand_before_site(ctx, name)
            b = a + len(name)
            if len(name) <= 7 and not heads.search(name) and is_brand_name(ctx, name) and not names_route(ctx, name):
                place = place_length(ctx, name)  # 横州市|潮力年产50万吨…: the brand, also called with its place;
                if len(name) - place < 2 or name[place - 1:place] not in _DIVISION_ENDS:
                    place = 0  # a short form stays (江苏国泰, 无锡东恒: how such a company is called)
                yield _mention(name[place:], sent.start + a + place, sent.start + b, sent.index,
                               "enterprise.project_owner", placed=name if place else "")


_CAPACITY = re.compile(r"年产(?:能)?(?=\d|[一二三四五六七八九十两百千万])")
_DIVISION_ENDS = frozenset("省市县区旗州盟")
# what opens the list item, or what a clause names, right before a capacity (…更有|华赛包装|年产; 、|华鑫科技|年产)
_ITEM_BEFORE = re.compile(r"[、，,；;：:（(“]|既有|又有|更有|还有|也有|包括|分别是|其中")


_NOT_THING_TAGS = frozenset("m t d p c r u".split())  # numerals, times, adverbs, prepositions … (一年内就实现)


def _names_a_thing(lex: Lexicon, item: str) -> bool:
    """No word of two characters or more in ``item`` is a numeral, a time, an adverb, a preposition, a conjunction or a
    pronoun, nor a verb but at its end (华赛包装; not 一年内就实现): one character alone has a tag of chance."""
    tags = lex.tokenizer.tags(item, HMM=False)
    return not any(len(w) > 1 and (t in _NOT_THING_TAGS or (t.startswith("v") and i < len(tags) - 1))
                   for i, (w, t) in enumerate(tags))


def _list_end(text: str, pos: int) -> int:
    """Where the 、-list that goes on at ``pos`` ends ("圣善二期、华智二期尽快…": at 尽快)."""
    items = _items_after(text, pos, max_len=len(text))
    if not items:
        return pos
    end = items[-1][1]
    last = _PHASE.search(text, items[-1][0], end)
    return last.end() if last else end


def _is_common(ctx: Context, name: str) -> bool:
    return lexicon(ctx).tokenizer.FREQ.get(name, 0) >= COMMON_WORD_FREQ


def _mention(text: str, start: int, end: int, sentence: int, rule: str, placed: str = "") -> Mention:
    """An Enterprise mention; ``placed`` is the name with the place the text writes in front (西华县双汇), an alias."""
    label = normalise_label(text)
    return Mention(EntityRef("Enterprise", label), label, start, end, sentence, rule,
                   aliases=(normalise_label(placed),) if placed else ())
