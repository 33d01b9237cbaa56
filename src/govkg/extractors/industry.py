"""Industries: the sectors a region, park or enterprise develops.

What makes an Industry, in one place (word lists in ``extractors/data/industry_*.txt``):

1. ``head``: a name ending in 产业 / 行业 (/ 产业集群, 产业链) — 钒钛产业, 起重机械行业,
   千亿级新型化工产业集群 (scale words dropped) — unless a park follows (产业园,
   产业示范区, 产业基地).
2. ``list``: the items of a 、-list closed by 等 or a count (N大, N个) and an industry
   word — 大豆、高粱、花椒等产业; 新型矿业、钒钛深加工、新材料3个百亿级产业集群;
   有色金属和起重机械等传统行业; “粮、菜、果”6大特色产业 (one-character items
   only inside quotes).
3. ``term``: a sector of the vocabulary (``industry_terms.txt``, after GB/T 4754 and
   policy usage), or a sector activity + 业 (装配业), with any longer name in front
   (机械装备制造) — when it is the object of a developing verb (大力发展现代物流业:
   ``industry_develop.txt``) or what something leads (以…等企业为龙头的现代服务业), coordinated with another industry (氟化工及新能源材料),
   or followed by an industry word (…业, …经济, …基地, …集群). A term followed by
   another noun is part of that noun and not taken (储能材料, 种业集团).
4. ``conjunct``: the name joined by 和 / 及 / 与 to an industry found by 1–3
   (钢铁和汽车产业 → 钢铁).
5. ``devlist``: the items of a 、-list that a developing verb governs, when one
   item is a sector term (聚焦人工智能、具身智能、商业航天等 → 具身智能 too); the
   last item of a list not closed by 等 must be a term or end in 业 / 经济; also the
   sectors something spans (涵盖…等领域, 集…于一体) or is laid out by (按照“…”的产业定位).
6. ``produce``: what a place is the main producing area of (特色绿萝卜、优质马铃薯主产区 →
   绿萝卜, 马铃薯).
7. ``grown``: the crop or animal named right before its farming and its size (全县枸杞|种植面积,
   沙田柚|种植向规模化).

A farm product of the vocabulary followed by its activity is named with it
(发展苹果种植 → 苹果种植, alias 苹果); terms may hold digits (3D打印, 5G).

Every candidate must then pass :func:`_clean`: leading verbs and region names dropped
(再度入围中国康养产业 → 康养产业); not generic (主导产业, 三次产业, 现代产业:
``industry_generic.txt``); not ending in a verb (激活产业, 提高产业 — sector
activities such as 制造, 种植 excepted: ``industry_activities.txt``); no digits or
company/project/park words; not inside a park, enterprise or project name found
earlier (四川现代种业集团).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from govkg.extractors.base import Context, data_lines
from govkg.extractors.gazetteer import province_forms, short_form
from govkg.extractors.names import literal_alternation, words
from govkg.extractors.phrase import (
    STOP_CHARS,
    Lexicon,
    enumeration_items,
    headed_names,
    is_common_word,
    joined_before,
    left_edge,
    lexicon,
)
from govkg.graph.iri import normalise_label
from govkg.model import EntityRef, Mention

# rule 1: 产业 / 行业 ends an industry name unless a park or a farm road follows (产业园, 产业示范区, 产业基地, 产业孵化园,
# 产业集聚区; 产业路, 混凝土产业道路;
# 产业集聚 alone is the industry clustering: 在电子信息产业集聚上下大力气; 贫困人口|产业覆盖率 is a share of people)
_HEAD = re.compile(r"(?:产业|行业)(?:集群(?![区园])|链|(?![园基区示孵项化路]|道路|集聚区|集中区|聚集区|集聚园|集中发展区|集中度|集聚度|空间|载体|大厦|覆盖))")
_HEAD_END = re.compile(r"(?:产业|行业)(?:集群|链)?$")
# scale and rank words at the end of a body: 千亿级新型化工, 新能源材料主导
_SCALE = re.compile(r"[千百万十]亿(?:元)?级|(?:主导|支柱|优势|特色|首位|重点|战略性|新兴|传统|基础|核心|全链条|全产业链|全"
                    r"|国家级|省级|市级|县级)+$")  # 竹木加工|全链条产业: the whole chain of a sector
# a sector's size in front of a candidate's name (百亿|玻纤, 千亿级|页岩气); :data:`_SCALE` strips a headed body's
_SIZE = re.compile(r"(?:(?:[十百千万]亿|\d+亿)元?级?|世界级|规模以上|规上|限额以上|限上)(?=[\u4e00-\u9fff]{2})|规上$")
"""How large a sector is meant to grow, its rank (世界级|先进光伏) or a statistical class of its firms (规上|制造业)."""
# rule 2: what closes a list of industries: 等 or a count, a few modifiers, an industry word (or 主攻方向:
# 锁定光伏、锂电、煤化、磷化四大主攻方向; or a farming activity: 辣椒、毛豆、烤烟等规模种植)
_LIST_CLOSE = re.compile(
    r"(?P<close>[”」』’]?)(?P<sep>等(?:[\d一二三四五六七八九十两]+(?:条|个|大|类))?|“?[\d一二三四五六七八九十两]+(?:大|个|类|项))"
    r"(?:(?:\d+|[千百万十])亿元?级)?"  # 4个10亿级产业集群, 等6条产业链, 四大百亿级集群, 4大集群
    r"(?P<tail>[\u4e00-\u9fff]{0,10}?)(?:(?:产业(?:创新)?集群|(?:(?<=级)|(?<=[\d一二三四五六七八九十两]大))集群"
    r"|产业|行业(?!领域)|业态|服务业|制造业|经济|主攻方向|(?<=[大类])品种|种植|养殖|种养)"
    r"(?![园基区]|带(?!动)|创新|平台|中心|项目|载体|联盟|协会|大会|论坛|示范|企业|主体|人才|工人|用地|资金|政策|聚集区|集聚区|大模型|转移|指标"
    r"|巨头"
    r"|强[省市县区镇乡]|大[省市县区])"  # 经济强县, 产业大县: a list of places
    r"|(?<=[\d一二三四五六七八九十两]大)产业(?=基地))"  # 清洁能源、农畜产品加工、林草业“三大产业基地”: the bases' sectors
)
# rule 3: what may follow a sector term, and what makes the term an industry by itself
_GROWS = (r"(?:全面|加快|加速|迅速|迅猛|稳健|不断|高质量|融合|集聚|集群|创新|协同|规范|健康|持续|快速|蓬勃|稳步|跨越式|绿色|特色"
          r"|集聚式|集群式|规模化|集约化)?发展(?!大会|论坛|峰会|潜力|指数|百强)")
_ROLES = r"为主|为重点|为龙头|为引领|为基础|为支撑|为主导|为核心|为突破口"  # the part a sector plays (以畜牧业|为基础)
_OUTPUT = r"(?:总)?产值|增加值|总收入|(?:总)?装机"  # what a sector yields or holds (畜牧业|总产值, 清洁能源|总装机规模)
_TERM_AFTER = re.compile(
    r"$|[，。；：、,;:）)」”]|等|和|及|与|或|产业|行业|业(?![务主])|经济|集群|基地|板块|领域|融合|转型|升级|提升(?=[，。；,;]|$)"
    rf"|提质|集聚|链|龙头|{_OUTPUT}|{_ROLES}|" + _GROWS
)
# 以A、B等企业为龙头的现代服务业: what companies lead is a sector
_LED_BY = re.compile(r"为(?:龙头|主导|主体|引领|核心|支撑)的$")
_FARMING = re.compile(r"种植|养殖|种养|精深加工|深加工|加工")
_TERM_HEADED = re.compile(rf"业|经济|集群|基地|链|产业链|板块|{_OUTPUT}|{_ROLES}|龙头|" + _GROWS)
_TERM_BETTERED = re.compile(r"提质增效|提质|转型升级|提升(?=[，。；,;]|$)")
"""What a sector term alone is to do (推动林果业|提质增效, 推进现代种业|提升，: not 包装|提升城区出入口, a verb); with a brand
before it, a company is (推进弘润石化|转型升级)."""
_IN = ("在", "于")
"""What opens the field a sector term names (台南在|绿能|领域表现亮眼)."""
# rule 4: words that join two industries
_AND = re.compile(r"^(?:和|及|与|以及|、)$")
_LATIN = re.compile(r"[\d%％A-Za-z]")
_NOT_INDUSTRY = re.compile(r"[\d%％A-Za-z]|企业|项目|规划$|园区|公司|集团|股份|基地|工程(?!装备|机械)|中心|平台|事业|资金|[+＋]|类$|园$|区$|厂|镇$|村$"
                           r"|^[性型]|业中$|时代$|大学|(?:高级|现代|一体|集群|规模|标准|多样)化$|[一两二三四五六七八九十]个"
                           r"|[强兴立][省市县区州旗]$")
# 就业|性战略产业, 引导|型先进制造业, 工业中|战略性新兴产业: a word cut apart, a place within a sector; an era
# (后疫情时代|产业链重构), a university's (华北电力大学|新能源与电力装备), what a sector is to become (产业基础高级化),
# a count of things (形成一个链条、壮大一个产业); what makes a place strong (富民强县|特色产业: a strategy's shape)
# POS tags that end a name walking left (verbs, adverbs, particles, idioms like 大力发展)
_VERB_TAGS = frozenset("v vd vi d p c u uj ul uz ug uv ud r rr rz m q ad l".split())
_NOUN_TAGS = frozenset("n ng nz zg".split())
_PART_COUNT = re.compile(r"[一两二三四五六八双多][轮翼旋缸座层]")  # 两轮车, 四旋翼, 多旋翼, 双层


@dataclass(frozen=True, slots=True)
class _Found:
    name: str  # the label
    start: int  # offsets into the sentence
    end: int
    rule: str
    aliases: tuple[str, ...] = ()
    first: bool = True  # the name may start with verbs to trim (not a middle list item)
    short_ok: bool = False  # a one-character name is allowed (inside a quoted list, a noun before 产业)


def extract_industries(ctx: Context) -> Iterator[Mention]:
    """Industries of ``ctx``'s document, one mention per occurrence (see the module docstring)."""
    heads = _headed(ctx)
    places = _place_shorts(ctx)
    for sent in ctx.sentences:
        taken = _taken_spans(ctx, sent.index, sent.start)
        listed = _listed(ctx, sent.text, _place_spans(ctx, sent.index, sent.start))
        found = [_past_taken(f, taken, sent.text) for f in (*heads[sent.index], *listed) if not _inside_taken(f, taken)]
        found += [f for f in _terms(ctx, sent.text, found) if not _inside_taken(f, taken)]
        previous = _previous(ctx, sent.index)
        found += [f for f in (*_develop_lists(ctx, sent.text), *_sector_lists(ctx, sent.text, previous),
                              *_led_lists(ctx, sent.text), *_company_sectors(ctx, sent.text), *_produce(ctx, sent.text),
                              *_project_counts(ctx, sent.text), *_grown(ctx, sent.text),
                              *_term_lists(ctx, sent.text), *_economies(ctx, sent.text), *_specified(sent.text))
                  if not _inside_taken(f, taken) and not any(f.start < o.end and o.start < f.end for o in found)]
        accepted = [c for c in (_clean(ctx, f, sent.start, places) for f in found) if c is not None]
        accepted += [c for c in (_clean(ctx, f, sent.start, places) for f in _conjuncts(ctx, sent.text, accepted))
                     if c is not None and not _inside_taken(c, taken)]
        seen: set[tuple[int, int]] = set()
        for c in accepted:
            if (c.start, c.end) in seen or any(o.start <= c.start and c.end <= o.end and o.end - o.start >
                                               c.end - c.start for o in accepted):
                continue
            seen.add((c.start, c.end))
            label = normalise_label(c.name)
            aliases = tuple(a for a in (normalise_label(x) for x in c.aliases) if a and a != label)
            yield Mention(EntityRef("Industry", industry_key(label)), label, sent.start + c.start,
                          sent.start + c.end, sent.index, c.rule, aliases=aliases)


