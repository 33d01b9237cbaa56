"""Relations between the entities found, read off the sentence that states them.

Every relation rule is listed here, in ``SENTENCE_RULES`` (one sentence at a
time) and ``DOCUMENT_RULES`` (a name that states the relation by itself).
A *clause* is the stretch of a sentence between two of ``，；：。！？``.

- ``develops`` — Region → Industry: the nearest non-province region named
  before the industry in its clause or opening an earlier clause as its subject,
  else the document's region;
- ``hosts`` — Park → Industry / Enterprise / Project: in the park's clause, or
  after the park in its sentence before another park is named
  (“X园区…，引进A、B等企业”);
- ``locatedIn`` — Park / Project → Region: a region inside its name
  (沿滩区花椒现代农业园区, 瓦市区域性养老服务中心), the nearest region before it in its
  clause (永安镇建成卧龙湖大桥), a region after a settling verb (落户米易) or a
  section (成自宜高铁邓关段); the document's region when the text names none, and
  as well when the region named lies inside it or above it (a town of the county,
  the province: ``locatedIn`` is transitive). Enterprises and slogans only with a
  settling verb (“盒马县”落户米易). Route ends (青皮村至坪山村) place nothing else;
- ``carriesOut`` — Enterprise → Project: the project's name holds the
  enterprise's name (anywhere in the document), or both in one clause;
- ``belongsTo`` — Enterprise → Industry: both in one clause, or the industry's name in the enterprise's;
- ``hasPart`` — Slogan → Industry: a numbered formula that names a system
  (“3+2+1”现代工业体系) has the industries listed in its sentence as parts;
- ``relatedTo`` — Slogan ↔ Region: the region that is the subject of the clause
  (该县交口乡自强村探索实施“五抓五促”); the document's region when the sentence
  refers to its government (该县, 我区, 区委, 县政府) or the slogan is the region's
  own strategy (工业强县 in a county's report) or names it (“来米易必做的二十件事”);
- ``relatedTo`` — Slogan ↔ entity named right before its quote (纺织产业“…”三项行动);
- ``relatedTo`` — Slogan ↔ Project / Park: a sentence that opens with carrying
  out the slogan (实行“旅游+农业”，推进X建设) relates it to the projects and parks
  of the rest of the sentence;
- ``locatedIn`` / ``relatedTo`` — Enterprise → Region: the region its name holds
  or opens with (米易县华森公司, 我县津海公司, 县水务集团), a settling verb after its
  list (A、B等企业落户我市); else a clause of government work on it (支持A、B做大
  做强, 与A合作) relates it to the clause's subject region or the document's region; an enterprise no
  rule links is ``relatedTo`` the document's region (the region's report names it) unless its sentence
  names a region outside the document's region;
- document rules: a report's slogan with no proposer is ``proposedBy`` the
  document's region when the text says it is the region's own (县委, 我县 in its
  clause, 工业强县, the region's name in it) and ``relatedTo`` it otherwise
  (national formulations from ``relations_national_slogans.txt``, 中央 or another
  level in its clause); another level's own strategy (工业强省) is ``proposedBy``
  that level; a counted campaign (“三大工程”) ``hasPart`` the names ending with
  its head noun listed right after it, one to a sentence after it, or right
  before it, when their number matches; a park opening a sentence as its
  subject ``hosts`` what the parts after its semicolons name while each opens
  with a verb (X开发区开展…；坚持…，引育电商、物流企业); a page whose first
  sentence opens with a park named again later is about that park, which
  ``hosts`` what its sentences with no subject of their own name; so does a
  park that opens a line with a colon (张掖经济技术开发区：…) in that line, and the one
  park of a page in the sentences whose subject is its common word (园区坚持…).

>>> clause_bounds("实行“旅游+农业”，推进好梦林水田园综合体建设。")
[(0, 9), (10, 23)]
>>> is_formula("3+2+1"), is_formula("两区一城")
(True, False)
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from govkg.extractors.base import CLAUSE, CLAUSE_BREAKS, Context, data_lines
from govkg.extractors.gazetteer import Gazetteer, gazetteer
from govkg.extractors.glossary import names_proposer
from govkg.extractors.park import same_park_key
from govkg.extractors.phrase import plain_segmenter
from govkg.extractors.slogan import proposed_by
from govkg.graph.resolve import names_by_place
from govkg.model import EntityRef, Mention, Relation

# X … 落户 Y, X 位于 Y: the words between a thing and the region it lies in
_SETTLE = re.compile(r"(?:落户|落地|落子|位于|坐落于?|选址|过境|途经|入驻|建在|布局在?)(?:于|在|到)?$")
_ROUTE_LINKS = "至到"  # 青皮村至坪山村段: ends of a route, not where other things lie
_SECTION = "段"  # 成自宜高铁邓关段: the section of a route inside a region
_NUMERAL = r"[\d一二两三四五六七八九十]"
_FORMULA = re.compile(rf"^{_NUMERAL}+(?:\+{_NUMERAL}+)+")
_SYSTEM = re.compile(r"体系|集群")  # what a numbered formula names when its parts are industries
# A region's own strategy ends with its level word: 工业强县, 开放兴区, 生态立市
_OWN_STRATEGY = "强兴立富"
# The document region's government opening a clause, by its level word X: 该X 我X 本X X委 X政府 X人民政府
_OWN_GOVERNMENT = "(?:^|[，；：,;:])(?:新一届)?(?:(?:该|我|本){level}|{level}(?:委|政府|人民政府))"
# Other levels' bodies right before a quote own that slogan (省委“四化同步”), not the document's region
_OTHER_BODY = re.compile(r"(?:党中央|中央|国务院|国家|(省|市|州|盟)(?:委|政府|人民政府)|全省|全市)[^，。；,;]{0,3}$")
# …and a body of a higher level earlier in a project's clause places it there (争取市政府实施乐凯大街市区段)
_UPPER_BODY = re.compile(r"(省|市|州|盟)(?:委|政府|人民政府)")
_BODY_LEVEL = {"省": "province", "市": "prefecture", "州": "prefecture", "盟": "prefecture"}
_LIST_LINKS = "、和及与等"  # a park next to one of these is an item of a list, not the topic of its clause
# Words a clause may open with before its subject region: 近日，…; 去年沁源县…; 该县交口乡…
_SUBJECT_LEAD = re.compile(r"^(?:近日|今年|去年|目前|同时|此外|其中|近年来|[一二三四五六七八九十]+是)?(?:该[省市州县区旗镇乡村])?$")
_LEAD_CLAUSE_SLACK = 8
# The document region's government or the region itself as ``我县``, in a slogan's clause (level word X)
_OWN_BODY = "(?:我|本|该){level}|{level}(?:委|政府|人民政府)"
# A proposer other than the document's region in a slogan's clause; group 1 or 2 is a body's level word
_OTHER_PROPOSER = re.compile(r"党中央|中央|国务院|总书记|习近平|党的[一二三四五六七八九十]+大|[一二]十大|国家|全国|"
                             r"全([省市州盟县区旗])|([省市州盟县区旗])(?:委|政府|人民政府)")
# Counted campaigns: 三大工程, 十大攻坚行动, “3个提升”行动, 三个年活动 (group 2 is the head noun its parts end with)
_COUNTED = re.compile(r"^(\d{1,2}|[两二三四五六七八九十]{1,2})[大项个条类](?:[\u4e00-\u9fff]{0,6}?)"
                      r"(工程|行动|体系|任务|战略|攻坚战|举措|计划|名片|通道|机制|平台|基地|中心|产业|集群|板块|年)(?:活动)?$")
_CHINESE_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
                  **{"十" + d: 10 + v for d, v in (("一", 1), ("二", 2), ("三", 3), ("四", 4), ("五", 5))}}
_PARTS_LEAD = re.compile(r"^[”’」』]?(?:[^，。；：,;:]{0,6}?)(?:[：:]|，?即|，?包括|，?分别是|（)")
_PARTS_GAP = re.compile(r"[“”‘’、，,；;和及与以]*")
# Enterprises: a list goes on with 、和及与 and ends with 等 and a few words (A、B等5家食品企业)
_LIST_LINK = re.compile(r"[、和及与]")
_LIST_TAIL = re.compile(r"(?:等|共)?[^，。；：、,;:!?！？]{0,8}?(?=落户|落地|入驻|进驻|迁入|扎根|位于|坐落|选址|建在)")
_OWN_AFTER = re.compile(r"(?:落户|落地|落子|入驻|进驻|迁入|扎根|位于|坐落于?|选址|建在)(?:于|在|到)?(?:我|本)([省市州盟县区旗])")
_SETTLES_ELSEWHERE = re.compile(r"(?:落户|落地|入驻|进驻|迁入|扎根|位于|坐落于?|选址|建在)(?:于|在|到)?"
                               r"(?![我本]|投产|开工|建设|见效|生根|实施|达产|运营|落实)[\u4e00-\u9fff]")
_OWN_BEFORE = re.compile(r"(?:我|本)([省市州盟县区旗])(?:的)?$")
_LEVEL_WORDS = "省市州盟县区旗"
_NOT_AFTER_LEVEL = set("域级两场内外属直委")  # 县域, 省级, 区两级, 市场: not a body of that level
# What a report's government does to an enterprise (the clause's subject is the government, often unsaid)
_GOVERNMENT_WORK = re.compile(
    r"支持|支援|扶持|帮扶|帮助|鼓励|引导|推动|推进|促进|培育|壮大|做大|做强|引进|引入|招引|组建|重组|整合|改制|"
    r"签约|对接|合作|服务|协调|争取|加快|确保|督促|指导|盘活|投产|开工|建成|落户|入驻|新增|新建|扩建|技改")  # 持续推进“…” / 实行“…”: a verb and an adverb or two around the slogan


def clause_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of ``text``, offsets into ``text``, breaks excluded."""
    return [m.span() for m in CLAUSE.finditer(text)]


