"""Project facts: each named project's total investment and its milestones (签约, 开工, 竣工 …) by year.

Read off the clause of each Project mention (the rules of :mod:`govkg.extractors.project`
find the projects; this module only reads what their clauses say of them):

- **Investment**: a sum after 投资/总投资/计划投资 that belongs to one project:
  "投资3.3亿元的区人民医院新院区" (the sum, 的, the project), "投资400万元完成P" (the
  sum, a verb, the project) or "P总投资约100亿元" (the project, the sum, in one
  clause naming no other project). A sum next to a list or a count
  ("新开工项目12个，总投资35亿元", "A、B等12个项目总投资35亿元") is the list's, not a
  project's; so is a sum spent in a year (P完成投资5亿元).
- **Milestone**: the stage words of the clause (``data/project_stages.tsv``): a
  strong cue after the name or before it (P竣工, 建成P, 推进P前期工作), else a
  weak one (推进P建设: 在建; 启动P建设: 开工). The year and whether the stage is
  planned or reported come from :func:`govkg.extractors.timeframe.resolve`
  (a report's plan section is planned, its review reported).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from govkg.extractors.base import CLAUSE, Context, Resources, data_lines
from govkg.extractors.quantity import Money, find_bare_sums, find_money, half_width
from govkg.extractors.timeframe import LEAD_CHARS, resolve, time_word, timeline_of
from govkg.model import Investment, Mention, Milestone

PROJECT = "Project"
INVESTED_RULE = "project.invested"
"""The rule of :mod:`govkg.extractors.project` that finds a project as what a sum was invested in."""
STAGES: tuple[str, ...] = ("规划", "签约", "开工", "在建", "竣工", "投产")

INVEST = re.compile(r"(?:总投资额?|计划投资|概算投资|估算投资|总投入|投资总额|投资额|投资|耗资)(?:约|超过|超|近|逾|达到|达|为)?\s*[:：]?\s*$")
"""The words that put a sum right after them as an investment (总投资约, 投资, 计划投资; 总投资：60000万元 of a table
of projects)."""
_SPENT = re.compile(r"(?:完成|累计完成|年度|当年|今年|全年|已|实际|到位|完成年度)\s*(?:计划)?\s*(?:投资|投入)[^，,；;。]{0,4}$")
_COUNT = re.compile(r"(?:\d+|[一二三四五六七八九十百两几多]+)\s*(?:个|项|批|大)|等\s*(?:\d+|[一二三四五六七八九十百两几多]+)?\s*(?:个|项|批)?"
                    r"\s*(?:[\u4e00-\u9fff]{0,4})?(?:项目|工程)")
_OF = re.compile(r"\s*的\s*")
_BEFORE_VERB = re.compile(r"\s*(?:用于|完成|建设|建成|实施|新建|改造|启动|推进|续建|打造|开工|开工建设|实施了|推进了|完成了)\s*")
# words that hold a cue without stating a stage: 联动工程, 建成区, 运营商, 融会贯通, 粮食储备
_NOT_A_CUE = re.compile(r"[联推带互驱拉发调移波能]动工|建成区|运营商|融会贯通|储备粮|粮食储备|人才储备|技术储备")
_FUTURE = re.compile(r"将|计划|拟|力争|确保|争取|预计|年内|年底前")
_SOON = re.compile(r"即将|有望|力争|争取|计划于|预计于|拟于|将于")  # a stage still to come, even in a review


@dataclass(frozen=True, slots=True)
class StageTable:
    """Cue word -> (stage, strong); one regex of the cues, longest first; the strong cues (竣工, 通车, 签约; not
    the weak ones marked ~ in ``project_stages.tsv``), longest first."""

    cues: dict[str, tuple[str, bool]]
    pattern: re.Pattern[str]
    strong: tuple[str, ...]


def stage_table(resources: Resources) -> StageTable:
    return resources.get("project_facts.stages", _load_stages)


@lru_cache(maxsize=1)
def stage_concepts() -> dict[str, str]:
    """Stage (开工) -> the local name of its concept in the ontology (Started), in the order of the stages."""
    out = {}
    for line in data_lines("project_stages.tsv"):
        stage, concept, _ = line.split("\t")
        out[stage] = concept
    return out


def _load_stages() -> StageTable:
    cues: dict[str, tuple[str, bool]] = {}
    for line in data_lines("project_stages.tsv"):
        stage, _concept, words = line.split("\t")
        for word in words.split("|"):
            word = word.strip()
            cues[word.lstrip("~")] = (stage, not word.startswith("~"))
    longest_first = sorted(cues, key=lambda c: (-len(c), c))
    alternation = "|".join(re.escape(c) for c in longest_first)
    # 完成 of an investment or a task is no stage
    return StageTable(cues, re.compile(rf"完成(?:投资|年度|任务|目标|计划)|{alternation}"),
                      tuple(c for c in longest_first if cues[c][1]))


def invested_sums(text: str) -> Iterator[Money]:
    """The sums of ``text`` (half-width digits) that an investment word puts as an investment, in text order.

    >>> [m.amount.value for m in invested_sums("总投资约3.3亿元，实现产值5亿元，投资400万元完成改造")]
    ['330000000', '4000000']
    """
    for money in sorted(find_money(text) + find_bare_sums(text), key=lambda m: m.start):  # 总投资26亿的…项目, too
        if INVEST.search(text, max(0, money.start - 8), money.start):
            yield money


def extract_project_facts(ctx: Context) -> Iterator[Investment | Milestone]:
    """The investments and milestones of the document's Project mentions."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in ctx.mentions:
        if m.type == PROJECT and m.start >= 0 and m.sentence >= 0:
            by_sentence.setdefault(m.sentence, []).append(m)
    if not by_sentence:
        return
    stages = stage_table(ctx.resources)
    t = timeline_of(ctx)
    seen: set[tuple] = set()
    staged: set[tuple[int, int]] = set()  # (sentence, start) of the mentions their own clause gave a stage past 在建
    for m in (m for ms in by_sentence.values() for m in ms if m.definition):  # a glossary's project
        money = _defined_sum(m.definition)
        key = ("i", m.ref, money.amount) if money is not None else None
        if key is not None and key not in seen:
            seen.add(key)
            yield Investment(m.ref, money.amount, m.sentence, m.start, m.end, "project.defined_investment")
    for index in sorted(by_sentence):
        sent = ctx.sentences[index]
        text = half_width(sent.text)
        spans = sorted({(m.start - sent.start, m.end - sent.start): m for m in by_sentence[index]}.items())
        mentions = [(a, b, m) for (a, b), m in spans]
        for fact in (*_investments(text, mentions, index), *_deal_sums(text, mentions, index)):
            key = ("i", fact.project, fact.amount)
            if key not in seen:
                seen.add(key)
                yield fact
        for fact in _milestones(t, stages, text, mentions, index):
            if fact.stage != "在建":  # 投资建设P in the paragraph of a groundbreaking: the event's stage too
                staged.add((fact.sentence, fact.start))
            key = ("m", fact.project, fact.stage, fact.year)
            if key not in seen:
                seen.add(key)
                yield fact
    invested = {key[1] for key in seen if key[0] == "i"}
    for fact in _this_project_sums(ctx, by_sentence):
        if fact.project not in invested:  # one sum per project named there (its node is the mention's)
            invested.add(fact.project)
            yield fact
    if not t.report:
        for fact in _event_milestones(ctx, t, stages, by_sentence, staged):
            key = ("m", fact.project, fact.stage, fact.year)
            if key not in seen:
                seen.add(key)
                yield fact


