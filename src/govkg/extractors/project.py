"""Projects: named works and facilities under construction, and the items of 等N个项目 lists.

What makes a Project, in one place (each rule's words are a data file):

1. A name ending in a works head (``project_heads.txt``: …项目, …工程, …大桥,
   …二期, …南延) is a project.
2. A name ending in a facility head (``project_facility_heads.txt``: …中心,
   …站, …街区, …路) is a project only when its clause says it is being built
   (a word of ``project_build_verbs.txt``: 建成, 开工, 投用 …).
3. A road code (国道348, 省道213, G227, S465) followed by the rest of its name
   (…锦城跨线桥, …仙市段, …改扩建) is a project without any head.
4. "A至B…公路", "A及B工程", "A与B工程": the name runs on across 至/及/与 when
   both sides are names (自贡至永川高速公路).
5. A sum invested and what it went into: "投资2599万元的海—宝农村公路通车",
   "投资400万元完成1.6公里老旧供水管网改造" (:func:`_invested`): the works after
   the sum, up to a stage word (通车, 验收 …), is one project whatever its head.
6. In a list "中昊晨光一期、江苏国泰锂离子电池电解液等14个项目", long items and
   items ending in a head noun or a place word are projects; short bare items
   name the enterprise that carries the project out ("信乙化工、华砂新材料等项目").

And what does not (:func:`_rejected`): a body made only of generic words
(重大, 民生, 文旅: ``generic_modifiers.txt`` + ``project_generic.txt``); a
head that is only part of a word (中小学, 渠道); a counted kind of project
("2个美丽宜居乡村建设项目", "工业技改项目113个"); a quoted or stand-alone
programme name ("金通工程", a heading "人居环境提标工程。"), which is a slogan.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from govkg.extractors.base import Context
from govkg.extractors.enterprise import (LEGAL_FORM, WORKS_FIELD, brand_before_site, is_brand_name, names_route,
                                        place_initials, place_length, project_name_owner)
from govkg.extractors.gazetteer import gazetteer
from govkg.extractors.industry import is_develop, lists_sectors
from govkg.extractors.names import head_regex, is_generic, words
from govkg.extractors.project_facts import INVESTED_RULE, StageTable, invested_sums, stage_table
from govkg.extractors.phrase import (COMMON_WORD_FREQ, NAME_REACH, NOT_FUNDS, NUMERAL_VALUE, STOP_CHARS, Lexicon,
                                     count_value, counted_items, enumeration_items, governing_lead, headed_names,
                                     is_common_word, joins, leading_clutter, left_edge, lexicon)
from govkg.extractors.quantity import half_width
from govkg.graph.iri import normalise_label
from govkg.model import EntityRef, Mention, Relation, Sentence

# a list's end: 等, a count, a qualifier and the works head; the qualifier of a counted end runs longer
# (等一批汽车零部件下游强链壮链项目: the count says a list of projects closes here), but not across 于, which
# opens a verb's place (等一批原创性成果应用于国家重大工程: the list is of results), nor after a count of places
# (柴各庄、东安阳等4个村安全饮水提升工程: the items are villages)
_LIST_END = re.compile(r"等(?:(?:\d+|[一二三四五六七八九十两几多]+)[个项批](?![村镇乡县区市])"
                       r"(?:(?:总?投资)?\d+(?:\.\d+)?[万亿]元(?:以上)?的?)?"  # 等5个7亿元以上|重大制造业项目
                       r"(?:(?!于)[\u4e00-\u9fff]){0,12}"
                       r"|(?:\d+(?:\.\d+)?[万亿]元(?:以上)?)?(?:\d+|[一二三四五六七八九十两几多]+)?[个项批]?[\u4e00-\u9fff]{0,6})"
                       r"(?:项目|工程)" + NOT_FUNDS)  # 等10亿元以上重大产业项目8个: a size class too
# a count right after a list's last item, a size class and the works head (翰诺威智能装备、佳安金属新材料三个亿元项目)
_COUNT_CLOSED = re.compile(r"(?<=[\u4e00-\u9fff])(?:\d+|[二三四五六七八九十两]+)[个项](?:\d+(?:\.\d+)?|[十百千])?[万亿]?元?"
                           r"(?:以上)?(?:重大|重点|产业|工业|新建|续建|在建|新开工|签约){0,2}(?:项目|工程)" + NOT_FUNDS)
_LISTED_BEFORE = re.compile(r"、|以及")  # what a list of two items or more holds (enumeration_items)
_COUNT_FIRST = re.compile(r"\d+|[二三四五六七八九十两]+")  # the count a :data:`_COUNT_CLOSED` match opens with
_ONE_COUNTED = re.compile(r"(?<=[\u4e00-\u9fff])[1一][个项](?:(?![项工])[\u4e00-\u9fff]){0,6}(?:项目|工程)" + NOT_FUNDS)
"""A count of one and the kind of project right after a name (…示范园|1个农业产业项目), in a list of kinds."""
_ITEM_OPEN = re.compile(r"[、，,：:；;—]")
_ITEM_CLOSE = re.compile(r"[、，,；;。]|$")
_KIND_COUNT = re.compile(r"等(?:\d+|[二三四五六七八九十两]+)个")
"""A list closed by a count of its kind (…基地等3个工业产业项目), among others of other kinds."""


def _one_item(text: str, end: int, lex: Lexicon) -> tuple[int, int]:
    """The name that a count of one closes at ``end``: from the mark before it (a dash after a programme's name
    too: 县城建设—|凤县双石铺中学整体迁建|1个…项目), past a verb that governs it (实施|老旧小区改造|1个项目)."""
    start = end
    while start > 0 and end - start < NAME_REACH and not _ITEM_OPEN.match(text, start - 1):
        start -= 1
    start += leading_clutter(lex, text[start:end])
    for word, tag in lex.tokenizer.tags(text[start:end]):
        if tag not in _LEAD_VERB_TAGS or end - start - len(word) < 4:
            break
        start += len(word)  # 实施|老旧小区改造, 开工|建设|城东污水处理厂
    return start, end


_LEAD_VERB_TAGS = frozenset({"v", "vd", "vn", "d"})
"""jieba's tags of the verbs and adverbs that may open a count's item before its name (实施|老旧小区改造)."""
_PHASE = re.compile(r"^(.{2,8}?)([一二三四五六七八九十]期)$")
_PHASE_ONLY = re.compile(r"[一二三四五六七八九十]期")
# a phase after a works head, or in brackets before one: the name runs on across it
_PHASED = re.compile(r"(?<=[\u4e00-\u9fff])(?:(?:工程|项目)[一二三四五六七八九十]期|[（(][一二三四五六七八九十]期[）)](?:(?:建设)?(?:工程|项目)"
                     r"|(?=[、，,；;。等]|$))|(?:路|街|大道|大街|环路|二环|三环)[东西南北]段)")  # …产业园(二期)、: a phase of
# its own in brackets; 继光大道西段: a road's stretch
# a name ending in these is a place or facility, not an enterprise (清苑新城一期, 西三环南延)
_PLACE_END = re.compile(r"(?:[城区路街园厂站段线桥港场馆院校湖河山镇乡村环道渠库]|[东南西北]延)$")
# a count of projects right before or after a name makes it a kind, not a name
_COUNT_BEFORE = re.compile(r"(?:\d+|[一二三四五六七八九十百千两几多]+)[个项件所批座处条家大]$")  # 六大|融湾工程: a campaign's
_COUNT_AFTER = re.compile(r"^(?:(?:\d+|[一二三四五六七八九十百千两几多]+)(?:个(?!机位|风机|泊位|车位|床位)|项|件|所|批|座|处|家)"
                          r"|(?:数量|个数|总数|数占|比重|占比)(?!\d))")  # …项目数量占工业项目: a count of projects
# (not the parts a project counts: 乐甲风电项目|29个机位)
_COUNT_IN = re.compile(r"\d+[个项件所批座处家条栋幢]|(?<![A-Za-z\d])\d{1,2}[大类](?![修中小型])")  # 7大…基地, not 514大修
# 国道348, 省道213, G227, S465, 国道241线
# 国道348, G227, S465线, and the number first: 107国道, G234国道
_ROAD_CODE = re.compile(r"(?<![A-Za-z0-9.])(?:[国省县乡]道\d{2,4}线?|[GSXY]\d{2,4}(?:[国省县乡]道|线)?|\d{3}[国省]道)")
_JOINERS = "至及与"
# a complete name (a facility, an institution, a footnote number) ends the left side of 至/及/与
_NAME_END = re.compile(r"[院馆站心园司团厂所校\d]$")
_OPEN_QUOTES = "“‘「『\"'"
_CLOSE_QUOTES = "”’」』\"'"


def extract_projects(ctx: Context) -> Iterator[Mention | Relation]:
    lex = lexicon(ctx)
    works = head_regex("project_heads.txt")
    facility = head_regex("project_facility_heads.txt")
    named = _named(ctx, lex)
    found: dict[int, set[tuple[int, int, str]]] = {}  # sentence -> (start, end, rule), sentence offsets
    companies = {m.end: m.start for m in ctx.mentions if m.type == "Enterprise" and m.start >= 0}
    company_ends: dict[int, list[int]] = {}  # start of a company's name -> the ends of the names from there
    for end, start in companies.items():
        company_ends.setdefault(start, []).append(end)
    owned: dict[tuple[int, int, int], int] = {}  # (sentence, start, end) -> start of the company's name before it
    for heads, is_facility in ((works, False), (facility, True)):
        for span in headed_names(ctx, heads, bracketed=True, governed=True, every_end=True):
            sent = ctx.sentences[span.sentence]
            a, b = span.start - sent.start, span.end - sent.start
            if is_facility and (works.search(span.text[-4:]) or not _being_built(ctx, sent.text, a, b)):
                continue
            a += _leading_quantity(sent.text[a:b])
            a = _joined_start(sent.text, a, lex, works)
            a += _leading_preposition(sent.text, a)
            cut = _after_company(sent.text, a, b)
            if cut > a and sent.start + cut in companies and _COMPANY_END.search(sent.text, a, cut):
                company = companies[sent.start + cut] - sent.start  # past a park it lies in (交城经济开发区|华庆…公司)
                owned[(sent.index, cut, b)] = _after_park(ctx, lex, heads, sent, company, b)
            a = _after_park(ctx, lex, heads, sent, cut, b)
            a = _after_builder(ctx, sent, a, b, company_ends)
            one_of = sent.text.rfind("之一", a, b - 2)
            a = one_of + 2 if one_of >= 0 else a  # 吴江开发区项目之一|博洛尼…有限公司项目: one of those, named
            if _rejected(ctx, lex, heads, sent.text, a, b, item=ctx.after_semicolon(sent)) \
                    or sent.text.startswith("之一", b):  # 吴江开发区项目|之一: one of a place's projects, no name
                continue
            if ((is_facility or sent.text[a:b].endswith(_KIND_HEADS))
                    and not _specific(ctx, lex, sent, a, b, heads, named)):
                continue
            if sent.text.endswith("工程项目", 0, b) and sent.text.startswith(_PROJECT_STAFF, b):
                b -= 2  # …治理一期工程|项目经理: the works end before the people of the project
            found.setdefault(sent.index, set()).add((a, b, "project.head"))
    for sent in ctx.sentences:
        for m in _QUOTED_PROJECT.finditer(sent.text):  # 实施“浑善达克沙地综合治理产业发展项目”: the quote is the name
            a, b = m.start(1), m.end(1)
            if (a, b) not in {(c, d) for c, d, _ in found.get(sent.index, ())} \
                    and not _rejected(ctx, lex, works, sent.text, a, b) \
                    and _specific(ctx, lex, sent, a, b, works, named):
                found.setdefault(sent.index, set()).add((a, b, "project.head"))
        for m in _QUOTED_THEN_WORKS.finditer(sent.text):  # “静观田园”综合体项目, 实施“一河两路”改造提升工程
            if not any(h.end() == len(m.group(2)) - 2 for h in works.finditer(m.group(2)[:-2])):
                continue  # (“云视讯”报告了项目, “玉商回归”招商引资项目: no works between the quote and the head)
            yield from _project(ctx, m.group(1) + m.group(2), sent.start + m.start(), sent.start + m.end(), sent.index,
                                "project.head", aliases=(normalise_label(m.group(1)),))
        for m in _PHASED.finditer(sent.text):  # 釜溪河生态修复工程二期, 海拉尔大数据中心（一期）工程
            a = left_edge(sent.text, m.start(), lex)
            a += _leading_quantity(sent.text[a:m.end()])
            if m.start() - a >= 2 and sent.text[a:m.start()] not in ("项目", "工程") \
                    and not _rejected(ctx, lex, works, sent.text, a, m.end()):  # not …迁建|项目（一期）
                found.setdefault(sent.index, set()).add((a, m.end(), "project.head"))
        for a, b in _road_codes(sent.text, lex):
            found.setdefault(sent.index, set()).add((a, b, "project.road"))
        for a, b in _transfers(ctx, sent.text):
            found.setdefault(sent.index, set()).add((a, b, "project.transfer"))
        for a, b in _invested(ctx, sent.text, lex):
            if not any((c, d) == (a, b) for c, d, _ in found.get(sent.index, ())) \
                    and not _COUNT_OF_PROJECTS.search(sent.text, a, b):  # 总投资22.5亿 东莞凤岗四个重点项目: a count
                found.setdefault(sent.index, set()).add((a, b, INVESTED_RULE))
    for index, spans in found.items():
        spans |= {(a, b, "project.sibling") for a, b in _siblings(ctx, lex, ctx.sentences[index].text, spans)}
        sent = ctx.sentences[index]
        for a, b, rule in sorted(spans):
            parts = _two_works(ctx, lex, sent, a, b, named)
            if parts:
                spans.discard((a, b, rule))
                spans |= {(c, d, rule) for c, d in parts}
    listed = list(_listed(ctx, named)) + list(_distributed(ctx, lex))
    items = [(m.start, m.end) for m in listed
             if isinstance(m, Mention) and m.type == "Project" and not _JOIN.search(m.label)]  # one name each
    led_items = [(m.start, m.end) for m in listed  # of a list the sentence says is of projects (13个项目分别是A、B…)
                 if isinstance(m, Mention) and m.type == "Project"
                 and _KIND_LED.search(ctx.doc.norm, ctx.sentences[m.sentence].start, m.start)]
    for index, spans in sorted(found.items()):
        sent = ctx.sentences[index]
        for a, b, rule in sorted(spans):
            if any(c <= a and b <= d and (c, d) != (a, b) for c, d, _ in spans):
                continue  # part of a longer name (老蛮桥 in 老蛮桥水库扩建工程)
            a_, b_ = sent.start + a, sent.start + b
            if any(c <= a_ and b_ <= d and (c, d) != (a_, b_) for c, d in items):
                continue  # part of a list item that names more (亿利塑业一期 of 亿利塑业一期20万吨PVC深加工、…等项目)
            if any(c < a_ and b_ == d for c, d in led_items):
                continue  # the end of such an item (…混凝土和|40万吨砂浆…项目, …天然气(LNG)|生产及加气站建设项目)
            described = _DESCRIBED.search(sent.text, a, b)
            if described and b - described.end() >= 4:  # 炎陵历史上最大单体项目|抽水蓄能电站: what the works are
                a, a_ = described.end(), sent.start + described.end()  # said to be, then their name
            company = owned.get((index, a, b))
            if company is not None and company < a:  # 华舟铝业有限公司|年产10万吨…项目: named with its company too
                yield from _project(ctx, sent.text[company:b], sent.start + company, b_, index, rule,
                                    aliases=(normalise_label(sent.text[a:b]),))
                continue
            yield from _project(ctx, sent.text[a:b], a_, b_, index, rule)
    yield from _owned_named(listed, found, ctx, lex)


def _owned_named(found: list[Mention | Relation], spans: dict[int, set[tuple[int, int, str]]],
                 ctx: Context, lex: Lexicon) -> Iterator[Mention | Relation]:
    """``found`` with each owner's project ("江苏国泰、无锡东恒2个项目提前开工": 江苏国泰项目) moved to the one project
    the document names that starts with the owner's name (江苏国泰锂离子电池电解液), when there is just one: the
    report speaks of the same project twice."""
    names = {ctx.sentences[i].text[a:b] for i, ss in spans.items() for a, b, _ in ss}
    names |= {m.label for m in found if isinstance(m, Mention)}
    moved: dict[EntityRef, EntityRef] = {}
    for m in found:
        if isinstance(m, Mention) and m.rule in _OWNER_RULES and m.label.endswith("项目"):
            owner = m.label[:-2]
            named = {normalise_label(n) for n in names if n.startswith(owner) and len(n) >= len(owner) + 2
                     and lex.tokenizer.cut(n, HMM=False)[-1] not in lex.boundary}  # not 玖兴食品|加快推进
            named.discard(m.label)
            if len(named) == 1:
                moved[m.ref] = EntityRef("Project", named.pop())
    for m in found:
        if isinstance(m, Mention) and m.ref in moved:
            m = replace(m, ref=moved[m.ref], label=moved[m.ref].key)
        elif isinstance(m, Relation) and m.object in moved:
            m = replace(m, object=moved[m.object])
        yield m


_OWNER_RULES = frozenset({"project.owned", "project.distributed"})


# "邓关、富全2所幼儿园": names, then their count and the one head they share
_SHARED_HEAD = re.compile(r"((?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{2,6})(\d|[一二三四五六七八九十两])(?:所|座|个|条|家|处)")


def _distributed(ctx: Context, lex: Lexicon) -> Iterator[Mention | Relation]:
    """Names that share one head and count it: "邓关、富全2所幼儿园完成主体建设" names 邓关幼儿园 and
    富全幼儿园 (as many names as the count says), each named where its own part is.

    >>> from govkg.extractors.base import Resources
    >>> from govkg.text.document import make_document, sentences_of, ScriptFolder
    >>> doc = make_document("邓关、富全2所幼儿园完成主体建设，新建3所小学，进一步放大曲港、津石两条高速枢纽作用，"
    ...                     "留史、辛兴两个中心镇", path="d", doc_id="d", folder=ScriptFolder())
    >>> ctx = Context(doc=doc, sentences=sentences_of(doc), resources=Resources())
    >>> [m.label for m in _distributed(ctx, lexicon(ctx))]
    ['邓关幼儿园', '富全幼儿园', '曲港高速', '津石高速']

    Items each of an owner and a size share the head after the last (each also names its owner):

    >>> doc = make_document("加快晋煤太钢600万吨、新工煤业120万吨矿井建设", path="d", doc_id="d", folder=ScriptFolder())
    >>> ctx = Context(doc=doc, sentences=sentences_of(doc), resources=Resources())
    >>> [m.label for m in _distributed(ctx, lexicon(ctx)) if isinstance(m, Mention) and m.ref.type == "Project"]
    ['晋煤太钢600万吨矿井', '新工煤业120万吨矿井']
    """
    heads = (head_regex("project_heads.txt"), head_regex("project_facility_heads.txt"))
    for sent in ctx.sentences:
        text = sent.text
        for m in _SHARED_HEAD.finditer(text):
            head = next(filter(None, (h.match(text, m.end()) for h in heads)), None)
            if head is None or m.group(1).endswith("等") or not _head_is_word(lex, text, head.start(), head.end()):
                continue  # 等6条高铁: more than named; 五个中心|镇: the head is part of a word
            count = int(m.group(2)) if m.group(2).isdigit() else NUMERAL_VALUE[m.group(2)]
            items, pos = [], m.start(1)
            for part in m.group(1).split("、"):
                items.append((pos, pos + len(part)))
                pos += len(part) + 1
            a0, b0 = items[0]
            a0 = left_edge(text, b0, lex, max_len=12)
            a0 += governing_lead(lex, text[a0:b0] + head.group(), b0 - a0, gazetteer(ctx.resources).names_place)
            items[0] = (a0, b0)
            if len(items) != count or any(b - a < 2 for a, b in items):
                continue
            for a, b in items:
                label = normalise_label(text[a:b] + head.group())
                if not _generic_body(ctx, text[a:b]) and not is_common_word(lex, text[a:b]):
                    yield Mention(EntityRef("Project", label), label, sent.start + a, sent.start + b, sent.index,
                                  "project.distributed")
        for m in _SIZED_ITEMS.finditer(text):  # 晋煤太钢600万吨、新工煤业120万吨矿井: each owner's plant of its size
            head = next(filter(None, (h.match(text, m.end()) for h in heads)), None)
            if head is None or not _head_is_word(lex, text, head.start(), head.end()):
                continue
            for a, b in enumeration_items(text, m.end(), lex):
                size = _DIGIT_AT.search(text, a, b)
                if size is not None and size.start() - a >= 2:  # an owner before the size
                    yield from _project(ctx, text[a:b] + head.group(), sent.start + a, sent.start + b, sent.index,
                                        "project.distributed")


_PLANT_SIZE = r"万吨|万千瓦|千瓦|兆瓦|MW|GW"
"""The units of a plant's size (its tons a year, its power), as a regular expression's text."""
_OUTPUT_SIZE = _PLANT_SIZE + r"|万锭|万头|万只|万套|万台|万件|万平方米"
"""…, and of how many things a plant turns out or how much floor it has."""
_SIZED_ITEM = rf"[\u4e00-\u9fff]{{2,10}}\d+(?:\.\d+)?(?:{_PLANT_SIZE})"
_SIZED_ITEMS = re.compile(rf"(?:{_SIZED_ITEM}、)+{_SIZED_ITEM}")
"""Items each of an owner and a size, the last before the head they share (晋煤太钢600万吨、新工煤业120万吨矿井)."""
_DIGIT_AT = re.compile(r"\d")
_ITEM_STOP = STOP_CHARS | {"等"}


def _siblings(ctx: Context, lex: Lexicon, text: str, spans: set[tuple[int, int, str]]) -> set[tuple[int, int]]:
    """The items of 、-lists that a project found stands in, when they end in a works or facility head:
    what the text lists together is of one kind, though on its own the name would read as a kind
    ("花间宿酒店、宠物乐园、好梦农场尽快完工": 宠物乐园, 好梦农场).

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> s = "确保花间宿酒店、宠物乐园、好梦农场尽快完工，建设文化站、村委会"
    >>> sorted(s[a:b] for a, b in _siblings(C, lexicon(C), s, {(2, 7, "project.head")}))
    ['好梦农场', '宠物乐园']
    """
    heads = (head_regex("project_heads.txt"), head_regex("project_facility_heads.txt"))
    out: set[tuple[int, int]] = set()
    todo = sorted((a, b) for a, b, _ in spans)  # in order: what is found depends on what was seen first
    seen = set(todo)
    while todo:
        a, b = todo.pop()
        near = []
        if b < len(text) and text[b] == "、":
            end = b + 1
            while end < len(text) and text[end] not in _ITEM_STOP and end - b <= 16:
                end += 1
            near.append((b + 1, _works_end(lex, stage_table(ctx.resources), text, b + 1, end)))
        if a > 0 and text[a - 1] == "、":
            near.append((left_edge(text, a - 1, lex, max_len=16), a - 1))
        for c, d in near:
            name = text[c:d]
            if (any(c < f and e < d for e, f in seen) or len(name) < 3 or not any(h.search(name[-4:]) and h.search(name).end() == len(name)
                                                            for h in heads)
                    or _generic_body(ctx, name) or is_common_word(lex, name) or _COUNT_IN.search(name)
                    or _common_body(ctx, lex, name)):
                continue
            seen.add((c, d))
            out.add((c, d))
            todo.append((c, d))
    return out


def _common_body(ctx: Context, lex: Lexicon, name: str) -> bool:
    """Whether what stands before the phase that ends ``name`` is one common word and no place (机场|三期 of
    推动机场三期、京滨城际南段…: some airport's third phase, no name); a road's or a school's name may be a common
    word (迎宾路, 北城中学)."""
    body = name[:-2] if _PHASE_ONLY.match(name, len(name) - 2) else ""
    return bool(body) and is_common_word(lex, body) and not gazetteer(ctx.resources).names_division(body)


# heads that also name kinds of projects, programmes and plants (民生项目, 惠民工程, 污水处理厂): their
# names need something specific (see _specific); a 大桥, 水库 or 中学 is always one thing
_KIND_HEADS = ("项目", "工程", "处理厂", "水厂")
# a quantity that measures a facility, not part of its name ("1.3万亩雄清片林")
_QUANTITY = re.compile(r"^(?:[\d.]+[余多]?[万千百亿]?[余多]?(?:亩|平方公里|公里|千米|平方米|平米|米|座|处|条)"
                       r"|[一两二三四五六七八九十几]+(?:座|处|条|个|栋|幢)"  # 新建一座|年产2.5万吨密炼生产线项目
                       r"|一([\u4e00-\u9fff])\1"  # a classifier said twice, many of them: 一辆辆|工程车辆, 一座座
                       r"|(?:[\d.]+|[千百十])亿元?级)")  # its size class: 百亿级|比亚迪动力电池项目
_SPEC = re.compile(r"\d|[A-Za-zＡ-Ｚａ-ｚ]|[一二三四五六七八九十两百千万][万千百]?[余多]?(?:亩|吨|只|头|千瓦|兆瓦|平方米|床|套|台)"
                   r"|[一二三四五六七八九十]期$|第[一二三四五六七八九十]+$")  # a phase or an ordinal is of one project
# (智慧城市一期项目, 城区第二污水处理厂)
_QUOTED_PROJECT = re.compile(r"[“「]([\u4e00-\u9fff]{4,30}项目)[”」]")
_QUOTED_THEN_WORKS = re.compile(r"[“「]([\u4e00-\u9fff]{2,12})[”」]"
                                r"((?:(?!项目|工程)[\u4e00-\u9fff]){1,6}(?:项目|工程))(?![园区师部])")
"""A quoted name and the works it is right after the quote (“静观田园”综合体项目): the project, named by both."""
_COUNTED_END = re.compile(r"等(?:\d+(?:\.\d+)?|[一二三四五六七八九十两几多]+)(?:[条个项座所处家批]|公里|千米|万?亩)")
_PHASES_OF = re.compile(r"分为?[二三四五六七八九十两]期$")
_DESCRIBED = re.compile(r"(?:最大|最长|最高|最早|首个|唯一|第一)[\u4e00-\u9fff]{0,4}?项目")
_FIRST_OF_KIND = re.compile(r"(?:我国|全国|全省|全市|全县|全区|国内|省内|市内|县内|区内|我省|我市|我县|我区)?首[条个家座台批]")
"""建成我国首条规模化民用航空轮胎生产线: the first of a kind, described, not named; but a sum's works is one
(投资2500万元建成了我省首家|出口蘑菇罐头生产项目: the qualifier no part of its name)."""


def _first_of_kind(name: str) -> int:
    """Length of the first-of-its-kind qualifier ``name`` opens with (我省首家|出口…项目), 0 when none."""
    m = _FIRST_OF_KIND.match(name)
    return m.end() if m else 0
_JOINED_KIND = re.compile(r"[与和及](?:重大|重点|民生|产业)$")
"""把培养引进人才与|重大项目建设…结合: a kind of project joined to what comes before it, no name."""
_ORDINAL_END = re.compile(r"第[一二三四五六七八九十]+$")
RARE_WORD_FREQ = 30
"""A word jieba counts less often than this (or not at all) may be a proper name (乾旻, 撒莲, 唐河)."""


class _Named(NamedTuple):
    """What the document has named before its projects: the offsets of its regions, parks and enterprises, and
    its enterprises' trade names (中化 of 中化蓝天), which make a name specific wherever they stand in it."""

    spans: list[tuple[int, int]]
    brands: frozenset[str]


def _named(ctx: Context, lex: Lexicon) -> _Named:
    is_place = gazetteer(ctx.resources).names_division
    brands = set()
    for m in ctx.mentions:
        if m.ref.type == "Enterprise":
            first = next(iter(lex.tokenizer.cut(m.label, HMM=False)), "")
            if len(first) >= 2 and lex.tokenizer.FREQ.get(first, 0) < COMMON_WORD_FREQ and not is_place(first):
                brands.add(first)
    return _Named([(m.start, m.end) for m in ctx.mentions if m.ref.type in {"Region", "Park", "Enterprise"}],
                  frozenset(brands))


def _specific(ctx: Context, lex: Lexicon, sent, a: int, b: int, heads: re.Pattern[str], named: _Named) -> bool:
    """True when the body of ``sent.text[a:b]`` has something that names one thing.

    A number or quantity (1250m³, 千亩), a phase (一期), a company building it right before it, a region,
    park or enterprise found earlier, the trade name of an enterprise the document names (中国中化氟材料项目 where
    中化蓝天 is found), a rare word (a proper name jieba does not know), or a long,
    descriptive body (ten characters or more).
    """
    name = sent.text[a:b]
    head = _last_head(heads, name)
    body = name[:head] if head is not None else name
    spec = _SPEC.search(body) and not _unnamed_phase(body)  # (污水处理厂|三期|工程: the place's one plant)
    if spec or len(body) >= 10 or own_facility(lex, body) or _OWNED_BY.search(sent.text, 0, a):
        return True
    lo, hi = sent.start + a, sent.start + a + len(body)
    if any(s < hi and lo < e for s, e in named.spans):
        return True
    generic = ctx.resources.get("project.generic", _generic_regex)
    gaz = gazetteer(ctx.resources)
    return any(len(tok) >= 2 and ((gaz.names_division(tok) and not (tok in gaz.by_name and generic.fullmatch(tok)))
                                  or tok in named.brands or (_is_rare(lex, tok) and not generic.match(tok)))
               for tok in lex.tokenizer.cut(body, HMM=True))  # (城区, 阳泉市城区's whole name, is a town's centre)


def _unnamed_phase(name: str) -> bool:
    """Whether ``name`` is a phase of a works or facility that only its kind names (污水处理厂|三期): the place's one
    plant of its kind, which no name names; not 城北污水处理厂三期."""
    kind = name[:-2]
    return bool(_PHASE_ONLY.match(name, len(name) - 2)) and any(
        h.start() == 0 and h.end() == len(kind)
        for file in ("project_heads.txt", "project_facility_heads.txt") for h in head_regex(file).finditer(kind))


def _verb_like(tags) -> bool:
    """Whether words tagged ``tags`` open with a verb or adverb, or with a preposition and where (按|下)."""
    return tags[0][1] in ("v", "d") or (tags[0][1] == "p" and len(tags) > 1 and tags[1][1] == "f")


_OWNED_BY = re.compile(r"(?:公司|集团)(?:投资)?(?:投建|新建|兴建|建设)$")
"""A company building the work right before its name (…科技有限公司投建|智慧装备制造项目): the company's one."""
_LEVELS = frozenset("区县市镇乡旗州")


def own_facility(lex: Lexicon, body: str) -> bool:
    """True when ``body`` starts with a level of government standing as a word of its own: the facility is
    that government's one (区公共图书馆, 县人民医院, 区养老综合服务中心), not a kind of facility
    (养老综合服务中心, 乡镇卫生院, 市场, 县城).

    >>> from govkg.extractors.phrase import load_lexicon
    >>> lex = load_lexicon()
    >>> [own_facility(lex, b) for b in ("区公共", "区养老综合", "养老综合", "乡镇", "县城", "区块链")]
    [True, True, False, False, False, False]
    """
    first = next(iter(lex.tokenizer.cut(body, HMM=False)), "")
    return first in _LEVELS and len(body) > 1


def _is_rare(lex: Lexicon, tok: str) -> bool:
    """True when jieba's dictionary lacks ``tok`` or counts it rarely: it may be a proper name (乾旻, 老蛮)."""
    return lex.tokenizer.FREQ.get(tok, 0) < RARE_WORD_FREQ


def _only_a_place(ctx: Context, body: str) -> bool:
    """``body`` is a division's full name (正阳县) or short one (海陵, of 海陵区), or one followed only by generic
    words (黑龙江省|产业).

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> [_only_a_place(C, b) for b in ("正阳县", "黑龙江省产业", "正阳县肉食品加工", "龙王", "海陵", "天津市东丽区招商引资")]
    [True, True, False, False, True, True]
    """
    gaz = gazetteer(ctx.resources)
    n = gaz.division_prefix(body)
    n += gaz.division_prefix(body[n:]) if n else 0  # 天津市|东丽区|招商引资: a city and its district
    return (n > 0 and (n == len(body) or _generic_body(ctx, body[n:]))) or body in gaz.by_short


_CAMPAIGN_COUNT = re.compile(r"等(?:\d{1,2}|[两二三四五六七八九十]{1,2})大(?:(?!项目)[\u4e00-\u9fff]){0,6}?(?:工程|行动|计划|举措)")
"""A list closed by a count with 大 and a campaign's word (…等6大工程, 等十大重点节能工程): a numbered campaign's
parts; not its projects (…等十大技术攻关项目)."""
_UNITS_FIRST = re.compile(r"[\d.]+[万千百亿]?(?:套|户|千瓦|兆瓦|吨|辆|台)")
"""A number of units or a capacity a name opens with, no year before it (582套, 690万千瓦; not 年产12万吨)."""


def _leading_quantity(name: str) -> int:
    m = _QUANTITY.match(name)
    return m.end() if m and m.end() < len(name) - 1 else 0


# a preposition that opens a clause is not the first character of a name ("对立中百亿工业园")
_PREPOSITIONS = "对把在被给即从"
_FOR_AS = re.compile(r"[^，。；：,;:]{0,10}?为")
"""What closes 以…为… after a list's end (以A、B等大项目为支撑)."""


def _leading_preposition(text: str, a: int, close: int | None = None) -> int:
    """1 when ``text[a]`` is a preposition opening a clause, or 和 / 及 right after a bracket that closed the name
    before ((即保庄圩工程)和|行蓄洪区居民迁建工程): the word joins, it names nothing; or the 以 of 以…为… where the
    list the item opens ends at ``close`` (以|金瑞祥、双强等大项目为支撑)."""
    at_clause_start = a == 0 or text[a - 1] in STOP_CHARS
    after_bracket = a > 0 and text[a - 1] in "）)" and text[a:a + 1] in ("和", "及")
    besides = at_clause_start and _BESIDES.match(text, a) is not None  # 除|官井头村…项目外: besides it
    led = at_clause_start and close is not None and text.startswith("以", a) and _FOR_AS.match(text, close) is not None
    preposition = at_clause_start and a < len(text) and text[a] in _PREPOSITIONS
    return 1 if preposition or after_bracket or besides or led else 0


_COUNT_OF_PROJECTS = re.compile(r"(?:\d+|[一二三四五六七八九十两几多]+)[个项批](?:重点|重大|产业|民生)*(?:项目|工程)$")
_NO_WORKS_END = re.compile(r"(?:副中心|国家公园)$")
_BESIDES = re.compile(r"除[^，。；：,;:除]{2,40}?(?:项目|工程)外")


_COMPANY_HEAD = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|公司|集团)")
_COMPANY_END = re.compile(_COMPANY_HEAD.pattern + "$")  # a name that ends as a company's is no project's
_GOVERNMENT_AND = re.compile(r"(?:人民政府|政府|管委会|管理委员会)(?:与|和|同)")