def is_formula(label: str) -> bool:
    """Whether ``label`` opens with a numbered formula joined by ``+`` (“3+2+1”, “6+3”产业体系)."""
    return bool(_FORMULA.match(label))


@dataclass(frozen=True)
class _Sent:
    """One sentence with its mentions; offsets of mentions are document offsets.

    The views the rules ask for again and again (mentions by type, clauses,
    industries) are worked out once per sentence.
    """

    index: int
    start: int
    text: str
    mentions: tuple[Mention, ...]
    _views: dict = field(default_factory=dict, compare=False, repr=False)

    def of(self, *types: str) -> list[Mention]:
        key = ("of", types)
        found = self._views.get(key)
        if found is None:
            found = self._views[key] = [m for m in self.mentions if m.type in types]
        return found

    def clauses(self) -> list[tuple[int, int]]:
        """:func:`clause_bounds` of the sentence (offsets into its text)."""
        found = self._views.get("clauses")
        if found is None:
            found = self._views["clauses"] = clause_bounds(self.text)
        return found

    def between(self, a: int, b: int) -> str:
        return self.text[a - self.start:b - self.start]

    def char_in(self, at: int, chars: str) -> bool:
        """Whether the character at document offset ``at`` is one of ``chars``."""
        i = at - self.start
        return 0 <= i < len(self.text) and self.text[i] in chars

    def same_clause(self, a: Mention, b: Mention) -> bool:
        lo, hi = sorted((a.start, b.start))
        return not any(c in CLAUSE_BREAKS for c in self.between(lo, hi))

    def clause_start(self, m: Mention) -> int:
        """Document offset of the start of ``m``'s clause."""
        i = max(0, min(m.start - self.start, len(self.text)))
        while i > 0 and self.text[i - 1] not in CLAUSE_BREAKS:
            i -= 1
        return self.start + i

    def industries(self) -> list[Mention]:
        """Industry mentions that are not part of a longer name nor another entity's name (易品食品)."""
        found = self._views.get("industries")
        if found is None:
            found = self._views["industries"] = [
                i for i in self.of("Industry") if not self.nested_in_other(i)
                and not any(o.type != "Industry" and (o.start, o.end) == (i.start, i.end) for o in self.mentions)]
        return found

    def hostable(self) -> list[Mention]:
        """What a park may host: the sentence's industries (:meth:`industries`), enterprises and projects."""
        return self.industries() + self.of("Enterprise", "Project")

    def subject(self) -> Mention | None:
        """The region or park that opens the sentence as its subject, after a lead of time at most
        (今年以来，X开发区…): worked out once, as two document rules ask for it of every sentence."""
        if "subject" not in self._views:
            self._views["subject"] = next(
                (m for m in _subjects(self) if self.clause_start(m) - self.start <= _LEAD_CLAUSE_SLACK + 1
                 and not any(o.start < self.clause_start(m) for o in self.mentions)), None)
        return self._views["subject"]

    def nested_in_other(self, m: Mention, *but: Mention) -> bool:
        """Whether ``m`` lies inside a longer mention of another entity (湾丘 in 白马湾丘北部功能区)."""
        return any(o.ref != m.ref and o not in but and _inside(m, o) and (o.start, o.end) != (m.start, m.end)
                   for o in self.mentions)


@dataclass(frozen=True)
class _Where:
    """Where regions lie relative to the document's region."""

    doc: EntityRef | None
    gaz: Gazetteer
    names: dict[str, EntityRef]  # region names and aliases of this document, unambiguous ones
    doc_label: str = ""  # the label of ``doc``

    def rank(self, ref: EntityRef) -> str:
        """``same``, ``inside`` (a town of the county), ``above`` (its province) or ``outside``."""
        if self.doc is None or ref.type != "Region":
            return "outside"
        if ref == self.doc:
            return "same"
        code, doc_code = ref.key.split("/")[0], self.doc.key.split("/")[0]
        if ref.key.startswith(self.doc.key + "/") or (code != doc_code and self._above(doc_code, code)):
            return "inside"
        if "/" not in self.doc.key and self._above(code, doc_code):
            return "above"
        return "outside"

    def upper(self, level_word: str) -> EntityRef | None:
        """The document region's own or higher region of the level a body names (市 in 市政府)."""
        level = _BODY_LEVEL.get(level_word)
        if self.doc is None or level is None:
            return None
        code = self.doc.key.split("/")[0]
        for c in [code, *(self.gaz.ancestors(code) if code in self.gaz.divisions else [])]:
            if c in self.gaz.divisions and self.gaz.get(c).level == level:
                return EntityRef("Region", c)
        return None

    def _above(self, a: str, b: str) -> bool:
        return a in self.gaz.divisions and b in self.gaz.divisions and self.gaz.is_ancestor(a, b)


Rule = Callable[[_Sent, _Where, Context], Iterator[Relation]]