_THIS_PROJECT = re.compile(r"(?:该|此|这个|这一)?项目(?!建设|[的和与及、])|总投资")
"""What opens a sentence about the project named just before: 该项目, 项目, or its sum with no subject (…建设了30MWp…
发电项目。总投资4.89亿元，…)."""
_BACK = 2
"""How many sentences back, in its paragraph, 该项目 may point to the project (…P…。A公司是一家…企业。该项目…)."""


def _this_project_sums(ctx: Context, by_sentence: dict[int, list[Mention]]) -> Iterator[Investment]:
    """The sum a sentence opening with 该项目 (or 项目, or 总投资 itself) gives, in its first clause or a clause of
    the sum alone, for the one project the last sentence before it that names projects names, one or two sentences
    back in its paragraph (…投资建设抗菌肽研发及产业化项目。该项目计划投资8亿元，…; …培土奠基。该项目占地64亩，总投资
    1.3亿元; P是签约项目之一。该项目主要从事…。项目总投资10亿元)."""
    norm = ctx.doc.norm
    for sent in ctx.sentences:
        if sent.index in by_sentence or not _THIS_PROJECT.match(sent.text):
            continue
        back = next((i for i in range(sent.index - 1, max(-1, sent.index - 1 - _BACK), -1) if i in by_sentence), None)
        if back is None or "\n" in norm[ctx.sentences[back].end:sent.start]:
            continue
        before = by_sentence[back]
        if len({m.ref for m in before}) != 1:
            continue
        text = half_width(sent.text)
        first = CLAUSE.match(text)
        money = next(invested_sums(text), None)
        if money is None or first is None or _SPENT.search(text, 0, money.start) or _OF.match(text, money.end):
            continue  # …, or a sum of what follows it (总投资200亿元的大湾区“菜篮子”交易中心)
        cs, ce = _clause_of(text, money.start, money.end)
        # in the first clause (该项目计划投资8亿元), or a clause of the sum alone (该项目占地64亩，总投资1.3亿元)
        if money.end > first.end() and not (_OPENS_WITH_SUM.fullmatch(text, cs, money.start)
                                            and _ENDS_CLAUSE.fullmatch(text, money.end, ce)):
            continue
        m = before[-1]
        yield Investment(m.ref, money.amount, sent.index, m.start, m.end, "project.investment")