def _after_company(text: str, a: int, b: int) -> int:
    """Where a project whose name was cut short inside its company's full name starts: past the company's head
    (包头中远防务|材料有限公司年产1万吨…特种材料项目 -> 年产1万吨…项目), when four characters or more are left;
    else ``a`` (a name that starts where its clause does keeps its company: 义县国大乳业有限公司乳品深加工项目).

    >>> s = "包头中远防务材料有限公司年产1万吨超高分子量聚乙烯薄膜特种材料项目"
    >>> s[_after_company(s, 6, len(s)):], _after_company(s, 0, len(s)), _after_company("推进京棉公司搬迁项目", 2, 10)
    ('年产1万吨超高分子量聚乙烯薄膜特种材料项目', 0, 2)
    >>> s = "准兴新能源投资有限公司一期五万千瓦风光同场光伏发电项目"
    >>> s[_after_company(s, s.index("有"), len(s)):]
    '一期五万千瓦风光同场光伏发电项目'

    A government that signs with the company is no part of the name either (青冈县人民政府与|北京京粮…有限公司|L乳酸
    生产加工项目).
    """
    parties = [m.end() for m in _GOVERNMENT_AND.finditer(text, a, b)]
    if parties and b - parties[-1] >= 4:
        a = parties[-1]
    head = _COMPANY_HEAD.match(text, a)
    if head and b - head.end() >= 4:
        return head.end()  # 准兴新能源投资|有限公司一期…项目: a company's head left where a verb-like word cut its name
    if a == 0 or text[a - 1] in STOP_CHARS or b - a < NAME_REACH:
        return a  # the name starts where its clause or a word does, or is shorter than the longest name
    after = text.rfind("公司", a, b) + 2
    return after if after > 1 and b - after >= 4 else a