@dataclass(frozen=True)
class _Doc:
    """What a document rule reads: the context, the regions, the sentences and the relations found so far
    (the sentence rules' and the earlier document rules')."""

    ctx: Context
    where: _Where
    sents: dict[int, _Sent]
    found: tuple[Relation, ...]


def extract_relations(ctx: Context) -> Iterator[Relation]:
    """Every relation of ``SENTENCE_RULES`` and ``DOCUMENT_RULES`` (duplicates are merged later)."""
    where = _Where(ctx.doc_region, gazetteer(ctx.resources), _names_of(ctx.mentions, "Region"), _doc_label(ctx))
    sents: dict[int, _Sent] = {}
    found: list[Relation] = []
    for index in sorted({m.sentence for m in ctx.mentions if m.sentence >= 0}):
        s = ctx.sentences[index]
        sent = sents[index] = _Sent(index, s.start, s.text,
                                    tuple(sorted(ctx.mentions_in(index), key=lambda m: (m.start, -m.end))))
        for rule in SENTENCE_RULES:
            found.extend(rule(sent, where, ctx))
    yield from found
    for doc_rule in DOCUMENT_RULES:
        made = list(doc_rule(_Doc(ctx, where, sents, tuple(found))))
        found.extend(made)
        yield from made


# --- sentence rules -----------------------------------------------------------------------------


def _develops(s: _Sent, where: _Where, ctx: Context) -> Iterator[Relation]:
    subjects = _subjects(s)
    regions = [m for m in s.of("Region") if m.attrs and ("adminLevel", "province") not in m.attrs]
    for ind in s.industries():
        # a region of an earlier clause that is not its subject (延伸到呼伦贝尔全域，…发展跨境旅游) owns nothing here
        owners = [r for r in regions if s.same_clause(r, ind) or r in subjects or _inside(r, ind)]
        settled = _settled_in(s, regions, ind)
        region = _region_before(owners, ind) or _this_place(s, ind, ctx) or where.doc
        for ref in settled or [region, *_regions_listed_with(s, regions, region, ind)]:
            if ref:
                yield Relation(ref, "develops", ind.ref, s.index, "relation.develops")


_REGION_AND = ("、", "和", "及", "与", "以及")
_THIS_PLACE = re.compile(r"该([镇乡村])")


def _this_place(s: _Sent, m: Mention, ctx: Context) -> EntityRef | None:
    """The town or village that 该镇 (该乡, 该村) opening ``m``'s clause refers to: the last one named before the
    sentence (官亭镇是传统的水稻种植区…，该镇开始尝试…稻虾共养); not the document's county."""
    start = s.clause_start(m)
    this = _THIS_PLACE.match(s.text, start - s.start) or _THIS_PLACE.match(s.text, 0)
    if this is None:
        return None
    earlier = [r for r in ctx.mentions if r.ref.type == "Region" and 0 <= r.start < s.start
               and r.label.endswith(this.group(1))]
    return max(earlier, key=lambda r: r.start).ref if earlier else None


def _regions_listed_with(s: _Sent, regions: list[Mention], nearest: EntityRef | None,
                         ind: Mention) -> list[EntityRef]:
    """The regions listed with the nearest one before the industry (在黎村镇太平村、杨梅镇红石村形成淮山产业带: both
    villages), each joined to the next by 、 or 和."""
    before = sorted((r for r in regions if r.end <= ind.start), key=lambda r: r.start)
    at = next((i for i in range(len(before) - 1, -1, -1) if before[i].ref == nearest), None)
    out: list[EntityRef] = []
    while at is not None and at > 0:
        prev, cur = before[at - 1], before[at]
        gap = s.between(prev.end, cur.start)
        if gap not in _REGION_AND:
            # a village after its town (黎村镇|太平村) is one place named twice: go on from the town
            if gap or at < 2 or s.between(before[at - 2].end, prev.start) not in _REGION_AND:
                break
            at -= 1
            continue
        out.append(prev.ref)
        at -= 1
    return out


def _settled_in(s: _Sent, regions: list[Mention], ind: Mention) -> list[EntityRef]:
    """The regions a settling verb right after the industry names (使油用牡丹落户王团镇和下马关镇)."""
    after = sorted((r for r in regions if r.start >= ind.end and s.same_clause(r, ind)), key=lambda r: r.start)
    gap = s.between(ind.end, after[0].start) if after else ""
    if not after or len(gap) > 4 or not _SETTLE.search(gap):
        return []
    out = [after[0].ref]
    for prev, cur in zip(after, after[1:]):
        if s.between(prev.end, cur.start) not in _REGION_AND:
            break
        out.append(cur.ref)
    return out


def _park_hosts(s: _Sent, where: _Where, ctx: Context) -> Iterator[Relation]:
    parks = s.of("Park")
    for park in parks:
        listed = s.char_in(park.end, _LIST_LINKS) or s.char_in(park.start - 1, _LIST_LINKS)
        for m in s.hostable():
            if _inside(m, park) or _inside(park, m):
                continue
            same = s.same_clause(park, m)
            after = m.start >= park.end and not any(park.end <= p.start < m.start for p in parks)
            if (after and not (listed and same)) or (same and not listed):
                yield Relation(park.ref, "hosts", m.ref, s.index, "relation.park_hosts")


def _located_in(s: _Sent, where: _Where, ctx: Context) -> Iterator[Relation]:
    regions = s.of("Region")
    for m in s.of("Park", "Project"):
        named = {r.ref for r in regions if _inside(r, m) and r.ref != m.ref}
        named |= {ref for name, ref in where.names.items() if name in m.label and ref != m.ref}
        before = _clause_region_before(s, regions, m)
        if before:
            named.add(before)
        named |= set(_regions_after(s, regions, m))
        body = _UPPER_BODY.search(s.between(s.clause_start(m), m.start))
        upper = where.upper(body.group(1)) if body else None
        targets = set(named) | ({upper} if upper else set())
        if where.doc and not upper and (not named or any(where.rank(r) in ("inside", "above") for r in named)):
            targets.add(where.doc)
        for region in sorted(targets, key=lambda r: r.key):
            yield Relation(m.ref, "locatedIn", region, s.index, f"relation.{m.type.lower()}_region")
    for m in s.of("Slogan"):
        for region in _regions_after(s, regions, m, sections=False):
            yield Relation(m.ref, "relatedTo", region, s.index, "relation.settles_in")


def _enterprise_region(s: _Sent, where: _Where, ctx: Context) -> Iterator[Relation]:
    """An enterprise lies in the region its name holds (米易县华森公司, 县水务集团, 我县津海公司) or a
    settling verb names (伊利、蒙牛等企业落户我市); else a clause that states the government's work on it
    (支持A、B等企业做大做强; 与A合作) relates it to the clause's subject region or the document's region."""
    regions = s.of("Region")
    for m in s.of("Enterprise"):
        if s.nested_in_other(m):
            continue
        placed = [(r, "relation.enterprise_name") for r in _named_with(s, regions, m, where)]
        placed += [(r, "relation.settles_in") for r in _regions_after(s, regions, m, sections=False, start=_list_end(s, m))]
        placed += [(r, "relation.settles_in") for r in _own_region_after(s, m, where)]
        for region, rule in sorted(set(placed), key=lambda p: (p[0].key, p[1])):
            yield Relation(m.ref, "locatedIn", region, s.index, rule)
        if placed:
            continue
        worked_on = _worked_on_by(s, m, where)
        if worked_on:
            yield Relation(m.ref, "relatedTo", worked_on, s.index, "relation.enterprise_work")


