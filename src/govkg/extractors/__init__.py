"""The extractor registry and the per-document step: a document in, its facts out.

Extractors run in the order of ``EXTRACTORS``; each sees the mentions of
those before it. Adding one means one module, one line here, and its tests.
An extractor yields mentions and relations, or facts about numbers and time
(indicator observations, project investments and milestones), which keep the
offsets of the mention they were read next to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module

from govkg.extractors.base import Context, Resources
from govkg.model import (DocFacts, Document, EntityInfo, EntityRef, Investment, Mention, Milestone, Observation,
                          Relation)

Found = Mention | Relation | Observation | Investment | Milestone
ExtractorFn = Callable[[Context], Iterable[Found]]

# name -> "module:function"; order matters (regions first: others use them)
EXTRACTORS: dict[str, str] = {
    "region": "govkg.extractors.region:extract_regions",
    "park": "govkg.extractors.park:extract_parks",
    "enterprise": "govkg.extractors.enterprise:extract_enterprises",
    "ner": "govkg.extractors.ner:extract_ner",
    "project": "govkg.extractors.project:extract_projects",
    "owner": "govkg.extractors.enterprise:extract_named_owners",
    "industry": "govkg.extractors.industry:extract_industries",
    "glossary": "govkg.extractors.glossary:extract_glossary",
    "slogan": "govkg.extractors.slogan:extract_slogans",
    "relations": "govkg.extractors.relations:extract_relations",
    "indicator": "govkg.extractors.indicator:extract_indicators",
    "project_facts": "govkg.extractors.project_facts:extract_project_facts",
}


DECIDE_BEFORE = "relations"
"""The learned decision (:mod:`govkg.decide`) keeps, retypes or rejects the candidates found before this extractor."""


def load_extractor(name: str) -> ExtractorFn:
    """The extractor function registered under ``name``."""
    module, func = EXTRACTORS[name].split(":")
    return getattr(import_module(module), func)


def extract(doc: Document, sentences, resources: Resources) -> DocFacts:
    """Run every registered extractor over ``doc``; merge mentions into entities."""
    ctx = Context(doc=doc, sentences=tuple(sentences), resources=resources)
    relations: list[Relation] = []
    facts: list[Observation | Investment | Milestone] = []
    for name in EXTRACTORS:
        if name == DECIDE_BEFORE:
            from govkg.decide import decide
            from govkg.extractors.names import never_a_name

            kept = decide(ctx, [m for m in ctx.mentions if not never_a_name(m.ref.type, m.label)])
            ctx.replace_mentions(_without_company_origins(ctx, kept))
        found = list(load_extractor(name)(ctx))
        ctx.mentions.extend(x for x in found if isinstance(x, Mention))
        relations.extend(x for x in found if isinstance(x, Relation))
        facts.extend(x for x in found if isinstance(x, (Observation, Investment, Milestone)))
        if name == "region":
            from govkg.extractors.region import document_region

            ctx.doc_region = document_region(ctx, ctx.mentions)
    mentions, relations = _resolve(ctx, list(ctx.mentions), relations)
    mentions = _dedupe_mentions(mentions)
    entities = _entities(doc, mentions)
    relations = [r for r in _dedupe_relations(relations) if r.subject in entities and r.object in entities]
    investments, milestones = _project_facts(facts, mentions)
    from govkg.extractors.timeframe import timeline_of

    return DocFacts(document=doc, sentences=ctx.sentences, mentions=tuple(mentions),
                    relations=tuple(relations), entities=entities, year=timeline_of(ctx).year,
                    region=ctx.doc_region, observations=tuple(x for x in facts if isinstance(x, Observation)),
                    investments=investments, milestones=milestones)


def _without_company_origins(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` less the regions named only inside companies' names (浙江|嘉兴|豪企集成家居有限公司): where a
    company comes from, not a place the document speaks of. A region also named on its own, or declared as the
    document's region or one above it, stays; so does the city of the county the document is about, named on its
    own, when only a local company's name names the city (湘西州|土家人集团公司 in a page about 保靖县), and the
    county the document is about, however it is named."""
    from govkg.extractors.gazetteer import COUNTY, gazetteer

    companies = [(m.start, m.end) for m in mentions if m.ref.type == "Enterprise" and m.start >= 0]
    if not companies:
        return mentions
    regions: dict[EntityRef, list[Mention]] = {}
    for m in mentions:
        if m.ref.type == "Region":
            regions.setdefault(m.ref, []).append(m)
    origins = {ref for ref, ms in regions.items()
               if all(m.start >= 0 and any(a <= m.start and m.end <= b for a, b in companies) for m in ms)}
    home = gazetteer(ctx.resources).divisions.get(ctx.doc_region.key) if ctx.doc_region is not None else None
    if home is not None and home.level == COUNTY:
        if ctx.doc_region not in origins:
            origins.discard(EntityRef("Region", home.parent))
        origins.discard(ctx.doc_region)  # 子长市|联村农业发展有限公司 on a page about 子长 and its villages
    return [m for m in mentions if m.ref not in origins]


