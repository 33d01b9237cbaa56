"""Applying a curation to one document's facts, right after extraction.

:func:`apply_curation` rewrites a :class:`~govkg.model.DocFacts`: a rejected
entity loses its mentions and relations, a retyped, renamed or merged one
moves to its new identity (type and key, as :mod:`govkg.graph.iri` makes IRIs
of them), and every entity a decision touched records it as
``govkg:curation`` (the decision's text). Accepting sets a confidence present
to 1. A relation whose ends no longer fit the ontology's domain and range
(an industry retyped as a region cannot be developed) is dropped, and so is
an entity attribute whose domain is another type (a region's code). A
project's investments and milestones follow it (renamed, merged) or go with
it (rejected, retyped to another type).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from govkg.curation import Curation, Decision
from govkg.extractors.base import Resources
from govkg.model import DocFacts, EntityInfo, EntityRef, Mention, Relation
from govkg.ontology.namespaces import ENTITY_TYPES, type_kinds

CURATION_ATTR = "curation"
"""The entity attribute (``govkg:curation``) that records the decisions applied to it."""

CONFIDENCE_ATTR = "confidence"
CERTAIN = "1"  # xsd:decimal in canonical form, as govkg.decide writes confidences

Outcome = tuple[EntityRef, str, tuple[Decision, ...]] | None
"""Where an entity goes: (new ref, new label, the decisions followed), or None when it is rejected."""


def apply_curation(facts: DocFacts, curation: Curation | None, resources: Resources | None = None) -> DocFacts:
    """``facts`` with ``curation`` applied; the same object when no decision names one of its entities."""
    if not curation:
        return facts
    outcomes: dict[EntityRef, Outcome] = {}
    for ref, info in facts.entities.items():
        if curation.get(ref.type, info.label) is not None:
            outcomes[ref] = _outcome(facts, ref, info, curation, resources)
    if not outcomes:
        return facts
    mentions = _mentions(facts, outcomes)
    named_before = {m.ref for m in facts.mentions}
    named = {m.ref for m in mentions}
    entities = {ref: info for ref, info in _entities(facts, outcomes).items()
                if ref in named or ref not in named_before and ref not in outcomes}  # a span went to another entity
    relations = _relations(facts.relations, outcomes, entities)
    investments = tuple(replace(f, project=ref) for f in facts.investments
                        if (ref := _moved(outcomes, f.project)) is not None and ref.type == "Project")
    milestones = tuple(replace(f, project=ref) for f in facts.milestones
                       if (ref := _moved(outcomes, f.project)) is not None and ref.type == "Project")
    return replace(facts, mentions=mentions, relations=relations, entities=entities, investments=investments,
                   milestones=milestones)


def _outcome(facts: DocFacts, ref: EntityRef, info: EntityInfo, curation: Curation,
             resources: Resources | None) -> Outcome:
    try:
        end, followed = curation.outcome(ref.type, info.label)
    except ValueError:  # a circle: read_curation refuses such a file, so only hand-made curations get here
        return ref, info.label, ()
    if end is None:
        return None
    type_, label = end
    if (type_, label) == (ref.type, info.label):
        return ref, label, followed
    return _ref_for(facts, ref, type_, label, resources), label, followed


def _ref_for(facts: DocFacts, old: EntityRef, type_: str, label: str, resources: Resources | None) -> EntityRef:
    """The identity of the entity ``type_``/``label`` in this document: the entity of that name the document
    has already, else a region's gazetteer code, else a key made as the extractors make it (the name, with the
    scope prefix the old key had)."""
    for ref, info in facts.entities.items():
        if ref.type == type_ and info.label == label:
            return ref
    if type_ == "Region":
        code = _region_code(facts, label, resources)
        if code is not None:
            return EntityRef(type_, code)
        return EntityRef(type_, label)
    scope = old.key.split(":", 1)[0] + ":" if ":" in old.key and old.type == type_ else ""  # a park's region scope
    return EntityRef(type_, scope + label)


def _region_code(facts: DocFacts, name: str, resources: Resources | None) -> str | None:
    """The gazetteer code of the region called ``name``: the only one, or the one under a region the
    document names."""
    from govkg.extractors.gazetteer import gazetteer

    gaz = gazetteer(resources if resources is not None else Resources())
    codes = gaz.by_name.get(name, ())
    if len(codes) == 1:
        return codes[0]
    named = {r.key for r in facts.entities if r.type == "Region"}
    near = [c for c in codes if named & set(gaz.ancestors(c))]
    return near[0] if len(near) == 1 else None


def _mentions(facts: DocFacts, outcomes: dict[EntityRef, Outcome]) -> tuple[Mention, ...]:
    """Mentions moved to their entity's new identity, the rejected ones dropped; one per span and type."""
    seen: dict[tuple, Mention] = {}
    kept_first = sorted(facts.mentions, key=lambda m: m.ref in outcomes)  # a span keeps the entity left as it was
    for m in kept_first:
        if m.ref in outcomes:
            out = outcomes[m.ref]
            if out is None:
                continue
            ref, label, _ = out
            if ref != m.ref or label != m.label:
                aliases = tuple(sorted({*m.aliases, m.label} - {label})) if label != m.label else m.aliases
                m = replace(m, ref=ref, label=label, aliases=aliases)
        key = (m.ref, m.start, m.end) if m.start < 0 else (m.ref.type, m.start, m.end)
        seen.setdefault(key, m)
    return tuple(sorted(seen.values(), key=lambda m: (m.start, m.end, m.ref.type, m.ref.key)))