def _after_builder(ctx: Context, sent: Sentence, a: int, b: int, company_ends: dict[int, list[int]]) -> int:
    """Where works whose name opens with the company that builds them start: at the county's name after the company
    (中铁四局|浦北县马江河县城段水环境治理一期工程), when the works keep a name of their own; else ``a``.
    ``company_ends``: the start of each company's name in the document -> the ends of the names from there."""
    for end in company_ends.get(sent.start + a, ()):
        if end < sent.start + b:
            place = gazetteer(ctx.resources).division_prefix(sent.text[end - sent.start:b])
            if place and b - (end - sent.start) - place >= _AFTER_PARK_MIN:
                return end - sent.start
    return a


_PROJECT_STAFF = ("经理", "负责人", "总监", "总工", "书记", "部", "办公室", "团队", "人员")
"""What 项目 opens after works' names (…一期工程项目经理, …工程项目部): the people and offices of the project."""
_AFTER_PARK_MIN = 6
"""What must follow a park at the front of a project's name for the park to be where it lies, not its name."""


def _after_park(ctx: Context, lex: Lexicon, heads: re.Pattern[str], sent: Sentence, a: int, b: int) -> int:
    """Where a project whose name opens with a park starts: past the park when a company's project follows
    (交城经济开发区|华庆新材料科技有限公司年产6000吨…项目, 庞佐…产业园区|京阳公司新型线缆项目: the park is where it
    lies); else ``a`` (通天河产业园路网二期工程, 文化产业园雨污管道项目 are the park's own works)."""
    mentions = ctx.mentions_in(sent.index)
    for m in mentions:
        end = m.end - sent.start
        if (m.type == "Park" and m.start - sent.start == a and b - end >= _AFTER_PARK_MIN
                and ("公司" in sent.text[end:b] or any(o.type == "Enterprise" and o.start == m.end for o in mentions))
                and not _rejected(ctx, lex, heads, sent.text, end, b)):
            return end
    return a