def _project_facts(facts: list, mentions: list[Mention]) -> tuple[tuple[Investment, ...], tuple[Milestone, ...]]:
    """Investments and milestones moved to the entity their project mention resolved to (dropped with it)."""
    from dataclasses import replace

    project_at = {(m.start, m.end): m.ref for m in mentions if m.ref.type == "Project"}
    investments: dict[tuple, Investment] = {}
    milestones: dict[tuple, Milestone] = {}
    for f in facts:
        ref = project_at.get((f.start, f.end)) if isinstance(f, (Investment, Milestone)) else None
        if ref is None:
            continue
        f = replace(f, project=ref)
        if isinstance(f, Investment):
            investments.setdefault((f.start, f.end), f)  # one sum per project mention
        else:
            milestones.setdefault((ref, f.stage, f.year), f)
    return (tuple(sorted(investments.values(), key=lambda f: (f.sentence, f.start, f.project.key))),
            tuple(sorted(milestones.values(), key=lambda f: (f.sentence, f.start, f.project.key, f.stage))))


def _resolve(ctx: Context, mentions: list[Mention], relations: list[Relation]):
    """Join short and region-prefixed names, scope common park names to the document's region."""
    from govkg.extractors.gazetteer import gazetteer, short_form
    from govkg.extractors.names import head_regex
    from govkg.extractors.phrase import is_common_word, lexicon
    from govkg.graph.resolve import resolve_document

    prefixes = set()
    for m in mentions:
        if m.ref.type == "Region":
            prefixes.add(m.label)
            prefixes.update(m.aliases)
    scope = None
    if ctx.doc_region is not None:
        scope = ctx.doc_region.key
        gaz = gazetteer(ctx.resources)
        if scope in gaz.divisions:
            for code in [scope, *gaz.ancestors(scope)]:
                name = gaz.get(code).name
                prefixes.update(filter(None, (name, short_form(name))))
    lex = lexicon(ctx)
    park_head = head_regex("park_heads.txt")

    def is_common(label: str) -> bool:
        body = park_head.sub("", label)
        words = [w for w in lex.tokenizer.cut(body, HMM=False) if w.strip()]
        return bool(words) and all(is_common_word(lex, w) for w in words)

    from govkg.extractors.park import same_park_key

    return resolve_document(mentions, relations, prefixes, scope, is_common, lambda label: same_park_key(ctx, label))


def _dedupe_mentions(mentions: list[Mention]) -> list[Mention]:
    """One mention per span and type (the first extractor's), and any number of spanless declarations."""
    seen: dict[tuple, Mention] = {}
    for m in mentions:
        key = (m.ref, m.start, m.end) if m.start < 0 else (m.ref.type, m.start, m.end)
        seen.setdefault(key, m)
    return sorted(seen.values(), key=lambda m: (m.start, m.end, m.ref.type, m.ref.key))


def _dedupe_relations(relations: list[Relation]) -> list[Relation]:
    seen: dict[tuple, Relation] = {}
    for r in relations:
        if r.subject != r.object:
            seen.setdefault((r.subject, r.predicate, r.object, r.sentence), r)
    return sorted(seen.values(), key=lambda r: (r.subject.type, r.subject.key, r.predicate,
                                                r.object.type, r.object.key, r.sentence or -1))


def _entities(doc: Document, mentions: list[Mention]) -> dict[EntityRef, EntityInfo]:
    """One EntityInfo per entity: label, aliases (incl. the original-script surface), definition."""
    out: dict[EntityRef, EntityInfo] = {}
    for m in mentions:
        info = out.get(m.ref)
        if info is None:
            info = out[m.ref] = EntityInfo(ref=m.ref, label=m.label)
        info.aliases.update(m.aliases)
        if m.start >= 0:
            surface = doc.text[m.start:m.end]
            folded = doc.norm[m.start:m.end]
            if folded != m.label:
                info.aliases.add(folded)
            if surface != folded:
                info.aliases.add(surface)
        if m.definition and not info.definition:
            info.definition = m.definition
        for k, v in m.attrs:
            if k == "confidence" and k in info.attrs:  # two candidates became one entity: the surer one
                info.attrs[k] = max(v, info.attrs[k], key=float)
            else:
                info.attrs.setdefault(k, v)
    for ref, info in out.items():
        canonical = _canonical_label(ref)
        if canonical and canonical != info.label:  # every document gives the entity the same label
            info.aliases.add(info.label)
            info.label = canonical
        info.aliases.discard(info.label)
        info.aliases = {a for a in info.aliases if a.strip()}
    return dict(sorted(out.items(), key=lambda kv: (kv[0].type, kv[0].key)))


def _canonical_label(ref: EntityRef) -> str | None:
    """The label an entity keyed by its name always gets: the key without its scope prefix.

    Regions are keyed by code and keep the gazetteer's name.
    """
    if ref.type == "Region":
        return None
    return ref.key.split(":", 1)[-1] or None