_EVENT = re.compile(r"集中(?:签约|开工|动工|竣工|投产)|(?:签约|开工|动工|竣工|投产|奠基)(?:仪式|活动|大会|现场会|暨)")
"""A news page's event of projects (集中开工仪式, 项目签约活动): what it reports of the projects it then names."""
_EVENT_STAGE = re.compile(r"签约|开工|动工|竣工|投产|奠基")


def _event_milestones(ctx: Context, t, stages: StageTable, by_sentence: dict[int, list[Mention]],
                      staged: set[tuple[int, int]]) -> Iterator[Milestone]:
    """On a news page that reports an event of projects (2020年4月15日，永济举行…重大项目集中开工仪式), the stage
    of the event, in its year, for each project named after it whose own clause states none (or only that it is
    under way: 投资建设P), when the event's sentence is in the project's paragraph, or the paragraph speaks of the
    event's projects (据悉，签约项目中…，如A项目、B项目): a list of the projects signed or started names them
    without the verb again; or when the project is one of a list on a page whose lead reports the event."""
    events: list[tuple[int, str, str, int, bool]] = []  # (sentence, stage, cue word, year, planned)
    for sent in ctx.sentences:
        text = half_width(sent.text)
        for m in _EVENT.finditer(text):  # the last of a sentence's events is the one its projects follow
            word = _EVENT_STAGE.search(m.group()).group()
            year, planned = resolve(t, sent.index, _event_time(text, m.start()))
            if year is not None:  # 将…谋划集中开工重点项目135个: an event still to come
                planned = planned or bool(_FUTURE.search(text, 0, m.start()) or _SOON.search(text))
                events.append((sent.index, stages.cues[word][0], word, year, planned))
    if not events:
        return
    text = ctx.doc.norm
    # a page whose lead reports an event of one stage is about it, and a list of projects on it lists the event's
    # (not on a page of 集中签约、开工、投产一批重大项目: which project is which is said further down)
    headline = not t.report and ctx.sentences[events[0][0]].start < ctx.sentences[0].start + LEAD_CHARS \
        and len({stages.cues[w][0] for s, *_ in events for w in _EVENT_STAGE.findall(ctx.sentences[s].text)}) == 1
    for index in sorted(by_sentence):
        before = [e for e in events if e[0] <= index]
        if not before:
            continue
        event, stage, word, year, planned = before[-1]
        for m in by_sentence[index]:
            if (index, m.start) in staged:
                continue
            para_start = text.rfind("\n", 0, m.start) + 1
            para_end = text.find("\n", m.end)
            para = text[para_start:para_end if para_end >= 0 else len(text)]
            if (headline and len(by_sentence[index]) > 1) or ctx.sentences[event].start >= para_start or word in para:
                yield Milestone(m.ref, stage, year, planned, event, m.start, m.end, "project.event_milestone")