def _rejected(ctx: Context, lex: Lexicon, heads: re.Pattern[str], text: str, a: int, b: int,
              item: bool = False) -> bool:
    """True when ``text[a:b]`` (a name ending in a head) is not a specific project. A sentence that is nothing but
    the name is a heading, unless it is an ``item`` of a list split at semicolons.

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> lex, heads = lexicon(C), head_regex("project_heads.txt")
    >>> s = "完成2个美丽宜居乡村建设项目，建成卧龙湖大桥，推动深远海风电等重大项目建设。"
    >>> _rejected(C, lex, heads, s, 4, 14), _rejected(C, lex, heads, s, 17, 22), _rejected(C, lex, heads, s, 25, 35)
    (True, False, True)
    """
    name = text[a:b]
    head = _last_head(heads, name)
    body = name[:head] if head is not None else name
    if not body or (is_common_word(lex, body) and not gazetteer(ctx.resources).names_division(body)
                    and not (_ORDINAL_END.fullmatch(body) and name[len(body):] not in ("项目", "工程"))) \
            or is_common_word(lex, name):
        return True  # 交通|工程 is a kind; 保定|南站 is a place's; 第二|污水处理厂 is one of the kind
    if _NO_WORKS_END.search(name):
        return True  # 曲靖省域副中心, 三江源国家公园: a city's role, a protected area; no works
    counted = _UNITS_FIRST.match(body)
    if counted and (len(body) - counted.end() <= 3 or _generic_body(ctx, body[counted.end():])):
        return True  # 582套|棚改项目, 690万千瓦|火电项目: how much of a kind of few words, no works named
    if body.endswith("类") or _COUNT_OF_PROJECTS.search(name):
        return True  # 央企类|项目, 科技创新类|项目: a class of projects; 东莞凤岗四个重点项目: a count of them
    if _generic_body(ctx, body) and not own_facility(lex, body) and not _ORDINAL_END.search(body):
        return True
    if name[len(body):] in ("项目", "工程") and _only_a_place(ctx, body):
        return True  # 正阳县项目, 黑龙江省产业项目: a region's projects, no one project
    if len(body) == 2 and name[2:] == "项目" and _verb_like(lex.tokenizer.tags(body)):
        return True  # 争跑|项目资金, 抓早|项目谋划, 大上|项目, 按下|项目建设…“快进键”: a verb or adverb and its
        # object, no owner's project (同福|项目 is a brand's)
    if "等" in body and any(w == "等" or (w.endswith("等") and lex.tokenizer.FREQ.get(w, 0) < RARE_WORD_FREQ)
                           for w in lex.tokenizer.cut(body, HMM=False)) or _COUNTED_END.search(body):
        return True  # 深远海风电等重大项目, 美恒等光伏发电项目 (jieba cuts 电等, 恒等), 沙久等11条国省干线公路 (久等):
        # a list's end, not a name
    if not _head_is_word(lex, text, a + (head or 0), b):
        return True
    if _PHASES_OF.search(name) or _unnamed_phase(name):
        return True  # 经济合作区B区|分三期建设: how a project is built in phases, no phase of one; 污水处理厂|三期: a phase
        # of the place's one plant, which no name names
    if _FIRST_OF_KIND.match(name) or _JOINED_KIND.search(body):
        return True  # 我国首条…生产线, 培养引进人才与|重大项目: a kind described, or joined to another thing
    if _COUNT_BEFORE.search(text[max(0, a - 4):a]) or _COUNT_AFTER.match(text[b:b + 6]) or _COUNT_IN.search(body):
        return True
    if (a > 0 and text[a - 1] in "（(") or _continues(text, b) or text[b:b + 1] in ("镇", "乡", "村") \
            or text.startswith("片区", b):
        return True  # a qualifier in brackets (米易段), the head of a longer name (老蛮桥|水库) or a place (崔家桥|镇,
        # 照旺台小学|片区)
    if _BESIDE.match(text, b) and not name.endswith(("项目", "工程")):
        return True  # 在沙坡头区迎闫公路|西侧的腾格里沙漠边缘: where something is, by the works beside it
    if _OFFICIAL_AFTER.match(text, b) and not name.endswith(("项目", "工程")):
        return True  # 燕崖镇农业农村综合服务中心|主任刘斌介绍: an institution that someone heads, no works
    if _BECOMES.search(text, max(0, a - 3), a) and not name.endswith(("项目", "工程")):
        return True  # 打造成为|大湾区西翼制造中心, 揭牌成立了|…招商服务中心: what a place is to become, a body set up
    opened, closed = a > 0 and text[a - 1] in _OPEN_QUOTES, b < len(text) and text[b] in _CLOSE_QUOTES
    quoted = (opened or closed) and not (opened and closed and name.endswith("项目") and "、" not in name)
    # a whole quote that ends in 项目 names one (实施“浑善达克沙地综合治理产业发展项目”); a quoted 工程 is a programme
    heading = not item and not text[:a].strip() and text[b:].strip() in {"", "。", "；", "：", ".", ";", ":"}
    return quoted or heading