_COUNT_BEFORE = re.compile(r"(?:等|[\d一二三四五六七八九十两]+大)$")
_LIST_CLOSER = re.compile(r"领域|方面|板块|行业|产业")
_JOINT = re.compile(r"以及|和|及|与")
_PARTS = ("零部件", "零配件", "配件", "配套")
_JOINED_PARTS = re.compile(r"[及和与](?:零部件|零配件|配件)(?=产业|行业|制造|[^\u4e00-\u9fff]|$)")
"""The parts joined to a sector term, part of its name (汽车及零部件、新材料; not 汽车及零部件企业)."""


def _headed(ctx: Context) -> dict[int, list[_Found]]:
    """Rule 1: names ending in 产业 / 行业, per sentence (the label keeps the head, the body is an alias)."""
    out: dict[int, list[_Found]] = defaultdict(list)
    lex = lexicon(ctx)
    for span in headed_names(ctx, _HEAD, max_len=14, min_body=1):
        text = span.text
        head = _HEAD_END.search(text)
        body = _SCALE.sub("", text[:head.start()])
        sent_text = ctx.sentences[span.sentence].text
        start = span.start - ctx.sentences[span.sentence].start
        joint = _JOINT.search(body)
        if len(body) > 10 and joint and joint.start() >= 2 and len(body) - joint.end() >= 2:
            # 现代高效农业和|文创旅游产业: two sectors, too long for one name; the first is rule 4's (a conjunct)
            body, text, start = body[joint.end():], text[joint.end():], start + joint.end()
            head = _HEAD_END.search(text)
        if len(body) < 2 and not _one_thing(lex, sent_text, start):
            continue
        if _RANKED_AS.search(text, 0, head.start()):
            continue  # 矿产品精深加工为主导|产业: jieba's 为主|导; the list before 为 is the led lists' (rule 6)
        if len(body) == 2 and _COUNT_BEFORE.search(sent_text, 0, start) and not is_sector_term(ctx, body):
            continue  # 轨道交通、通用航空三大|动力产业: what the list's sectors are to the place, none of its own
        end, rule = start + len(text), "industry.head"
        if _EVENT_AFTER.match(sent_text, end):
            continue  # 京津冀装配式建筑产业|发展论坛: the words of an event's name
        if body.startswith(_PARTS):  # 汽车及|零部件产业: the parts belong to the sector before them
            before = _conjunct_item(sent_text, start, lex)
            if before:
                body = sent_text[before[0][0]:start] + body
                start, rule = before[0][0], "industry.parts"
        suffix = "行业" if head.group().startswith("行业") else "产业"
        if body.endswith(("业", "经济")):
            suffix = ""  # 现代服务业产业结构 -> 现代服务业
        written = text[:head.start()] + suffix  # 滨海特色|产业 is no 滨海产|业: the words as written decide
        alias = body + "产" if suffix == "产业" and written.endswith(_CHAN_WORDS_YE) else body  # 特色水产|业
        out[span.sentence].append(_Found(body + suffix, start, end, rule, (alias,), short_ok=len(body) == 1))
    return out


_PLACE_WORDS = ("区", "园", "县", "镇", "乡", "村")
"""How the name of a place or zone ends, no sector's word (经济区, 产业园; a word of three characters or more: 乡村
旅游 is a sector)."""


def _lone_sector(ctx: Context, item: str) -> bool:
    """Whether the one item of a list closed by 等 and a kind of sectors is a sector: it ends like one and is made of
    plain words, no place or zone among them (塑料制品; not 辽东绿色经济区中药材, the zone's).

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> [_lone_sector(C(), item) for item in ("塑料制品", "辽东绿色经济区中药材", "项目建设", "乡村旅游")]
    [True, False, False, True]
    """
    return _sector_like(item, _words(ctx, "industry_terms.txt")) and _plain_words(ctx, item) \
        and not any(len(w) >= 3 and w.endswith(_PLACE_WORDS) for w in lexicon(ctx).tokenizer.cut(item))
_RANKED_AS = re.compile(r"为(?:主导|支柱|首位|特色|优势|重点|核心|龙头|战略性?|新兴)$")
_EVENT_AFTER = re.compile(r"(?:[（(][^（）()]{1,10}[）)])?(?:链)?(?:发展|合作|创新)?(?:论坛|博览会|交易会|大会|峰会|推介会|对接会|交流会|研讨会|洽谈会"
                          r"|研究院|研究所|研究中心)")
"""What follows a sector's name inside an event's or an institute's (国际航运产业|博览会, 青稞产业|发展大会, 武汉大学来凤
产业|研究院, 新疆航空产业|(低空经济)研究院: a note in brackets between)."""


def _one_thing(lex: Lexicon, text: str, at: int) -> bool:
    """Whether the one character at ``text[at]`` (a body before 产业) is a noun of its own, a thing a sector makes
    or farms (铝|产业, 羊|产业, 茶|产业): not a word of degree, count or reference (大|产业, 全|产业链, 三|产业), nor the
    end of the word before it (是指|产业).

    >>> from govkg.extractors.phrase import load_lexicon
    >>> lex = load_lexicon()
    >>> [_one_thing(lex, s, s.index("产业") - 1) for s in ("实施铝产业转型", "做大产业", "是指产业转型")]
    [True, False, False]
    """
    if at > 0 and (lex.tokenizer.FREQ.get(text[at - 1:at + 1]) or text[at - 1:at + 1] in lex.boundary):
        return False
    return text[at] not in _NOT_THINGS and lex.tokenizer.tags(text[at], HMM=False)[0][1] in _THING_TAGS


_THING_TAGS = frozenset({"n", "nz", "ng"})
_NOT_THINGS = frozenset("指")  # "refers to" of glossaries (九大攻坚突破：指产业跨越发展…), which jieba tags a noun (finger)


def _listed(ctx: Context, text: str, places: frozenset[tuple[int, int]] = frozenset()) -> Iterator[_Found]:
    """Rule 2: the items of a list closed by 等 / a count and an industry word.

    A list with two region names among its items (``places``: sentence offsets of
    region mentions) lists places, not sectors: 石家庄、秦皇岛、衡水等康复辅助器具产业聚集区
    (one may be a metal or a crop that shares a region's name: 白银、镍铜钴及铂族等金属产业).
    """
    lex = lexicon(ctx)
    for m in _LIST_CLOSE.finditer(text):
        ranked = m.group().endswith(("集群", "产业")) or text.startswith("链", m.end())
        if not _plain_tail(lex, m.group("tail"), ranked) or _names_companies(text, m) or _PARKS.search(m.group("tail")):
            continue  # …马稠后三大|工业区及其他嘉义县|产业: the count is of parks
        if m.group().endswith(_FARMING_CLOSE) and m.group("tail") not in _FARMING_TAILS:
            continue  # 臧村、闫庄等奶牛养殖: a product before the activity makes the items the places that farm it
        end = m.start("sep")
        single_ok = False
        if m.group("close"):
            close = m.group("close")
            opening = text.rfind(_OPENING[close], 0, end)
            if opening < 0 or close in text[opening:end - 1]:
                continue
            items, pos = [], opening + 1
            for part in re.split("[、，,]" if close == "’" else "、", text[opening + 1:end - 1]):
                items.append((pos, pos + len(part)))
                pos += len(part) + 1
            single_ok = all(b - a == 1 for a, b in items)
        else:
            items = enumeration_items(text, end, lex)
            if items:
                items = _conjunct_item(text, items[0][0], lex) + items
        if len(items) == 1 and not m.group("close") and m.group("sep") == "等" and ranked:
            a, b = items[0]  # 开展塑料制品等传统产业…研究: one item, and the kind of sectors it is one of
            if _lone_sector(ctx, text[a:b]):
                yield _Found(text[a:b], a, b, "industry.list")
            continue
        if len(items) < 2 or sum(item in places for item in items) >= 2:
            continue
        items = [part for a, b in items for part in _split_and(text, a, b) if "等" not in text[part[0]:part[1]]]
        # (煤炭等高耗能行业和|制革、印染等…: the part before 和 ends the list before)
        if _LEADERS.match(text, m.end()) and not lists_sectors(ctx, [text[a:b] for a, b in items]):
            continue  # 中信证券、永安期货等行业龙头: the leaders are companies (the enterprise rules read them)
        if m.group().endswith("主攻方向") and \
                2 * sum(_sector_like(text[a:b], _words(ctx, "industry_terms.txt")) for a, b in items) < len(items):
            continue  # 品质生活、绿色发展…七大主攻方向: lines of work, not sectors
        for i, (a, b) in enumerate(items):
            if b - a >= 2 or (single_ok and b - a == 1):
                yield _Found(text[a:b], a, b, "industry.list", first=i == 0, short_ok=single_ok)


_OPENING = {"”": "“", "」": "「", "』": "『", "’": "‘"}
"""The quote that opens a quoted list of sectors, by the one that closes it (‘先进制造、总部经济、…’等产业领域: single quotes
inside a speaker's words, the items parted by commas too)."""
_LIST_REACH = 40
"""How far before its close a list's last separator may stand (an item is at most 20 characters, with markers)."""
_FIELD_CLOSE = re.compile(r"等[\u4e00-\u9fff]{0,8}?(?:领域|产业|行业)|(?<=[\u4e00-\u9fff])(?:重点|重大)?项目"
                          # or a rank the sectors hold (生猪、魔芋、核桃、水产位居全市第一; 牛奶、牛肉…等产量稳居全国…)
                          r"|(?<=[\u4e00-\u9fff])(?:等[\u4e00-\u9fff]{0,4}?)?(?:年?产量|产值|规模)?[均都]?(?:位居|位列|稳居|居)"
                          r"(?:全国|全省|全市|全区|全州|全县|全盟)")