def _event_time(text: str, at: int) -> str:
    """What tells the time of the event at ``at``: its clause before it, after the sentence's opening date
    (2020年4月15日，永济举行…集中开工仪式); not an earlier clause's time (继去年底集中开工10个项目后，…本次集中开工的)."""
    cs = _clause_of(text, at, at)[0]
    first = CLAUSE.match(text)
    if first is not None and first.end() < cs and len(first.group()) <= _DATE_CLAUSE and time_word(first.group()):
        return first.group() + "，" + text[cs:at]
    return text[cs:at]


_DATE_CLAUSE = 16  # the most characters of a date that opens a sentence (2020年4月15日上午)


def _defined_sum(definition: str) -> Money | None:
    """The investment a glossary definition of one project opens with: the first invested sum of its first
    sentence, unless a count, a list or a sum spent so far comes before it (项目占地1669亩，总投资3.57亿元).

    >>> [m.amount.value if m else None for m in map(_defined_sum, ("项目总投资1.23亿元，年产果汁5万吨。",
    ...     "项目占地50亩，总投资3.57亿元", "全县实施10个项目，总投资5亿元", "年度完成投资2亿元", "年产值3亿元"))]
    ['123000000', '357000000', None, None, None]
    """
    text = half_width(definition)
    first = re.match(r"[^。；;！？!?]*", text).group()
    money = next(invested_sums(first), None)
    before = first[:money.start] if money is not None else ""
    return None if _COUNT.search(before) or "、" in before or _SPENT.search(before) else money


def _clause_of(text: str, a: int, b: int) -> tuple[int, int]:
    for m in CLAUSE.finditer(text):
        if m.start() <= a and b <= m.end():
            return m.start(), m.end()
    return a, b


def _investments(text: str, mentions: list[tuple[int, int, Mention]], index: int) -> Iterator[Investment]:
    for money in invested_sums(text):
        cs, ce = _clause_of(text, money.start, money.end)
        if cs > 0 and text[cs - 1] in ":：" and not text[cs:money.start].strip():  # P总投资：60000万元: no break
            cs = _clause_of(text, cs - 2, cs - 1)[0]
        alone = _sum_alone(text, cs, ce, money)
        joined, ce = alone != ce, alone
        in_clause = [(a, b, m) for a, b, m in mentions if cs <= a and b <= ce]
        # the sum, 的 or a verb, then the project: 投资3.3亿元的区人民医院新院区, 投资400万元完成P
        after = [(a, b, m) for a, b, m in in_clause if a >= money.end]
        target = None
        if after:
            a, b, m = after[0]
            gap = text[money.end + joined:a]  # past the comma after a sum alone
            if (_OF.fullmatch(gap) or _BEFORE_VERB.fullmatch(gap) or re.fullmatch(r"\s*的\s*(?:建设|实施)?\s*", gap)
                    or _ATTRIBUTES.fullmatch(gap)
                    or m.rule == INVESTED_RULE):  # the rule found the works by this very sum
                target = (a, b, m)
        if target is None and not in_clause and _OPENS_WITH_SUM.fullmatch(text, cs, money.start) \
                and _ENDS_CLAUSE.fullmatch(text, money.end, ce):
            # P是2017年市级重点项目，总投资14.5亿元: a clause of the sum alone after the one project before it
            before = [(a, b, m) for a, b, m in mentions if b <= cs]
            if len({m.ref for _, _, m in before}) == 1 and not any(
                    s.start < cs for s in invested_sums(text) if s.start != money.start and s.start > before[-1][1]) \
                    and not _COUNT.search(text, before[-1][1], money.start):
                a, b, m = before[-1]
                yield Investment(m.ref, money.amount, index, m.start, m.end, "project.investment")
            continue
        if target is None:
            # the project, then its sum: P总投资约100亿元 (the clause names this project alone, no list or count;
            # a sum followed by 的 is what comes after it: 投资1400万元的6所中小学校)
            before = _outermost([(a, b, m) for a, b, m in in_clause if b <= money.start])
            if len({m.ref for _, _, m in before}) != 1 or after or _OF.match(text, money.end):
                continue
            a, b, m = before[-1]
            between = text[b:money.start]
            if _COUNT.search(text, cs, money.start) or _SPENT.search(between) or "、" in text[cs:money.start]:
                continue
            target = (a, b, m)
        elif (_COUNT.search(text, cs, money.start) or "等" in text[money.end:target[0]]
              or _shares_sum(text, cs, ce, money.start, target[1])):
            continue
        a, b, m = target
        yield Investment(m.ref, money.amount, index, m.start, m.end, "project.investment")


