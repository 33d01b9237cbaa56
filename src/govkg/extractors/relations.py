"""Relations between the entities found, read off the sentence that states them.

Every relation rule is listed here, in ``SENTENCE_RULES`` (one sentence at a
time) and ``DOCUMENT_RULES`` (a name that states the relation by itself).
A *clause* is the stretch of a sentence between two of ``，；：。！？``.

- ``develops`` — Region → Industry: the nearest non-province region named
  before the industry in its sentence, else the document's region;
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
- ``belongsTo`` — Enterprise → Industry: both in one clause;
- ``hasPart`` — Slogan → Industry: a numbered formula that names a system
  (“3+2+1”现代工业体系) has the industries listed in its sentence as parts;
- ``relatedTo`` — Slogan ↔ Region: the region that is the subject of the clause
  (该县交口乡自强村探索实施“五抓五促”); the document's region when the sentence
  refers to its government (该县, 我区, 区委, 县政府) or the slogan is the region's
  own strategy (工业强县 in a county's report) or names it (“来米易必做的二十件事”);
- ``relatedTo`` — Slogan ↔ entity named right before its quote (纺织产业“…”三项行动);
- ``relatedTo`` — Slogan ↔ Project / Park: a sentence that opens with carrying
  out the slogan (实行“旅游+农业”，推进X建设) relates it to the projects and parks
  of the rest of the sentence.

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

from govkg.extractors.base import Context
from govkg.extractors.gazetteer import Gazetteer, gazetteer
from govkg.model import EntityRef, Mention, Relation

CLAUSE_BREAKS = "，；：。！？,;:!?"
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
_LIST_LINKS = "、和及与"  # a park next to one of these is an item of a list, not the topic of its clause
# Words a clause may open with before its subject region: 近日，…; 去年沁源县…; 该县交口乡…
_SUBJECT_LEAD = re.compile(r"^(?:近日|今年|去年|目前|同时|此外|其中|近年来|[一二三四五六七八九十]+是)?(?:该[省市州县区旗镇乡村])?$")
_LEAD_CLAUSE_SLACK = 8  # 持续推进“…” / 实行“…”: a verb and an adverb or two around the slogan


_CLAUSE = re.compile(f"[^{re.escape(CLAUSE_BREAKS)}]+")


def clause_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of ``text``, offsets into ``text``, breaks excluded."""
    return [m.span() for m in _CLAUSE.finditer(text)]


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


def extract_relations(ctx: Context) -> Iterator[Relation]:
    """Every relation of ``SENTENCE_RULES`` and ``DOCUMENT_RULES`` (duplicates are merged later)."""
    where = _Where(ctx.doc_region, gazetteer(ctx.resources), _names_of(ctx.mentions, "Region"), _doc_label(ctx))
    for index in sorted({m.sentence for m in ctx.mentions if m.sentence >= 0}):
        s = ctx.sentences[index]
        sent = _Sent(index, s.start, s.text, tuple(sorted(ctx.mentions_in(index), key=lambda m: (m.start, -m.end))))
        for rule in SENTENCE_RULES:
            yield from rule(sent, where, ctx)
    for doc_rule in DOCUMENT_RULES:
        yield from doc_rule(ctx)


# --- sentence rules -----------------------------------------------------------------------------


def _develops(s: _Sent, where: _Where, ctx: Context) -> Iterator[Relation]:
    regions = [m for m in s.of("Region") if m.attrs and ("adminLevel", "province") not in m.attrs]
    for ind in s.industries():
        region = _region_before(regions, ind) or where.doc
        if region:
            yield Relation(region, "develops", ind.ref, s.index, "relation.develops")


def _park_hosts(s: _Sent, where: _Where, ctx: Context) -> Iterator[Relation]:
    parks = s.of("Park")
    for park in parks:
        listed = s.char_in(park.end, _LIST_LINKS) or s.char_in(park.start - 1, _LIST_LINKS)
        for m in s.industries() + s.of("Enterprise", "Project"):
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
    for m in s.of("Enterprise", "Slogan"):
        for region in _regions_after(s, regions, m, sections=False):
            predicate = "locatedIn" if m.type == "Enterprise" else "relatedTo"
            yield Relation(m.ref, predicate, region, s.index, "relation.settles_in")


def _carries_out(s: _Sent, where: _Where, ctx: Context) -> Iterator[Relation]:
    for proj in s.of("Project"):
        for ent in s.of("Enterprise"):
            if _inside(ent, proj) or (not _inside(proj, ent) and s.same_clause(ent, proj)):
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
    _develops, _park_hosts, _located_in, _carries_out, _enterprise_industry, _lead_industry,
    _formula_parts, _slogan_region, _slogan_qualifier, _lead_slogan,
)


# --- document rules -----------------------------------------------------------------------------


def _carries_out_by_name(ctx: Context) -> Iterator[Relation]:
    """A project whose name holds an enterprise's name (江苏国泰锂离子电池电解液项目) is that enterprise's."""
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


def _named_in_name(ctx: Context) -> Iterator[Relation]:
    """A name that holds another entity's name states their relation:
    a park hosts the industry its name holds (九洪高粱大豆粮油园区 → 大豆) and the project
    named after it (一枝山工业园区基础设施配套提升工程); a project relates to the industry it is named after."""
    table = (("Park", "Industry", "hosts", False), ("Project", "Park", "hosts", True),
             ("Project", "Industry", "relatedTo", False))
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


DOCUMENT_RULES: tuple[Callable[[Context], Iterator[Relation]], ...] = (_carries_out_by_name, _named_in_name)


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


def _regions_after(s: _Sent, regions: list[Mention], m: Mention, sections: bool = True) -> Iterator[EntityRef]:
    """Regions after ``m`` that a settling verb (落户米易) or a section (邓关段) places it in."""
    for r in regions:
        if r.start < m.end or s.nested_in_other(r):
            continue
        gap = s.between(m.end, r.start)
        if (_SETTLE.search(gap) and len(gap) <= 6) or (sections and gap == "" and s.char_in(r.end, _SECTION)):
            yield r.ref


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