def _carries_out(s: _Sent, where: _Where, ctx: Context) -> Iterator[Relation]:
    """An enterprise carries out the project its name is inside (华润电力|风电光伏项目), else the projects of its
    clause; a project with its owner in its name is no other enterprise's, and an owner named in one project's
    name carries out no other project of a list (华润电力风电光伏项目、中核汇能风电项目)."""
    projects, enterprises = s.of("Project"), s.of("Enterprise")
    owned = {(e.start, e.end) for e in enterprises for p in projects if _inside(e, p)}
    for proj in projects:
        has_owner = any(_inside(e, proj) for e in enterprises)
        for ent in enterprises:
            if _inside(ent, proj) or (not has_owner and (ent.start, ent.end) not in owned
                                      and not _inside(proj, ent) and s.same_clause(ent, proj)):
                yield Relation(ent.ref, "carriesOut", proj.ref, s.index, "relation.carries_out")


def _enterprise_industry(s: _Sent, where: _Where, ctx: Context) -> Iterator[Relation]:
    industries = s.industries()
    single = len({i.ref for i in industries}) == 1
    for ent in s.of("Enterprise"):
        for ind in industries:
            if single or s.same_clause(ent, ind):
                yield Relation(ent.ref, "belongsTo", ind.ref, s.index, "relation.enterprise_industry")


def _first_clause(s: _Sent) -> tuple[int, int, list[Mention]] | None:
    """Document offsets of the sentence's first clause and its mentions; None for a one-clause sentence."""
    clauses = s.clauses()
    if len(clauses) < 2:
        return None
    lo, hi = (s.start + c for c in clauses[0])
    return lo, hi, [m for m in s.mentions if lo <= m.start < hi]


def _lead_industry(s: _Sent, where: _Where, ctx: Context) -> Iterator[Relation]:
    lead = _first_clause(s)
    if lead is None:
        return
    lo, hi, first = lead
    if not first or any(m.type != "Industry" for m in first):
        return
    first = [m for m in s.industries() if lo <= m.start < hi]
    for park in s.of("Park"):
        if park.start >= hi:
            for ind in first:
                yield Relation(park.ref, "hosts", ind.ref, s.index, "relation.lead_industry")


def _formula_parts(s: _Sent, where: _Where, ctx: Context) -> Iterator[Relation]:
    industries = s.industries()
    for slogan in s.of("Slogan"):
        if not is_formula(slogan.label):
            continue
        tail = s.between(slogan.start, s.start + len(s.text))
        head = tail[: min((tail.find(c) for c in CLAUSE_BREAKS if c in tail), default=len(tail))]
        if _SYSTEM.search(head):
            for ind in industries:
                yield Relation(slogan.ref, "hasPart", ind.ref, s.index, "relation.formula_parts")


def _slogan_region(s: _Sent, where: _Where, ctx: Context) -> Iterator[Relation]:
    slogans = []
    for m in s.of("Slogan"):
        body = _OTHER_BODY.search(s.between(s.clause_start(m), m.start))
        if body is None:
            slogans.append(m)
            continue
        upper = where.upper(body.group(1) or "")
        if upper:
            yield Relation(m.ref, "proposedBy", upper, s.index, "relation.slogan_body")
    subjects = _subjects(s)
    for slogan in slogans:
        owners = [r for r in subjects if r.start < slogan.start]
        if owners:
            yield Relation(slogan.ref, "relatedTo", owners[-1].ref, s.index, "relation.slogan_subject")
        names = [r for r in s.of("Region") if _inside(r, slogan)]
        for r in names:
            yield Relation(slogan.ref, "relatedTo", r.ref, s.index, "relation.slogan_names_region")
    doc_label = where.doc_label
    if where.doc is None or not doc_label:
        return
    level = doc_label[-1]
    own_government = re.search(_OWN_GOVERNMENT.format(level=level), s.text)
    for slogan in slogans:
        own = any(n.endswith(level) and n[-2:-1] in _OWN_STRATEGY for n in (slogan.label, *slogan.aliases))
        if own or own_government:
            yield Relation(slogan.ref, "relatedTo", where.doc, s.index, "relation.slogan_doc_region")


def _slogan_qualifier(s: _Sent, where: _Where, ctx: Context) -> Iterator[Relation]:
    for slogan in s.of("Slogan"):
        if not s.char_in(slogan.start, "“‘「『\""):
            continue
        for m in s.mentions:
            if m.end == slogan.start and m.type in ("Industry", "Park", "Project", "Enterprise", "Region"):
                yield Relation(slogan.ref, "relatedTo", m.ref, s.index, "relation.slogan_qualifier")


def _lead_slogan(s: _Sent, where: _Where, ctx: Context) -> Iterator[Relation]:
    lead = _first_clause(s)
    if lead is None:
        return
    lo, hi, first = lead
    slogans = [m for m in first if m.type == "Slogan"]
    if len(slogans) != 1 or len(first) != 1 or (hi - lo) - (slogans[0].end - slogans[0].start) > _LEAD_CLAUSE_SLACK:
        return
    for m in s.of("Project", "Park"):
        if m.start >= hi:
            yield Relation(slogans[0].ref, "relatedTo", m.ref, s.index, "relation.lead_slogan")


SENTENCE_RULES: tuple[Rule, ...] = (
    _develops, _park_hosts, _located_in, _enterprise_region, _carries_out, _enterprise_industry, _lead_industry,
    _formula_parts, _slogan_region, _slogan_qualifier, _lead_slogan,
)


# --- document rules -----------------------------------------------------------------------------


def _carries_out_by_name(doc: _Doc) -> Iterator[Relation]:
    """A project whose name holds an enterprise's name (江苏国泰锂离子电池电解液项目) is that enterprise's."""
    ctx = doc.ctx
    names = _names_of(ctx.mentions, "Enterprise")
    seen: set[tuple[EntityRef, EntityRef]] = set()
    for proj in ctx.mentions:
        if proj.type != "Project" or proj.sentence < 0:
            continue
        for name, ent in names.items():
            if name in proj.label:
                if ent != proj.ref and (ent, proj.ref) not in seen:
                    seen.add((ent, proj.ref))
                    yield Relation(ent, "carriesOut", proj.ref, proj.sentence, "relation.carries_out_by_name")


def _named_in_name(doc: _Doc) -> Iterator[Relation]:
    """A name that holds another entity's name states their relation:
    a park hosts the industry its name holds (九洪高粱大豆粮油园区 → 大豆) and the project
    named after it (一枝山工业园区基础设施配套提升工程); a project relates to the industry it is named after, and an
    enterprise belongs to the industry its name holds (陕西太白山猕猴桃发展有限公司 → 猕猴桃)."""
    ctx = doc.ctx
    table = (("Park", "Industry", "hosts", False), ("Project", "Park", "hosts", True),
             ("Project", "Industry", "relatedTo", False), ("Enterprise", "Industry", "belongsTo", False))
    seen: set[tuple[EntityRef, EntityRef]] = set()
    for holder_type, named_type, predicate, reverse in table:
        names = _names_of(ctx.mentions, named_type)
        for m in ctx.mentions:
            if m.type != holder_type or m.sentence < 0:
                continue
            for name, ref in names.items():
                if name in m.label and name != m.label and (m.ref, ref) not in seen:
                    seen.add((m.ref, ref))
                    subject, obj = (ref, m.ref) if reverse else (m.ref, ref)
                    yield Relation(subject, predicate, obj, m.sentence, "relation.named_in_name")