def _entities(facts: DocFacts, outcomes: dict[EntityRef, Outcome]) -> dict[EntityRef, EntityInfo]:
    out: dict[EntityRef, EntityInfo] = {}
    records: dict[EntityRef, set[str]] = {}
    accepted: set[EntityRef] = set()
    moved = [(ref, info) for ref, info in facts.entities.items() if ref not in outcomes]
    moved += [(ref, info) for ref, info in facts.entities.items() if ref in outcomes]  # into those kept as they are
    for ref, info in moved:
        if ref in outcomes and outcomes[ref] is None:
            continue
        target, label, followed = outcomes[ref] if ref in outcomes else (ref, info.label, ())
        new = out.get(target)
        if new is None:
            new = out[target] = EntityInfo(ref=target, label=label)
        elif ref in outcomes and target != ref:
            new.label = label
        new.aliases |= info.aliases | ({info.label} if info.label != label else set())
        new.definition = new.definition or info.definition
        for k, v in info.attrs.items():
            if _fits(k, target.type):
                new.attrs[k] = max(v, new.attrs[k], key=float) if k == CONFIDENCE_ATTR and k in new.attrs \
                    else new.attrs.get(k, v)
        if followed:
            records.setdefault(target, set()).update(d.text() for d in followed)
            if followed[-1].verb == "accept":
                accepted.add(target)
    for ref, texts in records.items():
        info = out[ref]
        earlier = info.attrs.get(CURATION_ATTR)
        info.attrs[CURATION_ATTR] = "; ".join(sorted(texts | ({earlier} if earlier else set())))
        if ref in accepted and CONFIDENCE_ATTR in info.attrs:
            info.attrs[CONFIDENCE_ATTR] = CERTAIN
    for info in out.values():
        info.aliases.discard(info.label)
    return dict(sorted(out.items(), key=lambda kv: (kv[0].type, kv[0].key)))


def _relations(relations: tuple[Relation, ...], outcomes: dict[EntityRef, Outcome],
               entities: dict[EntityRef, EntityInfo]) -> tuple[Relation, ...]:
    """Relations with their ends moved; those with a rejected end, a loop or ends the ontology does not allow
    dropped; one per (subject, predicate, object, sentence)."""
    seen: dict[tuple, Relation] = {}
    for r in relations:
        s, o = (_moved(outcomes, x) for x in (r.subject, r.object))
        if s is None or o is None or s == o or s not in entities or o not in entities:
            continue
        if (s, o) != (r.subject, r.object):
            if not _allowed(r.predicate, s.type, o.type):
                continue
            r = replace(r, subject=s, object=o)
        seen.setdefault((r.subject, r.predicate, r.object, r.sentence), r)
    return tuple(sorted(seen.values(), key=lambda r: (r.subject.type, r.subject.key, r.predicate,
                                                      r.object.type, r.object.key, r.sentence or -1)))


def _moved(outcomes: dict[EntityRef, Outcome], ref: EntityRef) -> EntityRef | None:
    if ref not in outcomes:
        return ref
    out = outcomes[ref]
    return None if out is None else out[0]


def _allowed(predicate: str, subject_type: str, object_type: str) -> bool:
    domain, range_ = _ends().get(predicate, (None, None))
    return domain in (None, subject_type) and range_ in (None, object_type)


def _fits(attr: str, type_: str) -> bool:
    """Whether an entity of ``type_`` may carry ``attr`` (its domain is no other entity type)."""
    return _ends().get(attr, (None, None))[0] in (None, type_)


@lru_cache(maxsize=1)
def _ends() -> dict[str, tuple[str | None, str | None]]:
    """Each govkg property's domain and range, where they are entity types (from ``govkg.ttl``)."""
    from rdflib import RDFS

    from govkg.ontology import ontology_graph
    from govkg.ontology.namespaces import ONTOLOGY_BASE

    g = ontology_graph()

    def entity_type(term) -> str | None:  # a Division (locatedIn's range) is a Region among a document's facts
        return type_kinds().get(str(term)) if term is not None else None

    props = {s for s in g.subjects() if str(s).startswith(ONTOLOGY_BASE)}
    return {str(p)[len(ONTOLOGY_BASE):]: (entity_type(g.value(p, RDFS.domain)), entity_type(g.value(p, RDFS.range)))
            for p in sorted(props)}
