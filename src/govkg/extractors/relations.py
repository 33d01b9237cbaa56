"""Relations between the entities found, read off the sentence that holds them.

One place for every relation rule:

- Region ``develops`` Industry: the region named in the sentence before the industry, else the document's region;
- Park ``hosts`` Industry / Enterprise / Project: both in one sentence;
- Park / Project ``locatedIn`` Region: a region named in the sentence before it, else the document's region;
- Enterprise ``carriesOut`` Project: the project's name starts with the enterprise's, or both in one clause;
- Enterprise ``belongsTo`` Industry: both in one clause.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from govkg.extractors.base import Context
from govkg.model import EntityRef, Mention, Relation

_CLAUSE_BREAKS = "，；。！？"


def extract_relations(ctx: Context) -> Iterator[Relation]:
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in ctx.mentions:
        if m.sentence >= 0:
            by_sentence[m.sentence].append(m)
    for index, ms in sorted(by_sentence.items()):
        sent = ctx.sentences[index]
        of = defaultdict(list)
        for m in ms:
            of[m.type].append(m)
        regions = [m for m in of["Region"] if m.attrs and ("adminLevel", "province") not in m.attrs]
        for ind in of["Industry"]:
            where = _region_before(regions, ind) or ctx.doc_region
            if where:
                yield Relation(where, "develops", ind.ref, index, "relation.develops")
            for park in of["Park"]:
                yield Relation(park.ref, "hosts", ind.ref, index, "relation.park_hosts")
            for ent in of["Enterprise"]:
                if _same_clause(sent.text, sent.start, ent, ind):
                    yield Relation(ent.ref, "belongsTo", ind.ref, index, "relation.enterprise_industry")
        for kind in ("Park", "Project"):
            for m in of[kind]:
                where = _region_before(of["Region"], m) or ctx.doc_region
                if where and where != m.ref:
                    yield Relation(m.ref, "locatedIn", where, index, f"relation.{kind.lower()}_region")
        for park in of["Park"]:
            for other in of["Enterprise"] + of["Project"]:
                if not _inside(other, park) and not _inside(park, other):
                    yield Relation(park.ref, "hosts", other.ref, index, "relation.park_hosts")
        for proj in of["Project"]:
            for ent in of["Enterprise"]:
                if _inside(ent, proj) or _same_clause(sent.text, sent.start, ent, proj):
                    yield Relation(ent.ref, "carriesOut", proj.ref, index, "relation.carries_out")


def _region_before(regions: list[Mention], m: Mention) -> EntityRef | None:
    """The nearest region named before (or at the start of) ``m`` in its sentence."""
    best = None
    for r in regions:
        if r.end <= m.start or (r.start >= m.start and r.end <= m.end and r.ref != m.ref):
            if best is None or r.start > best.start:
                best = r
    return best.ref if best else None


def _inside(a: Mention, b: Mention) -> bool:
    return b.start <= a.start and a.end <= b.end


def _same_clause(text: str, offset: int, a: Mention, b: Mention) -> bool:
    lo, hi = sorted((a.start, b.start))
    return not any(c in _CLAUSE_BREAKS for c in text[lo - offset:hi - offset])