def _slogan_doc_region(doc: _Doc) -> Iterator[Relation]:
    """A report's slogans belong to its region: ``proposedBy`` the document's region when no clause naming
    the slogan names another proposer (中央, 省委 in a county's report, 全省, another region, a national
    formulation), and ``relatedTo`` it otherwise; nothing for a slogan some rule gives a proposer.
    The evidence is the sentence of the first such mention (of any mention, for ``relatedTo``)."""
    ctx, where = doc.ctx, doc.where
    if where.doc is None or not where.doc_label:
        return
    national = _national_slogans(ctx)
    proposed = {r.subject for r in doc.found if r.predicate == "proposedBy"}
    by_slogan: dict[EntityRef, list[Mention]] = defaultdict(list)
    for m in ctx.mentions:
        if m.type == "Slogan" and m.sentence in doc.sents:
            by_slogan[m.ref].append(m)
    for ref, mentions in sorted(by_slogan.items(), key=lambda kv: kv[0].key):
        mentions.sort(key=lambda m: m.start)
        if ref in proposed or any(_has_proposer(ctx, doc.sents[m.sentence], m) for m in mentions):
            continue
        names = {n for m in mentions for n in (m.label, *m.aliases)}
        level = _other_level_strategy(names, where)
        if level:
            upper = where.upper(level)
            if upper:
                yield Relation(ref, "proposedBy", upper, mentions[0].sentence, "relation.slogan_report")
            continue
        other = [m for m in mentions if _names_other_proposer(doc.sents[m.sentence], m, where)
                 or (m.definition and names_proposer(m.definition))]
        own = [m for m in mentions if _names_own_proposer(doc.sents[m.sentence], m, where, names)]
        if own and not other and not names & national:
            yield Relation(ref, "proposedBy", where.doc, own[0].sentence, "relation.slogan_report")
        else:
            yield Relation(ref, "relatedTo", where.doc, mentions[0].sentence, "relation.slogan_report")


def _counted_parts(doc: _Doc) -> Iterator[Relation]:
    """A counted campaign (“三大工程”, 十大行动) has as parts the names ending with its head noun that list
    exactly that many right after it: in its own sentence (十大行动：A行动、B行动…) or one to a sentence
    in the sentences that follow (实施“A工程”…。开展“B工程”…。), or right before it in its clause
    (A工程、B工程“两大工程”). No part is linked when the count does not match."""
    order = sorted(doc.sents)
    for pos, index in enumerate(order):
        s = doc.sents[index]
        for whole in s.of("Slogan"):
            count_head = _count_and_head(whole.label)
            if count_head is None:
                continue
            count, head = count_head
            parts = _listed_after(s, whole, head)
            if len(parts) < count and not parts:
                parts = _one_per_sentence(doc, order[pos + 1: pos + 1 + count], index, whole, head)
            if len(parts) != count:
                parts = _listed_before(s, whole, head)
            if len(parts) == count:
                for part in parts:
                    yield Relation(whole.ref, "hasPart", part.ref, part.sentence, "relation.counted_parts")


def _enterprise_report(doc: _Doc) -> Iterator[Relation]:
    """An enterprise no other rule links is ``relatedTo`` the document's region: the report of that
    region names it (中泰集团等重点企业经营风险有效化解 in Xinjiang's report). The evidence is its first
    mention in a sentence that names no region outside the document's region (nested names such as
    河南双汇's 河南 do not count) and does not settle its list elsewhere (落户天津)."""
    ctx, where = doc.ctx, doc.where
    if where.doc is None:
        return
    linked = {ref for r in doc.found for ref in (r.subject, r.object)}
    evidence: dict[EntityRef, int] = {}
    for m in sorted(ctx.mentions, key=lambda m: m.start):
        if m.type != "Enterprise" or m.ref in linked or m.ref in evidence or m.sentence not in doc.sents:
            continue
        s = doc.sents[m.sentence]
        if s.nested_in_other(m) or _SETTLES_ELSEWHERE.match(s.text, _list_end(s, m) - s.start):
            continue
        if all(where.rank(r.ref) != "outside" or s.nested_in_other(r) for r in s.of("Region")):
            evidence[m.ref] = m.sentence
    for ref, sentence in sorted(evidence.items(), key=lambda kv: kv[0].key):
        yield Relation(ref, "relatedTo", where.doc, sentence, "relation.enterprise_report")


def _park_subject_goes_on(doc: _Doc) -> Iterator[Relation]:
    """A park that opens a sentence as its subject hosts what the parts after its semicolons name, up to the full
    stop, while each part opens with what the park does (宽甸经济开发区开展…；坚持…，引育电商、物流企业…；…): a
    part opening with a name, or with another region or park as its subject, ends it."""
    park: Mention | None = None
    for index, sentence in enumerate(doc.ctx.sentences):
        s = doc.sents.get(index)
        if s is not None:
            opener = s.subject()
            if opener is not None:
                park = opener if opener.type == "Park" else None
            elif park is not None and (s.mentions[0].start - s.start < 2 or not _opens_with_verb(doc.ctx, s.text)):
                park = None  # a part opening with a name is about that name (…产业园…；抽水蓄能电站项目完成…)
            elif park is not None and not s.of("Park"):
                for m in s.hostable():
                    yield Relation(park.ref, "hosts", m.ref, s.index, "relation.park_subject")
        if not sentence.text.endswith(("；", ";")):
            park = None


# a park's tally of its projects right after its name (武威工业园区|开工建设项目117项, 经开区|新签约项目23个)
_PARK_TALLY = re.compile(r"(?:共|累计|新|全年)?(?:开工建设|开工|新建|续建|在建|建设|实施|签约|落地|引进|入驻|落户)(?:各类|重点|产业)?"
                         r"项目(?:共|达)?\s*\d+\s*[项个]")


def _park_tally(doc: _Doc) -> Iterator[Relation]:
    """A sentence that opens with a park's tally of its projects (其中：武威工业园区开工建设项目117项，总投资…。) is
    followed by the projects it counts: the park hosts the projects and enterprises of the sentences after it, in
    its paragraph, up to one that opens with a region or park as its subject or names a park (…正在加紧建设；黄羊工业
    园区开工建设项目65项…: the next park's tally)."""
    norm = doc.ctx.doc.norm
    order = sorted(doc.sents)
    for i, index in enumerate(order):
        s = doc.sents[index]
        park = _tallying_park(s, norm)
        if park is None:
            continue
        for later in order[i + 1:]:
            t = doc.sents[later]
            if "\n" in norm[s.start:t.start].rstrip() or t.subject() is not None or t.of("Park"):
                break
            for m in t.of("Enterprise", "Project"):
                yield Relation(park.ref, "hosts", m.ref, t.index, "relation.park_tally")


def _tallying_park(s: _Sent, norm: str) -> Mention | None:
    """The park whose tally of projects the sentence gives: its subject's, right after its name (武威工业园区|开工建设
    项目117项); or the sentence's one park, the tally later in the sentence and no other region or enterprise between
    (完成紫城工业园首期…基础设施建设，引进落户项目31个)."""
    park = s.subject()
    if park is not None and park.type == "Park" and _PARK_TALLY.match(norm, park.end):
        return park
    parks = s.of("Park")
    if len(parks) != 1:
        return None
    tally = _PARK_TALLY.search(norm, parks[0].end, s.start + len(s.text))
    between = tally is not None and any(parks[0].end <= m.start < tally.start() for m in s.of("Region", "Enterprise"))
    return parks[0] if tally is not None and not between else None