def _term_lists(ctx: Context, text: str) -> Iterator[_Found]:
    """Rule ``industry.list`` again: a list closed by 等 and a field (领域, 产业 …) whatever follows, by 项目 or by a
    rank the items hold (…位居全市第一), when
    every item ends like a sector and half of them at least are sector terms of the vocabulary (生物医药、新能源等战略性
    新兴产业|项目, 注重生物医药、新材料、大健康等研发领域, 新材料、新能源、旅游业、农牧业项目拉动投资).

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> [f.name for f in _term_lists(C(), "也有生物医药、新能源等战略性新兴产业项目")]
    ['生物医药', '新能源']
    >>> [f.name for f in _term_lists(C(), "涉及财政、金融等领域")], [f.name for f in _term_lists(C(), "道路、桥梁项目")]
    ([], [])
    >>> [f.name for f in _term_lists(C(), "新材料、新能源、旅游业、农牧业项目拉动投资")]
    ['新材料', '新能源', '旅游业', '农牧业']
    >>> [f.name for f in _term_lists(C(), "生猪、魔芋、核桃、水产位居全市第一")]
    ['生猪', '魔芋', '核桃', '水产']
    >>> [f.name for f in _term_lists(C(), "市场环境、创新环境、法治环境均居全国前列")]
    []
    """
    lex = lexicon(ctx)
    terms = _words(ctx, "industry_terms.txt")
    for m in _FIELD_CLOSE.finditer(text):
        if "、" not in text[max(0, m.start() - _LIST_REACH):m.start()] or _HAZARDS.search(m.group()):
            continue  # no list ends here (most 项目 of a report), or what safety inspections cover (煤矿、尾矿库、
            # 油气管网等高危重点行业: kinds of site and facility)
        items = enumeration_items(text, m.start(), lex)
        if len(items) < 2:
            continue
        if m.group().startswith("等细分"):
            yield from _subsectors(lex, text, items)
            continue
        first = items[0]
        items[0] = (first[1] - len(_trim_verbs(ctx, text[first[0]:first[1]])), first[1])  # 注重|生物医药
        names = [text[a:b] for a, b in items]
        if all(_sector_like(name, terms) and "等" not in name for name in names) \
                and 2 * sum(name in terms for name in names) >= len(names):
            for i, (a, b) in enumerate(items):
                yield _Found(text[a:b], a, b, "industry.list", first=i == 0)


def _subsectors(lex: Lexicon, text: str, items: list[tuple[int, int]]) -> Iterator[_Found]:
    """The items of a list closed by 等细分领域, parts of a sector whatever words they are (半导体照明、触控显示: the
    tagger reads verbs), read whole: the first loses only a word of prose (在|增值电信业务), none holds a number."""
    first = items[0]
    lead = next(iter(lex.tokenizer.cut(text[first[0]:first[1]], HMM=False)), "")
    if lead in lex.boundary and first[1] - first[0] - len(lead) >= 2:
        items = [(first[0] + len(lead), first[1]), *items[1:]]
    if all(2 <= b - a <= 8 and not _DIGIT.search(text, a, b) for a, b in items):
        for a, b in items:
            yield _Found(text[a:b], a, b, _SUBSECTORS_RULE)


_SPECIFIED = re.compile(r"(?:^|(?<=[，,；;。：:、]))([\u4e00-\u9fff]{2,6})[（(][\u4e00-\u9fff、]{1,8}[）)](?:产业|行业)")


def _specified(text: str) -> Iterator[_Found]:
    """Rule ``industry.head`` for a sector whose kind is given in brackets before 产业, opening its clause
    (中药材(菊花)产业实现综合产值…, 水产品(泉水鱼)产业): the sector, without the brackets.

    >>> [f.name for f in _specified("茶叶实现产值11亿元；中药材(菊花)产业实现综合产值5.38亿元")]
    ['中药材']
    """
    for m in _SPECIFIED.finditer(text):
        yield _Found(m.group(1), m.start(1), m.end(1), "industry.head")


_ECONOMIES = re.compile(r"(?:[\u4e00-\u9fff]{2,4}经济、)+[\u4e00-\u9fff]{2,4}经济")


def _economies(ctx: Context, text: str) -> Iterator[_Found]:
    """Rule ``industry.list`` for named economies: a list of two or more …经济, one of them a sector term of the
    vocabulary (夜间经济、网红经济蜚声全国), whatever comes after it but companies (…等数字经济、生物经济领军企业: the
    enterprise rules read them).

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> [f.name for f in _economies(C(), "夜间经济、网红经济蜚声全国")], [f.name for f in _economies(C(), "实体经济、县域经济")]
    (['夜间经济', '网红经济'], [])
    """
    terms = _words(ctx, "industry_terms.txt")
    for m in _ECONOMIES.finditer(text):
        if _COMPANIES_AFTER.match(text, m.end()):
            continue
        items, at = [], m.start()
        for part in m.group().split("、"):
            items.append((at, at + len(part)))
            at += len(part) + 1
        first = text[items[0][0]:items[0][1]]  # (the first may open with a verb: 培育|首发经济)
        if any(text[a:b] in terms for a, b in items[1:]) or any(first[-k:] in terms for k in range(1, len(first) + 1)):
            for i, (a, b) in enumerate(items):
                yield _Found(text[a:b], a, b, "industry.list", first=i == 0)


_SUBSECTORS_RULE = "industry.subsectors"
"""The rule of :func:`_subsectors` (its items are not trimmed of verbs again)."""
_PARKS = re.compile(r"区(?!域)|园")  # 工业区, 产业园; not 区域特色
_HAZARDS = re.compile(r"高危|危险")

# the leaders of a sector (…行业龙头, …行业龙头企业): companies when the list's items are no sectors (中铝、山东信发两大
# 国内行业龙头企业)
_LEADERS = re.compile(r"领军|龙头|头部")
_FARMING_CLOSE = ("种植", "养殖", "种养")
_FARMING_TAILS = frozenset("规模 特色 高效 生态 绿色 设施 规模化 特色化 标准化 订单".split()) | {""}
# what may follow a list's closing sector word when the list names companies of those sectors
_COMPANIES_AFTER = re.compile(r"(?:、[\u4e00-\u9fff]{1,10}?)?(?:领军|龙头|头部|骨干|知名|重点)?(?:企业|公司|集团)")


def _names_companies(text: str, m: re.Match[str]) -> bool:
    """Whether the list that ``m`` closes names companies, the sector words after 等 qualifying them
    (华为、腾讯、北科生物等数字经济、生物经济领军企业, 等数字经济领军企业: the enterprise rules read them);
    钢铁、化工等产业龙头企业 lists sectors.

    >>> s = "强化与华为、腾讯等数字经济、生物经济领军企业合作，培育钢铁、化工等产业龙头企业"
    >>> [_names_companies(s, m) for m in _LIST_CLOSE.finditer(s)]
    [True, False]
    """
    after = _COMPANIES_AFTER.match(text, m.end())
    return bool(after) and (text.startswith("、", m.end()) or not m.group().endswith(("产业", "行业", "产业集群")))