_BESIDE = re.compile(r"[东南西北]侧|两侧|沿线|附近|周边|一侧")
_BECOMES = re.compile(r"(?:成为|打造成|建设成|定位为|成立了?|组建了?)$")
_OFFICIAL_AFTER = re.compile(r"(?:党委|党支部|党组)?(?:副|常务副)?(?:主任|书记|站长|院长|校长|馆长|所长|园长|负责人|总经理|经理"
                             r"|董事长|理事长|局长|部长|处长|科长)")
"""A title of the person who heads an institution, right after its name."""


def _continues(text: str, b: int) -> bool:
    """True when another head noun follows ``text[:b]``, so the name goes on (宋渡大桥|西延线), or a park's head
    (RCEP示范项目|集聚区: a park's name), or a sector's word (江宁区轨道交通|产业链: the sector, no works)."""
    rest = text[b:b + 6]
    return any(head_regex(name).match(rest) for name in ("project_heads.txt", "project_facility_heads.txt")) \
        and not rest.startswith(("项目", "工程")) or bool(head_regex("park_heads.txt").match(rest)) \
        or rest.startswith(("产业", "行业"))


def _generic_regex() -> re.Pattern[str]:
    alts = sorted(set(words("generic_modifiers.txt")) | set(words("project_generic.txt")), key=lambda w: (-len(w), w))
    return re.compile(rf"^(?:{'|'.join(map(re.escape, alts))}|[\d.]+|[一二三四五六七八九十百千万亿两]+"
                      r"|[个家户项批座条所处类的和及与、])*$")


def _generic_body(ctx: Context, body: str) -> bool:
    """A body made only of generic words, kinds of projects and numbers (民生, 文旅, 产业类)."""
    return is_generic(ctx, body) or bool(ctx.resources.get("project.generic", _generic_regex).match(body))


def _head_is_word(lex: Lexicon, text: str, head_start: int, end: int) -> bool:
    """False when the head is only part of a word of the sentence (中小学, 渠道, 网站).

    A word made of a modifier or another works head and this head is two heads
    (建设|项目, 二期|工程). A word that runs on past the head with a verb of building is the head and
    that verb (工程|建设).
    """
    works = head_regex("project_heads.txt")
    for lo, tok in lex.tokenizer.cut_around(text, head_start, end, HMM=True):  # the words of cut(text) there
        pos = lo + len(tok)
        if lo < end < pos and tok[end - lo:] not in _build_verbs() and text[end] != "的":
            return False  # 渠|道; but 工程|建设 is the head, then what is done to it, and 项|目的 is jieba's slip
        lead = tok[:head_start - lo]
        if (lo < head_start < pos and pos <= end and lex.tokenizer.FREQ.get(tok, 0) > 0
                and not (pos == end and tok.endswith(("项目", "工程")))  # 生产项目, 试点工程: a kind of works
                and lead not in lex.modifiers and not works.fullmatch(lead)):
            return False
        if pos >= end:
            break
    return True


@lru_cache(maxsize=1)
def _build_verbs() -> frozenset[str]:
    return frozenset(words("project_build_verbs.txt"))


def _being_built(ctx: Context, text: str, a: int, b: int) -> bool:
    """True when the clause around ``text[a:b]`` has a word for building or opening."""
    lo, hi = a, b
    while lo > 0 and text[lo - 1] not in "，。；！？,;!?":
        lo -= 1
    while hi < len(text) and text[hi] not in "，。；！？,;!?":
        hi += 1
    clause = text[lo:a] + "\0" + text[b:hi]
    return any(v in clause for v in _build_verbs())


def _joined_start(text: str, a: int, lex: Lexicon, works: re.Pattern[str]) -> int:
    """Move the start of a name left across 至/及/与 when a name stands on the other side.

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> s = "协同做好自贡至永川高速公路建设"
    >>> s[_joined_start(s, s.index("永川"), lexicon(C), head_regex("project_heads.txt")):s.index("建设")]
    '自贡至永川高速公路'
    >>> s = "西三环南延以及东三环连接线"
    >>> _joined_start(s, s.index("东"), lexicon(C), head_regex("project_heads.txt")) == s.index("东")
    True
    """
    while a > 1 and text[a - 1] in _JOINERS and text[a - 2:a] != "以及":  # 以及 joins two phrases, not one name
        lo = left_edge(text, a - 1, lex)
        left = text[lo:a - 1]
        if (len(left) < 2 or works.search(left[-2:]) or _NAME_END.search(left) or _COUNT_BEFORE.search(left)
                or re.search(r"\d+[个项家]", left)):
            break
        a = lo
    return a


# power or gas sent from one place to another: 疆电入渝, 陇电入鲁, 川气入渝（重庆段）
_TRANSFER = re.compile(r"([\u4e00-\u9fff])[电气]入([\u4e00-\u9fff])(?:[（(][\u4e00-\u9fff]{2,8}段[）)])?")


def _transfers(ctx: Context, text: str) -> Iterator[tuple[int, int]]:
    """Spans of works named by what they send and its two ends (疆电入渝, 陇电入鲁工程甘肃段 is found by its head),
    when both ends are places (a province's abbreviation or a prefecture's first character: not 弱电入地) and
    the clause builds them.

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> s = "推进蒙电入沪、疆电入湘建设，实施强弱电入地，缅气入攀（米易段）即将建成通气"
    >>> [s[a:b] for a, b in _transfers(C, s)]
    ['蒙电入沪', '疆电入湘']
    """
    initials = place_initials(ctx)
    for m in _TRANSFER.finditer(text):
        if m.group(1) in initials and m.group(2) in initials and _being_built(ctx, text, m.start(), m.end()):
            yield m.start(), m.end()


# after a road code, a side of the road (107国道以西…两岸) or its opening (331国道全线贯通) is no part of a name
_ROAD_STOPS = frozenset({"以东", "以西", "以南", "以北", "两侧", "沿线", "贯通", "全线贯通"})
_WHEN = re.compile(r"[一二三四]季度|年底|年内|上半年|下半年|[一二三四五六七八九十]年|\d")  # S465…段|三季度前开工


def _road_codes(text: str, lex: Lexicon) -> Iterator[tuple[int, int]]:
    """Spans of road codes with the rest of their name: 国道348锦城跨线桥, S465改扩建, 省道213仙市段.

    >>> from govkg.extractors.phrase import load_lexicon
    >>> lex = load_lexicon()
    >>> s = ("加快米会高速、G227改建改线、S465青皮村至坪山村段建设，启动国道348锦城跨线桥建设，完成107国道北段提升改造，"
    ...      "331国道全线贯通，107国道以西土地流转，新325国道八年来无法贯通，S465新山村至官鼎段三季度前开工建设")
    >>> [s[a:b] for a, b in _road_codes(s, lex)]
    ['G227改建改线', 'S465青皮村至坪山村段', '国道348锦城跨线桥', '107国道北段提升改造', 'S465新山村至官鼎段']
    """
    for m in _ROAD_CODE.finditer(text):
        end = m.end()
        hi = end
        while hi < len(text) and text[hi] not in STOP_CHARS and hi - end < 20:
            hi += 1
        stop = end
        pos = end
        verbs = _build_verbs()
        for tok in lex.tokenizer.cut(text[end:hi], HMM=True):
            if ((tok in lex.boundary or tok in verbs) and tok not in lex.modifiers and tok not in _JOINERS
                    or tok in _ROAD_STOPS or _WHEN.match(tok)):
                break
            pos += len(tok)
            if tok not in _JOINERS:
                stop = pos
        heads = [h.end() for h in head_regex("project_heads.txt").finditer(text, end, stop)]
        after = text[heads[-1]:stop] if heads else ""
        if after and (any(after.startswith(v) for v in verbs)
                      or not (_works_word(after) or _PLACE_END.search(after) or _PHASE_ONLY.fullmatch(after))):
            stop = heads[-1]  # 改建工程|完工后, …连接线项目|进展顺利
        while text[end:stop].endswith("建设") and stop - 2 > end:
            stop -= 2
        rest = text[end:stop]
        # the rest names the works: a head, a stretch or a structure (仙市段, 锦城跨线桥), or what is done (改线)
        if len(rest) >= 2 and (head_regex("project_heads.txt").search(rest) or _PLACE_END.search(rest)
                               or _works_word(rest) or rest.endswith(("改线", "拓宽", "绕城", "大修")) or "至" in rest):
            yield m.start(), stop