def _page_park(doc: _Doc) -> Iterator[Relation]:
    """A page whose first sentence opens with a park as its subject is about that park (杭州高新区举行…项目集中开工活动):
    the park hosts the projects, enterprises and industries of its other sentences that no other region or park
    opens as their subject."""
    if not doc.sents or min(doc.sents) > 2:
        return  # the page opens with something else (a report's date line and salutation)
    first = doc.sents[min(doc.sents)]
    park = first.subject()
    if park is None or park.type != "Park":
        return

    def names_it(s: _Sent) -> bool:  # 浙江省杭州高新区, then 杭州高新区; 吉林经开区, then 吉林市经济技术开发区
        return any(m.type == "Park" and _one_park(doc.ctx, park.label, m.label) for m in s.mentions)

    if sum(names_it(s) or _calls_park(s.text, park.label) for s in doc.sents.values()) < 2:
        return  # a park the page names once is not what it is about
    for s in doc.sents.values():
        if s is first or names_it(s) or s.subject() is not None:
            continue
        for m in s.hostable():
            yield Relation(park.ref, "hosts", m.ref, s.index, "relation.page_park")


# A park's common word as a clause's subject, after a lead of time (园区坚持…, 2024年，园区牢牢抓住…, 该开发区…)
_PARK_WORD_SUBJECT = re.compile(r"^(?:[^，。；：,;:]{0,10}[，,])?(?:该|本)?(园区|开发区|高新区|经开区|工业园区?|区内|园内)")
# ... or after a time word without a comma (近年来开发区大力实施…)
_PARK_WORD_AFTER_TIME = re.compile(r"^(?:近年来|近年|今年|去年|目前|当前|同时)(园区|开发区|高新区|经开区|工业园区?)")
# a region's common word as a clause's subject (全县推进…, 今年，我市…): the clause is about the region
_REGION_WORD_SUBJECT = re.compile(r"^(?:[^，。；：,;:]{0,10}[，,])?(?:全|我|该|本)?[省市县区旗州镇乡村]")
# which common words stand for a park of which kind (a 高新区 is no 开发区 of the county's own)
_PARK_WORD_KINDS = {"园区": ("园区", "园"), "工业园": ("工业园", "工业园区"), "工业园区": ("工业园区",),
                    "开发区": ("开发区", "经开区"), "经开区": ("开发区", "经开区"), "高新区": ("高新区", "高新技术产业开发区"),
                    "区内": ("区",), "园内": ("园", "园区")}  # 区内已形成…: within the zone
def _calls_park(text: str, label: str) -> bool:
    """Whether a clause opens with the common word of the park ``label``'s kind as its subject (园区坚持…, 2024年，
    园区…, 近年来开发区大力实施…): it speaks of that park."""
    word = _PARK_WORD_SUBJECT.match(text) or _PARK_WORD_AFTER_TIME.match(text)
    return bool(word) and label.endswith(_PARK_WORD_KINDS[word.group(1)])


_PAGE_PARK_NAMED = 3
"""How often a page must name its one park, failing its first sentences, for it to be what the page is about."""


def _park_heading(doc: _Doc) -> Iterator[Relation]:
    """A line that opens with a park and a colon (张掖经济技术开发区：2006年…批准…形成以正大集团…为龙头的农副产品加工产业)
    is about that park to the line's end: the park hosts the industries, enterprises and projects of the line's
    sentences that no region opens as its subject, and the smaller parks they name (分为农副产品加工产业园、生物制药
    产业园…: what those host lies in it too)."""
    norm = doc.ctx.doc.norm
    for s in doc.sents.values():
        park = s.mentions[0] if s.mentions else None
        if park is None or park.type != "Park" or norm[s.start:park.start].strip() \
                or norm[park.end:park.end + 1] not in "：:" or not _opens_line(norm, s.start):
            continue
        line_end = norm.find("\n", s.start)
        line_end = len(norm) if line_end < 0 else line_end
        for t in doc.sents.values():
            if s.start <= t.start < line_end and (t.subject() is None or t.subject().type == "Park"):
                inner = [p for p in t.of("Park") if p.ref != park.ref and not t.nested_in_other(p)]
                for m in t.hostable() + inner:
                    yield Relation(park.ref, "hosts", m.ref, t.index, "relation.park_heading")


_SECTION_HEAD_CHARS = 12
"""The longest line read as a section's heading of places (红光镇光明村)."""


def _region_sections(doc: _Doc) -> Iterator[Relation]:
    """A line made only of region names (红光镇光明村, between lines of prose) heads a section about its last, most
    local region, one inside the page's: that region develops the industries of the section's sentences, which name
    no other region, its projects lie in it, and its slogans and enterprises are related to it (科技种粮…玉米深加工…
    “企业+合作社+农户”模式), up to the next such line."""
    norm = doc.ctx.doc.norm
    section: Mention | None = None
    for index in sorted(doc.sents):
        t = doc.sents[index]
        regions = t.of("Region")
        text = t.text.strip()
        if regions and len(text) <= _SECTION_HEAD_CHARS and _opens_line(norm, t.start) \
                and "".join(norm[m.start:m.end] for m in regions if not any(o is not m and _inside(m, o)
                                                                              for o in regions)) == text:
            section = max(regions, key=lambda m: (m.end, m.end - m.start))
            if doc.where.rank(section.ref) != "inside":
                section = None  # a page's own region (or another) alone on a line heads the page, no section of it
            continue
        if section is None or any(r.ref != section.ref for r in regions):
            continue
        for m in t.industries():
            yield Relation(section.ref, "develops", m.ref, t.index, "relation.region_section")
        for m in t.of("Slogan"):
            yield Relation(m.ref, "relatedTo", section.ref, t.index, "relation.region_section")
        for m in t.of("Project"):
            yield Relation(m.ref, "locatedIn", section.ref, t.index, "relation.region_section")
        for m in t.of("Enterprise"):  # (联合中储粮打造…基地: a partner of the place's, not always in it)
            yield Relation(m.ref, "relatedTo", section.ref, t.index, "relation.region_section")


def _park_word(doc: _Doc) -> Iterator[Relation]:
    """On a page about one park only (named in its first sentences or three times: 宁夏平罗工业园区, then
    平罗工业园区), a sentence whose subject is the common word of the park's kind (园区坚持…, 2024年，园区…) is
    about it: the park hosts the industries, enterprises and projects it names; on a page that opens with the
    park, or in a sentence where they move into one (…等企业纷纷入驻), it hosts the enterprises of a sentence that
    names no park or region (but inside a name) and opens with no region's common word (全县…)."""
    parks = _main_park_mentions(doc.ctx, [m for m in doc.ctx.mentions if m.type == "Park"])
    if not parks:
        return  # no park, or several none of which the page names far more often than the others
    first = sorted(doc.sents)[:3]  # the first three sentences that name anything (a title is one)
    if len(parks) < _PAGE_PARK_NAMED and not any(m.sentence in first for m in parks):
        return  # a report that names some park once or twice is not about it
    counts: dict[EntityRef, int] = defaultdict(int)
    for m in parks:
        counts[m.ref] += 1
    park = max(parks, key=lambda m: (counts[m.ref], len(m.label), m.ref.key))
    opening = min(m.sentence for m in parks)
    opens = opening <= 1  # the page opens with its park (after a title line at most)
    for s in doc.sents.values():
        if s.subject() is not None:
            continue
        if _calls_park(s.text, park.label) or (opens and s.index == opening + 1 and _opens_with_verb(doc.ctx, s.text)):
            # (…经济开发区创建于2002年…。|形成机械制造…四大主导产业体系: the next sentence goes on without a subject)
            for m in s.hostable():
                yield Relation(park.ref, "hosts", m.ref, s.index, "relation.park_word")
        elif (opens or _MOVES_IN.search(s.text)) and not _REGION_WORD_SUBJECT.match(s.text) \
                and all(s.nested_in_other(m) for m in s.of("Park", "Region")):
            # 在培植优势产业方面，X公司实现产值…: the page's park's company; 沈机集团、…等企业纷纷入驻: moved into it
            for m in s.of("Enterprise"):
                yield Relation(park.ref, "hosts", m.ref, s.index, "relation.park_word")