_DEAL = re.compile(r"(?:签订|签约|签署|签下|引进|招引)的\s*$")


def _deal_sums(text: str, mentions: list[tuple[int, int, Mention]], index: int) -> Iterator[Investment]:
    """A sum that a deal names its project by (集安边合区与天津美之旅生物科技签订的1.1亿元清河人参产业园区…建设项目):
    the sum right before the project's name, after 签订的 or 引进的; and the sums of a list whose items each open
    with one (22亿元乐京智能家电、10亿元传化公路港枢纽等项目)."""
    starts = {a: m for a, _, m in _outermost(mentions)}
    listed = []
    for money in find_money(text):
        m = starts.get(money.end)
        if m is None:
            continue
        if _DEAL.search(text, max(0, money.start - 6), money.start):
            yield Investment(m.ref, money.amount, index, m.start, m.end, "project.investment")
        elif money.start == 0 or text[money.start - 1] in "、，,：:":
            listed.append((money, m))
    if len(listed) >= 2:  # 22亿元乐京智能家电、10亿元传化公路港枢纽…等项目: each project after its own sum
        for money, m in listed:
            yield Investment(m.ref, money.amount, index, m.start, m.end, "project.investment")


def _outermost(mentions: list[tuple[int, int, Mention]]) -> list[tuple[int, int, Mention]]:
    """The mentions not inside a longer one (a base named inside its project's name is that project)."""
    return [(a, b, m) for a, b, m in mentions
            if not any(c <= a and b <= d and d - c > b - a for c, d, _ in mentions)]


_OPENS_WITH_SUM = re.compile(r"\s*(?:该|此|本)?(?:项目)?(?:总投资额?|计划总?投资|投资总额|投资|耗资)(?:约|超过|超|近|逾|达到|达|为)?\s*[:：]?\s*")
"""A clause that opens with the sum, its subject the project before it (…，总投资14.5亿元; 该项目计划投资8亿元)."""
_ENDS_CLAUSE = re.compile(r"\s*(?:左右)?\s*")
"""All that may follow such a sum in its clause: the sum is the clause (…，总投资14.5亿元，…), not the first words of
what it was invested in (…，投资7.2亿元的集中供热锅炉改造一期工程主体完工)."""
_ALONE = re.compile(r"\s*(?:[①-⑳]|[(（]?[一二三四五六七八九十\d]+[)）.、．]|[一二三四五六七八九十]是)?\s*"
                    r"(?:总投资|计划投资|投资)(?:约|超过|超|近|逾|达)?\s*$")
_ATTRIBUTES = re.compile(r"(?:\s*、\s*(?:占地|占地面积|用地|用地面积|建筑面积|总建筑面积|规划面积|面积|年产|产能|装机容量|装机|"
                         r"总长|全长|长)约?\s*\d[\d.]*\s*[^\d\s、，,；;。的]{1,4})+\s*的\s*")
"""What may stand between a sum and its project besides 的: the project's other measures (总投资60亿元、占地1500亩、
建筑面积100万平米的P)."""