# a sum, then 的 or a verb of building, then what the sum went into
_INVESTED_GAP = re.compile(r"\s*(?:的|(?:用于|完成|建设|建成|实施|新建|改造|启动|推进|续建|打造)了?的?)?\s*")  # …建设的|生态黑枸杞…
_BOUND_AFTER = re.compile(r"\s*(?:以上|以下|左右|及以上)")
# a measure of the works or a count of its parts ("1.6公里", "3条"): the name starts after it
_MEASURE = re.compile(r"[\d.]+[余多]?[万千百]?[余多]?(?:公里|千米|平方米|平方公里|米|亩|条|座|所|个|处|家|户|套|台|间|栋|张)")
_ENDS_IN_QUANTITY = re.compile(r"\d[\d.]*[万千百]?[\u4e00-\u9fff]{0,2}$")  # 电动公交车80辆, 校舍1.27万平米
_COUNTED_AFTER = re.compile(r"\s*\d+\s*[套个座所处条栋间户家台辆]")  # 保障性住房 1128 套: a number of a kind
_COUNT_UNIT = re.compile(r"[条座所个处家户套台间栋张]$")
# words after the works that end its name: a stage (通车, 验收 …), an adverb of how it went, a joiner
_AFTER_WORKS = frozenset("顺利 正式 全面 已 已经 主体 基本 即将 正在 等 为 和 及 并 将 于 年内 年底 当年 全部 成功 如期 提前".split())
_INVESTED_MAX = 24


_SUPERLATIVE = re.compile(r"最[大小长高多强优好]$")


def _invested(ctx: Context, text: str, lex: Lexicon) -> Iterator[tuple[int, int]]:
    """Spans of what a sum was invested in: "投资3000万元的土壤污染治理与修复国家试点工程验收" gives
    the works between the sum and the stage word.

    A measure or count before the works is not part of its name ("1.6公里老旧供水管网改造",
    "教育园区内3条高压线路迁改" name 老旧供水管网改造 and 高压线路迁改); a count of facilities is
    a kind, not one project ("投资1400万元的6所中小学校"), unless the name ends in a word for works
    (改造, 迁改: one work on several things).

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> s = "投资400万元完成1.6公里老旧供水管网改造，投资2599万元的海—宝农村公路通车，投资1400万元的6所中小学校"
    >>> [s[a:b] for a, b in _invested(C, s, lexicon(C))]
    ['老旧供水管网改造', '海—宝农村公路']
    """
    plain = half_width(text)
    stages = stage_table(ctx.resources)
    for money in invested_sums(plain):
        if _BOUND_AFTER.match(plain, money.end) \
                or _PROJECTS_COUNTED.search(plain, max(0, money.start - 14), money.start):
            continue  # 总投资500亿元以上的…项目: a class of projects by size; 共计537个、总投资8864亿元的…: a count's sum
        start = _INVESTED_GAP.match(plain, money.end).end()
        hi = start
        while hi < len(plain) and hi - start < _INVESTED_MAX and (plain[hi] not in STOP_CHARS or joins(plain, hi)):
            hi += 1
        end = _works_end(lex, stages, plain, start, hi)
        if end == hi and hi < len(plain) and plain[hi] not in STOP_CHARS:
            continue  # ran past the longest name: a clause, not a name
        measures = list(_MEASURE.finditer(plain, start, end))
        if measures:
            last = measures[-1]
            if _COUNT_UNIT.search(last.group()) and not _works_word(plain[start:end]):
                continue
            start = last.end()
        while plain[start:end].endswith("建设") and end - 2 - start >= 4:
            end -= 2
        start += governing_lead(lex, plain[start:end], end - start, gazetteer(ctx.resources).names_place, min_body=4)
        start += _first_of_kind(plain[start:end])
        start += _leading_quantity(plain[start:end])
        name = plain[start:end]
        if (len(name) < 4 or _generic_body(ctx, name) or is_common_word(lex, name) or _COUNT_IN.search(name)
                or re.match(r"[\d.]", name) or _ENDS_IN_QUANTITY.search(name) or _COUNTED_AFTER.match(plain, end)
                or _SUPERLATIVE.search(name) or is_develop(ctx, next(iter(lex.tokenizer.cut(name)), ""))
                or _unnamed_phase(name)):
            continue  # …, or a superlative (打造西北地区最大，年产5万吨的…基地: what it will be, not its name); or a
            # developing verb's object (投资14.15亿元|大力发展光伏产业: a sector the sum goes to, no works); or a
            # phase of a plant no name names (投资5.2亿元的|污水处理厂三期)
        yield start, end


_YEARS_OUTPUT = re.compile(r"年(?:产|加工|处理|生产|出栏|屠宰)")  # a capacity a year opens a name (年产30万吨…)
_PROJECTS_COUNTED = re.compile(r"(?:\d+|[一二三四五六七八九十百千两几多]+)[个项][、，,]?(?:计划)?(?:总投资|投资)[约近超逾达]?$")


_DATE = re.compile(r"\d{1,4}\s*[年月日号]|[年月]底|年内|上半年|下半年")
# tags of words that end a works name once it has begun: adverbs (正, 已), pronouns (我省), particles (了),
# time words (月底), idioms (初具规模)
_END_TAGS = frozenset({"d", "ad", "r", "ul", "uj", "uz", "ug", "t", "l", "i"})
_NAME_TIMES = frozenset("现代 当代 近代 古代".split())  # time words of names (齐河东盟|现代生态旅游城), no dates
_WORKS_VERBS = frozenset("改造 建设 提升 整治 治理 修复 迁改 改扩建 扩建 改建 新建 迁建 翻修 修缮 升级 加固 维修 硬化 绿化 "
                         "亮化 美化 疏浚 清淤 巩固 配置 安装 铺设 搬迁 安置 改线 拓宽".split())


def _works_end(lex: Lexicon, stages: StageTable, text: str, start: int, hi: int) -> int:
    """Where the works named from ``start`` end: before a stage (通车, 验收), a date, an adverb or a verb
    that is not a kind of works (取得, 刷新); right after the last works head when there is one
    (区医院新院区项目一期|完成前期手续, 长城汽车项目|进展顺利).

    >>> from govkg.extractors.phrase import load_lexicon
    >>> from govkg.extractors.base import Resources
    >>> lex, stages = load_lexicon(), stage_table(Resources())
    >>> [s[:_works_end(lex, stages, s, 0, len(s))] for s in ("土壤污染治理与修复国家试点工程验收", "县城东部道路翻修",
    ...                                                    "长城汽车项目进展", "标准化科创园6月底前", "兰花小镇初具规模")]
    ['土壤污染治理与修复国家试点工程', '县城东部道路翻修', '长城汽车项目', '标准化科创园', '兰花小镇']
    >>> [s[:_works_end(lex, stages, s, 0, len(s) - 1)] for s in ("第三水厂具备供水条件，", "康恩菲尔德油脂制造、")]
    ['第三水厂', '康恩菲尔德油脂制造']
    """
    end = start
    verb = None  # where the first verb that is no kind of works stands (具备, 取得, 进行)
    cues = stages.cues
    strong = tuple(c for c in stages.strong if len(c) >= 2)  # a word of jieba may end in one: 工程验收
    for word, tag in lex.tokenizer.tags(text[start:hi]):
        if word in _AFTER_WORKS or (word in cues and cues[word][1]) or _DATE.match(text, end):
            break
        stage = next((c for c in strong if word.endswith(c)), None)
        if stage:  # 工程验收: the stage is the end of jieba's word
            end += len(word) - len(stage)
            break
        if end > start and tag in _END_TAGS and word not in _NAME_TIMES:
            break
        if verb is None and end > start and tag in {"v", "vn"} and word not in _WORKS_VERBS and not _works_word(word):
            verb = end
        end += len(word)
    heads = list(head_regex("project_heads.txt").finditer(text, start, end))
    if heads:
        end = heads[-1].end()
        phase = re.match(r"[（(]?[一二三四五六七八九十]期[）)]?", text[end:end + 4])
        return end + (phase.end() if phase else 0)
    if verb is not None and (end < len(text) and text[end] not in STOP_CHARS or end < hi):
        return verb  # the name, then what is said of it (第三水厂|具备供水条件); a verb at the end is the
        # works itself (大唐350兆瓦光伏发电, 油脂制造)
    return end


_JOIN = re.compile(r"[和及与]")
_LINKS = re.compile(r"互通|联通|连通|连接|贯通|衔接|对接|联络")
_PHASE_JOINED = re.compile(r"[一二三四五六七八九十]期[和及与](?=[\u4e00-\u9fff]{2})")


def _two_works(ctx: Context, lex: Lexicon, sent, a: int, b: int, named: _Named) -> list[tuple[int, int]]:
    """The two names of ``sent.text[a:b]`` when it is two works joined by 和, 及 or 与, each ending in a head and
    each a specific name of its own (丙谷镇中心幼儿园及特殊教育学校), or a first closed by its phase that is no name
    alone, left out (六小一期及定兴中学体育馆: 定兴中学体育馆), or two plants named
    by their sizes (胜利煤焦240万吨坑口洗煤和昌泰200万吨洗煤厂项目); else nothing:
    东平湖与小清河联通工程 and 湿地保护与修复工程 are one work, and so is a name whose second part is no name
    alone (位山灌区续建配套与现代化改造项目) or joins the two (马坊桥与旭宁街互通改造工程)."""
    text = sent.text
    for m in _JOIN.finditer(text, a + 2, b - 2):
        k = m.start()
        if _LINKS.search(text, k + 1, b):
            return []  # 马坊桥与旭宁街互通改造工程, 经二街与同兴路联通工程: the work joins the two
        parts = ((a, k), (k + 1, b))
        headed = [(c, d, heads) for c, d in parts if (heads := _ending_heads(text[c:d])) is not None]
        named_ok = [(c, d) for c, d, heads in headed if not _rejected(ctx, lex, heads, text, c, d)
                    and _specific(ctx, lex, sent, c, d, heads, named)]
        if len(named_ok) == 2 or (len(headed) == 2 and (k + 1, b) in named_ok and _PHASE_ONLY.search(text, k - 2, k)):
            return named_ok  # both works; a first that ends in its phase is one, left out when it is no name alone
            # (六小一期: a count opens it)
        if all(_CAPACITY.search(text, c, d) for c, d in parts) and _ending_heads(text[k + 1:b]) is not None \
                and not _OWNERLESS_SIZE.match(text, k + 1):
            # 胜利煤焦240万吨坑口洗煤和昌泰200万吨洗煤厂项目: two plants, each by its size and owner; not
            # 年产3万吨石墨精粉及年产1万吨石墨新材料深加工项目, one project's two products
            return list(parts)
    return []