def _main_park_mentions(ctx: Context, parks: list[Mention]) -> list[Mention]:
    """The mentions of the one park a page is about: its only park, or the park it names at least
    :data:`_PAGE_PARK_NAMED` times and twice as often as any other (广德(英德)产业园, then 广德产业园, six times; 广清产业园
    and 广佛冈产业园 once each in a list); empty when there is none."""
    groups: list[list[Mention]] = []
    for m in parks:
        group = next((g for g in groups if _one_park(ctx, g[0].label, m.label)), None)
        if group is None:
            groups.append([m])
        else:
            group.append(m)
    groups.sort(key=len, reverse=True)
    if len(groups) == 1 or (groups and len(groups[0]) >= _PAGE_PARK_NAMED and len(groups[0]) >= 2 * len(groups[1])):
        return groups[0]
    return []


_MOVES_IN = re.compile(r"入驻|进驻|入园")
"""Companies moving into a park: on a page about one park, into that one when the sentence names no other place."""


def _opens_line(text: str, at: int) -> bool:
    """Whether only spaces stand between the start of ``text``'s line and ``at``."""
    while at > 0 and text[at - 1] in " \t\u3000":
        at -= 1
    return at == 0 or text[at - 1] == "\n"


def _one_park(ctx: Context, a: str, b: str) -> bool:
    """Whether two park names name one park: one ends the other (宁夏平罗工业园区, 平罗工业园区), or they differ
    only in the long and short forms of its kind and its division (吉林市经济技术开发区, 吉林经开区), or in a place in
    brackets (广德(英德)产业园, 广德产业园), or one calls the other by its place and kind alone (唐河县开发区)."""
    a, b = _BRACKETED.sub("", a), _BRACKETED.sub("", b)  # 广德(英德)产业园 is 广德产业园, in 英德
    return a.endswith(b) or b.endswith(a) or same_park_key(ctx, a) == same_park_key(ctx, b) \
        or names_by_place(a, b) or names_by_place(b, a)  # 唐河县开发区, 唐河县先进制造业开发区


_BRACKETED = re.compile(r"[（(][^（()）]*[）)]")


def _opens_with_verb(ctx: Context, text: str) -> bool:
    """Whether ``text`` opens with a verb or an adverb (坚持…, 积极…), not a noun (垃圾焚烧发电…)."""
    tags = plain_segmenter(ctx.resources).tags(text[:8], HMM=False)
    return bool(tags) and tags[0][1] in ("v", "d")


DOCUMENT_RULES: tuple[Callable[[_Doc], Iterator[Relation]], ...] = (
    _carries_out_by_name, _named_in_name, _slogan_doc_region, _counted_parts, _enterprise_report,
    _park_subject_goes_on, _park_tally, _page_park, _park_heading, _park_word, _region_sections,
)


# --- helpers ------------------------------------------------------------------------------------


def _inside(a: Mention, b: Mention) -> bool:
    return b.start <= a.start and a.end <= b.end


def _region_before(regions: list[Mention], m: Mention) -> EntityRef | None:
    """The nearest region named before (or at the start of) ``m`` in its sentence."""
    best = None
    for r in regions:
        if r.end <= m.start or (r.start >= m.start and r.end <= m.end and r.ref != m.ref):
            if best is None or r.start > best.start:
                best = r
    return best.ref if best else None


def _clause_region_before(s: _Sent, regions: list[Mention], m: Mention) -> EntityRef | None:
    """The nearest region before ``m`` in its clause that is not part of another name or a route end."""
    best = None
    for r in regions:
        if r.end > m.start or not s.same_clause(r, m) or s.nested_in_other(r, m):
            continue
        if s.char_in(r.end, _ROUTE_LINKS) or s.char_in(r.start - 1, _ROUTE_LINKS):
            continue
        if best is None or r.start > best.start:
            best = r
    return best.ref if best else None


def _regions_after(s: _Sent, regions: list[Mention], m: Mention, sections: bool = True,
                   start: int | None = None) -> Iterator[EntityRef]:
    """Regions after ``m`` (or after ``start``) that a settling verb (落户米易) or a section (邓关段) places it in."""
    start = m.end if start is None else start
    for r in regions:
        if r.start < start or s.nested_in_other(r):
            continue
        gap = s.between(start, r.start)
        if (_SETTLE.search(gap) and len(gap) <= 6) or (sections and gap == "" and s.char_in(r.end, _SECTION)):
            yield r.ref


def _list_end(s: _Sent, m: Mention) -> int:
    """Document offset of the end of the list ``m`` opens or continues (A、B、C等食品企业), else ``m.end``."""
    same = {x.start: x for x in s.of(m.type)}
    end = m.end
    while True:
        link = _LIST_LINK.match(s.text, end - s.start)
        nxt = same.get(s.start + link.end()) if link else None
        if nxt is None or nxt.end <= end:
            break
        end = nxt.end
    tail = _LIST_TAIL.match(s.text, end - s.start)
    return s.start + tail.end() if tail else end


def _named_with(s: _Sent, regions: list[Mention], m: Mention, where: _Where) -> Iterator[EntityRef]:
    """Regions an enterprise's name holds or opens with: a region inside it or right before it (沿滩区|德胜公司),
    我县 or 本区 right before it, or the level word of the document's region or a parent (县水务集团, 省农发集团)."""
    for r in regions:
        if (_inside(r, m) and (r.start, r.end) != (m.start, m.end)) or (r.end == m.start and not s.nested_in_other(r)):
            yield r.ref
    own = _OWN_BEFORE.search(s.between(s.clause_start(m), m.start))
    if own and where.doc is not None and where.doc_label.endswith(own.group(1)):
        yield where.doc
    level, rest = m.label[:1], m.label[1:2]
    if level and level in _LEVEL_WORDS and rest and rest not in _NOT_AFTER_LEVEL and where.doc is not None:
        if where.doc_label.endswith(level):
            yield where.doc
        else:
            upper = where.upper(level)
            if upper:
                yield upper


def _own_region_after(s: _Sent, m: Mention, where: _Where) -> Iterator[EntityRef]:
    """The document's region when a settling verb after ``m``'s list names it as 我市, 本县 (落户我市)."""
    if where.doc is None:
        return
    after = _OWN_AFTER.match(s.text, _list_end(s, m) - s.start)
    if after and where.doc_label.endswith(after.group(1)):
        yield where.doc