def _sum_alone(text: str, cs: int, ce: int, money: Money) -> int:
    """The end of the clause after the sum's, when the sum stands alone in its own and the next, the sentence's
    last, opens with a works verb ("投资280万元，完成南邑中学宿舍楼项目建设。": the sum is that project's); else ``ce``.

    >>> s = "投资7000万元，建成邸北110千伏变电站。"
    >>> m = find_money(s)[0]; s[:_sum_alone(s, 0, m.end, m)]
    '投资7000万元，建成邸北110千伏变电站'
    >>> s = "全年完成投资7000万元，建成邸北110千伏变电站。"
    >>> m = find_money(s)[0]; _sum_alone(s, 0, m.end, m) == m.end
    True
    """
    if ce != money.end or ce >= len(text) or text[ce] not in "，," or not _ALONE.fullmatch(text, cs, money.start):
        return ce
    nxt, end = _clause_of(text, ce + 1, ce + 1)
    last = end >= len(text) or text[end] in "。；;！!"  # "，迎宾街东、西段…": a list goes on, the sum is its all
    return end if last and _BEFORE_VERB.match(text, nxt) else ce


_ITEM_REST = re.compile(r"[^、，,；;。和及与等]{0,4}")
"""What may follow a list item's name before the next item (its phase, a bracket): a longer run is what is said of
it (投资6000万元的世艺淘园工贸项目建成后将从事工艺品、日用品加工: no list of projects)."""
_SAID_OF = re.compile(r"落户|落地|签约|开工|建成|投产|竣工|进展|完成|实施|启动|顺利|正式|已经|已")
"""What opens a predicate right after a project's name: what is said of it, not the next item of a list."""
_OWN_SUM = re.compile(r"[、和及与]\s*(?:由[^、，,；;。]{2,30}?)?(?:总)?投资")  # 、由浙江…公司总投资10.3亿元的…: its own


def _shares_sum(text: str, cs: int, ce: int, money_start: int, end: int) -> bool:
    """Whether the project ending at ``end`` is the first item of a list the sum before it is for.

    "总投资53亿元的英利光伏电池、永红铸机等10个项目": the list's; "投资3亿元的A、投资2亿元的B等项目": each its own;
    "投资15亿元的A项目落户麻阳、进展顺利": A's, what follows is said of it.
    """
    rest = _ITEM_REST.match(text, end, ce).end()
    if rest >= ce or _SAID_OF.match(text, end):
        return False  # …, or what is said of the project follows it (…冷链物流园项目落户麻阳、进展顺利: no list)
    if text[rest] in "、和及与":
        return not _OWN_SUM.match(text, rest)
    if text[rest] == "等":  # the last item of a list: its own sum only if the items before had theirs
        return not _OWN_SUM.search(text, max(cs, money_start - 4), money_start)
    return False


def _milestones(t, stages: StageTable, text: str, mentions: list[tuple[int, int, Mention]],
                index: int) -> Iterator[Milestone]:
    taken = [(a, b) for a, b, _ in mentions] + [m.span() for m in _NOT_A_CUE.finditer(text)]
    cues = [c for c in stages.pattern.finditer(text)
            if c.group() in stages.cues and not any(a < c.end() and c.start() < b for a, b in taken)]
    if not cues:
        return
    for a, b, m in mentions:
        cs, ce = _clause_of(text, a, b)
        before = [c for c in cues if cs <= c.start() and c.end() <= a]
        after = [c for c in cues if b <= c.start() and c.end() <= ce]
        cue = _choose(stages, before, after)
        later = _later_stage(stages, text, ce, [s for s, _, _ in mentions if s >= ce])
        if cue is None:
            if later is None or not _SUBJECT.fullmatch(text, cs, a):
                continue
            # P总投资5亿元，已开工建设: the project is the subject of the clause that states its stage
            year, planned = resolve(t, index, text[:a])
            planned = planned or _later_planned(t, later) or bool(_FUTURE.search(text, cs, a) and not t.report)
            yield Milestone(m.ref, later[0], later[1] or year, planned, index, m.start, m.end, "project.milestone")
            continue
        stage = stages.cues[cue.group()][0]
        # the time words before the name, and those between it and a stage after it (P2017年10月开工)
        year, planned = resolve(t, index, text[:a] + (text[b:cue.start()] if cue.start() >= b else ""))
        if not planned and ((_FUTURE.search(text, cs, a) and not t.report) or _SOON.search(text, cs, ce)):
            planned = True
        yield Milestone(m.ref, stage, year, planned, index, m.start, m.end, "project.milestone")
        if later is not None and later[0] != stage:  # …建设P，2014年4月建成投产; P开工，预计2019年竣工
            yield Milestone(m.ref, later[0], later[1] or year, planned or _later_planned(t, later), index, m.start,
                            m.end, "project.milestone")