_OWNERLESS_SIZE = re.compile(r"年产|年加工|年处理|\d")
_CAPACITY = re.compile(rf"\d+(?:\.\d+)?(?:{_OUTPUT_SIZE}|吨)[\u4e00-\u9fff]{{2}}")


def _ending_heads(name: str) -> re.Pattern[str] | None:
    """The head list one of whose heads ends ``name``: works heads, else facility heads; None when neither does."""
    for file in ("project_heads.txt", "project_facility_heads.txt"):
        heads = head_regex(file)
        if any(h.end() == len(name) for h in heads.finditer(name)):
            return heads
    return None


def _last_head(heads: re.Pattern[str], text: str) -> int | None:
    start = None
    for m in heads.finditer(text):
        start = m.start()
    return start


_SHORT_ITEM = 5
"""A list item this short must name something specific (景区道路, 管网 are kinds); a longer one is described enough."""


def _listed(ctx: Context, named: _Named) -> Iterator[Mention | Relation]:
    """Projects listed before 等…项目 (A、B等重点项目), or after the projects they are (…重点项目，包括A、B、C等)."""
    lex = lexicon(ctx)
    heads = head_regex("project_heads.txt")
    for sent in ctx.sentences:
        lists: dict[int, tuple[str | None, list[tuple[int, int]]]] = {}
        ends, works = set(), set()
        for m in _LIST_END.finditer(sent.text):
            ends.add(m.start())
            if any(w in _GOVERNING for w in lex.tokenizer.cut(_LIST_COUNT.sub("", m.group())[:-2])):
                continue  # 等推进项目建设…的机制: a verb after 等 opens a clause, the list is of something else
            lists[m.start()] = (_route_kind(ctx, m.group()), _closed_list_items(sent.text, m, lex))
            if WORKS_FIELD.search(m.group()):
                works.add(m.start())
        for m in _COUNT_CLOSED.finditer(sent.text):  # A、B、C三个亿元项目: a count with no 等 closes the list too
            if sent.text[m.start() - 1] in "的共计" or not _LISTED_BEFORE.search(sent.text, 0, m.start()):
                continue  # …等总投资45亿元的8个项目 (the list ends at 等), …、总部项目三类共52个项目 (a total); no list
            items = enumeration_items(sent.text, m.start(), lex)
            count = count_value(_COUNT_FIRST.match(m.group()).group())
            if count:  # …纬景储能锌铁液流电池和美瑞斯医械·智谷4个项目: the last two, as the count says
                items = counted_items(sent.text, items, count)
            if len(items) >= 2 and "等" not in sent.text[items[0][0]:m.start()]:
                lists[m.start()] = (_route_kind(ctx, m.group()), items)
        kinds = [m for m in _LIST_END.finditer(sent.text) if _KIND_COUNT.match(m.group())]
        for m in _ONE_COUNTED.finditer(sent.text) if kinds else ():
            # 包括…示范园|1个农业产业项目、陕西…基地等3个工业产业项目、…: in a list of projects by kind and count, the
            # one of a kind named before its count
            a, b = _one_item(sent.text, m.start(), lex)
            if b - a >= 4 and _ITEM_OPEN.match(sent.text, a - 1) and _ITEM_CLOSE.match(sent.text, m.end()):
                lists.setdefault(m.start(), (_route_kind(ctx, m.group()), [(a, b)]))
        for m in _KIND_LED.finditer(sent.text):
            close = _LED_CLOSE.search(sent.text, m.end())
            end = close.start() if close else len(sent.text)
            items = [(a, b) for a, b in enumeration_items(sent.text, end, lex, max_items=_LED_ITEMS, max_len=40)
                     if a >= m.end()]
            if items and 0 < items[0][0] - m.end() <= _LED_TRIMMED and not m.group().endswith("有") \
                    and not _ITEM_BREAK.search(sent.text, m.end(), items[0][0]):
                items[0] = (m.end(), items[0][1])  # 分别为：凤县整县推进|分布式光伏: the list says where its item opens
            read = end in ends and len(lists.get(end, (None, []))[1]) >= 2  # the counted end read back already
            if len(items) >= 2 and items[0][0] == m.end() and not read \
                    and not _COMPANIES_COUNTED.search(sent.text, m.end(), end):  # …有A、B、C3家企业, …3个类别: no projects
                lists[end] = (None, items)  # every item from the list's opening on, each a project; also where the
                # list's end could not be read back to its opening (a long item: …改造项目拣银岩煤矿道路改造工程等11个项目)
        for m in _REPRESENTED.finditer(sent.text):  # 以A、B为代表的17个亿元以上项目: each item one of them
            items = [(p.start(), p.end()) for p in _ITEM.finditer(sent.text, m.start(1), m.end(1))]
            lists.setdefault(m.end(1), (None, items))
        for close, (kind, items) in lists.items():
            led, kind = kind is None, kind or ""
            if lists_sectors(ctx, [sent.text[a:b] for a, b in items]) \
                    or 2 * sum(bool(_KIND_OF_WORK.search(sent.text, a, b)) for a, b in items) > len(items):
                continue  # the sectors of the projects (分布式光伏发电、新能源汽车、储能电池等多个项目): the industry rules';
                # or what kinds of work they are (新绿色有机农业、可循环再利用发展、…、全域治理等项目)
            if _CAMPAIGN_COUNT.match(sent.text, close) and not any(heads.search(sent.text, a, b) for a, b in items):
                continue  # 高技术产业化示范、创新百强培育等6大工程: a campaign's parts, programmes, no works
            for a, b in items:
                a += _leading_preposition(sent.text, a, close)
                if a > 0 and _YEARS_OUTPUT.match(sent.text, a - 1):
                    a -= 1  # 年|产30万平方米…: a list's first item cut after 年, which opens a capacity
                a = _joined_start(sent.text, a, lex, heads) if sent.text[a - 1:a] == "至" else a
                a += 3 if _PHASE_JOINED.match(sent.text, a) else 0  # 配置一期、二期和|黄茅峡水库: the phase is the item before's
                parts = _two_works(ctx, lex, sent, a, b, named)
                if parts:
                    for c, d in parts:
                        yield from _project(ctx, sent.text[c:d], sent.start + c, sent.start + d, sent.index,
                                            "project.list")
                    continue
                name = sent.text[a:b]
                if (len(name) < 2 or _generic_body(ctx, name) or re.search(r"\d+[个家户项]", name)
                        or is_common_word(lex, name) or gazetteer(ctx.resources).names_place(name)
                        or (name.endswith("村") and _COUNTED_END.match(sent.text, close))):
                    continue  # …, or a place (启动蒲上镇等一批养老综合服务中心项目, 实施市头村等3个土地整理项目: the
                    # projects are in it; not 印钞石教授村等项目, a village built)
                start, end = sent.start + a, sent.start + b
                if _ROUTE.fullmatch(name):  # 冉庄至大李各庄林场、何桥西至蠡县等道路工程: each a road between two places
                    yield from _project(ctx, name + kind, start, end, sent.index, "project.list")
                    continue
                if led and len(name) >= 4:  # the list says what its items are: 总部项目，包括云学堂总部、…
                    yield from _project(ctx, name, start, end, sent.index, "project.list")
                    continue
                if len(name) <= _SHORT_ITEM and not _specific(ctx, lex, sent, a, b, heads, named):
                    continue
                if heads.search(name) or len(name) > 7 or (_works_word(name) and not _WORKS.fullmatch(name)) \
                        or _PLACE_END.search(name) \
                        or 0 < project_name_owner(ctx, name) < len(name) or _ending_heads(name) is not None:
                    # …, or a brand and what it makes (屹马|毫米波雷达, 宏鑫|精密钢管): the owner's project; or a
                    # facility the list says is a project (七天阳光酒店、…等项目7个)
                    yield from _project(ctx, name, start, end, sent.index, "project.list")
                elif is_brand_name(ctx, name) and not names_route(ctx, name):
                    if close in works:  # 加快帕孜等水利项目: works named by their place, no owner's
                        yield from _project(ctx, name + "项目", start, end, sent.index, "project.list")
                    else:
                        yield from _owned_project(name, start, end, sent.index)


_KIND_OF_WORK = re.compile(r"(?:农业|工业|产业|服务业|制造业|发展|经济)$")  # not 一仁药业, a brand
_LED_ITEMS = 30
"""The most items read of a list the sentence says is of projects (13个项目分别是A、B、…)."""
_KIND_LED = re.compile(r"(?:项目|工程|(?:开工|签约|投产|竣工)活动)(?:[，,]?(?:主要)?(?:包括|有|分别是|分别为|具体为|具体是)"
                       r"|(?:\d+|[一二三四五六七八九十两]+)[个项][，,]?(?:主要)?(?:包括|分别是|分别为|具体为|具体是))[：:]?"
                       r"|类(?:\d+|[一二三四五六七八九十两]+)项[，,]?(?:具体为|具体是|分别是|分别为|包括)[：:]?")
"""What opens a list of the projects just named (现场签约的集成电路重点项目，包括A、B、C等；总部项目，包括…; 此次集中开工
活动包括A、B等; 签约项目4个，包括A、B等; 产业转型类项目12项，具体为：…; 民生和社会事业类7项，具体为：…; not 有 after a
count: 项目14个，有色金属…)."""
_LED_CLOSE = re.compile(r"等|[；;。！？]")
_LED_TRIMMED = 8
"""How much of a led list's first item a boundary word may have cut off (凤县整县推进|分布式光伏), put back."""
_ITEM_BREAK = re.compile(r"[、，,：:“”的]")  # (分别是投资30亿元的|云鹰…项目: a measure, no name)
_COMPANIES_COUNTED = re.compile(r"(?:(?:\d+|[一二三四五六七八九十两几多]+)(?:家|个|项|类)[\u4e00-\u9fff]{0,4}|企业|公司)$")
"""What closes a list of companies or classes, not projects (…中铁置业3家企业, …团队引进3个类别9个项目); a company's
name inside an item is its project's (贵州邦源农牧科技有限公司年产24万吨饲料厂建设项目)."""