def _worked_on_by(s: _Sent, m: Mention, where: _Where) -> EntityRef | None:
    """The region whose government the clause of ``m`` says works on it: its subject region, else the
    document's region when the clause names no other region and holds a verb of government work."""
    lo = s.clause_start(m)
    hi = lo + len(CLAUSE.match(s.text, lo - s.start).group()) if CLAUSE.match(s.text, lo - s.start) else m.end
    clause = s.between(lo, hi)
    for name in s.of("Enterprise"):
        if lo <= name.start and name.end <= hi:
            clause = clause.replace(s.between(name.start, name.end), "")
    if not _GOVERNMENT_WORK.search(clause) or _SETTLES_ELSEWHERE.match(s.text, _list_end(s, m) - s.start):
        return None
    others = [r for r in s.of("Region") if lo <= r.start < hi and not s.nested_in_other(r)]
    subjects = [r for r in _subjects(s) if r in others and r.start < m.start]
    if subjects:
        return subjects[-1].ref
    if others:
        return None
    return where.doc


def _has_proposer(ctx: Context, s: _Sent, m: Mention) -> bool:
    """Whether the slogan rules give ``m`` a proposer (自贡市委“三六八九”)."""
    return proposed_by(ctx, ctx.sentences[s.index], m.start, m.ref, "") is not None


def _names_other_proposer(s: _Sent, m: Mention, where: _Where) -> bool:
    """Whether the clause of ``m`` names a proposer other than the document's region: a body of another
    level (中央, 省委 in a county's report, 全省) or, before ``m``, another region not inside a name."""
    lo = s.clause_start(m)
    match = CLAUSE.match(s.text, lo - s.start)
    hi = lo + len(match.group()) if match else m.end
    level = where.doc_label[-1]
    for body in _OTHER_PROPOSER.finditer(s.between(lo, hi)):
        if (body.group(1) or body.group(2) or "") != level:
            return True
    return any(lo <= r.start and r.end <= m.start and r.ref != where.doc and not s.nested_in_other(r)
               for r in s.of("Region"))


def _names_own_proposer(s: _Sent, m: Mention, where: _Where, names: set[str]) -> bool:
    """Whether the text says the slogan is the document region's own: its clause names the region's
    government (县委, 我县, 区政府), or the slogan names the region (魅力沙湾) or ends as its strategy (工业强县)."""
    level = where.doc_label[-1]
    lo = s.clause_start(m)
    match = CLAUSE.match(s.text, lo - s.start)
    clause = s.between(lo, lo + len(match.group())) if match else ""
    if re.search(_OWN_BODY.format(level=level), clause):
        return True
    if any(r.ref == where.doc and _inside(r, m) for r in s.of("Region")):
        return True
    return any(n.endswith(level) and n[-2:-1] in _OWN_STRATEGY for n in names)


def _other_level_strategy(names: set[str], where: _Where) -> str:
    """The level word of another level whose own strategy the slogan is (省 for 工业强省 in a district's
    report), else ``""``."""
    level = where.doc_label[-1]
    return next((n[-1] for n in sorted(names) if len(n) >= 2 and n[-1] in _LEVEL_WORDS and n[-1] != level
                 and n[-2] in _OWN_STRATEGY), "")


def _count_and_head(label: str) -> tuple[int, str] | None:
    """(3, "工程") for 三大工程, (10, "行动") for 十大攻坚行动, (3, "年") for 三个年活动 (the campaign of three
    years of …); None for a label that counts nothing."""
    m = _COUNTED.match(label)
    if m is None:
        return None
    digits = m.group(1)
    count = int(digits) if digits.isdigit() else _CHINESE_COUNT.get(digits)
    return (count, m.group(2)) if count and count >= 2 else None


def _is_part(m: Mention, whole: Mention, head: str) -> bool:
    return (m.ref != whole.ref and m.type in ("Slogan", "Project") and m.label.endswith(head)
            and len(m.label) > len(head) and _count_and_head(m.label) is None and not _inside(m, whole))


def _listed_after(s: _Sent, whole: Mention, head: str) -> list[Mention]:
    """Parts listed right after ``whole`` in its sentence: after a colon, 即 or 包括, joined by 、，；和及."""
    tail = s.between(whole.end, s.start + len(s.text))
    lead = _PARTS_LEAD.match(tail)
    if lead is None:
        return []
    out: list[Mention] = []
    at = whole.end + lead.end()
    for m in s.mentions:
        if m.start < at or not _is_part(m, whole, head) or any(_inside(m, o) for o in out):
            continue
        if not _PARTS_GAP.fullmatch(s.between(at, m.start)):
            break
        out.append(m)
        at = m.end
    return _distinct(out)


def _listed_before(s: _Sent, whole: Mention, head: str) -> list[Mention]:
    """Parts listed right before ``whole`` in its clause (A工程、B工程“两大工程”)."""
    out: list[Mention] = []
    at = whole.start
    for m in sorted(s.mentions, key=lambda m: -m.end):
        if m.end > at or not _is_part(m, whole, head):
            continue
        if not _PARTS_GAP.fullmatch(s.between(m.end, at)) or (at == whole.start and m.end != at
                                                                and s.between(m.end, at) not in "“‘"):
            break
        out.insert(0, m)
        at = m.start
    return _distinct(out)


def _one_per_sentence(doc: _Doc, following: list[int], index: int, whole: Mention, head: str) -> list[Mention]:
    """Parts one to a sentence in the sentences right after ``whole``'s (each sentence's first part)."""
    out: list[Mention] = []
    for i, nxt in enumerate(following):
        if nxt != index + 1 + i:
            break
        parts = [m for m in doc.sents[nxt].mentions if _is_part(m, whole, head)]
        if not parts or any(_count_and_head(m.label) for m in doc.sents[nxt].of("Slogan")):
            break
        out.append(parts[0])
    return _distinct(out)


def _distinct(parts: list[Mention]) -> list[Mention]:
    seen: dict[EntityRef, Mention] = {}
    for m in parts:
        seen.setdefault(m.ref, m)
    return list(seen.values())


def _national_slogans(ctx: Context) -> frozenset[str]:
    """Formulations of the central government (四个意识, 放管服), from ``relations_national_slogans.txt``."""
    return ctx.resources.get("relations.national_slogans",
                             lambda: frozenset(w for line in data_lines("relations_national_slogans.txt")
                                               for w in line.split()))


def _subjects(s: _Sent) -> list[Mention]:
    """Regions and parks that open a clause as its subject (该县交口乡自强村探索…): the last of a chain."""
    out = []
    regions = [r for r in s.of("Region", "Park") if not s.nested_in_other(r)]
    for r in regions:
        if any(x.start == r.end for x in regions):
            continue  # not the last of the chain
        start, lead_end = s.clause_start(r), r.start
        for x in reversed([x for x in regions if start <= x.start and x.end <= r.start]):
            if x.end != lead_end:
                break
            lead_end = x.start
        if _SUBJECT_LEAD.match(s.between(start, lead_end)):
            out.append(r)
    return out


def _names_of(mentions: list[Mention], kind: str) -> dict[str, EntityRef]:
    """Names and aliases (>= 2 characters) of the ``kind`` entities mentioned, each naming one entity only."""
    names: dict[str, set[EntityRef]] = defaultdict(set)
    for m in mentions:
        if m.type == kind and m.start >= 0:
            for name in (m.label, *m.aliases):
                if len(name) >= 2:
                    names[name].add(m.ref)
    return {name: next(iter(refs)) for name, refs in names.items() if len(refs) == 1}


def _doc_label(ctx: Context) -> str:
    return next((m.label for m in ctx.mentions if m.ref == ctx.doc_region), "")