_AIM = re.compile(r"\s*(?:确保|力争|争取|努力|预计|计划|有望|拟)")
# a later clause that goes on about the project: a stage reached or under way (已开工建设, 目前已建成投产, 正在试生产)
_DONE = re.compile(r"\s*(?:目前|现|现已|均|均已|已经|已|正在|正|并|顺利|于)*")
# what may come before a project that is its clause's subject: a list mark, a linking word, a time (2023年5月，P…)
_SUBJECT = re.compile(r"\s*(?:[①-⑳]|[(（]?[一二三四五六七八九十\d]+[)）.、．]|[一二三四五六七八九十]是|其中|此外|另外|同时|"
                      r"(?:19|20)\d\d年|\d{1,2}月(?:\d{1,2}日)?|上半年|下半年|今年|去年|目前|近日|日前|\s)*")


def _later_planned(t, later: tuple[str, int | None, bool]) -> bool:
    """Whether the stage of a later clause is still to come: an aim, or a year after the document's."""
    return later[2] or (later[1] is not None and t.year is not None and later[1] > t.year)


def _later_stage(stages: StageTable, text: str, after: int, others: list[int]) -> tuple[str, int | None, bool] | None:
    """The stage a later clause of the sentence gives the project, the year that clause states and whether it is an
    aim, when the clause opens with an aim (确保, 力争, 预计) or with the stage itself after words of state (已, 正在)
    and no other project is named before it: "对中南高科清苑新经济产业园等签约项目，抓紧完善手续，确保尽快开工"
    (signed, and to start); "…项目2017年10月开工建设，预计2019年7月竣工投产" (started in 2017, to be in
    production in 2019); "A项目总投资5亿元，已开工建设" (started)."""
    stop = min(others, default=len(text))
    for clause in CLAUSE.finditer(text, after):
        if clause.start() >= stop or text[clause.start() - 1:clause.start()] in "；;。":
            return None
        aim = _AIM.match(clause.group())
        opener = aim or _DONE.match(clause.group())
        for c in stages.pattern.finditer(clause.group()):
            if c.group() in stages.cues and stages.cues[c.group()][1]:
                # words of when and how before (尽快, 6月底顺利), nothing after but a word or two
                # (投入使用): 力争开工闽赣联网工程 aims at another work
                near = (_WHEN_HOW.fullmatch(clause.group(), opener.end(), c.start())
                        and len(clause.group()) - c.end() <= (_AIM_TAIL if aim else _DONE_TAIL))
                if near:
                    when = time_word(clause.group()[opener.end():c.start()])
                    return stages.cues[c.group()][0], when[1] if when else None, aim is not None
                if aim:
                    return None
                break
        if aim:
            return None
    return None


# only words of when and how between the aim and the stage (确保6月底顺利通车); a name there is another work's
_WHEN_HOW = re.compile(r"(?:尽快|早日|尽早|年内|年底前?|如期|按期|按时|提前|全部|全面|顺利|正式|全线|实现|"
                       r"于?(?:19|20)\d\d年(?:底|内)?|\d{1,2}月(?:底|份|前|中旬|上旬|下旬)?|\s)*")
_AIM_TAIL = 4
_DONE_TAIL = 2  # 年底建成并网; not 建成乐山机场, another work


def _choose(stages: StageTable, before: list[re.Match], after: list[re.Match]) -> re.Match | None:
    """The cue that states the project's stage, of those before and after it in its clause: the first strong one
    after, else the nearest strong one before, else a weak one (the one before when it names a start: 启动P建设)."""
    for c in after:
        if stages.cues[c.group()][1]:
            return c
    for c in reversed(before):
        if stages.cues[c.group()][1]:
            return c
    if before and stages.cues[before[-1].group()][0] != "在建":
        return before[-1]
    return after[0] if after else (before[-1] if before else None)