_REPRESENTED = re.compile(r"以((?:[^，。；：,;:、以]{2,30}、)+[^，。；：,;:、以]{2,30})为(?:主要)?代表的"
                         r"[^，。；：,;:]{0,16}?(?:项目|工程)")
"""A list of the projects that stand for more of them (以龙源新能源一体化循环利用、瑞东碳化硅为代表的17个亿元以上项目); one
item alone may name a kind (以科技创新为代表的一批项目)."""
_ITEM = re.compile(r"[^、]+")

_ROUTE = re.compile(r"[\u4e00-\u9fff]{2,8}至[\u4e00-\u9fff]{2,8}")
# verbs that govern 项目 after a list's 等 (等推进项目建设): what a list's end names is a kind of project, not work on it
_GOVERNING = frozenset("推进 加快 实施 启动 抓好 做好 加强 促进 推动 服务 保障 支持".split())
_LIST_COUNT = re.compile(r"^等(\d+|[一二三四五六七八九十两几多]+)?[个项批]?")  # what opens a list's end (_LIST_END)


def _closed_list_items(text: str, end: re.Match[str], lex: Lexicon) -> list[tuple[int, int]]:
    """The items of the list that ``end`` (a match of :data:`_LIST_END`) closes; where it counts them, its last
    item read at its 和 and longer items read whole when that makes the count (…高端装备制造产业园和年产2万吨碳纤维生产
    基地等4个项目: four)."""
    items = enumeration_items(text, end.start(), lex)
    numeral = _LIST_COUNT.match(end.group()).group(1)
    count = count_value(numeral) if numeral else None
    if count and len(items) != count:
        longer = counted_items(text, enumeration_items(text, end.start(), lex, max_len=30), count)
        if len(longer) == count:
            return longer
    return items


def _route_kind(ctx: Context, list_end: str) -> str:
    """The kind of works a list's end names, to go after each route of the list: 道路工程 of 等道路工程, nothing
    of 等重点项目 or 等项目 (a route is named enough by its two places)."""
    kind = _LIST_COUNT.sub("", list_end)
    body = kind[:-2]
    return kind if body and not _generic_body(ctx, body) else ""


_KIND_FIRST = re.compile(r"(?:产业|重点|重大|民生|工业|农业|基础设施)(?:项目|工程)")
"""A kind of project glued before a project's own name after 的 (贵州投资最大的产业项目|毕节磷煤化工一体化项目; not 全市重点项目|观摩…)."""
_REGISTERED = re.compile(LEGAL_FORM + r"|集团(?=\d|年产)")
"""A registered company's form, or a group's before its size (华舟铝业有限公司|年产10万吨…, 万利加集团|300万吨…)."""
_COMPANY_GOES_ON = re.compile(LEGAL_FORM + r"|公司|集团|工程局")
"""What continues a company's name past a works head (杭州三汇信息工程|有限公司, 中南土木工程|集团)."""


_PHASE_AFTER_HEAD = re.compile(r"(?<=项目|工程)[一二三四五六七八九十]期$")
"""A phase written after the works' head (比亚迪动力电池项目|一期): the name without it is the project's too."""


def _project(ctx: Context, text: str, start: int, end: int, sentence: int, rule: str,
             aliases: tuple[str, ...] = ()) -> Iterator[Mention | Relation]:
    if _COMPANY_GOES_ON.match(ctx.doc.norm, end) or _COMPANY_END.search(text) or _in_company(ctx, start, end, sentence):
        return  # the head is a word of a company's name, or the name is a company's (投资8000万元的A有限公司)
    kind = _KIND_FIRST.match(text) if ctx.doc.norm[start - 1:start] == "的" else None
    if kind and len(text) - kind.end() >= 4:  # 最大的产业项目|毕节磷煤化工一体化项目: what kind it is, then its name
        text, start = text[kind.end():], start + kind.end()
    label = normalise_label(text)
    ref = EntityRef("Project", label)
    registered = list(_REGISTERED.finditer(label))  # 深圳万利加集团|300万吨…项目: also called without its company
    if registered and len(label) - registered[-1].end() >= 4:
        aliases = tuple(dict.fromkeys((*aliases, label[registered[-1].end():])))
    within = _within_park(ctx, label)
    if within:
        aliases = tuple(dict.fromkeys((*aliases, within)))
    if _PHASE_AFTER_HEAD.search(label):  # 比亚迪动力电池项目|一期: the project, also named without its phase
        aliases = tuple(dict.fromkeys((*aliases, label[:-2])))
    yield Mention(ref, label, start, end, sentence, rule, aliases=aliases)
    owner = _owner(ctx, label)
    if owner:
        place = place_length(ctx, owner)  # 西华县|双汇年加工…: the brand, also called with the place (an alias)
        owner, placed = owner[place:], ((owner,) if place else ())
        owner_ref = EntityRef("Enterprise", owner)
        yield Mention(owner_ref, owner, start + place, start + place + len(owner), sentence, "enterprise.project_phase",
                      aliases=placed)
        yield Relation(owner_ref, "carriesOut", ref, sentence, "enterprise.project_phase")


def _in_company(ctx: Context, start: int, end: int, sentence: int) -> bool:
    """Whether ``start``–``end`` lies inside a registered company's name found before it and ends before the
    name does (沈阳华樱铁路|装备自动化有限公司: a works head among the words of the company's trade)."""
    return any(m.ref.type == "Enterprise" and m.start <= start and end < m.end and _LEGAL_NAME.search(m.label)
               for m in ctx.mentions_in(sentence))


_LEGAL_NAME = re.compile(LEGAL_FORM)
_PARK_END = re.compile(r"(?:产业园|工业园|科技园|物流园|园区|开发区|经开区|高新区|产业新城)(?!区)")
_ALIAS_BODY = 3
"""The shortest body of a project's own name after its park (咖萨克水晶|项目)."""


def _within_park(ctx: Context, label: str) -> str | None:
    """The name of a project written after the park it lies in (中捷水晶文化产业园|咖萨克水晶项目), the park a name
    of its own: the project's own name is an alias. Not when what follows the park is a phase, a size or generic
    words (某产业园|二期项目, 某产业园|基础设施项目).

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> [_within_park(C, n) for n in ("中捷水晶文化产业园咖萨克水晶项目", "金山产业园二期项目", "金山产业园基础设施项目")]
    ['咖萨克水晶项目', None, None]
    """
    parks = list(_PARK_END.finditer(label))
    if not parks or parks[-1].start() < 2:
        return None
    park = parks[-1]
    rest = label[park.end():]
    head = head_regex("project_heads.txt").search(rest)
    body = rest[:head.start()] if head else ""
    if len(body) < _ALIAS_BODY or _PHASE.match(rest) or _OUTPUT.match(rest) or re.match(r"[\d一二三四五六七八九十]", rest) \
            or _generic_body(ctx, body):
        return None
    return rest


def _owner(ctx: Context, label: str) -> str | None:
    """The brand a project is named by, before its phase (圣善|二期) or its output or size (精锐恒丰|年产300万只…,
    旭阳焦化|20万吨甲醇); None when no brand opens the name."""
    found = _PHASE.match(label) or _OUTPUT.match(label)
    if found is None:
        return None
    owner = brand_before_site(ctx, found.group(1))  # 深能|西北郊二期: the brand, not where it builds
    owner = owner[:len(owner) - _site_length(ctx, owner)]  # 华能国风|临县100MW…: nor the county it builds in
    if _PLACE_END.search(owner) or _NO_OWNER.search(owner) or not is_brand_name(ctx, owner):
        return None
    return owner


def _site_length(ctx: Context, owner: str) -> int:
    """How many characters at the end of ``owner`` name a region the document names, where a brand of two
    characters or more stands before it (华能国风|临县); else 0."""
    places = {m.label for m in ctx.mentions if m.ref.type == "Region"} | {
        ctx.doc.norm[m.start:m.end] for m in ctx.mentions if m.ref.type == "Region" and m.start >= 0}
    return next((len(p) for p in sorted(places, key=len, reverse=True)
                 if len(p) >= 2 and owner.endswith(p) and len(owner) - len(p) >= 2), 0)


# what no brand holds: a rate's period and verb (年出栏量不低于|10万头, 日生产|4万吨), a bound, a treatment (…处理|
# 4万吨), a size or kind at its end (宁晋大型|…)
_NO_OWNER = re.compile(r"[年日](?:产|生产|出栏|加工|屠宰|存栏)|不低于|不少于|达到|超过|处理|型$")


_OUTPUT = re.compile(r"^(.{2,8}?)(?:[一二三四五六七八九十]期)?(?:年(?:产|加工|处理|生产|出栏|屠宰)能?(?:\d|[一二三四五六七八九十两百千万]+[万亿]?[吨台套只件头])"
                     rf"|\d+(?:\.\d+)?(?:{_OUTPUT_SIZE}|万方|万立方米)(?:/[日年])?)")
"""A project named by its owner and its yearly output or size (精锐恒丰|年产300万只汽车传动皮带轮, 仁德新能源|1GW多晶硅
铸锭, 亿利塑业|一期|20万吨PVC深加工, 山西恒浩清洁能源|100万方/日液化气): the owner is the brand before it, as before a
phase (…一期)."""


def _owned_project(owner: str, start: int, end: int, sentence: int) -> Iterator[Mention | Relation]:
    """A short bare item of a project list names the enterprise that carries the project out
    ("信乙化工、华砂新材料等项目如期竣工"): the project is the owner's (信乙化工项目), named where the owner
    is; the enterprise extractor takes the owner (rule enterprise.project_owner)."""
    label = normalise_label(owner + "项目")
    ref = EntityRef("Project", label)
    yield Mention(ref, label, start, end, sentence, "project.owned")
    yield Relation(EntityRef("Enterprise", normalise_label(owner)), "carriesOut", ref, sentence, "project.owned")


_WORKS = re.compile(r"(?:改造|快速化|迁改|安置房|住房|建设|工程|提升|整治|设施|道路|管网|治理|修复|服务|中心|小区|搬迁|改建|新建|扩建|技改|扩能)$")


def _works_word(name: str) -> bool:
    """True when the item ends in a word for works (改造, 安置房): it names works, not a company."""
    return bool(_WORKS.search(name))