def _split_and(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """An item joined of two names (医药和医疗器械) as its two parts; else the item itself.

    >>> _split_and("医药和医疗器械", 0, 7), _split_and("海洋药物", 0, 4)
    ([(0, 2), (3, 7)], [(0, 4)])
    """
    m = re.search(r"和|及|与", text[a:b])
    if m and m.start() >= 2 and b - a - m.end() >= 2:
        return [(a, a + m.start()), (a + m.end(), b)]
    return [(a, b)]


def _plain_tail(lex: Lexicon, tail: str, ranked: bool = False) -> bool:
    """The words between 等 and 产业 are modifiers (特色, 百亿级, 现代物流), never verbs (领域加快发展); a rank
    (重点, 主导 …, which also open verbs: 重点发展) only before a chain or cluster of industries (``ranked``: 等6条
    县域重点|产业链), not before 行业, 经济工作 or 产业带 (等重点行业 lists what is inspected, 等四项重点经济工作 tasks).

    >>> from govkg.extractors.phrase import load_lexicon
    >>> [_plain_tail(load_lexicon(), t, r) for t, r in (("县域重点", True), ("重点", False), ("特色", False))]
    [True, False, True]
    """
    said = _SAID_OF_ITEMS.match(tail)
    tail = tail[said.end():] if said else tail
    return not _NOT_INDUSTRY.search(tail) and not _HAZARDS.search(tail) \
        and not any(w in lex.boundary and w not in _HOW_MANY and not (ranked and w in _RANKS)
                    for w in lex.tokenizer.cut(tail))


_SAID_OF_ITEMS = re.compile(r"(?:(?!领域|行业)[\u4e00-\u9fff]){0,2}?(?:推动|推进|培育|发展|布局|打造|谋划)的")
"""What the items are said to be in the works (等当前推动的三大重点产业, 等前瞻布局的产业): the list's own clause; not
what fields are (带动低空基础设施…等领域发展的综合经济形态)."""


_RANKS = frozenset("重点 主导 优势 支柱 首位 新兴 战略性".split())
_HOW_MANY = frozenset("一批 一大批 一系列 一些 若干".split())  # 等一批特色优势产业: how many, no verb


def _conjunct_item(text: str, start: int, lex: Lexicon) -> list[tuple[int, int]]:
    """The name joined by 和 / 及 / 与 in front of the item starting at ``start`` (有色金属和起重机械等): a sector's
    name is short."""
    return joined_before(text, start, lex, max_len=10)


def _terms(ctx: Context, text: str, found: list[_Found]) -> list[_Found]:
    """Rule 3: vocabulary sectors that the clause develops, coordinates or heads."""
    lex = lexicon(ctx)
    candidates = []
    for m in _term_regex(ctx).finditer(text):
        start, end = m.start(), m.end()
        if end < len(text) and text[end] == "业" and not m.group().endswith("业") \
                and not text.startswith("业务", end):
            end += 1  # 物流业, 装配业
        grown = _FARMING.match(text, end)
        processors = bool(grown) and grown.group().endswith("加工") and text.startswith("企业", grown.end())
        if grown and (_TERM_AFTER.match(text[grown.end():]) or processors) \
                and not text.startswith(("产业", "行业"), grown.end()):
            end = grown.end()  # 苹果种植, 肉牛养殖: the product and its activity
        joined_parts = _JOINED_PARTS.match(text, end)
        if joined_parts:
            end = joined_parts.end()  # 汽车及零部件: the sector with its parts
        after = text[end:]
        # 引进络鑫科技、华派光电…等|电子信息|企业100多家: the sector of the companies listed; 电子信息、大数据、云计算|类企业;
        # 引进玉米深加工|企业: the firms that process a product
        of_companies = (text.endswith("等", 0, start) and after.startswith("企业")) or after.startswith("类企业") \
            or processors
        if after.startswith(("产业", "行业")) or not (_TERM_AFTER.match(after) or of_companies):
            continue  # "X产业" is rule 1; "储能材料" is not 储能
        term_start = start
        start = left_edge(text, start, lex, max_len=8)
        if term_start > start:
            start = end - len(_trim_verbs(ctx, text[start:end]))
            if not _plain_words(ctx, text[start:term_start]):
                continue  # 九星钒钛, 易品食品: a company's short name, not a sector
        before = [w for w in lex.tokenizer.cut(text[max(0, start - 8):start]) if w.strip()]
        developed = bool(before) and (is_develop(ctx, before[-1]) or bool(_LED_BY.search("".join(before[-3:]))))
        headed = bool(_TERM_HEADED.match(after)) or (start == term_start and bool(_TERM_BETTERED.match(after))) \
            or (after.startswith("领域") and text.endswith(_IN, 0, start)) or of_companies \
            or (start == term_start and _named_alone(text, start, end))
        name = text[start:end]
        if name.endswith("业") and not m.group().endswith("业") and name[:-1].endswith(m.group()):
            f = _Found(name[:-1], start, end, "industry.term", (name,))  # 现代物流业 -> 现代物流
        elif end > m.end() and grown:
            f = _Found(name, start, end, "industry.term", (name[:m.end() - start],))
        else:
            f = _Found(name, start, end, "industry.term")
        candidates.append((f, developed or headed))
    spans = {(f.start, f.end) for f in found}
    out: list[_Found] = []
    changed = True
    while changed:  # coordination spreads along a list of terms (生产性服务业、生活性服务业全面发展)
        changed = False
        for f, ok in candidates:
            if f not in out and (ok or _coordinated(text, f.start, f.end, spans)):
                out.append(f)
                spans.add((f.start, f.end))
                changed = True
    return out


def _farmed_term(part: str, terms: frozenset[str]) -> bool:
    """``part`` is a sector term, or one with its farming after it (中药材种植, 肉牛养殖)."""
    return part in terms or _farmed_product(part) in terms


def _farmed_product(part: str) -> str:
    """What ``part`` farms, when it ends in a farming activity (中药材|种植 -> 中药材), else ""."""
    return part[:-2] if part.endswith(_FARMING_CLOSE) else ""


def _named_alone(text: str, start: int, end: int) -> bool:
    """Whether the sector term ``text[start:end]`` stands alone in quotes (激活“林下经济”) or as the topic a line opens
    with (设施农业：千栋日光温室…): named for itself, as a sector.

    >>> [_named_alone(t, t.index("林下经济"), t.index("林下经济") + 4)
    ...  for t in ("激活“林下经济”", "林下经济：依托", "林下经济发", "推动“林下经济”模式")]
    [True, True, False, False]
    """
    quoted = start > 0 and text[start - 1] in "“「" and text.startswith(("”", "」"), end) \
        and not _HAN_NEXT.match(text, end + 1)  # (“全域旅游”发展思路, “互联网”行动: a slogan's words)
    return quoted or (start == 0 and text.startswith(("：", ":"), end))


_HAN_NEXT = re.compile(r"[\u4e00-\u9fff]")


def is_sector_term(ctx: Context, name: str) -> bool:
    """``name`` is a sector term of the vocabulary (3D打印, 5G, 钢铁): its digits and letters belong to it, and
    a list of companies made of such terms lists sectors (:mod:`govkg.extractors.enterprise`)."""
    return name in _words(ctx, "industry_terms.txt")


def is_farming_word(ctx: Context, word: str) -> bool:
    """``word`` is a farm product or sector of the vocabulary, or a farming activity (蔬菜, 林果, 种植, 农作物)."""
    return word in _FARM_WORDS or is_sector_term(ctx, word) or word in _words(ctx, "industry_activities.txt")


_FARM_WORDS = frozenset("农作物 农产品 果蔬 瓜果 果品 果树 畜禽 家畜 水果 粮食 农机 农资 植保".split())


def lists_sectors(ctx: Context, items: list[str]) -> bool:
    """True when a list of companies or projects is a list of the sectors they work in: half its items or more are
    sector terms or end in 产业 / 行业 (钢铁、水泥、焦化等企业; 新材料产业、包装印刷产业、物流等项目), so the rest
    (焦化, 物流) are sectors too. Brands that are common words are no
    sectors (支持长城、立中、天威、风帆等企业).

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> lists_sectors(C, ["钢铁", "水泥", "焦化"]), lists_sectors(C, ["长城", "立中", "天威", "风帆"])
    (True, False)
    """
    return len(items) >= 2 and 2 * sum(1 for name in items if is_sector_term(ctx, _HEAD_END.sub("", name))
                                       or _HEAD_END.search(name)) >= len(items)


def _develop_lists(ctx: Context, text: str) -> Iterator[_Found]:
    """Rule 5: the items of a 、-list right after a developing verb, when one of them is a sector term.

    聚焦人工智能、大模型、低空经济等新兴领域 → all three; 发展食用菌、中药材特色种植
    → 食用菌 only (the last item of a list not closed by 等 must itself be a term or
    end in 业 / 经济); what the sectors are to the place closes a list too, and the parts of a sector stay with it:

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> [f.name for f in _develop_lists(C(), "重点发展钢铁冶金、汽车及零部件、新材料、农产品深加工为主导产业")]
    ['钢铁冶金', '汽车及零部件', '新材料', '农产品深加工']
    """
    if not _may_develop_list(ctx, text):
        return  # no clause with a developing verb, a list and a term: nothing to cut the sentence into words for
    lex = lexicon(ctx)
    terms = _words(ctx, "industry_terms.txt")
    activities = tuple(_words(ctx, "industry_activities.txt"))
    pos = 0
    for tok in lex.tokenizer.cut(text):
        pos += len(tok)
        if not is_develop(ctx, tok):
            continue
        at = pos + text.startswith(("了", "着", "以"), pos)  # 打造了中药材、蔬菜…, 打造以A、B等为主的…: not the first item
        at += next((len(w) for w in _HOW_MANY if text.startswith(w, at)), 0)  # 打造一批|中药材、食用菌等…基地
        end = at
        while end < len(text) and text[end] not in "，。；：！？,;:（(":
            end += 1
        lead = next((t for t in lex.tokenizer.cut(text[at:end]) if t.strip()), "")
        if is_develop(ctx, lead, stop=True):
            continue  # 聚焦打造…: the list belongs to the next verb
        clause = text[at:end]
        closed = clause.find("等")
        ranked = _RANKED_CLOSE.search(clause)  # 发展钢铁冶金、…、农产品深加工|为主导产业: closed as by 等
        if ranked and (closed <= 0 or ranked.start() < closed):
            closed = ranked.start()
        body = clause[:closed] if closed > 0 else clause
        pieces = re.split(r"(、|和|及|与)", body)
        parts = [pieces[0]]
        for sep, piece in zip(pieces[1::2], pieces[2::2]):
            if sep != "、" and piece in _PARTS:
                parts[-1] += sep + piece  # 汽车及零部件: the parts of the sector before them
            else:
                parts.append(piece)
        parts = [p.removeprefix("以") for p in parts]  # …和以|红高粱、谷类…为主的: not the preposition
        parts[0] = parts[0][_after_preposition(lex, parts[0]):]  # 发展规划为|精细化工和化工新材料
        if len(parts) < 2 or "" in parts or not any(_farmed_term(p, terms) for p in parts):
            continue
        if closed <= 0 and not (_farmed_term(parts[-1], terms) or parts[-1].endswith(("业", "经济"))):
            parts = parts[:-1]
        bought = closed > 0 and clause.startswith("消费", closed + 1)  # 培育住宅、汽车、旅游等消费热点: what people buy
        yield from _list_items(text, at, parts, lambda part: part.endswith("经济") if bought else (
            _sector_like(_JOINED_PARTS.sub("", part), terms) or _farmed_term(part, terms)
            or (closed > 0 and part.endswith(activities) and len(part) >= 4)))
        # 高效制种、标准化养殖等: activities; in a list of what people buy only a named economy is a sector (赛事经济)


_RANKED_CLOSE = re.compile(r"(?<=[\u4e00-\u9fff])为(?:主导|支柱|首位|特色|优势|重点|核心|龙头|战略性?|新兴)(?:产业|行业)")
"""What the listed sectors are to the place, closing the list like 等 (…、农产品深加工|为主导产业)."""


def _after_preposition(lex: Lexicon, part: str) -> int:
    """Where a list's first item starts after the preposition that opens it behind a verb (规划为|精细化工,
    定位为|…): the offset after the last preposition with two characters or more after it, else 0."""
    pos, cut = 0, 0
    for word, tag in lex.tokenizer.tags(part):
        pos += len(word)
        if tag == "p" and pos > len(word) and len(part) - pos >= 2:
            cut = pos
    return cut


_ITEM_SEP = re.compile(r"、|和|及|与")
_LED = re.compile(r"以(?P<body>[\u4e00-\u9fff、和及与]{2,40}?)(?:[（(][\u4e00-\u9fff、]{2,10}[）)])?"
                  r"为(?:核心|主导|龙头|重点|主体|引领|支撑|骨干|支柱|主攻方向|首位)"
                  r"(?:[\u4e00-\u9fff]{0,2}[，,、](?P<more>(?!以)[\u4e00-\u9fff、和及与]{2,40}?)"
                  r"为(?:链条|补充|辅|两翼|支撑|延伸|配套|骨干|主导|支柱))?")
_LED_MAIN = re.compile(r"以(?P<body>[\u4e00-\u9fff、和及与]{2,60}?)等?为主的?[\u4e00-\u9fff]{0,6}?"
                       r"(?:产业|农业|工业|经济|服务业)(?![园区基])")


def _led_lists(ctx: Context, text: str) -> Iterator[_Found]:
    """The sectors a structure is built of: 以高端装备制造为核心，新能源装备、汽车装备、储能装备制造为链条, when every
    item ends like a sector (or in 装备) and opens with no developing verb (以项目建设为重点, 以发展民营经济为主攻方向
    name none); and the items of a mix a sector word follows (以中药材、有机枸杞…等为主的特色农业), whatever they end in.

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> [f.name for f in _led_lists(C(), "形成以高端装备制造为核心，新能源装备、汽车装备为链条的产业集群")]
    ['高端装备制造', '新能源装备', '汽车装备']
    >>> [f.name for f in _led_lists(C(), "以项目建设为重点，以改革创新为动力")]
    []
    >>> [f.name for f in _led_lists(C(), "以中药材、有机枸杞、油用牡丹等为主的特色农业")]
    ['中药材', '有机枸杞', '油用牡丹']
    >>> [f.name for f in _led_lists(C(), "以制鞋为主的纺织鞋服产业，以勘探开发为主的清洁能源产业")]
    ['制鞋']

    The leading sector may be the first (首位), its kind in brackets, and the rest lead after it (为主导产业):

    >>> [f.name for f in _led_lists(C(), "形成以装备制造(模具)为首位产业,机械制造、绿色食品、矿产品精深加工为主导产业的格局")]
    ['装备制造', '机械制造', '绿色食品', '矿产品精深加工']
    """
    terms = _words(ctx, "industry_terms.txt")
    tokenizer = lexicon(ctx).tokenizer
    for m in _LED_MAIN.finditer(text):  # 以猕猴桃、柑橘、蓝莓和乡村旅游为主的集体经济产业: the items of a sector's mix
        parts = _ITEM_SEP.split(m.group("body"))
        if len(parts) >= 2 and "" not in parts and all(len(p) <= 8 for p in parts):
            yield from _list_items(text, m.start("body"), parts, lambda part: not _DIGIT.search(part))
        elif len(parts) == 1 and _sector_like(parts[0], terms):  # 以制鞋为主的纺织鞋服产业: one sector, as a term
            yield from _list_items(text, m.start("body"), parts, lambda part: True)
    for m in _LED.finditer(text):
        for group in ("body", "more"):
            if m.group(group) is None:
                continue
            parts = _ITEM_SEP.split(m.group(group))
            if "" not in parts and all((_sector_like(p, terms) or p.endswith("装备"))
                                       and not is_develop(ctx, next(iter(tokenizer.cut(p)))) for p in parts):
                yield from _list_items(text, m.start(group), parts, lambda part: True)


def _list_items(text: str, at: int, parts: list[str], keep: Callable[[str], bool]) -> Iterator[_Found]:
    """The items ``parts`` of a list of sectors found in ``text`` from ``at`` on, those of two to ten characters
    that ``keep`` takes (rule ``industry.devlist``)."""
    for part in parts:
        at = text.index(part, at)
        if 2 <= len(part) <= 10 and keep(part):
            product = _farmed_product(part)  # 中药材种植, also 中药材
            yield _Found(part, at, at + len(part), "industry.devlist", (product,) if product else (), first=False)
        at += len(part)


_DIGIT = re.compile(r"\d")
_SECTOR_LIST = re.compile(r"(?:涵盖|涉及|覆盖|从事|集中在|集中于|包括)了?(?P<body>[^，。；：！？,;:]{4,60}?)等(?:"
                          r"(?P<named>[^，。；：！？,;:等]{0,10}?(?:领域|行业|产业))"  # 等多个领域, 等园区重点培育的产业集群
                          r"|(?=[，。；！？,;!?]|$))"
                          r"|(?<![收密聚])集(?P<whole>[^，。；：！？,;:]{4,60}?)等?于一体"  # 集装备制造、…和现代商贸物流等于一体的园区
                          r"|“(?P<quoted>[^”，。；：！？,;:]{4,60})”的?(?:主导|首位|重点)?产业(?:定位|布局|体系|方向|格局|集群)")


def _previous(ctx: Context, index: int) -> str:
    """The text of the sentence before sentence ``index`` ("" for the first)."""
    return ctx.sentences[index - 1].text if index > 0 else ""


def _sector_lists(ctx: Context, text: str, previous: str = "") -> Iterator[_Found]:
    """The items of a list of the sectors something spans: 项目涵盖鞋业、食品、新能源等多个领域 (news of
    projects signed or started). When the sentence speaks of projects before the list, every item is a sector
    (在谈新能源项目12个，涵盖氢能制造、储能设备等领域); else half the items or more must be sector terms, and
    only the items that end like a sector are taken (涉及就业、教育、医疗等领域 lists public services). A list
    closed by 等 alone (涉及电子信息及光电新材料、家电等。) needs half its items to end like a sector.

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> [f.name for f in _sector_lists(C(), "四项目涵盖先进制造业、环保材料、装备制造、现代农业等多个重点产业")]
    ['先进制造业', '环保材料', '装备制造', '现代农业']
    >>> [f.name for f in _sector_lists(C(), "在谈项目12个，涵盖氢能制造、生物质绿色甲醇、储能设备等领域")]
    ['氢能制造', '生物质绿色甲醇', '储能设备']
    >>> [f.name for f in _sector_lists(C(), "实施民生实事项目，涵盖就业、教育、医疗、养老、托幼等领域")]
    []
    >>> [f.name for f in _sector_lists(C(), "项目主要集中在新材料、新能源、高端装备制造、节能环保等领域")]
    ['新材料', '新能源', '高端装备制造', '节能环保']
    >>> [f.name for f in _sector_lists(C(), "签约项目涉及智能制造、新一代信息技术等园区重点培育的产业集群")]
    ['智能制造', '新一代信息技术']
    >>> [f.name for f in _sector_lists(C(), "在谈项目50个，涉及电子信息及光电新材料、家电、汽车及机械制造等。")]
    ['电子信息及光电新材料', '家电', '汽车及机械制造']
    >>> [f.name for f in _sector_lists(C(), "今年的项目包括道路、桥梁、学校等。")]
    []

    What a park or a base brings together (集…于一体) is a list of the same kind, with half its items sectors
    (集研发、生产、销售于一体 names none):

    >>> [f.name for f in _sector_lists(C(), "建成集装备制造、农副产品深加工和现代商贸物流等于一体的工业园区")]
    ['装备制造', '农副产品深加工', '现代商贸物流']
    >>> [f.name for f in _sector_lists(C(), "打造集研发、生产、销售于一体的产业基地")]
    []

    A sentence that opens with the verb continues the one ``previous`` (本次开工25个重点项目。涉及新能源、…等多个领域;
    :func:`_clean` then drops 城市建设 and 社会事业 as generic):

    >>> s = "涉及新能源、装备制造、农畜产品精深加工、城市建设、社会事业等多个领域。"
    >>> [f.name for f in _sector_lists(C(), s, "本次开工25个重点项目，总投资94亿元。")], [f.name for f in _sector_lists(C(), s)]
    (['新能源', '装备制造', '农畜产品精深加工', '城市建设', '社会事业'], [])

    A list of what the projects make, most of its items products, is no list of sectors:

    >>> s = "涵盖了汽车整车控制系统、车身部件、汽车自动喷涂设备等多个领域。"
    >>> [f.name for f in _sector_lists(C(), s, "已签约落地的汽车配套企业包括德国波森、前景汽车等项目。")]
    []

    So is a quoted list that a place's sectors are laid out by (按照“…”的产业定位):

    >>> [f.name for f in _sector_lists(C(), "按照“高端装备制造、新能源与新材料、生物医药与医疗器械”的产业定位")]
    ['高端装备制造', '新能源', '新材料', '生物医药', '医疗器械']
    """
    terms = _words(ctx, "industry_terms.txt")
    for m in _SECTOR_LIST.finditer(text):
        body = next(g for g in ("body", "whole", "quoted") if m.group(g) is not None)
        parts = _list_parts(m.group(body))
        if len(parts) < 2 or "" in parts:
            continue
        before = text[:m.start()].strip() or previous
        # 民生实事项目涵盖就业、教育…: public services; a list not closed by 领域 or 产业 (项目包括道路、桥梁等) must
        # be sectors by its own words
        of_projects = "项目" in before and "民生" not in before and m.group("named") is not None
        sector = (lambda p: p in terms) if m.group("named") else (lambda p: _sector_like(p, terms))
        if not of_projects and 2 * sum(map(sector, parts)) < len(parts):
            continue
        if 2 * sum(p.endswith(_PRODUCTS) for p in parts) > len(parts):
            continue  # what the projects make (汽车整车控制系统、车身部件、汽车自动喷涂设备等多个领域)
        yield from _list_items(text, m.start(body), parts, lambda part: not _DIGIT.search(part) and (
            of_projects or _sector_like(part, terms)) and not part.endswith(_FACTORS))


_PRODUCTS = ("设备", "系统", "部件", "零部件", "器件", "配件", "零件")
"""Endings of products, not sectors (车身部件, 清洗设备)."""
_FACTORS = ("人才", "资金", "资本", "外资", "国资", "内资", "民资", "土地", "用地", "政策")
"""Endings of what projects draw on, not sectors they are in (项目覆盖金融、商贸外资、国资、人才等多个关键领域)."""


def _list_parts(body: str) -> list[str]:
    """The items of a 、-list. 及 in an item joins the parts of one sector (电子信息及光电新材料、家电、汽车及机械制造;
    食品及农产品加工), unless only the last item holds a conjunction, where it ends the list (新材料、新能源及高端装备
    制造); 和 and 与 join two items (装备制造和新能源、新材料).

    >>> _list_parts("电子信息及光电新材料、家电、汽车及机械制造"), _list_parts("新材料、新能源及高端装备制造")
    (['电子信息及光电新材料', '家电', '汽车及机械制造'], ['新材料', '新能源', '高端装备制造'])
    >>> _list_parts("能源化工、装备制造和新能源、新材料")
    ['能源化工', '装备制造', '新能源', '新材料']
    """
    parts = body.split("、")
    if len(parts) < 2 or not any(_AND_IN.search(p) for p in parts[:-1]):
        return [q for p in parts[:-1] for q in _AND_IN.split(p)] + _AND_IN.split(parts[-1])
    return [q for p in parts for q in _AND_ONLY.split(p)]


_AND_IN = re.compile("和|及|与")
_AND_ONLY = re.compile("和|与")
_COMPANIES_CLOSE = re.compile(r"等(?:各类|各种|多家|多个|一批|\d+多?[家个]|[一二三四五六七八九十两几]+[家个])?(?:重点|重大)?(?:企业|公司|项目|厂商|厂家)")


def _company_sectors(ctx: Context, text: str) -> Iterator[_Found]:
    """The items of a list of the sectors companies or projects work in, closed by 等企业 or 等项目, when half of
    them or more are sector terms (入驻纺纱、织造、家纺、服装等各类企业; 分布式光伏发电、新能源汽车、储能电池等多个
    项目: the enterprise and project rules leave such lists alone). Brands that are common words are no sectors
    (长城、立中、天威、风帆等企业).

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> [f.name for f in _company_sectors(C(), "入驻纺纱、织造、家纺、服装等各类企业20多家")]
    ['纺纱', '织造', '家纺', '服装']
    >>> [f.name for f in _company_sectors(C(), "支持长城、立中、天威、风帆等企业做大做强")]
    []
    >>> [f.name for f in _company_sectors(C(), "关停了9家钢铁、焦化企业")]
    ['钢铁', '焦化']
    >>> [f.name for f in _company_sectors(C(), "以旺庄、天鹏等生铁铸造骨干企业为发力点")]
    ['生铁铸造']
    """
    lex = lexicon(ctx)
    for m in _COMPANIES_CLOSE.finditer(text):
        items = enumeration_items(text, m.start(), lex)
        if not lists_sectors(ctx, [text[a:b] for a, b in items]):
            continue
        for i, (a, b) in enumerate(items):
            if 2 <= b - a <= 8:
                yield _Found(text[a:b], a, b, "industry.companies", first=i == 0)
    for m in _COUNTED_COMPANIES.finditer(text):  # 9家|钢铁、焦化|企业: the sectors between the count and its noun
        items, pos = [], m.start("body")
        for part in _ITEM_SEP.split(m.group("body")):
            items.append((pos, pos + len(part)))
            pos += len(part) + 1
        if all(2 <= b - a <= 6 for a, b in items) and lists_sectors(ctx, [text[a:b] for a, b in items]):
            for i, (a, b) in enumerate(items):
                yield _Found(text[a:b], a, b, "industry.companies", first=i == 0)
    for m in _SECTOR_OF_LISTED.finditer(text):  # 华泰创新、信达期货…等|金融服务业|重点企业: the sector of those listed
        if _sector_like(m.group("sector"), _sector_words(ctx)):
            yield _Found(m.group("sector"), m.start("sector"), m.end("sector"), "industry.companies", first=True)


_SECTOR_OF_LISTED = re.compile(r"(?<=、)[^、，。；]{2,12}等(?P<sector>[\u4e00-\u9fff]{2,8}?)"
                               r"(?:重点|龙头|骨干|领军|头部|知名)(?:企业|公司)")
"""A list of companies closed by the sector they work in and their rank (…等金融服务业重点企业, …等预制菜头部企业)."""
_COUNTED_COMPANIES = re.compile(r"(?:\d+|[一二三四五六七八九十两几]+)家"
                                r"(?P<body>[\u4e00-\u9fff]{2,6}(?:[、和及与][\u4e00-\u9fff]{2,6})*?)(?:企业|公司)")


_PROJECT_COUNT = re.compile(r"(?:^|(?<=[，,；;、：:]))(?:其中)?([\u4e00-\u9fff]{2,8}?)项目(?:\d+|[一二三四五六七八九十两]+)[个项]")


def _project_counts(ctx: Context, text: str) -> Iterator[_Found]:
    """Sectors counted by their projects, three of them or more in a sentence (其中，电子信息项目34个，装备制造项目
    63个，食品饮料项目39个): each ends like a sector (实施设备更新项目、签约项目 are no sectors).

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> s = "其中，电子信息项目34个，装备制造项目63个，食品饮料项目39个，签约项目163个"
    >>> [f.name for f in _project_counts(C(), s)]
    ['电子信息', '装备制造', '食品饮料']
    >>> [f.name for f in _project_counts(C(), "在7个项目中，信息技术项目2项，物流商贸项目2项，先进制造项目1项")]
    ['信息技术', '物流商贸', '先进制造']
    """
    terms = _words(ctx, "industry_terms.txt")
    found = [m for m in _PROJECT_COUNT.finditer(text) if _sector_like(m.group(1), terms)]
    if len(found) >= 3:
        for m in found:
            yield _Found(m.group(1), m.start(1), m.end(1), "industry.project_counts", first=False)


_GROWN = re.compile(r"(?:种植|养殖)(?=面积|规模|基地|大户|大县|大镇|大乡|示范|向|专业合作社)")
_GROWN_TAGS = frozenset({"n", "nz", "nr", "ng"})
# what farming has or needs, not what it grows (种植技术, 养殖模式, 种植结构, 养殖粪污); nor what opens with one
# (养殖|技术规范)
_FARMING_NEEDS = frozenset("技术 结构 模式 理念 标准 任务 用地 粪污 异味 污染 废弃物 科技含量 效益 水平 环境 条件 方式 管理 主体 "
                           "大户 户数 业户 收益 成本 风险 保险 补贴 经验 技能 能力 意愿 区域 范围 布局 场所 基地 小区 园区 "
                           "规范".split())
_FARMING_NEED_WORDS = tuple(sorted(_FARMING_NEEDS))  # for str.startswith, built once
_NOT_GROWN = frozenset("规模 设施 优质 特色 生态 绿色 有机 高效 标准化 集中 分散 传统 农户 农民 群众 全县 全镇 全村 全市 "
                       "面积 总面积 品种 产品 作物 经济作物".split()) | _FARMING_NEEDS


def _grown(ctx: Context, text: str) -> Iterator[_Found]:
    """Rule ``industry.grown``: the crop or animal named right before its farming and how much of it there is
    (全县|枸杞|种植面积, 引领沙田柚|种植向规模化, 黄羽鸡|养殖基地): nouns of two to four characters, not a kind of
    crop (农作物) or a word of size or quality (规模, 优质) alone, nor opening with the place's whole (全县).

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> [f.name for t in ("引领沙田柚种植向规模化", "全县枸杞种植面积2500亩", "新增规模养殖基地", "农作物种植面积稳定",
    ...                   "全镇稻虾养殖规模已突破3万亩") for f in _grown(C(), t)]
    ['沙田柚', '枸杞', '稻虾']

    The farming may come first, the crop closed by its size or a list's mark, and the list go on from a sized crop
    (种植|中药材|5000亩, 种植|罗汉果|等中药材, 种植花卉1100万株、|中药材|5000亩); a word of what farming has or needs
    is no crop (种植技术, 养殖模式):

    >>> [f.name for t in ("引导村民种植罗汉果等中药材", "种植花卉1100万株、中药材5000亩", "推广科学种植模式，学习种植技术。")
    ...  for f in _grown(C(), t)]
    ['罗汉果', '花卉', '中药材']

    A list closed by its farming names crops too (火龙果、兰花、莲雾|等种植示范基地):

    >>> [f.name for f in _grown(C(), "园内已建有火龙果、兰花、莲雾等种植示范基地")]
    ['火龙果', '兰花', '莲雾']
    """
    tags = None
    for m in _GROWN.finditer(text):
        if tags is None:
            tags = lexicon(ctx).tokenizer.tags(text)
        at, nouns = 0, []  # the nouns (offset, word) that end where the farming starts
        for word, tag in tags:
            if at >= m.start():
                break
            if tag in _GROWN_TAGS:
                nouns.append((at, word))
            else:
                nouns = []
            at += len(word)
        nouns = [(a, w) for a, w in nouns if m.start() - a <= 4]  # at most four characters of them
        while len(nouns) > 1 and nouns[0][1] in _NOT_GROWN:
            nouns.pop(0)  # 全县|枸杞, 全镇|稻虾: the place's whole is no part of the crop
        if at != m.start() or not nouns or m.start() - nouns[0][0] < 2:
            continue
        start = nouns[0][0]
        name = text[start:m.start()]
        if name in _FARM_WORDS or all(w in _NOT_GROWN for _, w in nouns):
            continue
        yield _Found(name, start, m.start(), "industry.grown")
    for m in (*_PLANTED.finditer(text), *_SOWN.finditer(text)):  # 种植|蔬菜|15万余亩; 种植|罗汉果|等
        if tags is None:
            tags = lexicon(ctx).tokenizer.tags(text)
        start, end = m.span("crop")
        while start < end:  # 种植|花卉1100万株、中药材5000亩: the list goes on with crops and their sizes
            name = text[start:end]
            if name in _FARM_WORDS or name in _NOT_GROWN or not _nouns_between(tags, start, end) \
                    or name.startswith(_FARMING_NEED_WORDS):
                break
            yield _Found(name, start, end, "industry.grown")
            more = _SOWN_MORE.match(text, _CROP_SIZE.match(text, end).end())
            start, end = more.span("crop") if more else (end, end)
    for m in _FARMED_AFTER.finditer(text):  # 火龙果、兰花、莲雾|等种植示范基地: the list before its farming
        if tags is None:
            tags = lexicon(ctx).tokenizer.tags(text)
        items = enumeration_items(text, m.start(), lexicon(ctx))
        if items:  # the first item from its nouns on (建有|火龙果)
            items[0] = (_noun_run(tags, *items[0]), items[0][1])
        if items and all(2 <= b - a <= 4 and _nouns_between(tags, a, b) and text[a:b] not in _FARM_WORDS
                         and text[a:b] not in _NOT_GROWN for a, b in items):
            for i, (a, b) in enumerate(items):
                yield _Found(text[a:b], a, b, "industry.grown", first=i == 0)


_FARMED_AFTER = re.compile(r"等(?:特色|优质|生态)?(?:种植|养殖|种养|栽培)")
# a crop or animal farmed, its name closed by a list's mark or the clause's end (种植罗汉果等中药材, 养殖龙虾、)
_SOWN = re.compile(r"(?:种植|栽种|栽植|养殖|饲养)(?P<crop>[\u4e00-\u9fff]{2,4}?)(?=等|、|，|。|；)")
_SOWN_MORE = re.compile(r"、(?:种植|养殖|出栏|存栏)?(?P<crop>[\u4e00-\u9fff]{2,4}?)(?=等|、|，|。|；|\d)")
_AMOUNT = r"\d+(?:\.\d+)?[万千]?[余多]?"
_FARMED = "亩|头|只|羽|箱|株|棒"  # how much is farmed: area, heads, plants
_CROP_SIZE = re.compile(rf"(?:{_AMOUNT}(?:{_FARMED}|吨|公斤|斤))?")  # …, or its weight, after a listed crop
_PLANTED = re.compile(r"(?:种植|栽种|栽植|养殖|饲养|发展|出栏|存栏)(?P<crop>[\u4e00-\u9fff]{2,4}?)(?:面积|规模)?"  # 甘蔗|面积近400亩
                      r"(?:保持|稳定在|达到?|突破|超过|逾|约|近)?"
                      rf"{_AMOUNT}(?:{_FARMED})")


def _noun_run(tags: tuple[tuple[str, str], ...], start: int, end: int) -> int:
    """Where the nouns that end at ``end`` begin, from ``start`` on (建有|火龙果); ``end`` when no noun ends there."""
    at, run = 0, None
    for word, tag in tags:
        if at >= end:
            break
        if at >= start:
            run = (at if run is None else run) if tag in _GROWN_TAGS else None
        at += len(word)
    return end if run is None or at != end else run


def _nouns_between(tags: tuple[tuple[str, str], ...], start: int, end: int) -> bool:
    """Whether ``tags`` (a sentence's words and their tags) has words from ``start`` to ``end``, all of them nouns."""
    at, inside = 0, []
    for word, tag in tags:
        if at >= end:
            break
        if at >= start:
            inside.append(tag)
        elif at + len(word) > start:
            return False  # a word runs across the start
        at += len(word)
    return at == end and bool(inside) and all(tag in _GROWN_TAGS for tag in inside)


_PRODUCE_AREA = re.compile(r"(?:主产区|主产地|优势产区|核心产区)(?![县城市镇乡])")  # 农产品主产区县城: a kind of county
_PLACE_KIND = re.compile(r"[县城市镇乡村区地]$")


def _produce(ctx: Context, text: str) -> Iterator[_Found]:
    """Rule ``industry.produce``: what a place is the main producing area of (龙阳镇是滕州市特色绿萝卜、优质马铃薯
    主产区): farm products it grows are its industries. The place and words of quality in front are left out.

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> [f.name for f in _produce(C(), "龙阳镇是滕州市特色绿萝卜、优质马铃薯主产区")]
    ['绿萝卜', '马铃薯']
    >>> [f.name for f in _produce(C(), "在张登镇、冉庄镇等果蔬主产地，支持周边县、农产品主产区县城")]
    ['果蔬']
    """
    lex = lexicon(ctx)
    modifiers = _words(ctx, "generic_modifiers.txt")
    for m in _PRODUCE_AREA.finditer(text):
        items = enumeration_items(text, m.start(), lex)
        listed = text.rfind("等", items[0][0], m.start()) if items else -1
        if listed >= 0:  # 在张登镇、冉庄镇等|果蔬主产地: the places come before 等, the produce after it
            items = [(listed + 1, m.start())]
        for a, b in items:
            for word, tag in lex.tokenizer.tags(text[a:b], HMM=False):
                if not (word in modifiers or tag == "ns") or b - a - len(word) < 2:
                    break
                a += len(word)
            if 2 <= b - a <= 6 and _plain_words(ctx, text[a:b]) and not _PLACE_KIND.search(text, a, b):
                yield _Found(text[a:b], a, b, "industry.produce", first=False)


def _sector_like(item: str, terms: frozenset[str]) -> bool:
    """An item of a developed list that ends like a sector: in a term, or in 业 / 经济 / 贸易 …
    (先进核能, 赛会经济, 塑料制品; not 地方志, 人才, 饮水 from a list of public services or factors).

    >>> _sector_like("先进核能", frozenset({"核能"})), _sector_like("地方志", frozenset()), _sector_like("赛会经济", frozenset())
    (True, False, True)
    """
    return any(item[-k:] in terms for k in range(1, len(item) + 1)) or item.endswith(
        ("业", "经济", "贸易", "制造", "加工", "能源", "材料", "制品", "机械"))


def _plain_words(ctx: Context, text: str) -> bool:
    """Every word of ``text`` is a common word, a sector term, a sector activity or a compound noun of the dictionary
    (机械, 高端, 绿色, 深加工, 科学仪器, 生命科学; not 九星, 易品, nor a company the dictionary knows: 中国移动)."""
    lex = lexicon(ctx)
    terms, activities = _words(ctx, "industry_terms.txt"), _words(ctx, "industry_activities.txt")
    return all(is_common_word(lex, w) or w in terms or w in activities or w in lex.modifiers or _compound_noun(lex, w)
               for w in lex.tokenizer.cut(text, HMM=False) if w.strip())


def _compound_noun(lex: Lexicon, word: str) -> bool:
    """``word`` is a noun of four characters or more that the dictionary knows (科学仪器, 生命科学)."""
    return len(word) >= 4 and lex.tokenizer.FREQ.get(word, 0) > 0 \
        and lex.tokenizer.tags(word, HMM=False)[0][1] in _COMPOUND_TAGS


_COMPOUND_TAGS = frozenset({"n", "l", "vn"})


def _term_regex(ctx: Context) -> re.Pattern[str]:
    """The vocabulary terms and the sector activities followed by 业, longest first."""
    def build() -> re.Pattern[str]:
        alts = set(words("industry_terms.txt")) | {a + "业" for a in words("industry_activities.txt")}
        return re.compile(literal_alternation(alts))
    return ctx.resources.get("industry.terms", build)


_LIST_MARK = re.compile("[、和及与]")


def _develop_kinds(ctx: Context) -> dict[str, frozenset[str]]:
    """The words of ``industry_develop.txt`` by kind (verb, stop, adverb)."""
    def build() -> dict[str, frozenset[str]]:
        kinds: dict[str, set[str]] = defaultdict(set)
        for line in data_lines("industry_develop.txt"):
            kind, _, rest = line.partition(":")
            kinds[kind.strip()].update(rest.split())
        return {k: frozenset(v) for k, v in kinds.items()}

    return ctx.resources.get("industry.develop", build)


def _may_develop_list(ctx: Context, text: str) -> bool:
    """Some clause of ``text`` has a developing verb with a list mark and a vocabulary term after it
    (what rule 5 needs; checked by regular expressions before any word is cut)."""
    if not _LIST_MARK.search(text):
        return False
    terms = _term_regex(ctx)
    for m in _develop_regex(ctx).finditer(text):
        end = _CLAUSE_END.search(text, m.end())
        clause = text[m.end():end.start() if end else len(text)]
        if _LIST_MARK.search(clause) and terms.search(clause):
            return True
    return False


_CLAUSE_END = re.compile("[，。；：！？,;:（(]")


def _develop_regex(ctx: Context) -> re.Pattern[str]:
    """Any developing verb, anywhere: a sentence without one has no developed list."""
    return ctx.resources.get("industry.develop_re", lambda: re.compile(literal_alternation(_develop_kinds(ctx)["verb"])))


def is_develop(ctx: Context, token: str, stop: bool = False) -> bool:
    """A developing verb, or a token made of adverbs and one (大力发展, 培育壮大).

    With ``stop``, the verbs that only end a name (健全, 推动 …) count too.
    """
    kinds = _develop_kinds(ctx)
    verbs = kinds["verb"] | kinds["stop"] if stop else kinds["verb"]
    if token in verbs:
        return True
    return any(token[:i] in kinds["adverb"] and is_develop(ctx, token[i:], stop) for i in range(1, len(token)))


def _coordinated(text: str, start: int, end: int, spans: set[tuple[int, int]]) -> bool:
    """Another industry is joined to ``text[start:end]`` by 和 / 及 / 与 / 、 (氟化工及新能源材料主导产业)."""
    return any((a >= end and _AND.match(text[end:a])) or (b <= start and _AND.match(text[b:start]))
               for a, b in spans)


def _conjuncts(ctx: Context, text: str, accepted: list[_Found]) -> Iterator[_Found]:
    """Rule 4: the name in front of 和 / 及 / 与 + an accepted industry (钢铁和汽车产业 → 钢铁), and the first item of
    a 、-list whose next two are (焦化、冶金、建材基地 → 焦化)."""
    lex = lexicon(ctx)
    spans = {(c.start, c.end) for c in accepted}
    starts = {c.start for c in accepted}
    for c in accepted:
        for a, b in _conjunct_item(text, c.start, lex):
            if (a, b) not in spans and not any(x <= a < y for x, y in spans) and _plain_words(ctx, text[a:b]):
                yield _Found(text[a:b], a, b, "industry.conjunct")
        if text[c.start - 1:c.start] == "、" and c.end + 1 in starts and text[c.end:c.end + 1] == "、":
            # 焦化|、冶金、建材基地: the first of a list of sectors, a word of the dictionary (no company's short name)
            a = left_edge(text, c.start - 1, lex, max_len=4)
            word = text[a:c.start - 1]
            if len(word) >= 2 and lex.tokenizer.FREQ.get(word, 0) > 0 and not any(x <= a < y for x, y in spans):
                yield _Found(word, a, c.start - 1, "industry.conjunct")
        yield from _shared_head(ctx, text, c, spans)


def _shared_head(ctx: Context, text: str, c: _Found, spans: set[tuple[int, int]]) -> Iterator[_Found]:
    """The items of a 、-list before an industry named with its head, which they share (焦化、冶炼、|铸造产业 → 焦化,
    冶炼), when each is a sector term or activity or ends like one (:func:`_sector_like`): no place or quality shares
    it.

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> text = "加快焦化、冶炼、铸造产业一体循环"
    >>> [f.name for f in _shared_head(C(), text, _Found("铸造产业", 8, 12, "industry.head"), set())]
    ['焦化', '冶炼']
    >>> text = "推进城乡、区域、文化产业协调发展"
    >>> [f.name for f in _shared_head(C(), text, _Found("文化产业", 8, 12, "industry.head"), set())]
    []
    """
    if c.rule != "industry.head" or text[c.start - 1:c.start] != "、" or not _HEAD_END.search(text, c.start, c.end):
        return
    body_end = _HEAD_END.search(text, c.start, c.end).start()
    items = enumeration_items(text, body_end, lexicon(ctx), max_len=8)[:-1]
    if items and all(_sector_like(text[a:b], _sector_words(ctx)) for a, b in items):
        for a, b in items:
            if (a, b) not in spans and not any(x <= a < y for x, y in spans):
                yield _Found(text[a:b], a, b, "industry.conjunct")


def _clean(ctx: Context, f: _Found, offset: int, places: tuple[str, ...]) -> _Found | None:
    """The candidate with leading verbs and region names dropped (``places``: the short forms of the document's
    regions, :func:`_place_shorts`), or None when it is not an Industry."""
    name, start, aliases = f.name, f.start, f.aliases
    if any(c in STOP_CHARS for c in name):
        return None

    def drop(n: int) -> None:
        nonlocal name, start, aliases
        name, start = name[n:], start + n
        aliases = tuple(a[n:] for a in aliases if len(a) > n)

    size = _SIZE.match(name)
    if size:
        drop(size.end())  # 百亿|玻纤, 千亿级|页岩气: how large the sector is meant to grow
    if "的" in name[:-1]:
        drop(name.rindex("的") + 1)  # 多样化的|生态旅游: what the sector is to be like
    closer = _LIST_CLOSER.match(name)
    if closer and ctx.doc.text[offset + start - 1:offset + start] == "等":
        drop(closer.end())  # 6G等领域|未来产业: the noun that closes a list is no part of the name
    body = _HEAD_END.sub("", name)
    if len(body) > 1 and not is_sector_term(ctx, _JOINED_PARTS.sub("", body)) \
            and f.rule not in ("industry.parts", _SUBSECTORS_RULE):
        drop(len(body) - len(_trim_verbs(ctx, body, f.first)))
    if name.startswith("好") and start > 0 and ctx.doc.text[offset + start - 1] in _DONE_WELL:
        drop(1)  # 打好|汽车产业转型攻坚战: the verb's complement
    drop(_region_prefix(ctx, name, start + offset, places))
    if name[:1] in "内外" and ctx.doc.text[offset + start - 1:offset + start] in _PLACE_LEVELS and len(name) > 2:
        drop(1)  # 安定镇|内|苹果: inside the place, no part of the sector
    body = _HEAD_END.sub("", name)
    if not (1 <= len(body) <= 10) or (len(body) == 1 and not f.short_ok) or body.endswith("链"):
        return None
    if body.startswith("大") and _COUNT_DIGIT.match(ctx.doc.text, offset + start - 1):
        return None  # 10|大硬核产业集群, 十|大…: a count of sectors, not one
    bad = _NOT_INDUSTRY.search(_LATIN.sub("", body) if is_sector_term(ctx, body) else body)
    province = _province_length(ctx, body)
    if bad or _generic(ctx, body) or (province and _generic(ctx, body[province:])) \
            or set(body) <= _words(ctx, "province_abbreviations.txt"):
        return None  # …, or a province and rank words (北京高端|产业外迁基地), or provinces by their one-character
        # names (京津|产业转移)
    ye = next((w for w in _CHAN_WORDS_YE if name.endswith(w) and len(name) > len(w)), None)
    if ye and lexicon(ctx).tokenizer.FREQ.get(name[-len(ye) - 1:-len(ye) + 1], 0) > 0:
        name = name[:-2]  # 节水|产业, not 节|水产业 as jieba cuts it (industry_key would keep 节水产)
    return replace(f, name=name, start=start, aliases=aliases)


_PLACE_LEVELS = frozenset("省市县区镇乡村")
_DONE_WELL = frozenset("打做抓办管用建搞干")
"""Verbs that take 好 after them (打好, 做好, 抓好): a 好 right after one is no sector's first character."""
_COUNT_DIGIT = re.compile(r"[\d一二三四五六七八九十两几多]")


def _province_length(ctx: Context, body: str) -> int:
    """Length of the province's full or short name ``body`` opens with and goes on after (北京|高端), else 0."""
    return next((len(p) for p in province_forms(ctx.resources) if body.startswith(p) and len(body) > len(p)), 0)


def _region_prefix(ctx: Context, name: str, start: int, places: tuple[str, ...]) -> int:
    """Length of the region names (or 中国, 全省 …, or a region's short form of ``places``) at the front of ``name``
    (0 when none)."""
    cut = 0
    sentence = ctx.sentence_at(start)
    for m in ctx.mentions_in(sentence.index) if sentence else ():
        if m.type == "Region" and start <= m.start < m.end < start + len(name) - 1:
            cut = max(cut, m.end - start)
    while not is_sector_term(ctx, _HEAD_END.sub("", name[cut:])) \
            and (p := next((p for prefixes in (_prefixes(ctx), places) for p in prefixes
                            if name[cut:].startswith(p) and len(name) - cut - len(p) >= 2), "")):
        cut += len(p)  # one after another in any order (世界|一流|鲜切花, 海南|自贸港|旅游业); not from a term of the
        # vocabulary that opens with one (国际物流)
    return cut


def _place_shorts(ctx: Context) -> tuple[str, ...]:
    """The short forms of the document's regions (梁平 of 梁平区: 推动梁平数字产业快速发展 → 数字产业), longest first."""
    shorts = {short_form(m.label) for m in ctx.mentions if m.type == "Region"}
    return tuple(sorted((s for s in shorts if s and len(s) >= 2), key=lambda w: (-len(w), w)))


def _generic(ctx: Context, body: str) -> bool:
    """True when ``body`` names no industry: only rank and quality words, or rank words and one bare sector.

    See ``industry_generic.txt``: 主导, 三次, 先导性支撑, 现代 and 传统工业 are generic; 现代农业 is not.
    """
    def build() -> tuple[re.Pattern[str], re.Pattern[str]]:
        kinds: dict[str, set[str]] = defaultdict(set)
        for line in data_lines("industry_generic.txt"):
            kind, _, rest = line.partition(":")
            kinds[kind.strip()].update(rest.split())

        def alt(ws: set[str]) -> str:
            return literal_alternation(ws)

        filler = r"[\d.]+|[一二三四五六七八九十百千万亿两]+[强佳轮批场次届]?|[个大家户项类的和及与、级]|[千百万十]亿级?"
        only = re.compile(rf"^(?:{alt(kinds['rank'] | kinds['quality'])}|{filler})*$")
        bare = re.compile(rf"^(?:{alt(kinds['rank'])}|{filler})*(?:{alt(kinds['bare'])})$")
        return only, bare

    only, bare = ctx.resources.get("industry.generic", build)
    return bool(only.match(body) or bare.match(body) or _CATEGORY.search(body))


_CATEGORY = re.compile(r"(?<!模)型$")
"""A body ending in 型 names a category of industries (资源型, 劳动密集型, 环保型产业), not one; 大模型 is one."""


def _trim_verbs(ctx: Context, body: str, first: bool = True) -> str:
    """``body`` from the word after its last verb, adverb or particle (再度入围中国康养 → 中国康养).

    A body that ends in such a word is no name at all (激活, 紧紧扭住, 人口兴 → ''); a verb
    with a single word after it stays (预制菜), and so does one a suffix follows (沉浸式演艺); sector activities
    (制造, 种植, 加工 …) are not verbs here. With ``first`` False (a middle list item, already bounded) only
    the last word is checked (具身智能, 定制消费 stay whole), and a two-character verb after a noun ends a name
    (光电|显示: the noun's activity).
    """
    activities = _words(ctx, "industry_activities.txt")
    boundary = lexicon(ctx).boundary
    tokens = [part for w, t in lexicon(ctx).tokenizer.tags(body) if w.strip() for part in _unglued(w, t)]
    keep = 0
    after = ""  # the tag of the word kept last
    for i, (word, tag) in enumerate(reversed(tokens)):
        if word in boundary or is_develop(ctx, word, stop=True):
            break
        # 无人机, which jieba files with idioms, and a two-character one (玻纤): an idiom is longer, unless its second
        # half is a common noun (生命|科学, 红木|家具; not 大力|发展, 流光|溢彩)
        thing = tag == "l" and (bool(_THING_PHRASE.fullmatch(word)) or len(word) <= 2 or _noun_ended(ctx, word))
        verb = (tag in _VERB_TAGS and not thing) or (len(tokens) == 1 and tag.startswith("a"))
        if verb and after == "k":
            verb = False  # a suffix makes the verb before it a modifier: 沉浸|式演艺, 体验|式
        elif verb and i == 0 and not first and _noun_activity(tokens, tag):
            verb = False  # a list item, a noun's activity as a sector: 光电|显示, 数据|标注 (人才|引领产业发展 is a clause)
        elif verb and tag == "m" and i > 0 and after in _NOUN_TAGS and _PART_COUNT.fullmatch(word):
            verb = False  # a count of parts that a noun takes: 电动|两轮|车, 三轮|摩托 (not 三大, 十个)
        after = tag
        if verb and word not in activities and not any(word.endswith(a) for a in activities):
            if i != 1 or len(tokens[-1][0]) > 1 or not tag.startswith("v"):
                break  # a verb before one last character is part of the word (预制菜)
        keep += len(word)
        if not first:
            return body
    body = body[len(body) - keep:]
    for i in range(len(body) - 2, 1, -1):  # a verb jieba did not cut off (厚植家电: 厚/植/家电)
        if is_develop(ctx, body[:i], stop=True):
            return body[i:]
    return body


_THING_PHRASE = re.compile(r"[\u4e00-\u9fff]{3}(?<!化)")


def _noun_ended(ctx: Context, word: str) -> bool:
    """A word of four characters whose second half is a common noun (生命|科学, 耐火|材料)."""
    lex = lexicon(ctx)
    return len(word) == 4 and is_common_word(lex, word[2:]) and lex.tokenizer.tags(word[2:], HMM=False)[0][1] == "n"
"""jieba's fixed phrases (tag l) are idioms and manners (紧紧扭住, 一体化, 莞韶), except the three-character names of
things it files with them (无人机)."""


def _unglued(word: str, tag: str) -> list[tuple[str, str]]:
    """A locative and the preposition after it, which jieba reads as one word (转型升级中|将 as 中将, a general):
    the two words they are."""
    if len(word) == 2 and word[0] in "中上下里内外" and word[1] in "将把对在被从向为以":
        return [(word[0], "f"), (word[1], "p")]
    return [(word, tag)]


def _noun_activity(tokens: list[tuple[str, str]], tag: str) -> bool:
    """Whether the last of ``tokens``, a verb tagged ``tag``, is a two-character activity after a noun of two
    or more (光电|显示, 珠宝|配饰): the pair names a sector; one character (人口|兴) or a verb alone does not."""
    return tag == "v" and len(tokens) >= 2 and len(tokens[-1][0]) == 2 and len(tokens[-2][0]) >= 2 \
        and tokens[-2][1] in ("n", "nz", "j")


def _taken_spans(ctx: Context, index: int, offset: int) -> list[tuple[int, int]]:
    """Sentence offsets of the park, enterprise and project names found earlier in sentence ``index``; a belt
    named by its product alone (养鸡产业带, 苗木盆景产业带) names the industry it is a belt of, so it takes nothing
    (a longer one is mostly named by its area: 环京津高新技术产业带)."""
    return [(m.start - offset, m.end - offset) for m in ctx.mentions_in(index)
            if m.type in ("Park", "Enterprise", "Project") and not (m.label.endswith("产业带") and len(m.label) <= 7)]


def _place_spans(ctx: Context, index: int, offset: int) -> frozenset[tuple[int, int]]:
    """Sentence offsets of the region names found in sentence ``index``."""
    return frozenset((m.start - offset, m.end - offset) for m in ctx.mentions_in(index) if m.type == "Region")


def _inside_taken(f: _Found, taken: list[tuple[int, int]]) -> bool:
    return any(a <= f.start and f.end <= b for a, b in taken)


def _past_taken(f: _Found, taken: list[tuple[int, int]], text: str) -> _Found:
    """``f`` starting after a park's or company's name it opens inside (苏州高新区|高端装备制造、新一代信息技术…: the
    list's first item runs into the park before it)."""
    end = max((b for a, b in taken if a <= f.start < b < f.end), default=None)
    if end is None:
        return f
    return replace(f, name=text[end:f.end], start=end, aliases=())


def _prefixes(ctx: Context) -> tuple[str, ...]:
    """The words of ``industry_prefixes.txt``, longest first."""
    return ctx.resources.get("industry.prefixes", lambda: tuple(sorted(_words(ctx, "industry_prefixes.txt"),
                                                                        key=lambda w: (-len(w), w))))


def _words(ctx: Context, name: str) -> frozenset[str]:
    return ctx.resources.get(f"industry.words.{name}", lambda: frozenset(words(name)))


def _sector_words(ctx: Context) -> frozenset[str]:
    """The sector terms and the sector activities in one set (what an item of a list of sectors may end in)."""
    return ctx.resources.get("industry.sector_words",
                             lambda: _words(ctx, "industry_terms.txt") | _words(ctx, "industry_activities.txt"))


def industry_key(label: str) -> str:
    """The key of an industry: its name without a trailing 产业 / 行业 (氟化工产业 and 氟化工 are one).

    >>> industry_key("氟化工产业"), industry_key("文化产业"), industry_key("起重机械行业")
    ('氟化工', '文化', '起重机械')

    The 产 of a word that ends in it stays (房地产|业, 特色水产|业: not 房地, 特色水):

    >>> industry_key("房地产业"), industry_key("特色水产业"), industry_key("水产业")
    ('房地产', '特色水产', '水产')
    """
    if label.endswith(_CHAN_WORDS_YE):
        return label[:-1]
    for suffix in ("产业集群", "产业", "行业"):
        if label.endswith(suffix) and len(label) >= len(suffix) + 2:
            return label[:-len(suffix)]
    return label


_CHAN_WORDS_YE = tuple(w + "业" for w in ("水产", "房地产", "矿产", "特产", "海产"))
"""Words that end in 产, then 业: …产业 after them is the word and 业 (房地产|业), not …and 产业."""
